"""The site's output policy: how an untrusted value reaches a reader's browser without running.

Everything published comes from people or services we do not control (essays and front matter
from pull requests, ``sources.yml``, every translation service's answer). One policy, in one
place, used by the build hooks, the listing, the Sources page and ``check``:

- a *value* (a title, a description, a tag, a source's fields) is text, never markup: it is
  escaped for its context, ``escape_text`` for HTML text and attributes, ``escape_markdown_text``
  where it is pasted into Markdown that MkDocs renders afterwards (every character Markdown or
  HTML could read as syntax becomes a numeric character reference);
- the rendered HTML of a page's *content* goes through an allowlist sanitizer, nh3 (Rust's
  ammonia): the tags and attributes the site's Markdown extensions produce are kept (the
  allowlist was checked against every extension in mkdocs.yml: the rendered pages are unchanged),
  event handlers, ``script``/``style`` elements, ``iframe``/``object``/``embed``, forms and
  ``javascript:``/``data:`` URLs are not;
- what the sanitizer removes is never lost silently: ``unsafe_markup`` lists it, so the build
  warns (and ``--strict`` fails) and ``check`` names the file and line.

Values escaped here are returned as ``markupsafe.Markup``: escaping one again (here, or with
Jinja's ``|e``) leaves it as it is, so a hook that escapes page.meta and a template or hook that
escapes it once more cannot double-escape.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from itertools import compress
from operator import ne

import nh3
from markupsafe import Markup


def escape_text(value: object) -> Markup:
    """``value`` as HTML text or a quoted attribute value (``& < > " '`` escaped), idempotent."""
    if isinstance(value, Markup):
        return value
    return Markup.escape(str(value))


def escape_markdown_text(value: object) -> Markup:
    """``value`` pasted into Markdown as literal text: every character that Markdown, one of the
    site's extensions (``==mark==``, ``{: attr_list}``, ``^^``, ``~~``, ``$math$``...) or HTML could
    read as syntax becomes a numeric character reference, which Markdown passes through as text."""
    if isinstance(value, Markup):
        return value
    return Markup("".join(_MARKDOWN_REFERENCES.get(char, char) for char in str(value)))


def escape_page_meta(meta: dict) -> None:
    """Escape, in place, the front-matter values that templates print as they are (Material puts
    ``page.meta.title`` into ``<title>``, the header and the nav, ``description`` into a
    ``<meta>`` tag): they come from strangers' pull requests and from translation services."""
    for key in DISPLAYED_META:
        if key not in meta:
            continue
        value = meta[key]
        if isinstance(value, list):
            meta[key] = [_escaped_value(item) for item in value]
        else:
            meta[key] = _escaped_value(value)


def _escaped_value(value: object) -> object:
    """A front-matter value as templates may print it: text (and a mapping, which templates print
    with ``str()``) escaped; nothing, numbers and dates left as they are (they hold no markup)."""
    if value is None or isinstance(value, (int, float, dt.date)):
        return value
    return escape_text(value)


def line_of(text: str, needle: str) -> int | None:
    """The 1-based line of ``text`` where ``needle`` first appears (any case), or None."""
    position = text.lower().find(needle.lower())
    return None if position < 0 else text.count("\n", 0, position) + 1


def locate(found: list[Unsafe], text: str, first_line: int = 1) -> list[int | None]:
    """The line of ``text`` (numbered from ``first_line``) each of ``found`` comes from: the n-th
    thing with a needle is its n-th occurrence (rendering keeps the source's order); None when
    it is not in ``text`` (it came from sources.yml or a translation)."""
    lowered = text.lower()
    searched_from: dict[str, int] = {}
    lines: list[int | None] = []
    for unsafe in found:
        needle = unsafe.needle.lower()
        position = lowered.find(needle, searched_from.get(needle, 0))
        if position < 0:
            lines.append(None)
            continue
        searched_from[needle] = position + len(needle)
        lines.append(text.count("\n", 0, position) + first_line)
    return lines


def sanitize_html(fragment: str) -> str:
    """``fragment`` (a page's rendered content) with everything outside the allowlist removed."""
    clean = _CLEANER.clean(fragment)
    # The reserved ids are removed by a Python callback, called for every attribute of every page
    # (a tenth of the sanitizer's time), though nearly no page has one. Without the callback, an
    # element keeping a reserved id is written ` id="__config"`: html5ever writes every attribute
    # as ` name="value"`, the parser lower-cases HTML attribute names (SVG adjusts none called
    # id), and of a value it escapes only `&`, `"` and U+00A0, none of which a reserved id holds.
    # So when the output has no `id="__config"` (or another reserved id), the callback would have
    # returned every value unchanged and the output is the same; otherwise clean again with it.
    if _RESERVED_ID_WRITTEN.search(clean):
        return _RESERVED_ID_CLEANER.clean(fragment)
    return clean


@dataclass(frozen=True)
class Sanitized:
    """A fragment through the sanitizer: what is kept, and what was removed (to report)."""

    html: str
    removed: tuple[Unsafe, ...]


def sanitize(fragment: str) -> Sanitized:
    """``sanitize_html(fragment)`` and ``unsafe_markup(fragment)`` together.

    The scan for what was removed (a Python HTML parser, slower than the sanitizer itself) runs
    only when the sanitizer changed more than the way the markup is written: on nearly every page
    of the site it changes nothing, and nothing removed means nothing to report.
    """
    clean = sanitize_html(fragment)
    if _same_markup(fragment, clean):
        return Sanitized(clean, ())
    return Sanitized(clean, tuple(unsafe_markup(fragment)))


@dataclass(frozen=True)
class Unsafe:
    """One thing the sanitizer removes from a fragment, and a string to find it in the source."""

    what: str  # e.g. "<script> element", "onclick attribute on <mark>"
    needle: str  # what to search the author's text for, to give a line

    def __str__(self) -> str:
        return self.what


def unsafe_markup(fragment: str) -> list[Unsafe]:
    """What ``sanitize_html`` removes from ``fragment``, in document order.

    Read with the standard library's HTML parser, which decodes entities the way a browser
    does (``&#106;avascript:`` is ``javascript:``) and lower-cases names.
    """
    finder = _UnsafeFinder()
    # HTML5 (browsers, nh3) closes "<!-->" and "<!--->" at once; Python's parser would read on
    finder.feed(_ABRUPT_COMMENT.sub("<!---->", fragment))
    finder.close()
    return finder.found


def markup_in_text(value: str) -> list[str]:
    """Why ``value`` (a title, a description, a tag) looks like markup: it is shown as plain text,
    so an author who wrote HTML or Markdown there should learn it will not be rendered."""
    found = [label for pattern, label in _MARKUP_IN_TEXT if pattern.search(value)]
    return found


def new_markup(source: str, output: str) -> str | None:
    """Why ``output`` (a service's answer for plain text) cannot replace ``source``: it has markup
    the source did not have (HTML tags, attribute lists, event handlers, script URLs...). None
    when it has none."""
    for pattern, label in _MARKUP_IN_TEXT:
        if len(pattern.findall(output)) > len(pattern.findall(source)):
            return f"the answer adds markup the French did not have ({label})"
    return None


# --- helpers ------------------------------------------------------------------------------------


def _same_markup(fragment: str, clean: str) -> bool:
    """Whether ``clean`` (the sanitizer's output for ``fragment``) is ``fragment`` written another
    way, by the few rewrites that tell how html5ever (nh3) and Python-Markdown write the same
    markup apart: a character or its entity (``¶``, ``&para;``; never one of ``< > & " '``, which
    could make or hide markup), a void element's slash (``<br />``), an SVG path closed
    (``<path/>``, ``<path></path>``), an attribute's empty value spelled out (``checked=""``).
    None of them adds or removes a tag or an attribute name, so when anything else differs
    (anything removed) the page is scanned. A tag name no HTML element has (``<t&#x72;>``,
    ``<tbody="">``) is always scanned: nh3 removes it, and the parser may add a real element
    of the same letters in its place (a table's ``<tr>``, ``<tbody>``)."""
    if fragment == clean:
        return True
    if _ODD_TAG_NAME.search(fragment):
        return False
    if _differing_lines_written_plainly(fragment, clean):
        return True  # nearly every page: only the lines that differ are rewritten
    return _written_plainly(fragment) == _written_plainly(clean)


def _differing_lines_written_plainly(fragment: str, clean: str) -> bool:
    """``_written_plainly(fragment) == _written_plainly(clean)``, looking only at the lines that
    differ (a tenth of a page: a heading's ``&para;``, a footnote's ``&#8617;``...). True only
    when that is true; False may also mean "cannot tell this way" (the caller then compares the
    whole texts, so ``_same_markup`` answers exactly what the whole comparison answers).

    Why the lines that differ are enough: each rewrite of ``_written_plainly`` stays within a
    line and reads nothing outside it but the line breaks around it. The replaced strings and the
    character references hold no line break (``html.unescape`` matches none); an empty value
    ``=""`` is dropped when a space-like character follows it (the next line break, if at the end)
    and an attribute name follows a space-like character before it (a name holds no line break:
    the name and that character are within the line or the line break before it; the 80
    characters looked back cover the same). So, the two texts having as many lines,
    ``_written_plainly`` of a text is the join of each line's rewriting, and a line the same in
    both is rewritten the same. The lines that differ are rewritten at once, joined by a line
    break, U+0001 and a line break (each line has the line breaks around it that it has in the
    page); no rewrite makes or removes a U+0001, so when no line holds one the joins are equal
    exactly when each line's rewriting is."""
    ours, theirs = fragment.split("\n"), clean.split("\n")
    if len(ours) != len(theirs):
        return False
    differing = list(compress(range(len(ours)), map(ne, ours, theirs)))
    if not differing:
        return True
    before = "\n" if differing[0] > 0 else ""  # the text's first line has no line break before it
    after = "\n" if differing[-1] < len(ours) - 1 else ""
    ours_differing = before + _LINES_APART.join([ours[number] for number in differing]) + after
    theirs_differing = before + _LINES_APART.join([theirs[number] for number in differing]) + after
    apart = len(differing) - 1  # the separators' \x01, when no line holds one
    if ours_differing.count("\x01") != apart or theirs_differing.count("\x01") != apart:
        return False
    return _written_plainly(ours_differing) == _written_plainly(theirs_differing)


def _written_plainly(markup: str) -> str:
    # (str.replace: a regex for the slash with its optional space costs ten times more)
    markup = markup.replace("></path>", ">").replace(" />", ">").replace("/>", ">")
    # a reference to < > & " ' stays a reference: its "&" becomes a NUL, which unescape leaves
    # (and nh3 never writes one)
    return html.unescape(_MARKUP_REFERENCE.sub("\0", _EMPTY_VALUE.sub(_without_empty_value, markup)))


def _without_empty_value(match: re.Match[str]) -> str:
    # only an attribute's (a name after a space): `<tbody="">` is an unknown element nh3 removes
    before = match.string[max(0, match.start() - 80) : match.start()]
    return "" if _ATTRIBUTE_NAME_BEFORE.search(before) else match.group(0)


class _UnsafeFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Unsafe] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            dropped = "element and its content" if tag in _CONTENT_DROPPED else "element"
            self.found.append(Unsafe(f"<{tag}> {dropped}", f"<{tag}"))
            return
        for name, value in attrs:
            if not _attribute_allowed(tag, name, value or ""):
                self.found.append(Unsafe(f"{name} attribute on <{tag}>", f"{name}="))
            elif name in _URL_ATTRIBUTES and not url_allowed(value or ""):
                scheme = _scheme(value or "") or "this"
                self.found.append(Unsafe(f"{scheme}: URL in {name} on <{tag}>", f"{scheme}:"))

    handle_startendtag = handle_starttag

    def updatepos(self, i: int, j: int) -> int:
        """The parser counts the lines of every token it passes (a tenth of the scan's time) for
        ``getpos``, which the finder never asks: findings are located in the source, not here."""
        return j


