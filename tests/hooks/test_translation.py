"""hooks/translation.py: settings at on_config, sync or check at on_pre_build, freshness notices."""

from __future__ import annotations

import logging

import pytest
from mkdocs.exceptions import PluginError

from bilingue.build_state import build_state
from bilingue.errors import SourceFileError
from bilingue.serve import UnreachableProviders, current_session
from bilingue.site import TRANSLATION_NOTICE, TRANSLATION_PROBLEMS
from bilingue.sync import freshness
from hooks import serve, translation
from tests.hooks.conftest import english_pass


def test_on_config_reads_the_settings_and_stops_on_an_unknown_provider(mkdocs_config, project, monkeypatch):
    monkeypatch.setenv("BILINGUE_PROVIDER", "googel")
    with pytest.raises(PluginError, match=r"unknown translation provider 'googel'.*BILINGUE_PROVIDER"):
        translation.on_config(mkdocs_config)
    monkeypatch.setenv("BILINGUE_MODE", "check")  # check sends nothing: any name will do
    assert translation.on_config(mkdocs_config) is mkdocs_config
    assert build_state(mkdocs_config).settings.translation.mode == "check"
    assert build_state(mkdocs_config).root == project


def test_on_pre_build_in_check_mode_fails_on_a_stale_essay_in_the_french_pass_only(
    mkdocs_config, project, monkeypatch
):
    essay = project / "docs" / "essais" / "mystique.md"
    essay.write_text(essay.read_text(encoding="utf-8").replace("Oui, oui", "Si, si"), encoding="utf-8")
    monkeypatch.setenv("BILINGUE_MODE", "check")
    translation.on_config(mkdocs_config)
    with pytest.raises(PluginError, match=r"translation check failed \(mode: check\)"):
        translation.on_pre_build(mkdocs_config)
    assert translation.on_pre_build(english_pass(mkdocs_config)) is None  # checked once, in French


