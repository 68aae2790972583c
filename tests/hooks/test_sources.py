"""hooks/sources.py: the registry read at on_pre_build, footnotes added per page, serve watches it."""

from __future__ import annotations

import logging

import pytest
from mkdocs.exceptions import PluginError

from bilingue.build_state import build_state, start_build
from bilingue.sources import SOURCES_MARKER, add_definitions
from bilingue.sources.footnotes import MARKER_PREFIX
from hooks import sources
from tests.hooks.conftest import english_pass, read_pass


def test_on_pre_build_reads_the_registry_of_the_settings(mkdocs_config, project):
    sources.on_pre_build(mkdocs_config)
    registry = build_state(mkdocs_config).registry
    assert registry is not None and "openai-2024" in registry.sources
    (project / "data").mkdir()
    (project / "sources.yml").rename(project / "data" / "refs.yml")
    (project / "bilingue.yml").write_text("folders:\n  sources: data/refs.yml\n", encoding="utf-8")
    start_build(mkdocs_config)
    sources.on_pre_build(english_pass(mkdocs_config))
    assert "openai-2024" in build_state(mkdocs_config).registry.sources


def test_an_unreadable_registry_stops_the_build(mkdocs_config, project, caplog):
    (project / "sources.yml").write_text("a: [b\n", encoding="utf-8")
    with caplog.at_level(logging.ERROR), pytest.raises(PluginError, match="the registry cannot be read"):
        sources.on_pre_build(mkdocs_config)
    assert "sources.yml:2: invalid YAML" in caplog.text


def rendered(page, markdown: str, config, files) -> str:
    """The page's HTML from ``markdown``, as MkDocs renders it (then the sources hook's part)."""
    page.markdown = markdown
    page.render(config, files)
    return sources.on_page_content(page.content, page, config, files)


@pytest.mark.parametrize(
    ("src_uri", "language", "date"),
    [("essais/mystique.md", "fr", "2 octobre 2024"), ("essais/mystique.en.md", "en", "October 2, 2024")],
)
def test_each_citation_gets_its_footnote_in_the_page_language(
    mkdocs_config, make_page, src_uri, language, date
):
    config = english_pass(mkdocs_config) if language == "en" else mkdocs_config
    files = read_pass(config)
    sources.on_pre_build(config)
    page = make_page(src_uri, files=files)
    page.read_source(config)
    text = page.markdown
    markdown = sources.on_page_markdown(text, page, config, files)
    assert "[^src:openai-2024]: <!-- bilingue:source openai-2024 -->" in markdown  # rendered once
    html = rendered(page, markdown, config, files)
    footnote = html[html.index('<li id="fn:src:openai-2024">') :]
    assert date in footnote[: footnote.index("</li>")] and MARKER_PREFIX not in html
    # the same HTML as the page rendering its references itself
    registry = build_state(config).registry
    assert html == rendered(page, add_definitions(text, registry, language), config, files)


def test_a_page_taking_its_definitions_in_is_rendered_again_with_its_references(mkdocs_config, make_page):
    files = read_pass(mkdocs_config)
    sources.on_pre_build(mkdocs_config)
    page = make_page("essais/mystique.md", files=files)
    page.read_source(mkdocs_config)
    text = page.markdown + "\n<div>\n"  # left open: the definitions appended after it go in
    markdown = sources.on_page_markdown(text, page, mkdocs_config, files)
    assert "[^src:openai-2024]: <!-- bilingue:source openai-2024 -->" in markdown
    html = rendered(page, markdown, mkdocs_config, files)
    assert MARKER_PREFIX not in html and "[^src:openai-2024]: OpenAI" in html
    registry = build_state(mkdocs_config).registry
    assert html == rendered(page, add_definitions(text, registry, "fr"), mkdocs_config, files)


def test_references_are_rendered_by_the_site_renderer_of_the_build(mkdocs_config, make_page, monkeypatch):
    made = []

    def renderer_from_config(config):
        made.append(real(config))
        return made[-1]

    real = sources.renderer_from_config  # the project's one "Python-Markdown configured like the site"
    monkeypatch.setattr(sources, "renderer_from_config", renderer_from_config)
    files = read_pass(mkdocs_config)
    sources.on_pre_build(mkdocs_config)
    page = make_page("essais/mystique.md", files=files)
    page.read_source(mkdocs_config)
    text = page.markdown
    markdown = sources.on_page_markdown(text, page, mkdocs_config, files)
    assert len(made) == 1 and made[0].origin == "mkdocs.yml"  # the build's config, once for the pass
    html = rendered(page, markdown, mkdocs_config, files)
    registry = build_state(mkdocs_config).registry
    # reset between conversions: the page is the same as with its references written in
    assert html == rendered(page, add_definitions(text, registry, "fr"), mkdocs_config, files)
    assert made[0].convert("Texte[^x]\n\n[^x]: y\n") == made[0].convert("Texte[^x]\n\n[^x]: y\n")


def test_the_sources_page_lists_every_source(mkdocs_config, make_page, files):
    sources.on_pre_build(mkdocs_config)
    page = sources.on_page_markdown(
        f"# Sources\n\n{SOURCES_MARKER}\n", make_page("sources.md"), mkdocs_config, files
    )
    assert SOURCES_MARKER not in page and "OpenAI" in page and "essais/mystique.md" in page


def test_serve_watches_the_registry(mkdocs_config, project):
    class Server:
        def __init__(self):
            self.watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    server = Server()
    assert sources.on_serve(server, mkdocs_config, builder=None) is server
    assert server.watched == [str(project / "sources.yml")]
