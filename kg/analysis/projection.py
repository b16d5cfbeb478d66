"""Project the RDF graph onto a NetworkX ``MultiDiGraph`` of entities and relations.

Nodes are entities (never literals, classes, source documents, assertion or
indicator nodes); each qualified :class:`kg:RelationAssertion` becomes one edge
carrying its relation, evidence and source.  ``rdf:type`` and literal values
never become edges.  The same projection feeds the analysis, the interactive
graph and the graph exports, with the same subset options.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import networkx as nx
import pyoxigraph as ox
from rdflib import URIRef

from kg.errors import KgError
from kg.i18n import did_you_mean
from kg.i18n import text as message
from kg.model.terms import descendants, is_a, label, local_name
from kg.model.vocab import INFERRED_GRAPH, classes, relation_properties
from kg.sources.identity import SAME_AS_PREFIX, rejected, simplified, suggestions
from kg.store.embedded import Store

# The class an entity is stated to have (in the registry or a document's graph, not an inferred
# graph: the inferred one, or one per source graph under it): a join on the graph of the type
# triple, so one pass over the union default graph rather than a query over an explicit list of
# every named graph.
STATED_CLASS = f"""GRAPH ?g {{ ?entity a ?class }} FILTER(!STRSTARTS(STR(?g), "{INFERRED_GRAPH}"))
  FILTER(STRSTARTS(STR(?class), STR(kg:)))
  FILTER(?class NOT IN (kg:SourceDocument, kg:RelationAssertion, kg:Indicator))"""

NODES = f"""
SELECT ?entity ?label ?class ?district ?districtLabel ?city ?cityLabel
       (GROUP_CONCAT(DISTINCT ?alias; SEPARATOR="\\u001f") AS ?aliases) WHERE {{
  #VALUES#
  {STATED_CLASS}
  ?entity rdfs:label ?label .
  OPTIONAL {{ ?entity skos:altLabel ?alias }}
  OPTIONAL {{ ?entity kg:district ?district OPTIONAL {{ ?district rdfs:label ?districtLabel }} }}
  OPTIONAL {{ ?entity kg:city ?city OPTIONAL {{ ?city rdfs:label ?cityLabel }} }}
}} GROUP BY ?entity ?label ?class ?district ?districtLabel ?city ?cityLabel
"""

EDGES = """
SELECT ?assertion ?subject ?predicate ?object ?evidence ?source ?year ?method WHERE {
  #VALUES#
  ?assertion a kg:RelationAssertion ;
      rdf:subject ?subject ; rdf:predicate ?predicate ; rdf:object ?object .
  OPTIONAL { ?assertion kg:evidence ?evidence }
  OPTIONAL { ?assertion prov:wasDerivedFrom ?source }
  OPTIONAL { ?assertion kg:year ?year }
  OPTIONAL { ?assertion kg:method ?method }
}
"""

# Relations of a set of entities, either direction: one step of a search that stays in the store.
NEIGHBOURS = """
SELECT DISTINCT ?x ?n WHERE {
  #VALUES#
  { ?a rdf:subject ?x ; rdf:object ?n } UNION { ?a rdf:object ?x ; rdf:subject ?n }
  ?a a kg:RelationAssertion .
}
"""

# Entities by exact label or alias (any language tag): an index lookup, not a scan of every label.
BY_NAME = """
SELECT DISTINCT ?entity ?alias WHERE {
  #VALUES#
  { ?entity rdfs:label ?name BIND(false AS ?alias) } UNION { ?entity skos:altLabel ?name BIND(true AS ?alias) }
}
"""

MEMBERS = """
SELECT DISTINCT ?name ?place ?entity WHERE {
  #VALUES#
  ?place a ?placeClass ; rdfs:label ?label .
  FILTER(STR(?label) = ?name)
  OPTIONAL { ?entity kg:district ?place }
}
"""

# Assertions per entity end (a self-relation counts twice, as in a multigraph's degree).
DEGREES = """
SELECT ?n (COUNT(*) AS ?degree) WHERE {
  ?a a kg:RelationAssertion .
  { ?a rdf:subject ?n } UNION { ?a rdf:object ?n }
} GROUP BY ?n ORDER BY DESC(?degree) ?n LIMIT %d
"""

VALUES_BATCH = 400


class UnknownEntityError(KgError, LookupError):
    """A name matches no entity; the message suggests the closest labels."""


class SubsetError(KgError, ValueError):
    """A subset option names a class, district or relation that does not exist."""


def _values(variable: str, terms: Iterable[str]) -> str:
    return f"VALUES ?{variable} {{ {' '.join(terms)} }}"


def _iris(names: Iterable[str]) -> list[str]:
    """SPARQL text of IRIs (validated by pyoxigraph: an IRI from the store never needs escaping)."""
    return [str(ox.NamedNode(name)) for name in names]


def _solutions(store: Store, text: str, variable: str | None = None, terms: Sequence[str] = ()) -> Iterator:
    """Stream the rows of ``text``, ``#VALUES#`` bound to ``terms`` in batches (all rows when ``variable`` is None)."""
    if variable is None:
        yield from store.query_raw(text.replace("#VALUES#", ""))
        return
    for start in range(0, len(terms), VALUES_BATCH):
        yield from store.query_raw(text.replace("#VALUES#", _values(variable, terms[start : start + VALUES_BATCH])))


