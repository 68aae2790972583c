from __future__ import annotations

import pytest

from bilingue.config import load_config
from bilingue.errors import BilingueError, SourceFileError


def test_defaults_without_a_file(tmp_path, monkeypatch):
    monkeypatch.delenv("BILINGUE_MODE", raising=False)
    monkeypatch.delenv("BILINGUE_PROVIDER", raising=False)
    config = load_config(tmp_path)
    assert config.translation.mode == "auto" and config.translation.provider is None
    assert config.essay_paths() == [tmp_path / "docs/essais"]


def test_environment_wins_over_the_file(tmp_path, monkeypatch):
    (tmp_path / "bilingue.yml").write_text(
        "translation:\n  mode: auto\n  provider: google\n", encoding="utf-8"
    )
    monkeypatch.setenv("BILINGUE_MODE", "check")
    monkeypatch.setenv("BILINGUE_PROVIDER", "pseudo")
    config = load_config(tmp_path)
    assert (config.translation.mode, config.translation.provider) == ("check", "pseudo")


def test_a_bad_setting_names_file_line_and_values(tmp_path, monkeypatch):
    monkeypatch.delenv("BILINGUE_MODE", raising=False)
    (tmp_path / "bilingue.yml").write_text(
        "translation:\n  paths: [docs]\n  mode: sometimes\n", encoding="utf-8"
    )
    with pytest.raises(SourceFileError) as caught:
        load_config(tmp_path)
    assert caught.value.line == 3 and "'auto', 'check' or 'off'" in str(caught.value)


def test_glossary_and_keys_become_translate_options(tmp_path):
    (tmp_path / "glossary.yml").write_text("keep:\n  - Myelin\n", encoding="utf-8")
    (tmp_path / "bilingue.yml").write_text("translation:\n  front_matter_keys: [title]\n", encoding="utf-8")
    options = load_config(tmp_path).translate_options()
    assert options.glossary == ("Myelin",) and options.front_matter_keys == ("title",)


def test_the_repository_config_is_valid(root, monkeypatch):
    monkeypatch.delenv("BILINGUE_MODE", raising=False)
    config = load_config(root)
    assert config.translation.mode == "auto" and config.translation.paths == ["docs/essais"]


def test_a_bad_environment_value_names_the_variable_not_the_file(root, monkeypatch):
    monkeypatch.setenv("BILINGUE_MODE", "chek")
    with pytest.raises(BilingueError) as caught:
        load_config(root)
    message = str(caught.value)
    assert not isinstance(caught.value, SourceFileError) and "bilingue.yml" not in message
    assert message.startswith("environment variable BILINGUE_MODE='chek': ")
    assert "'auto', 'check' or 'off'" in message and "unset BILINGUE_MODE" in message


def test_an_unknown_provider_says_where_its_name_came_from(tmp_path, monkeypatch):
    monkeypatch.delenv("BILINGUE_PROVIDER", raising=False)
    (tmp_path / "bilingue.yml").write_text("translation:\n  provider: googel\n", encoding="utf-8")
    config = load_config(tmp_path)
    with pytest.raises(BilingueError, match=r"unknown translation provider 'googel'.*bilingue\.yml"):
        config.check_provider()
    with pytest.raises(BilingueError, match=r"'gogle'.*given by --provider"):
        config.check_provider("gogle")
    monkeypatch.setenv("BILINGUE_PROVIDER", "mymemroy")
    with pytest.raises(BilingueError, match=r"'mymemroy'.*environment variable BILINGUE_PROVIDER"):
        load_config(tmp_path).check_provider()
    config.check_provider("pseudo")  # offline providers need no settings
