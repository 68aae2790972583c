"""Essays on disk: which French essays exist, their English counterparts, and their front matter.

An essay is a Markdown file in the essays folder (``docs/essais`` by default). ``name.md`` is the
French original; ``name.en.md`` its English version (mkdocs-static-i18n's suffix structure).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bilingue import SOURCE_LANGUAGE, TARGET_LANGUAGE
from bilingue.errors import SourceFileError
from bilingue.files import read_text
from bilingue.frontmatter import split_front_matter
from bilingue.markdown import Document, kinds, parse_document
from bilingue.paths import english_path_for, language_of

ESSAYS_FOLDER = "essais"


class EssayMeta(BaseModel):
    """The front matter every essay carries (other keys are allowed and kept)."""

    model_config = ConfigDict(extra="allow")

    title: str = Field(min_length=1)
    date: dt.date
    description: str = Field(min_length=1)
    tags: list[str] = Field(default_factory=list)
    #: ids in authors.yml; none: the site's author signs the essay
    authors: list[str] = Field(default_factory=list)

    @field_validator("tags", "authors", mode="before")
    @classmethod
    def _tags_as_list(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value


@dataclass(frozen=True)
class EssayVersion:
    """One language version of an essay."""

    path: Path
    language: str
    meta: EssayMeta
    word_count: int


class _KnownVersion(NamedTuple):
    """An essay file's text when it was last read, and what was made of it."""

    text: str
    version: EssayVersion


@dataclass(frozen=True)
class Essay:
    """A French essay and, when it exists, its English version."""

    slug: str
    french: EssayVersion
    english: EssayVersion | None

    def version(self, language: str) -> EssayVersion:
        """The version to show a reader of ``language``: the French one when no translation exists."""
        if language == TARGET_LANGUAGE and self.english is not None:
            return self.english
        return self.french

    def is_translated(self, language: str) -> bool:
        """Whether the essay can be read in ``language`` (French always; English once its file exists)."""
        return language == SOURCE_LANGUAGE or self.english is not None


def discover_essays(folder: Path, skip_unreadable: bool = False) -> list[Essay]:
    """Every French essay in ``folder`` (recursively), newest first.

    An essay whose front matter is invalid stops the reading with its error, or is left out with
    ``skip_unreadable`` (for a check about something else, which should not repeat that error).
    """
    essays = []
    for french_path in sorted(folder.rglob("*.md")):
        if language_of(french_path) != SOURCE_LANGUAGE:
            continue
        english_path = english_path_for(french_path)
        try:
            essay = Essay(
                slug=french_path.relative_to(folder).with_suffix("").as_posix(),
                french=read_version(french_path),
                english=read_version(english_path) if english_path.exists() else None,
            )
        except SourceFileError:
            if skip_unreadable:
                continue
            raise
        essays.append(essay)
    return sorted(essays, key=lambda essay: (essay.french.meta.date, essay.slug), reverse=True)


def read_version(path: Path) -> EssayVersion:
    """Read one essay file; a missing or malformed front-matter field names the file and line.

    The file is read every time, but parsed (front matter, word count) only when its text
    differs from the last time this process read it: ``mkdocs serve`` rebuilds after each edit,
    and parsing every essay again cost seconds per rebuild at 300 essays."""
    text = read_text(path)
    known = _versions.get(path)
    if known is not None and known.text == text:
        return known.version
    document = split_front_matter(text, path)
    meta = validate_meta(document.meta, document.front_matter, path)
    version = EssayVersion(path, language_of(path), meta, count_words(document.body))
    _versions[path] = _KnownVersion(text, version)
    return version


def validate_meta(meta: dict, front_matter: str, path: Path | str) -> EssayMeta:
    """An essay's front matter as ``EssayMeta``; a bad field names the file, its line and the fix."""
    try:
        return EssayMeta.model_validate(meta)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "front matter"
        raise SourceFileError(
            path,
            _front_matter_line(front_matter, field),
            f"front matter field '{field}': {first['msg']}",
            "every essay needs title, date (YYYY-MM-DD), description, and optional tags and authors",
        ) from error


def count_words(markdown: str | Document) -> int:
    """Words a reader reads: the prose of the Markdown model's blocks (no code, URLs, labels)."""
    document = markdown if isinstance(markdown, Document) else parse_document(markdown)
    return sum(
        len(_WORD.findall(block.inline.plain_text()))
        for block in document.prose_blocks()
        if block.kind != kinds.FRONT_MATTER
    )


def _front_matter_line(front_matter: str, field: str) -> int:
    """Line of ``field:`` in the front matter block (the opening --- is line 1)."""
    key = field.split(".")[0]
    for number, line in enumerate(front_matter.splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
    return 1


# ---------------------------------------------------------------------------------------------------
# Data

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")

# path -> its text and version when this process last read it (the text is the key: exact)
_versions: dict[Path, _KnownVersion] = {}
