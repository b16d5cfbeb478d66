"""jieba, the Chinese word segmenter, imported in one place so that it never prints; its dictionary, read alone.

jieba logs "Building prefix dict … Loading model cost …" to stderr at
DEBUG level the first time it segments; every module that segments imports
it from here (``from kg.sources.words import jieba``, loaded on first use), so
no command shows those lines.  Loading jieba for segmentation takes seconds
(the module, its prefix dictionary, the part-of-speech tables); extraction
only asks whether a string is a word of jieba's dictionary and with which
tag, so :func:`dictionary` reads the dictionary file itself, in a fraction
of that time, without importing jieba.

Reading that file (350,000 lines) is still a tenth of a second or two at
every start; the dictionary is kept in the user's cache folder
(``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``; see :mod:`kg.user_cache`) in
:mod:`marshal` form, which loads in about half the time, and read again from
jieba's file whenever that file's path, size or modification time, or the
Python version, differ from those the cache was written for.
"""

from __future__ import annotations

import importlib.util
import itertools
import logging
import sys
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import overload

from kg import user_cache

__all__ = ["Words", "dictionary", "dictionary_file"]  # and jieba, imported on first use (module __getattr__)
# the words kept group by group, in UTF-16 (see _kept), mapped in memory (user_cache.read_mapped): "by-tag" was
# the whole dictionary tag by tag, in one dict; "by-opening.marshal" the groups, read into memory
CACHE_NAME = "jieba-dictionary-by-opening.mapped"
GROUPS = 262_139  # a prime: a word's group is a number made of its first two characters, modulo this (_group_of)
TAG_END, TAG_START = "\x00", "\x01"  # in a group's text: tag, TAG_END, its words one a line, TAG_START, tag …


class Words(Mapping[str, str]):
    """jieba's dictionary, word → tag, each group of words (those that open with the same two characters, or
    are that one character; a few such sets share a group) made a dict when a word of the group is first asked
    for.

    Building the dict of all 350,000 words (decoding the kept text, splitting it, hashing every word) cost every
    ``kg extract`` some 0.2 G instructions; the rules ask about the words of a few hundred groups (3,400 words on
    1 MiB of text) and pay for a method call a lookup instead.  The cache keeps the groups' text
    undecoded (UTF-16, a group found by its offsets), mapped in memory: only the pages of the groups asked for
    are read.  Iterating or sizing the dictionary reads every group (tables built from the whole dictionary, tests).
    """

    __slots__ = ("_built", "_groups", "_whole")

    def __init__(self, groups: user_cache.Groups):
        self._groups = groups  # each group's text in UTF-16 (see _kept)
        self._built: dict[str, dict[str, str]] = {}  # first two characters → the dict of their group
        self._whole: dict[str, str] | None = None

    @overload
    def get(self, word: str) -> str | None: ...

    @overload
    def get(self, word: str, default: str) -> str: ...

    def get(self, word: str, default: str | None = None) -> str | None:
        try:
            return self._built[word[:2]].get(word, default)
        except KeyError:  # a group not made yet
            return self._group(word[:2]).get(word, default)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        try:
            return word in self._built[word[:2]]
        except KeyError:
            return word in self._group(word[:2])

    def __getitem__(self, word: str) -> str:
        tag = self.get(word)
        if tag is None:
            raise KeyError(word)
        return tag

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def _group(self, opening: str) -> dict[str, str]:
        """The dict of the group of the words that open with ``opening`` (or are it), made now and kept."""
        group = self._built[opening] = self._read(_group_of(opening)) if opening else {}
        return group

    def _read(self, group: int) -> dict[str, str]:
        """The words of ``group`` (of one opening or of a few), each tag one string."""
        text = self._groups[group]
        words: dict[str, str] = {}
        if not text:
            return words
        for part in str(text, "utf-16-le").split(TAG_START):
            tag, _, group_words = part.partition(TAG_END)
            # a tag one string in every group (the rules compare tags by value, but one string is less memory)
            words.update(zip(group_words.split("\n"), itertools.repeat(sys.intern(tag))))
        return words

    def _all(self) -> dict[str, str]:
        if self._whole is None:
            self._whole = {}
            for group in range(GROUPS):
                self._whole.update(self._read(group))
        return self._whole


@cache
def dictionary() -> Words:
    """Every word of jieba's main dictionary → its part-of-speech tag (``nr`` person, ``ns`` place, ``n`` …).

    The same words as ``jieba.dt.FREQ`` (those with a frequency) and the
    same tags as ``jieba.posseg.dt.word_tag_tab``, both read from the file
    jieba itself reads (``jieba/dict.txt``: ``word frequency tag`` a line).

    >>> dictionary()["学校"], dictionary()["北京"]
    ('n', 'ns')
    """
    source = dictionary_file()
    key = user_cache.file_key([source])
    cached = user_cache.read_mapped(CACHE_NAME, key)
    groups = user_cache.unpack_groups(cached[1], GROUPS) if cached is not None else None
    if groups is not None:  # else none yet, or kept in another shape
        return Words(groups)
    # Line by line, each tag kept once: 14 MB less than splitting the whole file (a long ingest holds this dict).
    tags: dict[str, str] = {}
    with source.open(encoding="utf-8") as lines:
        words = {word: tags.setdefault(tag, tag) for word, _, tag in map(str.split, lines)}  # no word holds a space
    kept = _kept(words)
    user_cache.write_mapped(CACHE_NAME, key, kept)
    return Words(user_cache.unpack_groups(kept, GROUPS))


def dictionary_file() -> Path:
    """jieba's dictionary file, which :func:`dictionary` reads (a table built from it keys its cache on it too)."""
    spec = importlib.util.find_spec("jieba")
    folder = spec.submodule_search_locations[0] if spec and spec.submodule_search_locations else None
    if folder is None:  # pragma: no cover - jieba is a dependency
        raise ImportError("jieba is not installed")
    return Path(folder) / "dict.txt"


def _kept(words: dict[str, str]) -> bytes:
    """``words`` as the cache keeps them: the text of every group in UTF-16, packed (:func:`kg.user_cache.pack_groups`).

    >>> groups = user_cache.unpack_groups(_kept({"学校": "n", "北京": "ns", "学校长": "n"}), GROUPS)
    >>> str(groups[_group_of("学校")], "utf-16-le")
    'n\\x00学校\\n学校长'
    """
    groups: list[dict[str, list[str]]] = [{} for _ in range(GROUPS)]
    for word, tag in words.items():
        groups[_group_of(word[:2])].setdefault(tag, []).append(word)
    return user_cache.pack_groups(
        TAG_START.join(tag + TAG_END + "\n".join(members) for tag, members in group.items()).encode("utf-16-le")
        for group in groups
    )


def _group_of(opening: str) -> int:
    """The group of the words that open with ``opening``, their first two characters (or a word of one).

    >>> _group_of("学校") == _group_of("学校长") != _group_of("学")
    True
    """
    second = ord(opening[1]) if len(opening) > 1 else 0
    return (ord(opening[0]) * 0x110000 + second) % GROUPS


def cache_file() -> Path:
    """Where :func:`dictionary` keeps its copy of jieba's dictionary (the user's cache folder)."""
    return user_cache.path(CACHE_NAME)


def __getattr__(name: str) -> ModuleType:
    if name == "jieba":  # imported on first use: segmentation only
        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        return jieba
    raise AttributeError(name)
