from __future__ import annotations

from bilingue.cli import main
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
    assert essay[:5] == ["outdated", "12", "1", "1", "0"]
    assert other[0] == "no English yet" and other[4] == "13" and other[5] == "never"


def test_a_file_a_person_restructured_counts_its_blocks_as_human(tmp_path, capsys):
    essays = tmp_path / "essais"
    essays.mkdir()
    (essays / "essai.md").write_text(ESSAY, encoding="utf-8")
    assert main(["translate", str(essays), "--provider", "pseudo"]) == 0
    english = essays / "essai.en.md"
    restructured = english.read_text(encoding="utf-8") + "\nA paragraph the translator added.\n"
    english.write_text(restructured, encoding="utf-8")
    assert main(["translate", str(essays), "--provider", "pseudo"]) == 0  # the file becomes a person's
    capsys.readouterr()
    assert main(["status", str(essays)]) == 0
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
