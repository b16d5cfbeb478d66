"""Entity recognition in cleaned Chinese text: names found by their shape, classified into the ontology.

Pattern families (each :class:`Mention` records the one that found it in ``rule``):

``suffix``
    Chinese organisation and program names end in a type word: …小学, …职业技术学院,
    …公司, …实训基地, …产教联合体, …行动, …论坛.  The name runs left from the type word
    to the nearest boundary: punctuation, or a function word or governing verb
    (与, 在, 由, 牵头, 建成 …); jieba's dictionary keeps 华为 whole where a
    boundary character (为) sits inside a word.
``quoted``
    “…” names: with a type word after the quote (“巴娃守护”关爱行动), a type word
    inside it (“兴师计划”), or a context that makes a quoted phrase a program
    (开展“名师导教”“课例打磨”等活动, 以“…”为统领); 《…》 titles.
``award``
    phrases after 获评 / 荣获 / 入选 / 成功申报 / 作为 … that end in an award or
    designation word (…一等奖, …称号, …试点学校, …实验区).
``list``
    enumerations typed by their head noun: 华为赛力斯、涵泰汽修等多家企业 names
    two companies; “千手护蕾”“美丽心灵”等工作 two campaigns.
``place``
    …省 / 市 / 区 / 县 names, the document's own district by its short form (巴南).
``person``
    a name after a role word (英语教师陈凤娟), and the article's authors.
``gazetteer``
    a name the graph already knows (see :mod:`kg.extract.gazetteer`).
``ref``
    references to resolve: 该校, 该学院, 全区 … (see :mod:`kg.extract.resolve`).

This module is the grammar; the words the families look for (type words, stop words, role words,
surnames, award verbs …) are data in ``kg/extract/lexicon/``, read by :mod:`kg.extract.lexicon`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import ahocorasick

from kg import user_cache
from kg.extract.gazetteer import (
    ZONE_KIND,
    Gazetteer,
    Known,
    finditer_after,
    finditer_at,
    finditer_before,
    finditer_from,
    leftmost_longest,
    trie_pattern,
    words_automaton,
)
from kg.extract.lexicon import alternation, characters, table, words
from kg.model.names import classes
from kg.model.terms import KINDS, compatible, descendants, is_a, label
from kg.sources import reference
from kg.sources.documents import CJK, CLAUSE_PUNCT
from kg.sources.reference import bodies, divisions, universities
from kg.sources.words import dictionary, dictionary_file


@dataclass(slots=True)
class Mention:
    """A stretch of text naming an entity, or referring back to one (``ref``)."""

    start: int
    end: int
    name: str  # the name as the text gives it, completed where the text shares a type word (孵化小鸡、…课程)
    cls: str  # ontology class (local name)
    rule: str
    tier: int = 2  # confidence of the rule; overlaps keep the higher tier, then the longer span
    known: Known | None = None
    ref: str = ""  # for references: the kind referred to ('school', 'college', 'district' …)
    nested: bool = False  # kept inside another mention (the competition inside its prize)
    category: bool = False  # a common noun (…学校33所), not a named entity
    extras: dict = field(default_factory=dict)
    entity: Any = None  # the resolved entity (set by kg.extract.resolve)


# ---------------------------------------------------------------------------
# The words come from the lexicon (kg/extract/lexicon/*.txt, *.tsv: data, one file per family);
# this module holds the grammar around them.  Names and types below are what the recogniser uses.
# ---------------------------------------------------------------------------

# Type words: (suffix, class, strength).  "strong" suffixes make names alone; "weak" ones only with
# a quoted part (“1+4”学生劳动素养提升标准) or a trigger.
SUFFIXES: list[tuple[str, str, str]] = [
    (word, cls, strength) for word, (cls, strength) in table("type_words", 2).items()
]

# the type words that end a body's name: an organisation's strong ones (大学, 有限公司, 局 …)
BODY_WORDS = tuple(w for w, c, strength in SUFFIXES if strength == "strong" and is_a(c, "Organization"))
HEAD_TAIL = max(map(len, BODY_WORDS)) + 1  # what _listed_place_start reads of the words before a name

# Characters after a type word that show it is not the end of a name (小学生, 集团化, 中心城区 …); "" for every one.
NOT_AFTER = {("" if word == "*" else word): chars for word, (chars, *_) in table("not_after", 1).items()}
# the type words whose characters after them end no name, whatever word they open (see type_word_ends_name)
STRICTLY_NOT_AFTER = frozenset(word for word, (_, *strict) in table("not_after", 1).items() if strict == ["strict"])
NOT_BUREAU = set(words("not_bureau"))
PLACE_SUFFIXES = words("place_suffixes")
NOT_PLACE_CHARS = set(characters("not_place_before"))
NOT_PLACE_END = re.compile("(" + "|".join(map(re.escape, characters("not_place_before"))) + ")(区|市|县)$")

# References a resolver turns into entities: word → the kind referred to ('school', 'district', 'publisher' …).
REFERENCES = {word: kind for word, (kind,) in table("references", 1).items()}

# Words at which a name's left edge stops: function words, the verbs that govern names, and references.
STOP_WORDS = set(words("stop_words")) | set(REFERENCES)
FIELD_WORDS = frozenset(words("field_words"))  # the fields of offices the dictionary lacks (实训, 产教): common words
STOP_SINGLE = {w for w in STOP_WORDS if len(w) == 1}
STOP_MULTI = {w for w in STOP_WORDS if len(w) > 1}
STOP_MULTI_TUPLE = tuple(STOP_MULTI)  # for str.startswith / endswith, which try them all in one call
STOP_SIZES = {}  # last character → lengths of the multi-character stop words ending in it, longest first
for _word in sorted(STOP_MULTI, key=len, reverse=True):
    STOP_SIZES.setdefault(_word[-1], [])
    if len(_word) not in STOP_SIZES[_word[-1]]:
        STOP_SIZES[_word[-1]].append(len(_word))
BREAK = set(characters("breaks")) | set("\n\t \u3000")  # whitespace cannot be written in a word list
MAX_NAME = 24
LIST_ENDINGS = ("立项建设名单", "建设名单", "名单", "名录")  # 列入…名单: the list, not the designation
YEAR_INSIDE = re.compile("[区市县省州旗](?:19|20)[0-9]{2}年")  # a place, then the year of its event
YEAR_AFTER_BODY = re.compile("[盟会院校团体司局委心所](?:19|20)[0-9]{2}年")  # 某某联盟2023年年会: a body's meeting
SPECIAL = BREAK | set("“”（）()") | set(STOP_SIZES) | STOP_SINGLE  # characters left_edge must look at

# Modifiers that make a type word a common noun, not a name (各学校, 在区高校, 乡村薄弱学校).
GENERIC_WORDS = set(words("generic_words"))
# first character → the lengths (five at most) of the generic words starting with it, longest first (see _generic)
GENERIC_SIZES: dict[str, list[int]] = {}
for _size in range(5, 0, -1):
    for _first in sorted({w[0] for w in GENERIC_WORDS if len(w) == _size}):
        GENERIC_SIZES.setdefault(_first, []).append(_size)
# Bodies every district has: a bare mention in a district's article is that district's (see kg.extract.resolve).
# The lexicon's, and the local bodies of the reference list (科学技术局, 工商联 …) but a zone's 管委会 (某某开发区
# 党工委、管委会: the zone's, see _zone_committee).
STANDARD_BODIES = re.compile(
    "^(?:"
    + "|".join(
        [
            alternation("standard_bodies"),
            *(
                re.escape(name)
                for body in bodies()
                if body.details["scope"] == "local" and body.name != "管理委员会"
                for name in (body.name, *body.aliases)
            ),
        ]
    )
    + ")$"
)
# the same names as a set: a whole name is one of them (standard_body), a lookup where the regex was a call
STANDARD_BODY_NAMES = frozenset(
    [
        *words("standard_bodies"),
        *(
            name
            for body in bodies()
            if body.details["scope"] == "local" and body.name != "管理委员会"
            for name in (body.name, *body.aliases)
        ),
    ]
)


def standard_body(name: str) -> bool:
    """Whether ``name`` is a body every district has: :data:`STANDARD_BODIES` matches it (in full, or all but the
    line break its ``$`` lets end it)."""
    return name in STANDARD_BODY_NAMES or (name[-1:] == "\n" and name[:-1] in STANDARD_BODY_NAMES)


# Type words that also name whole categories (平台, 活动 …): a short common-word modifier is not enough.
CATEGORY_PRONE = set(words("category_prone"))
# A weak type word makes a name after these verbs: 开设编程课, 推进教育评价改革.
WEAK_GOVERNORS = {
    word: re.compile("(" + "|".join(map(re.escape, verbs)) + ")") for word, verbs in table("weak_governors", 1).items()
}
PARTY_BODIES = words("party_bodies")
BRACKETED_TAIL = re.compile("（[^（）]{2,12}）$")  # 某某大学（某某科学院）: a second name in brackets after the first
DOCUMENT_TITLE = re.compile(rf"(?:{alternation('document_titles')})(?:[(（][^()（）]{{1,12}}[)）])?$")
# 《…实施方案》, 《关于…的通知》, 《…标准(试行)》: a policy document, an initiative of the body issuing it
POLICY_TITLE = re.compile(rf"(?:{alternation('policy_titles')})(?:[(（][^()（）]{{1,12}}[)）])?$")
# 《关于…的通知》, 《…促进法》: a document that carries a policy or states the law, no entity (see Mention.extras)
CARRIER_TITLE = re.compile(rf"(?:{alternation('carrier_titles')})(?:[(（][^()（）]{{1,12}}[)）])?$")
LEVEL_PREFIX = re.compile(rf"^(?:{alternation('level_prefixes')})")

NUM = r"[0-9０-９.]+|[零〇一二两三四五六七八九十百千万亿]+"
CLASSIFIER = characters("classifiers")
COUNT_BEFORE = re.compile(rf"(?:{NUM})(?:余|多)?[{CLASSIFIER}]$|(?:多|数|几|若干)[{CLASSIFIER}]$|各类$|一批$|一系列$")
TERM_BEFORE = re.compile("(?:新|第)[一二三四五六七八九十0-9]+届$")  # 新一届某某委员会: its term, no count
COUNT_AFTER = re.compile(rf"^(?:近|约|超过|超)?({NUM})(?:余|多)?[{CLASSIFIER}]")
# what a match of COUNT_BEFORE ends with (or a line break after it, for $), what one of COUNT_AFTER opens with: a
# set lookup before the regex call, made for every name (most stand after and before no count)
COUNT_BEFORE_LAST = frozenset(CLASSIFIER + "类批列\n")
NUMERALS = "0123456789０１２３４５６７８９.零〇一二两三四五六七八九十百千万亿"  # the characters of NUM
COUNT_AFTER_FIRST = frozenset(NUMERALS + "近约超")
LIST_COUNT = re.compile(  # the kind a count after a list counts (三所职业院校, 两家重点企业: with a word before it)
    "[\u4e00-\u9fff]{0,4}?(?:单位|企业|高校|院校|机构|部门|学校|公司|中学|小学|大学|学院|幼儿园|集团|协会)"
)
QUANTIFIED_START = re.compile(rf"^(?:{alternation('quantifiers')}|多[{CLASSIFIER}])")
QUANTIFIED_FIRST = frozenset(word[0] for word in (*words("quantifiers"), "多"))  # what a match of it opens with
# 四个联盟, 两个中心: a count of a kind (not a year: 2023届…招聘会)
COUNTED_START = re.compile(rf"^(?:[0-9０-９]{{1,3}}|[零〇一二两三四五六七八九十百千万]+)[{CLASSIFIER}]")
COUNTED_FIRST = frozenset(NUMERALS)  # (a superset of) what a match of COUNTED_START opens with
YEAR_BEFORE = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}年度?")
ONE_OCCASION = ("一场", "一次", "一届")
# the verb that holds an event, before the words of its name the left edge stopped at (see _after_holding_verb)
HELD_BEFORE = re.compile(r"(?:举行|举办|召开)了?(?=[\u4e00-\u9fff]{0,6}$)")
# a ceremony two parties hold, named by what they do (与某某公司举行合作办学签约仪式, 举行校企合作签约暨授牌仪式)
HELD_CEREMONY_FIRST = ("举行", "举办")  # what its matches start with (see finditer_from)
HELD_CEREMONY = re.compile(
    r"(?:举行|举办)了?(?P<name>[^，。；、：！？,;:!?“”《》\s与和及的]{2,16}?(?:签约|签字|揭牌|授牌|挂牌|开班|启动)"
    r"(?:暨[^，。；、：！？,;:!?“”《》\s与和及的]{2,12}?)?仪式)"
)
# a place's party committee and government named together (某某省委省政府, 某某县委县政府, 某某县党委政府)
JOINT_GOVERNMENT = re.compile(
    "(?P<place>[\u4e00-\u9fff]{0,8}?)(?:(?P<level>[省市县区州])委|党委)[省市县区州]?(?P<government>(?:人民)?政府)"
)
HELD_GAP = re.compile(r"[^了与和及、的在于，。；：“”《》\s0-9]{1,6}")
# The year an event's name starts with, in its other spellings: 2024届…招聘会, 2021（第七届）…峰会, 2025下半年度…会议
EVENT_YEAR = re.compile(r"(?<![0-9-])(?:(?:19|20)[0-9]{2}[-－—–~至])?(?:19|20)[0-9]{2}(?:年度?|届)?$")
# 学院 / 学校 alone opening a clause before a title or a verb of its own: the school the news is about (学院党委书记…)
# 集团 / 公司 alone before a title: the company just named (濰焦集團…。集團董事長劉良玉)
# (并同公司总经理某某…: after a preposition of company that opens a clause too, not 远和|集团 of a name)
BARE_COMPANY = re.compile(
    "(?:^|(?<=[，。；：、\n])|(?<=[，。；：、\n并还也又][与和同]))(集团公司|集团|公司)(?=董事长|总经理|副总|总裁|党委|负责人|领导)"
)
BARE_SCHOOL = re.compile(
    # 、学院院长某: the school or one of its units, unsaid; 5月10日学院党委书记…: after the date that opens the text
    # 与学院院长某某签署: the school of the text, a signer's employer
    # (、学院党委副书记…: the list of the school's leaders goes on; a unit has its 党总支)
    "(?:^|(?<=[，。；：\n])|(?<=、)(?=学校|学院党委)|(?<=[0-9]日)|(?<=[午晚])|(?<=[与和])(?=..(?:党委|院长|校长|副院长|副校长|书记)))"
    "(学院|学校)"
    "(?=党委|党总支|院长|校长|副|书记|领导|(?:已经?|还|也|又)?与|和|将|先后|高度|始终|是|作为|牵头|成为|入选|获批|荣获"
    "|开设|设有|现有|拥有|建有|坚持|积极|致力"  # 学校开设…专业: what the school of the text does
    "|[\u4e00-\u9fff]{2,3}(?:副)?(?:院长|校长|书记)"  # 学校张三院长: a name, then the title
    # 学校的某某大师工作室: the school of the text has the platform (a unit of it)
    "|的(?=[^，。；]{2,30}?(?:工作室|实验室|基地|中心|平台|产业学院)))"
)
BARE_SCHOOL_PARTY = re.compile("(?<=[与和同])(学院|学校)(?=签订|签署|签约|共建|合作|共同)")  # 与学院签订协议
BARE_COMPANY_FIRST, BARE_SCHOOL_FIRST = ("集团", "公司"), ("学院", "学校")  # see finditer_from
# 集团 / 联盟 alone before an officer's title of its own: the group the text is about (集团理事长、校长张三)
BARE_GROUP = re.compile("(?:^|(?<=[，。；：、\n]))(集团|联盟|联合体|共同体)(?=副?理事长|副?秘书长|顾问|常务理事)")
BARE_GROUP_FIRST = ("集团", "联盟", "联合体", "共同体")  # see finditer_from
# what a list's item opens with that is a function word, not a brand's first character (、在某某公司实习)
FUNCTION_OPENINGS = frozenset(
    "在对向从为把被由给以将跟同到于与和及等的了是也还都又并且而或就才所其该各每经按据凭随除自沿往朝替因"
)
TITLE_LAST = "任长记理席"  # how a title before 由 ends (主任, 校长, 书记, 经理, 主席)
SERVE_BEFORE = "担兼出现曾继连升调聘拟改续留就"  # before 任 of a verb (担任, 兼任, 现任 …): 任 opens no name
NOTE_OPENING = "（("  # the bracket after a name of two or three characters (Recognizer.noted_role_re)
# A 《title》 after a genre word or before 等节目 / 的发言: a work (a dance, a column, a talk), not a program
WORK_BEFORE = re.compile("(?:舞|操|歌|曲|剧|唱|诵|小品|相声|题为|题目为|书名为)$")
WORK_AFTER = re.compile(
    "^(?:[、》《]|[^，。；]){0,40}?(?:等)?(?:[0-9一二三四五六七八九十]+个)?"
    "(?:节目|栏目|曲目|作品|专栏|的发言|的报告|的经验介绍)"
)
CLAUSE_END = re.compile("[。；！？]")
# A quoted motto: 以“…”为主题, 主题“…”
THEME_AFTER = re.compile("”(?:为主题|为题|主题|为口号|理念|精神)")
THEME_BEFORE = re.compile("(?:主题|口号|主题为|题为)[：:]?$")
# a school a university runs or lends its name to, named after it with a place between (某某大学江北实验学校)
UNIVERSITY_SCHOOL = re.compile("实验|附属|附中|附小")
UNIVERSITY_ENDS = ("大学", "学院")
LAUNCH = "启动仪式"  # a campaign's launch ceremony, named after the campaign
# what a bare year (2025青川创业大赛) follows where it opens an event's name: a clause's start or a quotation mark
YEAR_OPENERS = frozenset('，,。；;：:“"（(《 \n')
# A demonstrative before an event's type word (此次峰会, 本届职教论坛, 本场招聘会): the event the text has named
EVENT_DEMONSTRATIVE = re.compile("^(?:本次|此次|本届|此届|这次|这届|本场|这场|此|本|该)")
NUMERAL_END = re.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万]$")
COLLECTIVE_NAME = re.compile(r"^[一二两三四五六七八九十]+大")
SHARE_WORDS = ("股份", "控股")  # the type words of a listed company's short name (某某股份, 某某控股)
ZONE_BODIES = ("党工委", "管委会", "管理委员会")  # the bodies named after a development zone
ZONE_END = re.compile("..(?:开发区|高新区|经开区|实验区)$")  # a development zone: a place a body may follow
LEVEL_ONLY = re.compile(rf"(?:{alternation('level_prefixes')}|国家|省|市|区|县|校)")
GROUP_MEMBERS = ("联盟", "集团", "共同体", "联合体", "教联体", "成员", "联盟内")  # before 学校: a group's schools
SUMMING_COUNT = re.compile("[一二两三四五六七八九十]")  # “三名”, “五育”: a count of what was listed
COLLECTIVE_END = re.compile(r"[一二两三四五六七八九十]大$")  # 高职教育三大平台: a set named by its count

ROLES = tuple(sorted(set(words("roles"))))
UNIT_END_CHARACTERS = frozenset("处科系室")  # what ends a unit of a body (教务处, 英语系), no surname
BYLINE_WORDS = ("记者", "通讯员", "摄影", "作者", "编辑")  # what opens a byline in brackets (（记者张三）)
SURNAMES = set(characters("surnames"))
SURNAME_CHARS = "".join(sorted(SURNAMES))  # the surnames as a regex class's characters (in one order: see regex_cache)
# Titles written after a name (夏明远副校长); the name before them is taken only when it reads as one.
ROLES_AFTER = sorted(set(words("roles_after")))
ROLE_WORD = re.compile(trie_pattern(ROLES))  # a title alone, whatever follows it
# a title of two characters or more anywhere in a piece: one search, not a test of each title in turn
LONG_ROLE = re.compile(trie_pattern(role for role in ROLES if len(role) >= 2))
# 某某学院副院长张三和: a title, a person's name and a conjunction, inside what reads as the next body's name
CONJUNCTION = re.compile("[和与及]")
TITLED_PARTY = re.compile(f"(?:{LONG_ROLE.pattern})[{CJK}]{{2,3}}[和与及]")
# a title, a name and maybe the verb it governs at the end of a body's modifier (院长助理张某|委, 副校长张某某率|学校)
TITLED_NAME_END = re.compile(f"(?:{LONG_ROLE.pattern})[{SURNAME_CHARS}][{CJK}]{{1,2}}(?:率|代表)?$")
TITLED_HOLDER = re.compile(f"(?:{LONG_ROLE.pattern})[{CJK}]{{2,3}}$")  # 党委书记张明 (before 为: see left_edge)
BYLINE_FIRST = "记通电文图摄编责审初复终"  # where BYLINE_RE can start (see finditer_from)
# 某某网讯（通讯员 某某）, 某某网消息, 某某网青川3月10日电: a dateline, at a line's start (its outlet is a source of
# the text, no party)
DATELINE = re.compile(r"^[^。，,\n]{2,30}?(?:讯|消息|\d{1,2}月\d{1,2}日电)\s*(?:[（(][^）)\n]{0,60}[）)])?", re.M)
DATELINE_WORD = re.compile("讯|消息|日电")  # what a dateline holds: it starts where the line of one does (_datelines)
# （记者王某 通讯员李某、张某）: the people of a byline in brackets, written without a space after their role
BYLINE_BRACKET = re.compile(
    rf"[（(]((?:(?:记者|通讯员|实习生)[ \u3000]*[{CJK}]{{2,3}}(?:[ \u3000、]+[{CJK}]{{2,3}})*[ \u3000]*)+)[）)]"
)
BYLINE_BRACKET_NAME = re.compile(rf"(?:记者|通讯员|实习生)?[ \u3000]*([{CJK}]{{2,3}})")
BYLINE_NAMES = rf"[{CJK}]{{2,3}}(?:[ \u3000]+[{CJK}]{{2,3}})*"  # 邓娴 彭彬: the names a byline gives, by spaces
BYLINE_RE = re.compile(
    rf"(?:记者|通讯员)[ \u3000]+(?P<name>{BYLINE_NAMES})(?=[）)\s]|$|[^{CJK}])|电（(?P<name2>[{CJK}]{{2,3}})）"
    # 通讯员某某 某某 记者某某报道: no space after the role, the names ending at a space or at 报道
    rf"|(?:记者|通讯员)(?P<name4>{BYLINE_NAMES})(?=报道|[ \u3000])"
    # （文/叶秋美 图/周小琦）, （文/轻工学院 李文斌）: the writer and the photographer of a school's news
    rf"|(?:文|图|摄影|摄|编辑|责编|审核|初审|复审|终审)[/／:：][ \u3000]*(?:[{CJK}]{{2,10}}[ \u3000]+)?"
    rf"(?P<name3>{BYLINE_NAMES})(?=[）)\s]|$)"
)
ATTENDING = ("出席", "参加", "参与", "主持", "致辞", "讲话", "揭牌", "共同")  # verbs a person's name may precede
# What a person's name is followed by when the name stands as the subject of a visit or a ceremony (何某某见证,
# 李某率队, 王某陪同, 张某一行): where the name ends, whatever the dictionary makes of its last character and the next.
# 张明做报告, 李华作表态发言: one speaks after one's name (做 / 作 opens no given name's last character there)
SPEAKING = tuple(
    verb + what
    for verb in "做作"
    for what in (
        "报告",
        "讲话",
        "发言",
        "表态",
        "主题",
        "专题",
        "总结",
        "交流",
        "动员",
        "点评",
        "汇报",
        "工作报告",
        "重要讲话",
        "典型发言",
    )
)
AFTER_NAME = (*ATTENDING, *SPEAKING, "见证", "陪同", "随同", "率", "带队", "带领", "一行")
SPOKEN_AFTER_WEI = re.compile("表示|一行(?!人)")  # after a given name ending in 为 (see _person_size)
HONORIFICS = ("先生", "女士")
# every word that follows a person's name as a form of address (张三同志和县教育局…: the name ends there); 同志 is
# no honorific a name's size is read from (张三等同志: 等 ends that name)
ADDRESSED = ("同志", *HONORIFICS)
# 招就处张三: a unit's word after its own name (two characters at least), then a surname (see _persons_after_units)
UNIT_BEFORE_NAME = re.compile(f"(?:处|部门|办公室)(?=[{SURNAME_CHARS}])")
# what follows a name right after its body (某公司张三、…, 某总工会李四主持): a list goes on, or a verb of attending
PERSON_AFTER_BODY_END = re.compile("|".join(("[、，,]", "等", "发言", "分别代表", *ATTENDING)))
# 副市长张三: a government's head or deputy before a name (not 校长, 园长: see _governments_of_posts)
GOVERNMENT_TITLE = "(?:常务)?副?([区县市州省])长"  # a government's head or deputy by the level of its place
GOVERNMENT_POST = re.compile(GOVERNMENT_TITLE + "(?=[\u4e00-\u9fff])(?!期|远|效|大|江|沙|春|寿|治)")
PROVINCE_FIRST = re.compile("^.{2,8}?(?:省|自治区)(?=.{2})")
GOVERNMENT_NAME = re.compile(r"(.*[区县市州省])(?:人民)?政府")  # 某某区人民政府, 某某市政府: the place it governs
PLACE_COMMITTEE = re.compile("(.+[区县市])委$")  # 某某市委: the party committee of a place
TITLES_BETWEEN = re.compile("(?:常委|副书记|书记|委员)[、，]?")  # 某某市委常委、副市长: one person's titles
GOVERNMENT_POST_FIRST = "常副区县市州省"  # the characters GOVERNMENT_POST starts with (finditer_from)
UNIVERSITY_WORDS = ("校长", "校友", "校党委", "校领导", "校企")  # 校 after 大学 that opens a word of the university
DOTTED_NAME = re.compile(f"[{CJK}]{{1,5}}[·•]([{CJK}]{{1,6}})")
TRANSLITERATED = "都"  # a name's sound, not a function word, after a middle dot (阿布都热合曼: Abdurahman)


def _stop_starts(text: str, at: int) -> set[int]:
    """{at} when a multi-character stop word starts at ``at`` (肉孜|宣读了), else the empty set."""
    return {at} if text.startswith(STOP_MULTI_TUPLE, at) else set()


NOT_NAME_END = set(STOP_SINGLE) - set("才")  # 张峰等: a function word after a two-character name
# Verbs the left edge stops at that also read as nouns inside a name (城市建设投资, 产业发展研究院).
PLACE_NAME = re.compile(f"[{CJK}]{{1,6}}[省市县区镇乡]")
# 首批职业院校联盟, 第二批产业学院: a batch a ministry names is a rank, like 省级 (the dev-set guide's designations)
RANK_OPENER = re.compile("(?:首批|第[一二三四五六七八九十0-9]{1,2}批)(?!次)")
# a school's office or department: its head, then a title of its staff or nothing (学校教务处, see _divisions)
DIVISION_HEAD_FIRST = "处系部办科室"  # the characters DIVISION_HEAD's matches start with (see finditer_from)
DIVISION_HEAD = re.compile(
    "(?P<head>处|系|部|办公室|办(?=副?主任)|科(?=副?科长)|室(?=副?主任))"
    "(?:(?P<title>(?:副)?(?:处长|主任|部长|科长|书记|负责人)|教师|老师"
    # 教务处赵某处长: a name, then the title; 某某厅办公室印发…: an office that acts
    f"|[{CJK}]{{2,3}}(?:副)?(?:处长|主任|部长|书记))|(?=[，。、；和及与等]|印发|发布|下发|公布))"
)
PARTY_TITLE = re.compile("[区县市]委(?:常委|副?书记)")  # 区委书记: a title after a government's name
PARTY_CHAIN = re.compile("[区县市州省]委(?:常委|副?书记|委员)、$")  # 县委常委、组织部部长: the committee's department
BODY_BEFORE = re.compile(f"(?:委员会|委|局|厅|政府|公司|集团)[{CJK}]?$")  # a body that is no school before a division
UNITS_CLOSING = ("等部门", "等处室", "等院系", "等二级学院")  # what closes a list of a body's own units
# a government body's office named after it (某某厅 + 高教处, 某某委员会 + 职成教处), its staff's title after it
BUREAU_OFFICE = re.compile(f"(?:委员会|局|厅|委|政府|指挥部)((?:[{CJK}]{{2,8}})?)$")
FIELD_BREAK = re.compile(f"[^{CJK}]|[{''.join(sorted(STOP_SINGLE - set('与和')))}]")  # what no division's field holds
SCHOOL_MARK = re.compile("学校|我校|该校|本校|我院|本院|大学|学院")  # what may own a division before its field
SCHOOL_INSIDE = re.compile("(?<=[\u4e00-\u9fff]{2})(?:大学|学院|学校)")  # 兰州大学|化学化工学院: a school's unit
UNIT_WORDS = ("单位", "院校", "企业")  # after 成员 / 理事: the role of a body, not a person's title
KIND_ENDINGS = ("院校", "学校", "单位", "高校")  # kinds of body a rank is given to (国家示范骨干高职院校)
LIST_HEADING_LINE = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*(?P<name>[^\n]{2,80})$", re.M)
LIST_HEADING_AFTER = re.compile("\n(?=[一二三四五六七八九十])")  # where a heading's line starts, after the first
LIST_ITEM_AFTER = re.compile(r"\n\s*(?:1[.．、)）]|[（(]1[)）])")  # the first numbered item on the next line
# a roll's heading line (某某市第二批研学实践教育基地名录, 某某省第一批劳动教育实践基地（某某市）) and its item lines
ROLL_HEADING = re.compile(r"(?:名单|名录|一览表)?(?:[（(][^）)\n]{1,12}[)）])?[：:]?$")
ROLL_HEADING_LONGEST = 3 + 14 + 1  # the most ROLL_HEADING takes away from the end of a line: 一览表（…）：
ROLL_WORD = re.compile(r"(?:名单|名录|一览表)[：:]?\s*$")  # a roll's title says it is one (某某示范校名单)
ROLL_ITEM = re.compile(
    r"\s*(?:[0-9]{1,3}[.．、)）]|[（(][0-9]{1,3}[)）])?\s*"  # its number
    r"(?P<name>[^，。；：、！？,;:!?“”\n（(]{2,30})(?:[（(][^）)\n]*[)）])?\s*$"  # the name, and a note in brackets
)
NOTE_OPEN = re.compile(r"[（(][^）)]{3,}")  # (认定乡村工作满30年的学校…): a note, longer than (园)
# 集团本部, 集团某某分校 (not 集团举行某某分校签约仪式: the group holds an event of the campus)
GROUP_UNIT = re.compile(f"(?:本部|(?:(?!举行|举办|的)[{CJK}]){{2,6}}?(?:分校|校区))(?=[，。；、,;()（）\\s]|$)")
UNIT_ENDS = ("校区", "分园", "分校", "本部")  # a campus or branch: of its school's class
BRACKETED_UNIT = re.compile(f"[（(](?:含)?(?P<name>[{CJK}]{{2,10}}?(?:校区|分园|分校|本部|小学|幼儿园|中学))[)）]")
RANKED_TITLE = (
    f"((?:首批|第[一二三四五六七八九十0-9]{{1,2}}批)?[{CJK}]{{0,16}}?"
    f"(?:示范|试点|特色|实验|标杆|先行|优质|骨干|优秀)[{CJK}]{{0,8}}?(?:学校|校|园|单位|基地|院校|中心|高校))"
    "(?=[，。；、！？]|$)"
)
RANKED_AFTER_COPULA = re.compile(f"(?<=[为是]){RANKED_TITLE}")
RANKED_LISTED = re.compile(f"、{RANKED_TITLE}")  # 是A试点院校、B示范校: the titles listed after the first
TITLE_OPENER = re.compile("全国|国家|教育部")  # a title of the whole country's (全国现代学徒制试点院校)
COPULA = "为是"  # what RANKED_AFTER_COPULA's matches follow
UNVEILED_AFTER = re.compile("[^，。；]{0,60}?(?:揭牌|授牌|挂牌|剪彩)")  # 为…揭牌: the bodies a plaque is unveiled for
COUNT_INSIDE = re.compile("[0-9零一二两三四五六七八九十百千]+(?:余|多)?[份项次场名家所个]")  # 百余份: a count
VERB_DONE = re.compile(f"[{CJK}]{{1,2}}好(?!的)")  # 履行好, 办好: a verb and its complement open a phrase
LIST_NOTE = re.compile(r"[（(](?:名单|详见|见|附)[^（）()]{0,6}[)）]$")
RANK_BEFORE = re.compile(rf"(?P<level>{alternation('level_prefixes')})(?:、|和|及|与|以及)$")
ALLIANCE_HEADS = ("职教集团", "职业教育集团", "联合体", "联盟", "共同体")
AREA_NOUNS = ("城市", "社区", "园区", "校区", "景区", "街区")  # common nouns ending like a place
NOMINAL_VERBS = ("建设", "发展", "投资", "开发", "服务")
NEW_TOWNS = ("新城", "新区")  # what a planned town's name ends with (东部新城): a place before a nominal verb
NOMINAL_VERB_SIZE = 2  # the length of every one of them
# Verbs that stop other names but are nouns inside an event's (…能力提升培训班开班仪式, 产教对接签约仪式)
JOINTLY = ("合作", "联合", "共同", "携手", "协同")  # how parties do what they do together (合作建设, 共同打造)
EVENT_INNER_VERBS = (
    "培训", "推进", "建设", "发展", "签约", "启动", "成立", "合作", "培育", "促进", "对接", "表彰", "共建",
)  # fmt: skip
# what follows the body in its event's name: the meeting's type word, after an edition (第七届论坛, 2024年年会)
OWNED_EVENT_TAIL = re.compile(
    r"(?:第?[0-9一二三四五六七八九十]+届(?:[0-9一二三四五六七八九十]+次)?|第[0-9一二三四五六七八九十]+次|(?:19|20)[0-9]{2}年度?)?"
    r"[^，。；、]{1,4}"
)
# 在 before an edition, a year or a nation-wide scope: the event's name starts after it (…学生在第十届…大赛)
EVENT_AFTER_ZAI = re.compile(r"(?<=[^\s，。；、])在(第|(?:19|20)[0-9]{2}|全国|全省|全市|中国|世界|首届|“)")
# The subject a meeting is named by, though the words are generic elsewhere (校企合作 of 校企合作座谈会)
EVENT_TOPIC = re.compile(
    r"(?:产教融合|校企合作|(?:政|县|市|区|城)校合作|校(?:地|县|市|城)合作|产学研|政校企)(?:集中|深度)?(?:签约|对接|交流|合作)?"
    r"|(?:校企|校地|院地|政校|校政|校政企|校地企|政校企)?(?:全面)?(?:战略)?合作(?:办学|共建)?(?:框架)?(?:协议)?(?:签约|签字)"
)  # 校企合作座谈会, 合作办学签约仪式, 战略合作协议签约仪式: a meeting named by its subject
# 某月某日，<a name ending with an event's type word>在某地举行: the clause's subject is the event's whole name
HELD_SUBJECT = re.compile(  # tried at a clause's start before a verb of holding (see _held_subject_matches)
    r"(?:(?:(?:(?:19|20)[0-9]{2}年)?[0-9]{1,2}月[0-9]{1,2}日|近日|日前|近期|当天|当日)(?:上午|下午|晚上|晚间|晚)?，?)?"
    r"(?P<name>[^，。；！？\n：在于]{6,60}?(?:仪式|会议|大会|论坛|峰会|典礼|会|签约活动)”?)"
    r"(?=[，,]?(?:在|于)[^，。；！？]{1,40}?(?:隆重|顺利|成功|正式)?(?:举行|召开|举办|开幕))"  # (…签约仪式，在某地举行)
)
EVENT_REFERENCE_FIRST = "本此这该"  # what Recognizer.event_ref_re's matches start with (本次, 此届, 该 …)
HELD_WORDS = ("举行", "召开", "举办", "开幕")
HELD_VERB = re.compile("|".join(HELD_WORDS))
# 共同举行某某学院某某产业学院签约揭牌仪式暨理事会成立大会。: the object of the verb, a whole clause, is a name too
HELD_OBJECT = re.compile(
    r"(?:举行|召开|举办)了?(?P<name>[^，。；！？\n：在于“”]{6,60}?(?:仪式|会议|大会|论坛|峰会|典礼))(?=[，。；！？\n])"
)
CLAUSE_OPENERS = "。！？\n，；"  # a held event's name starts after one of them, or with the text
HELD_REACH = 130  # the farthest a verb of holding stands from its subject's clause start (date, name, 在…)
ORGANISERS_END = re.compile("(?:主办|承办|协办|举办|指导|组织)$")  # 由某某局主办的: the organisers before 的
DELEGATIONS = ("考察团", "调研团", "代表团", "考察组", "调研组", "工作组", "一行")  # those who visit, as a group
NAME_OPENING = re.compile(r"(?:19|20)[0-9]{2}年?度?|第[0-9一二三四五六七八九十]+届|首届")  # what opens an event's name
HELD_AT = re.compile("在[^，。；、：！？,;:!?与和]{2,20}$")  # 在某某校区627会议室 before the verb that holds an event
# a meeting the parties of a clause hold, named by its subject (与某某公司开展校企合作恳谈会, 召开政校企对接会)
TOPICAL_MEETING = f"(?:{EVENT_TOPIC.pattern})(?:座谈|洽谈|交流|对接|推进|研讨|恳谈)会"
HELD_MEETING_FIRST = ("举行", "举办", "召开", "开展")  # what its matches start with (see finditer_from)
HELD_MEETING = re.compile(f"(?:{'|'.join(HELD_MEETING_FIRST)})了?(?P<name>{TOPICAL_MEETING})")
COUNT_UNITS = "期场次批轮个项"  # units a number counts events in (3期培训班), not part of a name
COUNTERS = "所家个"  # the measure words of a count of bodies (两所学校, 三家公司, 七个集团)
COUNTED_KIND = re.compile(f"(?:[两二三四五六七八九十几多]|[0-9]+)[{COUNTERS}]$")  # a count right before a type word
EVENT_SCOPES = ("全国", "全省", "全市", "全区", "全县", "全州", "全校", "全院")
BODY_NOUNS = ("公司", "企业", "集团", "学校", "学院", "大学", "单位", "中心", "政府")  # no given name is one
NAME_CLOSE = re.compile("[、，,。；]|和|及|等|出席|参加|主持|致辞|讲话")  # what may close a name after a title
COMPOUND_SURNAMES = (
    "司马",
    "欧阳",
    "上官",
    "诸葛",
    "皇甫",
    "司徒",
    "夏侯",
    "端木",
    "慕容",
    "令狐",
    "公孙",
    "尉迟",
    "轩辕",
)
CEREMONY_VERBS = (
    "签约",
    "授牌",
    "揭牌",
    "挂牌",
    "启动",
    "开班",
    "开营",
    "颁奖",
    "表彰",
    "签字",
    "开工",
    "奠基",
    "启用",
    "成立",
    "开园",
    "开馆",
)
CEREMONY_VERB = re.compile("|".join(CEREMONY_VERBS))
# 集中签约、授牌仪式: two ceremonies sharing 仪式; the name goes on through the first (成立、 lists no ceremony)
_PAIRED_ACTS = "|".join(v for v in CEREMONY_VERBS if v != "成立")
CEREMONY_PAIR = re.compile(f"(?:{_PAIRED_ACTS})、$")
CEREMONY_JOINED = re.compile(f"(?:{_PAIRED_ACTS})[与和及]$")  # 签约与聘任仪式: two acts of one ceremony
# what A与B signed; not 校企合作 (A与B校企合作签约仪式 is a kind of ceremony: see _second_party)
SIGNED_SUBJECT = re.compile("(?:战略合作|合作|共建)?(?:项目|协议|框架协议)?$")
EDITION = re.compile(r"第[0-9一二三四五六七八九十]+[次届]")  # 第三次会员代表大会: the edition of a meeting
# what follows one body of a ceremony of several: the next one, or the ceremony of the first (A揭牌暨B成立仪式)
LISTED_BODY_TAIL = re.compile(r"(?:（集团）)?(?:、|与|和|(?:签约|授牌|揭牌|挂牌|启动|成立)暨)")
BRACKETED_END = re.compile("（[^（）]*）$")
UNVEILING_VERB = "(?:揭牌|挂牌|授牌|成立)"  # what a ceremony opens a body with
UNVEILED_BODY = re.compile(f"(.+?){UNVEILING_VERB}仪式")  # what a ceremony after 暨 opens
# 某某基地揭牌仪式, “某某基地”挂牌签约仪式, “某某学院”签约揭牌仪式: the body a ceremony of its own opens, quoted or
# not
SIGNED_FIRST = "(?:签约|签字)(?:和|、|及)?"  # the signing a ceremony holds before it unveils (签约揭牌仪式)
UNVEILED_WHOLE = re.compile(f"(“?)([^“”暨、]+?)”?(?:{SIGNED_FIRST})?{UNVEILING_VERB}(?:合作)?(?:签约)?(?:仪式|典礼)")
UNVEILED_NOT = re.compile("批|[与和及类]")
ISSUED_INSIDE = re.compile("印发[<〈“](?P<name>[^<>〈〉“”]{4,60}(?:“[^“”]*”[^<>〈〉“”]*)*)[>〉”]")  # 印发<某某方案>
ISSUERS_MORE = re.compile("等[一二三四五六七八九十0-9]*个?(?:部门|单位)")  # 等九部门: issuers a title leaves unnamed
AGREEMENT_ENDS = ("协议", "协议书", "意向书", "备忘录", "合同")
AGREEMENT_OF = re.compile("(?P<body>.+?)(?:合作|框架|共建|战略合作)*协议(?:书)?")  # 《某某产业学院框架协议》
AGREEMENT_PARTIES = re.compile(r".*(?:\s|共建)")  # 《A B 共建C合作协议》: the parties, before the body they build
UNVEILED_FIRST = re.compile(f"(.+?){UNVEILING_VERB}暨")  # what a joined ceremony opens with
UNVEILING_CEREMONY = re.compile(f"{UNVEILING_VERB}(?:仪式|典礼)")  # 某某基地揭牌仪式 (not 某某成立大会: a meeting)
# …签约暨某某基地揭牌仪式, …签约暨A、B揭牌仪式: what a joined ceremony ends with
UNVEILED_LAST = re.compile(f"暨([^暨（）()，]+?){UNVEILING_CEREMONY.pattern}$")
ZONE_NAME_END = re.compile("(?:开发区|高新区|园区|新区|开区)$")  # a development zone's name, which has a 管委会
SCHOOL_SHORT_ENDS = ("师大", "工大", "农大", "医大", "交大", "财大", "科大", "理工", "职院", "师院")
PERIODICAL_ENDS = ("报", "日报", "晚报", "杂志", "周刊")
PERIODICAL_STAFF = re.compile("(?:[\u4e00-\u9fff]{0,3}部)?(?:副?总编(?:辑)?|副?主编|编辑|记者|副?社长)")
OWN_SCHOOL_REFS = ("publisher", "school", "college")  # 我校, 学校, 学院: the school of the text
# what opens a reference to an event or to the text's school (本次会议, 我校…): no name of an event starts so
OWN_REFERENCE_STARTS = ("本次", "此次", "这次", "该", "本届", "我校", "我院", "本校", "学校", "学院")
# A与B|校企合作签约暨揭牌仪式: what two parties' ceremony is named by after them (no verb of a clause: A与B举行…仪式,
# A与B联合进行了…仪式)
SIGNING_NAME_TAIL = re.compile(
    r"(?:(?!举行|举办|召开|进行|出席|参加)(?:“[^“”\n]{1,20}”|[^，。；、：“”！？\n在于])){0,30}?签(?:约|字|署)"
    r"(?:(?:暨|、)?(?:“[^“”\n]{1,20}”|(?!举行|举办|召开|进行)[^，。；：“”！？\n在于]){0,30}?)?仪式"
    f"|{TOPICAL_MEETING}(?=在|于|[，。；])"  # A与B产教融合交流会在某楼召开: their meeting, named by its subject
    # A与B政校企合作暨访企拓岗活动在某地举行, A与B校企合作暨赠送设备仪式在某地举行: their held occasion of
    # cooperation
    r"|(?:(?!举行|举办|召开)[^，。；、：“”！？\n在于]){0,20}?合作(?:(?!举行|举办|召开)[^，。；、：“”！？\n在于]){0,20}?"
    r"(?:活动|仪式)(?=(?:在|于)[^，。；！？]{1,30}?举行)"
)
# …出席签约仪式: the ceremony of the parties named before, referred to by its kind
SIGNING_AGAIN = re.compile("(?:出席|参加|见证|主持|参与)了?(签约仪式)")
EVENT_COHORT = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?:级|届)")  # 2024级新生开学典礼: the cohort it is for
TYPE_CHARS = set("校院局厅委部处所站中心司团区市县省镇乡村街馆园")
NAME_BEFORE_CHARS = TYPE_CHARS | {"学"}  # the last characters of a body's type word before a name and its title

COLLECTIVE_RE = re.compile(rf"等([一二两三四五六七八九十]+大(?:{alternation('collective_heads')}))")
BATCH_RE = re.compile(rf"，一批((?:“[^“”]{{1,14}}”)?[{CJK}]{{0,10}}?(?:{alternation('batch_heads')}))")
POLICY_RE = re.compile(rf"对([{CJK}“”]{{4,20}}?)作出(?:了)?(?:全面|重要|系统|专门|具体)?(?:部署|安排)")
QUOTE_RE = re.compile(r"“([^“”\n]{1,40})”|《([^《》\n]{1,90})》")  # a policy title may be long (关于…的批复)
# Award verbs, then the bare 获 where the characters around it make no other word (收获, 获得, 获悉).
# (the character before the bare 获 is checked after it: every alternative then starts with a character, which the
# regex engine skips to instead of trying the pattern at every position)
# (获奖者, 获奖单位: the winners, a noun; no award is named after it)
AWARD_TRIGGER = re.compile(
    rf"(?P<t>{alternation('award_triggers')}|获(?<![收捕查俘缴斩荣]获)(?![得评批取悉]|奖者|奖单位|奖作品|奖选手|奖名单))"
)
_AWARD_KINDS = table("award_triggers", 1)
GRANTS = {word for word, columns in _AWARD_KINDS.items() if "grant" in columns[1:]}  # 授予B“C”: the giver's verb
SELECTED = {word for word, columns in _AWARD_KINDS.items() if columns[0] == "selected"}
EVALUATED = {word for word, columns in _AWARD_KINDS.items() if columns[0] == "evaluated"}
# the relation each verb states (kg.extract.relations): won, given (授予, 被授予) → an award; rated, selected, becoming
# → a designation
AWARD_VERBS = ("获", *(w for w, c in _AWARD_KINDS.items() if c[0] == "won" or (c[0] == "evaluated" and "授" in w)))
DESIGNATION_VERBS = tuple(w for w in _AWARD_KINDS if w not in AWARD_VERBS)

# Head nouns closing an enumeration (…等多家企业), in the lexicon's order: the class they give their items.
HEAD_CLASS = {word: columns[0] for word, columns in table("list_heads", 1).items()}
# the head nouns of bodies, that words with no count may qualify (等知名企业, 等相关单位): of a kind of body the
# words only narrow it, where before another head they may be a clause's (等方面工作)
QUALIFIED_HEADS = ("企业", "公司", "高校", "院校", "学校", "单位", "用人单位", "机构")
NAMED_HEADS = {word for word, columns in table("list_heads", 1).items() if "named" in columns[1:]}  # raw items allowed
LIST_HEAD = re.compile(
    # (a space may stand around a count in digits: 等 10 余家企事业单位)
    r"(?:等(?:共计|总计|合计|共)? ?|一批)"
    r"(?:(?:[多数几](?:家|所|个|项)|[0-9一二两三四五六七八九十百]+ ?(?:余|多)?(?:项|个|家|所))"
    rf"(?P<mod>[{CJK}]{{0,10}}?)|一批|各类|一系列|[0-9一二两三四五六七八九十]+大"  # 等20家骨干及新兴企业
    rf"|[{CJK}]{{1,3}}[型类]"  # 等应用型专业: a kind's qualifier, no count
    # 等知名跨境电商企业: words that qualify a head noun of bodies, no count (see QUALIFIED_HEADS)
    rf"|(?P<quality>[{CJK}]{{1,6}}?)(?={'|'.join(map(re.escape, sorted(QUALIFIED_HEADS, key=len, reverse=True)))}))?"
    rf"(?P<head>{'|'.join(map(re.escape, HEAD_CLASS))})"
)


# 某某基地有14家，分别为A、B…: the count of a roll and the words before its names (see Recognizer._counted_roll;
# kg.extract.relations' COUNTED_ROLL reads such a roll after a designation)
ROLL_COUNT = re.compile(
    "(?P<count>[0-9]{1,2}|[一二两三四五六七八九十]{1,3})(?:家|个|所|处)(?P<head>[^，。；、：\n（]{0,20}?)"
    "(?:（[^（）]{0,8}）)?，?分别(?:为|是)：?"
)
ROLL_END = re.compile("[。；\n]")


def _batch_head(name: str) -> str:
    """The head noun a batch name ends with, as a key of :data:`HEAD_CLASS` (基地 when it has none)."""
    return next((head for head in HEAD_CLASS if name.endswith(head)), "基地")


# Patterns the methods below try for every candidate name, compiled once (not looked up in re's cache, with their
# text built again, at each call).
YEAR_DIGITS = re.compile("(?:19|20)[0-9]{2}")
LEAGUE_COMMITTEE = re.compile("团([区市县])委")  # 团区委: the Youth League committee of the district
RELATIVE_BODY = re.compile(r"(区|市|县)(?![内外级域属])")
# 省教育厅, 省发改委, 省工信厅, 省政协: the province's own bodies (not 省级, 省内, 省属 …)
PROVINCE_OWN_BODY = re.compile("省(?=教育厅|政府|人民政府|委|[^内外级域属份会]{1,4}(?:厅|委|局|联)$|政协|人大)")
QUOTED_PART = re.compile("“([^“”]+)”")
CJK_RUN = re.compile(f"[{CJK}]+")
CJK_THREE = re.compile(f"[{CJK}]{{3}}")
EACH_WORD = re.compile("[各每]")
HEADING_BREAK = re.compile("[，。；,;]")
LIST_MARK = re.compile("[、，]")
CONTEST_WORD = re.compile("比拼|竞赛|比赛|大赛")
COUNTED_SPAN = re.compile(r"[0-9０-９]|各类|多项|的|了|，|以上")
YEAR_SPAN = re.compile(r"\d{4}年")
JOINED_END = re.compile("(?:以及|和|及|与|、)$")
FIELD_JOINED = re.compile(f"[{CJK}]{{2,6}}[与和]$")


class Endings:
    """The longest of some words that ends a text, found by dictionary look-ups (no regex scan)."""

    def __init__(self, words: Iterable[str]):
        self.words = set(words)
        self.sizes = sorted({len(w) for w in self.words}, reverse=True)
        # last character → the lengths of the words ending with it, longest first: most texts end with a character
        # no word ends with, one look-up instead of one per length
        self.by_last: dict[str, list[int]] = {}
        for size in self.sizes:
            for last in sorted({w[-1] for w in self.words if len(w) == size}):
                self.by_last.setdefault(last, []).append(size)

    def search(self, text: str) -> str:
        """The longest word of the set that ``text`` ends with, or ""."""
        for size in self.by_last.get(text[-1:], ()):
            if text[-size:] in self.words:
                return text[-size:]
        return ""


# a title a text ends with (…副理事长): one look-up per length for the titles ending with its last character, not
# str.endswith over the 120 titles
ROLE_ENDINGS = Endings(ROLES)


# A quoted phrase right after one of these is a program the subject runs (开展“名师导教”…).
QUOTE_TRIGGERS = Endings(table("quote_triggers"))
# also used with metaphors: 打造“人才泵站”
FIGURATIVE_TRIGGERS = tuple(word for word, columns in table("quote_triggers").items() if "figurative" in columns)
QUOTE_GOALS = re.compile(
    r"^(?:为统领|为引领|为目标|为抓手|为主题|为载体|为核心|为主线|为依托|目标(?!群)|的品牌|品牌(?:打造|建设)|等工作|等活动|等项目)"
)
QUOTE_NOT = Endings(words("quote_not"))
SEPARATORS = ("、", "和", "及", "与")
# 等 or a count of a kind after the last item of a list whose items commas separate (A,B,C五所高校, A,B,C等)
COMMA_LIST_CLOSER = re.compile("(?:等|(?:[0-9]{1,3}|[一二两三四五六七八九十]{1,3})[所家个])")
LIST_ITEM_BREAK = re.compile("[。；：、！？\n的是在为对把被将了着过]")  # what no item of such a list holds
JOINED_SECOND = re.compile("[^，。；、：！？,;:!?“”《》\n在于]{2,20}")  # the second name of one occasion (…暨B)
JOINED_BODIES = re.compile("(?:局|厅|政府)(?=[区县市省]委)")  # one body's name ends, another's begins
# Between a closing quote and a type word: a verb or preposition that starts a new phrase.
# what ends a quoted phrase's tail: a break, a quote, a function word, a closing bracket (（简称“某某”）某某学院)
TAIL_STOP = re.compile("[" + re.escape("".join(sorted(BREAK))) + "“”《》的和与及等为是在了）)]")
TAIL_BREAK = re.compile(alternation("tail_breaks"))
RUN_VERBS = re.compile(f"({alternation('run_verbs')})$")


ACTOR_CLASSES = ("Organization", "Place", "Person")


@cache
def is_actor(cls: str) -> bool:
    return any(is_a(cls, c) for c in ACTOR_CLASSES)


def is_word(text: str) -> bool:
    """True when jieba's dictionary has ``text`` as a word."""
    return text in dictionary()


