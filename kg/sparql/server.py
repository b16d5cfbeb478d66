"""``kg serve``: a SPARQL 1.1 Protocol endpoint over the store, with a query page.

* ``GET /sparql?query=…`` and ``POST /sparql`` (form-encoded ``query=`` /
  ``update=``, or a direct ``application/sparql-query`` / ``application/sparql-update``
  body), with ``default-graph-uri`` / ``named-graph-uri``; ``/query`` and
  ``/update`` are aliases.  The default graph is the union of all named graphs.
* Content negotiation (``Accept``, or a ``format`` parameter): SPARQL results
  as JSON, XML, CSV or TSV; graphs as Turtle, N-Triples, JSON-LD or RDF/XML.
* ``GET /`` is a query page (editor, bundled queries as examples, results
  table) shipped with the package: it loads nothing from elsewhere.
* Read-only unless ``allow_update``: an update gets HTTP 403.
* Every query runs in a worker process with a time limit; a query that runs
  over is stopped by ending its worker (Oxigraph cannot interrupt a running
  query from Python), the client gets HTTP 503 and a fresh worker takes its
  place.  Results longer than the row limit are cut, and say so in the
  ``KG-Truncated`` header.

Reader workers open the store read-only and reopen it when its files change,
so the server sees what ``kg build`` or ``kg ingest`` write meanwhile; updates
go to one writer worker.
"""

from __future__ import annotations

import io
import ipaddress
import json
import os
import queue
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import KgError
from kg.escape import xml_bytes
from kg.model.vocab import PREFIXES
from kg.sparql.query import bundled_queries, example_text, result_kind
from kg.store import formats
from kg.store.inference import refresh_inference
from kg.store.sparql_text import QueryError, refuse_remote_operations, syntax_message

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = {
    "/": ("sparql.html", "text/html; charset=utf-8"),
    "/static/sparql.js": ("sparql.js", "text/javascript; charset=utf-8"),
    "/static/sparql.css": ("sparql.css", "text/css; charset=utf-8"),
}
MAX_BODY = 64 * 1024 * 1024
STARTUP_TIMEOUT = 120.0  # seconds a new worker may take to import and open the store

CHARSET = {"text/csv", "text/tab-separated-values", "text/turtle", "text/plain", "application/n-triples"}


class ServeError(KgError):
    """The server cannot start (no store, port taken); the message says which."""


