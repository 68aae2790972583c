"""Alignment by content (issue 13): the two scenarios of the issue exactly, then each rule."""

from __future__ import annotations

import datetime as dt
import json

from bilingue.providers.pseudo import pseudo_translate
from bilingue.sync import Action, find_problems, plan_essay
from bilingue.sync.align import SIMILAR, Alignment, Match, NewBlock, OldBlock, similarity, words_of
from bilingue.sync.lock import BlockEntry, sha256
from bilingue.translate import TranslateOptions
from tests.sync.conftest import edit, sync

THREE = """---
title: Trois paragraphes
---

Le premier paragraphe parle du matin et de la pluie sur la ville.

Le deuxième paragraphe parle du midi et du soleil sur les toits.

Le troisième paragraphe parle du soir et du vent dans les arbres.
"""
PERSON = "Paragraph two, as a person wrote it: noon and sunshine on the roofs."
NEW = "Un nouveau paragraphe arrive ici, tout neuf."


def essay(tmp_path):
    folder = tmp_path / "essais"
    folder.mkdir()
    (folder / "essai.md").write_text(THREE, encoding="utf-8")
    return folder


def english_paragraphs(folder) -> list[str]:
    return (folder / "essai.en.md").read_text(encoding="utf-8").split("---\n", 2)[2].strip().split("\n\n")


def person_writes(folder, number: int, text: str) -> None:
    """A person rewrites the English of paragraph ``number`` (1-based)."""
    path = folder / "essai.en.md"
    paragraphs = english_paragraphs(folder)
    path.write_text(
        path.read_text(encoding="utf-8").replace(paragraphs[number - 1], text, 1), encoding="utf-8"
    )


def plan(folder):
    return plan_essay(folder / "essai.md", TranslateOptions())


def test_issue_scenario_edit_paragraph_2_then_insert_after_paragraph_1(tmp_path):
    folder = essay(tmp_path)
    sync(folder)
    person_writes(folder, 2, PERSON)
    edit(folder / "essai.md", "du midi et du soleil", "du midi et du grand soleil")
    edit(folder / "essai.md", "sur la ville.\n", f"sur la ville.\n\n{NEW}\n")

    run, provider = sync(folder)

    [report] = run.files
    assert provider.texts == [NEW]  # the new paragraph, and only it
    assert (report.translated, report.reused, report.human, report.stale) == (1, 3, 0, 1)  # title, 1, 3
    assert english_paragraphs(folder) == [
        pseudo_translate("Le premier paragraphe parle du matin et de la pluie sur la ville."),
        pseudo_translate(NEW),
        PERSON,  # in the place of its French, once, kept as the person wrote it
        pseudo_translate("Le troisième paragraphe parle du soir et du vent dans les arbres."),
    ]
    problems = find_problems([folder], TranslateOptions(allow_test_providers=True))
    assert problems.outdated == [] and len(problems.stale_blocks) == 1  # not "run translate"
    [stale] = problems.stale_blocks
    assert stale.old_french == "Le deuxième paragraphe parle du midi et du soleil sur les toits."
    assert stale.changes == "Le deuxième paragraphe parle du midi et du {+grand +}soleil sur les toits."
    assert stale.english == PERSON and stale.english_line == 9 and stale.line == 9
    assert "edit the English block" in stale.advice
    again, provider = sync(folder)
    assert provider.requests == 0 and again.files[0].status == "unchanged"


def test_issue_scenario_new_paragraph_at_the_top_before_a_stale_person_block(tmp_path):
    folder = essay(tmp_path)
    sync(folder)
    person_writes(folder, 1, "Paragraph one, by a person: morning rain on the town.")
    edit(folder / "essai.md", "du matin et de la pluie", "du matin et de la petite pluie")
    assert sync(folder)[0].files[0].stale == 1  # the person's block is stale before the insert
    edit(folder / "essai.md", "---\n\nLe premier", f"---\n\n{NEW}\n\nLe premier")

    run, provider = sync(folder)

    assert provider.texts == [NEW]
    paragraphs = english_paragraphs(folder)
    assert paragraphs[0] == pseudo_translate(NEW)  # translated, not left in French
    assert paragraphs[1] == "Paragraph one, by a person: morning rain on the town."  # still in the file
    entries = json.loads((folder / "essai.lock.json").read_text(encoding="utf-8"))["state"]["blocks"]
    assert "untranslated" not in {entry["provider"] for entry in entries}
    assert run.files[0].stale == 1 and plan(folder).count(Action.STALE) == 1


def test_a_person_block_whose_paragraph_is_split_stays_with_the_larger_part(tmp_path):
    folder = essay(tmp_path)
    sync(folder)
    person_writes(folder, 2, PERSON)
    edit(
        folder / "essai.md",
        "Le deuxième paragraphe parle du midi et du soleil sur les toits.",
        "Le deuxième paragraphe parle du midi et du soleil.\n\nSur les toits.",
    )
    run, provider = sync(folder)
    assert provider.texts == ["Sur les toits."]
    assert english_paragraphs(folder)[1] == PERSON and run.files[0].stale == 1


