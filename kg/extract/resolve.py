"""Entity resolution: from mentions to entities with one canonical label and one IRI.

Rules, in the order they apply to each mention:

* references (该校, 该学院, 全区 …) take the most recent entity of the kind they
  name, or the document's district / city;
* relative names of district bodies are qualified with the document's place:
  区教委 in an article about 大足区 is 大足区教委, 全区家长学校总校 is
  大足区家长学校总校, a bare 家长学校总校 or 家庭教育指导服务中心 (bodies every
  district has) likewise;
* a sub-unit named after 该校 is the referent's: 该校新能源汽车现代产业学院 is
  重庆理工大学新能源汽车现代产业学院;
* in an enumeration of places a bare district takes the city of the item
  before it (成都温江区、高新区 → 成都高新区);
* names the graph already knows (gazetteer: curated graph, store) are linked
  to the known entity, with its label, class and IRI;
* within a document, an abbreviated name that drops a few characters of a
  longer one of the same kind (重庆青年职业学院 / 重庆青年职业技术学院) is the
  same entity; the longer name is the label and the shorter an alias.

Entities not known before get ``kg.model.names.entity_iri(label)``, so the same
name in two documents is one node.
"""

from __future__ import annotations

import itertools
import pickle
import re
import sqlite3
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from functools import cache

from kg.extract.gazetteer import Gazetteer, Known
from kg.extract.ner import (
    GROUP_CLASSES,
    LEAGUE_COMMITTEE,
    ROLES,
    Mention,
    _abbreviates,
    _common_phrase,
    _division_heads,
    _school_end,
    standard_body,
    without_note,
)
from kg.model.names import entity_iri
from kg.model.terms import KINDS, compatible, is_a
from kg.sources.reference import bodies, lookup
from kg.sources.words import dictionary

PROVINCE_BODY = re.compile("省(?=教育厅|政府|人民政府|委|人大常委会|政协)")  # 省教育厅: the province of the text's city
PROVINCE_SOCIETY = re.compile("省(?![级内外属])..")  # 省茶叶协会, 省欧美同学会 (not 省级…协会): the province's society


TITLE_AFTER_EVENT = ("执行", "组委", "秘书处", "理事会", *ROLES)  # what makes an event's name part of a title


@cache
def province_of(city: str) -> str:
    """The province of a prefecture-level city by the national list of divisions (绵阳市 → 四川省), or ""."""
    ref = lookup(city, "City")
    return ref.province if ref is not None and ref.province != city else ""  # 上海市: no province of its own


# the place an event's name may start with (江北区…活动周, 重庆市江北区…大会): one to three levels of places
PLACE_PREFIX = re.compile(r"(?:[\u4e00-\u9fff]{1,7}?(?:省|自治区|市|区|县|州|盟|旗)){1,3}")
# the short form of a numbered school: 八中, 二小, 二职 (第二职业学校)
ORDINAL_SCHOOL = re.compile("第([一二三四五六七八九十]+)(?:(中|小)学|(职)业学校)")
OWN_COMMITTEE = re.compile("(?:校|院|学校|学院)(?:党委|党总支|团委|纪委)")  # a school's own: its staff are the school's
COMMITTEE_ENDS = ("党委", "党总支", "团委", "纪委")  # what a name OWN_COMMITTEE matches ends with (see own_committee)
RENAMED = re.compile(r"[（(](?:现|已|后)?(?:更名为|改名为|更名|现名|现为)")  # A（现更名为B）: A is now B
RENAMING = re.compile(r"^(?:更|改)?名为")
DECLARED = re.compile(r"^(?:以下)?简称[“\"]?")  # the words that declare a short name, when the name took them in
DECLARING = re.compile(r"[（(，,]\s*(?:以下)?简称[：:]?[“\"]?")  # A（简称“B”）
QUALIFY_PREFIX = re.compile(r"^(全区|本区|我区|该区|全县|本县|全市|本市|区|县|市)(?!级|域|内|外|属|直)")
QUALIFY_OPENINGS = frozenset("全本我该区县市")  # the first characters of QUALIFY_PREFIX's matches


def own_committee(name: str) -> bool:
    """Whether ``name`` is a school's own committee (校党委, 学院纪委): :data:`OWN_COMMITTEE` in full.  The rules ask
    it of every name (25,000 on 1 MiB of text); a string test answers for those of no committee's ending, without
    a regex call."""
    return name.endswith(COMMITTEE_ENDS) and OWN_COMMITTEE.fullmatch(name) is not None


REF_CLASSES = {
    "school": ("School", "College", "EducationalOrganization"),
    "college": ("College", "IndustryCollege"),
    "kindergarten": ("Kindergarten",),
    "center": ("Platform", "SecondaryVocationalSchool", "ServiceCenter"),
    "platform": ("Platform",),
    "company": ("Company",),
    "group": GROUP_CLASSES,
    "event": ("Event",),
}
# 丛台区(区)政府, 丛台区(区)委: not 人民政府, not 区教委 (区 right before 政府 / 委)
DISTRICT_GOVERNMENT = re.compile(r"([\u4e00-\u9fff]{1,6}?[区县])[区县]?政府")
DISTRICT_COMMITTEE = re.compile(r"(?!共青团)([\u4e00-\u9fff]{1,6}?[区县])[区县]?委")  # (the league's: its own)
ABBREVIATIONS = (
    ("职业教育中心", "职教中心"),
    ("职业技术学院", "职院"),
    ("职业教育", "职教"),
    # 某某工商职业中专 ~ 某某工商职业中等专业学校, 某某职中 ~ 某某县职业高级中学 / 职业中学
    ("中等专业学校", "中专"),
    ("中专校", "中专"),  # 某某中专校 ~ 某某中专
    ("职业高级中学", "职中"),
    ("职业中学", "职中"),
    # the customary short names of a place's bureaus and people's bodies, from the reference list (某市妇联 ~
    # 某市妇女联合会, 某市人社局 ~ 某市人力资源和社会保障局): each name or variant of one as its shortest name
    *sorted(
        (
            (name, min((body.name, *body.aliases), key=lambda n: (len(n), n)))
            for body in bodies()
            if body.details["scope"] == "local"
            for name in (body.name, *body.aliases)
            if len(name) > min(len(n) for n in (body.name, *body.aliases))
        ),
        key=lambda pair: -len(pair[0]),  # the longest first: 人力资源和社会保障局 before any name inside it
    ),
    ("城市建设投资", "城投"),
    ("（集团）有限公司", "集团"),  # 某某城投（集团）有限公司 ~ 某某城投集团
    ("(集团)有限公司", "集团"),
)
SUB_UNITS = ("Platform", "College", "School", "ContinuingEducationInstitution")
# A long text's new name is compared with the names that share an index key (see Resolver._indexed): at most
# the BUCKET latest, and only among the WINDOW names created last.  Both bound the work per name; the window
# also makes it the same from its first tens of thousands of names on, however the keys are spread (a bucket
# alone fills over tens of MiB for its rarer keys, and the cost per block grew with it).
BUCKET = 200
WINDOW = 10_000


@dataclass
class Entity:
    """One entity of a document: canonical label, class, IRI, and what the text called it."""

    label: str
    cls: str
    iri: str  # as text (kg.model.names): extraction builds no rdflib term
    aliases: set[str] = field(default_factory=set)
    district: str = ""  # label of the district entity
    city: str = ""
    known: bool = False  # linked to an entity the graph already had
    mentions: list[Mention] = field(default_factory=list)
    tier: int = 0

    @property
    def first(self) -> int:
        return min((m.start for m in self.mentions if not m.ref), default=-1)


# What stands before a district in names that are not "city + district" (经济开发区).
NOT_CITY_PREFIXES = {"经济", "开发", "技术", "高新", "产业", "工业", "新区", "园区"}


def spirit_of(text: str, mention: Mention) -> bool:
    """贯彻落实某某全会精神: a meeting named for what it resolved (its spirit), not one the text's people attend.

    >>> spirit_of("贯彻省委全会精神", Mention(2, 6, "省委全会", "Conference", "suffix"))
    True
    """
    return text.startswith("精神", mention.end)


