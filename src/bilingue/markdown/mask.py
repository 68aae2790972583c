"""Masking: a block's prose as the string a translation service sees, and back.

Every protected piece becomes a numbered XML-like tag: a paired piece (emphasis, mark, link or
image brackets) becomes ``<mN>`` ... ``</mN>`` around the words it formats, so the service can
move it with those words; any other piece becomes ``<mN/>``. Services built for HTML/XML
(Google's and DeepL's tag handling, LLMs) keep such tags; the ones that damage them do it in
known ways (spaces, case, escaping, duplicates, drops) that :mod:`bilingue.markdown.repair`
undoes before :func:`unmask` checks that every tag came back exactly once.

Soft line breaks become spaces (a sentence cut over two source lines is still one sentence for
the service); hard breaks are pieces. Link titles are sent as separate strings (``titles``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bilingue.errors import BilingueError
from bilingue.markdown.inline import CLOSE, HARD_BREAK, OPEN, InlineText, Piece

TOKEN = re.compile(r"<(/?)m(\d+)(/?)>")


class MaskError(BilingueError):
    """A translated string whose tags do not match the ones sent."""


@dataclass(frozen=True)
class Masked:
    """A block's prose as a translation service sees it (``<m1>…</m1>`` tags), and what the tags stand for."""

    inline: InlineText
    text: str  # what the service is asked to translate
    tokens: dict[str, Piece]  # "<m1>" / "</m1>" / "<m2/>" -> piece
    order: tuple[str, ...]  # tokens in source order
    titles: tuple[str, ...]  # link titles, translated as separate strings
    title_owner: tuple[str, ...]  # the close token each title belongs to


def mask(inline: InlineText) -> Masked:
    """The string to send for ``inline`` (a block's prose) plus what is needed to restore it."""
    parts: list[str] = []
    tokens: dict[str, Piece] = {}
    order: list[str] = []
    titles: list[str] = []
    owners: list[str] = []
    numbers: dict[int, int] = {}  # piece index -> tag number
    for segment in _indexed(inline):
        if isinstance(segment, str):
            parts.append(segment.replace("\n", " "))
            continue
        index, piece = segment
        if piece.role == CLOSE:
            token = f"</m{numbers[piece.partner]}>"
        else:
            numbers[index] = len(numbers) + 1
            token = f"<m{numbers[index]}>" if piece.role == OPEN else f"<m{numbers[index]}/>"
        tokens[token] = piece
        order.append(token)
        parts.append(token)
        if piece.title and piece.title[1] > piece.title[0]:
            titles.append(piece.text[piece.title[0] : piece.title[1]])
            owners.append(token)
    return Masked(inline, "".join(parts), tokens, tuple(order), tuple(titles), tuple(owners))


def unmask(masked: Masked, translated: str, titles: list[str] | tuple[str, ...] = ()) -> str:
    """Markdown prose from a translated masked string; MaskError if tags are missing/extra."""
    found = [match.group(0) for match in TOKEN.finditer(translated)]
    if sorted(found) != sorted(masked.order):
        raise MaskError(_tag_problem(masked.order, found))
    _check_pairs(found)
    title_of = dict(zip(masked.title_owner, titles or masked.titles, strict=False))
    out: list[str] = []
    position = 0
    after_break = False
    for match in TOKEN.finditer(translated):
        run = translated[position : match.start()].replace("\n", " ")
        out.append(run.lstrip(" ") if after_break else run)
        token = match.group(0)
        piece = masked.tokens[token]
        out.append(_piece_text(piece, title_of.get(token)))
        after_break = piece.kind == HARD_BREAK
        position = match.end()
    tail = translated[position:].replace("\n", " ")
    out.append(tail.lstrip(" ") if after_break else tail)
    return "".join(out)


def split_runs(masked: Masked) -> list[str]:
    """The prose runs between tags, in order (for translating a block piece by piece)."""
    return TOKEN.split(masked.text)[::4]


def join_runs(masked: Masked, runs: list[str], titles: list[str] | tuple[str, ...] = ()) -> str:
    """Rebuild a masked string from translated runs, tags in their source order."""
    parts: list[str] = []
    for run, token in zip(runs, (*masked.order, ""), strict=True):
        parts.append(run)
        parts.append(token)
    return "".join(parts)


def _indexed(inline: InlineText):
    position = 0
    for index, piece in enumerate(inline.pieces):
        if piece.start > position:
            yield inline.text[position : piece.start]
        yield index, piece
        position = piece.end
    if position < len(inline.text):
        yield inline.text[position:]


def _piece_text(piece: Piece, title: str | None) -> str:
    if title is None or not piece.title:
        return piece.text
    start, end = piece.title
    quote = piece.text[start - 1]
    title = " ".join(title.split())
    if quote == '"':
        title = title.replace('"', "&quot;")
    elif quote == "'":
        title = title.replace("'", "&#39;")
    else:
        title = title.replace(")", "&#41;")
    return piece.text[:start] + title + piece.text[end:]


def _check_pairs(found: list[str]) -> None:
    seen: set[str] = set()
    for token in found:
        if token.startswith("</"):
            if "<" + token[2:] not in seen:
                raise MaskError(f"closing tag {token} comes before its opening tag")
        else:
            seen.add(token)


def _tag_problem(expected: tuple[str, ...], found: list[str]) -> str:
    missing = sorted(set(expected) - set(found))
    extra = sorted(set(found) - set(expected))
    doubled = sorted({token for token in found if found.count(token) > 1})
    problems = []
    if missing:
        problems.append("missing " + " ".join(missing))
    if extra:
        problems.append("unexpected " + " ".join(extra))
    if doubled:
        problems.append("repeated " + " ".join(doubled))
    return "tags not returned intact: " + "; ".join(problems)
