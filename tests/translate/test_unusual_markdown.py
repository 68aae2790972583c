"""Unusual but valid Markdown that used to break pages silently (issue 12): one test per case.

Each French input goes through the pseudo translator; the English must render like the French
with the site's own Markdown configuration (the judge), with nothing left in French, and the
identity translator must give the file back byte for byte.
"""

from __future__ import annotations

import pytest

from bilingue.markdown import compare_documents, parse_document
from bilingue.markdown.judge import html_structure, judge, site_renderer
from bilingue.providers import get_provider
from bilingue.translate import PIECEWISE, TranslateOptions, translate_document


@pytest.fixture(scope="module")
def renderer(root):
    return site_renderer(root / "mkdocs.yml")


def english_of(french: str, renderer) -> str:
    """The pseudo translation of ``french``, checked: no fallback, same page, identity exact."""
    result = translate_document(french, get_provider("pseudo"))
    assert [issue.describe() for issue in result.issues] == []
    assert judge(renderer, french, result.text) is None
    assert compare_documents(parse_document(french), parse_document(result.text)) == []
    assert translate_document(french, get_provider("identity")).text == french
    return result.text


def test_an_attribute_list_on_its_own_line_stays_on_its_own_line(renderer):
    english = english_of("Texte sur\ndeux lignes.\n{: .x }\n", renderer)
    assert english.endswith("\n{: .x }\n")
    assert '<p class="x">' in renderer.render(english)


def test_the_table_of_contents_marker_is_structure(renderer):
    english = english_of("# Titre\n\n[TOC]\n\nTexte.\n", renderer)
    assert "\n[TOC]\n" in english and '<div class="toc">' in renderer.render(english)


def test_a_list_nested_with_a_tab_stays_nested(renderer):
    english = english_of("- un\n\t- deux\n", renderer)
    assert english.startswith("- ûûñ\n\t- ")
    assert renderer.render(english).count("<ul>") == 2


@pytest.mark.parametrize(
    "french",
    [
        "Texte.\n\n\tdu code\n",
        '!!! note "Note"\n\n\tTexte.\n\n\t\tdu code\n',
        "- Texte.\n\n\t\tdu code\n",
    ],
    ids=["top", "admonition", "list item"],
)
def test_code_indented_with_a_tab_is_code(french, renderer):
    english = english_of(french, renderer)
    assert "du code\n" in english and "<code>du code" in renderer.render(english)


def test_a_paragraph_above_a_rule_is_not_joined_into_a_heading(renderer):
    english = english_of("Un\ndeux\n---\n\nFin.\n", renderer)
    assert "<hr" in renderer.render(english) and "<h2" not in renderer.render(english)


def test_a_byte_order_mark_before_the_front_matter(renderer):
    french = "\ufeff---\ntitle: Un titre\n---\n\nUn texte.\n"
    english = english_of(french, renderer)
    assert (
        english.startswith("\ufeff---\ntitle: ") and "Un titre" not in english and "Un texte" not in english
    )


def test_crlf_line_ends_are_kept(renderer):
    french = (
        "---\r\ntitle: Un titre\r\n---\r\n\r\n# Titre\r\n\r\nUn texte\r\nsur deux lignes.\r\n\r\n"
        "- un\r\n- deux\r\n"
    )
    english = english_of(french, renderer)
    assert english.count("\r\n") == french.count("\r\n") - 1  # the two lines of prose became one
    assert "\n" not in english.replace("\r\n", "")


@pytest.mark.parametrize(
    ("french", "translated"),
    [
        ("<p markdown>Un paragraphe *HTML*.</p>\n", "<p markdown>ÛÛñ ppáráágrááphëë *HHTMLL*.</p>"),
        (
            "<details markdown>\n<summary>Le résumé</summary>\n\nLe contenu.\n</details>\n",
            "<summary>LLë rrésûûmé</summary>",
        ),
        ('```python title="Un exemple"\nprint(1)\n```\n', 'title="ÛÛñ ëëxëmmplëë"'),
        ('L\'<abbr title="Organisation des Nations unies">ONU</abbr> siège.\n', 'title="ÕÕrgááñîssátîîõñ'),
        ('Voir [ceci][r].\n\n[r]: https://exemple.org\n    "Le titre"\n', '    "LLë ttîtrrë"'),
    ],
    ids=["p markdown", "summary", "fence title", "abbr title", "reference title on the next line"],
)
def test_prose_in_html_and_attributes_is_translated(french, translated, renderer):
    assert translated in english_of(french, renderer)


def test_an_email_address_is_kept(renderer):
    english = english_of("Écrivez à contact@example.org pour tout renseignement.\n", renderer)
    assert " contact@example.org " in english


@pytest.mark.parametrize(
    "french",
    [
        "Le `ls` : liste.",
        "Le **gras** : fort.",
        "Un [lien](https://x.org) : ici.",
        "Une <b>balise</b> : là !",
    ],
)
def test_no_french_space_before_punctuation_after_a_protected_piece(french, renderer):
    english = english_of(french + "\n", renderer)
    assert " :" not in english and " !" not in english


def test_an_emoji_keeps_its_space_before_a_colon(renderer):
    english = english_of("Bravo :smile: : fini.\n", renderer)
    assert ":smile: :" in english


def test_yaml_block_scalars_keep_their_style(renderer):
    french = (
        "---\nsummary: |\n  Une ligne.\n  Une autre.\ndescription: >\n  Un texte\n  plié.\n---\n\nTexte.\n"
    )
    english = english_of(french, renderer)
    assert "summary: |\n  " in english and "description: >\n  " in english
    assert english.split("summary: |\n")[1].split("description")[0].count("\n") == 2


def test_an_entity_by_python_markdowns_rule_is_protected(renderer):
    english = english_of("Le rachat d'AT&T; a coûté cher.\n", renderer)
    assert "&T;" in english and "ÁÁT&T;" in english


def test_the_judge_compares_structure_not_prose():
    french = html_structure('<p title="Un titre" class="x">Du <code>code</code> et du texte.</p>')
    same = html_structure('<p title="A title" class="x">Some <code>code</code> and text.</p>')
    other_code = html_structure('<p title="A title" class="x">Some <code>kode</code> and text.</p>')
    other_class = html_structure('<p title="A title" class="y">Some <code>code</code> and text.</p>')
    assert french == same
    assert french != other_code and french != other_class


def test_an_answer_the_site_renders_differently_goes_through_the_piecewise_fallback(tmp_path):
    """The model knows nothing of `~~` (pymdownx.tilde) but this site enables it: only the judge
    sees that the whole answer would strike text through; the pieces, translated one by one,
    are fine."""
    from tests.translate.test_document import Fixed

    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nmarkdown_extensions: [pymdownx.tilde]\n")
    options = TranslateOptions(site_config=tmp_path / "mkdocs.yml")
    provider = Fixed(
        {"Le reste <m1/> ici.": "The ~~rest~~ <m1/> here.", "Le reste ": "The rest ", " ici.": " here."}
    )
    result = translate_document("Le reste `x` ici.\n", provider, options=options)
    assert result.text == "The rest `x` here.\n"
    [issue] = result.issues
    assert (
        issue.action == PIECEWISE
        and "the page renders differently" in issue.reason
        and "<del>" in issue.reason
    )
