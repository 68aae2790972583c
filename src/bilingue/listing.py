"""The essay listing shown on each language's home page, generated from the essays' front matter.

Why not Material's blog plugin: with mkdocs-static-i18n it builds an empty index and drops post
pages (ultrabug/mkdocs-static-i18n#283); the working fix depends on i18n internals. Essays are
ordinary pages, and this module writes the listing as Markdown that MkDocs then renders, so links
go through MkDocs' own link resolution (and i18n points them at the right language).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from bilingue.catalog import Essay
from bilingue.locales import long_date, reading_time
from bilingue.safety import escape_markdown_text

#: what a listing page writes where the list goes
LISTING_MARKER = "<!-- bilingue:essays -->"


def insert_listing(
    markdown: str, essays: Iterable[Essay], language: str, page_src: str, essays_src: str
) -> str:
    """Replace the listing marker in ``markdown`` (a page at ``page_src``) by the listing."""
    if LISTING_MARKER not in markdown:
        return markdown
    return markdown.replace(LISTING_MARKER, render_listing(essays, language, page_src, essays_src))


def render_listing(essays: Iterable[Essay], language: str, page_src: str, essays_src: str) -> str:
    """Markdown for the list of essays, newest first, in ``language``.

    ``page_src`` is the listing page's path inside docs/ and ``essays_src`` the essays folder's,
    so that links are relative Markdown links MkDocs can check and rewrite.
    """
    cards = [_card(essay, language, page_src, essays_src) for essay in essays]
    if not cards:
        return f'<p class="bl-essays-empty">{NO_ESSAYS[language]}</p>'
    return '<div class="bl-essays" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"


def _card(essay: Essay, language: str, page_src: str, essays_src: str) -> str:
    version = essay.version(language)
    meta = version.meta
    link = posixpath.relpath(f"{essays_src}/{essay.slug}.md", posixpath.dirname(page_src) or ".")
    details = [
        f'<time datetime="{meta.date.isoformat()}">{long_date(meta.date, language)}</time>',
        escape_markdown_text(reading_time(version.word_count, language)),
    ]
    if not essay.is_translated(language):
        details.append(f'<span class="bl-essay-untranslated">{NOT_TRANSLATED[language]}</span>')
    tags = "".join(f'<span class="bl-tag">{escape_markdown_text(tag)}</span>' for tag in meta.tags)
    return "\n".join(
        [
            '<article class="bl-essay" markdown>',
            "",
            # A heading for screen readers, but not a Markdown heading: no permalink, no toc entry.
            f'<p class="bl-essay-title" role="heading" aria-level="2" markdown="span">'
            f"[{escape_markdown_text(meta.title)}]({link})</p>",
            "",
            f'<p class="bl-essay-meta">{" · ".join(details)}</p>',
            "",
            f'<p class="bl-essay-summary">{escape_markdown_text(meta.description)}</p>',
            "",
            f'<p class="bl-tags">{tags}</p>' if tags else "",
            "",
            "</article>",
        ]
    )


# ---------------------------------------------------------------------------------------------------
# Data

NO_ESSAYS = {"fr": "Aucun essai pour le moment.", "en": "No essays yet."}
NOT_TRANSLATED = {"fr": "non traduit", "en": "in French only"}
