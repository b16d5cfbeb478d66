"""Ingest extracted documents into a store, list the documents a store holds, remove one.

Each document lives in its own named graph (the document's IRI, see
:mod:`kg.extract.pipeline` for what the graph holds).  Ingesting a document again
replaces its graph, so re-running the same ingest changes nothing; every
file is read and checked before the store is touched, then the documents are
written a batch at a time, each batch in one transaction with its inference.
A text longer than one block is extracted and written part by part
(:func:`write_long`): its memory is that of one block, and no reader sees it
before its last part is in.

Entity descriptions are kept inside each document's graph rather than in a
shared registry: removing a document can never take away an entity that
another document or the curated registry still describes, and the same
description in two graphs is the same triples, collapsed by DISTINCT.
Entities the store already knows are linked by IRI (with the store's label
and class), not minted again.

Only the public :class:`kg.store.embedded.Store` API is used (``select``,
``replace_graphs``, ``remove_graphs``, ``graph_names``), so any store with
that API — the embedded one or a remote SPARQL endpoint — works.
"""

from __future__ import annotations

import itertools
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import URIRef

from kg.errors import KgError
from kg.extract.confidence import Confidence
from kg.extract.gazetteer import Gazetteer, StoreNames
from kg.extract.pipeline import METHOD, Extraction, Extractor, default_gazetteer, document_triples
from kg.i18n import text as message
from kg.model.vocab import document_iri
from kg.sources.documents import MAX_BYTES, Article, clean_file
from kg.sources.identity import (
    Described,
    described_only_by,
    entities_within,
    find_namesakes,
    namesake_triples,
    refresh_merges_for,
    stale_merges,
    still_named,
    store_entities,
)
from kg.sources.reference import identifier_triples, lookup
from kg.store.inference import write_graphs

BATCH = 100  # documents per write transaction


class IngestError(KgError, ValueError):
    """An ingest or removal that cannot be done; the message says which document and why."""


@dataclass
class DocumentInfo:
    """One document of the store, as ``kg docs`` lists it."""

    doc_id: str
    iri: str
    title: str = ""
    source: str = ""
    method: str = "curated"
    entities: int = 0
    relations: int = 0
    indicators: int = 0


@dataclass
class IngestReport:
    """What an ingest did: documents written, files that gave nothing (with the reason)."""

    documents: list[DocumentInfo] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)  # ids that were in the store before


def text_files(paths: Iterable[Path]) -> list[Path]:
    """Files given, and every ``*.txt`` under each folder given (recursively, sorted)."""
    found: list[Path] = []
    for path in map(Path, paths):
        found.extend(sorted(p for p in path.rglob("*.txt") if p.is_file()) if path.is_dir() else [path])
    return found


# Worker side: one extractor per process (or per Dask worker), built from the gazetteer once.
_WORKER: dict[str, Extractor] = {}


def _init_worker(gazetteer: Gazetteer, confidence: Confidence | None = None) -> None:
    _WORKER["extractor"] = Extractor(gazetteer, confidence=confidence)


def _extract(
    article: Article,
    gazetteer: Gazetteer | None = None,
    publisher: str = "",
    top: Gazetteer | None = None,
    confidence: Confidence | None = None,
) -> tuple[Extraction, list]:
    extractor = _WORKER.get("extractor")
    if extractor is None or (gazetteer is not None and extractor.gazetteer is not gazetteer):
        extractor = _WORKER["extractor"] = Extractor(gazetteer, confidence=confidence)
    layered = None if top is None else top.over(extractor.gazetteer)
    extraction = extractor.extract(article, None, publisher, layered)
    return extraction, ([] if extraction.empty else document_triples(extraction))


def base_gazetteer() -> Gazetteer:
    """The names every ingest reads with: the bundled curated graph and ontology, then the reference lists.

    A reference-list name gives way to the store's entities of that name
    (it is in ``yielding``: see :class:`kg.extract.gazetteer.Layered`).
    Built once per process while the bundled data stays the same (a server
    ingesting one press release after another pays for it once); never changed
    by an ingest (a document's names go into a layer above it).
    """
    from kg.model.vocab import DATA_DIR

    signature = tuple(
        (str(p), p.stat().st_mtime_ns, p.stat().st_size)
        for folder in (DATA_DIR / "curated", DATA_DIR / "reference")
        if folder.is_dir()
        for p in sorted(folder.rglob("*"))
    )
    return _base_gazetteer(signature)


@lru_cache(maxsize=1)
def _base_gazetteer(signature: tuple) -> Gazetteer:
    gazetteer = default_gazetteer()
    gazetteer.yielding = frozenset(gazetteer.fill(Gazetteer.from_reference()))
    return gazetteer


