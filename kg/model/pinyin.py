"""Pinyin of Chinese text as ``pypinyin.lazy_pinyin`` spells it, from a table pypinyin wrote (``pinyin.txt``).

Importing pypinyin reads and indexes its whole phrase and character
dictionaries (0.8 G instructions, a tenth of a ``kg extract`` of 1 MiB) for
the few hundred names a command spells.  ``pinyin.txt`` holds what spelling
needs, spelled by pypinyin itself (``tools/make_pinyin_table.py``): its class
of Chinese characters, the syllables of each of its words and characters, and
the prefixes of its words; :func:`syllables` segments text as pypinyin does
(runs of Chinese characters cut by forward maximum matching on its words) and
looks each piece up.  ``tests/test_pinyin.py`` checks every word and character
of pypinyin's dictionaries, and mixed texts, against pypinyin.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

TABLE_FILE = Path(__file__).with_name("pinyin.txt")
SEPARATOR = "\n%%\n"  # between the table's sections (no word, syllable or pattern holds it)


class _Table:
    def __init__(self, text: str) -> None:
        _, han, words, spelled, characters, spelled_characters, prefixes = text.rstrip("\n").split(SEPARATOR)
        self.runs = re.compile(f"({han}+)|([^{han[1:]}+)")  # han is a class: [...]
        # What pypinyin's segmenter looks a growing piece up in, one dict: every word → its syllables, and every
        # other prefix of a word → None (a set of the prefixes beside the words took a tenth longer to build).
        self.words: dict[str, str | None] = dict.fromkeys(prefixes.split("\n"))
        self.words.update(zip(words.split("\n"), spelled.split("\n"), strict=True))
        self.characters = dict(zip(characters, spelled_characters.split("\n"), strict=True))


@cache
def _table() -> _Table:
    return _Table(TABLE_FILE.read_bytes().decode("utf-8"))  # no newlines to translate: bytes decode faster


def _cut(run: str, words: dict[str, str | None]) -> Iterator[str]:
    """A run of Chinese characters in words and single characters, as ``pypinyin.seg.mmseg.seg.cut`` cuts it.

    From each position, the piece grows a character at a time while it is the prefix of a word; the
    longest word met is taken, else one character.  As pypinyin does, a piece that grows to the run's end
    without meeting a word gives every character left one by one.
    """
    start, end = 0, len(run)
    while start < end:
        found = 0
        for stop in range(start + 1, end + 1):
            piece = run[start:stop]
            if piece not in words:
                break
            if words[piece] is not None:
                found = stop
        else:
            if not found:
                yield from run[start:]
                return
        if found:
            yield run[start:found]
            start = found
        else:
            yield run[start]
            start += 1


def syllables(text: str, errors: Callable[[str], list[str]]) -> list[str]:
    """``pypinyin.lazy_pinyin(text, errors=errors)`` without its empty strings.

    ``errors`` gets each run of characters that are not Chinese, and each Chinese character pypinyin has
    no pinyin for, and gives what stands for it.

    >>> syllables("重庆理工大学", errors=lambda chars: [])
    ['chong', 'qing', 'li', 'gong', 'da', 'xue']
    >>> syllables("华为ICT实训基地", errors=lambda chars: [chars])
    ['hua', 'wei', 'ICT', 'shi', 'xun', 'ji', 'di']
    """
    table = _table()
    words, characters = table.words, table.characters
    result: list[str] = []
    for han, other in table.runs.findall(text):
        if other:
            result.extend(s for s in errors(other) if s)
            continue
        for piece in _cut(han, words):
            spelled = words.get(piece) if len(piece) > 1 else characters.get(piece)
            if spelled is None:
                result.extend(s for s in errors(piece) if s)
            elif spelled:
                result.extend(spelled.split(" "))
    return result
