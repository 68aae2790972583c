from __future__ import annotations

import datetime as dt

import pytest

from bilingue.locales import long_date, reading_minutes, reading_time


@pytest.mark.parametrize(("language", "expected"), [("fr", "19 novembre 2024"), ("en", "November 19, 2024")])
def test_long_date_in_each_language(language, expected):
    assert long_date(dt.date(2024, 11, 19), language) == expected


def test_first_of_the_month_in_french():
    assert long_date(dt.date(2024, 10, 2), "fr") == "2 octobre 2024"


@pytest.mark.parametrize(("words", "minutes"), [(0, 1), (50, 1), (400, 2), (1000, 5)])
def test_reading_minutes(words, minutes):
    assert reading_minutes(words) == minutes


def test_reading_time_in_each_language():
    assert reading_time(600, "fr") == "3 min de lecture"
    assert reading_time(600, "en") == "3 min read"
