"""Where a `mkdocs serve` rebuild's time goes: hook by hook, plugin by plugin, and MkDocs itself.

.venv/bin/python benchmarks/serve_rebuild.py [--size 300] [--rebuilds 3] [--mode auto|check]

Runs in one process what ``mkdocs serve`` runs after an edit (the same ``get_config`` then
``build(config, serve_url=...)``, in the same process as the first build, so that what our hooks
keep between rebuilds is kept): a first build, then ``--rebuilds`` times one paragraph of a French
essay edited and the site rebuilt. For each rebuild it prints its wall time, and for the last one
the time spent in each hook and plugin event (exclusive: an event's nested events are counted
apart; mkdocs-static-i18n's ``on_post_build`` is the whole English pass, so its own line is what
MkDocs itself does in that pass). "MkDocs itself" is the rest: reading, rendering Markdown,
templates, writing. The corpus is ``benchmarks/scale.py``'s (generated and cached in --work). No
watcher: ``mkdocs serve`` adds its polling (every 0.5 s) and 0.1 s of quiet before a rebuild.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scale  # the corpus generator, beside this file

SERVE_URL = "http://127.0.0.1:8000/"


class EventTimes:
    """Exclusive seconds per (owner, event) of the builds run while it is attached."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._children: list[float] = []  # time spent in nested events, per level

    def attach(self, config) -> None:
        for event, methods in config.plugins.events.items():
            methods[:] = [self._timed(f"{_owner(method)} {event}", method) for method in methods]

    def _timed(self, label: str, method: Callable) -> Callable:
        def timed(*arguments, **keywords):
            self._children.append(0.0)
            start = time.perf_counter()
            try:
                return method(*arguments, **keywords)
            finally:
                spent = time.perf_counter() - start
                nested = self._children.pop()
                self.seconds[label] += spent - nested
                if self._children:
                    self._children[-1] += spent

        return timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=300, help="essays in the corpus (default 300)")
    parser.add_argument("--rebuilds", type=int, default=3, help="edits, each followed by a rebuild")
    parser.add_argument("--mode", default="auto", choices=("auto", "check"), help="translation mode")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "bilingue-scale")
    args = parser.parse_args()
    project = scale.prepare(args.work, args.size)
    os.chdir(project)
    os.environ.update(scale.ENVIRONMENT)
    os.environ.update(BILINGUE_MODE=args.mode, BILINGUE_PROVIDER="pseudo")
    logging.basicConfig(level=logging.ERROR)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = tempfile.mkdtemp(prefix="serve-rebuild-")

    def get_config():  # what mkdocs serve's builder does before each rebuild
        config = load_config("mkdocs.yml", site_dir=site)
        config.site_url = SERVE_URL
        return config

    print(f"N={args.size}, mode {args.mode}, load average {os.getloadavg()[0]:.1f}", flush=True)
    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    start = time.perf_counter()
    build(config, serve_url=SERVE_URL)
    print(f"first build {time.perf_counter() - start:.1f} s", flush=True)
    essay = project / "docs" / "essais" / "e0001.md"
    original = essay.read_text(encoding="utf-8")
    try:
        for rebuild in range(args.rebuilds):
            essay.write_text(
                original.replace("\n\n## ", f"\n\nZanzibar{rebuild}.\n\n## ", 1), encoding="utf-8"
            )
            times = EventTimes()
            start = time.perf_counter()
            config = get_config()
            loaded = time.perf_counter() - start
            times.attach(config)
            build(config, serve_url=SERVE_URL)
            total = time.perf_counter() - start
            print(f"rebuild {rebuild + 1}: {total:.1f} s (config loaded in {loaded:.2f} s)", flush=True)
        report(times, total - loaded)
    finally:
        essay.write_text(original, encoding="utf-8")
        scale.restore_translation(project)
    print(f"load average {os.getloadavg()[0]:.1f} at the end", flush=True)


def report(times: EventTimes, build_seconds: float) -> None:
    english_pass = times.seconds.get(ENGLISH_PASS, 0.0)
    ours = sum(seconds for label, seconds in times.seconds.items() if label.startswith("hooks/"))
    plugins = sum(times.seconds.values()) - ours - english_pass
    french_pass = build_seconds - ours - plugins - english_pass
    print(f"   last rebuild, {build_seconds:.1f} s in build():")
    print(f"   {ours:6.2f} s  our hooks, both passes ({ours / build_seconds:.0%})")
    print(f"   {plugins:6.2f} s  plugins' events (Material's search, i18n's), both passes")
    print(f"   {french_pass:6.2f} s  MkDocs itself, French pass (read, render Markdown, templates, write)")
    print(f"   {english_pass:6.2f} s  MkDocs itself, English pass (and i18n's merged search index)")
    print("   the costliest events:")
    for label, seconds in sorted(times.seconds.items(), key=lambda item: -item[1])[:14]:
        if label != ENGLISH_PASS and seconds >= 0.01:
            print(f"   {seconds:6.2f} s  {label}")


ENGLISH_PASS = "I18n post_build"


def _owner(method: Callable) -> str:
    owner = getattr(method, "__self__", None)
    if owner is not None:
        return type(owner).__name__
    return getattr(method, "__module__", "?")


if __name__ == "__main__":
    main()
