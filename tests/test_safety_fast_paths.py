"""The sanitizer's fast paths (bilingue.safety) give what the slow ones give, on hostile input too:
the allowlist cleaned without the reserved-id callback unless the output may hold a reserved id,
and the rewriting compared on the lines that differ only."""

from __future__ import annotations

import random

import pytest
from bs4 import BeautifulSoup

from bilingue.safety import (
    _ODD_TAG_NAME,
    _RESERVED_ID_CLEANER,
    _RESERVED_IDS,
    _differing_lines_written_plainly,
    _same_markup,
    _written_plainly,
    sanitize,
    sanitize_html,
    unsafe_markup,
)


def whole_comparison(fragment: str, clean: str) -> bool:
    """``_same_markup`` as it was before the fast path: the rewriting of both whole texts."""
    return fragment == clean or (
        not _ODD_TAG_NAME.search(fragment) and _written_plainly(fragment) == _written_plainly(clean)
    )


# --- the reserved ids ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fragment",
    [
        '<div id="__config">{}</div>',
        '<DIV ID="__search">x</DIV>',  # names in capitals
        '<p Id="__drawer">x</p>',
        '<p id="&#95;&#95;toc">x</p>',  # the id written with character references
        '<p id="&#x5F;_consent">x</p>',
        '<p id="__&#112;alette_0">x</p>',
        "<p id=__palette_1 class=a title=b>x</p>",  # unquoted; the callback reorders what is left
        "<p title=b id='__config' class=a>x</p>",
        '<ul><li><span><b id="__config">x</b></span></li></ul>',  # nested
        '<svg viewBox="0 0 1 1"><path id="__search" d="M0"/></svg>',  # in SVG
        '<svg><g><path ID="__toc" d="M0"></path></g></svg>',
        '<p id="__config" id="__search">x</p>',  # the parser keeps the first
        '<p>Un.</p>\n<table><tr><td id="__drawer">x</td></tr></table>\n<p>Deux.</p>',
        '<a href="#__config" id="__config">x</a><input type="checkbox" id="__toc">',
        '<details id="__consent" open><summary>x</summary></details>',
    ],
)
def test_a_reserved_id_is_removed_however_it_is_written(fragment):
    clean = sanitize_html(fragment)
    assert clean == _RESERVED_ID_CLEANER.clean(fragment)
    kept = [element.get("id") for element in BeautifulSoup(clean, "html.parser").find_all(id=True)]
    assert not set(kept) & _RESERVED_IDS, clean
    assert "id attribute on" in " ".join(str(unsafe) for unsafe in sanitize(fragment).removed)


@pytest.mark.parametrize(
    "fragment",
    [
        '<p>Écrire id="__config" dans un texte.</p>',  # text, not an attribute
        "<p title='id=\"__config\"'>x</p>",  # in another attribute's value
        '<p data-id="__config" aria-label="__search">x</p>',  # other attributes
        '<input type="radio" id="__tabbed_1_1" name="__tabbed_1" checked>',  # pymdownx.tabbed
        '<p id="__config ">x</p><p id="__configs">y</p><p id="_config">z</p>',
        '<p id="fn:1">x</p><a href="#fnref:1">y</a>',
    ],
)
def test_what_only_looks_like_a_reserved_id_is_kept_as_the_callback_keeps_it(fragment):
    assert sanitize_html(fragment) == _RESERVED_ID_CLEANER.clean(fragment)


# --- the rewriting compared on the lines that differ -----------------------------------------------


