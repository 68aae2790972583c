"""What each HTTP provider implements: one request, and its size limits.

A backend sends exactly ONE request per ``request`` call and raises ``TransientError`` or
``PermanentError`` (``bilingue.providers.failures``) on failure. Packing, retries, rate limits,
sanity checks and fallback are done once for all backends by ``engine`` and ``chain``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from bilingue.providers.packing import Measure, measure_chars


@dataclass(frozen=True)
class Limits:
    #: most characters (or bytes, see ``measure``) one request may carry
    max_chars: int
    #: texts one request takes natively; 1 means texts are joined into packs with separators
    max_items: int = 1
    measure: Measure = measure_chars

    @property
    def joined(self) -> bool:
        return self.max_items == 1


class Backend(Protocol):
    name: str
    limits: Limits

    def request(self, texts: Sequence[str], source: str, target: str) -> list[str | None]:
        """Send one request translating ``texts``; one answer per text (None if missing)."""
        ...
