"""Many short texts in one request, and long texts cut to fit.

Services that take one string per request (Google, MyMemory, LibreTranslate through
deep-translator) get a *pack*: texts joined by numbered separator lines ``[[§1]]``, ``[[§2]]``...
Numbers survive machine translation; the split accepts the spacing changes services make
(``[[ § 2 ]]``) but demands every separator, once, in order, with a non-empty piece between. Any
other answer is a mismatch and the caller retries with smaller packs, down to one text per
request, which needs no separator at all.

Texts longer than a request allows are cut at sentence boundaries (at spaces if one sentence is
too long) and the pieces are joined back with the original whitespace.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

Measure = Callable[[str], int]


def measure_chars(text: str) -> int:
    """A text's size in characters (most services)."""
    return len(text)


def measure_utf8(text: str) -> int:
    """A text's size in bytes of UTF-8 (MyMemory counts so)."""
    return len(text.encode("utf-8"))


def separator(number: int) -> str:
    """The separator line put before text ``number`` of a joined pack."""
    return f"\n\n[[§{number}]]\n\n"


def join_pack(texts: Sequence[str]) -> str:
    """One string carrying every text, separated by numbered separator lines."""
    parts = [texts[0]]
    for number, text in enumerate(texts[1:], start=1):
        parts.append(separator(number))
        parts.append(text)
    return "".join(parts)


def split_pack(translated: str, count: int) -> list[str] | None:
    """The ``count`` pieces of a translated pack, or None when the separators came back damaged."""
    if count == 1:
        return [translated.strip()]
    matches = list(_SEPARATOR.finditer(translated))
    if [int(match.group(1)) for match in matches] != list(range(1, count)):
        return None
    pieces, start = [], 0
    for match in matches:
        pieces.append(translated[start : match.start()].strip())
        start = match.end()
    pieces.append(translated[start:].strip())
    if any(not piece for piece in pieces):
        return None
    return pieces


def make_packs(
    texts: Sequence[str], limit: int, max_items: int, measure: Measure, joined: bool
) -> list[list[int]]:
    """Group text indices, in order, into packs whose request size stays within ``limit``.

    ``joined`` packs pay for their separators; native batches (DeepL, Microsoft) do not.
    Every text must already fit alone (see ``split_long``).
    """
    packs: list[list[int]] = []
    current: list[int] = []
    size = 0
    for index, text in enumerate(texts):
        cost = measure(text) + (measure(separator(len(current))) if joined and current else 0)
        if current and (size + cost > limit or len(current) >= max_items):
            packs.append(current)
            current, size = [], 0
            cost = measure(text)
        current.append(index)
        size += cost
    if current:
        packs.append(current)
    return packs


def split_long(text: str, limit: int, measure: Measure) -> tuple[list[str], list[str]]:
    """Cut ``text`` into pieces of at most ``limit``; return (pieces, whitespace between them)."""
    if measure(text) <= limit:
        return [text], []
    # units: sentences, and words of sentences that are too long by themselves
    units: list[str] = []
    glue: list[str] = []
    for sentence, space in _pairs(_SENTENCE_END, text):
        if measure(sentence) <= limit:
            units.append(sentence)
            glue.append(space)
            continue
        words = list(_pairs(_SPACE, sentence))
        for position, (word, word_space) in enumerate(words):
            for chunk in _hard_cut(word, limit, measure):
                units.append(chunk)
                glue.append("")
            glue[-1] = word_space if position < len(words) - 1 else space
    glue = glue[:-1]
    pieces, joins = [units[0]], []
    for unit, space in zip(units[1:], glue, strict=True):
        if measure(pieces[-1] + space + unit) <= limit:
            pieces[-1] += space + unit
        else:
            pieces.append(unit)
            joins.append(space)
    return pieces, joins


def _pairs(pattern: re.Pattern[str], text: str):
    """(segment, whitespace after it) for the parts of ``text`` split at ``pattern``."""
    start = 0
    for match in pattern.finditer(text):
        yield text[start : match.start()], match.group(0)
        start = match.end()
    yield text[start:], ""


def _hard_cut(word: str, limit: int, measure: Measure) -> list[str]:
    # a "word" longer than a request (a URL-like run): cut it, there is no better place
    chunks, current = [], ""
    for char in word:
        if current and measure(current + char) > limit:
            chunks.append(current)
            current = ""
        current += char
    return [*chunks, current]


_SEPARATOR = re.compile(r"\s*\[\[\s*§\s*(\d+)\s*\]\]\s*")
# whitespace after . ! ? … (or after one closed by a quote or bracket) ends a sentence,
# unless a French closing guillemet follows the space
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?![»”)\]])|(?<=[.!?…][»\")\]’”])\s+")
_SPACE = re.compile(r"\s+")
