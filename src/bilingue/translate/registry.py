"""Translation providers by name: the one lookup the command line and the build use."""

from __future__ import annotations

from typing import Any

from bilingue.providers.base import Provider

#: offline providers built into this package (network ones live in bilingue.providers)
OFFLINE_PROVIDERS = ("pseudo", "identity")


def get_provider(name: str | None, config: dict[str, Any] | None = None) -> Provider:
    """The provider called ``name``: ``pseudo``, ``identity``, or a network provider/chain.

    Network names (``google``, ``deepl``, ``google,mymemory``...) and None (the configured chain)
    are resolved by ``bilingue.providers.registry`` with ``config`` (provider settings from
    bilingue.yml; environment variables win); unknown names raise a BilingueError there.
    """
    if name == "pseudo":
        from bilingue.providers.pseudo import PseudoProvider

        return PseudoProvider()
    if name == "identity":
        from bilingue.providers.identity import IdentityProvider

        return IdentityProvider()
    from bilingue.providers.registry import get_provider as get_network_provider

    return get_network_provider(name, config=config)
