"""Cases found in review: a person's work is never lost, and never stale forever."""

from __future__ import annotations

import json

from bilingue.markdown import compare_documents, parse_document
from bilingue.sync import Status, find_problems, plan_essay
from bilingue.translate import TranslateOptions
from tests.sync.conftest import ESSAY, edit, sync

FIRST = "PPrëmmîërr ppáráágrááphëë"  # the pseudo translation of the first paragraph's start


def english(folder, name="essai"):
    return (folder / f"{name}.en.md").read_text(encoding="utf-8")


def hand_edit(folder, old, new, name="essai"):
    path = folder / f"{name}.en.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def plan(folder):
    return plan_essay(folder / "essai.md", TranslateOptions())


def test_a_stale_block_is_up_to_date_once_the_person_updates_it(essays):
    sync(essays)
    paragraph = english(essays).split("\n\n")[2]
    hand_edit(essays, paragraph, "First paragraph: rain and sunshine.")
    sync(essays)
    edit(essays / "essai.md", "la pluie et du beau temps", "la neige")
    sync(essays)
    assert plan(essays).stale
    hand_edit(essays, "First paragraph: rain and sunshine.", "First paragraph: snow.")
    _, provider = sync(essays)
    assert provider.requests == 0 and not plan(essays).stale
    assert not find_problems([essays], TranslateOptions(allow_test_providers=True))
    assert "First paragraph: snow." in english(essays)


def test_a_person_owned_file_is_up_to_date_once_the_person_updates_it(essays):
    sync(essays)
    hand_edit(essays, "\n\n## ", "\n\nA paragraph only the English has.\n\n## ")
    sync(essays)
    edit(essays / "essai.md", "la pluie et du beau temps", "la neige")
    sync(essays)
    assert plan(essays).status is Status.HUMAN_OWNED and plan(essays).stale
    problems = find_problems([essays], TranslateOptions(allow_test_providers=True))
    [behind] = problems.persons_files
    assert "a file a person restructured" in behind.text() and behind.text().endswith("edit the English file")
    assert problems.outdated == [] and "never writes them" in problems.lines()[-1]
    hand_edit(essays, FIRST, "Snow")
    sync(essays)
    assert not plan(essays).stale and not find_problems([essays], TranslateOptions(allow_test_providers=True))


def test_rename_with_an_edit_keeps_a_person_translation(essays):
    sync(essays)
    hand_edit(essays, FIRST, "First paragraph")
    (essays / "essai.md").rename(essays / "renomme.md")
    edit(essays / "renomme.md", "la conclusion", "le mot de la fin")
    run, provider = sync(essays)
    assert run.files[0].status == "moved"
    text = english(essays, "renomme")
    assert "First paragraph" in text and provider.texts == [
        "Dernier paragraphe : le mot de la fin de l'essai."
    ]
    assert not (essays / "essai.en.md").exists()


def test_a_deleted_essay_with_a_person_translation_is_kept_and_reported(essays):
    sync(essays)
    hand_edit(essays, FIRST, "First paragraph")
    (essays / "essai.md").unlink()
    run, _ = sync(essays)
    assert run.files[0].status == "kept" and "holds a person's translation" in run.files[0].messages[0]
    assert (essays / "essai.en.md").exists()


def test_a_translator_note_in_a_locked_file_does_not_stop_the_sync(essays):
    sync(essays)
    hand_edit(essays, "tags:", "translation: {reviewer: Ann}\ntags:")
    edit(essays / "essai.md", "la pluie et du beau temps", "la neige")
    run, provider = sync(essays)
    assert run.files[0].status == "update" and provider.requests == 1
    assert "translation: {reviewer: Ann}\n" in english(essays)


def test_one_malformed_essay_does_not_stop_the_others(essays):
    (essays / "casse.md").write_text("---\ntitle: [oops\n---\n\nTexte.\n", encoding="utf-8")
    run, _ = sync(essays)
    statuses = {report.path.name: report for report in run.files}
    assert statuses["casse.md"].status == "failed" and statuses["casse.md"].bad_input
    assert "casse.md" in statuses["casse.md"].messages[0]
    assert statuses["essai.md"].status == "new" and (essays / "essai.en.md").exists()


def test_a_person_edit_is_recorded_in_the_lock_right_away(essays):
    sync(essays)
    hand_edit(essays, FIRST, "First paragraph")
    run, provider = sync(essays)
    assert run.files[0].status == "record" and provider.requests == 0
    providers = [
        entry["provider"]
        for entry in json.loads((essays / "essai.lock.json").read_text(encoding="utf-8"))["state"]["blocks"]
    ]
    assert providers.count("human") == 1
    run, _ = sync(essays)
    assert run.files[0].status == "unchanged"


def test_duplicate_paragraphs_keep_the_edit_on_the_second(essays):
    (essays / "essai.md").write_text(
        ESSAY.replace(
            "Dernier paragraphe",
            "Premier paragraphe : il parle de la pluie et du beau temps.\n\nDernier paragraphe",
        ),
        encoding="utf-8",
    )
    sync(essays)
    parts = english(essays).split("\n\n")
    second = max(i for i, part in enumerate(parts) if part.startswith(FIRST))
    parts[second] = "The same paragraph, by a person."
    (essays / "essai.en.md").write_text("\n\n".join(parts), encoding="utf-8")
    edit(essays / "essai.md", "Deuxième paragraphe", "Un autre deuxième paragraphe")
    sync(essays)
    assert english(essays).count("The same paragraph, by a person.") == 1
    assert english(essays).count(FIRST) == 1


def test_a_key_removed_from_the_french_front_matter_goes_from_the_english_too(essays):
    sync(essays)
    edit(essays / "essai.md", "description: Un essai pour vérifier la synchronisation.\n", "")
    run, _ = sync(essays)
    assert run.failed == [] and run.files[0].written  # it said "does not line up" and wrote nothing
    english = (essays / "essai.en.md").read_text(encoding="utf-8")
    assert "description:" not in english
    french = parse_document((essays / "essai.md").read_text(encoding="utf-8"))
    assert compare_documents(french, parse_document(english)) == []


def test_an_orphaned_english_file_that_is_not_utf8_is_kept_not_a_crash(essays):
    sync(essays)
    (essays / "essai.en.md").write_bytes("Déjà vu, à la main.\n".encode("latin-1"))
    (essays / "essai.md").unlink()
    run, _ = sync(essays)
    assert (essays / "essai.en.md").exists()  # cannot be the machine's output: a person decides
    assert run.files[0].status == "kept"


def test_a_persons_english_left_without_its_french_gets_its_own_advice_in_check(essays):
    sync(essays)
    english = essays / "essai.en.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nA paragraph of my own.\n", encoding="utf-8")
    (essays / "essai.md").unlink()
    for _ in range(2):  # `translate` keeps it and cannot settle it: the advice must not be to run it
        problems = find_problems([essays], TranslateOptions(allow_test_providers=True))
        assert len(problems.kept) == 1 and problems.outdated == [] and problems
        assert "move each next to its essay, or delete it and its lock" in problems.lines()[-1]
        assert not any("run `python -m bilingue translate`" in line for line in problems.lines())
        sync(essays)
