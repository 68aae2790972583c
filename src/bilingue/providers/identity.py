"""``identity``: returns every text unchanged (tests: a translated file must be byte-identical)."""

from __future__ import annotations

from bilingue.providers.base import OfflineProvider


class IdentityProvider(OfflineProvider):
    name = "identity"

    def transform(self, text: str) -> str:
        return text
