"""What a sync would do to one essay, worked out without sending anything.

The French file is cut into prose blocks (the one Markdown model); the lock lists, for each prose
block of the English file, the French block it came from. The two are aligned by content, so
inserted, deleted, moved, edited, split and merged paragraphs keep their translations; then each
French block gets an action:

- ``reuse``: same French text as when it was translated, English untouched by people;
- ``human``: same French text, English edited by a person (kept, never overwritten);
- ``stale``: the French text changed but a person edited the English (kept, reported with the
  old and new French until the person edits the English block);
- ``translate``: new or changed French text: send it.

The alignment itself is ``bilingue.sync.align``: same French first, then edited French by
similarity (never by position); a person's block left without French is set aside in the lock.

A plan for a file a person restructured (block counts or structure outside the prose no longer
match the lock) says the file is human-owned: it is never written again, only reported stale
when its French changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from bilingue.files import read_text
from bilingue.frontmatter import key_spans, split_front_matter
from bilingue.markdown import ENGLISH_ONLY_KEYS, Document, compare_documents, parse_document
from bilingue.paths import english_path_for, lock_path_for
from bilingue.sync.align import Alignment, Match, NewBlock, OldBlock, Pair
from bilingue.sync.changes import SetAsideBlock, StaleBlock
from bilingue.sync.lock import (
    ADOPTED,
    HUMAN,
    LOCK_VERSION,
    AsideEntry,
    BlockEntry,
    Lock,
    migrate,
    read_lock,
    settle,
    sha256,
)
from bilingue.translate import BlockIssue, TranslateOptions, assemble, request_units


class Status(StrEnum):
    """What a sync does to one essay's English file and lock, as a whole."""

    NEW = "new"  # no English file yet
    UNCHANGED = "unchanged"  # nothing to do
    UPDATE = "update"  # some blocks to translate or rearrange
    ADOPT = "adopt"  # an English file without a lock: recorded as of unknown origin (a person's)
    HUMAN_OWNED = "human-owned"  # restructured by a person: never overwritten
    RECORD = "record"  # only the lock changes: a person's edits to the English are noted


class Action(StrEnum):
    """What a sync does to the English of one French prose block (see the module's docstring)."""

    REUSE = "reuse"
    HUMAN = "human"
    STALE = "stale"
    TRANSLATE = "translate"


@dataclass
class BlockPlan:
    """One French prose block's action, with the English kept for it and its lock entry."""

    index: int | None  # the block's index in the French document (None: not looked up)
    action: Action
    english: str | None = None  # the English prose kept (all actions but TRANSLATE)
    entry: BlockEntry | None = None  # its lock entry (all actions but TRANSLATE)
    english_line: int | None = None  # where the kept English is in the English file as it is


