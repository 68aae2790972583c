"""Loopback servers speaking each provider's wire format, and a fake "translation".

The fake translation replaces every word by an English word (chosen by a hash of the French
word) and leaves everything else (digits, separators, punctuation, mask tags <m1>) in place,
so answers are recognisably English to the language identifier, keep their length roughly, and
keep pack separators unless a test damages them on purpose.
"""

from __future__ import annotations

import html
import json
import os
import re
import threading
import time
import zlib

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from bilingue.providers.resilience import RateLimiter
from bilingue.providers.settings import load_settings

FRENCH = [
    "Le matin, la brume couvre encore la rivière et les pêcheurs attendent en silence.",
    "Nous avons longtemps cru que la mémoire était une bibliothèque bien rangée.",
    "Cette hypothèse, pourtant séduisante, ne résiste pas à l'examen des archives.",
    "Les habitants du village racontent une histoire différente à chaque visiteur.",
    "Il faut donc revenir aux sources et lire les lettres de l'époque avec patience.",
    "La neige tombait depuis trois jours quand le facteur est enfin arrivé.",
    "Personne ne savait pourquoi la cloche de l'église sonnait à minuit.",
    "On comprend mieux aujourd'hui ce que les anciens voulaient dire par là.",
]

_EN_TEXT = (
    "the of and to in is that it was for on are with as his they be at one have this from "
    "or had by word but what some we can out other were all there when up use your how said "
    "an each she which do their time if will way about many then them write would like so "
    "these her long make thing see him two has look more day could go come did number sound "
    "no most people my over know water than call first who may down side been now find"
)
_EN = _EN_TEXT.split()
_WORD = re.compile(r"<[^<>]*>|[^\W\d_]+")  # tags like the Markdown layer's masks stay as they are


def fake_english(text: str) -> str:
    def english(match: re.Match[str]) -> str:
        word = match.group(0)
        if word.startswith("<"):
            return word
        choice = _EN[zlib.crc32(word.lower().encode()) % len(_EN)]
        return choice.capitalize() if word[0].isupper() else choice

    return _WORD.sub(english, text)


def google_page(translation: str) -> str:
    return (
        "<!DOCTYPE html><html><head><title>Google Traduction</title></head><body>"
        '<div class="root-container"><div class="result-container">'
        f"{html.escape(translation)}</div></div></body></html>"
    )


def google_handler(transform=fake_english):
    def handler(request: Request) -> Response:
        return Response(google_page(transform(request.args["q"])), content_type="text/html; charset=UTF-8")

    return handler


def mymemory_handler(transform=fake_english):
    def handler(request: Request) -> Response:
        body = {
            "responseData": {"translatedText": transform(request.args["q"]), "match": 0.9},
            "responseStatus": 200,
            "matches": [],
        }
        return Response(json.dumps(body), content_type="application/json")

    return handler


def libre_handler(transform=fake_english):
    def handler(request: Request) -> Response:
        return Response(
            json.dumps({"translatedText": transform(request.values["q"])}), content_type="application/json"
        )

    return handler


def deepl_handler(transform=fake_english):
    def handler(request: Request) -> Response:
        texts = request.get_json()["text"]
        body = {
            "translations": [
                {"detected_source_language": "FR", "text": transform(text), "billed_characters": len(text)}
                for text in texts
            ]
        }
        return Response(json.dumps(body), content_type="application/json")

    return handler


def microsoft_handler(transform=fake_english):
    def handler(request: Request) -> Response:
        items = request.get_json()
        body = [{"translations": [{"text": transform(item["Text"]), "to": "en"}]} for item in items]
        return Response(json.dumps(body), content_type="application/json")

    return handler


def status(code: int, headers: dict | None = None, body: str = "error"):
    def handler(request: Request) -> Response:
        return Response(body, status=code, headers=headers or {})

    return handler


