"""Untrusted input is harmless: a corpus of classic XSS vectors pushed through every input.

Inputs: an essay's title, description and tags, its body (raw HTML, attribute lists, links),
sources.yml (title, publisher, notes; URLs in ``check``), and a loopback translation service
(LibreTranslate's wire format) that injects vectors into every answer. The site is built for
real, then every page is opened in headless Chromium (Debian's package, loopback only): no
dialog opens, no element has an event handler, no script of the content survives, in the
pages or in the search indexes; and ``check`` reports each planted vector with its line.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pytest_httpserver import HTTPServer

from tests.conftest import build_site, copy_project
from tests.providers.conftest import fake_english, libre_handler
from tests.site.browser import loopback_context, serve_directory

pytestmark = [pytest.mark.build, pytest.mark.browser]

# Classic vectors (OWASP XSS filter evasion cheat sheet, PortSwigger's XSS cheat sheet); each one
# calls alert with its own number so that a leak names the vector.
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "<svg onload=alert(3)>",
    "<svg><script>alert(4)</script></svg>",
    "<body onload=alert(5)>",
    '<iframe src="javascript:alert(6)"></iframe>',
    '<iframe srcdoc="<script>alert(7)</script>"></iframe>',
    '<object data="javascript:alert(8)"></object>',
    '<embed src="javascript:alert(9)">',
    '<a href="javascript:alert(10)">lien</a>',
    '<a href="JaVaScRiPt:alert(11)">lien</a>',
    '<a href="jav&#x09;ascript:alert(12)">lien</a>',
    '<a href="&#106;avascript:alert(13)">lien</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxNCk8L3NjcmlwdD4=">lien</a>',
    '<img src="data:image/svg+xml,&lt;svg onload=alert(15)&gt;">',
    "<details open ontoggle=alert(16)><summary>x</summary>y</details>",
    "<input autofocus onfocus=alert(17)>",
    '<form action="javascript:alert(18)"><button>go</button></form>',
    '<button formaction="javascript:alert(19)">x</button>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(20)></style></mglyph></table></mtext>"
    "</math>",
    "<style>@import 'javascript:alert(21)';</style>",
    '<div style="background:url(javascript:alert(22))">x</div>',
    "<video><source onerror=alert(23)></video>",
    "<audio src=x onerror=alert(24)></audio>",
    "<marquee onstart=alert(25)>x</marquee>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(26)">',
    '<base href="javascript:alert(27)//">',
    '<p>"><img src=x onerror=alert(28)></p>',
    "<p>'><svg onload=alert(29)></p>",
    "</title><script>alert(30)</script>",
    "<!--><img src=x onerror=alert(31)>-->",
    '<noscript><p title="</noscript><img src=x onerror=alert(32)>"></noscript>',
    "<a href=x onmouseover=alert(33)>survol</a>",
    '<img src=x:alert(34) onerror="eval(src)">',
    "<scr<script>ipt>alert(35)</scr</script>ipt>",
    '<svg><a xlink:href="javascript:alert(36)"><text x="20" y="20">x</text></a></svg>',
]
# Markdown's own ways to the same place: attribute lists and links
MARKDOWN_PAYLOADS = [
    '==marque=={: onclick="alert(37)" }',
    "[lien](javascript:alert(38))",
    '![image](x.png){: onerror="alert(39)" }',
    "Un paragraphe piégé.\n{: onmouseover=alert(40) }",
    "`code`{: onclick=alert(41) }",
]
TITLE = '<script>alert(42)</script> "><img src=x onerror=alert(43)>'
DESCRIPTION = 'Résumé "><svg onload=alert(44)> ==m=={: onclick="alert(45)" }'
TAGS = ["<img src=x onerror=alert(46)>", "\"'><script>alert(47)</script>"]
SOURCE_FIELDS = {
    "title": '==m=={: onclick="alert(48)" } <img src=x onerror=alert(49)>',
    "publisher": "</a><script>alert(50)</script>",
    "notes": '{fr: "<img src=x onerror=alert(51)>", en: "<svg onload=alert(52)>"}',
}
# what the loopback service adds to every answer
INJECTED = ["<img src=x onerror=alert(61)>", '==w=={: onclick="alert(62)" }', "<script>alert(63)</script>"]

CLEAN_ESSAY = """---
title: Un essai traduit par un service hostile
date: 2025-02-01
description: Le service de traduction ajoute du code à chacune de ses réponses.
tags: [service]
---

