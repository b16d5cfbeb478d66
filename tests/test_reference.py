"""Reference gazetteers: the national list of higher-education institutions, GB/T 2260 divisions, public bodies."""

from __future__ import annotations

from rdflib import XSD

from kg.extract.gazetteer import Gazetteer
from kg.extract.pipeline import Extractor
from kg.model.vocab import KGR
from kg.sources.documents import Article
from kg.sources.reference import REFERENCE_DIR, bodies, divisions, lookup, universities
from kg.store.embedded import Store


def test_lists_are_complete_compact_and_well_formed():
    unis, places = universities(), divisions()
    assert len(unis) > 2600 and len({u.code for u in unis}) == len(unis)
    assert all(len(u.code) == 10 and u.code.isdigit() and u.province for u in unis)
    assert {u.details["level"] for u in unis} == {"本科", "专科"}
    assert sum(u.details["ownership"] == "民办" for u in unis) > 600
    counties = [p for p in places if p.details["level"] == "county"]
    assert len(counties) > 2800 and all(len(p.code) == 6 and p.parent for p in counties)
    assert sum(bool(p.latitude) for p in counties) > 0.85 * len(counties)  # 2,705 of 3,048 have coordinates
    codes = {p.code for p in places}
    assert all(p.parent in codes for p in places if p.parent)  # every parent is in the list
    assert any(b.details["scope"] == "central" and b.name == "教育部" for b in bodies())
    assert sum(f.stat().st_size for f in REFERENCE_DIR.rglob("*") if f.is_file()) < 2_000_000


def test_lookup_by_name_class_and_place():
    assert lookup("重庆理工大学").code == "4150011660"
    assert lookup("重庆科技学院").name == "重庆科技大学"  # a former name (2024 rename) finds the school
    assert lookup("重庆理工大学", "Company") is None  # a college is not a company
    assert lookup("巴南区").code == "500113" and lookup("巴南区").parent == "500100"
    assert lookup("鼓楼区") is None  # five cities have one: ambiguous without the place
    assert lookup("鼓楼区", city="福州市").code == "350102"
    assert lookup("华为") is None
    assert lookup("扬州职业大学").name == "扬州市职业大学"  # named after its city, 市 left out


def test_bundled_entities_carry_their_identifiers_and_coordinates(store: Store):
    rows = store.select("SELECT ?e ?code WHERE { { ?e kg:moeCode ?code } UNION { ?e kg:divisionCode ?code } }")
    codes = {str(r["e"]).rsplit("/", 1)[-1]: str(r["code"]) for r in rows}
    assert codes["chong-qing-li-gong-da-xue"] == "4150011660"
    assert codes["chong-qing-qing-nian-zhi-ye-ji-shu-xue-yuan"] == "4150014069"
    assert codes["chong-qing-cai-jing-xue-yuan"] == "4150013590"
    assert codes["ba-nan-qu"] == "500113" and codes["da-zu-qu"] == "500111" and codes["chong-qing-shi"] == "500000"
    (row,) = store.select(
        f"SELECT ?lat ?long WHERE {{ <{KGR['ba-nan-qu']}> schema:latitude ?lat ; schema:longitude ?long }}"
    )
    assert row["lat"].datatype == XSD.decimal and 29 < float(row["lat"]) < 30 and 106 < float(row["long"]) < 107


def test_reference_names_are_recogniser_candidates():
    gazetteer = Gazetteer.from_reference()
    assert gazetteer.lookup("西南大学").cls == "University"
    assert gazetteer.lookup("重庆青年职业技术学院").cls == "VocationalCollege"
    assert gazetteer.lookup("人社部").label == "人力资源和社会保障部"
    assert gazetteer.lookup("大足区").cls == "District"
    assert "城区" not in gazetteer  # two-character division names are words first


def test_a_vocational_university_is_a_university_unless_the_list_says_otherwise():
    gazetteer = Gazetteer.from_reference()
    article = Article(id="t", title="", text="青川工程职业技术大学与南通职业大学签约。")
    classes = {e.label: e.cls for e in Extractor(gazetteer).extract(article).entities}
    assert classes["青川工程职业技术大学"] == "University"  # 职业技术大学: 本科 since 2019
    assert classes["南通职业大学"] == "VocationalCollege"  # 专科 in the national list
