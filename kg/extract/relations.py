"""Sentence-level relation and indicator extraction in the ontology's terms.

Each sentence is split into clauses.  A clause's subject is the actor that
opens it (巴南职教中心联合…, 由区教师进修学院设立…, 全区…), else the subject of
the clause before, else the document's district.  Trigger words then relate
the subject to the entities that follow them; the object's class picks the
property (实施 a program → ``initiates``, 建成 a platform → ``builds``,
举办 an event → ``hosts`` …).  Enumerations are split: 与A、B以及C开展深度合作
gives three ``cooperatesWith`` relations, and the parties of a joint action
(A与B联合开展X) each get the action.

Every relation keeps the rule that produced it (``Relation.rule``, stored as
``kg:method``) and the sentence it comes from.  Quantities (200余家企业,
近1.7万名, 八个学区) become :class:`Indicator` records with the qualifier
(余 / 多 / 近 / 超 …) and Chinese numerals converted by cn2an.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from kg.extract.gazetteer import finditer_from, finditer_holding, trie_pattern
from kg.extract.ner import (
    ACTOR_CLASSES,
    AWARD_VERBS,
    DESIGNATION_VERBS,
    GOVERNMENT_NAME,
    GOVERNMENT_TITLE,
    GRANTS,
    HONORIFICS,
    OWN_SCHOOL_REFS,
    ROLES,
    ROLL_WORD,
    SIGNED_FIRST,
    UNIT_VALUES,
    UNVEILING_CEREMONY,
    UNVEILING_VERB,
    Mention,
    _common_phrase,
    division_starts,
    is_actor,
    is_group,
    is_word,
    numeral,
)
from kg.extract.resolve import TITLE_AFTER_EVENT, WHOLE_SCHOOLS, Entity, own_committee, spirit_of
from kg.extract.sentences import segments
from kg.model.terms import KINDS, fits, is_a, is_symmetric, symmetric_relations

SYMMETRIC = symmetric_relations()  # the ontology says which kinds have no direction


@dataclass(frozen=True)
class Relation:
    subject: Entity
    predicate: str  # local name of a kg: relation property
    object: Entity
    start: int  # the evidence sentence
    end: int
    rule: str
    year: str = ""

    def key(self) -> tuple[str, str, str]:
        return relation_key(self.subject.label, self.predicate, self.object.label)


def relation_key(subject: str, predicate: str, obj: str) -> tuple[str, str, str]:
    """What tells relations apart: the labels and the kind, the labels in order for a kind with no direction."""
    if obj < subject and is_symmetric(predicate):
        return (obj, predicate, subject)
    return (subject, predicate, obj)


@dataclass(frozen=True)
class Indicator:
    subject: Entity
    measure: str
    value: Decimal
    unit: str
    qualifier: str
    text: str  # the number phrase as written
    counts_class: str
    start: int  # the evidence sentence
    end: int
    rule: str = "indicator"

    @property
    def approximate(self) -> bool:
        return bool(self.qualifier)


# -- triggers ---------------------------------------------------------------------------------------

# kind → words.  The object's class decides the property (see _predicate).
TRIGGERS: dict[str, tuple[str, ...]] = {
    "lead": ("牵头", "主导", "领衔", "统领", "牵头抓总", "统一领导", "牵头申报", "牵头组织申报"),
    "build": (
        "建设", "建成", "建立", "设立", "成立", "组建", "共建", "新建", "筹建", "搭建", "创建", "揭牌",
        "创办", "兴办",
    ),
    "do": (
        "实施", "开展", "推进", "推出", "启动", "发起", "实行", "推行", "做实", "深化", "凝练", "形成", "健全",
        "完善", "组织", "制定", "出台", "推广", "创新", "铺开", "打响", "开启", "开发",
        "发布", "印发", "颁布", "下发",
    ),
    # verbs of relying on or aiming at: a program so named is carried out, a meeting or platform only used
    "use": ("围绕", "依托", "聚焦"),
    "host": ("举办", "承办", "主办", "举行", "召开", "协办"),
    "award": AWARD_VERBS,
    # being selected, approved or rated as: a designation (the guide's 入选/认定为/获批/被评为), a prize only if won
    "designate": DESIGNATION_VERBS,
    "join": ("加入", "成为会员"),
    "participate": ("参加", "参与", "参赛", "征战", "出席", "借助", "申报", "受邀"),
    "offer": ("开设", "开出", "开齐", "设置", "开办", "开发", "增设", "新设", "设有", "新增"),
    "train": ("培养", "培训", "输送", "培育"),
    # designing or opening a course: the course is offered (a plan designed is no course)
    "design": ("设计", "研发"),
    "locate": ("位于", "坐落于", "落户", "入驻", "落地"),
}  # fmt: skip
TRIGGER_KIND = {word: kind for kind, words in TRIGGERS.items() for word in words}
TRIGGER_RE = re.compile(trie_pattern(TRIGGER_KIND))
COOPERATION = re.compile(
    r"合作|协作|携手|签约|签署|签订|共建|联合|协同|授牌|挂牌|结对|联手|对接|联席会议|联动|共同|结成|结为|联盟"
)
# A、B开启校企合作新篇章: two parties named together start or deepen their cooperation (see _signatories)
COOPERATION_STARTED = re.compile(r"(?:正式)?(?:开启|开展|深化|拓展|推进|加强|启动)了?[\u4e00-\u9fff]{0,4}?合作")
# 与A、B，三家企业，签订…: what the listed partners are, counted, between two commas after the list
COUNTED_AFTER_LIST = re.compile("[，,](?:[一二两三四五六七八九十]|\\d+)[家所个][\u4e00-\u9fff]{0,12}[，,]")
JOINTLY = re.compile("联合|共同")  # two parties that hold a meeting together (see _objects)
SIGNING = re.compile(r"签约|签署|签订|协议|达成[^，。；]{0,8}合作|共建|共同(?:成立|组建|建设|打造|签)")
LED_BY = re.compile(r"(?:共同|联合)?牵头$")
VISIT_VERBS = "(?P<verb>(?:走进|走访|来到|到访|莅临|赴|到|前往|深入|考察|参观|调研)(?:调研|考察)?了?)"  # 走访调研了
VISIT = re.compile(VISIT_VERBS + "$")
# of VISIT_VERBS, those written right before the place one goes to (校长张三带领…赴某某学院: see _visited_after)
GOES_TO = ("赴", "前往", "来到", "走进", "到访", "走访")
# 前往某某茶园、某某庄园、A: the places a list of visits names before its first body, none of them an entity
VISIT_UNNAMED_FIRST = re.compile(VISIT_VERBS + r"(?:[^，。；：、“”\s]{2,10}、){1,3}$")
VISIT_UNNAMED_LONGEST = 37  # the verb with 了 (3), three items of ten characters with their 、 (33), one to spare
VISIT_ITSELF = ("走进", "走访", "到访", "莅临", "考察", "参观", "调研")  # verbs that are already a visit
GROUP_COLON = re.compile(r"\s*[：:]\s*")  # 某某教育集团：A、B、C
BRACKETED_LIST = re.compile(r"[（(][^（）()。；]{4,400}?[）)]")  # （A、B、C）: the schools a count stood for
BRACKETED_LIST_NEEDS = ("（", "(")  # one in every match (see finditer_holding)
FORMED = re.compile("(?:共同|一起)?(?:组建|组成|成立)(?:成|了)?")  # …组建某某教育集团
REPRESENTING = re.compile("(?:分别|共同)?代表")  # 张三、李四分别代表A、B，与C签约: for the bodies they represent
REPRESENTING_FIRST = re.compile("[分共代]")
WITH_PARTNER = re.compile("[，,]?(?:共同|一起|一同)?(?:与|和|同)")
MERGED_INTO_WORDS = ("纳入", "并入", "划入")  # 将某某小学纳入某某教育集团 (see _merged_into)
MERGED_INTO = re.compile("|".join(MERGED_INTO_WORDS))
MERGED_INTO_NEEDS = ("入",)  # in every match (see finditer_holding)
# 认定A、B等8个教育集团为Y: a verb of designating, the bodies, then 为 and the designation
DESIGNATING = re.compile("(?:认定|确定|命名|评定)(?!为)")
DESIGNATING_NEEDS = ("定", "命名")  # one in every match (see finditer_holding)
LIST_GAP = re.compile("[、，和及与]?")
NOTE_OPENS = ("（", "(")  # a note in brackets after an item of a list (A（以下简称某某）、B)
LEADING_NOTE = re.compile(r"^[（(][^（）()。，]{1,20}[)）]")
DESIGNATED_GAP = re.compile("(?:等[^，。；、]{0,10}?)?为“?")  # 评定A等56个单位为“某某基地”
# the list of bodies whose heads attend, each body masked as Ｘ (A、B等单位主要负责同志参加)
HEADS_OF = re.compile("负责同志|负责人")  # the heads of the bodies listed before (see LISTED_HEADS)
_HEADS_GROUP = (
    # (an item after the first may be a body the text names by its kind alone: 某某市、教育厅相关领导)
    "Ｘ(?:[、和及](?:Ｘ|[\u4e00-\u9fff]{2,4}?[厅局委办]))*(?:等[\u4e00-\u9fff0-9]{0,16}?)?的?(?:主要|相关|有关)?"
    "(?:负责同志|负责人|领导|代表|工作人员)(?:及[\u4e00-\u9fff]{0,4}?(?:负责同志|负责人))?"  # …相关领导及部门负责人
)
# (groups of them one after another: A、B等省直部门负责同志，C、D等高校负责人，E相关领导参加)
LISTED_HEADS = re.compile(f"{_HEADS_GROUP}(?:[，,]{_HEADS_GROUP})*(?:等|一行)?(?:共同|一同|也)?")
# 调研组先后考察了A、B: a delegation, the text's own school's, visits (its members are named elsewhere, if at all)
DELEGATION = re.compile("调研组|考察组|调研团|考察团|代表团|工作组|一行")
VISIT_PURPOSE = re.compile(r"[^。；]{0,16}?(?:对接|调研|考察|洽谈|交流|座谈|探讨|签约|参观|指导|合作)")
VENUE_VERB = re.compile(
    r"(?:隆重|正式|顺利|成功|相继|先后|同时|分别|火热|热烈)*(举行|召开|举办|开幕|启动|揭牌|挂牌|成立|开赛|开营|开班|闭幕|落幕"
    r"|展开)"
)
UNVEILING = ("揭牌", "挂牌", "成立")
# 在某某县共建…: the verb of setting up a platform where the text says (the platforms listed after it)
BUILT_AT = re.compile(r"(?:还|将|已)?(?:共同|合作|联合)?(共建|建设|设立|建成|组建|新建|创建|建立)")
HOSTING = ("举行", "召开", "举办")
SIGNED = re.compile("(?:共同|正式)?(?:签署|签订)")  # 由A与B共同签署…: see _signed_by
JOINTLY_STATED = re.compile("合作|携手|联合")  # the adverb of PASSIVE_JOINT that says the agents work together
PASSIVE_JOINT = re.compile(
    r"(?:共同|联合|合作|携手)?(牵头)?(建设|共建|建立|设立|成立|组建|打造|创建|筹建|举办|承办|主办|实施|开展|发起)"
)
# 成立7个教育集团 at a clause's end, then 分别是 / 即 / 包括 the bodies: set up, each of them
COUNTED_BUILD = re.compile(
    r"(?:成立|组建|建立|设立|建设|打造|新建|创建|共建|建成)了?(?:[0-9]+|[一二两三四五六七八九十]+)[个所家批][^，。；、]{0,10}[，,：:]?$"
)
CORRESPONDENT = re.compile(r"通讯员[ \u3000]*$")  # 通讯员 某某: a correspondent, in no fact of the text
GATHERED = re.compile(r"(?:齐聚|汇聚|相聚|聚首)$")  # 代表齐聚X: X is where they meet
HOLDING_AFTER = re.compile(r"[，,]?(?:共同|隆重)?(?:举行|召开|举办)(?:了)?")  # …X，举行Y
LOCATED_AT = re.compile(r"(?:位于|坐落于|坐落在|地处)$")  # 位于X的Y: Y is in X
PARTNER_KINDS = ("合作企业", "合作单位", "合作院校", "合作高校")  # 走访合作企业X: X is a partner
JOINT_SCHOOLING = re.compile(r"的?(?:合作|联合)办学项目")  # X是A与B的合作办学项目: A and B found X
JOINT_SCHOOLING_FIRST, JOINT_SCHOOLING_NEEDS = re.compile("[的合联]"), re.compile("办学项目")
LISTED_AFTER_COUNT = re.compile(r"(?:分别是|分别为|即|包括)[：:]?")
BOTH_SIDES = re.compile(r"(?:校企|校地|校政|政校|两校|校校)?双方")  # the two parties of the agreement before
# …as the clause's subject, after a preposition that frames it (就双方合作共建…, 自2021年双方共同成立…)
BOTH_SIDES_OPENING = re.compile(rf"(?:就|自(?:[0-9]{{4}}年)?(?:以来)?|经)?{BOTH_SIDES.pattern}")
ORGANISING = re.compile(
    r"(?:作为|为)?(?:联合|共同)?(主办|承办|协办|举办)(?:单位)?"
)  # verbs whose actor is the organiser (A在X举办Z)
ORGANISING_FIRST = re.compile("[作为联共主承协举]")  # the characters ORGANISING starts with (see finditer_from)
ORGANISING_NEEDS = re.compile("办")  # in every match
ORGANISING_VERBS = ("主办", "承办", "协办")  # of an event (举办 may found a school: 合作举办某某学校)
# the verb and separator after an earlier organiser of a chain: A主办，|B承办的Z
ORGANISING_BEFORE = re.compile(r"(?:联合|共同)?(?:主办|承办|协办|举办|指导)[，、,]由?")  # …主办，由B承办的Z too
COMING_FROM = re.compile("来自")
TALKS = ("座谈会", "洽谈会", "恳谈会", "交流会", "对接会")  # meetings one party holds for the other
SIGNING_NAME = re.compile("(?:签约|签字|签署)[^，。]{0,6}(?:仪式|大会|活动)$")  # a ceremony of signing
GROUP_TITLES = ("理事长", "副理事长", "秘书长", "副秘书长")  # an alliance's or a group's own officers
PRESIDED_BY = ("由", "由党委", "由校党委", "由院党委")  # what stands before a school's own title after 由
SCHOOL_HEAD = re.compile("(?:党委)?(?:副)?(?:书记|校长|院长)")  # a title that opens a school's own news
# the titles a school's head holds before the last one (党委副书记、院长张三): no body named among them
SCHOOL_TITLES_BEFORE = re.compile("(?:(?:党委|党总支)(?:副书记|书记|委员|常委)?[、，]?|副?(?:校长|院长|书记)[、，]?)+")
PRINCIPAL = re.compile("(?:常务)?副?校长")  # a school's own title, whoever's roll it stands in
# a firm's title (某某制药副总经理张三, 张三董事长): a school's or a government's post only where that body is named
# right before it (a private school's 董事长), never by a roll's or a fallback's guess
BUSINESS_TITLE = re.compile("(?:常务)?副?(?:董事长|总经理|总裁)")
SCHOOL_TITLE = re.compile("校长|院长|书记|党委|处长|主任|主席|教授|教师|老师|辅导员")  # a school's own staff
# …等高校的代表 / 的上万名求职者: the people the listed bodies send (to the event the text is about)
GUESTS = re.compile(
    "等?[^，。；、]{0,6}的[^，。；]{0,8}(?:代表|嘉宾|求职者|毕业生|学生|师生|选手|运动员|专家|企业家|负责人)"
)
AT_MEETING = re.compile("(?:在)?(?:本次|此次)?(?:会|大会|会议|论坛|峰会|开幕式|闭幕式|活动)(?:上|中|期间)")
AT_MEETING_FIRST = re.compile("[在本此会大论峰开闭活]")
WITNESSES = re.compile("参加|出席|参与|见证|列席|负责同志|负责人")
SUPPORTING = re.compile(r"(?:作为|为)?(?:支持|指导|支撑|参与|参加|合作)单位")  # 由A、B作为支持单位: A and B take part
# Taking part in a meeting: the people (and bodies) named before it attend the event it names or refers to
ATTENDING = re.compile(
    r"(?:出席|参加|参与|参赛|列席|参会|与会|主持|观摩|莅临|共襄盛会|(?:汇|齐|欢)聚一堂"
    r"|(?:视频|现场)?(?:致辞|讲话|致欢迎辞|发言))了?"
)
ATTENDING_FIRST = re.compile("[出参列与主观莅共视现致讲发汇齐欢]")
ATTENDING_NEEDS = re.compile("出席|参|列席|与会|主持|观摩|莅临|共襄盛会|聚一堂|致|讲话|发言")  # one in every match
ENGINEERING_LAB = re.compile("(?:技术|创新)?(?:研究)?(?:实验室|中心|研究院)")  # after 工程: a lab's field, no program
# the sessions a body holds of itself (…党委十届八次全会, …协会2024年年会, …第三次会员代表大会)
OWN_SESSION = re.compile(
    r"(?:(?:常务)?理事会)?(?:第?[0-9一二三四五六七八九十]+届)?(?:第?[0-9一二三四五六七八九十]+次)?(?:(?:19|20)[0-9]{2}年度?)?"
    r"(?:第?[0-9一二三四五六七八九十]+次)?"  # (某某集团2015年第一次工作会议: the year first)
    r"(?:全会|全体会议|全体委员会议|会员代表大会|代表大会|年会|常委会会议|常务会议|理事会议|理事会会议|理事大会|工作会议)"
)
URGING = re.compile("希望|鼓励|要求|号召|动员|倡议|呼吁|表示|指出|强调|介绍|说")
SENDING = ("选派", "派出", "组织", "代表队", "组队")  # 某校选派12名选手参赛: the school takes part through them
SENTENCE_END = re.compile("[。！？\n]")
CLAUSE_END_RE = re.compile("[。；！？]")
# what a verb of attending closes on when it names no event: the one the text is about (出席本次活动, 参会。)
ATTENDED = ("会议", "活动", "并", "本次", "此次", "大会", "仪式", "论坛", "现场")  # 莅临现场: the event's scene
# …or an event's bare type word (参加签约仪式, 出席开幕式, 观摩比赛): the event the text is about
# A modifier only before a ceremony's or a meeting's own kind (签约仪式, 校企座谈会): 社会实践活动, 技能比赛 are
# activities of every kind, not the event the text is about
ATTENDED_KIND = re.compile(
    r"(?:了)?(?:本次|此次|这次|本届|该|上述|当天的|今天的)?"
    r"(?P<phrase>(?:[^，。；：、各类项级些多等暨]{1,4}暨)?[^，。；：、各类项级些多等]{0,4}?(?P<kind>仪式|典礼|[座洽对]谈会|研讨会|交流会|推进会|现场会|发布会|论坛|峰会|会议|大会)"
    r"|(?P<bare>开幕式|闭幕式|比赛|大赛|竞赛|活动)"
    r"|(?P<talk>座谈|洽谈)(?![会])(?=[，。；并、和及]|$))"  # 参加座谈。: the 座谈会 attended, named by its verb
)
# kinds that name any event the text is about (出席会议, 参加活动, 出席开幕式 of a contest)
GENERIC_KINDS = ("会议", "活动", "仪式", "开幕式", "闭幕式", "大会", "比赛")
# 出席本次会议的还有A、B / 参加签约仪式的领导有A: those named after the verb attend
ATTENDING_AFTER = re.compile(
    r"的(?:[^，。；：、的]{2,20}的(?=领导|嘉宾))?(?:领导|嘉宾|人员|代表|负责同志|同志|其他|和|及|与)*(?:还)?(?:有|包括)[：:]?"
)  # …的有, …的领导有, …的某某学院的领导有
# the next roll of the same list (…；某某区的领导有…): another side's people attending
ATTENDING_NEXT = re.compile(r"；[^，。；：、的]{2,20}的(?:领导|嘉宾)(?:还)?(?:有|包括)[：:]?")
# 张三在致辞中表示 / 李四在讲话中指出: one who speaks at the event the text is about
SPEAKING_AT = re.compile(r"在(?:视频)?(?:致辞|讲话|发言|致欢迎辞|总结讲话|主旨报告|报告)(?:中|时)")
# A count of those who came, competed or were offered something at an event: the event's count, not the place's
ATTENDANCE = re.compile("参加|参会|出席|参与|参赛|与会|到会|到场|进场|吸引|齐聚|汇聚|邀请|岗位|展位|嘉宾")
# 大会还邀请了A、B: who an event itself invites (A邀请B参加 is read by the verb of attending)
EVENT_INVITES = re.compile("(?:大会|会议|活动|论坛|峰会|推介会|仪式)(?:还|特别|特)?邀请了?")
EVENT_INVITES_NEEDS = ("邀请",)  # in every match (see finditer_holding)
# a room or ground of the venue, in a building of it (行政楼五楼报告厅): where in the venue the event takes place
VENUE_ROOM = re.compile(
    r"(?:(?:的)?[^，。；、在]{0,6}?(?:会议室|会议厅|报告厅|礼堂|运动场|体育馆|体育场|操场|广场|大厅|多功能厅|演播厅"
    r"|剧场|展厅|教室|实训室|实训楼|大楼|楼|厅)){1,3}"
)
# 新增A、B等企业作为合作企业: the platform the text is about takes them on as partners
PARTNERS_ADDED_WORDS = ("增加", "新增", "增补", "吸纳", "引入", "引进")
PARTNERS_ADDED = re.compile("|".join(PARTNERS_ADDED_WORDS))
PARTNERS_AS = re.compile(
    r"(?:等[^，。；：、]{0,12})?(?:作为|成为)(?:其|该(?:学院|平台|基地|中心|联盟))?(?:新的)?合作(?:企业|单位|伙伴|方)"
)
# A集团副总经理、B公司董事长张三: the titles one person holds at A, before those at B
# (one title or several: 集团副理事长、秘书长、校党委副书记、某某学院院长张三 holds a post at the group too)
TITLE_LINK = re.compile(
    r"(?:(?:校|院)?(?:党委|党组)?(?:副|常务副)?(?:总经理|经理|董事长|董事|书记|院长|校长|局长|主任|会长|主席|总裁"
    r"|成员|委员|常委|秘书长|理事长|部长|负责人)、)+"
)
FORMER_POST = re.compile(r"原(?:常务)?副?" + "|".join(ROLES).join(("(?:", ")")))  # 原主任, 原副部长: a past post
# 区委教育工委书记，区教育局局长张三: one person's posts in two government bodies named in full
GOVERNMENT_LINK = re.compile(r"(?:党委|党组)?(?:副|常务副)?(?:书记|局长|主任|主席|成员|委员|常委)[、，,]")
GOVERNMENT_BODY_END = re.compile(r"(?:[局厅部]|工委|教委|发改委|党委|委员会|政府|管委会)$")
# 区委副书记、区长张三, 副市长李四: the head of a place's government (the title's level: 区 县 市 州 省)
PLACE_LEADERS = re.compile("(?<=[省市区县州镇乡委])领导")  # 区领导张三: the leaders of a place, no body's title
GOVERNMENT_HEAD = re.compile(f"(?<![校园社营]){GOVERNMENT_TITLE}$")
# 关于推进某某联盟建设的意见, written without 《》: a title, whose words are no verb nor object of the sentence
PLAIN_TITLE = re.compile(
    r"关于[^，。；：“”《》]{2,60}?的(?:实施|指导)?(?:意见|通知|方案|决定|办法|批复|规定|规划|措施|计划|函)"
)
PLAIN_TITLE_NEEDS = ("关于",)  # in every match (see finditer_holding)
# a heading numbered 一、 and the items numbered 1. under it
LIST_HEADING = re.compile(r"\s*[一二三四五六七八九十]+[、.．]\s*")
LIST_ITEM = re.compile(r"\s*(?:[0-9]+[.．、)）]|[（(][0-9]+[)）])\s*")
# X揭牌仪式在Y: the words between a platform and the venue of its unveiling
CEREMONY_BEFORE = re.compile(r"(?:正式)?(?:揭牌|挂牌|成立|启用)(?:仪式|大会|典礼)?(?:隆重|正式)?在")
LAUNCH_BEFORE = re.compile(r"(?:启动|开幕|开营|开班)(?:仪式|式|大会|会)(?:隆重|正式|顺利)?在")
UNVEILED = "build-为…揭牌"  # the rule of a body that unveils a platform (see _unveiled_by)
UNVEILING_EVENT = re.compile(r"(?:揭牌|挂牌|启用)仪式$")  # a ceremony named after the platform it unveils
JOINT = ("共建",)  # verbs that need two parties
# 为联合体揭牌: a platform referred to by its kind
UNVEIL_KIND = re.compile(
    r"为(?:该|本)?(联合体|共同体|职教集团|教育集团|集团|联盟|基地|产业学院|实验室|中心)(?:正式|共同)?(?:揭牌|挂牌)"
)
UNVEIL_KIND_NEEDS = ("牌",)  # in every match: 揭牌, 挂牌 (see finditer_holding)
UNVEIL_AFTER = re.compile(r"”?(?:正式|共同)?(?:揭牌|挂牌|揭幕|授牌)")
TABLE_CELL = re.compile(r"[^\s|｜\t\u3000]+")  # a table row's cells: split by spaces, tabs or bars
TABLE_LEADER = re.compile(r"牵头(?:单位|院校|学校|高校|企业|机构)")
TABLE_NAME = re.compile(r"名称|名单|集团|联盟|共同体|联合体|基地|平台")
# a leading role named as a noun: A作为X的牵头单位 / X的牵头单位为A / A当选为理事长单位
LEADER_ROLE = re.compile(r"(?:牵头|理事长|盟主)(?:单位|院校|学校|高校|企业|机构)")
GENERIC_PLATFORM = re.compile("共同体|联合体|联盟|职教集团|集团")  # 当选共同体副理事长单位: a platform of that kind
# a role noun: its bearers lead the platform (牵头单位, 理事长单位) or are its members (副理事长单位, 成员单位)
ROLE_NOUN = re.compile(
    r"(?:[院学]校|企业|高校)?(?:(?P<member>副理事长|常务理事|理事|成员|会员|副盟主|副会长)(?:单位|院校|学校|企业|校(?!长))"
    r"|(?<![副原])(?:牵头|理事长|盟主|会长)(?:单位|院校|学校|高校|企业|机构))"
)
ROLE_NOUN_FIRST = re.compile("[院学企高副常理成会牵盟]")
ROLE_NOUN_NEEDS = re.compile("理事|成员|会员|盟主|牵头|会长")  # one in every match
# between the bearers and their role: A、B等12家单位为副理事长单位 / A作为首届理事长单位 / A当选X的…
ROLE_BEFORE = re.compile(
    r"(?:等[^，。；：]{0,14}?)?(?:作为|为|是|担任|当选为|当选|被选为|成为|确定为|被确定为)(?:首届|首批|新一届|第一届)?"
    r"(?:该|本)?(?:共同体|联合体|联盟|集团|职教集团)?(?:的)?"
)
ROLE_HUNG = re.compile(r"的?(?:首批|首届|新一届|第[一二三四五六七八九十\d]{1,2}[批届])?")  # X(的)(首批)成员单位
ROLE_IS = re.compile(r"(?:为|是|有|由|：)?(?:首届|首批|新一届)?")
LEADER_NOTE = re.compile(r"[（(]?牵头(?:单位|院校|学校|高校|企业|机构)[：:]")
# 院长张三，副院长李四 / 经理张三、区域财务负责人李四: a separator and title words between two titled people
ROLL_GAP = re.compile(r"(?:[，、,]|和|及|以及)(?:[^，。；：、,;:]{0,8}、){0,3}[^，。；：、,;:]{0,8}")
ROLL_ITEM = re.compile(r"[，、,]|和|及")  # what separates the items of a roll (see ROLL_GAP)
TITLE_OPENING = re.compile("(?:常务|执行)?副?")  # what a title may open with before the word the roles name
# another body in the titles after the roll (区委常委、组织部长; a place is a name: 江北区副区长), not a title
# ending in one (副局长) nor an internal division (职成教处处长, 综合运营部总监, a hotel's 前厅部经理: their staff work
# at the parent)
ROLL_BODY = re.compile(
    r"局(?!长)|(?<![前大餐客展])厅(?!长)|(?<![党常纪])委(?!员)|[校院]党委|政府|集团|公司|学院|学校|大学|协会|人大|政协"
)
OTHER_BODY = re.compile(r"[局厅处部区市县省]|(?<![党常])委(?!员)|政府|集团|公司|学院|学校|大学|协会")  # another body
EVENT_FRAME = re.compile(r"^在[^，；。]{2,40}(?:上|中|期间)[，,]")
# X签约单位包括A、B / X的成员单位有A、B / X包括A、B、C: the listed bodies are members of the platform X
MEMBERS_LISTED = re.compile(
    r"(?:的)?(?:(?:首批|首届)?(?:签约|成员|理事|会员)单位|成员)?(?:包括|包含|涵盖|有|为)[：]?|(?:的)?(?:签约|成员|理事)单位[：]"
    # 某某教育集团近日揭牌，成员校有A、B: the group named in the clause before
    r"|[^。；：，,]{0,12}[，,](?:其)?成员(?:校|学校|单位|院校)(?:包括|包含|涵盖|有|为)[：:]?"
)
# 等18个校内生产性实训基地: the items are bases inside the school
INSIDE_HEAD = re.compile(
    r"等[0-9一二两三四五六七八九十百]+(?:余|多)?[个家所处]校内[^，。；、]{0,8}?(?:基地|中心|实训室|工作室)"
)
INSIDE_HEAD_NEEDS = ("校内",)  # in every match (see finditer_holding)
MEMBERS_COUNTED = re.compile(
    r"(?:现有|共有|拥有|已有|有)?(?:首批)?(?:成员单位|成员|会员单位|理事单位|会员)(?:共|达|已达)?"
    r"[0-9零一二两三四五六七八九十百]+(?:余|多)?[家个所][，,](?:其中)?(?:包括|包含|涵盖|有|分别为|分别是)[：:]?"
)
# 某某产业学院签约揭牌仪式: a ceremony of signing for a body and unveiling it at once (after the body's name)
SIGNED_UNVEILING = re.compile(f"”?{SIGNED_FIRST}(?:揭牌|授牌|挂牌)(?:仪式|典礼)")
BELONGS_TO = re.compile(r"(?:直接)?(?:隶属于|隶属|归属于|归属)")  # X隶属于Y: X, the unit, named first
COPULA = re.compile(r"(?:是|为|系)")  # X是Y的二级学院: with a unit's noun after Y (UNIT_NOUN)
UNIT_NOUN = re.compile(
    r"(?:的|旗下的?|下属的?|所属的?|直属的?)(?:一[家所个])?(?:全资|控股)?"
    r"(?:子公司|分公司|下属单位|直属单位|二级学院|二级单位|分校|校区|分院|研究院|研究所)"
)
ROLL_TITLE = re.compile(r"(?:的)?(?:首批)?(?:成员单位|理事单位|会员单位|成员)(?:名单|名录|一览表)?[：:]?\s*$")
ATTACHMENT = re.compile(r"^\s*附件[0-9]*[：:]?\s*")
HERE = re.compile("")  # an empty match where a roll's title ends (see _designation_line)
NOTE_AT_END = re.compile(r"[（(][^）)]*[)）]\s*$")  # （某某区某某村）: a note after a name
NAMES_ONLY = re.compile(r"[\s、，,;；|｜\u3000]+")  # what may stand between the names of a line of names
ROW_NUMBER = re.compile(r"\s*(?:[0-9]{1,3}(?:[.．、)）]|\s)|[（(][0-9]{1,3}[)）])")  # 1. / 1␣ / (1): an item or a row
# 1.某某教育集团：A、B、C (a line of a list of groups): the schools after the colon are the group's members
LINE_OF_MEMBERS = re.compile(rf"(?:^|\n)(?:{ROW_NUMBER.pattern})?\s*$")
# …八所成员校 / …纳入其中: what closes a list of a group's members
MEMBERS_AFTER = re.compile(
    r"(?:等)?(?:[0-9零一二两三四五六七八九十]+(?:所|家|个))?成员(?:校|学校|单位|院校)(?!长)|纳入(?:其中|集团|联盟|该集团)"
)
MEMBERS_AFTER_FIRST = frozenset("等0123456789零一二两三四五六七八九十成纳")  # where a match of it can start
SELECTED_AGAIN = re.compile(r"(?:入选|入围|列入)(?P<list>[\u4e00-\u9fff]{0,4}名单)(?=[，。；！？]|$)")
SELECTED_AGAIN_NEEDS = ("名单",)  # in every match (see finditer_holding)
# 首批X联盟为A、B, X有3家，分别为A、B、C: the roll of its holders
ROLL_OF_HOLDERS = re.compile(
    r"(?:(?:共)?有[0-9零一二两三四五六七八九十百]+[家个所处][，,])?(?:分别)?(?:为|是|包括|有)[：:]?"
)
# 这17个基地（单位）分别为: the bodies the sentence before counted, listed (see _designations_named)
COUNTED_ROLL = re.compile(
    r"(?:这|上述|以上|其中)?[0-9零一二两三四五六七八九十百]+[家个所处][^，。；：、]{0,10}?(?:分别为|分别是|包括|为)[：:]?"
)
MEMBERSHIP = ("成员包括", "成员有", "成员单位包括", "成员单位有", "成员涵盖")  # (each opens with 成员)
LIST_SEPARATOR = re.compile(r"^(?:、|和|及|以及|与|同|，)$")
SPACES = " \u3000"  # the spaces a mirror leaves around a list's mark (某某政府 、某某): see _unspaced
SUBJECTS_JOINED = ("、", "和", "及", "以及")  # what joins the items of an enumerated subject (see _co_subjects)
AGENTS_JOINED = (*SUBJECTS_JOINED, "与", "同")  # …of the agents 由 introduces
UNNAMED_FIRST = re.compile(r"(与|同|跟)[^，。；、：与和同跟]{2,12}、$")
PARTNER_OPEN = ("与", "同", "跟", "和", "会同", "联合", "携手", "联手")
# what a zone or park does to the bodies in it (某某开发区聚集了A、B等企业): see _gathered_in
GATHERS = re.compile("(?:已|目前|现已|共)?(?:云集|聚集|集聚|汇聚|入驻|落户|吸引)(?:了)?")
ORGANISED = re.compile("组织|促成|推动|指导|协调")  # X组织A与B签约: X brings the parties together, it is none
MULTIPARTY = re.compile("[三四五六]方")  # 三方协议, 四方合作: every party with every other
# what stands between the bodies after 由 and the verb they build with (由A、B四方共同共建的): a count, an adverb
BUILT_BY_LEAD = re.compile("(?:[两三四五六七八九十]方|双方)?(?:共同|联合|合作|携手)?$")
NOT_SUBJECT_BEFORE = re.compile(
    r"(与|和|同|跟|对|向|在|以|为|把|将|从|让|使|给|于|及|、|的|联合|携手|通过|借助|依托|围绕)$"
)
ADVERBIAL = re.compile(
    r"(?:(?:近年来|近年|去年|今年|当前|目前|同时|此外|另外|据了解|其中|随后|最终|日前|近日|[0-9]{4}年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?"
    # a date without its year, and the comma after any of them (12月16日，某某共同体由…)
    r"|[0-9]{1,2}月[0-9]{1,2}日)(?:上午|下午|晚)?[，,]?"
    # 以习近平同志为核心的党中央: the formula that qualifies the body, which is the clause's subject
    r"|以[\u4e00-\u9fff]{2,8}为核心的)?"
)
ADVERBIAL_FIRST = frozenset("近去今当目同此另据其随最日以0123456789")  # what a non-empty match of ADVERBIAL opens with
# what stands between a list of bodies and the verb they are the subject of: their count and kind (等三家企业)
LISTED_UNTIL_VERB = re.compile(
    r"(?:等[0-9一二三四五六七八九十两]+[家所个][\u4e00-\u9fff]{0,4})?(?:均|已|先后|同时)?被?"
)
UNVEILED_AFTER = re.compile(UNVEILING_VERB)
BUILT_BEFORE = re.compile("(?:共建|共同建设|共同组建|合作建设)“?$")  # A与B共建“某某产业学院”签约仪式: what they build
AGREEMENT_AFTER = re.compile("(?:合作|框架)?协议")  # 签订某某联盟共建协议: what the agreement builds
NOMINAL_AFTER = re.compile(r"[，。；、]|纳入|工作|取得|成效|成果|中|上|的")
PIVOT = re.compile(r"(?:指导|带动|引领|辐射|负责|统筹|吸纳|汇聚|覆盖|拥有|涵盖|集聚|来自|首期|招收|招生)")
PREPOSITIONS = ("以", "与", "同", "跟", "在", "对", "向", "为", "由", "从", "把", "将", "给", "让", "使")
GOAL_AFTER = re.compile(r"”?为(?:统领|引领|目标|抓手|主线|核心|载体|牵引|指引)")
PASSIVE = re.compile(r"由")
# the circumstances said between a body and 由 (X在省教育厅的指导下，在市政府的支持下，由A、B共同发起)
GUIDED_BEFORE = re.compile(r"(?:在[^，。；在]{1,30}?下，)+$")
# between two groups of a listed agent: A、B等企业，C、D等高校，E等职业院校共同牵头 (the group's noun ends it)
AGENT_GROUP = re.compile(r"(?:（[^（）]{1,24}）)?(?:等[^，。；：、“”]{1,10}[，、]|[，])")
AGENT_NOTE = re.compile(r"（[^（）]{1,24}）")  # 某某职业学院（现更名为…）: a note on the name
# after the listed agents, before the verb: 三家单位 / 等120家协会、院校和企业 (no name in it)
AGENT_TAIL = re.compile(
    r"(?:（[^（）]{1,24}）)?(?:等[^，。；：]{0,20}|[0-9零〇一二两三四五六七八九十百千]+[家所个][^，。；：]{0,16}"
    # the list going on with unnamed kinds of body (…、有关部门、企业及院校共同发起)
    r"|(?:[、及和与][^，。；：、及和与]{2,12}){1,6})?"
)
# the verb the agents of 由 do: 牵头 (alone, or before a verb of founding), or 组成 (they are its members)
PASSIVE_LEAD = re.compile(
    r"(?:共同|联合|携手)?(牵头)(?:(共建)|(成立|组建|建设|建立|设立|打造|发起|组织)|(?=[，。；]|$))"
)
PASSIVE_MEMBERS = re.compile(r"(?:共同)?(?:组成|组建而成|构成)")
PASSIVE_BUILDS = re.compile(
    r"(?:共同|联合|合作|携手)(?:发起)?(?:谋划|建设|共建|建立|设立|成立|组建|打造|创建|筹建)|(?:共同|联合)发起(?!人)"
)
# after 牵头，: the rest of the sentence says the body was set up (…等120家单位共同组建)
BUILT_LATER = re.compile(r"[^。；]{0,60}?(?:(?:共同|联合)(?:组建|建设|共建|成立)|组建而成|共建(?=[。；，]|$))")
# X的母公司Y / X隶属于Y: X is part of Y;  Y下属的X / Y旗下X / Y的二级学院X / Y（含X）: X is part of Y
PARENT_AFTER = re.compile(r"的(?:母公司|上级单位|主管单位)(?:是|为)?")
# the characters a match of PARENT_AFTER, UNIT_AFTER, BELONGS_TO or COPULA starts with (see _units_stated; not "")
GAP_OPENINGS = frozenset("的下旗所直（隶归是为系全控子")
KIN_WORDS = ("母公司", "子公司", "分公司")  # taken for a company's name on their own: the words of the relation
UNIT_AFTER = re.compile(  # (a subsidiary's words first: 旗下全资公司——Y, not 旗下 alone)
    r"(?:旗下|下属)?的?(?:(?:全资|控股)子?公司|子公司)(?:——)?|(?:的)?(?:下属|旗下|所属|直属)(?:的)?(?:单位|企业|公司|学校)?"
    r"|的二级学院|（含"
)
# what stands between the bodies that issue a policy and its title: 等六部门联合印发的《, or nothing (国务院办公厅《)
ISSUED_BY = re.compile(
    r"(?:等(?:[一二三四五六七八九十\d]{1,2}个?)?(?:部门|部委|单位))?(?:联合)?(?:印发|出台|发布|颁布|下发)?(?:了|的)?(?=《)"
)
ISSUED_FIRST = ("等", "联", "印", "出", "发", "颁", "下", "了", "的", "《")  # how a match of ISSUED_BY starts
TITLE_JOINT = re.compile("[、和及与]|以及")  # between the titles of a run of policies
# how a match of UNIT_AFTER starts (no regex call else)
UNIT_FIRST = ("的", "下属", "旗下", "所属", "直属", "（含", "全资", "控股", "子公司")
# a sentence that opens with a verb (after adverbs of sequence) continues the subject of the one before
SUCCESSIVE = re.compile("(?:先后|相继|随后|陆续)")  # 先后赴A、B: a clause opening with a string of visits
CONTINUED = re.compile(
    r"(?:相继|先后|陆续|还|并|又|也|同时|已|已经|累计|共|再|随后|此外|另外|近年来)*(?:" + TRIGGER_RE.pattern + "|与)"
)  # …；与A、B等大学合作: a partner after 与, the sentence before's subject working with it
# X以Y为依托 / X依托Y / Y为依托园区: the park or place X is set in
BASED_ON = re.compile(r"为依托(?:园区|单位)?")
PARK = re.compile(r"园区|开发区|高新区|产业园|经开区|科技城|产业新城|工业园|示范区|新区|[区县市州]$")
# X是A与B（依托…）共同牵头…的Y: A and B lead X (the clause is X's description, not its action)
IS_LED_BY = re.compile(r"[^，。；]{2,40}?是(?:由)?[^，。；]{2,60}?(?:共同|联合)?牵头")
IS_LED_BY_LONGEST = 40 + 2 + 60 + 2 + 2  # characters: 牵头 ends within them, or IS_LED_BY does not match
DESCRIBED_LEAD = re.compile(r"[^，。；]{0,24}?(?:共同|联合)?牵头")
# 以A为龙头 / 以A为牵头单位: A leads the body the sentence is about
JOINED = re.compile(r"[，,](?:积极)?(?:联合|吸纳|汇聚)")  # 以A为龙头，联合B、C…: B and C are its members
HEAD_OF = re.compile(r"为(?:龙头(?:学?校|院校|企业|单位)?|牵头单位|牵头院校|核心单位)")
# 以A为龙头校组建X: the body set up right after the head's role, which it leads
SET_UP_AFTER = re.compile(r"[，,]?(?:共同|联合)?(?:组建|成立|建立|组成)了?")
PASSIVE_VERB = re.compile(r"(?:牵头|负责)?(设立|建立|成立|组建|建设|举办|承办|主办|实施|开展|发起)")
TRAINING = re.compile("培养|培训|输送")
SPEAKING = re.compile("作|发言|交流|分享|展示")
HEADED_BY = re.compile("[^，。；]{0,8}为(?:双)?(?:校长|组长|负责人|主任|牵头单位|理事长)的")
INSIDE = re.compile("在(?:校内|园内|院内|园区内|校园内)[^，。；]{0,4}$")
GUIDED = re.compile("以(?:建设|打造|创建)?“?$")
DESCRIBED = re.compile("“([^“”]{4,80})”的")
LEADING = re.compile("统一领导|牵头|统筹|主导|领导")
COLLECTIVE_NAME = re.compile("^(?:“[^”]*”)?[一二两三四五六七八九十]+大")
SUBJECT_LEADS = ("", "而", "并", "也", "同时", "其中", "另外", "此外", "还有", "据悉")
NUMERAL = re.compile(r"[0-9零〇一二两三四五六七八九十百千]")
TITLE_CHAIN = 14  # characters of unit and title words between an organisation and a person's name
CLAUSE_BREAK = re.compile("[，。；：！？,;:]")
NOT_BLANK = re.compile(r"\S")  # a character str.strip keeps (both ask Unicode's whitespace)
# (no digit before the year, checked after its first two: the pattern then starts with a character, which the regex
# engine skips to instead of trying it at every position)
YEAR_RE = re.compile(r"((?:19|20)(?<![0-9]..)[0-9]{2})年")

# -- indicators -------------------------------------------------------------------------------------

NUMBER = r"[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+"
INDICATOR_RE = re.compile(
    rf"(?P<num>{NUMBER})(?P<mult>万|亿)?(?P<post>余|多)?"
    r"(?P<unit>人次|场次|余?个|所|家|名|人|项|次|门|款|间|份|种|位|支|座|条|枚|%|％|(?<=[0-9])金|(?<=[0-9])银|(?<=[0-9])铜|"
    r"(?<=[0-9余多])节|(?<=[0-9余多])场(?!馆|地|所|景)|"
    r"万人|亿元|万元|元|平方米|亩|学时|课时)"
)
PRE_QUALIFIERS = ("超过", "突破", "达到", "近", "约", "超", "逾", "达")  # before the number
QUALIFIERS = {"近": "近", "约": "约", "超过": "超", "超": "超", "逾": "超", "突破": "超", "余": "余", "多": "多"}
COUNTS = [
    ("企业", "Company"),
    ("公司", "Company"),
    ("院校", "College"),
    ("高校", "College"),
    ("家长学校", "ParentSchool"),
    ("幼儿园", "School"),
    ("学校", "School"),
    ("中小学", "School"),
    ("课程", "Course"),
    ("项目", "Project"),
    ("基地", "Platform"),
    ("中心", "Platform"),
    ("教师", "Person"),
    ("学生", "Person"),
    ("毕业生", "Person"),
    ("运动员", "Person"),
    ("儿童", "Person"),
    ("校长", "Person"),
    ("人才", "Person"),
    ("名师", "Person"),
    ("书记", "Person"),
]
PERSON_UNITS = ("名", "人", "位")


class RelationExtractor:
    """Relations and indicators of one document, from its resolved mentions."""

    def __init__(
        self,
        text: str,
        mentions: list[Mention],
        topic: Entity | None,
        parts: list[tuple[int, int, list[tuple[int, int]]]] | None = None,
    ):
        self.segments = parts if parts is not None else segments(text)
        self.text = text
        self.mentions = [m for m in mentions if m.entity is not None]
        # the document's place (from its metadata) is what a clause without a subject is about only where the
        # text names it: a fact about a place the text never names cannot be read from the text
        self.topic = topic if topic is None or any(m.entity is topic for m in self.mentions) else None
        self.relations: dict[tuple, Relation] = {}
        self.indicators: list[Indicator] = []
        self.nested: list[Mention] = []  # nested mentions of the current sentence
        self._year: tuple[tuple[int, int] | None, str] = (None, "")  # (sentence, the one year it names)
        self._roll: tuple[int, Entity] | None = None  # (end of the last person named with a title, their employer)
        self._employers: dict[str, Entity] = {}  # a person's organisation, from the first worksAt the text gives
        self._pair: list[Entity] = []  # the parties of the last agreement: what 双方 refers to
        # whether the text joins a body into another anywhere (将某某小学纳入…: see _merged_into): asked once
        self._merging = any(word in text for word in MERGED_INTO_WORDS)
        # the end of the last sentence that designated a body, and its designation (see _designations_named)
        self._designated: tuple[int, Entity] | None = None
        self._last_run: Entity | None = None  # the last event or program named: what 该活动 / 本次大赛 refer to
        self._here: list[Mention] = []  # the mentions of the sentence read
        self._opened = (-1, -1)  # (position, its end of an opening adverbial): see _opening
        # its names that are no part of another (not nested), and those of them that are no reference (我校, 该集团):
        # what most sentence rules read, made once per sentence (the rules only read them)
        self._main: list[Mention] = []
        self._main_named: list[Mention] = []
        self._sentences = 0  # sentences read
        self._event_seen = -9  # the sentence that last named (or referred to) an event
        self._sentence_employer: Entity | None = None  # the organisation of the last titled person of a sentence
        self._carry: Entity | None = None  # …of the sentence before: 学院院长张三出席。副院长李四…: the same college
        # the school whose news it is (我校): the organisation of titles with no body named (校长张三出席)
        self._publisher = next(
            (m.entity for m in self.mentions if m.ref == "publisher" or own_committee(m.name)), None
        )  # 我校, or the school 校党委 is the committee of
        # else the school the lead names first (某某学院与某公司举行洽谈会。党委委员、副校长张三…出席): a head's roll
        # with no body named is that school's, as in its own news
        # (the school whose site published the text, when no 我校 names it: before the lead's)
        own = topic if topic is not None and topic.cls in KINDS["EducationalOrganization"] else None
        self._lead_school = self._publisher or own or _lead_school(text, self.mentions)
        self._last_platform: Entity | None = None
        self._platforms: list[Entity] = []  # the last platforms named, oldest first
        self._last_subject: Entity | None = None  # the organisation the sentence before was about
        # the event the article is about: the first one its title or first sentence names (会议 / 活动 refer to it)
        self._main_event = _main_event(text, self.mentions)
        self.heads: dict[tuple[int, int], Entity] = {}  # see extract_relations
        self._governments: dict[str, tuple[str, Entity]] | None = None  # see _government_headed
        self._rolled: set[tuple[str, str]] = set()  # (member, event) of a roll that meets somewhere: no host
        self._posts: dict[int, Entity] = {}  # the government of each post, by where the post's title ends
        # a 通讯员 named outside a byline is a correspondent, in no fact of the text (a dateline's outlet and its
        # byline's people are no mentions: see the recogniser's datelines)
        self._correspondents = {  # (the word looked for first: a regex call for each of 13,000 names cost more)
            id(m.entity)
            for m in self.mentions
            if text.find("通讯员", max(0, m.start - 6), m.start) >= 0
            and CORRESPONDENT.search(text, max(0, m.start - 6), m.start)
        }

    def run(self) -> tuple[list[Relation], list[Indicator]]:
        ordered = sorted(self.mentions, key=lambda m: m.start)
        starts = [m.start for m in ordered]
        text = self.text
        for start, end, parts in self.segments:
            inside = ordered[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
            if not inside and not NUMERAL.search(text, start, end):
                continue  # nothing to relate, nothing to count
            self.nested = [m for m in inside if m.nested]
            self._sentence(start, end, inside, parts)
        self._lead_columns(ordered)
        self._designation_lists(ordered)
        self._respectively(ordered)
        self._member_rolls(ordered)
        self._venues_of_organised()
        self._signing_partners()
        return list(self.relations.values()), self.indicators

    def _whole_lines(self) -> tuple[int, int]:
        """Where the lines of the text read here begin and end (a block of a long text: its whole lines)."""
        begin = self.text.rfind("\n", 0, self.segments[0][0]) + 1
        finish = self.text.find("\n", self.segments[-1][1])
        return begin, len(self.text) if finish < 0 else finish

    def _member_rolls(self, ordered: list[Mention]) -> None:
        """A roll under its title, each line or row naming one holder or several (a line of names alone).

        ``X成员单位名单`` (X a platform): each is a member of X; ``附件：X名单`` (X a designation): each holds
        X.  The roll runs over numbered lines, table rows (the first name of each) and lines of names only,
        and ends at the first line that is none of these nor the table's header (序号 …)."""
        text = self.text
        if not self.segments:
            return
        begin, finish = self._whole_lines()
        starts = [m.start for m in ordered]
        title: tuple[str, Entity] | None = None
        titles = {m.entity.label: m for m in ordered if m.entity is not None and _designation(m.entity)}
        # where the designations _designation_line may find start (the names it is given below)
        marks = [
            m.start for m in ordered if not m.nested and not m.ref and m.entity is not None and _designation(m.entity)
        ]
        offset = begin
        for line in text[begin:finish].split("\n"):
            start, offset = offset, offset + len(line) + 1
            if (
                title is None
                and not (_may_be_title(line) or _may_be_roll(line))
                and bisect.bisect_left(marks, start) == bisect.bisect_left(marks, offset)
            ):
                # no roll read yet and none can start here (no title's word, no designation in the line): most
                # lines, left without their names gathered and tested (7,300 on 1 MiB of text)
                continue
            inside = ordered[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, offset)]
            inside = [m for m in inside if not m.nested and m.entity is not None and not m.ref]
            title_end = ROLL_TITLE.search(line) if _may_be_title(line) else None
            roll = title_end or (ROLL_WORD.search(line) if _may_be_roll(line) else None)
            roll = roll or _designation_line(line, start, inside)
            if roll is not None:
                before = [m for m in inside if m.end == start + roll.start()]
                kind = "memberOf" if roll.re is ROLL_TITLE else "designatedAs"
                named = ATTACHMENT.sub("", line[: roll.start()]).strip()
                if kind == "designatedAs" and named in titles:
                    before = [titles[named]]  # the designation the text named before, under its attachment
                fits = before and (
                    is_a(before[-1].entity.cls, "Platform") if kind == "memberOf" else _designation(before[-1].entity)
                )
                title = (kind, before[-1].entity) if fits else None
                continue
            if title is None or not line.strip() or line.lstrip().startswith("序号"):
                continue
            bodies = [m for m in inside if is_a(m.entity.cls, "Organization") and not is_a(m.entity.cls, "Place")]
            places = [m for m in inside if is_a(m.entity.cls, "District") and line.rfind("（", 0, m.start - start) > 0]
            if ROW_NUMBER.match(line):
                holders = bodies[:1]
            elif bodies and not NOTE_AT_END.sub("", NAMES_ONLY.sub("", _without(line, start, bodies + places))):
                holders = bodies  # 某某中学 某某小学 …: a line of names alone, with a note in brackets after it
            else:
                title = None
                continue
            for holder in holders:
                self.add(holder.entity, title[0], title[1], (start, start + len(line)), "roll-名单")
            if len(holders) == 1 and len(places) == 1:  # 某某生态园（某某区某某村）: where it is
                self.add(holders[0].entity, "locatedIn", places[0].entity, (start, start + len(line)), "locate-名单")

    def _respectively(self, ordered: list[Mention]) -> None:
        """A、B分别获批为X、Y: A is designated X and B is designated Y, not each both.

        Only where the sentence pairs as many holders as designations, in the order the text names them."""
        by_sentence: dict[tuple[int, int], list[tuple]] = {}
        for key, relation in self.relations.items():
            if relation.predicate == "designatedAs":
                by_sentence.setdefault((relation.start, relation.end), []).append(key)
        for (start, end), keys in by_sentence.items():
            if "分别" not in self.text[start:end]:
                continue
            first = {}
            for mention in ordered:
                if start <= mention.start < end and mention.entity is not None:
                    first.setdefault(mention.entity.label, mention.start)
            subjects = sorted({self.relations[k].subject.label for k in keys}, key=lambda n: first.get(n, end))
            objects = sorted({self.relations[k].object.label for k in keys}, key=lambda n: first.get(n, end))
            if len(subjects) < 2 or len(subjects) != len(objects) or len(keys) != len(subjects) ** 2:
                continue
            for key in keys:
                relation = self.relations[key]
                if subjects.index(relation.subject.label) != objects.index(relation.object.label):
                    del self.relations[key]

    def _venues_of_organised(self) -> None:
        """Z在X举行 made X the host; when the text names Z's organiser (由A主办), X is only where Z took place.

        An undertaker alone (由A承办 / 协办) leaves the venue a host as well."""
        organised = {r.object.label for r in self.relations.values() if r.rule in ("host-由…主办", "host-由…举办")}
        for key, relation in list(self.relations.items()):
            if relation.rule.startswith("host-在") and relation.object.label in organised:
                del self.relations[key]
                self.add(relation.object, "locatedIn", relation.subject, (relation.start, relation.end), "locate-venue")

    def _signing_partners(self) -> None:
        """A school's signing ceremony (某某冠名班签约仪式在某学院举行，A、B等企业代表出席): the companies that
        take part in it sign with the school that holds it or where it is held (the sentence of their taking part is
        the evidence)."""
        hosts: dict[str, list[Entity]] = {}
        for relation in self.relations.values():
            # the school that holds it, or where it takes place (某某签约仪式在某学院举行)
            school, event = relation.subject, relation.object
            if relation.predicate == "locatedIn":
                school, event = relation.object, relation.subject
            elif relation.predicate != "hosts":
                continue
            if is_a(school.cls, "EducationalOrganization") and SIGNING_NAME.search(event.label):
                hosts.setdefault(event.label, []).append(school)
        if not hosts:
            return
        for relation in list(self.relations.values()):
            schools = hosts.get(relation.object.label, ()) if relation.predicate == "participatesIn" else ()
            for school in schools if _industry(relation.subject) else ():
                span = (relation.start, relation.end)
                self.add(school, "integratesWith", relation.subject, span, "cooperate-signing-ceremony")

    def _lead_columns(self, ordered: list[Mention]) -> None:
        """Rows of a table under ``序号 集团名称 牵头单位`` (or ``X（牵头单位：Y）`` lines): each Y leads its X."""
        text = self.text
        # Only the lines of the segments read (a block of a long text): the cost is that of the block.
        if not self.segments:
            return
        begin, finish = self._whole_lines()
        finish += finish < len(text)  # with the line's end
        if text.find("牵头", begin, finish) < 0:
            return
        starts = [m.start for m in ordered]
        header: tuple[int, int] | None = None  # (column of the name, column of the leader)
        offset = begin
        for line in text[begin:finish].splitlines(keepends=True):
            start, offset = offset, offset + len(line)
            if header is None and "牵头" not in line:
                # no header row read yet and none here (TABLE_LEADER's cells hold 牵头), nor a leader's note: the
                # line is left as it is (most lines: 7,300 on 1 MiB of text were split into cells for nothing)
                continue
            inside = ordered[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, offset)]
            row = [m for m in inside if not m.nested]
            cells = [(start + c.start(), start + c.end()) for c in TABLE_CELL.finditer(line.rstrip())]
            names = [c for c, (a, b) in enumerate(cells) if TABLE_LEADER.fullmatch(text[a:b])]
            if names:
                led = [c for c, (a, b) in enumerate(cells) if TABLE_NAME.search(text[a:b]) and c not in names]
                header = (led[0], names[0]) if led else None
                continue
            inline = LEADER_NOTE.search(line) if "牵头" in line else None
            if inline is not None:  # 1.XX职教集团（牵头单位：XX学院、YY公司）
                at = start + inline.end()
                led_by = [m for m in row if m.start >= at]
                target = next((m for m in reversed(row) if m.end <= start + inline.start()), None)
                for leader in led_by:
                    if target is not None:
                        self.add(leader.entity, "leads", target.entity, (start, offset), "lead-牵头单位")
                continue
            if header is None or len(cells) <= max(header):
                header = None if len(cells) < 2 else header
                continue
            (name_a, name_b), (lead_a, lead_b) = cells[header[0]], cells[header[1]]
            targets = [m for m in row if name_a <= m.start < name_b]
            for leader in (m for m in row if lead_a <= m.start < lead_b):
                for target in targets[:1]:
                    self.add(leader.entity, "leads", target.entity, (start, offset), "lead-牵头单位")

    def _designation_lists(self, ordered: list[Mention]) -> None:
        """``一、<designation>`` heading, then ``1.<school>`` lines: each school listed holds the designation.

        The list ends at the next line that is not one of its items."""
        text = self.text
        if not self.segments:
            return
        begin, finish = self._whole_lines()
        starts = [m.start for m in ordered]
        title: Entity | None = None
        offset = begin
        for line in text[begin:finish].split("\n"):
            start, offset = offset, offset + len(line) + 1
            if not line:
                continue  # the blank line between two paragraphs (every other line): no item, and the list goes on
            heading, item = LIST_HEADING.match(line), LIST_ITEM.match(line)
            if heading is None and item is None:
                title = None if line.strip() else title
                continue
            at = start + (heading or item).end()
            index = bisect.bisect_left(starts, at)
            while index < len(ordered) and ordered[index].nested and ordered[index].start == at:
                index += 1
            first = ordered[index] if index < len(ordered) else None
            if first is None or first.start != at or first.nested:
                title = None
                continue
            if heading is not None:
                title = first.entity if _designation(first.entity) else None
            elif title is not None and is_a(first.entity.cls, "Organization"):
                holder = first
                after = ordered[index + 1] if index + 1 < len(ordered) else None
                if after is not None and after.rule == "bracket-unit" and text[first.end : after.start] in "(（":
                    holder = after  # 某某小学(雨润校区): the campus is the one listed
                self.add(holder.entity, "designatedAs", title, (start, start + len(line)), "designate-list")

    def _opening(self, start: int) -> int:
        """Where the words at ``start`` begin after an opening adverbial (近年来, 2024年3月 …), the same position when
        there is none.  Several rules ask it of the same clause: the last position asked is remembered."""
        if self._opened[0] != start:
            # (a clause that opens with none of its first characters has none: no regex call for most)
            opened = (
                ADVERBIAL.match(self.text, start).end() if self.text[start : start + 1] in ADVERBIAL_FIRST else start
            )
            self._opened = (start, opened)
        return self._opened[1]

    # -- output --------------------------------------------------------------------------------------

    def add(self, subject: Entity | None, predicate: str, obj: Entity | None, span: tuple[int, int], rule: str) -> None:
        # (张三出席仪式: the person takes part, not the school or company they come from: the annotated sets of
        # rounds 23-27 give the person alone, a body through its people was right 13 times of 73)
        if subject is not None and subject.cls == "Person" and predicate in ("builds", "hosts", "initiates"):
            # 张三主持, 张三建设…: their organisations hold or build it (the hand-annotated sets give a person no
            # event of their own; who unveils a body builds nothing, its school or company does: _unveiled_by);
            # 某某学院副院长张三开展了某某行动: the school runs it (the sets of rounds 23-35: none of 11 by a person)
            subject = self._employers.get(subject.label)
        self._add(subject, predicate, obj, span, rule)

    def _add(
        self, subject: Entity | None, predicate: str, obj: Entity | None, span: tuple[int, int], rule: str
    ) -> None:
        if subject is None or obj is None or subject is obj or subject.label == obj.label:
            return
        if id(subject) in self._correspondents or id(obj) in self._correspondents:
            return
        if (
            predicate == "builds"
            and is_a(obj.cls, "Platform")
            and is_a(subject.cls, "Organization")  # a district builds what bears its name (大足区…服务中心)
            and obj.label.startswith(subject.label)
        ):
            # 某某公司教育培训基地, built by 某某公司: the platform named after its parent is a unit of it
            subject, predicate, obj = named_after_parent(obj, subject)
            rule = "lead-builder-name" if predicate == "leads" else "part-builder-name"
        elif predicate == "builds" and _division(obj) and any(is_a(subject.cls, c) for c in WHOLE_SCHOOLS):
            # 学校成立某某工程学院: a 学院 named by its field alone is the school's own division (the guide: partOf,
            # not builds, for its parent)
            subject, predicate, obj, rule = obj, "partOf", subject, "part-builder-division"
        if not _fits(subject, predicate, obj):
            return
        if predicate in ("cooperatesWith", "integratesWith") and _own_unit(subject, obj):
            return  # 某某大学 and 某某大学护理学院, 某某市 and 某某市政府: a body does not work with its own part
        if predicate == "participatesIn" and (
            (subject.label, "hosts", obj.label) in self.relations
            or (obj.label, "locatedIn", subject.label) in self.relations
        ):
            return  # the host of an event, whose head speaks at it, hosts it; the body it is held at receives it
        if predicate == "hosts":
            if (subject.label, obj.label) in self._rolled:
                return  # one of a roll of those who meet (see _venues)
            self.relations.pop((subject.label, "participatesIn", obj.label), None)
        # the first relation of a key stays: most rules say again what was said (8,800 calls, a few hundred
        # relations on 1 MiB of text), and no relation is made to be dropped
        key = relation_key(subject.label, predicate, obj.label)
        if key not in self.relations:
            if self._year[0] != span:
                years = set(YEAR_RE.findall(self.text, span[0], span[1]))
                self._year = (span, years.pop() if len(years) == 1 else "")
            self.relations[key] = Relation(subject, predicate, obj, span[0], span[1], rule, self._year[1])
        if predicate == "worksAt":
            self._employers.setdefault(subject.label, obj)
        elif predicate == "designatedAs":
            self._designated = (span[1], obj)

    # -- sentences -----------------------------------------------------------------------------------

    def _designated_between(self, inside: list[Mention], span: tuple[int, int]) -> None:
        """认定A、B等8个教育集团为Y (确定, 命名 …): each body named between the verb and 为 is designated Y."""
        text = self.text
        main = self._main
        for verb in finditer_holding(DESIGNATING, DESIGNATING_NEEDS, text, span[0], span[1]):
            after = [m for m in main if m.start >= verb.end()]
            bodies, at = [], verb.end()
            for mention in after:
                gap = text[at : mention.start]
                if bodies and _designation(mention.entity) and DESIGNATED_GAP.fullmatch(gap):
                    for body in bodies:
                        self.add(body, "designatedAs", mention.entity, span, "designate-认定…为")
                    break
                if not is_a(mention.entity.cls, "Organization") or not LIST_GAP.fullmatch(gap):
                    break
                bodies.append(mention.entity)
                at = mention.end

    def _merged_into(self, span: tuple[int, int]) -> None:
        """将A、B纳入X教育集团 (并入, 划入): the bodies 将 / 把 names join X (memberOf), not the sentence's subject."""
        text = self.text
        main = self._main
        for verb in finditer_holding(MERGED_INTO, MERGED_INTO_NEEDS, text, span[0], span[1]):
            joined = next((i for i, m in enumerate(main) if m.end == verb.start()), None)
            group = next((m for m in main if m.start == verb.end()), None)
            if joined is None or group is None or not is_group(group.entity.cls):
                continue
            items = self._enumeration_before(main, joined)
            if text[items[0].start - 1 : items[0].start] in ("将", "把"):
                for item in items:
                    if is_a(item.entity.cls, "Organization"):
                        self.add(item.entity, "memberOf", group.entity, span, "member-将…纳入")

    def _issued(self, inside: list[Mention], span: tuple[int, int]) -> None:
        """《某某市教育局关于…的通知》: the bodies a policy's title opens with issued it (see ner's title issuers)."""
        issuers = [m for m in inside if m.rule == "title-issuer" and m.entity is not None]
        for issuer in issuers:
            title = next((m for m in inside if not m.nested and m.start <= issuer.start and issuer.end <= m.end), None)
            if title is None or title.entity is None:
                continue
            issued = [m for m in inside if m.rule == "issued" and title.start <= m.start and m.end <= title.end]
            for document in (title, *issued):  # …关于印发<某某方案>的通知: the notice and the plan it issues
                if document.entity is not None:
                    self.add(issuer.entity, "initiates", document.entity, span, "initiate-title-issuer")

    def _issuers_before_titles(self, inside: list[Mention], span: tuple[int, int]) -> None:
        """国务院办公厅《关于…的意见》, 教育部、财政部等六部门印发的《某某办法》、《某某方案》: the government bodies
        named right before a policy's title, or listed before a verb of issuing it, issued it."""
        text, main = self.text, self._main  # (the sentence's names that are no part of another, made once)
        for index, mention in enumerate(main):
            if not is_a(mention.entity.cls, "GovernmentAgency"):
                continue
            issued = ISSUED_BY.match(text, mention.end) if text[mention.end : mention.end + 1] in ISSUED_FIRST else None
            if issued is None:
                continue
            issuers = [m for m in self._enumeration_before(main, index) if is_a(m.entity.cls, "GovernmentAgency")]
            at = issued.end()
            for title in main[index + 1 :]:
                if title.start != at + 1 or text[at : at + 1] != "《" or not is_a(title.entity.cls, "Program"):
                    break
                if any(m.rule == "title-issuer" and title.start <= m.start < title.end for m in inside):
                    break  # 《某某市教育局关于…的通知》: a title that names its own issuer (see _issued)
                for issuer in issuers:
                    self.add(issuer.entity, "initiates", title.entity, span, "initiate-issued")
                at = title.end + 1  # past 》
                joint = TITLE_JOINT.match(text, at)
                at = joint.end() if joint else at

    def _sentence(self, start: int, end: int, inside: list[Mention], parts: list[tuple[int, int]]) -> None:
        span = (start, end)
        self._main = [m for m in inside if not m.nested and m.entity is not None]
        self._main_named = [m for m in self._main if not m.ref]
        # The rules that read a pair of names (a list and its owner, a unit and its school, one name then the next
        # …) are called where the sentence names two at least (3,000 of its 5,000 sentences on 1 MiB of text): each
        # of the others, a call that finds nothing, cost some 30 ms in all
        pair = len(self._main) > 1  # (the names that resolved, not nested in another)
        named_pair = len(self._main_named) > 1  # (of these, the ones no reference: 该校 …)
        if len(inside) > 1:  # (a title and the issuer nested in it)
            self._issued(inside, span)
        if pair:
            self._issuers_before_titles(inside, span)
            self._designated_between(inside, span)
            if self._merging:
                self._merged_into(span)
        self._here = inside
        self._carry, self._sentence_employer = self._sentence_employer, None
        self._roll = None
        sentence_subject: Entity | None = None
        parties: list[Entity] = []
        located_in: Entity | None = None
        last_objects: tuple[str, list[Entity]] | None = None
        last_object: Entity | None = None
        pending_events: list[Entity] = []
        pending_titles: list[Entity] = []
        objects_before: list[Entity] = []
        last_counted: Entity | None = None
        previous_main: list[Mention] = []  # the names of the clause before
        counted_builds: list[Entity] = []  # 成立7个教育集团，分别是A、B…: who set up the bodies the next clause lists
        starts = [m.start for m in inside]  # ``inside`` is in text order (see run): a clause's names are a slice
        for clause_start, clause_end in parts:
            previous_subject = sentence_subject  # 该联盟…，由A、B牵头: what the clause before was about
            here = inside[bisect.bisect_left(starts, clause_start) : bisect.bisect_left(starts, clause_end)]
            clause = self.text[clause_start:clause_end]
            both_sides: list[Entity] = []  # 双方 opening the clause: the two that signed before
            # its first two characters, compared with the openings the rules below look for (作为, 其中, 走进 …):
            # one slice, not a str.startswith call (its arguments parsed) for each
            opening = clause[:2]
            if (
                self._pair
                and "双方" in clause
                and BOTH_SIDES_OPENING.match(clause, len(ADVERBIAL.match(clause).group()))
            ):
                # 双方将共建…, 双方致力于…，共建A，成立B: the two that signed before, through the clauses that follow
                parties = both_sides = list(self._pair)
                if len(both_sides) == 2 and all(both_sides) and SIGNING.search(self.text, clause_start, end):
                    # 双方…签署了合作协议: the two sign with each other (those the headline joins, before any
                    # sentence names them)
                    self._cooperate(both_sides, span, "cooperate-双方")
            if not here and not NUMERAL.search(self.text, clause_start, clause_end):
                if self.text[clause_start - 1 : clause_start] == "；":
                    sentence_subject, parties = None, []
                last_object, objects_before, last_counted = None, [], sentence_subject or self.topic
                previous_main = []
                continue
            main = [m for m in here if not m.nested]
            subject, subject_mention = self._subject(clause_start, main) if main else (None, None)
            if self.text[clause_start - 1 : clause_start] == "；":
                sentence_subject, parties = None, []  # a new main clause: its own subject or the topic
            subjects = self._co_subjects(main, subject_mention) if subject is not None else []
            if opening == "作为" and subject is None and main and all(_designation(m.entity) for m in main):
                pending_titles += [m.entity for m in main]  # 作为X实验区，江北区…: the title is the subject's
                continue
            if subject is not None and pending_titles:
                for title in pending_titles:
                    self.add(subject, "designatedAs", title, span, "designate-作为…，")
                pending_titles = []
            if subject is None and opening[:1] == "在" and EVENT_FRAME.match(clause):
                # 在第二届…大赛中，…李明浩获得…: the event belongs to the subject that follows
                pending_events += [m.entity for m in main if m.entity.cls in KINDS["Event"]]
                continue
            if subject is not None and pending_events:
                for event in pending_events:
                    self.add(subject, "participatesIn", event, span, "participate-在…中")
                pending_events = []
            if counted_builds and LISTED_AFTER_COUNT.match(clause) and main:
                for mention in self._enumeration(main, 0):
                    if _predicate("build", mention.entity) == "builds":
                        for builder in counted_builds:
                            self.add(builder, "builds", mention.entity, span, "build-分别是")
                counted_builds = []
                continue
            counted_builds = []
            if opening == "成员" and clause.startswith(MEMBERSHIP) and last_object is not None:
                for mention in main:
                    if mention.entity.cls in KINDS["Organization"] and mention.entity is not last_object:
                        self.add(mention.entity, "memberOf", last_object, span, "member-成员包括")
                self._indicators(clause_start, clause_end, main, last_object, span)
                continue
            if subject is not None:
                if opening == "其中" and last_objects:
                    predicate, objects = last_objects
                    if objects and objects[0] is not subject:
                        self.add(sentence_subject or self.topic, predicate, subject, span, "list-其中")
                if subject is not sentence_subject:
                    parties = subjects if len(subjects) > 1 else []
                sentence_subject = subject
            elif clause_start == start and self._last_subject is not None and CONTINUED.match(clause):
                sentence_subject = self._last_subject  # 相继建成了A、B…: the sentence goes on about the one before's
            current = sentence_subject or self.topic
            pivot = None
            if subject is None and last_object is not None and PIVOT.match(clause):
                current = pivot = last_object  # 设立家长学校总校，指导全区各学校…: the new body does the guiding
            if opening == "走进" and main and _is_container(main[0].entity):
                located_in = main[0].entity
            elif located_in is not None:
                for mention in main:
                    if mention is subject_mention and mention.entity.cls in KINDS["Organization"]:
                        self.add(mention.entity, "locatedIn", located_in, span, "locate-走进")
            # Each rule below is called only where what it tests first can hold (a clause of one name or none,
            # most of them, holds no pair of names; few clauses have two subjects): a call each fewer for some
            # 10,000 clauses on 1 MiB of text
            if len(main) > 1:  # (each of these three pairs a name with the one after it)
                self._located_before(clause_start, clause_end, main, span)
                self._gathered_in(clause_start, clause_end, main, span)
                if self._built_by(clause_start, clause_end, main, span):
                    continue  # X由A与B共同建设: the agents build X, and work together
            # A clause of no name (a count, most of them: 2,700 of the 10,900 clauses read on 1 MiB of text) has
            # nothing for the rules of names to pair, govern or locate: those below are called where a name
            # stands (each does nothing without one; _structures and _actions read the nested names of ``here``
            # too), _unveilings and _indicators always
            partners = self._cooperation(clause_start, clause_end, main, subjects or [current], span) if main else []
            if partners:
                parties = [*(subjects or [current]), *partners]
                self._pair = [self._body(p, main) for p in parties]
                # 签署《某某产业学院框架协议》: the body an agreement is named after, the signers build
                for body in (m for m in here if m.rule == "agreement-body" and m.entity is not None):
                    for party in self._pair:
                        self.add(party, "builds", body.entity, span, "build-agreement")
            if len(subjects) > 1 and not partners:  # (a list of signatories; with a partner, _cooperation's)
                self._signatories(clause_start, clause_end, main, subjects, partners, span)
            if subjects:
                self._led_by(clause_start, clause_end, main, subjects, previous_subject, span)
            if main:
                self._named_partners(main, subject_mention, subjects or [current], span)
            earlier = (parties or ([sentence_subject] if sentence_subject else [])) if subject is None else []
            if subject is None and previous_main and all(_platform_or_event(m.entity) for m in previous_main):
                earlier = [*earlier, *(m.entity for m in previous_main if m.entity not in earlier)]  # A、B，在X成立
            if main:
                self._venues(clause_start, clause_end, main, subject_mention, current, span, earlier)
            self._unveilings(clause_start, clause_end, main, parties or subjects, span)
            objects = (
                self._actions(clause_start, clause_end, main, subject_mention, current, parties, span) if here else None
            )
            if objects:
                last_objects = objects
            elif ("建" in clause or "立" in clause or "造" in clause) and COUNTED_BUILD.search(clause):  # (its verbs')
                counted_builds = [p for p in parties if p is not None] or [current]
            counted = current
            if subject is None and objects_before and INDICATOR_RE.match(clause) and _runs(objects_before[-1]):
                counted = objects_before[-1]  # 开展…比拼活动，16名书记校长大会分享: counts of the activity
            if subject is None and opening == "其中" and last_counted is not None:
                counted = last_counted  # 吸纳成员单位46家，其中规上企业31家
            last_counted = counted
            last_object = pivot
            if objects and not is_a(objects[1][-1].cls, "Place") and not is_a(objects[1][-1].cls, "Award"):
                last_object = objects[1][-1]
            objects_before = objects[1] if objects else []
            if here:
                self._structures(clause_start, clause_end, here, main, current, span)
            if main:  # (after the posts: 校长张三带队赴A参观, the school of the title visits)
                self._visits(clause_start, clause_end, main, subjects or both_sides, span)  # (校地双方共同调研了A)
            self._indicators(clause_start, clause_end, main, counted, span)
            previous_main = main
        for event in pending_events:
            self.add(sentence_subject or self.topic, "participatesIn", event, span, "participate-在…中")
        # what the next sentence, if it opens with a verb, is about: an organisation this one was about
        last = sentence_subject
        self._last_subject = last if last is not None and _subject_carried(last) else None
        # (the rules of pairs: see above)
        if named_pair:
            self._collectives(start, end, inside, span)
        if pair:
            self._led_or_formed_by(start, end, inside, span)
        if named_pair:
            self._joint_schooling(start, end, inside, span)
            self._gathered_at(start, end, inside, span)
        if self.nested:  # (a ceremony named over its parties' names)
            self._signing_ceremonies(inside, span)
        if named_pair:
            self._members_listed(start, end, inside, span)
        self._designations_named(start, end, inside, span)
        if pair:
            self._units_of_school(start, end, inside, span)
        if named_pair:
            self._members_named(inside, span)
            self._schools_of_groups(start, end, inside, span)
            self._members_counted(start, end, inside, span)
        if pair:
            self._ranked_holders(inside, span)
        self._members_taken_in(start, end, inside, span)
        self._list_named_before(start, end, inside, span)
        self._bases_inside(start, end, inside, span)
        if named_pair:
            self._bracketed_units(inside, span)
        if pair:
            self._head_of(start, end, inside, span)
        if len(inside) > 1:  # (its list: every name not nested, an unresolved 我校 too)
            self._described_leaders(start, end, inside, span)
        if named_pair:
            self._based_on(start, end, inside, span)
            self._units_stated(start, end, inside, span)
        self._leader_roles(start, end, inside, span)
        self._partners_added(start, end, inside, span)
        self._organisers(start, end, inside, span)
        self._organisers_before(start, end, inside, span)
        if self.nested:  # (a body's name inside its session's)
            self._own_sessions(inside, span)
        if pair:
            self._noted_roles(start, end, inside, span)
        self._attendance(start, end, inside, span)
        self._speakers(start, end, inside, span)
        self._represented(start, end, inside, span)
        self._invited(start, end, span)
        self._at_the_meeting(start, end, inside, span)
        self._sentences += 1
        named = [m.entity for m in self._main_named if m.entity.cls in KINDS["Platform"]]
        if named:
            self._last_platform = named[-1]
        # …共同体成立大会 names the 共同体 too: a platform of a kind the text later refers to (共同体副理事长单位)
        named = [m.entity for m in inside if not m.ref and m.entity.cls in KINDS["Platform"]]
        if named:
            # equal entities have equal labels: the other platforms are kept without comparing them field by field
            labels = {entity.label for entity in named}
            self._platforms = [p for p in self._platforms if p.label not in labels or p not in named][-20:] + named
        elif len(self._platforms) > 20:  # most sentences name no platform: the list (never changed in place) stays
            self._platforms = self._platforms[-20:]
        runs = [
            m.entity
            for m in inside
            if (not m.nested or m.rule in WHOLE_EVENT_RULES)
            and m.entity is not None
            and _runs(m.entity)
            and not spirit_of(self.text, m)
        ]
        if runs:
            self._last_run = runs[-1]
            if is_a(runs[-1].cls, "Event"):
                self._event_seen = self._sentences

    def _built_by(self, start: int, end: int, main: list[Mention], span) -> bool:
        """X由A与B（共同）建设 / X由A牵头组建: the agents build (lead, host …) X; two agents work together.

        True when the clause had that shape (its other rules would take X for an actor)."""
        text = self.text
        for index, thing in enumerate(main[:-1]):
            if text[thing.end : thing.end + 1] != "由" or main[index + 1].start != thing.end + 1:
                continue
            agents = self._enumeration(main, index + 1)
            if not all(is_actor(m.entity.cls) for m in agents):
                return False
            verb = PASSIVE_JOINT.match(text, agents[-1].end, end)
            if verb is None:
                return False
            kind = TRIGGER_KIND.get(verb.group(2), "")
            predicate = "leads" if verb.group(1) else _predicate(kind, thing.entity) if kind else None
            if predicate is None:
                return False
            bodies = [self._body(m.entity, main) for m in agents]
            rule = f"{'lead' if verb.group(1) else kind}-由…{verb.group(2)}"
            for agent in bodies:
                self.add(agent, predicate, thing.entity, span, rule)
            if len(bodies) > 1:
                self._pair = bodies  # 双方 after it: the builders (passive co-actors do not work with one another)
                if JOINTLY_STATED.search(text, verb.start(), verb.start(2)):
                    # …由A、B与C合作共建: the sentence says they work together (合作, 携手, 联合), each pair
                    for index, a in enumerate(bodies):
                        for b in bodies[index + 1 :]:
                            self.add(a, cooperation_kind(a, b), b, span, "cooperate-由…合作")
            return True
        return False

    def _named_partners(self, main: list[Mention], subject_mention, parties: list[Entity | None], span) -> None:
        """走访了合作企业某某公司: a body the text calls a partner works with the clause's subject, or with the
        organisation of the person leading (副校长某带队…走访: the school's partner)."""
        for mention in main:
            if not self.text.startswith(PARTNER_KINDS, mention.start - 4) or mention is subject_mention:
                continue
            for party in parties:
                if party is not None and is_a(party.cls, "Person"):
                    party = self._employers.get(party.label)
                if party is not None and is_actor(party.cls) and not is_a(party.cls, "Person"):
                    kind = cooperation_kind(party, mention.entity)
                    self.add(party, kind, mention.entity, span, "cooperate-合作企业")

    def _joint_schooling(self, start: int, end: int, inside: list[Mention], span) -> None:
        """A和B是X与Y的合作办学项目: X and Y set up (build) the schools named before 是."""
        text = self.text
        main = self._main_named
        for project in finditer_from(JOINT_SCHOOLING_FIRST, JOINT_SCHOOLING, text, start, end, JOINT_SCHOOLING_NEEDS):
            copula = text.rfind("是", start, project.start() + 1)
            if copula < 0 or CLAUSE_BREAK.search(text, copula, project.start()):
                continue
            before = [i for i, m in enumerate(main) if m.end == copula]
            founders = [m for m in main if copula < m.start and m.end <= project.start() and is_actor(m.entity.cls)]
            if not before or not founders:
                continue
            for school in self._enumeration_before(main, before[0]):
                if _predicate("build", school.entity) != "builds":
                    continue
                for founder in founders:
                    self.add(founder.entity, "builds", school.entity, span, "build-合作办学项目")

    def _led_or_formed_by(self, start: int, end: int, inside: list[Mention], span) -> None:
        """X由A、B等企业，C、D等高校共同牵头成立 / …，由A与B牵头共建 / X由A、B等45家单位组成.

        Every listed agent, across the groups of the list, leads X (牵头; and builds it when they 共建 it), or
        is a member of X (组成).  X is the name right before 由, else, when 由 opens a clause, the platform or
        event the sentence opens with.  Passive co-actors: no pairwise cooperation is read from the list.
        """
        text = self.text
        main = self._main
        for by in (m.start() for m in PASSIVE.finditer(text, start, end)):
            first = next((m for m in main if m.start == by + 1), None)
            if first is None or not is_actor(first.entity.cls):
                continue
            thing = next((m for m in main if m.end == by), None)
            if thing is not None and thing.ref and not (is_a(thing.entity.cls, "Platform") or thing.ref == "event"):
                thing = None
            if thing is None and text[by - 1 : by] == "，":  # X在…的指导下，在…的支持下，由A、B共同发起
                guided = GUIDED_BEFORE.search(text, start, by)
                thing = next((m for m in main if guided and m.end == guided.start()), None)
            if thing is None and text[by - 1 : by] in ("，", "则"):  # …为依托，由A牵头 / 则由A牵头
                opening = next((m for m in main if m.start >= start), None)
                lead = self._opening(start)
                if opening is not None and opening.start == lead and opening is not first:
                    thing = opening
            if thing is None or not (is_a(thing.entity.cls, "Platform") or is_a(thing.entity.cls, "Event")):
                continue
            agents, at = self._agent_list(main, main.index(first), end)
            if not agents:
                continue
            clause_end = CLAUSE_BREAK.search(text, at, end)
            stop = clause_end.start() if clause_end else end
            led = PASSIVE_LEAD.search(text, at, stop)
            formed = PASSIVE_MEMBERS.search(text, at, stop)
            built = PASSIVE_BUILDS.search(text, at, stop)
            verb = min((v for v in (led, formed, built) if v is not None), key=lambda v: v.start(), default=None)
            if verb is None or not AGENT_TAIL.fullmatch(text, at, verb.start()):
                continue
            if any(at <= m.start < verb.start() for m in main):
                continue  # another name between the list and the verb: not the agents' own verb
            if verb is built:
                predicate = _predicate("build", thing.entity)  # builds a platform, initiates a program
                for agent in (self._body(m.entity, main) for m in agents if predicate):
                    self.add(agent, predicate, thing.entity, span, "build-由…共同")
                continue
            formed = verb if verb is formed else None
            led = verb if verb is led else None
            cobuilt = led is not None and (
                led.group(2) or (not led.group(3) and BUILT_LATER.match(text, led.end(), end))
            )
            bodies = [self._body(m.entity, main) for m in agents]
            for agent in bodies:
                if formed is not None:
                    self.add(agent, "memberOf", thing.entity, span, "member-由…组成")
                    continue
                self.add(agent, "leads", thing.entity, span, "lead-由…牵头")
                if cobuilt and is_a(thing.entity.cls, "Platform"):
                    self.add(agent, "builds", thing.entity, span, "build-由…牵头共建")

    def _units_stated(self, start: int, end: int, inside: list[Mention], span) -> None:
        """X的母公司Y / Y下属的X、Z / Y旗下X / Y的二级学院X / Y（含X）: the text says X is a unit of Y."""
        text = self.text
        main = [m for m in self._main_named if m.name not in KIN_WORDS]
        for index, first in enumerate(main[:-1]):
            second = main[index + 1]
            if not (first.entity.cls in KINDS["Organization"] and second.entity.cls in KINDS["Organization"]):
                continue
            gap = text[first.end : second.start]
            if gap[:1] not in GAP_OPENINGS:
                continue  # (most gaps: 、 or 与) none of the four patterns below matches, known without asking them
            if PARENT_AFTER.fullmatch(gap):
                self.add(first.entity, "partOf", second.entity, span, "part-母公司")
            elif UNIT_AFTER.fullmatch(gap):
                for unit in self._enumeration(main, index + 1):
                    if unit is not second and text[: unit.start].endswith(PARTNER_OPEN):
                        break  # Y下属的X与Z签约: Z is X's partner, not another unit
                    if unit.entity.cls not in KINDS["Place"]:
                        self.add(unit.entity, "partOf", first.entity, span, "part-下属")
            elif BELONGS_TO.fullmatch(gap) or (COPULA.fullmatch(gap) and UNIT_NOUN.match(text, second.end)):
                # X隶属于Y / X是Y旗下的子公司 / X是Y的二级学院: the unit is named first
                self.add(first.entity, "partOf", second.entity, span, "part-隶属")

    def _untitled_next(self, mention: Mention, following: list[Mention]) -> bool:
        """True when the name after ``mention`` follows it right after 、 with no title of its own (张三、李四)."""
        after = mention.extras.get("role_end", mention.end)
        return bool(following) and following[0].start == after + 1 and self.text.startswith("、", after)

    def _government_headed(self, titles: str, employer: Entity | None, at: int) -> Entity | None:
        """The government a person's title heads (区委副书记、区长张三 → 某某区人民政府; the title ends at ``at``).

        The recogniser's government of the post (rule post-government, over the title) when it gave one;
        else the title's level (区长, 副市长 …) picks the governments of that level the text names, and the
        place named by the employer (某某区委) or written before the title (某某县县长) picks among them.
        """
        title = GOVERNMENT_HEAD.search(titles)
        if title is None:
            return None
        if self._governments is None:  # the governments the text names, by label: (the place, the body)
            self._governments, self._posts = {}, {}
            for m in self.mentions:
                name = GOVERNMENT_NAME.fullmatch(m.entity.label)
                if name is not None and is_a(m.entity.cls, "GovernmentAgency"):
                    self._governments[m.entity.label] = (name.group(1), m.entity)
                if m.rule == "post-government":
                    self._posts[m.end] = m.entity
        if at in self._posts:
            return self._posts[at]
        level = title.group(1)
        governments = {label: found for label, found in self._governments.items() if found[0].endswith(level)}
        hints = titles + ("" if employer is None else employer.label)
        named = [entity for place, entity in governments.values() if place in hints]
        if len(named) == 1:
            return named[0]
        return next(iter(governments.values()))[1] if len(governments) == 1 else None

    def _titled_before(self, main: list[Mention], index: int, employer: Entity, former: bool = False) -> list[Entity]:
        """A集团副总经理、B公司董事长张三: the organisations whose titles precede the employer's, one person's.

        Not across government bodies: 自治州党委副书记、州长某某 goes on with a title of a place (州长), which the
        names read may have taken into the next body's name."""
        text = self.text
        at = next((i for i in range(index - 1, -1, -1) if main[i].entity is employer), None)
        if at == 0:  # 区委教育工委书记，区教育局局长张三: the clause began at the comma; the chain goes on before it
            earlier = [m for m in self.mentions if not m.nested and m.entity is not None and m.end <= main[0].start]
            main, at = [*earlier, *main[: at + 1]], len(earlier)
        found: list[Entity] = []
        while at is not None and at > 0:
            other, nearer = main[at - 1], main[at]
            government = is_a(other.entity.cls, "GovernmentAgency") or is_a(nearer.entity.cls, "GovernmentAgency")
            if (
                is_a(other.entity.cls, "GovernmentAgency")
                and is_a(nearer.entity.cls, "EducationalOrganization")
                and TITLE_LINK.fullmatch(text, other.end, nearer.start)
            ):
                found.append(other.entity)  # 省人大常委会副主任、某某大学党委书记张三: a post at each
                at -= 1
                continue
            if (
                government
                and not (former and nearer.entity is employer)
                and (
                    not (is_a(other.entity.cls, "GovernmentAgency") and is_a(nearer.entity.cls, "GovernmentAgency"))
                    or not GOVERNMENT_BODY_END.search(nearer.name)
                    or not GOVERNMENT_LINK.fullmatch(text, other.end, nearer.start)
                )
            ):
                break  # 区委教育工委书记，区教育局党组书记、局长张三: two bodies by their own names
            if not is_a(other.entity.cls, "Organization") or not (
                government or TITLE_LINK.fullmatch(text, other.end, nearer.start)
            ):
                break
            found.append(other.entity)
            at -= 1
        return found

    def _partners_added(self, start: int, end: int, inside: list[Mention], span) -> None:
        """（X）陆续增加A、B等企业作为合作企业: X, else the platform named last before, works with each of them.

        The kind follows the parties (a platform and a company: integration of industry and education)."""
        text = self.text
        main = self._main
        for verb in finditer_holding(PARTNERS_ADDED, PARTNERS_ADDED_WORDS, text, start, end):
            first = next((i for i, m in enumerate(main) if m.start >= verb.end()), None)
            if first is None or CLAUSE_BREAK.search(text, verb.end(), main[first].start):
                continue
            added = self._enumeration(main, first)
            if not PARTNERS_AS.match(text, added[-1].end, end):
                continue
            before = [m.entity for m in main[:first] if m.end <= verb.start() and is_a(m.entity.cls, "Platform")]
            host = before[-1] if before else self._last_platform
            if host is None:
                continue
            for partner in (m.entity for m in added if is_actor(m.entity.cls)):
                self.add(host, cooperation_kind(host, partner), partner, span, "cooperate-增加…作为合作企业")

    def _based_on(self, start: int, end: int, inside: list[Mention], span) -> None:
        """X以Y园区为依托 / X依托Y开发区共同牵头… / …，Y开发区为依托园区: the platform X is located in the park Y."""
        text = self.text
        # each reading holds 依托: before the park, or in BASED_ON's match right after it (which may run past the
        # sentence's end by its length, at a block's end); most sentences hold none, known without a test of each name
        if text.find("依托", start, end + 3) < 0:
            return
        main = self._main_named
        platforms = [m for m in main if m.entity.cls in KINDS["Platform"]]
        for park in main:
            if not (park.entity.cls in KINDS["Place"] or PARK.search(park.entity.label)) or park in platforms[:1]:
                continue
            before = text[max(start, park.start - 3) : park.start]
            based = BASED_ON.match(text, park.end) is not None
            # X依托Y / X以Y为依托 / 江北高新区为依托园区 opening a clause of a sentence about X
            opening = based and CLAUSE_BREAK.match(text, park.start - 1) is not None
            if not (before.endswith("依托") or (before.endswith("以") and based) or opening):
                continue
            target = next((m for m in platforms if m.start < park.start and m is not park), None)
            if target is not None:
                self.add(target.entity, "locatedIn", park.entity, span, "locate-依托")

    def _described_leaders(self, start: int, end: int, inside: list[Mention], span) -> None:
        """X是我校与A（依托…）共同牵头组织申报的Y: the school and A lead the platform X."""
        text = self.text
        main = [m for m in inside if not m.nested]  # 我校 unresolved still holds its place in the list

        def actor(mention: Mention) -> bool:
            return mention.entity is None or is_actor(mention.entity.cls)

        for index, platform in enumerate(main[:-1]):
            if platform.entity is None or platform.entity.cls not in KINDS["Platform"]:
                continue
            first = main[index + 1]
            if not text.startswith(("是由", "是"), platform.end) or first.start - platform.end > 2 or not actor(first):
                continue
            leaders = [first]
            for other in main[index + 2 :]:
                if text[leaders[-1].end : other.start] in ("与", "和", "、", "及") and actor(other):
                    leaders.append(other)
                else:
                    break
            verb = DESCRIBED_LEAD.match(text, leaders[-1].end, end)
            between = [m for m in main if leaders[-1].end < m.start < verb.end()] if verb else []
            if verb is None or any(actor(m) and text[m.start - 2 : m.start] not in ("依托", "立足") for m in between):
                continue  # another actor before 牵头 (a park relied on is none)
            for leader in leaders:
                self.add(leader.entity, "leads", platform.entity, span, "lead-是…牵头")
            if text.find("共同", leaders[-1].end, verb.end()) >= 0:  # leading it together, they work together
                self._cooperate([m.entity for m in leaders], span, "cooperate-共同牵头")

    def _head_of(self, start: int, end: int, inside: list[Mention], span) -> None:
        """X以A为龙头（牵头单位），联合B… / X是以…——A为龙头…共同组建的: A leads X (and builds it when the
        sentence says it was set up together)."""
        text = self.text
        main = self._main
        for index, head in enumerate(main):
            role = HEAD_OF.match(text, head.end) if text.startswith("为", head.end) else None  # (most: no regex call)
            if role is None:
                continue  # (most names: no 以 looked for before them)
            by = text.rfind("以", start, head.start)
            if by < 0 or head.start - by > 20 or CLAUSE_BREAK.search(text, by, head.start):
                continue
            described = [m for m in main[:index] if by < m.start and not _apposed(text, m, head)]
            if described or not is_a(head.entity.cls, "Organization"):
                continue  # 以A和B为…: only one head, named right after 以 (or after its description)
            set_up = SET_UP_AFTER.match(text, role.end(), end)
            after = next((m for m in main[index + 1 :] if set_up is not None and m.start == set_up.end()), None)
            if after is not None and is_a(after.entity.cls, "Platform"):
                self.add(head.entity, "leads", after.entity, span, "lead-以…为龙头组建")
                continue  # 以A为龙头校组建X，以B为龙头校组建Y: each head leads the body set up after it
            target = next((m for m in main[:index] if is_a(m.entity.cls, "Platform")), None)
            if target is None or target.start >= by:
                continue
            self.add(head.entity, "leads", target.entity, span, "lead-以…为龙头")
            if BUILT_LATER.match(text, role.end(), end):
                self.add(head.entity, "builds", target.entity, span, "build-以…为龙头")
            joined = JOINED.match(text, role.end(), end)
            later = [m for m in main[index + 1 :] if joined is not None and m.start == joined.end()]
            for member in self._enumeration(main, main.index(later[0])) if later else []:
                if is_a(member.entity.cls, "Organization") and not is_a(member.entity.cls, "Place"):
                    self.add(member.entity, "memberOf", target.entity, span, "member-以…为龙头，联合")
                    for kind in ("cooperatesWith", "integratesWith"):  # a member, not a partner of the group
                        self.relations.pop(Relation(member.entity, kind, target.entity, 0, 0, "").key(), None)

    def _members_listed(self, start: int, end: int, inside: list[Mention], span) -> None:
        """X签约单位包括A、B、C等单位 / X包括A、B: each listed organisation is a member of the platform X."""
        text = self.text
        main = self._main_named
        for index, platform in enumerate(main[:-1]):
            if platform.entity.cls not in KINDS["Platform"]:
                continue
            gap = text[platform.end : main[index + 1].start]
            listed = MEMBERS_LISTED.fullmatch(gap)
            if listed is None and gap in ("：", ":") and is_group(platform.entity.cls):
                listed = LINE_OF_MEMBERS.search(text[max(0, platform.start - 8) : platform.start])
            if listed is None or (gap.endswith("为") and "单位" not in gap) or (gap in ("有", "包括") and index):
                continue  # 联盟为A: not a roll; …与X包括: X is no subject here
            for member in self._enumeration(main, index + 1):
                if member.entity.cls in KINDS["Organization"] and member.entity.cls not in KINDS["Place"]:
                    self.add(member.entity, "memberOf", platform.entity, span, "member-包括")

    def _designations_named(self, start: int, end: int, inside: list[Mention], span) -> None:
        """A designation stated as a roll or an apposition: each body named holds it.

        首批X联盟为A、B以及C联盟 (the designation first, then 为 / 是 / 包括 and the roll, up to the
        clause's end) and 国家示范骨干高职院校——A (a rank set before the name it is given)."""
        text = self.text
        # (blank between: no character but spaces, found with a search, not a slice that copied all the text
        # since the designation, up to a block's length)
        counted = self._designated is not None and NOT_BLANK.search(text, self._designated[0], start) is None
        if not counted and not any(
            not m.nested and not m.ref and m.entity is not None and m.entity.cls in ("Designation", "HonoraryTitle")
            for m in inside
        ):
            return  # no designation named, no roll of one (most sentences): the names are not sorted
        ordered = sorted((m for m in inside if m.entity is not None and not m.ref), key=lambda m: (m.start, -m.end))
        if counted:
            # 评定A等56个单位为“某某基地”……。这17个基地分别为B、C、D: the roll of the sentence before's designation
            roll = COUNTED_ROLL.match(text, start)
            stop = CLAUSE_BREAK.search(text, roll.end(), end) if roll is not None else None
            for mention in ordered if roll is not None else ():
                if roll.end() <= mention.start < (stop.start() if stop else end) and _holder(mention.entity):
                    self.add(mention.entity, "designatedAs", self._designated[1], span, "designate-counted-roll")
        for mention in ordered:
            if mention.nested or mention.entity.cls not in ("Designation", "HonoraryTitle"):
                continue
            roll = ROLL_OF_HOLDERS.match(text, mention.end)
            dash = text.startswith("——", mention.end)
            if roll is None and not dash:
                continue
            at = mention.end + (2 if dash else roll.end() - roll.start())
            stop = CLAUSE_BREAK.search(text, at, end)
            stop_at = stop.start() if stop else end
            holders = [m.entity for m in ordered if at <= m.start < stop_at and _holder(m.entity)]
            named = [(a, e) for (a, b), e in self.heads.items() if at <= a < stop_at and _holder(e)]
            firsts = [m.start for m in ordered if at <= m.start < stop_at and _holder(m.entity)] + [a for a, _ in named]
            holders += [e for _, e in named]
            if not firsts or min(firsts) != at:
                continue  # 首批X为推动…: no roll follows
            if dash:
                holders = [holders[firsts.index(at)]]
            for holder in holders:
                self.add(holder, "designatedAs", mention.entity, span, "designate-roll")

    def _units_of_school(self, start: int, end: int, inside: list[Mention], span) -> None:
        """学校的A工作室、B工作室: platforms a school has are its units (partOf), as those named after it are;
        某某教育集团的A分校、B学校: the schools a group has are its members (memberOf, the guide of round 36 and
        its sets: 9 of 9)."""
        text = self.text
        main = self._main
        for index, owner in enumerate(main[:-1]):
            if text[owner.end : owner.end + 1] != "的":
                continue
            school = owner.entity.cls in KINDS["EducationalOrganization"]
            if not school and owner.entity.cls not in KINDS["CollaborativeEducationAlliance"]:
                continue
            first = main[index + 1]
            if first.start != owner.end + 1:
                continue
            for unit in self._enumeration(main, index + 1):
                if school and _school_unit(unit.entity):
                    self.add(unit.entity, "partOf", owner.entity, span, "part-学校的")
                elif not school and unit.entity.cls in KINDS["School"]:
                    self.add(unit.entity, "memberOf", owner.entity, span, "member-集团的")

    def _bracketed_units(self, inside: list[Mention], span) -> None:
        """某某小学(碧桂园校区): the campus named in brackets is part of the school before it."""
        main = self._main_named
        for parent, unit in itertools.pairwise(main):
            if unit.rule == "bracket-unit" and self.text[parent.end : unit.start] in ("(", "（", "(含", "（含"):
                self.add(unit.entity, "partOf", parent.entity, span, "part-括号")

    def _bases_inside(self, start: int, end: int, inside: list[Mention], span) -> None:
        """A、B、C等18个校内实训基地: bases inside the school the sentence is about are its units (partOf)."""
        text = self.text
        main = self._main
        for head in finditer_holding(INSIDE_HEAD, INSIDE_HEAD_NEEDS, text, start, end):
            last = next((i for i, m in enumerate(main) if m.end == head.start()), None)
            if last is None:
                continue
            items = [main[last]]
            for mention in reversed(main[:last]):
                if LIST_SEPARATOR.match(text[mention.end : items[0].start]):
                    items.insert(0, mention)
                else:
                    break
            owners = [
                m.entity for m in main if m.end <= items[0].start and is_a(m.entity.cls, "EducationalOrganization")
            ]
            owner = owners[-1] if owners else self._publisher
            for item in items:
                if not is_a(item.entity.cls, "Place") and item.entity is not owner:
                    self.add(item.entity, "partOf", owner, span, "part-校内")

    def _list_named_before(self, start: int, end: int, inside: list[Mention], span) -> None:
        """…“X联合体”成功入选培育名单: the list named in full before (入选某省第二批…培育名单: the designation
        某省第二批…培育), by its kind alone."""
        text = self.text
        for trigger in finditer_holding(SELECTED_AGAIN, SELECTED_AGAIN_NEEDS, text, start, end):
            kind = trigger.group("list")
            named = [
                m.entity
                for m in self.mentions
                if m.end <= trigger.start() and m.entity is not None and _designation(m.entity)
            ]
            kind = kind.removesuffix("名单")  # (the designation is named without the list's word: 某省第二批…培育)
            title = next((e for e in reversed(named) if e.label.endswith(kind) and e.label != kind), None)
            floor = max(start, *(text.rfind(c, start, trigger.start()) + 1 for c in "，。；：,;:"))
            holders = [m for m in inside if floor <= m.start and m.end <= trigger.start() and m.entity is not None]
            holders = [m for m in holders if _holder(m.entity) and not _designation(m.entity)]
            if title is not None and holders:
                self.add(holders[-1].entity, "designatedAs", title, span, "designate-名单")

    def _members_taken_in(self, start: int, end: int, inside: list[Mention], span) -> None:
        """X共有A、B、C八所成员校 / 该集团…将A、B纳入其中: the listed schools are members of the group.

        The group is the platform named (or referred to: 该集团) last before the list in the sentence."""
        text = self.text
        main = self._main
        for index, last in enumerate(main):
            if text[last.end : last.end + 1] not in MEMBERS_AFTER_FIRST or not MEMBERS_AFTER.match(text, last.end, end):
                continue
            if last.ref:
                continue
            items = [last]
            for mention in reversed(main[:index]):
                between = text[mention.end : items[0].start]
                if LIST_SEPARATOR.match(between) and between not in ("与", "同") and not mention.ref:
                    items.insert(0, mention)
                else:
                    break
            groups = [m.entity for m in main if m.end <= items[0].start and is_a(m.entity.cls, "Platform")]
            group = groups[-1] if groups else self._last_platform  # 该教育集团…: the group named before
            if group is None:
                continue
            for item in items:  # 增加A集团、B集团成员学校: schools for those groups, the groups no members
                if _holder(item.entity) and not is_a(item.entity.cls, "Platform"):
                    self.add(item.entity, "memberOf", group, span, "member-成员校")

    def _ranked_holders(self, inside: list[Mention], span) -> None:
        """A、B为第三批市级示范学校: the bodies named right before 为 hold the designation after it; so they
        do the titles listed after it (该校是A试点院校、B示范校: 该校, a reference, holds both)."""
        main = self._main
        holders: list[Mention] = []
        for index, title in enumerate(main):
            if title.rule != "ranked-copula" or index == 0:
                continue
            if self.text[title.start - 1 : title.start] == "、" and main[index - 1].rule == "ranked-copula":
                for holder in holders:  # the next title of the list: the same holders
                    if _holder(holder.entity):
                        self.add(holder.entity, "designatedAs", title.entity, span, "designate-为")
                continue
            holders = []
            if main[index - 1].end != title.start - 1:
                continue
            last = index - 1
            holders = [main[last]]
            for mention in reversed(main[:last]):
                if LIST_SEPARATOR.match(self.text[mention.end : holders[0].start]) and self.text[
                    mention.end : holders[0].start
                ] not in ("与", "同"):
                    holders.insert(0, mention)
                else:
                    break
            for holder in holders:
                if _holder(holder.entity):
                    self.add(holder.entity, "designatedAs", title.entity, span, "designate-为")

    def _members_counted(self, start: int, end: int, inside: list[Mention], span) -> None:
        """X现有成员单位56家，包括A、B等: the roll after the count of a platform's members."""
        text = self.text
        main = self._main_named
        for index, platform in enumerate(main[:-1]):
            if platform.entity.cls not in KINDS["Platform"]:
                continue
            counted = MEMBERS_COUNTED.match(text, platform.end, end)
            later = main[index + 1]
            if counted is None or later.start != counted.end():
                continue
            for member in self._enumeration(main, index + 1):
                if member.entity.cls in KINDS["Organization"] and member.entity.cls not in KINDS["Place"]:
                    self.add(member.entity, "memberOf", platform.entity, span, "member-现有…包括")

    def _schools_of_groups(self, start: int, end: int, inside: list[Mention], span) -> None:
        """某某教育集团：A、B、C (a group, then its schools after a colon); 联合3所小学（A、B…）组建某某
        教育集团 (the schools in brackets form the group named after them): each school is a member."""
        text = self.text
        main = self._main_named
        for index, group in enumerate(main[:-1]):
            after = main[index + 1]
            if not is_group(group.entity.cls) or not GROUP_COLON.fullmatch(text, group.end, after.start):
                continue
            items = self._enumeration(main, index + 1)
            line_end = text.find("\n", items[-1].end)
            if len(items) < 2 or text[items[-1].end : end if line_end < 0 else line_end].strip(" 。；;，,"):
                continue  # 江北路教育集团：江北路小学是龙头校: a sentence about it, not the list of its schools
            for member in items:
                if is_a(member.entity.cls, "EducationalOrganization"):
                    self.add(member.entity, "memberOf", group.entity, span, "member-集团：")
        for bracket in finditer_holding(BRACKETED_LIST, BRACKETED_LIST_NEEDS, text, start, end):
            formed = FORMED.match(text, bracket.end())
            group = next((m for m in main if formed and m.start == formed.end() and is_group(m.entity.cls)), None)
            if group is None:
                continue
            for member in main:
                inside_bracket = bracket.start() < member.start < bracket.end()
                if inside_bracket and is_a(member.entity.cls, "EducationalOrganization"):
                    self.add(member.entity, "memberOf", group.entity, span, "member-（…）组建")

    def _members_named(self, inside: list[Mention], span) -> None:
        """某某中学教育集团某某中学: a school named with its group's name before its own is a member of the group."""
        main = self._main_named
        for group, school in itertools.pairwise(main):
            if (
                group.end == school.start
                and is_group(group.entity.cls)
                and is_a(school.entity.cls, "EducationalOrganization")
            ):
                self.add(school.entity, "memberOf", group.entity, span, "member-集团+学校")

    def _agent_list(self, main: list[Mention], index: int, end: int) -> tuple[list[Mention], int]:
        """The actors listed from ``main[index]`` on, across groups (A、B等企业，C等高校) and notes in brackets,
        with the end of the last; none when a name that is no actor breaks the list."""
        text = self.text
        items: list[Mention] = []
        at = main[index].start
        for mention in main[index:]:
            if mention.start >= end:
                break
            gap = text[at : mention.start]
            if items and mention.entity is items[-1].entity and gap.startswith(("（", "(")):
                close = text.find("）", mention.end, end)  # A（现更名为A'）: the same body, named anew
                at = close + 1 if 0 <= close - mention.end <= 2 else mention.end
                continue
            if items:
                note = AGENT_NOTE.match(gap)
                bare = gap[note.end() :] if note else gap
                if bare in ("会同", "联合"):
                    bare = "、"  # A会同B共同谋划, 由A联合B、C共同发起成立: all are agents
                if not (LIST_SEPARATOR.match(bare) or AGENT_GROUP.fullmatch(gap)) or CLAUSE_BREAK.search(bare[:-1]):
                    break
                if bare == "，" and not text.startswith("等", items[-1].end):
                    break  # a comma ends the list unless it closes a group: A、B等企业，C…
            if not is_actor(mention.entity.cls):
                return [], at
            items.append(mention)
            at = mention.end
        return items, at

    def _organisers(self, start: int, end: int, inside: list[Mention], span) -> None:
        """Z由A主办，B承办，C协办 (or 该活动 / 本次大赛由…), 由A主办、B承办的Z: each organiser hosts Z.

        Z is the event or program just before 由 (or named right after the organisers' 的), else the last one
        the text named (该活动 refers back).  由A、B作为支持单位: A and B take part in Z.
        """
        text = self.text
        main = self._main
        by = text.find("由", start, end)
        if by < 0:
            return
        first = next((m for m in main if m.start == by + 1 and not m.ref and is_actor(m.entity.cls)), None)
        if first is None:
            return
        chain: list[tuple[list[Mention], str, str]] = []  # (organisers, predicate, verb)
        index, after = main.index(first), by + 1
        while index < len(main):
            items = self._enumeration(main, index)
            if not all(is_actor(m.entity.cls) and not m.ref for m in items):
                break
            verb = ORGANISING.match(text, items[-1].end)
            support = SUPPORTING.match(text, items[-1].end) if verb is None else None
            if verb is None and support is None:
                break
            role = _organiser_role(verb.group(1)) if verb else "participatesIn"
            chain.append((items, role, verb.group(1) if verb else "支持单位"))
            after = (verb or support).end()
            index = main.index(items[-1]) + 1
            if index < len(main) and text[after : main[index].start] not in ("，", ",", "、", "；"):
                break  # the next organiser follows the comma: ，B承办，C协办
        if not chain:
            return
        thing = None
        if text.startswith("的", after):  # 由A主办、B承办的“Z”: Z follows
            named = self._run_named_after(after)
            if named is not None:
                thing = named.entity
        if thing is None:  # 由A、B主办，我校某某处参与协办的Z: Z after the organising clause the chain stopped in
            later = (m for m in main if m.start > after and _after_de(text, m.start) and _runs(m.entity))
            named = next(later, None)
            if (
                named is not None
                and ORGANISING.search(text, after, named.start)
                and "，" not in text[after + 1 : named.start]
            ):
                thing = named.entity
        if thing is None:
            before = [m for m in main if m.end <= by and _runs(m.entity)]
            thing = before[-1].entity if before and by - before[-1].end <= 2 else self._last_run
        if thing is None:
            return
        for items, predicate, verb in chain:
            for item in items:
                body = self._body(item.entity, main)
                venue = self.relations.get((body.label, "hosts", thing.label))
                if venue is not None and venue.rule.startswith("host-在"):
                    del self.relations[venue.key()]  # the venue named as an organiser too: it organised Z
                self.add(body, predicate, thing, span, f"host-由…{verb}")

    def _noted_roles(self, start: int, end: int, inside: list[Mention], span) -> None:
        """张伟（某某学院党委书记、院长）: the organisation in the brackets after a name is the person's employer."""
        text = self.text
        main = self._main
        for index, person in enumerate(main):
            note = person.extras.get("note_at")
            if person.rule != "person-note" or note is None:
                continue
            close = next((i for i in range(note + 1, end) if text[i] in "）)"), -1)
            bodies = [m for m in main[index + 1 :] if m.end < close and is_a(m.entity.cls, "Organization")]
            if bodies and not is_a(bodies[0].entity.cls, "Place") and bodies[0].start - note <= 2:
                self.add(person.entity, "worksAt", self._body(bodies[0].entity, main), span, "works-note")

    def _organisers_before(self, start: int, end: int, inside: list[Mention], span) -> None:
        """A主办，B承办，C协办的Z / A、B联合主办的Z: each organiser hosts Z (no 由: _organisers reads that)."""
        text = self.text
        verbs = finditer_from(ORGANISING_FIRST, ORGANISING, text, start, end, ORGANISING_NEEDS)
        first = next(verbs, None)
        if first is None:
            return  # no organising verb (most sentences): the names are not indexed by where they end
        main = self._main
        ends = {m.end: i for i, m in enumerate(main)}
        for verb in itertools.chain((first,), verbs):
            if not text.startswith("的", verb.end()):
                continue
            named = self._run_named_after(verb.end())
            if named is None:
                continue
            organisers: list[tuple[Mention, str]] = []  # each organiser and its verb
            at, word = verb.start(), verb.group(1)
            while at in ends:  # back through ，B承办 and A主办 to the first organiser
                items = self._enumeration_before(main, ends[at])
                items = self._listed_after_by(main, items, ends)
                if not all(is_actor(m.entity.cls) and m.ref in ("", *OWN_SCHOOL_REFS) for m in items):
                    break  # (由我校承办: the text's own school organises too; 双方, 各单位 … name no one body)
                organisers += [(item, word) for item in items]
                earlier = ORGANISING_BEFORE.search(text, max(start, items[0].start - 6), items[0].start)
                if earlier is None or earlier.end() != items[0].start:
                    break
                organising = ORGANISING.match(text, earlier.start())  # none for 指导: the guiding body hosts too
                at, word = earlier.start(), organising.group(1) if organising else ""
            for item, word in organisers:
                self.add(self._body(item.entity, main), _organiser_role(word), named.entity, span, "host-…主办的")

    def _run_named_after(self, at: int) -> Mention | None:
        """The event or program named right after an organisers' 的 at ``at`` (within two characters: a quote),
        if the next name is one: the whole name of one held (由A主办的校地共建某某基地揭牌仪式, a mention over the
        bodies its name holds) before a body it starts with."""
        following = [m for m in (*self._main, *self.nested) if m.start > at and m.entity is not None]
        if not following:
            return None
        first = min(m.start for m in following)
        named = max((m for m in following if m.start == first), key=lambda m: m.end)
        return named if first - at <= 2 and _runs(named.entity) else None

    def _listed_after_by(self, main: list[Mention], items: list[Mention], ends: dict[int, int]) -> list[Mention]:
        """由A，B与C共同举办: the bodies before ``items`` that commas list right after 由, which opens the list."""
        text = self.text
        before: list[Mention] = []
        at = items[0].start
        while text[at - 1 : at] == "，" and at - 1 in ends:
            before.insert(0, main[ends[at - 1]])
            at = before[0].start
        return before + items if before and text[at - 1 : at] == "由" else items

    def _represented(self, start: int, end: int, inside: list[Mention], span) -> None:
        """张三、李四分别代表A、B，与C签订合作协议: the bodies represented sign with C, each of them."""
        text = self.text
        if text.find("代表", start, end) < 0:
            return  # every match holds it (most sentences do not): one string search, no scan of the first characters
        main = self._main
        for verb in finditer_from(REPRESENTING_FIRST, REPRESENTING, text, start, end):
            index = next((i for i, m in enumerate(main) if m.start == verb.end()), None)
            if index is None or not is_a(main[index].entity.cls, "Organization"):
                continue
            items = self._enumeration(main, index)
            with_ = WITH_PARTNER.match(text, items[-1].end)
            partner = next((m for m in main if with_ and m.start == with_.end()), None)
            if partner is None or not is_a(partner.entity.cls, "Organization"):
                continue
            if not COOPERATION.search(text, partner.end, min(end, partner.end + 12)):
                continue
            for item in items:
                kind = cooperation_kind(item.entity, partner.entity)
                self.add(item.entity, kind, partner.entity, span, "cooperate-代表")

    def _invited(self, start: int, end: int, span) -> None:
        """大会还邀请了A、B、C…: the bodies an event invites take part in it (no verb of attending needed)."""
        text = self.text
        main = self._main
        for verb in finditer_holding(EVENT_INVITES, EVENT_INVITES_NEEDS, text, start, end):
            index = next((i for i, m in enumerate(main) if m.start == verb.end()), None)
            if index is None:
                continue
            event = self._event_attended(main, start, verb.start())
            for item in self._enumeration(main, index):
                if is_a(item.entity.cls, "Organization") and not item.ref:
                    self.add(item.entity, "participatesIn", event, span, "participate-邀请")

    def _listed_before(self, main: list[Mention], verb: int) -> list[Entity]:
        """A、B、C等三家企业被确定为…: the bodies of the list that ends right before the verb (its count between)."""
        before = [i for i, m in enumerate(main) if m.end <= verb]
        if not before or not LISTED_UNTIL_VERB.fullmatch(self.text, main[before[-1]].end, verb):
            return []
        items = self._enumeration_before(main, before[-1])
        if len(items) < 2 or not all(is_a(m.entity.cls, "Organization") for m in items):
            return []
        return [m.entity for m in items]

    def _enumeration_before(self, main: list[Mention], index: int) -> list[Mention]:
        """The mention at ``index`` and those before it in one enumeration (A、B和C), first first."""
        items = [main[index]]
        for mention in reversed(main[:index]):
            if mention.rule == "declared-short":
                continue  # A（以下简称某某）与B: the short name A's note declares, the list goes on before it
            between = self.text[mention.end : items[0].start]
            if between.startswith(NOTE_OPENS):
                between = LEADING_NOTE.sub("", between)
            if LIST_SEPARATOR.match(between) and between != "，":
                items.insert(0, mention)
            else:
                break
        return items

    def _attendance(self, start: int, end: int, inside: list[Mention], span) -> None:
        """A单位职务张三、李四…出席会议 / 参加了大会: each person named before the verb takes part in the event.

        The event is the one named (or referred to: 会议, 本次峰会) right after the verb, else, when the verb
        closes the clause, the event the text is about.  Bodies named before the verb take part too when no
        person of theirs is named (区教育局等部门负责同志参加活动).
        """
        text = self.text
        main = self._main
        for verb in finditer_from(ATTENDING_FIRST, ATTENDING, text, start, end, ATTENDING_NEEDS):
            if text[verb.start() - 1 : verb.start()] in ("未", "不", "将"):
                continue
            named = next((m for m in main if m.start >= verb.end()), None)
            event = None
            if named is not None and named.start - verb.end() <= 2 and _attended(named.entity):
                event = named.entity
            elif (
                CLAUSE_BREAK.match(text, verb.end())
                or text.startswith(ATTENDED, verb.end())
                or ATTENDED_KIND.match(text, verb.end())
            ):
                kind = ATTENDED_KIND.match(text, verb.end())
                named_kind = (kind.group("kind") or kind.group("bare") or kind.group("talk") + "会") if kind else ""
                event = self._event_attended(main, start, verb.start(), named_kind)
                if event is None and kind is not None:
                    event = self._event_named_later(text[kind.start("phrase") : kind.end()])
            if event is None:
                continue
            self._attending_after(main, verb.end(), end, event, span)
            clause = max(text.rfind(c, start, verb.start()) for c in "。；")  # the people of this sentence
            people = [m for m in main if max(start, clause) <= m.start < verb.start() and m.entity.cls == "Person"]
            if people and URGING.search(text, people[-1].end, verb.start()):
                continue  # 张三希望同学们积极参加比赛, 张三表示将…: what they ask or say, not what they do
            employers = {id(self._employers.get(m.entity.label)) for m in people}
            if verb.group().startswith("主持"):
                # 张三主持签约仪式, 会议由张三主持: who presides takes part; their body does not thereby hold the
                # event (a deputy mayor chairs a school's signing), and the others attend by verbs of their own
                if people and text[people[-1].end : verb.start()] in ("", "同志", *HONORIFICS):
                    self._add(people[-1].entity, "participatesIn", event, span, "participate-主持")  # they attend
                continue
            for mention in main:
                if not (start <= mention.start < verb.start()) or mention.entity is event:
                    continue
                entity = mention.entity
                if entity.cls == "Person" and mention in people:
                    self.add(entity, "participatesIn", event, span, "participate-出席")
                    represented = self._represented_by(mention, main)
                    if represented is not None:  # 张三代表市政府致辞: the body they speak for takes part
                        self.add(represented.entity, "participatesIn", event, span, "participate-代表")
                elif (
                    is_a(entity.cls, "Organization")
                    and (not people or self._heads_of_listed(main, mention, verb.start()))
                    and id(entity) not in employers
                    and not self._hosted_here(entity, event, span)
                    and text.startswith(("等", "相关", "有关", "主要", "负责", "、", "，", *SENDING), mention.end)
                ):
                    self.add(entity, "participatesIn", event, span, "participate-参加")

    def _heads_of_listed(self, main: list[Mention], mention: Mention, verb: int) -> bool:
        """A、B、C等单位主要负责同志参加: ``mention`` is an item of the list of bodies whose heads attend, unnamed
        (people named elsewhere in the sentence attend for themselves)."""
        masked, at = [], mention.start
        for other in main:
            if other.start < at or other.start >= verb:
                continue
            if not is_a(other.entity.cls, "Organization") and not is_a(other.entity.cls, "Place"):
                return False  # (a place's leaders may be listed among the bodies': 某某市、教育厅相关领导)
            masked += [self.text[at : other.start], "Ｘ"]
            at = other.end
        return LISTED_HEADS.fullmatch("".join(masked) + self.text[at:verb]) is not None

    def _attending_after(self, main: list[Mention], verb: int, end: int, event: Entity, span) -> None:
        """出席本次会议的还有A单位职务张三、李四: the people listed after ``…的还有`` attend ``event``."""
        text = self.text
        kind = ATTENDED_KIND.match(text, verb)
        after = ATTENDING_AFTER.match(text, kind.end() if kind else verb)
        if after is None:
            after = next(
                (a for a in ATTENDING_AFTER.finditer(text, verb, min(end, verb + 16)) if a.start() - verb <= 12), None
            )
            if after is None or CLAUSE_BREAK.search(text, verb, after.start()):
                return
        while after is not None:
            stop = CLAUSE_END_RE.search(text, after.end(), end)
            # …的某某学院的领导有: the body whose people the roll lists, where they work unless their titles say
            side = next((m.entity for m in main if after.start() < m.start and m.end <= after.end()), None)
            close = stop.start() if stop else end
            heads = HEADS_OF.search(text, after.end(), close)  # …、区人力社保局等单位主要负责人: their bodies attend
            for mention in main:
                if (
                    heads is not None
                    and after.end() <= mention.start < heads.start()
                    and is_a(mention.entity.cls, "Organization")
                    and self._heads_of_listed(main, mention, heads.end())
                ):
                    self.add(mention.entity, "participatesIn", event, span, "participate-出席…的有")
                if after.end() <= mention.start < close and mention.entity.cls == "Person":
                    self.add(mention.entity, "participatesIn", event, span, "participate-出席…的有")
                    if (
                        side is not None
                        and is_a(side.cls, "Organization")
                        and mention.entity.label not in self._employers
                    ):
                        self.add(mention.entity, "worksAt", side, span, "works-roll-side")
            after = ATTENDING_NEXT.match(text, stop.start()) if stop else None

    def _speakers(self, start: int, end: int, inside: list[Mention], span) -> None:
        """张三在致辞中表示…: the person speaking takes part in the event the text is about."""
        text = self.text
        for frame in SPEAKING_AT.finditer(text, start, end):
            main = self._main_named
            people = self._clause_people(main, start, frame.start())
            if not people:
                continue
            event = self._event_attended(main, start, frame.start())
            if event is not None:
                for person in people:
                    self.add(person.entity, "participatesIn", event, span, "participate-在致辞中")

    def _clause_people(self, main: list[Mention], start: int, at: int) -> list[Mention]:
        """The people named in the clause before ``at`` (the sentence starts at ``start``): who does what follows."""
        clause = max(self.text.rfind(c, start, at) for c in "，。；：")
        return [m for m in main if max(start, clause) <= m.start < at and m.entity.cls == "Person"]

    def _event_attended(self, main: list[Mention], start: int, verb: int, kind: str = "") -> Entity | None:
        """The event a verb of attending that names none refers to (出席并致辞, 参加会议, 主持。).

        The event named earlier in the sentence (某某大会在X举行，…张三出席并讲话), else the last one the text
        named, else the one its title or first sentence names (the article's event).  ``kind``: the event's
        kind the verb names (参加座谈会): an event of another kind (…大赛中获奖的张三参加座谈会) is not it.
        """
        named = [
            m.entity
            for m in main
            if start <= m.start < verb
            and _attended(m.entity)
            and not m.ref
            and not self._in_title(m)
            and not spirit_of(self.text, m)
        ]
        candidates = [*named[::-1], self._last_run, self._main_event]
        candidates = [e for e in candidates if e is not None and _attended(e)]
        if kind and kind not in GENERIC_KINDS:
            fitting = [e for e in candidates if e.label.endswith(kind)]
            return fitting[0] if fitting else None
        return candidates[0] if candidates else None

    def _event_named_later(self, phrase: str) -> Entity | None:
        """出席签约暨挂牌仪式 in a lead that names no event yet: the event the text names in full later
        (某某合作协议签约暨揭牌仪式在某宾馆举行), when its name ends with the words the verb gives."""
        if len(phrase) < 5:
            return None  # 签约仪式, 会议: any event's words
        return next(
            (m.entity for m in self.mentions if not m.ref and _attended(m.entity) and m.entity.label.endswith(phrase)),
            None,
        )

    def _in_title(self, mention: Mention) -> bool:
        """某某论坛执行主席张三, 某某大赛组委会主任: a series named in a person's title, not the event attended."""
        return self.text.startswith(TITLE_AFTER_EVENT, mention.end)

    def _hosted_here(self, entity: Entity, event: Entity, span: tuple[int, int]) -> bool:
        """True when this sentence made ``entity`` an organiser of ``event`` (由A主办，…参与: A runs it)."""
        hosted = self.relations.get((entity.label, "hosts", event.label))
        return hosted is not None and (hosted.start, hosted.end) == span

    def _leader_roles(self, start: int, end: int, inside: list[Mention], span) -> None:
        """A作为X的牵头单位 / X的牵头单位为A、B / A为理事长单位，B、C等19家单位为副理事长单位 / 为理事长单位A、B授牌.

        A role noun names what its bearers are to a platform: 牵头单位 / 理事长单位 → ``leads``; 副理事长单位 /
        常务理事单位 / 成员单位 → ``memberOf``.  The bearers are the names listed right before the role (with
        为 / 作为 / 当选 …) or right after it; the platform is the one the role hangs on (X的牵头单位), else the
        nearest one of the sentence (after the role first), else the last one the text named.  Rows of a table
        (牵头单位：…) are read by _lead_columns.
        """
        text = self.text
        roles = finditer_from(ROLE_NOUN_FIRST, ROLE_NOUN, text, start, end, ROLE_NOUN_NEEDS)
        first = next(roles, None)
        if first is None:
            return  # no role noun (most sentences): the names and their platforms are not gathered
        main = [m for m in inside if not m.nested and m.entity is not None and (not m.ref or _is_body_ref(m))]
        platforms = [m for m in main if _has_roles(m.entity)]
        for role in itertools.chain((first,), roles):
            if text[role.end() : role.end() + 1] in ("：", ":") or text[role.start() - 1 : role.start()] == "原":
                continue  # 牵头单位：A — a table's or a list's note, read by _lead_columns
            predicate = "memberOf" if role.group("member") else "leads"
            bearers: list[Mention] = []
            hung: Mention | None = None  # X的牵头单位
            before = [m for m in main if m.end <= role.start()]
            if before and _has_roles(before[-1].entity) and ROLE_HUNG.fullmatch(text, before[-1].end, role.start()):
                hung = before.pop()  # 某某联盟的牵头单位, 某某协会会长单位, 某某联合体首批成员单位
            after = [m for m in main if m.start >= role.end()]
            link = text[role.end() : after[0].start] if after else ""
            if after and ROLE_IS.fullmatch(link) and not is_a(after[0].entity.cls, "Platform"):
                bearers = self._enumeration(main, main.index(after[0]))  # 理事长单位为A、B / 理事长单位A、B
            elif before and not (hung is not None and before[-1].end > hung.start):
                gap = text[before[-1].end : (hung.start if hung is not None else role.start())]
                if ROLE_BEFORE.fullmatch(gap):
                    bearers = [before[-1]]
                    for other in reversed(before[:-1]):  # A、B和C等19家单位为…: the whole enumeration
                        if LIST_SEPARATOR.match(text[other.end : bearers[0].start]):
                            bearers.insert(0, other)
                        else:
                            break
            bearers = [m for m in bearers if is_a(m.entity.cls, "Organization") and not is_a(m.entity.cls, "Platform")]
            if not bearers:
                continue
            targets: list[Entity] = []
            if hung is not None:
                targets = [hung.entity]
            else:
                later = [m for m in platforms if m.start >= role.end() and m not in bearers]
                earlier = [m for m in platforms if m.end <= role.start()]
                if later:
                    targets = [m.entity for m in self._enumeration(main, main.index(later[0]))]
                elif earlier:
                    targets = [earlier[-1].entity]
                elif self._last_platform is not None:
                    # 当选共同体副理事长单位: the last platform of that kind, else the last one named
                    kind = GENERIC_PLATFORM.search(text, max(start, role.start() - 6), role.start())
                    fitting = [p for p in self._platforms if kind and p.label.endswith(kind.group())]
                    targets = [fitting[-1] if fitting else self._last_platform]
            # A、B为牵头学校，联合13家单位共同组建: the leaders set it up with the others
            founded = predicate == "leads" and BUILT_LATER.match(text, role.end(), end) is not None
            for bearer in bearers:
                for target in targets:
                    if founded and is_a(target.cls, "Platform"):
                        self.add(bearer.entity, "builds", target, span, f"build-{role.group()}")
                    if _has_roles(target):
                        self.add(
                            bearer.entity,
                            predicate,
                            target,
                            span,
                            f"{'lead' if predicate == 'leads' else 'member'}-{role.group()}",
                        )

    def _co_subjects(self, main: list[Mention], subject_mention: Mention | None) -> list[Entity]:
        """成都市棕北中学、成都市西北中学等学校联合…: every item of an enumerated subject."""
        if subject_mention is None or subject_mention not in main:
            return [subject_mention.entity] if subject_mention is not None else []
        index = main.index(subject_mention)
        items = [subject_mention]
        skip_to = -1
        # 由A与B合作共建: after 由 the agents are joined by 与 too (A与B合作 elsewhere: B is A's partner)
        joins = (
            AGENTS_JOINED if self.text[subject_mention.start - 1 : subject_mention.start] == "由" else SUBJECTS_JOINED
        )
        for mention in main[index + 1 :]:
            if mention.start < skip_to:
                continue
            between = _unspaced(self.text[items[-1].end : mention.start])
            if between in joins and is_actor(mention.entity.cls):
                person = self._role_person(mention, main) if mention.entity.cls != "Person" else None
                if person is not None and subject_mention.entity.cls == "Person":
                    items.append(person)  # 张三、某大学处长李四: the next person, not their university
                    skip_to = person.start
                    continue
                items.append(mention)
            else:
                break
        return [m.entity for m in items]

    def _subject(self, clause_start: int, main: list[Mention]) -> tuple[Entity | None, Mention | None]:
        """The actor that opens a clause (after adverbials), or the one 由 introduces."""
        text = self.text
        lead = self._opening(clause_start)
        for mention in main:
            prefix = text[lead : mention.start]
            role_at = mention.extras.get("role_at", -1)
            if mention.entity.cls == "Person" and (
                0 <= role_at - lead <= 4 or (role_at > lead and SCHOOL_TITLES_BEFORE.fullmatch(text, lead, role_at))
            ):
                return mention.entity, mention  # 指导教师王芳获评…, 党委副书记、校长李四带队…
            if mention.entity.cls == "Person" and not prefix:
                represented = self._represented_by(mention, main)
                if represented is not None:
                    return represented.entity, represented  # 张三代表学校与A签约: the school signs
            if (
                prefix.endswith(("《", "“"))
                and lead < mention.start - 1
                and any(m.end == mention.start - 1 and is_a(m.entity.cls, "Place") for m in main)
            ):
                prefix = prefix[-1]  # 大足区《让留守…》入选: the district only qualifies the work
            agent = prefix.endswith("由") and len(prefix) <= 6
            governed = len(prefix) > 2 or TRIGGER_RE.search(prefix) or NOT_SUBJECT_BEFORE.search(prefix)
            if not agent and governed and prefix.strip("“《") not in SUBJECT_LEADS:
                break
            entity = mention.entity
            if (mention.ref and mention.ref in ("district", "city")) or is_actor(entity.cls):
                following = text[mention.end : mention.end + 8]
                person = self._role_person(mention, main)
                if person is not None:
                    return person.entity, person
                unit = UNIT_AFTER.match(text, mention.end) if following.startswith(UNIT_FIRST) else None
                owned = next((m for m in main if unit and m.start == unit.end()), None)
                if owned is not None and is_actor(owned.entity.cls):
                    return owned.entity, owned  # 某某集团所属的某某公司联合…成立: the unit acts, its parent owns it
                if following.startswith("的") and not following.startswith("的“"):
                    owned = next((m for m in main if m.start == mention.end + 1), None)
                    if owned is not None and (is_a(owned.entity.cls, "Program") or is_a(owned.entity.cls, "Platform")):
                        return owned.entity, owned  # 实验小学的陶艺课程入选…: the course, not the school
                    return None, None
                if following.startswith(("《", "“")) and not is_a(entity.cls, "Organization"):
                    continue  # 大足区《让留守…》入选: the work is the subject
                return entity, mention
            if (mention.rule == "quoted-title" or is_a(entity.cls, "Program")) and prefix in ("", "“", "《"):
                return entity, mention
            break
        return None, None

    def _represented_by(self, person: Mention, main: list[Mention]) -> Mention | None:
        """张三代表我院与A签约, 张三院长代表学校致辞: the body the person speaks and signs for, named after 代表."""
        after = person.extras.get("role_end", person.end)  # past a title written after the name (张三院长代表…)
        if not self.text.startswith("代表", after):
            return None
        body = next((m for m in main if m.start == after + 2), None)
        if body is None or body.entity is None or not is_a(body.entity.cls, "Organization"):
            return None
        return body

    def _role_person(self, mention: Mention, main: list[Mention]) -> Mention | None:
        """海棠小学英语教师陈凤娟 / 某学院党委副书记、校长张三: the person, not the school, heads the phrase."""
        text = self.text
        for other in main:
            if other.entity is not None and other.entity.cls == "Person" and other.start > mention.end:
                role_at = other.extras.get("role_at", -1)
                if 0 <= role_at - mention.end <= 4:
                    return other
                if (
                    0 <= role_at - mention.end <= TITLE_CHAIN
                    and not CLAUSE_BREAK.search(text, mention.end, role_at)
                    and not any(mention.end <= m.start < other.start for m in main if m is not other)
                    and text.count("、", mention.end, role_at) <= 2  # a chain of titles, not a list of names
                ):
                    return other
        return None

    def _cooperation(
        self, start: int, end: int, main: list[Mention], subjects: list[Entity | None], span
    ) -> list[Entity]:
        """与A、B以及C开展合作 / 联合A、B等 / 携手A: the partners of ``current``.

        Not in a passive (由A与B牵头共建: co-actors, no partners of one another) nor in X是A与B共同牵头…的Y
        (A and B lead X: see _described_leaders)."""
        text = self.text
        lead = self._opening(start)
        if text.startswith("由", lead):
            self._signed_by(lead, main, span)
            return []
        if main and main[0].start == lead and text.startswith("由", main[0].end):
            return []  # 此共同体由A联合B、C共同发起成立: its founders, not its partners
        if text.find("牵头", start, start + IS_LED_BY_LONGEST) >= 0 and IS_LED_BY.match(text, start):
            return []
        for index, mention in enumerate(main):
            before = text[max(start, mention.start - 2) : mention.start]
            opener = None
            if before.endswith(PARTNER_OPEN):  # which one, only when one is there
                opener = next(w for w in PARTNER_OPEN if before.endswith(w))
            if opener is None and (index == 0 or main[index - 1].end <= start or main[index - 1].ref):
                window = max(start, mention.start - 16)  # (its 、 looked for first: most windows hold none)
                unnamed = (
                    UNNAMED_FIRST.search(text, window, mention.start)
                    if text.find("、", window, mention.start) >= 0
                    else None
                )
                opener = unnamed.group(1) if unnamed else None  # 与某某、B、C等企业合作: the first name unknown
            if opener is None:
                continue
            items = self._enumeration(main, index)
            while len(items) > 1 and not is_actor(items[-1].entity.cls):
                items.pop()  # A与B产教融合签约仪式: the event named right after the partner says they cooperate
            after_list = text[items[-1].end : end]
            counted = COUNTED_AFTER_LIST.match(text, items[-1].end) if end - items[-1].end < 3 else None
            if counted is not None:  # 与A、B、C，三家医药企业，签订协议: the count between commas, then the verb
                stop = text.find("。", counted.end(), counted.end() + 40)
                after_list = text[counted.end() : stop if stop >= 0 else counted.end() + 40]
            verb_first = opener in ("联合", "携手", "联手", "会同")
            opens = index > 0 and main[index - 1].start == lead and main[index - 1].end == mention.start - len(opener)
            if not verb_first and opens and not COOPERATION.search(after_list) and end < span[1]:
                # A与B经过沟通协商，决定…实施校企合作战略，…: the pair that opens the sentence, its verb in a clause
                # after, before any other name
                later = next((m.start for m in self._here if m.start >= end), span[1])
                after_list = text[items[-1].end : later]
            if not verb_first and not COOPERATION.search(after_list):
                continue
            if opener == "和" and not COOPERATION.search(after_list[:12]):
                continue
            signer = main[index - 1] if index and main[index - 1].end == mention.start - len(opener) else None
            actors = subjects
            if signer is not None and is_actor(signer.entity.cls) and ORGANISED.search(text, start, signer.start):
                # 省教育厅组织A与B及C签订三方协议: A and those it signs with are the parties, not the organiser
                actors = [signer.entity]
            elif (
                signer is not None
                and is_actor(signer.entity.cls)
                and index >= 2
                and text[main[index - 2].end : signer.start] in ("是", "是由")
            ):
                actors = [signer.entity]  # 该校是A和B联合创办的学校: A and B work together, not the school with B
            partners = [m.entity for m in items if is_actor(m.entity.cls) and m.entity not in actors]
            if not partners or not actors or actors[0] is None:
                continue
            if len(partners) > 1 and MULTIPARTY.search(after_list):
                self._cooperate([*actors, *partners], span, "cooperate-multiparty")  # 三方协议: each pair
            if len(actors) > 1 and text.endswith("分别", 0, mention.start - 1):
                # A、B、C分别与X、Y、Z签约: the first signs with the first, the second with the second …; lists of
                # different lengths (a name one of them missed) pair nobody for certain
                if len(actors) == len(partners):
                    for actor, partner in zip(actors, partners, strict=True):
                        if actor is not None and "Person" not in (actor.cls, partner.cls):
                            self.add(actor, cooperation_kind(actor, partner), partner, span, "cooperate-分别与")
                return partners
            rule = "cooperate-list" if len(partners) > 1 else "cooperate"
            for current in (self._body(s, main) for s in actors):  # 院长张三与B: the college, not the person
                for partner in (self._body(p, main) for p in partners):  # …与总经理李四: the company
                    if "Person" in (current.cls, partner.cls):
                        continue  # two people meeting: their organisations, when known, are the parties
                    self.add(current, cooperation_kind(current, partner), partner, span, rule)
                    # 区与某大学合作…培养: the university trains the district's teachers; between two schools, a
                    # school and a company or a bureau, 人才培养 is their joint work (0 of 7 on the sets of rounds
                    # 14-20 had one train the other)
                    if TRAINING.search(after_list) and is_a(partner.cls, "College") and current.cls == "District":
                        self.add(partner, "trains", current, span, "train-partner")
            return partners
        return []

    def _signed_by(self, lead: int, main: list[Mention], span) -> None:
        """由A与B共同签署合作协议: the signatories after 由 sign with one another (co-actors of a passive clause
        that build or lead do not: see _built_by)."""
        first = next((index for index, m in enumerate(main) if m.start == lead + 1), None)
        if first is None:
            return
        agents = self._enumeration(main, first)
        if len(agents) > 1 and all(is_actor(m.entity.cls) for m in agents) and SIGNED.match(self.text, agents[-1].end):
            self._cooperate([self._body(m.entity, main) for m in agents], span, "cooperate-由…签署")

    def _cooperate(self, parties: list[Entity], span, rule: str) -> None:
        """Every two organisations of ``parties`` work together (the ontology's cooperation kind for the pair)."""
        bodies: list[Entity] = []
        for party in parties:
            if party is not None and is_a(party.cls, "Organization") and all(party is not b for b in bodies):
                bodies.append(party)
        for number, first in enumerate(bodies):
            for second in bodies[number + 1 :]:
                self.add(first, cooperation_kind(first, second), second, span, rule)

    def _signatories(self, start, end, main, subjects: list[Entity], partners: list[Entity], span) -> None:
        """A、B和C签约 / A、B签署合作协议: every two signatories of an enumerated subject cooperate.

        With a partner (A与B、C签约) the partners each work with A, not with one another (_cooperation).
        """
        if len(subjects) < 2 or partners:
            return
        if self.text.startswith("由", self._opening(start)):
            return  # 由A、B、C共同发起组建 / 联合主办: co-actors of what they lead or host, no partners (_led_by)
        listed = [m for m in main if m.entity in subjects]
        if listed and all(s.cls == "Person" for s in subjects):
            # A单位主任甲、B大学校长乙、C公司总经理丙代表…共同签署: the people sign for the bodies their titles name
            clause = CLAUSE_BREAK.search(self.text, listed[-1].end, end)
            signed = SIGNING.search(self.text, listed[-1].end, clause.start() if clause else end)
            if signed is None:
                return  # 甲、乙共同为…揭牌，丙和丁签署…: the people unveil; others sign, in a clause of their own
            last = signed.start()
            listed = [m for m in main if listed[0].start <= m.start < last and m.entity.cls == "Person"]
            subjects = [self._body(m.entity, main) for m in listed]
        after = self.text[listed[-1].end : end] if listed else ""
        signing = SIGNING.search(after)
        if signing and WITNESSES.search(after, 0, signing.start()):
            return  # A、B、C等单位负责同志参加签约仪式: they attend the signing, they do not sign
        if signing or COOPERATION.match(after) or (len(subjects) == 2 and COOPERATION_STARTED.match(after)):
            self._cooperate(subjects, span, "cooperate-signatories")

    def _led_by(self, start, end, main, subjects: list[Entity], previous: Entity | None, span) -> None:
        """Z…，由A、B、C三家单位牵头: each of them leads Z (passive co-actors: no cooperation between them)."""
        text = self.text
        if len(subjects) < 1 or not text.startswith("由", self._opening(start)):
            return
        listed = [m for m in main if m.entity in subjects]
        rest = text[listed[-1].end : end].rstrip("，,。；;") if listed else ""
        if not LED_BY.search(rest) or len(rest) > 24 or CLAUSE_BREAK.search(rest):
            return  # 牵头 must close the clause that 由 opens: 由A、B三家单位牵头，
        if previous is None or previous in subjects or is_a(previous.cls, "Place"):
            return
        for leader in subjects:
            self.add(leader, "leads", previous, span, "lead-由…牵头")

    def _visits(self, start, end, main, subjects: list[Entity], span) -> None:
        """A走进B / A一行到B对接校企合作 (调研、考察、洽谈): organisations meeting to work together."""
        text = self.text
        for index, mention in enumerate(main):
            if mention.entity in subjects or mention.entity.cls not in KINDS["Organization"]:
                continue
            before = text[max(start, mention.start - 5) : mention.start]  # (走访调研了: five characters)
            visit = VISIT.search(before)
            if visit is None:  # 先后前往某某茶园、某某庄园、A、B等地: places the list names before the bodies
                window = max(start, mention.start - VISIT_UNNAMED_LONGEST)
                visit = VISIT_UNNAMED_FIRST.search(text, window, mention.start)
            if visit is None:
                continue
            items = self._enumeration(main, index)
            verb = visit.group("verb").rstrip("了")[:2]  # (走访调研: 走访)
            if verb not in VISIT_ITSELF and not VISIT_PURPOSE.match(text, items[-1].end, span[1]):
                continue  # 到2025年, 赴A参加…: going somewhere is not yet working together
            if not subjects and self._last_subject is not None and SUCCESSIVE.match(text, start):
                subjects = [self._last_subject]  # 活动期间，先后赴A、B参观走访: who the sentence before was about
            delegation = DELEGATION.search(text, start, mention.start) is not None
            if subjects and delegation:
                # 甲局副局长张三，乙会副主席李四，丙部部长王五一行莅临X: the whole roll's bodies visit
                subjects = [*self._roll_before(start), *subjects]
            escorted = "陪同" in text[start : mention.start] and all(s is None or s.cls == "Person" for s in subjects)
            if (not subjects or escorted) and delegation:
                # 考察组由某某局局长张三陪同，先后到A、B参观: the delegation visits, its escort does not
                subjects = [s for s in (self._own_school(),) if s is not None]
            for subject in (self._body(s, main) for s in subjects):
                for item in items:
                    if item.entity.cls in KINDS["Platform"] or _division(item.entity):
                        continue  # 参观了某某产业学院、某某实训基地: what a host shows, no partner
                    if subject.cls in KINDS["Organization"] and item.entity.cls in KINDS["Organization"]:
                        self.add(subject, cooperation_kind(subject, item.entity), item.entity, span, "cooperate-visit")
            return

    def _visited_after(self, mention: Mention, main: list[Mention], employer: Entity) -> bool:
        """Whether the clause goes on from the titled ``mention`` to a visit of ``employer`` (校长张三带领…赴某某学院,
        书记李四一行来到某某学院), ``employer`` not named before the name (某某学院院长张三赴某某公司: theirs)."""
        if any(m.entity is employer and m.end <= mention.start for m in main):
            return False
        return any(
            m.entity is employer and m.start > mention.end and self.text.endswith(GOES_TO, 0, m.start) for m in main
        )

    def _own_school(self) -> Entity | None:
        """The school whose news the text is: its publisher (我校), else the school it names more than any other."""
        if self._publisher is not None:
            return self._publisher
        schools = (m.entity.label for m in self.mentions if is_a(m.entity.cls, "EducationalOrganization"))
        most = most_named(Counter(schools))
        return next((m.entity for m in self.mentions if m.entity.label == most), None)

    def _body(self, entity: Entity, main: list[Mention]) -> Entity:
        """A person speaking for an organisation: the one their title names here (A学院院长张三一行来到B), else
        the one an earlier sentence gave them (院长张三…。张三与李四共同为X揭牌); else ``entity``."""
        if entity.cls != "Person":
            return entity
        mention = next((m for m in main if m.entity is entity), None)
        role_at = mention.extras.get("role_at", -1) if mention is not None else -1
        for other in reversed([m for m in main if mention is not None and m.end <= mention.start]):
            titles = self.text[other.end : role_at]
            if is_a(other.entity.cls, "Organization") and 0 <= role_at - other.end <= TITLE_CHAIN:
                return other.entity if not CLAUSE_BREAK.search(titles) else entity
        return self._employers.get(entity.label, entity)

    def _unveilings(self, start, end, main, parties: list[Entity], span) -> None:
        """A为B揭牌 / A与B共同为“C”“D”挂牌 / 为“C”授牌: whoever unveils a body builds it: each organisation, and
        for a person who does, the school or company they head (see :meth:`_unveiled_by`)."""
        text = self.text
        # (each name read below follows 为, in the clause: most clauses hold none, known by one search, where the
        # characters before each name were sliced)
        index = 0 if text.find("为", start, end) >= 0 else len(main)
        while index < len(main):
            mention = main[index]
            index += 1
            before = text[max(start, mention.start - 2) : mention.start].rstrip("“")
            if not before.endswith("为"):
                continue
            items = self._enumeration(main, index - 1)
            index = main.index(items[-1]) + 1
            verb = UNVEIL_AFTER.match(text, items[-1].end, end)
            if verb is None or (
                verb.group().endswith("授牌") and not all(is_a(m.entity.cls, "Platform") for m in items)
            ):
                continue  # 为A授牌: an award to A, unless A is a platform being opened
            # 为某公司“某某工作站”、某公司“某某班”揭牌: each platform or class is named after the company before it,
            # which is not what is unveiled
            owners = set()
            for owner, named in itertools.pairwise(items):
                if named.start == owner.end + 1 and text[owner.end] == "“" and _names_platform(owner, named):
                    self.add(named.entity, "namedAfter", owner.entity, span, "named-为…揭牌")
                    owners.add(id(owner))
            items = [m for m in items if id(m) not in owners]
            # 州长张三和县委书记李四共同为X揭牌: the people named before 为 unveil it, not their titles' bodies
            people = [m.entity for m in main if m.end <= mention.start and m.entity.cls == "Person"]
            if people:
                people = self._roll_before(start) + people  # 市长张三，副厅长李四出席并为X揭牌: the whole roll
            for item in items:
                for party in people or parties:
                    self._unveiled_by(party, item.entity, main, span)
        # 出席揭牌仪式并为职教集团揭牌: a platform of that kind the text named (two at most: the ones it is about),
        # in the sentences before or earlier in this one (某某联合体成立大会举行，…出席并为联合体揭牌)
        for unveiled in finditer_holding(UNVEIL_KIND, UNVEIL_KIND_NEEDS, text, start, end):
            if _inside(unveiled.start(1), main):
                continue
            kind = unveiled.group(1)
            here = [m.entity for m in self._here if m.end <= start and not m.ref and is_a(m.entity.cls, "Platform")]
            named = [p for p in self._platforms if p not in here] + here
            fitting = [p for p in named if p.label.endswith(kind) or p.label.endswith(kind[-2:])]
            people = [m.entity for m in main if m.end <= unveiled.start() and m.entity.cls == "Person"]
            if people:
                people = self._roll_before(start) + people  # 市长张三，副厅长李四出席并为…: the whole roll
            for platform in fitting[-2:]:
                for party in people or parties:
                    self._unveiled_by(party, platform, main, span)

    def _unveiled_by(self, party: Entity, platform: Entity, main: list[Mention], span) -> None:
        """``party`` unveils ``platform``: a body that does builds it, and so does a school or a company whose head
        unveils it for them; the person builds nothing, nor does an official's government, which only attends (the
        guide of round 36 and its sets: none of 8 people who unveil a platform build it)."""
        if party.cls != "Person":
            self.add(party, "builds", platform, span, UNVEILED)
        body = self._body(party, main)
        if body is not party and (is_a(body.cls, "EducationalOrganization") or is_a(body.cls, "Company")):
            if platform.label.startswith(body.label):
                return  # 某某大学附属中学, 某某学院某某学院: a unit named after the body is part of it (part-name)
            self.add(body, "builds", platform, span, "build-为…揭牌-body")

    def _roll_before(self, start: int) -> list[Entity]:
        """The people named at the ends of the clauses right before ``start`` (市委副书记、市长张三，…): a roll."""
        text = self.text
        found: list[Entity] = []
        at = start
        while text[at - 1 : at] == "，":
            person = next((m for m in self._here if m.end == at - 1 and m.entity.cls == "Person"), None)
            if person is None:
                break
            found.insert(0, person.entity)
            floor = max(0, person.start - 40)  # a clause of titles is short
            breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, floor, person.start)]
            if not breaks:
                break
            at = breaks[-1]
        return found

    def _unveiled_in(self, before: list[Mention], venue: int) -> list[Entity]:
        """某某产业学院揭牌仪式在X举行: the platform its unveiling ceremony is named after (nested in the name)."""
        text = self.text
        found = []
        for event in before:
            if not (is_a(event.entity.cls, "Event") and UNVEILING_EVENT.search(event.name)):
                continue
            if not re.fullmatch(r"(?:隆重|正式|顺利)?在", text[event.end : venue]):
                continue
            found += [m.entity for m in self.nested if m.start == event.start and is_a(m.entity.cls, "Platform")]
        return found

    def _venues(
        self, start, end, main, subject_mention: Mention | None, current: Entity | None, span, earlier=()
    ) -> None:
        """Z在X举行 / 在X召开Z: X hosts the event (a place only locates it); Z在X揭牌: X builds Z, which is in X.

        A在X举办Z, with an actor A opening the clause: A hosts Z, and X, where it takes place, hosts it too when X
        is a body (a school receives the meeting it is held in, in a room of it as well: Z在X会议室举行).
        """
        text = self.text
        for index, mention in enumerate(main):
            if text[mention.start - 1 : mention.start] != "在":
                continue
            room = VENUE_ROOM.match(text, mention.end, end)
            after = room.end() if room else mention.end
            note = AGENT_NOTE.match(text, after, end)  # 在某某高新区（某某科技城）揭牌: the venue's other name
            verb = VENUE_VERB.match(text, note.end() if note else after, end)
            if verb is None:
                self._built_at(main, index, after, end, span)
                continue
            venue = mention.entity
            # X揭牌仪式在Y举行: the platform unveiled is in Y (the ceremony is no entity of its own)
            ceremony = [m for m in main[:index] if CEREMONY_BEFORE.fullmatch(text, m.end, mention.start)]
            # (in a place only: unveiled at a school or a firm, it is the ceremony that is held there, and the
            # annotated sets locate none of 7 such platforms there)
            unveiled = (m.entity for m in ceremony if is_a(m.entity.cls, "Platform"))
            for platform in itertools.chain(unveiled, self._unveiled_in(main[:index], mention.start)):
                if is_a(venue.cls, "Place"):
                    self.add(platform, "locatedIn", venue, span, "locate-揭牌仪式在")
            organiser = subject_mention if subject_mention in main[:index] else None
            if organiser is not None and (is_a(organiser.entity.cls, "Event") or is_a(organiser.entity.cls, "Program")):
                organiser = None  # the clause opens with the event itself: Z在X举行
            # A与B签约仪式在X举行: the event named right before 在 is what is held, not the clause's opener
            # (or a clause's subject that names it whole, over the bodies it holds: see ner's _held_subjects)
            # (“某某论坛”在X举行: the quote that closes the event's name before 在)
            closing = mention.start - 2 if text[mention.start - 2 : mention.start - 1] == "”" else mention.start - 1
            whole = [m for m in self.nested if m.rule == "held-subject" and m.end == closing and m.entity]
            named_event = bool(whole) or any(m.end == closing and is_a(m.entity.cls, "Event") for m in main)
            if named_event:
                organiser = None
            hosting = organiser is not None and verb.group(1) in HOSTING
            roll = [m.entity for m in main[:index] if m.start >= start and _meets(m.entity)] if hosting else []
            if sum(e.cls == "Person" for e in roll) > 1:
                # 院长张三，镇党委委员李四、某公司董事长王五在X举行座谈会: a roll of those who meet, each taking part
                # (their schools and companies through them), none holding it; X, a body, receives it
                roll = [*self._roll_before(start), *roll]
                events = [m.entity for m in main[index + 1 :] if _runs(m.entity) and is_a(m.entity.cls, "Event")]
                for thing in events[:1]:
                    for member in roll:
                        self._rolled.add((member.label, thing.label))
                        self.add(member, "participatesIn", thing, span, f"participate-在…{verb.group(1)}")
                    if is_a(venue.cls, "Organization"):
                        self.add(venue, "hosts", thing, span, f"host-在…{verb.group(1)}")
                continue
            if hosting:
                for thing in [m.entity for m in main[index + 1 :] if _runs(m.entity)][:1]:
                    self.add(self._body(organiser.entity, main), "hosts", thing, span, f"host-在…{verb.group(1)}")
                    self._held_at(venue, thing, verb.group(1), span, "venue-")
                continue
            held = whole + [
                m
                for m in main[:index]
                if (m is subject_mention and not named_event) or text[m.end : m.end + 1] == "在" or m.end == closing
            ]
            # A、B在X相继挂牌: every platform of the list that ends right before 在
            last = next((i for i, m in enumerate(main[:index]) if text[m.end : m.end + 1] == "在"), None)
            if last is not None:
                first = last
                while first > 0 and main[first] in self._enumeration(main, first - 1):
                    first -= 1
                held += [m for m in main[first:last] if is_a(m.entity.cls, "Platform") and m not in held]
            held += [m for m in main[index + 1 :] if m.start < end and is_a(m.entity.cls, "Event")][:1]
            # 某某宣传周启动仪式在X举行: the week launched at X is held there
            held += [m for m in main[:index] if _runs(m.entity) and LAUNCH_BEFORE.fullmatch(text, m.end, mention.start)]
            things = [m.entity for m in held]
            if not things and index == 0 and text.startswith("在", self._opening(start)):
                # X、Y，在Z成立: the platforms or events the clause before opened with
                things = [e for e in earlier if is_a(e.cls, "Platform") or is_a(e.cls, "Event")]
            for thing in things:
                self._held_at(venue, thing, verb.group(1), span)

    def _held_at(self, venue: Entity, thing: Entity, verb: str, span, kind: str = "") -> None:
        """``thing`` is held (``verb``: 举行, 揭牌 …) at ``venue``: a body receives an event held there and houses a
        platform opened there, its host (the guide of round 36; who built it the text says elsewhere); a place, or
        a body for anything else, is only where it is."""
        if not is_a(venue.cls, "Place") and (
            is_a(thing.cls, "Event") or (verb in UNVEILING and is_a(thing.cls, "Platform"))
        ):
            self.add(venue, "hosts", thing, span, f"host-{kind}在…{verb}")
        else:
            self.add(thing, "locatedIn", venue, span, f"locate-在…{verb}")

    def _built_at(self, main: list[Mention], index: int, after: int, end: int, span) -> None:
        """在某某县共建A产业学院、B中心 / 在某某中心设立某某校区: what is set up there is located there."""
        text = self.text
        verb = BUILT_AT.match(text, after, end)
        if verb is None:
            return
        first = index + 1
        if first >= len(main) or main[first].start != verb.end():
            return
        for item in self._enumeration(main, first):
            if is_a(item.entity.cls, "Platform") or item.entity.label.endswith(("校区", "分校")):
                self.add(item.entity, "locatedIn", main[index].entity, span, f"locate-在…{verb.group(1)}")

    def _gathered_at(self, start: int, end: int, inside: list[Mention], span) -> None:
        """…代表齐聚X，举行Y仪式: X, where all gather, holds the event Y, which takes place there."""
        text = self.text
        main = self._main_named
        for index, venue in enumerate(main[:-1]):
            if text.find("聚", max(start, venue.start - 2), venue.start) < 0:
                continue  # (the character every match holds, looked for first: most names follow none)
            if not GATHERED.search(text, max(start, venue.start - 2), venue.start):
                continue
            if not is_a(venue.entity.cls, "Organization") or is_a(venue.entity.cls, "Place"):
                continue
            event = main[index + 1]
            if _attended(event.entity) and HOLDING_AFTER.fullmatch(text, venue.end, event.start):
                self.add(venue.entity, "hosts", event.entity, span, "host-齐聚…举行")
                self.add(event.entity, "locatedIn", venue.entity, span, "locate-齐聚…举行")

    def _signing_ceremonies(self, inside: list[Mention], span) -> None:
        """A与B校企合作签约仪式（在X举行）: the ceremony named after both parties, held at X; so are the parties a
        held event's name lists (A区、B区与C大学、D公司…签约仪式在X举行: places too, as they sign).

        The ceremony is nested over the parties' mentions (rule signing-event of the recogniser), so the
        sentence's other rules read A与B…签约 as before.  The parties take part in it; a place X is where it takes
        place, a body X (or a room of one) receives it: its host (the guide of round 36, and its sets in 16 of 17
        events held at a body).
        """
        ceremonies = [m for m in self.nested if m.rule in WHOLE_EVENT_RULES]
        if not ceremonies:
            return
        text = self.text
        main = {m.start: m for m in inside if not m.nested and m.entity is not None}
        for event in ceremonies:
            if event.entity is None:
                continue
            listed = []  # A、B与C、D…签约仪式: the parties listed from the name's start
            while (party := main.get(listed[-1].end + 1 if listed else event.start)) is not None:
                if party.end >= event.end:
                    break  # (a name reaching past the event's is none of its parties)
                listed.append(party)
                if text[party.end] not in "、与和":
                    break
            if event.rule == "held-subject" and len(listed) < 2:
                continue  # a held event's name, no parties listed (某某联盟理事会年会)
            # (who holds it the text says elsewhere, A与B举行…, 由…主办)
            parties = [m.entity for m in listed if not is_a(m.entity.cls, "Place") or event.rule == "held-subject"]
            # A与B合作办学签约暨某某产业学院揭牌仪式: what is unveiled at the signing the parties build; so is what
            # the name says they build (A与B共建“某某产业学院”签约仪式)
            built = [
                m.entity
                for m in inside
                if event.start < m.start
                and m.end < event.end
                and m.entity is not None
                and is_a(m.entity.cls, "Platform")
                and BUILT_BEFORE.search(text, max(event.start, m.start - 5), m.start)
            ]
            if len(listed) > 1:  # the parties the ceremony is named after take part in it (the guide)
                for party in parties:
                    self.add(party, "participatesIn", event.entity, span, "participate-signing-ceremony")
            for unveiled in self._unveiled_inside(event, inside) + built:
                for party in parties:
                    self.add(party, "builds", unveiled, span, "build-signing-ceremony")
            venue = main.get(event.end + 1) if text[event.end : event.end + 1] == "在" else None
            if venue is None:
                continue
            room = VENUE_ROOM.match(text, venue.end)
            if VENUE_VERB.match(text, room.end() if room else venue.end) is None:
                continue
            if is_a(venue.entity.cls, "Place"):
                self.add(event.entity, "locatedIn", venue.entity, span, "locate-signing-ceremony")
            elif is_a(venue.entity.cls, "Organization"):  # held at a body, a party or not: it hosts the ceremony
                self.add(venue.entity, "hosts", event.entity, span, "host-signing-ceremony")

    def _unveiled_inside(self, event: Mention, mentions: Iterable[Mention]) -> list[Entity]:
        """The platforms a joined ceremony's name ends by unveiling (…签约暨A揭牌仪式, …签约暨A、B揭牌仪式): those
        of ``mentions`` within ``event``'s name, listed from 暨 up to the unveiling verb; or the one it opens with,
        signed for and unveiled at once (A签约揭牌仪式)."""
        text = self.text
        within = [m for m in mentions if event.start <= m.start and m.end < event.end and m.entity]
        inside = {m.start: m for m in within}
        for first in inside.values():
            if text[first.start - 1 : first.start] != "暨":
                continue
            listed = [first]
            while text[listed[-1].end : listed[-1].end + 1] == "、" and listed[-1].end + 1 in inside:
                listed.append(inside[listed[-1].end + 1])
            if UNVEILING_CEREMONY.match(text, listed[-1].end) and all(is_a(m.entity.cls, "Platform") for m in listed):
                return [m.entity for m in listed]
        # 某某产业学院签约揭牌仪式, “某某产业学院”签约和揭牌仪式: the body its parties sign for and unveil at once
        # (its name may open with the school's, a mention of its own: 某某学院|某某产业学院签约揭牌仪式)
        opening = {event.start, event.start + 1} | {m.end for m in within if m.start == event.start}
        signed = [
            m
            for m in within
            if m.start in opening and is_a(m.entity.cls, "Platform") and SIGNED_UNVEILING.match(text, m.end)
        ]
        return [signed[0].entity] if signed else []

    def _located_before(self, start: int, end: int, main: list[Mention], span) -> None:
        """位于X的A和B / 坐落于X（Y）的A: the bodies named after the place and 的 are located there."""
        text = self.text
        for index, place in enumerate(main[:-1]):
            if not LOCATED_AT.search(text, max(start, place.start - 4), place.start):
                continue
            gap = AGENT_NOTE.match(text, place.end, end)  # 坐落于某某度假区（某某新城）的: the place's other name
            after = gap.end() if gap else place.end
            if not text.startswith("的", after) or main[index + 1].start != after + 1:
                continue
            if not (_is_container(place.entity) or is_a(place.entity.cls, "Organization")):
                continue
            for item in self._enumeration(main, index + 1):
                if is_a(item.entity.cls, "Organization") and not is_a(item.entity.cls, "Place"):
                    self.add(item.entity, "locatedIn", place.entity, span, "locate-位于…的")

    def _gathered_in(self, start: int, end: int, main: list[Mention], span) -> None:
        """某某开发区聚集了A、B等多家企业 / 园区入驻了A、B: the bodies a zone or park gathers are located in it."""
        text = self.text
        for index, zone in enumerate(main[:-1]):
            verb = GATHERS.match(text, zone.end, end)
            if verb is None or not _is_container(zone.entity) or main[index + 1].start != verb.end():
                continue
            for item in self._enumeration(main, index + 1):
                if is_a(item.entity.cls, "Organization") and not is_a(item.entity.cls, "Place"):
                    self.add(item.entity, "locatedIn", zone.entity, span, "locate-云集")

    def _enumeration(self, main: list[Mention], index: int) -> list[Mention]:
        """The mention at ``index`` and those that follow it in one enumeration."""
        items = [main[index]]
        for mention in main[index + 1 :]:
            between = _unspaced(self.text[items[-1].end : mention.start])
            if between.startswith(NOTE_OPENS):
                if mention.entity is items[-1].entity:
                    continue  # A（以下简称某某）和B: the short name A's note declares, the list goes on after it
                between = LEADING_NOTE.sub("", between)
            if between.startswith("”"):
                between = between[1:]
            if between.endswith("“"):
                between = between[:-1]
            if not between or (LIST_SEPARATOR.match(between) and between != "，"):
                items.append(mention)
            else:
                break
        return items

    def _actions(self, start, end, main, subject_mention, current, parties, span) -> tuple[str, list[Entity]] | None:
        """Trigger word + following entities → relations of the subject (or of every party of a joint action)."""
        text = self.text
        titles = [m.span() for m in finditer_holding(PLAIN_TITLE, PLAIN_TITLE_NEEDS, text, start, end)]
        triggers = [
            m
            for m in TRIGGER_RE.finditer(text, start, end)
            if not _inside(m.start(), main)
            and not _in_quotes(text, m.start(), start)
            and not _in_quotes(text, m.start(), start, "《", "》")  # 《关于…建设的通知》: the title's words
            and not any(a < m.start() < b for a, b in titles)  # …下发关于推进…建设的意见: without 《》 too
        ]
        if not triggers:
            return None
        agents = [p for p in parties if p is not None] or [current]
        result = None
        for number, trigger in enumerate(triggers):
            kind = TRIGGER_KIND[trigger.group()]
            # 校企双方领导为由A、B、C四方共建的X揭牌: the bodies after 由 build X, whoever the clause opens with
            by = self._built_by_before(main, trigger) if kind == "build" else []
            if kind == "lead" and TABLE_LEADER.match(text, trigger.start()):
                continue  # 牵头单位 names a role, it is no verb: see _lead_columns
            if kind == "do" and text.startswith(("贯彻", "学习"), trigger.start() - 2):
                continue  # 贯彻落实《某某方案》: carrying out another's policy, which it does not issue or run
            following = triggers[number + 1].start() if number + 1 < len(triggers) else end
            if kind == "lead" and number + 1 < len(triggers) and TRIGGER_KIND[triggers[number + 1].group()] == "build":
                following = triggers[number + 2].start() if number + 2 < len(triggers) else end
                if triggers[number + 1].start() - trigger.end() <= 1:
                    triggers[number + 1] = trigger  # 牵头建立: leads, not builds
            if trigger.group() in JOINT and len(by or agents) < 2 and subject_mention is None and current is self.topic:
                continue  # 共建X with nobody named: the builders are not the district the text is about
            objects = self._objects(main, trigger.end(), following, subject_mention)
            if kind == "lead" and not objects:
                continue
            if not objects:
                objects = self._postposed(trigger, main, subject_mention)
            if kind == "train":
                self._training(trigger, main, current, span)
                continue
            if kind == "locate":
                for mention in objects[:1]:
                    # 某某高新区入驻了A: what comes into a zone is in the zone (see _gathered_in), not the other way
                    if current is not None and not (_is_container(current) and not _is_container(mention.entity)):
                        self.add(current, "locatedIn", mention.entity, span, "locate")
                continue
            objects = [
                m
                for m in objects
                if m.end <= end
                and not self._inside_title(m, start)
                and not any(a < m.start and m.end <= b and (a, b) != (m.start, m.end) for a, b in titles)
            ]
            predicates = []
            for mention in objects:
                predicate = _predicate(kind, mention.entity)
                if predicate is None:
                    continue
                if predicate == "builds" and trigger.group() in ORGANISING_VERBS:
                    continue  # 由A主办、B协办的…大会: who organises an event founds no school named after the verb
                if trigger.group() == "建设" and any(is_a(mention.entity.cls, c) for c in STANDING_BODIES):
                    continue  # 建设…的广州市某某集团: a company, a bureau or a society is there already, not built
                if trigger.group() == "推进" and "“" not in text[mention.start - 1 : mention.end]:
                    # 推进教育改革, 推进某某项目: moving on a reform or a project is no launching of it, unless it is
                    # one the text names in quotes (推进“某某”工作: the annotated sets' 0 of 9 facts, the seeds' 13)
                    continue
                if predicate == "participatesIn" and ATTENDING_AFTER.match(text, mention.end):
                    continue  # 出席本次会议的还有A、B: those listed attend (_attendance), not the subject
                # (A与B举行…签约仪式: both hold it, as the annotated sets have it in 18 of 22 cases)
                # A与B召开校企合作座谈会: A receives B, who takes part (A和B联合召开…, A联合B召开…: both hold it)
                received = (
                    predicate == "hosts"
                    and len(agents) == 2
                    and mention.entity.label.endswith(TALKS)
                    and not JOINTLY.search(text, start, trigger.start())
                )
                if predicate == "builds" and _schools_grouped(agents, mention.entity):
                    predicate = "memberOf"  # 由A小学、B小学、C小学组建…教育集团: the schools are its members
                actors = (
                    [current]
                    if (predicate == "offers" and kind != "design") or kind in ("award", "designate")
                    else by or agents
                )
                if kind in ("award", "designate") and subject_mention is not None and not subject_mention.ref:
                    actors = self._co_subjects(main, subject_mention)  # A、B等12所学校成为…示范校
                if kind == "designate":
                    actors = self._listed_before(main, trigger.start()) or actors  # 我校推荐的A、B等三家企业被…
                if trigger.group() in GRANTS:
                    recipient = self._recipient(main, trigger, mention, start)
                    if recipient is None:
                        continue  # A授予“C”称号 with nobody named: not the giver's own title
                    actors = [recipient]
                for index, actor in enumerate(actors):
                    rated = predicate == "designatedAs" and mention.entity.cls != "Designation"
                    person = rated and actor is not None and actor.cls == "Person"
                    # 陈某获评全国优秀课例: a person is awarded what a school would be designated as
                    said = "hasAward" if person else "participatesIn" if received and index else predicate
                    self.add(actor, said, mention.entity, span, f"{kind}-{trigger.group()}")
                predicates.append((predicate, mention.entity))
                if predicate == "hosts" and not received:
                    # A与B举行签约暨某某基地揭牌仪式: what the ceremony it ends with unveils, its hosts build (a
                    # ceremony of an unveiling alone, 举行某某实习基地授牌仪式, may give a school's base its name: 7 of
                    # 15 such are built on the annotated sets)
                    for unveiled in self._unveiled_inside(mention, [*self.nested, *main]):
                        for actor in actors:
                            if actor is not None and not unveiled.label.startswith(actor.label):  # (its own unit)
                                self.add(actor, "builds", unveiled, span, "build-signing-ceremony")
                if predicate == "participatesIn":
                    for nested in (m for m in self.nested if mention.start <= m.start < mention.end):
                        if is_a(mention.entity.cls, "Event") and not _attended(nested.entity):
                            continue  # 某某共同体成立大会: one attends the meeting, not the body it is named after
                        for actor in actors:
                            self.add(actor, "participatesIn", nested.entity, span, f"{kind}-{trigger.group()}")
                if mention.cls == "Prize":
                    for nested in (m for m in self.nested if mention.start <= m.start < mention.end):
                        self.add(actors[0], "participatesIn", nested.entity, span, "award-event")
            if predicates:
                result = (predicates[0][0], [entity for _, entity in predicates])
        return result

    def _built_by_before(self, main: list[Mention], trigger: re.Match[str]) -> list[Entity]:
        """由A、B、C（四方）（共同）共建的X: the bodies listed after 由 right before the verb and its 的, if so."""
        text = self.text
        if not text.startswith("的", trigger.end()):
            return []
        lead = BUILT_BY_LEAD.search(text, max(0, trigger.start() - 8), trigger.start())
        at = lead.start() if lead else trigger.start()
        last = next((i for i, m in enumerate(main) if m.end == at), None)
        if last is None:
            return []
        first = last
        while first > 0 and main[last] in self._enumeration(main, first - 1):
            first -= 1
        if text[main[first].start - 1 : main[first].start] != "由":
            return []
        items = main[first : last + 1]
        return [m.entity for m in items] if all(is_actor(m.entity.cls) and not m.ref for m in items) else []

    def _inside_title(self, mention: Mention, floor: int) -> bool:
        """A name within a longer 《…》 title (《关于推进某某联盟建设的通知》): a word of the title, no object."""
        text = self.text
        if not _in_quotes(text, mention.start, floor, "《", "》"):
            return False
        return not (text[mention.start - 1 : mention.start] == "《" and text[mention.end : mention.end + 1] == "》")

    def _recipient(self, main: list[Mention], trigger, designation: Mention, start: int) -> Entity | None:
        """A授予B“C” / A为B授牌“C”: B, the organisation that receives the name the giver's verb gives."""
        text = self.text
        for mention in main:
            if not is_a(mention.entity.cls, "Organization") or mention is designation:
                continue
            if trigger.end() <= mention.start and mention.end <= designation.start:
                return mention.entity  # 授予B“C”
            before = start <= mention.start and mention.end <= trigger.start() and text[mention.start - 1] == "为"
            if before and not text[mention.end : trigger.start()].strip("“”"):
                return mention.entity  # 为B授牌“C”
        return None

    def _objects(self, main: list[Mention], begin: int, end: int, subject_mention) -> list[Mention]:
        """The mentions a verb governs: those after it in the clause, less prepositional phrases (以A和B为…);
        an event named by the whole phrase after it (举行某分校、某小学签约揭牌仪式), that event."""
        text = self.text
        for whole in self.nested:
            if whole.rule in WHOLE_EVENT_RULES and begin <= whole.start <= min(begin + 1, end):
                return [whole]
        objects = []
        skip_until = -1
        for index, mention in enumerate(main):
            if not (begin <= mention.start < end) or mention is subject_mention or mention.ref not in ("", "event"):
                continue
            if mention.start < skip_until:
                continue
            lead = text[max(begin, mention.start - 1) : mention.start]
            if lead in PREPOSITIONS:
                skip_until = self._enumeration(main, index)[-1].end
                continue
            objects.append(mention)
        return objects

    def _postposed(self, trigger: re.Match, main: list[Mention], subject_mention) -> list[Mention]:
        """Objects before a verb used as a noun: “教联体”建设纳入…, …的品牌打造."""
        text = self.text
        agreement = trigger.group() == "共建" and AGREEMENT_AFTER.match(text, trigger.end()) is not None
        if not agreement and (
            trigger.group() not in ("建设", "打造", "创建") or not NOMINAL_AFTER.match(self.text, trigger.end())
        ):
            return []  # only a verb used as a noun: “教联体”建设纳入…, 签订某某联盟共建协议
        before = [m for m in main if m.end <= trigger.start() and m is not subject_mention and not m.ref]
        if not before:
            return []
        gap = text[before[-1].end : trigger.start()]
        if gap.strip("”") in ("", "的品牌", "品牌", "的"):
            last = before[-1]
            items = [last]
            for mention in reversed(before[:-1]):
                between = text[mention.end : items[0].start].strip("“”")
                if between in ("", "、", "和", "及", "与"):
                    items.insert(0, mention)
                else:
                    break
            return items
        return []

    def _training(self, trigger: re.Match, main: list[Mention], current: Entity | None, span) -> None:
        """为X培养 / 向X输送: the subject trains X."""
        text = self.text
        for mention in main:
            before_verb = mention.end <= trigger.start() and trigger.start() - mention.end <= 6
            if before_verb and text[mention.start - 1 : mention.start] in ("为", "向") and is_actor(mention.entity.cls):
                self.add(current, "trains", mention.entity, span, "train")

    def _passive(self, main: list[Mention], index: int, span) -> None:
        """全区家长学校总校由区教师进修学院设立: the agent after 由 builds / hosts the thing before it."""
        text, mention = self.text, main[index]
        passive = PASSIVE.match(text, mention.end) if text.startswith("由", mention.end) else None  # (most: no call)
        if not passive or index + 1 >= len(main) or main[index + 1].start != passive.end():
            return
        agent = main[index + 1].entity
        verb = PASSIVE_VERB.match(text, main[index + 1].end)
        kind = TRIGGER_KIND.get(verb.group() if verb else "", "")
        predicate = _predicate(kind, mention.entity) if kind else None
        if predicate and agent is not None:
            self.add(agent, predicate, mention.entity, span, f"{kind}-由…")

    def _structures(
        self, start: int, end: int, here: list[Mention], main: list[Mention], current: Entity | None, span
    ) -> None:
        """Relations told by the shape of a phrase rather than a verb (``main``: the names of ``here`` not nested
        in another, which the clause's loop has made already)."""
        text = self.text
        for index, mention in enumerate(main):
            entity = mention.entity
            following = main[index + 1] if index + 1 < len(main) else None
            if (
                following is not None
                and entity is not None
                and entity.cls in KINDS["Organization"]
                and following.entity is not None
                and following.entity.cls in KINDS["Event"]
                and text[mention.end : following.start] in ("的", "的“", "“")
            ):
                self.add(entity, "hosts", following.entity, span, "host-possessive")  # 参加该院“…大会”: its meeting
            if mention.ref:
                if mention.ref == "event" and entity is not None:
                    self._passive(main, index, span)  # 大会由A承办: the event the text is about
                continue
            following = main[index + 1] if index + 1 < len(main) else None
            gap = text[mention.end : following.start] if following else ""
            # 市实验中学的“报国园”: the base is in the school; 融创中学的孵化小鸡、制作扎染课程: the school offers them
            if following is not None and gap in ("的", "的“") and entity.cls in KINDS["Organization"]:
                items = self._enumeration(main, index + 1)
                for item in items:
                    if item.entity.cls in KINDS["Course"]:
                        self.add(entity, "offers", item.entity, span, "offer-possessive")
                    elif item.entity.cls in KINDS["Platform"] and item.rule in ("quoted", "list"):
                        self.add(item.entity, "locatedIn", entity, span, "locate-possessive")
            # 南温泉解放重庆遗址群、市实验中学的“报国园”，一批“大思政课”实践教学基地: each item holds the designation
            batch = mention.extras.get("batch")
            if batch is not None and batch.entity is not None:
                self.add(entity, "designatedAs", batch.entity, span, "designate-一批")
            # 海棠小学英语教师陈凤娟
            if entity.cls == "Person" and text[mention.start - 2 : mention.start] not in ("学生", "同学"):
                role_at = mention.extras.get("role_at", -1)
                employer = None
                for other in reversed(main[:index]):
                    if other.entity is not None and other.entity.cls == "Person":
                        break  # 院长张三，副院长李四: each person's organisation is the one before their own title
                    titles = text[other.end : role_at]
                    if (
                        other.entity.cls in KINDS["Organization"]
                        and other.start < role_at  # the title may take in the name's end: 校党委书记
                        and role_at - other.end <= TITLE_CHAIN
                        and not CLAUSE_BREAK.search(titles)
                    ):
                        if text.startswith("原", other.end) and "、" in titles:
                            break  # 某某省政协原副主席、省某某会会长张三: a post held, another now (a body unnamed)
                        # 武汉纺织大学党委常委、副校长姜明华, 市教育局职成教研室主任张广汉
                        employer = other.entity
                        # (not a faculty named by its fields: 化工与环境工程学院院长 works at the faculty)
                        fields = other.rule == "division" or "与" in employer.label
                        if employer.cls == "College" and not employer.known and not fields:
                            # 某大学教务处处长…、某某学院院长刘某: a school of the university named before
                            parent = next(
                                (
                                    m.entity
                                    for m in reversed(main[: main.index(other)])
                                    if m.entity.cls in KINDS["University"]
                                ),
                                None,
                            )
                            employer = parent or employer
                        break
                titled = employer is not None  # the body named right before the title (a school's 董事长 too)
                roll = self._roll
                if (
                    employer is None
                    and roll is not None
                    and ROLL_GAP.fullmatch(text[roll[0] : role_at])
                    and not ROLL_BODY.search(text, roll[0], mention.start)
                    and not any(roll[0] <= m.start < role_at and m.entity is not None for m in main[:index])
                ):
                    employer = roll[1]  # A学院院长张三，副院长李四: the roll goes on in the same organisation
                    # (A学校董事长张三，副董事长李四: the school's; 、某某制药副总经理李四: words before the title)
                    titled = TITLE_OPENING.fullmatch(ROLL_ITEM.split(text[roll[0] : role_at])[-1]) is not None
                    if GOVERNMENT_HEAD.search(text, max(start, role_at), mention.start) and not GOVERNMENT_NAME.match(
                        employer.label
                    ):
                        employer = None  # 某某部部长张三，副县长李四: a government's post, not the roll's body
                    elif PRINCIPAL.match(text, role_at) and not is_a(employer.cls, "EducationalOrganization"):
                        employer = None  # 某某区委副书记、区长张三、副校长李四: a school's title ends the roll
                    elif PLACE_LEADERS.match(text, role_at):
                        employer = None  # 某某大学校长张三，区领导李四: a place's leaders, of no body the text names
                if employer is None and roll is not None and mention.extras.get("after") == roll[0]:
                    employer = roll[1]  # 教师张三、李四和王五: the names after the first share its title
                if (
                    employer is None
                    and roll is None
                    and self._carry is not None
                    and role_at >= 0
                    and not any(m.entity is not None and is_actor(m.entity.cls) for m in main[:index])
                    and not OTHER_BODY.search(text, start, mention.start)
                    and self._carry.cls in KINDS["EducationalOrganization"]
                    and SCHOOL_TITLE.search(text, max(start, role_at), mention.start)
                ):
                    employer = self._carry  # 学院党委书记张三出席。党委副书记、院长李四，…: the roll goes on
                opening = self._opening(start)
                if (
                    (
                        employer is None
                        and self._lead_school is not None
                        and (
                            role_at == opening
                            or text.endswith(PRESIDED_BY, 0, role_at)  # 由校长张三主持, 由党委副书记张三主持
                            or SCHOOL_TITLES_BEFORE.fullmatch(text, opening, role_at)  # 党委副书记、院长张三
                        )
                        and SCHOOL_HEAD.match(text, role_at)
                    )
                    or (
                        employer is None
                        and self._publisher is not None
                        and text.startswith("领导", role_at)
                        and _own_leaders(text, max(start, opening), role_at)
                    )
                    or (
                        employer is None
                        and self._lead_school is not None
                        and mention.rule == "person-before"
                        and self._lead_school.cls in KINDS["EducationalOrganization"]
                        and SCHOOL_HEAD.fullmatch(text, role_at, mention.extras.get("role_end", role_at))
                        and (mention.start == opening or text[mention.start - 1 : mention.start] == "由")
                        # 某某公司党委书记张三…。张三书记介绍了…: the title of the post named before, not the school's
                        and not any(s == entity.label and p == "worksAt" for s, p, _ in self.relations)
                    )
                ):
                    # 校长张三、副院长李四出席… / 由校长张三主持 / 校领导张三、李四出席 / 张三院长出席: the school's own
                    employer = self._publisher or self._lead_school
                if (
                    employer is None
                    and role_at >= 0  # (no title before the name: nothing to read at -1)
                    and PRINCIPAL.match(text, role_at)
                    and (role_at == opening or text[role_at - 1 : role_at] in "、，")
                ):
                    employer = self._own_school()  # 校长张三、区长李四、副校长王五出席: the text's own school's heads
                if (
                    employer is None
                    and mention.rule == "person-before"
                    and text.startswith(GROUP_TITLES, role_at)
                    and (group := next((p for p in reversed(self._platforms) if is_group(p.cls)), None)) is not None
                ):
                    employer = group  # 张某理事长部署工作, 某某秘书长报告: a title of the group the text is about
                if employer is None and (represented := self._represented_by(mention, main)) is not None:
                    employer = represented.entity  # 张三代表某某学院致辞: the body they speak for is theirs
                if employer is not None and self._visited_after(mention, main, employer):
                    employer = None  # 校长张三带领…赴某某学院座谈: the school they go to hosts them, it is not theirs
                if employer is not None and FORMER_POST.search(text, max(start, role_at - 3), mention.start):
                    # 某部原副部长张三: a post they held; the bodies titled before it (A会长、某部原副部长) stay
                    chain = self._titled_before(main, index, employer, former=True)
                    employer = chain[0] if chain else None
                    self._roll = None
                if (
                    employer is not None
                    and not titled
                    and role_at >= 0
                    and BUSINESS_TITLE.match(text, role_at)
                    and (is_a(employer.cls, "EducationalOrganization") or is_a(employer.cls, "GovernmentAgency"))
                ):
                    # 校长张三、某某制药副总经理李四致辞, 对李四董事长一行表示欢迎: the firm the text names as no body
                    employer = None
                if employer is not None:
                    self.add(entity, "worksAt", employer, span, "works-role")
                    for other in self._titled_before(main, index, employer):
                        self.add(entity, "worksAt", other, span, "works-role-chain")
                    if (
                        not is_a(employer.cls, "EducationalOrganization")
                        and text[role_at - 1 : role_at] == "、"
                        and PRINCIPAL.fullmatch(text, role_at, mention.start)
                        and (school := self._own_school()) is not None
                    ):
                        # 集团理事长、校长张三: the group's chair, and the head of the text's own school
                        self.add(entity, "worksAt", school, span, "works-own-principal")
                # (after the titled body: a person's first employer is the one their attendance goes to)
                titles = text[max(start, mention.start - 8) : mention.start]
                government = self._government_headed(titles, employer, mention.start)
                if government is not None and government is not employer:
                    self.add(entity, "worksAt", government, span, "works-head-of-government")
                if employer is not None:
                    # 张三院长、李四副院长: the roll goes on after the title written after the name
                    self._roll = (mention.extras.get("role_end", mention.end), employer)
                    self._sentence_employer = employer
                elif government is not None and self._untitled_next(mention, main[index + 1 : index + 2]):
                    # 副县长张三、李四: the government whose head the title names (副区长张三和某校副校长李四,
                    # 县长张三、宣传部长李四: each their own)
                    self._roll = (mention.extras.get("role_end", mention.end), government)
                else:
                    self._roll = None
            # 在市七运会上斩获…: taking part in an event
            if entity.cls in KINDS["Event"] and text[mention.start - 1 : mention.start] == "在":
                if text[mention.end : mention.end + 1] in ("上", "中") or text[mention.end : mention.end + 2] == "期间":
                    self.add(current, "participatesIn", entity, span, "participate-在…上")
                elif SPEAKING.match(text, mention.end):
                    self.add(current, "participatesIn", entity, span, "participate-在…作")
            # 以区教委和区妇联主要领导为双校长的全区家长学校总校: the bodies lead it
            if text[mention.start - 1 : mention.start] == "以" and is_actor(entity.cls):
                items = self._enumeration(main, index)
                rest = text[items[-1].end : end]
                role = HEADED_BY.match(rest)
                if role:
                    target = next((m for m in main if m.start >= items[-1].end + role.end()), None)
                    if target is not None and target.entity.cls in KINDS["Organization"]:
                        for item in items:
                            self.add(item.entity, "leads", target.entity, span, "lead-为校长")
            # 在校内建成…: the platform is inside the subject
            if entity.cls in KINDS["Platform"] and INSIDE.search(text, max(start, mention.start - 10), mention.start):
                self.add(entity, "locatedIn", current, span, "locate-校内")
            # 以“智慧江北”为统领: the program the subject is guided by
            guided = entity.cls in KINDS["Program"] and GUIDED.search(
                text, max(start, mention.start - 4), mention.start
            )
            if guided and GOAL_AFTER.match(text, mention.end):
                self.add(current, "initiates", entity, span, "do-以…为统领")
            if text.startswith("由", mention.end):  # (what _passive reads first: a call for those names alone)
                self._passive(main, index, span)
            # 对深化教育综合改革作出全面部署
            if mention.rule == "policy":
                self.add(current, "initiates", entity, span, "do-作出部署")
        # “区委统一领导、区委教育工委牵头抓总…”的…格局: each leading body leads it
        if text.find("”的", start, end) >= 0:  # (what _quoted_leads reads first: a call for few clauses)
            self._quoted_leads(start, end, here, span)
        # names that contain another entity's name: 领雁工程市级…项目 is part of 领雁工程
        # (the part is a nested name: those are taken once, not tested again for every name of the clause)
        parts = [
            m
            for m in here
            # 《某某局关于…的通知》, 《某某学院框架协议》: who issued it, what it is about (see _issued)
            if m.nested and not m.ref and m.rule not in ("title-issuer", "issued", "agreement-body")
        ]
        for mention in here if parts else ():
            for other in parts:
                if other is mention or mention.ref:
                    continue
                if (
                    mention.start <= other.start < mention.end
                    and other.end - other.start < mention.end - mention.start  # the shorter name is the part
                    and other.entity.cls not in KINDS["Event"]
                    # 某某共同体成立大会: the body's meeting, no part of it
                    and mention.entity.cls not in KINDS["Event"]
                    # 某某国家工程实验室, 星海新工程创新实验室: 工程 is the lab's field, no program it is part of
                    and not (other.name.endswith("工程") and ENGINEERING_LAB.match(self.text, other.end, mention.end))
                ):
                    subject, predicate, whole = named_after_parent(mention.entity, other.entity)  # (a group: led)
                    self.add(subject, predicate, whole, span, "part-name" if predicate == "partOf" else "lead-name")

    def _quoted_leads(self, start: int, end: int, here: list[Mention], span) -> None:
        text = self.text
        if "”的" not in text[start:end]:
            return
        for match in DESCRIBED.finditer(text[start:end]):
            inner_start = start + match.start(1)
            inner_end = start + match.end(1)
            target = next((m for m in here if m.start >= start + match.end() and not m.ref), None)
            if target is None or target.start - (start + match.end()) > 2:
                continue
            for mention in here:
                if inner_start <= mention.start < inner_end and is_actor(mention.entity.cls):
                    verb = text[mention.end : mention.end + 4]
                    if LEADING.match(verb):
                        self.add(mention.entity, "leads", target.entity, span, "lead-quoted")

    def _collectives(self, start: int, end: int, inside: list[Mention], span) -> None:
        """A、B等九大行动: the items are part of the collective."""
        main = self._main_named  # (every mention read here has its entity: see __init__)
        for index, mention in enumerate(main):
            if mention.rule != "collective" and ("大" not in mention.name or not COLLECTIVE_NAME.match(mention.name)):
                continue
            if self.text[mention.start - 1 : mention.start] != "等":
                continue
            members = []
            for other in reversed(main[:index]):
                between = self.text[other.end : (members[0].start if members else mention.start - 1)]
                if between.strip("“”") in ("", "、", "和", "及", "以及") and compatible_program(other, mention):
                    members.insert(0, other)
                else:
                    break
            for member in members:
                self.add(member.entity, "partOf", mention.entity, span, "part-collective")

    def _indicators(self, start: int, end: int, main: list[Mention], current: Entity | None, span) -> None:
        text = self.text
        if not NUMERAL.search(text, start, end):
            return
        for match in finditer_from(NUMERAL, INDICATOR_RE, text, start, end):  # a number first
            if _inside(match.start(), main) or _in_quotes(text, match.start(), start):
                continue
            pre = ""
            if text.endswith(PRE_QUALIFIERS, start, match.start()):  # which one, only when one is there
                pre = next(w for w in PRE_QUALIFIERS if text.endswith(w, start, match.start()))
            begin = match.start() - len(pre)  # the phrase as written: 近1.7万名
            number = match.group("num")
            unit = match.group("unit").lstrip("余")
            if (
                text[match.end() : match.end() + 1] in "年月日届级期周岁"
                or text[match.start() - 1 : match.start()] == "第"
            ):
                continue
            value = _number(number)
            if value is None:
                continue
            chinese = not number[0].isdigit()
            if chinese and (value < 2 or _idiom(text, match.start("num")) or unit in ("%", "％", "人", "元")):
                continue
            if match.group("mult"):
                value *= 10000 if match.group("mult") == "万" else 100000000
            if unit == "万人":
                value, unit = value * 10000, "人"
            qualifier = QUALIFIERS.get(match.group("post") or "", "") or QUALIFIERS.get(pre, "")
            if match.group("unit").startswith("余"):
                qualifier = "余"
            measure = _measure(text, begin, match.end(), start)
            subject = current
            previous = next((m for m in reversed(main) if m.end <= match.start()), None)
            if previous is not None and previous.end == begin and unit in ("场次", "次", "期", "场", "届"):
                subject = previous.entity  # 开展…活动200余场次: the activity took place 200 times
            elif ((subject is None or subject is self.topic) and not any(m.entity is subject for m in main)) or (
                subject is not None and subject.cls == "Person"
            ):
                # 160余名代表参加了大会; 张三等领导和代表200多人出席大会: a person counts no one
                subject = self._event_counted(span, match.start()) or subject
            if subject is None or (subject.cls == "Person" and unit in PERSON_UNITS):
                continue  # nobody to count for: 张三…，60余名代表出席 counts the delegates of no one named
            counts = _counts_class(measure, unit)
            phrase = text[begin : match.end()]
            self.indicators.append(
                Indicator(subject, measure, _plain_number(value), unit, qualifier, phrase, counts, span[0], span[1])
            )

    def _at_the_meeting(self, start: int, end: int, inside: list[Mention], span) -> None:
        """开幕式上，A、B…表演 / A、B的负责人在会上作报告: those who act at the meeting take part in it.

        The meeting is the event named in this sentence or the one before (会上 refers to it).
        """
        text = self.text
        if self._last_run is not None and self._last_run.cls in KINDS["Event"]:
            self._coming_from(start, end, inside, span)
        if self._last_run is None or self._last_run.cls not in KINDS["Event"]:
            return  # (before the scan for the frame: no meeting, nothing to look for)
        frame = next(finditer_from(AT_MEETING_FIRST, AT_MEETING, text, start, end), None)
        if frame is None:
            return
        if self._sentences - self._event_seen > 1:
            return  # no event named near: 会上 may be a signing the text does not name
        event = self._last_run
        main = self._main_named
        if CLAUSE_BREAK.match(text, frame.end()) or frame.start() == start:
            after = [m for m in main if m.start >= frame.end()]
            opening = after[0] if after and CLAUSE_BREAK.fullmatch(text, frame.end(), after[0].start) else None
            if opening is None and after and after[0].start == frame.end():
                opening = after[0]
            actors = self._enumeration(main, main.index(opening)) if opening is not None else []
        else:
            clause = max(text.rfind(c, start, frame.start()) for c in "，。；：")
            before = [m for m in main if max(start, clause + 1) <= m.start < frame.start()]
            actors = self._enumeration(main, main.index(before[0])) if before else []
        for actor in actors:
            actor = self._titled_person(main, actor)  # 会上，某某学院院长张三作报告: the one who speaks is the guest
            if actor.entity is not event and (
                actor.entity.cls in KINDS["Organization"] or actor.entity.cls == "Person"
            ):
                self.add(actor.entity, "participatesIn", event, span, "participate-会上")

    def _own_sessions(self, inside: list[Mention], span) -> None:
        """自治区党委十届八次全会, 某某协会2024年年会: a body's own session is hosted by the body."""
        for event in inside:
            if event.nested or event.entity is None or event.entity.cls not in KINDS["Event"]:
                continue
            for owner in self.nested:
                if owner.start != event.start or owner.entity is None or owner.entity.cls not in KINDS["Organization"]:
                    continue
                if OWN_SESSION.fullmatch(self.text, owner.end, event.end):
                    self.add(owner.entity, "hosts", event.entity, span, "host-own-session")

    def _titled_person(self, main: list[Mention], body: Mention) -> Mention:
        """The person named with a title right after ``body`` (某某学院院长张三), else ``body`` itself."""
        if body.entity.cls == "Person":
            return body
        index = main.index(body)
        following = main[index + 1] if index + 1 < len(main) else None
        if (
            following is not None
            and following.entity.cls == "Person"
            and following.start - body.end <= TITLE_CHAIN
            and not CLAUSE_BREAK.search(self.text, body.end, following.start)
        ):
            return following
        return body

    def _coming_from(self, start: int, end: int, inside: list[Mention], span) -> None:
        """来自A、B、C等高校的上万名求职者步入招聘现场: A, B and C take part in the event the text is about."""
        text = self.text
        main = self._main_named
        for frame in COMING_FROM.finditer(text, start, end):
            first = next((m for m in main if m.start == frame.end()), None)
            if first is None:
                continue
            items = self._enumeration(main, main.index(first))
            if not GUESTS.match(text, items[-1].end, end):
                continue
            for item in items:
                if is_a(item.entity.cls, "Organization"):
                    self.add(item.entity, "participatesIn", self._last_run, span, "participate-来自")

    def _event_counted(self, span: tuple[int, int], at: int) -> Entity | None:
        """The event a count of those who came belongs to (…家企业参与, 提供岗位…个), when the sentence says so."""
        if not ATTENDANCE.search(self.text, span[0], span[1]):
            return None
        named = [m.entity for m in self._here if m.start < at and m.entity is not None and is_a(m.entity.cls, "Event")]
        if named:
            return named[-1]
        if self._last_run is not None and is_a(self._last_run.cls, "Event"):
            return self._last_run
        return None


