"""The vocabulary as text: namespaces, the ontology's classes and relations, the IRIs of entities and documents.

The one home of the project's IRIs.  Each is a plain ``str`` here; :mod:`kg.model.vocab` derives rdflib's terms
from these for the code that builds rdflib graphs.  Extraction works with the text only and writes its output
from it, so ``kg extract`` never imports rdflib (≈ 64 ms of every start: its plugin scan and namespaces).
rdflib is imported only where an rdflib graph is really built: :func:`ontology`, and reading the ontology's
tables again when the cached ones are stale (:func:`ontology_facts`).

>>> KG.College, KGR["chong-qing"] == str(KGR) + "chong-qing"
('https://w3id.org/kg-cityedu/ontology#College', True)
"""

from __future__ import annotations

import hashlib
import re
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.model.pinyin import syllables

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node


class Namespace:
    """A namespace's IRI, whose terms are IRIs as text (``KG.College``, ``KG["College"]``), each made once.

    Not a ``str`` itself: a term named as a method of ``str`` (``KG.title``, ``KG.count``) is the term.
    ``str(KG)`` is the namespace's IRI.
    """

    def __init__(self, iri: str) -> None:
        self._iri = iri

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):  # (copy, pickle and the like ask for special methods: none here)
            raise AttributeError(name)
        term = self._iri + name
        setattr(self, name, term)  # later look-ups find the attribute, not this method
        return term

    def __getitem__(self, name: str) -> str:
        return self._iri + name

    def __str__(self) -> str:
        return self._iri

    def __repr__(self) -> str:
        return f"Namespace({self._iri!r})"


BASE = "https://w3id.org/kg-cityedu/"
KG = Namespace(BASE + "ontology#")
KGR = Namespace(BASE + "id/")
DOC = Namespace(BASE + "doc/")
ASSERTION = Namespace(BASE + "assertion/")
INDICATOR = Namespace(BASE + "indicator/")
GRAPH = Namespace(BASE + "graph/")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
# the W3C's own (rdflib has these too: the same IRIs)
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

ONTOLOGY_GRAPH = GRAPH.ontology
ENTITIES_GRAPH = GRAPH.entities
INFERRED_GRAPH = GRAPH.inferred  # the inference of source graph G is in INFERRED_PREFIX + G's path (kg.store.inference)
INFERRED_PREFIX = str(GRAPH) + "inferred/"

PREFIXES: dict[str, str] = {
    "kg": str(KG),
    "kgr": str(KGR),
    "doc": str(DOC),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "schema": str(SCHEMA),
    "org": str(ORG),
    "prov": str(PROV),
}

PACKAGE_ROOT = Path(__file__).resolve().parent.parent  # kg/
PROJECT_ROOT = PACKAGE_ROOT.parent


def _bundled(name: str) -> Path:
    """Path of a top-level project folder, inside the wheel or in the source tree."""
    packaged = PACKAGE_ROOT / "_bundled" / name
    return packaged if packaged.exists() else PROJECT_ROOT / name


ONTOLOGY_DIR = _bundled("ontology")
DATA_DIR = _bundled("data")
ONTOLOGY_FILE = ONTOLOGY_DIR / "kg.ttl"


@cache
def ontology() -> Graph:
    """The project ontology as an rdflib graph (parsed once).

    Read by Oxigraph's parser, its triples then added to the graph: rdflib's Turtle parser took a tenth of the
    start of every command that asks the ontology, 0.15 G instructions.
    """
    import pyoxigraph as ox
    from rdflib import Graph

    graph = Graph()
    triples = ox.parse(path=ONTOLOGY_FILE)  # Turtle, by the file's extension (kg.store's format table is a layer up)
    graph.addN((_rdflib_term(s), _rdflib_term(p), _rdflib_term(o), graph) for s, p, o, _ in triples)
    for prefix, namespace in {**triples.prefixes, **PREFIXES}.items():  # the file's, as rdflib's parser binds them
        graph.bind(prefix, namespace)
    return graph


def _rdflib_term(term: Any) -> Node:
    """An Oxigraph term of the ontology as rdflib's parser gives it (see :func:`kg.store.embedded.to_rdflib`)."""
    from rdflib import BNode, Literal, URIRef

    kind = type(term).__name__
    if kind == "NamedNode":
        return URIRef(term.value)
    if kind == "BlankNode":
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == XSD.string:  # a simple literal: rdflib compares it unequal to xsd:string
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


