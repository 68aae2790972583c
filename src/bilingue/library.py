"""Everything the reader's pages say about the essays: which exist in each language, their tags
and their authors. The listing, tag and author pages, the feeds and the sharing tags all read it.

``essays_in(language)`` is the one per-language collection (newest first): a page that lists
essays (and, later, pages of them) starts from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from bilingue.authors import (
    Author,
    AuthorRegistry,
    essay_authors,
    load_authors,
    site_author_from,
    unknown_authors,
)
from bilingue.catalog import Essay, discover_essays
from bilingue.config import Settings
from bilingue.files import read_text
from bilingue.frontmatter import key_spans
from bilingue.reporting import Problem
from bilingue.tags import Tag, TagTable, load_tag_table

_cache: dict = {}


@dataclass(frozen=True)
class TagGroup:
    tag: Tag
    essays: list[Essay]


@dataclass(frozen=True)
class Library:
    essays: list[Essay]  # every French essay, newest first
    tags: TagTable = field(default_factory=lambda: TagTable(Path("tags.yml")))
    authors: AuthorRegistry = field(default_factory=lambda: AuthorRegistry(Path("authors.yml")))
    site_author: Author | None = None

    def essay_at(self, french_path: Path) -> Essay | None:
        """The essay whose French original is ``french_path``."""
        return self._by_path.get(french_path.resolve())

    @cached_property
    def _by_path(self) -> dict[Path, Essay]:
        return {essay.french.path.resolve(): essay for essay in self.essays}

    def essays_in(self, language: str) -> list[Essay]:
        """The essays a reader of ``language`` can read in it (an untranslated one is not English)."""
        return [essay for essay in self.essays if essay.is_translated(language)]

    def tags_of(self, essay: Essay, language: str) -> list[Tag]:
        # The French file is the authority: an English file's tags are a copy of them.
        return [self.tags.tag(name, language) for name in essay.french.meta.tags]

    def authors_of(self, essay: Essay) -> list[Author]:
        return essay_authors(essay.french.meta.authors, self.authors, self.site_author)

    def tag_groups(self, language: str) -> list[TagGroup]:
        """Each tag with its essays, sorted by the label a reader of ``language`` sees.

        Untranslated essays are included (as on the home page, the listing says so): every tag
        link of the site, the French text shown under /en/ included, has its section.
        """
        groups: dict[str, TagGroup] = {}
        for essay in self.essays:
            for tag in self.tags_of(essay, language):
                groups.setdefault(tag.name, TagGroup(tag, [])).essays.append(essay)
        return sorted(groups.values(), key=lambda group: (group.tag.label.casefold(), group.tag.name))

    def essays_by(self, author: Author) -> list[Essay]:
        return [essay for essay in self.essays if author in self.authors_of(essay)]

    def problems(self) -> list[Problem]:
        """Unknown author ids and tags with no English label (errors), at their line in the
        French essay."""
        found = []
        for essay in self.essays:
            path = essay.french.path
            for author_id in unknown_authors(essay.french.meta.authors, self.authors):
                found.append(
                    Problem(
                        "error",
                        f"author '{author_id}' is not in {self.authors.path.name} (add an entry for them)",
                        path,
                        _key_line(path, "authors"),
                    )
                )
            for name in self.tags.untranslated(essay.french.meta.tags):
                found.append(
                    Problem(
                        "error",
                        f"tag '{name}' has no English label in {self.tags.path.name} "
                        f"(add a line `{name}: <English label>`)",
                        path,
                        _key_line(path, "tags"),
                    )
                )
        return found


def load_library(
    settings: Settings,
    extra: dict | None = None,
    skip_unreadable: bool = False,
    docs_dir: Path | None = None,
) -> Library:
    """The library of a project: its essays, its tags' labels and its authors, where ``settings``
    says they are (``docs_dir`` overrides the pages' folder; ``extra`` is mkdocs.yml's, for the
    site's author; ``skip_unreadable``: see ``discover_essays``)."""
    docs = docs_dir or settings.docs_dir
    return Library(
        essays=discover_essays(docs / settings.folders.essays, skip_unreadable),
        tags=load_tag_table(settings.tags_path),
        authors=load_authors(settings.authors_path, docs),
        site_author=site_author_from(extra or {}),
    )


def current_library(settings: Settings, extra: dict | None = None) -> Library:
    """``load_library``, read again only when a file it depends on changed (several hooks of
    one build, and i18n's second pass, share one reading; ``mkdocs serve`` sees edits)."""
    paths = [settings.tags_path, settings.authors_path, *sorted(settings.essays_dir.rglob("*.md"))]
    fingerprint = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths if p.exists())
    key = (settings.model_dump_json(), str(settings.root), fingerprint, repr(extra or {}))
    if _cache.get("key") != key:
        _cache["library"] = load_library(settings, extra)
        _cache["key"] = key
    return _cache["library"]


def _key_line(path: Path, key: str) -> int | None:
    """Line of ``key:`` in the file (its front matter opens on line 1)."""
    text = read_text(path)
    spans = key_spans(text)
    return text[: spans[key][0]].count("\n") + 1 if key in spans else None
