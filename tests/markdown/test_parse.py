"""The segmenter cuts files the way the site (Python-Markdown + mkdocs.yml extensions) reads them."""

from __future__ import annotations

import pytest

from bilingue.errors import SourceFileError
from bilingue.markdown import model as m
from bilingue.markdown import parse_document


def outline(text: str) -> list[tuple[str, int, int]]:
    return [(block.kind, block.line, block.depth) for block in parse_document(text).blocks]


def test_nested_containers_keep_kinds_lines_and_depth():
    text = '# Titre\n\n!!! note "Note"\n    - un\n\n        > cité\n\n    ```\n    code\n    ```\n\nFin.\n'
    assert outline(text) == [
        (m.HEADING, 1, 0),
        (m.ADMONITION, 3, 0),
        (m.LIST_ITEM, 4, 1),
        (m.PARAGRAPH, 4, 2),
        (m.BLOCKQUOTE, 6, 2),
        (m.PARAGRAPH, 6, 3),
        (m.CODE, 8, 1),
        (m.PARAGRAPH, 12, 0),
    ]


def test_prose_text_has_container_prefixes_removed_and_spans_point_into_the_source():
    text = "> Une citation\n> sur deux lignes.\n"
    document = parse_document(text)
    paragraph = document.blocks[1]
    assert paragraph.text == "Une citation\nsur deux lignes."
    assert [text[a:b] for a, b in paragraph.spans] == ["Une citation", "sur deux lignes."]
    assert [block.kind for block in document.ancestors(paragraph)] == [m.BLOCKQUOTE]


def test_top_level_list_needs_a_blank_line_after_a_paragraph_like_python_markdown():
    assert outline("Texte\n- pas une liste\n") == [(m.PARAGRAPH, 1, 0)]
    assert [kind for kind, _, _ in outline("- un\n    texte\n    - sous-liste\n")] == [
        m.LIST_ITEM,
        m.PARAGRAPH,
        m.LIST_ITEM,
        m.PARAGRAPH,
    ]


def test_a_number_and_a_dot_at_a_block_start_is_an_ordered_list():
    assert outline("1986. Une année.\n")[0][0] == m.LIST_ITEM


def test_lazy_continuation_lines_stay_in_their_list_item():
    document = parse_document("- un élément\nqui continue\n\nAprès.\n")
    assert [(b.kind, b.text) for b in document.blocks] == [
        (m.LIST_ITEM, ""),
        (m.PARAGRAPH, "un élément\nqui continue"),
        (m.PARAGRAPH, "Après."),
    ]


def test_task_list_checkbox_is_not_prose():
    item, paragraph = parse_document("- [x] fait\n").blocks
    assert item.meta["task"] == "x" and paragraph.text == "fait"


def test_table_cells_respect_code_spans_and_escaped_pipes():
    document = parse_document("| A | B |\n|---|---|\n| `a|b` | c \\| d |\n")
    cells = [(b.meta["row"], b.meta["column"], b.text) for b in document.blocks if b.kind == m.TABLE_CELL]
    assert cells == [(0, 0, "A"), (0, 1, "B"), (1, 0, "`a|b`"), (1, 1, "c \\| d")]


def test_html_with_markdown_attribute_is_a_container_and_raw_html_is_protected_but_its_words():
    document = parse_document("<div markdown>\nDu *texte*.\n</div>\n\n<div>\n<p>brut</p>\n</div>\n")
    assert [(b.kind, b.depth, b.text) for b in document.blocks] == [
        (m.HTML_MARKDOWN, 0, ""),
        (m.PARAGRAPH, 1, "Du *texte*."),
        (m.HTML, 0, ""),
        (m.HTML_TEXT, 1, "brut"),
    ]
    assert not document.blocks[2].translatable


