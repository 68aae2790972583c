"""Scale: our build against plain Material + i18n on synthetic corpora of N essays.

.venv/bin/python benchmarks/scale.py --sizes 100,300,1000 [--runs 2] [--serve-size 300] [--cli-only]
.venv/bin/python benchmarks/scale.py --sizes 300 --serve-size 300 --serve-only [--servers ours,dirty,plain]

For each N it generates N French essays of about 1,200 words using every construct the site
supports (headings, lists, tables, admonitions, details, tabs, code, maths, keys, footnotes,
citations of a generated sources.yml, tags, authors), their pseudo English and locks
(``bilingue translate --provider pseudo``, cached in --work between runs), then builds the same
files with our configuration (check mode) and with a plain Material + i18n configuration (same
theme, extensions and languages; no hooks, no overrides), alternating which goes first. It prints
wall time, peak memory (RSS of the build process), total site size, one essay page, the home page,
the search index per language, the unchanged ``translate`` / ``--check`` / ``status`` times, and
for --serve-size the edit-to-visible latency of ``mkdocs serve`` (ours, ours with --dirty, plain)
with the number of rebuilds an edit causes.

The figures depend on the machine and its load: run it on a quiet machine, and compare ours and
plain from the same run only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
IGNORE = shutil.ignore_patterns(
    ".venv", ".git", "site", "tests", "benchmarks", "__pycache__", "*.egg-info", ".*_cache", ".hypothesis"
)
# The English files come from the offline `pseudo` provider, which a real site must not publish:
# allowed here, as a test site would in bilingue.yml.
ENVIRONMENT = {
    **os.environ,
    "NO_MKDOCS_2_WARNING": "1",
    "BILINGUE_CACHE_DIR": "off",
    "BILINGUE_ALLOW_TEST_PROVIDERS": "true",
}
# Python as a user runs it, bytecode cached: with PYTHONDONTWRITEBYTECODE (set on some CI machines)
# every command compiles the package's modules again, about 0.5 s of a short command
ENVIRONMENT.pop("PYTHONDONTWRITEBYTECODE", None)


@dataclass
class Build:
    seconds: float
    cpu_seconds: float  # user + system time of the build process: what load changes least
    peak_mib: float
    site_mib: float
    essay_kb: float
    home_kb: float
    search_kb: dict[str, float]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,300", help="corpus sizes, comma-separated (default 100,300)")
    parser.add_argument(
        "--runs", type=int, default=1, help="builds of each configuration per size (and runs of each command)"
    )
    parser.add_argument(
        "--cli-only",
        action="store_true",
        help="time only the unchanged translate / --check / status (no builds, no serve)",
    )
    parser.add_argument(
        "--serve-size", type=int, default=0, help="measure mkdocs serve at this size (0: skip)"
    )
    parser.add_argument(
        "--servers",
        default=",".join(SERVERS),
        help=f"which servers --serve-size measures, comma-separated (default {','.join(SERVERS)})",
    )
    parser.add_argument(
        "--serve-only", action="store_true", help="measure serve only (no builds, no CLI figures)"
    )
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "bilingue-scale", help="corpus cache"
    )
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start", flush=True)
    for size in sizes:
        project = prepare(args.work, size)
        if not args.cli_only and not args.serve_only:
            measure_builds(project, size, args.runs)
        if not args.serve_only:
            measure_cli(project, size, args.runs)
        if size == args.serve_size and not args.cli_only:
            measure_serve(project, args.servers.split(","))
    print(f"load average {os.getloadavg()[0]:.1f} at the end", flush=True)


# --- corpus ----------------------------------------------------------------------------------------


def prepare(work: Path, size: int) -> Path:
    """A copy of the project with ``size`` generated essays, translated (cached)."""
    project = work / f"n{size}"
    marker = project / ".ready"
    if marker.exists() and marker.read_text() == _fingerprint():
        refresh(project)
        return project
    generate(project, size)
    refresh(project)
    return project


def generate(project: Path, size: int) -> None:
    """Copy the project, write ``size`` essays and their sources, translate them with pseudo."""
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(ROOT, project, ignore=IGNORE)
    essays = project / "docs" / "essais"
    shutil.rmtree(essays)
    essays.mkdir()
    rng = random.Random(size)
    sources = [f"s{n:03d}" for n in range(min(40, size))]
    (project / "sources.yml").write_text(registry(sources), encoding="utf-8")
    for number in range(size):
        (essays / f"e{number:04d}.md").write_text(essay(number, rng, sources), encoding="utf-8")
    start = time.perf_counter()
    run([PYTHON, "-m", "bilingue", "translate", "--provider", "pseudo"], project)
    print(
        f"N={size}: corpus generated, first pseudo translation {time.perf_counter() - start:.1f} s",
        flush=True,
    )
    (project / ".ready").write_text(_fingerprint())


def refresh(project: Path) -> None:
    """Bring a corpus's project up to date with this checkout (everything but the essays and
    their sources registry), with tags.yml and authors.yml for the generated essays."""
    for name in ("hooks", "overrides"):
        shutil.rmtree(project / name, ignore_errors=True)
        shutil.copytree(ROOT / name, project / name, ignore=IGNORE)
    for name in ("mkdocs.yml", "bilingue.yml", "glossary.yml"):
        shutil.copy2(ROOT / name, project / name)
    for page in (ROOT / "docs").glob("*.md"):
        shutil.copy2(page, project / "docs" / page.name)
    (project / "mkdocs.plain.yml").write_text(plain_config(project / "mkdocs.yml"), encoding="utf-8")
    # the generated essays' tags and authors, registered as a real site's are (else the strict
    # build stops on them)
    labels = "".join(f"{tag}: theme {tag.split('-')[1]}\n" for tag in TAGS)
    (project / "tags.yml").write_text(labels, encoding="utf-8")
    people = "".join(
        f"{author}:\n  name: Auteur {author.split('-')[1]}\n  bio: {{fr: Écrit., en: Writes.}}\n"
        for author in AUTHORS
    )
    (project / "authors.yml").write_text(people, encoding="utf-8")


def essay(number: int, rng: random.Random, sources: list[str]) -> str:
    date = dt.date(2025, 12, 1) - dt.timedelta(days=7 * number)
    tags = rng.sample(TAGS, 3)
    cited = [sources[number % len(sources)], sources[(number * 7 + 3) % len(sources)]]
    body = [f"# {sentence(rng, 6).rstrip('.')} {number}", ""]
    for section in range(4):
        body += [paragraph(rng, 70) + f"[^src:{cited[section % 2]}]", ""]
        body += [paragraph(rng, 60), ""]
        body += [f"## {sentence(rng, 4).rstrip('.')} {section}", ""]
        body += [*CONSTRUCTS[section * 3 % len(CONSTRUCTS)](rng), ""]
        body += [paragraph(rng, 60) + (" Une note[^1]." if section == 0 else ""), ""]
        body += [*CONSTRUCTS[(section * 3 + 1) % len(CONSTRUCTS)](rng), ""]
        body += [paragraph(rng, 50), ""]
        body += [*CONSTRUCTS[(section * 3 + 2) % len(CONSTRUCTS)](rng), ""]
    body += ["[^1]: Une note de l'auteur, en français.", ""]
    front = [
        "---",
        f'title: "{sentence(rng, 5).rstrip(".")} {number}"',
        f"date: {date.isoformat()}",
        f'description: "{sentence(rng, 18)}"',
        f"tags: [{', '.join(tags)}]",
        f"authors: [{AUTHORS[number % len(AUTHORS)]}]",
        "---",
        "",
    ]
    return "\n".join(front + body)


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, words: int) -> str:
    sentences, left = [], words
    while left > 0:
        count = min(left, rng.randint(8, 16))
        sentences.append(sentence(rng, count))
        left -= count
    text = " ".join(sentences)
    first = text.split(" ", 3)
    return f"{first[0]} *{first[1]}* **{first[2]}** {first[3]}" if len(first) == 4 else text


def registry(ids: list[str]) -> str:
    entries = []
    for index, source_id in enumerate(ids):
        entries.append(
            f"{source_id}:\n  type: report\n  title: Rapport numéro {index}\n  publisher: Institut {index}\n"
            f"  url: https://example.org/rapports/{index}\n  issued: 2024-0{index % 9 + 1}-15\n"
            f"  accessed: 2025-01-10\n  language: fr\n"
        )
    return "\n".join(entries)


def plain_config(ours: Path) -> str:
    """Our mkdocs.yml without our hooks and overrides: plain Material + i18n on the same files."""
    text = ours.read_text(encoding="utf-8")
    text = re.sub(r"^hooks:\n(?:(?:[ \t]+.*|[ \t]*#.*)?\n)+", "", text, flags=re.MULTILINE)
    text = re.sub(r"^  custom_dir: .*\n", "", text, flags=re.MULTILINE)
    text = re.sub(r"^strict: true", "strict: false", text, flags=re.MULTILINE)
    return re.sub(r"^      reconfigure_search: false\n", "", text, flags=re.MULTILINE)


# --- measurements ----------------------------------------------------------------------------------


def measure_builds(project: Path, size: int, runs: int) -> None:
    results: dict[str, list[Build]] = {"ours": [], "plain": []}
    for attempt in range(runs):
        order = ("ours", "plain") if attempt % 2 == 0 else ("plain", "ours")
        for name in order:
            results[name].append(build(project, name))
    for name, builds in results.items():
        best = min(builds, key=lambda b: b.seconds)
        times = ", ".join(f"{b.seconds:.1f}" for b in builds)
        cpu = ", ".join(f"{b.cpu_seconds:.1f}" for b in builds)
        search = " / ".join(f"{lang} {kb:.0f} KB" for lang, kb in best.search_kb.items())
        print(
            f"N={size} {name:5}: build {best.seconds:6.1f} s (runs: {times}; CPU s: {cpu})  "
            f"peak RSS {best.peak_mib:5.0f} MiB  site {best.site_mib:6.1f} MiB  "
            f"essay page {best.essay_kb:5.1f} KB  home {best.home_kb:5.1f} KB  search {search}",
            flush=True,
        )
    ours, plain = (min(b.seconds for b in results[name]) for name in ("ours", "plain"))
    # on a shared machine the wall time follows the other jobs' load; CPU time much less
    ours_cpu, plain_cpu = (min(b.cpu_seconds for b in results[name]) for name in ("ours", "plain"))
    print(
        f"N={size} ratio ours/plain: {ours / plain:.2f} wall (best of each), "
        f"{ours_cpu / plain_cpu:.2f} CPU (least of each)",
        flush=True,
    )


def build(project: Path, name: str) -> Build:
    config = "mkdocs.yml" if name == "ours" else "mkdocs.plain.yml"
    with tempfile.TemporaryDirectory() as site_name:
        site = Path(site_name)
        command = [PYTHON, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)]
        seconds, peak, cpu = timed(command, project, {"BILINGUE_MODE": "check"})
        essay = site / "essais" / "e0000" / "index.html"
        search = {
            "fr": site / "search" / "search_index.json",
            "en": site / "en" / "search" / "search_index.json",
        }
        return Build(
            seconds=seconds,
            cpu_seconds=cpu,
            peak_mib=peak,
            site_mib=sum(f.stat().st_size for f in site.rglob("*") if f.is_file()) / 2**20,
            essay_kb=essay.stat().st_size / 1000,
            home_kb=(site / "index.html").stat().st_size / 1000,
            search_kb={lang: path.stat().st_size / 1000 for lang, path in search.items() if path.exists()},
        )


def measure_cli(project: Path, size: int, runs: int) -> None:
    """The unchanged corpus's ``translate`` / ``--check`` / ``status``, each ``runs`` times in turn:
    wall seconds (best, then every run) and CPU seconds (user + system, of the best run's process;
    less sensitive than wall time to other jobs on the machine)."""
    commands = {
        "translate": ["translate", "--provider", "pseudo"],
        "translate --check": ["translate", "--check"],
        "status": ["status"],
    }
    times: dict[str, list[tuple[float, float]]] = {label: [] for label in commands}
    for _ in range(max(runs, 1)):
        for label, arguments in commands.items():
            seconds, _, cpu = timed([PYTHON, "-m", "bilingue", *arguments], project)
            times[label].append((seconds, cpu))
    for label, figures in times.items():
        wall, cpu = min(figures)
        every = ", ".join(f"{seconds:.2f}" for seconds, _ in figures)
        print(
            f"N={size} unchanged {label:17}: {wall:.2f} s wall, {cpu:.2f} s CPU (runs: {every})", flush=True
        )


def measure_serve(project: Path, servers: list[str], edits: int = 3) -> None:
    for name in servers:
        label, config, extra = SERVERS[name]
        latencies, rebuilds = serve_edits(project, config, extra, edits)
        shown = ", ".join(f"{seconds:.1f}" for seconds in latencies)
        print(
            f"   serve {label:12}: edit visible after {statistics.median(latencies):.1f} s median "
            f"({shown}), {rebuilds / edits:.1f} rebuild(s) per edit",
            flush=True,
        )


def serve_edits(project: Path, config: str, extra: list[str], edits: int) -> tuple[list[float], int]:
    """Seconds from each French edit to its text being served, and the builds the edits caused.

    ``mkdocs serve`` in auto mode with the pseudo provider: the edited essay is translated
    before its pages are built, as an author would see it. Each edit waits for the previous
    one's rebuilds to be over."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {**ENVIRONMENT, "BILINGUE_MODE": "auto", "BILINGUE_PROVIDER": "pseudo"}
    command = [PYTHON, "-m", "mkdocs", "serve", "-f", config, "--dev-addr", f"127.0.0.1:{port}", *extra]
    server = subprocess.Popen(
        command, cwd=project, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    log: list[str] = []
    threading.Thread(target=lambda: log.extend(server.stdout), daemon=True).start()
    essay = project / "docs" / "essais" / "e0001.md"
    original = essay.read_text(encoding="utf-8")
    url = f"http://127.0.0.1:{port}/essais/e0001/"
    latencies = []
    try:
        wait_for(url, "</html>", 900, server)
        log.clear()
        for edit in range(edits):
            word = f"Zanzibar{edit}x{time.time_ns()}"
            start = time.perf_counter()
            essay.write_text(original.replace("\n\n## ", f"\n\n{word}.\n\n## ", 1), encoding="utf-8")
            wait_for(url, word, 900, server)
            latencies.append(time.perf_counter() - start)
            time.sleep(2 * latencies[-1] + 3)  # the English pass, then any second rebuild, are over by then
        rebuilds = sum("Building documentation" in line for line in log)
    finally:
        essay.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
        restore_translation(project)
    return latencies, rebuilds


def restore_translation(project: Path) -> None:
    run([PYTHON, "-m", "bilingue", "translate", "--provider", "pseudo"], project)


def wait_for(url: str, text: str, seconds: float, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"mkdocs serve stopped (exit {server.returncode}) before {url} showed {text!r}")
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} never showed {text!r}")


