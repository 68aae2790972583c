"""``identity``: returns every text unchanged (tests: a translated file must be byte-identical)."""

from __future__ import annotations

from bilingue.providers.base import OfflineProvider


class IdentityProvider(OfflineProvider):
    """Returns every text unchanged (a translation with it gives a byte-identical file)."""

    name = "identity"

    def transform(self, text: str) -> str:
        """The text itself."""
        return text
