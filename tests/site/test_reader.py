"""The reader's site, built: 404 pages, feeds, sharing tags, JSON-LD, sitemap, robots, tags,
authors and the interface strings, in both languages (conftest.reader_site: the real site with a
registered author and an essay that has no English file)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.conftest import build_site, copy_project, git

pytestmark = pytest.mark.build

SITE_URL = "https://essais.example.org/"
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def read_html(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def meta(page: BeautifulSoup, key: str) -> list[str]:
    return [tag["content"] for tag in page.select(f'meta[property="{key}"], meta[name="{key}"]')]


def json_ld(page: BeautifulSoup) -> dict:
    (script,) = page.select('script[type="application/ld+json"]')
    return json.loads(script.string)


# -- 404 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "language", "title", "heading"),
    [
        ("404.html", "fr", "Page introuvable - Essais", "Page introuvable"),
        ("en/404.html", "en", "Page not found - Essays", "Page not found"),
    ],
)
def test_each_language_has_its_404_page(reader_site, path, language, title, heading):
    page = read_html(reader_site, path)
    assert page.html["lang"] == language
    assert page.title.get_text(strip=True) == title
    assert page.h1.get_text(strip=True) == heading
    # served at any depth: the selector's links are root-absolute and lead to the home pages
    assert {a["hreflang"]: a["href"] for a in page.select("a.md-select__link")} == {"fr": "/", "en": "/en/"}


def test_english_404_searches_the_english_index(reader_site):
    config = json.loads(read_html(reader_site, "en/404.html").select_one("#__config").string)
    assert config["base"] == "/en/"


# -- feeds ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "language", "titles"),
    [
        (
            "feed.xml",
            "fr",
            ["Un essai pas encore traduit", "Mystique: la perception du métier d'entrepreneur"],
        ),
        ("en/feed.xml", "en", ["Mystique: how people see the entrepreneur's job"]),
    ],
)
def test_feed_per_language_parses_as_valid_rss(reader_site, path, language, titles):
    feed = feedparser.parse((reader_site / path).read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    assert feed.feed.language == language
    assert [entry.title for entry in feed.entries] == titles  # newest first; no untranslated essay in English
    mystique = feed.entries[-1]
    root = SITE_URL if language == "fr" else SITE_URL + "en/"
    assert mystique.link == f"{root}essais/mystique/"
    assert mystique.published_parsed[:3] == (2024, 11, 19)
    assert mystique.summary
    assert mystique.author == "Claire Martin"
    assert {(link.rel, link.href) for link in feed.feed.links} >= {("self", root + "feed.xml")}


@pytest.mark.parametrize(
    ("path", "feed"),
    [
        ("index.html", "./feed.xml"),
        ("essais/mystique/index.html", "../../feed.xml"),
        ("en/essais/mystique/index.html", "../../../en/feed.xml"),
        ("en/tags/index.html", "../../en/feed.xml"),
        ("404.html", "/feed.xml"),
        ("en/404.html", "/en/feed.xml"),
    ],
)
def test_every_page_announces_its_languages_feed(reader_site, path, feed):
    links = read_html(reader_site, path).select('head link[rel="alternate"][type="application/rss+xml"]')
    assert [link["href"] for link in links] == [feed]


# -- sharing --------------------------------------------------------------------------------------


def test_french_essay_has_opengraph_and_twitter_tags(reader_site):
    page = read_html(reader_site, "essais/mystique/index.html")
    assert meta(page, "og:type") == ["article"]
    assert meta(page, "og:title") == ["Mystique: la perception du métier d'entrepreneur"]
    assert meta(page, "og:url") == [SITE_URL + "essais/mystique/"]
    assert page.select_one('link[rel="canonical"]')["href"] == SITE_URL + "essais/mystique/"
    assert meta(page, "og:description")[0].startswith("Une ronde de financement")
    assert meta(page, "og:locale") == ["fr_FR"]
    assert meta(page, "og:locale:alternate") == ["en_US"]
    assert meta(page, "article:published_time") == ["2024-11-19"]
    assert meta(page, "article:author") == [SITE_URL + "auteurs/#claire-martin"]
    assert meta(page, "article:tag") == ["entrepreneuriat", "innovation", "assainissement"]
    assert meta(page, "twitter:card") == ["summary"]
    assert meta(page, "twitter:title") == meta(page, "og:title")


def test_english_essay_shares_in_english(reader_site):
    page = read_html(reader_site, "en/essais/mystique/index.html")
    assert meta(page, "og:locale") == ["en_US"]
    assert meta(page, "og:locale:alternate") == ["fr_FR"]
    assert meta(page, "og:url") == [SITE_URL + "en/essais/mystique/"]
    assert meta(page, "article:tag") == ["entrepreneurship", "innovation", "sanitation"]


def test_untranslated_page_announces_no_english_alternate(reader_site):
    page = read_html(reader_site, "essais/pas-traduit/index.html")
    assert meta(page, "og:locale:alternate") == []
    assert "workTranslation" not in json_ld(page)
    fallback = read_html(reader_site, "en/essais/pas-traduit/index.html")  # French text under /en/
    assert meta(fallback, "og:locale") == ["fr_FR"]
    assert not fallback.select('script[type="application/ld+json"]')


def test_json_ld_links_the_twins_and_lists_the_sources(reader_site):
    french = json_ld(read_html(reader_site, "essais/mystique/index.html"))
    english = json_ld(read_html(reader_site, "en/essais/mystique/index.html"))
    assert french["@type"] == english["@type"] == "Article"
    assert (french["inLanguage"], english["inLanguage"]) == ("fr", "en")
    assert french["workTranslation"]["@id"] == english["@id"] == SITE_URL + "en/essais/mystique/"
    assert english["translationOfWork"]["@id"] == french["@id"] == SITE_URL + "essais/mystique/"
    assert french["datePublished"] == "2024-11-19"
    assert french["headline"] == "Mystique: la perception du métier d'entrepreneur"  # text, not entities
    assert french["author"] == [
        {
            "@type": "Person",
            "name": "Claire Martin",
            "url": SITE_URL + "auteurs/#claire-martin",
            "sameAs": "https://example.org/claire",
        }
    ]
    cited = {work["url"] for work in french["citation"]}
    assert "https://openai.com/index/scale-the-benefits-of-ai/" in cited
    assert len(french["citation"]) == len(english["citation"]) >= 5
    assert all(work["name"] and work["@type"] for work in french["citation"])


def test_other_pages_are_shared_as_websites(reader_site):
    page = read_html(reader_site, "en/sources/index.html")
    assert meta(page, "og:type") == ["website"]
    assert meta(page, "og:title") == ["Sources"]
    assert meta(page, "og:description") == [
        "The sources of the figures the essays cite, dated, with the essays that cite them."
    ]
    assert not page.select('script[type="application/ld+json"]')


# -- sitemap and robots ---------------------------------------------------------------------------


def sitemap(site: Path) -> dict[str, dict]:
    root = ET.parse(site / "sitemap.xml").getroot()
    entries = {}
    for url in root.findall("s:url", SITEMAP):
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP)}
        lastmod = url.find("s:lastmod", SITEMAP)
        entries[url.find("s:loc", SITEMAP).text] = {
            "alternates": links,
            "lastmod": lastmod.text if lastmod is not None else None,
        }
    return entries


def test_sitemap_leaves_out_untranslated_pages_and_has_x_default(reader_site):
    entries = sitemap(reader_site)
    assert SITE_URL + "en/essais/pas-traduit/" not in entries
    assert entries[SITE_URL + "essais/pas-traduit/"]["alternates"] == {
        "fr": SITE_URL + "essais/pas-traduit/",
        "x-default": SITE_URL + "essais/pas-traduit/",
    }
    assert entries[SITE_URL + "en/essais/mystique/"]["alternates"] == {
        "en": SITE_URL + "en/essais/mystique/",
        "fr": SITE_URL + "essais/mystique/",
        "x-default": SITE_URL + "essais/mystique/",
    }
    assert all(
        not href.endswith("pas-traduit/") or lang != "en"
        for entry in entries.values()
        for lang, href in entry["alternates"].items()
    )


def test_sitemap_outside_git_has_no_lastmod(reader_site):
    # the reader project is a copy without .git: no date rather than the build date
    assert {entry["lastmod"] for entry in sitemap(reader_site).values()} == {None}


def test_sitemap_lastmod_is_the_files_last_commit(tmp_path):
    project = copy_project(tmp_path / "project")
    first = "2025-01-02T10:00:00+00:00"
    git(project, "init", "-q", date=first)
    git(project, "add", "-A", date=first)
    git(project, "commit", "-qm", "first", date=first)
    essay = project / "docs" / "essais" / "mystique.en.md"
    essay.write_text(essay.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    git(project, "commit", "-qam", "second", date="2025-03-04T10:00:00+00:00")
    site = tmp_path / "site"
    build_site(project, site, mode="off")
    entries = sitemap(site)
    assert entries[SITE_URL + "en/essais/mystique/"]["lastmod"] == "2025-03-04"
    assert entries[SITE_URL + "essais/mystique/"]["lastmod"] == "2025-01-02"
    page = read_html(site, "en/essais/mystique/index.html")
    assert meta(page, "article:modified_time") == ["2025-03-04"]


def test_robots_txt_points_at_the_sitemap(reader_site):
    robots = (reader_site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots.splitlines()


# -- tags and authors -----------------------------------------------------------------------------


def test_essay_tags_link_to_the_tag_page_of_its_language(reader_site):
    french = read_html(reader_site, "essais/mystique/index.html").select("article .bl-tags a.bl-tag")
    english = read_html(reader_site, "en/essais/mystique/index.html").select("article .bl-tags a.bl-tag")
    assert next((a.get_text(), a["href"]) for a in french) == (
        "entrepreneuriat",
        "../../tags/#entrepreneuriat",
    )
    assert [a.get_text() for a in english] == ["entrepreneurship", "innovation", "sanitation"]
    assert english[0]["href"] == "../../tags/#entrepreneuriat"  # /en/tags/, the same anchors
    assert not any(a.get("lang") for a in english)  # every tag has its English label


def test_tag_pages_list_each_languages_essays(reader_site):
    french = read_html(reader_site, "tags/index.html")
    english = read_html(reader_site, "en/tags/index.html")
    assert [h2.get_text(strip=True).rstrip("¶") for h2 in english.select("article h2")] == [
        "entrepreneurship",
        "innovation",
        "sanitation",
    ]
    innovation = english.select_one("h2#innovation").find_next_sibling("ul").get_text()
    assert "Mystique: how people see" in innovation
    assert "Un essai pas encore traduit" in innovation and "in French only" in innovation
    assert (
        "Mystique: la perception" in french.select_one("h2#assainissement").find_next_sibling("ul").get_text()
    )


def test_search_indexes_tags_as_separate_words_in_the_page_language(reader_site):
    english = json.loads((reader_site / "en/search/search_index.json").read_text(encoding="utf-8"))
    essay = next(doc for doc in english["docs"] if doc["location"] == "essais/mystique/")
    assert essay["tags"] == ["entrepreneurship", "innovation", "sanitation"]
    home = next(doc for doc in english["docs"] if doc["location"] == "")
    assert "entrepreneurship innovation sanitation" in home["text"]


def test_bylines_on_essays_and_cards(reader_site):
    essay = read_html(reader_site, "en/essais/mystique/index.html").select_one("article .bl-byline")
    assert essay.get_text(" ", strip=True) == "By Claire Martin"
    assert essay.a["href"] == "../../auteurs/#claire-martin"
    card = read_html(reader_site, "index.html").select_one(".bl-essay .bl-byline")
    assert card.get_text(" ", strip=True) == "Par Claire Martin"


def test_author_pages_in_each_language(reader_site):
    french = read_html(reader_site, "auteurs/index.html").select_one("article")
    english = read_html(reader_site, "en/auteurs/index.html").select_one("article")
    assert french.select_one("h2#claire-martin").get_text(strip=True).startswith("Claire Martin")
    assert "Écrit sur l'entreprise" in french.get_text()
    assert "Writes about business and water." in english.get_text()
    assert english.select_one('a[href="https://example.org/claire"]').get_text() == "Website"
    assert english.select_one('a[href="../essais/mystique/"]')
    avatar = english.select_one("img.bl-avatar")
    assert (avatar["src"], avatar["alt"]) == ("../../assets/authors/claire.png", "")  # beside the name
    assert (reader_site / "assets" / "authors" / "claire.png").exists()


def test_an_essay_naming_no_author_is_signed_by_the_sites_author(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace('  author:\n    name: ""\n    url: ""', '  author:\n    name: Site Owner\n    url: ""'),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    build_site(project, site, mode="off")
    byline = read_html(site, "essais/mystique/index.html").select_one("article .bl-byline")
    assert byline.get_text(" ", strip=True) == "Par Site Owner"
    assert json_ld(read_html(site, "essais/mystique/index.html"))["author"] == [
        {"@type": "Person", "name": "Site Owner"}
    ]


def test_unknown_author_or_untranslated_tag_fails_the_strict_build(tmp_path):
    project = copy_project(tmp_path / "project")
    essay = project / "docs" / "essais" / "mystique.md"
    text = essay.read_text(encoding="utf-8").replace(
        "\ntags:\n", "\nauthors: [personne]\ntags:\n  - pluie\n", 1
    )
    essay.write_text(text, encoding="utf-8")
    log = build_site(project, tmp_path / "site", mode="off", expect_failure=True)
    assert "docs/essais/mystique.md:5: author 'personne' is not in authors.yml" in log
    assert "tag 'pluie' has no English label in tags.yml" in log


# -- interface strings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "backlink", "permalink", "footer"),
    [
        (
            "essais/mystique/index.html",
            "Revenir à l'appel de note 1 dans le texte",
            "Lien permanent",
            "Site réalisé avec",
        ),
        (
            "en/essais/mystique/index.html",
            "Jump back to footnote 1 in the text",
            "Permanent link",
            "Made with",
        ),
    ],
)
def test_interface_strings_are_in_the_page_language(reader_site, path, backlink, permalink, footer):
    page = read_html(reader_site, path)
    assert page.select_one("a.footnote-backref")["title"] == backlink
    assert {a["title"] for a in page.select("a.headerlink")} == {permalink}
    assert footer in page.select_one(".md-copyright").get_text(" ", strip=True)


def test_french_pages_have_no_english_chrome(reader_site):
    text = read_html(reader_site, "essais/mystique/index.html").get_text(" ")
    for english in ("Jump back", "Permanent link", "Made with", "min read"):
        assert english not in text


def test_reading_time_is_the_same_in_both_languages(reader_site):
    def minutes(path: str) -> str:
        return read_html(reader_site, path).select_one("article .bl-essay-meta").get_text().split(" · ")[1]

    assert (
        minutes("essais/mystique/index.html").split()[0]
        == minutes("en/essais/mystique/index.html").split()[0]
    )


def test_english_notes_group_numbers_the_english_way(reader_site):
    notes = read_html(reader_site, "en/essais/mystique/index.html").select_one(".footnote").get_text()
    assert "395,000 deaths" in notes and "395 000" not in notes


def test_the_link_to_the_original_is_english_text_pointing_at_french(reader_site):
    link = read_html(reader_site, "en/essais/mystique/index.html").select_one(".bl-notice a[hreflang=fr]")
    assert link.get_text() == "read the original in French"
    assert link.get("lang") is None


def test_math_extension_is_off_and_no_cdn_is_loaded(reader_site):
    page = (reader_site / "en/essais/mystique/index.html").read_text(encoding="utf-8")
    assert "arithmatex" not in page and "mathjax" not in page.lower() and "katex" not in page.lower()


def test_dark_mode_toggle_is_labelled_in_each_language(reader_site):
    french = read_html(reader_site, "index.html").select('[data-md-component="palette"] label')
    english = read_html(reader_site, "en/index.html").select('[data-md-component="palette"] label')
    assert [label["title"] for label in french] == ["Passer en mode sombre", "Passer en mode clair"]
    assert [label["title"] for label in english] == ["Switch to dark mode", "Switch to light mode"]


def test_sources_page_is_demoted_in_search(reader_site):
    english = json.loads((reader_site / "en/search/search_index.json").read_text(encoding="utf-8"))
    sources = [doc for doc in english["docs"] if doc["location"].startswith("sources/")]
    assert sources and all(doc.get("boost") == 0.1 for doc in sources)
