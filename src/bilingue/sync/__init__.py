"""Keep English essays in step with their French originals, block by block.

Public API:

``plan_essay(french_path, options) -> EssayPlan``
    What a sync would do to one essay (no network, no writes): ``.status`` (``Status``),
    ``.blocks`` (``BlockPlan`` per French prose block: reuse / human / stale / translate),
    ``.to_translate``, ``.characters``, ``.stale``; ``.stale_blocks()`` and ``.aside_blocks()``
    (``StaleBlock``, ``SetAsideBlock``): a person's blocks to look at, with ``.lines()`` to show.
``apply_plan(plan, provider, options) -> FileReport``
    Translate what the plan says and write the English file and its lock (crash-safe).
``sync_paths(paths, provider_factory, options, on_file=None, dry_run=False) -> RunReport``
    Every essay under ``paths``, plus renamed and deleted essays (``remove_orphans``).
``read_lock(path)``, ``lock_path_for(french_path)``: the per-essay ``x.lock.json`` sidecar.
"""

from bilingue.paths import english_path_for, lock_path_for
from bilingue.sync.aside import clear_aside
from bilingue.sync.changes import SetAsideBlock, StaleBlock
from bilingue.sync.freshness import Freshness, freshness_of, freshness_of_plan
from bilingue.sync.lock import ADOPTED, HUMAN, Lock, read_lock
from bilingue.sync.orphans import handle_orphans
from bilingue.sync.plan import Action, EssayPlan, Status, plan_essay
from bilingue.sync.report import FileReport, ProblemKind, Problems, RunReport
from bilingue.sync.run import apply_plan, find_essays, find_problems, sync_paths

__all__ = [
    "ADOPTED",
    "HUMAN",
    "Action",
    "EssayPlan",
    "FileReport",
    "Freshness",
    "Lock",
    "ProblemKind",
    "Problems",
    "RunReport",
    "SetAsideBlock",
    "StaleBlock",
    "Status",
    "apply_plan",
    "clear_aside",
    "english_path_for",
    "find_essays",
    "find_problems",
    "freshness_of",
    "freshness_of_plan",
    "handle_orphans",
    "lock_path_for",
    "plan_essay",
    "read_lock",
    "sync_paths",
]
