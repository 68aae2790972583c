"""The "Sources" page: every source of the registry with the essays that cite it (backlinks).

``docs/sources.md`` and ``docs/sources.en.md`` hold a title, an introduction and the marker
``<!-- bilingue:sources -->``; the build replaces the marker with the list, generated from the
registry and the build's corpus of essays, so the page cannot go stale. Links are relative Markdown
links to the French essay file: MkDocs checks them and mkdocs-static-i18n points them at the
reader's language.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bilingue.locales import ui_words
from bilingue.sources.registry import Registry
from bilingue.sources.render import escape, render_reference

if TYPE_CHECKING:
    from bilingue.corpus import CorpusEssay

#: what the Sources page writes where the list goes
SOURCES_MARKER = "<!-- bilingue:sources -->"


@dataclass(frozen=True)
class Backlink:
    """An essay (in one language) that cites a source."""

    title: str
    src_uri: str  # the French file's path inside docs/ ("essais/mystique.md"), used for links
    anchor: str  # the id of the first footnote reference, to land on the citation itself


def insert_sources_list(
    markdown: str, registry: Registry, essays: Iterable[CorpusEssay], language: str, page_src: str
) -> str:
    """Replace the marker in ``markdown`` (the page at ``page_src``) with the list of sources.

    ``essays`` are the essays as readers of ``language`` get them (the build's corpus)."""
    if SOURCES_MARKER not in markdown:
        return markdown
    backlinks = collect_backlinks(essays)
    return markdown.replace(SOURCES_MARKER, render_sources_list(registry, backlinks, language, page_src))


def collect_backlinks(essays: Iterable[CorpusEssay]) -> dict[str, list[Backlink]]:
    """Source id -> the essays citing it (their citations were found when the corpus was read)."""
    found: dict[str, list[Backlink]] = {}
    for essay in essays:
        first_label: dict[str, str] = {}
        for citation in essay.citations:
            first_label.setdefault(citation.source_id, citation.label)
        for source_id, label in first_label.items():
            backlink = Backlink(essay.meta.title, essay.src_uri, f"fnref:{label}")
            found.setdefault(source_id, []).append(backlink)
    return found


def render_sources_list(
    registry: Registry, backlinks: dict[str, list[Backlink]], language: str, page_src: str
) -> str:
    """Markdown: one list item per source (sorted by its reference), with its backlinks."""
    words = ui_words(language)
    here = posixpath.dirname(page_src) or "."
    items = []
    references = {source.id: render_reference(source, language) for source in registry}  # once each
    for source in sorted(registry, key=lambda s: references[s.id].lower()):
        reference = references[source.id]
        links = [
            f"[{escape(link.title)}]({posixpath.relpath(link.src_uri, here)}#{link.anchor})"
            for link in backlinks.get(source.id, [])
        ]
        cited = f"{words['cited_in']} {', '.join(links)}." if links else words["not_cited"]
        items.append(
            f'-   <span class="bl-source" id="{source.id}"></span>{reference}\n\n'
            f'    <span class="bl-source-citedby">{cited}</span>'
        )
    if not items:
        return f"<p>{words['no_sources']}</p>"
    return "\n\n".join(items) + "\n"
