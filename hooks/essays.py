"""Essays: the generated listings (home page, tag page, authors page) and, under each essay's
title, its date, reading time, byline and tags.

Thin glue over ``bilingue.library``, ``bilingue.listing`` and ``bilingue.essay_header``. Front
matter the registries do not cover (an author missing from authors.yml, a tag missing from
tags.yml) is a warning, which fails ``mkdocs build --strict``; it is reported once, in the French
pass.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from bilingue import SOURCE_LANGUAGE
from bilingue.build_state import build_state, site_library
from bilingue.errors import reported_as_build_errors
from bilingue.essay_header import essay_header, insert_after_title
from bilingue.listing import insert_author_index, insert_listing, insert_tag_index
from bilingue.safety import escape_text
from bilingue.site import build_language, french_source_of, is_source_pass

log = logging.getLogger("mkdocs.hooks.essays")

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


@reported_as_build_errors()
def on_pre_build(config: MkDocsConfig) -> None:
    if not is_source_pass(config):
        return
    root = Path(config.config_file_path).parent
    for problem in site_library(config).problems():
        log.warning(f"essays: {problem.text(root)}")


@reported_as_build_errors()
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = build_language(config)
    library = site_library(config)
    src = page.file.src_uri
    folder = build_state(config).settings.folders.essays
    if src.startswith(f"{folder}/") and page.file.abs_src_path:
        essay = library.essay_at(french_source_of(page))
        if essay is not None:
            # French text under /en/ (no translation yet) gets its French header too.
            shown = language if essay.is_translated(language) else SOURCE_LANGUAGE
            # Search indexes tags as separate words, in the reader's language.
            # (escaped like every displayed front-matter value: hooks/sanitize.py, bilingue.safety)
            page.meta["tags"] = [escape_text(tag.label) for tag in library.tags_of(essay, shown)]
            markdown = insert_after_title(markdown, essay_header(essay, library, shown, src))
    markdown = insert_listing(markdown, library.essays, language, src, folder, library)
    markdown = insert_tag_index(markdown, library, language, src, folder)
    return insert_author_index(markdown, library, language, src, folder)
