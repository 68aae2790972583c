"""The commands of ``python -m bilingue``: each one's name and the line ``--help`` shows for it.

Kept apart from the commands' modules so that listing them costs nothing: a command's module (and
what it imports: the settings model, the Markdown model, rich...) is imported only when that
command runs, or when its own ``--help`` is asked for. Adding a command is adding its module
(``bilingue/cli/<name>.py``, dashes as underscores, with ``register(subparsers)``) and its line
here; a test checks that the two agree.
"""

from __future__ import annotations

#: command -> its one-line help (its module's ``register`` uses the same line)
COMMANDS = {
    "check": "check the sources registry and every citation; list numbers without a source",
    "check-translation": "compare an English Markdown file with its French source, block by block",
    "import-linkedin": "turn a post pasted from LinkedIn into a French essay (docs/essais/SLUG.md)",
    "new": "start a French essay: docs/essais/<slug>.md with front matter and an example",
    "providers": "list the translation providers, their endpoints, keys, limits and quotas",
    "settings": "show every setting's value and where it came from (default, bilingue.yml, environment)",
    "status": "how far each English essay is: a summary, then a table (blocks machine / human / stale / "
    "missing, last sync, work left) of the essays with something to do (--all: every essay)",
    "translate": "create and update the English versions of French essays",
}


def module_name(command: str) -> str:
    """The module of ``command``, e.g. ``bilingue.cli.check_translation``."""
    return f"bilingue.cli.{command.replace('-', '_')}"
