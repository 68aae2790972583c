"""``python -m bilingue translate`` as a user runs it: writes, --check, --dry-run, kill -9 and resume."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from bilingue.cli import main
from bilingue.markdown import compare_documents, parse_document
from tests.cli.conftest import translated_essay
from tests.providers.conftest import google_handler
from tests.sync.conftest import ESSAY, edit

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def essays(tmp_path: Path) -> Path:
    folder = tmp_path / "essais"
    folder.mkdir()
    for number in range(6):
        text = ESSAY.replace("Un essai de test", f"Essai numéro {number}").replace(
            "la pluie et du beau temps", f"la pluie du jour {number}"
        )
        (folder / f"essai-{number}.md").write_text(text, encoding="utf-8")
    return folder


def test_check_exit_codes(essays, capsys):
    assert main(["translate", str(essays), "--check"]) == 1
    out = capsys.readouterr().out
    assert "essai-0.md:1: no English version" in out and "6 English file(s) to update" in out
    assert main(["translate", str(essays), "--provider", "pseudo"]) == 0
    assert main(["translate", str(essays), "--check"]) == 0
    path = essays / "essai-3.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("la conclusion", "le mot de la fin"), encoding="utf-8"
    )
    capsys.readouterr()
    assert main(["translate", str(essays), "--check"]) == 1
    assert "essai-3.md:25: English version out of date (French lines 25)" in capsys.readouterr().out


def test_dry_run_sends_and_writes_nothing(essays, capsys, monkeypatch):
    monkeypatch.setenv("BILINGUE_GOOGLE_URL", "http://127.0.0.1:9/m")  # would fail if contacted
    monkeypatch.setenv("BILINGUE_CACHE_DIR", "off")
    assert main(["translate", str(essays), "--dry-run", "--provider", "google"]) == 0
    out = capsys.readouterr().out
    assert "essai-0.md: new, 13 block(s) to send" in out
    assert "google (primary): 1 request(s)" in out and "quota" in out
    assert list(essays.glob("*.en.md")) == [] and list(essays.glob("*.lock.json")) == []


def test_a_missing_path_is_a_clear_error(tmp_path, capsys):
    assert main(["translate", str(tmp_path / "nope")]) == 1
    assert "nope: no such file or folder" in capsys.readouterr().err


def test_check_lists_unreadable_files_apart_with_their_own_advice(essays, capsys):
    assert main(["translate", str(essays), "--provider", "pseudo"]) == 0
    lock = essays / "essai-2.lock.json"
    lock.write_text(lock.read_text(encoding="utf-8")[:300], encoding="utf-8")  # head -c 300
    (essays / "essai-4.en.md").unlink()
    (essays / "essai-4.lock.json").unlink()
    capsys.readouterr()
    assert main(["translate", str(essays), "--check"]) == 1
    out = capsys.readouterr().out
    assert f"{lock}:" in out and "unreadable lock file: invalid JSON" in out
    assert "1 file(s) cannot be read: fix each as its message says" in out
    assert "essai-4.md:1: no English version" in out
    assert "1 English file(s) to update: run `python -m bilingue translate`." in out


def test_check_with_only_an_unreadable_file_does_not_advise_translate(essays, capsys):
    assert main(["translate", str(essays / "essai-0.md"), "--provider", "pseudo"]) == 0
    lock = essays / "essai-0.lock.json"
    lock.write_text("{", encoding="utf-8")
    capsys.readouterr()
    assert main(["translate", str(essays / "essai-0.md"), "--check"]) == 1
    out = capsys.readouterr().out
    assert "1 file(s) cannot be read" in out and "English file(s) to update" not in out
    assert "run `python -m bilingue translate`" not in out


def test_a_run_counts_unreadable_files_apart_from_service_failures(essays, capsys):
    (essays / "essai-1.md").write_bytes("---\ntitle: Été\n---\n".encode("latin-1"))
    assert main(["translate", str(essays), "--provider", "pseudo"]) == 1
    error = capsys.readouterr().err
    assert f"{essays / 'essai-1.md'}:2: not UTF-8 text" in error
    assert "1 file(s) cannot be read (fix them as said above)" in error and "run again" not in error


@pytest.mark.parametrize("mode", [[], ["--dry-run"], ["--stdout"]])
def test_an_unknown_provider_stops_before_any_file_is_read(essays, mode, capsys, monkeypatch):
    monkeypatch.delenv("BILINGUE_PROVIDER", raising=False)
    assert main(["translate", str(essays), "--provider", "pseudo"]) == 0  # nothing left to translate
    capsys.readouterr()
    (essays / "essai-0.md").write_bytes(b"\xff")  # would fail if it were read
    target = essays / "essai-1.md" if mode == ["--stdout"] else essays
    assert main(["translate", str(target), *mode, "--provider", "googel"]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("error: unknown translation provider 'googel': choose from google,")
    assert "(given by --provider)" in captured.err and "essai-0" not in captured.out + captured.err


def test_an_unknown_provider_in_the_environment_names_the_variable(essays, capsys, monkeypatch):
    monkeypatch.setenv("BILINGUE_PROVIDER", "googel")
    assert main(["translate", str(essays)]) == 1
    assert "(given by environment variable BILINGUE_PROVIDER)" in capsys.readouterr().err
    assert main(["translate", str(essays), "--check"]) == 1  # --check sends nothing: no provider needed
    assert "6 English file(s) to update" in capsys.readouterr().out


def test_a_second_run_on_the_same_folder_is_refused_and_writes_nothing(essays, capsys):
    other_run = os.open(essays, os.O_RDONLY)  # what a running `translate` holds (see bilingue.files)
    try:
        fcntl.flock(other_run, fcntl.LOCK_EX)
        assert main(["translate", str(essays), "--provider", "pseudo"]) == 1
    finally:
        os.close(other_run)
    error = capsys.readouterr().err
    assert f"{essays.resolve()}: another process is writing here" in error
    assert "run the command again" in error
    assert list(essays.glob("*.en.md")) == []


def test_a_run_removes_the_temporary_file_a_killed_run_left_and_says_so(essays, capsys):
    leftover = essays / ".essai-1.lock.json.k3j_9a2q.tmp"
    leftover.write_text('{"blocks": [', encoding="utf-8")
    assert main(["translate", str(essays), "--provider", "pseudo"]) == 0
    assert not leftover.exists()
    message = f"{leftover.resolve()}: removed, a temporary file left by an interrupted run"
    assert message in capsys.readouterr().err


class HeldAfter:
    """Answers the first ``answered`` requests, then holds the others until ``release`` is set.

    One request per essay: a run killed while its next request is held has finished exactly
    the essays answered, however fast or slow the machine.
    """

    def __init__(self, answered: int):
        self.answered = answered
        self.holding = threading.Event()
        self.release = threading.Event()
        self.arrived = 0  # counted on arrival: a held request counts before it is answered
        self._lock = threading.Lock()
        self._translate = google_handler()

    def handler(self, request):
        with self._lock:
            self.arrived += 1
            held = self.arrived > self.answered
        if held:
            self.holding.set()
            self.release.wait(60)
        return self._translate(request)


def run_translate(essays: Path, server: HTTPServer, tmp_path: Path) -> subprocess.Popen:
    environment = {
        **os.environ,
        "BILINGUE_GOOGLE_URL": server.url_for("/m"),
        "BILINGUE_CACHE_DIR": str(tmp_path / "cache"),
        "BILINGUE_GOOGLE_RATE_LIMIT": "1000",
        "BILINGUE_CONCURRENCY": "1",
    }
    command = [sys.executable, "-m", "bilingue", "translate", str(essays), "--provider", "google"]
    return subprocess.Popen(
        command, cwd=tmp_path, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def test_kill_9_in_the_middle_then_rerun_completes_without_corruption(essays, tmp_path, httpserver):
    server = HeldAfter(answered=2)
    httpserver.expect_request("/m").respond_with_handler(server.handler)
    process = run_translate(essays, httpserver, tmp_path)
    assert server.holding.wait(60), "the run never asked for its third essay"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    server.release.set()
    finished = len(list(essays.glob("*.en.md")))
    assert 2 <= finished < 6, "the run was not interrupted in the middle"
    sent_before = server.arrived

    process = run_translate(essays, httpserver, tmp_path)
    output, _ = process.communicate(timeout=120)
    assert process.returncode == 0, output
    resumed = server.arrived - sent_before
    assert resumed <= 6 - finished + 1, output  # finished files are not sent again

    for french in sorted(essays.glob("essai-?.md")):
        english = french.with_name(french.stem + ".en.md").read_text(encoding="utf-8")
        assert (
            compare_documents(parse_document(french.read_text(encoding="utf-8")), parse_document(english))
            == []
        )
        assert '"pending"' not in french.with_name(french.stem + ".lock.json").read_text(encoding="utf-8")
    assert list(essays.glob(".*.tmp")) == []  # no half-written temporary file left

    process = run_translate(essays, httpserver, tmp_path)
    output, _ = process.communicate(timeout=60)
    assert process.returncode == 0 and server.arrived == sent_before + resumed, output


def test_an_empty_provider_name_is_refused_not_replaced_by_the_default(essays, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["translate", str(essays), "--provider", " "])
    assert exit_.value.code == 2 and "give a provider name" in capsys.readouterr().err


def test_dry_run_names_an_unreadable_essay_and_estimates_the_others(essays, capsys):
    (essays / "essai-2.md").write_bytes("---\ntitle: Déjà\n---\n".encode("latin-1"))
    assert main(["translate", str(essays), "--dry-run", "--provider", "pseudo"]) == 1
    captured = capsys.readouterr()
    assert "essai-2.md:2: not UTF-8 text" in captured.err
    assert "essai-5.md: new, 13 block(s) to send" in captured.out


def test_check_lists_a_persons_block_set_aside_until_clear_aside(tmp_path, capsys):
    essays, english = translated_essay(tmp_path)
    edit(english, "DDërññîërr ppáráágrááphëë", "Last paragraph")  # a person's English
    edit(essays / "essai.md", "\nDernier paragraphe : la conclusion de l'essai.\n", "")
    assert main(["translate", str(essays), "--provider", "pseudo"]) == 0
    assert "Last paragraph" not in english.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["translate", "--check", str(essays)]) == 1
    out = capsys.readouterr().out
    assert "a person's English block set aside" in out
    assert "its French was: Dernier paragraphe : la conclusion de l'essai." in out
    assert "English kept aside: Last paragraph" in out
    assert f"python -m bilingue translate --clear-aside {essays / 'essai.md'}" in out
    assert main(["translate", "--clear-aside", str(essays / "essai.md")]) == 0
    assert "1 block(s) set aside cleared from essai.lock.json" in capsys.readouterr().out
    assert main(["translate", "--check", str(essays)]) == 0
