"""Sentences of a page's prose, with the sources each one cites (for the numeric-claim checks).

Built on the project's Markdown model (``bilingue.markdown``): only prose blocks are read
(headings, paragraphs, list items, table cells, admonition titles...), never code, HTML, math,
front matter or footnote definitions (a footnote is already a note about a source). Protected
inline pieces (code, URLs, markup, footnote references) are blanked to spaces of the same
length, so offsets still point into the block and numbers inside a URL are not read as claims.

A citation placed right after a sentence's final punctuation belongs to that sentence
("... de l'histoire.[^src:openai-2024] La valuation ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bilingue.markdown import FOOTNOTE_REF, Block, Document, kinds, parse_document
from bilingue.sources.citations import parse_label, piece_line


@dataclass(frozen=True)
class Sentence:
    """One sentence of prose: its text (protected pieces blanked) and the source ids it cites."""

    text: str
    citations: tuple[str, ...]
    block: Block
    start: int  # offset of the sentence in block.text

    def line_of(self, offset: int) -> int:
        """File line of an offset in ``text``."""
        return piece_line(self.block, self.start + offset)


def sentences(text: str | Document, language: str) -> Iterator[Sentence]:
    """The sentences of every prose block of a page, in reading order.

    ``language`` is accepted for symmetry with the number reader; the split rule (``.``, ``!``,
    ``?`` or ``…`` then a space, French spaced ``?`` included) is the same in both languages.
    """
    document = text if isinstance(text, Document) else parse_document(text)
    for block in document.blocks:
        if not block.has_prose or block.is_plain_text or block.kind == kinds.ABBREVIATION:
            continue
        if any(ancestor.kind == kinds.FOOTNOTE for ancestor in document.ancestors(block)):
            continue
        yield from _split(block)


def _split(block: Block) -> Iterator[Sentence]:
    masked = list(block.text)
    cited: list[tuple[int, str]] = []
    for piece in block.inline.pieces:
        masked[piece.start : piece.end] = " " * (piece.end - piece.start)
        if piece.kind == FOOTNOTE_REF:
            source_id = parse_label(piece.text[2:-1])
            if source_id is not None:
                cited.append((piece.start, source_id))
    flat = "".join(masked)
    start = 0
    for boundary in [*(match.end() for match in _BOUNDARY.finditer(flat)), len(flat)]:
        if boundary <= start:
            continue
        ids = tuple(source_id for offset, source_id in cited if start <= offset < boundary)
        if flat[start:boundary].strip():
            yield Sentence(flat[start:boundary], ids, block, start)
        start = boundary


# ---------------------------------------------------------------------------------------------------
# Data

# End of a sentence: final punctuation, optional closing quotes/brackets, then whitespace (the
# blanked footnote references after the punctuation are part of that whitespace).
_BOUNDARY = re.compile(r"[.!?…]+[»”\"’)\]]*\s+")