def _attribute_allowed(tag: str, name: str, value: str) -> bool:
    if name.startswith(_GENERIC_PREFIXES):
        return True
    if name in _ATTRIBUTES_LOWER["*"] or name in _ATTRIBUTES_LOWER.get(tag, ()):
        return value not in _RESERVED_IDS if name == "id" else True
    return value in TAG_ATTRIBUTE_VALUES.get(tag, {}).get(name, ())


def _filter_attribute(tag: str, name: str, value: str) -> str | None:
    """nh3's per-attribute hook: ids of Material's own page elements are not for content."""
    if name == "id" and value in _RESERVED_IDS:
        return None
    return value


def url_allowed(url: str) -> bool:
    """Whether a reader's browser may follow ``url`` (http, https, mailto, tel or relative)."""
    scheme = _scheme(url)
    return scheme is None or scheme in URL_SCHEMES


def _scheme(url: str) -> str | None:
    # browsers ignore ASCII whitespace and control characters inside the scheme ("java\tscript:")
    compact = _IGNORED_IN_SCHEME.sub("", url)
    match = _SCHEME.match(compact)
    return match.group(1).lower() if match else None


# --- data ---------------------------------------------------------------------------------------

#: tags the site's Markdown extensions produce (tabbed and tasklist need input/label; icons svg/path)
TAGS = frozenset(nh3.ALLOWED_TAGS | {"input", "label", "svg", "path"})

