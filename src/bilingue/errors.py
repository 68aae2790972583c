"""Errors a user can act on: each says which file and line, what is wrong, and what to do."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
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
        super().__init__(self.describe())

    def describe(self, path: Path | str | None = None) -> str:
        """``file:line: problem (fix)``, naming the file as ``path`` when given (e.g. relative)."""
        shown = self.path if path is None else path
        where = f"{shown}:{self.line}" if self.line else str(shown)
        message = f"{where}: {self.problem}"
        if self.fix:
            message += f" ({self.fix})"
        return message


def yaml_error(
    path: Path | str, error: Exception, fix: str, *, what: str = "invalid YAML", first_line: int = 1
) -> SourceFileError:
    """A PyYAML error as a ``SourceFileError`` at the line it points to.

    ``first_line`` is the file line of the YAML text's first line (2 for front matter, which
    starts after its opening ``---``). Used for every YAML file an author or owner writes.
    """
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    line = mark.line + first_line if mark else (1 if first_line > 1 else None)  # front matter: line 1
    return SourceFileError(path, line, f"{what}: {problem}", fix)


@contextmanager
def reported_as_build_errors() -> Iterator[None]:
    """Turn a ``BilingueError`` into MkDocs' ``PluginError``, which MkDocs prints without a traceback.

    Wraps every MkDocs hook that reads an author's files (use it as a decorator). MkDocs is
    imported only when an error happens, so the package still imports without MkDocs.
    """
    try:
        yield
    except BilingueError as error:
        from mkdocs.exceptions import PluginError

        raise PluginError(_for_the_build_log(error)) from None


def _for_the_build_log(error: BilingueError) -> str:
    """The message, with a file inside the current folder named relative to it (as authors type it)."""
    if isinstance(error, SourceFileError) and error.path.is_absolute():
        try:
            return error.describe(error.path.relative_to(Path.cwd()))
        except ValueError:  # a file elsewhere keeps its full path
            pass
    return str(error)
