"""Settings: names, environment variables, secrets."""

from __future__ import annotations

import pytest

from bilingue.errors import BilingueError
from bilingue.providers.settings import ENVIRONMENT, load_settings


def test_defaults_are_polite():
    settings = load_settings()
    assert settings.chain == ["google", "mymemory"]
    assert settings.concurrency == 2 and settings.timeout > 0
    assert settings.google_max_chars == 4999 and settings.mymemory_max_chars == 499


def test_environment_overrides_the_configuration_file(monkeypatch):
    monkeypatch.setenv("BILINGUE_CHAIN", "libre, google")
    monkeypatch.setenv("BILINGUE_GOOGLE_URL", "http://127.0.0.1:8000/m")
    settings = load_settings(
        {"chain": ["deepl"], "google_url": "https://example.invalid/m", "concurrency": 3}
    )
    assert settings.chain == ["libre", "google"]
    assert settings.google_url == "http://127.0.0.1:8000/m"
    assert settings.concurrency == 3


def test_keys_come_from_the_environment_only(monkeypatch):
    monkeypatch.setenv("DEEPL_AUTH_KEY", "k:fx")
    monkeypatch.setenv("MICROSOFT_TRANSLATOR_KEY", "m")
    settings = load_settings()
    assert settings.secret("deepl") == "k:fx" and settings.secret("microsoft") == "m"
    assert "k:fx" not in repr(settings)
    with pytest.raises(BilingueError, match="DEEPL_AUTH_KEY"):
        load_settings({"deepl_auth_key": "in-a-file"})


def test_empty_variables_count_as_unset(monkeypatch):
    """GitHub Actions passes "" for a secret or variable the repository does not define."""
    for name in ("DEEPL_AUTH_KEY", "MICROSOFT_TRANSLATOR_KEY", "MYMEMORY_EMAIL", "BILINGUE_CHAIN"):
        monkeypatch.setenv(name, "")
    settings = load_settings()
    assert settings.secret("deepl") is None and settings.secret("microsoft") is None
    assert settings.mymemory_email is None and settings.chain == ["google", "mymemory"]


def test_bad_values_are_named():
    with pytest.raises(BilingueError, match=r"chain.*unknown provider"):
        load_settings({"chain": "google,babelfish"})
    with pytest.raises(BilingueError, match="concurrency"):
        load_settings({"concurrency": 0})
    with pytest.raises(BilingueError, match="nonsense"):
        load_settings({"nonsense": 1})


def test_cache_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("BILINGUE_CACHE_DIR", "off")
    assert load_settings().cache_dir is None


def test_every_setting_has_a_documented_variable():
    settings = load_settings()
    assert set(ENVIRONMENT) == set(type(settings).model_fields)
