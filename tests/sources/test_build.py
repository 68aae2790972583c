"""The real site built strictly: the essay's footnotes in both languages and the Sources pages.

The real site (built once for the whole run, tests/conftest.py); one more build of a broken copy
shows that the checks stop a strict build with file and line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import build_site, copy_project

pytestmark = pytest.mark.build

# What the essay cites, sentence by sentence (French and English carry the same references).
ESSAY_CITATIONS = {
    "src:openai-2024",
    "src:bloomberg-openai-2024",
    "src:worldbank-gdp-morocco",
    "src:imf-weo-2024-04",
    "src:cbinsights-2024",
    "src:gates-rttc-2011",
    "src:nyt-gates-2018",
    "src:who-wash-2023",
    "src:wolf-2023",
    "src:who-sanitation-factsheet",
    "src:sanergy-worldbank-2019",
    "src:loowatt",
}


def read(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def footnotes(page: BeautifulSoup) -> dict[str, BeautifulSoup]:
    return {item["id"].removeprefix("fn:"): item for item in page.select("div.footnote li")}


# -- the essay ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["essais/mystique/index.html", "en/essais/mystique/index.html"])
def test_every_citation_has_its_footnote(site, path):
    page = read(site, path)
    assert set(footnotes(page)) == ESSAY_CITATIONS
    references = {a["href"].removeprefix("#fn:") for a in page.select("a.footnote-ref")}
    assert references == ESSAY_CITATIONS
    assert "[^src:" not in page.get_text()


def test_french_footnotes_are_french(site):
    notes = footnotes(read(site, "essais/mystique/index.html"))
    openai = notes["src:openai-2024"].get_text()
    assert "2 octobre 2024 (en anglais)" in openai
    assert "157 milliards de dollars US" in openai and "150,4 milliards" in openai
    assert "non vérifiée de première main" in openai
    assert "consulté" not in openai  # nobody could open that page: no access date is claimed
    gdp = notes["src:worldbank-gdp-morocco"]
    assert "consulté le 26 novembre 2026" in gdp.get_text()
    assert "141,1 milliards" in gdp.get_text()
    assert (
        gdp.select_one('a[href="https://data.worldbank.org/indicator/NY.GDP.MKTP.CD?locations=MA"]')
        is not None
    )
    who = notes["src:who-wash-2023"].get_text()
    assert "395 000" in who and "pas l'assainissement seul" in who


def test_english_footnotes_are_english(site):
    notes = footnotes(read(site, "en/essais/mystique/index.html"))
    openai = notes["src:openai-2024"].get_text()
    assert "October 2, 2024." in openai
    assert "US$6.6 billion raised at a post-money valuation of US$157 billion" in openai
    gdp = notes["src:worldbank-gdp-morocco"].get_text()
    assert "accessed November 26, 2026" in gdp
    assert "a valuation is a stock, GDP a yearly flow" in gdp
    lancet = notes["src:wolf-2023"]
    assert lancet.select_one('a[href="https://doi.org/10.1016/S0140-6736%2823%2900458-0"]')
    assert "pp.\u00a02060–2071" in lancet.get_text()


def test_the_essays_words_are_unchanged(site):
    text = read(site, "essais/mystique/index.html").get_text()
    assert "lève 6.6 milliards de dollars dans une des plus grandes rondes" in text
    assert "l'ONU estime que 395 000 enfants de moins de 5 ans meurent" in text


# -- the Sources pages ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "language", "cited_in", "essay_href", "essay_title"),
    [
        (
            "sources/index.html",
            "fr",
            "Cité dans",
            "../essais/mystique/",
            "Mystique: la perception du métier d'entrepreneur",
        ),
        (
            "en/sources/index.html",
            "en",
            "Cited in",
            "../essais/mystique/",
            "Mystique: how people see the entrepreneur's job",
        ),
    ],
)
def test_sources_page_lists_every_source_with_backlinks(
    site, path, language, cited_in, essay_href, essay_title
):
    page = read(site, path)
    assert page.html["lang"] == language
    entries = page.select("span.bl-source")
    assert {entry["id"] for entry in entries} == {c.removeprefix("src:") for c in ESSAY_CITATIONS}
    for entry in entries:
        item = entry.find_parent("li")
        backlink = item.select_one("span.bl-source-citedby a")
        assert item.select_one("span.bl-source-citedby").get_text().startswith(cited_in)
        assert backlink.get_text() == essay_title
        assert backlink["href"] == f"{essay_href}#fnref:src:{entry['id']}"


def test_backlink_anchors_exist_in_the_essay(site):
    essay = read(site, "essais/mystique/index.html")
    ids = {tag["id"] for tag in essay.select("[id]")}
    for link in read(site, "sources/index.html").select("span.bl-source-citedby a"):
        assert link["href"].split("#")[1] in ids


# -- checks stop a strict build -------------------------------------------------------------------


def test_strict_build_fails_on_unknown_id_and_bad_registry(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    lines = {}
    for name in ("mystique.md", "mystique.en.md"):  # a typo in both: loowatt is then unused
        essay = project / "docs" / "essais" / name
        text = essay.read_text(encoding="utf-8")
        essay.write_text(text.replace("[^src:loowatt]", "[^src:lowatt]"), encoding="utf-8")
        lines[name] = text[: text.index("[^src:loowatt]")].count("\n") + 1
    registry = project / "sources.yml"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace(
            "  accessed: 2026-11-26\n", "  accessed: 2999-01-01\n", 1
        ),
        encoding="utf-8",
    )
    # mode off: the essays changed on purpose, the translation check would fail first
    log = build_site(project, tmp_path / "site", mode="off", expect_failure=True)
    for name, line in lines.items():
        assert (
            f"sources: docs/essais/{name}:{line}: unknown source id 'lowatt' in "
            "[^src:lowatt] (did you mean loowatt?)"
        ) in log
    assert "sources: sources.yml:" in log and "2999-01-01 is in the future" in log
    assert "source 'loowatt' is not cited by any page" in log


# -- numbering ------------------------------------------------------------------------------------


def first_seen_numbers(page: BeautifulSoup) -> list[int]:
    """Footnote numbers in the order readers meet them (a source cited again repeats its number)."""
    return list(dict.fromkeys(int(a.get_text()) for a in page.select("a.footnote-ref")))


@pytest.mark.parametrize("path", ["essais/mystique/index.html", "en/essais/mystique/index.html"])
def test_footnotes_are_numbered_in_reading_order(site, path):
    numbers = first_seen_numbers(read(site, path))
    assert numbers == list(range(1, len(numbers) + 1))


def test_a_note_the_author_adds_to_a_citation_keeps_reading_order(tmp_path):
    # the author's definition comes before the ones the build adds: numbered by definition, the
    # last citation of the essay would be footnote 1
    project = copy_project(tmp_path / "project")
    for name in ("mystique.md", "mystique.en.md"):
        essay = project / "docs" / "essais" / name
        essay.write_text(essay.read_text(encoding="utf-8") + "\n[^src:loowatt]: p. 3.\n", encoding="utf-8")
    build_site(project, tmp_path / "site", mode="off")  # off: the English changed on purpose
    page = read(tmp_path / "site", "essais/mystique/index.html")
    numbers = first_seen_numbers(page)
    assert numbers == list(range(1, len(numbers) + 1))
    assert [item["id"] for item in page.select("div.footnote li")][-1] == "fn:src:loowatt"
    assert "p. 3." in footnotes(page)["src:loowatt"].get_text()