@dataclass
class EssayPlan:
    """What a sync would do to one essay: its files as read, its status, a plan per prose block."""

    french_path: Path
    english_path: Path
    lock_path: Path
    status: Status
    french_text: str
    english_text: str | None
    lock: Lock | None
    options: TranslateOptions
    blocks: list[BlockPlan] = field(default_factory=list)
    #: a person's blocks this plan takes out of the English file, their French being gone
    set_aside: list[AsideEntry] = field(default_factory=list)
    #: the French changed since a human-owned file was last in step with it
    source_changed: bool = False
    #: the lock on disk holds a run killed between its writes (settled in ``lock``)
    interrupted: bool = False
    #: an older run translated text now kept as written (a do-not-translate container): the
    #: English file must be written again, with the French there (a person's text is kept aside)
    kept_text_translated: bool = False

    @cached_property
    def document(self) -> Document:
        """The French file through the Markdown model (parsed only when a plan needs it)."""
        return parse_essay(self.french_text, self.french_path, self.options)

    @cached_property
    def english_document(self) -> Document:
        """The English file as it is through the Markdown model (parsed once, when first needed)."""
        return parse_essay(self.english_text or "", self.english_path, self.options)

    def count(self, action: Action) -> int:
        """How many blocks get ``action``."""
        return sum(1 for block in self.blocks if block.action is action)

    def count_kept(self) -> int:
        """Blocks whose English stays as it is (reused, a person's, or a person's but stale)."""
        return len(self.blocks) - len(self.to_translate)

    @property
    def to_translate(self) -> list[int]:
        """The indexes (in the French document) of the blocks to send."""
        return [block.index for block in self.blocks if block.action is Action.TRANSLATE]

    def english_prose_count(self) -> int:
        """Translated prose blocks of the English file as it is (a person's file has no blocks in
        its lock); text kept as written (a do-not-translate container) is nobody's."""
        return len(prose_indexes(self.english_document))

    def request_texts(self) -> list[str]:
        """What this plan sends: the masked prose of its blocks to translate, before packing."""
        return [unit for i in self.to_translate for unit in request_units(self.document.blocks[i])]

    @property
    def characters(self) -> int:
        """Characters to send (the figure ``status`` and ``translate --dry-run`` show per file)."""
        return sum(len(text) for text in self.request_texts())

    @property
    def stale(self) -> bool:
        """English behind its French: blocks to translate, stale human blocks, a stale file, or a
        French change outside the prose (date, tags, a deleted paragraph) the English lacks."""
        return self.needs_translate or self.count(Action.STALE) > 0

    def assemble_english(
        self, translated: dict[int, str] | None = None, issues: list[BlockIssue] | None = None
    ) -> tuple[str, set[int]]:
        """The English file this plan writes: kept blocks plus ``translated``, in the French
        structure, with the English file's own front-matter keys. Also returns the blocks the
        final check sent back to French."""
        texts = {
            block.index: block.english
            for block in self.blocks
            if block.action is not Action.TRANSLATE and block.english is not None
        }
        texts.update(translated or {})
        english_text, kept = assemble(self.document, texts, self.options, issues)
        return keep_english_only_keys(self.english_text, english_text), set(texts) - set(kept)

    @cached_property
    def _rewrite_changes_english(self) -> bool:
        return self.english_text is not None and self.assemble_english()[0] != self.english_text

    def stale_blocks(self) -> list[StaleBlock]:
        """A person's blocks whose French changed: what changed, and the English line to edit."""
        return [
            StaleBlock(
                french_file=self.french_path,
                line=self.document.blocks[block.index].text_line(),
                old_french=block.entry.previous or None,
                new_french=self.document.blocks[block.index].text,
                english_file=self.english_path,
                english_line=block.english_line or 0,
                english=block.english or "",
            )
            for block in self.blocks
            if block.action is Action.STALE and block.index is not None and block.entry is not None
        ]

    @property
    def needs_translate(self) -> bool:
        """Work `translate` does: blocks to send, or French changes outside the prose to carry."""
        if self.status is Status.HUMAN_OWNED:
            return self.source_changed
        if self.to_translate:
            return True
        return self.status is Status.UPDATE and self._rewrite_changes_english

    def aside_blocks(self) -> list[SetAsideBlock]:
        """A person's blocks the lock keeps aside, their French being gone (a person decides)."""
        if self.lock is None:
            return []
        return [
            SetAsideBlock(
                self.french_path, self.lock_path, self.english_path, aside.line, aside.french, aside.english
            )
            for aside in self.lock.state.aside
        ]

    def lines_to_translate(self) -> list[int]:
        """The French file's lines where the blocks to send start (for messages)."""
        return [self.document.blocks[i].text_line() for i in self.to_translate]


def plan_essay(
    french_path: Path, options: TranslateOptions, *, read: Callable[[Path], str] | None = None
) -> EssayPlan:
    """The plan for one French essay (reads its English file and lock, writes nothing).

    ``read`` reads the essay's Markdown files exactly as written (default: ``read_text(path,
    exact=True)``; the site build passes the texts its corpus has already read).
    """
    read = read or _read_exactly
    french_text = read(french_path)
    english_path = english_path_for(french_path)
    english_text = read(english_path) if english_path.exists() else None
    lock = read_lock(lock_path_for(french_path))
    interrupted = lock is not None and lock.pending is not None
    if lock is not None:
        lock = _settle(lock, english_text, english_path, options)
    plan = EssayPlan(
        french_path,
        english_path,
        lock_path_for(french_path),
        Status.UPDATE,
        french_text,
        english_text,
        lock,
        options,
        interrupted=interrupted,
    )
    if lock is not None and lock.version < LOCK_VERSION:  # written in today's form by the next run
        plan.lock = lock = _upgraded(plan, lock)
    if english_text is None:
        plan.status = Status.NEW
        plan.blocks = [BlockPlan(i, Action.TRANSLATE) for i in prose_indexes(plan.document)]
    elif lock is None:
        _plan_adoption(plan, options)
    elif lock.state.owner == HUMAN:
        plan.status = Status.HUMAN_OWNED
        # a person's edit after the French changed counts as bringing the file up to date
        english_edited = sha256(english_text) != lock.state.target_sha256
        plan.source_changed = not english_edited and sha256(french_text) != lock.state.source_sha256
    elif (
        sha256(french_text) == lock.state.source_sha256
        and sha256(english_text) == lock.state.target_sha256
        and lock.version == LOCK_VERSION
        and not any(entry.stale for entry in lock.state.blocks)  # their report needs the files
        and (lock.state.in_step or _keys_in_step(plan.document, lock))
    ):
        # the fast path: neither file changed since the last sync, so no file is parsed
        plan.status = Status.UNCHANGED
        plan.blocks = [BlockPlan(None, _action(entry), None, entry) for entry in lock.state.blocks]
    else:
        _plan_update(plan)
    return plan


