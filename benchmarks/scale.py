"""How every step grows with the graph: wall and CPU time, peak RSS at 10^3..10^6 entities, growth exponents.

Each step is the real command (``python -m kg.cli …``) in its own process, so
its CPU time and peak RSS are that process's (``os.wait4``) and nothing is
cached between steps.  The graph comes from ``kg synth`` (seeded), loaded with
``kg load``; the documents for ingest from ``kg synth --documents``.  For every
step the growth exponent is the least-squares slope of log(CPU time) against
log(entities) (wall time is printed too: on a shared machine it mostly
measures the wait); a data step (load, ingest, queries, indicators, exports,
validation, lookups) above 1.2 — worse than n log n over this range — is
named at the end.  Metrics steps (analyze, whose algorithms have their own
exponents, betweenness sampled above 10^4 nodes) are reported, not judged.

    python benchmarks/scale.py                           # 10^3 and 10^4 entities
    python benchmarks/scale.py --sizes 1000,10000,100000 --out benchmarks/results
    python benchmarks/scale.py --steps query,path        # only steps whose name contains one of these
    python benchmarks/scale.py --skip ingest,json-ld      # leave out steps whose name contains one of these
    python benchmarks/scale.py --sizes 1000000 --data /big/scale   # keep graph, store and figures; resume

Writes ``scale.md`` (the table) and ``scale.png`` (the plot; needs the ``bench``
extra: matplotlib) under ``--out``, and prints the table.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = sorted(p.stem for p in (ROOT / "kg" / "sparql" / "queries").glob("*.rq"))
EXPORTS = ("turtle", "trig", "n-triples", "n-quads", "json-ld", "rdf-xml", "graphml", "gexf", "csv", "neo4j")
FOLDER_EXPORTS = {"csv", "neo4j"}
# Steps whose cost is an algorithm's own (stated in the report), not a data step held to n log n.
METRIC_STEPS = ("analyze",)
LIMIT = 1.2


@dataclass
class Step:
    name: str
    seconds: dict[int, float] = field(default_factory=dict)
    cpu: dict[int, float] = field(default_factory=dict)  # user + system seconds of the process
    rss_mb: dict[int, float] = field(default_factory=dict)
    load: dict[int, float] = field(default_factory=dict)  # the machine's 1-minute load average when it started
    failed: dict[int, str] = field(default_factory=dict)

    @property
    def data_step(self) -> bool:
        return not self.name.startswith(METRIC_STEPS)

    def exponent(self) -> float | None:
        """Least-squares slope of log(CPU time) on log(entities) over the sizes that ran.

        CPU time, not wall time: on a machine shared with other work the wall clock mostly measures the wait.
        """
        points = [(math.log(n), math.log(max(t, 1e-3))) for n, t in sorted(self.cpu.items())]
        if len(points) < 2:
            return None
        mx = sum(x for x, _ in points) / len(points)
        my = sum(y for _, y in points) / len(points)
        var = sum((x - mx) ** 2 for x, _ in points)
        return sum((x - mx) * (y - my) for x, y in points) / var if var else None


def run(args: list[str], pythonpath: str, timeout: float, cwd: Path) -> tuple[float, float, float, str]:
    """Run ``python -m kg.cli ARGS`` (or ``python -c`` when args[0] == "-c"): wall and CPU seconds, peak RSS MB,
    error."""
    env = {**os.environ, "PYTHONPATH": pythonpath, "KG_NO_PROGRESS": "1"}
    command = [sys.executable, *args] if args[0] == "-c" else [sys.executable, "-m", "kg.cli", *args]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            process.kill()
            _, status, usage = os.wait4(process.pid, 0)
            cpu = usage.ru_utime + usage.ru_stime
            return timeout, cpu, usage.ru_maxrss / 1024, f"killed after {timeout:.0f} s"
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    error = ""
    if os.waitstatus_to_exitcode(status) != 0:
        lines = process.stderr.read().decode("utf-8", "replace").strip().splitlines()
        error = lines[-1] if lines else f"exit {os.waitstatus_to_exitcode(status)}"
    process.stderr.close()
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, error


def sample_names(store: Path, pythonpath: str) -> dict[str, str]:
    """A district with members, two related entities far apart, and some entity IRIs, read from the store.

    The pair is the two ends of a chain of three relation assertions.  Each candidate chain is checked by
    exact-literal lookups (bounded by the index, not a scan of every label), and an end is given by its label
    when the label names one entity (as a person would type it) or else by its IRI: at 10^6 entities generated
    names repeat, and a search for a chain whose two labels are both unique inside one query
    (``FILTER NOT EXISTS`` per row) found none after minutes.
    """
    code = r"""