# a place's level said again by the body's short name (青川县县委, 渝南市市委, 某某区区政府)
PLACE_SAID_TWICE = re.compile(r"([县区市])\1(?=委|政府|人民政府)")


class Resolver:
    """Resolves the mentions of one document; create one per document."""

    def __init__(self, gazetteer: Gazetteer | None, district: str = "", city: str = ""):
        self.gazetteer = gazetteer or Gazetteer()
        self.district = district
        self.city = city
        self.entities: dict[str, Entity] = {}  # label → entity
        self.part_of: list[tuple[Entity, Entity, Mention]] = []  # (part, whole, mention) stated by the names
        self.publisher: tuple[str, str] | None = None  # (name, class) of the organisation publishing the text
        # whether the headline names the publisher (某某职院与某某大学签约): its text calls it 学校 even right after
        # naming the other school, which it names in full
        self.headlined = False
        # For merging short and long names block by block in linear time: the labels not yet compared,
        # creation order, and the labels by (first two, last two characters) and by short key.
        self._fresh: list[str] = []
        self._fresh_places: list[str] = []  # created outside resolve() (places, the publisher): attributes too
        self._order: dict[str, int] = {}
        self._by_ends: dict[str, list[str]] = {}  # first character | last two
        self._by_key: dict[str, list[str]] = {}
        self._keys: dict[str, str] = {}  # name → short key
        self._short_forms: dict[str, str] = {}  # 华岳集团 → 重庆华岳控股集团有限公司: a short name the text declares
        self._by_unit: dict[str, list[str]] = {}  # 轻工学院 → [黎明职业大学轻工学院]: see _unit_of
        self._by_start: dict[str, list[str]] = {}  # companies by their first two characters: see _brand_of
        self.company: tuple[str, str] | None = None  # the company a company's own news calls 我司 / 本公司
        self.db: sqlite3.Connection | None = None  # a long text's entities and indexes, on disk (see spill)
        self._count = 0  # entities created (their order) once spilling
        self._read_back: dict[str, bytes] = {}  # label → the disk's data of an entity read back in this block
        # What the disk holds of the entities the block before wrote or kept there (their data, and what this
        # block reads besides) and of the labels this block created or asked (their creation order): a block
        # reads back mostly what the one before it wrote (1,100 of the 1,380 reads on 1 MiB of text), and asks
        # the order of what it created; each was a SELECT (17 ms of CPU of the 1.9 s of kg extract).  Copies
        # of a block's, no more: a long text's working memory does not grow.
        self._on_disk: dict[str, bytes] = {}
        self._orders: dict[str, int] = {}
        self._key_sets: list[KeySet] = []  # (what they know they hold is a block's too: see KeySet._known)

    # -- a long text: the entities on disk -----------------------------------

    def start_spilling(self) -> None:
        """Keep the entities and the name indexes in a temporary SQLite file from now on (a text of many blocks).

        Memory then holds the entities of the block being read (:meth:`spill` writes
        them out after each block and forgets them); a name the text uses again is
        read back.  The results are those of the in-memory tables.
        """
        if self.db is not None:
            return
        self.db = sqlite3.connect("")  # a private temporary file, deleted when closed
        self.db.executescript(
            """
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -16000;
            CREATE TABLE entity (label TEXT PRIMARY KEY, ord INTEGER, data BLOB);
            CREATE INDEX entity_ord ON entity (ord);
            CREATE TABLE ords (label TEXT PRIMARY KEY, ord INTEGER);
            CREATE TABLE names (kind INTEGER, key TEXT, label TEXT, ord INTEGER);
            CREATE INDEX names_key ON names (kind, key, ord);
            CREATE TABLE part_of (part TEXT, whole TEXT, start INTEGER);
            """
        )
        self._count = len(self._order)  # what was created before moves over
        self.db.executemany("INSERT INTO ords VALUES (?, ?)", self._order.items())
        self._order.clear()
        for kind, table in enumerate(self._tables()):
            for key, labels in table.items():
                for label in labels:
                    self._index(kind, key, label)
            table.clear()

    def keep_in_step(self, key_set: KeySet) -> None:
        """Have ``key_set`` forget, at each :meth:`spill`, which keys it knows its table holds: a block's only."""
        self._key_sets.append(key_set)

    def spill(self) -> None:
        """Write the entities in memory to disk and forget them (after each block of a long text)."""
        if self.db is None:
            return
        rows = []
        read_back = self._read_back
        on_disk = {}
        for label, entity in self.entities.items():
            data = on_disk[label] = _dumps(entity)
            # An entity read back and left as it was needs no writing: the disk has it (most of the entities a
            # block reads back have their MAX_MENTIONS already; 723 of the 1,121 spilled on 1 MiB of text).
            if read_back.get(label) != data:
                rows.append((label, self._order_of(label), data))
        read_back.clear()
        self._on_disk = on_disk
        self._orders.clear()
        for key_set in self._key_sets:
            key_set.forget()
        self.db.executemany("INSERT OR REPLACE INTO entity VALUES (?, ?, ?)", rows)
        self.db.executemany(
            "INSERT INTO part_of VALUES (?, ?, ?)", [(p.label, w.label, m.start) for p, w, m in self.part_of]
        )
        self.db.commit()
        self.entities.clear()
        self.part_of.clear()
        if len(self._keys) > 20_000:  # a cache, bounded: the oldest half goes (the window asks for recent names)
            for name in list(itertools.islice(self._keys, 10_000)):
                del self._keys[name]

    def stored(self, size: int = 2_000) -> Iterator[list[Entity]]:
        """Every entity of the document (after :meth:`spill`), ``size`` at a time in the order they were created."""
        assert self.db is not None
        last = -1
        while True:
            rows = self.db.execute("SELECT ord, data FROM entity WHERE ord > ? ORDER BY ord LIMIT ?", (last, size))
            rows = rows.fetchall()
            if not rows:
                return
            last = rows[-1][0]
            yield [_loads(data) for _, data in rows]

    def stored_part_of(self) -> Iterator[tuple[str, str, int]]:
        """The (unit, owner, position) the names stated (该校 + 新能源汽车现代产业学院), after :meth:`spill`."""
        assert self.db is not None
        yield from self.db.execute("SELECT part, whole, start FROM part_of ORDER BY rowid")

    def get(self, label: str) -> Entity | None:
        """The entity labelled ``label`` (read back from disk when spilled), or None."""
        entity = self.entities.get(label)
        if entity is None and self.db is not None:
            data = self._stored_data(label)
            if data is not None:
                entity = self.entities[label] = _loads(data)
                self._read_back[label] = data
        return entity

    def peek(self, label: str) -> Entity | None:
        """The entity labelled ``label`` without keeping it in memory (a copy when read from disk)."""
        entity = self.entities.get(label)
        if entity is None and self.db is not None:
            data = self._stored_data(label)
            entity = None if data is None else _loads(data)
        return entity

    def _stored_data(self, label: str) -> bytes | None:
        """What the disk holds of the entity labelled ``label`` (its copy in memory when there is one), or None."""
        assert self.db is not None
        data = self._on_disk.get(label)
        if data is None:
            row = self.db.execute("SELECT data FROM entity WHERE label = ?", (label,)).fetchone()
            if row is None:
                return None
            data = self._on_disk[label] = row[0]
        return data

    def _has(self, label: str) -> bool:
        if label in self.entities:
            return True
        return (
            self.db is not None
            and self.db.execute("SELECT 1 FROM entity WHERE label = ?", (label,)).fetchone() is not None
        )

    def _drop(self, label: str) -> None:
        self.entities.pop(label, None)
        self._read_back.pop(label, None)  # (not on disk any more)
        self._on_disk.pop(label, None)
        if self.db is not None:
            self.db.execute("DELETE FROM entity WHERE label = ?", (label,))

    def _order_of(self, label: str, new: bool = False) -> int:
        """The creation order of ``label`` (-1: never an entity); ``new``: it is created now."""
        if self.db is None:
            if new:
                self._order[label] = len(self._order)
            return self._order.get(label, -1)
        if new:
            order, self._count = self._count, self._count + 1
            self.db.execute("INSERT OR REPLACE INTO ords VALUES (?, ?)", (label, order))
            self._orders[label] = order
            return order
        order = self._orders.get(label)
        if order is None:
            row = self.db.execute("SELECT ord FROM ords WHERE label = ?", (label,)).fetchone()
            if row is None:
                return -1
            order = self._orders[label] = row[0]
        return order

    def _tables(self) -> tuple[dict[str, list[str]], ...]:
        """The name indexes in memory, by kind: ends, short key, unit, first two characters (companies)."""
        return self._by_ends, self._by_key, self._by_unit, self._by_start

    def _index(self, kind: int, key: str, label: str) -> None:
        if self.db is not None:
            self.db.execute("INSERT INTO names VALUES (?, ?, ?, ?)", (kind, key, label, self._order_of(label)))
            return
        table = self._tables()[kind]
        table.setdefault(key, []).append(label)

    def _indexed(
        self, kind: int, key: str, low: int, high: int, read: dict[tuple[int, str], list] | None = None
    ) -> dict[str, int]:
        """The labels indexed under ``key`` with ``low`` to ``high`` characters → their creation order.

        ``read``: the buckets already read from disk since the index last changed (one
        :meth:`_merge_abbreviations` asks for the same key once for each name that has it).
        """
        if self.db is not None:
            rows = None if read is None else read.get((kind, key))
            if rows is None:
                # the latest ones only: a text gives a short form near its long one; the work per name stays bounded
                query = "SELECT label, ord FROM names WHERE kind = ? AND key = ? AND ord >= ? ORDER BY ord DESC LIMIT ?"
                rows = self.db.execute(query, (kind, key, self._count - WINDOW, BUCKET)).fetchall()
                if read is not None:
                    read[(kind, key)] = rows
            return {label: order for label, order in rows if low <= len(label) <= high}
        labels = self._tables()[kind].get(key, [])
        return {label: self._order.get(label, -1) for label in labels if low <= len(label) <= high}

    def place(self, label: str, cls: str) -> Entity:
        return self._entity(label, cls, 1, None)

    def owner(self, label: str, cls: str) -> Entity:
        """The organisation ``label`` a unit's name starts with: the one of the text written in short, if any.

        青川县职业教育中心 in 青川县职业教育中心实训基地, where the text calls the school 青川县职教中心 (the same
        short key), 星辰学院 in 星辰学院实习基地 where it names 泉州星辰学院 (its place left out), 远帆公司 in
        远帆公司培训基地 where it names 深圳市远帆科技股份有限公司 (its brand): that one, not a second one.
        """
        for other in self._indexed(1, self._short_key(label), len(label) - 12, len(label) + DIVISIONS_LONGEST, None):
            entity = self.peek(other)
            if entity is not None and is_a(entity.cls, "Organization") and compatible(entity.cls, cls):
                return self.get(other)
        # 某某公司 (深圳某某公司) of 某某公司培训基地, the text's short name of 深圳市某某科技股份有限公司
        for name in (label, *_after_divisions(label)) if is_a(cls, "Company") else ():
            for other in self._indexed(3, name[:2], len(name) + 1, 1 << 30, None):
                company = self.get(other) if _brand_of(name, other) else None
                if company is not None and is_a(company.cls, "Company"):  # (not a name merged away since)
                    return company
        return self.place(label, cls)

    def resolve(self, text: str, mentions: list[Mention]) -> list[Entity]:
        """Attach an entity to every mention (``mention.entity``) and return the document's entities."""
        if self.publisher is None and any(m.ref == "publisher" for m in mentions):
            self.publisher = _publisher(mentions)
        elif self.publisher is None and any(m.ref == "college" and m.name == "学院" for m in mentions):
            self.publisher = _publisher(mentions, "College")  # 学院党委书记…: a college's own news (or a 技师学院's)
        elif self.publisher is None and any(m.ref == "school" and m.name == "学校" for m in mentions):
            self.publisher = _publisher(mentions)  # 学校党委书记… / 学校是…: the school the text is about
        if self.company is None and any(m.ref == "publisher-company" for m in mentions):
            if self.publisher and is_a(self.publisher[1], "Company"):
                self.company = self.publisher
            else:
                self.company = _publisher(mentions, "Company")
        recent: list[Entity] = []
        previous: Mention | None = None
        touched: dict[int, Entity] = {}  # the entities this call may change: their attributes are redone
        signings = []  # ceremonies named after their parties, which come after them in ``mentions``
        spans = {(m.start, m.end): m for m in mentions if m.cls == "Company"}  # the companies brands stand for
        for mention in mentions:
            if mention.rule == "brand-short":  # 明斯贝尔 after 明斯贝尔化妆品股份有限公司: that company
                full = spans.get(mention.extras["brand_of"])
                mention.entity = full.entity if full is not None else None
                if mention.entity is not None:
                    mention.entity.mentions.append(mention)
                    mention.entity.aliases.add(mention.name)
                previous = mention
                continue
            if mention.rule == "signing-event" or mention.ref == "signing":
                signings.append(mention)
                continue
            if not mention.ref and own_committee(mention.name):
                school = self._own_school(recent)  # 校党委书记张三: the committee of the text's own school
                mention.entity = school  # none named yet: no body of its own either (a bare 校党委 is no name)
                if school is not None:
                    school.mentions.append(mention)
                previous = mention
                continue
            if mention.ref:
                # 学院党委委员、副院长某: the text's own school's committee, whichever school was named last (a
                # guest's, in a roll of those who attend)
                own = mention.ref in ("school", "college") and text.startswith("党委", mention.end) and self.publisher
                mention.entity = self._referent("publisher" if own else mention.ref, recent)
                if mention.entity is not None:
                    mention.entity.mentions.append(mention)
                previous = mention
                continue
            declared = self._declared_short(text, mention, previous)
            if declared is not None:  # A（简称B）/ B later: A
                mention.entity = declared
                declared.mentions.append(mention)
                previous = mention
                continue
            qualified = name = self._qualified(text, mention, previous)
            if mention.cls == "GovernmentAgency":
                name = self._formal(name)
            owner = self._owner(text, mention, previous)
            if owner is not None:
                name = owner.label + name
            entity = self._entity(name, mention.cls, mention.tier, mention)
            if mention.name != entity.label:
                entity.aliases.add(mention.name)
                if qualified not in (mention.name, entity.label) and owner is None:
                    entity.aliases.add(qualified)  # 区委 of a text on 江北区: 江北区委 too, as people call it
            written = text[mention.start : mention.end]
            if written != entity.label and entity.label.startswith(written) and entity.cls in KINDS["Place"]:
                entity.aliases.add(written)  # 在绵阳举行: 绵阳市, which the text calls 绵阳
            if mention.extras.get("joint"):
                entity.aliases.add(written)  # 某某市委市政府: the government, named with its party committee
            if owner is not None:
                self.part_of.append((entity, owner, mention))
            mention.entity = entity
            touched[id(entity)] = entity
            if not mention.nested:
                if not (
                    entity.cls in KINDS["Event"]
                    and (text.startswith(TITLE_AFTER_EVENT, mention.end) or spirit_of(text, mention))
                ):
                    # 某某论坛执行主席张三: the series of a title is no event 会议 refers to; nor is 某某全会 of
                    # 贯彻某某全会精神
                    recent.append(entity)
                previous = mention
            elif entity.cls in KINDS["Platform"] or entity.cls in GROUP_CLASSES:
                recent.append(entity)  # 某某产教联合体成立大会…该联合体: the body an event is named after
        touched.update((id(e), e) for e in self._merge_events())
        touched.update((id(e), e) for e in self._merge_abbreviations())
        ceremony: Entity | None = None
        named_at = {m.start: m for m in mentions if not m.nested and m.entity is not None} if signings else {}
        for mention in sorted(signings, key=lambda m: m.start):  # after the merges: the parties' final labels
            if mention.ref:  # 出席签约仪式: the ceremony named before
                mention.entity = ceremony
                if ceremony is not None:
                    ceremony.mentions.append(mention)
                continue
            ceremony = self._signing(text, mention, named_at)
            if ceremony is not None:
                touched[id(ceremony)] = ceremony
        touched.update((id(e), e) for e in self._merge_advisory_committees())
        touched.update((id(e), e) for e in map(self.get, self._fresh_places) if e is not None)
        self._fresh_places = []
        for entity in touched.values():
            if self.get(entity.label) is entity:
                self._attributes(entity)
        return list(self.entities.values())

    # -- steps -----------------------------------------------------------------

    def _signing(self, text: str, ceremony: Mention, at: dict[int, Mention]) -> Entity | None:
        """我校与某某公司校企合作签约仪式: the ceremony is named after its parties' entities (the school's name
        for 我校, the full name for 市政府), so that each text's naming of one ceremony gives one entity.

        ``at``: the text's mentions with an entity, by where they start."""
        first = at.get(ceremony.start)
        second = at.get(first.end + 1) if first is not None else None
        if second is None:
            return None  # 我校 with no school of the text: no name for the ceremony either
        joined, after = text[first.end : second.start], text[second.end : ceremony.end]
        after = without_note(second.entity.label + after)[len(second.entity.label) :]  # A与B（以下简称B′）…仪式
        name = first.entity.label + joined + second.entity.label + after
        entity = self._entity(name, ceremony.cls, ceremony.tier, ceremony)
        if ceremony.name != entity.label:
            entity.aliases.add(ceremony.name)
        if first.ref:  # 我校与某某集团合作办学签约仪式: the school's own words for it, without itself
            entity.aliases.add(text[second.start : ceremony.end])
        if len(after) > len("签约仪式"):  # …深化校地合作签约仪式: the occasion without its parties
            entity.aliases.add(after)
        ceremony.entity = entity
        return entity

    def _own_school(self, recent: list[Entity]) -> Entity | None:
        """The school a text calls 校 (校党委): its publisher, else the school it names most so far."""
        if self.publisher:
            return self._entity(*self.publisher, 3, None)
        schools = [e for e in recent if is_a(e.cls, "EducationalOrganization")]
        if not schools:
            return None
        return max(reversed(schools), key=lambda e: len(e.mentions))  # ties: the one named first

    def _declared_short(self, text: str, mention: Mention, previous: Mention | None) -> Entity | None:
        """广西某某集团有限公司（简称某某集团）: the short name is the long one's, here and later in the text."""
        # (the words first: a regex call for each of the 12,000 names of 1 MiB, of which few declare anything)
        short = DECLARED.sub("", mention.name) if "简称" in mention.name else mention.name
        if (
            previous is not None
            and previous.entity is not None
            and not previous.ref
            and previous.entity.cls in KINDS["Organization"]
            and (
                DECLARING.fullmatch(text[previous.end : mention.start] + mention.name[: len(mention.name) - len(short)])
                or _other_name_noted(text, previous, mention)
            )
            and len(short) >= 2
        ):
            self._short_forms[short] = previous.entity.label
            previous.entity.aliases.add(short)
            return previous.entity
        # the name may have taken in the words: 名为重庆某某大学
        taken_in = RENAMING.match(mention.name) if "名为" in mention.name else None
        new_name = mention.name[taken_in.end() :] if taken_in else mention.name
        if (
            previous is not None
            and previous.entity is not None
            and not previous.ref
            and text[previous.end : previous.end + 1] in ("（", "(")  # (what a match opens with, before the call)
            and RENAMED.fullmatch(
                text[previous.end : mention.start] + mention.name[: len(mention.name) - len(new_name)]
            )
            and len(new_name) >= 4
        ):
            # 重庆某某学院（现更名为重庆某某大学）: the old name is the new one's, here and later in the text
            renamed = self._entity(new_name, mention.cls, mention.tier, mention)
            old = previous.entity
            if renamed is not old:
                renamed.aliases |= old.aliases | {old.label}
                renamed.mentions += old.mentions
                for earlier in old.mentions:
                    earlier.entity = renamed
                self._short_forms[old.label] = renamed.label
                self._drop(old.label)
            return renamed
        label = self._short_forms.get(mention.name)
        return self.get(label) if label is not None else None

    def _referent(self, kind: str, recent: list[Entity]) -> Entity | None:
        if kind == "publisher" or (kind in ("school", "college") and self.publisher and not recent):
            if not self.publisher:
                return None
            name, cls = self.publisher
            return self._entity(name, cls, 3, None)
        if kind == "publisher-company":
            return self._entity(*self.company, 3, None) if self.company else None
        if kind == "district":
            return self.place(self.district, "District") if self.district else None
        if kind == "city":
            return self.place(self.city, "City") if self.city else None
        wanted = REF_CLASSES.get(kind, ())
        if kind in ("school", "college"):
            # 在某某校区举行，学校党委书记…: a campus is a site of the school, not the school itself (of the names
            # looked at below, not of the whole text's: a reference costs the same however long the text)
            recent = [e for e in recent[-24:] if not e.label.endswith("校区")]
        if (
            kind in ("school", "college")
            and self.publisher
            and (
                (self.headlined and kind == "school") or not any(_answers(e.label, e.cls, wanted) for e in recent[-12:])
            )
        ):
            return self._entity(*self.publisher, 3, None)  # no school named just before: the publisher
        # an event or a group is what the whole text is about (its guests are listed before 出席会议, its officers
        # after it is named once): look further back
        for entity in reversed(recent if kind in ("event", "group") else recent[-12:]):
            if _answers(entity.label, entity.cls, wanted):
                if (
                    self.publisher
                    and kind in ("school", "college")  # (该产业学院: the industry college itself)
                    and (
                        (entity.cls == "College" and _common_phrase(entity.label[:-2]))
                        or entity.cls == "IndustryCollege"
                    )
                ):
                    # 学院与某公司共建… in a school's news after one of its divisions or its 产业学院 (which the
                    # text calls 产业学院): the school, not the division
                    return self._entity(*self.publisher, 3, None)
                return entity
        return None

    def _qualified(self, text: str, mention: Mention, previous: Mention | None) -> str:
        """The name with a relative or missing place made explicit."""
        name = mention.name
        if mention.cls in KINDS["Place"]:
            if self.district and self.city and name in (self.city + self.district, self.city[:-1] + self.district):
                return self.district  # 西安市雁塔区 in a text of 雁塔区: the text's own district, one entity
            return self._carried_city(text, mention, previous) or name
        if not (
            mention.cls in KINDS["Organization"] or mention.cls in KINDS["Program"] or mention.cls in KINDS["Event"]
        ):
            return name
        if name.endswith("校区") and name.startswith(("学校", "我校", "本校")) and len(name) > 4 and self.publisher:
            return self.publisher[0] + name[2:]  # 学校孔明路校区 in a school's news: its campus, under its name
        for size in (3, 4):  # 江苏省江苏省某某技师学院: the place written twice, a slip of the text (one body)
            if name[size - 1 : size] in "省市区县" and name[:size] == name[size : 2 * size]:
                name = name[size:]
                break
        if mention.cls in KINDS["GovernmentAgency"]:
            name = PLACE_SAID_TWICE.sub(r"\1", name)  # 青川县县委, 某某市市委: the place's own committee, 青川县委
        if (
            previous is not None
            and previous.ref in ("district", "city")
            and previous.end == mention.start
            and text[previous.start : previous.end].startswith(("全", "本", "我"))
            and previous.entity is not None
            and not name.startswith(previous.entity.label)
        ):
            return previous.entity.label + name  # 全区家长学校总校, 召开全区职业教育工作推进会
        # (the first character before each pattern: most names open with none of them, and need no regex call)
        league = LEAGUE_COMMITTEE.fullmatch(name) if name.startswith("团") else None
        if league:  # 团区委 → 共青团雁塔区委
            place = self.city if league.group(1) == "市" else self.district
            return f"共青团{place}委" if place else name
        if name.startswith("省") and (
            (PROVINCE_BODY.match(name) and mention.cls in KINDS["GovernmentAgency"])
            or (PROVINCE_SOCIETY.match(name) and mention.cls in KINDS["SocialOrganization"])
        ):
            place = province_of(self.city)  # 省教育厅, 省茶叶协会 in a text of 遵义市: 贵州省教育厅, 贵州省茶叶协会
            return place + name[1:] if place else name
        match = QUALIFY_PREFIX.match(name) if name[:1] in QUALIFY_OPENINGS else None
        if (match and len(name) > len(match.group()) + 1) or (match and match.group() in ("区", "县", "市")):
            prefix = match.group()
            place = self.city if prefix.endswith("市") else self.district
            if prefix.endswith("市") and self.district.endswith("市"):
                place = self.district  # a county-level city's text (某某市 under its prefecture): 市 is its own
            body = name[len(prefix) :]
            if not place and prefix in ("区", "县", "市") and (named := self._named_in_full(name)):
                return named  # 某某度假区党工委书记…，区党工委副书记…: a text of no district, the zone named before
            if place and (prefix.startswith(("全", "本", "我", "该")) or standard_body(body) or prefix in "区县市"):
                public_body = standard_body(body) or mention.cls in KINDS["GovernmentAgency"]
                if (
                    prefix in ("区", "县", "市")
                    and not public_body
                    and not re.match(r"(委|局|院|学院|中心|联)", body[-2:])
                    and not body.endswith(("医院", "卫生院", "保健院"))  # 市中医院: the place's public hospital
                ):
                    return name  # 区级…, 市实验中学: a level or a customary short name, not a relative one
                return place + body
        before = text[max(0, mention.start - 2) : mention.start]
        if self.district and standard_body(name) and not before.endswith(("各", "等")):
            return self.district + name
        return name

    def _named_in_full(self, name: str) -> str | None:
        """The body named before whose full name ``name`` (区党工委, 县教育局) ends, the latest of them, if any
        (among the last NAMED_IN_FULL_REACH entities: a long text of no district says 区X often)."""
        for label in itertools.islice(reversed(self.entities), NAMED_IN_FULL_REACH):
            if label.endswith(name) and len(label) > len(name) + 1:
                return label
        return None

    def _formal(self, name: str) -> str:
        """石景山区政府 → 石景山区人民政府, 石景山区委 → 中共北京市石景山区委员会: a district's government and party
        committee under their formal names (the short one stays an alias), so both forms are one body."""
        government = DISTRICT_GOVERNMENT.fullmatch(name)
        if government:
            return government.group(1) + "人民政府"
        committee = DISTRICT_COMMITTEE.fullmatch(name.removeprefix("中共"))
        if committee:
            place = committee.group(1)
            city = self.city if self.city and place == self.district and not place.startswith(self.city) else ""
            return f"中共{city}{place}委员会"
        return name

    def _carried_city(self, text: str, mention: Mention, previous: Mention | None) -> str:
        """成都温江区、高新区: the second district takes the first one's city."""
        if previous is None or previous.entity is None or previous.cls not in KINDS["District"]:
            return ""
        between = text[previous.end : mention.start]
        if between not in ("、", "和", "及", "以及", "与") or len(mention.name) > 4:
            return ""
        before = previous.entity.label
        city = before[:-3]  # 成都温江区 → 成都; 哈尔滨南岗区 → 哈尔滨
        if not 2 <= len(city) <= 3 or before.startswith(mention.name[:2]) or city in NOT_CITY_PREFIXES:
            return ""
        return city + mention.name

    def _owner(self, text: str, mention: Mention, previous: Mention | None) -> Entity | None:
        """The organisation a sub-unit is named after: 该校 + 新能源汽车现代产业学院."""
        if previous is None or not previous.ref or previous.end != mention.start or previous.entity is None:
            return None
        if previous.ref in ("district", "city"):  # 全区 + 劳动教育基地: _qualified already named it
            return None
        if previous.entity.label == mention.name:
            return None  # the publisher found is this unit itself: no owner to prefix
        if not any(is_a(mention.cls, c) for c in SUB_UNITS):
            return None
        return previous.entity

    def _entity(self, name: str, cls: str, tier: int, mention: Mention | None) -> Entity:
        known = self._known(name, cls)
        label = known.label if known else name
        entity = self.get(label)
        if entity is None:
            entity = Entity(label, known.cls if known else cls, known.iri if known else entity_iri(label))
            entity.known = known is not None
            if known:
                entity.district, entity.city = known.district, known.city
            self.entities[label] = entity
            self._order_of(label, new=True)
            self._fresh.append(label)
            self._fresh_places.append(label)
        elif not entity.known and tier > entity.tier and cls != entity.cls:
            entity.cls = cls
        entity.tier = max(entity.tier, tier)
        if mention is not None:
            entity.mentions.append(mention)
        if known and name != label:
            entity.aliases.add(name)
        return entity

    def _known(self, name: str, cls: str) -> Known | None:
        """The known entity ``name`` denotes; its class wins over the pattern's (one node, one class)."""
        return self.gazetteer.lookup(name, self.district, self.city)

    def _merge_abbreviations(self) -> list[Entity]:
        """One entity for a name and its short forms, labelled by the longer name; return the entities kept.

        重庆青年职业学院 / 重庆青年职业技术学院 (a filler word left out), 棕北中学 /
        成都市棕北中学 (the city left out), 渝北职教中心 / 重庆市渝北职业教育中心.
        Only pairs with a label new since the last call are compared, through an
        index of the labels by their ends and by their short key: the cost of a
        block of a long text is that of its new names, not of every name so far.
        """
        fresh = [label for label in dict.fromkeys(self._fresh) if self._has(label)]
        self._fresh = []
        for label in fresh:
            self._index(0, label[:1] + "|" + label[-2:], label)  # by the ends: 建工学院 ~ 建筑工程学院 too
            if school_end := _school_end(label):
                self._index(0, label[:1] + "|#" + school_end, label)  # 青职院 ~ 青川职业技术学院
            self._index(1, self._short_key(label), label)
            for rest in _after_divisions(label):  # 石景山区景山远洋教育集团, found from 景山远洋教育集团 too
                self._index(1, self._short_key(rest), label)
            for unit in _units(label):
                self._index(2, unit, label)
            if is_a(self.get(label).cls, "Company"):
                for name in (label, *_after_divisions(label)):  # 宏远集团 ~ 陕西宏远集团股份有限公司 too
                    self._index(3, name[:2], label)  # companies by their first two characters: see _brand_of
        order: dict[str, int] = {}
        read: dict[tuple[int, str], list] = {}  # the buckets read from disk: the index does not change from here

        def rank(label: str) -> tuple[int, int]:  # the order of the comparison: shorter first, then older
            found = order.get(label)
            if found is None:
                found = order[label] = self._order_of(label)
            return len(label), found

        def same_size(label: str, ending: str) -> dict[str, int]:
            """The companies as long as ``label``, of its first two characters, whose names end with ``ending``."""
            return {
                n: o for n, o in self._indexed(3, label[:2], len(label), len(label), read).items() if n.endswith(ending)
            }

        def candidates(label: str, shorter: bool) -> set[str]:
            """The names indexed with ``label`` that are shorter, or longer (the longer ones a merge can take)."""
            size, ends, key = len(label), label[:1] + "|" + label[-2:], self._short_key(label)
            school_end = _school_end(label)
            if shorter:  # what it can take: at most 6 characters fewer (its units: see _units), or a brand
                found = {
                    **self._indexed(0, ends, size - 6, size - 1, read),
                    # (by the short key, further: 某市人社局 ~ 某市人力资源和社会保障局, seven characters longer)
                    **self._indexed(1, key, size - 12, size - 1, read),
                }
                if school_end:
                    found.update(self._indexed(0, label[:1] + "|#" + school_end, 3, size - 2, read))
                found.update(self._indexed(3, label[:2], 0, size - 1, read))
                if label.endswith("集团"):  # 某某公司, as long: the group's name in other words (see _brand_of)
                    found.update(same_size(label, "公司"))
            else:  # at most 6 characters more, the unit's own name at the end (indexed by it), or a brand's group
                found = {
                    **self._indexed(0, ends, size + 1, size + 6, read),
                    **self._indexed(1, key, size + 1, size + DIVISIONS_LONGEST, read),
                }
                found.update(self._indexed(2, label, size + 1, 1 << 30, read))  # 黎明职业大学轻工学院 for 轻工学院
                found.update(
                    self._indexed(3, label[:2], size + 1, 1 << 30, read)
                )  # 中炬高新集团 for 中炬高新技术实业…公司
                if label.endswith("公司"):
                    found.update(same_size(label, "集团"))
                if school_end:
                    found.update(self._indexed(0, label[:1] + "|#" + school_end, size + 2, size + 12, read))
            order.update(found)
            return set(found)

        new = set(fresh)
        shorts = set(fresh)
        partners: dict[str, set[str]] = {}  # an older name → the new ones it may be a short form of
        for label in fresh:
            found = candidates(label, shorter=True)
            found.update(unit for unit in _units(label) if self._has(unit))
            for short in found - new:
                partners.setdefault(short, set()).add(label)
            shorts |= found
        kept: list[Entity] = []
        for short in sorted(shorts, key=rank):
            # an older name's pairs with the other older names were compared when one of them was new
            longs = candidates(short, shorter=False) if short in new else partners[short]
            key = self._short_key(short)
            matching = []  # what the names alone decide, first: an entity on disk is read back only on a match
            for long in sorted(longs, key=rank):
                if len(long) < len(short) or (len(long) == len(short) and not long.endswith("集团")):
                    continue  # (某某公司 for 某某集团: as long, and the same company)
                named_after = _brand_of(short, long)  # a brand and its group, if both are companies (below)
                if self._shortens(short, long, key, named_after):
                    matching.append((long, named_after))
            if not matching:
                continue
            entity = self.get(short)
            if entity is None or is_a(entity.cls, "Place") or not is_a(entity.cls, "Organization"):
                continue
            if entity.known:
                # a known name written with a filler (重庆市渝州… for the listed 重庆渝州…): the known name is the label
                for long, _ in matching:
                    other = self.get(long)
                    if other is None or other is entity or other.known or not _contracts(short, long):
                        continue
                    if compatible(other.cls, entity.cls):
                        self._absorb(entity, other, long)
                        kept.append(entity)
                continue
            for long, named_after in matching:
                other = self.get(long)
                if other is None or other is entity or not compatible(entity.cls, other.cls):
                    continue
                brand = named_after and is_a(entity.cls, "Company") and is_a(other.cls, "Company")
                if not self._shortens(short, long, key, brand):
                    continue
                self._absorb(other, entity, short)
                kept.append(other)
                break
        return kept

    def _shortens(self, short: str, long: str, key: str, brand: bool) -> bool:
        """Whether ``short`` (its short key ``key``) is a short form of ``long``: a filler left out, its unit, the
        name after a division, an abbreviation, the same short key, initials; ``brand``: the two are a brand and
        its group.  More than six characters shorter only as a unit, a brand, a division's or an abbreviation."""
        unit = _unit_of(short, long)
        divided = long.endswith(short) and short in _after_divisions(long)
        brief = _abbreviates(short, long) or key == self._short_key(long)
        if len(long) - len(short) > 6 and not (unit or brand or divided or brief):
            return False
        return unit or brand or divided or brief or _contracts(short, long) or _initials(short, long)

    def _merge_events(self) -> list[Entity]:
        """江北区2025年职业教育活动周 and 2025年职业教育活动周 (the title, its place the subject): one event.

        An event named again without the place its name starts with is the same event, and so is one named by
        the first of the names it joins with 暨; the label is the longer name.  Only the events in memory are
        compared (a handful in an article).
        """
        events = [e for e in self.entities.values() if is_a(e.cls, "Event") or e.cls == "Campaign"]
        kept = []
        for short in sorted(events, key=lambda e: len(e.label)):
            for long in events:
                if long is short or self.get(long.label) is not long:
                    continue
                if long.label.startswith(short.label + "暨") and self.get(short.label) is short:
                    # 某某分会成立大会暨第一次学术年会 (the title), 某某分会成立大会 (the text): one event under
                    # its first name, as the name joined with 暨 says
                    self._absorb(long, short, short.label)
                    kept.append(long)
                    break
                if _spelling(long.label) == _spelling(short.label) and self.get(short.label) is short:
                    self._absorb(long, short, short.label)  # 青川市市域…大会 and 青川市域…大会: one name
                    kept.append(long)
                    break
                if not long.label.endswith(short.label):
                    continue
                place = long.label[: -len(short.label)]
                if len(short.label) >= 4 and PLACE_PREFIX.fullmatch(place) and self.get(short.label) is short:
                    self._absorb(long, short, short.label)
                    kept.append(long)
                    break
        return kept

    def _merge_advisory_committees(self) -> list[Entity]:
        """电子信息专指委, 专指委: the short form of the 某某专业(工作)指导委员会 of the text (教指委 likewise).

        指委 stands for 指导委员会; what comes before it keeps characters of the committee's field in order.
        """
        entities = list(self.entities.values())
        committees = [e for e in entities if e.label.endswith("指导委员会")]
        if not committees:
            return []
        kept = []
        for short in [e for e in entities if e.label.endswith("指委") and len(e.label) <= 8]:
            brief = short.label[:-2]
            matches = [c for c in committees if _in_order(brief, c.label[:-5])]
            # the first named, when the text spells the committee two ways (专业工作指导, 工作专业指导)
            if matches and self.get(short.label) is short and self.get(matches[0].label) is matches[0]:
                self._absorb(matches[0], short, short.label)
                kept.append(matches[0])
        return kept

    def _absorb(self, keeper: Entity, gone: Entity, name: str) -> None:
        """``gone`` (named ``name``) is ``keeper`` under another name: its names and mentions go over, it goes."""
        keeper.aliases |= gone.aliases | {name}
        keeper.mentions += gone.mentions
        for mention in gone.mentions:
            mention.entity = keeper
        self._drop(name)

    def _short_key(self, name: str) -> str:
        """A name without its city or province and with common abbreviations applied (computed once a name)."""
        key = self._keys.get(name)
        if key is None:
            key = self._keys[name] = self._unqualified(name)
        return key

    def _unqualified(self, name: str) -> str:
        name = _spelling(name)
        for long, short in ABBREVIATIONS:  # (first: 某市妇联 and 某市妇女联合会 lose their city alike, or neither)
            name = name.replace(long, short)
        # 某某省某某市某某区职业高级中学 ~ 某某区职业高级中学: a province and its city before a body's name
        stripped = re.sub(r"^(?:[\u4e00-\u9fff]{2,3}省)?(?:[\u4e00-\u9fff]{2,3}市)?(?=[\u4e00-\u9fff]{4})", "", name)
        if stripped == name:  # 盐城经开区管委会 ~ 经开区管委会: a zone's body without the city it is named after
            size = next((n for n in (3, 2) if name[:n] in _division_heads() and ZONE_START.match(name, n)), 0)
            stripped = name[size:]
        name = stripped
        if self.district and name.startswith(self.district):
            name = self.district[:-1] + name[len(self.district) :]
        elif name[2:3] in ("县", "区") and name[:3] in _division_heads() and name[:2] in _division_heads():
            name = name[:2] + name[3:]  # 某某县职业高级中学 ~ 某某职中: a county's name without 县 (or 区)
        return ORDINAL_SCHOOL.sub(lambda m: m.group(1) + (m.group(2) or m.group(3)), name)  # 第八中学 ~ 八中

    def _attributes(self, entity: Entity) -> None:
        """kg:district / kg:city where the name or the resolution shows them."""
        if entity.known or (is_a(entity.cls, "Place") and entity.cls != "District"):
            return
        district_short = re.sub(r"(区|县)$", "", self.district)
        names = [entity.label, *entity.aliases]
        named_after = any(
            n.startswith(self.district) or (len(district_short) >= 2 and n.startswith(district_short)) for n in names
        )
        if self.district and entity.label != self.district and named_after:
            entity.district = self.district
        if entity.cls == "District" and self.city and entity.label != self.city:
            if entity.label == self.district or entity.label.startswith(self.city[:2]):
                entity.city = self.city
        elif self.city and (
            entity.district or entity.label.startswith(self.city) or entity.label.startswith(self.city[:2])
        ):
            entity.city = self.city


