"""Timeouts and statuses at the HTTP layer, before any client library sees them."""

from __future__ import annotations

import email.utils
import time

import pytest

from bilingue.providers import http
from bilingue.providers.failures import PermanentError, TransientError
from tests.providers.conftest import status


def context(timeout=0.2):
    return http.HttpContext("google", http.new_session(), (timeout, timeout))


def test_stalled_server_raises_a_timeout(server):
    # the server answers only after the test: without the 0.1 s timeout this call would not return
    server.expect_request("/slow").respond_with_handler(server.stall)
    with pytest.raises(TransientError, match="timeout"):
        http.send(context(0.1), "GET", server.url_for("/slow"))


def test_nobody_listening_is_a_transient_connection_error():
    with pytest.raises(TransientError, match="cannot connect"):
        http.send(context(), "GET", "http://127.0.0.1:9/nothing")


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        (429, TransientError),
        (500, TransientError),
        (503, TransientError),
        (403, PermanentError),
        (404, PermanentError),
    ],
)
def test_statuses_are_classified(server, code, kind):
    server.expect_request("/x").respond_with_handler(status(code, {"Retry-After": "7"}))
    with pytest.raises(kind) as caught:
        http.send(context(), "GET", server.url_for("/x"))
    assert caught.value.status == code
    if kind is TransientError:
        assert caught.value.retry_after == 7


def test_retry_after_accepts_an_http_date():
    later = email.utils.formatdate(time.time() + 30, usegmt=True)
    assert 25 <= http.parse_retry_after(later) <= 31
    assert http.parse_retry_after("garbage") is None
    assert http.parse_retry_after(None) is None


def test_shim_refuses_calls_outside_a_provider_context():
    with pytest.raises(RuntimeError):
        http.RequestsShim().get("http://127.0.0.1:9/")
