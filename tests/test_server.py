"""`kg serve`: a real HTTP server on a free loopback port, queried with a real HTTP client (and a real browser)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from kg.cli import main
from kg.model.vocab import KGR
from kg.sources.build import build
from kg.sparql.query import bundled_queries
from kg.sparql.server import SparqlServer, Worker, make_server, shutdown
from kg.store.embedded import Store

TIMEOUT = 3.0  # short, so the over-time test is quick
WRITE_TIMEOUT = 60.0  # an update and the read after it are ordinary work: a loaded machine must not fail them
ROW_LIMIT = 100
COMPANIES = "SELECT ?company ?label WHERE { ?company a kg:Company ; rdfs:label ?label } ORDER BY ?label"
CONSTRUCT = "CONSTRUCT { ?c a kg:Company ; rdfs:label ?l } WHERE { ?c a kg:Company ; rdfs:label ?l }"
PATHOLOGICAL = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@dataclass
class Reply:
    status: int
    content_type: str
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def http(
    url: str, data: bytes | None = None, headers: dict[str, str] | None = None, method: str | None = None
) -> Reply:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return Reply(response.status, response.headers.get_content_type(), dict(response.headers), response.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, error.headers.get_content_type(), dict(error.headers), error.read())


def get(base: str, query: str, accept: str | None = None, **params: str) -> Reply:
    url = f"{base}sparql?{urllib.parse.urlencode({'query': query, **params})}"
    return http(url, headers={"Accept": accept} if accept else {})


def post_form(base: str, headers: dict[str, str] | None = None, **fields: str) -> Reply:
    body = urllib.parse.urlencode(fields).encode("utf-8")
    return http(f"{base}sparql", body, {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})})


def serving(server: SparqlServer) -> Iterator[str]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.url
    finally:
        shutdown(server)
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def base(store_path: Path) -> Iterator[str]:
    """A read-only server over the bundled store."""
    server = make_server(store_path, "127.0.0.1", 0, timeout=TIMEOUT, row_limit=ROW_LIMIT, quiet=True)
    yield from serving(server)


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server with --allow-update over a store of its own."""
    path = tmp_path_factory.mktemp("served") / "store"
    with Store(path) as store:
        build(store)
    server = make_server(path, "127.0.0.1", 0, timeout=WRITE_TIMEOUT, allow_update=True, workers=1, quiet=True)
    yield from serving(server)


# -- SELECT in every results format ------------------------------------------------------


def test_select_json(base: str):
    reply = get(base, COMPANIES, "application/sparql-results+json")
    assert reply.status == 200 and reply.content_type == "application/sparql-results+json"
    data = json.loads(reply.body)
    assert data["head"]["vars"] == ["company", "label"]
    labels = [b["label"]["value"] for b in data["results"]["bindings"]]
    assert labels == sorted(labels) and len(labels) == 5 and "问界" in labels
    assert reply.headers["KG-Row-Limit"] == str(ROW_LIMIT) and "KG-Truncated" not in reply.headers


def test_select_xml(base: str):
    reply = get(base, COMPANIES, "application/sparql-results+xml")
    assert reply.content_type == "application/sparql-results+xml"
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(reply.body)
    literals = [e.text for e in root.iterfind(".//r:literal", ns)]
    assert len(literals) == 5 and "问界" in literals


def test_select_csv(base: str):
    reply = get(base, COMPANIES, "text/csv")
    assert reply.content_type == "text/csv"
    rows = list(csv.reader(io.StringIO(reply.text)))
    assert rows[0] == ["company", "label"] and len(rows) == 6
    assert [str(KGR["wen-jie"]), "问界"] in rows


def test_select_tsv(base: str):
    reply = get(base, COMPANIES, "text/tab-separated-values")
    assert reply.content_type == "text/tab-separated-values"
    lines = reply.text.splitlines()
    assert lines[0] == "?company\t?label"
    assert f'<{KGR["wen-jie"]}>\t"问界"@zh' in lines


def test_accept_quality_and_format_parameter(base: str):
    reply = get(base, COMPANIES, "text/csv;q=0.4, application/sparql-results+xml;q=0.9")
    assert reply.content_type == "application/sparql-results+xml"
    assert get(base, COMPANIES, "text/csv", format="tsv").content_type == "text/tab-separated-values"
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert get(base, COMPANIES, browser).content_type == "application/xml"  # SPARQL XML results, as asked


