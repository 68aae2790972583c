"""``python -m bilingue status``: how far each English essay is from its French original."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bilingue.config import load_config
from bilingue.sync import Action, Status, find_essays, plan_essay
from bilingue.sync.lock import HUMAN
from bilingue.sync.plan import EssayPlan, parse_essay


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "status",
        help="a table per essay: blocks machine / human / stale / missing, last sync, work left",
        description=(
            "Reads the French essays, their English files and locks, and sends nothing. "
            "machine: blocks a service translated; human: blocks a person wrote or edited; "
            "stale: a person's blocks whose French changed since; missing: blocks to translate."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="essays or folders (default: translation.paths of bilingue.yml)",
    )
    parser.add_argument("--root", type=Path, default=Path("."), help="project root (default: .)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    project = load_config(args.root)
    options = project.translate_options()
    essays = find_essays(project.essay_paths(args.paths))
    folder = Path(os.path.commonpath([essay.parent for essay in essays])) if essays else Path(".")
    table = Table(title=f"English essays ({folder})")
    for column in ("essay", "state", "machine", "human", "stale", "missing", "synced", "chars left"):
        table.add_column(
            column, justify="left" if column in ("essay", "state") else "right", no_wrap=column != "state"
        )
    for path in essays:
        plan = plan_essay(path, options)
        entries = [block.entry for block in plan.blocks if block.entry is not None]
        human = sum(1 for entry in entries if entry.provider == HUMAN)
        synced = plan.lock.state.synced.isoformat() if plan.lock else "never"
        state = _state(plan)
        machine = len(entries) - human
        if plan.status is Status.HUMAN_OWNED:  # the lock keeps no blocks: count the person's file
            machine, human = 0, _prose_blocks_of_english(plan)
        table.add_row(
            path.relative_to(folder).as_posix(),
            state,
            str(machine),
            str(human),
            str(plan.count(Action.STALE)),
            str(len(plan.to_translate)),
            synced,
            f"{plan.characters:,}",
        )
    console = Console()
    if not console.is_terminal:
        console = Console(width=120)  # a pipe or a CI log: no need to squeeze into 80 columns
    console.print(table)
    return 0


def _prose_blocks_of_english(plan: EssayPlan) -> int:
    return len(parse_essay(plan.english_text or "", plan.english_path, plan.options).prose_blocks())


def _state(plan: EssayPlan) -> str:
    if plan.english_text is None:
        return "no English yet"
    if plan.status is Status.HUMAN_OWNED:
        return "a person's file, outdated" if plan.source_changed else "a person's file"
    if plan.stale:
        return "outdated"
    return "up to date"
