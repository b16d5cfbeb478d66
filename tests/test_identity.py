"""Cross-document identity (merges as owl:sameAs, reversible) and namesakes (kg:namedAfter), on real data."""

from __future__ import annotations

import shutil
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.analysis.projection import Streamed, find_entity, project
from kg.cli import main
from kg.extract.ingest import ingest, remove_document
from kg.extract.pipeline import Extractor, default_gazetteer
from kg.model.terms import is_a
from kg.sources.identity import (
    SAME_AS_PREFIX,
    Described,
    duplicates,
    find_merges,
    find_namesakes,
    identity_key,
    merges,
)
from kg.store.embedded import Store

FIXTURES = Path(__file__).parent / "fixtures" / "identity"
LEGAL = FIXTURES / "banan-huawei-legal.txt"  # written for these tests: 华为技术有限公司 / 华为公司 / 华为ICT学院
SHORT = FIXTURES / "banan-huawei-short.txt"  # 华为公司 alone: within one text it is the short form of the legal name


@pytest.fixture
def built(store_path: Path, tmp_path: Path) -> Path:
    target = tmp_path / "store"
    shutil.copytree(store_path, target)
    return target


def test_rules_merge_short_legal_and_traditional_names_only():
    names = ["华为", "华为公司", "华为技术有限公司", "華為技術有限公司", "華為"]
    entities = [Described(f"kgr:{i}", n, "Company") for i, n in enumerate(names)]
    entities += [Described("kgr:x", "华为赛力斯", "Company"), Described("kgr:y", "华为ICT实训基地", "TrainingBase")]
    found = find_merges(entities)
    clusters = nx.Graph([(m.a, m.b) for m in found])
    assert sorted(map(sorted, nx.connected_components(clusters))) == [[f"kgr:{i}" for i in range(5)]]
    assert {identity_key(n) for n in names} == {"华为"}
    # a namesake is not the organisation: 华为赛力斯 and the training base are linked to 华为, never merged
    assert {(a.label, b.label) for a, b, _ in find_namesakes(entities[:1] + entities[5:])} == {
        ("华为赛力斯", "华为"),
        ("华为ICT实训基地", "华为"),
    }


def test_same_identifier_merges_across_names_and_incompatible_classes_do_not():
    old = Described("kgr:a", "重庆科技学院", "University", city="重庆市")  # the 2024 rename: one 学校标识码
    new = Described("kgr:b", "重庆科技大学", "University")
    assert [(m.a, m.b, m.rule) for m in find_merges([old, new])] == [("kgr:a", "kgr:b", "same-identifier")]
    assert find_merges([Described("kgr:c", "长安", "Company"), Described("kgr:d", "长安", "District")]) == []
    assert (
        find_merges(
            [
                Described("kgr:e", "实验中学", "SecondarySchool", city="重庆市"),
                Described("kgr:f", "实验中学", "SecondarySchool", city="成都市"),
            ]
        )
        == []
    )  # same name, different cities


def test_bundled_graph_links_namesakes_and_path_finds_huawei(store: Store):
    runner = CliRunner()
    result = runner.invoke(main, ["path", "巴南职教中心", "华为", "--store", str(store.path)])
    assert result.exit_code == 0, result.output
    assert "巴南职教中心 — 华为赛力斯 — 华为" in result.output
    assert "冠名(namedAfter)" in result.output and "巴南职教中心联合华为赛力斯" in result.output
    G = project(store)
    orgs = {n: d for n, d in G.nodes(data=True) if is_a(d["cls"], "Organization")}
    # no isolated organisation whose name another organisation's name carries
    for node, data in orgs.items():
        carried = any(data["label"] in other["label"] and other is not data for other in orgs.values())
        assert not (carried and G.degree(node) == 0), data["label"]


