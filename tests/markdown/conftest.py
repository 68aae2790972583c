"""Shared fixtures: the French corpus and the SITE's own Markdown renderer.

The renderer is configured from mkdocs.yml through MkDocs' own config loader (it resolves the
``!!python/name`` tags of the emoji extension), so tests and site can never drift apart.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from bilingue.frontmatter import split_front_matter

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def site_markdown():
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    extensions = config["markdown_extensions"]
    configs = config["mdx_configs"]

    renderer = markdown.Markdown(extensions=extensions, extension_configs=configs)

    def render(text: str) -> str:
        return renderer.reset().convert(split_front_matter(text).body)

    return render


@pytest.fixture(scope="session")
def html_skeleton():
    return skeleton


def skeleton(html: str) -> list[tuple]:
    """Tags and nesting, href/src/id/for attributes, code and math contents; no prose."""
    parser = _Skeleton()
    parser.feed(html)
    parser.close()
    return parser.events


class _Skeleton(HTMLParser):
    KEPT = ("href", "src", "id", "for", "name", "type", "checked", "disabled", "open")
    VERBATIM = frozenset({"code", "pre", "script", "style"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []
        self.verbatim = 0
        self.stack: list[tuple[str, bool]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        kept = tuple((key, attributes[key]) for key in self.KEPT if key in attributes)
        self.events.append(("start", tag, kept))
        verbatim = tag in self.VERBATIM or "arithmatex" in (attributes.get("class") or "")
        self.stack.append((tag, verbatim))
        self.verbatim += verbatim

    def handle_startendtag(self, tag, attrs):
        attributes = dict(attrs)
        kept = tuple((key, attributes[key]) for key in self.KEPT if key in attributes)
        self.events.append(("empty", tag, kept))

    def handle_endtag(self, tag):
        self.events.append(("end", tag))
        while self.stack:
            opened, verbatim = self.stack.pop()
            self.verbatim -= verbatim
            if opened == tag:
                break

    def handle_data(self, data):
        if self.verbatim and data.strip():
            self.events.append(("data", data))
