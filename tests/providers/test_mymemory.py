"""MyMemory JSON against a loopback server."""

from __future__ import annotations

import json

from werkzeug import Response

from bilingue.providers.factory import get_provider
from tests.providers.conftest import FRENCH, fake_english, google_handler, mymemory_handler


def test_texts_are_packed_within_500_bytes(server, make_settings):
    server.expect_request("/get").respond_with_handler(mymemory_handler())
    chain = get_provider("mymemory", settings=make_settings())

    assert chain.translate_texts(FRENCH, "fr", "en") == [fake_english(t) for t in FRENCH]
    sizes = [len(request.args["q"].encode()) for request, _ in server.log]
    assert max(sizes) <= 499 and len(sizes) < len(FRENCH)
    assert server.log[0][0].args["langpair"] == "fr|en"


def test_email_is_sent_when_configured(server, make_settings, monkeypatch):
    monkeypatch.setenv("MYMEMORY_EMAIL", "author@example.org")
    server.expect_request("/get").respond_with_handler(mymemory_handler())
    chain = get_provider("mymemory", settings=make_settings())

    chain.translate_texts(FRENCH[:1], "fr", "en")

    assert server.log[0][0].args["de"] == "author@example.org"


def test_quota_warning_is_not_a_translation_and_the_chain_falls_back(server, make_settings):
    warning = {
        "responseData": {
            "translatedText": "MYMEMORY WARNING: YOU USED ALL AVAILABLE FREE "
            "TRANSLATIONS FOR TODAY. NEXT AVAILABLE IN 10 HOURS"
        },
        "responseStatus": 429,
        "matches": [],
    }
    server.expect_request("/get").respond_with_json(warning)
    server.expect_request("/m").respond_with_handler(google_handler())
    chain = get_provider("mymemory,google", settings=make_settings(mymemory_max_chars=120))

    result = chain.translate_texts(FRENCH[:3], "fr", "en")

    assert result == [fake_english(t) for t in FRENCH[:3]]
    assert chain.providers_used == ["google"] * 3
    # the quota answer switched the provider off: no request per remaining pack
    assert chain.stats["mymemory"].requests <= 2  # the two workers already in flight, of 3 packs


def test_unreadable_json_is_retried(server, make_settings):
    def half_json(request):
        body = json.dumps({"responseData": {"translatedText": fake_english(request.args["q"])}})
        return Response(body[: len(body) // 2], content_type="application/json")

    server.expect_oneshot_request("/get").respond_with_handler(half_json)
    server.expect_request("/get").respond_with_handler(mymemory_handler())
    chain = get_provider("mymemory", settings=make_settings())

    assert chain.translate_texts(FRENCH[:1], "fr", "en") == [fake_english(FRENCH[0])]
    assert chain.stats["mymemory"].retries == 1
