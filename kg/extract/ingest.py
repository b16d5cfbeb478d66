"""Ingest extracted documents into a store, list the documents a store holds, remove one.

Each document lives in its own named graph (the document's IRI, see
:mod:`kg.extract.pipeline` for what the graph holds).  Ingesting a document again
replaces its graph, so re-running the same ingest changes nothing; all the
graphs of one ingest are written in one transaction (a bad file anywhere in
the batch leaves the store as it was), then the inferred graph is refreshed.

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

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from kg.errors import KgError
from kg.extract.gazetteer import Gazetteer
from kg.extract.pipeline import METHOD, Extraction, Extractor, default_gazetteer, document_triples
from kg.model.vocab import document_iri
from kg.sources.documents import MAX_BYTES, Article, clean_file
from kg.sources.identity import Described, find_namesakes, namesake_triples, refresh_merges, store_entities
from kg.sources.reference import identifier_triples, lookup
from kg.store.inference import with_inference


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


def ingest(
    store,
    paths: Iterable[Path],
    encoding: str | None = None,
    progress: Callable[[Path], None] | None = None,
    extractor: Extractor | None = None,
    *,
    max_bytes: int | None = MAX_BYTES,
    publisher: str = "",
    block_progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Extract every file and write each article into its own graph of ``store``, in one transaction.

    ``progress`` is called after each file, ``block_progress`` with the characters read after each
    block of a long text; ``max_bytes`` limits the size of a file (None: no limit) and ``publisher``
    names the organisation whose news the files are (see :meth:`Extractor.extract`).
    Raises :class:`kg.sources.documents.DocumentError`
    for a binary or undecodable file and :class:`IngestError` for a document id
    that belongs to the curated data, both before the store is touched.

    Names are linked to the entities of the store, except those only the
    documents being (re)ingested describe: ingesting the same files again
    reads them the same way and changes nothing.
    """
    report = IngestReport()
    files: list[tuple[Path, list[Article]]] = []
    sources: dict[str, Path] = {}
    for path in map(Path, paths):
        articles = [a for a in clean_file(path, encoding, max_bytes) if a.text.strip()]
        if not articles:
            report.skipped.append((path, "no text"))
        for article in articles:
            if article.id in sources:
                raise IngestError(
                    f"{path}: document id {article.id} is also given by {sources[article.id]} "
                    "(ids come from the district and the file name; rename one file)"
                )
            sources[article.id] = path
        files.append((path, articles))
    existing = {info.doc_id: info for info in documents(store)}
    for doc_id, path in sources.items():
        if doc_id in existing and existing[doc_id].method != METHOD:
            raise IngestError(
                f"{path}: document {doc_id} is a curated document of the store; "
                "it is maintained in data/curated and rebuilt by 'kg build', not replaced by extraction"
            )
    if extractor is None:
        replaced = [str(document_iri(doc_id)) for doc_id in sources]
        gazetteer = Gazetteer.from_store(store, exclude_graphs=replaced).merged(default_gazetteer())
        for name, bucket in Gazetteer.from_reference().names.items():  # what the graph knows wins
            if name not in gazetteer:
                gazetteer.add(name, bucket[0])
        extractor = Extractor(gazetteer)
    extractions: list[Extraction] = []
    for path, articles in files:
        for article in articles:
            extraction = extractor.extract(article, block_progress, publisher)
            if extraction.empty:
                report.skipped.append((path, f"no entities or relations found in {article.id}"))
            else:
                extractions.append(extraction)
        if progress is not None:
            progress(path)
    if not extractions:
        return report
    graphs = {extraction.iri: document_triples(extraction) for extraction in extractions}
    replaced = [str(document_iri(doc_id)) for doc_id in sources]
    graphs.update(reference_links(store, extractions, graphs, replaced))
    store.replace_graphs(with_inference(store, graphs))  # data and inference in one transaction
    report.replaced = sorted(e.doc_id for e in extractions if e.doc_id in existing)
    counts = {info.doc_id: info for info in documents(store)}
    report.documents = [counts[e.doc_id] for e in extractions if e.doc_id in counts]
    return report


def reference_links(store, extractions: list[Extraction], graphs: dict, replaced: list[str]) -> dict:
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
    for extraction in extractions:
        triples = graphs[extraction.iri]
        for entity in extraction.entities:
            for name in (entity.label, *sorted(entity.aliases)):
                ref = lookup(name, entity.cls, city=entity.city)
                if ref is not None:
                    triples.extend(identifier_triples(entity.iri, ref))
                    break
            iri = str(entity.iri)
            new.setdefault(
                iri,
                Described(iri, entity.label, entity.cls, tuple(sorted(entity.aliases)), entity.district, entity.city),
            )
            owner.setdefault(iri, extraction)
    known = {e.iri: e for e in store_entities(store, replaced)}
    pool = {**known, **{iri: e for iri, e in new.items() if iri not in known}}
    for entity, other, carried in find_namesakes(pool.values()):
        extraction = owner.get(entity.iri)
        if extraction is None:
            continue
        text = extraction.article.text
        spoken = next((n for n in new[entity.iri].names if carried in n and n in text), None)
        if spoken is not None:
            graphs[extraction.iri].extend(
                namesake_triples(URIRef(entity.iri), URIRef(other.iri), spoken, extraction.iri, extraction.doc_id, text)
            )
    return refresh_merges(store, new.values(), replaced)


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


def find_document(store, name: str) -> DocumentInfo:
    """The document whose id or IRI is ``name``; :class:`IngestError` listing the ids when there is none."""
    infos = documents(store)
    for info in infos:
        if name in (info.doc_id, info.iri):
            return info
    known = ", ".join(info.doc_id for info in infos) or "none"
    raise IngestError(f"no document {name!r} in the store (documents: {known})")


def remove_document(store, name: str) -> DocumentInfo:
    """Remove an ingested document's graph and refresh the inferred graph; return what was removed.

    Entities the document described stay wherever another graph describes them.
    Curated documents are refused: they come back with every ``kg build``.
    """
    info = find_document(store, name)
    if info.method != METHOD:
        raise IngestError(
            f"{info.doc_id} is a curated document: "
            f"remove data/curated/{info.doc_id}.yaml and its text, then run 'kg build'"
        )
    graphs = {URIRef(info.iri): [], **refresh_merges(store, exclude_graphs=[info.iri])}  # merges it carried go too
    store.replace_graphs(with_inference(store, graphs))  # an empty graph is a removal
    return info
