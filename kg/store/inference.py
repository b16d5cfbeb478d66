"""RDFS inference, materialised per source graph: what queries may assume without writing property paths.

The closure adds

* ``rdf:type`` for every superclass (``rdfs:subClassOf`` and ``owl:equivalentClass``,
  both ways), so asking for ``kg:School`` also returns vocational schools and
  asking for ``schema:Organization`` returns companies;
* the triple of every super-property (``rdfs:subPropertyOf``), so
  ``kg:cooperatesWith`` also returns ``kg:integratesWith`` pairs;
* the inverse of every triple of an ``owl:SymmetricProperty`` (and its super-properties).

Each rule reads one triple and the ontology's tables (:class:`Rules`), so the
closure of a graph is local: the inferred triples of source graph ``G`` live
in their own graph, :func:`inferred_graph` ``(G)``
(``…/graph/inferred/doc/<id>`` for a document), written in the same
transaction as ``G``.  A write therefore costs what it adds — replacing or
removing a document replaces or removes exactly its inference — and never
reads the rest of the store.  A triple inferred in two graphs is stored twice;
queries count with ``DISTINCT``.

The tables come from the bundled ontology plus every schema triple of the
store, read with one query (proportional to the schema, not the data).  A
stamp about ``urn:kg:inference`` in the store's bookkeeping (its real default
graph, which queries never see) records the digest of the
tables the inference was computed with and whether a non-transactional write
(a bulk load) completed; :func:`inference_status` compares it with the store,
so ``kg stats`` and ``kg validate`` flag stale inference after an interrupted
load, and ``kg infer`` (:func:`refresh_inference`) recomputes everything inside
the store.
"""

from __future__ import annotations

import hashlib
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, BNode, Literal, URIRef
from rdflib.term import Node

from kg.i18n import text
from kg.model.vocab import BASE, INFERRED_GRAPH, INFERRED_PREFIX, ONTOLOGY_FILE
from kg.store import formats
from kg.store.embedded import INTERNAL, Store

STAMP = INTERNAL + "inference"  # subject of the stamp, in the store's bookkeeping (its real default graph)
STAMP_RULES = INTERNAL + "rules"
STAMP_STATE = INTERNAL + "state"
RDF_TYPE = str(RDF.type)
SUBCLASS, EQUIVALENT, SUBPROPERTY = str(RDFS.subClassOf), str(OWL.equivalentClass), str(RDFS.subPropertyOf)
SYMMETRIC = str(OWL.SymmetricProperty)

SCHEMA_QUERY = """
SELECT ?kind ?a ?b WHERE {
  { ?a (rdfs:subClassOf|owl:equivalentClass|^owl:equivalentClass)+ ?b . BIND("class" AS ?kind) }
  UNION { ?a rdfs:subPropertyOf+ ?b . BIND("property" AS ?kind) }
  UNION { ?a a owl:SymmetricProperty . BIND("symmetric" AS ?kind) }
}
"""


def inferred_graph(source: str) -> str:
    """IRI of the graph that holds the inference of ``source``.

    >>> inferred_graph("https://w3id.org/kg-cityedu/doc/banan-d85cd3f1")
    'https://w3id.org/kg-cityedu/graph/inferred/doc/banan-d85cd3f1'
    >>> inferred_graph("file:///data/a.ttl")
    'https://w3id.org/kg-cityedu/graph/inferred/x/file%3A%2F%2F%2Fdata%2Fa.ttl'
    """
    if source.startswith(BASE):
        return INFERRED_PREFIX + source[len(BASE) :]
    return INFERRED_PREFIX + "x/" + urllib.parse.quote(source, safe="")


def source_graph(inferred: str) -> str | None:
    """The source graph of an inferred graph (None if ``inferred`` is not one).

    >>> source_graph(inferred_graph("file:///data/a.ttl"))
    'file:///data/a.ttl'
    """
    if not inferred.startswith(INFERRED_PREFIX):
        return None
    rest = inferred[len(INFERRED_PREFIX) :]
    return urllib.parse.unquote(rest[2:]) if rest.startswith("x/") else BASE + rest


def is_inferred(graph: str) -> bool:
    """Whether ``graph`` holds inferred triples (``…/graph/inferred`` itself: the single graph of older stores)."""
    return graph.startswith(INFERRED_PREFIX) or graph == str(INFERRED_GRAPH)


