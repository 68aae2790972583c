"""What readers read in their language: dates, reading time and numbers (through Babel), the
interface strings Python-Markdown writes into pages, and every phrase the pipeline writes into
pages (``UI_TEXT``, one table for both languages)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel.dates import format_date

from bilingue import SOURCE_LANGUAGE, TARGET_LANGUAGE

# Words read per minute, for the "N min read" estimate (a common figure for prose on screen).
WORDS_PER_MINUTE = 200


# A build writes each essay's date several times (header, listing card, tag and author pages) in
# each language, and Babel's formatting is slow next to a dictionary look-up: kept per process.
@lru_cache(maxsize=4096)
def long_date(value: dt.date, language: str) -> str:
    """'19 novembre 2024' in French, 'November 19, 2024' in English."""
    return format_date(value, format="long", locale=language)


def reading_minutes(word_count: int) -> int:
    """Minutes to read ``word_count`` words, at least one."""
    return max(1, round(word_count / WORDS_PER_MINUTE))


def reading_time(word_count: int, language: str) -> str:
    """The reading time of ``word_count`` words, as a phrase in ``language``."""
    minutes = reading_minutes(word_count)
    return UI_TEXT[language]["reading_time"].format(minutes=minutes)


def ui_words(language: str) -> dict[str, str]:
    """Every phrase the pipeline writes into pages, in ``language`` (keys as in ``UI_TEXT``)."""
    return UI_TEXT[language]


# ---------------------------------------------------------------------------------------------------
# Data

UI_TEXT = {
    SOURCE_LANGUAGE: {
        # essays (hooks/essays.py) and listings (bilingue.listing)
        "reading_time": "{minutes} min de lecture",
        "no_essays": "Aucun essai pour le moment.",
        "not_translated": "non traduit",
        "no_authors": "Aucun auteur pour le moment.",
        "by": "Par {names}",
        "website": "Site web",
        # paginated listings and archives (bilingue.listing)
        "home_page": "Essais · page {number}",
        "page": "page {number}",
        "year": "Essais de {year}",
        "archives": "Archives",
        "essays": "{count} essai(s)",
        "newer": "← Plus récents",
        "older": "Plus anciens →",
        "pagination": "Pages de la liste",
        # the Sources page (bilingue.sources.page)
        "cited_in": "Cité dans\u00a0:",
        "not_cited": "Cité dans aucun essai pour l'instant.",
        "no_sources": "Aucune source pour l'instant.",
        # footnotes of cited sources (bilingue.sources.render)
        "quote": "«\u00a0{}\u00a0»",
        "pages": "p.",
        "no_date": "s.\u00a0d.",
        "in_language": "en {}",
        "accessed": "consulté le {}",
        "archive": "[Copie archivée]({url}) le {date}",
        # Markdown extensions' titles (hooks/chrome.py): a footnote's back link (``%d``: the
        # note's number, Python-Markdown's footnotes) and a heading's permalink (toc)
        "footnote_backlink": "Revenir à l'appel de note %d dans le texte",
        "permalink": "Lien permanent",
    },
    TARGET_LANGUAGE: {
        "reading_time": "{minutes} min read",
        "no_essays": "No essays yet.",
        "not_translated": "in French only",
        "no_authors": "No authors yet.",
        "by": "By {names}",
        "website": "Website",
        "home_page": "Essays · page {number}",
        "page": "page {number}",
        "year": "Essays from {year}",
        "archives": "Archive",
        "essays": "{count} essay(s)",
        "newer": "← Newer",
        "older": "Older →",
        "pagination": "Listing pages",
        "cited_in": "Cited in:",
        "not_cited": "Not cited in any essay yet.",
        "no_sources": "No sources yet.",
        "quote": "“{}”",
        "pages": "pp.",
        "no_date": "n.d.",
        "in_language": "in {}",
        "accessed": "accessed {}",
        "archive": "[Archived copy]({url}) on {date}",
        "footnote_backlink": "Jump back to footnote %d in the text",
        "permalink": "Permanent link",
    },
}
