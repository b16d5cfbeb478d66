"""Network metrics on small hand-built graphs with known answers, and the projection of the bundled data."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analysis import metrics as analysis
from kg.analysis.metrics import (
    CommunityMethodError,
    analyze,
    betweenness,
    communities,
    components,
    core_numbers,
    degree,
    isolates,
    leiden,
    louvain,
    main_core,
    pagerank,
    rank_by_class,
    sector_brokers,
    simple_graph,
    weighted_degree,
)
from kg.analysis.projection import project
from kg.model.sectors import SECTOR_OF_CLASS, sector_of
from kg.model.vocab import KGR, classes
from kg.store.embedded import Store


def _graph(edges, classes_=None) -> nx.MultiDiGraph:
    """A projected-like graph: nodes carry label (upper-case id) and cls."""
    G = nx.MultiDiGraph()
    for u, v, *rest in edges:
        G.add_edge(u, v, relation=rest[0] if rest else "cooperatesWith")
    for node in G:
        G.nodes[node].update(label=node.upper(), cls=(classes_ or {}).get(node, "Program"), aliases=[])
    return G


def test_degree_counts_partners_and_weighted_degree_counts_assertions():
    # a→b twice (two relations), b→a once more, a→c once: a has 2 partners and 4 assertions.
    G = _graph([("a", "b", "builds"), ("a", "b", "leads"), ("b", "a", "hosts"), ("a", "c")])
    assert degree(G) == {"a": 2, "b": 1, "c": 1}
    assert weighted_degree(G) == {"a": 4, "b": 3, "c": 1}
    assert simple_graph(G)["a"]["b"] == {"weight": 3, "relations": ["builds", "hosts", "leads"]}


def test_betweenness_on_a_path():
    # a-b-c-d: b lies on the shortest paths a–c and a–d, 2 of the 3 pairs not involving b.
    G = _graph([("a", "b"), ("b", "c"), ("c", "d")])
    assert betweenness(G) == pytest.approx({"a": 0.0, "b": 2 / 3, "c": 2 / 3, "d": 0.0})


def test_betweenness_sampling_is_used_only_when_asked_or_large():
    G = _graph([("a", "b"), ("b", "c"), ("c", "d")])
    assert betweenness(G, sample=10) == betweenness(G)  # a sample as large as the graph is exact


def test_pagerank_of_a_star_matches_the_closed_form():
    # Star with centre x and 3 leaves, alpha 0.85, N = 4:
    # leaf = 0.15/4 + 0.85·x/3, x = 0.15/4 + 0.85·3·leaf → x = 0.133125 / 0.2775 = 0.479730, leaf = (1 − x)/3.
    G = _graph([("x", "l1"), ("x", "l2"), ("l3", "x")])
    scores = pagerank(G)
    assert scores["x"] == pytest.approx(0.133125 / 0.2775, abs=1e-5)
    assert scores["l1"] == pytest.approx((1 - 0.133125 / 0.2775) / 3, abs=1e-5)
    assert sum(scores.values()) == pytest.approx(1.0)


def test_pagerank_weights_parallel_relations():
    # a–b linked by 3 assertions, b–c by 1: a outranks c although both have one partner.
    scores = pagerank(_graph([("a", "b"), ("a", "b", "leads"), ("b", "a", "hosts"), ("b", "c")]))
    assert scores["a"] > scores["c"]


def test_rank_by_class_groups_by_broad_class():
    G = _graph(
        [("s1", "c"), ("s2", "c"), ("u", "c")],
        {"s1": "PrimarySchool", "s2": "SecondaryVocationalSchool", "u": "University", "c": "Company"},
    )
    ranked = rank_by_class(G, {"s1": 0.1, "s2": 0.3, "u": 0.2, "c": 0.4}, n=2)
    assert ranked == {"Company": [("c", 0.4)], "School": [("s2", 0.3), ("s1", 0.1)], "College": [("u", 0.2)]}


TWO_TRIANGLES = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "x"), ("x", "y"), ("y", "z"), ("z", "x")]


def test_louvain_finds_the_two_triangles_and_labels_them_by_central_members():
    G = _graph(TWO_TRIANGLES)
    G.add_node("lonely", label="LONELY", cls="Program", aliases=[])
    found = louvain(G)
    assert [sorted(c.members) for c in found] == [["a", "b", "c"], ["x", "y", "z"]]
    # Inside each triangle all have strength 2; the bridge ends c and x have the most ties overall.
    assert [c.label for c in found] == ["C · A", "X · Y"]
    assert [c.id for c in found] == [1, 2]
    assert all(c.method == "louvain" for c in found)


def test_leiden_finds_the_same_triangles():
    pytest.importorskip("leidenalg")  # in the test extra; an optional dependency for users
    found = leiden(_graph(TWO_TRIANGLES))
    assert [sorted(c.members) for c in found] == [["a", "b", "c"], ["x", "y", "z"]]
    assert found[0].method == "leiden"


def test_leiden_without_its_libraries_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(analysis, "leiden_available", lambda: False)
    with pytest.raises(CommunityMethodError, match="pip install"):
        communities(_graph(TWO_TRIANGLES), "leiden")
    assert communities(_graph(TWO_TRIANGLES), "auto")[0].method == "louvain"
    with pytest.raises(CommunityMethodError, match="--communities：未知取值"):
        communities(_graph(TWO_TRIANGLES), "girvan")


def test_k_core():
    # K4 {a,b,c,d} is the 3-core; e hangs on a triangle with a and b (2-core); f is a pendant (1).
    edges = [(u, v) for i, u in enumerate("abcd") for v in "abcd"[i + 1 :]]
    edges += [("e", "a"), ("e", "b"), ("f", "e")]
    G = _graph(edges)
    assert core_numbers(G) == {"a": 3, "b": 3, "c": 3, "d": 3, "e": 2, "f": 1}
    assert main_core(G) == (3, ["a", "b", "c", "d"])
    assert main_core(nx.Graph()) == (0, [])


def test_sector_brokers():
    # s1 (school) and s2 (university) reach company c only through program p; agency g hangs on s1.
    # Without p: {s1, g}, {s2}, {c} → education–industry pairs cut: s1–c, s2–c = 2; education–government: s2–g = 1.
    # Without s1: {g}, {p, s2, c} → education–government pair s2–g cut = 1 (s1 itself does not count).
    G = _graph(
        [("s1", "p"), ("s2", "p"), ("c", "p"), ("g", "s1")],
        {"s1": "PrimarySchool", "s2": "University", "c": "Company", "g": "GovernmentAgency", "p": "Project"},
    )
    found = [(b.node, b.separated, b.total) for b in sector_brokers(G)]
    assert found == [
        ("p", {("education", "industry"): 2, ("education", "government"): 1}, 3),
        ("s1", {("education", "government"): 1}, 1),
    ]


def test_components_and_isolates():
    G = _graph([("a", "b"), ("c", "d"), ("d", "e")])
    G.add_node("z", label="Z", cls="Person", aliases=[])
    assert components(G) == [["c", "d", "e"], ["a", "b"], ["z"]]
    assert isolates(G) == ["z"]


def test_analyze_bundles_every_metric():
    result = analyze(_graph(TWO_TRIANGLES))
    assert (result.nodes, result.edges, result.ties) == (6, 7, 7)
    assert result.main_core == (2, ["a", "b", "c", "x", "y", "z"])
    assert result.betweenness["c"] == result.betweenness["x"] == max(result.betweenness.values())
    assert result.community_of() == {"a": 1, "b": 1, "c": 1, "x": 2, "y": 2, "z": 2}
    assert result.isolates == [] and len(result.components) == 1


def test_every_sector_class_exists_and_sectors_cover_the_actors():
    assert set(SECTOR_OF_CLASS) <= set(classes())
    assert sector_of("District") == sector_of("City") == "government"  # places act as governments in news text
    assert sector_of("IndustryCollege") == "industry"
    assert sector_of("ParentSchool") == "education"
    assert sector_of("PracticeBase") == "society"
    assert sector_of("Initiative") is None and sector_of("Person") is None


def test_projection_of_the_bundled_data(store: Store):
    G = project(store)
    (row,) = store.select("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:RelationAssertion }")
    assert G.number_of_edges() == int(row["n"]) == 151  # 149 curated + 2 namesake links to 华为
    assert G.number_of_nodes() == 146
    known = set(classes())
    for node, data in G.nodes(data=True):
        assert node.startswith(str(KGR)), node  # entities only: no literal, class, document or assertion node
        assert data["cls"] in known and data["cls"] not in {"SourceDocument", "RelationAssertion", "Indicator"}
    assert {d["relation"] for *_, d in G.edges(data=True)} <= {
        "cooperatesWith", "integratesWith", "trains", "builds", "hosts", "leads", "initiates", "hasAward",
        "designatedAs", "locatedIn", "partOf", "memberOf", "participatesIn", "offers", "worksAt",
        "namedAfter",  # the namesake links the build adds (华为赛力斯 → 华为)
    }  # fmt: skip
    assert all(d["evidence"] and d["source"] for *_, d in G.edges(data=True))


def test_analysis_of_the_bundled_data(store: Store):
    result = analyze(project(store))
    label = result.labels
    # 大足区 initiates, builds, hosts or takes part in 46 distinct entities of its article: the top hub.
    assert label[max(result.pagerank, key=result.pagerank.get)] == "大足区"
    assert result.degree[str(KGR["da-zu-qu"])] == 46
    # Isolated: the two cities, the three authors, 融汇小学, the festival seen only in a caption, and two
    # platforms the text names without a relation.  华为, named only inside other names, is no longer
    # isolated: 华为ICT实训基地 and 华为赛力斯 are kg:namedAfter it.
    assert sorted(label[n] for n in result.isolates) == sorted(
        [
            "成都市",
            "重庆市",
            "邹杨",
            "黄丹",
            "周珣",
            "融汇小学",
            "大足区第四届师生体育艺术节",
            "智能研修平台",
            "课堂教学行为热力图",
        ]
    )
    brokers = {label[b.node]: b for b in result.brokers}
    # 巴南区 is the only link between 重庆理工大学 (+ its industry college) and 青年职院's platforms and the park.
    assert brokers["巴南区"].separated[("education", "industry")] > 0
    # 华为赛力斯 → 华为 ← 华为ICT实训基地 (namesake links) now joins 巴南职教中心's partners to the park:
    # 华为赛力斯 is the broker between them, and 巴南职教中心 no longer only holds dangling partners.
    assert brokers["华为赛力斯"].separated[("education", "industry")] > 0


def _brokers_by_removal(G: nx.Graph, sectors: dict) -> dict:
    """Reference: remove each node in turn and count the sector pairs that lose their connection."""
    from itertools import combinations

    result = {}
    for node in G:
        before = {frozenset(p) for c in nx.connected_components(G) for p in combinations(c - {node}, 2)}
        rest = G.subgraph(set(G) - {node})
        after = {frozenset(p) for c in nx.connected_components(rest) for p in combinations(c, 2)}
        separated = {}
        for a, b in analysis.BROKER_PAIRS:
            n = sum(1 for p in before - after if sorted(sectors[x] or "" for x in p) == sorted([a, b]))
            if n:
                separated[(a, b)] = n
        if separated:
            result[node] = separated
    return result


@pytest.mark.parametrize("seed", range(8))
def test_sector_brokers_agree_with_removing_each_node(seed: int):
    import random

    rng = random.Random(seed)
    G = nx.gnm_random_graph(40, 44, seed=seed)  # sparse: many cut vertices and several components
    G = nx.relabel_nodes(G, {n: f"n{n}" for n in G})
    sectors = {n: rng.choice(["education", "industry", "government", "society", None]) for n in G}
    found = {b.node: b.separated for b in sector_brokers(G, sectors=sectors)}
    assert found == _brokers_by_removal(G, sectors)
