"""Extraction: Chinese text in, entities, relations and indicators out, as RDF in the project's data model.

:func:`extract_file` reads a file (UTF-8 or GB18030, see :func:`kg.sources.documents.read_text`),
cleans it with the same code as the seed documents and extracts every article;
:class:`Extractor` does one article.  :func:`document_graph` turns an
:class:`Extraction` into the triples of the document's named graph:

* the document (``kg:SourceDocument``, headline, text, district, city, authors,
  ``kg:method "extraction"``);
* every entity it mentions (class, ``rdfs:label``, ``skos:altLabel`` for the
  other names the text uses, ``kg:district``, ``kg:city``, ``kg:mentionedIn``);
  an entity the graph already knows keeps its IRI, label and class;
* every relation as a direct triple and as a ``kg:RelationAssertion`` with the
  evidence sentence, its offsets, the document and the rule (``kg:method``);
* every indicator as a ``kg:Indicator`` with the same provenance.

Entity descriptions live in the graph of each document that mentions them, so
removing a document never takes away an entity another document or the
curated registry still describes; the same entity described in two graphs is
the same triples twice, which queries collapse with DISTINCT.
"""

from __future__ import annotations

import bisect
import importlib.util
import itertools
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlparse

import pyoxigraph as ox

from kg import user_cache
from kg.extract.confidence import Confidence, bundled
from kg.extract.gazetteer import Gazetteer
from kg.extract.namesakes import AFFILIATED_SCHOOL, namesakes
from kg.extract.ner import (
    COUNCILS,
    LONG_ROLE,
    REFERENCES,
    Mention,
    Recognizer,
    division_starts,
    forget_names,
    is_group,
    is_listed_name,
    place_length,
    province_starts,
    school_kind,
    type_word_ends_name,
)
from kg.extract.normalize import Normalized, normalize, normalize_name
from kg.extract.relations import (
    CLAUSE_BREAK,
    SYMMETRIC,
    Indicator,
    Relation,
    cooperation_kind,
    extract_relations,
    forget_measures,
    most_named,
    named_after_parent,
)
from kg.extract.resolve import WHOLE_SCHOOLS, Entity, KeySet, Resolver, own_committee, technician_college
from kg.extract.sentences import segments
from kg.model.names import (
    ASSERTION,
    DATA_DIR,
    INDICATOR,
    ONTOLOGY_FILE,
    PACKAGE_ROOT,
    classes,
    document_iri,
    entity_iri,
    relation_properties,
)
from kg.model.statements import (
    NTRIPLES,
    OXIGRAPH,
    Provenance,
    TermKit,
    add_document,
    add_entity,
    add_indicator,
    add_relation,
    add_text_piece,
    assertion_name,
    indicator_name,
    rdflib_kit,
)
from kg.model.terms import KINDS, is_a
from kg.sources.documents import MAX_BYTES, Article, clean_file
from kg.sources.reference import bodies, universities

if TYPE_CHECKING:
    from rdflib import Graph

METHOD = "extraction"
FORMATS = ("turtle", "trig", "jsonl")


@dataclass
class Extraction:
    """What one article yields."""

    article: Article
    entities: list[Entity]
    relations: list[Relation]
    indicators: list[Indicator]
    mentions: list[Mention]
    first: bool = True  # carries the document (a part of a long text: the first one)
    last: bool = True  # the last extraction of the article (a long text: its last part)
    described: bool = True  # carries entities of the document with their mentions: every one, or a long text's share
    places: Mapping[str, str] | None = None  # label → IRI of the document's places (see document_triples)
    # a long text's own words, a block at a time (position, the original text of the block): stored in parts
    text_piece: tuple[int, str] | None = None

    @property
    def doc_id(self) -> str:
        return self.article.id

    @property
    def iri(self) -> str:
        return document_iri(self.article.id)

    @property
    def empty(self) -> bool:
        return not self.relations and not self.indicators and not any(e.mentions for e in self.entities)


