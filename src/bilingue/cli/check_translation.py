"""``python -m bilingue check-translation FR EN``: does an English file match its French source?"""

from __future__ import annotations

import argparse
from pathlib import Path

from bilingue.cli._commands import COMMANDS
from bilingue.cli._format import add_format_argument
from bilingue.cli._project import project_options, project_settings
from bilingue.files import read_text
from bilingue.markdown import DEFAULT_FRONT_MATTER_KEYS, Difference, compare_documents, judge, parse_document
from bilingue.reporting import Problem, emit
from bilingue.translate import load_glossary


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``check-translation`` command to ``subparsers``."""
    parser = subparsers.add_parser(
        "check-translation",
        parents=[project_options()],
        help=COMMANDS["check-translation"],
        description=(
            "Checks that the translation has the same blocks in the same order and nesting "
            "(headings and their levels and ids, lists, admonitions, tabs, tables, footnotes...), "
            "the same code, HTML and math, and in every prose block the same protected pieces "
            "(inline code, link and image targets, footnote references, emoji...); then renders "
            "both with the site's Markdown configuration (mkdocs.yml) and compares the pages: "
            "every element and attribute, heading ids, code, keys and math must be the same. "
            "Works on human-edited files. Exit status 0 when they agree, 1 otherwise, with "
            "file:line and what differs."
        ),
    )
    parser.add_argument("source", type=Path, metavar="FR", help="the French Markdown file")
    parser.add_argument("target", type=Path, metavar="EN", help="its English translation")
    parser.add_argument(
        "--glossary",
        type=Path,
        default=None,
        help="YAML file of terms kept as written (default: translation.glossary of bilingue.yml)",
    )
    parser.add_argument(
        "--front-matter-keys",
        default=None,
        help="front-matter keys whose values are translated, comma-separated (default: "
        f"translation.front_matter_keys of bilingue.yml, else {','.join(DEFAULT_FRONT_MATTER_KEYS)})",
    )
    add_format_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run ``check-translation`` with the parsed arguments; the exit status."""
    settings = project_settings(args, required=False)
    options = settings.translate_options()  # the settings `translate` works with
    keys = options.front_matter_keys
    if args.front_matter_keys is not None:
        keys = tuple(key.strip() for key in args.front_matter_keys.split(",") if key.strip())
    terms = load_glossary(args.glossary) if args.glossary is not None else options.glossary
    source = parse_document(
        read_text(args.source, exact=True), path=args.source, terms=terms, front_matter_keys=keys
    )
    target = parse_document(
        read_text(args.target, exact=True), path=args.target, terms=terms, front_matter_keys=keys
    )
    differences = compare_documents(source, target, translated_keys=keys)
    if not differences:  # the model agrees: the site's renderer has the last word
        rendered = judge(options.renderer(), source.source, target.source)
        if rendered is not None:
            differences.append(Difference(None, None, rendered.describe()))
    if not differences:
        print(
            f"{args.target}: matches {args.source} "
            f"({sum(1 for b in source.blocks if b.translatable)} prose blocks checked)"
        )
        return 0
    emit(
        [_problem(difference, args.source, args.target) for difference in differences],
        output_format=args.output_format,
        root=args.root,
        title=f"Translation of {args.source.name}",
        text_lines=[difference.describe(str(args.source), str(args.target)) for difference in differences],
        closing=[f"{len(differences)} difference(s) between {args.source} and {args.target}"],
    )
    return 1


def _problem(difference: Difference, source: Path, target: Path) -> Problem:
    """On the English line when there is one (the file a translator fixes), else on the French."""
    if difference.target_line is not None or difference.source_line is None:
        return Problem("error", difference.message, target, difference.target_line, title=TITLE)
    return Problem("error", difference.message, source, difference.source_line, title=TITLE)


# ---------------------------------------------------------------------------------------------------
# Data

TITLE = "Translation differs from its French"
