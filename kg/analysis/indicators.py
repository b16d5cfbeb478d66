"""Education–city linkage indicators per district, computed from the entity graph.

A district's **members** are the entities located in it (their ``district``
is the district's label) and the district itself; a city's members are the
entities of that city.  A **tie** is a linked pair of entities (one or more
relation assertions between them, either direction); a tie *touches* the
district when at least one of its ends is a member, so partners located
elsewhere or nowhere (most companies) still count.  Sectors come from
:mod:`kg.model.sectors`.  :data:`DEFINITIONS` is the list of indicators with their
exact definitions; the README prints the same list.

The indicators the texts state themselves (kg:Indicator nodes: counts of
schools, teachers trained, graduates …) are read from the store by
:func:`stated_indicators` and attributed to the district where their subject
is located, or else to the district of the source document.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal

import networkx as nx
import pyoxigraph as ox

from kg.analysis.metrics import simple_graph, summary_statistics
from kg.analysis.projection import find_entity
from kg.errors import KgError
from kg.i18n import pick
from kg.i18n import text as message
from kg.model.sectors import SECTORS, is_industry_partner, is_school_or_college, node_sectors
from kg.model.terms import is_a, local_name, pick_text
from kg.store.embedded import Store

# Relations where the subject takes the initiative (who initiates, leads, builds or hosts).
INITIATIVE_RELATIONS = ("initiates", "leads", "builds", "hosts")
# Classes that carry school–family–society co-education (校家社协同育人) resources.
COEDUCATION_CLASSES = (
    "ParentSchool",
    "ServiceCenter",
    "PracticeBase",
    "CollaborativeEducationAlliance",
    "SocialOrganization",
)

DEFINITIONS: dict[str, tuple[str, str]] = {
    "entities": ("entities located in the district", "members: entities whose district is D, and D itself"),
    "ties": ("ties touching the district", "linked pairs with at least one member end"),
    "schools_and_colleges": (
        "schools and colleges",
        "members of class kg:School or kg:College (kindergarten to secondary vocational; universities, "
        "vocational colleges)",
    ),
    "education_industry_ties": (
        "education–industry ties",
        "linked pairs of an educational organisation and an industry partner (a company or an "
        "industry–education platform: alliance, industry college, training base, park, international "
        "cooperation centre), at least one end a member",
    ),
    "education_industry_assertions": (
        "education–industry relation assertions",
        "relation assertions behind those ties (a pair can be linked by several relations)",
    ),
    "schools_with_industry_partner": (
        "schools/colleges with ≥1 industry partner",
        "member schools and colleges tied to at least one industry partner",
    ),
    "share_with_industry_partner": (
        "share of schools/colleges with ≥1 industry partner",
        "schools_with_industry_partner / schools_and_colleges (empty when there are none)",
    ),
    "industry_partners_mean": ("industry partners per school/college (mean)", "over member schools and colleges"),
    "industry_partners_median": ("industry partners per school/college (median)", "over member schools and colleges"),
    "industry_partners_max": ("industry partners per school/college (max)", "over member schools and colleges"),
    "platforms": (
        "platforms",
        "kg:Platform entities that are members or are tied to a member (bases, alliances, industry colleges, "
        "parks, centres, digital platforms)",
    ),
    "co_built_platforms": (
        "platforms with school and company participants",
        "platforms tied to ≥1 school or college and ≥1 company (co-built by education and industry)",
    ),
    "within_district_ties": ("ties within the district", "ties between two actors both located in D"),
    "cross_district_ties": (
        "cross-district ties",
        "ties between two actors (entities of a sector) located in different districts, one of them in D",
    ),
    "cross_city_ties": (
        "cross-city ties",
        "ties between two actors located in different cities, one of them in D",
    ),
    "unlocated_ties": (
        "actor ties with an end of unknown district",
        "ties between actors where the text gives no district for one end (data gap)",
    ),
    "mean_sector_entropy": (
        "sector mix of school partners (mean entropy, bits)",
        "for each member school/college with ≥1 partner in a sector, the Shannon entropy of its partners' sectors "
        "(education / industry / government / society; 0 = one sector only, 2 = all four evenly); mean over them",
    ),
    "initiatives_by_government": (
        "initiatives by government",
        "initiates / leads / builds / hosts assertions touching D whose subject is a government actor",
    ),
    "initiatives_by_education": ("initiatives by education", "the same, subject in the education sector"),
    "initiatives_by_industry": ("initiatives by industry", "the same, subject in the industry sector"),
    "initiatives_by_society": ("initiatives by society", "the same, subject in the society sector"),
    "coeducation_resources": (
        "school–family–society resources",
        "members of class ParentSchool, ServiceCenter, PracticeBase, CollaborativeEducationAlliance or "
        "SocialOrganization",
    ),
    "stated_indicators": (
        "indicators stated in the texts",
        "kg:Indicator nodes whose subject is a member (or, for a subject with no district, whose source "
        "document is about D)",
    ),
}

# The indicators' names in Chinese (the English name is the first item of each DEFINITIONS entry).
LABELS_ZH: dict[str, str] = {
    "entities": "区内实体",
    "ties": "涉及本区的联系",
    "schools_and_colleges": "学校与高校",
    "education_industry_ties": "教育–产业联系",
    "education_industry_assertions": "教育–产业关系断言",
    "schools_with_industry_partner": "有产业合作方的学校/高校",
    "share_with_industry_partner": "有产业合作方的学校/高校占比",
    "industry_partners_mean": "每所学校/高校的产业合作方（均值）",
    "industry_partners_median": "每所学校/高校的产业合作方（中位数）",
    "industry_partners_max": "每所学校/高校的产业合作方（最大值）",
    "platforms": "平台",
    "co_built_platforms": "校企共同参与的平台",
    "within_district_ties": "区内联系",
    "cross_district_ties": "跨区联系",
    "cross_city_ties": "跨市联系",
    "unlocated_ties": "一端区县未知的联系",
    "mean_sector_entropy": "学校合作方的部门构成（平均熵，比特）",
    "initiatives_by_government": "政府发起",
    "initiatives_by_education": "教育部门发起",
    "initiatives_by_industry": "产业部门发起",
    "initiatives_by_society": "社会部门发起",
    "coeducation_resources": "校家社协同育人资源",
    "stated_indicators": "文本中陈述的指标",
}


def indicator_label(key: str, lang: str | None = None) -> str:
    """The name of indicator ``key`` in ``lang`` (default: the current language).

    >>> indicator_label("platforms", "zh"), indicator_label("platforms", "en")
    ('平台', 'platforms')
    """
    return pick(LABELS_ZH[key], DEFINITIONS[key][0], lang)


NOT_SUPPORTED: dict[str, str] = {
    "share of dual-qualified (双师型) teachers": "a staffing statistic; news text rarely states it per school",
    "order-class (订单班) and apprenticeship student shares": "needs enrolment statistics",
    "internship, employment and interns hired by partners": "needs graduate destination data",
    "income and equipment from cooperation": "needs financial statistics",
    "partners per major": "the graph links organisations, not majors",
    "alliance council (理事会)": "the texts seldom name councils; the ontology has no council class",
    "composite indices (entropy/TOPSIS/AHP weights)": "need the statistical indicators above as inputs",
}
# The same in Chinese: indicator → (name, why), keyed as NOT_SUPPORTED.
NOT_SUPPORTED_ZH: dict[str, tuple[str, str]] = {
    "share of dual-qualified (双师型) teachers": ("双师型教师占比", "属于师资统计，新闻文本很少按学校给出"),
    "order-class (订单班) and apprenticeship student shares": ("订单班与学徒制学生占比", "需要招生统计"),
    "internship, employment and interns hired by partners": ("实习、就业及合作企业录用实习生", "需要毕业去向数据"),
    "income and equipment from cooperation": ("合作带来的收入与设备", "需要财务统计"),
    "partners per major": ("每个专业的合作方", "图谱连接的是机构而不是专业"),
    "alliance council (理事会)": ("联盟理事会", "文本很少提到理事会；本体没有理事会类"),
    "composite indices (entropy/TOPSIS/AHP weights)": ("综合指数（熵权/TOPSIS/AHP）", "需要以上统计指标作为输入"),
}


def not_supported(lang: str | None = None) -> list[tuple[str, str]]:
    """(indicator, why it cannot be computed from news text) in ``lang`` (default: the current language)."""
    if pick("zh", "en", lang) == "en":
        return list(NOT_SUPPORTED.items())
    return [NOT_SUPPORTED_ZH[name] for name in NOT_SUPPORTED]


class UnknownPlaceError(KgError, LookupError):
    """A name given as a district or city is not one."""


@dataclass
class StatedIndicator:
    """A quantity a text states (a kg:Indicator node), with its subject and provenance."""

    iri: str
    subject: str
    subject_label: str
    measure: str
    value: float
    unit: str
    approximate: bool
    qualifier: str
    text: str
    counts_class: str
    evidence: str
    source: str
    document_district: str
    subject_district: str = ""  # the subject's own district label (a district: itself)
    place: str = ""  # the IRI of the district it belongs to: its subject's, else its document's


STATED = """
SELECT DISTINCT ?indicator ?subject ?subjectLabel ?measure ?value ?unit ?approximate ?qualifier ?text
       ?countsClass ?evidence ?source ?docDistrict ?start ?subjectDistrict ?place WHERE {
  #PLACES#
  ?indicator a kg:Indicator ; kg:indicatorOf ?subject ; kg:measure ?measure ; kg:value ?value .
  OPTIONAL { ?subject rdfs:label ?subjectLabel }
  OPTIONAL { ?indicator kg:unit ?unit }
  OPTIONAL { ?indicator kg:approximate ?approximate }
  OPTIONAL { ?indicator kg:qualifier ?qualifier }
  OPTIONAL { ?indicator kg:valueText ?text }
  OPTIONAL { ?indicator kg:countsClass ?countsClass }
  OPTIONAL { ?indicator kg:evidence ?evidence }
  OPTIONAL { ?indicator kg:startOffset ?start }
  OPTIONAL { ?indicator prov:wasDerivedFrom ?source
             OPTIONAL { ?source kg:district ?docPlace OPTIONAL { ?docPlace rdfs:label ?docDistrict } } }
  OPTIONAL { { ?subject a kg:District BIND(?subject AS ?sd) } UNION { ?subject kg:district ?sd }
             OPTIONAL { ?sd rdfs:label ?subjectDistrict } }
  BIND(COALESCE(?sd, ?docPlace) AS ?place)
}
"""


CANDIDATES_BY_SUBJECT = """
SELECT DISTINCT ?i WHERE {
  VALUES ?asked { #ASKED# } ?asked a kg:District . ?s kg:district? ?asked . ?i kg:indicatorOf ?s
}
"""
CANDIDATES_BY_DOCUMENT = """
SELECT DISTINCT ?i WHERE {
  VALUES ?asked { #ASKED# } ?d kg:district ?asked . ?i prov:wasDerivedFrom ?d ; a kg:Indicator
}
"""


def _terms(iris: Iterable[str]) -> str:
    """SPARQL text of IRIs for a VALUES block (pyoxigraph checks each: text never reaches the query as syntax)."""
    return " ".join(str(ox.NamedNode(iri)) for iri in iris)


def stated_indicators(
    store: Store, places: Sequence[str] | None = None, *, city: bool = False
) -> list[StatedIndicator]:
    """Every kg:Indicator in the store (or those of the district IRIs ``places``), by source document and position.

    An indicator belongs to the district of its subject (a district: itself), else to the district of its
    source document (``place``).  A city states none of its own here (``city=True`` gives none).
    """
    if places is not None and (city or not places):
        return []
    if places is None:
        rows = store.select(STATED.replace("#PLACES#", ""))  # DISTINCT: the inferred graph adds no row
    else:  # the indicators of the places' entities and documents, then those that belong to the places
        asked = _terms(places)
        candidates = sorted(
            {
                str(row["i"])
                for query in (CANDIDATES_BY_SUBJECT, CANDIDATES_BY_DOCUMENT)
                for row in store.select(query.replace("#ASKED#", asked))
            }
        )
        wanted = set(places)
        batches = (_terms(candidates[i : i + 400]) for i in range(0, len(candidates), 400))
        rows = [
            row
            for batch in batches
            for row in store.select(STATED.replace("#PLACES#", f"VALUES ?indicator {{ {batch} }}"))
            if str(row.get("place", "")) in wanted
        ]
    # Several indicators share one evidence sentence: order them by where their number phrase occurs in it.
    rows.sort(
        key=lambda r: (
            str(r.get("source", "")),
            int(r.get("start", 0)),
            str(r.get("evidence", "")).find(str(r.get("text", ""))),
            str(r["indicator"]),
        )
    )
    result = []
    for row in rows:
        try:
            value = float(Decimal(str(row["value"])))
        except ArithmeticError:  # a kg:value that is not a number (loaded from elsewhere): not an indicator to count
            continue
        result.append(
            StatedIndicator(
                iri=str(row["indicator"]),
                subject=str(row["subject"]),
                subject_label=str(row.get("subjectLabel", row["subject"])),
                measure=str(row["measure"]),
                value=value,
                unit=str(row.get("unit", "")),
                approximate=str(row.get("approximate", "false")) == "true",
                qualifier=str(row.get("qualifier", "")),
                text=str(row.get("text", "")),
                counts_class=local_name(row.get("countsClass", "")),
                evidence=str(row.get("evidence", "")),
                source=str(row.get("source", "")),
                document_district=str(row.get("docDistrict", "")),
                subject_district=str(row.get("subjectDistrict", "")),
                place=str(row.get("place", "")),
            )
        )
    return result


def location(data: dict) -> tuple[str, str]:
    """``(district, city)`` labels of a node ("" when unknown); a district or city locates itself.

    >>> location({"label": "巴南区", "cls": "District", "city": "重庆市", "district": ""})
    ('巴南区', '重庆市')
    """
    cls = data.get("cls", "")
    if is_a(cls, "District"):
        return data["label"], data.get("city", "")
    if is_a(cls, "City"):
        return "", data["label"]
    return data.get("district", ""), data.get("city", "")


def resolve_place(graph: nx.Graph, name: str) -> str:
    """The district or city node named ``name`` (label, alias or IRI); a clear error otherwise."""
    node = find_entity(graph, name)
    data = graph.nodes[node]
    if not (is_a(data["cls"], "District") or is_a(data["cls"], "City")):
        raise UnknownPlaceError(
            message("not_a_district", name=name, label=data["label"], cls=data.get("class_label", data["cls"]))
        )
    return node


def place_members(graph: nx.Graph, place: str) -> set[str]:
    """Nodes located in the district or city ``place`` (a node id), the place included.

    >>> G = nx.Graph()
    >>> G.add_node("d", label="巴南区", cls="District", city="重庆市")
    >>> G.add_node("s", label="甲小学", cls="PrimarySchool", district="巴南区", city="重庆市")
    >>> G.add_node("c", label="某公司", cls="Company", district="", city="")
    >>> sorted(place_members(G, "d"))
    ['d', 's']
    """
    data = graph.nodes[place]
    is_city = is_a(data["cls"], "City")
    index = 1 if is_city else 0
    return {n for n, d in graph.nodes(data=True) if location(d)[index] == data["label"]}


def district_scope(graph: nx.MultiDiGraph, place: str) -> nx.MultiDiGraph:
    """The members of ``place`` and their direct partners, with every relation among them (a copy)."""
    members = place_members(graph, place)
    undirected = graph.to_undirected(as_view=True)
    keep = set(members)
    for node in members:
        keep.update(undirected.neighbors(node))
    return nx.MultiDiGraph(graph.subgraph(keep))


def entropy(counts: Iterable[int]) -> float:
    """Shannon entropy (bits) of a distribution given as counts.

    >>> entropy([1, 1]), entropy([4, 0]), round(entropy([2, 1]), 3)
    (1.0, 0.0, 0.918)
    """
    counts = [c for c in counts if c > 0]
    total = sum(counts)
    value = -sum(c / total * math.log2(c / total) for c in counts) if total else 0.0
    return value + 0.0  # no negative zero


@dataclass
class PlatformParticipation:
    """Who takes part in one platform (entities tied to it, by kind)."""

    node: str
    label: str
    cls: str
    schools: int
    colleges: int
    other_education: int
    companies: int
    government: int
    platforms: int
    other: int

    @property
    def co_built(self) -> bool:
        return self.schools + self.colleges > 0 and self.companies > 0


@dataclass
class SchoolPartners:
    """One school or college: its industry partners and the sector mix of all its partners."""

    node: str
    label: str
    cls: str
    industry_partners: list[str]
    companies: int
    sectors: dict[str, int]
    entropy: float | None  # None when no partner belongs to a sector


@dataclass
class AllianceCheck:
    """The completeness checklist of an industry–education alliance (市域产教联合体 criteria)."""

    node: str
    label: str
    checks: dict[str, bool]

    @property
    def met(self) -> int:
        return sum(self.checks.values())


@dataclass
class DistrictIndicators:
    """All indicators of one district (or city); :data:`DEFINITIONS` defines the scalar ones."""

    place: str
    label: str
    values: dict[str, float | int | None]
    schools: list[SchoolPartners] = field(default_factory=list)
    platforms: list[PlatformParticipation] = field(default_factory=list)
    alliances: list[AllianceCheck] = field(default_factory=list)
    coeducation: dict[str, int] = field(default_factory=dict)
    cross_border: list[tuple[str, str, str]] = field(default_factory=list)  # (member, partner, kind)
    stated: list[StatedIndicator] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # label of every node the lists above name

    def to_dict(self) -> dict:
        data = asdict(self)
        for platform, record in zip(self.platforms, data["platforms"], strict=True):
            record["co_built"] = platform.co_built
        for alliance, record in zip(self.alliances, data["alliances"], strict=True):
            record["met"] = alliance.met
        return data

    @classmethod
    def from_dict(cls, data: dict) -> DistrictIndicators:
        """The indicators again from :meth:`to_dict`'s plain data (as kept in JSON).

        >>> r = DistrictIndicators("urn:d", "甲区", {"platforms": 2}, cross_border=[("a", "b", "city")])
        >>> DistrictIndicators.from_dict(r.to_dict()) == r
        True
        """
        data = dict(data)
        data["schools"] = [SchoolPartners(**s) for s in data.get("schools", [])]
        data["platforms"] = [
            PlatformParticipation(**{k: v for k, v in p.items() if k != "co_built"}) for p in data.get("platforms", [])
        ]
        data["alliances"] = [
            AllianceCheck(**{k: v for k, v in a.items() if k != "met"}) for a in data.get("alliances", [])
        ]
        data["cross_border"] = [tuple(t) for t in data.get("cross_border", [])]
        data["stated"] = [StatedIndicator(**s) for s in data.get("stated", [])]
        return cls(**data)


def _alliance_check(graph: nx.MultiDiGraph, node: str) -> AllianceCheck:
    classes = {n: graph.nodes[n]["cls"] for n in nx.all_neighbors(graph, node)}
    leaders = {u for u, _, d in graph.in_edges(node, data=True) if d.get("relation") == "leads"}
    checks = {
        "lead school or college": any(is_school_or_college(classes[n]) for n in leaders),
        "lead enterprise": any(is_a(classes[n], "Company") for n in leaders),
        "industrial or vocational park": any(is_a(c, "VocationalEducationPark") for c in classes.values()),
        "secondary vocational school": any(is_a(c, "SecondaryVocationalSchool") for c in classes.values()),
        "higher vocational college": any(is_a(c, "VocationalCollege") for c in classes.values()),
        "regular university": any(is_a(c, "University") for c in classes.values()),
        "company members": any(is_a(c, "Company") for c in classes.values()),
    }
    return AllianceCheck(node, graph.nodes[node]["label"], checks)


def _platform(graph: nx.Graph, node: str, sectors: dict[str, str | None]) -> PlatformParticipation:
    kinds: Counter[str] = Counter()
    for other in graph.neighbors(node):
        cls = graph.nodes[other]["cls"]
        if is_a(cls, "School"):
            kinds["schools"] += 1
        elif is_a(cls, "College"):
            kinds["colleges"] += 1
        elif is_a(cls, "EducationalOrganization"):
            kinds["other_education"] += 1
        elif is_a(cls, "Company"):
            kinds["companies"] += 1
        elif is_a(cls, "Platform"):
            kinds["platforms"] += 1
        elif sectors.get(other) == "government":
            kinds["government"] += 1
        else:
            kinds["other"] += 1
    data = graph.nodes[node]
    return PlatformParticipation(
        node,
        data["label"],
        data["cls"],
        **{
            k: kinds[k]
            for k in ("schools", "colleges", "other_education", "companies", "government", "platforms", "other")
        },
    )


def district_indicators(
    graph: nx.MultiDiGraph, place: str, stated: Sequence[StatedIndicator] = (), *, simple: nx.Graph | None = None
) -> DistrictIndicators:
    """The indicators of :data:`DEFINITIONS` for the district or city node ``place``.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("d", label="甲区", cls="District", city="某市", district="", aliases=[])
    >>> G.add_node("s", label="甲职校", cls="SecondaryVocationalSchool", district="甲区", city="某市", aliases=[])
    >>> G.add_node("c", label="乙公司", cls="Company", district="", city="", aliases=[])
    >>> G.add_edge("s", "c", relation="integratesWith")
    0
    >>> result = district_indicators(G, "d")
    >>> result.values["education_industry_ties"], result.values["share_with_industry_partner"]
    (1, 1.0)
    """
    members = place_members(graph, place)
    simple = simple_graph(graph) if simple is None else simple  # pass it in when computing many districts
    sectors = node_sectors(simple)
    cls = {n: d["cls"] for n, d in simple.nodes(data=True)}
    ties = [(u, v, d) for u, v, d in simple.edges(data=True) if u in members or v in members]

    def educational(n: str) -> bool:
        return is_a(cls[n], "EducationalOrganization")

    edu_ind = [
        (u, v, d)
        for u, v, d in ties
        if (educational(u) and is_industry_partner(cls[v])) or (educational(v) and is_industry_partner(cls[u]))
    ]

    schools = []
    for node in sorted(n for n in members if is_school_or_college(cls[n])):
        partners = sorted(simple.neighbors(node))
        industry = [p for p in partners if is_industry_partner(cls[p])]
        mix = {s: sum(1 for p in partners if sectors[p] == s) for s in SECTORS}
        schools.append(
            SchoolPartners(
                node,
                simple.nodes[node]["label"],
                cls[node],
                industry,
                sum(1 for p in industry if is_a(cls[p], "Company")),
                mix,
                entropy(mix.values()) if sum(mix.values()) else None,
            )
        )
    with_partner = sum(1 for s in schools if s.industry_partners)
    partner_stats = summary_statistics(len(s.industry_partners) for s in schools)
    mixed = [s.entropy for s in schools if s.entropy is not None]

    platform_nodes = sorted(
        n for n in simple if is_a(cls[n], "Platform") and (n in members or members & set(simple.neighbors(n)))
    )
    platforms = [_platform(simple, n, sectors) for n in platform_nodes]
    alliances = [_alliance_check(graph, n) for n in platform_nodes if is_a(cls[n], "IndustryEducationAlliance")]

    within = cross_district = cross_city = unlocated = 0
    cross_border = []
    for u, v, _ in ties:
        if not (sectors[u] and sectors[v]):
            continue
        (du, cu), (dv, cv) = location(simple.nodes[u]), location(simple.nodes[v])
        member, partner = (u, v) if u in members else (v, u)
        if du and dv:
            if du == dv:
                within += 1
            else:
                cross_district += 1
                cross_border.append((member, partner, "district"))
        else:
            unlocated += 1
        if cu and cv and cu != cv:
            cross_city += 1
            cross_border.append((member, partner, "city"))

    initiative: Counter[str] = Counter()
    for u, v, d in graph.edges(data=True):
        if d.get("relation") in INITIATIVE_RELATIONS and (u in members or v in members):
            initiative[sectors.get(u) or "other"] += 1

    coeducation = {c: sum(1 for n in members if is_a(cls[n], c)) for c in COEDUCATION_CLASSES}
    label = simple.nodes[place]["label"]
    own_stated = [s for s in stated if _stated_place(simple, s) == label]

    values: dict[str, float | int | None] = {
        "entities": len(members),
        "ties": len(ties),
        "schools_and_colleges": len(schools),
        "education_industry_ties": len(edu_ind),
        "education_industry_assertions": sum(d["weight"] for _, _, d in edu_ind),
        "schools_with_industry_partner": with_partner,
        "share_with_industry_partner": with_partner / len(schools) if schools else None,
        "industry_partners_mean": partner_stats["mean"],
        "industry_partners_median": partner_stats["median"],
        "industry_partners_max": partner_stats["max"],
        "platforms": len(platforms),
        "co_built_platforms": sum(1 for p in platforms if p.co_built),
        "within_district_ties": within,
        "cross_district_ties": cross_district,
        "cross_city_ties": cross_city,
        "unlocated_ties": unlocated,
        "mean_sector_entropy": sum(mixed) / len(mixed) if mixed else None,
        **{f"initiatives_by_{s}": initiative.get(s, 0) for s in SECTORS},
        "coeducation_resources": sum(coeducation.values()),
        "stated_indicators": len(own_stated),
    }
    named = {p for s in schools for p in s.industry_partners} | {n for m, p, _ in cross_border for n in (m, p)}
    labels = {n: simple.nodes[n]["label"] for n in named}
    return DistrictIndicators(
        place, label, values, schools, platforms, alliances, coeducation, cross_border, own_stated, labels
    )


def _stated_place(graph: nx.Graph, indicator: StatedIndicator) -> str:
    """The district an indicator belongs to: its subject's, else its source document's."""
    if indicator.subject in graph:
        district, _ = location(graph.nodes[indicator.subject])
        if district:
            return district
    elif indicator.subject_district:  # a subject outside a district's part of the graph
        return indicator.subject_district
    return indicator.document_district


def compare(
    graph: nx.MultiDiGraph,
    names: Sequence[str],
    stated: Sequence[StatedIndicator] = (),
    simple: nx.Graph | None = None,
) -> list[DistrictIndicators]:
    """The indicators of each named district or city (labels, aliases or IRIs), in the order given.

    ``simple``: the graph's :func:`~kg.analysis.metrics.simple_graph`, when the caller has it already.
    """
    places = [resolve_place(graph, name) for name in names]
    simple = simple if simple is not None else simple_graph(graph)
    return [district_indicators(graph, place, stated, simple=simple) for place in places]


def districts_with_members(graph: nx.Graph) -> list[str]:
    """District nodes that have at least one located entity besides themselves, most members first."""
    districts = [n for n, d in graph.nodes(data=True) if is_a(d["cls"], "District")]
    sized = [(len(place_members(graph, n)) - 1, n) for n in districts]
    return [n for size, n in sorted(sized, key=lambda t: (-t[0], graph.nodes[t[1]]["label"])) if size > 0]


# -- the same indicators as SPARQL aggregates, computed inside the store ------------------------------------------
#
# The functions above read a projected graph; these ask the store (embedded or a remote endpoint) for the
# counts, grouped by place, so a district's indicators, or every district's, cost what the districts hold and
# never pull the graph through Python.  They rely on the materialised RDFS closure (``?x a kg:School`` holds
# for every kind of school) and count entities as stored: names merged by owl:sameAs (kg.sources.identity)
# count separately here, once in the projection.  tests/test_indicators.py checks both agree.

KG_NS = "https://w3id.org/kg-cityedu/ontology#"
NOT_ENTITY = "kg:SourceDocument, kg:RelationAssertion, kg:Indicator"


def _entity(var: str) -> str:
    """A node of the projection: a kg: class (stated or inferred) other than the bookkeeping ones, and a label."""
    return (
        f"FILTER EXISTS {{ ?{var} a ?{var}T ; rdfs:label ?{var}L "
        f'FILTER(STRSTARTS(STR(?{var}T), "{KG_NS}") && ?{var}T NOT IN ({NOT_ENTITY})) }}'
    )


def _sector(var: str, out: str) -> str:
    """Bind ``?out`` to the sector of ``?var`` (unbound when it has none), as :func:`kg.model.sectors.sector_of`.

    Through the closure an entity has the type of each listed ancestor of its class; the ontology gives no
    class two listed ancestors of different sectors (tests/test_indicators.py checks it), so testing the
    listed classes, sector by sector, gives the sector of the class.
    """
    from kg.model.sectors import SECTOR_OF_CLASS

    tests = []
    for sector in SECTORS:
        listed = " || ".join(f"EXISTS {{ ?{var} a kg:{c} }}" for c, s in sorted(SECTOR_OF_CLASS.items()) if s == sector)
        tests.append(f'IF({listed}, "{sector}", ?none)')
    return f"BIND(COALESCE({', '.join(tests)}) AS ?{out})"


def _members(place: str, var: str, attribute: str) -> str:
    """``?var`` ranges over the members of ``?place``: the place itself and the entities whose attribute names it."""
    kind = "kg:City" if attribute == "city" else "kg:District"
    # kg:district? : zero steps is the place itself (a path, not a UNION, so the place stays bound while it runs)
    return f"?{place} a {kind} . ?{var} kg:{attribute}? ?{place} . {_entity(var)}"


# An assertion has one subject and one object: the end that is not ?x is the other one (paths, not a UNION,
# so ?x stays bound while the pattern runs).
NEIGHBOUR_OF = "?{a} rdf:subject|rdf:object ?{x} . ?{a} rdf:subject|rdf:object ?{n} ."


def _neighbour(x: str, n: str, a: str = "a") -> str:
    """``?n`` is an entity related to ``?x`` by the relation assertion ``?a`` (either direction), not ``?x``."""
    return (
        NEIGHBOUR_OF.format(a=a, x=x, n=n)
        + f" FILTER(?{x} != ?{n}) FILTER EXISTS {{ ?{a} a kg:RelationAssertion }} {_entity(n)}"
    )


TIES = """
SELECT ?place (COUNT(*) AS ?ties) (SUM(?ei) AS ?eiTies) (SUM(?ei * ?w) AS ?eiAssertions)
       (SUM(?within) AS ?withinTies) (SUM(?crossDistrict) AS ?crossDistrictTies)
       (SUM(?crossCity) AS ?crossCityTies) (SUM(?unlocated) AS ?unlocatedTies) WHERE {
  { SELECT ?place ?u ?v (COUNT(DISTINCT ?a) AS ?w) WHERE {
      #PLACES#
      #MEMBERS#
      #NEIGHBOUR#
      BIND(IF(STR(?m) < STR(?n), ?m, ?n) AS ?u) BIND(IF(STR(?m) < STR(?n), ?n, ?m) AS ?v)
    } GROUP BY ?place ?u ?v }
  #SECTOR_U# #SECTOR_V#
  BIND(EXISTS { ?u a kg:EducationalOrganization } AS ?uEdu) BIND(EXISTS { ?v a kg:EducationalOrganization } AS ?vEdu)
  BIND(IF((?uEdu && COALESCE(?vSector = "industry", false)) || (?vEdu && COALESCE(?uSector = "industry", false)),
          1, 0) AS ?ei)
  # Where an end is (kg.analysis.indicators.location): a district is in itself, anything else in its kg:district;
  # tested with EXISTS, which runs per tie (an OPTIONAL here would read every kg:district of the store).
  BIND(EXISTS { ?u kg:district? ?ud . ?ud a kg:District } AS ?uLocated)
  BIND(EXISTS { ?v kg:district? ?vd . ?vd a kg:District } AS ?vLocated)
  BIND(EXISTS { ?u kg:district? ?d . ?d a kg:District . ?v kg:district? ?d } AS ?sameDistrict)
  BIND(EXISTS { ?u kg:city? ?uc . ?uc a kg:City } && EXISTS { ?v kg:city? ?vc . ?vc a kg:City }
       && !EXISTS { ?u kg:city? ?c . ?c a kg:City . ?v kg:city? ?c } AS ?otherCity)
  BIND(BOUND(?uSector) && BOUND(?vSector) AS ?actors)
  BIND(IF(?actors && ?uLocated && ?vLocated && ?sameDistrict, 1, 0) AS ?within)
  BIND(IF(?actors && ?uLocated && ?vLocated && !?sameDistrict, 1, 0) AS ?crossDistrict)
  BIND(IF(?actors && !(?uLocated && ?vLocated), 1, 0) AS ?unlocated)
  BIND(IF(?actors && ?otherCity, 1, 0) AS ?crossCity)
} GROUP BY ?place
"""

SCHOOLS = """
SELECT ?place ?school ?sector (COUNT(DISTINCT ?n) AS ?partners) (COUNT(DISTINCT ?company) AS ?companies) WHERE {
  { #PLACES# #MEMBERS#
    FILTER(EXISTS { ?m a kg:School } || EXISTS { ?m a kg:College })
    BIND(?m AS ?school) }
  UNION
  { #PLACES# #MEMBERS#
    FILTER(EXISTS { ?m a kg:School } || EXISTS { ?m a kg:College })
    BIND(?m AS ?school)
    #NEIGHBOUR# #SECTOR_N#
    BIND(IF(?sector = "industry" && EXISTS { ?n a kg:Company }, ?n, ?none) AS ?company) }
} GROUP BY ?place ?school ?sector
"""

PLATFORM_SET = """
  { SELECT DISTINCT ?place ?p WHERE {
      { #PLACES# #MEMBERS# ?m a kg:Platform BIND(?m AS ?p) }
      UNION { #PLACES# #MEMBERS# #NEIGHBOUR# ?n a kg:Platform BIND(?n AS ?p) }
  } }"""

PLATFORMS = f"""
SELECT ?place (COUNT(*) AS ?platforms) WHERE {{ {PLATFORM_SET} }} GROUP BY ?place
"""

# Platforms with a school or college and a company among their participants (no row for a platform without);
# each branch names the platform by the variable its pattern bound, so the store follows the relations from it.
CO_BUILT = """
SELECT ?place (SUM(IF(?schools > 0 && ?companies > 0, 1, 0)) AS ?coBuilt) WHERE {
  { SELECT ?place ?p (COUNT(DISTINCT ?school) AS ?schools) (COUNT(DISTINCT ?company) AS ?companies) WHERE {
      { #PLACES# #MEMBERS# ?m a kg:Platform . #NEIGHBOUR_MX# BIND(?m AS ?p) }
      UNION { #PLACES# #MEMBERS# #NEIGHBOUR# ?n a kg:Platform . #NEIGHBOUR_NX# BIND(?n AS ?p) }
      BIND(IF(EXISTS { ?x a kg:School } || EXISTS { ?x a kg:College }, ?x, ?none) AS ?school)
      BIND(IF(EXISTS { ?x a kg:Company }, ?x, ?none) AS ?company)
    } GROUP BY ?place ?p }
} GROUP BY ?place
"""

INITIATIVES = """
SELECT ?place ?sector (COUNT(DISTINCT ?a) AS ?initiatives) WHERE {
  #PLACES#
  #MEMBERS#
  VALUES ?relation { kg:initiates kg:leads kg:builds kg:hosts }
  ?a rdf:subject|rdf:object ?m ; rdf:predicate ?relation ; rdf:subject ?s ; rdf:object ?o ; a kg:RelationAssertion .
  #ENTITY_S# #ENTITY_O#
  #SECTOR_S#
} GROUP BY ?place ?sector
"""

CLASSES = """
SELECT ?place ?class (COUNT(DISTINCT ?m) AS ?members) WHERE {
  #PLACES# #MEMBERS#
  OPTIONAL { VALUES ?class { "all" #COEDUCATION# } FILTER(?class = "all" || EXISTS { ?m a ?class }) }
} GROUP BY ?place ?class
"""


def _indicator_query(template: str, places: Sequence[str], attribute: str) -> str:
    places_text = "VALUES ?place { " + _terms(places) + " }"
    return (
        template.replace("#PLACES#", places_text)
        .replace("#MEMBERS#", _members("place", "m", attribute))
        .replace("#NEIGHBOUR#", _neighbour("m", "n"))
        .replace("#NEIGHBOUR_P#", _neighbour("m", "p", "a0"))
        .replace("#NEIGHBOUR_MX#", _neighbour("m", "x", "a1"))
        .replace("#NEIGHBOUR_NX#", _neighbour("n", "x", "a1"))
        .replace("#SECTOR_U#", _sector("u", "uSector"))
        .replace("#SECTOR_V#", _sector("v", "vSector"))
        .replace("#SECTOR_N#", _sector("n", "sector"))
        .replace("#SECTOR_S#", _sector("s", "sector"))
        .replace("#ENTITY_S#", _entity("s"))
        .replace("#ENTITY_O#", _entity("o"))
        .replace("#ENTITY_P#", _entity("p"))
        .replace("#COEDUCATION#", " ".join(f"kg:{c}" for c in COEDUCATION_CLASSES))
    )


def _number(row: dict, key: str) -> int:
    value = row.get(key)
    return int(value.toPython()) if value is not None else 0  # type: ignore[attr-defined]


def store_indicators(
    store: Store, places: Sequence[str], *, city: bool = False, batch: int = 50
) -> list[DistrictIndicators]:
    """The indicators of :data:`DEFINITIONS` for the district (or, ``city=True``, city) IRIs ``places``, in order.

    Every value is a SPARQL aggregate evaluated in the store, a batch of places per query: the rows that come
    back are one per place (and per school and sector, to take the median and the entropy), so the cost
    follows the places asked for, not the store.  The per-entity lists of :class:`DistrictIndicators`
    (schools, platforms, alliances, cross-border ties) are left empty: :func:`district_indicators` on the
    place's part of the projection gives them.  ``stated`` holds the place's stated indicators.
    """
    attribute = "city" if city else "district"
    values: dict[str, dict[str, float | int | None]] = {p: {} for p in places}
    coeducation: dict[str, dict[str, int]] = {p: dict.fromkeys(COEDUCATION_CLASSES, 0) for p in places}
    schools: dict[str, dict[str, dict[str, tuple[int, int]]]] = {p: {} for p in places}
    initiative: dict[str, Counter[str]] = {p: Counter() for p in places}
    for start in range(0, len(places), batch):
        chunk = list(places[start : start + batch])

        def rows(template: str, chunk: list[str] = chunk) -> list[dict]:
            return store.select(_indicator_query(template, chunk, attribute))

        for row in rows(CLASSES):
            place = str(row["place"])
            if str(row.get("class", "all")) == "all":
                values[place]["entities"] = _number(row, "members")
            else:
                coeducation[place][local_name(row["class"])] = _number(row, "members")
        for row in rows(TIES):
            v = values[str(row["place"])]
            v["ties"] = _number(row, "ties")
            v["education_industry_ties"] = _number(row, "eiTies")
            v["education_industry_assertions"] = _number(row, "eiAssertions")
            v["within_district_ties"] = _number(row, "withinTies")
            v["cross_district_ties"] = _number(row, "crossDistrictTies")
            v["cross_city_ties"] = _number(row, "crossCityTies")
            v["unlocated_ties"] = _number(row, "unlocatedTies")
        for row in rows(SCHOOLS):
            mix = schools[str(row["place"])].setdefault(str(row["school"]), {})
            if "sector" in row:
                mix[str(row["sector"])] = (_number(row, "partners"), _number(row, "companies"))
        for row in rows(PLATFORMS):
            values[str(row["place"])]["platforms"] = _number(row, "platforms")
        for row in rows(CO_BUILT):
            values[str(row["place"])]["co_built_platforms"] = _number(row, "coBuilt")
        for row in rows(INITIATIVES):
            initiative[str(row["place"])][str(row.get("sector", "other"))] += _number(row, "initiatives")
    stated = stated_indicators(store, places, city=city)
    labels = _labels(store, places)
    results = []
    for place in places:
        v = values[place]
        mixes = schools[place]
        industry = [mix.get("industry", (0, 0))[0] for mix in mixes.values()]
        partner_stats = summary_statistics(industry)
        entropies = [
            entropy(counts)
            for counts in ([mix.get(s, (0, 0))[0] for s in SECTORS] for mix in mixes.values())
            if sum(counts)
        ]
        with_partner = sum(1 for k in industry if k)
        own = [s for s in stated if s.place == place]
        v.update(
            {
                "schools_and_colleges": len(mixes),
                "schools_with_industry_partner": with_partner,
                "share_with_industry_partner": with_partner / len(mixes) if mixes else None,
                "industry_partners_mean": partner_stats["mean"],
                "industry_partners_median": partner_stats["median"],
                "industry_partners_max": partner_stats["max"],
                "mean_sector_entropy": sum(entropies) / len(entropies) if entropies else None,
                **{f"initiatives_by_{s}": initiative[place].get(s, 0) for s in SECTORS},
                "coeducation_resources": sum(coeducation[place].values()),
                "stated_indicators": len(own),
            }
        )
        for key in DEFINITIONS:
            v.setdefault(key, 0)
        ordered = {key: v[key] for key in DEFINITIONS}
        results.append(
            DistrictIndicators(
                place, labels.get(place, local_name(place)), ordered, coeducation=coeducation[place], stated=own
            )
        )
    return results


def _labels(store: Store, iris: Sequence[str]) -> dict[str, str]:
    """The Chinese label (else the one :func:`~kg.model.terms.pick_text` prefers) of each IRI."""
    if not iris:
        return {}
    text = f"SELECT ?x ?label WHERE {{ VALUES ?x {{ {_terms(iris)} }} ?x rdfs:label ?label }}"
    found: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for row in store.select(text):
        found[str(row["x"])].append((str(row["label"]), getattr(row["label"], "language", None)))
    return {iri: pick_text(pairs, "zh") or "" for iri, pairs in found.items()}


PLACES = """
SELECT ?place (COUNT(DISTINCT ?m) AS ?members) WHERE {
  ?place a kg:%s .
  OPTIONAL { ?m kg:%s ?place %s }
} GROUP BY ?place
"""


def store_places(store: Store, *, city: bool = False) -> list[str]:
    """District (or city) IRIs with at least one located entity besides themselves, most members first."""
    kind, attribute = ("City", "city") if city else ("District", "district")
    rows = store.select(PLACES % (kind, attribute, _entity("m")))
    sized = [(_number(row, "members"), str(row["place"])) for row in rows]
    labels = _labels(store, [p for n, p in sized if n])
    return [p for n, p in sorted(sized, key=lambda t: (-t[0], labels.get(t[1], t[1]))) if n]


def place_indicators(store: Store, name: str) -> tuple[DistrictIndicators, nx.MultiDiGraph]:
    """The indicators of the district or city ``name`` (label, alias or IRI), and the part of the graph read.

    The values are :func:`store_indicators` (aggregates in the store); the per-entity lists
    (schools, platforms, alliances, cross-border ties) are :func:`district_indicators` over the
    district's part of the projection (:func:`kg.analysis.projection.district_graph`), so neither
    reads the whole store (:func:`places_indicators`: many places, for a caller that holds the projection).
    """
    from kg.analysis.projection import district_graph

    graph = district_graph(store, name)
    place = resolve_place(graph, name)
    city = is_a(graph.nodes[place]["cls"], "City")
    (counted,) = store_indicators(store, [place], city=city)
    result = district_indicators(graph, place, counted.stated)
    result.values, result.coeducation = counted.values, counted.coeducation
    return result, graph


def places_indicators(
    store: Store, places: Sequence[str], graph: nx.MultiDiGraph, *, city: bool = False
) -> list[DistrictIndicators]:
    """:func:`place_indicators` of many districts (or cities) at once, for a caller that holds the whole projection.

    The values are :func:`store_indicators`' aggregates, a batch of places per
    query; the per-entity lists are :func:`district_indicators` over each
    place's part of ``graph`` — its members, their partners and the partners of
    the platforms among them, as :func:`kg.analysis.projection.district_graph`
    reads from the store — found in one pass over the nodes, not one per place.
    """
    located: dict[str, set[str]] = {}
    for node, data in graph.nodes(data=True):
        located.setdefault(location(data)[1 if city else 0], set()).add(node)
    undirected = graph.to_undirected(as_view=True)
    results = []
    for place, counted in zip(places, store_indicators(store, places, city=city), strict=True):
        members = located.get(graph.nodes[place]["label"], set()) | {place}
        near = members | {n for m in members for n in undirected.neighbors(m)}
        near |= {n for m in near if is_a(graph.nodes[m]["cls"], "Platform") for n in undirected.neighbors(m)}
        result = district_indicators(nx.MultiDiGraph(graph.subgraph(near)), place, counted.stated)
        result.values, result.coeducation = counted.values, counted.coeducation
        results.append(result)
    return results
