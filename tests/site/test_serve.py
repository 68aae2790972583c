"""`mkdocs serve` on the real project: one rebuild per French edit, check mode shown on the page.

The server's log is read line by line as it comes (a queue filled by a reader thread): the tests
wait for the log lines that say what happened, never for a fixed time.
"""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bilingue.providers.pseudo import pseudo_translate
from tests.conftest import NEW_ESSAY, copy_project

pytestmark = pytest.mark.build


class Server:
    def __init__(self, process: subprocess.Popen, port: int):
        self.process = process
        self.port = port
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put("")  # the server has stopped

    def wait_line(self, wanted: Callable[[str], bool], seconds: float = 120) -> str:
        """The next log line ``wanted`` accepts (every line read is kept in ``seen``)."""
        while True:
            line = self.lines.get(timeout=seconds)
            assert line, "mkdocs serve stopped:\n" + "".join(self.seen)
            self.seen.append(line)
            if wanted(line):
                return line

    def page(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as response:
            return response.read().decode("utf-8")


@contextmanager
def serving(project: Path, mode: str) -> Iterator[Server]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "BILINGUE_MODE": mode,
        "BILINGUE_PROVIDER": "pseudo",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    server = Server(process, port)
    try:
        server.wait_line(lambda line: "Serving on" in line)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_french_edit_costs_one_rebuild_in_auto_mode(tmp_path):
    project = copy_project(tmp_path / "project")
    essay = project / "docs" / "essais" / "nouveau.md"
    essay.write_text(NEW_ESSAY, encoding="utf-8")
    with serving(project, "auto") as server:
        before_edit = len(server.seen)
        essay.write_text(NEW_ESSAY.replace("grenouilles", "cigales"), encoding="utf-8")
        server.wait_line(lambda line: "Detected file changes" in line)
        server.wait_line(lambda line: "Reloading browsers" in line)
        # the build wrote nouveau.en.md and nouveau.lock.json: the watcher fires again...
        server.wait_line(lambda line: "Detected file changes" in line)
        # ... and the next line about building says there is nothing to build
        line = server.wait_line(lambda line: "Building documentation" in line or "own writes" in line)
        assert "Only the build's own writes changed" in line
        assert pseudo_translate("cigales") in server.page("en/essais/nouveau/")
    assert sum("Building documentation" in line for line in server.seen[before_edit:]) == 1


def test_check_mode_shows_the_problem_on_the_page_and_keeps_serving(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "essais" / "nouveau.md").write_text(NEW_ESSAY, encoding="utf-8")
    with serving(project, "check") as server:
        assert any("nouveau.md" in line and "no English version" in line for line in server.seen)
        page = server.page("essais/nouveau/")
        assert "Translation check (mode: check)" in page and "no English version" in page
        assert "Translation check" not in server.page("essais/mystique/")
    assert not (project / "docs" / "essais" / "nouveau.en.md").exists()
