"""Whatever a service does to the text, the translator never writes a broken block.

Hypothesis picks, per text sent, one of the damages seen in the wild (and some worse ones); the
English document must still match the French one block by block (kept-French blocks are fine).
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilingue.markdown import compare_documents, parse_document
from bilingue.providers.pseudo import pseudo_translate
from bilingue.translate import TranslateOptions, translate_document

CORPUS = sorted((Path(__file__).resolve().parents[1] / "markdown" / "corpus").glob("*.md"))
OPTIONS = TranslateOptions(glossary=("Myelin", "Rivière-Ouelle"))
TAG = re.compile(r"</?m\d+/?>")


def _drop_tag(text: str, rng: random.Random) -> str:
    tags = list(TAG.finditer(text))
    if not tags:
        return text
    tag = rng.choice(tags)
    return text[: tag.start()] + text[tag.end() :]


def _swap_tags(text: str, rng: random.Random) -> str:
    tags = [m.group(0) for m in TAG.finditer(text)]
    rng.shuffle(tags)
    parts = TAG.split(text)[::4]
    return "".join(p + (tags[i] if i < len(tags) else "") for i, p in enumerate(parts))


DAMAGES = {
    "none": lambda text, rng: text,
    "drop a tag": _drop_tag,
    "shuffle tags": _swap_tags,
    "duplicate tags": lambda text, rng: TAG.sub(lambda m: m.group(0) * 2, text),
    "spaces in tags": lambda text, rng: TAG.sub(lambda m: " ".join(m.group(0)), text),
    "upper case": lambda text, rng: text.upper(),
    "markdown added": lambda text, rng: f"*{text}* | [x] (y) `z` ** w**",
    "new blocks": lambda text, rng: f"# {text}\n\n- item\n\n!!! note\n    > quote",
    "empty": lambda text, rng: "",
    "newlines": lambda text, rng: text.replace(" ", "\n", 3),
    "link spacing": lambda text, rng: text.replace("</m", " ] (</m"),
    "escaped tags": lambda text, rng: text.replace("<", "&lt;").replace(">", "&gt;"),
}


class Chaos:
    name = "chaos"

    def __init__(self, choices: list[str], seed: int):
        self.choices = choices
        self.rng = random.Random(seed)

    def translate_texts(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        return [DAMAGES[self.rng.choice(self.choices)](pseudo_translate(text), self.rng) for text in texts]


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.name)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    choices=st.lists(st.sampled_from(sorted(DAMAGES)), min_size=1, max_size=4, unique=True),
    seed=st.integers(0, 10_000),
)
def test_damaged_answers_never_break_the_document(path, choices, seed):
    french = path.read_text(encoding="utf-8")
    result = translate_document(french, Chaos(choices, seed), options=OPTIONS)
    english = parse_document(result.text, terms=OPTIONS.glossary)
    assert compare_documents(parse_document(french, terms=OPTIONS.glossary), english) == []


def test_the_chaos_provider_really_damages_and_the_damage_is_reported():
    french = (CORPUS[0].parent / "mixed.md").read_text(encoding="utf-8")
    clean = translate_document(french, Chaos(["none"], 1), options=OPTIONS)
    assert clean.issues == [] and clean.text != french
    damaged = translate_document(french, Chaos(["new blocks"], 1), options=OPTIONS)
    assert len(damaged.issues) >= 10
    assert {issue.action for issue in damaged.issues} == {"kept in French"}
