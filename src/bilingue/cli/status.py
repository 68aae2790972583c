"""``python -m bilingue status``: how far each English essay is from its French original.

A summary of every essay, then a table of the essays with something to do (``--all``: every
essay). With a thousand essays the table of every one is long to read, and laying it out was most
of the command's time; the essays with nothing to do are counted in the summary instead.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bilingue.cli._commands import COMMANDS
from bilingue.cli._paths import check_paths
from bilingue.cli._project import project_options, project_settings
from bilingue.errors import BilingueError
from bilingue.sync import (
    ADOPTED,
    Action,
    EssayPlan,
    SetAsideBlock,
    StaleBlock,
    Status,
    find_essays,
    plan_essay,
)
from bilingue.translate import TranslateOptions


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``status`` command to ``subparsers``."""
    parser = subparsers.add_parser(
        "status",
        parents=[project_options()],
        help=COMMANDS["status"],
        description=(
            "Reads the French essays, their English files and locks, and sends nothing. Prints "
            "how many essays are up to date (or a person's, or adopted: nothing to do) and the "
            "blocks of all of them, then a table of the essays with something to do (--all: of "
            "every essay). "
            "machine: blocks a service translated; human: blocks a person wrote or edited; "
            "stale: a person's blocks whose French changed since; missing: blocks to translate. "
            "With --diff, each stale block follows the table: its old and new French with the "
            "changes marked [-removed-]{+added+}, and the English line to edit."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="essays or folders (default: translation.paths of bilingue.yml)",
    )
    parser.add_argument(
        "--all",
        action="store_true",
        dest="every_essay",
        help="list every essay in the table, also those with nothing to do (by default they are "
        "only counted)",
    )
    parser.add_argument(
        "--diff",
        action="store_true",
        help="after the table, show what changed in the French of each stale block a person wrote "
        "(and the blocks set aside), with the English line to edit",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run ``status`` with the parsed arguments; the exit status."""
    project = project_settings(args)
    options = project.translate_options()
    paths = project.essay_paths(args.paths)
    check_paths(paths)
    essays = find_essays(paths)
    if not essays:
        print(f"no French essays in {', '.join(str(path) for path in paths)}")
        return 0
    rows, changes, errors = _rows(essays, options, changes=args.diff)
    print("\n".join(_summary(rows, essays)))
    listed = rows if args.every_essay else [row for row in rows if row.state not in NOTHING_TO_DO]
    if listed:
        _print_table(listed)
    if args.diff:
        _print_changes(changes)
    sys.stdout.flush()  # the errors go below the table, even when both streams share a pipe
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    return 1 if errors else 0


@dataclass(frozen=True)
class Row:
    """One essay's line of the table (figures are None for an essay that cannot be read)."""

    essay: str
    state: str
    machine: int | None = None  # blocks a service translated
    human: int | None = None  # blocks a person wrote, edited or adopted
    stale: int | None = None  # a person's blocks whose French changed
    missing: int | None = None  # blocks to translate
    synced: str = "-"
    characters: int | None = None  # characters left to send

    def cells(self) -> list[str]:
        """The row as the table shows it."""
        figures = (self.machine, self.human, self.stale, self.missing)
        shown = ["-" if figure is None else str(figure) for figure in figures]
        characters = "-" if self.characters is None else f"{self.characters:,}"
        return [self.essay, self.state, *shown, self.synced, characters]


def _rows(
    essays: list[Path], options: TranslateOptions, *, changes: bool
) -> tuple[list[Row], list[Change], list[BilingueError]]:
    """A row per essay; an essay that cannot be read gets an "unreadable" row and its error.
    With ``changes``, also every stale block a person wrote and every block set aside (--diff).

    A plan is dropped once its row is made: a thousand plans kept alive (texts, lock entries)
    made Python's garbage collector a fifth of the command.
    """
    folder = _common_folder(essays)
    rows: list[Row] = []
    errors: list[BilingueError] = []
    found: list[Change] = []
    for path in essays:
        name = path.relative_to(folder).as_posix()
        try:
            plan = plan_essay(path, options)
            rows.append(_row(name, plan))
            if changes:
                found += [*plan.stale_blocks(), *plan.aside_blocks()]
        except BilingueError as error:  # one bad essay must not hide the others
            errors.append(error)
            rows.append(Row(name, UNREADABLE))
    return rows, found, errors


def _summary(rows: list[Row], essays: list[Path]) -> list[str]:
    """How many essays, how many with nothing to do (by state), and the blocks of them all."""
    idle = Counter(row.state for row in rows if row.state in NOTHING_TO_DO)
    to_do = len(rows) - idle.total()
    counts = ", ".join(f"{count:,} {state}" for state, count in idle.most_common())
    first = f"English essays ({_common_folder(essays)}): {len(rows):,} essay(s)"
    if counts:
        first += f"; nothing to do: {counts}"
    first += f"; {to_do:,} with something to do, listed below" if to_do else "; none with anything to do"

    def total(figure: str) -> int:
        return sum(getattr(row, figure) or 0 for row in rows)

    return [
        first,
        f"blocks: {total('machine'):,} machine, {total('human'):,} human, {total('stale'):,} stale, "
        f"{total('missing'):,} missing; {total('characters'):,} characters left to translate",
    ]


def _print_table(rows: list[Row]) -> None:
    """The table of ``rows``, with rich (imported here: with nothing to list, it costs nothing)."""
    from rich.console import Console
    from rich.table import Table

    table = Table()
    for column in COLUMNS:
        table.add_column(
            column, justify="left" if column in ("essay", "state") else "right", no_wrap=column != "state"
        )
    for row in rows:
        table.add_row(*row.cells())
    console = Console()
    if not console.is_terminal:
        console = Console(width=120)  # a pipe or a CI log: no need to squeeze into 80 columns
    console.print(table)


def _common_folder(essays: list[Path]) -> Path:
    return Path(os.path.commonpath([essay.parent for essay in essays]))


def _print_changes(records: list[Change]) -> None:
    """``--diff``: every stale block a person wrote and every block set aside, for a translator."""
    if not records:
        print("\nno English block a person wrote is behind its French")
    for record in records:
        print()
        print("\n".join(record.lines()))


def _row(name: str, plan: EssayPlan) -> Row:
    """The row of one essay."""
    entries = [block.entry for block in plan.blocks if block.entry is not None]
    human = sum(1 for entry in entries if entry.by_person)  # written, edited or adopted
    machine = len(entries) - human
    if plan.status is Status.HUMAN_OWNED:  # the lock keeps no blocks: count the person's file
        machine, human = 0, plan.english_prose_count()
    return Row(
        name,
        _state(plan),
        machine=machine,
        human=human,
        stale=plan.count(Action.STALE),
        missing=len(plan.to_translate),
        synced=plan.lock.state.synced.isoformat() if plan.lock else "never",
        characters=plan.characters,
    )


def _state(plan: EssayPlan) -> str:
    if plan.english_text is None:
        return "no English yet"
    if plan.lock is None:
        return "adopted by the next translate (no lock yet)"
    if plan.status is Status.HUMAN_OWNED:
        owner = "adopted" if plan.lock.state.adopted else "a person's file"
        state = f"{owner}, outdated" if plan.source_changed else owner
    elif plan.needs_translate:
        state = "outdated"
    elif plan.count(Action.STALE):
        state = "a person's blocks to edit (--diff)"
    elif any(block.entry is not None and block.entry.provider == ADOPTED for block in plan.blocks):
        state = "adopted"
    else:
        state = "up to date"
    aside = len(plan.lock.state.aside)
    return f"{state}, {aside} set aside (--diff)" if aside else state


# ---------------------------------------------------------------------------------------------------
# Data

COLUMNS = ("essay", "state", "machine", "human", "stale", "missing", "synced", "chars left")
#: the state of an essay whose files cannot be read (the error is printed below the table)
UNREADABLE = "unreadable (see below)"
#: what ``--diff`` shows: a person's block behind its French, or set aside
Change = StaleBlock | SetAsideBlock
#: the states of an essay nobody has anything to do for (counted in the summary, listed by --all)
NOTHING_TO_DO = ("up to date", "a person's file", "adopted")
