"""Every file and result format the project reads or writes, in one table.

``kg load``, ``kg export``, ``kg query``, ``kg validate``, ``kg serve`` and the
remote store look formats up here by name, alias, file extension or media type,
so every command accepts the same spellings for the same format.  Adding a
format is one :class:`Format` entry in :data:`FORMATS`.

Kinds:

* ``rdf`` — an RDF serialisation (pyoxigraph reads and writes it);
* ``results`` — a SPARQL query-results format (SELECT/ASK);
* ``graph`` — the entity–relation graph for graph tools (GraphML, GEXF);
* ``tables`` — a folder of files (CSV tables, Neo4j import);
* ``text`` — for people at a terminal, or one JSON object per line;
* ``page`` — a web page (what ``kg serve`` gives a browser).

:func:`negotiate` picks a format for an HTTP ``Accept`` header, and
:func:`ranked` reads any such header (``Accept-Language`` too): the one place
q-values are parsed.

>>> find("nq", {"rdf"}).name, find("TTL", {"rdf"}).label, of_path("data.owl.gz", {"rdf"}).name
('n-quads', 'Turtle', 'rdf-xml')
>>> find("json", {"results", "rdf"}).name   # a name beats an alias
'json'
>>> by_media_type("application/ld+json", {"rdf"}).name
'json-ld'
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import KgError
from kg.escape import XmlSafeWriter
from kg.i18n import text as message

RDF = frozenset({"rdf"})
EXPORT = frozenset({"rdf", "graph", "tables"})  # kg export
QUERY = frozenset({"text", "results", "rdf"})  # kg query: a table or JSON lines, SELECT/ASK results, CONSTRUCT


@dataclass(frozen=True)
class Format:
    name: str  # the standard name, used in messages and help
    label: str  # the name people know it by
    kind: str
    aliases: tuple[str, ...] = ()
    extensions: tuple[str, ...] = ()  # without the dot, first is the one written
    media_types: tuple[str, ...] = ()  # first is the one sent
    rdf: ox.RdfFormat | None = None
    results: ox.QueryResultsFormat | None = None
    dataset: bool = False  # written with its named graphs (JSON-LD could be, but is written compacted, as triples)
    lossy: bool = False  # cannot be read back term for term (SPARQL CSV drops term types)

    @property
    def media_type(self) -> str | None:
        return self.media_types[0] if self.media_types else None


FORMATS: tuple[Format, ...] = (
    Format("turtle", "Turtle", "rdf", ("ttl",), ("ttl", "turtle"), ("text/turtle",), rdf=ox.RdfFormat.TURTLE),
    Format("trig", "TriG", "rdf", (), ("trig",), ("application/trig",), rdf=ox.RdfFormat.TRIG, dataset=True),
    Format(
        "n-triples",
        "N-Triples",
        "rdf",
        ("nt", "ntriples"),
        ("nt", "ntriples"),
        ("application/n-triples", "text/plain"),
        rdf=ox.RdfFormat.N_TRIPLES,
    ),
    Format(
        "n-quads",
        "N-Quads",
        "rdf",
        ("nq", "nquads"),
        ("nq", "nquads"),
        ("application/n-quads",),
        rdf=ox.RdfFormat.N_QUADS,
        dataset=True,
    ),
    Format(
        "json-ld",
        "JSON-LD",
        "rdf",
        ("jsonld",),
        ("jsonld", "json"),
        ("application/ld+json", "application/json"),
        rdf=ox.RdfFormat.JSON_LD,
    ),
    Format(
        "rdf-xml",
        "RDF/XML",
        "rdf",
        ("rdfxml", "xml", "rdf"),
        ("rdf", "owl", "xml"),
        ("application/rdf+xml", "application/xml", "text/xml"),
        rdf=ox.RdfFormat.RDF_XML,
    ),
    Format(
        "json",
        "SPARQL JSON",
        "results",
        (),
        ("srj", "json"),
        ("application/sparql-results+json", "application/json"),
        results=ox.QueryResultsFormat.JSON,
    ),
    Format(
        "xml",
        "SPARQL XML",
        "results",
        (),
        ("srx", "xml"),
        ("application/sparql-results+xml", "application/xml", "text/xml"),
        results=ox.QueryResultsFormat.XML,
    ),
    Format("csv", "SPARQL CSV", "results", (), ("csv",), ("text/csv",), results=ox.QueryResultsFormat.CSV, lossy=True),
    Format(
        "tsv",
        "SPARQL TSV",
        "results",
        (),
        ("tsv",),
        ("text/tab-separated-values",),
        results=ox.QueryResultsFormat.TSV,
    ),
    Format("graphml", "GraphML", "graph", (), ("graphml",), ("application/graphml+xml",)),
    Format("gexf", "GEXF", "graph", (), ("gexf",), ("application/gexf+xml",)),
    Format("csv", "CSV tables", "tables"),
    Format("neo4j", "Neo4j import", "tables"),
    Format("html", "HTML", "page", ("htm",), ("html", "htm"), ("text/html", "application/xhtml+xml")),
    Format("table", "table", "text"),
    Format("jsonl", "JSON lines", "text", (), ("jsonl",), ("application/jsonl",)),
)


class FormatError(KgError, ValueError):
    """A format name, extension or media type that the command does not take."""


def _of_kinds(kinds: Collection[str]) -> list[Format]:
    return [f for f in FORMATS if f.kind in kinds]


def names(kinds: Collection[str]) -> list[str]:
    """The standard names of the formats of ``kinds``, in table order, each once.

    >>> names({"rdf"})
    ['turtle', 'trig', 'n-triples', 'n-quads', 'json-ld', 'rdf-xml']
    """
    return list(dict.fromkeys(f.name for f in _of_kinds(kinds)))


def spellings(kinds: Collection[str]) -> list[str]:
    """Every name and alias the formats of ``kinds`` answer to (for click choices)."""
    return list(dict.fromkeys(s for f in _of_kinds(kinds) for s in (f.name, *f.aliases)))


def spellings_of(name: str) -> list[str]:
    """The name and aliases of the one format called ``name``.

    >>> spellings_of("n-quads")
    ['n-quads', 'nq', 'nquads']
    """
    return [s for f in FORMATS if f.name == name for s in (f.name, *f.aliases)]


def find(name: str, kinds: Collection[str], option: str = "--format") -> Format:
    """The format called ``name`` (a standard name, or else an alias), among ``kinds``.

    When a name stands for a format of several kinds (``csv``), the first kind
    in table order wins; callers that take both ask for one kind at a time.

    >>> find("xml", {"rdf"}).name, find("xml", {"results"}).name
    ('rdf-xml', 'xml')
    """
    key = name.strip().lower()
    candidates = _of_kinds(kinds)
    for matches in ([f for f in candidates if f.name == key], [f for f in candidates if key in f.aliases]):
        if matches:
            return matches[0]
    raise FormatError(message("unknown_format", option=option, name=name, choices=", ".join(names(kinds))))


def of_path(path: str | PurePath, kinds: Collection[str] = RDF) -> Format:
    """The format of a file from its extension (``.gz`` is looked through).

    >>> of_path("a/b.nq").label
    'N-Quads'
    """
    suffixes = [s.lstrip(".").lower() for s in PurePath(path).suffixes]
    if suffixes and suffixes[-1] == "gz":
        suffixes.pop()
    extension = suffixes[-1] if suffixes else ""
    for f in _of_kinds(kinds):
        if extension in f.extensions:
            return f
    known = ", ".join("." + e for f in _of_kinds(kinds) for e in f.extensions)
    what = message("rdf_format") if set(kinds) == RDF else message("format")
    raise FormatError(message("format_from_name", path=path, what=what, known=known))


def by_media_type(media: str, kinds: Collection[str]) -> Format | None:
    """The format served as ``media`` (parameters ignored), or None."""
    key = media.split(";")[0].strip().lower()
    for f in _of_kinds(kinds):
        if key in f.media_types:
            return f
    return None


def lookup(word: str, kinds: Collection[str]) -> Format | None:
    """The format ``word`` names in any way people write it: name, alias, extension or media type; else None.

    >>> lookup("json", {"rdf"}).name, lookup("json", {"results"}).name, lookup("text/turtle", RDF).name
    ('json-ld', 'json', 'turtle')
    """
    key = word.strip().lower()
    candidates = _of_kinds(kinds)
    for match in (
        lambda f: f.name == key,
        lambda f: key in f.aliases,
        lambda f: key in f.extensions,
        lambda f: key in f.media_types,
    ):
        found = [f for f in candidates if match(f)]
        if found:
            return found[0]
    return None


def media_types(kinds: Collection[str]) -> list[str]:
    """Every media type of the formats of ``kinds``, preferred ones first."""
    return list(dict.fromkeys(m for f in _of_kinds(kinds) for m in f.media_types))


def ranked(header: str | None) -> list[str]:
    """The values of an HTTP ``Accept`` or ``Accept-Language`` header, best first, lower-cased.

    q=0 (and an unreadable q) drops a value; equal q-values keep the header's order.

    >>> ranked("text/csv;q=0.5, application/sparql-results+json, */*;q=0.1")
    ['application/sparql-results+json', 'text/csv', '*/*']
    >>> ranked("fr, zh-CN;q=0.5, en;q=0"), ranked(None)
    (['fr', 'zh-cn'], [])
    """
    choices = []
    for index, part in enumerate((header or "").split(",")):
        value, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            key, _, number = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(number)
                except ValueError:
                    q = 0.0
        if value and q > 0:
            choices.append((-q, index, value.lower()))
    return [value for _, _, value in sorted(choices)]


def negotiate(
    accept: str | None, kinds: Collection[str], fmt: str | None = None, default: str | None = None
) -> str | None:
    """The media type to answer with, among the formats of ``kinds``; None when none is acceptable (HTTP 406).

    ``fmt`` (a ``format`` parameter: name, alias, extension or media type) beats
    ``Accept``.  ``*/*`` (also no ``Accept`` at all) gets ``default``, else the
    first media type of the kinds; ``type/*`` the first of that type.

    >>> negotiate("text/html,application/xhtml+xml,*/*;q=0.8", {"results"})
    'application/sparql-results+json'
    >>> negotiate("application/n-triples", RDF), negotiate("text/turtle", {"results"})
    ('application/n-triples', None)
    >>> negotiate("text/html,application/xml;q=0.9,*/*;q=0.8", {"page", "rdf"}, default="text/html")
    'text/html'
    >>> negotiate(None, {"page", "rdf"}, "jsonld", default="text/html")
    'application/ld+json'
    """
    table = media_types(kinds)
    if fmt:
        chosen = lookup(fmt, kinds)
        return chosen.media_type if chosen else None
    default = default or table[0]
    for media in ranked(accept) or ["*/*"]:
        if media in table:
            return media
        if media == "*/*":
            return default
        if media.endswith("/*"):
            family = media[:-1]
            matches = [m for m in (default, *table) if m.startswith(family)]
            if matches:
                return matches[0]
    return None


def content_type(media: str) -> str:
    """The ``Content-Type`` for ``media``: plain-text formats say they are UTF-8 (JSON and XML say it themselves).

    >>> content_type("text/turtle"), content_type("application/n-triples"), content_type("application/ld+json")
    ('text/turtle; charset=utf-8', 'application/n-triples; charset=utf-8', 'application/ld+json')
    """
    textual = media.startswith("text/") or media in {"application/n-triples", "application/n-quads", "application/trig"}
    return media + ("; charset=utf-8" if textual and "xml" not in media else "")


def help_text(kinds: Collection[str]) -> str:
    """``turtle (ttl), trig, …`` for a ``--format`` help text."""
    return ", ".join(f"{f.name} ({', '.join(f.aliases)})" if f.aliases else f.name for f in _of_kinds(kinds))


def write_rdf(statements: Iterable[ox.Triple | ox.Quad], fmt: Format, out: BinaryIO, *, distinct: bool = False) -> int:
    """Write triples or quads to ``out`` in the RDF format ``fmt``; return how many statements were written.

    Dataset formats (TriG, N-Quads) keep the named graphs and stream; triple
    formats get each triple once, sorted, whatever graph held it, unless the
    caller says the triples are ``distinct`` already: then they stream as they come.  Turtle,
    TriG and RDF/XML use the project's prefixes; JSON-LD is compacted with
    them as ``@context`` so its keys are readable.

    >>> import io
    >>> t = ox.Triple(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("甲"))
    >>> buffer = io.BytesIO(); write_rdf([t, t], find("nt", RDF), buffer)
    1
    >>> buffer.getvalue().decode()
    '<http://e/a> <http://e/p> "甲" .\\n'
    """
    from kg.model.names import PREFIXES

    if fmt.rdf is None:
        raise FormatError(message("not_rdf_format", name=fmt.name, choices=", ".join(names(RDF))))
    prefixes = PREFIXES if fmt.name in {"turtle", "trig", "rdf-xml"} else None
    if fmt.rdf == ox.RdfFormat.RDF_XML:
        out = XmlSafeWriter(out)  # type: ignore[assignment]  # a control character in a literal breaks XML 1.0
    if distinct and fmt.name == "json-ld":
        return write_json_ld(statements, out, PREFIXES)  # type: ignore[arg-type]
    if fmt.dataset or distinct:
        counted = _Counter(statements)
        ox.serialize(counted, out, fmt.rdf, prefixes=prefixes)
        return counted.count
    triples = sorted({ox.Triple(s.subject, s.predicate, s.object) for s in statements}, key=str)
    if fmt.name == "json-ld":  # rdflib compacts with a @context; Oxigraph writes expanded JSON-LD
        from rdflib import Graph

        from kg.store.embedded import to_rdflib

        graph = Graph()
        for t in triples:
            graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
        text = graph.serialize(format="json-ld", context=PREFIXES, auto_compact=True, ensure_ascii=False)
        out.write(text.encode("utf-8"))
    else:
        ox.serialize(triples, out, fmt.rdf, prefixes=prefixes)
    out.flush()
    return len(triples)


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def write_json_ld(triples: Iterable[ox.Triple], out: BinaryIO, prefixes: dict[str, str]) -> int:
    """Compacted JSON-LD (``@context`` = the prefixes, ``@graph`` = one node object per subject), streamed.

    ``triples`` must come grouped by subject and distinct (:meth:`kg.store.embedded.Store.distinct_triples`):
    each node object is written when its subject's triples end, so memory is one subject's, not the graph's.
    Only prefixes whose namespace ends in ``/`` or ``#`` abbreviate IRIs (the others would not expand back).

    >>> import io
    >>> t = ox.Triple(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("甲", language="zh"))
    >>> buffer = io.BytesIO(); write_json_ld([t], buffer, {"e": "http://e/"})
    1
    >>> print(buffer.getvalue().decode())  # doctest: +NORMALIZE_WHITESPACE
    {"@context": {"e": "http://e/"},
     "@graph": [
    {"@id": "e:a", "e:p": [{"@value": "甲", "@language": "zh"}]}
    ]}
    """
    import json

    usable = {p: ns for p, ns in prefixes.items() if ns.endswith(("/", "#"))}

    def compact(iri: str) -> str:
        for prefix, namespace in usable.items():
            if iri.startswith(namespace) and len(iri) > len(namespace) and not iri[len(namespace) :].startswith("//"):
                return f"{prefix}:{iri[len(namespace) :]}"
        return iri

    def value(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> dict[str, str]:
        if isinstance(term, ox.NamedNode):
            return {"@id": compact(term.value)}
        if isinstance(term, ox.BlankNode):
            return {"@id": "_:" + term.value}
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == _XSD_STRING:
            return {"@value": term.value}
        return {"@value": term.value, "@type": compact(term.datatype.value)}

    count = 0
    first = True

    def flush(node: dict) -> None:
        nonlocal first
        out.write((("" if first else ",\n") + json.dumps(node, ensure_ascii=False)).encode("utf-8"))
        first = False

    out.write(f'{{"@context": {json.dumps(usable, ensure_ascii=False)},\n "@graph": [\n'.encode())
    subject = None
    node: dict = {}
    for triple in triples:
        if triple.subject != subject:
            if node:
                flush(node)
            subject = triple.subject
            node = {"@id": value(subject)["@id"]}  # type: ignore[arg-type]
        count += 1
        predicate, obj = triple.predicate.value, triple.object
        if predicate == _RDF_TYPE and isinstance(obj, ox.NamedNode):
            node.setdefault("@type", []).append(compact(obj.value))
        else:
            node.setdefault(compact(predicate), []).append(value(obj))  # type: ignore[arg-type]
    if node:
        flush(node)
    out.write(b"\n]}\n")
    out.flush()
    return count


class _Counter:
    """An iterable that counts what passes through it."""

    def __init__(self, items: Iterable) -> None:
        self.items, self.count = items, 0

    def __iter__(self) -> Iterator:
        for item in self.items:
            self.count += 1
            yield item
