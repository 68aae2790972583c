"""Model-based test of the sync (issue 13): random authors, translators and `translate` runs.

Hypothesis drives an author (insert, delete, move, edit, split and merge French paragraphs; edit
the front matter) and a person (rewrite the English of a paragraph), with `translate` runs using
the offline pseudo provider in between. The model remembers where each paragraph came from (a
set of lineage ids, kept through edits, splits and merges) and which English texts a person
wrote. After every run:

- the English has exactly one prose block per French prose block, in the French order;
- each English block is the translation of its current French, or a person's text placed at a
  paragraph of its lineage (never misplaced);
- no person's text is lost: each is in the English file or kept aside in the lock;
- ``translate --check`` passes unless a person's block is stale or set aside, and then it lists
  only those (never "run translate" right after a run);
- a second run sends nothing and changes no byte.

Every word is unique (made from a counter), so similarity between paragraphs only ever comes from
their shared history, and shrinking cannot make unrelated paragraphs alike.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from bilingue.markdown import compare_documents, parse_document
from bilingue.providers.pseudo import PseudoProvider
from bilingue.sync import Action, find_problems, plan_essay
from bilingue.translate import TranslateOptions, translate_document
from tests.sync.conftest import CountingProvider, sync

OPTIONS = TranslateOptions(allow_test_providers=True)  # its English comes from pseudo
PLACE = st.integers(0, 20)  # a position, taken modulo the length it indexes
SYLLABLES = ("ba", "ce", "di", "fo", "gu", "la", "me", "ni", "po", "ru", "sa", "te", "vi", "zo")


@dataclass(frozen=True)
class Paragraph:
    words: tuple[str, ...]
    lineage: frozenset[int]

    @property
    def text(self) -> str:
        return " ".join(self.words).capitalize() + "."


class SyncMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="bilingue-stateful-"))
        self.counter = 0
        self.title = self.fresh_words(2)
        self.paragraphs = [self.new_paragraph() for _ in range(3)]
        #: the French paragraphs as the last run saw them (the English file follows them)
        self.synced: list[Paragraph] | None = None
        #: English texts a person wrote and has not replaced since -> the lineage they translate
        self.person: dict[str, frozenset[int]] = {}
        self.write_french()

    @initialize(paragraphs=st.integers(3, 6), edited=st.lists(st.integers(0, 20), max_size=3))
    def a_translated_essay_some_of_it_by_a_person(self, paragraphs: int, edited: list[int]) -> None:
        """Most of the story starts here: an essay translated once, and a person's paragraphs."""
        self.paragraphs = [self.new_paragraph() for _ in range(paragraphs)]
        self.write_french()
        self.translate()
        for position in edited:
            self.person_edits_an_english_paragraph(position)

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- the author ------------------------------------------------------------------------------

    @rule(position=st.integers(0, 20))
    def insert(self, position: int) -> None:
        self.paragraphs.insert(position % (len(self.paragraphs) + 1), self.new_paragraph())
        self.write_french()

    @precondition(lambda self: len(self.paragraphs) > 1)
    @rule(position=st.integers(0, 20))
    def delete(self, position: int) -> None:
        del self.paragraphs[position % len(self.paragraphs)]
        self.write_french()

    @precondition(lambda self: len(self.paragraphs) > 1)
    @rule(origin=st.integers(0, 20), destination=st.integers(0, 20))
    def move(self, origin: int, destination: int) -> None:
        paragraph = self.paragraphs.pop(origin % len(self.paragraphs))
        self.paragraphs.insert(destination % (len(self.paragraphs) + 1), paragraph)
        self.write_french()

    @rule(position=PLACE, how=st.sampled_from(("replace", "add", "remove")), at=PLACE)
    def edit(self, position: int, how: str, at: int) -> None:
        index = position % len(self.paragraphs)
        paragraph = self.paragraphs[index]
        words = list(paragraph.words)
        place = at % len(words)
        if how == "replace":
            words[place] = self.fresh_words(1)[0]
        elif how == "add":
            words.insert(place, self.fresh_words(1)[0])
        elif len(words) > 3:
            del words[place]
        self.paragraphs[index] = Paragraph(tuple(words), paragraph.lineage)
        self.write_french()

    @rule(position=st.integers(0, 20), at=st.integers(0, 20))
    def split(self, position: int, at: int) -> None:
        index = position % len(self.paragraphs)
        paragraph = self.paragraphs[index]
        if len(paragraph.words) < 6:
            return
        cut = 3 + at % (len(paragraph.words) - 5)  # both parts keep at least three words
        first = Paragraph(paragraph.words[:cut], paragraph.lineage)
        second = Paragraph(paragraph.words[cut:], paragraph.lineage)
        self.paragraphs[index : index + 1] = [first, second]
        self.write_french()

    @precondition(lambda self: len(self.paragraphs) > 1)
    @rule(position=st.integers(0, 20))
    def merge(self, position: int) -> None:
        index = position % (len(self.paragraphs) - 1)
        first, second = self.paragraphs[index], self.paragraphs[index + 1]
        merged = Paragraph(first.words + second.words, first.lineage | second.lineage)
        self.paragraphs[index : index + 2] = [merged]
        self.write_french()

    @rule()
    def edit_front_matter(self) -> None:
        self.title = self.fresh_words(2)
        self.write_french()

    # --- a person --------------------------------------------------------------------------------

    @precondition(lambda self: self.synced is not None)
    @rule(position=st.integers(0, 20))
    def person_edits_an_english_paragraph(self, position: int) -> None:
        assert self.synced is not None
        path = self.folder / "essai.en.md"
        document = parse_document(path.read_text(encoding="utf-8"))
        paragraphs = [i for i, block in enumerate(document.blocks) if block.kind == "paragraph"]
        index = paragraphs[position % len(paragraphs)]
        old = document.blocks[index].text
        self.counter += 1
        text = f"Person text number {self.counter}, written by hand."
        path.write_text(document.replace_texts({index: text}), encoding="utf-8")
        self.person.pop(old, None)  # the person replaced their own text: the old one may go
        self.person[text] = self.lineage_in_english(paragraphs.index(index))

    # --- translate -------------------------------------------------------------------------------

    @rule()
    def translate(self) -> None:
        run, _ = sync(self.folder)
        assert run.failed == [], run.failed
        self.synced = list(self.paragraphs)
        self.check_after_a_run()

    def check_after_a_run(self) -> None:
        french_text = (self.folder / "essai.md").read_text(encoding="utf-8")
        english_text = (self.folder / "essai.en.md").read_text(encoding="utf-8")
        french, english = parse_document(french_text), parse_document(english_text)
        # one block per French block, in the French order
        assert compare_documents(french, english, translated_keys=tuple(OPTIONS.front_matter_keys)) == []
        oracle = parse_document(translate_document(french_text, PseudoProvider(), options=OPTIONS).text)
        body = [block.text for block in english.prose_blocks()]
        expected = [block.text for block in oracle.prose_blocks()]
        assert len(body) == len(expected)
        paragraph_at = self.english_paragraph_positions(english)
        for position, (text, translation) in enumerate(zip(body, expected, strict=True)):
            if text == translation:
                continue
            # not the translation of its French: then a person's text, at its own paragraph
            assert text in self.person, f"block {position} is neither a translation nor a person's: {text!r}"
            lineage = self.person[text]
            paragraph = self.paragraphs[paragraph_at[position]]
            assert lineage & paragraph.lineage, f"{text!r} misplaced at {paragraph.text!r}"
        # no person's text lost: in the file, or kept aside in the lock
        lock = json.loads((self.folder / "essai.lock.json").read_text(encoding="utf-8"))
        aside = {entry["english"] for entry in lock["state"]["aside"]}
        for text in self.person:
            assert text in body or text in aside, f"a person's text was lost: {text!r}"
        # --check: clean unless a person's block is stale or set aside, and then only those
        plan = plan_essay(self.folder / "essai.md", OPTIONS)
        problems = find_problems([self.folder], OPTIONS)
        assert problems.outdated == [] and problems.unreadable == [] and problems.unlocked == []
        assert len(problems.stale_blocks) == plan.count(Action.STALE)
        assert len(problems.set_aside) == len(aside)
        assert bool(problems) == bool(plan.count(Action.STALE) or aside)
        # a second run sends nothing and changes no byte
        before = english_text, (self.folder / "essai.lock.json").read_bytes()
        again, provider = sync(self.folder, CountingProvider())
        assert provider.requests == 0 and again.files[0].status == "unchanged"
        assert ((self.folder / "essai.en.md").read_text(encoding="utf-8"), before[1]) == (
            before[0],
            (self.folder / "essai.lock.json").read_bytes(),
        )

    @invariant()
    def french_is_well_formed(self) -> None:
        assert self.paragraphs and all(len(paragraph.words) >= 3 for paragraph in self.paragraphs)

    # --- helpers ---------------------------------------------------------------------------------

    def fresh_words(self, count: int) -> tuple[str, ...]:
        words = []
        for _ in range(count):
            self.counter += 1
            number, word = self.counter, ""
            while True:  # a unique word per number: "ba", "ce", ..., "ceba", "cece", ...
                number, digit = divmod(number, len(SYLLABLES))
                word += SYLLABLES[digit]
                if number == 0:
                    break
            words.append(word + "r")
        return tuple(words)

    def new_paragraph(self) -> Paragraph:
        return Paragraph(self.fresh_words(4 + self.counter % 5), frozenset({self.counter}))

    def write_french(self) -> None:
        body = "\n\n".join(paragraph.text for paragraph in self.paragraphs)
        title = " ".join(self.title).capitalize()
        (self.folder / "essai.md").write_text(
            f"---\ntitle: {title}\ndate: 2025-01-01\n---\n\n# {title}\n\n{body}\n", encoding="utf-8"
        )

    def english_paragraph_positions(self, english) -> dict[int, int]:
        """Prose block position -> paragraph number (the title and heading are not paragraphs)."""
        positions, number = {}, 0
        for position, block in enumerate(english.prose_blocks()):
            if block.kind == "paragraph":
                positions[position] = number
                number += 1
        return positions

    def lineage_in_english(self, number: int) -> frozenset[int]:
        """The lineage of the English paragraph ``number``: the French it follows since the last run."""
        assert self.synced is not None
        return self.synced[number].lineage


TestSyncMachine = SyncMachine.TestCase
TestSyncMachine.settings = settings(
    max_examples=100,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