def test_ingest_merges_one_company_across_documents_and_unmerge_is_remembered(built: Path):
    runner = CliRunner()
    with Store(built) as store:
        ingest(store, [LEGAL, SHORT])
        found = {(m.a_label, m.b_label, m.rule) for m in merges(store)}
        assert ("华为", "华为技术有限公司", "same-name") in found and ("华为", "华为公司", "same-name") in found
        assert all(g.startswith(SAME_AS_PREFIX) for g in store.graph_names() if "same-as" in g)
        G = project(store)
        huawei = find_entity(G, "华为技术有限公司")
        assert huawei == find_entity(G, "华为") == find_entity(G, "華為") == find_entity(G, "华为公司")
        assert {"华为", "华为公司"} <= set(G.nodes[huawei]["aliases"]) | {G.nodes[huawei]["label"]}
        assert_streamed_is_projected(store, G)
    result = runner.invoke(main, ["path", "重庆青年职业技术学院", "华为赛力斯", "--store", str(built)])
    assert result.exit_code == 0 and "华为赛力斯" in result.output  # through the merged 华为
    result = runner.invoke(main, ["entities", "merges", "--store", str(built)])
    assert result.exit_code == 0 and "华为技术有限公司" in result.output and "same-name" in result.output
    result = runner.invoke(main, ["entities", "unmerge", "华为", "华为公司", "--store", str(built)])
    assert result.exit_code == 0 and "已拆开 华为 与 华为公司" in result.output
    with Store(built) as store:
        ingest(store, [LEGAL, SHORT])  # the same ingest again: the rules do not redo what a person undid
        pairs = {(m.a_label, m.b_label) for m in merges(store)}
        assert ("华为", "华为公司") not in pairs and ("华为", "华为技术有限公司") in pairs
        G = project(store)  # and the analysis keeps them apart, though both are merged with 华为技术有限公司
        assert find_entity(G, "华为") != find_entity(G, "华为公司")
        assert_streamed_is_projected(store, G)
        remove_document(store, "banan-bf9d1bcf")  # the merges its entities carried go with it
        assert merges(store) == []


def test_a_long_document_written_again_drops_the_merges_only_its_old_version_made(built: Path, tmp_path: Path):
    """A text longer than a block is written part by part; its old version's merges are looked up once, not per part."""
    release = tmp_path / "long-release.txt"
    filler = "巴南区教师进修学院组织全区教师开展专题教研，交流课堂教学经验。\n" * 40
    extractor = Extractor(default_gazetteer(), block=600)  # several blocks
    release.write_text("巴南职教中心与华为技术有限公司签署校企合作协议。\n" + filler, encoding="utf-8")
    with Store(built) as store:
        ingest(store, [release], extractor=extractor)
        assert ("华为", "华为技术有限公司", "same-name") in {(m.a_label, m.b_label, m.rule) for m in merges(store)}
    release.write_text("巴南职教中心与重庆长安汽车股份有限公司签署校企合作协议。\n" + filler, encoding="utf-8")
    with Store(built) as store:
        ingest(store, [release], extractor=extractor)
        assert merges(store) == []  # not a merge left pointing at an entity no graph names


def assert_streamed_is_projected(store: Store, G) -> None:
    """The exports' streamed projection (merged clusters, aliases, degrees) is the projection, in file order."""
    streamed = Streamed(store)
    nodes = list(streamed.nodes())
    assert [n for n, _ in nodes] == sorted(G.nodes) and dict(nodes) == dict(G.nodes(data=True))
    edges = list(streamed.edges())
    assert [k for _, _, k, _ in edges] == sorted(k for _, _, k in G.edges(keys=True))
    assert {(u, v, k): d for u, v, k, d in edges} == {(u, v, k): d for u, v, k, d in G.edges(keys=True, data=True)}
    assert all(streamed.degree(n) == G.degree(n) for n in G.nodes)


def test_duplicates_report_and_one_line_errors(built: Path):
    runner = CliRunner()
    a = Described("kgr:a", "重庆青年职业学院", "College")
    b = Described("kgr:b", "重庆青年职业技术学院", "College")
    assert [why for *_, why in duplicates([a, b])] == ["similar names (0.89)"]
    result = runner.invoke(main, ["entities", "duplicates", "--store", str(built)])
    assert result.exit_code == 0 and "原因" in result.output and "政府机构" in result.output
    result = runner.invoke(main, ["entities", "unmerge", "华伟", "巴南区", "--store", str(built)])
    assert result.exit_code == 1 and result.output.strip().splitlines() == [
        "kg: 没有名为“华伟”的实体；是否要找：华为？"
    ]
    result = runner.invoke(main, ["entities", "unmerge", "华为", "巴南区", "--store", str(built)])
    assert result.exit_code == 1 and "没有合并" in result.output and len(result.output.splitlines()) == 1
    result = runner.invoke(main, ["path", "huawei", "巴南区", "--store", str(built)])
    assert result.exit_code == 1 and "是否要找：华为" in result.output
    result = runner.invoke(main, ["entities", "nonsense", "--store", str(built)])
    assert result.exit_code == 2