@pytest.mark.parametrize(
    ("fragment", "clean"),
    [
        # a heading's permalink and a void element's slash, on lines among the same lines
        (
            '<h2 id="a">A<a href="#a">&para;</a></h2>\n<p>x</p>\n<br />',
            '<h2 id="a">A<a href="#a">¶</a></h2>\n<p>x</p>\n<br>',
        ),
        # an empty value at the end of a line is dropped only where a space follows it
        ('<p>\ncheckbox checked=""\n</p>', "<p>\ncheckbox checked\n</p>"),
        ('<p>\ncheckbox checked=""', "<p>\ncheckbox checked"),  # the last line: nothing follows
        ('checked=""\n<p>', "checked\n<p>"),  # the first line: nothing before the name
        ('<p>\nchecked=""\n</p>', "<p>\nchecked\n</p>"),  # the line break before is the space
        # the same rewriting of lines that are not alike (a reference making "=")
        ('<p>\nx=""\n</p>', '<p>\nx&#61;""\n</p>'),
        ('<p>\nx&#61;""\n</p>', '<p>\nx=""\n</p>'),
        # a reference making a line break: the lines move
        ("a&#10;b\nX\nc", "a\nX\nb&#10;c"),
        ("a&#10;b\nc", "a\nb\nc"),
        ("a&NewLine;b\nX", "a\nb&NewLine;X"),
        # U+0001, which the lines that differ are joined with
        ("a\x01\nb\nc&para;", "a\x01\nb\nc¶"),
        ("a&para;\n\x01\nb", "a¶\n\x01\nb"),
        ("a&para;\nX\nb\x01\nY\nc", "a¶\nX\nb\nY\n\x01c"),
        ("a&para;\n\x01\nb", "a¶\nX\nb"),
        ("a&#10;\x01&#10;b\nX\nc", "a\nX\nb&#10;\x01&#10;c"),  # a line rewritten as the joint
        # a removal next to rewritten lines
        ('<p onclick="x">a&para;</p>\n<p>b</p>', "<p>a¶</p>\n<p>b</p>"),
        ('<p>a&para;</p>\n<p>b</p>\n<p id="__config">c</p>', "<p>a¶</p>\n<p>b</p>\n<p>c</p>"),
        ("<p>a</p>\n<script>x\ny</script>\n<p>b&para;</p>", "<p>a</p>\n\n<p>b¶</p>"),
        ("<p>a</p>\n\n", "<p>a</p>\n"),
        ("", "\n"),
    ],
)
def test_the_lines_that_differ_tell_what_the_whole_texts_tell(fragment, clean):
    assert _same_markup(fragment, clean) == whole_comparison(fragment, clean)
    if _differing_lines_written_plainly(fragment, clean):
        assert _written_plainly(fragment) == _written_plainly(clean)


def test_the_lines_that_differ_tell_what_the_whole_texts_tell_on_many_mixed_pages():
    """Pages made of pieces that the rewriting reads (references, slashes, empty values, line
    breaks, U+0001), and a copy with a few rewrites or edits: the fast path never says "same
    writing" when the whole comparison does not, and ``_same_markup`` answers what it answers."""
    pieces = [
        *('x=""', ' x=""', " ", "&#61;", '=""', "<p", ">", "/>", " />", "</path>", '<path d="M0"'),
        *("&para;", "¶", "&#10;", "&NewLine;", "\x01", "&lt;", "<", "checked", ' checked=""'),
        *("<input", "a", "&amp;", "&", '"', "tbody", "<br />", "<br>", "&#x3c;", "\t", "x" * 79),
        *(["\n"] * 4),
    ]
    edits = [
        *(("&para;", "¶"), ("¶", "&para;"), (" />", ">"), ('=""', ""), ("&#61;", "="), ("=", "&#61;")),
        *(("\n", "&#10;"), ("&#10;", "\n"), ("x", "y"), ("checked", 'checked=""'), ("<br>", "<br />")),
        *(("\n", ""), ("", "\n"), (">", "></path>"), ("\x01", ""), ("", "\x01"), ("<p", "<p onclick")),
    ]
    chance = random.Random(15)  # the same pages at every run
    told_apart = said_same = 0
    for _ in range(20_000):
        fragment = "".join(chance.choice(pieces) for _ in range(chance.randint(1, 14)))
        clean = fragment
        for _ in range(chance.randint(1, 3)):
            old, new = chance.choice(edits)
            at = [index for index in range(len(clean) + 1) if clean.startswith(old, index)]
            if at:
                index = chance.choice(at)
                clean = clean[:index] + new + clean[index + len(old) :]
        whole = whole_comparison(fragment, clean)
        assert _same_markup(fragment, clean) == whole, (fragment, clean)
        if fragment != clean and _differing_lines_written_plainly(fragment, clean):
            assert _written_plainly(fragment) == _written_plainly(clean), (fragment, clean)
            said_same += 1
        told_apart += not whole
    # the pages exercise both answers, and the fast path answers often
    assert told_apart > 1_000 and said_same > 1_000, (told_apart, said_same)


def test_a_removal_on_one_line_of_a_long_page_is_found():
    lines = [f'<h2 id="t{n}">Titre {n}<a class="headerlink" href="#t{n}">&para;</a></h2>' for n in range(50)]
    lines[37] = '<p><mark onclick="steal()">piège</mark></p>'
    page = "\n".join(lines)
    assert not _same_markup(page, sanitize_html(page))
    assert [str(unsafe) for unsafe in sanitize(page).removed] == ["onclick attribute on <mark>"]
    assert sanitize(page).removed == tuple(unsafe_markup(page))
