"""French -> English typography on translated prose, never inside protected pieces.

Applied to the masked string (prose runs between ``<mN>`` tags), so code, URLs, HTML and every
other protected piece are out of reach by construction.

- guillemets ``« mot »`` (with any space, non-breaking or thin) -> ``“mot”``; ``‹ ›`` -> ``‘ ’``;
- no space (ordinary, non-breaking U+00A0, narrow no-break U+202F, thin U+2009) before ``; : ! ?``
  (before ``:`` only after a word: after a protected piece it may be part of its syntax);
- apostrophes: spaces that services put around them are removed (``don 't``, ``l' humanité``)
  and their style follows the French source (typographic ``’`` if the source used it, else ``'``).
"""

from __future__ import annotations

import re

from bilingue.markdown.mask import TOKEN


def english_typography(masked_text: str, source_text: str = "") -> str:
    """Apply the pass to a masked translated string; ``source_text`` picks the apostrophe style."""
    curly = source_text.count("’") > source_text.count("'")
    parts = TOKEN.split(masked_text)
    for number in range(0, len(parts), 4):
        parts[number] = _fix_run(parts[number], curly)
    out: list[str] = []
    for number in range(0, len(parts), 4):
        out.append(parts[number])
        if number + 3 < len(parts):
            out.append("<" + parts[number + 1] + "m" + parts[number + 2] + parts[number + 3] + ">")
    return "".join(out)


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
_SPACED_CONTRACTION = re.compile(r"(\w) ?(['’]) ?(s|t|re|ve|ll|d|m)\b(?! ?\w*['’])")
_SPACED_ELISION = re.compile(r"\b([lLdDjJmMnNsStTcC]|[Qq]u)(['’]) (\w)")
_STRAIGHT_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_CURLY_APOSTROPHE = re.compile(r"(?<=\w)’(?=\w)")
