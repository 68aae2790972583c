"""The translator checks each service answer's markup inside the fallback chain (loopback servers)."""

from __future__ import annotations

import re
import sqlite3

import pytest

from bilingue.providers import get_provider
from bilingue.providers.failures import UntranslatedError
from bilingue.translate import PIECEWISE, translate_document
from tests.providers.conftest import fake_english, google_handler, mymemory_handler, status

FRENCH = "Du **gras** et un [lien](https://exemple.org/a) dans une phrase française assez longue.\n"
TAG = re.compile(r"</?m\d+/?>")


def without_tags(text: str) -> str:
    return fake_english(TAG.sub("", text))


@pytest.fixture
def chain(httpserver, tmp_path):
    def make():
        settings = {
            "google_url": httpserver.url_for("/m"),
            "mymemory_url": httpserver.url_for("/get"),
            "cache_dir": str(tmp_path / "cache"),
            "timeout": 0.5,
            "connect_timeout": 0.5,
            "max_attempts": 1,
            "backoff_initial": 0.01,
            "backoff_max": 0.01,
            "google_rate_limit": 1000.0,
            "mymemory_rate_limit": 1000.0,
            "language_check": False,
        }
        return get_provider("google,mymemory", config=settings)

    return make


def test_damaged_markup_goes_to_the_next_service_and_is_never_cached(httpserver, chain, tmp_path):
    httpserver.expect_request("/m").respond_with_handler(google_handler(without_tags))
    httpserver.expect_request("/get").respond_with_handler(mymemory_handler())
    provider = chain()
    result = translate_document(FRENCH, provider)
    assert result.issues == []  # translated whole, by the second service
    assert "**" in result.text and "](https://exemple.org/a)" in result.text
    assert {outcome.provider for outcome in provider.last_outcomes} == {"mymemory"}
    with sqlite3.connect(tmp_path / "cache" / "fr-en.sqlite3") as database:
        providers = {row[0] for row in database.execute("SELECT provider FROM translations")}
    assert providers == {"mymemory"}


def test_markup_every_service_damages_is_translated_piece_by_piece(httpserver, chain):
    httpserver.expect_request("/m").respond_with_handler(google_handler(without_tags))
    httpserver.expect_request("/get").respond_with_handler(mymemory_handler(without_tags))
    result = translate_document(FRENCH, chain())
    assert [issue.action for issue in result.issues] == [PIECEWISE]
    assert "**" in result.text and "](https://exemple.org/a)" in result.text


def test_a_service_failure_is_still_an_error(httpserver, chain):
    httpserver.expect_request("/m").respond_with_handler(status(500))
    httpserver.expect_request("/get").respond_with_handler(status(500))
    with pytest.raises(UntranslatedError):
        translate_document(FRENCH, chain())
