"""YAML from files strangers write (front matter, sources.yml, bilingue.yml, the glossary).

Two doors stay shut, in linear time and bounded memory:

- aliases (``*name``) are refused where they are written: seven levels of aliases to a list of
  nine items ("billion laughs") make a 13-line file expand to billions of items for any code that
  walks the result; nobody needs them in an essay's front matter or a source entry;
- a document larger than ``MAX_BYTES`` is refused before parsing.

Errors are ``yaml.MarkedYAMLError``s with a ``problem`` and a ``problem_mark``, like PyYAML's own,
so the callers' existing handling names the file and line. :func:`key_lines` says on which line
each key of a document is written, for messages about a value that was read.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

#: the largest YAML document read (sources.yml of a large site is well under 1 MB)
MAX_BYTES = 1_000_000

# libyaml's safe loader, when PyYAML was built with it
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


class RefusedYAMLError(yaml.MarkedYAMLError):
    """An alias or an oversize document: refused, with the place when there is one."""


class UntrustedLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` that refuses aliases."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        """Compose a node as ``SafeLoader`` does, refusing an alias where it appears."""
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise RefusedYAMLError(
                problem=f"aliases (*{event.anchor}) are not allowed: write the value out in full",
                problem_mark=event.start_mark,
            )
        return super().compose_node(parent, index)


def safe_load(text: str) -> Any:
    """``yaml.safe_load`` without aliases or oversize documents."""
    _check_size(text)
    return yaml.load(text, Loader=_loader_for(text))


def compose(text: str) -> yaml.Node | None:
    """``yaml.compose`` (every node keeps its line) without aliases or oversize documents."""
    _check_size(text)
    return yaml.compose(text, Loader=_loader_for(text))


@dataclass(frozen=True)
class KeyLines:
    """The 1-based line of each mapping key and sequence item of a YAML document, by its path
    from the top (``("translation", "mode")``, ``("keep", 0)``; keys as written, unquoted)."""

    lines: dict[tuple[str | int, ...], int] = field(default_factory=dict)

    def line_of(self, *path: str | int) -> int | None:
        """The line of ``path``, or of its longest part the document has (a value the document
        lacks is blamed on its parent); None when not even its first key is there."""
        for end in range(len(path), 0, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None


def key_lines(text: str) -> KeyLines:
    """Where each key of a YAML document is written, read by :func:`compose` (so with the same
    rules: no aliases, no oversize document)."""
    found: dict[tuple[str | int, ...], int] = {}
    # in document order (so a repeated key's last place wins, as when loaded); a loop, not recursion
    pending: deque[tuple[tuple[str | int, ...], yaml.Node | None]] = deque([((), compose(text))])
    while pending:
        path, node = pending.popleft()
        if isinstance(node, yaml.MappingNode):
            children: Sequence[tuple[str | int, yaml.Node, yaml.Node]] = [
                (str(key.value), key, value) for key, value in node.value
            ]
        elif isinstance(node, yaml.SequenceNode):
            children = [(index, item, item) for index, item in enumerate(node.value)]
        else:
            continue
        for name, where, value in children:
            found[(*path, name)] = where.start_mark.line + 1
            pending.append(((*path, name), value))
    return KeyLines(found)


def _loader_for(text: str) -> type:
    """libyaml's loader (about 10x faster, as MkDocs uses for page meta) when the text cannot hold
    an alias (an alias is written ``*name``); the pure Python loader that refuses them otherwise."""
    if _FAST_LOADER is not None and "*" not in text:
        return _FAST_LOADER
    return UntrustedLoader


def _check_size(text: str) -> None:
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise RefusedYAMLError(
            problem=f"the YAML is {size:,} bytes, more than the {MAX_BYTES:,} this project reads: "
            "split it or shorten it"
        )
