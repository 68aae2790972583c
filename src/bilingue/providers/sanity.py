"""Is this answer a translation? Checks run on every text before it is accepted or cached.

Rejected: no answer (empty, None), the input echoed back, an answer still in the source language,
an answer much shorter (truncated) or much longer than the input, and whatever the caller's own
check refuses (the Markdown layer passes "mask tokens intact"). Each check returns a reason.

Language identification uses py3langid (a maintained fork of langid.py): its model ships inside
the wheel, it runs offline, is deterministic, and classifies a paragraph in well under a
millisecond. It is asked only "source or target language?" and only about texts long enough to
judge; short texts ("Introduction", names) pass, as they may rightly come back unchanged.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable

from bilingue.providers.settings import ProviderSettings

#: caller's extra check: (source text, translation) -> None/True if fine, a reason or False if not
ExtraCheck = Callable[[str, str], "str | bool | None"]


def rejection(
    source: str,
    output: object,
    source_lang: str,
    target_lang: str,
    settings: ProviderSettings,
    extra: ExtraCheck | None = None,
) -> str | None:
    """Why ``output`` is not an acceptable translation of ``source``, or None if it is."""
    if not isinstance(output, str) or not output.strip():
        return "empty answer"
    # an identical answer is an echo only for prose: a list of names may rightly come back as is
    if (
        _normalized(output) == _normalized(source)
        and _words(source) >= settings.echo_min_words
        and _is_prose(source, source_lang)
    ):
        return "the service returned the input unchanged (echo)"
    if len(source.strip()) >= 40:
        ratio = len(output.strip()) / len(source.strip())
        if ratio < settings.min_length_ratio:
            return f"answer looks truncated ({ratio:.0%} of the input length)"
        if ratio > settings.max_length_ratio:
            return f"answer is {ratio:.1f} times longer than the input"
    if (
        settings.language_check
        and source_lang != target_lang
        and _letters(output) >= settings.language_min_letters
        and still_in_source_language(source, output, source_lang, target_lang)
    ):
        return f"answer is still in the source language ({source_lang})"
    if extra is not None:
        verdict = extra(source, output)
        if verdict is False:
            return "rejected by the caller's check"
        if isinstance(verdict, str) and verdict:
            return verdict
    return None


def still_in_source_language(
    source: str, output: str, source_lang: str, target_lang: str, confidence: float = 0.9
) -> bool:
    """True when ``output`` reads as ``source_lang`` (and the source did too).

    For French, the answer must also be made of French function words ("le", "que", "est"...),
    not only of French names: "Rivière-Ouelle, Kamouraska and Saint-Pacôme" is a fine English
    answer that the language identifier alone would call French.
    """
    if not _is_prose(output, source_lang):
        return False
    identify = _identifier(source_lang, target_lang)
    language, probability = identify(output)
    if language != source_lang or probability < confidence:
        return False
    # a "French" source that is really a name list or an English quote may come back as is
    source_language, _ = identify(source)
    return source_language == source_lang


def _identifier(source_lang: str, target_lang: str) -> Callable[[str], tuple[str, float]]:
    model = _model()
    languages = sorted({source_lang, target_lang})

    def identify(text: str) -> tuple[str, float]:
        with _lock:  # set_languages mutates the shared model
            model.set_languages(languages)
            language, probability = model.classify(text)
        return language, float(probability)

    return identify


@functools.cache
def _model():
    # loading takes about a second: once per process, on first use
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _is_prose(text: str, language: str) -> bool:
    """False for a list of names in ``language``: too few of its function words."""
    function_words = _FUNCTION_WORDS.get(language)
    if function_words is None:
        return True
    words = [word.casefold() for word in _TOKEN.findall(text)]
    return sum(word in function_words for word in words) >= 0.15 * max(1, len(words))


def _normalized(text: str) -> str:
    return " ".join(text.casefold().split())


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _letters(text: str) -> int:
    return sum(1 for char in text if char.isalpha())


#: words in which a text in that language is made (names are not)
_FRENCH_FUNCTION_WORDS = (
    "le la les un une des du de et est que qui ne pas pour dans sur au aux ce cette ces il "
    "elle ils elles nous vous on se sa son ses leur leurs mais ou donc car avec par plus en "
    "y été être avait sont était a à ont comme tout très sans"
)
_FUNCTION_WORDS = {"fr": frozenset(_FRENCH_FUNCTION_WORDS.split())}
# hyphenated names and elided forms are one token ("Sainte-Anne-de-la-Pocatière", "l'examen")
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_WORD = re.compile(r"[^\W\d_]{2,}")
_lock = threading.Lock()
