"""One rule says which HTML text is not prose: the judge compares it, so the translator never sends it."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from bilingue.markdown import model as m
from bilingue.markdown import parse_document
from bilingue.markdown.verbatim import tag_attributes

RAW_HTML = [
    '<p>Le <span class="notranslate">Terme</span> reste.</p>',
    '<p>Le <span translate="no">Terme</span> reste.</p>',
    '<p>Le <em class="a notranslate b">Terme</em> reste.</p>',
    '<p>Le <span class="arithmatex">\\(x\\)</span> reste.</p>',
    '<p>Appuyer sur <kbd class="key-enter">Entrée</kbd> puis attendre.</p>',
    "<p>Le <code>Terme</code> et <samp>sortie</samp> restent.</p>",
    '<p><span translate="no">Un <span>deux</span> trois</span> quatre</p>',
    '<p>Un <span\n   translate="no">Terme</span> puis</p>',
]


@pytest.mark.parametrize("html", RAW_HTML)
def test_text_the_judge_keeps_verbatim_is_never_raw_html_prose(html, site_markdown, html_skeleton):
    text = f"<div>\n{html}\n</div>\n"
    prose = [block.text for block in parse_document(text).blocks if block.kind == m.HTML_TEXT]
    assert_never_prose(html_skeleton(site_markdown(text)), prose)


INLINE_HTML = [
    'Un <dfn translate="no">mot</dfn> reste.',
    'Une <var class="notranslate">variable</var> reste.',
    'Le <span class="notranslate">Terme</span> reste.',
    'Le <em class="a notranslate b">Terme</em> reste.',
    "Le <code>Terme</code> et <samp>sortie</samp> restent.",
    'Appuyer sur <kbd class="key-enter">Entrée</kbd> puis attendre.',
    '<cite translate="no">Un <cite>deux</cite> trois</cite> quatre.',
]


@pytest.mark.parametrize("html", INLINE_HTML)
def test_text_the_judge_keeps_verbatim_is_never_paragraph_prose(html, site_markdown, html_skeleton):
    (paragraph,) = parse_document(html + "\n").prose_blocks()
    prose = [run for run in paragraph.inline.segments() if isinstance(run, str)]
    assert_never_prose(html_skeleton(site_markdown(html + "\n")), prose)


def assert_never_prose(skeleton: list, prose: list[str]) -> None:
    """No text the judge keeps verbatim (``skeleton``'s text events) is among the ``prose`` sent."""
    verbatim = [event[1].strip() for event in skeleton if event[0] == "text" and event[1].strip()]
    assert verbatim, "the judge keeps some text verbatim"
    assert [run for run in prose if run.strip()], "the words around it are still prose"
    assert not [word for word in verbatim if any(word in run for run in prose)]


@pytest.mark.parametrize("marker", ['class="notranslate"', 'translate="no"', 'class="a notranslate"'])
def test_a_markdown_container_the_judge_keeps_verbatim_is_never_translated(
    marker, site_markdown, html_skeleton
):
    text = f'<div markdown="1" {marker}>\n# Titre\n\nUn *mot* et `code`.\n\n- Une liste\n</div>\n\nFin.\n'
    verbatim = [event[1] for event in html_skeleton(site_markdown(text)) if event[0] == "text"]
    translated = [block.text for block in parse_document(text).blocks if block.translatable]
    assert {"Titre", "Une liste"} <= {word.strip() for word in verbatim}, "the judge keeps it all"
    assert translated == ["Fin."]


@pytest.mark.parametrize(
    "tag",
    [
        '<span class="x notranslate">',
        "<span translate=no data-x='a \"b\"'>",
        '<SPAN CLASS="Notranslate" hidden>',
        '<span title="a &amp; b" class="a" class="b">',
        "<span\n  translate = 'no'\n>",
        '<img src="a.png"/>',
    ],
)
def test_tag_attributes_reads_a_tag_like_html_parser(tag):
    class Reader(HTMLParser):
        def handle_starttag(self, name, attrs):
            self.attributes = dict(attrs)

        handle_startendtag = handle_starttag

    reader = Reader()
    reader.feed(tag)
    assert tag_attributes(tag) == reader.attributes