def _dumps(entity: Entity) -> bytes:
    """The entity with its mentions' own fields only: not what a mention links to (other mentions, entities, the
    gazetteer's entry), which would bring along a growing share of the document.

    Written as plain tuples: pickling the dataclasses themselves, and copying each mention
    first to drop its links, was an eighth of extracting a long text (every block writes its entities again).
    """
    # a mention's fields in their order, with None for its known entry: made again by one call each
    mentions = [
        (m.start, m.end, m.name, m.cls, m.rule, m.tier, None, m.ref, m.nested, m.category) for m in entity.mentions
    ]
    fields = (entity.label, entity.cls, entity.iri, entity.aliases, entity.district)
    return pickle.dumps((*fields, entity.city, entity.known, mentions, entity.tier), pickle.HIGHEST_PROTOCOL)


def _loads(data: bytes) -> Entity:
    label, cls, iri, aliases, district, city, known, mentions, tier = pickle.loads(data)
    return Entity(
        label,
        cls,
        iri,
        aliases,
        district,
        city,
        known,
        list(itertools.starmap(Mention, mentions)),  # known: None; extras and entity: their defaults
        tier,
    )


class KeySet:
    """A set of keys that lives in memory, or in the resolver's SQLite file once it spills (a long text)."""

    def __init__(self, resolver: Resolver, name: str):
        self.resolver, self.name, self.memory = resolver, name, set()
        self._table = False
        # Keys known to be in the table already, as written there, since the resolver's last block: most adds
        # are of a key the block gave before (4,400 of the 4,750 on 1 MiB of text: the labels of the entities of
        # every fact), answered here without a call to SQLite.  A block's, no more (see forget): a long text's
        # working memory does not grow with its keys.
        self._known: set[str] = set()
        resolver.keep_in_step(self)

    def add(self, key: Hashable) -> bool:
        """Add ``key``; True when it was not there."""
        db = self.resolver.db
        if db is None:
            if key in self.memory:
                return False
            self.memory.add(key)
            return True
        self._ensure(db)
        text = repr(key)
        if text in self._known:
            return False
        cursor = db.execute(f"INSERT OR IGNORE INTO {self.name} VALUES (?)", (text,))
        self._known.add(text)
        return cursor.rowcount > 0

    def __contains__(self, key: Hashable) -> bool:
        db = self.resolver.db
        if db is None:
            return key in self.memory
        self._ensure(db)
        text = repr(key)
        if text in self._known:
            return True
        if db.execute(f"SELECT 1 FROM {self.name} WHERE key = ?", (text,)).fetchone() is None:
            return False
        self._known.add(text)
        return True

    def forget(self) -> None:
        """Forget which keys the table holds (the resolver's block is over: a long text's keys stay on disk)."""
        self._known.clear()

    def _ensure(self, db: sqlite3.Connection) -> None:
        if not self._table:  # created on first use; what memory held so far moves over
            db.execute(f"CREATE TABLE IF NOT EXISTS {self.name} (key TEXT PRIMARY KEY) WITHOUT ROWID")
            db.executemany(f"INSERT OR IGNORE INTO {self.name} VALUES (?)", [(repr(k),) for k in self.memory])
            self.memory.clear()
            self._table = True


