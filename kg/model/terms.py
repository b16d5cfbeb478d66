"""The ontology's terms as the rest of the code asks about them: names, labels, the class hierarchy, relation kinds.

The one home of three rules every layer needs:

* **local names** — ``kg:VocationalCollege`` → ``VocationalCollege`` (:func:`local_name`);
* **labels** — which of a term's labels to show in a language (:func:`pick_label`):
  the language asked for, else Chinese, else English, else one without a
  language, else the smallest — so the choice never depends on row order;
* **the class hierarchy** — :func:`ancestors`, :func:`is_a`, :func:`compatible`,
  :func:`descendants`, read from ``rdfs:subClassOf`` in ``ontology/kg.ttl``;
  and what the ontology says of each relation kind: :func:`domain`,
  :func:`range_of`, :func:`is_symmetric`.

>>> local_name("https://w3id.org/kg-cityedu/ontology#College"), label(KG.College, "en"), label(KG.College)
('College', 'College or university', '高等学校')
>>> is_a("SecondaryVocationalSchool", "School"), compatible("Program", "Initiative"), compatible("School", "Company")
(True, True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from kg.model.names import KG, RDFS, classes, ontology, ontology_facts

if TYPE_CHECKING:
    from rdflib.term import Node

LANGUAGES = ("zh", "en")  # people read Chinese first; English is the other language every term has


def local_name(iri: str | Node) -> str:
    """The part of an IRI after its last ``#`` or ``/``.

    >>> local_name("https://w3id.org/kg-cityedu/id/chong-qing"), local_name(KG.trains)
    ('chong-qing', 'trains')
    """
    return re.split(r"[#/]", str(iri))[-1]


def language_of(value: Node) -> str:
    """The primary language subtag of a literal (``zh`` for ``zh-CN``), "" when it has none."""
    from rdflib import Literal  # (given rdflib's terms, it is loaded: extraction never asks)

    return _primary((value.language or "") if isinstance(value, Literal) else "")


def _primary(tag: str | None) -> str:
    return (tag or "").split("-")[0].lower()


def by_language(values: Iterable[Node]) -> dict[str, str]:
    """One text per language ("" for none): the smallest, so the choice is stable.

    >>> from rdflib import Literal
    >>> by_language([Literal("乙", lang="zh"), Literal("甲", lang="zh-CN"), Literal("A", lang="en")])
    {'en': 'A', 'zh': '乙'}
    """
    from rdflib import Literal  # (given rdflib's terms, it is loaded: extraction never asks)

    return _texts((str(v), v.language) for v in values if isinstance(v, Literal))


def _texts(pairs: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    texts: dict[str, str] = {}
    for language, text in sorted((_primary(tag), text) for text, tag in pairs):
        texts.setdefault(language, text)
    return texts


def pick_label(values: Iterable[Node], lang: str = "zh") -> str | None:
    """The label to show in ``lang``: that language, else Chinese, else English, else none, else any.

    >>> from rdflib import Literal
    >>> pick_label([Literal("College", lang="en"), Literal("高校", lang="zh")], "en")
    'College'
    >>> pick_label([Literal("College", lang="en"), Literal("高校", lang="zh")], "fr")
    '高校'
    >>> pick_label([]) is None
    True
    """
    from rdflib import Literal  # (given rdflib's terms, it is loaded: extraction never asks)

    return pick_text(((str(v), v.language) for v in values if isinstance(v, Literal)), lang)


def pick_text(pairs: Iterable[tuple[str, str | None]], lang: str = "zh") -> str | None:
    """:func:`pick_label`'s rule over (text, language tag) pairs, as read from any store's rows.

    >>> pick_text([("College", "en"), ("高校", "zh-CN")], "fr")
    '高校'
    """
    texts = _texts(pairs)
    for wanted in (lang, *LANGUAGES, ""):
        if wanted in texts:
            return texts[wanted]
    return texts[min(texts)] if texts else None


def label(term: str, lang: str = "zh") -> str:
    """The ontology's label of ``term`` in ``lang`` (see :func:`pick_label`), else its local name."""
    return pick_text(ontology_facts()["labels"].get(str(term), ()), lang) or local_name(term)


