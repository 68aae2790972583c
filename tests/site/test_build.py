"""The real site, built strictly: both languages, switcher, hreflang, listings, search indexes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import build_site, copy_project

pytestmark = pytest.mark.build

SITE_URL = "https://essais.example.org/"


def read_html(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def read_index(site: Path, path: str) -> dict:
    return json.loads((site / path).read_text(encoding="utf-8"))


def hreflang_links(page: BeautifulSoup) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in page.select('head link[rel="alternate"][hreflang]')}


def switcher_links(page: BeautifulSoup) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in page.select("a.md-select__link")}


# -- essay pages ----------------------------------------------------------------------------------


def test_french_essay_is_french(site):
    page = read_html(site, "essais/mystique/index.html")
    assert page.html["lang"] == "fr"
    assert page.h1.get_text(strip=True).startswith("Mystique: la perception du métier d'entrepreneur")
    assert "Des chiottes. 🚽" in page.get_text()


def test_english_essay_is_english(site):
    page = read_html(site, "en/essais/mystique/index.html")
    assert page.html["lang"] == "en"
    assert page.h1.get_text(strip=True).startswith("Mystique: how people see the entrepreneur's job")
    assert not page.select('meta[name="robots"]')


def test_readers_comments_and_linkedin_chrome_stay_out(site):
    text = read_html(site, "essais/mystique/index.html").get_text()
    for chrome in ("Recommandé par LinkedIn", "3 mois", "Cofondateur et CEO", "Moi je suis hype"):
        assert chrome not in text


def test_section_heading_has_the_same_id_in_both_languages(site):
    french = read_html(site, "essais/mystique/index.html")
    english = read_html(site, "en/essais/mystique/index.html")
    assert french.select_one("h2#un-metier-difficile") is not None
    assert english.select_one("h2#un-metier-difficile") is not None


def test_essay_shows_date_and_reading_time_in_its_language(site):
    french = read_html(site, "essais/mystique/index.html").select_one(".bl-essay-meta").get_text()
    english = read_html(site, "en/essais/mystique/index.html").select_one(".bl-essay-meta").get_text()
    assert "19 novembre 2024" in french and "min de lecture" in french
    assert "November 19, 2024" in english and "min read" in english


# -- language switcher and hreflang ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "to_french", "to_english"),
    [
        ("essais/mystique/index.html", "./", "../../en/essais/mystique/"),
        ("en/essais/mystique/index.html", "../../../essais/mystique/", "./"),
        ("index.html", "/", "/en/"),  # i18n links the home pages root-absolute
        ("en/index.html", "/", "/en/"),
    ],
)
def test_switcher_leads_to_the_same_page_in_the_other_language(site, path, to_french, to_english):
    assert switcher_links(read_html(site, path)) == {"fr": to_french, "en": to_english}


@pytest.mark.parametrize("path", ["essais/mystique/index.html", "en/essais/mystique/index.html"])
def test_hreflang_alternates_are_absolute_with_x_default(site, path):
    assert hreflang_links(read_html(site, path)) == {
        "fr": f"{SITE_URL}essais/mystique/",
        "en": f"{SITE_URL}en/essais/mystique/",
        "x-default": f"{SITE_URL}essais/mystique/",
    }


# -- listings -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "title", "date", "reading", "tags"),
    [
        (
            "index.html",
            "Mystique: la perception du métier d'entrepreneur",
            "19 novembre 2024",
            "min de lecture",
            ["entrepreneuriat", "innovation", "assainissement"],
        ),
        (
            "en/index.html",
            "Mystique: how people see the entrepreneur's job",
            "November 19, 2024",
            "min read",
            ["entrepreneurship", "innovation", "sanitation"],
        ),
    ],
)
def test_listing_shows_the_essay_in_the_page_language(site, path, title, date, reading, tags):
    card = read_html(site, path).select_one(".bl-essays .bl-essay")
    assert card.select_one(".bl-essay-title a").get_text(strip=True) == title
    assert card.select_one(".bl-essay-title a")["href"] == "essais/mystique/"
    meta = card.select_one(".bl-essay-meta").get_text()
    assert date in meta and reading in meta
    assert card.select_one("time")["datetime"] == "2024-11-19"
    assert card.select_one(".bl-essay-summary").get_text(strip=True)
    assert [tag.get_text() for tag in card.select(".bl-tag")] == tags


# -- search ---------------------------------------------------------------------------------------


def test_each_language_has_its_own_search_index(site):
    french = read_index(site, "search/search_index.json")
    english = read_index(site, "en/search/search_index.json")
    assert french["config"]["lang"] == ["fr"]
    assert english["config"]["lang"] == ["en"]
    french_text = " ".join(doc["title"] + doc["text"] for doc in french["docs"])
    english_text = " ".join(doc["title"] + doc["text"] for doc in english["docs"])
    assert "chiottes" in french_text and "Crappers" not in french_text
    assert "Crappers" in english_text and "chiottes" not in english_text
    assert not any(doc["location"].startswith("en/") for doc in french["docs"])
    assert "essais/mystique/" in {doc["location"] for doc in english["docs"]}


def test_english_pages_search_the_english_index(site):
    script = read_html(site, "en/essais/mystique/index.html").select_one("script#__config")
    assert json.loads(script.string)["base"] == "../../../en/"
    script = read_html(site, "essais/mystique/index.html").select_one("script#__config")
    assert json.loads(script.string)["base"] == "../.."


def test_search_separator_splits_elisions(site):
    separator = read_index(site, "search/search_index.json")["config"]["separator"]
    assert "'" in separator and "’" in separator


# -- a French essay with no English file ----------------------------------------------------------


def test_untranslated_essay_is_marked_and_not_indexed(site_with_untranslated_essay):
    site = site_with_untranslated_essay
    page = read_html(site, "en/essais/pas-traduit/index.html")
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    notice = page.select_one(".bl-notice--untranslated")
    assert "not been translated into English yet" in notice.get_text()
    assert notice.select_one('a[hreflang="fr"]')["href"] == "../../../essais/pas-traduit/"
    assert page.select_one('div[lang="fr"] h1').get_text(strip=True).startswith("Un essai pas encore")
    assert hreflang_links(page) == {}


def test_untranslated_essay_is_announced_in_french_only(site_with_untranslated_essay):
    page = read_html(site_with_untranslated_essay, "essais/pas-traduit/index.html")
    assert hreflang_links(page) == {
        "fr": f"{SITE_URL}essais/pas-traduit/",
        "x-default": f"{SITE_URL}essais/pas-traduit/",
    }


def test_untranslated_essay_stays_out_of_the_english_index(site_with_untranslated_essay):
    english = read_index(site_with_untranslated_essay, "en/search/search_index.json")
    french = read_index(site_with_untranslated_essay, "search/search_index.json")
    assert not any("grenouilles" in doc["text"] for doc in english["docs"])
    assert any("grenouilles" in doc["text"] for doc in french["docs"])


def test_english_listing_marks_the_untranslated_essay(site_with_untranslated_essay):
    cards = read_html(site_with_untranslated_essay, "en/index.html").select(".bl-essay")
    titles = [card.select_one(".bl-essay-title").get_text(strip=True) for card in cards]
    assert titles[0] == "Un essai pas encore traduit"  # newest first
    assert cards[0].select_one(".bl-essay-untranslated").get_text() == "in French only"
    assert cards[1].select_one(".bl-essay-untranslated") is None


def test_pages_identical_in_both_languages_stay_in_both_indexes(tmp_path):
    """i18n's cross-language de-duplication would drop one of them (reconfigure_search: false)."""
    project = copy_project(tmp_path / "project")
    page = "---\ntitle: '2024'\n---\n\n# 2024\n\nOpenAI, SpaceX, ByteDance.\n"
    (project / "docs" / "annee.md").write_text(page, encoding="utf-8")
    (project / "docs" / "annee.en.md").write_text(page, encoding="utf-8")
    build_site(project, tmp_path / "site")
    french = read_index(tmp_path / "site", "search/search_index.json")
    english = read_index(tmp_path / "site", "en/search/search_index.json")
    assert "annee/" in {doc["location"] for doc in french["docs"]}
    assert "annee/" in {doc["location"] for doc in english["docs"]}
