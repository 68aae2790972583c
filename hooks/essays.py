"""Essays: the generated listing on each language's home page, and date/reading time on essays.

Thin glue over ``bilingue.listing`` and ``bilingue.catalog``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from bilingue.catalog import ESSAYS_FOLDER, count_words, discover_essays
from bilingue.errors import reported_as_build_errors
from bilingue.listing import LISTING_MARKER, insert_listing
from bilingue.locales import long_date, reading_time
from bilingue.site import build_language

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


@reported_as_build_errors()
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = build_language(config)
    if _is_essay(page):
        _add_reading_details(page, markdown, language)
    if LISTING_MARKER not in markdown:
        return markdown
    essays = discover_essays(Path(config.docs_dir) / ESSAYS_FOLDER)
    return insert_listing(markdown, essays, language, page.file.src_uri, ESSAYS_FOLDER)


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _is_essay(page: Page) -> bool:
    return page.file.src_uri.startswith(f"{ESSAYS_FOLDER}/") and "date" in page.meta


def _add_reading_details(page: Page, markdown: str, language: str) -> None:
    """Formatted date and reading time for overrides/partials/essay-details.html."""
    date = page.meta["date"]
    page.meta["essay_details"] = {
        "date_iso": date.isoformat(),
        "date": long_date(date, language),
        "reading_time": reading_time(count_words(markdown), language),
    }
