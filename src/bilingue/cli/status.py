"""``python -m bilingue status``: how far each English essay is from its French original."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bilingue.cli._commands import COMMANDS
from bilingue.cli._paths import check_paths
from bilingue.cli._project import project_options, project_settings
from bilingue.errors import BilingueError
from bilingue.sync import ADOPTED, Action, EssayPlan, Status, find_essays, plan_essay
from bilingue.translate import TranslateOptions


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``status`` command to ``subparsers``."""
    parser = subparsers.add_parser(
        "status",
        parents=[project_options()],
        help=COMMANDS["status"],
        description=(
            "Reads the French essays, their English files and locks, and sends nothing. "
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
    table, plans, errors = _table(essays, options)
    console = Console()
    if not console.is_terminal:
        console = Console(width=120)  # a pipe or a CI log: no need to squeeze into 80 columns
    console.print(table)
    if args.diff:
        _print_changes(plans)
    sys.stdout.flush()  # the errors go below the table, even when both streams share a pipe
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    return 1 if errors else 0


def _table(
    essays: list[Path], options: TranslateOptions
) -> tuple[Table, list[EssayPlan], list[BilingueError]]:
    """A row per essay; an essay that cannot be read gets an "unreadable" row and its error."""
    folder = Path(os.path.commonpath([essay.parent for essay in essays]))
    table = Table(title=f"English essays ({folder})")
    for column in COLUMNS:
        table.add_column(
            column, justify="left" if column in ("essay", "state") else "right", no_wrap=column != "state"
        )
    errors: list[BilingueError] = []
    plans: list[EssayPlan] = []
    for path in essays:
        name = path.relative_to(folder).as_posix()
        try:
            plan = plan_essay(path, options)
            table.add_row(name, *_cells(plan))
            plans.append(plan)
        except BilingueError as error:  # one bad essay must not hide the others
            errors.append(error)
            table.add_row(name, UNREADABLE, *["-"] * (len(COLUMNS) - 2))
    return table, plans, errors


def _print_changes(plans: list[EssayPlan]) -> None:
    """``--diff``: every stale block a person wrote and every block set aside, for a translator."""
    records = [record for plan in plans for record in (*plan.stale_blocks(), *plan.aside_blocks())]
    if not records:
        print("\nno English block a person wrote is behind its French")
    for record in records:
        print()
        print("\n".join(record.lines()))


def _cells(plan: EssayPlan) -> list[str]:
    """The row of one essay, after its name."""
    entries = [block.entry for block in plan.blocks if block.entry is not None]
    human = sum(1 for entry in entries if entry.by_person)  # written, edited or adopted
    machine = len(entries) - human
    if plan.status is Status.HUMAN_OWNED:  # the lock keeps no blocks: count the person's file
        machine, human = 0, plan.english_prose_count()
    return [
        _state(plan),
        str(machine),
        str(human),
        str(plan.count(Action.STALE)),
        str(len(plan.to_translate)),
        plan.lock.state.synced.isoformat() if plan.lock else "never",
        f"{plan.characters:,}",
    ]


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
