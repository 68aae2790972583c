"""The result of translating one text: what came back, from whom, or why nothing did."""

from __future__ import annotations

from dataclasses import dataclass

#: provider name recorded for texts with nothing to translate (no letters: numbers, emoji...)
UNCHANGED = "unchanged"


@dataclass(frozen=True)
class Outcome:
    source: str
    #: the accepted translation, or None when every provider failed
    translation: str | None
    #: provider that produced the translation ("google", ...; ``UNCHANGED`` for letterless text)
    provider: str | None
    #: True when the translation came from the on-disk cache (0 requests)
    from_cache: bool = False
    #: why the text is untranslated (one reason per provider tried), None on success
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.translation is not None
