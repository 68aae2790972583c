"""Listing pages: cards, the paginated home listing, archives by year and their pager."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import markdown as markdown_lib
from bs4 import BeautifulSoup
from mkdocs.utils import get_relative_url

from bilingue.authors import Author, AuthorRegistry
from bilingue.catalog import EssayMeta
from bilingue.corpus import CorpusEssay, EssayCollection
from bilingue.library import Library
from bilingue.listing import (
    AUTHORS_MARKER,
    PAGE_SIZE,
    TAGS_MARKER,
    generated_pages,
    insert_author_index,
    insert_essay_lists,
    insert_listing,
    insert_tag_index,
    is_generated_listing,
    listing_src,
    render_listing,
)
from bilingue.tags import TagTable
from tests.conftest import corpus_of

#: what the home page (docs/index.md) writes where its list goes
LISTING_MARKER = "<!-- bilingue:essays -->"
DAY = dt.timedelta(days=1)


def essay(slug: str, title: str, language: str = "fr", date=dt.date(2024, 11, 19)) -> CorpusEssay:
    meta = EssayMeta(title=title, date=date, description="Un <résumé> & plus", tags=["idées"])
    return CorpusEssay(slug, f"essais/{slug}.md", Path(f"{slug}.md"), language, meta, 420, ())


def corpus(count: int, language: str = "fr", per_year: int = 30) -> EssayCollection:
    """``count`` essays, newest first: ``per_year`` in each year from 2025 back."""
    essays = [essay(f"e{n:04d}", f"Essai {n}", language, _date(n, per_year)) for n in range(count)]
    return EssayCollection(language, essays)


def href_from(page_src: str):
    """What the hook's resolver does, without MkDocs' files: docs path -> link from the page."""
    return lambda src: get_relative_url(url_of(src), url_of(page_src))


def url_of(src: str) -> str:
    """A page's URL with directory URLs ("page/2.md" -> "page/2/", "archives/index.md" -> "archives/")."""
    stem = src.removesuffix(".md")
    return stem.removesuffix("index") if stem.endswith("index") else f"{stem}/"


