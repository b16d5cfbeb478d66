"""Pinyin of Chinese text as ``pypinyin.lazy_pinyin`` spells it, from a table pypinyin writes once.

Importing pypinyin reads and indexes its whole phrase and character
dictionaries (0.8 G instructions, a tenth of a ``kg extract`` of 1 MiB) for
the few hundred names a command spells.  The table holds what spelling needs,
spelled by the installed pypinyin itself (:func:`build_table`): its class of
Chinese characters, the syllables of each of its words and characters, and the
prefixes of its words.  It is pypinyin's data, not the project's, so it is not
shipped: the first start builds it (about 1.5 s) and keeps it in the user's
cache folder (:mod:`kg.user_cache`), keyed on pypinyin's files, so a later
start loads it instead of importing pypinyin.  :func:`syllables` segments text
as pypinyin does (runs of Chinese characters cut by forward maximum matching on
its words) and looks each piece up.  ``tests/test_pinyin.py`` checks every word
and character of pypinyin's dictionaries, and mixed texts, against pypinyin.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

from kg import user_cache

SEPARATOR = "\n%%\n"  # between the table's sections (no word, syllable or pattern holds it)
# in the user's cache folder, one table a copy of kg (kg.user_cache.own): the key holds this module's path, so copies
# sharing one file would each find the other's table and build their own again (1.5 s) at every other start
TABLE_CACHE = "pinyin-table.marshal"
# pypinyin's files its dictionaries are read from: an upgrade replaces them, and the table is built again
PYPINYIN_FILES = ("__init__.py", "constants.py", "phrases_dict.json", "pinyin_dict.json")


class _Table:
    def __init__(self, text: str) -> None:
        _, han, words, spelled, characters, spelled_characters, prefixes = text.rstrip("\n").split(SEPARATOR)
        self.runs = re.compile(f"({han}+)|([^{han[1:]}+)")  # han is a class: [...]
        # What pypinyin's segmenter looks a growing piece up in, one dict: every word → its syllables, and every
        # other prefix of a word → None (a set of the prefixes beside the words took a tenth longer to build).
        self.words: dict[str, str | None] = dict.fromkeys(prefixes.split("\n"))
        self.words.update(zip(words.split("\n"), spelled.split("\n"), strict=True))
        self.characters = dict(zip(characters, spelled_characters.split("\n"), strict=True))


def build_table() -> str:
    """The table as the installed pypinyin writes it (what :func:`table_text` keeps), one text of sections."""
    from importlib.metadata import version

    from pypinyin import lazy_pinyin
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS

    def spelled(word: str) -> str:  # pypinyin's syllables of ``word`` taken whole (one word of its segmentation)
        return " ".join(s for s in lazy_pinyin([word], errors=lambda chars: []) if s)

    pattern = RE_HANS.pattern
    if not (pattern.startswith("^(?:[") and pattern.endswith("])+$")):
        raise ValueError(f"pypinyin's class of Chinese characters has changed: {pattern}")
    # every phrase is two characters or more: a segment of one character is never a phrase (see _cut)
    phrases = sorted(w for w in PHRASES_DICT if len(w) > 1)
    characters = sorted(c for c in map(chr, PINYIN_DICT) if RE_HANS.match(c))
    prefixes = sorted({word[:i] for word in phrases for i in range(1, len(word))} - set(phrases))
    sections = [
        f"# pinyin table of pypinyin {version('pypinyin')}",
        pattern[len("^(?:") : -len(")+$")],
        "\n".join(phrases),
        "\n".join(map(spelled, phrases)),
        "".join(characters),
        "\n".join(map(spelled, characters)),
        "\n".join(prefixes),
    ]
    return SEPARATOR.join(sections) + "\n"


def table_text() -> str:
    """The table, from the user's cache when it was built from the pypinyin installed now, else built and kept."""
    spec = importlib.util.find_spec("pypinyin")
    folder = Path(spec.origin).parent if spec is not None and spec.origin else Path(".")
    key = user_cache.file_key([Path(__file__), *(folder / name for name in PYPINYIN_FILES)])
    name = user_cache.own(TABLE_CACHE)
    text = user_cache.read(name, key)
    if not isinstance(text, str):
        text = build_table()
        user_cache.write(name, key, text)
    return text


@cache
def _table() -> _Table:
    return _Table(table_text())


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