def type_word_ends_name(text: str, end: int, type_word: str) -> bool:
    """True when the type word ending at ``end`` may end a name there: no character follows that makes it part of
    a word (大学生, 集团化, not_after.tsv), or the character opens a word of its own (江北大学|化学化工学院).

    >>> [type_word_ends_name(t, 4, "大学") for t in ("江北大学化学化工学院", "江北大学生就业基地", "江北大学生物学院")]
    [True, False, True]
    """
    following = text[end : end + 1]
    if not following or (following not in NOT_AFTER[""] and following not in NOT_AFTER.get(type_word, "")):
        return True
    if type_word in STRICTLY_NOT_AFTER:
        return False  # 某某酒店管理学院, 某某酒店教育联盟: the trade a school or an alliance serves, no hotel's name
    if is_word(type_word + following) and is_word(text[end + 1 : end + 3]):
        return False  # 大学生|就业, 集团化|办学: the type word makes a word with it, and a word follows
    return is_word(text[end : end + 2])


def _stop_made(word: str) -> bool:
    """True for a word that is a stop word or made of stop characters (并为, 会同)."""
    if word in CONTENT_WORDS:
        return False  # 应用 of 北斗规模应用行业…联盟, 物联网应用技术: a word of names, though made of stop characters
    return word in STOP_WORDS or all(ch in STOP_SINGLE for ch in word)


CONTENT_WORDS = frozenset(("应用", "使用", "作用", "自由", "共和", "首都"))


def _name_like(name: str) -> bool:
    """True when ``name`` can be a person's name: not a common word (成长), unless jieba tags it as a name."""
    return not is_word(name) or dictionary().get(name, "").startswith("nr")


CJK_RE = re.compile(f"[{CJK}]")


def _has_cjk(text: str) -> bool:
    return bool(CJK_RE.search(text))


def _plain(modifier: str) -> bool:
    """True when a modifier is one or two dictionary words (劳动实践, 教研): no proper name in it."""
    if len(modifier) > 4:
        return False
    return is_word(modifier) or (len(modifier) == 4 and is_word(modifier[:2]) and is_word(modifier[2:]))


