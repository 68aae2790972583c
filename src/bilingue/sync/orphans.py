"""English files and locks whose French essay is gone: renamed (follow it) or deleted.

Only folders given to a run are searched (naming one essay never touches its neighbours). A
rename is recognised when a French essay without a lock shares at least half of the orphaned
lock's blocks (so a rename with a few edits is still a rename); otherwise the French essay was
deleted, and its English file and lock go too — unless a person wrote or edited that English,
which is then kept and reported for a person to decide.
"""

from __future__ import annotations

from pathlib import Path

from bilingue.errors import SourceFileError
from bilingue.files import read_text
from bilingue.markdown import parse_document
from bilingue.paths import LOCK_SUFFIX, english_path_for, french_path_for, is_french_essay, lock_path_for
from bilingue.sync.lock import HUMAN, Lock, read_lock, sha256, write_lock
from bilingue.sync.report import FileReport

#: share of the orphaned lock's blocks a French essay must contain to be taken for its new name
RENAME_OVERLAP = 0.5


def handle_orphans(paths: list[Path] | tuple[Path, ...], dry_run: bool = False) -> list[FileReport]:
    """Follow renames and clean up deletions under the folders of ``paths`` (or say what would be done)."""
    reports = []
    for folder in sorted({path for path in paths if path.is_dir()}):
        for lock_path in sorted(folder.rglob(f"*{LOCK_SUFFIX}")):
            french = french_path_for(lock_path)
            if not french.exists():
                reports.append(_orphan(folder, lock_path, french, dry_run))
    return reports


def _orphan(folder: Path, lock_path: Path, french: Path, dry_run: bool) -> FileReport:
    try:
        lock = read_lock(lock_path)
    except SourceFileError as error:
        return FileReport(french, "failed", messages=[str(error)], bad_input=True)
    assert lock is not None
    english = english_path_for(french)
    renamed = _renamed_to(folder, lock)
    if renamed is not None:
        return _follow_rename(lock, lock_path, english, renamed, dry_run)
    if _written_by_a_person(lock, english):
        return FileReport(
            french,
            "kept",
            messages=[
                f"{french.name} is gone but {english.name} holds a person's translation: kept; "
                f"move it with its French essay, or delete it and {lock_path.name}"
            ],
        )
    verb = "would remove" if dry_run else "removed"
    if not dry_run:
        english.unlink(missing_ok=True)
        lock_path.unlink()
    return FileReport(
        french, "deleted", messages=[f"{french.name} is gone: {verb} {english.name} and {lock_path.name}"]
    )


def _follow_rename(lock: Lock, lock_path: Path, english: Path, renamed: Path, dry_run: bool) -> FileReport:
    new_english = english_path_for(renamed)
    verb = "would move" if dry_run else "moved"
    report = FileReport(
        renamed,
        "moved",
        messages=[
            f"{french_path_for(lock_path).name} was renamed {renamed.name}: {verb} its English "
            "file and lock along"
        ],
    )
    if dry_run:
        return report
    if english.exists() and not new_english.exists():
        english.rename(new_english)
    write_lock(
        lock_path_for(renamed), lock.model_copy(update={"source": renamed.name, "target": new_english.name})
    )
    lock_path.unlink()
    return report


def _renamed_to(folder: Path, lock: Lock) -> Path | None:
    """A French essay with no lock of its own that holds most of the orphaned lock's blocks."""
    wanted = {entry.source for entry in lock.state.blocks if entry.source}
    best, best_share = None, 0.0
    for candidate in sorted(folder.rglob("*.md")):
        if not is_french_essay(candidate) or lock_path_for(candidate).exists():
            continue
        try:
            text = read_text(candidate, exact=True)
            if sha256(text) == lock.state.source_sha256:
                return candidate
            if not wanted:
                continue
            keys = {block.key for block in parse_document(text, path=str(candidate)).prose_blocks()}
        except SourceFileError:  # its own run reports it; it cannot be the renamed essay we know
            continue
        share = len(wanted & keys) / len(wanted)
        if share >= RENAME_OVERLAP and share > best_share:
            best, best_share = candidate, share
    return best


def _written_by_a_person(lock: Lock, english: Path) -> bool:
    if not english.exists():
        return False
    if lock.state.owner == HUMAN or lock.state.aside or any(entry.by_person for entry in lock.state.blocks):
        return True
    try:
        return sha256(read_text(english, exact=True)) != lock.state.target_sha256
    except SourceFileError:  # unreadable (not UTF-8): not the machine's output, so kept
        return True
