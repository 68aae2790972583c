"""Locale-aware formats for the reader's language (dates, reading time, numbers), through Babel,
and the interface strings Python-Markdown writes into pages."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

# Words read per minute, for the "N min read" estimate (a common figure for prose on screen).
WORDS_PER_MINUTE = 200


def long_date(value: dt.date, language: str) -> str:
    """'19 novembre 2024' in French, 'November 19, 2024' in English."""
    return format_date(value, format="long", locale=language)


def reading_minutes(word_count: int) -> int:
    """Minutes to read ``word_count`` words, at least one."""
    return max(1, round(word_count / WORDS_PER_MINUTE))


def reading_time(word_count: int, language: str) -> str:
    minutes = reading_minutes(word_count)
    return READING_TIME[language].format(minutes=minutes)


# ---------------------------------------------------------------------------------------------------
# Data

READING_TIME = {
    "fr": "{minutes} min de lecture",
    "en": "{minutes} min read",
}

#: title of a footnote's back link (Python-Markdown's footnotes: ``%d`` is the note's number)
FOOTNOTE_BACKLINK_TITLE = {
    "fr": "Revenir à l'appel de note %d dans le texte",
    "en": "Jump back to footnote %d in the text",
}
#: title of a heading's permalink (Python-Markdown's toc)
PERMALINK_TITLE = {"fr": "Lien permanent", "en": "Permanent link"}
