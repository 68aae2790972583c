"""What a sync run did, file by file, for the command line and the build to print."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bilingue.reporting import Problem


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
    bad_input: bool = False  # failed on the author's file (not on the translation service)


@dataclass
class RunReport:
    files: list[FileReport] = field(default_factory=list)
    cleaned: list[Path] = field(default_factory=list)  # temporary files a killed run left behind

    def total(self, name: str) -> int:
        return sum(getattr(report, name) for report in self.files)

    @property
    def failed(self) -> list[FileReport]:
        return [report for report in self.files if report.status == "failed"]


@dataclass
class Problems:
    """What ``--check`` and the build's check mode report, sorted by what fixes it. Each is a
    ``Problem`` (file, line, message) that ``bilingue.reporting`` prints as text or for GitHub."""

    unreadable: list[Problem]  # files that cannot be read: the author fixes them (translating cannot)
    outdated: list[Problem]  # missing, outdated or orphaned English: `translate` fixes them
    #: a person's English whose French is gone: kept by `translate`; a person moves or deletes it
    kept: list[Problem] = field(default_factory=list)
    #: a person's English blocks whose French changed since: `translate` keeps them; a person
    #: updates them (each with its French line and, in ``detail``, the French and English texts)
    stale_human: list[Problem] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.unreadable or self.outdated or self.kept)

    def all(self) -> list[Problem]:
        return self.unreadable + self.outdated + self.stale_human + self.kept

    def advice(self) -> list[str]:
        """One line of advice per kind of problem."""
        lines = []
        if self.stale_human:
            lines.append(
                f"{len(self.stale_human)} English block(s) a person wrote are behind their French: "
                "update each by hand (`translate` never overwrites a person's text)."
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
        if self.outdated:
            count = len(self.outdated)
            lines.append(f"{count} English file(s) to update: run `python -m bilingue translate`.")
        return lines

    def lines(self) -> list[str]:
        """Each problem, then one line of advice per kind."""
        return [problem.text() for problem in self.all()] + self.advice()


# ---------------------------------------------------------------------------------------------------
# Data: the kinds of problem (annotation titles, sections of the GitHub step summary)

MISSING_ENGLISH = "Missing English"
OUTDATED_ENGLISH = "Outdated English"
STALE_HUMAN_BLOCK = "A person's English block is stale"
ORPHANED_ENGLISH = "English without its French"
UNREADABLE = "File cannot be read"
