"""A navigation whose size does not grow with the corpus.

MkDocs' automatic navigation lists every page, and Material writes the whole navigation into
every page: with 1,000 essays each page carries 1,000 links (322 KB a page, a quadratic site).
Here the essays' section keeps its other pages, the ``recent`` newest essays and a link to the
archives; the listing pages the build generates stay out of the navigation (the pager and the
archives reach them). Every essay is still built and still has "previous" and "next" links, in
reading order: newest first, as on the home page.

Duck-typed over MkDocs' nav objects (``Section.children``, ``Page.file.src_uri``), so this
module imports without MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

#: newest essays shown in the navigation
RECENT_IN_NAV = 8


def bounded_items(
    items: Sequence[Any],
    essay_rank: Mapping[str, int],
    is_generated: Callable[[str], bool],
    archive_page: Any | None = None,
    recent: int = RECENT_IN_NAV,
) -> list[Any]:
    """``items`` without generated pages and with at most ``recent`` essays (the lowest ranks)
    in the section that holds them, followed there by ``archive_page``. Empty sections go."""
    kept: list[Any] = []
    for item in items:
        children = getattr(item, "children", None)
        if children is not None:  # a Section
            item.children = _section_children(children, essay_rank, is_generated, archive_page, recent)
            for child in item.children:
                child.parent = item
            if item.children:
                kept.append(item)
        elif _src(item) is not None and is_generated(_src(item)):
            continue
        else:
            kept.append(item)
    return kept


def reading_order(
    pages: Sequence[Any], essay_rank: Mapping[str, int], is_generated: Callable[[str], bool]
) -> list[Any]:
    """The pages linked by "previous"/"next": every essay (newest first) where the first essay
    was, the other pages where they were, no generated listing page."""
    kept = [page for page in pages if not is_generated(_src(page) or "")]
    essays = sorted((page for page in kept if _src(page) in essay_rank), key=lambda p: essay_rank[_src(p)])
    ordered: list[Any] = []
    for page in kept:
        if _src(page) not in essay_rank:
            ordered.append(page)
        elif essays:
            ordered.extend(essays)
            essays = []
    return ordered


def link_pages(ordered: Sequence[Any], others: Sequence[Any] = ()) -> None:
    """Set ``previous_page``/``next_page`` along ``ordered``; pages of ``others`` get none."""
    for page in others:
        page.previous_page = page.next_page = None
    bookended = [None, *ordered, None]
    for before, page, after in zip(bookended[:-2], ordered, bookended[2:], strict=True):
        page.previous_page, page.next_page = before, after


def _section_children(
    children: Sequence[Any],
    essay_rank: Mapping[str, int],
    is_generated: Callable[[str], bool],
    archive_page: Any | None,
    recent: int,
) -> list[Any]:
    kept = bounded_items(children, essay_rank, is_generated, archive_page, recent)
    essays = [item for item in kept if _src(item) in essay_rank]
    if not essays:
        return kept
    newest = sorted(essays, key=lambda item: essay_rank[_src(item)])[:recent]
    others = [item for item in kept if _src(item) not in essay_rank]
    return others + newest + ([archive_page] if archive_page is not None else [])


def _src(item: Any) -> str | None:
    file = getattr(item, "file", None)
    return getattr(file, "src_uri", None) if file is not None else None