WHOLE_SCHOOLS = ("University", "VocationalCollege", "School")  # whole schools, not a school's own units
NAMED_IN_FULL_REACH = 200  # how many of the latest entities a bare 区X of a text of no district is looked up in


def _answers(name: str, cls: str, wanted: tuple[str, ...]) -> bool:
    """Whether a name of class ``cls`` is of one of the classes ``wanted`` (a reference's, a publisher's): one of
    them, or for a college's (学院) a secondary vocational school named so, a 技师学院."""
    return any(is_a(cls, kind) for kind in wanted) or ("College" in wanted and technician_college(name, cls))


def technician_college(name: str, cls: str) -> bool:
    """某某技师学院: a secondary vocational school (the technician colleges of the labour bureaus, 技工院校) that
    its own news calls 学院 as a college's does."""
    return cls == "SecondaryVocationalSchool" and name.endswith("学院")


def _publisher(mentions: list[Mention], kind: str = "EducationalOrganization") -> tuple[str, str] | None:
    """The school or college a text's 我校 / 本校 refers to: the first one it names (headline, first sentence).

    With ``kind="Company"``: the company 我司 / 本公司 refers to.
    """
    owned = {m.end for m in mentions if m.ref in ("publisher", "publisher-company")}
    units = {m.name for m in mentions if m.start in owned}
    found = [
        m
        for m in mentions
        # 我校艺术学院: a unit of the publisher, not the publisher
        if m.name not in units and not m.ref and not m.nested and _answers(m.name, m.cls, (kind,))
    ]
    # a 学院 named by its field alone (理学院, 机电工程学院) is a school's division: a school named after it is
    # the publisher (校党委副书记…，化工学院、设计学院的…，某某大学…)
    whole = [
        m
        for m in found
        if any(is_a(m.cls, c) for c in WHOLE_SCHOOLS) or (m.cls == "College" and not _common_phrase(m.name[:-2]))
    ]
    first = (whole or found)[:1]
    return (first[0].name, first[0].cls) if first else None


