"""`kg serve` as a website and a hardened endpoint, spoken to over real HTTP (no browser)."""

from __future__ import annotations

import http.client
import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from kg.cli import main
from kg.model.vocab import KG, KGR
from kg.sources.build import build
from kg.sparql.server import make_server
from kg.store import formats
from kg.store.embedded import Store
from kg.store.search import SearchIndex, ensure_index, index_path
from tests.test_server import get, post_form, serving
from tests.test_server import http as fetch

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
RELEASE = (
    "巴南区教育新闻\n\n"
    "近日，巴南区教委与重庆理工大学签署合作协议，双方将共建人工智能实训基地。"
    "重庆理工大学将为巴南区中小学培训教师200余名。\n"
)


@pytest.fixture(scope="module")
def site(store_path: Path) -> Iterator[str]:
    yield from serving(make_server(store_path, "127.0.0.1", 0, timeout=30, row_limit=100, quiet=True))


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, object]]:
    path = tmp_path_factory.mktemp("web-rw") / "store"
    with Store(path) as store:
        build(store)
    server = make_server(path, "127.0.0.1", 0, timeout=60, allow_update=True, workers=1, quiet=True)
    for url in serving(server):
        yield url, server


# -- hardening ------------------------------------------------------------------------------------


def test_cors_is_off_unless_asked(site: str, store_path: Path):
    reply = fetch(f"{site}sparql?query=ASK%7B%3Fs%3Fp%3Fo%7D", headers={"Origin": "http://evil.example"})
    assert reply.status == 200 and "Access-Control-Allow-Origin" not in reply.headers
    server = make_server(store_path, "127.0.0.1", 0, quiet=True, workers=1, cors="http://app.example")
    for url in serving(server):
        allowed = fetch(f"{url}sparql?query=ASK%7B%3Fs%3Fp%3Fo%7D", headers={"Origin": "http://app.example"})
        other = fetch(f"{url}sparql?query=ASK%7B%3Fs%3Fp%3Fo%7D", headers={"Origin": "http://evil.example"})
        assert allowed.headers.get("Access-Control-Allow-Origin") == "http://app.example"
        assert "Access-Control-Allow-Origin" not in other.headers


def test_host_header_is_checked_on_every_request(site: str):
    port = urllib.parse.urlsplit(site).port
    for path in ("", "sparql?query=ASK%7B%3Fs%3Fp%3Fo%7D", "id/ba-nan-qu", "static/site.css"):
        assert fetch(site + path, headers={"Host": f"evil.example:{port}"}).status == 403
        assert fetch(site + path, headers={"Host": f"localhost:{port}"}).status == 200


def test_headers_404_and_server(site: str):
    reply = fetch(f"{site}nothing/<script>alert(1)</script>")
    assert reply.status == 404
    assert "alert" not in reply.text and "nothing" not in reply.text
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert reply.headers["Server"] == "kg"
    page = fetch(site)
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    assert "Python" not in page.headers["Server"]
    analysis = fetch(f"{site}ontology")
    assert "Content-Security-Policy" in analysis.headers


def test_from_is_honoured(site: str, store_path: Path):
    ontology = "https://w3id.org/kg-cityedu/graph/ontology"
    count = f"SELECT (COUNT(*) AS ?n) FROM <{ontology}> WHERE {{ ?s ?p ?o }}"
    everything = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

    def n(query: str) -> int:
        return int(json.loads(get(site, query).body)["results"]["bindings"][0]["n"]["value"])

    with Store(store_path, read_only=True) as store:
        in_graph = sum(1 for _ in store.quads(ontology))
    assert n(count) == in_graph < n(everything)
    named = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{ontology}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert n(named) == in_graph
    result = CliRunner().invoke(main, ["query", "--store", str(store_path), "--format", "csv", count])
    assert result.exit_code == 0 and result.output.split()[-1] == str(in_graph)


def test_slow_queries_do_not_starve_short_ones(store_path: Path):
    server = make_server(store_path, "127.0.0.1", 0, timeout=6, workers=2, quiet=True)
    for url in serving(server):
        slow = [threading.Thread(target=get, args=(url, SLOW)) for _ in range(2)]
        for thread in slow:
            thread.start()
        time.sleep(1)
        started = time.monotonic()
        reply = get(url, "ASK { ?s ?p ?o }")
        assert reply.status == 200 and time.monotonic() - started < 3
        for thread in slow:
            thread.join()


