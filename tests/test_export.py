"""Exports: every format re-read by an independent reader equals what the store holds."""

from __future__ import annotations

import csv
import io
import itertools
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.term import BNode

from kg.analysis.projection import Subset, SubsetError, project, subgraph
from kg.model.styles import class_colour, rgb
from kg.model.vocab import KG, ONTOLOGY_GRAPH, PROV
from kg.outputs.export import (
    ExportError,
    edge_attributes,
    export,
    export_folder,
    node_attributes,
    union_triples,
)
from kg.store import formats
from kg.store.embedded import Store, to_rdflib

RDF_FORMATS = formats.names(formats.RDF)
DATASET_FORMATS = {f.name for f in formats.FORMATS if f.dataset}
FORMATS = formats.names(formats.EXPORT)

RDFLIB_NAMES = {"turtle": "turtle", "trig": "trig", "n-triples": "nt", "n-quads": "nquads",
                "json-ld": "json-ld", "rdf-xml": "xml"}  # fmt: skip
# Text with full-width punctuation, quotes and digits, as it is in the curated data.
SAMPLE = "“民生、铸魂、培根、领雁、健康、融合”六大工程"


def exported(store: Store, fmt: str, subset: Subset | None = None) -> bytes:
    out = io.BytesIO()
    export(store, fmt, out, subset=subset)
    return out.getvalue()


def store_graph(store: Store, name: str | None = None) -> Graph:
    graph = Graph()
    triples = union_triples(store) if name is None else store.quads(name)
    for t in triples:
        graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return graph


def cjk_literals(graph: Graph) -> set[str]:
    return {str(o) for o in graph.objects() if any("\u4e00" <= ch <= "\u9fff" for ch in str(o))}


@pytest.fixture(scope="module")
def union_graph(store: Store) -> Graph:
    return store_graph(store)


@pytest.fixture(scope="module")
def entity_graph(store: Store) -> nx.MultiDiGraph:
    return project(store)


# -- RDF ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(set(RDF_FORMATS) - DATASET_FORMATS))
def test_triple_formats_reparse_isomorphic_to_the_store(store: Store, union_graph: Graph, fmt: str):
    data = exported(store, fmt)
    parsed = Graph().parse(data=data, format=RDFLIB_NAMES[fmt])
    assert len(parsed) == len(union_graph)
    assert isomorphic(parsed, union_graph)
    assert cjk_literals(parsed) == cjk_literals(union_graph)
    assert SAMPLE.encode("utf-8") in data, "Chinese is written as UTF-8, not escaped"


@pytest.mark.parametrize("fmt", sorted(DATASET_FORMATS))
def test_dataset_formats_keep_every_quad_in_its_named_graph(store: Store, fmt: str):
    data = exported(store, fmt)
    parsed = Dataset()
    parsed.parse(data=data, format=RDFLIB_NAMES[fmt])
    graphs = {str(g.identifier): g for g in parsed.graphs() if len(g)}
    assert set(graphs) == set(store.graph_names())
    for name in store.graph_names():
        expected = store_graph(store, name)
        if any(isinstance(term, BNode) for triple in expected for term in triple):
            assert isomorphic(graphs[name], expected), name  # blank nodes are renamed by any parser
        else:
            assert set(graphs[name]) == set(expected), name  # quad-level equality
    assert SAMPLE.encode("utf-8") in data


def test_json_ld_uses_the_project_prefixes_as_compact_context(store: Store):
    text = exported(store, "json-ld").decode("utf-8")
    assert '"@context"' in text and '"kg": "https://w3id.org/kg-cityedu/ontology#"' in text
    assert '"rdfs:label"' in text and '"kg:evidence"' in text


