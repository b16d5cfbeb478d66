"""Throughput of extraction against jieba segmentation alone, on the same large text, in the same run.

    python benchmarks/extract.py [--megabytes 1] [--repeat 3]
    python benchmarks/extract.py --commands [--megabytes 1] [--repeat 3]   # whole process against whole process
    python benchmarks/extract.py --commands --baseline ../main              # and main's kg, in the same rounds

The input is the two cleaned seed articles repeated until the text is at
least ``--megabytes`` MiB of UTF-8, extracted as one document.  Three figures,
each the best of ``--repeat`` rounds (run round robin), in characters per second:

* extraction: ``Extractor.extract`` — recognition, resolution, relations and
  indicators, text to facts (the gazetteer of the bundled curated graph);
* extraction + RDF: the same plus ``document_triples`` (the triples a store gets);
* ``jieba.lcut`` (default accurate mode with HMM) on the same text.

Target: extraction at least as fast as jieba segmentation alone (ratio ≥ 1).
Times are CPU seconds of this process (``time.process_time``), so that other
work on a shared machine does not tilt the ratio; wall seconds are printed too.
Dictionary loading and pattern compilation happen before the clocks start.

``--commands`` times whole processes instead, start-up included, on the same
text written to a file: ``kg extract FILE --out OUT`` (Turtle, the default
format; ``--formats`` adds others) against a Python process that imports
jieba, reads the file, runs ``jieba.lcut`` and writes the words one per line
— jieba as a command.  CPU seconds of each process (``os.wait4``), best of
``--repeat``, round robin, after one untimed round: both start as installed
packages do, with their modules' bytecode compiled once (``PYTHONDONTWRITEBYTECODE``
is lifted for the children, the bytecode kept in a temporary folder), and jieba
with the prefix-dictionary cache it writes on its first run.  Target: ``kg
extract`` at least as fast (ratio ≥ 1).  ``--baseline TREE`` adds ``kg extract``
run from another source tree (a checkout of main) to the same round robin: on
a shared machine a change is only measured against what it changes under the
same load.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kg.extract.pipeline import Extractor, default_gazetteer, document_triples
from kg.model.vocab import DATA_DIR
from kg.sources.documents import Article, load_article
from kg.sources.words import jieba

ROOT = Path(__file__).resolve().parent.parent
JIEBA_COMMAND = """
import sys, logging, jieba
jieba.setLogLevel(logging.WARNING)
with open(sys.argv[1], encoding="utf-8") as f:
    words = jieba.lcut(f.read())
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write("\\n".join(words))
"""


def timed(run: Callable[[], object]) -> tuple[float, float, object]:
    """(CPU seconds of this process, wall seconds, result)."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = run()
    return time.process_time() - cpu, time.perf_counter() - wall, result


def seed_text(megabytes: float) -> str:
    seeds = "\n\n".join(load_article(p).text for p in sorted((DATA_DIR / "documents").glob("*.txt")))
    parts = [seeds]
    while len("\n\n".join(parts).encode("utf-8")) < megabytes * 1024 * 1024:
        parts.append(seeds)
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=1.0, help="size of the input in MiB of UTF-8 (default 1)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--commands", action="store_true", help="time whole processes: kg extract against jieba")
    parser.add_argument(
        "--formats", nargs="+", default=["turtle"], help="with --commands: kg extract --format (turtle, trig, jsonl)"
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        default=None,
        metavar="TREE",
        help="with --commands: also time kg extract from another source tree (e.g. a checkout of main), in the "
        "same round robin, so that a change is measured against what it changes under the same load",
    )
    args = parser.parse_args()

    text = seed_text(args.megabytes)
    if args.commands:
        commands(text, args.repeat, args.formats, args.baseline)
        return
    article = Article(id="benchmark", title="benchmark", text=text, district="巴南区", city="重庆市")
    extractor = Extractor(default_gazetteer())
    jieba.initialize()
    extractor.extract(Article(id="warm", title="", text=text[:2000], district="巴南区", city="重庆市"))

    # Round robin, best of --repeat each, in CPU time of this process: on a machine shared with
    # other work, waiting for a core is not time spent extracting (wall time is printed too).
    runs: dict[str, list[tuple[float, float]]] = {"extraction": [], "rdf": [], "jieba": []}
    for _ in range(args.repeat):
        cpu, wall, extraction = timed(lambda: extractor.extract(article))
        runs["extraction"].append((cpu, wall))
        cpu, wall, graph = timed(lambda: document_triples(extractor.extract(article)))
        runs["rdf"].append((cpu, wall))
        cpu, wall, words = timed(lambda: jieba.lcut(text))
        runs["jieba"].append((cpu, wall))
    best = {name: (min(c for c, _ in times), min(w for _, w in times)) for name, times in runs.items()}
    extract_time, rdf_time, jieba_time = (best[k][0] for k in ("extraction", "rdf", "jieba"))

    chars = len(text)
    print(f"input: {chars:,} characters, {len(text.encode('utf-8')):,} bytes (the seed articles repeated)")
    entities = sum(1 for e in extraction.entities if e.mentions)
    print(
        f"extracted: {entities} entities, {len(extraction.relations)} relations, "
        f"{len(extraction.indicators)} indicators; {len(graph):,} triples; jieba: {len(words):,} words"
    )
    print(f"{'':<22}{'CPU s':>9}{'chars/s':>12}{'wall s':>9}")
    for label, key in (("extraction", "extraction"), ("extraction + RDF", "rdf"), ("jieba.lcut", "jieba")):
        cpu, wall = best[key]
        print(f"{label:<22}{cpu:>9.3f}{chars / cpu:>12,.0f}{wall:>9.3f}")
    print(f"ratio extraction / jieba: {jieba_time / extract_time:.2f}x (target >= 1)")
    print(f"ratio extraction + RDF / jieba: {jieba_time / rdf_time:.2f}x")


