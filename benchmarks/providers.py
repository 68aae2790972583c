"""Benchmark: naive deep-translator vs bilingue's providers, against a slow loopback server.

A local HTTP server answers in Google's mobile-page format after 150 ms per request (a fair
figure for a real translation service). The corpus is 100 synthetic French essays. Three runs:

(a) naive: deep-translator's ``GoogleTranslator.translate_batch`` over every paragraph of every
    essay (one request per paragraph, one after the other: what the library offers);
(b) ours, cold: ``get_provider("google")`` with default politeness settings and an empty cache,
    all paragraphs of the run in one call (packing, de-duplication, 2 workers, rate limit);
(c) ours, warm: the same again with the cache from (b).

Requests and characters are counted by the server. Targets: (b) at least 5x fewer requests and
5x less wall time than (a); (c) 0 requests.

    .venv/bin/python benchmarks/providers.py [--essays 100] [--naive-essays 100] [--latency 0.15]

``--naive-essays N`` runs (a) on the first N essays only and scales its figures to the corpus
(said in the output), to save time.
"""

from __future__ import annotations

import argparse
import html
import random
import re
import sys
import tempfile
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--essays", type=int, default=100)
    parser.add_argument("--naive-essays", type=int, default=100)
    parser.add_argument("--latency", type=float, default=0.15)
    args = parser.parse_args()

    essays = make_corpus(args.essays)
    paragraphs = [paragraph for essay in essays for paragraph in essay]
    print(
        f"corpus: {len(essays)} essays, {len(paragraphs)} paragraphs, "
        f"{len(set(paragraphs))} distinct, {sum(map(len, paragraphs)):,} characters; "
        f"server latency {args.latency * 1000:.0f} ms per request"
    )

    server = start_server(args.latency)
    url = f"http://127.0.0.1:{server.server_port}/m"
    try:
        naive = run_naive(essays[: args.naive_essays], url, server.counter)
        scale = len(essays) / max(1, min(args.naive_essays, len(essays)))
        if scale != 1:
            print(f"(a) measured on {args.naive_essays} essays, scaled x{scale:g} to the corpus")
            naive = {key: value * scale for key, value in naive.items()}
        with tempfile.TemporaryDirectory() as cache_dir:
            cold = run_ours(paragraphs, url, cache_dir, server.counter)
            warm = run_ours(paragraphs, url, cache_dir, server.counter)
    finally:
        server.shutdown()

    rows = [
        ("(a) naive deep-translator", naive),
        ("(b) bilingue, cold", cold),
        ("(c) bilingue, warm cache", warm),
    ]
    print(f"\n{'run':<28}{'requests':>10}{'characters':>14}{'wall time':>12}")
    for name, figures in rows:
        print(
            f"{name:<28}{figures['requests']:>10.0f}{figures['characters']:>14,.0f}"
            f"{figures['seconds']:>11.2f}s"
        )
    fewer = naive["requests"] / max(1, cold["requests"])
    faster = naive["seconds"] / cold["seconds"]
    print(
        f"\n(b) vs (a): {fewer:.1f}x fewer requests, {faster:.1f}x less wall time "
        f"(target 5x each); (c): {warm['requests']:.0f} requests (target 0)"
    )
    ok = fewer >= 5 and faster >= 5 and warm["requests"] == 0
    print("targets met" if ok else "TARGETS NOT MET")
    return 0 if ok else 1


def run_naive(essays: list[list[str]], url: str, counter: Counter) -> dict[str, float]:
    from deep_translator import GoogleTranslator

    counter.reset()
    start = time.perf_counter()
    for essay in essays:
        translator = GoogleTranslator(source="fr", target="en")
        translator._base_url = url
        translator.translate_batch(essay)
    return {"seconds": time.perf_counter() - start, **counter.figures()}


def run_ours(paragraphs: list[str], url: str, cache_dir: str, counter: Counter) -> dict[str, float]:
    from bilingue.providers import get_provider
    from bilingue.providers.settings import load_settings

    # default politeness (concurrency, rate limit, retries); only the endpoint and cache differ
    settings = load_settings({"google_url": url, "cache_dir": cache_dir})
    counter.reset()
    start = time.perf_counter()
    chain = get_provider("google", settings=settings)
    result = chain.translate_texts(paragraphs, "fr", "en")
    seconds = time.perf_counter() - start
    assert len(result) == len(paragraphs)
    return {"seconds": seconds, **counter.figures()}


# --- corpus ---------------------------------------------------------------------------------

SUBJECTS = [
    "La mémoire",
    "Le village",
    "Cette rivière",
    "Notre hypothèse",
    "La lettre",
    "Le facteur",
    "Une archive",
    "La cloche de l'église",
    "Le vieux pêcheur",
    "La première neige",
    "Un voyageur",
    "La bibliothèque municipale",
]
VERBS = [
    "raconte",
    "cache",
    "révèle",
    "transforme",
    "oublie",
    "éclaire",
    "contredit",
    "prolonge",
    "interroge",
    "rassemble",
]
OBJECTS = [
    "une histoire que personne ne voulait entendre",
    "les traces d'un hiver ancien",
    "la patience des habitants",
    "ce que les sources ne disent pas",
    "le silence des matins de brume",
    "une vérité plus modeste qu'on ne le croit",
    "les lettres envoyées depuis la côte",
    "le souvenir d'une fête oubliée",
]
ENDINGS = [
    "",
    " depuis des années",
    " avec une obstination tranquille",
    " à sa manière",
    " pour qui sait lire",
    " sans jamais le dire",
]
CLOSING = "Merci de votre lecture : les sources de cet essai sont citées en notes."


def make_corpus(count: int) -> list[list[str]]:
    rng = random.Random(2026)
    essays = []
    for _ in range(count):
        paragraphs = []
        for _ in range(rng.randint(4, 7)):
            sentences = [
                f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(ENDINGS)}."
                for _ in range(rng.randint(2, 4))
            ]
            paragraphs.append(" ".join(sentences))
        paragraphs.append(CLOSING)  # the same block in every essay
        essays.append(paragraphs)
    return essays


# --- loopback server ------------------------------------------------------------------------


class Counter:
    def __init__(self):
        self._lock = threading.Lock()
        self.reset()

    def reset(self):
        with self._lock:
            self.requests = 0
            self.characters = 0

    def add(self, characters: int):
        with self._lock:
            self.requests += 1
            self.characters += characters

    def figures(self) -> dict[str, float]:
        return {"requests": self.requests, "characters": self.characters}


def start_server(latency: float) -> ThreadingHTTPServer:
    counter = Counter()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            text = parse_qs(urlparse(self.path).query).get("q", [""])[0]
            counter.add(len(text))
            time.sleep(latency)
            body = (
                f'<html><body><div class="result-container">{html.escape(fake_english(text))}'
                f"</div></body></html>"
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=UTF-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.counter = counter
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


ENGLISH = (
    "the of and to in is that it was for on are with as his they be at one have this "
    "from or had by word but what some we can out other were all there when up use your "
    "how said an each she which do their time if will way about many then them write"
)
_ENGLISH_WORDS = ENGLISH.split()
_WORD = re.compile(r"[^\W\d_]+")


def fake_english(text: str) -> str:
    """Every word replaced by an English one; separators, digits and punctuation kept."""
    return _WORD.sub(
        lambda m: _ENGLISH_WORDS[zlib.crc32(m.group(0).lower().encode()) % len(_ENGLISH_WORDS)], text
    )


if __name__ == "__main__":
    sys.exit(main())
