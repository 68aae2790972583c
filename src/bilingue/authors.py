"""Authors: a registry (``authors.yml``) that essays name in their front matter (``authors: [id]``).

An entry has a name, a short bio in French and English, and optionally a link (http or https
only: the registry comes from contributors' pull requests) and an avatar (an image under docs/).
An essay that names no author is signed by the site's author (``extra.author`` in mkdocs.yml),
when the site owner has filled it in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bilingue import SOURCE_LANGUAGE, TARGET_LANGUAGE
from bilingue.errors import SourceFileError
from bilingue.files import read_text, read_yaml
from bilingue.yaml_input import key_lines


class Bio(BaseModel):
    """An author's short biography, in French and in English."""

    model_config = ConfigDict(extra="forbid")

    fr: str = Field(min_length=1)
    en: str = Field(min_length=1)


class AuthorEntry(BaseModel):
    """One entry of authors.yml, as written."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    bio: Bio
    url: str | None = None
    avatar: str | None = None

    @field_validator("url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        if value is not None and not _WEB_URL.match(value):
            raise ValueError("must be an http:// or https:// address")
        return value

    @field_validator("avatar")
    @classmethod
    def _inside_docs(cls, value: str | None) -> str | None:
        if value is None:
            return value
        path = PurePosixPath(value)
        if path.is_absolute() or ".." in path.parts or not _PLAIN_PATH.fullmatch(value):
            raise ValueError(
                "must be a path inside docs/ of letters, digits, '.', '_', '-' and '/', "
                "e.g. assets/authors/name.jpg"
            )
        if path.suffix.lower() not in _IMAGE_SUFFIXES:
            raise ValueError(f"must be an image ({', '.join(sorted(_IMAGE_SUFFIXES))})")
        return value


@dataclass(frozen=True)
class Author:
    """An author as a page shows them."""

    id: str  # the registry key; "" for the site's own author (who has no entry)
    name: str
    bio: dict[str, str] = field(default_factory=dict)
    url: str | None = None
    avatar: str | None = None

    def bio_in(self, language: str) -> str:
        """The biography in ``language`` ("" when there is none)."""
        return self.bio.get(language, "")


@dataclass(frozen=True)
class AuthorRegistry:
    """The authors of ``authors.yml``, by id."""

    path: Path
    authors: dict[str, Author] = field(default_factory=dict)

    def __contains__(self, author_id: str) -> bool:
        return author_id in self.authors

    def get(self, author_id: str) -> Author | None:
        """The author called ``author_id``, or None."""
        return self.authors.get(author_id)


def load_authors(path: Path | str, docs_dir: Path | None = None) -> AuthorRegistry:
    """Read and validate ``authors.yml`` (missing: an empty registry). Errors name file and line."""
    path = Path(path)
    if not path.exists():
        return AuthorRegistry(path)
    text = read_text(path)
    data = read_yaml(path, _HELP)
    if data is None:
        return AuthorRegistry(path)
    if not isinstance(data, dict):
        raise SourceFileError(path, 1, "expected one entry per author id", _HELP)
    authors = {}
    lines = key_lines(text)
    for author_id, entry in data.items():
        author_id = str(author_id)
        line = lines.line_of(author_id)
        if not _ID.fullmatch(author_id):
            raise SourceFileError(
                path, line, f"author id '{author_id}' is not lowercase letters, digits and hyphens", _HELP
            )
        try:
            valid = AuthorEntry.model_validate(entry)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "entry"
            raise SourceFileError(path, line, f"{author_id}.{where}: {first['msg']}", _HELP) from error
        if valid.avatar and docs_dir is not None and not (docs_dir / valid.avatar).is_file():
            raise SourceFileError(
                path,
                line,
                f"{author_id}.avatar: no file docs/{valid.avatar}",
                "add the image or remove avatar",
            )
        authors[author_id] = Author(
            author_id, valid.name, {SOURCE_LANGUAGE: valid.bio.fr, TARGET_LANGUAGE: valid.bio.en},
            valid.url, valid.avatar,
        )  # fmt: skip
    return AuthorRegistry(path, authors)


def unknown_authors(names: Iterable[str], registry: AuthorRegistry) -> list[str]:
    """The ids among ``names`` that the registry does not know, each once, in order."""
    return list(dict.fromkeys(name for name in names if name not in registry))


def essay_authors(ids: Iterable[str], registry: AuthorRegistry, site_author: Author | None) -> list[Author]:
    """Who signs an essay: its known authors, or the site's author when it names none."""
    ids = list(ids)
    if not ids:
        return [site_author] if site_author else []
    return [author for author in (registry.get(author_id) for author_id in ids) if author]


def site_author_from(extra: dict) -> Author | None:
    """The site-wide author of mkdocs.yml (``extra.author.name``/``url``), if the owner set one."""
    author = extra.get("author") or {}
    name = str(author.get("name") or "").strip()
    if not name:
        return None
    url = str(author.get("url") or "").strip()
    return Author("", name, url=url if _WEB_URL.match(url) else None)


# ---------------------------------------------------------------------------------------------------
# Data

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # fullmatch: "$" would let a final newline in
_WEB_URL = re.compile(r"^https?://[^\s/]+", re.IGNORECASE)
_IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".avif"}
#: what an avatar path may hold: it is written into the page's Markdown as a link target
_PLAIN_PATH = re.compile(r"[A-Za-z0-9._/-]+")
_HELP = "see authors.yml's header: `id: {name: ..., bio: {fr: ..., en: ...}, url: ..., avatar: ...}`"
