"""`kg path`: shortest chains of relations between seed entities, with evidence; unknown names explained."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.analysis.paths import NoPathError, path_graph, shortest_paths
from kg.analysis.projection import UnknownEntityError, project
from kg.cli import main
from kg.model.vocab import KGR
from kg.store.embedded import Store


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_path_between_a_college_and_the_vocational_park(store: Store):
    graph = project(store)
    (path,) = shortest_paths(graph, "重庆理工大学", "重庆高职城")
    # 巴南区 cooperatesWith 重庆理工大学; 重庆高职城 locatedIn 巴南区.
    assert [(graph.nodes[h.source]["label"], graph.nodes[h.target]["label"]) for h in path] == [
        ("重庆理工大学", "巴南区"),
        ("巴南区", "重庆高职城"),
    ]
    first, second = (hop.statements[0] for hop in path)
    assert (first.subject, first.relation, first.object) == (str(KGR["ba-nan-qu"]), "cooperatesWith", path[0].source)
    assert "重庆理工大学" in first.evidence and first.source.endswith("banan-d85cd3f1")
    assert (
        second.relation == "locatedIn"
        and second.evidence == "重庆高职城的发展，也见证着巴南教育、产业与城市的共生共长。"
    )


def test_path_accepts_aliases_and_iris(store: Store):
    graph = project(store)
    by_alias = shortest_paths(graph, "长安", "巴南职教中心")  # 长安 is the alias of 长安汽车
    by_iri = shortest_paths(graph, str(KGR["chang-an-qi-che"]), "巴南职教中心")
    assert len(by_alias) == 1 and len(by_alias[0]) == 1
    assert by_alias[0][0].statements[0].relation == "integratesWith"
    assert [h.source for h in by_iri[0]] == [h.source for h in by_alias[0]]


def test_path_lists_every_assertion_of_a_hop(store: Store):
    graph = project(store)
    # 大足区 cooperatesWith 北京师范大学, and 北京师范大学 trains 大足区: one hop, two statements.
    ((hop,),) = shortest_paths(graph, "大足区", "北京师范大学")
    assert sorted(s.relation for s in hop.statements) == ["cooperatesWith", "trains"]


def test_unconnected_and_unknown_entities(store: Store):
    graph = project(store)
    with pytest.raises(NoPathError, match="没有联系"):
        shortest_paths(graph, "巴南区", "大足区")
    with pytest.raises(UnknownEntityError, match=r"是否要找：.*巴南职教中心"):
        shortest_paths(graph, "巴南职教", "长安")


def test_cli_path_text_and_json(store_path: Path):
    result = _run("path", "--store", str(store_path), "巴南职教中心", "华为赛力斯")
    assert result.exit_code == 0
    assert "巴南职教中心 —产教融合(integratesWith)→ 华为赛力斯" in result.output
    assert "“巴南职教中心联合华为赛力斯、涵泰汽修等多家企业" in result.output
    result = _run("path", "--store", str(store_path), "--format", "json", "重庆理工大学", "重庆高职城")
    (path,) = json.loads(result.output)
    assert [hop["to_label"] for hop in path] == ["巴南区", "重庆高职城"]
    assert path[1]["statements"][0]["relation_label"] == "位于"


def test_cli_path_in_english_names_relations_in_english(store_path: Path):
    result = _run("--lang", "en", "path", "--store", str(store_path), "巴南职教中心", "华为赛力斯")
    assert "巴南职教中心 —integrates industry and education with(integratesWith)→ 华为赛力斯" in result.output
    assert "source: https://w3id.org/kg-cityedu/doc/banan-d85cd3f1" in result.output


def test_cli_unknown_name_is_a_one_line_error(store_path: Path):
    result = CliRunner().invoke(main, ["path", "--store", str(store_path), "重庆理工", "不存在的学校"])
    assert result.exit_code == 1
    assert result.output.startswith("kg: 没有名为“重庆理工”的实体；是否要找：")
    assert "重庆理工大学" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no traceback
    result = CliRunner().invoke(main, ["path", "--store", str(store_path), "巴南区", "大足区"])
    assert (
        result.exit_code == 1 and result.output.strip() == "kg: 巴南区 与 大足区 之间没有联系：没有任何关系链连接二者"
    )


def test_a_path_search_stops_at_its_reach(store):
    from kg.analysis.paths import PathSearchLimit

    with pytest.raises(PathSearchLimit):
        path_graph(store, "重庆理工大学", "大足区", reach=3)
