"""Benchmark: segment + mask + reassemble + validate a generated 10,000-word French essay.

Target (issue 3): under 100 ms on one core. Prints the median and best of several runs and
words/s. The "translation" is the pseudo provider's, computed once outside the timings, so the
reassembled document really differs from the source (as a real translation would).
Run: .venv/bin/python benchmarks/markdown_pipeline.py [--words 10000] [--runs 15]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from bilingue.markdown import (
    compare_documents,
    heading_ids,
    mask,
    parse_document,
    unmask,
    with_heading_id,
)
from bilingue.providers.pseudo import pseudo_translate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    essay = generate_essay(args.words)
    words = len(essay.split())
    # the "service": pseudo translations computed once, outside the timings
    answers = {
        item.text: pseudo_translate(item.text)
        for block in parse_document(essay).blocks
        if block.translatable and not block.is_plain_text
        for item in [mask(block.inline)]
    }
    timings = {"segment": [], "mask": [], "reassemble": [], "validate": [], "total": []}
    for _ in range(args.runs):
        start = time.perf_counter()
        document = parse_document(essay)
        parsed = time.perf_counter()
        masked = {
            index: mask(block.inline)
            for index, block in enumerate(document.blocks)
            if block.translatable and not block.is_plain_text
        }
        masked_at = time.perf_counter()
        # what the service gave back, restored and put in place
        restored = {index: unmask(item, answers[item.text], item.titles) for index, item in masked.items()}
        ids = heading_ids(document)  # English headings keep the French ids
        for index, heading_id in ids.items():
            restored[index] = with_heading_id(restored[index], heading_id)
        rebuilt = document.replace_texts(restored)
        reassembled = time.perf_counter()
        differences = compare_documents(document, parse_document(rebuilt))
        done = time.perf_counter()
        assert differences == [], differences[:3]
        for name, value in (
            ("segment", parsed - start),
            ("mask", masked_at - parsed),
            ("reassemble", reassembled - masked_at),
            ("validate", done - reassembled),
            ("total", done - start),
        ):
            timings[name].append(value * 1000)
    blocks = len(document.blocks)
    print(
        f"essay: {words} words, {len(essay)} characters, {blocks} blocks, {len(masked)} prose blocks masked"
    )
    for name, values in timings.items():
        print(
            f"{name:>10}: {statistics.median(values):7.1f} ms median, {min(values):7.1f} ms best "
            f"(of {args.runs})"
        )
    total = statistics.median(timings["total"])
    print(
        f"throughput: {words / (total / 1000):,.0f} words/s "
        f"({'meets' if total < 100 else 'MISSES'} the 100 ms target)"
    )


def generate_essay(target_words: int, seed: int = 3) -> str:
    """A French essay using every construct the site renders, about ``target_words`` long."""
    rng = random.Random(seed)
    parts = [
        '---\ntitle: "Un essai généré"\ndate: 2025-01-01\n'
        'description: "Un long essai pour mesurer le pipeline."\n---\n\n# Un essai généré\n'
    ]
    count = 0
    section = 0
    while count < target_words:
        section += 1
        chunk = _SECTION.format(
            n=section,
            p1=_sentence(rng, 40),
            p2=_sentence(rng, 35),
            p3=_sentence(rng, 30),
            item=_sentence(rng, 8),
            cell=_sentence(rng, 3),
            note=_sentence(rng, 12),
        )
        parts.append(chunk)
        count += len(chunk.split())
    parts.append("*[ONU]: Organisation des Nations unies\n")
    return "\n".join(parts)


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."


_WORDS = [
    "le",
    "monde",
    "l'entreprise",
    "des",
    "rondes",
    "de",
    "financement",
    "milliards",
    "pour",
    "avec",
    "une",
    "valuation",
    "vertigineuse",
    "humanité",
    "projet",
    "outils",
    "savoir",
    "héritage",
    "technique",
    "culturel",
    "ONU",
    "métier",
    "entrepreneur",
    "toilettes",
    "société",
    "petit",
    "niveau",
    "grandiose",
    "réalité",
]
_SECTION = """## Section {n} : « un titre »

{p1} Du **gras**, de l'*italique*, un [lien](https://example.org/{n} "Titre") et `code`.[^n{n}]

- {item}
- {item} avec ++ctrl+c++ et :smile:
    - {item}

!!! note "Note {n}"
    {p2}

| Colonne | Valeur |
|---------|--------|
| {cell} | `a|b` |

```python
print({n})
```

> {p3}

[^n{n}]: {note}
"""

if __name__ == "__main__":
    main()
