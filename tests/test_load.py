"""`kg load`: every RDF format into a named graph per file, all or nothing, errors naming file and line."""

from __future__ import annotations

import gzip
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.model.vocab import ONTOLOGY_GRAPH, ontology
from kg.store.embedded import Store
from kg.store.formats import FormatError
from kg.store.inference import inference_status
from kg.store.load import LoadError, data_size, file_graph, load_files

EX = "http://example.org/"
TRIPLES = [
    ox.Triple(ox.NamedNode(EX + "school"), ox.NamedNode(EX + "name"), ox.Literal("海棠小学", language="zh")),
    ox.Triple(
        ox.NamedNode(EX + "school"),
        ox.NamedNode(EX + "pupils"),
        ox.Literal("1200", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
    ),
    ox.Triple(
        ox.NamedNode(EX + "school"),
        ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
        ox.NamedNode("https://w3id.org/kg-cityedu/ontology#PrimarySchool"),
    ),
]
TRIPLE_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "rdf": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def write(path: Path, fmt: ox.RdfFormat, quads: list | None = None) -> Path:
    data = quads if quads is not None else TRIPLES
    path.write_bytes(ox.serialize(data, format=fmt))
    return path


def content(store: Store) -> set[str]:
    return {str(q) for q in store.quads()}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "store") as opened:
        yield opened


@pytest.mark.parametrize("extension", sorted(TRIPLE_FORMATS))
def test_triple_formats_go_to_the_file_graph(store: Store, tmp_path: Path, extension: str):
    path = write(tmp_path / f"school.{extension}", TRIPLE_FORMATS[extension])
    loaded = load_files(store, [path], infer=False)
    assert [(item.fmt, item.graphs) for item in loaded] == [(TRIPLE_FORMATS[extension].name, {file_graph(path): 3})]
    assert store.graph_names() == [path.resolve().as_uri()]
    assert {q.triple for q in store.quads(file_graph(path))} == set(TRIPLES)


@pytest.mark.parametrize("fmt", [ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS])
def test_dataset_formats_keep_their_graphs(store: Store, tmp_path: Path, fmt: ox.RdfFormat):
    named = ox.NamedNode(EX + "graph")
    quads = [ox.Quad(*TRIPLES[0]), ox.Quad(*TRIPLES[1], named), ox.Quad(*TRIPLES[2], named)]
    path = write(tmp_path / f"data.{fmt.file_extension}", fmt, quads)
    loaded = load_files(store, [path], infer=False)
    assert loaded[0].graphs == {file_graph(path): 1, EX + "graph": 2}
    assert store.graph_names() == sorted([file_graph(path), EX + "graph"])


def test_gzip_and_explicit_graph(store: Store, tmp_path: Path):
    path = tmp_path / "school.nt.gz"
    path.write_bytes(gzip.compress(ox.serialize(TRIPLES, format=ox.RdfFormat.N_TRIPLES)))
    load_files(store, [path], graph=EX + "schools", infer=False)
    assert store.graph_names() == [EX + "schools"] and len(store) == 3


def test_a_compressed_file_counts_by_what_it_unpacks_to(tmp_path: Path):
    """8 MB of .nq.gz is 10^6 quads: the bulk loader's threshold is taken on the unpacked size."""
    text = ox.serialize(TRIPLES, format=ox.RdfFormat.N_TRIPLES) * 1000
    packed, plain = tmp_path / "many.nt.gz", tmp_path / "many.nt"
    packed.write_bytes(gzip.compress(text))
    plain.write_bytes(text)
    assert packed.stat().st_size < len(text) // 10
    assert data_size(packed) == data_size(plain) == len(text)


def test_loading_again_replaces_the_graph(store: Store, tmp_path: Path):
    path = write(tmp_path / "school.ttl", ox.RdfFormat.TURTLE)
    load_files(store, [path], infer=False)
    before = content(store)
    load_files(store, [path], infer=False)
    assert content(store) == before
    write(path, ox.RdfFormat.TURTLE, TRIPLES[:1])
    load_files(store, [path], infer=False)
    assert len(store) == 1


def test_inference_is_refreshed(store: Store, tmp_path: Path):
    store.replace_graphs({ONTOLOGY_GRAPH: ontology()})
    load_files(store, [write(tmp_path / "school.ttl", ox.RdfFormat.TURTLE)])
    rows = store.select("SELECT ?s WHERE { ?s a kg:School }")
    assert [str(r["s"]) for r in rows] == [EX + "school"]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad.nt", '<http://a> <http://b> <http://c> .\n<http://a> <http://b> "x .\n', "bad.nt:2:23: "),
        (
            "bad.ttl",
            "@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b foo:c .\n",
            "bad.ttl:3:11: The prefix foo:",
        ),
        ("bad.jsonld", '{"@id": "http://a", "http://b": [}', "bad.jsonld:1:34: "),
        ("bad.rdf", '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n<foo\n', "bad.rdf: "),
    ],
)
def test_a_bad_file_leaves_the_store_as_it_was(store: Store, tmp_path: Path, name: str, text: str, message: str):
    good = write(tmp_path / "good.ttl", ox.RdfFormat.TURTLE)
    load_files(store, [good], infer=False)
    before = content(store)
    write(good, ox.RdfFormat.TURTLE, TRIPLES[:1])  # a changed good file, loaded together with the bad one
    bad = tmp_path / name
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as error:
        load_files(store, [good, bad], infer=False)
    assert str(error.value).startswith(str(bad) + message[len(name) :])
    assert content(store) == before


