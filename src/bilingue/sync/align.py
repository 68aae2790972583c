"""Pair the blocks an English file has (from its lock) with the blocks its French file has now.

Three passes, each only over what the previous ones left unpaired:

1. **same French, same place**: ``difflib`` over the two key sequences (its equal runs);
2. **same French, moved**: a key found elsewhere in the file (a moved paragraph);
3. **edited French**: the old French text (kept in the lock, as a PO ``msgid``) against the new,
   by word similarity; pairs at or above ``SIMILAR`` are taken best first, so a split or merged
   paragraph pairs with its closest part. Never by position: a new paragraph next to an edited
   one is not mistaken for it.
4. **older locks only**: an entry migrated from a version 1 lock after its French changed has no
   French text to compare; it pairs only when it is the one block left on each side of a
   replaced stretch (the one reading possible), else it is set aside.

What is left is new French (to translate) and old English: a machine's is dropped, a person's
is set aside by the caller (``Alignment.unpaired_old``), never silently.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import StrEnum
from functools import cached_property

from bilingue.sync.lock import BlockEntry, sha256


class Match(StrEnum):
    SAME = "same"  # same French text (in place or moved)
    SIMILAR = "similar"  # the French was edited, split or merged


@dataclass(frozen=True)
class OldBlock:
    """A prose block of the English file as it is now, with its lock entry."""

    position: int  # among the English file's prose blocks
    entry: BlockEntry
    english: str
    line: int  # its line in the English file

    @cached_property
    def edited(self) -> bool:
        """A person's text: written, adopted or edited by a person (the machine's hash differs)."""
        return self.entry.by_person or sha256(self.english) != self.entry.machine

    @cached_property
    def words(self) -> list[str]:
        return words_of(self.entry.french or "")


@dataclass(frozen=True)
class NewBlock:
    """A prose block of the French file as it is now."""

    index: int  # in the French document's blocks
    key: str
    text: str

    @cached_property
    def words(self) -> list[str]:
        return words_of(self.text)


@dataclass(frozen=True)
class Pair:
    old: OldBlock
    how: Match


@dataclass
class Alignment:
    """Which old block each new block continues: ``pairs[new position]``, and what is left."""

    old: list[OldBlock]
    new: list[NewBlock]
    pairs: dict[int, Pair] = field(default_factory=dict, init=False)
    unpaired_old: list[OldBlock] = field(default_factory=list, init=False)
    #: stretches difflib found replaced: (old positions, new positions)
    _replaced: list[tuple[range, range]] = field(default_factory=list, init=False, repr=False)

    @classmethod
    def of(cls, old: list[OldBlock], new: list[NewBlock]) -> Alignment:
        alignment = cls(old, new)
        alignment._run()
        return alignment

    def _run(self) -> None:
        old_left, new_left = self._pair_in_place()
        old_left, new_left = self._pair_moved(old_left, new_left)
        old_left = self._pair_similar(old_left, new_left)
        old_left = self._pair_unrecorded(old_left)
        self.unpaired_old = [self.old[i] for i in sorted(old_left)]

    def _pair_in_place(self) -> tuple[list[int], list[int]]:
        old_keys = [block.entry.source for block in self.old]
        new_keys = [block.key for block in self.new]
        old_left: list[int] = []
        new_left: list[int] = []
        matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                    self.pairs[j] = Pair(self.old[i], Match.SAME)
            else:
                old_left.extend(range(i1, i2))
                new_left.extend(range(j1, j2))
                if tag == "replace":
                    self._replaced.append((range(i1, i2), range(j1, j2)))
        return old_left, new_left

    def _pair_moved(self, old_left: list[int], new_left: list[int]) -> tuple[list[int], list[int]]:
        """A paragraph moved elsewhere keeps its translation (and a person's edits)."""
        by_key: dict[str, list[int]] = defaultdict(list)
        for i in old_left:
            by_key[self.old[i].entry.source].append(i)
        still_new = []
        for j in new_left:
            candidates = by_key.get(self.new[j].key)
            if candidates:
                self.pairs[j] = Pair(self.old[candidates.pop(0)], Match.SAME)
            else:
                still_new.append(j)
        return sorted(i for candidates in by_key.values() for i in candidates), still_new

    def _pair_similar(self, old_left: list[int], new_left: list[int]) -> list[int]:
        """Edited, split and merged paragraphs: the most similar pairs first, down to ``SIMILAR``.

        Machine blocks take part too: a machine block that is the better match for a new
        paragraph keeps a person's block from being paired with it by default. Without a
        person's block left, pairing changes nothing (a machine's English is sent again either
        way), so it is skipped.
        """
        if not any(self.old[i].edited for i in old_left):
            return old_left
        scored = []
        for i in old_left:
            for j in new_left:
                score = similarity(self.old[i].words, self.new[j].words)
                if score >= SIMILAR:
                    # ties: the pair nearest in relative place, then reading order (deterministic)
                    distance = abs(i / max(len(self.old), 1) - j / max(len(self.new), 1))
                    scored.append((-score, distance, i, j))
        taken_old: set[int] = set()
        for _, _, i, j in sorted(scored):
            if i in taken_old or j in self.pairs:
                continue
            self.pairs[j] = Pair(self.old[i], Match.SIMILAR)
            taken_old.add(i)
        return [i for i in old_left if i not in taken_old]

    def _pair_unrecorded(self, old_left: list[int]) -> list[int]:
        """A block whose French an older lock did not record: the lone one left in a replaced
        stretch against the lone new one (nothing else can be meant)."""
        left = set(old_left)
        for olds, news in self._replaced:
            old_here = [i for i in olds if i in left]
            new_here = [j for j in news if j not in self.pairs]
            if len(old_here) == len(new_here) == 1 and self.old[old_here[0]].entry.french is None:
                self.pairs[new_here[0]] = Pair(self.old[old_here[0]], Match.SIMILAR)
                left.discard(old_here[0])
        return [i for i in old_left if i in left]


def words_of(text: str) -> list[str]:
    """Words and signs of a French text, lower case: what similarity compares."""
    return _WORD.findall(text.lower())


def similarity(old: list[str], new: list[str]) -> float:
    """``difflib`` ratio of two word lists: 1.0 identical, 0.0 nothing in common."""
    if not old or not new:
        return 0.0
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0  # cheap upper bounds: most unrelated pairs stop here
    return matcher.ratio()


# ---------------------------------------------------------------------------------------------------
# Data

#: least word similarity for an old French block to be taken as the new one edited (0..1). An
#: edit of a few words scores 0.8-0.95; an even split pairs each part at about 0.67; two different
#: paragraphs of the real essay score at most 0.45 (a deliberate echo), 0.13 at the median
#: (`benchmarks/alignment.py`). Below it, a person's block is set aside and reported, never guessed
SIMILAR = 0.6

_WORD = re.compile(r"\w+|[^\w\s]")
