"""Network metrics over the projected entity graph: plain functions, no I/O.

Every function takes the ``MultiDiGraph`` of :func:`kg.analysis.projection.project`
(or any NetworkX graph whose nodes carry ``label`` and ``cls``) and returns
plain Python values.  Relations are read as undirected ties for centrality,
communities, cores and components: "A initiates B" and "B is initiated by A"
link the same two entities.  A tie's weight is the number of relation
assertions between its two ends.

Every algorithm is called through NetworkX's public functions, so its backend
dispatch applies: with the ``parallel`` extra (nx-parallel) installed,
``NETWORKX_BACKEND_PRIORITY=parallel kg analyze`` runs betweenness and the
other algorithms nx-parallel implements on every core.  Betweenness is
estimated from a sample of sources past :data:`BETWEENNESS_BUDGET` (about
10^4 nodes on these graphs), and the report says so.
"""

from __future__ import annotations

import importlib.util
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

import networkx as nx

from kg.errors import KgError
from kg.i18n import text
from kg.model.sectors import SECTORS, node_sectors
from kg.model.styles import class_group

# Sector pairs a broker can separate: education from industry, education from government.
BROKER_PAIRS: tuple[tuple[str, str], ...] = (("education", "industry"), ("education", "government"))

# Exact betweenness costs one traversal (nodes + ties) per node.  Past this many node-and-tie visits
# (a few seconds) it is estimated from a sample of source nodes that fits the budget (at least 50).
BETWEENNESS_BUDGET = 3_000_000
MIN_BETWEENNESS_SAMPLE = 50


class CommunityMethodError(KgError, ValueError):
    """A community method is unknown or its optional libraries are not installed."""


def simple_graph(graph: nx.Graph) -> nx.Graph:
    """Undirected simple graph of ``graph``: one tie per linked pair, ``weight`` = number of assertions.

    Node attributes are kept; each tie also lists its ``relations`` (sorted kinds).

    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", relation="builds"); G.add_edge("b", "a", relation="hosts")
    0
    0
    >>> S = simple_graph(G)
    >>> S["a"]["b"]["weight"], S["a"]["b"]["relations"]
    (2, ['builds', 'hosts'])
    """
    result = nx.Graph()
    result.add_nodes_from(graph.nodes(data=True))
    for u, v, data in graph.edges(data=True):
        if u == v:
            continue
        if result.has_edge(u, v):
            tie = result[u][v]
            tie["weight"] += 1
            if data.get("relation") and data["relation"] not in tie["relations"]:
                tie["relations"] = sorted([*tie["relations"], data["relation"]])
        else:
            result.add_edge(u, v, weight=1, relations=[data["relation"]] if data.get("relation") else [])
    return result


def _undirected(graph: nx.Graph) -> nx.Graph:
    return graph if not graph.is_directed() and not graph.is_multigraph() else simple_graph(graph)


def degree(graph: nx.Graph) -> dict[str, int]:
    """Number of distinct entities each node is linked to, in either direction.

    >>> G = nx.MultiDiGraph([("a", "b"), ("a", "b"), ("c", "a")])
    >>> degree(G)
    {'a': 2, 'b': 1, 'c': 1}
    """
    return dict(_undirected(graph).degree())


def weighted_degree(graph: nx.Graph) -> dict[str, int]:
    """Number of relation assertions each node takes part in (parallel relations count each).

    >>> G = nx.MultiDiGraph([("a", "b"), ("a", "b"), ("c", "a")])
    >>> weighted_degree(G)
    {'a': 3, 'b': 2, 'c': 1}
    """
    return {node: int(value) for node, value in _undirected(graph).degree(weight="weight")}


