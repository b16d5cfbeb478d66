"""Text as it looks in a terminal: display width of Chinese text, cutting, wrapping, aligned tables.

Chinese characters and full-width punctuation take two columns, Latin letters
one, combining marks none; every table, report and label the project prints
measures with :func:`display_width`, so columns line up whatever the mix.

>>> display_width("重庆 ab"), truncate("重庆理工大学", 7)
(7, '重庆理…')
>>> print(text_table(("名称", "n"), [("巴南区", 17), ("大足区", 38)]))
名称     n
------  --
巴南区  17
大足区  38
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache

NUMBER = re.compile(r"-?\d[\d.,]*%?( \(\d+/\d+\))?")


@cache
def char_width(char: str, ambiguous: int = 1) -> int:
    """Columns one character takes: 2 for wide and full-width, 0 for combining marks, ``ambiguous`` for the rest
    East Asian fonts draw wide (quotes, dashes, ellipsis)."""
    if unicodedata.combining(char) or char in "\u200b\u200c\u200d\ufeff":
        return 0
    kind = unicodedata.east_asian_width(char)
    if kind in "WF":
        return 2
    return ambiguous if kind == "A" else 1


def display_width(text: str, ambiguous: int = 1) -> int:
    """Terminal columns ``text`` takes (see :func:`char_width`).

    Each character's width is looked up in a plain dictionary, filled from :func:`char_width` with the
    characters it has not seen: a third of the cost of calling the cached function for every character of a
    long text (every line of a cleaned file is measured).

    >>> display_width("华为ICT"), display_width("“好”"), display_width("“好”", ambiguous=2)
    (7, 4, 6)
    """
    widths = _WIDTHS.setdefault(ambiguous, {})
    try:
        return sum(map(widths.__getitem__, text))  # map, not a generator: a long text's lines add up
    except KeyError:
        widths.update((char, char_width(char, ambiguous)) for char in set(text).difference(widths))
        return sum(map(widths.__getitem__, text))


_WIDTHS: dict[int, dict[str, int]] = {}  # ambiguous → character → columns (see display_width)


def truncate(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` columns, ending in "…" when cut; ``width`` 0 means no limit.

    >>> truncate("abcdef", 4), truncate("abc", 4), truncate("abc", 0)
    ('abc…', 'abc', 'abc')
    """
    if not width or display_width(text) <= width:
        return text
    kept, used = [], 1  # the ellipsis takes one column
    for ch in text:
        used += char_width(ch)
        if used > width:
            break
        kept.append(ch)
    return "".join(kept) + "…"


def wrap(text: str, width: int, breaks: str = r"(?<=; )|(?<=、)") -> list[str]:
    """``text`` in lines of at most ``width`` columns, breaking after ``breaks`` where it can, else anywhere.

    >>> wrap("甲乙丙、丁戊己庚", 8)
    ['甲乙丙、', '丁戊己庚']
    """
    lines: list[str] = []
    current = ""
    for piece in re.split(breaks, text):
        for part in piece if display_width(piece) > width else [piece]:
            if current and display_width(current + part) > width:
                lines.append(current.rstrip())
                current = ""
            current += part
    if current or not lines:
        lines.append(current.rstrip())
    return lines


# A line may break between two Chinese characters and at spaces, never inside a Latin word, never before closing
# punctuation (it stays on the line it closes) and never after opening punctuation.
_WIDE = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’…"
_PIECE = re.compile(rf"[(\[（《「『“‘]*(?:[^\s{_WIDE}]+|\S)[，。；：、）》」』”’！？…)\].,;:!?]*|\s+")


