"""The persistent store: an embedded Oxigraph database of named graphs.

Every source document's facts live in the named graph of the document's IRI;
the ontology, the entity registry and the inferred triples have graphs of
their own (see :mod:`kg.model.vocab`).  Queries see the union of all graphs as their
default graph.  Writes replace whole graphs atomically: either every graph of
a write is replaced, or the store is left exactly as it was.  A graph too big
for one transaction (a long document) is written part by part
(:meth:`Store.write_parts`) under a *pending* mark that keeps it out of every
read until its last part is in; what a killed write leaves is removed by the
next writer.
"""

from __future__ import annotations

import ctypes
import itertools
import os
import re
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import BinaryIO, Self

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import KgError
from kg.files import open_data
from kg.i18n import text as message
from kg.model.vocab import PREFIXES
from kg.store import search
from kg.store.search import rows_of_graph

DEFAULT_STORE = Path(".kg") / "store"
INTERNAL = "urn:kg:"  # graphs of the store's own bookkeeping: never listed, exported or counted
STAGING = INTERNAL + "staging:"
STAGING_MARK = ox.NamedNode(INTERNAL + "staging")  # present while a write is staged: one lookup, not a graph scan
# A graph written part by part (write_parts) is named, while it is written, by a triple
# <urn:kg:pending> <urn:kg:graph> <G> in the store's bookkeeping (its real default graph):
# readers leave G out, the next writer that opens the store removes what a killed write left of it.
PENDING = ox.NamedNode(INTERNAL + "pending")
PENDING_GRAPH = ox.NamedNode(INTERNAL + "graph")
FLUSH_QUADS = 100_000  # quads written by transactions between two flushes (Store._flush_after)
PART_QUADS = 20_000  # quads per write of a graph written part by part: what one write holds in memory
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
FEW_GRAPHS = 8  # up to this many named graphs, queries name them as their default graph instead of the union


M_MMAP_THRESHOLD, M_ARENA_MAX = -3, -8  # glibc's mallopt parameters (malloc.h)


@cache
def _glibc() -> ctypes.CDLL | None:
    """The C library when it is glibc (whose malloc the two functions below tune), else None (macOS, musl)."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt, libc.malloc_trim  # noqa: B018 - both exist in glibc only
    except (OSError, AttributeError):
        return None
    return libc


@cache
def _tame_malloc() -> None:
    """Keep glibc's malloc from holding freed memory: at most two arenas, and big blocks always mapped apart.

    RocksDB's threads each get an arena of their own, and a freed block of a
    few MB raises glibc's threshold for mapping blocks apart, so later ones
    come from arenas that do not shrink: a long ``kg ingest`` grew by what
    every write had once freed (about 10% less peak memory at 5 MiB this way,
    same time).  Done once, before the first store opens its threads.
    """
    if libc := _glibc():
        libc.mallopt(M_ARENA_MAX, 2)
        libc.mallopt(M_MMAP_THRESHOLD, 1 << 20)


def _give_back_memory() -> None:
    """Return the free memory at the top of malloc's heaps to the system (after each part of a long write)."""
    if libc := _glibc():
        libc.malloc_trim(0)


# Strings, IRIs and comments, where a FROM is not the keyword.
_NOT_KEYWORDS = re.compile(
    r"""'''.*?'''|""" + r'''""".*?"""|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|<[^<>\s"{}|^`]*>|#[^\n]*''',
    re.DOTALL,
)
_FROM = re.compile(r"(?<![\w:?$])FROM(?![\w:-])", re.IGNORECASE)


def has_dataset_clause(sparql: str) -> bool:
    """True when a query names its own dataset (``FROM`` or ``FROM NAMED``): then the store's union must not apply.

    >>> has_dataset_clause("SELECT * FROM <urn:g> WHERE { ?s ?p ?o }")
    True
    >>> has_dataset_clause('SELECT ?from WHERE { ?s ex:from "FROM" } # FROM')
    False
    """
    return bool(_FROM.search(_NOT_KEYWORDS.sub(" ", sparql)))


