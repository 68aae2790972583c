"""On-disk translation cache: the same source text is never sent twice.

Layout: one JSON file per language pair, ``<cache_dir>/<source>-<target>.json``::

    {"version": 1,
     "entries": {"<sha256 of the source text, hex>": {"text": "<translation>", "provider": "google"}}}

The key depends only on the source text (exactly as sent, outer whitespace removed) and the
language pair, not on the provider, so a translation made by any provider of the chain is reused.
Only accepted translations (past every sanity check) are stored. ``flush`` rewrites the file
atomically (temporary file + rename, under the folder lock of ``bilingue.files.claim_folders``,
which also removes what a killed flush left) and the chain calls it after every request's worth
of results, so an interrupted run keeps everything finished before the interruption. The lock file of
``translate`` (issue 4) stores per-block provenance; this cache is the shared memory below it.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass
from pathlib import Path

from bilingue.errors import SourceFileError
from bilingue.files import atomic_write_text, claim_folders

VERSION = 1


@dataclass(frozen=True)
class CachedTranslation:
    """One cache entry: the accepted translation and the service that made it."""

    text: str
    provider: str


class TranslationCache:
    """The on-disk cache of one language pair (``<dir>/<source>-<target>.json``), written atomically."""

    def __init__(self, directory: Path | str, source: str, target: str):
        self.path = Path(directory) / f"{source}-{target}.json"
        self._entries: dict[str, dict[str, str]] = self._load()
        self._dirty = False
        self._lock = threading.Lock()

    def get(self, text: str) -> CachedTranslation | None:
        """The cached translation of ``text`` (outer whitespace ignored), or None."""
        entry = self._entries.get(key(text))
        if entry is None:
            return None
        return CachedTranslation(entry["text"], entry["provider"])

    def put(self, text: str, translation: str, provider: str) -> None:
        """Remember an accepted translation (written at the next ``flush``)."""
        with self._lock:
            self._entries[key(text)] = {"text": translation, "provider": provider}
            self._dirty = True

    def flush(self) -> None:
        """Write the cache if anything changed, atomically."""
        with self._lock:
            if not self._dirty:
                return
            payload = json.dumps(
                {"version": VERSION, "entries": self._entries}, ensure_ascii=False, indent=0, sort_keys=True
            )
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Several runs may share the cache folder: the lock makes a leftover found there one
            # that a killed run left, and keeps two flushes from interleaving.
            with claim_folders([self.path.parent], wait=True):
                atomic_write_text(self.path, payload + "\n")
            self._dirty = False

    def __len__(self) -> int:
        return len(self._entries)

    def _load(self) -> dict[str, dict[str, str]]:
        if not self.path.exists():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            entries = data["entries"]
            if data.get("version") != VERSION or not isinstance(entries, dict):
                raise ValueError("unknown version")
            for entry in entries.values():
                if not isinstance(entry.get("text"), str) or not isinstance(entry.get("provider"), str):
                    raise ValueError("bad entry")
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise SourceFileError(
                self.path,
                None,
                f"the translation cache is unreadable ({error})",
                "delete the file: it is only a cache, translations will be fetched again",
            ) from None
        return entries


def key(text: str) -> str:
    """The cache key of ``text``: the sha256 of the text without its outer whitespace."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()
