"""Translation services behind one small interface.

The vocabulary, from what the rest of the program sees down to the wire:

``Provider`` (``base``)
    The one interface the translator uses: ``translate_texts(texts, source, target)`` returns one
    translation per text, in order, or raises. It never sees HTTP; providers never see Markdown
    (texts arrive already masked). ``pseudo`` and ``identity`` are offline providers.
``TranslationChain`` (``chain``)
    The ``Provider`` a network name gives: a cache in front, then each service in fallback order
    (``"google,mymemory"``); it records which service translated each text (``Outcome``) and
    counts requests and characters per service. One chain is one run.
``ProviderEngine`` (``engine``)
    One service at work inside a chain: cuts and packs texts into requests (``packing``), sends
    them from a small thread pool with rate limit, retries and a shared retry budget
    (``resilience``), checks every answer (``sanity``), and stops its workers when a call leaves
    early (Ctrl-C, a failed save).
``Backend`` (``backend``)
    One service's wire format: exactly one HTTP request per ``request`` call (through ``http``:
    timeouts, status classification), and its size ``Limits``. One module per service:
    ``google``, ``mymemory``, ``libre``, ``microsoft``, ``deepl``.

Entry point: ``get_provider(name)`` (``factory``) builds any of them by name from the settings
(``settings``: ``ProviderSettings``, every value with its ``BILINGUE_*`` variable; keys from the
environment only). ``estimate`` gives dry-run figures and free quotas; ``failures`` holds the
errors (``ProviderError``: what to do; ``UntranslatedError``: which texts no service could
translate).

The names below are loaded when first used (``__getattr__``), so that importing ``Provider`` or
``UntranslatedError`` (every build does) does not load the services. The function
``estimate`` is imported from its module (``bilingue.providers.estimate``): under the module's own
name, a lazy attribute would be shadowed by the submodule as soon as anything imported it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what a reader or a type checker sees; at run time ``__getattr__`` loads them
    # (``X as X``: re-exported, as a type checker reads it, since ``__all__`` is not a literal)
    from bilingue.providers.base import OFFLINE_PROVIDERS as OFFLINE_PROVIDERS
    from bilingue.providers.base import Provider as Provider
    from bilingue.providers.chain import TranslationChain as TranslationChain
    from bilingue.providers.estimate import quota_for as quota_for
    from bilingue.providers.factory import chain_names as chain_names
    from bilingue.providers.factory import check_provider_name as check_provider_name
    from bilingue.providers.factory import get_provider as get_provider
    from bilingue.providers.failures import ProviderError as ProviderError
    from bilingue.providers.failures import UntranslatedError as UntranslatedError
    from bilingue.providers.settings import HTTP_PROVIDERS as HTTP_PROVIDERS
    from bilingue.providers.settings import SECRET_FIELDS as SECRET_FIELDS
    from bilingue.providers.settings import ProviderSettings as ProviderSettings
    from bilingue.providers.settings import environment_names as environment_names
    from bilingue.providers.settings import load_settings as load_settings
    from bilingue.providers.settings import shown_url as shown_url


def __getattr__(name: str) -> Any:
    # Loaded when first asked for (PEP 562): a build that translates nothing (check mode) needs
    # ``Provider`` and ``UntranslatedError``, not the engine, its thread pool, the SQLite cache and
    # pydantic-settings (with asyncio, argparse and dotenv), which cost ~0.05 s to import.
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # the next access is a plain attribute
    return value


#: public name -> the submodule that defines it
_HOME = {
    "OFFLINE_PROVIDERS": "base",
    "Provider": "base",
    "TranslationChain": "chain",
    "quota_for": "estimate",
    "chain_names": "factory",
    "check_provider_name": "factory",
    "get_provider": "factory",
    "ProviderError": "failures",
    "UntranslatedError": "failures",
    "HTTP_PROVIDERS": "settings",
    "SECRET_FIELDS": "settings",
    "ProviderSettings": "settings",
    "environment_names": "settings",
    "load_settings": "settings",
    "shown_url": "settings",
}

__all__ = sorted(_HOME)  # one list of the public names: _HOME's keys
