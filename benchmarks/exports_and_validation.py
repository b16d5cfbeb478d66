"""Time every export format and `kg validate` on the bundled graph, on this machine.

    python benchmarks/exports_and_validation.py [--repeat N]

Builds the bundled data into a temporary on-disk store, then prints the time of
each export format (best of N) and of SHACL validation two ways: through
kg.outputs.validate (rdflib graph that parses each SPARQL text once) and, as the
baseline, pyshacl on a plain rdflib graph (it re-parses a constraint's query for
every focus node). The ratio is baseline / kg.outputs.validate.
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyshacl
from rdflib import Graph

from kg.outputs.export import export, export_folder
from kg.outputs.validate import data_graph, shapes, validate_graph
from kg.sources.build import build
from kg.store import formats
from kg.store.embedded import Store


def best(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "store") as store:
            build(store)
        store = Store(Path(tmp) / "store", read_only=True)
        print(f"store: {len(store)} quads")
        print(f"{'format':<10} {'seconds':>8} {'bytes':>10}")
        for fmt in formats.names(formats.EXPORT):
            if formats.find(fmt, formats.EXPORT).kind == "tables":
                folder = Path(tmp) / fmt
                seconds = best(args.repeat, lambda fmt=fmt, folder=folder: export_folder(store, fmt, folder))
                size = sum(p.stat().st_size for p in folder.iterdir())
            else:
                out = io.BytesIO()
                seconds = best(
                    args.repeat, lambda fmt=fmt, out=out: (out.seek(0), out.truncate(), export(store, fmt, out))
                )
                size = len(out.getvalue())
            print(f"{fmt:<10} {seconds:>8.3f} {size:>10}")

        graph = data_graph(store)
        ours = best(args.repeat, lambda: validate_graph(graph))
        plain = Graph()
        for triple in graph:
            plain.add(triple)
        baseline = best(1, lambda: pyshacl.validate(plain, shacl_graph=shapes(), inference="none", inplace=True))
        print(f"validate (kg.outputs.validate)           {ours:8.2f} s")
        print(f"validate (pyshacl, plain graph)  {baseline:8.2f} s   baseline")
        print(f"ratio baseline / kg.outputs.validate     {baseline / ours:8.1f}x")


if __name__ == "__main__":
    main()