def betweenness(graph: nx.Graph, *, sample: int | None = None, seed: int = 0) -> dict[str, float]:
    """Normalised betweenness centrality: the share of shortest paths between other entities through each node.

    Hop distance (unweighted).  ``sample`` estimates it from that many source
    nodes; by default it is exact unless that would exceed
    :data:`BETWEENNESS_BUDGET` (see :func:`betweenness_sample`).

    >>> betweenness(nx.path_graph(["a", "b", "c"]))
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    simple = _undirected(graph)
    if sample is None:
        sample = betweenness_sample(simple)
    if sample is not None and sample >= simple.number_of_nodes():
        sample = None
    return nx.betweenness_centrality(simple, k=sample, seed=seed, normalized=True)


def betweenness_sample(graph: nx.Graph) -> int | None:
    """How many source nodes :func:`betweenness` samples by default: ``None`` (exact) while within the budget.

    >>> betweenness_sample(nx.path_graph(100)), betweenness_sample(nx.path_graph(100_000))
    (None, 50)
    """
    visits = graph.number_of_nodes() + graph.number_of_edges()
    if graph.number_of_nodes() * visits <= BETWEENNESS_BUDGET:
        return None
    return min(graph.number_of_nodes(), max(MIN_BETWEENNESS_SAMPLE, BETWEENNESS_BUDGET // visits))


def pagerank(graph: nx.Graph, *, alpha: float = 0.85) -> dict[str, float]:
    """PageRank of each node over the undirected ties weighted by their number of assertions (sums to 1).

    >>> scores = pagerank(nx.star_graph(3))  # centre 0 and three leaves
    >>> round(scores[0], 3), round(scores[1], 3)
    (0.48, 0.173)
    """
    simple = _undirected(graph)
    if simple.number_of_nodes() == 0:
        return {}
    return nx.pagerank(simple, alpha=alpha, weight="weight")


def top(scores: Mapping[str, float], n: int = 10) -> list[tuple[str, float]]:
    """The ``n`` highest-scoring nodes, ties broken by node id.

    >>> top({"a": 1, "b": 3, "c": 3}, 2)
    [('b', 3), ('c', 3)]
    """
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def rank_by_class(
    graph: nx.Graph,
    scores: Mapping[str, float],
    *,
    n: int = 3,
    group: Callable[[str], str] = class_group,
) -> dict[str, list[tuple[str, float]]]:
    """The top ``n`` nodes by score within each class group (schools, colleges, companies, …).

    ``group`` maps a node's ``cls`` to its group (default: the broad classes of
    :data:`kg.model.styles.GROUPS`).  Groups come in order of their best score.

    >>> G = nx.Graph()
    >>> for node, cls in [("s1", "PrimarySchool"), ("s2", "SecondarySchool"), ("c", "Company")]:
    ...     G.add_node(node, cls=cls)
    >>> rank_by_class(G, {"s1": 0.2, "s2": 0.5, "c": 0.3}, n=1)
    {'School': [('s2', 0.5)], 'Company': [('c', 0.3)]}
    """
    groups: dict[str, list[tuple[str, float]]] = {}
    for node, data in graph.nodes(data=True):
        if node in scores:
            groups.setdefault(group(data.get("cls", "")), []).append((node, scores[node]))
    ranked = {name: top(dict(members), n) for name, members in groups.items()}
    return dict(sorted(ranked.items(), key=lambda kv: (-kv[1][0][1], kv[0])))


@dataclass
class Community:
    """A community: its members (most central first) and a label made of its most central members' labels."""

    id: int
    label: str
    members: list[str]
    method: str

    @property
    def size(self) -> int:
        return len(self.members)


def _labelled(graph: nx.Graph, groups: Iterable[Iterable[str]], method: str, label_size: int) -> list[Community]:
    """Order each group by weighted degree inside it and name it after its ``label_size`` most central members."""
    result = []
    for group in groups:
        inner = graph.subgraph(group)
        strength = dict(inner.degree(weight="weight"))
        members = sorted(group, key=lambda n: (-strength[n], -graph.degree(n, weight="weight"), n))
        name = " · ".join(str(graph.nodes[n].get("label", n)) for n in members[:label_size])
        result.append(Community(0, name, members, method))
    result.sort(key=lambda c: (-c.size, c.members[0]))
    for index, community in enumerate(result, 1):
        community.id = index
    return result


