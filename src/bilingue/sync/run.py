"""Carry out sync plans: translate what the plan says, write the English file and its lock.

Writes follow the lock's two-phase protocol (``bilingue.sync.lock``) and happen after every file,
so an interrupted run (Ctrl-C, kill -9) keeps every finished file and the next run resumes.
A provider failure leaves the file and its lock exactly as they were.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bilingue.errors import BilingueError
from bilingue.files import atomic_write_text
from bilingue.frontmatter import split_front_matter
from bilingue.markdown import mask
from bilingue.providers.base import Provider
from bilingue.sync.lock import HUMAN, BlockEntry, Lock, LockState, read_lock, sha256, write_lock
from bilingue.sync.plan import (
    Action,
    EssayPlan,
    Status,
    english_path_for,
    parse_essay,
    plan_essay,
    prose_indexes,
    skeleton_sha256,
)
from bilingue.translate import BlockIssue, TranslationResult, assemble, translate_blocks
from bilingue.translate.options import TranslateOptions


@dataclass
class FileReport:
    path: Path
    status: str  # a plan Status value, or "failed", "deleted", "moved"
    translated: int = 0
    reused: int = 0
    human: int = 0
    stale: int = 0
    requests: int = 0
    characters: int = 0
    written: bool = False
    messages: list[str] = field(default_factory=list)


@dataclass
class RunReport:
    files: list[FileReport] = field(default_factory=list)

    def total(self, name: str) -> int:
        return sum(getattr(report, name) for report in self.files)

    @property
    def failed(self) -> list[FileReport]:
        return [report for report in self.files if report.status == "failed"]


def find_essays(paths: Iterable[Path]) -> list[Path]:
    """French essays under ``paths`` (files or folders): ``*.md`` that are not ``*.en.md``."""
    found: set[Path] = set()
    for path in paths:
        candidates = [path] if path.is_file() else path.rglob("*.md")
        found.update(p for p in candidates if not p.name.endswith(".en.md"))
    return sorted(found)


def apply_plan(plan: EssayPlan, provider: Provider | None, options: TranslateOptions) -> FileReport:
    """Translate the plan's blocks, then write the English file and its lock (if they change)."""
    report = FileReport(plan.french_path, plan.status.value)
    _count(plan, report)
    if plan.status is Status.UNCHANGED:
        if plan.interrupted and plan.lock is not None:
            write_lock(plan.lock_path, plan.lock)  # the settled state of an interrupted run
        return report
    if plan.status is Status.HUMAN_OWNED:
        _record_human_ownership(plan, report)
        return report
    if plan.status is Status.ADOPT:
        _write(plan, plan.english_text or "", _adopted_state(plan), report)
        report.messages.append("English file kept as a person's translation (lock created)")
        return report
    recorder = _RecordingProvider(provider)
    result = TranslationResult(plan.french_text, plan.document, {})
    translated = {}
    if plan.to_translate:
        translated = translate_blocks(
            plan.document, recorder, plan.to_translate, options=options, result=result
        )
    texts = {
        block.index: block.english
        for block in plan.blocks
        if block.action is not Action.TRANSLATE and block.english is not None
    }
    texts.update(translated)
    english_text, kept = assemble(plan.document, texts, options, result.issues)
    english_text = keep_english_only_keys(plan.english_text, english_text)
    report.requests, report.characters = recorder.requests, recorder.characters
    report.messages.extend(issue.describe(str(plan.french_path)) for issue in result.issues)
    state = _new_state(plan, english_text, kept, recorder, result.issues, options)
    _write(plan, english_text, state, report)
    return report


def keep_english_only_keys(old_english: str | None, new_english: str) -> str:
    """Front-matter keys only the English file has (e.g. a translator's note) survive a rewrite.

    The new English front matter is the French one with translated values; keys a person added
    to the English file are copied over as written, at the end of the block.
    """
    if not old_english:
        return new_english
    old, new = split_front_matter(old_english), split_front_matter(new_english)
    extra = [key for key in old.meta if key not in new.meta]
    if not extra or not new.front_matter:
        return new_english
    lines = old.front_matter.splitlines(keepends=True)
    node = yaml.compose("".join(lines[1:-1]))
    kept = []
    for key_node, value_node in node.value:
        if key_node.value in extra:  # +1: the opening --- line
            kept.extend(lines[key_node.start_mark.line + 1 : _end_line(value_node) + 2])
    closing = new.front_matter.rstrip("\n").rsplit("\n", 1)
    return closing[0] + "\n" + "".join(kept) + closing[1] + "\n" + new.body


