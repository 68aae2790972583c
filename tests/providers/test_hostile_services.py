"""Translation services that stall, drip, die, redirect or echo keys: real CLI runs and a real
build against loopback servers. Time bounds are loose (shared 2-core CI machines); what is
asserted exactly is what the servers were sent and what the user was shown."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.conftest import build_site, copy_project
from tests.sync.conftest import ESSAY

KEY = "planted-key-7f3a9c1e5b"


@dataclass
class RawServer:
    """A TCP server on 127.0.0.1 that answers each connection with ``behaviour``."""

    behaviour: str  # "drip": headers, then one byte at a time; "hang": never answers
    stop: threading.Event = field(default_factory=threading.Event)
    connections: int = 0
    port: int = 0

    def serve(self) -> Iterator[RawServer]:
        listener = socket.create_server(("127.0.0.1", 0))
        self.port = listener.getsockname()[1]
        threads = []

        def handle(connection: socket.socket) -> None:
            with connection:
                connection.recv(65536)  # the request (whatever it is)
                if self.behaviour == "drip":
                    connection.sendall(
                        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                    )
                    # a byte now and then, for ever: each read gets data, the answer never ends
                    while not self.stop.wait(0.05):
                        try:
                            connection.sendall(b" ")
                        except OSError:
                            return
                else:
                    self.stop.wait()

        def accept() -> None:
            listener.settimeout(0.1)
            while not self.stop.is_set():
                try:
                    connection, _ = listener.accept()
                except TimeoutError:
                    continue
                self.connections += 1
                thread = threading.Thread(target=handle, args=(connection,), daemon=True)
                thread.start()
                threads.append(thread)

        acceptor = threading.Thread(target=accept, daemon=True)
        acceptor.start()
        try:
            yield self
        finally:
            self.stop.set()
            acceptor.join()
            for thread in threads:
                thread.join()
            listener.close()


@pytest.fixture
def drip() -> Iterator[RawServer]:
    yield from RawServer("drip").serve()


@pytest.fixture
def hang() -> Iterator[RawServer]:
    yield from RawServer("hang").serve()


@pytest.fixture
def essays(tmp_path: Path) -> Path:
    folder = tmp_path / "essais"
    folder.mkdir()
    for number in range(30):
        text = ESSAY.replace("Un essai de test", f"Essai numéro {number}")
        (folder / f"essai-{number}.md").write_text(text, encoding="utf-8")
    return folder


def translate(folder: Path, provider: str, **environment: str) -> subprocess.CompletedProcess:
    """``translate`` of ``folder`` in a subprocess; the timeout only stops a run that never ends
    (without the deadline and the circuit breaker these runs would not): counts are the measure."""
    variables = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("BILINGUE_") and "KEY" not in name
    }
    variables |= {"BILINGUE_CACHE_DIR": str(folder.parent / "cache"), "BILINGUE_BACKOFF_MAX": "0.1"}
    return subprocess.run(
        [sys.executable, "-m", "bilingue", "translate", str(folder), "--provider", provider],
        cwd=folder.parent,
        env=variables | environment,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.mark.parametrize("provider", ["libre", "deepl"])
def test_a_dripping_server_is_cut_off_at_the_deadline_and_marked_down(tmp_path, drip, provider):
    folder = tmp_path / "essais"
    folder.mkdir()
    for number in range(3):
        (folder / f"essai-{number}.md").write_text(ESSAY.replace("test", f"test {number}"), encoding="utf-8")
    url = f"http://127.0.0.1:{drip.port}/"
    where = {
        "libre": {"BILINGUE_LIBRE_URL": url},
        "deepl": {"BILINGUE_DEEPL_URL": url, "DEEPL_AUTH_KEY": KEY},
    }
    result = translate(
        folder,
        provider,
        BILINGUE_DEADLINE="1",
        BILINGUE_TIMEOUT="30",
        BILINGUE_MAX_ATTEMPTS="5",
        **where[provider],
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "the answer was not complete within 1 s (BILINGUE_DEADLINE)" in output
    assert "marked down for the rest of the run" in output
    assert drip.connections == 2  # two cut-off answers in a row, then nothing more is sent
    assert not list(folder.glob("*.en.md"))


def test_a_hanging_server_costs_two_timeouts_for_thirty_essays(essays, hang):
    result = translate(
        essays,
        "libre",
        BILINGUE_LIBRE_URL=f"http://127.0.0.1:{hang.port}/",
        BILINGUE_TIMEOUT="0.5",
        BILINGUE_MAX_ATTEMPTS="5",
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert hang.connections == 2  # was 51 requests and 18 minutes
    assert output.count("marked down for the rest of the run") >= 29


def test_refused_connections_mark_the_service_down_too(essays):
    with socket.create_server(("127.0.0.1", 0)) as placeholder:
        port = placeholder.getsockname()[1]  # closed below: nothing listens there any more
    result = translate(essays, "libre", BILINGUE_LIBRE_URL=f"http://127.0.0.1:{port}/")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "cannot connect to http://127.0.0.1" in output
    assert output.count("marked down for the rest of the run") >= 29


@pytest.mark.build
def test_an_auto_build_against_a_hanging_service_goes_on(tmp_path, hang):
    project = copy_project(tmp_path / "project")
    essays = project / "docs" / "essais"
    for number in range(10):
        (essays / f"nouveau-{number}.md").write_text(
            ESSAY.replace("test", f"test {number}"), encoding="utf-8"
        )
    with (project / "tags.yml").open("a", encoding="utf-8") as tags:  # every tag needs its label
        tags.writelines(f"test {number}: test {number}\n" for number in range(10))
    (project / "bilingue.yml").write_text(
        "translation:\n  mode: auto\n  provider: libre\n  providers:\n"
        f"    libre_url: http://127.0.0.1:{hang.port}/\n    timeout: 0.5\n    cache_dir: ''\n",
        encoding="utf-8",
    )
    log = build_site(project, tmp_path / "site", mode="auto")  # ends (build_site's timeout guards a hang)
    assert "not updated" in log and hang.connections == 2
    assert (tmp_path / "site" / "en" / "essais" / "nouveau-0" / "index.html").exists()  # French fallback


def test_no_redirect_is_followed_and_the_key_stays_home(tmp_path, httpserver: HTTPServer):
    elsewhere = HTTPServer(host="127.0.0.2")
    elsewhere.expect_request("/translate").respond_with_data("[]")
    elsewhere.start()
    try:
        httpserver.expect_request("/translate").respond_with_data(
            "", status=302, headers={"Location": elsewhere.url_for("/translate")}
        )
        folder = tmp_path / "essais"
        folder.mkdir()
        (folder / "essai.md").write_text(ESSAY, encoding="utf-8")
        result = translate(
            folder,
            "microsoft",
            BILINGUE_MICROSOFT_URL=httpserver.url_for("/"),
            MICROSOFT_TRANSLATOR_KEY=KEY,
        )
        assert elsewhere.log == []  # never reached, so never given the key
    finally:
        elsewhere.clear()
        elsewhere.stop()
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "redirects elsewhere (not followed" in output
    assert len(httpserver.log) == 1  # a redirect loop cannot multiply the requests either


def reflect(request: Request) -> Response:
    """A hostile service: it refuses, and echoes the whole request (headers, URL) in its answer."""
    echo = f"bad request {request.url} {dict(request.headers)} {request.get_data(as_text=True)}"
    return Response(echo, status=400, content_type="text/plain")


@pytest.mark.parametrize("provider", ["microsoft", "libre", "deepl"])
def test_a_failing_run_leaks_the_key_nowhere(tmp_path, httpserver: HTTPServer, provider):
    httpserver.expect_request("/v2/translate").respond_with_handler(reflect)
    httpserver.expect_request("/translate").respond_with_handler(reflect)
    folder = tmp_path / "essais"
    folder.mkdir()
    (folder / "essai.md").write_text(ESSAY, encoding="utf-8")
    base = httpserver.url_for("/").replace("http://", f"http://user:{KEY}@")
    environment = {
        "microsoft": {"BILINGUE_MICROSOFT_URL": base, "MICROSOFT_TRANSLATOR_KEY": KEY},
        "libre": {"BILINGUE_LIBRE_URL": base, "LIBRE_API_KEY": KEY},
        "deepl": {"BILINGUE_DEEPL_URL": httpserver.url_for("/"), "DEEPL_AUTH_KEY": KEY},
    }[provider]
    result = translate(folder, provider, BILINGUE_MAX_ATTEMPTS="1", **environment)
    assert result.returncode == 1
    assert httpserver.log, "the service was never asked"
    reflected = "".join(response.get_data(as_text=True) for _, response in httpserver.log)
    assert KEY in reflected  # the service did echo it: the test would catch a leak
    assert KEY not in result.stdout + result.stderr
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert KEY.encode() not in path.read_bytes(), path