@dataclass
class Answer:
    """An HTTP response: status, content type, body and extra headers."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def text(cls, status: int, message: str) -> Answer:
        return cls(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8"))


# -- content negotiation ---------------------------------------------------------------


def parse_accept(header: str | None) -> list[str]:
    """Media types of an ``Accept`` header, best first (q=0 dropped; order kept among equals).

    >>> parse_accept("text/csv;q=0.5, application/sparql-results+json, */*;q=0.1")
    ['application/sparql-results+json', 'text/csv', '*/*']
    """
    if not header:
        return ["*/*"]
    ranked = []
    for index, part in enumerate(header.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, index, media.lower()))
    return [media for _, _, media in sorted(ranked)]


def negotiate(kind: str, accept: str | None, fmt: str | None = None) -> str | None:
    """The media type to answer a ``select``/``ask``/``graph`` result with, or None (HTTP 406).

    >>> negotiate("select", "text/html,application/xhtml+xml,*/*;q=0.8")
    'application/sparql-results+json'
    >>> negotiate("graph", "application/n-triples"), negotiate("select", "text/turtle")
    ('application/n-triples', None)
    """
    kinds = formats.RDF if kind == "graph" else {"results"}
    table = formats.media_types(kinds)
    default = table[0]
    if fmt:
        chosen = formats.lookup(fmt, kinds)
        return chosen.media_type if chosen else None
    for media in parse_accept(accept):
        if media in table:
            return media
        if media == "*/*":
            return default
        if media.endswith("/*"):
            family = media[:-1]
            if default.startswith(family):
                return default
            matches = [m for m in table if m.startswith(family)]
            if matches:
                return matches[0]
    return None


# -- running queries (inside the worker processes) -----------------------------------


def _term_json(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        value: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            value["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            value["datatype"] = term.datatype.value
        return value
    return {
        "type": "triple",
        "value": {
            "subject": _term_json(term.subject),
            "predicate": _term_json(term.predicate),
            "object": _term_json(term.object),
        },
    }


def _results_format(media: str) -> ox.QueryResultsFormat:
    chosen = formats.by_media_type(media, {"results"})
    assert chosen is not None and chosen.results is not None
    return chosen.results


def answer_query(store: Any, job: dict[str, Any]) -> Answer:
    """Run a query job against a store and serialize the result as negotiated, cut at the row limit."""
    text, limit = job["query"], job["row_limit"]
    try:
        refuse_remote_operations(text)
        result = store.query_raw(text, default_graphs=job.get("default_graphs"), named_graphs=job.get("named_graphs"))
    except SyntaxError as error:
        return Answer.text(400, syntax_message(str(error), text))
    except (OSError, RuntimeError, ValueError) as error:
        return Answer.text(400, f"query failed: {' '.join(str(error).split())}")
    kind = result_kind(result)
    media = negotiate(kind, job.get("accept"), job.get("format"))
    if media is None:
        offered = ", ".join(formats.media_types(formats.RDF if kind == "graph" else {"results"}))
        return Answer.text(406, f"cannot answer a {kind.upper()} query as requested; available: {offered}")
    headers = {"KG-Row-Limit": str(limit)}
    content_type = media + ("; charset=utf-8" if media in CHARSET else "")
    if kind == "ask":
        return Answer(200, content_type, result.serialize(format=_results_format(media)), headers)
    if kind == "graph":
        triples = []
        for triple in result:
            if len(triples) == limit:
                headers["KG-Truncated"] = "true"
                break
            triples.append(triple)
        body = io.BytesIO()
        graph_format = formats.by_media_type(media, formats.RDF)
        assert graph_format is not None
        formats.write_rdf(triples, graph_format, body)
        return Answer(200, content_type, body.getvalue(), headers)
    names = [v.value for v in result.variables]
    bindings = []
    for solution in result:
        if len(bindings) == limit:
            headers["KG-Truncated"] = "true"
            break
        bindings.append({n: _term_json(solution[n]) for n in names if solution[n] is not None})
    body = json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False).encode()
    fmt = _results_format(media)
    json_results = formats.find("json", {"results"}).results
    if fmt != json_results:
        body = ox.parse_query_results(body, json_results).serialize(format=fmt)
        if fmt == formats.find("xml", {"results"}).results:
            body = xml_bytes(body)  # a control character in a literal would make the XML unreadable
    return Answer(200, content_type, body, headers)


def answer_examples(store: Any) -> Answer:
    """The bundled queries as JSON examples, parameters bound to their defaults."""
    examples = []
    for query in bundled_queries().values():
        try:
            text = example_text(store, query)
        except KgError:
            text = query.text  # a default entity missing from this store: show the query as written
        examples.append({"name": query.name, "title": query.title, "description": query.description, "query": text})
    body = {"prefixes": PREFIXES, "examples": examples}
    return Answer(200, "application/json", json.dumps(body, ensure_ascii=False).encode("utf-8"))


def _signature(path: Path) -> tuple:
    """Changes whenever the store's files change (RocksDB appends to its log and adds files)."""
    try:
        return tuple(sorted((e.name, e.stat().st_mtime_ns, e.stat().st_size) for e in os.scandir(path)))
    except OSError:
        return ()


def _worker_stdio(store_path: str, writable: bool) -> None:
    """Entry point of a worker process: jobs on stdin, answers on stdout (anything printed goes to stderr)."""
    jobs = Connection(os.dup(0), writable=False)
    answers = Connection(os.dup(1), readable=False)
    os.dup2(2, 1)
    _worker_main(jobs, answers, store_path, writable)


def _worker_main(jobs: Connection, answers: Connection, store_path: str, writable: bool) -> None:
    """Loop of a worker process: answer jobs until the server closes the pipe."""
    from kg.store.embedded import Store

    store, signature = None, None
    try:  # open the store before saying ready, so the first query does not pay for it
        store = Store(store_path) if writable else Store(store_path, read_only=True)
        signature = _signature(Path(store_path))
        answers.send("ready")
    except (KgError, OSError) as error:
        answers.send(Answer.text(500, str(error)))
        return
    while True:
        try:
            job = jobs.recv()
        except (EOFError, OSError):
            return
        try:
            if writable:
                if store is None:
                    store = Store(store_path)
            else:
                current = _signature(Path(store_path))
                if store is None or current != signature:
                    store = None
                    store, signature = Store(store_path, read_only=True), current
            if job["op"] == "update":
                try:
                    refuse_remote_operations(job["update"])
                    store.update(job["update"])
                    refresh_inference(store)  # queries may rely on the RDFS closure of what was written
                    answer = Answer(204, "text/plain", b"")
                except SyntaxError as error:
                    answer = Answer.text(400, syntax_message(str(error), job["update"]).replace("query", "update", 1))
                except (QueryError, OSError, RuntimeError, ValueError) as error:  # refused, or failed on the data
                    answer = Answer.text(400, f"update failed: {' '.join(str(error).split())}")
            elif job["op"] == "examples":
                answer = answer_examples(store)
            else:
                answer = answer_query(store, job)
        except KgError as error:
            answer = Answer.text(500, str(error))
        except Exception as error:  # a worker must answer, whatever happened
            answer = Answer.text(500, f"internal error: {type(error).__name__}: {error}")
        try:
            answers.send(answer)
        except (BrokenPipeError, OSError):
            return