@pytest.mark.parametrize("marker", ['class="encadre notranslate"', 'translate="no"', "CLASS='notranslate'"])
def test_a_markdown_container_marked_do_not_translate_holds_prose_kept_as_written(marker):
    text = (
        f'<div markdown="1" {marker}>\n## Un titre\n\nDu *texte*[^src:a].\n\n'
        '<p title="Un titre">brut</p>\n</div>\n\nAprès.\n'
    )
    document = parse_document(text)
    blocks = [(b.kind, b.depth, b.text, b.verbatim, b.translatable) for b in document.blocks]
    assert blocks == [
        (m.HTML_MARKDOWN, 0, "", True, False),
        (m.HEADING, 1, "Un titre", True, False),
        (m.PARAGRAPH, 1, "Du *texte*[^src:a].", True, False),
        (m.HTML, 1, "", True, False),
        (m.HTML_TEXT, 2, "brut", True, False),
        (m.ATTRIBUTE, 2, "Un titre", True, False),
        (m.PARAGRAPH, 0, "Après.", False, True),
    ]
    # still words a reader reads (citations, word counts): only the translator leaves them alone
    assert [b.text for b in document.prose_blocks()] == [
        "Un titre",
        "Du *texte*[^src:a].",
        "brut",
        "Un titre",
        "Après.",
    ]


def test_a_markdown_container_without_the_marker_is_translated():
    document = parse_document('<div markdown="1" class="encadre" title="notranslate">\nDu texte.\n</div>\n')
    assert [(b.kind, b.translatable) for b in document.blocks] == [
        (m.HTML_MARKDOWN, False),
        (m.PARAGRAPH, True),
    ]


def test_raw_html_words_and_prose_attributes_are_prose_but_never_code_or_scripts():
    text = (
        '<figure>\n<img src="a.png" alt="Un chat" title="Le titre">\n'
        "<figcaption>Une <em>belle</em> légende</figcaption>\n"
        "<pre>du code</pre> <script>var texte;</script>\n<!-- un commentaire -->\n</figure>\n"
    )
    blocks = parse_document(text).blocks
    assert [(b.kind, b.text, b.meta.get("name")) for b in blocks] == [
        (m.HTML, "", None),
        (m.ATTRIBUTE, "Un chat", "alt"),
        (m.ATTRIBUTE, "Le titre", "title"),
        (m.HTML_TEXT, "Une <em>belle</em> légende", None),
    ]


@pytest.mark.parametrize(
    ("html", "prose"),
    [
        ('<p>Le mot <span class="notranslate">Terme</span> reste.</p>', ["Le mot", "reste."]),
        ('<p><span translate="no">Terme <span>mot</span> ici</span> fin</p>', ["fin"]),
        ('<p>Un <span\n  class="x notranslate">Terme</span> puis</p>', ["Un", "puis"]),
        (
            '<p><span class="arithmatex">x + y</span> et <kbd class="key-enter">Entrée</kbd> ok</p>',
            ["et", "ok"],
        ),
        ('<p><img class="notranslate" src="a.png"> Une légende</p>', ["Une légende"]),
        ('<p><span translate="yes">Texte</span></p>', ["Texte"]),
    ],
)
def test_raw_html_text_the_judge_keeps_verbatim_is_not_prose(html, prose):
    blocks = parse_document(f"<div>\n{html}\n</div>\n").blocks
    assert [b.text for b in blocks if b.kind == m.HTML_TEXT] == prose


def test_block_level_html_line_ends_a_paragraph():
    kinds = [k for k, _, _ in outline("Texte\n<div>x</div>\nsuite\n")]
    assert kinds == [m.PARAGRAPH, m.HTML, m.HTML_TEXT, m.PARAGRAPH]


