"""The offline providers and the provider lookup."""

from __future__ import annotations

import re

import pytest

from bilingue.errors import BilingueError
from bilingue.providers import get_provider
from bilingue.providers.base import Provider
from bilingue.providers.pseudo import pseudo_translate


@pytest.mark.parametrize("name", ["pseudo", "identity"])
def test_offline_providers_implement_the_interface(name):
    provider = get_provider(name)
    assert isinstance(provider, Provider) and provider.name == name
    assert len(provider.translate_texts(["a", "b"], "fr", "en")) == 2


def test_unknown_names_go_to_the_network_registry_which_refuses_them():
    with pytest.raises(BilingueError, match="unknown translation provider"):
        get_provider("nope")


def test_pseudo_is_deterministic_longer_and_recognisable():
    text = (
        "Tout le monde en parle : Sam Altman lève des milliards dans une des plus grandes "
        "rondes de financement de l'histoire."
    )
    once = pseudo_translate(text)
    assert once == pseudo_translate(text)
    assert 1.2 < len(once) / len(text) < 1.45
    assert once.startswith("TTõûtt llë mmõñddë")


def test_pseudo_keeps_tags_digits_and_punctuation_and_adds_no_markdown():
    text = "Du <m1>gras</m1>, 6,6 % : <m2/> [x] *y* fin.<m3/>"
    out = pseudo_translate(text)
    assert re.findall(r"</?m\d+/?>", out) == ["<m1>", "</m1>", "<m2/>", "<m3/>"]
    assert re.sub(r"[^\W\d_]", "", out) == re.sub(r"[^\W\d_]", "", text)