class Extractor:
    """Extracts articles with one gazetteer; build it once and reuse it (compiling the patterns takes a moment)."""

    def __init__(
        self, gazetteer: Gazetteer | None = None, block: int | None = None, confidence: Confidence | None = None
    ):
        self.gazetteer = gazetteer or Gazetteer()
        self.block = block or BLOCK  # characters read at a time (see text_blocks)
        self.recognizer = Recognizer(self.gazetteer)
        # which of the entities no fact uses are described (kg.extract.confidence; everything() keeps all)
        self.confidence = confidence or bundled()

    def extract(
        self,
        article: Article,
        progress: Callable[[int], None] | None = None,
        publisher: str = "",
        gazetteer: Gazetteer | None = None,
    ) -> Extraction:
        """Entities, relations and indicators of ``article``.

        The rules read the normalised text (:func:`kg.extract.normalize.normalize`:
        simplified characters, full-width punctuation, no invisible characters);
        every offset of the result points into ``article.text`` as given.
        ``progress`` is called with the number of characters read after each
        block of a long text.  ``publisher`` names the organisation whose news
        it is (我校, 本校 … refer to it); without it, the first school or
        college the text names.  :meth:`parts` gives the same block by block.
        ``gazetteer``: the names to use for this article instead of the extractor's
        own (e.g. a :class:`~kg.extract.gazetteer.Layered` one with the store's
        entities the article names).
        """
        found = list(self.parts(article, progress, publisher, gazetteer))
        if len(found) == 1:
            return found[0]
        described = [part for part in found if part.described]
        return Extraction(
            found[-1].article,
            [e for part in described for e in part.entities],
            [r for part in found for r in part.relations],
            [i for part in found for i in part.indicators],
            sorted((m for part in described for m in part.mentions), key=lambda m: m.start),
        )

    def parts(
        self,
        article: Article,
        progress: Callable[[int], None] | None = None,
        publisher: str = "",
        gazetteer: Gazetteer | None = None,
    ) -> Iterator[Extraction]:
        """What :meth:`extract` finds, as one :class:`Extraction` per block of the text, each given as soon as
        its block is read: a long text is extracted and written in a working memory that does not grow with it.

        A text of one block gives one extraction, the same as :meth:`extract`.  In a
        longer one each part holds the relations (each once over the document) and
        indicators of its block and the entities they involve or the block names;
        the first part carries the document (``first``).  After the last block come
        the relations found from the names of the whole text, then every entity of
        the document with its mentions, :data:`TAIL` at a time (``described``; the
        very last part: ``last``).  The entities live on disk meanwhile
        (:meth:`kg.extract.resolve.Resolver.spill`): memory holds one block's.
        """
        normalized = normalize(article.text)
        text = self.recognizer.comma_lists(normalized.text)  # (one character for another: the offsets stay)
        article = replace(  # the metadata in the normalised spelling too; the text stays as given
            article,
            title=normalize_name(article.title),
            district=normalize_name(article.district),
            city=normalize_name(article.city),
            authors=[normalize_name(a) for a in article.authors],
        )
        gazetteer = self.gazetteer if gazetteer is None else gazetteer
        resolver = Resolver(gazetteer, article.district, article.city)
        if publisher:
            publisher = normalize_name(publisher)
            type_word = self.recognizer.type_word(publisher)
            cls = self.recognizer.suffix_class[type_word][0] if type_word else "Organization"
            resolver.publisher = (publisher, cls)
        else:
            # the school the site that published the text is named after, else the site its address names,
            # else a college the text calls by its short name only, else the one school its headline names
            resolver.publisher = (
                self._site_school(article, gazetteer, text)
                or site_publisher(article.source, gazetteer, text)
                or abbreviated_publisher(text)
                or self._headline_school(article, gazetteer, text)
            )
            resolver.headlined = resolver.publisher is not None and resolver.publisher[0] in article.title
        topic = None
        if article.city:
            topic = resolver.place(article.city, "City")
        if article.district:
            topic = resolver.place(article.district, "District")
            topic.cls = "District"  # the text's own district, though a county-level city (都江堰市) by the list
        for author in article.authors:
            resolver.place(author, "Person")
        # A long text is read block by block (paragraphs, about BLOCK characters each): time stays linear and
        # the working memory is that of one block; entities carry over from block to block.
        blocks = text_blocks(text, self.block)
        if len(blocks) > 1:
            resolver.start_spilling()
        seen = KeySet(resolver, "seen")  # relation keys given so far: each relation once over the document
        used: set[int] = set()  # the entities a fact is about (ids): described even when the text never names them
        used_labels = KeySet(resolver, "used")  # the same in a long text, by label
        entities: list[Entity] = []
        for number, (begin, finish) in enumerate(blocks):
            forget_names()  # (the answers kept per name: one block's at a time)
            forget_measures()
            mentions = self.recognizer.mentions(text[begin:finish], article.district, article.city, gazetteer)
            for mention in mentions:
                mention.start += begin
                mention.end += begin
            # the place an organisation's name starts with (青川省 of 青川省教育厅), the names of an elliptical
            # list of places (江北市、渝南市…职业院校联盟): entities, described though no mention stands for them
            heads = {}
            for head in (m for m in mentions if m.rule == "name-head"):
                heads[(head.start, head.end)] = resolver.place(head.name, head.cls)
                used_labels.add(head.name)
                if len(blocks) == 1:  # ids are kept for one block only (a long text's entities leave memory)
                    used.add(id(heads[(head.start, head.end)]))
            mentions = [m for m in mentions if m.rule != "name-head"]
            if resolver.publisher is None and number == 0:
                resolver.publisher = self._school_of_units(mentions) or self._site_school(
                    article, gazetteer, text, mentions
                )
            entities = resolver.resolve(text, mentions)
            parts = segments(text, begin, finish)
            if topic is not None and resolver.db is not None:  # the block's own copy of it (read back from disk)
                topic = resolver.get(topic.label) or topic
            pair = self._headline_pair(article, gazetteer, resolver, text, mentions) if number == 0 else None
            actor = self._topic(resolver, topic, mentions)
            found, counted = extract_relations(text, mentions, actor, parts, heads, pair)
            relations = {}
            for relation in found:
                if seen.add(relation.key()):
                    relations.setdefault(relation.key(), relation)
            if len(blocks) == 1:
                used.update(id(i.subject) for i in counted)
                entities = self._last(text, article, entities, resolver, relations, seen, used)
                extraction = Extraction(article, entities, list(relations.values()), counted, mentions)
                if not normalized.identity:
                    _to_original(extraction, normalized)
                yield extraction
                return
            for entity in entities:
                del entity.mentions[MAX_MENTIONS:]  # enough to show where it is named; memory stays flat
            involved = {
                id(m.entity): m.entity for m in mentions if m.entity is not None and not _bare_province(m.entity)
            }
            if number == 0:
                involved.update((id(e), e) for e in entities if not _bare_province(e))
            involved.update((id(e), e) for r in relations.values() for e in (r.subject, r.object))
            involved.update((id(i.subject), i.subject) for i in counted)
            for entity in [i.subject for i in counted] + [e for r in relations.values() for e in (r.subject, r.object)]:
                used_labels.add(entity.label)
            # the original text of the block, to where the next block's starts: the pieces tile the whole text
            piece_start = 0 if number == 0 else normalized.start(begin)
            last_block = number == len(blocks) - 1
            piece_end = len(article.text) if last_block else normalized.start(blocks[number + 1][0])
            part = Extraction(
                article,
                list(involved.values()),
                list(relations.values()),
                counted,
                [],
                first=number == 0,
                last=False,
                described=False,
                text_piece=(number, article.text[piece_start:piece_end]),
            )
            if not normalized.identity:
                _to_original(part, normalized)
            resolver.spill()  # the block's entities go to disk: memory holds one block's
            if progress is not None:
                progress(finish - begin)
            yield part
        yield from self._tail(text, article, normalized, resolver, seen, used_labels)

    def _tail(
        self,
        text: str,
        article: Article,
        normalized: Normalized,
        resolver: Resolver,
        seen: KeySet,
        used: KeySet,
    ) -> Iterator[Extraction]:
        """What :meth:`_last` adds to a long text, read from the entities on disk :data:`TAIL` at a time."""

        def stating(relations: list[Relation]) -> Extraction:
            for relation in relations:
                used.add(relation.subject.label)
                used.add(relation.object.label)
            part = Extraction(article, [], relations, [], [], first=False, last=False, described=False)
            if not normalized.identity:
                _to_original(part, normalized)
            return part

        organisations = _Organisations(resolver)
        for chunk in resolver.stored(TAIL):
            relations = [
                r for r in _named_parts(text, chunk, resolver, self.recognizer, organisations) if seen.add(r.key())
            ]
            resolver.spill()  # the owners the names carry (黎明职业大学轻工学院), created on the way
            if relations:
                yield stating(relations)
        relations = []
        for unit_label, whole_label, position in resolver.stored_part_of():
            key = (unit_label, "partOf", whole_label)
            unit, whole = resolver.peek(unit_label), resolver.peek(whole_label)
            if unit is None or whole is None or key in seen:
                continue
            seen.add(key)
            start, end = sentence_at(text, position)
            relations.append(Relation(unit, "partOf", whole, start, end, "part-owner"))
            if len(relations) >= TAIL:
                yield stating(relations)
                relations = []
        if relations:
            yield stating(relations)

        def kept(entity: Entity) -> bool:  # as in _last
            if _bare_province(entity):
                return entity.label in used
            return entity.label in used or self._described(entity, text, article)

        def described(entities: list[Entity]) -> Extraction:
            mentions = sorted({id(m): m for e in entities for m in e.mentions}.values(), key=lambda m: m.start)
            places = {}
            for label in {article.district, article.city} | {n for e in entities for n in (e.district, e.city)}:
                place = resolver.peek(label) if label else None
                if place is not None and kept(place):
                    places[label] = place.iri
            part = Extraction(article, entities, [], [], mentions, first=False, last=False, places=places)
            if not normalized.identity:
                _to_original(Extraction(article, [], [], [], mentions), normalized)
            return part

        previous = None
        for chunk in resolver.stored(TAIL):
            entities = [e for e in chunk if kept(e)]
            if entities:
                if previous is not None:
                    yield previous
                previous = described(entities)
        previous = previous or described([])
        previous.last = True
        yield previous

    def _site_school(
        self, article: Article, gazetteer: Gazetteer, text: str, mentions: list[Mention] | None = None
    ) -> tuple[str, str] | None:
        """The school whose site published a text that speaks of its own school (我校, 学院): the site's name
        (``site`` of the sidecar) when it spells, whole, the name of one educational organisation (a school, a
        college, a division) and the text names it too, or (given the first block's ``mentions``) names no
        whole school at all, or the headline names the site's school or opens with 我校 / 我院 (and the text names
        no other form of the site's school).

        A site's name the text does not use may be the school's other name (a text of 某某大学 on the site
        of 某某职业大学) or the site of one of its divisions: the school the text names is the publisher then.

        >>> from kg.extract.pipeline import Extractor, default_gazetteer
        >>> article = Article(id="a", title="", text="青川职业技术学院与某公司签约。我校…", site="青川职业技术学院")
        >>> Extractor(default_gazetteer())._site_school(article, default_gazetteer(), article.text)
        ('青川职业技术学院', 'VocationalCollege')
        """
        site = normalize_name(article.site)
        if not site or "转载" in site or not _speaks_of_own_school(text):
            return None  # (某某学院(转载《某某日报》): a paper's report the site reprints, no news of its own)
        # a text that names a school of its own is the site's news when its headline names the site's school too
        # (某某商专与某某学院举行签约仪式 on the site of 某某商专: 我校 is the site's); else a report of others
        schools = [
            m for m in mentions or () if not m.ref and not m.nested and any(is_a(m.cls, c) for c in WHOLE_SCHOOLS)
        ]
        named = [m.name for m in schools]
        # 校党委书记张三带队到某某学院调研: the text speaks of its own school before it names any, the site's
        own = next((m.start for m in mentions or () if m.ref == "publisher" or own_committee(m.name)), None)
        names_school = bool(named) and (own is None or own > schools[0].start)
        # the school's name, whole, or before the name of its news site (某某职业大学产教融合网, 某某学院新闻网) or of
        # the division whose site it is (某某学院合作发展处); a page's title may add its column (某某学院 (校园新闻),
        # 学校要闻-某某学院): each part between such marks
        names = []
        for part in [p for p in SITE_PARTS.split(site) if len(p) >= 4] or [site]:
            # 某某学院工学院, the site of a division the text never names whole: its 我院 is the school's, as the
            # annotated sets read it
            names += [
                part[:cut]
                for cut in range(len(part) - 2, 3, -1)
                if part.endswith(DIVISION_ENDS, 0, cut)
                and len(part) - cut >= 3
                and part.endswith(("学院", "系"))
                and not part.endswith("产业学院")  # (an industry college acts for itself)
                and "与" not in part[cut:]  # (a faculty of two fields: see below)
                and part not in text
            ][:1]
            names += [part] + [part[:cut] for cut in range(len(part) - 1, 3, -1) if NEWS_SITE.fullmatch(part, cut)]
            names += [
                part[: m.end]
                for m in self.recognizer.mentions(part, article.district, article.city, gazetteer)
                if m.start == 0 and m.end < len(part) and not m.ref and DIVISION_SITE.fullmatch(part, m.end)
            ]
            # (某某职业技术学院校企合作中心: the office's name the recogniser reads whole, a platform's; the school's
            # name ends before it)
            names += [
                part[:cut]
                for cut in range(len(part) - 4, 3, -1)
                if part.endswith(SITE_SCHOOL_ENDS, 0, cut) and DIVISION_SITE.fullmatch(part, cut)
            ][:1]
        for name in names:
            if mentions is None and name not in text:
                continue
            # the headline names it, or says 我校 where the text names no other form of the site's school
            # (某某职业大学 on the site of 某某职业技术大学: the text's own name for it)
            headline = name in article.title or (
                article.title.startswith(OWN_SCHOOL_WORDS)
                and not any(n[:2] == name[:2] and n[-2:] == name[-2:] for n in named)
            )
            # 某某大学材料与化学工程学院: a university's faculty of two fields, named whole by its site; its own news
            # where the headline says 我院 too or the text names it whole
            fields = name.find("与")
            university = name.rfind("大学", 0, fields) + len("大学") if fields > 0 else -1
            if university > len("大学") and DIVISION.fullmatch(name, university):
                if headline or (not names_school and name in text):
                    return name, "College"
                if not names_school:  # a text that names the faculty by its field alone (材料学院): the school's
                    found = self.recognizer.mentions(name[:university], article.district, article.city, gazetteer)
                    school = next((m for m in found if m.start == 0 and m.end == university and not m.ref), None)
                    if school is not None and is_a(school.cls, "University"):
                        return school.name, school.cls
                continue
            found = self.recognizer.mentions(name, article.district, article.city, gazetteer)
            whole = [m for m in found if m.start == 0 and m.end == len(name) and not m.ref]
            if len(whole) == 1 and is_a(whole[0].cls, "EducationalOrganization") and (headline or not names_school):
                return whole[0].name, whole[0].cls
        return None

    def _headline_school(self, article: Article, gazetteer: Gazetteer, text: str) -> tuple[str, str] | None:
        """The school a text's 我校 / 学院 / 学校 mean when its headline names one school and the text speaks of
        its own (某某一行到访某某职业技术学院 …我院院长某某陪同): the school whose news it is.

        Of several, the one that opens the headline, joined to the next party (某某职院与某某大学举行签约仪式):
        a school's own news names itself first.  None when the headline names no school, or several and none
        first, or the text never speaks of its own school.
        """
        if not article.title or not _speaks_of_own_school(text):
            return None
        found: dict[tuple[str, str], Mention] = {}
        parties = [
            m
            for m in self.recognizer.mentions(article.title, article.district, article.city, gazetteer)
            if not m.ref and not m.nested
        ]
        for mention in parties:
            # the class the lists give (某某北方学院 is a university), not only the type word's (学院: College)
            known = gazetteer.lookup(mention.name, article.district, article.city)
            cls = known.cls if known is not None else mention.cls
            if any(is_a(cls, c) for c in WHOLE_SCHOOLS):
                found.setdefault((mention.name, cls), mention)
        if len(found) == 1:
            return next(iter(found))
        first = next(iter(found.items()), None)
        if first is None or first[1] is not parties[0] or len(parties) < 2:
            return None
        return first[0] if article.title[first[1].end : parties[1].start] in PAIR_JOINS else None

    def _headline_pair(
        self, article: Article, gazetteer: Gazetteer, resolver: Resolver, text: str, mentions: list[Mention]
    ) -> list[Entity] | None:
        """The two parties a headline joins (某某商专与某某学院举行签约仪式), as the text's entities: whom a
        双方 in the text means before any sentence names a pair.  None unless the headline names exactly two
        organisations, joined by 与 / 和 / 携手, and the text names both (or one and calls the other 我校)."""
        if not article.title or "双方" not in text:
            return None
        found = [
            m
            for m in self.recognizer.mentions(article.title, article.district, article.city, gazetteer)
            if not m.ref and not m.nested and is_a(m.cls, "Organization")
        ]
        if len(found) != 2 or article.title[found[0].end : found[1].start] not in PAIR_JOINS:
            return None
        named = {m.name: m.entity for m in mentions if m.entity is not None}
        for m in mentions:
            if m.entity is not None:
                named.setdefault(m.entity.label, m.entity)
        if resolver.publisher is not None:
            own = resolver.get(resolver.publisher[0])
            if own is not None:
                named.setdefault(resolver.publisher[0], own)
        pair = [named.get(m.name) for m in found]
        return pair if all(pair) and pair[0] is not pair[1] else None

    @staticmethod
    def _topic(resolver: Resolver, place: Entity | None, mentions: list[Mention]) -> Entity | None:
        """Who a clause that names no actor is about: the school whose news the text is (依托二级学院与某公司共建…
        in a college's own news: the college), else the text's district or city.

        A school's own news may never name it, nor say 我校 (副校长张三接待了某公司一行): the school is its
        publisher all the same, unless the text names a school, which may be the publisher under another name
        (not when the headline names the publisher so: 某某职院与某某大学签约, then 学校与某某大学…)."""
        if resolver.publisher is not None and is_a(resolver.publisher[1], "EducationalOrganization"):
            school = resolver.get(resolver.publisher[0])
            named = [m for m in mentions if not m.ref and not (m.cls == "College" and DIVISION.fullmatch(m.name))]
            # (a unit named after it, 某某学院江北乡村振兴学院, names it too, though another school is named)
            unit = any(m.name.startswith(resolver.publisher[0]) and m.name != resolver.publisher[0] for m in named)
            if school is None and (
                unit or resolver.headlined or not any(is_a(m.cls, "EducationalOrganization") for m in named)
            ):
                school = resolver.place(*resolver.publisher)
            return school or place
        return place

    def _school_of_units(self, mentions: list[Mention]) -> tuple[str, str] | None:
        """The school a text calls 学校 / 学院 / 我校 when it names that school only inside its units' names.

        江北金融高等专科学校数字产业学院揭牌仪式……学校党委副书记王明: 学校 is 江北金融高等专科学校, the
        school the unit belongs to.  Only when the text names no school of its own (the resolver's choice).
        """
        if not any(m.ref in ("school", "college", "publisher") for m in mentions):
            return None
        if any(not m.ref and not m.nested and is_a(m.cls, "EducationalOrganization") for m in mentions):
            return None
        for mention in mentions:
            if mention.ref or not any(is_a(mention.cls, c) for c in SUB_UNIT_CLASSES):
                continue
            for cut in range(4, len(mention.name) - 2):
                head, type_word = mention.name[:cut], self.recognizer.type_word(mention.name[:cut])
                if not type_word or cut - len(type_word) < 2 or not self.recognizer.type_word(mention.name[cut:]):
                    continue
                if not type_word_ends_name(mention.name, cut, type_word):
                    continue  # 某某区大学生就业创业实训基地: 大学 of 大学生, no school the unit belongs to
                cls = self.recognizer.suffix_class[type_word][0]
                if is_a(cls, "EducationalOrganization"):
                    return head, cls
        return None

    def _last(
        self,
        text: str,
        article: Article,
        entities: list[Entity],
        resolver: Resolver,
        relations: dict,
        seen: set,
        used: set[int],
    ) -> list[Entity]:
        """Add to ``relations`` what the names of the whole document state (浙江大学教育学院 is part of 浙江大学);
        return the document's entities."""
        for relation in _named_parts(text, entities, resolver, self.recognizer):
            if relation.key() not in seen:
                seen.add(relation.key())
                relations.setdefault(relation.key(), relation)
        entities = list(resolver.entities.values())  # with the owners the names carry (黎明职业大学轻工学院)
        for part, whole, mention in resolver.part_of:
            subject, predicate, obj = named_after_parent(part, whole)
            key = (subject.label, predicate, obj.label)
            if key not in relations and key not in seen:
                seen.add(key)
                start, end = sentence_at(text, mention.start)
                rule = "lead-name" if predicate == "leads" else "part-owner"
                relations[key] = Relation(subject, predicate, obj, start, end, rule)
        linked = {frozenset((s, o)) for s, _, o in relations}
        for unit, company, _ in namesakes(entities):  # 越秀辉山产业学院 and 辽宁越秀辉山控股股份有限公司
            key = (unit.label, "namedAfter", company.label)
            if is_a(company.cls, "University") and frozenset((unit.label, company.label)) in linked:
                continue  # a university that builds the school named after it: that says where the name comes from
            if (unit.label, "partOf", company.label) in relations:
                continue  # 深圳某某公司培训基地 of 深圳市某某科技股份有限公司: its unit, named by its short name
            if unit.first >= 0 and key not in relations and key not in seen:
                seen.add(key)
                start, end = sentence_at(text, unit.first)
                relations[key] = Relation(unit, "namedAfter", company, start, end, "namesake-brand")
        idle = _link_divisions(entities, relations, resolver, text) | _carriers(entities, relations)
        _staff_of_schools(relations)
        _name_ceremonies(entities, article.id)
        _quoted_campaigns(entities)
        _unplaced_events(entities, self.recognizer)
        _joined_events(entities, self.recognizer)
        _events_without_parties(entities, text, self.recognizer)
        # The document's own city or district is an entity of the text only where the text names it (if only
        # inside another name: 宿迁市城市建设投资…) or a fact uses it; otherwise it is metadata, which
        # document_triples still links the document to, without claiming the text mentions it.
        used.update(id(e) for r in relations.values() for e in (r.subject, r.object))
        return [
            e
            for e in entities
            if id(e) in used or (not _bare_province(e) and e.label not in idle and self._described(e, text, article))
        ]

    def _described(self, entity: Entity, text: str, article: Article) -> bool:
        """Whether an entity no fact uses is described: the text names it (or the sidecar gives it as an author),
        and the sidecar gives it (its district, city, authors: the model does not judge them) or the confidence
        model keeps it."""
        label = entity.label
        author = label in article.authors
        if not (entity.mentions or author or label in text):
            return False  # (the text's own district or city unnamed: metadata, see document_triples)
        if author or label in (article.city, article.district):
            return True
        if label.endswith(FRAMEWORK_ENDS):
            return False  # “1+6+3”工作体系, “名校+”发展模式 of no fact: a way of working the text describes, no program
        # a county-level division the text names in full (金湾区、香洲区): a place of the text (the guide of round
        # 36 names every place; its sets register 23 of the 29 county-level names their texts hold, and 5 of the 20
        # provinces: see _bare_province)
        return (entity.cls == "District" and is_listed_name(label)) or self.confidence.keeps(
            entity, text, article.title
        )


