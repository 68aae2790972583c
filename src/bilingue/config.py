"""The project's one settings model: ``bilingue.yml`` at the repository root, then the environment.

Every command and every MkDocs hook reads its settings through ``load_config(root)``, which
returns a ``Settings``: the languages, the folders (docs, essays, sources registry), the
translation settings (mode, provider, essay paths, front-matter keys, glossary) and the
translation services' settings (``translation.providers``: ``ProviderSettings``, a
pydantic-settings model). Each setting has a key in bilingue.yml and an environment variable;
**the environment variable wins**, so CI or a test can change a setting without editing the file.
API keys are read from the environment only and never shown.

``Settings.origin(key)`` says where a value came from (default, file and line, or variable);
``describe_settings`` lists every effective value with its origin (``python -m bilingue
settings``) and ``settings_table`` is the reference table of the site owners' guide.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, SecretStr, ValidationError, field_validator

from bilingue import SOURCE_LANGUAGE, TARGET_LANGUAGE
from bilingue.catalog import ESSAYS_FOLDER
from bilingue.errors import BilingueError, SourceFileError
from bilingue.files import read_text, read_yaml
from bilingue.markdown import DEFAULT_FRONT_MATTER_KEYS
from bilingue.paths import REGISTRY_FILE
from bilingue.translate import TranslateOptions, load_glossary
from bilingue.yaml_input import KeyLines, key_lines

if TYPE_CHECKING:
    from bilingue.providers import ProviderSettings

CONFIG_FILE = "bilingue.yml"
SITE_CONFIG_FILE = "mkdocs.yml"  # its markdown_extensions are what translations are judged with

Mode = Literal["auto", "check", "off"]


class Languages(BaseModel):
    """The site's two languages. Only French -> English is supported: stated here, in one place."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: Literal["fr"] = Field(SOURCE_LANGUAGE, description="language the essays are written in")
    target: Literal["en"] = Field(TARGET_LANGUAGE, description="language they are translated into")


