"""The generated listings: essays on each language's home page, the tag page and the authors page.

Why not Material's blog plugin: with mkdocs-static-i18n it builds an empty index and drops post
pages (ultrabug/mkdocs-static-i18n#283); the working fix depends on i18n internals. Essays are
ordinary pages, and this module writes the listing as Markdown that MkDocs then renders, so links
go through MkDocs' own link resolution (and i18n points them at the right language).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from babel.lists import format_list

from bilingue.authors import Author
from bilingue.catalog import Essay
from bilingue.library import Library
from bilingue.locales import long_date, reading_time, ui_words
from bilingue.safety import escape_markdown_text
from bilingue.sources import link_target
from bilingue.tags import Tag

#: what a listing page writes where the list goes
LISTING_MARKER = "<!-- bilingue:essays -->"
#: what the tag page writes where its sections go (docs/tags.md, docs/tags.en.md)
TAGS_MARKER = "<!-- bilingue:tags -->"
#: what the authors page writes where its sections go (docs/auteurs.md, docs/auteurs.en.md)
AUTHORS_MARKER = "<!-- bilingue:authors -->"
#: the pages holding them, inside docs/ (i18n points a link to them at the reader's language)
TAGS_PAGE = "tags.md"
AUTHORS_PAGE = "auteurs.md"


def insert_listing(
    markdown: str,
    essays: Iterable[Essay],
    language: str,
    page_src: str,
    essays_src: str,
    library: Library | None = None,
) -> str:
    """Replace the listing marker in ``markdown`` (a page at ``page_src``) by the listing."""
    if LISTING_MARKER not in markdown:
        return markdown
    listing = render_listing(essays, language, page_src, essays_src, library)
    return markdown.replace(LISTING_MARKER, listing)


def render_listing(
    essays: Iterable[Essay],
    language: str,
    page_src: str,
    essays_src: str,
    library: Library | None = None,
) -> str:
    """Markdown for the list of essays, newest first, in ``language``.

    ``page_src`` is the listing page's path inside docs/ and ``essays_src`` the essays folder's,
    so that links are relative Markdown links MkDocs can check and rewrite. ``library`` gives
    the tags' labels and the authors (without it, tags stay as written and nobody signs).
    """
    essays = list(essays)
    library = library or Library(essays)
    cards = [_card(essay, language, page_src, essays_src, library) for essay in essays]
    if not cards:
        return f'<p class="bl-essays-empty">{ui_words(language)["no_essays"]}</p>'
    return '<div class="bl-essays" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"


def insert_tag_index(markdown: str, library: Library, language: str, page_src: str, essays_src: str) -> str:
    """Replace the tags marker by one section per tag, each listing the essays of ``language``."""
    if TAGS_MARKER not in markdown:
        return markdown
    sections = []
    for group in library.tag_groups(language):
        lang = _lang_attribute(group.tag.language, language)
        heading = f"## {escape_markdown_text(group.tag.label)} {{ #{group.tag.slug}{lang} }}"
        items = [_essay_item(essay, language, page_src, essays_src) for essay in group.essays]
        sections.append(heading + "\n\n" + "\n".join(items))
    body = (
        "\n\n".join(sections)
        if sections
        else f'<p class="bl-essays-empty">{ui_words(language)["no_essays"]}</p>'
    )
    return markdown.replace(TAGS_MARKER, body)


def insert_author_index(
    markdown: str, library: Library, language: str, page_src: str, essays_src: str
) -> str:
    """Replace the authors marker by one section per author of the registry: bio, link, essays."""
    if AUTHORS_MARKER not in markdown:
        return markdown
    sections = []
    for author in sorted(library.authors.authors.values(), key=lambda a: a.name.casefold()):
        parts = [f"## {escape_markdown_text(author.name)} {{ #{author.id} }}"]
        if author.avatar:
            avatar = posixpath.relpath(author.avatar, posixpath.dirname(page_src) or ".")
            parts.append(f'![]({avatar}){{ .bl-avatar width="96" height="96" loading="lazy" }}')
        parts.append(escape_markdown_text(author.bio_in(language)))
        if author.url:
            parts.append(f'[{ui_words(language)["website"]}]({link_target(author.url)}){{ rel="me" }}')
        essays = library.essays_by(author)
        items = [_essay_item(essay, language, page_src, essays_src) for essay in essays]
        parts.append("\n".join(items) if items else ui_words(language)["no_essays"])
        sections.append("\n\n".join(parts))
    body = (
        "\n\n".join(sections)
        if sections
        else f'<p class="bl-essays-empty">{ui_words(language)["no_authors"]}</p>'
    )
    return markdown.replace(AUTHORS_MARKER, body)


def byline(authors: Iterable[Author], language: str, page_src: str) -> str:
    """ "Par A et B" / "By A and B" as inline Markdown, each registered author linked to their section."""
    names = [_author_link(author, page_src) for author in authors]
    if not names:
        return ""
    return ui_words(language)["by"].format(names=format_list(names, locale=language))


def tag_chips(tags: Iterable[Tag], language: str, page_src: str) -> str:
    """Inline Markdown: each tag a link to its section of the tag page, separated by spaces (so that
    search reads them as separate words)."""
    page = posixpath.relpath(TAGS_PAGE, posixpath.dirname(page_src) or ".")
    chips = []
    for tag in tags:
        attributes = f".bl-tag{_lang_attribute(tag.language, language)}"
        chips.append(f"[{escape_markdown_text(tag.label)}]({page}#{tag.slug}){{ {attributes} }}")
    return " ".join(chips)


def _card(essay: Essay, language: str, page_src: str, essays_src: str, library: Library) -> str:
    version = essay.version(language)
    meta = version.meta
    link = posixpath.relpath(f"{essays_src}/{essay.slug}.md", posixpath.dirname(page_src) or ".")
    details = [
        f'<time datetime="{meta.date.isoformat()}">{long_date(meta.date, language)}</time>',
        # the French text's length: a translation is not shorter to read
        escape_markdown_text(reading_time(essay.french.word_count, language)),
    ]
    if not essay.is_translated(language):
        details.append(f'<span class="bl-essay-untranslated">{ui_words(language)["not_translated"]}</span>')
    by = byline(library.authors_of(essay), language, page_src)
    tags = tag_chips(library.tags_of(essay, language), language, page_src)
    return "\n".join(
        [
            '<article class="bl-essay" markdown>',
            "",
            # A heading for screen readers, but not a Markdown heading: no permalink, no toc entry.
            f'<p class="bl-essay-title" role="heading" aria-level="2" markdown="span">'
            f"[{escape_markdown_text(meta.title)}]({link})</p>",
            "",
            f'<p class="bl-essay-meta" markdown="span">{" · ".join(details)}'
            + (f' · <span class="bl-byline">{by}</span>' if by else "")
            + "</p>",
            "",
            f'<p class="bl-essay-summary">{escape_markdown_text(meta.description)}</p>',
            "",
            f'<p class="bl-tags" markdown="span">{tags}</p>' if tags else "",
            "",
            "</article>",
        ]
    )


def _essay_item(essay: Essay, language: str, page_src: str, essays_src: str) -> str:
    meta = essay.version(language).meta
    link = posixpath.relpath(f"{essays_src}/{essay.slug}.md", posixpath.dirname(page_src) or ".")
    when = f'<time datetime="{meta.date.isoformat()}">{long_date(meta.date, language)}</time>'
    item = f"- [{escape_markdown_text(meta.title)}]({link}) · {when}"
    if not essay.is_translated(language):
        item += f' · <span class="bl-essay-untranslated">{ui_words(language)["not_translated"]}</span>'
    return item


def _author_link(author: Author, page_src: str) -> str:
    name = escape_markdown_text(author.name)
    if author.id:
        page = posixpath.relpath(AUTHORS_PAGE, posixpath.dirname(page_src) or ".")
        return f"[{name}]({page}#{author.id}){{ .bl-author }}"
    if author.url:  # the site's own author: no section on the authors page, their own site
        return f"[{name}]({link_target(author.url)}){{ .bl-author }}"
    return name


def _lang_attribute(tag_language: str, page_language: str) -> str:
    """` lang="fr"` for a French word on an English page (attr_list syntax), else nothing."""
    return f' lang="{tag_language}"' if tag_language != page_language else ""