def stated_graphs(store: Store) -> list[str]:
    """Every named graph but the inferred ones (for a query that must not see the closure).

    Listing graphs in a query's dataset costs time in proportion to their
    number: prefer the union with ``FILTER(!STRSTARTS(STR(?g), …))`` on a ``GRAPH ?g`` pattern.
    """
    return [g for g in store.graph_names() if not is_inferred(g)]


@dataclass(frozen=True)
class Rules:
    """The ontology's tables: superclasses and super-properties of each term, symmetric properties."""

    superclasses: Mapping[str, frozenset[str]]
    superproperties: Mapping[str, frozenset[str]]
    symmetric: frozenset[str]

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, str]]) -> Rules:
        supers: dict[str, set[str]] = {}
        props: dict[str, set[str]] = {}
        symmetric: set[str] = set()
        for kind, a, b in rows:
            if kind == "symmetric":
                symmetric.add(a)
            elif a != b and not b.startswith("_:"):
                (supers if kind == "class" else props).setdefault(a, set()).add(b)
        return cls(
            {k: frozenset(v) for k, v in supers.items()},
            {k: frozenset(v) for k, v in props.items()},
            frozenset(symmetric),
        )

    @property
    def digest(self) -> str:
        """A fingerprint of the tables: inference computed with other tables is stale."""
        parts = sorted(f"c {a} {b}" for a, bs in self.superclasses.items() for b in bs)
        parts += sorted(f"p {a} {b}" for a, bs in self.superproperties.items() for b in bs)
        parts += sorted(f"s {a}" for a in self.symmetric)
        return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:16]

    def closure(self, triples: Iterable[tuple[str, str, str, bool]]) -> Iterator[tuple[str, str, str, bool]]:
        """Inferred (subject, predicate, object, object is a literal) of (s, p, o, literal) rows (may repeat)."""
        supers, props, symmetric = self.superclasses, self.superproperties, self.symmetric
        for s, p, o, literal in triples:
            if p == RDF_TYPE:
                for c in supers.get(o, ()):
                    yield s, p, c, False
                continue
            above = props.get(p)
            if above:
                for q in above:
                    yield s, q, o, literal
            if not literal and (p in symmetric or (above and not symmetric.isdisjoint(above))):
                for q in (p, *(above or ())):
                    if q in symmetric:
                        yield o, q, s, False
                        for r in props.get(q, ()):
                            yield o, r, s, False

    def relevant_predicates(self) -> set[str]:
        """Predicates whose triples can yield inferences."""
        return {RDF_TYPE, *self.superproperties, *self.symmetric}


@cache
def _bundled_rows() -> tuple[tuple[str, str, str], ...]:
    store = ox.Store()
    store.load(path=str(ONTOLOGY_FILE), format=formats.find("turtle", formats.RDF).rdf)
    return tuple(_schema_rows(store.query(SCHEMA_QUERY, prefixes=_prefixes())))


def _prefixes() -> dict[str, str]:
    from kg.model.vocab import PREFIXES

    return PREFIXES


def _schema_rows(solutions) -> Iterator[tuple[str, str, str]]:
    for row in solutions:
        a, b = row["a"], row["b"]
        if isinstance(a, ox.NamedNode) and (b is None or isinstance(b, ox.NamedNode)):
            yield row["kind"].value, a.value, b.value if b is not None else ""


def rules(store: Store | None = None, extra: Iterable[tuple[str, str, str]] = ()) -> Rules:
    """The tables of the bundled ontology plus the schema triples of ``store`` (one query) and ``extra`` rows."""
    rows = list(_bundled_rows())
    if store is not None:
        rows += _schema_rows(store.query_raw(SCHEMA_QUERY))
    rows += list(extra)
    return Rules.from_rows(rows)


# -- rdflib triples (transactional writes) -------------------------------------------------


def _key(term) -> str:
    if isinstance(term, ox.NamedNode | ox.BlankNode):
        return term.value if isinstance(term, ox.NamedNode) else "_:" + term.value
    return "_:" + str(term) if isinstance(term, BNode) else str(term)