# what a company's legal name adds after its brand and 集团 (某某集团有限公司): the same company
LEGAL_FORMS = ("有限公司", "股份有限公司", "有限责任公司", "股份公司")
COMPANY_FORMS = ("公司", "集团", *LEGAL_FORMS)  # what a company's name adds to its brand (星海科技公司)
FILLERS = {
    "技术",
    "职业",
    "职业技术",
    "市",
    "区",
    "县",
    "省",
    "有限",
    "有限责任",
    "股份",
    "股份有限",
    "科技",
    "人民",
    "中国",
    "建设",
    # 远帆联盟 for 远帆产教联盟: an alliance's field left out
    "产教",
    "产教融合",
}


NEW_AREA = re.compile("[\u4e00-\u9fff]{2,4}?新区")  # a national new area (某某新区), named after its province
ZONE_START = re.compile("(?:经开区|高新区|开发区|工业园区|经济开发区|经济技术开发区|高新技术产业开发区)(?=.{2})")


def _spelling(name: str) -> str:
    """``name`` without what its spellings differ by: a middle dot (星海经贸·远帆学院), a city's 市 written twice
    (青川市市域产教联合体, 青川市域…).

    >>> _spelling("青川市市域产教联合体"), _spelling("星海经贸·远帆学院")
    ('青川市域产教联合体', '星海经贸远帆学院')
    """
    return name.replace("·", "").replace("市市域", "市域")