def store_gazetteers(store, articles: list[Article], exclude_graphs: Iterable[str] = ()) -> list[Gazetteer]:
    """For each article, the store's entities it names (all graphs but ``exclude_graphs``), from the name index."""
    names = StoreNames(store, exclude_graphs=exclude_graphs)
    try:
        return [names.for_text(a.text, a.title, a.district, a.city, *a.authors) for a in articles]
    finally:
        names.close()


def _extractions(
    articles: list[Article],
    extractor: Extractor,
    jobs: int,
    scheduler: str | None,
    publisher: str = "",
    block_progress: Callable[[int], None] | None = None,
    tops: Iterable[Gazetteer | None] | None = None,
    window: int | None = None,
) -> Iterator[tuple[Extraction, list]]:
    """(extraction, triples) of every article, in order: here, in ``jobs`` processes, or on a Dask cluster.

    ``tops``: per article, the store's entities it names, read over the extractor's gazetteer
    (consumed one article ahead of its extraction, so a lazy iterator costs one window of memory).
    Workers run at most ``window`` articles ahead of the caller (default ``4 × jobs``; on a cluster
    ``64``): a result waits for the writer only while the window is full, so memory stays that of
    a window whatever the corpus, not that of every finished extraction.
    """
    tops = iter(tops) if tops is not None else itertools.repeat(None)
    if scheduler:
        try:
            from distributed import Client
        except ImportError:
            raise IngestError(message("scheduler_needs_dask")) from None
        try:
            client = Client(scheduler, timeout="30s")
        except OSError as error:
            raise IngestError(message("scheduler_unreachable", scheduler=scheduler, reason=error)) from None
        with client:
            gazetteer = client.scatter(extractor.gazetteer, broadcast=True)

            def submit(article: Article, top: Gazetteer | None):
                return client.submit(
                    _extract,
                    article,
                    gazetteer=gazetteer,
                    publisher=publisher,
                    top=top,
                    confidence=extractor.confidence,
                    pure=False,
                )

            for future in _ahead(submit, articles, tops, window or 64):
                yield future.result()
                future.release()
        return
    if jobs <= 1 or len(articles) < 2:
        for article, top in zip(articles, tops, strict=False):
            layered = None if top is None else top.over(extractor.gazetteer)
            extraction = extractor.extract(article, block_progress, publisher, layered)
            yield extraction, ([] if extraction.empty else document_triples(extraction))
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if sys.platform == "win32":
        context = multiprocessing.get_context("spawn")
    else:  # workers forked from a server that has imported the extractor once, not each importing it
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_init_worker, initargs=(extractor.gazetteer, extractor.confidence)
    ) as pool:

        def submit(article: Article, top: Gazetteer | None):
            return pool.submit(_extract, article, None, publisher, top)

        for future in _ahead(submit, articles, tops, window or 4 * jobs):
            yield future.result()


def _ahead(submit: Callable, articles: Iterable[Article], tops: Iterator, window: int) -> Iterator:
    """The futures of ``submit(article, top)`` in order, at most ``window`` submitted and not yet taken."""
    queue: deque = deque()
    for article in articles:
        if len(queue) >= window:
            yield queue.popleft()
        queue.append(submit(article, next(tops, None)))
    while queue:
        yield queue.popleft()


