"""Segmenter: Markdown source -> :class:`~bilingue.markdown.model.Document`.

Line-based and linear: every line is looked at a bounded number of times. It follows how the
SITE renders (Python-Markdown + the extensions of mkdocs.yml): tabs are 4 columns, 4-column
indentation for nested content, admonitions/details/tabs bodies indented by 4, a list after a
paragraph needs a blank line at top level, ``1986. Text`` at a block start is an ordered list,
setext headings only on a block's first line, tables only at a block start, ``[TOC]`` alone is
the table of contents, an attribute list alone on a paragraph's last line belongs to the
paragraph, and so on.

Each container's content is parsed recursively on its lines with the container prefix removed;
a :class:`~bilingue.markdown.lines.Line` remembers its file line number and where each of its
characters sits in the file, so prose spans always point into the original source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from bilingue import yaml_input
from bilingue.frontmatter import split_front_matter
from bilingue.markdown import model as m
from bilingue.markdown.html_prose import html_prose
from bilingue.markdown.inline import InlineContext, syntax_characters
from bilingue.markdown.lines import Line, source_lines
from bilingue.markdown.verbatim import opens_verbatim

DEFAULT_FRONT_MATTER_KEYS = ("title", "description", "summary")

Span = tuple[int, int]


def parse_document(
    text: str,
    *,
    path: Path | str = "<text>",
    terms: Iterable[str] = (),
    front_matter_keys: Iterable[str] = DEFAULT_FRONT_MATTER_KEYS,
) -> m.Document:
    """Cut ``text`` into blocks. ``terms`` are glossary terms kept as written (protected).

    Raises :class:`bilingue.errors.SourceFileError` on invalid front matter.
    """
    split = split_front_matter(text, path)
    lines = source_lines(text, split.body_offset, split.body_line)
    abbreviations, references = _definitions(split.body)
    context = InlineContext(terms=tuple(terms) + abbreviations, references=references)
    blocks: list[m.Block] = []
    keys = tuple(front_matter_keys)
    if split.front_matter and keys:  # (no keys: no block, so the YAML is not composed again)
        start = len(split.bom)
        blocks.extend(_front_matter_blocks(text, start, split.front_matter, keys, context))
    _Parser(text, blocks, context).parse(_Scope(lines, 0, None, "", False))
    return m.Document(text, blocks, split.meta, split.front_matter, context, str(path))


def _definitions(body: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """Abbreviation terms (kept as written in the prose) and reference labels of the file."""
    lines = "\n" + body  # each definition starts a line: see _ABBR_DEF
    abbreviations = tuple(match.group(1) for match in _ABBR_DEF.finditer(lines))
    references = frozenset(" ".join(match.group(1).split()).lower() for match in _REF_LABEL.finditer(lines))
    return abbreviations, references


def _front_matter_blocks(
    text: str, start: int, raw: str, keys: tuple[str, ...], context: InlineContext
) -> list[m.Block]:
    """One block per translatable front-matter value that is a string (``raw`` is at ``start``)."""
    yaml_start = start + raw.index("\n") + 1
    yaml_text = raw[raw.index("\n") + 1 : raw.rstrip("\r\n").rfind("\n") + 1]  # without the closing ---
    try:
        node = yaml_input.compose(yaml_text)
    except yaml.YAMLError:
        return []  # split_front_matter already validated; be lenient about exotic YAML
    if not isinstance(node, yaml.MappingNode):
        return []
    blocks = []
    for key_node, value_node in node.value:
        if key_node.value not in keys or not isinstance(value_node, yaml.ScalarNode):
            continue
        if value_node.tag != "tag:yaml.org,2002:str" or not value_node.value.strip():
            continue
        value_start = yaml_start + value_node.start_mark.index
        end = yaml_start + value_node.end_mark.index
        end = value_start + len(text[value_start:end].rstrip())  # a block scalar's mark ends on the next line
        meta: dict[str, object] = {"key": key_node.value, "style": value_node.style or ""}
        if value_node.style in ("|", ">"):
            meta.update(_block_scalar_layout(text, value_start, end))
        blocks.append(
            m.Block(
                m.FRONT_MATTER,
                value_node.start_mark.line + 2,
                value_node.end_mark.line + 2,
                0,
                None,
                value_start,
                end,
                value_node.value,
                ((value_start, end),),
                "",
                meta,
                context,
                text,
            )
        )
    return blocks


def _block_scalar_layout(text: str, start: int, end: int) -> dict[str, object]:
    """How a ``|``/``>`` value is written: its header (``|-``, ``>+2``...) and its indentation."""
    header_end = text.index("\n", start)
    header = text[start:header_end].rstrip("\r")
    body = text[header_end + 1 : end]
    first = next((line for line in body.split("\n") if line.strip()), "")
    return {"header": header.split("#")[0].rstrip(), "indent": first[: len(first) - len(first.lstrip(" "))]}


@dataclass(frozen=True)
class _Scope:
    """A run of lines being cut into blocks: a container's content, or the whole body.

    ``prefix`` is what starts each continuation line of a multi-line prose block here (``> ``,
    list indentation...); ``in_list`` is true inside a list item, where a list may interrupt a
    paragraph.
    """

    lines: list[Line]
    depth: int
    parent: int | None
    prefix: str
    in_list: bool

    def inner(self, lines: list[Line], parent: int, prefix: str, in_list: bool = False) -> _Scope:
        """The scope of a container's content, one level deeper."""
        return _Scope(lines, self.depth + 1, parent, self.prefix + prefix, in_list)


