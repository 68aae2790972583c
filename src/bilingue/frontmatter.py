"""YAML front matter: the ``---`` block at the top of an essay, as MkDocs reads it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bilingue import yaml_input
from bilingue.errors import SourceFileError, yaml_error

# Same rule as MkDocs' get_data(): a `---` line, YAML, then a `---` or `...` line. MkDocs reads
# pages with universal newlines (a CRLF file has the same front matter).
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\r?\n(?P<yaml>.*?\r?\n)?(?:-{3}|\.{3})[ \t]*(?:\r?\n|\Z)", re.DOTALL)
#: a UTF-8 byte order mark: MkDocs reads pages as "utf-8-sig", so it is not part of the page
BOM = "\ufeff"


@dataclass(frozen=True)
class SplitDocument:
    """A Markdown file cut at the end of its front matter."""

    front_matter: str  # the raw block, delimiters included ("" when there is none)
    meta: dict[str, Any]
    body: str
    body_line: int  # 1-based line number of the body's first line in the file
    bom: str = ""  # the byte order mark the file starts with ("" when none), kept out of the rest

    @property
    def body_offset(self) -> int:
        """Offset of the body's first character in the file."""
        return len(self.bom) + len(self.front_matter)


def split_front_matter(text: str, path: Path | str = "<text>") -> SplitDocument:
    """Separate the front matter from the body; YAML errors name the file and the line."""
    bom = BOM if text.startswith(BOM) else ""
    text = text[len(bom) :]
    match = _FRONT_MATTER.match(text)
    if not match:
        return SplitDocument("", {}, text, 1, bom)
    raw_yaml = match.group("yaml") or ""
    try:
        meta = yaml_input.safe_load(raw_yaml) or {}
    except yaml.YAMLError as error:
        raise yaml_error(
            path,
            error,
            "fix the YAML between the two --- lines",
            what="invalid YAML front matter",
            first_line=2,
        ) from error
    if not isinstance(meta, dict):
        raise SourceFileError(
            path, 2, "front matter must be a mapping of keys to values", "write it as `key: value` lines"
        )
    block = match.group(0)
    return SplitDocument(block, meta, text[len(block) :], block.count("\n") + 1, bom)


def key_spans(text: str) -> dict[str, tuple[int, int]]:
    """Character span of each top-level front-matter key in ``text``, its value's lines included.

    Lets a caller copy or ignore one key exactly as written (comments and quoting kept).
    """
    split = split_front_matter(text)
    if not split.front_matter:
        return {}
    lines = split.front_matter.splitlines(keepends=True)
    starts = [len(split.bom)]
    for line in lines:
        starts.append(starts[-1] + len(line))
    node = yaml_input.compose("".join(lines[1:-1]))
    if not isinstance(node, yaml.MappingNode):
        return {}
    spans = {}
    for key_node, value_node in node.value:
        first = key_node.start_mark.line + 1  # +1: the opening --- line
        end = value_node.end_mark
        last = (end.line if end.column > 0 else end.line - 1) + 1
        spans[str(key_node.value)] = (starts[first], starts[last + 1])
    return spans
