"""Bad input in a real build: a clean MkDocs error with the file, the line and the fix, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingue.cli import main
from tests.conftest import build_site, copy_project

pytestmark = pytest.mark.build

MODES = ["check", "auto", "off"]
ESSAY = Path("docs/essais/mystique.md")
LOCK = Path("docs/essais/mystique.lock.json")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def sync_english(project: Path) -> None:
    assert main(["translate", "--root", str(project), "--provider", "pseudo"]) == 0


def failed_build(project: Path, tmp_path: Path, mode: str, provider: str | None = "pseudo") -> str:
    """The log of a build that must fail cleanly: MkDocs' own error line, no Python traceback."""
    log = build_site(project, tmp_path / "site", mode=mode, provider=provider, expect_failure=True)
    assert "Traceback" not in log and "Aborted with a BuildError!" in log, log
    return log


@pytest.mark.parametrize("mode", MODES)
def test_a_bad_date_names_the_essay_and_its_line(project, tmp_path, mode):
    replace(project / ESSAY, "date: 2024-11-19", "date: 15/01/2025")
    sync_english(project)  # as the author does; else a check build first says the English is outdated
    log = failed_build(project, tmp_path, mode)
    assert f"{ESSAY}:3: front matter field 'date': Input should be a valid date" in log
    assert "every essay needs title, date (YYYY-MM-DD)" in log


def test_a_missing_title_names_the_essay(project, tmp_path):
    replace(project / ESSAY, 'title: "Mystique: la perception du métier d\'entrepreneur"\n', "")
    sync_english(project)  # sets the person's English title aside (its French is gone)...
    essay = str(project / ESSAY)
    assert main(["translate", "--root", str(project), "--clear-aside", essay]) == 0  # ...a person clears it
    log = failed_build(project, tmp_path, "check")
    assert f"{ESSAY}:1: front matter field 'title': Field required" in log


@pytest.mark.parametrize("mode", ["check", "off"])
def test_bad_yaml_names_the_essay_and_its_line(project, tmp_path, mode):
    replace(
        project / ESSAY, '"Mystique: la perception du métier d\'entrepreneur"', '"Mystique: la perception'
    )
    log = failed_build(project, tmp_path, mode)
    assert f"{ESSAY}:4: invalid YAML front matter" in log and "<text>" not in log
    if mode == "check":  # fixing it is the author's job: `translate` is not the advice
        assert "1 file(s) cannot be read: fix each as its message says" in log
        assert "English file(s) to update" not in log


@pytest.mark.parametrize("mode", MODES)
def test_a_damaged_lock_names_itself_and_what_to_do(project, tmp_path, mode):
    lock = project / LOCK
    lock.write_bytes(lock.read_bytes()[:300])  # head -c 300
    log = failed_build(project, tmp_path, mode)
    assert f"{LOCK}:" in log and "unreadable lock file: invalid JSON at column" in log
    assert "restore it with git" in log and "delete it" in log
    assert "Then commit the English files and locks" not in log


def test_an_essay_not_saved_as_utf8_names_its_line(project, tmp_path):
    essay = project / ESSAY
    essay.write_bytes(essay.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    log = failed_build(project, tmp_path, "off")
    assert f"{ESSAY}:2: not UTF-8 text" in log and "save the file as UTF-8" in log


def test_an_invalid_mode_in_the_environment_names_the_variable(project, tmp_path):
    log = failed_build(project, tmp_path, "chek")
    assert "environment variable BILINGUE_MODE='chek': Input should be 'auto', 'check' or 'off'" in log
    assert "bilingue.yml" not in log


def test_an_invalid_mode_in_bilingue_yml_names_its_line(project, tmp_path):
    replace(project / "bilingue.yml", "  mode: auto", "  mode: chek")
    log = failed_build(project, tmp_path, "")  # an empty BILINGUE_MODE leaves the file's mode
    assert "bilingue.yml:8: setting 'translation.mode': Input should be 'auto', 'check' or 'off'" in log


def test_an_unknown_provider_stops_an_auto_build_listing_the_known_ones(project, tmp_path):
    log = failed_build(project, tmp_path, "auto", provider="googel")
    assert "unknown translation provider 'googel': choose from google, mymemory" in log
    assert "(given by environment variable BILINGUE_PROVIDER)" in log
    assert "not updated" not in log


def test_a_registry_that_cannot_be_read_is_one_error_not_one_per_citation(project, tmp_path):
    (project / "sources.yml").write_text("openai-2024: [\n", encoding="utf-8")
    log = failed_build(project, tmp_path, "off")
    assert "sources: sources.yml:2: invalid YAML" in log
    assert "the registry cannot be read (see above); no page is checked until it can" in log
    assert "unknown source id" not in log
