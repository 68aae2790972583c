"""French prose for the Hypothesis tests (test_properties, test_fuzz): each names its own words
and inline constructs, and draws phrases and lines of prose the same way."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from hypothesis import strategies as st


def prose_strategies(words: Sequence[str], constructs: Sequence[str]) -> tuple[Callable, Callable]:
    """``phrase(min_words, max_words)`` and ``inline()`` strategies over ``words``; a construct is
    a format string with ``{w}`` (some words) and ``{n}`` (a digit)."""

    @st.composite
    def phrase(draw, min_words=1, max_words=6) -> str:
        """French words; a phrase starts with a word, as prose does (not with ":" or "»")."""
        first = draw(st.sampled_from([word for word in words if word[0].isalnum()]))
        rest = draw(st.lists(st.sampled_from(words), min_size=min_words - 1, max_size=max_words - 1))
        return " ".join([first, *rest])

    @st.composite
    def inline(draw) -> str:
        """A line of prose with up to three inline constructs."""
        parts = [draw(phrase())]
        for _ in range(draw(st.integers(0, 3))):
            text = draw(phrase(1, 3)).replace("«", "").replace("»", "").strip() or "mot"
            construct = draw(st.sampled_from(constructs))
            parts.append(construct.format(w=text, n=draw(st.integers(0, 9))))
            parts.append(draw(phrase()))
        return " ".join(parts)

    return phrase, inline
