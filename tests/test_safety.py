"""The output policy (bilingue.safety): escaping for each context, and an allowlist sanitizer that
removes what runs and keeps everything the site's Markdown extensions produce."""

from __future__ import annotations

from _markupbase import ParserBase
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from bilingue.frontmatter import split_front_matter
from bilingue.safety import (
    _ABRUPT_COMMENT,
    _RESERVED_ID_CLEANER,
    Sanitized,
    _differing_lines_written_plainly,
    _same_markup,
    _UnsafeFinder,
    escape_markdown_text,
    escape_page_meta,
    escape_text,
    new_markup,
    sanitize,
    sanitize_html,
    unsafe_markup,
    url_allowed,
)
from bilingue.unsafe_content import site_markdown

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "tests" / "markdown" / "corpus").glob("*.md")) + sorted((ROOT / "docs").rglob("*.md"))

EVERY_EXTENSION = """
# Titre {#titre .classe}

!!! note "Une note"
    Corps de la note.

???+ tip "Dépliée"
    Contenu.

=== "Premier"
    Un.

=== "Second"
    Deux.

- [x] fait
- [ ] à faire

| Gauche | Centre | Droite |
|:-------|:------:|-------:|
| a      | b      | c      |

Terme
:   Définition.

++ctrl+alt+del++ et ==marqué== et $E = mc^2$ et :material-github: et H~2~O.

*[HTML]: Hyper Text Markup Language

Le HTML[^1].

[^1]: Une note.

```python
print("bonjour")
```

<div markdown class="bloc" data-x="1"><span lang="en">English</span></div>
"""


def canonical(html: str) -> list:
    """The DOM as (tag, attributes, text) in order: what a reader's browser builds."""
    soup = BeautifulSoup(html, "html.parser")
    return [
        (
            element.name,
            sorted((k, " ".join(v) if isinstance(v, list) else v) for k, v in element.attrs.items()),
        )
        for element in soup.find_all(True)
    ] + [soup.get_text()]


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.name)
def test_the_sanitizer_keeps_every_page_the_site_renders(path):
    renderer = site_markdown(ROOT / "mkdocs.yml")
    body = split_front_matter(path.read_text(encoding="utf-8"), path).body
    rendered = renderer.convert(body)
    assert unsafe_markup(rendered) == []
    assert canonical(sanitize_html(rendered)) == canonical(rendered)
    # and the build knows it without scanning the page again: only the writing differs
    assert _same_markup(rendered, sanitize_html(rendered))
    # quickly: without the reserved-id callback, and comparing only the lines that differ
    assert sanitize_html(rendered) == _RESERVED_ID_CLEANER.clean(rendered)
    assert _differing_lines_written_plainly(rendered, sanitize_html(rendered))


def test_the_sanitizer_keeps_what_every_extension_produces():
    rendered = site_markdown(ROOT / "mkdocs.yml").convert(EVERY_EXTENSION)
    assert "<details" in rendered and "<input" in rendered and "<svg" in rendered and "text-align" in rendered
    assert unsafe_markup(rendered) == []
    assert canonical(sanitize_html(rendered)) == canonical(rendered)
    assert sanitize(rendered).removed == () and _same_markup(rendered, sanitize_html(rendered))


@pytest.mark.parametrize(
    ("fragment", "removed"),
    [
        ("<p onclick=x>a</p>", "onclick attribute on <p>"),
        ("<script>alert(1)</script>", "<script> element and its content"),
        ("<style>p{}</style>", "<style> element and its content"),
        ("<iframe src=x></iframe>", "<iframe> element"),
        ("<object data=x></object>", "<object> element"),
        ("<embed src=x>", "<embed> element"),
        ("<form><input name=q></form>", "<form> element"),
        ('<a href="javascript:alert(1)">x</a>', "javascript: URL in href on <a>"),
        ('<a href=" java\tscript:alert(1)">x</a>', "javascript: URL in href on <a>"),
        ('<a href="&#106;avascript:alert(1)">x</a>', "javascript: URL in href on <a>"),
        ('<img src="data:image/png;base64,AAAA">', "data: URL in src on <img>"),
        ('<td style="color: red">x</td>', "style attribute on <td>"),
        ('<div id="__config">{}</div>', "id attribute on <div>"),
        ("<!--><img src=x onerror=alert(1)>-->", "onerror attribute on <img>"),
    ],
)
def test_what_runs_is_removed_and_reported(fragment, removed):
    assert removed in [str(unsafe) for unsafe in unsafe_markup(fragment)]
    clean = sanitize_html(fragment)
    assert sanitize(fragment) == Sanitized(clean, tuple(unsafe_markup(fragment)))
    assert unsafe_markup(clean) == []
    for word in (
        "onclick",
        "onerror",
        "<script",
        "<iframe",
        "<object",
        "<embed",
        "<form",
        "javascript",
        "data:",
    ):
        assert word not in clean.lower()


