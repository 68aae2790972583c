"""Google's mobile page against a loopback server, with faults injected."""

from __future__ import annotations

import threading
import time

import pytest
from werkzeug import Response

from bilingue.providers.factory import get_provider
from bilingue.providers.failures import UntranslatedError
from tests.providers.conftest import (
    FRENCH,
    fake_english,
    google_handler,
    google_page,
    status,
)


def test_many_short_texts_go_in_one_request_and_come_back_in_order(server, make_settings):
    server.expect_request("/m", method="GET").respond_with_handler(google_handler())
    chain = get_provider("google", settings=make_settings())

    result = chain.translate_texts(FRENCH, "fr", "en")

    assert result == [fake_english(text) for text in FRENCH]
    assert chain.stats["google"].requests == 1
    assert chain.providers_used == ["google"] * len(FRENCH)
    request, _ = server.log[0]
    assert request.args["sl"] == "fr" and request.args["tl"] == "en"


def test_pack_respects_the_character_limit(server, make_settings):
    server.expect_request("/m").respond_with_handler(google_handler())
    chain = get_provider("google", settings=make_settings(google_max_chars=200))

    result = chain.translate_texts(FRENCH, "fr", "en")

    assert result == [fake_english(text) for text in FRENCH]
    assert all(len(request.args["q"]) <= 200 for request, _ in server.log)
    assert chain.stats["google"].requests == len(server.log) > 1


def test_damaged_separators_fall_back_to_smaller_packs(server, make_settings):
    def damage(text: str) -> str:  # the service "eats" the separators of big packs
        english = fake_english(text)
        return english.replace("[[§", "[§") if text.count("[[§") > 1 else english

    server.expect_request("/m").respond_with_handler(google_handler(damage))
    chain = get_provider("google", settings=make_settings())

    result = chain.translate_texts(FRENCH, "fr", "en")

    assert result == [fake_english(text) for text in FRENCH]
    assert chain.stats["google"].split_mismatches >= 1
    assert chain.stats["google"].requests > 1


def test_separators_with_changed_spacing_are_still_split(server, make_settings):
    def respace(text: str) -> str:
        return fake_english(text).replace("[[§", "[[ § ").replace("]]\n\n", " ]] ")

    server.expect_request("/m").respond_with_handler(google_handler(respace))
    chain = get_provider("google", settings=make_settings())

    assert chain.translate_texts(FRENCH[:4], "fr", "en") == [fake_english(t) for t in FRENCH[:4]]
    assert chain.stats["google"].requests == 1


@pytest.mark.parametrize("retry_after", [None, "0"])
def test_burst_of_429_is_waited_out(server, make_settings, retry_after):
    headers = {"Retry-After": retry_after} if retry_after else {}
    for _ in range(3):
        server.expect_oneshot_request("/m").respond_with_handler(status(429, headers))
    server.expect_request("/m").respond_with_handler(google_handler())
    chain = get_provider("google", settings=make_settings(max_attempts=5))

    assert chain.translate_texts(FRENCH[:2], "fr", "en") == [fake_english(t) for t in FRENCH[:2]]
    assert chain.stats["google"].requests == 4
    assert chain.stats["google"].retries == 3


@pytest.mark.parametrize("code", [500, 503])
def test_server_errors_are_retried(server, make_settings, code):
    server.expect_oneshot_request("/m").respond_with_handler(status(code))
    server.expect_request("/m").respond_with_handler(google_handler())
    chain = get_provider("google", settings=make_settings())

    assert chain.translate_texts(FRENCH[:1], "fr", "en") == [fake_english(FRENCH[0])]
    assert chain.stats["google"].retries == 1


def test_stalled_server_times_out_then_recovers(server, make_settings):
    server.expect_oneshot_request("/m").respond_with_handler(server.stall)
    server.expect_request("/m").respond_with_handler(google_handler())
    chain = get_provider("google", settings=make_settings(timeout=0.2))

    assert chain.translate_texts(FRENCH[:1], "fr", "en") == [fake_english(FRENCH[0])]
    assert chain.stats["google"].retries == 1


