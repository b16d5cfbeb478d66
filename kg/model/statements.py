"""The RDF data model of one document's named graph, shared by the curated loader and the extractor.

A document's graph holds the document node, the entities it describes, every
relation as a direct triple plus a qualified ``kg:RelationAssertion`` node, and
every ``kg:Indicator``; each assertion and indicator carries its provenance (see
``README.md``, "Data model and provenance").  Functions add triples to anything
with rdflib's ``add((s, p, o))`` — an rdflib graph, or a faster plain collection.
Assertion and indicator IRIs come from :func:`assertion_iri` and
:func:`indicator_iri` only, so a fact gets the same IRI whoever states it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Protocol

import rdflib
from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.model import vocab
from kg.model.vocab import ASSERTION, INDICATOR, Terms, content_iri

# made once (see Terms): a document of many facts writes these tens of thousands of times
KG, PROV, SCHEMA, SKOS = (Terms(n) for n in (vocab.KG, vocab.PROV, vocab.SCHEMA, vocab.SKOS))
OWL, RDF, RDFS, XSD = (Terms(n) for n in (rdflib.OWL, rdflib.RDF, rdflib.RDFS, rdflib.XSD))
TRUE, FALSE = Literal(True), Literal(False)
# the short values facts repeat (offsets, methods, units, measures, numbers): rdflib's Literal() is slow to build
short = lru_cache(maxsize=16384)(Literal)

APPROXIMATE_WORDS = ("余", "多", "近", "超", "以上", "约", "逾", "超过", "左右")


class TripleSink(Protocol):
    def add(self, triple: tuple[Node, Node, Node], /) -> object: ...


class DocumentFields(Protocol):
    """What the document node records (a cleaned article has these)."""

    id: str
    title: str
    subtitle: str
    captions: Sequence[str]
    text: str
    source: str
    authors: Sequence[str]


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
        graph.add((node, KG.startOffset, short(self.start)))
        graph.add((node, KG.endOffset, short(self.end)))
        graph.add((node, KG.method, short(self.method)))
        if self.year:
            graph.add((node, KG.year, Literal(str(self.year), datatype=XSD.gYear)))


def assertion_iri(doc_id: str, subject: URIRef, predicate: URIRef, obj: URIRef, evidence: str) -> URIRef:
    """The IRI of a relation assertion: a hash of the document, the triple and the evidence."""
    return content_iri(ASSERTION, doc_id, str(subject), str(predicate), str(obj), evidence)


def indicator_iri(doc_id: str, subject: URIRef, measure: str, text: str, provenance: Provenance) -> URIRef:
    """The IRI of a stated quantity: a hash of the document, its subject, what it counts, the phrase stating it
    and where (one sentence may state the same phrase twice)."""
    return content_iri(INDICATOR, doc_id, str(subject), measure, text, provenance.evidence, str(provenance.start))


def add_entity(
    graph: TripleSink,
    node: URIRef,
    cls: URIRef,
    label: str,
    *,
    aliases: Iterable[str] = (),
    district: URIRef | None = None,
    city: URIRef | None = None,
    mentioned_in: Iterable[URIRef] = (),
    same_as: Iterable[str] = (),
    division_code: str = "",
    note: str = "",
) -> None:
    """An entity's description: class, Chinese label and aliases, district, city, documents naming it, links."""
    graph.add((node, RDF.type, cls))
    graph.add((node, RDFS.label, Literal(label, lang="zh")))
    for alias in sorted(set(aliases) - {label}):
        graph.add((node, SKOS.altLabel, Literal(alias, lang="zh")))
    if district is not None and district != node:
        graph.add((node, KG.district, district))
    if city is not None and city != node:
        graph.add((node, KG.city, city))
    for doc in mentioned_in:
        graph.add((node, KG.mentionedIn, doc))
    for link in same_as:
        graph.add((node, OWL.sameAs, URIRef(link)))
    if division_code:
        graph.add((node, KG.divisionCode, Literal(division_code)))
    if note:
        graph.add((node, KG.note, Literal(note)))


def add_document(
    graph: TripleSink,
    doc: URIRef,
    article: DocumentFields,
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
    graph.add((node, KG.measure, short(measure, lang="zh")))
    graph.add((node, KG.value, short(Decimal(str(value)), datatype=XSD.decimal)))
    graph.add((node, KG.unit, short(unit, lang="zh")))
    graph.add((node, KG.approximate, TRUE if qualifier in APPROXIMATE_WORDS else FALSE))
    if qualifier:
        graph.add((node, KG.qualifier, short(qualifier, lang="zh")))
    if text:
        graph.add((node, KG.valueText, short(text, lang="zh")))
    if counts_class is not None:
        graph.add((node, KG.countsClass, counts_class))
    provenance.add_to(graph, node)
