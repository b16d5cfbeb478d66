"""The RDF data model of one document's named graph, shared by the curated loader and the extractor.

A document's graph holds the document node, the entities it describes, every
relation as a direct triple plus a qualified ``kg:RelationAssertion`` node, and
every ``kg:Indicator``; each assertion and indicator carries its provenance (see
``README.md``, "Data model and provenance").  Functions add triples to anything
with rdflib's ``add((s, p, o))`` — an rdflib graph, or a faster plain collection.
Assertion and indicator IRIs come from :func:`assertion_iri` and
:func:`indicator_iri` only (or their local names, :func:`assertion_name` and
:func:`indicator_name`), so a fact gets the same IRI whoever states it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, Protocol

import pyoxigraph as ox

from kg.model import names
from kg.model.names import ASSERTION, INDICATOR, XSD, content_name

if TYPE_CHECKING:
    from rdflib import URIRef


class TermKit:
    """The terms statements are written with: rdflib's (:func:`rdflib_kit`, the default) or pyoxigraph's
    (:data:`OXIGRAPH`, for output and store writes: no conversion, several times cheaper to build), or their
    N-Triples text (:data:`NTRIPLES`, for output).

    The same functions below write both, so the data model has one home; a kit gives the vocabulary
    (``kit.KG.evidence``), ``kit.node(iri)``, ``kit.text(value, lang)``, ``kit.word(value, lang)`` (cached),
    ``kit.number(int)``, ``kit.decimal(Decimal)``, ``kit.typed(lexical, datatype)`` and ``kit.boolean(bool)``.

    >>> OXIGRAPH.text("巴南区", "zh"), rdflib_kit().number(3)
    (<Literal value=巴南区 language=zh>, rdflib.term.Literal('3', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer')))
    """

    def __init__(
        self,
        node: Callable[[str], Any],
        text: Callable[[str, str | None], Any],
        typed: Callable[[str, Any], Any],
        word: Callable[..., Any],
        number: Callable[[int], Any],
        decimal: Callable[[Decimal], Any],
        boolean: Callable[[bool], Any],
    ) -> None:
        self.node, self.text, self.typed, self.boolean = node, text, typed, boolean
        self.number, self.decimal = number, decimal
        self.word = word  # a short text facts repeat (a method, a unit, a measure): made once
        self.KG, self.PROV, self.SCHEMA, self.SKOS, self.OWL, self.RDF, self.RDFS, self.XSD = (
            _Names(str(ns), node)
            for ns in (names.KG, names.PROV, names.SCHEMA, names.SKOS, names.OWL, names.RDF, names.RDFS, names.XSD)
        )

    def term(self, term: Any) -> Any:
        """``term`` (an IRI of either kind, or a string) as this kit's IRI."""
        return self.node(term.value if isinstance(term, ox.NamedNode) else str(term))

    def iri(self, node: Any) -> str:
        """The IRI an IRI term of this kit stands for."""
        return node.value if isinstance(node, ox.NamedNode) else str(node)


class _Names:
    """A namespace's terms for one kit, each made once."""

    def __init__(self, base: str, node: Callable[[str], Any]) -> None:
        self._base, self._node = base, node

    def __getattr__(self, name: str) -> Any:
        term = self._node(self._base + name)
        setattr(self, name, term)
        return term


@lru_cache(maxsize=65536)  # entities, predicates and classes recur; a fact's own node is made without the cache
def _ox_node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


_XSD_INTEGER, _XSD_BOOLEAN = ox.NamedNode(XSD.integer), ox.NamedNode(XSD.boolean)
_XSD_DECIMAL = ox.NamedNode(XSD.decimal)


@lru_cache(maxsize=16384)
def _ox_short(value: str, lang: str | None) -> ox.Literal:
    return ox.Literal(value, language=lang) if lang else ox.Literal(value)


@cache
def rdflib_kit() -> TermKit:
    """rdflib's terms, the default kit: made when first asked for, by code that builds an rdflib graph, so that
    code writing text (``kg extract``, :data:`NTRIPLES`) never imports rdflib."""
    from rdflib import Literal, URIRef

    true, false = Literal(True), Literal(False)
    # the short values facts repeat (offsets, methods, units, measures, numbers): rdflib's Literal() is slow to build
    short = lru_cache(maxsize=16384)(Literal)
    decimal = URIRef(XSD.decimal)
    return TermKit(
        URIRef,
        lambda value, lang=None: Literal(value, lang=lang),
        lambda lexical, datatype: Literal(lexical, datatype=datatype),
        lambda value, lang=None: short(value, lang=lang),
        short,
        lambda value: short(value, datatype=decimal),
        lambda value: true if value else false,
    )


OXIGRAPH = TermKit(
    _ox_node,
    lambda value, lang=None: ox.Literal(value, language=lang) if lang else ox.Literal(value),
    lambda lexical, datatype: ox.Literal(lexical, datatype=datatype),
    lambda value, lang=None: _ox_short(value, lang),
    lru_cache(maxsize=16384)(lambda value: ox.Literal(str(value), datatype=_XSD_INTEGER)),
    # rdflib's lexical form of a Decimal
    lru_cache(maxsize=16384)(lambda value: ox.Literal(f"{value:f}", datatype=_XSD_DECIMAL)),
    lambda value: ox.Literal("true" if value else "false", datatype=_XSD_BOOLEAN),
)


class _NTriplesKit(TermKit):
    """Terms as their N-Triples text (``<iri>``, ``"text"@zh``, ``"3"^^<…#integer>``): for writing output.

    Oxigraph's ``Triple`` tries every other kind of term before it takes a literal object (2 µs a triple,
    most of the cost of writing the output of ``kg extract``), and its terms hash slower than strings.
    Written as N-Triples lines, a document's triples are read by Oxigraph's parser in one call
    (:func:`kg.extract.pipeline.write`), which gives its serialiser the very terms it would have been
    given, so the Turtle or TriG is byte for byte the same; the parser checks every IRI as ``NamedNode`` does.
    """

    def iri(self, node: Any) -> str:
        return node[1:-1]  # <iri>


def nt_string(value: str) -> str:
    r"""``value`` between double quotes, escaped as N-Triples requires (backslash, quote, line feed, return).

    >>> print(nt_string('a "b" \\ c\nd\re'))
    "a \"b\" \\ c\nd\re"
    """
    if "\\" in value:  # first: the escapes below add backslashes
        value = value.replace("\\", "\\\\")
    if '"' in value:
        value = value.replace('"', '\\"')
    if "\n" in value:
        value = value.replace("\n", "\\n")
    if "\r" in value:
        value = value.replace("\r", "\\r")
    return f'"{value}"'


@lru_cache(maxsize=65536)  # entities, predicates and classes recur; a fact's own node is made without the cache
def _nt_node(iri: str) -> str:
    ox.NamedNode(iri)  # checks the IRI once (ValueError), which the parser then need not do at every use of it
    return f"<{iri}>"


def _nt_text(value: str, lang: str | None = None) -> str:
    return f"{nt_string(value)}@{lang}" if lang else nt_string(value)


_NT_INTEGER, _NT_DECIMAL = f"<{XSD.integer}>", f"<{XSD.decimal}>"
_NT_TRUE, _NT_FALSE = f'"true"^^<{XSD.boolean}>', f'"false"^^<{XSD.boolean}>'

NTRIPLES = _NTriplesKit(
    _nt_node,
    _nt_text,
    lambda lexical, datatype: f"{nt_string(lexical)}^^{datatype}",
    lru_cache(maxsize=16384)(_nt_text),
    lru_cache(maxsize=16384)(lambda value: f'"{value}"^^{_NT_INTEGER}'),
    lru_cache(maxsize=16384)(lambda value: f'"{value:f}"^^{_NT_DECIMAL}'),  # rdflib's lexical form of a Decimal
    lambda value: _NT_TRUE if value else _NT_FALSE,
)


APPROXIMATE_WORDS = ("余", "多", "近", "超", "以上", "约", "逾", "超过", "左右")


class TripleSink(Protocol):
    def add(self, triple: tuple[Any, Any, Any], /) -> object: ...


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

    document: Any  # an IRI of the kit the fact is written with
    evidence: str
    start: int
    end: int
    method: str
    year: str | int | None = None

    def add_to(self, graph: TripleSink, node: Any, kit: TermKit | None = None) -> None:
        k = kit or rdflib_kit()
        graph.add((node, k.KG.evidence, k.text(self.evidence, "zh")))
        graph.add((node, k.PROV.wasDerivedFrom, self.document))
        graph.add((node, k.KG.startOffset, k.number(self.start)))
        graph.add((node, k.KG.endOffset, k.number(self.end)))
        graph.add((node, k.KG.method, k.word(self.method)))
        if self.year:
            graph.add((node, k.KG.year, k.typed(str(self.year), k.XSD.gYear)))


def assertion_iri(doc_id: str, subject: URIRef, predicate: URIRef, obj: URIRef, evidence: str) -> URIRef:
    """The IRI of a relation assertion: a hash of the document, the triple and the evidence (rdflib's term, for an
    rdflib graph: the writers of output use :func:`assertion_name`)."""
    from rdflib import URIRef

    return URIRef(ASSERTION[assertion_name(doc_id, subject, predicate, obj, evidence)])


def assertion_name(doc_id: str, subject: str, predicate: str, obj: str, evidence: str) -> str:
    """The local name of :func:`assertion_iri` under :data:`~kg.model.names.ASSERTION` (see indicator_name)."""
    return content_name(doc_id, str(subject), str(predicate), str(obj), evidence)


def indicator_iri(doc_id: str, subject: URIRef, measure: str, text: str, provenance: Provenance) -> URIRef:
    """The IRI of a stated quantity: a hash of the document, its subject, what it counts, the phrase stating it
    and where (one sentence may state the same phrase twice); rdflib's term, as :func:`assertion_iri`."""
    from rdflib import URIRef

    return URIRef(INDICATOR[indicator_name(doc_id, subject, measure, text, provenance)])


def indicator_name(doc_id: str, subject: str, measure: str, text: str, provenance: Provenance) -> str:
    """The local name of :func:`indicator_iri` under :data:`~kg.model.names.INDICATOR`: its IRI as text is the
    namespace's and this, for the writers of output, which need no rdflib term (building one was half the cost
    of naming a fact: 6 ms of the 1.9 s of ``kg extract`` on 1 MiB of text, 3,400 indicators)."""
    return content_name(doc_id, str(subject), measure, text, provenance.evidence, str(provenance.start))


def add_entity(
    graph: TripleSink,
    node: Any,
    cls: Any,
    label: str,
    *,
    aliases: Iterable[str] = (),
    district: Any | None = None,
    city: Any | None = None,
    mentioned_in: Iterable[Any] = (),
    same_as: Iterable[str] = (),
    division_code: str = "",
    note: str = "",
    kit: TermKit | None = None,
) -> None:
    """An entity's description: class, Chinese label and aliases, district, city, documents naming it, links.

    IRIs (``node``, ``cls``, ``district``, ``city``, ``mentioned_in``) are terms of ``kit`` (default rdflib's,
    :func:`rdflib_kit`).
    """
    k = kit or rdflib_kit()
    graph.add((node, k.RDF.type, cls))
    graph.add((node, k.RDFS.label, k.text(label, "zh")))
    for alias in sorted(set(aliases) - {label}):
        graph.add((node, k.SKOS.altLabel, k.text(alias, "zh")))
    if district is not None and district != node:
        graph.add((node, k.KG.district, district))
    if city is not None and city != node:
        graph.add((node, k.KG.city, city))
    for doc in mentioned_in:
        graph.add((node, k.KG.mentionedIn, doc))
    for link in same_as:
        graph.add((node, k.OWL.sameAs, k.node(link)))
    if division_code:
        graph.add((node, k.KG.divisionCode, k.text(division_code, None)))
    if note:
        graph.add((node, k.KG.note, k.text(note, None)))


def add_text_piece(graph: TripleSink, doc: Any, position: int, text: str, kit: TermKit | None = None) -> None:
    """A piece of a long document's text: ``doc schema:hasPart <doc/text/N>``, with its position and words.

    A text longer than one block of extraction is stored a block at a time, so that writing (and reading)
    it holds one piece, whatever its length; the pieces in the order of ``schema:position`` are the text.
    """
    k = kit or rdflib_kit()
    piece = k.node(f"{k.iri(doc)}/text/{position}")
    graph.add((doc, k.SCHEMA.hasPart, piece))
    graph.add((piece, k.SCHEMA.position, k.number(position)))
    graph.add((piece, k.SCHEMA.text, k.text(text, "zh")))


def add_document(
    graph: TripleSink,
    doc: Any,
    article: DocumentFields,
    authors: Mapping[str, Any],
    district: Any | None,
    city: Any | None,
    kit: TermKit | None = None,
) -> None:
    """The document node: identifier, headline, subtitle, captions, text, source file, authors, district, city."""
    k = kit or rdflib_kit()
    graph.add((doc, k.RDF.type, k.KG.SourceDocument))
    graph.add((doc, k.SCHEMA.identifier, k.text(article.id, None)))
    if article.title:
        graph.add((doc, k.SCHEMA.headline, k.text(article.title, "zh")))
    if article.subtitle:
        graph.add((doc, k.SCHEMA.alternativeHeadline, k.text(article.subtitle, "zh")))
    for caption in article.captions:
        graph.add((doc, k.SCHEMA.caption, k.text(caption, "zh")))
    if article.text:  # a long text is stored in pieces instead (add_text_piece)
        graph.add((doc, k.SCHEMA.text, k.text(article.text, "zh")))
    if article.source:
        graph.add((doc, k.PROV.hadPrimarySource, k.text(article.source, None)))
    for author in article.authors:
        if author in authors:
            graph.add((doc, k.SCHEMA.author, authors[author]))
    if district is not None:
        graph.add((doc, k.KG.district, district))
    if city is not None:
        graph.add((doc, k.KG.city, city))


def add_relation(
    graph: TripleSink,
    node: Any,
    subject: Any,
    predicate: Any,
    obj: Any,
    provenance: Provenance,
    kit: TermKit | None = None,
) -> None:
    """A relation: its direct triple and its qualified ``kg:RelationAssertion`` node ``node``."""
    k = kit or rdflib_kit()
    graph.add((subject, predicate, obj))
    graph.add((node, k.RDF.type, k.KG.RelationAssertion))
    graph.add((node, k.RDF.subject, subject))
    graph.add((node, k.RDF.predicate, predicate))
    graph.add((node, k.RDF.object, obj))
    provenance.add_to(graph, node, k)


def add_indicator(
    graph: TripleSink,
    node: Any,
    subject: Any,
    *,
    measure: str,
    value: Decimal | str | int | float,
    unit: str,
    qualifier: str,
    text: str,
    counts_class: Any | None,
    provenance: Provenance,
    kit: TermKit | None = None,
) -> None:
    """A stated quantity: ``kg:Indicator`` ``node`` of ``subject``; approximate when ``qualifier`` says so."""
    k = kit or rdflib_kit()
    graph.add((node, k.RDF.type, k.KG.Indicator))
    graph.add((node, k.KG.indicatorOf, subject))
    graph.add((node, k.KG.measure, k.word(measure, "zh")))
    graph.add((node, k.KG.value, k.decimal(Decimal(str(value)))))
    graph.add((node, k.KG.unit, k.word(unit, "zh")))
    graph.add((node, k.KG.approximate, k.boolean(qualifier in APPROXIMATE_WORDS)))
    if qualifier:
        graph.add((node, k.KG.qualifier, k.word(qualifier, "zh")))
    if text:
        graph.add((node, k.KG.valueText, k.word(text, "zh")))
    if counts_class is not None:
        graph.add((node, k.KG.countsClass, counts_class))
    provenance.add_to(graph, node, k)