def graph_closure(triples: Iterable[tuple[Node, Node, Node]], table: Rules) -> set[tuple[Node, Node, Node]]:
    """The closure of one graph's triples under ``table``, minus the triples themselves.

    Terms may be rdflib's or pyoxigraph's; inferred triples use the same kind.

    >>> from kg.model.vocab import KG
    >>> ex = URIRef("http://example.org/a")
    >>> (ex, RDF.type, KG.School) in graph_closure([(ex, RDF.type, KG.PrimarySchool)], rules())
    True
    """
    stated = {tuple(triple) for triple in triples}
    terms: dict[str, object] = {}
    result: set[tuple[Node, Node, Node]] = set()
    relevant = table.relevant_predicates()
    for s, p, o in stated:
        predicate = _key(p)
        if predicate not in relevant:
            continue
        literal = isinstance(o, Literal | ox.Literal)
        s_key, o_key = _key(s), (o if literal else _key(o))
        terms.setdefault(s_key, s)
        if not literal:
            terms.setdefault(o_key, o)
        make = ox.NamedNode if isinstance(p, ox.NamedNode) else URIRef
        for s2, p2, o2, lit2 in table.closure(((s_key, predicate, o_key, literal),)):
            triple = (terms.get(s2) or make(s2), make(p2), o2 if lit2 else (terms.get(o2) or make(o2)))
            if triple not in stated:
                result.add(triple)
    return result


def with_inference(
    store: Store, graphs: Mapping[URIRef, Iterable[tuple[Node, Node, Node]]], base: Rules | None = None
) -> dict[URIRef, Iterable[tuple[Node, Node, Node]]]:
    """``graphs`` plus, for each, its inferred graph (an empty graph removes both), for one ``replace_graphs``.

    Only the given triples and the schema are read: the cost is that of the write.
    If the write changes the schema, the rest of the store is re-inferred afterwards
    (:func:`write_graphs` does that).  ``base``: the store's tables, when already read.
    """
    materialised = {name: list(triples) for name, triples in graphs.items()}
    extra: list[tuple[str, str, str]] = []
    for triples in materialised.values():
        for s, p, o in triples:
            if not isinstance(s, URIRef | ox.NamedNode) or not isinstance(o, URIRef | ox.NamedNode):
                continue
            p, a, b = _key(p), _key(s), _key(o)
            if p == SUBCLASS:
                extra.append(("class", a, b))
            elif p == EQUIVALENT:
                extra += [("class", a, b), ("class", b, a)]
            elif p == SUBPROPERTY:
                extra.append(("property", a, b))
            elif p == RDF_TYPE and b == SYMMETRIC:
                extra.append(("symmetric", a, ""))
    table = _transitive(base or rules(store), extra)
    result: dict[URIRef, Iterable[tuple[Node, Node, Node]]] = dict(materialised)
    for name, triples in materialised.items():
        result[URIRef(inferred_graph(str(name)))] = graph_closure(triples, table) if triples else []
    return result


def _transitive(base: Rules, extra: list[tuple[str, str, str]]) -> Rules:
    """``base`` with ``extra`` direct schema rows folded in transitively (a write that brings its own schema)."""
    if not extra:
        return base
    edges: dict[str, set[str]] = {}
    kinds: dict[str, str] = {}
    symmetric = set(base.symmetric)
    for kind, table in (("class", base.superclasses), ("property", base.superproperties)):
        for a, bs in table.items():
            edges.setdefault(a, set()).update(bs)
            kinds[a] = kind
    for kind, a, b in extra:
        if kind == "symmetric":
            symmetric.add(a)
            continue
        edges.setdefault(a, set()).add(b)
        kinds.setdefault(a, kind)
    rows: list[tuple[str, str, str]] = []
    for a in edges:
        seen: set[str] = set()
        todo = list(edges[a])
        while todo:
            b = todo.pop()
            if b not in seen:
                seen.add(b)
                todo.extend(edges.get(b, ()))
        rows += [(kinds.get(a, "class"), a, b) for b in seen]
    rows += [("symmetric", a, "") for a in symmetric]
    return Rules.from_rows(rows)


def write_graphs(store: Store, graphs: Mapping[URIRef, Iterable[tuple[Node, Node, Node]]], infer: bool = True) -> None:
    """Replace ``graphs`` and their inferred graphs in one transaction; keep the inference stamp true.

    The closure is that of the written triples only.  A write that changes the
    ontology's tables (or a store whose inference was already stale) is then
    re-inferred inside the store.
    """
    if not infer:
        mark_pending(store)
        store.replace_graphs(graphs)
        return
    before = stamp(store)
    store.replace_graphs(with_inference(store, graphs))  # data and its inference in one transaction
    digest = rules(store).digest
    if before == (digest, "complete"):
        return
    if before is None and _only_written(store, graphs):
        write_stamp(store, digest)  # the first write into an empty store
    else:
        refresh_inference(store)


