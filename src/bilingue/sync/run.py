"""Carry out sync plans: translate what the plan says, write the English file and its lock.

Writes follow the lock's two-phase protocol (``bilingue.sync.lock``) and happen after every file,
so an interrupted run (Ctrl-C, kill -9) keeps every finished file and the next run resumes.
A provider failure leaves the file and its lock exactly as they were.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from bilingue.errors import BilingueError, SourceFileError
from bilingue.files import atomic_write_text, claim_folders, read_text
from bilingue.markdown import mask
from bilingue.paths import LOCK_SUFFIX, english_path_for, is_french_essay
from bilingue.providers import OFFLINE_PROVIDERS, Provider
from bilingue.reporting import Problem
from bilingue.sync.lock import (
    HUMAN,
    LOCK_VERSION,
    UNTRANSLATED,
    BlockEntry,
    Lock,
    LockState,
    sha256,
    write_lock,
)
from bilingue.sync.orphans import handle_orphans
from bilingue.sync.plan import (
    Action,
    EssayPlan,
    Status,
    parse_essay,
    plan_essay,
    prose_indexes,
    skeleton_sha256,
)
from bilingue.sync.report import (
    MISSING_ENGLISH,
    ORPHANED_ENGLISH,
    OUTDATED_ENGLISH,
    PERSONS_FILE,
    TEST_OUTPUT,
    UNLOCKED_ENGLISH,
    UNREADABLE,
    UNTRANSLATED_BLOCK,
    FileReport,
    Problems,
    RunReport,
)
from bilingue.translate import KEPT_SOURCE, BlockIssue, TranslateOptions, TranslationResult, translate_blocks


def find_essays(paths: Iterable[Path]) -> list[Path]:
    """French essays under ``paths`` (files or folders): ``*.md`` that are not ``*.en.md``."""
    found: set[Path] = set()
    for path in paths:
        candidates = [path] if path.is_file() else path.rglob("*.md")
        found.update(p for p in candidates if is_french_essay(p))
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
    if plan.status is Status.RECORD:
        _write(plan, plan.english_text or "", _recorded_state(plan), report)
        if plan.lock is not None and plan.lock.version < LOCK_VERSION:
            report.messages.append(f"lock brought to version {LOCK_VERSION} (provenance kept)")
        else:
            report.messages.append("a person's edits to the English noted in the lock")
        return report
    if plan.status is Status.ADOPT:
        _write(plan, plan.english_text or "", _adopted_state(plan), report)
        report.messages.append("English file kept as a person's translation (lock created)")
        return report
    _translate(plan, provider, options, report)
    return report


def sync_paths(
    paths: Sequence[Path],
    provider_factory: Callable[[], Provider],
    options: TranslateOptions,
    *,
    on_file: Callable[[FileReport], None] | None = None,
    on_plan: Callable[[Path, EssayPlan], None] | None = None,
) -> RunReport:
    """Plan and apply every essay under ``paths``; the provider is made only if needed.
    ``on_plan`` gets the plan of each essay the run had nothing to do to (the plan still describes
    its files: the build takes each English page's freshness from it).

    A file that cannot be read or translated is reported and the run goes on with the next one.
    The folders written in are locked for the run (a second run on them is a ``FolderBusyError``),
    and the temporary files a killed run left there are removed first (``run.cleaned``).
    """
    with claim_folders(_folders_written(paths), what="a `translate` run or a site build") as cleaned:
        run = RunReport(handle_orphans(paths), cleaned=cleaned)
        provider: Provider | None = None
        for path in find_essays(paths):
            plan: EssayPlan | None = None
            try:
                plan = plan_essay(path, options)
                if plan.to_translate and provider is None:
                    provider = provider_factory()
                report = apply_plan(plan, provider, options)
            except SourceFileError as error:  # the author's file: the fix is theirs
                report = FileReport(path, "failed", messages=[str(error)], bad_input=True)
            except BilingueError as error:  # the service: the next run finishes the job
                report = FileReport(path, "failed", messages=[str(error)])
            run.files.append(report)
            if on_file:
                on_file(report)
            if on_plan and plan is not None and plan.status is Status.UNCHANGED:
                on_plan(path, plan)
    return run


def find_problems(
    paths: Sequence[Path],
    options: TranslateOptions,
    on_plan: Callable[[Path, EssayPlan], None] | None = None,
) -> Problems:
    """What ``--check`` and the build's check mode report: files that cannot be read, and
    missing, outdated or orphaned English, each with its file and line. ``on_plan`` is called
    with each essay's plan as it is made (the build takes each English page's freshness from
    it): only the outdated essays' plans are kept, a thousand plans would hold 100 MB."""
    problems = Problems([], [])
    for path in find_essays(paths):
        try:
            plan = plan_essay(path, options)
        except SourceFileError as error:
            problems.unreadable.append(_unreadable(error))
            continue
        if on_plan is not None:
            on_plan(path, plan)
        if plan.english_text is None:
            # on line 1: an annotation with a line shows in the pull request's diff (a new essay)
            problems.outdated.append(Problem("error", "no English version", path, 1, title=MISSING_ENGLISH))
            problems.plans[path] = plan
            continue
        if plan.lock is None:
            problems.unlocked.append(
                Problem(
                    "error",
                    "no lock, so nothing tells whether it follows its French: "
                    f"adopt it with `python -m bilingue translate {_typed(path)}`",
                    plan.english_path,
                    title=UNLOCKED_ENGLISH,
                )
            )
            continue
        if plan.status is Status.HUMAN_OWNED and plan.source_changed:  # `translate` never writes it
            problems.persons_files.append(
                Problem(
                    "error",
                    f"the French changed since {plan.english_path.name}, a file a person "
                    "restructured, was last updated: edit the English file",
                    path,
                    title=PERSONS_FILE,
                )
            )
        elif plan.needs_translate:
            lines = plan.lines_to_translate()
            problems.outdated.append(
                Problem(
                    "error",
                    f"English version out of date ({_where_stale(plan)})",
                    path,
                    lines[0] if lines else 1,
                    title=OUTDATED_ENGLISH,
                )
            )
            problems.plans[path] = plan
        problems.stale_blocks.extend(plan.stale_blocks())
        problems.set_aside.extend(plan.aside_blocks())
        _check_provenance(plan, options, problems)
    for report in handle_orphans(paths, dry_run=True):
        english = english_path_for(report.path)
        found = [Problem("error", message, title=ORPHANED_ENGLISH) for message in report.messages]
        if report.bad_input:
            problems.unreadable.extend(Problem("error", m, title=UNREADABLE) for m in report.messages)
        elif report.status == "kept":
            problems.kept.extend(
                Problem("error", m, english, title=ORPHANED_ENGLISH) for m in report.messages
            )
        else:
            problems.outdated.extend(found)
    return problems


