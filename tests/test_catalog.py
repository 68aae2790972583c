from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingue.catalog import _WORD, validate_meta, words_in
from bilingue.errors import SourceFileError
from bilingue.markdown import parse_document

META = {"title": "Titre", "date": "2024-11-19", "description": "Résumé."}


def test_single_tag_string_becomes_a_list():
    assert validate_meta(META | {"tags": "solo"}, "", "x.md").tags == ["solo"]


def test_missing_field_names_file_field_and_fix():
    front_matter = "---\ntitle: Titre\ndescription: d\n---\n"
    with pytest.raises(SourceFileError) as caught:
        validate_meta({"title": "Titre", "description": "d"}, front_matter, "x.md")
    assert caught.value.path == Path("x.md") and caught.value.line == 1
    assert "'date'" in str(caught.value) and "YYYY-MM-DD" in str(caught.value)


def test_bad_date_names_its_line():
    front_matter = "---\ntitle: Titre\ndate: 19/11/2024\n---\n"
    with pytest.raises(SourceFileError) as caught:
        validate_meta(META | {"date": "19/11/2024"}, front_matter, "x.md")
    assert caught.value.line == 3
    assert validate_meta(META, "", "x.md").date == dt.date(2024, 11, 19)


def test_word_count_skips_code_links_tags_and_footnote_labels():
    body = (
        "Bonjour l'humanité, [le lien](https://exemple.org/a-b-c) est là.[^src:who-2023]\n\n"
        "```python\nprint('pas compté pas compté')\n```\n\n<span class=\"x\">un</span>\n"
    )
    assert words_in(parse_document(body).prose_blocks()) == 7  # Bonjour, l'humanité, le, lien, est, là, un


# The word pattern before its last group was made possessive (a faster count)
_WORD_BACKTRACKING = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*"aé1_'’- -\n.«»", "l'", "--", "''", "Ünï"]), max_size=30).map("".join))
def test_possessive_word_pattern_finds_the_same_words(text):
    assert _WORD.findall(text) == _WORD_BACKTRACKING.findall(text)
    assert _WORD.subn("", text)[1] == len(_WORD_BACKTRACKING.findall(text))  # how words_in counts


@pytest.mark.parametrize("text", ["l'ONU", "a-", "-a", "a--b", "a'-b", "c’est-à-dire", "x_y", "a' b", "é'"])
def test_possessive_word_pattern_on_joiners(text):
    assert _WORD.findall(text) == _WORD_BACKTRACKING.findall(text)
