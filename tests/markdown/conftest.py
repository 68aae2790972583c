"""Shared fixtures: the SITE's own Markdown renderer and the page structure the judge compares.

Both come from the package (``bilingue.markdown.judge``): the renderer is configured from
mkdocs.yml through MkDocs' own config loader (it resolves the ``!!python/name`` tags of the emoji
extension), so tests, translator and site can never drift apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingue.markdown.judge import html_structure, site_renderer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def site_markdown():
    return site_renderer(ROOT / "mkdocs.yml").render


@pytest.fixture(scope="session")
def html_skeleton():
    return html_structure


def pytest_terminal_summary(terminalreporter) -> None:
    """How many documents the differential fuzzer generated in this run (for the closing figures)."""
    from tests.markdown.test_fuzz import FUZZ_RUNS

    if FUZZ_RUNS["documents"]:
        terminalreporter.write_line(f"differential fuzzer: {FUZZ_RUNS['documents']} generated documents")
