"""The registry: every bad field is reported with the file, the line and what to do."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from bilingue.errors import SourceFileError
from bilingue.sources import schema as model
from bilingue.sources.registry import load_registry, parse_registry
from bilingue.sources.schema import PartialDate

VALID = """\
openai-2024:
  type: post
  title: New funding to scale the benefits of AI
  publisher: OpenAI
  url: https://openai.com/index/scale-the-benefits-of-ai/
  issued: 2024-10-02
  accessed: 2026-11-26
  language: en
  archive_url: https://web.archive.org/web/20241003000000/https://openai.com/index/x/
  archive_date: 2024-10-03
  doi: 10.1000/xyz(1)
  figures:
    valuation: {value: 157e9, unit: USD, year: 2024, vintage: "2024-10"}
  notes:
    fr: Valorisation post-money.
    en: Post-money valuation.
"""


def entry(**changes: object) -> str:
    """VALID with some fields replaced (None removes the field)."""
    lines = []
    for line in VALID.splitlines():
        key = line.strip().split(":")[0]
        if line.startswith("  ") and not line.startswith("   ") and key in changes:
            value = changes.pop(key)
            if value is not None:
                lines.append(f"  {key}: {value}")
            continue
        lines.append(line)
    lines.extend(f"  {key}: {value}" for key, value in changes.items())
    return "\n".join(lines) + "\n"


def line_of(text: str, key: str) -> int:
    """Line of the first `key:` (or of the first line starting with `key` when it has a colon)."""
    start = key if ":" in key else f"{key}:"
    return next(number for number, line in enumerate(text.splitlines(), 1) if line.strip().startswith(start))


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "today", lambda: dt.date(2026, 11, 26))


def test_valid_entry_loads_with_every_field():
    registry = parse_registry(VALID, "sources.yml")
    source = registry.get("openai-2024")
    assert source is not None
    assert source.issued == PartialDate(2024, 10, 2)
    assert source.accessed == dt.date(2026, 11, 26)
    assert source.figures["valuation"].value == 157e9
    assert source.figures["valuation"].vintage == "2024-10"
    assert source.notes is not None and source.notes.get("en") == "Post-money valuation."
    assert registry.lines["openai-2024"] == 1


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("url", "openai.com/index", "must start with https://"),
        ("url", "ftp://openai.com/x", "must start with https://"),
        ("url", "https://openai com/x", "contains a space"),
        ("url", "https:///nohost", "no valid host name"),
        ("archive_url", "web.archive.org/x", "must start with https://"),
        ("issued", "2024-13-01", "not a real date"),
        ("issued", "2024-02-30", "not a real date"),
        ("issued", "'2 octobre 2024'", "is not a date"),
        ("accessed", "2026-11-27", "in the future"),
        ("accessed", "'hier'", "date"),
        ("archive_date", "2027-01-01", "in the future"),
        ("language", "english", "should match pattern"),
        ("doi", "https://doi.org/10.1000/x", "is not a DOI"),
        ("type", "blog", "Input should be"),
        ("colour", "red", "unknown field"),
    ],
)
def test_each_bad_field_is_reported_on_its_line(field, value, expected):
    text = entry(**{field: value})
    with pytest.raises(SourceFileError) as caught:
        parse_registry(text, "sources.yml")
    error = caught.value
    assert error.path == Path("sources.yml")
    assert error.line == line_of(text, field)
    assert f"openai-2024.{field}" in error.problem
    assert expected in error.problem
    assert error.fix, "every message says what to do"


def test_bad_figure_value_points_at_the_figure_line():
    text = VALID.replace("value: 157e9", "value: beaucoup")
    with pytest.raises(SourceFileError) as caught:
        parse_registry(text)
    assert caught.value.line == line_of(text, "valuation")
    assert "figures.valuation.value" in caught.value.problem


def test_notes_need_both_languages():
    text = VALID.replace("    en: Post-money valuation.\n", "")
    with pytest.raises(SourceFileError) as caught:
        parse_registry(text)
    assert "notes.en" in caught.value.problem
    assert "required" in caught.value.problem


def test_missing_required_field_points_at_the_entry():
    with pytest.raises(SourceFileError) as caught:
        parse_registry(entry(title=None))
    assert caught.value.line == 1
    assert "openai-2024.title: this field is required" in caught.value.problem


def test_author_or_publisher_is_required():
    with pytest.raises(SourceFileError) as caught:
        parse_registry(entry(publisher=None))
    assert "author or a publisher" in caught.value.problem


def test_archive_url_and_date_go_together():
    with pytest.raises(SourceFileError) as caught:
        parse_registry(entry(archive_date=None))
    assert "archive_url and archive_date go together" in caught.value.problem


def test_duplicate_id_names_both_lines():
    text = VALID + VALID
    with pytest.raises(SourceFileError) as caught:
        parse_registry(text)
    assert caught.value.line == len(VALID.splitlines()) + 1
    assert "defined twice (first at line 1)" in caught.value.problem


def test_duplicate_field_is_an_error():
    text = VALID.replace("  language: en\n", "  language: en\n  language: fr\n")
    with pytest.raises(SourceFileError) as caught:
        parse_registry(text)
    assert "'language' is written twice" in caught.value.problem
    assert caught.value.line == line_of(text, "language") + 1


def test_invalid_id_and_id_field():
    with pytest.raises(SourceFileError, match="source id 'OpenAI 2024' is not valid"):
        parse_registry(VALID.replace("openai-2024:", "OpenAI 2024:"))
    with pytest.raises(SourceFileError, match="do not write an `id` field"):
        parse_registry(entry(id="x"))


def test_yaml_syntax_error_has_a_line():
    text = VALID.replace("  language: en", "  language: [en")
    with pytest.raises(SourceFileError) as caught:
        parse_registry(text, "sources.yml")
    assert caught.value.line is not None and caught.value.line >= line_of(text, "language")
    assert "invalid YAML" in caught.value.problem


def test_registry_must_be_a_mapping():
    with pytest.raises(SourceFileError, match="must be a mapping"):
        parse_registry("- a\n- b\n")
    with pytest.raises(SourceFileError, match="entry must be a mapping"):
        parse_registry("some-id: just a string\n")


def test_empty_registry_is_empty():
    assert len(parse_registry("# nothing yet\n")) == 0


def test_all_problems_are_collected_and_valid_entries_kept():
    bad = textwrap.dedent("""\
        bad-url:
          title: T
          publisher: P
          url: nowhere
          language: en
        bad-date:
          title: T
          publisher: P
          url: https://example.org/
          language: en
          accessed: 2099-01-01
        """)
    problems: list[SourceFileError] = []
    registry = parse_registry(VALID + bad, "sources.yml", problems)
    assert list(registry.sources) == ["openai-2024"]
    assert registry.broken == {"bad-url", "bad-date"}
    assert [(p.line, "future" in p.problem or "https://" in p.problem) for p in problems] == [
        (line_of(VALID + bad, "url: nowhere"), True),
        (line_of(VALID + bad, "accessed: 2099"), True),
    ]


def test_missing_file_says_what_to_do(tmp_path: Path):
    with pytest.raises(SourceFileError, match="does not exist"):
        load_registry(tmp_path / "sources.yml")


def test_closest_ids_suggests_typos():
    registry = parse_registry(VALID)
    assert registry.closest_ids("openai-2042") == ["openai-2024"]
    assert registry.closest_ids("zzz") == []


def test_partial_dates():
    assert PartialDate.parse("2024") == PartialDate(2024)
    assert PartialDate.parse(2024) == PartialDate(2024)
    assert PartialDate.parse("2024-04") == PartialDate(2024, 4)
    assert PartialDate.parse(dt.date(2024, 4, 2)).isoformat() == "2024-04-02"
    with pytest.raises(ValueError):
        PartialDate.parse("24-04")


def test_the_real_registry_is_valid(root: Path):
    problems: list[SourceFileError] = []
    registry = load_registry(root / "sources.yml", problems)
    assert problems == []
    assert {
        "openai-2024",
        "worldbank-gdp-morocco",
        "imf-weo-2024-04",
        "who-wash-2023",
        "wolf-2023",
        "gates-rttc-2011",
        "nyt-gates-2018",
        "cbinsights-2024",
    } <= set(registry.sources)
    gdp = registry.sources["worldbank-gdp-morocco"].figures["gdp-2023"]
    assert (gdp.value, gdp.indicator, gdp.vintage) == (141109373209, "NY.GDP.MKTP.CD", "2024-10")
    # entries the research could not confirm carry no access date, and their notes say so
    for unconfirmed in ("openai-2024", "imf-weo-2024-04"):
        source = registry.sources[unconfirmed]
        assert source.accessed is None
        assert source.notes is not None and "first-hand" in source.notes.en
