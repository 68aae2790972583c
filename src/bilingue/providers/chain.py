"""The provider the rest of the program uses: a fallback chain with a cache in front.

``TranslationChain`` implements ``bilingue.providers.base.Provider``. For each call:

1. outer whitespace is set aside and put back afterwards; a text without any letter (numbers,
   emoji, only mask tokens) is returned as it is (provider ``"unchanged"``), never sent;
2. identical texts are translated once;
3. texts found in the cache cost nothing (a cached translation the caller's check refuses is
   dropped and translated again);
4. the rest go to the first provider; what it could not translate (errors, rejected answers)
   goes to the next one, and so on;
5. accepted translations are cached after every request's worth of results.

Which provider translated what: ``translate_outcomes`` returns one ``Outcome`` per text
(translation or None, provider name, from_cache, error); ``translate_texts`` returns plain
strings, keeps the same outcomes in ``last_outcomes`` (so ``chain.last_outcomes[i].provider`` is
what the lock file records for text i), and raises ``UntranslatedError`` (carrying the outcomes)
if any text could not be translated. ``stats`` counts requests and characters per provider.

One chain object is one run: the retry budget is shared by all its calls.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bilingue.providers.backend import Backend
from bilingue.providers.cache import CachedTranslation, TranslationCache
from bilingue.providers.engine import ProviderEngine, ProviderStats
from bilingue.providers.failures import UntranslatedError
from bilingue.providers.outcome import UNCHANGED, Outcome
from bilingue.providers.resilience import RetryBudget
from bilingue.providers.sanity import ExtraCheck
from bilingue.providers.settings import ProviderSettings


class TranslationChain:
    def __init__(
        self, backends: Sequence[Backend], settings: ProviderSettings, cache_dir: Path | str | None = None
    ):
        if not backends:
            raise ValueError("a chain needs at least one provider")
        self.settings = settings
        self.budget = RetryBudget(settings.retry_budget)
        self.engines = [ProviderEngine(backend, settings, self.budget) for backend in backends]
        #: e.g. "google>mymemory"
        self.name = ">".join(engine.name for engine in self.engines)
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self.last_outcomes: list[Outcome] = []
        self.cache_hits = 0
        self._caches: dict[tuple[str, str], TranslationCache] = {}

    @property
    def stats(self) -> dict[str, ProviderStats]:
        return {engine.name: engine.stats for engine in self.engines}

    @property
    def requests(self) -> int:
        return sum(engine.stats.requests for engine in self.engines)

    def translate_texts(
        self, texts: Sequence[str], source: str, target: str, *, check: ExtraCheck | None = None
    ) -> list[str]:
        """Provider interface: translations in order, or ``UntranslatedError``."""
        outcomes = self.translate_outcomes(texts, source, target, check=check)
        if any(outcome.translation is None for outcome in outcomes):
            raise UntranslatedError(outcomes)
        return [outcome.translation for outcome in outcomes]

    def translate_outcomes(
        self, texts: Sequence[str], source: str, target: str, *, check: ExtraCheck | None = None
    ) -> list[Outcome]:
        """One ``Outcome`` per text; failures are reported in it, not raised."""
        cores = [text.strip() for text in texts]
        results: dict[str, tuple[str, str, bool]] = {}  # core -> (translation, provider, cached)
        errors: dict[str, list[str]] = {}
        cache = self.cache_for(source, target)
        pending: list[str] = []
        for core in dict.fromkeys(cores):
            if not any(char.isalpha() for char in core):
                results[core] = (core, UNCHANGED, False)
            elif (
                cache is not None
                and (hit := cache.get(core)) is not None
                and _still_good(cache, core, hit, check)
            ):
                results[core] = (hit.text, hit.provider, True)
                self.cache_hits += 1
            else:
                pending.append(core)

        for engine in self.engines:
            if not pending:
                break

            def save(batch: dict[int, str], engine=engine, batch_texts=pending) -> None:
                for index, translation in batch.items():
                    results[batch_texts[index]] = (translation, engine.name, False)
                    if cache is not None:
                        cache.put(batch_texts[index], translation, engine.name)
                if cache is not None:
                    cache.flush()

            failed = engine.translate(pending, source, target, check, save)
            for index, reason in failed.items():
                errors.setdefault(pending[index], []).append(reason)
            pending = [core for core in pending if core not in results]

        self.last_outcomes = [
            self._outcome(text, core, results.get(core), errors.get(core, []))
            for text, core in zip(texts, cores, strict=True)
        ]
        return self.last_outcomes

    @property
    def providers_used(self) -> list[str | None]:
        """Provider name per text of the last call (None where untranslated)."""
        return [outcome.provider for outcome in self.last_outcomes]

    def _outcome(self, text: str, core: str, result, reasons: list[str]) -> Outcome:
        if result is None:
            return Outcome(text, None, None, error="; ".join(reasons) or "not translated")
        translation, provider, cached = result
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        return Outcome(text, lead + translation + trail, provider, from_cache=cached)

    def cache_for(self, source: str, target: str) -> TranslationCache | None:
        if self.cache_dir is None:
            return None
        if (source, target) not in self._caches:
            self._caches[source, target] = TranslationCache(self.cache_dir, source, target)
        return self._caches[source, target]


def _still_good(cache: TranslationCache, core: str, hit: CachedTranslation, check: ExtraCheck | None) -> bool:
    """A cached translation passes the caller's check again (the cache may be shared, old, or
    edited by hand): one that fails is dropped, with a warning, and translated anew."""
    verdict = check(core, hit.text) if check is not None else None
    if verdict is None or verdict is True:
        return True
    cache.discard(core, verdict if isinstance(verdict, str) else "rejected by the caller's check")
    return False