class Recognizer:
    """Finds mentions in text; built once per gazetteer and reused for every document."""

    tagger: Any = None  # optional: text → candidate mentions from a statistical tagger (off: it did not win)

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer or Gazetteer()
        self.suffix_class = {s: (c, strength) for s, c, strength in SUFFIXES}
        for name, iri in classes().items():  # the ontology's Chinese labels of platform and school kinds
            if not (is_a(name, "Platform") or is_a(name, "School")) or name in ("Platform", "School"):
                continue
            text = label(iri, "zh")
            if re.fullmatch(f"[{CJK}]{{2,5}}", text):
                self.suffix_class.setdefault(text, (name, "strong"))
        for body in bodies():  # the standard names of local bodies (科学技术局, 工商联 …), province-level 厅 too
            if body.details["scope"] != "local":
                continue
            for name in (body.name, *body.aliases):
                self.suffix_class.setdefault(name, (body.cls, "strong"))
                if name.endswith("局") and not name.endswith(("总局", "分局")) and len(name) >= 3:
                    self.suffix_class.setdefault(name[:-1] + "厅", (body.cls, "strong"))  # 科技局: 省科技厅
        self.suffix_re = re.compile(trie_pattern(sorted(self.suffix_class)))
        self._suffix_automaton = words_automaton(self.suffix_class)  # the same words, for a whole text's scan
        self.type_words = Endings(self.suffix_class)
        # the strong type words of organisations (type_word_inside): one set lookup a match, not is_a and two dicts
        self._strong_bodies = frozenset(
            word
            for word, (cls, strength) in self.suffix_class.items()
            if strength == "strong" and is_a(cls, "Organization")
        )
        self._strong_ends = frozenset(word[-1] for word in self._strong_bodies)
        # a body's last character right before what closes a list (see comma_lists): a class the engine scans for
        ends = re.escape("".join(sorted(self._strong_ends)))
        self._comma_list_end = re.compile(f"[{ends}](?={COMMA_LIST_CLOSER.pattern})")
        places = trie_pattern(PLACE_SUFFIXES)
        self.place_re = re.compile(rf"(?:{places})(?![级域委长内外属划部场位情])")  # 市场: a market; 区位; 区情
        self.reference_re = re.compile(trie_pattern(REFERENCES))
        events = [word for word, (cls, _) in self.suffix_class.items() if is_a(cls, "Event")]
        # a program's type word the name of its meeting goes on after (…活动周启动大会, …工程推进会)
        self.event_after = re.compile(f"(?:启动|开幕|闭幕|成立|推进|总结|表彰|颁奖)?(?:{trie_pattern(events)})")
        # the characters a match of it starts with: a set lookup instead of a regex call at 12,000 type words
        self.event_after_first = frozenset("启开闭成推总表颁").union(word[0] for word in events)
        self.event_ref_re = re.compile(  # (its matches start with EVENT_REFERENCE_FIRST's characters)
            f"(?:本次|此次|本届|此届|这次|这届|本场|这场|该)[{CJK}]{{0,4}}?(?:{trie_pattern(events)})"
        )
        # a name after its role: a surname first, or a name of two parts (阿依古丽·买买提)
        self.role_re = re.compile(f"(?:{trie_pattern(ROLES)})[ \u3000]?(?=[{SURNAME_CHARS}]|[{CJK}]{{1,5}}[·•])")
        # (not a title opening a platform's type word: 某某表示教授工作站的建立…, 名师工作室)
        self.role_after_re = re.compile(trie_pattern(ROLES_AFTER) + "(?!工作站|工作室)")
        # 学院张三院长、李四副院长: the school of the text, then a name and its title
        self.bare_school_named_re = re.compile(
            f"(?:^|(?<=[，。；：\n]))(学院|学校)(?=[{SURNAME_CHARS}][{CJK}]{{1,2}}(?:{trie_pattern(ROLES_AFTER)}))"
        )
        # 张伟（某某学院院长）, 李娜（某某公司副总经理）: a name, then its organisation and title in brackets
        self.noted_role_re = re.compile(
            f"([{CJK}]{{2,3}})[（(][^（）()，。；]{{2,30}}?(?:{trie_pattern(ROLES_AFTER)})[）)]"
        )

    def type_word(self, name: str) -> str:
        """The longest type word ``name`` ends with (学院 in 重庆财经学院), or ""."""
        return self.type_words.search(name)

    # -- entry point ---------------------------------------------------------

    def mentions(
        self, text: str, district: str = "", city: str = "", gazetteer: Gazetteer | None = None
    ) -> list[Mention]:
        """Every mention in ``text`` (sorted by offset); ``district``/``city`` are the document's own.

        ``gazetteer``: the known names to look for (default: the recogniser's own).
        """
        candidates: list[Mention] = []
        candidates += self._gazetteer(text, self.gazetteer if gazetteer is None else gazetteer, district, city)
        candidates += self._context_places(text, district, city)
        candidates += _ordinal_shorts(text, district, city)
        candidates += _listed_ordinal_shorts(text)
        candidates += _placed_shorts(text)
        body_ends: list[int] = []
        candidates += self._suffix_names(text, body_ends)
        candidates += self._quoted(text)
        candidates += self._awards(text)
        candidates += self._places(text)
        candidates += self._zones(text)
        candidates += self._venue_cities(text)
        candidates += _central_bodies_named(text)
        candidates += _venue_places(text)
        candidates += self._persons(text)
        candidates += self._persons_after_bodies(text, body_ends)
        candidates += _persons_after_units(text)
        candidates += self._collectives(text)
        candidates += self._batches(text)
        candidates += self._policies(text)
        candidates += self._listed_majors(text) if "专业" in text else []
        candidates += self._policy_titles(text)
        candidates += self._ranked_appositions(text)
        candidates += self._list_headings(text)
        candidates += self._roll_items(text)
        candidates += self._ranked_after_copula(text)
        candidates += self._divisions(text)
        if self.tagger is not None:  # a statistical tagger's spans, below every rule (benchmarks/extract_taggers.py)
            candidates += self.tagger(text)
        # a known name also found by a pattern keeps the pattern's reading (its role word, its rule);
        # the resolver links it to the known entity all the same
        # (only a name that starts where the left edge stopped, of four characters or more, may start later: the
        # call is made for those alone, not for some 19,000 others on 1 MiB of text)
        candidates = [self._after_clause(m) if m.rule in EDGE_RULES and len(m.name) >= 4 else m for m in candidates]
        candidates = _after_titled_persons(candidates)
        found_spans = {(m.start, m.end) for m in candidates if m.rule != "gazetteer"}
        # (a name that is a reference word, 我公司 read as a company's name, is the reference: see _references)
        candidates = [
            m
            for m in candidates
            if (m.rule != "gazetteer" or (m.start, m.end) not in found_spans) and m.name not in REFERENCES
        ]
        selected = select(candidates, len(text))
        selected = self._lists(text, selected)
        if "分别" in text:
            selected += self._counted_roll(text, selected)
        selected = _partner_brands(text, selected)
        if "子公司" in text or "全资公司" in text:
            selected = _subsidiaries(text, selected)
        selected = self._shared_suffix(text, selected)
        selected = self._elliptical(text, selected)
        if "第" in text or "附属" in text:
            selected = _elided_school_heads(text, selected)
        selected = self._zone_committee(text, selected)
        selected = _completed_by_earlier(text, selected)
        selected = _trimmed_to_known(selected, self.type_word)
        selected = self._ranked_ellipsis(text, selected)
        selected = self._units_of_schools(selected)
        selected = self._bracketed_units(text, selected)
        if "（集团）" in text:
            selected = _bracketed_groups(text, selected)
        selected = self._units_of_groups(text, selected)
        selected = _units_of_bureaus(selected)
        selected = [m for m in selected if not _kind_phrase(text, m)]
        selected = self._counted_groups(text, selected)
        selected += self._references(text, selected)
        selected += self._persons_again(text, selected)
        selected += _declared_shorts(text, selected)
        selected += _brand_shorts(text, selected)
        selected += _abbreviated_schools(text, selected)
        selected = self._noted_events(text, selected)
        selected += self._title_issuers(selected)
        selected += self._unveiled_first(selected)
        selected += self._agreement_bodies(selected)
        for title in selected:
            if title.rule == "quoted-title" and title.name.endswith(AGREEMENT_ENDS):
                # 《校企合作协议》: a document two parties sign, what they agree on no program (the annotated sets
                # name none); the body it is named after stays (see _agreement_bodies)
                title.category = True
        selected += self._signing_events(text, selected)
        selected += _held_ceremonies(text, selected)
        selected += self._held_subjects(text, selected)
        if "暨" in text:
            selected = self._joined_after(text, selected)
            self._joined_before(text, selected)
        self._listed_parties(text, selected)
        selected += _governments_of_posts(text, selected, district, city)
        for start, end in _datelines(text) if "讯" in text or "消息" in text or "日电" in text else ():
            for outlet in (m for m in selected if start <= m.start and m.end <= end and is_a(m.cls, "Company")):
                outlet.category = True  # a source of the text, no party of it (the sets: 发稿媒体, no entity)
        if "简称" in text:
            self._unnote_events(selected)
        selected.sort(key=lambda m: (m.start, -m.end))
        return [m for m in selected if not m.category]

    def _after_clause(self, mention: Mention) -> Mention:
        """齐聚某某职业技术学院, 首先某某市教育局, 来某某县, 合作企业某某公司: what stands before a listed name.

        The left edge stops only at function words and the lexicon's verbs; where a national list's
        division (with its 市 / 县 / 区) or institution starts inside a name, and the words before it read as a
        clause (a verb, an adverb or a pronoun last: 齐聚, 首先, 学习借鉴, 我省), the name starts there; so it
        does after a kind of body in common words (合作企业, 示范高中) before a division's name, short or full.
        A body's own name before the place stays (国网某某省电力公司), so does a parent before its branch
        (某某行某某市分行).
        """
        name = mention.name
        if mention.rule not in EDGE_RULES or len(name) < 4:
            return mention
        place = mention.cls in KINDS["Place"]
        openings = _listed_or_division_openings()
        for k in range(1, min(7, len(name) - 1)):
            if name[k : k + 2] not in openings and name[k] not in "区县市":
                continue  # no division or listed name starts here (each test below needs one): most positions
            tail, lead = name[k:], name[:k]
            # 集团副理事长某某市…公司, 张三代表市委: a title, then the body of the next title (or the one represented)
            # (the cheap tests first: this runs for every name of the text, up to six times)
            if (
                k > 2
                and ROLE_ENDINGS.search(lead)
                and (division_starts(tail) or (tail[:1] in "区县市" and standard_body(tail[1:])))
            ):
                return replace(mention, start=mention.start + k, name=tail)
            kind = lead.endswith(APPOSITIVE_KINDS) and _common_phrase(lead) and division_starts(tail)
            if not kind and (k > 4 or not _listed_start(tail, place)):
                continue
            if tail.endswith(BRANCH_ENDS) or not (kind or _clause_lead_words(lead)):
                return mention
            if not kind and self.type_word_inside(lead):
                return mention
            return replace(mention, start=mention.start + k, name=tail)
        return mention

    def _zone_committee(self, text: str, selected: list[Mention]) -> list[Mention]:
        """某某开发区党工委、管委会: the zone's administrative committee, named after its party committee.

        >>> r = Recognizer()
        >>> [m.name for m in r.mentions("江北经济开发区党工委、管委会与学院签约。", "", "")]
        ['江北经济开发区党工委', '江北经济开发区管委会', '学院']
        """
        if "管委会" not in text:
            return selected
        added = []
        taken = Occupancy(len(text), selected)
        zones = [  # the zones named so far, by where: a party committee's (…党工委) or the zone's own name
            (m.end, m.name.removesuffix("党工委"))
            for m in selected
            if (m.name.endswith("党工委") and m.cls == "GovernmentAgency")
            or (m.cls == "District" and ZONE_NAME_END.search(m.name))
        ]
        for bare in re.finditer("管委会", text):
            at = bare.start()
            if taken.overlaps(at, bare.end()) or (_has_cjk(text[at - 1 : at]) and text[at - 1] not in "、和及与"):
                continue
            if self.suffix_re.match(text, bare.end()) or not zones or zones[0][0] > at:
                continue  # (not 管委会办公室: a unit of its own)
            zone = [name for end, name in zones if end <= at][-1]
            # 某某园区党工委书记、管委会主任某某; 某某开发区…，管委会副主任某某: the zone named before
            added.append(Mention(at, bare.end(), zone + "管委会", "GovernmentAgency", "zone-committee", 2))
        return sorted(selected + added, key=lambda m: m.start) if added else selected

    def _unveiled_first(self, selected: list[Mention]) -> list[Mention]:
        """某某产业学院揭牌暨校企合作签约仪式: the body a joined ceremony opens with is a name of its own, nested;
        so is the one it ends with (战略合作签约暨某某服务基地揭牌仪式).

        >>> [(m.name, m.cls) for m in Recognizer()._unveiled_first([
        ...     Mention(0, 20, "青川智能制造产业学院揭牌暨校企合作签约仪式", "Conference", "suffix", 2),
        ...     Mention(30, 47, "战略合作签约暨江北乡村振兴服务基地揭牌仪式", "Conference", "suffix", 2)])]
        [('青川智能制造产业学院', 'IndustryCollege'), ('江北乡村振兴服务基地', 'Platform')]

        A ceremony of one body names it too, quoted or not (not a batch's designation: 第三批某某基地授牌仪式):

        >>> [(m.name, m.start) for m in Recognizer()._unveiled_first([
        ...     Mention(0, 17, "“青川科研实训基地”挂牌签约仪式", "Conference", "suffix", 2),
        ...     Mention(20, 35, "第三批青川研学实践基地授牌仪式", "Conference", "suffix", 2)])]
        [('青川科研实训基地', 1)]
        """
        found = []
        for event in selected:
            if event.cls not in KINDS["Event"] or event.nested:
                continue
            whole = UNVEILED_WHOLE.fullmatch(event.name)
            # (not a batch's designation, 第三批某某基地; nor two parties' base, A与B基地; nor a kind's, 某某类专业…)
            cls = self._body_named(whole.group(2)) if whole and not UNVEILED_NOT.search(whole.group(2)) else ""
            if cls:
                name, start = whole.group(2), event.start + len(whole.group(1))
                found.append(Mention(start, start + len(name), name, cls, "suffix", 2, nested=True))
                continue
            opened = UNVEILED_FIRST.match(event.name)
            cls = self._body_named(opened.group(1)) if opened else ""
            if cls:
                name = opened.group(1)
                found.append(Mention(event.start, event.start + len(name), name, cls, "suffix", 2, nested=True))
            closed = UNVEILED_LAST.search(event.name)
            if closed is None:
                continue
            start = event.start + closed.start(1)
            for name in closed.group(1).split("、"):
                cls = self._body_named(name)
                if cls:
                    found.append(Mention(start, start + len(name), name, cls, "suffix", 2, nested=True))
                start += len(name) + 1
        return found

    def _agreement_bodies(self, selected: list[Mention]) -> list[Mention]:
        """《某某产业学院框架协议》: the body an agreement is named after, a name of its own, nested (its signers build
        it: see the relations).  The title's mention holds its marks: the body starts after 《.

        >>> [(m.name, m.start) for m in Recognizer()._agreement_bodies([
        ...     Mention(0, 13, "青川茶产业学院框架协议", "Program", "quoted-title", 3)])]
        [('青川茶产业学院', 1)]
        """
        found = []
        for title in selected:
            named = AGREEMENT_OF.fullmatch(title.name) if title.rule == "quoted-title" else None
            if named is None:
                continue
            parties = AGREEMENT_PARTIES.match(named["body"])
            body = named["body"][parties.end() if parties else 0 :]
            if re.search("[•·・、与和及]", body):
                continue  # one of two parties (《A•B合作协议》)
            cls, start = self._body_named(body), title.start + 1 + (parties.end() if parties else 0)
            if cls:
                found.append(Mention(start, start + len(body), body, cls, "agreement-body", 2, nested=True))
        return found

    def _body_named(self, name: str) -> str:
        """The class of the body ``name`` names (某某产业学院: IndustryCollege), else "": a type word of an
        organisation or a platform, after at least two characters of its own."""
        kind = self.type_word(name)
        return self.suffix_class[kind][0] if kind and self._body_class(kind) and len(name) > len(kind) + 1 else ""

    def _title_issuers(self, selected: list[Mention]) -> list[Mention]:
        """The bodies a policy's title opens with (《某某市教育局关于…的通知》, 《中共某某市委某某市人民政府关于…的
        意见》): who issued it, each a name nested in the title's.

        >>> [(m.name, m.start) for m in Recognizer()._title_issuers([
        ...     Mention(1, 20, "青川市委青川市人民政府关于加强职业教育的意见", "Initiative", "quoted-title", 3)])]
        [('青川市委', 1), ('青川市人民政府', 5)]
        """
        found = []
        for title in selected:
            about = title.name.find("关于") if title.cls in KINDS["Initiative"] and not title.nested else -1
            if about < 3 or title.name[:about] != title.name[: title.end - title.start][:about]:
                continue  # no issuer before 关于, or a name completed from elsewhere
            issuers: list[Mention] = []
            at = begin = 0
            for word in self.suffix_re.finditer(title.name, 0, about):
                cls, strength = self.suffix_class[word.group()]
                if strength != "strong" or cls not in KINDS["Organization"]:
                    continue
                if issuers and word.start() == at:  # 教育部办公厅: a body's office, one name
                    issuers.pop()
                elif word.end() - at >= 3:
                    begin = at
                    # 《某某省教育厅 某某市人民政府关于…》: joint issuers apart by a space, which is no name's part
                    while title.name[begin] in " \u3000、":
                        begin += 1
                else:
                    continue
                at, name = word.end(), title.name[begin : word.end()]
                issuers.append(
                    Mention(title.start + begin, title.start + at, name, cls, "title-issuer", 2, nested=True)
                )
            if issuers and (at == about or ISSUERS_MORE.fullmatch(title.name, at, about)):
                found += issuers  # 《某某部办公厅等九部门关于…》: the first issuer, and the others unnamed
                inner = ISSUED_INSIDE.search(title.name, about)
                if inner is not None:  # …关于印发<某某工作方案>的通知: the plan it issues, a name of its own
                    start = title.start + inner.start("name")
                    found.append(
                        Mention(start, start + len(inner["name"]), inner["name"], title.cls, "issued", 2, nested=True)
                    )
        return found

    def _persons_again(self, text: str, selected: list[Mention]) -> list[Mention]:
        """A person the text has named once (校长王明) named again bare (王明与李华共同为…揭牌): the same person.

        Only where the name stands as a word: after punctuation, a function word or a title, and before
        punctuation, a function word or a verb of the lexicon's stop words (王明亮 is someone else).
        """
        names = {m.name for m in selected if m.cls == "Person" and not m.ref and not m.category and len(m.name) >= 2}
        if not names:
            return []
        taken = sorted((m.start, m.end) for m in selected)
        found = []
        for match in re.finditer(trie_pattern(dict.fromkeys(names)), text):
            start, end = match.start(), match.end()
            at = bisect.bisect_right(taken, (start, len(text)))
            if (at and taken[at - 1][1] > start) or (at < len(taken) and taken[at][0] < end):
                continue  # already read as (part of) another mention
            if not (_word_edge_before(text, start) and _word_edge_after(text, end)):
                continue
            found.append(Mention(start, end, match.group(), "Person", "person-again", 1))
        return found

    # -- pattern families ----------------------------------------------------

    def _gazetteer(self, text: str, gazetteer: Gazetteer, district: str = "", city: str = "") -> list[Mention]:
        """The names the graph knows.  A local body's name without its place (家庭教育指导服务中心 of 某某区's)
        is its name in a text of its own district or city alone: elsewhere every district has one of its own."""
        if not len(gazetteer):
            return []
        found = []
        for start, end, name in gazetteer.finditer(text):
            known = gazetteer.lookup(name, district, city)
            if known is not None:
                found.append(Mention(start, end, name, known.cls, "gazetteer", 3, known))
        return found

    def _context_places(self, text: str, district: str, city: str) -> list[Mention]:
        """The document's own district and city, by full and short name (巴南区, 巴南)."""
        names: dict[str, tuple[str, str]] = {}
        for place, cls in ((district, "District"), (city, "City")):
            if place:
                names[place] = (place, cls)
                short = re.sub(r"(区|县|市)$", "", place)
                if len(short) >= 2 and cls == "District":
                    names.setdefault(short, (place, cls))
        if not names:
            return []
        found = []
        # (tried where one of the names stands, found by a find each: see finditer_from)
        for match in finditer_from(tuple(names), re.compile(trie_pattern(names)), text):
            place, cls = names[match.group()]
            rule = "place" if match.group() == place else "place-short"
            found.append(Mention(match.start(), match.end(), place, cls, rule, 1))
        return found

    def left_edge(self, text: str, end: int, limit: int = MAX_NAME, event: bool = False) -> int:
        """Start of the name that ends at ``end``: scan left to a break, a stop word, or ``limit`` characters.

        ``event``: the name of a meeting, which may hold its year after its organiser's name
        (某某联盟2023年年会).
        """
        i = end
        floor = max(0, end - limit)
        special = SPECIAL
        built = 0
        while i > floor:
            ch = text[i - 1]
            if ch not in special:  # most characters: part of the name, nothing to check
                i -= 1
                continue
            if ch == "”":  # a quoted part belongs to the name: 市级领雁工程“教研工作坊”项目
                opening = text.rfind("“", max(0, i - 30), i - 1)
                if opening < 0 or "”" in text[opening + 1 : i - 1] or text[opening - 1 : opening] == "”":
                    return i
                if CLAUSE_END.search(text, opening, i):
                    return i  # “…是关键。”某某学院: a quoted saying, not part of a name
                i = opening
                continue
            if ch == "）" or ch == ")":
                opening = max(text.rfind("（", max(0, i - 8), i - 1), text.rfind("(", max(0, i - 8), i - 1))
                inside = text[opening + 1 : i - 1]
                if opening < 0 or not re.fullmatch(f"[{CJK}]{{1,6}}", inside) or inside.startswith(BYLINE_WORDS):
                    # 上交（潍坊）新材料: a place or 集团 inside a name; （记者 张三）, （记者张三）: a dateline
                    return i
                i = opening
                continue
            if ch == "·" and not event and i >= 2 and _has_cjk(text[i - 2]) and _has_cjk(text[i : i + 1]):
                i -= 1  # 星海经贸·远帆学院: a middle dot joins the two parts of a body's name (of a theme's: a break)
                continue
            if ch in "0123456789" and "A" <= text[i : i + 1] <= "Z":
                digits = i - 1
                while digits > floor and text[digits - 1] in "0123456789":
                    digits -= 1
                if i - digits <= 2 and digits > floor and _has_cjk(text[digits - 1]):
                    i = digits  # 星海5G数字经济产业园, 远帆3D打印公司: a technology's name inside the body's
                    continue
            if ch in BREAK or ch in "“（(":
                # (both patterns end with 年 right after the break: at most breaks no pattern is tried)
                if text.startswith("年", i) and (
                    YEAR_INSIDE.fullmatch(text, max(floor, i - 5), i + 1)
                    or (event and YEAR_AFTER_BODY.fullmatch(text, max(floor, i - 5), i + 1))
                ):
                    i -= 4  # 高陵区2021年非物质文化遗产进校园活动: the year of a place's event is inside its name
                    continue
                return i
            for size in STOP_SIZES.get(ch, ()):
                if i - size >= floor and text[i - size : i] in STOP_MULTI:
                    if size == 2 and is_word(text[i - 3 : i]) and text[i - 3 : i] not in STOP_WORDS:
                        break  # 全区域: not 全区
                    if (
                        size == 2
                        and i < end
                        and ch not in STOP_SINGLE
                        and is_word(text[i - 3 : i - 1])
                        and is_word(text[i - 1 : i + 1])
                    ):
                        # 夯实|现代…学院: the words split across the stop word (实现), the name's starts at its
                        # last character (not where that is a function word: 更名|为重庆…)
                        return i - 1
                    if i < end and text[i] in "区县市" and dictionary().get(text[i - size : i + 1]) in ("n", "ns"):
                        break  # 开发区管委会: the verb starts a place, 开发区
                    if i < end and self._body_class(text[i - size : i + 1]):
                        break  # 联合体人才招聘平台: the verb starts a body's type word, 联合体 (no name starts at 体)
                    if event and text[i - size : i] == "建设" and text[i - size - 1 : i - size] not in BREAK:
                        built = size  # 某某“智慧校园”建设推进会: a meeting on building something, 建设 its subject
                        break
                    return i
            if built:
                i, built = i - built, 0
                continue
            if (
                ch in STOP_SINGLE
                and not (
                    # 绵阳经开区, 某经开集团, 某经发集团: 经 of 经济技术开发区 or 经济发展 (short names 经开, 经发), no
                    # function word (经开展调研, 经发展改革委批准: 经 is one there)
                    (text.startswith(("经开", "经发"), i - 1) and text[i + 1 : i + 2] != "展")
                    # 某某联合会职业教育分会: 会 ends the owner's type word, the unit's name goes on before it
                    or (
                        ch == "会"
                        and not event
                        and i < end
                        and self.type_word(text[max(0, i - 5) : i]) in self._strong_bodies
                    )
                    # 某某联合体一届理事会二次会议: the council of the body whose meeting it is, inside the name
                    or (ch == "会" and event and text.endswith(COUNCILS, 0, i))
                    or (
                        i >= 2
                        and is_word(text[i - 2 : i])
                        and not _stop_made(text[i - 2 : i])
                        # 决定将: 定将 is an adverb (首都师范大学: the dictionary's adverb 首都 is a noun here)
                        and (dictionary().get(text[i - 2 : i]) not in NAMELESS_TAGS or text[i - 2 : i] in CONTENT_WORDS)
                        # 毕业生在…公司: a common noun before 在 (生在 is a word elsewhere; 江北现在…集团: a brand's)
                        and not (ch == "在" and _common_word_end(text[max(0, i - 4) : i - 1]))
                        # 张三、李建平等医院: 等 closes a list right before the type word (平等 is a word elsewhere;
                        # 中等职业学校, 高等专科学校 are the school's level)
                        and not (
                            ch == "等"
                            and (i == end or text[i:end] in self.suffix_class)
                            and text[i - 2 : i] not in ("中等", "高等", "初等")
                        )
                        # 某某市工商联在…: a body's type word ends before the stop word (联在 is a word elsewhere),
                        # which is no type word's end itself (管委会)
                        and not (
                            self._body_class(self.type_word(text[max(0, i - 7) : i - 1]))
                            and not self.type_word(text[max(0, i - 6) : i])
                        )
                        # 双方为…, 负责人为…: a stop word ends right before, 方为 / 人为 is no word here
                        and not any(text[i - 1 - n : i - 1] in STOP_MULTI for n in STOP_SIZES.get(text[i - 2], ()))
                        # 推举某某学院党委书记张明为联盟理事长: a titled person before 为 (明为 is a word elsewhere);
                        # 党委书记某某光向县教育局授牌: before 向 (光向)
                        and not (ch in "为向" and TITLED_HOLDER.search(text, max(0, i - 16), i - 1))
                    )
                    # 河北对外经贸职业学院: the stop word opens a word of four characters (对外经贸), read whole
                    or (i < end - 2 and is_word(text[i - 1 : i + 1]) and is_word(text[i - 1 : i + 3]))
                    or (
                        i < end  # 她对联合体: a word across the type word's first character (对联) is no word here
                        and is_word(text[i - 1 : i + 1])
                        and not _stop_made(text[i - 1 : i + 1])
                        and not (i < end - 1 and is_word(text[i : i + 2]))  # 从|实习基地: 实习 is the word
                        # 集团在意远…基地: a verb of 在 (在意) is no word here; 就业, 自治 are
                        and not (ch == "在" and dictionary().get(text[i - 1 : i + 1]) == "v")
                        # 某某中学和龙航小学: a body's name ends before the conjunction (和龙 is a place elsewhere);
                        # 某某有限公司对数字…学院: before a preposition (对数 is a word elsewhere)
                        and not (
                            ch in "和与及对向"
                            and (
                                self._body_class(self.type_word(text[max(0, i - 7) : i - 1]))
                                or text.endswith(ADDRESSED, 0, i - 1)  # 张三同志和县教育局: a person's, too
                            )
                        )
                    )
                )
            ):
                if ch == "的" and text[i - 2 : i] == "党的":  # 党的二十届三中全会
                    i -= 2
                    continue
                if ch == "超" and text[i : i + 1] not in NUMERALS and text[i : i + 1] not in "过百千万":
                    i -= 1  # 某某高分子超材料有限公司: 超 of a word inside the name, no “over” before a count
                    continue
                if ch == "和" and _after_division(text, i - 1):
                    i -= 1  # 某某县太和第一小学: a town's name after its district's, 和 inside it
                    continue
                if _brand_character(text, i - 1, floor):
                    i -= 2  # ，瑞自某某科技有限公司: one character after a break makes no word before 自, a brand's
                    continue
                if ch == "能" and text.startswith(TRADES_AFTER_NENG, i) and text[i - 2 : i - 1] not in SPECIAL:
                    i -= 1  # 四川某某睿能科技股份有限公司: 能 ends a firm's brand (睿能), no modal verb before a trade
                    continue
                return i
            i -= 1
        return i

    def _suffix_names(self, text: str, body_ends: list[int] | None = None) -> list[Mention]:
        """Names ending in a type word; ``body_ends`` gets where a body's type word ends before a surname's
        character (a name may follow it: :meth:`_persons_after_bodies`), found in the same pass."""
        found = []
        # the kinds asked about a type word's class, as sets (is_a of each class in them): a set lookup where is_a
        # was a call, some 120,000 of them on 1 MiB of text
        awards, programs, organisations, events, companies = map(
            descendants, ("Award", "Program", "Organization", "Event", "Company")
        )
        tags, heads = dictionary(), _division_heads()  # (for the verb before a bare type word, below)
        # (the matches of suffix_re, found by an automaton: see leftmost_longest)
        for type_start, end in leftmost_longest(self._suffix_automaton, text):
            suffix = text[type_start:end]
            following = text[end : end + 1]
            if body_ends is not None and following in SURNAMES and is_actor(self.suffix_class[suffix][0]):
                body_ends.append(end)
            # 某某大学校长, 大学校友: the university, then a word of its own (not 大学校区 …, see not_after)
            own_word = suffix == "大学" and text.startswith(UNIVERSITY_WORDS, end)
            if following and not own_word and (following in NOT_AFTER[""] or following in NOT_AFTER.get(suffix, "")):
                continue
            # (the tests of the type word's class first: they pass over a third of the type words, 6,500 on 1 MiB
            # of text, before the lookups and patterns below)
            cls, strength = self.suffix_class[suffix]
            if cls in awards:
                continue  # awards and designations are named after 获评 / 入选 …: see _awards
            governor = WEAK_GOVERNORS.get(suffix)
            if (
                strength == "weak"
                and "”" not in text[max(0, type_start - MAX_NAME) : type_start]
                and not (governor is not None and governor.search(text, max(0, type_start - 16), type_start))
            ):
                continue  # a weak type word (…教育, …体系) names nothing without a quote or its verb
            if suffix == "局" and text[end - 2 : end] in NOT_BUREAU and not is_word(text[end - 3 : end]):
                continue
            if suffix == "政府" and text.startswith("政府办", type_start) and text.endswith("政府", 0, type_start):
                continue  # 某某市人民政府政府办副主任: the government's office (see _body_follows), no second name
            if tags.get(text[end - 1 : end + 3], "") in ("i", "l"):
                continue  # 在冠名班中学有所成: the type word's last character opens an idiom (学有所成), no name ends
            if _class_opening(text, type_start, suffix):
                continue  # “某某订单班”正式开班: the verb, the class was named before it
            if suffix == "委" and (
                text[end - 2 : end - 1] in "评常编主编政" or text[end - 3 : end - 1] in ("人大", "政协")
            ):
                continue
            # (the two characters first: the pattern is tried at 20,000 type words, of which a few follow 政府 / 局)
            if text[type_start - 2 : type_start] in ("政府", "局") and PARTY_TITLE.match(text, type_start):
                continue  # 某某区人民政府区委书记某: the government's head, whose first title is the party's
            if cls in programs and text[end : end + 1] in self.event_after_first and self.event_after.match(text, end):
                continue  # 职业教育活动周启动大会: the name goes on to the meeting's type word
            if cls in organisations and self._body_follows(text, end):
                continue  # 某某集团公司, 某某中心研究所: the name goes on to the body's own type word
            start = edge = self.left_edge(text, type_start, event=cls in events)
            if cls in events:
                start = self._event_start(text, start, type_start)
                for back in (2, 1):  # 某某联合会|产教融合签约仪式: the edge stopped inside the body's type word
                    body = self.suffix_re.match(text, start - back) if start >= back else None
                    if body is not None and start < body.end() < type_start:
                        start = body.end()
                        break
            if start == edge == type_start - MAX_NAME and start > 0:
                continue  # no boundary within a name's length: a run of text, not a name
            if suffix in ZONE_BODIES:  # 某某高新技术产业开发区党工委: the zone's name, past the verb inside it
                window = max(0, type_start - MAX_NAME)
                zone = [z for z in self._zones(text[window:type_start]) if z.end == type_start - window]
                start = min(start, window + zone[0].start) if zone else start
            quote = text.find("“", start, type_start) if strength == "weak" else -1
            if quote > start and tags.get(text[max(start, quote - 2) : quote]) in ("v", "vn"):
                start = quote  # 实践“某某”发展模式: the verb before the quote is the clause's (see _quoted)
            # Each of these moves the start only after what its first test asks for (the character before the
            # name, most of them): a call is made only where that test holds, some 90,000 calls fewer on 1 MiB
            if text[start - 1 : start] == "、":
                start = self._parallel(text, start, cls)
            if text[start - 1 : start] in "和与及":
                start = self._conjoined(text, start, cls)
            if text[start - 1 : start] in STOP_SINGLE:
                start = _listed_place_start(text, start, cls)
            if text[start - 1 : start] in STOP_SINGLE:
                start = _list_item_start(text, start, cls)
            if text[start - 1 : start] in "和与及":
                start = self._joined_fields(text, start, type_start, cls)
            if text[start - 1 : start] == "与":
                start = self._joined_field(text, start, cls)
            if start < NOMINAL_VERB_SIZE or text[start - NOMINAL_VERB_SIZE : start] in NOMINAL_VERBS:
                start = self._through_nominal(text, start, cls)
            if text[start - 2 : start] == "集团":  # (text.endswith("集团", 0, start))
                start = self._group_prefix(text, start, cls)
            if cls in organisations:
                start = self._second_name(text, start, end, suffix, cls)
            if type_start - start >= 3:  # (the words before a place: a name of three characters or more)
                start = self._clause_lead(text, start, type_start)
            start = _after_resultative(text, start, type_start)
            by = text.find("由", start, type_start)  # (the character every match holds, looked for first)
            if by > start and text[by - 1] in TITLE_LAST:
                start = by + 1  # 副主任由某某中心主任兼任: the post, then 由 and who fills it (任由 reads as a word)
            if cls in companies and text.startswith(PARTNER_KINDS, start) and type_start - start > 6:
                # 推荐的合作企业某某股份有限公司: the kind of partner, then the company's own name
                start += len(next(kind for kind in PARTNER_KINDS if text.startswith(kind, start)))
            if text[start : start + 1] in ("月", "日", "强") and text[start - 1 : start].isdigit():
                start += 1  # 2019年9月学院启用…: the date's unit, then the name (a bare 学院: the text's own);
                # 世界500强某某集团: the ranking, then the name
            if text[start : start + 1] == "原" and _former_place(text, start):
                start += 1  # 原某某县人民政府: former (the body's name is the place's), not 原阳县 (a place of its own)
            launch = cls in programs and text.startswith(LAUNCH, end)
            if (cls in events or launch) and text[start - 1 : start] == "暨":
                second, start = start, self._joined_event(text, start)
                if launch and start < second:
                    # 某某年会暨某某活动周启动仪式: one meeting under two names, the second a campaign's launch (the
                    # launch alone is the campaign's: see test_the_venue_of_a_launch_ceremony_hosts_the_week)
                    end, cls = end + len(LAUNCH), "Conference"
            dated = False  # an event whose name starts with its year (2024届…招聘会) is a name, not a category
            if cls in events:
                start = _after_holding_verb(text, start)
                if text.startswith(ONE_OCCASION, start):
                    start += 2  # 一场某某签约仪式在…举行: one occasion, named after the measure (两场…: a count)
                year_digits = YEAR_DIGITS.fullmatch(text[max(0, start - 4) : start])
                if text[start : start + 1] in ("届", "年") and year_digits:
                    start, dated = start - 4, True  # 2024届…, 2024年…: the digits stopped the left edge
                else:
                    year = _event_year(text, start)
                    dated, start = year < start, year
            elif (
                text[start : start + 1] in ("年", "届", "级")
                and text[start - 1 : start].isdigit()
                and not (cls in programs or cls in awards)  # 2024年…活动: YEAR_BEFORE below
            ):
                continue  # 2025年中小学教师…培训: the year of something else cut the name, no school is named
            # (the character before the type word first: a regex call only where it is a counter's)
            if text[type_start - 1 : type_start] in COUNTERS and COUNTED_KIND.search(
                text, max(start, type_start - 4), type_start
            ):
                continue  # 某某中学两所学校, 三家企业: a count of the bodies named before, no name of its own
            if text[start - 1 : start].isdigit() and text[start : start + 1] in COUNT_UNITS:
                continue  # 举办了3期培训班, 12场招聘会: a count of events, none named
            if text[start - 1 : start].isdigit() and (
                text[start : start + 1] == "号"
                or (text[start : start + 1] in "余多" and text[start + 1 : start + 2] in CLASSIFIER)
            ):
                continue  # 300余家校外实训基地: a count of a kind; 5号教学楼三楼工作室: a room by its number
            if cls == "GovernmentAgency" and (joined := JOINED_BODIES.search(text, start, end)):
                start = joined.end()  # 某某区教育和体育局区委教育工委: two bodies of one head, the latter's name
            # (the conjunction looked for first: most names hold none, and the titles' pattern is long)
            if CONJUNCTION.search(text, start, end) and (titled := TITLED_PARTY.search(text, start, end - len(suffix))):
                start = titled.end()  # 某某学院副院长张三和某某公司: the person's party, then the company
            name = text[start:end]
            modifier = name[: len(name) - len(suffix)]
            # 提升学校, 一行来学校签约: a verb of the clause (a place's name aside) before a bare type word
            # (the modifier's length first: most are longer, and the dictionary is not asked about them)
            verb = (len(modifier) == 1 or (len(modifier) == 2 and modifier not in heads)) and tags.get(modifier) == "v"
            if verb or (modifier[:1] in PRONOUNS and _verb_phrase(modifier)):
                continue  # (他勉励学校: a pronoun, then a verb)
            if suffix == "人大" and modifier[-1:] not in "乡村镇" and is_word(modifier[-1:] + "人"):
                continue  # 协同育人大格局: 育人 then 大, no people's congress (a place's one: 某某县人大)
            if suffix == "校区" and not (
                self.type_word_inside(modifier)
                or REFERENCES.get(text[max(0, start - 2) : start], "") in ("school", "college", "publisher")
            ):
                continue  # 老校区, 新校区: a campus is named after its school (某某学校东区校区, 我校南湖校区)
            # 某某大学（某某科学院）党委: the body's name with the other name it goes by in brackets
            owning = self.type_word(BRACKETED_TAIL.sub("", modifier)) if suffix in PARTY_BODIES else ""
            if owning:
                owner = self.suffix_class[owning][0]
                zone = owner in KINDS["Place"] or owner == "VocationalEducationPark"
                if not (zone and suffix == "党工委"):
                    # 某某学院党委, 某某区教育局党委: the body's own committee, its secretary works at the body;
                    # a zone's 党工委 governs the zone (某某职教城党工委)
                    continue
            if (
                strength == "weak"
                and "”" not in modifier
                and not (modifier and governor and governor.fullmatch(text[max(0, start - 2) : start]))
            ):
                continue
            if (
                strength == "weak"
                and cls not in KINDS["Course"]
                and is_word(text[end : end + 2])
                and text[end] not in WEAK_NAME_END
            ):
                continue  # “某某”教育布局规划: the weak type word opens a word of the clause's (布局), ends no name
            # 区级联盟型集团化办学项目 is specific enough; 市级产教融合实训基地, 公共实训基地 are kinds of platform
            generic = _generic(modifier) and (
                len(suffix) < 4
                or (cls in KINDS["Platform"] and len(suffix) == 4)
                or cls in KINDS["IndustryEducationAlliance"]  # 市域产教联合体, 行业产教融合联盟: the kind of body
            )
            # 校企合作座谈会, 产教融合推进会: a meeting named by its subject, as the guide's gold does; a name of no
            # proper name, every text's meeting its own (see kg.extract.pipeline's _name_ceremonies)
            topical = cls in events and EVENT_TOPIC.fullmatch(modifier) is not None
            if generic and cls in events and (topical or _scoped_event(modifier)):
                generic = False
            # 有关政府部门, 相关高校, 国内外知名企业: the bodies concerned, of a kind, none named
            generic = generic or modifier.endswith(("相关", "有关")) or modifier.startswith("国内外")
            if suffix in ("政府", "人民政府") and (
                modifier.endswith("政府")
                or (modifier[-1:] not in PLACE_LAST and tags.get(modifier, "") in ("v", "vn", "n"))
            ):
                # 此次活动政府“搭台”, 联系政府: a common word before it, no place's government;
                # 某某市人民政府政府工作报告: the government's report, its name written once
                continue
            if cls == "GovernmentAgency" and KIND_OF_BODIES.search(modifier):
                continue  # 某某区各委办局, 某某区相关科局, 某某当地政府, 区县教育局: a place's bodies of a kind
            # A、B等家电维修服务公司领导: after 等, a kind of company the items are, none named
            generic = generic or (text[start - 1 : start] == "等" and _common_phrase(modifier))
            if not modifier.strip() or generic or name in GENERIC_WORDS:
                bare_body = not modifier and standard_body(name) and text[start - 2 : start] in ("全区", "全县", "本区")
                league = LEAGUE_COMMITTEE.fullmatch(name)  # the Youth League committee of the district
                relative = RELATIVE_BODY.match(name) or PROVINCE_OWN_BODY.match(name)
                # 区委书记、教育局局长张三: a body every district has, named bare in a chain of one person's posts
                titled = (
                    standard_body(name)
                    and ROLE_WORD.match(text, end)  # (a title starts there: one regex, not 120 startswith)
                    and text[start - 1 : start] in ("、", "，", ",")
                )
                if not ((relative and len(name) >= 2) or bare_body or league or titled):
                    continue  # bare 学校 / 各学校; relative names (区教委) stay
            common = "”" not in modifier and not self.type_word_inside(modifier)
            if (
                common
                and cls in ("College", "University")
                and name.endswith("学院")
                and (_common_phrase(modifier) or _common_phrase(name[:-2]))
            ):
                # 化工学院, 教育与国际交流学院, 畜牧兽医学院 (not …医学院 of 畜牧兽): a school's own division
                # (二级学院), named by its field: an entity of its own, partOf its school (the pipeline links it)
                cls = "College"
            elif (
                common
                and cls == "School"
                and _common_phrase(modifier)
                and not _city_opening(modifier)
                and not _experimental_school(modifier)
                and not (suffix in UNIT_ENDS and self._owned_unit(text, start))
                and not _short_of_earlier(text, start, name)
                and not any(text[max(0, start - size) : start] in REFERENCES for size in (2, 3))
            ):
                # 联盟内学校, 支教学校: a kind of school.  A school named as such carries its place
                # (某某市第一学校) or a brand
                continue
            if cls in KINDS["EducationalOrganization"] and school_kind(name, suffix):
                continue
            if cls == "School" and (modifier.endswith(GROUP_MEMBERS) or modifier[-2:] in GENERIC_WORDS):
                continue  # 某某教育集团成员学校, 某某联盟学校, 江北区乡村学校: the schools of a kind or a group
            if modifier.endswith("年制") and cls in KINDS["School"]:
                continue  # 某某专业三年制中专: a programme's length and level, no school's name
            if TITLED_NAME_END.search(modifier) and modifier[-1:] not in PLACE_LAST and cls not in KINDS["Platform"]:
                # 院长助理张某委, 副校长张某某率学校: a titled person (and a verb), no body's name (a master's studio
                # is named after them: 技能大师张某某工作室)
                continue
            if modifier[-1:] in ("和", "与", "及") and cls not in events and not is_word(modifier[-2:]):
                continue  # 空间和平台: “and platforms”, a bare type word after a conjunction (永和幼儿园: a word's)
            if modifier[-1:] in PREPOSITIONS and _common_word_end(modifier[:-1]):
                continue  # 毕业生在集团就职: “at the group”, a bare type word after a preposition
            quoted = QUOTED_PART.search(modifier) if "“" in modifier else None  # (most names: no regex call)
            if quoted and SUMMING_COUNT.match(quoted.group(1)) and "、" in text[max(0, start - 20) : start + 1]:
                continue  # 名师、名校长、名班主任“三名”工作室: the count sums up a list, it names nothing
            inner = self.type_word(modifier) if cls in events else ""
            if inner and self.suffix_class[inner][1] == "weak" and _scoped_event(modifier):
                inner = ""  # 全国教育大会: 教育 is the meeting's subject, no body's type word
            if inner and _generic(modifier[: -len(inner)]):
                continue  # 集团成立大会, 行业产教融合联盟签约仪式: the meeting of a body named by its kind
            if (
                ("大" in modifier and COLLECTIVE_NAME.match(modifier.rsplit("”", 1)[-1]))  # (大 in every match)
                or ("大" in modifier and COLLECTIVE_END.search(modifier))
                or _quantified(text, start, name)
            ):
                continue  # 六大行动 alone, 多个…平台, 42所学校: sets, not names
            if cls == "GovernmentAgency" and suffix in ("局", "委") and len(modifier.lstrip("区市县州省")) < 2:
                continue
            governed = start == 0 or text[start - 1] in "，。；：\n" or text[max(0, start - 2) : start] in STOP_MULTI
            if (
                suffix in CATEGORY_PRONE
                and _plain(modifier)
                and "”" not in modifier
                and (len(modifier) <= 2 or not governed)
                and not dated
            ):
                continue  # 劳动基地, 教研活动: common nouns, unless a verb governs them (建立…平台)
            if (
                suffix in GENERIC_PLATFORMS
                and "”" not in modifier
                and _common_phrase(LEVEL_PREFIX.sub("", modifier))
                and not is_a(refine_class(name, cls), "DigitalPlatform")
            ):
                continue  # 搭建资源共享平台, 高水平教研平台: what a platform is for (an online one is a product)
            if suffix in SHARE_WORDS and (_common_phrase(modifier) or tags.get(modifier[-2:]) == "v"):
                continue  # 持有股份, 企业控股: common words; a listed company's short name has its brand (某某股份)
            if (
                suffix in ("学校", "工厂")
                and "”" not in modifier
                and _plain(modifier)
                and _common_phrase(modifier)
                and not _city_opening(modifier)
                and not _experimental_school(modifier)
            ):
                # 办好家门口的好学校, 山区学校, 智能工厂: a kind of school or factory (a named one has its place or
                # brand: 某某县实验学校, 某某汽车武汉工厂)
                continue
            if not is_proper_name(modifier, suffix, cls) and not dated and not self._quotes_body(modifier):
                continue  # 校企合作签约仪式, 技能大赛, 校企实践基地: a kind of event or base, no name
            if cls == "Campaign":  # 人才协同发展项目活动: the project is the name
                inner = self.type_word(modifier)
                if inner and len(modifier) > len(inner) and self.suffix_class[inner][0] in ("Project", "Initiative"):
                    name, end, cls = modifier, end - len(suffix), self.suffix_class[inner][0]
                elif (
                    inner
                    and len(modifier) > len(inner)
                    and suffix == "活动"
                    and _named_occasion(inner, self.suffix_class)
                ):
                    # 某某论坛活动, 某某宣传周活动: the forum, the week is the name
                    name, end, cls = modifier, end - len(suffix), self.suffix_class[inner][0]
            if cls in KINDS["Platform"] and "”" not in name:  # (the rank's three patterns asked of platforms only)
                batch = RANK_OPENER.search(name, 2, 9)  # 某某市第二批劳动教育实践基地: the city's batch, a rank
                ranked = (
                    LEVEL_PREFIX.match(name)
                    or RANK_OPENER.match(name)
                    or (batch is not None and PLACE_NAME.fullmatch(name[: batch.start()]))
                )
                alliance = cls in KINDS["CollaborativeEducationAlliance"] or cls in KINDS["IndustryEducationAlliance"]
                if ranked and (not alliance or _ranked_kind(name)):
                    cls = "Designation"  # 国家级技能大师工作室, 省级示范性产业学院: a rank a platform is given
            if cls == "Initiative" and LEVEL_PREFIX.match(name) and "”" not in name:
                level = LEVEL_PREFIX.match(name).end()
                name, start = name[level:], start + level
            if cls in events and EVENT_DEMONSTRATIVE.match(modifier):
                continue  # 此次职教峰会: a reference to the event named before (see _references)
            year = (  # (the century's digits looked for first: most names follow none)
                YEAR_BEFORE.match(text, max(0, start - 4)) if text.startswith(("19", "20"), max(0, start - 4)) else None
            )
            if (
                year
                and year.start() < start <= year.end()
                and (cls in events or cls in awards or cls in KINDS["Campaign"])
            ):
                start, name = year.start(), text[year.start() : end]  # 2024年广东省…大赛
            joint = JOINT_GOVERNMENT.fullmatch(name) if "委" in name else None  # (委 in every match)
            if joint and not (joint.group("place") or joint.group("level")):
                joint = None  # 党委政府 alone: no place's (区委区政府: the text's district's, resolved as 区政府)
            if joint:  # 某某市委市政府: the party committee and the government together, the government acts
                place, level = joint.group("place"), joint.group("level") or ""
                name = place + ("" if place.endswith(level) else level) + joint.group("government")
            mention = Mention(start, end, name, refine_class(name, cls), "suffix", 2)
            mention.category = _counted(text, start, end, cls)
            if joint:
                mention.extras = {"joint": True}  # the name as written is one of the government's (see resolve)
            elif topical:
                mention.extras = {"generic": True}
            found.append(mention)
        return found

    def _group_prefix(self, text: str, start: int, cls: str) -> int:
        """某某集团四川省路桥建设有限公司: a group's subsidiary named with the group's name first, one name.

        Only a company whose own name opens with a province, city or county of the national list right after
        the group's 集团 (the pipeline makes it part of the group, whose name it starts with).
        """
        if not is_a(cls, "Company") or not text.endswith("集团", 0, start) or not division_starts(text[start:]):
            return start
        group = self._through_nominal(text, self.left_edge(text, start - 2), "Company")
        name = text[group : start - 2]
        if len(name) < 2 or _generic(name) or self.type_word_inside(name) or _clause_words(name):
            return start
        return group

    def _event_start(self, text: str, start: int, type_start: int) -> int:
        """The start of an event's name, past what stops other names: the body it is named after, a verb
        used as a noun (…能力提升培训班开班仪式, …产教对接签约仪式), a cohort (2024级新生开学典礼)."""
        for _ in range(3):
            moved = self._event_owner(text, start, type_start)
            verb = next((w for w in EVENT_INNER_VERBS if text.startswith(w, moved - len(w))), None)
            if verb is not None and moved - len(verb) > 0 and text[moved - len(verb) - 1] not in SPECIAL:
                inner = self.left_edge(text, moved - len(verb), event=True)
                if verb == "共建" and self.owned_body_end(text[inner : moved - len(verb)]):
                    inner = moved  # A、B共建某某园区签约仪式: the bodies that build are parties, not the name
                if inner < moved - len(verb) - 1:
                    moved = inner
            cohort = EVENT_COHORT.match(text, max(0, moved - 4))
            if cohort is not None and moved - 4 >= 0 and cohort.end() == moved + 1:
                moved = owner_end = cohort.start()
                inner = self.type_word(text[max(0, owner_end - 10) : owner_end])
                if inner and self._body_class(inner):  # 某某学院2024级新生开学典礼: the school's ceremony
                    moved = self._through_nominal(text, self.left_edge(text, owner_end - len(inner)))
            if text[moved - 2 : moved] in EVENT_SCOPES and moved < type_start:
                moved -= 2  # 2025年全区教育工作会议: the scope is part of the meeting's name
            moved = self._shared_body(text, moved, type_start)
            moved = self._listed_bodies(text, moved, type_start)
            pair = CEREMONY_PAIR.search(text, max(0, moved - 3), moved)
            if pair is not None and moved == type_start:
                moved = self.left_edge(text, pair.start(), event=True)
            act = type_start - 2  # …签约与聘任仪式: one ceremony of two acts, the second a word before the type word
            joined = CEREMONY_JOINED.search(text, max(0, act - 3), act) if moved >= act > 0 else None
            if joined is not None and is_word(text[act:type_start]):
                moved = self.left_edge(text, joined.start(), event=True)
            if moved == start:
                return self._second_party(text, _after_zai(text, start, type_start), type_start)
            start = moved
        return self._second_party(text, _after_zai(text, start, type_start), type_start)

    def _shared_body(self, text: str, start: int, type_start: int) -> int:
        """江北智能装备、江北卫星导航应用行业产教融合联盟签约仪式: the meeting of two bodies sharing a type word.

        The part before 、 has no type word of its own; the part after names a body (…联盟) the meeting is of.
        """
        if text[start - 1 : start] != "、" or start < 3:
            return start
        if not any(self._body_class(m.group()) for m in self.suffix_re.finditer(text, start, type_start)):
            return start
        before = self.left_edge(text, start - 1)
        part = text[before : start - 1]
        if not (2 <= len(part) <= 12) or self.type_word_inside(part) or self.type_word(part) or _generic(part):
            return start
        return before

    def _listed_bodies(self, text: str, start: int, type_start: int) -> int:
        """某某中学（集团）、某某小学（集团）揭牌仪式, 某某学院A产业学院、B产业学院揭牌仪式: one ceremony of
        several bodies listed with 、; the name starts with the first of them.

        Only when the event is named after a body (the part after 、 ends with a body's type word) and each
        part before it names a body of its own (its own type word ends it), so a list of topics stays out.
        """
        if text[start - 1 : start] != "、" or not self.owned_body_end(text[start:type_start]):
            return start
        while text[start - 1 : start] == "、" and start >= 3:
            part_end = start - 1
            before = self._through_nominal(text, self.left_edge(text, part_end))
            part = text[before:part_end]
            if not (3 <= len(part) <= 30) or not self.owned_body_end(part) or _generic(part):
                break
            start = before
        return start

    def owned_body_end(self, part: str) -> bool:
        """True when ``part`` ends with a body's type word, or with （集团） after one (某某中学（集团））."""
        part = part.removesuffix("（集团）")
        inner = self.type_word(part[-10:])
        return bool(inner) and self._body_class(inner) and len(part) > len(inner)

    def _second_party(self, text: str, start: int, type_start: int) -> int:
        """A与B校企合作签约仪式: B is the second party of the signing, not the start of its name."""
        if text[start - 1 : start] not in ("与", "和", "同"):
            return start
        ends = [
            m.end()
            for m in self.suffix_re.finditer(text, start, type_start)
            if self._body_class(m.group()) and m.end() <= type_start
        ]
        signing = bool(ends) and ends[-1] == type_start and text.startswith("签约", type_start)
        if signing and self.owned_body_end(text[self.left_edge(text, start - 1) : start - 1]):
            return type_start  # A与B签约仪式: B's name right before the signing's type word, no meeting of B's
        ends = [end for end in ends if end < type_start]
        return ends[-1] if ends and type_start - ends[-1] >= 2 else start

    def _event_owner(self, text: str, start: int, type_start: int) -> int:
        """株洲市产教联合体成立大会, 某某学院揭牌仪式: an event named after a body starts where the body's name does.

        The left edge of the event stops at function words inside the body's name (联合 of 产教联合体); the
        body's own type word, right before the event's, tells where that name starts.
        """
        edition = EDITION.match(text, start)
        if edition is not None and edition.end() == type_start:
            type_start = start  # 某某促进会第三次会员代表大会: the body's name ends before the edition
        inner = self.type_word(text[max(0, type_start - 10) : type_start])
        if not inner or not self._body_class(inner):
            return start
        owner = self.left_edge(text, type_start - len(inner))
        owner = self._through_nominal(text, self._parallel(text, owner, self.suffix_class[inner][0]))
        return owner if owner < start and not _generic(text[owner : type_start - len(inner)]) else start

    def _body_class(self, word: str) -> bool:
        """True for the type word of an organisation or a platform (not of a program or an event)."""
        if word not in self.suffix_class:
            return False
        cls, strength = self.suffix_class[word]
        return strength == "strong" and (is_a(cls, "Organization") or is_a(cls, "Platform"))

    def type_word_inside(self, text: str) -> bool:
        """True when an organisation's type word ends somewhere inside ``text`` (某某大学 in 某某大学化工).

        >>> Recognizer().type_word_inside("江北大学化工"), Recognizer().type_word_inside("教育与国际交流")
        (True, False)
        """
        if self._strong_ends.isdisjoint(text):
            return False  # no last character of one in it (two names in three): a set test, no regex scan
        strong = self._strong_bodies
        return any(match.group() in strong for match in self.suffix_re.finditer(text))

    def _joined_field(self, text: str, start: int, cls: str) -> int:
        """公共卫生与健康学院, 机电工程与交通学院: two fields joined by 与 name one school of a university."""
        if cls == "Company" and text[start - 1 : start] == "与" and start >= 3:
            return self._joined_business(text, start)
        school = is_a(cls, "EducationalOrganization")
        if text[start - 1 : start] != "与" or start < 3 or not (school or cls == "GovernmentAgency"):
            return start
        if division_starts(text[start : start + 3]):
            return start  # 很高兴与武汉某某学院: a name of its own opens with its place, no field joined to it
        before = self.left_edge(text, start - 1, limit=8)
        field = text[before : start - 1]
        if school:
            # 某省果酒与治沙职业技术学院: a region's field and another, one school's name
            size = place_length(field) if division_starts(field) else 0
            if size and len(field) - size >= 2 and _common_phrase(field[size:]) and not self.type_word_inside(field):
                return before  # (not 某某大学材料与化学工程学院: a university's, then its faculty's fields)
            if cls not in ("College", "University"):
                return start  # only a bare …学院 (…工程学院 too), …局: a place is a party of its own
        place = ZONE_OR_PLACE_END.search(field) if cls == "GovernmentAgency" else None
        if place is not None and len(field) - place.end() >= 2:  # 某某市高新区经济与科技发展局: the place's bureau
            field = field[place.end() :]
        if cls == "GovernmentAgency" and not _common_phrase(field):
            return start  # 某某师大与某某区人民政府: two parties
        owner = _school_mark_end(field)
        if owner and len(field) - owner >= 2 and _common_phrase(field[owner:]):
            return before + owner  # 某某学院电子与信息学院: the school, then its division's two fields
        if (
            not (2 <= len(field) <= 6)
            or not CJK_RE.fullmatch(field[0])
            or _generic(field)
            or field[-1] in "区市省县州镇村"
        ):
            return start
        inner = self.type_word(field)
        if inner and not (is_a(self.suffix_class[inner][0], "Program") or is_a(self.suffix_class[inner][0], "Event")):
            return start  # 某某学院与某某公司: two names
        if not _common_phrase(field):
            return start  # 市长张新荣与某某大学: a person's name, then the other party
        return before

    def _joined_business(self, text: str, start: int) -> int:
        """某某环保与能源科技有限公司: a company's brand, then two fields of business joined by 与 (a name of one
        company), not two parties (某某集团与某某科技有限公司: the part before 与 has a type word of its own).

        >>> text = "恒远环保与能源科技有限公司"
        >>> Recognizer()._joined_business(text, text.index("与") + 1)
        0
        """
        before = self.left_edge(text, start - 1, limit=10)
        field = text[before : start - 1]
        size = next((n for n in (4, 3, 2) if len(field) - n >= 2 and _common_phrase(field[-n:])), 0)
        brand = field[: len(field) - size]
        if (
            not size
            or _common_phrase(brand)
            or self.type_word_inside(field)
            or not _common_phrase(text[start : start + 2])
        ):
            return start
        return before

    def _joined_event(self, text: str, start: int) -> int:
        """A推进会暨B大会: one event under two names; the name starts with the first."""
        first_end = start - 1
        inner = self.type_word(text[max(0, first_end - 8) : first_end])
        if not inner or not is_a(self.suffix_class[inner][0], "Event"):
            # 某某集团揭牌暨某某委员会成立仪式, A与B合作项目签约暨揭牌仪式: the first is a ceremony's verb
            verb = CEREMONY_VERB.search(text, max(0, first_end - 2), first_end)
            if verb is None or verb.end() != first_end:
                # A与B举行校企合作暨基地共建签约仪式: the subject the ceremony is named by, right after the verb
                topic = _held_topic(text, first_end)
                return start if topic is None else topic
            inner = verb.group()
        first = self._through_nominal(text, self.left_edge(text, first_end - len(inner)))
        body = self.type_word(text[first : first_end - len(inner)])
        if body:  # 数控技术及智能装备产业学院揭牌暨…仪式: the unveiled body's two fields
            first = self._joined_fields(text, first, first_end - len(inner) - len(body), self.suffix_class[body][0])
        party = self._through_nominal(text, self.left_edge(text, first - 1)) if first > 1 else first
        if (
            inner in CEREMONY_VERBS
            and text[first - 1 : first] in ("与", "和")
            and self.owned_body_end(text[party : first - 1])
            and self.owned_body_end(SIGNED_SUBJECT.sub("", text[first : first_end - len(inner)]))
        ):
            return party  # A公司与B学校合作项目签约暨揭牌仪式: the signing of both parties, one event
        first = self._event_start(text, first, first_end - len(inner))
        if inner in CEREMONY_VERBS and not is_proper_name(
            text[first : first_end - len(inner)], inner + "仪式", "Conference"
        ):
            return start  # 校企合作签约暨揭牌仪式: a kind of ceremony, no name, as 校企合作签约仪式 alone
        return first if first < first_end - len(inner) else start

    def comma_lists(self, text: str) -> str:
        """``text`` with the commas of a list of bodies read as 、 (与A,B,C,D五所高校签署…, A，B，C等企业): where
        a count of a kind or 等 closes at least three items, each ending with a body's type word.  One character
        for another: the offsets stay.

        >>> Recognizer().comma_lists("与江北大学，青川学院，渝南职业学院三所高校签约")  # (normalised: full-width)
        '与江北大学、青川学院、渝南职业学院三所高校签约'
        """
        if "，" not in text:
            return text
        chars = None
        for closer in self._comma_list_end.finditer(text):
            # back from the closer, item by item: a comma joins two items when a body's name ends on each side
            commas, pending, end = [], None, closer.end()
            while end > 0 and text[end - 1] in self._strong_ends:
                kind = self.type_word(text[max(0, end - 8) : end])
                if not kind or kind not in self._strong_bodies:
                    break
                if pending is not None:
                    commas.append(pending)
                comma = text.rfind("，", max(0, end - 26), end)
                if comma < 0 or comma + len(kind) + 1 >= end or LIST_ITEM_BREAK.search(text, comma + 1, end):
                    break
                pending = end = comma
            if len(commas) >= 2:
                chars = chars if chars is not None else list(text)
                for comma in commas:
                    chars[comma] = "、"
        return text if chars is None else "".join(chars)

    def _joined_after(self, text: str, selected: list[Mention]) -> list[Mention]:
        """某某签约仪式暨人才培养座谈交流会: one occasion under two names, the second a kind of meeting no rule
        names alone; the name runs on to the second's type word (a name of it each part that is proper: see the
        pipeline's _joined_events).

        >>> text = "青川学院举行校企合作签约仪式暨人才培养座谈交流会。"
        >>> [m.name for m in Recognizer()._joined_after(text, [Mention(6, 14, "校企合作签约仪式", "Conference", "")])]
        ['校企合作签约仪式暨人才培养座谈交流会']
        """
        events = KINDS["Event"]
        dropped: set[int] = set()
        for mention in selected:
            if mention.nested or mention.cls not in events or text[mention.end : mention.end + 1] != "暨":
                continue
            window = JOINED_SECOND.match(text, mention.end + 1)
            second = None
            for match in self.suffix_re.finditer(window.group()) if window else ():
                kind = self.suffix_class[match.group()][0]
                if kind in events or kind == "Campaign":  # (…暨企业家进校园活动: a campaign's day, the same occasion)
                    second = match
                    break
            if second is None or second.start() < 2:
                continue
            end = mention.end + 1 + second.end()
            dropped.update(id(m) for m in selected if m is not mention and mention.end < m.start < end)
            mention.end, mention.name = end, text[mention.start : end]
        return [m for m in selected if id(m) not in dropped]

    def _joined_before(self, text: str, selected: list[Mention]) -> None:
        """全市某某产业链工作推进暨某某对接会: one occasion under two names, the first no event's name of its own (no
        type word ends it); the name starts where the first's would (the left edge of a name before 暨)."""
        events = KINDS["Event"]
        ends = {m.end for m in selected if not m.nested}
        for mention in selected:
            if mention.nested or mention.cls not in events or text[mention.start - 1 : mention.start] != "暨":
                continue
            if mention.start - 1 in ends:
                continue  # 某某成立大会暨…: the first is named already (an event, a body: see _joined_after)
            start = self.left_edge(text, mention.start - 1, event=True)
            if mention.start - 1 - start >= 2:
                mention.start, mention.name = start, text[start : mention.end]

    def _through_nominal(self, text: str, start: int, cls: str = "") -> int:
        """宿迁市城市建设投资（集团）有限公司, 上海…城市建设工作推进会: a verb used as a noun inside a name.

        The left edge stops at verbs (建设, 发展 …) because they usually govern a name; inside a name
        they follow a common noun (城市建设), not an actor (江北区建设…), and the whole name starts
        with a place (宿迁市…, 上海…).
        """
        for _ in range(2):
            if start >= NOMINAL_VERB_SIZE:  # every verb is two characters long: the two before start, looked up
                before = text[start - NOMINAL_VERB_SIZE : start]
                verb = before if before in NOMINAL_VERBS else None
            else:  # (str.startswith reads a negative position from the end of the text)
                verb = next((w for w in NOMINAL_VERBS if text.startswith(w, start - len(w))), None)
            if verb is None:
                return start
            head = start - len(verb)
            if cls == "Company":  # 方远建设集团, 华夏发展有限公司: a brand, then the trade, then the company
                brand = self.left_edge(text, head, limit=4)
                if 2 <= head - brand <= 4 and not self.type_word(text[brand:head]) and text[head - 1] not in TYPE_CHARS:
                    start = brand
                    # 某某集团四川省路桥建设: the four characters cut a province's name, which the firm's opens with
                    across = next((k for k in (1, 2) if _listed_start(text[brand - k : head], False)), 0)
                    if across and brand - across >= 0:
                        start = brand - across
                        continue
                    if head - brand == 4:  # the brand may be longer, after the place a firm's name opens with
                        whole = self.left_edge(text, brand)
                        opening = text[whole:brand]  # a place's short name and a word (深圳某某)
                        place = place_length(opening)
                        if len(opening) > 4 and place and dictionary().get(opening[place : place + 2]) in ("v", "vn"):
                            place = 0  # 江北区负责华创…: the district governs a verb, the firm is 华创…
                        if (
                            # after a place of its own, a brand of up to six and a note in brackets
                            len(BRACKETED_NOTE.sub("", opening) if place else opening) <= (6 + place if place else 4)
                            and _place_start(opening)
                            and not self.type_word_inside(opening)
                        ):
                            start = whole  # 深圳某某华创科技开发有限公司, 襄阳市某某(某某园)农林科技开发有限公司
                    continue
            noun = text[head - 2 : head]
            if len(noun) < 2 or not is_word(noun) or _stop_made(noun) or noun in JOINTLY:
                return start  # 与某某学院合作建设某某学校: the parties build it, no name goes on through them
            before = self.left_edge(text, head, limit=16)
            actor = text[before:head]
            year = YEAR_BEFORE.match(actor) or re.match("年度?", actor)
            if year:
                before, actor = before + year.end(), actor[year.end() :]
            a_place = PLACE_NAME.fullmatch(actor) and not actor.endswith(AREA_NOUNS)
            # a new town's name (东部新城建设管理局) is a place's too, though no list has it
            if not (_place_start(actor) or actor.endswith(NEW_TOWNS)) or self.type_word(actor) or a_place:
                return start  # 江北区建设…, 某某学院发展…: an actor governs the verb
            start = before
        return start

    def _parallel(self, text: str, start: int, cls: str) -> int:
        """Extend a name left over 、 inside it: 法治宣传进校园、进社区活动, 首届书记、校长…比拼活动."""
        if start < 2 or text[start - 1] != "、" or not (cls in KINDS["Program"] or cls in KINDS["Event"]):
            return start
        before = self.left_edge(text, start - 1, limit=20)
        part = text[before : start - 1]
        if not part:
            return start
        if text[start] == part[-3] if len(part) >= 3 else False:
            return before  # 进校园、进社区
        if len(part) >= 1 and part.endswith(("书记", "校长", "教师", "学生", "家长", "园长")):
            return before
        return start

    def _body_follows(self, text: str, end: int) -> bool:
        """True when another body's strong type word starts at ``end`` (集团|公司, 中心|研究所)."""
        following = self.suffix_re.match(text, end)
        if following is None or ROLE_WORD.match(text, end) or PARTY_TITLE.match(text, end):
            return False  # 社会事业局局长, 某某学院院长, 区人民政府区委书记: the head's titles, not a body's type word
        if text.startswith("政府办", end):
            return False  # 某某市人民政府政府办副主任: the government's office, after the government's name
        if JOINED_BODIES.match(text, end - 1):
            return False  # 某某区教育和体育局区委教育工委: the district's committee, a second body
        after = text[following.end() : following.end() + 1]
        if after and (after in NOT_AFTER[""] or after in NOT_AFTER.get(following.group(), "")):
            return False  # 某某教育厅委托…: the next type word is no end of a name either (委托)
        cls, strength = self.suffix_class[following.group()]
        return strength == "strong" and is_a(cls, "Organization") and following.group() not in PARTY_BODIES

    def _conjoined(self, text: str, start: int, cls: str) -> int:
        """区工业和信息化局, 宏和通运输集团, 华信教育与产业发展研究院: 和 / 与 / 及 inside one body's name.

        The conjunction joins two bodies only when the part before it names one on its own: a strong type
        word (某某学院与某某公司), a place (重庆市与华为公司) or a person (张明与李华公司 is not read here).
        """
        if start < 2 or text[start - 1] not in "和与及" or cls not in KINDS["Organization"]:
            return start
        if cls in KINDS["EducationalOrganization"] or cls in KINDS["Platform"]:
            return start  # 公共卫生与健康学院: see _joined_field; 教研及联盟, 作用和教共体: two things
        before = self.left_edge(text, start - 1, limit=6)
        part = text[before : start - 1]
        if before == start - 7:
            return self._owned_fields(text, start) if text[start - 1] == "与" and cls == "Organization" else start
        if not part or not CJK_RE.fullmatch(part[-1]) or _generic(part):
            return start
        if text.endswith(DELEGATIONS, 0, start - 1):  # (not a slice of the text up to here: a copy of it)
            return start  # 考察团与某某管委会: the visitors, then the body they meet
        if len(part) == 4 and _plain(part) and not is_word(part) and not _place_start(part):
            return start  # 评选标准和教育部: a phrase of two words, not a field a body is named after
        if LONG_ROLE.search(text, max(0, before - 3), start - 1):
            # 州长某某和某某县委: a person with a title before the conjunction (调研员某某与…: the title may hold the
            # verb the left edge stopped at, 调研)
            return start
        inner = self.type_word(part)
        if (inner and self.suffix_class[inner][1] == "strong") or part.endswith("”"):
            return start  # 某某学院与某某公司, “某某”活动与某某馆: a name before the conjunction
        if part.endswith(SCHOOL_SHORT_ENDS):
            return start  # 某某师大与某某区人民政府: a university's short name before the conjunction
        if self._divisions(text[max(0, before - 2) : start]):
            return start  # 我校科研处与某某公司: a school's division before the conjunction
        if part[-1] in PLACE_LAST or PLACE_NAME.fullmatch(part):
            return start
        if dictionary().get(part[-2:], "") in ("v", "d", "c", "p") and not self.type_word(part):
            return start  # 希望能够与某某集团: a verb or an adverb before the conjunction, no body's name
        tag = dictionary().get(part, "")
        if tag in ("ns", "nr"):
            # 重庆与华为公司: a place joined with a body; but a bare place's word and 和 as an item of a list of
            # bodies (…有限公司、江西和顺新材料有限公司) start the next body's name (和 is common in firms' names)
            listed = text[before - 1 : before] == "、" and text[start - 1] == "和"
            return before if listed and tag == "ns" else start
        for back in (0, 1, 2):  # a person's name, maybe cut by a character the left edge stops at (金达元与)
            name = text[max(0, before - back) : start - 1]
            if 2 <= len(name) <= 3 and name[0] in SURNAMES and CJK_RE.fullmatch(name[0]) and not is_word(name):
                return start
        return before

    def _owned_fields(self, text: str, start: int) -> int:
        """某某科学院区域经济与社会研究所: a body's name, then two fields joined by 与 name its unit, one name.

        ``start`` is right after the conjunction; the start of the whole name, else ``start`` (a long phrase
        before the conjunction is no part of the name)."""
        wide = self.left_edge(text, start - 1, limit=14)
        last = next(reversed(list(self.suffix_re.finditer(text, wide, start - 1))), None)
        if last is None or last.group() not in self._strong_bodies:
            return start
        field = text[last.end() : start - 1]
        if (
            2 <= len(field) <= 4
            and re.fullmatch(f"[{CJK}]+", field)
            and not self.type_word_inside(field)
            and not ROLE_WORD.match(field)
            and not LONG_ROLE.search(field)
        ):
            return wide
        return start

    def _second_name(self, text: str, start: int, end: int, suffix: str, cls: str) -> int:
        """某某中学教育集团青川市某某中学: a body's full name, then another's; the name is the second one.

        A list of members after their group (…教育集团青川市第三中学), a company after its zone: where a
        strong type word of a body ends inside the name and a place starts the rest, two names stand side
        by side.  A branch (某某有限公司重庆分公司) is one name.
        """
        if cls not in KINDS["Organization"]:
            return start
        name = text[start:end]
        for k in range(len(name) - len(suffix) - 3, 2, -1):
            head, rest = name[:k], name[k:]
            place = _place_start(rest)
            if not place and cls not in KINDS["Company"]:
                continue
            if not ZONE_END.search(head):  # 青川经济开发区某某石化有限公司: the zone, then the company
                inner = self.type_word(head)
                if not inner or len(head) <= len(inner) + 1:
                    continue
                inner_cls, strength = self.suffix_class[inner]
                if strength != "strong" or inner_cls not in KINDS["Organization"] or inner_cls in KINDS["Place"]:
                    continue
            if not place and not division_starts(rest):
                continue  # (a company's may start with a city the dictionary calls a noun: 某某中心烟台某某有限公司)
            if (
                rest[: -len(suffix)].endswith("分")
                or rest.endswith(BRANCH_ENDS)
                or PLACE_NAME.fullmatch(rest[: -len(suffix)])
            ):
                continue  # 重庆分公司, 某某银行青川市中心支行: a branch; 江北区教育局 after its city: one name
            if cls in KINDS["Company"] and head.endswith("集团") and not self.type_word_inside(head[:-2]):
                continue  # 某某集团四川省路桥建设有限公司: a group's subsidiary under the group's name (_group_prefix)
            if cls in KINDS["School"] and UNIVERSITY_SCHOOL.search(rest) and head.endswith(UNIVERSITY_ENDS):
                continue  # 某某师范大学江北实验小学: a university's experimental school, named after it
            return start + k
        return start

    def _clause_lead(self, text: str, start: int, head: int) -> int:
        """校长王明拜访江北区管委会, 标志着x江北职业学院: the words of a clause before a name that starts with a place.

        The left edge stops only at function words and the verbs of the lexicon; a title, a person or another
        verb (拜访, 走进 …) may still stand in front of the place the name starts with.  The name starts at
        that place when the words before it read as a clause (a verb, an adverb, a title, or one stray
        character that makes no word with the place) and hold no type word of a body of their own
        (国家开发银行北京分行 is one name).
        """
        name = text[start:head]
        if len(name) < 3:
            return start
        heads, tags = _division_heads(), dictionary()  # _known_place, inline: called for every character
        openings = _place_openings()
        # 共青团某某区委招募湖北某某学院: a body, its verb, then the name (a body's type word ends before the verb;
        # most names hold none of those characters, tested first in one pass)
        acting = len(name) >= 8 and not ACTING_ENDS.isdisjoint(name[1:-4])
        for k in range(4, len(name) - 1) if acting else ():
            verb = name[k - 2 : k]
            if (
                name[k - 3] in ACTING_ENDS
                and name[k : k + 2] in openings
                and tags.get(verb, "") == "v"
                and verb not in AFFILIATED
                and self._body_class(self.type_word(name[: k - 2]))
                and division_starts(name[k:])
            ):
                return start + k
        if _place_start(name):
            return start
        for k in range(1, len(name) - 1):
            if name[k : k + 2] not in openings:
                continue  # no place of 2 to 4 characters starts here: one lookup instead of up to six
            for size in (4, 3, 2):  # the longest place starting at k (a loop: no generator per character)
                piece = name[k : k + size]
                if k + size <= len(name) and (piece in heads or tags.get(piece, "") == "ns"):
                    break
            else:
                continue
            lead = name[:k]
            if self.type_word_inside(lead) or lead[-1] in "省市县区州":
                return start
            if k == 1:
                stray = text[start - 1 : start] in STOP_SINGLE and name[k : k + size] in _division_heads()
                if stray and not is_word(lead + name[1]) and not is_word(text[start - 1 : start + 1]):
                    return start + k  # 着x长春…: a stray character between a function word and the name
                return start
            return start + k if _clause_words(lead) else start
        return start

    def _joined_fields(self, text: str, start: int, body: int, cls: str) -> int:
        """园林园艺与花卉苗木职业教育集团, 数字创意与智能装备产教融合共同体: two fields joined in a platform's name.

        Platforms (and events named after a body: 某某与某某职业教育集团成立大会) are named after the
        fields they serve; 和 / 与 joins two fields when the part before it has no type word of its own and
        is no place (重庆市与…), the part after it carries its own words before the type word (教研及联盟,
        作用和教共体: two things) and no list precedes it (川东果蔬加工、川西文旅康养和川北…共同体: an
        elliptical list of three names, see _elliptical).  ``body``: where the type word starts.
        """
        if start < 2 or text[start - 1] not in "和与及" or body - start < 2:
            return start
        kind = self.suffix_re.match(text, body)
        # a school's unit (某某大学A与B学院), or a base named after one (某某大学A与B学院“某某”实践教育基地)
        if "学院" in text[start:body] or (kind is not None and kind.group().endswith("学院")):
            unit = self._unit_of_two_fields(text, start)
            if unit != start:
                return unit
        if is_a(cls, "Event"):
            if not self.type_word_inside(text[start:body]):
                return start
        elif not (is_a(cls, "Platform") or (cls == "GovernmentAgency" and text[start - 1] == "和")):
            return start  # (a bureau of two fields joined by 和: 某某新区社区治理和社事局)
        longest = 12 if cls == "GovernmentAgency" else 8  # (a bureau's place before its fields: 四川某某新区…)
        before = self.left_edge(text, start - 1, limit=longest + 2)
        part = text[before : start - 1]
        if not 2 <= len(part) <= longest or not CJK_RUN.fullmatch(part):
            return start
        if text[before - 1 : before] == "、" or _generic(part) or self.type_word(part):
            return start
        occasion = self.type_word(text[max(0, before - 4) : start - 1])
        if occasion and is_a(self.suffix_class[occasion][0], "Event"):
            return start  # 签约仪式及某某学院…基地揭牌仪式: an occasion, then the body the next one unveils
        if is_a(cls, "Platform"):
            bodies = [m.end() for m in self.suffix_re.finditer(part) if m.group() in self._strong_bodies]
            if bodies and len(part) - 2 <= bodies[-1] < len(part):
                return start  # 学校发展和某某实训基地: a body's name and one word (its development), then the base
        if part[-1] in PLACE_LAST or dictionary().get(part, "") in ("ns", "nr"):
            return start
        if len(part) <= 3 and part[0] in SURNAMES:
            return start  # 张明与李华工作室: two people
        if self.role_re.search(part) or self.role_after_re.search(part, len(part) - 4):
            return start  # 副区长张三和区委教工委, 某某中学张三校长和某某市教育局: a person's title, then another body
        return before

    def _unit_of_two_fields(self, text: str, start: int) -> int:
        """某某大学精密仪器与光电子工程学院, 某某学院新能源与网联汽车产业学院: a school's unit named after two fields,
        the school's name before the first (a field: no type word, no title, no common phrase; two to six
        characters).  The start of the school's name, else ``start``."""
        before = self.left_edge(text, start - 1, limit=24)
        named = UNIT_OF_FIELDS.fullmatch(text, before, start - 1)
        if named is None:
            return start
        field = named.group("field")
        if self.type_word(field) or _generic(field) or field in STOP_WORDS or field.endswith(FIELD_NOT_ENDS):
            # 某某学院相关职能部门及二级学院: its offices and its schools; 某某学院副院长和某某学院院长: a title
            return start
        return before

    def _quoted(self, text: str) -> list[Mention]:
        found = []
        for match in QUOTE_RE.finditer(text):
            inner = match.group(1) or match.group(2)
            start, end = match.start(), match.end()
            if match.group(2):  # 《title》: a work, a plan or a program
                tail = self._tail(text, end, inner, False)
                if tail:
                    found.append(Mention(start, tail[0], text[start : tail[0]], tail[1], "quoted", 3))
                elif inner.endswith(PERIODICAL_ENDS) or PERIODICAL_STAFF.match(text, end):
                    # 《某某教育报》记者, 《某某》副总编: a newspaper or a journal, the company that publishes it
                    found.append(Mention(start + 1, end - 1, inner, "Company", "quoted-title", 3))
                elif POLICY_TITLE.search(inner) and len(inner) >= 4:
                    found.append(Mention(start + 1, end - 1, inner, "Initiative", "quoted-title", 3))
                elif CARRIER_TITLE.search(inner) and len(inner) >= 4:
                    # read as a policy's title (its issuers, the plan it prints), but no entity: see _carriers
                    carrier = {"carrier": True}
                    found.append(Mention(start + 1, end - 1, inner, "Initiative", "quoted-title", 3, extras=carrier))
                elif len(inner) <= 40 and not DOCUMENT_TITLE.search(inner) and not _a_work(text, start, end):
                    # 《…合作协议》, 《…章程》: a document; 团体操《…》, 题为《…》的发言, 《…》等栏目: a work
                    found.append(Mention(start, end, inner, "Program", "quoted-title", 3))
                continue
            if CLAUSE_END.search(inner):
                continue  # “产教融合是关键。”: a saying quoted, no name
            adjacent = text[start - 1 : start] == "”" or text[end : end + 1] == "“"
            tail = self._tail(text, end, inner, adjacent)
            if tail and SUMMING_COUNT.match(inner) and "、" in text[max(0, start - 20) : start]:
                continue  # 名师、名校长、名班主任“三名”工作室: the count sums up a list, it names nothing
            if tail:
                prefix_start = start
                if start and text[start - 1] not in BREAK and text[start - 1] not in "”“":
                    prefix_start = self.left_edge(text, start)
                if prefix_start < start and dictionary().get(text[max(prefix_start, start - 2) : start]) in ("v", "vn"):
                    prefix_start = start  # 实践“某某”发展模式: the verb before the quote is the clause's, no name's
                quantified = QUANTIFIED_START.match(text[prefix_start:start]) or (
                    text[prefix_start : prefix_start + 1] in CLASSIFIER
                    and NUMERAL_END.search(text[max(0, prefix_start - 2) : prefix_start])
                )
                if quantified:  # 一批“大思政课”实践教学基地, 4项“三个一批”…项目: the kind, not a name
                    prefix_start += quantified.end() if hasattr(quantified, "end") else 1
                cls = tail[1]
                if cls in KINDS["Event"]:
                    prefix_start = _after_zai(text, prefix_start, start + 1)
                name = text[prefix_start : tail[0]]
                if (
                    cls in KINDS["Event"]
                    and not is_proper_name(text[prefix_start:end], text[end : tail[0]], cls)
                    and not self._quotes_body(text[prefix_start:end])
                ):
                    continue  # “校企合作”签约仪式: a common phrase quoted, the ceremony's subject; no proper name
                if cls in KINDS["Award"] and RUN_VERBS.search(text[max(0, prefix_start - 4) : prefix_start]):
                    cls = "Initiative"  # 开展“体教融合”试点: a pilot one runs
                mention = Mention(prefix_start, tail[0], name, refine_class(name, cls), "quoted-suffix", 3)
                mention.category = bool(quantified) or _counted(text, prefix_start, tail[0], tail[1])
                found.append(mention)
                if cls in KINDS["Event"] and prefix_start == start and self._body_class(inner):
                    # “乡村振兴学院”揭牌仪式: the body too, named by its type word alone
                    found.append(Mention(start + 1, end - 1, inner, self.suffix_class[inner][0], "suffix", 2))
                continue
            cls = None
            inner_suffix = self.type_word(inner)
            if inner_suffix and COUNTED_START.match(inner):
                continue  # “四个联盟”, “两个中心”: the count of the names listed before
            if inner_suffix:
                inner_cls, strength = self.suffix_class[inner_suffix]
                modifier = inner[: -len(inner_suffix)]
                # “晶盛班”, “产业帮扶车间”: a weak type word of a course or a workshop, quoted whole with its name
                # (not “某某命运共同体”, a slogan)
                weak_course = (
                    strength == "weak"
                    and (inner_cls in KINDS["Course"] or inner_suffix == "车间")
                    and len(modifier) >= 2
                )
                # (“家门口的学校”, “到乡村、回学校”: a phrase, its words joined by 的 or 、, is no name)
                phrase = "的" in modifier or "、" in modifier
                if (strength == "strong" or weak_course) and (
                    (modifier and not phrase and not _generic(modifier))
                    or (not modifier and inner_cls in KINDS["Platform"])
                ):
                    cls = inner_cls  # “兴师计划”, “教联体”
            if THEME_AFTER.match(text, end - 1) or THEME_BEFORE.search(text, max(0, start - 4), start):
                continue  # 以“…”为主题, 会议的主题“…”: a motto, not a name
            context = self._quote_context(text, start, end)
            if context:  # what the verb runs; “…座谈会” names by its own type word what kind of event it is
                cls = cls if cls and (context == "Program" or cls in KINDS["Event"]) else context
            elif cls and QUOTE_NOT.search(text[max(0, start - 3) : start]):
                cls = None  # 成为育人的“大课堂”
            if cls is None:
                continue
            mention = Mention(start + 1, end - 1, inner, refine_class(inner, cls), "quoted", 3 if context else 2)
            found.append(mention)
        return found

    def _quotes_body(self, modifier: str) -> bool:
        """True when an event's modifier is a body's name quoted (“乡村振兴学院”签约暨揭牌仪式): the ceremony of that
        body, named by it, though its words are common ones (“校企合作”签约仪式 names only what is done)."""
        quoted = QUOTED_WHOLE.fullmatch(modifier) if modifier.endswith("”") else None
        kind = self.type_word(quoted.group(1)) if quoted else ""
        return bool(kind) and self._body_class(kind)

    def _tail(self, text: str, end: int, inner: str, adjacent: bool) -> tuple[int, str] | None:
        """A type word within a few characters after a closing quote: (end of name, class), else None."""
        window = text[end : end + 16]
        best = None
        for match in self.suffix_re.finditer(window):
            between = window[: match.start()]
            if TAIL_STOP.search(between):
                break
            if TAIL_BREAK.search(between):
                break  # a clause between: “创新之星”以第一名成绩拿下…比赛
            if "校" in between and MEMBER_WORDS.search(between):
                break  # “校企合作”盟校某某学院: the quote says what the school is to the text's body
            suffix = match.group()
            cls, strength = self.suffix_class[suffix]
            following = window[match.end() : match.end() + 1]
            if following and (following in NOT_AFTER[""] or following in NOT_AFTER.get(suffix, "")):
                continue
            if suffix == "局" and window[match.start() - 1 : match.end()] in NOT_BUREAU:
                continue  # “某某”教育布局: a word that ends in 局, no bureau
            if len(suffix) == 1 and match.start() > 0 and is_word(window[match.start() - 1 : match.end()]):
                continue  # 《某某方案》编制: the type word ends a word of the clause (编制), no name
            if _class_opening(window, match.start(), suffix):
                break  # “某某订单班”正式开班: the class opens, its name was the quote
            if COLLECTIVE_NAME.match(between) and not LIST_MARK.search(inner):
                break  # “A”“B”两大工程: the set, not a name
            if strength == "weak":
                if adjacent or LIST_MARK.search(inner):
                    continue
                if following and following not in WEAK_NAME_END:
                    continue
            if adjacent and len(between) > 2:
                break
            best = (end + match.end(), cls)
        return best

    def _quote_context(self, text: str, start: int, end: int) -> str | None:
        """Class of a quoted phrase its context makes a program or designation, else None."""
        inner = text[start + 1 : end - 1]
        if "。" in inner or len(inner) > 20 or len(inner) < 2:
            return None
        # Quoted items of one run share the context of the run: “A”“B”“C”等活动, “A”和“B”两大工程.
        run_start, run_end = start, end
        for _ in range(12):
            joint = text[max(0, run_start - 2) : run_start]
            if not (joint.endswith("”") or (joint.endswith(SEPARATORS) and joint[:1] == "”")):
                break
            close = run_start - 1 if joint.endswith("”") else run_start - 2
            previous = text.rfind("“", max(0, close - 30), close)
            if previous < 0:
                break
            run_start = previous
        for _ in range(12):
            nxt = text[run_end : run_end + 2]
            if not (nxt.startswith("“") or (nxt[:1] in SEPARATORS and nxt[1:] == "“")):
                break
            opening = run_end if nxt.startswith("“") else run_end + 1
            closing = text.find("”", opening + 1, opening + 32)
            if closing < 0:
                break
            run_end = closing + 1
        multiple = run_start < start or run_end > end
        before = text[max(0, run_start - 8) : run_start]
        after = text[run_end : run_end + 8]
        verb = QUOTE_TRIGGERS.search(before)
        if after.startswith("的") and not QUOTE_GOALS.match(after):
            return None
        if QUOTE_NOT.search(before) and not verb:
            return None
        head = LIST_HEAD.match(after)
        if head:
            return HEAD_CLASS[head.group("head")]
        if verb:
            if verb in ("入选", "获评", "作为"):
                return "Designation"
            if "举办" in verb:
                return "Campaign"
            if QUOTE_GOALS.match(after) or multiple:
                return "Program"
            if verb == "以" and not after.startswith(("为", "的")):
                return "Program"  # 以“智研慧教”点亮…
            if verb not in FIGURATIVE_TRIGGERS and (after[:1] in "，。；、" or COUNT_AFTER.match(after)):
                return "Program"  # 开设“长安订单班”3个
            return None
        if QUOTE_GOALS.match(after) and not after.startswith("目"):
            return "Program"
        return None

    def _awards(self, text: str) -> list[Mention]:
        """Names after 获评 / 入选 / 荣获 … that end in an award or designation word."""
        found = []
        for match in AWARD_TRIGGER.finditer(text):
            trigger = match.group("t")
            begin = match.end()
            stop = begin
            while stop < len(text) and text[stop] not in "，。；！？\n" and stop - begin < 40:
                if text[stop] == "“":
                    closing = text.find("”", stop, stop + 42)
                    stop = closing if closing > 0 else stop
                stop += 1
            span = LIST_NOTE.sub("", self._listed_awards(text, begin, stop))  # …示范校(名单附后): no part of it
            stop = begin + len(span)
            if span[:1] == "是":  # 被评为是某某示范基地: the copula, not the title's
                begin, span = begin + 1, span[1:]
            if not span or span[0] in "了着过":
                continue
            if trigger in GRANTS and span.startswith(("仪式", "活动", "暨", "为", "揭牌", "挂牌", "签约")):
                continue  # 签约授牌仪式, 授牌揭牌仪式: the ceremony, no title given; 以此次授牌为契机: the occasion
            quote = span.find("“")
            if trigger in GRANTS and quote > 0 and (self.type_word(span[:quote]) or span[:quote] in REFERENCES):
                begin, span = begin + quote, span[quote:]  # 授予B“C”: B receives C; the designation is C
            if span.startswith("“"):
                found += self._quoted_awards(text, begin, trigger)
                continue
            honorary = span.find("称号")
            if honorary > 0:
                span = span[:honorary]
            elif span.endswith(LIST_ENDINGS):  # 列入…示范学校名单: the designation is what the list names
                rest = span[: -len(next(w for w in LIST_ENDINGS if span.endswith(w)))]
                if len(rest) <= 2:
                    continue  # 入选培育名单: the list named before, by its kind
                span = rest  # (入选…培育名单: the list's kind, as the annotated sets name it: 某某培育)
            if COUNTED_SPAN.search(span) and not YEAR_SPAN.match(span):
                continue
            offset = begin
            for part in span.split("、"):
                name = part.strip()
                cls = self._award_part_class(name, trigger, honorary > 0) if name else None
                if cls:
                    mention = Mention(offset, offset + len(part), name, cls, "award", 4)
                    found.append(mention)
                    found.extend(self._nested_event(mention))
                offset += len(part) + 1
        return found

    def _quoted_awards(self, text: str, begin: int, trigger: str) -> list[Mention]:
        """The quoted titles after an award verb at ``begin``: “A”, or a list of them (“A”、“B”、“C”等)."""
        found = []
        while text.startswith("“", begin):
            closing = text.find("”", begin, begin + 42)
            if closing < 0:  # the closing quote is lost (OCR): no name to take
                break
            inner = text[begin + 1 : closing]
            tail = self._tail(text, closing + 1, inner, False)
            if tail:
                name_end, cls = tail
                name, start, end = text[begin:name_end], begin, name_end
            else:
                name = inner.strip()  # “某某学校 ”: the spaces inside the quotes are no part of the name
                start = begin + 1 + len(inner) - len(inner.lstrip())
                end = start + len(name)
                suffix = self.type_word(name)
                cls = self.suffix_class[suffix][0] if suffix else "Award"
            cls = _award_class(name, cls, trigger)
            if cls is not None:
                found.append(Mention(start, end, name, cls, "award", 4))
            begin = end if tail else closing + 1
            if not text.startswith("、“", begin):
                break
            begin += 1
        return found

    def _listed_awards(self, text: str, begin: int, stop: int) -> str:
        """The names after an award verb: up to ``stop``, or on to the clause's end for a list (A、B、C…).

        A list of titles often runs past the 40 characters a single name is given; it ends at the
        clause's end, and an item cut short by the limit of 160 characters is left out."""
        span = text[begin:stop]
        if stop >= len(text) or text[stop] in "，。；！？\n" or "、" not in span:
            return span
        end = stop
        while end < len(text) and text[end] not in "，。；！？\n" and end - begin < 160:
            end += 1
        if end < len(text) and text[end] in "，。；！？\n":
            return text[begin:end]
        return text[begin : text.rfind("、", begin, end)]  # the last item runs past the limit

    def _award_part_class(self, name: str, trigger: str, honorary: bool) -> str | None:
        if len(name) < 3 or len(name) > 30 or name in self.suffix_class:
            return None  # 获得一等奖: a prize word alone names no prize
        prize = self.type_word(name)
        if prize and LEVEL_ONLY.fullmatch(name[: -len(prize)]):
            return None  # 获国家二等奖, 获省一等奖: the level of a prize, not its name
        if honorary:
            return "HonoraryTitle"
        suffix = None
        for size in range(min(7, len(name)), 0, -1):
            if name[-size:] in self.suffix_class:
                suffix = name[-size:]
                break
        return _award_class(name, self.suffix_class[suffix][0] if suffix else "Award", trigger)

    def _nested_event(self, prize: Mention) -> list[Mention]:
        """The competition named inside a prize (全国科创比赛 in 全国科创比赛一等奖)."""
        if prize.cls != "Prize":
            return []
        for match in self.suffix_re.finditer(prize.name):
            cls = self.suffix_class[match.group()][0]
            if is_a(cls, "Event") and match.end() < len(prize.name) and match.start() > 0:
                name = prize.name[: match.end()]
                return [Mention(prize.start, prize.start + len(name), name, cls, "award-event", 4, nested=True)]
        return []

    def _places(self, text: str) -> list[Mention]:
        found = []
        for match in self.place_re.finditer(text):
            end = match.end()
            if match.start() < 2 or text[match.start() - 1] in NOT_PLACE_CHARS:
                continue  # 全区, 城市, 学区 …: decided by the character before the type word
            if match.group() == "镇" and division_starts(text[match.start() : match.start() + 3]):
                continue  # 江苏镇江: 镇 opens the next place's name (镇江, 镇远), no town ends here
            start = self.left_edge(text, match.start(), limit=8)
            if text[start : start + 1] in CLASSIFIER and text[start - 1 : start].isdigit():
                # 9家高新区企业: the count's measure word is no part of the place's name (digits only: after 每个
                # the place stays whole, so that 每个设区市 is still read as every city, no name)
                start += 1
            name = text[start:end]
            modifier = name[: -len(match.group())]
            if modifier.endswith(match.group()) and (
                modifier in _division_heads() or dictionary().get(modifier) == "ns"
            ):
                continue  # 岚县县直部门, 某某市市直学校: the place, then its own level's 县直 / 市直, no other place
            if modifier.endswith("委"):
                continue  # 江北区委区政府: the party committee, then the government's 区, no place
            if len(modifier) == 1 and match.group() == "县" and name in _division_heads():
                found.append(Mention(start, end, name, "District", "place", 1))  # 在泸县建设: a listed county
                continue
            if not (2 <= len(modifier) <= 6) or not CJK_RUN.fullmatch(modifier):
                continue
            if LONG_ROLE.search(modifier) or modifier.endswith(("两", "三")):
                continue  # 校长王立省, 县委副书记周镇西: a title, then a person; 苏陕两省: a count of provinces
            if NOT_PLACE_END.search(name) or modifier in GENERIC_WORDS or EACH_WORD.search(modifier):
                continue  # 各县区, 全市各区, 每个设区市: every county, no county's name
            if name.startswith(("国家级", "省级")) and ZONE_KIND.fullmatch(name):
                continue  # 同国家级高新区合作: a kind of zone, none named (a bare 高新区 is the text's own)
            tags = dictionary()
            if tags.get(modifier) != "ns":
                # 首批江苏省, 服务浙江省, 个江苏省: a word before the place is not part of its name
                cut = next((k for k in range(1, len(modifier) - 1) if tags.get(modifier[k:]) == "ns"), 0)
                if cut and tags.get(modifier[:cut]) != "ns" and not PLACE_NAME.fullmatch(modifier[:cut]):
                    start, modifier, name = start + cut, modifier[cut:], name[cut:]
            if len(modifier) > 3 and not is_word(modifier[:2]):
                continue  # long run: city + district (成都温江区) only
            if tags.get(modifier[:2]) == "v" and tags.get(modifier) != "ns" and modifier not in _division_heads():
                continue  # 提升高新区…, 加深区校合作: a verb, then the text's own zone or 区 of another word
            if tags.get(modifier[-2:], "") in ("v", "p") and match.group() in ("省", "市"):
                continue  # 纳入省…库, 进入市…: a verb before a bare 省 / 市, no place's name
            if match.group() == "市" and text.startswith("场", end) and tags.get(modifier) != "ns":
                continue  # 海外工程市场: a market, no city
            # a province and an autonomous region (广西壮族自治区) are places of the same rank (dev-set guide)
            cls = {"市": "City", "省": "Place", "自治区": "Place", "镇": "Place"}.get(match.group(), "District")
            found.append(Mention(start, end, name, cls, "place", 1))
        return found

    def _venue_cities(self, text: str) -> list[Mention]:
        """在南京举行, 在银川举办: a city named without 市 as the place a meeting is held, named in full.

        >>> [(m.name, m.cls) for m in Recognizer()._venue_cities("签约仪式在南京举行。")]
        [('南京市', 'City')]
        """
        found = []
        for match in finditer_after(VENUE_AT, VENUE_CITY, text):  # (tried after each 在, not at every character)
            full = _cities_by_head().get(match.group(1))
            if full is not None:
                found.append(Mention(match.start(1), match.end(1), full, "City", "venue-city", 1))
        return found

    def _zones(self, text: str) -> list[Mention]:
        """绵阳经开区, 宜宾高新技术产业开发区, 南充（国家）高新技术产业开发区: development zones, districts.

        A zone is named after its city or county (the longest of 4, 3, 2 characters before it that the
        dictionary or the national list of divisions knows as a place).
        """
        found = []
        for match in finditer_from(ZONE_FIRST, ZONE_RE, text):
            at = match.start()
            for size in (4, 3, 2):
                head = text[max(0, at - size) : at]
                if len(head) == size and _known_place(head):
                    start = at - size
                    for wider in (3, 2):  # 成都新都工业园, 四川彭州开发区: the city or province before the county
                        if start >= wider and _known_place(text[start - wider : start]):
                            start -= wider
                            break
                    found.append(Mention(start, match.end(), text[start : match.end()], "District", "zone", 2))
                    break
        return found

    def _policy_titles(self, text: str) -> list[Mention]:
        """下发关于推进中小学集团化办学的实施意见: a policy document named without 《》, an initiative."""
        found = []
        for match in POLICY_UNQUOTED.finditer(text):
            if text[match.start() - 1 : match.start()] in ("《", "“"):
                continue  # quoted: see _quoted
            found.append(Mention(match.start(), match.end(), match.group(), "Initiative", "policy-title", 3))
        return found

    def _persons(self, text: str) -> list[Mention]:
        found = []
        for match in self.role_re.finditer(text):
            begin = match.end()
            if self.role_re.match(text, begin):
                continue  # 总编辑顾问岳明: another title follows, the name comes after it
            if text.startswith(UNIT_WORDS, begin):
                continue  # 成员单位有: a role of a body (成员单位, 理事单位), no person follows
            size = _person_size(text, begin)
            dotted = DOTTED_NAME.match(text, begin)
            if dotted:  # 院长阿依古丽·买买提: a name of two parts joined by a middle dot, up to a function word
                end = dotted.end() - len(dotted.group(1))
                while end < dotted.end() and end not in _stop_starts(text, end):
                    sound = text[end] in TRANSLITERATED and CJK_RE.fullmatch(text[end + 1 : end + 2] or "，")
                    if text[end] in STOP_SINGLE and not (sound and end + 1 not in _stop_starts(text, end + 1)):
                        break  # (都出席: all of them attend; 都克热木: the name goes on)
                    end += 1
                size = end - begin if end - begin > len(dotted.group()) - len(dotted.group(1)) else size
            extras: dict = {"role_at": match.start()}
            while size:
                found.append(
                    Mention(begin, begin + size, text[begin : begin + size], "Person", "person", 2, extras=extras)
                )
                # 教师张三、李四和王五: the coordinated names share the role
                joiner = re.match(r"以及|、|和|及|与", text[begin + size : begin + size + 2])
                if not joiner:
                    break
                extras = {"role_at": match.start(), "after": begin + size}
                begin += size + joiner.end()
                size = _person_size(text, begin, strict=True)
                title = self.role_re.search(text, begin + size, begin + size + 16) if size else None
                between = text[begin + size : title.start()] if title is not None else ""
                if CJK_RUN.fullmatch(between) and not any(c in LIST_WORDS for c in between) and self.type_word(between):
                    break  # 经理张三、某某开发者联盟负责人李四: a body's name, then its title (某某 is no person)
        for match in self.role_after_re.finditer(text):
            # 永嘉二职夏明远副校长, 王金选院长一行: a name written before its title
            start = match.start() - 3
            name = text[start : match.start()]
            if start < 0 or name[-1] == "任" or text.startswith("们", match.end()):
                continue  # (院长张斌任理事长: 任, serves as, ends no name; see _person_size; 鼓励同学们: many)
            # (某某大学张三副校长: 学 ends a school's type word, no other kind's)
            type_end = name[:1] in NAME_BEFORE_CHARS and self.type_word(text[max(0, start - 6) : start + 1])
            # 教务处赵明处长, 英语系王芳教师: a unit's last character before a two-character name
            type_end = type_end or name[:1] in UNIT_END_CHARACTERS
            # 教育部职成司刘某处长: a ministry's department (司, a surname too) before a two-character name
            type_end = type_end or (name[:1] == "司" and "部" in text[max(0, start - 6) : start])
            # 中心主任张三教授: 任 ends the title before the name (主任), though a surname too
            type_end = type_end or any(
                (role := self.role_re.match(text, start + 1 - n)) is not None and role.end() == start + 1
                for n in (2, 3)
                if n <= start + 1
            )
            if not CJK_THREE.fullmatch(name) or name[0] not in SURNAMES or is_word(name[:2]) or type_end:
                if len(name) == 3 and (name[0] in STOP_SINGLE or not _has_cjk(name[0]) or type_end):
                    # 的尹质同学: a two-character name after a function word; 某某公司周兵副总经理: after a body
                    name, start = name[1:], start + 1
                else:
                    continue
            if name[0] not in SURNAMES or not _name_like(name) or _has_type_char(name) or name[0] in STOP_SINGLE:
                continue
            if name[0] == "任" and text[start - 1 : start] in SERVE_BEFORE:
                continue  # 担任名誉院长, 兼任、副主任: the verb 担任 / 兼任 (serves as), then the title, no name
            if name[-1] in "由被把":
                continue  # 座谈会由副校长某某主持: the preposition before the title, no given name (谈 is a surname)
            if is_word(text[start + 1 : match.end()]):
                continue  # 浙江区域经理, 项目经理: the title's own words (区域经理), no given name before it
            extras = {"role_at": match.start(), "role_end": match.end()}
            found.append(Mention(start, match.start(), name, "Person", "person-before", 2, extras=extras))
        found += self._noted_persons(text)
        # （记者 张三 李四）, （记者张三 通讯员李四）, 电（张三）, （文/张三）: who wrote the news, no person of it
        # (the hand-annotated sets name 3 of the 36 bylines' people; the text's metadata keeps its authors)
        for match in finditer_from(BYLINE_FIRST, BYLINE_RE, text):
            group = next(g for g in ("name", "name2", "name3", "name4") if match.group(g))
            for name in re.finditer(f"[{CJK}]+", match.group(group)):
                start, end = match.start(group) + name.start(), match.start(group) + name.end()
                found.append(Mention(start, end, name.group(), "Person", "byline", 3, category=True))
        for match in BYLINE_BRACKET.finditer(text) if "记者" in text or "通讯员" in text else ():
            for name in BYLINE_BRACKET_NAME.finditer(text, match.start(1), match.end(1)):
                found.append(Mention(name.start(1), name.end(1), name.group(1), "Person", "byline", 3, category=True))
        return found

    def _persons_after_bodies(self, text: str, body_ends: list[int]) -> list[Mention]:
        """某某锻造有限公司张三、…, 某某市总工会李四主持: a name right after the body it comes from, with no
        title, as an item of a list or before a verb of attending (``role_at``: where the body ends).
        ``body_ends``: where a body's type word ends before a surname's character (:meth:`_suffix_names`)."""
        found = []
        for begin in body_ends:
            size = _person_size(text, begin, strict=True)
            if size and PERSON_AFTER_BODY_END.match(text, begin + size) and not is_word(text[begin : begin + 2]):
                extras = {"role_at": begin, "role_end": begin}
                found.append(
                    Mention(begin, begin + size, text[begin : begin + size], "Person", "person-body", 1, extras=extras)
                )
        return found

    def _noted_persons(self, text: str) -> list[Mention]:
        """张伟（某某学院院长）: a name whose organisation and title follow in brackets (``note_at``: the bracket)."""
        found = []
        # (the pattern opens with the name, tried at every character of the text: only before a bracket here)
        for match in finditer_before(NOTE_OPENING, self.noted_role_re, text, (3, 2)):
            end = match.end(1)
            for size in (3, 2):
                start, name = end - size, text[end - size : end]
                if start < match.start(1):
                    continue
                if name[0] not in SURNAMES or not _name_like(name) or _has_type_char(name) or is_word(name):
                    continue
                before = text[start - 1 : start]
                after_word = any(text[max(0, start - n) : start] in STOP_MULTI for n in (2, 3))
                if (
                    before
                    and before not in BREAK
                    and before not in "，、；：。“"
                    and before not in STOP_SINGLE
                    and not after_word
                ):
                    continue  # 出席张伟（…）read as 席张伟: the name starts after the word before it
                extras = {"note_at": end}
                found.append(Mention(start, end, name, "Person", "person-note", 2, extras=extras))
                break
        return found

    def _noted_events(self, text: str, selected: list[Mention]) -> list[Mention]:
        """某某联合体（以下简称“联合体”）成立大会: the event named after a body whose short name is declared between
        them, named as without the note (某某联合体成立大会); what the note's words made inside it goes."""
        found: list[Mention] = []
        organisations = descendants("Organization")  # (a set lookup for each name, not a call of is_a)
        ends = {m.end: m for m in selected if not m.nested and not m.ref and m.cls in organisations}
        for note in DECLARED_SHORT.finditer(text) if "简称" in text else ():  # (a scan of the text: most have none)
            body = ends.get(note.start())
            if body is None or text[note.end() - 1] not in "）)":
                continue
            kind = self.suffix_re.match(text, note.end())
            cls = self.suffix_class[kind.group()][0] if kind is not None else ""
            if is_a(cls, "Event"):
                found.append(Mention(body.start, kind.end(), body.name + kind.group(), cls, "noted-event", 3))
        if not found:
            return selected
        inside = [(m.start, m.end) for m in found]
        kept = [m for m in selected if not (m.ref and any(a <= m.start and m.end <= b for a, b in inside))]
        return kept + found

    @staticmethod
    def _unnote_events(selected: list[Mention]) -> None:
        """某某大学与某某集团有限公司（以下简称某某集团）战略合作签约仪式: an event whose name holds a body's note is
        named without it, as the body is (see :func:`without_note`)."""
        events = descendants("Event")
        for mention in selected:
            if mention.cls in events:
                mention.name = without_note(mention.name)

    def _collectives(self, text: str) -> list[Mention]:
        """…等九大行动: the set an enumeration belongs to."""
        return [
            Mention(m.start(1), m.end(1), m.group(1), "Initiative", "collective", 3)
            for m in COLLECTIVE_RE.finditer(text)
        ]

    def _batches(self, text: str) -> list[Mention]:
        """A、B的“C”，一批“大思政课”实践教学基地: the batch is a designation its items hold."""
        found = []
        for match in BATCH_RE.finditer(text):
            found.append(Mention(match.start(1), match.end(1), match.group(1), "Designation", "batch", 4))
        return found

    def _policies(self, text: str) -> list[Mention]:
        """对深化教育综合改革作出全面部署: what a body decides on is an initiative."""
        return [Mention(m.start(1), m.end(1), m.group(1), "Initiative", "policy", 3) for m in POLICY_RE.finditer(text)]

    @staticmethod
    def _listed_majors(text: str) -> list[Mention]:
        """开设无人机技术应用、低空运营管理等特色专业: the majors a school offers, listed before one 专业 (each a
        course, named as written, as the lists closed by a count are: see _lists)."""
        found = []
        for match in finditer_from("开增新", LISTED_MAJORS, text):
            for item in re.finditer(f"[{CJK}]+", match.group("items")):
                start, end = match.start("items") + item.start(), match.start("items") + item.end()
                if 2 <= end - start <= 12 and not item.group().endswith("专业"):
                    found.append(Mention(start, end, item.group(), "Course", "listed-major", 2))
        return found

    # -- context passes over the selected mentions ------------------------------

    def _lists(self, text: str, selected: list[Mention]) -> list[Mention]:
        """Enumerations closed by a head noun type their items, naming the ones no other rule found."""
        by_end = {m.end: m for m in selected if not m.nested}
        taken = Occupancy(len(text), selected)
        added: list[Mention] = []
        dropped: set[int] = set()  # mentions an item replaces
        heads: list[tuple[int, str, Mention | None, int]] = [
            (m.start(), m.group("head"), None, 0)
            for m in LIST_HEAD.finditer(text)
            # (高等学校, 中等职业学校: 等 inside a word closes no list)
            if _plain_kind(m.group("mod"))
            and _plain_kind(m.group("quality"))
            and not is_word(text[m.start() - 1 : m.start() + 1])
        ]
        heads += [  # "，一批…学校": the items before it are of the batch's own head noun
            (m.start - 3, _batch_head(m.name), m, 0)
            for m in selected
            if m.rule == "batch" and text[m.start - 3 : m.start] == "，一批"
        ]
        # A、B两个专业: no 等, a count of exactly the items listed
        heads += [
            (m.start(), m.group("head"), None, DIGIT_VALUES.get(m.group("count")) or UNIT_VALUES[m.group("count")])
            for m in finditer_from(COUNTED_HEAD_FIRST, COUNTED_HEAD, text)
            if text[m.start() - 1 : m.start()] not in ("", "等", "余", "多", "第", "、", "，")  # 等三家: LIST_HEAD's
        ]
        for head_start, head, batch, count in heads:
            cls = HEAD_CLASS[head]
            if cls == "Company" and head == "品牌" and text[head_start - 1 : head_start] == "”":
                cls = "Program"
            items = self._list_items(text, head_start, by_end, fields=is_a(cls, "Program"))
            if count and len(items) > count and text[items[count][1] : items[count - 1][0]] in ("与", "和", "同"):
                items = items[:count]  # 学校与A、B、C三家企业: the list starts after the preposition
            elif count and len(items) == count + 1 and text[items[1][1] : items[0][0]] in ("与", "和"):
                items = [(items[1][0], items[0][1], None), *items[2:]]  # A、园林设计与施工两个专业: one major
            if count and len(items) != count:
                continue
            items = [*items[:-1], _without_verb(text, *items[-1])] if items else items
            if items and QUANTIFIED_START.match(text[items[-1][0] : items[-1][1]]):
                continue  # 吸引了众多新能源、装备制造等企业: a quantifier before the first item lists kinds, no names
            if cls == "Organization" and _trade_roll(text, items):
                cls = "Company"  # 奇瑞汽车、某某光电等数家用人单位: firms by their brands, the kind no word says
            if items and head in WEAK_GOVERNORS:
                # a weak head noun lists names only after its verbs (学校现有A、B等10个专业: from the verb on);
                # 提供A、B等专业支持: no list of majors
                start, end, mention = items[-1]
                verb = list(WEAK_GOVERNORS[head].finditer(text, max(0, start - 6), end))
                if not verb:
                    continue
                if mention is None and start < verb[-1].end() < end:
                    items[-1] = (verb[-1].end(), end, None)
            # 校长办公室、教务处等部门: a school's own offices (a division among them), no government's bodies
            offices = cls == "GovernmentAgency" and any(m is not None and m.rule == "division" for *_, m in items)
            for start, end, mention in items:
                if mention is not None:
                    if mention.rule == "quoted" and not compatible(mention.cls, cls) and cls != "Organization":
                        mention.cls = cls
                    if batch is not None:
                        mention.extras["batch"] = batch
                    continue
                name = text[start:end]
                quoted = text[start - 1 : start] == "“" and text[end : end + 1] == "”"
                if head not in NAMED_HEADS and not quoted and batch is None:
                    continue
                if not (2 <= len(name) <= 12) or not _has_cjk(name) or _generic(name) or cls == "Organization":
                    continue
                if offices:
                    continue
                if cls == "GovernmentAgency" and _common_phrase(name) and not standard_body(name):
                    continue  # 各企业的人力资源、技术研发等部门: a firm's functions, no bureaus
                if any(word in name for word in ("的", "了")) or name.endswith(ROLES):
                    continue  # (学工处处长、机电系班子成员及A、B等公司: people listed with the bodies, by a role)
                if taken.overlaps(start, end):
                    # 软件工程技术 in a list of majors: the item, not the 工程 (a program) its first words make
                    inside = [m for m in selected if start <= m.start and m.end <= end and not m.nested]
                    programs = [m for m in inside if is_a(m.cls, "Program") and m.rule == "suffix"]
                    if cls != "Course" or not programs or len(programs) < len(inside):
                        continue
                    dropped.update(id(m) for m in programs)
                item = Mention(start, end, name, refine_class(name, cls), "list", 2)
                taken.add(start, end)
                if batch is not None:
                    item.extras["batch"] = batch
                added.append(item)
        return [m for m in selected if id(m) not in dropped] + added

    def _counted_roll(self, text: str, selected: list[Mention]) -> list[Mention]:
        """某某市第一批研学实践教育基地有14家，分别为A、B、…N。: a roll whose count says where its names end.

        Every item of a list whose length the count before it gives is a name, with or without a type word
        (某某祠, 某某生态园): a body of the roll's kind (its head noun: 基地, 企业, 学校 …), or of its own type word's
        class; a note in brackets after it (某某公司（某某峡）) is no part of it.  Nothing when the items and the
        count disagree, or the count is of no bodies' kind (包括3个方面，分别是…).

        >>> text = "某某市第一批研学基地有3家，分别为青川祠、江北生态园、渝南公司。"
        >>> roll = Mention(0, 10, "某某市第一批研学基地", "Designation", "suffix")
        >>> [(m.name, m.cls) for m in Recognizer()._counted_roll(text, [roll])]
        [('青川祠', 'PracticeBase'), ('江北生态园', 'PracticeBase'), ('渝南公司', 'Company')]
        >>> Recognizer()._counted_roll("工作包括3个方面，分别是加强领导、完善机制、强化保障。", [])
        []
        """
        found: list[Mention] = []
        taken = Occupancy(len(text), selected)
        for match in ROLL_COUNT.finditer(text):
            count = match.group("count")
            number = int(count) if count.isdigit() else numeral(count)
            end = ROLL_END.search(text, match.end())
            stop = end.start() if end else len(text)
            items, start = [], match.end()
            for part in text[match.end() : stop].split("、"):
                items.append((start, start + len(part)))
                start += len(part) + 1
            if number != len(items):
                continue
            head = match.group("head") or next(
                (m.name for m in selected if m.end == match.start() - 1 and not m.nested), ""
            )  # 10个研学基地分别为, or 某某基地有14家，分别为
            word = next((w for w in HEAD_CLASS if head.endswith(w)), None)
            if word is None:
                continue  # 包括3个方面，分别是A、B: a count of no bodies' kind (方面, 任务), no names
            kind = HEAD_CLASS[word]
            for begin, finish in items:
                name = BRACKETED_NOTE.sub("", text[begin:finish]).strip()
                finish = begin + len(name) if text.startswith(name, begin) else finish
                if not (2 <= len(name) <= 30) or not _has_cjk(name) or taken.overlaps(begin, finish):
                    continue
                own = self.type_word(name)
                cls = self.suffix_class[own][0] if own else kind
                found.append(Mention(begin, finish, name, cls, "roll-count", 2))
        return found

    def _list_items(
        self, text: str, head_start: int, by_end: dict[int, Mention], fields: bool = False
    ) -> list[tuple[int, int, Mention | None]]:
        """The items of the enumeration that ends at ``head_start``, right to left, as (start, end, mention).

        ``fields``: items are majors or courses, whose names may join two fields (A、数控设备应用与维护、B等专业):
        与 / 和 inside the list, between two 、, joins them; before the last item it ends the list as elsewhere.
        """
        items: list[tuple[int, int, Mention | None]] = []
        end = head_start
        for _ in range(12):
            if end in by_end:
                mention = by_end[end]
                items.append((mention.start, mention.end, mention))
                start = mention.start
            elif text[end - 1 : end] == "”":
                opening = text.rfind("“", max(0, end - 30), end - 1)
                if opening < 0:
                    break
                items.append((opening + 1, end - 1, by_end.get(end - 1)))
                start = opening
            else:
                start = self.left_edge(text, end, limit=12)
                if start == end:
                    break
                comma = text.rfind("、", max(0, start - 8), start)
                if comma >= 0 and CJK_RUN.fullmatch(text[comma + 1 : start]) and items:
                    start = comma + 1  # 、可能科技、: between two commas of a list, a function word is the name's
                items.append((start, end, None))
            # an owner before the item: 市实验中学的“报国园”
            if text[start - 1 : start] == "的" and start - 1 in by_end:
                start = by_end[start - 1].start
            before = text[max(0, start - 2) : start]
            if before.endswith("、"):
                end = start - 1
            elif before == "以及":
                end = start - 2
            elif before[-1:] in ("和", "及", "与") and not is_word(text[start - 2 : start]):
                if fields and items[-1][2] is None and text[items[-1][1] : items[-1][1] + 1] == "、":
                    joined = self.left_edge(text, start - 1, limit=8)
                    if start - 1 - joined >= 2 and text[joined - 1 : joined] == "、":
                        items[-1] = (joined, items[-1][1], None)  # 数控设备应用与维护: one major
                        end = joined - 1
                        continue
                end = start - 1
            elif before.endswith("”") and text[start : start + 1] == "“":
                end = start
            else:
                break
        return items

    def _shared_suffix(self, text: str, selected: list[Mention]) -> list[Mention]:
        """孵化小鸡、制作扎染课程: the items before a named course share its type word."""
        added = []
        taken = Occupancy(len(text), selected)
        for mention in selected:
            if mention.rule != "suffix" or mention.cls not in KINDS["Course"]:
                continue
            suffix = next((s for s in ("课程", "课堂", "讲堂") if mention.name.endswith(s)), None)
            end = mention.start - 1
            if suffix is None or text[end : end + 1] != "、":
                continue
            start = self.left_edge(text, end, limit=8)
            chunk = text[start:end]
            if 2 <= len(chunk) <= 6 and _has_cjk(chunk) and not taken.overlaps(start, end):
                added.append(Mention(start, end, chunk + suffix, mention.cls, "list-shared", 2))
        return selected + added

    def _elliptical(self, text: str, selected: list[Mention]) -> list[Mention]:
        """川东果蔬加工、川西文旅康养和川北清洁能源行业产教融合共同体: three names sharing one tail.

        A platform's name after a list (items joined by 、 and a last 和 / 及 / 以及 / 与) lends its tail to
        each item: the part from 行业 / 产业 on (the field is the item), or, when the items are places
        (江北市、渝南市以及青川新区职业院校联盟), the part after the last item's place.  The dev-set
        guide expands such lists into full labels, though they are not verbatim in the text.  An item that
        is a place keeps its own mention (the city is named too): its expansion is an entity of its own
        (rule name-head), not a mention.
        """
        added = []
        taken = Occupancy(len(text), selected)
        for mention in selected:
            if mention.rule != "suffix" or mention.cls not in KINDS["Platform"] or mention.category:
                continue
            joined = JOINED_END.search(text[max(0, mention.start - 2) : mention.start])
            if joined is None:
                continue
            name = mention.name
            place = re.match(f"[{CJK}]{{2,8}}?(?:市|区|县|州|省)(?!级|域|属)", name)
            if place:
                tail = name[place.end() :]
            else:
                field = re.search("行业|产业", name[2:])
                tail = name[field.start() + 2 :] if field else ""
            if len(tail) < 2 or not self.type_word(tail):
                continue
            items = []
            end = mention.start - len(joined.group())
            while end > 0:
                start = self.left_edge(text, end, limit=10)
                item = text[start:end]
                if not 2 <= len(item) <= 9 or self.type_word_inside(item) or _generic(item):
                    break
                if bool(place) != bool(PLACE_NAME.fullmatch(item)):
                    break  # places with places, fields with fields
                items.append((start, end, item))
                if text[start - 1 : start] != "、":
                    break
                end = start - 1
            if not items or (len(items) == 1 and joined.group() == "、"):
                continue
            for start, end, item in items:
                if place:
                    added.append(Mention(start, end, item + tail, mention.cls, "name-head", 2, nested=True))
                elif not taken.overlaps(start, end):
                    added.append(Mention(start, end, item + tail, mention.cls, "elliptical", 2))
        return selected + added

    def _ranked_appositions(self, text: str) -> list[Mention]:
        """国家示范骨干高职院校——某某学院, 省级骨干职教集团——某某集团: a rank set before the name it is given.

        What stands before the dash names no body of its own (a rank and a kind): a designation."""
        found = []
        for dash in re.finditer("——", text):
            start = self.left_edge(text, dash.start(), limit=20)
            name = text[start : dash.start()]
            ranked = RANK_OPENER.match(name) or LEVEL_PREFIX.match(name) or name.startswith(("国家", "全国"))
            if 4 <= len(name) <= 20 and ranked and (self.type_word(name) or name.endswith(KIND_ENDINGS)):
                found.append(Mention(start, dash.start(), name, "Designation", "apposition", 3))
        return found

    def _ranked_after_copula(self, text: str) -> list[Mention]:
        """A、B为第三批市级示范学校: a batch's or a rank's title after 为 / 是 names a designation."""
        found = []
        for match in finditer_after(COPULA, RANKED_AFTER_COPULA, text):
            if text[match.start(1) - 1] == "为" and UNVEILED_AFTER.match(text, match.end()):
                continue  # 为A、B与C揭牌: 为 is "for", the names are those of what is unveiled, no titles
            while match is not None and _ranked_title(match.group(1)):
                found.append(Mention(match.start(1), match.end(1), match.group(1), "Designation", "ranked-copula", 3))
                match = RANKED_LISTED.match(text, match.end())
        return found

    def _roll_items(self, text: str) -> list[Mention]:
        """The lines under a roll's heading (某某市第二批研学实践教育基地名录): each names one holder.

        A list of bases, schools or companies names them whole, one a line, often without a type word
        (1.某某茶文创园, 某某生态农业园（某某区某某村）): each line's name, without its number and the
        note in brackets after it, is a body of the heading's kind.  At least two such lines."""
        found: list[Mention] = []
        lines = text.split("\n")
        offsets = list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))
        for index, line in enumerate(lines):
            stripped = line.strip()
            if not 4 <= len(stripped) <= 50 + ROLL_HEADING_LONGEST:
                # a heading over 50 characters, known without the scan of the line; one under 4 (the blank line
                # between two paragraphs: every other line) too, as the heading is no longer than the line
                continue
            heading = ROLL_HEADING.sub("", stripped)
            if not 4 <= len(heading) <= 50 or HEADING_BREAK.search(heading):
                continue
            kind = self.type_word(heading)
            cls = self.suffix_class[kind][0] if kind else ""
            if not (cls == "PracticeBase" or is_a(cls, "EducationalOrganization") or cls == "Company"):
                continue
            items, numbered = [], True
            for at in range(index + 1, len(lines)):
                item = ROLL_ITEM.fullmatch(lines[at])
                if item is None or re.search(r"\s", item.group("name").strip()) or item.group("name").isdigit():
                    break  # a line of prose, a byline (记者 张三) or a number: the roll is over
                items.append((offsets[at] + item.start("name"), item.group("name").rstrip()))
                numbered = numbered and item.start("name") > len(lines[at]) - len(lines[at].lstrip())
            # a roll says it is one (名单, 名录, a batch: 第二批…基地) or numbers its lines
            rolled = ROLL_WORD.search(line) or RANK_OPENER.search(heading) or numbered
            if len(items) >= 2 and rolled:
                found += [Mention(start, start + len(name), name, cls, "roll-item", 1) for start, name in items]
        return found

    def _list_headings(self, text: str) -> list[Mention]:
        """一、偏远农村学校(园)(认定…) over 1.某某中学 lines: the heading names the designation its items hold.

        Only a heading that names a kind of body (…学校, …单位, …院校), not a place's own body, and only
        when numbered items follow it; a note in brackets after the kind is not part of the name."""
        found = []
        # (tried where a line opens with a numeral, not at every character: ``^`` gives the engine nothing to skip to)
        starts = itertools.chain([0], (line.end() for line in LIST_HEADING_AFTER.finditer(text)))
        for heading in finditer_at(starts, LIST_HEADING_LINE, text):
            name = heading.group("name")
            note = NOTE_OPEN.search(name)
            if note is not None:
                name = name[: note.start()]
            kind = re.sub(r"[（(][\u4e00-\u9fff]{1,2}[)）]$", "", name)  # 学校(园): schools and kindergartens
            if not 4 <= len(name) <= 20 or re.search("[，。；：,;:]", name) or _place_start(name):
                continue
            if not LIST_ITEM_AFTER.match(text, heading.end()):
                continue
            type_word = self.type_word(kind)
            school_kind = type_word and is_a(self.suffix_class[type_word][0], "EducationalOrganization")
            if school_kind or kind.endswith(KIND_ENDINGS):
                start = heading.start("name")
                found.append(Mention(start, start + len(name), name, "Designation", "list-heading", 3))
        return found

    def _ranked_ellipsis(self, text: str, selected: list[Mention]) -> list[Mention]:
        """分别获批为国家级、市级名师工作室: each rank before the last names a designation of its own.

        The ranks share the last one's kind (国家级大师工作室, 省级大师工作室); the dev-set guide expands
        such lists into full labels.  What was read into the bare rank (为国家级) gives way to them."""
        added: list[Mention] = []
        for mention in selected:
            if mention.cls != "Designation" or mention.nested:
                continue  # (before the regex call: most names are no designation)
            level = LEVEL_PREFIX.match(mention.name)
            if level is None or level.end() == len(mention.name):
                continue
            kind = mention.name[level.end() :]
            end = mention.start
            while True:
                before = RANK_BEFORE.search(text, max(0, end - 8), end)
                if before is None:
                    break
                start = before.start("level")
                added.append(
                    Mention(
                        start, before.end("level"), before.group("level") + kind, "Designation", "elliptical-rank", 2
                    )
                )
                end = start
        if not added:
            return selected
        taken = Occupancy(len(text), added)
        kept = [m for m in selected if m.nested or not taken.overlaps(m.start, m.end)]
        return kept + added

    def _divisions(self, text: str) -> list[Mention]:
        """教务处处长某, 电气工程系主任某, 我校科研处: a school's office or department, named by its field.

        The head (处, 系, 部, 办公室) makes a name only where a title of its staff follows it, a reference
        to the school (学校, 我校, 该校) stands before it, or another such division follows it in a list
        (机械工程系、电气工程系主任某): 此处, 体系 and 全部 are none.  The field is the longest run of the
        dictionary's common words before the head (招生就业, 职业培训), with no proper name; a school
        named before it (某某学院教务处) owns the division (the pipeline links it, partOf).

        >>> [(m.name, m.cls) for m in Recognizer()._divisions("学院教务处处长王某、机电工程系主任李某到会。")]
        [('教务处', 'Organization'), ('机电工程系', 'College')]
        """
        found: list[tuple[Mention, bool]] = []
        for match in finditer_from(DIVISION_HEAD_FIRST, DIVISION_HEAD, text):
            head = match.start("head")
            issued = (  # 某某厅办公室印发…: the body's office, acting, named with it though no title follows
                match.group("head") == "办公室"
                and not match.group("title")
                and text[match.end() : match.end() + 1] not in "，。、；和及与等"
            )
            office = BUREAU_OFFICE.search(text, max(0, head - 9), head) if match.group("title") or issued else None
            field = office.group(1) if office is not None else ""
            if office is not None and "的" not in field and (field or match.group("head") == "办公室"):
                # 某某省教育厅职成处处长某, 某某局办公室主任某: the bureau's office, named with the bureau (see
                # _units_of_bureaus)
                name, end = field + match.group("head"), match.end("head")
                found.append((Mention(office.start(1), end, name, "GovernmentAgency", "bureau-unit", 3), True))
                continue
            window = text[self.left_edge(text, head, limit=12) : head]
            if len(window) < 2:  # the left edge stopped at a word a field may hold (职业培训部)
                window = _field_window(text, head)
            owner = _school_mark_end(window)
            field = window[owner:]
            size = next((n for n in range(min(len(field), 10), 1, -1) if _common_phrase(field[-n:])), 0)
            field = field[len(field) - size :]
            if text[max(0, head - size - 2) : head - size] == "对外" and size >= 2:
                field, size = "对外" + field, size + 2  # 对外联络处, 对外合作办: the left edge stopped at 对
            joined = FIELD_JOINED.search(text[max(0, head - size - 7) : head - size])
            if joined:  # 材料与化学工程系; 学院学生与就业服务处: the school before the first field owns the office
                first = joined.group()[_school_mark_end(joined.group()[:-1]) :]
                if len(first) >= 3 and _common_phrase(first[:-1]):
                    field, size = first + field, size + len(first)
            if size < 2 or field.startswith(("相关", "有关", "各", "全", "本", "该", "此", "其")):
                continue
            if any(is_a(self.suffix_class[m.group()][0], "Company") for m in self.suffix_re.finditer(field)):
                continue  # 某某股份有限公司数字事业部: a company's department, no school's; its staff the company's
            if match.group("head") == "办" and field.endswith(("委", "政府", "局")):
                continue  # 区委办, 市政府办: a government's office, not a school's
            if BODY_BEFORE.search(text, max(0, head - size - 6), head - size):
                continue  # 某某区教育委员会职成教处: a bureau's own office, whose staff the roll gives the bureau
            referred = (  # 学校教务处, 我校科研处, 某某学院教务处, 徐某院机电工程系: the school right before the field
                SCHOOL_MARK.search(text[max(0, head - size - 2) : head - size]) is not None
                or text[head - size - 1 : head - size] in ("院", "校")
            )
            if match.group("head") == "科" and _bureau_nearer(text[max(0, head - size - 40) : head - size]):
                continue  # 某某区教育局局长…，中小学教育科科长某: a bureau's section, its staff the bureau's
            name = field + match.group("head")
            cls = "College" if match.group("head") == "系" else "Organization"
            if PARTY_CHAIN.search(text, max(0, head - size - 8), head - size):
                # 县委常委、组织部部长某: the department of the party committee titled before it, no school's, and no
                # body of its own (the annotated sets give its head to the committee: 5 of 6 cases, none to it)
                continue
            mention = Mention(head - size, match.end("head"), name, cls, "division", 3)
            found.append((mention, match.group("title") is not None or referred))
        starts = {m.start for m, kept in found if kept}
        ends = {m.end for m, kept in found if kept}
        return [
            m
            for m, kept in found
            if kept
            or (text[m.end : m.end + 1] in "、和及" and m.end + 1 in starts)
            or text.startswith(UNITS_CLOSING, m.end)  # 某某与某某工程系等部门: a list of the school's units
            or (text[m.start - 1 : m.start] in "、和及" and m.start - 1 in ends)
        ]

    def _units_of_schools(self, selected: list[Mention]) -> list[Mention]:
        """兰州大学化学化工学院: a faculty named with its school's name is an educational organisation of its
        own (the dev-set guide), part of the school, not a college; 学院 alone does not make one."""
        for mention in selected:
            if mention.cls == "College" and mention.rule == "suffix" and SCHOOL_INSIDE.search(mention.name[:-2]):
                mention.cls = "EducationalOrganization"
        return selected

    def _core_class(self, group: Mention) -> str:
        """The class of the school a group is named after (某某小学教育集团: PrimarySchool), or ""."""
        core = self.type_word(re.sub("(?:教育)?集团$", "", group.name))
        cls = self.suffix_class[core][0] if core else ""
        return cls if is_a(cls, "EducationalOrganization") else ""

    def _owned_unit(self, text: str, start: int) -> bool:
        """某某教育集团的城北分校: a campus named after 的 and a body's name, one of its own, not a kind of school."""
        return text[start - 1 : start] == "的" and bool(self.type_word(text[max(0, start - 9) : start - 1]))

    def _units_of_groups(self, text: str, selected: list[Mention]) -> list[Mention]:
        """某某中学教育集团本部, 某某中学教育集团某某分校: a campus named with its group's name is one name (the
        dev-set guide's label), the group kept inside it (a unit, partOf the group)."""
        starts = {m.start: m for m in selected if not m.nested}
        for mention in selected:  # 某某中学教育集团某某分校 read whole: a campus of the group's core school
            at = mention.name.find("集团")
            if not mention.nested and mention.name.endswith(UNIT_ENDS) and at > 0 and mention.cls == "School":
                core = Mention(mention.start, mention.start + at + 2, mention.name[: at + 2], "", "")
                mention.cls = self._core_class(core) or mention.cls
        kept, dropped = [], set()
        for group in [m for m in selected if not m.nested and is_group(m.cls)]:
            unit = GROUP_UNIT.match(text, group.end)
            if unit is None:
                continue
            after = starts.get(group.end)
            if after is not None and after.end != unit.end():
                continue  # the name after the group is no campus of it
            cls = self._core_class(group)
            if not cls:
                continue
            if after is not None:
                dropped.add(id(after))
            kept.append(Mention(group.start, unit.end(), group.name + unit.group(), cls, "group-unit", 3))
            group.nested = True
        if not kept:
            return selected
        return [m for m in selected if id(m) not in dropped] + kept

    def _bracketed_units(self, text: str, selected: list[Mention]) -> list[Mention]:
        """某某小学(碧桂园校区), 某某幼儿园(新宜分园), 某某学校(含某某小学): a school's campus or branch named in
        brackets after it, an entity of the school's class (the dev-set guide annotates them, partOf it)."""
        schools = descendants("EducationalOrganization")  # (a set lookup for each name, not a call of is_a)
        by_end = {m.end: m for m in selected if not m.nested and (m.cls in schools or is_group(m.cls))}
        taken = Occupancy(len(text), selected)
        added = []
        for match in finditer_from("（(", BRACKETED_UNIT, text):
            parent = by_end.get(match.start())
            name = match.group("name")
            if parent is None or taken.overlaps(match.start("name"), match.end("name")):
                continue
            own = self.type_word(name)
            if own and not name.endswith(UNIT_ENDS):
                cls = self.suffix_class[own][0]
            elif is_group(parent.cls):  # 某某小学教育集团(碧桂园校区): a campus of the group's core school
                cls = self._core_class(parent)
            else:
                cls = parent.cls
            if is_a(cls, "EducationalOrganization"):
                added.append(Mention(match.start("name"), match.end("name"), name, cls, "bracket-unit", 3))
        return selected + added

    def _counted_groups(self, text: str, selected: list[Mention]) -> list[Mention]:
        """第一小学、第二小学、师大附小6个教育集团: each school listed leads a group named after it.

        The schools of the list are named in full (the place of the first one goes on to the bare ordinals:
        青川区第一小学、第二小学 → 青川区第二小学), and each group is the school's name and the head
        (青川区第二小学教育集团), an entity of its own (rule name-head: no mention stands for it).
        """
        added = []
        by_end = {m.end: m for m in selected if not m.nested}
        for match in finditer_from(COUNTED_GROUP_FIRST, COUNTED_GROUP, text, needs=COUNTED_GROUP_NEEDS):
            head = match.group("head")
            cls = self.suffix_class[head][0]
            items = [item for item in self._list_items(text, match.start(), by_end) if item[2] is not None]
            if len(items) < 2:
                continue
            items.reverse()
            first = items[0][2]
            place = PLACE_HEAD.match(first.name)
            for start, end, mention in items:
                if not is_a(mention.cls, "School"):
                    break
                if place and mention.name.startswith("第"):
                    mention.name = place.group() + mention.name  # 第二小学: 青川区第二小学
                mention.category = False  # 第三幼儿园6个教育集团: the count is the groups', not the school's
                name = mention.name + head
                added.append(Mention(start, end, name, cls, "name-head", 2, nested=True))
        return selected + added

    def _signing_events(self, text: str, selected: list[Mention]) -> list[Mention]:
        """某某学院与某某公司校企合作签约仪式: the ceremony of two parties, named by both (rule signing-event).

        The parties stay the text's mentions (they sign, they are listed); the ceremony is a mention nested over
        them, as the hand-annotated sets name it, and each party hosts it (see the relations' signing ceremonies).
        The first party may be the text's own school (我校与…): the resolver names the ceremony after the
        parties' entities.  A later 出席签约仪式 refers to the ceremony named before it (ref signing).

        >>> [m.name for m in Recognizer()._signing_events("青川学院与远航公司校企合作签约仪式举行。", [
        ...     Mention(0, 4, "青川学院", "University", "suffix"), Mention(5, 9, "远航公司", "Company", "suffix")])]
        ['青川学院与远航公司校企合作签约仪式']
        """
        bodies = [m for m in selected if not m.nested and not m.category and m.cls != "Person"]
        by_start = {m.start: m for m in bodies if not m.ref}
        # the ceremonies a name joins with 暨, by where they end (…签约暨某某学院揭牌仪式: one ceremony)
        kinds = descendants("Event")  # (a set lookup for each name, not a call of is_a)
        joined = {m.end: m for m in selected if m.cls in kinds and text[m.start - 1 : m.start] == "暨"}
        events = {m.end: m for m in selected if m.cls in kinds and not m.nested}
        found = []
        for first in bodies:
            if first.ref not in ("", *OWN_SCHOOL_REFS):
                continue
            second = by_start.get(first.end + 1)
            if second is None or text[first.end] not in "与和同":
                continue
            tail = SIGNING_NAME_TAIL.match(text, second.end)
            if tail is None:
                continue
            name = text[first.start : tail.end()]
            cls = "Conference" if name.endswith("会") else "Event"  # (…产教融合交流会: a meeting)
            found.append(Mention(first.start, tail.end(), name, cls, "signing-event", 2, nested=True))
            after = events.get(tail.end())
            if after is not None and after.start >= second.end and after is not joined.get(tail.end()):
                after.category = True  # A与B院地合作交流会暨签约仪式: the ceremony without its parties, not another
            inner = joined.get(tail.end())
            if inner is not None:  # one ceremony: the inner one is none, the body it unveils a name of its own
                inner.category = True
                unveiled = UNVEILED_BODY.fullmatch(inner.name)
                # (a branch's name in brackets after the body's: 某某产业学院（某某分院）)
                kind = self.type_word(BRACKETED_END.sub("", unveiled.group(1))) if unveiled else ""
                if kind and self._body_class(kind):
                    end = inner.start + len(unveiled.group(1))
                    cls = self.suffix_class[kind][0]
                    found.append(Mention(inner.start, end, unveiled.group(1), cls, "suffix", 2))
        if found:
            taken = Occupancy(len(text), selected)
            for match in SIGNING_AGAIN.finditer(text, found[0].end):
                if not taken.overlaps(match.start(1), match.end(1)):
                    found.append(Mention(match.start(1), match.end(1), match.group(1), "", "ref", 0, ref="signing"))
        return found

    def _listed_parties(self, text: str, selected: list[Mention]) -> None:
        """某某分校、某某小学签约揭牌仪式: an event named after the last party of a list is named after all of them,
        as the hand-annotated sets name it (the type word's name starts at the last party).

        >>> text = "青川分校、远帆小学签约仪式"
        >>> event = Mention(5, 13, "远帆小学签约仪式", "Conference", "suffix")
        >>> Recognizer()._listed_parties(text, [Mention(0, 4, "青川分校", "School", "suffix"), event])
        >>> event.name
        '青川分校、远帆小学签约仪式'
        """
        organisations = descendants("Organization")  # (a set lookup for each name, not a call of is_a)
        ends = {m.end: m for m in selected if not (m.nested or m.ref) and m.cls in organisations}
        for event in selected:
            if event.rule != "suffix" or event.nested or text[event.start - 1 : event.start] != "、":
                continue
            if not is_a(event.cls, "Event"):
                continue
            start = event.start
            while text[start - 1 : start] == "、" and start - 1 in ends:
                start = ends[start - 1].start
            if start == event.start or event.name != text[event.start : event.end]:
                continue
            kind = self.type_word(event.name)
            if kind and self.type_word_inside(event.name[: -len(kind)]):  # the name starts with a party
                event.start, event.name = start, text[start : event.end]

    def _held_subjects(self, text: str, selected: list[Mention]) -> list[Mention]:
        """某某产教联合体理事会年会暨某某研究院揭牌仪式在某地举行: the subject of a clause that says where an
        event is held is the event's whole name, bodies and all, as the hand-annotated sets name it.

        The event is a mention nested over the bodies its name holds (they stay names of their own); a
        shorter event the recogniser found inside it (学徒制…开班仪式 of 某某局学徒制…开班仪式) is part
        of it.  A name holding no body or place is left to the other rules (校企合作签约仪式 is a kind), unless
        the body's type word has no name of its own (水利建设产业学院…仪式), the name is quoted or has a theme of its
        own (匠心兴村——…签约仪式), or it follows its organisers' clause (由…主办的…交流会).

        >>> [m.name for m in Recognizer()._held_subjects("近日，青川产教联合体理事会会议在江北举行。", [
        ...     Mention(3, 9, "青川产教联合体", "IndustryEducationAlliance", "suffix")])]
        ['青川产教联合体理事会会议']
        """
        found: list[Mention] = []
        for match in _held_subject_matches(text):
            start, end = match.span("name")
            leading = text.rfind("的", start, end)  # 由某某局主办的某某论坛: the name starts after 的
            organised = (leading >= 0 and ORGANISERS_END.search(text, start, leading) is not None) or (
                start > 0 and _organised(text, start - 1)  # (tried right after the organisers' 的: a long clause)
            )
            if leading >= 0:
                start = leading + 1
            holding = max(text.rfind(verb, start, end) for verb in ("举行", "举办", "召开"))
            if holding >= 0:
                start = holding + 2  # A与B举行某某座谈会暨签约仪式在某地举行: the verb's object names the event
            name = text[start:end]
            kind = self.type_word(name.removesuffix("”"))  # (“某某对接洽谈会”在某地召开: the quoted name)
            # 某某小学校企合作签约活动: a signing, an event (the sets' class), though 活动 names a campaign
            held = "Event" if kind == "活动" else self.suffix_class[kind][0] if kind else ""
            if not is_a(held, "Event") and "暨" in name:
                # 某某联合体成立大会暨某某集团2023年理事会: the board's meeting, joined to a meeting before 暨
                first_kind = self.type_word(name[: name.index("暨")])
                if first_kind and is_a(self.suffix_class[first_kind][0], "Event"):
                    held = self.suffix_class[first_kind][0]
            if len(name) < 6 or not is_a(held, "Event"):
                continue
            if name.startswith(OWN_REFERENCE_STARTS):
                continue  # 本次会议, 我校…: a reference
            listed = [self.suffix_class[word][0] for word in map(self.type_word, name.split("、")[:-1]) if word]
            if any(is_a(cls, "Event") or cls == "Campaign" for cls in listed):
                continue  # 某某活动、某某座谈会: two events listed (A区、B区签约仪式 lists its parties)
            if any(m.start < end and start < m.end and not (start <= m.start and m.end <= end) for m in selected):
                continue  # a name across the edge: not one event's name
            inside = [m for m in selected if start <= m.start and m.end <= end and not m.category]
            bodies = [m for m in inside if not is_a(m.cls, "Event") and m.cls != "Person"]
            # a body's type word the recogniser found no name for (水利建设产业学院签约挂牌仪式)
            unnamed = not bodies and self.type_word_inside(name.removesuffix("”")[: -len(kind)])
            themed = "——" in name or "”" in name  # 匠心兴村——校企同行签约仪式: a theme of its own names it
            if not (bodies or unnamed or organised or themed) or any(m.ref not in ("", "event") for m in inside):
                continue  # (会议 of 某某理事会第三次会议 is a word of the name, no reference)
            first = min((m.start for m in inside), default=start)
            opening = text[start:first]
            if first > start and not NAME_OPENING.fullmatch(opening) and (not organised or opening == "“"):
                # 新一届某某委员会成立大会: the name starts with the body (not 由…主办的校地共建某某基地揭牌仪式: the
                # organisers' clause gives the whole name after 的, but for a quote that opens it)
                start, name = first, text[first:end]
            events = [m for m in inside if is_a(m.cls, "Event") or m.ref]  # (and the words that refer to one)
            if any((m.start, m.end) == (start, end) or m.nested for m in events):
                continue  # named already (a signing, a held ceremony, this very span)
            # the one event, under its whole name: 某某联盟年会暨某某研讨会 too (the annotated sets name 89 occasions
            # joined by 暨 whole, not as two events)
            for event in events:
                event.category = True
                # A与B“校企合作协议”签约仪式: the quoted event read first opened with B's name, which it took; B is
                # a name of its own again, a party of the whole event
                quote = text.find("“", event.start, event.end) if not event.ref else -1
                body_kind = self.type_word(text[event.start : quote]) if quote > event.start else ""
                if (
                    body_kind
                    and self._body_class(body_kind)
                    and quote - event.start > len(body_kind) + 1
                    and not any(m.start == event.start and m.end == quote for m in selected)
                ):
                    cls = self.suffix_class[body_kind][0]
                    found.append(Mention(event.start, quote, text[event.start : quote], cls, "suffix", 2))
            last = next((m for m in reversed(events) if m.end == end and not m.ref), None)
            cls = last.cls if last is not None else held
            if name.endswith("”") and "“" not in name:  # (the quote opens before the body it starts with)
                end, name = end - 1, name[:-1]
            found.append(Mention(start, end, name, cls, "held-subject", 2, nested=True))
        return found

    def _references(self, text: str, selected: list[Mention]) -> list[Mention]:
        found = []
        taken = Occupancy(len(text), selected)
        for match in finditer_from(BARE_COMPANY_FIRST, BARE_COMPANY, text):
            if not taken.overlaps(match.start(1), match.end(1)):
                found.append(Mention(match.start(1), match.end(1), match.group(1), "", "ref", 0, ref="company"))
        for match in finditer_from(BARE_GROUP_FIRST, BARE_GROUP, text):
            if not taken.overlaps(match.start(1), match.end(1)):
                found.append(Mention(match.start(1), match.end(1), match.group(1), "", "ref", 0, ref="group"))
        bare = [
            *finditer_from(BARE_SCHOOL_FIRST, BARE_SCHOOL, text),
            *finditer_from(BARE_SCHOOL_FIRST, BARE_SCHOOL_PARTY, text),
            *finditer_from(BARE_SCHOOL_FIRST, self.bare_school_named_re, text),
        ]
        for match in bare:  # 学院党委书记…, 学院与…签约, 学院张三院长: the school of the text
            if not taken.overlaps(match.start(1), match.end(1)):
                taken.add(match.start(1), match.end(1))
                kind = "college" if match.group(1) == "学院" else "school"
                found.append(Mention(match.start(1), match.end(1), match.group(1), "", "ref", 0, ref=kind))
        ends = set()
        # 此次职教峰会, 本场招聘会: the event named before
        for match in finditer_from(EVENT_REFERENCE_FIRST, self.event_ref_re, text):
            if not taken.overlaps(match.start(), match.end()):
                found.append(Mention(match.start(), match.end(), match.group(), "", "ref", 0, ref="event"))
                ends.add(match.end())
        for match in self.reference_re.finditer(text):
            if taken.overlaps(match.start(), match.end()) or match.end() in ends:
                continue
            kind = REFERENCES[match.group()]
            after = text[match.end() : match.end() + 1]
            if kind == "event" and not _ends_name(text, match.end()) and after not in "上中期现":
                continue  # 联席会议制度, 会议室: a compound noun, not the meeting of the text
            found.append(Mention(match.start(), match.end(), match.group(), "", "ref", 0, ref=kind))
        return found