def _text(term: object) -> str:
    return term.value if term is not None else ""  # type: ignore[attr-defined]


def _chinese(term: object) -> bool:
    return term is None or getattr(term, "language", None) in ("zh", None)


def project(store: Store, subset: Subset | None = None) -> nx.MultiDiGraph:
    """Return the entity–relation multigraph of ``store`` (or the part of it ``subset`` can select).

    Node attributes: ``label``, ``cls`` (ontology class local name, the most
    specific stated one), ``class_label`` (Chinese), ``district`` and ``city``
    (labels, "" when unknown), ``aliases`` (list).  Edge key: the assertion IRI;
    edge attributes: ``relation`` (local name), ``relation_label`` (Chinese),
    ``evidence``, ``source`` (document IRI), ``year`` ("" when not given), ``method``.

    With a ``subset`` that names districts, a focus entity or a node cap, only
    the entities it can reach are read from the store (found by queries that
    stay in the store), so ``subset.apply(project(store, subset))`` equals
    ``subset.apply(project(store))`` at a cost that follows the subset, not the store.

    >>> G = project(Store())  # an empty store gives an empty graph
    >>> G.number_of_nodes(), G.number_of_edges()
    (0, 0)
    """
    entities = region(store, subset) if subset else None
    return project_entities(store, entities)


def project_entities(store: Store, entities: set[str] | None) -> nx.MultiDiGraph:
    """The projection over ``entities`` and the relations among them (every entity when None)."""
    graph = nx.MultiDiGraph()
    if entities is not None and not entities:
        return graph
    terms = sorted(_iris(entities)) if entities is not None else ()
    variable = "entity" if entities is not None else None
    rows = [_node_row(row) for row in _solutions(store, NODES, variable, terms)]
    rows.sort()
    for node, attrs in _node_groups(rows):
        graph.add_node(node, **attrs)
    edges = []
    for row in _solutions(store, EDGES, "subject" if entities is not None else None, terms):
        subject, obj = row["subject"].value, row["object"].value
        if subject not in graph or obj not in graph:
            continue  # a relation to something that is not an entity (e.g. a class) is not an edge
        edges.append(_edge_row(row))
    edges.sort()  # the same order whatever the store returns, so path and layout choices are stable
    for subject, obj, key, *values in edges:
        graph.add_edge(subject, obj, key=key, **_edge_attrs(*values))
    return merge_same_as(graph, same_as_pairs(store), apart=rejected(store))


def _node_row(row) -> tuple:
    """A NODES row as a sortable tuple: the first row of an entity (sorted) is the one it keeps."""
    entity, label_, cls, district = row["entity"], row["label"], row["class"], row["districtLabel"]
    key = (entity.value, not _chinese(label_), not _chinese(district), cls.value, label_.value)
    return key, _text(district), _text(row["cityLabel"]), _text(row["aliases"])


_CLASS_LABELS: dict[str, str] = {}
_RELATION_LABELS: dict[str, tuple[str, str]] = {}


