"""A source as a footnote in French and in English, and the definitions a page gets."""

from __future__ import annotations

import datetime as dt

import markdown as python_markdown
import pytest

from bilingue.sources import schema as model
from bilingue.sources.registry import parse_registry
from bilingue.sources.render import (
    add_definitions,
    format_partial_date,
    group_numbers,
    language_name,
    render_reference,
)
from bilingue.sources.schema import PartialDate, Source

REGISTRY = """\
openai-2024:
  title: New funding to scale the benefits of AI
  publisher: OpenAI
  url: https://openai.com/index/scale-the-benefits-of-ai/
  issued: 2024-10-02
  accessed: 2026-11-26
  language: en
  archive_url: https://web.archive.org/web/20241003/https://openai.com/index/x/
  archive_date: 2024-10-03
  notes:
    fr: 6,6 milliards de dollars US levés.
    en: US$6.6 billion raised at US$157 billion.
wolf-2023:
  title: Burden of disease
  author: [Jennyfer Wolf, Richard B. Johnston]
  container_title: The Lancet
  volume: "401"
  pages: 2060–2071
  publisher: Elsevier
  doi: 10.1016/S0140-6736(23)00458-0
  url: https://doi.org/10.1016/S0140-6736(23)00458-0
  issued: 2023-06
  language: en
rapport-fr:
  title: Un rapport [provisoire] *important*
  publisher: INSEE
  url: https://www.insee.fr/fr/statistiques
  issued: 2019
  language: fr
"""


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "today", lambda: dt.date(2026, 11, 26))


@pytest.fixture
def registry():
    return parse_registry(REGISTRY)


def test_french_reference(registry):
    text = render_reference(registry.get("openai-2024"), "fr")
    assert text.startswith(
        "OpenAI, [«\u00a0New funding to scale the benefits of AI\u00a0»]"
        "(https://openai.com/index/scale-the-benefits-of-ai/)"
    )
    assert "2 octobre 2024 (en anglais), consulté le 26 novembre 2026." in text
    assert (
        "[Copie archivée](https://web.archive.org/web/20241003/https://openai.com/index/x/) "
        "le 3 octobre 2024." in text
    )
    assert text.endswith("6,6 milliards de dollars US levés.")


def test_english_reference(registry):
    text = render_reference(registry.get("openai-2024"), "en")
    assert text.startswith("OpenAI, [“New funding to scale the benefits of AI”](https://openai.com/")
    assert "October 2, 2024, accessed November 26, 2026." in text
    assert "(in " not in text  # an English source on an English page: no language note
    assert (
        "[Archived copy](https://web.archive.org/web/20241003/https://openai.com/index/x/) "
        "on October 3, 2024." in text
    )
    # dollars are money, written as they are (the site has no math extension)
    assert text.endswith("US$6.6 billion raised at US$157 billion.")


def test_article_with_authors_journal_pages_and_doi(registry):
    french = render_reference(registry.get("wolf-2023"), "fr")
    english = render_reference(registry.get("wolf-2023"), "en")
    assert french.startswith("Jennyfer Wolf, Richard B. Johnston, [«\u00a0Burden of disease\u00a0»]")
    assert "*The Lancet*, vol.\u00a0401, p.\u00a02060–2071, Elsevier, juin 2023" in french
    assert "pp.\u00a02060–2071, Elsevier, June 2023." in english
    # parentheses of the DOI are encoded, or the Markdown link would end early
    assert "(https://doi.org/10.1016/S0140-6736%2823%2900458-0)" in english
    assert "doi:[10.1016/S0140-6736&#40;23&#41;00458-0]" in english
    assert "accessed" not in english  # never checked: no access date is invented


def test_french_source_on_english_page_and_markup_escaped(registry):
    english = render_reference(registry.get("rapport-fr"), "en")
    assert "2019 (in French)." in english
    assert "Un rapport &#91;provisoire&#93; &#42;important&#42;" in english
    assert "(en " not in render_reference(registry.get("rapport-fr"), "fr")