@cache
def ancestors(cls: str) -> tuple[str, ...]:
    """``cls`` and its ontology superclasses (local names of kg: classes), nearest first.

    A name the ontology does not define is its own only ancestor.

    >>> ancestors("VocationalCollege")[:3]
    ('VocationalCollege', 'College', 'EducationalOrganization')
    """
    known = classes()
    if cls not in known:
        return (cls,)
    parents = ontology_facts()["parents"]  # (each class's, sorted)
    names = {str(iri): name for name, iri in known.items()}
    order: list[str] = [cls]
    frontier = [str(known[cls])]
    while frontier:  # breadth first, so nearer ancestors come first
        following = []
        for iri in frontier:
            for parent in parents.get(iri, ()):
                name = names.get(parent)
                if name and name not in order:
                    order.append(name)
                    following.append(parent)
        frontier = following
    return tuple(order)


def is_a(cls: str, ancestor: str) -> bool:
    """Whether class ``cls`` is ``ancestor`` or one of its subclasses.

    >>> is_a("PrimarySchool", "EducationalOrganization"), is_a("Company", "Platform")
    (True, False)
    """
    # The rules ask this some 700,000 times on 1 MiB of text: a lookup of the class, then of the ancestor in its
    # set, costs less than functools.cache did (a tuple of the two made and hashed at every call).
    try:
        return ancestor in _ANCESTOR_SETS[cls]
    except KeyError:
        _ANCESTOR_SETS[cls] = frozenset(ancestors(cls))
        return ancestor in _ANCESTOR_SETS[cls]


_ANCESTOR_SETS: dict[str, frozenset[str]] = {}  # class → its ancestors and itself (is_a)


class _Kinds(dict[str, frozenset[str]]):
    """Class → :func:`descendants` of it, made when first asked for (see :data:`KINDS`)."""

    def __missing__(self, cls: str) -> frozenset[str]:
        kinds = self[cls] = descendants(cls)
        return kinds


# ``cls in KINDS["Event"]`` is ``is_a(cls, "Event")`` for a class of the ontology (any ``cls``): a lookup where the
# rules asked is_a some 400,000 times on 1 MiB of text, each a call (some 550 instructions)
KINDS = _Kinds()


@cache
def compatible(a: str, b: str) -> bool:
    """Whether one class is the other or a subclass of it (Program and Initiative)."""
    return is_a(a, b) or is_a(b, a)


@cache
def descendants(cls: str) -> frozenset[str]:
    """``cls`` and every class below it.

    >>> sorted(descendants("College"))
    ['College', 'University', 'VocationalCollege']
    """
    return frozenset(name for name in classes() if is_a(name, cls))


@cache
def _relation_classes(relation: str, prop: str) -> frozenset[str]:
    members = ontology_facts()["members"][prop].get(KG[relation], ())  # (the classes of a union too)
    return frozenset(local_name(m) for m in members if m.startswith(str(KG)))


def domain(relation: str) -> frozenset[str]:
    """The classes (local names) the ontology allows as subject of ``relation``; empty when any.

    >>> sorted(domain("worksAt"))
    ['Person']
    """
    return _relation_classes(relation, RDFS.domain)


def range_of(relation: str) -> frozenset[str]:
    """The classes (local names) the ontology allows as object of ``relation``; empty when any."""
    return _relation_classes(relation, RDFS.range)


def fits(relation: str, subject_class: str, object_class: str) -> bool:
    """Whether the ontology's domain and range of ``relation`` admit these classes (any, where none is stated).

    >>> fits("worksAt", "Person", "University"), fits("worksAt", "Company", "University")
    (True, False)
    """
    allowed = domain(relation), range_of(relation)
    return all(not classes_ or any(is_a(cls, c) for c in classes_) for cls, classes_ in zip(
        (subject_class, object_class), allowed, strict=True))  # fmt: skip


@cache
def super_properties(prop: str) -> frozenset[str]:
    """``prop`` and every property above it, as IRIs.

    >>> sorted(local_name(p) for p in super_properties(KG.integratesWith))
    ['cooperatesWith', 'integratesWith', 'relatedTo']
    """
    from rdflib import URIRef  # (the graph's terms: evaluation asks, extraction never does)

    return frozenset(str(p) for p in ontology().transitive_objects(URIRef(str(prop)), URIRef(RDFS.subPropertyOf)))


@cache
def symmetric_relations() -> frozenset[str]:
    """Local names of the relation kinds the ontology declares symmetric.

    >>> "cooperatesWith" in symmetric_relations(), "trains" in symmetric_relations()
    (True, False)
    """
    return frozenset(local_name(p) for p in ontology_facts()["symmetric"])


def is_symmetric(relation: str) -> bool:
    return relation in symmetric_relations()
