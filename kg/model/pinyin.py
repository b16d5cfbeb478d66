"""Pinyin of Chinese text as ``pypinyin.lazy_pinyin`` spells it, from a table pypinyin writes once.

Importing pypinyin reads and indexes its whole phrase and character
dictionaries (0.8 G instructions, a tenth of a ``kg extract`` of 1 MiB) for
the few hundred names a command spells.  The table holds what spelling needs,
spelled by the installed pypinyin itself (:func:`build_table`): its class of
Chinese characters, the syllables of each of its words and characters, and the
prefixes of its words.  It is pypinyin's data, not the project's, so it is not
shipped: the first start builds it (about 1.5 s) and keeps it in the user's
cache folder (:mod:`kg.user_cache`), keyed on pypinyin's files, so a later
start loads it instead of importing pypinyin (in groups, those of the words that
start with one character, each read when a name first needs it: see
:class:`_Table`).  :func:`syllables` segments text
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
# the same table, group by group (_grouped): what a start maps in memory (user_cache.read_mapped)
GROUPS_CACHE = "pinyin-groups.mapped"
GROUPS = 0x10000  # an entry's group: the code point of its first character, modulo this
WORD, CHARACTER = "\t", "\x01"  # in a group's line: after a word, after a character (before their syllables)
# pypinyin's files its dictionaries are read from: an upgrade replaces them, and the table is built again
PYPINYIN_FILES = ("__init__.py", "constants.py", "phrases_dict.json", "pinyin_dict.json")


class _Table:
    """The table's words, prefixes and characters, each group of them (those that start with one character) made
    a dict when first asked for: the dicts of all of them (130,000 entries, some 0.2 G instructions at every
    start that spells a name) for the few hundred names a command spells cost more than the spelling."""

    def __init__(self, han: str, kept: user_cache.Groups) -> None:
        self.runs = re.compile(f"({han}+)|([^{han[1:]}+)")  # han is a class: [...]
        self._kept = kept  # the groups' text (see _grouped), in UTF-16
        self._groups: dict[str, tuple[dict[str, str | None], dict[str, str]]] = {}

    def group(self, first: str) -> tuple[dict[str, str | None], dict[str, str]]:
        """What pypinyin's segmenter looks a piece starting with ``first`` up in, one dict: every word → its
        syllables, and every other prefix of a word → None; then the syllables of the character ``first``
        itself, a dict of it alone (or of none).  (Two first characters share a group past the BMP.)"""
        try:
            return self._groups[first]
        except KeyError:
            pass
        group = ord(first) % GROUPS
        words: dict[str, str | None] = {}
        characters: dict[str, str] = {}
        for line in str(self._kept[group], "utf-16-le").split("\n"):
            entry, kind, spelled = line.partition(WORD)
            if kind:
                words[entry] = spelled
                continue
            entry, kind, spelled = line.partition(CHARACTER)
            if kind:
                characters[entry] = spelled
            elif line:
                words.setdefault(line, None)  # a prefix of a word (no word itself)
        self._groups[first] = words, characters
        return words, characters


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


def _key() -> tuple:
    """What the kept table depends on: this module and pypinyin's files (:data:`PYPINYIN_FILES`)."""
    spec = importlib.util.find_spec("pypinyin")
    folder = Path(spec.origin).parent if spec is not None and spec.origin else Path(".")
    return user_cache.file_key([Path(__file__), *(folder / name for name in PYPINYIN_FILES)])


def table_text() -> str:
    """The table, from the user's cache when it was built from the pypinyin installed now, else built and kept."""
    key = _key()
    name = user_cache.own(TABLE_CACHE)
    text = user_cache.read(name, key)
    if not isinstance(text, str):
        text = build_table()
        user_cache.write(name, key, text)
    return text


def _grouped(text: str) -> tuple[str, bytes]:
    """The table's class of Chinese characters; then its entries group by group (those that start with one
    character, modulo :data:`GROUPS`) in UTF-16, one a line (``word WORD syllables``, ``character CHARACTER
    syllables`` or a prefix alone), packed (:func:`kg.user_cache.pack_groups`)."""
    _, han, words, spelled, characters, spelled_characters, prefixes = text.rstrip("\n").split(SEPARATOR)
    groups: list[list[str]] = [[] for _ in range(GROUPS)]
    for word, syllables in zip(words.split("\n"), spelled.split("\n"), strict=True):
        if word:
            groups[ord(word[0]) % GROUPS].append(word + WORD + syllables)
    for character, syllables in zip(characters, spelled_characters.split("\n"), strict=True):
        groups[ord(character) % GROUPS].append(character + CHARACTER + syllables)
    for prefix in prefixes.split("\n"):
        if prefix:
            groups[ord(prefix[0]) % GROUPS].append(prefix)
    return han, user_cache.pack_groups("\n".join(group).encode("utf-16-le") for group in groups)


@cache
def _table() -> _Table:
    """The table, from the groups kept in the user's cache folder when they were made from the table of the
    pypinyin installed now, else made from :func:`table_text` and kept."""
    key = _key()
    name = user_cache.own(GROUPS_CACHE)
    kept = user_cache.read_mapped(name, key)
    if kept is not None and isinstance(kept[0], str):
        groups = user_cache.unpack_groups(kept[1], GROUPS)
        if groups is not None:  # else kept in another shape
            return _Table(kept[0], groups)
    han, packed = _grouped(table_text())
    user_cache.write_mapped(name, key, packed, han)
    return _Table(han, user_cache.unpack_groups(packed, GROUPS))


def _cut(run: str, table: _Table) -> Iterator[str]:
    """A run of Chinese characters in words and single characters, as ``pypinyin.seg.mmseg.seg.cut`` cuts it.

    From each position, the piece grows a character at a time while it is the prefix of a word; the
    longest word met is taken, else one character.  As pypinyin does, a piece that grows to the run's end
    without meeting a word gives every character left one by one.
    """
    start, end = 0, len(run)
    while start < end:
        found = 0
        words = table.group(run[start])[0]  # every piece from here starts with this character
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
    result: list[str] = []
    for han, other in table.runs.findall(text):
        if other:
            result.extend(s for s in errors(other) if s)
            continue
        for piece in _cut(han, table):
            words, characters = table.group(piece[0])
            spelled = words.get(piece) if len(piece) > 1 else characters.get(piece)
            if spelled is None:
                result.extend(s for s in errors(piece) if s)
            elif spelled:
                result.extend(spelled.split(" "))
    return result