def _without_verb(text: str, start: int, end: int, mention: Mention | None) -> tuple[int, int, Mention | None]:
    """The first item of a list without the verb that governs the list (提升|白岩饭店、…等实训基地), or the place
    that has the items (山东有|某某汽车、…等12家企业)."""
    if mention is None and end - start >= 4 and dictionary().get(text[start : start + 2]) == "v":
        return start + 2, end, mention
    has = text.find("有", start, min(end - 2, start + 5)) if mention is None else -1
    place = text[start:has] if has > start else ""
    if place and (dictionary().get(place) == "ns" or PLACE_NAME.fullmatch(place) or place in ("省", "市", "县", "区")):
        return has + 1, end, mention
    return start, end, mention


def _clean_after(text: str, at: int) -> bool:
    """True when a name may end before ``at``: punctuation, a function word or a dictionary word follows."""
    rest = text[at : at + 4]
    if not rest or not _has_cjk(rest[0]):
        return True
    if rest[0] in STOP_SINGLE or rest.startswith(STOP_MULTI_TUPLE):
        return True
    return is_word(rest[:2]) or is_word(rest[:3])


WEAK_NAME_END = BREAK | set("的等为和与及")  # what may follow a name a weak type word ends (as in _tail)
QUOTED_WHOLE = re.compile("“([^“”]+)”")  # a modifier that is a quotation and nothing else
GENERIC_PRONE = ("Event", "VocationalEducationPark", "Initiative", "Project")
# the initiatives common words name as often as a proper name does (长效机制, 实际行动; not 教育评价改革)
GENERIC_INITIATIVES = ("机制", "行动", "工程")


