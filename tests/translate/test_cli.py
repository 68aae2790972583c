"""``python -m bilingue translate`` and ``check-translation`` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingue.cli import main

FRENCH = """---
title: "Un titre"
date: 2024-01-01
---

# Un "métier" difficile

Du **gras** avec `code` et Myelin.[^1]

[^1]: Une note.
"""


@pytest.fixture
def essay(tmp_path: Path) -> Path:
    path = tmp_path / "essai.md"
    path.write_text(FRENCH, encoding="utf-8")
    return path


def test_translate_prints_english_markdown(essay, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no glossary.yml here
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Essais\nmarkdown_extensions: [attr_list, footnotes]\n")
    assert main(["translate", str(essay), "--provider", "pseudo", "--stdout"]) == 0
    out = capsys.readouterr().out
    assert out.startswith('---\ntitle: "ÛÛñ ttîtrrë"\ndate: 2024-01-01\n---\n')
    assert '# ÛÛñ "mmétîîër" ddîfffîçîîlë { #un-metier-difficile }' in out
    assert "`code`" in out and "[^1]" in out and "MMÿëllîñ" in out


def test_the_site_renderer_judges_a_site_without_attr_list(essay, capsys, tmp_path, monkeypatch):
    """Without attr_list, `{ #id }` would be shown as text and change the heading's id: the
    judge (MkDocs' built-in extensions here, no mkdocs.yml) keeps that heading French."""
    monkeypatch.chdir(tmp_path)
    assert main(["translate", str(essay), "--provider", "pseudo", "--stdout"]) == 0
    captured = capsys.readouterr()
    assert '\n# Un "métier" difficile\n' in captured.out and "DDû **ggráss**" in captured.out
    assert "essai.md:6: heading kept in French (the page renders differently: `<h1 id=" in captured.err


def test_translate_uses_the_glossary(essay, capsys, tmp_path):
    glossary = tmp_path / "glossaire.yml"
    glossary.write_text("keep:\n  - Myelin\n", encoding="utf-8")
    assert (
        main(["translate", str(essay), "--provider", "pseudo", "--stdout", "--glossary", str(glossary)]) == 0
    )
    assert "Myelin" in capsys.readouterr().out


def test_translate_identity_is_byte_identical(essay, capsys):
    assert main(["translate", str(essay), "--provider", "identity", "--stdout"]) == 0
    assert capsys.readouterr().out == FRENCH


def test_translate_without_stdout_writes_the_english_file_and_lock(essay, capsys):
    assert main(["translate", str(essay), "--provider", "pseudo"]) == 0
    assert essay.with_name("essai.en.md").read_text(encoding="utf-8").startswith('---\ntitle: "ÛÛñ')
    assert essay.with_name("essai.lock.json").exists()
    assert "1 block(s) translated" not in capsys.readouterr().err  # the summary counts all 4


def test_translate_missing_file_names_it(tmp_path, capsys):
    assert main(["translate", str(tmp_path / "absent.md"), "--provider", "pseudo", "--stdout"]) == 1
    assert "absent.md: file not found" in capsys.readouterr().err


def test_translate_unknown_provider_is_a_clear_error(essay, capsys):
    assert main(["translate", str(essay), "--provider", "nope", "--stdout"]) == 1
    assert "unknown translation provider" in capsys.readouterr().err


def test_check_translation_accepts_a_faithful_file(essay, tmp_path, capsys):
    english = tmp_path / "essai.en.md"
    main(["translate", str(essay), "--provider", "pseudo", "--stdout"])
    english.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["check-translation", str(essay), str(english)]) == 0
    assert "matches" in capsys.readouterr().out


def test_check_translation_reports_file_line_and_difference(essay, tmp_path, capsys):
    english = tmp_path / "essai.en.md"
    english.write_text(FRENCH.replace("`code`", "code").replace("[^1]:", "[^2]:"), encoding="utf-8")
    assert main(["check-translation", str(essay), str(english)]) == 1
    out = capsys.readouterr().out
    assert f"{essay}:8 / {english}:8: paragraph: protected pieces differ: missing ``code``" in out
    assert f"{essay}:10 / {english}:10: footnote: label `1` became `2`" in out
    assert "2 difference(s)" in out


def test_check_translation_renders_both_files_with_the_sites_markdown(tmp_path, capsys, root):
    """A change the block model cannot see (a column's alignment) still changes the page."""
    french, english = tmp_path / "essai.md", tmp_path / "essai.en.md"
    french.write_text("| Nom | Valeur |\n|-----|-------:|\n| un | deux |\n", encoding="utf-8")
    english.write_text("| Name | Value |\n|-----|-------|\n| one | two |\n", encoding="utf-8")
    assert main(["check-translation", str(french), str(english), "--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert f'{english}: the page renders differently: `<th style="text-align: right;">`' in out
    english.write_text("| Name | Value |\n|---|---:|\n| one | two |\n", encoding="utf-8")
    assert main(["check-translation", str(french), str(english), "--root", str(root)]) == 0


def test_check_translation_uses_the_projects_glossary(tmp_path, capsys):
    (tmp_path / "bilingue.yml").write_text("translation:\n  glossary: termes.yml\n", encoding="utf-8")
    (tmp_path / "termes.yml").write_text("keep: [Rivière-Ouelle]\n", encoding="utf-8")
    french, english = tmp_path / "essai.md", tmp_path / "essai.en.md"
    french.write_text("Je vis à Rivière-Ouelle, au bord du fleuve.\n", encoding="utf-8")
    english.write_text("I live in Riviere Ouelle, by the river.\n", encoding="utf-8")
    arguments = ["check-translation", str(french), str(english)]
    assert main([*arguments, "--root", str(tmp_path)]) == 1  # the name must stay as written
    assert "Rivière-Ouelle" in capsys.readouterr().out
    assert main([*arguments, "--root", str(tmp_path / "nowhere")]) == 0  # no project: no glossary
