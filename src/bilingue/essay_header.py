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
    end = _title_end(markdown, lines)
    if end is None:
        return f"{block}\n\n{markdown}"
    head, tail = "".join(lines[:end]), "".join(lines[end:])
    return f"{head.rstrip()}\n\n{block}\n\n{tail.lstrip()}"


def _title_end(markdown: str, lines: list[str]) -> int | None:
    """The line after the first level-1 heading (None: there is none).

    An essay's page nearly always opens with its title: then only that line and the next one are
    parsed (the next can turn a line into a setext heading or a table's header), not the whole
    page. Otherwise the whole page is parsed.
    """
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    if first is not None and lines[first].startswith("# "):
        end = _first_h1_end("".join(lines[: first + 2]))
        if end is not None and end <= first + 1:
            return end
    return _first_h1_end(markdown)


def _first_h1_end(markdown: str) -> int | None:
    for item in parse_document(markdown).blocks:
        if item.kind == kinds.HEADING and item.meta.get("level") == 1:
            return item.end_line
    return None
