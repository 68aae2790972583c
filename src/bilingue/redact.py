"""Secrets never reach a message, a log line or an exception text.

``redact`` is the one function every message about a translation service goes through (the
provider errors redact themselves when they are made; the command line redacts what it prints).
It removes:

- credentials written in a URL (``http://user:SECRET@host`` -> ``http://***@host``);
- the value of every provider key: the ones read through the settings (``remember_secret``) and
  the ones present in the environment under the documented names, as written and URL-encoded,
  wherever they appear (a service that reflects the request echoes the key back in its error).
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO
from urllib.parse import quote, quote_plus

MASK = "***"


def redact(text: str) -> str:
    """``text`` without credentials in URLs and without any known key value."""
    text = _URL_CREDENTIALS.sub(rf"\g<scheme>{MASK}@", str(text))
    for secret in _known_secrets():
        for form in {secret, quote(secret, safe=""), quote_plus(secret)}:
            text = text.replace(form, MASK)
    return text


def remember_secret(value: str | None) -> None:
    """Add a key read from the settings to what ``redact`` removes."""
    if value and len(value) >= _SHORTEST_SECRET:
        with _lock:
            _remembered.add(value)


def _known_secrets() -> list[str]:
    from_environment = {
        value for name in KEY_VARIABLES if len(value := os.environ.get(name, "")) >= _SHORTEST_SECRET
    }
    with _lock:
        secrets = _remembered | from_environment
    return sorted(secrets, key=len, reverse=True)  # a key that contains another goes first


# the environment variables that hold provider keys (guide/site-owners.md)
KEY_VARIABLES = (
    "DEEPL_AUTH_KEY",
    "BILINGUE_DEEPL_AUTH_KEY",
    "MICROSOFT_TRANSLATOR_KEY",
    "BILINGUE_MICROSOFT_KEY",
    "LIBRE_API_KEY",
    "BILINGUE_LIBRE_API_KEY",
)
_SHORTEST_SECRET = 4  # shorter values would blank out ordinary words
_URL_CREDENTIALS = re.compile(r"(?P<scheme>[a-zA-Z][a-zA-Z0-9+.\-]*://)[^/\s@]+@")
_remembered: set[str] = set()
_lock = threading.Lock()


class RedactingFilter(logging.Filter):
    """A logging filter that redacts each record's message (arguments included)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        return True


class RedactingStream:
    """A text stream (stdout, stderr) that redacts what is written through it; the command line
    wraps its streams in one, so that no report line, progress bar or traceback carries a key."""

    def __init__(self, stream: TextIO):
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(redact(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def redacted_output() -> Iterator[None]:
    """``sys.stdout`` and ``sys.stderr`` redacted for the duration."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = RedactingStream(sys.stdout), RedactingStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
