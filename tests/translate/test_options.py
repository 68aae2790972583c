"""Glossary file loading."""

from __future__ import annotations

import pytest

from bilingue.errors import SourceFileError
from bilingue.translate import load_glossary


def test_keep_list_and_bare_list(tmp_path):
    path = tmp_path / "g.yml"
    path.write_text("keep:\n  - Myelin\n  - Rivière-Ouelle\n", encoding="utf-8")
    assert load_glossary(path) == ("Myelin", "Rivière-Ouelle")
    path.write_text("- Myelin\n", encoding="utf-8")
    assert load_glossary(path) == ("Myelin",)


def test_default_file_is_optional(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_glossary() == ()
    (tmp_path / "glossary.yml").write_text("keep: [Myelin]\n", encoding="utf-8")
    assert load_glossary() == ("Myelin",)


def test_explicit_missing_file_is_an_error(tmp_path):
    with pytest.raises(SourceFileError, match="glossary file not found"):
        load_glossary(tmp_path / "absent.yml")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("keep: [a\n", "invalid YAML"),
        ("keep: {a: b}\n", "must be a `keep:` list"),
        ("keep:\n  - 3\n", "must be a `keep:` list"),
    ],
)
def test_bad_glossary_names_the_file(tmp_path, content, message):
    path = tmp_path / "g.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SourceFileError, match=message) as error:
        load_glossary(path)
    assert "g.yml" in str(error.value)


def test_the_repository_glossary_loads():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    assert {"Myelin", "Rivière-Ouelle"} <= set(load_glossary(root / "glossary.yml"))
