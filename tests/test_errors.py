"""Errors as the build shows them: a ``BilingueError`` becomes MkDocs' ``PluginError``."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from bilingue.errors import BilingueError, SourceFileError, reported_as_build_errors


@reported_as_build_errors()
def hook(error: Exception) -> None:
    raise error


def test_a_bilingue_error_becomes_a_plugin_error_without_its_chain():
    with pytest.raises(PluginError) as caught:
        hook(BilingueError("unknown translation provider 'googel'"))
    assert str(caught.value) == "unknown translation provider 'googel'"
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_a_file_in_the_current_folder_is_named_relative_to_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    error = SourceFileError(
        tmp_path / "docs" / "x.md", 3, "front matter field 'date': bad", "write YYYY-MM-DD"
    )
    with pytest.raises(
        PluginError, match=r"^docs/x\.md:3: front matter field 'date': bad \(write YYYY-MM-DD\)$"
    ):
        hook(error)
    elsewhere = SourceFileError(Path("/elsewhere/x.md"), None, "file not found")
    with pytest.raises(PluginError, match=r"^/elsewhere/x\.md: file not found$"):
        hook(elsewhere)


def test_other_exceptions_pass_through_unchanged():
    with pytest.raises(KeyError):
        hook(KeyError("a bug stays a bug, with its traceback"))
