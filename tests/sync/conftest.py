"""Essays on disk and a provider that counts what it is asked, for the sync scenarios."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from bilingue.errors import BilingueError
from bilingue.providers.pseudo import PseudoProvider
from bilingue.sync import RunReport, sync_paths
from bilingue.translate import TranslateOptions

ESSAY = """---
title: Un essai de test
date: 2025-03-01
description: Un essai pour vérifier la synchronisation.
tags: [test]
---

# Un essai de test

Premier paragraphe : il parle de la pluie et du beau temps.

Deuxième paragraphe, avec un [lien](https://exemple.org/a) et du **gras**.

## Une section

Troisième paragraphe, qui cite une source.[^1]

- un élément de liste
- un autre élément

!!! note "Une remarque"

    Le corps de la remarque, en français.

Dernier paragraphe : la conclusion de l'essai.

[^1]: Une note de bas de page.
"""


class CountingProvider:
    """The pseudo translator, counting requests and every text it was sent."""

    name = "pseudo"

    def __init__(self, fail: bool = False):
        self.inner = PseudoProvider()
        self.fail = fail
        self.requests = 0
        self.texts: list[str] = []

    def translate_texts(self, texts: Sequence[str], source: str, target: str, **_: object) -> list[str]:
        if self.fail:
            raise BilingueError("pseudo-service unreachable (test)")
        self.requests += 1
        self.texts.extend(texts)
        return self.inner.translate_texts(texts, source, target)


@pytest.fixture
def essays(tmp_path: Path) -> Path:
    folder = tmp_path / "essais"
    folder.mkdir()
    (folder / "essai.md").write_text(ESSAY, encoding="utf-8")
    return folder


def sync(folder: Path, provider: CountingProvider | None = None) -> tuple[RunReport, CountingProvider]:
    provider = provider or CountingProvider()
    return sync_paths([folder], lambda: provider, TranslateOptions()), provider


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
