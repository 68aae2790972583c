"""``python -m bilingue settings``: effective values with their origin, secrets masked, the table."""

from __future__ import annotations

import pytest

from bilingue.cli import main
from bilingue.config import settings_table


@pytest.fixture(autouse=True)
def _no_settings_from_the_developer(monkeypatch):
    for name in ("BILINGUE_MODE", "BILINGUE_PROVIDER", "DEEPL_AUTH_KEY"):
        monkeypatch.delenv(name, raising=False)


def test_prints_each_value_with_its_origin_and_never_a_key(tmp_path, capsys, monkeypatch):
    (tmp_path / "bilingue.yml").write_text("translation:\n  mode: off\n", encoding="utf-8")  # YAML: False
    monkeypatch.setenv("DEEPL_AUTH_KEY", "do-not-print-me")
    assert main(["settings", "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    mode = next(line for line in out.splitlines() if line.startswith("translation.mode "))
    assert " off " in mode and mode.endswith("(bilingue.yml, line 2)")
    assert "do-not-print-me" not in out
    assert "translation.providers.deepl_auth_key" in out and "set (hidden)" in out


def test_table_prints_the_reference_table(capsys):
    assert main(["settings", "--table"]) == 0
    assert capsys.readouterr().out == settings_table()


def test_a_root_that_is_not_a_folder_is_refused(tmp_path, capsys):
    assert main(["settings", "--root", str(tmp_path / "nowhere")]) == 1
    assert "no such folder" in capsys.readouterr().err