@lru_cache(maxsize=8192)  # asked of the same few names (6,500 calls, 96 names on 1 MiB of text)
def is_proper_name(modifier: str, suffix: str, cls: str) -> bool:
    """False when a name of an event, a park or a project is only a description: its type word after one or two
    common words (校企合作签约仪式, 技能大赛, 利用产业园, 战略合作项目), with no place, body, person, number or quoted
    brand that would single one out.

    Bodies and schools keep such names (海棠小学, 经济发展局: their common words are the name), and so do
    platforms and bases named after their field (智能制造实训基地, 教学实践基地), one-character type
    words (家长节), events whose name starts with a year (the caller's ``dated``) and those of a whole
    country, province or district (全国教育大会).

    >>> is_proper_name("校企合作", "签约仪式", "Conference"), is_proper_name("江北区", "技能大赛", "Competition")
    (False, True)
    >>> is_proper_name("长效", "机制", "Initiative"), is_proper_name("教育评价", "改革", "Initiative")
    (False, True)
    >>> is_proper_name("企业技术攻关", "项目", "Project"), is_proper_name("青川职中", "项目", "Project")
    (False, True)
    """
    if len(suffix) < 2 or not _generic_prone(cls):
        return True
    if cls == "Initiative" and suffix not in GENERIC_INITIATIVES:
        return True
    if "”" in modifier or not modifier:
        # “校企合作”签约仪式: a common phrase quoted, its subject; a quoted name (“青苗”计划) singles one out
        quoted = QUOTED_WHOLE.fullmatch(modifier)
        return bool(modifier) and not (quoted and cls in KINDS["Event"] and _common_phrase(quoted.group(1)))
    if _scoped_event(modifier):  # 全国教育大会: the one of the whole country
        return True
    if cls in KINDS["Project"] or suffix == "机制":
        # 校校合作项目, 企业技术攻关项目, 产学研长效合作机制: a project or a mechanism of common words only, however
        # long, is a kind (the annotated sets name no mechanism but quoted ones)
        return not _common_phrase(modifier.removeprefix("年"))
    return not (_plain(modifier) and _common_phrase(modifier))


