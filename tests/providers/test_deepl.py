"""DeepL API v2 (official client) against a loopback server."""

from __future__ import annotations

import pytest

from bilingue.providers.factory import get_provider
from tests.providers.conftest import FRENCH, deepl_handler, fake_english, status


@pytest.fixture(autouse=True)
def _key(monkeypatch):
    monkeypatch.setenv("DEEPL_AUTH_KEY", "test-key:fx")


def test_texts_go_as_one_native_batch_with_header_auth(server, make_settings):
    server.expect_request("/v2/translate", method="POST").respond_with_handler(deepl_handler())
    chain = get_provider("deepl", settings=make_settings())

    assert chain.translate_texts(FRENCH, "fr", "en") == [fake_english(t) for t in FRENCH]
    request, _ = server.log[0]
    assert len(server.log) == 1
    assert request.headers["Authorization"] == "DeepL-Auth-Key test-key:fx"
    assert "auth_key" not in request.args
    body = request.get_json()
    assert body["text"] == FRENCH and body["target_lang"] == "EN-US"
    assert body["source_lang"] == "FR"


def test_too_many_requests_is_retried(server, make_settings):
    server.expect_oneshot_request("/v2/translate").respond_with_handler(status(429))
    server.expect_request("/v2/translate").respond_with_handler(deepl_handler())
    chain = get_provider("deepl", settings=make_settings())

    assert chain.translate_texts(FRENCH[:2], "fr", "en") == [fake_english(t) for t in FRENCH[:2]]
    assert chain.stats["deepl"].retries == 1


def test_quota_exceeded_stops_the_provider(server, make_settings):
    server.expect_request("/v2/translate").respond_with_handler(
        status(456, body='{"message": "Quota exceeded"}')
    )
    chain = get_provider("deepl", settings=make_settings())

    outcome = chain.translate_outcomes(FRENCH[:1], "fr", "en")[0]

    assert outcome.translation is None and "quota" in outcome.error
    assert chain.stats["deepl"].requests == 1


def test_missing_key_says_which_variable(server, make_settings, monkeypatch):
    monkeypatch.delenv("DEEPL_AUTH_KEY")
    chain = get_provider("deepl", settings=make_settings())

    outcome = chain.translate_outcomes(FRENCH[:1], "fr", "en")[0]

    assert "DEEPL_AUTH_KEY" in outcome.error
    assert server.log == []
