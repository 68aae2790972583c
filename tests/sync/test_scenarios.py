"""Scenarios of issue 4: what a sync sends, writes, keeps and reports."""

from __future__ import annotations

import json

import pytest

from bilingue.markdown import compare_documents, parse_document
from bilingue.providers.pseudo import pseudo_translate
from bilingue.sync import Action, Status, find_problems, plan_essay
from bilingue.translate import TranslateOptions
from tests.sync.conftest import CountingProvider, edit, sync


def english(folder):
    return (folder / "essai.en.md").read_text(encoding="utf-8")


def lock(folder):
    return json.loads((folder / "essai.lock.json").read_text(encoding="utf-8"))


def plan(folder):
    return plan_essay(folder / "essai.md", TranslateOptions())


def test_new_essay_gets_a_valid_english_file_and_a_lock(essays):
    run, provider = sync(essays)
    [report] = run.files
    assert report.status == "new" and report.written and report.requests == provider.requests
    text = english(essays)
    assert pseudo_translate("Premier paragraphe") in text
    french = parse_document((essays / "essai.md").read_text(encoding="utf-8"))
    assert compare_documents(french, parse_document(text)) == []
    entries = lock(essays)["state"]["blocks"]
    assert len(entries) == report.translated == len(french.prose_blocks())
    assert {entry["provider"] for entry in entries} == {"pseudo"}
    assert "pending" not in lock(essays)


def test_unchanged_rerun_sends_nothing_and_changes_no_byte(essays):
    sync(essays)
    before = (english(essays), (essays / "essai.lock.json").read_bytes())
    run, provider = sync(essays)
    assert provider.requests == 0 and run.files[0].status == "unchanged"
    assert (english(essays), (essays / "essai.lock.json").read_bytes()) == before


def test_one_edited_paragraph_is_the_only_block_sent(essays):
    sync(essays)
    before = english(essays)
    edit(essays / "essai.md", "la pluie et du beau temps", "la neige et du vent")
    run, provider = sync(essays)
    assert run.files[0].translated == 1 and provider.requests == 1
    assert len(provider.texts) == 1 and "neige" in provider.texts[0]
    after = english(essays)
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert len(changed) == 1 and pseudo_translate("neige") in changed[0][1]


def test_paragraph_inserted_at_the_top_is_the_only_block_sent(essays):
    sync(essays)
    edit(essays / "essai.md", "# Un essai de test\n", "# Un essai de test\n\nUn nouveau début.\n")
    run, provider = sync(essays)
    assert provider.texts == ["Un nouveau début."]
    assert run.files[0].reused == run.files[0].translated + len(lock(essays)["state"]["blocks"]) - 2


def test_swapped_paragraphs_keep_their_translations(essays):
    sync(essays)
    first = "Premier paragraphe : il parle de la pluie et du beau temps."
    second = "Deuxième paragraphe, avec un [lien](https://exemple.org/a) et du **gras**."
    edit(essays / "essai.md", f"{first}\n\n{second}", f"{second}\n\n{first}")
    run, provider = sync(essays)
    assert provider.requests == 0 and run.files[0].written
    text = english(essays)
    assert text.index(pseudo_translate("Deuxième")) < text.index(pseudo_translate("Premier"))


def test_human_edit_survives_five_french_edits_elsewhere(essays):
    sync(essays)
    machine = english(essays).split("\n\n")[2]
    assert pseudo_translate("Premier") in machine
    path = essays / "essai.en.md"
    path.write_text(english(essays).replace(machine, "First paragraph, fixed by a person."), encoding="utf-8")
    for number in range(5):
        edit(
            essays / "essai.md",
            "la conclusion de l'essai" if number == 0 else f"version {number - 1}",
            f"version {number}",
        )
        run, provider = sync(essays)
        assert provider.texts and all("Premier" not in text for text in provider.texts)
        assert "First paragraph, fixed by a person." in english(essays)
        assert run.files[0].human == 1
    assert plan(essays).count(Action.HUMAN) == 1 and not plan(essays).stale


def test_human_edited_block_whose_french_changes_is_kept_and_stale(essays):
    sync(essays)
    path = essays / "essai.en.md"
    machine = english(essays).split("\n\n")[2]
    path.write_text(english(essays).replace(machine, "First paragraph, by a person."), encoding="utf-8")
    edit(essays / "essai.md", "la pluie et du beau temps", "la grêle")
    run, provider = sync(essays)
    assert provider.requests == 0
    assert "First paragraph, by a person." in english(essays)
    assert run.files[0].stale == 1
    assert plan(essays).stale and plan(essays).count(Action.STALE) == 1