# -- helpers ----------------------------------------------------------------------------------------------


# What the ontology cannot say (its domains and ranges are open-world unions), as (subject, object) class tests
# added to kg.model.terms.fits.  Each says why; anything not listed is the ontology's domain/range alone.
_ANY = ()
_COMMON_SENSE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # things that happen or are run: a project, a campaign, a meeting — not a school or a prize
    "initiates": (ACTOR_CLASSES, ("Program", "Event")),
    # one hosts what takes place (an event, a campaign) or a platform housed in it, never an organisation
    "hosts": (_ANY, ("Event", "Campaign", "Platform")),
    # one takes part in an event, a program or a platform, not in a company
    "participatesIn": (ACTOR_CLASSES, ("Event", "Program", "Platform")),
    # a program, an event or a document is member of nothing, offers nothing, is located nowhere
    "memberOf": (ACTOR_CLASSES, _ANY),
    "offers": (("Organization", "Place"), _ANY),
    "locatedIn": (_ANY, ("Place", "Organization")),
}
# a person is located nowhere (they work somewhere); they build in their own name only what they unveil (add);
# one leads a body, a program or an event, never a place or a person
# people build and host through their organisation (王明主持大会 chairs it; the body hosts it)
_NOT_SUBJECT = {"locatedIn": ("Person",), "hosts": ("Person",)}
_NOT_OBJECT = {"leads": ("Place", "Person")}
# A city or a province (or a town) that builds, hosts, takes part or works with others is its government, which
# the texts name when they mean it: 1 of the 34 such relations read on the sets of rounds 14-20 was the
# annotators' (a district acting, 区 for 区委区政府, was 31 of 98: it stays)
PASSIVE_PLACES = ("City", "Place")
STANDING_BODIES = ("Company", "GovernmentAgency", "SocialOrganization")  # bodies a clause of 建设 builds up, not founds
ACTING = ("builds", "cooperatesWith", "integratesWith", "initiates", "hosts", "participatesIn", "leads", "memberOf")


