"""Sentence and clause spans of cleaned Chinese text, aware of quotation marks.

Offsets are character offsets into the cleaned text (``Article.text``), the
same offsets the store records as ``kg:startOffset`` / ``kg:endOffset``.
Punctuation inside “quotes”, 《titles》 and （brackets） does not split: a
quoted slogan such as “江南宜学城，品质教育区” stays in one clause.
"""

from __future__ import annotations

from kg.extract.gazetteer import starts

SENTENCE_END = "。！？!?"
OPENERS = {"“": "”", "《": "》", "（": "）", "(": ")", "‘": "’", "「": "」"}
CLOSERS = {v: k for k, v in OPENERS.items()}
# the characters a sentence or clause may end at, or a quote or bracket open or close at (see kg.extract.gazetteer's
# starts: a find per character, not a regex class tested at every character of the text)
BOUNDARY = "。！？!?，；：,;:…“”《》（）()‘’「」\n"


MAX_QUOTED = 80  # characters within which an opening quote or bracket must close to count


def _closes(text: str, start: int, closer: str, limit: int) -> bool:
    """True when ``closer`` follows ``start`` within :data:`MAX_QUOTED` characters of the same paragraph (and
    before ``limit``, the end of the span read)."""
    bound = min(start + MAX_QUOTED, limit)
    end = text.find("\n", start, bound)
    return text.find(closer, start + 1, end if end >= 0 else bound) >= 0


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def segments(text: str, start: int = 0, stop: int | None = None) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Every sentence with its clauses, in one pass: (start, end, [(clause start, clause end), …]).

    ``start`` and ``stop``: read ``text[start:stop]`` only, as if it were the whole text, with offsets into
    ``text`` (a block of a long text, without a copy of it and a shift of every offset).

    Punctuation inside quotes and brackets does not split; an opening mark
    with no closing one within :data:`MAX_QUOTED` characters (OCR loses them)
    is ignored rather than swallowing the rest of the paragraph.

    >>> def show(text):
    ...     return [(text[a:b], [text[c:d] for c, d in parts]) for a, b, parts in segments(text)]
    >>> show("甲，乙。丙")
    [('甲，乙。', ['甲，', '乙。']), ('丙', ['丙'])]
    >>> show("以“学城，品质区”为统领，实施。他说“好。”我们走。")[0][1]
    ['以“学城，品质区”为统领，', '实施。']
    >>> [sentence for sentence, _ in show("学校开展（活动。下一句，继续。")]
    ['学校开展（活动。', '下一句，继续。']
    """
    limit = len(text) if stop is None else stop
    result: list[tuple[int, int, list[tuple[int, int]]]] = []
    parts: list[tuple[int, int]] = []
    depth: list[str] = []
    clause_begin = start
    for pos in starts(BOUNDARY, text, start, limit):
        ch = text[pos]
        if ch in OPENERS and not (ch == "“" and depth and depth[-1] == "“"):
            if len(depth) < 4 and _closes(text, pos, OPENERS[ch], limit):
                depth.append(ch)
            continue
        if ch in CLOSERS:
            if depth and depth[-1] == CLOSERS[ch]:
                depth.pop()
            continue
        if ch == "\n":
            depth.clear()
            end, following = pos, pos + 1
        elif depth:
            continue
        elif ch in SENTENCE_END:
            end = following = pos + 1
        else:  # a clause ends, with its mark: never blank, nothing to strip after it
            begin = clause_begin
            while text[begin].isspace():  # stops at the mark at the latest
                begin += 1
            parts.append((begin, pos + 1))
            clause_begin = pos + 1
            continue
        if text[clause_begin:end].strip():
            parts.append(_strip(text, clause_begin, end))
        if parts:
            result.append((parts[0][0], parts[-1][1], parts))
        parts = []
        clause_begin = following
    if text[clause_begin:limit].strip():
        parts.append(_strip(text, clause_begin, limit))
    if parts:
        result.append((parts[0][0], parts[-1][1], parts))
    if any(end - start > MAX_SENTENCE for start, end, _ in result):
        result = [piece for sentence in result for piece in _bounded(sentence)]
    return result


MAX_CLAUSE = 200  # characters: a longer stretch without punctuation is cut (tables flattened into one line)
MAX_SENTENCE = 1000  # characters of one sentence: the relation rules compare the mentions of a sentence pairwise


def _bounded(sentence: tuple[int, int, list[tuple[int, int]]]) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """A sentence over :data:`MAX_SENTENCE` characters as several, no clause over :data:`MAX_CLAUSE`.

    >>> [(a, b, len(p)) for a, b, p in _bounded((0, 2500, [(0, 2500)]))]
    [(0, 1000, 5), (1000, 2000, 5), (2000, 2500, 3)]
    """
    start, end, parts = sentence
    if end - start <= MAX_SENTENCE:
        return [sentence]
    clauses = []
    for begin, finish in parts:
        clauses += [(cut, min(cut + MAX_CLAUSE, finish)) for cut in range(begin, finish, MAX_CLAUSE)]
    result, group = [], []
    for clause in clauses:
        if group and clause[1] - group[0][0] > MAX_SENTENCE:
            result.append((group[0][0], group[-1][1], group))
            group = []
        group.append(clause)
    result.append((group[0][0], group[-1][1], group))
    return result
