"""A store on any SPARQL 1.1 endpoint, with the public methods of :class:`kg.store.embedded.Store`.

Reads use the SPARQL 1.1 Protocol (POST, so long queries and dataset lists
fit); writes use SPARQL 1.1 Update, one request per write, which the protocol
asks servers to apply atomically: ``replace_graphs`` is all or nothing on
Oxigraph, Fuseki, GraphDB and Virtuoso alike.  Where a Graph Store Protocol
URL is known (given, or Oxigraph's ``/store`` beside ``/query``) whole graphs
are read with it.

As with the embedded store, queries see the union of all named graphs as
their default graph: the dataset is sent with the query (``default-graph-uri``
for every named graph), or, on an Oxigraph server, its ``union-default-graph``
switch.  ``bindings`` become a ``VALUES`` block at the start of the WHERE
pattern (see :func:`kg.sparql.query.with_values`): the terms are serialized and
escaped by Oxigraph, never spliced from raw text.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import socket
import threading
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.i18n import HTML_LANG, current_language, text
from kg.model.vocab import PREFIXES
from kg.store import formats
from kg.store.embedded import (
    INTERNAL,
    STAGING,
    StoreError,
    StoreMethods,
    has_dataset_clause,
    to_oxigraph,
    to_rdflib,
)
from kg.store.sparql_text import QueryError, QuerySyntaxError, syntax_message, term_text, with_values

RESULTS_ACCEPT = (
    "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8, "
    "application/sparql-results+xml;q=0.7, text/tab-separated-values;q=0.6"
)
DEFAULT_TIMEOUT = 60.0  # seconds for one remote call, from connecting to the last byte (KG_TIMEOUT, --timeout)
MAX_REDIRECTS = 5
PROLOGUE = " ".join(f"PREFIX {prefix}: <{iri}>" for prefix, iri in PREFIXES.items()) + "\n"
UPDATE_QUADS = 20_000  # quads per write request of a big write (a request's text stays a few MB)
NO_GRAPH = "urn:kg:no-graph"  # an empty default graph, when the store has no named graph at all


def endpoint_urls(
    endpoint: str, update: str | None = None, graph_store: str | None = None
) -> tuple[str, str, str | None]:
    """Query, update and Graph Store URLs of an endpoint, guessing the usual layouts.

    Oxigraph serves ``/query``, ``/update`` and ``/store``; Fuseki's dataset URL,
    Virtuoso's ``/sparql`` and ``kg serve``'s ``/sparql`` take queries and updates alike.

    >>> endpoint_urls("http://localhost:7878/query")
    ('http://localhost:7878/query', 'http://localhost:7878/update', 'http://localhost:7878/store')
    >>> endpoint_urls("http://localhost:3030/ds")
    ('http://localhost:3030/ds', 'http://localhost:3030/ds', None)
    """
    if not re.match(r"https?://", endpoint):
        raise StoreError(text("endpoint_not_http", endpoint=endpoint))
    base = endpoint.rstrip("/")
    if base.endswith("/query"):
        root = base[: -len("/query")]
        return endpoint, update or f"{root}/update", graph_store or f"{root}/store"
    return endpoint, update or endpoint, graph_store


def default_timeout() -> float:
    """``$KG_TIMEOUT`` seconds if set (a positive number), else :data:`DEFAULT_TIMEOUT`."""
    value = os.environ.get("KG_TIMEOUT")
    if not value:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not seconds > 0:
        raise StoreError(text("bad_timeout_env", value=value))
    return seconds


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(re.sub(r"<[^>]+>", " ", text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _NoBulkUpload(Exception):
    """The endpoint takes no bulk upload (a signal inside :meth:`RemoteStore.upload_quads`, never shown)."""


class RemoteStore(StoreMethods):
    """A SPARQL 1.1 endpoint used like :class:`kg.store.embedded.Store` (``path`` is the endpoint URL)."""

    def __init__(
        self,
        endpoint: str,
        update_endpoint: str | None = None,
        graph_store: str | None = None,
        *,
        read_only: bool = False,
        timeout: float | None = None,
        union_default_graph: bool | None = None,
    ):
        """``timeout``: seconds each call may take in all, connecting to last byte (default ``$KG_TIMEOUT`` or 60).
        ``union_default_graph``: whether the server takes Oxigraph's ``union-default-graph`` switch
        (None: detect it from the ``Server`` header; False: always send the dataset explicitly)."""
        self.query_url, self.update_url, self.graph_store_url = endpoint_urls(endpoint, update_endpoint, graph_store)
        self._given = (endpoint, update_endpoint, graph_store)
        self._discovered = False
        self.path = endpoint
        self.read_only = read_only
        self.timeout = timeout if timeout is not None else default_timeout()
        self._oxigraph = union_default_graph

    def __repr__(self) -> str:
        return f"RemoteStore({self.query_url!r})"

    def close(self) -> None:
        """Nothing to release: every request has its own connection."""

    # -- HTTP ----------------------------------------------------------------

    def _request(
        self, url: str, data: bytes | None = None, headers: Mapping[str, str] | None = None, method: str | None = None
    ) -> tuple[int, str, bytes]:
        """One HTTP exchange (redirects followed) that takes at most ``self.timeout`` seconds in all.

        A socket timeout alone bounds each read, not the call: a server that
        sends a byte every few seconds would hold it for ever.  A timer cuts the
        connection at the deadline instead.
        """
        deadline = time.monotonic() + self.timeout
        method = method or ("POST" if data is not None else "GET")
        for _ in range(MAX_REDIRECTS + 1):
            asked = {"Accept-Language": HTML_LANG[current_language()], **(headers or {})}  # a server's words in ours
            status, message, body = self._exchange(url, data, asked, method, deadline)
            location = message.get("Location")
            if status in {301, 302, 303, 307, 308} and location:
                url = urllib.parse.urljoin(url, location)
                if status == 303 or (status in {301, 302} and method == "POST"):
                    method, data = "GET", None
                continue
            if self._oxigraph is None:  # an error answer names its server too: ask only once
                self._oxigraph = message.get("Server", "").lower().startswith("oxigraph")
            return status, message.get_content_type(), body
        raise StoreError(text("too_many_redirects", url=url, n=MAX_REDIRECTS))

    def _exchange(
        self, url: str, data: bytes | None, headers: dict[str, str], method: str, deadline: float
    ) -> tuple[int, http.client.HTTPMessage, bytes]:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise StoreError(text("url_not_http", url=url))
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise self._late(url)
        connection_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        try:
            connection = connection_class(parts.hostname, parts.port, timeout=remaining)
        except ValueError as error:  # a bad port
            raise StoreError(text("cannot_reach", url=url, reason=error)) from None
        cut = threading.Event()

        def cut_off() -> None:
            cut.set()
            if connection.sock is not None:
                with contextlib.suppress(OSError):
                    connection.sock.shutdown(socket.SHUT_RDWR)  # wakes the blocked read

        timer = threading.Timer(remaining, cut_off)
        timer.daemon = True
        timer.start()
        try:
            target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            headers.setdefault("User-Agent", "kg")
            connection.request(method, target, body=data, headers=headers)
            response = connection.getresponse()
            body = b""
            if method != "HEAD":
                chunks = []
                while chunk := response.read1(65536):
                    chunks.append(chunk)
                    if cut.is_set():
                        raise self._late(url)
                body = b"".join(chunks)
            if cut.is_set():
                raise self._late(url)
            return response.status, response.headers, body
        except (OSError, http.client.HTTPException, ValueError) as error:  # no server, reset, bad answer
            if cut.is_set() or time.monotonic() >= deadline or isinstance(error, TimeoutError):
                raise self._late(url) from None
            reason = getattr(error, "reason", None) or getattr(error, "strerror", None) or error
            raise StoreError(text("cannot_reach", url=url, reason=reason)) from None
        finally:
            timer.cancel()
            connection.close()

    def _late(self, url: str) -> StoreError:
        return StoreError(text("endpoint_late", url=url, seconds=f"{self.timeout:g}"))

    def _discover(self) -> bool:
        """Find the query URL below a server's root (``oxigraph serve`` prints its root): True if found."""
        if self._discovered:
            return False
        self._discovered = True
        endpoint, update, graph_store = self._given
        base = endpoint.rstrip("/")
        for path in ("/query", "/sparql"):
            candidate = base + path
            body = urllib.parse.urlencode({"query": "ASK {}"}).encode()
            try:
                status, content_type, _ = self._request(
                    candidate, body, {"Content-Type": "application/x-www-form-urlencoded", "Accept": RESULTS_ACCEPT}
                )
            except StoreError:
                continue
            if status == 200 and formats.by_media_type(content_type, {"results"}) is not None:
                self.query_url, self.update_url, self.graph_store_url = endpoint_urls(candidate, update, graph_store)
                return True
        return False

    def _parse_results(self, url: str, content_type: str, body: bytes) -> Any:
        """The parsed answer (solutions, a boolean or a list of triples), or None for a content type that is neither;
        a malformed one is a one-line error naming the endpoint and what is wrong."""
        results = formats.by_media_type(content_type, {"results"})
        graph = formats.by_media_type(content_type, formats.RDF)
        try:
            if results is not None and results.results is not None and not results.lossy:
                checked = ox.parse_query_results(body, results.results)  # rows are parsed lazily: read them all
                if isinstance(checked, ox.QuerySolutions):
                    for _ in checked:
                        pass
                return ox.parse_query_results(body, results.results)
            if graph is not None:
                return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(body, graph.rdf)]
            return None
        except (SyntaxError, ValueError, OSError) as error:
            what = " ".join(str(error).split())[:200]
            checked = None  # the half-read results: the error raised below keeps this frame, not them
        # Raised outside the handler, so the parser's error (and through its traceback the half-read results)
        # is freed here, in this thread: pyoxigraph's results must not be dropped by another thread's collector.
        raise StoreError(text("malformed_answer", url=url, content_type=content_type, what=what))

    def _fail(self, url: str, status: int, body: bytes) -> StoreError:
        return StoreError(
            text("endpoint_status", url=url, status=status, body=_one_line(body.decode("utf-8", "replace")))
        )

    # -- reading ---------------------------------------------------------------

    def graph_names(self) -> list[str]:
        """IRIs of the named graphs on the endpoint, sorted."""
        rows = self._query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", dataset=False)
        names = (solution["g"].value for solution in rows if isinstance(solution["g"], ox.NamedNode))
        return sorted(name for name in names if not name.startswith(INTERNAL))

    def _is_oxigraph(self) -> bool:
        if self._oxigraph is None:
            self._request(self.query_url, method="HEAD")  # the Server header tells
        return bool(self._oxigraph)

    def _dataset(self, default_graphs: Iterable[str] | None, named_graphs: Iterable[str] | None) -> list[tuple]:
        """Protocol parameters that make the default graph the union of all named graphs (unless given)."""
        if default_graphs is None and named_graphs is None and self._is_oxigraph():
            return [("union-default-graph", "")]
        names: list[str] = []
        if default_graphs is None or named_graphs is None:
            names = self.graph_names()
        defaults = names if default_graphs is None else list(default_graphs)
        named = names if named_graphs is None else list(named_graphs)
        return [("default-graph-uri", g) for g in defaults or [NO_GRAPH]] + [("named-graph-uri", g) for g in named]

    def _query(
        self,
        sparql: str,
        dataset: bool = True,
        default_graphs: Iterable[str] | None = None,
        named_graphs: Iterable[str] | None = None,
        original: str | None = None,
    ) -> Any:
        params = [("query", PROLOGUE + sparql)]
        if dataset:
            params += self._dataset(default_graphs, named_graphs)
        status, content_type, body = self._request(
            self.query_url,
            urllib.parse.urlencode(params).encode("utf-8"),
            {"Content-Type": "application/x-www-form-urlencoded", "Accept": RESULTS_ACCEPT},
        )
        if status in {404, 405} and self._discover():
            return self._query(sparql, dataset, default_graphs, named_graphs, original)
        if status == 400:
            message = body.decode("utf-8", "replace")
            if re.search(r"pars|syntax|expected|encountered|lexical|语法错误", message, re.IGNORECASE):
                raise QuerySyntaxError(syntax_message(_one_line(message), original or sparql, line_offset=1))
            raise QueryError(text("query_failed", reason=_one_line(message)))
        if status != 200:
            if status in {404, 405}:
                base = self._given[0].rstrip("/")
                raise StoreError(text("not_query_url", url=self.query_url, status=status, base=base))
            raise self._fail(self.query_url, status, body)
        parsed = self._parse_results(self.query_url, content_type, body)
        if parsed is not None:
            return parsed
        raise StoreError(text("unexpected_type", url=self.query_url, content_type=content_type))

    def query_raw(
        self,
        sparql: str,
        bindings: Mapping[str, Node] | None = None,
        default_graphs: Iterable[str] | None = None,
        named_graphs: Iterable[str] | None = None,
    ) -> ox.QuerySolutions | ox.QueryBoolean | list[ox.Triple]:
        """Run a SPARQL query: solutions, a boolean, or a list of triples (CONSTRUCT / DESCRIBE)."""
        text = with_values(sparql, bindings) if bindings else sparql
        own = default_graphs is None and named_graphs is None and has_dataset_clause(sparql)  # FROM wins
        return self._query(text, not own, default_graphs, named_graphs, original=sparql)

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """Every quad of the named graphs, or those of one named graph."""
        if graph is not None:
            name = ox.NamedNode(graph)
            return (ox.Quad(t.subject, t.predicate, t.object, name) for t in self._graph_triples(graph))
        rows = self._query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", dataset=False)
        return (ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows)

    def _graph_triples(self, graph: str) -> list[ox.Triple]:
        if self.graph_store_url:
            url = f"{self.graph_store_url}?{urllib.parse.urlencode({'graph': graph})}"
            status, content_type, body = self._request(url, headers={"Accept": "application/n-triples"})
            if status == 404:
                return []
            if status == 200 and formats.by_media_type(content_type, formats.RDF) is not None:
                return self._parse_results(url, content_type, body)
            # no Graph Store Protocol there after all: fall back to SPARQL
        text = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {term_text(URIRef(graph))} {{ ?s ?p ?o }} }}"
        return self._query(text, dataset=False)

    def graph(self, graph: str) -> Graph:
        """One named graph as an rdflib graph."""
        result = Graph()
        for t in self._graph_triples(graph):
            result.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
        return result

    def __len__(self) -> int:
        text = f'SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(!STRSTARTS(STR(?g), "{INTERNAL}")) }}'
        rows = list(self._query(text, dataset=False))
        return int(rows[0]["n"].value) if rows else 0

    # -- writing -----------------------------------------------------------------

    def update(self, sparql: str) -> None:
        """Send one SPARQL 1.1 Update request (PREFIXES predeclared)."""
        if self.read_only:
            raise StoreError(text("endpoint_read_only", url=self.query_url))
        status, _, body = self._request(
            self.update_url, (PROLOGUE + sparql).encode("utf-8"), {"Content-Type": "application/sparql-update"}
        )
        if status in {404, 405} and self._given[1] is None and self._discover():
            return self.update(sparql)
        if status not in {200, 204}:
            raise self._fail(self.update_url, status, body)

    def replace_graphs(self, graphs: Mapping[URIRef, Graph | Iterable[tuple[Node, Node, Node]]]) -> None:
        """Replace each named graph with the given triples, all or nothing.

        With a Graph Store the triples are uploaded as N-Quads into staging
        graphs (one bulk POST per chunk), then one update moves them over the
        targets; without one, a single DROP + INSERT DATA update does it.
        """
        if self.graph_store_url and self._is_oxigraph():
            run = uuid.uuid4().hex
            operations: list[str] = []
            quads: list[ox.Quad] = []
            for index, (name, triples) in enumerate(graphs.items()):
                target = term_text(URIRef(str(name)))
                staging = ox.NamedNode(f"{STAGING}{run}:{index}")
                count = len(quads)
                quads.extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), staging) for s, p, o in triples)
                operations.append(
                    f"MOVE {staging} TO {target}" if len(quads) > count else f"DROP SILENT GRAPH {target}"
                )
            if quads and not self.upload_quads(quads, fallback=False):
                self.update(" ;\n".join(f"DROP SILENT GRAPH <{STAGING}{run}:{i}>" for i in range(len(graphs))))
                return self._replace_by_update(graphs)
            self.update(" ;\n".join(operations))
            return None
        return self._replace_by_update(graphs)

    def write_parts(
        self,
        names: Iterable[str],
        parts: Iterable[Mapping[str, Iterable[tuple[Node, Node, Node]]]],
        progress: Callable[[int], None] | None = None,
    ) -> None:
        """What :meth:`kg.store.embedded.Store.write_parts` does, through the endpoint: all or nothing, one part
        in memory.

        Each part is sent as it comes into staging graphs (bulk uploads where the
        server takes them, else ``INSERT DATA`` requests, :data:`UPDATE_QUADS` quads
        each); one last update moves them over the graphs ``names``, so readers see
        the old version until the new one is whole.  A write that fails drops its
        staging graphs; one that is killed leaves them, under the store's internal
        prefix that no listing, count or export shows.  ``progress`` is called with
        the quads sent after each part.  (A blank node is one node within a request
        only: the parts of a long document have none.)
        """
        if self.read_only:
            raise StoreError(text("endpoint_read_only", url=self.query_url))
        targets = [URIRef(str(name)) for name in dict.fromkeys(names)]
        run = uuid.uuid4().hex
        staging = {str(t): ox.NamedNode(f"{STAGING}{run}:{i}") for i, t in enumerate(targets)}
        filled: set[str] = set()
        try:
            for part in parts:
                quads: list[ox.Quad] = []
                for name, triples in part.items():
                    graph = staging.get(str(name))
                    if graph is None:
                        raise StoreError(text("not_written_graph", graph=name))
                    count = len(quads)
                    quads.extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), graph) for s, p, o in triples)
                    if len(quads) > count:
                        filled.add(str(name))
                if quads:
                    self.upload_quads(quads, chunk=UPDATE_QUADS)
                    if progress is not None:
                        progress(len(quads))
            operations = [
                f"MOVE {staging[str(t)]} TO {term_text(t)}" if str(t) in filled else f"DROP SILENT GRAPH {term_text(t)}"
                for t in targets
            ]
            self.update(" ;\n".join(operations))
        except BaseException:
            self._drop_staged(staging.values())
            raise

    def _drop_staged(self, graphs: Iterable[ox.NamedNode]) -> None:
        """Remove staging graphs after a failed write (best effort: the endpoint may be what failed)."""
        with contextlib.suppress(StoreError):
            self.update(" ;\n".join(f"DROP SILENT GRAPH {g}" for g in graphs))

    def _replace_by_update(self, graphs: Mapping[URIRef, Graph | Iterable[tuple[Node, Node, Node]]]) -> None:
        """DROP + INSERT DATA in one update; graphs over :data:`UPDATE_QUADS` quads in all go through staging
        graphs instead, :data:`UPDATE_QUADS` quads a request, and one update moves them over (the text of a
        request stays bounded; blank nodes are sent in one request, where they stay one node each)."""
        targets = {str(name): URIRef(str(name)) for name in graphs}
        run = uuid.uuid4().hex
        staging = {name: ox.NamedNode(f"{STAGING}{run}:{i}") for i, name in enumerate(targets)}
        held: list[ox.Quad] = []  # into the targets, while everything fits in one update
        blank: list[ox.Quad] = []  # into staging graphs, sent last in one request
        filled: set[str] = set()
        staged = False

        def stage(quads: list[ox.Quad]) -> None:
            self.add_quads([ox.Quad(q.subject, q.predicate, q.object, staging[q.graph_name.value]) for q in quads])

        try:
            for name, triples in graphs.items():
                target = ox.NamedNode(name)
                for s, p, o in triples:
                    quad = ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), target)
                    filled.add(str(name))
                    if staged and _has_blank(quad):
                        blank.append(quad)
                        continue
                    held.append(quad)
                    if len(held) >= UPDATE_QUADS:
                        if not staged:  # too big for one request: from now on through staging graphs
                            staged = True
                            blank = [q for q in held if _has_blank(q)]
                            held = [q for q in held if not _has_blank(q)]
                        stage(held)
                        held = []
            if not staged:
                drops = [f"DROP SILENT GRAPH {term_text(t)}" for t in targets.values()]
                by_graph: dict[str, list[str]] = {}
                for q in held:
                    by_graph.setdefault(q.graph_name.value, []).append(f"{q.subject} {q.predicate} {q.object} .")
                blocks = [f"GRAPH <{name}> {{\n" + "\n".join(lines) + "\n}" for name, lines in by_graph.items()]
                operations = drops + ([f"INSERT DATA {{\n{chr(10).join(blocks)}\n}}"] if blocks else [])
                if operations:
                    self.update(" ;\n".join(operations))
                return
            stage(held + blank)
            self.update(
                " ;\n".join(
                    f"MOVE {staging[name]} TO {term_text(t)}" if name in filled else f"DROP SILENT GRAPH {term_text(t)}"
                    for name, t in targets.items()
                )
            )
        except BaseException:
            if staged:
                self._drop_staged(staging.values())
            raise

    def upload_quads(self, quads: Iterable[ox.Quad], *, fallback: bool = True, chunk: int = 200_000) -> bool:
        """Add quads in bulk: N-Quads POSTs to the Graph Store (Oxigraph), N-Triples POSTs per graph (any Graph
        Store), else INSERT DATA requests; ``chunk`` quads per request.  False if no bulk upload was possible
        and ``fallback`` is off."""
        batch: list[ox.Quad] = []
        mode = (
            "nquads" if self.graph_store_url and self._is_oxigraph() else ("ntriples" if self.graph_store_url else "")
        )

        def send(items: list[ox.Quad]) -> None:
            nonlocal mode
            if mode == "nquads":
                body = ox.serialize(items, format=formats.find("n-quads", formats.RDF).rdf)
                status, _, answer = self._request(self.graph_store_url, body, {"Content-Type": "application/n-quads"})
                if status in {200, 201, 204}:
                    return
                if status not in {400, 404, 405, 415}:
                    raise self._fail(self.graph_store_url, status, answer)
                mode = "ntriples"
            if mode == "ntriples":
                by_graph: dict[str, list[ox.Triple]] = {}
                for q in items:
                    by_graph.setdefault(q.graph_name.value, []).append(q.triple)
                for name, triples in by_graph.items():
                    url = f"{self.graph_store_url}?{urllib.parse.urlencode({'graph': name})}"
                    body = ox.serialize(triples, format=formats.find("n-triples", formats.RDF).rdf)
                    status, _, answer = self._request(url, body, {"Content-Type": "application/n-triples"})
                    if status not in {200, 201, 204}:
                        if status in {400, 404, 405, 415}:
                            mode = ""
                            break
                        raise self._fail(url, status, answer)
                else:
                    return
            if not fallback:
                raise _NoBulkUpload
            self.add_quads(items)

        try:
            for quad in quads:
                batch.append(quad)
                if len(batch) >= chunk:
                    send(batch)
                    batch = []
            if batch:
                send(batch)
        except _NoBulkUpload:
            return False
        except StoreError:
            if fallback:
                raise
            return False
        return True

    def read_meta(self, subject: str) -> dict[str, str]:
        """Predicate → value of the bookkeeping triples about ``subject`` (in the endpoint's default graph)."""
        rows = self._query(f"SELECT ?p ?o WHERE {{ {term_text(URIRef(subject))} ?p ?o }}", dataset=False)
        return {row["p"].value: row["o"].value for row in rows}

    def write_meta(self, subject: str, values: Mapping[str, str]) -> None:
        """Replace the bookkeeping triples about ``subject`` in one update request."""
        node = ox.NamedNode(subject)
        data = " ".join(f"{node} {ox.NamedNode(p)} {ox.Literal(v)} ." for p, v in values.items())
        self.update(f"DELETE WHERE {{ {node} ?p ?o }} ; INSERT DATA {{ {data} }}")

    def drop_graph(self, name: str) -> None:
        """Remove one named graph."""
        self.update(f"DROP SILENT GRAPH {term_text(URIRef(name))}")

    def quads_for_predicate(
        self, predicate: str, obj: ox.NamedNode | None = None, graph: ox.NamedNode | None = None
    ) -> Iterator[ox.Quad]:
        """Every quad with ``predicate`` (and object ``obj``), in any named graph or in ``graph``."""
        o = "?o" if obj is None else str(ox.NamedNode(obj.value))  # validated IRIs only in the text
        g = "?g" if graph is None else str(ox.NamedNode(graph.value))
        text = f"SELECT ?s ?o ?g WHERE {{ GRAPH {g} {{ ?s {term_text(URIRef(predicate))} {o} }} }}"
        p = ox.NamedNode(predicate)
        return (
            ox.Quad(r["s"], p, obj if obj is not None else r["o"], graph if graph is not None else r["g"])
            for r in self._query(text, dataset=False)
        )

    def bulk_add(self, quads: Iterable[ox.Quad]) -> None:
        """Add many quads: N-Quads uploads where the server takes them, else INSERT DATA, in chunks."""
        self.upload_quads(quads)

    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        """Add pyoxigraph quads as they are, in one update request."""
        lines = []
        for q in quads:
            triple = f"{q.subject} {q.predicate} {q.object} ."
            in_default = isinstance(q.graph_name, ox.DefaultGraph)
            lines.append(triple if in_default else f"GRAPH {q.graph_name} {{ {triple} }}")
        if lines:
            self.update("INSERT DATA {\n" + "\n".join(lines) + "\n}")


def _has_blank(quad: ox.Quad) -> bool:
    return isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode)
