"""What a sync run did, file by file, for the command line and the build to print."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from bilingue.reporting import Problem
from bilingue.sync.changes import SetAsideBlock, StaleBlock

if TYPE_CHECKING:
    from bilingue.sync.plan import EssayPlan


@dataclass
class FileReport:
    """What a run did to one essay (or why it could not), for the command's report."""

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
    bad_input: bool = False  # failed on the author's file (not on the translation service)


@dataclass
class RunReport:
    """What a run did to every essay."""

    files: list[FileReport] = field(default_factory=list)
    cleaned: list[Path] = field(default_factory=list)  # temporary files a killed run left behind

    def total(self, name: str) -> int:
        """The sum of one ``FileReport`` count (``translated``, ``requests``...) over the files."""
        return sum(getattr(report, name) for report in self.files)

    @property
    def failed(self) -> list[FileReport]:
        """The essays the run could not update."""
        return [report for report in self.files if report.status == "failed"]


@dataclass
class Problems:
    """What ``--check`` and the build's check mode report, sorted by what fixes it. Files are
    ``Problem``s (file, line, message) and a person's blocks are records with their French change
    (``bilingue.sync.changes``); ``all()`` gives every one as a ``Problem``, which
    ``bilingue.reporting`` prints as text or for GitHub."""

    unreadable: list[Problem]  # files that cannot be read: the author fixes them (translating cannot)
    outdated: list[Problem]  # missing, outdated or orphaned English: `translate` fixes them
    #: a person's English whose French is gone: kept by `translate`; a person moves or deletes it
    kept: list[Problem] = field(default_factory=list)
    #: a person's English blocks whose French changed: the person edits them (`translate` cannot)
    stale_blocks: list[StaleBlock] = field(default_factory=list)
    #: a person's English blocks whose French is gone, kept in the lock: a person decides
    set_aside: list[SetAsideBlock] = field(default_factory=list)
    #: English files without a lock (nothing tracks them): adopting them is one command
    unlocked: list[Problem] = field(default_factory=list)
    #: English files a person restructured whose French changed: the person edits them
    persons_files: list[Problem] = field(default_factory=list)
    #: English written by a test provider (pseudo, identity): never to be published
    test_output: list[Problem] = field(default_factory=list)
    #: notices, not failures: blocks no service could translate safely, left in French
    untranslated: list[Problem] = field(default_factory=list)
    #: the plan of each French essay in ``outdated`` (made once): what `translate` would do to it
    plans: dict[Path, EssayPlan] = field(default_factory=dict)

    def __bool__(self) -> bool:
        kinds = (self.unreadable, self.outdated, self.kept, self.stale_blocks, self.set_aside)
        return any((*kinds, self.unlocked, self.persons_files, self.test_output))

    def all(self) -> list[Problem]:
        """Every problem, files first, then a person's blocks (with their French in ``detail``)."""
        return [problem for group in self.by_kind() for problem in group.problems]

    def by_kind(self) -> list[ProblemGroup]:
        """The problems of each kind (one per field above), in ``all()``'s order."""
        return [
            ProblemGroup(ProblemKind.UNREADABLE, self.unreadable),
            ProblemGroup(ProblemKind.OUTDATED, self.outdated),
            ProblemGroup(ProblemKind.KEPT, self.kept),
            ProblemGroup(ProblemKind.UNLOCKED, self.unlocked),
            ProblemGroup(ProblemKind.PERSONS_FILES, self.persons_files),
            ProblemGroup(ProblemKind.TEST_OUTPUT, self.test_output),
            ProblemGroup(ProblemKind.STALE_BLOCKS, [stale_block_problem(b) for b in self.stale_blocks]),
            ProblemGroup(ProblemKind.SET_ASIDE, [set_aside_problem(b) for b in self.set_aside]),
            ProblemGroup(ProblemKind.UNTRANSLATED, self.untranslated),
        ]

    def lines(self) -> list[str]:
        """Each problem, then one line of advice per kind."""
        return self.item_lines() + self.advice()

    def item_lines(self) -> list[str]:
        """Each problem as text: a file on one line, a person's block with its French change."""
        files = self.unreadable + self.outdated + self.kept + self.unlocked + self.persons_files
        lines = [problem.text() for problem in files + self.test_output]
        for block in [*self.stale_blocks, *self.set_aside]:
            lines.extend(block.lines())
        return lines + [f"note: {problem.text()}" for problem in self.untranslated]

    def advice(self, *, for_pull_request: bool = False) -> list[str]:
        """One line of advice per kind of problem. ``for_pull_request``: English to make or adopt
        is left to the translation workflow after the merge, and the advice says so instead."""
        lines = []
        if self.stale_blocks:
            lines.append(
                f"{len(self.stale_blocks)} English block(s) a person wrote have new French: edit the "
                "English block(s) as shown (`python -m bilingue translate` keeps a person's text as it is)."
            )
        if self.set_aside:
            lines.append(
                f"{len(self.set_aside)} English block(s) a person wrote were set aside: put each back "
                "where it belongs, then clear them as shown."
            )
        if self.persons_files:
            lines.append(
                f"{len(self.persons_files)} English file(s) a person restructured are behind their "
                "French: edit them by hand (`python -m bilingue translate` never writes them)."
            )
        if self.unlocked and not for_pull_request:
            lines.append(
                f"{len(self.unlocked)} English file(s) have no lock: adopt each with the command shown "
                "(recorded as a translation of unknown origin; if a person wrote or reviewed it, say so "
                "in its front matter: `translation: {method: human}`)."
            )
        if self.kept:
            lines.append(
                f"{len(self.kept)} English file(s) a person wrote have no French original any more: "
                "move each next to its essay, or delete it and its lock (`translate` never deletes them)."
            )
        if self.unreadable:
            lines.append(
                f"{len(self.unreadable)} file(s) cannot be read: fix each as its message says "
                "(`python -m bilingue translate` cannot do it)."
            )
        if self.outdated and not for_pull_request:
            count = len(self.outdated)
            lines.append(f"{count} English file(s) to update: run `python -m bilingue translate`.")
        if (self.outdated or self.unlocked) and for_pull_request:
            lines.append(
                f"{len(self.outdated) + len(self.unlocked)} English file(s) to make or adopt: the "
                "translation workflow does it after the merge (or run `python -m bilingue translate` "
                "and commit the files it writes)."
            )
        if self.test_output:
            lines.append(
                f"{len(self.test_output)} English file(s) hold text from a test provider, which must not "
                "be published: delete each English file and its .lock.json, then run `python -m bilingue "
                "translate` with a real service (or, for a test site only, set "
                "`translation.allow_test_providers: true` in bilingue.yml)."
            )
        if self.untranslated:
            lines.append(
                f"note: {len(self.untranslated)} block(s) are still French because no service could "
                "translate them without changing the page; fix each by translating it by hand in the "
                "English file (your text is then kept), or by rewording the French (it is then sent again)."
            )
        return lines