@cache  # a few dozen classes, asked for every candidate name
def _generic_prone(cls: str) -> bool:
    """True for the classes whose names may be a mere description (see :func:`is_proper_name`)."""
    return any(is_a(cls, kind) for kind in GENERIC_PRONE)


MEMBER_WORDS = re.compile("盟校|成员校")  # what a member school is called before its name (see _tail)
COUNCILS = ("理事会", "董事会", "监事会")  # a body's councils, which meet (某某集团第四届理事会第一次会议)
PLACE_LAST = "区市县省州镇乡村旗盟"  # what a division's name ends with (a place before a body's type word)
# the end of a bureau's modifier that makes it a kind (各委办局, 相关科局, 当地政府, 各级政府, 区县教育局)
KIND_OF_BODIES = re.compile("(?:(?:各|相关|有关|当地)级?[科委办部门]*|(?:^|各)[省市区县州]{2,3})$")
PREPOSITIONS = set("在从向对把被给让")  # a preposition before a bare type word (在公司): no name ends its modifier


def _experimental_school(modifier: str) -> bool:
    """True for the modifier of an experimental school named by a common word (育才实验学校): a name, not a kind.

    >>> _experimental_school("育才实验"), _experimental_school("实验")
    (True, False)
    """
    return modifier.endswith("实验") and len(modifier) >= 4


def _common_word_end(text: str) -> bool:
    """True when ``text`` ends with a common word of two or three characters (毕业生, 学生), no name's part."""
    tags = dictionary()
    return any(
        len(text) >= n and is_word(text[-n:]) and tags.get(text[-n:], "") not in ("ns", "nr", "nz", "nt", "nrt")
        for n in (3, 2)
    )


def _after_resultative(text: str, start: int, head: int) -> int:
    """建设好特色产业学院, 履行好联合体职责: 好 completes the verb before it (do well), no name starts with it;
    nor with 起 after a verb the left edge stopped at (建立起某某互访机制), nor with 现 (now) after a comma
    before a place's body (张三，现某某区第六幼儿园教师; not 现代…, whose 代 starts no place)."""
    if text[start : start + 1] == "起" and dictionary().get(text[start - 2 : start], "") in ("v", "vn"):
        return start + 1
    if (
        text[start : start + 1] == "现"
        and text[start - 1 : start] in "，,、（("
        and _place_start(text[start + 1 : head])
    ):
        return start + 1  # 张三，现某某区第六幼儿园教师: now (at) the body, whose name starts with its place
    first = text.find("好", start, min(head, start + 4))
    if first < 0:
        return start  # nearly every name: no 好 to look at, the lookups below are skipped
    tags = dictionary()
    for at in range(first, min(head, start + 4)):
        if text[at] != "好":
            continue
        verb = text[max(0, at - 2) : at]
        if tags.get(verb, "") in ("v", "vn") and (at - 2 >= start or text[at - 2 : at] in STOP_WORDS or at == start):
            return at + 1
    return start


PRONOUNS = "他她它我你其"  # what opens a clause's subject, never a name
ACTING_ENDS = frozenset("委局会院厅司部团府办")  # the last characters of the bodies that act (区委, 某局, 某公司 …)
AFFILIATED = ("附属", "下属", "所属", "直属")  # 某某大学附属某某医院: the verb joins two parts of one name


def _clause_words(lead: str) -> bool:
    """True when ``lead`` holds a title or a word of a clause (拜访, 专程, 他): no part of a name.

    >>> _clause_words("校长王明拜访"), _clause_words("中国")
    (True, False)
    """
    if not CJK_RUN.fullmatch(lead):
        return False
    return bool(LONG_ROLE.search(lead)) or _verb_phrase(lead)


def _verb_phrase(lead: str) -> bool:
    """True when ``lead`` is a verb alone, or after an adverb, a pronoun or a stop word (亲自拜访, 他勉励): 国家技术
    转移 is a noun phrase, its verb no clause.

    >>> _verb_phrase("亲自拜访"), _verb_phrase("他勉励"), _verb_phrase("国家技术转移")
    (True, True, False)
    """
    tags = dictionary()
    for verb in (lead[-2:], lead[-3:]):
        if len(verb) >= 2 and tags.get(verb, "") == "v":
            rest = lead[: -len(verb)]
            if not rest or tags.get(rest, "") in ("d", "ad", "r") or rest in STOP_WORDS:
                return True
    return False


def _has_type_char(name: str) -> bool:
    """True when a three-character run ends like a body (教育局, 实训处), not a person."""
    return name[-1] in TYPE_CHARS


def _kind_phrase(text: str, mention: Mention) -> bool:
    """True for a platform's, program's or campaign's kind read as a name (no class of its own says so).

    After 等 a noun phrase names the kind of the items listed (A、B等科教融汇关键平台); a count inside
    (征集百余份活动) and a verb with its complement (履行好联合体…使命) make a phrase, not a name."""
    if mention.nested or mention.rule != "suffix" or "“" in mention.name or "《" in mention.name:
        return False
    if not (mention.cls in KINDS["Platform"] or mention.cls in KINDS["Program"] or mention.cls in KINDS["Campaign"]):
        return False
    if is_group(mention.cls):
        return False  # 等六个省级职业教育集团: counted groups are read by their own rule
    after_deng = text[mention.start - 1 : mention.start] == "等" and not is_word(
        text[mention.start - 2 : mention.start]
    )
    name = mention.name
    done = VERB_DONE.match(name)
    verb = done is not None and dictionary().get(done.group()[:-1]) == "v"  # 履行好, not 美好 / 友好
    return bool(after_deng or COUNT_INSIDE.search(name) or verb)


GROUP_CLASSES = ("CollaborativeEducationAlliance", "IndustryEducationAlliance")


@cache  # a few dozen classes: asked for most mentions of every sentence (the relation rules), answered once each
def is_group(cls: str) -> bool:
    """True for the classes of a group of bodies (教育集团, 职教集团, 联盟, 联合体, 共同体)."""
    return any(is_a(cls, c) for c in GROUP_CLASSES)


def _ranked_kind(name: str) -> bool:
    """True when a ranked alliance name is only a kind (省级骨干职教集团, 国家级市域产教联合体), not a body.

    区级联盟型集团化办学项目 is a project of alliances that a district runs: a body, not a rank."""
    return name.endswith(ALLIANCE_HEADS) and "集团化办学" not in name


PLACE_LEAD = re.compile(f"[{CJK}]{{2,5}}?[省市县区]")


# 开设A、B等特色专业 / 开设A和B专业: the majors listed after a verb of offering, before one 专业
# one major's name: no 等 / 和 / 及 (they end the items), nor 个 / 项 / 门 (a count of them)
MAJOR = rf"(?:(?![等和及个项门])[{CJK}]){{2,12}}?"
LISTED_MAJORS = re.compile(
    rf"(?:开设|开办|增设|新增|新设)[了有]?(?P<items>{MAJOR}(?:[、和及]{MAJOR}){{1,9}})"
    rf"(?:(?:等|[0-9一二两三四五六七八九十]+个)+[{CJK}]{{0,4}}?)?专业(?!群)"
)
NAMELESS_TAGS = ("d", "p", "c")  # adverbs, prepositions, conjunctions: words that hold no name's characters
TRADES_AFTER_NENG = ("科技", "电力", "电子", "环保", "新材", "能源", "技术", "实业", "股份", "集团", "动力", "装备")
BRACKETED_NOTE = re.compile(r"[（(][^（）()]*[)）]")  # 某某(某某园): a note inside a company's name


def place_length(name: str) -> int:
    """The length of the place ``name`` opens with (湖北 2, 襄阳市 3), 0 if none (asked after _place_start).

    >>> place_length("襄阳市明恩"), place_length("湖北明山青源"), place_length("华创")
    (3, 2, 0)
    """
    tags = dictionary()
    named = next((size for size in (4, 3, 2) if tags.get(name[:size]) == "ns"), 0)
    if named and name[named : named + 1] in "省市县区":
        return named + 1  # 襄阳市: the place's name, then its unit
    return named


@lru_cache(maxsize=8192)  # the same few names again and again (9,500 calls, 146 names on 1 MiB of text)
def _place_start(name: str) -> bool:
    """True when ``name`` starts with a place: 宿迁市…, 上海…, 江苏省…."""
    if name[:1] not in "省市县区" and PLACE_LEAD.match(name[:6]):
        return True
    if len(name) >= 2 and name[:2] not in _place_openings():
        return False  # no place of two to four characters starts so (most names): no lookup of the three
    tags = dictionary()
    return tags.get(name[:2]) == "ns" or tags.get(name[:3]) == "ns" or tags.get(name[:4]) == "ns"


# 6个教育集团: a count of groups after the list of the schools that lead them
COUNTED_GROUP = re.compile("(?:[0-9]{1,2}|[一二两三四五六七八九十]+)个(?P<head>教育集团|教育共同体|教共体|教育联盟)")
COUNTED_GROUP_FIRST = "0123456789一二两三四五六七八九十"  # where COUNTED_GROUP can start (see finditer_from)
COUNTED_GROUP_NEEDS = re.compile("个(?:教育集团|教育共同体|教共体|教育联盟)")  # what every match of it holds
PLACE_HEAD = re.compile(f"[{CJK}]{{1,6}}?[省市区县](?=第)")  # the place before an ordinal name (青川区第一小学)
# a policy document's title after the verb that issues it (印发关于…的通知), without 《》
POLICY_UNQUOTED = re.compile(
    f"关于(?:(?<=(?:下发|印发|出台|发布|制定)关于)|(?<=(?:下发了|印发了|出台了|发布了)关于))[{CJK}“”、]{{4,40}}?的"
    "(?:实施意见|指导意见|意见|通知|实施方案|工作方案|方案|批复|决定|办法)"
)
ZONE_RE = re.compile(
    "(?:（国家）|\\(国家\\))?(?:经济技术开发区|高新技术产业开发区|高新技术开发区|经济开发区|高新区|经开区|综合实验区"
    "|开发区|工业园区|工业园)"
)
ZONE_FIRST = "（(经高综开工"  # the characters ZONE_RE starts with (see finditer_from)


# 在南京举行: a city's name without 市 right before the verb of holding a meeting (in a long name: see _places)
# 在某某山庄颐和厅隆重举行, 在某某酒店举办: a named venue of a meeting (a room of it may follow), a place; a name
# holds no 的 (在美丽的某某休闲中心召开: the words before it describe the venue)
VENUE_PLACE = re.compile(  # 在 first, not a lookbehind: the engine then looks for 在 alone, not at every position
    f"在(?P<name>(?:(?!的)[{CJK}]){{2,10}}?(?:山庄|剧场|剧院|大剧院|大厦|宾馆|酒店|饭店|会议中心|会展中心|展览中心|国际会议中心"
    "|音乐厅|展示馆|展览馆|规划馆|科技馆|博物馆|图书馆|美术馆|会堂|礼堂|广场|公园|庄园|会馆|会所|体育馆|文化中心|艺术中心"
    "|休闲中心|度假村"
    "|谷)(?:大会堂|会堂|礼堂)?)"  # 在某某动力谷举行: a valley, as the parks of a city's industries call themselves
    f"(?=[{CJK}]{{0,8}}?(?:厅|室|楼)?(?:里|内)?[，,]?(?:隆重|正式|顺利|成功)?(?:举行|召开|举办|开幕))"
)


def _venue_places(text: str) -> list[Mention]:
    """The named venue of a meeting: a hotel, a hall or a theatre the text holds it in, a place (not its host).

    >>> [(m.name, m.cls) for m in _venue_places("开园仪式在青川金茂嘉悦酒店成功举行。")]
    [('青川金茂嘉悦酒店', 'Place')]
    """
    if "在" not in text:
        return []
    return [Mention(m.start("name"), m.end(), m["name"], "Place", "venue-place", 3) for m in VENUE_PLACE.finditer(text)]


VENUE_CITY = re.compile(f"(?<=在)([{CJK}]{{2,3}})(?=(?:隆重|正式|顺利|成功)?(?:举行|召开|举办|开幕|启动|闭幕))")
VENUE_AT = "在"  # see finditer_after


@cache
def _cities_by_head() -> dict[str, str]:
    """Prefecture-level cities and the municipalities by their names without 市 (南京 → 南京市)."""
    return _national_names()[0]


def _city_opening(words: str) -> bool:
    """True when ``words`` open with a prefecture-level city's short name, though a common word too (开封 is also
    "to unseal"): 开封某某学校 is a school of that city, not a kind of school.

    >>> _city_opening("开封机电工程"), _city_opening("机电工程")
    (True, False)
    """
    heads = _cities_by_head()
    return any(words[:size] in heads for size in (2, 3, 4))


@cache
def _division_heads() -> frozenset[str]:
    """The names of the national list of divisions, with and without 市 / 县 / 区 (绵阳市 → 绵阳)."""
    return _national_names()[1]


PLACE_OPENINGS_CACHE = user_cache.own("place-openings.marshal")  # see _place_openings


@cache
def _place_openings() -> frozenset[str]:
    """The first two characters of every place :func:`_known_place` knows of two to four characters: where no
    such pair starts, no place does (Recognizer._clause_lead tries every character of a name).

    Built from the place names of the dictionary (a pass over its 350,000 words, some 10 ms) and of the national
    list; kept in the user's cache folder (:mod:`kg.user_cache`) like :func:`_national_names`, and built again
    whenever the dictionary, a list or the code that reads them is not as it was.
    """
    key = user_cache.file_key([*_national_sources(), dictionary_file()])
    cached = user_cache.read(PLACE_OPENINGS_CACHE, key)
    if isinstance(cached, frozenset):
        return cached
    places = [word for word, tag in dictionary().items() if tag == "ns"]
    built = frozenset(name[:2] for name in (*places, *_division_heads()) if 2 <= len(name) <= 4)
    user_cache.write(PLACE_OPENINGS_CACHE, key, built)
    return built


NATIONAL_NAMES_CACHE = user_cache.own("national-names.marshal")  # see _national_names


def _national_sources() -> list[Path]:
    """The files :func:`_national_names` is built from: the national lists and the code that reads them."""
    return [
        reference.REFERENCE_DIR / "divisions.tsv",
        reference.REFERENCE_DIR / "universities.tsv",
        Path(reference.__file__),
        Path(__file__),
    ]


@cache
def _national_names() -> tuple[dict[str, str], frozenset[str], dict[int, frozenset[str]]]:
    """:func:`_cities_by_head`, :func:`_division_heads` and :func:`_listed_names`, built from the national lists.

    Reading the lists (csv rows made into references, 6,000 of them) is about 0.3 G instructions of every
    ``kg extract``, for names that change only with the lists: they are kept in the user's cache folder
    (:mod:`kg.user_cache`), built again whenever a list or the code that reads them is not as it was.
    """
    key = user_cache.file_key(_national_sources())
    cached = user_cache.read(NATIONAL_NAMES_CACHE, key)
    if isinstance(cached, tuple) and len(cached) == 3:
        return cached
    heads: dict[str, str] = {}
    names = set()
    for division in divisions():
        if division.cls == "City" and division.name.endswith("市") and division.details.get("level") != "county":
            heads[division.name[:-1]] = division.name
        names.add(division.name)
        if len(division.name) >= 3 and division.name[-1] in "市县区省":
            names.add(division.name[:-1])  # 绵阳, 山西: the short names texts use
    listed = [d.name for d in divisions() if len(d.name) >= 3] + [u.name for u in universities() if len(u.name) >= 4]
    by_size = {size: frozenset(n for n in listed if len(n) == size) for size in {len(n) for n in listed}}
    built = (heads, frozenset(names), by_size)
    user_cache.write(NATIONAL_NAMES_CACHE, key, built)
    return built


def school_kind(name: str, type_word: str) -> bool:
    """True for a kind of school that reads as a name: 江北新区中小学 (a place's primary and secondary schools),
    新时代大中小学, 应用型大学 and 产业伙伴型大学 (a kind by its aims).

    >>> school_kind("青川区中小学", "小学"), school_kind("应用型大学", "大学"), school_kind("青川中心小学", "小学")
    (True, True, False)
    """
    modifier = name[: len(name) - len(type_word)]
    return modifier.endswith("型") or (type_word == "小学" and modifier.endswith("中"))


def division_starts(text: str) -> bool:
    """True when ``text`` starts with a division's name, short forms too (湖北 of 湖北省, 广西 of 广西壮族自治区).

    Only the national list of divisions: the dictionary's place tags also cover common words (智联)."""
    heads = _division_heads()
    for size in (2, 3):
        head = text[:size]
        if len(head) == size and (head in heads or head + "省" in heads or _region_heads().get(head)):
            return True
    return False


def province_starts(text: str) -> bool:
    """True when ``text`` starts with a province's or an autonomous region's name (湖北…, 广西…, 上海…).

    >>> province_starts("湖北流体技术有限公司"), province_starts("北流体技术有限公司")
    (True, False)
    """
    head = text[:2]
    return head + "省" in _division_heads() or head in MUNICIPALITIES or bool(_region_heads().get(head))


MUNICIPALITIES = ("北京", "天津", "上海", "重庆")


@cache
def _region_heads() -> dict[str, bool]:
    """The short names of the autonomous regions (广西, 内蒙古 …): their first two and three characters."""
    return {name[:size]: True for name in _division_heads() if name.endswith("自治区") for size in (2, 3)}


# 合作企业某某公司, 示范高中某某市第一中学: a kind of body before a name that starts with a place, its apposition
APPOSITIVE_KINDS = ("企业", "单位", "院校", "高校", "学校", "高中", "公司")
GENERIC_PLATFORMS = ("平台",)  # a type word that common words before it describe, never name
EDGE_RULES = ("suffix", "place", "zone")  # the rules whose names start where left_edge stopped
BRANCH_ENDS = ("分行", "支行", "分公司", "分院", "分校", "分局", "分会", "分中心")
CLAUSE_TAGS = ("v", "d", "ad", "p", "r", "t", "vd", "c")  # a verb, adverb, preposition, pronoun or time word


@cache
def _listed_names() -> dict[int, frozenset[str]]:
    """Length → the national lists' full names a name may start with: divisions with their 市 / 县 / 区 (three
    characters or more) and institutions."""
    return _national_names()[2]


def is_listed_name(name: str) -> bool:
    """True when ``name`` is the full name of a listed division or institution (绵阳市, 江油市, 某某职业技术学院).

    >>> is_listed_name("江油市"), is_listed_name("江油")
    (True, False)
    """
    return name in _listed_names().get(len(name), ())


def _listed_start(name: str, place: bool) -> bool:
    """True when ``name`` starts with a listed division's or institution's full name (a place: or is a
    division's short name, 北镇 of 北镇市).

    >>> _listed_start("桑植县教育局", False), _listed_start("科技有限公司", False)
    (True, False)
    """
    if place and name in _division_heads():
        return True
    if name[:3] not in _listed_openings():  # most names: no listed name starts so
        return False
    return any(name[:size] in names for size, names in _listed_names().items() if size <= len(name))


@cache
def _listed_or_division_openings() -> frozenset[str]:
    """The first two characters of every division's name (short ones too) and every listed full name: where
    none stands, neither :func:`division_starts` nor :func:`_listed_start` finds a name (Recognizer._after_clause
    asks them at up to six positions of every name)."""
    names = (*_division_heads(), *(name for names in _listed_names().values() for name in names))
    return frozenset(name[:2] for name in names)


@cache
def _listed_openings() -> frozenset[str]:
    """The first three characters of every listed full name (see :func:`_listed_names`)."""
    return frozenset(name[:3] for names in _listed_names().values() for name in names)


def _clause_lead_words(lead: str) -> bool:
    """True when ``lead`` reads as the words of a clause: split into dictionary words from the right, the last
    a verb, an adverb, a preposition, a pronoun or a time word, and none a name (国网, 中铁: a brand).

    >>> [_clause_lead_words(lead) for lead in ("齐聚", "学习借鉴", "我省", "国网")]
    [True, True, True, False]
    """
    if not CJK_RUN.fullmatch(lead):
        return False
    if lead in REFERENCES or lead in STOP_WORDS:
        return True
    if _known_place(lead) or division_starts(lead):
        return False  # 绵阳涪城区: a city, then its district
    tags, words_tags, end = dictionary(), [], len(lead)
    while end > 0:
        for size in range(min(4, end), 0, -1):
            tag = tags.get(lead[end - size : end])
            if tag is not None:
                words_tags.append(tag)
                end -= size
                break
        else:
            return False  # a character no word holds: a name's part
    if any(tag in ("ns", "nr", "nt", "nz", "j", "nrt", "nrfg") for tag in words_tags):
        return False
    return words_tags[0] in CLAUSE_TAGS


