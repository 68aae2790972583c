"""What the MkDocs hooks share during a build: the settings, and the state kept between events.

MkDocs loads each file of ``hooks/`` as its own module; what one hook learns and another needs
(the settings read at ``on_config``, the sources registry read at ``on_pre_build``, the pages left
out of the English search index, the corpus of essays read once) lives in one ``BuildState``
object here, not in module globals spread over the hooks. ``start_build`` makes a fresh one when a
build starts (the first hook's ``on_config``: every ``mkdocs build`` and every ``mkdocs serve``
rebuild); ``build_state`` gives it to the other hooks, starting one if no hook did (a hook used
alone, a test).

mkdocs-static-i18n builds the English pass by calling MkDocs' build again, from its own
``on_post_build``, with the same config object: every event from ``on_config`` on runs once per
language. The settings are read again at each pass, but the corpus spans the build: the English
pass needs what the French one read (the French originals, every page's citations, the
freshness of each translation). So
``start_build`` hands the corpus on when the config object is the one of the state in progress
(i18n's next pass); a new build (``mkdocs serve`` loads mkdocs.yml again for each) gets a new one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bilingue.config import Settings, load_config
from bilingue.corpus import Corpus
from bilingue.library import Library, load_library
from bilingue.sources import Registry, RenderedReferences
from bilingue.sync import Freshness
from bilingue.translate import TranslateOptions

if TYPE_CHECKING:  # type hints only: the state is made and read without MkDocs imported here
    from mkdocs.structure.files import File, Files


@dataclass
class FileLookups:
    """The pages a pass's ``Files.get_file_from_path`` gave the essays hook's links, with the
    files they were asked of and how many there were (another set, or a file added or removed
    since, starts the lookups again)."""

    files: Files  # the files asked
    count: int  # how many there were
    by_src_uri: dict[str, File | None] = field(default_factory=dict)


@dataclass
class BuildState:
    """Everything the hooks keep from one event to the next, for one build of one project."""

    #: the project's settings (bilingue.yml, then the environment), read once per build
    settings: Settings
    #: what the translation hook's sync and freshness checks work with (glossary loaded)
    options: TranslateOptions
    #: the sources registry, read at the start of each language's pass by the sources hook
    registry: Registry | None = None
    #: URLs of pages built under /en/ from French text, left out of the English search index
    untranslated_urls: set[str] = field(default_factory=set)
    #: the pages and essays of the build, each file read once (both language passes)
    corpus: Corpus = field(default_factory=Corpus)
    #: file -> the date of its last git commit (the sitemap's lastmod), read in the French pass
    commit_dates: dict[Path, dt.date] = field(default_factory=dict)
    #: French essay (absolute path) -> its English's freshness, from the plans the French pass's
    #: check or sync made (the English pages' notices; an essay the sync wrote is planned again)
    freshness: dict[str, Freshness | None] = field(default_factory=dict)
    #: the corpus's essays with their tags and authors (``site_library``), made when first asked
    library: Library | None = None
    #: this pass's source references rendered once (hooks/sources.py; made for its registry)
    references: RenderedReferences | None = None
    #: page (src_uri) -> the labels of its source definitions holding a marker, from the sources
    #: hook's on_page_markdown to its on_page_content (this pass)
    marked_labels: dict[str, dict[str, str]] = field(default_factory=dict)
    #: this pass's page lookups by the essays hook's links (``Files.get_file_from_path`` costs
    #: ~20 µs, asked ~1,600 times a build at 100 essays), with the files they were asked of
    file_lookups: FileLookups | None = None
    #: the MkDocs config this state was started for (the same object in both language passes)
    mkdocs_config: Any = field(default=None, repr=False)

    @property
    def root(self) -> Path:
        """The project's folder (where mkdocs.yml and bilingue.yml are)."""
        return self.settings.root


def start_build(config: Any) -> BuildState:
    """A fresh state for a build of the project whose mkdocs.yml is ``config``'s."""
    global _current
    settings = load_config(project_root(config))
    same_build = _current is not None and _current.mkdocs_config is config  # i18n's next pass
    # what the French pass read for the whole build is handed on to the English pass
    corpus = _current.corpus if same_build else Corpus()
    commit_dates = _current.commit_dates if same_build else {}
    freshness = _current.freshness if same_build else {}
    corpus.essays_folder = settings.folders.essays
    _current = BuildState(
        settings,
        settings.translate_options(),
        corpus=corpus,
        commit_dates=commit_dates,
        freshness=freshness,
        mkdocs_config=config,
    )
    return _current


def build_state(config: Any) -> BuildState:
    """The state of the build in progress for ``config``'s project (started if need be)."""
    if _current is not None and _current.mkdocs_config is config:
        # the state was started for this very config, so for its project: every hook asks at
        # every page (~2,000 times a build), and comparing roots would make a Path each time
        return _current
    if _current is None or _current.root != project_root(config):
        return start_build(config)
    return _current


def site_library(config: Any) -> Library:
    """The essays (the build's corpus), tags and authors of the site being built."""
    state = build_state(config)
    if state.library is None:
        state.library = load_library(state.settings, state.corpus, dict(config.extra))
    return state.library


def project_root(config: Any) -> Path:
    """The folder of ``config``'s mkdocs.yml: the project's root."""
    return Path(config.config_file_path).parent


_current: BuildState | None = None
