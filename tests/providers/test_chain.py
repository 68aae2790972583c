"""The chain: fallback, provenance, de-duplication, cache, partial failure, long texts."""

from __future__ import annotations

import threading

import pytest

from bilingue.providers.cache import TranslationCache
from bilingue.providers.factory import get_provider
from bilingue.providers.failures import UntranslatedError
from bilingue.providers.outcome import UNCHANGED
from tests.providers.conftest import (
    FRENCH,
    fake_english,
    google_handler,
    mymemory_handler,
    status,
)


def test_fallback_records_which_provider_translated_each_text(server, make_settings):
    def echo_second(text: str) -> str:  # Google leaves one paragraph untranslated
        return text if text.startswith("Nous avons") else fake_english(text)

    server.expect_request("/m").respond_with_handler(google_handler(echo_second))
    server.expect_request("/get").respond_with_handler(mymemory_handler())
    chain = get_provider(None, settings=make_settings(chain="google,mymemory", google_max_chars=100))

    result = chain.translate_texts(FRENCH[:3], "fr", "en")

    assert result == [fake_english(t) for t in FRENCH[:3]]
    assert chain.providers_used == ["google", "mymemory", "google"]
    assert [outcome.from_cache for outcome in chain.last_outcomes] == [False] * 3


def test_identical_texts_are_translated_once(server, make_settings):
    server.expect_request("/m").respond_with_handler(google_handler())
    chain = get_provider("google", settings=make_settings(google_max_chars=100))

    result = chain.translate_texts([FRENCH[0], FRENCH[1], FRENCH[0], " " + FRENCH[0]], "fr", "en")

    assert result[0] == result[2] == fake_english(FRENCH[0])
    assert result[3] == " " + fake_english(FRENCH[0])  # outer whitespace kept
    assert chain.stats["google"].requests == 2


def test_warm_run_sends_nothing_and_keeps_provenance(server, make_settings):
    server.expect_request("/m").respond_with_handler(google_handler())
    settings = make_settings()
    get_provider("google", settings=settings).translate_texts(FRENCH, "fr", "en")

    warm = get_provider("mymemory,google", settings=settings)
    result = warm.translate_texts(FRENCH, "fr", "en")

    assert result == [fake_english(t) for t in FRENCH]
    assert warm.requests == 0 and len(server.log) == 1
    assert all(outcome.from_cache and outcome.provider == "google" for outcome in warm.last_outcomes)


def test_partial_failure_keeps_the_rest_and_the_next_run_finishes(server, make_settings, tmp_path):
    def refuse_neige(request):
        if "neige" in request.args["q"]:
            return status(503)(request)
        return google_handler()(request)

    server.expect_request("/m").respond_with_handler(refuse_neige)
    settings = make_settings(google_max_chars=100, max_attempts=2)

    with pytest.raises(UntranslatedError) as caught:
        get_provider("google", settings=settings).translate_texts(FRENCH, "fr", "en")

    failed = [outcome for outcome in caught.value.outcomes if outcome.translation is None]
    assert [outcome.source for outcome in failed] == [FRENCH[5]]
    assert "HTTP 503" in failed[0].error and "neige" in str(caught.value)
    assert len(TranslationCache(tmp_path / "cache", "fr", "en")) == len(FRENCH) - 1  # the rest is kept

    server.clear()
    server.expect_request("/m").respond_with_handler(google_handler())
    second = get_provider("google", settings=settings)
    assert second.translate_texts(FRENCH, "fr", "en") == [fake_english(t) for t in FRENCH]
    assert second.requests == 1 and FRENCH[5] in server.log[0][0].args["q"]


def test_texts_without_letters_are_not_sent(server, make_settings):
    chain = get_provider("google", settings=make_settings())
    assert chain.translate_texts(["42", "  —  ", "😀"], "fr", "en") == ["42", "  —  ", "😀"]
    assert chain.providers_used == [UNCHANGED] * 3
    assert server.log == []


def test_long_text_is_cut_at_sentences_and_put_back_together(server, make_settings):
    server.expect_request("/m").respond_with_handler(google_handler())
    long_text = " ".join(FRENCH * 3)
    chain = get_provider("google", settings=make_settings(google_max_chars=300))

    (result,) = chain.translate_texts([long_text], "fr", "en")

    assert result == fake_english(long_text)
    assert all(len(request.args["q"]) <= 300 for request, _ in server.log)


