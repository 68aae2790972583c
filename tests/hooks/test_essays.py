"""hooks/essays.py: the listing on the home pages, date and reading time on essays."""

from __future__ import annotations

import datetime as dt

from bilingue.listing import LISTING_MARKER
from bilingue.site import ESSAY_DETAILS
from hooks import essays
from tests.hooks.conftest import english_pass

HOME = f"# Essais\n\n{LISTING_MARKER}\n"


def test_the_home_page_lists_the_essays_in_the_pass_language(mkdocs_config, make_page, files):
    french = essays.on_page_markdown(HOME, make_page("index.md"), mkdocs_config, files)
    assert LISTING_MARKER not in french and "(essais/mystique.md)" in french and "19 novembre 2024" in french
    english = essays.on_page_markdown(HOME, make_page("index.en.md"), english_pass(mkdocs_config), files)
    assert "November 19, 2024" in english


def test_an_essay_gets_its_date_and_reading_time(mkdocs_config, make_page, files):
    page = make_page("essais/mystique.md", {"date": dt.date(2024, 11, 19)})
    markdown = "# Titre\n\n" + "mot " * 460
    assert essays.on_page_markdown(markdown, page, mkdocs_config, files) == markdown
    assert page.meta[ESSAY_DETAILS] == {
        "date_iso": "2024-11-19",
        "date": "19 novembre 2024",
        "reading_time": "2 min de lecture",
    }


def test_pages_outside_the_essays_folder_get_no_details(mkdocs_config, make_page, files):
    page = make_page("sources.md", {"date": dt.date(2024, 11, 19)})
    essays.on_page_markdown("# Sources\n", page, mkdocs_config, files)
    assert ESSAY_DETAILS not in page.meta


def test_the_essays_folder_comes_from_the_settings(mkdocs_config, project, make_page, files):
    (project / "docs" / "essais").rename(project / "docs" / "textes")
    (project / "bilingue.yml").write_text("folders:\n  essays: textes\n", encoding="utf-8")
    from bilingue.build_state import start_build

    start_build(mkdocs_config)
    listing = essays.on_page_markdown(HOME, make_page("index.md"), mkdocs_config, files)
    assert "(textes/mystique.md)" in listing
    page = make_page("textes/mystique.md", {"date": dt.date(2024, 11, 19)})
    essays.on_page_markdown("# T\n", page, mkdocs_config, files)
    assert ESSAY_DETAILS in page.meta
