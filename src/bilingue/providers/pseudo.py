"""``pseudo``: a deterministic offline "translation" to exercise every path and preview layouts.

Each letter gets an accent (``a`` -> ``á``, ``e`` -> ``ë``...) and every third letter of a word
(from the first) is doubled, so the text is ~30% longer (room for a wordier language), obviously
machine-made, still readable (``Bónjöûr`` is recognisably ``Bonjour``). Mask tags ``<m1>``,
``</m1>``, ``<m2/>`` pass through untouched; digits, punctuation and spaces too, so no Markdown
syntax is ever created.
"""

from __future__ import annotations

import re

from bilingue.providers.base import OfflineProvider


class PseudoProvider(OfflineProvider):
    """A deterministic offline "translation" (see the module docstring)."""

    name = "pseudo"

    def transform(self, text: str) -> str:
        """The pseudo-translation of ``text``."""
        return pseudo_translate(text)


def pseudo_translate(text: str) -> str:
    """The pseudo translation of one text (tags kept as they are)."""
    parts = _TAG.split(text)
    return "".join(part if _TAG.fullmatch(part) else _WORD.sub(_word, part) for part in parts)


def _word(match: re.Match[str]) -> str:
    out = []
    for position, char in enumerate(match.group(0)):
        accented = char.translate(_ACCENTS)
        out.append(accented * 2 if position % 3 == 0 else accented)
    return "".join(out)


_TAG = re.compile(r"(</?m\d+/?>)")
_WORD = re.compile(r"[^\W\d_]+")
_ACCENTS = str.maketrans("aeiouyAEIOUYcnCN", "áëîõûÿÁËÎÕÛŸçñÇÑ")