@cache
def ontology_facts() -> dict[str, Any]:
    """What the code asks of the ontology most (see :func:`classes`, :func:`relation_properties` and
    :mod:`kg.model.terms`), as plain tables, IRIs as strings: the classes and the relations (local name, IRI) in the
    graph's order, each class's parents, each subject's labels (text, language tag), the members of each property's
    domain and range, the symmetric properties.

    Kept in the user's cache folder (:mod:`kg.user_cache`) for the ontology file and the two modules that read them,
    and read from :func:`ontology` again when one of those changed: building that rdflib graph (616 triples, one
    call of rdflib's store each) was some 13 ms of CPU at the start of every ``kg extract``, which asks it nothing
    else.
    """
    from kg import user_cache

    name = user_cache.own("ontology-facts.marshal")
    here = Path(__file__).resolve()
    key = user_cache.file_key([ONTOLOGY_FILE, here, here.with_name("terms.py")])
    facts = user_cache.read(name, key)
    if not isinstance(facts, dict):
        facts = _read_facts()
        user_cache.write(name, key, facts)
    return facts


def _read_facts() -> dict[str, Any]:
    """The tables of :func:`ontology_facts`, read from the graph."""
    from rdflib import Literal, URIRef

    graph = ontology()
    owl, rdf, rdfs = (lambda name, ns=ns: URIRef(ns[name]) for ns in (OWL, RDF, RDFS))  # rdflib's terms of these
    kg = str(KG)

    def members(value: Node) -> list[Node]:  # a class, or the classes of its owl:unionOf
        return list(graph.items(next(graph.objects(value, owl("unionOf")), rdf("nil")))) or [value]

    def local_names(kind: URIRef) -> dict[str, URIRef]:
        return {
            str(term)[len(kg) :]: term
            for term in graph.subjects(rdf("type"), kind)
            if isinstance(term, URIRef) and str(term).startswith(kg)
        }

    classes = local_names(owl("Class"))
    related = URIRef(KG.relatedTo)
    relations = {
        name: iri
        for name, iri in local_names(owl("ObjectProperty")).items()
        if iri != related and related in graph.transitive_objects(iri, rdfs("subPropertyOf"))
    }
    return {
        "classes": [(name, str(iri)) for name, iri in classes.items()],
        "relations": [(name, str(iri)) for name, iri in relations.items()],
        # (sorted as rdflib orders its terms: IRIs by their text, before or after the blank nodes of restrictions)
        "parents": {
            str(iri): [str(p) for p in sorted(graph.objects(iri, rdfs("subClassOf"))) if isinstance(p, URIRef)]
            for iri in classes.values()
        },
        "labels": {
            str(subject): [
                (str(o), o.language) for o in graph.objects(subject, rdfs("label")) if isinstance(o, Literal)
            ]
            for subject in dict.fromkeys(graph.subjects(rdfs("label"), None))
            if isinstance(subject, URIRef)
        },
        "members": {
            str(prop): {
                str(subject): [str(m) for value in graph.objects(subject, prop) for m in members(value)]
                for subject in dict.fromkeys(graph.subjects(prop, None))
                if isinstance(subject, URIRef)
            }
            for prop in (rdfs("domain"), rdfs("range"))
        },
        "symmetric": [str(p) for p in graph.subjects(rdf("type"), owl("SymmetricProperty"))],
    }


@cache
def classes() -> dict[str, str]:
    """Local name → IRI of every class the ontology defines."""
    return dict(ontology_facts()["classes"])


@cache
def relation_properties() -> dict[str, str]:
    """Local name → IRI of every relation between entities (sub-properties of kg:relatedTo)."""
    return dict(ontology_facts()["relations"])


# A document asks again and again for the same few names: every entity in 重庆市 that the text names without
# naming the city links to the city's IRI (700 of the 730 slugs of 1 MiB of news).  Bounded: a long run of
# ever-new names does not grow the process.
@lru_cache(maxsize=20_000)
def slug(text: str) -> str:
    """ASCII slug of a Chinese name, one pinyin syllable per hyphen (pypinyin's ``lazy_pinyin``).

    >>> slug("重庆理工大学")
    'chong-qing-li-gong-da-xue'
    >>> slug("华为ICT实训基地")
    'hua-wei-ict-shi-xun-ji-di'
    """
    parts = syllables(text, errors=lambda chars: re.findall(r"[A-Za-z0-9]+", chars))
    words = [re.sub(r"[^a-z0-9]", "", part.lower()) for part in parts]
    return "-".join(word for word in words if word)


def entity_iri(name: str, explicit_id: str | None = None) -> str:
    """Stable IRI of an entity: from its explicit id, else the pinyin of its canonical label."""
    return KGR[explicit_id or slug(name)]


def document_iri(doc_id: str) -> str:
    """IRI of a source document; it also names the graph that holds the document's facts."""
    return DOC[doc_id]


def content_name(*parts: str) -> str:
    """The local name of the node ``parts`` define under its namespace: deterministic, so rebuilds give the same
    IRI (:func:`kg.model.vocab.content_iri`).

    >>> content_name("a", "b")
    '687d61996b1c1278'
    """
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
