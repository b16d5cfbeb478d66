"""SHACL validation: the bundled data, and every rule firing on a small graph broken on purpose."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace

from kg.analysis.projection import Subset
from kg.model.vocab import DOC, KG, KGR, PROV
from kg.outputs.export import export
from kg.outputs.validate import ValidationInputError, rules, validate_file, validate_store
from kg.store.embedded import Store
from kg.store.formats import FormatError

EX = Namespace("https://example.org/")

# Curated facts that break the ontology's domain/range. They are reported to the
# curators (the shapes are not loosened to hide them); when one is fixed, remove it here.
KNOWN_CURATED_VIOLATIONS: set[tuple[str, str, str]] = set()

# A small graph that passes every rule: two entities in a district, one relation
# with its assertion, one indicator, one source document.
VALID = """
@prefix kg: <https://w3id.org/kg-cityedu/ontology#> .
@prefix kgr: <https://w3id.org/kg-cityedu/id/> .
@prefix doc: <https://w3id.org/kg-cityedu/doc/> .
@prefix ex: <https://example.org/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

kgr:city a kg:City ; rdfs:label "某市"@zh .
kgr:district a kg:District ; rdfs:label "某区"@zh ; kg:city kgr:city .
kgr:school a kg:PrimarySchool ; rdfs:label "某小学"@zh , "A Primary School"@en ;
    kg:district kgr:district ; kg:city kgr:city ; kg:mentionedIn doc:d .
kgr:company a kg:Company ; rdfs:label "某公司"@zh ; kg:mentionedIn doc:d .
doc:d a kg:SourceDocument .

kgr:school kg:integratesWith kgr:company .
ex:a1 a kg:RelationAssertion ; rdf:subject kgr:school ; rdf:predicate kg:integratesWith ; rdf:object kgr:company ;
    kg:evidence "某小学与某公司共建实训基地。"@zh ; prov:wasDerivedFrom doc:d .

ex:i1 a kg:Indicator ; kg:indicatorOf kgr:school ; kg:measure "学生"@zh ; kg:value "300"^^xsd:decimal ;
    kg:unit "名"@zh ; kg:evidence "某小学有学生300名。"@zh ; prov:wasDerivedFrom doc:d .
