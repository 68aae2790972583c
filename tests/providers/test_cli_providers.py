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


PROJECT = """\
translation:
  provider: libre,google
  providers: {timeout: 7, google_url: "http://127.0.0.1:9/m"}
"""


def test_shows_the_chain_and_settings_of_bilingue_yml(tmp_path, capsys, monkeypatch):
    (tmp_path / "bilingue.yml").write_text(PROJECT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # the default root, as `translate` reads it

    assert main(["providers"]) == 0

    out = capsys.readouterr().out
    assert out.index("libre (#1 in the chain)") < out.index("google (#2 in the chain)")
    assert "mymemory (not in the chain)" in out
    assert "chain        libre -> google  [translation.provider, BILINGUE_PROVIDER]" in out
    assert "http://127.0.0.1:9/m" in out
    assert "timeout      7 s to answer" in out


def test_the_environment_wins_over_bilingue_yml(tmp_path, capsys, monkeypatch):
    (tmp_path / "bilingue.yml").write_text(PROJECT, encoding="utf-8")
    monkeypatch.setenv("BILINGUE_PROVIDER", "deepl")
    monkeypatch.setenv("BILINGUE_TIMEOUT", "3")

    assert main(["providers", "--root", str(tmp_path)]) == 0

    out = capsys.readouterr().out
    assert "deepl (#1 in the chain)" in out and "libre (not in the chain)" in out
    assert "timeout      3 s to answer" in out


def test_an_offline_provider_is_said_to_send_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BILINGUE_PROVIDER", "pseudo")
    assert main(["providers", "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "chain        pseudo: offline, sends nothing" in out
    assert "#1 in the chain" not in out


def test_an_unknown_provider_in_bilingue_yml_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "bilingue.yml").write_text("translation:\n  provider: googel\n", encoding="utf-8")
    assert main(["providers", "--root", str(tmp_path)]) == 1
    assert "unknown translation provider 'googel'" in capsys.readouterr().err


def test_a_missing_root_is_a_clear_error(tmp_path, capsys):
    assert main(["providers", "--root", str(tmp_path / "nowhere")]) == 1
    assert "nowhere: no such folder (--root" in capsys.readouterr().err
