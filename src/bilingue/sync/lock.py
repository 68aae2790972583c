"""The lock file: per-block provenance of an English essay, committed next to it.

``docs/essais/x.md`` (French) -> ``x.en.md`` (English, plain Markdown anyone can edit) and
``x.lock.json`` (this). The lock says, for each prose block of the English file, which French
block it translates (the French block's key and, as a PO file's ``msgid``, its text) and what the
machine wrote there (a hash). A block whose English text no longer has that hash was edited by a
person. A person's block whose French changed keeps the French it translates as ``previous`` (a PO
file's previous ``msgid`` of a fuzzy entry) until the person edits it; a person's block whose French
is gone is kept ``aside`` with its French (a PO file's obsolete entries) until a person clears it.

Older locks are read in today's form (``migrate``) and written back by the next run, provenance
kept as it was. Version 1 (hashes only): each entry's French text is taken from the French file
where its key still matches. Version 2 (before do-not-translate containers were kept as written):
entries of blocks inside such a container (``<div markdown class="notranslate">``), now verbatim
and never translated, are dropped (a person's English for one is kept ``aside``), and the English
file's structure hash is counted again with their text as structure.

Writes are crash-safe in two phases: the lock is first written with the new state as ``pending``,
then the English file, then the lock again without ``pending``. A run killed between those steps
is resolved by the next one: if the English file has the pending hash the write happened,
otherwise it did not (see ``settle``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bilingue.errors import SourceFileError
from bilingue.files import atomic_write_text, read_text

LOCK_VERSION = 3
HUMAN = "human"  # provider name of text written by a person
#: provider name of English found without a lock: nobody knows who wrote it (a person protects it)
ADOPTED = "adopted"
#: provider name of a block no service could translate safely: its English is the French text,
#: kept until the French changes or a person translates it (``reason`` says why)
UNTRANSLATED = "untranslated"

Owner = Literal["machine", "human"]


class BlockEntry(BaseModel):
    """One English prose block in the lock: the French block it translates, and who wrote it."""

    model_config = ConfigDict(extra="forbid")

    #: key of the French block this English block translates (``Block.key``)
    source: str
    #: that French block's prose (a PO ``msgid``): lets an edited paragraph be told from a new one.
    #: None only in an entry migrated from a version 1 lock whose French had already changed
    french: str | None = None
    #: a person's block whose French changed: the French the person's English translates (a PO
    #: fuzzy entry's previous ``msgid``); cleared when the person edits the English block. ""
    #: when that French was not recorded (an entry migrated from a version 1 lock)
    previous: str | None = None
    #: sha256 of the English prose as the machine wrote it; None when a person wrote it
    machine: str | None = None
    #: who translated it: a provider name ("google", "pseudo"...) or "human"
    provider: str = HUMAN
    translated: dt.date
    #: sha256 of a person's English text when it was last recorded: if the French changes and the
    #: person then edits the English again, the block is taken as brought up to date
    human: str | None = None
    #: why the block is still French (provider "untranslated"), for ``translate --check``
    reason: str | None = None

    @property
    def by_person(self) -> bool:
        """Written, edited or adopted by a person: never overwritten, never dropped silently."""
        return self.machine is None

    @property
    def translates(self) -> str | None:
        """The French this English block translates (None: not recorded by an older lock)."""
        return self.french if self.previous is None else self.previous or None

    @property
    def stale(self) -> bool:
        """A person's block whose French changed since the person last edited it."""
        return self.previous is not None


class AsideEntry(BaseModel):
    """A person's English block whose French paragraph is gone (deleted, or rewritten beyond
    recognition): out of the English file, kept here and reported until a person clears it."""

    model_config = ConfigDict(extra="forbid")

    english: str  # the person's English text
    french: str | None = None  # the French it translated (None: lost with a version 1 lock)
    line: int  # its line in the English file when it was set aside
    since: dt.date


class LockState(BaseModel):
    """The state of an English file after a run: who owns it, from which French, which blocks."""

    model_config = ConfigDict(extra="forbid")

    #: who owns the English file: "human" when it no longer lines up with the French blocks
    owner: Owner = "machine"
    source_sha256: str  # the French file this state was made from
    target_sha256: str  # the English file as written (or adopted)
    skeleton_sha256: str  # the English file outside its prose blocks (structure)
    synced: dt.date
    #: every entry translates the French block at its place (none stale or failed) when written
    in_step: bool = False
    #: the English file was found without a lock: who wrote it is unknown (see ``ADOPTED``)
    adopted: bool = False
    blocks: list[BlockEntry] = Field(default_factory=list)
    #: a person's blocks whose French is gone, oldest first (``AsideEntry``)
    aside: list[AsideEntry] = Field(default_factory=list)


class Lock(BaseModel):
    """An essay's ``x.lock.json``: its state, and the pending one while a run writes."""

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
        lock = Lock.model_validate_json(text)
    except ValidationError as error:
        line, reason = _why_unreadable(text, error)
        raise SourceFileError(path, line, f"unreadable lock file: {reason}", LOCK_FIX) from None
    if lock.version > LOCK_VERSION:
        raise SourceFileError(
            path,
            None,
            f"lock file version {lock.version} is newer than this bilingue reads ({LOCK_VERSION})",
            "update bilingue (pip install -e . in an up-to-date clone) before translating",
        )
    return lock


def migrate(
    lock: Lock,
    french_texts: Mapping[str, str],
    *,
    verbatim: Collection[int] = (),
    set_aside: Sequence[AsideEntry] = (),
    skeleton: str | None = None,
) -> Lock:
    """A lock of an older version in today's form, provenance unchanged.

    ``french_texts`` maps the keys of the French file's blocks to their prose: an entry whose key
    is still there gets its French text; one whose French already changed keeps none (its block
    can then only be matched by key). From a version 2 lock, the entries at the positions
    ``verbatim`` (blocks now kept as written, never translated) are dropped, ``set_aside`` (a
    person's English among them) is kept aside, and ``skeleton`` (when given) replaces the
    structure hash, now counting their text. The version stays as read, so the caller knows to
    write it.
    """
    if lock.version == LOCK_VERSION:
        return lock

    def upgraded(state: LockState) -> LockState:
        blocks = [
            entry.model_copy(update={"french": entry.french or french_texts.get(entry.source)})
            for entry in state.blocks
        ]
        return state.model_copy(update={"blocks": blocks})

    state = upgraded(lock.state)
    if verbatim or set_aside or skeleton is not None:
        state = state.model_copy(
            update={
                "blocks": [entry for i, entry in enumerate(state.blocks) if i not in verbatim],
                "aside": state.aside + list(set_aside),
                "skeleton_sha256": skeleton or state.skeleton_sha256,
                "in_step": state.in_step and not verbatim,
            }
        )
    pending = upgraded(lock.pending) if lock.pending is not None else None
    return lock.model_copy(update={"state": state, "pending": pending})


def write_lock(path: Path, lock: Lock) -> None:
    """Write ``lock`` to ``path`` atomically (stable JSON: keys sorted, one diff line per change)."""
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
    """The hex sha256 of ``text`` in UTF-8."""
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
