"""`kg analyze`: every output format, --district, --compare, write-back, and safe HTML."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kg.analysis.projection import project
from kg.analysis.writeback import ANALYSIS_GRAPH
from kg.cli import main
from kg.model.vocab import DOC, KG, KGR, ONTOLOGY_GRAPH, ontology
from kg.outputs.report import analysis_report, render_html
from kg.sources.build import summarize
from kg.store.embedded import Store


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_text_report_on_a_terminal(store_path: Path):
    result = _run("--lang", "en", "analyze", "--store", str(store_path))
    assert result.exit_code == 0
    out = result.output
    for heading in ("Hubs: top 10 by PageRank", "Communities (louvain)", "Sector brokers", "Isolated entities"):
        assert heading in out
    assert re.search(r"^ 1  大足区 +District +government +46 +48 ", out, re.M)  # the top hub, degree and assertions
    assert re.search(r"^education–industry ties +0 +8 +0$", out, re.M)  # 大足区, 巴南区, 成都高新区


def test_compare_prints_the_indicators_side_by_side(store_path: Path):
    result = _run("--lang", "en", "analyze", "--store", str(store_path), "--compare", "巴南区", "大足区")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert re.match(r"indicator +巴南区 +大足区$", next(x for x in lines if x.startswith("indicator ")))
    assert any(
        re.match(r"share of schools/colleges with ≥1 industry partner +23\.1% \(3/13\) +0\.0% \(0/1\)$", x)
        for x in lines
    )
    assert "巴南区 in detail" in result.output and "大足区 in detail" in result.output
    assert "Not computable from a news graph" in result.output


def test_reports_are_in_chinese_unless_asked_otherwise(store_path: Path):
    """Section titles, column names, indicator names, classes and sectors: Chinese by default."""
    out = _run("analyze", "--store", str(store_path), "--compare", "巴南区", "大足区").output
    assert out.startswith("kg 区县比较 — 巴南区 与 大足区\n")
    lines = out.splitlines()
    assert re.match(r"指标 +巴南区 +大足区$", next(x for x in lines if x.startswith("指标 ")))
    assert any(re.match(r"有产业合作方的学校/高校占比 +23\.1% \(3/13\) +0\.0% \(0/1\)$", x) for x in lines)
    assert "新闻图谱无法计算的指标" in out and "双师型教师占比" in out
    whole = _run("analyze", "--store", str(store_path)).output
    assert re.search(r"^ 1  大足区 +区县 +政府 +46 +48 ", whole, re.M)  # class and sector named in Chinese
    assert "枢纽：PageRank 前 10 名：" in whole and "Hubs" not in whole


def test_json_format(store_path: Path):
    data = json.loads(_run("analyze", "--store", str(store_path), "--format", "json").output)
    assert data["graph"]["entities"] == 146 and data["graph"]["relation_assertions"] == 151  # + 2 namesake links
    assert data["entities"][0]["label"] == "大足区" and data["entities"][0]["degree"] == 46
    assert sum(e["pagerank"] for e in data["entities"]) == pytest.approx(1.0)
    districts = {d["label"]: d for d in data["districts"]}
    assert districts["巴南区"]["values"]["education_industry_ties"] == 8
    assert set(data["indicator_definitions"]) == set(districts["巴南区"]["values"])
    compared = json.loads(
        _run("analyze", "--store", str(store_path), "--compare", "巴南", "大足", "--format", "json").output
    )
    assert compared["compare"] == ["巴南区", "大足区"]


def test_markdown_format_and_district_filter(store_path: Path, tmp_path: Path):
    out = tmp_path / "banan.md"
    result = _run("--lang", "en", "analyze", "--store", str(store_path), "--district", "巴南区", "--out", str(out))
    assert result.exit_code == 0 and f"wrote {out}" in result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# kg analysis — 巴南区\n")
    assert "| 1 | 巴南区 | District | government |" in text  # 巴南区 leads its own scope
    assert "大足区教委" not in text  # no 大足 entity is a member or a partner of 巴南区
    assert "**巴南区: platforms and who takes part**" in text


def test_class_and_relation_filters(store_path: Path):
    data = json.loads(
        _run("analyze", "--store", str(store_path), "--relation", "integratesWith", "--format", "json").output
    )
    # The four integratesWith assertions, all from 巴南职教中心.
    assert data["graph"]["relation_assertions"] == 4 and data["entities"][0]["label"] == "巴南职教中心"
    data = json.loads(_run("analyze", "--store", str(store_path), "--class", "School", "--format", "json").output)
    assert {e["class"] for e in data["entities"]} <= {"PrimarySchool", "SecondarySchool", "SecondaryVocationalSchool"}


def test_html_format_is_self_contained(store_path: Path, tmp_path: Path):
    out = tmp_path / "report.html"
    assert (
        _run("analyze", "--store", str(store_path), "--compare", "巴南区", "大足区", "--out", str(out)).exit_code == 0
    )
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "巴南区" in page
    assert "<script" not in page.lower() and "<link" not in page.lower()
    assert set(re.findall(r"https?://[^\s\"'<>]+", page)) <= {"http://www.w3.org/2000/svg"}  # nothing remote


def test_usage_errors(store_path: Path):
    runner = CliRunner()
    result = runner.invoke(main, ["analyze", "--store", str(store_path), "巴南区", "大足区"])
    assert result.exit_code == 2 and "--compare" in result.output
    result = runner.invoke(main, ["analyze", "--store", str(store_path), "--compare", "巴南区"])
    assert result.exit_code == 2 and "两个或更多区县" in result.output
    result = runner.invoke(main, ["analyze", "--store", str(store_path), "--district", "巴南县"])
    assert result.exit_code == 1 and result.output.startswith("kg: 没有名为“巴南县”的实体；是否要找")
    result = runner.invoke(main, ["analyze", "--store", str(store_path), "--district", "巴南职教中心"])
    assert result.exit_code == 1 and "不是区县" in result.output
    result = runner.invoke(main, ["analyze", "--store", str(store_path), "--district", "巴南区", "--write-back"])
    assert result.exit_code == 2 and "全图结果" in result.output


def test_write_back_into_its_own_graph(store_path: Path, tmp_path: Path):
    copy = tmp_path / "store"
    shutil.copytree(store_path, copy)
    with Store(copy) as store:
        before = summarize(store)
    result = _run("--lang", "en", "analyze", "--store", str(copy), "--write-back", "--format", "json")
    data = json.loads(result.stdout)
    assert "wrote" in result.stderr and str(ANALYSIS_GRAPH) in result.stderr
    with Store(copy, read_only=True) as store:
        assert str(ANALYSIS_GRAPH) in store.graph_names()
        rows = store.select(
            "SELECT ?g ?e ?rank ?degree WHERE { GRAPH ?g { ?e kg:pageRank ?rank ; kg:degree ?degree } }",
            bindings={"e": KGR["da-zu-qu"], "g": ANALYSIS_GRAPH},
        )
        assert len(rows) == 1 and int(rows[0]["degree"]) == 46
        assert float(rows[0]["rank"]) == pytest.approx(data["entities"][0]["pagerank"])
        (row,) = store.select(
            "SELECT ?g (COUNT(DISTINCT ?c) AS ?n) "
            "WHERE { GRAPH ?g { ?c a prov:Collection ; prov:hadMember ?m } } GROUP BY ?g",
            bindings={"g": ANALYSIS_GRAPH},
        )
        assert int(row["n"]) == len(data["communities"])
        # Entities, relations and the projection are unchanged by the results written next to them.
        after = summarize(store)
        assert (after.entities_per_class, after.relations_per_kind) == (
            before.entities_per_class,
            before.relations_per_kind,
        )
        assert project(store).number_of_nodes() == 146
        size = sum(1 for _ in store.quads(str(ANALYSIS_GRAPH)))
    _run("analyze", "--store", str(copy), "--write-back")  # again: the graph is replaced, not added to
    with Store(copy, read_only=True) as store:
        assert sum(1 for _ in store.quads(str(ANALYSIS_GRAPH))) == size


def test_a_report_that_cannot_be_written_writes_nothing_back(store_path: Path, tmp_path: Path):
    copy = tmp_path / "store"
    shutil.copytree(store_path, copy)
    result = CliRunner().invoke(
        main, ["analyze", "--store", str(copy), "--write-back", "--out", str(tmp_path / "no/r.md")]
    )
    assert result.exit_code == 1 and result.output.startswith("kg: --out ") and "不存在" in result.output
    with Store(copy, read_only=True) as store:
        assert str(ANALYSIS_GRAPH) not in store.graph_names()


def test_document_text_is_escaped_in_html():
    hostile = "<script>alert('x')</script>&<b>"
    school, firm, doc = KGR.evil, KGR.firm, DOC["evil-doc"]
    entities = Graph()
    entities.add((school, RDF.type, KG.SecondaryVocationalSchool))
    entities.add((school, RDFS.label, Literal(hostile, lang="zh")))
    entities.add((firm, RDF.type, KG.Company))
    entities.add((firm, RDFS.label, Literal("<img src=x onerror=alert(1)>", lang="zh")))
    facts = Graph()
    assertion = URIRef("https://w3id.org/kg-cityedu/assertion/evil")
    facts.add((school, KG.integratesWith, firm))
    for p, o in [
        (RDF.type, KG.RelationAssertion),
        (RDF.subject, school),
        (RDF.predicate, KG.integratesWith),
        (RDF.object, firm),
        (KG.evidence, Literal(hostile)),
    ]:
        facts.add((assertion, p, o))
    store = Store()
    store.replace_graphs(
        {ONTOLOGY_GRAPH: ontology(), URIRef("https://w3id.org/kg-cityedu/graph/entities"): entities, doc: facts}
    )
    page = render_html(analysis_report(store))
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&amp;&lt;b&gt;" in page
