"""Providers by name, built from the settings: the one ``get_provider`` of the program.

``name`` may be an offline provider (``"pseudo"``, ``"identity"``), one service (``"google"``), a
chain (``"google,mymemory"`` or ``"google>mymemory"``), or None for the configured chain
(``BILINGUE_CHAIN``). A service or a chain is a ``TranslationChain``: one object per run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bilingue.errors import BilingueError
from bilingue.providers.backend import Backend
from bilingue.providers.base import OFFLINE_PROVIDERS, Provider
from bilingue.providers.chain import TranslationChain
from bilingue.providers.identity import IdentityProvider
from bilingue.providers.pseudo import PseudoProvider
from bilingue.providers.settings import HTTP_PROVIDERS, ProviderSettings, load_settings


def get_provider(
    name: str | None = None, *, settings: ProviderSettings | None = None, config: dict[str, Any] | None = None
) -> Provider:
    """The provider called ``name``, ready for one run.

    ``pseudo`` and ``identity`` are offline; any other name (or None: the configured chain) gives a
    ``TranslationChain`` built from ``settings``, or from ``config`` (a settings mapping, e.g. the
    ``providers`` of bilingue.yml; environment variables win). Unknown names raise a
    ``BilingueError`` listing the known ones.
    """
    if name == "pseudo":
        return PseudoProvider()
    if name == "identity":
        return IdentityProvider()
    settings = settings or load_settings(config)
    names = chain_names(name, settings)
    return TranslationChain(
        [build_backend(each, settings) for each in names], settings, cache_dir=settings.cache_dir
    )


def check_provider_name(name: str | None, config: dict[str, Any] | None = None) -> None:
    """Raise a ``BilingueError`` listing the known providers when ``name`` is not one or a chain of them.

    ``name`` as ``get_provider`` takes it: ``pseudo``, ``identity``, a network provider or
    chain, or None for the configured chain (``config``, then ``BILINGUE_CHAIN``).
    Commands and the build call it before planning any file, so a typo stops the run at once
    instead of failing file by file like an unreachable service.
    """
    if name in OFFLINE_PROVIDERS:
        return
    chain_names(name, load_settings(config))


def chain_names(name: str | None, settings: ProviderSettings) -> list[str]:
    """The services ``name`` stands for, in fallback order (the settings' chain when None)."""
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
    """The ``Backend`` of service ``name`` (one of ``HTTP_PROVIDERS``)."""
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
