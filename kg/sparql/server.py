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

import email.parser
import email.policy
import functools
import hmac
import http.cookies
import io
import ipaddress
import json
import os
import queue
import re
import secrets
import sqlite3
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
from kg.i18n import current_language, use_language
from kg.i18n import text as say
from kg.model.vocab import BASE, PREFIXES
from kg.sparql.query import bundled_queries, example_text, result_kind
from kg.store import formats
from kg.store.inference import after_update
from kg.store.search import ensure_index
from kg.store.sparql_text import QueryError, refuse_remote_operations, syntax_message
from kg.web.figures import Keeper
from kg.web.i18n import choose_language

WEB_STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
IDLE_TIMEOUT = 20.0  # seconds an idle keep-alive connection (and its thread) is kept
MAX_BODY = 64 * 1024 * 1024
STARTUP_TIMEOUT = 120.0  # seconds a new worker may take to import and open the store


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
        return Answer.text(400, say("query_failed", reason=" ".join(str(error).split())))
    kind = result_kind(result)
    media = formats.negotiate(job.get("accept"), formats.RDF if kind == "graph" else {"results"}, job.get("format"))
    if media is None:
        offered = ", ".join(formats.media_types(formats.RDF if kind == "graph" else {"results"}))
        return Answer.text(406, say("not_acceptable_kind", kind=kind.upper(), offered=offered))
    headers = {"KG-Row-Limit": str(limit)}
    content_type = formats.content_type(media)
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
        examples.append(
            {
                "name": query.name,
                "title": query.title,
                "title_zh": query.title_zh,
                "description": query.description,
                "query": text,
            }
        )
    body = {"prefixes": PREFIXES, "examples": examples}
    return Answer(200, "application/json", json.dumps(body, ensure_ascii=False).encode("utf-8"))


PAGE_OPS = {"page", "editor", "results", "describe", "preview", "add", "remove", "reingest"}
WRITE_OPS = {"update", "add", "remove", "reingest"}


def _page_answer(response: Any) -> Answer:
    return Answer(response.status, response.content_type, response.body, dict(response.headers))


def answer_page(site: Any, job: dict[str, Any]) -> Answer:
    """Run a page job (in a worker): a page of the website, the editor, HTML results, an RDF description, an edit.

    Messages (an edit's errors) are in the page's language.
    """
    with use_language(job.get("request", {}).get("lang")):
        return _answer_page(site, job)


