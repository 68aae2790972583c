from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser

from bilingue.authors import AuthorRegistry
from bilingue.catalog import EssayMeta
from bilingue.corpus import CorpusEssay, CorpusPage
from bilingue.feeds import FeedInfo, render_feed
from bilingue.library import Library
from bilingue.tags import TagTable
from tests.conftest import corpus_of


def essays(slug: str, title: str, english: bool) -> list[CorpusEssay]:
    """The French essay, in the French and English passes, and its English version if any."""

    def version(language: str, text: str) -> CorpusEssay:
        meta = EssayMeta(title=text, date=dt.date(2024, 5, 6), description="A <b>&</b> summary", tags=["x"])
        path = Path(f"{slug}.en.md" if language == "en" else f"{slug}.md")
        return CorpusEssay(slug, f"essais/{slug}.md", path, language, meta, 100, ())

    return [version("fr", title), version("en", title + " (en)") if english else version("fr", title)]


def library_of(*essays: list[CorpusEssay]) -> Library:
    corpus = corpus_of(*(french for french, _ in essays))
    for _, english in essays:  # the English pass: the English version, or the French text again
        corpus.pages.setdefault("en", {})[english.src_uri] = CorpusPage(
            english.src_uri, english.path, english.language, (), essay=english
        )
    return Library(corpus, TagTable(Path("tags.yml")), AuthorRegistry(Path("authors.yml")))


def test_feed_escapes_values_and_keeps_one_language():
    library = library_of(essays("a", "Titre </title><script>", True), essays("b", "Seul", False))
    info = FeedInfo("Essays", "All", "en", "https://x.org/en/", "https://x.org/en/feed.xml")
    xml = render_feed(info, library, lambda e: f"https://x.org/en/essais/{e.slug}/")
    assert "<script>" not in xml
    feed = feedparser.parse(xml)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["Titre </title><script> (en)"]
    assert feed.entries[0].summary == "A <b>&</b> summary"
    assert feed.entries[0].tags[0].term == "x"


def test_same_input_same_bytes():
    library = library_of(essays("a", "Titre", True))
    info = FeedInfo("Essais", "Tous", "fr", "https://x.org/", "https://x.org/feed.xml")
    first = render_feed(info, library, lambda e: "https://x.org/a/")
    assert first == render_feed(info, library, lambda e: "https://x.org/a/")
    assert "<lastBuildDate>Mon, 06 May 2024 00:00:00 +0000</lastBuildDate>" in first
