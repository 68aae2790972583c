from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser

from bilingue.catalog import Essay, EssayMeta, EssayVersion
from bilingue.feeds import FeedInfo, render_feed
from bilingue.library import Library


def essay(slug: str, title: str, english: bool) -> Essay:
    def version(language: str, text: str) -> EssayVersion:
        meta = EssayMeta(title=text, date=dt.date(2024, 5, 6), description="A <b>&</b> summary", tags=["x"])
        return EssayVersion(Path(f"{slug}.md"), language, meta, 100)

    return Essay(slug, version("fr", title), version("en", title + " (en)") if english else None)


def test_feed_escapes_values_and_keeps_one_language():
    library = Library([essay("a", "Titre </title><script>", True), essay("b", "Seul", False)])
    info = FeedInfo("Essays", "All", "en", "https://x.org/en/", "https://x.org/en/feed.xml")
    xml = render_feed(info, library, lambda e: f"https://x.org/en/essais/{e.slug}/")
    assert "<script>" not in xml
    feed = feedparser.parse(xml)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["Titre </title><script> (en)"]
    assert feed.entries[0].summary == "A <b>&</b> summary"
    assert feed.entries[0].tags[0].term == "x"


def test_same_input_same_bytes():
    library = Library([essay("a", "Titre", True)])
    info = FeedInfo("Essais", "Tous", "fr", "https://x.org/", "https://x.org/feed.xml")
    first = render_feed(info, library, lambda e: "https://x.org/a/")
    assert first == render_feed(info, library, lambda e: "https://x.org/a/")
    assert "<lastBuildDate>Mon, 06 May 2024 00:00:00 +0000</lastBuildDate>" in first