class _Parser:
    """Cuts a scope's lines into blocks, appended to ``blocks`` in reading order.

    :meth:`parse` looks at the first line of each block and picks a builder (one method per
    construct, named after it); a builder adds its block(s), parses a container's content as an
    inner scope, and returns where the next block starts and which kind it just made.
    """

    def __init__(self, source: str, blocks: list[m.Block], context: InlineContext):
        self.source = source
        self.blocks = blocks
        self.context = context

    # -- entry -------------------------------------------------------------------------------

    def parse(self, scope: _Scope) -> None:
        """Parse the scope's lines into blocks."""
        index = 0
        last_kind = ""
        lines = scope.lines
        count = len(lines)
        while index < count:
            if not lines[index].text.strip():  # (Line.blank, inlined: this loop sees every line)
                index += 1
                continue
            builder = self._builder_for(scope, index, last_kind)
            index, last_kind = builder(scope, index)

    def _builder_for(self, scope: _Scope, index: int, last_kind: str):
        """The method that builds the block starting at ``scope.lines[index]`` (not blank)."""
        text = scope.lines[index].text
        stripped = text.lstrip(" ")  # (the line's indent, once for every test below)
        indent = len(text) - len(stripped)
        if indent >= 4:
            return self._indented_code
        if stripped[0] in "`~\t" and _FENCE.match(text):  # (what _FENCE can match after spaces)
            return self._fence
        if stripped[0].isalpha():  # (most blocks) every other construct starts with a mark or a digit
            return self._table if self._starts_table(scope, index) else self._paragraph
        top = indent == 0
        return self._container_builder(text, stripped, top, last_kind) or self._leaf_builder(
            scope, index, stripped, top
        )

    def _container_builder(self, text: str, stripped: str, top: bool, last_kind: str):
        first = stripped[0]
        if top and first in "!?" and _ADMONITION.match(text):
            return self._admonition
        if top and first == "=" and _TAB.match(text):
            return self._tab
        if first == ">":
            return self._blockquote
        if (first in "-*+" or first.isdigit()) and not _HR.match(text) and _LIST_ITEM.match(text):
            return self._list_item
        if top and first == "[" and _FOOTNOTE_DEF.match(text):
            return self._footnote
        # ": text" is a definition unless nothing precedes it in its container (Python-Markdown)
        if first == ":" and last_kind and _DEF.match(text):
            return self._definition
        return None

    def _leaf_builder(self, scope: _Scope, index: int, stripped: str, top: bool):
        text = scope.lines[index].text
        first = stripped[0]
        if top and first == "#" and _ATX.match(text):
            return self._atx
        if first in "-*_" and _HR.match(text):
            return self._rule
        if top and first == "[" and _REF_DEF.match(text):
            return self._reference
        if top and first == "*" and _ABBR_LINE.match(text):
            return self._abbreviation
        if first == "<":
            if stripped.startswith("<!--"):
                return self._comment
            if _starts_html_block(text):
                return self._html
        if top and (text.startswith("$$") or text.startswith("\\[") or _MATH_BEGIN.match(text)):
            return self._math
        if self._starts_table(scope, index):
            return self._table
        return self._paragraph

    @staticmethod
    def _starts_table(scope: _Scope, index: int) -> bool:
        text = scope.lines[index].text
        if "|" not in text or index + 1 >= len(scope.lines):
            return False
        delimiter = scope.lines[index + 1].text
        return bool(_TABLE_SEP.match(delimiter)) and ("|" in delimiter or "|" in text)

    # -- adding blocks -----------------------------------------------------------------------

    def _add(
        self,
        kind: str,
        scope: _Scope,
        first: int,
        last: int,
        spans: Iterable[Span] = (),
        meta: dict[str, object] | None = None,
        *,
        parent: int | None = None,
        depth: int | None = None,
    ) -> int:
        """Append a block made of ``scope.lines[first:last + 1]``; returns its index."""
        spans = tuple(spans)
        if len(spans) == 1:  # (most blocks: one line of prose, or none)
            text = self.source[spans[0][0] : spans[0][1]]
        else:
            text = "\n".join(self.source[a:b] for a, b in spans)
        first_line, last_line = scope.lines[first], scope.lines[last]
        block = m.Block(
            kind,
            first_line.number,
            last_line.number,
            scope.depth if depth is None else depth,
            scope.parent if parent is None else parent,
            first_line.offset,
            last_line.end,
            text,
            spans,
            scope.prefix,
            meta or {},
            self.context,
            self.source,
        )
        self.blocks.append(block)
        return len(self.blocks) - 1

    def _add_prose_attributes(self, found: list, scope: _Scope, row: int, owner: int) -> None:
        """ATTRIBUTE blocks for prose attribute values (``title="..."``...) found on a line."""
        for name, quote, span in found:
            self._add(
                m.ATTRIBUTE,
                scope,
                row,
                row,
                [span],
                {"name": name, "quote": quote},
                parent=owner,
                depth=scope.depth + 1,
            )

    # -- protected blocks --------------------------------------------------------------------

    def _indented_code(self, scope: _Scope, index: int) -> tuple[int, str]:
        end = index
        for cursor in range(index + 1, len(scope.lines)):
            line = scope.lines[cursor]
            if line.blank:
                continue
            if line.indent < 4:
                break
            end = cursor
        self._add(m.CODE, scope, index, end, meta={"fence": ""})
        return end + 1, m.CODE

    def _fence(self, scope: _Scope, index: int) -> tuple[int, str]:
        opening_line = scope.lines[index]
        opening = _FENCE.match(opening_line.text)
        char, size = opening.group(2)[0], len(opening.group(2))
        end = len(scope.lines) - 1
        for cursor in range(index + 1, len(scope.lines)):
            closing = _FENCE_CLOSE.match(scope.lines[cursor].text)
            if closing and closing.group(1)[0] == char and len(closing.group(1)) >= size:
                end = cursor
                break
        meta: dict[str, object] = {"fence": opening.group(2)}
        title = _FENCE_TITLE.search(opening_line.text, opening.end())
        code = self._add(m.CODE, scope, index, end, meta=meta)
        if title:
            span = opening_line.span(title.start(2), title.end(2))
            meta["skeleton"] = _without(self.source, self.blocks[code], [span])
            self._add_prose_attributes([("title", title.group(1), span)], scope, index, code)
        return end + 1, m.CODE

    def _math(self, scope: _Scope, index: int) -> tuple[int, str]:
        text = scope.lines[index].text
        begin = _MATH_BEGIN.match(text)
        closing = "\\end{" + begin.group(1) + "}" if begin else "$$" if text.startswith("$$") else "\\]"
        end = len(scope.lines) - 1
        for cursor in range(index, len(scope.lines)):
            body = scope.lines[cursor].text
            searched = body[2:] if cursor == index and not begin else body
            if closing in searched:
                end = cursor
                break
        self._add(m.MATH, scope, index, end)
        return end + 1, m.MATH

    def _comment(self, scope: _Scope, index: int) -> tuple[int, str]:
        end = next(
            (cursor for cursor in range(index, len(scope.lines)) if "-->" in scope.lines[cursor].text),
            len(scope.lines) - 1,
        )
        self._add(m.COMMENT, scope, index, end)
        return end + 1, m.COMMENT

    def _rule(self, scope: _Scope, index: int) -> tuple[int, str]:
        self._add(m.RULE, scope, index, index)
        return index + 1, m.RULE

    # -- one-line prose blocks ---------------------------------------------------------------

    def _atx(self, scope: _Scope, index: int) -> tuple[int, str]:
        line = scope.lines[index]
        match = _ATX.match(line.text)
        meta = {"level": len(match.group(1)), "style": "atx"}
        self._add(m.HEADING, scope, index, index, _group_span(match, 2, line), meta)
        return index + 1, m.HEADING

    def _abbreviation(self, scope: _Scope, index: int) -> tuple[int, str]:
        line = scope.lines[index]
        match = _ABBR_LINE.match(line.text)
        self._add(m.ABBREVIATION, scope, index, index, _group_span(match, 2, line), {"term": match.group(1)})
        return index + 1, m.ABBREVIATION

    def _reference(self, scope: _Scope, index: int) -> tuple[int, str]:
        """``[label]: url "title"``; the title may be on the next line (Python-Markdown)."""
        line = scope.lines[index]
        match = _REF_DEF.match(line.text)
        end = index
        title_line, title_match = line, match
        group = next((g for g in (3, 4, 5) if match.group(g)), None)
        if group is None and index + 1 < len(scope.lines):
            following = _REF_TITLE_LINE.match(scope.lines[index + 1].text)
            if following:
                end, title_line, title_match = index + 1, scope.lines[index + 1], following
                group = next((g for g in (1, 2, 3) if following.group(g)), None)
        spans = _group_span(title_match, group, title_line)
        meta = {"label": match.group(1), "url": match.group(2)}
        self._add(m.REFERENCE, scope, index, end, spans, meta)
        return end + 1, m.REFERENCE

    # -- containers --------------------------------------------------------------------------

    def _admonition(self, scope: _Scope, index: int) -> tuple[int, str]:
        line = scope.lines[index]
        match = _ADMONITION.match(line.text)
        meta = {"marker": match.group(1), "type": match.group(2)}
        return self._indented_container(m.ADMONITION, scope, index, _group_span(match, 3, line), meta)

    def _tab(self, scope: _Scope, index: int) -> tuple[int, str]:
        line = scope.lines[index]
        match = _TAB.match(line.text)
        meta = {"marker": match.group(1)}
        return self._indented_container(m.TAB, scope, index, _group_span(match, 2, line), meta)

    def _indented_container(self, kind, scope: _Scope, index: int, spans, meta) -> tuple[int, str]:
        """A header line then a body indented by 4 columns (admonitions, details, tabs)."""
        end, body = _indented_body(scope.lines, index + 1, lazy=False)
        end = max(end, index)
        block = self._add(kind, scope, index, end, spans, meta)
        self.parse(scope.inner(body, block, "    "))
        return end + 1, kind

    def _footnote(self, scope: _Scope, index: int) -> tuple[int, str]:
        line = scope.lines[index]
        match = _FOOTNOTE_DEF.match(line.text)
        return self._lazy_container(
            m.FOOTNOTE, scope, index, line.cut(match.start(2)), {"label": match.group(1)}
        )

    def _definition(self, scope: _Scope, index: int) -> tuple[int, str]:
        line = scope.lines[index]
        match = _DEF.match(line.text)
        return self._lazy_container(m.DEFINITION, scope, index, line.cut(match.start(1)), {})

    def _list_item(self, scope: _Scope, index: int) -> tuple[int, str]:
        line = scope.lines[index]
        match = _LIST_ITEM.match(line.text)
        content_start = match.start(3) if match.group(3) else len(line.text)
        meta: dict[str, object] = {"marker": match.group(1)}
        task = _TASK.match(line.text, content_start)
        if task:
            meta["task"] = task.group(1)
            content_start = task.end()
        return self._lazy_container(m.LIST_ITEM, scope, index, line.cut(content_start), meta, in_list=True)

    def _lazy_container(
        self, kind: str, scope: _Scope, index: int, first: Line, meta, in_list: bool = False
    ) -> tuple[int, str]:
        """A first line with content, then lines indented by 4 or lazily continuing it
        (list items, footnotes, definitions)."""
        end, body = _indented_body(scope.lines, index + 1, lazy=True, stop_at_item=in_list)
        end = max(end, index)
        block = self._add(kind, scope, index, end, meta=meta)
        self.parse(scope.inner([first, *body], block, "    ", in_list))
        return end + 1, kind

    def _blockquote(self, scope: _Scope, index: int) -> tuple[int, str]:
        body: list[Line] = []
        end = index
        for cursor in range(index, len(scope.lines)):
            line = scope.lines[cursor]
            quoted = _QUOTE.match(line.text)
            if quoted:
                body.append(line.cut(quoted.end()))
                end = cursor
            elif not line.blank and body and not body[-1].blank and not _starts_block(line.text):
                body.append(line.dedent(line.indent))
                end = cursor  # lazy continuation of the quoted paragraph
            elif line.blank and _quote_follows(scope.lines, cursor):
                body.append(line.emptied())  # "> a" + blank + "> b" is one quote in Python-Markdown
            else:
                break
        block = self._add(m.BLOCKQUOTE, scope, index, end)
        self.parse(scope.inner(body, block, "> "))
        return end + 1, m.BLOCKQUOTE

    def _html(self, scope: _Scope, index: int) -> tuple[int, str]:
        text = scope.lines[index].text.lstrip(" ")
        tag = _HTML_OPEN.match(text).group(1).lower()
        end = _html_end(scope.lines, index, tag)
        markdown = _MARKDOWN_ATTR.search(text[: text.find(">") + 1] if ">" in text else text)
        if end is None:  # unclosed: Python-Markdown keeps the raw HTML up to a blank line
            end = index
            while end + 1 < len(scope.lines) and not scope.lines[end + 1].blank:
                end += 1
            markdown = None
        closing = re.compile(rf"</{tag}\s*>", re.IGNORECASE)
        if (
            markdown
            and end > index
            and text.rstrip().endswith(">")
            and closing.fullmatch(scope.lines[end].text.strip())
        ):
            block = self._add(m.HTML_MARKDOWN, scope, index, end, meta={"tag": tag})
            self.parse(_Scope(scope.lines[index + 1 : end], scope.depth + 1, block, scope.prefix, False))
            if opens_verbatim(tag, text[: text.find(">") + 1]):
                self._keep_as_written(block)
            return end + 1, m.HTML
        block = self._add(m.HTML, scope, index, end, meta={"tag": tag})
        self._html_prose(scope, index, end, block)
        return end + 1, m.HTML

    def _keep_as_written(self, container: int) -> None:
        """A Markdown-enabled element whose text the judge keeps verbatim (``<div markdown
        class="notranslate">``): it and everything parsed inside it (the blocks after it) are
        verbatim, prose a reader reads that is never translated."""
        for block in self.blocks[container:]:
            block.meta["verbatim"] = True

    def _html_prose(self, scope: _Scope, first: int, last: int, block: int) -> None:
        """The prose of a raw HTML block: text between tags, and prose attribute values."""
        spans: list[Span] = []
        for row, found in enumerate(html_prose([line.text for line in scope.lines[first : last + 1]])):
            line = scope.lines[first + row]
            for start, end in found.texts:
                span = line.span(start, end)
                spans.append(span)
                self._add(
                    m.HTML_TEXT, scope, first + row, first + row, [span], parent=block, depth=scope.depth + 1
                )
            attributes = [(name, quote, line.span(a, b)) for name, quote, a, b in found.attributes]
            spans += [span for _, _, span in attributes]
            self._add_prose_attributes(attributes, scope, first + row, block)
        if spans:
            self.blocks[block].meta["skeleton"] = _without(self.source, self.blocks[block], spans)

    # -- tables --------------------------------------------------------------------------------

    def _table(self, scope: _Scope, index: int) -> tuple[int, str]:
        end = index + 1
        while (
            end + 1 < len(scope.lines) and not scope.lines[end + 1].blank and "|" in scope.lines[end + 1].text
        ):
            end += 1
        table = self._add(m.TABLE, scope, index, end)
        for row in range(index, end + 1):
            if row != index + 1:  # the delimiter row is protected structure
                self._table_cells(scope, row, row - index - (row > index), table)
        return end + 1, m.TABLE

    def _table_cells(self, scope: _Scope, row: int, number: int, table: int) -> None:
        line = scope.lines[row]
        for column, (start, stop) in enumerate(_split_row(line.text)):
            spans = [line.span(start, stop)] if stop > start else []
            meta = {"row": number, "column": column, "text_line": line.number}
            self._add(m.TABLE_CELL, scope, row, row, spans, meta, parent=table, depth=scope.depth + 1)

    # -- paragraphs ------------------------------------------------------------------------------

    def _paragraph(self, scope: _Scope, index: int) -> tuple[int, str]:
        lines = scope.lines
        if index + 1 < len(lines) and _SETEXT.match(lines[index + 1].text):
            return self._setext_heading(scope, index)
        end = self._paragraph_end(scope, index)
        if self._terms_follow(scope, end):
            for row in range(index, end + 1):
                self._add(m.DEFINITION_TERM, scope, row, row, [_prose_span(lines[row])])
            return end + 1, m.DEFINITION_TERM
        prose = lines[index : end + 1]
        if len(prose) > 1 and _ATTR_LINE.match(prose[-1].text):
            prose = prose[:-1]  # attr_list reads a last line of its own as the paragraph's attributes
        if (
            prose[0].text if len(prose) == 1 else "".join(line.text for line in prose)
        ).strip() == _TOC_MARKER:
            self._add(m.TOC, scope, index, end)
            return end + 1, m.TOC
        meta: dict[str, object] = {}
        following = lines[end + 1].text if end + 1 < len(lines) else ""
        if len(prose) > 1 and _SETEXT.match(following):
            # "a\nb\n---" is a paragraph and a rule; joined into one line it would be a heading
            meta["keep_line_break"] = True
        self._add(m.PARAGRAPH, scope, index, end, [_prose_span(line) for line in prose], meta)
        return end + 1, m.PARAGRAPH

    def _setext_heading(self, scope: _Scope, index: int) -> tuple[int, str]:
        """A block's first line underlined with ``===`` or ``---``."""
        underline = scope.lines[index + 1].text.strip()[0]
        meta = {"level": 1 if underline == "=" else 2, "style": "setext"}
        self._add(m.HEADING, scope, index, index + 1, [_prose_span(scope.lines[index])], meta)
        return index + 2, m.HEADING

    @staticmethod
    def _paragraph_end(scope: _Scope, index: int) -> int:
        lines, end = scope.lines, index
        while end + 1 < len(lines):
            following = lines[end + 1].text
            if not following.strip() or _interrupts(following, scope.in_list):  # (blank: Line.blank)
                break
            end += 1
        return end

    @staticmethod
    def _terms_follow(scope: _Scope, end: int) -> bool:
        """Definition list: lines are terms if a ``: definition`` follows (one blank allowed)."""
        lines, following = scope.lines, end + 1
        if following < len(lines) and not lines[following].text.strip():  # (Line.blank)
            following += 1
        return following < len(lines) and bool(_DEF.match(lines[following].text))