def _after_division(text: str, at: int) -> bool:
    """True when the character before ``at`` follows a listed district's or county's full name: the character
    at ``at`` (和) belongs to a town's name (某某县太和镇), not to the clause.

    >>> _after_division("广元市青川县太和第一小学", 7), _after_division("江北学院与青川大学", 4)
    (True, False)
    """
    names, head = _listed_names(), at - 1
    if head < 3 or not CJK_RE.fullmatch(text[head]) or text[head] in TYPE_CHARS or text[head - 1] not in "区县":
        return False
    return any(text[head - size : head] in names.get(size, ()) for size in range(3, 8))


def _units_of_bureaus(selected: list[Mention]) -> list[Mention]:
    """某某省教育厅 + 高教处 (处长某): a bureau's office is named with the bureau, which stays a name inside it
    (the office is part of it: the pipeline's named parts).  An office no bureau's name stands right before
    is dropped: its staff are the bureau's, as the text gives them."""
    bureaus = {m.end: m for m in selected if not m.nested and m.cls == "GovernmentAgency" and m.rule != "bureau-unit"}
    kept: list[Mention] = []
    for mention in selected:
        if mention.rule != "bureau-unit":
            kept.append(mention)
            continue
        bureau = bureaus.get(mention.start)
        if bureau is None:
            continue
        bureau.nested = True
        name = bureau.name + mention.name
        kept.append(replace(mention, start=bureau.start, name=name))
    return kept


def _bureau_nearer(before: str) -> bool:
    """True when a government body's type word (局, 委, 厅) was written after the last school word in ``before``.

    >>> _bureau_nearer("某某区教育局副局长张某，"), _bureau_nearer("某某局领导来到某某技师学院，副院长马某，")
    (True, False)
    """
    bureau = max(before.rfind(word) for word in ("局", "委", "厅"))
    school = max(before.rfind(word) for word in ("学院", "学校", "院长", "校长", "大学"))
    return bureau > school


def _completed_by_earlier(text: str, selected: list[Mention]) -> list[Mention]:
    """某省某阳集团 … 向某阳集团董事长: a name cut at a function word (向正|阳集团) that an earlier name ends with
    is that name's end; the characters before it in the text that continue the earlier name belong to it.

    >>> [m.name for m in _completed_by_earlier("江北正阳集团。向正阳集团", [
    ...     Mention(0, 6, "江北正阳集团", "Company", "suffix"), Mention(9, 12, "阳集团", "Company", "suffix")])]
    ['江北正阳集团', '正阳集团']
    """
    earlier: dict[str, dict[str, None]] = {}  # the names so far by their last three characters, each once
    ends = {m.end for m in selected}
    result = []
    for mention in selected:
        if mention.rule == "suffix" and mention.cls in KINDS["Organization"] and mention.start - 1 not in ends:
            for name in earlier.get(mention.name[-3:], ()):
                if len(name) <= len(mention.name) or not name.endswith(mention.name):
                    continue
                head, k = name[: len(name) - len(mention.name)], 0
                while k < len(head) and mention.start - k - 1 >= 0 and text[mention.start - k - 1] == head[-k - 1]:
                    k += 1
                if k:
                    start = mention.start - k
                    mention = replace(mention, start=start, name=text[start : mention.end])
                    break
        if mention.cls in KINDS["Organization"] and not mention.ref and len(mention.name) >= 4:
            earlier.setdefault(mention.name[-3:], {})[mention.name] = None
        result.append(mention)
    return result


# 某某新城第二学校、第三小学: a school named by its number alone, after another of the list named with its place
NUMBERED_SCHOOL = re.compile("第[一二三四五六七八九十]{1,3}(?:小学|中学|学校|幼儿园|初级中学|高级中学|实验学校)")
SCHOOL_NUMBER = re.compile("第[一二三四五六七八九十]{1,3}")


def _elided_school_heads(text: str, selected: list[Mention]) -> list[Mention]:
    """某某新城第二学校、第三小学 / 某某大学附属中学、附属小学: a school named by its number or as 附属 alone right
    after another numbered or affiliated school of a list shares that one's place or university (the dev-set
    guide's full label; the span stays the text's).

    >>> first = Mention(0, 8, "江北新城第二学校", "School", "suffix")
    >>> second = Mention(9, 13, "第三小学", "PrimarySchool", "suffix")
    >>> [m.name for m in _elided_school_heads("江北新城第二学校、第三小学", [first, second])]
    ['江北新城第二学校', '江北新城第三小学']
    """
    organisations = descendants("Organization")  # (a set lookup for each name, not a call of is_a)
    by_end: dict[int, Mention] = {}
    result = []
    for mention in selected:
        previous = by_end.get(mention.start - 1) if mention.name.startswith(("第", "附属")) else None
        if previous is not None and text[mention.start - 1] in "、和及与":
            if NUMBERED_SCHOOL.fullmatch(mention.name):
                number = SCHOOL_NUMBER.search(previous.name)
                head = number.start() if number is not None else -1
            else:
                head = previous.name.find("附属") if mention.name.startswith("附属") else -1
            if head >= 2:
                mention = replace(mention, name=previous.name[:head] + mention.name, rule="elliptical")
        if not mention.nested and mention.cls in organisations:
            by_end[mention.end] = mention  # (a school's group of the list too: 某某大学附属幼儿园教育集团)
        result.append(mention)
    return result


def _after_titled_persons(candidates: list[Mention]) -> list[Mention]:
    """院长张三某某有限公司董事长…: a company's name that took in the titled person before it (the text lost a
    separator) starts after the person.

    >>> person = Mention(2, 4, "张三", "Person", "person", extras={"role_at": 0})
    >>> company = Mention(0, 10, "院长张三远帆有限公司", "Company", "suffix")
    >>> [m.name for m in _after_titled_persons([person, company])]
    ['张三', '远帆有限公司']
    """
    titled = {m.end: m for m in candidates if m.rule == "person" and m.extras.get("role_at", -1) >= 0}
    if not titled:
        return candidates
    ends = sorted(titled)
    companies = KINDS["Company"]
    result = []
    for mention in candidates:
        if mention.rule == "suffix" and mention.cls in companies:
            # the last titled person that ends four characters before the name's end or earlier and starts inside it
            # (walked back from there by bisection: a company's name is not compared with every person of the text)
            at = bisect.bisect_right(ends, mention.end - 4) - 1
            while at >= 0 and ends[at] > mention.start and titled[ends[at]].start <= mention.start:
                at -= 1
            if at >= 0 and ends[at] > mention.start and titled[ends[at]].extras["role_at"] >= mention.start:
                start = ends[at]
                mention = replace(mention, start=start, name=mention.name[start - mention.start :])
        result.append(mention)
    return result


def _trimmed_to_known(selected: list[Mention], type_word: Callable[[str], str]) -> list[Mention]:
    """…对学校的发展和某某基地, 投资兴建某某基地: a name whose left edge took the words of a clause (a verb, a
    conjunction last) before a name the text gives elsewhere starts where that name does: a name of its own, or
    the end of a name after its owner's (某某学院某某基地: ``type_word`` ends the owner's).

    The name found elsewhere must single one out (a place, a brand: not 创新中心 alone), so a name whose own first
    words read as a verb (联合创新中心 of a body) keeps them.

    >>> r = Recognizer()
    >>> [m.name for m in _trimmed_to_known([Mention(0, 11, "江北学院安居汽车实训基地", "TrainingBase", "suffix"),
    ...     Mention(12, 23, "发展和安居汽车实训基地", "TrainingBase", "suffix")], r.type_word)]
    ['江北学院安居汽车实训基地', '安居汽车实训基地']
    """
    known: dict[str, list[str]] = {}  # the names of the text by their last three characters
    for mention in selected:
        if mention.cls in KINDS["Organization"] and not mention.ref and len(mention.name) >= 6:
            known.setdefault(mention.name[-3:], []).append(mention.name)
    if sum(map(len, known.values())) < 2:
        return selected
    result = []
    for mention in selected:
        for name in known.get(mention.name[-3:], ()) if mention.rule == "suffix" and not mention.nested else ():
            if name == mention.name or name[-6:] != mention.name[-6:]:
                # the name itself (most pairs: the text's names are known by their own last three characters), no
                # lead before it; or fewer than six characters alike at the end: both passed over below, uncounted
                continue
            size = next(
                (k for k in range(min(len(name), len(mention.name))) if name[-k - 1] != mention.name[-k - 1]),
                min(len(name), len(mention.name)),
            )  # the characters the two names end with alike
            lead, owner = mention.name[:-size], name[:-size]
            if size < 6 or not lead or (owner and not type_word(owner)) or _common_phrase(name[-size:-3]):
                continue
            if _clause_lead_words(lead):
                mention = replace(mention, start=mention.start + len(lead), name=mention.name[len(lead) :])
                break
        result.append(mention)
    return result


@cache
def _central_names() -> ahocorasick.Automaton:
    """The central bodies of the reference list (教育部, 国务院 …), by name and short name, as an automaton: one
    pass over a text finds them all (a find of each of the 53 names was twice its cost; a regex scan for the
    characters they start with, common ones among them, more)."""
    central = [body for body in bodies() if body.details["scope"] == "central"]
    return words_automaton(name for body in central for name in (body.name, *body.aliases))


def _central_bodies_named(text: str) -> list[Mention]:
    """The central ministries and bodies ``text`` names (教育部、财政部等六部门印发…): by the reference list's names,
    below every other rule (教育部职业教育发展中心 is a name of its own), and not where the last character starts a
    word with the next (教育部署, 财政部门: no ministry).

    >>> [(m.name, m.start) for m in _central_bodies_named("教育部、国家发改委等部门印发通知，财政部门落实部署。")]
    [('教育部', 0), ('国家发改委', 4)]
    """
    found = []
    for start, end in leftmost_longest(_central_names(), text):  # (leftmost, longest: as their trie pattern's)
        if end < len(text) and is_word(text[end - 1 : end + 1]):
            continue
        found.append(Mention(start, end, text[start:end], "GovernmentAgency", "central-body", 1))
    return found


def _bracketed_groups(text: str, selected: list[Mention]) -> list[Mention]:
    """某某中学（集团）: the education group a school heads, named after it with 集团 in brackets (the school
    stays a name of its own, nested; the pipeline reads the group as led by it).

    >>> school = Mention(0, 4, "江北中学", "SecondarySchool", "suffix")
    >>> [(m.name, m.cls) for m in _bracketed_groups("江北中学（集团）揭牌", [school])]
    [('江北中学（集团）', 'CollaborativeEducationAlliance'), ('江北中学', 'SecondarySchool')]
    """
    result = []
    for mention in selected:
        if is_a(mention.cls, "School") and text.startswith("（集团）", mention.end):
            end = mention.end + len("（集团）")
            name = text[mention.start : end]
            # (inside a ceremony's name, 某某中学（集团）揭牌仪式, the group is a name nested in it too)
            group = "CollaborativeEducationAlliance"  # an education group of schools
            result.append(Mention(mention.start, end, name, group, "school-group", 3, nested=mention.nested))
            mention = replace(mention, nested=True)
        result.append(mention)
    return result


def _known_place(name: str) -> bool:
    """True when ``name`` is a division (绵阳, 宜宾市) or a place the dictionary tags ns."""
    return name in _division_heads() or dictionary().get(name, "") == "ns"


# the values of a Chinese numeral's characters, its digits and its units (kg.extract.relations reads numerals by them)
DIGIT_VALUES = dict(zip("零〇一二两三四五六七八九", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
UNIT_VALUES = {"十": 10, "百": 100, "千": 1000}


def numeral(text: str) -> int | None:
    """The value of a numeral written the textbook way (三百二十五, 十二, 两千零五十, 一百零五), else None.

    Digits alone are read one by one (二〇二四, 一一).  What ``cn2an.cn2an(text, "smart")`` gives for
    these (tests compare every numeral of up to five characters); anything else (三百五, 一千两百) is
    left to cn2an, whose import costs more than extracting a short text.

    >>> numeral("三百二十五"), numeral("十二"), numeral("两千零五十"), numeral("二〇二四"), numeral("三百五")
    (325, 12, 2050, 2024, None)
    """
    if all(char in DIGIT_VALUES for char in text):
        return int("".join(str(DIGIT_VALUES[char]) for char in text))
    total, digit, last_unit = 0, None, 10_000
    zero = after_zero = False  # a 零 waits for its digit; the digit that follows one
    for position, char in enumerate(text):
        if char in UNIT_VALUES:
            unit = UNIT_VALUES[char]
            if unit >= last_unit or zero or (after_zero and unit * 10 >= last_unit):
                return None  # places go down; a 零 stands for at least one missing place (一千零一百 is no numeral)
            if digit is None:
                if position or unit != 10:  # 十二: a leading 十 is one ten; 百 alone is not a numeral here
                    return None
                digit = 1
            total += digit * unit
            digit, last_unit, after_zero = None, unit, False
        elif char in DIGIT_VALUES:
            value = DIGIT_VALUES[char]
            if digit is not None:  # two digits in a row after a place (三百二一): not this reading
                return None
            if value == 0:  # 一百零五: a zero stands for the missing places, after a hundred or a thousand
                if zero or last_unit in (10, 10_000):
                    return None
                zero = True
                continue
            if char == "两" and last_unit != 10_000 and not zero:
                return None  # 两 after a place (一千两百): cn2an reads the rest its own way
            digit, zero, after_zero = value, False, zero
        else:
            return None
    if zero:
        return None
    if digit is None:
        return total
    if last_unit not in (10, 10_000) and not after_zero:
        return None  # 三百五 is 350 when spoken: left to cn2an
    return total + digit


# a count of the items right after a list without 等 (A、B两个专业, A、B、C三家企业): see _lists
COUNTED_HEAD_FIRST = "两三四五六七八九十"  # (see finditer_from: a find of each, not a class tried everywhere)
COUNTED_HEAD = re.compile(
    rf"(?P<count>[{COUNTED_HEAD_FIRST}])(?:个|家|所|项)(?P<head>{'|'.join(map(re.escape, HEAD_CLASS))})"
)


def _plain_kind(modifier: str | None) -> bool:
    """True when the words between a list's count and its head only qualify the head (骨干及新兴企业).

    等3个系部主任分别与合作企业: a clause, the head belongs to another phrase.
    """
    if not modifier:
        return True
    rest = modifier.replace("及", "").replace("和", "")
    # a stop character inside a word is none (本 of 职业本科专业)
    stray = any(
        ch in STOP_SINGLE and not (is_word(rest[i - 1 : i + 1]) or is_word(rest[i : i + 2]))
        for i, ch in enumerate(rest)
    )
    return not stray and not _holds_stop_word(rest) and "人" not in rest


@cache
def _stop_word_re() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(STOP_MULTI))))  # (built when first asked: few texts ask)


def _holds_stop_word(text: str) -> bool:
    """True when a stop word of two characters or more stands anywhere in ``text``: one search, not a find for
    each of some 500 words.

    >>> _holds_stop_word("组织师生"), _holds_stop_word("锦园雅居")
    (True, False)
    """
    return _stop_word_re().search(text) is not None


def _school_mark_end(text: str) -> int:
    """Where the last word that may name a school (学院, 我校, 大学 …) ends in ``text``, or 0.

    >>> _school_mark_end("某某学院电子"), _school_mark_end("电子")
    (4, 0)
    """
    return max((m.end() for m in SCHOOL_MARK.finditer(text)), default=0)


def _listed_place_start(text: str, start: int, cls: str) -> int:
    """…、聊城正达置业集团, 代表青川正达置业集团: a firm's name starts with its place though a character the
    left edge stops at (正, 在 …) follows the place; in a list (after 、) 和 and 及 may too.

    >>> _listed_place_start("信达集团、聊城正达置业集团", 8, "Company")
    5
    >>> _listed_place_start("代表聊城正达集团", 5, "Company")
    2
    """
    if start < 3 or text[start - 1] not in STOP_SINGLE or cls not in KINDS["Organization"]:
        return start
    if text[start - 1] == "等":
        return start  # A、B等学校: 等 ends the list, the kind after it is no item's name
    separator = text.rfind("、", max(0, start - 6), start)
    # without a separator, only the characters the tests below read (a type word and one more): the slice from
    # the text's start copied up to a block's length, for some 1,900 names on 1 MiB of text
    head = text[separator + 1 : start] if separator >= 0 else text[max(0, start - HEAD_TAIL) : start]
    if text[start - 1] in "与和及" and (head[:-1].endswith(BODY_WORDS) or head[-2:-1] in "区市县省州旗等"):
        # …、某某大学与某某公司, …、某某新区与某某大学: two parties, the first ends with its type word; …、B等与C:
        # the list ends with 等, C is the other party
        return start
    if separator >= 0 and 3 <= len(head) <= 5 and CJK_RE.fullmatch(head[0]) and division_starts(head):
        return separator + 1  # …、贵州新远之光食品有限公司: a list's item starts at its separator
    for size in (2, 3):
        place = text[start - 1 - size : start - 1]
        listed = text[start - 2 - size : start - 1 - size] == "、"
        bare = place[-1:] not in "区市县省州" and text[start - 1] not in "和与及以为是的了将在对把被向从"
        if (listed or bare) and len(place) == size and place in _division_heads():
            return start - 1 - size  # not 大足区以…平台: a place, then a preposition of the clause
    return start


def _list_item_start(text: str, start: int, cls: str) -> int:
    """、立本智能科技有限公司, 、聚能港创新中心, 、锦园雅居之选酒店: a body's brand may hold a character the left edge
    stops at (本, 之, 能); in a list, one to four characters after the separator, the name starts at the separator.

    >>> _list_item_start("甲公司、立本智能科技有限公司", 6, "Company")
    4
    >>> _list_item_start("甲中心、聚能港创新中心", 6, "Platform")
    4
    """
    if cls not in KINDS["Organization"] or start < 3:
        return start
    if text[start - 1] not in STOP_SINGLE or text[start - 1] in LIST_WORDS or text[start - 1] in ASPECT_PARTICLES:
        return start  # (参观和调研了某某公司: a verb's particle, no brand's character)
    if text[start - 2] == "、" and text[start - 1] not in FUNCTION_OPENINGS:
        return start - 1  # 、应帆集团: the brand opens with the character (no preposition: 、在某某公司)
    for size in (1, 2, 3, 4):  # (锦园雅居之选酒店: a brand of four characters before 之)
        lead = text[start - 1 - size : start - 1]
        listed = text[start - 2 - size : start - 1 - size] in ("、", "和", "及")  # …、A和某正…: the last item too
        if size > 2 and (
            not CJK_RUN.fullmatch(lead)
            or set(lead) & BODY_OR_PLACE_ENDS
            or lead[0] in SURNAMES
            or _holds_stop_word(lead)
        ):
            # (a longer brand: Chinese characters only, none a body's or a place's name ends with, no person's name
            # nor a verb: 、某某县政府对某某学院, 、组织师生到中心, 、张三为某某集团)
            continue
        if listed and CJK_RE.fullmatch(lead[0]) and not set(lead) & STOP_SINGLE:
            if text[start - 1 - size : start] in STOP_WORDS:
                return start  # …、建设实验实训基地: the lead and the character make a verb (建设), no brand
            return start - 1 - size
    return start


PARTNER_KINDS = ("合作企业", "龙头企业", "骨干企业", "知名企业")  # what a company is to the text, before its name
LIST_WORDS = "与和及等的或并"  # what joins or ends a list's items, never inside an item's name
# 某某大学精密仪器|与光电子工程学院: a school's name, then the first of the two fields its unit is named after
UNIT_OF_FIELDS = re.compile(f"(?P<school>[{CJK}]{{2,16}}(?:大学|学院))(?P<field>[{CJK}]{{2,6}})")
FIELD_NOT_ENDS = ("部门", "单位", *ROLES)  # what ends no field of a unit's name (a school's offices, a title)
BODY_OR_PLACE_ENDS = set("校院局厅委部处所站司团府区市县省州镇乡村")  # (not 园: a brand's, 锦园)
ASPECT_PARTICLES = "了着"  # what ends a verb (调研了, 围绕着), never a brand's last character


def _short_of_earlier(text: str, start: int, name: str) -> bool:
    """True when ``name`` ended a longer name earlier in ``text`` (江北大学园艺学院 … 园艺学院院长): its short form."""
    at = text.find(name)
    while 0 < at < start:
        if _has_cjk(text[at - 1]):
            return True
        at = text.find(name, at + 1)
    return False


ZONE_OR_PLACE_END = re.compile("^.*(?:[省市县区州]|开发区|高新区)")  # a place that names the bureau after it


def _field_window(text: str, head: int) -> str:
    """The run of letters before ``head`` that a division's field may come from: back to a character no field
    holds, a function word standing alone (在教务处) but not one that starts a word (就业指导处).

    >>> _field_window("在教务处", 3), _field_window("学校就业指导处", 6)
    ('教务', '学校就业指导')
    """
    at = head
    while at > max(0, head - 12):
        if FIELD_BREAK.match(text, at - 1) and not (at < head and is_word(text[at - 1 : at + 1])):
            break
        at -= 1
    return text[at:head]


# asked of a few dozen modifiers over and over (6,400 calls, 89 texts on 1 MiB of text), each a dynamic
# programme over the dictionary: answered once each (bounded, for a long ingest's many names)
@lru_cache(maxsize=8192)
def _common_phrase(text: str) -> bool:
    """True when ``text`` is made of the dictionary's common words (机电工程, 教育与国际交流), no proper name.

    A modifier of unknown words (鱼洞坪) or with a place, brand or person (长江, 淘宝, 华为) names something.

    >>> _common_phrase("教育与国际交流"), _common_phrase("鱼洞坪"), _common_phrase("淘宝教育")
    (True, False, False)
    """
    tags = dictionary()
    covered = [True] + [False] * len(text)  # covered[i]: text[:i] splits into common words and function words
    for end in range(1, len(text) + 1):
        for size in (1, 2, 3, 4):
            if size > end or not covered[end - size]:
                continue
            word = text[end - size : end]
            if size == 1:
                covered[end] = word in STOP_SINGLE
            else:
                tag = tags.get(word)  # None: no word of the dictionary (is_word, without a call per piece)
                covered[end] = word in FIELD_WORDS or (tag is not None and tag not in ("nz", "nr", "nt", "ns", "nrt"))
            if covered[end]:
                break
    return covered[-1]


def _ends_name(text: str, at: int) -> bool:
    """True when punctuation or a function word follows ``at``: a name in a list may end there."""
    rest = text[at : at + 4]
    return not rest or not _has_cjk(rest[0]) or rest[0] in STOP_SINGLE or rest.startswith(STOP_MULTI_TUPLE)


NOT_NAME_OPENINGS = ("毕业", "高兴", "万一")  # words a surname opens that follow a role word (学生毕业后)


def _former_place(text: str, at: int) -> bool:
    """Whether 原 at ``at`` says "former" before a division's name (原青川县, 原江北区), not a place named with it.

    >>> _former_place("原江北区教育局", 0), _former_place("原阳县人民政府", 0)
    (True, False)
    """
    heads = _division_heads()
    opens = (text[at : at + size] for size in (2, 3, 4))  # (原阳, a place of its own, is a head too)
    return not any(name in heads for name in opens) and any(text[at + 1 : at + 1 + size] in heads for size in (2, 3))


def _persons_after_units(text: str) -> list[Mention]:
    """招就处张三、李四, 人事部门王五一行: the names right after a unit of a body (its offices, no type word of a body),
    a list of them, each ending cleanly before a list mark, 等, 一行 or a verb of attending.

    >>> [m.name for m in _persons_after_units("学院招就处张明、李红参加。人事部门王立一行到访。")]
    ['张明', '李红', '王立']
    """
    found = []
    for unit in UNIT_BEFORE_NAME.finditer(text):
        if unit.start() < 2 or not CJK_RUN.fullmatch(text, unit.start() - 2, unit.start()):
            continue  # (the unit's own name before its word: 招就处, not a bare 处)
        if is_word(text[unit.end() - 1 : unit.end() + 1]):
            continue  # 处于国际…: the word goes on (处于), no name after it
        at = unit.end()
        while True:
            size = _person_size(text, at, strict=True)
            after = at + size
            if not size or not (PERSON_AFTER_BODY_END.match(text, after) or text.startswith("一行", after)):
                break
            extras = {"role_at": unit.start(), "role_end": unit.end()}
            found.append(Mention(at, after, text[at:after], "Person", "person-unit", 1, extras=extras))
            if text[after : after + 1] != "、":
                break
            at = after + 1
    return found


def _person_size(text: str, begin: int, strict: bool = False) -> int:
    """Length (2 or 3) of the person's name starting at ``begin`` after a role word, or 0.

    Three-character names are the common case; two characters when the third
    starts the words that follow (王伟主持, 李红获得) and a three-character
    reading leaves a broken word behind.  ``strict``: a name in a coordinated
    list (张三、李四) must also end cleanly.

    >>> _person_size("魏立民等出席", 0), _person_size("杜留群主持。", 0), _person_size("王伟主持会议", 0)
    (3, 3, 2)
    >>> _person_size("任建发见证签约", 0), _person_size("陶敏陪同参观", 0), _person_size("马振清率队", 0)
    (3, 2, 3)
    >>> _person_size("李强首先代表集团致辞", 0), _person_size("张斌任理事长", 0)
    (2, 2)
    """
    window = text[begin : begin + 3]
    if text.startswith(COMPOUND_SURNAMES, begin) and re.fullmatch(f"[{CJK}]{{4}}", text[begin : begin + 4]):
        if _clean_after(text, begin + 4) and not is_word(text[begin + 2 : begin + 4]):
            return 4  # 司马华炜, 欧阳晓东: a two-character surname, then the given name
        if _clean_after(text, begin + 3):
            return 3  # 欧阳东
    if len(window) < 2 or window[0] not in SURNAMES or not CJK_RUN.fullmatch(window[:2]):
        return 0
    if (
        text[begin + 1 : begin + 3] in STOP_MULTI
        or text[begin : begin + 2] in STOP_MULTI
        or text.startswith(NOT_NAME_OPENINGS, begin)
        or is_word(text[begin : begin + 4])
    ):
        return 0  # 校长向参加…, 代表齐聚一堂, 学生毕业后: a verb or an idiom, not a name
    if text[begin + 1 : begin + 3] in BODY_NOUNS:
        return 0  # 院长向公司研发部经理…颁发: a preposition and a body, not a name
    if _listed_start(text[begin + 2 : begin + 14], False):
        return 0  # 代表齐聚某某职业技术学院: a verb before a listed name, not a person
    for size in (3, 2):  # 董事长王某先生在…: an honorific closes the name
        if text.startswith(HONORIFICS, begin + size) and _name_like(window[:size]):
            return size
    if strict and not _ends_name(text, begin + 3) and not _ends_name(text, begin + 2):
        return 0  # 院长王朗、党总支书记苏某: a new title, not a second name
    if text[begin + 2 : begin + 4] in STOP_MULTI and _name_like(window[:2]):
        return 2  # 张萌分别介绍: the two-character name before a multi-character function word
    if (
        len(window) == 3
        and _has_cjk(window[2])
        and window[2] not in NOT_NAME_END
        and text[begin + 3 : begin + 5] in STOP_MULTI
        and _name_like(window)
    ):
        return 3  # 李建安分别致辞: the three-character name before one (安分 is a word too)
    if text.startswith(AFTER_NAME, begin + 2) and _name_like(window[:2]):
        return 2  # 王然陪同, 李明率代表团: the two-character name before the verb
    if text[begin + 2 : begin + 3] == "任" and text.startswith(ROLES, begin + 3) and _name_like(window[:2]):
        return 2  # 院长张斌任理事长: 任 (serves as) and a title after a two-character name
    if (
        len(window) == 3
        and _has_cjk(window[2])
        and window[2] not in NOT_NAME_END
        and text.startswith(AFTER_NAME, begin + 3)
        and _name_like(window)
    ):
        return 3  # 任建发见证 (发见 is a word too), 马振清率队
    tag = dictionary().get(text[begin + 2 : begin + 4], "")
    adverbial = tag in ("d", "ad") or (tag == "a" and dictionary().get(text[begin + 4 : begin + 6], "") == "v")
    if adverbial and text[begin + 3 : begin + 4] != "等" and _name_like(window[:2]):
        # 李强首先代表…, 李萍简要介绍: an adverb (首先, 随后, 详细) or an adjective before a verb (not 曹太平等出席:
        # 等 closes a list after a three-character name)
        return 2
    after = text[begin + 3 : begin + 4]
    listed = after == "等" and text[begin + 4 : begin + 5] != "奖"  # 李其三等出席: 等 closes a list (not 三等奖)
    three = (
        len(window) == 3
        and _has_cjk(window[2])
        and (
            window[2] not in NOT_NAME_END
            or (after in ("", *"，、。；：！？）") and window[2] != "说")  # 陈云才，: 才 ends the name; 何杰说。
            or listed
            or (window[2] in "和与" and text.startswith(ATTENDING, begin + 3))  # 程立和出席 (not 王芳和调研员…)
            # 张立让出席: a verb's character ends the name when a verb of attending follows (not 王伟也出席)
            or (text.startswith(ATTENDING, begin + 3) and dictionary().get(window[2], "") == "v")
            # 王大为表示, 王大为一行: 为 ends the name where what follows speaks or visits (not 张某为一行人介绍)
            or (window[2] == "为" and SPOKEN_AFTER_WEI.match(text, begin + 3) is not None)
        )
        and _clean_after(text, begin + 3)
    )
    two = _clean_after(text, begin + 2)
    if three and two and is_word(window[1:3]) and not dictionary().get(window, "").startswith("nr"):
        three = (listed or not is_word(text[begin + 2 : begin + 4])) and _name_like(window)
    if three and _name_like(window):
        return 3
    if two and _name_like(window[:2]) and not (strict and not _clean_after(text, begin + 2)):
        return 2
    if NAME_CLOSE.match(text, begin + 2) and dictionary().get(window[:2], "") in ("ns", "nz", "nrfg", "nrt"):
        return 2  # 副总经理高原、…: a name that is also a place's word, closed by a separator or a verb of attending
    return 0


def _brand_character(text: str, at: int, floor: int) -> bool:
    """True when the function word at ``at`` is a brand's character: one character stands between it and a
    break, and that character is no pronoun, adverb, preposition or conjunction (，瑞自某某科技…; not ，他在…, ，并与…).

    >>> _brand_character("签约，瑞自科技公司", 4, 0), _brand_character("签约，他在科技公司", 4, 0)
    (True, False)
    """
    if at - 1 < floor or (at - 1 > 0 and text[at - 2] not in "，。；：、！？\n,;:"):
        return False  # (a number before is a count: 一行11人到某某公司)
    first = text[at - 1]
    return _has_cjk(first) and first not in STOP_SINGLE and dictionary().get(first, "") not in FUNCTION_TAGS


FUNCTION_TAGS = ("r", "d", "p", "c", "u", "zg", "m", "q", "v")  # jieba's tags of words that open a clause, not a name


def _datelines(text: str) -> list[tuple[int, int]]:
    """Where the datelines of ``text`` are.

    >>> text = "青川网讯（记者 张三）江北学院举行签约仪式。\\n江北网渝南3月10日电 （李四）江北学院举行签约仪式。"
    >>> [text[a:b] for a, b in _datelines(text)]
    ['青川网讯（记者 张三）', '江北网渝南3月10日电 （李四）']
    """
    # tried at the start of each line holding 讯 (few do), not at every character: ``^`` gives the engine nothing
    # to skip to
    starts = (text.rfind("\n", 0, word.start()) + 1 for word in DATELINE_WORD.finditer(text))
    return [line.span() for line in finditer_at(starts, DATELINE, text)]


def _organised(text: str, at: int) -> bool:
    """Whether ``at`` holds the 的 that closes an organisers' clause (…联合承办的): the name of what they hold
    follows, though the clause is too long for a name that starts before it.

    >>> text = "由青川市人民政府主办的某某论坛"
    >>> _organised(text, text.index("的")), _organised("我们的论坛", 2)
    (True, False)
    """
    return text[at] == "的" and ORGANISERS_END.search(text, max(0, at - 2), at) is not None


def _held_subject_matches(text: str) -> list[re.Match[str]]:
    """The matches of HELD_SUBJECT at the starts of clauses, in order and not overlapping, as a scan of the text
    would give them; only the clause starts within reach of a verb of holding are tried (most texts hold a few).
    The matches of HELD_OBJECT at the verbs come with them, where no subject's name overlaps.

    >>> [m.group("name") for m in _held_subject_matches("近日，青川产教联合体理事会会议在江北举行。")]
    ['青川产教联合体理事会会议']
    """
    starts: set[int] = set()
    objects = []  # 举行某某仪式。: the object of the verb (HELD_OBJECT), at each verb
    for verb in finditer_from(HELD_WORDS, HELD_VERB, text):
        floor = max(0, verb.start() - HELD_REACH)
        starts.update(
            at + 1
            for at in range(floor, verb.start())
            if text[at] in CLAUSE_OPENERS or (text[at] == "的" and _organised(text, at))
        )
        if floor == 0:
            starts.add(0)
        if (held := HELD_OBJECT.match(text, verb.start())) is not None:
            objects.append(held)
    found: list[re.Match[str]] = []
    for start in sorted(starts):
        if found and start < found[-1].end():
            continue
        match = HELD_SUBJECT.match(text, start)
        if match is not None:
            found.append(match)
    objects = [m for m in objects if not any(o.start() < m.end() and m.start() < o.end() for o in found)]
    return sorted(found + objects, key=lambda m: m.start())


def _held_ceremonies(text: str, selected: list[Mention]) -> list[Mention]:
    """A meeting the parties of a clause hold, named by its subject (某某学院与某某公司召开校企合作座谈会): an
    event of that name, as the hand-annotated sets name it, where the text names no body inside it.  A name of no
    proper name: every text's 校企合作座谈会 is its own (``extras["generic"]``; ``extras["parties"]``: the two
    bodies that hold it, when the text names them right before; see kg.extract.pipeline's _name_ceremonies).

    A ceremony named by what is done at it alone (举行合作办学签约仪式, 举行校企合作签约暨授牌仪式) is no
    event: the signing is the parties' cooperation, which the relation rules give, and the events its name joins
    (授牌仪式 of …暨授牌仪式) go with it.  (The sets of rounds 23 and 24 name few such; taking them for events
    cost relations F1 up to 0.05 on three of six sets, and gained on none.)

    >>> [m.name for m in _held_ceremonies("青川学院与远帆公司召开校企合作座谈会。", [])]
    ['校企合作座谈会']
    >>> _held_ceremonies("青川学院与远帆公司举行合作办学签约仪式。", [])
    []
    """
    found: list[Mention] = []
    events, organisations = descendants("Event"), descendants("Organization")  # (set lookups, not is_a calls)
    named = [m.name for m in selected if m.cls in events and not m.category and not m.ref]
    ends = {m.end: m for m in selected if not m.nested and (m.ref or m.cls in organisations)}
    held = [
        *(finditer_from(HELD_CEREMONY_FIRST, HELD_CEREMONY, text) if "仪式" in text else ()),
        *(finditer_from(HELD_MEETING_FIRST, HELD_MEETING, text) if "会" in text else ()),
    ]
    for match in held:
        start, end = match.span("name")
        if any(len(name) > end - start and name.endswith(match.group("name")) for name in named):
            continue  # the text names the ceremony with its parties too (A与B战略合作签约仪式): that one
        inside = [m for m in selected if m.start < end and start < m.end]
        if any(not is_a(m.cls, "Event") or m.start < start or m.end > end for m in inside if not m.ref):
            continue  # a body inside (某某订单班开班仪式), or a name the text gives already
        if any(m.rule == "signing-event" or m.ref or (m.start, m.end) == (start, end) for m in inside):
            continue  # a signing named by its parties, or the name found already (its class, its rule)
        for event in inside:
            event.category = True  # 授牌仪式 of 签约暨授牌仪式: the one ceremony
        if match.re is HELD_CEREMONY:
            continue  # a ceremony named by what is done at it: no event (see above)
        # the parties that hold it right before the verb (A与B举行): what tells this signing from every other
        # (A与B在某校区举行: the place it is held at between them)
        venue = HELD_AT.search(text, max(0, match.start() - 24), match.start())
        second = ends.get(venue.start()) if venue else ends.get(match.start())
        first = ends.get(second.start - 1) if second is not None and text[second.start - 1] in "与和同" else None
        parties = (first, second) if first is not None else ()
        mention = Mention(start, end, match.group("name"), "Conference", "held-ceremony", 2)
        mention.extras = {"generic": True, "parties": parties}
        found.append(mention)
    return found


def _held_topic(text: str, end: int) -> int | None:
    """Where a subject a held event is named by starts (举行校企合作暨…仪式: 校企合作), if one ends at ``end``.

    >>> text = "双方举行校企合作暨基地共建签约仪式"
    >>> text[_held_topic(text, text.index("暨")) :]
    '校企合作暨基地共建签约仪式'
    >>> _held_topic("双方深化校企合作暨基地共建签约仪式", 8) is None  # 深化: the clause's verb, no event held
    True
    """
    for topic in EVENT_TOPIC.finditer(text, max(0, end - 8), end):
        if topic.end() == end and HELD_BEFORE.search(text, max(0, topic.start() - 3), topic.start()):
            return topic.start()
    return None


def _after_holding_verb(text: str, start: int) -> int:
    """举行全面战略合作框架协议签约仪式: what the edge left out between the verb that holds an event and its name
    (an adverb, a verb inside the name: 全面, 联合办学) is the name's; not a party (与, 和, 、) nor a clause.

    >>> text = "双方举办联合办学战略合作框架协议签约仪式。"
    >>> text[_after_holding_verb(text, text.index("战略")) :]
    '联合办学战略合作框架协议签约仪式。'
    >>> text = "学院举办了产教融合对接会。"
    >>> text[_after_holding_verb(text, text.index("产")) :]
    '产教融合对接会。'
    """
    verb = HELD_BEFORE.search(text, max(0, start - 8), start)
    if verb is None or verb.end() >= start:
        return start
    return verb.end() if HELD_GAP.fullmatch(text, verb.end(), start) else start