def _carriers(entities: list[Entity], relations: dict) -> set[str]:
    """The documents that carry a policy or state the law, named only by their titles (《关于…的通知》, 《…促进法》:
    ner's CARRIER_TITLE): no entities of the text, and no facts (who issued a notice issued the plan it prints, a
    fact of its own).  Takes their facts out of ``relations``; returns their labels."""
    carriers = set()
    for entity in entities:
        named = [m for m in entity.mentions if not m.ref]
        if named and all(m.extras.get("carrier") for m in named):
            carriers.add(entity.label)
    if not carriers:
        return carriers  # (most documents cite none: their facts are not read again)
    for key in [k for k, r in relations.items() if {r.subject.label, r.object.label} & carriers]:
        del relations[key]
    return carriers


# what a named framework or pattern ends with: kept where a fact uses it (完善“…”协作体系), else no entity (the guide of
# round 36 and its sets: 1 of 9 such names registered, and that one a 机制)
FRAMEWORK_ENDS = ("体系", "模式", "格局", "品牌")


def _bare_province(entity: Entity) -> bool:
    """A province (某某省, 某某自治区): an entity of the text only where a fact uses it (the hand-annotated sets of
    rounds 14-20 name 5 of the 30 provinces their texts name, and 2 of their facts)."""
    return entity.cls == "Place" and entity.label.endswith(("省", "自治区"))