def ingest(
    store,
    paths: Iterable[Path],
    encoding: str | None = None,
    progress: Callable[[Path], None] | None = None,
    extractor: Extractor | None = None,
    *,
    jobs: int = 1,
    scheduler: str | None = None,
    batch: int = BATCH,
    max_bytes: int | None = MAX_BYTES,
    publisher: str = "",
    block_progress: Callable[[int], None] | None = None,
    confidence: Confidence | None = None,
) -> IngestReport:
    """Extract every file (folders: every ``*.txt`` below) and write each article into its own graph of ``store``.

    Every file is read and checked before the store is touched:
    :class:`kg.sources.documents.DocumentError` for a binary or undecodable
    file, :class:`IngestError` for a document id that belongs to the curated
    data.  Extraction runs here, in ``jobs`` worker processes, or on the Dask
    cluster at ``scheduler`` (``tcp://host:8786``); this process is the one
    writer: ``batch`` documents per transaction, each with the closure of what
    it states (:func:`kg.store.inference.write_graphs`), so a document costs
    the same whatever the store already holds.  ``progress`` is called after each file.
    ``block_progress`` is called with the characters read after each block of a long text (in this
    process); ``max_bytes`` limits the size of a file (None: no limit) and ``publisher`` names the
    organisation whose news the files are (see :meth:`Extractor.extract`); ``confidence``: which entities no fact
    uses are described (:mod:`kg.extract.confidence`; the bundled model by default), when no ``extractor`` is given.

    Names are linked to the entities of the store, except those only the
    documents being (re)ingested describe: ingesting the same files again
    reads them the same way and changes nothing.
    """
    report = IngestReport()
    files: list[tuple[Path, list[Article]]] = []
    sources: dict[str, Path] = {}
    for path in text_files(paths):
        articles = [a for a in clean_file(path, encoding, max_bytes) if a.text.strip()]
        if not articles:
            report.skipped.append((path, message("no_text_reason")))
        for article in articles:
            if article.id in sources:
                raise IngestError(message("duplicate_doc_id", path=path, doc_id=article.id, other=sources[article.id]))
            sources[article.id] = path
        files.append((path, articles))
    existing = _methods(store, sources)
    for doc_id, path in sources.items():
        if doc_id in existing and existing[doc_id] != METHOD:
            raise IngestError(message("curated_not_replaced", path=path, doc_id=doc_id))
    replaced = [str(document_iri(doc_id)) for doc_id in sources]
    articles = [(path, article) for path, items in files for article in items]
    tops: list[Gazetteer | None] | None = None
    if extractor is None:
        # the store's entities each article names, from the store's name index: the cost is the text's
        extractor = Extractor(base_gazetteer(), confidence=confidence)
        tops = store_gazetteers(store, [a for _, a in articles], replaced)
    last_of_file = {id(items[-1]): path for path, items in files if items}
    # A text longer than one block is extracted and written part by part, on its own (write_long):
    # what is held is one block's extraction and one part's triples, whatever the length of the text.
    top_of = dict(zip((id(a) for _, a in articles), tops or [None] * len(articles), strict=True))
    long = [(path, a) for path, a in articles if len(a.text) > extractor.block]
    articles = [(path, a) for path, a in articles if len(a.text) <= extractor.block]
    if tops is not None:
        tops = [top_of[id(a)] for _, a in articles]
    pending: dict[URIRef, list] = {}
    batch_of: list[Extraction] = []
    done: list[DocumentInfo] = []  # what the report needs, not the extractions: memory stays that of a batch

    def write_batch() -> None:  # the batch's documents with their identifiers, namesakes and merges
        pending.update(reference_links(store, batch_of, pending, replaced))
        write_graphs(store, pending)
        pending.clear()
        batch_of.clear()

    for (path, article), (extraction, triples) in zip(
        articles,
        _extractions([a for _, a in articles], extractor, jobs, scheduler, publisher, block_progress, tops),
        strict=True,
    ):
        if extraction.empty:
            report.skipped.append((path, message("nothing_found_reason", doc=article.id)))
        else:
            pending[URIRef(extraction.iri)] = triples  # (an IRI of extraction is text: a store's graph name is a term)
            batch_of.append(extraction)
            done.append(_info(extraction))
        if len(batch_of) >= batch:
            write_batch()
        if progress is not None and id(article) in last_of_file:
            progress(path)
    if progress is not None:
        for path, items in files:
            if not items:
                progress(path)
    if batch_of:
        write_batch()
    for path, article in long:
        top = top_of[id(article)]
        info = write_long(store, article, extractor, replaced, publisher, top, block_progress)
        if info is None:
            report.skipped.append((path, message("nothing_found_reason", doc=article.id)))
        else:
            done.append(info)
        if progress is not None and id(article) in last_of_file:
            progress(path)
    report.replaced = sorted(info.doc_id for info in done if info.doc_id in existing)
    report.documents = done
    return report