def test_saturated_server_answers_503_at_once_with_retry_after(store_path: Path):
    server = make_server(store_path, "127.0.0.1", 0, timeout=3, workers=1, quiet=True)
    server.service.queue_limit = 0
    for url in serving(server):
        started = time.monotonic()
        reply = get(url, "ASK { ?s ?p ?o }")
        assert reply.status == 503 and reply.headers.get("Retry-After")
        assert time.monotonic() - started < 1


# -- Linked Data --------------------------------------------------------------------------------------


def test_entity_iri_negotiates_turtle_and_html(site: str):
    iri = KGR["chong-qing-li-gong-da-xue"]
    reply = fetch(f"{site}id/chong-qing-li-gong-da-xue", headers={"Accept": "text/turtle"})
    assert reply.status == 200 and reply.content_type == "text/turtle"
    graph = Graph().parse(data=reply.text, format="turtle")
    assert (iri, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("重庆理工大学", lang="zh")) in graph
    assert any(graph.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#object"), iri))
    assert any(graph.objects(None, KG.evidence))
    page = fetch(f"{site}id/chong-qing-li-gong-da-xue", headers={"Accept": "text/html"})
    assert page.content_type == "text/html" and '<html lang="zh-CN">' in page.text
    assert "巴南区建立跨部门" in page.text  # an evidence sentence of its relations
    ld = fetch(f"{site}doc/banan-d85cd3f1?format=json-ld")
    assert ld.status == 200 and json.loads(ld.body)
    assert fetch(f"{site}id/no-such-entity", headers={"Accept": "text/turtle"}).status == 404
    english = fetch(f"{site}id/chong-qing-li-gong-da-xue", headers={"Accept-Language": "en"})
    assert '<html lang="en">' in english.text and "University" in english.text


@pytest.mark.parametrize("fmt", formats.names(formats.RDF))
def test_every_rdf_format_of_the_table_is_offered_for_entities_and_the_ontology(site: str, fmt: str):
    media = formats.find(fmt, formats.RDF).media_type
    for path in ("id/chong-qing-li-gong-da-xue", "ontology"):
        by_accept = fetch(f"{site}{path}", headers={"Accept": f"text/html;q=0.5, {media}"})
        by_param = fetch(f"{site}{path}?format={fmt}")
        assert by_accept.status == by_param.status == 200, (path, fmt)
        assert by_accept.content_type == by_param.content_type == media
        dataset = ox.Dataset(ox.parse(by_param.body, formats.find(fmt, formats.RDF).rdf))
        assert len(dataset) > 10


def test_accept_without_any_offered_format_is_406(site: str):
    assert fetch(f"{site}id/chong-qing-li-gong-da-xue", headers={"Accept": "image/png"}).status == 406
    assert fetch(f"{site}ontology?format=csv").status == 406
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert fetch(f"{site}ontology", headers={"Accept": browser}).content_type == "text/html"
    zh_last = fetch(f"{site}", headers={"Accept-Language": "fr;q=1, zh-CN;q=0.2, en;q=0.5"})
    assert '<html lang="en">' in zh_last.text


def test_editor_lists_the_examples_in_the_pages_language(site: str):
    chinese = fetch(f"{site}sparql", headers={"Accept": "text/html"}).text
    english = fetch(f"{site}sparql?lang=en", headers={"Accept": "text/html"}).text
    assert ">各高校牵头的平台<" in chinese and 'data-table="表格"' in chinese
    assert ">Which platforms each college leads<" in english and ">各高校牵头的平台<" not in english


# -- search -----------------------------------------------------------------------------------------


def test_a_bulk_load_builds_the_search_index_and_serving_never_builds_it_in_a_request(tmp_path: Path):
    from kg.store.load import load_files

    data = tmp_path / "synth.nq"
    assert CliRunner().invoke(main, ["synth", "--entities", "300", "--out", str(data)]).exit_code == 0
    path = tmp_path / "store"
    with Store(path) as store:
        load_files(store, [data], bulk_bytes=0)  # through the bulk loader, as a big file goes
        names = set(store.graph_names())
    index = SearchIndex(index_path(path))
    assert index.is_current(names) and index.search("学")
    index.close()
    index_path(path).unlink()  # lost (a store copied without it): kg serve rebuilds it before its workers start
    for url in serving(make_server(path, "127.0.0.1", 0, quiet=True, workers=1)):
        assert index_path(path).exists()
        assert json.loads(fetch(f"{url}search.json?q=%E5%AD%A6").body)["entities"]


def test_search_finds_labels_pinyin_and_text(site: str):
    def titles(q: str) -> dict:
        return json.loads(fetch(f"{site}search.json?q={urllib.parse.quote(q)}").body)

    assert titles("重庆理工大学")["entities"][0]["title"] == "重庆理工大学"
    assert titles("cqlgdx")["entities"][0]["title"] == "重庆理工大学"
    assert titles("chongqingligong")["entities"][0]["title"] == "重庆理工大学"
    assert titles("巴南")["entities"]
    assert titles("育人有声")["documents"]  # words of an evidence sentence
    assert titles("<script>") == {"entities": [], "documents": []}


def test_search_index_follows_ingest_and_remove(tmp_path: Path):
    path = tmp_path / "store"
    with Store(path) as store:
        build(store)
        index = ensure_index(store)
        assert index_path(path).exists()
        assert not [h for h in index.search("人工智能实训基地") if h.kind == "document"]
    release = tmp_path / "release.txt"
    release.write_text(RELEASE, encoding="utf-8")
    assert CliRunner().invoke(main, ["ingest", "--store", str(path), str(release)]).exit_code == 0
    with Store(path, read_only=True) as store:
        index = ensure_index(store)
        docs = [h for h in index.search("人工智能实训基地") if h.kind == "document"]
        assert docs
        doc_id = docs[0].iri.rsplit("/", 1)[-1]
    assert CliRunner().invoke(main, ["docs", "--store", str(path), "remove", doc_id]).exit_code == 0
    with Store(path, read_only=True) as store:
        assert not [h for h in ensure_index(store).search("人工智能实训基地") if h.kind == "document"]


# -- changing the graph from the browser --------------------------------------------------------------


def test_add_a_press_release_needs_the_token_and_the_csrf_field(writable):
    url, server = writable
    assert fetch(f"{url}add").status == 403
    assert post_form(url, update="x").status in (400, 403, 204)  # the endpoint itself is unchanged
    form = urllib.parse.urlencode({"text": RELEASE, "name": "r.txt", "action": "accept"}).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    assert fetch(f"{url}add", form, headers).status == 403  # no token cookie
    cookie = {"Cookie": f"kg_token={server.token}"}
    assert fetch(f"{url}add", form, {**headers, **cookie}).status == 403  # no CSRF field
    evil = {**headers, **cookie, "Origin": "http://evil.example"}
    with_csrf = urllib.parse.urlencode({"text": RELEASE, "name": "r.txt", "action": "preview", "csrf": server.csrf})
    assert fetch(f"{url}add", with_csrf.encode(), evil).status == 403
    preview = fetch(f"{url}add", with_csrf.encode(), {**headers, **cookie})
    assert preview.status == 200 and "人工智能实训基地" in preview.text and 'class="evidence"' in preview.text
    accept = with_csrf.replace("action=preview", "action=accept")
    added = fetch(f"{url}add", accept.encode(), {**headers, **cookie})
    assert added.status == 200 and "人工智能实训基地" in added.text  # redirected to the new document's page
    docs = json.loads(fetch(f"{url}search.json?q=%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD").body)["documents"]
    assert docs
    connection = http.client.HTTPConnection(urllib.parse.urlsplit(url).netloc, timeout=60)
    connection.request("GET", f"/add?token={server.token}")
    answer = connection.getresponse()
    assert answer.status == 303 and answer.getheader("Location") == "/add"
    assert f"kg_token={server.token}" in answer.getheader("Set-Cookie") and "HttpOnly" in answer.getheader("Set-Cookie")
    connection.close()


def test_an_edit_that_fails_says_why_in_the_page_language(writable):
    url, server = writable
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"kg_token={server.token}"}
    form = urllib.parse.urlencode({"action": "remove", "csrf": server.csrf}).encode()
    chinese = fetch(f"{url}doc/no-such-doc", form, headers)
    english = fetch(f"{url}doc/no-such-doc?lang=en", form, headers)
    assert chinese.status == english.status == 400
    assert "存储中没有文档" in chinese.text and "in the store (documents:" in english.text


