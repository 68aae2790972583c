"""``--format``, shared by the commands that report problems (``check``, ``translate --check``,
``check-translation``): text for a person, or GitHub annotations and a step summary (see
``bilingue.reporting``)."""

from __future__ import annotations

import argparse

from bilingue.reporting import FORMATS


def add_format_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        dest="output_format",
        help="text (default), or github: one annotation per problem on its file and line, and a "
        "Markdown report appended to $GITHUB_STEP_SUMMARY (GitHub Actions)",
    )
