"""Known entity names: the curated graph, the ontology's labels and entities already in a store.

A :class:`Gazetteer` maps names (labels and aliases) to :class:`Known`
entities.  The recogniser finds these names in new text and the resolver
links mentions to them, so that an entity already known is reused (same IRI,
same class) instead of being minted again.

Relative names such as 区教委 (“the district's education commission”) are
aliases of several entities; they are kept for lookup with a district but
never matched as free text: :mod:`kg.extract.resolve` qualifies them first.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property

import ahocorasick
from rdflib import RDF, RDFS, URIRef

from kg.extract.normalize import normalize_name
from kg.model.terms import pick_label
from kg.model.vocab import ENTITIES_GRAPH, INFERRED_PREFIX, SKOS, classes, ontology

log = logging.getLogger("kg")
MAX_NAME_LENGTH = 100  # characters; a longer label is no name to look for in running text
RELATIVE_PREFIX = re.compile(r"^(区|市|县|省|镇|街道)(?!级|域|内|外)")

# Relative references (全省, 本市, 我校 …): what they denote depends on the document, so they are never names.
RELATIVE = re.compile("[全本我该][省市区县镇校院]")


@cache
def _type_words() -> frozenset[str]:
    """The type words of the lexicon (学校, 共同体 …): a bare type word is a common noun, never a name."""
    from kg.extract.lexicon import table, words

    standard = {w for line in words("standard_bodies") for w in line.split("|")}  # 家长学校总校: every district's
    return frozenset(table("type_words", 2)) - standard


@dataclass(frozen=True)
class Known:
    """An entity the graph already has."""

    label: str
    cls: str
    iri: URIRef
    district: str = ""
    city: str = ""


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` shaped as a trie, longest alternatives first.

    >>> re.findall(trie_pattern(["学院", "学校", "产业学院"]), "产业学院和学校")
    ['产业学院', '学校']
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alternatives = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie) or "(?!)"


class Gazetteer:
    """Names of known entities; each name may denote several entities (区教委 in two districts)."""

    def __init__(self, entries: Iterable[tuple[str, Known]] = ()):
        self.names: dict[str, list[Known]] = {}
        for name, known in entries:
            self.add(name, known)

    def add(self, name: str, known: Known) -> None:
        """Register ``name`` for ``known``, and its normalised spelling too (華為 is found as 华为)."""
        name = name.strip()
        if not name:
            return
        for spelling in {name, normalize_name(name)}:
            bucket = self.names.setdefault(spelling, [])
            if all(k.iri != known.iri for k in bucket):
                bucket.append(known)
        self.__dict__.pop("automaton", None)

    def __len__(self) -> int:
        return len(self.names)

    def __contains__(self, name: str) -> bool:
        return name in self.names

    def lookup(self, name: str, district: str = "") -> Known | None:
        """The entity ``name`` denotes; with several, the one of ``district``, else None (ambiguous)."""
        candidates = self.names.get(name, [])
        if len(candidates) == 1:
            return candidates[0]
        local = [k for k in candidates if district and (k.district == district or k.label.startswith(district))]
        return local[0] if len(local) == 1 else None

    @cached_property
    def automaton(self) -> ahocorasick.Automaton | None:
        """Aho–Corasick automaton of every name that can be matched as free text (see :meth:`finditer`).

        Unambiguous, not relative, two to :data:`MAX_NAME_LENGTH` characters;
        longer "names" (a paragraph loaded as a label) are skipped with one warning.
        """
        automaton = ahocorasick.Automaton()
        too_long = 0
        for name, bucket in self.names.items():
            if len(name) < 2 or len(bucket) != 1 or RELATIVE_PREFIX.match(name):
                continue
            if len(name) > MAX_NAME_LENGTH:
                too_long += 1
                continue
            automaton.add_word(name, name)
        if too_long:
            log.warning(
                "kg: %d known name(s) longer than %d characters skipped for matching in text", too_long, MAX_NAME_LENGTH
            )
        if not len(automaton):
            return None
        automaton.make_automaton()
        return automaton

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Known names in ``text`` as (start, end, name): leftmost, longest, not overlapping.

        Linear in the text whatever the number and length of the names.

        >>> known = Known("华为技术有限公司", "Company", URIRef("urn:x"))
        >>> list(Gazetteer([("华为", known), ("华为技术有限公司", known)]).finditer("与华为技术有限公司、华为"))
        [(1, 9, '华为技术有限公司'), (10, 12, '华为')]
        """
        automaton = self.automaton
        if automaton is None:
            return
        for end, name in automaton.iter_long(text):
            yield end + 1 - len(name), end + 1, name

    def merged(self, *others: Gazetteer) -> Gazetteer:
        result = Gazetteer()
        for gazetteer in (self, *others):
            for name, bucket in gazetteer.names.items():
                for known in bucket:
                    result.add(name, known)
        return result

    # -- sources -------------------------------------------------------------

    @classmethod
    def from_curated(cls, data, exclude: Iterable[str] = ()) -> Gazetteer:
        """Labels and aliases of the curated entities (:class:`~kg.sources.curated.CuratedData`) minus ``exclude``."""
        skip = set(exclude)
        gazetteer = cls()
        for entity in data.entities.values():
            if entity.label in skip:
                continue
            known = Known(entity.label, entity.cls, entity.iri, entity.district, entity.city)
            for name in (entity.label, *entity.aliases):
                if not RELATIVE.fullmatch(name) and name not in _type_words():
                    # 全省, 本市, 共同体: an alias one document used for its own subject, a name in none
                    gazetteer.add(name, known)
        return gazetteer

    @classmethod
    def from_ontology(cls) -> Gazetteer:
        """Entities the ontology itself names with skos:prefLabel / skos:altLabel (individuals, if any)."""
        graph = ontology()
        gazetteer = cls()
        local = {iri: name for name, iri in classes().items()}
        for subject in set(graph.subjects(SKOS.altLabel, None)) | set(graph.subjects(SKOS.prefLabel, None)):
            types = [local[t] for t in graph.objects(subject, RDF.type) if t in local]
            if not types or not isinstance(subject, URIRef):
                continue
            label = pick_label(graph.objects(subject, SKOS.prefLabel)) or pick_label(graph.objects(subject, RDFS.label))
            if not label:
                continue
            known = Known(label, types[0], subject)
            for name in [label, *(str(v) for v in graph.objects(subject, SKOS.altLabel) if v.language == "zh")]:
                gazetteer.add(name, known)
        return gazetteer

    @classmethod
    def from_reference(cls) -> Gazetteer:
        """Names of the reference lists (:mod:`kg.sources.reference`): institutions, divisions, central bodies.

        Only names one entry has; divisions of three characters or more (城区 is
        a word before it is a district).

        >>> known = Gazetteer.from_reference().lookup("重庆理工大学")
        >>> known.cls, known.iri.rsplit("/", 1)[-1]
        ('University', 'chong-qing-li-gong-da-xue')
        """
        from kg.model.vocab import entity_iri
        from kg.sources.reference import reference_names

        gazetteer = cls()
        for name, ref in reference_names():
            if ref.kind == "division" and (len(name) < 3 or ref.cls == "Place"):
                continue
            city = ref.city if ref.kind != "division" or ref.cls != "City" else ""
            gazetteer.add(name, Known(ref.name, ref.cls, entity_iri(ref.name), "", city))
        return gazetteer

    @classmethod
    def from_store(cls, store, exclude_graphs: Iterable[str] = ()) -> Gazetteer:
        """Every labelled entity in ``store`` (any object with the Store ``select`` API), with its stated class.

        The entity registry's description wins over a document's; the inferred
        graph (superclasses) is left out so that each entity keeps its own class,
        and so are ``exclude_graphs`` (documents about to be replaced: what they
        said must not change how they are read again).
        """
        excluded = {str(g) for g in exclude_graphs}
        local = {str(iri): name for name, iri in classes().items()}
        skip = {"SourceDocument", "RelationAssertion", "Indicator"}
        best: dict[str, tuple[bool, str, str, str, str]] = {}  # iri → (from registry, label, class, district, city)
        names: dict[str, set[str]] = {}
        place_labels = {str(row["place"]): str(row["label"]) for row in store.select(PLACE_LABELS)}
        for row in store.select(STORE_ENTITIES):
            iri, cls_name = str(row["entity"]), local.get(str(row["class"]))
            if cls_name is None or cls_name in skip or str(row["g"]) in excluded:
                continue
            registry = str(row["g"]) == str(ENTITIES_GRAPH)
            if iri not in best or (registry and not best[iri][0]):
                best[iri] = (
                    registry,
                    str(row["label"]),
                    cls_name,
                    place_labels.get(str(row.get("district", "")), ""),
                    place_labels.get(str(row.get("city", "")), ""),
                )
            names.setdefault(iri, set()).add(str(row["label"]))
            if "alias" in row:
                names[iri].add(str(row["alias"]))
        gazetteer = cls()
        for iri, (_, label, cls_name, district, city) in best.items():
            known = Known(label, cls_name, URIRef(iri), district, city)
            for name in sorted(names[iri]):
                gazetteer.add(name, known)
        return gazetteer


STORE_ENTITIES = f"""
SELECT ?entity ?class ?label ?alias ?district ?city ?g WHERE {{
  GRAPH ?g {{
    ?entity a ?class ; rdfs:label ?label .
    OPTIONAL {{ ?entity skos:altLabel ?alias }}
    OPTIONAL {{ ?entity kg:district ?district }}
    OPTIONAL {{ ?entity kg:city ?city }}
  }}
  FILTER(!STRSTARTS(STR(?g), "{INFERRED_PREFIX}") && STRSTARTS(STR(?class), STR(kg:)))
}}
"""
PLACE_LABELS = (
    "SELECT ?place ?label WHERE { ?place a ?class ; rdfs:label ?label FILTER(?class IN (kg:District, kg:City)) }"
)