"""

Mutation = Callable[[Graph], None]


def replace(s, p, o) -> Mutation:
    return lambda g: (g.remove((s, p, None)), g.add((s, p, o)))


def remove(s, p) -> Mutation:
    return lambda g: g.remove((s, p, None))


def add(*triples) -> Mutation:
    return lambda g: [g.add(t) for t in triples]


def assertion(name: str, s, p, o) -> list[tuple]:
    a = EX[name]
    return [(a, RDF.type, KG.RelationAssertion), (a, RDF.subject, s), (a, RDF.predicate, p), (a, RDF.object, o),
            (a, KG.evidence, Literal("原文句子。", lang="zh")), (a, PROV.wasDerivedFrom, DOC.d)]  # fmt: skip


BROKEN: dict[str, tuple[str, Mutation]] = {
    "ChineseLabel": (
        "an entity with an English label only",
        replace(KGR.company, RDFS.label, Literal("Acme", lang="en")),
    ),
    "OneLabelPerLanguage": ("two Chinese labels", add((KGR.company, RDFS.label, Literal("某某公司", lang="zh")))),
    "HasEntityClass": (
        "a relation end without a class",
        add(
            (KGR.thing, RDFS.label, Literal("某物", lang="zh")),
            (KGR.school, KG.participatesIn, KGR.thing),
            *assertion("a2", KGR.school, KG.participatesIn, KGR.thing),
        ),
    ),
    "OneMostSpecificClass": ("a company that is also a person", add((KGR.company, RDF.type, KG.Person))),
    "RelationEndClass": (
        "a course that builds (domain Actor)",
        add(
            (KGR.course, RDF.type, KG.Course),
            (KGR.course, RDFS.label, Literal("某课程", lang="zh")),
            (KGR.course, KG.builds, KGR.company),
            *assertion("a2", KGR.course, KG.builds, KGR.company),
        ),
    ),
    "RelationHasAssertion": ("a relation triple without its assertion", add((KGR.company, KG.trains, KGR.school))),
    "AssertionSubject": ("an assertion with two subjects", add((EX.a1, RDF.subject, KGR.district))),
    "AssertionPredicate": (
        "an assertion whose predicate is no relation",
        add(*assertion("a2", KGR.school, KG.district, KGR.district)),
    ),
    "AssertionObject": ("an assertion with two objects", add((EX.a1, RDF.object, KGR.district))),
    "Evidence": ("an assertion without evidence", remove(EX.a1, KG.evidence)),
    "Source": ("an assertion derived from something that is no document", replace(EX.a1, PROV.wasDerivedFrom, EX.web)),
    "IndicatorValue": ("a value that is not a number", replace(EX.i1, KG.value, Literal("三百", lang="zh"))),
    "IndicatorUnit": ("an indicator without a unit", remove(EX.i1, KG.unit)),
    "IndicatorMeasure": ("an indicator that does not say what it counts", remove(EX.i1, KG.measure)),
    "IndicatorOf": ("an indicator of nothing", remove(EX.i1, KG.indicatorOf)),
    "DistrictAttribute": ("a city given as district", add((KGR.company, KG.district, KGR.city))),
    "CityAttribute": ("a district given as city", add((KGR.company, KG.city, KGR.district))),
}


def write(graph: Graph, path: Path) -> Path:
    graph.serialize(path, format="turtle", encoding="utf-8")
    return path


def valid_graph() -> Graph:
    return Graph().parse(data=VALID, format="turtle")


def test_the_small_graph_is_valid(tmp_path: Path):
    report = validate_file(write(valid_graph(), tmp_path / "valid.ttl"))
    assert report.conforms and report.violations == []


def test_every_rule_has_a_broken_graph():
    assert sorted(BROKEN) == rules()


@pytest.mark.parametrize("rule", sorted(BROKEN))
def test_each_rule_fires_on_its_broken_graph_and_only_it(rule: str, tmp_path: Path):
    graph = valid_graph()
    BROKEN[rule][1](graph)
    report = validate_file(write(graph, tmp_path / f"{rule}.ttl"))
    assert not report.conforms, BROKEN[rule][0]
    assert {v.rule for v in report.violations} == {rule}, report.violations
    assert all(v.label and v.message for v in report.violations)


def test_violations_name_the_entity_rule_and_value(tmp_path: Path):
    graph = valid_graph()
    BROKEN["RelationEndClass"][1](graph)
    BROKEN["IndicatorValue"][1](graph)
    report = validate_file(write(graph, tmp_path / "broken.ttl"))
    by_rule = {v.rule: v for v in report.violations}
    end = by_rule["RelationEndClass"]
    assert (end.label, end.value, end.path) == ("某课程", "kg:Actor", "kg:builds")
    assert end.message == "as an end of kg:builds (with 某公司) it must be a kg:Actor (rdfs:domain / rdfs:range)"
    value = by_rule["IndicatorValue"]
    assert (value.label, value.value) == ("某小学: 学生", "三百")
    zh = {v.rule: v for v in validate_file(tmp_path / "broken.ttl", lang="zh").violations}
    assert zh["RelationEndClass"].message.startswith("作为 kg:builds 关系（对方 某公司）的一端")
    assert zh["IndicatorValue"].message == "指标须有且只有一个数值（kg:value，xsd:decimal）"


def test_an_assertion_is_described_by_what_it_states(tmp_path: Path):
    graph = valid_graph()
    BROKEN["Evidence"][1](graph)
    (violation,) = validate_file(write(graph, tmp_path / "x.ttl")).violations
    assert violation.label == "某小学 —产教融合→ 某公司" and violation.value == ""


def test_bundled_data_passes_every_rule_except_the_reported_curated_facts(store: Store):
    report = validate_store(store)
    assert {(v.label, v.rule, v.value) for v in report.violations} == KNOWN_CURATED_VIOLATIONS
    assert report.triples == len({(q.subject, q.predicate, q.object) for q in store.quads()})


def test_a_big_store_counts_its_distinct_triples_per_predicate(store: Store, monkeypatch: pytest.MonkeyPatch):
    import kg.outputs.validate as validate

    monkeypatch.setattr(validate, "ONE_SET", 0)  # as above 2,000,000 quads: no hash set of every triple
    assert validate.distinct_triples(store) == len({(q.subject, q.predicate, q.object) for q in store.quads()})


@pytest.mark.parametrize(("fmt", "suffix"), [("turtle", ".ttl"), ("trig", ".trig")])
def test_an_export_validates_like_the_store(store: Store, tmp_path: Path, fmt: str, suffix: str):
    out = io.BytesIO()
    export(store, fmt, out)
    path = tmp_path / f"kg{suffix}"
    path.write_bytes(out.getvalue())
    from_file = validate_file(path)
    assert {(v.label, v.rule, v.value) for v in from_file.violations} == KNOWN_CURATED_VIOLATIONS


def test_a_subset_export_is_valid_on_its_own(store: Store, tmp_path: Path):
    out = io.BytesIO()
    export(store, "trig", out, subset=Subset(classes=("School",), districts=("巴南区",)))
    path = tmp_path / "schools.trig"
    path.write_bytes(out.getvalue())
    report = validate_file(path)
    assert report.conforms and report.violations == []


def test_unreadable_input_is_a_clear_error(tmp_path: Path):
    broken = tmp_path / "broken.ttl"
    broken.write_text('@prefix kg: <https://w3id.org/kg-cityedu/ontology#> .\nkg:a kg:b "open .\n', encoding="utf-8")
    with pytest.raises(ValidationInputError, match=r"broken\.ttl：不是有效的 Turtle：.*line 2"):
        validate_file(broken)
    unknown = tmp_path / "data.xyz"
    unknown.write_text("x", encoding="utf-8")
    with pytest.raises(FormatError, match="无法从文件名判断RDF 格式"):
        validate_file(unknown)


# -- command line ------------------------------------------------------------------------


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KG_STORE": ""}
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, env=env)


def test_cli_prints_one_line_per_violation_and_a_summary_and_exits_1(tmp_path: Path):
    graph = valid_graph()
    for rule in ("ChineseLabel", "IndicatorUnit", "RelationHasAssertion"):
        BROKEN[rule][1](graph)
    path = write(graph, tmp_path / "broken.ttl")
    result = kg("validate", "--data", str(path))
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["实体", "规则", "数值", "说明"]
    body = lines[2 : lines.index("")]
    assert len(body) == 3
    assert any(line.startswith("某小学: 学生") and "IndicatorUnit" in line for line in body)
    assert any(line.startswith("Acme") and "RelationHasAssertion" in line and "某小学" in line for line in body)
    assert lines[-1] == (
        f"3 处违规（ChineseLabel 1, IndicatorUnit 1, RelationHasAssertion 1）：{path}，"
        f"{validate_file(path).triples} 个三元组，{len(rules())} 条规则"
    )


def test_cli_json_output_for_machines(tmp_path: Path):
    graph = valid_graph()
    BROKEN["IndicatorMeasure"][1](graph)
    result = kg("validate", "--data", str(write(graph, tmp_path / "x.ttl")), "--format", "json", "--lang", "zh")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["conforms"] is False and data["counts"] == {"IndicatorMeasure": 1}
    (violation,) = data["violations"]
    assert violation["focus"] == str(EX.i1) and violation["rule"] == "IndicatorMeasure"
    assert violation["message"].startswith("指标须写明计数对象")


def test_cli_valid_data_exits_0_and_bad_input_exits_2(tmp_path: Path):
    result = kg("validate", "--data", str(write(valid_graph(), tmp_path / "ok.ttl")))
    assert result.returncode == 0 and result.stdout.startswith("0 处违规：")
    bad = tmp_path / "bad.nt"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    result = kg("validate", "--data", str(bad))
    assert result.returncode == 2 and result.stderr.startswith(f"kg: {bad}：不是有效的 N-Triples")
    assert "Traceback" not in result.stderr


def test_cli_validates_the_store(store_path: Path):
    result = kg("validate", "--store", str(store_path))
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines() == [result.stdout.strip()]
    assert result.stdout.startswith(f"0 处违规：{store_path}，")


def test_integer_values_are_flagged_as_not_decimal(tmp_path: Path):
    graph = valid_graph()
    graph.set((EX.i1, KG.value, Literal(300, datatype=XSD.integer)))
    assert {v.rule for v in validate_file(write(graph, tmp_path / "int.ttl")).violations} == {"IndicatorValue"}


@pytest.mark.parametrize("keep", [(), ("ontology",), ("entities",)])
def test_empty_store_or_missing_registry_is_an_error_not_zero_violations(store_path: Path, tmp_path: Path, keep):
    """Exit 1 naming what is missing (one line for an empty store), not "0 violations"."""
    import shutil

    from click.testing import CliRunner

    from kg.cli import main
    from kg.model.vocab import ENTITIES_GRAPH, ONTOLOGY_GRAPH

    target = tmp_path / "store"
    if keep:
        shutil.copytree(store_path, target)
        with Store(target) as store:
            drop = ENTITIES_GRAPH if keep == ("ontology",) else ONTOLOGY_GRAPH
            store.remove_graphs([str(drop)])
    else:
        Store(target).close()
    result = CliRunner().invoke(main, ["validate", "--store", str(target)])
    assert result.exit_code == 1
    if keep:
        assert "StoreStructure" in result.output and "缺失或为空" in result.output, result.output
    else:
        assert result.output.count("\n") == 1 and "是空的" in result.output, result.output
    assert "0 处违规" not in result.output
