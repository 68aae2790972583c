from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from bilingue.importer import check_slug, import_linkedin_post

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent
PASTE = (FIXTURES / "linkedin-paste-mystique.txt").read_text(encoding="utf-8")
DATE = dt.date(2024, 11, 19)


def body_of(markdown: str) -> str:
    return markdown.split("---\n", 2)[2]


def test_the_seed_paste_becomes_the_published_essay_word_for_word():
    """The site's essay is the author's text: importer output == essay minus source citations."""
    imported = body_of(import_linkedin_post(PASTE, DATE).markdown)
    published = body_of((ROOT / "docs" / "essais" / "mystique.md").read_text(encoding="utf-8"))
    without_citations = re.sub(r"\[\^src:[^\]]+\]", "", published)
    assert imported.strip() == without_citations.strip()


def test_linkedin_chrome_and_comments_are_dropped_and_reported():
    essay = import_linkedin_post(PASTE, DATE)
    assert "Recommandé par LinkedIn" not in essay.markdown
    assert essay.dropped_chrome == ["Recommandé par LinkedIn"]
    assert essay.dropped_comments[0].startswith("Entrepreneur / Intrapreneur")
    assert essay.dropped_comments[-1].startswith("3 moisMoi je suis hype")
    for comment_text in ("rêve de chiotte", "toilettes avec de l'IA", "Quai de Rivière-Ouelle", "Designer"):
        assert comment_text not in essay.markdown


def test_title_heading_and_front_matter():
    essay = import_linkedin_post(PASTE, DATE, tags=["innovation"])
    meta = yaml.safe_load(essay.markdown.split("---\n")[1])
    assert meta == {
        "title": "Mystique: la perception du métier d'entrepreneur",
        "date": DATE,
        "description": "Tout le monde en parle : Sam Altman, d'OpenAI, lève 6.6 milliards de dollars "
        "dans une des plus grandes rondes de financement de l'histoire.",
        "tags": ["innovation"],
    }
    assert essay.headings == ['Un "métier" difficile']
    assert '\n## Un "métier" difficile\n' in essay.markdown
    assert essay.slug == "mystique-la-perception-du-metier-dentrepreneur"


def test_emoji_and_punctuated_short_lines_stay_paragraphs():
    essay = import_linkedin_post("Titre\nDes chiottes. 🚽\nTOUT.\nUn moyen, pas une fin.\n", DATE)
    assert essay.headings == []
    assert "\n\nDes chiottes. 🚽\n\nTOUT.\n\nUn moyen, pas une fin.\n" in essay.markdown


def test_a_paste_without_comments_keeps_every_line():
    essay = import_linkedin_post("Titre\nPremière ligne.\nDeuxième ligne.\n", DATE)
    assert essay.dropped_comments == []
    assert body_of(essay.markdown) == "\n# Titre\n\nPremière ligne.\n\nDeuxième ligne.\n"


def test_reaction_counts_are_dropped_but_a_number_of_the_author_is_kept():
    paste = "Titre\nIls sont\n395 000\nà mourir.\n12 commentaires · 3 republications\n"
    essay = import_linkedin_post(paste, DATE)
    assert "\n\n395 000\n\n" in essay.markdown
    assert essay.dropped_chrome == ["12 commentaires · 3 republications"]


@pytest.mark.parametrize("slug", ["mystique", "mystique-du-metier", "ia-2024", "2024"])
def test_a_slug_of_lowercase_letters_digits_and_hyphens_is_valid(slug: str):
    assert check_slug(slug) == slug


@pytest.mark.parametrize(
    "slug", ["../../x", "a/b", "Mystique", "métier", "mon essai", "mon_essai", "-x", "x-", "a--b", ""]
)
def test_any_other_slug_is_refused_saying_what_is_allowed(slug: str):
    with pytest.raises(ValueError, match="use only lowercase letters a-z, digits, and hyphens"):
        check_slug(slug)


@pytest.mark.parametrize(
    ("title", "slug"),
    [("Le snake_case, ça suffit !", "le-snake-case-ca-suffit"), ("« — »", ""), ("IA — 2024", "ia-2024")],
)
def test_the_slug_of_a_title_is_always_valid_or_empty(title: str, slug: str):
    essay = import_linkedin_post(f"{title}\nUn paragraphe.\n", DATE)
    assert essay.slug == slug
    assert not slug or check_slug(slug)
