"""Everything the reader's pages say about the essays: which exist in each language, their tags
and their authors. The listing, tag and author pages, the feeds and the sharing tags all read it.

The essays are the build's corpus (``bilingue.corpus``): the library reads no essay itself, it
adds the registries (tags.yml, authors.yml) and the site's author to the essays the build read
once. An essay is a ``CorpusEssay``, the version a reader of the pass's language gets; its French
original (``original``) is the authority on its date, tags, authors and reading time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bilingue import SOURCE_LANGUAGE
from bilingue.authors import (
    Author,
    AuthorRegistry,
    essay_authors,
    load_authors,
    site_author_from,
    unknown_authors,
)
from bilingue.config import Settings
from bilingue.corpus import Corpus, CorpusEssay, EssayCollection
from bilingue.files import read_text
from bilingue.frontmatter import key_spans
from bilingue.reporting import Problem
from bilingue.tags import Tag, TagTable, load_tag_table


@dataclass(frozen=True)
class TagGroup:
    """A tag and its essays (the tag page's sections)."""

    tag: Tag
    essays: list[CorpusEssay]


@dataclass(frozen=True)
class Library:
    """The reader's view of the site: the corpus's essays, their tags and their authors."""

    corpus: Corpus
    tags: TagTable
    authors: AuthorRegistry
    site_author: Author | None = None

    def essays(self, language: str) -> EssayCollection:
        """Every essay as a reader of ``language`` gets it (the French text when not translated),
        newest first."""
        return self.corpus.essays(language)

    def essays_in(self, language: str) -> list[CorpusEssay]:
        """The essays a reader of ``language`` can read in it (an untranslated one is not English)."""
        return [essay for essay in self.essays(language) if essay.is_translated(language)]

    def original(self, essay: CorpusEssay) -> CorpusEssay:
        """The French version of ``essay`` (itself when it is French)."""
        if essay.language == SOURCE_LANGUAGE:
            return essay
        return self.essays(SOURCE_LANGUAGE).by_slug(essay.slug) or essay

    def tags_of(self, essay: CorpusEssay, language: str) -> list[Tag]:
        """The tags of ``essay`` as a reader of ``language`` sees them (the French file's: an
        English file's tags are a copy of them)."""
        return [self.tags.tag(name, language) for name in self.original(essay).meta.tags]

    def authors_of(self, essay: CorpusEssay) -> list[Author]:
        """The authors of ``essay`` (the site's author when its front matter names none)."""
        return essay_authors(self.original(essay).meta.authors, self.authors, self.site_author)

    def tag_groups(self, language: str) -> list[TagGroup]:
        """Each tag with its essays, sorted by the label a reader of ``language`` sees.

        Untranslated essays are included (as on the home page, the listing says so): every tag
        link of the site, the French text shown under /en/ included, has its section.
        """
        groups: dict[str, TagGroup] = {}
        for essay in self.essays(language):
            for tag in self.tags_of(essay, language):
                groups.setdefault(tag.name, TagGroup(tag, [])).essays.append(essay)
        return sorted(groups.values(), key=lambda group: (group.tag.label.casefold(), group.tag.name))

    def essays_by(self, author: Author, language: str) -> list[CorpusEssay]:
        """The essays ``author`` wrote or co-wrote, as a reader of ``language`` gets them, newest
        first."""
        return [essay for essay in self.essays(language) if author in self.authors_of(essay)]

    def problems(self) -> list[Problem]:
        """Unknown author ids and tags with no English label (errors), at their line in the
        French essay."""
        found = []
        for essay in self.essays(SOURCE_LANGUAGE):
            authors = unknown_authors(essay.meta.authors, self.authors)
            tags = self.tags.untranslated(essay.meta.tags)
            if not (authors or tags):
                continue
            lines = _key_lines(essay.path)  # the file read again once, only for an essay with problems
            found += [
                Problem(
                    "error",
                    f"author '{author_id}' is not in {self.authors.path.name} (add an entry for them)",
                    essay.path,
                    lines.get("authors"),
                )
                for author_id in authors
            ]
            found += [
                Problem(
                    "error",
                    f"tag '{name}' has no English label in {self.tags.path.name} "
                    f"(add a line `{name}: <English label>`)",
                    essay.path,
                    lines.get("tags"),
                )
                for name in tags
            ]
        return found


def load_library(
    settings: Settings, corpus: Corpus, extra: dict | None = None, docs_dir: Path | None = None
) -> Library:
    """The library of ``corpus``: its tags' labels and its authors where ``settings`` says they
    are (``extra`` is mkdocs.yml's, for the site's author; ``docs_dir`` overrides the pages'
    folder, where avatars are)."""
    return Library(
        corpus=corpus,
        tags=load_tag_table(settings.tags_path),
        authors=load_authors(settings.authors_path, docs_dir or settings.docs_dir),
        site_author=site_author_from(extra or {}),
    )


def _key_lines(path: Path) -> dict[str, int]:
    """The line of each front-matter key of the file (its front matter opens on line 1)."""
    text = read_text(path)
    return {key: text[:start].count("\n") + 1 for key, (start, _) in key_spans(text).items()}
