"""French -> English typography, on prose runs only."""

from __future__ import annotations

import pytest

from bilingue.markdown import english_typography


@pytest.mark.parametrize(
    ("french_style", "english"),
    [
        ("He said « hello ».", "He said “hello”."),
        ("He said «\u00a0hello\u00a0».", "He said “hello”."),
        ("Really ? Yes ! Note : this ; that", "Really? Yes! Note: this; that"),
        ("Really\u00a0? Yes\u202f! Note\u2009: x", "Really? Yes! Note: x"),
        ("don 't and it 's", "don't and it's"),
        ("‹ inner ›", "‘inner’"),
    ],
)
def test_french_punctuation_becomes_english(french_style, english):
    assert english_typography(french_style) == english


def test_apostrophes_follow_the_source_style():
    assert english_typography("the dog's bone", "l’humanité") == "the dog’s bone"
    assert english_typography("the dog’s bone", "l'humanité") == "the dog's bone"


def test_tags_are_never_touched():
    masked = "A <m1/> ? and <m2>« x »</m2> : end"
    assert english_typography(masked) == "A <m1/>? and <m2>“x”</m2> : end"