def prose_indexes(document: Document) -> list[int]:
    """The indexes of ``document``'s blocks that are translated (its prose)."""
    return [i for i, block in enumerate(document.blocks) if block.translatable]


def skeleton_sha256(document: Document, *, version: int = LOCK_VERSION) -> str:
    """Hash of the file outside its prose: changes when a person changes the structure.

    Prose spans count as separators and front-matter keys only an English file may have (a
    translator's note) are left out, so editing either does not make the file a person's. Text
    kept as written (a do-not-translate container) is structure: a lock older than ``version``
    3 counted it as prose.
    """
    source, parts, position = document.source, [], 0
    prose = [
        (start, end, "\0")
        for block in document.blocks
        if (block.translatable if version >= 3 else block.has_prose)
        for start, end in block.spans
    ]
    notes = [(*span, "") for key, span in key_spans(source).items() if key in ENGLISH_ONLY_KEYS]
    for start, end, separator in sorted(prose + notes):
        parts.append(source[position:start] + separator)
        position = end
    parts.append(source[position:])
    return sha256("".join(parts))


def parse_essay(text: str, path: Path, options: TranslateOptions) -> Document:
    """An essay (French or English) through the one Markdown model, with the run's options."""
    return parse_document(
        text, path=str(path), terms=options.glossary, front_matter_keys=options.front_matter_keys
    )


def keep_english_only_keys(old_english: str | None, new_english: str) -> str:
    """Front-matter keys only an English file may have (a translator's note) survive a rewrite.

    The new English front matter is the French one with translated values; the old file's
    ``ENGLISH_ONLY_KEYS`` are copied over as written, at the end of the block. Any other key the
    French no longer has goes, as it went from the French.
    """
    if not old_english:
        return new_english
    old, new = split_front_matter(old_english), split_front_matter(new_english)
    extra = [key for key in old.meta if key in ENGLISH_ONLY_KEYS and key not in new.meta]
    if not extra or not new.front_matter:
        return new_english
    spans = key_spans(old_english)
    kept = "".join(old_english[slice(*spans[key])] for key in extra if key in spans)
    closing = new.front_matter.rstrip("\n").rsplit("\n", 1)
    return new.bom + closing[0] + "\n" + kept + closing[1] + "\n" + new.body


# --- helpers ------------------------------------------------------------------------------------


def _settle(lock: Lock, english_text: str | None, english_path: Path, options: TranslateOptions) -> Lock:
    """Resolve a run interrupted between its writes. When a person edited the English since, its
    structure tells whether the interrupted write happened (see ``bilingue.sync.lock.settle``)."""
    pending = lock.pending
    if pending is None or english_text is None:
        return settle(lock, english_text)
    edited = sha256(english_text) not in (pending.target_sha256, lock.state.target_sha256)
    if (
        edited
        and skeleton_sha256(parse_essay(english_text, english_path, options), version=lock.version)
        == pending.skeleton_sha256
    ):
        return settle(lock, pending_written=True)
    return settle(lock, english_text)


def _upgraded(plan: EssayPlan, lock: Lock) -> Lock:
    """An older lock in today's form (``bilingue.sync.lock.migrate``). Before version 3 the blocks
    inside a do-not-translate container were translated: their entries go (a person's English is
    kept aside), and the structure hash is counted again from the English file, when that file
    still has the structure the lock recorded (else a person restructured it: it stays theirs)."""
    french_texts = {block.key: block.text for block in plan.document.blocks if block.translatable}
    if plan.english_text is None:
        return migrate(lock, french_texts)
    english = plan.english_document
    if skeleton_sha256(english, version=lock.version) != lock.state.skeleton_sha256:
        return migrate(lock, french_texts)
    entries = lock.state.blocks
    prose = [block for block in english.blocks if block.has_prose]  # the blocks the entries were
    verbatim = [i for i, block in enumerate(prose) if block.verbatim] if len(prose) == len(entries) else []
    old = [OldBlock(i, entries[i], prose[i].text, prose[i].text_line()) for i in verbatim]
    set_aside = [_aside(block) for block in old if block.edited]
    french_kept = [block.text for block in plan.document.blocks if block.verbatim and block.has_prose]
    plan.kept_text_translated = [prose[i].text for i in verbatim] != french_kept
    return migrate(
        lock, french_texts, verbatim=set(verbatim), set_aside=set_aside, skeleton=skeleton_sha256(english)
    )


