"""A second site for the site tests: the real one plus an essay with no English file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import build_site, copy_project

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