def write_long(
    store,
    article: Article,
    extractor: Extractor,
    replaced: list[str],
    publisher: str = "",
    top: Gazetteer | None = None,
    block_progress: Callable[[int], None] | None = None,
) -> DocumentInfo | None:
    """Extract a long article block by block (:meth:`Extractor.parts`) and write each part as it comes.

    The document's graph and its inference are written part by part
    (:func:`kg.store.inference.write_graph_parts`): memory holds one part, and
    no reader sees the document before its last part is in.  The parts that
    describe the document's entities (a share each) also get their identifiers
    and namesakes (:func:`reference_links`); the merges they imply are written
    after the document.  None when the text states nothing (the store is left as it was).
    """
    from kg.store.inference import write_graph_parts

    # Entities only the old version names lose their merges if the new one no longer names them: asked
    # once here and once after the write, not at every part (that grew with the parts written so far).
    previous = described_only_by(store, [str(document_iri(article.id))])
    layered = None if top is None else top.over(extractor.gazetteer)
    parts = extractor.parts(article, block_progress, publisher, layered)
    first = next(parts, None)
    if first is None:
        return None
    state = {"relations": 0, "indicators": 0, "entities": 0, "merges": {}, "info": None, "found": False}

    def triples_of_parts() -> Iterator[list]:
        for part in itertools.chain([first], parts):
            state["relations"] += len({r.key() for r in part.relations})
            state["indicators"] += len(part.indicators)
            state["found"] = state["found"] or not part.empty
            if not part.described:
                yield document_triples(part)
                continue
            # a share of the document's entities (TAIL at a time), with their identifiers and namesakes
            state["entities"] += sum(1 for e in part.entities if e.mentions)
            if part.last and not state["found"]:
                return
            yield document_triples(part)
            links: list = []
            state["merges"].update(
                reference_links(store, [part], {URIRef(part.iri): links}, replaced, drop_stale=False)
            )
            yield links
            if part.last:
                info = _info(part)
                info.entities, info.relations, info.indicators = (
                    state["entities"],
                    state["relations"],
                    state["indicators"],
                )
                state["info"] = info

    # an empty text writes nothing: look before the store is touched (the last part says if anything was found)
    if first.last and first.empty:
        return None
    write_graph_parts(store, URIRef(first.iri), triples_of_parts())
    if state["info"] is None:  # nothing found after all: the document's graph goes
        write_graphs(store, {URIRef(first.iri): []})
        return None
    if previous:
        gone = previous - still_named(store, previous)
        state["merges"] = {**stale_merges(store, gone), **state["merges"]}
    if state["merges"]:
        write_graphs(store, state["merges"])
    return state["info"]


def _methods(store, sources: Mapping[str, Path]) -> dict[str, str]:
    """Document id → its kg:method ("curated" when it has none), for the ids given that the store already holds."""
    found: dict[str, str] = {}
    for doc_id in sources:
        rows = store.select(DOCUMENT_METHOD, {"doc": document_iri(doc_id)})
        if rows:
            found[doc_id] = str(rows[0].get("method", "curated"))
    return found


def _info(extraction: Extraction) -> DocumentInfo:
    article = extraction.article
    return DocumentInfo(
        extraction.doc_id,
        str(extraction.iri),
        title=article.title,
        source=article.source or "",
        method=METHOD,
        entities=sum(1 for e in extraction.entities if e.mentions),
        relations=len({r.key() for r in extraction.relations}),
        indicators=len(extraction.indicators),
    )


DOCUMENT_METHOD = (
    "SELECT ?doc ?method WHERE { GRAPH ?doc { ?doc a kg:SourceDocument OPTIONAL { ?doc kg:method ?method } } }"
)


def reference_links(
    store, extractions: list[Extraction], graphs: dict, replaced: list[str], *, drop_stale: bool = True
) -> dict:
    """Identifiers, namesake relations and cross-document merges for what an ingest is about to write.

    Entities the reference lists know get their 学校标识码 or division code
    (and places their coordinates) in their document's graph; an organisation
    whose name carries another's gets ``kg:namedAfter`` with the sentence that
    names it; entities that are one organisation with an entity of the store
    or of another document (华为 / 华为技术有限公司 / 華為) get a merge graph
    (:mod:`kg.sources.identity`).  Returns the merge graphs to write.
    """
    new: dict[str, Described] = {}
    owner: dict[str, Extraction] = {}
    mentions: dict[str, list] = {}  # where each entity is named (its first mentions)
    for extraction in extractions:
        triples = graphs[URIRef(extraction.iri)]  # (keyed by the graph's term; the extraction's IRI is text)
        for entity in extraction.entities:
            mentions.setdefault(str(entity.iri), entity.mentions)
            for name in (entity.label, *sorted(entity.aliases)):
                ref = lookup(name, entity.cls, city=entity.city)
                if ref is not None:
                    triples.extend(identifier_triples(URIRef(entity.iri), ref))
                    break
            iri = str(entity.iri)
            new.setdefault(
                iri,
                Described(iri, entity.label, entity.cls, tuple(sorted(entity.aliases)), entity.district, entity.city),
            )
            owner.setdefault(iri, extraction)
    near = entities_within(store, {n for e in new.values() for n in e.names}, replaced)
    known = {e.iri: e for e in (store_entities(store, replaced) if near is None else near)}
    pool = {**known, **{iri: e for iri, e in new.items() if iri not in known}}
    for entity, other, carried in find_namesakes(pool.values()):
        extraction = owner.get(entity.iri)
        if extraction is None:
            continue
        text = extraction.article.text
        spoken, start = _spoken(new[entity.iri].names, carried, text, mentions[entity.iri])
        if spoken is not None:
            graphs[URIRef(extraction.iri)].extend(
                namesake_triples(
                    URIRef(entity.iri),
                    URIRef(other.iri),
                    spoken,
                    URIRef(extraction.iri),
                    extraction.doc_id,
                    text,
                    start,
                )
            )
    return refresh_merges_for(store, new.values(), replaced, drop_stale=drop_stale)


