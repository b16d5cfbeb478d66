"""Class groups, colours and shapes: how every view and export tells kinds of entity and relation apart.

One table, :data:`GROUPS`, gives each broad class group its colour and its
vis-network shape, most specific group first; a class belongs to the group of
its nearest listed ancestor, so a new subclass in the ontology needs no change
here.  A school is the same blue in the browser, in Gephi, in Neo4j and in a
report.  Relation kinds have a colour each, keyed by the relation, so adding a
kind never recolours the others.

>>> class_group("PrimarySchool"), class_group("IndustryCollege"), class_group("Prize")
('School', 'Platform', 'Award')
>>> class_colour("VocationalCollege") == class_colour("College") == GROUPS["College"].colour
True
"""

from __future__ import annotations

import colorsys
import hashlib
from dataclasses import dataclass
from functools import cache

from kg.model.terms import ancestors, label
from kg.model.vocab import KG, classes


@dataclass(frozen=True)
class Style:
    colour: str  # #rrggbb
    shape: str  # a vis-network node shape


# The broad groups per-class rankings and legends use, most specific first.
GROUPS: dict[str, Style] = {
    "School": Style("#2b6cb0", "dot"),
    "College": Style("#6b46c1", "dot"),
    "EducationalOrganization": Style("#0f8b8d", "dot"),
    "Company": Style("#dd6b20", "square"),
    "GovernmentAgency": Style("#c53030", "triangle"),
    "SocialOrganization": Style("#b83280", "triangle"),
    "Platform": Style("#2f855a", "diamond"),
    "Program": Style("#8a8f2e", "hexagon"),
    "Event": Style("#8c5a2b", "triangleDown"),
    "Award": Style("#d69e2e", "star"),
    "Place": Style("#4a5568", "square"),
    "Person": Style("#d53f8c", "dot"),
}
OTHER = Style("#718096", "dot")
# Lighter and darker steps for the subclasses of one group, in the order of their depth and name.
SHADES = (0.0, 0.14, -0.1, 0.26, -0.17, 0.34, 0.07, -0.05, 0.2, -0.13, 0.3, 0.1, -0.08)

# Colours for communities, districts and chart series (colour-blind-friendly first).
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#a6761d", "#1f78b4",
)  # fmt: skip
# The four sectors of kg.model.sectors in charts, in the palette's first colours.
SECTOR_COLOURS = {"education": PALETTE[0], "industry": PALETTE[1], "government": PALETTE[2], "society": PALETTE[4]}
GREY = "#a0aec0"  # what no colour is given for: small communities, unknown districts
INK, MUTED_INK, HALO = "#1a202c", "#4a5568", "#ffffff"  # labels, edge labels, and the halo that keeps them readable

RELATION_COLOURS: dict[str, str] = {
    "builds": "#4e79a7",
    "cooperatesWith": "#f28e2b",
    "designatedAs": "#e15759",
    "hasAward": "#76b7b2",
    "hosts": "#59a14f",
    "initiates": "#edc948",
    "integratesWith": "#b07aa1",
    "leads": "#ff9da7",
    "locatedIn": "#9c755f",
    "memberOf": "#1b9e77",
    "offers": "#d95f02",
    "partOf": "#7570b3",
    "participatesIn": "#e7298a",
    "trains": "#66a61e",
    "worksAt": "#a6761d",
}


def class_group(cls: str) -> str:
    """The broad group a class is ranked and drawn under (a key of :data:`GROUPS`), else the class itself."""
    for name in ancestors(cls):
        if name in GROUPS:
            return name
    return cls


def class_colour(cls: str) -> str:
    """The colour of a class's group (``#rrggbb``); grey-blue for a class outside every group.

    >>> class_colour("NoSuchClass")
    '#718096'
    """
    return GROUPS.get(class_group(cls), OTHER).colour


def relation_colour(relation: str) -> str:
    """The colour of a relation kind; a kind without one gets a palette colour chosen by its name, never by position.

    >>> relation_colour("trains"), relation_colour("mentors") == relation_colour("mentors")
    ('#66a61e', True)
    """
    if relation in RELATION_COLOURS:
        return RELATION_COLOURS[relation]
    digest = int(hashlib.sha1(relation.encode("utf-8")).hexdigest(), 16)
    return PALETTE[digest % len(PALETTE)]


def shade(colour: str, delta: float) -> str:
    """``colour`` made lighter (``delta`` > 0) or darker, kept readable on white.

    >>> shade("#2b6cb0", 0.0)
    '#2b6cb0'
    """
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    h, lightness, s = colorsys.rgb_to_hls(r, g, b)
    r, g, b = colorsys.hls_to_rgb(h, min(0.85, max(0.15, lightness + delta)), s)
    return "#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in (r, g, b)))


def rgb(colour: str) -> tuple[int, int, int]:
    """The red, green and blue components of ``#RRGGBB``.

    >>> rgb("#2B6CB0")
    (43, 108, 176)
    """
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


@cache
def class_styles(lang: str = "zh") -> dict[str, dict[str, str]]:
    """Colour, shape, group and labels of every ontology class (stable across graphs).

    Classes of one group share a shape and a hue; each subclass gets its own shade of it.

    >>> style = class_styles()["PrimarySchool"]
    >>> style["group"], style["shape"], style["label"]
    ('School', 'dot', '小学')
    """
    members: dict[str, list[str]] = {}
    for name in sorted(classes(), key=lambda c: (len(ancestors(c)), c)):
        members.setdefault(class_group(name), []).append(name)
    styles = {}
    for group, names in members.items():
        style = GROUPS.get(group, OTHER)
        group_label = label(KG[group], lang) if group in classes() else group
        for index, name in enumerate(names):
            styles[name] = {
                "color": shade(style.colour, SHADES[index % len(SHADES)]),
                "shape": style.shape,
                "group": group,
                "groupLabel": group_label,
                "label": label(KG[name], lang),
            }
    return styles


def class_style(cls: str, lang: str = "zh") -> dict[str, str]:
    """The style of one class; a class the ontology does not define is drawn plain, under its own name."""
    return class_styles(lang).get(
        cls, {"color": OTHER.colour, "shape": OTHER.shape, "group": cls, "groupLabel": cls, "label": cls}
    )