# -- the worker pool (in the server process) ------------------------------------------


class Worker:
    """A Python process running :func:`_worker_main`; jobs go in on its stdin, answers come out on its stdout.

    A plain subprocess (not ``multiprocessing``) so that it never re-imports the caller's main module.
    """

    def __init__(self, store_path: str, writable: bool):
        code = "import sys; from kg.sparql.server import _worker_stdio; _worker_stdio(sys.argv[1], sys.argv[2] == 'rw')"
        self.process = subprocess.Popen(
            [sys.executable, "-c", code, store_path, "rw" if writable else "ro"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self._out = Connection(os.dup(self.process.stdin.fileno()), readable=False)
        self._in = Connection(os.dup(self.process.stdout.fileno()), writable=False)
        self.process.stdin.close()
        self.process.stdout.close()

    def send(self, job: dict[str, Any]) -> None:
        self._out.send(job)

    def answer(self, timeout: float) -> Answer | None:
        """The answer to the job sent, or None when none came within ``timeout`` seconds."""
        try:
            return self._in.recv() if self._in.poll(timeout) else None
        except (EOFError, OSError):
            return None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=5)
        self._out.close()
        self._in.close()


class QueryService:
    """Runs jobs in worker processes, each within ``timeout`` seconds; kills and replaces workers that run over."""

    def __init__(
        self,
        store_path: Path,
        *,
        workers: int = 2,
        timeout: float = 10.0,
        row_limit: int = 10_000,
        allow_update: bool = False,
    ):
        self.store_path = str(store_path)
        self.timeout, self.row_limit, self.allow_update = timeout, row_limit, allow_update
        self._readers: queue.Queue[Worker] = queue.Queue()
        self._writers: queue.Queue[Worker] = queue.Queue()
        self._all: set[Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._examples: Answer | None = None
        if allow_update:
            self._writers.put(self._spawn(True)[0])  # first: it creates the store if there is none yet
        for worker in self._spawn(False, max(1, workers)):
            self._readers.put(worker)

    def _spawn(self, writable: bool, count: int = 1) -> list[Worker]:
        """``count`` new workers, started together, once each has opened the store."""
        workers = [Worker(self.store_path, writable) for _ in range(count)]
        with self._lock:
            self._all.update(workers)
        for worker in workers:
            ready = worker.answer(STARTUP_TIMEOUT)
            if ready != "ready":
                for other in workers:
                    other.stop()
                problem = ready.body.decode().strip() if isinstance(ready, Answer) else "no answer"
                raise ServeError(f"a query worker could not start: {problem}")
        return workers

    def _respawn(self, pool: queue.Queue[Worker], writable: bool) -> None:
        try:
            pool.put(self._spawn(writable)[0])
        except (KgError, OSError):
            if not self._closed:
                raise

    def _replace(self, worker: Worker, pool: queue.Queue[Worker], writable: bool) -> None:
        worker.stop()
        with self._lock:
            self._all.discard(worker)
        if not self._closed:
            threading.Thread(target=self._respawn, args=(pool, writable), daemon=True).start()

    def run(self, job: dict[str, Any]) -> Answer:
        """Answer a job; HTTP 503 when no worker is free in time or the job runs over."""
        writable = job["op"] == "update"
        pool = self._writers if writable else self._readers
        deadline = time.monotonic() + self.timeout
        try:
            worker = pool.get(timeout=self.timeout)
        except queue.Empty:
            return Answer.text(503, f"the server is busy: no worker was free within {self.timeout:g} s; try again")
        try:
            worker.send(job)
            answer = worker.answer(max(deadline - time.monotonic(), 0.01))
            if answer is not None:
                pool.put(worker)
                return answer
        except (EOFError, OSError):
            self._replace(worker, pool, writable)
            return Answer.text(500, "the worker process died; it has been replaced")
        died = worker.process.poll() is not None
        self._replace(worker, pool, writable)
        if died:
            return Answer.text(500, "the worker process died; it has been replaced")
        what = "update" if writable else "query"
        return Answer.text(503, f"the {what} ran over the {self.timeout:g} s time limit and was stopped")

    def examples(self) -> Answer:
        """The bundled queries as examples (computed once)."""
        if self._examples is None or self._examples.status != 200:
            self._examples = self.run({"op": "examples"})
        return self._examples

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()


# -- HTTP -------------------------------------------------------------------------------


class Handler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol requests and the query page."""

    server: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = "kg-sparql"

    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)

    def _send(self, answer: Answer, head_only: bool = False) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Expose-Headers", "KG-Truncated, KG-Row-Limit")
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if not head_only:
            self.wfile.write(answer.body)

    def do_HEAD(self) -> None:
        self._get(head_only=True)

    def do_GET(self) -> None:
        self._get()

    def _get(self, head_only: bool = False) -> None:
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if url.path in {"/sparql", "/query"} and "query" in params:
            self._send(self._query(params["query"][0], params), head_only)
        elif url.path in {"/sparql", "/query", "/update"} and "update" in params:
            self._send(Answer.text(405, "SPARQL Update needs POST"), head_only)
        elif url.path == "/examples.json":
            self._send(self.server.service.examples(), head_only)
        elif url.path in STATIC or url.path == "/sparql":
            name, content_type = STATIC.get(url.path, STATIC["/"])
            self._send(Answer(200, content_type, (TEMPLATES / name).read_bytes()), head_only)
        else:
            self._send(Answer.text(404, f"not found: {url.path}; the SPARQL endpoint is /sparql"), head_only)

    def do_POST(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path not in {"/sparql", "/query", "/update"}:
            self.close_connection = True  # its body is not read
            self._send(Answer.text(404, f"not found: {url.path}; the SPARQL endpoint is /sparql"))
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            self.close_connection = True
            self._send(Answer.text(400, "bad Content-Length"))
            return
        if length > MAX_BODY:
            self._send(Answer.text(413, f"request body over {MAX_BODY // (1024 * 1024)} MiB"))
            self.close_connection = True
            return
        body = self.rfile.read(length)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            self._send(Answer.text(400, "the request body is not UTF-8"))
            return
        if media == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(text, keep_blank_values=True)
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
            if "update" in form:
                self._send(self._update(form["update"][0]))
            elif "query" in form:
                self._send(self._query(form["query"][0], params))
            else:
                self._send(Answer.text(400, "the form has neither a query nor an update parameter"))
        elif media == "application/sparql-query":
            self._send(self._query(text, params))
        elif media == "application/sparql-update":
            self._send(self._update(text))
        else:
            self._send(Answer.text(415, "POST application/sparql-query, application/sparql-update or a form"))

    def _query(self, text: str, params: dict[str, list[str]]) -> Answer:
        service = self.server.service
        job = {
            "op": "query",
            "query": text,
            "accept": self.headers.get("Accept"),
            "format": (params.get("format") or [None])[0],
            "default_graphs": params.get("default-graph-uri") or None,
            "named_graphs": params.get("named-graph-uri") or None,
            "row_limit": service.row_limit,
        }
        return service.run(job)

    def _update(self, text: str) -> Answer:
        service = self.server.service
        if not service.allow_update:
            return Answer.text(
                403, "this endpoint is read-only: SPARQL Update is refused (start kg serve --allow-update)"
            )
        origin = self.headers.get("Origin")
        if origin and urllib.parse.urlsplit(origin).netloc != self.headers.get("Host"):
            return Answer.text(403, f"updates from another origin ({origin}) are refused")
        host = urllib.parse.urlsplit("//" + (self.headers.get("Host") or "")).hostname or ""
        if not _own_host(host, self.server.server_address[0]):  # a DNS-rebinding page names a host of its own
            return Answer.text(403, f"updates addressed to host {host!r} are refused: use the server's address")
        return service.run({"op": "update", "update": text})


def _own_host(host: str, bound: str) -> bool:
    """True for an IP address, localhost or the name the server was bound to: names a browser page cannot rebind."""
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return host in {"localhost", bound}


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server; ``service`` runs the queries."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], service: QueryService, quiet: bool = False):
        self.service, self.quiet = service, quiet
        super().__init__(address, Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"


def make_server(
    store_path: Path,
    host: str = "127.0.0.1",
    port: int = 7070,
    *,
    timeout: float = 10.0,
    row_limit: int = 10_000,
    allow_update: bool = False,
    workers: int = 2,
    quiet: bool = False,
) -> SparqlServer:
    """A server bound to ``host:port`` (0 picks a free port), its workers started; call ``serve_forever``."""
    from kg.store.embedded import Store

    if not allow_update:
        Store(store_path, read_only=True).close()  # no store: say so now, not on the first query
    elif not Path(store_path).exists():
        Store(store_path).close()
    service = QueryService(store_path, workers=workers, timeout=timeout, row_limit=row_limit, allow_update=allow_update)
    try:
        return SparqlServer((host, port), service, quiet=quiet)
    except OSError as error:
        service.close()
        raise ServeError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None


def shutdown(server: SparqlServer) -> None:
    """Stop serving and end the worker processes."""
    server.shutdown()
    server.server_close()
    server.service.close()
