"""Command line: ``python -m bilingue COMMAND ...``.

Each command lives in its own module of this package and exposes ``register(subparsers)``, which
adds its sub-parser and sets ``handler`` (a function taking the parsed arguments and returning an
exit code). Modules are discovered, so adding a command is adding a file (modules whose name starts with
``_`` are skipped: room for helpers shared by commands).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from bilingue import __version__
from bilingue.errors import BilingueError
from bilingue.redact import redacted_output


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bilingue",
        description="French essays in, English essays and footnoted sources out.",
    )
    parser.add_argument("--version", action="version", version=f"bilingue {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in _command_modules():
        module.register(subparsers)
    return parser


def _command_modules():
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        if info.name.startswith("_"):
            continue
        yield importlib.import_module(f"{__name__}.{info.name}")