# --- line helpers ---------------------------------------------------------------------------------


def _prose_span(line: Line) -> Span:
    return line.span(line.indent, len(line.text))


def _without(source: str, block: m.Block, spans: list[Span]) -> str:
    """A protected block's source with its prose spans blanked: what a translation must keep."""
    out, position = [], block.start
    for start, end in sorted(spans):
        out.append(source[position:start] + "\0")
        position = end
    out.append(source[position : block.end])
    return "".join(out)


def _quote_follows(lines: list[Line], blank: int) -> bool:
    return blank + 1 < len(lines) and bool(_QUOTE.match(lines[blank + 1].text))


def _html_end(lines: list[Line], index: int, tag: str) -> int | None:
    """The line closing the HTML element opened on ``lines[index]`` (nesting counted), or None."""
    opener = re.compile(rf"<{tag}\b", re.IGNORECASE)
    closer = re.compile(rf"</{tag}\s*>", re.IGNORECASE)
    level = 0
    for cursor in range(index, len(lines)):
        text = lines[cursor].text
        level += len(opener.findall(text)) - len(closer.findall(text))
        if level <= 0:
            return cursor
    return None


def _indented_body(
    lines: list[Line], start: int, *, lazy: bool, stop_at_item: bool = False
) -> tuple[int, list[Line]]:
    """Lines after a container's first line that belong to it, dedented by 4 columns.

    Returns (index of the container's last line, body lines). ``lazy``: a non-blank line right
    after a non-blank one continues the container even if not indented (Python-Markdown's lazy
    continuation for list items, footnotes and definitions).
    """
    body: list[Line] = []
    end = start - 1
    previous_blank = False
    for cursor in range(start, len(lines)):
        line = lines[cursor]
        if line.blank:
            body.append(line.emptied())
            previous_blank = True
            continue
        if line.indent >= 4:
            body.append(line.cut(4))
        elif (
            lazy
            and not previous_blank
            and not (stop_at_item and _LIST_ITEM.match(line.text))
            and not _starts_container(line.text)
        ):
            body.append(line.dedent(line.indent))
        else:
            break
        end = cursor
        previous_blank = False
    return end, body[: end - start + 1] if end >= start else []


