"""The build's shared state: the library is read once per language pass, and again at the next."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from bilingue.build_state import site_library, start_build
from tests.conftest import copy_project


def config_of(project: Path) -> SimpleNamespace:
    """What the hooks read of MkDocs' config (``build_state`` needs its file, ``site_library`` its extra)."""
    return SimpleNamespace(config_file_path=str(project / "mkdocs.yml"), extra={})


def test_the_library_is_read_once_per_pass_and_sees_an_edit_at_the_next_pass(tmp_path):
    project = copy_project(tmp_path / "project")
    config = config_of(project)
    start_build(config)
    library = site_library(config)
    essay = project / "docs" / "essais" / "mystique.md"
    titled = essay.read_text(encoding="utf-8").replace('title: "', 'title: "Retouché — ', 1)
    essay.write_text(titled, encoding="utf-8")
    assert site_library(config) is library  # every page of one pass: one library, no walk of the files
    start_build(config)  # the next pass (i18n's English one, or serve's next rebuild)
    [edited] = [essay for essay in site_library(config).essays if essay.slug == "mystique"]
    assert edited.french.meta.title.startswith("Retouché — ")
