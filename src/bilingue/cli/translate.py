"""``python -m bilingue translate [PATHS]``: keep English essays in step with their French originals.

Without options: creates missing ``.en.md`` files and re-translates exactly the blocks whose French
changed, keeping every block a person edited (see ``bilingue.sync``). ``--dry-run`` and ``--check``
send nothing; ``--stdout`` prints the English of the given files without writing anything.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from bilingue.cli._commands import COMMANDS
from bilingue.cli._format import add_format_argument
from bilingue.cli._paths import check_paths
from bilingue.cli._project import project_options, project_settings
from bilingue.config import Settings
from bilingue.errors import BilingueError, SourceFileError
from bilingue.files import read_text
from bilingue.paths import lock_path_for
from bilingue.providers import OFFLINE_PROVIDERS, get_provider
from bilingue.reporting import Problem, emit
from bilingue.sync import (
    EssayPlan,
    FileReport,
    ProblemKind,
    RunReport,
    clear_aside,
    find_essays,
    find_problems,
    handle_orphans,
    plan_essay,
    sync_paths,
)
from bilingue.translate import TranslateOptions, load_glossary, translate_document


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``translate`` command to ``subparsers``."""
    parser = subparsers.add_parser(
        "translate",
        parents=[project_options()],
        help=COMMANDS["translate"],
        description=(
            "Keeps each French essay (x.md) and its English version (x.en.md) in step, block by "
            "block, with a lock file (x.lock.json) recording who translated each block. An "
            "unchanged essay sends nothing; an edited paragraph is the only block sent again; a "
            "block a person edited in the English file is never overwritten (it is reported as "
            "stale when its French changes). Code, URLs, HTML, footnote labels and front-matter "
            "keys are kept byte for byte; every block is checked after translation."
        ),
        epilog=(
            "Settings: bilingue.yml (translation:) and BILINGUE_* environment variables; "
            "see guide/site-owners.md."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="French essays or folders (default: translation.paths of bilingue.yml)",
    )
    parser.add_argument(
        "--provider",
        default=None,
        type=_provider_name,
        help="pseudo (offline preview), identity, or a service/chain such as google or "
        "google,mymemory (default: translation.provider of bilingue.yml)",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--dry-run",
        action="store_true",
        help="print what would be sent per file and per provider (blocks, characters, requests, "
        "free quotas); send and write nothing",
    )
    mode.add_argument(
        "--check",
        action="store_true",
        help="send and write nothing; exit 1 listing English files that are missing or stale (CI)",
    )
    mode.add_argument(
        "--clear-aside",
        action="store_true",
        help="forget the English blocks a person wrote that were set aside (their French is gone) "
        "in the locks of the given essays, once you have put back what still belongs; nothing else "
        "changes",
    )
    mode.add_argument(
        "--stdout",
        action="store_true",
        help="print the English Markdown of the given files, without writing files or locks",
    )
    parser.add_argument(
        "--pull-request",
        action="store_true",
        help="with --check, for a pull request's checks: English that the translation workflow "
        "makes after the merge is a warning, not a failure (unless bilingue.yml sets "
        "translation.pull_requests_need_english: true)",
    )
    add_format_argument(parser)
    parser.add_argument("--glossary", type=Path, default=None, help="YAML file of terms kept as written")
    parser.add_argument(
        "--no-typography",
        action="store_true",
        help="skip the French -> English typography pass (guillemets, spaces before ; : ! ?)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run ``translate`` with the parsed arguments; the exit status."""
    if (args.pull_request or args.output_format != "text") and not args.check:
        raise BilingueError("--pull-request and --format apply to --check only")
    project = project_settings(args)
    options = _options(args, project)
    provider_name = args.provider or project.translation.provider
    if not args.check:  # --check sends nothing: any provider will do
        project.check_provider(args.provider)
    if args.stdout:
        return _print_english(args.paths, provider_name, project, options)
    paths = project.essay_paths(args.paths)
    check_paths(paths)
    if args.check:
        return _check(paths, options, project, args)
    if args.clear_aside:
        return _clear_aside(paths)
    if args.dry_run:
        return _dry_run(paths, provider_name, project, options)
    return _sync(paths, provider_name, project, options)


# --- the modes ----------------------------------------------------------------------------------


def _sync(paths, provider_name, project: Settings, options: TranslateOptions) -> int:
    essays = find_essays(paths)
    with _progress(len(essays)) as advance:
        run = sync_paths(
            paths,
            lambda: get_provider(provider_name, settings=project.provider_settings),
            options,
            on_file=lambda report: (_print_report(report), advance()),
        )
    _print_summary(run)
    return 1 if run.failed else 0


def _check(paths: list[Path], options: TranslateOptions, project: Settings, args) -> int:
    problems = find_problems(paths, options)
    found = problems.all()
    text_lines = problems.item_lines()
    left_to_the_workflow = args.pull_request and not project.translation.pull_requests_need_english
    closing = problems.advice(for_pull_request=left_to_the_workflow)
    if left_to_the_workflow:
        found = [
            _on_a_pull_request(group.kind, problem, problems.plans)
            for group in problems.by_kind()
            for problem in group.problems
        ]
        text_lines = []  # the problems as rewritten for a pull request
    if all(problem.severity == "notice" for problem in found):  # none, or blocks left in French
        closing = [*closing, "every English essay is up to date"]
    emit(
        found,
        output_format=args.output_format,
        root=project.root,
        title="Translation check",
        text_lines=text_lines,
        closing=closing,
    )
    return 1 if any(problem.severity == "error" for problem in found) else 0


def _on_a_pull_request(kind: ProblemKind, problem: Problem, plans: dict[Path, EssayPlan]) -> Problem:
    """A problem of one kind as a pull request sees it when its English may be left to
    the translation workflow: what the workflow does after the merge is a warning that says so; a
    person's English behind its French is a warning for a translator (still shown with its French
    change); files that cannot be read, and a person's English whose French is gone, stay errors."""
    if kind in (ProblemKind.UNREADABLE, ProblemKind.KEPT, ProblemKind.TEST_OUTPUT):
        return problem  # test output is never merged, whoever translates after the merge
    if kind is ProblemKind.UNTRANSLATED:
        return problem  # a notice
    if kind is ProblemKind.UNLOCKED:
        after = "after the merge, the translation workflow adopts it (as a translation of unknown origin)"
    elif kind is ProblemKind.OUTDATED:
        after = _what_the_workflow_does(plans.get(problem.path) if problem.path else None)
    else:
        return replace(problem, severity="warning")
    return replace(problem, severity="warning", message=f"{problem.message}: {after}")


def _what_the_workflow_does(plan: EssayPlan | None) -> str:
    """After the merge: the blocks and characters `translate --dry-run` counts, and the files
    (the essay's plan from the check; none for English whose French is gone)."""
    if plan is None:
        return "after the merge, the translation workflow does it"
    return (
        f"after the merge, the translation workflow translates {len(plan.to_translate)} block(s) "
        f"({plan.characters:,} characters, as `translate --dry-run` counts) and commits "
        f"{plan.english_path.name} and {plan.lock_path.name}"
    )


def _clear_aside(paths: list[Path]) -> int:
    for path, count in clear_aside(find_essays(paths)).items():
        if count:
            print(f"{path}: {count} block(s) set aside cleared from {lock_path_for(path).name}")
    return 0


def _dry_run(paths, provider_name, project: Settings, options: TranslateOptions) -> int:
    texts: list[str] = []
    unreadable = 0
    for report in handle_orphans(paths, dry_run=True):
        print("; ".join(report.messages))
    for path in find_essays(paths):
        try:
            plan = plan_essay(path, options)
        except SourceFileError as error:  # said, and the estimate goes on with the others
            print(f"error: {error}", file=sys.stderr)
            unreadable += 1
            continue
        sent = plan.request_texts()
        texts += sent
        print(
            f"{path}: {plan.status.value}, {len(plan.to_translate)} block(s) to send "
            f"({sum(len(text) for text in sent):,} characters), {plan.count_kept()} kept"
        )
    if provider_name in OFFLINE_PROVIDERS:
        print(f"{len(texts)} text(s) for the offline {provider_name} provider; nothing is sent")
    else:
        from bilingue.providers.estimate import estimate

        chain = get_provider(provider_name, settings=project.provider_settings)
        for line in estimate(texts, chain).lines():
            print(line)
    return 1 if unreadable else 0


def _print_english(paths, provider_name, project: Settings, options: TranslateOptions) -> int:
    if not paths:
        raise BilingueError("--stdout needs the French file(s) to translate")
    provider = get_provider(provider_name, settings=project.provider_settings)
    for path in paths:
        result = translate_document(read_text(path, exact=True), provider, path=str(path), options=options)
        sys.stdout.write(result.text)
        for issue in result.issues:
            print(f"warning: {issue.describe(str(path))}", file=sys.stderr)
    return 0


# --- helpers ------------------------------------------------------------------------------------


def _provider_name(value: str) -> str:
    if not value.strip():
        raise argparse.ArgumentTypeError("give a provider name, e.g. pseudo or google,mymemory")
    return value.strip()


def _options(args: argparse.Namespace, project: Settings) -> TranslateOptions:
    options = project.translate_options()
    if args.glossary is not None:
        options = replace(options, glossary=load_glossary(args.glossary))
    if args.no_typography:
        options = replace(options, typography=False)
    return options


@contextmanager
def _progress(total: int) -> Iterator:
    """A progress bar on stderr for long runs (a terminal only; logs get one line per file)."""
    from rich.console import Console  # here: an unchanged run in a log imports no rich.progress
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    if total < 2 or not console.is_terminal:
        yield lambda: None
        return
    columns = (TextColumn("translating"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("essays", total=total)
        yield lambda: progress.advance(task)


def _print_report(report: FileReport) -> None:
    if report.status == "unchanged" and not report.messages:
        return
    counts = (
        f"{report.translated} translated, {report.reused} reused, {report.human} human, {report.stale} stale"
    )
    print(f"{report.path}: {report.status} ({counts})", file=sys.stderr)
    for message in report.messages:
        print(f"  {message}", file=sys.stderr)


def _print_summary(run: RunReport) -> None:
    for path in run.cleaned:
        print(f"{path}: removed, a temporary file left by an interrupted run", file=sys.stderr)
    unreadable = sum(1 for report in run.failed if report.bad_input)
    service_failures = len(run.failed) - unreadable
    print(
        f"{len(run.files)} file(s): {run.total('translated')} block(s) translated, "
        f"{run.total('reused')} reused, {run.total('human')} human, {run.total('stale')} stale; "
        f"{run.total('requests')} request(s), {run.total('characters'):,} characters sent"
        + (f"; {service_failures} file(s) failed (run again to finish)" if service_failures else "")
        + (f"; {unreadable} file(s) cannot be read (fix them as said above)" if unreadable else ""),
        file=sys.stderr,
    )
