"""``python -m bilingue translate FILE --provider pseudo --stdout``: English Markdown of a French file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bilingue.errors import BilingueError, SourceFileError
from bilingue.translate import TranslateOptions, get_provider, load_glossary, translate_document
from bilingue.translate.options import DEFAULT_FRONT_MATTER_KEYS


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "translate",
        help="translate French Markdown essays into English",
        description=(
            "Translates the prose of French Markdown files and keeps everything else byte for "
            "byte (code, URLs, HTML, footnote labels, front-matter keys...). Every block is "
            "checked after translation; a block that cannot be translated safely stays in "
            "French and is reported on stderr. With --stdout the English Markdown is printed."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="French Markdown file(s) (e.g. docs/essais/mystique.md)",
    )
    parser.add_argument(
        "--provider",
        default=None,
        help="translation service: pseudo (offline preview), identity, or a "
        "network provider/chain such as google or google,mymemory "
        "(default: the configured chain)",
    )
    parser.add_argument(
        "--stdout", action="store_true", help="print the English Markdown instead of writing files"
    )
    parser.add_argument(
        "--glossary",
        type=Path,
        default=None,
        help="YAML file of terms kept as written (default: ./glossary.yml if present)",
    )
    parser.add_argument(
        "--front-matter-keys",
        default=",".join(DEFAULT_FRONT_MATTER_KEYS),
        help="comma-separated front-matter keys whose values are translated (default: %(default)s)",
    )
    parser.add_argument(
        "--no-typography",
        action="store_true",
        help="skip the French -> English typography pass (guillemets, spaces before ; : ! ?)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not args.stdout:
        raise BilingueError(
            "writing .en.md files is not available yet: add --stdout to print the English Markdown"
        )
    options = TranslateOptions(
        front_matter_keys=tuple(key.strip() for key in args.front_matter_keys.split(",") if key.strip()),
        glossary=load_glossary(args.glossary),
        typography=not args.no_typography,
    )
    provider = get_provider(args.provider)
    status = 0
    for path in args.paths:
        text = _read(path)
        result = translate_document(text, provider, path=str(path), options=options)
        sys.stdout.write(result.text)
        for issue in result.issues:
            print(f"warning: {issue.describe(str(path))}", file=sys.stderr)
    return status


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourceFileError(path, None, "file not found", "check the path") from None
    except UnicodeDecodeError as error:
        raise SourceFileError(
            path, None, f"not UTF-8 text ({error.reason})", "save the file as UTF-8"
        ) from None