def _node_groups(rows: Iterable[tuple]) -> Iterator[tuple[str, dict]]:
    """(entity, attributes) from sorted :func:`_node_row` tuples: the first row of an entity wins (its Chinese
    label, then a fixed order), the aliases of all its rows merge."""
    current: str | None = None
    attrs: dict = {}
    for (node, _, _, class_iri, label_text), district, city, alias_text in rows:
        aliases = {a for a in alias_text.split("\x1f") if a}
        if node == current:  # an entity with two stated classes keeps the first, aliases merge
            attrs["aliases"] = sorted(set(attrs["aliases"]) | aliases)
            continue
        if current is not None:
            yield current, attrs
        if class_iri not in _CLASS_LABELS:
            _CLASS_LABELS[class_iri] = label(URIRef(class_iri), "zh")
        current = node
        attrs = {
            "label": label_text,
            "cls": local_name(class_iri),
            "class_label": _CLASS_LABELS[class_iri],
            "district": district,
            "city": city,
            "aliases": sorted(aliases),
        }
    if current is not None:
        yield current, attrs


def _edge_row(row) -> tuple:
    return (
        row["subject"].value,
        row["object"].value,
        row["assertion"].value,
        row["predicate"].value,
        _text(row["evidence"]),
        _text(row["source"]),
        _text(row["year"]),
        _text(row["method"]),
    )


def _edge_attrs(predicate: str, evidence: str, source: str, year: str, method: str) -> dict[str, str]:
    if predicate not in _RELATION_LABELS:
        _RELATION_LABELS[predicate] = (local_name(predicate), label(URIRef(predicate), "zh"))
    relation, relation_label = _RELATION_LABELS[predicate]
    return {
        "relation": relation,
        "relation_label": relation_label,
        "evidence": evidence,
        "source": source,
        "year": year,
        "method": method,
    }


class Streamed:
    """The whole store's projection as streams, for exports that must not hold the graph.

    The same nodes, edges and attributes as :func:`project` (merged entities included), but read from
    two ordered queries as they come: nodes by IRI, edges by assertion IRI.  What is held: the set of
    entity IRIs (to drop relations to non-entities), the few merged clusters, and, when asked, each
    node's degree.
    """

    def __init__(self, store: Store):
        self.store = store
        self.entities = {row["entity"].value for row in _solutions(store, ENTITIES)}
        pairs = [(a, b) for a, b in same_as_pairs(store) if a in self.entities and b in self.entities]
        self.kept: dict[str, str] = {}  # merged-away entity → the node that stands for its cluster
        self.aliases: dict[str, list[str]] = {}  # a cluster's node → its aliases after the merge
        self._degrees: dict[str, int] | None = None
        if pairs:
            members = {n for pair in pairs for n in pair}
            attrs = dict(
                _node_groups(sorted(_node_row(r) for r in _solutions(store, NODES, "entity", sorted(_iris(members)))))
            )
            before = self._count(merged=False)
            for cluster in clusters(pairs, members, rejected(store)):
                keep = max(cluster, key=lambda n: (before.get(n, 0), len(attrs[n]["label"]), n))
                names = set(attrs[keep]["aliases"])
                for node in cluster - {keep}:
                    names |= {attrs[node]["label"], *attrs[node]["aliases"]}
                    self.kept[node] = keep
                self.aliases[keep] = sorted(names - {attrs[keep]["label"]})

    def nodes(self) -> Iterator[tuple[str, dict]]:
        """(entity, attributes) of every node, sorted by IRI."""
        rows = (_node_row(row) for row in _solutions(self.store, NODES + "ORDER BY ?entity"))
        for node, attrs in _node_groups(rows):
            if node in self.kept:
                continue
            if node in self.aliases:
                attrs["aliases"] = self.aliases[node]
            yield node, attrs

    def _edges(self, merged: bool = True) -> Iterator[tuple[str, str, str, dict]]:
        entities, kept = self.entities, self.kept
        group: tuple | None = None
        for row in _solutions(self.store, EDGES + "ORDER BY ?assertion ?subject ?object"):
            edge = _edge_row(row)
            if edge[0] not in entities or edge[1] not in entities:
                continue
            if group is not None and group[:3] != edge[:3]:
                yield from self._one(group, merged, kept)
                group = None
            group = edge if group is None or edge > group else group  # several rows: the last (sorted) wins
        if group is not None:
            yield from self._one(group, merged, kept)

    @staticmethod
    def _one(edge: tuple, merged: bool, kept: dict[str, str]) -> Iterator[tuple[str, str, str, dict]]:
        u, v, key, *values = edge
        if merged and (u in kept or v in kept):
            u, v = kept.get(u, u), kept.get(v, v)
            if u == v:
                return  # a relation inside a merged cluster
        yield u, v, key, _edge_attrs(*values)

    def edges(self) -> Iterator[tuple[str, str, str, dict]]:
        """(source, target, assertion IRI, attributes) of every edge, sorted by assertion IRI."""
        return self._edges()

    def _count(self, merged: bool) -> dict[str, int]:
        degrees: dict[str, int] = {}
        for u, v, _, _ in self._edges(merged):
            degrees[u] = degrees.get(u, 0) + 1
            degrees[v] = degrees.get(v, 0) + 1
        return degrees

    def degree(self, node: str) -> int:
        """The node's degree in the merged projection (a self-relation counts twice), counted on first use."""
        if self._degrees is None:
            self._degrees = self._count(merged=True)
        return self._degrees.get(node, 0)