def _fits(subject: Entity, predicate: str, obj: Entity) -> bool:
    """The ontology's domain and range of the relation (kg.model.terms.fits), narrowed by :data:`_COMMON_SENSE`."""
    return _classes_fit(subject.cls, predicate, obj.cls)


@cache  # a few dozen classes and relations: asked thousands of times in a long text, answered once each
def _classes_fit(s: str, predicate: str, o: str) -> bool:
    if not fits(predicate, s, o):
        return False
    subjects, objects = _COMMON_SENSE.get(predicate, (_ANY, _ANY))
    if subjects and not any(is_a(s, c) for c in subjects):
        return False
    if objects and not any(is_a(o, c) for c in objects):
        return False
    if any(is_a(s, c) for c in _NOT_SUBJECT.get(predicate, ())):
        return False
    if predicate in ACTING and (s in PASSIVE_PLACES or (o in PASSIVE_PLACES and is_symmetric(predicate))):
        return False
    return not any(is_a(o, c) for c in _NOT_OBJECT.get(predicate, ()))


def _predicate(kind: str, obj: Entity) -> str | None:
    cls = obj.cls
    if kind in ("award", "designate"):
        if cls == "Designation" or (kind == "designate" and cls in KINDS["Award"] and cls not in KINDS["Prize"]):
            return "designatedAs"
        return "hasAward" if cls in KINDS["Award"] else None
    if cls in KINDS["Award"]:
        return None
    if kind == "lead":
        return "leads"
    if kind == "host":
        if cls in KINDS["EducationalOrganization"]:
            return "builds"  # 合作举办某某学校: founding a school, not holding an event
        return "hosts" if cls in KINDS["Event"] or cls in KINDS["Campaign"] else "initiates"
    if kind == "offer":
        return "offers" if cls in KINDS["Program"] else None
    if kind == "design":
        return "offers" if cls in KINDS["Course"] else None
    if kind == "participate":
        return (
            "participatesIn" if cls in KINDS["Event"] or cls in KINDS["Program"] or cls in KINDS["Platform"] else None
        )
    if kind == "join":
        return "memberOf" if cls in KINDS["Platform"] else None
    if kind == "use":
        return "initiates" if cls in KINDS["Program"] else None
    if kind in ("build", "do", "host") and cls in KINDS["Course"] and obj.label.rstrip("”").endswith("班"):
        return "offers"  # 共同开办“五洋纺机班”: a class is offered, not initiated (a 讲堂 one runs is)
    if kind in ("build", "do"):
        if cls in KINDS["Program"]:
            return "initiates"
        if cls in KINDS["Event"]:
            # 开展/组织 an event runs it; 构建/打造 one names it among what a base is for (集“…技能竞赛…”于一体)
            return "hosts" if kind == "do" else None
        if cls in KINDS["Organization"] and cls not in KINDS["Place"] and (kind == "build" or cls in KINDS["Platform"]):
            return "builds"
    return None