def test_rdf_subset_keeps_ontology_and_what_describes_the_kept_entities(store: Store, entity_graph):
    subset = Subset(districts=("巴南区",))
    kept = set(subset.apply(entity_graph).nodes)
    excluded = set(entity_graph.nodes) - kept
    parsed = Dataset()
    parsed.parse(data=exported(store, "trig", subset), format="trig")
    whole = {(str(g.identifier), t) for g in Dataset().parse(data=exported(store, "trig"), format="trig").graphs()
             for t in g if not any(isinstance(x, BNode) for x in t)}  # fmt: skip
    quads = {(str(g.identifier), t) for g in parsed.graphs() for t in g if not any(isinstance(x, BNode) for x in t)}
    assert quads < whole, "a subset only drops quads"
    assert len(parsed.graph(URIRef(str(ONTOLOGY_GRAPH)))) == len(store_graph(store, str(ONTOLOGY_GRAPH)))
    triples = {t for _, t in quads}
    subjects = {str(s) for s, _, _ in triples}
    named_places = {str(o) for s, p, o in triples if p in (KG.district, KG.city)} - kept
    assert kept <= subjects and excluded & subjects == named_places
    for s, p, o in triples:
        if str(s) in named_places:
            assert p in (RDF.type, RDFS.label), (s, p, o)  # a place an attribute names keeps its class and label
        elif p not in (KG.district, KG.city):
            assert str(o) not in excluded, (s, p, o)
    assertions = {s for s, p, o in triples if (p, o) == (RDF.type, KG.RelationAssertion)}
    assert len(assertions) == subset.apply(entity_graph).number_of_edges()
    for a in assertions:
        assert {str(x) for _, p, x in triples if _ == a and p in (RDF.subject, RDF.object)} <= kept
    indicators = {s for s, p, o in triples if (p, o) == (RDF.type, KG.Indicator)}
    assert indicators and all(str(o) in kept for s, p, o in triples if p == KG.indicatorOf)
    sources = {o for s, p, o in triples if p in (PROV.wasDerivedFrom, KG.mentionedIn)}
    documents = set(
        Graph().parse(data=exported(store, "turtle"), format="turtle").subjects(RDF.type, KG.SourceDocument)
    )
    assert URIRef("https://w3id.org/kg-cityedu/doc/banan-d85cd3f1") in sources
    assert {s for s, p, o in triples if (p, o) == (RDF.type, KG.SourceDocument)} == sources & documents


def test_rdf_subset_by_focus_keeps_relations_and_their_inferred_triples(store: Store, entity_graph):
    subset = Subset(focus="巴南职教中心", hops=1)
    part = subset.apply(entity_graph)
    parsed = Graph().parse(data=exported(store, "turtle", subset), format="turtle")
    for u, v, key, data in part.edges(keys=True, data=True):
        assert (URIRef(u), KG[data["relation"]], URIRef(v)) in parsed
        assert (URIRef(u), KG.relatedTo, URIRef(v)) in parsed, "the closure of a kept relation is kept"
        assert (URIRef(key), KG.evidence, None) in parsed
    labelled = {str(s) for s in parsed.subjects(RDFS.label) if str(s).startswith("https://w3id.org/kg-cityedu/id/")}
    named_places = {str(o) for p in (KG.district, KG.city) for o in parsed.objects(None, p)}
    assert set(part.nodes) <= labelled <= set(part.nodes) | named_places


# -- graph formats ----------------------------------------------------------------------


def test_graphml_reread_keeps_nodes_edges_and_attributes(store: Store, entity_graph):
    data = exported(store, "graphml")
    graph = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    assert graph.number_of_nodes() == entity_graph.number_of_nodes()
    assert graph.number_of_edges() == entity_graph.number_of_edges()
    for node, attrs in entity_graph.nodes(data=True):
        expected = node_attributes(attrs)
        expected.update(zip("rgb", map(str, rgb(expected["colour"])), strict=True))
        assert graph.nodes[node] == expected
    for u, v, key, attrs in entity_graph.edges(keys=True, data=True):
        assert graph.edges[u, v, key] == edge_attributes(attrs)
    values = [*(v for _, d in graph.nodes(data=True) for v in d.values()),
              *(v for _, _, d in graph.edges(data=True) for v in d.values())]  # fmt: skip
    assert all(isinstance(v, str) for v in values), "strings only: Gephi needs no edits"


