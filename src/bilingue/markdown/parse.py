"""Segmenter: Markdown source -> :class:`~bilingue.markdown.model.Document`.

Line-based and linear: every line is looked at a bounded number of times. It follows how the
SITE renders (Python-Markdown + the extensions of mkdocs.yml): 4-space indentation for nested
content, admonitions/details/tabs bodies indented by 4, a list after a paragraph needs a blank
line at top level, ``1986. Text`` at a block start is an ordered list, setext headings only on
a block's first line, tables only at a block start, and so on.

Each container's content is parsed recursively on its lines with the container prefix removed;
a line remembers its file line number and the offset of its first kept character in the file, so
prose spans always point into the original source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from bilingue import yaml_input
from bilingue.frontmatter import split_front_matter
from bilingue.markdown import model as m
from bilingue.markdown.inline import InlineContext, syntax_characters

DEFAULT_FRONT_MATTER_KEYS = ("title", "description", "summary")

Line = tuple[str, int, int]  # (text without container prefix, 1-based file line, file offset)


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
    body_offset = len(split.front_matter)
    lines = _lines(text, body_offset, split.body_line)
    abbreviations, references = _definitions(split.body)
    context = InlineContext(terms=tuple(terms) + abbreviations, references=references)
    blocks: list[m.Block] = []
    if split.front_matter:
        blocks.extend(_front_matter_blocks(text, split.front_matter, tuple(front_matter_keys), context))
    _Parser(text, blocks, context).parse(lines, 0, None, "", False)
    return m.Document(text, blocks, split.meta, split.front_matter, context, str(path))


def _lines(text: str, offset: int, first_line: int) -> list[Line]:
    out: list[Line] = []
    number = first_line
    for raw in text[offset:].split("\n"):
        # a Windows line end's "\r" is not part of the line (it stays in the file untouched)
        out.append((raw[:-1] if raw.endswith("\r") else raw, number, offset))
        offset += len(raw) + 1
        number += 1
    if out and out[-1][0] == "":
        out.pop()  # the empty string after a final newline is not a line
    return out


def _definitions(body: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """Abbreviation terms (kept as written in the prose) and reference labels of the file."""
    abbreviations = tuple(match.group(1) for match in _ABBR_DEF.finditer(body))
    references = frozenset(" ".join(match.group(1).split()).lower() for match in _REF_LABEL.finditer(body))
    return abbreviations, references


def _front_matter_blocks(text: str, raw: str, keys: tuple[str, ...], context: InlineContext) -> list[m.Block]:
    """One block per translatable front-matter value that is a plain string."""
    yaml_start = raw.index("\n") + 1
    yaml_text = raw[yaml_start : raw.rstrip("\n").rfind("\n") + 1]  # without the closing ---
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
        start = yaml_start + value_node.start_mark.index
        end = yaml_start + value_node.end_mark.index
        end = start + len(text[start:end].rstrip())  # a block scalar's mark ends on the next line
        line = value_node.start_mark.line + 2
        blocks.append(
            m.Block(
                m.FRONT_MATTER,
                line,
                value_node.end_mark.line + 2,
                0,
                None,
                start,
                end,
                value_node.value,
                ((start, end),),
                "",
                {"key": key_node.value, "style": value_node.style or ""},
                context,
                text,
            )
        )
    return blocks


class _Parser:
    def __init__(self, source: str, blocks: list[m.Block], context: InlineContext):
        self.source = source
        self.blocks = blocks
        self.context = context

    # -- entry -------------------------------------------------------------------------------

    def parse(self, lines: list[Line], depth: int, parent: int | None, prefix: str, in_list: bool) -> None:
        """Parse ``lines`` (container prefix removed) into blocks at ``depth``."""
        index = 0
        count = len(lines)
        last_kind = ""
        while index < count:
            text = lines[index][0]
            if not text.strip():
                index += 1
                continue
            stripped = text.lstrip(" ")
            indent = len(text) - len(stripped)
            handler = None
            if indent >= 4:
                handler = self._indented_code
            elif _FENCE.match(text):
                handler = self._fence
            else:
                handler = self._dispatch(stripped, indent, text, lines, index, last_kind)
            index, last_kind = handler(lines, index, depth, parent, prefix, in_list)

    def _dispatch(self, stripped, indent, text, lines, index, last_kind):
        first = stripped[0]
        if indent == 0 and first == "#" and _ATX.match(text):
            return self._atx
        if first in "-*_" and _HR.match(text):
            return self._rule
        if indent == 0 and first in "!?" and _ADMONITION.match(text):
            return self._admonition
        if indent == 0 and first == "=" and _TAB.match(text):
            return self._tab
        if first == ">":
            return self._blockquote
        if (first in "-*+" or first.isdigit()) and _LIST_ITEM.match(text):
            return self._list_item
        if indent == 0 and first == "[":
            if _FOOTNOTE_DEF.match(text):
                return self._footnote
            if _REF_DEF.match(text):
                return self._reference
        if indent == 0 and first == "*" and _ABBR_LINE.match(text):
            return self._abbreviation
        # ": text" is a definition unless nothing precedes it in its container (Python-Markdown)
        if first == ":" and last_kind and _DEF.match(text):
            return self._definition
        if first == "<":
            if stripped.startswith("<!--"):
                return self._comment
            if _starts_html_block(stripped):
                return self._html
        if indent == 0 and (text.startswith("$$") or text.startswith("\\[") or _MATH_BEGIN.match(text)):
            return self._math
        if (
            "|" in text
            and index + 1 < len(lines)
            and _TABLE_SEP.match(lines[index + 1][0])
            and ("|" in lines[index + 1][0] or "|" in text)
        ):
            return self._table
        return self._paragraph

    # -- block builders ----------------------------------------------------------------------

    def _add(
        self,
        kind: str,
        lines: list[Line],
        first: int,
        last: int,
        depth: int,
        parent: int | None,
        spans=(),
        continuation: str = "",
        meta=None,
    ) -> int:
        start = lines[first][2]
        end = lines[last][2] + len(lines[last][0])
        source = self.source
        if len(spans) == 1:
            text = source[spans[0][0] : spans[0][1]]
        else:
            text = "\n".join([source[a:b] for a, b in spans])
        block = m.Block(
            kind,
            lines[first][1],
            lines[last][1],
            depth,
            parent,
            start,
            end,
            text,
            tuple(spans),
            continuation,
            meta or {},
            self.context,
            source,
        )
        self.blocks.append(block)
        return len(self.blocks) - 1

    def _indented_code(self, lines, index, depth, parent, prefix, in_list):
        end = index
        cursor = index + 1
        while cursor < len(lines):
            text = lines[cursor][0]
            if text.strip():
                if len(text) - len(text.lstrip(" ")) < 4:
                    break
                end = cursor
            cursor += 1
        self._add(m.CODE, lines, index, end, depth, parent, meta={"fence": ""})
        return end + 1, m.CODE

    def _fence(self, lines, index, depth, parent, prefix, in_list):
        opening = _FENCE.match(lines[index][0])
        char, size = opening.group(2)[0], len(opening.group(2))
        end = len(lines) - 1
        for cursor in range(index + 1, len(lines)):
            closing = _FENCE_CLOSE.match(lines[cursor][0])
            if closing and closing.group(1)[0] == char and len(closing.group(1)) >= size:
                end = cursor
                break
        self._add(m.CODE, lines, index, end, depth, parent, meta={"fence": opening.group(2)})
        return end + 1, m.CODE

    def _math(self, lines, index, depth, parent, prefix, in_list):
        text = lines[index][0]
        begin = _MATH_BEGIN.match(text)
        closing = "\\end{" + begin.group(1) + "}" if begin else "$$" if text.startswith("$$") else "\\]"
        end = len(lines) - 1
        for cursor in range(index, len(lines)):
            body = lines[cursor][0]
            searched = body[2:] if cursor == index and not begin else body
            if closing in searched:
                end = cursor
                break
        self._add(m.MATH, lines, index, end, depth, parent)
        return end + 1, m.MATH

    def _comment(self, lines, index, depth, parent, prefix, in_list):
        end = len(lines) - 1
        for cursor in range(index, len(lines)):
            if "-->" in lines[cursor][0]:
                end = cursor
                break
        self._add(m.COMMENT, lines, index, end, depth, parent)
        return end + 1, m.COMMENT

    def _rule(self, lines, index, depth, parent, prefix, in_list):
        self._add(m.RULE, lines, index, index, depth, parent)
        return index + 1, m.RULE

    def _atx(self, lines, index, depth, parent, prefix, in_list):
        text, _, offset = lines[index]
        match = _ATX.match(text)
        spans = _group_span(match, 2, offset)
        self._add(
            m.HEADING,
            lines,
            index,
            index,
            depth,
            parent,
            spans,
            meta={"level": len(match.group(1)), "style": "atx"},
        )
        return index + 1, m.HEADING

    def _abbreviation(self, lines, index, depth, parent, prefix, in_list):
        text, _, offset = lines[index]
        match = _ABBR_LINE.match(text)
        spans = _group_span(match, 2, offset)
        self._add(m.ABBREVIATION, lines, index, index, depth, parent, spans, meta={"term": match.group(1)})
        return index + 1, m.ABBREVIATION

    def _reference(self, lines, index, depth, parent, prefix, in_list):
        text, _, offset = lines[index]
        match = _REF_DEF.match(text)
        group = next((g for g in (3, 4, 5) if match.group(g)), None)
        spans = _group_span(match, group, offset)
        self._add(
            m.REFERENCE,
            lines,
            index,
            index,
            depth,
            parent,
            spans,
            meta={"label": match.group(1), "url": match.group(2)},
        )
        return index + 1, m.REFERENCE

    def _admonition(self, lines, index, depth, parent, prefix, in_list):
        text, _, offset = lines[index]
        match = _ADMONITION.match(text)
        spans = _group_span(match, 3, offset)
        return self._indented_container(
            m.ADMONITION,
            lines,
            index,
            depth,
            parent,
            prefix,
            spans,
            {"marker": match.group(1), "type": match.group(2)},
        )

    def _tab(self, lines, index, depth, parent, prefix, in_list):
        text, _, offset = lines[index]
        match = _TAB.match(text)
        spans = _group_span(match, 2, offset)
        return self._indented_container(
            m.TAB, lines, index, depth, parent, prefix, spans, {"marker": match.group(1)}
        )

    def _indented_container(self, kind, lines, index, depth, parent, prefix, spans, meta):
        """A header line then a body indented by 4 spaces (admonitions, details, tabs)."""
        end, body = _indented_body(lines, index + 1, lazy=False)
        block = self._add(kind, lines, index, max(end, index), depth, parent, spans, meta=meta)
        self.parse(body, depth + 1, block, prefix + "    ", False)
        return max(end, index) + 1, kind

    def _footnote(self, lines, index, depth, parent, prefix, in_list):
        text, number, offset = lines[index]
        match = _FOOTNOTE_DEF.match(text)
        end, body = _indented_body(lines, index + 1, lazy=True)
        end = max(end, index)
        first: Line = (match.group(2), number, offset + match.start(2))
        block = self._add(m.FOOTNOTE, lines, index, end, depth, parent, meta={"label": match.group(1)})
        self.parse([first, *body], depth + 1, block, prefix + "    ", False)
        return end + 1, m.FOOTNOTE

    def _definition(self, lines, index, depth, parent, prefix, in_list):
        text, number, offset = lines[index]
        match = _DEF.match(text)
        end, body = _indented_body(lines, index + 1, lazy=True)
        end = max(end, index)
        first: Line = (match.group(1), number, offset + match.start(1))
        block = self._add(m.DEFINITION, lines, index, end, depth, parent)
        self.parse([first, *body], depth + 1, block, prefix + "    ", False)
        return end + 1, m.DEFINITION

    def _list_item(self, lines, index, depth, parent, prefix, in_list):
        text, number, offset = lines[index]
        match = _LIST_ITEM.match(text)
        content_start = match.start(3)
        meta: dict[str, object] = {"marker": match.group(1)}
        task = _TASK.match(text, content_start)
        if task:
            meta["task"] = task.group(1)
            content_start = task.end()
        first: Line = (text[content_start:], number, offset + content_start)
        end, body = _indented_body(lines, index + 1, lazy=True, stop_at_item=True)
        end = max(end, index)
        block = self._add(m.LIST_ITEM, lines, index, end, depth, parent, meta=meta)
        self.parse([first, *body], depth + 1, block, prefix + "    ", True)
        return end + 1, m.LIST_ITEM

    def _blockquote(self, lines, index, depth, parent, prefix, in_list):
        body: list[Line] = []
        cursor = index
        end = index
        while cursor < len(lines):
            text, number, offset = lines[cursor]
            quoted = _QUOTE.match(text)
            if quoted:
                body.append((text[quoted.end() :], number, offset + quoted.end()))
                end = cursor
            elif text.strip() and body and body[-1][0].strip() and not _starts_block(text):
                body.append((text.lstrip(" "), number, offset + len(text) - len(text.lstrip())))
                end = cursor  # lazy continuation of the quoted paragraph
            elif not text.strip():
                # Python-Markdown merges "> a" + blank + "> b" into one quote
                following = cursor + 1
                if following < len(lines) and _QUOTE.match(lines[following][0]):
                    body.append(("", number, offset))
                else:
                    break
            else:
                break
            cursor += 1
        block = self._add(m.BLOCKQUOTE, lines, index, end, depth, parent)
        self.parse(body, depth + 1, block, prefix + "> ", False)
        return end + 1, m.BLOCKQUOTE

    def _html(self, lines, index, depth, parent, prefix, in_list):
        text = lines[index][0].lstrip(" ")
        tag = _HTML_OPEN.match(text).group(1).lower()
        opener = re.compile(rf"<{tag}\b", re.IGNORECASE)
        closer = re.compile(rf"</{tag}\s*>", re.IGNORECASE)
        level = 0
        end = None
        for cursor in range(index, len(lines)):
            line = lines[cursor][0]
            level += len(opener.findall(line)) - len(closer.findall(line))
            if level <= 0:
                end = cursor
                break
        markdown = _MARKDOWN_ATTR.search(text[: text.find(">") + 1] if ">" in text else text)
        if end is None:  # unclosed: Python-Markdown keeps the raw HTML up to a blank line
            end = index
            while end + 1 < len(lines) and lines[end + 1][0].strip():
                end += 1
            markdown = None
        if (
            markdown
            and end > index
            and ">" in text
            and text.rstrip().endswith(">")
            and closer.fullmatch(lines[end][0].strip())
        ):
            block = self._add(m.HTML_MARKDOWN, lines, index, end, depth, parent, meta={"tag": tag})
            self.parse(lines[index + 1 : end], depth + 1, block, prefix, False)
        else:
            self._add(m.HTML, lines, index, end, depth, parent, meta={"tag": tag})
        return end + 1, m.HTML

    def _table(self, lines, index, depth, parent, prefix, in_list):
        end = index + 1
        while end + 1 < len(lines) and lines[end + 1][0].strip() and "|" in lines[end + 1][0]:
            end += 1
        table = self._add(m.TABLE, lines, index, end, depth, parent)
        for row in range(index, end + 1):
            if row == index + 1:
                continue  # the delimiter row is protected structure
            text, number, offset = lines[row]
            for column, (start, stop) in enumerate(_split_row(text)):
                spans = [(offset + start, offset + stop)] if stop > start else []
                self._add(
                    m.TABLE_CELL,
                    lines,
                    row,
                    row,
                    depth + 1,
                    table,
                    spans,
                    meta={"row": row - index - (row > index), "column": column, "text_line": number},
                )
        return end + 1, m.TABLE

    def _paragraph(self, lines, index, depth, parent, prefix, in_list):
        # setext heading: only the first line of a block, underlined
        if index + 1 < len(lines) and _SETEXT.match(lines[index + 1][0]):
            underline = lines[index + 1][0].strip()[0]
            self._add(
                m.HEADING,
                lines,
                index,
                index + 1,
                depth,
                parent,
                [_prose_span(lines[index])],
                meta={"level": 1 if underline == "=" else 2, "style": "setext"},
            )
            return index + 2, m.HEADING
        end = index
        while end + 1 < len(lines):
            following = lines[end + 1][0]
            if not following.strip() or _interrupts(following, in_list):
                break
            end += 1
        # definition list: these lines are terms if a ": definition" follows (one blank allowed)
        following = end + 1
        if following < len(lines) and not lines[following][0].strip():
            following += 1
        if following < len(lines) and _DEF.match(lines[following][0]):
            for row in range(index, end + 1):
                self._add(m.DEFINITION_TERM, lines, row, row, depth, parent, [_prose_span(lines[row])])
            return end + 1, m.DEFINITION_TERM
        self._add(
            m.PARAGRAPH,
            lines,
            index,
            end,
            depth,
            parent,
            [_prose_span(line) for line in lines[index : end + 1]],
            prefix,
        )
        return end + 1, m.PARAGRAPH


# --- line helpers ---------------------------------------------------------------------------------


def _prose_span(line: Line) -> tuple[int, int]:
    text, _, offset = line
    lead = len(text) - len(text.lstrip(" \t"))
    return offset + lead, offset + len(text)


def _indented_body(
    lines: list[Line], start: int, *, lazy: bool, stop_at_item: bool = False
) -> tuple[int, list[Line]]:
    """Lines after a container's first line that belong to it, dedented by 4.

    Returns (index of the container's last line, body lines). ``lazy``: a non-blank line right
    after a non-blank one continues the container even if not indented (Python-Markdown's lazy
    continuation for list items, footnotes and definitions).
    """
    body: list[Line] = []
    end = start - 1
    previous_blank = False
    cursor = start
    while cursor < len(lines):
        text, number, offset = lines[cursor]
        if not text.strip():
            body.append(("", number, offset))
            previous_blank = True
            cursor += 1
            continue
        indent = len(text) - len(text.lstrip(" "))
        if indent >= 4:
            body.append((text[4:], number, offset + 4))
        elif (
            lazy
            and not previous_blank
            and not (stop_at_item and _LIST_ITEM.match(text))
            and not _starts_container(text)
        ):
            body.append((text[indent:], number, offset + indent))
        else:
            break
        end = cursor
        previous_blank = False
        cursor += 1
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


def _group_span(match: re.Match, group: int | None, offset: int) -> list[tuple[int, int]]:
    """The span of a regex group as a list of one span (none when the group is absent or empty)."""
    if group is None or not match.group(group):
        return []
    return [(offset + match.start(group), offset + match.end(group))]


def _split_row(text: str) -> list[tuple[int, int]]:
    """Cell spans (start, end) of a table row: pipes inside code spans or escaped do not split."""
    cells: list[tuple[int, int]] = []
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


_ATX = re.compile(r"(#{1,6})[ \t]*(.*?)[ \t]*#*[ \t]*$")
_HR = re.compile(r"[ ]{0,3}(?:(?:-[ ]{0,2}){3,}|(?:_[ ]{0,2}){3,}|(?:\*[ ]{0,2}){3,})[ \t]*$")
_FENCE = re.compile(r"([ \t]*)(`{3,}|~{3,})")
_FENCE_CLOSE = re.compile(r"[ \t]*(`{3,}|~{3,})[ \t]*$")
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
_ABBR_LINE = re.compile(r"\*\[([^\]]+)\]:[ \t]*(.*?)[ \t]*$")
_ABBR_DEF = re.compile(r"^\*\[([^\]]+)\]:", re.MULTILINE)
_REF_LABEL = re.compile(r"^[ ]{0,3}\[([^\]^][^\]]*)\]:[ \t]*\S", re.MULTILINE)
_DEF = re.compile(r"[ ]{0,3}:[ ]{1,3}(\S.*)$")
_SETEXT = re.compile(r"(?:=+|-+)[ \t]*$")
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
