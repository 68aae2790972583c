"""``python -m bilingue providers`` lists providers and never prints a key."""

from __future__ import annotations

from bilingue.cli import main


def test_lists_every_provider_with_key_status_and_never_the_key(capsys, monkeypatch):
    monkeypatch.setenv("DEEPL_AUTH_KEY", "very-secret-key:fx")
    monkeypatch.setenv("BILINGUE_CHAIN", "deepl,google")
    monkeypatch.setenv("BILINGUE_LIBRE_URL", "http://user:hunter2@proxy.example:8080/")

    assert main(["providers"]) == 0

    out = capsys.readouterr().out
    assert "very-secret-key" not in out and "hunter2" not in out
    assert out.index("deepl (#1 in the chain)") < out.index("google (#2 in the chain)")
    assert "key set" in out and "key missing" in out  # deepl set, microsoft missing
    assert "http://***@proxy.example:8080/" in out
    assert "500,000 characters per month" in out and "5,000 characters per day" in out


def test_bad_setting_is_a_clear_error(capsys, monkeypatch):
    monkeypatch.setenv("BILINGUE_CONCURRENCY", "lots")
    assert main(["providers"]) == 1
    assert "concurrency" in capsys.readouterr().err
