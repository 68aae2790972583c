"""How fresh an English essay is, and who wrote it, for the notice readers see at the top of it.

Provenance is told as it is known: a block a service translated is machine-translated; a block
a person wrote or edited under the lock is a person's; English found without a lock (adopted) is
of unknown origin unless its front matter says a person wrote or reviewed it
(``translation: {method: human}`` or ``translation: {reviewer: Name}``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bilingue.frontmatter import split_front_matter
from bilingue.sync.lock import ADOPTED
from bilingue.sync.plan import EssayPlan, Status, plan_essay
from bilingue.translate import TranslateOptions


@dataclass(frozen=True)
class Freshness:
    """How fresh an English essay is, for the notice on its page."""

    machine_blocks: int
    human_blocks: int  # written or edited by a person under the lock
    outdated: bool  # the French changed after the translation
    synced: dt.date | None
    providers: tuple[str, ...]
    adopted_blocks: int = 0  # found without a lock: nobody knows who wrote them
    #: the English front matter says a person wrote or reviewed the translation (only asked, and
    #: only read, when some blocks are adopted: it decides nothing about the others)
    reviewed_in_front_matter: bool = False

    @property
    def reviewed(self) -> bool:
        """Every block written or reviewed by a person, as far as anyone can tell."""
        return self.machine_blocks == 0 and (self.adopted_blocks == 0 or self.reviewed_in_front_matter)

    @property
    def unknown_origin(self) -> bool:
        """Some English nobody vouches for: adopted without a lock, and not said reviewed."""
        return self.adopted_blocks > 0 and not self.reviewed_in_front_matter


def freshness_of(
    french_path: Path, options: TranslateOptions, *, read: Callable[[Path], str] | None = None
) -> Freshness | None:
    """None when the essay has no English file or no lock (nothing known about it). ``read``
    reads the Markdown files exactly as written (the site build passes its corpus: no file is
    read twice; default: from disk)."""
    return freshness_of_plan(plan_essay(french_path, options, read=read))


def freshness_of_plan(plan: EssayPlan) -> Freshness | None:
    """``freshness_of`` an essay already planned (the build's check plans every essay first)."""
    if plan.english_text is None or plan.lock is None:
        return None
    synced = plan.lock.state.synced
    if plan.status is Status.HUMAN_OWNED:
        blocks = plan.english_prose_count()
        if plan.lock.state.adopted:
            return Freshness(0, 0, plan.stale, synced, (), blocks, _said_reviewed_in(plan))
        return Freshness(0, blocks, plan.stale, synced, ())
    entries = [block.entry for block in plan.blocks if block.entry is not None]
    machine = [entry for entry in entries if not entry.by_person]
    adopted = sum(1 for entry in entries if entry.provider == ADOPTED)
    # without adopted blocks the front matter's word changes neither ``reviewed`` nor
    # ``unknown_origin``: its YAML is not parsed (the build plans every essay)
    reviewed = adopted > 0 and _said_reviewed_in(plan)
    return Freshness(
        machine_blocks=len(machine) + len(plan.to_translate),
        human_blocks=len(entries) - len(machine) - adopted,
        outdated=plan.stale,
        synced=synced,
        providers=tuple(sorted({entry.provider for entry in machine})),
        adopted_blocks=adopted,
        reviewed_in_front_matter=reviewed,
    )


def said_reviewed(meta: dict[str, object]) -> bool:
    """The English front matter's ``translation:`` says a person wrote or reviewed it."""
    translation = meta.get("translation")
    if not isinstance(translation, dict):
        return False
    return translation.get("method") in REVIEWED_METHODS or bool(translation.get("reviewer"))


def _said_reviewed_in(plan: EssayPlan) -> bool:
    """``said_reviewed`` of the plan's English front matter (the plan has an English text)."""
    return said_reviewed(split_front_matter(plan.english_text or "", plan.english_path).meta)


# ---------------------------------------------------------------------------------------------------
# Data

#: values of ``translation.method`` that say a person made or checked the translation
REVIEWED_METHODS = ("human", "reviewed")
