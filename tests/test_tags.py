from __future__ import annotations

from pathlib import Path

import pytest

from bilingue.errors import SourceFileError
from bilingue.tags import TagTable, load_tag_table, tag_slug


def test_english_label_on_the_english_site_french_tag_on_the_french_one(tmp_path: Path):
    table_file = tmp_path / "tags.yml"
    table_file.write_text("assainissement: sanitation\n", encoding="utf-8")
    table = load_tag_table(table_file)
    english = table.tag("assainissement", "en")
    assert (english.label, english.language, english.slug) == ("sanitation", "en", "assainissement")
    assert table.tag("assainissement", "fr").label == "assainissement"


def test_a_tag_without_label_stays_french_and_is_reported():
    table = TagTable(Path("tags.yml"), {"innovation": "innovation"})
    tag = table.tag("économie", "en")
    assert (tag.label, tag.language) == ("économie", "fr")  # marked French, never passed off as English
    assert table.untranslated(["innovation", "économie", "pluie", "économie"]) == ["économie", "pluie"]


def test_missing_table_is_empty(tmp_path: Path):
    assert load_tag_table(tmp_path / "tags.yml").english == {}


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("pluie: [rain\n", 2, "invalid YAML"),
        ("- pluie\n", 1, "expected a mapping"),
        ("soleil: sun\npluie:\n", 2, "tag 'pluie' has no English label"),
        ("soleil: >\n  pluie: rain\n'pluie':\n", 3, "tag 'pluie' has no English label"),
    ],
)
def test_bad_table_names_file_and_line(tmp_path: Path, text: str, line: int | None, problem: str):
    path = tmp_path / "tags.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceFileError) as error:
        load_tag_table(path)
    assert problem in error.value.problem
    if line:
        assert error.value.line == line


def test_slugs_are_ascii_anchors():
    assert tag_slug("Économie circulaire") == "economie-circulaire"
    assert tag_slug("«»") == "tag"
