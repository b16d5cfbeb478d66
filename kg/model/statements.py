"""The RDF data model of one document's named graph, shared by the curated loader and the extractor.

A document's graph holds the document node, every relation as a direct triple
plus a qualified ``kg:RelationAssertion`` node, and every ``kg:Indicator``; each
assertion and indicator carries its provenance (see ``README.md``, "Data model
and provenance").  Functions add triples to anything with rdflib's
``add((s, p, o))`` — an rdflib graph, or a faster plain collection.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from rdflib import RDF, XSD, Literal, URIRef
from rdflib.term import Node

from kg.model.vocab import KG, PROV, SCHEMA
from kg.sources.documents import Article

APPROXIMATE_WORDS = ("余", "多", "近", "超", "以上", "约", "逾", "超过", "左右")


class TripleSink(Protocol):
    def add(self, triple: tuple[Node, Node, Node], /) -> object: ...


@dataclass(frozen=True)
class Provenance:
    """Where a fact comes from: the document, the verbatim evidence and its offsets, the method, the year."""

    document: URIRef
    evidence: str
    start: int
    end: int
    method: str
    year: str | int | None = None

    def add_to(self, graph: TripleSink, node: URIRef) -> None:
        graph.add((node, KG.evidence, Literal(self.evidence, lang="zh")))
        graph.add((node, PROV.wasDerivedFrom, self.document))
        graph.add((node, KG.startOffset, Literal(self.start)))
        graph.add((node, KG.endOffset, Literal(self.end)))
        graph.add((node, KG.method, Literal(self.method)))
        if self.year:
            graph.add((node, KG.year, Literal(str(self.year), datatype=XSD.gYear)))


def add_document(
    graph: TripleSink,
    doc: URIRef,
    article: Article,
    authors: Mapping[str, URIRef],
    district: URIRef | None,
    city: URIRef | None,
) -> None:
    """The document node: identifier, headline, subtitle, captions, text, source file, authors, district, city."""
    graph.add((doc, RDF.type, KG.SourceDocument))
    graph.add((doc, SCHEMA.identifier, Literal(article.id)))
    if article.title:
        graph.add((doc, SCHEMA.headline, Literal(article.title, lang="zh")))
    if article.subtitle:
        graph.add((doc, SCHEMA.alternativeHeadline, Literal(article.subtitle, lang="zh")))
    for caption in article.captions:
        graph.add((doc, SCHEMA.caption, Literal(caption, lang="zh")))
    graph.add((doc, SCHEMA.text, Literal(article.text, lang="zh")))
    if article.source:
        graph.add((doc, PROV.hadPrimarySource, Literal(article.source)))
    for author in article.authors:
        if author in authors:
            graph.add((doc, SCHEMA.author, authors[author]))
    if district is not None:
        graph.add((doc, KG.district, district))
    if city is not None:
        graph.add((doc, KG.city, city))


def add_relation(
    graph: TripleSink, node: URIRef, subject: URIRef, predicate: URIRef, obj: URIRef, provenance: Provenance
) -> None:
    """A relation: its direct triple and its qualified ``kg:RelationAssertion`` node ``node``."""
    graph.add((subject, predicate, obj))
    graph.add((node, RDF.type, KG.RelationAssertion))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, obj))
    provenance.add_to(graph, node)


def add_indicator(
    graph: TripleSink,
    node: URIRef,
    subject: URIRef,
    *,
    measure: str,
    value: Decimal | str | int | float,
    unit: str,
    qualifier: str,
    text: str,
    counts_class: URIRef | None,
    provenance: Provenance,
) -> None:
    """A stated quantity: ``kg:Indicator`` ``node`` of ``subject``; approximate when ``qualifier`` says so."""
    graph.add((node, RDF.type, KG.Indicator))
    graph.add((node, KG.indicatorOf, subject))
    graph.add((node, KG.measure, Literal(measure, lang="zh")))
    graph.add((node, KG.value, Literal(Decimal(str(value)), datatype=XSD.decimal)))
    graph.add((node, KG.unit, Literal(unit, lang="zh")))
    graph.add((node, KG.approximate, Literal(qualifier in APPROXIMATE_WORDS)))
    if qualifier:
        graph.add((node, KG.qualifier, Literal(qualifier, lang="zh")))
    if text:
        graph.add((node, KG.valueText, Literal(text, lang="zh")))
    if counts_class is not None:
        graph.add((node, KG.countsClass, counts_class))
    provenance.add_to(graph, node)
