"""Interface strings that Python-Markdown writes into pages, in each page's language.

Footnote back links ("Jump back to footnote 1 in the text") and heading permalinks ("Permanent
link") come from the footnotes and toc extensions' settings, and i18n cannot set extension
settings per language. But it runs ``on_config`` again for each language, and MkDocs creates a
new Markdown converter from ``mdx_configs`` for every page: setting them here, after i18n has
switched the theme's language, is enough (reader-facts §4). Material's own strings follow
``theme.language``; its footer is overrides/partials/copyright.html.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from bilingue.locales import ui_words
from bilingue.site import build_language

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# After i18n's on_config (-100), which sets the language of the build.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    language = build_language(config)
    words = ui_words(language)
    config.mdx_configs.setdefault("footnotes", {})["BACKLINK_TITLE"] = words["footnote_backlink"]
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = words["permalink"]
    return config
