"""Politeness and patience: rate limit with a shared pause, retries with backoff, retry budget.

``call_with_retries`` runs one request through tenacity: ``TransientError`` is retried with
exponential backoff and full jitter (random wait between 0 and ``backoff_initial * 2**n``, capped
by ``backoff_max``), never sooner than the server's Retry-After. When a service answers 429 every
worker of that provider waits (``RateLimiter.pause``), not only the one that was told. Each retry
spends one unit of the run's ``RetryBudget``; when it is gone, requests fail at once so a dead
service cannot keep a run busy for long.

``cancel`` (a ``threading.Event`` per engine call) is how a call that leaves early (Ctrl-C, a
failed save, an error in another worker) stops its workers: it is checked before every request,
and every wait (rate limit, shared pause, backoff, Retry-After) is a wait on it, so a worker
raises ``Cancelled`` at once instead of sending more requests after the call is over.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from bilingue.providers.failures import PermanentError, ProviderError, TransientError
from bilingue.providers.settings import ProviderSettings
from bilingue.redact import RedactingFilter

if TYPE_CHECKING:
    from tenacity import RetryCallState

T = TypeVar("T")
log = logging.getLogger(__name__)
log.addFilter(RedactingFilter())


class Cancelled(Exception):
    """The call this request belonged to has ended: nothing more may be sent for it."""


def call_with_retries(
    request: Callable[[], T],
    *,
    provider: str,
    limiter: RateLimiter,
    budget: RetryBudget,
    settings: ProviderSettings,
    cancel: threading.Event | None = None,
    breaker: CircuitBreaker | None = None,
) -> T:
    """``request()`` with rate limiting and retries; raises ``ProviderError`` when it gives up.

    Raises ``Cancelled`` as soon as ``cancel`` is set (before a request, or during a wait).
    """
    gave_up = {"why": ""}
    cancel = cancel or threading.Event()
    breaker = breaker or CircuitBreaker(settings.breaker_threshold)

    def attempt() -> T:
        breaker.check(provider)
        limiter.acquire(cancel)
        if cancel.is_set():
            raise Cancelled(provider)
        try:
            result = request()
        except TransientError as error:
            breaker.record(error)
            raise
        breaker.record(None)
        return result

    def stop(state: RetryCallState) -> bool:
        error = state.outcome.exception() if state.outcome else None
        if cancel.is_set():  # give up without spending the budget; Cancelled is raised below
            return True
        if breaker.open:
            gave_up["why"] = breaker.why
            return True
        if state.attempt_number >= settings.max_attempts:
            gave_up["why"] = f"gave up after {state.attempt_number} attempts"
            return True
        if (
            isinstance(error, TransientError)
            and error.retry_after is not None
            and error.retry_after > settings.max_retry_after
        ):
            gave_up["why"] = (
                f"the service asked to wait {error.retry_after:.0f} s "
                f"(more than BILINGUE_MAX_RETRY_AFTER={settings.max_retry_after:g})"
            )
            return True
        if not budget.take():
            gave_up["why"] = f"the run's retry budget is spent (BILINGUE_RETRY_BUDGET={budget.total})"
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
        log.info(
            "%s: %s; retrying in %.1f s (attempt %d of %d)",
            provider,
            getattr(error, "problem", error),
            delay,
            state.attempt_number + 1,
            settings.max_attempts,
        )
        return delay

    # sleeping on the event: a cancelled call cuts every backoff and Retry-After wait short,
    # and the next attempt raises Cancelled instead of sending
    from tenacity import Retrying, retry_if_exception_type  # here: commands that send nothing skip it

    retrying = Retrying(
        retry=retry_if_exception_type(TransientError), stop=stop, wait=wait, sleep=cancel.wait, reraise=True
    )
    try:
        return retrying(attempt)
    except TransientError as error:
        if cancel.is_set():
            raise Cancelled(provider) from error
        disables = (
            error.too_many_requests
            or breaker.open
            or "budget" in gave_up["why"]
            or "asked to wait" in gave_up["why"]
        )
        raise ProviderError(
            provider,
            f"{error.problem}; {gave_up['why'] or 'gave up'}",
            _advice_after_retries(provider, error),
            status=error.status,
            disables_provider=disables,
        ) from error
    except PermanentError as error:
        raise ProviderError.from_permanent(error) from error


def _advice_after_retries(provider: str, error: TransientError) -> str:
    """What to do when retrying did not help, by what went wrong."""
    if error.too_many_requests:
        cause = "lower BILINGUE_CONCURRENCY or the provider's rate limit"
    elif error.unreachable:
        cause = (
            f"check the network and the service address (BILINGUE_{provider.upper()}_URL); "
            "a slow service needs a higher BILINGUE_TIMEOUT"
        )
    else:
        cause = "the service is having trouble: try again later"
    return (
        "Finished texts are saved: run the same command again later to do the rest; if it keeps "
        f"failing, {cause}, or add a fallback provider to BILINGUE_CHAIN"
    )


class CircuitBreaker:
    """A service that times out or refuses connections ``threshold`` times in a row is down for
    the rest of the run: the remaining requests fail at once instead of each waiting out its
    timeouts (30 essays against a hanging server took 18 minutes before this). Shared by every
    worker of one provider; any answer, even an error status, closes the count again."""

    def __init__(self, threshold: int):
        self.threshold = threshold
        self.failures_in_a_row = 0
        self._lock = threading.Lock()

    @property
    def open(self) -> bool:
        """True once the service failed ``threshold`` times in a row: it is not called again this run."""
        return self.failures_in_a_row >= self.threshold

    @property
    def why(self) -> str:
        """Why the service was switched off, for the final report."""
        return (
            f"marked down for the rest of the run after {self.failures_in_a_row} timeouts or refused "
            "connections in a row"
        )

    def record(self, error: TransientError | None) -> None:
        """Count a request's result: an unreachable service adds one, anything else resets the count."""
        with self._lock:
            if error is not None and error.unreachable:
                self.failures_in_a_row += 1
            elif not self.open:
                self.failures_in_a_row = 0

    def check(self, provider: str) -> None:
        """Raise at once when the service is down: nothing is sent to it any more."""
        if self.open:
            raise PermanentError(
                provider,
                self.why,
                "check the network and the service address; run again once it answers",
            )


class RateLimiter:
    """At most ``rate`` request starts per second for one provider, plus a shared pause."""

    def __init__(self, rate: float):
        self.interval = 1.0 / rate
        self._next_start = 0.0
        self._paused_until = 0.0
        self._lock = threading.Lock()

    def acquire(self, cancel: threading.Event | None = None) -> None:
        """Block until this caller may send a request; ``Cancelled`` if ``cancel`` is set."""
        cancel = cancel or threading.Event()
        while True:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start, self._paused_until)
                if start <= now:
                    self._next_start = now + self.interval
                    return
            # wait, then look again: a pause may have been set meanwhile
            if cancel.wait(min(start - now, 0.5)):
                raise Cancelled("rate limiter")

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
        """Spend one retry; False when none is left."""
        with self._lock:
            if self.spent >= self.total:
                return False
            self.spent += 1
            return True
