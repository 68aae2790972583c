"""One provider at work: cut, pack, send (politely, with retries), split, check.

``ProviderEngine.translate`` takes distinct texts and returns which were accepted and why the
others were not. Packs that come back with damaged separators are halved and sent again, down to
one text per request. A text rejected by the sanity checks inside a pack is sent once more on its
own (unless the whole pack was rejected: then the service is at fault); rejected again, it is
left for the next provider of the chain. When a provider fails for good (bad key, quota, retry
budget spent, 429 that will not stop), it is switched off for the rest of the run so the
remaining texts go straight to the next provider.

A call that leaves early (Ctrl-C, a save that fails, an error raised by a worker) sets its
cancel event, which every worker checks before each request and waits on instead of sleeping,
then waits for the workers to return: when ``translate`` returns or raises, no request of that
call is in flight or will be sent (at worst it waits for the requests already on the wire, each
bounded by the timeouts).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass

from bilingue.providers.backend import Backend, Limits
from bilingue.providers.failures import ProviderError, TransientError
from bilingue.providers.packing import join_pack, make_packs, split_long, split_pack
from bilingue.providers.resilience import (
    Cancelled,
    CircuitBreaker,
    RateLimiter,
    RetryBudget,
    call_with_retries,
)
from bilingue.providers.sanity import ExtraCheck, rejection
from bilingue.providers.settings import ProviderSettings

#: texts per joined pack at most: a damaged answer then costs at most this many re-sends
MAX_JOINED = 100


@dataclass
class ProviderStats:
    requests: int = 0  # HTTP requests sent, retries included
    characters: int = 0  # characters sent, separators and retries included
    retries: int = 0
    rejected: int = 0  # answers refused by the sanity checks
    split_mismatches: int = 0  # packs whose separators came back damaged
    translated: int = 0  # distinct texts accepted from this provider


@dataclass(frozen=True)
class _Job:
    """What one ``translate`` call asks of every pack."""

    source: str
    target: str
    extra: ExtraCheck | None
    #: set when the call leaves early: its workers send nothing more
    cancel: threading.Event


@dataclass(frozen=True)
class _Unit:
    text_index: int
    piece_index: int
    text: str
    whole: bool  # False for the pieces of a text cut because it was too long


def plan(texts: Sequence[str], limits: Limits) -> tuple[list[_Unit], list[list[str]], list[list[int]]]:
    """Cut ``texts`` to the provider's size and group the pieces into requests.

    Returns the pieces (units), the whitespace to rejoin each text's pieces, and the packs
    (lists of unit indices, one request each before any retry or re-split).
    """
    units, joins = [], []
    for index, text in enumerate(texts):
        pieces, glue = split_long(text, limits.max_chars, limits.measure)
        joins.append(glue)
        units.extend(_Unit(index, number, piece, len(pieces) == 1) for number, piece in enumerate(pieces))
    per_pack = MAX_JOINED if limits.joined else limits.max_items
    packs = make_packs(
        [unit.text for unit in units], limits.max_chars, per_pack, limits.measure, limits.joined
    )
    return units, joins, packs


def payload_size(texts: Sequence[str], limits: Limits) -> int:
    """Characters one request carrying ``texts`` sends (separators included when joined)."""
    if limits.joined and len(texts) > 1:
        return len(join_pack(texts))
    return sum(len(text) for text in texts)


class ProviderEngine:
    def __init__(self, backend: Backend, settings: ProviderSettings, budget: RetryBudget):
        self.backend = backend
        self.name = backend.name
        self.settings = settings
        self.budget = budget
        self.limiter = RateLimiter(settings.rate_limit(backend.name))
        self.breaker = CircuitBreaker(settings.breaker_threshold)
        self.stats = ProviderStats()
        #: why the provider is unusable for the rest of the run, once it is
        self.disabled: str | None = None
        self._lock = threading.Lock()

    def translate(
        self,
        texts: Sequence[str],
        source: str,
        target: str,
        extra: ExtraCheck | None,
        on_batch: Callable[[dict[int, str]], None],
    ) -> dict[int, str]:
        """Translate ``texts``; return {index: reason} for the ones not accepted.

        ``on_batch({index: translation})`` is called (in this thread) after each request's
        worth of accepted texts, so the caller can save them at once.
        """
        units, joins, packs = plan(texts, self.backend.limits)
        pieces_done: dict[int, dict[int, str]] = {}
        failed: dict[int, str] = {}
        job = _Job(source, target, extra, threading.Event())
        pool = ThreadPoolExecutor(
            max_workers=self.settings.concurrency, thread_name_prefix=f"bilingue-{self.name}"
        )
        try:
            futures = [pool.submit(self._run_pack, [units[i] for i in pack], job) for pack in packs]
            for future in as_completed(futures):
                accepted: dict[int, str] = {}
                for unit, translation, reason in future.result():
                    if translation is None:
                        failed.setdefault(unit.text_index, reason)
                        continue
                    done = pieces_done.setdefault(unit.text_index, {})
                    done[unit.piece_index] = translation
                    whole = self._assemble(unit.text_index, texts, joins, done, failed, job)
                    if whole is not None:
                        accepted[unit.text_index] = whole
                if accepted:
                    with self._lock:
                        self.stats.translated += len(accepted)
                    on_batch(accepted)
        except BaseException:
            # Ctrl-C, a failed save or a worker's error: send nothing more (finished packs are
            # already saved). Queued packs are dropped; running ones see the event at their
            # next request or wait and return, and are waited for so that none outlives the call
            job.cancel.set()
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown()
        return failed

    def _assemble(
        self,
        index: int,
        texts: Sequence[str],
        joins: list[list[str]],
        done: dict[int, str],
        failed: dict[int, str],
        job: _Job,
    ) -> str | None:
        """The whole translation of text ``index`` once all its pieces are in, else None."""
        glue = joins[index]
        if index in failed or len(done) < len(glue) + 1:
            return None
        whole = done[0] + "".join(space + done[k + 1] for k, space in enumerate(glue))
        if glue:  # a text cut in pieces: the caller's check applies to the whole
            reason = rejection(texts[index], whole, job.source, job.target, self.settings, job.extra)
            if reason:
                failed[index] = f"{self.name}: {reason}"
                return None
        return whole

    def _run_pack(self, units: list[_Unit], job: _Job, alone: bool = False):
        """[(unit, translation or None, reason)] for one pack; sends 1 request or more.

        Raises ``Cancelled`` once the call has left early (nobody reads the result then).
        """
        if job.cancel.is_set():
            raise Cancelled(self.name)
        if self.disabled:
            return [(unit, None, self.disabled) for unit in units]
        source, target, extra = job.source, job.target, job.extra
        try:
            answers = self._send([unit.text for unit in units], source, target, job.cancel)
        except ProviderError as error:
            if error.status in (413, 414) and len(units) > 1:  # request too large: halve it
                half = len(units) // 2
                return self._run_pack(units[:half], job) + self._run_pack(units[half:], job)
            if error.disables_provider:
                self.disabled = str(error)
            return [(unit, None, str(error)) for unit in units]
        if answers is None:  # damaged separators: smaller packs
            with self._lock:
                self.stats.split_mismatches += 1
            half = len(units) // 2
            return self._run_pack(units[:half], job) + self._run_pack(units[half:], job)
        reasons = [
            rejection(unit.text, answer, source, target, self.settings, extra if unit.whole else None)
            for unit, answer in zip(units, answers, strict=True)
        ]
        with self._lock:
            self.stats.rejected += sum(reason is not None for reason in reasons)
        # some accepted, some not: the pack confused the service, try those alone once;
        # all rejected: the service itself is at fault (echo...), leave them to the next one
        retry_alone = len(units) > 1 and not alone and None in reasons
        results = []
        for unit, answer, reason in zip(units, answers, reasons, strict=True):
            if reason is None:
                results.append((unit, answer, ""))
            elif retry_alone:
                results.extend(self._run_pack([unit], job, alone=True))
            else:
                results.append((unit, None, f"{self.name}: {reason}"))
        return results

    def _send(self, texts: list[str], source: str, target: str, cancel: threading.Event) -> list[str] | None:
        """Answers for ``texts`` (retries included), or None when a pack's split failed."""
        joined = self.backend.limits.joined and len(texts) > 1
        payload = [join_pack(texts)] if joined else texts
        attempts = 0

        def request() -> list[str | None]:
            nonlocal attempts
            attempts += 1
            with self._lock:
                self.stats.requests += 1
                self.stats.characters += payload_size(texts, self.backend.limits)
            answers = self.backend.request(payload, source, target)
            if any(not isinstance(answer, str) or not answer.strip() for answer in answers):
                raise TransientError(self.name, "empty answer")
            return answers

        try:
            answers = call_with_retries(
                request,
                provider=self.name,
                limiter=self.limiter,
                budget=self.budget,
                settings=self.settings,
                cancel=cancel,
                breaker=self.breaker,
            )
        finally:
            with self._lock:
                self.stats.retries += max(0, attempts - 1)
        if joined:
            return split_pack(answers[0], len(texts))
        return answers
