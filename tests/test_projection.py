"""The projection reads only what a subset can reach, with the same answer as the whole graph's."""

from __future__ import annotations

import shutil
from pathlib import Path

import networkx as nx
import pytest

from kg.analysis.paths import NoPathError, path_graph, shortest_paths
from kg.analysis.projection import Subset, SubsetError, UnknownEntityError, project, region
from kg.extract.ingest import ingest
from kg.store.embedded import Store

YUBEI = Path(__file__).parent / "fixtures" / "extract_gold" / "raw" / "yubei-vocational.txt"


def same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert sorted(a.edges(keys=True, data=True)) == sorted(b.edges(keys=True, data=True))


@pytest.mark.parametrize(
    "subset",
    [
        Subset(districts=("巴南区",)),
        Subset(districts=("大足区,巴南区",), classes=("School",)),
        Subset(focus="巴南职教中心", hops=2),
        Subset(focus="重庆理工大学", hops=1, relations=("cooperatesWith",)),
        Subset(focus="长安", hops=3),  # an alias
        Subset(max_nodes=30),
        Subset(max_nodes=5),
        Subset(districts=("巴南区",), classes=("School,College",), relations=("合作", "integratesWith"), max_nodes=30),
    ],
)
def test_subset_of_the_region_equals_subset_of_the_whole(store: Store, subset: Subset):
    whole = subset.apply(project(store))
    assert whole.number_of_nodes() > 0
    assert region(store, subset) is not None  # answered in the store, not by projecting everything
    same(subset.apply(project(store, subset)), whole)


def test_region_is_smaller_than_the_store(store: Store):
    entities = project(store).number_of_nodes()
    assert len(region(store, Subset(focus="巴南职教中心", hops=1))) < entities / 4
    assert len(region(store, Subset(districts=("大足区",)))) < entities * 0.75


def test_unknown_names_give_the_whole_graph_errors(store: Store):
    with pytest.raises(SubsetError, match="图中没有区县 '某某区'"):
        Subset(districts=("某某区",)).apply(project(store, Subset(districts=("某某区",))))
    with pytest.raises(UnknownEntityError, match="是否要找"):
        Subset(focus="巴南职教").apply(project(store, Subset(focus="巴南职教")))


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("重庆理工大学", "重庆高职城"),
        ("长安", "巴南职教中心"),
        ("大足区", "北京师范大学"),
        ("足够爱你", "党的二十届三中全会"),
    ],
)
def test_path_graph_gives_the_paths_of_the_whole_graph(store: Store, source: str, target: str):
    def chains(graph: nx.MultiDiGraph) -> list:
        return [[(h.source, h.target, h.statements) for h in path] for path in shortest_paths(graph, source, target)]

    part = path_graph(store, source, target)
    assert part.number_of_nodes() < project(store).number_of_nodes()
    assert chains(part) == chains(project(store))


def test_ingested_documents_are_projected(store_path: Path, tmp_path: Path):
    target = tmp_path / "store"
    shutil.copytree(store_path, target)
    with Store(target) as store:
        before = project(store)
        ingest(store, [YUBEI])
        after = project(store)
        added = set(after) - set(before)
        assert added and after.number_of_edges() > before.number_of_edges()
        district = next(d["district"] for n, d in after.nodes(data=True) if n in added and d["district"])
        part = Subset(districts=(district,))
        same(part.apply(project(store, part)), part.apply(after))


def test_path_graph_of_unconnected_entities_explains(store: Store):
    # 融汇小学 has no relation; (华为赛力斯 reaches 重庆理工大学 since the namesake links through 华为)
    with pytest.raises(NoPathError, match="没有联系"):
        shortest_paths(path_graph(store, "融汇小学", "重庆理工大学"), "融汇小学", "重庆理工大学")


@pytest.mark.parametrize("name", ["巴南区", "大足区"])
def test_district_graph_gives_the_indicators_and_scope_of_the_whole(store: Store, name: str):
    from kg.analysis.indicators import district_indicators, district_scope, resolve_place, stated_indicators
    from kg.analysis.projection import district_graph

    whole, part = project(store), district_graph(store, name)
    assert part.number_of_nodes() < whole.number_of_nodes()
    stated = stated_indicators(store)
    place = resolve_place(whole, name)
    assert district_indicators(part, place, stated).to_dict() == district_indicators(whole, place, stated).to_dict()
    same(district_scope(part, place), district_scope(whole, place))
