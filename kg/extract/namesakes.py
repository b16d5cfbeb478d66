"""Namesakes within one document: a platform that carries the name of a company the text also names, and a
school named after a university the text names (某某师范大学江北实验小学).

越秀辉山产业学院 is named after 辽宁越秀辉山控股股份有限公司, 东软软件产业学院 after 东软教育科技集团:
the unit carries the company's brand (its legal name less the place in front and the words after the
brand), and the text names both.  The dev-set guide: "X carrying a company's name it does not belong to →
namedAfter" — the relation says where the name comes from, nothing about who built or owns the unit
(those are read from the sentences, never from the name alone).

The store links namesakes across documents by whole names (:func:`kg.sources.identity.find_namesakes`);
here the company is named in full and the unit by its brand only, so the brand is found first.
"""

from __future__ import annotations

import re

from kg.extract.ner import UNIVERSITY_SCHOOL, _division_heads, _known_place, is_word
from kg.model.terms import is_a
from kg.sources.words import dictionary

UNIT_CLASSES = ("IndustryCollege", "Platform", "College")  # what is named after a sponsor (产业学院, 基地, 中心)
# a school that is a university's own: 附属 to it, or its experimental school right after its name (某某师范大学
# 实验中学; one with a place between, 某某师范大学江北实验小学, carries the name only)
AFFILIATED_SCHOOL = re.compile("附属|大学实验(?:中学|小学|学校|幼儿园)")
PLACE_HEAD = re.compile("^[\u4e00-\u9fff]{2,4}?(?:省|市|自治区|自治州|区|县)")


def company_core(label: str) -> str:
    """A company's name without the place it starts with (辽宁越秀辉山控股… → 越秀辉山控股…).

    >>> company_core("辽宁越秀辉山控股股份有限公司"), company_core("吉林省慧科科技有限公司"), company_core("东软集团")
    ('越秀辉山控股股份有限公司', '慧科科技有限公司', '东软集团')
    """
    head = PLACE_HEAD.match(label)
    if head and _known_place(re.sub("(?:省|市|自治区|自治州|区|县)$", "", head.group())):
        return label[head.end() :]
    for size in (4, 3, 2):
        # a division of the national list (辽宁, 宜宾), not any place of the dictionary: 天马 of 天马微电子 is a brand
        if label[:size] in _division_heads() and len(label) > size + 3:
            return label[size:]
    return label


def carried_brand(unit: str, company: str) -> str:
    """The brand of ``company`` that ``unit``'s name carries (its longest leading part, two characters at
    least, that is neither a common word nor a place), or ""."""
    core = company_core(company)
    tags = dictionary()
    for size in range(min(len(core), 8), 1, -1):
        brand = core[:size]
        at = unit.find(brand)
        if at < 0 or _known_place(brand):
            continue
        if at and is_word(unit[at - 1 : at + 1]):
            return ""  # 人文旅游 holds 文旅 across two words: no brand
        rest = core[size:]
        if rest and not any(is_word(rest[:n]) for n in (2, 3, 4)):
            return ""  # 华为赛力斯: 华为 is another's brand, this one is the whole name
        if is_word(brand) and tags.get(brand, "") not in ("nz", "nt", "nr", "nrt", "j"):
            return ""  # 建设, 科技: a common word, no brand
        return brand
    return ""


def namesakes(entities: list) -> list[tuple[object, object, str]]:
    """(unit, company, brand) for each unit of ``entities`` that carries the brand of one company among them,
    and (school, university, its name) for each school named after a university among them.

    A unit whose name starts with the company's own name is its part (partOf), not its namesake; a brand
    two companies share names neither.
    """
    companies = [e for e in entities if is_a(e.cls, "Company")]
    found = _university_schools(entities)
    for unit in entities:
        if not any(is_a(unit.cls, c) for c in UNIT_CLASSES) or is_a(unit.cls, "Company"):
            continue
        carried = []
        for company in companies:
            if unit.label.startswith(company.label):
                continue
            brand = carried_brand(unit.label, company.label)
            if brand:
                carried.append((company, brand))
        if len(carried) == 1:
            found.append((unit, *carried[0]))
    return found


def _university_schools(entities: list) -> list[tuple[object, object, str]]:
    """(school, university, the university's name) for a school named after a university of ``entities``
    (某某师范大学江北实验小学): the university lends it its name; one 附属 to it is its part (see
    kg.extract.pipeline._named_parts).

    >>> from types import SimpleNamespace as E
    >>> found = _university_schools([
    ...     E(label="青川师范大学", cls="University"),
    ...     E(label="青川师范大学江北实验小学", cls="PrimarySchool"),
    ...     E(label="青川师范大学附属星海高中", cls="SecondarySchool"),
    ... ])
    >>> [(s.label, u.label) for s, u, _ in found]
    [('青川师范大学江北实验小学', '青川师范大学')]
    """
    universities = [e for e in entities if is_a(e.cls, "University")]
    found = []
    for school in entities:
        if not is_a(school.cls, "School") or AFFILIATED_SCHOOL.search(school.label):
            continue
        for university in universities:
            rest = school.label[len(university.label) :]
            if school.label.startswith(university.label) and UNIVERSITY_SCHOOL.search(rest):
                found.append((school, university, university.label))
                break
    return found
