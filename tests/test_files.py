from __future__ import annotations

import fcntl
import os
import re
import signal
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from bilingue.errors import SourceFileError
from bilingue.files import (
    TEMP_SUFFIX,
    FolderBusyError,
    atomic_write_text,
    claim_folders,
    create_text_file,
    leftover_temp_files,
    link_free_files,
    read_text,
    refuse_links_outside,
)


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


# --- claim_folders: the lock, and the clean-up after a killed writer ------------------------------


def killed_writer_leftover(folder: Path, name: str) -> Path:
    """What ``kill -9`` between the write and the rename of ``atomic_write_text`` leaves."""
    descriptor, temp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=TEMP_SUFFIX, dir=folder)
    os.write(descriptor, b"half a fi")
    os.close(descriptor)
    return Path(temp_name)


def test_claiming_a_folder_removes_what_a_killed_writer_left_and_nothing_else(tmp_path):
    (tmp_path / "x.en.md").write_text("kept", encoding="utf-8")
    (tmp_path / ".notes.tmp").write_text("a person's file", encoding="utf-8")
    (tmp_path / ".notes.20240101.tmp").write_text("another", encoding="utf-8")
    leftover = killed_writer_leftover(tmp_path, "x.lock.json")
    assert leftover_temp_files(tmp_path) == [leftover]
    with claim_folders([tmp_path]) as removed:
        assert removed == [leftover.resolve()]
    assert sorted(os.listdir(tmp_path)) == [".notes.20240101.tmp", ".notes.tmp", "x.en.md"]


def test_a_folder_another_process_holds_is_a_clear_error_and_is_left_alone(tmp_path):
    leftover = killed_writer_leftover(tmp_path, "x.en.md")
    holder = os.open(tmp_path, os.O_RDONLY)  # a second open file: to flock, another holder
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)
        busy = r"another process is writing here \(a test run\)"
        with pytest.raises(FolderBusyError, match=busy), claim_folders([tmp_path], what="a test run"):
            pass
        assert leftover.exists()  # it may be the other process's write in progress
    finally:
        os.close(holder)


def test_the_lock_is_released_on_exit_and_a_nested_claim_does_not_wait_for_itself(tmp_path):
    with claim_folders([tmp_path]), claim_folders([tmp_path], wait=True) as removed:
        assert removed == []
    probe = os.open(tmp_path, os.O_RDONLY)
    try:
        fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises BlockingIOError if still held
    finally:
        os.close(probe)


