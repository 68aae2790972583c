"""Never stuck (issue 12): a `translate` run that exits 0 leaves `translate --check` passing;
a block that cannot be translated safely stays French, is recorded, and --check says which,
why and how to fix it; English from the test providers is refused unless allowed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from bilingue.cli import main
from bilingue.providers import get_provider
from bilingue.providers.pseudo import PseudoProvider
from bilingue.sync import find_problems, sync_paths
from bilingue.sync.lock import UNTRANSLATED, read_lock
from bilingue.translate import TranslateOptions

# The cases of issue 12's table that used to leave an essay "out of date" forever, or lose bytes.
CASES = {
    "setext.md": "Un\ndeux\n---\n\nFin.\n",
    "bom.md": "\ufeff---\ntitle: Un titre\n---\n\nUn texte.\n",
    "crlf.md": "---\r\ntitle: Un titre\r\n---\r\n\r\nUn texte\r\nsur deux lignes.\r\n\r\n"
    "- un\r\n\t- deux\r\n",
    "mixed.md": "Texte.\n{: .x }\n\n[TOC]\n\n\tcode\n\nÀ contact@example.org, AT&T; : oui !\n",
}


@pytest.fixture
def essays(tmp_path: Path) -> Path:
    folder = tmp_path / "essais"
    folder.mkdir()
    for name, text in CASES.items():
        (folder / name).write_bytes(text.encode("utf-8"))
    return folder


def test_translate_exit_0_then_check_passes_on_every_case(essays, capsys):
    assert main(["translate", str(essays), "--provider", "pseudo"]) == 0
    assert main(["translate", str(essays), "--check"]) == 0
    assert "every English essay is up to date" in capsys.readouterr().out
    english = (essays / "bom.en.md").read_text(encoding="utf-8")
    assert english.startswith("\ufeff---\ntitle: ") and "Un texte" not in english
    crlf = (essays / "crlf.en.md").read_bytes()
    assert crlf.count(b"\r\n") == CASES["crlf.md"].count("\r\n") - 1 and b"\n" not in crlf.replace(
        b"\r\n", b""
    )


def test_identity_writes_every_case_back_byte_for_byte(essays):
    assert main(["translate", str(essays), "--provider", "identity"]) == 0
    for name, text in CASES.items():
        assert (essays / name.replace(".md", ".en.md")).read_bytes() == text.encode("utf-8")
    assert main(["translate", str(essays), "--check"]) == 0


class BreaksOneBlock:
    """The pseudo translator, except that it turns one sentence into a heading, whole or in pieces."""

    name = "pseudo"

    def __init__(self) -> None:
        self.inner = PseudoProvider()
        self.texts: list[str] = []

    def translate_texts(self, texts: Sequence[str], source: str, target: str, **_: object) -> list[str]:
        self.texts += texts
        answers = self.inner.translate_texts(texts, source, target)
        return [
            "# " + answer if "cassée" in text else answer for text, answer in zip(texts, answers, strict=True)
        ]


def test_a_block_that_cannot_be_translated_stays_french_and_check_says_why(tmp_path, capsys):
    folder = tmp_path / "essais"
    folder.mkdir()
    french = folder / "essai.md"
    french.write_text("# Titre\n\nUne phrase cassée par le service.\n\nUne autre phrase.\n", encoding="utf-8")
    options = TranslateOptions(allow_test_providers=True)
    provider = BreaksOneBlock()
    run = sync_paths([folder], lambda: provider, options)
    assert not run.failed
    assert any("essai.md:3: paragraph kept in French" in message for message in run.files[0].messages)
    english = (folder / "essai.en.md").read_text(encoding="utf-8")
    assert "Une phrase cassée par le service." in english and "Une autre" not in english
    [entry] = [e for e in read_lock(folder / "essai.lock.json").state.blocks if e.provider == UNTRANSLATED]
    assert entry.reason == "a line would start a new Markdown block"

    problems = find_problems([folder], options)
    assert not problems  # --check passes: the run that wrote this exited 0
    lines = "\n".join(problems.lines())
    assert f"note: {french}:3: paragraph still in French in essai.en.md" in lines
    assert "(a line would start a new Markdown block)" in lines and "translating it by hand" in lines

    again = BreaksOneBlock()
    sync_paths([folder], lambda: again, options)
    assert again.texts == []  # not sent again: the same service would fail the same way
    french.write_text(french.read_text(encoding="utf-8").replace("cassée", "réparée"), encoding="utf-8")
    sync_paths([folder], lambda: again, options)
    assert "Une phrase réparée par le service." not in (folder / "essai.en.md").read_text(encoding="utf-8")
    assert not find_problems([folder], options).untranslated


def test_check_prints_the_notes_and_passes(tmp_path, capsys):
    folder = tmp_path / "essais"
    folder.mkdir()
    (folder / "essai.md").write_text("Une phrase cassée.\n", encoding="utf-8")
    sync_paths([folder], BreaksOneBlock, TranslateOptions(allow_test_providers=True))
    assert main(["translate", str(folder), "--check"]) == 0
    out = capsys.readouterr().out
    assert "essai.md:1: paragraph still in French" in out and "every English essay is up to date" in out


def test_english_from_a_test_provider_fails_check_unless_allowed(essays, capsys, monkeypatch):
    assert main(["translate", str(essays), "--provider", "pseudo"]) == 0
    monkeypatch.delenv("BILINGUE_ALLOW_TEST_PROVIDERS")
    capsys.readouterr()
    assert main(["translate", str(essays), "--check"]) == 1
    out = capsys.readouterr().out
    assert f"{essays / 'bom.en.md'}: 2 block(s) written by the test provider pseudo" in out
    assert "must not be published" in out and "allow_test_providers" in out
    monkeypatch.setenv("BILINGUE_ALLOW_TEST_PROVIDERS", "true")
    assert main(["translate", str(essays), "--check"]) == 0


def test_the_setting_is_read_from_bilingue_yml(tmp_path, monkeypatch):
    from bilingue.config import load_config

    monkeypatch.delenv("BILINGUE_ALLOW_TEST_PROVIDERS")
    assert load_config(tmp_path).translate_options().allow_test_providers is False
    (tmp_path / "bilingue.yml").write_text("translation:\n  allow_test_providers: true\n", encoding="utf-8")
    assert load_config(tmp_path).translate_options().allow_test_providers is True
    assert get_provider("identity").name == "identity"


def test_a_block_left_in_french_is_a_notice_for_github(tmp_path, capsys):
    folder = tmp_path / "essais"
    folder.mkdir()
    (folder / "essai.md").write_text("Une phrase cassée.\n", encoding="utf-8")
    sync_paths([folder], BreaksOneBlock, TranslateOptions(allow_test_providers=True))
    assert main(["translate", str(folder), "--check", "--format", "github"]) == 0
    out = capsys.readouterr().out
    assert "::notice file=" in out and "essai.md,line=1," in out and "still in French" in out
