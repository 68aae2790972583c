"""Files on disk: reading what an author wrote, writes that never leave a half-written file behind,
and the folder lock that goes with them.

``read_text`` is the one way to read an author's file (essay, English file, lock, settings): a
missing file, a folder or a file that is not UTF-8 is a ``SourceFileError`` naming it.
``atomic_write_text`` writes through ``.<name>.<random>.tmp`` and renames. Only ``kill -9`` (or a
power cut) between the two steps can leave such a temporary file; the target itself is always
either the old file or the new one. ``claim_folders`` is how a writer cleans up after such a
crash safely: it takes an exclusive lock on each folder (released by the system even when the
holder is killed), so a temporary file found under the lock belongs to a writer that is gone.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from bilingue import yaml_input
from bilingue.errors import BilingueError, SourceFileError, yaml_error

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; nothing is cleaned up there (see claim_folders)
    fcntl = None  # type: ignore[assignment]

TEMP_SUFFIX = ".tmp"


class FolderBusyError(BilingueError):
    """Another process holds the lock of a folder this run must write in."""


def read_yaml(path: Path | str, fix: str) -> Any:
    """The YAML data of a settings file (``bilingue.yml``, ``glossary.yml``...), read with
    ``read_text``; a syntax error is a ``SourceFileError`` at its line, saying ``fix``."""
    try:
        return yaml_input.safe_load(read_text(path))  # no aliases, no oversize document
    except yaml.YAMLError as error:
        raise yaml_error(path, error, fix) from error


def read_text(path: Path | str, *, exact: bool = False) -> str:
    """The text of a file an author wrote, or a ``SourceFileError`` saying why it cannot be read.

    Line ends become ``\n`` (universal newlines), unless ``exact``: essays are read exactly as
    written (CRLF, byte order mark) because their English versions keep those conventions.

    Every command and hook reads essays, English files, locks and settings through this one
    function, so a missing file, a folder given for a file, or a file not saved as UTF-8 (with the
    line of its first bad byte) gets the same clear message everywhere instead of a traceback.
    """
    path = Path(path)
    try:
        data = _read_bytes_inside_project(path)
    except FileNotFoundError:
        refuse_links_outside(path)  # a link out of the project says so, even when it leads nowhere
        raise SourceFileError(path, None, "file not found", "check the path") from None
    except IsADirectoryError:
        raise SourceFileError(path, None, "is a folder, not a file", "give the file's path") from None
    except OSError as error:
        raise SourceFileError(path, None, f"cannot be read ({error.strerror})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise SourceFileError(
            path, line, f"not UTF-8 text ({error.reason})", "save the file as UTF-8"
        ) from None
    if exact:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")  # universal newlines, as Path.read_text


def refuse_links_outside(path: Path | str) -> None:
    """A ``SourceFileError`` when ``path`` is (or goes through) a symbolic link that leads out of
    the project: a pull request could otherwise add ``docs/essais/x.md -> ~/.ssh/id_rsa`` and have
    the file sent to a translation service and published. Links inside the project are fine.

    The project is the nearest folder above ``path`` holding mkdocs.yml, bilingue.yml or .git
    (else the file's own folder). The link's target is not named: the build log may be public.
    """
    absolute = Path(os.path.abspath(path))
    real = Path(os.path.realpath(absolute))
    if real == absolute:
        return
    root = Path(os.path.realpath(project_root(absolute)))
    if not real.is_relative_to(root):
        raise SourceFileError(
            path,
            None,
            "is a symbolic link to a file outside the project: refused (never read, translated or published)",
            "put the file itself in the project instead of a link to it",
        )
    if real.is_relative_to(root / ".git"):  # git's own files: CI's checkout keeps its token there
        raise SourceFileError(
            path,
            None,
            "is a symbolic link into the project's .git folder: refused (never read or published)",
            "put the file itself in the project instead of a link to it",
        )


def link_free_files(folder: Path | str) -> frozenset[str]:
    """The files under ``folder`` reached without going through any symbolic link: absolute
    paths, as ``os.path.join`` writes them from ``os.path.abspath(folder)``.

    ``refuse_links_outside`` has nothing to say about such a path (its real path is itself), so
    a caller checking every file of a folder (the build: docs/, at each language pass) checks
    only the others: one walk that never follows a link instead of a ``realpath`` per file.
    Empty when ``folder`` itself is reached through a link; a subfolder that cannot be listed
    contributes nothing (its files are then checked one by one, as any path not listed here).
    """
    top = os.path.abspath(folder)
    if os.path.realpath(top) != top:
        return frozenset()
    found: set[str] = set()
    pending = [top]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_symlink():  # the link itself and everything under it: not listed
                    continue
                folder = entry.is_dir()
            except OSError:  # cannot be looked at: not listed
                continue
            if folder:
                pending.append(entry.path)
            else:
                found.add(entry.path)
    return frozenset(found)


def _read_bytes_inside_project(path: Path) -> bytes:
    """The bytes of ``path``, checked by ``refuse_links_outside`` (a ``SourceFileError``).

    The file is opened once, checked, then read from the same descriptor (no window to swap it
    for a link between the check and the read). On Linux the path the system actually opened
    (``/proc/self/fd``) equal to the absolute path given means no link anywhere on the way: the
    usual case costs one call instead of ``realpath`` looking up every folder of the path (the
    commands read three files per essay). Any other answer (a link, no /proc) goes through
    ``refuse_links_outside`` itself.
    """
    # O_NONBLOCK: a link to a named pipe (outside, about to be refused) must not hang the open;
    # on a regular file it changes nothing
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        if _opened_path(fd) != os.path.abspath(path):
            refuse_links_outside(path)
        return handle.read()


def _opened_path(fd: int) -> str | None:
    """The path the system opened as ``fd``, links resolved (None where /proc does not say)."""
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return None


def project_root(path: Path) -> Path:
    """The nearest folder above ``path`` with mkdocs.yml, bilingue.yml or .git (else its folder)."""
    for folder in Path(os.path.abspath(path)).parents:
        if any((folder / marker).exists() for marker in _PROJECT_MARKERS):
            return folder
    return Path(os.path.abspath(path)).parent


def atomic_write_text(path: Path | str, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, then rename.

    A crash at any moment leaves either the old file or the new one, never a mix; the data is
    flushed to disk before the rename so a power cut cannot publish an empty file. The file gets
    the mode a plain ``open()`` would give it (an existing file keeps its own): ``mkstemp``
    creates 0600 files, and a deploy that copies permissions would hide them from the web server.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        # mkstemp makes 0600 files: the new file gets the old one's mode (or the umask's)
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    if _recorders:
        _note_write(path)


@contextmanager
def recording_writes() -> Iterator[dict[Path, FileState]]:
    """Collect what ``atomic_write_text`` writes meanwhile (any thread): path -> its state just
    after the write. ``mkdocs serve`` uses it to tell the build's own writes from an author's."""
    written: dict[Path, FileState] = {}
    with _recorders_lock:
        _recorders.append(written)
    try:
        yield written
    finally:
        with _recorders_lock:
            _recorders.remove(written)


class FileState(NamedTuple):
    """What tells a changed file from an unchanged one, without reading it."""

    mtime_ns: int
    size: int


def file_state(path: Path | str) -> FileState | None:
    """The state of ``path``, or None when it does not exist (or cannot be seen)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return FileState(stat.st_mtime_ns, stat.st_size)


def create_text_file(path: Path | str, text: str) -> bool:
    """Write ``text`` to ``path`` only if no such file exists; False (nothing written) if one does.

    Like ``atomic_write_text`` the file appears whole or not at all, but it is linked into place
    rather than renamed: a link fails on an existing name, even one created a moment ago."""
    path = Path(path)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        os.fchmod(fd, _mode_for(path))  # as atomic_write_text: not mkstemp's 0600
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.link(temp_name, path)
        return True
    except FileExistsError:
        return False
    finally:
        Path(temp_name).unlink(missing_ok=True)


@contextmanager
def claim_folders(folders: Iterable[Path], *, wait: bool = False, what: str = "") -> Iterator[list[Path]]:
    """Lock ``folders`` for this process and remove the temporary files killed writers left there.

    Yields the removed files. Without ``wait``, a folder another process holds is a
    ``FolderBusyError`` naming it (and ``what`` holds it); with ``wait``, the call blocks until it
    is free (for short critical sections such as a cache flush). Folders are locked in sorted
    order so that two processes claiming overlapping sets cannot deadlock.
    """
    removed: list[Path] = []
    with ExitStack() as stack:
        for folder in sorted({Path(folder).resolve() for folder in folders}):
            if fcntl is None or not folder.is_dir() or folder in _held_here:
                continue  # already ours: a second lock from this process would wait for itself
            stack.enter_context(_folder_lock(folder, wait=wait, what=what))
            removed += _remove_leftovers(folder)
        yield removed


def leftover_temp_files(folder: Path) -> list[Path]:
    """The temporary files of ``atomic_write_text`` present in ``folder`` (hidden, ``.tmp``)."""
    return sorted(
        path for path in folder.glob(f".*{TEMP_SUFFIX}") if TEMP_NAME.fullmatch(path.name) and path.is_file()
    )


# --- helpers ------------------------------------------------------------------------------------


def _note_write(path: Path) -> None:
    state = file_state(path)
    with _recorders_lock:
        for written in _recorders:
            if state is not None:
                written[path.resolve()] = state


def _mode_for(path: Path) -> int:
    """The permission bits a rewrite of ``path`` keeps: the existing file's, else 0666 - umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    with _umask_lock:  # reading the umask means setting it: no other thread may see the 0
        mask = os.umask(0)
        os.umask(mask)
    return mask


@contextmanager
def _folder_lock(folder: Path, *, wait: bool, what: str) -> Iterator[None]:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise FolderBusyError(
                f"{folder}: another process is writing here{f' ({what})' if what else ''}; "
                "wait for it to finish, then run the command again"
            ) from None
        _held_here.add(folder)
        yield
    finally:
        _held_here.discard(folder)
        os.close(descriptor)  # closing the descriptor releases the lock


def _remove_leftovers(folder: Path) -> list[Path]:
    removed = []
    for path in leftover_temp_files(folder):
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed


# --- data ---------------------------------------------------------------------------------------

# The write logs of ``recording_writes`` currently open.
_recorders: list[dict[Path, FileState]] = []
_recorders_lock = threading.Lock()

_umask_lock = threading.Lock()

_PROJECT_MARKERS = ("mkdocs.yml", "bilingue.yml", ".git")

# The folders this process has locked (an flock is per open file, so this process opening a
# folder again to lock it would block on its own lock).
_held_here: set[Path] = set()

# ``.x.en.md.k3j_9a2q.tmp``: what ``tempfile.mkstemp`` makes from our prefix and suffix (eight
# characters of [a-z0-9_]) for the files we write (Markdown, JSON); a person's own
# ``.notes.20240101.tmp`` does not match and is left alone.
TEMP_NAME = re.compile(r"\.(?P<name>.+\.(?:md|json))\.[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX))
