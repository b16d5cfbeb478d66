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
from functools import cache
from pathlib import Path
from types import ModuleType

from kg import user_cache

__all__ = ["dictionary", "dictionary_file"]  # and jieba, imported on first use (module __getattr__)
CACHE_NAME = "jieba-dictionary-by-tag.marshal"  # a dict of words kept tag by tag (see _groups)


@cache
def dictionary() -> dict[str, str]:
    """Every word of jieba's main dictionary → its part-of-speech tag (``nr`` person, ``ns`` place, ``n`` …).

    The same words as ``jieba.dt.FREQ`` (those with a frequency) and the
    same tags as ``jieba.posseg.dt.word_tag_tab``, both read from the file
    jieba itself reads (``jieba/dict.txt``: ``word frequency tag`` a line).

    >>> dictionary()["学校"], dictionary()["北京"]
    ('n', 'ns')
    """
    source = dictionary_file()
    key = user_cache.file_key([source])
    cached = user_cache.read(CACHE_NAME, key)
    if isinstance(cached, list) and all(map(_is_group, cached)):  # else none yet, or kept in another shape
        return _from_groups(cached)
    # Line by line, each tag kept once: 14 MB less than splitting the whole file (a long ingest holds this dict).
    tags: dict[str, str] = {}
    with source.open(encoding="utf-8") as lines:
        words = {word: tags.setdefault(tag, tag) for word, _, tag in map(str.split, lines)}  # no word holds a space
    user_cache.write(CACHE_NAME, key, _groups(words))
    return words


def dictionary_file() -> Path:
    """jieba's dictionary file, which :func:`dictionary` reads (a table built from it keys its cache on it too)."""
    spec = importlib.util.find_spec("jieba")
    folder = spec.submodule_search_locations[0] if spec and spec.submodule_search_locations else None
    if folder is None:  # pragma: no cover - jieba is a dependency
        raise ImportError("jieba is not installed")
    return Path(folder) / "dict.txt"


def _groups(words: dict[str, str]) -> list[tuple[str, str]]:
    """``words`` as the cache keeps them: (tag, its words one a line) for each tag.

    A few long strings load in no time; the dictionary is then built from them a tag at a time
    (:func:`_from_groups`), 0.1 s instead of the 0.17 s :mod:`marshal` takes to load it as a dict.

    >>> _groups({"学校": "n", "北京": "ns", "学生": "n"})
    [('n', '学校\\n学生'), ('ns', '北京')]
    """
    by_tag: dict[str, list[str]] = {}
    for word, tag in words.items():
        by_tag.setdefault(tag, []).append(word)
    return [(tag, "\n".join(group)) for tag, group in by_tag.items()]


def _is_group(item: object) -> bool:
    """Whether ``item`` is one of :func:`_groups`'s (tag, words) pairs."""
    return isinstance(item, tuple) and len(item) == 2 and all(isinstance(part, str) for part in item)


def _from_groups(groups: list[tuple[str, str]]) -> dict[str, str]:
    """The dictionary :func:`_groups` describes (each tag one string, shared by its words).

    >>> _from_groups(_groups({"学校": "n", "北京": "ns", "学生": "n"})) == {"学校": "n", "北京": "ns", "学生": "n"}
    True
    """
    words: dict[str, str] = {}
    for tag, group in groups:
        # each (word, tag) pair straight into the one dict: dict.fromkeys first built a dict of each group, and
        # update then inserted every word a second time (a seventh more of the 0.15 s this takes)
        words.update(zip(group.split("\n"), itertools.repeat(tag)))
    return words


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
