"""Synthetic graphs and press releases for scale tests: ``kg synth``.

:func:`synth_quads` generates, deterministically from a seed, a graph in the
project's own ontology and data model (what ``kg export --format n-quads``
writes for the bundled data), streamed as N-Quads lines so memory stays flat
whatever the size:

* the ontology graph;
* geography: provinces (``kg:Place``) → cities (``kg:City``, ``kg:partOf`` their
  province) → districts (``kg:District`` with ``kg:city``);
* per district, realistic counts: kindergartens, primary and secondary
  schools, vocational schools, a college or university, government agencies,
  companies, platforms (training bases, alliances, industry colleges, 教联体),
  programs, events, awards and people — in the entity registry graph with
  class, ``rdfs:label``@zh, aliases, ``kg:district`` and ``kg:city``;
* relations in per-document named graphs, each as a direct triple plus a
  ``kg:RelationAssertion`` with an evidence sentence that is verbatim in the
  document's text (offsets are true), ``prov:wasDerivedFrom`` and ``kg:method``;
  the document node with headline, text, district and city; ``kg:mentionedIn``
  for every entity a document names;
* ``kg:Indicator`` nodes (counts of schools, companies, students …).

Companies' partners are heavy-tailed: a school picks a partner company of its
city with probability falling as a power of the company's rank, and now and
then one of the country's largest companies, so a few companies have hundreds
of partners and most have one or two.  About 11 triples per entity: 10⁶
entities give ≈ 10⁷ triples.

:func:`synth_documents` writes press-release-like Chinese text files (template
text written for this project) for ingest benchmarks.

>>> lines = list(synth_quads(400, seed=1, ontology=False))
>>> lines == list(synth_quads(400, seed=1, ontology=False))
True
>>> any("ontology#RelationAssertion" in line for line in lines)
True
"""

from __future__ import annotations

import gzip
import hashlib
import math
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.i18n import text
from kg.model.vocab import (
    ASSERTION,
    BASE,
    DOC,
    ENTITIES_GRAPH,
    INDICATOR,
    KG,
    KGR,
    ONTOLOGY_FILE,
    ONTOLOGY_GRAPH,
    PROV,
    SCHEMA,
    SKOS,
)
from kg.store import formats

METHOD = "synthetic"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"

# Entities per district, by class (a Chinese county-level division has on
# average ≈ 96 kindergartens, 50 primary and 24 secondary schools, 2–3
# vocational schools and ≈ 1 college; companies and the rest are the share a
# press corpus would name).  ≈ 350 per district: 10⁶ entities ≈ 2,850
# districts, the number of county-level divisions of China.
PER_DISTRICT: dict[str, int] = {
    "GovernmentAgency": 6,
    "Kindergarten": 90,
    "PrimarySchool": 50,
    "SecondarySchool": 24,
    "SecondaryVocationalSchool": 3,
    "College": 1,  # University, VocationalCollege or College, by the district's roll
    "Company": 110,
    "TrainingBase": 4,
    "PracticeBase": 2,
    "IndustryEducationAlliance": 1,
    "IndustryCollege": 1,
    "CollaborativeEducationAlliance": 2,
    "Initiative": 8,
    "Project": 4,
    "Course": 4,
    "Campaign": 3,
    "Competition": 2,
    "Festival": 1,
    "Conference": 1,
    "Prize": 3,
    "HonoraryTitle": 3,
    "Designation": 3,
    "Person": 20,
    "SocialOrganization": 2,
    "ParentSchool": 1,
    "ContinuingEducationInstitution": 1,
}
DISTRICTS_PER_CITY = 9
CITIES_PER_PROVINCE = 11
RELATIONS_PER_DOCUMENT = 24
TITLES = ("推进产教融合", "深化教育改革", "建设教育强区", "促进城教共生")