def louvain(graph: nx.Graph, *, seed: int = 0, resolution: float = 1.0, label_size: int = 2) -> list[Community]:
    """Louvain communities (NetworkX, modularity on assertion-weighted ties), largest first.

    Isolated entities form no community (see :func:`isolates`).  Each
    community is labelled with its ``label_size`` most central members.

    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "x"), ("x", "y"), ("y", "z"), ("z", "x")])
    >>> [sorted(c.members) for c in louvain(G)]
    [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    simple = _undirected(graph)
    linked = simple.subgraph([n for n in simple if simple.degree(n) > 0])
    groups = nx.community.louvain_communities(linked, weight="weight", resolution=resolution, seed=seed)
    return _labelled(simple, groups, "louvain", label_size)


def leiden_available() -> bool:
    """Whether the optional igraph and leidenalg packages are installed."""
    return all(importlib.util.find_spec(name) is not None for name in ("igraph", "leidenalg"))


def leiden(graph: nx.Graph, *, seed: int = 0, resolution: float = 1.0, label_size: int = 2) -> list[Community]:
    """Leiden communities (igraph + leidenalg, modularity), largest first; like :func:`louvain` otherwise.

    Raises :class:`CommunityMethodError` when igraph or leidenalg is not installed.

    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "x"), ("x", "y"), ("y", "z"), ("z", "x")])
    >>> [sorted(c.members) for c in leiden(G)] if leiden_available() else [["a", "b", "c"], ["x", "y", "z"]]
    [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    if not leiden_available():
        raise CommunityMethodError(text("leiden_missing"))
    import igraph
    import leidenalg

    simple = _undirected(graph)
    nodes = [n for n in sorted(simple) if simple.degree(n) > 0]
    index = {n: i for i, n in enumerate(nodes)}
    edges = [(index[u], index[v]) for u, v in simple.edges() if u in index and v in index]
    weights = [simple[nodes[a]][nodes[b]].get("weight", 1) for a, b in edges]
    ig = igraph.Graph(n=len(nodes), edges=edges)
    partition = leidenalg.find_partition(
        ig,
        leidenalg.RBConfigurationVertexPartition,
        weights=weights,
        resolution_parameter=resolution,
        seed=seed,
    )
    groups = [{nodes[i] for i in members} for members in partition if members]
    return _labelled(simple, groups, "leiden", label_size)


COMMUNITY_METHODS: dict[str, Callable[..., list[Community]]] = {"louvain": louvain, "leiden": leiden}


def communities(graph: nx.Graph, method: str = "louvain", *, seed: int = 0, resolution: float = 1.0) -> list[Community]:
    """Communities by ``method`` ("louvain", "leiden", or "auto": Leiden when installed, else Louvain).

    >>> [c.size for c in communities(nx.complete_graph(3), "louvain")]
    [3]
    """
    if method == "auto":
        method = "leiden" if leiden_available() else "louvain"
    if method not in COMMUNITY_METHODS:
        raise CommunityMethodError(
            text("unknown_value", option="--communities", value=method, choices="louvain, leiden, auto")
        )
    return COMMUNITY_METHODS[method](graph, seed=seed, resolution=resolution)


def core_numbers(graph: nx.Graph) -> dict[str, int]:
    """The k-core number of each node: the largest k such that it belongs to a subgraph where all have degree ≥ k.

    >>> core_numbers(nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]))
    {'a': 2, 'b': 2, 'c': 2, 'd': 1}
    """
    simple = _undirected(graph)
    simple = simple.copy()
    simple.remove_edges_from(nx.selfloop_edges(simple))
    return nx.core_number(simple)


def main_core(graph: nx.Graph) -> tuple[int, list[str]]:
    """The highest k with a non-empty k-core, and that core's nodes (sorted): the densely tied centre.

    >>> main_core(nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]))
    (2, ['a', 'b', 'c'])
    """
    cores = core_numbers(graph)
    if not cores:
        return 0, []
    k = max(cores.values())
    return k, sorted(n for n, c in cores.items() if c == k)


@dataclass
class Broker:
    """An entity whose removal disconnects sectors: ``separated[(a, b)]`` pairs of a-sector and b-sector nodes."""

    node: str
    separated: dict[tuple[str, str], int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.separated.values())


def _pairs_between(counts: list[Counter[str]], a: str, b: str) -> int:
    """Pairs (one a-node, one b-node) lying in different groups, given each group's sector counts."""
    total_a = sum(c[a] for c in counts)
    total_b = sum(c[b] for c in counts)
    return total_a * total_b - sum(c[a] * c[b] for c in counts)


def _cut_groups(graph: nx.Graph, sectors: Mapping[str, str | None]) -> Iterator[tuple[str, list[Counter[str]]]]:
    """For every cut vertex, the sector counts of the parts its removal leaves, in one depth-first pass.

    Tarjan's low-points: a DFS child ``c`` of ``v`` with ``low[c] >= disc[v]`` is
    cut off with its whole subtree when ``v`` goes; everything else stays with the
    part above ``v`` (none for the root).  Linear in nodes + ties.
    """
    disc: dict[str, int] = {}
    for root in graph:
        if root in disc:
            continue
        low: dict[str, int] = {}
        below: dict[str, Counter[str]] = {}  # sector counts of each node's DFS subtree
        cut_children: dict[str, list[str]] = {}
        order: list[str] = []
        disc[root] = low[root] = len(disc)
        stack = [(root, None, iter(graph[root]))]
        while stack:
            node, parent, neighbours = stack[-1]
            child = next(neighbours, None)
            if child is not None:
                if child not in disc:
                    disc[child] = low[child] = len(disc)
                    stack.append((child, node, iter(graph[child])))
                elif child != parent:
                    low[node] = min(low[node], disc[child])
                continue
            stack.pop()
            order.append(node)
            below.setdefault(node, Counter())[sectors.get(node)] += 1
            if parent is not None:
                low[parent] = min(low[parent], low[node])
                below.setdefault(parent, Counter()).update(below[node])
                if low[node] >= disc[parent]:
                    cut_children.setdefault(parent, []).append(node)
        total = below[root]
        for node in order:
            children = cut_children.get(node, [])
            groups = [below[c] for c in children]
            if node != root:  # the part above, with the subtrees that reach above node
                rest = total - Counter({sectors.get(node): 1})
                for c in children:
                    rest -= below[c]
                groups.append(rest)
            if len(groups) > 1:
                yield node, groups


def sector_brokers(
    graph: nx.Graph,
    *,
    pairs: Iterable[tuple[str, str]] = BROKER_PAIRS,
    sectors: Mapping[str, str | None] | None = None,
) -> list[Broker]:
    """Entities whose removal disconnects one sector from another, most separating first.

    For each cut vertex, counts the pairs (education node, industry node) and
    (education node, government node) — other than itself — that are connected
    now and would not be without it.  Sectors come from the nodes' classes
    (:func:`kg.model.sectors.node_sectors`) unless ``sectors`` is given.

    >>> G = nx.Graph([("school1", "broker"), ("school2", "broker"), ("broker", "firm")])
    >>> [(b.node, b.separated) for b in sector_brokers(G, sectors={"school1": "education",
    ...     "school2": "education", "firm": "industry", "broker": None})]
    [('broker', {('education', 'industry'): 2})]
    """
    simple = _undirected(graph)
    sectors = node_sectors(simple) if sectors is None else sectors
    pairs = [tuple(p) for p in pairs]
    brokers = []
    for node, groups in _cut_groups(simple, sectors):
        separated = {pair: n for pair in pairs if (n := _pairs_between(groups, *pair))}
        if separated:
            brokers.append(Broker(node, separated))
    brokers.sort(key=lambda b: (-b.total, b.node))
    return brokers


def components(graph: nx.Graph) -> list[list[str]]:
    """Connected components (ties in either direction), largest first, each sorted.

    >>> components(nx.Graph([("a", "b"), ("c", "d"), ("d", "e")]))
    [['c', 'd', 'e'], ['a', 'b']]
    """
    simple = _undirected(graph)
    return sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c))


