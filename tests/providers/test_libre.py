"""LibreTranslate JSON against a loopback server."""

from __future__ import annotations

from bilingue.providers.factory import get_provider
from tests.providers.conftest import FRENCH, fake_english, libre_handler, status


def test_keyless_server_gets_no_api_key(server, make_settings):
    server.expect_request("/translate", method="POST").respond_with_handler(libre_handler())
    chain = get_provider("libre", settings=make_settings())

    assert chain.translate_texts(FRENCH, "fr", "en") == [fake_english(t) for t in FRENCH]
    request, _ = server.log[0]
    assert "api_key" not in request.values
    assert request.values["source"] == "fr" and request.values["format"] == "text"
    assert len(server.log) == 1


def test_key_from_the_environment_is_sent(server, make_settings, monkeypatch):
    monkeypatch.setenv("LIBRE_API_KEY", "secret-123")
    server.expect_request("/translate").respond_with_handler(libre_handler())
    chain = get_provider("libre", settings=make_settings())

    chain.translate_texts(FRENCH[:1], "fr", "en")

    assert server.log[0][0].values["api_key"] == "secret-123"


def test_server_error_then_success(server, make_settings):
    server.expect_oneshot_request("/translate").respond_with_handler(status(500, body='{"error": "boom"}'))
    server.expect_request("/translate").respond_with_handler(libre_handler())
    chain = get_provider("libre", settings=make_settings())

    assert chain.translate_texts(FRENCH[:2], "fr", "en") == [fake_english(t) for t in FRENCH[:2]]
    assert chain.stats["libre"].retries == 1


def test_bad_key_is_reported_with_what_to_do(server, make_settings):
    server.expect_request("/translate").respond_with_handler(status(403, body='{"error": "Invalid API key"}'))
    chain = get_provider("libre", settings=make_settings())

    outcome = chain.translate_outcomes(FRENCH[:1], "fr", "en")[0]

    assert outcome.translation is None
    assert "HTTP 403" in outcome.error and "key" in outcome.error
    assert chain.stats["libre"].requests == 1  # not retried
