"""The translation hook in real builds: auto, check and off modes, and the notices readers see."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bilingue.providers.pseudo import pseudo_translate
from tests.conftest import NEW_ESSAY, build_site, copy_project

pytestmark = pytest.mark.build


def html(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "essais" / "nouveau.md").write_text(NEW_ESSAY, encoding="utf-8")
    return project


def test_auto_mode_translates_the_new_essay_before_the_build(project, tmp_path):
    log = build_site(project, tmp_path / "site", mode="auto", provider="pseudo")
    english = project / "docs" / "essais" / "nouveau.en.md"
    assert pseudo_translate("grenouilles") in english.read_text(encoding="utf-8")
    assert (project / "docs" / "essais" / "nouveau.lock.json").exists()
    assert "translation: updated 1 English file(s)" in log
    page = html(tmp_path / "site", "en/essais/nouveau/index.html")
    notice = page.select_one(".bl-notice--machine")
    assert notice.get_text(" ", strip=True).startswith("Machine-translated from French on")
    assert notice.select_one('a[hreflang="fr"]')["href"] == "../../../essais/nouveau/"
    assert not (tmp_path / "site" / "essais" / "nouveau.lock.json").exists()  # not published


def test_check_mode_fails_on_a_missing_english_file(project, tmp_path):
    log = build_site(project, tmp_path / "site", mode="check", expect_failure=True)
    assert "nouveau.md:1: no English version" in log
    assert "python -m bilingue translate" in log
    assert not (project / "docs" / "essais" / "nouveau.en.md").exists()


def test_check_mode_fails_on_an_outdated_english_file(tmp_path):
    project = with_one_french_edit(tmp_path)
    (project / "docs" / "essais" / "mystique.md").write_text(
        (project / "docs" / "essais" / "mystique.md").read_text(encoding="utf-8") + "\nUn paragraphe neuf.\n",
        encoding="utf-8",
    )
    log = build_site(project, tmp_path / "site", mode="check", expect_failure=True)
    assert "mystique.md:63: English version out of date (French lines 63)" in log


def test_check_mode_shows_a_translator_the_french_change_under_their_english(tmp_path):
    project = with_one_french_edit(tmp_path)
    log = build_site(project, tmp_path / "site", mode="check", expect_failure=True)
    assert "mystique.md:19: the French of a person's English block changed" in log
    assert "French changes: Et c'est bien [-ça-]{+là+} le problème." in log
    assert "mystique.en.md:26): And that is exactly the problem." in log
    assert "edit the English block" in log and "out of date" not in log


def test_english_without_a_lock_fails_the_check_then_reads_as_of_unknown_origin(project, tmp_path):
    essays = project / "docs" / "essais"
    (project / "docs" / "essais" / "nouveau.md").unlink()
    (essays / "mystique.lock.json").unlink()
    english = essays / "mystique.en.md"
    text = english.read_text(encoding="utf-8")
    english.write_text(text.replace("  method: human\n", ""), encoding="utf-8")  # nobody vouches for it
    log = build_site(project, tmp_path / "site", mode="check", expect_failure=True)
    assert "mystique.en.md: no lock" in log
    assert "adopt it with `python -m bilingue translate docs/essais/mystique.md`" in log
    build_site(project, tmp_path / "site", mode="auto", provider="pseudo")  # adopts it
    notice = html(tmp_path / "site", "en/essais/mystique/index.html").select_one(".bl-notice--unknown")
    assert notice.get_text(" ", strip=True).startswith("Translation of unknown origin ·")
    assert "reviewed by a person" not in notice.get_text()


def test_off_mode_leaves_translations_alone(project, tmp_path):
    build_site(project, tmp_path / "site", mode="off")
    assert not (project / "docs" / "essais" / "nouveau.en.md").exists()
    assert html(tmp_path / "site", "en/essais/nouveau/index.html").select_one(".bl-notice--untranslated")


def test_unreachable_provider_keeps_the_build_going_and_says_so_once(project, tmp_path, monkeypatch):
    monkeypatch.setenv("BILINGUE_GOOGLE_URL", "http://127.0.0.1:9/m")  # nothing listens there
    monkeypatch.setenv("BILINGUE_MAX_ATTEMPTS", "1")
    monkeypatch.setenv("BILINGUE_CACHE_DIR", "off")
    log = build_site(project, tmp_path / "site", mode="auto", provider="google")
    assert log.count("translation: 1 essay(s) not updated") == 1
    assert not (project / "docs" / "essais" / "nouveau.en.md").exists()
    assert (project / "docs" / "essais" / "mystique.en.md").read_text(encoding="utf-8") == (
        Path(__file__).parents[2] / "docs" / "essais" / "mystique.en.md"
    ).read_text(encoding="utf-8")


def test_a_person_translation_is_labelled_reviewed(site):
    notice = html(site, "en/essais/mystique/index.html").select_one(".bl-notice--reviewed")
    assert "Translated from French and reviewed by a person" in notice.get_text()
    assert html(site, "essais/mystique/index.html").select_one(".bl-notice") is None


def test_outdated_translation_is_announced(tmp_path):
    project = with_one_french_edit(tmp_path)
    build_site(project, tmp_path / "site", mode="auto", provider="pseudo")
    page = html(tmp_path / "site", "en/essais/mystique/index.html")
    warning = page.select_one(".bl-notice--outdated")
    assert "The French original has changed since this translation" in warning.get_text()
    # the person's English is kept as written
    assert "And that is exactly the problem." in page.get_text()


def test_mkdocs_serve_updates_the_english_page_when_a_french_paragraph_changes(tmp_path):
    project = copy_project(tmp_path / "project")
    essay = project / "docs" / "essais" / "nouveau.md"
    essay.write_text(NEW_ESSAY, encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "BILINGUE_MODE": "auto",
        "BILINGUE_PROVIDER": "pseudo",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/en/essais/nouveau/"
    try:
        assert pseudo_translate("grenouilles") in wait_for(url, pseudo_translate("grenouilles"))
        essay.write_text(NEW_ESSAY.replace("grenouilles", "cigales"), encoding="utf-8")
        assert pseudo_translate("cigales") in wait_for(url, pseudo_translate("cigales"))
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_for(url: str, text: str, seconds: float = 60) -> str:
    """The page at ``url`` once it contains ``text`` (mkdocs serve rebuilds in the background)."""
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                page = response.read().decode("utf-8")
        except OSError:
            page = ""
        if text in page:
            return page
        time.sleep(0.3)
    return page


def with_one_french_edit(tmp_path: Path) -> Path:
    """A copy of the project whose French essay changed one word on line 19 since its translation."""
    project = copy_project(tmp_path / "project")
    essay = project / "docs" / "essais" / "mystique.md"
    text = essay.read_text(encoding="utf-8")
    essay.write_text(
        text.replace("Et c'est bien ça le problème.", "Et c'est bien là le problème."), encoding="utf-8"
    )
    return project


def test_check_mode_refuses_english_from_a_test_provider_unless_allowed(project, tmp_path, monkeypatch):
    """Pseudo-translated English must never be published as "Machine-translated"."""
    from bilingue.cli import main

    assert main(["translate", str(project / "docs" / "essais"), "--provider", "pseudo"]) == 0
    monkeypatch.delenv("BILINGUE_ALLOW_TEST_PROVIDERS")
    log = build_site(project, tmp_path / "site", mode="check", expect_failure=True)
    assert "nouveau.en.md: 4 block(s) written by the test provider pseudo" in log
    assert "must not be published" in log
