"""The recogniser's word lists, kept as data files next to this module.

Each family of trigger words is one UTF-8 file in this folder (``kg/extract/lexicon/``), shipped in the
wheel with the code.  Lines whose first non-blank character is ``#`` are comments; blank lines are skipped.
Three shapes:

``*.txt`` word lists
    words separated by spaces or line breaks (:func:`words`); for character sets, one string of
    characters (:func:`characters`).
``*.tsv`` tables
    one entry a line: the word, then its columns separated by tabs or spaces (:func:`table`), such as the
    class a type word makes (``type_words.tsv``: ``小学  PrimarySchool  strong``).

Order is kept: where a list becomes a regex alternation or a first-match search, the file's order is the
order tried.  Files are read once per process (cached); :mod:`kg.extract.ner` reads them at import.

>>> "幼儿园" in table("type_words")
True
>>> words("place_suffixes")[:3]
('省', '市', '区')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

from kg.errors import KgError
from kg.i18n import text

__all__ = ["LexiconError", "alternation", "characters", "read_table", "rows", "table", "words"]

HERE = Path(__file__).parent


class LexiconError(KgError):
    """A lexicon file that does not have the shape its reader expects (the message names the file and line)."""


def _path(name: str) -> Path:
    table = HERE / f"{name}.tsv"
    return table if table.exists() else HERE / f"{name}.txt"


def _lines(path: Path) -> list[tuple[int, tuple[str, ...]]]:
    """(line number, words) of the non-comment, non-blank lines of a lexicon file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        (number, tuple(line.split()))
        for number, line in enumerate(lines, 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The non-comment lines of the lexicon file ``name`` (``.tsv``, else ``.txt``), each split on whitespace.

    >>> rows("references")[0]
    ('该校', 'school')
    """
    return tuple(row for _, row in _lines(_path(name)))


@cache
def words(name: str) -> tuple[str, ...]:
    """The words of a list in file order (repeats kept: callers that need a set make one); of a table, its keys.

    >>> words("party_bodies")
    ('党委', '党工委', '党总支', '纪委', '党支部')
    >>> words("references")[:3]
    ('该校', '该学院', '该院')
    """
    if _path(name).suffix == ".tsv":
        return tuple(table(name))
    return tuple(word for row in rows(name) for word in row)


@cache
def characters(name: str) -> str:
    """The characters of a character list, in file order, spaces and line breaks left out.

    >>> characters("classifiers")[:4]
    '所家个名'
    """
    return "".join(words(name))


@cache
def table(name: str, columns: int = 0) -> Mapping[str, tuple[str, ...]]:
    """The lexicon table ``name`` (read-only): see :func:`read_table`.

    >>> table("references")["全区"]
    ('district',)
    >>> table("list_heads")["企业"]
    ('Company', 'named')
    """
    return MappingProxyType(read_table(_path(name), columns))


def read_table(path: Path, columns: int = 0) -> dict[str, tuple[str, ...]]:
    """A table file's entries in file order: first column → the other columns (at least ``columns`` of them).

    A word listed twice, or a line with too few columns, is a :class:`LexiconError` naming the file and line.
    """
    entries: dict[str, tuple[str, ...]] = {}
    for number, row in _lines(path):
        if len(row) - 1 < columns:
            raise LexiconError(
                text("lexicon_columns", path=path, line=number, word=row[0], columns=columns, found=len(row) - 1)
            )
        if row[0] in entries:
            raise LexiconError(text("lexicon_twice", path=path, line=number, word=row[0]))
        entries[row[0]] = row[1:]
    return entries


def alternation(name: str) -> str:
    """The words of a list as a regex alternation in file order (``a|b|c``), each escaped.

    >>> alternation("run_verbs")
    '开展|实施|推进|启动|推行|探索'
    """
    return "|".join(re.escape(word) for word in words(name))