def isolates(graph: nx.Graph) -> list[str]:
    """Entities with no relation at all (data gaps: named in a text, linked to nothing), sorted.

    >>> G = nx.Graph([("a", "b")]); G.add_node("lonely")
    >>> isolates(G)
    ['lonely']
    """
    return sorted(nx.isolates(_undirected(graph)))


@dataclass
class Analysis:
    """Everything :func:`analyze` computes; node ids are IRIs, ``labels`` maps them to labels."""

    nodes: int
    edges: int
    ties: int
    density: float
    labels: dict[str, str]
    classes: dict[str, str]
    sectors: dict[str, str | None]
    degree: dict[str, int]
    weighted_degree: dict[str, int]
    betweenness: dict[str, float]
    betweenness_sampled: bool
    pagerank: dict[str, float]
    core_number: dict[str, int]
    main_core: tuple[int, list[str]]
    communities: list[Community]
    brokers: list[Broker]
    components: list[list[str]]
    isolates: list[str]
    sector_sizes: dict[str, int]

    def community_of(self) -> dict[str, int]:
        """Community id of every node in a community."""
        return {n: c.id for c in self.communities for n in c.members}

    def centrality_of(self, node: str) -> dict[str, float]:
        """All centrality values of one node."""
        return {
            "degree": self.degree.get(node, 0),
            "weighted_degree": self.weighted_degree.get(node, 0),
            "betweenness": self.betweenness.get(node, 0.0),
            "pagerank": self.pagerank.get(node, 0.0),
            "core_number": self.core_number.get(node, 0),
        }


