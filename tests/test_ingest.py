"""Ingest into a real on-disk store: named graph per document, idempotence, removal, encodings, bad input, CLI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, URIRef

from kg.cli import main
from kg.extract.ingest import IngestError, documents, ingest, remove_document
from kg.model.vocab import KG, KGR, document_iri, entity_iri, relation_properties
from kg.sources.documents import DocumentError
from kg.sources.identity import SAME_AS_PREFIX, merges
from kg.store.embedded import Store
from kg.store.inference import inferred_graph

RAW = Path(__file__).parent / "fixtures" / "extract_gold" / "raw"
YUBEI = RAW / "yubei-vocational.txt"
WUHOU = RAW / "wuhou-coeducation.txt"

DAZU_RELEASE = """大足区召开家校社协同育人推进会

近日，区教委与区妇联联合举办大足区家庭教育宣传周活动，重庆理工大学派出专家团队参与指导。

大足区家长学校总校开设“周末家长小课堂”30余期，惠及家长1.2万人次。
"""


RELATIONS = {str(iri) for iri in relation_properties().values()}


@pytest.fixture
def built(store_path: Path, tmp_path: Path) -> Path:
    """A private copy of the session's built store (the bundled data), ready to be written."""
    target = tmp_path / "store"
    shutil.copytree(store_path, target)
    return target


def quads(store: Store) -> set[str]:
    return {str(q) for q in store.quads()}


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_ingest_adds_one_named_graph_per_document(built: Path):
    with Store(built) as store:
        before = set(store.graph_names())
        report = ingest(store, [YUBEI, WUHOU])
        added = set(store.graph_names()) - before
        ids = {d.doc_id for d in report.documents}
        graphs = {str(document_iri(doc_id)) for doc_id in ids}
        merged = {g for g in added if g.startswith(SAME_AS_PREFIX)}
        closures = {inferred_graph(g) for g in graphs | merged}
        assert added - closures == graphs | merged and len(ids) == 2
        assert {inferred_graph(g) for g in graphs} <= added  # each document with its closure
        # and one merge graph: the curated 长安汽车 is yubei's 长安汽车股份有限公司 (cross-document identity)
        assert [(m.a_label, m.b_label) for m in merges(store)] == [("长安汽车", "长安汽车股份有限公司")]
        listed = {d.doc_id: d for d in documents(store)}
        assert {"banan-d85cd3f1", "dazu-d85cd3f1"} <= listed.keys()
        assert all(listed[i].method == "extraction" and listed[i].relations > 10 for i in ids)
        # the facts are queryable through the union graph, with inference refreshed
        rows = store.select(
            "SELECT DISTINCT ?s WHERE { ?s kg:relatedTo ?o . ?a rdf:subject ?s ; kg:method ?m . "
            "FILTER(?m != 'curated') }"
        )
        assert rows


def test_reingest_changes_nothing(built: Path):
    with Store(built) as store:
        ingest(store, [YUBEI, WUHOU])
        first, count = quads(store), len(store)
        report = ingest(store, [YUBEI, WUHOU])
        assert quads(store) == first and len(store) == count
        assert set(report.replaced) == {d.doc_id for d in report.documents}


def test_reingest_after_other_documents_changes_nothing(built: Path, tmp_path: Path):
    """A's graph is read the same way after B (which names the same school) was ingested in between."""
    shared = "江北区鸿恩寺小学与重庆大学签署合作协议，共建科学教育实践基地。"
    a = write(tmp_path / "a.txt", f"重庆市{shared}江北区教委牵头推进。")
    b = write(tmp_path / "b.txt", f"据悉，重庆市{shared}江北区鸿恩寺小学还与长安汽车开展合作。")
    with Store(built) as store:
        ingest(store, [a])
        (doc,) = [d for d in documents(store) if d.source == "a.txt"]
        first = {str(q) for q in store.quads(doc.iri)}
        ingest(store, [b])
        ingest(store, [a])
        assert {str(q) for q in store.quads(doc.iri)} == first


