"""Masking: what the service sees, and back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bilingue.markdown import MaskError, mask, parse_document, scan_inline, unmask
from bilingue.markdown.mask import join_runs, split_runs

CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.md"))


def test_markup_becomes_numbered_tags():
    masked = mask(scan_inline('Du **gras**, un [lien](https://x.org "Titre") et `x`.[^1]'))
    assert masked.text == "Du <m1>gras</m1>, un <m2>lien</m2> et <m3/>.<m4/>"
    assert masked.titles == ("Titre",)


def test_soft_line_breaks_become_spaces_hard_breaks_stay_pieces():
    masked = mask(scan_inline("une phrase\ncoupée  \nsuite"))
    assert masked.text == "une phrase coupée<m1/>suite"
    assert unmask(masked, "a sentence cut<m1/> next") == "a sentence cut  \nnext"


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.name)
def test_unmask_of_the_untouched_mask_restores_every_corpus_block(path):
    for block in parse_document(path.read_text()).prose_blocks():
        if block.is_plain_text:
            continue
        masked = mask(block.inline)
        # the only change a round trip makes: soft line breaks read as spaces
        assert unmask(masked, masked.text) == re.sub(r"(?<! {2})(?<!\\)\n", " ", block.text)


def test_tags_may_move_with_the_words():
    masked = mask(scan_inline("un travail **important**"))
    assert unmask(masked, "<m1>important</m1> work") == "**important** work"


def test_translated_titles_are_escaped_inside_their_quotes():
    masked = mask(scan_inline('[a](x "Titre")'))
    assert unmask(masked, "<m1>b</m1>", ['The "title"']) == '[b](x "The &quot;title&quot;")'


@pytest.mark.parametrize(
    ("answer", "problem"),
    [
        ("text <m1>bold</m1>", "missing <m2/>"),
        ("text <m1>bold</m1><m2/><m2/>", "repeated <m2/>"),
        ("text <m1>bold</m1><m2/><m9/>", "unexpected <m9/>"),
        ("text </m1>bold<m1><m2/>", "comes before"),
    ],
)
def test_unmask_refuses_damaged_tags(answer, problem):
    masked = mask(scan_inline("texte **gras**`x`"))
    with pytest.raises(MaskError, match=problem):
        unmask(masked, answer)


def test_runs_between_tags_round_trip():
    masked = mask(scan_inline("Du **gras** et `x` fin"))
    assert split_runs(masked) == ["Du ", "gras", " et ", " fin"]
    assert join_runs(masked, ["Some ", "bold", " and ", " end"]) == "Some <m1>bold</m1> and <m2/> end"
