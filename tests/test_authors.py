from __future__ import annotations

from pathlib import Path

import pytest

from bilingue.authors import Author, AuthorRegistry, essay_authors, load_authors, site_author_from
from bilingue.errors import SourceFileError

VALID = """\
# a comment
claire-martin:
  name: Claire Martin
  bio: {fr: Écrit., en: Writes.}
  url: https://example.org/claire
  avatar: assets/claire.png
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "authors.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_registry_reads_names_bios_links_and_avatars(tmp_path: Path):
    (tmp_path / "docs" / "assets").mkdir(parents=True)
    (tmp_path / "docs" / "assets" / "claire.png").write_bytes(b"png")
    registry = load_authors(write(tmp_path, VALID), tmp_path / "docs")
    claire = registry.get("claire-martin")
    assert claire.name == "Claire Martin"
    assert (claire.bio_in("fr"), claire.bio_in("en")) == ("Écrit.", "Writes.")
    assert claire.url == "https://example.org/claire"
    assert claire.avatar == "assets/claire.png"


def test_missing_registry_is_empty(tmp_path: Path):
    assert load_authors(tmp_path / "authors.yml").authors == {}


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        (
            VALID.replace("https://example.org/claire", "javascript:alert(1)"),
            2,
            "url: Value error, must be an http",
        ),
        (
            VALID.replace("assets/claire.png", "../../etc/passwd.png"),
            2,
            "avatar: Value error, must be a path inside",
        ),
        (  # it is written into the authors page's Markdown: ")" or "{" would add attributes
            VALID.replace("assets/claire.png", '"assets/x){ onerror=alert(1) }.png"'),
            2,
            "avatar: Value error, must be a path inside",
        ),
        (VALID.replace("  bio: {fr: Écrit., en: Writes.}\n", ""), 2, "claire-martin.bio: Field required"),
        (VALID.replace("en: Writes.", "de: Schreibt."), 2, "bio.en: Field required"),
        (VALID.replace("claire-martin:", "Claire Martin:"), 2, "is not lowercase letters"),
        # written into the pages as an anchor: a final newline is not let in either
        (VALID.replace("claire-martin:", '"claire-martin\\n":'), 2, "is not lowercase letters"),
        ("- claire\n", 1, "expected one entry per author id"),
        ("# Claire Martin\n{Claire Martin: {name: C}}\n", 2, "is not lowercase letters"),
    ],
)
def test_bad_entries_name_file_line_and_field(tmp_path: Path, text: str, line: int, problem: str):
    with pytest.raises(SourceFileError) as error:
        load_authors(write(tmp_path, text))
    assert error.value.line == line
    assert problem in error.value.problem


def test_avatar_must_exist_under_docs(tmp_path: Path):
    with pytest.raises(SourceFileError, match=r"no file docs/assets/claire\.png"):
        load_authors(write(tmp_path, VALID), tmp_path / "docs")


def test_the_sites_author_signs_an_essay_that_names_none():
    registry = AuthorRegistry(Path("authors.yml"), {"a": Author("a", "A")})
    owner = site_author_from({"author": {"name": "Site Owner", "url": "https://example.org"}})
    assert owner == Author("", "Site Owner", url="https://example.org")
    assert essay_authors([], registry, owner) == [owner]
    assert essay_authors(["a"], registry, owner) == [registry.get("a")]
    assert essay_authors([], registry, site_author_from({"author": {"name": ""}})) == []
    assert site_author_from({"author": {"name": "X", "url": "javascript:x"}}).url is None