def timed(
    command: list[str], cwd: Path, environment: dict[str, str] | None = None
) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MiB) and CPU seconds (user + system) of one process."""
    with tempfile.TemporaryFile("w+") as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env={**ENVIRONMENT, **(environment or {})},
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        _, status, usage = os.wait4(process.pid, 0)  # this process's own peak memory, not the largest child's
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status):
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{errors.read()[-3000:]}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def run(command: list[str], cwd: Path) -> None:
    subprocess.run(
        command, cwd=cwd, env=ENVIRONMENT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def _fingerprint() -> str:
    """What makes a cached corpus stale: bump CORPUS_VERSION when the generator or the lock
    format changes (a build upgrades an older lock in memory each time: not today's cost)."""
    return f"corpus {CORPUS_VERSION}"


# --- data ------------------------------------------------------------------------------------------

#: the version of the generated corpora (cached in --work): bump it when essay() or registry() change
CORPUS_VERSION = 2  # 2: locks of version 3

#: --servers: name -> (label, config, mkdocs serve's options)
SERVERS = {
    "ours": ("ours", "mkdocs.yml", []),
    # MkDocs warns on every dirty build: --strict (our mkdocs.yml) would abort it
    "dirty": ("ours --dirty", "mkdocs.yml", ["--dirty", "--no-strict"]),
    "plain": ("plain", "mkdocs.plain.yml", []),
}

WORDS = [
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "entreprise",
    "projet",
    "monde",
    "idée",
    "travail",
    "ville",
    "temps",
    "humanité",
    "outil",
    "santé",
    "école",
    "donnée",
    "marché",
    "rêve",
    "pays",
    "prix",
    "milliard",
    "client",
    "équipe",
    "produit",
    "valeur",
    "question",
    "réponse",
    "raison",
    "soin",
    "savoir",
    "avenir",
    "passé",
    "histoire",
    "début",
    "fin",
    "chemin",
    "moyen",
    "but",
    "métier",
    "vie",
    "choix",
    "risque",
    "chance",
    "effort",
    "construit",
    "cherche",
    "trouve",
    "aide",
    "pense",
    "change",
    "apprend",
    "mesure",
    "compte",
    "vend",
    "paie",
    "gagne",
    "perd",
    "montre",
    "grand",
    "petit",
    "simple",
    "difficile",
    "rapide",
    "lent",
    "clair",
    "flou",
    "vrai",
    "faux",
    "nouveau",
    "ancien",
    "juste",
    "utile",
    "rare",
    "souvent",
    "parfois",
    "jamais",
    "toujours",
    "ensemble",
    "ailleurs",
    "ici",
    "vraiment",
    "surtout",
    "donc",
    "mais",
    "car",
    "puis",
]
TAGS = [f"thème-{n}" for n in range(30)]
AUTHORS = [f"auteur-{n}" for n in range(10)]
CONSTRUCTS = [
    lambda r: [
        f"- {sentence(r, 6)}",
        f"- {sentence(r, 7)}",
        f"    - {sentence(r, 5)}",
        f"- {sentence(r, 6)}",
    ],
    lambda r: [f"1. {sentence(r, 6)}", f"2. {sentence(r, 6)}", f"3. {sentence(r, 6)}"],
    lambda r: [f"> {sentence(r, 12)}", ">", f"> {sentence(r, 10)}"],
    lambda r: ["| Année | Valeur |", "|---|---|", "| 2023 | 12 |", "| 2024 | 15 |"],
    lambda r: ['!!! note "Remarque"', "", f"    {sentence(r, 14)}"],
    lambda r: ['??? info "Détails"', "", f"    {sentence(r, 12)}"],
    lambda r: ['=== "Premier"', "", f"    {sentence(r, 8)}", "", '=== "Second"', "", f"    {sentence(r, 8)}"],
    lambda r: ["```python", "def total(valeurs):", "    return sum(valeurs)", "```"],
    lambda r: ["$$", "E = m c^2", "$$", "", f"Appuyez sur ++ctrl+c++ pour ==copier== {sentence(r, 4)}"],
    lambda r: [f"- [x] {sentence(r, 5)}", f"- [ ] {sentence(r, 5)}"],
    lambda r: [
        "Terme",
        f":   {sentence(r, 9)}",
        "",
        f"Un [lien](https://example.org/{r.randint(1, 99)}) {sentence(r, 6)}",
    ],
    lambda r: ['<div class="bl-aside" markdown>', "", sentence(r, 10), "", "</div>"],
]


if __name__ == "__main__":
    main()
