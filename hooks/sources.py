"""Footnoted sources: each ``[^src:ID]`` gets its definition in the page's language, the Sources
page lists every source with its backlinks, and the registry and citations are checked.

Thin glue over ``bilingue.sources``. Problems are logged with file and line: errors (invalid
registry entry, unknown id) and warnings (unused source) both fail ``mkdocs build --strict``.
mkdocs-static-i18n runs the build once per language: site-wide checks run in the French build
only, page checks on each page's own file (never on the French text an English fallback reuses),
so each message is printed once.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from bilingue.build_state import build_state
from bilingue.catalog import discover_essays
from bilingue.errors import BilingueError, reported_as_build_errors
from bilingue.files import read_text
from bilingue.site import CITED_SOURCES, build_language, file_language, is_source_pass
from bilingue.sources import (
    ERROR,
    SOURCES_MARKER,
    Finding,
    add_definitions,
    check_citations,
    check_registry,
    check_unused,
    cited_ids,
    find_citations,
    insert_sources_list,
    read_page,
    registry_unusable,
)

log = logging.getLogger("mkdocs.hooks.sources")

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


@reported_as_build_errors()
def on_pre_build(config: MkDocsConfig) -> None:
    state = build_state(config)
    registry, findings = check_registry(state.settings.registry_path)
    state.registry = registry
    if registry_unusable(registry, findings):
        for finding in findings:
            _log(finding, config)
        raise BilingueError(
            "sources: the registry cannot be read (see above); no page is checked until it can"
        )
    if not is_source_pass(config):
        return
    pages = sorted(Path(config.docs_dir).rglob("*.md"))
    findings += check_unused(registry, cited_ids(read_page(page) for page in pages))
    for finding in findings:
        _log(finding, config)


def on_serve(server, config: MkDocsConfig, builder):
    """`mkdocs serve` rebuilds when the registry changes, not only when a page does."""
    server.watch(str(build_state(config).settings.registry_path))
    return server


@reported_as_build_errors()
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = build_state(config)
    registry = state.registry
    language = getattr(page.file, "locale", None) or file_language(page.file.src_uri)
    if language == build_language(config) and page.file.abs_src_path:
        source = Path(page.file.abs_src_path)
        for finding in check_citations(source, read_text(source), registry):
            _log(finding, config)
    cited = dict.fromkeys(citation.source_id for citation in find_citations(markdown))
    page.meta[CITED_SOURCES] = [registry.get(source_id) for source_id in cited if source_id in registry]
    markdown = add_definitions(markdown, registry, language)
    if SOURCES_MARKER in markdown:
        folder = state.settings.folders.essays
        essays = discover_essays(Path(config.docs_dir) / folder)
        markdown = insert_sources_list(
            markdown, registry, essays, build_language(config), page.file.src_uri, folder
        )
    return markdown


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _log(finding: Finding, config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    path = finding.path.relative_to(root) if finding.path.is_relative_to(root) else finding.path
    where = f"{path}:{finding.line}" if finding.line else str(path)
    message = f"sources: {where}: {finding.message}"
    if finding.severity == ERROR:
        log.error(message)
    else:
        log.warning(message)
