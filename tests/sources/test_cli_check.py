"""``python -m bilingue check``: file:line messages, exit status 1 only on errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingue.cli import main
from tests.conftest import copy_project

REGISTRY = """\
openai-2024:
  title: New funding
  publisher: OpenAI
  url: https://openai.com/index/x/
  language: en
  figures:
    valuation: {value: 157e9, unit: USD}
unused:
  title: Nobody cites me
  publisher: Someone
  url: https://example.org/
  language: en
"""


def project(tmp_path: Path, essay: str, registry: str = REGISTRY) -> Path:
    (tmp_path / "docs" / "essais").mkdir(parents=True)
    (tmp_path / "sources.yml").write_text(registry, encoding="utf-8")
    (tmp_path / "docs" / "essais" / "x.md").write_text(essay, encoding="utf-8")
    return tmp_path


def test_errors_exit_1_with_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    root = project(tmp_path, "# X\n\nUne levée[^src:openai-2042].\n")
    assert main(["check", "--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert "Errors (1):" in out
    assert "docs/essais/x.md:3: unknown source id 'openai-2042'" in out
    assert "did you mean openai-2024?" in out
    assert "Warnings (2):" in out and "sources.yml:8: source 'unused' is not cited" in out


def test_warnings_claims_and_figures_are_listed_but_exit_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    root = project(tmp_path, "# X\n\nÀ 150 milliards.[^src:openai-2024]\n\nEt 395 000 enfants.\n")
    assert main(["check", "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert "Numbers that disagree with the cited sources' figures (1):" in out
    assert "x.md:3: '150 milliards' differs by 4.5%" in out
    assert "Numbers with no source in their sentence (1):" in out
    assert "x.md:5: '395 000' has no source in its sentence" in out
    assert out.rstrip().endswith(
        "0 error(s), 1 warning(s), 1 figure disagreement(s), 1 number(s) without a source"
    )


def test_options_tolerance_and_no_claims(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    root = project(tmp_path, "# X\n\nÀ 150 milliards.[^src:openai-2024] Et 395 000 enfants.\n")
    assert main(["check", "--root", str(root), "--tolerance", "0.05", "--no-claims"]) == 0
    out = capsys.readouterr().out
    assert "differs" not in out and "has no source" not in out


def test_registry_error_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    root = project(tmp_path, "# X\n", REGISTRY.replace("https://openai.com/index/x/", "openai"))
    assert main(["check", "--root", str(root)]) == 1
    assert "sources.yml:4: openai-2024.url: URL 'openai' must start with https://" in capsys.readouterr().out


def test_the_real_site_has_no_errors(root: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["check", "--root", str(root)]) == 0
    out = capsys.readouterr().out
    # the issue's own example: the essay says 150 milliards, the source says 157 billion
    assert "'150 milliards' differs by 4.5%" in out
    assert "openai-2024.valuation" in out


def test_a_missing_docs_folder_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    root = project(tmp_path, "# X\n")
    assert main(["check", "--root", str(root), "--docs", str(tmp_path / "nope")]) == 1
    assert f"{tmp_path / 'nope'}: no such folder (the pages" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("registry", "message"),
    [
        (None, "nope.yml: the sources registry does not exist"),
        ("a: [b\n", "nope.yml:2: invalid YAML"),
        ("- a list\n", "nope.yml:1: the registry must be a mapping"),
    ],
)
def test_an_unreadable_registry_is_one_error_and_the_pages_are_not_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], registry: str | None, message: str
):
    root = project(tmp_path, "# X\n\nUne levée[^src:openai-2024]. Une autre[^src:unused].\n")
    if registry is not None:
        (tmp_path / "nope.yml").write_text(registry, encoding="utf-8")
    assert main(["check", "--root", str(root), "--sources", str(tmp_path / "nope.yml")]) == 1
    out = capsys.readouterr().out
    assert "Errors (1):" in out and message in out
    assert "unknown source id" not in out
    assert "pages not checked" in out


def test_a_registry_that_is_not_a_file_or_not_utf8_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    root = project(tmp_path, "# X\n")
    assert main(["check", "--root", str(root), "--sources", str(tmp_path / "docs")]) == 1
    out = capsys.readouterr().out
    assert "Errors (1):" in out and "docs: is a folder, not a file" in out and "pages not checked" in out
    (tmp_path / "latin1.yml").write_bytes("a:\n  title: Ét\xe9\n".encode("latin-1"))
    assert main(["check", "--root", str(root), "--sources", str(tmp_path / "latin1.yml")]) == 1
    out = capsys.readouterr().out
    assert "Errors (1):" in out and "latin1.yml:2: not UTF-8 text" in out and "pages not checked" in out


def test_a_registry_with_some_bad_entries_still_checks_the_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    registry = REGISTRY.replace("url: https://example.org/", "url: x")
    root = project(tmp_path, "# X\n\nUne levée[^src:openai-2042].\n", registry)
    assert main(["check", "--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert "unknown source id 'openai-2042'" in out and "pages not checked" not in out


@pytest.mark.parametrize("tolerance", ["-1", "-0.01", "nan", "inf", "five"])
def test_a_tolerance_must_be_a_number_at_least_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tolerance: str
):
    with pytest.raises(SystemExit) as exit_:
        main(["check", "--root", str(tmp_path), f"--tolerance={tolerance}"])
    assert exit_.value.code == 2
    error = capsys.readouterr().err
    assert f"argument --tolerance: '{tolerance}': the tolerance must be a number >= 0" in error


def test_a_negative_tolerance_as_a_separate_argument_is_refused(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit):
        main(["check", "--tolerance", "-1"])
    assert "must be a number >= 0" in capsys.readouterr().err


def test_unknown_authors_and_untranslated_tags_are_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    essay = (
        "---\ntitle: X\ndate: 2024-01-01\ndescription: D.\nauthors: [inconnu]\ntags: [pluie]\n---\n\n# X\n"
    )
    root = project(tmp_path, essay, REGISTRY.split("unused:")[0])
    assert main(["check", "--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert "docs/essais/x.md:5: author 'inconnu' is not in authors.yml" in out
    assert "docs/essais/x.md:6: tag 'pluie' has no English label in tags.yml" in out
    (root / "tags.yml").write_text("pluie: rain\n", encoding="utf-8")
    (root / "authors.yml").write_text("inconnu:\n  name: I\n  bio: {fr: B., en: B.}\n", encoding="utf-8")
    assert main(["check", "--root", str(root)]) == 0


def test_a_broken_authors_registry_is_one_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    root = project(tmp_path, "# X\n", REGISTRY.split("unused:")[0])
    (root / "authors.yml").write_text("claire:\n  name: C\n  url: ftp://x\n", encoding="utf-8")
    assert main(["check", "--root", str(root)]) == 1
    assert "authors.yml:1: claire.bio: Field required" in capsys.readouterr().out


def test_a_malformed_citation_is_an_error_with_the_closest_valid_id(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    essay = project / "docs" / "essais" / "mystique.md"
    essay.write_text(
        essay.read_text(encoding="utf-8") + "\nUne phrase mal citée.[^src:OpenAI_2024]\n", encoding="utf-8"
    )
    line = essay.read_text(encoding="utf-8").count("\n")
    assert main(["check", "--root", str(project), "--no-claims"]) == 1
    out = capsys.readouterr().out
    assert f"mystique.md:{line}: malformed citation [^src:OpenAI_2024]" in out
    assert "did you mean [^src:openai-2024]?" in out


def test_the_folders_of_bilingue_yml_are_where_check_looks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    (tmp_path / "pages" / "textes").mkdir(parents=True)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "refs.yml").write_text(REGISTRY, encoding="utf-8")
    (tmp_path / "pages" / "textes" / "x.md").write_text(
        "# X\n\nUne levée[^src:openai-2042].\n", encoding="utf-8"
    )
    (tmp_path / "bilingue.yml").write_text(
        "folders:\n  docs: pages\n  sources: data/refs.yml\n", encoding="utf-8"
    )
    assert main(["check", "--root", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "pages/textes/x.md:3: unknown source id 'openai-2042'" in out
    assert "refs.yml:8: source 'unused' is not cited" in out
