"""hooks/essays.py: the listings on the home pages, and each essay's header under its title."""

from __future__ import annotations

import logging
import subprocess
import sys
import typing

import mkdocs.structure.files
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File

from bilingue.build_state import BuildState, FileLookups, build_state, site_library, start_build
from bilingue.errors import BilingueError
from bilingue.essay_header import HEADER_MARKER
from bilingue.sources import RenderedReferences
from hooks import essays
from tests.hooks.conftest import english_pass, read_pass

#: what the home page (docs/index.md) writes where its list goes
LISTING_MARKER = "<!-- bilingue:essays -->"
HOME = f"# Essais\n\n{LISTING_MARKER}\n"
#: the home page as Markdown renders it: the marker, an HTML comment, passes through as it is
HOME_HTML = f'<h1 id="essais">Essais</h1>\n{LISTING_MARKER}'
TITLE = "# Mystique\n\nLe texte.\n"
#: an essay as Markdown renders it, with the marker on_page_markdown put under its title
RENDERED_TITLE = f"<h1>Mystique</h1>\n{HEADER_MARKER}\n<p>Le texte.</p>"


def test_listing_in_french_and_headers_in_english(mkdocs_config, make_page, files):
    french = essays.on_page_content(HOME_HTML, make_page("index.md", files=files), mkdocs_config, files)
    assert LISTING_MARKER not in french and "essais/mystique/" in french and "19 novembre 2024" in french
    english_files = read_pass(english_pass(mkdocs_config))
    page = make_page("essais/mystique.en.md", files=english_files)
    english = essays.on_page_content(RENDERED_TITLE, page, mkdocs_config, english_files)
    assert "November 19, 2024" in english and "min read" in english


def test_the_listing_is_added_to_the_rendered_page_not_to_its_markdown(mkdocs_config, make_page, files):
    page = make_page("index.md", files=files)
    assert essays.on_page_markdown(HOME, page, mkdocs_config, files) == HOME  # Markdown never reads it
    # a marker shown as code is escaped by Markdown: it stays an example, not a listing
    shown = f"<p><code>{LISTING_MARKER.replace('<', '&lt;').replace('>', '&gt;')}</code></p>"
    assert essays.on_page_content(shown, page, mkdocs_config, files) == shown


def test_an_essay_gets_its_date_reading_time_and_tags_under_its_title(mkdocs_config, make_page, files):
    page = make_page("essais/mystique.md", files=files)
    markdown = essays.on_page_markdown(TITLE, page, mkdocs_config, files)
    assert markdown.split("\n\n", 2)[:2] == ["# Mystique", HEADER_MARKER]  # the place, in Markdown
    assert page.meta["tags"]  # indexed by search as words of the reader's language
    # the header itself is HTML, added to the rendered page (Markdown never reads its links)
    html = essays.on_page_content(RENDERED_TITLE, page, mkdocs_config, files)
    assert HEADER_MARKER not in html and html.startswith('<h1>Mystique</h1>\n<p class="bl-essay-meta">')
    assert 'datetime="2024-11-19"' in html and "min de lecture" in html
    assert 'href="../../tags/#' in html  # a tag chip, linked like the cards' through MkDocs' files


def test_pages_outside_the_essays_folder_get_no_header(mkdocs_config, make_page, files):
    page = make_page("sources.md", files=files)
    assert essays.on_page_markdown("# Sources\n", page, mkdocs_config, files) == "# Sources\n"
    assert "tags" not in page.meta


def test_the_essays_folder_comes_from_the_settings(mkdocs_config, project, make_page, files):
    (project / "docs" / "essais").rename(project / "docs" / "textes")
    settings = (project / "bilingue.yml").read_text(encoding="utf-8")
    (project / "bilingue.yml").write_text(settings + "folders:\n  essays: textes\n", encoding="utf-8")
    start_build(mkdocs_config)
    files = read_pass(mkdocs_config)
    listing = essays.on_page_content(HOME_HTML, make_page("index.md", files=files), mkdocs_config, files)
    assert "textes/mystique/" in listing
    header = essays.on_page_content(
        RENDERED_TITLE, make_page("textes/mystique.md", files=files), mkdocs_config, files
    )
    assert 'datetime="2024-11-19"' in header


def test_front_matter_the_registries_do_not_cover_is_a_warning_in_the_french_pass(
    mkdocs_config, project, caplog
):
    essay = project / "docs" / "essais" / "mystique.md"
    essay.write_text(essay.read_text(encoding="utf-8").replace("tags:", "authors: [nobody-known]\ntags:", 1))
    start_build(mkdocs_config)
    with caplog.at_level(logging.WARNING):
        read_pass(mkdocs_config)  # the French pass, once its essays are read
        assert caplog.text.count("nobody-known") == 1
        read_pass(english_pass(mkdocs_config))
    assert caplog.text.count("nobody-known") == 1  # said once, in the French pass


def test_the_corpus_lasts_the_whole_build_across_both_language_passes(mkdocs_config, project):
    read_pass(mkdocs_config)
    corpus = build_state(mkdocs_config).corpus
    # i18n's English pass runs every event again on the same config, on_config (start_build) too
    start_build(mkdocs_config)
    read_pass(english_pass(mkdocs_config))
    assert build_state(mkdocs_config).corpus is corpus
    assert "essais/mystique.md" in corpus.pages["fr"] and "essais/mystique.en.md" in corpus.pages["en"]
    library = site_library(mkdocs_config)
    (english,) = [essay for essay in library.essays_in("en") if essay.slug == "mystique"]
    assert library.original(english).language == "fr"  # the French pass's record, kept
    # `mkdocs serve` loads mkdocs.yml again for each rebuild: a new config is a new build
    rebuild = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    assert start_build(rebuild).corpus is not corpus and not build_state(rebuild).corpus.pages


def test_links_are_resolved_once_per_pass_and_again_when_the_files_change(mkdocs_config, make_page, files):
    essay = essays._href_from(make_page("essais/mystique.md", files=files), files, mkdocs_config)
    home = essays._href_from(make_page("index.md", files=files), files, mkdocs_config)
    assert essay("tags.md") == "../../tags/" and home("tags.md") == "tags/"  # one lookup, two pages
    lookups = build_state(mkdocs_config).file_lookups
    assert isinstance(lookups, FileLookups) and lookups.files is files and lookups.count == len(files)
    assert lookups.by_src_uri["tags.md"].src_uri == "tags.md"
    with pytest.raises(BilingueError, match=r"links to nouveau\.md, which is not a page"):
        home("nouveau.md")
    files.append(File.generated(mkdocs_config, "nouveau.md", content="# Nouveau\n"))
    assert (
        essays._href_from(make_page("index.md", files=files), files, mkdocs_config)("nouveau.md")
        == "nouveau/"
    )


def test_the_state_the_hooks_keep_is_typed_and_needs_no_mkdocs_to_import():
    # MkDocs' types are type hints only (TYPE_CHECKING): resolved here with MkDocs' module
    hints = typing.get_type_hints(BuildState, localns=vars(mkdocs.structure.files))
    assert hints["references"] == RenderedReferences | None
    assert hints["file_lookups"] == FileLookups | None
    lookups = typing.get_type_hints(FileLookups, localns=vars(mkdocs.structure.files))
    assert lookups["files"] is mkdocs.structure.files.Files
    code = "import sys, bilingue.build_state\nprint(sorted(m for m in sys.modules if m.startswith('mkdocs')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
