"""An author's file that cannot be read gives the same clear error wherever it is read.

Every reader (sync planning, essay discovery, the sources checks, the command line) goes through
``bilingue.files.read_text``: a file saved as Latin-1 names its line and says to save it as UTF-8,
and bad front matter names its own file rather than ``<text>``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bilingue.cli import main
from bilingue.corpus import corpus_of_folder
from bilingue.errors import SourceFileError
from bilingue.sources.checks import check_all
from bilingue.sources.citations import read_page
from bilingue.sync import plan_essay
from bilingue.translate import TranslateOptions
from tests.sync.conftest import ESSAY

LATIN_1 = "not UTF-8 text"


@pytest.fixture
def latin1_essay(tmp_path: Path) -> Path:
    """A French essay saved as Latin-1: its first non-ASCII byte is on line 4 ("vérifier")."""
    folder = tmp_path / "essais"
    folder.mkdir()
    path = folder / "essai.md"
    path.write_bytes(ESSAY.encode("latin-1"))
    return path


def test_sync_planning_names_the_file_and_line(latin1_essay):
    with pytest.raises(SourceFileError) as caught:
        plan_essay(latin1_essay, TranslateOptions())
    assert (caught.value.path, caught.value.line) == (latin1_essay, 4)
    assert LATIN_1 in caught.value.problem and caught.value.fix == "save the file as UTF-8"


def test_an_english_file_not_in_utf8_is_named_too(latin1_essay):
    latin1_essay.write_text(ESSAY, encoding="utf-8")
    english = latin1_essay.with_name("essai.en.md")
    english.write_bytes(ESSAY.encode("latin-1"))
    with pytest.raises(SourceFileError, match=f"^{re.escape(str(english))}:4: {LATIN_1}"):
        plan_essay(latin1_essay, TranslateOptions())


def test_essay_discovery_names_the_file_and_line(latin1_essay):
    with pytest.raises(SourceFileError, match=f"^{re.escape(str(latin1_essay))}:4: {LATIN_1}"):
        corpus_of_folder(latin1_essay.parent.parent)


def test_sources_checks_report_it_as_an_error_finding(latin1_essay, tmp_path):
    registry = tmp_path / "sources.yml"
    registry.write_text("{}\n", encoding="utf-8")
    findings = check_all(registry, latin1_essay.parent).findings
    assert [(f.severity, f.path, f.line) for f in findings] == [("error", latin1_essay, 4)]
    assert LATIN_1 in findings[0].message


def test_a_page_with_bad_yaml_is_named_by_its_path(tmp_path):
    page = tmp_path / "essai.md"
    page.write_text('---\ntitle: "pas fermé\ndate: 2025-01-01\n---\n\nTexte.\n', encoding="utf-8")
    with pytest.raises(SourceFileError) as caught:
        read_page(page)
    assert caught.value.path == page and caught.value.line == 4
    assert "invalid YAML front matter" in str(caught.value) and "<text>" not in str(caught.value)


@pytest.mark.parametrize(
    "command",
    [
        ["translate", "--provider", "pseudo"],
        ["translate", "--check"],
        ["translate", "--dry-run", "--provider", "pseudo"],
        ["translate", "--stdout", "--provider", "pseudo"],
    ],
)
def test_commands_report_a_latin1_essay_without_a_traceback(latin1_essay, command, capsys):
    paths = [str(latin1_essay if "--stdout" in command else latin1_essay.parent)]
    assert main([*command[:1], *paths, *command[1:]]) == 1
    captured = capsys.readouterr()
    assert f"{latin1_essay}:4: {LATIN_1}" in captured.out + captured.err


def test_check_translation_reports_a_latin1_file(latin1_essay, capsys):
    english = latin1_essay.with_name("essai.en.md")
    english.write_text(ESSAY, encoding="utf-8")
    assert main(["check-translation", str(latin1_essay), str(english)]) == 1
    assert f"error: {latin1_essay}:4: {LATIN_1}" in capsys.readouterr().err


def test_a_folder_given_for_a_file_is_named(latin1_essay, capsys):
    latin1_essay.write_text(ESSAY, encoding="utf-8")
    folder = latin1_essay.parent
    assert main(["check-translation", str(latin1_essay), str(folder)]) == 1
    assert f"error: {folder}: is a folder, not a file" in capsys.readouterr().err
    assert main(["translate", str(folder), "--stdout", "--provider", "pseudo"]) == 1
    assert f"error: {folder}: is a folder, not a file" in capsys.readouterr().err
