"""Strict build of the real site: wall time (best of N) and the size of each language's search index.

.venv/bin/python benchmarks/site_build.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds to time (the best is reported)")
    args = parser.parse_args()
    times = []
    with tempfile.TemporaryDirectory() as site:
        for _ in range(args.runs):
            times.append(build(Path(site)))
        print(
            f"mkdocs build --strict (fr + en): best {min(times):.2f} s of {args.runs} "
            f"(all: {', '.join(f'{t:.2f}' for t in times)})"
        )
        for language, index in (("fr", "search/search_index.json"), ("en", "en/search/search_index.json")):
            path = Path(site) / index
            documents = len(json.loads(path.read_text(encoding="utf-8"))["docs"])
            print(f"search index {language}: {path.stat().st_size / 1024:.1f} KiB, {documents} entries")


def build(site: Path) -> float:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=ROOT,
        env=environment,
        check=True,
    )
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
