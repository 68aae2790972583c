from __future__ import annotations

from pathlib import Path

from bilingue.cli import main
from tests.sync.conftest import ESSAY


def translated_essay(tmp_path: Path) -> tuple[Path, Path]:
    """``tmp_path/essais`` with one essay (``ESSAY``) that ``translate`` gave pseudo English:
    the folder and the English file."""
    essays = tmp_path / "essais"
    essays.mkdir()
    (essays / "essai.md").write_text(ESSAY, encoding="utf-8")
    assert main(["translate", str(essays), "--provider", "pseudo"]) == 0
    return essays, essays / "essai.en.md"
