"""The Sources page list: every source, its reference, and the essays citing it."""

from __future__ import annotations

from pathlib import Path

from bilingue.corpus import corpus_of_folder
from bilingue.sources.page import SOURCES_MARKER, collect_backlinks, insert_sources_list
from bilingue.sources.registry import parse_registry

REGISTRY = """\
a-source:
  title: Alpha
  publisher: Zeta Institute
  url: https://example.org/a
  issued: 2024-10-02
  language: en
b-source:
  title: Beta
  publisher: Acme
  url: https://example.org/b
  language: fr
"""

ESSAY = """---
title: "{title}"
date: 2024-11-19
description: d
---

# {title}

Un chiffre[^src:a-source]. Encore[^src:a-source:p2].
"""


def essays(tmp_path: Path, language: str = "fr"):
    folder = tmp_path / "essais"
    folder.mkdir(exist_ok=True)
    (folder / "un.md").write_text(ESSAY.format(title="Un essai"), encoding="utf-8")
    (folder / "un.en.md").write_text(ESSAY.format(title="An essay"), encoding="utf-8")
    return corpus_of_folder(tmp_path).essays(language)


def test_backlinks_use_the_readers_language_and_the_first_citation(tmp_path: Path):
    french = collect_backlinks(essays(tmp_path, "fr"))
    english = collect_backlinks(essays(tmp_path, "en"))
    assert [(b.title, b.src_uri, b.anchor) for b in french["a-source"]] == [
        ("Un essai", "essais/un.md", "fnref:src:a-source")
    ]
    assert english["a-source"][0].title == "An essay"
    assert "b-source" not in french


def test_list_replaces_the_marker(tmp_path: Path):
    registry = parse_registry(REGISTRY)
    page = f"# Sources\n\nIntro.\n\n{SOURCES_MARKER}\n"
    french = insert_sources_list(page, registry, essays(tmp_path), "fr", "sources.md")
    assert SOURCES_MARKER not in french
    assert french.startswith("# Sources\n\nIntro.\n\n")
    # sorted by reference: Acme (Beta) before Zeta Institute (Alpha)
    assert french.index('id="b-source"') < french.index('id="a-source"')
    assert "2 octobre 2024 (en anglais)" in french
    assert "Cité dans\u00a0: [Un essai](essais/un.md#fnref:src:a-source)." in french
    assert "Cité dans aucun essai pour l'instant." in french
    english = insert_sources_list(page, registry, essays(tmp_path, "en"), "en", "sources.en.md")
    assert "Cited in: [An essay](essais/un.md#fnref:src:a-source)." in english
    assert "Not cited in any essay yet." in english


def test_links_are_relative_to_the_page(tmp_path: Path):
    registry = parse_registry(REGISTRY)
    text = insert_sources_list(SOURCES_MARKER, registry, essays(tmp_path), "fr", "a-propos/sources.md")
    assert "](../essais/un.md#fnref:src:a-source)" in text


def test_pages_without_the_marker_are_untouched(tmp_path: Path):
    registry = parse_registry(REGISTRY)
    assert insert_sources_list("# Rien\n", registry, [], "fr", "x.md") == "# Rien\n"
