"""Export the store in standard RDF formats."""

from __future__ import annotations

from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Graph

from kg.store import Store, to_rdflib
from kg.vocab import PREFIXES

# Standard names first; the short forms are accepted aliases.
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "n-triples": ox.RdfFormat.N_TRIPLES,
    "n-quads": ox.RdfFormat.N_QUADS,
    "json-ld": ox.RdfFormat.JSON_LD,
    "rdf-xml": ox.RdfFormat.RDF_XML,
}
ALIASES = {
    "ttl": "turtle",
    "nt": "n-triples",
    "nq": "n-quads",
    "nquads": "n-quads",
    "jsonld": "json-ld",
    "xml": "rdf-xml",
}
DATASET_FORMATS = {"trig", "n-quads"}


def format_name(name: str) -> str:
    """The standard name of an export format given its name or alias; ValueError if unknown."""
    name = ALIASES.get(name.lower(), name.lower())
    if name not in RDF_FORMATS:
        raise ValueError(f"unknown format {name!r}; choose one of {', '.join(RDF_FORMATS)}")
    return name


def union_triples(store: Store) -> set[ox.Triple]:
    """Every distinct triple of the store, whatever graph holds it."""
    return {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads()}


def export(store: Store, fmt: str, out: BinaryIO) -> None:
    """Write the store to ``out`` in ``fmt``.

    Dataset formats (TriG, N-Quads) keep the named graphs; triple formats get
    the union of all graphs, each triple once.  JSON-LD is compacted with the
    project's prefixes as ``@context`` so its keys are readable.
    """
    fmt = format_name(fmt)
    if fmt in DATASET_FORMATS:
        ox.serialize(store.quads(), out, RDF_FORMATS[fmt], prefixes=PREFIXES if fmt == "trig" else None)
    elif fmt == "json-ld":
        graph = Graph()
        for t in union_triples(store):
            graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
        out.write(graph.serialize(format="json-ld", context=PREFIXES, auto_compact=True).encode("utf-8"))
    else:
        prefixes = PREFIXES if fmt in {"turtle", "rdf-xml"} else None
        ox.serialize(sorted(union_triples(store), key=str), out, RDF_FORMATS[fmt], prefixes=prefixes)
