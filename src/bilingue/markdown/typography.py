"""French -> English typography on translated prose, never inside protected pieces.

Applied to the masked string (prose runs between ``<mN>`` tags), so code, URLs, HTML and every
other protected piece are out of reach by construction.

- guillemets ``« mot »`` (with any space, non-breaking or thin) -> ``“mot”``; ``‹ ›`` -> ``‘ ’``;
- no space (ordinary, non-breaking U+00A0, narrow no-break U+202F, thin U+2009) before ``; : ! ?``,
  after a word or after a protected piece (inline code, emphasis, a link...), except before ``:``
  after a piece that ends with ``:`` (``:smile: :`` must not become the shortcode ``:smile::``);
- apostrophes: spaces that services put around them are removed (``don 't``, ``l' humanité``)
  and their style follows the French source (typographic ``’`` if the source used it, else ``'``).
"""

from __future__ import annotations

import re

from bilingue.markdown.inline import ATTR_LIST
from bilingue.markdown.mask import TOKEN, Masked


def english_typography(masked_text: str, source_text: str = "", masked: Masked | None = None) -> str:
    """Apply the pass to a masked translated string; ``source_text`` picks the apostrophe style.

    ``masked`` (what was sent) tells which tag stands for which piece; without it a space before
    ``:`` right after a tag is kept (the piece might end with ``:``).
    """
    curly = source_text.count("’") > source_text.count("'")
    parts = TOKEN.split(masked_text)
    for number in range(0, len(parts), 4):
        run = parts[number]
        parts[number] = _fix_run(run, curly)
        token = "<{}m{}{}>".format(*parts[number - 3 : number]) if number else ""
        if number and _colon_may_follow(masked, token):
            parts[number] = _SPACE_AT_START.sub("", parts[number])
        following = "<{}m{}{}>".format(*parts[number + 1 : number + 4]) if number + 3 < len(parts) else ""
        if run[-1:].isspace() and not parts[number][-1:].isspace() and _needs_space_before(masked, following):
            parts[number] += " "  # `Titre « { #id }`: attr_list reads `{...}` only after a space
    out: list[str] = []
    for number in range(0, len(parts), 4):
        out.append(parts[number])
        if number + 3 < len(parts):
            out.append("<" + parts[number + 1] + "m" + parts[number + 2] + parts[number + 3] + ">")
    return "".join(out)


def _colon_may_follow(masked: Masked | None, token: str) -> bool:
    """Can a ``:`` sit right after this tag's piece without changing its syntax?"""
    if masked is None or token not in masked.tokens:
        return False
    return not masked.tokens[token].text.endswith(":")


def _needs_space_before(masked: Masked | None, token: str) -> bool:
    """Is this tag's piece an attribute list (which needs the space before it)?"""
    return masked is not None and token in masked.tokens and masked.tokens[token].kind == ATTR_LIST


def _fix_run(run: str, curly: bool) -> str:
    if not run:
        return run
    run = _OPEN_GUILLEMET.sub("“", run)
    run = _CLOSE_GUILLEMET.sub("”", run)
    run = _OPEN_SINGLE.sub("‘", run)
    run = _CLOSE_SINGLE.sub("’", run)
    run = _SPACE_BEFORE_PUNCT.sub("", run)
    run = _SPACED_CONTRACTION.sub(r"\1\2\3", run)
    run = _SPACED_ELISION.sub(r"\1\2\3", run)
    run = _STRAIGHT_APOSTROPHE.sub("’", run) if curly else _CURLY_APOSTROPHE.sub("'", run)
    return run


_SPACES = "[ \u00a0\u202f\u2009]"
_OPEN_GUILLEMET = re.compile(f"«{_SPACES}*")
_CLOSE_GUILLEMET = re.compile(f"{_SPACES}*»")
_OPEN_SINGLE = re.compile(f"‹{_SPACES}*")
_CLOSE_SINGLE = re.compile(f"{_SPACES}*›")
# after a word, or right after a tag for ; ! ? (not ":": `:smile: :` would become `:smile::`)
_SPACE_BEFORE_PUNCT = re.compile(f"(?<=\\S){_SPACES}+(?=[;:!?])|^{_SPACES}+(?=[;!?])")
_SPACE_AT_START = re.compile(f"^{_SPACES}+(?=:)")
_SPACED_CONTRACTION = re.compile(r"(\w) ?(['’]) ?(s|t|re|ve|ll|d|m)\b(?! ?\w*['’])")
_SPACED_ELISION = re.compile(r"\b([lLdDjJmMnNsStTcC]|[Qq]u)(['’]) (\w)")
_STRAIGHT_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_CURLY_APOSTROPHE = re.compile(r"(?<=\w)’(?=\w)")
