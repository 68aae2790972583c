"""The result of translating one text: what came back, from whom, or why nothing did."""

from __future__ import annotations

from dataclasses import dataclass

#: provider name recorded for texts with nothing to translate (no letters: numbers, emoji...)
UNCHANGED = "unchanged"


@dataclass(frozen=True)
class Outcome:
    """One text's fate in a chain call: its translation and provider, or why it has none."""

    source: str
    #: the accepted translation, or None when every provider failed
    translation: str | None
    #: provider that produced the translation ("google", ...; ``UNCHANGED`` for letterless text)
    provider: str | None
    #: True when the translation came from the on-disk cache (0 requests)
    from_cache: bool = False
    #: why the text is untranslated (one reason per provider tried), None on success
    error: str | None = None
