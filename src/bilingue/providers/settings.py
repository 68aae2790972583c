"""Settings of the translation services: which ones, where, how fast, how patient.

Every value can come from an environment variable (names in ``ENVIRONMENT``, documented in
guide/site-owners.md) or from a mapping the caller passes (a config file section). Environment variables win,
so a CI job or a test can point a provider at a loopback server without touching files. API keys
are read from the environment only and are never printed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bilingue.errors import BilingueError

#: providers built in this package (``pseudo``/``identity`` live in ``bilingue.translate``)
HTTP_PROVIDERS = ("google", "mymemory", "libre", "microsoft", "deepl")


def load_settings(values: dict[str, Any] | None = None) -> ProviderSettings:
    """Settings from ``values`` (e.g. a config file section), overridden by environment variables.

    Raises a ``BilingueError`` naming the bad setting, and refuses API keys outside the
    environment so that they never end up committed in a config file.
    """
    values = dict(values or {})
    for secret in _SECRET_FIELDS:
        if secret in values:
            raise BilingueError(
                f"translation setting {secret!r} is a secret: remove it from the configuration "
                f"file and set the environment variable {ENVIRONMENT[secret]} instead"
            )
    try:
        return ProviderSettings(**values)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in issue['loc'])}: {issue['msg']}" for issue in error.errors()
        )
        raise BilingueError(f"invalid translation settings: {problems}") from None


class ProviderSettings(BaseSettings):
    """All provider settings. Field ``x`` is read from ``BILINGUE_X`` unless noted."""

    model_config = SettingsConfigDict(
        env_prefix="BILINGUE_", extra="forbid", populate_by_name=True, frozen=True
    )

    # --- which services, in which order -------------------------------------------------------
    chain: Annotated[list[str], NoDecode] = ["google", "mymemory"]

    # --- patience and politeness, shared by all providers -------------------------------------
    connect_timeout: float = Field(5.0, gt=0)
    timeout: float = Field(20.0, gt=0)  # seconds to wait for an answer (read timeout)
    concurrency: int = Field(2, ge=1, le=16)  # requests in flight at once, per provider
    max_attempts: int = Field(5, ge=1)  # tries of one request before giving up on it
    retry_budget: int = Field(40, ge=0)  # retries allowed in one run, all providers together
    backoff_initial: float = Field(1.0, ge=0)  # first wait before a retry, doubled each time
    backoff_max: float = Field(30.0, ge=0)  # longest wait between two tries
    max_retry_after: float = Field(120.0, ge=0)  # a longer Retry-After gives up on the provider

    # --- output sanity -------------------------------------------------------------------------
    min_length_ratio: float = Field(0.4, ge=0)  # shorter output than this x input = truncated
    max_length_ratio: float = Field(3.0, gt=0)  # longer = the service added something
    echo_min_words: int = Field(3, ge=1)  # shorter texts may legitimately come back unchanged
    language_check: bool = True  # reject output still in the source language
    language_min_letters: int = Field(24, ge=1)  # too short to identify below this

    # --- translation cache (see cache.py); empty string turns it off ---------------------------
    cache_dir: Path | None = Path(".bilingue/cache")

    # --- google: the unofficial mobile page, no key ---------------------------------------------
    google_url: str = "https://translate.google.com/m"
    google_max_chars: int = Field(4999, ge=50, le=4999)
    google_rate_limit: float = Field(5.0, gt=0)  # requests per second

    # --- mymemory: no key; an e-mail address raises the free quota -----------------------------
    mymemory_url: str = "https://api.mymemory.translated.net/get"
    mymemory_max_chars: int = Field(499, ge=50, le=499)  # counted in UTF-8 bytes, as the API does
    mymemory_rate_limit: float = Field(1.0, gt=0)
    mymemory_email: str | None = Field(
        None, validation_alias=AliasChoices("mymemory_email", "BILINGUE_MYMEMORY_EMAIL", "MYMEMORY_EMAIL")
    )

    # --- libre: a LibreTranslate server, usually self-hosted -----------------------------------
    libre_url: str = "http://127.0.0.1:5000/"
    libre_max_chars: int = Field(2000, ge=50)
    libre_rate_limit: float = Field(5.0, gt=0)
    libre_api_key: SecretStr | None = Field(
        None, validation_alias=AliasChoices("BILINGUE_LIBRE_API_KEY", "LIBRE_API_KEY")
    )

    # --- microsoft: Azure AI Translator v3 ------------------------------------------------------
    microsoft_url: str = "https://api.cognitive.microsofttranslator.com"
    microsoft_max_chars: int = Field(10000, ge=50, le=50000)
    microsoft_rate_limit: float = Field(5.0, gt=0)
    microsoft_region: str | None = Field(
        None,
        validation_alias=AliasChoices(
            "microsoft_region", "BILINGUE_MICROSOFT_REGION", "MICROSOFT_TRANSLATOR_REGION"
        ),
    )
    microsoft_key: SecretStr | None = Field(
        None, validation_alias=AliasChoices("BILINGUE_MICROSOFT_KEY", "MICROSOFT_TRANSLATOR_KEY")
    )

    # --- deepl: official client; empty URL = chosen from the key (":fx" keys are Free) ----------
    deepl_url: str | None = None
    deepl_max_chars: int = Field(30000, ge=50, le=120000)
    deepl_rate_limit: float = Field(5.0, gt=0)
    deepl_english: str = "EN-US"  # DeepL wants a regional variant for English targets
    deepl_auth_key: SecretStr | None = Field(
        None, validation_alias=AliasChoices("BILINGUE_DEEPL_AUTH_KEY", "DEEPL_AUTH_KEY")
    )

    @classmethod
    def settings_customise_sources(
        cls, settings_cls, init_settings, env_settings, dotenv_settings, file_secret_settings
    ):
        # environment first: a CI job or a test overrides the committed configuration file
        return env_settings, init_settings

    @field_validator("chain", mode="before")
    @classmethod
    def _split_chain(cls, value: Any) -> Any:
        # "google, mymemory" in an environment variable, a list in a config file
        if isinstance(value, str):
            value = [part for part in value.replace(">", ",").split(",")]
        return [str(part).strip().lower() for part in value if str(part).strip()]

    @field_validator("cache_dir", mode="before")
    @classmethod
    def _empty_means_off(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and value.strip().lower() in ("", "off")):
            return None
        return value

    @field_validator("chain")
    @classmethod
    def _known_providers(cls, value: list[str]) -> list[str]:
        unknown = [name for name in value if name not in HTTP_PROVIDERS]
        if unknown:
            raise ValueError(
                f"unknown provider(s) {', '.join(unknown)}; choose from {', '.join(HTTP_PROVIDERS)}"
            )
        if not value:
            raise ValueError("the chain needs at least one provider")
        return value

    def url(self, provider: str) -> str | None:
        return getattr(self, f"{provider}_url")

    def max_chars(self, provider: str) -> int:
        return getattr(self, f"{provider}_max_chars")

    def rate_limit(self, provider: str) -> float:
        return getattr(self, f"{provider}_rate_limit")

    def secret(self, provider: str) -> str | None:
        """The provider's key from the environment, or None. Never log the result."""
        field = _PROVIDER_SECRET.get(provider)
        value = getattr(self, field) if field else None
        return value.get_secret_value() if value else None


#: provider -> settings field holding its key
_PROVIDER_SECRET = {
    "libre": "libre_api_key",
    "microsoft": "microsoft_key",
    "deepl": "deepl_auth_key",
}
_SECRET_FIELDS = tuple(_PROVIDER_SECRET.values())

#: settings field -> environment variable(s), as documented in guide/site-owners.md
ENVIRONMENT = {
    **{name: f"BILINGUE_{name.upper()}" for name in ProviderSettings.model_fields},
    "mymemory_email": "MYMEMORY_EMAIL (or BILINGUE_MYMEMORY_EMAIL)",
    "libre_api_key": "LIBRE_API_KEY (or BILINGUE_LIBRE_API_KEY)",
    "microsoft_key": "MICROSOFT_TRANSLATOR_KEY (or BILINGUE_MICROSOFT_KEY)",
    "microsoft_region": "MICROSOFT_TRANSLATOR_REGION (or BILINGUE_MICROSOFT_REGION)",
    "deepl_auth_key": "DEEPL_AUTH_KEY (or BILINGUE_DEEPL_AUTH_KEY)",
}