def _plan_adoption(plan: EssayPlan, options: TranslateOptions) -> None:
    """An English file with no lock: keep it as a person's (nobody knows who wrote it, so it is
    never overwritten and never called reviewed), block by block if it lines up."""
    english = plan.english_document
    french_prose, english_prose = prose_indexes(plan.document), prose_indexes(english)
    plan.status = Status.ADOPT
    lines_up = len(french_prose) == len(english_prose) and not compare_documents(
        plan.document, english, translated_keys=tuple(options.front_matter_keys)
    )
    if not lines_up:
        plan.status = Status.HUMAN_OWNED
        return
    for i, j in zip(french_prose, english_prose, strict=True):
        french, text = plan.document.blocks[i], english.blocks[j].text
        entry = BlockEntry(
            source=french.key, french=french.text, provider=ADOPTED, translated=_today(), human=sha256(text)
        )
        plan.blocks.append(BlockPlan(i, Action.HUMAN, text, entry, english.blocks[j].text_line()))


def _plan_update(plan: EssayPlan) -> None:
    """French or English changed since the last sync: align the blocks by content."""
    assert plan.lock is not None and plan.english_text is not None
    state = plan.lock.state
    english = plan.english_document
    english_prose = [english.blocks[j] for j in prose_indexes(english)]
    if len(english_prose) != len(state.blocks) or skeleton_sha256(english) != state.skeleton_sha256:
        plan.status = Status.HUMAN_OWNED  # restructured by a person
        plan.source_changed = sha256(plan.french_text) != state.source_sha256
        return
    old = [
        OldBlock(position, entry, block.text, block.text_line())
        for position, (entry, block) in enumerate(zip(state.blocks, english_prose, strict=True))
    ]
    french = plan.document.blocks
    new = [NewBlock(i, french[i].key, french[i].text) for i in prose_indexes(plan.document)]
    alignment = Alignment.of(old, new)
    plan.blocks = [_continued(block, alignment.pairs.get(j)) for j, block in enumerate(new)]
    plan.set_aside = [_aside(block) for block in alignment.unpaired_old if block.edited]
    if (
        not plan.to_translate
        and sha256(plan.french_text) == state.source_sha256
        and not alignment.unpaired_old
        and not plan.kept_text_translated
    ):
        # only people's edits to the English (or an older lock's form): note them in the lock
        entries = [block.entry for block in plan.blocks]
        unchanged = entries == state.blocks and plan.lock.version == LOCK_VERSION
        plan.status = Status.UNCHANGED if unchanged else Status.RECORD


def _aside(block: OldBlock) -> AsideEntry:
    """A person's English block, its French gone: out of the English file, kept in the lock."""
    return AsideEntry(english=block.english, french=block.entry.translates, line=block.line, since=_today())


def _keys_in_step(document: Document, lock: Lock) -> bool:
    """Every lock entry translates the French block now at its place (none stale or failed)."""
    keys = [document.blocks[i].key for i in prose_indexes(document)]
    return keys == [entry.source for entry in lock.state.blocks]


def _action(entry: BlockEntry) -> Action:
    return Action.HUMAN if entry.by_person else Action.REUSE


def _continued(new: NewBlock, pair: Pair | None) -> BlockPlan:
    """What becomes of the English of ``new``: kept, a person's (maybe stale), or translated."""
    if pair is None:
        return BlockPlan(new.index, Action.TRANSLATE)
    old, entry = pair.old, pair.old.entry
    kept = BlockPlan(new.index, Action.REUSE, old.english, entry, old.line)
    if not old.edited:  # a machine's English: kept for the same French, sent again for an edit
        return kept if pair.how is Match.SAME else BlockPlan(new.index, Action.TRANSLATE)
    translates = entry.translates  # the French the person's English translates
    edited_since = entry.human is not None and sha256(old.english) != entry.human
    if (
        edited_since  # the person edited it since last noted: up to date with the French as it is
        or (pair.how is Match.SAME and not entry.stale)  # same French as the person translated
        or translates == new.text  # the author undid the French edit
    ):
        kept.entry = _as_human(entry, old.english, source=new.key, french=new.text, previous=None)
    else:  # the French changed under a person's English: kept, and the person is told
        kept.action = Action.STALE
        previous = translates if translates is not None else ""  # "": not recorded (older lock)
        kept.entry = _as_human(entry, old.english, source=new.key, french=new.text, previous=previous)
        return kept
    kept.action = Action.HUMAN
    return kept


def _as_human(entry: BlockEntry, text: str, **changes: object) -> BlockEntry:
    """A person's English text: the lock says so from now on. Text a person edited is the
    person's (``human``); adopted text nobody edited stays of unknown origin (``adopted``)."""
    provider = entry.provider if entry.by_person and entry.human == sha256(text) else HUMAN
    update = {"machine": None, "provider": provider, "human": sha256(text), **changes}
    return entry.model_copy(update=update)


def _today() -> dt.date:
    return dt.date.today()


def _read_exactly(path: Path) -> str:
    return read_text(path, exact=True)
