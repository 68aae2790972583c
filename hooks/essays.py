"""Essays: the build's corpus (each file read once), the listing pages (a paginated home page and
archives by year in each language, the tag page, the authors page), a navigation of bounded
size, and under each essay's title its date, reading time, byline and tags.

Thin glue over ``bilingue.corpus``, ``bilingue.library``, ``bilingue.listing``,
``bilingue.navigation`` and ``bilingue.essay_header``. mkdocs-static-i18n runs every event below
once per language, on that language's files. Front matter the registries do not cover (an author
missing from authors.yml, a tag missing from tags.yml) is a warning, which fails
``mkdocs build --strict``; it is reported once, in the French pass.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from bilingue import TARGET_LANGUAGE
from bilingue.build_state import FileLookups, build_state, site_library
from bilingue.errors import BilingueError, reported_as_build_errors
from bilingue.essay_header import HEADER_MARKER, essay_header, insert_after_title, insert_header
from bilingue.listing import (
    ARCHIVE_INDEX,
    Href,
    generated_pages,
    insert_author_index,
    insert_essay_lists,
    insert_listing,
    insert_tag_index,
    is_generated_listing,
)
from bilingue.navigation import bounded_items, link_pages, reading_order
from bilingue.safety import escape_text
from bilingue.site import (
    build_language,
    french_name,
    french_source_of,
    generated_file_locations,
    is_source_pass,
    mark_as_i18n_file,
)

log = logging.getLogger("mkdocs.hooks.essays")

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    build_state(config).corpus.start_pass(build_language(config))


# After i18n (-100) has chosen this language's files: read each page once, then add the
# listing pages the corpus needs.
@event_priority(-110)
@reported_as_build_errors()
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = build_language(config)
    corpus = build_state(config).corpus
    for file in files.documentation_pages():
        if file.abs_src_path:
            corpus.load(language, file.src_uri, Path(file.abs_src_path))
    for page in generated_pages(corpus.essays(language)):
        files.append(_generated_file(page.src_uri, page.markdown, language, config))
    if is_source_pass(config):  # every French essay is read now
        root = Path(config.config_file_path).parent
        for problem in site_library(config).problems():
            log.warning(f"essays: {problem.text(root)}")
    return files


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    """The text the corpus already read (None: MkDocs reads the file itself)."""
    return build_state(config).corpus.source_for_mkdocs(page.file.abs_src_path)


@reported_as_build_errors()
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The listings (cards, the tag and authors pages' lists) and the essay header are HTML: added
    # once the page is rendered (the markers, HTML comments, pass through Markdown as they are),
    # so Markdown never reads their hundreds of tags again.
    language = build_language(config)
    corpus = build_state(config).corpus
    href, library = _href_from(page, files, config), site_library(config)
    html = insert_listing(html, corpus.essays(language), href, library=library)
    html = insert_essay_lists(html, library, language, href)
    record = corpus.page(language, page.file.src_uri)
    if record is not None and record.essay is not None:
        # French text under /en/ (no translation yet) gets its French header too.
        html = insert_header(html, essay_header(record.essay, library, record.essay.language, href))
    # The English pass is the last to need a text: once a page of it is rendered (and, for an
    # English essay, its translation notice planned from its French text), both texts can go.
    if language == TARGET_LANGUAGE and page.file.abs_src_path:
        corpus.release(page.file.abs_src_path)
        corpus.release(french_source_of(page))
    return html


def on_post_build(config: MkDocsConfig) -> None:
    if build_language(config) == TARGET_LANGUAGE:  # the last pass: the texts are not needed any more
        build_state(config).corpus.forget_texts()


@event_priority(-110)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    language = build_language(config)
    corpus = build_state(config).corpus
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
    corpus = build_state(config).corpus
    library = site_library(config)
    src = page.file.src_uri
    record = corpus.page(language, src)
    if record is not None and record.essay is not None:
        essay = record.essay
        shown = essay.language  # French text under /en/ (no translation yet): French tags
        # Search indexes tags as separate words, in the reader's language.
        # (escaped like every displayed front-matter value: hooks/sanitize.py, bilingue.safety)
        page.meta["tags"] = [escape_text(tag.label) for tag in library.tags_of(essay, shown)]
        markdown = insert_after_title(markdown, HEADER_MARKER)  # the header itself: on_page_content
    markdown = insert_tag_index(markdown, library, language)
    return insert_author_index(markdown, library, language, src)


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _href_from(page: Page, files: Files, config: MkDocsConfig) -> Href:
    """French file name in docs/ -> the URL of that page in this language, relative to ``page``
    (each asked once: every card of a listing links to the tag and authors pages)."""
    known: dict[str, str] = {}
    targets = _targets(files, config)

    def href(src_uri: str) -> str:
        if src_uri not in known:
            if src_uri not in targets:
                targets[src_uri] = files.get_file_from_path(src_uri)
            target = targets[src_uri]
            if target is None:
                raise BilingueError(
                    f"{page.file.src_uri}: the listing links to {src_uri}, which is not a page"
                )
            known[src_uri] = get_relative_url(target.url, page.url)
        return known[src_uri]

    return href


def _targets(files: Files, config: MkDocsConfig) -> dict[str, File | None]:
    """The files ``files.get_file_from_path`` gave so far in this pass (``BuildState.file_lookups``).
    Files are complete once pages are rendered; other files, or a file added or removed since
    (the count changes), start the lookups again."""
    state = build_state(config)
    found = state.file_lookups
    if found is None or found.files is not files or found.count != len(files):
        found = state.file_lookups = FileLookups(files, len(files))
    return found.by_src_uri


def _generated_file(french_src: str, markdown: str, language: str, config: MkDocsConfig) -> File:
    locations = generated_file_locations(french_src, language, config.use_directory_urls)
    file = File.generated(config, locations.src_uri, content=markdown)
    file.dest_uri = locations.dest_uri
    mark_as_i18n_file(file, language, locations.urls)
    return file
