"""End to end in real headless Chromium (Debian's package): switch language, search in each language.

The built site is served on 127.0.0.1; every request to any other host is refused, so the test
also proves the pages need nothing from the network.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest

pytestmark = [pytest.mark.build, pytest.mark.browser]

SITE_HOST = "essais.example.org"  # site_url in mkdocs.yml
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Chromium as root in a closed network: no sandbox, no background calls to Google's services.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=site))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"Chromium missing at {CHROMIUM}: run `make test` (it installs it)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context()
    outside_requests: list[str] = []

    def loopback_only(route):
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            outside_requests.append(route.request.url)
            route.abort()

    context.route("**/*", loopback_only)
    page = context.new_page()
    page.outside_requests = outside_requests
    yield page
    context.close()


def search(page, query: str) -> list[str]:
    """Search ``query`` with Material's search box; the result links (paths) of that query.

    The whole query is set at once and one key (End) sends it: Material searches on keyup, so the
    worker answers exactly this query (typing letter by letter would render results for "t", "to",
    ... and a loaded machine could read one of those); the results are read once the meta line no
    longer shows the placeholder.
    """
    box = page.locator("input.md-search__input")
    box.focus()
    meta = page.locator(".md-search-result__meta")
    placeholder = meta.text_content().strip()
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        "p => document.querySelector('.md-search-result__meta').textContent.trim() !== p",
        arg=placeholder,
    )
    links = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    return [urlparse(link).path for link in links]


def test_switcher_leads_from_the_french_essay_to_the_english_one(page, server):
    page.goto(f"{server}/essais/mystique/")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.hover(".md-select")
    page.click('a.md-select__link[hreflang="en"]')
    page.wait_for_url(f"{server}/en/essais/mystique/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().startswith("Mystique: how people see")


def test_switcher_leads_back_to_french(page, server):
    page.goto(f"{server}/en/essais/mystique/")
    page.hover(".md-select")
    page.click('a.md-select__link[hreflang="fr"]')
    page.wait_for_url(f"{server}/essais/mystique/")
    assert page.locator("h1").inner_text().startswith("Mystique: la perception")


@pytest.mark.parametrize("query", ["entrepreneur", "toilettes", "humanité", "l'humanité"])
def test_french_search_finds_the_french_essay_only(page, server, query):
    page.goto(f"{server}/essais/mystique/")
    results = search(page, query)
    assert "/essais/mystique/" in results
    assert not any(path.startswith("/en/") for path in results), results


@pytest.mark.parametrize("query", ["toilets", "humanity", "entrepreneur"])
def test_english_search_finds_the_english_essay_only(page, server, query):
    page.goto(f"{server}/en/essais/mystique/")
    results = search(page, query)
    assert "/en/essais/mystique/" in results
    assert all(path.startswith("/en/") for path in results), results


def test_a_french_only_word_finds_nothing_on_the_english_site(page, server):
    page.goto(f"{server}/en/")
    assert search(page, "chiottes") == []


@pytest.mark.parametrize(
    ("path", "expected"),
    [("/essais/mystique/", "2 octobre 2024"), ("/en/essais/mystique/", "October 2, 2024")],
)
def test_citation_tooltip_shows_the_dated_source_in_the_page_language(page, server, path, expected):
    page.goto(f"{server}{path}")
    page.locator("sup a.footnote-ref").first.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    text = tooltip.inner_text()
    assert "New funding to scale the benefits of AI" in text and expected in text


def test_pages_ask_nothing_from_third_party_hosts(page, server):
    page.goto(f"{server}/essais/mystique/")
    page.wait_for_load_state("networkidle")
    # Material's script probes sitemap.xml next to each hreflang alternate, and those are absolute
    # URLs of the published site (our own host): only other hosts (fonts, CDNs...) are a leak.
    third_party = [url for url in page.outside_requests if urlparse(url).hostname != SITE_HOST]
    assert third_party == []
