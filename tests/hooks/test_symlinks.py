"""hooks/symlinks.py: docs/ entries leading out of the project stop the build, each named; the
files reached without any link are not looked up one by one (``link_free_files``)."""

from __future__ import annotations

import shutil

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import get_files

from hooks import symlinks


def test_links_out_of_the_project_are_each_named_and_links_inside_pass(mkdocs_config, project, tmp_path):
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.md").write_text("secret\n", encoding="utf-8")
    (outside / "folder" / "z.md").write_text("secret\n", encoding="utf-8")
    docs = project / "docs"
    (docs / "inside.md").symlink_to(docs / "index.md")
    (docs / "essais" / "linked").symlink_to(docs / "assets")
    files = get_files(mkdocs_config)
    assert symlinks.on_files(files, mkdocs_config) is files  # links inside the project: fine

    (docs / "leak.md").symlink_to(outside / "secret.md")
    (docs / "essais" / "out").symlink_to(outside / "folder")  # a folder: MkDocs walks into it
    with pytest.raises(PluginError) as error:
        symlinks.on_files(get_files(mkdocs_config), mkdocs_config)
    message = str(error.value)
    assert "docs/leak.md: is a symbolic link to a file outside the project" in message
    assert "docs/essais/out/z.md: is a symbolic link to a file outside the project" in message
    assert str(outside) not in message


def test_a_docs_folder_reached_through_a_link_is_checked_file_by_file(mkdocs_config, project, tmp_path):
    # docs/ itself a link to a folder outside the project: a plain file there, reached through
    # that link, is outside too, so nothing under docs/ counts as link-free
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "index.md").write_text("# Accueil\n", encoding="utf-8")
    shutil.rmtree(project / "docs")
    (project / "docs").symlink_to(pages)
    with pytest.raises(PluginError) as error:
        symlinks.on_files(get_files(mkdocs_config), mkdocs_config)
    message = str(error.value)
    assert "docs/index.md: is a symbolic link to a file outside the project" in message
    assert str(pages) not in message
