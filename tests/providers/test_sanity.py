"""Each sanity check rejects what it should and lets real translations through."""

from __future__ import annotations

import pytest

from bilingue.providers.sanity import rejection
from bilingue.providers.settings import load_settings

SOURCE = "Nous avons longtemps cru que la mémoire était une bibliothèque bien rangée."
ENGLISH = "For a long time we believed that memory was a well-ordered library."


@pytest.fixture
def settings():
    return load_settings({"cache_dir": ""})


def reason(output, settings, source=SOURCE, extra=None):
    return rejection(source, output, "fr", "en", settings, extra)


def test_a_real_translation_passes(settings):
    assert reason(ENGLISH, settings) is None


@pytest.mark.parametrize("output", [None, "", "   \n"])
def test_empty_answers_are_rejected(output, settings):
    assert reason(output, settings) == "empty answer"


def test_echo_is_rejected_but_short_texts_may_stay_the_same(settings):
    assert "unchanged" in reason("  " + SOURCE.upper() + " ", settings)
    assert reason("Introduction", settings, source="Introduction") is None


def test_answer_still_in_french_is_rejected(settings):
    other = "Les habitants du village racontent une histoire différente à chaque visiteur."
    assert "source language" in reason(other, settings)


def test_french_names_may_come_back_as_they_are(settings):
    names = "Rivière-Ouelle, Kamouraska, Saint-Pacôme et Sainte-Anne-de-la-Pocatière"
    english = "Rivière-Ouelle, Kamouraska, Saint-Pacôme and Sainte-Anne-de-la-Pocatière"
    assert reason(english, settings, source=names) is None
    places = "Kamouraska, Rivière-Ouelle, Saint-Pacôme, Sainte-Anne-de-la-Pocatière"
    assert reason(places, settings, source=places) is None


def test_truncated_and_bloated_answers_are_rejected(settings):
    assert "truncated" in reason("For a long time", settings)
    assert "longer" in reason(ENGLISH * 4, settings)


def test_language_check_can_be_turned_off():
    settings = load_settings({"cache_dir": "", "language_check": False})
    other = "Les habitants du village racontent une histoire différente à chaque visiteur."
    assert rejection(SOURCE, other, "fr", "en", settings) is None


def test_the_callers_check_decides_last(settings):
    def masks_intact(source: str, output: str):
        return None if "⟦1⟧" in output else "mask token ⟦1⟧ damaged"

    source = "Nous avons ⟦1⟧ longtemps cru que la mémoire était une bibliothèque."
    assert reason("We long ⟦1⟧ believed memory was a library.", settings, source, masks_intact) is None
    assert (
        reason("We long [1] believed memory was a library.", settings, source, masks_intact)
        == "mask token ⟦1⟧ damaged"
    )
    assert reason(ENGLISH, settings, extra=lambda s, o: False) == "rejected by the caller's check"
