"""``mkdocs serve`` that keeps up: one rebuild per edit, and no service retried on every rebuild.

- ``OwnWritesFilter`` wraps the server's builder. In auto mode a build writes ``x.en.md`` and
  ``x.lock.json`` into docs/, which MkDocs watches: without the filter every French edit costs
  two full rebuilds. The filter notes the state (mtime, size) of every watched file before a
  build and the state of each file the build wrote itself (``files.recording_writes``); when the
  watcher fires and nothing differs from that, the build is skipped. A file an author changes
  during a build differs from both, so it is rebuilt as usual.
- ``UnreachableProviders`` remembers a translation service that failed, for a few minutes, so
  that an offline author does not wait for the retries on every rebuild; it says so once.
- ``ServeSession`` is everything the hooks keep from one rebuild to the next while a server runs,
  in one object: whether this process serves, the services resting, the translation problems
  check mode found (shown on the pages instead of failing the rebuild), and ``RebuildCache``s:
  results of pure functions of a page's text (the sanitizer's), which a rebuild reuses for every
  page whose text did not change (keyed on a BLAKE2b-256 digest of the whole text, never on file
  dates). ``start_session`` makes it at ``on_startup`` (once per ``mkdocs build`` or ``mkdocs
  serve`` process: MkDocs loads the hook modules once and keeps them), ``current_session`` gives
  it to the hooks. It is not the ``BuildState`` (``bilingue.build_state``): that one is made
  again at each language pass of each build, and holds what one build learns.

Importable without MkDocs (the builder is any callable).
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from bilingue.files import FileState, file_state, recording_writes

log = logging.getLogger("mkdocs.hooks.serve")

#: how long a failing translation service is left alone (seconds)
UNREACHABLE_FOR = 300.0

Snapshot = dict[Path, FileState]


class OwnWritesFilter:
    """A builder that does nothing when the only changes since the last build are its own writes."""

    def __init__(self, builder: Callable[..., None], watched: Callable[[], Iterable[Path | str]]):
        self.builder = builder
        self.watched = watched  # the paths the server watches (asked at each call: plugins add some)
        self._expected: Snapshot | None = None

    def prime(self) -> None:
        """Take the files as they are now as built (the server's first build ran without us)."""
        self._expected = snapshot(self.watched())

    def __call__(self, *arguments, **keywords) -> None:
        before = snapshot(self.watched())
        if self._expected is not None and before == self._expected:
            log.info("Only the build's own writes changed (English files, locks): no rebuild")
            return
        with recording_writes() as written:
            self.builder(*arguments, **keywords)
        expected = dict(before)
        for path, state in written.items():
            if path in expected or _under(path, self.watched()):
                expected[path] = state
        self._expected = expected


def snapshot(paths: Iterable[Path | str]) -> Snapshot:
    """State of every file under ``paths`` (folders walked, hidden temporary files included)."""
    states: Snapshot = {}
    for root in paths:
        root = Path(root).resolve()
        if root.is_file():
            if (state := file_state(root)) is not None:
                states[root] = state
            continue
        for folder, _, names in os.walk(root):
            for name in names:
                path = Path(folder, name)
                if (state := file_state(path)) is not None:
                    states[path] = state
    return states


@dataclass
class UnreachableProviders:
    """Translation services that failed lately, left alone for ``pause`` seconds."""

    pause: float = UNREACHABLE_FOR
    clock: Callable[[], float] = time.monotonic
    _until: dict[str, float] = field(default_factory=dict)

    def remember(self, provider: str, reason: str) -> None:
        """``provider`` just failed: say so once, and leave it alone for a while."""
        if provider not in self._until:
            minutes = round(self.pause / 60)
            log.info(
                f"translation: {provider} unreachable ({reason}); not tried again for {minutes} min "
                "(existing English is used meanwhile; `python -m bilingue translate` retries now)"
            )
        self._until[provider] = self.clock() + self.pause

    def is_resting(self, provider: str) -> bool:
        """Whether ``provider`` failed recently and is left alone for now."""
        until = self._until.get(provider)
        if until is None:
            return False
        if self.clock() >= until:
            del self._until[provider]
            return False
        return True


T = TypeVar("T")


class RebuildCache(Generic[T]):
    """What a pure function made of a text, kept from one rebuild to the next.

    Keyed on a BLAKE2b-256 digest of the whole text (the same text gives the same result,
    whatever its file's dates). Holds the results used during the current and the previous
    rebuild only (``next_rebuild``): a page edited away is forgotten, memory stays bounded."""

    def __init__(self) -> None:
        self._current: dict[bytes, T] = {}
        self._previous: dict[bytes, T] = {}
        self.hits = 0
        self.misses = 0

    def get(self, text: str, make: Callable[[str], T]) -> T:
        """``make(text)``, or what it returned for the same text in this or the previous rebuild."""
        key = hashlib.blake2b(text.encode("utf-8"), digest_size=32).digest()
        if key in self._current:
            self.hits += 1
            return self._current[key]
        if key in self._previous:
            self.hits += 1
            value = self._previous.pop(key)
        else:
            self.misses += 1
            value = make(text)
        self._current[key] = value
        return value

    def next_rebuild(self) -> str:
        """A rebuild starts: what the one before last used and the last did not is dropped.
        Returns how the last rebuild used the cache (for the debug log)."""
        said = f"{self.hits} reused, {self.misses} made"
        self._previous, self._current = self._current, {}
        self.hits = self.misses = 0
        return said

    def __len__(self) -> int:
        return len(self._current) + len(self._previous)


@dataclass
class ServeSession:
    """What the hooks keep for as long as one MkDocs process runs (a whole ``mkdocs serve``)."""

    #: whether the process is ``mkdocs serve`` (rebuilds follow): check mode shows its problems on
    #: the pages instead of failing, a failing service rests
    serving: bool = False
    #: the translation services that failed lately (only while serving)
    resting: UnreachableProviders = field(default_factory=UnreachableProviders)
    #: check mode while serving: French essay (resolved) -> what is wrong with its translation, as
    #: the latest build's check found it (shown on the essay's pages in both languages)
    translation_problems: dict[Path, list[str]] = field(default_factory=dict)
    #: rendered HTML -> what the sanitizer keeps of it and removes from it (reported at every
    #: rebuild: hooks/sanitize.py), while serving
    sanitized: RebuildCache = field(default_factory=RebuildCache)

    def next_rebuild(self) -> None:
        """A rebuild starts (its first language pass): the cache drops what is two rebuilds old."""
        sanitized = self.sanitized.next_rebuild()
        if self.serving:
            log.debug(f"last rebuild: sanitized pages {sanitized}")

    def cached(self, cache: RebuildCache[T], text: str, make: Callable[[str], T]) -> T:
        """``make(text)``, through ``cache`` while serving (a plain build makes each page once)."""
        return cache.get(text, make) if self.serving else make(text)


def start_session(command: str) -> ServeSession:
    """A fresh session for a process running MkDocs' ``command`` (``serve``, ``build``, ``gh-deploy``)."""
    global _session
    _session = ServeSession(serving=command == "serve")
    return _session


def current_session() -> ServeSession:
    """The session of this process (a plain build's if no hook started one: a hook used alone)."""
    return _session


def _under(path: Path, roots: Iterable[Path | str]) -> bool:
    return any(path.is_relative_to(Path(root).resolve()) for root in roots)


_session = ServeSession()
