"""The essay header's place: after the page's first level-1 heading."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bilingue.essay_header import _opening_title_end, _title_end, insert_after_title
from bilingue.markdown import kinds, parse_document

LINES = [
    "# Titre\n",
    "Titre\n",
    "=====\n",
    "\n",
    "```\n",
    "# dans du code\n",
    "Un paragraphe.\n",
    "| a | b |\n",
    "|---|---|\n",
    "# A | B\n",
    "## Sous-titre\n",
    "<div>\n",
    "</div>\n",
    "    # indenté\n",
    "> # cité\n",
    "- # liste\n",
    "#etiquette\n",
    "!!! note\n",
    "<!--\n",
    "-->\n",
    "~~~\n",
    "-----\n",
    "  \n",
    "# Titre { #ancre }\n",
    "# Titre\r\n",
    "# Ti\u2028tre\n",
    "\x0c\n",
    "# ",
]


def reference(markdown: str, block: str) -> str:
    """Where the header goes according to the whole page's Markdown model."""
    lines = markdown.splitlines(keepends=True)
    for item in parse_document(markdown).blocks:
        if item.kind == kinds.HEADING and item.meta.get("level") == 1:
            head, tail = "".join(lines[: item.end_line]), "".join(lines[item.end_line :])
            return f"{head.rstrip()}\n\n{block}\n\n{tail.lstrip()}"
    return f"{block}\n\n{markdown}"


def test_the_header_goes_under_the_title():
    assert insert_after_title("# Titre\n\nTexte.\n", "DATE") == "# Titre\n\nDATE\n\nTexte.\n"
    assert insert_after_title("Texte.\n", "DATE") == "DATE\n\nTexte.\n"
    fenced = "```\n# pas un titre\n```\n\n# Titre\n\nTexte.\n"
    assert insert_after_title(fenced, "DATE") == "```\n# pas un titre\n```\n\n# Titre\n\nDATE\n\nTexte.\n"


@given(st.lists(st.sampled_from(LINES), max_size=10))
def test_reading_only_the_opening_title_finds_what_the_whole_page_would(lines):
    markdown = "".join(lines)
    assert insert_after_title(markdown, "DATE") == reference(markdown, "DATE")


@given(st.lists(st.sampled_from(LINES), max_size=6))
def test_the_opening_title_found_without_the_model_is_where_the_model_puts_it(lines):
    markdown = "".join(lines)
    end = _opening_title_end(markdown)
    if end is not None:  # the model is asked only when the page does not open with a lone title
        lines = markdown.splitlines(keepends=True)
        assert end == len("".join(lines[: _title_end(markdown, lines)]))


def test_an_essay_opening_with_its_title_is_not_parsed():
    assert _opening_title_end("\n# Titre { #t }\n\nTexte.\n") == len("\n# Titre { #t }\n")
    assert _opening_title_end("# Titre\n") == len("# Titre\n")
    for other in ("# Titre\nsuite\n", "Texte\n", "#Titre\n\n", "# Titre\r\n\n", "", "\n"):
        assert _opening_title_end(other) is None
