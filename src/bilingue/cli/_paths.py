"""Checks of the paths a user gives on the command line, shared by the commands.

A path that is not there, or that is not what the command reads, would otherwise give an empty
result and exit 0: the user would believe all is well. These checks stop with a message instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from bilingue.errors import BilingueError
from bilingue.paths import LOCK_SUFFIX, french_path_for, is_french_essay


def check_paths(paths: Iterable[Path]) -> None:
    """Every path is a French essay or a folder (of essays); raise a BilingueError otherwise."""
    for path in paths:
        if not path.is_dir() and french_path_for(path) != path:  # x.en.md or x.lock.json
            raise BilingueError(_not_the_original(path))
        if not path.exists():
            raise BilingueError(f"{path}: no such file or folder (give French essays or their folder)")
        if path.is_file() and not is_french_essay(path):
            raise BilingueError(f"{path}: not a Markdown essay (give a French essay, x.md, or its folder)")


def check_folder(path: Path, what: str) -> None:
    """``path`` is an existing folder; ``what`` says which folder was expected, for the message."""
    if not path.exists():
        raise BilingueError(f"{path}: no such folder ({what})")
    if not path.is_dir():
        raise BilingueError(f"{path}: not a folder ({what})")


def _not_the_original(path: Path) -> str:
    original = french_path_for(path)
    kind = "the lock" if path.name.endswith(LOCK_SUFFIX) else "the English version"
    return f"{path} is {kind} of {original}: give the French original, {original}, or its folder"
