from __future__ import annotations

import datetime as dt
from pathlib import Path

from bilingue.git_dates import last_commit_dates
from tests.conftest import git


def test_each_file_gets_its_last_commit_date(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("a", encoding="utf-8")
    (docs / "é b.md").write_text("b", encoding="utf-8")
    git(tmp_path, "init", "-q", date="2024-01-01T00:00:00+00:00")
    git(tmp_path, "add", "-A", date="2024-01-01T00:00:00+00:00")
    git(tmp_path, "commit", "-qm", "one", date="2024-01-01T12:00:00+00:00")
    (docs / "a.md").write_text("a2", encoding="utf-8")
    git(tmp_path, "commit", "-qam", "two", date="2024-02-03T12:00:00+00:00")
    (docs / "new.md").write_text("never committed", encoding="utf-8")
    dates = last_commit_dates(docs)
    assert dates[(docs / "a.md").resolve()] == dt.date(2024, 2, 3)
    assert dates[(docs / "é b.md").resolve()] == dt.date(2024, 1, 1)
    assert (docs / "new.md").resolve() not in dates


def test_outside_a_git_checkout_no_date_is_known(tmp_path: Path):
    (tmp_path / "a.md").write_text("a", encoding="utf-8")
    assert last_commit_dates(tmp_path) == {}
    assert last_commit_dates(tmp_path / "missing") == {}