def _date(n: int, per_year: int) -> dt.date:
    return dt.date(2025 - n // per_year, 12, 1) - DAY * (n % per_year)


def test_listing_links_lead_to_each_essay_from_the_listing_page():
    html = render_listing([essay("mystique", "Mystique EN", "en")], "en", href_from("index.md"))
    assert '<a href="essais/mystique/">Mystique EN</a>' in html
    html = render_listing([essay("mystique", "Mystique")], "fr", href_from("page/2.md"))
    assert '<a href="../../essais/mystique/">Mystique</a>' in html


def test_listing_formats_date_and_reading_time_for_the_language():
    french = render_listing([essay("a", "Titre")], "fr", href_from("index.md"))
    english = render_listing([essay("a", "Title", "en")], "en", href_from("index.md"))
    assert "19 novembre 2024" in french and "2 min de lecture" in french
    assert "November 19, 2024" in english and "2 min read" in english
    assert '<time datetime="2024-11-19">' in english


def test_listing_escapes_every_front_matter_value():
    html = render_listing([essay("a", "Titre <b>[draft]</b>")], "fr", href_from("index.md"))
    assert "Un &lt;résumé&gt; &amp; plus" in html
    assert ">Titre &lt;b&gt;[draft]&lt;/b&gt;</a>" in html


def test_untranslated_essay_is_flagged_in_english_only():
    english = render_listing([essay("a", "Titre", "fr")], "en", href_from("index.md"))
    french = render_listing([essay("a", "Titre", "fr")], "fr", href_from("index.md"))
    assert "in French only" in english
    assert "non traduit" not in french


def test_empty_listing_says_so():
    assert "No essays yet." in render_listing([], "en", href_from("index.md"))


def test_insert_replaces_only_the_marker():
    page = f"# Essais\n\n{LISTING_MARKER}\n\nFin.\n"
    result = insert_listing(page, corpus(1), href_from("index.md"))
    assert result.startswith('# Essais\n\n<div class="bl-essays">\n<article class="bl-essay">')
    assert result.endswith("</nav>\n\nFin.\n")
    assert insert_listing("# Rien\n", corpus(3), href_from("index.md")) == "# Rien\n"
    # an essay's page holds other markers (its header, its sources): no listing, left as it is
    essay_page = "<h1>T</h1>\n<!-- bilingue:essay-header -->\n<p><!-- bilingue:source a --></p>\n"
    assert insert_listing(essay_page, corpus(3), href_from("essais/t.md")) is essay_page
    archives = "<!-- bilingue:archives -->\n"
    assert '<ul class="bl-archives">' in insert_listing(archives, corpus(3), href_from("archives/index.md"))


def test_home_page_shows_the_newest_page_of_essays_and_a_pager():
    result = insert_listing(LISTING_MARKER, corpus(45), href_from("index.md"))
    assert result.count('<article class="bl-essay">') == PAGE_SIZE
    assert ">Essai 0</a>" in result and ">Essai 20</a>" not in result
    assert '<strong aria-current="page">1</strong>' in result
    assert '<a href="page/2/">2</a>' in result and '<a href="page/3/">3</a>' in result
    assert '<a href="page/2/" rel="next">Plus anciens →</a>' in result and "Plus récents" not in result
    assert '<a href="archives/">Archives</a>' in result


def test_a_later_page_links_back_and_its_essays_continue_the_order():
    result = insert_listing("<!-- bilingue:essays page=3 -->", corpus(45), href_from("page/3.md"))
    assert result.count('<article class="bl-essay">') == 5
    assert '<a href="../../essais/e0040/">Essai 40</a>' in result
    assert '<a href="../2/" rel="prev">← Plus récents</a>' in result and '<a href="../..">1</a>' in result
    assert "Plus anciens" not in result


def test_the_pager_has_a_bounded_number_of_links():
    page = insert_listing("<!-- bilingue:essays page=25 -->", corpus(1000), href_from("page/25.md"))
    pager = page[page.index("<nav") :]
    assert re.findall(r">(\d+)</a>", pager) == ["1", "23", "24", "26", "27", "50"]
    assert pager.count("…") == 2


def test_generated_pages_cover_every_page_and_every_year():
    collection = corpus(45, per_year=30)  # 30 essays in 2025, 15 in 2024
    sources = [page.src_uri for page in generated_pages(collection)]
    assert sources == [
        "page/2.md",
        "page/3.md",
        "archives/index.md",
        "archives/2025/index.md",
        "archives/2025/page/2.md",
        "archives/2024/index.md",
    ]
    assert all(is_generated_listing(src) for src in sources)
    assert not is_generated_listing("index.md") and not is_generated_listing("essais/index.md")
    assert is_generated_listing("page/2.en.md")


def test_a_year_page_lists_only_that_year():
    collection = corpus(45, per_year=30)
    page_src = listing_src(2024, 1)
    result = insert_listing("<!-- bilingue:essays year=2024 page=1 -->", collection, href_from(page_src))
    assert result.count('<article class="bl-essay">') == 15
    assert '<time datetime="2024-' in result and '<time datetime="2025-' not in result
    assert '<a href="../">Archives</a>' in result  # from archives/2024/


def test_archive_index_lists_years_with_counts_newest_first():
    collection = corpus(45, per_year=30)
    result = insert_listing("<!-- bilingue:archives -->", collection, href_from("archives/index.md"))
    assert result.splitlines() == [
        '<ul class="bl-archives">',
        '<li><a href="2025/">2025</a> · 30 essai(s)</li>',
        '<li><a href="2024/">2024</a> · 15 essai(s)</li>',
        "</ul>",
    ]


def test_generated_pages_are_kept_out_of_search_and_carry_their_marker():
    page = generated_pages(corpus(45, "en"))[0]
    assert "search:\n  exclude: true" in page.markdown
    assert "# Essays · page 2" in page.markdown
    assert "<!-- bilingue:essays page=2 -->" in page.markdown


def test_bylines_and_tags_from_contributors_render_as_text():
    """Names, bios and tags come from strangers' pull requests: rendered, they stay text."""
    hostile = "<script>alert(1)</script> [x](javascript:alert(1))"
    author = Author("a", hostile, {"fr": hostile, "en": hostile})
    shown = essay("a", "Titre")
    meta = shown.meta.model_copy(update={"authors": ["a"], "tags": [hostile]})
    shown = CorpusEssay("a", "essais/a.md", shown.path, "fr", meta, 10, ())
    authors = AuthorRegistry(Path("authors.yml"), {"a": author})
    library = Library(corpus_of(shown), TagTable(Path("tags.yml")), authors)
    page = "\n\n".join(
        [
            render_listing([shown], "fr", href_from("index.md"), library),
            insert_author_index(AUTHORS_MARKER, library, "fr", "auteurs.md"),
            insert_tag_index(TAGS_MARKER, library, "fr"),
        ]
    )
    rendered = markdown_lib.markdown(page, extensions=["attr_list", "md_in_html", "toc"])
    rendered = insert_essay_lists(rendered, library, "fr", href_from("tags.md"))
    assert rendered.count("Titre</a>") == 3  # the essay in the card, under its author and its tag
    assert "<script>" not in rendered
    assert 'href="javascript' not in rendered
    assert hostile in BeautifulSoup(rendered, "html.parser").get_text()  # shown as it was written
    assert '<a class="bl-author" href="auteurs/#a">' in rendered  # the byline links the author
