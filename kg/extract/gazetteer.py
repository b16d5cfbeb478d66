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
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import ahocorasick

from kg.extract.normalize import normalize_name
from kg.i18n import text as message
from kg.model.names import ENTITIES_GRAPH, INFERRED_PREFIX, RDF, RDFS, SKOS, classes, entity_iri, ontology
from kg.model.terms import is_a, pick_label

log = logging.getLogger("kg")
MAX_NAME_LENGTH = 100  # characters; a longer label is no name to look for in running text
RELATIVE_PREFIX = re.compile(r"^(区|市|县|省|镇|街道)(?!级|域|内|外)")

# Relative references (全省, 本市, 我校 …): what they denote depends on the document, so they are never names.
RELATIVE = re.compile("[全本我该][省市区县镇校院]")
# A kind of zone alone (高新区, 经开区): every city has one, so a known zone's short name is no name elsewhere
ZONE_LEVELS = ("国家级", "省级")
ZONE_KIND_WORDS = (
    "经济技术开发区",
    "高新技术产业开发区",
    "经济开发区",
    "高新区",
    "经开区",
    "开发区",
    "新区",
    "工业园区",
    "园区",
)
ZONE_KIND = re.compile(f"(?:{'|'.join(ZONE_LEVELS)})?(?:{'|'.join(ZONE_KIND_WORDS)})")
# the names ZONE_KIND matches whole: Gazetteer.lookup asks for every name, one set look-up instead of a regex call
ZONE_KINDS = frozenset(level + kind for level in ("", *ZONE_LEVELS) for kind in ZONE_KIND_WORDS)


@cache
def _type_words() -> frozenset[str]:
    """The type words of the lexicon (学校, 共同体 …): a bare type word is a common noun, never a name."""
    from kg.extract.lexicon import table, words

    standard = {w for line in words("standard_bodies") for w in line.split("|")}  # 家长学校总校: every district's
    return frozenset(table("type_words", 2)) - standard


def _short_reference(alias: str, label: str, cls: str) -> bool:
    """True for an alias one text gave its event by the kind of the event alone (签约仪式, 成立大会 for
    江北区与远帆公司合作签约仪式): in that text it meant the one event, in another it means that text's own.

    >>> _short_reference("签约仪式", "青川学院与远帆公司签约仪式", "Event")
    True
    >>> _short_reference("远帆公司", "青川远帆公司", "Company")
    False
    """
    if alias == label or not is_a(cls, "Event"):
        return False
    return normalize_name(label).endswith(normalize_name(alias))


@dataclass(frozen=True)
class Known:
    """An entity the graph already has."""

    label: str
    cls: str
    iri: str  # as text (kg.model.names): extraction builds no rdflib term
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


def words_automaton(words: Iterable[str]) -> ahocorasick.Automaton:
    """An Aho–Corasick automaton of ``words``, each written backwards, each word's value its length (see
    :func:`leftmost_longest`, which reads a text backwards with it)."""
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word[::-1], len(word))
    automaton.make_automaton()
    return automaton


def leftmost_longest(automaton: ahocorasick.Automaton, text: str) -> list[tuple[int, int]]:
    """The spans of the words of ``automaton`` (:func:`words_automaton`) in ``text`` that
    ``re.compile(trie_pattern(words)).finditer(text)`` finds: at the leftmost position where a word starts, the
    longest word there, then on from its end.

    The automaton gives every occurrence, overlapping ones too, in one pass in C, from which the longest word of
    each start is kept; the regex engine tried the trie's alternation at each character that opens a word (two
    characters in five of a Chinese text: a third of the cost of the recogniser's scan for type words).  The
    automaton's own ``iter_long`` differs: it loses a word that ends inside a longer word's beginning (专业 in
    中等专业学院, where 中等专业学校 is a word).

    The words and the text are read backwards: every occurrence is found either way, and at each character the
    automaton looks for the next one among the characters words start with, one by one.  The type words start
    with 201 characters and end with 84: the pass over the text backwards costs two thirds of the pass forwards.

    >>> automaton = words_automaton(["学院", "学校", "产业学院", "专业", "中等专业学校"])
    >>> leftmost_longest(automaton, "中等专业学院和产业学院")
    [(2, 4), (4, 6), (7, 11)]
    """
    last = len(text) - 1
    spans = []
    taken = 0
    # (start, -length) of every occurrence: sorted, the starts in order, the longest word of each start first
    # (the automaton gives them backwards, by where they end in the reversed text: a sort of a reversed run)
    for start, negative in sorted([(last - end, -size) for end, size in automaton.iter(text[::-1])]):
        if start >= taken:
            taken = start - negative
            spans.append((start, taken))
    return spans


