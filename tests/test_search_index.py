from __future__ import annotations

import json

from bilingue.search_index import split_search_index

CONFIG = {"lang": ["fr", "en"], "separator": "[\\s\\-']+", "pipeline": ["stopWordFilter"]}
DOCS = [
    {"location": "", "title": "Accueil", "text": "essais"},
    {"location": "essais/a/", "title": "A", "text": "chiottes"},
    {"location": "en/", "title": "Home", "text": "essays"},
    {"location": "en/essais/a/", "title": "A", "text": "toilets"},
    {"location": "en/essais/a/#part", "title": "Part", "text": "more"},
    {"location": "en/essais/b/", "title": "B", "text": "texte français"},
]


def write_merged(site):
    (site / "search").mkdir()
    (site / "search" / "search_index.json").write_text(json.dumps({"config": CONFIG, "docs": DOCS}))


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_splits_by_language_with_own_config_and_relative_english_locations(tmp_path):
    write_merged(tmp_path)
    counts = split_search_index(tmp_path, excluded_locations={"en/essais/b/"})
    french = load(tmp_path / "search" / "search_index.json")
    english = load(tmp_path / "en" / "search" / "search_index.json")
    assert counts == {"fr": 2, "en": 3}
    assert french["config"] == {**CONFIG, "lang": ["fr"]}
    assert english["config"] == {**CONFIG, "lang": ["en"]}
    assert [doc["location"] for doc in french["docs"]] == ["", "essais/a/"]
    assert [doc["location"] for doc in english["docs"]] == ["", "essais/a/", "essais/a/#part"]


def test_splitting_again_changes_nothing(tmp_path):
    write_merged(tmp_path)
    split_search_index(tmp_path)
    paths = [tmp_path / "search/search_index.json", tmp_path / "en/search/search_index.json"]
    before = [path.read_bytes() for path in paths]
    split_search_index(tmp_path)
    after = [path.read_bytes() for path in paths]
    assert before == after


def test_a_new_merged_index_replaces_an_old_english_one(tmp_path):
    write_merged(tmp_path)
    split_search_index(tmp_path)
    write_merged_again = {"config": CONFIG, "docs": [{"location": "en/new/", "title": "N", "text": "new"}]}
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(write_merged_again))
    split_search_index(tmp_path)
    english = load(tmp_path / "en" / "search" / "search_index.json")
    assert [doc["location"] for doc in english["docs"]] == ["new/"]
