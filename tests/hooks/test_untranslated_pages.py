"""hooks/untranslated_pages.py: French text built under /en/ is marked, and kept out of search."""

from __future__ import annotations

from bilingue.site import UNTRANSLATED, is_untranslated
from hooks import untranslated_pages
from tests.hooks.conftest import english_pass


def test_a_french_file_in_the_english_pass_is_marked_and_excluded_from_search(
    mkdocs_config, make_page, files
):
    page = make_page("essais/nouveau.md", {"search": {"boost": 2}})
    untranslated_pages.on_page_markdown("# x", page, english_pass(mkdocs_config), files)
    assert page.meta[UNTRANSLATED] is True and is_untranslated(page)
    assert page.meta["search"] == {"boost": 2, "exclude": True}


def test_pages_in_their_own_language_are_left_alone(mkdocs_config, make_page, files):
    french = make_page("essais/mystique.md")
    untranslated_pages.on_page_markdown("# x", french, mkdocs_config, files)
    english = make_page("essais/mystique.en.md")
    untranslated_pages.on_page_markdown("# x", english, english_pass(mkdocs_config), files)
    assert french.meta == {} and english.meta == {}
