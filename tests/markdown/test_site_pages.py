"""The site's own French pages go through the translator like the corpus does."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingue.providers import get_provider
from bilingue.translate import TranslateOptions, translate_document

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGES = sorted(path for path in DOCS.rglob("*.md") if not path.name.endswith(".en.md"))
OPTIONS = TranslateOptions(glossary=("Myelin", "Rivière-Ouelle"))


def test_the_site_has_french_pages():
    assert PAGES


@pytest.mark.parametrize("path", PAGES, ids=lambda path: str(path.relative_to(DOCS)))
def test_site_page_survives_translation(path, site_markdown, html_skeleton):
    text = path.read_text(encoding="utf-8")
    assert translate_document(text, get_provider("identity"), options=OPTIONS).text == text
    result = translate_document(text, get_provider("pseudo"), options=OPTIONS)
    assert [issue.describe() for issue in result.issues] == []
    assert html_skeleton(site_markdown(result.text)) == html_skeleton(site_markdown(text))