def _name_ceremonies(entities: list[Entity], document: str) -> None:
    """The node of a meeting named by its subject alone (校企合作座谈会: no proper name, see ner's
    _held_ceremonies) is named after the parties that hold it (某某学院与某某公司校企合作座谈会, also a name of
    it), else after the document: one node per meeting, not one 校企合作座谈会 for every text in the store."""
    for entity in entities:
        held = [m for m in entity.mentions if m.extras.get("generic")]
        if not held or len(held) < len([m for m in entity.mentions if not m.ref]):
            continue  # named otherwise too (a title, a gazetteer's name): that name is its own
        parties = next((m.extras["parties"] for m in held if m.extras.get("parties")), ())
        if parties and all(p.entity is not None for p in parties):
            qualified = f"{parties[0].entity.label}与{parties[1].entity.label}{entity.label}"
            entity.aliases.add(qualified)
            entity.aliases.add(f"{parties[0].name}与{parties[1].name}{entity.label}")  # as the text writes them
            entity.iri = entity_iri(qualified)
        else:
            entity.iri = entity_iri(f"{document} {entity.label}")


QUOTED_CAMPAIGN = re.compile("“(?P<name>[^“”]{4,})”活动")


def _quoted_campaigns(entities: list[Entity]) -> None:
    """“某某企业家进课堂”活动: the words quoted are a name of the campaign too."""
    for entity in entities:
        quoted = QUOTED_CAMPAIGN.fullmatch(entity.label) if entity.label.endswith("”活动") else None
        if quoted is not None:
            entity.aliases.add(quoted.group("name"))


def _joined_events(entities: list[Entity], recognizer: Recognizer) -> None:
    """某某联合体理事会会议暨某某中心授牌仪式: one occasion under two names joined by 暨, each a name of it too when
    it is a proper one (a body's name inside: not 签约仪式 alone, which every such text holds).

    >>> from kg.extract.resolve import Entity
    >>> event = Entity("江北联合体理事会会议暨青川大学技术中心授牌仪式", "Conference", None)
    >>> _joined_events([event], Recognizer()); sorted(event.aliases)
    ['江北联合体理事会会议', '青川大学技术中心授牌仪式']
    """
    events = KINDS["Event"]
    for entity in entities:
        if entity.cls not in events or "暨" not in entity.label:
            continue
        for part in entity.label.split("暨"):
            kind = recognizer.type_word(part)
            if (
                kind
                and recognizer.suffix_class[kind][0] in events
                and (recognizer.type_word_inside(part) or any(council in part for council in COUNCILS))
            ):  # (某某理事会第一次会议: the council's meeting, a name of its own)
                entity.aliases.add(part)


def _unplaced_events(entities: list[Entity], recognizer: Recognizer) -> None:
    """某某区青川远洋教育集团成立大会: the event of a body, named after its place too, is also named without it
    (青川远洋教育集团成立大会), as the body is; not a meeting of no body's (江北区教育工作会议 keeps its place)."""
    events = KINDS["Event"]
    for entity in entities:
        if entity.cls not in events or not division_starts(entity.label):
            continue
        place = place_length(entity.label)
        rest = entity.label[place:]
        kind = recognizer.type_word(rest)
        if place and kind and len(rest) >= 8 and recognizer.owned_body_end(rest[: -len(kind)]):
            entity.aliases.add(rest)


PARTY_NAMED_RULES = ("signing-event", "held-subject")  # the events named after the parties that hold them


def _events_without_parties(entities: list[Entity], text: str, recognizer: Recognizer) -> None:
    """某某学院与某某联合会、某某联合会产教融合战略合作签约仪式: the ceremony is named without its parties too
    (产教融合战略合作签约仪式), as the text's readers call it; a name of this text only (an event's alias that
    ends its label is no name the gazetteer gives other texts: see kg.extract.gazetteer's _short_reference)."""
    events = KINDS["Event"]
    held = [e for e in entities if e.cls in events and any(m.rule in PARTY_NAMED_RULES for m in e.mentions)]
    if not held:
        return
    spans = {
        m.end: m.start for e in entities if e.cls not in events and is_a(e.cls, "Organization") for m in e.mentions
    }
    for event in held:
        for mention in (m for m in event.mentions if m.rule in PARTY_NAMED_RULES):
            last = max((end for end in spans if mention.start < end < mention.end), default=-1)
            rest = text[last : mention.end] if last >= 0 else ""
            kind = recognizer.type_word(rest)
            if len(rest) >= 6 and kind and not recognizer.type_word_inside(rest[: -len(kind)]):
                event.aliases.add(rest)
            # A与B合作建设X签约授牌仪式: the ceremony of the body they build, named after it (X签约授牌仪式)
            if kind and last >= 0 and BUILT_BEFORE.search(text, mention.start, spans[last]):
                event.aliases.add(text[spans[last] : mention.end])


BUILT_BEFORE = re.compile("(?:建设|共建|组建|设立|成立|筹建)$")  # the verb right before the body a ceremony is of
DIVISION_SITE = re.compile("[\u4e00-\u9fff]{2,10}(?:处|部|办|办公室|中心)")  # 合作发展处: a school's office
# a faculty called by its field alone (信息学院, 教育与国际交流学院): a division of a school, not a school
DIVISION = re.compile("[\u4e00-\u9fff]{2,10}学院")
DIVISION_ENDS = ("大学", "学院")  # how the name of the school a division belongs to ends
SITE_SCHOOL_ENDS = (*DIVISION_ENDS, "学校")  # how the school's name ends before its office's (某某学院合作发展处)
SCHOOLS = ("University", "VocationalCollege", "College")


def _has_divisions(entity: Entity) -> bool:
    """A school whose divisions (教务处, 机电学院) the text may name by their field alone: a college, or a
    technician college (某某技师学院, a secondary vocational school organised as one)."""
    return any(is_a(entity.cls, c) for c in SCHOOLS) or technician_college(entity.label, entity.cls)


def _staff_of_schools(relations: dict) -> None:
    """Who works at a school's division named whole (某某大学机械工程学院院长张三) works at the school too."""
    schools = {
        r.subject.label: r.object
        for r in relations.values()
        if r.predicate == "partOf" and is_a(r.subject.cls, "College") and is_a(r.object.cls, "EducationalOrganization")
    }
    for relation in list(relations.values()):
        school = schools.get(relation.object.label) if relation.predicate == "worksAt" else None
        key = (relation.subject.label, "worksAt", school.label) if school is not None else None
        if key is not None and key not in relations:
            relations[key] = replace(relation, object=school, rule="works-school-of-unit")


