"""The prose inside a raw HTML block: what a reader sees, and nothing a browser runs.

A raw HTML block (``<details>`` with its ``<summary>``, ``<p markdown>…</p>``, a ``<figure>``...)
is protected as a whole, except for:

- text between tags, one stretch per line from its first to its last word (tags inside the
  stretch stay protected inline pieces, with their own prose attributes), never inside a
  comment nor an element whose text the judge keeps verbatim (``code``, ``pre``, math, an
  element with ``translate="no"`` or ``class="notranslate"``...: the one rule of
  ``bilingue.markdown.verbatim``) nor inside ``kbd``, ``textarea`` or ``svg``;
- values of prose attributes (``title``, ``alt``, ``aria-label``, ``placeholder``, ``summary``)
  of the tags outside such stretches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bilingue.markdown.verbatim import LEFT_ALONE_IN_RAW_HTML, VOID_TAGS, opens_verbatim

#: attributes whose values readers see or hear as words
PROSE_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder", "summary")


@dataclass
class LineProse:
    """Prose found on one line: text stretches and attribute values, as (start, end) in the line."""

    texts: list[tuple[int, int]] = field(default_factory=list)
    attributes: list[tuple[str, str, int, int]] = field(default_factory=list)  # name, quote, start, end


def html_prose(lines: list[str]) -> list[LineProse]:
    """For each line of a raw HTML block, the prose it holds."""
    state = _State()
    return [_line_prose(text, state) for text in lines]


def prose_attributes(tag: str) -> list[tuple[str, str, int, int]]:
    """``(name, quote, start, end)`` of each non-empty prose attribute value in a tag's text."""
    return [
        (match.group(1).lower(), match.group(2), match.start(3), match.end(3))
        for match in PROSE_ATTRIBUTE.finditer(tag)
        if _LETTER.search(match.group(3))
    ]


@dataclass
class _State:
    comment: bool = False  # inside <!-- ... -->
    tag: bool = False  # inside a tag whose ">" is on a later line
    opening: str | None = None  # the text so far of an opening tag whose ">" is on a later line
    opening_name: str = ""  # that tag's name
    verbatim: str | None = None  # inside <script>, <pre>, <span translate="no">... (its name)
    depth: int = 0  # elements of that name open inside it, itself included


def _line_prose(text: str, state: _State) -> LineProse:
    segments = _segments(text, state)
    prose = LineProse()
    run: list[tuple[int, int, str]] = []
    for segment in [*segments, (len(text), len(text), "skip")]:
        if segment[2] == "skip":
            _add_run(text, run, prose)
            run = []
        else:
            run.append(segment)
    return prose


def _segments(text: str, state: _State) -> list[tuple[int, int, str]]:
    """The line cut into ``text``, ``tag`` and ``skip`` (comments, verbatim content) segments."""
    out: list[tuple[int, int, str]] = []
    position = 0
    while position < len(text):
        if state.comment or state.tag:  # a comment or a tag that began on an earlier line
            closing = "-->" if state.comment else ">"
            found = text.find(closing, position)
            end = len(text) if found < 0 else found + len(closing)
            if state.opening is not None:
                state.opening += " " + text[position:end]
            if found >= 0:
                state.comment = state.tag = False
                if state.opening is not None:
                    _open(state.opening_name, state.opening, state)
                    state.opening = None
            out.append((position, end, "skip"))
            position = end
            continue
        match = _TOKEN.search(text, position)
        start = match.start() if match else len(text)
        if start > position:
            out.append((position, start, "skip" if state.verbatim else "text"))
        if not match:
            break
        position = match.end()
        if match.group("comment") is not None:
            state.comment = not match.group(0).endswith("-->")
            out.append((start, position, "skip"))
            continue
        state.tag = not match.group(0).endswith(">")
        out.append((start, position, _tag_kind(match, state)))
    return out


def _tag_kind(match: re.Match[str], state: _State) -> str:
    name = match.group("name").lower()
    closing = bool(match.group("closing"))
    if state.verbatim:
        if name == state.verbatim and not match.group(0).endswith("/>"):
            state.depth += -1 if closing else 1  # a nested <span> must not end <span translate="no">
            if not state.depth:
                state.verbatim = None
        return "skip"
    if state.tag:  # its ">" is on a later line: whether its content is prose is known there
        if not closing:
            state.opening, state.opening_name = match.group(0), name
        return "skip"
    if not closing and _open(name, match.group(0), state):
        return "skip"
    return "tag"


def _open(name: str, tag: str, state: _State) -> bool:
    """Enter the verbatim state when the complete opening tag ``tag`` (named ``name``) starts an
    element whose text is not prose (True then)."""
    if name in VOID_TAGS or tag.endswith("/>"):
        return False
    if name in LEFT_ALONE_IN_RAW_HTML or opens_verbatim(name, tag):
        state.verbatim, state.depth = name, 1
        return True
    return False


def _add_run(text: str, run: list[tuple[int, int, str]], prose: LineProse) -> None:
    """A run of text and tags between skipped parts: its words as one stretch, and the prose
    attributes of the tags outside that stretch."""
    words = [(start, end) for start, end, kind in run if kind == "text" and _LETTER.search(text[start:end])]
    first = last = None
    if words:
        first = _first_character(text, *words[0])
        last = _after_last_character(text, *words[-1])
        prose.texts.append((first, last))
    for start, end, kind in run:
        if kind != "tag" or (first is not None and first <= start and end <= last):
            continue
        for name, quote, a, b in prose_attributes(text[start:end]):
            prose.attributes.append((name, quote, start + a, start + b))


def _first_character(text: str, start: int, end: int) -> int:
    return start + len(text[start:end]) - len(text[start:end].lstrip())


def _after_last_character(text: str, start: int, end: int) -> int:
    return end - (len(text[start:end]) - len(text[start:end].rstrip()))


_TOKEN = re.compile(
    r"(?P<comment><!--(?:.*?-->|.*$))|<(?P<closing>/?)(?P<name>[A-Za-z][A-Za-z0-9\-]*)[^>]*>?"
)
PROSE_ATTRIBUTE = re.compile(
    r"""(?<=\s)(""" + "|".join(PROSE_ATTRIBUTES) + r""")\s*=\s*(["'])(.*?)\2""", re.IGNORECASE
)
_LETTER = re.compile(r"[^\W\d_]")
