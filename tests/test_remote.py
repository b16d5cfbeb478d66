"""Remote endpoints: a real `oxigraph serve` process on a free loopback port, built into, queried, and stopped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.analysis.projection import project
from kg.cli import main
from kg.sources.build import summarize
from kg.sparql.query import bundled_queries, query_bindings, read_query, run, table_cells
from kg.store.embedded import Store, StoreError
from kg.store.remote import PROLOGUE, RemoteStore

EX = "http://example.org/"


@pytest.fixture(scope="module")
def remote(endpoint: str) -> RemoteStore:
    return RemoteStore(endpoint, read_only=True)


def test_build_into_the_server_matches_the_embedded_store(remote: RemoteStore, store: Store, endpoint: str):
    result = CliRunner().invoke(main, ["stats", "--endpoint", endpoint])
    assert result.exit_code == 0 and result.output.startswith(f"存储：{endpoint}\n"), result.output
    assert remote.graph_names() == store.graph_names()
    assert len(remote) == len(store)
    local, far = summarize(store), summarize(remote)
    assert far.entities_per_class == local.entities_per_class
    assert far.relations_per_kind == local.relations_per_kind
    assert (far.indicators, far.documents, far.inferred) == (local.indicators, local.documents, local.inferred)


@pytest.mark.parametrize("name", sorted(bundled_queries()))
def test_bundled_queries_answer_the_same(remote: RemoteStore, store: Store, name: str):
    text, query = read_query(name)
    local = table_cells(run(store, text, query_bindings(store, query, {})))
    far = table_cells(run(remote, text, query_bindings(remote, query, {})))
    assert far == local


@pytest.mark.parametrize("union", [None, False])
def test_default_dataset_is_the_union(endpoint: str, store: Store, union: bool | None):
    """Oxigraph's union switch and the portable default-graph-uri list give the same answers."""
    far = RemoteStore(endpoint, read_only=True, union_default_graph=union)
    query = "SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?class } GROUP BY ?class ORDER BY ?class"
    assert far.select(query) == store.select(query)
    entities = ["https://w3id.org/kg-cityedu/graph/entities"]
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert far.select(count, default_graphs=entities) == store.select(count, default_graphs=entities)
    named = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert far.select(named) == store.select(named)


def test_bindings_are_values_not_text(remote: RemoteStore, store: Store):
    query = "SELECT ?e ?name WHERE { ?e rdfs:label ?l FILTER(STR(?l) = ?name) }"
    for name in ["巴南职教中心", 'x" } ; DROP ALL ; #']:
        bindings = {"name": Literal(name)}
        assert remote.select(query, bindings=bindings) == store.select(query, bindings=bindings)


def test_analysis_projection_is_the_same(remote: RemoteStore, store: Store):
    far, local = project(remote), project(store)
    assert sorted(far.nodes) == sorted(local.nodes)
    assert sorted(far.edges(keys=True)) == sorted(local.edges(keys=True))


def test_district_indicators_are_counted_by_the_endpoint(remote: RemoteStore, store: Store):
    from kg.analysis.indicators import store_indicators, store_places

    places = store_places(remote)
    assert places == store_places(store)
    assert [r.values for r in store_indicators(remote, places)] == [r.values for r in store_indicators(store, places)]


def test_kg_query_with_endpoint_env(endpoint: str, store_path: Path):
    runner = CliRunner()
    far = runner.invoke(main, ["query", "school-partners", "--format", "json"], env={"KG_ENDPOINT": endpoint})
    local = runner.invoke(main, ["query", "school-partners", "--format", "json", "--store", str(store_path)])
    assert far.exit_code == local.exit_code == 0, far.output
    assert json.loads(far.output)["results"] == json.loads(local.output)["results"]


def test_syntax_error_through_the_endpoint(endpoint: str):
    result = CliRunner().invoke(main, ["query", "--endpoint", endpoint, "SELECT ?s WHERE {\n ?s a kg:Company"])
    assert result.exit_code == 2
    assert result.output.startswith("kg: 查询语法错误：第 2 行第 ")


def test_write_read_and_remove_graphs(endpoint: str):
    writer = RemoteStore(endpoint)
    graph = Graph()
    node = BNode()
    graph.add((URIRef(EX + "a"), URIRef(EX + "says"), Literal('引号 "quoted"\nand a } brace', lang="zh")))
    graph.add((URIRef(EX + "a"), URIRef(EX + "has"), node))
    graph.add((node, URIRef(EX + "value"), Literal(3)))
    before = len(writer)
    writer.replace_graphs({URIRef(EX + "g1"): graph, URIRef(EX + "g2"): [(URIRef(EX + "b"), URIRef(EX + "p"), node)]})
    assert {EX + "g1", EX + "g2"} <= set(writer.graph_names())
    assert isomorphic(writer.graph(EX + "g1"), graph)
    assert len(writer) == before + 4
    assert sum(1 for _ in writer.quads(EX + "g2")) == 1
    writer.remove_graphs([EX + "g1", EX + "g2"])
    assert not {EX + "g1", EX + "g2"} & set(writer.graph_names())
    assert len(writer) == before
    assert len(writer.graph(EX + "g1")) == 0


