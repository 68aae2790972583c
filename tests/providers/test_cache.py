"""The translation cache: keyed by source text and language pair, written atomically."""

from __future__ import annotations

import json

import pytest

from bilingue.errors import SourceFileError
from bilingue.providers.cache import TranslationCache


def test_entries_survive_a_new_process(tmp_path):
    cache = TranslationCache(tmp_path, "fr", "en")
    cache.put("Bonjour tout le monde.", "Hello everyone.", "google")
    cache.flush()

    again = TranslationCache(tmp_path, "fr", "en")
    hit = again.get("  Bonjour tout le monde.\n")
    assert hit.text == "Hello everyone." and hit.provider == "google"
    assert TranslationCache(tmp_path, "fr", "de").get("Bonjour tout le monde.") is None
    assert list(tmp_path.iterdir()) == [tmp_path / "fr-en.json"]  # no temporary file left


def test_nothing_is_written_until_flush(tmp_path):
    cache = TranslationCache(tmp_path, "fr", "en")
    cache.put("Un.", "One.", "google")
    assert not (tmp_path / "fr-en.json").exists()


def test_corrupt_cache_names_the_file_and_the_fix(tmp_path):
    (tmp_path / "fr-en.json").write_text('{"version": 1, "entries": {"x": ', encoding="utf-8")
    with pytest.raises(SourceFileError, match="delete the file") as caught:
        TranslationCache(tmp_path, "fr", "en")
    assert caught.value.path == tmp_path / "fr-en.json"


def test_file_format_is_documented_json(tmp_path):
    cache = TranslationCache(tmp_path, "fr", "en")
    cache.put("Un.", "One.", "mymemory")
    cache.flush()
    data = json.loads((tmp_path / "fr-en.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert list(data["entries"].values()) == [{"text": "One.", "provider": "mymemory"}]


def test_a_flush_removes_what_a_killed_flush_left(tmp_path):
    leftover = tmp_path / ".fr-en.json.a1b2c3d4.tmp"
    leftover.write_text('{"version": 1, "entr', encoding="utf-8")
    cache = TranslationCache(tmp_path, "fr", "en")
    cache.put("Bonjour", "Hello", "google")
    cache.flush()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["fr-en.json"]
    assert TranslationCache(tmp_path, "fr", "en").get("Bonjour").text == "Hello"
