"""Providers by name, built from the settings.

``get_provider(name)`` is what the rest of the program calls (``bilingue.translate`` routes every
name except ``pseudo``/``identity`` here). ``name`` may be one provider (``"google"``), a chain
(``"google,mymemory"`` or ``"google>mymemory"``), or None for the configured chain
(``BILINGUE_CHAIN``). The result is a ``TranslationChain``: one object per run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bilingue.errors import BilingueError
from bilingue.providers.backend import Backend
from bilingue.providers.chain import TranslationChain
from bilingue.providers.config import HTTP_PROVIDERS, ProviderSettings, load_settings


def get_provider(
    name: str | None = None, *, settings: ProviderSettings | None = None, config: dict[str, Any] | None = None
) -> TranslationChain:
    """A ready chain for ``name``; ``config`` is a settings mapping (e.g. from a config file)."""
    settings = settings or load_settings(config)
    names = chain_names(name, settings)
    return TranslationChain(
        [build_backend(each, settings) for each in names], settings, cache_dir=settings.cache_dir
    )


def chain_names(name: str | None, settings: ProviderSettings) -> list[str]:
    if not name:
        return list(settings.chain)
    names = [part.strip().lower() for part in name.replace(">", ",").split(",") if part.strip()]
    unknown = [each for each in names if each not in HTTP_PROVIDERS]
    if unknown or not names:
        raise BilingueError(
            f"unknown translation provider {name!r}: choose from {', '.join(HTTP_PROVIDERS)}, "
            f"a comma-separated chain of them, or pseudo/identity for offline use"
        )
    return names


def build_backend(name: str, settings: ProviderSettings) -> Backend:
    return _factories()[name](settings)


def _factories() -> dict[str, Callable[[ProviderSettings], Backend]]:
    # imported here: each module pulls in its client library only when asked for
    from bilingue.providers.deepl import DeepLBackend
    from bilingue.providers.google import GoogleBackend
    from bilingue.providers.libre import LibreBackend
    from bilingue.providers.microsoft import MicrosoftBackend
    from bilingue.providers.mymemory import MyMemoryBackend

    return {
        "google": GoogleBackend,
        "mymemory": MyMemoryBackend,
        "libre": LibreBackend,
        "microsoft": MicrosoftBackend,
        "deepl": DeepLBackend,
    }
