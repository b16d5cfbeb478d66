"""How two entities are connected: shortest paths, each hop with its relations and evidence."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import networkx as nx

from kg.analysis.projection import expand, find_entity, project, project_entities, resolve
from kg.errors import KgError
from kg.i18n import current_language, text
from kg.model.terms import label
from kg.model.vocab import KG
from kg.store.embedded import Store


class NoPathError(KgError, LookupError):
    """The two entities are not connected in the graph."""


class PathSearchLimit(NoPathError):
    """The search from both ends explored its limit of entities without the two sides meeting."""


@dataclass
class Statement:
    """One relation assertion behind a hop, as the text states it (subject → object)."""

    subject: str
    relation: str
    relation_label: str
    object: str
    evidence: str
    source: str
    year: str


@dataclass
class Hop:
    """One step of a path, from ``source`` to ``target``, with every assertion that links them."""

    source: str
    target: str
    statements: list[Statement]


def _statements(graph: nx.MultiDiGraph, a: str, b: str) -> list[Statement]:
    found = []
    lang = current_language()
    for u, v in ((a, b), (b, a)):
        for data in (graph.get_edge_data(u, v) or {}).values():
            relation = data.get("relation", "")
            found.append(
                Statement(
                    u,
                    relation,
                    # the ontology's name in the reader's language (the projection keeps the Chinese one)
                    label(KG[relation], lang) if relation else data.get("relation_label", ""),
                    v,
                    data.get("evidence", ""),
                    data.get("source", ""),
                    data.get("year", ""),
                )
            )
    return sorted(found, key=lambda s: (s.subject != a, s.relation, s.evidence))


def shortest_paths(graph: nx.MultiDiGraph, source: str, target: str, *, limit: int = 5) -> list[list[Hop]]:
    """Up to ``limit`` shortest paths between two entities (labels, aliases or IRIs), relations read both ways.

    Each path is a list of hops; each hop lists the relation assertions (with
    their evidence sentences) between its two ends.  Unknown names raise
    :class:`kg.analysis.projection.UnknownEntityError` ("did you mean …"); unconnected
    entities raise :class:`NoPathError`.

    >>> G = nx.MultiDiGraph()
    >>> for node, label in [("s", "甲校"), ("b", "基地"), ("c", "乙企")]:
    ...     G.add_node(node, label=label, aliases=[])
    >>> G.add_edge("s", "b", relation="builds", relation_label="建设", evidence="甲校建成基地。")
    0
    >>> G.add_edge("c", "b", relation="builds", relation_label="建设", evidence="乙企共建基地。")
    0
    >>> [[(h.source, h.target, h.statements[0].relation) for h in p] for p in shortest_paths(G, "甲校", "乙企")]
    [[('s', 'b', 'builds'), ('b', 'c', 'builds')]]
    """
    start, end = find_entity(graph, source), find_entity(graph, target)
    if start == end:
        return [[]]
    undirected = graph.to_undirected(as_view=True)
    try:
        paths = list(itertools.islice(nx.all_shortest_paths(undirected, start, end), limit))
    except nx.NetworkXNoPath:
        a, b = graph.nodes[start]["label"], graph.nodes[end]["label"]
        raise NoPathError(text("not_connected", a=a, b=b)) from None
    return [[Hop(u, v, _statements(graph, u, v)) for u, v in itertools.pairwise(path)] for path in paths]


def path_graph(store: Store, source: str, target: str, *, reach: int | None = None) -> nx.MultiDiGraph:
    """The part of the store's projection that holds every shortest path between two named entities.

    A search from both ends at once, one relation step at a time, each step a
    query in the store that widens the smaller side, until the two sides meet
    (or one runs out: then they are not connected).  Every node of a shortest
    path lies within one of the two explored balls, so :func:`shortest_paths`
    on the result gives the same paths as on the whole projection.  Names the
    store cannot resolve to one entity fall back to the whole projection, whose
    :func:`find_entity` chooses or explains.  ``reach``: the most entities the
    search may explore before it gives up (:class:`PathSearchLimit`).
    """
    start, end = resolve(store, source), resolve(store, target)
    if start is None or end is None:
        return project(store)
    sides = [({start}, {start}), ({end}, {end})]  # (seen, frontier) from each end
    while sides[0][0].isdisjoint(sides[1][0]):
        index = 0 if len(sides[0][1]) <= len(sides[1][1]) else 1
        seen, frontier = sides[index]
        if not frontier:
            break  # that side's whole component is explored without meeting the other
        frontier = expand(store, frontier, seen)
        sides[index] = (seen | frontier, frontier)
        if reach is not None and len(sides[0][0]) + len(sides[1][0]) > reach:
            raise PathSearchLimit(text("path_too_far", n=reach))
    return project_entities(store, sides[0][0] | sides[1][0])


def format_paths(graph: nx.MultiDiGraph, paths: list[list[Hop]]) -> str:
    """Paths as readable text: the chain of labels, then each hop with its relations and evidence."""
    label = {n: d.get("label", n) for n, d in graph.nodes(data=True)}
    if paths == [[]]:
        return text("same_entity_path") + "\n"
    lines = []
    for number, path in enumerate(paths, 1):
        chain = [label[path[0].source], *(label[h.target] for h in path)]
        heading = text("path_heading", i=number, hops=len(path), s="s" if len(path) != 1 else "")
        lines.append(heading + " — ".join(chain))
        for hop in path:
            for s in hop.statements:
                year = f" [{s.year}]" if s.year else ""
                lines.append(f"  {label[s.subject]} —{s.relation_label}({s.relation})→ {label[s.object]}{year}")
                if s.evidence:
                    lines.append(f"    “{s.evidence}”")
                if s.source:
                    lines.append("    " + text("path_source", source=s.source))
        lines.append("")
    return "\n".join(lines)


def paths_data(graph: nx.MultiDiGraph, paths: list[list[Hop]]) -> list[list[dict]]:
    """Paths as plain data (for JSON): hops with labels, relations, evidence and sources."""
    label = {n: d.get("label", n) for n, d in graph.nodes(data=True)}
    return [
        [
            {
                "from": hop.source,
                "from_label": label[hop.source],
                "to": hop.target,
                "to_label": label[hop.target],
                "statements": [
                    {
                        "subject": label[s.subject],
                        "relation": s.relation,
                        "relation_label": s.relation_label,
                        "object": label[s.object],
                        "evidence": s.evidence,
                        "source": s.source,
                        "year": s.year,
                    }
                    for s in hop.statements
                ],
            }
            for hop in path
        ]
        for path in paths
    ]
