"""On-disk translation cache: the same source text is never sent twice.

One SQLite database (Python's standard library) per language pair,
``<cache_dir>/<source>-<target>.sqlite3``, one table::

    translations(key TEXT PRIMARY KEY,  -- sha256 of the source text, hex
                 text TEXT,             -- the accepted translation
                 provider TEXT)         -- who made it ("google", "deepl"...)

The key depends only on the source text (exactly as sent, outer whitespace removed) and the
language pair, not on the provider, so a translation made by any provider of the chain is reused.
Only accepted translations (past every sanity and markup check) are stored, and the chain checks
a cached translation again before using it (``discard`` drops one that fails, with a warning).

Why SQLite: several runs may share the cache (two ``translate`` runs on different folders, a
build in auto mode); each ``flush`` is one transaction that adds its entries to what is on disk,
so no run loses another's entries (a whole-file rewrite did). A damaged database is set aside
with a warning and a new one started: it is only a cache, it never stops a run. Nothing is
written until the first ``flush``; the chain flushes after every request's worth of results, so
an interrupted run keeps everything finished before the interruption.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

#: seconds a flush waits for another run's transaction to finish
BUSY_TIMEOUT = 30.0


@dataclass(frozen=True)
class CachedTranslation:
    """One cache entry: the accepted translation and the service that made it."""

    text: str
    provider: str


class TranslationCache:
    """The on-disk cache of one language pair (``<dir>/<source>-<target>.sqlite3``)."""

    def __init__(self, directory: Path | str, source: str, target: str):
        self.path = Path(directory) / f"{source}-{target}.sqlite3"
        self._pending: dict[str, CachedTranslation] = {}
        self._database: sqlite3.Connection | None = None
        self._lock = threading.RLock()

    def get(self, text: str) -> CachedTranslation | None:
        """The cached translation of ``text`` (outer whitespace ignored), or None."""
        digest = key(text)
        with self._lock:
            if digest in self._pending:
                return self._pending[digest]
            row = self._query("SELECT text, provider FROM translations WHERE key = ?", (digest,))
        if row is None:
            return None
        translation, provider = row
        if not isinstance(translation, str) or not translation.strip() or not isinstance(provider, str):
            self.discard(text, "the entry is not a translation")
            return None
        return CachedTranslation(translation, provider)

    def put(self, text: str, translation: str, provider: str) -> None:
        """Remember an accepted translation (written at the next ``flush``)."""
        with self._lock:
            self._pending[key(text)] = CachedTranslation(translation, provider)

    def discard(self, text: str, why: str) -> None:
        """Drop the entry of ``text`` (it failed a check), saying so: the text is sent again."""
        digest = key(text)
        log.warning("%s: cached translation dropped (%s); it will be translated again", self.path, why)
        with self._lock:
            self._pending.pop(digest, None)
            self._write(
                lambda database: database.execute("DELETE FROM translations WHERE key = ?", (digest,))
            )

    def flush(self) -> None:
        """Add the new entries to the database, in one transaction."""
        with self._lock:
            if not self._pending:
                return
            rows = [(digest, entry.text, entry.provider) for digest, entry in self._pending.items()]
            self._write(
                lambda database: database.executemany(
                    "INSERT OR REPLACE INTO translations (key, text, provider) VALUES (?, ?, ?)", rows
                ),
                create=True,
            )
            self._pending.clear()

    def __len__(self) -> int:
        with self._lock:
            row = self._query("SELECT count(*) FROM translations", ())
            stored = row[0] if row else 0
            return stored + len(self._pending)

    def close(self) -> None:
        """Close the database (the next use opens it again)."""
        with self._lock:
            if self._database is not None:
                self._database.close()
                self._database = None

    # --- the database ---------------------------------------------------------------------------

    def _query(self, sql: str, parameters: tuple) -> tuple | None:
        database = self._open(create=False)
        if database is None:
            return None
        try:
            return database.execute(sql, parameters).fetchone()
        except sqlite3.DatabaseError as error:
            self._set_aside(error)
            return None

    def _write(self, change, create: bool = False) -> None:
        for _ in range(2):  # a damaged database is set aside once, then written anew
            database = self._open(create=create)
            if database is None:
                return
            try:
                with database:  # one transaction: committed whole or not at all
                    change(database)
                return
            except sqlite3.OperationalError as error:
                if "locked" in str(error) or "busy" in str(error):
                    log.warning("%s: the cache is busy (%s); these entries are not cached", self.path, error)
                    return
                self._set_aside(error)
            except sqlite3.DatabaseError as error:
                self._set_aside(error)

    def _open(self, create: bool) -> sqlite3.Connection | None:
        if self._database is not None:
            return self._database
        if not create and not self.path.exists():
            return None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            database = self._connect()
        except sqlite3.DatabaseError as error:
            self._set_aside(error)
            if not create:
                return None
            database = self._connect()  # a new, empty one where the damaged one was
        self._database = database
        return database

    def _connect(self) -> sqlite3.Connection:
        database = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, check_same_thread=False)
        database.execute(
            "CREATE TABLE IF NOT EXISTS translations (key TEXT PRIMARY KEY, text TEXT, provider TEXT)"
        )
        database.commit()
        return database

    def _set_aside(self, error: Exception) -> None:
        """Move a damaged database out of the way (kept for a look), never stop the run."""
        if self._database is not None:
            self._database.close()
            self._database = None
        aside = self.path.with_name(self.path.name + ".damaged")
        try:
            self.path.replace(aside)
        except OSError:
            aside = None
        log.warning(
            "%s: the translation cache is damaged (%s); %s, a new one is started "
            "(it is only a cache: translations are fetched again)",
            self.path,
            error,
            f"set aside as {aside.name}" if aside else "it could not be set aside",
        )


def key(text: str) -> str:
    """The cache key of ``text``: the sha256 of the text without its outer whitespace."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()
