"""Differential fuzzing against the site's own renderer (issue 12).

A Hypothesis strategy composes French documents from every construct the site enables (lists
nested with spaces or tabs, block quotes, admonitions, details, content tabs, tables, footnotes,
HTML blocks with and without ``markdown``, attribute lists, abbreviations, math, emoji, keys,
code fenced, indented and tab-indented, ``[TOC]``, setext headings and rules, e-mails, entities,
YAML block scalars), then written with LF or CRLF line ends, with or without a byte order mark.

- identity gives every document back byte for byte;
- pseudo needs no fallback, and the English renders to the same page structure as the French
  with mkdocs.yml's Markdown configuration (the judge, ``bilingue.markdown.judge``);
- ``translate`` then ``translate --check`` passes (the never-stuck invariant).

Under CI the examples are derandomized (tests/conftest.py), so a red run means a change broke
something. A failure Hypothesis finds is shrunk to a minimal document: add it to
``REPRODUCERS`` below so it stays a regular test. ``FUZZ_RUNS`` counts the documents generated
(printed with ``-s``; the figure in guide/developers.md comes from it).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilingue.markdown.judge import judge, site_renderer
from bilingue.providers import get_provider
from bilingue.sync import find_problems, sync_paths
from bilingue.translate import TranslateOptions, translate_document
from tests.markdown.prose import prose_strategies

ROOT = Path(__file__).resolve().parents[2]
OPTIONS = TranslateOptions(glossary=("Myelin",), site_config=ROOT / "mkdocs.yml", allow_test_providers=True)
FUZZ_RUNS: Counter[str] = Counter()

WORDS = ("le", "monde", "métier", "humanité", "à", "l'ONU", "être", "façon", "Québec", "déjà", "où", "ça")
WORDS += ("Myelin", "2024", "6,6", "«", "»", "?", "!", ":", ";", "(note)", "c'est", "coût", "d'AT&T;")
INLINE = (
    "**{w}**",
    "*{w}*",
    "_{w}_",
    "`code_{n}`",
    "``a ` b``",
    "[{w}](https://exemple.org/{n})",
    '[{w}](autre.md#section "Titre {w}")',
    "![{w}](image{n}.png)",
    '![{w}](image{n}.png){{ width="{n}0" }}',
    "[^1]",
    "=={w}==",
    "++ctrl+alt+{n}++",
    ":smile:",
    "$x^{n}$",
    '<span translate="no">{w}</span>',
    '<abbr title="Un titre {w}">ABC</abbr>',
    "&amp;",
    "&T;",
    "\\*",
    "<kbd>Entrée</kbd>",
    "[{w}][ref]",
    "[ref]",
    "<https://exemple.org/{n}>",
    "contact{n}@exemple.org",
    "ONU",
)


phrase, inline = prose_strategies(WORDS, INLINE)


@st.composite
def paragraph(draw) -> str:
    lines = draw(st.lists(inline(), min_size=1, max_size=3))
    text = draw(st.sampled_from(["\n", "  \n"])).join(lines)
    if draw(st.integers(0, 5)) == 0:
        text += "\n{: .encadre }"  # attr_list's own line: the paragraph's class
    return text


def indent(body: str, unit: str) -> str:
    return "\n".join(unit + line if line else line for line in body.split("\n"))


@st.composite
def block(draw, depth=0) -> str:
    leaves = ["paragraph", "heading", "setext", "list", "quote", "fence", "indented", "table", "deflist"]
    leaves += ["rule", "math", "p-markdown"]
    # raw HTML nested in containers inside `<div markdown>` trips md_in_html (the text after it
    # becomes code): the judge keeps such a page French; the generator keeps raw HTML on top
    leaves += ["html", "summary"] if depth == 0 else []
    containers = ["admonition", "details", "tabs", "div", "list-nested"] if depth < 2 else []
    containers += ["footnote"] if depth == 0 else []  # definitions live at the top of a page
    kind = draw(st.sampled_from(leaves + containers))
    unit = draw(st.sampled_from(["    ", "\t"]))  # Python-Markdown: a tab is 4 columns
    if kind == "paragraph":
        return draw(paragraph())
    if kind == "heading":
        attr = draw(st.sampled_from(["", " { #ancre-" + str(depth) + " }", " { .classe }"]))
        return "#" * draw(st.integers(1, 6)) + " " + draw(inline()) + attr
    if kind == "setext":
        return draw(phrase()) + "\n" + draw(st.sampled_from(["===", "---"]))
    if kind == "rule":
        return draw(paragraph()) + "\n" + draw(st.sampled_from(["---", "***", "- - -"]))
    if kind == "list":
        marker = draw(st.sampled_from(["- ", "1. ", "- [ ] ", "- [x] ", "* "]))
        items = [marker + draw(inline()) for _ in range(draw(st.integers(1, 3)))]
        if draw(st.booleans()):
            items.append(unit + "- " + draw(inline()))
        return "\n".join(items)
    if kind == "list-nested":
        inner = draw(block(depth + 1))
        return f"- {draw(inline())}\n\n{indent(inner, unit)}\n\n- {draw(inline())}"
    if kind == "quote":
        inner = draw(st.one_of(paragraph(), block(depth + 1))) if depth < 2 else draw(paragraph())
        return "\n".join(("> " + line).rstrip() for line in inner.split("\n"))
    if kind == "fence":
        fence = draw(st.sampled_from(["```", "~~~", "````"]))
        title = draw(st.sampled_from(["", ' title="Un exemple"']))
        return f"{fence}python{title}\n# {draw(phrase())}\nprint('bonjour')\n{fence}"
    if kind == "indented":
        return "Du code :\n\n" + indent(f"# {draw(phrase())}\nprint('x')", unit)
    if kind == "table":
        rows = [f"| {draw(phrase(1, 3))} | `a|b` {draw(phrase(1, 2))} |" for _ in range(2)]
        return "| Nom | Valeur |\n|-----|-------:|\n" + "\n".join(rows)
    if kind == "deflist":
        return draw(phrase(1, 3)).replace(":", "") + "\n:   " + draw(inline())
    if kind == "math":
        return draw(st.sampled_from(["$$\n\\frac{a}{b}\n$$", "\\[\nx^2\n\\]"]))
    if kind == "html":
        return f'<div class="brut">\n  <p title="{draw(phrase(1, 2))}">{draw(phrase())}</p>\n</div>'
    if kind == "summary":
        return f"<details markdown>\n<summary>{draw(phrase())}</summary>\n\n{draw(paragraph())}\n</details>"
    if kind == "p-markdown":
        return f"<p markdown>{draw(inline())}</p>"
    body = "\n\n".join(draw(st.lists(block(depth + 1), min_size=1, max_size=2)))
    if kind == "admonition":
        title = draw(phrase(1, 3)).replace('"', "")
        return f'{draw(st.sampled_from(["!!! note", "!!! warning"]))} "{title}"\n{indent(body, unit)}'
    if kind == "details":
        return (
            f'{draw(st.sampled_from(["??? tip", "???+ info"]))} "{draw(phrase(1, 2))}"\n{indent(body, unit)}'
        )
    if kind == "tabs":
        return f'=== "{draw(phrase(1, 2))}"\n{indent(body, unit)}\n\n=== "Deux"\n{unit}{draw(inline())}'
    if kind == "footnote":
        return f"[^n{depth}]: {draw(inline())}\n\n{indent(draw(paragraph()), unit)}"
    return f"<div markdown>\n\n{body}\n\n</div>"


@st.composite
def front_matter(draw) -> str:
    style = draw(st.sampled_from(["plain", "quoted", "literal", "folded", "none"]))
    if style == "none":
        return ""
    summary = {
        "plain": f"summary: {draw(phrase(1, 4)).replace(':', '')}",
        "quoted": f'summary: "{draw(phrase(1, 4))}"',
        "literal": f"summary: |\n  {draw(phrase())}\n  {draw(phrase())}",
        "folded": f"summary: >-\n  {draw(phrase())}\n  {draw(phrase())}\n\n  {draw(phrase())}",
    }[style]
    return f"---\ntitle: Un essai\ndate: 2024-01-01\n{summary}\n---\n\n"


@st.composite
def document(draw) -> str:
    blocks = draw(st.lists(block(), min_size=1, max_size=5))
    if draw(st.integers(0, 4)) == 0:
        blocks.insert(0, "[TOC]")
    text = (
        draw(front_matter())
        + "\n\n".join(blocks)
        + "\n\n[^1]: Une note de bas de page.\n\n"
        + '[ref]: https://exemple.org/ref\n    "Le titre"\n\n*[ONU]: Organisation des Nations unies\n'
    )
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    if draw(st.integers(0, 3)) == 0:
        text = "\ufeff" + text
    FUZZ_RUNS["documents"] += 1
    return text


@pytest.fixture(scope="module")
def renderer():
    return site_renderer(OPTIONS.site_config)


FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(document())
def test_identity_translation_is_byte_identical(text):
    result = translate_document(text, get_provider("identity"), options=OPTIONS)
    assert result.text == text
    assert result.issues == []


@FUZZ
@given(text=document())
def test_pseudo_translation_renders_the_same_page(renderer, text):
    result = translate_document(text, get_provider("pseudo"), options=OPTIONS)
    assert [issue.describe() for issue in result.issues] == []
    assert judge(renderer, text, result.text) is None


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=document())
def test_translate_then_check_passes(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "essai.md").write_bytes(text.encode("utf-8"))
    run = sync_paths([folder], lambda: get_provider("pseudo"), OPTIONS)
    assert not run.failed, run.failed[0].messages
    assert not find_problems([folder], OPTIONS), find_problems([folder], OPTIONS).lines()
    assert (folder / "essai.en.md").read_bytes().startswith(b"\xef\xbb\xbf") == text.startswith("\ufeff")


# Minimal documents Hypothesis shrank failures to, kept as regular tests.
REPRODUCERS = [
    "Un\ndeux\n---\n",
    "- un\n\t- deux\n",
    "Texte.\n{: .x }\n",
    "\ufeff---\ntitle: Un essai\n---\n\nle monde\r\n",
    "# le « { #ancre-0 }\n",  # the space before an attribute list survives the typography pass
    "# le _l'ONU_ le\n\n*[ONU]: Organisation des Nations unies\n",  # an abbreviation inside emphasis
    "# le contact0@exemple.org le\n",  # an e-mail address counts in the heading's id
    "> Du code :\n>\n> \t# le\n> \tprint('x')\n",  # a block's prose is judged alone as inline text
]


@pytest.mark.parametrize("text", REPRODUCERS)
def test_reproducers(renderer, text):
    assert translate_document(text, get_provider("identity"), options=OPTIONS).text == text
    result = translate_document(text, get_provider("pseudo"), options=OPTIONS)
    assert result.issues == [] and judge(renderer, text, result.text) is None
