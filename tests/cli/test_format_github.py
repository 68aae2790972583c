"""``--format github`` of check, translate --check and check-translation, and the pull-request rule
for missing English (``translate --check --pull-request`` and ``pull_requests_need_english``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bilingue.cli import main
from bilingue.reporting import Problem
from bilingue.sync import Problems
from tests.sync.conftest import ESSAY, edit

REGISTRY = """\
known:
  title: A report
  publisher: Someone
  url: https://example.org/report
  language: en
"""


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A site with one French essay and no English; GitHub's variables point at temporary files."""
    (tmp_path / "docs" / "essais").mkdir(parents=True)
    (tmp_path / "docs" / "essais" / "essai.md").write_text(ESSAY, encoding="utf-8")
    (tmp_path / "sources.yml").write_text(REGISTRY, encoding="utf-8")
    (tmp_path / "tags.yml").write_text("test: test\n", encoding="utf-8")  # the essay's tag's label
    (tmp_path / "bilingue.yml").write_text("translation:\n  paths: [docs/essais]\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def summary(site: Path) -> str:
    return (site / "summary.md").read_text(encoding="utf-8")


def test_check_annotates_an_unknown_source_on_its_line(site: Path, capsys):
    edit(site / "docs/essais/essai.md", "qui cite une source.[^1]", "qui cite une source.[^src:inconnue]")
    assert main(["check", "--format", "github", "--no-claims"]) == 1
    out = capsys.readouterr().out.splitlines()
    [error] = [line for line in out if line.startswith("::error")]
    assert error.startswith("::error file=docs/essais/essai.md,line=16,title=Source or citation error::")
    assert "unknown source id 'inconnue'" in error
    assert "::warning file=sources.yml" in "\n".join(out)  # "known" is cited by no page
    assert "#### ❌ Source or citation error (1)" in summary(site)
    assert "- `docs/essais/essai.md:16`: unknown source id 'inconnue'" in summary(site)


def test_translate_check_on_a_pull_request_warns_with_what_the_workflow_will_do(site: Path, capsys):
    assert main(["translate", "--dry-run", "--provider", "pseudo"]) == 0
    dry_run = re.search(r"(\d+) block\(s\) to send \(([\d,]+) characters\)", capsys.readouterr().out)
    assert main(["translate", "--check", "--pull-request", "--format", "github"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "::warning file=docs/essais/essai.md,line=1,title=Missing English::no English version: after"
    )
    blocks, characters = dry_run.groups()
    assert (
        f"after the merge, the translation workflow translates {blocks} block(s) ({characters} characters"
        in out
    )
    assert "essai.en.md and essai.lock.json" in out
    assert "#### ⚠️ Missing English (1)" in summary(site)


def test_translate_check_on_a_pull_request_plans_each_essay_once(site: Path, capsys, monkeypatch):
    """What the workflow will do comes from the check's own plan, not from planning the essay again."""
    import bilingue.cli.translate
    import bilingue.sync.run

    (site / "docs" / "essais" / "autre.md").write_text(ESSAY, encoding="utf-8")
    planned: list[Path] = []
    real_plan = bilingue.sync.run.plan_essay

    def counting_plan(path, options):
        planned.append(Path(path).name)
        return real_plan(path, options)

    monkeypatch.setattr(bilingue.sync.run, "plan_essay", counting_plan)
    monkeypatch.setattr(bilingue.cli.translate, "plan_essay", counting_plan)
    assert main(["translate", "--check", "--pull-request", "--format", "github"]) == 0
    out = capsys.readouterr().out
    assert out.count("after the merge, the translation workflow translates") == 2
    assert sorted(planned) == ["autre.md", "essai.md"]


def test_on_a_pull_request_orphaned_english_is_left_to_the_workflow_and_a_broken_essay_fails(site, capsys):
    assert main(["translate", "--provider", "pseudo"]) == 0
    (site / "docs" / "essais" / "essai.md").unlink()  # its machine English is the workflow's to delete
    (site / "docs" / "essais" / "casse.md").write_text("---\ntitle: [\n---\nTexte.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["translate", "--check", "--pull-request", "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    [broken] = [line for line in lines if "casse.md" in line]
    assert broken.startswith("::error file=docs/essais/casse.md,")
    [orphan] = [line for line in lines if "title=English without its French" in line]
    assert orphan.startswith("::warning ") and orphan.endswith(
        ": after the merge, the translation workflow does it"
    )


def test_translate_check_fails_a_pull_request_when_the_site_wants_contributors_english(site, capsys):
    (site / "bilingue.yml").write_text(
        "translation:\n  paths: [docs/essais]\n  pull_requests_need_english: true\n", encoding="utf-8"
    )
    assert main(["translate", "--check", "--pull-request", "--format", "github"]) == 1
    assert capsys.readouterr().out.startswith(
        "::error file=docs/essais/essai.md,line=1,title=Missing English::"
    )
    assert "#### ❌ Missing English (1)" in summary(site)


def test_translate_check_without_pull_request_still_fails(site: Path, capsys):
    assert main(["translate", "--check"]) == 1
    assert "docs/essais/essai.md:1: no English version" in capsys.readouterr().out
    assert not (site / "summary.md").exists()  # text format writes no summary


def test_a_persons_stale_block_is_shown_with_its_french(site: Path, capsys):
    assert main(["translate", "--provider", "pseudo"]) == 0
    english = site / "docs/essais/essai.en.md"
    machine = english.read_text(encoding="utf-8").split("\n\n")[2]
    english.write_text(english.read_text(encoding="utf-8").replace(machine, "First, by a person."), "utf-8")
    assert main(["translate", "--provider", "pseudo"]) == 0  # records the person's block
    edit(site / "docs/essais/essai.md", "la pluie et du beau temps", "la grêle")
    capsys.readouterr()
    assert main(["translate", "--check", "--pull-request", "--format", "github"]) == 0
    out = capsys.readouterr().out
    stale = next(line for line in out.splitlines() if "A person's English block is behind its French" in line)
    assert stale.startswith("::warning file=docs/essais/essai.md,line=10,")
    assert "French changes: Premier paragraphe : il parle de la [-pluie et du beau temps-]{+grêle+}." in stale
    assert "%0AEnglish to edit (docs/essais/essai.en.md:10): First, by a person." in stale
    assert "```text\n  French changes: Premier paragraphe : il parle de la [-pluie" in summary(site)


def test_a_persons_stale_block_fails_the_check_outside_a_pull_request(site: Path, capsys):
    assert main(["translate", "--provider", "pseudo"]) == 0
    english = site / "docs/essais/essai.en.md"
    machine = english.read_text(encoding="utf-8").split("\n\n")[2]
    english.write_text(english.read_text(encoding="utf-8").replace(machine, "First, by a person."), "utf-8")
    assert main(["translate", "--provider", "pseudo"]) == 0
    edit(site / "docs/essais/essai.md", "la pluie et du beau temps", "la grêle")
    capsys.readouterr()
    assert main(["translate", "--check", "--format", "github"]) == 1
    assert capsys.readouterr().out.startswith("::error file=docs/essais/essai.md,line=10,")


def test_check_translation_annotates_the_english_line(site: Path, capsys):
    assert main(["translate", "--provider", "pseudo"]) == 0
    english = site / "docs/essais/essai.en.md"
    english.write_text(
        english.read_text(encoding="utf-8").replace("https://exemple.org/a", "https://x.org"), "utf-8"
    )
    capsys.readouterr()
    french = "docs/essais/essai.md"
    assert main(["check-translation", french, "docs/essais/essai.en.md", "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(
        "::error file=docs/essais/essai.en.md,line=12,title=Translation differs from its French::"
    )
    assert "#### ❌ Translation differs from its French (1)" in summary(site)


def test_format_is_refused_outside_check(site: Path, capsys):
    assert main(["translate", "--format", "github"]) == 1
    assert "--pull-request and --format apply to --check only" in capsys.readouterr().err


def test_on_a_pull_request_only_the_advice_the_workflow_takes_over_changes():
    outdated = Problem("error", "no English version", Path("a.md"), 1)
    pseudo = Problem("error", "English from a test provider", Path("b.md"), 1)
    problems = Problems(unreadable=[], outdated=[outdated], test_output=[pseudo])
    advice = problems.advice(for_pull_request=True)
    assert any("the translation workflow does it after the merge" in line for line in advice)
    assert not any(line.startswith("1 English file(s) to update") for line in advice)
    # the test provider's English still says how to replace it: the workflow never does that
    assert any("hold text from a test provider" in line for line in advice)
    assert problems.advice() == [line for line in problems.advice() if "after the merge" not in line]
