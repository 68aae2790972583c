"""A source's footnote rendered once per language and build pass, put in place in each page's HTML.

Dozens of pages cite the same source; Python-Markdown would render its reference again in each.
Instead the page's definition holds a marker, ``[^src:ID]: <!-- bilingue:source ID -->``, and
once the page is rendered the marker is replaced with the reference as Python-Markdown renders it
in a footnote, done once for every source a pass cites, in a single conversion per language.

Why the HTML is the same (``tests/sources/test_footnotes.py`` checks it on tricky sources):
Python-Markdown parses each footnote definition as a chunk of its own, into a ``<p>`` followed by
the no-break space and the back link it adds (``FootnoteExtension.makeFootnotesDiv``), then runs
the inline patterns over that paragraph's text. A marker, an HTML comment, goes through as it is
(``<p>MARKER&#160;<a class="footnote-backref"...``), so putting in its place the same text's
rendering, taken from the same position (a footnote paragraph before its back link) of another
document rendered with the same extensions and settings, gives the page's HTML, unless the
rendering depends on something else in the page. With the site's extensions, only these do:

- link references, footnote references, task boxes (all need ``[``) and MkDocs' rewriting of
  relative links (``[``, or ``<`` for an autolink): the generated links are absolute (the
  registry only takes http(s) URLs, a DOI gets ``https://doi.org/``);
- anchors MkDocs collects for its link checks: an ``id`` needs ``{`` (attr_list) or raw HTML (``<``);
- abbreviations (``*[HTML]: ...``), which apply to the whole page: defined by the page's own
  text, or by the notes of another source the page cites, written into the page (below);
- a line break in the text, which could end the definition early.

Every registry value but the notes is escaped (``bilingue.safety``: no ``[``, ``{``, ``<`` left),
so a source whose notes hold none of ``[{<`` nor a line break gets a marker; the others'
references are written into the page as before. Markers are kept only when the page's Markdown
*with its definitions added* defines no abbreviation (holds no ``*[``): escaped values write
``*`` and ``[`` as character references and a marker holds neither, so a ``*[`` there comes from
the page's text or from the notes of a source written in, and the page then gets every reference
written in (``RenderedReferences.add_definitions``).

All this holds for a definition Python-Markdown reads as one. The definitions are appended at
the end of the page, after a blank line, so only something the page leaves open at its end (an
HTML block, a comment) can take them in; then a marker is not where its footnote would be, and
``put_in_place``, which replaces each marker only there, says so: the build renders the page
again with its references written in (``written_in``). The page is sanitized afterwards
(hooks/sanitize.py), like every page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from typing import NamedTuple

from bilingue.sources.citations import Citation
from bilingue.sources.registry import Registry
from bilingue.sources.render import add_known_definitions, render_reference
from bilingue.sources.schema import Source

#: what every marker starts with (a quick test of whether a page has any)
MARKER_PREFIX = "<!-- bilingue:source "


def reference_marker(source_id: str) -> str:
    """The footnote definition's text standing for ``source_id``'s reference until rendered."""
    return f"{MARKER_PREFIX}{source_id} -->"


def renders_alone(source: Source) -> bool:
    """Whether ``source``'s reference renders the same in any page (see the module docstring)."""
    if source.notes is None:
        return True
    return not any(char in note for note in (source.notes.fr, source.notes.en) for char in _CONTEXT_CHARS)


def page_allows_markers(markdown: str) -> bool:
    """Whether ``markdown`` (a page, with or without its source definitions) leaves its source
    footnotes alone: it defines no abbreviation (``*[`` starts every abbreviation definition, so
    its absence is proof)."""
    return "*[" not in markdown


class MarkedPage(NamedTuple):
    """A page's Markdown with its source definitions added (``RenderedReferences.add_definitions``)."""

    markdown: str
    #: label -> source id, for each definition holding a marker (empty: every reference written in)
    labels: dict[str, str]


