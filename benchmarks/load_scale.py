"""`kg load` of generated graphs (kg synth) with inference, against Oxigraph's own bulk_load of the same file.

    python benchmarks/load_scale.py                 # 10^4 and 10^5 entities
    python benchmarks/load_scale.py 100000 1000000  # 10^5 and 10^6 entities (≈ 10^7 quads)

For each size: generate the N-Quads file once, then in fresh stores (whole processes, CPU and wall time,
peak RSS): `pyoxigraph.Store.bulk_load(path=…)` alone (the baseline), and `kg load FILE` (one pass: parse,
closure streamed into the bulk loader, compaction). Prints a table, the ratio kg/Oxigraph and the growth
exponent (log–log slope) of `kg load` across sizes.
"""

from __future__ import annotations

import math
import resource
import shutil
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


def run(command: list[str]) -> tuple[float, float, float]:
    """(CPU seconds, wall seconds, peak RSS MB) of a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, after.ru_maxrss / 1024


def main(sizes: list[int]) -> None:
    work = Path(tempfile.mkdtemp(prefix="kg-load-scale-"))
    rows = []
    try:
        for n in sizes:
            data = work / f"synth-{n}.nq"
            subprocess.run(
                [sys.executable, "-m", "kg.cli", "synth", "--entities", str(n), "--out", str(data)],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            quads = sum(1 for _ in data.open("rb"))
            base = run([sys.executable, "-c", BASELINE, str(work / f"ox-{n}"), str(data)])
            ours = run([sys.executable, "-m", "kg.cli", "load", str(data), "--store", str(work / f"kg-{n}")])
            rows.append((n, quads, base, ours))
            print(
                f"{n:>9,} entities {quads:>11,} quads | oxigraph bulk_load cpu {base[0]:7.1f} s wall {base[1]:7.1f} s "
                f"| kg load cpu {ours[0]:7.1f} s wall {ours[1]:7.1f} s rss {ours[2]:6.0f} MB "
                f"| ratio cpu {ours[0] / base[0]:.2f}x wall {ours[1] / base[1]:.2f}x",
                flush=True,
            )
            shutil.rmtree(work / f"ox-{n}", ignore_errors=True)
            shutil.rmtree(work / f"kg-{n}", ignore_errors=True)
            data.unlink()
        if len(rows) > 1:
            (_n0, q0, _, a), (_n1, q1, _, b) = rows[0], rows[-1]
            slope = math.log(b[0] / a[0]) / math.log(q1 / q0)
            print(f"growth exponent of kg load (CPU vs quads, log-log slope): {slope:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 100_000])
