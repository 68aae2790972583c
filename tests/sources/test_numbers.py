"""Numbers in French and English prose, as readers of each language write them."""

from __future__ import annotations

import pytest

from bilingue.sources.numbers import find_quantities, relative_difference


def only(text: str, language: str):
    quantities = find_quantities(text, language)
    assert len(quantities) == 1, quantities
    return quantities[0]


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        ("lève 6,6 milliards de dollars", "fr", 6.6e9, "USD"),
        ("lève 6.6 milliards de dollars", "fr", 6.6e9, "USD"),  # as the essay writes it
        ("395 000 enfants", "fr", 395_000, None),
        ("395\u00a0000 enfants", "fr", 395_000, None),  # no-break space
        ("395\u202f000 enfants", "fr", 395_000, None),  # narrow no-break space
        ("150 milliards de dollars", "fr", 150e9, "USD"),
        ("42 millions de dollars US", "fr", 42e6, "USD"),
        ("7,6 % des décès", "fr", 7.6, "%"),
        ("3 milliards d'euros", "fr", 3e9, "EUR"),
        ("1 billion d'euros", "fr", 1e12, "EUR"),  # French "billion" is 10^12
        ("1.000.000 de personnes", "fr", 1e6, None),
        ("raised $6.6 billion", "en", 6.6e9, "USD"),
        ("a 157 billion valuation", "en", 157e9, None),
        ("US$141.1 billion", "en", 141.1e9, "USD"),
        ("$141,109,373,209 in total", "en", 141_109_373_209, "USD"),
        ("395,000 children", "en", 395_000, None),
        ("395 000 deaths", "en", 395_000, None),  # SI grouping in English
        ("$157B valuation", "en", 157e9, "USD"),
        ("7.6% of all deaths", "en", 7.6, "%"),
        ("2 trillion dollars", "en", 2e12, "USD"),
    ],
)
def test_quantities(text, language, value, unit):
    quantity = only(text, language)
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit
    assert quantity.is_claim


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("moins de 5 ans", "fr"),
        ("en 2019", "fr"),
        ("in 2024", "en"),
        ("a 5 m wall", "en"),  # metres, not millions
    ],
)
def test_small_numbers_and_years_are_not_claims(text, language):
    assert not only(text, language).is_claim


@pytest.mark.parametrize("text", ["COVID-19", "S0140-6736", "le 1er et le 2e", "3km", "v1.2.3"])
def test_numbers_inside_words_are_not_read(text):
    assert [q for q in find_quantities(text, "fr") if q.is_claim] == []


def test_offsets_point_into_the_text():
    text = "Il lève 6,6 milliards de dollars, puis 150 milliards."
    first, second = find_quantities(text, "fr")
    assert text[first.start : first.end].strip() == "6,6 milliards de dollars"
    assert text[second.start : second.end].strip() == "150 milliards"


def test_relative_difference():
    assert relative_difference(150e9, 157e9) == pytest.approx(7 / 157)
    assert relative_difference(0, 0) == 0
    assert relative_difference(1, 0) == float("inf")
