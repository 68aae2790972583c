"""The pull-request workflow, run here: every ``run:`` step of .github/workflows/pull-request.yml
on a clean clone of this repository, with GitHub's environment variables pointed at temporary
files, for a pull request that adds an essay with no English file and an unknown source.

The clone gets the commit checked out here plus its uncommitted changes to tracked files (the
code under review), then the pull request's own commit. The steps that need the network are not
run (``SKIPPED`` says why); the clone's ``.venv`` is the one running these tests, already holding
the pinned tools (the install step would fetch the very same from PyPI).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "pull-request.yml"

#: (job, step name) -> why the test does not run it
SKIPPED = {
    ("checks", "Install the pinned tools"): "installs from PyPI (network); the test reuses the .venv",
    ("checks", "Install actionlint"): "downloads the actionlint binary from github.com (network)",
    ("checks", "Tests (the browser tests run in their own job)"): "the test suite itself, this test "
    "included (it would run itself); `make test` runs it",
    ("browser", "Install the pinned tools"): "installs from PyPI (network)",
    ("browser", "Chromium"): "installs Chromium with apt when missing (network)",
    ("browser", "Browser tests"): "part of the test suite (`make test` runs it)",
}

ESSAY = """\
---
title: Un nouvel essai
date: 2026-11-30
description: Proposé par une contributrice.
tags: [test]
---

# Un nouvel essai

Un premier paragraphe sans chiffre.

Une phrase qui cite une source absente du registre.[^src:source-inconnue]
"""
UNKNOWN_SOURCE_LINE = 12

pytestmark = pytest.mark.build  # it builds the site (seconds): not in `make test-fast`


@dataclass(frozen=True)
class StepRun:
    name: str
    returncode: int
    output: str  # stdout and stderr
    summary: str  # what the step wrote to $GITHUB_STEP_SUMMARY


@pytest.fixture(scope="module")
def pull_request(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean clone of this repository with the pull request's commit on top."""
    clone = tmp_path_factory.mktemp("pr") / "repo"
    git("clone", "--quiet", "--no-hardlinks", str(ROOT), str(clone))
    git("checkout", "--quiet", git("rev-parse", "HEAD", cwd=ROOT).strip(), cwd=clone)
    changes = subprocess.run(["git", "diff", "HEAD", "--binary"], cwd=ROOT, capture_output=True, check=True)
    if changes.stdout:
        subprocess.run(["git", "apply", "--whitespace=nowarn"], cwd=clone, input=changes.stdout, check=True)
    (clone / ".venv").symlink_to(Path(sys.prefix))
    for name in ("requirements.txt", "requirements-dev.txt", "constraints.txt", "pyproject.toml"):
        os.utime(clone / name, (0, 0))  # older than the .venv's stamps: make installs nothing
    (clone / "docs" / "essais" / "nouvel-essai.md").write_text(ESSAY, encoding="utf-8")
    with (clone / "tags.yml").open("a", encoding="utf-8") as tags:  # the essay's tag has its label
        tags.write("test: test\n")
    git("add", "docs/essais/nouvel-essai.md", "tags.yml", cwd=clone)
    git(
        "-c", "user.name=Contributrice", "-c", "user.email=c@example.org", "commit", "-qm", "Essai", cwd=clone
    )
    return clone


@pytest.fixture(scope="module")
def runs(pull_request: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, StepRun]:
    """Each step of the workflow that runs here, in order, as GitHub would run it."""
    github = tmp_path_factory.mktemp("github")
    event = github / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": 1}}), encoding="utf-8")
    results = {}
    for job, step in workflow_steps():
        if (job, step["name"]) in SKIPPED:
            continue
        summary = github / f"summary-{len(results)}.md"
        summary.touch()
        env = {
            key: value for key, value in os.environ.items() if not key.startswith(("GITHUB_", "BILINGUE_"))
        }
        env.update(
            CI="true",
            GITHUB_ACTIONS="true",
            GITHUB_EVENT_NAME="pull_request",
            GITHUB_EVENT_PATH=str(event),
            GITHUB_WORKSPACE=str(pull_request),
            GITHUB_STEP_SUMMARY=str(summary),
            GITHUB_OUTPUT=str(github / "output"),
            GITHUB_ENV=str(github / "env"),
            GITHUB_PATH=str(github / "path"),
            RUNNER_TEMP=str(github),
            **{key: str(value) for key, value in step.get("env", {}).items()},
        )
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],  # GitHub's `bash`
            cwd=pull_request,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        results[step["name"]] = StepRun(
            step["name"], done.returncode, done.stdout + done.stderr, summary.read_text(encoding="utf-8")
        )
    return results


def test_every_step_runs_here_or_is_skipped_for_a_stated_reason():
    steps = {(job, step["name"]) for job, step in workflow_steps()}
    assert set(SKIPPED) <= steps, "a skipped step was renamed or removed: update SKIPPED"
    assert len(steps - set(SKIPPED)) >= 4
    for _, step in workflow_steps():
        assert "${{" not in step["run"], f"{step['name']}: pass GitHub values through env:, not ${{{{ }}}}"


def test_an_unknown_source_is_an_error_on_its_line(runs: dict[str, StepRun]):
    step = runs["Sources and citations"]
    assert step.returncode == 1, step.output
    where = f"file=docs/essais/nouvel-essai.md,line={UNKNOWN_SOURCE_LINE}"
    assert (
        f"::error {where},title=Source or citation error::unknown source id 'source-inconnue'" in step.output
    )
    assert "#### ❌ Source or citation error (1)" in step.summary
    assert f"- `docs/essais/nouvel-essai.md:{UNKNOWN_SOURCE_LINE}`: unknown source id" in step.summary


def test_missing_english_is_a_warning_saying_what_the_translation_workflow_will_do(runs):
    step = runs["English versions"]
    assert step.returncode == 0, step.output
    assert (
        "::warning file=docs/essais/nouvel-essai.md,line=1,title=Missing English::no English version: "
        "after the merge, the translation workflow translates"
    ) in step.output
    assert "commits nouvel-essai.en.md and nouvel-essai.lock.json" in step.output
    assert "#### ⚠️ Missing English (1)" in step.summary
    assert "- `docs/essais/nouvel-essai.md:1`: no English version" in step.summary


def test_the_english_files_of_the_repository_match_their_french(runs):
    step = runs["English files match their French (structure, code, links, footnotes)"]
    assert step.returncode == 0, step.output
    assert "mystique.en.md: matches docs/essais/mystique.md" in step.output


def test_the_strict_build_fails_on_the_unknown_source_not_on_the_missing_english(runs):
    step = runs["Build the site (strict; nothing translated or sent)"]
    assert step.returncode == 1
    assert "source-inconnue" in step.output
    assert "no English version" not in step.output


def test_lint_passes_on_the_clone(runs):
    step = runs["Lint"]
    assert step.returncode == 0, step.output
    assert "no findings" in step.output.lower()


# --- helpers ------------------------------------------------------------------------------------


def workflow_steps() -> list[tuple[str, dict]]:
    """(job id, step) for every step of the workflow that has a ``run:``."""
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return [
        (job_id, step) for job_id, job in workflow["jobs"].items() for step in job["steps"] if "run" in step
    ]


def git(*args: str, cwd: Path | None = None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout
