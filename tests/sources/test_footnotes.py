"""Source footnotes rendered once and put in place: the same HTML as the page rendering them."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pytest

from bilingue.markdown import site_renderer
from bilingue.sources import schema as model
from bilingue.sources.citations import find_citations
from bilingue.sources.footnotes import (
    MARKER_PREFIX,
    RenderedReferences,
    page_allows_markers,
    reference_marker,
    renders_alone,
)
from bilingue.sources.registry import parse_registry
from bilingue.sources.render import add_definitions
from tests.conftest import ROOT

# Values that Markdown or HTML would read as syntax, notes with inline Markdown, numbers grouped
# the French way, a DOI with parentheses, an archived copy: all must render alone as in the page.
REGISTRY = """\
plain:
  title: Rapport numéro 0
  publisher: Institut 0
  url: https://example.org/rapports/0
  issued: 2024-01-15
  accessed: 2025-01-10
  language: fr
tricky:
  title: "Un *titre* [provisoire] ==x=={: onclick=alert(1)} <img src=x> & `code` ~~b~~ ^^c^^"
  author: ["O'Brien <b>", "A_B_C"]
  container_title: "Revue *(1)* \\\\ | $x$"
  volume: "4{2}"
  pages: 1–[2]
  publisher: "Acme & Co"
  doi: 10.1016/S0140-6736(23)00458-0
  url: https://example.org/a?b=1&c=2
  issued: 2023-06
  language: en
  archive_url: https://web.archive.org/web/2024/https://example.org/a
  archive_date: 2024-10-03
  notes:
    fr: 'Environ 395 000 décès, *dont* **273 000** ==par diarrhée== `x` :smile: ++ctrl+c++ & "cité".'
    en: 'About 395 000 deaths, *of which* **273 000** ==by diarrhoea== `x` :smile: ++ctrl+c++ & "quoted".'
linked-note:
  title: T
  publisher: P
  url: https://example.org/l
  language: fr
  notes:
    fr: "voir [l'essai](../essais/mystique.md) et [^1]"
    en: "see [the essay](../essais/mystique.md) and [^1]"
attr-note:
  title: T
  publisher: P
  url: https://example.org/m
  language: fr
  notes:
    fr: "==marqué=={ #ancre }"
    en: "==marked=={ #anchor }"
abbr-note:
  title: T
  publisher: P
  url: https://example.org/o
  language: fr
  notes:
    fr: "voir\\n*[Institut]: Un institut"
    en: "see\\n*[Institut]: Un institut"
opener:
  title: T
  publisher: P
  url: https://example.org/p
  language: fr
  notes:
    fr: "voir\\n\\n<div>"
    en: "see\\n\\n<div>"
html-note:
  title: T
  publisher: P
  url: https://example.org/n
  language: fr
  notes:
    fr: '<span id="ici">ici</span> <https://example.org/x>'
    en: '<span id="here">here</span> <https://example.org/x>'
"""

PAGE = """\
# Un essai

Un chiffre[^src:plain] et un autre[^src:tricky], encore[^src:plain], une note[^1].

Suite[^src:tricky:p2] et[^src:linked-note] et[^src:attr-note] et[^src:html-note].

