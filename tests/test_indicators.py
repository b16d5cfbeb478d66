"""District indicators of 巴南区 and 大足区, checked against counts made by hand from data/curated/*.yaml."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from kg.analysis.indicators import (
    DEFINITIONS,
    DistrictIndicators,
    UnknownPlaceError,
    compare,
    district_indicators,
    districts_with_members,
    entropy,
    place_indicators,
    place_members,
    resolve_place,
    stated_indicators,
    store_indicators,
    store_places,
)
from kg.analysis.metrics import simple_graph
from kg.analysis.projection import UnknownEntityError, project
from kg.model.sectors import SECTOR_OF_CLASS
from kg.model.terms import ancestors
from kg.model.vocab import classes
from kg.store.embedded import Store


@pytest.fixture(scope="module")
def graph(store: Store) -> nx.MultiDiGraph:
    return project(store)


@pytest.fixture(scope="module")
def results(store: Store, graph: nx.MultiDiGraph):
    banan, dazu = compare(graph, ["巴南区", "大足"], stated_indicators(store))  # label and alias both work
    return banan, dazu


def test_banan_education_industry(results):
    banan, _ = results
    v = banan.values
    # entities.yaml: 47 entities have district 巴南区, plus 巴南区 itself.
    assert v["entities"] == 48
    # Schools and colleges located in 巴南区: 市实验中学 清华中学 融创中学 渝南田家炳中学 (SecondarySchool),
    # 昕晖 龙洲湾 大江 树人立德 融汇 (PrimarySchool), 重庆工业管理职业学校 巴南职教中心 (SecondaryVocationalSchool),
    # 重庆理工大学 (University), 重庆青年职业技术学院 (VocationalCollege) = 13; 重庆财经学院 has no district.
    assert v["schools_and_colleges"] == 13
    # banan-d85cd3f1.yaml, education ↔ company / industry platform:
    #   巴南职教中心 integratesWith 华为赛力斯, 涵泰汽修, 长安汽车, 问界 (4 pairs, 4 assertions);
    #   巴南职教中心 builds + 实训基地 locatedIn 巴南职教中心 (1 pair, 2 assertions);
    #   重庆青年职业技术学院 leads 国际合作中心, leads 新型显示产教联合体 (2 pairs);
    #   新能源汽车现代产业学院 partOf 重庆理工大学 (1 pair) → 8 pairs, 9 assertions.
    assert v["education_industry_ties"] == 8
    assert v["education_industry_assertions"] == 9
    # Those with an industry partner: 巴南职教中心 (5), 青年职院 (2), 重庆理工大学 (1) → 3 of 13, max 5, mean 8/13.
    assert v["schools_with_industry_partner"] == 3
    assert v["share_with_industry_partner"] == pytest.approx(3 / 13)
    assert v["industry_partners_max"] == 5
    assert v["industry_partners_median"] == 0
    assert v["industry_partners_mean"] == pytest.approx(8 / 13)
    partners = {s.label: (len(s.industry_partners), s.companies) for s in banan.schools}
    assert partners["巴南职教中心"] == (5, 4)
    assert partners["重庆青年职业技术学院"] == (2, 0)


def test_banan_platforms(results):
    banan, _ = results
    # Platforms located in 巴南区: 南温泉解放重庆遗址群 报国园 烈士墙 (PracticeBase), 新能源汽车现代产业学院
    # 淘宝教育西南学院 (IndustryCollege), 重庆高职城 (park), 华为ICT实训基地 新能源汽车实训基地 (TrainingBase),
    # 教联体 = 9; plus two located nowhere but led by 青年职院: 国际合作中心 and 新型显示产教联合体 = 11.
    assert banan.values["platforms"] == 11
    by_label = {p.label: p for p in banan.platforms}
    base = by_label["重庆市高水平产教融合新能源汽车实训基地"]
    # built by 巴南职教中心, 华为赛力斯, 涵泰汽修; located in 巴南职教中心 → 1 school, 2 companies: co-built.
    assert (base.schools, base.companies, base.co_built) == (1, 2, True)
    assert banan.values["co_built_platforms"] == 1  # the only platform with a school and a company
    park = by_label["重庆高职城"]
    # ICT base and 淘宝教育西南学院 are located in it; it is located in 巴南区.
    assert (park.platforms, park.government, park.companies) == (2, 1, 0)
    (alliance,) = banan.alliances
    assert alliance.label == "重庆市新型显示产教联合体"
    assert alliance.checks["lead school or college"] and not alliance.checks["lead enterprise"]


def test_banan_borders_sectors_and_initiative(results):
    banan, _ = results
    v = banan.values
    # 巴南区 cooperatesWith 成都温江区 and 成都高新区; 巴南区社区学院 cooperatesWith 成都高新区社区学院:
    # three ties to another district, all three also to another city (成都市).
    assert (v["cross_district_ties"], v["cross_city_ties"]) == (3, 3)
    assert {(banan.labels[m], banan.labels[p]) for m, p, kind in banan.cross_border if kind == "city"} == {
        ("巴南区", "成都温江区"),
        ("巴南区", "成都高新区"),
        ("巴南区社区学院", "成都高新区社区学院"),
    }
    # Actor ties with an end of no district: 巴南区–重庆财经学院, 青年职院–国际合作中心, 青年职院–新型显示,
    # 巴南职教中心–4 companies, 实训基地–华为赛力斯, 实训基地–涵泰汽修, and the namesake link
    # 华为ICT实训基地 → 华为 (kg:namedAfter, added by the build) = 10.
    assert v["unlocated_ties"] == 10
    # Within 巴南区: 巴南区–理工大学/青年职院/教联体/高职城, 教委–司法局/法院/检察院/公安分局, 进修学院–家长学校总校,
    # ICT–高职城, 淘宝–高职城, 职教中心–实训基地, 产业学院–理工大学, 报国园–市实验中学, 烈士墙–清华中学 = 15.
    assert v["within_district_ties"] == 15
    # Partner sectors: 青年职院 {industry 2, government 1}, 理工大学 {industry 1, government 1}.
    mix = {s.label: s for s in banan.schools}
    assert mix["重庆青年职业技术学院"].sectors == {"education": 0, "industry": 2, "government": 1, "society": 0}
    assert mix["重庆理工大学"].entropy == pytest.approx(1.0)
    assert mix["融汇小学"].entropy is None  # no partner in any sector
    # initiates/leads/builds/hosts: government 巴南区 11 initiates + 1 builds, 教委 + 4 bodies 5 initiates = 17;
    # education 进修学院 1, 家长学校总校 2, 大江小学 3, 树人立德小学 1, 青年职院 2, 职教中心 1 = 10;
    # industry 华为赛力斯 and 涵泰汽修 build the training base = 2.
    assert (v["initiatives_by_government"], v["initiatives_by_education"], v["initiatives_by_industry"]) == (17, 10, 2)
    # 家长学校总校, 3 practice bases, 教联体.
    assert banan.coeducation == {
        "ParentSchool": 1,
        "ServiceCenter": 0,
        "PracticeBase": 3,
        "CollaborativeEducationAlliance": 1,
        "SocialOrganization": 0,
    }


def test_dazu(results):
    _, dazu = results
    v = dazu.values
    assert v["entities"] == 49  # 48 entities with district 大足区, plus 大足区
    # 大足区's only located school is 海棠小学; 北京师范大学 and 重庆第二师范学院 have no district.
    assert v["schools_and_colleges"] == 1
    # No company and no industry platform appear in dazu-d85cd3f1.yaml.
    assert v["education_industry_ties"] == 0 and v["schools_with_industry_partner"] == 0
    assert v["share_with_industry_partner"] == 0.0
    # Located platforms: 区级联盟型集团化办学项目, 师德师风投诉举报平台, 家庭教育指导服务中心, GEBUS,
    # 课堂教学行为热力图;
    # plus 领雁工程市级联盟型集团化办学项目 that 大足区 participates in = 6 (智能研修平台 has no relation).
    assert v["platforms"] == 6 and v["co_built_platforms"] == 0
    assert (v["cross_district_ties"], v["cross_city_ties"]) == (0, 0)
    # 大足区 28 initiates + 4 builds + 1 hosts; 区委, 教育工委, 教委 lead (3); 教委/公安局/民政局 5 initiates each = 51.
    # Society: 妇联 leads 家长学校总校 = 1.
    assert (v["initiatives_by_government"], v["initiatives_by_society"], v["initiatives_by_education"]) == (51, 1, 0)
    # 家长学校总校, 家庭教育指导服务中心, 区级联盟型集团化办学项目, 妇联.
    assert v["coeducation_resources"] == 4
    assert v["mean_sector_entropy"] is None  # 海棠小学's only partner is a person


def test_stated_indicators(results, store: Store):
    banan, dazu = results
    everything = stated_indicators(store)
    assert len(everything) == 55
    # banan-d85cd3f1.yaml states 17 indicators, dazu-d85cd3f1.yaml 38; each is attributed to its district
    # (智能研修平台 and 陈凤娟 have no district: they fall back to their article's district, 大足区).
    assert len(banan.stated) == banan.values["stated_indicators"] == 17
    assert len(dazu.stated) == dazu.values["stated_indicators"] == 38
    park = {s.measure: s for s in banan.stated if s.subject_label == "重庆高职城"}
    assert (park["院校"].value, park["企业"].value, park["企业"].approximate) == (9, 200, True)
    assert park["优秀毕业生"].text == "5万余名" and park["优秀毕业生"].value == 50000
    trained = next(s for s in dazu.stated if s.measure == "教师培训")
    assert (trained.value, trained.unit, trained.qualifier) == (80000, "人次", "余")
    # Indicators of one sentence come in the order of their number phrases.
    medals = [s.text for s in banan.stated if s.subject_label == "渝南田家炳中学"]
    assert medals == ["110名运动员", "24金", "12银", "16铜", "1金", "1银"]


def test_members_and_places(graph):
    assert len(place_members(graph, resolve_place(graph, "重庆市"))) > 90  # a city holds its districts' entities
    with pytest.raises(UnknownPlaceError, match="不是区县"):
        resolve_place(graph, "巴南职教中心")
    with pytest.raises(UnknownEntityError, match="是否要找"):
        resolve_place(graph, "巴南县")


def test_definitions_cover_every_value(results):
    for result in results:
        assert set(result.values) == set(DEFINITIONS)


def test_indicators_on_a_hand_built_district():
    G = nx.MultiDiGraph()
    nodes = {
        "d": ("甲区", "District", ""),
        "s": ("甲职校", "SecondaryVocationalSchool", "甲区"),
        "p": ("甲小学", "PrimarySchool", "甲区"),
        "c": ("乙公司", "Company", ""),
        "b": ("实训基地", "TrainingBase", "甲区"),
        "g": ("甲区教委", "GovernmentAgency", "甲区"),
    }
    for node, (label, cls, district) in nodes.items():
        G.add_node(node, label=label, cls=cls, district=district, city="某市", aliases=[])
    G.add_edge("s", "c", relation="integratesWith")
    G.add_edge("s", "b", relation="builds")
    G.add_edge("c", "b", relation="builds")
    G.add_edge("g", "p", relation="leads")
    result = district_indicators(G, "d")
    v = result.values
    assert (v["schools_and_colleges"], v["schools_with_industry_partner"]) == (2, 1)
    assert (v["education_industry_ties"], v["co_built_platforms"], v["platforms"]) == (2, 1, 1)
    assert (v["initiatives_by_education"], v["initiatives_by_industry"], v["initiatives_by_government"]) == (1, 1, 1)
    assert v["mean_sector_entropy"] == 0.0  # each school's partners are of one sector
    assert entropy([1, 1, 1, 1]) == 2.0


def test_the_readme_lists_every_indicator_definition():
    """Adding an indicator is one entry in DEFINITIONS; the README's table is its rendering."""
    from kg.analysis.indicators import DEFINITIONS

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- indicators:")
    table = readme[readme.index("\n", start) + 1 : readme.index("<!-- /indicators -->")].strip().splitlines()
    expected = ["| indicator | definition |", "|---|---|"]
    expected += [f"| {label} | {definition} |" for label, definition in DEFINITIONS.values()]
    assert table == expected, "regenerate the README table from kg.analysis.indicators.DEFINITIONS"


