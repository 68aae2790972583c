"""The citation syntax, and finding citations in a Markdown page.

An author cites a source with a footnote reference whose label starts with ``src:``::

    lève 6.6 milliards de dollars[^src:openai-2024].
    à 150 milliards[^src:openai-2024:valuation], est vertigineuse.

``[^src:ID]`` is ordinary Markdown (the ``footnotes`` extension), so the page stays valid even
without the build, and the translation pipeline protects footnote references byte for byte.
An optional third part (``src:ID:KEY``, letters, digits, ``-``, ``_``, ``.``) only makes a
separate footnote, for example to attach a different locator to a second citation of the same
source. A page or a short note is written as a normal footnote definition for that label::

    [^src:wolf-2023:table]: tableau 2, p. 2065.

The build keeps that text and puts the source's full reference in front of it; the definition is
prose, so the translation pipeline translates it like any other paragraph. Footnotes whose label
does not start with ``src:`` are left entirely alone.

Pages are read with the project's Markdown model (``bilingue.markdown``): a reference inside code,
a code block or an HTML comment is not a citation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from bilingue.files import read_text
from bilingue.markdown import FOOTNOTE_REF, Block, Document, Piece, kinds, parse_document


@dataclass(frozen=True)
class Citation:
    """One ``[^src:...]`` reference in a page."""

    label: str  # the whole footnote label, "src:openai-2024:valuation"
    source_id: str  # "openai-2024"
    line: int  # 1-based line in the text given


@dataclass(frozen=True)
class Definition:
    """A hand-written definition for a ``src:`` label (the author's locator or note)."""

    label: str
    line: int
    block: int | None  # index in Document.blocks of its first paragraph (None when empty)


def parse_label(label: str) -> str | None:
    """The source id a footnote label cites, or None when it is not a citation label."""
    match = _LABEL.fullmatch(label)
    return match.group("id") if match else None


def read_page(path: Path | str) -> Document:
    """A page of the site through the Markdown model; any problem names the file (and line)."""
    return parse_document(read_text(path), path=path)


class References(NamedTuple):
    """The ``src:`` footnote references of some prose, in reading order."""

    citations: list[Citation]  # well-formed: they cite a source
    malformed: list[Citation]  # see find_malformed_citations


def find_citations(text: str | Document) -> list[Citation]:
    """Every citation reference in ``text`` (a page, front matter included or not), in order."""
    if isinstance(text, str) and "[^" not in text:  # no footnote reference at all: not parsed
        return []
    document = text if isinstance(text, Document) else parse_document(text)
    return find_references(document.prose_blocks()).citations


def find_malformed_citations(text: str | Document) -> list[Citation]:
    """References that mean to cite a source (label ``src:...``, any case) but do not follow the
    syntax: ``[^src:Evil-Src]`` would otherwise pass every check and show as literal text.
    ``source_id`` is the id part as written."""
    document = text if isinstance(text, Document) else parse_document(text)
    return find_references(document.prose_blocks()).malformed


def find_references(blocks: Iterable[Block]) -> References:
    """The citations and the malformed ``src:`` references of prose blocks (a page's
    ``prose_blocks()``), both found in one reading of their footnote references."""
    citations, malformed = [], []
    for block, piece in _footnote_references(blocks):
        label = piece.text[2:-1]
        source_id = parse_label(label)
        if source_id is not None:
            citations.append(Citation(label, source_id, piece_line(block, piece.start)))
        elif label.lower().startswith("src:"):
            written_id = label[4:].split(":")[0]
            malformed.append(Citation(label, written_id, piece_line(block, piece.start)))
    return References(citations, malformed)


def _footnote_references(blocks: Iterable[Block]) -> Iterator[tuple[Block, Piece]]:
    """Each footnote reference piece of the Markdown prose blocks, with its block."""
    for block in blocks:
        # A footnote reference is a piece of the block's text that starts with "[^": a text
        # without "[^" has none, and is not scanned for them (the scan is the costly part).
        if block.is_plain_text or "[^" not in block.text:
            continue
        for piece in block.inline.pieces:
            if piece.kind == FOOTNOTE_REF:
                yield block, piece


def normalized_id(written: str) -> str:
    """What a malformed id most likely meant: lower case, other characters as ``-``."""
    return re.sub(r"[^a-z0-9]+", "-", written.lower()).strip("-")


def find_definitions(document: Document) -> dict[str, Definition]:
    """Hand-written definitions of ``src:`` labels in a parsed page, by label."""
    found = {}
    blocks = document.blocks
    for index, block in enumerate(blocks):
        if block.kind != kinds.FOOTNOTE:
            continue
        label = str(block.meta.get("label", ""))
        if parse_label(label) is None:
            continue
        first = next(
            (
                child
                for child in _subtree(blocks, index)
                if blocks[child].parent == index and blocks[child].has_prose
            ),
            None,
        )
        found[label] = Definition(label, block.line, first)
    return found


def _subtree(blocks: list[Block], index: int) -> range:
    """Indexes of the blocks inside ``blocks[index]``: they follow it (reading order), deeper
    than it, up to the first block that is not. (Looking for a definition's paragraph beyond
    them read the rest of the page for each empty definition: 4,000 of them took 0.3 s,
    40,000 half a minute.)"""
    depth = blocks[index].depth
    end = index + 1
    while end < len(blocks) and blocks[end].depth > depth:
        end += 1
    return range(index + 1, end)


def piece_line(block: Block, offset: int) -> int:
    """File line of an offset in a block's prose (table cells know only their row's line)."""
    return block.text_line() if block.kind == kinds.TABLE_CELL else block.line_of(offset)


# ---------------------------------------------------------------------------------------------------
# Data

_LABEL = re.compile(r"src:(?P<id>[a-z0-9][a-z0-9-]*)(?::[A-Za-z0-9_.-]+)?")