def _event_year(text: str, start: int) -> int:
    """Where the year an event's name starts with begins (2024届…, 2021（第七届）…, 2025下半年度…), else ``start``.

    >>> _event_year("2021（第七届）西部职教峰会", 4), _event_year("在2024届校园招聘会", 6), _event_year("共2024场", 5)
    (0, 1, 5)
    >>> _event_year("召开2024-2025学年校企合作座谈会", 11)  # an academic year
    2
    >>> _event_year("1月5日，2025青川创业大赛", 9), _event_year("近2000公里", 5)  # a bare year opening a clause
    (5, 5)
    """
    year = EVENT_YEAR.search(text, max(0, start - 12), start)
    if year is None:
        return start
    ordinal = text.startswith(("（第", "上半年", "下半年", "学年"), start)
    opening = year.start() == 0 or text[year.start() - 1] in YEAR_OPENERS
    if year.group()[-1].isdigit() and not ordinal and not opening:
        return start  # a bare number before the name: a count (近2000公里, 共2024场), not a year
    return year.start()


def _a_work(text: str, start: int, end: int) -> bool:
    """True for a 《title》 that names a performance, a column or a speech, not a program one runs.

    >>> _a_work("表演了团体操《青春》。", 6, 10), _a_work("开设《青春》课程。", 2, 6)
    (True, False)
    """
    if WORK_BEFORE.search(text, max(0, start - 4), start):
        return True
    clause = CLAUSE_END.search(text, end)
    return bool(WORK_AFTER.search(text, end, clause.start() if clause else len(text)))


def _quantified(text: str, start: int, name: str) -> bool:
    """True for a counted or quantified name: 多个…平台, 42所学校 (the name starts at the measure word), and for
    what a copula says a body is (某某学校是一所由…举办的省级示范中等学校: a kind, no second school)."""
    opening = name[:1]  # (the regex calls only for names opening as a match does: most names do not)
    if (opening in QUANTIFIED_FIRST and QUANTIFIED_START.match(name)) or (
        opening in COUNTED_FIRST and COUNTED_START.match(name)
    ):
        return True
    if text.find("是一", max(0, start - 40), start) >= 0 and DESCRIBED_AS.search(text, max(0, start - 40), start):
        return True
    return name[:1] in CLASSIFIER and bool(NUMERAL_END.search(text[max(0, start - 2) : start]))


DESCRIBED_AS = re.compile("是一[所家个座][^，。；“”]{0,36}$")


def _class_opening(text: str, at: int, suffix: str) -> bool:
    """开班 (a class opens) at ``at``: the type word 班 is the verb's object, not the end of a name."""
    return suffix == "班" and text[at - 1 : at] == "开"


@lru_cache(maxsize=8192)  # 12,000 calls of some 110 modifiers on 1 MiB of text: answered once each
def _generic(modifier: str) -> bool:
    """True when a name's modifier holds only generic words (各, 全区, 乡村薄弱 …)."""
    rest = modifier.strip()
    singles = 0  # 中大集团: two one-character generic words make a brand, not a kind
    for _ in range(6):
        if not rest:
            return singles < 2 or len(modifier.strip()) != singles
        # the lengths of the generic words starting with its first character: most modifiers start with none
        for size in GENERIC_SIZES.get(rest[0], ()):
            if size <= len(rest) and rest[:size] in GENERIC_WORDS:
                singles += size == 1
                rest = rest[size:]
                break
        else:
            return False
    return not rest and (singles < 2 or len(modifier.strip()) != singles)


def _counted(text: str, start: int, end: int, cls: str) -> bool:
    """True when a number with a measure word counts the name (42所乡村学校, 特色学校12所): a common noun."""
    before = text[max(0, start - 4) : start]
    if cls in KINDS["Event"] and before.endswith(ONE_OCCASION):
        return False  # 一场某某签约仪式在…举行: one occasion, named
    if before[-1:] in COUNT_BEFORE_LAST and COUNT_BEFORE.search(before) and not TERM_BEFORE.search(before):
        return True
    if cls in KINDS["Program"] or cls in KINDS["Event"]:
        return False  # 专业课程7门: seven courses of one named kind
    after = COUNT_AFTER.match(text[end : end + 8]) if text[end : end + 1] in COUNT_AFTER_FIRST else None
    if after and cls in KINDS["Organization"] and after.group().endswith(("名", "位", "人")):
        return False  # 某某委员会20余位成员: the people of one body, counted in people
    if after:
        if LIST_COUNT.match(text, end + after.end()) and text[start - 1 : start] in ("、", "和", "及", "与"):
            return False  # A、B、C三家单位: the count closes the list the name ends
        return after.group(1) not in ("1", "一", "１")
    return False


HONORARY_END = re.compile(f"({alternation('honorary_endings')})$")
DESIGNATION_WORDS = re.compile(alternation("designation_words") + "|校$|区$|县$")


def _award_class(name: str, cls: str, trigger: str) -> str | None:
    """The class of a name found after an award trigger, or None when it names no award.

    >>> _award_class("全国优秀课例", "Award", "获评"), _award_class("重庆市优秀指导教师", "Award", "获评")
    ('Award', 'HonoraryTitle')
    >>> _award_class("江北学院附属中学", "SecondarySchool", "命名为"), _award_class("江北示范学校", "School", "命名为")
    (None, 'Designation')
    """
    designation_like = bool(DESIGNATION_WORDS.search(name))
    if trigger.endswith("命名为") and is_a(cls, "Organization") and not designation_like:
        return None  # 正式命名为“某某学院附属中学”: the body's own name, no title it is given
    if trigger in ("作为", "成为"):
        return "Designation" if designation_like and re.search("试点|示范|实验|先行|标杆|典型|特色", name) else None
    if cls == "Award":  # no award word: the name's own words and the verb decide
        if HONORARY_END.search(name):
            return "HonoraryTitle"
        if trigger in SELECTED or (trigger in EVALUATED and designation_like):
            return "Designation"
        return "Award" if trigger in EVALUATED else None
    if is_a(cls, "Award"):
        return "Designation" if trigger in SELECTED and cls != "Prize" else cls
    if trigger in SELECTED:
        return "Designation" if len(name) >= 4 else None
    if trigger in EVALUATED and designation_like:
        return "Designation"
    return None


DIGITAL_WORDS = re.compile(alternation("digital_words"))


@lru_cache(maxsize=8192)  # asked of each name again by later rules (9,900 calls, 121 names on 1 MiB of text)
def refine_class(name: str, cls: str) -> str:
    """A more specific class from words inside a name (智能研修平台 is a digital platform)."""
    if cls == "Platform" and name.endswith("平台") and DIGITAL_WORDS.search(name):
        return "DigitalPlatform"
    if cls in ("Platform", "Project", "Initiative", "Program") and "集团化办学" in name:
        return "CollaborativeEducationAlliance"
    if cls == "Campaign" and CONTEST_WORD.search(name):
        return "Competition"
    if cls in KINDS["Organization"] and BATCH_OF_LIST.search(name):
        return "Designation"  # 某某市第二批优质教育集团: the list a body is selected into, no body
    return cls


BATCH_OF_LIST = re.compile("第[一二三四五六七八九十0-9]{1,3}批")


# 与A、B以及C开展校企签约: a list of partners, up to the verb of the signing (see _partner_brands)
PARTNER_LIST = re.compile(f"与([{CJK}、]{{2,60}}?)(?:进行|开展|签署|签订|达成|共同|签约|合作)")
PARTNER_SIGNING = re.compile(f"[{CJK}]{{0,12}}?(?:签约|协议|合作)")
PARTNER_JOINS = re.compile("、|以及|及|和")
BODY_END_CHARS = "处部科室系局委厅院校所会司"  # the last character of a body's type word
COOPERATION_KINDS = ("校企", "校地", "政校", "政企", "校校", "产教", "产学")  # who works with whom, no brand
# the trade a company's brand may end with (某某科技, 某某物流): what makes one name after 与 a company's
BUSINESS_ENDS = (
    "科技", "物流", "汽车", "电子", "控股", "实业", "传媒", "医药",
    "能源", "电气", "软件", "网络", "智造", "投资", "电路", "光电", "机电",
    "电机", "电器", "厨卫", "鞋业", "服饰", "药业", "化工", "机械",
)  # fmt: skip


def _trade_roll(text: str, items: list[tuple[int, int, Mention | None]]) -> bool:
    """True when a list of 单位 is one of firms: two or more items, most of them ending with a trade.

    >>> _trade_roll("考察了青川汽车、某某光电等用人单位", [(3, 7, None), (8, 12, None)])
    True
    >>> _trade_roll("走访了青川小学、某某社区等单位", [(3, 7, None), (8, 12, None)])
    False
    """
    trades = sum(1 for start, end, _ in items if text[start:end].endswith(BUSINESS_ENDS))
    return len(items) >= 2 and 2 * trades > len(items)


# 为某某物流“某某试点班”、…揭牌: a brand right before the quoted name of what is unveiled (see _partner_brands)
NAMESAKE_BRAND = re.compile(
    f"[为、]([{CJK}]{{2,6}})(?=“[^”]{{2,20}}(?:班|站|室|中心|基地|学院|工坊)”[、和及]*[^，。；]{{0,60}}?揭牌)"
)


def _partner_brands(text: str, selected: list[Mention]) -> list[Mention]:
    """与江南某某、某某科技、某某电子开展校企签约: the partners of a signing listed by their brands alone.

    A list of two or more, after 与 and before the verb of a signing or a cooperation: each item no other rule
    named (no type word, no known name; a place it opens with is the brand's: 上海某某) is a company, when it
    is a name (2–8 characters, no common noun).  One unknown name after 与 is not enough (与企业代表进行交流)."""
    kinds = descendants("Place")  # (a set lookup for each name, not a call of is_a)
    places = {m.start: m for m in selected if not m.nested and m.cls in kinds}
    dropped: set[int] = set()
    taken = Occupancy(len(text), [m for m in selected if m.cls not in kinds])
    # the names by where they start: an item's own names are a slice (a scan of every name for each item was
    # 3 % of the interpreter's work on a long text)
    named = sorted((m for m in selected if not m.nested), key=lambda m: m.start)
    starts = [m.start for m in named]
    found: list[Mention] = []
    for match in PARTNER_LIST.finditer(text):
        if not PARTNER_SIGNING.match(text, match.end(1)):
            continue
        start = match.start(1)
        items = []
        for part in PARTNER_JOINS.split(match.group(1)):
            items.append((start, start + len(part)))
            joiner = PARTNER_JOINS.match(text, start + len(part))
            start += len(part) + (len(joiner.group()) if joiner else 0)
        # a list of companies: at least half its items named already or ending with a trade (某某科技, 某某物流);
        # one name alone only with its trade (与某某科技合作), not 与某县共商发展、互惠合作
        trades = sum(1 for a, b in items if taken.overlaps(a, b) or text[a:b].endswith(BUSINESS_ENDS))
        if 2 * trades < len(items):
            continue
        for begin, end in items:
            if taken.overlaps(begin, end) or not _brand(text[begin:end]):
                continue
            place = places.get(begin)
            inside = named[bisect.bisect_left(starts, begin) : bisect.bisect_left(starts, end)]
            if any(m is not place or m.end >= end for m in inside):
                continue  # another name in the item, or the item is the place itself
            if place is not None:
                dropped.add(id(place))
            found.append(Mention(begin, end, text[begin:end], "Company", "partner-list", 1))
    # 为某某物流“某某试点班”揭牌: the brand a platform is named after (no 揭牌 in the text, no scan of it)
    for match in NAMESAKE_BRAND.finditer(text) if "揭牌" in text else ():
        begin, end = match.span(1)
        if not taken.overlaps(begin, end) and begin not in places and _brand(match.group(1)):
            found.append(Mention(begin, end, match.group(1), "Company", "namesake-brand", 1))
    if not found:
        return selected
    return [m for m in selected if id(m) not in dropped] + found


# 某某股份有限公司全资子公司某某, 某某学院旗下全资公司——某某有限公司: the words that name a subsidiary, before its name
SUBSIDIARY_WORDS = re.compile("(?:旗下|下属)?的?(?:(?:全资|控股)子?公司|子公司)(?:——)?$")
# …and the subsidiary's brand after them, up to the verb or the partner that follows it
SUBSIDIARY_BRAND = re.compile(f"(?:——)?(?P<name>[{CJK}]{{2,8}}?)(?=与|和|同|携手|联合|共同|在)")


def _subsidiaries(text: str, selected: list[Mention]) -> list[Mention]:
    """某某股份有限公司全资子公司某某与…: the company named after the words of a subsidiary is the subsidiary
    (named by its brand alone when no rule named it), the body before them its parent: no company is named
    某某股份有限公司全资子公司, nor 全资公司 (the relations read the words as a unit's: see ``UNIT_AFTER``).

    >>> [m.name for m in _subsidiaries("甲乙股份有限公司全资子公司丙丁与某某学院签约", [
    ...     Mention(0, 13, "甲乙股份有限公司全资子公司", "Company", "suffix")])]
    ['甲乙股份有限公司', '丙丁']
    """
    found: list[Mention] = []
    starts = {m.start for m in selected if not m.nested}
    for mention in selected:
        words = SUBSIDIARY_WORDS.search(mention.name) if mention.cls == "Company" else None
        if words is None or mention.end >= len(text) or text[mention.end] in CLAUSE_PUNCT:
            continue
        after = mention.end + (2 if text.startswith("——", mention.end) else 0)
        if after not in starts:
            brand = SUBSIDIARY_BRAND.match(text, after)
            if brand is None or not _brand(brand.group("name")):
                continue
            found.append(Mention(brand.start("name"), brand.end("name"), brand.group("name"), "Company", "subsidiary"))
        parent = mention.name[: words.start()]
        if parent.endswith(BODY_WORDS):
            mention.end -= len(mention.name) - len(parent)
            mention.name = parent
        else:  # 全资公司: the words alone
            mention.category = True
    return selected + found


def _brand(name: str) -> bool:
    """A company's brand alone (某某物流, 某某科技): a name, not a kind (企业), not a body a type word names."""
    if not 2 <= len(name) <= 8 or _generic(name) or "的" in name or name[-1] in BODY_END_CHARS:
        return False  # …科研处, …研究院: a body of a kind a type word names, not a brand
    if name.startswith(COOPERATION_KINDS):
        return False  # 校企、校地合作: kinds of cooperation
    return not _common_phrase(name)


class Occupancy:
    """The characters non-overlapping mentions take; overlap tests run in C (documents can be long)."""

    def __init__(self, size: int, mentions: Iterable[Mention] = ()):
        self.taken = bytearray(size + 1)
        # written through a view of the bytes: a bytearray's slice assignment may resize it, and costs more than
        # twice a view's of the same length (the bytearray is never resized: the view holds it as it is)
        self._view = view = memoryview(self.taken)
        for mention in mentions:  # (add, inline: a block's 1,300 names a call each, seven times a block)
            if not mention.nested:
                view[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)

    def overlaps(self, start: int, end: int) -> bool:
        return self.taken.find(1, start, end) >= 0

    def add(self, start: int, end: int) -> None:
        self._view[start:end] = b"\x01" * (end - start)


STOP_OR_ROLE = (*STOP_MULTI, *ROLES)  # what a name may follow (see _word_edge_before)


# 某某机械有限公司（以下简称某某机械）: the short name a body's full name declares right after it
DECLARED_SHORT = re.compile(f'[（(]\\s*(?:以下)?简称[：:]?[“"]?(?P<short>[{CJK}A-Za-z0-9·]{{2,12}}?)[”"]?[）)，,、]')


def without_note(name: str) -> str:
    """A name without the note inside it that declares a body's short name: the note is no part of it.

    >>> without_note("甲乙大学与丙丁集团有限公司（以下简称丙丁集团）战略合作签约仪式")
    '甲乙大学与丙丁集团有限公司战略合作签约仪式'
    """
    note = DECLARED_SHORT.search(name) if "简称" in name else None
    if note is None or note.group()[-1] not in "）)" or note.start() == 0 or note.end() == len(name):
        return name
    return name[: note.start()] + name[note.end() :]


def _declared_shorts(text: str, selected: list[Mention]) -> list[Mention]:
    """The short name an organisation's full name declares (某某机械有限公司（以下简称某某机械）): a name of its
    class there and wherever the text uses it after (某某机械总经理张三), where no other name stands; the
    resolver makes it the full name's.

    >>> [(m.name, m.start) for m in _declared_shorts("甲乙机械有限公司（简称甲乙机械）与学校签约。甲乙机械经理王某", [
    ...     Mention(0, 8, "甲乙机械有限公司", "Company", "suffix", 3)])]
    [('甲乙机械', 11), ('甲乙机械', 22)]
    """
    organisations = descendants("Organization")  # (a set lookup for each name, not a call of is_a)
    ends = {m.end: m for m in selected if not m.ref and m.cls in organisations}
    taken = sorted((m.start, m.end) for m in selected)
    found: list[Mention] = []
    for match in DECLARED_SHORT.finditer(text) if "简称" in text else ():
        owner = ends.get(match.start())
        if owner is None:
            continue
        short = match.group("short")
        at = match.start("short")
        while (at := text.find(short, at)) >= 0:
            index, end = bisect.bisect_right(taken, (at, len(text))), at + len(short)
            inside = (index and taken[index - 1][1] > at) or (index < len(taken) and taken[index][0] < end)
            if not inside:  # (part of) another name
                found.append(Mention(at, end, short, owner.cls, "declared-short", 3))
            at = end
    return found


def forget_names() -> None:
    """Empty the answers kept per name (whether a modifier is common words, a name a proper one …): asked again and
    again within a block of text, they are kept for one block only, so that a long text's memory holds one
    block's names, not all of them (see tests/test_big_document.py)."""
    for cached in (_common_phrase, _generic, is_proper_name, refine_class, _place_start):
        cached.cache_clear()


def _brand_shorts(text: str, selected: list[Mention]) -> list[Mention]:
    """A company named in full, then by its brand alone (明斯贝尔化妆品股份有限公司 … 明斯贝尔人事总监某某): the
    brand, its legal name's first two to four characters after its place, is a name of it where a title or a
    list's mark follows it and no other name stands; the resolver makes it the full name's.

    >>> [(m.name, m.start) for m in _brand_shorts("明斯贝尔化妆品股份有限公司来校。明斯贝尔人事总监王某", [
    ...     Mention(0, 13, "明斯贝尔化妆品股份有限公司", "Company", "suffix", 3)])]
    [('明斯贝尔', 16)]
    """
    brands: dict[str, Mention] = {}  # each brand, the first full name it stands for
    for company in selected:
        if company.cls != "Company" or company.ref or not company.name.endswith(LEGAL_ENDS):
            continue
        core = company.name[place_length(company.name) :]
        for size in (4, 3, 2):
            brand = core[:size]
            if len(core) >= size + 4 and not is_word(brand) and CJK_RUN.fullmatch(brand):
                brands.setdefault(brand, company)
    if not brands:
        return []
    taken = sorted((m.start, m.end) for m in selected)
    found: list[Mention] = []
    claimed: set[int] = set()  # where a longer brand was found already
    # a search of the block for each brand, the longest first (no pattern compiled for each block's brands: the
    # regex module would keep each of them)
    for brand in sorted(brands, key=len, reverse=True):
        company = brands[brand]
        at = company.end  # (after the full name: the resolver has read it by then)
        while (at := text.find(brand, at)) >= 0:
            index, end = bisect.bisect_right(taken, (at, len(text))), at + len(brand)
            inside = (index and taken[index - 1][1] > at) or (index < len(taken) and taken[index][0] < end)
            if (
                not inside
                and at not in claimed
                and (ROLE_WORD.match(text, end) or text[end : end + 1] in BRAND_FOLLOWERS)
            ):
                claimed.add(at)
                extras = {"brand_of": (company.start, company.end)}
                found.append(Mention(at, end, brand, "Company", "brand-short", 3, extras=extras))
            at = end
    return found


LEGAL_ENDS = ("有限公司", "有限责任公司", "股份公司")  # a company's legal name, whose brand it is called by after
BRAND_FOLLOWERS = ("、", "与", "和", "的", "，")  # what follows a brand named alone (明斯贝尔、某某学院 …)


def _abbreviated_schools(text: str, selected: list[Mention]) -> list[Mention]:
    """The short forms of the text's schools (青工大 of 青川工业大学, 青职院 of 青川职业技术学院) where no other
    name stands, and in place of their party bodies (青工大党委书记: the school's own committee, see
    :func:`_abbreviates`); the resolver makes each the full name's.

    >>> [(m.name, m.start) for m in _abbreviated_schools("青川工业大学与星海公司签约。青工大党委书记王明", [
    ...     Mention(0, 6, "青川工业大学", "University", "suffix", 3), Mention(14, 19, "青工大党委", "GovernmentAgency",
    ...     "suffix", 3)])]
    [('青工大', 14)]
    """
    schools = {
        m.name: m.cls
        for m in selected
        if not m.ref and not m.nested and len(m.name) >= 5 and m.name[-2:] in SCHOOL_ENDS
    }
    # the names by the first character and the last one their short forms keep (青…院): a short form is looked
    # for only where such a last character stands, and compared only with the names it may stand for
    by_ends: dict[tuple[str, str], list[str]] = {}
    for name in schools:
        by_ends.setdefault((name[0], SCHOOL_ENDS[name[-2:]]), []).append(name)
    if not by_ends:
        return []
    by_start = {m.start: m for m in selected}
    taken = sorted((m.start, m.end) for m in selected)
    found: list[Mention] = []
    for end_char in {end for _, end in by_ends}:
        last = 0
        while (last := text.find(end_char, last) + 1) > 0:  # one past each 院 / 大 / 校
            for size in (3, 4, 5):
                at = last - size
                names = by_ends.get((text[at], end_char)) if at >= 0 else None
                if names is None:
                    continue  # no school's name starts with that character (most positions): no slice, no test
                short = text[at:last]
                long = next((name for name in names if _abbreviates(short, name)), None)
                if long is None:
                    continue
                owner = by_start.get(at)
                if owner is not None and owner.end > last and owner.name[size:] in PARTY_BODIES:
                    owner.category = True  # 青工大党委: no body of its own (the mention is dropped)
                else:
                    index = bisect.bisect_right(taken, (at, len(text)))
                    if (index and taken[index - 1][1] > at) or (index < len(taken) and taken[index][0] < last):
                        continue  # (part of) another name
                found.append(Mention(at, last, short, schools[long], "abbreviated-school", 3))
                break
    found.sort(key=lambda m: m.start)
    return found


# a school's short form ends with the last character of its kind (青职院, 青工大, 远帆职校): 学院, 大学, 学校
SCHOOL_ENDS = {"学院": "院", "大学": "大", "学校": "校"}


def _school_end(label: str) -> str:
    """The character a school's name and its short forms share at the end (院, 大, 校), or ''."""
    if len(label) < 3:
        return ""
    return SCHOOL_ENDS.get(label[-2:]) or (label[-1] if label[-1] in "院大校" else "")


def _abbreviates(short: str, long: str) -> bool:
    """True when ``short`` is a school's short form of ``long`` that keeps one character of its kind
    (青职院 for 青川职业技术学院, 江北建院 for 江北城市建设职业技术学院, 青工大 for 青川工业大学).

    The short form starts as the name does and keeps some of its other characters in order.

    >>> _abbreviates("青职院", "青川职业技术学院"), _abbreviates("青工大", "青川工业大学")
    (True, True)
    >>> _abbreviates("上海交大", "上海交通大学"), _abbreviates("青职院", "青山中学"), _abbreviates("青工大", "青海大学")
    (True, False, False)
    """
    end = short[-1:]
    if len(short) < 3 or short[-2:] in SCHOOL_ENDS or SCHOOL_ENDS.get(long[-2:]) != end or end not in "院大校":
        return False
    brief, full = short[:-1], long[:-2]
    if brief[0] != full[0] or len(full) <= len(brief):
        return False
    rest = iter(full)
    return all(ch in rest for ch in brief)


def _word_edge_before(text: str, start: int) -> bool:
    """True when a name may start at ``start``: after a non-Chinese character, a function word or a title."""
    if start == 0 or not "\u4e00" <= text[start - 1] <= "\u9fff":
        return True
    window = text[max(0, start - 4) : start]
    return text[start - 1] in STOP_SINGLE or window.endswith(STOP_OR_ROLE)


def _word_edge_after(text: str, end: int) -> bool:
    """True when a name may end at ``end``: before a non-Chinese character or a function word or verb."""
    if end >= len(text) or not "\u4e00" <= text[end] <= "\u9fff":
        return True
    return text[end] in STOP_SINGLE or text.startswith(STOP_MULTI_TUPLE, end)


def select(candidates: list[Mention], size: int) -> list[Mention]:
    """Non-overlapping mentions, longer first, then higher tier; nested ones are kept inside their container.

    Programs named inside a longer name (领雁工程 in 领雁工程市级联盟型集团化办学项目) are kept as
    nested mentions, so that the longer one can be part of them.  ``size`` is the length of the text.
    The place an organisation's name starts with (江北市 of 江北市经济和信息化局) is not kept: no relation is
    read from inside a name, and the hand-annotated sets of rounds 14-20 name few of them (4 of the 52 cities
    and districts that were entities so, 9 of the 74 provinces).
    """
    chosen: list[Mention] = []
    taken = Occupancy(size)
    for mention in sorted(
        (m for m in candidates if not m.nested), key=lambda m: (-(m.end - m.start), -m.tier, m.start)
    ):
        if not taken.overlaps(mention.start, mention.end):
            chosen.append(mention)
            taken.add(mention.start, mention.end)
    chosen.sort(key=lambda m: m.start)
    starts = [m.start for m in chosen]
    kept = []
    for mention in candidates:
        if not (mention.nested or mention.rule == "suffix") or mention.category:
            continue
        index = bisect.bisect_right(starts, mention.start) - 1
        if index < 0 or chosen[index].end < mention.end or chosen[index] is mention:
            continue
        container = chosen[index]
        if mention.nested and container.cls == "Prize":
            kept.append(mention)  # the competition named in its prize
        elif (
            not mention.nested
            and mention.cls == "Initiative"
            and mention.name.endswith(("工程", "计划", "战略", "行动"))
            and container.end > mention.end
            and (is_a(container.cls, "Program") or is_a(container.cls, "Platform"))
            and container.rule != "quoted-title"
        ):
            mention.nested = True
            kept.append(mention)
        elif _owner_of_event(mention, container):
            mention.nested = True  # 株洲市产教联合体成立大会 names the 联合体 too
            kept.append(mention)
    return chosen + kept


ORDINAL_SHORT_CLASS = {
    "职": "SecondaryVocationalSchool",
    "中": "SecondarySchool",
    "小": "PrimarySchool",
    "校": "School",
}


def _ordinal_shorts(text: str, district: str, city: str) -> list[Mention]:
    """永嘉二职, 江北八中: the short name of a numbered school of the text's own place (第二职业学校, 第八中学).

    Only after the document's district or city (full or without 区/县/市), so that 一中 alone stays a word.
    """
    places = {
        p for place in (district, city) if place for p in (place, re.sub("(区|县|市)$", "", place)) if len(p) >= 2
    }
    if not places:
        return []
    # not before what makes 职/中/小 part of a word (职业, 中学, 小学, 中心, 职工)
    # (longest first, then in the characters' order: the same pattern at every start, which the regex cache keeps;
    # in the set's order, which changes with each start's hashing, it was compiled again each time)
    heads = sorted(places, key=lambda place: (-len(place), place))
    pattern = re.compile(
        f"(?:{'|'.join(heads)})[一二三四五六七八九十]{{1,2}}([职中小])(?![学业工称务责能校员位场院部级心间型])"
    )
    found = []
    for match in finditer_from(tuple(heads), pattern, text):  # (tried where a place's name stands)
        found.append(
            Mention(match.start(), match.end(), match.group(), ORDINAL_SHORT_CLASS[match.group(1)], "suffix", 2)
        )
    return found


# 三十五中、白云二小: a numbered school's short name as a whole item of a list (after 、, 包括 or a list's colon): the
# name and its kind's character, then what ends the item (…、三十八中分别与…: the list's last item before 分别);
# 渝南一校: a numbered school by 校, named by more than its number
ORDINAL_SHORT = (
    f"([{CJK}]{{0,3}}?[一二三四五六七八九十]{{1,3}}([中小]|(?<=[{CJK}]{{3}})校))(?=[、，,。；;\n]|和|及|分别|$)"
)
LISTED_ORDINAL = re.compile(f"(?:(?<=[、：:])|(?<=包括)){ORDINAL_SHORT}")
# 分别与天水市麦积区四十四中、…: the first item of a list, named with its district (and city) before its number
PLACED_ORDINAL = re.compile(f"(?<=[与、：:])((?:[{CJK}]{{2,4}}市)?([{CJK}]{{2,4}}[区县])){ORDINAL_SHORT}")
PLACED_ORDINAL_AFTER = "与、：:"  # what PLACED_ORDINAL's matches follow (see finditer_after)
# what LISTED_ORDINAL's matches follow: 括 for 包括 (the pattern's lookbehind checks the 包), one class the engine
# skips to at its speed (an alternation of a class and a word is tried at every character)
LISTED_ORDINAL_AFTER = "、：:括"


# 江北一高, 渝北一小, 巴南职高: a place's numbered school or vocational school by its short name (see _placed_shorts)
PLACED_SHORT = re.compile(
    "(?:[一二三四五六七八九十]{1,2}([中小高])|(职)[高中])(?![学业工称务责能员位场院部级心间型等年期]|校(?!长))"
)
PLACED_SHORT_CLASS = {**ORDINAL_SHORT_CLASS, "高": "SecondarySchool"}
# the characters PLACED_SHORT's matches start with (a numeral, or 职), found by a find each: the pattern opens with an
# alternation, for which the engine has no first characters to skip to, and was tried at every character of the
# text (10 ms a scan of 1 MiB of text; its numerals and 职 stand at one character in eighty)
PLACED_SHORT_FIRST = "一二三四五六七八九十职"


def _placed_shorts(text: str) -> list[Mention]:
    """江北一高, 渝北一小, 巴南职高: the short name of a numbered school (or a vocational school) of a place named by
    its short name (of the national list or a place of jieba's dictionary), after a boundary, a function word or a verb.

    >>> [(m.name, m.cls) for m in _placed_shorts("由江北一高牵头。渝北一小校长出席，实现巴南职高搬迁。")]
    [('江北一高', 'SecondarySchool'), ('渝北一小', 'PrimarySchool'), ('巴南职高', 'SecondaryVocationalSchool')]
    """
    tags, divisions = dictionary(), _division_heads()
    found = []
    for match in finditer_from(PLACED_SHORT_FIRST, PLACED_SHORT, text):
        start = match.start()
        for size in (3, 2):
            head = text[start - size : start]
            if len(head) < size or not (head in divisions or tags.get(head) == "ns") or head[-1] in "中高职":
                continue  # (中高职高效衔接: a level of schools, no place)
            before = text[start - size - 1 : start - size]
            inside = before and _has_cjk(before) and before not in STOP_SINGLE
            if inside and tags.get(text[start - size - 2 : start - size]) != "v":
                continue  # (实现巴南职高: a verb before the place; 新江北一高: inside another name)
            kind = match.group(1) or match.group(2)
            found.append(
                Mention(
                    start - size, match.end(), text[start - size : match.end()], PLACED_SHORT_CLASS[kind], "suffix", 2
                )
            )
            break
    return found


def _listed_ordinal_shorts(text: str) -> list[Mention]:
    """三十五中、三十二中, 白云二小: numbered schools by their short names, each a whole item of a list.

    >>> [(m.name, m.cls) for m in _listed_ordinal_shorts("成员校：三十五中、白云二小、城关小学")]
    [('三十五中', 'SecondarySchool'), ('白云二小', 'PrimarySchool')]

    The first item after 与 with its district (and city) before its number, and 校 after a name of two characters:

    >>> [m.name for m in _listed_ordinal_shorts("A、B分别与天水市麦积区四十四中、渝南一校，组建联合体")]
    ['渝南一校', '天水市麦积区四十四中']
    """
    found = []
    for match in finditer_after(LISTED_ORDINAL_AFTER, LISTED_ORDINAL, text):
        name = match.group(1)
        if any(ch in STOP_SINGLE for ch in name[:-2]):
            continue  # 、及十中: a function word is no part of a school's name
        found.append(Mention(match.start(1), match.end(1), name, ORDINAL_SHORT_CLASS[match.group(2)], "suffix", 2))
    for match in finditer_after(PLACED_ORDINAL_AFTER, PLACED_ORDINAL, text):
        short = match.group(3)
        if match.group(2) not in _division_heads() or any(ch in STOP_SINGLE for ch in short[:-2]):
            continue  # (a district of the national list, then a short name of no function word)
        cls = ORDINAL_SHORT_CLASS[match.group(4)]
        found.append(Mention(match.start(1), match.end(3), match.group(1) + short, cls, "suffix", 2))
    return found


def _scoped_event(modifier: str) -> bool:
    """全国教育大会, 全区教育工作会议: a scope, then a subject of at least two characters, names a meeting."""
    return modifier.startswith(EVENT_SCOPES) and len(modifier) >= 4 and not modifier.startswith(("全区各", "全市各"))


def _after_zai(text: str, start: int, end: int) -> int:
    """学生在第十届…大赛: the event's name starts after 在, which the left edge passed inside a word (生在)."""
    cut = start
    for match in EVENT_AFTER_ZAI.finditer(text, start, end):
        cut = match.end() - len(match.group(1))
    return cut


def _named_occasion(word: str, suffix_class: dict[str, tuple[str, str]]) -> bool:
    """True for the type word of a meeting, a contest or a week of activities (论坛, 大赛, 宣传周), not 活动 itself."""
    cls, strength = suffix_class[word]
    return strength == "strong" and (is_a(cls, "Event") or (cls == "Campaign" and word.endswith(("周", "月", "节"))))


def _governments_of_posts(text: str, selected: list[Mention], district: str, city: str) -> list[Mention]:
    """青川市副市长张三, 副县长李四: the government a post heads, an entity when the text speaks of a government of
    that level at all (县政府, 某某县人民政府 inside an event's name): a post alone is a title, and the annotated
    sets leave out the government no text names (12 of the 15 such employers were wrong).

    The place is the one named right before the title, or the one a party committee's name starts with in the
    titles before (某某市委常委、副市长), else the text's own place of the title's level (区长 and 县长 the
    district's, 市长 the city's or a county-level city's); a nested mention (rule post-government) over the
    title, from which no relation is read but the head's (see the relations' government heads).

    >>> [m.name for m in _governments_of_posts("青川市政府与某公司签约。青川市副市长张三出席。", [
    ...     Mention(12, 15, "青川市", "City", "place")], "", "")]
    ['青川市人民政府']
    >>> _governments_of_posts("青川市副市长张三出席。", [Mention(0, 3, "青川市", "City", "place")], "", "")
    []
    """
    places = {m.end: m for m in selected if not m.nested and m.cls in ("City", "District")}
    bodies = sorted((m.end, m.name) for m in selected if not m.nested and m.cls == "GovernmentAgency")
    governments = {name.group(1) for _, body in bodies if (name := GOVERNMENT_NAME.fullmatch(body)) is not None}
    found = []
    for post in finditer_from(GOVERNMENT_POST_FIRST, GOVERNMENT_POST, text):
        level, at = post.group(1), post.start()
        if level not in "区县市":
            continue  # 副省长, 州长: the province's or prefecture's government, which the annotated sets leave out
        before = places.get(at)
        if before is not None and before.name.endswith(level):
            place = PROVINCE_FIRST.sub("", before.name)  # 某某省某某市副市长: the city's government
        elif before is None and not _has_cjk(text[at - 1 : at] or "，"):
            index = bisect.bisect_right(bodies, (at, "")) - 1
            committee = PLACE_COMMITTEE.match(bodies[index][1]) if index >= 0 else None
            if committee is not None and TITLES_BETWEEN.fullmatch(text, bodies[index][0], at):
                # (中共某某区委: the party's committee of the place; the place is 某某区)
                place = committee.group(1).removeprefix("中共") if committee.group(1).endswith(level) else ""
            else:
                place = next((p for p in (district, city) if p.endswith(level)), "")
        else:
            continue
        if place and place not in governments and place[-1] not in governments and _names_government(text, level):
            # (a government the text names, 某某市政府 or 市政府, is the one it heads)
            name = place + "人民政府"
            found.append(Mention(at, post.end(), name, "GovernmentAgency", "post-government", 2, nested=True))
    return found


def _names_government(text: str, level: str) -> bool:
    """True when ``text`` speaks of a government of the level ``level`` (区, 县, 市): 县政府, 某某县人民政府."""
    return f"{level}政府" in text or f"{level}人民政府" in text


def _ranked_title(title: str) -> bool:
    """True when a title after 为 / 是 is one a body is designated: a batch, a level, the whole country, a place.

    >>> _ranked_title("第三批市级示范学校"), _ranked_title("全国现代学徒制试点院校"), _ranked_title("一所优质学校")
    (True, True, False)
    >>> _ranked_title("江苏省示范幼儿园"), _ranked_title("江苏大学附属实验学校")
    (True, False)
    """
    opener = RANK_OPENER.match(title) or LEVEL_PREFIX.match(title) or TITLE_OPENER.match(title)
    # 分别为某某大学附属某某学校: a school affiliated to another body is a body, whatever place it starts with
    return opener is not None or (division_starts(title) and not any(word in title for word in AFFILIATED))


def _owner_of_event(mention: Mention, container: Mention) -> bool:
    """True for the body an event's name starts with (某某共同体 of 某某共同体成立大会): an entity of its own.

    So is each body of a ceremony of several (A（集团）、B（集团）揭牌仪式, A揭牌暨B成立仪式, A与B…签约仪式):
    one listed at the head of the event or after 、, 暨 or 与, and followed by one of them.
    """
    head = mention.start - container.start
    tail = container.name[mention.end - container.start :]
    if head == 1 and container.name[:1] == "“" and tail[:1] == "”":
        head, tail = 0, tail[1:]  # “某某产业学院”签约仪式: the body quoted at the head of the event's name
    listed = (head == 0 or container.name[head - 1] in "、暨与和") and LISTED_BODY_TAIL.match(tail) is not None
    return (
        not mention.nested
        and mention.rule == "suffix"
        and container.start <= mention.start
        and mention.end < container.end
        and ((head == 0 and OWNED_EVENT_TAIL.fullmatch(tail) is not None) or listed)
        and is_a(container.cls, "Event")
        and (is_a(mention.cls, "Organization") or is_a(mention.cls, "Platform"))
        and not is_a(mention.cls, "Place")
    )
