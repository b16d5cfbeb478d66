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

# The media types a description is offered in (formats from the one table, kg.store.formats).
RDF_MEDIA = ("text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml")


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
    """The RDF media type asked for (a ``format`` parameter, or ``Accept`` ranking RDF above HTML), else None.

    >>> wanted_media("text/turtle", None), wanted_media("text/html,application/xhtml+xml,*/*;q=0.8", None)
    ('text/turtle', None)
    >>> wanted_media(None, "json-ld"), wanted_media("application/ld+json;q=0.9, text/html;q=0.5", None)
    ('application/ld+json', 'application/ld+json')
    """
    if fmt:
        found = formats.lookup(fmt, formats.RDF)
        return found.media_type if found is not None and found.media_type in RDF_MEDIA else None
    best: tuple[float, int, str] | None = None
    for index, part in enumerate((accept or "").split(",")):
        media, *params = (p.strip().lower() for p in part.split(";"))
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if media in RDF_MEDIA or media in ("text/html", "application/xhtml+xml"):
            candidate = (-q, index, media)
            if q > 0 and (best is None or candidate < best):
                best = candidate
    return best[2] if best and best[2] in RDF_MEDIA else None


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
