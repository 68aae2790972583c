"""Retries, Retry-After, the shared pause, the retry budget, the final error."""

from __future__ import annotations

import threading
import time

import pytest

from bilingue.providers.failures import PermanentError, ProviderError, TransientError
from bilingue.providers.resilience import Cancelled, RateLimiter, RetryBudget, call_with_retries
from bilingue.providers.settings import load_settings


def settings(**values):
    base = {"cache_dir": "", "backoff_initial": 0.001, "backoff_max": 0.01, "max_attempts": 4}
    return load_settings({**base, **values})


def flaky(failures: list[Exception], result="done"):
    calls = []

    def request():
        calls.append(time.monotonic())
        if len(calls) <= len(failures):
            raise failures[len(calls) - 1]
        return result

    return request, calls


def run(request, budget=None, limiter=None, cancel=None, **values):
    return call_with_retries(
        request,
        provider="google",
        limiter=limiter or RateLimiter(1000),
        budget=budget or RetryBudget(100),
        settings=settings(**values),
        cancel=cancel,
    )


class CancelWhenWaiting(threading.Event):
    """A cancel event that is set as soon as the worker starts waiting on it (the user's Ctrl-C).

    Every wait of ``call_with_retries`` (rate limit, shared pause, backoff, Retry-After) is a
    wait on its cancel event, so this cancels at a known moment instead of after a guessed delay.
    """

    def wait(self, timeout: float | None = None) -> bool:
        if timeout:  # a worker about to wait: cancel from another thread, as Ctrl-C would
            threading.Thread(target=self.set).start()
        return super().wait(timeout)


def test_transient_failures_are_retried_until_success():
    request, calls = flaky([TransientError("google", "HTTP 503", status=503)] * 3)
    assert run(request) == "done"
    assert len(calls) == 4


def test_retry_after_is_honoured():
    request, calls = flaky([TransientError("google", "HTTP 429", status=429, retry_after=0.3)])
    assert run(request) == "done"
    assert calls[1] - calls[0] >= 0.29


def test_too_long_retry_after_gives_up_at_once_and_disables_the_provider():
    request, calls = flaky([TransientError("google", "HTTP 429", status=429, retry_after=3600)])
    with pytest.raises(ProviderError) as caught:
        run(request, max_retry_after=60)
    assert len(calls) == 1
    assert caught.value.disables_provider
    assert "asked to wait 3600 s" in str(caught.value)


def test_final_error_names_provider_status_and_what_to_do():
    request, calls = flaky([TransientError("google", "HTTP 503 Service Unavailable", status=503)] * 10)
    with pytest.raises(ProviderError) as caught:
        run(request)
    message = str(caught.value)
    assert len(calls) == 4
    assert "'google'" in message and "HTTP 503" in message and "after 4 attempts" in message
    assert "run the same command again" in message


@pytest.mark.parametrize(
    ("failure", "advice", "not_advised"),
    [
        (
            TransientError("google", "cannot connect to http://127.0.0.1:9", unreachable=True),
            "check the network and the service address (BILINGUE_GOOGLE_URL)",
            "BILINGUE_CONCURRENCY",
        ),
        (
            TransientError("google", "HTTP 429 Too Many Requests", status=429),
            "lower BILINGUE_CONCURRENCY or the provider's rate limit",
            "service address",
        ),
        (
            TransientError("google", "HTTP 503 Service Unavailable", status=503),
            "the service is having trouble: try again later",
            "BILINGUE_CONCURRENCY",
        ),
    ],
)
def test_the_advice_after_retries_fits_what_went_wrong(failure, advice, not_advised):
    request, _ = flaky([failure] * 10)
    with pytest.raises(ProviderError) as caught:
        run(request)
    assert advice in str(caught.value) and not_advised not in str(caught.value)


def test_permanent_errors_are_not_retried():
    request, calls = flaky([PermanentError("deepl", "HTTP 403", "check DEEPL_AUTH_KEY", status=403)])
    with pytest.raises(ProviderError, match="DEEPL_AUTH_KEY"):
        run(request)
    assert len(calls) == 1


def test_retry_budget_is_shared_and_stops_retrying_when_spent():
    budget = RetryBudget(3)
    request, calls = flaky([TransientError("google", "timeout")] * 10)
    with pytest.raises(ProviderError, match="retry budget"):
        run(request, budget=budget, max_attempts=10)
    assert len(calls) == 4 and budget.spent == budget.total
    request, calls = flaky([TransientError("google", "timeout")] * 10)
    with pytest.raises(ProviderError):
        run(request, budget=budget, max_attempts=10)
    assert len(calls) == 1  # nothing left for this one


def test_429_pauses_every_worker_of_the_provider(pauses):
    limiter = RateLimiter(1000)
    request, calls = flaky([TransientError("google", "HTTP 429", status=429, retry_after=2.0)])
    worker = threading.Thread(target=run, args=(request,), kwargs={"limiter": limiter})
    worker.start()
    assert pauses.happened.wait(30)  # the 429 has been answered and the pause set
    limiter.acquire()  # another worker wanting to send
    allowed = time.monotonic()
    worker.join()
    assert allowed >= pauses.times[0] + 2.0  # the whole 2 s pause, however slow the machine
    assert len(calls) == 2  # the 429, then the retry after the pause


def test_rate_limit_spaces_request_starts():
    limiter = RateLimiter(20)  # one start every 50 ms
    starts = []
    for _ in range(4):
        limiter.acquire()
        starts.append(time.monotonic())
    assert starts[-1] - starts[0] >= 0.14


def test_cancel_cuts_a_retry_after_wait_and_sends_nothing_more():
    budget = RetryBudget(100)
    request, calls = flaky([TransientError("google", "HTTP 503", status=503, retry_after=30)] * 3)
    before = time.monotonic()
    with pytest.raises(Cancelled):
        run(request, budget=budget, cancel=CancelWhenWaiting(), max_retry_after=60)
    assert len(calls) == 1  # no request after the cancel
    assert time.monotonic() - before < 10  # the 30 s wait was cut short (generous bound)
    assert budget.spent == 1  # the retry that was waiting; none spent after the cancel


def test_cancel_while_paused_by_a_429_sends_nothing():
    limiter = RateLimiter(1000)
    limiter.pause(30)  # another worker was told 429 Retry-After: 30
    request, calls = flaky([])
    with pytest.raises(Cancelled):
        run(request, limiter=limiter, cancel=CancelWhenWaiting())
    assert calls == []


def test_already_cancelled_sends_nothing():
    cancel = threading.Event()
    cancel.set()
    request, calls = flaky([])
    with pytest.raises(Cancelled):
        run(request, cancel=cancel)
    assert calls == []


def test_a_permanent_failure_disables_its_provider_unless_told_otherwise():
    # a bad key stops every later request; a refused request (too long...) only itself
    assert PermanentError("deepl", "HTTP 403", "check the key").disables_provider
    assert not PermanentError("deepl", "HTTP 413", "shorter", disables_provider=False).disables_provider
    # the final word on a provider disables it only when the failure said so
    assert not ProviderError("deepl", "HTTP 500", "later").disables_provider
    bad_key = PermanentError("deepl", "HTTP 403", "check the key")
    assert ProviderError.from_permanent(bad_key).disables_provider