def test_a_holder_killed_with_sigkill_releases_the_folder(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_AND_SLEEP, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(FolderBusyError), claim_folders([tmp_path]):
            pass
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with claim_folders([tmp_path]) as removed:
        assert removed == []


HOLD_AND_SLEEP = """
import fcntl, os, sys, time
descriptor = os.open(sys.argv[1], os.O_RDONLY)
fcntl.flock(descriptor, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(60)
"""


# --- read_text ----------------------------------------------------------------------------------


def test_read_text_reads_utf8_with_universal_newlines(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes("été\r\nhiver\rfin\n".encode())
    assert read_text(path) == "été\nhiver\nfin\n" == path.read_text(encoding="utf-8")


def test_read_text_names_the_line_of_the_first_byte_that_is_not_utf8(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes("---\ntitle: Un été\n---\n".encode("latin-1"))
    with pytest.raises(SourceFileError) as caught:
        read_text(path)
    assert caught.value.line == 2
    assert str(caught.value).startswith(f"{path}:2: not UTF-8 text (")
    assert str(caught.value).endswith("(save the file as UTF-8)")


def test_read_text_refuses_a_folder_and_a_missing_file_by_name(tmp_path):
    with pytest.raises(SourceFileError, match=f"^{re.escape(str(tmp_path))}: is a folder, not a file"):
        read_text(tmp_path)
    with pytest.raises(SourceFileError, match=r"absent\.md: file not found"):
        read_text(tmp_path / "absent.md")


@pytest.mark.parametrize("linked", ["the file", "its folder", "a folder above"])
def test_read_text_follows_links_inside_the_project_and_refuses_links_out_of_it(tmp_path, linked):
    project, outside = tmp_path / "project", tmp_path / "outside"
    for root in (project, outside):
        (root / "real" / "essais").mkdir(parents=True)
        (root / "real" / "essais" / "x.md").write_text(f"# {root.name}\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    link, target = {
        "the file": (project / "x.md", Path("real/essais/x.md")),
        "its folder": (project / "essais", Path("real/essais")),
        "a folder above": (project / "docs", Path("real")),
    }[linked]
    read = {"the file": "x.md", "its folder": "essais/x.md", "a folder above": "docs/essais/x.md"}[linked]
    link.symlink_to(project / target)
    assert read_text(project / read) == "# project\n"
    link.unlink()
    link.symlink_to(outside / target)
    with pytest.raises(SourceFileError, match="is a symbolic link to a file outside the project: refused"):
        read_text(project / read)
    link.unlink()
    link.symlink_to(outside / "nowhere")  # leads out of the project, to nothing: still refused
    with pytest.raises(SourceFileError, match="is a symbolic link to a file outside the project: refused"):
        read_text(project / read)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_read_text_refuses_a_link_to_a_named_pipe_without_waiting_for_a_writer(tmp_path):
    # a plain open of a pipe blocks until somebody writes: a pull request's link to one must not
    # stall the build (the read runs in a thread so that a regression fails instead of hanging)
    project = tmp_path / "project"
    project.mkdir()
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    (project / "x.md").symlink_to(pipe)
    outcome: list[BaseException] = []
    reader = threading.Thread(target=lambda: _catch(outcome, read_text, project / "x.md"))
    reader.start()
    reader.join(60)
    if reader.is_alive():  # unblock the open so the thread ends, then fail
        with open(pipe, "wb"):
            pass
        reader.join()
        pytest.fail("read_text waited for a writer on a named pipe")
    assert len(outcome) == 1 and isinstance(outcome[0], SourceFileError), outcome
    assert "symbolic link to a file outside the project" in str(outcome[0])


def _catch(outcome: list[BaseException], function, *args) -> None:
    try:
        function(*args)
    except BaseException as error:  # handed to the test's assertions
        outcome.append(error)


def test_a_rewrite_keeps_the_files_mode(tmp_path):
    target = tmp_path / "x.en.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o644)
    atomic_write_text(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    target.chmod(0o640)
    atomic_write_text(target, "newer")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_new_file_follows_the_umask(tmp_path):
    previous = os.umask(0o027)
    try:
        atomic_write_text(tmp_path / "new.md", "text")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o640


def test_read_text_refuses_a_link_into_the_git_folder(tmp_path):
    # CI's checkout keeps a token in .git/config: a link there must not be read or published
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("[http]\n\textraheader = AUTHORIZATION: x\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "x.md").symlink_to(tmp_path / ".git" / "config")
    with pytest.raises(SourceFileError, match=r"symbolic link into the project's \.git folder"):
        read_text(tmp_path / "docs" / "x.md")


def test_a_created_file_gets_the_mode_a_plain_open_gives(tmp_path):
    target = tmp_path / "essai.md"
    assert create_text_file(target, "# Essai\n")
    plain = tmp_path / "plain.md"
    plain.write_text("", encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == stat.S_IMODE(plain.stat().st_mode)


def _tree_with_links(tmp_path: Path) -> Path:
    """docs/ with plain files, links to files and to folders, inside and outside the project."""
    project, outside = tmp_path / "project", tmp_path / "outside"
    (project / "docs" / "essais" / "2024").mkdir(parents=True)
    (project / "docs" / "assets").mkdir()
    (outside / "folder").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    for path in (
        project / "docs" / "index.md",
        project / "docs" / "essais" / "x.md",
        project / "docs" / "essais" / "2024" / "y.md",
        project / "docs" / "assets" / "a.css",
        project / "notes.md",
        outside / "secret.md",
        outside / "folder" / "z.md",
    ):
        path.write_text("x\n", encoding="utf-8")
    docs = project / "docs"
    (docs / "inside.md").symlink_to(docs / "essais" / "x.md")
    (docs / "above.md").symlink_to(project / "notes.md")
    (docs / "leak.md").symlink_to(outside / "secret.md")
    (docs / "essais" / "linked").symlink_to(docs / "assets")
    (docs / "essais" / "out").symlink_to(outside / "folder")
    (docs / "broken.md").symlink_to(outside / "nowhere.md")
    return docs


def test_link_free_files_lists_exactly_the_files_reached_without_a_link(tmp_path):
    docs = _tree_with_links(tmp_path)
    assert link_free_files(docs) == {
        str(docs / "index.md"),
        str(docs / "essais" / "x.md"),
        str(docs / "essais" / "2024" / "y.md"),
        str(docs / "assets" / "a.css"),
    }


def test_link_free_files_agree_with_refuse_links_outside_on_every_file_mkdocs_sees(tmp_path):
    # MkDocs walks docs/ following links: every file it finds is either listed (and then
    # refuse_links_outside has nothing to say) or left to refuse_links_outside itself
    docs = _tree_with_links(tmp_path)
    listed = link_free_files(docs)
    seen = [os.path.join(root, name) for root, _, names in os.walk(docs, followlinks=True) for name in names]
    assert len(seen) > len(listed) > 0
    refused = []
    for path in seen:
        try:
            refuse_links_outside(path)
        except SourceFileError:
            refused.append(os.path.relpath(path, docs))
            assert path not in listed
        if path in listed:
            assert os.path.realpath(path) == path
    assert sorted(refused) == ["broken.md", "essais/out/z.md", "leak.md"]


def test_nothing_is_link_free_in_a_folder_reached_through_a_link(tmp_path):
    docs = _tree_with_links(tmp_path)
    (tmp_path / "alias").symlink_to(docs)
    assert link_free_files(tmp_path / "alias") == frozenset()
    assert link_free_files(tmp_path / "absent") == frozenset()