def test_callers_check_sends_the_text_to_the_next_provider(server, make_settings):
    def lose_token(text: str) -> str:
        return fake_english(text).replace("<m1>", "")

    server.expect_request("/m").respond_with_handler(google_handler(lose_token))
    server.expect_request("/get").respond_with_handler(mymemory_handler())
    chain = get_provider("google,mymemory", settings=make_settings())
    text = "Nous avons <m1>longtemps</m1> cru que la mémoire était une bibliothèque."

    def tokens_intact(source: str, output: str):
        return None if "<m1>" in output else "mask <m1> lost"

    (result,) = chain.translate_texts([text], "fr", "en", check=tokens_intact)

    assert result == fake_english(text)
    assert chain.providers_used == ["mymemory"]
    assert chain.stats["google"].rejected >= 1


def test_rejected_everywhere_is_reported_and_not_cached(server, make_settings, tmp_path):
    server.expect_request("/m").respond_with_handler(google_handler(lambda text: text))
    server.expect_request("/get").respond_with_handler(mymemory_handler(lambda text: text))
    chain = get_provider("google,mymemory", settings=make_settings())

    outcome = chain.translate_outcomes(FRENCH[:1], "fr", "en")[0]

    assert outcome.translation is None
    assert "google: the service returned the input unchanged" in outcome.error
    assert "mymemory: the service returned the input unchanged" in outcome.error
    assert not (tmp_path / "cache" / "fr-en.sqlite3").exists()


def test_concurrency_is_bounded(server, make_settings):
    in_flight, peak = [0], [0]
    changed = threading.Condition()

    def held(request):
        # the first requests are held until three are in flight at once: every worker is then
        # sending, and a fourth one (if the bound did not hold) would be counted meanwhile
        with changed:
            in_flight[0] += 1
            peak[0] = max(peak[0], in_flight[0])
            changed.notify_all()
            changed.wait_for(lambda: peak[0] >= 3, timeout=30)
        try:
            return google_handler()(request)
        finally:
            with changed:
                in_flight[0] -= 1

    server.expect_request("/m").respond_with_handler(held)
    settings = make_settings(google_max_chars=100, concurrency=3, timeout=30.0)
    chain = get_provider("google", settings=settings)

    chain.translate_texts(FRENCH, "fr", "en")

    assert chain.stats["google"].requests == len(FRENCH)
    assert peak[0] == 3


def test_request_too_large_is_halved(server, make_settings):
    def refuse_big(request):
        if request.args["q"].count("[[§") >= 2:
            return status(414)(request)
        return google_handler()(request)

    server.expect_request("/m").respond_with_handler(refuse_big)
    chain = get_provider("google", settings=make_settings())

    assert chain.translate_texts(FRENCH, "fr", "en") == [fake_english(t) for t in FRENCH]
    assert chain.stats["google"].requests > 1


def test_a_failing_save_stops_the_run_without_sending_the_rest(server, make_settings, tmp_path):
    server.expect_request("/m").respond_with_handler(google_handler())
    not_a_folder = tmp_path / "cache-file"
    not_a_folder.write_text("", encoding="utf-8")
    chain = get_provider(
        "google", settings=make_settings(google_max_chars=100, concurrency=1, cache_dir=str(not_a_folder))
    )

    with pytest.raises(OSError):
        chain.translate_texts(FRENCH, "fr", "en")

    assert len(server.log) <= 2 < len(FRENCH)


def test_texts_stopped_by_the_same_failure_share_one_message(server, make_settings):
    server.expect_request("/m").respond_with_handler(status(503))
    chain = get_provider("google", settings=make_settings(google_max_chars=100, max_attempts=2))
    with pytest.raises(UntranslatedError) as caught:
        chain.translate_texts(FRENCH[:3], "fr", "en")
    message = str(caught.value)
    assert message.startswith("3 of 3 text(s) left untranslated:")
    assert message.count("gave up after 2 attempts") == 1  # the reason once, then the texts it stopped
    assert message.count("503") == 1
    listed = [line for line in message.splitlines() if line.startswith("    - ")]
    assert len(listed) == 3 and all(text[:40] in message for text in FRENCH[:3])
