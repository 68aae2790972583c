"""bilingue.site: the page-meta keys the hooks and templates share, and which pass is running."""

from __future__ import annotations

from types import SimpleNamespace

from bilingue.site import (
    TRANSLATION_NOTICE,
    UNTRANSLATED,
    is_source_pass,
    is_target_pass,
    is_untranslated,
)


def test_the_templates_read_the_page_meta_keys_the_hooks_set(root):
    templates = "\n".join(path.read_text(encoding="utf-8") for path in (root / "overrides").rglob("*.html"))
    for key in (UNTRANSLATED, TRANSLATION_NOTICE):
        assert f"page.meta.{key}" in templates


def test_the_pass_is_the_theme_language_i18n_sets():
    french, english = (SimpleNamespace(theme={"language": language}) for language in ("fr", "en"))
    assert is_source_pass(french) and not is_target_pass(french)
    assert is_target_pass(english) and not is_source_pass(english)


def test_only_a_marked_page_is_untranslated():
    assert is_untranslated(SimpleNamespace(meta={UNTRANSLATED: True}))
    assert not is_untranslated(SimpleNamespace(meta={}))