def _answer_page(site: Any, job: dict[str, Any]) -> Answer:
    from kg.web import linked, pages

    if job["op"] in {"preview", "add", "reingest", "remove"}:
        from kg.web import edit  # the extraction pipeline (jieba) loads only for edits
    request = pages.Request(**job["request"]) if "request" in job else None
    op = job["op"]
    try:
        if op == "page":
            return _page_answer(pages.render(site, request))
        if op == "editor":
            return _page_answer(pages.editor(site, request, job["examples"]))
        if op == "results":
            raw = answer_query(site.store, {**job, "accept": "application/sparql-results+json", "format": None})
            if raw.status != 200:
                return _page_answer(pages.results_page(site, request, job["query"], None, raw.body.decode()))
            table = json.loads(raw.body) if raw.content_type.startswith("application/sparql-results+json") else None
            if table is None:
                message = "CONSTRUCT / ASK: " + raw.body.decode("utf-8", "replace")[:2000]
                return _page_answer(pages.results_page(site, request, job["query"], None, message))
            table["truncated"] = raw.headers.get("KG-Truncated") == "true"
            return _page_answer(pages.results_page(site, request, job["query"], table, ""))
        if op == "describe":
            found = linked.describe(site.store, job["iri"], job["kind"], job["media"], job["row_limit"])
            if found is None:
                return _page_answer(pages.not_found(site, request))
            body, truncated = found
            headers = {"Vary": "Accept"} | ({"KG-Truncated": "true"} if truncated else {})
            return Answer(200, formats.content_type(job["media"]), body, headers)
        if op == "preview":
            extractions = edit.preview(site.store, job["text"], job["name"])
            return _page_answer(pages.preview_page(site, request, job["text"], job["name"], extractions))
        if op == "add":
            written = edit.add(site.store, job["text"], job["name"])
            refresh = site.path_of(written[0]) or "/"
            return Answer(303, "text/plain; charset=utf-8", b"", {"Location": refresh + "?done=added"})
        if op == "reingest":
            written = edit.reingest(site.store, job["doc"])
            return Answer(
                303, "text/plain; charset=utf-8", b"", {"Location": (site.path_of(written[0]) or "/") + "?done=added"}
            )
        if op == "remove":
            edit.remove(site.store, job["doc"])
            return Answer(303, "text/plain; charset=utf-8", b"", {"Location": "/?done=removed"})
    except (KgError, ValueError) as error:  # the same one-line errors as kg ingest / kg remove
        if op in {"preview", "add"}:
            return _page_answer(pages.add_form(site, request, str(error), job.get("text", ""), job.get("name", "")))
        if op in {"reingest", "remove"}:
            return _page_answer(pages.message_page(site, request, 400, pages.text("error", request.lang), str(error)))
        raise
    return Answer.text(400, say("unknown_job", op=op))


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

    store, signature, site = None, None, None
    try:  # open the store before saying ready, so the first query does not pay for it
        store = Store(store_path) if writable else Store(store_path, read_only=True)
        signature = _signature(Path(store_path))
        import kg.web.pages  # noqa: F401  (imported before saying ready: a first page must not pay for it)

        answers.send("ready")
    except (KgError, OSError) as error:
        answers.send(Answer.text(500, str(error)))
        return
    # The graph drawing's libraries (igraph imports matplotlib) take seconds to import: load them now, in the
    # background, rather than in the first entity page's time limit.
    threading.Thread(target=_warm_up, daemon=True).start()
    while True:
        try:
            job = jobs.recv()
        except (EOFError, OSError):
            return
        with use_language(job.get("lang") if isinstance(job, dict) else None):
            for attempt in range(READER_RETRIES + 1):
                try:
                    if writable:
                        if store is None:
                            store = Store(store_path)
                    else:
                        current = _signature(Path(store_path))
                        if store is None or current != signature:
                            store, site = None, None
                            store, signature = Store(store_path, read_only=True), current
                    if job["op"] in PAGE_OPS:
                        answer, site = _run_page(job, store, site)
                    else:
                        answer = _answer_job(job, store)
                except Exception as error:  # a worker must answer, whatever happened
                    known = isinstance(error, KgError)
                    answer = Answer.text(
                        500, str(error) if known else say("internal_error", kind=type(error).__name__, reason=error)
                    )
                if writable or attempt == READER_RETRIES or not _vanished_file(answer):
                    break
                # A read-only view of RocksDB can name a file that the writer's compaction has just
                # removed: open the store afresh and run the job again.
                store, site = None, None
                time.sleep(0.02 * (attempt + 1))
        try:
            answers.send(answer)
        except (BrokenPipeError, OSError):
            return


READER_RETRIES = 5


def _warm_up() -> None:
    """Import what the first graph drawing needs (a worker calls it after saying ready)."""
    try:
        import igraph  # noqa: F401
        import pyvis.network  # noqa: F401
    except ImportError:
        pass


def _vanished_file(answer: Answer) -> bool:
    """Whether ``answer`` is RocksDB saying that a file of the store went away under a read-only view."""
    if answer.status < 400:
        return False
    message = answer.body.decode("utf-8", "replace")
    return "No such file or directory" in message or "Corruption" in message


def _run_page(job: dict[str, Any], store: Any, site: Any) -> tuple[Answer, Any]:
    """The answer to a page job, and the page site to keep for the next one (``site``: the one kept so far)."""
    if site is None or site.store is not store:
        from kg.web.pages import Site

        site = Site(store)
    site.base, site.row_limit = job.get("base") or BASE, job.get("row_limit", 10_000)
    site.timeout = job.get("timeout", 10.0)
    answer = answer_page(site, job)
    return answer, None if job["op"] in WRITE_OPS else site  # a write changed the store under it


