"""Search in the reader's language: one index per language, each with its own lunr language.

mkdocs-static-i18n merges both languages into the root index. After the whole build we split it
(``bilingue.search_index``), and English pages tell Material's search to load ``/en/search/``:
Material fetches ``search/search_index.json`` relative to the ``base`` of its ``__config`` script,
so English pages get ``/en/`` as their base (result links are made relative to it too).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from bilingue import TARGET_LANGUAGE
from bilingue.search_index import split_search_index, with_english_search_base
from bilingue.site import build_language

# Pages excluded from the English index: French text served under /en/ (see untranslated_pages).
_untranslated_locations: set[str] = set()

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    if build_language(config) != TARGET_LANGUAGE:  # a new build starts with the default language
        _untranslated_locations.clear()


@event_priority(-110)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if page.meta.get("untranslated"):
        _untranslated_locations.add(page.url)
    if build_language(config) != TARGET_LANGUAGE:
        return output
    return with_english_search_base(output)


# After i18n (-100) has built every language and merged their search entries. It also runs at the
# end of i18n's inner English build; splitting is idempotent, the last run wins.
@event_priority(-110)
def on_post_build(config: MkDocsConfig) -> None:
    split_search_index(Path(config.site_dir), _untranslated_locations)
