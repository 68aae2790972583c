"""Benchmark: the sanitizer's fast paths against the slow paths they stand for, on rendered pages.

Renders the project's own pages (docs/ and the Markdown test corpus) with mkdocs.yml's Markdown,
joined into --pages pages of an essay's length, and prints the best of --runs for each: nh3 with the
reserved-id callback (the slow path) and ``sanitize_html`` (without it unless needed); the whole
texts' rewriting and ``_same_markup`` (the lines that differ). Same answers are checked, not timed.
Run: .venv/bin/python benchmarks/sanitize.py [--pages 230] [--runs 5]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from bilingue.frontmatter import split_front_matter
from bilingue.safety import (
    _ODD_TAG_NAME,
    _RESERVED_ID_CLEANER,
    _same_markup,
    _written_plainly,
    sanitize_html,
)
from bilingue.unsafe_content import site_markdown

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=230, help="pages per run (230: 100 essays' site)")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    pages = rendered_pages(options.pages)
    cleaned = [sanitize_html(page) for page in pages]
    pairs = list(zip(pages, cleaned, strict=True))
    assert cleaned == [_RESERVED_ID_CLEANER.clean(page) for page in pages]
    assert [_same_markup(*pair) for pair in pairs] == [whole_comparison(*pair) for pair in pairs]
    print(f"{len(pages)} pages, {sum(map(len, pages)):,} characters; best of {options.runs} runs")
    timings = {
        "nh3 with the reserved-id callback": lambda: [_RESERVED_ID_CLEANER.clean(page) for page in pages],
        "sanitize_html": lambda: [sanitize_html(page) for page in pages],
        "rewriting of the whole texts": lambda: [whole_comparison(*pair) for pair in pairs],
        "_same_markup (the lines that differ)": lambda: [_same_markup(*pair) for pair in pairs],
    }
    for label, work in timings.items():
        print(f"  {best_time(work, options.runs) * 1000:7.1f} ms  {label}")


def rendered_pages(count: int, size: int = 14_000) -> list[str]:
    """``count`` pages of about ``size`` characters (an essay's), each rendered documents in turn."""
    renderer = site_markdown(ROOT / "mkdocs.yml")
    sources = sorted((ROOT / "tests" / "markdown" / "corpus").glob("*.md"))
    sources += sorted((ROOT / "docs").rglob("*.md"))
    rendered = [renderer.convert(split_front_matter(path.read_text("utf-8"), path).body) for path in sources]
    pages: list[str] = []
    next_document = 0
    while len(pages) < count:
        parts: list[str] = []
        while sum(map(len, parts)) < size:
            parts.append(rendered[next_document % len(rendered)])
            next_document += 1
        pages.append("\n".join(parts))
    return pages


def whole_comparison(fragment: str, clean: str) -> bool:
    """What ``_same_markup`` answered before it looked at the lines that differ only."""
    return fragment == clean or (
        not _ODD_TAG_NAME.search(fragment) and _written_plainly(fragment) == _written_plainly(clean)
    )


def best_time(work: Callable[[], object], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


if __name__ == "__main__":
    main()
