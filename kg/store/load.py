"""``kg load``: import RDF files (Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON-LD) into named graphs.

Each file becomes one named graph (its ``file://`` IRI, or the IRI given);
the named graphs of dataset files (TriG, N-Quads, JSON-LD) keep their own
names and only their default graph goes to the file's graph.  Loading a file
again replaces its graph, so re-running a load changes nothing.

Small loads into a store that already holds data (under :data:`BULK_BYTES`
of files), and any load into a remote store, are parsed completely, then
written with their inference in one transaction: a syntax error names the
file, line and column and leaves the store as it was.  Big loads, and any
load into an empty embedded store, go through Oxigraph's bulk loader, which
reads each file itself (no quad passes through Python); the RDFS closure
(:mod:`kg.store.inference`) is then read rule by rule from the store's
indexes and bulk-written: nothing is held in memory, nothing is parsed
twice, the rest of the store is never read.  A store that already holds
data is first scanned for the graphs the files replace (which also checks
the syntax); if the load fails, the graphs it wrote are removed again (an
empty store is left empty), and the inference stamp stays "pending" if the
process is killed (``kg stats`` says so, ``kg infer`` repairs it).  Files
ending in ``.gz`` are decompressed on the fly.

The search index (:mod:`kg.store.search`) of a first load is built by a second
process: for big files it reads the files itself while they load here (the
machine's other core), else the rows read from the store are spooled to it
while the closure is computed; the index takes its name only once complete.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph as ox
from rdflib import URIRef

from kg.errors import KgError
from kg.files import open_data
from kg.i18n import text
from kg.model.vocab import BASE
from kg.store import formats, search
from kg.store.embedded import STAGING, Store
from kg.store.inference import (
    STAMP,
    STAMP_RULES,
    STAMP_STATE,
    infer_in_store,
    inferred_graph,
    mark_pending,
    refresh_inference,
    rules,
    stamp,
    write_graphs,
    write_stamp,
)

if TYPE_CHECKING:
    from kg.store.remote import RemoteStore

BULK_BYTES = 16 * 1024 * 1024  # files bigger than this in all go through the embedded store's bulk loader
FILE_BUILD_BYTES = 64 * 1024 * 1024  # a first load of more: a second process indexes the files as they load


class LoadError(KgError, ValueError):
    """A file cannot be loaded; the message names the file (and line and column for syntax errors)."""


@dataclass
class Loaded:
    """What one file put into the store."""

    path: Path
    fmt: str
    graphs: dict[str, int] = field(default_factory=dict)  # graph IRI → triples

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())


def rdf_format(path: Path, name: str | None = None) -> ox.RdfFormat:
    """The RDF format of a file: ``name`` (standard name or alias) if given, else from its extension.

    >>> rdf_format(Path("a.ttl.gz")).name, rdf_format(Path("b.owl")).name, rdf_format(Path("c"), "nq").name
    ('Turtle', 'RDF/XML', 'N-Quads')
    """
    fmt = formats.find(name, formats.RDF) if name else formats.of_path(path, formats.RDF)
    assert fmt.rdf is not None
    return fmt.rdf


def file_graph(path: Path) -> str:
    """The named graph of a file: its absolute ``file://`` IRI."""
    return path.resolve().as_uri()


@contextmanager
def _open(path: Path) -> Iterator[BinaryIO]:
    try:
        handle = open_data(path)
    except OSError as error:
        raise LoadError(text("cannot_read", path=path, reason=error.strerror or error)) from None
    with handle:
        yield handle


def data_size(path: Path) -> int:
    """Bytes of RDF a file holds: its size, or for a ``.gz`` file the size it unpacks to (from its gzip trailer).

    The trailer keeps the size modulo 4 GiB, so it is never taken below the compressed size.
    """
    size = path.stat().st_size
    if path.suffix.lower() == ".gz" and size >= 18:
        with path.open("rb") as handle:
            handle.seek(-4, 2)
            return max(size, int.from_bytes(handle.read(4), "little"))
    return size


def _syntax(path: Path, error: SyntaxError) -> LoadError:
    message = re.sub(r"^Parser error[^:]*:\s*", "", str(error.msg or error))
    where = f"{path}:{error.lineno}:{error.offset}" if error.lineno else str(path)
    return LoadError(f"{where}: {' '.join(message.split())}")


def parse_file(path: Path, fmt: ox.RdfFormat, graph: str, keep: bool) -> tuple[dict[str, int], dict[str, list]]:
    """Parse a whole file: triples per target graph, and the triples themselves when ``keep``."""
    counts: dict[str, int] = {}
    triples: dict[str, list] = {}
    default = ox.NamedNode(graph)
    try:
        with _open(path) as handle:
            for quad in ox.parse(handle, fmt, base_iri=file_graph(path)):
                name = quad.graph_name
                if isinstance(name, ox.DefaultGraph):
                    name = default
                elif isinstance(name, ox.BlankNode):
                    raise LoadError(text("blank_graph", path=path))
                counts[name.value] = counts.get(name.value, 0) + 1
                if keep:
                    triples.setdefault(name.value, []).append(quad.triple)
    except SyntaxError as error:
        raise _syntax(path, error) from None
    except (OSError, EOFError) as error:  # e.g. a truncated .gz
        raise LoadError(text("cannot_read", path=path, reason=error)) from None
    if not counts:
        counts[graph] = 0
    return counts, triples


