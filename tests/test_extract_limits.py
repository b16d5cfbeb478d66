"""Extraction under hostile or unusual input: long known names, huge texts, UTF-16, RDF given as text,
long unpunctuated lines, and the publisher of a school's own news (我校).

Texts are written for these tests.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.extract.gazetteer import MAX_NAME_LENGTH, Gazetteer, Known
from kg.extract.pipeline import Extractor, text_blocks
from kg.extract.sentences import MAX_CLAUSE, MAX_SENTENCE, segments
from kg.model.names import entity_iri  # (as text: what extraction gives)
from kg.sources.documents import Article, DocumentError, read_text
from kg.store.embedded import Store

RELEASE = "渝北职业教育中心与华为技术有限公司签署校企合作协议，共建华为ICT实训基地。\n"


@pytest.fixture
def built(store_path: Path, tmp_path: Path) -> Path:
    target = tmp_path / "store"
    shutil.copytree(store_path, target)
    return target


def test_a_very_long_known_label_does_not_break_later_ingests(built: Path, tmp_path: Path) -> None:
    label = "重庆" + "很长的名称" * 120 + "有限公司"  # ~600 characters: once a RecursionError for every ingest
    turtle = tmp_path / "long.ttl"
    turtle.write_text(
        "@prefix kg: <https://w3id.org/kg-cityedu/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        f'<https://example.org/long> a kg:Company ; rdfs:label "{label}"@zh .\n',
        encoding="utf-8",
    )
    release = tmp_path / "release.txt"
    release.write_text(RELEASE, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["load", "--store", str(built), str(turtle)]).exit_code == 0
    result = runner.invoke(main, ["ingest", "--store", str(built), str(release)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    # the store's names are looked up for the text's substrings of at most MAX_NAME_LENGTH characters
    assert "已添加" in result.output


def test_gazetteer_matching_is_independent_of_name_length() -> None:
    known = Known("x", "Company", entity_iri("x"))
    names = [("甲" * n + "公司", known) for n in (2, 50, 5000)]
    gazetteer = Gazetteer(names)
    text = "与" + "甲" * 50 + "公司合作"
    assert list(gazetteer.finditer(text)) == [(1, 53, "甲" * 50 + "公司")]
    assert all(len(name) <= MAX_NAME_LENGTH for _, _, name in gazetteer.finditer("甲" * 6000 + "公司"))


def test_utf16_is_named_with_the_encoding_to_pass(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(RELEASE.encode("utf-16"))
    with pytest.raises(DocumentError, match="请加 --encoding utf-16"):
        read_text(path)
    assert read_text(path, "utf-16") == RELEASE
    result = subprocess.run([sys.executable, "-m", "kg.cli", "extract", str(path)], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"kg: {path}：UTF-16 文本（带字节顺序标记）：请加 --encoding utf-16"]


@pytest.mark.parametrize(
    "name, content",
    [
        ("data.ttl", "@prefix kg: <https://w3id.org/kg-cityedu/ontology#> .\nkg:a kg:b kg:c .\n"),
        ("comment.ttl", "# a comment\nPREFIX kg: <https://w3id.org/kg-cityedu/ontology#>\nkg:a kg:b kg:c .\n"),
        ("data.nt", "<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n"),
        ("data.rdf", '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n'),
        ("data.jsonld", '{"@context": {"kg": "https://w3id.org/kg-cityedu/ontology#"}, "@id": "kg:a"}\n'),
    ],
)
def test_rdf_given_as_text_points_to_kg_load(tmp_path: Path, built: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", "--store", str(built), str(path)])
    assert result.exit_code == 1
    assert f"请用 'kg load {path}' 载入" in result.output


def test_max_bytes_is_a_clear_error_before_anything_is_read(tmp_path: Path, built: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(RELEASE * 100, encoding="utf-8")
    with Store(built) as store:
        before = {str(q) for q in store.quads()}
    result = CliRunner().invoke(main, ["ingest", "--store", str(built), "--max-bytes", "1000", str(path)])
    assert result.exit_code == 1
    assert "超过上限 1,000；如仍要读取，请加 --max-bytes" in result.output
    with Store(built) as store:
        assert {str(q) for q in store.quads()} == before
    assert CliRunner().invoke(main, ["extract", "--max-bytes", "100000", str(path)]).exit_code == 0


def test_a_long_text_is_read_in_blocks_with_offsets_into_the_whole() -> None:
    paragraph = "渝北职业教育中心与华为技术有限公司签署校企合作协议，共建华为ICT实训基地。"
    text = "\n\n".join([paragraph] * 4000)  # several blocks
    assert len(text_blocks(text)) > 1
    read: list[int] = []
    extraction = Extractor(Gazetteer()).extract(Article(id="long", title="", text=text), progress=read.append)
    assert sum(read) == len(text)
    labels = {e.label for e in extraction.entities if e.mentions}
    assert {"渝北职业教育中心", "华为技术有限公司"} <= labels
    assert all(text[r.start : r.end].strip() for r in extraction.relations)
    assert max(len(e.mentions) for e in extraction.entities) <= 100  # memory stays flat


def test_a_long_unpunctuated_line_is_cut_into_bounded_clauses() -> None:
    text = "甲乙丙丁" * 5000
    for start, end, parts in segments(text):
        assert end - start <= MAX_SENTENCE
        assert all(b - a <= MAX_CLAUSE for a, b in parts)


def test_publisher_is_what_our_school_refers_to() -> None:
    extractor = Extractor(Gazetteer())
    text = "近日，我校与华为技术有限公司签署校企合作协议，双方将共建产业学院。我校党委书记出席。"
    given = extractor.extract(Article(id="p", title="", text=text), publisher="重庆工程职业技术学院")
    found = {(r.subject.label, r.predicate, r.object.label) for r in given.relations}
    assert ("华为技术有限公司", "integratesWith", "重庆工程职业技术学院") in found or (
        "重庆工程职业技术学院",
        "integratesWith",
        "华为技术有限公司",
    ) in found
    assert not any("我校" in e.label for e in given.entities)
    headline = "重庆工程职业技术学院与华为签约\n\n近日，我校与华为技术有限公司签署校企合作协议。"
    detected = extractor.extract(Article(id="q", title="", text=headline))
    pairs = {frozenset((r.subject.label, r.object.label)) for r in detected.relations}
    assert frozenset(("重庆工程职业技术学院", "华为技术有限公司")) in pairs


def test_a_long_text_is_written_block_by_block_and_a_kill_leaves_no_output(tmp_path: Path) -> None:
    import os
    import signal
    import time

    import pyoxigraph as ox

    from kg.sources.synth import press_release

    text = tmp_path / "long.txt"  # one document of several blocks (no byline splits it), generated by kg synth
    text.write_text("\n".join(press_release(i)[1] for i in range(300)), encoding="utf-8")
    out = tmp_path / "out.trig"
    command = [sys.executable, "-m", "kg.cli", "extract", str(text), "--format", "trig", "--out", str(out)]
    running = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    partial = tmp_path / "out.trig.part"
    deadline = time.monotonic() + 120
    while running.poll() is None and time.monotonic() < deadline:
        if partial.exists() and partial.stat().st_size > 0:  # the first blocks are written, the rest is not
            os.kill(running.pid, signal.SIGKILL)
            break
        time.sleep(0.02)
    assert running.wait() == -signal.SIGKILL, "the extraction ended before a part was written"
    assert not out.exists()  # never a partial or empty output under the name asked for

    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert not partial.exists()
    summary = re.search(r": (\d+) \S+, (\d+) \S+, (\d+) \S+$", done.stderr, re.MULTILINE)  # zh or en
    assert summary is not None, done.stderr
    quads = list(ox.parse(path=str(out), format=ox.RdfFormat.TRIG))
    kg = "https://w3id.org/kg-cityedu/ontology#"
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    typed = {
        kind: {q.subject for q in quads if q.predicate.value == rdf_type and q.object == ox.NamedNode(kg + kind)}
        for kind in ("SourceDocument", "RelationAssertion", "Indicator")
    }
    assert len(typed["SourceDocument"]) == 1  # the document once, from the first part
    assert len(typed["RelationAssertion"]) == int(summary.group(2))  # each relation once over the document
    assert len(typed["Indicator"]) == int(summary.group(3))
    # a text of several blocks is stored a block at a time: its pieces, in their order, are the text itself
    texts = {q.subject.value: q.object.value for q in quads if q.predicate.value == "https://schema.org/text"}
    positions = {
        q.subject.value: int(q.object.value) for q in quads if q.predicate.value == "https://schema.org/position"
    }
    assert len(texts) > 2 and set(texts) == set(positions)
    original = text.read_text(encoding="utf-8")
    assert "".join(texts[piece] for piece in sorted(texts, key=positions.get)) == original.strip("\n")
