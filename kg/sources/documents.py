"""Source documents: read raw newspaper text, repair its layout, split it into articles.

Newspaper text copied from a PDF or a page scan arrives with every column line
broken, paragraphs split by column breaks, and the headline, subtitle and
photo captions of an article displaced after its byline.  :func:`clean_text`
repairs such a file and returns one :class:`Article` per byline (or a single
article when the text has no byline, as in most press releases).

The rules are layout rules, not lists of words, so that they carry over to
other documents:

* a line that does not end a sentence continues on the next line, across
  blank lines left by column breaks;
* a stretch where every line is followed by a blank line (double spacing)
  carries no paragraph information in its blank lines;
* a short block of one or two lines without clause punctuation, standing after
  the end of a paragraph, is a section heading;
* a line of two- or three-character names is a byline; what follows it up to
  the next article's first paragraph is its title, subtitle, captions and
  photo credits.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import MISSING, asdict, dataclass, field, fields
from pathlib import Path

from kg.errors import KgError
from kg.files import check_output, write_text
from kg.i18n import text as message
from kg.model.names import slug
from kg.text import display_width

SENTENCE_END = "。！？!?…"
CLOSING = "”’」』）)》"
CLAUSE_PUNCT = "，。；：！？、,;:!?"
CLAUSE_MARKS = frozenset(CLAUSE_PUNCT)  # (each mark one character: a line holds one when it shares a character)
CJK = r"\u3400-\u9fff\uf900-\ufaff"

BYLINE_RE = re.compile(
    rf"^(?:(?:本报)?(?:记者|通讯员|特约记者|文|图|文/图)[/／:：\s]*)?[{CJK}]{{2,3}}(?:[\s、/]+(?:(?:记者|通讯员)\s*)?[{CJK}]{{2,3}}){{0,5}}$"
)
CREDIT_RE = re.compile(rf"^(?:图片|照片|图|摄影|供图)[{CJK}\s]*(?:提供|摄)$|^(?:图片|照片)(?:由|来源)")
# (區, 縣: a text in traditional characters names its district as its simplified twin does; extraction spells
# the name in simplified characters)
DISTRICT_SUFFIX = "区县區縣"
CITY_SUFFIX = "市"
# Names ending in 区/县/市 that are not administrative areas.
NOT_A_DISTRICT = re.compile(
    r"(全|该|該|學|学|城|园|園|社|辖|轄|本|各|景|验|驗|范|範|点|點|旧|舊|片|校|山|市|乡村地|鄉村地|宜居)(区|县|區|縣)$"
    r"|(城|全|本|该|各|超)市$"  # not 都市 or 新区: 成都市 and 高新区 are places
)


FUNCTION_CHARS = set("获在与的了和是为届对到向从由将把被等及或于让使经入至赴")
CJK_RUN = re.compile(f"[{CJK}]+")


class DocumentError(KgError, ValueError):
    """Raised when a file cannot be read as text; the message names the file."""


@dataclass
class Article:
    """One cleaned article: its text and what the layout told about it."""

    id: str
    title: str
    text: str
    subtitle: str = ""
    authors: list[str] = field(default_factory=list)
    district: str = ""
    city: str = ""
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    source: str = ""
    site: str = ""  # the name of the site that published it (某某职业技术学院): who 我校 / 我院 mean

    def metadata(self) -> dict:
        """Everything but the text, as written to the ``.meta.json`` sidecar."""
        meta = asdict(self)
        del meta["text"]
        return meta


MAX_BYTES = 16 * 1024 * 1024  # default limit of one input file (kg extract / kg ingest --max-bytes)
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
RDF_START = re.compile(
    r"(?:@prefix|@base|PREFIX\s|BASE\s)\s*\S*\s*<[^>\s]*>"  # Turtle, TriG
    r"|<[a-z][a-z0-9+.-]*:[^>\s]*>\s+<[a-z][a-z0-9+.-]*:[^>\s]*>\s+\S"  # N-Triples, N-Quads
    r"|<\?xml[^>]*>\s*(?:<!--.*?-->\s*)*<rdf:RDF|<rdf:RDF"  # RDF/XML
    r"|[\[{]\s*\"@(?:context|graph|id)\"",  # JSON-LD
    re.IGNORECASE | re.DOTALL,
)


def read_text(path: Path, encoding: str | None = None, max_bytes: int | None = MAX_BYTES) -> str:
    """Return the text of ``path``: UTF-8 (with or without BOM), else GB18030.

    Raises :class:`DocumentError` naming the file for binary or undecodable
    input, a file over ``max_bytes`` (None: no limit), UTF-16/32 text without
    ``encoding`` (saying which to pass) and RDF (which ``kg load`` reads).
    """
    try:
        size = Path(path).stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise DocumentError(message("over_limit", path=path, size=f"{size:,}", limit=f"{max_bytes:,}", bytes=size))
        data = Path(path).read_bytes()
    except OSError as error:
        raise DocumentError(message("cannot_read", path=path, reason=error.strerror or error)) from None
    if encoding is None:
        bom = next((name for mark, name in BOMS if data.startswith(mark)), None)
        if bom is not None:
            raise DocumentError(message("bom_text", path=path, name=bom.upper(), encoding=bom))
        if b"\x00" in data[:4096]:  # UTF-16 without a BOM has NULs too: only when guessing
            raise DocumentError(message("binary_file", path=path))
    candidates = [encoding] if encoding else ["utf-8-sig", "gb18030"]
    for name in candidates:
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        if RDF_START.match(text.lstrip("\ufeff \t\r\n")[:4096]) or _comment_then_rdf(text):
            raise DocumentError(message("rdf_not_text", path=path))
        return text
    raise DocumentError(message("cannot_decode", path=path, tried=encoding or message("utf8_or_gb18030")))


def _comment_then_rdf(text: str) -> bool:
    """Turtle or N-Triples that opens with # comment lines."""
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    if not head.startswith("#"):
        return False
    body = "\n".join(line for line in head.splitlines() if not line.lstrip().startswith("#"))
    return bool(RDF_START.match(body.lstrip()))


