"""Shared test helpers: the repository root and a strict MkDocs build of a project folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

from bilingue.corpus import Corpus, CorpusEssay, CorpusPage

ROOT = Path(__file__).resolve().parent.parent

# The tests translate with the offline test providers (pseudo, identity) and check the result:
# this test site explicitly allows their output (a real site never does; see tests of
# allow_test_providers, which remove this). Set here so that builds run as subprocesses inherit it.
os.environ["BILINGUE_ALLOW_TEST_PROVIDERS"] = "true"

# What a copy of the project needs to build (the tests change the copy, never the real docs/).
PROJECT_IGNORE = shutil.ignore_patterns(
    ".venv",
    ".git",
    "site",
    "tests",
    "__pycache__",
    "*.egg-info",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    "benchmarks",
)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def copy_project(destination: Path) -> Path:
    """A throw-away copy of the project, to build with extra or changed files."""
    shutil.copytree(ROOT, destination, ignore=PROJECT_IGNORE)
    return destination


def git(folder: Path, *arguments: str, date: str) -> None:
    """``git <arguments>`` in ``folder`` as a test author, with ``date`` as the commit's dates
    (no user configuration needed: HOME is the folder)."""
    env = {
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
        "HOME": str(folder), "PATH": "/usr/bin:/bin",
    }  # fmt: skip
    subprocess.run(["git", *arguments], cwd=folder, env=env, check=True, capture_output=True)


def build_site(
    project: Path,
    site_dir: Path,
    mode: str = "check",
    provider: str | None = None,
    expect_failure: bool = False,
    strict: bool = True,
) -> str:
    """``mkdocs build --strict`` of ``project`` into ``site_dir``; returns the build log.

    ``mode`` is the translation mode (BILINGUE_MODE): tests never reach a real translation
    service, so the default is ``check`` (no network). Fails the test with the log when the build
    fails (or succeeds, with ``expect_failure``) or prints any warning (``strict=False``: builds
    without --strict and allows warnings, for a test that reads them).
    """
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BILINGUE_MODE": mode}
    if provider:
        environment["BILINGUE_PROVIDER"] = provider
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict" if strict else "--no-strict",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(site_dir),
        ],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    log = result.stdout + result.stderr
    if expect_failure:
        assert result.returncode != 0, f"mkdocs build should have failed:\n{log}"
        return log
    assert result.returncode == 0, f"mkdocs build failed:\n{log}"
    assert not strict or "WARNING" not in log, f"mkdocs build printed warnings:\n{log}"
    return log


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once for the whole run with ``mkdocs build --strict``."""
    site_dir = tmp_path_factory.mktemp("site")
    build_site(ROOT, site_dir)
    return site_dir


# --- Hypothesis -----------------------------------------------------------------------------------

# CI replays the same examples on every run (a red CI must mean a change broke something, not that
# a new random example turned up); local runs explore new ones and remember the failing ones.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")


#: a small French essay with no English yet: the build and serve tests add it to a project copy
NEW_ESSAY = """---
title: Un nouvel essai
date: 2025-06-01
description: Un essai tout neuf.
tags: [innovation]
---

# Un nouvel essai

Les grenouilles chantent sous la pluie d'été.
"""


def corpus_of(*essays: CorpusEssay) -> Corpus:
    """A corpus holding ``essays`` as the passes of their languages read them (no file read)."""
    corpus = Corpus()
    for essay in essays:
        page = CorpusPage(essay.src_uri, essay.path, essay.language, essay.citations, essay=essay)
        corpus.pages.setdefault(essay.language, {})[essay.src_uri] = page
    return corpus
