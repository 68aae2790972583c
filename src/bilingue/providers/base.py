"""The one interface every translation service implements.

The Markdown layer (``bilingue.markdown`` / ``bilingue.translate``) hands a provider plain,
already-masked prose strings and gets back one translation per string, in order. It never sees
HTTP; providers never see Markdown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

#: providers computed on this machine: used alone, never in a chain
OFFLINE_PROVIDERS = ("pseudo", "identity")


@runtime_checkable
class Provider(Protocol):
    #: short name used in configuration, the command line and the lock file ("google", "pseudo"...)
    """The interface the translator uses: one translation per text, in order, or an error."""

    name: str

    def translate_texts(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        """Translate each text from ``source`` to ``target`` (ISO 639-1 codes), same order.

        Raises ``bilingue.errors.BilingueError`` (or a subclass) when a text cannot be translated;
        never returns a placeholder, an echo of the input presented as a translation, or None.
        """
        ...


class OfflineProvider:
    """A provider computed on this machine (``pseudo``, ``identity``): one ``transform`` per text,
    with the same request and character counts as a service, so runs can be measured offline."""

    name = "offline"

    def __init__(self) -> None:
        self.requests = 0
        self.characters = 0

    def translate_texts(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        """``transform`` of each text, counted like a service's request."""
        self.requests += 1
        self.characters += sum(len(text) for text in texts)
        return [self.transform(text) for text in texts]

    def transform(self, text: str) -> str:
        """The "translation" of one text (subclasses define it)."""
        raise NotImplementedError
