"""Errors a user can act on: each says which file and line, what is wrong, and what to do."""

from __future__ import annotations

from pathlib import Path


class BilingueError(Exception):
    """Base class: the command line prints these without a traceback."""


class SourceFileError(BilingueError):
    """Something wrong at a place in a file the user wrote."""

    def __init__(self, path: Path | str, line: int | None, problem: str, fix: str = ""):
        self.path = Path(path)
        self.line = line
        self.problem = problem
        self.fix = fix
        where = f"{self.path}:{line}" if line else str(self.path)
        message = f"{where}: {problem}"
        if fix:
            message += f" ({fix})"
        super().__init__(message)
