"""Footnoted data sources: a registry of dated sources, footnotes in each language, checks.

- ``model``: what a source is (pydantic schema); ``registry``: reading ``sources.yml`` with the
  line of every field; ``citations``: the ``[^src:ID]`` syntax and finding it in a page;
  ``render``: a source as a footnote in French or English (Babel dates);
  ``footnotes``: those footnotes rendered once per build pass and put in place in each page;
  ``page``: the "Sources" page with backlinks; ``numbers``: locale-aware numbers in prose;
  ``checks``: every check, as findings with file and line.
The MkDocs glue is ``hooks/sources.py``; the command line is ``python -m bilingue check``.
"""

from bilingue.sources.checks import (
    CLAIM,
    DEFAULT_TOLERANCE,
    ERROR,
    FIGURE,
    WARNING,
    Finding,
    check_all,
    check_citations,
    check_cited,
    check_pages,
    check_registry,
    check_unused,
    cited_ids,
    finding_from_error,
    registry_unusable,
)
from bilingue.sources.citations import (
    Citation,
    find_citations,
    find_definitions,
    find_malformed_citations,
    find_references,
    read_page,
)
from bilingue.sources.footnotes import MARKER_PREFIX, RenderedReferences, page_allows_markers
from bilingue.sources.page import SOURCES_MARKER, insert_sources_list
from bilingue.sources.registry import REGISTRY_FILE, Registry
from bilingue.sources.render import add_definitions, add_known_definitions, link_target, render_reference
from bilingue.sources.schema import PartialDate, Source

__all__ = [
    "CLAIM",
    "DEFAULT_TOLERANCE",
    "ERROR",
    "FIGURE",
    "MARKER_PREFIX",
    "REGISTRY_FILE",
    "SOURCES_MARKER",
    "WARNING",
    "Citation",
    "Finding",
    "PartialDate",
    "Registry",
    "RenderedReferences",
    "Source",
    "add_definitions",
    "add_known_definitions",
    "check_all",
    "check_citations",
    "check_cited",
    "check_pages",
    "check_registry",
    "check_unused",
    "cited_ids",
    "find_citations",
    "find_definitions",
    "find_malformed_citations",
    "find_references",
    "finding_from_error",
    "insert_sources_list",
    "link_target",
    "page_allows_markers",
    "read_page",
    "registry_unusable",
    "render_reference",
]