def test_restructured_english_is_never_overwritten(essays):
    sync(essays)
    path = essays / "essai.en.md"
    restructured = english(essays).replace("\n\n## ", "\n\nA paragraph only the English has.\n\n## ", 1)
    path.write_text(restructured, encoding="utf-8")
    edit(essays / "essai.md", "la pluie et du beau temps", "la grêle")
    run, provider = sync(essays)
    assert provider.requests == 0 and english(essays) == restructured
    assert run.files[0].status == "human-owned" and "update it" in " ".join(run.files[0].messages)
    assert plan(essays).status is Status.HUMAN_OWNED and plan(essays).stale
    # and it stays that way: the next French edit changes nothing either
    edit(essays / "essai.md", "la grêle", "le verglas")
    assert sync(essays)[1].requests == 0 and english(essays) == restructured


def test_deleted_essay_takes_its_english_file_and_lock_along(essays):
    sync(essays)
    (essays / "essai.md").unlink()
    run, _ = sync(essays)
    assert [report.status for report in run.files] == ["deleted"]
    assert not (essays / "essai.en.md").exists() and not (essays / "essai.lock.json").exists()


def test_renamed_essay_moves_its_english_file_and_lock(essays):
    sync(essays)
    before = english(essays)
    (essays / "essai.md").rename(essays / "nouveau-nom.md")
    run, provider = sync(essays)
    assert run.files[0].status == "moved" and provider.requests == 0
    assert (essays / "nouveau-nom.en.md").read_text(encoding="utf-8") == before
    moved_lock = json.loads((essays / "nouveau-nom.lock.json").read_text(encoding="utf-8"))
    assert moved_lock["source"] == "nouveau-nom.md"
    assert not (essays / "essai.lock.json").exists()


def test_failing_service_leaves_english_and_lock_untouched(essays):
    sync(essays)
    before = (english(essays), (essays / "essai.lock.json").read_bytes())
    edit(essays / "essai.md", "la pluie et du beau temps", "la neige")
    run, _ = sync(essays, CountingProvider(fail=True))
    assert run.files[0].status == "failed" and "unreachable" in run.files[0].messages[0]
    assert (english(essays), (essays / "essai.lock.json").read_bytes()) == before
    run, provider = sync(essays)  # the service is back: the next run finishes the job
    assert provider.requests == 1 and pseudo_translate("neige") in english(essays)


def test_existing_english_without_lock_is_adopted_as_of_unknown_origin(essays):
    sync(essays)
    (essays / "essai.lock.json").unlink()
    run, provider = sync(essays)
    assert run.files[0].status == "adopt" and provider.requests == 0
    # a person's to keep (never overwritten), but nobody said a person wrote or reviewed it
    assert {entry["provider"] for entry in lock(essays)["state"]["blocks"]} == {"adopted"}
    assert lock(essays)["state"]["adopted"] is True
    assert plan(essays).count(Action.HUMAN) == len(lock(essays)["state"]["blocks"])


def test_english_only_front_matter_keys_survive_a_rewrite(essays):
    sync(essays)
    path = essays / "essai.en.md"
    path.write_text(
        english(essays).replace("tags:", "translation: {reviewer: Jane}\ntags:", 1), encoding="utf-8"
    )
    (essays / "essai.lock.json").unlink()  # adopted, with the key only the English has
    sync(essays)
    edit(essays / "essai.md", "# Un essai de test\n", "# Un essai de test\n\nUn nouveau début.\n")
    run, provider = sync(essays)
    assert provider.texts == ["Un nouveau début."] and run.files[0].written
    assert "translation: {reviewer: Jane}\n" in english(essays)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("date: 2025-03-01", "date: 2025-04-15"),  # a value that is not translated
        ("tags: [test]", "tags: [test, pluie]"),
        ("- un autre élément\n", ""),  # a deleted paragraph: nothing to send, but the English changes
    ],
)
def test_a_french_change_outside_the_prose_makes_the_english_outdated_until_synced(essays, old, new):
    sync(essays)
    edit(essays / "essai.md", old, new)
    assert plan(essays).stale and not plan(essays).to_translate
    [problem] = find_problems([essays], TranslateOptions(allow_test_providers=True)).outdated
    assert problem.text().endswith(
        "English version out of date (the French changed outside its prose: "
        "front matter, layout or a removed paragraph)"
    )
    run, provider = sync(essays)
    assert provider.requests == 0 and run.files[0].written
    assert new.strip() in english(essays) if new else old not in english(essays)
    assert not plan(essays).stale and not find_problems([essays], TranslateOptions(allow_test_providers=True))
