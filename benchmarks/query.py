"""Benchmark loading and querying: the project's store (`kg load` + Oxigraph) against a plain `rdflib.Graph()`.

Generates a graph shaped like kg's own (entities with class, label and
district; relations stated directly and as qualified assertions with an
evidence sentence; indicators with values) of at least 1 million triples,
writes it as N-Triples, then in the same run:

* loads it with `kg.store.load.load_files` (the path of `kg load --no-inference`:
  the file is parsed completely first, then Oxigraph's bulk loader writes it
  into a named graph of an on-disk store), and with `rdflib.Graph().parse`
  (in memory, as most rdflib users and kglab do);
* runs a fixed mix of queries (point lookups, joins, aggregates, a filter, a
  negation, a two-hop path) through both, checks that both give the same
  answers, and prints each time and the ratios.  Target: at least 10x faster
  than rdflib on load and on the query mix.

    python benchmarks/query.py                    # 1,000,000 triples
    python benchmarks/query.py --triples 200000   # a quicker run
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph

from kg.model.vocab import KG, KGR, PREFIXES
from kg.store.embedded import Store
from kg.store.load import load_files

RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
DECIMAL = "<http://www.w3.org/2001/XMLSchema#decimal>"
CLASSES = ["PrimarySchool", "SecondarySchool", "VocationalCollege", "Company", "GovernmentAgency", "TrainingBase"]
RELATIONS = ["cooperatesWith", "integratesWith", "leads", "builds", "trains", "hosts"]
DISTRICTS = 50
TRIPLES_PER_ENTITY = 17

# {a}, {b}, {c}: entities a quarter, half and three quarters into the generated ones; {any}: any relation
QUERIES = {
    "lookup by label": """
        SELECT ?e ?district WHERE {{ ?e rdfs:label "实体{a}号"@zh ; kg:district ?district }}""",
    "facts of an entity": """
        SELECT ?p ?o ?evidence WHERE {{
          ?a rdf:subject kgr:e{b} ; rdf:predicate ?p ; rdf:object ?o ; kg:evidence ?evidence }}""",
    "school-company pairs of a district": """
        SELECT ?school ?company WHERE {{
          ?school kg:district kgr:d6 ; a kg:PrimarySchool ; kg:cooperatesWith ?company .
          ?company a kg:Company }}""",
    "entities per class": """
        SELECT ?class (COUNT(?e) AS ?n) WHERE {{ ?e a ?class }} GROUP BY ?class""",
    "relations per kind": """
        SELECT ?p (COUNT(?a) AS ?n) WHERE {{ ?a a kg:RelationAssertion ; rdf:predicate ?p }} GROUP BY ?p""",
    "indicators over a value in a district": """
        SELECT ?e ?v WHERE {{ ?e kg:district kgr:d3 . ?i kg:indicatorOf ?e ; kg:value ?v FILTER(?v > 9000) }}""",
    "unlinked entities of a district": """
        SELECT ?e WHERE {{ ?e kg:district kgr:d5 FILTER NOT EXISTS {{ ?x kg:cooperatesWith ?e }} }}""",
    "two hops of cooperation": """
        SELECT DISTINCT ?z WHERE {{ kgr:e{c} {any} ?y . ?y {any} ?z }}""",
}


def generate(path: Path, triples: int, seed: int = 42) -> int:
    """Write a kg-shaped graph of at least ``triples`` triples as N-Triples; return how many were written."""
    rnd = random.Random(seed)
    written = 0
    with path.open("w", encoding="utf-8") as out:
        i = 0
        while written < triples:
            e = f"<{KGR}e{i}>"
            lines = [
                f"{e} {RDF_TYPE} <{KG}{CLASSES[i % len(CLASSES)]}> .",
                f'{e} {LABEL} "实体{i}号"@zh .',
                f"{e} <{KG}district> <{KGR}d{i % DISTRICTS}> .",
            ]
            for k in range(2):
                o = f"<{KGR}e{rnd.randrange(max(i, 1))}>"
                a = f"<{KGR}a{i}-{k}>"
                p = f"<{KG}{RELATIONS[rnd.randrange(len(RELATIONS))]}>"
                lines += [
                    f"{e} {p} {o} .",
                    f"{a} {RDF_TYPE} <{KG}RelationAssertion> .",
                    f"{a} <{RDF}subject> {e} .",
                    f"{a} <{RDF}predicate> {p} .",
                    f"{a} <{RDF}object> {o} .",
                    f'{a} <{KG}evidence> "第{i}条证据：实体{i}号与合作方共建第{k}个项目。"@zh .',
                ]
            ind = f"<{KGR}i{i}>"
            lines += [f"{ind} <{KG}indicatorOf> {e} .", f'{ind} <{KG}value> "{rnd.randrange(10000)}"^^{DECIMAL} .']
            out.write("\n".join(lines) + "\n")
            written += len(lines)
            i += 1
    return written


def rows_of_store(store: Store, query: str) -> list[tuple[str, ...]]:
    return sorted(tuple(str(value) for value in row.values()) for row in store.select(query))


def rows_of_rdflib(graph: Graph, query: str) -> list[tuple[str, ...]]:
    return sorted(
        tuple(str(value) for value in row if value is not None) for row in graph.query(query, initNs=PREFIXES)
    )


def timed(function, *args):
    started = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--triples", type=int, default=1_000_000, help="size of the generated graph (default 1,000,000)"
    )
    parser.add_argument("--workdir", type=Path, default=None, help="folder for the data file and the store")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(dir=args.workdir) as folder:
        data = Path(folder) / "graph.nt"
        written, seconds = timed(generate, data, args.triples)
        print(f"generated {written:,} triples ({data.stat().st_size / 1e6:.0f} MB N-Triples) in {seconds:.1f} s")

        with Store(Path(folder) / "store") as store:
            _, kg_load = timed(lambda: load_files(store, [data], infer=False))
            graph = Graph()
            _, rdflib_load = timed(graph.parse, str(data), "nt")
            assert len(store) == len(graph), f"store holds {len(store)} triples, rdflib {len(graph)}"
            print(f"\nload {len(graph):,} triples")
            print(f"  kg load (Oxigraph, on disk)   {kg_load:8.2f} s")
            print(f"  rdflib Graph().parse          {rdflib_load:8.2f} s")
            print(f"  ratio                         {rdflib_load / kg_load:8.1f}x")

            print(f"\n{'query':40} {'rows':>6} {'kg (s)':>9} {'rdflib (s)':>11} {'ratio':>8}")
            total_kg = total_rdflib = 0.0
            entities = written // TRIPLES_PER_ENTITY
            ids = {"a": entities // 4, "b": entities // 2, "c": 3 * entities // 4}
            ids["any"] = "(" + "|".join(f"kg:{relation}" for relation in RELATIONS) + ")"
            for name, template in QUERIES.items():
                query = template.format(**ids)
                ours, kg_time = timed(rows_of_store, store, query)
                theirs, rdflib_time = timed(rows_of_rdflib, graph, query)
                if ours != theirs:
                    print(f"DIFFERENT ANSWERS for {name!r}: kg {len(ours)} rows, rdflib {len(theirs)} rows")
                    return 1
                total_kg += kg_time
                total_rdflib += rdflib_time
                ratio = rdflib_time / kg_time if kg_time else float("inf")
                print(f"{name:40} {len(ours):6} {kg_time:9.4f} {rdflib_time:11.3f} {ratio:7.0f}x")
            print(
                f"{'query mix (same answers)':40} {'':6} {total_kg:9.4f} {total_rdflib:11.3f} "
                f"{total_rdflib / total_kg:7.0f}x"
            )
    target = "met" if rdflib_load / kg_load >= 10 and total_rdflib / total_kg >= 10 else "NOT met on every count"
    print(f"\ntarget (>= 10x on load and on the query mix): {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