def write_graph_parts(
    store: Store,
    name: URIRef,
    parts: Iterable[Iterable[tuple[Node, Node, Node]]],
    progress: Callable[[int], None] | None = None,
) -> None:
    """Replace graph ``name`` with the triples of ``parts``, written part by part with each part's closure.

    What :func:`write_graphs` does for one graph too big to hold (a long document,
    :meth:`kg.store.embedded.Store.write_parts`): the closure is local to each
    triple, so the closure of the parts is that of the whole graph; memory holds
    one part.  ``progress`` is called with the quads written.
    """
    inferred = URIRef(inferred_graph(str(name)))
    before = stamp(store)
    base = rules(store)

    def with_closure() -> Iterator[dict[URIRef, Iterable[tuple[Node, Node, Node]]]]:
        for triples in parts:
            yield with_inference(store, {name: triples}, base)

    store.write_parts([name, inferred], with_closure(), progress)
    digest = rules(store).digest
    if before == (digest, "complete"):
        return
    if before is None and _only_written(store, {name: None}):
        write_stamp(store, digest)
    else:
        refresh_inference(store)


def _only_written(store: Store, graphs: Mapping[URIRef, object]) -> bool:
    """Whether the store holds nothing but the graphs just written (and their inference): a first write."""
    written = {str(name) for name in graphs} | {inferred_graph(str(name)) for name in graphs}
    return all(name in written for name in store.graph_names())


# -- the stamp ------------------------------------------------------------------------------


def stamp(store: Store) -> tuple[str, str] | None:
    """(rules digest, state) recorded in the store, or None when it holds no stamp."""
    values = store.read_meta(STAMP)
    if not values:
        return None
    return values.get(STAMP_RULES, ""), values.get(STAMP_STATE, "")


def write_stamp(store: Store, digest: str, state: str = "complete") -> None:
    """Record that the inference was computed with tables ``digest`` (``state``: complete or pending)."""
    store.write_meta(STAMP, {STAMP_RULES: digest, STAMP_STATE: state})


def mark_pending(store: Store) -> None:
    """Record that a write without (or before) its inference is under way: the inference is stale until redone."""
    current = stamp(store)
    write_stamp(store, current[0] if current else "", "pending")


def inference_status(store: Store) -> str:
    """ "" when the inference is up to date, else why not (one line, for ``kg stats`` and ``kg validate``)."""
    recorded = stamp(store)
    if recorded is None:
        if any(not is_inferred(g) for g in store.graph_names()):
            return text("no_inference_stamp")
        return ""
    digest, state = recorded
    if state != "complete":
        return text("inference_stale")
    if digest != rules(store).digest:
        return text("ontology_changed")
    return ""


# -- inside the store (bulk loads, kg infer) ------------------------------------------------


def _ox_rows(quads: Iterable[ox.Quad]) -> Iterator[tuple[ox.Quad, str, str, str, bool]]:
    for q in quads:
        o = q.object
        literal = isinstance(o, ox.Literal)
        yield q, q.subject.value, q.predicate.value, o if literal else o.value, literal


class QuadInferrer:
    """The closure of one quad at a time, into the inferred graph of the quad's graph (for streamed loads).

    Terms and graph names are cached, so a quad that yields nothing costs one dictionary lookup.
    """

    def __init__(self, table: Rules):
        self.table = table
        self.relevant = table.relevant_predicates()
        self.graphs: dict[ox.NamedNode, ox.NamedNode | None] = {}
        self.nodes: dict[str, ox.NamedNode] = {}

    def _node(self, value: str) -> ox.NamedNode | ox.BlankNode:
        found = self.nodes.get(value)
        if found is None:
            found = ox.BlankNode(value[2:]) if value.startswith("_:") else ox.NamedNode(value)
            if len(self.nodes) < 100_000:  # predicates and classes: the cache stays small
                self.nodes[value] = found
        return found

    def __call__(self, q: ox.Quad) -> list[ox.Quad]:
        p = q.predicate.value
        if p not in self.relevant or not isinstance(q.graph_name, ox.NamedNode):
            return []
        target = self.graphs.get(q.graph_name, False)
        if target is False:
            name = q.graph_name.value
            target = self.graphs[q.graph_name] = (
                None if is_inferred(name) or name.startswith(INTERNAL) else ox.NamedNode(inferred_graph(name))
            )
        if target is None:
            return []
        s, o = q.subject, q.object
        literal = isinstance(o, ox.Literal)
        s_key = s.value if isinstance(s, ox.NamedNode) else "_:" + s.value
        o_key = o if literal else (o.value if isinstance(o, ox.NamedNode) else "_:" + o.value)
        node = self._node
        out = []
        for s2, p2, o2, lit2 in self.table.closure(((s_key, p, o_key, literal),)):
            subject = s if s2 == s_key else node(s2)
            obj = o2 if lit2 else (o if o2 == o_key else (s if o2 == s_key else node(o2)))
            out.append(ox.Quad(subject, node(p2), obj, target))
        return out