# --- helpers ------------------------------------------------------------------------------------


def _check_provenance(plan: EssayPlan, options: TranslateOptions, problems: Problems) -> None:
    """Blocks a test provider wrote (an error unless allowed) and blocks left in French (a notice
    saying which block, why, and how to fix it), from the lock."""
    if plan.lock is None or plan.lock.state.owner == HUMAN:
        return
    entries = plan.lock.state.blocks
    testing = sorted({entry.provider for entry in entries if entry.provider in OFFLINE_PROVIDERS})
    if testing and not options.allow_test_providers:
        count = sum(1 for entry in entries if entry.provider in OFFLINE_PROVIDERS)
        message = f"{count} block(s) written by the test provider {', '.join(testing)}"
        problems.test_output.append(Problem("error", message, plan.english_path, title=TEST_OUTPUT))
    if not any(entry.provider == UNTRANSLATED for entry in entries):
        return
    prose = {block.key: block for block in plan.document.blocks if block.translatable}
    for entry in entries:
        if entry.provider == UNTRANSLATED and entry.source in prose:
            block = prose[entry.source]
            message = (
                f"{block.kind} still in French in {plan.english_path.name} "
                f"({entry.reason or 'could not be translated safely'})"
            )
            problems.untranslated.append(
                Problem("notice", message, plan.french_path, block.text_line(), title=UNTRANSLATED_BLOCK)
            )


def _unreadable(error: SourceFileError) -> Problem:
    """A file that cannot be read: the problem at its line (the message keeps the old wording)."""
    message = error.problem + (f" ({error.fix})" if error.fix else "")
    return Problem("error", message, error.path, error.line, title=UNREADABLE)


def _where_stale(plan: EssayPlan) -> str:
    lines = plan.lines_to_translate()
    if lines:
        return "French lines " + ", ".join(str(line) for line in lines[:8])
    return "the French changed outside its prose: front matter, layout or a removed paragraph"


