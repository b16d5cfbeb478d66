"""Reference gazetteers with identifiers: higher-education institutions, administrative divisions, public bodies.

The lists live in ``data/reference/`` (where each comes from and its date:
``data/README.md``):

* ``universities.tsv`` — the Ministry of Education's 全国高等学校名单: name,
  学校标识码 (``kg:moeCode``), province, city, 本科/专科, ownership;
* ``divisions.tsv`` — provinces, prefectures and county-level divisions with
  their GB/T 2260 code (``kg:divisionCode``), parent and coordinates
  (``schema:latitude`` / ``schema:longitude``);
* ``bodies.tsv`` — central ministries and the standard names of local bureaus
  (教育局, 人社局, 发改委, 工商联, 管委会 …), written for this project.

:func:`lookup` finds the reference entry a name denotes, :func:`identifier_triples`
the triples that give an entity its identifier and coordinates; the
recogniser takes the names as candidates (:meth:`kg.extract.gazetteer.Gazetteer.from_reference`).

>>> lookup("重庆理工大学").code
'4150011660'
>>> lookup("巴南区", city="重庆市").code, lookup("重庆市").code
('500113', '500000')
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from kg.model.names import DATA_DIR
from kg.model.terms import compatible, is_a

if TYPE_CHECKING:
    from rdflib import Literal, URIRef

REFERENCE_DIR = DATA_DIR / "reference"

# The class an entry of each kind suggests, and the class every entity linked to it must fall under.
KIND_CLASS = {"university": "College", "division": "Place", "body": "Organization"}
DIVISION_CLASS = {"province": "Place", "prefecture": "City", "county": "District"}
MUNICIPALITIES = ("11", "12", "31", "50")  # 北京 天津 上海 重庆: the province is the city


@dataclass(frozen=True)
class Reference:
    """One entry of a reference list."""

    kind: str  # university | division | body
    name: str
    code: str = ""  # 学校标识码 or GB/T 2260 code; "" for bodies
    cls: str = ""  # suggested ontology class (local name)
    aliases: tuple[str, ...] = ()  # former names, short names
    province: str = ""
    city: str = ""
    parent: str = ""  # divisions: code of the parent division
    latitude: str = ""
    longitude: str = ""
    details: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


def _rows(name: str, directory: Path | None = None) -> Iterator[dict[str, str]]:
    path = (directory or REFERENCE_DIR) / name
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t")


@cache
def universities() -> tuple[Reference, ...]:
    """Every institution of the national list (see ``data/README.md`` for its date)."""
    return tuple(
        Reference(
            "university",
            row["name"],
            row["moe_code"],
            "University" if row["level"] == "本科" else "VocationalCollege",
            tuple(n for n in row["former_names"].split("|") if n),
            row["province"],
            row["city"],
            details={k: row[k] for k in ("level", "ownership", "authority", "list")},
        )
        for row in _rows("universities.tsv")
    )


@cache
def divisions() -> tuple[Reference, ...]:
    """Provinces, prefectures and county-level divisions, with parent codes and coordinates."""
    rows = list(_rows("divisions.tsv"))
    names = {row["code"]: row["name"] for row in rows}
    result = []
    for row in rows:
        code, level = row["code"], row["level"]
        province = names.get(code[:2] + "0000", "")
        city = names.get(row["parent"], "") if level == "county" else row["name"] if level == "prefecture" else ""
        if code[:2] in MUNICIPALITIES:
            city = province
        cls = "City" if level == "province" and code[:2] in MUNICIPALITIES else DIVISION_CLASS[level]
        if level == "county" and row["name"].endswith("市") and row["parent"].endswith("0000"):
            # a county-level city straight under its province (仙桃市, 阿拉尔市) has no city above it: a city;
            # one under a prefecture (都江堰市 in 成都市) is one of that city's county-level divisions
            cls = "City"
        result.append(
            Reference(
                "division",
                row["name"],
                code,
                cls,
                (),
                province,
                city,
                row["parent"],
                row["latitude"],
                row["longitude"],
                {"level": level},
            )
        )
    return tuple(result)


@cache
def bodies() -> tuple[Reference, ...]:
    """Central ministries (scope ``central``) and the standard names of local bodies (scope ``local``)."""
    return tuple(
        Reference(
            "body",
            row["name"],
            "",
            row["class"],
            tuple(a for a in row["aliases"].split("|") if a),
            details={"scope": row["scope"], "en": row["en"]},
        )
        for row in _rows("bodies.tsv")
    )


@cache
def _index() -> dict[str, tuple[Reference, ...]]:
    """Name → entries: universities and divisions by name and former names, central bodies by name and alias."""
    index: dict[str, list[Reference]] = {}
    for ref in (*universities(), *divisions(), *(b for b in bodies() if b.details["scope"] == "central")):
        for name in (ref.name, *ref.aliases, *_without_city_suffix(ref)):
            bucket = index.setdefault(name, [])
            if ref not in bucket:
                bucket.append(ref)
    return {name: tuple(refs) for name, refs in index.items()}


def _without_city_suffix(ref: Reference) -> tuple[str, ...]:
    """天津市职业大学 written 天津职业大学: an institution named after its city, 市 left out.

    >>> _without_city_suffix(lookup("天津市职业大学"))
    ('天津职业大学',)
    """
    city = ref.city
    if ref.kind != "university" or not city.endswith("市") or len(city) < 3 or not ref.name.startswith(city):
        return ()
    return (city[:-1] + ref.name[len(city) :],)


def fits(ref: Reference, cls: str) -> bool:
    """True when an entity of class ``cls`` may be the entry ``ref`` (a college is not a district).

    >>> fits(lookup("重庆理工大学"), "University"), fits(lookup("重庆理工大学"), "Company")
    (True, False)
    """
    if not cls:
        return True
    wanted = KIND_CLASS[ref.kind] if ref.kind != "body" else ref.cls
    if ref.kind == "university":
        wanted = "EducationalOrganization"
    return is_a(cls, wanted) or compatible(cls, ref.cls)


def lookup(name: str, cls: str = "", *, city: str = "", province: str = "") -> Reference | None:
    """The reference entry ``name`` denotes, given the entity's class and place when known; None if none or ambiguous.

    A name several divisions share (朝阳区) is told apart by ``city`` or
    ``province``; one that stays ambiguous gives None.

    >>> lookup("鼓楼区") is None, lookup("鼓楼区", city="南京市").code
    (True, '320106')
    """
    candidates = [ref for ref in _index().get(name.strip(), ()) if fits(ref, cls)]
    if len(candidates) > 1 and (city or province):
        places = {city, province} - {""}
        local = [ref for ref in candidates if {ref.city, ref.province} & places]
        candidates = local or candidates
    if len(candidates) > 1:  # a province and its municipality row (重庆市 500000 / 500100): keep the higher level
        top = {ref.code[:2] for ref in candidates}
        if len(top) == 1 and all(ref.kind == "division" for ref in candidates):
            candidates = [min(candidates, key=lambda ref: ref.code.rstrip("0") or ref.code)]
    return candidates[0] if len(candidates) == 1 else None


def identifier_triples(iri: URIRef, ref: Reference) -> list[tuple[URIRef, URIRef, Literal]]:
    """The triples that give the entity ``iri`` the identifier (and, for places, the coordinates) of ``ref``.

    rdflib's terms, for an ingest's graphs: imported here, so that extraction, which reads the lists, never loads it.
    """
    from rdflib import XSD, Literal

    from kg.model.vocab import KG, SCHEMA

    triples: list[tuple[URIRef, URIRef, Literal]] = []
    if ref.kind == "university":
        triples.append((iri, KG.moeCode, Literal(ref.code)))
    elif ref.kind == "division":
        triples.append((iri, KG.divisionCode, Literal(ref.code)))
        if ref.latitude and ref.longitude:
            triples.append((iri, SCHEMA.latitude, Literal(ref.latitude, datatype=XSD.decimal)))
            triples.append((iri, SCHEMA.longitude, Literal(ref.longitude, datatype=XSD.decimal)))
    return triples


def reference_names() -> Iterator[tuple[str, Reference]]:
    """Every (name, entry) pair a recogniser may take as a candidate name: unambiguous names only."""
    for name, refs in _index().items():
        if len(refs) == 1 and len(name) >= 2:
            yield name, refs[0]
