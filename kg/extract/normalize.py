"""Text normalisation before matching, with a map back to the original offsets.

Releases from Hong Kong/Taiwan-facing sites, traditional-character mirrors and
sites that type ASCII punctuation read differently from the simplified,
full-width text the rules were written for.  :func:`normalize` rewrites a text
into that form so that every rule sees one spelling, and keeps, for each
character of the result, the offset of the character it came from: evidence
is cut from the original text and offsets stored with a fact point into it.

Steps, in order:

* invisible characters are dropped: zero-width spaces and joiners, the byte
  order mark, soft hyphens and the bidirectional controls (a look-alike
  ``巴南\\u200b职教中心`` is ``巴南职教中心``); so is the pinyin some mirror sites
  write after a character (``產(chǎn)業(yè)學(xué)院`` is ``產業學院``);
* compatibility forms are folded (NFKC) where they change how a name reads:
  full-width digits and Latin letters (``ＡＩ`` → ``AI``), CJK compatibility
  ideographs and Kangxi radicals that look like ordinary characters
  (``⼤`` → ``大``); full-width Chinese punctuation is kept as it is;
* ASCII punctuation next to a Chinese character becomes the full-width form
  Chinese text uses (``华为,腾讯`` → ``华为，腾讯``, ``(记者 张三)`` → ``（记者 张三）``,
  paired ``"…"`` → ``“…”``, two hyphens between Chinese characters → ``——``);
* corner brackets become the quotation marks simplified text uses
  (``「產教融合」`` → ``“产教融合”``; ``『…』`` → ``“…”``, or ``‘…’`` inside a quotation);
* variant forms OpenCC leaves alone become the standard character (``会议曁论坛`` → ``会议暨论坛``);
* a text written in traditional characters is converted to simplified with
  OpenCC's ``t2s`` tables (``華為技術有限公司`` → ``华为技术有限公司``).  Only a
  text where traditional forms are frequent is converted: in a simplified text
  a character such as 乾 in a person's name is left alone.

Every step but the first keeps the length, so the offset map is the identity
unless invisible characters or pinyin were dropped.

>>> n = normalize("華為技術有限公司\\u200b與深圳職業技術學院簽約,共建產業學院.")
>>> n.text
'华为技术有限公司与深圳职业技术学院签约，共建产业学院。'
>>> n.original[n.start(8) : n.end(17)]
'與深圳職業技術學院'
"""

from __future__ import annotations

import importlib.util
import re
from array import array
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg import user_cache
from kg.sources.documents import CJK

INVISIBLE = (
    "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"  # soft hyphen, zero-width, bidi
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"  # word joiner, invisible operators, isolates, BOM
)
INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")
# Compatibility characters folded by NFKC: full-width digits and letters, compatibility ideographs,
# Kangxi and supplementary radicals (look-alikes of ordinary characters).
# the pinyin a mirror site writes after each rare character (學(xué)院, 產(chǎn)業, 會(huì )): one syllable with
# its tone mark, a space after it on some
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_GLOSS_RE = re.compile(f"(?<=[{CJK}])[(（][a-zü]{{0,5}}[{TONED}][a-zü]{{0,5}} ?[)）]")
COMPAT_RE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uf900-\ufaff\u2f00-\u2fdf\u2e80-\u2eff]")
FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
_HAN = f"[{CJK}]"
HAN_RE = re.compile(_HAN)
# ASCII punctuation with a Chinese character right before or after it (spaces between allowed).
ASCII_PUNCT_RE = re.compile(rf"(?<={_HAN})\s*[,;:!?()]|[,;:!?()](?=\s*[“‘《（(]?{_HAN})|(?<=[）)”’》])[,;:!?]")
ASCII_MARKS = ",;:!?()"  # one of them in every match of ASCII_PUNCT_RE
# (what comes before the period is checked after it: the pattern starts with the period, which the regex engine
# finds at its speed instead of trying the pattern at every position)
PERIOD_RE = re.compile(rf"\.(?<=[{CJK}”’）)》]\.)(?![0-9A-Za-z.])")
DASH_RE = re.compile(rf"(?<={_HAN})--(?={_HAN})")  # 某某基地--某某公司: two ASCII hyphens for a dash
QUOTE_LINE_RE = re.compile(r'[^\n]*"[^\n]*')
CORNER_BRACKETS = re.compile("[「」『』]")
OUTER_QUOTES = {"「": "“", "」": "”", "『": "“", "』": "”"}  # a quotation's marks in simplified text
INNER_QUOTES = {"『": "‘", "』": "’", "「": "‘", "」": "’"}  # …and a quotation's inside another
VARIANTS = {"曁": "暨", "陜": "陕", "緖": "绪"}  # variant forms t2s keeps (陜西 of some traditional sites: 陕西)
VARIANT_TABLE = str.maketrans(VARIANTS)
TRADITIONAL_SHARE = 0.02  # converted when at least this share of the Chinese characters change under t2s
TRADITIONAL_MIN = 3


