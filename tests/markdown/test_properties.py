"""Property-based: documents generated from the site's constructs survive translation.

For every generated French document: the identity provider gives it back byte for byte, and the
pseudo provider gives an English document that (1) the validator finds equivalent, (2) needs no
fallback, and (3) renders with the site's Markdown configuration to the same HTML skeleton.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilingue.markdown import compare_documents, parse_document
from bilingue.providers import get_provider
from bilingue.translate import TranslateOptions, translate_document
from tests.markdown.prose import prose_strategies

OPTIONS = TranslateOptions(glossary=("Myelin", "Rivière-Ouelle"))
WORDS = (
    "le",
    "monde",
    "métier",
    "entrepreneur",
    "humanité",
    "à",
    "l'ONU",
    "être",
    "façon",
    "Québec",
    "déjà",
    "où",
    "ça",
    "Myelin",
    "Rivière-Ouelle",
    "2024",
    "6,6",
    "«",
    "»",
    "?",
    "!",
    ":",
    ";",
    "(note)",
    "c'est",
    "coût",
)


INLINE = (
    "**{w}**",
    "*{w}*",
    "`code_{n}`",
    "[{w}](https://exemple.org/{n}_(x))",
    '[{w}](../essais/autre.md#section "Titre {w}")',
    "![{w}](image{n}.png)",
    "[^1]",
    "=={w}==",
    "++ctrl+alt+{n}++",
    ":smile:",
    "$x^{n}$",
    '<span translate="no">{w}</span>',
    "&amp;",
    "\\*",
    "<kbd>Entrée</kbd>",
    "[{w}][ref]",
    "[ref]",
    "<https://exemple.org/{n}>",
)
phrase, inline = prose_strategies(WORDS, INLINE)


@st.composite
def paragraph(draw) -> str:
    lines = draw(st.lists(inline(), min_size=1, max_size=3))
    joiner = draw(st.sampled_from(["\n", "  \n"]))
    return joiner.join(lines)


@st.composite
def block(draw, depth=0) -> str:
    choices = ["paragraph", "heading", "list", "list-code", "quote", "code", "table", "deflist"]
    if depth == 0:
        choices += ["admonition", "tabs", "html", "footnote"]
    kind = draw(st.sampled_from(choices))
    if kind == "paragraph":
        return draw(paragraph())
    if kind == "heading":
        return "#" * draw(st.integers(1, 6)) + " " + draw(inline())
    if kind == "list":
        marker = draw(st.sampled_from(["- ", "1. ", "- [ ] ", "- [x] ", "* "]))
        items = [marker + draw(inline()) for _ in range(draw(st.integers(1, 3)))]
        if draw(st.booleans()):
            items.append("    - " + draw(inline()))
        return "\n".join(items)
    if kind == "list-code":
        return (
            f"- {draw(inline())}\n\n    ```text\n    {draw(phrase())}\n    ```\n\n"
            f"    {draw(inline())}\n\n- {draw(inline())}"
        )
    if kind == "footnote":
        return f"[^n{draw(st.integers(0, 99))}]: {draw(inline())}\n\n    {draw(inline())}"
    if kind == "quote":
        return "\n".join("> " + line for line in draw(paragraph()).split("\n"))
    if kind == "code":
        return "```python\n# " + draw(phrase()) + "\nprint('bonjour')\n```"
    if kind == "table":
        rows = [f"| {draw(phrase(1, 3))} | `a|b` {draw(phrase(1, 2))} |" for _ in range(2)]
        return "| Nom | Valeur |\n|-----|-------:|\n" + "\n".join(rows)
    if kind == "deflist":
        return draw(phrase(1, 3)).replace(":", "") + "\n:   " + draw(inline())
    body = "\n\n".join(draw(st.lists(block(depth + 1), min_size=1, max_size=2)))
    indented = "\n".join("    " + line if line else line for line in body.split("\n"))
    if kind == "admonition":
        marker = draw(st.sampled_from(["!!! note", "??? tip", "???+ warning"]))
        title = draw(phrase(1, 3)).replace('"', "")
        return f'{marker} "{title}"\n{indented}'
    if kind == "tabs":
        return f'=== "{draw(phrase(1, 2))}"\n{indented}\n\n=== "Deux"\n    {draw(inline())}'
    return f"<div markdown>\n\n{body}\n\n</div>"


@st.composite
def document(draw) -> str:
    front = ""
    if draw(st.booleans()):
        front = f'---\ntitle: "{draw(phrase(1, 4))}"\ndate: 2024-01-01\n---\n\n'
    blocks = draw(st.lists(block(), min_size=1, max_size=6))
    return (
        front
        + "\n\n".join(blocks)
        + (
            "\n\n[^1]: Une note de bas de page.\n\n"
            '[ref]: https://exemple.org/ref "Le titre"\n\n*[ONU]: Organisation des Nations unies\n'
        )
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document())
def test_identity_translation_is_byte_identical(text):
    assert translate_document(text, get_provider("identity"), options=OPTIONS).text == text


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(document())
def test_pseudo_translation_keeps_structure_and_rendering(site_markdown, html_skeleton, text):
    result = translate_document(text, get_provider("pseudo"), options=OPTIONS)
    assert [issue.describe() for issue in result.issues] == []
    english = parse_document(result.text, terms=OPTIONS.glossary)
    assert compare_documents(parse_document(text, terms=OPTIONS.glossary), english) == []
    assert html_skeleton(site_markdown(result.text)) == html_skeleton(site_markdown(text))
