"""RDFS inference, materialised: what queries may assume without writing property paths.

The closure is computed from everything in the store except the inferred
graph itself, and written to :data:`kg.model.vocab.INFERRED_GRAPH`:

* ``rdf:type`` for every superclass (``rdfs:subClassOf`` and ``owl:equivalentClass``,
  both ways), so asking for ``kg:School`` also returns vocational schools and
  asking for ``schema:Organization`` returns companies;
* the triple of every super-property (``rdfs:subPropertyOf``), so
  ``kg:cooperatesWith`` also returns ``kg:integratesWith`` pairs;
* the inverse of every triple of an ``owl:SymmetricProperty``.

Only triples not already stated are added, so the union of graphs holds each
triple once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rdflib import RDF, URIRef
from rdflib.term import Node

from kg.model.vocab import INFERRED_GRAPH
from kg.store.embedded import Store

SUPERCLASSES = """
SELECT DISTINCT ?s ?super WHERE {
  ?s a ?class .
  ?class (rdfs:subClassOf|owl:equivalentClass|^owl:equivalentClass)+ ?super .
  FILTER(isIRI(?super) && ?super != ?class)
  FILTER NOT EXISTS { ?s a ?super }
}
"""

# A symmetric property's inverse triples have super-properties too (second branch).
SUPERPROPERTIES = """
SELECT DISTINCT ?s ?super ?o WHERE {
  ?p rdfs:subPropertyOf+ ?super .
  FILTER(isIRI(?super) && ?super != ?p)
  { ?s ?p ?o } UNION { ?p a owl:SymmetricProperty . ?o ?p ?s FILTER(!isLiteral(?o)) }
  FILTER NOT EXISTS { ?s ?super ?o }
}
"""

SYMMETRIC = """
SELECT DISTINCT ?o ?p ?s WHERE {
  ?p a owl:SymmetricProperty .
  ?s ?p ?o .
  FILTER(!isLiteral(?o))
  FILTER NOT EXISTS { ?o ?p ?s }
}
"""


def stated_graphs(store: Store) -> list[str]:
    """Every named graph but the inferred one: what the documents, the registry and the ontology state."""
    return [g for g in store.graph_names() if g != str(INFERRED_GRAPH)]


def inferred_triples(store: Store) -> set[tuple[Node, Node, Node]]:
    """The RDFS closure of the store's stated triples, minus what is already stated.

    >>> from rdflib import Graph, Namespace
    >>> from kg.model.vocab import ontology, ONTOLOGY_GRAPH, KG
    >>> store = Store()
    >>> ex = Namespace("http://example.org/")
    >>> store.replace_graphs({ONTOLOGY_GRAPH: ontology(), ex.g: [(ex.a, RDF.type, KG.PrimarySchool)]})
    >>> (ex.a, RDF.type, KG.School) in inferred_triples(store)
    True
    """
    stated = stated_graphs(store)
    triples: set[tuple[Node, Node, Node]] = set()
    for row in store.select(SUPERCLASSES, default_graphs=stated):
        triples.add((row["s"], RDF.type, row["super"]))
    for row in store.select(SYMMETRIC, default_graphs=stated):
        triples.add((row["o"], row["p"], row["s"]))
    for row in store.select(SUPERPROPERTIES, default_graphs=stated):
        triples.add((row["s"], row["super"], row["o"]))
    return triples


def with_inference(
    store: Store, graphs: Mapping[URIRef, Iterable[tuple[Node, Node, Node]]]
) -> dict[URIRef, Iterable[tuple[Node, Node, Node]]]:
    """``graphs`` plus the inferred graph the store needs once they replace theirs (an empty one removes it).

    The closure is computed on an in-memory copy of the other stated graphs, so
    one ``store.replace_graphs(with_inference(store, graphs))`` writes data and
    inference in a single transaction: a failure leaves the store as it was.
    """
    scratch = Store()
    scratch.replace_graphs(graphs)
    replaced = {str(name) for name in graphs} | {str(INFERRED_GRAPH)}
    scratch.add_quads(q for name in store.graph_names() if name not in replaced for q in store.quads(name))
    return {**graphs, URIRef(str(INFERRED_GRAPH)): inferred_triples(scratch)}


def refresh_inference(store: Store) -> int:
    """Recompute the inferred graph from the stated graphs; return its size."""
    triples = inferred_triples(store)
    store.replace_graphs({URIRef(str(INFERRED_GRAPH)): triples})
    return len(triples)
