"""Validate the graph against the SHACL shapes in ``ontology/shapes.ttl``.

:func:`validate_store` runs the shapes compiled to SPARQL (:mod:`kg.outputs.shacl_sparql`)
inside the store; :func:`validate_graph` is pyshacl on an rdflib graph, kept for
shapes that do not compile and as the baseline of ``benchmarks/validate_scale.py``.

The data graph is the union of every graph of a store — ontology, entities,
documents and the materialised RDFS closure — so the shapes read classes,
domains and ranges from the ontology and superclass types from the closure.
A file given instead of a store is loaded into an in-memory store next to the
bundled ontology and gets the same closure (:mod:`kg.store.inference`) first.

Each violation names its focus node in words (an entity's Chinese label; for
an assertion "subject —relation→ object"; for an indicator its entity and
number phrase), the rule (the shape's local name in ``shapes.ttl``) and the
offending value.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pyshacl
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from kg.errors import KgError
from kg.i18n import text, use_language
from kg.model.terms import local_name, pick_label
from kg.model.vocab import KG, ONTOLOGY_GRAPH, PREFIXES, ontology
from kg.outputs.shacl_sparql import Check, compile_shapes, focus_query, shapes
from kg.store import formats
from kg.store.check import structure_problems
from kg.store.embedded import INTERNAL, Store, to_rdflib
from kg.store.inference import refresh_inference

KGSH = Namespace("https://w3id.org/kg-cityedu/shapes#")
PREFIXES_FOR_DISPLAY = {**PREFIXES, "kgsh": str(KGSH)}


class ValidationInputError(KgError, ValueError):
    """The data to validate cannot be read; the message names the file and, where known, the line.

    Exit code 2, so scripts can tell unreadable input from data with violations (exit 1).
    """

    exit_code = 2


@dataclass(frozen=True)
class Violation:
    """One SHACL result, in words and as IRIs."""

    focus: str  # IRI (or blank node id) of the focus node
    label: str  # the focus node in words
    rule: str  # local name of the rule in shapes.ttl
    value: str  # the offending value in words ("" when a value is missing)
    message: str  # the rule's message, IRIs replaced by labels
    path: str = ""  # the property, prefixed
    severity: str = "Violation"


@dataclass
class Report:
    """What validation found."""

    source: str
    triples: int
    rules: list[str]
    violations: list[Violation] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not any(v.severity == "Violation" for v in self.violations)

    def counts(self) -> Counter[str]:
        """Violations per rule."""
        return Counter(v.rule for v in self.violations)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: conforms, source, triples, rules, counts per rule, violations."""
        return {
            "conforms": self.conforms,
            "source": self.source,
            "triples": self.triples,
            "rules": self.rules,
            "counts": dict(sorted(self.counts().items())),
            "violations": [asdict(v) for v in self.violations],
        }


def rules(shapes_graph: Graph | None = None) -> list[str]:
    """Local names of the rules: the named property shapes and SPARQL constraints."""
    graph = shapes_graph if shapes_graph is not None else shapes()
    named = set(graph.subjects(RDF.type, SH.PropertyShape)) | set(graph.subjects(RDF.type, SH.SPARQLConstraint))
    return sorted(local_name(str(n)) for n in named if isinstance(n, URIRef))


@lru_cache(maxsize=64)
def _prepared(text: str) -> Query:
    return prepareQuery(text)


