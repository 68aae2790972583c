"""The renderer is the judge: a translation is right when the site renders it to the same page.

:func:`site_renderer` builds Python-Markdown exactly as the site's build does, from the site's
``mkdocs.yml`` read by MkDocs' own config loader (so ``!!python/name:`` tags, ``INHERIT`` and
MkDocs' built-in extensions are handled as in a build). :func:`html_structure` reduces rendered
HTML to what a translation must keep: every element and every attribute, with the values of
prose attributes (``alt``, ``title``, ``aria-label``...) blanked and heading ids kept, and the
text of code, ``pre``, keys, math and do-not-translate elements byte for byte (the rule of
``bilingue.markdown.verbatim``, which the translator follows too); other text is prose and left
out. :func:`judge` compares a French and an English Markdown file that way.

The Markdown model (``bilingue.markdown.validate``) says *which block* differs; the judge is the
last word on *whether the page* differs, including everything the model does not understand.
"""

from __future__ import annotations

import difflib
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, NamedTuple

from bilingue.frontmatter import split_front_matter
from bilingue.markdown.html_prose import PROSE_ATTRIBUTES
from bilingue.markdown.verbatim import VOID_TAGS, is_verbatim

#: what MkDocs renders with when a project has no mkdocs.yml (MkDocs' built-in extensions)
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")

Event = tuple[str, ...]


@dataclass
class SiteRenderer:
    """Python-Markdown configured like the site (one instance, reset between pages)."""

    extensions: list[Any]
    configs: dict[str, Any] = field(default_factory=dict)
    origin: str = "MkDocs defaults"

    def __post_init__(self) -> None:
        import markdown  # here: commands that never render (status, an unchanged translate) skip it

        self._markdown = markdown.Markdown(extensions=self.extensions, extension_configs=self.configs)
        self._fragments: dict[str, list[Event]] = {}
        names = {name if isinstance(name, str) else type(name).__module__ for name in self.extensions}
        self._span_mode = any(name.endswith("md_in_html") for name in names)

    def render(self, text: str) -> str:
        """HTML of a Markdown file's body, as the site renders it (front matter left out)."""
        return self.convert(split_front_matter(text).body)

    def convert(self, markdown_text: str) -> str:
        """HTML of Markdown without front matter (a body, or one part of it)."""
        return self._markdown.reset().convert(markdown_text)

    def compare_fragments(self, french: str, english: str) -> HtmlDifference | None:
        """Judge one block's prose: each rendered alone as inline Markdown (the French one
        remembered). Inline only: out of its place, the prose of a block (``# le`` continuing an
        indented line) must not be read as a heading or a list."""
        expected = self._fragments.get(french)
        if expected is None:
            if len(self._fragments) > _FRAGMENT_CACHE:
                self._fragments.clear()
            expected = self._fragments[french] = self._inline_structure(french)
        return compare_structures(expected, self._inline_structure(english))

    def _inline_structure(self, prose: str) -> list[Event]:
        # md_in_html's span mode (when the site has it): the content is read as inline Markdown only
        text = f'<div markdown="span">\n{prose}\n</div>' if self._span_mode else prose
        return html_structure(self._markdown.reset().convert(text))


@dataclass(frozen=True)
class HtmlDifference:
    """Where two renderings part: the first differing element, said for a person."""

    french: str
    english: str

    def describe(self) -> str:
        """What differs between the two rendered pages, for a report."""
        return f"the page renders differently: {self.french} became {self.english}"


def site_renderer(mkdocs_yml: Path | str | None) -> SiteRenderer:
    """The renderer of the site whose config is ``mkdocs_yml`` (MkDocs' defaults when None or
    absent). Loaded once per file version, unless a build handed it over first
    (:func:`renderer_from_config`)."""
    if mkdocs_yml is None or not Path(mkdocs_yml).is_file():
        return _RENDERERS.get(_DEFAULTS, lambda: SiteRenderer(list(MKDOCS_BUILTIN_EXTENSIONS)))
    version = _file_version(mkdocs_yml)
    return _RENDERERS.get(version, lambda: _load_renderer(version.path))


def renderer_from_config(config: Any) -> SiteRenderer:
    """The renderer of an already loaded MkDocs config (a build's), remembered for its file so
    that translating during the build does not load the config again."""
    renderer = SiteRenderer(list(config["markdown_extensions"]), dict(config["mdx_configs"]), "mkdocs.yml")
    _RENDERERS.put(_file_version(config.config_file_path), renderer)
    return renderer


