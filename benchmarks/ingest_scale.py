"""Ingest into a growing store: the 1,000th document against the 1st, and 1,000 documents with ``-j 2``.

    python benchmarks/ingest_scale.py                          # 10^4 entities, 1,000 documents
    python benchmarks/ingest_scale.py --entities 100000 --documents 1000
    python benchmarks/ingest_scale.py --only parallel            # just kg ingest -j 2 (or --only growth)

The store is a ``kg synth`` graph of ``--entities`` entities loaded with ``kg
load``; the documents are ``kg synth --documents`` press releases (seeded), so
every run reads the same text.  Four measurements, in the same run:

1. baseline: ``kg ingest`` of document 1 into an empty store, as a command
   (its own process: start-up, the bundled gazetteer, extraction, the write);
2. ``kg ingest`` of document 1 into the loaded store, as a command;
3. documents 2 … N-1 ingested one call at a time in one process
   (:func:`kg.extract.ingest.ingest`, the store kept open), the CPU seconds of
   each call: the first ten against the last ten;
4. ``kg ingest`` of document N into the store that now holds N-1 more, as a command;

then ``kg ingest -j 2 DIR`` of all N documents into a fresh copy of the loaded
store: wall seconds, documents per second, peak RSS of the command and of its
largest worker.  Target: the N-th document costs what the 1st does (± 20%).
Commands are timed in CPU seconds of their process tree (``os.wait4``), so other
work on a shared machine does not tilt the ratios; wall seconds are printed too.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def command(args: list[str], store: Path, cwd: Path) -> tuple[float, float, float, str]:
    """(CPU s of the process and its children, wall s, peak RSS MiB of the command, output) of ``kg ARGS``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KG_STORE": str(store)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", *args], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    output = process.stdout.read().decode("utf-8", "replace") if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if status != 0:
        raise SystemExit(f"kg {' '.join(args)} failed:\n{output}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, usage.ru_maxrss / 1024, output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=10_000, help="entities of the loaded store (default 10^4)")
    parser.add_argument("--documents", type=int, default=1000, help="documents to ingest (default 1000)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes of the parallel ingest (default 2)")
    parser.add_argument(
        "--only", choices=("growth", "parallel"), help="run one half: one document at a time, or kg ingest -j"
    )
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from kg.store.embedded import Store
    from kg.store.search import ensure_index

    n = args.documents
    with tempfile.TemporaryDirectory(prefix="kg-ingest-scale-") as tmp:
        work = Path(tmp)
        command(["synth", "--entities", str(args.entities), "--out", "graph.nq.gz"], work / "unused", work)
        command(["synth", "--documents", str(n), "--out", "docs"], work / "unused", work)
        docs = sorted((work / "docs").rglob("*.txt"))
        loaded = work / "loaded"
        cpu, wall, _, _ = command(["load", "graph.nq.gz"], loaded, work)
        print(f"kg load of {args.entities:,} entities: {cpu:.1f} CPU s, {wall:.1f} wall s")
        start = time.process_time()
        with Store(loaded) as store:
            index = ensure_index(store)  # built once after a bulk load; every later write keeps it in step
            if index is not None:
                index.close()
        print(f"search and name index, built once after the load: {time.process_time() - start:.1f} CPU s")
        pristine = work / "pristine"
        shutil.copytree(loaded, pristine)
        shutil.copy(loaded.with_name("loaded.search.sqlite"), pristine.with_name("pristine.search.sqlite"))

        if args.only != "parallel":
            growth(args, work, loaded, docs)
        if args.only != "growth":
            cpu, wall, rss, _ = command(["ingest", "-j", str(args.jobs), "docs"], pristine, work)
            workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(
                f"\nkg ingest -j {args.jobs} of {n} documents into the store of {args.entities:,} entities: "
                f"{wall:.1f} wall s, {cpu:.1f} CPU s (all processes), {n / wall:.2f} documents/s, "
                f"peak RSS {rss:.0f} MiB (largest process of any command of this run: {workers:.0f} MiB)"
            )
            single = command(["ingest", str(docs[0])], work / "single", work)[1]
            print(f"baseline: kg ingest of one document into an empty store: {single:.1f} wall s")
            print(f"ratio wall s per document, -j {args.jobs} over {n} / baseline: {wall / n / single:.3f}x")


def growth(args: argparse.Namespace, work: Path, loaded: Path, docs: list[Path]) -> None:
    """Document 1, documents 2 … N-1 in one process, document N: what each costs as the store grows."""
    from kg.extract.ingest import ingest
    from kg.store.embedded import Store

    n = len(docs)
    rows: list[tuple[str, float, float, float]] = []
    cpu, wall, rss, _ = command(["ingest", str(docs[0])], work / "empty", work)
    rows.append(("baseline: kg ingest, document 1, empty store", cpu, wall, rss))
    cpu, wall, rss, _ = command(["ingest", str(docs[0])], loaded, work)
    rows.append((f"kg ingest, document 1, store of {args.entities:,} entities", cpu, wall, rss))
    first_command = cpu

    calls: list[float] = []
    with Store(loaded) as store:
        for i, path in enumerate(docs[1:-1], start=2):
            start = time.process_time()
            ingest(store, [path])
            calls.append(time.process_time() - start)
            if i % 100 == 0:  # as it goes: a long run shows its trend before the end
                median = statistics.median(calls[-100:])
                print(f"documents {i - 99}-{i}: median {median:.3f} CPU s per call", flush=True)
    cpu, wall, rss, _ = command(["ingest", str(docs[-1])], loaded, work)
    rows.append((f"kg ingest, document {n}, after {n - 1} more", cpu, wall, rss))

    print(f"\n{'step':<58}{'CPU s':>8}{'wall s':>8}{'RSS MiB':>9}")
    for name, cpu, wall, rss in rows:
        print(f"{name:<58}{cpu:>8.2f}{wall:>8.2f}{rss:>9.0f}")
    head, tail = calls[:10], calls[-10:]
    print(
        f"\nin one process, CPU s per call: documents 2-11 mean {statistics.mean(head):.3f} "
        f"(median {statistics.median(head):.3f}); documents {n - 10}-{n - 1} mean {statistics.mean(tail):.3f} "
        f"(median {statistics.median(tail):.3f})"
    )
    in_process = statistics.median(tail) / statistics.median(head)
    as_command = rows[2][1] / first_command
    print(f"ratio document {n} / document 1, as a command: {as_command:.2f}x (target 0.8-1.2)")
    print(f"ratio last ten / first ten calls, in one process (medians): {in_process:.2f}x (target 0.8-1.2)")
    print(f"ratio document 1 into the loaded store / baseline (empty store): {first_command / rows[0][1]:.2f}x")


if __name__ == "__main__":
    main()