def inferred_quads(quads: Iterable[ox.Quad], table: Rules) -> Iterator[ox.Quad]:
    """The inferred quads of ``quads`` (each into the inferred graph of its own graph); may repeat."""
    infer = QuadInferrer(table)
    for quad in quads:
        yield from infer(quad)


def templates(table: Rules) -> dict[tuple[str, str | None], list[tuple[str, bool]]]:
    """What each kind of stated triple yields: ``(predicate, class or None)`` → ``[(predicate, reversed)]``.

    ``(rdf:type, C)`` keys give the superclasses of C (as ``(C', False)`` rows: ``?s a C'``); a property's key
    gives its super-properties and, for symmetric ones, the reversed triples (never for a literal object).

    >>> from kg.model.vocab import KG
    >>> sorted(templates(rules())[(str(KG.integratesWith), None)])[:2]  # doctest: +NORMALIZE_WHITESPACE
    [('https://w3id.org/kg-cityedu/ontology#cooperatesWith', False),
     ('https://w3id.org/kg-cityedu/ontology#cooperatesWith', True)]
    """
    s, o = "urn:kg:template:s", "urn:kg:template:o"
    result: dict[tuple[str, str | None], list[tuple[str, bool]]] = {}
    for c in table.superclasses:
        result[(RDF_TYPE, c)] = [(o2, False) for _, _, o2, _ in table.closure(((s, RDF_TYPE, c, False),))]
    for p in table.relevant_predicates() - {RDF_TYPE}:
        rows = {(p2, s2 == o) for s2, p2, _, _ in table.closure(((s, p, o, False),))}
        if rows:
            result[(p, None)] = sorted(rows)
    return result