def _starts_html_block(text: str) -> bool:
    """A line opening a block-level HTML element (up to 3 spaces of indentation)."""
    stripped = text.lstrip(" ")
    if not stripped.startswith("<") or len(text) - len(stripped) > 3:
        return False
    tag = _HTML_OPEN.match(stripped)
    return bool(tag and tag.group(1).lower() in _BLOCK_TAGS)


def _starts_container(text: str) -> bool:
    return _starts_html_block(text) or bool(
        _FOOTNOTE_DEF.match(text)
        or _ADMONITION.match(text)
        or _TAB.match(text)
        or _DEF.match(text)
        or _REF_DEF.match(text)
        or _ABBR_LINE.match(text)
    )


def _starts_block(text: str) -> bool:
    return bool(
        _ATX.match(text)
        or _HR.match(text)
        or _FENCE.match(text)
        or _LIST_ITEM.match(text)
        or _starts_container(text)
    )


def _interrupts(text: str, in_list: bool) -> bool:
    """Does ``text`` end the paragraph above it (no blank line between) in Python-Markdown?"""
    first = text.lstrip(" ")[:1]
    if first == "#" and _ATX.match(text):
        return True
    if first in "-*_" and _HR.match(text):
        return True
    if first in "`~" and _FENCE.match(text):
        return True
    if first == ">" and _QUOTE.match(text):
        return True
    if in_list and (first in "-*+" or first.isdigit()) and _LIST_ITEM.match(text):
        return True
    if first == ":" and _DEF.match(text):
        return True
    return first in "!?=[*<" and _starts_container(text)