def clusters(
    pairs: Iterable[tuple[str, str]], present: Iterable[str] | set[str], apart: Iterable[tuple[str, str]] = ()
) -> list[set[str]]:
    """The clusters of merged entities among ``present``: pairs joined, unless a pair of ``apart`` would end up
    in one cluster.

    >>> [sorted(c) for c in clusters([("a", "b"), ("b", "c"), ("x", "y")], {"a", "b", "c", "x"}, apart=[("a", "c")])]
    [['a', 'b']]
    """
    present = set(present)
    separate: dict[str, set[str]] = {}
    for a, b in apart:
        separate.setdefault(a, set()).add(b)
        separate.setdefault(b, set()).add(a)
    cluster: dict[str, set[str]] = {}
    for a, b in sorted(pairs):
        if a not in present or b not in present or a == b:
            continue
        first, second = cluster.get(a, {a}), cluster.get(b, {b})
        if first is second or any(separate.get(x, set()) & second for x in first):
            continue
        joined = first | second
        for node in joined:
            cluster[node] = joined
    return sorted({id(c): c for c in cluster.values()}.values(), key=min)


SAME_AS = f"""
SELECT DISTINCT ?a ?b WHERE {{
  GRAPH ?g {{ ?a owl:sameAs ?b }}
  FILTER(STRSTARTS(STR(?g), "{SAME_AS_PREFIX}"))
}}
"""


def same_as_pairs(store: Store) -> list[tuple[str, str]]:
    """The merges of :mod:`kg.sources.identity` (one per named graph), as IRI pairs."""
    return [(str(row["a"]), str(row["b"])) for row in store.select(SAME_AS)]


def merge_same_as(
    graph: nx.MultiDiGraph, pairs: Iterable[tuple[str, str]], apart: Iterable[tuple[str, str]] = ()
) -> nx.MultiDiGraph:
    """One node per cluster of merged entities: the others' edges move to it, their labels become aliases.

    The node kept is the best connected (then the longest label, then the
    IRI), so a merge shows the organisation with every relation of every name.
    A merge that would put a pair of ``apart`` (unmerged by a person) into one
    cluster through other merges is left out.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", label="华为", aliases=[]); G.add_node("b", label="华为技术有限公司", aliases=[])
    >>> G.add_node("s", label="甲校", aliases=[])
    >>> _ = G.add_edge("s", "b", key="k", relation="cooperatesWith")
    >>> M = merge_same_as(G, [("a", "b")])
    >>> sorted(M.nodes), M.nodes["b"]["aliases"]
    (['b', 's'], ['华为'])
    """
    for members in clusters(pairs, graph, apart):
        keep = max(members, key=lambda n: (graph.degree(n), len(graph.nodes[n]["label"]), n))
        names = set(graph.nodes[keep].get("aliases", []))
        for node in sorted(members - {keep}):
            data = graph.nodes[node]
            names |= {data["label"], *data.get("aliases", [])}
            for u, v, key, edge in list(graph.in_edges(node, keys=True, data=True)) + list(
                graph.out_edges(node, keys=True, data=True)
            ):
                u, v = (keep if u == node else u), (keep if v == node else v)
                if u != v:
                    graph.add_edge(u, v, key=key, **edge)
            graph.remove_node(node)
        graph.nodes[keep]["aliases"] = sorted(names - {graph.nodes[keep]["label"]})
    return graph


