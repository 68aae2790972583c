"""Settings of the translation services: which ones, where, how fast, how patient.

Every value can come from an environment variable (names in ``ENVIRONMENT``; the table in
guide/site-owners.md is generated from this model) or from a mapping the caller passes (the
``translation.providers`` of bilingue.yml). Environment variables win, so a CI job or a test can
point a provider at a loopback server without touching files. API keys are read from the
environment only and are never printed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bilingue.errors import BilingueError
from bilingue.redact import redact, remember_secret

#: providers built in this package (``pseudo``/``identity`` live in ``bilingue.translate``)
HTTP_PROVIDERS = ("google", "mymemory", "libre", "microsoft", "deepl")


def load_settings(values: dict[str, Any] | None = None) -> ProviderSettings:
    """Settings from ``values`` (e.g. a config file section), overridden by environment variables.

    Raises a ``BilingueError`` naming the bad setting, and refuses API keys outside the
    environment so that they never end up committed in a config file.
    """
    values = dict(values or {})
    for secret in SECRET_FIELDS:
        if secret in values:
            raise BilingueError(
                f"translation setting {secret!r} is a secret: remove it from the configuration "
                f"file and set the environment variable {ENVIRONMENT[secret][0]} instead"
            )
    try:
        return ProviderSettings(**values)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in issue['loc'])}: {issue['msg']}" for issue in error.errors()
        )
        raise BilingueError(f"invalid translation settings: {problems}") from None


class ProviderSettings(BaseSettings):
    """All settings of the translation services. Field ``x`` is read from ``BILINGUE_X`` unless
    noted (keys: the services' usual variables, e.g. ``DEEPL_AUTH_KEY``); see ``ENVIRONMENT``."""

    # env_ignore_empty: a variable set to "" is unset (GitHub Actions gives "" for a secret or a
    # variable the repository does not define; it must not count as a key or an e-mail address)
    model_config = SettingsConfigDict(
        env_prefix="BILINGUE_", extra="forbid", populate_by_name=True, frozen=True, env_ignore_empty=True
    )

    # --- which services, in which order -------------------------------------------------------
    chain: Annotated[list[str], NoDecode] = Field(
        ["google", "mymemory"], description="services in fallback order (comma or `>` separated)"
    )

    # --- patience and politeness, shared by all providers -------------------------------------
    connect_timeout: float = Field(5.0, gt=0, description="seconds to connect")
    timeout: float = Field(20.0, gt=0, description="seconds to wait for an answer")
    deadline: float = Field(
        60.0,
        gt=0,
        description="seconds for a whole request: connection and full answer",
    )
    breaker_threshold: int = Field(
        2,
        ge=1,
        description="timeouts or refused connections in a row that switch a service off",
    )
    concurrency: int = Field(2, ge=1, le=16, description="requests in flight at once, per service (1–16)")
    max_attempts: int = Field(5, ge=1, description="tries of one request")
    retry_budget: int = Field(40, ge=0, description="retries allowed in one run, all services together")
    backoff_initial: float = Field(1.0, ge=0, description="first backoff ceiling (s), doubled each retry")
    backoff_max: float = Field(30.0, ge=0, description="longest backoff (s)")
    max_retry_after: float = Field(
        120.0, ge=0, description="a longer Retry-After switches the service off for the run"
    )

    # --- output sanity -------------------------------------------------------------------------
    min_length_ratio: float = Field(
        0.4, ge=0, description="shortest accepted output/input length ratio (inputs of 40+ characters)"
    )
    max_length_ratio: float = Field(3.0, gt=0, description="longest accepted output/input length ratio")
    echo_min_words: int = Field(3, ge=1, description="shorter texts may come back unchanged")
    language_check: bool = Field(True, description="reject answers still in the source language")
    language_min_letters: int = Field(24, ge=1, description="shorter answers are not language-checked")

    # --- translation cache (see cache.py); empty string turns it off ---------------------------
    cache_dir: Path | None = Field(
        Path(".bilingue/cache"), description="translation cache folder; empty or `off` turns it off"
    )

    # --- google: the unofficial mobile page, no key ---------------------------------------------
    google_url: str = Field("https://translate.google.com/m", description="Google's endpoint")
    google_max_chars: int = Field(4999, ge=50, le=4999, description="characters per request")
    google_rate_limit: float = Field(5.0, gt=0, description="requests per second")

    # --- mymemory: no key; an e-mail address raises the free quota -----------------------------
    mymemory_url: str = Field("https://api.mymemory.translated.net/get", description="MyMemory's endpoint")
    mymemory_max_chars: int = Field(
        499, ge=50, le=499, description="UTF-8 bytes per request (counted as the API does)"
    )
    mymemory_rate_limit: float = Field(1.0, gt=0, description="requests per second")
    mymemory_email: str | None = Field(
        None,
        validation_alias=AliasChoices("mymemory_email", "BILINGUE_MYMEMORY_EMAIL", "MYMEMORY_EMAIL"),
        description="raises MyMemory's free quota to 50,000 characters a day",
    )

    # --- libre: a LibreTranslate server, usually self-hosted -----------------------------------
    libre_url: str = Field("http://127.0.0.1:5000/", description="your LibreTranslate server")
    libre_max_chars: int = Field(2000, ge=50, description="characters per request")
    libre_rate_limit: float = Field(5.0, gt=0, description="requests per second")
    libre_api_key: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("BILINGUE_LIBRE_API_KEY", "LIBRE_API_KEY"),
        description="only if your server wants one",
    )

    # --- microsoft: Azure AI Translator v3 ------------------------------------------------------
    microsoft_url: str = Field(
        "https://api.cognitive.microsofttranslator.com", description="endpoint (without `/translate`)"
    )
    microsoft_max_chars: int = Field(10000, ge=50, le=50000, description="characters per request")
    microsoft_rate_limit: float = Field(5.0, gt=0, description="requests per second")
    microsoft_region: str | None = Field(
        None,
        validation_alias=AliasChoices(
            "microsoft_region", "BILINGUE_MICROSOFT_REGION", "MICROSOFT_TRANSLATOR_REGION"
        ),
        description="for regional Azure resources",
    )
    microsoft_key: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("BILINGUE_MICROSOFT_KEY", "MICROSOFT_TRANSLATOR_KEY"),
        description="required for Microsoft",
    )

    # --- deepl: official client; empty URL = chosen from the key (":fx" keys are Free) ----------
    deepl_url: str | None = Field(
        None, description="endpoint without `/v2`; unset: chosen from the key (`:fx` keys: DeepL Free)"
    )
    deepl_max_chars: int = Field(30000, ge=50, le=120000, description="characters per request")
    deepl_rate_limit: float = Field(5.0, gt=0, description="requests per second")
    deepl_english: str = Field("EN-US", description="DeepL needs a regional variant for English")
    deepl_auth_key: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("BILINGUE_DEEPL_AUTH_KEY", "DEEPL_AUTH_KEY"),
        description="required for DeepL",
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
        """The endpoint of ``provider`` (None: DeepL chooses from the key)."""
        return getattr(self, f"{provider}_url")

    def max_chars(self, provider: str) -> int:
        """Most characters (MyMemory: UTF-8 bytes) one request to ``provider`` may carry."""
        return getattr(self, f"{provider}_max_chars")

    def rate_limit(self, provider: str) -> float:
        """Request starts per second allowed to ``provider``."""
        return getattr(self, f"{provider}_rate_limit")

    def secret(self, provider: str) -> str | None:
        """The provider's key from the environment, or None. Never log the result."""
        field = _PROVIDER_SECRET.get(provider)
        value = getattr(self, field) if field else None
        secret = value.get_secret_value() if value else None
        remember_secret(secret)  # from now on no message can carry it
        return secret


