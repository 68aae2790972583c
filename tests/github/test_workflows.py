"""What every workflow must be: actions pinned to a full commit SHA with its version, the least
permissions per job, no credentials left behind, no secrets in the pull-request checks."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))

#: the commits the workflows may use, checked against each action's tag (see guide/developers.md)
PINS = {
    "actions/checkout": ("3d3c42e5aac5ba805825da76410c181273ba90b1", "v7.0.1"),
    "actions/setup-python": ("5fda3b95a4ea91299a34e894583c3862153e4b97", "v7.0.0"),
    "actions/cache": ("27d5ce7f107fe9357f9df03efb73ab90386fccae", "v5.0.5"),
    "actions/upload-pages-artifact": ("fc324d3547104276b827a68afc52ff2a11cc49c9", "v5.0.0"),
    "actions/deploy-pages": ("cd2ce8fcbc39b97be8ca5fce6e763baed58fa128", "v5.0.0"),
}
#: jobs that push commits, and so keep the checkout's credentials
PUSHING_JOBS = {("publish.yml", "translate"), ("translate-pull-request.yml", "translate")}
USES = re.compile(r"^\s*(?:-\s*)?uses:\s*(?P<action>[^@\s]+)@(?P<ref>\S+)(?P<comment>.*)$")


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_three_workflows_are_there():
    assert {path.name for path in WORKFLOWS} == {
        "pull-request.yml",
        "publish.yml",
        "translate-pull-request.yml",
    }


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_known_commit_with_its_version(path: Path):
    lines = [USES.match(line) for line in path.read_text(encoding="utf-8").splitlines()]
    used = [match for match in lines if match]
    assert used
    for match in used:
        sha, version = PINS[match["action"]]
        assert match["ref"] == sha, f"{path.name}: {match['action']} must be pinned to {sha}"
        assert match["comment"].strip() == f"# {version}", f"{path.name}: say the version: # {version}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_no_default_permissions_and_each_job_says_what_it_needs(path: Path):
    workflow = load(path)
    assert workflow["permissions"] == {}
    for job_id, job in workflow["jobs"].items():
        assert "permissions" in job, f"{path.name}: job {job_id} must list its permissions"
        assert "write-all" not in str(job["permissions"])


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_credentials_are_kept_only_by_the_jobs_that_push(path: Path):
    for job_id, job in load(path)["jobs"].items():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                keeps = step.get("with", {}).get("persist-credentials", True)
                assert keeps == ((path.name, job_id) in PUSHING_JOBS), f"{path.name}: {job_id}"


def test_pull_request_checks_are_safe_for_forks():
    text = (ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8")
    workflow = load(ROOT / ".github" / "workflows" / "pull-request.yml")
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert list(triggers) == ["pull_request"]
    assert "secrets." not in text and "pull_request_target" not in text
    for job in workflow["jobs"].values():
        assert job["permissions"] == {"contents": "read"}


def test_translation_on_a_pull_request_is_for_same_repository_branches_with_the_label():
    workflow = load(ROOT / ".github" / "workflows" / "translate-pull-request.yml")
    assert workflow[True] == {"pull_request": {"types": ["labeled"]}}
    condition = workflow["jobs"]["translate"]["if"]
    assert "github.event.label.name == 'translate'" in condition
    assert "github.event.pull_request.head.repo.full_name == github.repository" in condition
    assert workflow["concurrency"]["cancel-in-progress"] is False


def test_publish_translates_then_builds_in_check_mode_then_deploys():
    jobs = load(ROOT / ".github" / "workflows" / "publish.yml")["jobs"]
    assert jobs["build"]["needs"] == "translate" and jobs["deploy"]["needs"] == "build"
    build = [step.get("run", "") for step in jobs["build"]["steps"]]
    assert any("BILINGUE_MODE=check" in run and "--strict" in run for run in build)
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert any("actions/cache@" in step.get("uses", "") for step in jobs["translate"]["steps"])


def test_dependabot_updates_actions_and_pip():
    config = load(ROOT / ".github" / "dependabot.yml")
    assert {update["package-ecosystem"] for update in config["updates"]} == {"github-actions", "pip"}


def test_zizmor_finds_nothing_in_the_workflows_dependabot_and_pre_commit_files():
    zizmor = Path(sys.prefix) / "bin" / "zizmor"
    done = subprocess.run(
        [str(zizmor), "--offline", "--strict-collection", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout


def test_zizmor_fails_on_an_unpinned_action_and_a_broken_workflow(tmp_path: Path):
    """The linter of `make lint` is a real check: it fails on what the tests above forbid."""
    zizmor = Path(sys.prefix) / "bin" / "zizmor"
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    bad = "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v7\n"
    (folder / "unpinned.yml").write_text(bad, encoding="utf-8")
    done = subprocess.run([str(zizmor), "--offline", str(tmp_path)], capture_output=True, text=True)
    assert done.returncode != 0 and "unpinned-uses" in done.stdout
    (folder / "unpinned.yml").write_text(bad.replace("steps:", "stepz:"), encoding="utf-8")
    done = subprocess.run(
        [str(zizmor), "--offline", "--strict-collection", str(tmp_path)], capture_output=True, text=True
    )
    assert done.returncode != 0


@pytest.mark.skipif(
    not (Path(sys.prefix) / "bin" / "actionlint").exists(),
    reason="actionlint not installed: `make actionlint` needs github.com (the pull-request workflow runs it)",
)
def test_actionlint_finds_nothing():
    done = subprocess.run(
        [str(Path(sys.prefix) / "bin" / "actionlint")], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
