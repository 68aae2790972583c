"""Feeds: ``feed.xml`` with the French essays, ``en/feed.xml`` with the English ones.

Thin glue over ``bilingue.feeds``. i18n runs the build once per language on the same config,
with ``site_dir`` still the site's root: each pass writes its own language's feed.
overrides/main.html announces it on every page of that language (``<link rel="alternate">``).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig

from bilingue.build_state import build_state, site_library
from bilingue.corpus import CorpusEssay
from bilingue.errors import reported_as_build_errors
from bilingue.feeds import FEED_FILE, FeedInfo, render_feed
from bilingue.files import atomic_write_text
from bilingue.site import build_language, language_root

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


@reported_as_build_errors()
def on_post_build(config: MkDocsConfig) -> None:
    language = build_language(config)
    root = language_root(language)
    home = urljoin(config.site_url, root)
    essays_folder = build_state(config).settings.folders.essays

    library = site_library(config)

    def essay_url(essay: CorpusEssay) -> str:
        return urljoin(home, f"{essays_folder}/{essay.slug}/")

    info = FeedInfo(
        title=config.site_name,
        description=config.site_description or config.site_name,
        language=language,
        home_url=home,
        feed_url=urljoin(home, FEED_FILE),
    )
    feed = render_feed(info, library, essay_url)
    atomic_write_text(Path(config.site_dir) / root / FEED_FILE, feed)
