"""Files from a pull request: symbolic links leading out of the project are never read, sent or
published; rewrites keep a file's mode. Real CLI runs and real builds."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import build_site, copy_project
from tests.sync.conftest import ESSAY

SECRET = "PRIVATE-KEY-MATERIAL-4242"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    private = tmp_path / "private"
    private.mkdir()
    (private / "id_rsa.md").write_text(ESSAY.replace("Premier paragraphe", SECRET), encoding="utf-8")
    return project


def cli(project: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bilingue", *arguments],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_an_essay_linked_outside_is_never_translated(project, tmp_path):
    leak = project / "docs" / "essais" / "leak.md"
    leak.symlink_to(tmp_path / "private" / "id_rsa.md")
    result = cli(project, "translate", "docs/essais", "--provider", "pseudo")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "leak.md: is a symbolic link to a file outside the project: refused" in output
    assert SECRET not in output and str(tmp_path / "private") not in output
    assert not (project / "docs" / "essais" / "leak.en.md").exists()


def test_an_english_file_linked_outside_is_not_adopted(project, tmp_path):
    english = project / "docs" / "essais" / "mystique.en.md"
    english.unlink()
    english.symlink_to(tmp_path / "private" / "id_rsa.md")
    result = cli(project, "translate", "docs/essais", "--provider", "pseudo")
    assert result.returncode == 1
    assert "mystique.en.md: is a symbolic link to a file outside the project" in result.stdout + result.stderr
    assert english.is_symlink()  # left as it is: the maintainer decides


def test_sources_yml_linked_outside_is_refused_by_check(project, tmp_path):
    (tmp_path / "private" / "sources.yml").write_text((project / "sources.yml").read_text())
    (project / "sources.yml").unlink()
    (project / "sources.yml").symlink_to(tmp_path / "private" / "sources.yml")
    result = cli(project, "check", "--no-claims")
    assert result.returncode == 1 and "sources.yml: is a symbolic link to a file outside" in result.stdout


@pytest.mark.build
@pytest.mark.parametrize("name", ["essais/leak.md", "assets/leak.png"])
def test_the_build_refuses_a_docs_link_leading_outside(project, tmp_path, name):
    link = project / "docs" / name
    link.symlink_to(tmp_path / "private" / "id_rsa.md")
    site = tmp_path / "site"
    log = build_site(project, site, mode="off", expect_failure=True)
    assert f"docs/{name}: is a symbolic link to a file outside the project" in log
    assert SECRET not in log
    published = [path for path in site.rglob("*") if path.is_file()] if site.exists() else []
    assert not any(SECRET in path.read_text(errors="ignore") for path in published)


@pytest.mark.build
def test_a_link_inside_the_project_still_builds(project, tmp_path):
    (project / "docs" / "assets" / "copy.css").symlink_to(
        project / "docs" / "assets" / "stylesheets" / "bilingue.css"
    )
    build_site(project, tmp_path / "site", mode="off")


def test_translate_keeps_the_mode_of_the_english_file_and_the_lock(project):
    essays = project / "docs" / "essais"
    (essays / "mystique.md").write_text(
        (essays / "mystique.md").read_text(encoding="utf-8") + "\nUn paragraphe de plus.\n", encoding="utf-8"
    )
    before = {
        name: (essays / name).read_text(encoding="utf-8") for name in ("mystique.en.md", "mystique.lock.json")
    }
    for name in before:
        (essays / name).chmod(0o644)
    result = cli(project, "translate", "docs/essais/mystique.md", "--provider", "pseudo")
    assert result.returncode == 0, result.stdout + result.stderr
    for name in before:
        assert (essays / name).read_text(encoding="utf-8") != before[name], f"{name} was not rewritten"
        assert stat.S_IMODE((essays / name).stat().st_mode) == 0o644, name
