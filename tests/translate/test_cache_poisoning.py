"""``translate`` never caches an answer it refused, and never trusts a cached answer blindly:
a damaging service followed by a healthy one, and a poisoned entry (CLI runs, loopback server)."""

from __future__ import annotations

import logging
import sqlite3

import pytest
from pytest_httpserver import HTTPServer

from bilingue.cli import main
from bilingue.providers.cache import key
from tests.providers.conftest import fake_english, google_handler
from tests.sync.conftest import ESSAY
from tests.translate.test_markup_check import without_tags


@pytest.fixture
def essay(tmp_path, monkeypatch, httpserver: HTTPServer):
    monkeypatch.setenv("BILINGUE_GOOGLE_URL", httpserver.url_for("/m"))
    monkeypatch.setenv("BILINGUE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BILINGUE_LANGUAGE_CHECK", "false")
    monkeypatch.setenv("BILINGUE_MAX_ATTEMPTS", "1")
    folder = tmp_path / "essais"
    folder.mkdir()
    (folder / "essai.md").write_text(ESSAY, encoding="utf-8")
    return folder / "essai.md"


def cached_texts(essay) -> list[str]:
    with sqlite3.connect(essay.parent.parent / "cache" / "fr-en.sqlite3") as database:
        return [row[0] for row in database.execute("SELECT text FROM translations")]


def test_an_answer_the_markup_check_refused_is_not_cached(essay, httpserver: HTTPServer):
    httpserver.expect_request("/m").respond_with_handler(google_handler(without_tags))
    main(["translate", str(essay), "--provider", "google"])
    damaged = without_tags("Deuxième paragraphe, avec un <m1>lien</m1> et du <m2>gras</m2>.")
    assert damaged not in cached_texts(essay)

    # the same essay changed a little elsewhere, against a healthy service: the paragraph is
    # asked again (it was not poisoned by the first run) and comes back whole
    essay.write_text(essay.read_text(encoding="utf-8").replace("la pluie", "la neige"), encoding="utf-8")
    essay.with_name("essai.en.md").unlink()
    httpserver.clear()
    httpserver.expect_request("/m").respond_with_handler(google_handler())
    assert main(["translate", str(essay), "--provider", "google"]) == 0
    asked = " ".join(request.args["q"] for request, _ in httpserver.log)
    assert "<m1>lien</m1>" in asked
    english = essay.with_name("essai.en.md").read_text(encoding="utf-8")
    assert f"[{fake_english('lien')}](https://exemple.org/a)" in english


def test_a_poisoned_cache_entry_is_dropped_with_a_warning(essay, httpserver: HTTPServer, caplog):
    httpserver.expect_request("/m").respond_with_handler(google_handler())
    database = essay.parent.parent / "cache" / "fr-en.sqlite3"
    database.parent.mkdir()
    poison = '<img src=x onerror="alert(1)">'
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE translations (key TEXT PRIMARY KEY, text TEXT, provider TEXT)")
        connection.execute(
            "INSERT INTO translations VALUES (?, ?, 'google')", (key("Un essai de test"), poison)
        )
    with caplog.at_level(logging.WARNING):
        assert main(["translate", str(essay), "--provider", "google"]) == 0
    assert "cached translation dropped" in caplog.text
    english = essay.with_name("essai.en.md").read_text(encoding="utf-8")
    assert "onerror" not in english and f"title: {fake_english('Un essai de test')}" in english
    assert poison not in cached_texts(essay)


def test_a_corrupted_cache_never_stops_a_run(essay, httpserver: HTTPServer, caplog):
    httpserver.expect_request("/m").respond_with_handler(google_handler())
    database = essay.parent.parent / "cache" / "fr-en.sqlite3"
    database.parent.mkdir()
    database.write_bytes(b"\x00garbage" * 512)
    with caplog.at_level(logging.WARNING):
        assert main(["translate", str(essay), "--provider", "google"]) == 0
    assert "the translation cache is damaged" in caplog.text
    assert essay.with_name("essai.en.md").exists()
