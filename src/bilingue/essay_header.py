"""What an essay page shows under its title: date, reading time, byline, and tags.

A marker goes under the title in the Markdown (``insert_after_title``) and the header, HTML made
like the listing's cards (the same byline and tag chips), replaces it once the page is rendered:
its links are asked of MkDocs' files like the cards' (so i18n's language is respected and a
missing page is an error), and Markdown never reads them.
"""

from __future__ import annotations

import html

from bilingue.corpus import CorpusEssay
from bilingue.library import Library
from bilingue.listing import Href, html_byline, html_tag_chip
from bilingue.locales import long_date, reading_time
from bilingue.markdown import kinds, parse_document

#: where the header goes, in the Markdown and then in the rendered page (an HTML comment passes
#: through Markdown as it is)
HEADER_MARKER = "<!-- bilingue:essay-header -->"


def essay_header(essay: CorpusEssay, library: Library, language: str, href: Href) -> str:
    """HTML: the lines under ``essay``'s title (the version shown), for a reader of ``language``."""
    meta = essay.meta
    details = [
        f'<time datetime="{meta.date.isoformat()}">{html.escape(long_date(meta.date, language))}</time>',
        # the French text's length in both languages: a translation takes as long to read
        html.escape(reading_time(library.original(essay).word_count, language)),
    ]
    by = html_byline(library.authors_of(essay), language, href)
    if by:
        details.append(f'<span class="bl-byline">{by}</span>')
    lines = [f'<p class="bl-essay-meta">{" · ".join(details)}</p>']
    tags = " ".join(html_tag_chip(tag, language, href) for tag in library.tags_of(essay, language))
    if tags:
        lines.append(f'<p class="bl-tags">{tags}</p>')
    return "\n".join(lines)


def insert_header(page_html: str, header: str) -> str:
    """``page_html`` with its header marker (the first) replaced by ``header``."""
    return page_html.replace(HEADER_MARKER, header, 1)


def insert_after_title(markdown: str, block: str) -> str:
    """``block`` after the page's first level-1 heading (at the top when it has none)."""
    end = _opening_title_end(markdown)
    if end is not None:
        return f"{markdown[:end].rstrip()}\n\n{block}\n\n{markdown[end:].lstrip()}"
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


def _opening_title_end(markdown: str) -> int | None:
    """Where the page's title line ends (an offset in ``markdown``) when the page opens with
    ``# Title`` followed by a blank line or nothing, as essays do; None for any other opening
    (``_title_end`` then asks the Markdown model).

    Without the model: a line starting with ``# `` that is the first of the page and alone in its
    block (a blank line after it) can only be an ATX heading of level 1; nothing before it can
    make it part of something else (no open code fence or HTML block), nothing after it can turn
    it into a setext heading or a table header. Lines are cut as ``str.splitlines`` cuts them
    (a line holding another line boundary, ``\r`` or ``\u2028``..., goes to the model).
    """
    position = 0
    while True:  # the blank lines before the title
        line = _line_at(markdown, position)
        if line is None:
            return None
        if line.strip():
            break
        position += len(line)
    after = _line_at(markdown, position + len(line))
    if not line.startswith("# ") or (after is not None and after.strip()):
        return None
    return position + len(line)


def _line_at(markdown: str, position: int) -> str | None:
    """The line (with its ``\n``) starting at ``position``; None at the end, or when it holds a
    line boundary other than ``\n`` (then it is not a line ``str.splitlines`` would give)."""
    if position >= len(markdown):
        return None
    newline = markdown.find("\n", position)
    line = markdown[position : newline + 1] if newline >= 0 else markdown[position:]
    return line if len(line.splitlines()) == 1 and not line.endswith(_OTHER_ENDINGS) else None


def _first_h1_end(markdown: str) -> int | None:
    for item in parse_document(markdown).blocks:
        if item.kind == kinds.HEADING and item.meta.get("level") == 1:
            return item.end_line
    return None


#: what ``str.splitlines`` also ends a line with (a line ending so goes to the Markdown model)
_OTHER_ENDINGS = ("\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
