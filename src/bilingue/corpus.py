"""The essays of one build, read once and shared: listings, archives, the Sources page, the checks.

mkdocs-static-i18n builds each language in turn; each pass sees its own files (``x.en.md`` in
the English pass, the French ``x.md`` standing in for an essay not translated yet). The corpus
keeps one ``EssayCollection`` per language, made from exactly the files that pass builds, so a
listing shows what its reader gets. Every other page of the pass is kept too (``CorpusPage``):
its citations are what the sources checks need.

One read per file and build: ``Corpus.load`` reads a file (``Corpus.text``), parses it once
with the project's Markdown model and keeps the text for the rest of the build: MkDocs renders
it (``source_for_mkdocs``, the hook's ``on_page_read_source``) and the English pages' translation
notice plans from it, without opening the file again. A file whose size and modification time
have not changed since the previous build of the same process (``mkdocs serve``) is not read
or parsed again at all: its record is reused and MkDocs reads it as usual.

Importable without MkDocs: the hooks pass plain values (paths, ``src_uri``, URLs).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bilingue import SOURCE_LANGUAGE, TARGET_LANGUAGE
from bilingue.catalog import ESSAYS_FOLDER, EssayMeta, validate_meta, words_in
from bilingue.errors import SourceFileError
from bilingue.files import FileState, file_state, read_text
from bilingue.markdown import Document, parse_document
from bilingue.paths import ENGLISH_SUFFIX, english_path_for, language_of
from bilingue.sources import Citation, find_definitions, find_references


@dataclass(frozen=True)
class CorpusPage:
    """Any Markdown page of a pass, as far as the checks are concerned."""

    src_uri: str  # inside docs/, as MkDocs names it ("essais/x.en.md")
    path: Path
    language: str  # the language of the file's text
    citations: tuple[Citation, ...]  # with the file's own line numbers
    defined: frozenset[str] = frozenset()  # ``src:`` labels the author wrote a definition for
    malformed: tuple[Citation, ...] = ()  # ``[^src:...]`` references that break the syntax
    essay: CorpusEssay | None = None  # set when the page is an essay


@dataclass(frozen=True)
class CorpusEssay:
    """An essay as one language's reader gets it."""

    slug: str  # "mystique", "2024/x": the path in the essays folder without ".md"
    src_uri: str  # the FRENCH file in docs/ ("essais/mystique.md"): what listing links point at
    path: Path  # the file whose text is shown
    language: str  # language of that text ("fr" for a French essay shown in the English pass)
    meta: EssayMeta
    words: int | LaterWordCount  # see word_count
    citations: tuple[Citation, ...]

    @property
    def word_count(self) -> int:
        """Words a reader reads in the text (``catalog.words_in``). A translation's are counted
        when first asked (``LaterWordCount``): reading times are the French original's."""
        return self.words if isinstance(self.words, int) else self.words.count()

    @property
    def year(self) -> int:
        """The year of the essay's date (the archives group by it)."""
        return self.meta.date.year

    def is_translated(self, reader_language: str) -> bool:
        """Whether this version is in ``reader_language``."""
        return self.language == reader_language


class LaterWordCount:
    """The word count of a text, counted when first asked, then kept.

    Every reading time the site shows is the French original's (``Library.original``), so a
    translation's word count is not needed by a build: counting it when the corpus reads the
    file (its blocks' inline scans, the word pattern) was a fifth of the corpus's read. It is
    counted on demand from the same text, parsed as the corpus parses it, so the count is the
    one an eager count gives; the text is dropped once counted. Until then it is held here, and
    the record holding this count stays in the module's ``_RECORDS`` cache: a translation whose
    count nobody asks for (the usual case) keeps its full text for the whole process, so
    ``mkdocs serve`` holds about the size of the English docs in memory for it.

    Safe for threads: a second thread asking while the first counts counts again (same result);
    the text is read before the count is checked, and the count is stored before the text is
    dropped, so a text already dropped always comes with its count.
    """

    __slots__ = ("_count", "_path", "_text")

    def __init__(self, text: str, path: Path) -> None:
        self._text: str | None = text
        self._path = path
        self._count: int | None = None

    def count(self) -> int:
        """The number of words (counted on the first call)."""
        text = self._text  # first: another thread may count, then drop it, meanwhile
        if self._count is None:
            assert text is not None
            self._count = words_in(_parsed(text, self._path).prose_blocks())
            self._text = None
        return self._count

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LaterWordCount) and self.count() == other.count()

    def __hash__(self) -> int:
        return hash(self.count())

    def __repr__(self) -> str:
        return f"LaterWordCount({self._count if self._count is not None else '...'})"