import json, sys
import pyoxigraph as ox
from kg.model.vocab import PREFIXES
s = ox.Store.read_only(sys.argv[1])
def rows(q):
    return list(s.query(q, prefixes=PREFIXES, use_default_graph_as_union=True))
d = rows('SELECT ?l (COUNT(?e) AS ?n) WHERE { ?d a kg:District ; rdfs:label ?l . ?e kg:district ?d } '
         'GROUP BY ?l ORDER BY ?n ?l')
district = d[len(d) // 2]["l"].value if d else ""
chains = rows('SELECT ?s ?o WHERE { ?a a kg:RelationAssertion ; rdf:subject ?s ; rdf:object ?m . '
              '?b a kg:RelationAssertion ; rdf:subject ?m ; rdf:object ?x . '
              '?c a kg:RelationAssertion ; rdf:subject ?x ; rdf:object ?o . '
              'FILTER(?o != ?s && ?o != ?m && ?x != ?s) } LIMIT 200')
def name(entity):
    labels = [r["l"] for r in rows(f'SELECT ?l WHERE {{ <{entity.value}> rdfs:label ?l }}')]
    for label in labels:
        text = json.dumps(label.value, ensure_ascii=False)
        q = (f'SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ VALUES ?l {{ {text} {text}@zh {text}@en }} '
             f'?e rdfs:label|skos:altLabel ?l }}')
        if int(rows(q)[0]["n"].value) == 1:
            return label.value
    return None
pick = None
for row in chains:
    source, target = name(row["s"]), name(row["o"])
    if source and target:
        pick = (source, target)
        break
if pick is None and chains:
    pick = (chains[0]["s"].value, chains[0]["o"].value)
ents = rows('SELECT DISTINCT ?e WHERE { ?a a kg:RelationAssertion ; rdf:subject ?e } LIMIT 100')
print(json.dumps({"district": district, "source": pick[0], "target": pick[1],
                  "entities": [e["e"].value for e in ents]}, ensure_ascii=False))
"""
    out = subprocess.run(
        [sys.executable, "-c", code, str(store)],
        env={**os.environ, "PYTHONPATH": pythonpath},
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:  # say why: the traceback's last line, not just the exit status
        lines = out.stderr.strip().splitlines()
        raise RuntimeError(f"sampling names from {store} failed: {lines[-1] if lines else out.returncode}")
    return json.loads(out.stdout)


def lookups_code(port: int, entities: list[str]) -> str:
    """A client doing one SPARQL lookup per entity against a running `kg serve` (a step of its own)."""
    return (
        "import json, urllib.parse, urllib.request\n"
        f"for e in {entities!r}:\n"
        "    q = urllib.parse.urlencode({'query': f'SELECT ?p ?o WHERE {{ <{e}> ?p ?o }}'})\n"
        f"    r = urllib.request.urlopen(f'http://127.0.0.1:{port}/sparql?' + q, timeout=60)\n"
        "    assert r.status == 200; r.read()\n"
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(store: Path, pythonpath: str, timeout: float) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": pythonpath}
    args = [sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", str(port)]
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/examples.json", timeout=2).close()
            return process, port
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError(f"kg serve did not answer within {timeout:.0f} s")


def bench_size(
    n: int,
    steps: dict[str, Step],
    wanted,
    reader: str,
    writer: str,
    timeout: float,
    docs: int,
    skipped=(),
    data: Path | None = None,
) -> None:
    """Measure every step at ``n`` entities.  With ``data``, the graph, the store and each step's figures are
    kept there (``synth-N.nq``, ``store-N``, ``steps-N.json``) and a step already measured is not run again,
    so a long run can be resumed and sizes measured in separate runs."""
    work = data if data is not None else Path(tempfile.mkdtemp(prefix=f"kg-scale-{n}-"))
    work.mkdir(parents=True, exist_ok=True)
    store, graph, corpus = work / f"store-{n}", work / f"synth-{n}.nq", work / f"corpus-{n}"
    done_file = work / f"steps-{n}.json"
    done: dict[str, list] = json.loads(done_file.read_text()) if data is not None and done_file.exists() else {}

    def measure(name: str, args: list[str], pythonpath: str = reader) -> bool:
        if not any(w in name for w in wanted) or any(s in name for s in skipped):
            return True
        step = steps.setdefault(name, Step(name))
        if name in done:
            seconds, cpu, rss, error, load = done[name]
        else:
            load = os.getloadavg()[0]
            seconds, cpu, rss, error = run(args, pythonpath, timeout, work)
            done[name] = [seconds, cpu, rss, error, load]
            if data is not None:
                done_file.write_text(json.dumps(done, ensure_ascii=False, indent=1))
        if error:
            step.failed[n] = error
            print(f"  {name:<28} FAILED: {error}", file=sys.stderr)
            return False
        step.seconds[n], step.cpu[n], step.rss_mb[n], step.load[n] = seconds, cpu, rss, load
        print(f"  {name:<28} {seconds:8.2f} s {cpu:8.2f} s CPU {rss:8.0f} MB load {load:.1f}", file=sys.stderr)
        return True

    try:
        print(f"{n:,} entities ({work})", file=sys.stderr)
        measure("baseline: kg --help (process start)", ["--help"])  # what every step below pays before its work
        if not graph.exists():
            run(["synth", "--entities", str(n), "--out", str(graph)], writer, timeout * 4, work)  # input, not timed
        if "load" not in done:
            shutil.rmtree(store, ignore_errors=True)
            Path(f"{store}.search.sqlite").unlink(missing_ok=True)
        if not measure("load", ["load", str(graph), "--store", str(store)], writer):
            return
        names_file = work / f"names-{n}.json"
        if data is not None and names_file.exists():
            names = json.loads(names_file.read_text())
        else:
            names = sample_names(store, reader)
            if data is not None:
                names_file.write_text(json.dumps(names, ensure_ascii=False))
        ingest = any(w in "ingest 1 document" for w in wanted) and not any(s in "ingest" for s in skipped)
        if ingest and not corpus.exists():  # the documents are input for the ingest steps only
            run(["synth", "--documents", str(docs), "--out", str(corpus)], writer, timeout, work)
        texts = sorted(str(p) for p in corpus.rglob("*.txt"))
        for query in QUERIES:
            params = []
            if query in {"district-indicators", "school-partners"}:
                params = ["--param", f"district={names['district']}"]
            if query == "facts":
                params = ["--param", f"entity={names['source']}"]
            measure(f"query {query}", ["query", query, *params, "--store", str(store), "--format", "csv"])
        project = "import sys; from kg.store.embedded import Store; from kg.analysis.projection import project; "
        project += "g = project(Store(sys.argv[1], read_only=True)); print(g.number_of_nodes())"
        measure("projection (whole graph)", ["-c", project, str(store)])
        measure("analyze --district", ["analyze", "--district", names["district"], "--store", str(store)])
        measure("path", ["path", names["source"], names["target"], "--store", str(store)])
        viz = work / "graph.html"
        measure("viz --max-nodes 2000", ["viz", "--max-nodes", "2000", "--out", str(viz), "--store", str(store)])
        measure("viz --district", ["viz", "--district", names["district"], "--out", str(viz), "--store", str(store)])
        for fmt in EXPORTS:
            out = work / ("export-" + fmt)
            if fmt in FOLDER_EXPORTS:
                shutil.rmtree(out, ignore_errors=True)
            measure(f"export {fmt}", ["export", "--format", fmt, "--out", str(out), "--store", str(store)])
        measure("validate", ["validate", "--store", str(store)])
        if any("lookup" in w or not w for w in wanted) and not any(s in "server: 100 entity lookups" for s in skipped):
            try:
                server, port = serve(store, reader, timeout)
            except RuntimeError as error:
                lookups = steps.setdefault("server: 100 entity lookups", Step("server: 100 entity lookups"))
                lookups.failed[n] = str(error)
            else:
                try:
                    measure("server: 100 entity lookups", ["-c", lookups_code(port, names["entities"])])
                finally:
                    server.terminate()
                    server.wait(timeout=30)
        if texts:
            measure("ingest 1 document", ["ingest", texts[0], "--store", str(store)], writer)
            measure(f"ingest {len(texts)} documents", ["ingest", *texts, "--store", str(store)], writer)
    finally:
        if data is None:
            shutil.rmtree(work, ignore_errors=True)


def recorded(data: Path, sizes: list[int]) -> dict[str, Step]:
    """The figures kept in ``data`` (``steps-N.json``) for ``sizes``, steps in the order they were first measured."""
    steps: dict[str, Step] = {}
    for n in sizes:
        path = data / f"steps-{n}.json"
        if not path.exists():
            continue
        for name, (seconds, cpu, rss, error, load) in json.loads(path.read_text()).items():
            step = steps.setdefault(name, Step(name))
            if error:
                step.failed[n] = error
            else:
                step.seconds[n], step.cpu[n], step.rss_mb[n], step.load[n] = seconds, cpu, rss, load
    return steps


def table(steps: dict[str, Step], sizes: list[int]) -> str:
    head = ["step", *(f"{n:,}: wall s / CPU s / MB (load)" for n in sizes), "exponent (CPU)"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for step in steps.values():
        cells = [step.name]
        for n in sizes:
            if n in step.seconds:
                cells.append(
                    f"{step.seconds[n]:.1f} / {step.cpu[n]:.2f} / {step.rss_mb[n]:.0f} ({step.load.get(n, 0):.0f})"
                )
            else:
                cells.append("failed" if n in step.failed else "—")
        slope = step.exponent()
        cells.append("—" if slope is None else f"{slope:.2f}" + ("" if step.data_step else " (metrics)"))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def plot(steps: dict[str, Step], path: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("no plot: pip install 'kg-cityedu[bench]' for matplotlib", file=sys.stderr)
        return False
    figure, axes = plt.subplots(1, 2, figsize=(14, 6))
    for step in steps.values():
        sizes = sorted(step.cpu)
        if len(sizes) < 2:
            continue
        axes[0].loglog(sizes, [step.cpu[n] for n in sizes], marker="o", label=step.name)
        axes[1].loglog(sizes, [step.rss_mb[n] for n in sizes], marker="o", label=step.name)
    axes[0].set(xlabel="entities", ylabel="CPU time (s)", title="time per step")
    axes[1].set(xlabel="entities", ylabel="peak RSS (MB)", title="memory per step")
    axes[0].legend(fontsize=6, ncol=2)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="entity counts, comma-separated (up to 1000000)")
    parser.add_argument("--steps", default="", help="only steps whose name contains one of these (comma list)")
    parser.add_argument("--skip", default="", help="leave out steps whose name contains one of these (comma list)")
    parser.add_argument("--documents", type=int, default=1000, help="documents for the ingest step")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds before a step is killed")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results", help="folder for scale.md/png")
    parser.add_argument(
        "--data",
        type=Path,
        help="keep graphs, stores and figures here (synth-N.nq, store-N, steps-N.json) and resume from them",
    )
    parser.add_argument(
        "--report",
        action="store_true",
        help="run nothing: write the table and plot from the figures kept in --data",
    )
    parser.add_argument(
        "--writer",
        default=str(ROOT),
        help="PYTHONPATH for synth, load and ingest (default: this tree)",
    )
    options = parser.parse_args()
    sizes = sorted(int(s.replace("_", "")) for s in options.sizes.split(",") if s)
    wanted = tuple(w.strip() for w in options.steps.split(",") if w.strip()) or ("",)
    if wanted != ("",):
        wanted = (*wanted, "load")  # every step needs the store
    steps: dict[str, Step] = {}
    if options.report:
        if options.data is None:
            parser.error("--report reads the figures kept in --data")
        steps = recorded(options.data, sizes)
    for n in sizes if not options.report else ():
        skipped = tuple(w.strip() for w in options.skip.split(",") if w.strip())
        bench_size(
            n, steps, wanted, str(ROOT), options.writer, options.timeout, options.documents, skipped, options.data
        )
    options.out.mkdir(parents=True, exist_ok=True)
    text = table(steps, sizes)
    worse = [s.name for s in steps.values() if s.data_step and (s.exponent() or 0) > LIMIT]
    verdict = (
        f"data steps worse than n log n (exponent > {LIMIT}): {', '.join(worse)}"
        if worse
        else f"no data step worse than n log n (every exponent ≤ {LIMIT})"
    )
    note = (
        "kg analyze runs NetworkX on the district's part of the graph; betweenness is sampled "
        "(k sources) above 10^4 nodes, Louvain is ≈ n log n, PageRank ≈ iterations × ties."
    )
    report = f"{text}\n\n{verdict}\n\n{note}\n"
    (options.out / "scale.md").write_text(
        f"`python benchmarks/scale.py --sizes {options.sizes}` on {os.cpu_count()} cores, "
        f"{time.strftime('%Y-%m-%d')}\n\n{report}",
        encoding="utf-8",
    )
    plotted = plot(steps, options.out / "scale.png")
    print(report)
    print(f"wrote {options.out / 'scale.md'}" + (f" and {options.out / 'scale.png'}" if plotted else ""))


if __name__ == "__main__":
    main()
