from __future__ import annotations

import pytest

from bilingue.config import describe_settings, load_config, setting_rows, settings_table
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


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("translation:\n  paths: [docs]\n  mode: sometimes\n", 3),
        # flow style, after a comment that mentions the key
        ("# mode: auto was here\ntranslation: {paths: [docs], mode: sometimes}\n", 2),
    ],
)
def test_a_bad_setting_names_file_line_and_values(tmp_path, monkeypatch, text, line):
    monkeypatch.delenv("BILINGUE_MODE", raising=False)
    (tmp_path / "bilingue.yml").write_text(text, encoding="utf-8")
    with pytest.raises(SourceFileError) as caught:
        load_config(tmp_path)
    assert caught.value.line == line and "'auto', 'check' or 'off'" in str(caught.value)


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


# --- one settings model: folders, origins, the generated table ----------------------------------


def test_folders_and_essay_paths_follow_the_settings(tmp_path, monkeypatch):
    (tmp_path / "bilingue.yml").write_text(
        "folders:\n  docs: site-pages\n  essays: textes\n", encoding="utf-8"
    )
    config = load_config(tmp_path)
    assert config.essays_dir == tmp_path / "site-pages" / "textes"
    assert config.essay_paths() == [tmp_path / "site-pages" / "textes"]
    assert config.registry_path == tmp_path / "sources.yml"
    monkeypatch.setenv("BILINGUE_SOURCES", "data/sources.yml")
    monkeypatch.setenv("BILINGUE_PATHS", "a, b")
    config = load_config(tmp_path)
    assert config.registry_path == tmp_path / "data/sources.yml"
    assert config.essay_paths() == [tmp_path / "a", tmp_path / "b"]


def test_every_value_says_where_it_came_from(tmp_path, monkeypatch):
    (tmp_path / "bilingue.yml").write_text(
        "translation:\n  mode: check\n  providers:\n    timeout: 7\n", encoding="utf-8"
    )
    monkeypatch.setenv("BILINGUE_PROVIDER", "pseudo")
    monkeypatch.setenv("BILINGUE_CONCURRENCY", "3")
    lines = {line.split()[0]: line for line in describe_settings(load_config(tmp_path))}
    assert (
        lines["translation.mode"].endswith("(bilingue.yml, line 2)")
        and " check " in lines["translation.mode"]
    )
    assert lines["translation.provider"].endswith("(environment variable BILINGUE_PROVIDER)")
    assert lines["translation.providers.timeout"].endswith("(bilingue.yml, line 4)")
    assert " 7.0 " in lines["translation.providers.timeout"]
    assert lines["translation.providers.concurrency"].endswith("(environment variable BILINGUE_CONCURRENCY)")
    assert lines["folders.docs"].endswith("(default)")


def test_keys_are_never_shown_and_urls_are_masked(tmp_path, monkeypatch):
    monkeypatch.setenv("DEEPL_AUTH_KEY", "secret-key:fx")
    monkeypatch.setenv("BILINGUE_LIBRE_URL", "https://user:password@proxy.example/")
    lines = {line.split()[0]: line for line in describe_settings(load_config(tmp_path))}
    shown = "\n".join(lines.values())
    assert "secret-key" not in shown and "password" not in shown
    assert "set (hidden)" in lines["translation.providers.deepl_auth_key"]
    assert "(environment variable DEEPL_AUTH_KEY)" in lines["translation.providers.deepl_auth_key"]
    assert "https://***@proxy.example/" in lines["translation.providers.libre_url"]
    assert "not set" in lines["translation.providers.microsoft_key"]


def test_each_setting_has_its_own_environment_variable():
    rows = list(setting_rows())
    names = [name for row in rows for name in row.variables]
    assert len(names) == len(set(names))
    assert {row.key for row in rows} >= {"translation.mode", "folders.essays", "translation.providers.chain"}
    assert all(row.meaning for row in rows)  # every setting is explained in the table


def test_the_site_owners_guide_holds_the_generated_table(root):
    guide = (root / "guide" / "site-owners.md").read_text(encoding="utf-8")
    start = guide.index("<!-- settings-table:start")
    start = guide.index("\n", start) + 1
    end = guide.index("<!-- settings-table:end -->")
    assert guide[start:end] == settings_table(), "run `python -m bilingue settings --table` into the guide"