def load_files(
    store: Store | RemoteStore,
    paths: Sequence[Path],
    *,
    fmt: str | None = None,
    graph: str | None = None,
    infer: bool = True,
    progress: Callable[[str, int, int], None] | None = None,
    bulk_bytes: int = BULK_BYTES,
    force: bool = False,
) -> list[Loaded]:
    """Load RDF files into ``store``, one named graph per file, all or nothing; return what each file held.

    ``graph`` names the graph of a single file.  ``infer`` adds the RDFS closure
    of what the files state (see :mod:`kg.store.inference`).
    ``progress(stage, done, total)`` is told about each file (and, in bulk, every million quads).
    Graphs ``kg`` itself owns (:func:`reserved_graph`) are refused unless ``force``.
    """
    if graph is not None and len(paths) != 1:
        raise LoadError(text("graph_one_file"))
    if graph is not None:
        check_graph_iri(graph, force=force)
    formats = [rdf_format(path, fmt) for path in paths]
    for path in paths:
        if not path.is_file():
            raise LoadError(text("no_such_file", path=path))
    # A compressed file counts by what it unpacks to: 8 MB of .nq.gz is 10^6 quads, too many for one transaction.
    # An empty store is left empty if the load fails: the bulk loader is safe there at any size.
    if isinstance(store, Store) and (sum(data_size(path) for path in paths) > bulk_bytes or not store.graph_names()):
        return _bulk(store, paths, formats, graph, infer, progress, force)
    loaded: list[Loaded] = []
    kept: dict[str, list] = {}
    for index, (path, rdf) in enumerate(zip(paths, formats, strict=True)):
        counts, triples = parse_file(path, rdf, graph or file_graph(path), True)
        loaded.append(Loaded(path, rdf.name, counts))
        for name, items in triples.items():
            kept.setdefault(name, []).extend(items)
        if progress:
            progress(text("stage_parsed"), index + 1, len(paths))
    targets = {name for item in loaded for name in item.graphs}
    _check_targets(store, loaded, graph, force)
    graphs = {URIRef(name): [tuple(t) for t in kept.get(name, [])] for name in sorted(targets)}
    write_graphs(store, graphs, infer=infer)  # data and inference in one transaction
    return loaded


def _check_targets(store: Store | RemoteStore, loaded: Sequence[Loaded], graph: str | None, force: bool) -> None:
    """A dataset file may name kg's own graphs: it may restore them, not replace them (unless ``force``)."""
    existing: set[str] | None = None
    for item in loaded:
        for name in sorted(item.graphs):
            if name == graph or (reserved_graph(name) is None and _is_iri(name)):
                continue
            if existing is None:
                existing = set(store.graph_names())
            if name in existing or not _is_iri(name) or name.startswith(STAGING):
                check_graph_iri(name, force=force, where=f"{item.path}: {text('graph')}")


