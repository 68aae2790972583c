from __future__ import annotations

from bilingue.cli import main
from tests.cli.conftest import translated_essay
from tests.sync.conftest import ESSAY, edit


def test_status_table_counts_blocks_per_essay(tmp_path, capsys):
    essays = tmp_path / "essais"
    essays.mkdir()
    (essays / "essai.md").write_text(ESSAY, encoding="utf-8")
    (essays / "autre.md").write_text((essays / "essai.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["translate", str(essays / "essai.md"), "--provider", "pseudo"]) == 0
    english = essays / "essai.en.md"
    english.write_text(english.read_text(encoding="utf-8").replace("PPrëmmîërr", "First"), encoding="utf-8")
    edit(essays / "essai.md", "Premier paragraphe : il parle de la pluie", "Premier paragraphe : la neige")
    capsys.readouterr()
    assert main(["status", str(essays)]) == 0
    rows = {
        line.split("│")[1].strip(): [cell.strip() for cell in line.split("│")[2:-1]]
        for line in capsys.readouterr().out.splitlines()
        if ".md" in line
    }
    essay = next(value for key, value in rows.items() if key.endswith("essai.md"))
    other = next(value for key, value in rows.items() if key.endswith("autre.md"))
    # state, machine, human, stale, missing, synced, chars left
    assert essay[:5] == ["a person's blocks to edit (--diff)", "12", "1", "1", "0"]
    assert other[0] == "no English yet" and other[4] == "13" and other[5] == "never"


def test_status_diff_shows_a_translator_what_changed_in_the_french(tmp_path, capsys):
    essays, english = translated_essay(tmp_path)
    edit(english, "PPrëmmîërr ppáráágrááphëë", "First paragraph")  # a person's English
    edit(essays / "essai.md", "la pluie et du beau temps", "la pluie et du mauvais temps")
    assert main(["translate", str(essays), "--provider", "pseudo"]) == 0
    capsys.readouterr()
    assert main(["status", "--diff", str(essays)]) == 0
    out = capsys.readouterr().out
    assert f"{essays / 'essai.md'}:10: the French of a person's English block changed" in out
    assert "French changes: Premier paragraphe : il parle de la pluie et du [-beau-]{+mauvais+} temps." in out
    assert f"English to edit ({english}:10): First paragraph" in out
    assert "edit the English block" in out and "run `python -m bilingue translate`" not in out


def test_a_file_a_person_restructured_counts_its_blocks_as_human(tmp_path, capsys):
    essays, english = translated_essay(tmp_path)
    restructured = english.read_text(encoding="utf-8") + "\nA paragraph the translator added.\n"
    english.write_text(restructured, encoding="utf-8")
    assert main(["translate", str(essays), "--provider", "pseudo"]) == 0  # the file becomes a person's
    capsys.readouterr()
    assert main(["status", "--all", str(essays)]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if "essai.md" in line)
    cells = [cell.strip() for cell in row.split("│")[2:-1]]
    assert cells[:5] == ["a person's file", "0", "14", "0", "0"]  # 13 blocks + the added one


def test_status_and_dry_run_count_the_same_characters(tmp_path, capsys):
    essays = tmp_path / "essais"
    essays.mkdir()
    (essays / "essai.md").write_text(ESSAY, encoding="utf-8")
    assert main(["translate", str(essays), "--dry-run", "--provider", "pseudo"]) == 0
    dry_run = capsys.readouterr().out
    assert main(["status", str(essays)]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if "essai.md" in line)
    left = row.split("│")[-2].strip()
    assert int(left.replace(",", "")) > 0 and f"({left} characters)" in dry_run


def _rows(out: str) -> dict[str, list[str]]:
    """essay name -> its cells (state, machine, human, stale, missing, synced, chars left)."""
    return {
        line.split("│")[1].strip(): [cell.strip() for cell in line.split("│")[2:-1]]
        for line in out.splitlines()
        if ".md" in line and "│" in line
    }


def test_a_missing_path_is_an_error_not_an_empty_table(tmp_path, capsys):
    assert main(["status", str(tmp_path / "nope.md")]) == 1
    captured = capsys.readouterr()
    assert f"{tmp_path / 'nope.md'}: no such file or folder" in captured.err
    assert "English essays" not in captured.out


def test_a_missing_root_is_an_error(tmp_path, capsys):
    assert main(["status", "--root", str(tmp_path / "nowhere")]) == 1
    assert f"{tmp_path / 'nowhere'}: no such folder (--root" in capsys.readouterr().err


def test_an_english_file_names_its_french_original(tmp_path, capsys):
    english = tmp_path / "x.en.md"
    english.write_text("# X\n", encoding="utf-8")
    assert main(["status", str(english)]) == 1
    assert f"{english} is the English version of {tmp_path / 'x.md'}" in capsys.readouterr().err


def test_an_unreadable_essay_gets_a_row_and_the_others_are_still_listed(tmp_path, capsys):
    essays = tmp_path / "essais"
    essays.mkdir()
    for name in ("bon.md", "casse.md", "verrou.md"):
        (essays / name).write_text(ESSAY, encoding="utf-8")
    assert main(["translate", str(essays), "--provider", "pseudo"]) == 0
    edit(essays / "casse.md", "tags: [test]", "tags: [test")  # bad YAML front matter, line 5
    (essays / "verrou.lock.json").write_text("{ not json", encoding="utf-8")
    capsys.readouterr()

    assert main(["status", str(essays)]) == 1

    captured = capsys.readouterr()
    rows = _rows(captured.out)
    assert "bon.md" not in rows  # nothing to do: counted, not listed
    assert "3 essay(s); nothing to do: 1 up to date; 2 with something to do" in captured.out
    assert rows["casse.md"][0].startswith("unreadable") and rows["verrou.md"][0].startswith("unreadable")
    assert f"{essays / 'casse.md'}:6: invalid YAML front matter" in captured.err
    assert f"{essays / 'verrou.lock.json'}:1: unreadable lock file" in captured.err


def test_status_says_adopted_for_english_nobody_vouches_for(tmp_path, capsys):
    essays, _ = translated_essay(tmp_path)
    (essays / "essai.lock.json").unlink()
    capsys.readouterr()
    assert main(["status", str(essays)]) == 0
    assert _rows(capsys.readouterr().out)["essai.md"][0] == "adopted by the next translate (no lock yet)"
    assert main(["translate", str(essays), "--provider", "pseudo"]) == 0
    capsys.readouterr()
    assert main(["status", "--all", str(essays)]) == 0
    state, machine, human = _rows(capsys.readouterr().out)["essai.md"][:3]
    assert (state, machine, human) == ("adopted", "0", "13")  # a person's to keep, of unknown origin


def test_status_counts_the_essays_with_nothing_to_do_and_lists_the_others(tmp_path, capsys):
    essays = tmp_path / "essais"
    essays.mkdir()
    for name in ("a.md", "b.md", "c.md"):
        (essays / name).write_text(ESSAY, encoding="utf-8")
    assert main(["translate", str(essays), "--provider", "pseudo"]) == 0
    edit(essays / "c.md", "Premier paragraphe : il parle de la pluie", "Premier paragraphe : la neige")
    (essays / "d.md").write_text(ESSAY, encoding="utf-8")  # no English yet
    capsys.readouterr()

    assert main(["status", str(essays)]) == 0

    out = capsys.readouterr().out
    assert (
        f"English essays ({essays}): 4 essay(s); nothing to do: 2 up to date; 2 with something to do" in out
    )
    assert "blocks: 38 machine, 0 human, 0 stale, 14 missing;" in out  # 13 blocks an essay: 3 x 13 - 1
    rows = _rows(out)
    assert set(rows) == {"c.md", "d.md"}
    assert rows["c.md"][0] == "outdated" and rows["c.md"][4] == "1"
    assert rows["d.md"][0] == "no English yet" and rows["d.md"][4] == "13"


def test_status_all_lists_every_essay(tmp_path, capsys):
    essays = tmp_path / "essais"
    essays.mkdir()
    for name in ("a.md", "b.md"):
        (essays / name).write_text(ESSAY, encoding="utf-8")
    assert main(["translate", str(essays), "--provider", "pseudo"]) == 0
    capsys.readouterr()

    assert main(["status", str(essays)]) == 0
    out = capsys.readouterr().out
    assert "2 essay(s); nothing to do: 2 up to date; none with anything to do" in out
    assert _rows(out) == {}  # no table at all

    assert main(["status", "--all", str(essays)]) == 0
    rows = _rows(capsys.readouterr().out)
    assert {name: cells[:5] for name, cells in rows.items()} == {
        "a.md": ["up to date", "13", "0", "0", "0"],
        "b.md": ["up to date", "13", "0", "0", "0"],
    }
