"""Problems the checks find, shown to a person (text) or to GitHub (annotations and a step summary).

``check``, ``translate --check`` and ``check-translation`` turn what they find into ``Problem``s
and hand them to ``emit``. With ``--format github``:

- each problem is a workflow command on stdout (``::error file=…,line=…,title=…::message``), which
  GitHub shows on that line of the pull request's diff. The runner reads them from the log, so they
  work with a read-only token (pull requests from forks);
- a Markdown report is appended to the file ``$GITHUB_STEP_SUMMARY`` names, when it is set.

Everything in a problem may come from a stranger's pull request (file names, source ids, essay
text): messages and properties are escaped as GitHub's toolkit does (``%``, CR and LF; also ``:``
and ``,`` in properties), so no text can end an annotation early or start a workflow command of its
own, and the summary escapes HTML. Paths are relative to the repository (``GITHUB_WORKSPACE`` when
set, else the project root) and lines are 1-based, as GitHub expects.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning", "notice"]
Format = Literal["text", "github"]

#: the values of the commands' ``--format`` option
FORMATS: tuple[Format, ...] = ("text", "github")


@dataclass(frozen=True)
class Problem:
    """One thing to show: where (file and 1-based line, both optional), how bad, and what to do."""

    severity: Severity
    message: str
    path: Path | None = None
    line: int | None = None
    #: a short name of the kind of problem: the annotation's title and the summary's section
    title: str = ""
    #: more for the summary, shown as a block of text (e.g. the French change of a stale block)
    detail: str = ""

    def text(self, root: Path | None = None) -> str:
        """``file:line: message``, the file relative to ``root`` when it is inside it."""
        if self.path is None:
            return self.message
        where = repo_path(self.path, root) if root is not None else str(self.path)
        return f"{where}:{self.line}: {self.message}" if self.line else f"{where}: {self.message}"


def emit(
    problems: Sequence[Problem],
    *,
    output_format: Format,
    root: Path,
    title: str,
    text_lines: Iterable[str] = (),
    closing: Sequence[str] = (),
) -> None:
    """Print ``problems`` for a person (``text_lines``: the command's own wording, when it has one)
    or for GitHub (annotations, and a summary headed ``title``); ``closing`` ends either."""
    if output_format == "github":
        for problem in problems:
            print(annotation(problem, root))
        for line in closing:
            print(line)
        write_step_summary(step_summary(title, problems, root, closing))
        return
    for line in text_lines if text_lines else _text(problems):
        print(line)
    for line in closing:
        print(line)


def _text(problems: Sequence[Problem]) -> Iterable[str]:
    """Each problem on its line, its detail below it behind a margin (so that no line of an
    essay's text can pass for a workflow command in a CI log)."""
    for problem in problems:
        yield problem.text()
        yield from (f"    | {line}" for line in problem.detail.splitlines())


# --- GitHub workflow commands -------------------------------------------------------------------


def annotation(problem: Problem, root: Path) -> str:
    """The workflow command that puts ``problem`` on its line in the pull request."""
    properties = []
    if problem.path is not None:
        properties.append(f"file={escape_property(repo_path(problem.path, root))}")
        if problem.line:
            properties.append(f"line={int(problem.line)}")
    if problem.title:
        properties.append(f"title={escape_property(problem.title)}")
    joined = " " + ",".join(properties) if properties else ""
    message = problem.message + (f"\n{problem.detail}" if problem.detail else "")
    return f"::{problem.severity}{joined}::{escape_data(message)}"


def escape_data(text: str) -> str:
    """A message as GitHub's toolkit escapes it (``%`` first, so nothing is escaped twice)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title): also ``:`` and ``,``, which separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def repo_path(path: Path, root: Path | None = None) -> str:
    """``path`` as GitHub names files: relative to the repository, with ``/``.

    The repository is ``GITHUB_WORKSPACE`` when set (in a workflow), else ``root``; a path outside
    both is shown as given."""
    absolute = Path(os.path.abspath(path))
    bases = [os.environ.get("GITHUB_WORKSPACE"), root]
    for base in (Path(os.path.abspath(b)) for b in bases if b):
        if absolute.is_relative_to(base):
            return absolute.relative_to(base).as_posix()
    return Path(path).as_posix()


# --- the step summary ---------------------------------------------------------------------------


def step_summary(title: str, problems: Sequence[Problem], root: Path, closing: Sequence[str] = ()) -> str:
    """A Markdown report: one section per kind of problem, each problem with its file and line."""
    lines = [f"### {_md(title)}", ""]
    if not problems:
        lines.append("No problem found.")
    sections: dict[str, list[Problem]] = {}
    for problem in problems:
        sections.setdefault(problem.title or SEVERITY_NAMES[problem.severity], []).append(problem)
    for section, members in sections.items():
        lines += ["", f"#### {SEVERITY_ICONS[members[0].severity]} {_md(section)} ({len(members)})", ""]
        for problem in members:
            where = ""
            if problem.path is not None:
                where = f"`{_code(repo_path(problem.path, root))}" + (
                    f":{problem.line}`" if problem.line else "`"
                )
            lines.append(f"- {where}{': ' if where else ''}{_md(problem.message)}")
            if problem.detail:
                fence = _fence(problem.detail)
                lines += [
                    "",
                    f"  {fence}text",
                    *(f"  {line}" for line in problem.detail.splitlines()),
                    f"  {fence}",
                ]
    if closing:
        lines += ["", *(_md(line) for line in closing)]
    return "\n".join(lines) + "\n"


def write_step_summary(markdown: str) -> None:
    """Append to ``$GITHUB_STEP_SUMMARY`` (several steps and commands share the file); nothing
    outside a workflow, where the variable is not set."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    with open(target, "a", encoding="utf-8") as summary:
        summary.write(markdown + "\n")


def _md(text: str) -> str:
    """Untrusted text as Markdown prose: no HTML, no line breaks that start a new block."""
    return html.escape(" ".join(text.split()), quote=False)


def _code(text: str) -> str:
    """A path inside a code span: a backtick in it would end the span."""
    return text.replace("`", "'")


def _fence(text: str) -> str:
    """A code fence longer than any run of backticks in ``text``, which therefore cannot close it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


# ---------------------------------------------------------------------------------------------------
# Data

SEVERITY_NAMES = {"error": "Errors", "warning": "Warnings", "notice": "Notes"}
SEVERITY_ICONS = {"error": "❌", "warning": "⚠️", "notice": "ℹ️"}
