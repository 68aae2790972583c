"""A person edits the English file while ``translate`` waits on a slow service: their edit is kept
(compare-and-swap), nothing is written for that essay, and the run says so. Events, no sleeps:
the service holds its answer until the test has made the edit."""

from __future__ import annotations

import threading

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from bilingue.cli import main
from tests.providers.conftest import google_handler
from tests.sync.conftest import ESSAY


def test_an_edit_made_while_the_service_answers_is_kept(
    tmp_path, monkeypatch, httpserver: HTTPServer, capsys
):
    monkeypatch.setenv("BILINGUE_GOOGLE_URL", httpserver.url_for("/m"))
    monkeypatch.setenv("BILINGUE_CACHE_DIR", "off")
    monkeypatch.setenv("BILINGUE_LANGUAGE_CHECK", "false")
    monkeypatch.setenv("BILINGUE_TIMEOUT", "300")
    folder = tmp_path / "essais"
    folder.mkdir()
    french, english = folder / "essai.md", folder / "essai.en.md"
    french.write_text(ESSAY, encoding="utf-8")
    assert main(["translate", str(folder), "--provider", "pseudo"]) == 0
    lock_before = (folder / "essai.lock.json").read_text(encoding="utf-8")
    french.write_text(ESSAY.replace("la pluie", "la neige"), encoding="utf-8")  # now outdated

    asked, edited = threading.Event(), threading.Event()
    answer = google_handler()

    def slow(request: Request) -> Response:
        asked.set()
        edited.wait(timeout=120)  # held until the person has saved their edit
        return answer(request)

    httpserver.expect_request("/m").respond_with_handler(slow)
    outcome: list[int] = []
    run = threading.Thread(
        target=lambda: outcome.append(main(["translate", str(folder), "--provider", "google"]))
    )
    run.start()
    assert asked.wait(timeout=120), "the service was never asked"
    person = english.read_text(encoding="utf-8").replace("# ", "# Edited by a person: ", 1)
    english.write_text(person, encoding="utf-8")
    edited.set()
    run.join(timeout=300)

    assert outcome == [1]
    assert english.read_text(encoding="utf-8") == person  # kept, not overwritten
    assert (folder / "essai.lock.json").read_text(encoding="utf-8") == lock_before  # nothing written
    error = capsys.readouterr().err
    assert "essai.en.md: changed on disk while this run was working; your version is kept" in error
    # the next run sees the person's edit as it would any edit
    main(["translate", str(folder), "--provider", "pseudo"])
    assert "Edited by a person" in english.read_text(encoding="utf-8")
