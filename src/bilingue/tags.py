"""Tags: what an essay is about, written in French by its author and shown to English readers in
English through a translation table (``tags.yml``: French tag -> English label).

A tag with no English label is never shown as if it were English: ``check`` and the build report
it, and until it is translated the English site shows the French word marked ``lang="fr"``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bilingue import SOURCE_LANGUAGE
from bilingue.errors import SourceFileError
from bilingue.files import read_text, read_yaml
from bilingue.yaml_input import key_lines


@dataclass(frozen=True)
class Tag:
    """A tag as a reader of one language sees it."""

    name: str  # the French tag, as authors write it in front matter
    label: str  # what the reader sees
    language: str  # the language of ``label`` (French when no translation exists yet)
    slug: str  # the anchor on the tag page, the same in both languages


@dataclass(frozen=True)
class TagTable:
    """French tag -> English label."""

    path: Path
    english: dict[str, str] = field(default_factory=dict)

    def tag(self, name: str, language: str) -> Tag:
        """``name`` for a reader of ``language``: its English label on the English site if known."""
        if language == SOURCE_LANGUAGE or name not in self.english:
            return Tag(name, name, SOURCE_LANGUAGE, tag_slug(name))
        return Tag(name, self.english[name], language, tag_slug(name))

    def untranslated(self, names: Iterable[str]) -> list[str]:
        """The tags among ``names`` that have no English label, each once, in order."""
        return list(dict.fromkeys(name for name in names if name not in self.english))


def load_tag_table(path: Path | str) -> TagTable:
    """Read ``tags.yml``; a missing file is an empty table (every tag then reported untranslated)."""
    path = Path(path)
    if not path.exists():
        return TagTable(path)
    data = read_yaml(path, _TABLE_HELP)
    if data is None:
        return TagTable(path)
    if not isinstance(data, dict):
        raise SourceFileError(path, 1, "expected a mapping of French tags to English labels", _TABLE_HELP)
    english: dict[str, str] = {}
    for name, label in data.items():
        if not isinstance(label, str) or not label.strip():
            raise SourceFileError(
                path,
                key_lines(read_text(path)).line_of(str(name)),
                f"tag '{name}' has no English label",
                _TABLE_HELP,
            )
        english[str(name)] = label.strip()
    return TagTable(path, english)


@functools.lru_cache(maxsize=4096)  # each essay's tags are asked for by several hooks per page
def tag_slug(name: str) -> str:
    """An anchor for a tag: lowercase ASCII words joined by hyphens ('Économie' -> 'economie')."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _NOT_WORD.sub("-", ascii_name.lower()).strip("-") or "tag"


# ---------------------------------------------------------------------------------------------------
# Data

_NOT_WORD = re.compile(r"[^a-z0-9]+")
_TABLE_HELP = "write one line per tag, e.g. `assainissement: sanitation`"
