"""The website's language: its choice per request, and the names of groups and terms on its pages.

The pages' words are in :mod:`kg.i18n` with every other message.  Names of
classes and relations come from the ontology's ``rdfs:label`` @zh / @en
(:func:`term_label`).

>>> choose_language(None, "en-GB,en;q=0.9"), choose_language(None, "fr, zh-CN;q=0.5"), choose_language("en", "zh")
('en', 'zh', 'en')
"""

from __future__ import annotations

from rdflib import URIRef

from kg.i18n import LANGUAGES
from kg.model.terms import label
from kg.store.formats import ranked

GROUP_LABELS: dict[str, tuple[str, str]] = {
    "School": ("学校", "Schools"),
    "College": ("高校", "Colleges"),
    "EducationalOrganization": ("其他教育机构", "Other educational organisations"),
    "Company": ("企业", "Companies"),
    "GovernmentAgency": ("政府机构", "Government agencies"),
    "SocialOrganization": ("社会组织", "Social organisations"),
    "Platform": ("平台", "Platforms"),
    "Program": ("项目与计划", "Programs"),
    "Event": ("活动", "Events"),
    "Award": ("奖项与认定", "Awards"),
    "Place": ("地点", "Places"),
    "Person": ("人物", "People"),
    "Other": ("其他", "Others"),
}


def group_label(group: str, lang: str) -> str:
    zh, en = GROUP_LABELS.get(group, (group, group))
    return en if lang == "en" else zh


def term_label(iri: str, lang: str) -> str:
    """A class or relation name from the ontology's ``rdfs:label`` in ``lang`` (never a third spelling)."""
    return label(URIRef(iri), lang)


def choose_language(explicit: str | None, accept_language: str | None) -> str:
    """``zh`` or ``en``: the explicit choice (cookie or ``?lang=``), else the first of ``Accept-Language`` we have.

    Chinese when nothing is said or nothing matches.
    """
    if explicit in LANGUAGES:
        return explicit  # type: ignore[return-value]
    for tag in ranked(accept_language):  # q-values read where every Accept header is (kg.store.formats)
        if tag.split("-")[0] in LANGUAGES:
            return tag.split("-")[0]
    return "zh"