def test_bulk_path_gives_the_same_graphs(tmp_path: Path):
    paths = [write(tmp_path / "a.nt", ox.RdfFormat.N_TRIPLES), write(tmp_path / "b.ttl", ox.RdfFormat.TURTLE)]
    with Store(tmp_path / "small") as small, Store(tmp_path / "bulk") as bulk:
        load_files(small, paths, infer=False)
        load_files(bulk, paths, infer=False, bulk_bytes=0)
        load_files(bulk, paths, infer=False, bulk_bytes=0)  # again: replaces, does not add
        assert bulk.graph_names() == small.graph_names()
        for name in small.graph_names():
            assert {q.triple for q in bulk.quads(name)} == {q.triple for q in small.quads(name)}


def test_bulk_path_validates_before_writing(store: Store, tmp_path: Path):
    good = write(tmp_path / "good.nt", ox.RdfFormat.N_TRIPLES)
    bad = tmp_path / "bad.nt"
    bad.write_text("<http://a> <http://b> .\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"bad\.nt:1:"):
        load_files(store, [good, bad], infer=False, bulk_bytes=0)
    assert len(store) == 0
    assert inference_status(store) == "", "a failed load into an empty store leaves no stale stamp"


def test_option_errors(store: Store, tmp_path: Path):
    a, b = write(tmp_path / "a.ttl", ox.RdfFormat.TURTLE), write(tmp_path / "b.ttl", ox.RdfFormat.TURTLE)
    with pytest.raises(LoadError, match="--graph 只能为一个文件命名图"):
        load_files(store, [a, b], graph=EX + "g")
    with pytest.raises(LoadError, match="不是 http"):
        load_files(store, [a], graph="not an iri")
    odd = tmp_path / "data.txt"
    odd.write_bytes(a.read_bytes())
    with pytest.raises(FormatError, match="无法从文件名判断RDF 格式"):
        load_files(store, [odd])
    load_files(store, [odd], fmt="ttl", infer=False)
    assert len(store) == 3


def test_cli(tmp_path: Path):
    store_dir = tmp_path / "store"
    good = write(tmp_path / "school.ttl", ox.RdfFormat.TURTLE)
    result = CliRunner().invoke(main, ["load", str(good), "--store", str(store_dir)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].split() == ["文件", "格式", "图", "三元组"]
    assert [f"{good}", "Turtle", file_graph(good), "3"] in [line.split() for line in result.output.splitlines()]
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix ex: <http://e/> .\nex:a ex:b .\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["load", str(good), str(bad), "--store", str(store_dir)])
    assert result.exit_code == 1
    assert result.output.startswith(f"kg: {bad}:2:")
    assert len(result.output.strip().splitlines()) == 1


def test_an_update_that_names_its_graphs_reinfers_just_those(tmp_path: Path):
    """After an update the inference equals a full recomputation; the search index follows without a rebuild."""
    from rdflib import URIRef

    from kg.store.inference import after_update, inferred_graph, refresh_inference, write_graphs, written_graphs
    from kg.store.search import SearchIndex, ensure_index, index_path

    school = "https://w3id.org/kg-cityedu/id/geng-xin-xiao-xue"
    other = "https://w3id.org/kg-cityedu/id/ling-yi-xiao-xue"
    typed = f'<{school}> a kg:PrimarySchool ; rdfs:label "更新小学"@zh'
    with Store(tmp_path / "store") as store:
        write_graphs(store, {URIRef("http://example.org/keep"): []})  # an inference stamp
        after_update(store, f"INSERT DATA {{ GRAPH <http://example.org/other> {{ <{other}> a kg:PrimarySchool }} }}")
        ensure_index(store).close()
        after_update(store, f"INSERT DATA {{ GRAPH <http://example.org/g> {{ {typed} }} }}")
        assert store.ask(f"ASK {{ GRAPH <{inferred_graph('http://example.org/g')}> {{ <{school}> a kg:School }} }}")
        index = SearchIndex(index_path(store.path))
        assert index.is_current(store.graph_names()) and index.entities_named(["更新小学"])
        index.close()
        after_update(store, "DROP GRAPH <http://example.org/g>")
        assert inferred_graph("http://example.org/g") not in store.graph_names()
        partial = {str(q) for q in store.quads()}
        refresh_inference(store)
        assert {str(q) for q in store.quads()} == partial
    assert written_graphs("DELETE WHERE { ?s ?p ?o }") is None  # the default graph: the whole store is re-inferred
