"""YAML from files strangers write (front matter, sources.yml, bilingue.yml, the glossary).

Two doors stay shut, in linear time and bounded memory:

- aliases (``*name``) are refused where they are written: seven levels of aliases to a list of
  nine items ("billion laughs") make a 13-line file expand to billions of items for any code that
  walks the result; nobody needs them in an essay's front matter or a source entry;
- a document larger than ``MAX_BYTES`` is refused before parsing.

Errors are ``yaml.MarkedYAMLError``s with a ``problem`` and a ``problem_mark``, like PyYAML's own,
so the callers' existing handling names the file and line.
"""

from __future__ import annotations

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
