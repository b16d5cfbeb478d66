"""`kg synth`: deterministic synthetic graphs in the project's data model, and press releases for ingest."""

from __future__ import annotations

import gzip
import statistics
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.model.vocab import ENTITIES_GRAPH, KG, ONTOLOGY_GRAPH
from kg.outputs.validate import validate_store
from kg.sources.synth import PER_DISTRICT, Plan, SynthStats, press_release, synth_documents, synth_quads
from kg.store.embedded import Store


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SynthStats]:
    path = tmp_path_factory.mktemp("synth") / "g.nq"
    result = CliRunner().invoke(main, ["synth", "--entities", "1000", "--seed", "7", "--out", str(path)])
    assert result.exit_code == 0, result.output
    stats = SynthStats()
    assert list(synth_quads(1000, 7, stats=stats)) == path.read_text(encoding="utf-8").splitlines(keepends=True)
    return path, stats


def test_same_seed_same_graph_other_seed_other_graph(small):
    path, _stats = small
    again = "".join(synth_quads(1000, 7))
    assert again == path.read_text(encoding="utf-8")
    assert "".join(synth_quads(1000, 8)) != again


def test_counts_follow_the_plan_and_the_file(small):
    path, stats = small
    plan = Plan.of(1000)
    quads = list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
    assert len(quads) == stats.quads
    types = Counter(
        q.object.value.rsplit("#", 1)[-1]
        for q in quads
        if q.predicate.value.endswith("#type") and q.graph_name == ox.NamedNode(str(ENTITIES_GRAPH))
    )
    assert types["District"] == plan.districts == 3
    assert types["City"] == plan.cities and types["Place"] == plan.provinces
    assert types["PrimarySchool"] == PER_DISTRICT["PrimarySchool"] * plan.districts
    assert types["Company"] == PER_DISTRICT["Company"] * plan.districts
    assert sum(types.values()) == stats.entities
    assert 0.9 * 1000 <= stats.entities <= 1.15 * 1000
    assert {q.graph_name.value for q in quads} == stats.graphs
    assert stats.documents == sum(1 for g in stats.graphs if "/doc/" in g)
    relations = sum(1 for q in quads if q.object == ox.NamedNode(str(KG.RelationAssertion)))
    assert relations == stats.relations > stats.entities / 3
    assert 9 <= stats.quads / stats.entities <= 13  # ≈ 10^7 triples at 10^6 entities


def test_evidence_is_verbatim_at_its_offsets_and_partners_are_heavy_tailed(small):
    path, _stats = small
    store = Store()
    store.add_quads(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
    rows = store.select(
        """SELECT ?text ?evidence ?start ?end WHERE {
             ?a kg:evidence ?evidence ; kg:startOffset ?start ; kg:endOffset ?end ; prov:wasDerivedFrom ?doc .
             ?doc schema:text ?text }"""
    )
    assert len(rows) > 500
    for row in rows:
        assert str(row["text"])[int(row["start"]) : int(row["end"])] == str(row["evidence"])
    degrees = [
        int(row["n"])
        for row in store.select(
            """SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE {
                 { ?x kg:integratesWith|kg:trains ?c } UNION { ?c kg:memberOf ?x } ?c a kg:Company } GROUP BY ?c"""
        )
    ]
    assert max(degrees) >= 6 * statistics.median(degrees)  # a few hubs, most companies one partner


def test_loads_with_kg_load_and_conforms_to_the_shapes(tmp_path):
    path = tmp_path / "one-district.nq.gz"
    result = CliRunner().invoke(main, ["synth", "--entities", "400", "--out", str(path)])
    assert result.exit_code == 0, result.output
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        assert handle.readline().endswith(f"<{ONTOLOGY_GRAPH}> .\n")
    store_dir = tmp_path / "store"
    result = CliRunner().invoke(main, ["load", str(path), "--store", str(store_dir)])
    assert result.exit_code == 0, result.output
    with Store(store_dir) as store:
        assert store.ask("ASK { ?s a kg:School ; kg:district ?d . ?d a kg:District }")  # inferred superclass
        report = validate_store(store)
    assert report.conforms, [v.message for v in report.violations[:5]]


def test_press_releases_are_deterministic_files(tmp_path):
    paths = synth_documents(3, tmp_path / "corpus", seed=1)
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == [
        f"corpus/batch-0000/release-0000{i}.txt" for i in range(3)
    ]
    assert paths[1].read_text(encoding="utf-8") == press_release(1, seed=1)[1]
    text = paths[0].read_text(encoding="utf-8")
    assert "有限公司" in text and "区" in text and len(text) > 300
    assert press_release(0, seed=2)[1] != press_release(0, seed=1)[1]
