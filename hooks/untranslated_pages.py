"""Pages with no English file yet: built under /en/ from the French text, and said to be so.

mkdocs-static-i18n serves the French page under /en/ with lang="en" (fallback_to_default). We
keep the page (the language switcher and links stay whole) but tell the truth: the content is
marked lang="fr", a notice says it is not translated yet, robots are told not to index it, and it
stays out of the English search index.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from bilingue.site import UNTRANSLATED, is_untranslated_fallback

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if is_untranslated_fallback(page, config):
        page.meta[UNTRANSLATED] = True
        # Material's search plugin leaves out pages whose front matter says so.
        page.meta["search"] = {**page.meta.get("search", {}), "exclude": True}
    return markdown
