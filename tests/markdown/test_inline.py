"""Protected inline pieces, located as Python-Markdown reads them."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

import pytest

from bilingue.markdown.inline import (
    CLOSE,
    OPEN,
    SINGLE,
    InlineContext,
    scan_inline,
)


def pieces(text: str, context: InlineContext | None = None) -> list[tuple[str, str, str]]:
    return [(p.kind, p.role, p.text) for p in scan_inline(text, context).pieces]


@pytest.mark.parametrize(
    ("text", "protected"),
    [
        ("du `code | x` ici", "`code | x`"),
        ("du ``co`de`` ici", "``co`de``"),
        ("une note[^src:a-1] ici", "[^src:a-1]"),
        ("un :smile: ici", ":smile:"),
        ("un ++ctrl+alt+del++ ici", "++ctrl+alt+del++"),
        ("des maths $E = mc^2$ ici", "$E = mc^2$"),
        ("des maths \\(a+b\\) ici", "\\(a+b\\)"),
        ('une <abbr title="x"> balise', '<abbr title="x">'),
        ("un <!-- commentaire --> ici", "<!-- commentaire -->"),
        ("un lien <https://x.org/a?b=1> ici", "<https://x.org/a?b=1>"),
        ("une URL https://x.org/page_(x) ici", "https://x.org/page_(x)"),
        ("une entité &nbsp; ici", "&nbsp;"),
        ("un \\* échappé", "\\*"),
        ("des attributs { .classe #id } ici", "{ .classe #id }"),
        ('<span translate="no">Ne pas traduire</span> ici', '<span translate="no">Ne pas traduire</span>'),
        ('<span class="x notranslate">tel quel</span>', '<span class="x notranslate">tel quel</span>'),
        ("un saut  \nde ligne", "  \n"),
    ],
)
def test_each_protected_piece_kind_is_found(text, protected):
    assert [p[2] for p in pieces(text)] == [protected]


@pytest.mark.parametrize(
    ("text", "protected"),
    [
        ('Un <dfn translate="no">mot</dfn> ici.', '<dfn translate="no">mot</dfn>'),
        ('Une <var class="notranslate">x</var> ici.', '<var class="notranslate">x</var>'),
        ("Le <code>Terme</code> ici.", "<code>Terme</code>"),
        ("La <samp>sortie</samp> ici.", "<samp>sortie</samp>"),
        ('Une <kbd class="key-enter">Entrée</kbd> ici.', '<kbd class="key-enter">Entrée</kbd>'),
        ('Le <span class="arithmatex">\\(x\\)</span> ici.', '<span class="arithmatex">\\(x\\)</span>'),
        ("Un <DFN TRANSLATE='no'>mot</Dfn > ici.", "<DFN TRANSLATE='no'>mot</Dfn >"),
        ('<b translate="no">Un <b>deux</b> trois</b> quatre', '<b translate="no">Un <b>deux</b> trois</b>'),
        ('Un <span translate="no">mot\nsur deux</span> ici', '<span translate="no">mot\nsur deux</span>'),
        # nothing closes it: the rendered paragraph ends it, so the rest of the block is kept
        ('Un <dfn translate="no">mot ici.', '<dfn translate="no">mot ici.'),
    ],
)
def test_an_element_the_judge_keeps_verbatim_is_one_protected_piece(text, protected):
    assert pieces(text) == [("no_translate", SINGLE, protected)]


@pytest.mark.parametrize(
    "text",
    [
        'Un <dfn translate="yes">mot</dfn> ici.',
        'Un <var class="traduire">x</var> ici.',
        'Un <span translate="no"/> ici.',  # nothing inside
    ],
)
def test_an_element_whose_text_is_prose_only_has_its_tags_protected(text):
    assert all(kind == "html_tag" for kind, _, _ in pieces(text))


def test_a_verbatim_tag_never_closed_does_not_stall_the_scan():
    # the former notranslate pattern took minutes (cubic) on this; the scan reads it once now
    text = '<span translate="no" ' * 2000
    assert pieces(text) == []


# Hostile paragraphs (an essay comes from a stranger's pull request): each took minutes or more
# before the scan stopped searching for a closer from every opener (quadratic: `"[a " * 8000`
# took 10.6 s, four times more per doubling; the attribute list, exponential). At these sizes a
# linear scan takes about a second; a quadratic one, many minutes.
HOSTILE = [
    pytest.param("[a " * 64_000, (), {}, id="link brackets never closed"),
    pytest.param("[" * 32_000 + "a" + "]" * 32_000, ("a",), {"ref_link": 1}, id="nested reference brackets"),
    pytest.param(
        "\\\\`[` " * 32_000, (), {"escape": 1, "backtick": 2, "code": 31_999}, id="code spans in a link"
    ),
    pytest.param('[a](u "' * 32_000, (), {}, id="link titles never closed"),
    pytest.param("[a](b" * 32_000, (), {}, id="link destinations never closed"),
    pytest.param("<!-- " * 128_000, (), {}, id="comments never closed"),
    pytest.param("\\( " * 128_000, (), {"escape": 128_000}, id="math never closed"),
    pytest.param("[^a" * 64_000, (), {}, id="footnote references never closed"),
    pytest.param("{#a x=" * 32_000, (), {}, id="attribute lists never closed"),
    pytest.param("{" + 'x="a" ' * 60, (), {}, id="attribute list of quoted values never closed"),
    pytest.param("{a=" * 64_000, (), {}, id="attribute values never ended"),
    pytest.param("_ *" * 128_000, (), {"emphasis": 255_998}, id="emphasis never closed"),
    pytest.param(
        "``\\" * 128_000,
        (),
        {"escape": 127_998, "backtick": 127_998, "code": 1},
        id="code spans never closed",
    ),
]
# The scan runs in a child process: a run that never ends is stopped there and fails the test.
# The timeout is far above a linear scan's second or two even on a loaded machine; it is not
# a speed goal (benchmarks/inline_hostile.py prints the figures).
NEVER_ENDS = 120
SCAN_IN_A_CHILD = """
import collections, json, sys
from bilingue.markdown.inline import InlineContext, scan_inline
given = json.load(sys.stdin)
found = scan_inline(given["text"], InlineContext(references=frozenset(given["references"])))
print(json.dumps(collections.Counter(piece.kind for piece in found.pieces)))
"""


@pytest.mark.parametrize(("text", "references", "kinds"), HOSTILE)
def test_a_hostile_paragraph_does_not_stall_the_scan(text, references, kinds):
    given = json.dumps({"text": text, "references": list(references)})
    try:
        child = subprocess.run(
            [sys.executable, "-c", SCAN_IN_A_CHILD],
            input=given,
            capture_output=True,
            text=True,
            timeout=NEVER_ENDS,
            check=True,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"scanning {len(text):,} characters did not end in {NEVER_ENDS} s: not linear")
    assert json.loads(child.stdout) == kinds


def test_the_small_hostile_paragraphs_scan_like_the_big_ones():
    # the same shapes in-process, small: their pieces are what the scan always found
    assert pieces("[a " * 50) == [] and pieces("<!-- " * 50) == [] and pieces("[^a" * 50) == []
    assert Counter(kind for kind, _, _ in pieces("\\( " * 50)) == {"escape": 50}
    assert pieces("{" + 'x="a" ' * 20) == []
    assert pieces("{" + 'x="a" ' * 20 + "}") == [("attr_list", SINGLE, "{" + 'x="a" ' * 20 + "}")]


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # a closer pairs with the nearest opener of its characters; openers inside stay single
        ("*a _b* c_", ["open", "single", "close", "single"]),
        ("*a **b* c**", ["open", "single", "close", "single"]),
        ("_a *b_ c* d_", ["open", "single", "close", "single", "single"]),
    ],
)
def test_emphasis_pairs_the_nearest_opener_of_the_same_characters(text, roles):
    assert [role for _, role, _ in pieces(text)] == roles


@pytest.mark.parametrize(
    ("text", "protected"),
    [
        # the scan sees "[" after an escaped backslash and an unmatched backtick; a walk of the
        # text from its start would take "`[a](u) `" for a code span and miss the link
        ("\\\\`[a](u) `x`", ["\\\\", "`", "[", "](u)", "`x`"]),
        # an attribute list read as the expression reads it: a quoted value that cannot be
        # followed is read again as a bare one; a quoted value may hold "}"
        ('{x="a"b} fin', ['{x="a"b}']),
        ('{x="a }" y=b} fin', ['{x="a }" y=b}']),
        ('{x="a }" y} fin', ['{x="a }']),
        # the first closer after each opener
        ("[^a [^b]", ["[^b]"]),
        ("a <!-- x --> <!-- y", ["<!-- x -->"]),
        ("\\(a\\) \\(b", ["\\(a\\)", "\\("]),
        ('[a](u "t" "u")', ["[", '](u "t" "u")']),
        ("[a](u(v) w)", []),
        ("[a](u(v)w)", ["[", "](u(v)w)"]),
    ],
)
def test_closers_are_the_ones_the_former_searches_found(text, protected):
    assert [p[2] for p in pieces(text)] == protected


def test_emphasis_and_mark_are_open_close_pairs():
    assert pieces("du **gras** et ==marqué== et *un* _deux_") == [
        ("emphasis", OPEN, "**"),
        ("emphasis", CLOSE, "**"),
        ("mark", OPEN, "=="),
        ("mark", CLOSE, "=="),
        ("emphasis", OPEN, "*"),
        ("emphasis", CLOSE, "*"),
        ("emphasis", OPEN, "_"),
        ("emphasis", CLOSE, "_"),
    ]


def test_literal_stars_and_intraword_underscores_are_prose():
    assert pieces("5 * 3 et snake_case_var") == []


def test_unpaired_flanking_delimiter_is_protected_alone():
    assert pieces("un *seul") == [("emphasis", SINGLE, "*")]


def test_links_keep_their_destination_and_title_out_of_the_prose():
    found = scan_inline('un [lien](https://x.org/a_(b) "Le titre") fin')
    opening, closing = found.pieces
    assert (opening.text, closing.text) == ("[", '](https://x.org/a_(b) "Le titre")')
    assert closing.text[closing.title[0] : closing.title[1]] == "Le titre"
    assert closing.partner == 0 and opening.partner == 1


def test_images_nested_in_links():
    assert [p[2] for p in pieces("[![logo](l.png)](https://x.org)")] == [
        "[",
        "![",
        "](l.png)",
        "](https://x.org)",
    ]


def test_reference_links_keep_labels():
    context = InlineContext(references=frozenset({"ref", "exemple"}))
    assert [p[2] for p in pieces("un [texte][ref], [Exemple][] et [ref] mais [sic]", context)] == [
        "[",
        "][ref]",
        "[Exemple][]",
        "[ref]",
    ]


def test_glossary_terms_are_whole_words():
    context = InlineContext(terms=("Myelin", "Rivière-Ouelle"))
    assert [p[2] for p in pieces("Myelin à Rivière-Ouelle, pas Myelinated", context)] == [
        "Myelin",
        "Rivière-Ouelle",
    ]


def test_pieces_inside_code_are_not_pieces():
    assert [p[2] for p in pieces("`**pas du gras** [x](y)`")] == ["`**pas du gras** [x](y)`"]


def test_plain_text_is_what_a_reader_sees():
    found = scan_inline("Un *mot* avec `code` et [lien](x) &amp; fin")
    assert found.plain_text() == "Un mot avec code et lien & fin"


def test_segments_alternate_prose_and_pieces_and_cover_the_text():
    text = "a **b** `c` d"
    segments = list(scan_inline(text).segments())
    assert "".join(s if isinstance(s, str) else s.text for s in segments) == text