def test_remove_restores_the_store_exactly(built: Path):
    with Store(built) as store:
        before = quads(store)
        report = ingest(store, [YUBEI])
        assert quads(store) != before
        removed = remove_document(store, report.documents[0].doc_id)
        assert removed.doc_id == report.documents[0].doc_id
        assert quads(store) == before


def test_known_entities_are_linked_not_duplicated(built: Path, tmp_path: Path):
    with Store(built) as store:
        ingest(store, [write(tmp_path / "dazu-week.txt", DAZU_RELEASE)])
        university = entity_iri("重庆理工大学")
        classes = {
            str(o)
            for o in store.graph(str(document_iri(_doc_of(store, "dazu-week.txt")))).objects(university, RDF.type)
        }
        assert classes == {str(KG.University)}  # the curated class, not a guess
        bureau = store.select(
            "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e rdfs:label ?l FILTER(STR(?l) = '大足区教委') }"
        )
        assert int(bureau[0]["n"]) == 1  # 区教委 resolved to the curated 大足区教委, one node


def _doc_of(store: Store, source: str) -> str:
    return next(d.doc_id for d in documents(store) if d.source == source)


def test_removing_a_document_keeps_entities_others_describe(built: Path, tmp_path: Path):
    with Store(built) as store:
        ingest(store, [write(tmp_path / "dazu-week.txt", DAZU_RELEASE), YUBEI])
        remove_document(store, _doc_of(store, "dazu-week.txt"))
        university = URIRef(entity_iri("重庆理工大学"))
        assert store.select("SELECT ?u ?l WHERE { ?u rdfs:label ?l }", bindings={"u": university})  # curated registry
        # an entity only the removed document described is gone with it
        week = store.select("SELECT ?e WHERE { ?e rdfs:label ?l FILTER(CONTAINS(STR(?l), '宣传周')) }")
        assert week == []
        # one that the remaining document describes stays
        school = entity_iri("重庆市渝北职业教育中心")
        assert (school, RDF.type, KG.SecondaryVocationalSchool) in store.graph(
            str(document_iri(_doc_of(store, YUBEI.name)))
        )
        assert store.select("SELECT ?s ?l WHERE { ?s rdfs:label ?l }", bindings={"s": school})


def test_curated_documents_are_neither_replaced_nor_removed(built: Path, tmp_path: Path):
    with Store(built) as store:
        before = quads(store)
        with pytest.raises(IngestError, match="人工整理的文档"):
            remove_document(store, "banan-d85cd3f1")
        raw = Path(__file__).parent.parent / "data" / "raw" / "000_091f230f3370da1a.txt"
        with pytest.raises(IngestError, match="人工整理的文档"):
            ingest(store, [raw])  # same file name: the same document ids as the bundled articles
        with pytest.raises(IngestError, match="存储中没有文档"):
            remove_document(store, "nonexistent")
        assert quads(store) == before


def test_gb18030_and_gbk_files_give_the_same_facts(built: Path, tmp_path: Path):
    text = YUBEI.read_text(encoding="utf-8")
    with Store(built) as store:
        utf8 = ingest(store, [write(tmp_path / "a-utf8.txt", text)]).documents[0]
        gbk = ingest(store, [write(tmp_path / "b-gbk.txt", text, "gbk")]).documents[0]  # detected
        gb18030 = ingest(store, [write(tmp_path / "c-gb18030.txt", text, "gb18030")], encoding="gb18030").documents[0]

        def facts(doc_id: str) -> set[tuple[str, str, str]]:
            """Relations and entity types: what does not depend on the document's id."""
            graph = store.graph(str(document_iri(doc_id)))
            return {
                (str(s), str(p), str(o))
                for s, p, o in graph
                if str(s).startswith(str(KGR)) and (p == RDF.type or str(p) in RELATIONS)
            }

        assert len(facts(utf8.doc_id)) > 20
        assert facts(utf8.doc_id) == facts(gbk.doc_id) == facts(gb18030.doc_id)


def test_binary_file_fails_the_whole_batch_and_leaves_the_store(built: Path, tmp_path: Path):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with Store(built) as store:
        before = quads(store)
        with pytest.raises(DocumentError, match=r"scan\.txt：二进制文件"):
            ingest(store, [YUBEI, binary])
        assert quads(store) == before


