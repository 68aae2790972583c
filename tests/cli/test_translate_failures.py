"""``translate`` against a translation service that keeps failing: what the user is told."""

from __future__ import annotations

from pytest_httpserver import HTTPServer

from bilingue.cli import main
from tests.sync.conftest import ESSAY


def test_the_summary_counts_the_requests_a_failing_service_was_sent(
    tmp_path, httpserver: HTTPServer, capsys, monkeypatch
):
    httpserver.expect_request("/m").respond_with_data("busy", status=503)
    monkeypatch.setenv("BILINGUE_GOOGLE_URL", httpserver.url_for("/m"))
    monkeypatch.setenv("BILINGUE_CACHE_DIR", "off")
    monkeypatch.setenv("BILINGUE_MAX_ATTEMPTS", "2")
    monkeypatch.setenv("BILINGUE_BACKOFF_MAX", "0.05")
    essays = tmp_path / "essais"
    essays.mkdir()
    (essays / "essai.md").write_text(ESSAY, encoding="utf-8")

    assert main(["translate", str(essays), "--provider", "google"]) == 1

    sent = len(httpserver.log)
    assert sent >= 2  # two attempts of at least one request
    error = capsys.readouterr().err
    assert f"; {sent} request(s), 0 characters sent" in error  # characters: only those translated
    assert "1 file(s): 0 block(s) translated" in error and "1 file(s) failed (run again to finish)" in error
    assert list(essays.iterdir()) == [essays / "essai.md"]  # nothing written
