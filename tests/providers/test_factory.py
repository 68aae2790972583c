"""Checking a provider name or chain before a run starts."""

from __future__ import annotations

import pytest

from bilingue.errors import BilingueError
from bilingue.providers.factory import check_provider_name


@pytest.mark.parametrize("name", ["google", "deepl,google", "google > mymemory", "pseudo", "identity", None])
def test_known_names_and_chains_pass(name, monkeypatch):
    monkeypatch.delenv("BILINGUE_CHAIN", raising=False)
    check_provider_name(name)


@pytest.mark.parametrize(
    ("name", "named"),
    [
        ("googel", "'googel'"),
        ("google,mymemroy", "'mymemroy' in 'google,mymemroy'"),
        ("pseudo,google", "'pseudo' in 'pseudo,google'"),
    ],
)
def test_unknown_names_list_the_known_providers(name, named):
    with pytest.raises(BilingueError) as caught:
        check_provider_name(name)
    message = str(caught.value)
    assert message.startswith(f"unknown translation provider {named}: choose from google, mymemory, libre")
    assert "separated by `,` or `>`" in message and "pseudo/identity" in message


def test_the_configured_chain_is_checked_when_no_name_is_given(monkeypatch):
    monkeypatch.setenv("BILINGUE_CHAIN", "google>nope")
    with pytest.raises(BilingueError, match=r"unknown provider.*nope"):
        check_provider_name(None)