def named_after_parent(part: Entity, whole: Entity) -> tuple[Entity, str, Entity]:
    """The fact a name beginning with another body's name states: ``part`` is a unit of ``whole``
    (某某公司教育培训基地), but a group named after its core school is led by the school (某某小学教育集团)."""
    if is_group(part.cls) and is_a(whole.cls, "EducationalOrganization"):
        return whole, "leads", part
    return part, "partOf", whole


def _organiser_role(verb: str) -> str:
    """What an organiser's verb makes it: 主办, 承办, 举办 hold the event; 协办 (co-organising) takes part in it (the
    two current sets that name one)."""
    return "participatesIn" if verb == "协办" else "hosts"


def _names_platform(owner: Mention, named: Mention) -> bool:
    """某公司“某某工作站”, 某公司“某某班”: a company (or any body but a platform) whose name stands before a
    platform's or a program's (namedAfter only where the ontology allows it: a platform, an organisation)."""
    body = owner.entity.cls
    return is_a(body, "Organization") and not is_a(body, "Platform") and _platform_or_program(named.entity)


def _platform_or_program(entity: Entity) -> bool:
    return is_a(entity.cls, "Platform") or is_a(entity.cls, "Program")


def _division(entity: Entity) -> bool:
    """A school's 二级学院 named by its field alone (化工学院; not 某某产业学院, nor a county's 某县学院)."""
    label = entity.label
    if entity.cls != "College" or not label.endswith("学院"):
        return False
    return _common_phrase(label[:-2]) and not division_starts(label)