def analyze(graph: nx.Graph, *, method: str = "louvain", seed: int = 0, resolution: float = 1.0) -> Analysis:
    """Run every metric of this module over ``graph`` and return them together.

    >>> result = analyze(nx.Graph([("a", "b"), ("b", "c")]))
    >>> result.nodes, result.ties, top(result.betweenness, 1)
    (3, 2, [('b', 1.0)])
    """
    simple = _undirected(graph)
    sectors = node_sectors(simple)
    sample = betweenness_sample(simple)
    sizes = Counter(s for s in sectors.values() if s)
    return Analysis(
        nodes=simple.number_of_nodes(),
        edges=graph.number_of_edges(),
        ties=simple.number_of_edges(),
        density=nx.density(simple) if simple.number_of_nodes() > 1 else 0.0,
        labels={n: str(d.get("label", n)) for n, d in simple.nodes(data=True)},
        classes={n: str(d.get("cls", "")) for n, d in simple.nodes(data=True)},
        sectors=sectors,
        degree=degree(simple),
        weighted_degree=weighted_degree(simple),
        betweenness=betweenness(simple, sample=sample, seed=seed),
        betweenness_sampled=sample is not None,
        pagerank=pagerank(simple),
        core_number=core_numbers(simple),
        main_core=main_core(simple),
        communities=communities(simple, method, seed=seed, resolution=resolution),
        brokers=sector_brokers(simple, sectors=sectors),
        components=components(simple),
        isolates=isolates(simple),
        sector_sizes={s: sizes.get(s, 0) for s in SECTORS},
    )


def summary_statistics(values: Iterable[float]) -> dict[str, float]:
    """Mean, median and maximum of some values (all 0 when there are none).

    >>> summary_statistics([0, 1, 5])
    {'mean': 2.0, 'median': 1, 'max': 5}
    """
    values = list(values)
    if not values:
        return {"mean": 0.0, "median": 0, "max": 0}
    return {"mean": statistics.fmean(values), "median": statistics.median(values), "max": max(values)}


def sector_pair_label(pair: tuple[str, str]) -> str:
    """``education–industry`` for a sector pair."""
    return "–".join(pair)
