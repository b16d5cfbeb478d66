"""`kg load` of generated graphs (kg synth) with inference, against Oxigraph's own bulk_load of the same file.

    python benchmarks/load_scale.py                 # 10^4 and 10^5 entities
    python benchmarks/load_scale.py 100000 1000000  # 10^5 and 10^6 entities (≈ 10^7 quads)
    python benchmarks/load_scale.py --data nation.nq --work /big/disk   # a file made before (kg synth)
    python benchmarks/load_scale.py --data big.nq --repeat 3            # medians of 3 alternated runs

For each size: generate the N-Quads file once (or take ``--data``), then in fresh stores (whole processes,
CPU time of the process and of every process it started, wall time, peak RSS of the largest one):
`pyoxigraph.Store.bulk_load(path=…)` alone (the baseline), and `kg load FILE` (Oxigraph's bulk loader
for the file while a second process reads the file for the search index and builds it; the closure read
from the store's indexes and bulk-written; compaction). The phases of `kg load` are timed inside its
process (CPU of that process, wall) and printed. Prints the ratio kg/Oxigraph (CPU and wall) and the
growth exponent (log–log slope) of `kg load` across sizes.
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASELINE = """
import sys, pyoxigraph as ox
store = ox.Store(sys.argv[1])
store.bulk_load(path=sys.argv[2], format=ox.RdfFormat.N_QUADS)
store.flush()
"""

# `kg load FILE --store DIR` as `python -m kg.cli` runs it, with its phases timed (stderr).
KG_LOAD = """
import sys, time
from kg.store import embedded, load, search

def timed(owner, name, label):
    inner = getattr(owner, name)
    def run(*args, **kwargs):
        cpu, wall = time.process_time(), time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            print(f"phase {label:44} cpu {time.process_time() - cpu:8.1f} s  wall {time.perf_counter() - wall:8.1f} s",
                  file=sys.stderr, flush=True)
    setattr(owner, name, run)

timed(embedded.Store, "bulk_load", "bulk load of the file")
timed(search, "start_file_build", "search index builder started on the file")
timed(search, "start_build", "search rows read, spooled (builder started)")
timed(load, "infer_in_store", "closure (read, bulk-written)")
timed(embedded.Store, "optimize", "compaction")
timed(search.IndexBuild, "finish", "waiting for the search index")
from kg.cli import main
try:
    main(["load", sys.argv[1], "--store", sys.argv[2]], standalone_mode=False)
finally:
    import resource
    own, builder = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    print(f"cpu: kg load {own.ru_utime + own.ru_stime:.1f} s, search index builder "
          f"{builder.ru_utime + builder.ru_stime:.1f} s; peak RSS: kg load {own.ru_maxrss / 1024:.0f} MB, "
          f"search index builder {builder.ru_maxrss / 1024:.0f} MB", file=sys.stderr)
"""


def run(command: list[str]) -> tuple[float, float, float, str]:
    """(CPU seconds of it and its children, wall seconds, peak RSS MB of the largest, stderr) of a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode:
        raise SystemExit(f"{' '.join(command[:3])} … failed:\n{done.stderr[-2000:]}")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, after.ru_maxrss / 1024, done.stderr


def _median(runs: list[tuple[float, float, float, str]]) -> tuple[float, float, float, str]:
    """Median CPU, wall and peak RSS of several runs (each taken on its own)."""
    return (*(statistics.median(r[i] for r in runs) for i in range(3)), "")  # type: ignore[return-value]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, help="entities (default 10^4 and 10^5)")
    parser.add_argument("--data", type=Path, help="an N-Quads file to load instead of generating one")
    parser.add_argument("--work", type=Path, help="folder for the stores (default: a temporary one)")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="runs of each side, alternated; medians are compared (on a shared machine one run of Oxigraph's "
        "bulk load alone varied from 9.4 to 15.8 s CPU at 10^5 entities)",
    )
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-load-scale-", dir=options.work))
    env = {**os.environ, "KG_NO_PROGRESS": "1"}
    rows = []
    try:
        sizes = options.sizes or [10_000, 100_000]
        jobs = [(0, options.data)] if options.data else [(n, work / f"synth-{n}.nq") for n in sizes]
        for n, data in jobs:
            if not options.data:
                subprocess.run(
                    [sys.executable, "-m", "kg.cli", "synth", "--entities", str(n), "--out", str(data)],
                    check=True,
                    stdout=subprocess.DEVNULL,
                    env=env,
                )
            with data.open("rb") as handle:
                quads = sum(1 for _ in handle)
            bases, runs = [], []
            for _ in range(max(1, options.repeat)):  # alternated, so both sides see the same machine
                bases.append(run([sys.executable, "-c", BASELINE, str(work / f"ox-{n}"), str(data)]))
                shutil.rmtree(work / f"ox-{n}", ignore_errors=True)
                runs.append(run([sys.executable, "-c", KG_LOAD, str(data), str(work / f"kg-{n}")]))
                print(runs[-1][3].strip(), flush=True)
                print(f"run {len(runs)}: oxigraph {bases[-1][0]:.1f} s, kg load {runs[-1][0]:.1f} s CPU", flush=True)
                shutil.rmtree(work / f"kg-{n}", ignore_errors=True)
                for leftover in work.glob(f"kg-{n}.search.sqlite*"):
                    leftover.unlink()
            base, ours = _median(bases), _median(runs)
            rows.append((n, quads, base, ours))
            label = f"{n:>9,} entities" if n else data.name
            print(
                f"{label} {quads:>11,} quads | oxigraph bulk_load cpu {base[0]:7.1f} s "
                f"wall {base[1]:7.1f} s rss {base[2]:6.0f} MB | kg load cpu {ours[0]:7.1f} s wall {ours[1]:7.1f} s "
                f"rss {ours[2]:6.0f} MB | ratio cpu {ours[0] / base[0]:.2f}x wall {ours[1] / base[1]:.2f}x",
                flush=True,
            )
            if not options.data:
                data.unlink()
        if len(rows) > 1:
            (_n0, q0, _, a), (_n1, q1, _, b) = rows[0], rows[-1]
            slope = math.log(b[0] / a[0]) / math.log(q1 / q0)
            print(f"growth exponent of kg load (CPU vs quads, log-log slope): {slope:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