def _has_roles(entity: Entity) -> bool:
    """A platform, or an association, whose member bodies hold roles in it (理事长单位, 会长单位, 成员单位)."""
    return entity.cls in KINDS["Platform"] or entity.cls == "SocialOrganization"


def _own_leaders(text: str, opening: int, role_at: int) -> bool:
    """校领导张三 opening a clause, or an item of a list (…处长李四，学院领导张三、王五出席): the school's own leaders.

    >>> _own_leaders("处长王某，学院领导赵一、孙二出席", 0, 7), _own_leaders("某某公司领导赵一出席", 0, 4)
    (True, False)
    """
    for word in ("学校", "学院", "校", "院"):
        at = role_at - len(word)
        if at >= opening and text.startswith(word, at) and (at == opening or text[at - 1] in "，、；,"):
            return True
    return False


def cooperation_kind(a: Entity, b: Entity) -> str:
    """Industry–education integration when an education body or platform works with a company or an industry's
    association (某某省工业经济联合会, 某某行业协会)."""
    education = ("EducationalOrganization", "Platform")
    if (any(is_a(a.cls, c) for c in education) and _industry(b)) or (
        any(is_a(b.cls, c) for c in education) and _industry(a)
    ):
        return "integratesWith"
    return "cooperatesWith"