def remove_orphans(paths: Iterable[Path], dry_run: bool = False) -> list[FileReport]:
    """English files and locks whose French essay is gone: moved along a rename, else deleted."""
    reports = []
    for folder in {p if p.is_dir() else p.parent for p in paths}:
        for lock_path in sorted(folder.rglob("*.lock.json")):
            french = lock_path.with_name(lock_path.name.removesuffix(".lock.json") + ".md")
            if french.exists():
                continue
            reports.append(_orphan(lock_path, french, dry_run))
    return reports


def sync_paths(
    paths: Sequence[Path],
    provider_factory: Callable[[], Provider],
    options: TranslateOptions,
    *,
    on_file: Callable[[FileReport], None] | None = None,
    dry_run: bool = False,
) -> RunReport:
    """Plan and apply every essay under ``paths``; the provider is made only if needed."""
    run = RunReport(remove_orphans(paths, dry_run))
    provider: Provider | None = None
    for path in find_essays(paths):
        plan = plan_essay(path, options)
        if dry_run:
            report = FileReport(path, plan.status.value, characters=plan.characters)
            _count(plan, report)
        else:
            if plan.to_translate and provider is None:
                provider = provider_factory()
            try:
                report = apply_plan(plan, provider, options)
            except BilingueError as error:
                report = FileReport(path, "failed", messages=[str(error)])
                _count(plan, report)
        run.files.append(report)
        if on_file:
            on_file(report)
    return run


# --- helpers ------------------------------------------------------------------------------------


def _end_line(node: yaml.Node) -> int:
    """Last line (0-based, in the YAML text) a value node spans."""
    end = node.end_mark
    return end.line if end.column > 0 else end.line - 1


def _count(plan: EssayPlan, report: FileReport) -> None:
    report.translated = plan.count(Action.TRANSLATE)
    report.reused = plan.count(Action.REUSE)
    report.human = plan.count(Action.HUMAN)
    report.stale = plan.count(Action.STALE)
    if plan.status is Status.HUMAN_OWNED and plan.source_changed:
        report.messages.append("the French changed; this English file is a person's: update it")
    for line in plan.dropped_human:
        report.messages.append(f"a person's English paragraph (line {line}) went with its French")


def _record_human_ownership(plan: EssayPlan, report: FileReport) -> None:
    """Remember that a person owns the file, so that later runs need not look again."""
    english = plan.english_text or ""
    if plan.lock is not None and plan.lock.state.owner == HUMAN:
        return
    document = parse_essay(english, plan.english_path, plan.options)
    source_sha = plan.lock.state.source_sha256 if plan.lock else sha256(plan.french_text)
    state = LockState(
        owner=HUMAN,
        source_sha256=source_sha,
        target_sha256=sha256(english),
        skeleton_sha256=skeleton_sha256(document),
        synced=dt.date.today(),
    )
    _write(plan, english, state, report)
    report.messages.append("English file restructured by a person: it will not be overwritten")


def _adopted_state(plan: EssayPlan) -> LockState:
    english = plan.english_text or ""
    return LockState(
        source_sha256=sha256(plan.french_text),
        target_sha256=sha256(english),
        skeleton_sha256=skeleton_sha256(parse_essay(english, plan.english_path, plan.options)),
        synced=dt.date.today(),
        in_step=True,  # adopted block by block: each entry is its French block's key
        blocks=[block.entry for block in plan.blocks if block.entry is not None],
    )


