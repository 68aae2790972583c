"""hooks/sanitize.py: every page's content through the allowlist, what it removes reported."""

from __future__ import annotations

import logging

from bilingue.serve import current_session
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