ATTRIBUTES: dict[str, set[str]] = {k: set(v) for k, v in nh3.ALLOWED_ATTRIBUTES.items()} | {
    "*": {
        "class",
        "id",
        "title",
        "lang",
        "dir",
        "role",
        "aria-level",
        "aria-label",
        "aria-hidden",
        "aria-current",  # the listing pager's current page
        "translate",
    },
    "a": {"href", "hreflang", "target", "rel"},
    "img": {"src", "alt", "width", "height", "loading"},
    "input": {"type", "checked", "disabled", "id", "name"},
    "label": {"for"},
    "svg": {"xmlns", "viewBox", "width", "height", "fill", "aria-hidden"},
    "path": {"d", "fill"},
    "time": {"datetime"},
    "details": {"open"},  # pymdownx.details: ???+ is open
}

# the HTML parser lower-cases names (viewBox -> viewbox); nh3 compares them as written
_ATTRIBUTES_LOWER = {tag: {name.lower() for name in names} for tag, names in ATTRIBUTES.items()}

#: attributes allowed with these values only: the tables extension aligns cells with a style
TAG_ATTRIBUTE_VALUES = {
    cell: {"style": {f"text-align: {side};" for side in ("left", "center", "right")}} for cell in ("th", "td")
}

#: front-matter keys a template prints (Material: title, description, author; ours: tags)
DISPLAYED_META = ("title", "description", "author", "subtitle", "tags")

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

