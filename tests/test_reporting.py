"""``bilingue.reporting``: GitHub annotations escaped as GitHub's toolkit does, repository-relative
paths, 1-based lines, and a step summary that untrusted text cannot break out of."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingue.reporting import (
    Problem,
    annotation,
    emit,
    escape_data,
    escape_property,
    repo_path,
    step_summary,
)


@pytest.fixture(autouse=True)
def outside_a_workflow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def test_message_escapes_percent_first_then_cr_and_lf():
    assert escape_data("100% sûr\r\nfin") == "100%25 sûr%0D%0Afin"
    assert escape_data("%0A") == "%250A"  # a literal "%0A" stays literal: % is escaped first


def test_property_also_escapes_colon_and_comma():
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"


def test_annotation_has_repository_relative_file_and_the_1_based_line(tmp_path: Path):
    essay = tmp_path / "docs" / "essais" / "x.md"
    problem = Problem("error", "unknown source id 'x'", essay, 3, title="Source error")
    assert annotation(problem, tmp_path) == (
        "::error file=docs/essais/x.md,line=3,title=Source error::unknown source id 'x'"
    )


def test_annotation_of_untrusted_text_cannot_start_a_command_or_a_property(tmp_path: Path):
    evil = tmp_path / "docs" / "a,line=1:b.md"
    problem = Problem("warning", "50 %\n::add-mask::secret\r", evil, 7, title="t:i,t")
    line = annotation(problem, tmp_path)
    assert (
        line == "::warning file=docs/a%2Cline=1%3Ab.md,line=7,title=t%3Ai%2Ct::50 %25%0A::add-mask::secret%0D"
    )
    assert "\n" not in line and "\r" not in line


def test_annotation_without_a_file_or_line():
    assert annotation(Problem("notice", "hello"), Path(".")) == "::notice::hello"
    assert (
        annotation(Problem("error", "no English", Path("x.md")), Path(".")) == "::error file=x.md::no English"
    )


def test_detail_goes_into_the_annotation_message_escaped():
    problem = Problem("warning", "stale", Path("x.md"), 2, detail="French now:\nBonjour")
    assert annotation(problem, Path(".")).endswith("::stale%0AFrench now:%0ABonjour")


def test_paths_are_relative_to_the_workspace_in_a_workflow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    site = tmp_path / "site-folder"
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    assert repo_path(site / "docs" / "x.md", site) == "site-folder/docs/x.md"
    monkeypatch.delenv("GITHUB_WORKSPACE")
    assert repo_path(site / "docs" / "x.md", site) == "docs/x.md"
    assert repo_path(Path("/elsewhere/y.md"), site) == "/elsewhere/y.md"


def test_relative_paths_given_on_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    assert repo_path(Path("docs/x.md"), Path(".")) == "docs/x.md"


def test_summary_groups_by_title_and_escapes_html(tmp_path: Path):
    problems = [
        Problem("error", "unknown id <script>", tmp_path / "a.md", 4, title="Source error"),
        Problem("warning", "no English version", tmp_path / "b.md", title="Missing English"),
        Problem("error", "again", tmp_path / "c.md", 1, title="Source error"),
    ]
    summary = step_summary("Checks", problems, tmp_path, closing=["2 error(s)"])
    assert summary.startswith("### Checks\n")
    assert "#### ❌ Source error (2)" in summary and "#### ⚠️ Missing English (1)" in summary
    assert "- `a.md:4`: unknown id &lt;script&gt;" in summary and "<script>" not in summary
    assert "- `b.md`: no English version" in summary
    assert summary.rstrip().endswith("2 error(s)")


def test_summary_detail_fence_cannot_be_closed_by_the_text(tmp_path: Path):
    problem = Problem("warning", "stale", tmp_path / "a.md", 2, detail="````\n# not a heading")
    summary = step_summary("T", [problem], tmp_path)
    assert "  `````text\n  ````\n  # not a heading\n  `````" in summary


def test_emit_github_appends_to_the_step_summary(tmp_path: Path, monkeypatch, capsys):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    emit(
        [Problem("error", "bad", tmp_path / "x.md", 1, title="Kind")],
        output_format="github",
        root=tmp_path,
        title="My check",
        closing=["1 error"],
    )
    assert capsys.readouterr().out == "::error file=x.md,line=1,title=Kind::bad\n1 error\n"
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### My check\n") and "- `x.md:1`: bad" in text


def test_emit_text_prints_the_commands_own_lines_and_writes_no_summary(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    emit([Problem("error", "bad", Path("x.md"), 2)], output_format="text", root=tmp_path, title="T")
    assert capsys.readouterr().out == "x.md:2: bad\n"
    assert list(tmp_path.iterdir()) == []


def test_emit_text_shows_the_detail_behind_a_margin(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    problem = Problem("warning", "stale", Path("x.md"), 3, detail="French now:\n::error::not a command")
    emit([problem], output_format="text", root=tmp_path, title="T")
    assert capsys.readouterr().out == "x.md:3: stale\n    | French now:\n    | ::error::not a command\n"
