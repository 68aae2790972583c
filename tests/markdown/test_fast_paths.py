"""The segmenter's fast paths give exactly what the plain formulation they replace gives.

Each fast path of ``bilingue.markdown`` (faster regular expressions, shortcuts for text without
tabs or carriage returns...) is checked against the straightforward code it stands for, on
generated text made of the characters that matter to it, and on hand-picked tricky cases.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingue.markdown import parse as parse_module

# What _definitions was: "^" with re.MULTILINE (tried at every offset)
_ABBR_MULTILINE = re.compile(r"^\*\[([^\]]+)\]:", re.MULTILINE)
_REF_MULTILINE = re.compile(r"^[ ]{0,3}\[([^\]^][^\]]*)\]:[ \t]*\S", re.MULTILINE)


def _definitions_multiline(body: str) -> tuple[tuple[str, ...], frozenset[str]]:
    abbreviations = tuple(match.group(1) for match in _ABBR_MULTILINE.finditer(body))
    labels = (match.group(1) for match in _REF_MULTILINE.finditer(body))
    references = frozenset(" ".join(label.split()).lower() for label in labels)
    return abbreviations, references


DEFINITION_TEXT = st.text(alphabet=st.sampled_from(list("*[]^: \t\n\rab-")), max_size=60)


@pytest.mark.parametrize(
    "body",
    [
        "",
        "*[ONU]: Organisation\n[ref]: https://x\n",
        "[a]: x\n*[B]: y",  # at the very start, no newline at the end
        "text\n   [three spaces]: u\n    [four]: u\n",
        "[multi\nline label]: u\n[^note]: not a reference\n[]: empty\n",
        "*[a]:*[b]: c\n[x]:\n[y]: \t z\n",  # a definition right after another on one line; no value
        "\r\n*[CR]: x\r\n[crlf]: u\r\n",
        "\n\n\n[after blanks]: u",
    ],
)
def test_definitions_as_with_multiline_anchors(body: str) -> None:
    assert parse_module._definitions(body) == _definitions_multiline(body)


@settings(max_examples=400, deadline=None)
@given(DEFINITION_TEXT)
def test_definitions_as_with_multiline_anchors_generated(body: str) -> None:
    assert parse_module._definitions(body) == _definitions_multiline(body)