ENTITIES = f"""
SELECT DISTINCT ?entity WHERE {{
  #VALUES#
  {STATED_CLASS}
  ?entity rdfs:label ?label .
}}
"""


def entities_among(store: Store, names: Iterable[str]) -> set[str]:
    """Those of the IRIs ``names`` that are entities of the projection (a stated class and a label)."""
    terms = sorted(_iris(n for n in names if not n.startswith("_:")))
    return {row["entity"].value for row in _solutions(store, ENTITIES, "entity", terms)}


def neighbours(store: Store, nodes: Iterable[str]) -> dict[str, set[str]]:
    """The other end of every relation assertion of each of ``nodes`` (either direction), from the store."""
    found: dict[str, set[str]] = {}
    for row in _solutions(store, NEIGHBOURS, "x", sorted(_iris(nodes))):
        if isinstance(row["n"], ox.NamedNode):
            found.setdefault(row["x"].value, set()).add(row["n"].value)
    return found


def expand(store: Store, frontier: set[str], seen: set[str]) -> set[str]:
    """Entities one relation away from ``frontier`` and not in ``seen``: one step of a search in the store."""
    reached = set().union(*neighbours(store, frontier).values()) - seen
    return entities_among(store, reached)


def ball(store: Store, center: str, hops: int) -> set[str]:
    """Entities within ``hops`` relations of ``center`` (either direction), searched in the store."""
    seen, frontier = {center}, {center}
    for _ in range(hops):
        frontier = expand(store, frontier, seen)
        if not frontier:
            break
        seen |= frontier
    return seen


def resolve(store: Store, name: str) -> str | None:
    """The entity named ``name`` (IRI, label, else alias) when the store has exactly one; None otherwise.

    None leaves the choice (most relations first) and the "did you mean" message
    to :func:`find_entity` on the whole projection.
    """
    if "://" in name and entities_among(store, [name]):
        return name
    terms = [str(ox.Literal(name)), *(str(ox.Literal(name, language=tag)) for tag in ("zh", "en"))]
    by_kind: dict[bool, set[str]] = {False: set(), True: set()}
    for row in _solutions(store, BY_NAME, "name", terms):
        if isinstance(row["entity"], ox.NamedNode):
            by_kind[row["alias"].value == "true"].add(row["entity"].value)
    for kind in (False, True):
        found = entities_among(store, by_kind[kind])
        if found:
            return next(iter(found)) if len(found) == 1 else None
    return None


def district_members(store: Store, names: Iterable[str], place_class: str = "District") -> set[str] | None:
    """The places labelled ``names`` and the entities located in them; None when a name is no such place."""
    names = list(names)
    text = MEMBERS.replace("?place a ?placeClass", f"?place a kg:{place_class}")
    found: set[str] = set()
    matched: set[str] = set()
    for row in _solutions(store, text, "name", [str(ox.Literal(n)) for n in names]):
        found.update(term.value for term in (row["place"], row["entity"]) if term is not None)
        matched.add(row["name"].value)
    if matched != set(names):
        return None  # let Subset.check name the unknown district
    return entities_among(store, found)


def top_degree(store: Store, count: int) -> set[str] | None:
    """The ``count`` entities with most relation assertions and all their partners; None if it cannot tell.

    Counts in the store include relations to non-entities; the exact degrees
    of the candidates are checked against the largest count left out, so the
    answer is exact or None.
    """
    limit = 2 * count + 16
    counted = [(row["n"].value, int(row["degree"].value)) for row in store.query_raw(DEGREES % limit)]
    if len(counted) < limit:
        return None  # fewer related nodes than asked for: entities without relations rank too
    candidates = entities_among(store, [n for n, _ in counted if not n.startswith("_:")])
    ends = {}
    for row in _solutions(store, NEIGHBOUR_COUNTS, "x", sorted(_iris(candidates))):
        ends.setdefault(row["x"].value, []).append((row["n"].value, int(row["c"].value)))
    partners = entities_among(store, {n for pairs in ends.values() for n, _ in pairs})
    exact = {c: sum(k for n, k in ends.get(c, []) if n in partners) for c in candidates}
    ranked = sorted(exact, key=lambda n: (-exact[n], n))[:count]
    if len(ranked) < count or exact[ranked[-1]] <= counted[-1][1]:
        return None  # a node left out might tie or beat the last one kept
    return set(ranked) | {n for c in ranked for n, _ in ends.get(c, []) if n in partners}


