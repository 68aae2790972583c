"""The files a contributor meets: pre-commit hooks that run, the PR and issue templates, lock files
collapsed in diffs, the devcontainer that previews the site, the code's license."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def hooks() -> list[dict]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return [hook for repo in config["repos"] for hook in repo["hooks"]]


@pytest.mark.parametrize("hook", hooks(), ids=lambda hook: hook["id"])
def test_every_pre_commit_hook_runs_clean_on_the_repository(hook: dict):
    """Each hook's command, as pre-commit runs it (with a matching file when it takes files)."""
    assert hook["language"] == "system" and hook["entry"].startswith(".venv/bin/")
    command = shlex.split(hook["entry"].replace(".venv/bin/", f"{Path(sys.prefix) / 'bin'}/", 1))
    if hook.get("pass_filenames", True):
        if hook["id"] == "ruff-format":
            command.append("--check")  # the hook formats in place; the test only looks
        command.append("src/bilingue/reporting.py")
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_content_hooks_fail_on_a_bad_essay(tmp_path: Path):
    """The hooks are real checks: the same commands fail on an essay citing an unknown source."""
    (tmp_path / "docs" / "essais").mkdir(parents=True)
    (tmp_path / "sources.yml").write_text((ROOT / "sources.yml").read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "docs" / "essais" / "x.md").write_text(
        "---\ntitle: X\ndate: 2026-01-01\ndescription: D\n---\n\n# X\n\nTexte.[^src:inconnue]\n", "utf-8"
    )
    by_id = {hook["id"]: hook for hook in hooks()}
    for hook_id in ("sources", "english"):
        entry = by_id[hook_id]["entry"].replace(".venv/bin/python", sys.executable, 1)
        done = subprocess.run([*shlex.split(entry), "--root", str(tmp_path)], capture_output=True, text=True)
        assert done.returncode == (1 if hook_id == "sources" else 0), done.stdout + done.stderr
        assert ("inconnue" if hook_id == "sources" else "no English version") in done.stdout


def test_lock_files_are_generated_and_english_files_are_not():
    attributes = subprocess.run(
        [
            "git",
            "check-attr",
            "linguist-generated",
            "diff",
            "--",
            "docs/essais/x.lock.json",
            "docs/essais/x.en.md",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "x.lock.json: linguist-generated: true" in attributes and "x.lock.json: diff: unset" in attributes
    assert "x.en.md: linguist-generated: unspecified" in attributes


def test_pull_request_template_has_the_contributing_checklist():
    template = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    for step in ("bilingue new", "sources.yml", "make serve", "translate", "make check"):
        assert step in template
    assert len(re.findall(r"^- \[ \]", template, flags=re.MULTILINE)) >= 5


def test_issue_templates_for_an_essay_a_source_and_a_translation():
    folder = ROOT / ".github" / "ISSUE_TEMPLATE"
    names = []
    for path in sorted(folder.glob("*.md")):
        front_matter = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        assert front_matter["about"] and front_matter["labels"]
        names.append(front_matter["name"])
    assert names == [
        "Proposer un essai / Propose an essay",
        "Erreur de traduction / Translation error",
        "Chiffre ou source erronés / Wrong figure or source",
    ]


def test_devcontainer_serves_the_site_on_a_forwarded_port():
    text = (ROOT / ".devcontainer" / "devcontainer.json").read_text(encoding="utf-8")
    config = json.loads("\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//")))
    assert config["postCreateCommand"] == "make install"
    assert "make serve" in config["postAttachCommand"].values()
    assert config["forwardPorts"] == [8000]  # make serve's default address: 127.0.0.1:8000
    assert "ADDR    ?= 127.0.0.1:8000" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_code_license_is_mit_as_pyproject_says_and_the_essays_license_is_left_to_the_owner():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["license"] == {"text": "MIT"}
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith("MIT License") and "does not cover the essays" in license_text
    assert "SITE OWNER: the essays' license is yours to choose" in (ROOT / "README.md").read_text(
        encoding="utf-8"
    )


def test_contributing_guides_exist_in_both_languages_and_cover_every_step():
    french = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    english = (ROOT / "CONTRIBUTING.en.md").read_text(encoding="utf-8")
    for text in (french, english):
        for step in ("bilingue new", "[^src:", "make serve", "bilingue translate", "make check", "lock.json"):
            assert step in text
    assert "CONTRIBUTING.en.md" in french and "CONTRIBUTING.md" in english