@cache
def _converter():
    import opencc  # OpenCC's dictionaries ship inside the wheel: nothing is fetched

    return opencc.OpenCC("t2s")


@cache
def _char_t2s(ch: str) -> str:
    converted = _converter().convert(ch)
    return converted if len(converted) == 1 else ch


CHANGING_CACHE = "t2s-changing-characters.marshal"
# the files of OpenCC's package t2s reads (its module, its configuration and dictionaries): what the characters
# it changes depend on
T2S_TABLES = (
    "t2s.json",
    "CJK_Compatibility_Ideographs.ocd2",
    "TSPhrases.ocd2",
    "TSCharactersExt.ocd2",
    "TSCharacters.ocd2",
)
T2S_FILES = ("__init__.py", *(f"clib/share/opencc/{name}" for name in T2S_TABLES))


@cache
def _changing() -> re.Pattern[str]:
    """The characters of U+3400-U+9FFF that t2s changes alone (:func:`_char_t2s`), as a class.

    Which characters of a text t2s changes was asked of each distinct character of the text: the set of the
    text's characters alone, a Python string made for each character of it, cost 0.2 G instructions on 1 MiB
    of text, and reading OpenCC's tables to ask it 40 M more (most texts need no conversion).  The 3,700 or so
    characters are kept in the user's cache (:mod:`kg.user_cache`) for the OpenCC files they come from; a
    class of them the regex engine counts in a scan.
    """
    spec = importlib.util.find_spec("opencc")
    folder = Path(spec.submodule_search_locations[0]) if spec and spec.submodule_search_locations else None
    key = user_cache.file_key([folder / name for name in T2S_FILES] if folder else [])
    chars = user_cache.read(CHANGING_CACHE, key)
    if not isinstance(chars, str):
        chars = "".join(ch for ch in map(chr, range(0x3400, 0xA000)) if _char_t2s(ch) != ch)
        user_cache.write(CHANGING_CACHE, key, chars)
    return re.compile(f"[{re.escape(chars)}]" if chars else "(?!)")


@dataclass(frozen=True)
class Normalized:
    """The normalised ``text`` of ``original``, with offsets back into it."""

    text: str
    original: str
    starts: array | None = None  # original offset of each character of text; None: the identity

    def start(self, position: int) -> int:
        """The original offset where the character at ``position`` of ``text`` begins."""
        if self.starts is None:
            return position
        return self.starts[position] if position < len(self.starts) else len(self.original)

    def end(self, position: int) -> int:
        """The original offset where a span of ``text`` ending at ``position`` ends."""
        if self.starts is None or position <= 0:
            return position
        return self.starts[position - 1] + 1

    @property
    def identity(self) -> bool:
        return self.starts is None


def normalize(text: str) -> Normalized:
    """``text`` in the one spelling the rules read (see the module docstring), with the offset map."""
    starts = None
    # a find of each tone mark first, not a regex class the engine tests every character against (some 20 M
    # instructions on 1 MiB of text); the gloss pattern is asked only of a text that holds one
    glossed = any(mark in text for mark in TONED) and PINYIN_GLOSS_RE.search(text) is not None
    if glossed or any(ch in text for ch in INVISIBLE):  # (a find each: a regex class tried at every character)
        kept = bytearray(b"\x01") * len(text)
        for match in PINYIN_GLOSS_RE.finditer(text) if glossed else ():
            kept[match.start() : match.end()] = bytes(match.end() - match.start())
        for match in INVISIBLE_RE.finditer(text):
            kept[match.start()] = 0
        starts = array("l", (i for i, keep in enumerate(kept) if keep))
        cleaned = "".join(text[i] for i in starts)
    else:
        cleaned = text
    cleaned = COMPAT_RE.sub(_fold, cleaned)
    # (ASCII_PUNCT_RE, which opens with a lookbehind, tries every position: a find of each of its marks first)
    if any(mark in cleaned for mark in ASCII_MARKS):
        cleaned = ASCII_PUNCT_RE.sub(_full_width, cleaned)
    cleaned = PERIOD_RE.sub("。", cleaned)
    if "--" in cleaned:
        cleaned = DASH_RE.sub("——", cleaned)
    if '"' in cleaned:
        cleaned = QUOTE_LINE_RE.sub(_pair_quotes, cleaned)
    if "「" in cleaned or "『" in cleaned:
        cleaned = _corner_quotes(cleaned)
    if any(variant in cleaned for variant in VARIANTS):
        cleaned = cleaned.translate(VARIANT_TABLE)
    cleaned = to_simplified(cleaned)
    return Normalized(cleaned, text, starts)


