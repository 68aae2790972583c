"""Listing pages in a real build with 25 more essays: a paginated home page in each language,
archives by year, a navigation that lists only the newest essays, and the switcher on them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import build_site, copy_project

pytestmark = pytest.mark.build

ESSAY = """---
title: Essai numéro {n}
date: {date}
description: Le résumé de l'essai {n}.
tags: [innovation]
---

# Essai numéro {n}

Un paragraphe de l'essai {n}.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("project") / "project")
    for n in range(25):  # 2025-06-01 back, one a week: 22 in 2025, 3 in 2024 (+ mystique, 2024)
        date = dt.date(2025, 6, 1) - dt.timedelta(weeks=n)
        essay = project / "docs" / "essais" / f"essai-{n:02d}.md"
        essay.write_text(ESSAY.format(n=n, date=date.isoformat()), encoding="utf-8")
    site_dir = tmp_path_factory.mktemp("site")
    build_site(project, site_dir, mode="off")
    return site_dir


def html(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def titles(page: BeautifulSoup) -> list[str]:
    return [title.get_text(strip=True) for title in page.select(".bl-essay-title")]


def test_home_pages_show_twenty_essays_and_the_next_page_the_rest(site):
    first, second = html(site, "index.html"), html(site, "page/2/index.html")
    assert len(titles(first)) == 20 and titles(first)[0] == "Essai numéro 0"
    assert len(titles(second)) == 6 and titles(second)[-1].startswith("Mystique")
    assert first.select_one('.bl-pager a[href="page/2/"]') is not None
    assert second.select_one('.bl-pager a[href="../../"]') is not None  # back to page 1
    english = html(site, "en/page/2/index.html")
    assert english.html["lang"] == "en" and "Essays · page 2" in english.title.get_text()
    assert titles(english)[-1].startswith("Mystique: how people see")  # its English title
    assert "in French only" in english.get_text()  # the other essays have no English yet


def test_archives_list_the_years_and_each_year_its_essays(site):
    archives = html(site, "archives/index.html")
    assert [a.get_text() for a in archives.select("article li a")] == ["2025", "2024"]
    year = html(site, "archives/2024/index.html")
    assert titles(year)[0] == "Essai numéro 22" and len(titles(year)) == 4
    assert html(site, "en/archives/2024/index.html").html["lang"] == "en"


def test_the_navigation_lists_the_newest_essays_and_the_archives_only(site):
    page = html(site, "essais/essai-24/index.html")
    links = [a.get_text(strip=True) for a in page.select("nav.md-nav--primary a.md-nav__link")]
    essays = [text for text in links if text.startswith("Essai numéro")]
    assert essays == [f"Essai numéro {n}" for n in range(8)]
    assert "Archives" in links and not any(text.startswith("Mystique") for text in links)


def test_generated_pages_have_a_switcher_and_absolute_alternates(site):
    page = html(site, "en/page/2/index.html")
    switcher = {a["hreflang"]: a["href"] for a in page.select("a.md-select__link")}
    assert switcher == {"fr": "../../../page/2/", "en": "./"}
    alternates = {a["hreflang"]: a["href"] for a in page.select('head link[rel="alternate"][hreflang]')}
    assert alternates["fr"] == "https://essais.example.org/page/2/"
    assert alternates["x-default"] == "https://essais.example.org/page/2/"
    assert page.select_one('meta[name="robots"]') is None


def test_listing_pages_stay_out_of_search(site):
    french_index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location":"page/2/"' not in french_index and '"location":"archives/' not in french_index
