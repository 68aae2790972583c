"""Absolute hreflang alternates with an x-default, and none pointing at untranslated pages."""

from __future__ import annotations

from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from bilingue import SOURCE_LANGUAGE, TARGET_LANGUAGE
from bilingue.seo import absolute_alternates
from bilingue.site import has_translation, is_untranslated

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.site_url:
        raise PluginError("mkdocs.yml: site_url is required (hreflang alternates are absolute URLs)")
    return config


# Below i18n (-100) and everything else that edits the page's HTML.
@event_priority(-110)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if is_untranslated(page):
        # A noindex page belongs to no hreflang cluster.
        return absolute_alternates(output, _absolute_url(page, config), drop_languages=_LANGUAGES)
    drop = () if has_translation(page) else (TARGET_LANGUAGE,)
    return absolute_alternates(output, _absolute_url(page, config), drop_languages=drop)


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _absolute_url(page: Page, config: MkDocsConfig) -> str:
    return urljoin(config.site_url, page.url)


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

_LANGUAGES = (SOURCE_LANGUAGE, TARGET_LANGUAGE)