def test_graphml_key_ids_cannot_be_mistaken_by_gephi(store: Store):
    root = ET.fromstring(exported(store, "graphml"))
    keys = {
        k.get("id"): (k.get("for"), k.get("attr.name")) for k in root.iter("{http://graphml.graphdrawing.org/xmlns}key")
    }
    # Gephi maps key ids "d3"/"d7" (yEd's) to labels before it looks at names; ours are the names.
    assert all(key_id == name for key_id, (_, name) in keys.items())
    assert keys["label"] == ("node", "label") and {"r", "g", "b", "colour", "class", "district"} <= set(keys)
    assert {"relation", "evidence"} <= {name for scope, name in keys.values() if scope == "edge"}


def test_gexf_reread_keeps_nodes_edges_attributes_and_colours(store: Store, entity_graph):
    data = exported(store, "gexf")
    graph = nx.read_gexf(io.BytesIO(data))
    assert graph.number_of_nodes() == entity_graph.number_of_nodes()
    assert graph.number_of_edges() == entity_graph.number_of_edges()
    for node, attrs in entity_graph.nodes(data=True):
        read = dict(graph.nodes[node])
        viz = read.pop("viz")
        r, g, b = rgb(class_colour(attrs["cls"]))
        assert (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"]) == (r, g, b)
        assert read == node_attributes(attrs)
    # NetworkX reads a file without parallel edges as a DiGraph; the edge id is the assertion IRI.
    read_edges = {d["id"]: (u, v, d) for u, v, d in graph.edges(data=True)}
    for u, v, key, attrs in entity_graph.edges(keys=True, data=True):
        read_u, read_v, read = read_edges[key]
        read = {k: value for k, value in read.items() if k not in ("id", "networkx_key")}
        assert (read_u, read_v) == (u, v)
        assert read.pop("label") == attrs["relation_label"]
        assert read == edge_attributes(attrs)
    root = ET.fromstring(data)
    ns = {"g": "http://www.gexf.net/1.2draft", "viz": "http://www.gexf.net/1.2draft/viz"}
    nodes = root.findall(".//g:node", ns)
    assert len(nodes) == len(root.findall(".//g:node/viz:color", ns)), "every node has a viz:color"
    assert {a.get("type") for a in root.findall(".//g:attribute", ns)} == {"string"}


def test_graph_formats_follow_the_subset_options(store: Store, entity_graph):
    expected = subgraph(entity_graph, classes_=["School"], districts=["巴南区"])
    graph = nx.read_graphml(io.BytesIO(exported(store, "graphml", Subset(classes=("School",), districts=("巴南区",)))))
    assert set(graph.nodes) == set(expected.nodes) and graph.number_of_nodes() > 3
    assert {d["district"] for _, d in graph.nodes(data=True)} == {"巴南区"}
    focused = nx.read_gexf(io.BytesIO(exported(store, "gexf", Subset(focus="巴南职教中心", hops=2))))
    assert set(focused.nodes) == set(subgraph(entity_graph, focus="巴南职教中心", hops=2).nodes)


def test_unknown_subset_names_are_clear_errors(store: Store):
    with pytest.raises(SubsetError, match="图中没有区县 '火星区'"):
        exported(store, "gexf", Subset(districts=("火星区",)))
    with pytest.raises(SubsetError, match="未知关系"):
        exported(store, "turtle", Subset(relations=("likes",)))
    with pytest.raises(Exception, match="是否要找"):
        exported(store, "graphml", Subset(focus="巴南职教"))


# -- tables ----------------------------------------------------------------------------


def read_csv(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_tables_have_one_row_per_node_edge_and_indicator(store: Store, entity_graph, tmp_path: Path):
    written = export_folder(store, "csv", tmp_path / "tables")
    assert [p.name for p in written] == ["nodes.csv", "edges.csv", "indicators.csv"]
    nodes, edges = read_csv(written[0]), read_csv(written[1])
    indicators = read_csv(written[2])
    assert len(nodes) == entity_graph.number_of_nodes() and len(edges) == entity_graph.number_of_edges()
    count = store.select("SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i a kg:Indicator }")[0]["n"]
    assert len(indicators) == int(count) > 0
    assert not written[0].read_bytes().startswith(b"\xef\xbb\xbf"), "plain UTF-8 without --excel"
    by_id = {row["id"]: row for row in edges}
    for u, v, key, attrs in entity_graph.edges(keys=True, data=True):
        row = by_id[key]
        assert (row["source"], row["target"], row["relation"]) == (u, v, attrs["relation"])
        assert row["evidence"] == attrs["evidence"] and row["source_label"] == entity_graph.nodes[u]["label"]
    for row in nodes:
        assert row["label"] == entity_graph.nodes[row["id"]]["label"]
    stated = {str(r["i"]): str(r["v"]) for r in store.select("SELECT ?i ?v WHERE { ?i kg:value ?v }")}
    assert {row["id"]: row["value"] for row in indicators} == stated, "values exactly as stored"


def test_csv_excel_flavour_starts_with_a_byte_order_mark(store: Store, tmp_path: Path):
    written = export_folder(store, "csv", tmp_path, excel=True)
    for path in written:
        assert path.read_bytes().startswith(b"\xef\xbb\xbf" + b"id,")
    nodes = read_csv(written[0], encoding="utf-8-sig")
    assert "巴南区" in {row["label"] for row in nodes}


def test_neo4j_files_follow_the_neo4j_admin_import_layout(store: Store, entity_graph, tmp_path: Path):
    written = {p.name: p for p in export_folder(store, "neo4j", tmp_path / "neo4j")}
    assert set(written) == {"nodes.csv", "indicators.csv", "relationships.csv", "indicator_of.csv", "import.sh"}
    with written["nodes.csv"].open(encoding="utf-8", newline="") as handle:
        header, *nodes = list(csv.reader(handle))
    assert header[0] == "iri:ID" and header[-1] == ":LABEL" and "aliases:string[]" in header
    ids = {row[0] for row in nodes}
    assert ids == set(entity_graph.nodes)
    labels = {row[0]: row[-1].split(";") for row in nodes}
    school = next(n for n, d in entity_graph.nodes(data=True) if d["cls"] == "PrimarySchool")
    assert labels[school][:2] == ["Entity", "PrimarySchool"] and "School" in labels[school]
    with written["relationships.csv"].open(encoding="utf-8", newline="") as handle:
        header, *rels = list(csv.reader(handle))
    assert header[:3] == [":START_ID", ":END_ID", ":TYPE"] and "year:int" in header
    assert len(rels) == entity_graph.number_of_edges()
    assert all(row[0] in ids and row[1] in ids for row in rels)
    assert {row[2] for row in rels} >= {"INTEGRATES_WITH", "COOPERATES_WITH", "INITIATES"}
    indicators = read_csv(written["indicators.csv"])
    links = read_csv(written["indicator_of.csv"])
    assert {row["iri:ID"] for row in indicators} == {row[":START_ID"] for row in links}
    assert all(row[":END_ID"] in ids and row[":TYPE"] == "INDICATOR_OF" for row in links)
    script = written["import.sh"].read_text(encoding="utf-8")
    assert all(
        f"={name}" in script for name in ("nodes.csv", "indicators.csv", "relationships.csv", "indicator_of.csv")
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_chinese_text_survives_every_format_byte_for_byte(store: Store, entity_graph, fmt: str, tmp_path: Path):
    evidence = {d["evidence"] for _, _, d in entity_graph.edges(data=True)}
    labels = {d["label"] for _, d in entity_graph.nodes(data=True)}
    if fmt in ("csv", "neo4j"):
        folder = tmp_path / fmt
        export_folder(store, fmt, folder)
        data = b"".join(p.read_bytes() for p in sorted(folder.iterdir()))
        rows = read_csv(folder / ("edges.csv" if fmt == "csv" else "relationships.csv"))
        assert {row["evidence"] for row in rows} == evidence
    else:
        data = exported(store, fmt)
        if fmt in RDF_FORMATS:
            parsed = Dataset() if fmt in DATASET_FORMATS else Graph()
            parsed.parse(data=data, format=RDFLIB_NAMES[fmt])
            texts = (
                {str(o) for _, _, o, *_ in parsed.quads() if o is not None}
                if fmt in DATASET_FORMATS
                else {str(o) for o in parsed.objects()}
            )
        else:
            graph = nx.read_graphml(io.BytesIO(data)) if fmt == "graphml" else nx.read_gexf(io.BytesIO(data))
            texts = {d["evidence"] for _, _, d in graph.edges(data=True)} | {
                d["label"] for _, d in graph.nodes(data=True)
            }
        assert evidence | labels <= texts
    for text in [SAMPLE, *sorted(labels)[:20]]:
        if not set(text) & set("<>&\"'"):
            assert text.encode("utf-8") in data, (fmt, text)


# -- command line --------------------------------------------------------------------------


def kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KG_STORE": ""}
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=cwd, env=env)


def test_cli_exports_files_and_folders_quietly_when_piped(store_path: Path, tmp_path: Path):
    result = kg("export", "--store", str(store_path), "--format", "gexf", "--district", "大足区",
                "--out", str(tmp_path / "dazu.gexf"))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"已写入 {tmp_path / 'dazu.gexf'}\n", "no progress output when stderr is not a terminal"
    graph = nx.read_gexf(tmp_path / "dazu.gexf")
    assert graph.number_of_nodes() > 10
    assert all(d["district"] == "大足区" or d["label"] == "大足区" for _, d in graph.nodes(data=True))
    result = kg("export", "--store", str(store_path), "--format", "csv", "--excel", "--out", str(tmp_path / "t"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "t" / "edges.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    result = kg("export", "--store", str(store_path), "--format", "nt")
    assert result.returncode == 0 and SAMPLE in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "csv"], "--format csv 会写出多个文件：--out 请给一个文件夹"),
        (["--format", "turtle", "--excel", "--out", "x.ttl"], "--excel 只用于 --format csv"),
        (["--format", "turtle", "--hops", "2", "--out", "x.ttl"], "--hops 需要与 --focus"),
        (["--format", "gexf", "--class", "Spaceship", "--out", "x.gexf"], "未知类别 'Spaceship'"),
        (["--format", "gexf", "--district", "火星区", "--out", "x.gexf"], "图中没有区县 '火星区'"),
        (["--format", "trig", "--focus", "不存在的学校", "--out", "x.trig"], "没有名为“不存在的学校”的实体"),
        (["--format", "pdf"], "'pdf' 不是可选值之一"),
    ],
)
def test_cli_export_errors_are_one_line_and_write_nothing(store_path: Path, tmp_path: Path, args, message):
    result = kg("export", "--store", str(store_path), *args, cwd=tmp_path)
    assert result.returncode != 0
    assert message in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_cli_failed_export_leaves_an_existing_file_as_it_was(store_path: Path, tmp_path: Path):
    out = tmp_path / "kg.ttl"
    out.write_text("previous export\n", encoding="utf-8")
    result = kg("export", "--store", str(store_path), "--format", "turtle", "--focus", "无此实体", "--out", str(out))
    assert result.returncode == 1 and result.stderr.startswith("kg: ")
    assert out.read_text(encoding="utf-8") == "previous export\n" and sorted(tmp_path.iterdir()) == [out]


