"""What a translator is shown: the French changes marked word by word, as a structured record."""

from __future__ import annotations

from pathlib import Path

from bilingue.sync.changes import StaleBlock, mark_differences


def test_differences_are_marked_word_by_word():
    assert mark_differences("Il fait beau ce matin.", "Il fait très mauvais ce matin !") == (
        "Il fait [-beau-]{+très mauvais+} ce matin[-.-]{+ !+}"
    )
    assert mark_differences("Rien ne change.", "Rien ne change.") == "Rien ne change."


def test_a_stale_block_record_reads_as_file_line_changes_english_line_advice():
    block = StaleBlock(
        french_file=Path("docs/essais/x.md"),
        line=12,
        old_french="Un chat noir.",
        new_french="Un chat blanc.",
        english_file=Path("docs/essais/x.en.md"),
        english_line=14,
        english="A black cat.",
    )
    assert block.lines() == [
        "docs/essais/x.md:12: the French of a person's English block changed",
        "  French changes: Un chat [-noir-]{+blanc+}.",
        "  English to edit (docs/essais/x.en.md:14): A black cat.",
        "  edit the English block to match the new French (`translate` keeps a person's text)",
    ]


def test_a_stale_block_whose_old_french_was_not_recorded_says_so():
    block = StaleBlock(Path("x.md"), 1, None, "Un chat.", Path("x.en.md"), 1, "A cat.")
    assert block.changes == "(the French this block translated is not recorded) {+Un chat.+}"
