"""One test per known machine-translation damage pattern: repaired, or left for rejection."""

from __future__ import annotations

import pytest

from bilingue.markdown import MaskError, mask, repair, scan_inline, unmask
from bilingue.markdown.repair import (
    escape_new_markup,
    escape_table_pipes,
    normalize_tags,
)

SOURCE = "Du **gras**, un [lien](https://x.org) et la fin.[^1]"
MASKED = mask(scan_inline(SOURCE))  # "Du <m1>gras</m1>, un <m2>lien</m2> et la fin.<m3/>"
GOOD = "Some <m1>bold</m1>, a <m2>link</m2> and the end.<m3/>"
EXPECTED = "Some **bold**, a [link](https://x.org) and the end.[^1]"


@pytest.mark.parametrize(
    "damaged",
    [
        "Some < m1 >bold< /m1 >, a <m2 >link</ m2> and the end.< m3 / >",  # spaces inside tags
        "Some <M1>bold</M1>, a <M2>link</M2> and the end.<M3/>",  # case changed
        "Some ＜m1＞bold＜/m1＞, a <m2>link</m2> and the end.<m3/>",  # full-width brackets
        "Some &lt;m1&gt;bold&lt;/m1&gt;, a <m2>link</m2> and the end.&lt;m3/&gt;",  # HTML-escaped
        "Some <m1>bold</m1>, a <m2>link</m2> and the end.<m3></m3>",  # standalone tag as a pair
        "Some <m1>bold</m1>, a <m2>link</m2> and the end.<m3>",  # standalone tag as an open tag
        "Some <m1>bold</m1>, a <m2>link</m2> and the end.<m3/><m3/>",  # duplicated tag
        "Some <m1>bold</m1><m1>bold</m1>, a <m2>link</m2> and the end.<m3/>",  # duplicated pair
        "Some <m1>bold</m1>, a <m2>link</m2> and the end.",  # eaten tag at the end
    ],
)
def test_tag_damage_is_repaired(damaged):
    assert unmask(MASKED, repair(MASKED, damaged)) == EXPECTED


def test_spaces_inside_emphasis_are_moved_out():
    """``** bold**`` renders as literal stars: the classic MT damage to emphasis."""
    damaged = "Some<m1> bold </m1>, a <m2> link</m2> and the end.<m3/>"
    assert (
        unmask(MASKED, repair(MASKED, damaged)) == "Some **bold**, a [link](https://x.org) and the end.[^1]"
    )


def test_eaten_tag_in_the_middle_is_not_guessed_but_rejected():
    damaged = "Some bold, a <m2>link</m2> and the end.<m3/>"
    with pytest.raises(MaskError):
        unmask(MASKED, repair(MASKED, damaged))


def test_intact_answer_is_left_unchanged():
    assert repair(MASKED, GOOD) == GOOD


def test_a_pipe_written_into_a_table_cell_is_escaped():
    assert escape_table_pipes("A | B <m1/> C \\| D") == "A \\| B <m1/> C \\| D"


def test_markdown_characters_added_by_the_service_are_escaped():
    masked = mask(scan_inline("prix 5 * 3"))
    assert escape_new_markup(masked, "price *5* times _3_") == "price \\*5\\* times \\_3\\_"
    assert escape_new_markup(masked, "price 5 * 3") == "price 5 * 3"


def test_normalize_tags_leaves_other_angle_brackets_alone():
    assert normalize_tags("a < b and <m 1> x </ m1>") == "a < b and <m1> x </m1>"
