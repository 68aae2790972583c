"""The document translator: every block checked, fallbacks, never a broken block."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import pytest

from bilingue.errors import BilingueError
from bilingue.markdown import compare_documents, parse_document
from bilingue.providers import get_provider
from bilingue.providers.pseudo import pseudo_translate
from bilingue.translate import (
    KEPT_SOURCE,
    PIECEWISE,
    TranslateOptions,
    assemble,
    translate_blocks,
    translate_document,
)


class Damaging:
    """Pseudo-translates, then applies ``damage`` to each answer (like a real service would)."""

    name = "damaging"

    def __init__(self, damage: Callable[[str], str]):
        self.damage = damage
        self.calls: list[list[str]] = []

    def translate_texts(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        self.calls.append(list(texts))
        return [self.damage(pseudo_translate(text)) for text in texts]


class Fixed:
    """Answers from a dictionary (tests that need exact English)."""

    name = "fixed"

    def __init__(self, answers: dict[str, str]):
        self.answers = answers
        self.calls: list[list[str]] = []

    def translate_texts(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        self.calls.append(list(texts))
        return [self.answers.get(text, text) for text in texts]


FRENCH = """---
title: "Le titre"
description: "Une description"
date: 2024-01-01
---

# Un "métier" difficile

Du **gras** et un [lien](https://x.org/a "Titre du lien") avec `code`.[^1]

| Colonne | Valeur |
|---------|--------|
| Une cellule | `a|b` |

[^1]: Une note.
"""


def assert_valid(french: str, english: str) -> None:
    differences = compare_documents(parse_document(french), parse_document(english))
    assert [d.describe() for d in differences] == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: re.sub(r"<(/?)m(\d+)(/?)>", r"< \1M\2 \3>", text),  # spaces + case in tags
        lambda text: text.replace("<m1>", "<m1> ").replace("</m1>", " </m1>"),  # ** bold**
        lambda text: re.sub(r"(<m\d+/>)", r"\1\1", text),  # duplicated tags
        lambda text: re.sub(r"<m(\d+)/>$", "", text),  # eaten final tag (footnote reference)
        lambda text: text.replace("<", "&lt;").replace(">", "&gt;"),  # HTML-escaped tags
    ],
)
def test_known_damage_is_repaired_without_fallback(damage):
    result = translate_document(FRENCH, Damaging(damage))
    assert result.issues == []
    assert "[^1]" in result.text and "](https://x.org/a" in result.text
    assert_valid(FRENCH, result.text)


def test_a_block_whose_tags_are_lost_is_translated_piece_by_piece():
    provider = Damaging(lambda text: re.sub(r"</?m\d+/?>", "", text) if "<m1>" in text else text)
    result = translate_document(FRENCH, provider)
    assert [(issue.line, issue.action) for issue in result.issues] == [(9, PIECEWISE)]
    assert len(provider.calls) == 2  # one call for all blocks, one for the failed block's pieces
    assert (
        'DDû **ggráss** ëët ûûñ [llîëññ](https://x.org/a "TTîtrrë ddû llîëññ") áávëçç `code`.[^1]'
        in result.text
    )
    assert_valid(FRENCH, result.text)


def test_a_block_that_cannot_be_translated_safely_stays_french_and_is_reported():
    # a service that turns every paragraph into a list item (a new Markdown block)
    provider = Damaging(lambda text: "- " + text)
    result = translate_document("Un paragraphe simple.\n\nUn autre.\n", provider)
    assert result.text == "Un paragraphe simple.\n\nUn autre.\n"
    assert [(issue.line, issue.action) for issue in result.issues] == [(1, KEPT_SOURCE), (3, KEPT_SOURCE)]


def test_newly_introduced_markdown_characters_are_escaped():
    provider = Fixed({"Cinq fois trois.": "Five *times* three_"})
    result = translate_document("Cinq fois trois.\n", provider)
    assert result.text == "Five \\*times\\* three\\_\n"
    assert result.issues == []


def test_a_pipe_in_a_translated_table_cell_is_escaped():
    provider = Fixed({"Une cellule": "A | cell"})
    result = translate_document(FRENCH, provider)
    assert "| A \\| cell | `a|b` |" in result.text
    assert_valid(FRENCH, result.text)


def test_identity_is_byte_identical_and_pseudo_is_valid():
    assert translate_document(FRENCH, get_provider("identity")).text == FRENCH
    result = translate_document(FRENCH, get_provider("pseudo"))
    assert result.text != FRENCH
    assert_valid(FRENCH, result.text)


def test_front_matter_keys_are_configurable_and_other_values_untouched():
    options = TranslateOptions(front_matter_keys=("title",))
    result = translate_document(FRENCH, get_provider("pseudo"), options=options)
    assert 'title: "LLë ttîtrrë"' in result.text
    assert 'description: "Une description"' in result.text and "date: 2024-01-01" in result.text


def test_headings_get_the_french_id_when_their_slug_changes():
    provider = Fixed({'Un "métier" difficile': 'A difficult "job"'})
    result = translate_document('## Un "métier" difficile\n\n## Introduction\n', provider)
    assert result.text == '## A difficult "job" { #un-metier-difficile }\n\n## Introduction\n'


def test_glossary_terms_and_do_not_translate_spans_are_kept():
    text = 'Myelin à Rivière-Ouelle, avec <span translate="no">le savoir-faire</span>.\n'
    options = TranslateOptions(glossary=("Myelin", "Rivière-Ouelle"))
    provider = Damaging(lambda text: text)
    result = translate_document(text, provider, options=options)
    assert provider.calls == [["<m1/> à <m2/>, avec <m3/>."]]
    assert result.text == ('Myelin àà Rivière-Ouelle, áávëçç <span translate="no">le savoir-faire</span>.\n')


def test_do_not_translate_text_in_raw_html_is_never_sent_and_the_judge_keeps_the_block():
    french = (
        '<div class="encadre">\n<p>Le mot <span class="notranslate">Terme</span> reste ici.</p>\n</div>\n'
    )
    provider = Damaging(lambda text: text)
    result = translate_document(french, provider)
    sent = [text for call in provider.calls for text in call]
    assert sent == ["Le mot", "reste ici."]
    assert result.issues == []  # nothing sent back to French by the judge
    kept = '<span class="notranslate">Terme</span>'
    english = f"<p>{pseudo_translate('Le mot')} {kept} {pseudo_translate('reste ici.')}</p>"
    assert result.text == f'<div class="encadre">\n{english}\n</div>\n'


@pytest.mark.parametrize(
    ("kept", "french"),
    [
        ('<dfn translate="no">mot</dfn>', 'Un <dfn translate="no">mot</dfn> ici.\n'),
        ('<var class="notranslate">x</var>', 'Un <var class="notranslate">x</var> ici.\n'),
        ("<code>Terme</code>", "Un <code>Terme</code> ici.\n"),
    ],
)
def test_inline_html_the_judge_keeps_verbatim_is_never_sent_and_the_judge_keeps_the_block(kept, french):
    provider = Damaging(lambda text: text)
    result = translate_document(french, provider)
    assert provider.calls == [["Un <m1/> ici."]]  # only the words around the element
    assert result.issues == []  # the judge accepts the translated paragraph: no fallback
    assert result.text == f"{pseudo_translate('Un')} {kept} {pseudo_translate('ici.')}\n"


@pytest.mark.parametrize("marker", ['class="notranslate"', 'translate="no"'])
def test_a_markdown_container_marked_do_not_translate_is_never_sent_and_the_judge_keeps_it(marker):
    kept = f'<div markdown="1" {marker}>\n## Le titre\n\nUn **mot** ici.\n</div>\n'
    provider = Damaging(lambda text: text)
    result = translate_document(f"Avant.\n\n{kept}\nAprès.\n", provider)
    assert provider.calls == [["Avant.", "Après."]]  # nothing from inside the element
    assert result.issues == []  # the judge keeps its text verbatim: the page agrees
    assert result.text == f"{pseudo_translate('Avant.')}\n\n{kept}\n{pseudo_translate('Après.')}\n"


def test_typography_applies_to_prose_never_to_code():
    provider = Fixed({"Il dit <m1/> : « oui » !": "He says <m1/> : « yes » !"})
    result = translate_document("Il dit `a : « b » !` : « oui » !\n", provider)
    # the space before ":" goes after a protected piece too (issue 12), code untouched
    assert result.text == "He says `a : « b » !`: “yes”!\n"


def test_a_space_before_a_colon_stays_after_a_piece_ending_with_a_colon():
    provider = Fixed({"Bravo <m1/> : fini.": "Well done <m1/> : finished."})
    result = translate_document("Bravo :smile: : fini.\n", provider)
    assert result.text == "Well done :smile: : finished.\n"  # `:smile::` would be another shortcode


def test_identical_texts_are_sent_once_in_one_request():
    provider = Damaging(lambda text: text)
    result = translate_document("Bonjour.\n\nBonjour.\n\n- Bonjour.\n", provider)
    assert provider.calls == [["Bonjour."]]
    assert result.requests == 1 and result.characters == len("Bonjour.")


def test_blocks_without_words_are_not_sent():
    provider = Damaging(lambda text: text)
    translate_document("2024\n\n`code` [^1]\n\n[^1]: Note.\n", provider)
    assert provider.calls == [["Note."]]


def test_a_provider_returning_the_wrong_number_of_texts_is_an_error():
    class Short:
        name = "short"

        def translate_texts(self, texts, source, target):
            return []

    with pytest.raises(BilingueError, match="returned 0 translations for 1 texts"):
        translate_document("Un texte.\n", Short())


def test_a_provider_returning_none_is_an_error():
    class Empty:
        name = "empty"

        def translate_texts(self, texts, source, target):
            return [None for _ in texts]

    with pytest.raises(BilingueError, match="returned something other than text"):
        translate_document("Un texte.\n", Empty())


def test_some_blocks_then_assemble_supports_a_translation_memory():
    document = parse_document("Un.\n\nDeux.\n\nTrois.\n")
    fresh = translate_blocks(document, get_provider("pseudo"), indexes=[1])
    assert list(fresh) == [1]
    text, kept = assemble(document, {0: "One.", **fresh})
    assert text == "One.\n\nDDëûxx.\n\nTrois.\n" and set(kept) == {0, 1}


def test_assemble_sends_a_blamed_block_back_to_french():
    document = parse_document("Un `code`.\n\nDeux.\n")
    issues: list = []
    text, kept = assemble(document, {0: "One without code.", 1: "Two."}, issues=issues)
    assert text == "Un `code`.\n\nTwo.\n" and set(kept) == {1}
    assert [(issue.line, issue.action) for issue in issues] == [(1, KEPT_SOURCE)]


def test_the_service_never_sees_markdown_syntax():
    """Damage to markers (`] (`, broken `!!!`, `** bold**`, table pipes) is impossible by
    construction: none of that syntax is ever sent, only prose and numbered tags."""
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[1] / "markdown" / "corpus"
    provider = Damaging(lambda text: text)
    for path in sorted(corpus.glob("*.md")):
        translate_document(path.read_text(encoding="utf-8"), provider)
    sent = [text for call in provider.calls for text in call]
    assert len(sent) > 100
    for syntax in (
        "](",
        "!!!",
        "???",
        "===",
        "**",
        "`",
        "[^",
        "{ #",
        "{:",
        "http",
        "|",
        "<div",
        "<span",
        "$$",
        ":smile:",
        "++",
    ):
        assert not [text for text in sent if syntax in text], syntax


def test_a_translated_admonition_title_may_contain_quotes():
    provider = Fixed({"Une note": 'A "quoted" note', "Le corps.": "The body."})
    french = '!!! note "Une note"\n    Le corps.\n'
    result = translate_document(french, provider)
    # Python-Markdown reads the title up to the last quote of the line
    assert result.text == '!!! note "A "quoted" note"\n    The body.\n'
    assert_valid(french, result.text)


def test_folded_front_matter_values_are_translated_in_place_and_stay_folded():
    french = "---\ntitle: x\ndescription: >-\n  Une longue\n  description\ndate: 2024-01-01\n---\n\nTexte.\n"
    result = translate_document(french, get_provider("pseudo"))
    assert result.issues == []
    assert result.text == (
        "---\ntitle: xx\ndescription: >-\n  ÛÛñë llõñggûë ddësççrîpptîõõñ\n"
        "date: 2024-01-01\n---\n\nTTëxttë.\n"
    )


@pytest.mark.parametrize(
    ("french", "english"),
    [
        (
            "summary: |\n  Une ligne.\n  Une autre.\n",
            "summary: |\n  ÛÛñë llîgññë.\n  ÛÛñë ááûtrrë.\n",
        ),
        (
            "summary: >\n  Un paragraphe\n  plié.\n\n  Un second.\n",
            "summary: >\n  ÛÛñ ppáráágrááphëë pplîéé.\n\n  ÛÛñ ssëçõõñd.\n",
        ),
        (
            "summary: |-\r\n    Une ligne.\r\n    Une autre.\r\n",
            "summary: |-\r\n    ÛÛñë llîgññë.\r\n    ÛÛñë ááûtrrë.\r\n",
        ),
    ],
)
def test_yaml_block_scalars_keep_their_style_and_their_breaks(french, english):
    newline = "\r\n" if "\r\n" in french else "\n"
    text = f"---{newline}{french}---{newline}"
    result = translate_document(text, get_provider("pseudo"))
    assert result.issues == []
    assert result.text == f"---{newline}{english}---{newline}"


def test_a_front_matter_value_that_breaks_the_file_goes_back_to_french_alone(monkeypatch):
    from bilingue.markdown import model as m

    # a value written so that the YAML no longer parses (defensive path: yaml_scalar is safe)
    monkeypatch.setattr(m, "yaml_scalar", lambda value, *layout: "[" + value)
    document = parse_document("---\ntitle: Titre\n---\n\nTexte.\n")
    title = next(i for i, b in enumerate(document.blocks) if b.kind == m.FRONT_MATTER)
    body = next(i for i, b in enumerate(document.blocks) if b.kind == m.PARAGRAPH)
    issues: list = []
    text, kept = assemble(document, {title: "Title", body: "Text."}, issues=issues)
    assert text == "---\ntitle: Titre\n---\n\nText.\n" and set(kept) == {body}
    assert [(issue.line, issue.kind, issue.action) for issue in issues] == [(2, m.FRONT_MATTER, KEPT_SOURCE)]
