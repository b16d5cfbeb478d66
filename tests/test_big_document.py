"""One big document: written part by part, never seen half written, repaired after a kill, in bounded memory."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.model.vocab import KG, RDF, RDFS
from kg.sources.synth import press_release
from kg.store.embedded import PENDING, Store
from kg.store.inference import inferred_graph, write_graph_parts
from kg.store.search import index_path

G = URIRef("https://w3id.org/kg-cityedu/doc/big-test")


def visible(store: Store) -> bool:
    """Whether a query sees anything of graph G."""
    return bool(store.select("SELECT ?doc WHERE { GRAPH ?doc { ?s ?p ?o } } LIMIT 1", {"doc": G}))


def entity(n: int) -> list[tuple]:
    iri = URIRef(f"https://w3id.org/kg-cityedu/id/big-{n}")
    return [(iri, RDF.type, KG.PrimarySchool), (iri, RDFS.label, Literal(f"测试职业学院{n}", lang="zh"))]


def part(start: int, count: int) -> list[tuple]:
    return [t for n in range(start, start + count) for t in entity(n)]


def test_a_graph_written_in_parts_is_out_of_sight_until_its_last_part(tmp_path: Path):
    with Store(tmp_path / "store") as store:
        write_graph_parts(store, G, [part(0, 10)])  # an older version
        seen: list[tuple[bool, list[str]]] = []

        def parts():
            for start in range(0, 300, 100):
                seen.append((visible(store), store.graph_names()))
                yield part(start, 100)

        write_graph_parts(store, G, parts())
        assert all(not visible and str(G) not in names for visible, names in seen)  # neither old nor half new
        assert visible(store)
        assert sum(1 for _ in store.quads(str(G))) == 600  # the union of the parts, the old version gone
        assert any(True for _ in store.quads(inferred_graph(str(G))))  # each part's closure
        assert [h.title for h in _search(store, "测试职业学院299")] == ["测试职业学院299"]  # the index too


def _search(store: Store, text: str):
    from kg.store.search import SearchIndex

    index = SearchIndex(index_path(store.path))
    try:
        return [h for h in index.search(text) if h.kind == "entity"]
    finally:
        index.close()


def test_a_write_that_fails_midway_leaves_no_part_and_no_mark(tmp_path: Path):
    with Store(tmp_path / "store") as store:

        def parts():
            yield part(0, 100)
            raise RuntimeError("the extraction broke")

        with pytest.raises(RuntimeError):
            write_graph_parts(store, G, parts())
        assert str(G) not in store.graph_names() and not visible(store)
        assert not any(True for _ in store.quads(str(G)))
        assert not store.read_meta(PENDING.value)
        assert _search(store, "测试职业学院1") == []


def _long_text(path: Path, releases: int) -> Path:
    path.write_text("\n".join(press_release(i)[1] for i in range(releases)), encoding="utf-8")  # no byline: one doc
    return path


def _quads(store: Path) -> list[str]:
    with Store(store, read_only=True) as opened:
        return sorted(str(q) for q in opened.quads())


def test_a_killed_ingest_of_a_big_document_leaves_none_of_it(store_path: Path, tmp_path: Path):
    store = tmp_path / "store"
    shutil.copytree(store_path, store)
    shutil.copy(index_path(store_path), index_path(store))
    before = _quads(store)
    with Store(store, read_only=True) as opened:
        graphs = opened.graph_names()
    text = _long_text(tmp_path / "long.txt", 150)  # three blocks
    env = {**os.environ, "KG_STORE": str(store)}
    command = [sys.executable, "-m", "kg.cli", "ingest", str(text)]
    running = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    killed = False
    while running.poll() is None and time.monotonic() < deadline:
        try:  # the search index (SQLite, readable beside the writer) shows when the first part is in
            with sqlite3.connect(index_path(store), timeout=1) as db:
                rows = db.execute("SELECT count(*) FROM spans WHERE graph LIKE '%/doc/%' AND graph NOT IN "
                                  "(SELECT name FROM graphs)").fetchone()[0]  # fmt: skip
        except sqlite3.Error:
            rows = 0
        if rows:
            os.kill(running.pid, signal.SIGKILL)
            killed = True
            break
        time.sleep(0.05)
    running.wait()
    assert killed, "the ingest ended before its first part was written"

    with Store(store, read_only=True) as opened:  # a reader sees the store as it was: no half document
        assert sorted(str(q) for q in opened.quads()) == before
        assert opened.graph_names() == graphs
    kg_stats = [sys.executable, "-m", "kg.cli", "stats"]
    stats = subprocess.run(kg_stats, env={**env, "KG_LANG": "en"}, capture_output=True, text=True)
    assert "a write was interrupted" in stats.stderr + stats.stdout  # and says so
    with Store(store):  # the next writer removes what the killed one left
        pass
    assert _quads(store) == before
    with sqlite3.connect(index_path(store)) as db:  # and the index holds nothing of it
        assert db.execute("SELECT count(*) FROM spans WHERE graph NOT IN (SELECT name FROM graphs)").fetchone()[0] == 0

    done = subprocess.run(command, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    after = _quads(store)
    assert len(after) > len(before)
    again = subprocess.run(command, env=env, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert _quads(store) == after  # re-running the same ingest changes nothing
    validate = subprocess.run([sys.executable, "-m", "kg.cli", "validate"], env=env, capture_output=True, text=True)
    assert validate.returncode == 0, validate.stdout + validate.stderr


MEMORY_BOUND_MB = 450  # a small ingest peaks near 260 MB (gazetteers, jieba): the text adds little above that


def test_a_big_ingest_stays_under_a_memory_bound(store_path: Path, tmp_path: Path):
    store = tmp_path / "store"
    shutil.copytree(store_path, store)
    shutil.copy(index_path(store_path), index_path(store))
    text = _long_text(tmp_path / "long.txt", 400)  # about 0.5 MiB, ten blocks
    # peak resident memory of the ingest, measured by a parent of its own (pytest's other children do not count)
    probe = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], check=True, capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)"
    )
    env = {**os.environ, "KG_STORE": str(store)}
    result = subprocess.run(
        [sys.executable, "-c", probe, sys.executable, "-m", "kg.cli", "ingest", str(text)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    peak = int(result.stdout.split()[-1])
    assert peak < MEMORY_BOUND_MB, f"peak {peak} MB"
    # the text is indexed in pieces (full-text rows of a bounded size): a phrase near its end is one document hit
    from kg.store.search import TEXT_PIECE, SearchIndex

    last = press_release(399)[1].splitlines()[-1][:12]
    index = SearchIndex(index_path(store))
    try:
        pieces = index.db.execute("SELECT count(*), max(length(text)) FROM fts WHERE field = 'text'").fetchone()
        hits = [h for h in index.search(last) if h.kind == "document"]
        # the phrase is in a later piece of the text than the first: the pieces after the first are indexed too
        later = index.db.execute(
            "SELECT count(*) FROM fts WHERE fts MATCH ? AND field = 'text'"
            " AND rowid > (SELECT min(rowid) FROM fts WHERE field = 'text' AND doc = ?)",
            ('text : "' + last.replace('"', '""') + '"', hits[0].iri if hits else ""),
        ).fetchone()[0]
    finally:
        index.close()
    assert pieces[0] > 10 and pieces[1] <= TEXT_PIECE
    assert len(hits) == 1 and hits[0].field in {"text", "evidence"}
    assert later >= 1
    # stored a block at a time, the text is whole again in the order of its pieces, and its hits are the document's
    from kg.extract.ingest import document_text

    with Store(store, read_only=True) as opened:
        (doc,) = [str(r["d"]) for r in opened.select("SELECT DISTINCT ?d WHERE { GRAPH ?d { ?d schema:hasPart ?p } }")]
        assert document_text(opened, doc) == text.read_text(encoding="utf-8").strip("\n")
    assert hits[0].iri == doc


def test_a_long_texts_working_memory_does_not_grow_with_its_names():
    """The entities of a long text wait on disk (Resolver.spill): the heap after the last block is about that after
    the fifth, though hundreds of names came in between (kept in memory, they took 1.3 MB more here)."""
    import gc
    import tracemalloc

    from kg.extract.pipeline import Extractor, default_gazetteer
    from kg.sources.documents import Article

    extractor = Extractor(default_gazetteer(), block=1_500)
    # a text of its own read first, untraced: what the rules load on first use (the dictionary's groups, compiled
    # patterns, cached lookups) is loaded before the measure, as it is when other tests have run before this one
    warm = "\n".join(press_release(i)[1] for i in range(100, 110))
    for _ in extractor.parts(Article("warm-test", "测试", warm, district="测试区")):
        pass
    text = "\n".join(press_release(i)[1] for i in range(100))
    article = Article("big-test", "测试", text, district="测试区")
    heap: list[int] = []  # after each block, less the cycles the collector has not freed yet

    def measure(_: int) -> None:
        gc.collect()
        heap.append(tracemalloc.get_traced_memory()[0])

    names = 0
    tracemalloc.start()
    try:
        for part in extractor.parts(article, measure):
            names += len(part.entities) if part.described else 0
    finally:
        tracemalloc.stop()
    assert len(heap) > 25 and names > 600
    assert heap[-1] - heap[4] < 600_000, f"{heap[4]} → {heap[-1]} bytes for {names} names"
