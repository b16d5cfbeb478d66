"""Sentence and clause spans of cleaned Chinese text, aware of quotation marks.

Offsets are character offsets into the cleaned text (``Article.text``), the
same offsets the store records as ``kg:startOffset`` / ``kg:endOffset``.
Punctuation inside “quotes”, 《titles》 and （brackets） does not split: a
quoted slogan such as “江南宜学城，品质教育区” stays in one clause.
"""

from __future__ import annotations

import re

SENTENCE_END = "。！？!?"
CLAUSE_END = "，；：,;:…"
OPENERS = {"“": "”", "《": "》", "（": "）", "(": ")", "‘": "’", "「": "」"}
CLOSERS = {v: k for k, v in OPENERS.items()}
_BOUNDARY = re.compile(r"[。！？!?，；：,;:…“”《》（）()‘’「」\n]")


def _spans(text: str, start: int, end: int, enders: str) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` after every character of ``enders`` outside brackets and quotes."""
    spans: list[tuple[int, int]] = []
    depth: list[str] = []
    begin = start
    for match in _BOUNDARY.finditer(text, start, end):
        ch, pos = match.group(), match.start()
        if ch in OPENERS and not (ch == "“" and depth and depth[-1] == "“"):
            if len(depth) < 4:
                depth.append(ch)
        elif ch in CLOSERS:
            if depth and depth[-1] == CLOSERS[ch]:
                depth.pop()
        elif ch == "\n":
            depth.clear()
            if text[begin:pos].strip():
                spans.append((begin, pos))
            begin = pos + 1
        elif ch in enders and not depth:
            spans.append((begin, pos + 1))
            begin = pos + 1
    if text[begin:end].strip():
        spans.append((begin, end))
    return [_strip(text, a, b) for a, b in spans if text[a:b].strip()]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def segments(text: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Every sentence with its clauses, in one pass: (start, end, [(clause start, clause end), …]).

    >>> text = "甲，乙。丙"
    >>> [(text[a:b], [text[c:d] for c, d in parts]) for a, b, parts in segments(text)]
    [('甲，乙。', ['甲，', '乙。']), ('丙', ['丙'])]
    """
    result: list[tuple[int, int, list[tuple[int, int]]]] = []
    parts: list[tuple[int, int]] = []
    depth: list[str] = []
    clause_begin = 0
    for match in _BOUNDARY.finditer(text):
        ch = match.group()
        if ch in OPENERS and not (ch == "“" and depth and depth[-1] == "“"):
            if len(depth) < 4:
                depth.append(ch)
            continue
        if ch in CLOSERS:
            if depth and depth[-1] == CLOSERS[ch]:
                depth.pop()
            continue
        pos = match.start()
        if ch == "\n":
            depth.clear()
            end, following = pos, pos + 1
        elif depth:
            continue
        elif ch in SENTENCE_END:
            end = following = pos + 1
        else:  # a clause ends
            if text[clause_begin : pos + 1].strip():
                parts.append(_strip(text, clause_begin, pos + 1))
            clause_begin = pos + 1
            continue
        if text[clause_begin:end].strip():
            parts.append(_strip(text, clause_begin, end))
        if parts:
            result.append((parts[0][0], parts[-1][1], parts))
        parts = []
        clause_begin = following
    if text[clause_begin:].strip():
        parts.append(_strip(text, clause_begin, len(text)))
    if parts:
        result.append((parts[0][0], parts[-1][1], parts))
    return result


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence: up to 。！？ or a paragraph break, closing quotes included.

    >>> text = "他说“好。”我们走。\\n\\n标题"
    >>> [text[a:b] for a, b in sentences(text)]
    ['他说“好。”我们走。', '标题']
    """
    return _spans(text, 0, len(text), SENTENCE_END)


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of every clause of one sentence, split at ，；： outside quotes and brackets.

    >>> text = "以“学城，品质区”为统领，实施六大工程。"
    >>> [text[a:b] for a, b in clauses(text, 0, len(text))]
    ['以“学城，品质区”为统领，', '实施六大工程。']
    """
    return _spans(text, start, end, CLAUSE_END)
