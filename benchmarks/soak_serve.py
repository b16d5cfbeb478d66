"""Soak test of `kg serve`: 16 concurrent clients for a while, bundled queries and entity lookups.

A real server (`kg serve` in its own process, two readers and the short lane)
over the bundled data; 16 client threads each loop over the bundled SPARQL
queries (as the editor's examples give them) and entity pages, until
``--minutes`` have passed.  Prints p50/p99 latency, the error count (target
0: any status other than 200 is one), and the drift of the resident memory
of the server and its workers between the end of the first minute (or tenth
of the run) and the end (target under 5%).

    python benchmarks/soak_serve.py               # 2 minutes
    python benchmarks/soak_serve.py --minutes 10  # the issue's 10-minute soak
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from serve import fetch, percentile  # benchmarks/serve.py: one way of timing a request

from kg.sources.build import build
from kg.store.embedded import Store

CLIENTS = 16


def rss_tree(pid: int) -> int:
    """Resident memory (bytes) of a process and its children (a worker replaced from a thread counts too)."""
    pids = [pid]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:  # the parent's pid
                pids.append(int(entry.name))
    total = 0
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=2.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-soak-") as tmp:
        store_path = Path(tmp) / "store"
        with Store(store_path) as store:
            build(store)
            entities = [
                str(r["e"]).removeprefix("https://w3id.org/kg-cityedu")
                for r in store.select("SELECT DISTINCT ?e WHERE { ?e a kg:Company } LIMIT 50")
                + store.select("SELECT DISTINCT ?e WHERE { ?e a kg:School } LIMIT 50")
            ]
        port = free_port()
        command = [sys.executable, "-m", "kg.cli", "serve", "--store", str(store_path), "--port", str(port), "--quiet"]
        server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
        base = f"http://127.0.0.1:{port}"
        try:
            server.stderr.readline()  # the banner: listening
            examples = json.loads(urllib.request.urlopen(base + "/examples.json", timeout=120).read())["examples"]
            queries = [e["query"] for e in examples]
            for path in entities[:4]:  # every worker has rendered a page
                urllib.request.urlopen(base + path, timeout=120).read()
            latencies: list[float] = []
            errors: list[str] = []
            lock = threading.Lock()
            duration = args.minutes * 60
            started = time.monotonic()
            stop = started + duration

            def client(seed: int) -> None:
                rng = random.Random(seed)
                while time.monotonic() < stop:
                    if rng.random() < 0.5:
                        url = base + "/sparql?" + urllib.parse.urlencode({"query": rng.choice(queries)})
                    else:
                        url = base + rng.choice(entities)
                    status, elapsed, failure = fetch(url, timeout=60)
                    with lock:
                        latencies.append(elapsed)
                        if status != 200:
                            errors.append(failure or f"HTTP {status} {url[:80]}")

            threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
            for thread in threads:
                thread.start()
            time.sleep(min(60.0, duration / 10))
            rss_start = rss_tree(server.pid)
            for thread in threads:
                thread.join()
            rss_end = rss_tree(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
    p50, p99 = percentile(latencies, 50), percentile(latencies, 99)
    drift = (rss_end - rss_start) / rss_start * 100 if rss_start else 0.0
    print(f"kg serve soak: {CLIENTS} clients, {args.minutes:g} min, {len(latencies)} requests")
    print(f"latency p50 {p50:.1f} ms, p99 {p99:.1f} ms; errors {len(errors)} (target 0)")
    print(f"RSS {rss_start / 2**20:.0f} MiB -> {rss_end / 2**20:.0f} MiB, drift {drift:+.1f}% (target < 5%)")
    for error in errors[:5]:
        print("  ", error)
    sys.exit(1 if errors or abs(drift) >= 5 else 0)


if __name__ == "__main__":
    main()
