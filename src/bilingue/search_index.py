"""One search index per language.

mkdocs-static-i18n merges every language into ``site/search/search_index.json`` (one lunr config
for all, English pages searching French text). We split it after the build: the French pages stay
in the root index with a French-only config, the English pages go to ``site/en/search/`` with an
English config, their locations made relative to ``/en/`` (English pages point Material's search
at ``/en/`` as their base, see ``hooks/search_per_language.py``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from bilingue import SOURCE_LANGUAGE, TARGET_LANGUAGE
from bilingue.files import atomic_write_text

INDEX_PATH = Path("search") / "search_index.json"


def split_search_index(site_dir: Path, excluded_locations: set[str] = frozenset()) -> dict[str, int]:
    """Split the merged index of ``site_dir`` into one per language; returns entries per language.

    Idempotent: running it on an already split index gives the same files. ``excluded_locations``
    (root-relative, e.g. ``en/essais/x/``) are dropped: French text built under /en/ is not English.
    """
    merged = _read_index(site_dir / INDEX_PATH)
    english_prefix = f"{TARGET_LANGUAGE}/"
    french, english = [], []
    for entry in merged["docs"]:
        location = entry["location"]
        if location.split("#")[0] in excluded_locations:
            continue
        if location.startswith(english_prefix) or location == TARGET_LANGUAGE + "/":
            english.append({**entry, "location": location[len(english_prefix) :]})
        else:
            french.append(entry)
    english_dir = site_dir / TARGET_LANGUAGE
    if not english and (english_dir / INDEX_PATH).exists():  # already split: keep English half
        english = _read_index(english_dir / INDEX_PATH)["docs"]
    _write_index(site_dir / INDEX_PATH, merged["config"], SOURCE_LANGUAGE, french)
    _write_index(english_dir / INDEX_PATH, merged["config"], TARGET_LANGUAGE, english)
    return {SOURCE_LANGUAGE: len(french), TARGET_LANGUAGE: len(english)}


def _read_index(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _write_index(path: Path, config: dict[str, Any], language: str, docs: list[dict]) -> None:
    index = {"config": {**config, "lang": [language]}, "docs": docs}
    atomic_write_text(path, json.dumps(index, ensure_ascii=False, separators=(",", ":")))


def with_english_search_base(page_html: str) -> str:
    """Point Material's search at ``/en/``: its ``__config`` script's ``base``, plus ``en/``.

    Material fetches ``search/search_index.json`` relative to that base (and makes result links
    relative to it), so an English page loads the English index.
    """

    def rewrite(match: re.Match[str]) -> str:
        settings = json.loads(match.group("json"))
        settings["base"] = f"{settings['base'].rstrip('/')}/{TARGET_LANGUAGE}/"
        return match.group("open") + json.dumps(settings, ensure_ascii=False) + match.group("close")

    return _CONFIG_SCRIPT.sub(rewrite, page_html, count=1)


# ---------------------------------------------------------------------------------------------------
# Data

_CONFIG_SCRIPT = re.compile(
    r'(?P<open><script id="__config" type="application/json">)(?P<json>.*?)(?P<close></script>)',
    re.DOTALL,
)
