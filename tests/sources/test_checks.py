"""Every check, each with a failing and a passing case."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bilingue.sources import checks
from bilingue.sources import schema as model
from bilingue.sources.checks import (
    CLAIM,
    ERROR,
    FIGURE,
    WARNING,
    check_all,
    check_citations,
    check_figures,
    check_numeric_claims,
    check_registry,
    check_unused,
    cited_ids,
)
from bilingue.sources.citations import find_references
from bilingue.sources.prose import sentences
from bilingue.sources.registry import parse_registry

REGISTRY = """\
openai-2024:
  title: New funding
  publisher: OpenAI
  url: https://openai.com/index/x/
  language: en
  figures:
    raised: {value: 6.6e9, unit: USD}
    valuation: {value: 157e9, unit: USD}
who-wash-2023:
  title: Burden of disease
  publisher: WHO
  url: https://www.who.int/x
  language: en
  figures:
    under5: {value: 395000, unit: deaths}
    share: {value: 7.6, unit: "%"}
loose-figure:
  title: A rough estimate
  publisher: Someone
  url: https://example.org/
  language: en
  figures:
    estimate: {value: 157e9, tolerance: 0.1}
"""
PAGE = Path("docs/essais/x.md")


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "today", lambda: dt.date(2026, 11, 26))


@pytest.fixture
def registry():
    return parse_registry(REGISTRY, "sources.yml")


# -- unknown ids ----------------------------------------------------------------------------------


def test_unknown_id_is_an_error_with_line_and_closest_ids(registry):
    text = "Intro.\n\nUne levée[^src:openai-2042] record.\n"
    (finding,) = check_citations(PAGE, text, registry)
    assert finding.severity == ERROR
    assert (finding.path, finding.line) == (PAGE, 3)
    assert "unknown source id 'openai-2042'" in finding.message
    assert "did you mean openai-2024?" in finding.message
    assert str(finding).startswith("docs/essais/x.md:3: error: ")


def test_unknown_id_without_close_match_says_where_to_add_it(registry):
    (finding,) = check_citations(PAGE, "X[^src:zzz].\n", registry)
    assert "add it to sources.yml" in finding.message


def test_known_ids_and_plain_footnotes_pass(registry):
    assert check_citations(PAGE, "X[^src:openai-2024] Y[^1].\n\n[^1]: note.\n", registry) == []


def test_malformed_and_unknown_citations_come_from_one_reading(registry, monkeypatch):
    readings = []

    def counted(blocks):
        readings.append(blocks)
        return find_references(blocks)

    monkeypatch.setattr(checks, "find_references", counted)
    text = "Un[^src:Openai-2024] deux[^src:zzz].\n"
    malformed, unknown = check_citations(PAGE, text, registry)
    assert "malformed citation [^src:Openai-2024]" in malformed.message
    assert "unknown source id 'zzz'" in unknown.message
    assert len(readings) == 1


def test_citing_a_broken_entry_is_not_also_unknown():
    problems: list = []
    registry = parse_registry(
        "bad:\n  title: T\n  publisher: P\n  url: nope\n  language: en\n", "sources.yml", problems
    )
    assert problems  # the entry itself is reported by the registry check
    assert check_citations(PAGE, "X[^src:bad].\n", registry) == []


# -- registry -------------------------------------------------------------------------------------


def test_registry_errors_become_findings(tmp_path: Path):
    path = tmp_path / "sources.yml"
    path.write_text(
        "a:\n  title: T\n  publisher: P\n  url: https://e.org/\n  language: en\n  accessed: 2027-01-01\n",
        encoding="utf-8",
    )
    registry, findings = check_registry(path)
    assert [(f.severity, f.line) for f in findings] == [(ERROR, 6)]
    assert "in the future" in findings[0].message
    assert len(registry) == 0


def test_valid_registry_has_no_findings(tmp_path: Path):
    path = tmp_path / "sources.yml"
    path.write_text(REGISTRY, encoding="utf-8")
    assert check_registry(path)[1] == []


def test_missing_registry_is_one_error(tmp_path: Path):
    registry, findings = check_registry(tmp_path / "sources.yml")
    assert len(registry) == 0
    assert [f.severity for f in findings] == [ERROR]


# -- unused sources -------------------------------------------------------------------------------


def test_unused_source_is_a_warning_at_its_line(registry):
    findings = check_unused(registry, cited_ids(["X[^src:openai-2024] Y[^src:loose-figure]."]))
    assert [(f.severity, f.line) for f in findings] == [(WARNING, 9)]
    assert "'who-wash-2023' is not cited" in findings[0].message


def test_every_source_cited_means_no_warning(registry):
    texts = ["X[^src:openai-2024].", "Y[^src:who-wash-2023] Z[^src:loose-figure:k]."]
    assert check_unused(registry, cited_ids(texts)) == []


# -- numbers without a source ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "number"),
    [
        ("OpenAI lève 6,6 milliards de dollars.", "fr", "6,6 milliards de dollars"),
        ("L'ONU estime que 395\u202f000 enfants meurent.", "fr", "395\u202f000"),
        ("La valuation, à 150 milliards de dollars, est vertigineuse.", "fr", "150 milliards de dollars"),
        ("OpenAI raised $6.6 billion.", "en", "$6.6 billion"),
        ("- un point à 7,6 % des décès", "fr", "7,6 %"),
        ("## Les 50 milliards", "fr", "50 milliards"),
    ],
)
def test_numbers_without_citation_are_listed(text, language, number):
    (finding,) = check_numeric_claims(PAGE, text + "\n", language)
    assert finding.severity == CLAIM
    assert finding.line == 1
    assert f"'{number}'" in finding.message


def test_a_citation_in_the_same_sentence_covers_its_numbers():
    text = (
        "OpenAI lève 6,6 milliards[^src:openai-2024] dans une ronde. "
        "La valuation, à 150 milliards, est vertigineuse.[^src:openai-2024] "
        "Avez-vous remarqué ? Rien.\n"
    )
    assert check_numeric_claims(PAGE, text, "fr") == []


def test_a_citation_covers_only_its_own_sentence():
    text = "Il lève 6,6 milliards.[^src:openai-2024] Puis 150 milliards de plus.\n"
    (finding,) = check_numeric_claims(PAGE, text, "fr")
    assert "'150 milliards'" in finding.message


def test_small_numbers_code_urls_and_footnotes_are_not_claims():
    text = (
        "Des enfants de moins de 5 ans, en 2019. Voir `395 000` et "
        "<https://example.org/150-milliards>.\n\n"
        "Texte[^1].\n\n[^1]: Une note qui cite 395 000 décès.\n\n"
        "```\n6,6 milliards\n```\n"
    )
    assert check_numeric_claims(PAGE, text, "fr") == []


def test_line_numbers_follow_the_file():
    text = "---\ntitle: T\n---\n\n# T\n\nRien ici.\nEt 395 000 enfants\nsur une autre ligne.\n"
    (finding,) = check_numeric_claims(PAGE, text, "fr")
    assert finding.line == 8


def test_sentences_keep_citations_after_the_final_punctuation():
    parts = list(sentences("Un.[^src:a] Deux ? Trois…[^src:b][^src:c] Quatre 6.6 fois.\n", "fr"))
    assert [(p.text.strip(), p.citations) for p in parts] == [
        ("Un.", ("a",)),
        ("Deux ?", ()),
        ("Trois…", ("b", "c")),
        ("Quatre 6.6 fois.", ()),
    ]


# -- figures --------------------------------------------------------------------------------------


def test_number_far_from_the_cited_figures_is_reported(registry):
    text = "La valuation, à 150 milliards, est vertigineuse.[^src:openai-2024]\n"
    (finding,) = check_figures(PAGE, text, "fr", registry)
    assert finding.severity == FIGURE
    assert finding.line == 1
    assert "'150 milliards' differs by 4.5%" in finding.message
    assert "openai-2024.valuation = 157,000,000,000 (USD)" in finding.message


def test_english_number_far_from_the_cited_figures_is_reported(registry):
    text = "A valuation of $150 billion.[^src:openai-2024]\n"
    assert len(check_figures(PAGE, text, "en", registry)) == 1


def test_numbers_matching_a_cited_figure_pass(registry):
    text = (
        "Sam Altman lève 6.6 milliards de dollars, valorisés 157 milliards.[^src:openai-2024] "
        "L'ONU estime que 395 000 enfants meurent, 7,6 % des décès.[^src:who-wash-2023]\n"
    )
    assert check_figures(PAGE, text, "fr", registry) == []


def test_tolerance_default_option_and_per_figure(registry):
    text = "Une valuation de 155 milliards.[^src:openai-2024]\n"  # 1.3 % below 157
    assert check_figures(PAGE, text, "fr", registry) == []
    assert len(check_figures(PAGE, text, "fr", registry, tolerance=0.01)) == 1
    loose = "Environ 150 milliards.[^src:loose-figure]\n"  # 4.5 %, within its own 10 %
    assert check_figures(PAGE, loose, "fr", registry) == []


def test_figures_are_compared_only_with_like_units(registry):
    # a percentage is not compared with a count of deaths, nor a sum of money with a share
    text = "Soit 12 % des décès, et 3 milliards de dollars.[^src:who-wash-2023]\n"
    findings = check_figures(PAGE, text, "fr", registry)
    assert [f.message.split("'")[1] for f in findings] == ["12 %"]


def test_sentences_without_figures_are_not_compared(registry):
    assert check_figures(PAGE, "Un total de 150 milliards.\n", "fr", registry) == []


# -- everything at once ---------------------------------------------------------------------------


def test_check_all_over_a_project(tmp_path: Path):
    docs = tmp_path / "docs"
    (docs / "essais").mkdir(parents=True)
    (tmp_path / "sources.yml").write_text(REGISTRY, encoding="utf-8")
    (docs / "essais" / "x.md").write_text(
        "# X\n\nUne levée de 150 milliards.[^src:openai-2024] Et[^src:opena-2024]. Puis 395 000 morts.\n",
        encoding="utf-8",
    )
    (docs / "essais" / "x.en.md").write_text(
        "# X\n\nA round of $150 billion.[^src:openai-2024]\n", encoding="utf-8"
    )
    findings = check_all(tmp_path / "sources.yml", docs).findings
    kinds = sorted((f.severity, f.path.name, f.line) for f in findings)
    assert kinds == [
        (CLAIM, "x.md", 3),
        (ERROR, "x.md", 3),
        (FIGURE, "x.en.md", 3),
        (FIGURE, "x.md", 3),
        (WARNING, "sources.yml", 9),
        (WARNING, "sources.yml", 17),
    ]
