"""Command line: ``python -m bilingue COMMAND ...``.

Each command lives in its own module of this package and exposes ``register(subparsers)``, which
adds its sub-parser and sets ``handler`` (a function taking the parsed arguments and returning an
exit code). ``_commands.COMMANDS`` lists the commands with their one-line help, so that ``--help``
lists them all without importing any: only the module of the command being run is imported (its
imports, the settings model, the Markdown model, rich..., are most of a short command's time).
Modules whose name starts with ``_`` are helpers shared by commands.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from bilingue import __version__
from bilingue.cli._commands import COMMANDS, module_name
from bilingue.errors import BilingueError
from bilingue.redact import redacted_output


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``python -m bilingue`` with ``argv``; the exit status (errors are printed, not raised)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(_command_in(argv))
    args = parser.parse_args(argv)
    if not hasattr(args, "handler"):
        parser.print_help()
        return 2
    with redacted_output():  # no key in anything printed, whatever prints it
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.handler(args) or 0)
    except BilingueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(
            "interrupted: finished files were saved; run the same command again to resume.", file=sys.stderr
        )
        return 130


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser: every command with its one-line help, and ``command``'s own options
    and handler (its module is imported here; the other commands' modules are not)."""
    parser = argparse.ArgumentParser(
        prog="python -m bilingue",
        description="French essays in, English essays and footnoted sources out.",
    )
    parser.add_argument("--version", action="version", version=f"bilingue {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name, summary in COMMANDS.items():
        if name == command:
            importlib.import_module(module_name(name)).register(subparsers)
        else:  # listed in --help; never parsed (the command given is the one registered in full)
            subparsers.add_parser(name, help=summary)
    return parser


def _command_in(argv: Sequence[str]) -> str | None:
    """The command ``argv`` runs: its first word that is not an option (``python -m bilingue``
    itself has only ``--help`` and ``--version``, which take no value)."""
    return next((word for word in argv if not word.startswith("-")), None)