PROVINCES = [
    "河北省",
    "山西省",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "海南省",
    "四川省",
    "贵州省",
    "云南省",
    "陕西省",
    "甘肃省",
    "青海省",
    "台湾省",
    "内蒙古自治区",
    "广西壮族自治区",
    "西藏自治区",
    "宁夏回族自治区",
    "新疆维吾尔自治区",
    "北京市",
    "天津市",
    "上海市",
    "重庆市",
]
# Characters of made-up place names (two of them make a name: 88² ≈ 7,700 names).
PLACE_CHARS = (
    "安宝北昌长成崇川达大德东丰凤富高古广汉和河衡红华怀黄惠吉嘉建江金锦晋京景靖九康兰乐丽连临龙隆鹿"
    "罗茂梅美南宁平浦齐青清庆泉仁荣瑞沙山上韶绍寿顺泰天通桐万文武西仙湘新兴秀延阳永玉元云泽漳正中"
)
BRANDS = [
    "星辰",
    "华瑞",
    "博远",
    "恒信",
    "智联",
    "鼎盛",
    "天成",
    "海川",
    "领航",
    "睿达",
    "凯旋",
    "启明",
    "中科",
    "宏图",
    "蓝海",
    "金桥",
    "卓越",
    "远景",
    "创新",
    "华腾",
]
INDUSTRIES = [
    "智能科技",
    "汽车零部件",
    "电子信息",
    "生物医药",
    "新材料",
    "数控机床",
    "物流",
    "软件",
    "新能源",
    "食品",
    "文化传媒",
    "建筑工程",
    "现代农业",
    "精密制造",
    "云计算",
    "环保科技",
    "机器人",
    "通信",
    "家居",
    "旅游发展",
]
MAJORS = [
    "智能制造",
    "汽车维修",
    "电子商务",
    "护理",
    "学前教育",
    "数控技术",
    "物流管理",
    "软件技术",
    "烹饪",
    "旅游服务",
    "新能源汽车",
    "工业机器人",
]
SLOGANS = [
    "强师",
    "润心",
    "启航",
    "筑梦",
    "育苗",
    "书香",
    "阳光体育",
    "劳动教育",
    "科创",
    "双减",
    "家校共育",
    "乡村振兴",
    "融合",
    "守护",
    "成长",
    "匠心",
]
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程魏苏吕丁任卢姚"
    "沈钟姜崔谭陆范汪廖石金贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱覃武戴孔汤庞"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉鹏斌宇浩凯晨欣悦琳晶倩婷雪颖佳瑶思雨"
CN_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """Chinese numeral of 0 ≤ n < 10,000, as in school names (第十二中学).

    >>> chinese_number(12), chinese_number(20), chinese_number(105), chinese_number(3)
    ('十二', '二十', '一百零五', '三')
    """
    if n < 10:
        return CN_DIGITS[n]
    if n < 20:
        return "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    parts = []
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero and parts:
                parts.append("零")
            parts.append(CN_DIGITS[digit] + unit)
            zero = False
        elif parts:
            zero = True
    return "".join(parts)


