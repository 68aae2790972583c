"""When each page last changed: the date of the last git commit that touched its file.

For the sitemap's ``<lastmod>`` and the essays' ``dateModified``. One ``git log`` for the whole
docs folder (not one process per page). Outside a git checkout, without git, or when git fails,
every date is unknown and the build goes on: the sitemap then simply has no ``<lastmod>``.
Why not mkdocs-git-revision-date-localized-plugin: it works with i18n, but warns on CI's shallow
clones (which fails ``--strict``) and pulls GitPython; we only need one date per file.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

# A build must not stall on git (e.g. a huge history on a slow disk).
GIT_TIMEOUT_SECONDS = 60


def last_commit_dates(folder: Path) -> dict[Path, dt.date]:
    """Each file under ``folder`` that git knows -> the (committer) date of its last commit."""
    git = shutil.which("git")
    if git is None or not folder.is_dir():
        return {}
    top = _git(git, folder, "rev-parse", "--show-toplevel")
    if top is None:
        return {}
    log = _git(git, folder, "-c", "core.quotepath=off", "log", "--format=%x00%cs", "--name-only", "--", ".")
    if log is None:
        return {}
    root = Path(top.strip())
    dates: dict[Path, dt.date] = {}
    current: dt.date | None = None
    for line in log.splitlines():
        if line.startswith("\0"):
            current = dt.date.fromisoformat(line[1:].strip())
        elif line and current is not None:
            dates.setdefault((root / line).resolve(), current)  # newest first: keep the first seen
    return dates


def _git(git: str, cwd: Path, *arguments: str) -> str | None:
    try:
        result = subprocess.run(
            [git, *arguments],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=GIT_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None
