"""The build's corpus: one read per file, per-language collections, citations with file lines."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bilingue import corpus as corpus_module
from bilingue.corpus import Corpus, corpus_of_folder
from bilingue.errors import SourceFileError
from bilingue.files import read_text

ESSAY = "---\ntitle: {title}\ndate: {date}\ndescription: Résumé.\ntags: {tags}\n---\n\n{body}\n"


def write(path: Path, title="Titre", date="2024-11-19", tags="[a, b]", body="Un deux trois.") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ESSAY.format(title=title, date=date, tags=tags, body=body), encoding="utf-8")
    return path


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    write(docs / "essais" / "ancien.md", title="Ancien", date="2023-01-01", tags="solo")
    write(docs / "essais" / "recent.md", title="Récent", date="2025-02-03", body="Un chiffre[^src:a].")
    write(docs / "essais" / "recent.en.md", title="Recent", date="2025-02-03", body="A figure[^src:a].")
    (docs / "index.md").write_text("# Accueil\n\nVoir[^src:b].\n", encoding="utf-8")
    return docs


def test_each_language_gets_the_essays_its_readers_see_newest_first(docs):
    corpus = corpus_of_folder(docs)
    french, english = corpus.essays("fr"), corpus.essays("en")
    assert [(e.slug, e.meta.title) for e in french] == [("recent", "Récent"), ("ancien", "Ancien")]
    assert [(e.slug, e.meta.title) for e in english] == [("recent", "Recent"), ("ancien", "Ancien")]
    recent, ancien = english
    assert recent.is_translated("en") and not ancien.is_translated("en")  # French fallback
    assert ancien.src_uri == recent.src_uri.replace("recent", "ancien") == "essais/ancien.md"
    assert ancien.meta.tags == ["solo"] and recent.word_count == 2


def test_collections_group_by_year_and_find_by_slug(docs):
    french = corpus_of_folder(docs).essays("fr")
    assert {year: [e.slug for e in essays] for year, essays in french.by_year().items()} == {
        2025: ["recent"],
        2023: ["ancien"],
    }
    assert french.by_slug("ancien").meta.title == "Ancien" and french.by_slug("absent") is None
    assert [e.slug for e in french.recent(1)] == ["recent"]


def test_citations_are_found_once_with_their_line_in_the_file(docs):
    corpus = corpus_of_folder(docs)
    page = corpus.pages["fr"]["essais/recent.md"]
    assert [(c.source_id, c.line) for c in page.citations] == [("a", 8)]
    assert corpus.cited_ids("fr") == {"a", "b"}  # the home page's citation counts too
    assert corpus.cited_ids("en") == {"a", "b"}


@pytest.fixture
def reads(monkeypatch) -> list[Path]:
    """The files the corpus reads from disk, in order."""
    read = []

    def counting_read_text(path, **options):
        read.append(Path(path))
        return read_text(path, **options)

    monkeypatch.setattr(corpus_module, "read_text", counting_read_text)
    return read


def test_a_file_is_read_once_and_its_text_shared_for_the_build(docs, reads):
    corpus = Corpus()
    corpus.start_pass("fr")
    path = write(docs / "essais" / "neuf.md", body="Texte neuf.")
    corpus.load("fr", "essais/neuf.md", path)
    assert corpus.source_for_mkdocs(str(path)).endswith("Texte neuf.\n")
    assert corpus.text(path) == corpus.source_for_mkdocs(str(path))  # the translation notice's plan
    assert reads == [path]
    corpus.forget_texts()
    assert corpus.source_for_mkdocs(str(path)) is None  # MkDocs would read the file itself


def test_an_unchanged_file_is_not_read_again_by_a_later_build_of_the_same_process(docs, reads):
    path = write(docs / "essais" / "neuf.md", body="Texte neuf.")
    first, second = Corpus(), Corpus()
    first.start_pass("fr")
    first.load("fr", "essais/neuf.md", path)
    second.start_pass("fr")
    second.load("fr", "essais/neuf.md", path)
    assert reads == [path]  # by the first build only
    assert second.source_for_mkdocs(str(path)) is None
    write(path, body="Texte changé, plus long.")
    os.utime(path, ns=(1, 1))  # another time than the first write's, whatever the clock's precision
    second.load("fr", "essais/neuf.md", path)
    assert reads == [path, path] and second.essays("fr")[0].word_count == 4


def test_a_new_build_forgets_the_previous_one(docs):
    corpus = corpus_of_folder(docs)
    corpus.start_pass("fr")
    assert len(corpus.essays("fr")) == 0 and "en" not in corpus.pages


def test_bad_front_matter_names_the_file_and_line(docs):
    path = write(docs / "essais" / "x.md", date="19/11/2024")
    with pytest.raises(SourceFileError) as caught:
        corpus_of_folder(docs)
    assert caught.value.path == path and caught.value.line == 3


def test_unreadable_essays_can_be_left_out_for_another_check(docs):
    write(docs / "essais" / "x.md", date="19/11/2024")
    corpus = corpus_of_folder(docs, skip_unreadable=True)
    assert [e.slug for e in corpus.essays("fr")] == ["recent", "ancien"]
    assert [e.slug for e in corpus.essays("en")] == ["recent", "ancien"]


def test_essays_in_subfolders_are_named_by_their_path(docs):
    write(docs / "essais" / "2024" / "x.md")
    essay = corpus_of_folder(docs).essays("fr").by_slug("2024/x")
    assert essay is not None and essay.src_uri == "essais/2024/x.md"


def test_an_essays_folder_of_another_name(docs):
    (docs / "essais").rename(docs / "textes")
    corpus = corpus_of_folder(docs, "textes")
    assert [e.src_uri for e in corpus.essays("fr")] == ["textes/recent.md", "textes/ancien.md"]
    assert not corpus_of_folder(docs).essays("fr")  # "essais" by default: no essay there


TRICKY_BODY = (
    '# Un *titre* l\'ONU\n\n- un `code` et [lien](https://x.org "t")\n\n| a b | c |\n|---|---|\n'
    "| d-e | f_g |\n\n> cité[^src:a] ![alt](i.png)\n\n```\npas compté\n```\n\n*[ONU]: Nations\n"
)


def test_a_translation_is_counted_when_asked_as_an_original_would_be(docs, reads):
    """Reading times are the French original's: a translation's words are counted when first
    asked, from the text read once, to the very number an eager count gives."""
    english = write(docs / "essais" / "recent.en.md", title="Recent", body=TRICKY_BODY)
    french = write(docs / "essais" / "tricky.md", title="Tricky", body=TRICKY_BODY)
    corpus = corpus_of_folder(docs)
    translated = corpus.essays("en").by_slug("recent")
    original = corpus.essays("fr").by_slug("tricky")
    assert isinstance(translated.words, corpus_module.LaterWordCount)
    assert repr(translated.words) == "LaterWordCount(...)"  # not counted by the read
    assert isinstance(original.words, int)
    reads_before = list(reads)
    expected = corpus_module.words_in(corpus_module._parsed(read_text(english), english).prose_blocks())
    assert translated.word_count == original.word_count == expected == 15  # 3 + 4 + 6 + 1 + 1
    assert repr(translated.words) == "LaterWordCount(15)"
    assert reads == reads_before  # counted from the text read once, not from the file again
    assert translated.words == corpus_of_folder(docs).essays("en").by_slug("recent").words
    assert french in reads