def _typed(path: Path) -> Path:
    """``path`` as a person types it in a command: relative to the current folder when inside."""
    if path.is_absolute() and path.is_relative_to(Path.cwd()):
        return path.relative_to(Path.cwd())
    return path


def _folders_written(paths: Iterable[Path]) -> set[Path]:
    """Every folder a run may write in: those of the essays, their English files and their locks."""
    folders = set()
    for path in paths:
        if path.is_dir():
            folders.add(path)
            # one walk: essays and their English files end in .md, locks in .lock.json
            folders.update(
                found.parent for found in path.rglob("*") if found.name.endswith((".md", LOCK_SUFFIX))
            )
        else:
            folders.add(path.parent)
    return folders


def _translate(
    plan: EssayPlan, provider: Provider | None, options: TranslateOptions, report: FileReport
) -> None:
    """NEW and UPDATE: translate the plan's blocks, put every block in place, write."""
    recorder = _RecordingProvider(provider)
    result = TranslationResult(plan.french_text, plan.document, {})
    translated = {}
    if plan.to_translate:
        try:
            translated = translate_blocks(
                plan.document, recorder, plan.to_translate, options=options, result=result
            )
        except SourceFileError:
            raise
        except BilingueError as error:  # the service: nothing is written, the next run finishes
            report.status, report.messages, report.translated = "failed", [str(error)], 0
            report.requests, report.characters = recorder.requests, recorder.characters
            return
    english_text, sent_back = plan.assemble_english(translated, result.issues)
    still_french = _still_french(plan, sent_back, result.issues)
    report.requests, report.characters = recorder.requests, recorder.characters
    report.messages.extend(issue.describe(str(plan.french_path)) for issue in result.issues)
    state = _new_state(plan, english_text, still_french, recorder)
    _write(plan, english_text, state, report)


def _count(plan: EssayPlan, report: FileReport) -> None:
    report.translated = plan.count(Action.TRANSLATE)
    report.reused = plan.count(Action.REUSE)
    report.human = plan.count(Action.HUMAN)
    report.stale = plan.count(Action.STALE)
    if plan.status is Status.HUMAN_OWNED and plan.source_changed:
        report.messages.append("the French changed; this English file is a person's: update it")
    for aside in plan.set_aside:
        report.messages.append(
            f"a person's English paragraph (line {aside.line}) lost its French: kept aside in "
            f"{plan.lock_path.name} with its French; `python -m bilingue status --diff` shows it"
        )
    if report.stale:
        report.messages.append(
            f"{report.stale} block(s) a person wrote have new French: edit the English block(s); "
            "`python -m bilingue status --diff` shows what changed"
        )


def _record_human_ownership(plan: EssayPlan, report: FileReport) -> None:
    """Remember that a person owns the file, so that later runs need not look again."""
    english = plan.english_text or ""
    source_sha = plan.lock.state.source_sha256 if plan.lock else sha256(plan.french_text)
    if plan.lock is not None and plan.lock.state.owner == HUMAN:
        if sha256(english) == plan.lock.state.target_sha256:
            return
        source_sha = sha256(plan.french_text)  # the person's edit brings it up to date
    document = parse_essay(english, plan.english_path, plan.options)
    state = LockState(
        owner=HUMAN,
        source_sha256=source_sha,
        target_sha256=sha256(english),
        skeleton_sha256=skeleton_sha256(document),
        synced=dt.date.today(),
        adopted=plan.lock.state.adopted if plan.lock else True,  # no lock: nobody knows who wrote it
        aside=plan.lock.state.aside if plan.lock else [],
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
        adopted=True,
        blocks=[block.entry for block in plan.blocks if block.entry is not None],
    )


def _recorded_state(plan: EssayPlan) -> LockState:
    assert plan.lock is not None
    entries = [block.entry for block in plan.blocks if block.entry is not None]
    return plan.lock.state.model_copy(
        update={
            "target_sha256": sha256(plan.english_text or ""),
            "blocks": entries,
            "in_step": _in_step(plan, entries),
        }
    )


def _still_french(plan: EssayPlan, rolled_back: set[int], issues: list[BlockIssue]) -> dict[int, str]:
    """Blocks the service could not translate safely, or the final check put back in French,
    with the reason."""
    kept_french = {issue.line: issue.reason for issue in issues if issue.action == KEPT_SOURCE}
    candidates = set(plan.to_translate) | rolled_back
    return {
        i: kept_french.get(
            plan.document.blocks[i].text_line(), "the translated file did not match the source"
        )
        for i in candidates
        if i in rolled_back or plan.document.blocks[i].text_line() in kept_french
    }