def test_merged_person_blocks_keep_the_best_match_and_set_the_other_aside(tmp_path):
    folder = essay(tmp_path)
    sync(folder)
    person_writes(folder, 1, "Paragraph one, by a person.")
    person_writes(folder, 2, "Paragraph two, by a person.")
    edit(
        folder / "essai.md",
        "la pluie sur la ville.\n\nLe deuxième paragraphe parle du midi",
        "la pluie sur la ville, puis du midi",
    )
    run, provider = sync(folder)
    assert provider.requests == 0
    assert english_paragraphs(folder)[0] == "Paragraph one, by a person."
    lock = json.loads((folder / "essai.lock.json").read_text(encoding="utf-8"))
    [aside] = lock["state"]["aside"]
    assert aside["english"] == "Paragraph two, by a person."
    assert aside["french"] == "Le deuxième paragraphe parle du midi et du soleil sur les toits."
    assert "kept aside" in " ".join(run.files[0].messages)
    [reported] = find_problems([folder], TranslateOptions(allow_test_providers=True)).set_aside
    assert reported.english == "Paragraph two, by a person." and "--clear-aside" in reported.advice


def test_a_person_block_whose_french_is_deleted_is_set_aside_not_dropped(tmp_path):
    folder = essay(tmp_path)
    sync(folder)
    person_writes(folder, 3, "Paragraph three, by a person.")
    edit(folder / "essai.md", "\n\nLe troisième paragraphe parle du soir et du vent dans les arbres.", "")
    _, provider = sync(folder)
    assert provider.requests == 0 and len(english_paragraphs(folder)) == 2
    lock = json.loads((folder / "essai.lock.json").read_text(encoding="utf-8"))
    assert [aside["english"] for aside in lock["state"]["aside"]] == ["Paragraph three, by a person."]


def test_a_machine_block_whose_french_is_rewritten_is_sent_again_and_nothing_set_aside(tmp_path):
    folder = essay(tmp_path)
    sync(folder)
    edit(folder / "essai.md", "Le troisième paragraphe parle du soir", "Tout autre chose, vraiment, ce soir")
    run, provider = sync(folder)
    assert provider.requests == 1 and run.files[0].translated == 1
    assert json.loads((folder / "essai.lock.json").read_text(encoding="utf-8"))["state"]["aside"] == []


def test_undoing_the_french_edit_makes_the_person_block_current_again(tmp_path):
    folder = essay(tmp_path)
    sync(folder)
    person_writes(folder, 2, PERSON)
    edit(folder / "essai.md", "du midi et du soleil", "du midi et du grand soleil")
    sync(folder)
    assert plan(folder).count(Action.STALE) == 1
    edit(folder / "essai.md", "du midi et du grand soleil", "du midi et du soleil")
    _, provider = sync(folder)
    assert provider.requests == 0 and plan(folder).count(Action.STALE) == 0 and not plan(folder).stale


# --- the alignment alone --------------------------------------------------------------------------


def old_block(position: int, french: str, person: bool = False) -> OldBlock:
    english = f"English {position}"
    entry = BlockEntry(
        source=sha256(french),
        french=french,
        machine=None if person else sha256(english),
        provider="human" if person else "pseudo",
        translated=dt.date(2026, 1, 1),
        human=sha256(english) if person else None,
    )
    return OldBlock(position, entry, english, position + 1)


def new_block(index: int, french: str) -> NewBlock:
    return NewBlock(index, sha256(french), french)


def test_pairs_are_same_then_similar_and_never_by_position():
    old = [
        old_block(0, "Un chat dort sur le canapé du salon."),
        old_block(1, "Le chien aboie contre le facteur chaque matin.", person=True),
    ]
    new = [
        new_block(0, "Un chat dort sur le canapé du salon."),
        new_block(1, "Il pleut des cordes sur toute la région depuis hier."),  # new, next to the edit
        new_block(2, "Le chien aboie contre le facteur chaque matin de la semaine."),
    ]
    alignment = Alignment.of(old, new)
    assert alignment.pairs[0].how is Match.SAME and alignment.pairs[0].old is old[0]
    assert 1 not in alignment.pairs
    assert alignment.pairs[2].how is Match.SIMILAR and alignment.pairs[2].old is old[1]
    assert alignment.unpaired_old == []


def test_a_machine_block_that_matches_better_keeps_a_person_block_from_a_wrong_pair():
    old = [
        old_block(0, "Le chien aboie contre le facteur.", person=True),
        old_block(1, "Le chien aboie contre le facteur chaque matin de la semaine."),
    ]
    new = [new_block(0, "Le chien aboie contre le facteur chaque matin de la semaine passée.")]
    alignment = Alignment.of(old, new)
    assert alignment.pairs[0].old is old[1] and alignment.unpaired_old == [old[0]]


def test_similarity_threshold_separates_an_edit_from_an_unrelated_paragraph():
    edited = similarity(words_of("Le chien aboie le matin."), words_of("Le chien aboie fort le matin."))
    unrelated = similarity(
        words_of("Le chien aboie contre le facteur."), words_of("La pluie tombe sur la ville.")
    )
    assert edited >= SIMILAR > unrelated
