"""Benchmark: the build's corpus read (``Corpus.load`` of every page, both language passes).

What ``hooks/essays.py`` on_files does at the start of a build: every Markdown file of ``docs/``
read, parsed with the Markdown model, its citations, definitions, malformed references and (for
an essay) front matter and word count found. Prints the process time of the whole read, best of
several runs, and of its parts (parse, inline scan, references, word count; a part's wrapper adds
a little time). Without DOCS, reads 100 essays generated as ``scale.py`` does, each with an English
file that is a copy of the French (``scale.py``'s corpora have pseudo English: pass their docs/).
Run: .venv/bin/python benchmarks/corpus_load.py [DOCS] [--essays 100] [--runs 7]
"""

from __future__ import annotations

import argparse
import collections
import functools
import random
import tempfile
import time
from pathlib import Path

import scale

from bilingue import corpus
from bilingue.markdown import model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", type=Path, nargs="?", help="a docs/ folder (default: generated essays)")
    parser.add_argument("--essays", type=int, default=100, help="essays to generate without DOCS")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if args.docs is None:
        with tempfile.TemporaryDirectory() as folder:
            run(_generated(Path(folder), args.essays), args.runs)
    else:
        run(args.docs, args.runs)


def run(docs: Path, runs: int) -> None:
    """Best of ``runs`` reads of ``docs``, then best of ``runs`` with its parts timed (the
    wrappers that time them add a little, so the total is from reads without them)."""
    total, found = _best(docs, runs)
    pages = sum(len(pages) for pages in found.pages.values())
    essays = sum(len(found.essays(language)) for language in found.pages)
    print(f"{pages} pages read ({essays} essays), best of {runs}: {total:.3f} s process time")
    parts: collections.Counter[str] = collections.Counter()
    _time(corpus, "parse_document", "parse", parts)
    _time(model, "scan_inline", "inline scan", parts)
    _time(corpus, "find_references", "references (+ scans)", parts)
    _time(corpus, "words_in", "word count (+ scans)", parts)
    _time(corpus, "find_citations", "citations (+ scans)", parts)  # (before find_references)
    _time(corpus, "count_words", "word count (+ scans)", parts)  # (words_in's name before)
    best: dict[str, float] = {}
    timed = float("inf")
    for _ in range(runs):
        parts.clear()
        seconds, _ = _best(docs, 1)
        if seconds < timed:
            timed, best = seconds, dict(parts)
    print(f"  parts (best of {runs} with the parts timed: {timed:.3f} s)")
    for name, seconds in best.items():
        print(f"  {name:>22}: {seconds:.3f} s")


def _best(docs: Path, runs: int) -> tuple[float, corpus.Corpus]:
    best = float("inf")
    for _ in range(runs):
        corpus._RECORDS.clear()  # no reuse between runs: each is a first build
        start = time.process_time()
        found = corpus.corpus_of_folder(docs)
        best = min(best, time.process_time() - start)
    return best, found


def _generated(docs: Path, count: int) -> Path:
    """``count`` essays as scale.py writes them, each with a copy as its English version."""
    essays = docs / corpus.ESSAYS_FOLDER
    essays.mkdir(parents=True)
    rng = random.Random(count)
    sources = [f"s{n:03d}" for n in range(min(40, count))]
    for number in range(count):
        text = scale.essay(number, rng, sources)
        (essays / f"e{number:04d}.md").write_text(text, encoding="utf-8")
        (essays / f"e{number:04d}.en.md").write_text(text, encoding="utf-8")
    return docs


def _time(owner: object, attribute: str, label: str, parts: collections.Counter[str]) -> None:
    function = getattr(owner, attribute, None)
    if function is None:  # (an older package: another checkout's src/ first on PYTHONPATH, for an A/B)
        return

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
