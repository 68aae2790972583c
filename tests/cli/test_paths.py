"""The path checks shared by the commands: a wrong path stops with a message, never an empty result."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingue.cli import main
from bilingue.cli._paths import check_folder, check_paths
from bilingue.errors import BilingueError


def test_french_essays_and_folders_pass(tmp_path: Path):
    (tmp_path / "x.md").write_text("# X\n", encoding="utf-8")
    check_paths([tmp_path, tmp_path / "x.md"])


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("nope.md", "nope.md: no such file or folder (give French essays or their folder)"),
        ("x.en.md", "x.en.md is the English version of {folder}/x.md: give the French original"),
        ("x.lock.json", "x.lock.json is the lock of {folder}/x.md: give the French original"),
        ("notes.txt", "notes.txt: not a Markdown essay"),
    ],
)
def test_a_path_that_is_not_a_french_essay_says_what_to_give(tmp_path: Path, name: str, message: str):
    for existing in ("x.md", "x.en.md", "x.lock.json", "notes.txt"):
        (tmp_path / existing).write_text("", encoding="utf-8")
    with pytest.raises(BilingueError) as raised:
        check_paths([tmp_path / name])
    assert message.format(folder=tmp_path) in str(raised.value)


def test_check_folder_names_the_folder_expected(tmp_path: Path):
    (tmp_path / "file").write_text("", encoding="utf-8")
    with pytest.raises(BilingueError, match=r"nowhere: no such folder \(the pages\)"):
        check_folder(tmp_path / "nowhere", "the pages")
    with pytest.raises(BilingueError, match=r"file: not a folder \(the pages\)"):
        check_folder(tmp_path / "file", "the pages")


def test_translate_refuses_an_english_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    (tmp_path / "x.md").write_text("# X\n", encoding="utf-8")
    (tmp_path / "x.en.md").write_text("# X\n", encoding="utf-8")
    assert main(["translate", str(tmp_path / "x.en.md"), "--provider", "pseudo"]) == 1
    assert "is the English version of" in capsys.readouterr().err
