"""One colour per kind of entity, so every graph export (and view) colours a class the same way."""

from __future__ import annotations

from functools import cache

from rdflib import RDFS

from kg.model.vocab import classes, ontology

# Colour of the nearest listed superclass: the base hues of the broad class groups `kg viz` uses
# (kg.outputs.viz.GROUP_STYLES), so a school is the same blue in the browser, in Gephi and in Neo4j.
FAMILY_COLOURS: dict[str, str] = {
    "School": "#2B6CB0",
    "College": "#6B46C1",
    "EducationalOrganization": "#0F8B8D",
    "Company": "#DD6B20",
    "GovernmentAgency": "#C53030",
    "SocialOrganization": "#B83280",
    "Platform": "#2F855A",
    "Program": "#8A8F2E",
    "Event": "#8C5A2B",
    "Award": "#D69E2E",
    "Place": "#4A5568",
    "Person": "#D53F8C",
}
DEFAULT_COLOUR = "#718096"


@cache
def class_colour(cls: str) -> str:
    """Hex colour (``#RRGGBB``) of an ontology class given its local name.

    A class takes the colour of itself or its nearest superclass that has one.

    >>> class_colour("VocationalCollege") == class_colour("College")
    True
    >>> class_colour("NoSuchClass")
    '#718096'
    """
    known = classes()
    if cls not in known:
        return DEFAULT_COLOUR
    for ancestor in ontology().transitive_objects(known[cls], RDFS.subClassOf):
        name = str(ancestor).rsplit("#", 1)[-1]
        if name in FAMILY_COLOURS and str(ancestor) == str(known.get(name)):
            return FAMILY_COLOURS[name]
    return DEFAULT_COLOUR


def rgb(colour: str) -> tuple[int, int, int]:
    """The red, green and blue components of ``#RRGGBB``.

    >>> rgb("#2B6CB0")
    (43, 108, 176)
    """
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)
