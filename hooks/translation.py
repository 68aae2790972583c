"""Translations in the build: sync English essays before i18n reads the files, and tell readers
how fresh each English page is.

The mode comes from bilingue.yml (or BILINGUE_MODE): ``auto`` translates what is missing or stale
with the configured provider (an unreachable provider leaves the existing English in place and
is reported once), ``check`` fails the build when an English essay is missing or stale (no
network: for CI), ``off`` does nothing.

Under ``mkdocs serve`` (what lasts between rebuilds is in ``bilingue.serve.current_session()``,
started by hooks/serve.py): check mode does not fail the rebuild, it shows the problems on the
essays' pages and in the log; a service that failed is left alone for a few minutes instead of
being retried, with its timeouts, on every rebuild.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from bilingue import SOURCE_LANGUAGE, TARGET_LANGUAGE
from bilingue.build_state import BuildState, build_state, start_build
from bilingue.errors import BilingueError, SourceFileError, reported_as_build_errors
from bilingue.locales import long_date
from bilingue.markdown import renderer_from_config
from bilingue.paths import french_path_for
from bilingue.redact import RedactingFilter
from bilingue.serve import current_session
from bilingue.site import (
    TRANSLATION_NOTICE,
    TRANSLATION_PROBLEMS,
    file_language,
    french_source_of,
    is_source_pass,
)
from bilingue.sync import EssayPlan, find_problems, freshness_of, freshness_of_plan, sync_paths

log = logging.getLogger("mkdocs.hooks.translation")
log.addFilter(RedactingFilter())  # a service's error may echo a key

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


@reported_as_build_errors()
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    settings = start_build(config).settings  # bilingue.yml + environment, read again at every build
    if settings.docs_dir.resolve() != Path(config.docs_dir).resolve():  # commands and build must agree
        raise PluginError(
            f"the settings put the pages in {settings.docs_dir} (folders.docs, from "
            f"{settings.origin('folders.docs')}) but mkdocs.yml's docs_dir is {config.docs_dir}: "
            "make them the same folder"
        )
    renderer_from_config(config)  # the judge renders with this very config (not loaded twice)
    if settings.translation.mode == "auto":  # a typo stops the build now, not essay by essay
        settings.check_provider()
    return config


@reported_as_build_errors()
def on_pre_build(config: MkDocsConfig) -> None:
    # i18n builds French first, then English on the same config: sync once, before any file is read.
    if not is_source_pass(config):
        return
    state = build_state(config)
    mode = state.settings.translation.mode
    current_session().translation_problems.clear()
    state.freshness = {}  # a build on the same config object must not show an earlier one's
    if mode == "check":
        _check(state)
    elif mode == "auto":
        _sync(state)


@reported_as_build_errors()
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.abs_src_path is None:
        return markdown  # a page the build generates: no translation to describe
    english = file_language(page.file.src_uri) != SOURCE_LANGUAGE
    known_problems = current_session().translation_problems  # only `serve` in check mode fills it
    if not english and not known_problems:
        return markdown  # nothing to say: no path resolved (system calls) for nothing
    french = french_source_of(page)
    if known_problems and (problems := known_problems.get(french.resolve())):
        page.meta[TRANSLATION_PROBLEMS] = problems
    if not english:
        return markdown
    state = build_state(config)
    if (key := _freshness_key(french)) in state.freshness:  # planned in the French pass
        freshness = state.freshness[key]
    else:
        freshness = freshness_of(french, state.options, read=state.corpus.text) if french.exists() else None
    if freshness is not None:
        page.meta[TRANSLATION_NOTICE] = {
            "reviewed": freshness.reviewed,
            "partly_reviewed": freshness.human_blocks > 0 and not freshness.reviewed,
            "unknown_origin": freshness.unknown_origin,
            "partly_machine": freshness.machine_blocks > 0,
            "outdated": freshness.outdated,
            "synced": long_date(freshness.synced, TARGET_LANGUAGE) if freshness.synced else "",
        }
    return markdown


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _check(state: BuildState) -> None:
    problems = find_problems(state.settings.essay_paths(), state.options, _freshness_keeper(state))
    if not problems:
        return
    lines = problems.lines() + (["Then commit the English files and locks."] if problems.outdated else [])
    session = current_session()
    if not session.serving:
        raise PluginError("translation check failed (mode: check):\n  " + "\n  ".join(lines))
    # While serving, a failed build would leave the author looking at a server that hangs: the
    # site is built, the problems are shown on the pages concerned and in the log (a build fails).
    for problem in problems.all():
        if problem.path is not None:
            session.translation_problems.setdefault(french_path_for(problem.path).resolve(), []).append(
                problem.text()
            )
    log.info(
        "translation check (mode: check) found problems; `mkdocs build` fails on them, `serve` shows "
        "them on their pages:\n  " + "\n  ".join(lines)
    )


def _sync(state: BuildState) -> None:
    from bilingue.providers import get_provider  # here: a check-mode build never loads the services

    provider_name = state.settings.translation.provider
    session = current_session()
    if session.serving and session.resting.is_resting(provider_name or _DEFAULT_CHAIN):
        return  # said when it failed; the existing English is used meanwhile
    try:
        run = sync_paths(
            state.settings.essay_paths(),
            lambda: get_provider(provider_name, settings=state.settings.provider_settings),
            state.options,
            on_plan=_freshness_keeper(state),
        )
    except BilingueError as error:
        log.info(f"translation: skipped ({error}); the existing English files are used as they are")
        return
    written = [report for report in run.files if report.written]
    if written:
        log.info(
            f"translation: updated {len(written)} English file(s), "
            f"{run.total('translated')} block(s), {run.total('requests')} request(s)"
        )
    for report in run.files:
        if report.bad_input:  # the author's file: a real error, which --strict reports
            log.warning(f"translation: {report.messages[0]}")
    service_failures = [report for report in run.failed if not report.bad_input]
    if service_failures:
        # One clear message, not a warning per page: the build goes on with the English we have.
        first = service_failures[0].messages[0] if service_failures[0].messages else "no answer"
        if session.serving:
            session.resting.remember(provider_name or _DEFAULT_CHAIN, first)
        log.info(
            f"translation: {len(service_failures)} essay(s) not updated ({first}); their existing "
            "English is kept and marked outdated. Run `python -m bilingue translate` later."
        )


def _freshness_keeper(state: BuildState) -> Callable[[Path, EssayPlan], None]:
    """What keeps, from the plans the French pass makes anyway, each English page's freshness."""

    def keep(french: Path, plan: EssayPlan) -> None:
        # unreadable English: its page plans it again when built, and says why with file and line
        with suppress(SourceFileError):
            state.freshness[_freshness_key(french)] = freshness_of_plan(plan)

    return keep


def _freshness_key(french: Path) -> str:
    # The absolute path, not the real one: both passes name an essay from the same docs folder
    # (found by the check's walk, or MkDocs' page), and resolving links costs a system call per
    # folder of the path. A path written otherwise (a link to docs/) is only a miss: its page
    # plans again, to the same freshness.
    return os.path.abspath(french)


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

_DEFAULT_CHAIN = "the default providers"