def test_kg_load_into_the_endpoint(endpoint: str, tmp_path: Path):
    path = tmp_path / "extra.ttl"
    path.write_text(f'<{EX}x> <{EX}label> "远程"@zh .\n', encoding="utf-8")
    for _ in range(2):  # loading again changes nothing
        result = CliRunner().invoke(main, ["load", str(path), "--endpoint", endpoint, "--no-inference"])
        assert result.exit_code == 0, result.output
    far = RemoteStore(endpoint, read_only=True)
    assert len(far.graph(path.resolve().as_uri())) == 1
    RemoteStore(endpoint).remove_graphs([path.resolve().as_uri()])


def test_read_only_refuses_writes(remote: RemoteStore):
    with pytest.raises(StoreError, match="只读"):
        remote.remove_graphs([EX + "g"])


def test_unreachable_endpoint_is_a_clear_error(free_port: int):
    url = f"http://127.0.0.1:{free_port}/query"
    result = CliRunner().invoke(main, ["stats", "--endpoint", url])
    assert result.exit_code == 1
    assert result.output.startswith(f"kg: 无法连接 SPARQL 端点 {url}：")
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no traceback


def test_store_and_endpoint_together_are_refused(endpoint: str, store_path: Path):
    result = CliRunner().invoke(main, ["stats", "--endpoint", endpoint, "--store", str(store_path)])
    assert result.exit_code == 1
    assert "不能同时给（--store 或 --endpoint）" in result.output


def test_kg_infer_on_the_endpoint_gives_the_embedded_stores_closure(endpoint: str, store: Store):
    """The closure computed in the server, rule by rule from its own answers, is the one the embedded store holds."""
    result = CliRunner().invoke(main, ["infer", "--endpoint", endpoint])
    assert result.exit_code == 0, result.output
    far = RemoteStore(endpoint, read_only=True)
    inferred = [g for g in store.graph_names() if "/graph/inferred/" in g]
    assert inferred and [g for g in far.graph_names() if "/graph/inferred/" in g] == inferred
    for name in inferred:
        assert {q.triple for q in far.quads(name)} == {q.triple for q in store.quads(name)}, name


STAGED = 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "urn:kg:staging:")) }'


def _staged(store: RemoteStore) -> int:
    return int(store.select(STAGED)[0]["n"])


def _names(start: int, count: int) -> list[tuple]:
    return [
        (URIRef(f"{EX}e{n}"), URIRef(EX + "name"), Literal(f"名字{n}", lang="zh")) for n in range(start, start + count)
    ]


def test_a_graph_written_in_parts_to_an_endpoint_is_sent_part_by_part_and_shown_whole(endpoint: str):
    writer = RemoteStore(endpoint)
    big = URIRef(EX + "big")
    writer.write_parts([big], [{big: _names(1000, 5)}])  # an older version
    seen: list[tuple[int, int]] = []

    def parts():
        for start in range(0, 300, 100):
            seen.append((len(writer.graph(str(big))), _staged(writer)))
            yield {big: _names(start, 100)}

    writer.write_parts([big], parts())
    # each part was on the server before the next was made, and readers saw the old version all along
    assert seen == [(5, 0), (5, 100), (5, 200)]
    assert len(writer.graph(str(big))) == 300 and _staged(writer) == 0

    def broken():
        yield {big: _names(0, 50)}
        raise RuntimeError("the extraction broke")

    with pytest.raises(RuntimeError):
        writer.write_parts([big], broken())
    assert len(writer.graph(str(big))) == 300 and _staged(writer) == 0  # nothing changed, nothing left over
    writer.remove_graphs([str(big)])


class _Counting(RemoteStore):
    """The endpoint's own client, recording the size of every request it sends."""

    sizes: list[int]

    def _request(self, url, data=None, headers=None, method=None):
        self.sizes.append(len(data or b""))
        return super()._request(url, data, headers, method)


def test_a_big_replace_through_sparql_update_is_sent_in_bounded_requests(endpoint: str, monkeypatch):
    monkeypatch.setattr("kg.store.remote.UPDATE_QUADS", 40)
    writer = _Counting(endpoint, union_default_graph=False)  # no Graph Store upload: SPARQL Update only
    writer.sizes = []
    graph = Graph()
    for triple in _names(0, 150):
        graph.add(triple)
    node = BNode()  # a blank node stays one node although the graph is sent in several requests
    graph.add((URIRef(EX + "e0"), URIRef(EX + "has"), node))
    graph.add((node, URIRef(EX + "value"), Literal(3)))
    name = URIRef(EX + "chunked")
    writer.replace_graphs({name: graph})
    assert isomorphic(writer.graph(str(name)), graph)
    assert _staged(writer) == 0
    small = _Counting(endpoint, union_default_graph=False)
    small.sizes = []
    small.replace_graphs({name: _names(0, 3)})  # a small write stays one update request
    assert len(writer.graph(str(name))) == 3 and len([s for s in small.sizes if s]) == 1
    assert max(writer.sizes) < 40 * 200 + len(PROLOGUE) and len([s for s in writer.sizes if s]) >= 4
    writer.remove_graphs([str(name)])