class _DataGraph(Graph):
    """An rdflib graph that parses each SPARQL text once.

    pyshacl sends a constraint's query text again for every focus node, and
    rdflib parses text on every call: parsing dominates without this cache.
    """

    def query(self, query_object: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


def data_graph(store: Store) -> Graph:
    """The union of every graph of ``store`` as one rdflib graph (pyshacl validates graphs one by one)."""
    graph = _DataGraph()
    for quad in store.quads():
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graph


def load_file(path: Path, fmt: str | None = None) -> Store:
    """An in-memory store holding the RDF file ``path``, the bundled ontology and their RDFS closure.

    The format comes from ``fmt`` (a media type or extension) or the file's
    extension; triples of a triple format go to a graph named by the file's URI.
    """
    known = formats.by_media_type(fmt, formats.RDF) if fmt and "/" in fmt else None
    chosen = known or (formats.find(fmt, formats.RDF) if fmt else formats.of_path(path, formats.RDF))
    rdf_format = chosen.rdf
    assert rdf_format is not None
    store = Store()
    graph = ox.NamedNode(path.resolve().as_uri())
    try:
        quads = [
            q if isinstance(q.graph_name, ox.NamedNode) else ox.Quad(q.subject, q.predicate, q.object, graph)
            for q in ox.parse(path=str(path), format=rdf_format)
        ]
    except SyntaxError as error:
        raise ValidationInputError(text("not_valid_rdf", path=path, format=rdf_format.name, reason=error)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ValidationInputError(text("cannot_read", path=path, reason=error)) from None
    store.add_quads(quads)
    if str(ONTOLOGY_GRAPH) not in store.graph_names():
        store.replace_graphs({ONTOLOGY_GRAPH: ontology()})
    refresh_inference(store)
    return store


def validate_store(store: Store, *, source: str = "", lang: str = "en", require_registry: bool = True) -> Report:
    """Validate everything ``store`` holds against the shapes, with the shapes' SPARQL run inside the store.

    An empty store raises :class:`kg.store.check.EmptyStoreError`; a missing or
    empty ontology or entity registry is a ``StoreStructure`` violation, so
    neither reads as "0 violations" (``require_registry=False`` for a file,
    which brings its own entities).
    """
    source = source or str(store.path or "(memory)")
    with use_language(lang):  # the report's language, which may differ from the command's
        problems = structure_problems(store) if require_registry else []
    report = validate_in_store(store, source=source, lang=lang)
    report.violations.extend(
        Violation(focus=graph, label=f"<{graph}>", rule="StoreStructure", value="", message=message)
        for graph, message in problems
    )
    return report


@cache
def compiled() -> tuple[list[Check], list[Node]]:
    """The bundled shapes as SPARQL checks, and the node shapes left to pyshacl (see :mod:`kg.outputs.shacl_sparql`)."""
    return compile_shapes(shapes())


ONE_SET = 2_000_000  # quads up to which the distinct triples are counted with one hash set
# what Store.quads() holds: the named graphs but the store's own bookkeeping (urn:kg:…, and the default graph)
DISTINCT_TRIPLES = (
    "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { "
    f'GRAPH ?g {{ ?s ?p ?o }} FILTER (!STRSTARTS(STR(?g), "{INTERNAL}")) }} }}'
)


def validate_in_store(store: Store, *, source: str = "", lang: str = "en", shapes_graph: Graph | None = None) -> Report:
    """Run the compiled shapes as SPARQL queries over the union of the store's graphs.

    Each check is one SELECT whose rows are violations, so the cost is that of
    the queries inside Oxigraph, not of copying the store into Python.  A node
    shape that does not compile is validated by pyshacl alone (on a copy of the
    store restricted to that shape's focus nodes and what they point at).
    """
    graph = shapes_graph if shapes_graph is not None else shapes()
    checks, uncompiled = compiled() if shapes_graph is None else compile_shapes(graph)
    describe = _Describer(_store_lookup(store), graph, lang)
    violations = [describe.row(check, row) for check in checks for row in store.select(check.query)]
    if uncompiled:
        violations += _fallback(store, graph, uncompiled, lang)
    violations.sort(key=lambda v: (v.rule, v.label, v.value, v.message))
    return Report(source=source, triples=distinct_triples(store), rules=rules(graph), violations=violations)


def distinct_triples(store: Store) -> int:
    """How many distinct triples the store's named graphs hold (its bookkeeping left out), counted in the store.

    One ``SELECT DISTINCT ?s ?p ?o`` holds every triple in a hash set: fine up to :data:`ONE_SET` quads, but
    gigabytes at 10^7, so a bigger store is counted per predicate, and for ``rdf:type`` per class (about 3x
    the CPU, the largest set held one predicate's).
    """
    if len(store) <= ONE_SET:
        (row,) = store.select(DISTINCT_TRIPLES)
        return int(row["n"])
    keep = f'FILTER (!STRSTARTS(STR(?g), "{INTERNAL}"))'

    def count(pattern: str) -> int:
        query = f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?o WHERE {{ GRAPH ?g {{ {pattern} }} {keep} }} }}"
        return int(store.select(query)[0]["n"])

    total = 0
    for row in store.select(f"SELECT DISTINCT ?p WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {keep} }}"):
        predicate = str(ox.NamedNode(str(row["p"])))  # an IRI from the store, validated
        if row["p"] != RDF.type:
            total += count(f"?s {predicate} ?o")
            continue
        for kind in store.select(f"SELECT DISTINCT ?c WHERE {{ GRAPH ?g {{ ?s a ?c }} FILTER(isIRI(?c)) {keep} }}"):
            total += count(f"?s a {ox.NamedNode(str(kind['c']))}")  # ?o unbound: one per subject
        total += count("?s a ?o FILTER(!isIRI(?o))")
    return total