class ProblemKind(StrEnum):
    """The kinds of ``Problems``: the name of the field each comes from."""

    UNREADABLE = "unreadable"
    OUTDATED = "outdated"
    KEPT = "kept"
    UNLOCKED = "unlocked"
    PERSONS_FILES = "persons_files"
    TEST_OUTPUT = "test_output"
    STALE_BLOCKS = "stale_blocks"
    SET_ASIDE = "set_aside"
    UNTRANSLATED = "untranslated"


class ProblemGroup(NamedTuple):
    """The problems of one kind."""

    kind: ProblemKind
    problems: list[Problem]


def stale_block_problem(block: StaleBlock) -> Problem:
    """A person's stale English block on its French line; its French change and English in ``detail``."""
    return Problem(
        "error",
        "the French of a person's English block changed",
        block.french_file,
        block.line,
        title=STALE_HUMAN_BLOCK,
        detail="\n".join(line.strip() for line in block.lines()[1:]),
    )


def set_aside_problem(block: SetAsideBlock) -> Problem:
    """A person's English block set aside (its French is gone), where it was in the English file."""
    return Problem(
        "error",
        "a person's English block set aside: its French paragraph was deleted or rewritten",
        block.english_file,
        block.english_line,
        title=SET_ASIDE_BLOCK,
        detail="\n".join(line.strip() for line in block.lines()[1:]),
    )


# ---------------------------------------------------------------------------------------------------
# Data: the kinds of problem (annotation titles, sections of the GitHub step summary)

MISSING_ENGLISH = "Missing English"
OUTDATED_ENGLISH = "Outdated English"
STALE_HUMAN_BLOCK = "A person's English block is behind its French"
SET_ASIDE_BLOCK = "A person's English block set aside"
UNLOCKED_ENGLISH = "English without a lock"
PERSONS_FILE = "A person's English file is behind its French"
ORPHANED_ENGLISH = "English without its French"
UNREADABLE = "File cannot be read"
TEST_OUTPUT = "English from a test provider"
UNTRANSLATED_BLOCK = "A block left in French"
