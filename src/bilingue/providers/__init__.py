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
"""

from bilingue.providers.base import Provider
from bilingue.providers.chain import TranslationChain
from bilingue.providers.factory import OFFLINE_PROVIDERS, check_provider_name, get_provider
from bilingue.providers.failures import ProviderError, UntranslatedError
from bilingue.providers.settings import HTTP_PROVIDERS, ProviderSettings, load_settings

__all__ = [
    "HTTP_PROVIDERS",
    "OFFLINE_PROVIDERS",
    "Provider",
    "ProviderError",
    "ProviderSettings",
    "TranslationChain",
    "UntranslatedError",
    "check_provider_name",
    "get_provider",
    "load_settings",
]