def _fallback(store: Store, graph: Graph, uncompiled: list[Node], lang: str) -> list[Violation]:
    """pyshacl on the node shapes that did not compile, each targeting only its own focus nodes.

    The data graph holds the ontology graph and every triple whose subject is a
    focus node or one of their objects (two hops), which is what the shapes'
    paths read unless they are longer than that.
    """
    restricted = Graph()
    for triple in graph:
        restricted.add(triple)
    targets = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
    for shape in set(graph.subjects(RDF.type, SH.NodeShape)) | {s for p in targets for s in graph.subjects(p)}:
        for predicate in targets:
            restricted.remove((shape, predicate, None))
    focus_nodes: set[Node] = set()
    for shape in uncompiled:
        focus = focus_query(graph, shape)
        if focus is None:
            continue
        for row in store.select(f"SELECT ?this WHERE {focus}"):
            restricted.add((shape, SH.targetNode, row["this"]))
            focus_nodes.add(row["this"])
    data = _DataGraph()
    for quad in store.quads(graph=str(ONTOLOGY_GRAPH)):
        data.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    frontier, seen = set(focus_nodes), set()
    for _ in range(2):
        following: set[Node] = set()
        for node in frontier - seen:
            seen.add(node)
            if isinstance(node, Literal):
                continue
            for row in store.select("SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }", bindings={"s": node}):
                data.add((node, row["p"], row["o"]))
                following.add(row["o"])
        frontier = following
    return validate_graph(data, shapes_graph=restricted, lang=lang).violations


def _store_lookup(store: Store) -> Callable[[Node, URIRef], list[Node]]:
    cache_: dict[tuple[Node, URIRef], list[Node]] = {}

    def objects(node: Node, predicate: URIRef) -> list[Node]:
        key = (node, predicate)
        if key not in cache_:
            rows = store.select("SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }", bindings={"s": node, "p": predicate})
            cache_[key] = [r["o"] for r in rows]
        return cache_[key]

    return objects


def validate_file(path: Path, fmt: str | None = None, *, lang: str = "en") -> Report:
    """Validate an RDF file (with the bundled ontology and the RDFS closure added)."""
    return validate_store(load_file(path, fmt), source=str(path), lang=lang, require_registry=False)


def validate_graph(graph: Graph, *, source: str = "", shapes_graph: Graph | None = None, lang: str = "en") -> Report:
    """Run the shapes over ``graph`` and describe every result.

    ``graph`` must hold the ontology and the RDFS closure (see :func:`data_graph`).
    Messages are in ``lang`` (``en`` or ``zh``) where the shapes give that language.
    """
    shapes_graph = shapes_graph if shapes_graph is not None else shapes()
    if not isinstance(graph, _DataGraph):
        copy = _DataGraph()
        for triple in graph:
            copy.add(triple)
        graph = copy
    _, results, _ = pyshacl.validate(graph, shacl_graph=shapes_graph, inference="none", inplace=True)
    describe = _Describer(lambda node, predicate: list(graph.objects(node, predicate)), shapes_graph, lang)
    violations = []
    for report in results.subjects(RDF.type, SH.ValidationReport):
        for result in results.objects(report, SH.result):  # not the sh:detail results nested in them
            violations.append(describe.result(results, result))
    violations.sort(key=lambda v: (v.rule, v.label, v.value, v.message))
    return Report(source=source, triples=len(graph), rules=rules(shapes_graph), violations=violations)


IRI_IN_TEXT = re.compile(r"<?(https?://[^\s<>\"()（）]+)>?")


