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
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Citation:
    """One ``[^src:...]`` reference in a page."""

    label: str  # the whole footnote label, "src:openai-2024:valuation"
    source_id: str  # "openai-2024"
    line: int  # 1-based line in the file
    column: int  # 1-based column of the "["


@dataclass(frozen=True)
class Definition:
    """A hand-written definition for a ``src:`` label (the author's locator or note)."""

    label: str
    text: str
    line: int


def parse_label(label: str) -> str | None:
    """The source id a footnote label cites, or None when it is not a citation label."""
    match = _LABEL.fullmatch(label)
    return match.group("id") if match else None


def find_citations(text: str, first_line: int = 1) -> list[Citation]:
    """Every citation reference in ``text`` (definitions excluded), in reading order.

    ``first_line`` is the file line ``text`` starts on (after front matter, for instance).
    Lines inside fenced code blocks are skipped: an example of the syntax is not a citation.
    """
    citations = []
    for number, line in _lines_outside_fences(text, first_line):
        definition = _DEFINITION.match(line)
        for match in _REFERENCE.finditer(line):
            if definition and match.start() == definition.start("open"):
                continue  # the label of a definition, not a reference
            source_id = parse_label(match.group("label"))
            if source_id is not None:
                citations.append(Citation(match.group("label"), source_id, number,
                                          match.start() + 1))
    return citations


def find_definitions(text: str, first_line: int = 1) -> dict[str, Definition]:
    """Hand-written definitions of ``src:`` labels, by label."""
    found = {}
    for number, line in _lines_outside_fences(text, first_line):
        match = _DEFINITION.match(line)
        if match and parse_label(match.group("label")) is not None:
            found[match.group("label")] = Definition(match.group("label"),
                                                     match.group("text").strip(), number)
    return found


def _lines_outside_fences(text: str, first_line: int):
    fence: str | None = None
    for offset, line in enumerate(text.split("\n")):
        stripped = line.lstrip()
        marker = _FENCE.match(stripped)
        if fence is None and marker:
            fence = marker.group(0)[0] * len(marker.group(0))
            continue
        if fence is not None:
            if stripped.startswith(fence) and not stripped[len(fence):].strip(fence[0]).strip():
                fence = None
            continue
        yield first_line + offset, line


# ---------------------------------------------------------------------------------------------------
# Data

_LABEL = re.compile(r"src:(?P<id>[a-z0-9][a-z0-9-]*)(?::[A-Za-z0-9_.-]+)?")
# Python-Markdown's own footnote patterns: a reference is `[^label]` anywhere; a definition is
# `[^label]:` at the start of a line (up to 3 spaces of indent).
_REFERENCE = re.compile(r"\[\^(?P<label>[^\]\s]+)\]")
_DEFINITION = re.compile(r"^ {0,3}(?P<open>\[)\^(?P<label>[^\]\s]+)\]:[ \t]*(?P<text>.*)$")
_FENCE = re.compile(r"^(`{3,}|~{3,})")
