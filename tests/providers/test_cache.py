"""The translation cache: keyed by source text and language pair, one SQLite transaction per
flush, a damaged database set aside (never an abort), concurrent runs keep all entries."""

from __future__ import annotations

import logging
import sqlite3
import subprocess
import sys
import textwrap

from bilingue.providers.cache import TranslationCache, key


def stored(path) -> dict[str, tuple[str, str]]:
    """What the database holds: key -> (text, provider)."""
    with sqlite3.connect(path) as database:
        return {
            row[0]: (row[1], row[2])
            for row in database.execute("SELECT key, text, provider FROM translations")
        }


def test_entries_survive_a_new_process(tmp_path):
    cache = TranslationCache(tmp_path, "fr", "en")
    cache.put("Bonjour tout le monde.", "Hello everyone.", "google")
    cache.flush()

    again = TranslationCache(tmp_path, "fr", "en")
    hit = again.get("  Bonjour tout le monde.\n")
    assert hit.text == "Hello everyone." and hit.provider == "google"
    assert TranslationCache(tmp_path, "fr", "de").get("Bonjour tout le monde.") is None
    assert sorted(path.name for path in tmp_path.iterdir()) == ["fr-en.sqlite3"]


def test_nothing_is_written_until_flush(tmp_path):
    cache = TranslationCache(tmp_path, "fr", "en")
    cache.put("Un.", "One.", "google")
    assert cache.get("Un.").text == "One."
    assert not (tmp_path / "fr-en.sqlite3").exists()


def test_the_format_is_the_documented_table(tmp_path):
    cache = TranslationCache(tmp_path, "fr", "en")
    cache.put("Un.", "One.", "mymemory")
    cache.flush()
    assert stored(tmp_path / "fr-en.sqlite3") == {key("Un."): ("One.", "mymemory")}


def test_a_damaged_database_is_set_aside_with_a_warning_never_an_abort(tmp_path, caplog):
    (tmp_path / "fr-en.sqlite3").write_bytes(b"this is not a database, it is a poisoned file" * 100)
    cache = TranslationCache(tmp_path, "fr", "en")
    with caplog.at_level(logging.WARNING):
        assert cache.get("Bonjour") is None
        cache.put("Bonjour", "Hello", "google")
        cache.flush()
    assert "the translation cache is damaged" in caplog.text and "set aside" in caplog.text
    assert (tmp_path / "fr-en.sqlite3.damaged").exists()
    assert TranslationCache(tmp_path, "fr", "en").get("Bonjour").text == "Hello"


def test_an_entry_that_is_not_a_translation_is_dropped(tmp_path, caplog):
    cache = TranslationCache(tmp_path, "fr", "en")
    cache.put("Bonjour", "Hello", "google")
    cache.flush()
    with sqlite3.connect(tmp_path / "fr-en.sqlite3") as database:
        database.execute("UPDATE translations SET text = NULL WHERE key = ?", (key("Bonjour"),))
    with caplog.at_level(logging.WARNING):
        assert TranslationCache(tmp_path, "fr", "en").get("Bonjour") is None
    assert "cached translation dropped (the entry is not a translation)" in caplog.text
    assert stored(tmp_path / "fr-en.sqlite3") == {}


RUN = textwrap.dedent(
    """
    import sys
    from bilingue.providers.cache import TranslationCache
    name, count = sys.argv[2], int(sys.argv[3])
    cache = TranslationCache(sys.argv[1], "fr", "en")
    for number in range(count):  # one flush per entry: as many transactions as can interleave
        cache.put(f"{name} {number}", f"{name} translated {number}", "google")
        cache.flush()
    """
)


def test_concurrent_runs_keep_each_others_entries(tmp_path):
    runs = [
        subprocess.Popen([sys.executable, "-c", RUN, str(tmp_path), name, "150"])
        for name in ("alpha", "beta")
    ]
    assert [run.wait(timeout=300) for run in runs] == [0, 0]
    entries = stored(tmp_path / "fr-en.sqlite3")
    assert len(entries) == 300  # a whole-file rewrite lost about half of them
    assert entries[key("beta 149")] == ("beta translated 149", "google")
