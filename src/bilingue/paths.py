"""How the files of one essay are named (mkdocs-static-i18n's suffix structure).

``x.md`` is the French original, ``x.en.md`` its English version, ``x.lock.json`` the lock that
records who translated each English block. Every module asks here; none spells the suffixes.
"""

from __future__ import annotations

from pathlib import Path

from bilingue import SOURCE_LANGUAGE, TARGET_LANGUAGE

ENGLISH_SUFFIX = f".{TARGET_LANGUAGE}.md"
LOCK_SUFFIX = ".lock.json"
#: the registry of dated sources, at the project's root (outside docs/: not published)
REGISTRY_FILE = "sources.yml"


def language_of(name: str | Path) -> str:
    """``x.en.md`` is English; any other Markdown file is the French original."""
    return TARGET_LANGUAGE if str(name).endswith(ENGLISH_SUFFIX) else SOURCE_LANGUAGE


def is_french_essay(path: Path) -> bool:
    """Whether ``path`` is a French original (``x.md``, not ``x.en.md``)."""
    return path.suffix == ".md" and language_of(path) == SOURCE_LANGUAGE


def english_path_for(french_path: Path) -> Path:
    """``essais/x.md`` -> ``essais/x.en.md``."""
    return french_path.with_name(french_path.name.removesuffix(".md") + ENGLISH_SUFFIX)


def lock_path_for(french_path: Path) -> Path:
    """``essais/x.md`` -> ``essais/x.lock.json``."""
    return french_path.with_name(french_path.name.removesuffix(".md") + LOCK_SUFFIX)


def french_path_for(path: Path) -> Path:
    """The French original of an English file or a lock (itself for a French file)."""
    for suffix in (ENGLISH_SUFFIX, LOCK_SUFFIX):
        if path.name.endswith(suffix):
            return path.with_name(path.name.removesuffix(suffix) + ".md")
    return path
