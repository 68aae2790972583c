"""Sync of 300 synthetic essays: an unchanged run and a one-paragraph edit (issue 4's targets).

    .venv/bin/python benchmarks/sync.py [--essays 300] [--words 600]

Translation goes through the offline pseudo provider wrapped in a request counter, so the figures
are the pipeline's own cost (planning, alignment, writes), not a network's.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from markdown_pipeline import generate_essay

from bilingue.providers.pseudo import PseudoProvider
from bilingue.sync import sync_paths
from bilingue.translate import TranslateOptions


class CountingPseudo(PseudoProvider):
    def __init__(self) -> None:
        super().__init__()
        self.texts = 0

    def translate_texts(self, texts, source, target, **_):
        self.texts += len(texts)
        return super().translate_texts(texts, source, target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--essays", type=int, default=300)
    parser.add_argument("--words", type=int, default=600, help="words per essay")
    args = parser.parse_args()
    options = TranslateOptions()
    with tempfile.TemporaryDirectory() as folder:
        essays = Path(folder)
        for number in range(args.essays):
            (essays / f"essai-{number:03}.md").write_text(
                generate_essay(args.words, seed=number), encoding="utf-8"
            )
        blocks = report("first run (all new)", essays, options)
        report("unchanged run", essays, options)
        target = essays / "essai-150.md"
        text = target.read_text(encoding="utf-8")
        paragraph = next(line for line in text.splitlines() if len(line) > 80 and line[0].isupper())
        target.write_text(text.replace(paragraph, paragraph + " Une phrase ajoutée.", 1), encoding="utf-8")
        report("one paragraph edited", essays, options)
        print(f"corpus: {args.essays} essays, {blocks:,} prose blocks")


def report(label: str, essays: Path, options: TranslateOptions) -> int:
    provider = CountingPseudo()
    start = time.perf_counter()
    run = sync_paths([essays], lambda: provider, options)
    elapsed = time.perf_counter() - start
    written = sum(1 for file in run.files if file.written)
    print(
        f"{label:24} {elapsed:6.2f} s  requests: {provider.requests:4}  texts sent: "
        f"{provider.texts:6,}  files written: {written}"
    )
    return run.total("translated") + run.total("reused") + run.total("human")


if __name__ == "__main__":
    main()
