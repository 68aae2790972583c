"""``python -m bilingue providers``: which translation services are configured, and how.

Shows each provider's endpoint, whether its key is set (never the key), request limits, rate
limit and free quota, then the settings shared by all. Sends nothing.
"""

from __future__ import annotations

import argparse
import re

from bilingue.providers.config import HTTP_PROVIDERS, ProviderSettings, load_settings
from bilingue.providers.estimate import quota_for


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "providers",
        help="list the translation providers, their endpoints, keys, limits and quotas",
        description=(
            "List the translation providers: the configured fallback chain (BILINGUE_CHAIN) "
            "first, each with its endpoint (BILINGUE_<NAME>_URL), whether its key is set "
            "(keys are read from environment variables and never shown), request size, rate "
            "limit and free quota. Sends no request."
        ),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = load_settings()
    print("\n".join(describe(settings)))
    return 0


def describe(settings: ProviderSettings) -> list[str]:
    """One block per provider (chain order first), then the shared settings."""
    lines = []
    ordered = list(settings.chain) + [name for name in HTTP_PROVIDERS if name not in settings.chain]
    for name in ordered:
        where = (
            f"#{settings.chain.index(name) + 1} in the chain"
            if name in settings.chain
            else "not in the chain"
        )
        lines += [
            f"{name} ({where})",
            f"  endpoint     {_endpoint(name, settings)}  [BILINGUE_{name.upper()}_URL]",
            f"  key          {_key_status(name, settings)}",
            f"  per request  {_per_request(name, settings)}  [BILINGUE_{name.upper()}_MAX_CHARS]",
            f"  rate limit   {settings.rate_limit(name):g} requests/s  [BILINGUE_{name.upper()}_RATE_LIMIT]",
            f"  free quota   {quota_for(name, settings.mymemory_email is not None).describe()}",
            "",
        ]
    lines += [
        f"chain        {' -> '.join(settings.chain)}  [BILINGUE_CHAIN]",
        f"concurrency  {settings.concurrency} request(s) in flight per provider  [BILINGUE_CONCURRENCY]",
        f"timeout      {settings.timeout:g} s to answer, {settings.connect_timeout:g} s to connect"
        "  [BILINGUE_TIMEOUT, BILINGUE_CONNECT_TIMEOUT]",
        f"retries      {settings.max_attempts} attempts per request, {settings.retry_budget} "
        "retries per run  [BILINGUE_MAX_ATTEMPTS, BILINGUE_RETRY_BUDGET]",
        f"cache        {settings.cache_dir or 'off'}  [BILINGUE_CACHE_DIR]",
    ]
    return lines


def _endpoint(name: str, settings: ProviderSettings) -> str:
    url = settings.url(name)
    if name == "deepl" and not url:
        return "chosen from the key (DeepL Free for ':fx' keys, else Pro)"
    # a company proxy URL may carry credentials: never print them
    return re.sub(r"//[^/@]+@", "//***@", url) if url else "-"


def _key_status(name: str, settings: ProviderSettings) -> str:
    if name in ("google",):
        return "no key needed"
    if name == "mymemory":
        return "e-mail set" if settings.mymemory_email else "no key needed (e-mail missing)"
    secret = settings.secret(name)
    if name == "libre":
        return "key set" if secret else "no key (fine for a keyless server)"
    return "key set" if secret else "key missing"


def _per_request(name: str, settings: ProviderSettings) -> str:
    unit = "bytes of UTF-8" if name == "mymemory" else "characters"
    items = {"deepl": "up to 50 texts", "microsoft": "up to 1000 texts"}.get(
        name, "texts packed with separators"
    )
    return f"{settings.max_chars(name):,} {unit}, {items}"
