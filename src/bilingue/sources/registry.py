"""The registry of sources: a YAML file (``sources.yml`` at the repository root), one entry per id.

The file is read with ``yaml.compose`` so that every key keeps the line it was written on: a bad
field is reported as ``sources.yml:42: openai-2024.accessed: ...``, not as a Python traceback.
The file lives outside ``docs/`` on purpose: MkDocs would otherwise publish it as a static file.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from bilingue import yaml_input
from bilingue.errors import SourceFileError, yaml_error
from bilingue.files import read_text
from bilingue.paths import REGISTRY_FILE
from bilingue.sources.schema import Source

#: the registry's default place, relative to the folder that holds mkdocs.yml


@dataclass(frozen=True)
class Registry:
    """Every source by id, and the line each entry starts on (for messages)."""

    path: Path
    sources: dict[str, Source]
    lines: dict[str, int] = field(default_factory=dict)
    broken: frozenset[str] = frozenset()  # ids whose entry is invalid (reported separately)

    def __contains__(self, source_id: str) -> bool:
        return source_id in self.sources

    def __iter__(self) -> Iterator[Source]:
        return iter(self.sources.values())

    def __len__(self) -> int:
        return len(self.sources)

    def get(self, source_id: str) -> Source | None:
        """The source called ``source_id``, or None."""
        return self.sources.get(source_id)

    def closest_ids(self, source_id: str, count: int = 3) -> list[str]:
        """Ids that look like ``source_id`` (a typo's likely intended targets)."""
        return difflib.get_close_matches(source_id, list(self.sources), n=count, cutoff=0.6)


def load_registry(path: Path | str, problems: list[SourceFileError] | None = None) -> Registry:
    """Read and validate the registry; see ``parse_registry`` for ``problems``."""
    path = Path(path)
    if not path.exists():
        raise SourceFileError(
            path, None, "the sources registry does not exist", f"create {path.name} with one entry per source"
        )
    return parse_registry(read_text(path), path, problems)


def parse_registry(
    text: str, path: Path | str = REGISTRY_FILE, problems: list[SourceFileError] | None = None
) -> Registry:
    """Validate registry YAML given as text (``path`` is only used in messages).

    Without ``problems`` the first problem raises. With a list, every problem is appended to it
    and the entries that are valid are still returned (the checks want them all at once); the
    ids of invalid entries are kept in ``Registry.broken`` so they are not also called unknown.
    """
    path = Path(path)
    collected: list[SourceFileError] = []
    sources: dict[str, Source] = {}
    lines: dict[str, int] = {}
    broken: set[str] = set()
    for source_id, line, entry_problems, source in _entries(text, path):
        if source_id is not None:
            if source_id in lines:
                entry_problems = [
                    SourceFileError(
                        path,
                        line,
                        f"source id '{source_id}' is defined twice (first at line {lines[source_id]})",
                        "rename one of them",
                    ),
                    *entry_problems,
                ]
            else:
                lines[source_id] = line
        if entry_problems:
            if problems is None:
                raise entry_problems[0]
            collected.extend(entry_problems)
            if source_id is not None:
                broken.add(source_id)
        elif source is not None and source_id is not None and source_id not in sources:
            sources[source_id] = source
    if problems is not None:
        problems.extend(collected)
    return Registry(path, sources, lines, frozenset(broken - set(sources)))


def _entries(text: str, path: Path):
    """Yield (id, line, problems, source or None) for each entry of the registry text."""
    try:
        root = yaml_input.compose(text)
    except yaml.YAMLError as error:
        yield (None, 0, [yaml_error(path, error, "fix the indentation or quote the value")], None)
        return
    if root is None:
        return
    if not isinstance(root, yaml.MappingNode):
        yield (
            None,
            0,
            [
                SourceFileError(
                    path,
                    _line(root),
                    "the registry must be a mapping of source ids to entries",
                    "write `some-id:` then the entry's fields, indented",
                )
            ],
            None,
        )
        return
    for key_node, value_node in root.value:
        line = _line(key_node)
        try:
            source_id = _key(key_node, path)
        except SourceFileError as error:
            yield None, line, [error], None
            continue
        try:
            yield source_id, line, [], _entry(source_id, key_node, value_node, path)
        except _EntryProblems as error:
            yield source_id, line, error.problems, None


class _EntryProblems(Exception):
    def __init__(self, problems: list[SourceFileError]):
        self.problems = problems


def _entry(source_id: str, key_node: yaml.Node, value_node: yaml.Node, path: Path) -> Source:
    if not _SOURCE_ID.fullmatch(source_id):
        raise _EntryProblems(
            [
                SourceFileError(
                    path,
                    _line(key_node),
                    f"source id '{source_id}' is not valid",
                    "use lowercase letters, digits and hyphens, e.g. who-wash-2023",
                )
            ]
        )
    if not isinstance(value_node, yaml.MappingNode):
        raise _EntryProblems(
            [
                SourceFileError(
                    path,
                    _line(value_node),
                    f"{source_id}: the entry must be a mapping of fields",
                    "indent `title:`, `url:`... under the id",
                )
            ]
        )
    field_lines: dict[tuple[str, ...], int] = {}
    try:
        data = _to_python(value_node, (), field_lines, path)
    except SourceFileError as error:
        raise _EntryProblems([error]) from None
    if "id" in data:
        raise _EntryProblems(
            [
                SourceFileError(
                    path,
                    field_lines[("id",)],
                    f"{source_id}: do not write an `id` field",
                    "the key above the entry is its id",
                )
            ]
        )
    try:
        return Source.model_validate({"id": source_id, **data})
    except ValidationError as error:
        raise _EntryProblems(
            [_problem(detail, source_id, field_lines, _line(key_node), path) for detail in error.errors()]
        ) from None


def _problem(
    first: Any, source_id: str, field_lines: dict[tuple[str, ...], int], entry_line: int, path: Path
) -> SourceFileError:
    location = tuple(str(part) for part in first["loc"])
    line = entry_line
    for size in range(len(location), 0, -1):  # the deepest field that has a line
        if location[:size] in field_lines:
            line = field_lines[location[:size]]
            break
    name = ".".join((source_id, *location)) if location else source_id
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "missing":
        message = "this field is required"
        line = entry_line
    elif first["type"] == "extra_forbidden":
        message = "unknown field"
    return SourceFileError(path, line, f"{name}: {message}", _FIX.get(location[:1], _FIX[()]))


def _to_python(node: yaml.Node, where: tuple[str, ...], lines: dict[tuple[str, ...], int], path: Path) -> Any:
    """Build plain Python values from a node, recording the line of every key on the way."""
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _key(key_node, path)
            if key in result:
                raise SourceFileError(path, _line(key_node), f"field '{key}' is written twice", "keep one")
            lines[(*where, key)] = _line(key_node)
            result[key] = _to_python(value_node, (*where, key), lines, path)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            lines[(*where, str(index))] = _line(item)
            items.append(_to_python(item, (*where, str(index)), lines, path))
        return items
    try:
        # a constructor alone: a whole SafeLoader (reader, scanner, parser) per value cost most
        # of reading the registry, twice per build
        return yaml.constructor.SafeConstructor().construct_object(node)
    except (yaml.YAMLError, ValueError):
        # e.g. 2024-13-01 looks like a YAML date but is not one: let the schema say why
        return node.value


def _key(node: yaml.Node, path: Path) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise SourceFileError(path, _line(node), "a key must be a plain word", "remove the brackets")
    return str(node.value)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


# ---------------------------------------------------------------------------------------------------
# Data

_SOURCE_ID = re.compile(r"[a-z0-9][a-z0-9-]*")

# What to do, by the field that failed (the empty tuple is the general advice).
_FIX = {
    (): "see the field list at the top of sources.yml",
    ("url",): "write the full address, starting with https://",
    ("archive_url",): "write the archive's full address, e.g. https://web.archive.org/web/...",
    ("issued",): "publication date as YYYY, YYYY-MM or YYYY-MM-DD",
    ("accessed",): "the day you checked the source, as YYYY-MM-DD",
    ("archive_date",): "the day the archive copy was made, as YYYY-MM-DD",
    ("language",): "the source's language as an ISO 639 code: en, fr...",
    ("doi",): "e.g. 10.1016/S0140-6736(23)00458-0",
    ("figures",): "each figure needs value:, and may have unit:, year:, vintage:, indicator:",
    ("notes",): "notes need both fr: and en:",
}