def html_structure(html: str) -> list[Event]:
    """What a translation must keep of a rendered page (see the module docstring)."""
    parser = _Structure()
    parser.feed(html)
    parser.close()
    return parser.events


def judge(renderer: SiteRenderer, french: str, english: str) -> HtmlDifference | None:
    """None when both files render to the same structure, else the first difference."""
    return compare_structures(
        html_structure(renderer.render(french)), html_structure(renderer.render(english))
    )


def compare_structures(french: list[Event], english: list[Event]) -> HtmlDifference | None:
    """The first difference between two rendered structures, or None when they agree."""
    if french == english:
        return None
    matcher = difflib.SequenceMatcher(None, french, english, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag != "equal":
            return HtmlDifference(_describe(french[a1:a2]), _describe(english[b1:b2]))
    return HtmlDifference("?", "?")  # pragma: no cover - unequal lists always have an opcode


# --- helpers --------------------------------------------------------------------------------------


class _ConfigVersion(NamedTuple):
    """One version of a config file: a renderer is remembered for it, not for the path alone."""

    path: str
    mtime_ns: int


def _file_version(mkdocs_yml: Path | str) -> _ConfigVersion:
    path = Path(mkdocs_yml).resolve()
    return _ConfigVersion(str(path), path.stat().st_mtime_ns)


class _RendererCache:
    """The renderers of the last few config versions, primed by builds or loaded on demand; the
    least recently used goes first (``mkdocs serve`` primes one per rebuild of an edited
    mkdocs.yml, so an unbounded map would grow for the whole session)."""

    def __init__(self, size: int):
        self._size = size
        self._renderers: OrderedDict[_ConfigVersion, SiteRenderer] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, version: _ConfigVersion, make: Callable[[], SiteRenderer]) -> SiteRenderer:
        with self._lock:
            found = self._renderers.get(version)
            if found is not None:
                self._renderers.move_to_end(version)
                return found
        renderer = make()  # outside the lock: loading a config takes a second
        self.put(version, renderer)
        return renderer

    def put(self, version: _ConfigVersion, renderer: SiteRenderer) -> None:
        with self._lock:
            self._renderers[version] = renderer
            self._renderers.move_to_end(version)
            while len(self._renderers) > self._size:
                self._renderers.popitem(last=False)


def _load_renderer(path: str) -> SiteRenderer:
    from mkdocs.config import load_config  # ~1 s of imports and plugin set-up: only when judging

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    quiet = logging.getLogger("mkdocs")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # loading the config is not a build: its INFO lines are noise
    try:
        config = load_config(path)
    finally:
        quiet.setLevel(level)
    return SiteRenderer(list(config["markdown_extensions"]), dict(config["mdx_configs"]), path)


def _describe(events: list[Event]) -> str:
    if not events:
        return "nothing"
    shown = " ".join(_event_text(event) for event in events[:3])
    return f"`{shown}`" + (" …" if len(events) > 3 else "")


def _event_text(event: Event) -> str:
    kind = event[0]
    if kind == "start":
        return f"<{event[1]}{event[2]}>"
    if kind == "end":
        return f"</{event[1]}>"
    return repr(event[1])


class _Structure(HTMLParser):
    """Elements with their attributes (prose values blanked) and verbatim text, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[Event] = []
        self.stack: list[tuple[str, bool]] = []
        self.verbatim = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", tag, _attributes(attrs)))
        if tag not in VOID_TAGS:
            verbatim = is_verbatim(tag, dict(attrs))
            self.stack.append((tag, verbatim))
            self.verbatim += verbatim

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", tag, _attributes(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS:
            return
        self.events.append(("end", tag))
        while self.stack:
            opened, verbatim = self.stack.pop()
            self.verbatim -= verbatim
            if opened == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.verbatim:
            self.events.append(("text", data))


def _attributes(attrs: list[tuple[str, str | None]]) -> str:
    kept = []
    for name, value in sorted(attrs, key=lambda pair: pair[0]):
        if name in PROSE_ATTRIBUTES:
            value = "…" if (value or "").strip() else ""
        kept.append(f' {name}="{value}"' if value is not None else f" {name}")
    return "".join(kept)


_FRAGMENT_CACHE = 20_000  # French blocks whose structure is remembered (a site's worth)
_DEFAULTS = _ConfigVersion("", 0)  # no mkdocs.yml: MkDocs' built-in extensions
_RENDERERS = _RendererCache(size=8)  # config versions whose renderer is remembered
