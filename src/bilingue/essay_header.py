"""What an essay page shows under its title: date, reading time, byline, and tags.

Written as Markdown into the page before MkDocs renders it, so that links to the authors and tag
pages go through MkDocs' link checks and i18n's per-language rewriting, as the listings' do.
"""

from __future__ import annotations

from bilingue.corpus import CorpusEssay
from bilingue.library import Library
from bilingue.listing import byline, tag_chips
from bilingue.locales import long_date, reading_time
from bilingue.markdown import kinds, parse_document


def essay_header(essay: CorpusEssay, library: Library, language: str, page_src: str) -> str:
    """The lines under ``essay``'s title (the version shown), for a reader of ``language``."""
    meta = essay.meta
    details = [
        f'<time datetime="{meta.date.isoformat()}">{long_date(meta.date, language)}</time>',
        # the French text's length in both languages: a translation takes as long to read
        reading_time(library.original(essay).word_count, language),
    ]
    by = byline(library.authors_of(essay), language, page_src)
    if by:
        details.append(f'<span class="bl-byline">{by}</span>')
    lines = [f'<p class="bl-essay-meta" markdown="span">{" · ".join(details)}</p>']
    tags = tag_chips(library.tags_of(essay, language), language, page_src)
    if tags:
        lines.append(f'<p class="bl-tags" markdown="span">{tags}</p>')
    return "\n\n".join(lines)


def insert_after_title(markdown: str, block: str) -> str:
    """``block`` after the page's first level-1 heading (at the top when it has none)."""
    lines = markdown.splitlines(keepends=True)
    for item in parse_document(markdown).blocks:
        if item.kind == kinds.HEADING and item.meta.get("level") == 1:
            head, tail = "".join(lines[: item.end_line]), "".join(lines[item.end_line :])
            return f"{head.rstrip()}\n\n{block}\n\n{tail.lstrip()}"
    return f"{block}\n\n{markdown}"
