"""The French corpus through the translator: identity is byte-identical, pseudo keeps the page.

"Keeps the page" = rendered with the site's own Markdown configuration, the English and French
documents have the same HTML skeleton (tags and nesting, href/src/id attributes, code and math
contents), on 100% of the corpus. The model itself must agree with the site's renderer.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bilingue.markdown import heading_ids, parse_document
from bilingue.markdown import model as m
from bilingue.providers import get_provider
from bilingue.translate import TranslateOptions, translate_document

CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.md"))
OPTIONS = TranslateOptions(glossary=("Myelin", "Rivière-Ouelle"))


def test_the_corpus_covers_every_construct():
    kinds = {block.kind for path in CORPUS for block in parse_document(path.read_text()).blocks}
    every_kind = {
        value
        for name, value in vars(m).items()
        if name.isupper() and isinstance(value, str) and name != "PLAIN_TEXT_KINDS"
    }
    assert every_kind - kinds == set()


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.name)
def test_identity_translation_is_byte_identical(path):
    text = path.read_text(encoding="utf-8")
    result = translate_document(text, get_provider("identity"), options=OPTIONS)
    assert result.text == text
    assert result.issues == []


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.name)
def test_pseudo_translation_renders_the_same_skeleton(path, site_markdown, html_skeleton):
    text = path.read_text(encoding="utf-8")
    result = translate_document(text, get_provider("pseudo"), options=OPTIONS)
    assert result.issues == []
    assert result.text != text
    assert html_skeleton(site_markdown(result.text)) == html_skeleton(site_markdown(text))


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.name)
def test_pseudo_translation_changed_every_prose_block(path):
    """No block silently stayed French: every block with words was transformed."""
    text = path.read_text(encoding="utf-8")
    result = translate_document(text, get_provider("pseudo"), options=OPTIONS)
    untouched = [
        block
        for index, block in enumerate(result.source.blocks)
        if block.translatable
        and index not in result.translations
        and re.search(r"[^\W\d_]{2}", "".join(s for s in block.inline.segments() if isinstance(s, str)))
    ]
    assert [(block.line, block.text) for block in untouched] == []


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.name)
def test_heading_ids_agree_with_the_site(path, site_markdown):
    text = path.read_text(encoding="utf-8")
    rendered = re.findall(r"<h[1-6][^>]*\bid=\"([^\"]+)\"", site_markdown(text))
    assert list(heading_ids(parse_document(text)).values()) == rendered


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.name)
def test_block_counts_agree_with_the_site(path, site_markdown):
    text = path.read_text(encoding="utf-8")
    html = site_markdown(text)
    document = parse_document(text)
    tables_of_contents = re.findall(r'<div class="toc">.*?</div>', html, flags=re.DOTALL)
    assert len(tables_of_contents) == sum(1 for block in document.blocks if block.kind == m.TOC)
    for toc in tables_of_contents:  # its items are the headings', not list items of the page
        html = html.replace(toc, "")

    def count(kind):
        return sum(1 for block in document.blocks if block.kind == kind)

    assert html.count("<table") == count(m.TABLE)
    assert html.count("<blockquote") == count(m.BLOCKQUOTE)
    assert html.count("<pre") == count(m.CODE)
    assert html.count("<dt") == count(m.DEFINITION_TERM)
    assert html.count("<dd") == count(m.DEFINITION)
    assert len(re.findall(r'class="admonition[ "]', html)) + html.count("<details class") == count(
        m.ADMONITION
    )
    assert html.count('class="tabbed-block"') == count(m.TAB)
    footnote_items = len(re.findall(r'<li id="fn:', html))
    assert html.count("<li") - footnote_items == count(m.LIST_ITEM)
    assert footnote_items == count(m.FOOTNOTE)
