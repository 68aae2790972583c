"""Alignment quality of the sync on generated edit scripts (issue 13's figures).

    .venv/bin/python benchmarks/alignment.py [--scripts 200] [--seed 13]

Each script: a French essay of 6-14 paragraphs is translated (pseudo provider), a person rewrites
the English of some paragraphs, then the author applies 1-6 random edits (insert, delete, move,
edit a few words, rewrite most of a paragraph, split, merge) and `translate` runs again. Every
paragraph carries the set of paragraphs it descends from (its lineage), so the script knows where
each person's text belongs. Counted over all scripts:

- blocks re-sent that did not need to be: texts sent whose French had a translation already
  (goal: 0);
- a person's blocks misplaced: a person's text standing at a French paragraph outside its lineage
  (goal: 0); lost: neither in the English file nor kept aside in the lock (goal: 0); duplicated;
- new paragraphs left in French, and how a person's blocks ended (in place, stale, set aside).

The text is French-like: half the words are common French words every paragraph shares, the rest
drawn from a large vocabulary, so unrelated paragraphs are about as alike as real ones. The script
also prints how alike the paragraphs of docs/essais/mystique.md are to each other, to set the
similarity threshold against real prose.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bilingue.providers.pseudo import PseudoProvider
from bilingue.sync import sync_paths
from bilingue.translate import TranslateOptions

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Paragraph:
    words: tuple[str, ...]
    lineage: frozenset[int]

    @property
    def text(self) -> str:
        return " ".join(self.words).capitalize() + "."


class CountingPseudo(PseudoProvider):
    def __init__(self) -> None:
        super().__init__()
        self.sent: list[str] = []

    def translate_texts(self, texts, source, target, **_):
        self.sent.extend(texts)
        return super().translate_texts(texts, source, target)


class Script:
    """One generated essay, its person's edits and the author's edit script."""

    def __init__(self, rng: random.Random, folder: Path) -> None:
        self.rng, self.folder, self.counter = rng, folder, 0
        self.paragraphs = [self.new_paragraph() for _ in range(rng.randint(6, 14))]
        self.person: dict[str, frozenset[int]] = {}

    def run(self, counts: Counter) -> None:
        self.write_french()
        sync(self.folder, CountingPseudo())
        before = list(self.paragraphs)
        english = self.english_paragraphs()
        for number in self.rng.sample(range(len(english)), k=max(1, len(english) // 3)):
            text = f"A person's English for paragraph {number}, written by hand."
            self.person[text] = before[number].lineage
            english[number] = text
        self.write_english(english)
        for _ in range(self.rng.randint(1, 6)):
            getattr(self, self.rng.choice(EDITS))()
        self.write_french()
        provider = CountingPseudo()
        sync(self.folder, provider)
        self.count(before, provider, counts)

    def count(self, before: list[Paragraph], provider: CountingPseudo, counts: Counter) -> None:
        translated_before = {paragraph.text for paragraph in before}
        needed = [p.text for p in self.paragraphs if p.text not in translated_before]
        counts["blocks sent"] += len(provider.sent)
        counts["new or edited French paragraphs"] += len(set(needed))
        counts["blocks re-sent needlessly"] += sum(1 for text in provider.sent if text in translated_before)
        english = self.english_paragraphs()
        lock = json.loads((self.folder / "essai.lock.json").read_text(encoding="utf-8"))
        aside = {entry["english"] for entry in lock["state"].get("aside", [])}
        stale = sum(1 for entry in lock["state"]["blocks"] if entry.get("previous") is not None)
        counts["person's blocks"] += len(self.person)
        counts["person's blocks stale (kept in place)"] += stale
        counts["person's blocks set aside (French gone)"] += len(self.person.keys() & aside)
        for text, lineage in self.person.items():
            places = [i for i, english_text in enumerate(english) if english_text == text]
            counts["person's blocks duplicated"] += len(places) > 1
            if not places and text not in aside:
                counts["person's blocks lost"] += 1
            for place in places:
                if not lineage & self.paragraphs[place].lineage:
                    counts["person's blocks misplaced"] += 1
        counts["new paragraphs left in French"] += sum(
            1 for paragraph, text in zip(self.paragraphs, english, strict=False) if text == paragraph.text
        )
        counts["English/French paragraph counts differ"] += len(english) != len(self.paragraphs)

    # --- the author's edits ----------------------------------------------------------------------

    def insert(self) -> None:
        self.paragraphs.insert(self.rng.randint(0, len(self.paragraphs)), self.new_paragraph())

    def delete(self) -> None:
        if len(self.paragraphs) > 2:
            del self.paragraphs[self.rng.randrange(len(self.paragraphs))]

    def move(self) -> None:
        paragraph = self.paragraphs.pop(self.rng.randrange(len(self.paragraphs)))
        self.paragraphs.insert(self.rng.randint(0, len(self.paragraphs)), paragraph)

    def edit(self) -> None:
        """A few words changed, added or removed: the paragraph stays recognisable."""
        index = self.rng.randrange(len(self.paragraphs))
        words = list(self.paragraphs[index].words)
        for _ in range(self.rng.randint(1, 3)):
            place = self.rng.randrange(len(words))
            choice = self.rng.random()
            if choice < 0.4:
                words[place] = self.word()
            elif choice < 0.7 or len(words) < 6:
                words.insert(place, self.word())
            else:
                del words[place]
        self.paragraphs[index] = Paragraph(tuple(words), self.paragraphs[index].lineage)

    def rewrite(self) -> None:
        """Most words replaced: a person's English for it may well no longer apply."""
        index = self.rng.randrange(len(self.paragraphs))
        words = [word if self.rng.random() < 0.3 else self.word() for word in self.paragraphs[index].words]
        self.paragraphs[index] = Paragraph(tuple(words), self.paragraphs[index].lineage)

    def split(self) -> None:
        index = self.rng.randrange(len(self.paragraphs))
        paragraph = self.paragraphs[index]
        if len(paragraph.words) >= 8:
            cut = self.rng.randint(3, len(paragraph.words) - 3)
            self.paragraphs[index : index + 1] = [
                Paragraph(paragraph.words[:cut], paragraph.lineage),
                Paragraph(paragraph.words[cut:], paragraph.lineage),
            ]

    def merge(self) -> None:
        if len(self.paragraphs) > 2:
            index = self.rng.randrange(len(self.paragraphs) - 1)
            first, second = self.paragraphs[index], self.paragraphs[index + 1]
            self.paragraphs[index : index + 2] = [
                Paragraph(first.words + second.words, first.lineage | second.lineage)
            ]

    # --- files -----------------------------------------------------------------------------------

    def new_paragraph(self) -> Paragraph:
        self.counter += 1
        words = tuple(self.word() for _ in range(self.rng.randint(12, 45)))
        return Paragraph(words, frozenset({self.counter}))

    def word(self) -> str:
        if self.rng.random() < 0.5:
            return self.rng.choice(COMMON)
        return self.rng.choice(VOCABULARY)

    def write_french(self) -> None:
        body = "\n\n".join(paragraph.text for paragraph in self.paragraphs)
        (self.folder / "essai.md").write_text(
            f"---\ntitle: Un essai\n---\n\n# Un essai\n\n{body}\n", encoding="utf-8"
        )

    def english_paragraphs(self) -> list[str]:
        text = (self.folder / "essai.en.md").read_text(encoding="utf-8")
        return text.rstrip("\n").split("\n\n")[2:]  # after the front matter and the heading

    def write_english(self, paragraphs: list[str]) -> None:
        text = (self.folder / "essai.en.md").read_text(encoding="utf-8")
        head = "\n\n".join(text.split("\n\n")[:2])
        body = "\n\n".join(paragraphs)
        (self.folder / "essai.en.md").write_text(f"{head}\n\n{body}\n", encoding="utf-8")


