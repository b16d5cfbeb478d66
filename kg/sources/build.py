"""Build the graph from the bundled data into a store, and summarise what a store holds."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kg.model.terms import local_name
from kg.model.vocab import DATA_DIR, INFERRED_GRAPH, ONTOLOGY_GRAPH, ontology
from kg.sources.curated import curated_graphs, load_curated
from kg.store.embedded import Store
from kg.store.inference import with_inference


@dataclass
class Summary:
    """Counts describing a built graph."""

    entities_per_class: Counter[str] = field(default_factory=Counter)
    relations_per_kind: Counter[str] = field(default_factory=Counter)
    indicators: int = 0
    documents: list[tuple[str, str]] = field(default_factory=list)  # (document IRI, headline)
    triples: int = 0
    inferred: int = 0

    @property
    def entities(self) -> int:
        return sum(self.entities_per_class.values())

    @property
    def relations(self) -> int:
        return sum(self.relations_per_kind.values())


def build(store: Store, data_dir: Path = DATA_DIR) -> Summary:
    """Build ontology, curated entities, documents and their inferred closure into ``store``.

    Everything is validated and computed before the store is touched, then
    written in one transaction; building twice yields the same triples.
    Graphs the build does not own (documents added with ``kg ingest``) are kept.
    """
    graphs = {ONTOLOGY_GRAPH: ontology(), **curated_graphs(load_curated(data_dir))}
    store.replace_graphs(with_inference(store, graphs))
    return summarize(store)


ENTITIES_PER_CLASS = f"""
SELECT ?class (COUNT(DISTINCT ?entity) AS ?n) WHERE {{
  GRAPH ?g {{ ?entity a ?class }} FILTER(!STRSTARTS(STR(?g), "{INFERRED_GRAPH}"))  # stated: the most specific
  ?entity rdfs:label ?label .
  FILTER(STRSTARTS(STR(?class), STR(kg:)))
  FILTER(?class NOT IN (kg:SourceDocument, kg:RelationAssertion, kg:Indicator))
}} GROUP BY ?class
"""

RELATIONS_PER_KIND = """
SELECT ?predicate (COUNT(DISTINCT ?assertion) AS ?n) WHERE {
  ?assertion a kg:RelationAssertion ; rdf:predicate ?predicate .
} GROUP BY ?predicate
"""

INDICATORS = "SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i a kg:Indicator }"

DOCUMENTS = """
SELECT ?doc (SAMPLE(?title) AS ?headline) WHERE {
  ?doc a kg:SourceDocument . OPTIONAL { ?doc schema:headline ?title }
} GROUP BY ?doc ORDER BY ?doc
"""


def summarize(store: Store) -> Summary:
    """Count entities per most specific class, relations per kind, indicators, documents and triples."""
    summary = Summary()
    for row in store.select(ENTITIES_PER_CLASS):
        summary.entities_per_class[local_name(row["class"])] = int(row["n"])
    for row in store.select(RELATIONS_PER_KIND):
        summary.relations_per_kind[local_name(row["predicate"])] = int(row["n"])
    summary.indicators = int(store.select(INDICATORS)[0]["n"])
    summary.documents = [(str(r["doc"]), str(r.get("headline", ""))) for r in store.select(DOCUMENTS)]
    summary.triples = len(store)
    summary.inferred = sum(1 for _ in store.quads(str(INFERRED_GRAPH)))
    return summary
