"""Essays: the build's corpus (each file read once), the listing pages (a paginated home page and
archives by year in each language), a navigation of bounded size, and date/reading time on essays.

Thin glue over ``bilingue.corpus``, ``bilingue.listing`` and ``bilingue.navigation``.
mkdocs-static-i18n runs every event below once per language, on that language's files.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from bilingue import TARGET_LANGUAGE
from bilingue.corpus import current_corpus
from bilingue.errors import BilingueError, reported_as_build_errors
from bilingue.listing import ARCHIVE_INDEX, Href, generated_pages, insert_listing, is_generated_listing
from bilingue.locales import long_date, reading_time
from bilingue.navigation import bounded_items, link_pages, reading_order
from bilingue.site import (
    build_language,
    french_name,
    french_source_of,
    generated_file_locations,
    mark_as_i18n_file,
)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    current_corpus().start_pass(build_language(config))


# After i18n (-100) has chosen this language's files: read each page once, then add the
# listing pages the corpus needs.
@event_priority(-110)
@reported_as_build_errors()
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = build_language(config)
    corpus = current_corpus()
    for file in files.documentation_pages():
        if file.abs_src_path:
            corpus.load(language, file.src_uri, Path(file.abs_src_path))
    for page in generated_pages(corpus.essays(language)):
        files.append(_generated_file(page.src_uri, page.markdown, language, config))
    return files


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    """The text the corpus already read (None: MkDocs reads the file itself)."""
    return current_corpus().source_for_mkdocs(page.file.abs_src_path)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The English pass is the last to need a text: once a page of it is rendered (and, for an
    # English essay, its translation notice planned from its French text), both texts can go.
    if build_language(config) == TARGET_LANGUAGE and page.file.abs_src_path:
        current_corpus().release(page.file.abs_src_path)
        current_corpus().release(french_source_of(page))
    return html


def on_post_build(config: MkDocsConfig) -> None:
    if build_language(config) == TARGET_LANGUAGE:  # the last pass: the texts are not needed any more
        current_corpus().forget_texts()


@event_priority(-110)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    language = build_language(config)
    corpus = current_corpus()
    rank = {essay.slug: index for index, essay in enumerate(corpus.essays(language))}
    essay_rank = {
        src_uri: rank[record.essay.slug]
        for src_uri, record in corpus.pages.get(language, {}).items()
        if record.essay is not None
    }
    archive = next((page for page in nav.pages if french_name(page.file.src_uri) == ARCHIVE_INDEX), None)
    nav.items = bounded_items(nav.items, essay_rank, is_generated_listing, archive)
    generated = [page for page in nav.pages if is_generated_listing(page.file.src_uri)]
    link_pages(reading_order(nav.pages, essay_rank, is_generated_listing), generated)
    return nav


@reported_as_build_errors()
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = build_language(config)
    corpus = current_corpus()
    record = corpus.pages.get(language, {}).get(page.file.src_uri)
    if record is not None and record.essay is not None:
        _add_reading_details(page, record.essay.meta.date, record.essay.word_count, language)
    return insert_listing(markdown, corpus.essays(language), _href_from(page, files))


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _href_from(page: Page, files: Files) -> Href:
    """French file name in docs/ -> the URL of that page in this language, relative to ``page``."""

    def href(src_uri: str) -> str:
        target = files.get_file_from_path(src_uri)
        if target is None:
            raise BilingueError(f"{page.file.src_uri}: the listing links to {src_uri}, which is not a page")
        return get_relative_url(target.url, page.url)

    return href


def _generated_file(french_src: str, markdown: str, language: str, config: MkDocsConfig) -> File:
    locations = generated_file_locations(french_src, language, config.use_directory_urls)
    file = File.generated(config, locations.src_uri, content=markdown)
    file.dest_uri = locations.dest_uri
    mark_as_i18n_file(file, language, locations.urls)
    return file


def _add_reading_details(page: Page, date: dt.date, word_count: int, language: str) -> None:
    """Formatted date and reading time for overrides/partials/essay-details.html."""
    page.meta["essay_details"] = {
        "date_iso": date.isoformat(),
        "date": long_date(date, language),
        "reading_time": reading_time(word_count, language),
    }
