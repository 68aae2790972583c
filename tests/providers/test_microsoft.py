"""Microsoft Translator v3 JSON against a loopback server."""

from __future__ import annotations

from bilingue.providers.factory import get_provider
from tests.providers.conftest import FRENCH, fake_english, microsoft_handler, status


def test_native_batch_with_key_and_region_headers(server, make_settings, monkeypatch):
    monkeypatch.setenv("MICROSOFT_TRANSLATOR_KEY", "ms-key")
    monkeypatch.setenv("MICROSOFT_TRANSLATOR_REGION", "westeurope")
    server.expect_request("/translate", method="POST").respond_with_handler(microsoft_handler())
    chain = get_provider("microsoft", settings=make_settings())

    assert chain.translate_texts(FRENCH, "fr", "en") == [fake_english(t) for t in FRENCH]
    request, _ = server.log[0]
    assert len(server.log) == 1
    assert request.headers["Ocp-Apim-Subscription-Key"] == "ms-key"
    assert request.headers["Ocp-Apim-Subscription-Region"] == "westeurope"
    assert request.args["from"] == "fr" and request.args["to"] == "en"
    assert [item["Text"] for item in request.get_json()] == FRENCH


def test_503_with_retry_after_is_retried(server, make_settings, monkeypatch):
    monkeypatch.setenv("MICROSOFT_TRANSLATOR_KEY", "ms-key")
    server.expect_oneshot_request("/translate").respond_with_handler(status(503, {"Retry-After": "0"}))
    server.expect_request("/translate").respond_with_handler(microsoft_handler())
    chain = get_provider("microsoft", settings=make_settings())

    assert chain.translate_texts(FRENCH[:2], "fr", "en") == [fake_english(t) for t in FRENCH[:2]]
    assert chain.stats["microsoft"].retries == 1


def test_wrong_number_of_answers_is_not_accepted(server, make_settings, monkeypatch):
    monkeypatch.setenv("MICROSOFT_TRANSLATOR_KEY", "ms-key")
    server.expect_request("/translate").respond_with_json(
        [{"translations": [{"text": "Only one", "to": "en"}]}]
    )
    chain = get_provider("microsoft", settings=make_settings(max_attempts=2))

    outcomes = chain.translate_outcomes(FRENCH[:2], "fr", "en")

    assert [outcome.translation for outcome in outcomes] == [None, None]
    assert "1 answers for 2 texts" in outcomes[0].error
