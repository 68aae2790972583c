"""Benchmark: the inline scanner on hostile paragraphs, 2,000 / 4,000 / 8,000 repeats of a shape.

An essay comes from a stranger's pull request and `words_in` scans every block on every build,
so no paragraph may make the scan quadratic. For each shape this prints the best time of a few
runs at each size and the ratio 8k/4k: about 2 means linear, about 4 quadratic.
Run: .venv/bin/python benchmarks/inline_hostile.py [--runs 3] [--module path/to/inline.py]
(--module times another copy of the scanner, e.g. an older one:
`git show <commit>:src/bilingue/markdown/inline.py > /tmp/inline_old.py`.)
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from types import ModuleType

from bilingue.markdown import inline

SIZES = (2_000, 4_000, 8_000)
# name -> (repeated shape, reference labels the essay defines)
SHAPES: dict[str, tuple[str, tuple[str, ...]]] = {
    "[a  (brackets never closed)": ("[a ", ()),
    "<!--  (comments never closed)": ("<!-- ", ()),
    "\\(  (math never closed)": ("\\( ", ()),
    "[^a  (footnote references)": ("[^a", ()),
    '[a](u "  (link titles)': ('[a](u "', ()),
    "[a](b  (link destinations)": ("[a](b", ()),
    "{#a x=  (attribute lists)": ("{#a x=", ()),
    "{a=  (attribute values)": ("{a=", ()),
    "_ *  (emphasis never closed)": ("_ *", ()),
    "``\\  (code spans never closed)": ("``\\", ()),
    "[ ... ]  (nested, a reference defined)": ("[]", ("a",)),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--module", help="time this copy of inline.py instead of the package's")
    args = parser.parse_args()
    scanner = load(args.module) if args.module else inline
    print(f"scanner: {args.module or inline.__file__}; best of {args.runs}")
    print(f"{'shape':42} " + " ".join(f"{size:>9,}" for size in SIZES) + "   8k/4k")
    for name, (shape, references) in SHAPES.items():
        context = scanner.InlineContext(references=frozenset(references))
        seconds = [best(scanner, hostile(shape, size), context, args.runs) for size in SIZES]
        figures = " ".join(f"{value:8.3f}s" for value in seconds)
        print(f"{name:42} {figures}   x{seconds[-1] / max(seconds[-2], 1e-9):.1f}", flush=True)
    # exponential before: one list of 22 quoted values, never closed (each more value doubled it)
    label, attributes = '{ + x="a"  * 22  (one attribute list)', "{" + 'x="a" ' * 22
    print(f"{label:42} {best(scanner, attributes, None, 1):8.3f}s")


def hostile(shape: str, size: int) -> str:
    if shape == "[]":  # nested brackets around a defined label
        return "[" * size + "a" + "]" * size
    return shape * size


def best(scanner: ModuleType, text: str, context, runs: int) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        scanner.scan_inline(text, context)
        timings.append(time.perf_counter() - start)
    return min(timings)


def load(path: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location("inline_under_test", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    main()