def test_folder_formats_refuse_a_file_as_folder(store: Store, tmp_path: Path):
    existing = tmp_path / "tables"
    existing.write_text("not a folder", encoding="utf-8")
    with pytest.raises(ExportError, match="此格式写出一个文件夹，而这是一个文件"):
        export_folder(store, "csv", existing)
    with pytest.raises(ExportError, match="请给一个文件夹"):
        export(store, "neo4j", io.BytesIO())
    assert existing.read_text(encoding="utf-8") == "not a folder"


def test_progress_reaches_the_total(store: Store):
    seen: list[tuple[str, int, int]] = []
    export(store, "n-quads", io.BytesIO(), progress=lambda *args: seen.append(args))
    assert seen and seen[-1][1] == seen[-1][2] == len(store)


def test_whole_store_triples_stream_once_each_grouped_by_subject(store: Store):
    """Triple formats of the whole store stream from Store.distinct_triples: each triple once, as the union."""
    streamed = list(store.distinct_triples())
    assert len(streamed) == len(set(streamed)) and set(streamed) == union_triples(store)
    subjects = [t.subject for t in streamed]
    changes = sum(1 for a, b in itertools.pairwise(subjects) if a != b)
    assert changes + 1 == len(set(subjects))  # one run per subject: Turtle groups them
