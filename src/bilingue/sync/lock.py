"""The lock file: per-block provenance of an English essay, committed next to it.

``docs/essais/x.md`` (French) -> ``x.en.md`` (English, plain Markdown anyone can edit) and
``x.lock.json`` (this). The lock says, for each prose block of the English file, which French
block it translates (the French block's key) and what the machine wrote there (a hash). A block
whose English text no longer has that hash was edited by a person; a block whose French key is no
longer in the French file is stale.

Writes are crash-safe in two phases: the lock is first written with the new state as ``pending``,
then the English file, then the lock again without ``pending``. A run killed between those steps
is resolved by the next one: if the English file has the pending hash the write happened,
otherwise it did not (see ``settle``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bilingue.errors import SourceFileError
from bilingue.files import atomic_write_text, read_text

LOCK_VERSION = 1
HUMAN = "human"  # provider name of text written by a person

Owner = Literal["machine", "human"]


class BlockEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    #: key of the French block this English block translates (``Block.key``)
    source: str
    #: sha256 of the English prose as the machine wrote it; None when a person wrote it
    machine: str | None = None
    #: who translated it: a provider name ("google", "pseudo"...) or "human"
    provider: str = HUMAN
    translated: dt.date
    #: sha256 of a person's English text when it was last recorded: if the French changes and the
    #: person then edits the English again, the block is taken as brought up to date
    human: str | None = None


class LockState(BaseModel):
    model_config = ConfigDict(extra="forbid")

    #: who owns the English file: "human" when it no longer lines up with the French blocks
    owner: Owner = "machine"
    source_sha256: str  # the French file this state was made from
    target_sha256: str  # the English file as written (or adopted)
    skeleton_sha256: str  # the English file outside its prose blocks (structure)
    synced: dt.date
    #: every entry translates the French block at its place (none stale or failed) when written
    in_step: bool = False
    blocks: list[BlockEntry] = Field(default_factory=list)


class Lock(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int = LOCK_VERSION
    source: str  # French file name, relative to the lock's folder
    target: str  # English file name
    state: LockState
    #: the state being written (present only while a run is between its writes)
    pending: LockState | None = None


def read_lock(path: Path) -> Lock | None:
    """The lock at ``path``, None when there is none; a damaged lock names itself and the fix."""
    if not path.exists():
        return None
    try:
        text = read_text(path)
    except SourceFileError as error:  # not UTF-8, or a folder
        raise SourceFileError(path, error.line, f"unreadable lock file: {error.problem}", LOCK_FIX) from None
    try:
        return Lock.model_validate_json(text)
    except ValidationError as error:
        line, reason = _why_unreadable(text, error)
        raise SourceFileError(path, line, f"unreadable lock file: {reason}", LOCK_FIX) from None


def write_lock(path: Path, lock: Lock) -> None:
    data = lock.model_dump(mode="json", exclude_none=True)
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def settle(lock: Lock, english_text: str | None = None, *, pending_written: bool = False) -> Lock:
    """Resolve a run interrupted between its writes (see the module docstring).

    ``pending_written`` says the English write happened even though the file has changed since
    (a person edited it after the interrupted run; the caller tells by its structure).
    """
    if lock.pending is None:
        return lock
    written = english_text is not None and sha256(english_text) == lock.pending.target_sha256
    if written or pending_written:
        return lock.model_copy(update={"state": lock.pending, "pending": None})
    return lock.model_copy(update={"pending": None})


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _why_unreadable(text: str, error: ValidationError) -> tuple[int | None, str]:
    """The line (for broken JSON) and a reason a person can act on, from a lock that failed."""
    try:
        json.loads(text)
    except json.JSONDecodeError as syntax:  # damaged, e.g. cut short: pydantic gives no line
        return syntax.lineno, f"invalid JSON at column {syntax.colno}: {syntax.msg}"
    problems = error.errors(include_url=False)
    first = problems[0]
    field = ".".join(str(part) for part in first["loc"])
    reason = f"{field}: {first['msg']}" if field else first["msg"]
    more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
    return None, f"not a lock file this version can read ({reason}){more}"


# ---------------------------------------------------------------------------------------------------
# Data

#: what to do with a lock that cannot be read (guide/translators.md, "Keeping English in step")
LOCK_FIX = (
    "restore it with git (git checkout -- FILE), or delete it: the next run then adopts the English "
    "file as a person's translation"
)
