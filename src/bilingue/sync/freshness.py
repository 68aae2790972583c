"""How fresh an English essay is, for the notice readers see at the top of it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bilingue.files import read_text
from bilingue.sync.lock import HUMAN
from bilingue.sync.plan import Status, plan_essay
from bilingue.translate.options import TranslateOptions


@dataclass(frozen=True)
class Freshness:
    machine_blocks: int
    human_blocks: int
    outdated: bool  # the French changed after the translation
    synced: dt.date | None
    providers: tuple[str, ...]

    @property
    def reviewed(self) -> bool:
        """Every block written or reviewed by a person."""
        return self.machine_blocks == 0


def freshness_of(
    french_path: Path, options: TranslateOptions, *, read: Callable[[Path], str] = read_text
) -> Freshness | None:
    """None when the essay has no English file or no lock (nothing known about it). ``read``
    reads the Markdown files (the site build passes its corpus: no file is read twice)."""
    plan = plan_essay(french_path, options, read=read)
    if plan.english_text is None or plan.lock is None:
        return None
    entries = [block.entry for block in plan.blocks if block.entry is not None]
    if plan.status is Status.HUMAN_OWNED:
        return Freshness(0, plan.english_prose_count(), plan.stale, plan.lock.state.synced, ())
    machine = [entry for entry in entries if entry.provider != HUMAN]
    return Freshness(
        machine_blocks=len(machine) + len(plan.to_translate),
        human_blocks=len(entries) - len(machine),
        outdated=plan.stale,
        synced=plan.lock.state.synced,
        providers=tuple(sorted({entry.provider for entry in machine})),
    )