# What a marker may be besides a pattern: the characters (a string) or the words (a tuple) a match starts with,
# found by ``str.find`` (see :func:`starts`).
Marker = re.Pattern[str] | str | tuple[str, ...]


def starts(marker: str | tuple[str, ...], text: str, pos: int = 0, endpos: int | None = None) -> list[int]:
    """Where one of the characters (a string) or words (a tuple) of ``marker`` starts in ``text[pos:endpos]``, in
    increasing order (a position twice where two words start there).

    ``str.find`` skips to a character at memchr's speed; the regex engine tests each character of the text
    against a class of a few (``[（(]``, or ``集团|公司``'s first characters) in some 60 instructions: a scan of
    1 MiB of text (360,000 characters) for one cost 20 M instructions, and ``kg extract`` made some twenty.

    >>> starts("（(", "甲（乙(丙（"), starts(("集团", "公司"), "某集团公司，集")
    ([1, 3, 5], [1, 3])
    """
    end = len(text) if endpos is None else endpos
    found: list[int] = []
    find = text.find
    for word in marker:
        at = find(word, pos, end)
        while at >= 0:
            found.append(at)
            at = find(word, at + 1, end)
    found.sort()
    return found


def _marked(marker: Marker, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each hit of ``marker`` (a pattern's matches, or the characters of a string)."""
    if isinstance(marker, tuple):
        raise TypeError("a marker whose hits' ends are read must be a pattern or a string of characters")
    if isinstance(marker, str):
        return ((at, at + 1) for at in starts(marker, text, pos, endpos))
    end = len(text) if endpos is None else endpos
    return (hit.span() for hit in marker.finditer(text, pos, end))


def finditer_from(
    first: Marker,
    pattern: re.Pattern[str],
    text: str,
    pos: int = 0,
    endpos: int | None = None,
    needs: re.Pattern[str] | None = None,
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, pos, endpos)`` for a pattern that matches no empty string, tried only where
    ``first`` is found: ``first`` must find every position a match of ``pattern`` can start at (the characters
    it starts with: a pattern, or as a string of characters or a tuple of words, :func:`starts`).  ``needs``: a
    pattern of words one of which every match holds (主办, 承办 …: 办); none of them between ``pos`` and
    ``endpos``, no match, and no further search.

    The regex engine tries a pattern that opens with an optional part (``(?:作为|为)?(?:联合|共同)?主办``) at
    every position of the text, each try a few hundred instructions; a set of characters it skips at the
    engine's speed.  The matches are the same: the earliest position where ``pattern`` matches, then on from its
    end.

    >>> [m.group() for m in finditer_from(re.compile("[作主]"), re.compile("(?:作为)?主办"), "由A作为主办，B主办")]
    ['作为主办', '主办']
    >>> list(finditer_from(re.compile("[作主]"), re.compile("(?:作为)?主办"), "由A作为主持", needs=re.compile("办")))
    []
    """
    end = len(text) if endpos is None else endpos
    if needs is not None and needs.search(text, pos, end) is None:
        return iter(())  # (asked before a generator is made: the sentences of most calls hold none of the words)
    return _matches_from(first, pattern, text, pos, end)


def _matches_from(first: Marker, pattern: re.Pattern[str], text: str, pos: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of :func:`finditer_from`."""
    # ``first``'s hits in one scan (a call of search per hit cost twice as much): a hit never holds the start
    # of another (one character, or words such as 集团|公司 whose later characters start none), so the scan
    # finds every start; those inside the match before are passed over
    taken = pos
    if isinstance(first, (str, tuple)):
        hits: Iterable[int] = starts(first, text, pos, end)
    else:
        hits = (hit.start() for hit in first.finditer(text, pos, end))
    for at in hits:
        if at < taken:
            continue
        match = pattern.match(text, at, end)
        if match is not None:
            taken = match.end()
            yield match


def finditer_holding(
    pattern: re.Pattern[str], words: tuple[str, ...], text: str, pos: int, endpos: int
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, pos, endpos)`` for a pattern every match of which holds one of ``words``: where
    none of them stands between ``pos`` and ``endpos`` (most sentences), no match, found without a regex call
    (``str.find`` looks for a word in a few hundred instructions; a finditer that finds nothing costs ten times
    that, the rules of a sentence ask it some 50,000 times on 1 MiB of text).

    >>> [m.group() for m in finditer_holding(re.compile("(?:会议|活动)邀请"), ("邀请",), "活动邀请，会议", 0, 7)]
    ['活动邀请']
    >>> list(finditer_holding(re.compile("(?:会议|活动)邀请"), ("邀请",), "活动邀请，会议", 4, 7))
    []
    """
    # the span once, then ``in`` for each word: str.find parses its three arguments at each call (some 500
    # instructions), the span's copy costs less than one
    piece = text[pos:endpos]
    for word in words:
        if word in piece:
            return pattern.finditer(text, pos, endpos)
    return iter(())


def finditer_after(marker: re.Pattern[str] | str, pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that matches no empty string and opens with a lookbehind for what
    ``marker`` (a pattern, or a string of characters) finds (``(?<=[为是])…``): tried only where a match of
    ``marker`` ends, past the end of the match before (finditer's matches do not overlap).  A pattern that opens
    with a lookbehind is otherwise tried at every position of the text.

    >>> [m.group() for m in finditer_after(re.compile("[为是]"), re.compile("(?<=[为是])示范校"), "为示范校，是示范校")]
    ['示范校', '示范校']
    """
    taken = 0
    for _, after in _marked(marker, text):
        match = pattern.match(text, after) if after >= taken else None
        if match is not None:
            taken = match.end()
            yield match


def finditer_before(
    marker: re.Pattern[str] | str, pattern: re.Pattern[str], text: str, offsets: tuple[int, ...]
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that matches no empty string and each match of which has a match
    of ``marker`` start one of ``offsets`` characters after its own start (a name of two or three characters,
    then its bracket: ``([…]{2,3})[（(]…``, offsets 3 and 2): tried only there, in order, past the end of the
    match before.  A pattern that opens with a repeated class is otherwise tried at every position of the text.

    >>> pattern = re.compile("([甲乙丙丁]{2,3})[（(]")
    >>> [m.group(1) for m in finditer_before(re.compile("[（(]"), pattern, "甲乙丙（，丁乙(（", (3, 2))]
    ['甲乙丙', '丁乙']
    """
    offsets = tuple(sorted(offsets, reverse=True))  # the earliest start first
    taken = tried = 0
    for found, _ in _marked(marker, text):
        for offset in offsets:
            at = found - offset
            if at < taken or at < tried:  # inside the match before, or tried already (from the marker before)
                continue
            tried = at + 1
            match = pattern.match(text, at)
            if match is not None:
                taken = match.end()
                yield match
                break


def finditer_at(starts: Iterable[int], pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that matches no empty string and whose every match starts at one
    of ``starts`` (given in increasing order, a repeat tried once): tried there only, past the end of the match
    before.  For a pattern of lines (``^…`` with re.M): its lines' starts, found by what each must hold.

    >>> lines, text = re.compile("^甲+讯", re.M), "甲讯乙\\n甲甲讯\\n乙讯"
    >>> starts = (text.rfind("\\n", 0, m.start()) + 1 for m in re.finditer("讯", text))
    >>> [m.group() for m in finditer_at(starts, lines, text)]
    ['甲讯', '甲甲讯']
    """
    taken, tried = 0, -1
    for at in starts:
        if at < taken or at <= tried:
            continue
        tried = at
        match = pattern.match(text, at)
        if match is not None:
            taken = match.end()
            yield match


class Gazetteer:
    """Names of known entities; each name may denote several entities (区教委 in two districts)."""

    def __init__(self, entries: Iterable[tuple[str, Known]] = ()):
        self.names: dict[str, list[Known]] = {}
        self.yielding: frozenset[str] = frozenset()  # names that give way to a layer above (see Layered)
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

    def bucket(self, name: str) -> list[Known]:
        """Every entity called ``name``."""
        return self.names.get(name, [])

    def lookup(self, name: str, district: str = "", city: str = "") -> Known | None:
        """The entity ``name`` denotes in a text of ``district`` and ``city``; with several, the one of
        ``district``, else None (ambiguous).

        A local body's name without its place (家长学校 of 江北区's) is its name in a text of its own district or
        city, or of no place given, alone: elsewhere every district has one of its own.

        >>> known = Known("江北区家长学校", "ParentSchool", "urn:x", "江北区", "青川市")
        >>> gazetteer = Gazetteer([("家长学校", known)])
        >>> gazetteer.lookup("家长学校", "渝南区", "星海市"), gazetteer.lookup("家长学校", "江北区").label
        (None, '江北区家长学校')
        """
        if name in ZONE_KINDS:
            return None
        candidates = self.bucket(name)
        if len(candidates) == 1:
            found = candidates[0]
        else:
            local = [k for k in candidates if district and (k.district == district or k.label.startswith(district))]
            found = local[0] if len(local) == 1 else None
        return None if found is None or _elsewhere(found, name, district, city) else found

    @cached_property
    def automaton(self) -> ahocorasick.Automaton | None:
        """Aho–Corasick automaton of every name that can be matched as free text (see :meth:`finditer`).

        Unambiguous, not relative, two to :data:`MAX_NAME_LENGTH` characters;
        longer "names" (a paragraph loaded as a label) are skipped with one warning.
        """
        automaton = ahocorasick.Automaton()
        too_long = 0
        for name, bucket in self.names.items():
            if not _matchable(name, bucket):
                continue
            if len(name) > MAX_NAME_LENGTH:
                too_long += 1
                continue
            automaton.add_word(name, name)
        if too_long:
            log.warning(message("names_too_long", n=too_long, limit=MAX_NAME_LENGTH))
        if not len(automaton):
            return None
        automaton.make_automaton()
        return automaton

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Known names in ``text`` as (start, end, name): leftmost, longest, not overlapping.

        Linear in the text whatever the number and length of the names.

        >>> known = Known("华为技术有限公司", "Company", "urn:x")
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

    def fill(self, other: Gazetteer) -> set[str]:
        """Add the names of ``other`` this gazetteer lacks (first sense each); the names added.

        What this gazetteer knows wins: a reference list's name gives way to a curated one.
        """
        added = {name for name in other.names if name not in self.names}
        for name in added:
            self.add(name, other.names[name][0])
        return added

    def over(self, base: Gazetteer) -> Layered:
        """This gazetteer's names over ``base`` (shared, its automaton built once): see :class:`Layered`."""
        return Layered(base, self)

    def state(self) -> tuple[list[tuple[str, str, str, str, str]], list[tuple[str, list[int]]], list[str]]:
        """This gazetteer in builtin types only, what :mod:`marshal` keeps (see :func:`from_state`): each entity
        once, as (label, class, IRI, district, city); each name with the entities it denotes, by position; the
        yielding names.

        >>> known = Known("华为技术有限公司", "Company", "urn:x")
        >>> Gazetteer([("华为", known), ("華為", known)]).state()
        ([('华为技术有限公司', 'Company', 'urn:x', '', '')], [('华为', [0]), ('華為', [0])], [])
        """
        entities: dict[Known, int] = {}
        names = [(name, [entities.setdefault(k, len(entities)) for k in bucket]) for name, bucket in self.names.items()]
        known = [(k.label, k.cls, str(k.iri), k.district, k.city) for k in entities]
        return known, names, sorted(self.yielding)

    @classmethod
    def from_state(cls, state: tuple) -> Gazetteer:
        """The gazetteer :meth:`state` describes: the same names in the same order, each with the same entities.

        The names are taken as they were kept, not added again (they are already in both spellings).

        >>> known = Known("华为技术有限公司", "Company", "urn:x")
        >>> gazetteer = Gazetteer([("华为", known), ("華為", known)])
        >>> again = Gazetteer.from_state(gazetteer.state())
        >>> again.names == gazetteer.names, list(again.names), again.lookup("华为") is again.lookup("華為")
        (True, ['华为', '華為'], True)
        """
        entities, names, yielding = state
        known = [Known(*entity) for entity in entities]
        gazetteer = cls()
        gazetteer.names = {name: [known[i] for i in positions] for name, positions in names}
        gazetteer.yielding = frozenset(yielding)
        return gazetteer

    # -- sources -------------------------------------------------------------

    @classmethod
    def from_curated(cls, data, exclude: Iterable[str] = ()) -> Gazetteer:
        """Labels and aliases of the curated entities (:class:`~kg.sources.curated.CuratedData`) minus ``exclude``."""
        skip = set(exclude)
        gazetteer = cls()
        for entity in data.entities.values():
            if entity.label in skip:
                continue
            # (the curated entity's IRI is rdflib's term: its text, as every Known's)
            known = Known(entity.label, entity.cls, str(entity.iri), entity.district, entity.city)
            for name in (entity.label, *entity.aliases):
                if _short_reference(name, entity.label, entity.cls):
                    continue
                if not RELATIVE.fullmatch(name) and normalize_name(name) not in _type_words():
                    # 全省, 本市, 共同体, 學院: an alias one document used for its own subject, a name in none
                    gazetteer.add(name, known)
        return gazetteer

    @classmethod
    def from_ontology(cls) -> Gazetteer:
        """Entities the ontology itself names with skos:prefLabel / skos:altLabel (individuals, if any)."""
        from rdflib import URIRef  # (the ontology's graph is rdflib's)

        graph = ontology()
        gazetteer = cls()
        local = {iri: name for name, iri in classes().items()}
        alt, pref, label_of, kind = (URIRef(p) for p in (SKOS.altLabel, SKOS.prefLabel, RDFS.label, RDF.type))
        for subject in set(graph.subjects(alt, None)) | set(graph.subjects(pref, None)):
            types = [local[str(t)] for t in graph.objects(subject, kind) if str(t) in local]
            if not types or not isinstance(subject, URIRef):
                continue
            label = pick_label(graph.objects(subject, pref)) or pick_label(graph.objects(subject, label_of))
            if not label:
                continue
            known = Known(label, types[0], str(subject))
            for name in [label, *(str(v) for v in graph.objects(subject, alt) if v.language == "zh")]:
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
            registry = str(row["g"]) == ENTITIES_GRAPH
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
            known = Known(label, cls_name, iri, district, city)
            for name in sorted(names[iri]):
                gazetteer.add(name, known)
        return gazetteer


def _matchable(name: str, bucket: list[Known]) -> bool:
    """Whether ``name`` is looked for in running text: one entity, two characters or more, not relative."""
    return len(name) >= 2 and len(bucket) == 1 and not RELATIVE_PREFIX.match(name) and not ZONE_KIND.fullmatch(name)


class Layered(Gazetteer):
    """A small gazetteer (the store's entities one document names) over a big shared one.

    A name denotes the entities of both, the top's first; a name listed in the
    base's ``yielding`` (a reference-list name) counts only where the top
    does not have it.  The base's automaton is built once for every document;
    the top's few names are found with ``str.find``.

    >>> known = Known("甲公司", "Company", "urn:a")
    >>> other = Known("甲公司", "Company", "urn:b")
    >>> base = Gazetteer([("甲公司", known), ("乙学校", Known("乙学校", "School", "urn:c"))])
    >>> [n for _, _, n in base.finditer("甲公司和乙学校")]
    ['甲公司', '乙学校']
    >>> [n for _, _, n in Gazetteer([("甲公司", other)]).over(base).finditer("甲公司和乙学校")]  # now ambiguous
    ['乙学校']
    """

    def __init__(self, base: Gazetteer, top: Gazetteer):
        super().__init__()
        self.base, self.top = base, top
        self.names = _LayeredNames(self)  # type: ignore[assignment]

    def add(self, name: str, known: Known) -> None:
        self.top.add(name, known)

    def __len__(self) -> int:
        return len(self.base) + len(self.top)

    def __contains__(self, name: str) -> bool:
        return name in self.top or name in self.base

    def bucket(self, name: str) -> list[Known]:
        top = self.top.bucket(name)
        if top and name in self.base.yielding:
            return top
        below = self.base.bucket(name)
        if not top:
            return below
        return top + [k for k in below if all(k.iri != t.iri for t in top)]

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Names of either layer in ``text``, leftmost and longest, not overlapping (as :meth:`Gazetteer.finditer`)."""
        spans: list[tuple[int, int, str]] = []
        automaton = self.base.automaton
        if automaton is not None:
            spans += [(end + 1 - len(name), end + 1, name) for end, name in automaton.iter(text)]
        for name in self.top.names:
            if len(name) > MAX_NAME_LENGTH:
                continue
            at = text.find(name)
            while at >= 0:
                spans.append((at, at + len(name), name))
                at = text.find(name, at + 1)
        end = 0
        for start, stop, name in sorted(set(spans), key=lambda span: (span[0], -span[1])):
            if start >= end and _matchable(name, self.bucket(name)):
                yield start, stop, name
                end = stop


class _LayeredNames(Mapping[str, list[Known]]):
    """The names of a :class:`Layered` gazetteer as one read-only mapping."""

    def __init__(self, layered: Layered):
        self.layered = layered

    def __getitem__(self, name: str) -> list[Known]:
        bucket = self.layered.bucket(name)
        if not bucket:
            raise KeyError(name)
        return bucket

    def __iter__(self) -> Iterator[str]:
        yield from self.layered.top.names
        yield from (n for n in self.layered.base.names if n not in self.layered.top.names)

    def __len__(self) -> int:
        return sum(1 for _ in self)


# Classes whose nodes are no entities a text names.
NOT_NAMED = {"SourceDocument", "RelationAssertion", "Indicator"}
PROBES = 50_000  # substrings looked up in the name index at a time
NAME_RUNS = re.compile(r"[^，。；：！？、,;!?\n\r\t]{2,}")  # the stretches between punctuation a name never spans


class StoreNames:
    """The store's entities one text names, read from the store's name index (:mod:`kg.store.search`).

    The cost of :meth:`for_text` is that of the text (its substrings of up to
    the longest name's length are looked up), not of the store.  A store
    without an index on disk (in memory, remote) is read whole once, as
    :meth:`Gazetteer.from_store` does.  The graphs of ``exclude_graphs``
    (documents about to be replaced) are left out.
    """

    def __init__(self, store, exclude_graphs: Iterable[str] = ()):
        from kg.store.search import kept_index

        self.excluded = sorted({str(g) for g in exclude_graphs})
        on_disk = isinstance(getattr(store, "path", None), Path)  # a remote store's path is its URL
        self.index = kept_index(store) if on_disk else None
        self.whole = Gazetteer.from_store(store, self.excluded) if self.index is None else None
        self.longest = min(MAX_NAME_LENGTH, self.index.max_name_length()) if self.index is not None else 0
        self.local = {str(iri): name for name, iri in classes().items()}
        self._places: dict[str, str] = {}

    def close(self) -> None:
        if self.index is not None:
            self.index.close()

    def for_text(self, *texts: str) -> Gazetteer:
        """A gazetteer of the store's entities named in ``texts`` (with all their names)."""
        if self.whole is not None:
            return self.whole
        from kg.extract.normalize import normalize

        probes: set[str] = set()
        # each row once, in the order found: a long text names the same entities in slice after slice
        rows: dict[tuple[str, ...], None] = {}
        for text in {t for given in texts for t in (given, normalize(given).text)}:
            for run in NAME_RUNS.finditer(text):  # one stretch at a time: a long text is not split up whole
                piece = run.group()
                for start in range(len(piece) - 1):
                    for end in range(start + 2, min(len(piece), start + self.longest) + 1):
                        probes.add(piece[start:end])
                if len(probes) >= PROBES:  # a long text is looked up in slices: memory stays flat
                    rows.update(dict.fromkeys(self.index.entities_named(probes, self.excluded)))
                    probes.clear()
        rows.update(dict.fromkeys(self.index.entities_named(probes, self.excluded)))
        return self.gazetteer(list(rows))

    def for_names(self, names: Iterable[str]) -> Gazetteer:
        """A gazetteer of the store's entities called one of ``names`` (with all their names)."""
        if self.whole is not None:
            return self.whole
        return self.gazetteer(self.index.entities_named(names, self.excluded))

    def gazetteer(self, rows: Iterable[tuple[str, ...]]) -> Gazetteer:
        """Known entities from name-index rows, each described as :meth:`Gazetteer.from_store` would."""
        best: dict[str, tuple[bool, str, str, str, str]] = {}
        names: dict[str, list[str]] = {}
        registry_graph = ENTITIES_GRAPH
        rows = list(rows)
        self._place_labels({r[5] for r in rows} | {r[6] for r in rows})
        for name, iri, graph, field, kinds, district, city in rows:
            cls_name = next((self.local[k] for k in kinds.split() if k in self.local), None)
            if cls_name is None or cls_name in NOT_NAMED:
                continue
            registry = graph == registry_graph
            if field == "label" and (iri not in best or (registry and not best[iri][0])):
                best[iri] = (registry, name, cls_name, self._places.get(district, ""), self._places.get(city, ""))
            names.setdefault(iri, []).append(name)
        gazetteer = Gazetteer()
        for iri, (_, label, cls_name, district, city) in best.items():
            known = Known(label, cls_name, iri, district, city)
            for name in sorted(set(names[iri])):
                gazetteer.add(name, known)
        return gazetteer

    def _place_labels(self, iris: set[str]) -> None:
        wanted = {i for i in iris if i and i not in self._places}
        if not wanted:
            return
        for name, iri, _graph, field, _kinds, _d, _c in self.index.entity_names(wanted):
            if field == "label":
                self._places.setdefault(iri, name)
        for iri in wanted:
            self._places.setdefault(iri, "")


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


def _elsewhere(known: Known, name: str, district: str, city: str) -> bool:
    """True when ``name``, a local body's name without its place, is read in a text of another district and city."""
    if not (known.district or known.city) or not (district or city):
        return False  # a body of no place, or a text of no place: nothing says the two differ
    if (district and known.district == district) or (city and known.city == city):
        return False
    places = [place[:2] for place in (known.district, known.city) if place]
    # (a name its place starts, 江北区家长学校, given without it: a school of a province's name is no such name)
    return known.label.startswith(tuple(places)) and not any(place in name for place in places)