class StoreError(KgError, RuntimeError):
    """The store cannot be opened or written; the message says which and why."""


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.DefaultGraph | None) -> Node | None:
    """Convert a pyoxigraph term to the equivalent rdflib term."""
    if term is None or isinstance(term, ox.DefaultGraph):
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == XSD_STRING:  # RDF 1.1 simple literal: rdflib compares it unequal to xsd:string
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def to_oxigraph(term: Node | ox.NamedNode | ox.BlankNode | ox.Literal) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Convert an rdflib term to the equivalent pyoxigraph term (pyoxigraph terms pass through)."""
    kind = type(term)  # exact types first: this runs once per term of every write and every extract output
    if kind is URIRef:
        return ox.NamedNode(str(term))
    if kind is Literal:
        return _literal(term)
    if isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal):
        return term
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        return _literal(term)
    raise TypeError(f"not an RDF term: {term!r}")


def _literal(term: Literal) -> ox.Literal:
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=_datatype(str(term.datatype)))
    return ox.Literal(str(term))


@lru_cache(maxsize=256)
def _datatype(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def is_store(path: Path) -> bool:
    """True when ``path`` is a folder holding an Oxigraph (RocksDB) store."""
    return (path / "CURRENT").is_file() and (path / "IDENTITY").exists()


def check_store_folder(path: Path) -> None:
    """Refuse to create a store in a file, or among the files of an ordinary non-empty folder.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "notes.txt").write_text("mine")
    >>> check_store_folder(folder)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.store.embedded.StoreError: ... 是含有其他文件的文件夹，不是存储：请给 --store（或 KG_STORE）一个空的或新的文件夹
    """
    if path.exists() and not path.is_dir():
        raise StoreError(message("store_is_file", path=path))
    if path.is_dir() and not is_store(path) and any(path.iterdir()):
        raise StoreError(message("store_among_files", path=path))


def lock_holder(path: Path) -> str | None:
    """The process that holds the store's write lock, as ``pid N (command line)``, or None if unknown."""
    import fcntl
    import struct

    layout = "hhqqi4x"  # struct flock on Linux and the BSDs: type, whence, start, len, pid
    try:
        fd = os.open(path / "LOCK", os.O_RDWR)
    except OSError:
        return None
    try:
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, struct.pack(layout, fcntl.F_WRLCK, 0, 0, 0, 0))
        kind, _, _, _, pid = struct.unpack(layout, answer)
    except (OSError, struct.error):
        return None
    finally:
        os.close(fd)
    if kind == fcntl.F_UNLCK or pid <= 0:
        return message("this_process") if kind == fcntl.F_UNLCK else None
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace").strip()
    except OSError:
        command = ""
    return f"pid {pid}" + (f" ({command[:120]})" if command else "")


def _open_writable(path: Path, wait: float) -> ox.Store:
    """Open the store for writing, waiting up to ``wait`` seconds for another writer to release it."""
    import time

    deadline = time.monotonic() + wait
    while True:
        try:
            return ox.Store(str(path))
        except OSError as error:
            if "lock" not in str(error).lower():
                raise
            if time.monotonic() >= deadline:
                holder = lock_holder(path) or message("another_process")
                waited = message("waited", seconds=f"{wait:g}") if wait else message("wait_hint")
                raise StoreError(message("store_busy", path=path, holder=holder, waited=waited)) from None
            time.sleep(min(0.2, max(0.0, deadline - time.monotonic())))


