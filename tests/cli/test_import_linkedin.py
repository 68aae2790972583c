from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pytest

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


@pytest.mark.parametrize("slug", ["../../x", "sub/x", "Mystique"])
def test_a_slug_that_is_not_a_plain_file_name_is_refused(tmp_path, capsys, slug):
    docs = tmp_path / "docs" / "essais"
    with pytest.raises(SystemExit) as exit_:
        main(["import-linkedin", str(PASTE), "--date", "2024-11-20", "--docs", str(docs), "--slug", slug])
    assert exit_.value.code == 2
    assert "use only lowercase letters a-z, digits, and hyphens" in capsys.readouterr().err
    assert not list(tmp_path.rglob("*.md"))  # nothing written, in the folder or outside it


def test_a_title_with_no_letter_asks_for_a_slug(tmp_path, capsys):
    paste = tmp_path / "paste.txt"
    paste.write_text("« — »\nUn paragraphe.\n", encoding="utf-8")
    assert main(["import-linkedin", str(paste), "--docs", str(tmp_path)]) == 1
    assert "give one with --slug" in capsys.readouterr().err
    assert not list(tmp_path.rglob("*.md"))


@pytest.mark.parametrize("date", ["2024-13-01", "2024-02-30", "20241120", "19/11/2024"])
def test_a_date_that_is_not_a_real_yyyy_mm_dd_day_says_so(capsys, date):
    with pytest.raises(SystemExit) as exit_:
        main(["import-linkedin", str(PASTE), "--date", date, "--stdout"])
    assert exit_.value.code == 2
    assert f"argument --date: '{date}' is not a date: write YYYY-MM-DD" in capsys.readouterr().err


def test_writes_nothing_while_a_translate_run_holds_the_folder(tmp_path, capsys):
    holder = os.open(tmp_path, os.O_RDONLY)  # what a running `translate` holds (bilingue.files)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)
        arguments = ["import-linkedin", str(PASTE), "--date", "2024-11-19", "--docs", str(tmp_path)]
        assert main([*arguments, "--slug", "mystique"]) == 1
    finally:
        os.close(holder)
    assert "another process is writing here (an import)" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_very_long_first_line_makes_a_short_slug(tmp_path, capsys):
    paste = tmp_path / "paste.txt"
    paste.write_text(
        ("Une très longue première ligne " * 9).strip() + "\n\nLe corps du texte.\n", encoding="utf-8"
    )
    assert (
        main(["import-linkedin", str(paste), "--date", "2024-11-19", "--docs", str(tmp_path / "docs")]) == 0
    )
    (written,) = (tmp_path / "docs").glob("*.md")
    assert len(written.stem) <= 80 and written.stem.startswith("une-tres-longue-premiere-ligne")
    assert not written.stem.endswith("-")


@pytest.mark.parametrize(
    ("slug", "why"),
    [
        ("index", "reserved name"),
        ("con", "reserved name"),
        ("sources", "reserved name"),
        ("lpt1", "reserved name"),
        ("x" * 81, "use at most 80"),
    ],
)
def test_reserved_or_overlong_slugs_are_refused(tmp_path, capsys, slug, why):
    arguments = [
        "import-linkedin",
        str(PASTE),
        "--date",
        "2024-11-19",
        "--docs",
        str(tmp_path),
        "--slug",
        slug,
    ]
    with pytest.raises(SystemExit):
        main(arguments)
    assert why in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("title", ["Index", "CON"])
def test_a_title_that_makes_a_reserved_slug_asks_for_one(tmp_path, capsys, title):
    paste = tmp_path / "paste.txt"
    paste.write_text(f"{title}\n\nLe corps du texte, assez long pour un essai.\n", encoding="utf-8")
    assert (
        main(["import-linkedin", str(paste), "--date", "2024-11-19", "--docs", str(tmp_path / "docs")]) == 1
    )
    error = capsys.readouterr().err
    assert "reserved name" in error and "--slug" in error
    assert not (tmp_path / "docs").exists() or not list((tmp_path / "docs").iterdir())


def test_without_docs_the_essay_goes_to_the_essays_folder_of_bilingue_yml(tmp_path, capsys):
    (tmp_path / "bilingue.yml").write_text("folders:\n  docs: pages\n  essays: textes\n", encoding="utf-8")
    arguments = ["import-linkedin", str(PASTE), "--date", "2024-11-19", "--slug", "mystique"]
    assert main([*arguments, "--root", str(tmp_path)]) == 0
    assert (
        (tmp_path / "pages" / "textes" / "mystique.md").read_text(encoding="utf-8").startswith("---\ntitle: ")
    )
    assert f"wrote {tmp_path / 'pages' / 'textes' / 'mystique.md'}" in capsys.readouterr().err
