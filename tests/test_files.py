from __future__ import annotations

import os

import pytest

from bilingue.files import atomic_write_text


def test_writes_and_replaces(tmp_path):
    target = tmp_path / "sub" / "x.en.md"
    atomic_write_text(target, "one")
    atomic_write_text(target, "two")
    assert target.read_text(encoding="utf-8") == "two"
    assert os.listdir(target.parent) == ["x.en.md"]  # no temp file left behind


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "x.en.md"
    target.write_text("old", encoding="utf-8")

    def broken_replace(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["x.en.md"]
