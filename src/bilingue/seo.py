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
    head = _rewrite_head(page_html[:head_end], page_url, drop_languages, default_language)
    return head + page_html[head_end:]


def _rewrite_head(
    page_html: str, page_url: str, drop_languages: Container[str], default_language: str
) -> str:
    alternates: list[tuple[str, str]] = []

    def rewrite(match: re.Match[str]) -> str:
        attributes = dict(_ATTRIBUTE.findall(match.group(0)))
        language = attributes["hreflang"]
        if language in drop_languages or language == "x-default":
            return ""  # with the line's indentation
        href = urljoin(page_url, attributes["href"])
        alternates.append((language, href))
        indent = match.group("indent") or ""
        return f'{indent}<link rel="alternate" href="{href}" hreflang="{language}">'

    rewritten = _HREFLANG_LINK.sub(rewrite, page_html)
    default = dict(alternates).get(default_language)
    if default is None:
        return rewritten
    last = f'hreflang="{alternates[-1][0]}">'
    x_default = f'\n    <link rel="alternate" href="{default}" hreflang="x-default">'
    position = rewritten.index(last) + len(last)
    return rewritten[:position] + x_default + rewritten[position:]


# ---------------------------------------------------------------------------------------------------
# Data

# a <link> with rel="alternate" and an hreflang, attributes in any order, with its line's indentation
_HREFLANG_LINK = re.compile(
    r'(?P<indent>\n[ \t]*)?<link\b(?=[^>]*\brel="alternate")(?=[^>]*\bhreflang=")[^>]*>'
)
_ATTRIBUTE = re.compile(r'\b([a-z-]+)="([^"]*)"')