def test_on_pre_build_in_auto_mode_writes_the_missing_english(mkdocs_config, project, monkeypatch):
    new = project / "docs" / "essais" / "neuf.md"
    new.write_text(
        "---\ntitle: Neuf\ndate: 2024-01-02\ndescription: Un essai neuf.\n---\n\nUn paragraphe.\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("BILINGUE_PROVIDER", "pseudo")
    translation.on_config(mkdocs_config)
    translation.on_pre_build(mkdocs_config)
    assert (project / "docs" / "essais" / "neuf.en.md").exists()
    assert (project / "docs" / "essais" / "neuf.lock.json").exists()


def test_on_page_markdown_gives_english_pages_their_freshness(mkdocs_config, make_page, files):
    english = make_page("essais/mystique.en.md")
    assert translation.on_page_markdown("# x", english, english_pass(mkdocs_config), files) == "# x"
    notice = english.meta[TRANSLATION_NOTICE]
    assert notice["reviewed"] is True and notice["outdated"] is False  # translated by a person
    french = make_page("essais/mystique.md")
    translation.on_page_markdown("# x", french, mkdocs_config, files)
    assert TRANSLATION_NOTICE not in french.meta


def test_in_check_mode_the_notices_come_from_the_checks_plans(mkdocs_config, make_page, files, monkeypatch):
    english = make_page("essais/mystique.en.md")
    translation.on_page_markdown("# x", english, english_pass(mkdocs_config), files)
    planned_alone = english.meta[TRANSLATION_NOTICE]
    monkeypatch.setenv("BILINGUE_MODE", "check")
    mkdocs_config.theme["language"] = "fr"  # a new build: the French pass first
    translation.on_config(mkdocs_config)
    translation.on_pre_build(mkdocs_config)  # plans every essay to check it
    planned_again = []
    monkeypatch.setattr(freshness, "plan_essay", lambda *args, **kwargs: planned_again.append(args))
    english = make_page("essais/mystique.en.md")
    translation.on_page_markdown("# x", english, english_pass(mkdocs_config), files)
    assert english.meta[TRANSLATION_NOTICE] == planned_alone and planned_again == []


def test_in_auto_mode_the_notices_come_from_the_syncs_plans_of_essays_it_left_alone(
    mkdocs_config, project, make_page, files, monkeypatch
):
    new = project / "docs" / "essais" / "neuf.md"
    new.write_text("---\ntitle: Neuf\ndate: 2024-01-02\ndescription: Un essai.\n---\n\nUn paragraphe.\n")
    monkeypatch.setenv("BILINGUE_PROVIDER", "pseudo")
    translation.on_config(mkdocs_config)
    translation.on_pre_build(mkdocs_config)  # translates neuf, leaves mystique as it was
    planned_again = []
    real_plan = freshness.plan_essay
    monkeypatch.setattr(
        freshness,
        "plan_essay",
        lambda path, *args, **kwargs: planned_again.append(path.name) or real_plan(path, *args, **kwargs),
    )
    english = english_pass(mkdocs_config)
    pages = {name: make_page(f"essais/{name}.en.md", files=files) for name in ("mystique", "neuf")}
    for page in pages.values():
        translation.on_page_markdown("# x", page, english, files)
    assert planned_again == ["neuf.md"]  # written by the sync: planned again, the others not
    assert not pages["neuf"].meta[TRANSLATION_NOTICE]["outdated"]  # as the files are now
    assert pages["mystique"].meta[TRANSLATION_NOTICE]["reviewed"]


def test_a_build_on_the_same_config_never_shows_an_earlier_builds_freshness(mkdocs_config, monkeypatch):
    monkeypatch.setenv("BILINGUE_MODE", "check")
    translation.on_config(mkdocs_config)
    translation.on_pre_build(mkdocs_config)
    assert build_state(mkdocs_config).freshness  # the check's plans
    monkeypatch.setenv("BILINGUE_MODE", "off")  # the next build, on the same config object
    translation.on_config(mkdocs_config)
    translation.on_pre_build(mkdocs_config)
    assert build_state(mkdocs_config).freshness == {}


def test_an_english_file_the_freshness_cannot_read_is_left_to_its_page(mkdocs_config, monkeypatch):
    def unreadable(plan):
        raise SourceFileError(plan.english_path, 2, "invalid front matter", "fix it")

    monkeypatch.setattr(translation, "freshness_of_plan", unreadable)
    monkeypatch.setenv("BILINGUE_MODE", "check")
    translation.on_config(mkdocs_config)
    translation.on_pre_build(mkdocs_config)  # the check itself goes on
    assert build_state(mkdocs_config).freshness == {}  # the page plans it again, and says why


def test_on_config_refuses_settings_that_disagree_with_mkdocs_docs_dir(mkdocs_config, project, monkeypatch):
    monkeypatch.setenv("BILINGUE_DOCS", "pages")
    with pytest.raises(
        PluginError,
        match=r"pages in .*pages \(folders.docs, from environment variable BILINGUE_DOCS\).*docs_dir",
    ):
        translation.on_config(mkdocs_config)


@pytest.fixture
def session():
    """A ``mkdocs serve`` session, as hooks/serve.py starts it (and a build's afterwards)."""
    serve.on_startup("serve", dirty=False)
    yield current_session()
    serve.on_startup("build", dirty=False)


def stale_mystique(project) -> None:
    essay = project / "docs" / "essais" / "mystique.md"
    essay.write_text(essay.read_text(encoding="utf-8").replace("Oui, oui", "Si, si"), encoding="utf-8")


def test_serving_in_check_mode_shows_the_problems_on_the_pages_instead_of_failing(
    mkdocs_config, project, make_page, files, monkeypatch, session, caplog
):
    stale_mystique(project)
    monkeypatch.setenv("BILINGUE_MODE", "check")
    translation.on_config(mkdocs_config)
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.translation"):
        translation.on_pre_build(mkdocs_config)  # no PluginError: the server keeps serving
    assert "translation check (mode: check) found problems" in caplog.text
    french, other = make_page("essais/mystique.md"), make_page("index.md")
    translation.on_page_markdown("# x", french, mkdocs_config, files)
    translation.on_page_markdown("# x", other, mkdocs_config, files)
    assert any("mystique.md" in problem for problem in french.meta[TRANSLATION_PROBLEMS])
    assert TRANSLATION_PROBLEMS not in other.meta
    english = make_page("essais/mystique.en.md")  # the English page says it too
    translation.on_page_markdown("# x", english, english_pass(mkdocs_config), files)
    assert english.meta[TRANSLATION_PROBLEMS] == french.meta[TRANSLATION_PROBLEMS]


def test_the_problems_shown_are_the_latest_checks(
    mkdocs_config, project, make_page, files, monkeypatch, session
):
    stale_mystique(project)
    monkeypatch.setenv("BILINGUE_MODE", "check")
    translation.on_config(mkdocs_config)
    translation.on_pre_build(mkdocs_config)
    assert session.translation_problems
    monkeypatch.setenv("BILINGUE_MODE", "off")  # the next rebuild checks nothing: nothing is left shown
    translation.on_config(mkdocs_config)
    translation.on_pre_build(mkdocs_config)
    french = make_page("essais/mystique.md")
    translation.on_page_markdown("# x", french, mkdocs_config, files)
    assert not session.translation_problems and TRANSLATION_PROBLEMS not in french.meta


def test_a_resting_service_is_not_called_while_serving(mkdocs_config, project, monkeypatch, session):
    new = project / "docs" / "essais" / "neuf.md"
    new.write_text(
        "---\ntitle: Neuf\ndate: 2024-01-02\ndescription: Un essai neuf.\n---\n\nUn paragraphe.\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("BILINGUE_PROVIDER", "pseudo")
    now = [0.0]
    session.resting = UnreachableProviders(pause=300, clock=lambda: now[0])
    session.resting.remember("pseudo", "connection refused")  # a previous rebuild found it unreachable
    translation.on_config(mkdocs_config)
    translation.on_pre_build(mkdocs_config)
    assert not (project / "docs" / "essais" / "neuf.en.md").exists()
    now[0] = 301  # its rest is over: tried again
    translation.on_pre_build(mkdocs_config)
    assert (project / "docs" / "essais" / "neuf.en.md").exists()


def test_a_build_fails_in_check_mode_even_after_a_server_ran_in_the_same_process(
    mkdocs_config, project, monkeypatch
):
    serve.on_startup("serve", dirty=False)
    serve.on_startup("build", dirty=False)  # each command starts its own session
    assert current_session().serving is False and not current_session().translation_problems
    stale_mystique(project)
    monkeypatch.setenv("BILINGUE_MODE", "check")
    translation.on_config(mkdocs_config)
    with pytest.raises(PluginError, match=r"translation check failed"):
        translation.on_pre_build(mkdocs_config)


def test_the_checks_plans_serve_a_build_started_in_the_project_folder(project, monkeypatch):
    # `mkdocs build` run in the project, as a site owner does: the check's plans (keyed by the
    # essays' absolute paths) are the ones the English pages find
    from mkdocs.config import load_config
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    from bilingue.build_state import start_build

    monkeypatch.chdir(project)
    monkeypatch.setenv("BILINGUE_MODE", "check")
    config = load_config("mkdocs.yml", site_dir=str(project / "site"))
    start_build(config)
    translation.on_config(config)
    translation.on_pre_build(config)
    planned_again = []
    monkeypatch.setattr(freshness, "plan_essay", lambda *args, **kwargs: planned_again.append(args))
    english = Page(None, File("essais/mystique.en.md", config.docs_dir, config.site_dir, True), config)
    english.meta = {}
    translation.on_page_markdown("# x", english, english_pass(config), None)
    assert english.meta[TRANSLATION_NOTICE]["synced"] and planned_again == []
