"""hooks/essays.py: the listings on the home pages, and each essay's header under its title."""

from __future__ import annotations

import logging

from bilingue.build_state import start_build
from bilingue.listing import LISTING_MARKER
from bilingue.serve import current_session
from hooks import essays, serve
from tests.hooks.conftest import english_pass, read_pass

HOME = f"# Essais\n\n{LISTING_MARKER}\n"
TITLE = "# Mystique\n\nLe texte.\n"


def test_listing_in_french_and_headers_in_english(mkdocs_config, make_page, files):
    french = essays.on_page_markdown(HOME, make_page("index.md", files=files), mkdocs_config, files)
    assert LISTING_MARKER not in french and "essais/mystique/" in french and "19 novembre 2024" in french
    english_files = read_pass(english_pass(mkdocs_config))
    page = make_page("essais/mystique.en.md", files=english_files)
    english = essays.on_page_markdown(TITLE, page, mkdocs_config, english_files)
    assert "November 19, 2024" in english and "min read" in english


def test_an_essay_gets_its_date_reading_time_and_tags_under_its_title(mkdocs_config, make_page, files):
    page = make_page("essais/mystique.md", files=files)
    markdown = essays.on_page_markdown(TITLE, page, mkdocs_config, files)
    title, header = markdown.split("\n\n", 2)[:2]
    assert title == "# Mystique" and 'datetime="2024-11-19"' in header and "min de lecture" in header
    assert page.meta["tags"]  # indexed by search as words of the reader's language


def test_pages_outside_the_essays_folder_get_no_header(mkdocs_config, make_page, files):
    page = make_page("sources.md", files=files)
    assert essays.on_page_markdown("# Sources\n", page, mkdocs_config, files) == "# Sources\n"
    assert "tags" not in page.meta


def test_the_essays_folder_comes_from_the_settings(mkdocs_config, project, make_page, files):
    (project / "docs" / "essais").rename(project / "docs" / "textes")
    settings = (project / "bilingue.yml").read_text(encoding="utf-8")
    (project / "bilingue.yml").write_text(settings + "folders:\n  essays: textes\n", encoding="utf-8")
    start_build(mkdocs_config)
    files = read_pass(mkdocs_config)
    listing = essays.on_page_markdown(HOME, make_page("index.md", files=files), mkdocs_config, files)
    assert "textes/mystique/" in listing
    header = essays.on_page_markdown(
        TITLE, make_page("textes/mystique.md", files=files), mkdocs_config, files
    )
    assert 'datetime="2024-11-19"' in header


def test_front_matter_the_registries_do_not_cover_is_a_warning_in_the_french_pass(
    mkdocs_config, project, caplog
):
    essay = project / "docs" / "essais" / "mystique.md"
    essay.write_text(essay.read_text(encoding="utf-8").replace("tags:", "authors: [nobody-known]\ntags:", 1))
    start_build(mkdocs_config)
    with caplog.at_level(logging.WARNING):
        essays.on_pre_build(english_pass(mkdocs_config))
        assert "nobody-known" not in caplog.text  # said once, in the French pass
        mkdocs_config.theme["language"] = "fr"
        essays.on_pre_build(mkdocs_config)
    assert "nobody-known" in caplog.text


def test_while_serving_the_header_follows_the_title_of_each_text(mkdocs_config, make_page, files):
    serve.on_startup("serve", dirty=False)
    try:
        session = current_session()
        page = make_page("essais/mystique.md", files=files)
        for _rebuild in range(2):  # the same text: the title's place is remembered
            session.next_rebuild()
            assert essays.on_page_markdown(TITLE, page, mkdocs_config, files).startswith("# Mystique\n\n<p")
        assert session.title_ends.hits == 1
        edited = "Une phrase avant.\n\n" + TITLE  # an edit moves the title: found again
        markdown = essays.on_page_markdown(edited, page, mkdocs_config, files)
        assert markdown.startswith("Une phrase avant.\n\n# Mystique\n\n<p")
    finally:
        serve.on_startup("build", dirty=False)
