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
from bilingue.translate.registry import OFFLINE_PROVIDERS  # made there, never in a chain


def get_provider(
    name: str | None = None, *, settings: ProviderSettings | None = None, config: dict[str, Any] | None = None
) -> TranslationChain:
    """A ready chain for ``name``; ``config`` is a settings mapping (e.g. from a config file)."""
    settings = settings or load_settings(config)
    names = chain_names(name, settings)
    return TranslationChain(
        [build_backend(each, settings) for each in names], settings, cache_dir=settings.cache_dir
    )


def check_provider_name(name: str | None, config: dict[str, Any] | None = None) -> None:
    """Raise a ``BilingueError`` listing the known providers when ``name`` is not one or a chain of them.

    ``name`` as ``bilingue.translate.get_provider`` takes it: ``pseudo``, ``identity``, a network
    provider or chain, or None for the configured chain (``config``, then ``BILINGUE_CHAIN``).
    Commands and the build call it before planning any file, so a typo stops the run at once
    instead of failing file by file like an unreachable service.
    """
    if name in OFFLINE_PROVIDERS:
        return
    chain_names(name, load_settings(config))


def chain_names(name: str | None, settings: ProviderSettings) -> list[str]:
    if not name:
        return list(settings.chain)
    names = [part.strip().lower() for part in name.replace(">", ",").split(",") if part.strip()]
    unknown = [each for each in names if each not in HTTP_PROVIDERS]
    if unknown or not names:
        raise BilingueError(
            f"unknown translation provider {', '.join(unknown) or name!r}"
            + (f" in {name!r}" if len(names) > 1 else "")
            + f": choose from {', '.join(HTTP_PROVIDERS)}, a chain of them separated by `,` or `>` "
            f"(e.g. deepl,google), or {'/'.join(OFFLINE_PROVIDERS)} alone for offline use"
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
