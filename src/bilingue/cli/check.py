"""``python -m bilingue check``: the sources registry and the essays' citations, authors and tags,
all at once."""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from bilingue.cli._commands import COMMANDS
from bilingue.cli._format import add_format_argument
from bilingue.cli._paths import check_folder
from bilingue.cli._project import project_options, project_settings
from bilingue.config import Settings
from bilingue.corpus import corpus_of_folder
from bilingue.errors import SourceFileError
from bilingue.library import load_library
from bilingue.reporting import Problem, emit
from bilingue.sources import (
    CLAIM,
    DEFAULT_TOLERANCE,
    ERROR,
    FIGURE,
    WARNING,
    Finding,
    check_all,
    finding_from_error,
)
from bilingue.unsafe_content import check_unsafe_content


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``check`` command to ``subparsers``."""
    parser = subparsers.add_parser(
        "check",
        parents=[project_options()],
        help=COMMANDS["check"],
        description=(
            "Checks sources.yml (every field, with its line) and every page under docs/: unknown "
            "source ids (with the closest ids), malformed URLs and dates, access dates in the "
            "future, markup where only text is shown and content the build would strip from a page "
            "(scripts, event handlers, javascript: links: errors); sources no page cites (warnings). "
            "Then lists, for an author to "
            "review, the numbers stated in prose with no [^src:...] citation in the same "
            "sentence, and the numbers that disagree with the figures of the sources their "
            "sentence cites. Also checks authors.yml and tags.yml, and that every essay's "
            "`authors:` are in authors.yml and every tag has an English label in tags.yml "
            "(errors). Exit status 1 when there is an error, 0 otherwise."
        ),
    )
    parser.add_argument(
        "--sources", type=Path, help="the registry (default: folders.sources of bilingue.yml, sources.yml)"
    )
    parser.add_argument("--docs", type=Path, help="the pages (default: folders.docs of bilingue.yml, docs)")
    parser.add_argument(
        "--tolerance",
        type=_tolerance,
        default=DEFAULT_TOLERANCE,
        help="relative gap allowed between an essay's number and a source's "
        f"figure (default: {DEFAULT_TOLERANCE}, i.e. "
        f"{DEFAULT_TOLERANCE:.0%}%); a figure's own `tolerance:` wins",
    )
    parser.add_argument("--no-claims", action="store_true", help="do not list the numbers without a source")
    add_format_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run ``check`` with the parsed arguments; the exit status."""
    project = project_settings(args)
    registry = args.sources or project.registry_path
    docs = args.docs or project.docs_dir
    check_folder(docs, "the pages: give --docs, or --root the site's folder")
    result = check_all(registry, docs, args.tolerance)
    if not result.pages_checked:
        _print(result.findings, no_claims=True, args=args)
        print("pages not checked: every citation would look unknown until the registry can be read")
        return 1
    findings = result.findings + _front_matter_findings(project, docs)
    findings += check_unsafe_content(sorted(docs.rglob("*.md")), result.registry, project.site_config)
    return _print(findings, no_claims=args.no_claims, args=args)


def _front_matter_findings(project: Settings, docs: Path) -> list[Finding]:
    """authors.yml and tags.yml, and the essays' ``authors:`` and ``tags:`` against them (errors)."""
    try:
        # an essay whose front matter cannot be read is the build's and translate's to report
        corpus = corpus_of_folder(docs, project.folders.essays, skip_unreadable=True)
        library = load_library(project, corpus, docs_dir=docs)
    except SourceFileError as error:
        return [finding_from_error(error)]
    return [Finding(ERROR, problem.path, problem.line, problem.message) for problem in library.problems()]


def _print(findings: list[Finding], *, no_claims: bool, args: argparse.Namespace) -> int:
    """The findings by kind, then a count of each; the exit status (1 when there is an error)."""
    by_kind = {kind: [f for f in findings if f.severity == kind] for kind in (ERROR, WARNING, FIGURE, CLAIM)}
    if no_claims:
        by_kind[CLAIM] = []
    counts = ", ".join(f"{len(by_kind[kind])} {NAMES[kind]}" for kind in (ERROR, WARNING, FIGURE, CLAIM))
    text = []
    for kind in (ERROR, WARNING, FIGURE, CLAIM):
        if by_kind[kind]:
            text.append(f"{HEADINGS[kind]} ({len(by_kind[kind])}):")
            text.extend(f"  {_display(finding)}" for finding in by_kind[kind])
            text.append("")
    problems = [_problem(finding) for kind in (ERROR, WARNING, FIGURE, CLAIM) for finding in by_kind[kind]]
    emit(
        problems,
        output_format=args.output_format,
        root=args.root,
        title="Sources and citations",
        text_lines=text,
        closing=[counts],
    )
    return 1 if by_kind[ERROR] else 0


def _problem(finding: Finding) -> Problem:
    """A finding as the reporting module shows it (figures to review are warnings, claims notes)."""
    return Problem(
        SEVERITIES[finding.severity],
        finding.message,
        finding.path,
        finding.line,
        title=TITLES[finding.severity],
    )


def _tolerance(text: str) -> float:
    """``--tolerance``: a relative gap, a finite number >= 0 (argparse shows the message)."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value >= 0):
        raise argparse.ArgumentTypeError(
            f"{text!r}: the tolerance must be a number >= 0, e.g. 0.05 for a 5% gap"
        )
    return value


def _display(finding: Finding) -> str:
    """The finding, its path relative to the current folder when it is inside it."""
    path = finding.path
    if path.is_absolute() and path.is_relative_to(Path.cwd()):
        path = path.relative_to(Path.cwd())
    where = f"{path}:{finding.line}" if finding.line else str(path)
    return f"{where}: {finding.message}"


# ---------------------------------------------------------------------------------------------------
# Data

HEADINGS = {
    ERROR: "Errors",
    WARNING: "Warnings",
    FIGURE: "Numbers that disagree with the cited sources' figures",
    CLAIM: "Numbers with no source in their sentence",
}
NAMES = {
    ERROR: "error(s)",
    WARNING: "warning(s)",
    FIGURE: "figure disagreement(s)",
    CLAIM: "number(s) without a source",
}
SEVERITIES = {ERROR: "error", WARNING: "warning", FIGURE: "warning", CLAIM: "notice"}
TITLES = {
    ERROR: "Source or citation error",
    WARNING: "Source nobody cites",
    FIGURE: "Number disagrees with its source",
    CLAIM: "Number without a source",
}
