"""``python -m bilingue providers``: which translation services are configured, and how.

Shows the settings ``translate`` would use (bilingue.yml, then the environment, which wins): each
provider's endpoint, whether its key is set (never the key), request limits, rate limit and free
quota, then the settings shared by all. Sends nothing.
"""

from __future__ import annotations

import argparse

from bilingue.cli._commands import COMMANDS
from bilingue.cli._project import project_options, project_settings
from bilingue.providers import (
    HTTP_PROVIDERS,
    OFFLINE_PROVIDERS,
    ProviderSettings,
    chain_names,
    quota_for,
    shown_url,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``providers`` command to ``subparsers``."""
    parser = subparsers.add_parser(
        "providers",
        parents=[project_options()],
        help=COMMANDS["providers"],
        description=(
            "List the translation providers as `translate` would use them: the fallback chain "
            "(translation.provider of bilingue.yml or BILINGUE_PROVIDER, else "
            "translation.providers.chain or BILINGUE_CHAIN) first, each with its endpoint "
            "(BILINGUE_<NAME>_URL), whether its key is set (keys are read from environment "
            "variables and never shown), request size, rate limit and free quota. Settings come "
            "from translation.providers of bilingue.yml; environment variables win. Sends no request."
        ),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run ``providers`` with the parsed arguments; the exit status."""
    project = project_settings(args)
    print("\n".join(describe(project.provider_settings, project.translation.provider)))
    return 0


def describe(settings: ProviderSettings, provider: str | None = None) -> list[str]:
    """One block per provider (chain order first), then the shared settings.

    ``provider`` is the configured provider or chain (translation.provider); None means the
    chain of the settings, as for ``translate``.
    """
    chain = [] if provider in OFFLINE_PROVIDERS else chain_names(provider, settings)
    lines = []
    ordered = chain + [name for name in HTTP_PROVIDERS if name not in chain]
    for name in ordered:
        where = f"#{chain.index(name) + 1} in the chain" if name in chain else "not in the chain"
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
        f"chain        {_chain_line(provider, chain)}",
        f"concurrency  {settings.concurrency} request(s) in flight per provider  [BILINGUE_CONCURRENCY]",
        f"timeout      {settings.timeout:g} s to answer, {settings.connect_timeout:g} s to connect"
        "  [BILINGUE_TIMEOUT, BILINGUE_CONNECT_TIMEOUT]",
        f"retries      {settings.max_attempts} attempts per request, {settings.retry_budget} "
        "retries per run  [BILINGUE_MAX_ATTEMPTS, BILINGUE_RETRY_BUDGET]",
        f"cache        {settings.cache_dir or 'off'}  [BILINGUE_CACHE_DIR]",
        "",
        "settings: translation.providers of bilingue.yml; the environment variables in brackets win",
    ]
    return lines


def _chain_line(provider: str | None, chain: list[str]) -> str:
    if provider in OFFLINE_PROVIDERS:
        return f"{provider}: offline, sends nothing  [translation.provider, BILINGUE_PROVIDER]"
    where = "translation.provider, BILINGUE_PROVIDER"
    if not provider:
        where = "translation.providers.chain, BILINGUE_CHAIN"
    return f"{' -> '.join(chain)}  [{where}]"


def _endpoint(name: str, settings: ProviderSettings) -> str:
    url = settings.url(name)
    if name == "deepl" and not url:
        return "chosen from the key (DeepL Free for ':fx' keys, else Pro)"
    # a company proxy URL may carry credentials: never print them
    return shown_url(url) if url else "-"


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