class Folders(BaseModel):
    """Where the site's files are, relative to the project root."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    docs: str = Field(
        "docs", description="the site's pages: the docs_dir of mkdocs.yml (the build checks they agree)"
    )
    essays: str = Field(ESSAYS_FOLDER, description="folder of the essays, inside the docs folder")
    sources: str = Field(REGISTRY_FILE, description="the registry of dated sources essays cite")
    authors: str = Field("authors.yml", description="the essays' authors (name, bio, link, avatar)")
    tags: str = Field("tags.yml", description="the English label of each (French) tag")


class TranslationConfig(BaseModel):
    """What translating does: when (mode), with which service, on which files, keeping what."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    mode: Mode = Field(
        "auto",
        description="what `mkdocs build`/`serve` do: `auto` translate what is missing or stale, "
        "`check` fail when English is missing or stale (no network: CI), `off` nothing",
    )
    provider: str | None = Field(
        None,
        description="a provider or fallback chain (`deepl,google`): google, mymemory, libre, "
        "microsoft, deepl, or pseudo/identity alone; unset: `translation.providers.chain`; "
        "a command's `--provider` wins",
    )
    paths: list[str] | None = Field(
        None,
        description="French essays (folders or files) kept in sync; unset: the essays folder",
    )
    front_matter_keys: list[str] = Field(
        default_factory=lambda: list(DEFAULT_FRONT_MATTER_KEYS),
        description="front-matter values that are translated; every other value stays as written",
    )
    glossary: str | None = Field("glossary.yml", description="terms every translation keeps as written")
    allow_test_providers: bool = Field(
        False,
        description="let English written by pseudo/identity pass `translate --check` and the "
        "check-mode build: for test sites only, so that test output is never published",
    )
    #: the services' settings without secrets, as in bilingue.yml (``provider_settings`` reads them)
    providers: dict[str, Any] = Field(default_factory=dict)
    pull_requests_need_english: bool = Field(
        False,
        description="`false`: a pull request may leave its English to the translation workflow "
        "(`translate --check --pull-request` warns, saying what the workflow will do after the "
        "merge); `true`: contributors bring their own English and a pull request without it fails",
    )

    @field_validator("mode", mode="before")
    @classmethod
    def _off_unquoted(cls, value: Any) -> Any:
        # YAML reads an unquoted `mode: off` as False
        return "off" if value is False else value

    @field_validator("paths", "front_matter_keys", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        # a list in bilingue.yml, "a,b" in an environment variable
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value


class Settings(BaseModel):
    """Every setting of the project, as one run sees them (file, then environment)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    languages: Languages = Field(default_factory=Languages)
    folders: Folders = Field(default_factory=Folders)
    translation: TranslationConfig = Field(default_factory=TranslationConfig)
    #: the project's folder, holding bilingue.yml (not a setting: where the settings were read)
    root: Path = Path(".")
    _origins: dict[str, str] = PrivateAttr(default_factory=dict)

    # --- paths ---------------------------------------------------------------------------------

    @property
    def docs_dir(self) -> Path:
        """The pages' folder."""
        return self.root / self.folders.docs

    @property
    def essays_dir(self) -> Path:
        """The essays' folder (inside the docs folder)."""
        return self.docs_dir / self.folders.essays

    @property
    def registry_path(self) -> Path:
        """The sources registry (``sources.yml``)."""
        return self.root / self.folders.sources

    @property
    def authors_path(self) -> Path:
        """The authors registry (``authors.yml``)."""
        return self.root / self.folders.authors

    @property
    def tags_path(self) -> Path:
        """The tags' English labels (``tags.yml``)."""
        return self.root / self.folders.tags

    def essay_paths(self, paths: Sequence[Path] = ()) -> list[Path]:
        """``paths`` when given (e.g. on the command line), else the configured essays."""
        if paths:
            return list(paths)
        if self.translation.paths is None:
            return [self.essays_dir]
        return [self.root / path for path in self.translation.paths]

    # --- what the other layers take ------------------------------------------------------------

    @property
    def site_config(self) -> Path:
        """The site's mkdocs.yml (its Markdown configuration judges translations and content)."""
        return self.root / SITE_CONFIG_FILE

    def translate_options(self) -> TranslateOptions:
        """What a translation run may change, from these settings (glossary loaded)."""
        glossary = self.root / self.translation.glossary if self.translation.glossary else None
        return TranslateOptions(
            front_matter_keys=tuple(self.translation.front_matter_keys),
            glossary=load_glossary(glossary) if glossary and glossary.exists() else (),
            site_config=self.site_config,
            allow_test_providers=self.translation.allow_test_providers,
        )

    @cached_property
    def provider_settings(self) -> ProviderSettings:
        """The services' settings: ``translation.providers``, then ``BILINGUE_*`` variables."""
        # imported here, as below: a build that translates nothing never loads pydantic-settings
        from bilingue.providers import load_settings

        return load_settings(self.translation.providers)

    def check_provider(self, override: str | None = None) -> None:
        """Stop with a ``BilingueError`` now when the provider named is unknown, saying where the
        name came from: ``override`` (a command's ``--provider``), else the setting (its variable
        or bilingue.yml), else the providers' chain."""
        from bilingue.providers import check_provider_name

        name = override or self.translation.provider
        try:
            check_provider_name(name, self.translation.providers)
        except BilingueError as error:
            if not name:
                raise
            origin = "--provider" if override else self.origin("translation.provider")
            raise BilingueError(f"{error} (given by {origin})") from None

    # --- where each value came from ------------------------------------------------------------

    def origin(self, key: str) -> str:
        """Where the value of ``key`` (e.g. ``translation.mode``) comes from, for messages."""
        return self._origins.get(key, "default")


def load_config(root: Path | str = ".") -> Settings:
    """Settings from ``ROOT/bilingue.yml`` (defaults when absent), then the environment."""
    root = Path(root)
    path = root / CONFIG_FILE
    data: dict[str, Any] = {}
    origins: dict[str, str] = {}
    lines = KeyLines()
    if path.exists():
        data = read_yaml(path, "fix the file's syntax")
        if not isinstance(data, dict):
            raise SourceFileError(path, 1, "must be a mapping of settings")
        lines = key_lines(read_text(path))
        for section, value in data.items():
            if isinstance(value, dict):
                origins.update({f"{section}.{key}": _in_file(path, lines, section, key) for key in value})
            if section == "translation" and isinstance(value, dict):
                providers = value.get("providers")
                if isinstance(providers, dict):
                    origins.update(
                        {
                            f"translation.providers.{key}": _in_file(path, lines, section, "providers", key)
                            for key in providers
                        }
                    )
    for key, variable in ENVIRONMENT.items():
        if os.environ.get(variable):
            section, name = key.split(".")
            if not isinstance(data.setdefault(section, {}), dict):
                raise SourceFileError(path, 1, f"`{section}:` must be a mapping of settings")
            data[section][name] = os.environ[variable]
            origins[key] = f"environment variable {variable}"
    try:
        settings = Settings(**data, root=root)
    except ValidationError as error:
        raise _explained(error, path, lines) from None
    settings._origins.update(origins)
    return settings


def describe_settings(settings: Settings) -> list[str]:
    """Every setting's effective value and where it came from; secrets only say set / not set."""
    rows = [(row.key, row.shown(settings), row.origin(settings)) for row in setting_rows()]
    width = max(len(key) for key, _, _ in rows)
    value_width = min(48, max(len(value) for _, value, _ in rows))
    return [f"{key:<{width}}  {value:<{value_width}}  ({origin})" for key, value, origin in rows]


def settings_table() -> str:
    """The reference table of every setting (Markdown): key, variable, default, meaning."""
    lines = [
        "| `bilingue.yml` key | environment variable | default | meaning |",
        "| --- | --- | --- | --- |",
    ]
    for row in setting_rows():
        default = "–" if row.secret or row.default in (None, "") else f"`{_shown(row.default, False)}`"
        lines.append(f"| `{row.key}` | {row.variables_markdown} | {default} | {row.meaning} |")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------------
# Helpers


@dataclass(frozen=True)
class SettingRow:
    """One setting as the documentation and ``python -m bilingue settings`` show it."""

    key: str  # dotted bilingue.yml key
    variables: tuple[str, ...]  # environment variables, the documented one first
    default: Any
    meaning: str
    secret: bool = False  # from the environment only, never shown

    @property
    def variables_markdown(self) -> str:
        """The environment variables as the table shows them."""
        first, *others = self.variables
        return f"`{first}`" + (f" (or {', '.join(f'`{name}`' for name in others)})" if others else "")

    def value(self, settings: Settings) -> Any:
        """The effective value in ``settings``."""
        if self.key.startswith("translation.providers."):
            return getattr(settings.provider_settings, self.key.rsplit(".", 1)[1])
        if self.key == "translation.paths":
            return [str(path) for path in settings.essay_paths()]
        section, name = self.key.split(".")
        return getattr(getattr(settings, section), name)

    def shown(self, settings: Settings) -> str:
        """The effective value as it may be printed (keys hidden, credentials in URLs masked)."""
        from bilingue.providers import shown_url

        text = _shown(self.value(settings), self.secret)
        return shown_url(text) if self.key.endswith("_url") else text

    def origin(self, settings: Settings) -> str:
        """Where the effective value comes from: a variable, bilingue.yml and its line, or the default."""
        for variable in self.variables:
            if os.environ.get(variable):
                return f"environment variable {variable}"
        if self.secret:
            return "environment only"
        return settings.origin(self.key)


def setting_rows() -> Iterator[SettingRow]:
    """Every setting, in the order of bilingue.yml, then the services' settings."""
    from bilingue.providers import SECRET_FIELDS, ProviderSettings, environment_names

    for section, model in (
        ("languages", Languages),
        ("folders", Folders),
        ("translation", TranslationConfig),
    ):
        for name, field in model.model_fields.items():
            if name == "providers":
                continue
            key = f"{section}.{name}"
            default = field.get_default(call_default_factory=True)
            yield SettingRow(key, (ENVIRONMENT[key],), default, field.description or "")
    for name, field in ProviderSettings.model_fields.items():
        yield SettingRow(
            f"translation.providers.{name}",
            environment_names(name),
            field.get_default(call_default_factory=True),
            field.description or "",
            secret=name in SECRET_FIELDS,
        )


def _shown(value: Any, secret: bool) -> str:
    if secret or isinstance(value, SecretStr):
        return "set (hidden)" if value else "not set"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value) or "(none)"
    if value is None:
        return "(unset)"
    return str(value)