def _initials(short: str, long: str) -> bool:
    """True when ``short`` abbreviates ``long`` by keeping some characters of its modifier (建工学院, 建筑工程学院).

    >>> _initials("建工学院", "建筑工程学院"), _initials("建工学院", "土木工程学院")
    (True, False)
    >>> _initials("重庆大学", "重庆工商大学"), _initials("州人民医院", "州第二人民医院")
    (False, False)
    """
    tail = short[-2:]
    if len(short) < 4 or not long.endswith(tail):
        return False
    brief, full = short[:-2], long[:-2]
    if brief[0] != full[0] or len(full) < len(brief) + 2 or brief in full:
        return False  # 重庆大学 is not 重庆工商大学: a short form takes characters from each word
    if "第" in full and "第" not in brief:
        return False  # 州人民医院 is not 州第二人民医院: the number tells two bodies apart
    rest = iter(full)
    return all(ch in rest for ch in brief)


def _in_order(brief: str, full: str) -> bool:
    """True when the characters of ``brief`` appear in ``full`` in the same order (专 in 电子信息专业工作)."""
    rest = iter(full)
    return bool(brief) and all(ch in rest for ch in brief)


def _units(long: str) -> list[str]:
    """Every ``short`` for which ``_unit_of(short, long)`` holds (the index of names by their units).

    >>> _units("黎明职业大学轻工学院")
    ['轻工学院']
    """
    return [long[cut:] for cut in range(4, len(long) - 3) if _unit_of(long[cut:], long)]