#: provider -> settings field holding its key
_PROVIDER_SECRET = {
    "libre": "libre_api_key",
    "microsoft": "microsoft_key",
    "deepl": "deepl_auth_key",
}
#: the settings read from the environment only (never from a file, never shown)
SECRET_FIELDS = tuple(_PROVIDER_SECRET.values())

#: settings field -> its environment variables, the documented one first
ENVIRONMENT: dict[str, tuple[str, ...]] = {
    **{name: (f"BILINGUE_{name.upper()}",) for name in ProviderSettings.model_fields},
    "mymemory_email": ("MYMEMORY_EMAIL", "BILINGUE_MYMEMORY_EMAIL"),
    "libre_api_key": ("LIBRE_API_KEY", "BILINGUE_LIBRE_API_KEY"),
    "microsoft_key": ("MICROSOFT_TRANSLATOR_KEY", "BILINGUE_MICROSOFT_KEY"),
    "microsoft_region": ("MICROSOFT_TRANSLATOR_REGION", "BILINGUE_MICROSOFT_REGION"),
    "deepl_auth_key": ("DEEPL_AUTH_KEY", "BILINGUE_DEEPL_AUTH_KEY"),
}


def shown_url(url: str) -> str:
    """``url`` as it may be printed: credentials in it (a company proxy's) are masked."""
    return redact(url)


def environment_names(field: str) -> tuple[str, ...]:
    """The environment variables that set settings ``field``, the documented one first."""
    return ENVIRONMENT[field]
