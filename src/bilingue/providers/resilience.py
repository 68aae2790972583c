"""Politeness and patience: rate limit with a shared pause, retries with backoff, retry budget.

``call_with_retries`` runs one request through tenacity: ``TransientError`` is retried with
exponential backoff and full jitter (random wait between 0 and ``backoff_initial * 2**n``, capped
by ``backoff_max``), never sooner than the server's Retry-After. When a service answers 429 every
worker of that provider waits (``RateLimiter.pause``), not only the one that was told. Each retry
spends one unit of the run's ``RetryBudget``; when it is gone, requests fail at once so a dead
service cannot keep a run busy for long.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from tenacity import RetryCallState, Retrying, retry_if_exception_type

from bilingue.providers.config import ProviderSettings
from bilingue.providers.errors import PermanentError, ProviderError, TransientError

T = TypeVar("T")
log = logging.getLogger(__name__)


def call_with_retries(request: Callable[[], T], *, provider: str, limiter: RateLimiter,
                      budget: RetryBudget, settings: ProviderSettings) -> T:
    """``request()`` with rate limiting and retries; raises ``ProviderError`` when it gives up."""
    gave_up = {"why": ""}

    def attempt() -> T:
        limiter.acquire()
        return request()

    def stop(state: RetryCallState) -> bool:
        error = state.outcome.exception() if state.outcome else None
        if state.attempt_number >= settings.max_attempts:
            gave_up["why"] = f"gave up after {state.attempt_number} attempts"
            return True
        if isinstance(error, TransientError) and error.retry_after is not None \
                and error.retry_after > settings.max_retry_after:
            gave_up["why"] = (f"the service asked to wait {error.retry_after:.0f} s "
                              f"(more than BILINGUE_MAX_RETRY_AFTER={settings.max_retry_after:g})")
            return True
        if not budget.take():
            gave_up["why"] = (f"the run's retry budget is spent (BILINGUE_RETRY_BUDGET="
                              f"{budget.total})")
            return True
        return False

    def wait(state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        ceiling = min(settings.backoff_max, settings.backoff_initial * 2 ** (state.attempt_number - 1))
        delay = random.uniform(0, ceiling)
        if isinstance(error, TransientError) and error.retry_after is not None:
            delay = max(delay, error.retry_after)
        if isinstance(error, TransientError) and error.too_many_requests:
            # one shared pause: the other workers of this provider stop sending as well
            limiter.pause(delay)
        log.info("%s: %s; retrying in %.1f s (attempt %d of %d)", provider,
                 getattr(error, "problem", error), delay, state.attempt_number + 1,
                 settings.max_attempts)
        return delay

    retrying = Retrying(retry=retry_if_exception_type(TransientError), stop=stop, wait=wait,
                        reraise=True)
    try:
        return retrying(attempt)
    except TransientError as error:
        disables = error.too_many_requests or "budget" in gave_up["why"] \
            or "asked to wait" in gave_up["why"]
        raise ProviderError(
            provider, f"{error.problem}; {gave_up['why'] or 'gave up'}",
            "Finished texts are saved: run the same command again later to do the rest; if it "
            "keeps failing, lower BILINGUE_CONCURRENCY or the provider's rate limit, or add a "
            "fallback provider to BILINGUE_CHAIN",
            status=error.status, disables_provider=disables,
        ) from error
    except PermanentError as error:
        raise ProviderError(provider, error.problem, error.fix, status=error.status,
                            disables_provider=error.disables_provider) from error


class RateLimiter:
    """At most ``rate`` request starts per second for one provider, plus a shared pause."""

    def __init__(self, rate: float):
        self.interval = 1.0 / rate
        self._next_start = 0.0
        self._paused_until = 0.0
        self._lock = threading.Lock()

    def acquire(self) -> None:
        """Block until this caller may send a request."""
        while True:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start, self._paused_until)
                if start <= now:
                    self._next_start = now + self.interval
                    return
            # sleep, then look again: a pause may have been set meanwhile
            time.sleep(min(start - now, 0.5))

    def pause(self, seconds: float) -> None:
        """Make every caller of ``acquire`` wait ``seconds`` from now (429 Too Many Requests)."""
        with self._lock:
            self._paused_until = max(self._paused_until, time.monotonic() + seconds)


class RetryBudget:
    """Retries left for the whole run, shared by all providers and workers."""

    def __init__(self, total: int):
        self.total = total
        self.spent = 0
        self._lock = threading.Lock()

    def take(self) -> bool:
        with self._lock:
            if self.spent >= self.total:
                return False
            self.spent += 1
            return True

    @property
    def remaining(self) -> int:
        return self.total - self.spent
