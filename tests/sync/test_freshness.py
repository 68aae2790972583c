"""Provenance told as it is known (issue 13): adopted English is of unknown origin unless its front
matter says a person wrote or reviewed it; English without a lock fails the check."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from bilingue.frontmatter import split_front_matter
from bilingue.sync import find_problems
from bilingue.sync.freshness import freshness_of, freshness_of_plan, said_reviewed
from bilingue.translate import TranslateOptions
from tests.sync.conftest import edit, sync


def adopt(essays, front_matter_note: str = "") -> None:
    """An English file nobody has a lock for (hand-written, or its lock deleted), then translate."""
    sync(essays)
    (essays / "essai.lock.json").unlink()
    if front_matter_note:
        edit(essays / "essai.en.md", "tags:", f"{front_matter_note}\ntags:")
    sync(essays)


def test_deleting_a_lock_does_not_make_machine_text_reviewed(essays):
    adopt(essays)
    freshness = freshness_of(essays / "essai.md", TranslateOptions())
    assert freshness is not None and freshness.unknown_origin and not freshness.reviewed
    assert freshness.adopted_blocks > 0 and freshness.human_blocks == 0


def test_adopted_english_is_reviewed_when_its_front_matter_says_so(essays):
    adopt(essays, "translation: {method: human}")
    freshness = freshness_of(essays / "essai.md", TranslateOptions())
    assert freshness is not None and freshness.reviewed and not freshness.unknown_origin


def test_a_person_editing_an_adopted_block_makes_that_block_theirs(essays):
    adopt(essays)
    edit(essays / "essai.en.md", "PPrëmmîërr", "First")
    sync(essays)
    freshness = freshness_of(essays / "essai.md", TranslateOptions())
    assert freshness is not None and freshness.human_blocks == 1 and freshness.unknown_origin


def test_front_matter_says_reviewed_only_with_a_method_or_a_reviewer():
    assert said_reviewed({"translation": {"method": "human"}})
    assert said_reviewed({"translation": {"reviewer": "Jane"}})
    assert not said_reviewed({"translation": {"method": "machine"}})
    assert not said_reviewed({"translation": "human"}) and not said_reviewed({})


def test_check_fails_on_english_without_a_lock_with_the_command_that_adopts_it(essays):
    sync(essays)
    (essays / "essai.lock.json").unlink()
    problems = find_problems([essays], TranslateOptions(allow_test_providers=True))
    [unlocked] = problems.unlocked
    assert unlocked.text().startswith(f"{essays / 'essai.en.md'}: no lock")
    assert f"adopt it with `python -m bilingue translate {essays / 'essai.md'}`" in unlocked.text()
    assert "translation of unknown origin" in problems.lines()[-1]
    sync(essays)  # the command adopts it
    assert not find_problems([essays], TranslateOptions(allow_test_providers=True))


def test_a_whole_file_adopted_without_lining_up_is_of_unknown_origin_too(essays):
    sync(essays)
    (essays / "essai.lock.json").unlink()
    english = essays / "essai.en.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nA paragraph only the English has.\n")
    run, _ = sync(essays)
    assert run.files[0].status == "human-owned"
    freshness = freshness_of(essays / "essai.md", TranslateOptions())
    assert freshness is not None and freshness.unknown_origin and not freshness.reviewed


def test_the_check_hands_out_every_plan_and_keeps_only_the_outdated_ones(essays):
    sync(essays)
    seen = []
    problems = find_problems([essays], TranslateOptions(), lambda path, plan: seen.append(path))
    assert seen == [essays / "essai.md"] and problems.plans == {}  # in step: nothing held
    edit(essays / "essai.md", "Premier", "Tout premier")
    problems = find_problems([essays], TranslateOptions(), lambda path, plan: None)
    assert list(problems.plans) == [essays / "essai.md"]  # what the pull-request advice reads


def test_a_persons_file_counts_its_translated_blocks_not_text_kept_as_written(essays):
    box = '<div markdown="1" class="notranslate">\n\nUn encadré tel quel.\n\n</div>\n\n'
    edit(essays / "essai.md", "Dernier paragraphe", box + "Dernier paragraphe")
    sync(essays)
    entries = json.loads((essays / "essai.lock.json").read_text(encoding="utf-8"))["state"]["blocks"]
    english = essays / "essai.en.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nA paragraph only the English has.\n")
    run, _ = sync(essays)
    assert run.files[0].status == "human-owned"
    freshness = freshness_of(essays / "essai.md", TranslateOptions())
    assert freshness is not None and freshness.human_blocks == len(entries) + 1  # the box is nobody's


def _as_if_always_read(essays) -> tuple:
    """What the notice shows, and what it would show had the front matter's word been read."""
    from bilingue.sync.plan import plan_essay

    plan = plan_essay(essays / "essai.md", TranslateOptions())
    freshness = freshness_of_plan(plan)
    assert freshness is not None
    english = (essays / "essai.en.md").read_text(encoding="utf-8")
    read = replace(freshness, reviewed_in_front_matter=said_reviewed(split_front_matter(english).meta))
    return (freshness.reviewed, freshness.unknown_origin), (read.reviewed, read.unknown_origin)


@pytest.mark.parametrize("note", ["", "translation: {method: human}", "translation: {reviewer: Jane}"])
@pytest.mark.parametrize("history", ["machine", "edited", "adopted", "adopted-then-edited", "restructured"])
def test_the_front_matter_is_read_only_where_it_changes_the_notice(essays, history, note):
    # the build skips its YAML for English without adopted blocks: the notice must not change
    sync(essays)
    if history.startswith("adopted"):
        (essays / "essai.lock.json").unlink()
    if note:
        edit(essays / "essai.en.md", "tags:", f"{note}\ntags:")
    if history in ("edited", "adopted-then-edited"):
        edit(essays / "essai.en.md", "PPrëmmîërr", "First")
    if history == "restructured":
        edit(essays / "essai.en.md", "\n\n## ", "\n\nA paragraph only the English has.\n\n## ")
    sync(essays)
    shown, with_front_matter_read = _as_if_always_read(essays)
    assert shown == with_front_matter_read
