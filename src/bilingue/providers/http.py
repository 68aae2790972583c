"""HTTP for the providers: one session per provider, a timeout on every request, and statuses
turned into ``TransientError``/``PermanentError`` before a client library can hide them.

deep-translator calls the module-level ``requests.get``/``requests.post`` with no timeout and maps
statuses to misleading exceptions. ``install_shim`` replaces the ``requests`` name inside the given
deep-translator modules only (global ``requests`` is untouched) with ``RequestsShim``, which sends
through the session and timeout of the provider currently calling (a thread-local set by
``calling``), so a stalled server cannot block a run and a 429 arrives with its Retry-After.
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import ModuleType

import requests
import urllib3

from bilingue.providers.failures import PermanentError, TransientError
from bilingue.redact import redact


@dataclass
class HttpContext:
    provider: str
    session: requests.Session
    timeout: tuple[float, float]  # (connect, read) seconds
    #: the last response received, for backends that read the body themselves
    response: requests.Response | None = None
    #: seconds for the whole request, connection and full answer (None: only the timeouts)
    deadline: float | None = None


def new_session() -> requests.Session:
    session = requests.Session()
    session.headers["User-Agent"] = "bilingue (essay translation; polite client)"
    return session


@contextmanager
def calling(context: HttpContext) -> Iterator[HttpContext]:
    """Route the shimmed deep-translator calls of this thread through ``context``."""
    previous = getattr(_local, "context", None)
    _local.context = context
    try:
        yield context
    finally:
        _local.context = previous


def install_shim(*modules: ModuleType) -> None:
    for module in modules:
        if not isinstance(getattr(module, "requests", None), RequestsShim):
            module.requests = RequestsShim()


def send(context: HttpContext, method: str, url: str, **kwargs) -> requests.Response:
    """One request with the context's session and timeout; raises on any non-2xx status."""
    started = time.monotonic()
    deadline = context.deadline
    connect, read = context.timeout
    timeout = (connect, min(read, deadline)) if deadline else context.timeout
    try:
        # no redirect is followed: an API answers where it is asked, and a redirect would carry
        # the key headers to whatever host it names (or loop, multiplying the requests)
        response = context.session.request(
            method, url, timeout=timeout, allow_redirects=False, stream=True, **kwargs
        )
        _read_body(response, started + deadline if deadline else None)
    except requests.Timeout as error:
        raise TransientError(
            context.provider, f"no answer within {timeout[1]:g} s (timeout)", unreachable=True
        ) from error
    except _DeadlinePassed as error:
        raise TransientError(
            context.provider,
            f"the answer was not complete within {deadline:g} s (BILINGUE_DEADLINE)",
            unreachable=True,
        ) from error
    except requests.ConnectionError as error:
        raise TransientError(
            context.provider, f"cannot connect to {_origin(url)}", unreachable=True
        ) from error
    except requests.RequestException as error:
        raise TransientError(context.provider, f"request failed: {type(error).__name__}") from error
    if "charset" not in response.headers.get("Content-Type", "").lower():
        # requests would guess ISO-8859-1 for text/* and garble every accent: the services
        # answer in UTF-8
        response.encoding = "utf-8"
    context.response = response
    check_status(context.provider, response)
    return response


def check_status(provider: str, response: requests.Response) -> None:
    status = response.status_code
    if 200 <= status < 300:
        return
    reason = f"HTTP {status} {response.reason or ''}".strip()
    if 300 <= status < 400:
        raise PermanentError(
            provider,
            f"{reason}: the service redirects elsewhere (not followed: keys never leave its host)",
            f"set BILINGUE_{provider.upper()}_URL to the service's own address",
            status=status,
        )
    if status == 429 or status >= 500 or status == 408:
        raise TransientError(
            provider,
            reason,
            status=status,
            retry_after=parse_retry_after(response.headers.get("Retry-After")),
        )
    if status in (401, 403):
        raise PermanentError(
            provider,
            f"{reason}: the service refused the credentials",
            "check the provider's key environment variable "
            "(`python -m bilingue providers` shows which are set)",
            status=status,
        )
    if status == 456:  # DeepL: quota exceeded
        raise PermanentError(
            provider,
            f"{reason}: character quota used up",
            "wait for the quota to renew or use another provider",
            status=status,
        )
    raise PermanentError(
        provider,
        f"{reason}: the service rejected the request",
        "check the provider's URL setting; report a bug if it is right",
        status=status,
        disables_provider=status in (404, 405),
    )


def parse_retry_after(value: str | None) -> float | None:
    """Retry-After in seconds, from either of its forms (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class DeadlineSession(requests.Session):
    """A session for a client library that sends by itself (the official DeepL client): no
    redirect followed, and the whole answer read before ``deadline`` seconds, as ``send`` does."""

    def __init__(self, deadline: float):
        super().__init__()
        self.deadline = deadline

    def send(self, request: requests.PreparedRequest, **kwargs) -> requests.Response:
        started = time.monotonic()
        kwargs.update(stream=True, allow_redirects=False)
        response = super().send(request, **kwargs)
        try:
            _read_body(response, started + self.deadline)
        except _DeadlinePassed:
            raise requests.Timeout(
                f"the answer was not complete within {self.deadline:g} s (BILINGUE_DEADLINE)"
            ) from None
        return response


class RequestsShim:
    """Stands in for the ``requests`` module inside deep-translator's provider modules."""

    def get(self, url: str, params=None, proxies=None, **kwargs) -> requests.Response:
        return send(_current(), "GET", url, params=params, **kwargs)

    def post(self, url: str, params=None, data=None, json=None, proxies=None, **kwargs):
        return send(_current(), "POST", url, params=params, data=data, json=json, **kwargs)


class _DeadlinePassed(Exception):
    """The whole answer did not arrive before the request's deadline."""


def _read_body(response: requests.Response, deadline: float | None) -> None:
    """Read the whole body now, chunk by chunk as it arrives, giving up at ``deadline``.

    The read timeout bounds each wait for data, not the whole answer: a server sending one byte
    every few seconds would keep a run busy forever without this.
    """
    body = bytearray()
    try:
        while True:
            if deadline is not None and time.monotonic() > deadline:
                raise _DeadlinePassed
            chunk = response.raw.read1(_CHUNK)
            if not chunk:
                break
            body += chunk
    except _DeadlinePassed:
        response.close()
        raise
    except (urllib3.exceptions.ReadTimeoutError, TimeoutError) as error:
        response.close()
        raise requests.Timeout(str(error)) from error
    except (urllib3.exceptions.HTTPError, OSError) as error:
        response.close()
        raise requests.ConnectionError(str(error)) from error
    response._content = bytes(body)  # what requests' own reading would set
    response._content_consumed = True


def _current() -> HttpContext:
    context = getattr(_local, "context", None)
    if context is None:
        raise RuntimeError("deep-translator called outside bilingue.providers.http.calling()")
    return context


def _origin(url: str) -> str:
    return redact("/".join(url.split("/")[:3]))


_local = threading.local()
_CHUNK = 64 * 1024
