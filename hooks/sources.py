"""Footnoted sources: each ``[^src:ID]`` gets its definition in the page's language, the Sources
page lists every source with its backlinks, and the registry and citations are checked.

Thin glue over ``bilingue.sources``. Problems are logged with file and line: errors (invalid
registry entry, unknown id) and warnings (unused source) both fail ``mkdocs build --strict``.
mkdocs-static-i18n runs the build once per language: registry checks run in the French build,
unused sources once both languages' pages are read (English build), page checks on each page's
own file (never on the French text an English fallback reuses), so each message is printed once.
Pages are never read here: their citations come from the build's corpus (``bilingue.corpus``).
A reference that renders the same in every page is rendered once per pass and language: the page's
definition holds a marker, replaced once the page is rendered (``bilingue.sources.footnotes``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from bilingue import SOURCE_LANGUAGE, TARGET_LANGUAGE
from bilingue.build_state import BuildState, build_state
from bilingue.errors import BilingueError, reported_as_build_errors
from bilingue.markdown import renderer_from_config
from bilingue.site import CITED_SOURCES, build_language, file_language
from bilingue.sources import (
    ERROR,
    SOURCES_MARKER,
    Finding,
    RenderedReferences,
    add_definitions,
    check_cited,
    check_registry,
    check_unused,
    find_citations,
    insert_sources_list,
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
    if build_language(config) == SOURCE_LANGUAGE:
        for finding in findings:
            _log(finding, config)


# After hooks/essays.py (-110) has read this pass's pages into the corpus. The English pass is the
# last: by then every page of both languages has been read, and unused sources are known.
@event_priority(-120)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if build_language(config) == TARGET_LANGUAGE:
        corpus = build_state(config).corpus
        cited = corpus.cited_ids(SOURCE_LANGUAGE) | corpus.cited_ids(TARGET_LANGUAGE)
        for finding in check_unused(build_state(config).registry, cited):
            _log(finding, config)
    return files


def on_serve(server, config: MkDocsConfig, builder):
    """`mkdocs serve` rebuilds when the registry changes, not only when a page does."""
    server.watch(str(build_state(config).settings.registry_path))
    return server


@reported_as_build_errors()
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = build_state(config)
    registry = state.registry
    language = build_language(config)
    corpus = state.corpus
    record = corpus.page(language, page.file.src_uri)
    if record is not None and record.language == language:
        # each file checked in its own language's pass (not the French text of an English fallback)
        for finding in check_cited(record.path, record.citations, registry, record.malformed):
            _log(finding, config)
    text_language = file_language(page.file.src_uri)
    citations = record.citations if record is not None else find_citations(markdown)
    cited = dict.fromkeys(citation.source_id for citation in citations)
    page.meta[CITED_SOURCES] = [registry.get(source_id) for source_id in cited if source_id in registry]
    if record is None:  # a page the build generated
        markdown = add_definitions(markdown, registry, text_language)
    else:
        # a reference rendered once for the pass where it can be (on_page_content puts it in place)
        marked = _references(config, state).add_definitions(
            markdown, record.citations, record.defined, text_language
        )
        markdown = marked.markdown
        state.marked_labels[page.file.src_uri] = marked.labels
    if SOURCES_MARKER in markdown:
        essays = corpus.essays(language)
        markdown = insert_sources_list(markdown, registry, essays, language, page.file.src_uri)
    return markdown


# Before hooks/essays.py (0) and hooks/sanitize.py (-200): a page rendered again (below) is then
# the one the other hooks edit, and the references are sanitized with the rest of the page.
@event_priority(10)
@reported_as_build_errors()
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = build_state(config)
    labels = state.marked_labels.pop(page.file.src_uri, None)
    if not labels:  # no source footnote rendered once (most pages but essays)
        return html
    references = _references(config, state)
    language = file_language(page.file.src_uri)
    in_place = references.put_in_place(html, language, labels)
    if in_place is not None:
        return in_place
    # the page's text took a definition in (an HTML block or comment left open): as before the
    # markers, the page is rendered with its references written in (a broken page: rare)
    page.markdown = references.written_in(page.markdown, labels, language)
    page.render(config, files)
    return page.content


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _references(config: MkDocsConfig, state: BuildState | None = None) -> RenderedReferences:
    """The references of this pass's sources, rendered by Python-Markdown configured like the site
    (``renderer_from_config``: this build's extensions and settings, reset before each conversion;
    a new set for each pass: each reads the registry again and has its own settings)."""
    state = state or build_state(config)
    if state.references is None or state.references.registry is not state.registry:
        renderer = renderer_from_config(config)
        cited = state.corpus.cited_ids(build_language(config))
        state.references = RenderedReferences(state.registry, renderer.convert, sorted(cited))
    return state.references


def _log(finding: Finding, config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    path = finding.path.relative_to(root) if finding.path.is_relative_to(root) else finding.path
    where = f"{path}:{finding.line}" if finding.line else str(path)
    message = f"sources: {where}: {finding.message}"
    if finding.severity == ERROR:
        log.error(message)
    else:
        log.warning(message)
