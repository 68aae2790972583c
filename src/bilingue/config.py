"""The project's settings: ``bilingue.yml`` at the repository root, read by the CLI and the hooks.

Environment variables win over the file, so CI or a test can change the mode or the provider
without editing it: ``BILINGUE_MODE`` (auto | check | off) and ``BILINGUE_PROVIDER``. API keys
never go in this file (the provider settings refuse them; see guide/site-owners.md, "Provider settings").
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bilingue.errors import BilingueError, SourceFileError
from bilingue.files import read_text
from bilingue.markdown.parse import DEFAULT_FRONT_MATTER_KEYS
from bilingue.translate.options import TranslateOptions, load_glossary

CONFIG_FILE = "bilingue.yml"

Mode = Literal["auto", "check", "off"]


class TranslationConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    #: auto: translate what is missing or stale (mkdocs build/serve and `translate`);
    #: check: translate nothing, fail when an English file is missing or stale (CI);
    #: off: the build does nothing about translations
    mode: Mode = "auto"
    #: provider or fallback chain: pseudo, identity, google, mymemory, libre, microsoft, deepl,
    #: or e.g. "google,mymemory"; None = the chain of the provider settings (BILINGUE_CHAIN)
    provider: str | None = None
    #: folders (or files) of French essays kept in sync, relative to the project root
    paths: list[str] = Field(default_factory=lambda: ["docs/essais"])
    front_matter_keys: list[str] = Field(default_factory=lambda: list(DEFAULT_FRONT_MATTER_KEYS))
    glossary: str | None = "glossary.yml"
    #: provider settings without secrets (names as in guide/site-owners.md, "Provider settings")
    providers: dict[str, Any] = Field(default_factory=dict)


class ProjectConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    translation: TranslationConfig = Field(default_factory=TranslationConfig)
    root: Path = Path(".")

    def translate_options(self) -> TranslateOptions:
        """What a translation run may change, from these settings (glossary loaded)."""
        glossary = self.root / self.translation.glossary if self.translation.glossary else None
        return TranslateOptions(
            front_matter_keys=tuple(self.translation.front_matter_keys),
            glossary=load_glossary(glossary) if glossary and glossary.exists() else (),
        )

    def check_provider(self, override: str | None = None) -> None:
        """Stop with a ``BilingueError`` now when the provider named is unknown, saying where the
        name came from: ``override`` (a command's ``--provider``), else the setting (its variable
        or bilingue.yml), else the providers' chain."""
        from bilingue.providers.factory import check_provider_name  # here: ~0.1 s of imports, when needed

        name = override or self.translation.provider
        try:
            check_provider_name(name, self.translation.providers)
        except BilingueError as error:
            if not name:
                raise
            origin = "--provider" if override else _origin_of("provider")
            raise BilingueError(f"{error} (given by {origin})") from None

    def essay_paths(self, paths: Sequence[Path] = ()) -> list[Path]:
        """``paths`` when given (e.g. on the command line), else the configured essay folders."""
        return list(paths) or [self.root / path for path in self.translation.paths]


def load_config(root: Path | str = ".") -> ProjectConfig:
    """Settings from ``ROOT/bilingue.yml`` (defaults when absent), then the environment."""
    root = Path(root)
    path = root / CONFIG_FILE
    data: dict[str, Any] = {}
    if path.exists():
        data = _read_yaml(path)
    data.setdefault("translation", {})
    if not isinstance(data["translation"], dict):
        raise SourceFileError(path, 1, "`translation:` must be a mapping of settings")
    for variable, key in ENVIRONMENT.items():
        if os.environ.get(variable):
            data["translation"][key] = os.environ[variable]
    try:
        return ProjectConfig(**data, root=root)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        variable = _variable_setting(field.removeprefix("translation."))
        if variable:  # the environment won over the file: blame the variable, not the file's line
            raise BilingueError(
                f"environment variable {variable}={os.environ[variable]!r}: {first['msg']} "
                f"(fix or unset {variable}; see guide/site-owners.md, section Settings)"
            ) from None
        raise SourceFileError(
            path,
            _line_of(path, field),
            f"setting {field!r}: {first['msg']}",
            "see guide/site-owners.md, section Settings",
        ) from None


def _origin_of(key: str) -> str:
    """Where the value of ``translation.<key>`` comes from: its environment variable, or the file."""
    variable = _variable_setting(key)
    return f"environment variable {variable}" if variable else f"{CONFIG_FILE}, translation.{key}"


def _variable_setting(key: str) -> str | None:
    """The environment variable that sets ``translation.<key>`` in this run (None: the file does)."""
    return next((var for var, setting in ENVIRONMENT.items() if setting == key and os.environ.get(var)), None)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(read_text(path)) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise SourceFileError(
            path, mark.line + 1 if mark else None, f"invalid YAML: {error}", "fix the file's syntax"
        ) from error
    if not isinstance(data, dict):
        raise SourceFileError(path, 1, "must be a mapping of settings")
    return data


def _line_of(path: Path, field: str) -> int | None:
    if not path.exists():
        return None
    key = field.split(".")[-1]
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if line.strip().startswith(f"{key}:"):
            return number
    return None


# ---------------------------------------------------------------------------------------------------
# Data

ENVIRONMENT = {"BILINGUE_MODE": "mode", "BILINGUE_PROVIDER": "provider"}
