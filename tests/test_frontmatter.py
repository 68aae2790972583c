from __future__ import annotations

import pytest

from bilingue.errors import SourceFileError
from bilingue.frontmatter import split_front_matter


def test_splits_front_matter_and_body():
    document = split_front_matter("---\ntitle: Bonjour\ndate: 2024-11-19\n---\n\n# Bonjour\n")
    assert document.meta["title"] == "Bonjour"
    assert document.body == "\n# Bonjour\n"
    assert document.body_line == 5
    assert document.front_matter == "---\ntitle: Bonjour\ndate: 2024-11-19\n---\n"


def test_text_without_front_matter_is_all_body():
    document = split_front_matter("# Titre\n\nTexte.\n")
    assert document.meta == {} and document.front_matter == "" and document.body_line == 1


def test_invalid_yaml_names_file_and_line():
    with pytest.raises(SourceFileError) as caught:
        split_front_matter("---\ntitle: ok\ntags: [a, b\n---\nTexte\n", "docs/essais/x.md")
    message = str(caught.value)
    assert message.startswith("docs/essais/x.md:")
    assert caught.value.line in (3, 4)
    assert "YAML" in message and "fix the YAML" in message


def test_front_matter_must_be_a_mapping():
    with pytest.raises(SourceFileError, match="mapping"):
        split_front_matter("---\n- a\n- b\n---\nTexte\n", "x.md")