NEIGHBOUR_COUNTS = """
SELECT ?x ?n (COUNT(*) AS ?c) WHERE {
  #VALUES#
  ?a a kg:RelationAssertion .
  { ?a rdf:subject ?x ; rdf:object ?n } UNION { ?a rdf:object ?x ; rdf:subject ?n }
} GROUP BY ?x ?n
"""


def district_graph(store: Store, name: str) -> nx.MultiDiGraph:
    """The part of the projection a district's indicators and analysis read (the whole one if it cannot tell).

    The district ``name`` (label, alias or IRI), its members, their partners,
    and the partners of the platforms among them (a platform's participants
    count), with every relation among these: what :func:`kg.analysis.indicators.district_indicators`
    and :func:`kg.analysis.indicators.district_scope` look at, read with
    queries that start from the district instead of projecting the store.
    """
    place = resolve(store, name)
    if place is None:
        return project(store)
    text = "SELECT DISTINCT ?entity WHERE { #VALUES# ?entity kg:district ?place }"
    members = {place} | entities_among(
        store, {row["entity"].value for row in _solutions(store, text, "place", _iris([place]))}
    )
    near = members | expand(store, members, members)
    graph = project_entities(store, near)
    if not graph.has_node(place) or graph.nodes[place]["cls"] != "District":
        return project(store)  # a city, or not a place: the whole graph decides (and explains)
    platforms = {n for n, d in graph.nodes(data=True) if is_a(d["cls"], "Platform")}
    return project_entities(store, near | expand(store, platforms, near)) if platforms else graph


def region(store: Store, subset: Subset) -> set[str] | None:
    """Entities that ``subset`` can select, found with queries in the store; None when it needs the whole graph."""
    if subset.focus is not None:
        center = resolve(store, subset.focus)
        return ball(store, center, subset.hops) if center is not None else None
    if subset.districts:  # members and their partners: a --relation filter keeps members by their relations
        members = district_members(store, subset.districts)
        return None if members is None else members | expand(store, members, members)
    if subset.max_nodes and not (subset.classes or subset.relations):
        return top_degree(store, subset.max_nodes)
    return None


def _class_closure(names: Iterable[str]) -> set[str]:
    """The given class local names and all their subclasses' local names."""
    known = classes()
    wanted: set[str] = set()
    for name in names:
        if name not in known:
            raise SubsetError(message("unknown_class", name=name, choices=", ".join(sorted(known))))
        wanted |= descendants(name)
    return wanted


def find_entity(graph: nx.MultiDiGraph, name: str) -> str:
    """The node whose IRI, label or alias is ``name``.

    Raises :class:`UnknownEntityError` with the closest labels ("did you mean …").
    """
    if name in graph:
        return name
    exact = [n for n, d in graph.nodes(data=True) if name == d["label"]]
    exact = exact or [n for n, d in graph.nodes(data=True) if name in d["aliases"]]
    if not exact:  # 華為 or ＨＵＡＷＥＩ: the simplified, NFKC form of the name
        plain = simplified(name)
        exact = [n for n, d in graph.nodes(data=True) if plain == d["label"] or plain in d["aliases"]]
    if exact:
        return sorted(exact, key=lambda n: -graph.degree(n))[0]
    names = {d["label"]: n for n, d in graph.nodes(data=True)}
    for n, d in graph.nodes(data=True):
        for alias in d["aliases"]:
            names.setdefault(alias, n)
    close = suggestions(name, names)
    raise UnknownEntityError(message("no_entity", name=name, hint=did_you_mean(close)))