def test_reference_renders_as_one_paragraph_with_links(registry):
    html = python_markdown.markdown(render_reference(registry.get("openai-2024"), "en"))
    assert html.count("<p>") == 1
    assert 'href="https://openai.com/index/scale-the-benefits-of-ai/"' in html
    assert 'href="https://web.archive.org/web/20241003/https://openai.com/index/x/"' in html
    assert "US$6.6 billion raised at US$157 billion" in html
    assert "\\$" not in html


def test_partial_dates_and_no_date():
    assert format_partial_date(PartialDate(2024, 10, 2), "fr") == "2 octobre 2024"
    assert format_partial_date(PartialDate(2024, 10, 2), "en") == "October 2, 2024"
    assert format_partial_date(PartialDate(2024, 4), "fr") == "avril 2024"
    assert format_partial_date(PartialDate(2024), "en") == "2024"
    source = Source(id="x", title="T", publisher="P", url="https://example.org/", language="en")
    assert ", s.\u00a0d. (en anglais)." in render_reference(source, "fr")
    assert render_reference(source, "en").endswith(", n.d.")


def test_language_names():
    assert language_name("en", "fr") == "anglais"
    assert language_name("fr", "en") == "French"
    assert language_name("pt-BR", "en") == "Portuguese"


def test_definitions_are_appended_in_the_page_language(registry):
    page = "Une levée record[^src:openai-2024]. Encore[^src:openai-2024].\n"
    french = add_definitions(page, registry, "fr")
    assert french.startswith(page)
    assert french.count("[^src:openai-2024]: OpenAI") == 1
    assert "consulté le 26 novembre 2026" in french
    english = add_definitions(page, registry, "en")
    assert "accessed November 26, 2026" in english


def test_footnote_keys_make_separate_footnotes(registry):
    page = "Un[^src:openai-2024:a] deux[^src:openai-2024:b].\n"
    text = add_definitions(page, registry, "fr")
    assert "[^src:openai-2024:a]: OpenAI" in text
    assert "[^src:openai-2024:b]: OpenAI" in text


def test_hand_written_definition_keeps_the_authors_locator(registry):
    page = "Un chiffre[^src:wolf-2023:t2].\n\n[^src:wolf-2023:t2]: tableau 2,\n    p. 2065.\n"
    text = add_definitions(page, registry, "fr")
    assert text.count("[^src:wolf-2023:t2]:") == 1
    assert "[^src:wolf-2023:t2]: Jennyfer Wolf" in text
    assert text.rstrip().endswith("tableau 2,\n    p. 2065.")
    html = python_markdown.markdown(text, extensions=["footnotes"])
    assert "Jennyfer Wolf" in html and "tableau 2,\np. 2065." in html


def test_plain_footnotes_unknown_ids_and_code_are_left_alone(registry):
    page = (
        "Texte[^1] et[^src:inconnu] et `[^src:openai-2024]`.\n\n"
        "```\n[^src:openai-2024]\n```\n\n[^1]: Une note écrite à la main.\n"
    )
    assert add_definitions(page, registry, "fr") == page


def test_footnotes_render_in_python_markdown(registry):
    page = "Une levée record[^src:openai-2024] et une note[^1].\n\n[^1]: À la main.\n"
    html = python_markdown.markdown(add_definitions(page, registry, "fr"), extensions=["footnotes"])
    assert 'id="fn:src:openai-2024"' in html
    assert 'href="#fn:src:openai-2024"' in html
    assert "consulté le 26 novembre 2026" in html
    assert "À la main." in html


def test_english_notes_group_numbers_the_english_way():
    assert group_numbers("responsible for 395 000 deaths, 273\u202f000 from", "en") == (
        "responsible for 395,000 deaths, 273,000 from"
    )
    assert group_numbers("1 234 567 people in 2019 300 days", "en") == "1,234,567 people in 2019 300 days"
    assert group_numbers("395 000 décès", "fr") == "395 000 décès"  # French keeps its spaces


def test_a_page_with_no_footnote_reference_is_returned_as_it_is(registry):
    listing = '# Essais\n\n<div class="bl-essays">\n<p>Un résumé avec [un lien](x.md).</p>\n</div>\n'
    assert add_definitions(listing, registry, "fr") is listing
