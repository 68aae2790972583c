"""Locale-aware formats for the reader's language (dates, reading time), through Babel."""

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
    """The reading time of ``word_count`` words, as a phrase in ``language``."""
    minutes = reading_minutes(word_count)
    return READING_TIME[language].format(minutes=minutes)


# ---------------------------------------------------------------------------------------------------
# Data

READING_TIME = {
    "fr": "{minutes} min de lecture",
    "en": "{minutes} min read",
}
