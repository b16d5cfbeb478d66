"""How `kg validate` scales: the shapes as SPARQL inside the store against pyshacl on an rdflib copy.

    python benchmarks/validate_scale.py [--sizes 1000 10000 100000] [--baseline-max 1000]

For the bundled store and for synthetic graphs of each size (``kg synth``:
provinces → cities → districts, schools, companies, relations with their
assertions, indicators), built into an on-disk store with the RDFS closure,
prints the seconds of ``validate_store`` (the compiled SPARQL checks of
:mod:`kg.outputs.shacl_sparql`, run in the store over the union graph), the
number of violations, and — for sizes up to ``--baseline-max`` — the baseline
in the same run: pyshacl over an rdflib copy of the store
(``validate_graph(data_graph(store))``, what ``kg validate`` did before), with
the ratio baseline / SPARQL and whether both found the same violations.
Last, the growth exponent of the SPARQL path (log–log slope of seconds
against triples between the smallest and the largest synthetic size).

The generator is ``kg.sources.synth``; while main lacks it, the module is
read from the ``scale-writes`` branch of this repository (git show).
"""

from __future__ import annotations

import argparse
import importlib
import math
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, URIRef

from kg.model.vocab import INFERRED_GRAPH
from kg.outputs.validate import data_graph, validate_graph, validate_store
from kg.sources.build import build
from kg.store.embedded import Store, to_oxigraph
from kg.store.inference import SUPERCLASSES, SUPERPROPERTIES, SYMMETRIC

ROOT = Path(__file__).resolve().parent.parent


def synth_module() -> types.ModuleType:
    """``kg.sources.synth``, or its source on the scale-writes branch while main has not merged it."""
    try:
        return importlib.import_module("kg.sources.synth")
    except ImportError:
        source = subprocess.run(
            ["git", "-C", str(ROOT), "show", "scale-writes:kg/sources/synth.py"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        module = types.ModuleType("kg.sources.synth")
        sys.modules[module.__name__] = module
        exec(compile(source, "scale-writes:kg/sources/synth.py", "exec"), module.__dict__)
        return module


def closure(store: Store) -> int:
    """Add the RDFS closure (kg.store.inference's three queries, over the union graph) to the inferred graph."""
    graph = to_oxigraph(URIRef(str(INFERRED_GRAPH)))
    triples = set()
    for row in store.select(SUPERCLASSES):
        triples.add((row["s"], RDF.type, row["super"]))
    for row in store.select(SYMMETRIC):
        triples.add((row["o"], row["p"], row["s"]))
    for row in store.select(SUPERPROPERTIES):
        triples.add((row["s"], row["super"], row["o"]))
    store.add_quads(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), graph) for s, p, o in triples)
    return len(triples)


def synth_store(path: Path, entities: int) -> Store:
    nquads = path.with_suffix(".nq")
    synth_module().write_synth(nquads, entities, seed=0)
    store = Store(path)
    store.bulk_load(nquads, ox.RdfFormat.N_QUADS)
    closure(store)
    store.close()
    nquads.unlink()
    return Store(path, read_only=True)


def timed(run):
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def keys(report) -> list[tuple]:
    return sorted((v.focus, v.rule, v.value, v.path, v.message) for v in report.violations)


def measure(name: str, store: Store, baseline: bool) -> tuple[int, float]:
    seconds, report = timed(lambda: validate_store(store))
    line = f"{name:<14} {report.triples:>10} {seconds:>9.2f} {len(report.violations):>10}"
    if baseline:
        base, old = timed(lambda: validate_graph(data_graph(store)))
        same = "same" if keys(old) == [k for k in keys(report) if k[1] != "StoreStructure"] else "DIFFERENT"
        line += f" {base:>10.2f} {base / seconds:>8.1f}x  {same}"
    print(line, flush=True)
    return report.triples, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--baseline-max", type=int, default=1000, help="run the pyshacl baseline up to this size")
    args = parser.parse_args()
    print(f"{'graph':<14} {'triples':>10} {'sparql s':>9} {'violations':>10} {'pyshacl s':>10} {'ratio':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "bundled") as store:
            build(store)
        with Store(Path(tmp) / "bundled", read_only=True) as store:
            measure("bundled", store, baseline=True)
        points = []
        for size in args.sizes:
            store = synth_store(Path(tmp) / f"synth{size}", size)
            with store:
                points.append(measure(f"synth {size}", store, baseline=size <= args.baseline_max))
        if len(points) >= 2:
            (n0, t0), (n1, t1) = points[0], points[-1]
            exponent = math.log(t1 / t0) / math.log(n1 / n0)
            print(f"growth exponent of the SPARQL path (seconds vs triples, {n0}→{n1}): {exponent:.2f}")


if __name__ == "__main__":
    main()