def _new_state(
    plan: EssayPlan,
    english_text: str,
    kept: dict[int, str],
    recorder: _RecordingProvider,
    issues: list[BlockIssue],
    options: TranslateOptions,
) -> LockState:
    english = parse_essay(english_text, plan.english_path, plan.options)
    english_prose = [english.blocks[j] for j in prose_indexes(english)]
    if len(english_prose) != len(plan.blocks):
        raise BilingueError(
            f"{plan.english_path}: the assembled English file does not line up "
            "with its French blocks; nothing was written (please report this)"
        )
    failed_lines = {issue.line for issue in issues if issue.action.startswith("kept")}
    today = dt.date.today()
    entries = []
    for block_plan, english_block in zip(plan.blocks, english_prose, strict=True):
        french_block = plan.document.blocks[block_plan.index]
        if block_plan.action is not Action.TRANSLATE and block_plan.entry is not None:
            entries.append(block_plan.entry)
        elif french_block.text_line() in failed_lines and block_plan.index not in kept:
            # still French: an empty source key makes the next run translate it again
            entries.append(
                BlockEntry(
                    source="", machine=sha256(english_block.text), provider="untranslated", translated=today
                )
            )
        else:
            entries.append(
                BlockEntry(
                    source=french_block.key,
                    machine=sha256(english_block.text),
                    provider=recorder.provider_of(french_block),
                    translated=today,
                )
            )
    return LockState(
        source_sha256=sha256(plan.french_text),
        target_sha256=sha256(english_text),
        skeleton_sha256=skeleton_sha256(english),
        synced=today,
        in_step=_in_step(plan, entries),
        blocks=entries,
    )


def _in_step(plan: EssayPlan, entries: list[BlockEntry]) -> bool:
    keys = [plan.document.blocks[block.index].key for block in plan.blocks if block.index is not None]
    return len(keys) == len(entries) and keys == [entry.source for entry in entries]


def _write(plan: EssayPlan, english_text: str, state: LockState, report: FileReport) -> None:
    """Lock (pending) -> English file -> lock (settled): each write atomic."""
    if plan.lock and plan.lock.state == state and plan.english_text == english_text:
        return
    lock = Lock(
        source=plan.french_path.name,
        target=plan.english_path.name,
        state=plan.lock.state if plan.lock else state,
        pending=state,
    )
    write_lock(plan.lock_path, lock)
    if plan.english_text != english_text:
        atomic_write_text(plan.english_path, english_text)
        report.written = True
    write_lock(plan.lock_path, lock.model_copy(update={"state": state, "pending": None}))


def _orphan(lock_path: Path, french: Path, dry_run: bool) -> FileReport:
    lock = read_lock(lock_path)
    english = english_path_for(french)
    renamed = _renamed_to(french.parent, lock.state.source_sha256) if lock else None
    if renamed is not None:
        report = FileReport(
            french,
            "moved",
            messages=[f"{french.name} was renamed {renamed.name}: English file and lock moved along"],
        )
        if not dry_run:
            if english.exists():
                english.rename(english_path_for(renamed))
            lock = lock.model_copy(
                update={
                    "source": renamed.name,  # type: ignore[union-attr]
                    "target": english_path_for(renamed).name,
                }
            )
            write_lock(renamed.with_name(f"{renamed.stem}.lock.json"), lock)
            lock_path.unlink()
        return report
    report = FileReport(
        french, "deleted", messages=[f"{french.name} is gone: removed {english.name} and {lock_path.name}"]
    )
    if not dry_run:
        english.unlink(missing_ok=True)
        lock_path.unlink()
    return report


def _renamed_to(folder: Path, source_sha: str) -> Path | None:
    """A French file with that content and no lock of its own: the essay under its new name."""
    for candidate in sorted(folder.glob("*.md")):
        if candidate.name.endswith(".en.md") or candidate.with_name(f"{candidate.stem}.lock.json").exists():
            continue
        if sha256(candidate.read_text(encoding="utf-8")) == source_sha:
            return candidate
    return None


class _RecordingProvider:
    """Passes texts to the provider and remembers which service translated each one."""

    def __init__(self, provider: Provider | None):
        self.provider = provider  # None when the plan has nothing to translate
        self.name = provider.name if provider else "none"
        self.by_text: dict[str, str] = {}
        self.requests = 0
        self.characters = 0

    def translate_texts(self, texts, source, target, **keywords):
        before = getattr(self.provider, "requests", None)
        answers = self.provider.translate_texts(texts, source, target, **keywords)
        after = getattr(self.provider, "requests", None)
        self.requests += (after - before) if before is not None and after is not None else 1
        self.characters += sum(len(text) for text in texts)
        outcomes = getattr(self.provider, "last_outcomes", None) or []
        for outcome in outcomes:
            self.by_text[outcome.source] = outcome.provider
        for text in texts:
            self.by_text.setdefault(text, self.name)
        return answers

    def provider_of(self, block) -> str:
        unit = block.text if block.is_plain_text else mask(block.inline).text
        return self.by_text.get(unit) or next(iter(self.by_text.values()), self.name)
