"""Vocabulary as rdflib's terms: the namespaces, the ontology, and the IRIs of entities, documents and graphs.

Derived from :mod:`kg.model.names`, the one home of the IRIs (as text), for the code that builds rdflib graphs;
code that writes text only (extraction and its output) uses that module and never imports rdflib.
"""

from __future__ import annotations

from functools import cache

from rdflib import OWL, RDF, RDFS, XSD, Namespace, URIRef

from kg.model import names
from kg.model.names import (  # (the names every layer imports from here too)
    BASE,
    DATA_DIR,
    INFERRED_PREFIX,
    ONTOLOGY_DIR,
    ONTOLOGY_FILE,
    PACKAGE_ROOT,
    PREFIXES,
    PROJECT_ROOT,
    content_name,
    ontology,
    ontology_facts,
    slug,
)

__all__ = [
    "ASSERTION",
    "BASE",
    "DATA_DIR",
    "DOC",
    "ENTITIES_GRAPH",
    "GRAPH",
    "INDICATOR",
    "INFERRED_GRAPH",
    "INFERRED_PREFIX",
    "KG",
    "KGR",
    "ONTOLOGY_DIR",
    "ONTOLOGY_FILE",
    "ONTOLOGY_GRAPH",
    "ORG",
    "OWL",
    "PACKAGE_ROOT",
    "PREFIXES",
    "PROJECT_ROOT",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "XSD",
    "classes",
    "content_iri",
    "content_name",
    "document_iri",
    "entity_iri",
    "ontology",
    "ontology_facts",
    "relation_properties",
    "slug",
]

KG = Namespace(str(names.KG))
KGR = Namespace(str(names.KGR))
DOC = Namespace(str(names.DOC))
ASSERTION = Namespace(str(names.ASSERTION))
INDICATOR = Namespace(str(names.INDICATOR))
GRAPH = Namespace(str(names.GRAPH))
SCHEMA = Namespace(str(names.SCHEMA))
ORG = Namespace(str(names.ORG))
PROV = Namespace(str(names.PROV))
SKOS = Namespace(str(names.SKOS))


ONTOLOGY_GRAPH = URIRef(names.ONTOLOGY_GRAPH)
ENTITIES_GRAPH = URIRef(names.ENTITIES_GRAPH)
INFERRED_GRAPH = URIRef(names.INFERRED_GRAPH)


@cache
def classes() -> dict[str, URIRef]:
    """Local name → IRI of every class the ontology defines (:func:`kg.model.names.classes`)."""
    return {name: URIRef(iri) for name, iri in names.classes().items()}


@cache
def relation_properties() -> dict[str, URIRef]:
    """Local name → IRI of every relation between entities (:func:`kg.model.names.relation_properties`)."""
    return {name: URIRef(iri) for name, iri in names.relation_properties().items()}


def entity_iri(name: str, explicit_id: str | None = None) -> URIRef:
    """Stable IRI of an entity (:func:`kg.model.names.entity_iri`)."""
    return URIRef(names.entity_iri(name, explicit_id))


def document_iri(doc_id: str) -> URIRef:
    """IRI of a source document (:func:`kg.model.names.document_iri`)."""
    return URIRef(names.document_iri(doc_id))


def content_iri(namespace: Namespace, *parts: str) -> URIRef:
    """Deterministic IRI from the content that defines a node (rebuilds give the same IRI).

    >>> str(content_iri(ASSERTION, "a", "b")) == str(ASSERTION) + content_name("a", "b")
    True
    """
    return namespace[content_name(*parts)]
