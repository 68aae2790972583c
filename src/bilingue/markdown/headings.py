"""Heading ids exactly as the site's ``toc`` extension computes them.

Python-Markdown's toc gives every heading the id ``slugify(text)`` made unique with ``_1``,
``_2``... suffixes, unless the heading carries an explicit ``{ #id }`` attribute list. The
translator keeps English ids equal to the French ones by writing ``{ #french-id }`` on every
translated heading whose own slug would differ (as FastAPI's docs do by hand).
"""

from __future__ import annotations

import re

from bilingue.markdown.inline import ATTR_LIST, InlineText
from bilingue.markdown.model import HEADING, Block, Document

SEPARATOR = "-"  # toc's default (mkdocs.yml does not change it)


def slugify(text: str) -> str:
    """The site's slug for a heading's visible text (``Un "métier" difficile`` -> ``un-metier-difficile``)."""
    # imported here: importing Python-Markdown costs a short command (status) more than its work
    from markdown.extensions.toc import slugify as toc_slugify

    return toc_slugify(text, SEPARATOR)


def explicit_id(inline: InlineText) -> str | None:
    """The ``#id`` of an attribute list at the end of a heading, if any."""
    for piece in reversed(inline.pieces):
        if piece.kind == ATTR_LIST and piece.end >= len(inline.text.rstrip()):
            match = _ID.search(piece.text)
            return match.group(1) if match else None
        break
    return None


def heading_slug(block: Block) -> str:
    """The slug of a heading's visible text, before de-duplication (attribute lists removed)."""
    return slugify(_visible(block.inline))


def heading_ids(document: Document) -> dict[int, str]:
    """Block index -> id of every heading, as toc will render it (explicit ids first)."""
    headings = [(index, block) for index, block in enumerate(document.blocks) if block.kind == HEADING]
    explicit = {index: explicit_id(block.inline) for index, block in headings}
    used = {value for value in explicit.values() if value}
    ids: dict[int, str] = {}
    for index, block in headings:
        if explicit[index]:
            ids[index] = explicit[index]  # type: ignore[assignment]
            continue
        ids[index] = _unique(heading_slug(block), used)
    return ids


def with_heading_id(text: str, heading_id: str) -> str:
    """Give a heading's text an explicit id: ``Title { #id }``, or ``{ #id .c }`` if it had ``{ .c }``.

    (attr_list only reads the last attribute list of a heading, so an existing one is extended.)
    """
    text = text.rstrip()
    existing = _TRAILING_ATTR.search(text)
    if existing:
        return text[: existing.start(1)] + f"#{heading_id} " + text[existing.start(1) :]
    return f"{text} {{ #{heading_id} }}"


def without_added_id(attr: str) -> str:
    """Undo :func:`with_heading_id` on an attribute list ("" if nothing else was in it)."""
    match = _LEADING_ID.fullmatch(attr)
    if not match:
        return attr
    rest = match.group(2)
    return "{" + match.group(1) + rest.lstrip(" ") + "}" if rest.strip() else ""


def _visible(inline: InlineText) -> str:
    text = inline.plain_text()
    return text.strip()


def _unique(slug: str, used: set[str]) -> str:
    """toc's unique(): ``notes``, ``notes_1``, ``notes_2``..."""
    candidate = slug
    while candidate in used or not candidate:
        match = _COUNT.match(candidate)
        candidate = f"{match.group(1)}_{int(match.group(2)) + 1}" if match else f"{candidate}_1"
    used.add(candidate)
    return candidate


_ID = re.compile(r"#([\w\-:.]+)")
_TRAILING_ATTR = re.compile(r"\{:?[ ]*([^}\n]*)\}$")
_LEADING_ID = re.compile(r"\{(:?[ ]*)#[\w\-:.]+(.*)\}", re.DOTALL)
_COUNT = re.compile(r"^(.*)_([0-9]+)$")
