from __future__ import annotations

from pathlib import Path

from bilingue.config import load_config
from bilingue.corpus import corpus_of_folder
from bilingue.library import Library, load_library

ESSAY = """---
title: {title}
date: {date}
description: Résumé.
authors: [{authors}]
tags: [{tags}]
---

# {title}

Du texte.
"""


def project(tmp_path: Path) -> Path:
    essays = tmp_path / "docs" / "essais"
    essays.mkdir(parents=True)
    (essays / "a.md").write_text(
        ESSAY.format(title="A", date="2024-01-01", authors="claire", tags="pluie, soleil"), encoding="utf-8"
    )
    (essays / "a.en.md").write_text(
        ESSAY.format(title="A en", date="2024-01-01", authors="claire", tags="pluie, soleil"),
        encoding="utf-8",
    )
    (essays / "b.md").write_text(
        ESSAY.format(title="B", date="2025-01-01", authors="inconnu", tags="pluie"), encoding="utf-8"
    )
    (tmp_path / "tags.yml").write_text("pluie: rain\n", encoding="utf-8")
    (tmp_path / "authors.yml").write_text(
        "claire:\n  name: Claire\n  bio: {fr: Bio., en: Bio.}\n", encoding="utf-8"
    )
    return tmp_path


def library_of(root: Path) -> Library:
    settings = load_config(root)
    return load_library(settings, corpus_of_folder(settings.docs_dir, settings.folders.essays))


def test_each_language_has_its_own_collection_newest_first(tmp_path: Path):
    library = library_of(project(tmp_path))
    assert [essay.slug for essay in library.essays_in("fr")] == ["b", "a"]
    assert [essay.slug for essay in library.essays_in("en")] == ["a"]  # b has no English file


def test_tag_groups_sorted_by_the_readers_label(tmp_path: Path):
    library = library_of(project(tmp_path))
    groups = library.tag_groups("en")
    assert [(group.tag.label, [e.meta.title for e in group.essays]) for group in groups] == [
        ("rain", ["B", "A en"]),  # b shown in French (not translated), a in English
        ("soleil", ["A en"]),
    ]


def test_problems_name_the_essay_and_line(tmp_path: Path):
    library = library_of(project(tmp_path))
    problems = [(p.path.name, p.line, p.message.split(" (")[0]) for p in library.problems()]
    assert problems == [
        ("b.md", 5, "author 'inconnu' is not in authors.yml"),
        ("a.md", 6, "tag 'soleil' has no English label in tags.yml"),
    ]


def test_registries_are_where_bilingue_yml_says(tmp_path: Path):
    project(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "tags.yml").rename(tmp_path / "data" / "etiquettes.yml")
    (tmp_path / "bilingue.yml").write_text("folders:\n  tags: data/etiquettes.yml\n", encoding="utf-8")
    library = library_of(tmp_path)
    assert library.tags.path == tmp_path / "data" / "etiquettes.yml"
    assert library.tags.tag("pluie", "en").label == "rain"


def test_an_english_version_has_its_french_originals_tags_authors_and_length(tmp_path: Path):
    root = project(tmp_path)
    english = root / "docs" / "essais" / "a.en.md"
    text = english.read_text(encoding="utf-8")
    english.write_text(text.replace("pluie, soleil", "stale"), encoding="utf-8")
    library = library_of(root)
    (a_en,) = library.essays_in("en")
    assert a_en.language == "en" and a_en.meta.tags == ["stale"]
    assert library.original(a_en).path.name == "a.md"
    assert [tag.label for tag in library.tags_of(a_en, "en")] == ["rain", "soleil"]
    assert [author.name for author in library.authors_of(a_en)] == ["Claire"]
    claire = library.authors.authors["claire"]
    assert [e.meta.title for e in library.essays_by(claire, "en")] == ["A en"]
