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

from bilingue import SOURCE_LANGUAGE
from bilingue.catalog import ESSAYS_FOLDER, discover_essays
from bilingue.errors import BilingueError, reported_as_build_errors
from bilingue.files import read_text
from bilingue.site import CITED_SOURCES, build_language, file_language
from bilingue.sources.checks import (
    ERROR,
    Finding,
    check_citations,
    check_registry,
    check_unused,
    cited_ids,
    registry_unusable,
)
from bilingue.sources.citations import find_citations, read_page
from bilingue.sources.page import SOURCES_MARKER, insert_sources_list
from bilingue.sources.registry import REGISTRY_FILE, Registry
from bilingue.sources.render import add_definitions

log = logging.getLogger("mkdocs.hooks.sources")

_state: dict[str, Registry] = {}

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


@reported_as_build_errors()
def on_pre_build(config: MkDocsConfig) -> None:
    registry, findings = check_registry(_registry_path(config))
    _state["registry"] = registry
    if registry_unusable(registry, findings):
        for finding in findings:
            _log(finding, config)
        raise BilingueError(
            "sources: the registry cannot be read (see above); no page is checked until it can"
        )
    if build_language(config) != SOURCE_LANGUAGE:
        return
    pages = sorted(Path(config.docs_dir).rglob("*.md"))
    findings += check_unused(registry, cited_ids(read_page(page) for page in pages))
    for finding in findings:
        _log(finding, config)


def on_serve(server, config: MkDocsConfig, builder):
    """`mkdocs serve` rebuilds when the registry changes, not only when a page does."""
    server.watch(str(_registry_path(config)))
    return server


@reported_as_build_errors()
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    registry = _state["registry"]
    language = getattr(page.file, "locale", None) or file_language(page.file.src_uri)
    if language == build_language(config) and page.file.abs_src_path:
        source = Path(page.file.abs_src_path)
        for finding in check_citations(source, read_text(source), registry):
            _log(finding, config)
    cited = dict.fromkeys(citation.source_id for citation in find_citations(markdown))
    page.meta[CITED_SOURCES] = [registry.get(source_id) for source_id in cited if source_id in registry]
    markdown = add_definitions(markdown, registry, language)
    if SOURCES_MARKER in markdown:
        essays = discover_essays(Path(config.docs_dir) / ESSAYS_FOLDER)
        markdown = insert_sources_list(
            markdown, registry, essays, build_language(config), page.file.src_uri, ESSAYS_FOLDER
        )
    return markdown


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _registry_path(config: MkDocsConfig) -> Path:
    """``sources.yml`` next to mkdocs.yml (outside docs/, so it is not published)."""
    return Path(config.config_file_path).parent / REGISTRY_FILE


def _log(finding: Finding, config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    path = finding.path.relative_to(root) if finding.path.is_relative_to(root) else finding.path
    where = f"{path}:{finding.line}" if finding.line else str(path)
    message = f"sources: {where}: {finding.message}"
    if finding.severity == ERROR:
        log.error(message)
    else:
        log.warning(message)
