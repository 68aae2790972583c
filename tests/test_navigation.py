"""A navigation of bounded size: sections, the newest essays, the archives; reading order."""

from __future__ import annotations

from dataclasses import dataclass, field

from bilingue.listing import is_generated_listing
from bilingue.navigation import bounded_items, link_pages, reading_order


@dataclass
class File:
    src_uri: str


@dataclass(eq=False)
class Page:
    src_uri: str
    parent: object = None
    previous_page: object = None
    next_page: object = None

    @property
    def file(self) -> File:
        return File(self.src_uri)


@dataclass(eq=False)
class Section:
    title: str
    children: list = field(default_factory=list)
    parent: object = None


def site(essays: int):
    home, sources = Page("index.md"), Page("sources.md")
    essay_pages = [Page(f"essais/e{n:04d}.md") for n in range(essays)]
    archive = Page("archives/index.md")
    generated = [archive, Page("archives/2024/index.md"), Page("page/2.md")]
    items = [
        home,
        Section("Essais", list(reversed(essay_pages))),  # alphabetical order is not date order
        Section("Archives", [archive, Section("2024", [generated[1]])]),
        Section("Page", [generated[2]]),
        sources,
    ]
    rank = {page.src_uri: n for n, page in enumerate(essay_pages)}  # e0000 is the newest
    return items, rank, archive, [home, *essay_pages, *generated, sources]


def titles(items) -> list:
    return [
        (item.title, titles(item.children)) if isinstance(item, Section) else item.src_uri for item in items
    ]


def test_the_essays_section_keeps_the_newest_essays_then_the_archives():
    for count in (10, 1000):
        items, rank, archive, _ = site(count)
        bounded = bounded_items(items, rank, is_generated_listing, archive, recent=3)
        assert titles(bounded) == [
            "index.md",
            ("Essais", ["essais/e0000.md", "essais/e0001.md", "essais/e0002.md", "archives/index.md"]),
            "sources.md",
        ]
        assert archive.parent is bounded[1]


def test_reading_order_puts_every_essay_newest_first_and_skips_generated_pages():
    _, rank, _, pages = site(4)
    ordered = reading_order(pages, rank, is_generated_listing)
    assert [page.src_uri for page in ordered] == [
        "index.md",
        "essais/e0000.md",
        "essais/e0001.md",
        "essais/e0002.md",
        "essais/e0003.md",
        "sources.md",
    ]
    generated = [page for page in pages if is_generated_listing(page.src_uri)]
    generated[0].next_page = pages[0]
    link_pages(ordered, generated)
    assert ordered[1].previous_page is ordered[0] and ordered[1].next_page is ordered[2]
    assert ordered[-1].next_page is None and generated[0].next_page is None