class _Describer:
    """Turns nodes and SHACL results into words, using the data's labels (``objects(node, predicate)``)."""

    def __init__(self, objects: Callable[[Node, URIRef], list[Node]], shapes_graph: Graph, lang: str):
        self.objects = objects
        self.shapes = shapes_graph
        self.lang = lang

    def _value(self, node: Node, predicate: URIRef) -> Node | None:
        found = self.objects(node, predicate)
        return found[0] if found else None

    def _is_a(self, node: Node, cls: URIRef) -> bool:
        return cls in self.objects(node, RDF.type)

    def _label(self, node: Node) -> str | None:
        # entities go by their Chinese names whatever the language of the messages
        return pick_label(self.objects(node, RDFS.label), "zh")

    def prefixed(self, iri: str) -> str:
        for prefix, namespace in PREFIXES_FOR_DISPLAY.items():
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace) :]}"
        return f"<{iri}>"

    def term(self, node: Node | None) -> str:
        """A value in words: an entity's label, an ontology term's prefixed name, a literal's text."""
        if node is None:
            return ""
        if isinstance(node, Literal):
            return str(node)
        if isinstance(node, BNode):
            return f"_:{node}"
        if str(node).startswith((str(KG), str(RDF), str(RDFS))) or self._is_a(node, KG.SourceDocument):
            return self.prefixed(str(node))
        return self._label(node) or self.prefixed(str(node))

    def focus(self, node: Node) -> str:
        """The focus node in words; an assertion or indicator is described by what it states."""
        if self._is_a(node, KG.RelationAssertion):
            s = self._value(node, RDF.subject)
            p = self._value(node, RDF.predicate)
            o = self._value(node, RDF.object)
            relation = (self._label(p) if p is not None else None) or "?"
            return f"{self.term(s) or '?'} —{relation}→ {self.term(o) or '?'}"
        if self._is_a(node, KG.Indicator):
            entity = self._value(node, KG.indicatorOf)
            text = self._value(node, KG.valueText) or self._value(node, KG.measure) or ""
            return f"{self.term(entity) or '?'}: {text}".rstrip(": ")
        return self.term(node)

    def message(self, results: Graph, result: Node, source: Node | None) -> str:
        """The result's message in the wanted language, IRIs replaced by labels.

        pyshacl drops the language tag of a message it fills in ({?value} …),
        so an untagged message gets the language of the template it matches.
        """
        templates = [m for m in self.shapes.objects(source, SH.message) if isinstance(m, Literal)] if source else []

        def language(message: Literal) -> str | None:
            if message.language:
                return message.language
            for template in templates:
                pattern = ".*?".join(re.escape(part) for part in re.split(r"\{[?$]\w+\}", str(template)))
                if re.fullmatch(pattern, str(message), flags=re.S):
                    return template.language
            return None

        messages = [m for m in results.objects(result, SH.resultMessage) if isinstance(m, Literal)]
        by_language = {language(m): m for m in reversed(messages)}
        chosen = by_language.get(self.lang) or by_language.get("en") or by_language.get(None)
        text = str(chosen or (messages[0] if messages else ""))
        return IRI_IN_TEXT.sub(lambda m: self.term(URIRef(m.group(1))), text)

    def result(self, results: Graph, result: Node) -> Violation:
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        constraint = results.value(result, SH.sourceConstraint)
        shape = results.value(result, SH.sourceShape)
        named = constraint if isinstance(constraint, URIRef) else shape
        rule = local_name(str(named)) if isinstance(named, URIRef) else "shape"
        severity = results.value(result, SH.resultSeverity)
        return Violation(
            focus=str(focus),
            label=self.focus(focus),
            rule=rule,
            value=self.term(results.value(result, SH.value)),
            message=self.message(results, result, named),
            path=self.prefixed(str(path)) if isinstance(path, URIRef) else "",
            severity=local_name(str(severity)) if severity is not None else "Violation",
        )

    def row(self, check: Check, row: dict[str, Node]) -> Violation:
        """A row of a compiled check (:mod:`kg.outputs.shacl_sparql`) as a violation, like :meth:`result`."""
        focus = row["this"]
        value = row.get("value", focus if check.value_is_focus else None)
        path = URIRef(check.path) if check.path else row.get("path")
        by_language: dict[str | None, str] = {}
        for language, template in reversed(check.messages):
            by_language[language] = template
        text = by_language.get(self.lang) or by_language.get("en") or by_language.get(None) or check.messages[0][1]
        for name, bound in row.items():  # as pyshacl fills in a SPARQL constraint's message
            text = re.sub(r"\{[?$]" + re.escape(name) + r"\}", lambda _m, b=bound: str(b), text)
        return Violation(
            focus=str(focus),
            label=self.focus(focus),
            rule=check.rule,
            value=self.term(value),
            message=IRI_IN_TEXT.sub(lambda m: self.term(URIRef(m.group(1))), text),
            path=self.prefixed(str(path)) if isinstance(path, URIRef) else "",
            severity=check.severity,
        )
