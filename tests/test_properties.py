"""Property-based tests (hypothesis): what must hold for any input, not only for the examples we thought of.

Example counts are kept modest so the suite stays fast; ``HYPOTHESIS_PROFILE=thorough`` runs more.
"""

from __future__ import annotations

import io
import os
from functools import cache

import cn2an
import pyoxigraph as ox
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, Literal

from kg.escape import XmlSafeWriter, spreadsheet_cell, xml_text
from kg.extract.pipeline import Extractor, default_gazetteer
from kg.extract.relations import _number
from kg.model.vocab import ENTITIES_GRAPH, KG, KGR, entity_iri
from kg.outputs.export import export
from kg.sources.documents import Article, clean_text
from kg.store.embedded import Store

settings.register_profile("ci", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
PUNCTUATION = st.sampled_from(list("，。、；：！？“”《》（）\n 0123456789ab余多万"))
CHINESE_TEXT = st.text(st.one_of(CJK, CJK, CJK, PUNCTUATION), max_size=300)
ANY_TEXT = st.text(max_size=200)  # any code point but surrogates: controls, bidi marks, emoji …


@given(st.one_of(CHINESE_TEXT, ANY_TEXT))
def test_the_cleaner_never_raises_and_is_deterministic(raw: str):
    articles = clean_text(raw, source="x.txt")
    assert [a.text for a in articles] == [a.text for a in clean_text(raw, source="x.txt")]
    for article in articles:
        assert isinstance(article.text, str) and "\r" not in article.text
        assert article.id


@given(ANY_TEXT)
def test_any_name_mints_a_valid_stable_iri(name: str):
    iri = entity_iri(name)
    assert str(iri).startswith(str(KGR))
    ox.NamedNode(str(iri))  # a valid IRI
    rdflib.URIRef(str(iri)).n3()  # and one rdflib writes
    assert iri == entity_iri(name)


@given(st.integers(min_value=0, max_value=10**8))
def test_chinese_numerals_read_back(n: int):
    assert _number(cn2an.an2cn(n)) == n
    assert _number(str(n)) == n


@given(st.text(max_size=50))
def test_number_parsing_never_raises(text: str):
    if text:
        _number(text)


@cache
def _extractor() -> Extractor:
    return Extractor(default_gazetteer())


@settings(max_examples=25)
@given(CHINESE_TEXT, st.sampled_from(["", "巴南区", "大足区"]))
def test_the_extractor_never_raises_and_stays_inside_the_text(text: str, district: str):
    article = Article(id="doc", title="", text=text, district=district, city="重庆市" if district else "")
    extraction = _extractor().extract(article)
    for mention in extraction.mentions:
        assert 0 <= mention.start <= mention.end <= len(text)
    for fact in [*extraction.relations, *extraction.indicators]:
        assert 0 <= fact.start <= fact.end <= len(text)
        assert text[fact.start : fact.end].strip()  # the evidence is a verbatim, non-empty piece of the text
    for indicator in extraction.indicators:
        assert indicator.text in text


def _store_with(labels: list[str]) -> Store:
    store = Store()
    graph = rdflib.Graph()
    for index, label in enumerate(labels):
        entity = KGR[f"e{index}"]
        graph.add((entity, RDF.type, KG.Company))
        graph.add((entity, RDFS.label, Literal(label, lang="zh")))
    store.replace_graphs({ENTITIES_GRAPH: graph})
    return store


@settings(max_examples=25)
@given(st.lists(ANY_TEXT, min_size=1, max_size=4))
def test_rdf_exports_round_trip_any_label(labels: list[str]):
    store = _store_with(labels)
    expected = {(KGR[f"e{i}"], Literal(label, lang="zh")) for i, label in enumerate(labels)}
    for fmt, parse_as in [("turtle", "turtle"), ("n-triples", "nt"), ("n-quads", "nquads"), ("trig", "trig"),
                          ("json-ld", "json-ld")]:  # fmt: skip
        out = io.BytesIO()
        export(store, fmt, out)
        dataset = rdflib.Dataset(default_union=True).parse(data=out.getvalue(), format=parse_as)
        assert set(dataset.subject_objects(RDFS.label)) == expected, fmt
    out = io.BytesIO()
    export(store, "rdf-xml", out)  # XML 1.0 cannot hold every character: those it forbids are dropped
    graph = rdflib.Graph().parse(data=out.getvalue(), format="xml")
    assert set(graph.subject_objects(RDFS.label)) == {(s, Literal(xml_text(str(o)), lang="zh")) for s, o in expected}


@given(st.lists(ANY_TEXT, max_size=5), st.integers(min_value=1, max_value=7))
def test_the_xml_filter_drops_exactly_what_xml_forbids(parts: list[str], chunk: int):
    data = "".join(parts).encode("utf-8")
    out = io.BytesIO()
    with XmlSafeWriter(out) as safe:
        for start in range(0, len(data), chunk):  # writes split anywhere, even inside a character
            safe.write(data[start : start + chunk])
    # a carriage return stays, as a character reference (a raw one would come back as a line feed)
    assert out.getvalue().decode("utf-8") == xml_text("".join(parts)).replace("\r", "&#13;")


@given(ANY_TEXT)
def test_a_spreadsheet_cell_never_starts_a_formula(value: str):
    cell = spreadsheet_cell(value)
    assert cell == value or cell == "'" + value
    if cell.startswith(("=", "+", "-", "@", "\t", "\r")):
        float(cell)  # only a plain number may


@cache
def _block_extractor() -> Extractor:
    return Extractor(_extractor().gazetteer, block=120)  # blocks of ~120 characters: every text has several


SENTENCES = st.sampled_from(
    [
        "渝北职业教育中心与华为技术有限公司签署校企合作协议，共建华为ICT实训基地。",
        "巴南区教委实施“巴娃守护”关爱行动，200余家企业参与。",
        "重庆理工大学与巴南区人民政府签约，共建产教联合体。",
        "区教委牵头组建巴南区智能制造产教联合体，首批八所学校加入。",
        "\n",
    ]
)


@settings(max_examples=15)
@given(st.lists(st.one_of(SENTENCES, CHINESE_TEXT), min_size=1, max_size=12))
def test_a_long_text_read_in_parts_gives_what_it_states_once_and_verbatim(pieces: list[str]):
    text = "".join(pieces)
    article = Article(id="long", title="", text=text, district="巴南区", city="重庆市")
    parts = list(_block_extractor().parts(article))
    assert parts[0].first and parts[-1].last and all(not p.first for p in parts[1:])
    keys = [r.key() for part in parts for r in part.relations]
    assert len(keys) == len(set(keys))  # each relation once over the document
    for part in parts:
        for fact in [*part.relations, *part.indicators]:
            assert 0 <= fact.start <= fact.end <= len(text)
            assert text[fact.start : fact.end].strip()
    whole = _block_extractor().extract(article)  # the same, gathered
    assert [r.key() for r in whole.relations] == keys
    for mention in whole.mentions:
        assert 0 <= mention.start <= mention.end <= len(text)


@settings(max_examples=15)
@given(st.lists(ANY_TEXT, min_size=1, max_size=3))
def test_graph_exports_are_read_back_by_networkx_with_any_label(labels: list[str]):
    import networkx as nx

    store = _store_with(labels)
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = io.BytesIO()
        export(store, fmt, out)
        graph = read(io.BytesIO(out.getvalue()))
        values = {str(v) for _, data in graph.nodes(data=True) for v in data.values()} | set(map(str, graph.nodes))
        for label in labels:
            if xml_text(label).strip():
                assert any(xml_text(label).strip() in v for v in values), (fmt, label)
