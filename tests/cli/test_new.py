"""``python -m bilingue new``: slug folding, unique names, never overwriting, a file that passes check."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from bilingue.cli import main
from bilingue.corpus import corpus_of_folder
from bilingue.files import create_text_file
from bilingue.new_essay import MAX_SAME_TITLE, create_essay
from bilingue.slugs import slug_for

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A copy of the real site's content: the new essay is checked with the real registry."""
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copy(ROOT / "sources.yml", tmp_path / "sources.yml")
    shutil.copy(ROOT / "tags.yml", tmp_path / "tags.yml")  # the essays' tags' English labels
    return tmp_path


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Titre de l'essai", "titre-de-lessai"),
        ("L’été à Montréal", "lete-a-montreal"),
        ("Cœur, ÆTHER et straße", "coeur-aether-et-strasse"),
        ("  100 % « vrai » ?! ", "100-vrai"),
        ("Ça va — très bien", "ca-va-tres-bien"),
        ("…", ""),
    ],
)
def test_slug_folds_accents_ligatures_and_punctuation(title: str, slug: str):
    assert slug_for(title) == slug


def test_a_long_title_is_cut_at_a_hyphen():
    slug = slug_for("mot " * 40)
    assert len(slug) <= 80 and not slug.endswith("-") and slug.endswith("mot")


def test_new_writes_the_essay_and_prints_the_next_steps(site: Path, capsys):
    assert main(["new", "L’été à Montréal : cœur", "--tags", "été, ville", "--root", str(site)]) == 0
    path = site / "docs" / "essais" / "lete-a-montreal-coeur.md"
    out = capsys.readouterr().out
    assert f"wrote {path}" in out and "make check" in out and "make serve" in out
    # the site's own reader of front matter accepts it
    version = corpus_of_folder(site / "docs").essays("fr").by_slug("lete-a-montreal-coeur")
    assert version is not None and version.meta.title == "L’été à Montréal : cœur"
    assert version.meta.tags == ["été", "ville"] and version.meta.date == dt.date.today()
    text = path.read_text(encoding="utf-8")
    assert "# L’été à Montréal : cœur\n" in text and "[^src:openai-2024]" in text
    assert "English label in tags.yml" in out and "    été: <English label>" in out


def test_known_tags_need_no_label(site: Path, capsys):
    assert main(["new", "Encore un essai", "--tags", "innovation", "--root", str(site)]) == 0
    assert "English label" not in capsys.readouterr().out


def test_the_new_essay_passes_check(site: Path, capsys):
    assert main(["new", "Un essai tout neuf", "--root", str(site)]) == 0
    capsys.readouterr()
    assert main(["check", "--root", str(site)]) == 0
    out = capsys.readouterr().out
    assert "un-essai-tout-neuf" not in out  # nothing at all to say about the new file
    assert out.splitlines()[-1].startswith("0 error(s)")


def test_same_title_gets_a_new_name_and_never_overwrites(site: Path, capsys):
    folder = site / "docs" / "essais"
    (folder / "mon-essai.md").write_text("mine, keep me\n", encoding="utf-8")
    (folder / "mon-essai-2.lock.json").write_text("{}", encoding="utf-8")  # a lock keeps its name taken
    assert main(["new", "Mon essai", "--root", str(site)]) == 0
    assert (folder / "mon-essai.md").read_text(encoding="utf-8") == "mine, keep me\n"
    assert (folder / "mon-essai-3.md").exists()
    assert main(["new", "Mon essai", "--root", str(site)]) == 0
    assert (folder / "mon-essai-4.md").exists()
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_title_without_letters_and_missing_docs_are_clear_errors(site: Path, tmp_path: Path, capsys):
    assert main(["new", "?!", "--root", str(site)]) == 1
    assert "cannot make a file name from the title '?!'" in capsys.readouterr().err
    assert main(["new", "Titre", "--root", str(tmp_path / "nowhere")]) == 1
    assert "no such folder" in capsys.readouterr().err


def test_too_many_essays_of_one_title(tmp_path: Path):
    for number in range(1, MAX_SAME_TITLE + 1):
        (tmp_path / ("x.md" if number == 1 else f"x-{number}.md")).write_text("", encoding="utf-8")
    with pytest.raises(Exception, match="essays are named 'x' already"):
        create_essay(tmp_path, "X", dt.date(2026, 1, 1), [])


def test_create_text_file_refuses_an_existing_name(tmp_path: Path):
    target = tmp_path / "a.md"
    assert create_text_file(target, "first") is True
    assert create_text_file(target, "second") is False
    assert target.read_text(encoding="utf-8") == "first" and sorted(tmp_path.iterdir()) == [target]


def test_front_matter_quotes_what_yaml_needs(tmp_path: Path):
    essay = create_essay(tmp_path, "Oui: non, # peut-être", dt.date(2026, 1, 2), ["a: b"])
    meta = yaml.safe_load(essay.text.split("---\n")[1])
    assert meta["title"] == "Oui: non, # peut-être" and meta["tags"] == ["a: b"]
    assert meta["date"] == dt.date(2026, 1, 2)