def sync(folder: Path, provider: CountingPseudo) -> None:
    run = sync_paths([folder], lambda: provider, TranslateOptions())
    if run.failed:
        raise SystemExit(f"a run failed: {run.failed[0].messages}")


def real_prose_similarity() -> tuple[float, float, float] | None:
    """Highest and median word similarity between two different paragraphs of the real essay,
    and the alignment's threshold."""
    try:
        from bilingue.sync.align import SIMILAR, similarity, words_of
    except ImportError:  # an older bilingue, without the alignment module
        return None
    from difflib import SequenceMatcher

    from bilingue.markdown import parse_document

    text = (ROOT / "docs" / "essais" / "mystique.md").read_text(encoding="utf-8")
    prose = [block.text for block in parse_document(text).prose_blocks() if len(block.text.split()) >= 8]
    scores = sorted(
        SequenceMatcher(None, words_of(a), words_of(b), autojunk=False).ratio()
        for i, a in enumerate(prose)
        for b in prose[i + 1 :]
    )
    assert similarity(words_of(prose[0]), words_of(prose[0])) == 1.0
    return scores[-1], scores[len(scores) // 2], SIMILAR


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scripts", type=int, default=200)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    counts: Counter = Counter()
    rng = random.Random(args.seed)
    for _ in range(args.scripts):
        with tempfile.TemporaryDirectory() as folder:
            Script(rng, Path(folder)).run(counts)
    print(f"{args.scripts} edit scripts (seed {args.seed}):")
    for name in FIGURES:
        print(f"  {name:45} {counts[name]:6}")
    real = real_prose_similarity()
    if real is not None:
        print(
            f"word similarity of two different paragraphs of docs/essais/mystique.md: "
            f"highest {real[0]:.2f}, median {real[1]:.2f} (pairing threshold {real[2]})"
        )
    defects = counts["blocks re-sent needlessly"] + counts["person's blocks misplaced"]
    return 1 if defects + counts["person's blocks lost"] else 0


# ---------------------------------------------------------------------------------------------------
# Data

EDITS = ("insert", "delete", "move", "edit", "edit", "rewrite", "split", "merge")
FIGURES = (
    "blocks sent",
    "new or edited French paragraphs",
    "blocks re-sent needlessly",
    "person's blocks",
    "person's blocks misplaced",
    "person's blocks lost",
    "person's blocks duplicated",
    "person's blocks stale (kept in place)",
    "person's blocks set aside (French gone)",
    "new paragraphs left in French",
    "English/French paragraph counts differ",
)
#: words every French paragraph shares (half the text), then a large vocabulary for the rest
COMMON = ("le", "la", "les", "de", "des", "du", "un", "une", "et", "en", "que", "qui", "dans", "pour")
COMMON += ("pas", "sur", "au", "avec", "ce", "il", "elle", "est", "plus")
VOCABULARY = [
    first + second + ending
    for first in ("pa", "ro", "mi", "tu", "ve", "lo", "sa", "ne", "ju", "ca")
    for second in ("ri", "ta", "mo", "lu", "ve", "ssi", "gne", "bou", "pla", "cre")
    for ending in ("", "r", "te", "ment", "tion")
]

if __name__ == "__main__":
    sys.exit(main())
