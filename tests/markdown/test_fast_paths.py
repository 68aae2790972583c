"""The segmenter's fast paths give exactly what the plain formulation they replace gives.

Each fast path of ``bilingue.markdown`` (faster regular expressions, shortcuts for text without
tabs or carriage returns...) is checked against the straightforward code it stands for, on
generated text made of the characters that matter to it, and on hand-picked tricky cases.
"""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingue.markdown import parse as parse_module
from bilingue.markdown.inline import InlineContext, InlineText, Piece, scan_inline
from bilingue.markdown.lines import _normalized, source_lines

# What _definitions was: "^" with re.MULTILINE (tried at every offset)
_ABBR_MULTILINE = re.compile(r"^\*\[([^\]]+)\]:", re.MULTILINE)
_REF_MULTILINE = re.compile(r"^[ ]{0,3}\[([^\]^][^\]]*)\]:[ \t]*\S", re.MULTILINE)


def _definitions_multiline(body: str) -> tuple[tuple[str, ...], frozenset[str]]:
    abbreviations = tuple(match.group(1) for match in _ABBR_MULTILINE.finditer(body))
    labels = (match.group(1) for match in _REF_MULTILINE.finditer(body))
    references = frozenset(" ".join(label.split()).lower() for label in labels)
    return abbreviations, references


DEFINITION_TEXT = st.text(alphabet=st.sampled_from(list("*[]^: \t\n\rab-")), max_size=60)


@pytest.mark.parametrize(
    "body",
    [
        "",
        "*[ONU]: Organisation\n[ref]: https://x\n",
        "[a]: x\n*[B]: y",  # at the very start, no newline at the end
        "text\n   [three spaces]: u\n    [four]: u\n",
        "[multi\nline label]: u\n[^note]: not a reference\n[]: empty\n",
        "*[a]:*[b]: c\n[x]:\n[y]: \t z\n",  # a definition right after another on one line; no value
        "\r\n*[CR]: x\r\n[crlf]: u\r\n",
        "\n\n\n[after blanks]: u",
    ],
)
def test_definitions_as_with_multiline_anchors(body: str) -> None:
    assert parse_module._definitions(body) == _definitions_multiline(body)


@settings(max_examples=400, deadline=None)
@given(DEFINITION_TEXT)
def test_definitions_as_with_multiline_anchors_generated(body: str) -> None:
    assert parse_module._definitions(body) == _definitions_multiline(body)


def _plain_text_by_segments(inline: InlineText) -> str:
    """What InlineText.plain_text was: a walk over segments() (prose runs and pieces)."""
    out: list[str] = []
    in_image = 0
    for segment in inline.segments():
        if isinstance(segment, str):
            if not in_image:
                out.append(segment)
            continue
        if segment.kind == "image":
            in_image += 1 if segment.role == "open" else -1
        elif in_image:
            continue
        elif segment.kind == "code":
            out.append(segment.text.strip("`").strip())
        elif segment.kind == "escape":
            out.append(segment.text[1:])
        elif segment.kind == "entity":
            out.append(html.unescape(segment.text))
        elif segment.kind == "autolink":
            out.append(segment.text[1:-1])
        elif segment.kind in ("term", "url", "email", "no_translate", "keys", "ref_link", "math"):
            out.append(re.sub(r"<[^>]*>", "", segment.text).strip("[]"))
        elif segment.kind == "hard_break":
            out.append(" ")
    return "".join(out)


INLINE_PARTS = [
    "mot ",
    "l'ONU",
    "*a*",
    "**b**",
    "`c`",
    "``d`` ",
    "![alt *x*](i.png)",
    "[lien](u)",
    "[^src:x]",
    "&amp;",
    "\\*",
    "<https://x.org>",
    "https://y.org/z ",
    "a@b.org",
    "<b>",
    "<code>k</code>",
    "++ctrl++",
    "$m$",
    "[ref]",
    "  \n",
    "![",
    "]",
    "_",
    "",
]
CONTEXT = InlineContext(terms=("ONU",), references=frozenset({"ref"}))


@pytest.mark.parametrize("text", ["", "plain words only", "![a](b)", "![a](b) after", "`x`", "*a* b"])
def test_plain_text_as_by_segments(text: str) -> None:
    inline = scan_inline(text, CONTEXT)
    assert inline.plain_text() == _plain_text_by_segments(inline)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(INLINE_PARTS), max_size=12))
def test_plain_text_as_by_segments_generated(parts: list[str]) -> None:
    inline = scan_inline("".join(parts), CONTEXT)
    assert inline.plain_text() == _plain_text_by_segments(inline)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(INLINE_PARTS), max_size=12))
def test_scan_gives_pieces_only(parts: list[str]) -> None:
    """Every piece is a Piece itself (segments() tells pieces from prose runs by type)."""
    inline = scan_inline("".join(parts), CONTEXT)
    assert all(type(piece) is Piece for piece in inline.pieces)


def _source_lines_one_by_one(text: str, offset: int, first_line: int):
    """What source_lines was: every line through _normalized."""
    out, number = [], first_line
    for raw in text[offset:].split("\n"):
        out.append(_normalized(raw, number, offset))
        offset += len(raw) + 1
        number += 1
    if out and out[-1].text == "":
        out.pop()
    return out


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("a é\t\r\n>-")), max_size=40), st.integers(0, 3))
def test_source_lines_as_one_by_one(text: str, offset: int) -> None:
    offset = min(offset, len(text))
    assert source_lines(text, offset, 3) == _source_lines_one_by_one(text, offset, 3)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \t\n")), max_size=30), st.integers(0, 6))
def test_line_spans_without_tabs_as_with_at(text: str, cut: int) -> None:
    """Line.span and Line.end skip Line.at for a line without tabs: the same offsets."""
    for line in source_lines(text, 0, 1):
        for piece in (line, line.cut(cut), line.dedent(cut)):
            size = len(piece.text)
            assert piece.end == piece.at(size)
            for start in range(size + 1):
                assert piece.span(start, size) == (piece.at(start), piece.at(size))


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(list("aZéΩ字ß")),
    st.text(alphabet=st.sampled_from(list("ab *-_#[]:!?=>|<$\\1.")), max_size=12),
    st.sampled_from(["", "---", "|---|---|", "===", ": def", "a | b"]),
    st.sampled_from([0, 1, 2, 3]),
)
def test_a_block_starting_with_a_letter_is_a_table_or_a_paragraph(letter, rest, following, indent):
    """_builder_for's shortcut: the full dispatch gives no container and no other leaf for it."""
    text = " " * indent + letter + rest
    lines = source_lines(text + "\n" + following + "\n", 0, 1)
    scope = parse_module._Scope(lines, 0, None, "", False)
    parser = parse_module._Parser(text, [], InlineContext())
    stripped = text.lstrip(" ")
    for last_kind in ("", "paragraph"):
        assert parser._container_builder(text, stripped, indent == 0, last_kind) is None
    full = parser._leaf_builder(scope, 0, stripped, indent == 0)
    assert full == parser._builder_for(scope, 0, "paragraph")
    assert full in (parser._table, parser._paragraph)
