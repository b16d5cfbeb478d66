"""Sectors of the city–education system, and the class groups the analysis ranks by.

The one place that says which ontology class belongs to which sector:

* **education** — every ``kg:EducationalOrganization`` (schools, colleges,
  continuing-education institutions, parent schools), and the education-side
  platforms (collaborative-education alliances such as 教联体, digital
  teaching platforms);
* **industry** — companies, and the industry–education platforms where
  industry takes part: industry–education alliances (产教联合体), industry
  colleges, training bases, vocational-education parks and international
  cooperation centres;
* **government** — government, party and judicial bodies, and places: news
  text names a district or city for its government (巴南区 initiates …);
* **society** — social organisations (妇联, associations), practice bases
  (venues and historic sites used for practice education) and service centres
  (family-education guidance).

Programs, events, awards, persons and generic platforms are not actors of a
sector (``None``).  A class not listed takes the sector of its nearest listed
ancestor, so a new subclass in the ontology needs no change here.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING

from kg.model.terms import ancestors, is_a

if TYPE_CHECKING:
    import networkx as nx

SECTORS: tuple[str, ...] = ("education", "industry", "government", "society")
SECTOR_LABELS: dict[str, str] = {"education": "教育", "industry": "产业", "government": "政府", "society": "社会"}

SECTOR_OF_CLASS: dict[str, str] = {
    "EducationalOrganization": "education",
    "CollaborativeEducationAlliance": "education",
    "DigitalPlatform": "education",
    "Company": "industry",
    "IndustryEducationAlliance": "industry",
    "IndustryCollege": "industry",
    "TrainingBase": "industry",
    "VocationalEducationPark": "industry",
    "InternationalCooperationCenter": "industry",
    "GovernmentAgency": "government",
    "Place": "government",
    "SocialOrganization": "society",
    "PracticeBase": "society",
    "ServiceCenter": "society",
}


@cache
def sector_of(cls: str) -> str | None:
    """The sector of an ontology class (local name), or ``None`` when it is no actor of a sector.

    >>> sector_of("VocationalCollege"), sector_of("TrainingBase"), sector_of("District"), sector_of("Course")
    ('education', 'industry', 'government', None)
    """
    for name in ancestors(cls):
        if name in SECTOR_OF_CLASS:
            return SECTOR_OF_CLASS[name]
    return None


def node_sectors(graph: nx.Graph) -> dict[str, str | None]:
    """Sector of every node of a projected graph, from its ``sector`` attribute or its ``cls``.

    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("a", cls="Company"); G.add_node("b", cls="Course")
    >>> node_sectors(G)
    {'a': 'industry', 'b': None}
    """
    return {n: d.get("sector") or sector_of(d.get("cls", "")) for n, d in graph.nodes(data=True)}


def is_school_or_college(cls: str) -> bool:
    """Schools (kindergarten to secondary vocational) and colleges (universities, vocational colleges)."""
    return is_a(cls, "School") or is_a(cls, "College")


def is_industry_partner(cls: str) -> bool:
    """Companies and industry–education platforms: what counts as an industry partner of a school."""
    return sector_of(cls) == "industry"


def sector_counts(sectors: Mapping[str, str | None], nodes: list[str]) -> dict[str, int]:
    """How many of ``nodes`` fall in each sector (every sector listed, zero included).

    >>> sector_counts({"a": "industry", "b": None, "c": "industry"}, ["a", "b", "c"])
    {'education': 0, 'industry': 2, 'government': 0, 'society': 0}
    """
    counts = dict.fromkeys(SECTORS, 0)
    for node in nodes:
        sector = sectors.get(node)
        if sector:
            counts[sector] += 1
    return counts
