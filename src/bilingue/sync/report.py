"""What a sync run did, file by file, for the command line and the build to print."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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
    """What ``--check`` and the build's check mode report, sorted by what fixes it."""

    unreadable: list[str]  # files that cannot be read: the author fixes them (translating cannot)
    outdated: list[str]  # missing, outdated or orphaned English: `translate` fixes them
    #: a person's English whose French is gone: kept by `translate`; a person moves or deletes it
    kept: list[str] = field(default_factory=list)
    #: English written by a test provider (pseudo, identity): never to be published
    test_output: list[str] = field(default_factory=list)
    #: notes, not failures: blocks no service could translate safely, left in French
    untranslated: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.unreadable or self.outdated or self.kept or self.test_output)

    def lines(self) -> list[str]:
        """Each problem, then one line of advice per kind (notes last)."""
        lines = self.unreadable + self.outdated + self.kept + self.test_output
        if self.test_output:
            lines.append(
                f"{len(self.test_output)} English file(s) hold text from a test provider, which must not be "
                "published: delete each English file and its .lock.json, then run `python -m bilingue "
                "translate` with a real service (or, for a test site only, set "
                "`translation.allow_test_providers: true` in bilingue.yml)."
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
        if self.untranslated:
            lines += self.untranslated
            lines.append(
                f"note: {len(self.untranslated)} block(s) are still French because no service could "
                "translate them without changing the page; fix each by translating it by hand in the "
                "English file (your text is then kept), or by rewording the French (it is then sent again)."
            )
        return lines