def _industry(entity: Entity) -> bool:
    """A company, or an association of companies (its name says which trade: 工业, 服务业, 企业家, 行业 …)."""
    return entity.cls == "Company" or (
        entity.cls == "SocialOrganization" and INDUSTRY_BODY.search(entity.label) is not None
    )


# a trade's association or cooperative (…工业联合社): its name has its trade (奶业, 工业, 农机流通 …; no calling:
# 职业, 专业 …), or a chamber (商会, 工商联: the federation of industry and commerce)
INDUSTRY_BODY = re.compile(
    "(?:(?:(?<![职专学就毕事作])业|工商|流通|贸易|物流)[^学]*(?:联合会|联合社|协会|分会)|商会|工商联)$"
)


# events named by a whole phrase over the bodies it holds (A与B…签约仪式; 某某联合体…会议在某地举行): nested
# mentions that are still the text's events
WHOLE_EVENT_RULES = ("signing-event", "held-subject")


def _unspaced(between: str) -> str:
    """What stands between two names, less the stray spaces a mirror leaves around a mark (某某政府 、某某); a space
    alone stays (“某某政府 某某大学基地”: two names, no list).

    >>> _unspaced(" 、"), _unspaced(" ")
    ('、', ' ')
    """
    return between.strip(SPACES) or between


