"""What every command shares: the ``--root`` option, and the project's settings read from it."""

from __future__ import annotations

import argparse
from pathlib import Path

from bilingue.cli._paths import check_folder
from bilingue.config import CONFIG_FILE, Settings, load_config


def project_options() -> argparse.ArgumentParser:
    """A parent parser (``add_parser(..., parents=[project_options()])``) holding ``--root``."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        help=f"the project's folder, holding {CONFIG_FILE} and mkdocs.yml (default: current folder)",
    )
    return parser


def project_settings(args: argparse.Namespace, *, required: bool = True) -> Settings:
    """The settings of the project at ``--root`` (bilingue.yml, then the environment).

    ``required``: ``--root`` must be an existing folder; else a missing one means the defaults
    (``check-translation`` compares two files and needs no project).
    """
    if required:
        check_folder(args.root, f"--root must be the project's folder, holding {CONFIG_FILE}")
    return load_config(args.root)