def _link_divisions(entities: list[Entity], relations: dict, resolver: Resolver, text: str) -> set[str]:
    """A school's divisions named by their field alone (信息学院, 教务处, 电气工程系) are ``partOf`` their school.

    A division is part of its school, but its staff work at the school and what it does the school does:
    机电学院院长某 works at the school, 机电学院与某公司签约 is the school's signing, as the development sets
    annotated by hand in rounds 23 and 24 have it (the division is where in the school); a division something
    builds (某某飞行器学院, an industry college) acts for itself.  Its school is the one named just before it
    (某某学院教务处), else the publisher of the text, else the school it names more often than any other; a
    division whose name carries its school (江北理工大学园艺学院: a unit named whole, its staff its own) or that a
    relation already places stays as it is.  Returns the labels of the divisions no other fact names (no nodes of
    their own: see the end).
    """
    units = {r.subject.label for r in relations.values() if r.predicate == "partOf"}
    divisions = [
        e
        for e in entities
        if e.label not in units
        and not e.known
        and not any(len(a) > len(e.label) for a in e.aliases)  # (a short form, 建工学院, is still the division)
        and (
            any(m.rule == "division" for m in e.mentions)
            or (e.cls == "College" and DIVISION.fullmatch(e.label) and not division_starts(e.label))
        )
    ]
    sections = _bureau_sections(relations)
    if not divisions and not sections:
        return set()
    schools = [e for e in entities if e.mentions and _has_divisions(e) and e not in divisions]
    ends = {m.end: e for e in schools for m in e.mentions if not m.ref}
    # the school the text names most, if one is named more than any other
    most = most_named(Counter({e.label: len([m for m in e.mentions if not m.ref]) for e in schools}))
    college = next((e for e in schools if e.label == most), None)
    default = college
    if resolver.publisher and is_a(resolver.publisher[1], "EducationalOrganization"):
        default = resolver.get(resolver.publisher[0])
    owners: dict[str, Entity] = {}
    # the text's bodies by where a mention of one ends, and its divisions as their owners (the owners of the
    # divisions listed after another post)
    bodies = sorted(
        (
            (m.end, e)
            for e in entities
            if e not in divisions and is_a(e.cls, "Organization") and not is_a(e.cls, "Place")
            for m in e.mentions
        ),
        key=lambda pair: pair[0],
    )
    for division in sorted(divisions, key=lambda e: e.first):
        named = [m for m in division.mentions if not m.ref]
        owner = next((ends[m.start] for m in named if m.start in ends), None)
        if owner is None and named:
            owner = _chained_owner(text, named[0].start, bodies)
        owner = sections.get(owner.label, owner) if owner is not None else default  # (a section: its body's)
        for m in named if owner is not None else ():
            bisect.insort(bodies, (m.end, owner), key=lambda pair: pair[0])
        if owner is not None and division.label.endswith("学院") and not _has_divisions(owner):
            owner = college  # a faculty (智能制造学院) is a college's, not that of the school it set up (附属中学)
        if owner is None or owner is division or not named:
            continue
        owners[division.label] = owner
        key = (division.label, "partOf", owner.label)
        if key not in relations:
            start, end = sentence_at(text, named[0].start)
            relations[key] = Relation(division, "partOf", owner, start, end, "division")
            # every school has a 教务处: the division's node is named after its school too (one body per school
            # across texts, not one 教务处 for all), and so is one of its names
            qualified = owner.label + division.label
            division.aliases.add(qualified)
            division.iri = entity_iri(qualified)
    owners.update(sections)
    # 机电学院院长某, 教务处处长某: the person works at the school; the division is where in it (its partOf). So
    # for what the division does: 机电工程学院与某公司签约, 艺术学院参加…: the school does it, as the sets of rounds 23
    # and 24 annotate it (relations F1 up by 0.002 to 0.028 on five of six, none lower)
    # (a division something builds, 某某飞行器学院, is a new body, an industry college: it acts for itself)
    built = {o for _, p, o in relations if p == "builds"}
    acts_for_school = {label: owner for label, owner in owners.items() if label not in built}
    for key, relation in list(relations.items()):
        if key[1] == "partOf":
            continue
        # (by the relation's own ends: a symmetric relation's key may name them the other way round)
        subject_label, object_label = relation.subject.label, relation.object.label
        subject_owner, object_owner = acts_for_school.get(subject_label), acts_for_school.get(object_label)
        # 某某厅办公室印发…: a body's office that acts is a node of its own (its staff are the body's)
        if key[1] != "worksAt":
            subject_owner = None if subject_label in sections and subject_label.endswith(OFFICES) else subject_owner
            object_owner = None if object_label in sections and object_label.endswith(OFFICES) else object_owner
        if subject_owner is None and object_owner is None:
            continue
        del relations[key]
        subject = subject_owner or relation.subject
        obj = object_owner or relation.object
        predicate = cooperation_kind(subject, obj) if key[1] in SYMMETRIC else key[1]  # (the school's kind)
        moved = (subject.label, predicate, obj.label)
        if subject is not obj and moved not in relations and (obj.label, predicate, subject.label) not in relations:
            relations[moved] = Relation(subject, predicate, obj, relation.start, relation.end, relation.rule)
    # a division no fact names but its place in its school (教务处, of whom a head was named) is no node of its
    # own: only where it acts (signs, builds, takes part) does the graph need it
    acting = {label for s, p, o in relations if p != "partOf" for label in (s, o)}
    idle = {label for label in owners if label not in acting}
    for label in idle:
        relations.pop((label, "partOf", owners[label].label), None)
    return idle


def _chained_owner(text: str, start: int, bodies: list[tuple[int, Entity]]) -> Entity | None:
    """The body a division listed after another post belongs to: the last body named before it in the clause,
    with a title between (某某委员会办公室军品处处长张三、科研处处长李四: 科研处 is the committee's too, not the
    text's school).
    ``bodies``: (end, entity) of the text's bodies by where a mention ends, sorted (see _link_divisions).

    >>> body = Entity("江北区委", "GovernmentAgency", "")
    >>> text = "江北区委办公室督查处处长张三、信息处处长李四出席。"
    >>> _chained_owner(text, text.index("信息处"), [(4, body)]).label
    '江北区委'
    """
    if text[start - 1 : start] != "、":
        return None
    at = bisect.bisect_right(bodies, start, key=lambda pair: pair[0])
    if not at:
        return None
    end, body = bodies[at - 1]
    if CLAUSE_BREAK.search(text, end, start) or not LONG_ROLE.search(text, end, start):
        return None  # another clause, or no post between (A、B签约: two parties, the second no division of A's)
    return body


def _bureau_sections(relations: dict) -> dict[str, Entity]:
    """A government body's section named whole with it (某某市教育局职成科, 某某省人社厅职业能力建设处) → the body:
    its staff work at the body, what it does the body does (see _link_divisions), as the sets of rounds 23 and 24
    annotate it (the section no node of its own in four of five).

    >>> bureau = Entity("江北区教育局", "GovernmentAgency", "")
    >>> section = Entity("江北区教育局职成科", "GovernmentAgency", "")
    >>> key = ("江北区教育局职成科", "partOf", "江北区教育局")
    >>> list(_bureau_sections({key: Relation(section, "partOf", bureau, 0, 0, "")}))
    ['江北区教育局职成科']
    """
    sections = {}
    for (unit, predicate, whole), relation in relations.items():
        rest = unit[len(whole) :] if predicate == "partOf" and unit.startswith(whole) else ""
        if predicate == "partOf" and not rest and is_a(relation.object.cls, "Company"):
            rest = COMPANY_HEAD.sub("", unit, 1)  # 某某公司行政人事管理中心 of 深圳市某某科技有限公司: after 公司
        if (
            2 <= len(rest) <= 8
            and rest.endswith(SECTION_ENDS)
            and relation.object.cls == "GovernmentAgency"
            and relation.subject.cls in ("GovernmentAgency", "Organization")
        ) or (2 <= len(rest) <= 8 and rest.endswith(DEPARTMENT_ENDS) and is_a(relation.object.cls, "Company")):
            sections[unit] = relation.object  # (某某公司行政人事管理中心, 某某集团人力资源部: the company's too)
    return sections


# what a section of a government body is called: its staff work at the body (某某局办公室主任: the body's, in four of
# the five cases of the sets of rounds 23-26), but an office that acts (某某厅办公室印发…) is a node of its own, and
# so is an office of another name (督导室, 督学室: the sets give it as the employer)
OFFICES = ("办公室", "办")
SECTION_ENDS = ("处", "科", "股", *OFFICES)
DEPARTMENT_ENDS = ("部", "管理中心", "办公室")  # a company's departments (人力资源部, 行政人事管理中心)
COMPANY_HEAD = re.compile(".+?(?:公司|集团)")  # a company's name, short or whole, at the head of its unit's


BLOCK = 50_000  # characters of text read at a time
TAIL = 2_000  # entities read back from disk at a time after the last block of a long text
MAX_MENTIONS = 20  # mentions kept per entity in a text of several blocks: where it is named, not every time