def test_post_form_and_direct(base: str):
    form = post_form(base, {"Accept": "application/sparql-results+json"}, query=COMPANIES)
    direct = http(
        f"{base}sparql",
        COMPANIES.encode("utf-8"),
        {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    assert form.status == direct.status == 200
    assert json.loads(form.body) == json.loads(direct.body) == json.loads(get(base, COMPANIES).body)


def test_ask(base: str):
    assert json.loads(get(base, "ASK { ?s a kg:Company }").body) == {"head": {}, "boolean": True}
    assert get(base, "ASK { ?s a kg:Kindergarten }", "text/csv").text.strip() == "false"


def test_dataset_parameters(base: str):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a a kg:RelationAssertion }"
    entities = "https://w3id.org/kg-cityedu/graph/entities"
    only_entities = json.loads(get(base, query, **{"default-graph-uri": entities}).body)
    everything = json.loads(get(base, query).body)
    assert only_entities["results"]["bindings"][0]["n"]["value"] == "0"
    assert everything["results"]["bindings"][0]["n"]["value"] == "151"  # 149 curated + 2 namesake links


def test_row_limit_cuts_and_says_so(base: str):
    reply = get(base, "SELECT * WHERE { ?s ?p ?o }")
    assert reply.status == 200
    assert len(json.loads(reply.body)["results"]["bindings"]) == ROW_LIMIT
    assert reply.headers["KG-Truncated"] == "true"


# -- CONSTRUCT ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_construct(base: str, accept: str, rdflib_format: str):
    reply = get(base, CONSTRUCT, accept)
    assert reply.status == 200 and reply.content_type == accept
    graph = Graph().parse(data=reply.body, format=rdflib_format)
    assert len(graph) == 10
    assert (URIRef(KGR["wen-jie"]), None, Literal("问界", lang="zh")) in graph


def test_construct_defaults_to_turtle(base: str):
    reply = get(base, CONSTRUCT)
    assert reply.content_type == "text/turtle" and "@prefix kgr:" in reply.text


# -- errors, refusals, limits -------------------------------------------------------------------


def test_not_acceptable(base: str):
    assert get(base, COMPANIES, "text/html").status == 406
    assert get(base, CONSTRUCT, "text/csv").status == 406


def test_syntax_error(base: str):
    reply = get(base, "SELECT ?s WHERE {\n ?s a kg:Company")
    assert reply.status == 400 and reply.content_type == "text/plain"
    assert reply.text.startswith("查询语法错误：第 2 行第 ")
    asked = urllib.parse.urlencode({"query": "SELECT ?s WHERE {\n ?s a kg:Company"})
    english = http(f"{base}sparql?{asked}", None, {"Accept-Language": "en-GB,en;q=0.8"})  # the client's language
    assert english.status == 400 and english.text.startswith("query syntax error at line 2, column ")


def test_update_is_refused_when_read_only(base: str, store_path: Path):
    before = len(Store(store_path, read_only=True))
    update = "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> 1 } }"
    form = post_form(base, update=update)
    direct = http(f"{base}sparql", update.encode(), {"Content-Type": "application/sparql-update"})
    assert form.status == direct.status == 403
    assert "此端点只读" in form.text
    assert http(f"{base}sparql?{urllib.parse.urlencode({'update': update})}").status == 405
    assert len(Store(store_path, read_only=True)) == before


def test_a_query_over_time_gets_503_and_the_server_stays_up(base: str):
    started = time.monotonic()
    reply = get(base, PATHOLOGICAL)
    elapsed = time.monotonic() - started
    assert reply.status == 503
    assert f"{TIMEOUT:g} 秒" in reply.text
    assert elapsed < TIMEOUT + 5
    for _ in range(3):  # every worker answers again
        assert get(base, COMPANIES).status == 200
    home = [http(base).status for _ in range(3)]  # a page: on a loaded machine a fresh worker may need a retry
    assert 200 in home


def test_unknown_path_and_media_type(base: str):
    assert http(f"{base}nothing").status == 404
    assert http(f"{base}sparql", b"x", {"Content-Type": "text/plain"}).status == 415


# -- updates when allowed --------------------------------------------------------------------------


def test_update_when_allowed(writable: str):
    update = 'INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> rdfs:label "新" } }'
    reply = http(f"{writable}sparql", update.encode(), {"Content-Type": "application/sparql-update"})
    assert reply.status == 204, reply.text
    seen = json.loads(get(writable, "SELECT ?l WHERE { <http://example.org/a> rdfs:label ?l }").body)
    assert [b["l"]["value"] for b in seen["results"]["bindings"]] == ["新"]
    typed = "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> a kg:PrimarySchool } }"
    assert http(f"{writable}sparql", typed.encode(), {"Content-Type": "application/sparql-update"}).status == 204
    inferred = json.loads(get(writable, "ASK { <http://example.org/a> a kg:School }").body)
    assert inferred["boolean"] is True, "an update refreshes the inferred graph"
    bad = post_form(writable, update="INSERT DATA { <http://example.org/a> }")
    assert bad.status == 400 and bad.text.startswith("更新语法错误：第 1 行")


def test_reads_right_after_writes(writable: str):
    """Readers see each write at once, even while the writer's compaction removes files under them."""
    for i in range(30):
        update = f'INSERT DATA {{ GRAPH <http://example.org/r{i}> {{ <http://example.org/r{i}> rdfs:label "读{i}" }} }}'
        assert http(f"{writable}sparql", update.encode(), {"Content-Type": "application/sparql-update"}).status == 204
        reply = get(writable, f"SELECT ?l WHERE {{ <http://example.org/r{i}> rdfs:label ?l }}")
        assert reply.status == 200, reply.text
        assert [b["l"]["value"] for b in json.loads(reply.body)["results"]["bindings"]] == [f"读{i}"]


def test_nothing_is_fetched_from_the_network(writable: str):
    """SERVICE and LOAD would make the server send requests (offline rule, SSRF): both are refused with 400."""
    with socket.socket() as listener:  # a local port that would see any request the server sent
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.5)
        target = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
        query = get(writable, f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}")
        load = post_form(writable, update=f"LOAD <{target}>")
        assert (query.status, load.status) == (400, 400)
        assert "SERVICE 被拒绝" in query.text and "LOAD 被拒绝" in load.text
        with pytest.raises(TimeoutError):
            listener.accept()
    update = "DROP GRAPH <http://example.org/no-such-graph>"
    assert post_form(writable, update=update).status == 400  # fails on the data: the client's error, not a 500


