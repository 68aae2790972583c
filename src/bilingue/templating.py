"""Theme templates compiled once per process, not once per language and rebuild.

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n builds once per
language: Material's ~80 templates are compiled from source twice per ``mkdocs build`` and twice
per ``mkdocs serve`` rebuild. A bytecode cache kept in memory for the life of the process lets
every environment after the first load the compiled code instead. Jinja checks each template's
source checksum, so an edited override is compiled again.
"""

from __future__ import annotations

import threading

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Jinja's bytecode, by template, in this process's memory."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def load_bytecode(self, bucket: Bucket) -> None:
        """Jinja's hook: fill ``bucket`` from memory when this template was compiled before."""
        with self._lock:
            code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Jinja's hook: keep ``bucket``'s compiled code in memory."""
        code = bucket.bytecode_to_string()
        with self._lock:
            self._code[bucket.key] = code

    def clear(self) -> None:
        """Forget every compiled template."""
        with self._lock:
            self._code.clear()


#: the cache every build of this process shares
TEMPLATE_CACHE = MemoryBytecodeCache()
