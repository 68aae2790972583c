"""One RSS 2.0 feed per language: ``feed.xml`` (French) and ``en/feed.xml`` (English).

Why not a plugin: mkdocs-rss-plugin fails ``--strict`` under mkdocs-static-i18n and writes one
mixed feed; mkdocs-feed lets the English pass overwrite the French feed (research notes,
reader-facts §3). The feed is built from the library's per-language collection, so an essay with
no English file is not in the English feed. ElementTree escapes every value (titles and
summaries come from authors' files). Dates are the essays' own: building twice gives the same
bytes.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import format_datetime

from bilingue.corpus import CorpusEssay
from bilingue.library import Library

#: the feed's file name, in each language's root folder
FEED_FILE = "feed.xml"
#: the feed's MIME type, for autodiscovery links
FEED_TYPE = "application/rss+xml"

_ATOM = "http://www.w3.org/2005/Atom"
_DC = "http://purl.org/dc/elements/1.1/"
ET.register_namespace("atom", _ATOM)
ET.register_namespace("dc", _DC)


@dataclass(frozen=True)
class FeedInfo:
    """What a language's feed says about the site: title, description, language and addresses."""

    title: str
    description: str
    language: str
    home_url: str  # absolute URL of the language's home page
    feed_url: str  # absolute URL of the feed itself


def render_feed(info: FeedInfo, library: Library, essay_url: Callable[[CorpusEssay], str]) -> str:
    """The RSS document for ``info.language``; ``essay_url`` gives an essay's absolute URL there."""
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    _text(channel, "title", info.title)
    _text(channel, "link", info.home_url)
    _text(channel, "description", info.description)
    _text(channel, "language", info.language)
    ET.SubElement(channel, f"{{{_ATOM}}}link", {"href": info.feed_url, "rel": "self", "type": FEED_TYPE})
    essays = library.essays_in(info.language)
    if essays:
        _text(channel, "lastBuildDate", _rfc822(max(library.original(essay).meta.date for essay in essays)))
    for essay in essays:
        meta = essay.meta
        url = essay_url(essay)
        item = ET.SubElement(channel, "item")
        _text(item, "title", meta.title)
        _text(item, "link", url)
        _text(item, "guid", url, isPermaLink="true")
        _text(item, "pubDate", _rfc822(meta.date))
        _text(item, "description", meta.description)
        for author in library.authors_of(essay):
            _text(item, f"{{{_DC}}}creator", author.name)
        for tag in library.tags_of(essay, info.language):
            _text(item, "category", tag.label)
    ET.indent(rss)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(rss, encoding="unicode") + "\n"


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def _rfc822(day: dt.date) -> str:
    """RSS dates are RFC 822: an essay's day at midnight UTC."""
    return format_datetime(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC))
