"""A second site for the site tests: the real one plus an essay with no English file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import build_site, copy_project
from tests.site.browser import CHROMIUM, CHROMIUM_ARGS

UNTRANSLATED_ESSAY = """---
title: Un essai pas encore traduit
date: 2025-01-15
description: Un texte qui n'existe qu'en français.
tags: [innovation]
---

# Un essai pas encore traduit

Ce texte n'a pas encore de version anglaise : les grenouilles chantent sous la pluie.
"""


@pytest.fixture(scope="session")
def site_with_untranslated_essay(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with one more essay that has no English file."""
    project = copy_project(tmp_path_factory.mktemp("project") / "project")
    (project / "docs" / "essais" / "pas-traduit.md").write_text(UNTRANSLATED_ESSAY, encoding="utf-8")
    site_dir = tmp_path_factory.mktemp("site-untranslated")
    build_site(project, site_dir, mode="off")
    return site_dir


AUTHORS = """\
claire-martin:
  name: Claire Martin
  bio:
    fr: Écrit sur l'entreprise et l'eau.
    en: Writes about business and water.
  url: https://example.org/claire
  avatar: assets/authors/claire.png
"""

# the smallest valid PNG (1x1 pixel), as an author's avatar
PIXEL_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082"
)


@pytest.fixture(scope="session")
def reader_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with what a reader's pages need to show everything: a registered author who
    signs the essay (both files), and an essay with no English file."""
    project = copy_project(tmp_path_factory.mktemp("reader") / "project")
    (project / "authors.yml").write_text(AUTHORS, encoding="utf-8")
    (project / "docs" / "assets" / "authors").mkdir(parents=True)
    (project / "docs" / "assets" / "authors" / "claire.png").write_bytes(PIXEL_PNG)
    for name in ("mystique.md", "mystique.en.md"):
        path = project / "docs" / "essais" / name
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\ntags:\n", "\nauthors: [claire-martin]\ntags:\n", 1), encoding="utf-8")
    (project / "docs" / "essais" / "pas-traduit.md").write_text(UNTRANSLATED_ESSAY, encoding="utf-8")
    return project


@pytest.fixture(scope="session")
def reader_site(reader_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("reader-site")
    build_site(reader_project, site_dir, mode="off")
    return site_dir


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Debian's) for every browser test of the run."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"Chromium missing at {CHROMIUM}: run `make test` (it installs it)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
