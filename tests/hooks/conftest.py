"""Each hook function called alone, with real MkDocs objects (as MkDocs' own plugin tests do).

``project`` is a throw-away copy of the site; ``mkdocs_config`` its loaded mkdocs.yml, in the
French pass (``english_pass`` switches it to the English one, as mkdocs-static-i18n does);
``make_page`` builds a real ``Page`` of one of its files, with the front matter given.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.pages import Page

from bilingue.build_state import start_build
from tests.conftest import copy_project


@pytest.fixture(autouse=True)
def _project_settings_only(monkeypatch):
    # the developer's environment must not change the settings the hooks read
    for name in (
        "BILINGUE_MODE",
        "BILINGUE_PROVIDER",
        "BILINGUE_DOCS",
        "BILINGUE_ESSAYS",
        "BILINGUE_SOURCES",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture
def mkdocs_config(project: Path) -> MkDocsConfig:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    start_build(config)  # what the first hook's on_config does
    return config


def english_pass(config: MkDocsConfig) -> MkDocsConfig:
    """The same config during i18n's English pass (i18n sets the theme's language)."""
    config.theme["language"] = "en"
    return config


def read_pass(config: MkDocsConfig) -> Files:
    """What MkDocs does before pages are rendered, for the pass the config is in: the essays hook
    starts the pass and reads the pages into the build's corpus (adding the listing pages)."""
    from hooks import essays

    essays.on_pre_build(config)
    config.plugins._current_plugin = None  # what MkDocs' own build sets before collecting files
    return essays.on_files(get_files(config), config)


@pytest.fixture
def make_page(mkdocs_config: MkDocsConfig):
    def make(src_uri: str, meta: dict | None = None, files: Files | None = None) -> Page:
        file = files.get_file_from_path(src_uri) if files is not None else None
        if file is None:
            file = File(
                src_uri, mkdocs_config.docs_dir, mkdocs_config.site_dir, mkdocs_config.use_directory_urls
            )
        page = Page(None, file, mkdocs_config)
        page.meta = dict(meta or {})
        return page

    return make


@pytest.fixture
def files(mkdocs_config: MkDocsConfig) -> Files:
    """The French pass's files, read into the build's corpus."""
    return read_pass(mkdocs_config)
