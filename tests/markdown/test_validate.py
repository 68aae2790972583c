"""The validator reports file, line and what differs; it accepts a faithful translation."""

from __future__ import annotations

import pytest

from bilingue.markdown import compare_documents, parse_document

FRENCH = """---
title: "Un titre"
date: 2024-01-01
tags: [a, b]
---

# Un "métier" difficile

Du **gras** et un [lien](https://x.org/a "Titre") avec `code`.[^1]

!!! note "Une note"
    Le corps.

| A | B |
|---|---|
| `x` | y \\| z |

```python
print("bonjour")
```

[^1]: Une note.
"""

ENGLISH = """---
title: "A title"
date: 2024-01-01
tags: [a, b]
translation: {from: fr}
---

# A difficult "job" { #un-metier-difficile }

Some **bold** and a [link](https://x.org/a "Title") with `code`.[^1]

!!! note "A note"
    The body.

| A | B |
|---|---|
| `x` | y \\| z |

```python
print("bonjour")
```

[^1]: A note.
"""


def differences(english: str) -> list[str]:
    found = compare_documents(parse_document(FRENCH, path="fr.md"), parse_document(english, path="en.md"))
    return [difference.describe("fr.md", "en.md") for difference in found]


def test_a_faithful_translation_passes():
    assert differences(ENGLISH) == []


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (("[link](https", "[link] (https"), "en.md:10: paragraph: protected pieces differ"),
        (("**bold**", "** bold**"), "en.md:10: paragraph: protected pieces differ"),
        (("`code`", "code"), "missing ``code``"),
        (("[^1]", ""), "missing `[^1]`"),
        (("https://x.org/a", "https://x.org/b"), "missing `](https://x.org/a"),
        (('!!! note "A note"', '!!! remarque "A note"'), "type `note` became `remarque`"),
        (('!!! note "A note"', '! !! note "A note"'), "fr.md:11"),
        (("    The body.", "The body."), "nesting depth 1 became 0"),
        (("# A difficult", "## A difficult"), "level `1` became `2`"),
        ((" { #un-metier-difficile }", ""), "heading id differs: #un-metier-difficile vs #a-difficult-job"),
        (("y \\| z", "y | z"), "not in the source: table_cell"),
        (('print("bonjour")', 'print("hello")'), "fr.md:18"),
        (("date: 2024-01-01", "date: 2024-01-02"), "`date` must stay as in the source"),
        (("tags: [a, b]\n", ""), "key `tags` is missing"),
        (("[^1]: A note.", "[^2]: A note."), "label `1` became `2`"),
        (("A note.\n", "A note.\n\nAn extra paragraph.\n"), "not in the source: paragraph"),
    ],
)
def test_each_kind_of_damage_is_reported_with_a_line(damage, expected):
    old, new = damage
    assert old in ENGLISH
    found = differences(ENGLISH.replace(old, new, 1))
    assert found, "the damage went unnoticed"
    assert any(expected in line for line in found), found


def test_an_added_heading_id_is_accepted_only_when_it_is_the_french_one():
    wrong = ENGLISH.replace("{ #un-metier-difficile }", "{ #autre }")
    assert any("heading id differs" in line for line in differences(wrong))


def test_align_blocks_pairs_corresponding_blocks_and_skips_restructured_parts():
    from bilingue.markdown import align_blocks

    french = parse_document("---\ntitle: Titre\n---\n\n# A\n\nUn.\n\nDeux.\n\n- trois\n")
    english = parse_document("---\ntitle: Title\n---\n\n# A\n\nOne.\n\nTwo.\n\n> three\n")
    pairs = align_blocks(french, english)
    assert [(french.blocks[a].text, english.blocks[b].text) for a, b in pairs.items()] == [
        ("Titre", "Title"),
        ("A", "A"),
        ("Un.", "One."),
        ("Deux.", "Two."),
        ("trois", "three"),
    ]
    # "- trois" / "> three": the list item and the quote are not paired, their paragraphs are
    assert all(french.blocks[a].kind == english.blocks[b].kind for a, b in pairs.items())


def test_text_inside_a_do_not_translate_container_must_stay_as_written():
    french = parse_document('<div markdown="1" translate="no">\nUn *mot*.\n</div>\n\nFin.\n')
    same = parse_document('<div markdown="1" translate="no">\nUn *mot*.\n</div>\n\nEnd.\n')
    changed = parse_document('<div markdown="1" translate="no">\nA *word*.\n</div>\n\nEnd.\n')
    assert compare_documents(french, same) == []
    (difference,) = compare_documents(french, changed)
    assert difference.source_line == 2 and "stay as written" in difference.message
