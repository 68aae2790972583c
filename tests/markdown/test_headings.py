"""Heading ids as the site's toc computes them, and the explicit ids the translator writes."""

from __future__ import annotations

from bilingue.markdown import heading_ids, parse_document, slugify, with_heading_id
from bilingue.markdown.headings import without_added_id


def test_slug_is_the_toc_default():
    assert slugify('Un "métier" difficile') == "un-metier-difficile"


def test_ids_are_unique_and_explicit_ids_win():
    document = parse_document("# Notes\n\n## Notes\n\n## Autre { #notes_1 }\n\n## *Un* `x`\n")
    assert list(heading_ids(document).values()) == ["notes", "notes_2", "notes_1", "un-x"]


def test_with_heading_id_extends_an_existing_attribute_list():
    assert with_heading_id("Title", "titre") == "Title { #titre }"
    assert with_heading_id("Title { .big }", "titre") == "Title { #titre .big }"
    assert without_added_id("{ #titre .big }") == "{ .big }"
    assert without_added_id("{ #titre }") == ""
