"""What makes a Markdown file an essay: its front matter (``EssayMeta``) and its words.

An essay is a Markdown file in the essays folder (``docs/essais`` by default). ``name.md`` is the
French original; ``name.en.md`` its English version (mkdocs-static-i18n's suffix structure). The
build's corpus (``bilingue.corpus``) reads them, once, with these rules.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bilingue.errors import SourceFileError
from bilingue.markdown import Block, kinds

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


def words_in(blocks: Iterable[Block]) -> int:
    """Words a reader reads in a page's prose blocks (``Document.prose_blocks()``): the Markdown
    model's prose, without code, URLs, labels or markup; front-matter values are not the page's
    text."""
    count = _WORD.subn  # (the number of words replaced: no list of the words is made)
    return sum(
        count("", block.inline.plain_text())[1] for block in blocks if block.kind != kinds.FRONT_MATTER
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

# A word: letters and digits, joined by single apostrophes or hyphens. The last group is
# possessive ("*+"): a 1.2x faster count, and the same words, as nothing follows it in the
# pattern that could make the match give an iteration back.
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*+")