def _spoken(names: tuple[str, ...], carried: str, text: str, mentions: list) -> tuple[str | None, int]:
    """The name of an entity that carries ``carried`` as ``text`` writes it, and where: read at the entity's own
    mentions (the first that spells such a name), so a long text is not searched from its start for each one."""
    for mention in sorted(mentions, key=lambda m: m.start):
        spoken = text[mention.start : mention.end]
        if carried in spoken and spoken in names:
            return spoken, mention.start
    return next((n for n in names if carried in n and n in text), None), 0


DOCUMENTS = """
SELECT ?doc ?id ?title ?method ?source WHERE {
  GRAPH ?doc { ?doc a kg:SourceDocument .
    OPTIONAL { ?doc schema:identifier ?id }
    OPTIONAL { ?doc schema:headline ?title }
    OPTIONAL { ?doc kg:method ?method }
    OPTIONAL { ?doc prov:hadPrimarySource ?source } }
}
"""
COUNT_IN_GRAPH = """
SELECT ?doc (COUNT(DISTINCT ?node) AS ?n) WHERE { GRAPH ?doc { ?node a ?type } } GROUP BY ?doc
"""
ENTITY_COUNTS = "SELECT ?doc (COUNT(DISTINCT ?entity) AS ?n) WHERE { ?entity kg:mentionedIn ?doc } GROUP BY ?doc"


def documents(store) -> list[DocumentInfo]:
    """Every source document of ``store`` with its counts, sorted by id."""
    found: dict[str, DocumentInfo] = {}
    for row in store.select(DOCUMENTS):
        iri = str(row["doc"])
        doc_id = str(row.get("id") or iri.rsplit("/", 1)[-1])
        info = found.setdefault(iri, DocumentInfo(doc_id, iri))
        info.title = info.title or str(row.get("title", ""))
        info.source = info.source or str(row.get("source", ""))
        if "method" in row:
            info.method = str(row["method"])
    for kind, attribute in (("RelationAssertion", "relations"), ("Indicator", "indicators")):
        query = COUNT_IN_GRAPH.replace("?type", f"kg:{kind}")
        for row in store.select(query):
            if str(row["doc"]) in found:
                setattr(found[str(row["doc"])], attribute, int(row["n"]))
    for row in store.select(ENTITY_COUNTS):
        if str(row["doc"]) in found:
            found[str(row["doc"])].entities = int(row["n"])
    return sorted(found.values(), key=lambda info: info.doc_id)


# a document's text: one literal, or a long one's pieces (kg.model.statements.add_text_piece) in their order
DOCUMENT_TEXT = """
SELECT ?d ?text ?position WHERE { GRAPH ?d {
  { ?d schema:text ?text } UNION { ?d schema:hasPart ?piece . ?piece schema:position ?position ; schema:text ?text }
} } ORDER BY ?position
"""


def document_text(store, iri: str) -> str:
    """The stored text of the document ``iri`` (a long one's pieces joined in their order), or ""."""
    return "".join(str(row["text"]) for row in store.select(DOCUMENT_TEXT, {"d": URIRef(iri)}))


def find_document(store, name: str) -> DocumentInfo:
    """The document whose id or IRI is ``name``; :class:`IngestError` listing the ids when there is none."""
    infos = documents(store)
    for info in infos:
        if name in (info.doc_id, info.iri):
            return info
    known = ", ".join(info.doc_id for info in infos) or message("none_known")
    raise IngestError(message("no_document", name=name, known=known))


def remove_document(store, name: str) -> DocumentInfo:
    """Remove an ingested document's graph and refresh the inferred graph; return what was removed.

    Entities the document described stay wherever another graph describes them.
    Curated documents are refused: they come back with every ``kg build``.
    """
    info = find_document(store, name)
    if info.method != METHOD:
        raise IngestError(message("curated_not_removed", doc=info.doc_id))
    # an empty graph is a removal, of its inference too; the merges it carried go with it
    write_graphs(store, {URIRef(info.iri): [], **refresh_merges_for(store, exclude_graphs=[info.iri])})
    return info
