"""The lock file: reading, writing, and recovering from a run killed between its writes."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bilingue.errors import SourceFileError
from bilingue.markdown.model import Block
from bilingue.sync import clear_aside, find_problems
from bilingue.sync.lock import (
    LOCK_VERSION,
    BlockEntry,
    Lock,
    LockState,
    read_lock,
    settle,
    sha256,
    write_lock,
)
from bilingue.translate import TranslateOptions
from tests.sync.conftest import edit, sync


def state(target: str) -> LockState:
    return LockState(
        source_sha256="s",
        target_sha256=sha256(target),
        skeleton_sha256="k",
        synced=dt.date(2026, 1, 2),
        blocks=[BlockEntry(source="a", machine="m", provider="google", translated=dt.date(2026, 1, 2))],
    )


def test_round_trip_is_stable_json(tmp_path):
    lock = Lock(source="x.md", target="x.en.md", state=state("old"))
    path = tmp_path / "x.lock.json"
    write_lock(path, lock)
    assert read_lock(path) == lock
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["state"]["blocks"][0]["provider"] == "google" and "pending" not in data
    write_lock(path, read_lock(path))
    assert json.loads(path.read_text(encoding="utf-8")) == data


def test_a_damaged_lock_names_itself_and_the_fix(tmp_path):
    path = tmp_path / "x.lock.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(SourceFileError) as caught:
        read_lock(path)
    assert str(path) in str(caught.value) and "restore it with git" in str(caught.value)


def test_a_lock_cut_short_gives_the_json_line_and_column(tmp_path):
    path = tmp_path / "x.lock.json"
    write_lock(path, Lock(source="x.md", target="x.en.md", state=state("old")))
    path.write_text(path.read_text(encoding="utf-8")[:120], encoding="utf-8")  # `head -c` damage
    with pytest.raises(SourceFileError) as caught:
        read_lock(path)
    error = caught.value
    text = path.read_text(encoding="utf-8")
    assert error.line == text.count("\n") + 1  # the last line, where the JSON stops
    assert error.problem.startswith("unreadable lock file: invalid JSON at column ")
    assert "delete it" in error.fix and "restore it with git" in error.fix


def test_a_lock_with_a_wrong_field_names_the_field(tmp_path):
    path = tmp_path / "x.lock.json"
    path.write_text(json.dumps({"version": 1, "source": "x.md", "target": "x.en.md"}), encoding="utf-8")
    with pytest.raises(SourceFileError) as caught:
        read_lock(path)
    assert "state: Field required" in caught.value.problem and caught.value.line is None


def test_a_lock_not_in_utf8_names_its_line(tmp_path):
    path = tmp_path / "x.lock.json"
    path.write_bytes(b'{\n "source": "\xe9t\xe9.md"\n}\n')
    with pytest.raises(SourceFileError) as caught:
        read_lock(path)
    assert caught.value.line == 2 and "unreadable lock file: not UTF-8 text" in caught.value.problem


def test_pending_state_is_taken_when_the_english_write_happened():
    lock = Lock(source="x.md", target="x.en.md", state=state("old"), pending=state("new"))
    settled = settle(lock, "new")
    assert settled.state == state("new") and settled.pending is None


def test_pending_state_is_dropped_when_the_english_write_did_not_happen():
    lock = Lock(source="x.md", target="x.en.md", state=state("old"), pending=state("new"))
    settled = settle(lock, "old")
    assert settled.state == state("old") and settled.pending is None


def test_run_killed_after_the_english_write_resumes_cleanly(essays):
    """Crash between 'English written' and 'lock settled': nothing is taken for a human edit."""
    sync(essays)
    lock_path = essays / "essai.lock.json"
    settled_before = lock_path.read_text(encoding="utf-8")
    edit(essays / "essai.md", "la pluie et du beau temps", "la neige")
    sync(essays)
    # put back the lock as it was mid-run: old state + the new state pending
    new = json.loads(lock_path.read_text(encoding="utf-8"))
    old = json.loads(settled_before)
    lock_path.write_text(json.dumps({**old, "pending": new["state"]}), encoding="utf-8")
    run, provider = sync(essays)
    assert provider.requests == 0
    assert run.files[0].human == 0 and run.files[0].status == "unchanged"
    assert json.loads(lock_path.read_text(encoding="utf-8")) == new  # settled on disk too


def test_run_killed_after_the_english_write_then_edited_by_a_person(essays):
    """The person's edit is theirs; the rest of the interrupted write is still the machine's."""
    sync(essays)
    lock_path = essays / "essai.lock.json"
    settled_before = json.loads(lock_path.read_text(encoding="utf-8"))
    edit(essays / "essai.md", "la pluie et du beau temps", "la neige")
    sync(essays)
    new = json.loads(lock_path.read_text(encoding="utf-8"))
    lock_path.write_text(json.dumps({**settled_before, "pending": new["state"]}), encoding="utf-8")
    edit(essays / "essai.en.md", "DDërññîërr", "Last")  # a person, before the next run
    run, provider = sync(essays)
    assert provider.requests == 0
    assert run.files[0].human == 1 and run.files[0].stale == 0


def version_1(lock_path) -> dict:
    """The lock as version 1 wrote it: no French text, no aside, no adopted flag."""
    data = json.loads(lock_path.read_text(encoding="utf-8"))
    data["version"] = 1
    for state in (data["state"],):
        state.pop("aside", None)
        state.pop("adopted", None)
        for entry in state["blocks"]:
            entry.pop("french", None)
    return data


def test_a_version_1_lock_is_migrated_once_with_its_provenance(essays):
    sync(essays)
    hand = essays / "essai.en.md"
    hand.write_text(hand.read_text(encoding="utf-8").replace("PPrëmmîërr", "First"), encoding="utf-8")
    sync(essays)  # the person's edit noted
    lock_path = essays / "essai.lock.json"
    current = json.loads(lock_path.read_text(encoding="utf-8"))
    lock_path.write_text(json.dumps(version_1(lock_path)), encoding="utf-8")
    run, provider = sync(essays)
    assert provider.requests == 0 and not run.files[0].written and "version 3" in run.files[0].messages[0]
    assert json.loads(lock_path.read_text(encoding="utf-8")) == current  # same provenance, French kept
    before = lock_path.read_bytes()
    run, provider = sync(essays)
    assert run.files[0].status == "unchanged" and lock_path.read_bytes() == before


def test_a_version_1_stale_person_block_stays_in_place_when_it_is_the_only_candidate(essays):
    sync(essays)
    hand = essays / "essai.en.md"
    hand.write_text(hand.read_text(encoding="utf-8").replace("PPrëmmîërr", "First"), encoding="utf-8")
    sync(essays)
    lock_path = essays / "essai.lock.json"
    lock_path.write_text(json.dumps(version_1(lock_path)), encoding="utf-8")
    edit(essays / "essai.md", "la pluie et du beau temps", "la neige")  # French unknown to the lock
    run, provider = sync(essays)
    assert provider.requests == 0 and run.files[0].stale == 1 and "First" in hand.read_text(encoding="utf-8")


def test_a_lock_from_a_newer_version_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "x.lock.json"
    write_lock(path, Lock(version=LOCK_VERSION + 1, source="x.md", target="x.en.md", state=state("old")))
    with pytest.raises(SourceFileError) as caught:
        read_lock(path)
    assert "newer than this bilingue reads" in caught.value.problem and "update bilingue" in caught.value.fix


#: a do-not-translate container: its text has been kept as written since lock version 3
BOX = '<div markdown="1" class="notranslate">\n\nUn encadré tel quel.\n\n</div>\n\n'


def synced_by_version_2(essays, monkeypatch, person: str | None = None) -> dict:
    """The essay with a do-not-translate container, synced as version 2 did: nothing was kept as
    written then, so the container's paragraph was sent and has an entry (``person``: a person
    then wrote its English). Returns the version 2 lock."""
    edit(essays / "essai.md", "Dernier paragraphe", BOX + "Dernier paragraphe")
    with monkeypatch.context() as before:
        before.setattr(Block, "verbatim", property(lambda block: False))
        sync(essays)
        if person is not None:
            edit(essays / "essai.en.md", "Un encadré tel quel.", person)
            sync(essays)
    lock_path = essays / "essai.lock.json"
    data = json.loads(lock_path.read_text(encoding="utf-8"))
    data["version"] = 2
    lock_path.write_text(json.dumps(data), encoding="utf-8")
    assert "Un encadré tel quel." in [entry["french"] for entry in data["state"]["blocks"]]
    return data


def frenches(lock_path) -> list[str]:
    return [entry["french"] for entry in json.loads(lock_path.read_text(encoding="utf-8"))["state"]["blocks"]]


def test_a_version_2_entry_for_text_now_kept_as_written_is_dropped_and_no_longer_reported(
    essays, monkeypatch
):
    old = synced_by_version_2(essays, monkeypatch)
    options = TranslateOptions(allow_test_providers=True)
    assert not find_problems([essays], options).untranslated  # no notice for text kept as written
    run, provider = sync(essays)
    assert run.files[0].status == "record" and provider.requests == 0 and not run.files[0].written
    lock = json.loads((essays / "essai.lock.json").read_text(encoding="utf-8"))
    assert lock["version"] == LOCK_VERSION == 3
    assert len(lock["state"]["blocks"]) == len(old["state"]["blocks"]) - 1
    assert "Un encadré tel quel." not in frenches(essays / "essai.lock.json")
    assert lock["state"]["skeleton_sha256"] != old["state"]["skeleton_sha256"]  # the box is structure
    assert not find_problems([essays], options)
    before = (essays / "essai.lock.json").read_bytes()
    run, provider = sync(essays)
    assert run.files[0].status == "unchanged" and (essays / "essai.lock.json").read_bytes() == before


def test_a_version_2_lock_with_text_now_kept_as_written_still_follows_its_french(essays, monkeypatch):
    synced_by_version_2(essays, monkeypatch)
    edit(essays / "essai.md", "la pluie et du beau temps", "la neige")
    problems = find_problems([essays], TranslateOptions(allow_test_providers=True))
    assert not problems.persons_files and len(problems.outdated) == 1  # `translate` brings it up to date
    run, provider = sync(essays)
    assert run.files[0].status == "update" and run.files[0].translated == 1 and run.files[0].written
    assert provider.texts == ["Premier paragraphe : il parle de la neige."]
    assert json.loads((essays / "essai.lock.json").read_text(encoding="utf-8"))["version"] == LOCK_VERSION
    assert "Un encadré tel quel." not in frenches(essays / "essai.lock.json")
    english = (essays / "essai.en.md").read_text(encoding="utf-8")
    assert "\nUn encadré tel quel.\n" in english and "ññëîggë" in english
    assert not find_problems([essays], TranslateOptions(allow_test_providers=True))


def test_a_persons_english_for_text_now_kept_as_written_is_kept_aside(essays, monkeypatch):
    synced_by_version_2(essays, monkeypatch, person="A box as it is.")
    assert find_problems([essays], TranslateOptions(allow_test_providers=True)).outdated  # until then
    run, provider = sync(essays)
    # the English file is written again, with the French in the box; nothing is sent
    assert run.files[0].status == "update" and provider.requests == 0 and run.files[0].written
    english = (essays / "essai.en.md").read_text(encoding="utf-8")
    assert "Un encadré tel quel." in english and "A box as it is." not in english
    lock = json.loads((essays / "essai.lock.json").read_text(encoding="utf-8"))
    assert [(aside["english"], aside["french"]) for aside in lock["state"]["aside"]] == [
        ("A box as it is.", "Un encadré tel quel.")
    ]
    assert "Un encadré tel quel." not in frenches(essays / "essai.lock.json")


def test_clearing_what_an_older_lock_sets_aside_asks_for_translate_first(essays, monkeypatch):
    synced_by_version_2(essays, monkeypatch, person="A box as it is.")
    with pytest.raises(SourceFileError, match=r"version 2.*") as error:
        clear_aside([essays / "essai.md"])
    assert "python -m bilingue translate` first" in error.value.fix
    sync(essays)  # the lock in today's form: now there is something to clear, and it clears
    assert clear_aside([essays / "essai.md"]) == {essays / "essai.md": 1}
