"""What the MkDocs hooks need to know about pages and languages.

Duck-typed over MkDocs' objects so that this package imports without MkDocs. Everything that
depends on mkdocs-static-i18n's behaviour is here, in one place, so that a later move (Zensical,
another i18n plugin) changes one module.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bilingue import SOURCE_LANGUAGE, TARGET_LANGUAGE
from bilingue.paths import english_path_for, french_path_for, language_of

# page.meta keys the hooks set and the templates in overrides/ read as ``page.meta.<key>``
#: True on a page built under /en/ from French text (no English file yet): main.html marks it
#: lang="fr" and noindex, and it is left out of hreflang and of the English search index
UNTRANSLATED = "untranslated"
#: an English page's freshness (machine / reviewed / outdated, synced on), for translation-notice.html
TRANSLATION_NOTICE = "translation_notice"
#: an essay's formatted date and reading time, for essay-details.html
ESSAY_DETAILS = "essay_details"


def build_language(config: Any) -> str:
    """Language of the build in progress: i18n builds each language in turn and sets the theme's."""
    return str(config.theme["language"])


def is_source_pass(config: Any) -> bool:
    """True during the French pass: i18n builds French first, then English on the same config."""
    return build_language(config) == SOURCE_LANGUAGE


def is_target_pass(config: Any) -> bool:
    """True during the English pass (pages under /en/)."""
    return build_language(config) == TARGET_LANGUAGE


def is_untranslated(page: Any) -> bool:
    """Whether a hook marked ``page`` as French text built under /en/ (see ``UNTRANSLATED``)."""
    return bool(page.meta.get(UNTRANSLATED))


def file_language(src_uri: str) -> str:
    """``x.en.md`` is English, anything else is the French original (suffix structure)."""
    return language_of(src_uri)


def is_untranslated_fallback(page: Any, config: Any) -> bool:
    """True for a French file that i18n builds under /en/ because no ``.en.md`` exists."""
    return file_language(page.file.src_uri) != build_language(config)


def has_translation(page: Any) -> bool:
    """Whether a page's French file has an English counterpart on disk."""
    source = Path(page.file.abs_src_path)
    return language_of(source) == TARGET_LANGUAGE or english_path_for(source).exists()


def french_source_of(page: Any) -> Path:
    """The French file a page comes from: ``x.en.md`` -> ``x.md`` (itself for a French page)."""
    return french_path_for(Path(page.file.abs_src_path))
