"""Benchmark the `kg serve` website: start-up, and entity, district, document page and search latency (p50/p99).

In one run, on the same machine:

* the bundled data (`kg build`), the baseline;
* a generated store of ``--entities`` entities (default 100,000; `kg synth` then `kg load`).

For each store a real server (`make_server`, two readers and the short lane)
is started (timed: workers started, store opened, search index checked), its
background computation of the figures of the whole graph (ranks, district
indicators: kg.web.figures, once per state of the store) is waited for and
timed, then ``--requests`` pages of each kind are fetched one after another
over HTTP (district pages each compared with another district), with the
CPU time the server's workers spent per page; then the server is started
again on the same store (a restart: nothing to compute).  The load average
is printed with the figures.  Targets: entity page p99 under 200 ms at 100k
entities, search under 100 ms on the bundled data and under 300 ms at 100k.

    python benchmarks/serve.py                    # bundled + 100,000 entities
    python benchmarks/serve.py --entities 20000   # a quicker run
    python benchmarks/serve.py --store big        # a store made before (kg synth, kg load)
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any, NamedTuple

from kg.model.vocab import BASE
from kg.sources.build import build
from kg.sparql.server import make_server, shutdown
from kg.store.embedded import Store
from kg.store.search import SearchIndex, index_path
from kg.web.figures import computing

SEARCHES = ["重庆", "巴南", "学校", "cq", "chongqing", "实训基地", "合作", "职业学院", "xx", "产教融合"]


class Fetched(NamedTuple):
    """One request: its HTTP status (-1 when no answer came: refused, reset, timed out), time, and what failed."""

    status: int
    ms: float
    error: str = ""


def fetch(url: str, timeout: float = 120) -> Fetched:
    """GET ``url`` and read the whole answer, timed (benchmarks/soak_serve.py times its requests with it too)."""
    started = time.perf_counter()
    error = ""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as refused:
        status = refused.code
    except OSError as failed:  # no answer at all: a connection error counts as a failed request
        status, error = -1, str(failed)
    return Fetched(status, (time.perf_counter() - started) * 1000, error)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def sample(store_path: Path, n: int, seed: int = 0) -> tuple[list[str], list[str]]:
    """Local paths of ``n`` entities (those with relations first) and ``n`` documents of the store."""
    with Store(store_path, read_only=True) as store:
        entities = [
            str(r["e"])
            for r in store.select(
                "SELECT DISTINCT ?e WHERE { ?a rdf:subject ?e . FILTER(STRSTARTS(STR(?e), STR(kgr:))) } LIMIT 20000"
            )
        ]
        documents = [str(r["d"]) for r in store.select("SELECT ?d WHERE { ?d a kg:SourceDocument } LIMIT 20000")]
    rng = random.Random(seed)
    pick = lambda items: [rng.choice(items) for _ in range(n)] if items else []  # noqa: E731
    strip = "https://w3id.org/kg-cityedu"
    return [e.removeprefix(strip) for e in pick(entities)], [d.removeprefix(strip) for d in pick(documents)]


def worker_cpu(server: Any) -> float:
    """CPU seconds used so far by the server's worker processes (the pages' own work, whatever the machine's load)."""
    total = 0
    for worker in list(server.service._all):
        try:
            fields = Path(f"/proc/{worker.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError):
            pass
    return total / os.sysconf("SC_CLK_TCK")


def start(store_path: Path) -> tuple[Any, threading.Thread, float]:
    """A server on the store, serving; and the seconds make_server took (workers started, store open, index checked)."""
    started = time.perf_counter()
    server = make_server(store_path, "127.0.0.1", 0, timeout=60, quiet=True)
    took = time.perf_counter() - started
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread, took


def figures_settled(server: Any, store_path: Path, limit: float = 3600) -> tuple[float, float]:
    """Wait for the background computation of the figures (kg.web.figures); its wall and CPU seconds."""
    index = SearchIndex(index_path(store_path))
    started, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        while time.perf_counter() - started < limit:
            if index.figures_current() and not server.figures.running and not computing(store_path):
                break
            time.sleep(1)
    finally:
        index.close()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the computation's process, reaped by then
    return time.perf_counter() - started, (after.ru_utime + after.ru_stime) - (cpu.ru_utime + cpu.ru_stime)


def districts(store_path: Path, n: int, seed: int = 2) -> list[str]:
    """``n`` district pages, each compared with another district (the known tail: the comparison)."""
    with Store(store_path, read_only=True) as store:
        places = [
            str(r["d"]) for r in store.select("SELECT DISTINCT ?d WHERE { ?d a kg:District . ?e kg:district ?d }")
        ]
    rng = random.Random(seed)
    strip = "https://w3id.org/kg-cityedu"
    pages = []
    for _ in range(n if len(places) > 1 else 0):
        a, b = rng.sample(places, 2)
        pages.append(a.removeprefix(strip) + "?compare=" + urllib.parse.quote(b, safe=""))
    return pages


def measure(store_path: Path, requests: int, label: str, wait: float = 3600) -> dict[str, dict[str, float]]:
    """Start-up, the one-off figures, each page kind's latency (and the workers' CPU per page), and a restart."""
    server, thread, startup = start(store_path)
    base = server.url.rstrip("/")
    results: dict[str, dict[str, float]] = {}
    try:
        entities, documents = sample(store_path, requests)
        first = fetch(base + entities[0]).ms if entities else 0.0
        print(f"  {label}: started in {startup:.1f} s, first entity page {first:.0f} ms", file=sys.stderr)
        figures, cpu = figures_settled(server, store_path, wait)
        print(f"  {label}: figures of the whole graph ready {figures:.1f} s later ({cpu:.1f} s CPU)", file=sys.stderr)
        for path in [*entities[:6], "/search?q=" + urllib.parse.quote("重庆")]:  # every worker has rendered a page
            fetch(base + path)
        rng = random.Random(1)
        kinds = {
            "entity page": entities,
            "district page": districts(store_path, max(10, requests // 4)),
            "document page": documents,
            "search": ["/search?q=" + urllib.parse.quote(rng.choice(SEARCHES)) for _ in range(requests)],
        }
        for kind, paths in kinds.items():
            times, errors = [], 0
            cpu_before = worker_cpu(server)
            for path in paths:
                status, ms, _ = fetch(base + path)
                errors += status != 200
                times.append(ms)
            results[kind] = {
                "p50": percentile(times, 50),
                "p99": percentile(times, 99),
                "mean": statistics.fmean(times),
                "cpu": (worker_cpu(server) - cpu_before) * 1000 / max(1, len(times)),
                "errors": errors,
                "n": len(times),
            }
    finally:
        shutdown(server)
        thread.join(timeout=10)
    again, thread, restart = start(store_path)  # a restart on the same store computes nothing again
    try:
        ready, _ = figures_settled(again, store_path, wait)
        results["start-up"] = {
            "first": startup,
            "figures": figures,
            "figures_cpu": cpu,
            "restart": restart,
            "restart_figures": ready,
        }
    finally:
        shutdown(again)
        thread.join(timeout=10)
    return results


def synth_store(folder: Path, entities: int) -> Path:
    data = folder / "synth.nq.gz"
    store = folder / "synth-store"
    kg = [sys.executable, "-m", "kg.cli"]
    started = time.perf_counter()
    subprocess.run([*kg, "synth", "--entities", str(entities), "--out", str(data)], check=True)
    subprocess.run([*kg, "load", "--store", str(store), str(data)], check=True, stdout=subprocess.DEVNULL)
    print(f"  generated and loaded {entities} entities in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--wait-figures", type=float, default=3600, help="longest wait for the background figures (seconds)"
    )
    parser.add_argument("--store", type=Path, help="measure this store (e.g. one `kg synth` + `kg load` made) instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-bench-serve-") as tmp:
        folder = Path(tmp)
        bundled = folder / "bundled"
        with Store(bundled) as store:
            build(store)
        runs = {"bundled": measure(bundled, args.requests, "bundled", args.wait_figures)}
        if args.store:
            with Store(args.store, read_only=True) as store:
                registry = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH <%s> { ?e a ?c } }" % (
                    BASE + "graph/entities"
                )
                count = int(store.select(registry)[0]["n"])
            big = f"{count:,} entities"
            runs[big] = measure(args.store, args.requests, big, args.wait_figures)
        else:
            big = f"{args.entities:,} entities"
            runs[big] = measure(synth_store(folder, args.entities), args.requests, big, args.wait_figures)
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} (1, 5, 15 min) at the end")
    print(
        f"{'store':<22}{'page':<16}{'p50 ms':>9}{'p99 ms':>9}{'mean ms':>9}{'CPU ms':>8}{'errors':>8}{'p99 ratio':>11}"
    )
    for name, results in runs.items():
        for kind, r in results.items():
            if kind == "start-up":
                continue
            ratio = r["p99"] / runs["bundled"][kind]["p99"] if runs["bundled"][kind]["p99"] else float("nan")
            print(
                f"{name:<22}{kind:<16}{r['p50']:>9.1f}{r['p99']:>9.1f}{r['mean']:>9.1f}{r['cpu']:>8.1f}"
                f"{r['errors']:>8}{ratio:>10.2f}x"
            )
    print("(CPU ms: the server's worker processes' CPU time per page, whatever the machine's load)")
    for name, results in runs.items():
        s = results["start-up"]
        print(
            f"{name}: kg serve ready in {s['first']:.1f} s; figures of the whole graph (background, once per state "
            f"of the store) ready {s['figures']:.0f} s later ({s['figures_cpu']:.1f} s CPU of the computation); "
            f"restart on the same store {s['restart']:.1f} s, figures ready {s['restart_figures']:.0f} s later"
        )
    entity_p99 = runs[big]["entity page"]["p99"]
    search_bundled, search_big = runs["bundled"]["search"]["p99"], runs[big]["search"]["p99"]
    print(
        f"targets: entity page p99 at {big} {entity_p99:.0f} ms (< 200: {'yes' if entity_p99 < 200 else 'NO'}); "
        f"search p99 bundled {search_bundled:.0f} ms (< 100: {'yes' if search_bundled < 100 else 'NO'}), "
        f"at {big} {search_big:.0f} ms (< 300: {'yes' if search_big < 300 else 'NO'})"
    )


if __name__ == "__main__":
    main()