def normalize_name(name: str) -> str:
    """A name in the normalised spelling (gazetteer entries): simplified whatever the share of changes."""
    cleaned = COMPAT_RE.sub(_fold, INVISIBLE_RE.sub("", name)).translate(VARIANT_TABLE)
    return _convert(cleaned) if _han_changes(cleaned) else cleaned


def to_simplified(text: str) -> str:
    """``text`` in simplified characters when it is written in traditional ones, else unchanged (same length)."""
    changed = _han_changes(text)
    if changed < TRADITIONAL_MIN or changed < TRADITIONAL_SHARE * len(HAN_RE.findall(text)):
        return text
    return _convert(text)


def _han_changes(text: str) -> int:
    """How many characters of ``text`` (of U+3400-U+9FFF) t2s would change."""
    return len(_changing().findall(text))


def _convert(text: str) -> str:
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    # a phrase rule changed the length: convert paragraph by paragraph, character by character where needed
    parts = []
    for paragraph in text.split("\n"):
        result = _converter().convert(paragraph)
        parts.append(result if len(result) == len(paragraph) else "".join(map(_char_t2s, paragraph)))
    return "\n".join(parts)


# The supplementary radicals a text writes for whole characters (山⻄省: U+2EC4 for 西), which NFKC leaves alone:
# each for the ideograph Unicode's EquivalentUnifiedIdeograph.txt gives it
RADICALS = dict(
    zip(
        "⻄⻅⻆⻉⻋⻑⻓⻔⻘⻙⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻁⺠",
        "西见角贝车長长门青韦页风飞食马骨鬼鱼鸟卤麦黄黾齐齿龙虎民",
        strict=True,
    )
)


def _fold(match: re.Match) -> str:
    """A compatibility character as the ordinary one it stands for (a supplementary radical: see RADICALS).

    >>> import re; re.sub("[⻄⻩⼤]", _fold, "山⻄⻩河⼤学")
    '山西黄河大学'
    """
    import unicodedata

    found = match.group()
    folded = RADICALS.get(found) or unicodedata.normalize("NFKC", found)
    return folded if len(folded) == 1 else found


def _full_width(match: re.Match) -> str:
    found = match.group()
    return found[:-1] + FULL_WIDTH[found[-1]]


def _pair_quotes(match: re.Match) -> str:
    """Straight double quotes of a line with Chinese text, paired as “…” (left alone when unpaired)."""
    line = match.group()
    if line.count('"') % 2 or not re.search(_HAN, line):
        return line
    out, opening = [], True
    for ch in line:
        if ch == '"':
            out.append("“" if opening else "”")
            opening = not opening
        else:
            out.append(ch)
    return "".join(out)


def _corner_quotes(text: str) -> str:
    """Corner brackets as the quotation marks of simplified text: the outer pair “…”, a pair inside it ‘…’.

    >>> _corner_quotes("举行『共建共赢』论坛，主题为「学习『工匠』精神」。")
    '举行“共建共赢”论坛，主题为“学习‘工匠’精神”。'
    """
    depth = 0

    def mark(match: re.Match) -> str:
        nonlocal depth
        bracket = match.group()
        if bracket in "「『":
            depth += 1
            return (OUTER_QUOTES if depth == 1 else INNER_QUOTES)[bracket]
        depth = max(depth - 1, 0)
        return (OUTER_QUOTES if depth == 0 else INNER_QUOTES)[bracket]

    return CORNER_BRACKETS.sub(mark, text)
