"""End to end in real headless Chromium (Debian's package): switch language, search in each
language, the 404 pages, keyboard paths, dark mode, print, and axe-core's accessibility rules.

The built site (with an author and an untranslated essay added, see conftest.reader_site) is
served on 127.0.0.1 while its site_url names another host: every request to any other host is
refused and recorded, so the tests also prove the pages ask nothing from any other host, the
production one included. Screenshots of each page type go to tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.site.browser import loopback_context, serve_directory

pytestmark = [pytest.mark.build, pytest.mark.browser]

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture(scope="module")
def server(reader_site: Path) -> Iterator[str]:
    with serve_directory(reader_site) as url:
        yield url


@pytest.fixture
def page(browser, server):
    outside_requests: list[str] = []
    context = loopback_context(browser, outside_requests)
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
    # the worker is ready once Material shows its placeholder (before that: "Initializing
    # search"); read earlier, the wait below could end on that change, before any result
    placeholder = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
    )
    page.wait_for_function(
        "p => document.querySelector('.md-search-result__meta').textContent.trim() === p", arg=placeholder
    )
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
    page.wait_for_load_state("networkidle")  # the requests the page makes after loading, too
    assert page.outside_requests == []  # served on a host other than site_url's


def test_switcher_leads_back_to_french(page, server):
    page.goto(f"{server}/en/essais/mystique/")
    page.hover(".md-select")
    page.click('a.md-select__link[hreflang="fr"]')
    page.wait_for_url(f"{server}/essais/mystique/")
    assert page.locator("h1").inner_text().startswith("Mystique: la perception")
    page.wait_for_load_state("networkidle")  # the requests the page makes after loading, too
    assert page.outside_requests == []


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


PAGES = {
    "home": ("/", "/en/"),
    "essay": ("/essais/mystique/", "/en/essais/mystique/"),
    "sources": ("/sources/", "/en/sources/"),
    "tags": ("/tags/", "/en/tags/"),
    "authors": ("/auteurs/", "/en/auteurs/"),
    "404": ("/pas/de/page/", "/en/pas/de/page/"),
}
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}


@pytest.mark.parametrize(("language", "path", "title", "other"), [
    ("fr", "/essais/nulle-part/", "Page introuvable", "/en/"),
    ("en", "/en/essais/nowhere/", "Page not found", "/"),
])  # fmt: skip
def test_404_page_is_in_the_language_of_the_address(page, server, language, path, title, other):
    response = page.goto(f"{server}{path}")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").inner_text() == title
    page.hover(".md-select")
    page.click(f'a.md-select__link[hreflang="{"en" if language == "fr" else "fr"}"]')
    page.wait_for_url(f"{server}{other}")


def test_404_page_searches_in_its_language(page, server):
    page.goto(f"{server}/en/nowhere/")
    results = search(page, "toilets")
    assert "/en/essais/mystique/" in results
    assert all(path.startswith("/en/") for path in results), results


def test_switcher_works_with_the_keyboard(page, server):
    page.goto(f"{server}/essais/mystique/")
    target = 'a.md-select__link[hreflang="en"]'
    for _ in range(60):  # Tab through the header until the English link has the focus
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches('{target}')"):
            break
    else:
        pytest.fail("the English link of the language selector cannot be reached with Tab")
    assert page.locator(target).is_visible()  # the menu opens on focus
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}/en/essais/mystique/")


def test_search_works_with_the_keyboard(page, server):
    page.goto(f"{server}/en/")
    page.keyboard.press("/")  # Material's shortcut focuses the search box
    page.wait_for_function("document.activeElement.matches('input.md-search__input')")
    placeholder = page.locator(".md-search-result__meta").text_content().strip()
    # The query arrives whole (as pasted) and one keyup sends it: typed letter by letter, the
    # results of a prefix ("sanitatio") could be on screen when ArrowDown focuses one, and the
    # late results of the whole word then replace the focused link (seen once in CI).
    page.keyboard.insert_text("sanitation")
    page.keyboard.press("End")
    page.wait_for_function(
        "p => document.querySelector('.md-search-result__meta').textContent.trim() !== p"
        " && [...document.querySelectorAll('.md-search-result__item a')]"
        ".some(a => a.href.includes('/en/essais/mystique/'))",
        arg=placeholder,
    )
    page.keyboard.press("ArrowDown")
    page.wait_for_function("document.activeElement.closest('.md-search-result__item') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}/en/essais/mystique/**")


def test_sources_page_does_not_outrank_the_essay(page, server):
    page.goto(f"{server}/en/")
    results = search(page, "toilet")
    essay = results.index("/en/essais/mystique/")
    assert "/en/sources/" not in results[: essay + 1], results


@pytest.mark.parametrize(("path", "dark_label"), [
    ("/essais/mystique/", "Passer en mode sombre"),
    ("/en/essais/mystique/", "Switch to dark mode"),
])  # fmt: skip
def test_dark_mode_toggle(page, server, path, dark_label):
    page.goto(f"{server}{path}")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    toggle = page.locator('[data-md-component="palette"] label:visible')
    assert toggle.get_attribute("title") == dark_label  # in the page's language
    toggle.click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(255, 255, 255)"


@pytest.mark.parametrize("path", ["/essais/mystique/", "/en/essais/mystique/"])
def test_footnote_markers_are_24px_tap_targets_on_a_phone(page, server, path):
    page.set_viewport_size(WIDTHS["phone"])
    page.goto(f"{server}{path}")
    boxes = [marker.bounding_box() for marker in page.locator("a.footnote-ref").all()]
    assert len(boxes) > 5
    small = [box for box in boxes if box["width"] < 24 or box["height"] < 24]
    assert small == []


@pytest.mark.parametrize("width", list(WIDTHS))
def test_no_empty_band_under_the_title(page, server, width):
    page.set_viewport_size(WIDTHS[width])
    page.goto(f"{server}/en/essais/mystique/")
    # The title's height is that of its text lines: nothing (a hidden ¶) wraps to a line of its own.
    gap = page.evaluate(
        """() => {
            const h1 = document.querySelector("article h1");
            const range = document.createRange();
            range.selectNodeContents(h1);
            const lines = [...range.getClientRects()].filter(r => r.width > 0);
            const text = Math.max(...lines.map(r => r.bottom)) - Math.min(...lines.map(r => r.top));
            return h1.getBoundingClientRect().height - text;
        }"""
    )
    line_height = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('article h1')).lineHeight)"
    )
    assert gap < line_height / 2


def test_print_shows_the_essay_and_its_notes_with_their_addresses(page, server):
    page.goto(f"{server}/en/essais/mystique/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator(".footnote").is_visible()
    after = page.evaluate(
        "getComputedStyle(document.querySelector('.footnote a[href^=\"http\"]'), '::after').content"
    )
    assert "https://" in after
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "essay-en-print.pdf"))


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("language", ["fr", "en"])
def test_axe_finds_no_serious_violation_and_no_request_leaves_the_host(page, server, language, width):
    """Every page type: no serious or critical axe violation, a screenshot, and no request to any
    host but this one (site_url names https://essais.example.org/: Material's script used to ask
    it for sitemap.xml next to every absolute hreflang alternate, from every page)."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page.set_viewport_size(WIDTHS[width])
    ARTIFACTS.mkdir(exist_ok=True)
    problems = {}
    for kind, paths in PAGES.items():
        page.goto(f"{server}{paths[0 if language == 'fr' else 1]}")
        page.screenshot(path=str(ARTIFACTS / f"{kind}-{language}-{width}.png"))
        violations = axe.run(page).response["violations"]
        serious = [v for v in violations if v["impact"] in ("serious", "critical")]
        if serious:
            problems[kind] = [
                (v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["target"]) for v in serious
            ]
    page.wait_for_load_state("networkidle")
    assert problems == {}
    assert page.outside_requests == []


