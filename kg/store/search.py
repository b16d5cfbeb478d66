"""Full-text search over the store: entity labels, aliases and their pinyin, document text and evidence sentences.

An SQLite FTS5 index with the trigram tokenizer (it ships with Python's
``sqlite3``) lives beside an on-disk store, in ``<store>.search.sqlite``.  It is
kept in step by the store itself: every :meth:`kg.store.embedded.Store.replace_graphs`
re-indexes just the graphs it wrote (from the quads it already holds), a
bulk load re-indexes its target graph, so the cost of a write's indexing is
proportional to the write.  :func:`ensure_index` rebuilds the whole index only
when it is missing or its list of graphs differs from the store's (an index
deleted by hand, a store copied without it, a write by an older ``kg``).  A
first bulk load builds it in a second process (:class:`IndexBuild`), from the
files or from rows spooled from the store, into a file written without a
journal that takes the index's name once complete.  Whichever way its quads
are read, a graph's rows are made from them deduplicated and sorted, so the
index is the same.

Beside the full-text rows, table ``names`` holds every label and alias of an
entity (an IRI under ``kgr:`` with a class in its graph) exactly as written,
with its graph, classes, district and city: the gazetteer of ingest looks up
the names one document holds there (:meth:`SearchIndex.entities_named`)
instead of reading every entity of the store, and it is kept in step with
the same writes as the full-text rows.

Rows are ``(text, kind, iri, graph, field, title, cls)``: ``kind`` is
``entity`` (field ``label``, ``alias`` or ``pinyin``), ``document`` (field
``title`` or ``text``) or ``evidence`` (``iri`` is the assertion, ``graph`` its
document).  Queries of three characters or more use the trigram index; shorter
ones (two Chinese characters are a common name part) use a second FTS5 table
of character pairs (``pairs``, same rowids); one character uses ``LIKE``.

>>> index = SearchIndex(":memory:")
>>> index.replace({"urn:g": [(KGR + "x", RDFS_LABEL, "重庆理工大学", "")]})
>>> [(hit.kind, hit.title) for hit in index.search("理工")]
[('entity', '重庆理工大学')]
>>> [hit.title for hit in index.search("cqlg")]
['重庆理工大学']
"""

from __future__ import annotations

import itertools
import json
import marshal
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.model.pinyin import syllables

BASE = "https://w3id.org/kg-cityedu/"
KGR = BASE + "id/"
DOC = BASE + "doc/"
KG = BASE + "ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT_LABEL = "http://www.w3.org/2004/02/skos/core#altLabel"
HEADLINE = "https://schema.org/headline"
TEXT = "https://schema.org/text"
EVIDENCE = KG + "evidence"
DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
DISTRICT, CITY = KG + "district", KG + "city"
INDEXED = {RDF_TYPE, RDFS_LABEL, ALT_LABEL, HEADLINE, TEXT, EVIDENCE, DERIVED, DISTRICT, CITY}
SCHEMA_VERSION = "7"
FILL_CACHE_KB = 131_072  # SQLite's page cache while an index is built from scratch
TEXT_PIECE = 20_000  # characters of a document's text per full-text row (see text_pieces)
INFERRED_GRAPHS = BASE + "graph/inferred"  # the inferred graphs (their IRIs start so) state no names
REGISTRY_GRAPH = BASE + "graph/entities"  # the curated registry (kg.model.vocab.ENTITIES_GRAPH)

# A quad as the index reads it: subject, predicate, object value, graph ("" for the triple's own graph).
Row = tuple[str, str, str, str]


def index_path(store_path: Path | str) -> Path:
    """Where the search index of the store at ``store_path`` lives."""
    path = Path(store_path)
    return path.with_name(path.name + ".search.sqlite")


@lru_cache(maxsize=20_000)  # a name is indexed again soon after (the next graph that describes it), rarely later
def pinyin_keys(text: str) -> str:
    """Pinyin of a name, whole and as initials, for searching by either (pypinyin's ``lazy_pinyin``, what has
    no pinyin left out: :mod:`kg.model.pinyin`).

    >>> pinyin_keys("巴南职教中心")
    'bananzhijiaozhongxin bnzjzx'
    """
    # One conversion: the initials are the syllables' first letters (what Style.FIRST_LETTER gives).
    spelled = [s.lower() for s in syllables(text, errors=lambda chars: []) if s.strip()]
    whole, short = "".join(spelled), "".join(s[0] for s in spelled)
    return f"{whole} {short}" if whole else ""


