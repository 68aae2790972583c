"""What a translator must look at: a person's English block whose French changed, or whose French
is gone. Structured records (file, line, old and new French, English line, advice) so any reporter
(plain text, ``--format github``) can show them; ``lines()`` is the plain-text form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path


@dataclass(frozen=True)
class StaleBlock:
    """A person's English block whose French paragraph changed since the person wrote it."""

    french_file: Path
    line: int  # where the French block is now
    old_french: str | None  # the French the person's English translates (None: not recorded)
    new_french: str
    english_file: Path
    english_line: int  # the English block to edit
    english: str
    advice: str = "edit the English block to match the new French (`translate` keeps a person's text)"

    @property
    def changes(self) -> str:
        """The French with its changes marked: ``[-removed-]{+added+}`` (as ``git diff --word-diff``)."""
        if self.old_french is None:
            return f"(the French this block translated is not recorded) {{+{self.new_french}+}}"
        return mark_differences(self.old_french, self.new_french)

    def lines(self) -> list[str]:
        return [
            f"{self.french_file}:{self.line}: the French of a person's English block changed",
            f"  French changes: {_one_line(self.changes)}",
            f"  English to edit ({self.english_file}:{self.english_line}): {_one_line(self.english)}",
            f"  {self.advice}",
        ]


@dataclass(frozen=True)
class SetAsideBlock:
    """A person's English block whose French is gone: out of the English file, kept in the lock."""

    french_file: Path
    lock_file: Path
    english_file: Path
    english_line: int  # where it was in the English file when set aside
    french: str | None  # the French it translated (None: not recorded by an older lock)
    english: str

    @property
    def advice(self) -> str:
        return (
            f"its French paragraph was deleted or rewritten: if this English still belongs, put it "
            f"where it belongs in {self.english_file.name}; then clear it with "
            f"`python -m bilingue translate --clear-aside {self.french_file}`"
        )

    def lines(self) -> list[str]:
        french = _one_line(self.french) if self.french is not None else "(not recorded)"
        return [
            f"{self.lock_file}: a person's English block set aside "
            f"(was {self.english_file}:{self.english_line})",
            f"  its French was: {french}",
            f"  English kept aside: {_one_line(self.english)}",
            f"  {self.advice}",
        ]


def mark_differences(old: str, new: str) -> str:
    """``new`` with what changed from ``old`` marked word by word: ``[-old-]{+new+}``."""
    before, after = _TOKEN.findall(old), _TOKEN.findall(new)
    out = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append("".join(after[j1:j2]))
            continue
        if i2 > i1:
            out.append("[-" + "".join(before[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + "".join(after[j1:j2]) + "+}")
    return "".join(out)


def _one_line(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------------------
# Data

#: words, runs of spaces and single signs: a changed word is marked whole, spaces kept as written
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