class CountingServer(HTTPServer):
    """Knows how many requests it is still answering (a stalled handler, a late retry).

    ``stall`` is a handler that answers nothing until the test is over: a client can only get
    out of it by its own timeout, however slow the machine (a sleep shorter than the test would
    let a starved client see the answer and no timeout).
    """

    #: a stalled request is answered after this long even if the test never ends (no hang)
    STALL_LIMIT = 60.0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.answering = 0
        self._answering_lock = threading.Lock()
        self._release = threading.Event()

    def stall(self, request: Request) -> Response:
        self._release.wait(self.STALL_LIMIT)
        return Response("too late", status=200)

    def release_stalled(self) -> None:
        """Let every stalled handler answer, wait until they have, and stall again afterwards."""
        self._release.set()
        _until_empty(lambda: self.answering)
        self._release.clear()

    def application(self, request: Request) -> Response:
        with self._answering_lock:
            self.answering += 1
        try:
            return super().application(request)  # logs the request before returning
        finally:
            with self._answering_lock:
                self.answering -= 1


@pytest.fixture(scope="session")
def _server():
    server = CountingServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def server(_server):
    """The loopback server, empty; after the test, nothing of it may reach the next test.

    A request arriving late would land in the next test's log (or be answered 500 there), so
    the teardown fails the test if a provider worker thread outlived it, and waits for the
    server to finish answering before clearing it.
    """
    _server.clear()
    yield _server
    leaked = _until_empty(worker_threads)
    _server.release_stalled()
    # an assert inside a handler runs in the server's thread: pytest-httpserver keeps it (and the
    # client gets a 500); raise it here, or the test could pass with a failed assert
    failed_in_handler = list(_server.assertions) + list(_server.handler_errors)
    _server.clear()
    assert not leaked, f"provider worker threads outlived the test: {leaked}"
    assert not failed_in_handler, f"the loopback server's handlers failed: {failed_in_handler}"


class PauseWatch:
    """Every ``RateLimiter.pause`` (what a 429 does) of the test: when, and an event to wait on."""

    def __init__(self):
        self.times: list[float] = []  # time.monotonic() just before each pause took effect
        self.happened = threading.Event()


@pytest.fixture
def pauses(monkeypatch) -> PauseWatch:
    """Lets a test wait for the moment a worker is told 429 and starts waiting, instead of sleeping."""
    watch = PauseWatch()
    original = RateLimiter.pause

    def pause(limiter: RateLimiter, seconds: float) -> None:
        watch.times.append(time.monotonic())
        original(limiter, seconds)
        watch.happened.set()

    monkeypatch.setattr(RateLimiter, "pause", pause)
    return watch


def worker_threads() -> list[str]:
    # ProviderEngine names its pool threads "bilingue-<provider>_<n>"
    return [thread.name for thread in threading.enumerate() if thread.name.startswith("bilingue-")]


def _until_empty(probe, seconds: float = 5.0):
    """Poll ``probe()`` until it is falsy or ``seconds`` pass; return its first truthy value."""
    first = probe()
    deadline = time.monotonic() + seconds
    while probe() and time.monotonic() < deadline:
        time.sleep(0.02)
    return first


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch):
    # the developer's own settings and keys must not leak into the tests
    for name in list(os.environ):
        if name.startswith("BILINGUE_") or name in (
            "DEEPL_AUTH_KEY",
            "MICROSOFT_TRANSLATOR_KEY",
            "MICROSOFT_TRANSLATOR_REGION",
            "LIBRE_API_KEY",
            "MYMEMORY_EMAIL",
        ):
            monkeypatch.delenv(name)


@pytest.fixture
def make_settings(server, tmp_path):
    """Settings pointing every provider at the loopback server, with short backoffs."""

    def make(**values):
        base = {
            "timeout": 2.0,  # generous: tests of timeouts set their own
            "connect_timeout": 2.0,
            "backoff_initial": 0.01,
            "backoff_max": 0.05,
            "max_attempts": 4,
            "retry_budget": 30,
            "concurrency": 2,
            "cache_dir": str(tmp_path / "cache"),
            "google_url": server.url_for("/m"),
            "mymemory_url": server.url_for("/get"),
            "libre_url": server.url_for("/"),
            "microsoft_url": server.url_for("/"),
            "deepl_url": server.url_for("/"),
        }
        for provider in ("google", "mymemory", "libre", "microsoft", "deepl"):
            base[f"{provider}_rate_limit"] = 1000.0
        base.update(values)
        return load_settings(base)

    return make