def run(argv: list[str], env: dict[str, str], root: Path = ROOT) -> tuple[float, float, float]:
    """(CPU s, wall s, peak RSS MiB) of one process and its children, with ``root``'s kg.

    Run in ``root``: ``python -m`` and ``-c`` put the working folder first on ``sys.path``, before
    ``PYTHONPATH``, so a baseline started from another tree would import that tree's kg instead of its own.
    """
    env = {**env, "PYTHONPATH": str(root)}
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    error = process.stderr.read() if process.stderr else b""
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{error.decode('utf-8', 'replace')}")
    return usage.ru_utime + usage.ru_stime, time.perf_counter() - start, usage.ru_maxrss / 1024


def commands(text: str, repeat: int, formats: list[str], baseline: Path | None = None) -> None:
    """kg extract as a command against jieba.lcut as a command, on the same file."""
    with tempfile.TemporaryDirectory(prefix="kg-extract-bench-") as tmp:
        source = Path(tmp) / "input.txt"
        source.write_text(text, encoding="utf-8")
        # Both commands start as installed packages do: their modules compiled to bytecode once (by the first
        # round, kept out of the source tree), not on every run as PYTHONDONTWRITEBYTECODE (set in some
        # sandboxes) would have it, which charges each side for compiling its own modules on every run.
        env = {**os.environ, "PYTHONPYCACHEPREFIX": f"{tmp}/pyc"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        jieba_argv = [sys.executable, "-c", JIEBA_COMMAND, str(source), str(Path(tmp) / "words.txt")]
        argvs: dict[str, tuple[list[str], Path]] = {"jieba.lcut": (jieba_argv, ROOT)}
        trees = [("", ROOT)] + ([(" (baseline)", baseline.resolve())] if baseline is not None else [])
        for fmt in formats:
            for suffix, root in trees:
                out = Path(tmp) / f"out{len(argvs)}.{fmt}"
                argvs[f"kg extract --format {fmt}{suffix}"] = (
                    [*(sys.executable, "-m", "kg.cli", "extract", str(source)), *("--format", fmt, "--out", str(out))],
                    root,
                )
        for argv, root in argvs.values():  # a first, untimed round compiles both sides' modules
            run(argv, env, root)
        runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in argvs}
        for _ in range(repeat):
            for name, (argv, root) in argvs.items():
                runs[name].append(run(argv, env, root))
        load = os.getloadavg()[0]
    print(f"input: {len(text):,} characters, {len(text.encode('utf-8')):,} bytes; load average {load:.1f}")
    print(f"{'command':<40}{'CPU s':>8}{'wall s':>9}{'RSS MiB':>9}")
    best = {name: min(r[0] for r in times) for name, times in runs.items()}
    for name, times in runs.items():
        print(f"{name:<40}{best[name]:>8.2f}{min(r[1] for r in times):>9.2f}{max(r[2] for r in times):>9.0f}")
    for name in argvs:
        if name != "jieba.lcut":
            print(f"ratio jieba.lcut / {name}, CPU: {best['jieba.lcut'] / best[name]:.2f}x (target >= 1)")


if __name__ == "__main__":
    main()
