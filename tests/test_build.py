"""Building the bundled graph into a real on-disk store: counts, idempotence, inference, atomicity, export."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.model.vocab import DATA_DIR, KG, KGR, ONTOLOGY_GRAPH
from kg.outputs.export import export, union_triples
from kg.sources.build import build, summarize
from kg.sources.curated import CurationError
from kg.store import formats
from kg.store.embedded import Store

# Most specific class of every curated entity, counted by hand from data/curated/entities.yaml.
ENTITIES_PER_CLASS = {
    "Initiative": 19, "Campaign": 15, "Program": 14, "GovernmentAgency": 10, "Course": 9, "Designation": 6,
    "PrimarySchool": 6, "Company": 5, "Competition": 4, "District": 4, "HonoraryTitle": 4, "Person": 4,
    "SecondarySchool": 4, "University": 4, "CollaborativeEducationAlliance": 3,
    "ContinuingEducationInstitution": 3, "PracticeBase": 3, "City": 2, "Conference": 2, "DigitalPlatform": 2,
    "Festival": 2, "IndustryCollege": 2, "ParentSchool": 2, "Platform": 2, "Prize": 2, "Project": 2,
    "SecondaryVocationalSchool": 2, "TrainingBase": 2, "Award": 1, "IndustryEducationAlliance": 1,
    "InternationalCooperationCenter": 1, "ServiceCenter": 1, "SocialOrganization": 1, "VocationalCollege": 1,
    "VocationalEducationPark": 1,
}  # fmt: skip


def _quads(store: Store) -> set[str]:
    return {str(q) for q in store.quads()}


def test_entities_per_class_relations_and_indicators(store: Store):
    summary = summarize(store)
    assert dict(summary.entities_per_class) == ENTITIES_PER_CLASS
    assert summary.entities == 146
    assert summary.relations == 151  # 149 curated + 2 namesake links (华为ICT实训基地, 华为赛力斯 → 华为)
    assert summary.relations_per_kind["initiates"] == 64
    assert summary.indicators == 55
    assert [doc.rsplit("/", 1)[1] for doc, _ in summary.documents] == ["banan-d85cd3f1", "dazu-d85cd3f1"]


def test_build_is_idempotent(tmp_path: Path):
    with Store(tmp_path / "store") as store:
        first = build(store)
        quads = _quads(store)
        second = build(store)
        assert _quads(store) == quads
        assert first.triples == second.triples == len(store)


def test_graph_holds_ontology_entities_documents_and_provenance(store: Store):
    graphs = store.graph_names()
    assert str(ONTOLOGY_GRAPH) in graphs
    (row,) = store.select(
        """SELECT ?evidence ?doc WHERE {
             ?a a kg:RelationAssertion ; rdf:subject ?s ; rdf:predicate kg:leads ; rdf:object ?o ;
                kg:evidence ?evidence ; prov:wasDerivedFrom ?doc .
             ?s rdfs:label "重庆青年职业技术学院"@zh . ?o rdfs:label ?olabel FILTER(CONTAINS(?olabel, "电商谷")) }"""
    )
    assert str(row["evidence"]).startswith("重庆青年职业技术学院牵头建立了“一带一路”电商谷")
    assert str(row["doc"]).endswith("banan-d85cd3f1")


def test_subclass_inference_answers_queries_for_superclasses(store: Store):
    schools = {
        str(r["label"]) for r in store.select("SELECT DISTINCT ?label WHERE { ?s a kg:School ; rdfs:label ?label }")
    }
    assert {"巴南职教中心", "龙洲湾小学", "渝南田家炳中学"} <= schools
    companies = {
        str(r["l"]) for r in store.select("SELECT ?l WHERE { ?s a schema:Organization ; a kg:Company ; rdfs:label ?l }")
    }
    assert "长安汽车" in companies
    cooperation = store.select(
        "SELECT ?o WHERE { ?s rdfs:label '巴南职教中心'@zh ; kg:cooperatesWith ?o . ?o rdfs:label '华为赛力斯'@zh }"
    )
    assert cooperation, "integratesWith is a sub-property of cooperatesWith"
    inverse = store.select("SELECT ?s WHERE { ?s kg:integratesWith ?o . ?o rdfs:label '巴南职教中心'@zh }")
    assert inverse, "integratesWith is symmetric"


def test_a_failed_build_leaves_the_store_exactly_as_it_was(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR / "documents", data / "documents")
    shutil.copytree(DATA_DIR / "curated", data / "curated")
    with Store(tmp_path / "store") as store:
        build(store, data)
        before = _quads(store)
        entities = data / "curated" / "entities.yaml"
        entities.write_text(entities.read_text(encoding="utf-8").replace("class: Company", "class: Firm", 1), "utf-8")
        with pytest.raises(CurationError):
            build(store, data)
        assert _quads(store) == before


def test_build_keeps_graphs_it_does_not_own(tmp_path: Path):
    extra = URIRef("https://w3id.org/kg-cityedu/doc/extra")
    with Store(tmp_path / "store") as store:
        store.replace_graphs(
            {extra: [(KGR.x, RDF.type, KG.PrimarySchool), (KGR.x, RDFS.label, Literal("某小学", lang="zh"))]}
        )
        build(store)
        assert str(extra) in store.graph_names()
        assert store.ask("ASK { ?x a kg:School }", bindings={"x": KGR.x}), "inference covers graphs build does not own"


@pytest.mark.parametrize("fmt", formats.names(formats.RDF))
def test_export_round_trips_through_rdflib(store: Store, fmt: str):
    out = io.BytesIO()
    export(store, fmt, out)
    data = out.getvalue()
    rdflib_format = {"turtle": "turtle", "trig": "trig", "n-triples": "nt", "n-quads": "nquads",
                     "json-ld": "json-ld", "rdf-xml": "xml"}[fmt]  # fmt: skip
    if fmt in {"trig", "n-quads"}:
        parsed = Dataset()
        parsed.parse(data=data, format=rdflib_format)
        assert sum(1 for _ in parsed.quads((None, None, None, None))) == len(store)
    else:
        parsed = Graph().parse(data=data, format=rdflib_format)
        assert len(parsed) == len(union_triples(store))
        assert (KGR["chong-qing-li-gong-da-xue"], RDFS.label, Literal("重庆理工大学", lang="zh")) in parsed
        assert (KGR["chong-qing-li-gong-da-xue"], RDF.type, KG.University) in parsed
        assert (KG.School, RDFS.label, Literal("School", lang="en")) in parsed


def _kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=cwd)


def test_cli_help_explains_itself():
    top = _kg("--help")
    assert top.returncode == 0 and "build" in top.stdout and "export" in top.stdout
    build_help = _kg("build", "--help")
    assert build_help.returncode == 0 and "--store" in build_help.stdout and "KG_STORE" in build_help.stdout


def test_cli_build_prints_summary_and_export_writes_file(tmp_path: Path):
    result = _kg("build", "--store", str(tmp_path / "store"))
    assert result.returncode == 0, result.stderr
    assert "146 个实体，151 条关系，55 个指标，2 篇文档" in result.stdout  # + 2 namesake links
    assert "书写新时代“城教共生”的奋进答卷" in result.stdout
    exported = _kg("export", "--store", str(tmp_path / "store"), "--format", "nt", "--out", str(tmp_path / "kg.nt"))
    assert exported.returncode == 0, exported.stderr
    assert len(Graph().parse(tmp_path / "kg.nt", format="nt")) > 3000


def test_cli_bad_data_is_one_line_without_traceback(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR / "documents", data / "documents")
    (data / "curated").mkdir()
    (data / "curated" / "entities.yaml").write_text("entities:\n  - label: 甲\n    class: Nope\n", "utf-8")
    result = _kg("build", "--store", str(tmp_path / "store"), "--data", str(data))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [f"kg: {data / 'curated' / 'entities.yaml'}:2：甲：未知类别 'Nope'"]


def test_cli_store_that_does_not_exist_is_a_clear_error(tmp_path: Path):
    result = _kg("stats", "--store", str(tmp_path / "missing"))
    assert result.returncode == 1 and "请先运行 kg build" in result.stderr and "Traceback" not in result.stderr


def test_a_write_in_progress_or_crashed_is_invisible_to_readers(tmp_path: Path):
    """A replace first stages its triples; readers never see staged graphs, and the next writer drops them."""
    import pyoxigraph as ox

    from kg.store.embedded import STAGING, STAGING_MARK

    path = tmp_path / "store"
    with Store(path) as store:
        build(store)
        before, count, summary = _quads(store), len(store), summarize(store)
        staged = ox.NamedNode(f"{STAGING}crashed:0")
        store.add_quads(  # what a write leaves when it dies between staging and moving: its quads and its mark
            [
                ox.Quad(
                    ox.NamedNode(str(KGR.ghost)), ox.NamedNode(str(RDF.type)), ox.NamedNode(str(KG.Company)), staged
                ),
                ox.Quad(STAGING_MARK, STAGING_MARK, ox.Literal("crashed"), STAGING_MARK),
            ]
        )
        assert (len(store), _quads(store), summarize(store)) == (count, before, summary)
        assert not store.ask("ASK { ?s a kg:Company ; ?p ?o FILTER(?s = <https://w3id.org/kg-cityedu/id/ghost>) }")
        assert staged.value not in store.graph_names()
    with Store(path) as store:  # a writer cleans up what a crashed write left
        assert not store._staging()


def test_projection_prefers_chinese_labels_whatever_else_is_loaded(tmp_path: Path):
    from kg.analysis.projection import project

    with Store(tmp_path / "store") as store:
        build(store)
        banan = KGR["ba-nan-qu"]
        store.replace_graphs(
            {URIRef("http://example.org/en"): [(banan, RDFS.label, Literal("Banan District", lang="en"))]}
        )
        graph = project(store)
        assert graph.nodes[str(banan)]["label"] == "巴南区"
        assert graph.nodes[str(KGR["ba-nan-zhi-jiao-zhong-xin"])]["district"] == "巴南区"