def test_stalled_server_forever_reports_the_texts_untranslated(server, make_settings):
    server.expect_request("/m").respond_with_handler(server.stall)
    chain = get_provider("google", settings=make_settings(timeout=0.1, max_attempts=2))

    with pytest.raises(UntranslatedError) as caught:
        chain.translate_texts(FRENCH[:2], "fr", "en")

    outcomes = caught.value.outcomes
    assert [outcome.translation for outcome in outcomes] == [None, None]
    assert "'google'" in outcomes[0].error and "timeout" in outcomes[0].error
    assert "run the same command again" in str(caught.value)


def test_truncated_body_is_retried(server, make_settings):
    def truncated(request):
        page = google_page(fake_english(request.args["q"])).encode()
        return Response(page[:60], headers={"Content-Length": str(len(page))}, content_type="text/html")

    server.expect_oneshot_request("/m").respond_with_handler(truncated)
    server.expect_request("/m").respond_with_handler(google_handler())
    chain = get_provider("google", settings=make_settings())

    assert chain.translate_texts(FRENCH[:2], "fr", "en") == [fake_english(t) for t in FRENCH[:2]]
    assert chain.stats["google"].retries == 1


def test_page_without_result_element_is_retried_then_reported(server, make_settings):
    server.expect_request("/m").respond_with_data(
        "<html><body><p>Sorry</p></body></html>", content_type="text/html"
    )
    chain = get_provider("google", settings=make_settings(max_attempts=3))

    outcomes = chain.translate_outcomes(FRENCH[:1], "fr", "en")

    assert outcomes[0].translation is None
    assert "result-container" in outcomes[0].error
    assert chain.stats["google"].requests == 3


def test_echo_is_rejected_and_never_cached(server, make_settings, tmp_path):
    server.expect_request("/m").respond_with_handler(google_handler(lambda text: text))
    settings = make_settings()
    chain = get_provider("google", settings=settings)

    outcomes = chain.translate_outcomes(FRENCH[:3], "fr", "en")

    assert all(outcome.translation is None for outcome in outcomes)
    assert all("unchanged" in outcome.error for outcome in outcomes)
    assert not (tmp_path / "cache" / "fr-en.sqlite3").exists()


def test_french_answer_is_rejected(server, make_settings):
    other_french = dict(zip(FRENCH, reversed(FRENCH), strict=True))
    server.expect_request("/m").respond_with_handler(
        google_handler(lambda text: other_french.get(text, text))
    )
    chain = get_provider("google", settings=make_settings())

    outcomes = chain.translate_outcomes(FRENCH[:1], "fr", "en")

    assert outcomes[0].translation is None
    assert "still in the source language" in outcomes[0].error


def test_text_left_untranslated_inside_a_pack_is_sent_again_alone(server, make_settings):
    def skip_one_in_packs(text: str) -> str:  # a service that loses its way in long packs
        parts = text.split("[[§")
        if len(parts) == 1:
            return fake_english(text)
        return fake_english("[[§".join(parts[:2])) + "[[§" + "[[§".join(parts[2:])

    server.expect_request("/m").respond_with_handler(google_handler(skip_one_in_packs))
    chain = get_provider("google", settings=make_settings())

    assert chain.translate_texts(FRENCH[:4], "fr", "en") == [fake_english(t) for t in FRENCH[:4]]
    assert chain.stats["google"].rejected == 2  # texts 3 and 4 came back in French
    assert chain.stats["google"].requests == 3
    assert chain.providers_used == ["google"] * 4


def test_retry_after_pauses_every_worker(server, make_settings, pauses):
    arrivals: list[float] = []
    lock = threading.Lock()
    translate = google_handler()

    def first_429(request):
        with lock:
            arrivals.append(time.monotonic())
            number = len(arrivals)
        if number == 1:
            return status(429, {"Retry-After": "1"})(request)
        if number == 2:
            # the other worker's first request may have left before the 429 came back; hold it
            # until the pause is set, so that its worker's next request cannot beat the 429
            assert pauses.happened.wait(30)
        return translate(request)

    server.expect_request("/m").respond_with_handler(first_429)
    settings = make_settings(google_max_chars=100, concurrency=2, google_rate_limit=10.0)
    chain = get_provider("google", settings=settings)

    assert chain.translate_texts(FRENCH[:4], "fr", "en") == [fake_english(t) for t in FRENCH[:4]]
    # the 429 came first; the second worker's request may already have been on its way, but
    # every request after those two waited out the Retry-After
    later = [moment - arrivals[0] for moment in arrivals[2:]]
    assert later and min(later) >= 0.95
