from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bilingue.cli import main

PASTE = Path(__file__).parent.parent / "fixtures" / "linkedin-paste-mystique.txt"


def test_writes_the_essay_file_and_reports(tmp_path, capsys):
    assert (
        main(
            [
                "import-linkedin",
                str(PASTE),
                "--date",
                "2024-11-19",
                "--docs",
                str(tmp_path),
                "--slug",
                "mystique",
                "--tags",
                "a, b",
            ]
        )
        == 0
    )
    text = (tmp_path / "mystique.md").read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: ")
    assert "tags:\n- a\n- b\n" in text
    errors = capsys.readouterr().err
    assert "dropped LinkedIn line: Recommandé par LinkedIn" in errors
    assert "dropped 8 lines of readers' comments" in errors


def test_refuses_to_overwrite_without_force(tmp_path, capsys):
    (tmp_path / "mystique.md").write_text("mine", encoding="utf-8")
    assert main(["import-linkedin", str(PASTE), "--docs", str(tmp_path), "--slug", "mystique"]) == 1
    assert "exists already" in capsys.readouterr().err
    assert (tmp_path / "mystique.md").read_text(encoding="utf-8") == "mine"


def test_missing_paste_is_a_clear_error(tmp_path, capsys):
    assert main(["import-linkedin", str(tmp_path / "nope.txt")]) == 1
    assert "nope.txt: no such file" in capsys.readouterr().err


def test_module_entry_point_prints_help():
    result = subprocess.run(
        [sys.executable, "-m", "bilingue", "--help"], capture_output=True, text=True, check=True
    )
    assert "import-linkedin" in result.stdout
