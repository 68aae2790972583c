"""Dry-run estimates: same cutting and packing as a real run, nothing sent."""

from __future__ import annotations

from bilingue.providers.estimate import estimate
from bilingue.providers.factory import get_provider
from tests.providers.conftest import FRENCH, google_handler


def test_estimate_counts_requests_and_characters_per_provider(server, make_settings):
    chain = get_provider("google,mymemory", settings=make_settings())
    texts = [*FRENCH, FRENCH[0], "42"]

    result = estimate(texts, chain)

    assert (result.texts, result.distinct, result.unchanged, result.to_send) == (10, 9, 1, 8)
    google, mymemory = result.providers
    assert (google.provider, google.role, google.requests) == ("google", "primary", 1)
    assert google.characters > sum(len(text) for text in FRENCH)  # separators count
    assert mymemory.role == "fallback" and mymemory.requests > 1
    assert mymemory.quota.characters == 5000 and mymemory.within_quota is True
    assert google.within_quota is None
    assert server.log == []


def test_estimate_matches_what_a_real_run_sends(server, make_settings):
    server.expect_request("/m").respond_with_handler(google_handler())
    settings = make_settings(google_max_chars=250)
    texts = FRENCH * 2
    predicted = estimate(texts, get_provider("google", settings=settings)).providers[0]

    chain = get_provider("google", settings=settings)
    chain.translate_texts(texts, "fr", "en")

    assert predicted.requests == chain.stats["google"].requests
    assert predicted.characters == chain.stats["google"].characters


def test_cached_texts_cost_nothing_and_quotas_are_shown(server, make_settings, monkeypatch):
    server.expect_request("/m").respond_with_handler(google_handler())
    settings = make_settings()
    get_provider("google", settings=settings).translate_texts(FRENCH[:4], "fr", "en")

    result = estimate(FRENCH, get_provider("google,deepl", settings=settings))

    assert result.cached == 4 and result.to_send == 4
    text = "\n".join(result.lines())
    assert "500,000 characters per month" in text and "4 cached" in text