def _answer_job(job: dict[str, Any], store: Any) -> Answer:
    """The answer to a query, update or examples job on ``store``."""
    if job["op"] == "update":
        try:
            refuse_remote_operations(job["update"])
            after_update(store, job["update"])  # queries may rely on the RDFS closure of what was written
            return Answer(204, "text/plain", b"")
        except SyntaxError as error:
            return Answer.text(400, syntax_message(str(error), job["update"], update=True))
        except (QueryError, OSError, RuntimeError, ValueError) as error:  # refused, or failed on the data
            return Answer.text(400, say("update_failed", reason=" ".join(str(error).split())))
    if job["op"] == "examples":
        return answer_examples(store)
    return answer_query(store, job)


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
        # a request thread that gave up on its job and the server's close may stop the same worker at once: its
        # pipes are closed once (a second os.close of a number may close a file opened since under that number)
        self._stopping = threading.Lock()
        self._stopped = False

    def send(self, job: dict[str, Any]) -> None:
        self._out.send(job)

    def answer(self, timeout: float) -> Answer | None:
        """The answer to the job sent, or None when none came within ``timeout`` seconds."""
        try:
            return self._in.recv() if self._in.poll(timeout) else None
        except (EOFError, OSError):
            return None

    def stop(self) -> None:
        """End the process and close its pipes; a second call, from any thread, does nothing."""
        with self._stopping:
            if self._stopped:
                return
            self._stopped = True
            if self.process.poll() is None:
                self.process.kill()
            self.process.wait(timeout=5)
            self._out.close()
            self._in.close()


SHORT_LANE_TIMEOUT = 2.0  # seconds a job may run on the short lane while the readers are held by long jobs
LONG_JOB = 1.0  # seconds after which a reader's job counts as long (it holds the reader)
RETRY_AFTER = "2"


def busy(message: str) -> Answer:
    """HTTP 503 with Retry-After: the client should come back in a moment."""
    answer = Answer.text(503, message)
    answer.headers["Retry-After"] = RETRY_AFTER
    return answer