def text_pieces(text: str, size: int = TEXT_PIECE) -> Iterator[str]:
    """``text`` in pieces of at most about ``size`` characters, cut after a line where one ends in the second half.

    A document's text is indexed piece by piece: full-text indexing holds a row's terms in memory until the
    row is in, so one row for a whole document would cost memory growing with it (+23 MB for 5 MiB).
    A search still gives one hit per document.

    >>> list(text_pieces("甲乙\\n丙丁戊\\n己", size=4))
    ['甲乙\\n', '丙丁戊\\n', '己']
    """
    begin = 0
    while len(text) - begin > size:
        cut = text.rfind("\n", begin + size // 2, begin + size) + 1
        cut = cut if cut > begin else begin + size
        yield text[begin:cut]
        begin = cut
    yield text[begin:]


def bigrams(text: str) -> str:
    """The distinct overlapping pairs of letters and digits of ``text``, lower-cased, as words (the two-character
    index).

    >>> bigrams("重庆理工"), bigrams("cq 2"), bigrams("“五有”")
    ('重庆 庆理 理工', 'cq', '五有')
    """
    low = text.lower()
    if len(low) == len(text) and "Σ" not in text:  # lower-casing went letter by letter: pair the lowered text
        pairs = map(str.__add__, low, low[1:])  # in C, not a Python step per letter: long texts are indexed too
    else:  # a letter that lowers to two (İ), or Σ (lowered by its context): lower each pair as it stands
        pairs = (text[i : i + 2].lower() for i in range(len(text) - 1))
    # each pair once: a match needs one, and a long document's text then costs its distinct pairs, not its length
    return " ".join(dict.fromkeys(filter(str.isalnum, pairs)))


@dataclass
class Hit:
    """One search result: an entity, or a document (matched in its title, text or one evidence sentence)."""

    kind: str  # entity | document
    iri: str
    title: str
    field: str  # label | alias | pinyin | title | text | evidence
    text: str  # the matching text (label, alias, evidence sentence, or a window of the document)
    cls: str = ""  # the entity's class IRI
    assertion: str = ""  # for evidence: the assertion IRI


def _local_kind(iri: str) -> str:
    return "entity" if iri.startswith(KGR) else "document" if iri.startswith(DOC) else ""


def rows_of_graph(triples: Iterable[tuple[Any, Any, Any]]) -> list[Row]:
    """The indexable (subject, predicate, object, "") rows of triples given as pyoxigraph or rdflib terms."""
    rows = []
    for s, p, o in triples:
        predicate = getattr(p, "value", None) or str(p)
        if predicate in INDEXED:
            obj = getattr(o, "value", None)
            rows.append((getattr(s, "value", None) or str(s), predicate, str(o) if obj is None else obj, ""))
    return rows


_TABLES = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS graphs(name TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS spans(graph TEXT, lo INTEGER, hi INTEGER);
CREATE VIRTUAL TABLE IF NOT EXISTS pairs USING fts5(grams, tokenize='unicode61', detail='none', columnsize=0);
CREATE TABLE IF NOT EXISTS classes(graph TEXT, iri TEXT, cls TEXT);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    text, kind UNINDEXED, iri UNINDEXED, graph UNINDEXED, field UNINDEXED,
    title UNINDEXED, cls UNINDEXED, doc UNINDEXED, tokenize='trigram', columnsize=0);
CREATE TABLE IF NOT EXISTS names(
    name TEXT NOT NULL, iri TEXT NOT NULL, graph TEXT NOT NULL, field TEXT NOT NULL,
    classes TEXT NOT NULL, district TEXT NOT NULL, city TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ranks(
    iri TEXT PRIMARY KEY, grp TEXT NOT NULL, size INTEGER NOT NULL,
    degree INTEGER NOT NULL, pagerank INTEGER NOT NULL, betweenness INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS figures(key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
# ``pairs`` is only asked for one token (a pair) at a time: it keeps no positions (detail='none'); neither table
# ranks its matches, so neither keeps the sizes of its rows (columnsize=0): a third less work to fill ``pairs``.
# The secondary indexes: a rebuild makes them once its rows are in (one sort each, not a B-tree insert per row).
_INDEXES = """
CREATE INDEX IF NOT EXISTS spans_graph ON spans(graph);
CREATE INDEX IF NOT EXISTS classes_graph ON classes(graph);
CREATE INDEX IF NOT EXISTS names_name ON names(name);
CREATE INDEX IF NOT EXISTS names_iri ON names(iri);
CREATE INDEX IF NOT EXISTS names_graph ON names(graph);
CREATE INDEX IF NOT EXISTS names_length ON names(length(name));
CREATE INDEX IF NOT EXISTS names_district ON names(district);
CREATE INDEX IF NOT EXISTS spans_hi ON spans(hi);
"""
_DROP = "".join(
    f"DROP TABLE IF EXISTS {t};" for t in ("fts", "pairs", "spans", "graphs", "classes", "names", "ranks", "figures")
)


class SearchIndex:
    """The FTS5 index file of a store (``":memory:"`` for a throwaway one)."""

    def __init__(self, path: Path | str):
        self.path = str(path)
        self.db = sqlite3.connect(self.path, timeout=30, check_same_thread=False, isolation_level=None)
        if self.path != ":memory:":
            self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self._create()

    def _create(self, indexes: bool = True) -> None:
        # A graph's rows get consecutive rowids, recorded in ``spans``: re-indexing a graph deletes its
        # rowid range (FTS5 finds rowids directly) instead of scanning the whole index for its name.
        self.db.executescript(_TABLES + (_INDEXES if indexes else ""))

    def close(self) -> None:
        self.db.close()

    # -- writing ------------------------------------------------------------------

    def replace(self, graphs: Mapping[str, Iterable[Row]], present: Iterable[str] | None = None) -> None:
        """Replace the rows of each named graph with those of its new quads.

        ``present``: the graphs that hold any triple after the write (default:
        those with indexable rows); the others are no longer in the store.  A graph
        of ``present`` not in ``graphs`` is listed as indexed, its rows left as they are.
        """
        present = None if present is None else set(present)
        with self._transaction():
            self._bump()
            for graph, quads in graphs.items():
                quads = list(quads)
                self.db.execute("DELETE FROM names WHERE graph = ?", (graph,))
                for lo, hi in self.db.execute("SELECT lo, hi FROM spans WHERE graph = ?", (graph,)).fetchall():
                    self.db.execute("DELETE FROM fts WHERE rowid BETWEEN ? AND ?", (lo, hi))
                    self.db.execute("DELETE FROM pairs WHERE rowid BETWEEN ? AND ?", (lo, hi))
                self.db.execute("DELETE FROM spans WHERE graph = ?", (graph,))
                self.db.execute("DELETE FROM classes WHERE graph = ?", (graph,))
                rows = self._insert(graph, quads)
                if (rows and present is None) or (present is not None and graph in present):
                    self.db.execute("INSERT OR IGNORE INTO graphs(name) VALUES (?)", (graph,))
                else:
                    self.db.execute("DELETE FROM graphs WHERE name = ?", (graph,))
            for graph in (present or set()) - set(graphs):
                self.db.execute("INSERT OR IGNORE INTO graphs(name) VALUES (?)", (graph,))

    def add(self, graph: str, quads: Iterable[Row]) -> None:
        """Add the rows of more quads of ``graph`` to those it has (a graph written part by part).

        The graph's subjects must come whole in one call (an entity's label with its class).
        The list of indexed graphs is not changed: :meth:`replace` with ``present`` does that.
        """
        with self._transaction():
            self._insert(graph, list(quads))

    def _insert(self, graph: str, quads: list[Row], start: int | None = None) -> int:
        """Insert the rows of ``quads`` (of ``graph``) in every table, the full-text ones from rowid ``start``
        (default: after the last one); return how many full-text rows.

        The quads are taken once each, in sorted order: the rows (and which label or class of an entity
        is shown) are the same whichever way the quads were read (a write's own, the store's index, a file).
        """
        quads = sorted(set(quads))
        if not graph.startswith(INFERRED_GRAPHS):
            self.db.executemany("INSERT INTO names VALUES (?,?,?,?,?,?,?)", self._names(graph, quads))
        texts: list[tuple[str, str, str]] = []  # (document, text, headline): indexed piece by piece below
        rows = list(self._rows(graph, quads, texts))
        del quads  # not needed once the rows are made: a long text is held once below, its pieces a few at a time
        self.db.executemany(  # entities and their stated class, for counts without a scan of the text
            "INSERT INTO classes VALUES (?, ?, ?)",
            [(graph, row[2], row[6]) for row in rows if row[1] == "entity" and row[4] == "label" and row[6]],
        )
        if not rows and not texts:
            return 0
        if start is None:
            start = self.db.execute("SELECT coalesce(max(hi), 0) + 1 FROM spans").fetchone()[0]
        count = self._index_rows(start, rows)
        for iri, text, title in texts:
            pieces = ((piece, "document", iri, graph, "text", title, "", iri) for piece in text_pieces(text))
            count += self._index_rows(start + count, pieces)
        self.db.execute("INSERT INTO spans VALUES (?, ?, ?)", (graph, start, start + count - 1))
        return count

    def _index_rows(self, start: int, rows: Iterable[tuple[str, ...]]) -> int:
        """Insert ``rows`` in the full-text and two-character tables from rowid ``start``; return how many."""
        count, rows = 0, iter(rows)
        fts = "INSERT INTO fts(rowid, text, kind, iri, graph, field, title, cls, doc) VALUES (?,?,?,?,?,?,?,?,?)"
        while chunk := list(itertools.islice(rows, 500)):  # a document's text: its pieces made a chunk at a time
            self.db.executemany(fts, ((start + count + i, *row) for i, row in enumerate(chunk)))
            self.db.executemany(  # two-character queries (重庆, cq) find rows here, same rowids
                "INSERT INTO pairs(rowid, grams) VALUES (?, ?)",
                ((start + count + i, bigrams(row[0])) for i, row in enumerate(chunk)),
            )
            count += len(chunk)
        return count

    def _bump(self) -> None:
        """Count a write: the figures computed for the store as it was (:meth:`write_figures`) are out of date."""
        self.db.execute(
            "INSERT INTO meta VALUES ('generation', '1')"
            " ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)"
        )

    def _transaction(self) -> Any:
        db = self.db

        class Transaction:
            def __enter__(self) -> None:
                db.execute("BEGIN IMMEDIATE")

            def __exit__(self, kind: object, *_: object) -> None:
                db.execute("ROLLBACK" if kind else "COMMIT")

        return Transaction()

    @staticmethod
    def _rows(graph: str, quads: Iterable[Row], texts: list[tuple[str, str, str]]) -> Iterable[tuple[str, ...]]:
        """The rows of the graph's entities, titles and evidence; its documents' texts go to ``texts``."""
        types: dict[str, str] = {}
        labels: dict[str, str] = {}
        aliases: list[tuple[str, str]] = []
        evidence: dict[str, str] = {}
        sources: dict[str, str] = {}
        headline: dict[str, str] = {}
        documents: dict[str, str] = {}
        for s, p, o, _ in quads:
            if p == RDF_TYPE and s.startswith(KGR) and o.startswith(KG):
                types.setdefault(s, o)
            elif p == RDFS_LABEL and _local_kind(s) == "entity":
                if s not in labels or re.search(r"[\u4e00-\u9fff]", o):
                    labels[s] = o
            elif p == ALT_LABEL and _local_kind(s) == "entity":
                aliases.append((s, o))
            elif p == EVIDENCE:
                evidence[s] = o
            elif p == DERIVED:
                sources[s] = o
            elif p == HEADLINE and _local_kind(s) == "document":
                headline[s] = o
            elif p == TEXT and _local_kind(s) == "document":
                documents[s] = o
        for iri, name in labels.items():
            cls = types.get(iri, "")
            yield (name, "entity", iri, graph, "label", name, cls, "")
            keys = pinyin_keys(name)
            if keys:
                yield (keys, "entity", iri, graph, "pinyin", name, cls, "")
        for iri, alias in aliases:
            name = labels.get(iri, "")
            yield (alias, "entity", iri, graph, "alias", name, types.get(iri, ""), "")
            keys = pinyin_keys(alias)
            if keys:
                yield (keys, "entity", iri, graph, "pinyin", name, types.get(iri, ""), "")
        for iri, title in headline.items():
            yield (title, "document", iri, graph, "title", title, "", iri)
        for iri, text in documents.items():  # a long text's pieces (<doc>/text/N) are their document's
            doc = iri[: iri.index("/text/", len(DOC))] if "/text/" in iri[len(DOC) :] else iri
            texts.append((doc, text, headline.get(doc, "")))
        for assertion, sentence in evidence.items():
            doc = sources.get(assertion, graph)
            yield (sentence, "evidence", assertion, graph, "evidence", headline.get(doc, ""), "", doc)

    @staticmethod
    def _names(graph: str, quads: Iterable[Row]) -> Iterable[tuple[str, ...]]:
        """(name, iri, graph, field, classes, district, city) of every entity of the graph that has a kg: class."""
        classes: dict[str, list[str]] = {}
        names: list[tuple[str, str, str]] = []
        places: dict[tuple[str, str], str] = {}
        for s, p, o, _ in quads:
            if not s.startswith(KGR):
                continue
            if p == RDF_TYPE and o.startswith(KG):
                classes.setdefault(s, []).append(o)
            elif p in (RDFS_LABEL, ALT_LABEL) and o.strip():
                names.append((o.strip(), s, "label" if p == RDFS_LABEL else "alias"))
            elif p in (DISTRICT, CITY):
                places.setdefault((s, p), o)
        for name, iri, field in names:
            if iri in classes:
                kinds = " ".join(sorted(set(classes[iri])))
                yield name, iri, graph, field, kinds, places.get((iri, DISTRICT), ""), places.get((iri, CITY), "")

    def rebuild(self, graphs: Mapping[str, Iterable[Row]]) -> None:
        """Empty the index and index ``graphs`` (every graph of the store), in one transaction.

        The tables are filled empty, so nothing is looked up or deleted; their secondary
        indexes are made once the rows are in.
        """
        self.db.executescript(_DROP)
        self._create(indexes=False)
        self._fill(graphs.items())

    def _fill(
        self, graphs: Iterable[tuple[str, Iterable[Row]]], more: Callable[[], Iterable[str]] | None = None
    ) -> None:
        """Index ``graphs`` into empty tables (made without their secondary indexes), list them, make the indexes.

        ``more``: called once the rows are in, the other graphs of the store to list (graphs with nothing
        to index, written while the rows were indexed: a load's inferred graphs).
        """
        self.db.execute(f"PRAGMA cache_size={-FILL_CACHE_KB}")  # the B-trees being filled stay in memory
        try:
            with self._transaction():
                self._bump()
                start = 1
                for graph, quads in graphs:
                    start += self._insert(graph, list(quads), start)
                    self.db.execute("INSERT OR IGNORE INTO graphs(name) VALUES (?)", (graph,))
                for graph in more() if more else ():
                    self.db.execute("INSERT OR IGNORE INTO graphs(name) VALUES (?)", (graph,))
                for statement in filter(str.strip, _INDEXES.split(";")):
                    self.db.execute(statement)
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (SCHEMA_VERSION,))
        finally:
            self.db.execute("PRAGMA cache_size=-2000")

    def indexed_graphs(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT name FROM graphs")}

    def is_current(self, graph_names: Iterable[str]) -> bool:
        """True when the index was built by this version and knows the same graphs as the store."""
        version = self.db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        return bool(version and version[0] == SCHEMA_VERSION and self.indexed_graphs() == set(graph_names))

    def mark_stale(self) -> None:
        """Make the next :func:`ensure_index` rebuild (after a write the index cannot follow piecewise)."""
        with self._transaction():
            self._bump()
            self.db.execute("DELETE FROM meta WHERE key = 'version'")

    # -- figures of the whole graph, computed once per state of the store ------------------
    #
    # What a page shows that depends on the whole graph (an entity's rank within its class, the districts'
    # indicators, the home page's counts) is computed once for each state of the store, in the background
    # (kg.web.figures), and kept here: every write counts one ``generation``, and figures written for an
    # earlier generation are never read.  A page then reads one row, whatever the size of the store.

    def generation(self) -> int:
        """How many writes the index has followed (the state of the store the figures must match)."""
        found = self.db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(found[0]) if found else 0

    def figures_current(self) -> bool:
        """True when the figures were computed for the store as it is now."""
        found = self.db.execute(
            "SELECT (SELECT value FROM meta WHERE key = 'figures'),"
            " coalesce((SELECT value FROM meta WHERE key = 'generation'), '0')"
        ).fetchone()
        return found[0] is not None and found[0] == found[1]

    def write_figures(
        self, generation: int, ranks: Mapping[str, tuple[str, int, int, int, int]], figures: Mapping[str, Any]
    ) -> bool:
        """Replace the figures by those computed for ``generation``; False (nothing written) if a write came since.

        ``ranks``: entity IRI → (class group, group size, rank by degree, by PageRank, by betweenness);
        ``figures``: name → any JSON value.
        """
        with self._transaction():
            if self.generation() != generation:
                return False
            self.db.execute("DELETE FROM ranks")
            self.db.execute("DELETE FROM figures")
            self.db.executemany("INSERT INTO ranks VALUES (?,?,?,?,?,?)", [(k, *v) for k, v in ranks.items()])
            self.db.executemany(
                "INSERT INTO figures VALUES (?, ?)",
                [(k, json.dumps(v, ensure_ascii=False)) for k, v in figures.items()],
            )
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('figures', ?)", (str(generation),))
        return True

    def put_figure(self, generation: int, key: str, value: Any) -> None:
        """Keep one more figure computed for ``generation`` (a page's, computed on demand), if still current."""
        with self._transaction():
            if self.generation() == generation and self.figures_current():
                self.db.execute(
                    "INSERT OR REPLACE INTO figures VALUES (?, ?)", (key, json.dumps(value, ensure_ascii=False))
                )

    def figure(self, key: str) -> Any:
        """The figure ``key`` for the store as it is now, or None (not computed yet, or out of date)."""
        if not self.figures_current():
            return None
        found = self.db.execute("SELECT value FROM figures WHERE key = ?", (key,)).fetchone()
        return json.loads(found[0]) if found else None

    def rank(self, iri: str) -> tuple[str, int, int, int, int] | None:
        """(class group, group size, rank by degree, PageRank, betweenness) of an entity, or None (not current)."""
        if not self.figures_current():
            return None
        found = self.db.execute(
            "SELECT grp, size, degree, pagerank, betweenness FROM ranks WHERE iri = ?", (iri,)
        ).fetchone()
        return tuple(found) if found else None  # type: ignore[return-value]

    # -- reading ------------------------------------------------------------------

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        """Entities then documents matching ``query`` (case-insensitive; spaces ignored in pinyin), best first.

        Entities: exact label first, then label prefix, then other matches;
        documents: one hit per document, title matches before text and evidence.
        """
        text = " ".join(query.split())
        if not text:
            return []
        compact = text.replace(" ", "").lower()
        rows: list[tuple] = []
        for needle in dict.fromkeys([text, compact] if re.fullmatch(r"[A-Za-z ]+", text) else [text]):
            rows += self._match(needle, limit * 20)
        entities: dict[str, Hit] = {}
        documents: dict[str, Hit] = {}
        for text_, kind, iri, _graph, field, title, cls, doc in rows:
            if kind == "entity":
                hit = entities.get(iri)
                if hit is None or (hit.field != "label" and field == "label") or (not hit.cls and cls):
                    shown = text_ if field != "pinyin" else title
                    name, known = title or (hit.title if hit else ""), cls or (hit.cls if hit else "")
                    entities[iri] = Hit("entity", iri, name, field, shown, known)
            else:
                current = documents.get(doc)
                rank = {"title": 0, "evidence": 1, "text": 2}[field]
                if current is None or rank < {"title": 0, "evidence": 1, "text": 2}[current.field]:
                    shown = _window(text_, text) if field == "text" else text_
                    documents[doc] = Hit("document", doc, title, field, shown, "", iri if kind == "evidence" else "")
        lowered = text.lower()

        def entity_rank(hit: Hit) -> tuple:
            name = hit.title.lower()
            return (name != lowered, not name.startswith(lowered), hit.field == "pinyin", len(name), name)

        ranked = sorted(entities.values(), key=entity_rank)[:limit]
        docs = sorted(documents.values(), key=lambda h: (h.field != "title", h.title, h.iri))[:limit]
        return ranked + docs

    def max_name_length(self) -> int:
        """The length of the longest entity name (0 when there is none)."""
        found = self.db.execute("SELECT max(length(name)) FROM names").fetchone()
        return int(found[0] or 0)

    def entities_named(self, names: Iterable[str], exclude_graphs: Iterable[str] = ()) -> list[tuple[str, ...]]:
        """Rows ``(name, iri, graph, field, classes, district, city)`` of the entities called one of ``names``.

        Each such entity's rows (all its names) outside ``exclude_graphs``, a
        description given by many graphs once (``graph``: the first of them;
        the registry's rows apart); the cost is that of the names asked and
        found, not of the store.
        """
        return self._entity_rows("name", names, exclude_graphs)

    def entity_names(self, iris: Iterable[str], exclude_graphs: Iterable[str] = ()) -> list[tuple[str, ...]]:
        """Rows of the entities ``iris`` (every name in every graph but ``exclude_graphs``)."""
        return self._entity_rows("iri", iris, exclude_graphs, expand=False)

    def located_in(self, district: str, limit: int = 5000) -> dict[str, tuple[list[str], set[str]]]:
        """The entities whose ``kg:district`` is ``district`` (at most ``limit``): IRI → (labels, stated classes).

        A district page's member lists, read here rather than from every type triple of the members.
        """
        rows = self.db.execute(
            "SELECT iri, field, name, classes FROM names WHERE iri IN"
            " (SELECT DISTINCT iri FROM names WHERE district = ? LIMIT ?)",
            (district, limit),
        ).fetchall()
        found: dict[str, tuple[list[str], set[str]]] = {}
        for iri, field, name, classes in rows:
            labels, kinds = found.setdefault(iri, ([], set()))
            if field == "label" and name not in labels:
                labels.append(name)
            kinds.update(classes.split())
        return found

    def entities_in_graphs(self, graphs: Iterable[str]) -> list[str]:
        """IRIs of the entities named in ``graphs``."""
        rows = self.db.execute(
            "SELECT DISTINCT iri FROM names WHERE graph IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(set(graphs))),),
        ).fetchall()
        return [row[0] for row in rows]

    def entities_with_prefix(self, prefix: str, limit: int = 1000) -> list[str]:
        """IRIs of the entities one of whose names starts with ``prefix`` (at most ``limit``)."""
        end = prefix + "\U0010ffff"
        rows = self.db.execute(
            "SELECT DISTINCT iri FROM names WHERE name >= ? AND name < ? LIMIT ?", (prefix, end, limit)
        ).fetchall()
        return [row[0] for row in rows]

    def _entity_rows(
        self, column: str, values: Iterable[str], exclude_graphs: Iterable[str], expand: bool = True
    ) -> list[tuple[str, ...]]:
        values = sorted(set(values))
        if not values:
            return []
        excluded = json.dumps(sorted(set(exclude_graphs)))
        wanted = f"SELECT DISTINCT iri FROM names WHERE {column} IN (SELECT value FROM json_each(?))"
        if not expand:
            wanted = "SELECT value FROM json_each(?)"
        # One row per distinct description, with the first graph that gives it (the registry's rows kept
        # apart): an entity every document describes again would otherwise bring one row per document,
        # and each ingest would cost more than the last.  The order is that of the rows per graph.
        return self.db.execute(
            "SELECT name, iri, MIN(graph) AS first, field, classes, district, city FROM names "
            f"WHERE iri IN ({wanted}) AND graph NOT IN (SELECT value FROM json_each(?)) "
            "GROUP BY iri, name, field, classes, district, city, graph = ? "
            "ORDER BY iri, first, field DESC, name",
            (json.dumps(values, ensure_ascii=False), excluded, REGISTRY_GRAPH),
        ).fetchall()

    def class_counts(self) -> dict[str, int]:
        """How many entities have each stated class (its first ``kg:`` class, as the index keeps it).

        Read from the index, not the store: a home page must not group every
        ``rdf:type`` of a large store on each view.
        """
        rows = self.db.execute(
            "SELECT cls, COUNT(*) FROM (SELECT iri, MAX(cls) AS cls FROM classes GROUP BY iri) GROUP BY cls"
        )
        return dict(rows.fetchall())

    def _match(self, needle: str, limit: int) -> list[tuple]:
        columns = "text, kind, iri, graph, field, title, cls, doc"
        if len(needle) >= 3:
            phrase = '"' + needle.replace('"', '""') + '"'
            return self.db.execute(f"SELECT {columns} FROM fts WHERE fts MATCH ? LIMIT ?", (phrase, limit)).fetchall()
        if len(needle) == 2 and bigrams(needle) == needle.lower():  # the trigram index cannot: the pair index can
            token = '"' + needle.lower().replace('"', '""') + '"'
            return self.db.execute(
                f"SELECT {columns} FROM fts WHERE rowid IN (SELECT rowid FROM pairs WHERE pairs MATCH ? LIMIT ?)",
                (token, limit),
            ).fetchall()
        pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return self.db.execute(
            f"SELECT {columns} FROM fts WHERE text LIKE ? ESCAPE '\\' LIMIT ?", (pattern, limit)
        ).fetchall()


def _window(text: str, needle: str, width: int = 60) -> str:
    """The part of a long text around the first occurrence of ``needle``."""
    at = text.lower().find(needle.lower())
    if at < 0:
        return text[:width] + ("…" if len(text) > width else "")
    start = max(0, at - width // 2)
    end = min(len(text), at + len(needle) + width // 2)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


# -- in step with the store -------------------------------------------------------


def open_index(store: Any) -> SearchIndex | None:
    """The index of an on-disk embedded store, or None (memory or remote stores have none)."""
    path = getattr(store, "path", None)
    if path is None or not hasattr(store, "quads"):
        return None
    return SearchIndex(index_path(path))


def graph_rows(store: Any, graph: str) -> list[Row]:
    """The indexable rows of one named graph of ``store``, read predicate by predicate from the store's index,
    so a big graph's other triples never come into Python; an inferred graph states no names: none."""
    if graph.startswith(INFERRED_GRAPHS):
        return []
    by_predicate = getattr(store, "quads_for_predicate", None)
    if by_predicate is None:
        return rows_of_graph((q.subject, q.predicate, q.object) for q in store.quads(graph))
    import pyoxigraph as ox

    name = ox.NamedNode(graph)
    rows: list[Row] = []
    solutions = getattr(store, "solutions", None)
    if solutions is not None:  # only entities' kg: classes are used: the others (a dataset's) stay in the store
        kept = f'FILTER(STRSTARTS(STR(?o), "{KG}") && STRSTARTS(STR(?s), "{KGR}"))'
        found = solutions(f"SELECT ?s ?o WHERE {{ GRAPH {name} {{ ?s <{RDF_TYPE}> ?o {kept} }} }}")
        rows += [(s.value, RDF_TYPE, o.value, "") for s, o in found]
    else:
        for quad in by_predicate(RDF_TYPE, graph=name):
            subject, obj = quad.subject.value, quad.object.value
            if subject.startswith(KGR) and obj.startswith(KG):
                rows.append((subject, RDF_TYPE, obj, ""))
    for predicate in sorted(INDEXED - {RDF_TYPE}):  # a term's .value is its IRI, blank node id or lexical form
        rows += [(q.subject.value, predicate, q.object.value, "") for q in by_predicate(predicate, graph=name)]
    return rows


class GraphRows(Mapping):
    """Graph name → its indexable rows, read from the store when asked: indexing many graphs holds one at a time."""

    def __init__(self, store: Any, names: Iterable[str]):
        self.store, self.names = store, list(names)

    def __getitem__(self, name: str) -> list[Row]:
        return graph_rows(self.store, name)

    def __iter__(self):
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


def after_write(store: Any, graphs: Mapping[str, Iterable[Row]] | None, present: Iterable[str] = ()) -> None:
    """Called by the store after a committed write: re-index the written graphs, or mark the index stale (None).

    An index that cannot be written (read-only folder) is left alone; :func:`ensure_index`
    rebuilds it when it is next opened where it can be.
    """
    path = getattr(store, "path", None)
    if path is None:
        return
    if not index_path(path).exists():  # the first write builds it, so that no search request ever has to
        try:
            index = ensure_index(store)
            if index is not None:
                index.close()
        except sqlite3.Error:
            pass
        return
    try:
        index = SearchIndex(index_path(path))
        try:
            if graphs is None:
                index.mark_stale()
            else:
                index.replace(graphs, present)
        finally:
            index.close()
    except sqlite3.Error:
        return


def ensure_index(store: Any) -> SearchIndex | None:
    """The store's index, rebuilt first when it is missing or out of step with the store's graphs."""
    index = open_index(store)
    if index is None:
        return None
    names = store.graph_names()
    if not index.is_current(names):
        index.rebuild(GraphRows(store, sorted(names)))
    return index


def sync(store: Any, written: Iterable[str]) -> None:
    """Bring the index in step after a write outside :meth:`replace_graphs` (a bulk load) that wrote ``written``.

    The written graphs, and any graph of the store the index does not know, are
    re-indexed; graphs gone from the store are dropped from it.  The cost
    follows the write, not the store (unless there is no index yet).
    """
    if getattr(store, "path", None) is None:
        return
    names = set(store.graph_names())
    index = SearchIndex(index_path(store.path))
    try:
        indexed = index.indexed_graphs()
        if not index.is_current(indexed) or not indexed:  # missing, or built by another version
            index.rebuild(GraphRows(store, sorted(names)))
            return
        todo = (set(written) | (names - indexed)) & names
        gone = indexed - names
        index.replace(GraphRows(store, sorted(todo | gone)), present=todo)
    finally:
        index.close()


class IndexBuild:
    """A new index being built in a second process from rows spooled to a file (:func:`start_build`).

    The rows are read from the store first (one graph at a time); the second process
    indexes them while this one goes on (a bulk load computes its inference meanwhile),
    into a file of its own that takes the index's name only when complete.
    """

    def __init__(self, target: Path, spool: Path, rows: int):
        self.target, self.spool, self.rows = target, spool, rows
        self.temp = target.with_name(f"{target.name}.build-{os.getpid()}")
        self.process: subprocess.Popen | None = None

    def start(self, sources: list[tuple[str, str, str, str]] | None = None) -> None:
        """Start the second process: it reads the spool, or ``sources`` (path, media type, graph of the default
        graph, base IRI) itself."""
        self.temp.unlink(missing_ok=True)
        if sources is not None:
            self.spool.write_text(json.dumps(sources), encoding="utf-8")
        code = "from kg.store.search import _build_main; _build_main()"
        root = str(Path(__file__).resolve().parents[2])  # the same kg as this process's, installed or not
        paths = [root, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(dict.fromkeys(paths))}
        self.process = subprocess.Popen(
            [sys.executable, "-c", code, str(self.spool), str(self.temp), "files" if sources is not None else "rows"],
            stdin=subprocess.PIPE,
            env=env,
        )

    def finish(self, names: Iterable[str]) -> None:
        """Hand over the store's graphs as they are now, wait for the index, put it in place."""
        names = sorted(set(names))
        try:
            if self.process is None:  # few rows: indexed here, no second process is worth starting
                index = _fresh_index(self.temp)
                try:
                    index._fill(_spooled(self.spool), lambda: names)
                finally:
                    index.close()
            else:
                assert self.process.stdin is not None
                try:
                    self.process.stdin.write(json.dumps(names).encode("utf-8"))
                    self.process.stdin.close()
                except BrokenPipeError:
                    pass
                if self.process.wait() != 0:
                    raise sqlite3.OperationalError(f"building the search index {self.target} failed")
            os.replace(self.temp, self.target)
        finally:
            self.spool.unlink(missing_ok=True)
            self.temp.unlink(missing_ok=True)

    def cancel(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.spool.unlink(missing_ok=True)
        self.temp.unlink(missing_ok=True)


BUILD_ROWS = 100_000  # a new index of more rows than this is built in a second process
SPOOL_ROWS = 100_000  # rows per spooled record


def start_build(store: Any, graphs: Iterable[str]) -> IndexBuild | None:
    """Start building the index of a store that has none, from the indexable rows of ``graphs``; None when the
    store has an index already (or none can be made: a store in memory), then :func:`sync` is what follows a write.

    The rows are spooled to a file beside the store (one graph's rows in memory at a time); when
    they are many, a second process indexes them while the caller goes on; :meth:`IndexBuild.finish`
    lists the store's graphs as they are then and puts the index in place.
    """
    path = getattr(store, "path", None)
    if path is None or index_path(path).exists():
        return None
    target = index_path(path)
    spool = target.with_name(f"{target.name}.rows-{os.getpid()}")
    rows = 0
    with spool.open("wb") as out:
        for graph in sorted(graphs):
            found = graph_rows(store, graph)
            for at in range(0, len(found), SPOOL_ROWS):  # marshal makes each record in memory: bounded ones
                marshal.dump((graph, found[at : at + SPOOL_ROWS]), out)
            rows += len(found)
    build = IndexBuild(target, spool, rows)
    if rows > BUILD_ROWS:
        build.start()
    return build


def _spooled(spool: Path) -> Iterator[tuple[str, list[Row]]]:
    """(graph, rows) of each graph spooled by :func:`start_build`, its records joined."""
    graph, rows = None, []
    with spool.open("rb") as handle:
        while True:
            try:
                name, more = marshal.load(handle)
            except EOFError:
                break
            if name != graph and graph is not None:
                yield graph, rows
                rows = []
            graph = name
            rows += more
    if graph is not None:
        yield graph, rows


def _fresh_index(path: Path) -> SearchIndex:
    """A new index file written without a journal (nothing to roll back: it takes its name only once complete)."""
    path.unlink(missing_ok=True)
    index = SearchIndex.__new__(SearchIndex)
    index.path = str(path)
    index.db = sqlite3.connect(str(path), isolation_level=None)
    index.db.execute("PRAGMA journal_mode=OFF")
    index.db.execute("PRAGMA synchronous=OFF")
    index._create(indexes=False)
    return index


def start_file_build(store: Any, sources: Iterable[tuple[Path, Any, str, str]]) -> IndexBuild | None:
    """Start building the index of an empty store from the files a bulk load is about to load into it, read by a
    second process while the store loads them (None when the store has an index, or is in memory).

    ``sources``: (path, pyoxigraph RDF format, graph of the file's default graph, base IRI).
    """
    path = getattr(store, "path", None)
    if path is None or index_path(path).exists():
        return None
    target = index_path(path)
    build = IndexBuild(target, target.with_name(f"{target.name}.files-{os.getpid()}"), 0)
    build.start([(str(file), fmt.media_type, graph, base) for file, fmt, graph, base in sources])
    return build


def rows_of_files(sources: Iterable[tuple[str, str, str, str]]) -> Iterator[tuple[str, list[Row]]]:
    """(graph, indexable rows) of RDF files, each parsed as the bulk loader reads it, graphs in sorted order."""
    import pyoxigraph as ox

    from kg.files import open_data
    from kg.store import formats

    found: dict[str, list[Row]] = {}
    predicates = {name: name for name in INDEXED}
    subjects: dict[str, str] = {}  # one string per IRI: an entity has several rows (a third less memory)
    for file, media_type, graph, base in sources:
        with open_data(file) as handle:
            for quad in ox.parse(handle, formats.by_media_type(media_type, formats.RDF).rdf, base_iri=base):
                predicate = predicates.get(quad.predicate.value)
                if predicate is None:
                    continue
                subject, obj = quad.subject.value, quad.object.value
                subject = subjects.setdefault(subject, subject)
                if predicate in (RDF_TYPE, DISTRICT, CITY, DERIVED):  # classes, places, documents: few, repeated
                    obj = subjects.setdefault(obj, obj)
                if predicate == RDF_TYPE and not (obj.startswith(KG) and subject.startswith(KGR)):
                    continue  # only entities' kg: classes are used (as graph_rows reads them)
                name = quad.graph_name
                name = graph if isinstance(name, ox.DefaultGraph) else name.value
                if not name.startswith(INFERRED_GRAPHS):
                    found.setdefault(name, []).append((subject, predicate, obj, ""))
    for name in sorted(found):
        yield name, found.pop(name)


def _build_main() -> None:
    """The second process of :class:`IndexBuild`: argv = spool (or JSON list of files), index file, "rows" or
    "files"; stdin = the store's graphs (JSON), once it has them all."""
    spool, target = Path(sys.argv[1]), Path(sys.argv[2])
    files = sys.argv[3] == "files"
    rows = rows_of_files(json.loads(spool.read_text(encoding="utf-8"))) if files else _spooled(spool)
    index = _fresh_index(target)
    try:
        index._fill(rows, lambda: json.loads(sys.stdin.buffer.read() or b"[]"))
        index.db.execute("PRAGMA journal_mode=DELETE")
    finally:
        index.close()


def kept_index(store: Any) -> SearchIndex | None:
    """The store's index when its version says the writes kept it in step, else :func:`ensure_index`'s.

    A check that costs nothing, for a writer (``kg ingest``) that must not pay
    a pass over the store's graphs on every call: a write the index could not
    follow marks it stale (:meth:`SearchIndex.mark_stale`), and that is seen
    here; only an index deleted, or a store written by an older ``kg``, needs
    :func:`ensure_index`'s comparison of every graph.
    """
    index = open_index(store)
    if index is None:
        return None
    version = index.db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    if version and version[0] == SCHEMA_VERSION:
        return index
    index.close()
    return ensure_index(store)