# -- the same indicators counted inside the store ------------------------------------------------------------


def assert_same(counted: DistrictIndicators, projected: DistrictIndicators) -> None:
    for key in DEFINITIONS:
        assert counted.values[key] == pytest.approx(projected.values[key]), (counted.label, key)
    assert counted.coeducation == projected.coeducation, counted.label
    assert [s.iri for s in counted.stated] == [s.iri for s in projected.stated], counted.label


def check_store_against_projection(store: Store) -> int:
    """Every district's and city's in-store indicators equal those computed over the projection."""
    graph = project(store)
    simple, stated = simple_graph(graph), stated_indicators(store)
    checked = 0
    for city in (False, True):
        places = store_places(store, city=city)
        if not city:  # the same districts, in the same order, as the projection's
            assert places == districts_with_members(graph)
        for counted in store_indicators(store, places, city=city, batch=7):
            assert_same(counted, district_indicators(graph, counted.place, stated, simple=simple))
            checked += 1
    return checked


def test_store_indicators_equal_the_projection_on_the_bundled_graph(store: Store, results):
    assert check_store_against_projection(store) == 5  # 巴南区, 大足区, 成都高新区; 重庆市, 成都市
    banan, _ = results
    (counted,) = store_indicators(store, [banan.place])
    assert (counted.label, counted.values["education_industry_ties"], len(counted.stated)) == ("巴南区", 8, 17)


def test_store_indicators_equal_the_projection_on_a_generated_graph(tmp_path: Path):
    from kg.sources.synth import synth_quads
    from kg.store.load import load_files

    data = tmp_path / "g.nq"
    data.write_text("".join(synth_quads(1500, 3)), encoding="utf-8")
    with Store(tmp_path / "store") as generated:
        load_files(generated, [data])
        assert check_store_against_projection(generated) >= 5


def test_place_indicators_read_the_district_and_count_in_the_store(store: Store, results):
    banan, _ = results
    counted, graph = place_indicators(store, "巴南")  # an alias
    assert counted.values == banan.values and counted.coeducation == banan.coeducation
    assert [s.node for s in counted.schools] == [s.node for s in banan.schools]
    assert graph.number_of_nodes() < project(store).number_of_nodes()  # its part of the graph, not the whole


def test_no_class_has_two_listed_ancestors_of_different_sectors():
    """The in-store sector test relies on it (see kg.analysis.indicators._sector)."""
    for cls in classes():
        listed = {SECTOR_OF_CLASS[a] for a in ancestors(cls) if a in SECTOR_OF_CLASS}
        assert len(listed) <= 1, (cls, listed)
