"""The one interface every translation service implements.

The Markdown layer (``bilingue.markdown`` / ``bilingue.translate``) hands a provider plain,
already-masked prose strings and gets back one translation per string, in order. It never sees
HTTP; providers never see Markdown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable


@runtime_checkable
class Provider(Protocol):
    #: short name used in configuration, the command line and the lock file ("google", "pseudo"...)
    name: str

    def translate_texts(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        """Translate each text from ``source`` to ``target`` (ISO 639-1 codes), same order.

        Raises ``bilingue.errors.BilingueError`` (or a subclass) when a text cannot be translated;
        never returns a placeholder, an echo of the input presented as a translation, or None.
        """
        ...
