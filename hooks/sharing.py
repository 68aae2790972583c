"""Sharing: OpenGraph and Twitter card tags on every page, and a JSON-LD Article on essays.

Thin glue over ``bilingue.sharing``; overrides/main.html puts the result in ``<head>``. Runs at
``on_page_context``, when the other hooks have set what it reads: the cited sources
(hooks/sources.py), the last-commit date (hooks/sitemap.py) and the essay (hooks/essays.py).
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from urllib.parse import urljoin

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from bilingue import SOURCE_LANGUAGE
from bilingue.build_state import build_state, site_library
from bilingue.corpus import CorpusEssay
from bilingue.errors import reported_as_build_errors
from bilingue.library import Library
from bilingue.listing import AUTHORS_PAGE
from bilingue.sharing import Person, SharedPage, Twin, sharing_tags
from bilingue.site import (
    CITED_SOURCES,
    LAST_COMMIT,
    SHARING_TAGS,
    build_language,
    file_language,
    is_untranslated,
    language_root,
    twin_location,
)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


@reported_as_build_errors()
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    page.meta[SHARING_TAGS] = sharing_tags(_shared_page(page, config))
    return context


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _shared_page(page: Page, config: MkDocsConfig) -> SharedPage:
    untranslated = is_untranslated(page)
    build = build_language(config)
    # French text built under /en/ (no translation yet) is shared as what it is: French.
    language = SOURCE_LANGUAGE if untranslated else build
    url = page.canonical_url or urljoin(config.site_url, page.url)
    other = twin_location(page, config)  # (language, site-relative URL)
    twin = Twin(other[0], urljoin(config.site_url, other[1])) if other else None
    # the corpus knows which pages are essays (in the settings' essays folder)
    record = build_state(config).corpus.page(build, page.file.src_uri)
    essay = record.essay if record is not None and not untranslated else None
    if essay is None:
        return SharedPage(
            # hooks/sanitize.py escaped these (Markup); bilingue.sharing escapes for each context itself
            title=_text(page.title or config.site_name),
            description=_text(page.meta.get("description") or config.site_description or ""),
            url=url,
            language=language,
            site_name=config.site_name,
            twin=twin,
        )
    library = site_library(config)
    original = library.original(essay)  # the authority on the date, tags and authors
    return SharedPage(
        title=essay.meta.title,
        description=essay.meta.description,
        url=url,
        language=language,
        site_name=config.site_name,
        twin=twin,
        is_article=True,
        is_original=file_language(page.file.src_uri) == SOURCE_LANGUAGE,
        published=original.meta.date,
        modified=_modified(page),
        authors=_people(library, original, language, config),
        tags=[tag.label for tag in library.tags_of(original, language)],
        citations=list(page.meta.get(CITED_SOURCES, [])),
    )


def _people(library: Library, essay: CorpusEssay, language: str, config: MkDocsConfig) -> list[Person]:
    authors_url = _authors_page_url(config.site_url, language)
    return [
        Person(author.name, f"{authors_url}#{author.id}", author.url)
        if author.id
        else Person(author.name, author.url)
        for author in library.authors_of(essay)
    ]


@functools.cache  # the same two or three URLs for every page
def _authors_page_url(site_url: str, language: str) -> str:
    return urljoin(site_url, f"{language_root(language)}{Path(AUTHORS_PAGE).stem}/")


def _text(value: object) -> str:
    """Plain text from a value another hook may already have escaped (a ``Markup``)."""
    return value.unescape() if isinstance(value, Markup) else str(value)


def _modified(page: Page) -> dt.date | None:
    """The last-commit date hooks/sitemap.py found (None when unknown)."""
    value = page.meta.get(LAST_COMMIT)
    return dt.date.fromisoformat(value) if value else None