_GENERIC_PREFIXES = ("data-",)
_URL_ATTRIBUTES = frozenset({"href", "src", "cite", "action", "formaction", "xlink:href", "poster"})
_CONTENT_DROPPED = frozenset({"script", "style"})

# Material finds its own elements by id (``document.querySelector("#__config")``): an element of
# the content with one of these ids would stand in for them.
_RESERVED_IDS = frozenset(
    {"__config", "__search", "__drawer", "__toc", "__consent", "__palette_0", "__palette_1"}
)

_ALLOWLIST = {
    "tags": set(TAGS),
    "attributes": ATTRIBUTES,
    "tag_attribute_values": TAG_ATTRIBUTE_VALUES,
    "generic_attribute_prefixes": set(_GENERIC_PREFIXES),
    "url_schemes": set(URL_SCHEMES),
    "link_rel": None,
    "strip_comments": False,
    "clean_content_tags": set(_CONTENT_DROPPED),
}
_CLEANER = nh3.Cleaner(**_ALLOWLIST)
# the same allowlist, and the reserved ids removed (only for the output that may hold one)
_RESERVED_ID_CLEANER = nh3.Cleaner(**_ALLOWLIST, attribute_filter=_filter_attribute)
# a reserved id kept, as html5ever writes it (see sanitize_html)
_RESERVED_ID_WRITTEN = re.compile(f'id="(?:{"|".join(map(re.escape, sorted(_RESERVED_IDS)))})"')

# between the lines that differ, compared at once (see _differing_lines_written_plainly)
_LINES_APART = "\n\x01\n"
_ABRUPT_COMMENT = re.compile(r"<!--->|<!-->")
# an empty attribute value as html5ever (nh3) writes it: `checked=""` where Python-Markdown wrote
# `checked` (a regex looking behind for the name at every space costs ten times more)
_EMPTY_VALUE = re.compile(r'=""(?=[\s/>])')
_ATTRIBUTE_NAME_BEFORE = re.compile(r'\s[^\s"\'<>/=&]+\Z')
# a tag name with a character no element's name has (every name of TAGS is letters and digits)
_ODD_TAG_NAME = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*[^A-Za-z0-9\s/>-]")
# the "&" of a character reference to < > & " or ' (names, decimal or hex, with or without ";",
# as html.unescape reads them)
_MARKUP_REFERENCE = re.compile(
    r"&(?=(?i:lt|gt|amp|quot|apos)|#0*(?:60|62|38|34|39)(?![0-9])|#[xX]0*(?:3[cCeE]|2[2678])(?![0-9a-fA-F]))"
)
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")

# HTML's specials, and every ASCII punctuation character a Markdown extension of the site reads
_MARKDOWN_REFERENCES = {char: f"&#{ord(char)};" for char in "&<>\"'\\`*_{}[]()!=~^$|"}

_MARKUP_IN_TEXT = [
    (re.compile(r"<\s*/?\s*[a-zA-Z!?]"), "an HTML tag"),
    (re.compile(r"\bon[a-z]+\s*=", re.IGNORECASE), "an event handler"),
    (re.compile(r"(?:java|vb)script\s*:|data\s*:[^,\s]*[;,]", re.IGNORECASE), "a script or data URL"),
    (re.compile(r"\{\s*:|\{\s*[.#][\w-]"), "a Markdown attribute list"),
    (re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);"), "an HTML entity"),
    (re.compile(r"==\S|\[[^\]]*\]\(|`"), "Markdown markup"),
]