class RenderedReferences:
    """The HTML of each source's reference in a footnote, per language, for one build pass.

    ``convert`` is Python-Markdown configured like the site's pages (same extensions, same
    settings); ``cited`` the ids the pass's pages cite, all rendered in one conversion per
    language the first time one is asked for (an id asked for later is rendered then)."""

    def __init__(self, registry: Registry, convert: Callable[[str], str], cited: Iterable[str] = ()):
        self.registry = registry
        self._convert = convert
        self._cited = tuple(cited)
        self._html: dict[str, dict[str, str]] = {}  # language -> source id -> HTML
        self._tried: dict[str, set[str]] = {}  # language -> ids rendered (successfully or not)

    def markers(self, source_ids: Iterable[str], language: str) -> dict[str, str]:
        """Source id -> its marker, for the ``source_ids`` whose reference can be put in place."""
        wanted = [source_id for source_id in source_ids if self._renders_alone(source_id)]
        rendered = self._rendered(language, wanted)
        return {source_id: reference_marker(source_id) for source_id in wanted if source_id in rendered}

    def add_definitions(
        self, markdown: str, citations: Sequence[Citation], defined: Container[str], language: str
    ) -> MarkedPage:
        """``add_known_definitions`` of the page ``markdown``, with markers where its references can
        be put in place (see the module docstring): decided on the page with its definitions
        added, since a source written in can bring an abbreviation with its notes."""
        registry = self.registry
        if not page_allows_markers(markdown) or any(citation.label in defined for citation in citations):
            # the page's own text, or a definition of its own (then every reference is written in)
            return MarkedPage(add_known_definitions(markdown, citations, defined, registry, language), {})
        markers = self.markers(dict.fromkeys(citation.source_id for citation in citations), language)
        added = add_known_definitions(markdown, citations, defined, registry, language, markers)
        if markers and not page_allows_markers(added):
            return MarkedPage(add_known_definitions(markdown, citations, defined, registry, language), {})
        return MarkedPage(
            added, {cite.label: cite.source_id for cite in citations if cite.source_id in markers}
        )

    def put_in_place(self, html: str, language: str, labels: Mapping[str, str]) -> str | None:
        """``html`` (a rendered page) with the marker of each of its ``labels`` (label -> source
        id: ``MarkedPage.labels``) replaced by the reference in ``language``, where it opens that
        label's footnote (``<li id="fn:LABEL">`` then ``<p>`` then the marker, as Python-Markdown
        writes a definition). Any other marker (one an author wrote, in the text or in a footnote)
        is left as it is: an HTML comment, which the sanitizer keeps (``strip_comments=False``)
        and browsers do not show.

        None when a label's marker is not in its footnote: the page's text took the definition in
        (an HTML block or a comment left open at its end), so the page must be rendered again with
        its references written in (``written_in``)."""
        if not labels:
            return html
        known = self._html.get(language, {})
        replaced = set()

        def reference(match: re.Match[str]) -> str:
            label, source_id = match.group("label"), match.group("id")
            if labels.get(label) != source_id or source_id not in known:
                return match.group(0)
            replaced.add(label)
            return match.group("start") + known[source_id]

        html = _MARKER_IN_ITS_FOOTNOTE.sub(reference, html)
        return html if len(replaced) == len(labels) else None

    def written_in(self, markdown: str, labels: Mapping[str, str], language: str) -> str:
        """``markdown`` (a page as ``add_definitions`` gave it, then other hooks) with the
        definition of each of its ``labels`` holding the reference instead of the marker: the
        page ``add_known_definitions`` gives without markers. The last copy of each definition is
        the one appended (the author's text comes before, and defines none of these labels)."""
        for label, source_id in labels.items():
            definition = f"[^{label}]: {reference_marker(source_id)}"
            at = markdown.rfind(definition)
            if at < 0:  # not in the page any more (another hook's doing): nothing to write in
                continue
            reference = render_reference(self.registry.sources[source_id], language)
            markdown = f"{markdown[:at]}[^{label}]: {reference}{markdown[at + len(definition) :]}"
        return markdown

    def _renders_alone(self, source_id: str) -> bool:
        source = self.registry.get(source_id)
        return source is not None and renders_alone(source)

    def _rendered(self, language: str, wanted: list[str]) -> dict[str, str]:
        tried = self._tried.setdefault(language, set())
        missing = [source_id for source_id in wanted if source_id not in tried]
        if missing:
            # the first time in a language, every cited source too (one conversion, not one per
            # page); a reference that did not come out as one paragraph is not tried again
            cited = [source_id for source_id in self._cited if self._renders_alone(source_id)]
            batch = list(dict.fromkeys([*(cited if not tried else []), *missing]))
            self._html.setdefault(language, {}).update(self._render(batch, language))
            tried.update(batch)
        return self._html.get(language, {})

    def _render(self, source_ids: list[str], language: str) -> dict[str, str]:
        """Every reference of ``source_ids`` in one document: each cited once, then defined."""
        labels = [f"src:{source_id}" for source_id in source_ids]
        calls = "".join(f"[^{label}]" for label in labels)
        definitions = "\n\n".join(
            f"[^{label}]: {render_reference(self.registry.sources[source_id], language)}"
            for label, source_id in zip(labels, source_ids, strict=True)
        )
        html = self._convert(f"{calls}\n\n{definitions}\n")
        wanted = set(source_ids)
        found = {}
        for match in _FOOTNOTE.finditer(html):
            body = match.group("body")
            # the whole footnote must be one paragraph then its back link, as in a page
            if match.group("id") in wanted and "</p>" not in body and MARKER_PREFIX not in body:
                found[match.group("id")] = body
        return found


# ---------------------------------------------------------------------------------------------------
# Data

#: what could tie a note's rendering to the page it is in (see the module docstring)
_CONTEXT_CHARS = "[{<\n\r"
#: one footnote of the rendered batch: its paragraph's text, then the back link Python-Markdown adds
_FOOTNOTE = re.compile(
    r'<li id="fn:src:(?P<id>[a-z0-9][a-z0-9-]*)">\n<p>(?P<body>.*?)&#160;<a class="footnote-backref" '
    r'href="#fnref:src:(?P=id)" title="[^"]*">&#8617;</a></p>\n</li>',
    re.DOTALL,
)
#: a marker opening the footnote of a label of its own source (``src:ID`` or ``src:ID:KEY``, as
#: ``bilingue.sources.citations`` reads labels and the registry ids): Python-Markdown's footnote
#: ids are ``fn:`` and the label (the site keeps the default separator and no UNIQUE_IDS)
_MARKER_IN_ITS_FOOTNOTE = re.compile(
    r'(?P<start><li id="fn:(?P<label>src:(?P<id>[a-z0-9][a-z0-9-]*)(?::[A-Za-z0-9_.-]+)?)">\n<p>)'
    + re.escape(MARKER_PREFIX)
    + r"(?P=id) -->"
)