[^1]: Une note de l'auteur, *en français*.
"""


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "today", lambda: dt.date(2026, 11, 26))


@pytest.fixture(scope="module")
def renderer():
    return site_renderer(ROOT / "mkdocs.yml")  # the site's extensions and settings


@pytest.fixture
def registry():
    return parse_registry(REGISTRY)


class BothWays(NamedTuple):
    written: str  # the page rendered with its references written in (as before the markers)
    marked: str  # rendered with markers, put in place (or rendered again, as the build does)
    labels: dict[str, str]  # the definitions given a marker (label -> source id)
    rendered_again: bool  # whether the marked page had to be rendered again


def rendered_both_ways(page: str, registry, renderer, language: str, cited=("plain",)) -> BothWays:
    """The page rendered with its references written in (as before) and with markers put in place."""
    citations = find_citations(page)
    written = renderer.convert(add_definitions(page, registry, language))
    references = RenderedReferences(registry, renderer.convert, cited)
    marked = references.add_definitions(page, citations, set(), language)
    html = references.put_in_place(renderer.convert(marked.markdown), language, marked.labels)
    if html is not None:
        return BothWays(written, html, marked.labels, False)
    again = references.written_in(marked.markdown, marked.labels, language)
    assert again == add_definitions(page, registry, language)
    return BothWays(written, renderer.convert(again), marked.labels, True)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_references_put_in_place_give_the_html_of_references_written_in(registry, renderer, language):
    written, put_in_place, labels, again = rendered_both_ways(PAGE, registry, renderer, language)
    assert labels == {"src:plain": "plain", "src:tricky": "tricky", "src:tricky:p2": "tricky"}
    assert not again  # (the notes of the others could depend on the page)
    assert put_in_place == written
    assert MARKER_PREFIX not in put_in_place
    # the escaped values stayed text: no element came out of them
    assert "&#60;img src&#61;x&#62;" in put_in_place and "<img src" not in put_in_place
    assert "onclick&#61;alert" in put_in_place and " onclick=" not in put_in_place
    assert put_in_place.count("Institut 0") == 1 and "Acme &#38; Co" in put_in_place


def test_a_page_defining_abbreviations_gets_its_references_written_in(registry, renderer):
    page = PAGE + "\n*[Institut]: Un institut de recherche\n"
    assert not page_allows_markers(page)
    assert page_allows_markers(PAGE)
    html = renderer.convert(add_definitions(page, registry, "fr"))
    assert '<abbr title="Un institut de recherche">Institut</abbr> 0' in html  # why it must


@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_abbreviation_in_the_notes_of_a_source_written_in_gets_every_reference_written_in(
    registry, renderer, language
):
    page = "Un chiffre[^src:plain] et une note[^src:abbr-note].\n"
    written, put_in_place, labels, _ = rendered_both_ways(page, registry, renderer, language)
    assert '<abbr title="Un institut">Institut</abbr> 0' in written  # the notes' abbreviation applies
    assert labels == {}  # so plain's reference is written in too, not put in place
    assert put_in_place == written


def test_a_marker_is_replaced_in_its_own_footnote_wherever_the_footnotes_are(registry, renderer):
    # the footnotes placed by the author, then a raw HTML block looking like them
    page = (
        "Un chiffre[^src:plain] et[^src:tricky:p2].\n\n///Footnotes Go Here///\n\n"
        '<div class="footnote"></div>\n\nFin.\n'
    )
    written, put_in_place, labels, again = rendered_both_ways(page, registry, renderer, "fr")
    assert set(labels.values()) == {"plain", "tricky"} and not again
    assert put_in_place == written and MARKER_PREFIX not in put_in_place


def test_a_marker_in_another_footnote_is_left_alone(registry, renderer):
    page = f"Un chiffre[^src:plain], une note[^1].\n\n[^1]: {reference_marker('tricky')}\n"
    both = rendered_both_ways(page, registry, renderer, "fr", cited=("plain", "tricky"))
    written, put_in_place, labels, again = both  # tricky's reference is known: cited elsewhere
    assert labels == {"src:plain": "plain"} and not again
    assert put_in_place == written
    assert reference_marker("tricky") in put_in_place and "Acme" not in put_in_place  # as written


def test_a_marker_definition_not_given_by_the_build_is_left_alone(registry, renderer):
    # the author defines a label the page does not cite (Python-Markdown still lists it)
    page = f"Un chiffre[^src:tricky].\n\n[^src:plain]: {reference_marker('plain')}\n"
    written, put_in_place, labels, again = rendered_both_ways(page, registry, renderer, "fr")
    assert labels == {"src:tricky": "tricky"} and not again
    assert put_in_place == written and '<li id="fn:src:plain">\n<p><!-- bilingue:source' in written


@pytest.mark.parametrize(
    "page",
    [
        "Un chiffre[^src:plain].\n\n<div>\n",  # an HTML block left open takes the definitions in
        "Un chiffre[^src:plain].\n\n<!--\n",  # a comment left open: the marker's --> closes it
        "Un chiffre[^src:opener] et[^src:plain].\n",  # the notes of a source written in open a block
    ],
)
def test_a_page_taking_its_definitions_in_is_rendered_again_with_its_references(registry, renderer, page):
    written, marked, labels, again = rendered_both_ways(page, registry, renderer, "fr")
    assert labels == {"src:plain": "plain"} and again
    assert marked == written


def test_notes_that_could_depend_on_the_page_are_not_rendered_alone(registry):
    assert renders_alone(registry.get("plain")) and renders_alone(registry.get("tricky"))
    for source_id in ("linked-note", "attr-note", "html-note", "abbr-note", "opener"):
        assert not renders_alone(registry.get(source_id))
    references = RenderedReferences(registry, lambda text: pytest.fail("nothing to render"))
    assert references.markers(["linked-note", "attr-note", "html-note", "unknown"], "fr") == {}


def test_each_language_is_rendered_once_for_every_cited_source(registry, renderer):
    conversions: list[str] = []

    def convert(text: str) -> str:
        conversions.append(text)
        return renderer.convert(text)

    references = RenderedReferences(registry, convert, ["tricky", "linked-note"])
    assert references.markers(["plain"], "fr") == {"plain": reference_marker("plain")}
    assert references.markers(["tricky", "plain"], "fr") == {
        "tricky": reference_marker("tricky"),
        "plain": reference_marker("plain"),
    }
    assert len(conversions) == 1  # the cited sources and the one asked for, together
    references.markers(["plain"], "en")
    assert references.markers(["tricky"], "en") == {"tricky": reference_marker("tricky")}
    assert len(conversions) == 2  # English: the cited sources again came with the first one asked


def test_a_marker_outside_its_footnote_is_left_alone(registry, renderer):
    references = RenderedReferences(registry, renderer.convert, ["plain"])
    references.markers(["plain"], "fr")
    marker, labels = reference_marker("plain"), {"src:plain": "plain"}
    html = f"<p>{marker}</p>\n"
    assert references.put_in_place(html, "fr", {}) == html  # no marker given: nothing to do
    assert references.put_in_place(html, "fr", labels) is None  # not in its footnote: render again
    footnotes = f'<div class="footnote">\n<ol>\n<li id="fn:src:plain">\n<p>{marker}&#160;'
    in_place = references.put_in_place(html + footnotes, "fr", labels)
    assert in_place.startswith(html) and "Institut 0" in in_place and in_place.count(MARKER_PREFIX) == 1
    assert references.put_in_place(html + footnotes, "en", labels) is None  # not rendered in English