def subgraph(
    graph: nx.MultiDiGraph,
    *,
    classes_: Iterable[str] = (),
    districts: Iterable[str] = (),
    relations: Iterable[str] = (),
    focus: str | None = None,
    hops: int = 1,
    max_nodes: int | None = None,
) -> nx.MultiDiGraph:
    """A copy of ``graph`` restricted by the subset options shared by ``kg viz`` and ``kg export``.

    ``classes_`` keeps nodes of those classes or their subclasses; ``districts``
    keeps nodes whose district (or label, for the districts themselves) is one
    of them; ``relations`` keeps edges of those kinds (local names or Chinese
    labels); ``focus``/``hops`` keeps the ego network of an entity;
    ``max_nodes`` keeps the highest-degree nodes.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", label="甲", cls="PrimarySchool", district="巴南区", aliases=[])
    >>> G.add_node("b", label="乙", cls="Company", district="", aliases=[])
    >>> G.add_edge("a", "b", relation="integratesWith", relation_label="产教融合")
    0
    >>> sorted(subgraph(G, classes_=["School"]).nodes)
    ['a']
    """
    result = graph
    if focus is not None:
        center = find_entity(graph, focus)
        reach = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), center, cutoff=hops)
        result = result.subgraph(reach)
    relations = set(relations)
    if relations:
        edges = [
            (u, v, k)
            for u, v, k, d in result.edges(keys=True, data=True)
            if {d["relation"], d.get("relation_label")} & relations
        ]
        result = result.edge_subgraph(edges) if edges else result.subgraph([])
    keep_classes = _class_closure(classes_) if classes_ else None
    districts = set(districts)
    nodes = [
        n
        for n, d in result.nodes(data=True)
        if (keep_classes is None or d["cls"] in keep_classes)
        and (not districts or d.get("district") in districts or d["label"] in districts)
    ]
    result = result.subgraph(nodes)
    if max_nodes is not None and result.number_of_nodes() > max_nodes:
        ranked = sorted(result.nodes, key=lambda n: (-result.degree(n), n))[:max_nodes]
        result = result.subgraph(ranked)
    return nx.MultiDiGraph(result)


def _split(values: Iterable[str]) -> tuple[str, ...]:
    """Repeatable options also take comma-separated lists (--class School,Company)."""
    return tuple(part.strip() for value in values for part in value.replace("，", ",").split(",") if part.strip())


@dataclass(frozen=True)
class Subset:
    """The subset options shared by ``kg viz`` and ``kg export``; all empty = the whole graph.

    ``classes`` keeps entities of those classes and their subclasses, ``districts``
    entities of those districts (and the districts), ``relations`` edges of those
    kinds (local names or Chinese labels), ``focus``/``hops`` the entities within
    ``hops`` relations of one entity, ``max_nodes`` the best-connected entities.
    Each name list may hold comma-separated names.

    >>> Subset(classes=("School,Company",)).classes
    ('School', 'Company')
    >>> bool(Subset())
    False
    """

    classes: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    relations: tuple[str, ...] = ()
    focus: str | None = None
    hops: int = 1
    max_nodes: int | None = None

    def __post_init__(self) -> None:
        for name in ("classes", "districts", "relations"):
            object.__setattr__(self, name, _split(getattr(self, name)))
        if self.hops < 0:
            raise SubsetError(message("hops_negative"))

    def __bool__(self) -> bool:
        return bool(self.classes or self.districts or self.relations or self.focus is not None or self.max_nodes)

    def check(self, graph: nx.MultiDiGraph) -> None:
        """Raise :class:`SubsetError` for a district or relation name that matches nothing."""
        properties = relation_properties()
        known_relations = set(properties) | {label(iri, "zh") for iri in properties.values()}
        for name in self.relations:
            if name not in known_relations:
                choices = ", ".join(sorted(properties))
                raise SubsetError(message("unknown_relation", name=name, choices=choices))
        known_districts = {d.get("district") for _, d in graph.nodes(data=True)} - {"", None}
        known_districts |= {d["label"] for _, d in graph.nodes(data=True) if d.get("cls") == "District"}
        for name in self.districts:
            if name not in known_districts:
                known = ", ".join(sorted(known_districts))
                raise SubsetError(message("no_district_named", name=name, known=known))

    def apply(self, graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
        """The part of ``graph`` the options select (``graph`` itself when there are none)."""
        if not self:
            return graph
        self.check(graph)
        return subgraph(
            graph,
            classes_=self.classes,
            districts=self.districts,
            relations=self.relations,
            focus=self.focus,
            hops=self.hops,
            max_nodes=self.max_nodes,
        )
