from __future__ import annotations

import random
import re
from urllib.parse import urljoin

import pytest

from bilingue.seo import absolute_alternates

HEAD = """<head>
<link rel="canonical" href="https://x.org/en/a/">
<link rel="alternate" href="../../a/" hreflang="fr">
<link rel="alternate" href="./" hreflang="en">
<link rel="alternate" type="application/rss+xml" title="RSS" href="feed.xml">
</head>"""


def test_alternates_become_absolute_with_an_x_default_to_french():
    html = absolute_alternates(HEAD, "https://x.org/en/a/")
    assert '<link rel="alternate" href="https://x.org/a/" hreflang="fr">' in html
    assert '<link rel="alternate" href="https://x.org/en/a/" hreflang="en">' in html
    assert '<link rel="alternate" href="https://x.org/a/" hreflang="x-default">' in html
    assert html.index('hreflang="en"') < html.index('hreflang="x-default"')


def test_links_without_hreflang_are_untouched():
    assert 'type="application/rss+xml" title="RSS" href="feed.xml"' in absolute_alternates(
        HEAD, "https://x.org/en/a/"
    )


def test_dropped_languages_disappear():
    html = absolute_alternates(HEAD, "https://x.org/a/", drop_languages={"en"})
    assert 'hreflang="en"' not in html
    assert 'hreflang="x-default"' in html


def test_no_default_language_no_x_default():
    html = absolute_alternates(HEAD, "https://x.org/a/", drop_languages={"fr", "en"})
    assert "hreflang" not in html


def test_rewriting_twice_gives_the_same_page():
    once = absolute_alternates(HEAD, "https://x.org/en/a/")
    assert absolute_alternates(once, "https://x.org/en/a/") == once


def test_only_the_head_is_rewritten():
    body = '<body><pre>&lt;link rel="alternate" href="./" hreflang="en"&gt;</pre>'
    body += '<link rel="alternate" href="./" hreflang="en"></body>'  # not a head link: left alone
    html = absolute_alternates(HEAD + body, "https://x.org/en/a/")
    assert html.endswith(body)
    assert '<link rel="alternate" href="https://x.org/en/a/" hreflang="en">' in html


# --- the same rewriting as the one regular expression tried at every character of the head -------

_ONE_PATTERN = re.compile(
    r'(?P<indent>\n[ \t]*)?<link\b(?=[^>]*\brel="alternate")(?=[^>]*\bhreflang=")[^>]*>'
)


def rewritten_with_one_pattern(page_html, page_url, drop_languages=(), default_language="fr"):
    """How absolute_alternates rewrote a page before it looked for the indentation itself."""
    head_end = page_html.find("</head>")
    head_end = len(page_html) if head_end == -1 else head_end
    alternates = []

    def rewrite(match):
        attributes = dict(re.findall(r'\b([a-z-]+)="([^"]*)"', match.group(0)))
        language = attributes["hreflang"]
        if language in drop_languages or language == "x-default":
            return ""
        href = urljoin(page_url, attributes["href"])
        alternates.append((language, href))
        return f'{match.group("indent") or ""}<link rel="alternate" href="{href}" hreflang="{language}">'

    head = _ONE_PATTERN.sub(rewrite, page_html[:head_end])
    default = dict(alternates).get(default_language)
    if default is not None:
        last = f'hreflang="{alternates[-1][0]}">'
        position = head.index(last) + len(last)
        x_default = f'\n    <link rel="alternate" href="{default}" hreflang="x-default">'
        head = head[:position] + x_default + head[position:]
    return head + page_html[head_end:]


FR = '<link rel="alternate" href="a/" hreflang="fr">'
EN = '<link rel="alternate" href="b/" hreflang="en">'
TRICKY_HEADS = [
    HEAD,
    "",
    "<p>no head</p>",
    FR + EN,  # at the page's start, on one line
    f"\n{FR}\n",
    '<head>\n\t \t<link hreflang="en" href="b/" rel="alternate">'  # attributes in another order
    '\r\n  <link rel="alternate" hreflang="fr" href="a/">',
    f"<head>x {FR}\n\n{EN}",  # text before a link on its line
    f'<head>\n  <link rel="alternate" href="x/" hreflang="x-default">\n  {FR}',
    f'<head>\n{EN}\n<link rel="alternate" href="c/" hreflang="en">',  # a language twice
    f"<head><meta content='hreflang=\"fr\">'>\n {FR}</head>",  # the x-default's anchor before the link
    '<head>\n <link rel="alternate" href="a/"\n hreflang="fr"\n>'  # a tag on three lines
    '\n <LINK rel="alternate" href="b/" hreflang="en">',
    f'<head>\n <linkx rel="alternate" href="a/" hreflang="fr">\n {EN}',
    f'<head>\n <link rel="alternate" href="a/" hreflang="fr" {EN}',  # a tag left open
    f'<head>\n <link rel="alternate" href="a/" hreflang="fr"</head>\n{EN}',  # ...up to the head's end
    f"<head>\n <!-- {FR} -->\n </head><body>\n {EN}",
]


def outcome(rewrite, *arguments):
    """What ``rewrite`` returns, or the kind of error it raises (a link with no href)."""
    try:
        return rewrite(*arguments)
    except KeyError as error:
        return type(error)


@pytest.mark.parametrize("page", TRICKY_HEADS)
@pytest.mark.parametrize("drop", [(), ("en",), ("fr", "en")])
def test_the_rewriting_is_the_one_pattern_s(page, drop):
    expected = rewritten_with_one_pattern(page, "https://x.org/en/a/", drop)
    assert absolute_alternates(page, "https://x.org/en/a/", drop) == expected


def test_the_rewriting_is_the_one_pattern_s_on_many_mixed_heads():
    pieces = [
        *(
            "\n",
            "  ",
            "\t",
            "\r\n",
            "x",
            ">",
            "<head>",
            "</head>",
            "<meta name=x>",
            "<link",
            ' rel="alternate"',
        ),
        *(
            ' hreflang="fr"',
            ' hreflang="en"',
            ' hreflang="x-default"',
            ' href="a/"',
            ' href="../b/"',
            "<link ",
        ),
        *(
            '<link rel="alternate" href="./" hreflang="en">',
            '<link rel="alternate" href="../" hreflang="fr">',
        ),
    ]
    chance = random.Random(15)  # the same heads at every run
    rewritten = 0
    for _ in range(5_000):
        page = "".join(chance.choice(pieces) for _ in range(chance.randint(1, 16)))
        drop = chance.choice([(), ("en",), ("fr",), ("fr", "en")])
        expected = outcome(rewritten_with_one_pattern, page, "https://x.org/a/", drop)
        assert outcome(absolute_alternates, page, "https://x.org/a/", drop) == expected, page
        rewritten += isinstance(expected, str) and expected != page
    assert rewritten > 1_000  # the heads had links to rewrite