class QueryService:
    """Runs jobs in worker processes, each within ``timeout`` seconds; kills and replaces workers that run over.

    Besides the ``workers`` readers, one more reader is a short lane: a job
    that finds every reader busy runs there; while every reader is held by a
    long job (running :data:`LONG_JOB` s or more, say two slow queries) its
    time limit there is :data:`SHORT_LANE_TIMEOUT`, so slow queries never
    starve short ones.  At most ``queue_limit`` jobs wait for a worker; the next one
    is answered 503 at once, with ``Retry-After``.
    """

    def __init__(
        self,
        store_path: Path,
        *,
        workers: int = 2,
        timeout: float = 10.0,
        row_limit: int = 10_000,
        allow_update: bool = False,
        queue_limit: int = 64,
    ):
        self.store_path = str(store_path)
        self.timeout, self.row_limit, self.allow_update = timeout, row_limit, allow_update
        self.queue_limit, self._waiting = queue_limit, 0
        self._readers: queue.Queue[Worker] = queue.Queue()
        self._short: queue.Queue[Worker] = queue.Queue()
        self._writers: queue.Queue[Worker] = queue.Queue()
        self._all: set[Worker] = set()
        self._busy_since: dict[Worker, float] = {}  # readers at work, and since when
        self._lock = threading.Lock()
        self._closed = False
        self._examples: Answer | None = None
        if allow_update:
            self._writers.put(self._spawn(True)[0])  # first: it creates the store if there is none yet
        *readers, short = self._spawn(False, max(1, workers) + 1)
        for worker in readers:
            self._readers.put(worker)
        self._short.put(short)

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
                problem = ready.body.decode().strip() if isinstance(ready, Answer) else say("no_answer")
                raise ServeError(say("worker_failed", reason=problem))
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

    def _acquire(self, writable: bool) -> tuple[Worker, queue.Queue[Worker], float] | None:
        """A free worker, its pool and the job's time limit; None when none is free within the time limit."""
        if writable:
            try:
                return self._writers.get(timeout=self.timeout), self._writers, self.timeout
            except queue.Empty:
                return None
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            try:
                worker = self._readers.get(timeout=0.02)
                with self._lock:
                    self._busy_since[worker] = time.monotonic()
                return worker, self._readers, self.timeout
            except queue.Empty:
                pass
            try:
                worker = self._short.get_nowait()
            except queue.Empty:
                continue
            # Only while long jobs hold the readers is the short lane kept short: a job that is merely
            # slow because many wait (a busy machine) is not stopped at the short limit.
            return worker, self._short, min(self.timeout, SHORT_LANE_TIMEOUT) if self._held() else self.timeout
        return None

    def _held(self) -> bool:
        """Whether every reader is busy with a job that has run for :data:`LONG_JOB` seconds or more."""
        now = time.monotonic()
        with self._lock:
            started = list(self._busy_since.values())
        return self._readers.empty() and bool(started) and all(now - t >= LONG_JOB for t in started)

    def run(self, job: dict[str, Any]) -> Answer:
        """Answer a job; HTTP 503 when no worker is free in time, too many wait, or the job runs over."""
        writable = job["op"] in WRITE_OPS
        job.setdefault("lang", current_language())  # the worker answers in the request's language
        with self._lock:
            if self._waiting >= self.queue_limit:
                return busy(say("busy_waiting", n=self._waiting))
            self._waiting += 1
        try:
            acquired = self._acquire(writable)
        finally:
            with self._lock:
                self._waiting -= 1
        if acquired is None:
            return busy(say("busy_no_worker", seconds=f"{self.timeout:g}"))
        worker, pool, limit = acquired
        deadline = time.monotonic() + limit
        try:
            worker.send(job)
            answer = worker.answer(max(deadline - time.monotonic(), 0.01))
            if answer is not None:
                self._release(worker)
                pool.put(worker)
                return answer
        except (EOFError, OSError):
            self._release(worker)
            self._replace(worker, pool, writable)
            return Answer.text(500, say("worker_died"))
        self._release(worker)
        died = worker.process.poll() is not None
        self._replace(worker, pool, writable)
        if died:
            return Answer.text(500, say("worker_died"))
        what = say("update_word" if writable else "query_word")
        if pool is self._short:
            return busy(say("busy_long", what=what, seconds=f"{limit:g}"))
        return Answer.text(503, say("over_time", what=what, seconds=f"{self.timeout:g}"))

    def _release(self, worker: Worker) -> None:
        with self._lock:
            self._busy_since.pop(worker, None)

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
    """SPARQL 1.1 Protocol requests, the website's pages and its static files."""

    server: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = "kg"
    sys_version = ""  # no Python version in the Server header
    timeout = IDLE_TIMEOUT  # an idle keep-alive connection is closed after this many seconds

    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)

    def version_string(self) -> str:
        return "kg"

    # -- answering ---------------------------------------------------------------------

    def _send(self, answer: Answer, head_only: bool = False) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "same-origin")
        if "Content-Security-Policy" not in answer.headers:
            self.send_header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
        cors = self.server.cors
        origin = self.headers.get("Origin")
        if cors and origin and (cors == "*" or origin == cors):
            self.send_header("Access-Control-Allow-Origin", "*" if cors == "*" else origin)
            self.send_header("Access-Control-Expose-Headers", "KG-Truncated, KG-Row-Limit")
            self.send_header("Vary", "Origin")
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if not head_only:
            self.wfile.write(answer.body)

    def _host_ok(self) -> bool:
        """The Host header names this server (an IP, localhost, the bound name or --base's host): no DNS rebinding."""
        host = urllib.parse.urlsplit("//" + (self.headers.get("Host") or "")).hostname or ""
        return _own_host(host, self.server.server_address[0]) or host in self.server.extra_hosts

    def _lang(self, params: dict[str, list[str]]) -> str:
        explicit = (params.get("lang") or [None])[0] or self._cookies().get("kg_lang")
        return choose_language(explicit, self.headers.get("Accept-Language"))

    def _cookies(self) -> dict[str, str]:
        jar = http.cookies.SimpleCookie()
        try:
            jar.load(self.headers.get("Cookie") or "")
        except http.cookies.CookieError:
            return {}
        return {key: morsel.value for key, morsel in jar.items()}

    def _can_update(self) -> bool:
        token = self.server.token
        return bool(token) and hmac.compare_digest(self._cookies().get("kg_token", ""), token)

    def _request(self, path: str, params: dict[str, list[str]], message: str = "") -> dict[str, Any]:
        server = self.server
        return {
            "path": path,
            "params": {k: v for k, v in params.items() if k not in {"lang", "token", "done"}},
            "lang": self._lang(params),
            "can_update": self._can_update(),
            "allow_update": server.service.allow_update,
            "csrf": server.csrf if self._can_update() else "",
            "message": message,
        }

    def _page(self, op: str, path: str, params: dict[str, list[str]], **extra: Any) -> Answer:
        service = self.server.service
        done = (params.get("done") or [""])[0]
        message = ""
        if done in {"added", "removed"}:
            message = text_of(done, self._lang(params))
        job = {"op": op, "request": self._request(path, params, message), "base": self.server.base}
        job["row_limit"], job["timeout"] = service.row_limit, service.timeout
        return service.run({**job, **extra})

    def _speaking(self) -> Any:
        """The language of this request's messages: ?lang=, the kg_lang cookie, Accept-Language, else Chinese."""
        return use_language(self._lang(urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)))

    def do_HEAD(self) -> None:
        with self._speaking():
            self._get(head_only=True)

    def do_GET(self) -> None:
        with self._speaking():
            self._get()

    def do_OPTIONS(self) -> None:
        with self._speaking():
            self._options()

    def do_POST(self) -> None:
        with self._speaking():
            self._post()

    def _options(self) -> None:
        if not self._host_ok():
            self._send(Answer.text(403, say("host_header")))
            return
        answer = Answer(204, "text/plain", b"")
        if self.server.cors:
            answer.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            answer.headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
        self._send(answer)

    def _get(self, head_only: bool = False) -> None:
        if not self._host_ok():
            self._send(Answer.text(403, say("host_header")), head_only)
            return
        url = urllib.parse.urlsplit(self.path)
        path = url.path
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        token = (params.get("token") or [""])[0]
        if token and self.server.token and hmac.compare_digest(token, self.server.token):
            rest = urllib.parse.urlencode({k: v for k, v in params.items() if k != "token"}, doseq=True)
            answer = Answer(303, "text/plain; charset=utf-8", b"", {"Location": path + ("?" + rest if rest else "")})
            answer.headers["Set-Cookie"] = f"kg_token={token}; Path=/; HttpOnly; SameSite=Strict"
            self._send(answer, head_only)
            return
        if path in {"/sparql", "/query"} and "query" in params:
            if (params.get("format") or [""])[0] == "html":
                answer = self._page("results", path, params, query=params["query"][0])
            else:
                answer = self._query(params["query"][0], params)
        elif path in {"/sparql", "/query", "/update"} and "update" in params:
            answer = Answer.text(405, say("update_needs_post"))
        elif path in {"/sparql", "/query"}:
            examples = self.server.service.examples()
            listed = json.loads(examples.body)["examples"] if examples.status == 200 else []
            answer = self._page("editor", path, params, examples=listed)
        elif path == "/examples.json":
            answer = self.server.service.examples()
        elif path.startswith("/static/"):
            answer = static_file(path[len("/static/") :])
        elif path == "/lang":
            answer = self._switch_language(params)
        elif path == "/ontology":
            answer = ontology_answer(
                self.headers.get("Accept"), (params.get("format") or [None])[0], self._lang(params)
            )
        elif path == "/add":
            answer = self._page("page", "/add", params)
        elif re.fullmatch(r"/(id|doc)/[^/]+", path):
            answer = self._resource(path, params)
        else:
            answer = self._page("page", path, params)
        self._send(answer, head_only)

    def _resource(self, path: str, params: dict[str, list[str]]) -> Answer:
        """An entity or document IRI: its page for browsers, its description for RDF clients (content negotiation)."""
        from kg.web.linked import is_page, offered, wanted_media

        media = wanted_media(self.headers.get("Accept"), (params.get("format") or [None])[0])
        if media is None:
            return Answer.text(406, say("not_acceptable", offered=offered()))
        if is_page(media):
            answer = self._page("page", path, params)
            answer.headers.setdefault("Vary", "Accept")
            return answer
        kind, local = path[1:].split("/", 1)
        iri = f"{self.server.base}{kind}/{urllib.parse.unquote(local)}"
        return self._page("describe", path, params, iri=iri, kind=kind, media=media)

    def _switch_language(self, params: dict[str, list[str]]) -> Answer:
        to = (params.get("to") or ["zh"])[0]
        to = to if to in ("zh", "en") else "zh"
        target = (params.get("next") or ["/"])[0]
        if not target.startswith("/") or target.startswith("//") or "\\" in target:
            target = "/"  # only pages of this site
        answer = Answer(303, "text/plain; charset=utf-8", b"", {"Location": target})
        answer.headers["Set-Cookie"] = f"kg_lang={to}; Path=/; SameSite=Lax; Max-Age=31536000"
        return answer

    # -- POST ----------------------------------------------------------------------

    def _post(self) -> None:
        if not self._host_ok():
            self.close_connection = True
            self._send(Answer.text(403, say("host_header")))
            return
        url = urllib.parse.urlsplit(self.path)
        path = url.path
        is_page = path == "/add" or bool(re.fullmatch(r"/doc/[^/]+", path))
        if path not in {"/sparql", "/query", "/update"} and not is_page:
            self.close_connection = True  # its body is not read
            self._send(Answer.text(404, say("endpoint_not_found")))
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            self.close_connection = True
            self._send(Answer.text(400, say("bad_content_length")))
            return
        if length > MAX_BODY:
            self._send(Answer.text(413, say("body_too_big", mib=MAX_BODY // (1024 * 1024))))
            self.close_connection = True
            return
        body = self.rfile.read(length)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if is_page:
            self._send(self._edit(path, params, body, media))
            return
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            self._send(Answer.text(400, say("body_not_utf8")))
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
                self._send(Answer.text(400, say("form_without_query")))
        elif media == "application/sparql-query":
            self._send(self._query(text, params))
        elif media == "application/sparql-update":
            self._send(self._update(text))
        else:
            self._send(Answer.text(415, say("unsupported_media")))

    def _edit(self, path: str, params: dict[str, list[str]], body: bytes, media: str) -> Answer:
        """The add-a-press-release form and the document buttons: token cookie, CSRF field and same origin."""
        if not self.server.service.allow_update:
            return Answer.text(403, say("server_read_only"))
        form = parse_form(body, self.headers.get("Content-Type") or "")
        origin = self.headers.get("Origin")
        if origin and urllib.parse.urlsplit(origin).netloc != self.headers.get("Host"):
            return Answer.text(403, say("changes_other_origin"))
        if not self._can_update() or not hmac.compare_digest(form.get("csrf", ""), self.server.csrf):
            return Answer.text(403, say("needs_token"))
        action = form.get("action", "")
        if path == "/add":
            text = form.get("text", "")
            if form.get("file_bytes"):
                try:
                    text = form["file_bytes"].decode("utf-8-sig")
                except UnicodeDecodeError:
                    try:
                        text = form["file_bytes"].decode("gb18030")
                    except UnicodeDecodeError:
                        text = ""
                form["name"] = form.get("name") or form.get("file_name", "")
            name = form.get("name", "") or "press-release.txt"
            if len(text) > MAX_TEXT:
                return Answer.text(413, say("text_too_long"))
            op = "add" if action == "accept" else "preview"
            return self._page(op, "/add", params, text=text, name=name)
        doc = f"{self.server.base}doc/{urllib.parse.unquote(path.rsplit('/', 1)[1])}"
        if action not in {"remove", "reingest"}:
            return Answer.text(400, say("unknown_action"))
        return self._page(action, path, params, doc=doc)

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
            return Answer.text(403, say("endpoint_read_only_update"))
        origin = self.headers.get("Origin")
        if origin and urllib.parse.urlsplit(origin).netloc != self.headers.get("Host"):
            return Answer.text(403, say("updates_other_origin", origin=origin))
        return service.run({"op": "update", "update": text})


MAX_TEXT = 2 * 1024 * 1024


def text_of(key: str, lang: str) -> str:
    return say({"added": "added", "removed": "removed"}[key], lang, title="")


def parse_form(body: bytes, content_type: str) -> dict[str, Any]:
    """Fields of a urlencoded or multipart form (an uploaded file as ``file_bytes`` and ``file_name``)."""
    media = content_type.split(";")[0].strip().lower()
    if media == "multipart/form-data":
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
        )
        fields: dict[str, Any] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if not name:
                continue
            payload = part.get_payload(decode=True) or b""
            if name == "file":
                fields["file_bytes"] = payload
                fields["file_name"] = part.get_filename() or ""
            else:
                fields[name] = payload.decode("utf-8", "replace")
        return fields
    try:
        decoded = body.decode("utf-8")
    except UnicodeDecodeError:
        return {}
    return {k: v[0] for k, v in urllib.parse.parse_qs(decoded, keep_blank_values=True).items()}


STATIC_FILES = {
    "site.css": "text/css; charset=utf-8",
    "site.js": "text/javascript; charset=utf-8",
    "editor.js": "text/javascript; charset=utf-8",
    "yasgui/yasgui.min.js": "text/javascript; charset=utf-8",
    "yasgui/yasgui.min.css": "text/css; charset=utf-8",
    "vis-network.min.js": "text/javascript; charset=utf-8",
}


@functools.cache
def static_file(name: str) -> Answer:
    """A file of the website (kg/web/static, and the vis-network script pyvis ships); 404 for anything else."""
    if name not in STATIC_FILES:
        return Answer.text(404, say("plain_not_found"))
    if name == "vis-network.min.js":
        from kg.outputs.viz import vis_assets

        body = vis_assets()[0].encode("utf-8")
    else:
        body = (WEB_STATIC / name).read_bytes()
    return Answer(200, STATIC_FILES[name], body, {"Cache-Control": "max-age=3600"})


@functools.cache
def _ontology_page() -> bytes:
    from kg.outputs.ontology_doc import ontology_html

    return ontology_html().encode("utf-8")


def ontology_answer(accept: str | None, fmt: str | None, lang: str) -> Answer:
    """The ontology: its documentation page, or its Turtle for RDF clients."""
    from kg.model.vocab import ONTOLOGY_FILE
    from kg.web.linked import is_page, offered, serialize, wanted_media

    media = wanted_media(accept, fmt)
    if media is None:
        return Answer.text(406, say("not_acceptable", offered=offered()))
    if media == formats.find("turtle", formats.RDF).media_type:  # the file as written, with its comments
        return Answer(200, "text/turtle; charset=utf-8", ONTOLOGY_FILE.read_bytes(), {"Vary": "Accept"})
    if not is_page(media):
        graph = ox.parse(path=str(ONTOLOGY_FILE), format=formats.find("turtle", formats.RDF).rdf)
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in graph]
        body = serialize(triples, media)
        return Answer(200, formats.content_type(media), body, {"Vary": "Accept"})
    page = _ontology_page()
    policy = re.search(rb'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    csp = policy.group(1).decode().replace("&#39;", "'") if policy else "default-src 'none'"
    return Answer(200, "text/html; charset=utf-8", page, {"Content-Security-Policy": csp, "Vary": "Accept"})


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

    def __init__(
        self,
        address: tuple[str, int],
        service: QueryService,
        quiet: bool = False,
        *,
        cors: str | None = None,
        base: str = BASE,
        public: str | None = None,
    ):
        self.service, self.quiet, self.cors, self.base = service, quiet, cors, base
        self.figures: Any = None  # the kg.web.figures.Keeper of the store
        # --base may name the host the site is published under (behind a proxy): requests may name it too.
        self.extra_hosts = {h for h in (urllib.parse.urlsplit(u).hostname for u in (base, public or "")) if h}
        self.extra_hosts.discard("w3id.org")
        self.token = secrets.token_urlsafe(24) if service.allow_update else ""
        self.csrf = hmac.new(self.token.encode(), b"kg-csrf", "sha256").hexdigest() if self.token else ""
        super().__init__(address, Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away before its answer was written (a browser leaving the page): nothing to report;
        any other error as the standard server reports it."""
        if isinstance(sys.exc_info()[1], ConnectionError):  # BrokenPipeError, ConnectionResetError …
            return
        super().handle_error(request, client_address)


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
    cors: str | None = None,
    base: str = BASE,
) -> SparqlServer:
    """A server bound to ``host:port`` (0 picks a free port), its workers started; call ``serve_forever``.

    ``cors``: the one origin (or ``*``) whose pages may read answers; none by default.
    ``base``: the IRI namespace served as ``/id/…`` and ``/doc/…`` (default the project's w3id namespace).
    """
    from kg.store.embedded import Store

    if allow_update and not Path(store_path).exists():
        Store(store_path).close()
    store = Store(store_path, read_only=True)  # no store: say so now, not on the first query
    try:  # a missing or stale search index is rebuilt here, once, not by a search request under its time limit
        index = ensure_index(store)
        if index is not None:
            index.close()
    except sqlite3.Error:
        pass  # a read-only folder: the workers search without one (and say so)
    finally:
        store.close()
    service = QueryService(store_path, workers=workers, timeout=timeout, row_limit=row_limit, allow_update=allow_update)
    try:
        server = SparqlServer(
            (host, port), service, quiet=quiet, cors=cors, base=base if base.endswith("/") else base + "/"
        )
    except OSError as error:
        service.close()
        raise ServeError(say("cannot_listen", host=host, port=port, reason=error.strerror or error)) from None
    # Ranks, district indicators and the home page's lists need the whole graph: computed in the background
    # once per state of the store and kept beside it (kg.web.figures), never by a page or at start-up.
    server.figures = Keeper(store_path).start()
    return server


def shutdown(server: SparqlServer) -> None:
    """Stop serving and end the worker processes (and a computation of the figures)."""
    server.shutdown()
    server.server_close()
    server.service.close()
    if server.figures is not None:
        server.figures.stop()
