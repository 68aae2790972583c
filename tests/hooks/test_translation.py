"""hooks/translation.py: settings at on_config, sync or check at on_pre_build, freshness notices."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from bilingue.build_state import build_state
from bilingue.site import TRANSLATION_NOTICE
from hooks import translation
from tests.hooks.conftest import english_pass


def test_on_config_reads_the_settings_and_stops_on_an_unknown_provider(mkdocs_config, project, monkeypatch):
    monkeypatch.setenv("BILINGUE_PROVIDER", "googel")
    with pytest.raises(PluginError, match=r"unknown translation provider 'googel'.*BILINGUE_PROVIDER"):
        translation.on_config(mkdocs_config)
    monkeypatch.setenv("BILINGUE_MODE", "check")  # check sends nothing: any name will do
    assert translation.on_config(mkdocs_config) is mkdocs_config
    assert build_state(mkdocs_config).settings.translation.mode == "check"
    assert build_state(mkdocs_config).root == project


def test_on_pre_build_in_check_mode_fails_on_a_stale_essay_in_the_french_pass_only(
    mkdocs_config, project, monkeypatch
):
    essay = project / "docs" / "essais" / "mystique.md"
    essay.write_text(essay.read_text(encoding="utf-8").replace("Oui, oui", "Si, si"), encoding="utf-8")
    monkeypatch.setenv("BILINGUE_MODE", "check")
    translation.on_config(mkdocs_config)
    with pytest.raises(PluginError, match=r"translation check failed \(mode: check\)"):
        translation.on_pre_build(mkdocs_config)
    assert translation.on_pre_build(english_pass(mkdocs_config)) is None  # checked once, in French


def test_on_pre_build_in_auto_mode_writes_the_missing_english(mkdocs_config, project, monkeypatch):
    new = project / "docs" / "essais" / "neuf.md"
    new.write_text(
        "---\ntitle: Neuf\ndate: 2024-01-02\ndescription: Un essai neuf.\n---\n\nUn paragraphe.\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("BILINGUE_PROVIDER", "pseudo")
    translation.on_config(mkdocs_config)
    translation.on_pre_build(mkdocs_config)
    assert (project / "docs" / "essais" / "neuf.en.md").exists()
    assert (project / "docs" / "essais" / "neuf.lock.json").exists()


def test_on_page_markdown_gives_english_pages_their_freshness(mkdocs_config, make_page, files):
    english = make_page("essais/mystique.en.md")
    assert translation.on_page_markdown("# x", english, english_pass(mkdocs_config), files) == "# x"
    notice = english.meta[TRANSLATION_NOTICE]
    assert notice["reviewed"] is True and notice["outdated"] is False  # translated by a person
    french = make_page("essais/mystique.md")
    translation.on_page_markdown("# x", french, mkdocs_config, files)
    assert TRANSLATION_NOTICE not in french.meta


def test_on_config_refuses_settings_that_disagree_with_mkdocs_docs_dir(mkdocs_config, project, monkeypatch):
    monkeypatch.setenv("BILINGUE_DOCS", "pages")
    with pytest.raises(
        PluginError,
        match=r"pages in .*pages \(folders.docs, from environment variable BILINGUE_DOCS\).*docs_dir",
    ):
        translation.on_config(mkdocs_config)