def _after_de(text: str, at: int) -> bool:
    """Whether the name at ``at`` follows 的, or 的 and an opening quote (…共同承办的“某某推介会”)."""
    return text[at - 1 : at] == "的" or text[at - 2 : at] == "的“"


def _runs(entity: Entity) -> bool:
    """True for things that happen (an event, a campaign, a project): counts after them are theirs."""
    return entity.cls in KINDS["Event"] or entity.cls in KINDS["Program"]


def _platform_or_event(entity: Entity) -> bool:
    return entity.cls in KINDS["Platform"] or entity.cls in KINDS["Event"]


def _apposed(text: str, rank: Mention, name: Mention) -> bool:
    """国家示范骨干高职院校——A: the designation set before A describes it, it is no second name."""
    return rank.entity.cls == "Designation" and text[rank.end : name.start] == "——"


def _without(line: str, start: int, mentions: list[Mention]) -> str:
    """``line`` (starting at ``start`` in the text) with the mentions' spans taken out."""
    kept, at = [], 0
    for mention in mentions:
        kept.append(line[at : mention.start - start])
        at = mention.end - start
    kept.append(line[at:])
    return "".join(kept)


def _holder(entity: Entity) -> bool:
    """An organisation or platform that can hold a designation (not a place's name inside it)."""
    return (is_a(entity.cls, "Organization") or is_a(entity.cls, "Platform")) and not is_a(entity.cls, "Place")


