"""The document model: a Markdown file cut into named blocks, each with its place in the file.

A :class:`Document` keeps the source text untouched and lists :class:`Block` objects in reading
order (pre-order: a container comes before what it contains). A block that carries prose says
exactly where that prose sits in the source (``spans``), so a translation is put back by replacing
those spans and nothing else: every byte outside them (markers, indentation, code, HTML, front
matter keys...) is preserved by construction.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import yaml

from bilingue.markdown.inline import InlineContext, InlineText, scan_inline

_T = TypeVar("_T")


class _once(Generic[_T]):
    """``functools.cached_property`` without its lock (Python 3.11 takes an ``RLock`` on every
    first read, a sixth of reading a block's inline pieces; 3.12 dropped it): the value is
    computed on the first read and stored in the instance's ``__dict__`` under the same name,
    where later reads find it without calling the descriptor at all. Two threads reading a
    block's first value at once both compute it, which is harmless (it is a pure function)."""

    def __init__(self, function: Callable[..., _T]) -> None:
        self.function = function
        self.name = function.__name__
        self.__doc__ = function.__doc__

    def __get__(self, instance: object, owner: type | None = None) -> _T:
        if instance is None:
            return self  # type: ignore[return-value]
        value = self.function(instance)
        instance.__dict__[self.name] = value
        return value


# Block kinds. Containers hold other blocks; prose kinds carry translatable text.
FRONT_MATTER = "front_matter"  # one translatable front-matter value (title, description...)
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
BLOCKQUOTE = "blockquote"
ADMONITION = "admonition"  # !!! / ??? / ???+ ; text = its title (may be empty)
TAB = "tab"  # === "label" ; text = the label
DEFINITION_TERM = "definition_term"
DEFINITION = "definition"
FOOTNOTE = "footnote"  # [^x]: ... container
ABBREVIATION = "abbreviation"  # *[X]: text ; text = the expansion
REFERENCE = "reference"  # [x]: url "title" ; text = the title (may be empty)
TABLE = "table"
TABLE_CELL = "table_cell"
HTML = "html"  # raw HTML block (protected) or the open/close tags of a markdown-enabled one
HTML_MARKDOWN = "html_markdown"  # <div markdown> container
CODE = "code"  # fenced or indented code (protected)
MATH = "math"  # $$ ... $$ or \[ ... \] (protected)
COMMENT = "comment"  # <!-- ... --> (protected)
RULE = "rule"  # --- *** ___
TOC = "toc"  # [TOC]: where the table of contents goes (protected)
HTML_TEXT = "html_text"  # words between the tags of a raw HTML block (inline prose, tags protected)
ATTRIBUTE = "attribute"  # a prose attribute value: title="...", alt="...", a fence's title (plain text)

PROSE_KINDS = frozenset(
    {
        FRONT_MATTER,
        HEADING,
        PARAGRAPH,
        ADMONITION,
        TAB,
        DEFINITION_TERM,
        ABBREVIATION,
        REFERENCE,
        TABLE_CELL,
        HTML_TEXT,
        ATTRIBUTE,
    }
)
# Prose kinds whose text is not Markdown inline content but a plain string (a YAML value, a
# quoted title, a link title): they are translated as plain text, without masking.
PLAIN_TEXT_KINDS = frozenset({FRONT_MATTER, REFERENCE, ATTRIBUTE})


@dataclass(eq=False)
class Block:
    """One block of the document.

    ``text`` is the prose a translator may change (empty for protected blocks); it is the
    concatenation of the source slices ``spans`` joined by newlines (container prefixes such as
    ``> `` or list indentation removed). ``raw`` is the whole source slice of the block.
    """

    kind: str
    line: int  # 1-based line of the block's first line in the file
    end_line: int  # 1-based, inclusive
    depth: int  # 0 at top level, +1 per enclosing container
    parent: int | None  # index of the enclosing container block in Document.blocks
    start: int  # offset of the block's first character in the file
    end: int  # offset just after its last character
    text: str = ""
    spans: tuple[tuple[int, int], ...] = ()
    continuation: str = ""  # prefix to put before every added line of a multi-line text
    meta: dict[str, object] = field(default_factory=dict)
    context: InlineContext | None = field(default=None, repr=False)
    source: str = field(default="", repr=False)  # the whole file (shared, not copied)

    @property
    def raw(self) -> str:
        """The block's whole source slice, container prefixes of later lines included."""
        return self.source[self.start : self.end]

    @property
    def has_prose(self) -> bool:
        """True when the block carries words a reader reads (some prose kinds may be empty, e.g.
        no title), translated or kept as written."""
        return self.kind in PROSE_KINDS and bool(self.spans) and bool(self.text.strip())

    @property
    def verbatim(self) -> bool:
        """True inside an element whose text the judge keeps as written (``<div markdown
        class="notranslate">``...: ``bilingue.markdown.verbatim``): its prose is never sent."""
        return bool(self.meta.get("verbatim"))

    @property
    def translatable(self) -> bool:
        """True when the block's prose is to be translated (it has some, and not verbatim)."""
        return self.has_prose and not self.verbatim

    @property
    def is_plain_text(self) -> bool:
        """True for prose that is a plain string (a YAML value, a link title), translated without masking."""
        return self.kind in PLAIN_TEXT_KINDS

    @_once
    def inline(self) -> InlineText:
        """The prose cut into text runs and protected pieces (inline code, links, tokens...)."""
        if self.is_plain_text:
            return InlineText(self.text, ())
        return scan_inline(self.text, self.context)

    @_once
    def key(self) -> str:
        """Stable identity of the block's content: kind + prose (or raw source when protected).

        Independent of the line number and of the surrounding blocks, so a translation memory
        keyed by it survives blocks moving around the file.
        """
        payload = f"{self.kind}\0{self.meta.get('level', '')}\0"
        payload += self.text if self.kind in PROSE_KINDS else self.raw
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def line_of(self, offset: int) -> int:
        """File line of a character offset inside ``text`` (for messages and linters)."""
        return self.line + self.text.count("\n", 0, offset) if self.spans else self.line

    def text_line(self) -> int:
        """File line where the prose starts (differs from ``line`` for e.g. table cells)."""
        return self.meta.get("text_line", self.line)  # type: ignore[return-value]


@dataclass(eq=False)
class Document:
    """A parsed Markdown file: its source text, front matter and blocks in reading order."""

    source: str
    blocks: list[Block]
    meta: dict[str, object]
    front_matter: str  # the raw front matter block ("" when none)
    context: InlineContext
    path: str = "<text>"

    def prose_blocks(self) -> list[Block]:
        """Blocks with prose, in reading order: what a reader reads (citations, word counts),
        kept-as-written blocks included; the translated ones are those ``.translatable``."""
        return [block for block in self.blocks if block.has_prose]

    def ancestors(self, block: Block) -> list[Block]:
        """Enclosing containers of ``block``, outermost first."""
        chain: list[Block] = []
        parent = block.parent
        while parent is not None:
            chain.append(self.blocks[parent])
            parent = self.blocks[parent].parent
        return chain[::-1]

    def replace_texts(self, new_texts: dict[int, str]) -> str:
        """The source with the prose of the given blocks (index -> new text) replaced.

        Lines of a multi-line text after the first get the block's continuation prefix, so a
        paragraph inside a list item or a block quote stays inside it.
        """
        edits: list[tuple[int, int, str]] = []
        for index, new_text in new_texts.items():
            block = self.blocks[index]
            if new_text == block.text or not block.spans:
                continue
            if block.kind == FRONT_MATTER:
                replacement = yaml_scalar(new_text, block.meta, _newline_after(self.source, block.end))
            else:
                replacement = _relayout(self.source, block, new_text)
            edits.append((block.spans[0][0], block.spans[-1][1], replacement))
        edits.sort()
        out: list[str] = []
        position = 0
        for start, end, replacement in edits:
            out.append(self.source[position:start])
            out.append(replacement)
            position = end
        out.append(self.source[position:])
        return "".join(out)


def yaml_scalar(value: str, layout: dict[str, object] | None = None, newline: str = "\n") -> str:
    """``value`` written as a YAML scalar in the original style: a block scalar (``|``, ``>``)
    keeps its header, indentation and line or paragraph breaks; any other value is one line,
    in the original quoting style when possible."""
    layout = layout or {}
    style = str(layout.get("style", ""))
    if style in ("|", ">") and value.strip():
        return _block_scalar(value, layout, newline)
    value = " ".join(value.split())  # front-matter titles and descriptions are one line
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    if style == "" and _plain_is_safe(value):
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML "..." scalar


def _block_scalar(value: str, layout: dict[str, object], newline: str) -> str:
    """``|`` keeps each line; ``>`` folds lines, so its paragraphs are separated by blank lines."""
    indent = str(layout.get("indent") or "  ")
    items = value.rstrip("\n").split("\n")
    lines: list[str] = []
    for number, item in enumerate(items):
        if number and layout.get("style") == ">":
            lines.append("")
        if item or layout.get("style") == "|":
            lines.append(indent + item if item else "")
    return str(layout.get("header", layout.get("style"))) + newline + newline.join(lines)


def _newline_after(source: str, position: int) -> str:
    return "\r\n" if source.startswith("\r\n", position) else "\n"


def _plain_is_safe(value: str) -> bool:
    try:
        return yaml.safe_load(f"k: {value}") == {"k": value}
    except yaml.YAMLError:
        return False


def _relayout(source: str, block: Block, new_text: str) -> str:
    """Lay out ``new_text`` over the block's lines: original prefixes first, then the default."""
    lines = new_text.split("\n")
    newline = "\r\n" if source[block.spans[-1][1] : block.spans[-1][1] + 2] == "\r\n" else "\n"
    prefixes: list[str] = []
    for (_, end), (next_start, _) in zip(block.spans, block.spans[1:], strict=False):
        between = source[end:next_start]
        prefixes.append(between[len(newline) :] if between.startswith(newline) else block.continuation)
    out = [lines[0]]
    for number, line in enumerate(lines[1:]):
        prefix = prefixes[number] if number < len(prefixes) else block.continuation
        out.append(prefix + line if line else line)
    return newline.join(out)