# how much longer a name may be than its short form without its divisions (某某区某某街道 before 远帆幼儿园)
DIVISIONS_LONGEST = 9
# a street or town a body's name gives after its district (…云湖街道远帆幼儿园, …石门镇中心小学)
TOWN_START = re.compile("[\u4e00-\u9fff]{2,3}?(?:街道|镇|乡)")


def _after_divisions(name: str) -> list[str]:
    """What follows each district, county, city or zone ``name`` starts with, when four characters or more.

    The national list says what a division is (石景山区 of 石景山区景山远洋教育集团), so a common word
    ending in 区 or 市 (园区, 城市) is none; a zone is named after its city (苏州工业园区).

    >>> _after_divisions("重庆市江北区星光教育集团"), _after_divisions("园区第一中学"), _after_divisions("江北区教委")
    (['江北区星光教育集团', '星光教育集团'], [], [])
    >>> _after_divisions("苏州工业园区金鸡湖教育集团"), _after_divisions("广州水务集团")
    (['金鸡湖教育集团'], ['水务集团'])
    >>> _after_divisions("四川天府新区锦城小学教育集团")
    ['天府新区锦城小学教育集团', '锦城小学教育集团']
    >>> _after_divisions("江北区云湖街道远帆幼儿园"), _after_divisions("江北区石门镇中心小学")  # 中心小学: every town's
    (['云湖街道远帆幼儿园', '远帆幼儿园'], ['石门镇中心小学'])
    """
    rests: list[str] = []
    while len(rests) < 3:
        size = next((n for n in (5, 4, 3) if name[n - 1 : n] in "区县市旗" and name[:n] in _division_heads()), 0)
        if not size:  # a zone named after its city
            zones = (ZONE_START.match(name, n) for n in (3, 2) if name[:n] in _division_heads())
            zone = next((z for z in zones if z), None)
            size = zone.end() if zone else 0
        if not size and not rests and name[:2] in _division_heads() and name[2:3] not in "省市县区州旗镇乡":
            size = 2  # 广州水务集团, named again 水务集团: a city's or county's short name, 市 left out
        if not size and rests:
            area = NEW_AREA.match(name)  # 湖南湘江新区某某教育集团: a national new area after its province
            size = area.end() if area else 0
        if not size and rests:
            town = TOWN_START.match(name)  # 江北区云湖街道远帆幼儿园: a street or town after its district
            rest = name[town.end() :] if town else ""
            size = town.end() if town and len(rest) >= 5 and not rest.startswith("中心") else 0
        if not size or len(name) - size < 4:
            break
        name = name[size:]
        rests.append(name)
    return rests