def _is_iri(text: str) -> bool:
    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return bool(re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", text))


GRAPH_SCHEMES = ("http://", "https://", "urn:", "file://")


def reserved_graph(iri: str) -> str | None:
    """Why ``iri`` is a graph ``kg`` owns (ontology, registry, inferred closure, analysis, a document, a write in
    progress), or None when a load may fill it.

    >>> reserved_graph("https://w3id.org/kg-cityedu/graph/entities")
    '人工整理的实体登记表（由 kg build 维护）'
    >>> reserved_graph("http://example.org/schools") is None
    True
    """
    if iri.startswith(STAGING):
        return text("reserved_staging")
    owners = {
        f"{BASE}graph/ontology": "reserved_ontology",
        f"{BASE}graph/entities": "reserved_registry",
        f"{BASE}graph/inferred": "reserved_inferred",
        f"{BASE}graph/analysis": "reserved_analysis",
    }
    if iri in owners:
        return text(owners[iri])
    if iri.startswith(f"{BASE}doc/"):
        return text("reserved_document")
    if iri.startswith(BASE):
        return text("reserved_namespace")
    return None


def check_graph_iri(iri: str, *, force: bool = False, where: str = "--graph") -> None:
    """Raise :class:`LoadError` unless ``iri`` is an http(s), urn or file IRI that is not reserved (or ``force``)."""
    if not _is_iri(iri) or not iri.lower().startswith(GRAPH_SCHEMES):
        raise LoadError(text("graph_not_iri", where=where, iri=iri))
    reason = reserved_graph(iri)
    if reason and not (force and not iri.startswith(STAGING)):
        raise LoadError(text("graph_reserved", where=where, iri=iri, reason=reason))


def _bulk(
    store: Store,
    paths: Sequence[Path],
    formats: Sequence[ox.RdfFormat],
    graph: str | None,
    infer: bool,
    progress: Callable[[str, int, int], None] | None,
    force: bool = False,
) -> list[Loaded]:
    """Oxigraph's bulk loader reads each file itself; the closure is computed from the store's indexes.

    No stated quad passes through Python.  Into an empty store nothing is read first; into a store
    that holds data, the graphs the files replace are found (and the syntax checked) by one parse
    before anything is removed.  On failure the graphs the load wrote are removed again.
    """
    table = rules(store)
    before = set(store.graph_names())
    defaults = [graph or file_graph(path) for path in paths]
    scanned: list[set[str]] = [set() for _ in paths]
    if before and (any(rdf.supports_datasets for rdf in formats) or before & set(defaults)):
        checked = []  # what the files name, and their syntax, before the store is touched
        for index, (path, rdf) in enumerate(zip(paths, formats, strict=True)):
            counts = parse_file(path, rdf, defaults[index], False)[0]
            scanned[index] = set(counts)
            checked.append(Loaded(path, rdf.name, counts))
        _check_targets(store, checked, graph, force)
    recorded = stamp(store)
    mark_pending(store)
    for name in sorted((set(defaults).union(*scanned)) & before):
        store.drop_graph(name)
        if inferred_graph(name) in before:
            store.drop_graph(inferred_graph(name))
    loaded = [Loaded(path, rdf.name) for path, rdf in zip(paths, formats, strict=True)]
    names: list[set[str]] = [set() for _ in paths]
    present = set(before)
    build = None
    if not before and sum(data_size(path) for path in paths) > FILE_BUILD_BYTES:
        # A first big load: a second process reads the files for the search index while they load here.
        sources = [
            (item.path, rdf, defaults[i], file_graph(item.path))
            for i, (item, rdf) in enumerate(zip(loaded, formats, strict=True))
        ]
        build = search.start_file_build(store, sources)
    try:
        for index, (item, rdf) in enumerate(zip(loaded, formats, strict=True)):
            try:
                store.bulk_load(item.path, rdf, graph=defaults[index], base_iri=file_graph(item.path), index=False)
            except SyntaxError as error:
                raise _syntax(item.path, error) from None
            finally:
                now = set(store.graph_names())
                names[index] = (now - present) | scanned[index] | {defaults[index]}
                present = now
            if progress:
                progress(text("stage_loaded"), index + 1, len(paths))
        written = set().union(*names)
        if store.blank_graphs():
            raise LoadError(text("blank_graph", path=paths[0]))
        for name in sorted(written - before):
            if not _is_iri(name) or name.startswith(STAGING):
                check_graph_iri(name, force=force, where=text("graph"))
    except BaseException as error:
        if build is not None:
            build.cancel()
        if not isinstance(error, KgError | OSError | EOFError):
            raise
        for name in sorted(set().union(*names)):
            store.drop_graph(name)
        store.drop_blank_graphs()
        if not before & set(defaults).union(*scanned):  # nothing was replaced: the store is as it was
            store.write_meta(STAMP, {} if recorded is None else {STAMP_RULES: recorded[0], STAMP_STATE: recorded[1]})
        raise LoadError(text("load_failed", reason=error)) from None
    counts = store.graph_sizes(sorted(written))
    for index, item in enumerate(loaded):
        item.graphs = {n: counts.get(n, 0) for n in sorted(names[index]) if n == defaults[index] or counts.get(n)}
    # A store without a search index (a first load) gets one built from its rows, in a second process
    # when they are many, while the inference is computed here; otherwise the written graphs are re-indexed.
    build = build or search.start_build(store, store.graph_names())
    try:
        if infer:
            after = rules(store)
            if after.digest != table.digest:  # the files brought ontology: everything is re-inferred with it
                refresh_inference(store, after)
            else:
                infer_in_store(store, after, written if before else None)
                write_stamp(store, after.digest)
        store.optimize()  # compact once, so later opens and reads do not pay for the bulk write
    except BaseException:
        if build is not None:
            build.cancel()
        raise
    if build is not None:
        try:
            build.finish(store.graph_names())
            return loaded
        except (OSError, sqlite3.Error):
            pass  # built here instead, below
    search.sync(store, written | {inferred_graph(name) for name in written})  # searchable at once, in step
    return loaded


def summary_rows(loaded: Iterable[Loaded]) -> list[tuple[str, str, str, int]]:
    """(file, format, graph, triples) rows, one per graph of each file."""
    return [(str(item.path), item.fmt, name, count) for item in loaded for name, count in sorted(item.graphs.items())]
