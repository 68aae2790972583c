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

from bilingue.build_state import build_state
from bilingue.search_index import split_search_index, with_english_search_base
from bilingue.site import is_source_pass, is_target_pass, is_untranslated

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    if is_source_pass(config):  # a new build starts with the default language
        build_state(config).untranslated_urls.clear()


@event_priority(-110)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if is_untranslated(page):  # French text under /en/: left out of the English index
        build_state(config).untranslated_urls.add(page.url)
    if not is_target_pass(config):
        return output
    return with_english_search_base(output)


# After i18n (-100) has built every language and merged their search entries. It also runs at the
# end of i18n's inner English build, where the index holds the English entries only and is
# replaced by the merged one afterwards: that run is skipped (i18n's own flag, ``building``; were
# it gone, both runs would split, as splitting is idempotent and the last run wins).
@event_priority(-110)
def on_post_build(config: MkDocsConfig) -> None:
    if getattr(config.plugins.get("i18n"), "building", False):
        return
    split_search_index(Path(config.site_dir), build_state(config).untranslated_urls)
