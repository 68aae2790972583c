"""hooks/search_per_language.py: English pages search /en/, the index is split per language."""

from __future__ import annotations

import json

from bilingue.build_state import build_state
from bilingue.site import UNTRANSLATED
from hooks import search_per_language
from tests.hooks.conftest import english_pass

PAGE = '<script id="__config" type="application/json">{"base": "../..", "search": "x.js"}</script>'


def test_english_pages_point_search_at_the_english_index(mkdocs_config, make_page):
    page = make_page("essais/mystique.en.md")
    html = search_per_language.on_post_page(PAGE, page, english_pass(mkdocs_config))
    assert json.loads(html.split(">", 1)[1].split("<", 1)[0])["base"] == "../../en/"
    french = make_page("essais/mystique.md")
    english_pass(mkdocs_config).theme["language"] = "fr"
    assert search_per_language.on_post_page(PAGE, french, mkdocs_config) == PAGE


def test_untranslated_pages_are_left_out_of_the_english_index(mkdocs_config, make_page, project):
    site = project / "site"
    (site / "search").mkdir(parents=True)
    docs = [
        {"location": "essais/mystique/", "title": "Mystique", "text": "fr"},
        {"location": "en/essais/mystique/", "title": "Mystique", "text": "en"},
        {"location": "en/essais/nouveau/", "title": "Nouveau", "text": "texte français"},
    ]
    (site / "search" / "search_index.json").write_text(
        json.dumps({"config": {"lang": ["fr", "en"]}, "docs": docs})
    )
    search_per_language.on_pre_build(mkdocs_config)  # a build starts: nothing remembered
    page = make_page("essais/nouveau.md", {UNTRANSLATED: True})
    page.file.url = "en/essais/nouveau/"  # where mkdocs-static-i18n puts it
    search_per_language.on_post_page(PAGE, page, english_pass(mkdocs_config))
    assert build_state(mkdocs_config).untranslated_urls == {"en/essais/nouveau/"}
    search_per_language.on_post_build(mkdocs_config)
    english = json.loads((site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert [doc["location"] for doc in english["docs"]] == ["essais/mystique/"]


def test_a_new_build_forgets_the_last_one(mkdocs_config):
    build_state(mkdocs_config).untranslated_urls.add("en/old/")
    search_per_language.on_pre_build(english_pass(mkdocs_config))  # the English pass keeps them
    assert build_state(mkdocs_config).untranslated_urls == {"en/old/"}
    mkdocs_config.theme["language"] = "fr"
    search_per_language.on_pre_build(mkdocs_config)
    assert build_state(mkdocs_config).untranslated_urls == set()


def test_the_index_is_split_once_when_every_language_is_built(mkdocs_config, project):
    index = project / "site" / "search" / "search_index.json"
    index.parent.mkdir(parents=True)
    english_only = {"config": {"lang": ["en"]}, "docs": [{"location": "en/", "title": "Home", "text": "en"}]}
    index.write_text(json.dumps(english_only))
    i18n = mkdocs_config.plugins["i18n"]
    i18n.building = True  # the end of i18n's inner English build: the merged index comes later
    search_per_language.on_post_build(english_pass(mkdocs_config))
    assert json.loads(index.read_text()) == english_only and not (project / "site" / "en").exists()
    i18n.building = False  # i18n merged both languages: now split
    search_per_language.on_post_build(mkdocs_config)
    assert json.loads(index.read_text())["docs"] == []
    assert (project / "site" / "en" / "search" / "search_index.json").exists()