def _group_span(match: re.Match, group: int | None, line: Line) -> list[Span]:
    """The file span of a regex group as a list of one span (none when absent or empty)."""
    if group is None or not match.group(group):
        return []
    return [line.span(match.start(group), match.end(group))]


def _split_row(text: str) -> list[Span]:
    """Cell spans (start, end) of a table row: pipes inside code spans or escaped do not split."""
    cells: list[Span] = []
    length = len(text)
    leading = len(text) - len(text.lstrip())
    start = leading + 1 if text.strip().startswith("|") else 0
    for index, char in syntax_characters(text, start):
        if char == "|":
            cells.append((start, index))
            start = index + 1
    if text[start:].strip():
        cells.append((start, length))
    out = []
    for a, b in cells:
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        out.append((a + lead, b - trail) if chunk.strip() else (a, a))
    return out


_TOC_MARKER = "[TOC]"  # toc's default marker (mkdocs.yml does not change it)
_ATX = re.compile(r"(#{1,6})[ \t]*(.*?)[ \t]*#*[ \t]*$")
_HR = re.compile(r"[ ]{0,3}(?:(?:-[ ]{0,2}){3,}|(?:_[ ]{0,2}){3,}|(?:\*[ ]{0,2}){3,})[ \t]*$")
_FENCE = re.compile(r"([ \t]*)(`{3,}|~{3,})")
_FENCE_CLOSE = re.compile(r"[ \t]*(`{3,}|~{3,})[ \t]*$")
_FENCE_TITLE = re.compile(r"""\btitle=(["'])(.*?)\1""")
_ADMONITION = re.compile(r'(!!!|\?\?\?\+?)[ ]?([\w\-]+(?: +[\w\-]+)*)(?: +"(.*?)")? *$')
_TAB = re.compile(r'(===[!+]{0,2}) +"(.*?)" *$')
_QUOTE = re.compile(r"[ ]{0,3}>[ ]?")
_LIST_ITEM = re.compile(r"[ ]{0,3}([*+\-]|\d+\.)([ ]+)(\S.*)?$")
_TASK = re.compile(r"\[([ xX])\][ \t]+")
_FOOTNOTE_DEF = re.compile(r"\[\^([^\]]+)\]:[ \t]*(.*)$")
_REF_DEF = re.compile(
    r"""[ ]{0,3}\[([^\]^][^\]]*)\]:[ \t]*(<[^>]*>|\S+)"""
    r"""(?:[ \t]+(?:"(.*)"|'(.*)'|\((.*)\)))?[ \t]*$"""
)
_REF_TITLE_LINE = re.compile(r"""[ ]*(?:"(.*)"|'(.*)'|\((.*)\))[ ]*$""")
_ABBR_LINE = re.compile(r"\*\[([^\]]+)\]:[ \t]*(.*?)[ \t]*$")
# A definition starts a line. These match the "\n" before it in "\n" + body, not "^" with
# re.MULTILINE: a pattern starting with a literal is searched for by that character, "^" is
# tried at every offset (10x slower). Same matches: "\n" + body has a "\n" exactly where a line
# of body starts, and a match never ends on a "\n" (":" or "\S"), so none takes the next one's.
_ABBR_DEF = re.compile(r"\n\*\[([^\]]+)\]:")
_REF_LABEL = re.compile(r"\n[ ]{0,3}\[([^\]^][^\]]*)\]:[ \t]*\S")
_DEF = re.compile(r"[ ]{0,3}:[ ]{1,3}(\S.*)$")
_SETEXT = re.compile(r"(?:=+|-+)[ ]*$")
_ATTR_LINE = re.compile(r"[ ]*\{:?[ ]*[^}\n ][^}\n]*[ ]*\}[ ]*$")  # attr_list's BLOCK_RE
_HTML_OPEN = re.compile(r"<([A-Za-z][A-Za-z0-9\-]*)(?=[\s>/]|$)")
_MARKDOWN_ATTR = re.compile(r"""\smarkdown(?:\s*=\s*["']?(?:1|block|span)["']?)?(?=[\s/>])""")
_MATH_BEGIN = re.compile(r"\\begin\{([A-Za-z*]+)\}")
_TABLE_SEP = re.compile(r"[ ]{0,3}\|?[ ]*:?-+:?[ ]*(?:\|[ ]*:?-+:?[ ]*)*\|?[ ]*$")
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "canvas",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hgroup",
        "hr",
        "html",
        "iframe",
        "legend",
        "li",
        "main",
        "map",
        "menu",
        "nav",
        "noscript",
        "object",
        "ol",
        "output",
        "p",
        "pre",
        "progress",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "video",
        "script",
        "style",
        "math",
    ]
)
