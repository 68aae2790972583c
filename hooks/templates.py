"""Theme templates compiled once per process (``bilingue.templating``), not once per language
and per `mkdocs serve` rebuild."""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from bilingue.templating import TEMPLATE_CACHE

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = TEMPLATE_CACHE
    return env
