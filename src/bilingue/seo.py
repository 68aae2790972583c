"""Language alternates in a page's <head>, as search engines want them.

Material writes ``<link rel="alternate" href="../../en/x/" hreflang="en">`` with relative hrefs
and no x-default. Search engines ask for absolute URLs, a self-reference, and an ``x-default``
(here: the French original, the site's default language).
"""

from __future__ import annotations

import re
from collections.abc import Container
from urllib.parse import urljoin

from bilingue import SOURCE_LANGUAGE


def absolute_alternates(
    page_html: str,
    page_url: str,
    drop_languages: Container[str] = (),
    default_language: str = SOURCE_LANGUAGE,
) -> str:
    """Rewrite the hreflang links of ``page_html`` (served at absolute ``page_url``).

    Links to languages in ``drop_languages`` are removed (a page that does not exist in that
    language must not be announced); an ``x-default`` to ``default_language`` is added after them.
    Only the ``<head>`` is searched and rewritten: the cost does not follow the page's length,
    and a link-like text in an essay's body is never touched.
    """
    head_end = page_html.find("</head>")
    if head_end == -1:
        head_end = len(page_html)
    rewritten: list[str] = []  # the page up to the end of the last link, rewritten
    alternates: list[tuple[str, str]] = []
    copied = 0  # how much of the page ``rewritten`` stands for
    for match in _HREFLANG_LINK.finditer(page_html, 0, head_end):
        line_start = _indentation_start(page_html, match.start())
        rewritten.append(page_html[copied:line_start])
        copied = match.end()
        attributes = dict(_ATTRIBUTE.findall(match.group(0)))
        language = attributes["hreflang"]
        if language in drop_languages or language == "x-default":
            continue  # with the line's indentation
        href = urljoin(page_url, attributes["href"])
        alternates.append((language, href))
        indent = page_html[line_start : match.start()]
        rewritten.append(f'{indent}<link rel="alternate" href="{href}" hreflang="{language}">')
    if not rewritten:
        return page_html
    return _with_x_default("".join(rewritten), alternates, default_language) + page_html[copied:]


def _indentation_start(page_html: str, tag_start: int) -> int:
    """Where the line break and indentation before the tag at ``tag_start`` start (the tag's
    start if other text is before it on its line): a dropped link takes its line with it."""
    start = tag_start
    while start > 0 and page_html[start - 1] in " \t":
        start -= 1
    return start - 1 if start > 0 and page_html[start - 1] == "\n" else tag_start


def _with_x_default(head: str, alternates: list[tuple[str, str]], default_language: str) -> str:
    """``head`` with an x-default link after its last alternate, to the default language's (none
    when that language has no alternate)."""
    default = dict(alternates).get(default_language)
    if default is None:
        return head
    last = f'hreflang="{alternates[-1][0]}">'
    x_default = f'\n    <link rel="alternate" href="{default}" hreflang="x-default">'
    position = head.index(last) + len(last)
    return head[:position] + x_default + head[position:]


# ---------------------------------------------------------------------------------------------------
# Data

# a <link> with rel="alternate" and an hreflang, attributes in any order (its line's indentation is
# found by looking back from it: a pattern starting with it is tried at every character of the head)
_HREFLANG_LINK = re.compile(r'<link\b(?=[^>]*\brel="alternate")(?=[^>]*\bhreflang=")[^>]*>')
_ATTRIBUTE = re.compile(r'\b([a-z-]+)="([^"]*)"')
