"""``mkdocs serve`` that keeps up: one rebuild per edit, and no service retried on every rebuild.

- ``OwnWritesFilter`` wraps the server's builder. In auto mode a build writes ``x.en.md`` and
  ``x.lock.json`` into docs/, which MkDocs watches: without the filter every French edit costs
  two full rebuilds. The filter notes the state (mtime, size) of every watched file before a
  build and the state of each file the build wrote itself (``files.recording_writes``); when the
  watcher fires and nothing differs from that, the build is skipped. A file an author changes
  during a build differs from both, so it is rebuilt as usual.
- ``UnreachableProviders`` remembers a translation service that failed, for a few minutes, so
  that an offline author does not wait for the retries on every rebuild; it says so once.

Importable without MkDocs (the builder is any callable).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bilingue.files import FileState, file_state, recording_writes

log = logging.getLogger("mkdocs.hooks.serve")

#: how long a failing translation service is left alone (seconds)
UNREACHABLE_FOR = 300.0

Snapshot = dict[Path, FileState]


class OwnWritesFilter:
    """A builder that does nothing when the only changes since the last build are its own writes."""

    def __init__(self, builder: Callable[..., None], watched: Callable[[], Iterable[Path | str]]):
        self.builder = builder
        self.watched = watched  # the paths the server watches (asked at each call: plugins add some)
        self._expected: Snapshot | None = None

    def prime(self) -> None:
        """Take the files as they are now as built (the server's first build ran without us)."""
        self._expected = snapshot(self.watched())

    def __call__(self, *arguments, **keywords) -> None:
        before = snapshot(self.watched())
        if self._expected is not None and before == self._expected:
            log.info("Only the build's own writes changed (English files, locks): no rebuild")
            return
        with recording_writes() as written:
            self.builder(*arguments, **keywords)
        expected = dict(before)
        for path, state in written.items():
            if path in expected or _under(path, self.watched()):
                expected[path] = state
        self._expected = expected


def snapshot(paths: Iterable[Path | str]) -> Snapshot:
    """State of every file under ``paths`` (folders walked, hidden temporary files included)."""
    states: Snapshot = {}
    for root in paths:
        root = Path(root).resolve()
        if root.is_file():
            if (state := file_state(root)) is not None:
                states[root] = state
            continue
        for folder, _, names in os.walk(root):
            for name in names:
                path = Path(folder, name)
                if (state := file_state(path)) is not None:
                    states[path] = state
    return states


@dataclass
class UnreachableProviders:
    """Translation services that failed lately, left alone for ``pause`` seconds."""

    pause: float = UNREACHABLE_FOR
    clock: Callable[[], float] = time.monotonic
    _until: dict[str, float] = field(default_factory=dict)

    def remember(self, provider: str, reason: str) -> None:
        """``provider`` just failed: say so once, and leave it alone for a while."""
        if provider not in self._until:
            minutes = round(self.pause / 60)
            log.info(
                f"translation: {provider} unreachable ({reason}); not tried again for {minutes} min "
                "(existing English is used meanwhile; `python -m bilingue translate` retries now)"
            )
        self._until[provider] = self.clock() + self.pause

    def is_resting(self, provider: str) -> bool:
        """Whether ``provider`` failed recently and is left alone for now."""
        until = self._until.get(provider)
        if until is None:
            return False
        if self.clock() >= until:
            del self._until[provider]
            return False
        return True


def _under(path: Path, roots: Iterable[Path | str]) -> bool:
    return any(path.is_relative_to(Path(root).resolve()) for root in roots)