def _new_state(
    plan: EssayPlan, english_text: str, still_french: dict[int, str], recorder: _RecordingProvider
) -> LockState:
    english = parse_essay(english_text, plan.english_path, plan.options)
    english_prose = [english.blocks[j] for j in prose_indexes(english)]
    if len(english_prose) != len(plan.blocks):
        raise BilingueError(
            f"{plan.english_path}: the assembled English file does not line up "
            "with its French blocks; nothing was written (please report this)"
        )
    today = dt.date.today()
    entries = []
    for block_plan, english_block in zip(plan.blocks, english_prose, strict=True):
        french_block = plan.document.blocks[block_plan.index]
        if block_plan.index in still_french:
            # still French, and recorded as such: not sent again (the same service would fail the
            # same way) until the French changes or a person translates it; --check names it
            entries.append(
                BlockEntry(
                    source=french_block.key,
                    french=french_block.text,
                    machine=sha256(english_block.text),
                    provider=UNTRANSLATED,
                    translated=today,
                    reason=still_french[block_plan.index],
                )
            )
        elif block_plan.action is not Action.TRANSLATE and block_plan.entry is not None:
            entries.append(block_plan.entry)
        else:
            entries.append(
                BlockEntry(
                    source=french_block.key,
                    french=french_block.text,
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
        adopted=plan.lock.state.adopted if plan.lock else False,
        blocks=entries,
        aside=(plan.lock.state.aside if plan.lock else []) + plan.set_aside,
    )


def _in_step(plan: EssayPlan, entries: list[BlockEntry]) -> bool:
    keys = [plan.document.blocks[block.index].key for block in plan.blocks if block.index is not None]
    in_place = len(keys) == len(entries) and keys == [entry.source for entry in entries]
    return in_place and not any(entry.stale for entry in entries)


def _write(plan: EssayPlan, english_text: str, state: LockState, report: FileReport) -> None:
    """Lock (pending) -> English file -> lock (settled): each write atomic.

    Compare-and-swap: the English file on disk must still be the one the plan read (a person may
    have edited it while the service was answering); if it is not, nothing is written for this
    essay and ``EditedDuringRun`` says so: their file is kept, the next run takes it into account.
    """
    unchanged = plan.lock and plan.lock.state == state and plan.english_text == english_text
    if unchanged and plan.lock.version == LOCK_VERSION:  # an older lock is written in today's form
        return
    if _on_disk(plan.english_path) != plan.english_text:
        raise EditedDuringRun(
            f"{plan.english_path}: changed on disk while this run was working; your version is kept "
            "and nothing was written for this essay: run the command again to bring it up to date"
        )
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


class EditedDuringRun(BilingueError):
    """The English file changed on disk after the plan read it: it is not overwritten."""


def _on_disk(path: Path) -> str | None:
    """The file's text now (None when it does not exist), read as the plan reads it."""
    return read_text(path, exact=True) if path.exists() or path.is_symlink() else None


class _RecordingProvider:
    """Passes texts to the provider and remembers which service translated each one."""

    def __init__(self, provider: Provider | None):
        self.provider = provider  # None when the plan has nothing to translate
        self.name = provider.name if provider else "none"
        self.by_text: dict[str, str] = {}
        self.requests = 0
        self.characters = 0
        if hasattr(provider, "translate_outcomes"):
            # a chain checks each answer's markup itself: a rejected answer goes to the next
            # service and never into the cache (without this, the check ran after caching)
            self.translate_outcomes = self._translate_outcomes

    def _translate_outcomes(self, texts, source, target, **keywords):
        before = self.provider.requests
        try:
            outcomes = self.provider.translate_outcomes(texts, source, target, **keywords)
        finally:
            self.requests += self.provider.requests - before
        # as translate_texts: the characters of the texts that came back translated
        self.characters += sum(len(outcome.source) for outcome in outcomes if outcome.translation is not None)
        for outcome in outcomes:
            self.by_text[outcome.source] = outcome.provider or self.name
        return outcomes

    def translate_texts(self, texts, source, target, **keywords):
        before = getattr(self.provider, "requests", None)
        try:
            answers = self.provider.translate_texts(texts, source, target, **keywords)
        finally:  # a failed call sent requests too (retries included): the summary counts them
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