def text_blocks(text: str, size: int = BLOCK) -> list[tuple[int, int]]:
    """``text`` cut into spans of about ``size`` characters at paragraph ends (else sentence ends, else anywhere).

    >>> text_blocks("甲乙。\\n丙丁。\\n戊", size=4)
    [(0, 4), (4, 8), (8, 9)]
    """
    blocks = []
    begin = 0
    while len(text) - begin > size:
        cut = text.rfind("\n", begin + size // 2, begin + size) + 1
        if cut <= begin:
            cut = max(text.rfind(mark, begin + size // 2, begin + size) for mark in "。！？；") + 1
        if cut <= begin:
            cut = begin + size
        blocks.append((begin, cut))
        begin = cut
    blocks.append((begin, len(text)))
    return blocks


def sentence_at(text: str, position: int) -> tuple[int, int]:
    """The span of the sentence of ``text`` that holds ``position`` (read from its paragraph only)."""
    begin = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    end = len(text) if end < 0 else end
    for start, stop, _ in segments(text[begin:end]):
        if start + begin <= position < stop + begin or stop + begin > position:
            return start + begin, stop + begin
    return position, position


# the words of references.tsv that mean the publisher (我校, 本院 …)
OWN_WORDS = tuple(word for word, kind in REFERENCES.items() if kind == "publisher")


def abbreviated_publisher(text: str) -> tuple[str, str] | None:
    """The college a text's 我校 means when the text calls it only by its short name (…贡献眉职力量).

    A college's own news often never spells out its name; its short form (the first character of its
    city and 职: 雅职 for 雅安职业技术学院) still shows which one it is.  Only a college of the national
    list whose city the text names counts, and only one: anything else is left to the first school the
    text names (:func:`kg.extract.resolve._publisher`).
    """
    if not any(word in text for word in OWN_WORDS):  # (a find each: a regex of them tried every character)
        return None
    found = set()
    for college in universities():
        city = college.city.removesuffix("市")
        if len(city) < 2 or not college.name.startswith(city) or "职业" not in college.name:
            continue
        short = city[0] + "职"
        if city not in text or short not in text:
            continue
        if re.search(f"{short}(?![业教工称务])", text):
            found.add((college.name, college.cls))
    return found.pop() if len(found) == 1 else None


def _to_original(extraction: Extraction, normalized: Normalized) -> None:
    """Offsets of the normalised text → offsets of the original (dropped characters make them differ)."""
    start, end = normalized.start, normalized.end
    for mention in {id(m): m for m in extraction.mentions}.values():
        mention.start, mention.end = start(mention.start), end(mention.end)
    extraction.relations = [replace(r, start=start(r.start), end=end(r.end)) for r in extraction.relations]
    extraction.indicators = [replace(i, start=start(i.start), end=end(i.end)) for i in extraction.indicators]


# A school's own site: its host names it by the initials of its name in pinyin (www.cqyzzy.edu.cn: 重庆渝州职业…).
SITE_LABEL = re.compile(r"[a-z]{4,12}")
SITE_WORDS = {"www", "news", "info", "static", "mobile", "home", "mail", "edu", "com", "net", "org", "gov"}
PUBLISHER_WORDS = (*OWN_WORDS, "学校", "学院")  # a text that may speak of its own school holds one


def _speaks_of_own_school(text: str) -> bool:
    """Whether ``text`` holds one of :data:`PUBLISHER_WORDS`: a find each (a regex alternation of them tested
    every character of a long text that holds none against its first characters)."""
    return any(word in text for word in PUBLISHER_WORDS)


def site_publisher(source: str, gazetteer: Gazetteer, text: str) -> tuple[str, str] | None:
    """The school whose site ``source`` is, when its host is the pinyin initials of a school name the gazetteer
    knows (cqyzzy → 重庆渝州职业学院; cqyzzyxy whole, or cqyzxy, a shortening keeping the first four): what
    我校 / 我院 refer to, even when the text never names it.  None unless exactly one school fits (or one the
    text names among several)."""
    if not source.startswith(("http://", "https://")) or not _speaks_of_own_school(text):
        return None
    host = urlparse(source).hostname or ""
    labels = [label for label in host.split(".") if SITE_LABEL.fullmatch(label) and label not in SITE_WORDS]
    if not labels:
        return None
    found: dict[str, str] = {}
    for name in gazetteer.names:
        if not 4 <= len(name) <= 16 or not SCHOOL_END.search(name):
            continue
        bucket = gazetteer.bucket(name)
        if not bucket or not is_a(bucket[0].cls, "EducationalOrganization"):
            continue
        initials = _initials(name)
        for label in labels:
            if initials.startswith(label) or (
                len(label) >= 6 and initials[:4] == label[:4] and _subsequence(label, initials)
            ):
                found[bucket[0].label] = bucket[0].cls
    if len(found) > 1:
        found = {label: cls for label, cls in found.items() if label in text}
    return next(iter(found.items())) if len(found) == 1 else None


SCHOOL_END = re.compile("(?:大学|学院|学校|中学|小学|中心)$")
OWN_SCHOOL_WORDS = ("我校", "我院", "本校")  # a headline that opens so is the news of the site's school
PAIR_JOINS = ("与", "和", "携手", "同")  # the words between the two parties of a headline (see _headline_pair)
# the marks between a site title's parts (a school of two names: 某某学校·某某工程学校, each a part)
SITE_PARTS = re.compile(r"\s*[（(][^（）()]*[)）]\s*|\s*[|｜_—–\-·•]+\s*|\s+")
# a news site's own name after its owner's (某某学院新闻网, 某某大学融媒体中心)
NEWS_SITE = re.compile(r"[\u4e00-\u9fff]{0,6}网|新闻中心|新闻|融媒体中心|官方网站|官网")


def _initials(name: str) -> str:
    """The initials of ``name``'s pinyin (the search index's pinyin keys, from kg.model.pinyin's table)."""
    from kg.store.search import pinyin_keys  # the search module (sqlite3, the index) only for a school's site

    keys = pinyin_keys(name)
    return keys.split()[1] if keys else ""


def _subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(letter in letters for letter in short)


SUB_UNIT_CLASSES = ("College", "IndustryCollege", "Platform", "ContinuingEducationInstitution")
# the end of a unit's name after its parent's (中国某某湖北分公司, 教育部基础教育司, 某某教育集团肥西分校): a unit
# of any class of organisation, when the parent is named in the document (某某技术有限公司 is a brand's company)
UNIT_TAIL = re.compile(
    r"(?:分公司|子公司|研究所|研究院|分校|校区|本部|分院|分园|分中心|[^有限]司|中心|委员会|学院|处|科|办公室)$"
)
# alliances named after their core school (某某小学教育集团): the group is no unit of the school; what the school is
# to it (it leads it, 核心校) the text says elsewhere, if at all


class _Organisations:
    """The organisations of a long text by label, read from the resolver's disk (see _named_parts)."""

    def __init__(self, resolver: Resolver):
        self.resolver = resolver

    def get(self, label: str) -> Entity | None:
        entity = self.resolver.peek(label)
        if entity is not None and _organisation(entity):
            return entity
        return None


def _organisation(entity: Entity) -> bool:
    return is_a(entity.cls, "Organization") and not is_a(entity.cls, "Place") and len(entity.label) >= 4


def _named_parts(
    text: str,
    entities: list[Entity],
    resolver: Resolver,
    recognizer: Recognizer,
    organisations: Mapping[str, Entity] | _Organisations | None = None,
) -> list[Relation]:
    """A unit or platform whose name starts with an organisation's name.

    浙江大学教育学院 is part of 浙江大学, and so are 某某公司教育培训基地 and 某某学院创意工作坊
    (partOf: the convention of ``data/README.md``).  The owner is an
    entity of the document when it names it; otherwise a school or company name at the start of the
    unit's name (X大学Y学院) is one, and becomes an entity of its own.  ``organisations``: the
    document's organisations by label, when ``entities`` holds only some of the document's entities.
    """
    parts = []
    if organisations is None:
        organisations = {e.label: e for e in entities if _organisation(e)}
    for entity in entities:
        # an institute of no more specific class (某某集团有限公司第五研究所) and a group's subsidiary are units too
        # and a school 附属 to a university the text names (某某大学附属中学): the university's, whoever built it
        affiliated = is_a(entity.cls, "School") and AFFILIATED_SCHOOL.search(entity.label, 2) is not None
        unit = (
            entity.cls in ("Organization", "Company", "EducationalOrganization")
            or any(is_a(entity.cls, c) for c in SUB_UNIT_CLASSES)
            or affiliated
        )
        if entity.first < 0 or not (unit or (_organisation(entity) and UNIT_TAIL.search(entity.label))):
            continue
        label = entity.label
        whole = None
        for size in range(len(label) - 2, 3, -1):  # the longest organisation name it starts with, by lookup
            found = organisations.get(label[:size])
            if found is not None and found.label != label and (unit or UNIT_TAIL.search(label[size:])):
                whole = found
                break
        if whole is None and unit and not affiliated:
            whole = _owner_in_name(entity, resolver, recognizer)
        if whole is None and not affiliated:
            whole = _brand_or_ministry(entity, resolver, recognizer)
        if whole is None:
            continue
        start, end = sentence_at(text, entity.first)
        if is_group(entity.cls) and is_a(whole.cls, "EducationalOrganization"):
            if organisations.get(whole.label) is whole and whole.mentions:
                # 江北八中教育集团, where the text names 江北八中 on its own: a group named after its core school,
                # led by it (a school the group's name alone gives is no fact of the text's)
                parts.append(Relation(whole, "leads", entity, start, end, "lead-name"))
            continue
        # the convention of data/README.md: a platform named after its parent (某某公司教育培训基地,
        # 某某学院创意工作坊) is a unit of it, partOf, not builds; builds is for the builders named otherwise
        parts.append(Relation(entity, "partOf", whole, start, end, "part-name"))
    return parts


LEGAL_FORM = re.compile("(?:股份|控股|有限|有限责任|集团|实业|投资)+")  # words of a legal name, not a business


@cache
def _central_bodies() -> dict[str, str]:
    """Name → class of the central ministries of the reference list (教育部 …), read on first use, not at import."""
    return {b.name: b.cls for b in bodies() if b.details["scope"] == "central"}


# whose name a unit or platform carries first (教育部 of 教育部职业教育研究中心: a ministry's centre too)
OWNER_CLASSES = ("EducationalOrganization", "Company", "GovernmentAgency")


def _owner_in_name(entity: Entity, resolver: Resolver, recognizer: Recognizer) -> Entity | None:
    """黎明职业大学 in 黎明职业大学轻工学院: the longest school or company name the label starts with."""
    label = entity.label
    for cut in range(len(label) - 3, 2, -1):
        head = label[:cut]
        type_word = recognizer.type_word(head)
        central = _central_bodies().get(head)
        if central and recognizer.type_word(label[cut:]):
            return resolver.place(head, central)  # 教育部职业教育研究中心: a ministry named in full
        if cut < 4 or not type_word or len(head) - len(type_word) < 2 or re.search("[“”《》（）()]", head):
            continue
        if not type_word_ends_name(label, cut, type_word):
            continue  # 集团化办学, 大学生就业: the type word does not end a name here (江北大学化学化工学院: it does)
        cls = recognizer.suffix_class[type_word][0]
        if not any(is_a(cls, c) for c in OWNER_CLASSES) or school_kind(head, type_word):
            continue  # (江北新区中小学劳动实践育人联合体: the district's schools, a kind, own nothing)
        rest_type = recognizer.type_word(label[cut:])
        if not rest_type:
            continue  # the rest must name a unit of its own (轻工学院, 创意工作坊)
        if entity.cls == "Company" and (
            len(label) - cut - len(rest_type) < 2
            or LEGAL_FORM.fullmatch(label[cut : len(label) - len(rest_type)])
            or label.endswith(("有限公司", "有限责任公司"))
            or not is_a(recognizer.suffix_class[type_word][0], "Company")
        ):
            continue  # 某某集团股份有限公司: one company's legal name; 某某集团置业公司: a subsidiary of 某某集团
        return resolver.owner(head, cls)
    return None


# a company's branch named brand + place (中国某某湖北分公司, 中某某东方石化有限公司): the brand is its parent
BRANCH_END = re.compile("(?:分公司|子公司|有限公司|有限责任公司)$")
NATIONAL = ("中国", "中华")  # a country's name opening a brand (中国石油), no seat
UNIT_AGENCIES = ("GovernmentAgency", "SocialOrganization", "Organization")


def _brand_or_ministry(entity: Entity, resolver: Resolver, recognizer: Recognizer) -> Entity | None:
    """The parent a unit's name starts with when that parent has no type word of its own.

    教育部基础教育司: a central ministry's department (the ministries of the reference list);
    中国某某湖北分公司: a brand's branch in a place, the brand a company (the dev-set guide: parents named
    at the head of a unit's name are annotated, the unit partOf them).  A place at the head of the name
    (重庆某某有限公司) is where the company is, not a brand; 某某（深圳）有限公司 names its seat."""
    label = entity.label
    if entity.cls in UNIT_AGENCIES:
        for head, cls in _central_bodies().items():
            rest = label[len(head) :]
            if label.startswith(head) and len(rest) >= 2 and recognizer.type_word(rest) and rest[0] not in "和与及、":
                return resolver.place(head, cls)
    if entity.cls != "Company" or not BRANCH_END.search(label) or re.search("[（(“]", label):
        return None
    if not label.startswith(NATIONAL) and division_starts(label):
        return None  # 江苏镇江路桥…有限公司: a place first is the company's seat (中国联通: the nation's brand)
    # the longest brand first: 中国联通|湖北, not 中国联|通湖; but a province after a shorter one before any other
    # place (某某|湖北流体…, not 某某湖|北流: 北流 is a city too)
    cuts = [
        cut
        for cut in (4, 3, 2)
        if not recognizer.type_word(label[:cut]) and division_starts(label[cut:]) and "局" not in label[cut:]
    ]
    cut = next((c for c in cuts if province_starts(label[c:])), cuts[0] if cuts else 0)
    if not cut or label[:cut] in entity.aliases:
        return None  # (某某湖北流体技术有限公司（以下简称某某）: the brand is the company's own short name)
    return resolver.place(label[:cut], "Company")


def extract_file(
    path: Path,
    encoding: str | None = None,
    extractor: Extractor | None = None,
    *,
    max_bytes: int | None = MAX_BYTES,
    publisher: str = "",
    progress: Callable[[int], None] | None = None,
) -> list[Extraction]:
    """Read, clean and extract every article of ``path``; ``DocumentError`` for binary or undecodable files.

    ``max_bytes``, ``publisher`` and ``progress``: see :func:`kg.sources.documents.read_text` and
    :meth:`Extractor.extract`.
    """
    extractor = extractor or Extractor(default_gazetteer())
    return [
        extractor.extract(article, progress, publisher)
        for article in clean_file(path, encoding, max_bytes)
        if article.text.strip()
    ]


GAZETTEER_CACHE = user_cache.own("default-gazetteer.marshal")  # in the user's cache folder (kg.user_cache)
# The modules that read the files of the default gazetteer and spell its names and IRIs, relative to kg/: an edit
# to one of them changes the gazetteer as surely as an edit to the data.
GAZETTEER_CODE = (
    "extract/gazetteer.py",
    "extract/normalize.py",
    "extract/pipeline.py",
    "model/pinyin.py",
    "model/names.py",
    "model/terms.py",
    "model/vocab.py",
    "sources/curated.py",
    "sources/documents.py",
)


def default_gazetteer() -> Gazetteer:
    """Names of the bundled curated graph and the ontology.

    Building them reads and validates the whole curated folder (its YAML, the documents its evidence quotes,
    the pinyin of every IRI): about a tenth of a second of every ``kg extract`` and ``kg ingest`` for names
    that change only with those files.  They are kept in the user's cache folder (:mod:`kg.user_cache`) and
    built again whenever one of the files of :func:`gazetteer_sources` is not as it was when they were kept.
    """
    key = user_cache.file_key(gazetteer_sources())
    state = user_cache.read(GAZETTEER_CACHE, key)
    if state is not None:
        try:
            return Gazetteer.from_state(state)
        except (TypeError, ValueError, IndexError):  # kept in another shape (an older kg): built again
            pass
    from kg.sources.curated import load_curated

    gazetteer = Gazetteer.from_curated(load_curated(DATA_DIR)).merged(Gazetteer.from_ontology())
    user_cache.write(GAZETTEER_CACHE, key, gazetteer.state())
    return gazetteer


def gazetteer_sources() -> list[Path]:
    """The files :func:`default_gazetteer` is built from: the curated folder and the documents its evidence
    quotes (every file, so that one added counts too), the ontology, the lexicon (its type words), the modules
    of :data:`GAZETTEER_CODE`, and the packages that spell IRIs in pinyin and names in simplified characters (an
    upgrade replaces their ``__init__`` file)."""
    packages = [importlib.util.find_spec(name) for name in ("pypinyin", "opencc")]
    return [
        *_files(DATA_DIR / "curated"),
        *_files(DATA_DIR / "documents"),
        ONTOLOGY_FILE,
        *_files(PACKAGE_ROOT / "extract" / "lexicon"),
        *(PACKAGE_ROOT / module for module in GAZETTEER_CODE),
        *(Path(spec.origin) for spec in packages if spec is not None and spec.origin),
    ]


def _files(folder: Path) -> list[Path]:
    """The files of ``folder``, in order; a missing folder as itself (no cache is then read: the building
    says what is missing)."""
    return sorted(path for path in folder.iterdir() if path.is_file()) if folder.is_dir() else [folder]


# -- RDF ------------------------------------------------------------------------------------------------


def document_triples(
    extraction: Extraction, places: Mapping[str, str] | None = None, kit: TermKit | None = None
) -> list[tuple[Any, Any, Any]]:
    """The triples of the document's named graph (see the module docstring), each once.

    A plain list (what :meth:`kg.store.embedded.Store.replace_graphs` takes) is much
    faster to build than an rdflib graph; :func:`document_graph` wraps it.
    ``places``: label → IRI of the document's entities, when ``extraction`` holds
    only some of them (a district is linked to its entity, not minted again).
    ``kit``: the terms to write them with (:data:`kg.model.statements.NTRIPLES` for
    output: no rdflib term is built, so no conversion either); rdflib's by default (:func:`rdflib_kit`).
    """
    kit = kit or rdflib_kit()
    graph = _Triples()
    places = extraction.places if places is None else places
    article, doc_iri = extraction.article, extraction.iri
    by_label = {e.label: e for e in extraction.entities}
    known_classes = classes()
    term, doc = kit.term, kit.term(doc_iri)

    def place_iri(label: str, cls: str = "District") -> Any:
        if label in by_label:
            return term(by_label[label].iri)
        if places is not None and label in places:
            return term(places[label])
        iri = term(entity_iri(label))  # a place the document names only through an entity: described too
        add_entity(graph, iri, term(known_classes[cls]), label, kit=kit)
        return iri

    if extraction.text_piece is not None:  # a long text is stored a block at a time (see add_text_piece)
        add_text_piece(graph, doc, *extraction.text_piece, kit=kit)
    if extraction.first:  # a later part of a long text adds to the document the first part described
        add_document(
            graph,
            doc,
            article if extraction.text_piece is None else replace(article, text=""),
            {label: term(entity.iri) for label, entity in by_label.items()},
            place_iri(article.district) if article.district else None,
            place_iri(article.city, "City") if article.city else None,
            kit,
        )
        graph.add((doc, kit.KG.method, kit.word(METHOD)))

    for entity in extraction.entities:
        add_entity(
            graph,
            term(entity.iri),
            term(known_classes[entity.cls]),
            entity.label,
            aliases=entity.aliases,
            district=place_iri(entity.district) if entity.district and entity.district != entity.label else None,
            city=place_iri(entity.city, "City") if entity.city and entity.city != entity.label else None,
            mentioned_in=[doc],
            kit=kit,
        )

    properties = relation_properties()
    text = article.text
    # a fact's own node: unique, not worth a cache; made from its IRI's text (assertion_iri's and indicator_iri's,
    # without an rdflib term on the way)
    fresh = ox.NamedNode if kit is OXIGRAPH else "<{}>".format if kit is NTRIPLES else kit.node
    assertions, indicators = str(ASSERTION), str(INDICATOR)
    for relation in extraction.relations:
        s, p, o = relation.subject.iri, properties[relation.predicate], relation.object.iri
        evidence = text[relation.start : relation.end]
        node = assertions + assertion_name(article.id, s, p, o, evidence)
        provenance = Provenance(doc, evidence, relation.start, relation.end, relation.rule, relation.year)
        add_relation(graph, fresh(node), term(s), term(p), term(o), provenance, kit)
    for indicator in extraction.indicators:
        evidence = text[indicator.start : indicator.end]
        provenance = Provenance(doc, evidence, indicator.start, indicator.end, indicator.rule)
        node = indicators + indicator_name(
            article.id, indicator.subject.iri, indicator.measure, indicator.text, provenance
        )
        add_indicator(
            graph,
            fresh(node),
            term(indicator.subject.iri),
            measure=indicator.measure or indicator.unit,
            value=indicator.value,
            unit=indicator.unit,
            qualifier=indicator.qualifier,
            text=indicator.text,
            counts_class=term(known_classes[indicator.counts_class]) if indicator.counts_class else None,
            provenance=provenance,
            kit=kit,
        )
    return list(graph)


def document_graph(extraction: Extraction) -> Graph:
    """The document's named graph as an rdflib graph (for serialising)."""
    from rdflib import Graph  # (only here: extraction and its output build no rdflib term)

    graph = Graph()
    for triple in document_triples(extraction):
        graph.add(triple)
    return graph


class _Triples(dict[tuple[Any, Any, Any], None]):
    """An insertion-ordered set of triples with rdflib's ``add`` signature.

    ``add`` is ``dict.setdefault`` (the triple → None, when not there yet): a call in C, where a method of
    Python's own made a frame for each of the 50,000 triples of 1 MiB of text.
    """

    add = dict.setdefault


# -- output ---------------------------------------------------------------------------------------------


def write(extractions: Iterable[Extraction], fmt: str, out: IO[bytes]) -> None:
    """Write extractions as Turtle (one merged graph), TriG (a graph per document) or JSON lines.

    Streams: each extraction (or part of a long text, :meth:`Extractor.parts`) is
    written as it comes and then dropped.  Turtle gives each triple once: the
    statements about an assertion or an indicator are unique by construction,
    every other triple is remembered by its hash (entities, documents, direct
    relations: what is remembered grows with the names, not with the text).
    """
    if fmt == "jsonl":
        for extraction in extractions:
            for record in records(extraction):
                out.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
        return
    # Oxigraph's serialiser, not rdflib's: building rdflib terms and converting them was most of the cost of
    # `kg extract` after extraction itself.  The triples are N-Triples text (NTRIPLES), which Oxigraph's parser reads
    # a document at a time: cheaper than building its terms and triples one call each (see kg.model.statements).
    from kg.model.names import PREFIXES
    from kg.store.formats import RDF, find, write_rdf

    if fmt == "trig":

        def graphs() -> Iterator[bytes]:
            for extraction in extractions:
                graph = NTRIPLES.term(extraction.iri)
                triples = document_triples(extraction, kit=NTRIPLES)
                yield b"".join([f"{s} {p} {o} {graph} .\n".encode() for s, p, o in triples])  # (UTF-8: see below)

        write_rdf(_parsed(graphs(), "n-quads"), find(fmt, RDF), out)
        return
    unique = (f"<{ASSERTION}", f"<{INDICATOR}")
    seen: set[int] = set()

    def graphs() -> Iterator[bytes]:
        for extraction in extractions:
            lines: list[bytes] = []
            subject, fresh = None, False  # a node's triples come together: its IRI is read once, not per triple
            for s, p, o in document_triples(extraction, kit=NTRIPLES):
                if s is not subject:
                    subject, fresh = s, s.startswith(unique)
                if not fresh:
                    # a triple given before is not written again; the hash of the terms' strings, which the cached
                    # ones (IRIs, short texts) keep: what is remembered grows with the names, not with the text
                    key = hash((s, p, o))
                    if key in seen:
                        continue
                    seen.add(key)
                # each line in UTF-8 on its own: most are ASCII (IRIs, numbers), encoded by a copy, where the
                # parser's UTF-8 of the joined text widened them and encoded every character (7 M characters on
                # 1 MiB of text, a third of them in lines with a Chinese literal)
                lines.append(f"{s} {p} {o} .\n".encode())
            yield b"".join(lines)

    ox.serialize(_parsed(graphs(), "n-triples"), out, find("turtle", RDF).rdf, prefixes=PREFIXES)
    out.flush()


def _parsed(texts: Iterable[bytes], fmt: str) -> Iterator[ox.Quad]:
    """The statements of N-Triples or N-Quads (``fmt``) texts of :data:`NTRIPLES` terms, in UTF-8, in order.

    The serialiser takes them from Oxigraph's parser without a Python frame between (a generator resumed
    for each statement cost as much as the parsing).  Lenient: the parser does not check the IRIs again at
    every use (a sixth of the cost of writing); ``NTRIPLES.node`` checks each once, and a fact's own node
    is a hash in hexadecimal under the project's namespace.
    """
    from kg.store.formats import RDF, find

    rdf = find(fmt, RDF).rdf
    return itertools.chain.from_iterable(ox.parse(text, rdf, lenient=True) for text in texts)


def records(extraction: Extraction) -> list[dict]:
    """One JSON-ready record per document, entity, relation and indicator."""
    article, text = extraction.article, extraction.article.text
    doc = article.id
    result: list[dict] = []
    if extraction.first:
        result.append(
            {
                "type": "document",
                "doc": doc,
                "iri": str(extraction.iri),
                "title": article.title,
                "district": article.district,
                "city": article.city,
                "authors": article.authors,
                "source": article.source,
                "characters": len(text),
            }
        )
    for entity in sorted(extraction.entities if extraction.described else [], key=lambda e: (e.first, e.label)):
        result.append(
            {
                "type": "entity",
                "doc": doc,
                "iri": str(entity.iri),
                "label": entity.label,
                "class": entity.cls,
                "aliases": sorted(entity.aliases - {entity.label}),
                "district": entity.district,
                "city": entity.city,
                "known": entity.known,
                "mentions": [
                    {"start": m.start, "end": m.end, "text": text[m.start : m.end], "rule": m.rule}
                    for m in sorted(entity.mentions, key=lambda m: m.start)
                ],
            }
        )
    for relation in extraction.relations:
        result.append(
            {
                "type": "relation",
                "doc": doc,
                "subject": relation.subject.label,
                "predicate": relation.predicate,
                "object": relation.object.label,
                "evidence": text[relation.start : relation.end],
                "start": relation.start,
                "end": relation.end,
                "method": relation.rule,
                **({"year": relation.year} if relation.year else {}),
            }
        )
    for indicator in extraction.indicators:
        result.append(
            {
                "type": "indicator",
                "doc": doc,
                "subject": indicator.subject.label,
                "measure": indicator.measure,
                "value": float(indicator.value) if indicator.value % 1 else int(indicator.value),
                "unit": indicator.unit,
                "qualifier": indicator.qualifier,
                "text": indicator.text,
                "counts_class": indicator.counts_class,
                "evidence": text[indicator.start : indicator.end],
                "start": indicator.start,
                "end": indicator.end,
                "method": indicator.rule,
            }
        )
    return result
