"""``python -m bilingue new "Titre de l'essai" [--tags ...]``: start a French essay."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from bilingue.cli._commands import COMMANDS
from bilingue.cli._paths import check_folder
from bilingue.cli._project import project_options, project_settings
from bilingue.files import claim_folders
from bilingue.new_essay import create_essay
from bilingue.tags import load_tag_table


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``new`` command to ``subparsers``."""
    parser = subparsers.add_parser(
        "new",
        parents=[project_options()],
        help=COMMANDS["new"],
        description=(
            "Writes docs/essais/<slug>.md, the slug made from the title (accents folded, e.g. "
            "'L'été à Montréal' -> lete-a-montreal), with its front matter (title, today's date, "
            "a description to write, tags), a first paragraph to replace and an example of a "
            "sourced sentence. An existing file is never replaced: the name gets -2, -3... "
            "Then prints the next steps."
        ),
    )
    parser.add_argument("title", help="the essay's title, in French")
    parser.add_argument("--tags", default="", help="comma-separated tags, e.g. 'innovation,santé'")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run ``new`` with the parsed arguments; the exit status."""
    project = project_settings(args)
    check_folder(project.docs_dir, "the pages: give --root the site's folder (folders.docs of bilingue.yml)")
    folder = project.essays_dir
    tags = [tag.strip() for tag in args.tags.split(",") if tag.strip()]
    folder.mkdir(exist_ok=True)
    with claim_folders([folder], what="a new essay"):  # a translate run may be cleaning up there
        essay = create_essay(folder, args.title.strip(), dt.date.today(), tags)
    print(f"wrote {essay.path}")
    print(NEXT_STEPS.format(path=essay.path, slug=essay.slug))
    _say_which_tags_need_a_label(tags, project.tags_path, project.folders.tags)
    return 0


# ---------------------------------------------------------------------------------------------------
# Helpers


def _say_which_tags_need_a_label(tags: list[str], table_path: Path, table_name: str) -> None:
    """A new tag fails ``check`` until it has an English label: say so now, not at the first check."""
    missing = load_tag_table(table_path).untranslated(tags)
    if missing:
        labels = "\n".join(f"    {tag}: <English label>" for tag in missing)
        print(f"\nNew tags need an English label in {table_name} before check passes:\n{labels}")


# ---------------------------------------------------------------------------------------------------
# Data

NEXT_STEPS = """
Next steps (CONTRIBUTING.md says more):
  1. write the essay in {path}, and its description in the front matter;
  2. cite a source for every figure: add it to sources.yml, then [^src:ITS-ID] in the sentence;
  3. preview: make serve, then open http://127.0.0.1:8000/essais/{slug}/
  4. check: make check (sources, citations, translations, the site's build);
  5. English: python -m bilingue translate, or leave it to the translation workflow after the merge;
  6. commit on a branch and open a pull request."""
