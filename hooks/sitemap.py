"""Sitemap and robots.txt: each page's last git commit as its ``lastmod``, and a robots.txt that
points at the sitemap.

The sitemap itself is overrides/sitemap.xml (i18n's, without untranslated pages, with
x-default). Thin glue over ``bilingue.git_dates``: one ``git log`` per build; outside a git
checkout pages simply have no date.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from bilingue import SOURCE_LANGUAGE
from bilingue.build_state import build_state
from bilingue.files import atomic_write_text
from bilingue.git_dates import last_commit_dates
from bilingue.site import LAST_COMMIT, build_language

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    if build_language(config) == SOURCE_LANGUAGE:  # the English pass keeps them (BuildState)
        build_state(config).commit_dates.update(last_commit_dates(Path(config.docs_dir)))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Not page.update_date: MkDocs keeps the build date there (and needs one, for the gzip header).
    dates = build_state(config).commit_dates
    date = dates.get(Path(page.file.abs_src_path).resolve()) if dates and page.file.abs_src_path else None
    page.meta[LAST_COMMIT] = date.isoformat() if date else None
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    if build_language(config) == SOURCE_LANGUAGE:
        robots = f"User-agent: *\nAllow: /\n\nSitemap: {urljoin(config.site_url, 'sitemap.xml')}\n"
        atomic_write_text(Path(config.site_dir) / "robots.txt", robots)