# -- figures of the whole graph: computed once per state of the store, never by a page ---------------------------


def test_figures_are_read_only_for_the_state_they_were_computed_for():
    index = SearchIndex(":memory:")
    index.replace({"urn:g": [(str(KGR["a"]), "http://www.w3.org/2000/01/rdf-schema#label", "甲校", "")]})
    state = index.generation()
    assert index.figure("districts") is None and index.rank(str(KGR["a"])) is None  # not computed yet
    assert index.write_figures(state, {str(KGR["a"]): ("School", 3, 1, 2, 3)}, {"districts": [["urn:d", "甲区", 1]]})
    assert index.figure("districts") == [["urn:d", "甲区", 1]] and index.rank(str(KGR["a"])) == ("School", 3, 1, 2, 3)
    index.put_figure(state, "place:urn:d", {"values": {}})
    assert index.figure("place:urn:d") == {"values": {}}
    index.replace({"urn:g": []})  # a write: what was computed before it is never shown
    assert index.figure("districts") is None and index.rank(str(KGR["a"])) is None
    assert not index.write_figures(state, {}, {"districts": []})  # computed for an older state: refused
    index.put_figure(state, "place:urn:d", {"values": {"x": 1}})  # likewise
    assert index.figure("place:urn:d") is None


def figures_ready(url: str, path: str = "id/chong-qing-li-gong-da-xue", wait: float = 300) -> str:
    """The page at ``path`` once the server's background computation of the figures has finished."""
    deadline = time.monotonic() + wait
    while True:
        page = fetch(url + path).text
        if "图谱分析正在计算" not in page or time.monotonic() > deadline:
            return page
        time.sleep(1)


