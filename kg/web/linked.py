"""Linked Data: the description of an entity or a document, for ``Accept: text/turtle`` and friends.

An entity's description is every triple about it (its label, aliases, class,
district, links), the relation assertions it takes part in with their
evidence and provenance, and its indicators; a document's is its own graph.
Terms are bound, never spliced into the query text.
"""

from __future__ import annotations

import io
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef

from kg.store import formats

# A resource is offered as a page or in any RDF format of the one table (kg.store.formats).
OFFERED = frozenset({"page", "rdf"})


ENTITY = """
CONSTRUCT {
  ?e ?p ?o . ?a ?ap ?ao . ?i ?ip ?io .
} WHERE {
  { ?e ?p ?o }
  UNION { { ?a rdf:subject ?e } UNION { ?a rdf:object ?e } ?a a kg:RelationAssertion ; ?ap ?ao }
  UNION { ?i kg:indicatorOf ?e ; ?ip ?io }
}
"""
DOCUMENT = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?d { ?s ?p ?o } }"


def wanted_media(accept: str | None, fmt: str | None) -> str | None:
    """The media type to serve a resource as: ``text/html`` (its page) or an RDF format's; None for HTTP 406.

    A ``format`` parameter beats ``Accept``; ``*/*`` (a browser's fallback, or no ``Accept``) is the page.

    >>> wanted_media("text/turtle", None), wanted_media("text/html,application/xhtml+xml,*/*;q=0.8", None)
    ('text/turtle', 'text/html')
    >>> wanted_media(None, "json-ld"), wanted_media("application/ld+json;q=0.9, text/html;q=0.5", None)
    ('application/ld+json', 'application/ld+json')
    >>> wanted_media("image/png", None), wanted_media(None, "csv")
    (None, None)
    """
    return formats.negotiate(accept, OFFERED, fmt, default=PAGE)


def is_page(media: str) -> bool:
    """Whether ``media`` (from :func:`wanted_media`) asks for the HTML page."""
    return formats.by_media_type(media, {"page"}) is not None


def offered() -> str:
    """The ``format`` values a resource is offered in, for a 406 message."""
    return ", ".join(formats.names(OFFERED))


PAGE = formats.find("html", {"page"}).media_type or "text/html"


def describe(store: Any, iri: str, kind: str, media: str, limit: int) -> tuple[bytes, bool] | None:
    """The description of ``iri`` (``kind`` ``id`` or ``doc``) serialized as ``media``; None when unknown.

    Returns the bytes and whether the triples were cut at ``limit``.
    """
    ox.NamedNode(iri)  # raises ValueError for a string that is not an IRI
    query, name = (ENTITY, "e") if kind == "id" else (DOCUMENT, "d")
    triples, truncated = [], False
    for triple in store.query_raw(query, {name: URIRef(iri)}):
        if len(triples) >= limit:
            truncated = True
            break
        triples.append(triple)
    if not triples:
        return None
    return serialize(triples, media), truncated


def serialize(triples: list, media: str) -> bytes:
    """Triples in the RDF format served as ``media`` (kg.store.formats writes them)."""
    out = io.BytesIO()
    formats.write_rdf(triples, formats.by_media_type(media, formats.RDF), out)
    return out.getvalue()
