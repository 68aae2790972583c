"""Citations survive the translation pipeline untouched (pseudo provider: offline, deterministic)."""

from __future__ import annotations

import re
from pathlib import Path

from bilingue.providers import get_provider
from bilingue.sources.citations import find_citations
from bilingue.sources.prose import sentences
from bilingue.translate import translate_document

LOCATOR = "[^src:wolf-2023:t2]: tableau 2, p. 2065.\n"


def french_essay(root: Path) -> str:
    text = (root / "docs" / "essais" / "mystique.md").read_text(encoding="utf-8")
    # one citation with a hand-written locator, to see the definition translated as prose
    text = text.replace("Des chiottes.", "Des chiottes[^src:wolf-2023:t2].")
    return text + "\n" + LOCATOR


def test_citation_references_come_back_byte_for_byte_in_place(root: Path):
    french = french_essay(root)
    result = translate_document(french, get_provider("pseudo"), path="mystique.md")
    english = result.text
    assert english != french  # it was translated
    assert [c.label for c in find_citations(english)] == [c.label for c in find_citations(french)]
    assert re.findall(r"\[\^src:[^\]]+\]", english) == re.findall(r"\[\^src:[^\]]+\]", french)

    # each citation is still in the same sentence position (nth sentence of the nth block)
    def cited(text: str, language: str) -> list[tuple[str, ...]]:
        return [s.citations for s in sentences(text, language) if s.citations]

    assert cited(english, "en") == cited(french, "fr")


def test_hand_written_locator_is_translated_but_its_label_kept(root: Path):
    english = translate_document(french_essay(root), get_provider("pseudo")).text
    definition = next(line for line in english.splitlines() if line.startswith("[^src:wolf-2023:t2]:"))
    assert definition != LOCATOR.strip()  # the note is prose: it was translated
    assert "2065" in definition