def fill(text: str, width: int, indent: str = "") -> str:
    """One paragraph of ``text`` in lines of at most ``width`` columns, each starting with ``indent``.

    >>> print(fill("城教共生的知识图谱，中文与 English 混排。", 16, "  "))
      城教共生的知识
      图谱，中文与
      English 混排。
    """
    room = max(width - display_width(indent), 10)
    lines: list[str] = []
    current, used = "", 0
    for piece in _PIECE.findall(" ".join(text.split())):
        size = display_width(piece)
        if piece.isspace():
            if current:
                current, used = current + " ", used + 1
            continue
        if current and used + size > room:
            lines.append(current.rstrip())
            current, used = "", 0
        while size > room:  # a word longer than the line: cut it
            head = truncate(piece, room)[:-1] or piece[0]
            lines.append(head)
            piece = piece[len(head) :]
            size = display_width(piece)
        current, used = current + piece, used + size
    if current.strip() or not lines:
        lines.append(current.rstrip())
    return "\n".join(indent + line for line in lines)


def fill_paragraphs(text: str, width: int, indent: str = "") -> str:
    r"""``text``'s paragraphs (split by blank lines) each filled to ``width`` columns; a paragraph whose first line
    is ``\b`` keeps its lines as written (click's convention for examples).  Lines of a paragraph are joined with
    a space, except between two Chinese characters.

    >>> print(fill_paragraphs("中文\n接续\n\n\b\nkg a\nkg b", 40))
    中文接续
    <BLANKLINE>
    kg a
    kg b
    """
    out = []
    for paragraph in re.split(r"\n\s*\n", text.strip("\n")):
        lines = paragraph.splitlines()
        if lines and lines[0].strip() == "\b":
            out.append("\n".join(indent + line for line in lines[1:]))
            continue
        joined = ""
        for line in (line.strip() for line in lines):
            wide = joined and line and char_width(joined[-1]) == 2 and char_width(line[0]) == 2
            joined += line if wide or not joined else " " + line
        out.append(fill(joined, width, indent))
    return "\n\n".join(out)


def terminal_width(default: int = 100) -> int:
    """Columns of the terminal (``COLUMNS`` when set), or ``default`` when output is not a terminal."""
    return shutil.get_terminal_size((default, 24)).columns


def is_number(text: str) -> bool:
    """Numbers and percentages ("23.1% (3/13)"): right-aligned in tables."""
    return NUMBER.fullmatch(text) is not None


def numeric_columns(rows: Sequence[Sequence[str]], columns: int) -> list[bool]:
    """Columns whose cells are all numbers (or "–", no value): these are right-aligned."""
    return [
        any(is_number(r[i]) for r in rows) and all(is_number(r[i]) or r[i] in ("–", "") for r in rows)
        for i in range(columns)
    ]


def text_table(
    header: Sequence[str], rows: Iterable[Sequence[object]], max_width: int = 0, total_width: int = 0
) -> str:
    """An aligned table: columns sized by their widest cell, numbers right-aligned, a rule under the header.

    Cells wider than ``max_width`` columns wrap onto further lines; with
    ``total_width`` the widest columns are narrowed until the table fits it.
    """
    head = [str(h) for h in header]
    cells = [[" ".join(str(c).split("\n")) for c in row] for row in rows]
    columns = len(head)
    numeric = numeric_columns(cells, columns)
    natural = [max(display_width(x) for x in [head[i], *(r[i] for r in cells)]) for i in range(columns)]
    limits = [min(w, max_width) if max_width else w for w in natural]
    while total_width and sum(limits) + 2 * (columns - 1) > total_width and max(limits) > 8:
        widest = limits.index(max(limits))
        limits[widest] -= 1
    body = [[wrap(c, limits[i]) if not numeric[i] else [c] for i, c in enumerate(row)] for row in cells]
    widths = [max([display_width(head[i])] + [display_width(x) for r in body for x in r[i]]) for i in range(columns)]

    def line(parts: Sequence[str]) -> str:
        out = []
        for i, (cell, w) in enumerate(zip(parts, widths, strict=True)):
            pad = " " * (w - display_width(cell))
            out.append(pad + cell if numeric[i] else cell + pad)
        return "  ".join(out).rstrip()

    lines = [line(head), "  ".join("-" * w for w in widths)]
    for row in body:
        for k in range(max(len(c) for c in row) if row else 0):
            lines.append(line([c[k] if k < len(c) else "" for c in row]))
    return "\n".join(lines)