# platforms a school keeps inside it (工作室, 实验室, 实训基地 …), not alliances it forms with others
UNIT_PLATFORMS = ("Platform", "TrainingBase", "PracticeBase", "DigitalPlatform", "IndustryCollege")


def _school_unit(entity: Entity) -> bool:
    return entity.cls in UNIT_PLATFORMS


def most_named(counts: Counter) -> str | None:
    """The label counted more often than any other (a text's own school), or None: a tie, or none counted.

    >>> most_named(Counter({"甲校": 3, "乙校": 1})), most_named(Counter({"甲校": 2, "乙校": 2}))
    ('甲校', None)
    """
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _may_be_title(line: str) -> bool:
    """False for a line :data:`ROLL_TITLE` cannot end (it holds neither 成员 nor 单位): no scan of the line."""
    return "成员" in line or "单位" in line


def _may_be_roll(line: str) -> bool:
    """False for a line :data:`ROLL_WORD` cannot end (no 名单, 名录 or 一览表 in it): no scan of the line."""
    return "名" in line or "一览表" in line


def _designation_line(line: str, start: int, inside: list[Mention]) -> re.Match | None:
    """某某省第一批劳动教育实践基地（某某市）: a line that is a designation's name alone heads the roll under it.

    The match ends where the designation does, as a roll title's ``名单`` does."""
    indent = len(line) - len(line.lstrip())  # where the line's text starts
    named = [m for m in inside if m.start - start == indent and _designation(m.entity)]
    if len(named) != 1:
        return None
    if NOTE_AT_END.sub("", line[named[0].end - start :]).strip():
        return None
    return HERE.match(line, named[0].end - start)


def _designation(entity: Entity) -> bool:
    return entity.cls == "Designation"


def _lead_mentions(text: str, mentions: list[Mention]) -> Iterator[Mention]:
    """The mentions of the first two sentences of ``text`` (its title and its lead), first first."""
    ends, previous = [], 0
    for match in SENTENCE_END.finditer(text, 0, 2000):
        if text[previous : match.start()].strip():  # a blank line between the title and the lead ends nothing
            ends.append(match.end())
        previous = match.end()
    limit = ends[1] if len(ends) > 1 else len(text)
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.start >= limit:
            return
        yield mention


def _schools_grouped(agents: list[Entity | None], thing: Entity) -> bool:
    """True when two or more schools, and nothing else, form ``thing``, an education group (集团化办学)."""
    return (
        len(agents) >= 2
        and thing.label.endswith("教育集团")
        and all(a is not None and any(is_a(a.cls, c) for c in WHOLE_SCHOOLS) for a in agents)
    )


def _own_unit(one: Entity, other: Entity) -> bool:
    """True when one of the two is named as a part of the other: its name, and more (某某大学护理学院 of 某某大学,
    某某市政府 of 某某市).

    >>> school, unit = Entity("青川大学", "University", ""), Entity("青川大学护理学院", "College", "")
    >>> _own_unit(school, unit), _own_unit(school, Entity("青川学院", "College", ""))
    (True, False)
    """
    shorter, longer = sorted((one.label, other.label), key=len)
    return len(longer) > len(shorter) and longer.startswith(shorter)


def _main_event(text: str, mentions: list[Mention]) -> Entity | None:
    """The first event the lead names (see :func:`_lead_mentions`), or None.

    A signing ceremony named by its parties (A与B…签约仪式) is nested over them, and still the text's event.
    """
    return next(
        (
            m.entity
            for m in _lead_mentions(text, mentions)
            if (not m.nested or m.rule in WHOLE_EVENT_RULES)
            and not m.ref
            and _attended(m.entity)
            and not spirit_of(text, m)
        ),
        None,
    )


def _lead_school(text: str, mentions: list[Mention]) -> Entity | None:
    """The first whole school (a university, a college, a school) the lead names, or None."""
    return next(
        (
            m.entity
            for m in _lead_mentions(text, mentions)
            if not m.nested and not m.ref and any(is_a(m.entity.cls, c) for c in WHOLE_SCHOOLS)
        ),
        None,
    )


def _subject_carried(entity: Entity) -> bool:
    """An organisation, or a district or city (黄浦区坚持…。与A合作…): what the next sentence may go on about."""
    return entity.cls in KINDS["Organization"] or entity.cls in ("District", "City")


def _meets(entity: Entity) -> bool:
    """A person or a body one of a roll of those who meet can be (not a place, an event or a platform)."""
    return entity.cls == "Person" or (
        is_a(entity.cls, "Organization") and not is_a(entity.cls, "Place") and not is_a(entity.cls, "Platform")
    )


def _attended(entity: Entity) -> bool:
    """A meeting or an activity one attends (出席…活动): an event or a campaign, not a plan or a course."""
    return is_a(entity.cls, "Event") or is_a(entity.cls, "Campaign")


def _is_body_ref(mention: Mention) -> bool:
    """我校 / 学校 / 我院 resolved to an organisation: a party that can hold a role."""
    return mention.ref in ("publisher", "school", "college", "company", "publisher-company")


def _is_container(entity: Entity) -> bool:
    return entity.cls in ("VocationalEducationPark",) or is_a(entity.cls, "Place")


def compatible_program(member: Mention, collective: Mention) -> bool:
    return is_a(member.entity.cls, "Program") and is_a(collective.entity.cls, "Program")


def _inside(position: int, mentions: list[Mention]) -> bool:
    # a loop, not any() over a generator (twice as fast for the few names of a clause; asked 12,000 times a MiB)
    for mention in mentions:  # noqa: SIM110
        if mention.start <= position < mention.end:
            return True
    return False


def _in_quotes(text: str, position: int, floor: int, left: str = "“", right: str = "”") -> bool:
    opening = text.rfind(left, floor, position)
    return opening >= 0 and text.find(right, opening, position) < 0


def _plain_number(value: Decimal) -> Decimal:
    """200, not 2E+2; 1.5, not 1.50."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _number(text: str) -> Decimal | None:
    try:
        if text[0].isdigit():
            return Decimal(text)
        if text in UNIT_VALUES and text != "十":
            return None  # 千, 百 alone (千家万户): cn2an reads no number either
        plain = numeral(text)
        if plain is not None:
            return Decimal(plain)
        import cn2an  # a third of a second to import: only for a numeral the reading below leaves to it

        return Decimal(str(cn2an.cn2an(text, "smart")))
    except (ValueError, InvalidOperation, KeyError):
        return None


def _idiom(text: str, position: int) -> bool:
    """千家万户, 三位一体: a numeral inside a fixed word is no quantity."""
    return any(is_word(text[position - back : position + size]) for back in (0, 1) for size in (3, 4))


MEASURE_AFTER = re.compile("[\u4e00-\u9fff]{1,10}?(?=[，。；、：,]|$|在|的|参|中|获|和|及|从|提|被|为|已|累|是|让)")
MEASURE_BEFORE = re.compile("([\u4e00-\u9fff]{1,12})(?:已达|达到|达|共|有|超过|突破|近|约)?$")
# the longest text MEASURE_BEFORE matches (12 characters and a verb of two): a match starts in the last so many
# characters before the number, so the search is made there (each earlier start in a run of characters cost the
# engine its twelve tries back, for nothing)
MEASURE_BEFORE_SPAN = 12 + 2
COUNTING_VERBS = re.compile(
    "建成|建立|新建|吸纳|输送|培训|惠及|辐射|荣获|获|有|开设|共|汇聚|发布|现有|累计|守护|突破|开展|推出"
)


def _measure(text: str, begin: int, end: int, floor: int) -> str:
    """What is counted: the noun after the number (200余家企业), else the one before it (特色学校33所)."""
    after = MEASURE_AFTER.match(text[end : end + 24])
    if after and after.group():
        return after.group()
    tail = MEASURE_BEFORE.search(text[max(floor, begin - MEASURE_BEFORE_SPAN) : begin])
    if tail:
        return COUNTING_VERBS.split(tail.group(1))[-1] or tail.group(1)
    return ""


# a few dozen measures over and over (3,400 indicators, 51 measures and units on 1 MiB of text), each compared
# with every counted word: answered once each (bounded, for a long ingest's many measures)
@lru_cache(maxsize=4096)
def _counts_class(measure: str, unit: str) -> str:
    for word, cls in COUNTS:
        if word in measure:
            return cls
    return "Person" if unit in PERSON_UNITS else ""


def forget_measures() -> None:
    """Empty the classes kept per measure and unit (kept for one block of text, as the recogniser's answers per
    name are: see kg.extract.ner.forget_names)."""
    _counts_class.cache_clear()


def extract_relations(
    text: str,
    mentions: list[Mention],
    topic: Entity | None,
    parts: list[tuple[int, int, list[tuple[int, int]]]] | None = None,
    heads: dict[tuple[int, int], Entity] | None = None,
    pair: list[Entity] | None = None,
) -> tuple[list[Relation], list[Indicator]]:
    """Relations and indicators of a document (see the module docstring); ``parts`` = :func:`segments` if known.

    ``heads``: the entities no mention stands for, by the span that names them (江北市、渝南市…职业院校联盟:
    江北市职业院校联盟 at 江北市), for the rolls that list them.  ``pair``: the two parties the headline joins,
    whom 双方 means until a sentence names a pair."""
    extractor = RelationExtractor(text, mentions, topic, parts)
    extractor.heads = heads or {}
    extractor._pair = list(pair or [])
    return extractor.run()