# Un essai traduit par un service hostile

Le matin, la brume couvre encore la rivière et les pêcheurs attendent en silence.

Nous avons longtemps cru que la mémoire était une
[bibliothèque](https://example.org "Une bibliothèque") bien rangée.
"""


def trap_essay() -> tuple[str, dict[str, int]]:
    """The French essay with every vector, and the line each body vector is on."""
    head = [
        "---",
        f"title: {json.dumps(TITLE)}",
        "date: 2025-03-01",
        f"description: {json.dumps(DESCRIPTION)}",
        f"tags: {json.dumps(TAGS)}",
        "---",
        "",
        "# Essai piégé",
        "",
        "Ce texte cite une source piégée.[^src:piege-2025]",
        "",
    ]
    lines: dict[str, int] = {}
    body = list(head)
    for payload in PAYLOADS + MARKDOWN_PAYLOADS:
        # the line of the vector itself: its last (an attribute list follows its paragraph)
        lines[payload] = len(body) + 1 + payload.count("\n")
        body += [*payload.split("\n"), ""]
    return "\n".join(body), lines


def trap_source() -> str:
    return (
        "\npiege-2025:\n  type: webpage\n"
        f"  title: {json.dumps(SOURCE_FIELDS['title'])}\n"
        f"  publisher: {json.dumps(SOURCE_FIELDS['publisher'])}\n"
        "  url: https://example.org/piege\n  issued: 2025\n  language: fr\n"
        f"  notes: {SOURCE_FIELDS['notes']}\n"
    )


def inject(text: str) -> str:
    """A hostile service: a good translation with a vector after every line of the answer."""
    lines = fake_english(text).split("\n")
    return "\n".join(
        f"{line} {INJECTED[number % len(INJECTED)]}" if line.strip() and "§" not in line else line
        for number, line in enumerate(lines)
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("untrusted") / "project")
    essays = project / "docs" / "essais"
    (essays / "piege.md").write_text(trap_essay()[0], encoding="utf-8")
    (essays / "service.md").write_text(CLEAN_ESSAY, encoding="utf-8")
    with (project / "sources.yml").open("a", encoding="utf-8") as registry:
        registry.write(trap_source())
    return project


@pytest.fixture(scope="module")
def translate_log(project: Path) -> str:
    """``translate`` of the clean essay through the hostile loopback service."""
    server = HTTPServer(host="127.0.0.1")
    server.expect_request("/translate", method="POST").respond_with_handler(libre_handler(inject))
    server.start()
    try:
        environment = {
            **os.environ,
            "BILINGUE_LIBRE_URL": server.url_for("/"),
            "BILINGUE_CACHE_DIR": str(project / ".cache"),
            "BILINGUE_MAX_ATTEMPTS": "1",
        }
        result = subprocess.run(
            [sys.executable, "-m", "bilingue", "translate", "docs/essais/service.md", "--provider", "libre"],
            cwd=project,
            env=environment,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert server.log, "the hostile service was never asked"
    finally:
        server.clear()
        server.stop()
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def site(project: Path, translate_log: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    site_dir = tmp_path_factory.mktemp("untrusted-site")
    log = build_site(project, site_dir, mode="off", strict=False)
    return site_dir, log


@pytest.fixture(scope="module")
def server(site: tuple[Path, str]) -> Iterator[str]:
    with serve_directory(site[0]) as url:
        yield url


def test_the_corpus_is_large_enough():
    assert len(PAYLOADS) + len(MARKDOWN_PAYLOADS) >= 30


def test_the_hostile_service_answers_are_refused_and_the_file_keeps_french(project, translate_log):
    english = (project / "docs" / "essais" / "service.en.md").read_text(encoding="utf-8")
    assert "alert(" not in english and "onerror" not in english and "onclick" not in english
    assert "Un essai traduit par un service hostile" in english  # the title stayed French
    assert "kept in French" in translate_log


def test_no_page_has_a_handler_a_script_of_the_content_or_a_script_url(site):
    site_dir, _ = site
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) >= 8
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert _dangers(soup) == [], page
    piege = BeautifulSoup(
        (site_dir / "essais" / "piege" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    # every value is shown exactly as written, as text: in <title>, <meta>, the page and the nav
    assert piege.title.string == f"{TITLE} - Essais"
    assert piege.find("meta", attrs={"name": "description"})["content"] == DESCRIPTION
    assert TITLE in [topic.get_text().strip() for topic in piege.select(".md-header__topic .md-ellipsis")]
    assert TITLE in [link.get_text().strip() for link in piege.select(".md-nav__link")]
    home = BeautifulSoup((site_dir / "index.html").read_text(encoding="utf-8"), "html.parser")
    card = home.find("article", class_="bl-essay")
    assert card.find(class_="bl-essay-title").get_text() == TITLE
    assert card.find(class_="bl-essay-summary").get_text() == DESCRIPTION
    assert [tag.get_text() for tag in card.find_all(class_="bl-tag")] == TAGS


def test_no_search_entry_carries_markup_that_runs(site):
    site_dir, _ = site
    french = site_dir / "search" / "search_index.json"
    english = site_dir / "en" / "search" / "search_index.json"
    for index in (french, english):
        entries = json.loads(index.read_text(encoding="utf-8"))["docs"]
        assert entries, index
        if index == french:  # the trap essay has no English: only the French index holds it
            assert any("piege" in entry["location"] for entry in entries)
        for entry in entries:
            for field in ("title", "text"):
                soup = BeautifulSoup(f"<div>{entry[field]}</div>", "html.parser")
                assert _dangers(soup) == [], (index, entry["location"], field)
            for tag in entry.get("tags") or []:
                assert "<" not in tag, (index, entry["location"], tag)


def test_the_build_reports_what_it_removed_with_file_and_line(project, site):
    _, log = site
    _, lines = trap_essay()
    assert f"essais/piege.md:{lines[PAYLOADS[0]]}: <script> element and its content removed" in log
    assert f"essais/piege.md:{lines[MARKDOWN_PAYLOADS[0]]}: onclick attribute on <mark> removed" in log
    # what sources.yml put there is reported too (its line is given by `check`)
    assert "sources.yml" in log


def test_the_strict_build_fails_on_removed_content(project, tmp_path):
    log = build_site(project, tmp_path / "site", mode="off", expect_failure=True)
    assert "sanitize: essais/piege.md:" in log


def test_check_reports_every_planted_vector_with_its_line(project):
    result = run_check(project)
    assert result.returncode == 1
    reported = result.stdout
    _, lines = trap_essay()
    for payload, line in lines.items():
        assert f"docs/essais/piege.md:{line}:" in reported, payload
    for key in ("title", "description", "tags"):
        assert f"front matter '{key}'" in reported
    for field in ("title", "publisher"):
        assert f"source piege-2025: {field} holds" in reported
    assert "source piege-2025: onerror attribute on <img> would be removed" in reported  # notes


@pytest.mark.parametrize(
    "url",
    [
        'https://example.org/"><script>alert(53)</script>',
        "javascript:alert(54)",
        "data:text/html,<script>alert(55)</script>",
        "https://example.org/<svg/onload=alert(56)>",
    ],
)
def test_check_refuses_source_urls_that_could_leave_their_attribute(tmp_path, url):
    project = copy_project(tmp_path / "project")
    with (project / "sources.yml").open("a", encoding="utf-8") as registry:
        registry.write(trap_source().replace("https://example.org/piege", json.dumps(url)))
    result = run_check(project)
    assert result.returncode == 1
    assert re.search(r"sources\.yml:\d+: .*URL", result.stdout), result.stdout


def test_every_page_opens_in_chromium_without_a_dialog_or_a_handler(browser, server, site):
    site_dir, _ = site
    paths = sorted(
        "/" + page.relative_to(site_dir).parent.as_posix().removeprefix(".")
        for page in site_dir.rglob("index.html")
    )
    assert "/essais/piege" in paths and "/en/essais/service" in paths
    context = loopback_context(browser)
    dialogs: list[str] = []
    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
        for path in paths:
            page.goto(f"{server}{path.rstrip('/')}/")
            page.wait_for_load_state("load")
            # the browser's own DOM: what its parser made of the markup, handlers and all
            found = page.evaluate(_LIVE_DANGERS)
            assert found == [], (path, found)
            # hover and click everything a reader could touch in the content
            page.evaluate(_TOUCH_EVERYTHING)
        # any dialog a payload opened has reached this process by now: a round trip to the page
        # runs after every task the loads and events queued
        page.evaluate("1")
    finally:
        context.close()
    assert dialogs == []


# --- helpers ------------------------------------------------------------------------------------


def _dangers(soup: BeautifulSoup) -> list[str]:
    found = []
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                found.append(f"{element.name} {name}")
            if name in ("href", "src", "action", "formaction", "xlink:href", "data") and _SCRIPT_URL.match(
                text
            ):
                found.append(f"{element.name} {name}={text}")
        # the theme's own page has forms (search, palette); the content must have none
        in_content = element.find_parent("article") is not None or (
            soup.name == "[document]" and not soup.find("article")
        )
        if element.name in ("iframe", "object", "embed", "frame", "base") or (
            element.name == "form" and in_content
        ):
            found.append(element.name)
        if element.name == "script" and element.get("type") == "application/ld+json":
            # data, never run (hooks/sharing.py): contributors' titles may be in it, as JSON
            # strings that cannot end the element; it must parse whole
            try:
                json.loads(element.get_text())
            except ValueError:
                found.append("JSON-LD that does not parse: " + element.get_text()[:40])
        elif element.name == "script" and "alert(" in element.get_text():
            found.append("script: " + element.get_text()[:40])
    return found


_SCRIPT_URL = re.compile(r"\s*(?:javascript|vbscript|data)\s*:", re.IGNORECASE)

_LIVE_DANGERS = """() => {
  const found = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (attribute.name.startsWith('on')) found.push(element.tagName + ' ' + attribute.name);
      if (/^\\s*(javascript|vbscript|data):/i.test(attribute.value)
          && ['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(attribute.name))
        found.push(element.tagName + ' ' + attribute.name);
    }
    if (['IFRAME', 'OBJECT', 'EMBED', 'BASE'].includes(element.tagName)
        || (element.tagName === 'FORM' && element.closest('article'))) found.push(element.tagName);
    if (element.tagName === 'SCRIPT' && element.type !== 'application/ld+json'
        && element.textContent.includes('alert(')) found.push('SCRIPT');
  }
  return found;
}"""

_TOUCH_EVERYTHING = """() => {
  for (const element of document.querySelectorAll('article *')) {
    for (const type of ['mouseover', 'focus', 'click']) {
      if (element.tagName === 'A' && type === 'click') continue;  // stay on the page
      element.dispatchEvent(new Event(type, {bubbles: true}));
    }
  }
}"""


def run_check(project: Path) -> subprocess.CompletedProcess[str]:
    """``python -m bilingue check --no-claims`` in ``project``, as an author runs it."""
    return subprocess.run(
        [sys.executable, "-m", "bilingue", "check", "--no-claims"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