def width(line: str) -> float:
    """Printed width of a line in full-width character cells (a newspaper sets quotes and dashes full width)."""
    return display_width(line, ambiguous=2) / 2


def ends_sentence(line: str) -> bool:
    stripped = line.rstrip(CLOSING)
    return bool(stripped) and stripped[-1] in SENTENCE_END


def join_lines(left: str, right: str) -> str:
    """Join a wrapped line to its continuation without leaving debris."""
    if left and right and left[-1].isascii() and left[-1].isalpha() and right[0].isascii() and right[0].isalpha():
        return f"{left} {right}"
    return left + right


def _blocks(lines: list[str]) -> list[list[str]]:
    """Group lines into blocks separated by blank lines."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _undouble(blocks: list[list[str]]) -> list[list[str]]:
    """Merge runs of three or more one-line blocks: their blank lines are double spacing.

    A run whose lines mostly end sentences is one paragraph per line (a press
    release with blank lines between paragraphs), not double spacing.
    """
    merged: list[list[str]] = []
    run: list[str] = []
    for block in [*blocks, []]:
        if len(block) == 1:
            run.append(block[0])
            continue
        double = len(run) >= 3 and 2 * sum(map(ends_sentence, run)) < len(run)
        merged.extend([run] if double else [[line] for line in run])
        run = []
        if block:
            merged.append(block)
    return merged


def _is_heading(block: list[str], after_paragraph_end: bool) -> bool:
    if not after_paragraph_end or len(block) > 2:
        return False
    # a set's isdisjoint walks the line once in C, where a generator asked ``in`` for each of the marks
    return all(CLAUSE_MARKS.isdisjoint(line) and not ends_sentence(line) for line in block)


def _paragraphs(lines: list[str]) -> tuple[list[str], list[str]]:
    """Rebuild paragraphs from wrapped body lines; return (paragraphs, headings)."""
    blocks = _undouble(_blocks(lines))
    # each line measured once (a line that recurs is looked up, not measured again)
    widths = {line: width(line) for line in dict.fromkeys(line for block in blocks for line in block)}
    column = max(widths.values(), default=0.0)
    paragraphs: list[str] = []
    headings: list[str] = []
    current = ""
    for block in blocks:
        if _is_heading(block, after_paragraph_end=not current):
            paragraphs.extend(block)
            headings.extend(block)
            continue
        for i, line in enumerate(block):
            current = join_lines(current, line)
            last_in_block = i == len(block) - 1
            short = widths[line] < column - 2.5
            if ends_sentence(line) and (short or last_in_block):
                paragraphs.append(current)
                current = ""
    if current:
        paragraphs.append(current)
    return paragraphs, headings


def _may_end_caption(line: str) -> bool:
    """True when a line reads as a complete phrase rather than a line wrapped mid-clause."""
    from kg.sources.words import jieba

    if not line or line[-1] in CLAUSE_PUNCT or width(line) > 30:
        return False
    last = list(jieba.posseg.cut(line))[-1].flag
    return last[0] in "nsvali" or last == "eng"


def _split_trailer(lines: list[str]) -> tuple[dict, list[str]]:
    """Split the lines after a byline into (displaced metadata, rest of the text)."""
    meta: dict = {"title": "", "subtitle": "", "captions": [], "credits": []}
    blocks_seen = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line:
            i += 1
            continue
        if CREDIT_RE.search(line):
            meta["credits"].append(line)
            i += 1
            continue
        if not meta["title"]:
            meta["title"] = line
            if i + 1 < len(lines) and lines[i + 1] and not CREDIT_RE.search(lines[i + 1]):
                meta["subtitle"] = lines[i + 1]
                i += 1
            i += 1
            blocks_seen += 1
            continue
        single = i + 1 >= len(lines) or not lines[i + 1]
        if single and _may_end_caption(line):
            meta["captions"].append(line)
            i += 1
            continue
        break
    return meta, lines[i:]


def _most_common_place(text: str, suffixes: str) -> str:
    """The place name ending in one of ``suffixes`` that ``text`` names most often.

    Every two- and three-character name before a suffix is a candidate; on a
    tie the longer one wins (沙坪坝区 beats 坪坝区) unless it starts with a
    function word (获重庆市 is 获 + 重庆市), then the one named first.  The
    candidates are counted first and each one tested once: a long text names
    the same few places thousands of times.
    """
    ends = [match.end() for match in re.finditer(f"[{suffixes}](?![级区])", text)]  # 市级, 市区 are adjectives
    # counted by Counter's loop in C, the names of three characters then those of four: a tie is between names
    # of one length (the key below), which come in the same order as when both were counted match by match
    candidates = Counter(text[end - 3 : end] for end in ends if end >= 3)
    candidates.update(text[end - 4 : end] for end in ends if end >= 4)
    counts = {
        name: n
        for name, n in candidates.items()
        if CJK_RUN.fullmatch(name)
        and not NOT_A_DISTRICT.search(name)
        and not (len(name) == 4 and name[0] in FUNCTION_CHARS)
    }
    if not counts:
        return ""
    return max(counts, key=lambda name: (counts[name], len(name)))


def _normalise(line: str) -> str:
    line = line.strip().replace("\u3000", "")
    # A space between two CJK characters is a line-break remnant inside a headline.
    return re.sub(rf"(?<=[{CJK}])\s+(?=[{CJK}“‘])", "", line) if len(line) <= 30 else line


def clean_text(raw: str, source: str = "document") -> list[Article]:
    """Repair the layout of ``raw`` and return its articles.

    >>> [a.text for a in clean_text("近年来，教\\n育事业取得\\n新成效。")]
    ['近年来，教育事业取得新成效。']
    """
    lines = [line.strip().replace("\u3000", "") for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    articles: list[Article] = []
    body: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        # the last non-blank line before it, looked for only at a byline (a generator per line cost more than the
        # byline test: 7,000 lines on 1 MiB of text, a handful of bylines)
        if line and BYLINE_RE.match(line) and ends_sentence(next((x for x in reversed(body) if x), "")):
            meta, rest = _split_trailer(lines[i + 1 :])
            articles.append(_make_article(body, line, meta, source, len(articles)))
            body, lines, i = [], rest, 0
            continue
        body.append(line)
        i += 1
    if any(body):
        articles.append(_make_article(body, "", {}, source, len(articles)))
    _assign_ids(articles, source)
    return articles


def _make_article(body: list[str], byline: str, meta: dict, source: str, index: int) -> Article:
    paragraphs, headings = _paragraphs(body)
    text = "\n\n".join(paragraphs)
    authors = [t for t in re.split(r"[\s、/]+", byline) if t and t not in {"记者", "通讯员", "本报记者"}]
    return Article(
        id=str(index),
        title=_normalise(meta.get("title", "")) or (paragraphs[0] if paragraphs else ""),
        subtitle=_normalise(meta.get("subtitle", "")),
        text=text,
        authors=authors,
        district=_most_common_place(text, DISTRICT_SUFFIX),
        city=_most_common_place(text, CITY_SUFFIX),
        captions=meta.get("captions", []),
        credits=meta.get("credits", []),
        headings=headings,
        source=source,
    )


def district_slug(district: str) -> str:
    """Short ASCII name of a district for document ids: ``巴南区`` → ``banan``."""
    return slug(re.sub(r"(区|县|市|區|縣)$", "", district)).replace("-", "")


def _assign_ids(articles: list[Article], source: str) -> None:
    digest = hashlib.sha1(Path(source).name.encode("utf-8")).hexdigest()[:8]
    seen: Counter[str] = Counter()
    for article in articles:
        base = f"{district_slug(article.district) or 'doc'}-{digest}"
        seen[base] += 1
        article.id = base if seen[base] == 1 else f"{base}-{seen[base]}"


def clean_file(path: Path, encoding: str | None = None, max_bytes: int | None = MAX_BYTES) -> list[Article]:
    """Read ``path`` and return its cleaned articles (see :func:`clean_text` and :func:`read_text`)."""
    return clean_text(read_text(path, encoding, max_bytes), source=Path(path).name)


def write_articles(articles: list[Article], out_dir: Path) -> list[Path]:
    """Write each article as ``<id>.txt`` (text) and ``<id>.meta.json`` (metadata)."""
    check_output(out_dir, folder=True)
    out_dir.mkdir(exist_ok=True)
    written = []
    for article in articles:
        text_path = write_text(out_dir / f"{article.id}.txt", article.text + "\n")
        meta = json.dumps(article.metadata(), ensure_ascii=False, indent=2) + "\n"
        written += [text_path, write_text(out_dir / f"{article.id}.meta.json", meta)]
    return written


def load_article(text_path: Path) -> Article:
    """Read an article written by :func:`write_articles` (or by hand: the text and its ``.meta.json``).

    Keys of the sidecar that an article does not have (a ``url`` noted by
    whoever collected the text, say) are left aside, and a text without one is
    named after its file; a sidecar that is not a
    JSON object of text fields raises :class:`DocumentError` naming it (and the line).
    """
    meta_path = text_path.with_suffix(".meta.json")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:  # a text alone: named after its file
        meta = {}
    except json.JSONDecodeError as error:
        raise DocumentError(message("meta_not_json", path=f"{meta_path}:{error.lineno}", reason=error.msg)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise DocumentError(message("meta_unreadable", path=meta_path, reason=error)) from None
    if not isinstance(meta, dict):
        raise DocumentError(message("meta_not_object", path=meta_path))
    values: dict = {}
    for item in fields(Article):
        if item.name == "text" or item.name not in meta:
            continue
        value, many = meta[item.name], item.default_factory is not MISSING  # the list fields have a factory
        if not (isinstance(value, list) and all(isinstance(v, str) for v in value) if many else isinstance(value, str)):
            raise DocumentError(message("meta_wrong_type", path=meta_path, field=item.name))
        values[item.name] = value
    values.setdefault("id", text_path.stem)
    values.setdefault("title", "")
    return Article(text=text_path.read_text(encoding="utf-8").rstrip("\n"), **values)
