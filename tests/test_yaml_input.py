"""Billion laughs and oversize YAML: refused with file and line by check, translate and the build,
in linear time and bounded memory (measured on the child process, bounds loose: shared CI)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bilingue import yaml_input
from bilingue.errors import SourceFileError
from bilingue.frontmatter import split_front_matter
from tests.conftest import build_site, copy_project


def bomb(levels: int = 9, indent: str = "") -> str:
    """``levels`` of aliases, each a list of nine of the previous: 9**levels items once walked."""
    lines = [f'{indent}a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels + 1):
        previous = f"*a{level - 1}"
        lines.append(f"{indent}a{level}: &a{level} [{','.join([previous] * 9)}]")
    return "\n".join(lines) + "\n"


def run(arguments: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess, int]:
    """A CLI run and its own peak resident size (KiB), which it reports itself. The timeout only
    stops a run that never ends (a bomb expanded at 9 levels would): memory is the measure."""
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED, *arguments], cwd=cwd, capture_output=True, text=True, timeout=300
    )
    peak = re.search(r"peak-rss-kib=(\d+)", result.stderr)
    assert peak, result.stderr
    return result, int(peak.group(1))


_MEASURED = (
    "import resource, sys\n"
    "from bilingue.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print(f'peak-rss-kib={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}', file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def test_an_alias_is_refused_with_its_line():
    with pytest.raises(yaml_input.RefusedYAMLError) as caught:
        yaml_input.safe_load(bomb(2))
    assert caught.value.problem_mark.line + 1 == 2  # the first alias
    assert "aliases (*a0) are not allowed" in caught.value.problem


def test_an_oversize_document_is_refused_before_parsing():
    with pytest.raises(yaml_input.RefusedYAMLError, match="more than the"):
        yaml_input.safe_load("k: " + "x" * (yaml_input.MAX_BYTES + 1))


def test_front_matter_with_aliases_names_the_file_and_line():
    text = "---\ntitle: T\n" + bomb(3) + "---\n\nCorps.\n"
    with pytest.raises(SourceFileError) as caught:
        split_front_matter(text, "docs/essais/x.md")
    assert caught.value.line == 4 and "aliases" in caught.value.problem


def test_check_refuses_a_sources_yml_bomb_fast_and_small(tmp_path):
    project = copy_project(tmp_path / "project")
    with (project / "sources.yml").open("a", encoding="utf-8") as registry:
        registry.write("\nbomb:\n" + bomb(9, indent="  "))
    result, peak_kib = run(["check", "--no-claims"], project)
    assert result.returncode == 1
    assert "sources.yml" in result.stdout and "aliases (*a0) are not allowed" in result.stdout
    assert peak_kib < 400_000  # the bomb took 29 s and 1.8 GB at 7 levels; refused, it costs nothing


def test_translate_and_the_build_refuse_a_front_matter_bomb(tmp_path):
    project = copy_project(tmp_path / "project")
    essay = project / "docs" / "essais" / "bombe.md"
    essay.write_text("---\ntitle: Bombe\ndate: 2025-01-01\n" + bomb(9) + "---\n\nCorps.\n", encoding="utf-8")
    result, peak_kib = run(["translate", "docs/essais/bombe.md", "--provider", "pseudo"], project)
    assert result.returncode != 0 and "bombe.md:5" in result.stdout + result.stderr
    assert "aliases" in result.stdout + result.stderr and peak_kib < 400_000
    log = build_site(project, tmp_path / "site", mode="off", expect_failure=True)
    assert "bombe.md:5" in log and "aliases" in log


def test_key_lines_says_where_each_key_and_item_is_written():
    text = (
        "# settings\n"
        "translation:\n"
        "  'mode': auto\n"
        "  paths:\n"
        "    - docs/essais\n"
        "    - docs/autres\n"
        "  providers: {timeout: 3}\n"
        "translation:\n"  # repeated: the last one is what a load keeps
        "  mode: off\n"
    )
    lines = yaml_input.key_lines(text)
    assert lines.line_of("translation") == 8 and lines.line_of("translation", "mode") == 9
    assert yaml_input.key_lines(text.rsplit("translation:\n", 1)[0]).line_of("translation", "mode") == 3
    first = yaml_input.key_lines(text.rsplit("translation:\n", 1)[0])
    assert first.line_of("translation", "paths", 1) == 6
    assert first.line_of("translation", "providers", "timeout") == 7
    assert first.line_of("translation", "absent") == 2  # a value the file lacks: its section's line
    assert first.line_of("absent") is None and first.line_of() is None


def test_key_lines_keeps_the_rules_of_untrusted_yaml():
    with pytest.raises(yaml_input.RefusedYAMLError, match="aliases"):
        yaml_input.key_lines(bomb(levels=2))
    with pytest.raises(yaml_input.RefusedYAMLError, match="bytes"):
        yaml_input.key_lines("a: " + "x" * yaml_input.MAX_BYTES + "\n")
