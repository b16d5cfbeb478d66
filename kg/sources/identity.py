"""Cross-document identity and namesakes: which names are one organisation, which only carry another's name.

Two kinds of link between entities are decided here, by rules over the names,
the reference gazetteers (:mod:`kg.sources.reference`), the classes and the
places:

* **identity** — 华为 / 华为公司 / 华为技术有限公司 / 華為 are one company; the
  same 学校标识码 or division code is one institution or place.  Each merge is
  ``A owl:sameAs B`` in a named graph of its own
  (``…/graph/same-as/<hash>``, with the rule that made it), so it can be
  listed and undone (:func:`merges`, :func:`unmerge`); an undone merge is
  remembered as ``owl:differentFrom`` in ``…/graph/identity-decisions`` and
  never made again.  The analysis shows one node per cluster
  (:func:`kg.analysis.projection.merge_same_as`).
* **namesake** — 华为ICT实训基地, 华为赛力斯, 比亚迪产业学院 carry another
  organisation's name: they are linked to it by ``kg:namedAfter`` with the
  sentence that names them as evidence, never merged with it.

:func:`duplicates` reports likely duplicates the rules did not merge
(similar names or the same pinyin, compatible classes).
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from rdflib import OWL, RDFS, Literal, URIRef

from kg.errors import KgError
from kg.i18n import did_you_mean
from kg.i18n import text as message
from kg.model.statements import Provenance, add_relation
from kg.model.terms import ancestors, compatible, is_a
from kg.model.vocab import ASSERTION, GRAPH, INFERRED_GRAPH, KG, KGR, content_iri, slug
from kg.sources.reference import lookup
from kg.store.inference import stated_graphs
from kg.store.sparql_text import term_text

SAME_AS_PREFIX = str(GRAPH) + "same-as/"
DECISIONS_GRAPH = GRAPH["identity-decisions"]
NAMESAKE_METHOD = "namesake"

# Words that a company's full legal name adds to the name people use (华为技术有限公司 → 华为).
LEGAL_SUFFIX = re.compile(r"(?:(?:股份|控股)?(?:有限责任|有限)?公司|集团(?:有限公司|公司)?|股份有限公司)$")
TRADE_WORDS = re.compile(r"(?:技术|科技|信息技术|网络科技|信息|实业|控股|电子|软件|智能科技)$")
PLACE_PREFIX = re.compile(r"^(?:中国|[\u4e00-\u9fff]{2,3}(?:省|市|自治区))(?=[\u4e00-\u9fff]{3})")
QUOTES = re.compile(r"[\s\"'“”‘’「」『』《》()（）]")


class IdentityError(KgError, LookupError):
    """An identity command names an entity or merge that does not exist."""


@cache
def _t2s():
    import opencc  # traditional → simplified, so 華為 and 华为 are one key

    return opencc.OpenCC("t2s")


def simplified(name: str) -> str:
    """``name`` in NFKC and simplified characters.

    >>> simplified("華為技術有限公司")
    '华为技术有限公司'
    """
    return _t2s().convert(unicodedata.normalize("NFKC", name))


def identity_key(name: str, cls: str = "Company") -> str:
    """The part of a name that identifies the organisation: simplified, no quotes, a company without its legal form.

    >>> [identity_key(n) for n in ("华为技术有限公司", "华为公司", "華為", "华为")]
    ['华为', '华为', '华为', '华为']
    >>> identity_key("重庆理工大学", "University")
    '重庆理工大学'
    """
    key = QUOTES.sub("", simplified(name))
    if is_a(cls, "Company"):
        stripped = LEGAL_SUFFIX.sub("", key)
        if stripped != key:  # 华为技术有限公司: the trade word goes with the legal form
            stripped = TRADE_WORDS.sub("", stripped) or stripped
        key = stripped if len(stripped) >= 2 else key
    return key


@dataclass(frozen=True)
class Described:
    """An entity as the store (or a document) describes it."""

    iri: str
    label: str
    cls: str
    aliases: tuple[str, ...] = ()
    district: str = ""
    city: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


@dataclass(frozen=True)
class Merge:
    """Two IRIs of one real organisation or place, and the rule that says so."""

    a: str
    b: str
    rule: str
    a_label: str = ""
    b_label: str = ""

    @property
    def graph(self) -> URIRef:
        return same_as_graph(self.a, self.b)


def same_as_graph(a: str, b: str) -> URIRef:
    """The named graph that holds the merge of ``a`` and ``b`` (the same for either order)."""
    first, second = sorted((a, b))
    return URIRef(SAME_AS_PREFIX + hashlib.sha1(f"{first}\x1f{second}".encode()).hexdigest()[:16])


def _places_agree(a: Described, b: Described) -> bool:
    return not (a.city and b.city and a.city != b.city) and not (a.district and b.district and a.district != b.district)


def _reference_code(entity: Described) -> str:
    for name in entity.names:
        ref = lookup(simplified(name), entity.cls, city=entity.city)
        if ref is not None and ref.code:
            return f"{ref.kind}:{ref.code}"
    return ""


def find_merges(entities: Iterable[Described]) -> list[Merge]:
    """Pairs of entities that are one organisation or place, by rule; each pair once, in a fixed order.

    Rules: the same reference identifier (学校标识码, division code); or the
    same identity key (simplified, without quotes, a company without its legal
    form) for organisations of compatible classes whose places do not
    disagree.  Entities are grouped by key, so the cost grows with the number
    of entities, not its square.

    >>> found = find_merges([Described("kgr:a", "华为", "Company"), Described("kgr:b", "華為技術有限公司", "Company")])
    >>> [(m.a, m.b, m.rule) for m in found]
    [('kgr:a', 'kgr:b', 'same-name')]
    """
    groups: dict[tuple[str, str], list[Described]] = defaultdict(list)
    for entity in entities:
        if not (is_a(entity.cls, "Organization") or is_a(entity.cls, "Place")):
            continue
        code = _reference_code(entity)
        if code:
            groups[("same-identifier", code)].append(entity)
        if is_a(entity.cls, "Organization"):
            for name in entity.names:
                groups[("same-name", identity_key(name, entity.cls))].append(entity)
    found: dict[tuple[str, str], Merge] = {}
    for (rule, _), members in sorted(groups.items()):
        members = sorted({m.iri: m for m in members}.values(), key=lambda m: m.iri)
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if (a.iri, b.iri) in found or not compatible(a.cls, b.cls) or not _places_agree(a, b):
                    continue
                found[(a.iri, b.iri)] = Merge(a.iri, b.iri, rule, a.label, b.label)
    return sorted(found.values(), key=lambda m: (m.a, m.b))


def duplicates(
    entities: Iterable[Described], merged: Iterable[tuple[str, str]] = ()
) -> list[tuple[Described, Described, str]]:
    """Likely duplicates not merged yet: compatible organisations with very similar names or the same pinyin.

    Names are compared within blocks that share the first character or the
    first pinyin syllable, so the cost stays far below all pairs.

    >>> a, b = Described("a", "重庆青年职业学院", "College"), Described("b", "重庆青年职业技术学院", "College")
    >>> pairs = duplicates([a, b])
    >>> [(a.label, b.label, why) for a, b, why in pairs]
    [('重庆青年职业学院', '重庆青年职业技术学院', 'similar names (0.89)')]
    """
    done = {tuple(sorted(pair)) for pair in merged}
    orgs = [e for e in entities if is_a(e.cls, "Organization")]
    blocks: dict[str, list[Described]] = defaultdict(list)
    for entity in orgs:
        key = identity_key(entity.label, entity.cls)
        blocks[key[:1]].append(entity)
        blocks["py:" + (slug(key).split("-") or [""])[0]].append(entity)
    found: dict[tuple[str, str], tuple[Described, Described, str]] = {}
    for members in blocks.values():
        members = sorted({m.iri: m for m in members}.values(), key=lambda m: m.iri)
        for i, a in enumerate(members):
            ka = identity_key(a.label, a.cls)
            for b in members[i + 1 :]:
                pair = (a.iri, b.iri)
                if pair in found or pair in done or not compatible(a.cls, b.cls) or not _places_agree(a, b):
                    continue
                kb = identity_key(b.label, b.cls)
                if ka == kb:
                    why = "same name"
                elif slug(ka).replace("-", "") == slug(kb).replace("-", ""):
                    why = "same pinyin"
                else:
                    ratio = difflib.SequenceMatcher(None, ka, kb).ratio()
                    if ratio < 0.85 or namesake_of(a, b) or namesake_of(b, a):
                        continue
                    why = f"similar names ({ratio:.2f})"
                found[pair] = (a, b, why)
    return sorted(found.values(), key=lambda t: (t[0].label, t[1].label))


def namesake_of(entity: Described, other: Described) -> str:
    """The name of ``other`` that ``entity``'s name carries, when ``entity`` is named after ``other``; else "".

    The other must be an organisation (not a place) named by at least two
    characters, and the name must be more than that name with a legal form
    (华为公司 is 华为 itself, not a namesake).

    >>> namesake_of(Described("x", "华为ICT实训基地", "TrainingBase"), Described("y", "华为", "Company"))
    '华为'
    >>> namesake_of(Described("x", "华为公司", "Company"), Described("y", "华为", "Company"))
    ''
    """
    if entity.iri == other.iri or not is_a(other.cls, "Organization") or not is_a(entity.cls, "Organization"):
        return ""
    own = [simplified(n) for n in entity.names]
    if identity_key(entity.label, entity.cls) in {identity_key(n, other.cls) for n in other.names}:
        return ""
    for name in sorted(other.names, key=len, reverse=True):
        plain = simplified(name)
        if len(plain) < 2 or plain.startswith(("区", "市", "县")):
            continue
        if any(plain in n and n != plain for n in own):
            return name
    return ""


def find_namesakes(
    entities: Iterable[Described], related: Iterable[tuple[str, str]] = ()
) -> list[tuple[Described, Described, str]]:
    """(entity, the organisation it is named after, the name it carries) for every namesake pair.

    Pairs already related by some relation (a sub-unit ``partOf`` its
    college) are left out: the name adds nothing there.
    """
    entities = list(entities)
    linked = {tuple(sorted(pair)) for pair in related}
    by_name: dict[str, list[Described]] = defaultdict(list)
    for entity in entities:
        for name in entity.names:
            if entity not in by_name[simplified(name)]:
                by_name[simplified(name)].append(entity)
    longest = max((len(n) for n in by_name), default=0)
    found: dict[tuple[str, str], tuple[Described, Described, str]] = {}
    for entity in entities:
        if not is_a(entity.cls, "Organization"):
            continue
        for text in {simplified(n) for n in entity.names}:
            for start in range(len(text)):  # every known name inside this one
                for end in range(start + 2, min(len(text), start + longest) + 1):
                    owners = by_name.get(text[start:end], [])
                    if len(owners) != 1:  # unknown, or a relative name several entities share (家长学校总校)
                        continue
                    other = owners[0]
                    pair = (entity.iri, other.iri)
                    if pair in found or tuple(sorted(pair)) in linked:
                        continue
                    carried = namesake_of(entity, other)
                    if carried:
                        found[pair] = (entity, other, carried)
    # the most specific target only: 华为ICT实训基地 is named after 华为, not also after 华为ICT
    of_entity: dict[str, list[tuple[str, str]]] = defaultdict(list)  # the pairs of each entity, not all pairs
    for (iri, other_iri), (_, _, carried) in found.items():
        of_entity[iri].append((other_iri, carried))
    result = []
    for (iri, _), (entity, other, carried) in sorted(found.items()):
        if any(o != other.iri and carried in c and carried != c for o, c in of_entity[iri]):
            continue
        result.append((entity, other, carried))
    return result


SENTENCE = re.compile(r"[^。！？!?\n]*")


LONGEST_SENTENCE = 2_000  # characters looked at on each side of a name for its sentence's ends


def sentence_with(text: str, name: str, start: int = 0) -> tuple[str, int, int] | None:
    """The sentence of ``text`` that first names ``name`` (from ``start`` on), with its offsets; None when none does.

    The sentence's ends are looked for within :data:`LONGEST_SENTENCE` characters of the name,
    so that the cost does not grow with the text (a long document names many organisations).

    >>> sentence_with("甲校成立。乙校联合华为赛力斯建成基地。", "华为赛力斯")
    ('乙校联合华为赛力斯建成基地。', 5, 19)
    """
    at = text.find(name, start)
    if at < 0:
        return None
    low = max(0, at - LONGEST_SENTENCE)
    before = max(text.rfind(c, low, at) for c in "。！？!?\n")
    begin = before + 1 if before >= 0 else low
    ends = [i for i in (text.find(c, at, at + LONGEST_SENTENCE) for c in "。！？!?\n") if i >= 0]
    end = min(ends) + 1 if ends else min(len(text), at + LONGEST_SENTENCE)
    if end <= len(text) and end > 0 and text[end - 1] == "\n":
        end -= 1
    return text[begin:end].strip(), begin + (len(text[begin:end]) - len(text[begin:end].lstrip())), end


def namesake_triples(
    entity: URIRef, other: URIRef, carried_by: str, doc: URIRef, doc_id: str, text: str, start: int = 0
) -> list[tuple]:
    """The ``kg:namedAfter`` relation and its assertion, with the sentence that names ``carried_by`` (from
    ``start`` on: where the entity is named) as evidence."""
    found = sentence_with(text, carried_by, start)
    if found is None:
        return []
    evidence, start, end = found
    triples: list[tuple] = []
    node = content_iri(ASSERTION, doc_id, str(entity), str(KG.namedAfter), str(other), evidence)
    add_relation(
        _Sink(triples), node, entity, KG.namedAfter, other, Provenance(doc, evidence, start, end, NAMESAKE_METHOD)
    )
    return triples


class _Sink:
    def __init__(self, triples: list):
        self.triples = triples

    def add(self, triple: tuple) -> None:
        self.triples.append(triple)


# -- the store --------------------------------------------------------------------------------------

ENTITIES = f"""
SELECT ?entity ?class ?label ?alias ?districtLabel ?cityLabel WHERE {{
  ?entity a ?class ; rdfs:label ?label .
  FILTER(STRSTARTS(STR(?entity), "{KGR}") && STRSTARTS(STR(?class), STR(kg:)))
  FILTER(?class NOT IN (kg:SourceDocument, kg:RelationAssertion, kg:Indicator))
  OPTIONAL {{ ?entity skos:altLabel ?alias }}
  OPTIONAL {{ ?entity kg:district/rdfs:label ?districtLabel }}
  OPTIONAL {{ ?entity kg:city/rdfs:label ?cityLabel }}
}}
"""
MERGES = f"""
SELECT ?g ?a ?b ?rule WHERE {{
  GRAPH ?g {{ ?a owl:sameAs ?b . OPTIONAL {{ ?g kg:method ?rule }} }}
  FILTER(STRSTARTS(STR(?g), "{SAME_AS_PREFIX}"))
}}
"""
DECISIONS = f"SELECT ?a ?b WHERE {{ GRAPH <{DECISIONS_GRAPH}> {{ ?a owl:differentFrom ?b }} }}"
LABELS = "SELECT ?e ?label WHERE { ?e rdfs:label ?label }"


def store_entities(store, exclude_graphs: Iterable[str] = ()) -> list[Described]:
    """Every entity of ``store`` with its most specific stated class, labels, aliases and places."""
    graphs = [g for g in stated_graphs(store) if str(g) not in set(map(str, exclude_graphs)) and g != INFERRED_GRAPH]
    rows = store.select(ENTITIES, default_graphs=graphs)
    data: dict[str, dict] = {}
    for row in rows:
        iri = str(row["entity"])
        cls = str(row["class"]).rsplit("#", 1)[-1]
        item = data.setdefault(iri, {"labels": set(), "classes": set(), "district": "", "city": ""})
        item["classes"].add(cls)
        item["labels"].add(str(row["label"]))
        if row.get("alias") is not None:
            item["labels"].add(str(row["alias"]))
        item["district"] = item["district"] or str(row.get("districtLabel") or "")
        item["city"] = item["city"] or str(row.get("cityLabel") or "")
    result = []
    for iri, item in sorted(data.items()):
        # the most specific class: the one no other stated class is a subclass of
        cls = sorted(item["classes"], key=lambda c: (-len(ancestors(c)), c))[0]
        label = sorted(item["labels"], key=lambda n: (-len(n), n))[0]
        result.append(
            Described(iri, label, cls, tuple(sorted(item["labels"] - {label})), item["district"], item["city"])
        )
    return result


def merges(store) -> list[Merge]:
    """The merges the store holds, with the rule that made each and the labels of both ends."""
    labels: dict[str, str] = {}
    for row in store.select(LABELS):
        labels.setdefault(str(row["e"]), str(row["label"]))
    found = {}
    for row in store.select(MERGES):
        a, b = str(row["a"]), str(row["b"])
        found[str(row["g"])] = Merge(a, b, str(row.get("rule") or ""), labels.get(a, a), labels.get(b, b))
    return sorted(found.values(), key=lambda m: (m.a_label, m.b_label))


def rejected(store) -> set[tuple[str, str]]:
    """Pairs a person has unmerged: never merged again by the rules."""
    return {tuple(sorted((str(r["a"]), str(r["b"])))) for r in store.select(DECISIONS)}


def merge_graphs(found: Iterable[Merge], existing: Iterable[Merge] = (), rejected_pairs=frozenset()) -> dict:
    """Named graphs for the merges of ``found`` not yet in the store nor rejected: graph IRI → triples."""
    have = {tuple(sorted((m.a, m.b))) for m in existing}
    graphs: dict[URIRef, list] = {}
    for merge in found:
        pair = tuple(sorted((merge.a, merge.b)))
        if pair in have or pair in rejected_pairs:
            continue
        graph = merge.graph
        graphs[graph] = [
            (URIRef(merge.a), OWL.sameAs, URIRef(merge.b)),
            (graph, KG.method, Literal(merge.rule)),
            (graph, RDFS.comment, Literal(f"{merge.a_label} = {merge.b_label}", lang="zh")),
        ]
    return graphs


def resolve_name(store, name: str) -> str:
    """The IRI of the entity whose IRI, label or alias is ``name``; :class:`IdentityError` otherwise."""
    entities = store_entities(store)
    for entity in entities:
        if name == entity.iri or name in entity.names:
            return entity.iri
    plain = simplified(name)
    for entity in entities:
        if plain in (simplified(n) for n in entity.names):
            return entity.iri
    close = suggestions(name, [n for e in entities for n in e.names])
    raise IdentityError(message("no_entity", name=name, hint=did_you_mean(close)))


def suggestions(name: str, names: Iterable[str], n: int = 5) -> list[str]:
    """Names close to ``name``: by characters, as a part of a longer name, or by pinyin (华伟 → 华为, huawei → 华为).

    >>> suggestions("华伟", ["华为", "巴南区"]), suggestions("huawei", ["华为", "巴南区"])
    (['华为'], ['华为'])
    """
    names = list(dict.fromkeys(names))
    close = difflib.get_close_matches(name, names, n=n, cutoff=0.5)
    close += [x for x in names if name in x and x not in close][: n - len(close)]
    sound = slug(name).replace("-", "")
    if sound and len(close) < n:
        spoken = {x: slug(x).replace("-", "") for x in names}
        same = [x for x in names if spoken[x] == sound and x not in close]
        near = difflib.get_close_matches(sound, [spoken[x] for x in names if x not in close], n=n, cutoff=0.8)
        close += same + [x for x in names if spoken[x] in near and x not in close and x not in same]
    return close[:n]


def unmerge(store, a: str, b: str) -> Merge:
    """Undo the merge of the entities named ``a`` and ``b`` and remember the decision; return the merge undone."""
    ia, ib = resolve_name(store, a), resolve_name(store, b)
    pair = tuple(sorted((ia, ib)))
    for merge in merges(store):
        if tuple(sorted((merge.a, merge.b))) == pair:
            decisions = [(URIRef(x), OWL.differentFrom, URIRef(y)) for x, y in sorted(rejected(store) | {pair})]
            store.replace_graphs({merge.graph: [], DECISIONS_GRAPH: decisions})
            return merge
    raise IdentityError(message("not_merged", a=a, b=b))


def _add_names(entities: dict[str, Described], extra: Iterable[Described]) -> None:
    """Add ``extra`` (about to be written) to ``entities``: new ones as they are, known ones with their new names."""
    for entity in extra:
        known = entities.get(entity.iri)
        if known is None:
            entities[entity.iri] = entity
        else:
            names = set(known.names) | set(entity.names)
            entities[entity.iri] = Described(
                known.iri, known.label, known.cls, tuple(sorted(names - {known.label})), known.district, known.city
            )


def refresh_merges(store, extra: Iterable[Described] = (), exclude_graphs: Iterable[str] = ()) -> dict:
    """Merge graphs to write: new merges the rules find for the store's entities plus ``extra`` (about to be
    written), and an empty graph (a removal) for every merge whose entity no graph but ``exclude_graphs`` describes.
    """
    entities = {e.iri: e for e in store_entities(store, exclude_graphs)}
    stale: dict = {}
    present = set(entities) | {e.iri for e in extra}
    existing = merges(store)
    for merge in existing:
        if merge.a not in present or merge.b not in present:
            stale[merge.graph] = []
    _add_names(entities, extra)
    kept = [m for m in existing if m.graph not in stale]
    return {**stale, **merge_graphs(find_merges(entities.values()), kept, rejected(store))}


# -- one write's worth of the store (its name index) -------------------------------------------------


def name_index(store):
    """The name index of an on-disk embedded store (:mod:`kg.store.search`), current; None for other stores."""
    from pathlib import Path

    from kg.store.search import kept_index

    return kept_index(store) if isinstance(getattr(store, "path", None), Path) else None


def described_from_index(index, rows: Iterable[tuple[str, ...]]) -> list[Described]:
    """Entities from name-index rows, described as :func:`store_entities` describes them."""
    data: dict[str, dict] = {}
    for name, iri, _graph, _field, kinds, district, city in rows:
        names = [k.rsplit("#", 1)[-1] for k in kinds.split() if k.startswith(str(KG))]
        names = [c for c in names if c not in ("SourceDocument", "RelationAssertion", "Indicator")]
        if not names:
            continue
        item = data.setdefault(iri, {"labels": set(), "classes": set(), "district": "", "city": ""})
        item["classes"].update(names)
        item["labels"].add(name)
        item["district"] = item["district"] or district
        item["city"] = item["city"] or city
    places = {p for item in data.values() for p in (item["district"], item["city"]) if p}
    labels: dict[str, str] = {}
    for name, iri, _graph, field, *_ in index.entity_names(places):
        if field == "label":
            labels.setdefault(iri, name)
    result = []
    for iri, item in sorted(data.items()):
        cls = sorted(item["classes"], key=lambda c: (-len(ancestors(c)), c))[0]
        label = sorted(item["labels"], key=lambda n: (-len(n), n))[0]
        result.append(
            Described(
                iri,
                label,
                cls,
                tuple(sorted(item["labels"] - {label})),
                labels.get(item["district"], ""),
                labels.get(item["city"], ""),
            )
        )
    return result


def entities_within(store, names: Iterable[str], exclude_graphs: Iterable[str] = ()) -> list[Described] | None:
    """The store's entities whose name is one of ``names`` or a part of one (two characters or more).

    What :func:`find_namesakes` needs to know about the store for entities
    named ``names``; read from the name index, so the cost is that of the
    names.  None when the store has no name index (read it whole then).
    """
    index = name_index(store)
    if index is None:
        return None
    try:
        probes: set[str] = set()
        for name in names:
            for text in {name, simplified(name)}:
                probes.update(text[i:j] for i in range(len(text)) for j in range(i + 2, len(text) + 1))
        return described_from_index(index, index.entities_named(probes, exclude_graphs))
    finally:
        index.close()


MERGES_OF = f"""
SELECT ?g ?a ?b ?rule WHERE {{
  GRAPH ?g {{ ?a owl:sameAs ?b . OPTIONAL {{ ?g kg:method ?rule }} }}
  FILTER(STRSTARTS(STR(?g), "{SAME_AS_PREFIX}"))
}}
"""


def merges_of(store, iris: Iterable[str], labels: Mapping[str, str] | None = None) -> list[Merge]:
    """The merges of the store that have one of ``iris`` at either end.

    Two queries per :data:`MERGE_BATCH` IRIs (a ``VALUES`` list, each IRI written by Oxigraph's
    serialiser): a query costs more than its rows while a big document's write is in progress.
    """
    labels = labels or {}
    found: dict[str, Merge] = {}
    wanted = sorted(set(iris))
    head = "SELECT ?g ?a ?b ?rule WHERE {"
    for start in range(0, len(wanted), MERGE_BATCH):
        values = " ".join(term_text(URIRef(iri)) for iri in wanted[start : start + MERGE_BATCH])
        for end in ("a", "b"):
            query = MERGES_OF.replace(head, f"{head} VALUES ?{end} {{ {values} }}", 1)
            for row in store.select(query):
                a, b = str(row["a"]), str(row["b"])
                found[str(row["g"])] = Merge(a, b, str(row.get("rule") or ""), labels.get(a, a), labels.get(b, b))
    return sorted(found.values(), key=lambda m: (m.a, m.b))


MERGE_BATCH = 500  # IRIs per query of merges_of


def refresh_merges_for(
    store, extra: Iterable[Described] = (), exclude_graphs: Iterable[str] = (), *, drop_stale: bool = True
) -> dict:
    """:func:`refresh_merges` for one write, reading only what it can touch (through the store's name index).

    New merges are sought between the written entities ``extra`` and the
    store's entities that share a name key or a reference identifier with
    one of them; merges are dropped when an entity only ``exclude_graphs``
    described is at one end (unless ``drop_stale`` is false: a document
    written part by part looks for those once, :func:`described_only_by` and
    :func:`stale_merges`).  A store without a name index falls back to
    :func:`refresh_merges` (the whole store).
    """
    index = name_index(store)
    if index is None:
        return refresh_merges(store, extra, exclude_graphs)
    extra = list(extra)
    excluded = sorted({str(g) for g in exclude_graphs})
    try:
        iris: set[str] = set()
        probes: set[str] = set()
        for entity in extra:
            if not (is_a(entity.cls, "Organization") or is_a(entity.cls, "Place")):
                continue
            probes.update(entity.names)
            for name in entity.names:
                ref = lookup(simplified(name), entity.cls, city=entity.city)
                if ref is not None and ref.code:
                    probes.update((ref.name, *ref.aliases))
                if is_a(entity.cls, "Organization"):
                    iris.update(index.entities_with_prefix(identity_key(name, entity.cls)))
        iris.update(row[1] for row in index.entities_named(probes, excluded))
        entities = {e.iri: e for e in described_from_index(index, index.entity_names(iris, excluded))}
        gone = set(index.entities_in_graphs(excluded)) - {e.iri for e in extra} if drop_stale else set()
        still = {row[1] for row in index.entity_names(gone, excluded)}
    finally:
        index.close()
    stale = stale_merges(store, gone - still)
    _add_names(entities, extra)
    found = find_merges(entities.values())
    existing = merges_of(store, {e for m in found for e in (m.a, m.b)})
    kept = [m for m in existing if m.graph not in stale]
    return {**stale, **merge_graphs(found, kept, rejected(store))}


def described_only_by(store, graphs: Iterable[str]) -> set[str] | None:
    """IRIs of the entities that ``graphs`` name and no other graph does (None: the store has no name index).

    Asked before a document is written part by part: after the write, those
    the new version no longer names lose their merges (:func:`stale_merges`).
    """
    index = name_index(store)
    if index is None:
        return None
    graphs = sorted({str(g) for g in graphs})
    try:
        named = set(index.entities_in_graphs(graphs))
        return named - {row[1] for row in index.entity_names(named, graphs)}
    finally:
        index.close()


def stale_merges(store, iris: Iterable[str]) -> dict:
    """Graph → [] for every merge with one of ``iris`` at an end: written, it removes those merges."""
    return {merge.graph: [] for merge in merges_of(store, iris)}


def still_named(store, iris: Iterable[str]) -> set[str]:
    """Those of ``iris`` that some graph of the store names (through the name index; all of them without one)."""
    index = name_index(store)
    if index is None:
        return set(iris)
    try:
        return {row[1] for row in index.entity_names(iris)}
    finally:
        index.close()


def described(entities: Mapping[str, tuple[str, str, Iterable[str], str, str]]) -> list[Described]:
    """Described entities from ``iri → (label, class, aliases, district, city)``."""
    return [Described(iri, lab, cls, tuple(al), d, c) for iri, (lab, cls, al, d, c) in entities.items()]
