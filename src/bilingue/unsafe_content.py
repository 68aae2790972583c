"""``check`` side of the output policy: what the build would escape or strip, named with its line.

The build never publishes script (``bilingue.safety``): front-matter values and registry fields
are shown as text, and the sanitizer removes what the allowlist does not keep from every page.
Both are silent for a reader; this module tells the author, before the build, with the file and
line: markup written where only text is shown, and content the sanitizer would remove from the
rendered page (raw HTML, ``{: onclick=...}`` attribute lists, ``javascript:`` links...).
Pages are rendered with the Markdown extensions of the site's mkdocs.yml, as the build does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bilingue import SOURCE_LANGUAGE, TARGET_LANGUAGE
from bilingue.errors import SourceFileError
from bilingue.files import read_text
from bilingue.frontmatter import split_front_matter
from bilingue.markdown import SiteRenderer, site_renderer
from bilingue.safety import DISPLAYED_META, Unsafe, line_of, locate, markup_in_text, unsafe_markup
from bilingue.sources import ERROR, Finding, Registry, render_reference


def check_unsafe_content(pages: Iterable[Path], registry: Registry, mkdocs_yml: Path) -> list[Finding]:
    """Every page's front matter and rendered body, and every registry entry (see module doc)."""
    renderer = site_markdown(mkdocs_yml)
    findings: list[Finding] = []
    for page in pages:
        try:
            text = read_text(page)
            split = split_front_matter(text, page)
        except SourceFileError:
            continue  # the citation checks already report an unreadable page
        findings += _front_matter_findings(page, split.meta, split.front_matter)
        for unsafe, line in unsafe_in_markdown(split.body, split.body_line, renderer):
            findings.append(Finding(ERROR, page, line, f"{unsafe} would be removed from the page; {_FIX}"))
    findings += _registry_findings(registry, renderer)
    return findings


def unsafe_in_markdown(body: str, first_line: int, renderer: SiteRenderer) -> list[tuple[Unsafe, int | None]]:
    """What the sanitizer removes from ``body`` once rendered, each with its line.

    The whole body is rendered first (what is published). When something is found, each part
    between blank lines (code fences kept whole) is rendered on its own to give each thing the
    line of its part; a construct that only exists across parts keeps the line of its text.
    """
    found = unsafe_markup(renderer.convert(body))
    if not found:
        return []
    located: list[tuple[Unsafe, int | None]] = []
    for part_line, part in _parts(body, first_line):
        in_part = unsafe_markup(renderer.convert(part))
        # a needle written with entities (&#106;avascript:) is not found: the part's line then
        lines = [line or part_line for line in locate(in_part, part, part_line)]
        located += zip(in_part, lines, strict=True)
    return located or list(zip(found, locate(found, body, first_line), strict=True))


def site_markdown(mkdocs_yml: Path) -> SiteRenderer:
    """The site's renderer (the translation judge's, from ``mkdocs_yml``); without a mkdocs.yml,
    one that lets raw HTML and attribute lists through, so that they are still looked at."""
    if mkdocs_yml.is_file():
        return site_renderer(mkdocs_yml)
    return SiteRenderer(list(_FALLBACK_EXTENSIONS), origin="raw HTML and attribute lists")


# --- helpers ------------------------------------------------------------------------------------


def _parts(body: str, first_line: int) -> list[tuple[int, str]]:
    """``body`` cut at blank lines outside code fences: (first line, text) of each part."""
    parts: list[tuple[int, str]] = []
    current: list[str] = []
    start = first_line
    fence = ""
    for number, line in enumerate(body.split("\n"), start=first_line):
        marker = _FENCE.match(line)
        if marker and (not fence or marker.group(1).startswith(fence)):
            fence = "" if fence else marker.group(1)
        if not line.strip() and not fence:
            if current:
                parts.append((start, "\n".join(current)))
            current, start = [], number + 1
            continue
        current.append(line)
    if current:
        parts.append((start, "\n".join(current)))
    return parts


def _front_matter_findings(page: Path, meta: dict[str, Any], front_matter: str) -> list[Finding]:
    findings = []
    for key in DISPLAYED_META:
        value = meta.get(key)
        values = value if isinstance(value, list) else [value]
        labels = {label for item in values if isinstance(item, str) for label in markup_in_text(item)}
        if labels:
            line = line_of(front_matter, f"{key}:")
            findings.append(
                Finding(
                    ERROR,
                    page,
                    line,
                    f"front matter '{key}' holds {', '.join(sorted(labels))}: it is shown as plain "
                    "text, never as markup; write the words only",
                )
            )
    return findings


def _registry_findings(registry: Registry, renderer: SiteRenderer) -> list[Finding]:
    findings = []
    for source in registry:
        line = registry.lines.get(source.id)
        fields = {
            "title": source.title,
            "publisher": source.publisher,
            "container_title": source.container_title,
            "author": " ".join(source.author),
        }
        for name, value in fields.items():
            labels = markup_in_text(value or "")
            if labels:
                findings.append(
                    Finding(
                        ERROR,
                        registry.path,
                        line,
                        f"source {source.id}: {name} holds {', '.join(labels)}: it is shown as plain "
                        "text, never as markup; write the words only",
                    )
                )
        for language in (SOURCE_LANGUAGE, TARGET_LANGUAGE):
            for unsafe in unsafe_markup(renderer.convert(render_reference(source, language))):
                findings.append(
                    Finding(
                        ERROR, registry.path, line, f"source {source.id}: {unsafe} would be removed; {_FIX}"
                    )
                )
    return list(dict.fromkeys(findings))


# --- data ---------------------------------------------------------------------------------------

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_FIX = "the site publishes no script, handler or embedded content (see the security section of the guide)"

# without a mkdocs.yml (check run on a bare folder): what lets raw HTML and attribute lists through
_FALLBACK_EXTENSIONS: list[Any] = ["attr_list", "md_in_html", "footnotes", "tables", "pymdownx.mark"]
