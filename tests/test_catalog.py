from __future__ import annotations

import datetime as dt
import os

import pytest

from bilingue.catalog import count_words, discover_essays, english_path_for, read_version
from bilingue.errors import SourceFileError

ESSAY = "---\ntitle: {title}\ndate: {date}\ndescription: Résumé.\ntags: {tags}\n---\n\n{body}\n"


def write(path, title="Titre", date="2024-11-19", tags="[a, b]", body="Un deux trois."):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ESSAY.format(title=title, date=date, tags=tags, body=body), encoding="utf-8")


def test_discovers_french_essays_with_their_english_versions_newest_first(tmp_path):
    write(tmp_path / "ancien.md", title="Ancien", date="2023-01-01")
    write(tmp_path / "recent.md", title="Récent", date="2025-02-03")
    write(tmp_path / "recent.en.md", title="Recent", date="2025-02-03")
    essays = discover_essays(tmp_path)
    assert [essay.slug for essay in essays] == ["recent", "ancien"]
    recent, old = essays
    assert recent.version("en").meta.title == "Recent"
    assert recent.version("fr").meta.title == "Récent"
    assert recent.french.meta.date == dt.date(2025, 2, 3)
    assert old.english is None
    assert old.version("en") is old.french  # shown in French until translated
    assert not old.is_translated("en") and old.is_translated("fr")


def test_essays_in_subfolders_are_found(tmp_path):
    write(tmp_path / "2024" / "x.md")
    assert [essay.slug for essay in discover_essays(tmp_path)] == ["2024/x"]


def test_single_tag_string_becomes_a_list(tmp_path):
    write(tmp_path / "x.md", tags="solo")
    assert discover_essays(tmp_path)[0].french.meta.tags == ["solo"]


def test_missing_field_names_file_field_and_fix(tmp_path):
    path = tmp_path / "x.md"
    path.write_text("---\ntitle: Titre\ndescription: d\n---\n\nTexte\n", encoding="utf-8")
    with pytest.raises(SourceFileError) as caught:
        discover_essays(tmp_path)
    assert str(path) in str(caught.value)
    assert "'date'" in str(caught.value) and "YYYY-MM-DD" in str(caught.value)


def test_bad_date_names_its_line(tmp_path):
    write(tmp_path / "x.md", date="19/11/2024")
    with pytest.raises(SourceFileError) as caught:
        discover_essays(tmp_path)
    assert caught.value.line == 3


def test_english_path():
    from pathlib import Path

    assert english_path_for(Path("docs/essais/x.md")) == Path("docs/essais/x.en.md")


def test_word_count_skips_code_links_tags_and_footnote_labels():
    body = (
        "Bonjour l'humanité, [le lien](https://exemple.org/a-b-c) est là.[^src:who-2023]\n\n"
        "```python\nprint('pas compté pas compté')\n```\n\n<span class=\"x\">un</span>\n"
    )
    assert count_words(body) == 7  # Bonjour, l'humanité, le, lien, est, là, un


def test_an_essay_read_again_is_parsed_again_only_when_its_text_changed(tmp_path):
    essay = tmp_path / "x.md"
    write(essay, title="Premier")
    first = read_version(essay)
    assert read_version(essay) is first  # same text: the previous reading (mkdocs serve's rebuilds)
    stat = essay.stat()
    write(essay, title="Deuxième")  # and the file keeps its modification time:
    os.utime(essay, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    second = read_version(essay)
    assert second is not first and second.meta.title == "Deuxième"  # the text is the key, not the mtime
