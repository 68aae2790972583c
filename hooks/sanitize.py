"""Nothing an essay, a translation service or sources.yml wrote runs in a reader's browser.

Thin glue over ``bilingue.safety`` (the policy: what is escaped, what the sanitizer keeps):
front-matter values that templates print are escaped before any template sees them, and every
page's rendered content (and its table of contents) goes through the allowlist sanitizer after
every other hook. What the sanitizer removes is logged as a warning with the file and line, so
``mkdocs build --strict`` fails and the author learns it rather than losing it silently.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from bilingue.errors import SourceFileError
from bilingue.files import read_text
from bilingue.frontmatter import split_front_matter
from bilingue.markdown import site_renderer
from bilingue.safety import Unsafe, escape_page_meta, sanitize, sanitize_html
from bilingue.serve import current_session
from bilingue.site import HOOK_META_KEYS, build_language, file_language
from bilingue.unsafe_content import unsafe_in_markdown

log = logging.getLogger("mkdocs.hooks.sanitize")

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Before every other hook: no hook or template sees a raw title, and the keys our hooks set
# (some are printed as HTML, like the sharing tags) start from nothing, whatever the front matter says.
@event_priority(100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    for key in HOOK_META_KEYS:
        page.meta.pop(key, None)
    escape_page_meta(page.meta)
    return markdown


# After every other hook that edits the content (footnotes, listing, notices).
@event_priority(-200)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    session = current_session()  # a server's rebuilds reuse the work on unchanged pages
    sanitized = session.cached(session.sanitized, html, sanitize)
    # an English fallback page is the French file again: reported once, in the French build
    if sanitized.removed and file_language(page.file.src_uri) == build_language(config):
        _report(list(sanitized.removed), page, config)
    _sanitize_toc(page.toc)
    return sanitized.html


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _report(found: list[Unsafe], page: Page, config: MkDocsConfig) -> None:
    source = Path(page.file.abs_src_path) if page.file.abs_src_path else None
    try:
        split = split_front_matter(read_text(source), source) if source else None
    except SourceFileError:
        split = None
    # the judge's renderer: reset between conversions, so one part's footnotes stay out of the next
    renderer = site_renderer(config.config_file_path)
    located = unsafe_in_markdown(split.body, split.body_line, renderer) if split else []
    # what the file's own text explains, with its line; the rest came from elsewhere
    unexplained = [unsafe for unsafe in found if unsafe not in {unsafe for unsafe, _ in located}]
    for unsafe, line in located + [(unsafe, None) for unsafe in unexplained]:
        where = f"{page.file.src_uri}:{line}" if line else page.file.src_uri
        origin = "" if line else _NOT_IN_FILE
        log.warning(f"sanitize: {where}: {unsafe} removed (not allowed on this site){origin}")


def _sanitize_toc(items: list[AnchorLink]) -> None:
    """Material prints each heading's title in the table of contents as it is."""
    for item in items:
        if "<" in item.title:  # with no tag there is nothing to remove (most titles)
            item.title = sanitize_html(item.title)
        _sanitize_toc(item.children)


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

_NOT_IN_FILE = (
    "; it is not written in this file, so it comes from sources.yml or a translation: "
    "`python -m bilingue check` names the line"
)