def test_definitions_footnotes_abbreviations_references():
    text = (
        "Terme\n:   Définition.\n\nTexte[^n].\n\n[^n]: Une note\n    sur deux lignes.\n\n"
        '*[ONU]: Organisation des Nations unies\n[ref]: https://x.org "Un titre"\n'
    )
    document = parse_document(text)
    assert [(b.kind, b.text) for b in document.blocks] == [
        (m.DEFINITION_TERM, "Terme"),
        (m.DEFINITION, ""),
        (m.PARAGRAPH, "Définition."),
        (m.PARAGRAPH, "Texte[^n]."),
        (m.FOOTNOTE, ""),
        (m.PARAGRAPH, "Une note\nsur deux lignes."),
        (m.ABBREVIATION, "Organisation des Nations unies"),
        (m.REFERENCE, "Un titre"),
    ]
    assert document.blocks[6].meta["term"] == "ONU"


def test_setext_headings_and_rules():
    assert outline("Titre\n=====\n\nSous-titre\n---\n\n---\n") == [
        (m.HEADING, 1, 0),
        (m.HEADING, 4, 0),
        (m.RULE, 7, 0),
    ]


def test_tabs_and_details():
    blocks = parse_document('=== "Un"\n    A\n\n???+ tip "Astuce"\n    B\n').blocks
    assert [(b.kind, b.text) for b in blocks] == [
        (m.TAB, "Un"),
        (m.PARAGRAPH, "A"),
        (m.ADMONITION, "Astuce"),
        (m.PARAGRAPH, "B"),
    ]
    assert blocks[2].meta == {"marker": "???+", "type": "tip"}


def test_code_and_math_blocks_are_protected():
    text = "```\n# pas un titre\n```\n\n    indenté\n\n$$\nx\n$$\n"
    assert [(k, line) for k, line, _ in outline(text)] == [(m.CODE, 1), (m.CODE, 5), (m.MATH, 7)]
    assert not any(block.translatable for block in parse_document(text).blocks)


def test_front_matter_values_are_blocks_for_the_configured_keys_only():
    text = '---\ntitle: "Un titre"\ndate: 2024-01-01\ndescription: Texte simple\n---\n\nCorps.\n'
    blocks = parse_document(text).blocks
    assert [(b.kind, b.meta.get("key"), b.text, b.line) for b in blocks[:2]] == [
        (m.FRONT_MATTER, "title", "Un titre", 2),
        (m.FRONT_MATTER, "description", "Texte simple", 4),
    ]
    only_title = parse_document(text, front_matter_keys=("title",)).blocks
    assert [b.meta.get("key") for b in only_title if b.kind == m.FRONT_MATTER] == ["title"]


def test_invalid_front_matter_names_the_file_and_line():
    with pytest.raises(SourceFileError) as error:
        parse_document("---\ntitle: [oops\n---\n", path="essai.md")
    assert "essai.md:" in str(error.value)


def test_block_key_depends_on_content_not_position():
    first = parse_document("Un.\n\nDeux.\n").blocks
    moved = parse_document("Deux.\n\nUn.\n").blocks
    assert first[0].key == moved[1].key and first[0].key != first[1].key
    assert parse_document("# Un.\n").blocks[0].key != first[0].key


def test_line_of_maps_text_offsets_to_file_lines():
    block = parse_document("\n\n> un\n> deux 42\n").blocks[1]
    assert block.line_of(block.text.index("42")) == 4


def test_replace_texts_keeps_every_other_byte_and_container_prefixes():
    text = "- Un\n  long élément.\n\n> cité\n\n```\ncode\n```\n"
    document = parse_document(text)
    replaced = document.replace_texts({1: "One\nlong item.\nmore", 3: "quoted\nagain"})
    assert replaced == "- One\n  long item.\n    more\n\n> quoted\n> again\n\n```\ncode\n```\n"


def test_replace_texts_quotes_front_matter_values_as_yaml():
    document = parse_document("---\ntitle: Titre\nsummary: 'Résumé'\n---\n")
    replaced = document.replace_texts({0: 'A "quoted": title', 1: "It's"})
    assert replaced == "---\ntitle: \"A \\\"quoted\\\": title\"\nsummary: 'It''s'\n---\n"