def test_entity_ranks_and_district_comparison_come_from_the_kept_figures(site: str, store_path: Path):
    from kg.analysis.indicators import place_indicators
    from kg.analysis.metrics import simple_graph
    from kg.analysis.projection import project
    from kg.outputs.report import _comparison_sections, sections_html
    from kg.web.figures import entity_ranks

    page = figures_ready(site)
    with Store(store_path, read_only=True) as store:
        graph = project(store)
        ranks = entity_ranks(graph, simple_graph(graph))
        _, size, degree, pagerank, betweenness = ranks[str(KGR["chong-qing-li-gong-da-xue"])]
        # the comparison is `kg analyze --compare`'s: the in-store aggregates of place_indicators, same tables
        results = [place_indicators(store, name)[0] for name in ("巴南区", "大足区")]
    for rank in (degree, pagerank, betweenness):
        assert f"{rank} / {size}" in page
    expected = sections_html(_comparison_sections(results, details=False), heading=3)
    compared = fetch(site + "id/ba-nan-qu?compare=" + urllib.parse.quote(str(KGR["da-zu-qu"]), safe="")).text
    assert expected in compared
    again = fetch(site + "id/ba-nan-qu?compare=" + urllib.parse.quote(str(KGR["da-zu-qu"]), safe="")).text
    assert expected in again  # kept: the second view renders the same from the index
    home = fetch(site).text
    assert "巴南区" in home and "图谱分析正在计算" not in home


def test_path_page_searches_the_store_and_suggests_names(site: str):
    figures_ready(site)
    found = fetch(site + "path?" + urllib.parse.urlencode({"from": "重庆理工大学", "to": "巴南区"})).text
    assert "重庆理工大学 与 巴南区 如何关联" in found and "<blockquote>" in found
    unknown = fetch(site + "path?" + urllib.parse.urlencode({"from": "重庆理工大学", "to": "重庆理工"})).text
    assert "没有名为“重庆理工”的实体" in unknown and "/id/chong-qing-li-gong-da-xue" in unknown  # did you mean


def test_a_restart_on_an_unchanged_store_computes_no_figures(site: str, store_path: Path):
    figures_ready(site)
    again = make_server(store_path, "127.0.0.1", 0, quiet=True, workers=1)
    for _ in serving(again):  # serving, then shut down
        time.sleep(5)  # the keeper has looked at the index at least twice
        assert not again.figures.running and again.figures._tried is None