class EssayCollection:
    """The essays of one language, newest first (ties by slug, so the order is stable)."""

    def __init__(self, language: str, essays: Iterable[CorpusEssay] = ()) -> None:
        self.language = language
        self._essays: list[CorpusEssay] = sorted(essays, key=_newest_first)
        self._slugs: dict[str, CorpusEssay] | None = None  # made when first asked
        self._years: dict[int, list[CorpusEssay]] | None = None  # idem: every listing page asks

    def __iter__(self) -> Iterator[CorpusEssay]:
        return iter(self._essays)

    def __len__(self) -> int:
        return len(self._essays)

    def __getitem__(self, index: int) -> CorpusEssay:
        return self._essays[index]

    def recent(self, count: int) -> list[CorpusEssay]:
        """The ``count`` newest essays."""
        return self._essays[:count]

    def by_year(self) -> dict[int, list[CorpusEssay]]:
        """Year -> its essays (newest first), newest year first (one grouping: do not change it)."""
        if self._years is None:
            self._years = {}
            for essay in self._essays:
                self._years.setdefault(essay.year, []).append(essay)
        return self._years

    def by_slug(self, slug: str) -> CorpusEssay | None:
        """The essay called ``slug``, or None."""
        if self._slugs is None:
            self._slugs = {essay.slug: essay for essay in self._essays}
        return self._slugs.get(slug)


@dataclass
class Corpus:
    """Everything one build read: pages by language pass, essays by language, sources to serve."""

    essays_folder: str = ESSAYS_FOLDER
    pages: dict[str, dict[str, CorpusPage]] = field(default_factory=dict)  # language -> src_uri -> page
    _texts: dict[str, str] = field(default_factory=dict)  # path -> text read during this build
    _collections: dict[str, EssayCollection] = field(default_factory=dict)

    def start_pass(self, language: str) -> None:
        """A language pass begins: forget that language's pages (a new build starts in French)."""
        if language == SOURCE_LANGUAGE:
            self.pages.clear()
            self._texts.clear()
        self.pages[language] = {}
        self._collections.pop(language, None)

    def load(self, language: str, src_uri: str, path: Path) -> CorpusPage:
        """Record the page at ``src_uri`` (file ``path``) for the ``language`` pass."""
        state = file_state(path)
        key = (str(path), src_uri, self.essays_folder)  # what the record depends on, besides the text
        cached = _RECORDS.get(key)
        if cached is not None and state is not None and cached[0] == state:
            page = cached[1]
        else:
            page = self._parse(src_uri, path, _as_mkdocs_reads(self.text(path)))
            _RECORDS[key] = (state, page)
        self.pages.setdefault(language, {})[src_uri] = page
        self._collections.pop(language, None)
        return page

    def text(self, path: Path) -> str:
        """The text of ``path`` exactly as written (line ends too), read once in this build: the
        translation notice's plan compares it with the lock's hashes."""
        text = self._texts.get(str(path))
        if text is None:
            text = read_text(path, exact=True)
            self._texts[str(path)] = text
        return text

    def source_for_mkdocs(self, path: str | None) -> str | None:
        """The text read for ``path`` in this build, as MkDocs reads files (universal newlines,
        no byte-order mark); None if not read."""
        text = self._texts.get(path) if path else None
        return _as_mkdocs_reads(text) if text is not None else None

    def release(self, path: Path | str | None) -> None:
        """``path``'s text is not needed any more in this build (it is rendered and planned)."""
        if path is not None:
            self._texts.pop(str(path), None)

    def forget_texts(self) -> None:
        """Drop the texts read (the build is over, or the corpus was made outside MkDocs)."""
        self._texts.clear()

    def page(self, language: str, src_uri: str) -> CorpusPage | None:
        """The page at ``src_uri`` as the ``language`` pass read it (None: not read, generated)."""
        return self.pages.get(language, {}).get(src_uri)

    def essays(self, language: str) -> EssayCollection:
        """The essays the ``language`` pass builds."""
        if language not in self._collections:
            pages = self.pages.get(language, {}).values()
            self._collections[language] = EssayCollection(language, (p.essay for p in pages if p.essay))
        return self._collections[language]

    def cited_ids(self, language: str) -> set[str]:
        """The source ids cited by the pages of the ``language`` pass."""
        return {c.source_id for page in self.pages.get(language, {}).values() for c in page.citations}

    def is_essay(self, src_uri: str) -> bool:
        """Whether ``src_uri`` is a Markdown file of the essays folder."""
        return src_uri.startswith(f"{self.essays_folder}/") and src_uri.endswith(".md")

    def _parse(self, src_uri: str, path: Path, text: str) -> CorpusPage:
        document = _parsed(text, path)
        prose = document.prose_blocks()  # (once for the references and the word count)
        references = find_references(prose)
        citations = tuple(references.citations)
        language = language_of(src_uri)
        essay = None
        if self.is_essay(src_uri):
            words = words_in(prose) if language == SOURCE_LANGUAGE else LaterWordCount(text, path)
            slug = src_uri[len(self.essays_folder) + 1 :].removesuffix(ENGLISH_SUFFIX).removesuffix(".md")
            essay = CorpusEssay(
                slug=slug,
                src_uri=f"{self.essays_folder}/{slug}.md",
                path=path,
                language=language,
                meta=validate_meta(document.meta, document.front_matter, path),
                words=words,
                citations=citations,
            )
        return CorpusPage(
            src_uri,
            path,
            language,
            citations,
            frozenset(find_definitions(document)),
            tuple(references.malformed),
            essay,
        )


