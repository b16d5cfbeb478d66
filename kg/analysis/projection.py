"""Project the RDF graph onto a NetworkX ``MultiDiGraph`` of entities and relations.

Nodes are entities (never literals, classes, source documents, assertion or
indicator nodes); each qualified :class:`kg:RelationAssertion` becomes one edge
carrying its relation, evidence and source.  ``rdf:type`` and literal values
never become edges.  The same projection feeds the analysis, the interactive
graph and the graph exports, with the same subset options.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
from rdflib import URIRef

from kg.errors import KgError
from kg.model.terms import descendants, label, local_name
from kg.model.vocab import classes, relation_properties
from kg.sources.identity import SAME_AS_PREFIX, rejected, simplified, suggestions
from kg.store.embedded import Store
from kg.store.inference import stated_graphs

NODES = """
SELECT ?entity ?label ?class ?district ?districtLabel ?city ?cityLabel
       (GROUP_CONCAT(DISTINCT ?alias; SEPARATOR="\\u001f") AS ?aliases) WHERE {
  ?entity a ?class ; rdfs:label ?label .
  FILTER(STRSTARTS(STR(?class), STR(kg:)))
  FILTER(?class NOT IN (kg:SourceDocument, kg:RelationAssertion, kg:Indicator))
  OPTIONAL { ?entity skos:altLabel ?alias }
  OPTIONAL { ?entity kg:district ?district OPTIONAL { ?district rdfs:label ?districtLabel } }
  OPTIONAL { ?entity kg:city ?city OPTIONAL { ?city rdfs:label ?cityLabel } }
} GROUP BY ?entity ?label ?class ?district ?districtLabel ?city ?cityLabel
"""

EDGES = """
SELECT ?assertion ?subject ?predicate ?object ?evidence ?source ?year ?method WHERE {
  ?assertion a kg:RelationAssertion ;
      rdf:subject ?subject ; rdf:predicate ?predicate ; rdf:object ?object .
  OPTIONAL { ?assertion kg:evidence ?evidence }
  OPTIONAL { ?assertion prov:wasDerivedFrom ?source }
  OPTIONAL { ?assertion kg:year ?year }
  OPTIONAL { ?assertion kg:method ?method }
}
"""


class UnknownEntityError(KgError, LookupError):
    """A name matches no entity; the message suggests the closest labels."""


class SubsetError(KgError, ValueError):
    """A subset option names a class, district or relation that does not exist."""


def project(store: Store) -> nx.MultiDiGraph:
    """Return the entity–relation multigraph of ``store``.

    Node attributes: ``label``, ``cls`` (ontology class local name, the most
    specific stated one), ``class_label`` (Chinese), ``district`` and ``city``
    (labels, "" when unknown), ``aliases`` (list).  Edge key: the assertion IRI;
    edge attributes: ``relation`` (local name), ``relation_label`` (Chinese),
    ``evidence``, ``source`` (document IRI), ``year`` ("" when not given), ``method``.

    >>> G = project(Store())  # an empty store gives an empty graph
    >>> G.number_of_nodes(), G.number_of_edges()
    (0, 0)
    """
    stated = stated_graphs(store)
    graph = nx.MultiDiGraph()

    def preference(row: dict) -> tuple:  # the first row of an entity wins: its Chinese label, then a fixed order
        chinese = [getattr(row.get(key), "language", None) in ("zh", None) for key in ("label", "districtLabel")]
        return (str(row["entity"]), not chinese[0], not chinese[1], str(row["class"]), str(row["label"]))

    for row in sorted(store.select(NODES, default_graphs=stated), key=preference):
        node = str(row["entity"])
        aliases = [a for a in str(row.get("aliases", "")).split("\x1f") if a]
        cls = local_name(str(row["class"]))
        if node in graph:  # an entity with two stated classes keeps the first, aliases merge
            graph.nodes[node]["aliases"] = sorted(set(graph.nodes[node]["aliases"]) | set(aliases))
            continue
        graph.add_node(
            node,
            label=str(row["label"]),
            cls=cls,
            class_label=label(URIRef(str(row["class"])), "zh"),
            district=str(row.get("districtLabel", "")),
            city=str(row.get("cityLabel", "")),
            aliases=sorted(set(aliases)),
        )
    for row in store.select(EDGES, default_graphs=stated):
        subject, obj = str(row["subject"]), str(row["object"])
        if subject not in graph or obj not in graph:
            continue  # a relation to something that is not an entity (e.g. a class) is not an edge
        predicate = URIRef(str(row["predicate"]))
        graph.add_edge(
            subject,
            obj,
            key=str(row["assertion"]),
            relation=local_name(str(predicate)),
            relation_label=label(predicate, "zh"),
            evidence=str(row.get("evidence", "")),
            source=str(row.get("source", "")),
            year=str(row.get("year", "")),
            method=str(row.get("method", "")),
        )
    return merge_same_as(graph, same_as_pairs(store), apart=rejected(store))


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
    separate: dict[str, set[str]] = {}
    for a, b in apart:
        separate.setdefault(a, set()).add(b)
        separate.setdefault(b, set()).add(a)
    cluster: dict[str, set[str]] = {}
    for a, b in sorted(pairs):
        if a not in graph or b not in graph or a == b:
            continue
        first, second = cluster.get(a, {a}), cluster.get(b, {b})
        if first is second or any(separate.get(x, set()) & second for x in first):
            continue
        joined = first | second
        for node in joined:
            cluster[node] = joined
    for members in {id(c): c for c in cluster.values()}.values():
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


def _class_closure(names: Iterable[str]) -> set[str]:
    """The given class local names and all their subclasses' local names."""
    known = classes()
    wanted: set[str] = set()
    for name in names:
        if name not in known:
            raise SubsetError(f"--class: unknown class {name!r}; choose from {', '.join(sorted(known))}")
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
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise UnknownEntityError(f"no entity named {name!r}{hint}")


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
            raise SubsetError("--hops must be 0 or more")

    def __bool__(self) -> bool:
        return bool(self.classes or self.districts or self.relations or self.focus is not None or self.max_nodes)

    def check(self, graph: nx.MultiDiGraph) -> None:
        """Raise :class:`SubsetError` for a district or relation name that matches nothing."""
        properties = relation_properties()
        known_relations = set(properties) | {label(iri, "zh") for iri in properties.values()}
        for name in self.relations:
            if name not in known_relations:
                choices = ", ".join(sorted(properties))
                raise SubsetError(
                    f"--relation: unknown relation {name!r}; choose from {choices} or their Chinese labels"
                )
        known_districts = {d.get("district") for _, d in graph.nodes(data=True)} - {"", None}
        known_districts |= {d["label"] for _, d in graph.nodes(data=True) if d.get("cls") == "District"}
        for name in self.districts:
            if name not in known_districts:
                known = ", ".join(sorted(known_districts))
                raise SubsetError(f"--district: no district {name!r} in the graph; known: {known}")

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