def test_update_from_another_origin_is_refused(writable: str):
    reply = post_form(writable, {"Origin": "http://evil.example"}, update="DROP ALL")
    assert reply.status == 403
    port = urllib.parse.urlsplit(writable).port
    rebound = {"Origin": f"http://evil.example:{port}", "Host": f"evil.example:{port}"}  # DNS rebinding
    assert post_form(writable, rebound, update="DROP ALL").status == 403
    assert json.loads(get(writable, "ASK { ?s ?p ?o }").body)["boolean"] is True


# -- the query page -------------------------------------------------------------------------------


def test_page_is_self_contained(base: str):
    page = http(f"{base}sparql")
    assert page.status == 200 and page.content_type == "text/html"
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page.text)
    for asset in re.findall(r"""(?:src|href)="(/static/[^"]+)\"""", page.text):
        reply = http(base.rstrip("/") + asset)
        assert reply.status == 200
        if "yasgui" not in asset and "vis-network" not in asset:  # vendored: checked in the browser tests
            assert not re.search(r"https?://(?!w3id\.org|www\.w3\.org/2000/svg)", reply.text)  # SVG namespace


def test_examples_are_the_bundled_queries(base: str):
    data = json.loads(http(f"{base}examples.json").body)
    assert [e["name"] for e in data["examples"]] == list(bundled_queries())
    partners = next(e for e in data["examples"] if e["name"] == "school-partners")
    assert f"VALUES (?district) {{ (<{KGR['ba-nan-qu']}>) }}" in partners["query"]
    reply = get(base, partners["query"])
    assert len(json.loads(reply.body)["results"]["bindings"]) == 13


def children_of(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_kg_serve_command_starts_answers_and_stops(store_path: Path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "kg.cli", "serve", "--store", str(store_path), "--port", str(port), "--quiet"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        banner = process.stderr.readline()
        assert banner.startswith(f"kg: SPARQL 端点 http://127.0.0.1:{port}/sparql，网站 "), banner
        assert "只读，超时 10 秒，最多 10000 行" in banner
        reply = get(f"http://127.0.0.1:{port}/", COMPANIES, "text/csv")
        assert reply.status == 200 and len(reply.text.splitlines()) == 6
        workers = children_of(process.pid)
        assert len(workers) == 3  # two readers and the short lane
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)  # the query workers ended with the server
    assert os.path.exists(store_path)


def test_kg_serve_without_a_store(tmp_path: Path):
    result = CliRunner().invoke(main, ["serve", "--store", str(tmp_path / "none"), "--port", "0"])
    assert result.exit_code == 1
    assert "处没有存储" in result.output


def test_a_worker_stopped_from_several_threads_at_once_closes_its_pipes_once(store_path: Path):
    # a request thread that gave up on its job and the server's close stop the same worker together
    worker = Worker(str(store_path), writable=False)
    start = threading.Barrier(8)
    errors: list[BaseException] = []

    def stop() -> None:
        start.wait()
        try:
            worker.stop()
        except BaseException as error:  # any error of a second close is the failure
            errors.append(error)

    threads = [threading.Thread(target=stop) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and worker.process.poll() is not None


def test_a_client_gone_before_its_answer_is_no_error_to_report(store_path: Path, capsys):
    """A browser that leaves the page while its answer is written (the write fails: BrokenPipeError,
    ConnectionResetError) is nothing to report; another error is reported as the standard server does."""
    server = make_server(store_path, "127.0.0.1", 0, timeout=TIMEOUT, quiet=True)
    try:
        for gone in (BrokenPipeError(32, "Broken pipe"), ConnectionResetError(104, "Connection reset by peer")):
            try:
                raise gone
            except ConnectionError:
                server.handle_error(None, ("127.0.0.1", 50000))
        assert capsys.readouterr().err == ""
        try:
            raise ValueError("a fault of the server's")
        except ValueError:
            server.handle_error(None, ("127.0.0.1", 50000))
        assert "ValueError" in capsys.readouterr().err
    finally:
        server.server_close()  # (never served: no loop to stop; the socket and the workers end here)
        server.service.close()
