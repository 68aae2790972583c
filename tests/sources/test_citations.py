"""The citation syntax, found through the project's Markdown model."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingue.markdown import FOOTNOTE_REF
from bilingue.markdown.parse import parse_document
from bilingue.sources.citations import (
    Citation,
    find_citations,
    find_definitions,
    find_malformed_citations,
    find_references,
    parse_label,
    piece_line,
)

PAGE = """\
---
title: Essai
---

# Un titre[^src:titre]

Un chiffre[^src:openai-2024] et une note[^1], puis `[^src:code]`.

- un point[^src:liste:a]

| a | b |
|---|---|
| 5 millions[^src:table] | x |

```
[^src:fenced]
```

<!-- [^src:comment] -->

[^1]: Une note à la main.

[^src:liste:a]: p. 12.
"""


def test_labels():
    assert parse_label("src:openai-2024") == "openai-2024"
    assert parse_label("src:openai-2024:p12") == "openai-2024"
    assert parse_label("src:OpenAI") is None
    assert parse_label("1") is None
    assert parse_label("source:x") is None


def test_citations_with_their_file_lines():
    found = [(c.source_id, c.label, c.line) for c in find_citations(PAGE)]
    assert found == [
        ("titre", "src:titre", 5),
        ("openai-2024", "src:openai-2024", 7),
        ("liste", "src:liste:a", 9),
        ("table", "src:table", 13),
    ]


def test_code_comments_and_definitions_are_not_citations():
    ids = {c.source_id for c in find_citations(PAGE)}
    assert not ids & {"code", "fenced", "comment"}


def test_hand_written_definitions():
    definitions = find_definitions(parse_document(PAGE))
    assert list(definitions) == ["src:liste:a"]
    assert definitions["src:liste:a"].line == 23
    assert definitions["src:liste:a"].block is not None


def test_a_citation_kept_as_written_is_still_a_citation():
    # a do-not-translate container is not translated, but its footnotes still render
    page = '<div markdown="1" class="notranslate">\nUne phrase.[^src:gardee]\n</div>\n'
    assert [(c.source_id, c.line) for c in find_citations(page)] == [("gardee", 2)]


def test_a_definition_kept_as_written_still_has_its_text():
    # a hand-written definition inside a do-not-translate container: its text is there to cite
    page = (
        "Une phrase.[^src:gardee]\n\n"
        '<div markdown="1" class="notranslate">\n\n[^src:gardee]: p. 12, tel quel.\n\n</div>\n'
    )
    document = parse_document(page)
    definition = find_definitions(document)["src:gardee"]
    assert definition.line == 5 and definition.block is not None
    assert document.blocks[definition.block].text == "p. 12, tel quel."


def _references_scanning_every_block(document):
    """find_references without its shortcut: every Markdown prose block scanned."""
    citations, malformed = [], []
    for block in document.prose_blocks():
        if block.is_plain_text:
            continue
        for piece in block.inline.pieces:
            if piece.kind != FOOTNOTE_REF:
                continue
            label = piece.text[2:-1]
            citation = Citation(
                label, parse_label(label) or label[4:].split(":")[0], piece_line(block, piece.start)
            )
            if parse_label(label) is not None:
                citations.append(citation)
            elif label.lower().startswith("src:"):
                malformed.append(citation)
    return citations, malformed


REFERENCE_PARTS = [
    "mot ",
    "[^src:a-1]",
    "[^src:Bad]",
    "[^SRC:x]",
    "[^1]",
    "[^src:b:k.2]",
    "`[^src:code]`",
    "[",
    "^",
    "]",
    "\\",
    "\n",
    "\n\n",
    "\n- ",
    "\n> ",
    "\n| a | b |\n|---|---|\n| ",
    "\n    ",
    "\n```\n",
    "<!-- ",
    " -->",
    "\n[^src:def]: ",
    "<div>",
]


@pytest.mark.parametrize("text", [PAGE, "[^", "a[^\nsrc:x]", "[\\^src:x]", "[^src:x]\n: def[^src:y]"])
def test_references_skip_no_block_holding_one(text):
    document = parse_document(text)
    found = find_references(document.prose_blocks())
    assert (found.citations, found.malformed) == _references_scanning_every_block(document)
    assert found.citations == find_citations(document)
    assert found.malformed == find_malformed_citations(document)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(REFERENCE_PARTS), max_size=14).map("".join))
def test_references_skip_no_block_holding_one_generated(text):
    document = parse_document(text)
    found = find_references(document.prose_blocks())
    assert (found.citations, found.malformed) == _references_scanning_every_block(document)


def _definitions_reading_to_the_end(document):
    """find_definitions as it was: a definition's paragraph looked for in the rest of the page."""
    found = {}
    for index, block in enumerate(document.blocks):
        label = str(block.meta.get("label", ""))
        if block.kind != "footnote" or parse_label(label) is None:
            continue
        children = range(index + 1, len(document.blocks))
        first = next(
            (c for c in children if document.blocks[c].parent == index and document.blocks[c].has_prose), None
        )
        found[label] = (block.line, first)
    return found


DEFINITION_PARTS = [
    "[^src:a]:",
    "[^src:b]: note",
    "[^1]: autre",
    "\n",
    "\n\n",
    "\n    suite",
    "\n    - point",
    "\n    > cité",
    "\n    | a | b |\n    |---|---|\n    | c | d |",
    '\n    <div markdown="1">\n    dedans\n    </div>',
    "\nparagraphe",
    "\n- liste",
    "\n!!! note\n    corps",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DEFINITION_PARTS), max_size=12).map("".join))
def test_definitions_found_inside_their_footnote_only(text):
    document = parse_document(text)
    found = {label: (d.line, d.block) for label, d in find_definitions(document).items()}
    assert found == _definitions_reading_to_the_end(document)
