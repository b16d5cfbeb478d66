"""Regular expressions compiled by an earlier start, kept in the user's cache folder (:mod:`kg.user_cache`).

Python compiles a pattern in Python code: ``re._parser`` parses it, ``re._compiler`` turns the parse into
the list of integers the ``_sre`` engine runs.  ``kg extract`` compiles some 530 patterns at every start, many
of them with the class of Chinese characters (``[\\u3400-\\u9fff\\uf900-\\ufaff]``), which the compiler walks
code point by code point (28,000 of them): 1.7 G instructions of the 17.2 G of ``kg extract`` on 1 MiB of text.
What compiling gives depends only on the pattern, its flags and the Python that compiles it, so :func:`kept`
keeps each pattern's code and group names, and a later start hands them to ``_sre.compile``, the call that
ends ``re._compiler.compile``: the same pattern object (``==`` compares the code too) for some 30 M
instructions in all.
"""

from __future__ import annotations

import _sre
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from kg import user_cache

__all__ = ["code", "kept"]

# private modules of the standard library (Python 3.11–3.13 have them so): kept() checks what it uses is there
_compiler: Any = getattr(re, "_compiler", None)
_parser: Any = getattr(re, "_parser", None)

# What _sre.compile takes after the pattern: flags, code, the number of groups less one, name → group,
# group → name (None for a group without one).
Compiled = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def code(pattern: str | bytes, flags: int = 0) -> Compiled:
    """What ``re._compiler.compile(pattern, flags)`` hands to ``_sre.compile`` after ``pattern``, in plain
    integers (the compiler's opcodes are an int subclass marshal cannot write).

    >>> import _sre
    >>> _sre.compile("(?P<a>x)y", *code("(?P<a>x)y")) == re.compile("(?P<a>x)y")
    True
    """
    parsed = _parser.parse(pattern, flags)
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    program = [int(op) for op in _compiler._code(parsed, flags)]
    return int(flags | parsed.state.flags), program, parsed.state.groups - 1, dict(groupindex), tuple(indexgroup)


def _key() -> tuple:
    # the code is the compiler's and the engine's: any other Python (another build of the same version too)
    # compiles again
    return (*user_cache.file_key([]), sys.version, _sre.MAGIC, _sre.CODESIZE)


@contextmanager
def kept(name: str) -> Iterator[None]:
    """Patterns compiled inside the block (``re.compile``, or ``re.search`` with a pattern not compiled yet) are
    built from the table ``name`` of this copy of kg (:func:`kg.user_cache.own`) when it holds them, else
    compiled as Python does.  When the block ends without an exception, a table that missed more of the
    block's patterns than a start misses anyway is written again with the patterns of this block only (an
    edited pattern's old code does not stay in it for ever).  A start misses some anyway: some libraries build
    a pattern from a set, in an order that changes with each start's hashing (html5rdf two, pypinyin three).
    The table keeps how many (the first start that reads a new table counts its misses and writes the table
    again with the count): a start that misses more has patterns the table lacks (a rule added or edited
    since), so one or two new patterns are written too, not compiled at every start until a tenth of them is
    new (11 patterns of ``kg extract``, 18 ms of CPU at each start, before this).  A block whose
    modules an in-process caller imported before it compiles few patterns, all in the table, and leaves it as
    it is.  A pattern compiled with ``re.DEBUG`` (which prints) or given parsed (``re.Scanner``) is compiled
    as Python does.
    """
    if not hasattr(_compiler, "_code") or not hasattr(_parser, "parse"):
        yield  # a Python whose regular-expression compiler is built otherwise: nothing kept, nothing lost
        return
    name = user_cache.own(name)
    key = _key()
    # (the patterns' code, how many patterns a start misses anyway: None until a start has read the table)
    stored = user_cache.read(name, key)
    table: dict[tuple[str | bytes, int], Compiled] = {}
    steady: int | None = 0  # no table yet (or anything else under this key, an older form too): built again
    if isinstance(stored, tuple) and len(stored) == 2 and isinstance(stored[0], dict):
        table, steady = stored
    used: dict[tuple[str | bytes, int], Compiled] = {}
    missed = 0
    python_compile = _compiler.compile

    def compile(pattern: Any, flags: int = 0) -> re.Pattern:
        nonlocal missed
        if not isinstance(pattern, (str, bytes)) or flags & re.DEBUG:
            return python_compile(pattern, flags)
        compiled = table.get((pattern, flags))
        if compiled is not None:
            try:
                built = _sre.compile(pattern, *compiled)
            except (TypeError, ValueError, RuntimeError):  # a damaged entry (_sre checks the code): compiled
                compiled = None
        if compiled is None:
            missed += 1
            try:
                compiled = code(pattern, flags)
                built = _sre.compile(pattern, *compiled)
            except Exception:  # a Python whose compiler's internals differ (or a bad pattern): compiled as it does
                return python_compile(pattern, flags)
        used[pattern, int(flags)] = compiled
        return built

    _compiler.compile = compile
    try:
        yield
    finally:
        _compiler.compile = python_compile
    if steady is None:
        if missed:  # the first start since the table was written: what a start misses anyway
            user_cache.write(name, key, (used, missed))
    elif missed > steady:  # patterns the table lacks (all of them when there was none); a start misses as many
        # anyway as before (some patterns are built from the document: its place; the count stays, or a text of
        # another place would write the table again at every start)
        user_cache.write(name, key, (used, steady if table else None))