def infer_in_store(
    store: Store,
    table: Rules,
    graphs: Iterable[str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the closure of ``graphs`` (default: every stated graph) into their inferred graphs, in bulk.

    The store's indexes are read one rule at a time (the type triples of one class, the triples of one
    property), so only triples that yield something come into Python, each as the quads it yields, and
    those are streamed into the bulk loader: nothing is held, the stated data is not parsed again, and the
    cost is that of the inference.  Return the number of inferred quads written (duplicates included).
    """
    wanted = None if graphs is None else {ox.NamedNode(g) for g in graphs}
    targets: dict[object, ox.NamedNode | None] = {}

    def target(graph: object) -> ox.NamedNode | None:
        found = targets.get(graph, False)
        if found is False:
            name = graph.value if isinstance(graph, ox.NamedNode) else ""
            keep = name and not is_inferred(name) and not name.startswith(INTERNAL)
            found = ox.NamedNode(inferred_graph(name)) if keep and (wanted is None or graph in wanted) else None
            targets[graph] = found
        return found

    rules_ = templates(table)
    type_node = ox.NamedNode(RDF_TYPE)
    nodes: dict[str, ox.NamedNode] = {}

    def node(value: str) -> ox.NamedNode:
        return nodes.get(value) or nodes.setdefault(value, ox.NamedNode(value))

    # Few graphs: read each graph's index; many: read the predicate's index once and keep the wanted graphs.
    per_graph = wanted is not None and len(wanted) * len(rules_) <= 5_000
    count = 0

    def quads_of(predicate: ox.NamedNode, obj: ox.NamedNode | None) -> Iterator[ox.Quad]:
        if per_graph:
            for graph in sorted(wanted, key=str):  # type: ignore[arg-type]
                yield from store.quads_for_predicate(predicate.value, obj, graph)
        else:
            yield from store.quads_for_predicate(predicate.value, obj)

    def stream() -> Iterator[ox.Quad]:
        nonlocal count
        for (predicate, cls), outputs in sorted(rules_.items(), key=lambda item: (item[0][0], item[0][1] or "")):
            made = [(node(p), reverse) for p, reverse in outputs]
            if cls is not None:
                supers = [p for p, _ in made]
                for quad in quads_of(type_node, node(cls)):
                    graph = target(quad.graph_name)
                    if graph is None:
                        continue
                    subject = quad.subject
                    for sup in supers:
                        yield ox.Quad(subject, type_node, sup, graph)
                    count += len(supers)
            else:
                for quad in quads_of(node(predicate), None):
                    graph = target(quad.graph_name)
                    if graph is None:
                        continue
                    s, o = quad.subject, quad.object
                    literal = isinstance(o, ox.Literal)
                    for p, reverse in made:
                        if not reverse:
                            yield ox.Quad(s, p, o, graph)
                            count += 1
                        elif not literal:
                            yield ox.Quad(o, p, s, graph)  # type: ignore[arg-type]
                            count += 1
            if progress is not None:
                progress(count)

    store.bulk_add(list(stream()) if store.path is None else stream())
    return count


def refresh_inference(store: Store, table: Rules | None = None, progress: Callable[[int], None] | None = None) -> int:
    """Recompute every inferred graph inside the store (``kg infer``); return the number of inferred quads.

    The stamp says "pending" while it runs, so an interrupted run is flagged.
    """
    table = table or rules(store)
    mark_pending(store)
    for name in store.graph_names():
        if is_inferred(name):
            store.drop_graph(name)
    count = infer_in_store(store, table, progress=progress)
    write_stamp(store, table.digest)
    return count


# -- after a SPARQL Update (kg serve --allow-update) ------------------------------------------------


class _Anywhere(Exception):
    """An update operation that may write a graph it does not name."""


def written_graphs(update: str) -> set[str] | None:
    """The named graphs a SPARQL Update writes, when every operation names them; else None.

    None for an operation on the default graph, a graph variable (``GRAPH ?g``),
    ``ALL``/``NAMED``/``DEFAULT``, or a text this parser does not read.

    >>> sorted(written_graphs("INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/b> <http://e/c> } }"))
    ['http://e/g']
    >>> written_graphs("DELETE WHERE { GRAPH ?g { ?s ?p ?o } }") is None
    True
    """
    from rdflib.plugins.sparql.algebra import translateUpdate
    from rdflib.plugins.sparql.parser import parseUpdate

    from kg.model.vocab import PREFIXES

    try:
        operations = translateUpdate(parseUpdate(update), initNs=dict(PREFIXES)).algebra
    except Exception:  # rdflib's parser raises many kinds; the store's own parser has the final word
        return None
    graphs: set[str] = set()

    def named(name: object) -> None:
        if not isinstance(name, URIRef):
            raise _Anywhere
        graphs.add(str(name))

    try:
        for op in operations:
            if op.name in ("InsertData", "DeleteData", "DeleteWhere"):
                if op.triples:
                    raise _Anywhere
                for name in op.quads or {}:
                    named(name)
            elif op.name == "Modify":
                for part in (op.delete, op.insert):
                    if part is None:
                        continue
                    if part.triples:
                        named(op.withClause)
                    for name in part.quads or {}:
                        named(name)
            elif op.name in ("Load", "Clear", "Drop", "Create"):
                named(op.graphiri)
            elif op.name in ("Add", "Copy", "Move"):
                source, target = op.graph
                named(target)
                if op.name == "Move":
                    named(source)
            else:
                raise _Anywhere
    except _Anywhere:
        return None
    return graphs


def refresh_graphs(store: Store, graphs: Iterable[str], table: Rules | None = None) -> int:
    """Recompute the inferred graphs of ``graphs`` only (their sources, for an inferred graph given); return quads.

    Each inferred graph is replaced in one transaction with the closure of what its source holds now.
    """
    table = table or rules(store)
    sources = {source_graph(g) or g if is_inferred(g) else g for g in graphs}
    count = 0
    replaced: dict[URIRef, list] = {}
    for name in sorted(s for s in sources if not s.startswith(INTERNAL)):
        quads = list(inferred_quads(store.quads(name), table))
        count += len(quads)
        replaced[URIRef(inferred_graph(name))] = list({(q.subject, q.predicate, q.object) for q in quads})
    if replaced:
        store.replace_graphs(replaced)
    return count


def after_update(store: Store, update: str) -> None:
    """Run ``update`` and keep the inference true: re-infer just the graphs it writes when it names them all and
    leaves the ontology's tables as they were, else the whole store (:func:`refresh_inference`)."""
    graphs = written_graphs(update)
    before = stamp(store)
    store.update(update, graphs)
    if graphs is not None and before == (rules(store).digest, "complete"):
        refresh_graphs(store, graphs)
    else:
        refresh_inference(store)