def test_empty_file_and_file_without_entities(built: Path, tmp_path: Path):
    empty = write(tmp_path / "empty.txt", "")
    plain = write(tmp_path / "weather.txt", "今天天气很好，我们一起去公园散步。\n")
    with Store(built) as store:
        before = quads(store)
        report = ingest(store, [empty, plain])
        assert report.documents == []
        assert [reason for _, reason in report.skipped] == [
            "没有文字",
            f"doc-{_digest(plain)} 中没有找到实体或关系",
        ]
        assert quads(store) == before


def _digest(path: Path) -> str:
    import hashlib

    return hashlib.sha1(path.name.encode("utf-8")).hexdigest()[:8]


# -- command line -----------------------------------------------------------------------------------------


def test_cli_ingest_docs_and_remove(built: Path, tmp_path: Path):
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", "--store", str(built), str(YUBEI), str(WUHOU)])
    assert result.exit_code == 0, result.output
    assert "已添加" in result.output and "extracting" not in result.output  # no progress bar when not a terminal
    listing = runner.invoke(main, ["docs", "--store", str(built)])
    assert listing.exit_code == 0 and "自动抽取" in listing.output and "人工整理" in listing.output
    doc_id = next(line.split()[0] for line in listing.output.splitlines() if line.startswith("yubei-"))
    removed = runner.invoke(main, ["docs", "remove", "--store", str(built), doc_id])
    assert removed.exit_code == 0 and f"已删除 {doc_id}" in removed.output
    again = runner.invoke(main, ["docs", "remove", "--store", str(built), doc_id])
    assert again.exit_code == 1 and f"存储中没有文档 '{doc_id}'" in again.output


def test_cli_messages_for_empty_and_entity_free_files(built: Path, tmp_path: Path):
    empty = write(tmp_path / "empty.txt", "")
    plain = write(tmp_path / "weather.txt", "今天天气很好，我们一起去公园散步。\n")
    runner = CliRunner()
    for command in (["ingest", "--store", str(built)], ["extract"]):
        result = runner.invoke(main, [*command, str(empty), str(plain)])
        assert result.exit_code == 0, result.output
        assert "empty.txt：没有文字" in result.output
        assert "weather.txt：doc-" in result.output and "中没有找到实体或关系" in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)  # no traceback


def test_cli_binary_file_is_a_clear_error(built: Path, tmp_path: Path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 64)
    with Store(built) as store:
        before = quads(store)
    process = subprocess.run(
        [sys.executable, "-m", "kg.cli", "ingest", "--store", str(built), str(YUBEI), str(binary)],
        capture_output=True,
        text=True,
    )
    assert process.returncode != 0
    assert process.stderr.strip().splitlines() == [f"kg: {binary}：二进制文件，不是文本"]
    with Store(built) as store:
        assert quads(store) == before
    extract = subprocess.run([sys.executable, "-m", "kg.cli", "extract", str(binary)], capture_output=True, text=True)
    assert extract.returncode != 0 and "二进制文件" in extract.stderr and extract.stdout == ""


