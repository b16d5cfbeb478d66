"""Figures of the whole graph that the pages show, computed once per state of the store and kept beside it.

An entity's rank within its class group (degree, PageRank, betweenness), each
district's and city's indicators (the in-store aggregates of
:func:`kg.analysis.indicators.place_indicators`, as ``kg analyze --compare``
computes them), and the home page's lists of districts, classes and recent
documents all depend on the whole graph.  No page computes them: ``kg serve``
runs :func:`compute` in a background process (:class:`Keeper`) whenever the
store has changed since they were last computed, and keeps them in the search
index file (:meth:`kg.store.search.SearchIndex.write_figures`), so a page
reads a row, whatever the size of the store; a restart computes nothing; a
write makes them be computed once more.  Until they are, pages say so.

    python -m kg.web.figures STORE     # what kg serve runs (at low priority)
"""

from __future__ import annotations

import bisect
import contextlib
import fcntl
import os
import subprocess
import sys
import threading
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from kg.analysis import metrics
from kg.analysis.indicators import places_indicators, store_places
from kg.analysis.projection import project
from kg.model.styles import class_group
from kg.model.terms import ancestors
from kg.model.vocab import KG
from kg.store.search import SearchIndex, index_path

RANK_EXACT = 1000  # betweenness for the ranks is exact up to this many nodes, else estimated from RANK_SAMPLE sources
RANK_SAMPLE = 64
RECENT_DOCUMENTS = 50
PLACE_BATCH = 50  # places whose indicators are counted by one set of aggregate queries

HOME_DISTRICTS = """
SELECT ?d (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?d a kg:District . OPTIONAL { ?e kg:district ?d }
} GROUP BY ?d ORDER BY DESC(?n)
"""
DOCUMENTS = """
SELECT ?doc ?title ?id ?method WHERE {
  GRAPH ?doc { ?doc a kg:SourceDocument . OPTIONAL { ?doc schema:headline ?title }
  OPTIONAL { ?doc schema:identifier ?id } OPTIONAL { ?doc kg:method ?method } }
} ORDER BY DESC(?method) DESC(?id) LIMIT %d
"""


def entity_ranks(graph: nx.MultiDiGraph, simple: nx.Graph) -> dict[str, tuple[str, int, int, int, int]]:
    """Each node's (class group, group size, rank by degree, by PageRank, by betweenness) within its class group.

    Ties share the better rank.

    >>> G = nx.MultiDiGraph([("a", "b"), ("a", "c")])
    >>> nx.set_node_attributes(G, "Company", "cls")
    >>> entity_ranks(G, metrics.simple_graph(G))["a"]
    ('Company', 3, 1, 1, 1)
    """
    scores = {
        "degree": metrics.degree(simple),
        "pagerank": metrics.pagerank(simple),
        # Ranks need an estimate only: few sources on large graphs keep this minutes, not hours, at 10^5.
        "betweenness": metrics.betweenness(
            simple,
            sample=None if simple.number_of_nodes() <= RANK_EXACT else min(RANK_SAMPLE, simple.number_of_nodes()),
        ),
    }
    groups: dict[str, list[str]] = defaultdict(list)
    for node, data in graph.nodes(data=True):
        groups[class_group(data.get("cls", ""))].append(node)
    ranks: dict[str, list] = {}
    for group, members in groups.items():
        for node in members:
            ranks[node] = [group, len(members)]
        for values in scores.values():
            ordered = sorted(-values.get(n, 0) for n in members)
            for node in members:
                ranks[node].append(bisect.bisect_left(ordered, -values.get(node, 0)) + 1)
    return {node: tuple(value) for node, value in ranks.items()}  # type: ignore[misc]


def class_counts(index: SearchIndex) -> dict[str, int]:
    """Entities per ontology class, superclasses included, from the search index."""
    counts: dict[str, int] = defaultdict(int)
    for cls, n in index.class_counts().items():
        if cls.startswith(str(KG)):
            for name in ancestors(cls[len(str(KG)) :]):
                counts[str(KG) + name] += n
    return dict(counts)


def place_key(place: str) -> str:
    """The figure that holds a district's or city's indicators (``DistrictIndicators.to_dict()``)."""
    return "place:" + place


