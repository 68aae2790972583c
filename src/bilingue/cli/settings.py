"""``python -m bilingue settings``: every setting's effective value and where it came from.

Reads bilingue.yml and the environment exactly as the other commands and the build do; keys
are never shown (only whether they are set). ``--table`` prints the reference table of
guide/site-owners.md instead (generated from the settings model).
"""

from __future__ import annotations

import argparse

from bilingue.cli._commands import COMMANDS
from bilingue.cli._project import project_options, project_settings
from bilingue.config import describe_settings, settings_table


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``settings`` command to ``subparsers``."""
    parser = subparsers.add_parser(
        "settings",
        parents=[project_options()],
        help=COMMANDS["settings"],
        description=(
            "Shows every setting as commands and the build see it: its bilingue.yml key, its "
            "effective value and where the value came from (the default, a line of bilingue.yml, "
            "or an environment variable, which wins). API keys are never shown, only whether "
            "they are set."
        ),
    )
    parser.add_argument(
        "--table",
        action="store_true",
        help="print the reference table of every setting (Markdown, as in guide/site-owners.md)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run ``settings`` with the parsed arguments; the exit status."""
    if args.table:
        print(settings_table(), end="")
        return 0
    print("\n".join(describe_settings(project_settings(args))))
    return 0