def test_cli_extract_formats_and_eval(tmp_path: Path):
    runner = CliRunner()
    out = tmp_path / "yubei.trig"
    result = runner.invoke(main, ["extract", str(YUBEI), "--format", "trig", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "GRAPH" in out.read_text(encoding="utf-8") or "{" in out.read_text(encoding="utf-8")
    jsonl = runner.invoke(main, ["extract", str(WUHOU), "--format", "jsonl"])
    assert jsonl.exit_code == 0 and '"type": "relation"' in jsonl.output
    gbk = write(tmp_path / "gbk.txt", WUHOU.read_text(encoding="utf-8"), "gbk")
    forced = runner.invoke(main, ["extract", str(gbk), "--encoding", "gbk"])
    assert forced.exit_code == 0 and "kg:cooperatesWith" in forced.output
    scores = runner.invoke(main, ["extract", "--eval", str(Path(__file__).parent / "fixtures" / "extract_gold")])
    assert scores.exit_code == 0 and "各种类的关系" in scores.output
    both = runner.invoke(main, ["extract", str(YUBEI), "--eval", "data"])
    assert both.exit_code == 2 and "不能同时给" in both.output


def test_extracted_graphs_conform_to_the_shapes(tmp_path: Path):
    """The project's SHACL shapes accept what extraction writes (seed newspaper page and press releases)."""
    from kg.outputs.validate import validate_file

    raw = Path(__file__).parent.parent / "data" / "raw" / "000_091f230f3370da1a.txt"
    out = tmp_path / "extracted.trig"
    result = CliRunner().invoke(
        main, ["extract", str(raw), str(YUBEI), str(WUHOU), "--format", "trig", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    report = validate_file(out)
    assert report.conforms, [(v.label, v.rule, v.message) for v in report.violations][:5]


# -- a remote SPARQL endpoint (a real `oxigraph serve` process) ------------------------------------------


def test_ingest_docs_and_remove_through_a_sparql_endpoint(endpoint: str):
    from kg.store.remote import RemoteStore

    def remote_quads() -> set[str]:
        return {str(q) for q in RemoteStore(endpoint).quads()}

    before = remote_quads()
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", "--endpoint", endpoint, str(YUBEI)])
    assert first.exit_code == 0, first.output
    after = remote_quads()
    assert len(after) > len(before)
    again = runner.invoke(main, ["ingest", "--endpoint", endpoint, str(YUBEI)])
    assert again.exit_code == 0 and "已替换" in again.output
    assert remote_quads() == after
    listing = runner.invoke(main, ["docs", "--endpoint", endpoint])
    doc_id = next(line.split()[0] for line in listing.output.splitlines() if line.startswith("yubei-"))
    removed = runner.invoke(main, ["docs", "remove", "--endpoint", endpoint, doc_id])
    assert removed.exit_code == 0, removed.output
    assert remote_quads() == before


def _corpus(tmp_path: Path, n: int) -> Path:
    from kg.sources.synth import synth_documents

    synth_documents(n, tmp_path / "corpus", seed=3)
    return tmp_path / "corpus"


def _graphs(store: Store) -> dict[str, set]:
    return {g: {q.triple for q in store.quads(g)} for g in store.graph_names()}


def test_ingest_a_folder_in_worker_processes_equals_one_process(tmp_path: Path):
    corpus = _corpus(tmp_path, 4)
    (corpus / "batch-0000" / "nested").mkdir()
    (corpus / "batch-0000" / "release-00003.txt").rename(corpus / "batch-0000" / "nested" / "release-00003.txt")
    with Store(tmp_path / "one") as one, Store(tmp_path / "two") as two:
        serial = ingest(one, [corpus], batch=3)
        parallel = ingest(two, [corpus], jobs=2, batch=3)
        assert len(serial.documents) == len(parallel.documents) == 4  # found recursively
        assert _graphs(one) == _graphs(two)
        assert ingest(two, [corpus], jobs=2).replaced == sorted(d.doc_id for d in parallel.documents)
        assert _graphs(one) == _graphs(two)  # re-ingesting changes nothing


def test_ingest_on_a_dask_cluster_equals_one_process(tmp_path: Path):
    from distributed import LocalCluster

    corpus = _corpus(tmp_path, 3)
    cluster = LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None)
    with cluster, Store(tmp_path / "dask") as far, Store(tmp_path / "here") as here:
        ingest(here, [corpus])
        report = ingest(far, [corpus], scheduler=cluster.scheduler_address)
        assert len(report.documents) == 3
        assert _graphs(far) == _graphs(here)
    result = CliRunner().invoke(
        main, ["ingest", str(corpus), "--scheduler", "tcp://127.0.0.1:1", "--store", str(tmp_path / "x")]
    )
    assert result.exit_code == 1 and "无法连接 Dask 调度器" in result.output


def test_workers_run_at_most_a_window_ahead_of_the_writer():
    """Finished extractions never pile up: at most ``window`` are submitted and not yet taken, in order."""
    from kg.extract.ingest import _ahead

    submitted: list[int] = []
    taken: list[int] = []
    for result in _ahead(lambda article, top: submitted.append(article) or (article, top), range(50), iter([]), 4):
        taken.append(result[0])
        assert len(submitted) - len(taken) <= 4  # the writer is slow here: the window, not the corpus, waits
    assert taken == list(range(50)) and submitted == taken


def _names_table(index) -> set[tuple]:
    return set(index.db.execute("SELECT name, iri, graph, field, classes, district, city FROM names").fetchall())


def test_name_index_stays_in_step_with_ingest_remove_and_load(built: Path, tmp_path: Path):
    """The index of names beside the store equals one rebuilt from the whole store after every kind of write."""
    from kg.store.load import load_files
    from kg.store.search import SearchIndex, ensure_index, graph_rows

    def rebuilt(store: Store) -> set[tuple]:
        fresh = SearchIndex(":memory:")
        fresh.rebuild({name: graph_rows(store, name) for name in store.graph_names()})
        return _names_table(fresh)

    extra = tmp_path / "extra.ttl"
    extra.write_text(
        f"<{KGR}tong-liang-yan-shi-zhong-xue> a <{KG}SecondarySchool> ; "
        '<http://www.w3.org/2000/01/rdf-schema#label> "铜梁验收中学"@zh .\n',
        encoding="utf-8",
    )
    with Store(built) as store:
        ensure_index(store).close()  # the index exists from here on: every write must keep it in step
        report = ingest(store, [write(tmp_path / "dazu-week.txt", DAZU_RELEASE)])
        index = ensure_index(store)
        doc = report.documents[0].iri
        assert doc in {row[2] for row in index.entities_named(["大足区家长学校总校"])}
        assert _names_table(index) == rebuilt(store)
        remove_document(store, report.documents[0].doc_id)
        assert not [r for r in index.entities_named(["大足区家长学校总校"]) if r[2] == doc]
        assert _names_table(index) == rebuilt(store)
        load_files(store, [extra])
        assert index.entities_named(["铜梁验收中学"])
        assert _names_table(index) == rebuilt(store)
        index.close()


def test_store_names_of_a_text_are_those_the_whole_store_gives(built: Path):
    """Looking up a document's names in the index gives the entities reading the whole store gives."""
    from kg.extract.gazetteer import Gazetteer, StoreNames
    from kg.model.vocab import DATA_DIR
    from kg.sources.curated import load_curated

    text = YUBEI.read_text(encoding="utf-8") + DAZU_RELEASE
    with Store(built) as store:
        ingest(store, [WUHOU])
        whole = Gazetteer.from_store(store)
        names = StoreNames(store)
        try:
            found = names.for_text(text)
        finally:
            names.close()
        in_text = [name for name in whole.names if name in text]
        assert len(in_text) > 10
        for name in in_text:
            assert sorted(found.bucket(name), key=str) == sorted(whole.bucket(name), key=str), name
        base = Gazetteer.from_curated(load_curated(DATA_DIR))
        assert list(found.over(base).finditer(text)) == list(found.merged(base).finditer(text))


def test_ingest_keeps_the_names_the_confidence_model_asks_for(built: Path, tmp_path: Path):
    text = "青川职业技术学院积极广泛与地方政府开展交流。青川职业技术学院与星海科技有限公司签署校企合作协议。\n"
    runner = CliRunner()
    labels = "SELECT ?l WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
    for threshold, kept in (("0", True), (None, False)):
        source = write(tmp_path / f"signing-{threshold}.txt", text)
        store = tmp_path / f"store-{threshold}"
        shutil.copytree(built, store)
        options = [] if threshold is None else ["--min-confidence", threshold]
        # (two files and two workers: the worker processes read the chosen model too)
        result = runner.invoke(main, ["ingest", "--store", str(store), *options, str(source), str(YUBEI), "-j", "2"])
        assert result.exit_code == 0, result.output
        with Store(store) as opened:
            found = {str(row["l"]) for row in opened.select(labels)}
        assert "青川职业技术学院" in found and ("广泛与地方政府" in found) is kept