class StoreMethods:
    """What every store, embedded or remote, derives from its ``query_raw``, ``replace_graphs`` and ``close``."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()  # type: ignore[attr-defined]

    def select(
        self,
        sparql: str,
        bindings: Mapping[str, Node] | None = None,
        default_graphs: Iterable[str] | None = None,
    ) -> list[dict[str, Node]]:
        """Rows of a SELECT query as dicts of rdflib terms (unbound variables are absent)."""
        solutions = self.query_raw(sparql, bindings, default_graphs)  # type: ignore[attr-defined]
        names = [v.value for v in solutions.variables]
        return [{name: to_rdflib(row[name]) for name in names if row[name] is not None} for row in solutions]

    def ask(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> bool:
        """The answer of an ASK query over the union of all graphs."""
        return bool(self.query_raw(sparql, bindings))  # type: ignore[attr-defined]

    def remove_graphs(self, names: Iterable[str]) -> None:
        """Remove named graphs, all at once."""
        self.replace_graphs({URIRef(name): [] for name in names})  # type: ignore[attr-defined]


class Store(StoreMethods):
    """An Oxigraph store on disk (or in memory when ``path`` is None).

    >>> store = Store()          # in memory
    >>> store.replace_graphs({URIRef("http://example.org/g"): Graph()})
    >>> len(store)
    0
    """

    def __init__(self, path: Path | str | None = None, *, read_only: bool = False, wait: float = 0.0):
        """``wait``: seconds to wait for another process that is writing to the store to finish."""
        self.path = Path(path) if path is not None else None
        _tame_malloc()
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                if not is_store(self.path):
                    raise StoreError(message("no_store", path=self.path))
                self._store = ox.Store.read_only(str(self.path))
            else:
                check_store_folder(self.path)
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = _open_writable(self.path, wait)
        except OSError as error:
            raise StoreError(
                message("cannot_open_store", path=self.path, reason=" ".join(str(error).split()))
            ) from None
        self.read_only = read_only
        self._few: list[ox.NamedNode] | bool | None = False  # the graphs of a store that has few (False: unknown)
        self._written = False
        self._unflushed = 0  # quads written by transactions since the last flush
        if not read_only:
            self._drop_staging()
            self._repair_pending()

    # Every write sets ``_written``: it also forgets the list of graphs the queries name (see ``_few_graphs``).
    @property
    def _written(self) -> bool:
        return self.__dict__.get("_written_flag", False)

    @_written.setter
    def _written(self, value: bool) -> None:
        self.__dict__["_written_flag"] = value
        self._few = False

    def _few_graphs(self) -> list[ox.NamedNode] | None:
        """The named graphs (but the store's own) when there are at most :data:`FEW_GRAPHS`, else None.

        A query over a handful of graphs named as its default graph reads each graph's own indexes, about
        1.5x faster on Oxigraph's disk store than the union of all graphs (which also holds the store's
        bookkeeping); with many graphs, naming them all is far slower than the union.
        """
        if self._few is False:
            found: list[ox.NamedNode] = []
            for graph in self._store.named_graphs():
                if isinstance(graph, ox.NamedNode) and not graph.value.startswith(INTERNAL):
                    found.append(graph)
                elif not isinstance(graph, ox.NamedNode):
                    found = []
                    break
                if len(found) > FEW_GRAPHS:
                    break
            self._few = found if 0 < len(found) <= FEW_GRAPHS else None
        return self._few  # type: ignore[return-value]

    def _internal(self) -> list[ox.NamedNode]:
        """Graphs no reader sees: the store's own bookkeeping, and graphs a part-by-part write has not finished."""
        hidden = [g for g in self._store.named_graphs() if isinstance(g, ox.NamedNode) and g.value.startswith(INTERNAL)]
        return hidden + [g for g in self._pending() if g not in hidden]

    def pending_graphs(self) -> list[str]:
        """IRIs of the graphs a part-by-part write has not finished (hidden from every read), sorted."""
        return sorted(g.value for g in self._pending())

    def _pending(self) -> list[ox.NamedNode]:
        """Graphs being written part by part (:meth:`write_parts`), or left half written by a killed write."""
        quads = self._store.quads_for_pattern(PENDING, PENDING_GRAPH, None, ox.DefaultGraph())
        return [q.object for q in quads if isinstance(q.object, ox.NamedNode)]

    def _where(self) -> str:
        """The store's folder, or "(memory)", for messages."""
        return str(self.path) if self.path else message("in_memory")

    def __len__(self) -> int:
        internal = sum(1 for g in self._internal() for _ in self._store.quads_for_pattern(None, None, None, g))
        meta = sum(1 for _ in self._store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        return len(self._store) - internal - meta

    # The store's own bookkeeping (the inference stamp) lives in the real default graph: GRAPH ?g never
    # matches it, exports and counts leave it out (Oxigraph's union default graph does include it).

    def read_meta(self, subject: str) -> dict[str, str]:
        """Predicate → value of the bookkeeping triples about ``subject``."""
        quads = self._store.quads_for_pattern(ox.NamedNode(subject), None, None, ox.DefaultGraph())
        return {q.predicate.value: q.object.value for q in quads}

    def write_meta(self, subject: str, values: Mapping[str, str]) -> None:
        """Replace the bookkeeping triples about ``subject`` in one transaction."""
        self._written = True
        node = ox.NamedNode(subject)
        data = " ".join(f"{node} {ox.NamedNode(p)} {ox.Literal(v)} ." for p, v in values.items())
        self._store.update(f"DELETE WHERE {{ {node} ?p ?o }} ; INSERT DATA {{ {data} }}")

    def close(self) -> None:
        """Flush what was written (so the next open does not replay a write log), release the directory lock."""
        store = self.__dict__.pop("_store", None)
        if store is not None and self._written and self.path is not None:
            try:
                store.flush()
            except OSError as error:
                raise StoreError(message("cannot_flush_store", path=self.path, reason=error)) from None

    # -- reading ---------------------------------------------------------

    def _staging(self) -> list[ox.NamedNode]:
        """Staging graphs of a write in progress (another process) or of a crashed one: never read."""
        if not self._store.contains_named_graph(STAGING_MARK):
            return []
        return [g for g in self._store.named_graphs() if isinstance(g, ox.NamedNode) and g.value.startswith(STAGING)]

    def graph_names(self) -> list[str]:
        """IRIs of the named graphs in the store, sorted (the store's internal graphs left out)."""
        names = (g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))
        pending = {g.value for g in self._pending()}
        return sorted(name for name in names if not name.startswith(INTERNAL) and name not in pending)

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """Every quad (but the store's internal ones), or those of one named graph."""
        if graph:
            return self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
        internal = set(self._internal())
        quads = self._store.quads_for_pattern(None, None, None, None)
        return (q for q in quads if q.graph_name not in internal and not isinstance(q.graph_name, ox.DefaultGraph))

    def distinct_triples(self) -> Iterator[ox.Triple]:
        """Every triple of the named graphs once, grouped by subject, streamed from the store's indexes.

        What is held is the store's set of distinct subjects (inside Oxigraph) and one subject's
        triples at a time, never the whole union: an export of a big store stays small in memory.
        """
        internal = set(self._internal())
        for (subject,) in self._store.query("SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } }"):
            seen: set[tuple] = set()
            for quad in self._store.quads_for_pattern(subject, None, None, None):
                if isinstance(quad.graph_name, ox.DefaultGraph) or quad.graph_name in internal:
                    continue
                key = (quad.predicate, quad.object)
                if key not in seen:
                    seen.add(key)
                    yield ox.Triple(subject, quad.predicate, quad.object)

    def quads_for_predicate(
        self, predicate: str, obj: ox.NamedNode | None = None, graph: ox.NamedNode | None = None
    ) -> Iterator[ox.Quad]:
        """Every quad with ``predicate`` (and object ``obj``), in any graph or in ``graph``, streamed from the
        store's index."""
        return self._store.quads_for_pattern(None, ox.NamedNode(predicate), obj, graph)

    def solutions(self, sparql: str) -> ox.QuerySolutions:
        """Run a SELECT over the graphs as stored, for readers that choose their graphs themselves (``GRAPH ?g``
        sees every named graph, the store's own too; no prefixes, no union default graph)."""
        return self._store.query(sparql)  # type: ignore[return-value]

    def graph(self, graph: str) -> Graph:
        """One named graph as an rdflib graph."""
        result = Graph()
        for quad in self.quads(graph):
            result.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
        return result

    def query_raw(
        self,
        sparql: str,
        bindings: Mapping[str, Node] | None = None,
        default_graphs: Iterable[str] | None = None,
        named_graphs: Iterable[str] | None = None,
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a SPARQL query; the union of all graphs is the default graph unless ``default_graphs`` is given.

        ``bindings`` substitute variables with terms (never spliced into the text);
        ``named_graphs`` restricts the graphs ``GRAPH`` patterns see (default: all).
        """
        kwargs: dict = {"prefixes": PREFIXES}
        if bindings:
            kwargs["substitutions"] = {ox.Variable(k): to_oxigraph(v) for k, v in bindings.items()}
        if default_graphs is None and named_graphs is None and has_dataset_clause(sparql):
            return self._store.query(sparql, **kwargs)  # the query's FROM / FROM NAMED is its dataset
        if default_graphs is None and named_graphs is None and (self._staging() or self._pending()):
            default_graphs = named_graphs = self.graph_names()  # keep a write in progress out of sight
        if default_graphs is not None:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        elif (few := self._few_graphs()) is not None:
            kwargs["default_graph"] = few
        else:
            kwargs["use_default_graph_as_union"] = True
        if named_graphs is not None:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        return self._store.query(sparql, **kwargs)

    # -- writing ---------------------------------------------------------

    def replace_graphs(self, graphs: Mapping[URIRef, Graph | Iterable[tuple[Node, Node, Node]]]) -> None:
        """Replace each named graph with the given triples, all in one transaction.

        One SPARQL update drops the old graphs and inserts the new triples
        (``INSERT DATA``), each term written by Oxigraph's own N-Triples
        serialisation, so text in a literal is data, never SPARQL.  A graph
        with blank nodes (the ontology's lists) would get fresh ones that way:
        it is first written to a staging graph and moved over (``MOVE``, in the
        same update), which keeps them but writes each quad three times.
        """
        run = uuid.uuid4().hex
        quads: list[ox.Quad] = []  # every new quad in its target graph: what the search index gets
        staged: list[ox.Quad] = []
        parts: list[str] = []
        inserts: list[str] = []
        present: set[str] = set()
        for index, (name, triples) in enumerate(graphs.items()):
            target = ox.NamedNode(str(name))  # validates the IRI
            count = len(quads)
            quads.extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), target) for s, p, o in triples)
            new = quads[count:]
            if not new:
                parts.append(f"DROP SILENT GRAPH {target}")
                continue
            present.add(target.value)
            if any(isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode) for q in new):
                staging = ox.NamedNode(f"{STAGING}{run}:{index}")
                staged.extend(ox.Quad(q.subject, q.predicate, q.object, staging) for q in new)
                parts.append(f"MOVE {staging} TO {target}")
            else:
                parts.append(f"DROP SILENT GRAPH {target}")
                body = " .\n".join(f"{q.subject} {q.predicate} {q.object}" for q in new)
                inserts.append(f"GRAPH {target} {{\n{body} }}")
        if inserts:
            parts.append("INSERT DATA {\n" + "\n".join(inserts) + "\n}")
        del inserts
        self._written = True
        try:
            if staged:
                staged.append(ox.Quad(STAGING_MARK, STAGING_MARK, ox.Literal(run), STAGING_MARK))
                self._store.extend(staged)
                parts.append(f"DROP SILENT GRAPH {STAGING_MARK}")
            del staged
            if parts:
                self._store.update(" ;\n".join(parts))
        except (OSError, SyntaxError) as error:
            self._drop_staging()
            raise StoreError(message("store_write_failed", path=self._where(), reason=error)) from None
        del parts
        self._flush_after(len(quads))
        if self.path is not None:  # the search index follows, graph by graph, from the quads in hand
            rows: dict[str, list] = {str(name): [] for name in graphs}
            for quad in quads:
                rows[quad.graph_name.value].extend(rows_of_graph([quad.triple]))
            search.after_write(self, rows, present=present)

    def write_parts(
        self,
        names: Iterable[str],
        parts: Iterable[Mapping[str, Iterable[tuple[Node, Node, Node]]]],
        progress: Callable[[int], None] | None = None,
    ) -> None:
        """Replace the named graphs ``names`` with the union of the triples ``parts`` give, one part at a time.

        For a graph too big to write in one transaction (Oxigraph holds a
        transaction's writes in memory, about 1 kB a quad): what is held is one
        part, and at most :data:`PART_QUADS` quads per write.  The graphs are
        marked pending in the store's bookkeeping first; readers leave a pending
        graph out, so no one ever sees half of it.  Then the old graphs are
        removed and each part is added (to the search index too); the mark goes
        last.  A write that fails or is killed leaves the graphs pending: they
        are removed when the store is next opened for writing (the new version
        is not there; write it again).  ``progress`` is called with the quads
        written after each write.  Every part maps graph names (of ``names``) to triples.
        """
        targets = [ox.NamedNode(str(name)) for name in dict.fromkeys(names)]  # validates the IRIs
        self._written = True
        index = search.open_index(self) if self.path is not None else None
        try:
            self._store.extend([ox.Quad(PENDING, PENDING_GRAPH, g, ox.DefaultGraph()) for g in targets])
            for graph in targets:
                self._remove_quads(graph)
            if index is not None:  # the old rows go; a killed write leaves the graph out of the index's list
                index.replace({g.value: [] for g in targets}, present=())
            for part in parts:
                for name, triples in part.items():
                    graph = ox.NamedNode(str(name))
                    if graph not in targets:
                        raise StoreError(message("not_written_graph", graph=graph))
                    rows: list = []
                    chunk: list[ox.Quad] = []
                    for s, p, o in triples:
                        chunk.append(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), graph))
                        if len(chunk) >= PART_QUADS:
                            self._store.bulk_extend(chunk)  # before the rows: a long text is not copied out meanwhile
                            rows += rows_of_graph(q.triple for q in chunk)
                            if progress is not None:
                                progress(len(chunk))
                            chunk = []
                    if chunk:
                        self._store.bulk_extend(chunk)
                        rows += rows_of_graph(q.triple for q in chunk)
                        if progress is not None:
                            progress(len(chunk))
                    if index is not None and rows:
                        index.add(graph.value, rows)
                _give_back_memory()
            if index is not None:  # listed before the mark goes: a kill in between is repaired like any pending graph
                present = [g.value for g in targets if self._store.contains_named_graph(g)]
                index.replace({}, present=present)
            self._unmark_pending()
        except OSError as error:
            self._repair_pending()
            raise StoreError(message("store_write_failed", path=self._where(), reason=error)) from None
        except BaseException:
            self._repair_pending()
            raise
        finally:
            if index is not None:
                index.close()

    def _remove_quads(self, graph: ox.NamedNode) -> None:
        """Remove a graph's quads a bounded number at a time (``remove_graph`` holds them all in one transaction)."""
        while True:
            chunk = list(itertools.islice(self._store.quads_for_pattern(None, None, None, graph), PART_QUADS))
            if not chunk:
                break
            for quad in chunk:
                self._store.remove(quad)
        self._store.remove_graph(graph)  # the empty graph's name

    def _repair_pending(self) -> None:
        """Remove what a killed :meth:`write_parts` left of its graphs (and of their search rows), then their mark."""
        pending = self._pending()
        if not pending:
            return
        self._written = True
        for graph in pending:
            self._remove_quads(graph)
        if self.path is not None:
            search.after_write(self, {g.value: [] for g in pending}, present=())
        self._unmark_pending()

    def _unmark_pending(self) -> None:
        """Every pending graph becomes visible at once (one transaction, whatever their number)."""
        self._store.update(f"DELETE WHERE {{ {PENDING} {PENDING_GRAPH} ?graph }}")

    def update(self, sparql: str, graphs: Iterable[str] | None = None) -> None:
        """Run a SPARQL 1.1 Update (PREFIXES predeclared) in one transaction.

        ``graphs``: the named graphs the update writes, when known
        (:func:`kg.store.inference.written_graphs`): the search index re-indexes
        just those; otherwise it is rebuilt when next opened.
        """
        self._written = True
        try:
            self._store.update(sparql, prefixes=PREFIXES)
        except OSError as error:
            raise StoreError(message("store_write_failed", path=self._where(), reason=error)) from None
        finally:
            if self.path is not None:
                if graphs is None:
                    search.after_write(self, None)
                else:
                    graphs = sorted(set(graphs))
                    present = [g for g in graphs if self._store.contains_named_graph(ox.NamedNode(g))]
                    search.after_write(self, {g: search.graph_rows(self, g) for g in graphs}, present)

    def bulk_load(
        self,
        source: Path | BinaryIO,
        fmt: ox.RdfFormat,
        graph: str | None = None,
        base_iri: str | None = None,
        lenient: bool = False,
        index: bool = True,
    ) -> None:
        """Load a big RDF file fast, outside any transaction (a failure may leave part of it: validate first).

        Triples, and the default graph of a dataset format, go to ``graph``.  A path is read by Oxigraph
        itself (a ``.gz`` one through Python's gzip, in blocks).  ``index``: bring the search index in step
        now (False when the caller calls :func:`kg.store.search.sync` once for several loads).
        """
        kwargs = {"format": fmt, "to_graph": ox.NamedNode(graph) if graph else None, "base_iri": base_iri}
        self._written = True
        try:
            if isinstance(source, Path) and source.suffix.lower() == ".gz":
                with open_data(source) as handle:
                    self._store.bulk_load(handle, lenient=lenient, **kwargs)
            elif isinstance(source, Path):
                self._store.bulk_load(path=str(source), lenient=lenient, **kwargs)
            else:
                self._store.bulk_load(source, lenient=lenient, **kwargs)
        except OSError as error:
            raise StoreError(message("bulk_load_failed", path=self._where(), reason=error)) from None
        finally:  # a bulk load's target graph is re-indexed; a dataset's graphs are unknown: rebuild on next open
            if self.path is not None and index:
                written = {graph: search.graph_rows(self, graph)} if graph else None
                search.after_write(self, written, [graph] if graph else ())

    def graph_sizes(self, names: Iterable[str]) -> dict[str, int]:
        """Quads in each of the named graphs ``names``, counted inside the store (one grouped count over every
        graph when they are many, so a load of many graphs does not pay a query for each)."""
        names = list(names)
        if len(names) > 100:
            wanted = set(names)
            rows = self._store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
            found = {row["g"].value: int(row["n"].value) for row in rows if row["g"].value in wanted}
            return {name: found.get(name, 0) for name in names}
        sizes = {}
        for name in names:
            graph = ox.NamedNode(name)  # validated: its text is an IRI
            rows = self._store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
            sizes[name] = int(next(iter(rows))["n"].value)
        return sizes

    def blank_graphs(self) -> list[ox.BlankNode]:
        """Named graphs whose name is a blank node (a dataset file may hold them; kg never writes them)."""
        return [g for g in self._store.named_graphs() if isinstance(g, ox.BlankNode)]

    def drop_blank_graphs(self) -> None:
        """Remove every graph named by a blank node (after a load that brought them is refused)."""
        for name in self.blank_graphs():
            self._written = True
            self._store.remove_graph(name)

    def _flush_after(self, quads: int) -> None:
        """Flush once :data:`FLUSH_QUADS` quads have gone in by transactions since the last flush.

        RocksDB keeps what transactions write in memory tables until they are flushed, so a long
        run of writes (an ingest of many documents, batch after batch) would otherwise hold more
        memory with every batch (kg ingest -j 2 of 900 generated releases: 812 MB peak, 479 MB so flushed).
        """
        if self.path is None:
            return
        self._unflushed += quads
        if self._unflushed >= FLUSH_QUADS:
            self._store.flush()
            self._unflushed = 0

    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        """Add pyoxigraph quads as they are, in one transaction."""
        self._written = True
        self._store.extend(quads)
        if self.path is not None:
            search.after_write(self, None)

    def bulk_add(self, quads: Iterable[ox.Quad]) -> None:
        """Add a stream of quads outside any transaction, without holding them in memory (bulk loads)."""
        self._written = True
        try:
            self._store.bulk_extend(quads)
        except OSError as error:
            raise StoreError(message("bulk_write_failed", path=self._where(), reason=error)) from None

    def drop_graph(self, name: str) -> None:
        """Remove one named graph and its quads."""
        self._written = True
        self._store.remove_graph(ox.NamedNode(name))

    def optimize(self) -> None:
        """Compact the store's files after a big load (reads get faster, the next open is quick)."""
        self._store.flush()
        self._store.optimize()

    def _drop_staging(self) -> None:
        """Remove staging graphs a crashed write may have left."""
        if not self._store.contains_named_graph(STAGING_MARK):
            return
        for graph in self._store.named_graphs():
            if isinstance(graph, ox.NamedNode) and (graph.value.startswith(STAGING) or graph == STAGING_MARK):
                self._store.remove_graph(graph)
