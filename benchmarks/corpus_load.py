"""Benchmark: the build's corpus read (``Corpus.load`` of every page, both language passes).

What ``hooks/essays.py`` on_files does at the start of a build: every Markdown file of ``docs/``
read, parsed with the Markdown model, its citations, definitions, malformed references and (for
an essay) front matter and word count found. Prints the process time of the whole read, best of
several runs, and of its parts (parse, inline scan, citations, word count).
Run: .venv/bin/python benchmarks/corpus_load.py DOCS [--runs 7] (DOCS: e.g. a ``scale.py`` corpus's docs/)
"""

from __future__ import annotations

import argparse
import collections
import functools
import time
from pathlib import Path

from bilingue import corpus
from bilingue.markdown import model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    parts: collections.Counter[str] = collections.Counter()
    _time(corpus, "parse_document", "parse", parts)
    _time(model, "scan_inline", "inline scan", parts)
    _time(corpus, "find_references", "references (+ scans)", parts)
    _time(corpus, "words_in", "word count (+ scans)", parts)
    best: tuple[float, dict[str, float]] | None = None
    for _ in range(args.runs):
        corpus._RECORDS.clear()  # no reuse between runs: each is a first build
        parts.clear()
        start = time.process_time()
        found = corpus.corpus_of_folder(args.docs)
        total = time.process_time() - start
        if best is None or total < best[0]:
            best = (total, dict(parts))
    pages = sum(len(pages) for pages in found.pages.values())
    essays = sum(len(found.essays(language)) for language in found.pages)
    assert best is not None
    print(f"{pages} pages read ({essays} essays), best of {args.runs}: {best[0]:.3f} s process time")
    for name, seconds in best[1].items():
        print(f"  {name:>22}: {seconds:.3f} s")


def _time(owner: object, attribute: str, label: str, parts: collections.Counter[str]) -> None:
    function = getattr(owner, attribute)

    @functools.wraps(function)
    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            parts[label] += time.process_time() - start

    setattr(owner, attribute, timed)


if __name__ == "__main__":
    main()