def compute(store: Any, index: SearchIndex, progress: Callable[[str], None] = lambda _: None) -> bool:
    """Compute and keep every figure for the store as it is; False when a write came meanwhile (try again).

    First the ranks and the home page's lists (one projection of the whole
    graph), then every place's indicators, biggest first, a batch at a time.
    """
    generation = index.generation()
    graph = project(store)
    simple = metrics.simple_graph(graph)
    ranks = entity_ranks(graph, simple)
    progress(f"ranks of {len(ranks)} entities")
    label = {n: d.get("label", n) for n, d in graph.nodes(data=True)}
    districts = [(str(r["d"]), int(str(r["n"]))) for r in store.select(HOME_DISTRICTS)]
    places = store_places(store)
    cities = store_places(store, city=True)
    figures = {
        "districts": [[d, label.get(d, d.rsplit("/", 1)[-1]), n] for d, n in districts],
        "places": [[p, label.get(p, p.rsplit("/", 1)[-1])] for p in places + cities],
        "classes": class_counts(index),
        "documents": [
            [str(r["doc"]), str(r.get("title", "")), str(r.get("id", "")), str(r.get("method", ""))]
            for r in store.select(DOCUMENTS % RECENT_DOCUMENTS)
        ],
    }
    if not index.write_figures(generation, ranks, figures):
        return False
    del ranks
    # Every place's indicators: the in-store aggregates (a batch of places per query) and the lists from each
    # place's part of the projection made above; kept as they come, biggest places first.
    for kind, group in ((False, places), (True, cities)):
        for start in range(0, len(group), PLACE_BATCH):
            if index.generation() != generation:
                return False
            for result in places_indicators(store, group[start : start + PLACE_BATCH], graph, city=kind):
                index.put_figure(generation, place_key(result.place), result.to_dict())
    progress(f"indicators of {len(places)} districts and {len(cities)} cities")
    return True


def lock_path(store_path: Path | str) -> Path:
    """The file a computation of the figures holds locked while it runs (one per store at a time)."""
    index = index_path(store_path)
    return index.with_name(index.name + ".figures-lock")


def computing(store_path: Path | str) -> bool:
    """Whether a computation of the store's figures is under way (in any process)."""
    path = lock_path(store_path)
    if not path.exists():
        return False
    with path.open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(lock, fcntl.LOCK_UN)
    return False


class Keeper:
    """Keeps a store's figures current: runs :func:`compute` in a low-priority process when the store changed.

    Checks every ``interval`` seconds (one read of the index's bookkeeping);
    a computation that fails is not tried again until the store changes.
    """

    def __init__(self, store_path: Path | str, interval: float = 2.0):
        self.store_path, self.interval = str(store_path), interval
        self._process: subprocess.Popen | None = None
        self._tried: int | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> Keeper:
        self._thread.start()
        return self

    def _run(self) -> None:
        index = None
        while not self._stop.is_set():
            try:
                index = index or SearchIndex(index_path(self.store_path))
                if self._process is not None and self._process.poll() is not None:
                    self._process = None
                generation = index.generation()
                if self._process is None and generation != self._tried and not index.figures_current():
                    self._tried = generation
                    self._process = subprocess.Popen(
                        [sys.executable, "-m", "kg.web.figures", self.store_path],
                        stdin=subprocess.DEVNULL,
                        stdout=subprocess.DEVNULL,
                    )
            except Exception:  # a read-only folder, a locked index: pages say the figures are pending
                pass
            self._stop.wait(self.interval)
        if index is not None:
            index.close()

    @property
    def running(self) -> bool:
        """Whether a computation is under way."""
        process = self._process
        return process is not None and process.poll() is None

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait(timeout=10)


def main(argv: list[str] | None = None) -> int:
    """``python -m kg.web.figures STORE``: compute the figures of STORE (at low priority), until they are current."""
    from kg.store.embedded import Store

    (store_path,) = argv if argv is not None else sys.argv[1:]
    with contextlib.suppress(OSError):
        os.nice(5)  # the pages' own work comes first
    lock = lock_path(store_path).open("a")
    try:  # one computation per store at a time (two kg serve on one store, or one run by hand)
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return 0
    for _ in range(3):  # a write during the computation: once more, on the store as it is then
        with Store(store_path, read_only=True) as store:
            index = SearchIndex(index_path(store_path))
            try:
                if index.figures_current() or compute(store, index):
                    return 0
            finally:
                index.close()
    return 1


if __name__ == "__main__":
    sys.exit(main())
