"""hooks/sanitize.py: every page's content through the allowlist, what it removes reported."""

from __future__ import annotations

import logging

from bilingue.serve import current_session
from bilingue.site import HOOK_META_KEYS
from hooks import sanitize, serve

UNSAFE = '<p onclick="steal()">Un paragraphe.</p>\n<script>steal()</script>\n'


def test_unsafe_markup_is_removed_and_reported_at_every_rebuild_of_a_server(
    mkdocs_config, make_page, files, caplog
):
    serve.on_startup("serve", dirty=False)
    try:
        page = make_page("essais/mystique.md", files=files)
        with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.sanitize"):
            for _rebuild in range(2):
                current_session().next_rebuild()
                html = sanitize.on_page_content(UNSAFE, page, mkdocs_config, files)
                assert "Un paragraphe." in html and "onclick" not in html and "script" not in html
        warnings = [record.getMessage() for record in caplog.records]
        # the second rebuild reuses the first one's sanitizing, and still says what it removed
        assert current_session().sanitized.hits == 1
        assert sum("<script> element and its" in message for message in warnings) == 2, warnings
        assert sum("onclick attribute" in message for message in warnings) == 2, warnings
    finally:
        serve.on_startup("build", dirty=False)


def test_front_matter_cannot_set_what_only_hooks_set(mkdocs_config, make_page, files):
    # sharing_tags goes into <head> as HTML and translation_notice into the page: a pull request's
    # front matter naming them must not reach the templates (the hooks set them afterwards)
    planted = {key: "<script>steal()</script>" for key in HOOK_META_KEYS}
    page = make_page("essais/mystique.md", {"title": "Mystique", **planted}, files=files)
    sanitize.on_page_markdown("# Mystique\n", page, mkdocs_config, files)
    assert page.meta == {"title": "Mystique"}


def test_a_displayed_value_that_is_not_text_is_escaped_too(mkdocs_config, make_page, files):
    # Material prints page.meta.description and author with str(): a mapping would go out raw
    meta = {"description": {"x": '"><script>steal()</script>'}, "author": 7, "tags": ["<b>", None]}
    page = make_page("essais/mystique.md", meta, files=files)
    sanitize.on_page_markdown("# Mystique\n", page, mkdocs_config, files)
    assert "<script>" not in str(page.meta["description"]) and "&lt;script&gt;" in page.meta["description"]
    assert page.meta["author"] == 7 and page.meta["tags"] == ["&lt;b&gt;", None]  # a number holds no markup


def test_a_handler_in_a_footnote_is_reported_once_on_its_line(
    mkdocs_config, make_page, files, caplog, project
):
    essay = project / "docs" / "essais" / "note.md"
    essay.write_text(
        '# Note\n\nUn texte.[^1]\n\n[^1]: Une note ==piège=={: onclick="steal()" }.\n\nFin.\n',
        encoding="utf-8",
    )
    page = make_page("essais/note.md")
    page.file.abs_src_path = str(essay)
    html = '<p>Un texte.</p><div class="footnote"><p><mark onclick="steal()">piège</mark></p></div>'
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.sanitize"):
        sanitize.on_page_content(html, page, mkdocs_config, files)
    warnings = [record.getMessage() for record in caplog.records if "onclick" in record.getMessage()]
    assert warnings == [warnings[0]] and "essais/note.md:5:" in warnings[0], warnings
