from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import markdown as markdown_lib
from bs4 import BeautifulSoup

from bilingue.authors import Author, AuthorRegistry
from bilingue.catalog import Essay, EssayMeta, EssayVersion
from bilingue.library import Library
from bilingue.listing import (
    AUTHORS_MARKER,
    LISTING_MARKER,
    TAGS_MARKER,
    insert_author_index,
    insert_listing,
    insert_tag_index,
    render_listing,
)
from bilingue.tags import TagTable


def version(language: str, title: str, date=dt.date(2024, 11, 19)) -> EssayVersion:
    meta = EssayMeta(title=title, date=date, description="Un <résumé> & plus", tags=["idées"])
    return EssayVersion(Path(f"{title}.md"), language, meta, word_count=420)


def essay(slug: str, french_title: str, english_title: str | None) -> Essay:
    english = version("en", english_title) if english_title else None
    return Essay(slug, version("fr", french_title), english)


def test_listing_links_are_relative_markdown_links_to_the_french_source():
    markdown = render_listing([essay("mystique", "Mystique", "Mystique EN")], "en", "index.md", "essais")
    assert "[Mystique EN](essais/mystique.md)" in markdown
    markdown = render_listing([essay("mystique", "Mystique", None)], "fr", "essais/index.md", "essais")
    assert "[Mystique](mystique.md)" in markdown


def test_listing_formats_date_and_reading_time_for_the_language():
    french = render_listing([essay("a", "Titre", "Title")], "fr", "index.md", "essais")
    english = render_listing([essay("a", "Titre", "Title")], "en", "index.md", "essais")
    assert "19 novembre 2024" in french and "2 min de lecture" in french
    assert "November 19, 2024" in english and "2 min read" in english
    assert '<time datetime="2024-11-19">' in english


def test_listing_shows_summary_and_title_as_text_not_markup():
    markdown = render_listing(
        [essay("a", "Titre [draft] ==m=={: onclick=x}", None)], "fr", "index.md", "essais"
    )
    page = markdown_lib.markdown(markdown, extensions=["md_in_html", "attr_list", "pymdownx.mark"])
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "Un <résumé> & plus" in text
    assert "Titre [draft] ==m=={: onclick=x}" in text
    assert '<a href="essais/a.md">' in page and "<mark" not in page and "onclick=" not in page


def test_untranslated_essay_is_flagged_in_english_only():
    english = render_listing([essay("a", "Titre", None)], "en", "index.md", "essais")
    french = render_listing([essay("a", "Titre", None)], "fr", "index.md", "essais")
    assert "in French only" in english
    assert "non traduit" not in french


def test_empty_listing_says_so():
    assert "No essays yet." in render_listing([], "en", "index.md", "essais")


def test_insert_replaces_only_the_marker():
    page = f"# Essais\n\n{LISTING_MARKER}\n\nFin.\n"
    result = insert_listing(page, [essay("a", "Titre", None)], "fr", "index.md", "essais")
    assert result.startswith('# Essais\n\n<div class="bl-essays" markdown>')
    assert result.endswith("</div>\n\nFin.\n")
    assert insert_listing("# Rien\n", [], "fr", "index.md", "essais") == "# Rien\n"


def test_bylines_and_tags_from_contributors_render_as_text():
    """Names, bios and tags come from strangers' pull requests: rendered, they stay text."""
    hostile = "<script>alert(1)</script> [x](javascript:alert(1))"
    author = Author("a", hostile, {"fr": hostile, "en": hostile})
    version_ = version("fr", "Titre")
    meta = version_.meta.model_copy(update={"authors": ["a"], "tags": [hostile]})
    item = Essay("a", EssayVersion(version_.path, "fr", meta, 10), None)
    library = Library([item], TagTable(Path("tags.yml")), AuthorRegistry(Path("authors.yml"), {"a": author}))
    page = "\n\n".join(
        [
            render_listing([item], "fr", "index.md", "essais", library),
            insert_author_index(AUTHORS_MARKER, library, "fr", "auteurs.md", "essais"),
            insert_tag_index(TAGS_MARKER, library, "fr", "tags.md", "essais"),
        ]
    )
    rendered = markdown_lib.markdown(page, extensions=["attr_list", "md_in_html", "toc"])
    assert "<script>" not in rendered
    assert 'href="javascript' not in rendered
    assert hostile in BeautifulSoup(rendered, "html.parser").get_text()  # shown as it was written
