"""Build the graph from the bundled data into a store, and summarise what a store holds."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from kg.model.terms import local_name
from kg.model.vocab import DATA_DIR, ENTITIES_GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH, document_iri, ontology
from kg.sources.curated import CuratedData, curated_graphs, load_curated
from kg.sources.identity import Described, find_namesakes, namesake_triples
from kg.sources.reference import identifier_triples, lookup
from kg.store.check import interrupted_write
from kg.store.embedded import Store
from kg.store.inference import inference_status, write_graphs


@dataclass
class Summary:
    """Counts describing a built graph."""

    entities_per_class: Counter[str] = field(default_factory=Counter)
    relations_per_kind: Counter[str] = field(default_factory=Counter)
    indicators: int = 0
    documents: list[tuple[str, str]] = field(default_factory=list)  # (document IRI, headline)
    triples: int = 0
    inferred: int = 0
    inference: str = ""  # "" when the inference is up to date, else what is wrong and what to run

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
    data = load_curated(data_dir)
    graphs = {ONTOLOGY_GRAPH: ontology(), **curated_graphs(data)}
    add_reference_links(data, graphs)
    write_graphs(store, graphs)  # data and the closure of what it states, in one transaction
    return summarize(store)


def add_reference_links(data: CuratedData, graphs: dict[URIRef, Graph]) -> None:
    """Identifiers and coordinates from the reference lists, and namesake relations, into the curated graphs.

    An entity whose name the reference lists know (重庆理工大学, 巴南区) gets its
    学校标识码 or division code (and a place its coordinates) in the entity
    registry; an organisation whose name carries another's (华为赛力斯 → 华为)
    gets ``kg:namedAfter`` in the first document that names it, with that
    sentence as evidence (:mod:`kg.sources.identity`).
    """
    registry = graphs[ENTITIES_GRAPH]
    for entity in data.entities.values():
        for name in (entity.label, *entity.aliases):
            ref = lookup(name, entity.cls, city=entity.city)
            if ref is not None:
                for triple in identifier_triples(entity.iri, ref):
                    registry.add(triple)
                break
    entities = [
        Described(str(e.iri), e.label, e.cls, tuple(e.aliases), e.district, e.city) for e in data.entities.values()
    ]
    related = {
        (str(data.entities[str(r["subject"])].iri), str(data.entities[str(r["object"])].iri))
        for statements in data.statements.values()
        for r in statements.get("relations") or []
    }
    for entity, other, carried in find_namesakes(entities, related):
        for doc_id in sorted(data.articles):
            text = data.articles[doc_id].text
            spoken = next((n for n in entity.names if carried in n and n in text), None)
            if spoken is None:
                continue
            triples = namesake_triples(
                URIRef(entity.iri), URIRef(other.iri), spoken, document_iri(doc_id), doc_id, text
            )
            for triple in triples:
                graphs[document_iri(doc_id)].add(triple)
            break


# Stated classes are the most specific: types in inferred graphs (…/graph/inferred and below) are left out.
ENTITIES_PER_CLASS = f"""
SELECT ?class (COUNT(DISTINCT ?entity) AS ?n) WHERE {{
  GRAPH ?g {{ ?entity a ?class }}
  FILTER(!STRSTARTS(STR(?g), "{INFERRED_GRAPH}"))
  ?entity rdfs:label ?label .
  FILTER(STRSTARTS(STR(?class), STR(kg:)))
  FILTER(?class NOT IN (kg:SourceDocument, kg:RelationAssertion, kg:Indicator))
}} GROUP BY ?class
"""
INFERRED = f"""
SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{INFERRED_GRAPH}")) }}
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
    summary.inferred = int(store.select(INFERRED)[0]["n"])
    summary.inference = "; ".join(filter(None, [inference_status(store), interrupted_write(store)]))
    return summary