def _in_file(path: Path, lines: KeyLines, *key: str) -> str:
    line = lines.line_of(*(str(part) for part in key))
    return f"{path.name}, line {line}" if line else path.name


def _explained(error: ValidationError, path: Path, lines: KeyLines) -> BilingueError:
    """The first problem, blaming the environment variable when one set the value, else the file."""
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"])
    variable = ENVIRONMENT.get(".".join(field.split(".")[:2]))
    if variable and os.environ.get(variable):
        return BilingueError(
            f"environment variable {variable}={os.environ[variable]!r}: {first['msg']} "
            f"(fix or unset {variable}; see guide/site-owners.md, section Settings)"
        )
    return SourceFileError(
        path,
        lines.line_of(*first["loc"]),
        f"setting {field!r}: {first['msg']}",
        "see guide/site-owners.md, section Settings",
    )


# ---------------------------------------------------------------------------------------------------
# Data

#: bilingue.yml key -> the environment variable that overrides it (the services' own settings,
#: ``translation.providers.*``, are read by ``ProviderSettings``: see ``providers.settings``)
ENVIRONMENT = {
    "languages.source": "BILINGUE_SOURCE_LANGUAGE",
    "languages.target": "BILINGUE_TARGET_LANGUAGE",
    "folders.docs": "BILINGUE_DOCS",
    "folders.essays": "BILINGUE_ESSAYS",
    "folders.sources": "BILINGUE_SOURCES",
    "folders.authors": "BILINGUE_AUTHORS",
    "folders.tags": "BILINGUE_TAGS",
    "translation.mode": "BILINGUE_MODE",
    "translation.provider": "BILINGUE_PROVIDER",
    "translation.paths": "BILINGUE_PATHS",
    "translation.front_matter_keys": "BILINGUE_FRONT_MATTER_KEYS",
    "translation.glossary": "BILINGUE_GLOSSARY",
    "translation.allow_test_providers": "BILINGUE_ALLOW_TEST_PROVIDERS",
    "translation.pull_requests_need_english": "BILINGUE_PULL_REQUESTS_NEED_ENGLISH",
}
