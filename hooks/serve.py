"""`mkdocs serve`: one rebuild per edit (the build's own writes of English files and locks do not
start another one), and the session that the other hooks keep between rebuilds (started here at
``on_startup``, for ``build`` too). Thin glue over ``bilingue.serve``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig

from bilingue.serve import OwnWritesFilter, current_session, start_session
from bilingue.site import is_source_pass

if TYPE_CHECKING:  # a build never needs the server (and its watchdog, asyncio...) imported
    from mkdocs.livereload import LiveReloadServer

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_startup(command: str, dirty: bool) -> None:
    start_session(command)


def on_pre_build(config: MkDocsConfig) -> None:
    if is_source_pass(config):  # a (re)build starts; i18n's English pass is part of it
        current_session().next_rebuild()


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
    rebuild = OwnWritesFilter(server.builder, lambda: _watched_paths(server, config))
    rebuild.prime()
    server.builder = rebuild
    return server


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _watched_paths(server: LiveReloadServer, config: MkDocsConfig) -> list[Path]:
    """What the server watches (MkDocs keeps it in a private dict; the docs folder and mkdocs.yml
    are always among them)."""
    watched = getattr(server, "_watched_paths", None) or {}
    return [Path(path) for path in watched] or [Path(config.docs_dir), Path(config.config_file_path)]