def _parsed(text: str, path: Path) -> Document:
    # No front-matter blocks: none of what the corpus reads looks at them (the citations and the
    # word count skip them, definitions are footnotes), and the YAML is not composed twice.
    return parse_document(text, path=path, front_matter_keys=())


def _as_mkdocs_reads(text: str) -> str:
    # (str.replace returns the very same string when there is nothing to replace)
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _newest_first(essay: CorpusEssay) -> tuple[int, str]:
    return (-essay.meta.date.toordinal(), essay.slug)


# ---------------------------------------------------------------------------------------------------
# Data

# (path, src_uri, essays folder) -> ((mtime_ns, size), record): what the previous builds of this
# process made of each file. `mkdocs serve` rebuilds in the same process: an unchanged file is
# neither read nor parsed again. (A cache of the process, not state shared between hooks.)
_RECORDS: dict[tuple[str, str, str], tuple[FileState | None, CorpusPage]] = {}


def corpus_of_folder(docs: Path, essays_folder: str = ESSAYS_FOLDER, skip_unreadable: bool = False) -> Corpus:
    """The corpus a build of ``docs`` makes (both language passes), without MkDocs (the commands).

    The French pass builds every French file; the English pass each ``x.en.md`` and, for a French
    file with no English version, the French file itself (i18n's fallback). A file that cannot be
    read (invalid front matter...) stops the reading with its error, or is left out with
    ``skip_unreadable`` (for a check about something else, which should not repeat that error).
    """
    corpus = Corpus(essays_folder)
    french = [path for path in sorted(docs.rglob("*.md")) if language_of(path) == SOURCE_LANGUAGE]
    for language in (SOURCE_LANGUAGE, TARGET_LANGUAGE):
        corpus.start_pass(language)
        for path in french:
            english = english_path_for(path)
            shown = english if language == TARGET_LANGUAGE and english.exists() else path
            try:
                corpus.load(language, shown.relative_to(docs).as_posix(), shown)
            except SourceFileError:
                if not skip_unreadable:
                    raise
    corpus.forget_texts()  # nobody will render these texts
    return corpus
