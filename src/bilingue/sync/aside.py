"""A person's English blocks set aside in a lock (their French is gone), and clearing them.

``translate`` never drops a person's English block: when its French paragraph is deleted or
rewritten beyond recognition, the block leaves the English file and is kept in the lock's
``aside`` list, with its French, and reported (``status --diff``, ``translate --check``) until a
person has put it back where it belongs, or decided it can go, and cleared it with
``translate --clear-aside``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from bilingue.errors import SourceFileError
from bilingue.files import claim_folders
from bilingue.paths import lock_path_for
from bilingue.sync.lock import LOCK_VERSION, read_lock, write_lock


def clear_aside(french_paths: Iterable[Path]) -> dict[Path, int]:
    """Forget the blocks set aside in the locks of ``french_paths``: how many, per essay."""
    paths = sorted(set(french_paths))
    cleared: dict[Path, int] = {}
    with claim_folders({path.parent for path in paths}, what="a `translate` run or a site build"):
        for path in paths:
            lock_path = lock_path_for(path)
            lock = read_lock(lock_path)
            if lock is not None and lock.version < LOCK_VERSION:
                # what an older lock sets aside is known once it is read in today's form
                raise SourceFileError(
                    lock_path,
                    None,
                    f"the lock is of version {lock.version}; this bilingue writes version {LOCK_VERSION}",
                    "run `python -m bilingue translate` first (it brings the lock up to date, sending "
                    "nothing), then clear what is set aside",
                )
            if lock is None or not lock.state.aside:
                cleared[path] = 0
                continue
            cleared[path] = len(lock.state.aside)
            state = lock.state.model_copy(update={"aside": []})
            pending = lock.pending.model_copy(update={"aside": []}) if lock.pending else None
            write_lock(lock_path, lock.model_copy(update={"state": state, "pending": pending}))
    return cleared
