"""hooks/hreflang.py: site_url required; absolute alternates, none towards untranslated pages."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from bilingue.site import UNTRANSLATED
from hooks import hreflang
from tests.hooks.conftest import english_pass

# as Material writes them on /essais/{slug}/ (ENGLISH_HEAD: on /en/essais/{slug}/), relative
HEAD = """<head>
<link rel="alternate" href="./" hreflang="fr">
<link rel="alternate" href="../../en/essais/{slug}/" hreflang="en">
</head>"""
ENGLISH_HEAD = """<head>
<link rel="alternate" href="../../../essais/{slug}/" hreflang="fr">
<link rel="alternate" href="./" hreflang="en">
</head>"""


def test_on_config_requires_a_site_url(mkdocs_config):
    assert hreflang.on_config(mkdocs_config) is mkdocs_config
    mkdocs_config.site_url = ""
    with pytest.raises(PluginError, match="site_url is required"):
        hreflang.on_config(mkdocs_config)


def test_a_translated_page_announces_both_languages_with_absolute_urls(mkdocs_config, make_page):
    page = make_page("essais/mystique.en.md")
    page.file.url = "en/essais/mystique/"  # where mkdocs-static-i18n puts it
    html = hreflang.on_post_page(ENGLISH_HEAD.format(slug="mystique"), page, english_pass(mkdocs_config))
    site = mkdocs_config.site_url
    assert f'href="{site}essais/mystique/" hreflang="fr"' in html
    assert f'href="{site}en/essais/mystique/" hreflang="en"' in html
    assert 'hreflang="x-default"' in html


def test_a_french_only_page_does_not_announce_english(mkdocs_config, make_page):
    page = make_page("essais/nouveau.md")
    html = hreflang.on_post_page(HEAD.format(slug="nouveau"), page, mkdocs_config)
    assert 'hreflang="fr"' in html and 'hreflang="en"' not in html


def test_an_untranslated_page_belongs_to_no_cluster(mkdocs_config, make_page):
    page = make_page("essais/nouveau.md", {UNTRANSLATED: True})
    page.file.url = "en/essais/nouveau/"
    html = hreflang.on_post_page(ENGLISH_HEAD.format(slug="nouveau"), page, english_pass(mkdocs_config))
    assert "hreflang" not in html
