"""Benchmark: the judge (the site's renderer comparing French and English pages), per 10,000 words.

Prints, for a generated 10,000-word essay (every construct the site renders) and its pseudo
translation: the judge's time (render both with mkdocs.yml's Markdown configuration and compare
their structure; the slowest of several runs is the figure that matters), the time to find the
one bad block among all translated blocks when there is one (the halving search `assemble`
runs), and the whole `translate_document` with its share of judging. The first load of
mkdocs.yml (once per process) is printed apart.
Run: .venv/bin/python benchmarks/judge.py [--words 10000] [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from markdown_pipeline import generate_essay

from bilingue.markdown import parse_document
from bilingue.markdown.judge import judge, site_renderer
from bilingue.providers import get_provider
from bilingue.translate import TranslateOptions, translate_document
from bilingue.translate.document import _Judge

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    options = TranslateOptions(site_config=ROOT / "mkdocs.yml")
    start = time.perf_counter()
    renderer = site_renderer(options.site_config)
    print(f"load mkdocs.yml (once per process): {(time.perf_counter() - start) * 1000:.0f} ms")

    french = generate_essay(args.words)
    per = len(french.split()) / 10_000  # figures below are per 10,000 words
    result = translate_document(french, get_provider("pseudo"), options=options)
    assert not result.issues, result.issues[:3]
    english = result.text

    judged = timed(args.runs, lambda: judge(renderer, french, english))
    document = parse_document(french)
    bad = dict(result.translations)
    # the last paragraph gets a translation that changes the page (a rule instead of text)
    victim = max(i for i in bad if document.blocks[i].kind == "paragraph")
    bad[victim] = "*" * 3
    search = timed(args.runs, lambda: _Judge(document, options).culprits(bad))
    assert _Judge(document, options).culprits(bad)[0] == {victim}
    whole = timed(args.runs, lambda: translate_document(french, get_provider("pseudo"), options=options))

    print(f"essay: {len(french.split())} words, {len(result.translations)} translated blocks")
    report("judge (render fr + en, compare)", judged, per)
    report("find the one bad block among all", search, per)
    report("translate_document (pseudo), whole", whole, per)
    share = statistics.median(judged) / statistics.median(whole) * 100
    print(f"judging is {share:.0f}% of translating with the offline provider (network services take seconds)")


def timed(runs: int, action) -> list[float]:
    values = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        values.append((time.perf_counter() - start) * 1000)
    return values


def report(name: str, values: list[float], per: float) -> None:
    print(
        f"{name:>36}: slowest {max(values) / per:7.1f} ms, median {statistics.median(values) / per:7.1f} ms "
        f"per 10,000 words (of {len(values)})"
    )


if __name__ == "__main__":
    main()
