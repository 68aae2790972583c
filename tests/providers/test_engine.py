"""One provider's engine: when a call leaves early, none of its requests outlives it.

Every test here makes one pack fail slowly (503 or 429 with Retry-After, so its worker sits in
the retry loop) while something else makes the call leave early: a save that fails, the caller's
check raising, Ctrl-C. Then it checks that no request of that call reached the server after the
call had returned, and none does for a while afterwards either.
"""

from __future__ import annotations

import threading
import time

import pytest

from bilingue.providers.engine import ProviderEngine
from bilingue.providers.factory import get_provider
from bilingue.providers.google import GoogleBackend
from bilingue.providers.resilience import RetryBudget
from bilingue.providers.settings import ProviderSettings
from tests.providers.conftest import FRENCH, google_handler, status, worker_threads

#: how long to keep listening after the call returned: several Retry-After rounds. Not a wait
#: for something to happen (the tests wait on events for that) but a window in which nothing may
QUIET = 1.0
NEIGE = FRENCH[5]  # the text whose requests the server keeps refusing


class Arrivals:
    """Request arrival times at the server, to compare with the moment a call returned.

    No request is answered before ``in_flight`` of them have arrived: both packs are then on the
    wire when the refusal comes back, whichever worker the machine happens to run first.
    """

    def __init__(self, refuse: tuple[int, dict[str, str]], in_flight: int = 2):
        self.times: list[float] = []
        self._lock = threading.Lock()
        self._refuse = status(refuse[0], refuse[1])
        self._translate = google_handler()
        self._in_flight = in_flight
        self._all_arrived = threading.Event()

    def handler(self, request):
        with self._lock:
            self.times.append(time.monotonic())
            if len(self.times) >= self._in_flight:
                self._all_arrived.set()
        assert self._all_arrived.wait(30), "the other pack never arrived"
        if "neige" in request.args["q"]:
            return self._refuse(request)
        return self._translate(request)

    def after(self, moment: float) -> list[float]:
        with self._lock:
            return [arrival - moment for arrival in self.times if arrival >= moment]


def retry_forever_settings(make_settings, **values) -> ProviderSettings:
    """One text per request, and enough attempts that the refused one retries past QUIET.

    The timeout is long: a request the server holds until the other arrives must not time out.
    """
    values = {"timeout": 30.0, **values}
    return make_settings(google_max_chars=100, concurrency=2, max_attempts=12, retry_budget=100, **values)


def test_a_failing_save_leaves_no_request_behind(server, make_settings, tmp_path):
    arrivals = Arrivals((503, {"Retry-After": "0.1"}))
    server.expect_request("/m").respond_with_handler(arrivals.handler)
    not_a_folder = tmp_path / "cache-file"
    not_a_folder.write_text("", encoding="utf-8")
    chain = get_provider(
        "google", settings=retry_forever_settings(make_settings, cache_dir=str(not_a_folder))
    )

    with pytest.raises(OSError):  # saving the first translation fails
        chain.translate_texts([NEIGE, FRENCH[0]], "fr", "en")
    returned = time.monotonic()
    workers_left = worker_threads()
    time.sleep(QUIET)

    assert workers_left == []  # every worker of the call had returned
    assert arrivals.after(returned) == []
    assert len(arrivals.times) >= 2  # both packs had started: the refused one was retrying


def test_a_failing_check_leaves_no_request_behind(server, make_settings):
    arrivals = Arrivals((503, {"Retry-After": "0.1"}))
    server.expect_request("/m").respond_with_handler(arrivals.handler)
    chain = get_provider("google", settings=retry_forever_settings(make_settings))

    def broken_check(source: str, output: str):
        if "matin" in source:
            raise ValueError("bug in the caller's check")
        return None

    # a worker raises: future.result() hands the error to the call, which must stop the rest
    with pytest.raises(ValueError, match="bug in the caller's check"):
        chain.translate_texts([NEIGE, FRENCH[0]], "fr", "en", check=broken_check)
    returned = time.monotonic()
    workers_left = worker_threads()
    time.sleep(QUIET)

    assert workers_left == []  # every worker of the call had returned
    assert arrivals.after(returned) == []


def test_ctrl_c_interrupts_a_long_retry_after_wait(server, make_settings, pauses):
    # the refused pack is told to wait 20 s (429: every worker of the provider pauses); both
    # packs are in flight before the 429 comes back (see Arrivals), so the other one is answered
    arrivals = Arrivals((429, {"Retry-After": "20"}))
    server.expect_request("/m").respond_with_handler(arrivals.handler)
    settings = retry_forever_settings(make_settings)
    engine = ProviderEngine(GoogleBackend(settings), settings, RetryBudget(100))

    def interrupted(batch: dict[int, str]) -> None:
        # the refused pack got its 429 and is waiting it out; then the user presses Ctrl-C
        assert pauses.happened.wait(30), "the 429 never came back"
        raise KeyboardInterrupt

    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        engine.translate([NEIGE, FRENCH[0]], "fr", "en", None, interrupted)
    returned = time.monotonic()
    workers_left = worker_threads()
    time.sleep(QUIET)

    assert len(arrivals.times) == 2  # one each: the 429 was being waited out
    assert workers_left == []  # every worker of the call had returned
    assert arrivals.after(returned) == []
    # the 20 s wait was cut short (a generous bound: this is not a speed test)
    assert returned - started < 10