def _unit_of(short: str, long: str) -> bool:
    """True when ``short`` is the unit's own name at the end of ``long`` (轻工学院 in 黎明职业大学轻工学院).

    >>> _unit_of("轻工学院", "黎明职业大学轻工学院"), _unit_of("工学院", "黎明职业大学轻工学院")
    (True, False)
    >>> _unit_of("前湾中学", "江北师范大学附属前湾中学")
    True
    """
    head = long[: len(long) - len(short)]
    # 某某集团置业公司 → 置业公司: a group's subsidiary by its own name, as a school's unit; 某某学会…专业指导委员会,
    # 某某协会产教融合分会: a society's committee or branch by its own name
    # 某某大学附属某某中学 → 某某中学: a university's affiliated school by its own name
    parents = ("大学", "学院", "学校", "集团", "学会", "协会", "促进会", "研究会", "附属")
    return len(short) >= 4 and long.endswith(short) and head.endswith(parents) and len(head) >= 4


def _brand_of(short: str, long: str) -> bool:
    """True when ``short`` is a company's brand and 集团 or 公司: 中炬高新集团 for 中炬高新技术实业（集团）股份有限公司,
    恒远公司 for 遵义市恒远实业有限公司 (the text's short form of a name it gave in full).

    >>> _brand_of("中炬高新集团", "中炬高新技术实业（集团）股份有限公司"), _brand_of("重庆集团", "重庆建工集团有限公司")
    (True, False)
    >>> _brand_of("恒远公司", "遵义市恒远实业有限公司"), _brand_of("恒远公司", "恒远实业集团")
    (True, False)
    >>> _brand_of("恒远集团", "恒远集团有限公司"), _brand_of("恒远股份公司", "恒远股份公司江北分公司")
    (True, False)
    >>> _brand_of("恒远公司", "恒远集团"), _brand_of("星海科技", "星海科技公司"), _brand_of("重庆市", "重庆市公司")
    (True, True, False)
    """
    if long.startswith(short) and long[len(short) :] in COMPANY_FORMS and len(short) >= 3:
        return _no_place(short)  # 星海科技 for 星海科技公司: the brand alone, the name without its last word
    if not short.endswith(("集团", "公司")) or short.endswith(("有限公司", "分公司", "总公司")):
        return False
    rest = long[len(short) :] if long.startswith(short) else ""
    if rest.endswith("公司") and rest not in LEGAL_FORMS:
        return False  # 某某股份公司江北公司: a branch named after the company, another company
    brand = short[:-2]
    if not long.startswith(brand):  # 宏远集团 of 陕西宏远集团股份有限公司: the place left out
        long = next((rest for rest in _after_divisions(long) if rest.startswith(brand)), long)
    if len(brand) < 2 or not long.startswith(brand):
        return False
    if short[-2:] not in long and not long.startswith(brand + "集团"):
        return False  # (某某公司 for 某某集团: a text calls its group a company too, the brand the same)
    return _no_place(brand)  # (重庆集团: a place)


def _no_place(brand: str) -> bool:
    return not re.search("[省市县区]$", brand) and dictionary().get(brand, "") != "ns"


BRANCH_ENDS = ("校区", "分校", "分园", "分院", "园区")  # a school's branches and campuses, named in brackets after it


def _other_name_noted(text: str, school: Mention, other: Mention) -> bool:
    """True for a school's other name in brackets right after it (某某技师学院（某某工贸职院）): one school.

    >>> text = "某某技师学院（星海工贸职院）"
    >>> _other_name_noted(text, Mention(0, 6, "某某技师学院", "VocationalCollege", "suffix", 2),
    ...     Mention(7, 13, "星海工贸职院", "VocationalCollege", "suffix", 2))
    True
    """
    return (
        text[school.end : other.start] in ("（", "(")
        and text[other.end : other.end + 1] in ("）", ")")
        and is_a(school.cls, "EducationalOrganization")
        and is_a(other.cls, "EducationalOrganization")
        and not other.name.endswith(BRANCH_ENDS)  # 某某幼儿园（新月分园）: its branch, a unit
    )


def _contracts(short: str, long: str) -> bool:
    """True when ``short`` is ``long`` without a filler word inside (技术, 市, 有限 …).

    >>> _contracts("重庆青年职业学院", "重庆青年职业技术学院"), _contracts("重庆大学", "重庆理工大学")
    (True, False)
    """
    if len(short) < 4 or short[:2] != long[:2] or short[-2:] != long[-2:]:
        return False
    for cut in range(2, len(short) - 1):
        if (
            long.startswith(short[:cut])
            and long.endswith(short[cut:])
            and long[cut : cut + len(long) - len(short)] in FILLERS
        ):
            return True
    return False
