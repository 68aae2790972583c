"""Conventions every hook keeps, read from the hooks' source (issue 9: hooks share no hidden keys).

A key one hook sets in ``page.meta`` and another hook or a template reads is declared once, in
``bilingue.site``: a string literal in a hook would be a second spelling nobody can grep for. Only
keys that belong to the front matter or to Material (``search``, ``tags``...) are written as strings.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bilingue import site

HOOKS = sorted((Path(__file__).resolve().parents[2] / "hooks").glob("*.py"))
#: keys the author's front matter or Material's templates define, not ours
FOREIGN_KEYS = {"description", "search", "tags", "title"}


def literal_meta_keys(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, key) of each ``<x>.meta["key"]`` and ``<x>.meta.get("key")`` with a string key."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and _is_meta(node.value):
            key = node.slice
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and _is_meta(node.func.value)
            and node.args
        ):
            key = node.args[0]
        else:
            continue
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            found.append((node.lineno, key.value))
    return found


def _is_meta(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "meta"


@pytest.mark.parametrize("hook", HOOKS, ids=lambda path: path.name)
def test_hooks_name_their_own_page_meta_keys_through_bilingue_site(hook):
    ours = [
        f"{hook.name}:{line}: page.meta[{key!r}]: use the constant of bilingue.site"
        for line, key in literal_meta_keys(ast.parse(hook.read_text(encoding="utf-8")))
        if key not in FOREIGN_KEYS
    ]
    assert ours == []


def test_the_scan_finds_a_literal_key():
    tree = ast.parse('page.meta["untranslated"] = True\nif page.meta.get("cited_sources"): pass')
    assert literal_meta_keys(tree) == [(1, "untranslated"), (2, "cited_sources")]


def test_our_keys_are_not_taken_for_foreign_ones():
    ours = {site.UNTRANSLATED, site.TRANSLATION_NOTICE, site.TRANSLATION_PROBLEMS}
    assert ours.isdisjoint(FOREIGN_KEYS)