@pytest.mark.parametrize("language", ["fr", "en"])
def test_axe_finds_no_serious_violation_in_dark_mode(page, server, language):
    from axe_playwright_python.sync_playwright import Axe

    page.emulate_media(color_scheme="dark")  # Material follows the system until the toggle is used
    problems = {}
    for kind in ("home", "essay"):
        page.goto(f"{server}{PAGES[kind][0 if language == 'fr' else 1]}")
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        violations = Axe().run(page).response["violations"]
        serious = [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
        if serious:
            problems[kind] = serious
    assert problems == {}


def test_without_the_selector_fix_pages_would_call_the_production_host(page, server):
    """The no-other-host checks can fail: served without the script of overrides/main.html,
    the essay asks the production host (site_url) for sitemap.xml next to each alternate."""

    def without_fix(route):
        html = route.fetch().text()
        fixed = re.sub(
            r'<script>\s*document\.addEventListener\("DOMContentLoaded".*?</script>', "", html, flags=re.S
        )
        route.fulfill(body=fixed, content_type="text/html; charset=utf-8")

    page.route(f"{server}/essais/mystique/", without_fix)
    page.goto(f"{server}/essais/mystique/")
    page.wait_for_load_state("networkidle")
    assert {urlparse(url).hostname for url in page.outside_requests} == {"essais.example.org"}
    assert any(url.endswith("/sitemap.xml") for url in page.outside_requests)


def test_axe_reports_what_the_site_used_to_get_wrong(page, server):
    """The check above can fail: with the old footer, note links and search dialog back, axe
    reports them."""
    from axe_playwright_python.sync_playwright import Axe

    page.goto(f"{server}/en/essais/mystique/")
    page.add_style_tag(content=".md-typeset a { text-decoration: none !important; }")
    page.evaluate("document.querySelector('.md-search').removeAttribute('aria-label')")
    violations = {v["id"] for v in Axe().run(page).response["violations"]}
    assert {"link-in-text-block", "aria-dialog-name"} <= violations