def place_name(index: int, salt: int) -> str:
    """Two characters naming place ``index``; distinct for distinct indices below 88²."""
    m = len(PLACE_CHARS) ** 2
    k = (index * 7919 + salt) % m if index < m else index
    return (
        PLACE_CHARS[k // len(PLACE_CHARS) % len(PLACE_CHARS)]
        + PLACE_CHARS[k % len(PLACE_CHARS)]
        + (chinese_number(index // m) if index >= m else "")
    )


@dataclass(frozen=True)
class Plan:
    """How many provinces, cities and districts a graph of about ``entities`` entities has."""

    entities: int
    districts: int
    cities: int
    provinces: int

    @classmethod
    def of(cls, entities: int) -> Plan:
        """The geography of a graph of about ``entities`` entities.

        >>> Plan.of(1_000_000).districts, Plan.of(1_000_000).cities, Plan.of(1_000_000).provinces
        (2857, 318, 29)
        >>> Plan.of(1000)
        Plan(entities=1000, districts=3, cities=1, provinces=1)
        """
        per = sum(PER_DISTRICT.values())
        districts = max(1, round(entities / per))
        cities = math.ceil(districts / DISTRICTS_PER_CITY)
        provinces = min(len(PROVINCES), math.ceil(cities / CITIES_PER_PROVINCE))
        return cls(entities, districts, cities, provinces)

    def city_of(self, district: int) -> int:
        return district // DISTRICTS_PER_CITY

    def province_of(self, city: int) -> int:
        return city * self.provinces // self.cities

    def city_districts(self, city: int) -> range:
        return range(city * DISTRICTS_PER_CITY, min(self.districts, (city + 1) * DISTRICTS_PER_CITY))


@dataclass
class SynthStats:
    """What a generated graph holds."""

    entities: int = 0
    relations: int = 0
    indicators: int = 0
    documents: int = 0
    quads: int = 0
    graphs: set[str] = field(default_factory=set)
    classes: dict[str, int] = field(default_factory=dict)


# -- N-Quads text ----------------------------------------------------------


def _iri(value: str) -> str:
    return f"<{value}>"


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def _zh(text: str) -> str:
    return f'"{_esc(text)}"@zh'


def _plain(text: str) -> str:
    return f'"{_esc(text)}"'


def _typed(value: object, datatype: str) -> str:
    return f'"{value}"^^<{XSD_NS}{datatype}>'


RDF_TYPE = _iri(RDF_NS + "type")
LABEL = _iri(RDFS_NS + "label")
ALT = _iri(str(SKOS.altLabel))
K = {name: _iri(str(KG[name])) for name in ("district", "city", "mentionedIn", "evidence", "startOffset")}
K.update({name: _iri(str(KG[name])) for name in ("endOffset", "method", "year", "indicatorOf", "measure", "value")})
K.update({name: _iri(str(KG[name])) for name in ("unit", "approximate", "qualifier", "valueText", "countsClass")})
DERIVED = _iri(str(PROV.wasDerivedFrom))
ENTITIES = _iri(str(ENTITIES_GRAPH))


def _class(name: str) -> str:
    return _iri(str(KG[name]))


def _entity(key: str) -> str:
    return _iri(f"{KGR}s-{key}")


# -- one district ------------------------------------------------------------


@dataclass
class _District:
    """Names of one district's entities, computed from its index (nothing else is kept)."""

    plan: Plan
    index: int
    seed: int

    def __post_init__(self) -> None:
        self.city = self.plan.city_of(self.index)
        self.province = self.plan.province_of(self.city)
        self.short = place_name(self.index, 11)
        suffix = "县" if self.index % 5 == 4 else "区"
        self.name = self.short + suffix
        self.city_short = place_name(self.city, 4099)
        self.city_name = self.city_short + "市"
        self.college_kind = ("VocationalCollege", "University", "VocationalCollege", "College")[
            (self.index * 2654435761 + self.seed) % 4
        ]

    def iri(self, kind: str = "", j: int = 0) -> str:
        return _entity(f"d{self.index}") if not kind else _entity(f"d{self.index}-{kind}-{j}")

    def label(self, kind: str, j: int) -> tuple[str, list[str]]:
        """Label and aliases of entity ``j`` of class ``kind``."""
        s, n, cn = self.short, self.name, chinese_number(j + 1)
        if kind == "GovernmentAgency":
            agencies = (
                ("教育委员会", "教委"),
                ("人力资源和社会保障局", "人社局"),
                ("经济和信息化委员会", "经信委"),
                ("科学技术局", "科技局"),
                ("人民政府", "政府"),
                ("总工会", "总工会"),
            )
            full, short = agencies[j % len(agencies)]
            return n + full, [n + short] if short != full else []
        if kind == "Kindergarten":
            return f"{s}第{cn}幼儿园", []
        if kind == "PrimarySchool":
            return (f"{s}实验小学", [f"{s}实小"]) if j == 0 else (f"{s}第{cn}小学", [])
        if kind == "SecondarySchool":
            return (f"{s}中学", []) if j == 0 else (f"{s}第{cn}中学", [f"{s}{cn}中"])
        if kind == "SecondaryVocationalSchool":
            return (f"{n}职业教育中心", [f"{s}职教中心"]) if j == 0 else (f"{s}第{cn}职业中学", [])
        if kind == "College":
            word = MAJORS[self.index % DISTRICTS_PER_CITY % len(MAJORS)][:2]
            if self.college_kind == "University":
                return f"{self.city_short}{s}大学", []
            if self.college_kind == "VocationalCollege":
                return f"{self.city_short}{word}职业技术学院", [f"{self.city_short}{word}职院"]
            return f"{self.city_short}{s}学院", []
        if kind == "Company":
            brand, industry = BRANDS[j % len(BRANDS)], INDUSTRIES[(j // len(BRANDS) + j) % len(INDUSTRIES)]
            suffix = "" if j < len(BRANDS) * len(INDUSTRIES) else chinese_number(j // (len(BRANDS) * len(INDUSTRIES)))
            return f"{s}{brand}{industry}{suffix}有限公司", [f"{brand}{industry[:2]}{suffix}"]
        if kind == "TrainingBase":
            return f"{s}{MAJORS[j % len(MAJORS)]}实训基地", []
        if kind == "PracticeBase":
            return f"{s}{SLOGANS[j % len(SLOGANS)]}研学实践基地", []
        if kind == "IndustryEducationAlliance":
            return f"{n}{INDUSTRIES[self.index % len(INDUSTRIES)]}产教联合体", []
        if kind == "IndustryCollege":
            return f"{self.city_short}{s}{MAJORS[(self.index + j) % len(MAJORS)]}产业学院", []
        if kind == "CollaborativeEducationAlliance":
            return f"{n}第{cn}学区教联体", []
        if kind == "Initiative":
            return f"“{SLOGANS[(self.index + j) % len(SLOGANS)]}”行动", []
        if kind == "Project":
            return f"{s}{SLOGANS[(self.index + j) % len(SLOGANS)]}工程", []
        if kind == "Course":
            return f"{MAJORS[(self.index + j) % len(MAJORS)]}课程", []
        if kind == "Campaign":
            return f"{s}“{SLOGANS[(self.index * 3 + j) % len(SLOGANS)]}”主题活动", []
        if kind == "Competition":
            return f"{n}第{cn}届职业技能大赛", []
        if kind == "Festival":
            return f"{n}校园科技节", []
        if kind == "Conference":
            return f"{n}产教融合发展论坛", []
        if kind == "Prize":
            return f"{self.city_name}教学成果{('一', '二', '三')[j % 3]}等奖", []
        if kind == "HonoraryTitle":
            return f"{self.city_name}{SLOGANS[(self.index + j) % len(SLOGANS)]}示范校", []
        if kind == "Designation":
            return f"全国{SLOGANS[(self.index + j) % len(SLOGANS)]}实验区", []
        if kind == "Person":
            r = (self.index * 131 + j * 17 + self.seed) % (len(SURNAMES) * len(GIVEN) * len(GIVEN))
            return SURNAMES[r % len(SURNAMES)] + GIVEN[r // len(SURNAMES) % len(GIVEN)] + GIVEN[r % len(GIVEN)], []
        if kind == "SocialOrganization":
            return f"{n}{('教育基金会', '青少年发展促进会')[j % 2]}", []
        if kind == "ParentSchool":
            return f"{n}家长学校总校", []
        if kind == "ContinuingEducationInstitution":
            return f"{n}社区学院", []
        raise ValueError(kind)

    def cls(self, kind: str) -> str:
        return self.college_kind if kind == "College" else kind


def _zipf(rng: random.Random, n: int, exponent: float = 1.3) -> int:
    """An index below ``n``, small ones far likelier (P(k) ∝ (k+1)^-exponent, by inversion)."""
    a = 1.0 - exponent  # exponent > 1
    value = (1.0 + rng.random() * ((n + 1.0) ** a - 1.0)) ** (1.0 / a) - 1.0
    return min(n - 1, int(value))


# Relation templates: (subject kind, predicate, object kind, sentence); {s} and {o} are the labels.
SENTENCES: dict[str, tuple[str, ...]] = {
    "integratesWith": (
        "{s}与{o}签订校企合作协议，共建订单班，每年为企业输送技术技能人才。",
        "{s}联合{o}开展现代学徒制试点，企业工程师进校授课。",
        "{o}与{s}共建生产性实训车间，推动产教深度融合。",
    ),
    "cooperatesWith": (
        "{s}与{o}结对共建，围绕课堂教学开展联合教研。",
        "{s}携手{o}开展教师交流和学生研学活动。",
    ),
    "memberOf": ("{s}作为成员单位加入{o}。", "{s}入驻{o}，参与资源共建共享。"),
    "initiates": ("{s}印发方案，全面实施{o}。", "{s}启动{o}，覆盖全区各级各类学校。"),
    "leads": ("{s}牵头组织{o}，统筹推进各项任务。",),
    "hosts": ("{s}举办{o}，吸引各校师生踊跃参与。", "{o}在{s}举行。"),
    "hasAward": ("{s}荣获{o}。", "在近日公布的评选结果中，{s}获得{o}。"),
    "designatedAs": ("{s}成功入选{o}。", "{s}获批{o}。"),
    "builds": ("{s}投入专项资金建成{o}。", "{s}与行业企业共建{o}。"),
    "offers": ("{s}开设{o}，采用项目化教学。",),
    "worksAt": ("{o}教师{s}扎根讲台多年，深受学生喜爱。", "{o}校长{s}介绍了学校的办学特色。"),
    "participatesIn": ("{s}积极参与{o}。", "{s}师生参加了{o}。"),
    "trains": ("{s}近三年为{o}培养输送毕业生数百名。",),
    "partOf": ("{s}下辖{o}等区县。",),
}


def _relations(d: _District, rng: random.Random) -> Iterator[tuple[str, str, str, str, str, str]]:
    """(subject iri, subject label, predicate, object iri, object label, sentence template) of district ``d``."""
    plan = d.plan
    per = PER_DISTRICT

    def local(kind: str, j: int) -> tuple[str, str]:
        return d.iri(kind, j), d.label(kind, j)[0]

    def company() -> tuple[str, str]:
        # Heavy tail: mostly the city's companies by power-law rank, sometimes a national leader.
        if rng.random() < 0.08:
            other = _District(plan, _zipf(rng, plan.districts, 1.1), d.seed)
            j = _zipf(rng, 5, 1.5)
        else:
            districts = plan.city_districts(d.city)
            other = _District(plan, districts[rng.randrange(len(districts))], d.seed) if len(districts) else d
            j = _zipf(rng, per["Company"], 1.6)
        return other.iri("Company", j), other.label("Company", j)[0]

    def pick(kind: str) -> tuple[str, str]:
        return local(kind, rng.randrange(per[kind]))

    def say(s: tuple[str, str], predicate: str, o: tuple[str, str]):
        return s[0], s[1], predicate, o[0], o[1], rng.choice(SENTENCES[predicate])

    government = local("GovernmentAgency", 0)
    for j in range(per["SecondaryVocationalSchool"]):
        school = local("SecondaryVocationalSchool", j)
        for _ in range(rng.randint(4, 8)):
            yield say(school, "integratesWith", company())
        yield say(school, "offers", pick("Course"))
        yield say(school, "memberOf", local("IndustryEducationAlliance", 0))
    college = local("College", 0)
    for _ in range(rng.randint(10, 20)):
        yield say(college, "integratesWith", company())
    for j in range(per["TrainingBase"]):
        yield say(college if j % 2 else local("SecondaryVocationalSchool", 0), "builds", local("TrainingBase", j))
    yield say(college, "builds", local("IndustryCollege", 0))
    for _ in range(5):
        yield say(college, "trains", company())
    for _ in range(15):
        yield say(company(), "memberOf", local("IndustryEducationAlliance", 0))
    for j in range(per["CollaborativeEducationAlliance"]):
        for _ in range(10):
            kind = rng.choice(("PrimarySchool", "SecondarySchool", "Kindergarten"))
            yield say(pick(kind), "memberOf", local("CollaborativeEducationAlliance", j))
    for j in range(per["Initiative"]):
        agency = local("GovernmentAgency", j % 4)
        yield say(agency, "initiates", local("Initiative", j))
    for j in range(per["Project"]):
        yield say(government, "initiates", local("Project", j))
    for j in range(per["Campaign"]):
        yield say(government, "leads", local("Campaign", j))
    for kind in ("Competition", "Festival", "Conference"):
        for j in range(per[kind]):
            host = government if kind != "Competition" else local("SecondaryVocationalSchool", 0)
            yield say(host, "hosts", local(kind, j))
    for kind in ("Prize", "HonoraryTitle"):
        for j in range(per[kind]):
            for _ in range(2):
                yield say(pick(rng.choice(("PrimarySchool", "SecondarySchool"))), "hasAward", local(kind, j))
    for j in range(per["Designation"]):
        yield say((d.iri(), d.name), "designatedAs", local("Designation", j))
    for j in range(per["Person"]):
        kind = rng.choice(("PrimarySchool", "SecondarySchool", "Kindergarten", "SecondaryVocationalSchool"))
        yield say(local("Person", j), "worksAt", pick(kind))
    for _ in range(10):
        yield say(pick("PrimarySchool"), "cooperatesWith", pick("SecondarySchool"))
    for _ in range(20):
        kind = rng.choice(("PrimarySchool", "SecondarySchool", "Kindergarten"))
        yield say(pick(kind), "participatesIn", pick(rng.choice(("Initiative", "Campaign", "Competition"))))
    yield say(local("ParentSchool", 0), "partOf", government)


# -- the generator ---------------------------------------------------------


def _ontology_lines() -> Iterator[str]:
    graph = _iri(str(ONTOLOGY_GRAPH))
    blanks: dict[str, str] = {}  # the parser's random blank node ids → stable ones, so output is reproducible

    def term(node: object) -> str:
        if isinstance(node, ox.BlankNode):
            return blanks.setdefault(node.value, f"_:onto{len(blanks)}")
        return str(node)

    for triple in ox.parse(path=str(ONTOLOGY_FILE), format=formats.find("turtle", formats.RDF).rdf):
        yield f"{term(triple.subject)} {triple.predicate} {term(triple.object)} {graph} .\n"


def _hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def synth_quads(
    entities: int, seed: int = 0, *, ontology: bool = True, stats: SynthStats | None = None
) -> Iterator[str]:
    """N-Quads lines of a synthetic graph of about ``entities`` entities (see the module docstring).

    The same ``entities`` and ``seed`` give the same lines, in the same order.
    ``stats``, if given, is filled in as the lines are produced.
    """
    if entities < 1:
        raise ValueError(text("synth_entities"))
    plan = Plan.of(entities)
    stats = stats if stats is not None else SynthStats()

    def count(kind: str, n: int = 1) -> None:
        stats.entities += n
        stats.classes[kind] = stats.classes.get(kind, 0) + n

    if ontology:
        stats.graphs.add(str(ONTOLOGY_GRAPH))
        for line in _ontology_lines():
            stats.quads += 1
            yield line
    stats.graphs.add(str(ENTITIES_GRAPH))
    # Geography: provinces and cities with their partOf relations, one document per province.
    for p in range(plan.provinces):
        province = _entity(f"p{p}")
        for line in _describe(province, "Place", PROVINCES[p], [], None, None):
            stats.quads += 1
            yield line
        count("Place")
        cities = [c for c in range(plan.cities) if plan.province_of(c) == p]
        items = []
        for c in cities:
            name = place_name(c, 4099) + "市"
            for line in _describe(_entity(f"c{c}"), "City", name, [], None, None):
                stats.quads += 1
                yield line
            count("City")
            items.append((province, PROVINCES[p], "partOf", _entity(f"c{c}"), name, "{s}下辖{o}。"))
        for line in _document(f"synth-p{p}", f"{PROVINCES[p]}行政区划", items, None, None, stats):
            yield line
    for index in range(plan.districts):
        d = _District(plan, index, seed)
        rng = random.Random(seed * 1_000_003 + index)
        district, city = d.iri(), _entity(f"c{d.city}")
        lines = list(_describe(district, "District", d.name, [d.short], None, city))
        count("District")
        for kind, n in PER_DISTRICT.items():
            for j in range(n):
                label, aliases = d.label(kind, j)
                lines.extend(_describe(d.iri(kind, j), d.cls(kind), label, aliases, district, city))
            count(d.cls(kind), n)
        stats.quads += len(lines)
        yield from lines
        seen: set[tuple[str, str, str]] = set()  # a fact is stated once per district
        relations = []
        for relation in _relations(d, rng):
            key = (relation[0], relation[2], relation[3])
            if key not in seen and relation[0] != relation[3]:
                seen.add(key)
                relations.append(relation)
        for k in range(0, len(relations), RELATIONS_PER_DOCUMENT):
            chunk = relations[k : k + RELATIONS_PER_DOCUMENT]
            title = d.name + TITLES[k // RELATIONS_PER_DOCUMENT % len(TITLES)]
            indicators = _indicators(d, rng) if k == 0 else []
            yield from _document(
                f"synth-d{index}-{k // RELATIONS_PER_DOCUMENT}", title, chunk, district, city, stats, indicators
            )


def _describe(node: str, cls: str, label: str, aliases: list[str], district: str | None, city: str | None):
    g = ENTITIES
    yield f"{node} {RDF_TYPE} {_class(cls)} {g} .\n"
    yield f"{node} {LABEL} {_zh(label)} {g} .\n"
    for alias in aliases:
        yield f"{node} {ALT} {_zh(alias)} {g} .\n"
    if district:
        yield f"{node} {K['district']} {district} {g} .\n"
    if city:
        yield f"{node} {K['city']} {city} {g} .\n"


def _indicators(d: _District, rng: random.Random) -> list[tuple[str, str, str, str, str, str, str]]:
    """(subject, measure, value, unit, qualifier, counted class, sentence) of a district's stated quantities."""
    schools = sum(PER_DISTRICT[k] for k in ("PrimarySchool", "SecondarySchool", "SecondaryVocationalSchool"))
    partners = rng.randint(120, 400)
    students = rng.randint(8, 40) * 1000
    district, college = d.iri(), d.iri("College", 0)
    return [
        (district, "中小学", str(schools), "所", "", "School", f"全区现有中小学{schools}所。"),
        (
            district,
            "幼儿园",
            str(PER_DISTRICT["Kindergarten"]),
            "所",
            "",
            "Kindergarten",
            f"全区共有幼儿园{PER_DISTRICT['Kindergarten']}所。",
        ),
        (district, "合作企业", str(partners), "家", "余", "Company", f"全区职业院校与{partners}余家企业开展合作。"),
        (
            district,
            "实训基地",
            str(PER_DISTRICT["TrainingBase"]),
            "个",
            "",
            "TrainingBase",
            f"建成实训基地{PER_DISTRICT['TrainingBase']}个。",
        ),
        (college, "在校生", str(students), "人", "近", "", f"{d.label('College', 0)[0]}在校生近{students}人。"),
        (district, "教师", str(rng.randint(2, 9) * 1000), "名", "", "Person", "全区现有专任教师{v}名。"),
    ]


def _document(doc_id, title, relations, district, city, stats: SynthStats, indicators=()) -> Iterator[str]:
    """One document graph: its node, text made of the evidence sentences, assertions, indicators, mentions."""
    doc = _iri(f"{DOC}{doc_id}")
    g = doc
    stats.graphs.add(f"{DOC}{doc_id}")
    stats.documents += 1
    out: list[str] = []
    text_parts: list[str] = []
    offset = 0
    mentioned: set[str] = set()

    def sentence(text: str) -> tuple[int, int]:
        nonlocal offset
        start = offset
        text_parts.append(text)
        offset += len(text)
        return start, offset

    def provenance(node: str, evidence: str, span: tuple[int, int]) -> None:
        out.append(f"{node} {K['evidence']} {_zh(evidence)} {g} .\n")
        out.append(f"{node} {DERIVED} {doc} {g} .\n")
        out.append(f"{node} {K['startOffset']} {_typed(span[0], 'integer')} {g} .\n")
        out.append(f"{node} {K['endOffset']} {_typed(span[1], 'integer')} {g} .\n")
        out.append(f"{node} {K['method']} {_plain(METHOD)} {g} .\n")
        out.append(f"{node} {K['year']} {_typed(2024, 'gYear')} {g} .\n")

    for s, s_label, predicate, o, o_label, template in relations:
        evidence = template.format(s=s_label, o=o_label)
        span = sentence(evidence)
        p = _iri(str(KG[predicate]))
        node = _iri(f"{ASSERTION}{_hash(doc_id, s, p, o, evidence)}")
        out.append(f"{s} {p} {o} {g} .\n")
        out.append(f"{node} {RDF_TYPE} {_class('RelationAssertion')} {g} .\n")
        out.append(f"{node} <{RDF_NS}subject> {s} {g} .\n")
        out.append(f"{node} <{RDF_NS}predicate> {p} {g} .\n")
        out.append(f"{node} <{RDF_NS}object> {o} {g} .\n")
        provenance(node, evidence, span)
        mentioned.update((s, o))
        stats.relations += 1
    for subject, measure, value, unit, qualifier, counted, evidence in indicators:
        evidence = evidence.replace("{v}", value)
        span = sentence(evidence)
        node = _iri(f"{INDICATOR}{_hash(doc_id, subject, measure, evidence)}")
        value_text = f"{value}{qualifier}{unit}" if qualifier == "余" else f"{qualifier}{value}{unit}"
        if value_text not in evidence:
            value_text = f"{value}{unit}" if f"{value}{unit}" in evidence else value
        out.append(f"{node} {RDF_TYPE} {_class('Indicator')} {g} .\n")
        out.append(f"{node} {K['indicatorOf']} {subject} {g} .\n")
        out.append(f"{node} {K['measure']} {_zh(measure)} {g} .\n")
        out.append(f"{node} {K['value']} {_typed(value, 'decimal')} {g} .\n")
        out.append(f"{node} {K['unit']} {_zh(unit)} {g} .\n")
        approximate = "true" if qualifier else "false"
        out.append(f"{node} {K['approximate']} {_typed(approximate, 'boolean')} {g} .\n")
        if qualifier:
            out.append(f"{node} {K['qualifier']} {_zh(qualifier)} {g} .\n")
        out.append(f"{node} {K['valueText']} {_zh(value_text)} {g} .\n")
        if counted:
            out.append(f"{node} {K['countsClass']} {_class(counted)} {g} .\n")
        provenance(node, evidence, span)
        mentioned.add(subject)
        stats.indicators += 1
    out.append(f"{doc} {RDF_TYPE} {_class('SourceDocument')} {g} .\n")
    out.append(f"{doc} <{SCHEMA}identifier> {_plain(doc_id)} {g} .\n")
    out.append(f"{doc} <{SCHEMA}headline> {_zh(title)} {g} .\n")
    out.append(f"{doc} <{SCHEMA}text> {_zh(''.join(text_parts))} {g} .\n")
    out.append(f"{doc} {K['method']} {_plain(METHOD)} {g} .\n")
    if district:
        out.append(f"{doc} {K['district']} {district} {g} .\n")
    if city:
        out.append(f"{doc} {K['city']} {city} {g} .\n")
    for entity in sorted(mentioned):
        out.append(f"{entity} {K['mentionedIn']} {doc} {g} .\n")
    stats.quads += len(out)
    yield from out


def write_synth(
    out: Path | IO[bytes],
    entities: int,
    seed: int = 0,
    *,
    ontology: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> SynthStats:
    """Write a synthetic graph as N-Quads to ``out`` (a path; gzip-compressed when it ends in ``.gz``, or a stream).

    ``progress(quads, entities)`` is called every 100,000 quads.

    >>> import io
    >>> buffer = io.BytesIO()
    >>> stats = write_synth(buffer, 400, seed=2)
    >>> stats.quads == buffer.getvalue().count(b"\\n") and stats.entities > 300
    True
    """
    stats = SynthStats()
    if isinstance(out, Path):
        opener = gzip.open if out.suffix == ".gz" else open
        with opener(out, "wb") as handle:  # type: ignore[operator]
            return _write(handle, entities, seed, ontology, stats, progress)
    return _write(out, entities, seed, ontology, stats, progress)


def _write(handle, entities, seed, ontology, stats, progress) -> SynthStats:
    batch: list[str] = []
    for line in synth_quads(entities, seed, ontology=ontology, stats=stats):
        batch.append(line)
        if len(batch) >= 100_000:
            handle.write("".join(batch).encode("utf-8"))
            batch.clear()
            if progress is not None:
                progress(stats.quads, stats.entities)
    handle.write("".join(batch).encode("utf-8"))
    if progress is not None:
        progress(stats.quads, stats.entities)
    return stats


# -- press releases ----------------------------------------------------------

OPENINGS = (
    "本报讯（记者 {reporter}）近日，{district}教育系统传来好消息。",
    "{date}，{district}召开教育工作推进会，总结经验、部署任务。",
    "走进{school}，浓厚的学习氛围扑面而来。",
)
BODY = (
    "{school}与{company}签订校企合作协议，双方将共建实训基地，联合培养技术技能人才。",
    "{vocational}联合{company}开展订单式培养，企业工程师定期到校授课。",
    "{district}教委印发工作方案，全面实施“{slogan}”行动。",
    "{district}教委牵头组建{district}{industry}产教联合体，首批{n}余家企业加入。",
    "{school}荣获{city}教学成果一等奖。",
    "{district}成功入选全国{slogan}实验区。",
    "{vocational}投入专项资金建成{major}实训基地，可同时容纳{n}名学生实训。",
    "{vocational}开设{major}专业，采用项目化教学。",
    "{college}与{company}共建{major}产业学院，近三年为企业输送毕业生{n}余名。",
    "全区现有中小学{n}所，在校学生{m}万人。",
    "{school}校长{person}介绍，学校将继续深化课堂教学改革。",
    "{district}举办第{cn}届职业技能大赛，吸引{n}余名选手参赛。",
    "{school}与{school2}结对共建，开展联合教研和教师交流。",
)
CLOSINGS = (
    "下一步，{district}将持续深化产教融合，推动教育与城市协同发展。",
    "{district}教委有关负责人表示，将以更大力度推进教育高质量发展。",
)


def press_release(index: int, seed: int = 0, sentences: int = 12) -> tuple[str, str]:
    """(district short name, text) of press release ``index``: template sentences about a made-up district.

    >>> district, text = press_release(3, seed=1)
    >>> text == press_release(3, seed=1)[1] and "有限公司" in text
    True
    """
    rng = random.Random(seed * 7_000_003 + index)
    plan = Plan.of(max(1000, (index + 1) * 40))
    d = _District(plan, rng.randrange(plan.districts), seed)
    values = {
        "district": d.name,
        "city": d.city_name,
        "reporter": d.label("Person", rng.randrange(20))[0],
        "date": f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        "college": d.label("College", 0)[0],
    }

    def fill(template: str) -> str:
        values.update(
            school=d.label(rng.choice(("PrimarySchool", "SecondarySchool")), rng.randrange(20))[0],
            school2=d.label("PrimarySchool", rng.randrange(20, 40))[0],
            vocational=d.label("SecondaryVocationalSchool", rng.randrange(3))[0],
            company=d.label("Company", _zipf(rng, PER_DISTRICT["Company"]))[0],
            slogan=rng.choice(SLOGANS),
            industry=rng.choice(INDUSTRIES),
            major=rng.choice(MAJORS),
            person=d.label("Person", rng.randrange(20))[0],
            n=rng.randint(2, 30) * 10,
            m=rng.randint(2, 20),
            cn=chinese_number(rng.randint(1, 12)),
        )
        return template.format(**values)

    paragraphs = [fill(rng.choice(OPENINGS))]
    body = [fill(rng.choice(BODY)) for _ in range(sentences)]
    for k in range(0, len(body), 3):
        paragraphs.append("".join(body[k : k + 3]))
    paragraphs.append(fill(rng.choice(CLOSINGS)))
    title = f"{d.name}{rng.choice(('深化产教融合', '推进城教共生', '办好人民满意的教育'))}"
    return d.short, title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def synth_documents(
    count: int, out_dir: Path, seed: int = 0, progress: Callable[[int], None] | None = None
) -> list[Path]:
    """Write ``count`` press releases as UTF-8 text files under ``out_dir`` (100 per sub-folder); return the paths.

    File names are unique (``release-00001.txt`` …), so every file is its own document.
    """
    paths = []
    for index in range(count):
        folder = out_dir / f"batch-{index // 100:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        _district, text = press_release(index, seed)
        path = folder / f"release-{index:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        if progress is not None:
            progress(index + 1)
    return paths


__all__ = ["BASE", "Plan", "SynthStats", "press_release", "synth_documents", "synth_quads", "write_synth"]
