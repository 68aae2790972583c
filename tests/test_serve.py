"""mkdocs serve: a build's own writes start no second build; a failing service rests a while."""

from __future__ import annotations

import logging
from pathlib import Path

from bilingue.files import atomic_write_text
from bilingue.serve import OwnWritesFilter, RebuildCache, UnreachableProviders, start_session


class Build:
    """A builder that writes the English file, like the auto mode's sync does."""

    def __init__(self, docs: Path, during=None):
        self.docs = docs
        self.calls = 0
        self.during = during  # something an author does while the build runs

    def __call__(self) -> None:
        self.calls += 1
        french = (self.docs / "x.md").read_text(encoding="utf-8")
        atomic_write_text(self.docs / "x.en.md", french.upper())
        atomic_write_text(self.docs / "x.lock.json", "{}")
        if self.during:
            self.during()


def project(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "x.md").write_text("un\n", encoding="utf-8")
    return docs


def test_the_builds_own_writes_start_no_second_build(tmp_path):
    docs = project(tmp_path)
    build = Build(docs)
    rebuild = OwnWritesFilter(build, lambda: [docs])
    rebuild.prime()
    (docs / "x.md").write_text("deux\n", encoding="utf-8")  # the author's edit
    rebuild()  # the watcher saw the edit
    rebuild()  # ... then the English file and the lock the build wrote
    assert build.calls == 1
    assert (docs / "x.en.md").read_text(encoding="utf-8") == "DEUX\n"


def test_an_edit_made_during_a_build_gets_its_own_build(tmp_path):
    docs = project(tmp_path)
    other = docs / "y.md"
    build = Build(docs, during=lambda: other.write_text(f"{build.calls}\n", encoding="utf-8"))
    rebuild = OwnWritesFilter(build, lambda: [docs])
    rebuild.prime()
    (docs / "x.md").write_text("deux\n", encoding="utf-8")
    rebuild()
    build.during = None
    rebuild()  # y.md changed while the first build ran: built again
    rebuild()  # nothing new: skipped
    assert build.calls == 2


def test_a_change_outside_the_builds_writes_is_always_built(tmp_path):
    docs = project(tmp_path)
    build = Build(docs)
    rebuild = OwnWritesFilter(build, lambda: [docs])
    rebuild()
    (docs / "x.en.md").write_text("a person's edit\n", encoding="utf-8")
    rebuild()
    assert build.calls == 2


def test_an_unreachable_service_rests_and_is_announced_once(caplog):
    now = [0.0]
    resting = UnreachableProviders(pause=300, clock=lambda: now[0])
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.serve"):
        resting.remember("google", "connection refused")
        now[0] = 100
        assert resting.is_resting("google")
        resting.remember("google", "connection refused")  # a build that tried anyway: said already
    assert [record.getMessage().count("google unreachable") for record in caplog.records] == [1]
    assert "not tried again for 5 min" in caplog.records[0].getMessage()
    assert not resting.is_resting("deepl")
    now[0] = 401
    assert not resting.is_resting("google")


def test_a_rebuild_cache_gives_the_same_result_for_the_same_text_and_forgets_old_ones():
    made: list[str] = []
    cache: RebuildCache[str] = RebuildCache()

    def make(text: str) -> str:
        made.append(text)
        return text.upper()

    assert cache.get("page a", make) == "PAGE A"
    assert cache.get("page a", make) == "PAGE A" and made == ["page a"]  # same text: not made again
    assert cache.get("page a, edited", make) == "PAGE A, EDITED"  # any change is a new text
    cache.next_rebuild()
    assert cache.get("page a", make) == "PAGE A" and len(made) == 2  # used in the previous rebuild
    cache.next_rebuild()  # "page a, edited" was not used in the last rebuild...
    cache.next_rebuild()
    assert cache.get("page a, edited", make) == "PAGE A, EDITED" and len(made) == 3  # ... forgotten
    assert len(cache) == 1


def test_a_session_caches_only_while_serving():
    calls: list[str] = []
    for command, expected_calls in (("build", 2), ("serve", 1)):
        calls.clear()
        session = start_session(command)
        for _ in range(2):
            session.cached(session.sanitized, "<p>x</p>", lambda text: calls.append(text) or text)
        assert len(calls) == expected_calls
    start_session("build")
