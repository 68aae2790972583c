"""What an essay page shows under its title: date, reading time, byline, and tags.

Written as Markdown into the page before MkDocs renders it, so that links to the authors and tag
pages go through MkDocs' link checks and i18n's per-language rewriting, as the listings' do.
"""

from __future__ import annotations

from collections.abc import Callable

from bilingue.catalog import Essay
from bilingue.library import Library
from bilingue.listing import byline, tag_chips
from bilingue.locales import long_date, reading_time
from bilingue.markdown import kinds, parse_document


def essay_header(essay: Essay, library: Library, language: str, page_src: str) -> str:
    """The lines under an essay's title, for a reader of ``language``."""
    meta = essay.version(language).meta
    details = [
        f'<time datetime="{meta.date.isoformat()}">{long_date(meta.date, language)}</time>',
        # the French text's length in both languages: a translation takes as long to read
        reading_time(essay.french.word_count, language),
    ]
    by = byline(library.authors_of(essay), language, page_src)
    if by:
        details.append(f'<span class="bl-byline">{by}</span>')
    lines = [f'<p class="bl-essay-meta" markdown="span">{" · ".join(details)}</p>']
    tags = tag_chips(library.tags_of(essay, language), language, page_src)
    if tags:
        lines.append(f'<p class="bl-tags" markdown="span">{tags}</p>')
    return "\n\n".join(lines)


def insert_after_title(
    markdown: str, block: str, title_end: Callable[[str], int | None] | None = None
) -> str:
    """``block`` after the page's first level-1 heading (at the top when it has none).

    ``title_end`` finds where the heading ends (``end_of_title``, or a cache of it)."""
    end = (title_end or end_of_title)(markdown)
    if end is None:
        return f"{block}\n\n{markdown}"
    lines = markdown.splitlines(keepends=True)
    head, tail = "".join(lines[:end]), "".join(lines[end:])
    return f"{head.rstrip()}\n\n{block}\n\n{tail.lstrip()}"


def end_of_title(markdown: str) -> int | None:
    """The line (0-based, exclusive) where the page's first level-1 heading ends; None without one.
    A pure function of the text (a server's rebuilds keep it for the pages that did not change)."""
    for item in parse_document(markdown).blocks:
        if item.kind == kinds.HEADING and item.meta.get("level") == 1:
            return item.end_line
    return None
