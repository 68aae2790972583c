"""One 404 page per language: /404.html in French, /en/404.html in English.

MkDocs writes the 404 page to the site's root in every build, and mkdocs-static-i18n builds each
language into the same folder, so the last (English) one won, with a language selector pointing
at whatever page was rendered last (ultrabug/mkdocs-static-i18n#284). Here the selector gets
i18n's site-wide alternates (the two home pages), and the English pass writes its page to en/
itself and hands MkDocs nothing to write at the root. The page itself is overrides/404.html.
"""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from bilingue import TARGET_LANGUAGE
from bilingue.files import atomic_write_text
from bilingue.search_index import with_english_search_base
from bilingue.site import build_language, site_alternates

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# After i18n (-100 and above) has set the alternates of the last page it rendered.
@event_priority(-110)
def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    if template_name == NOT_FOUND:
        config.extra.alternate = deepcopy(site_alternates(config))
    return context


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != NOT_FOUND or build_language(config) != TARGET_LANGUAGE:
        return output_content
    page = with_english_search_base(output_content)
    atomic_write_text(Path(config.site_dir) / TARGET_LANGUAGE / NOT_FOUND, page)
    return ""  # MkDocs writes no empty template: the French /404.html stays


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

NOT_FOUND = "404.html"