@pytest.mark.parametrize(
    "fragment",
    [
        # a removal among the differences of writing the sanitizer makes (slashes, entities, ="")
        '<p>a&para;<br />b<input type="checkbox" disabled checked/><b onclick="">x</b></p>',
        '<p title="">&nbsp;<img src="x.png" alt="" /><a href="javascript:x" title="">y</a></p>',
        '<p class="a">x</p><p class="a" id="__config">x</p>',
        # unknown elements and attributes whose names look like what the sanitizer rewrites
        '<table><tbody=""><tr><td>x</td></tr></tbody></table>',
        '<input type="checkbox"&gt;</path>" type="checkbox" onclick="" href="javascript:x"',
        '&notx&not&quot;<input type="checkbox"="">',
        "<table><tbody><t&#x72;><td>x</td></tr></tbody></table>",
        "<table><t&#98;ody><tr><td>x</td></tr></tbody></table>",
        "<table><c&#x6f;lgroup><col></colgroup></table>",
    ],
)
def test_a_removal_is_found_whatever_else_the_sanitizer_rewrites(fragment):
    assert not _same_markup(fragment, sanitize_html(fragment))
    assert sanitize(fragment).removed and sanitize(fragment).removed == tuple(unsafe_markup(fragment))


def test_the_scan_finds_on_every_line_what_the_standard_parser_finds():
    """The finder skips the parser's line counting (``updatepos``): what it finds, and in which
    order, is what the standard parser's own bookkeeping gives, on pages of many lines."""

    class Counting(_UnsafeFinder):
        updatepos = ParserBase.updatepos

    page = "\n".join(
        [
            "<p>Un\ndeux</p>",
            "<!-- <script>commentaire</script> -->",
            '<a href="https://example.org/a">lien</a> &amp; &#106;',
            "<script>if (a < b) { x = '</p>'; }</script>",
            '<p onclick="x">a</p>\n<img src="data:image/png;base64,AAAA">',
            "<![CDATA[ <iframe> ]]>",
            "<!--><img src=x onerror=alert(1)>-->",
            '<div id="__config">\n\n</div><a href="&#106;avascript:1">x</a>',
        ]
        * 3
    )
    fragment = _ABRUPT_COMMENT.sub("<!---->", page)
    counting = Counting()
    counting.feed(fragment)
    counting.close()
    assert counting.found, "the page has unsafe markup to find"
    assert unsafe_markup(page) == counting.found


def test_values_are_text_in_every_context():
    value = '"><img src=x onerror=alert(1)> ==m=={: onclick="x"} [l](javascript:x) & <b>'
    assert escape_text(value) == (
        "&#34;&gt;&lt;img src=x onerror=alert(1)&gt; ==m=={: onclick=&#34;x&#34;} "
        "[l](javascript:x) &amp; &lt;b&gt;"
    )
    assert escape_text(escape_text(value)) == escape_text(value)  # never escaped twice
    rendered = markdown.markdown(
        f"<p markdown>{escape_markdown_text(value)}</p>",
        extensions=["md_in_html", "attr_list", "pymdownx.mark"],
    )
    assert BeautifulSoup(rendered, "html.parser").get_text() == value  # shown exactly, as text
    assert canonical(rendered)[:-1] == [("p", [])]  # and nothing but a paragraph


def test_page_meta_is_escaped_once_for_the_templates():
    meta = {"title": 'a "b" <c>', "tags": ["<x>", 3], "date": "2024-01-01", "hide": ["toc"]}
    escape_page_meta(meta)
    escape_page_meta(meta)
    assert meta["title"] == "a &#34;b&#34; &lt;c&gt;" and meta["tags"] == ["&lt;x&gt;", 3]
    assert meta["hide"] == ["toc"]


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://example.org/a", True),
        ("../essais/x/", True),
        ("mailto:a@b.c", True),
        ("javascript:alert(1)", False),
        ("JAVASCRIPT:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("data:text/html,x", False),
        ("vbscript:x", False),
    ],
)
def test_url_allowed(url, allowed):
    assert url_allowed(url) is allowed


@pytest.mark.parametrize(
    ("source", "output", "problem"),
    [
        ("Bonjour", "Hello", False),
        ("Un <b>x</b>", "A <b>x</b>", False),
        ("Bonjour", "<img src=x onerror=alert(1)>", True),
        ("Titre", '==w=={: onclick="alert(1)" }', True),
        ("Titre", "Title &#60;script&#62;", True),
        ("Titre", "[x](javascript:alert(1))", True),
    ],
)
def test_new_markup_in_a_translation(source, output, problem):
    assert (new_markup(source, output) is not None) is problem
