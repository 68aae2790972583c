"""``python -m bilingue import-linkedin PASTE``: a LinkedIn paste becomes a French essay file."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from bilingue.cli._commands import COMMANDS
from bilingue.cli._project import project_options, project_settings
from bilingue.errors import BilingueError
from bilingue.files import atomic_write_text, claim_folders, read_text
from bilingue.importer import ImportedEssay, check_slug, import_linkedin_post


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``import-linkedin`` command to ``subparsers``."""
    parser = subparsers.add_parser(
        "import-linkedin",
        parents=[project_options()],
        help=COMMANDS["import-linkedin"],
        description=(
            "Reads a text file holding a LinkedIn post as copied from the browser: the first line "
            "becomes the title, short lines without closing punctuation become section headings, "
            "LinkedIn's own lines and the readers' comments are dropped (and listed, so you can "
            "check). The author's words are kept exactly. Review the result, then write the "
            "description and tags in its front matter."
        ),
    )
    parser.add_argument("paste", type=Path, help="text file with the pasted post")
    parser.add_argument(
        "--date",
        type=_date,
        default=dt.date.today(),
        help="publication date, YYYY-MM-DD (default: today)",
    )
    parser.add_argument("--tags", default="", help="comma-separated tags, e.g. 'innovation,santé'")
    parser.add_argument(
        "--slug",
        type=_slug,
        help="file name without .md: lowercase letters, digits and hyphens (default: from the title)",
    )
    parser.add_argument(
        "--docs",
        type=Path,
        default=None,
        help="essays folder (default: folders.docs/folders.essays of bilingue.yml, docs/essais)",
    )
    parser.add_argument("--stdout", action="store_true", help="print the essay instead of writing it")
    parser.add_argument("--force", action="store_true", help="overwrite an existing essay file")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run ``import-linkedin`` with the parsed arguments; the exit status."""
    if not args.paste.is_file():
        raise BilingueError(f"{args.paste}: no such file (give the path of the text you pasted)")
    tags = [tag.strip() for tag in args.tags.split(",") if tag.strip()]
    try:
        essay = import_linkedin_post(read_text(args.paste), args.date, tags)
    except ValueError as error:
        raise BilingueError(f"{args.paste}: {error}") from error
    if args.stdout:
        sys.stdout.write(essay.markdown)
    else:
        target = _target(args, essay)
        if target.exists() and not args.force:
            raise BilingueError(f"{target} exists already (choose --slug, or --force to overwrite)")
        target.parent.mkdir(parents=True, exist_ok=True)
        with claim_folders([target.parent], what="an import"):  # a translate run cleans up there
            atomic_write_text(target, essay.markdown)
        print(f"wrote {target}", file=sys.stderr)
    _report(essay)
    return 0


def _date(text: str) -> dt.date:
    """``--date``: a real day written YYYY-MM-DD (argparse shows the message)."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise argparse.ArgumentTypeError(
        f"{text!r} is not a date: write YYYY-MM-DD, a real day (e.g. 2024-11-20)"
    )


def _slug(text: str) -> str:
    """``--slug``: a file name in the essays folder, never a path out of it."""
    try:
        return check_slug(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _target(args: argparse.Namespace, essay: ImportedEssay) -> Path:
    slug = args.slug or essay.slug
    if not slug:
        raise BilingueError(f"cannot make a file name from the title {essay.title!r}: give one with --slug")
    try:
        check_slug(slug)
    except ValueError as error:
        raise BilingueError(f"the file name made from the title: {error}; give one with --slug") from None
    folder = args.docs if args.docs is not None else project_settings(args).essays_dir
    return folder / f"{slug}.md"


def _report(essay: ImportedEssay) -> None:
    print(f"title: {essay.title}", file=sys.stderr)
    for heading in essay.headings:
        print(f"section heading: {heading}", file=sys.stderr)
    for line in essay.dropped_chrome:
        print(f"dropped LinkedIn line: {line}", file=sys.stderr)
    if essay.dropped_comments:
        print(
            f"dropped {len(essay.dropped_comments)} lines of readers' comments, from: "
            f"{essay.dropped_comments[0][:60]}",
            file=sys.stderr,
        )
