from __future__ import annotations

from bilingue.seo import absolute_alternates

HEAD = """<head>
<link rel="canonical" href="https://x.org/en/a/">
<link rel="alternate" href="../../a/" hreflang="fr">
<link rel="alternate" href="./" hreflang="en">
<link rel="alternate" type="application/rss+xml" title="RSS" href="feed.xml">
</head>"""


def test_alternates_become_absolute_with_an_x_default_to_french():
    html = absolute_alternates(HEAD, "https://x.org/en/a/")
    assert '<link rel="alternate" href="https://x.org/a/" hreflang="fr">' in html
    assert '<link rel="alternate" href="https://x.org/en/a/" hreflang="en">' in html
    assert '<link rel="alternate" href="https://x.org/a/" hreflang="x-default">' in html
    assert html.index('hreflang="en"') < html.index('hreflang="x-default"')


def test_links_without_hreflang_are_untouched():
    assert 'type="application/rss+xml" title="RSS" href="feed.xml"' in absolute_alternates(
        HEAD, "https://x.org/en/a/"
    )


def test_dropped_languages_disappear():
    html = absolute_alternates(HEAD, "https://x.org/a/", drop_languages={"en"})
    assert 'hreflang="en"' not in html
    assert 'hreflang="x-default"' in html


def test_no_default_language_no_x_default():
    html = absolute_alternates(HEAD, "https://x.org/a/", drop_languages={"fr", "en"})
    assert "hreflang" not in html


def test_rewriting_twice_gives_the_same_page():
    once = absolute_alternates(HEAD, "https://x.org/en/a/")
    assert absolute_alternates(once, "https://x.org/en/a/") == once


def test_only_the_head_is_rewritten():
    body = '<body><pre>&lt;link rel="alternate" href="./" hreflang="en"&gt;</pre>'
    body += '<link rel="alternate" href="./" hreflang="en"></body>'  # not a head link: left alone
    html = absolute_alternates(HEAD + body, "https://x.org/en/a/")
    assert html.endswith(body)
    assert '<link rel="alternate" href="https://x.org/en/a/" hreflang="en">' in html
