"""What a command computes at every start from files that rarely change, kept in the user's cache folder.

Some tables cost a noticeable part of a short command to build and depend only
on files that change with an upgrade or an edit of the data (jieba's
dictionary, the gazetteer of the bundled curated graph).  They are kept in
:mod:`marshal` form in ``$XDG_CACHE_HOME/kg`` (else ``~/.cache/kg``), each with
a key: :func:`file_key` of the files it was built from (path, size,
modification time of each) and the Python version.  :func:`read` gives a
value back only when its key is the one asked for, so a changed file (or a
new Python, whose marshal format may differ) means building the table again;
:func:`write` replaces a file whole or not at all.  A cache is never needed:
a folder that cannot be read or written costs each start the building, no more.

A large table of which a run asks a little (jieba's dictionary, pinyin's table: groups of words found by their
offsets) is kept as bytes by :func:`write_mapped` instead and mapped in memory by :func:`read_mapped`, not read;
:func:`pack_groups` and :func:`unpack_groups` are the layout of such groups.
"""

from __future__ import annotations

import array
import hashlib
import marshal
import mmap
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, BinaryIO

__all__ = [
    "Groups",
    "file_key",
    "own",
    "pack_groups",
    "path",
    "read",
    "read_mapped",
    "unpack_groups",
    "write",
    "write_mapped",
]


def path(name: str) -> Path:
    """Where the cached table ``name`` is kept (the user's cache folder)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg" / name


def own(name: str) -> str:
    """``name`` for a table built from this copy of kg's own modules, marked with where the copy is
    (``default-gazetteer.marshal`` → ``default-gazetteer-1a2b3c4d.marshal``).

    The key of such a table holds the paths of those modules, so two copies of kg on one machine (a checkout
    and an installed package, main and a branch) sharing one file would each find the other's table and build
    their own again at every start: 0.15-0.2 s CPU of every ``kg extract`` run alternately from each.
    """
    stem, dot, suffix = name.rpartition(".")
    copy = hashlib.sha1(str(Path(__file__).resolve().parent).encode("utf-8")).hexdigest()[:8]
    return f"{stem}-{copy}{dot}{suffix}"


def file_key(files: Iterable[Path]) -> tuple:
    """What ``files`` are now, as far as a cache can tell without reading them: the path, size and modification
    time of each (-1 for a file that is missing), then the Python and marshal versions, in one flat tuple.

    >>> file_key([Path("no-such-file")])[:3]
    ('no-such-file', -1, -1)
    """
    stats: list[str | int] = []
    for file in files:
        try:
            stat = os.stat(file)
        except OSError:
            stats += (str(file), -1, -1)
        else:
            stats += (str(file), stat.st_size, stat.st_mtime_ns)
    return (*stats, sys.version_info[:3], marshal.version)


def read(name: str, key: tuple) -> Any | None:
    """The table kept as ``name`` when it was written for ``key``, else None (none yet, unreadable, another
    format or written for other files).

    >>> read("no such table", ("key",)) is None
    True
    """
    try:
        # read from the file mapped in memory: read_bytes() copied the whole file before marshal copied its strings
        # (jieba's dictionary, 4.5 MB: 3.0 → 0.6 ms of CPU at every start).  (marshal.load of the open file was
        # slower still: a read call for every string of the many-string tables.)
        with path(name).open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            stored, value = marshal.loads(mapped)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return value if stored == key else None


def write(name: str, key: tuple, value: Any) -> None:
    """Keep ``value`` as ``name`` for ``key``, written whole or not at all: a temporary file renamed into place,
    so a concurrent reader sees the old table or the new one, never a part.  A folder that cannot be written
    only costs the next start the building again."""
    # marshal writes a string shared in value once: loading shares it
    _replace(name, lambda out: marshal.dump((key, value), out))


_HEAD = 8  # a mapped table starts with the length of its marshalled (key, head), in 8 bytes


def _data_start(head_length: int) -> int:
    """Where a mapped table's bytes start: the next multiple of 8 (so that they cast to an array of numbers)."""
    return -(-(_HEAD + head_length) // 8) * 8


def read_mapped(name: str, key: tuple) -> tuple[Any, memoryview] | None:
    """The head and the bytes :func:`write_mapped` kept as ``name`` for ``key``, else None (none yet, unreadable
    or written for other files).

    The bytes are the file mapped in memory, not read: a page is loaded when first touched, so a table of which
    a run asks a few groups costs those few.  Read into memory, jieba's dictionary (4.5 MB) cost 3-6 ms of every
    ``kg extract``, most of it the pages of its copy.

    >>> read_mapped("no such table", ("key",)) is None
    True
    """
    try:
        with path(name).open("rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)  # (the mapping outlives the file)
        view = memoryview(mapped)
        length = int.from_bytes(view[:_HEAD], "little")
        stored, head = marshal.loads(view[_HEAD : _HEAD + length])
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return (head, view[_data_start(length) :]) if stored == key else None


def write_mapped(name: str, key: tuple, data: bytes, head: Any = None) -> None:
    """Keep ``data`` as ``name`` for ``key``, with a small ``head`` (what the bytes need besides themselves), for
    :func:`read_mapped`: as :func:`write` does, whole or not at all."""

    def dump(out: BinaryIO) -> None:
        described = marshal.dumps((key, head))
        padding = bytes(_data_start(len(described)) - _HEAD - len(described))
        out.writelines([len(described).to_bytes(_HEAD, "little"), described, padding, data])

    _replace(name, dump)


def pack_groups(parts: Iterable[bytes]) -> bytes:
    """Groups of bytes as one table that :func:`unpack_groups` reads a group of without the others: where each
    group starts (an array of unsigned ints, one more than the groups: the end), then the groups one after another.

    >>> groups = unpack_groups(pack_groups([b"ab", b"", b"c"]), 3)
    >>> bytes(groups[0]), bytes(groups[1]), bytes(groups[2])
    (b'ab', b'', b'c')
    """
    parts = list(parts)
    offsets = array.array("I", [0])
    for part in parts:
        offsets.append(offsets[-1] + len(part))
    return offsets.tobytes() + b"".join(parts)


class Groups:
    """The groups of a table :func:`pack_groups` made: ``groups[i]`` is group ``i``, a view of the table's bytes
    (of the mapping, when :func:`read_mapped` gave them), not a copy."""

    __slots__ = ("_data", "_offsets")

    def __init__(self, offsets: memoryview, data: memoryview) -> None:
        self._offsets = offsets  # group → where it starts, in bytes; then the end
        self._data = data

    def __getitem__(self, group: int) -> memoryview:
        return self._data[self._offsets[group] : self._offsets[group + 1]]


def unpack_groups(kept: bytes | memoryview, count: int) -> Groups | None:
    """The ``count`` groups of ``kept`` as :func:`pack_groups` made them, else None (a table of another shape: too
    short for the offsets, or offsets that say more or less than the bytes after them).

    >>> unpack_groups(pack_groups([b"ab"])[:-1], 1) is None
    True
    """
    view = memoryview(kept)  # (slices of a mapping are views of it, not copies)
    size = (count + 1) * array.array("I").itemsize
    if len(view) < size:
        return None
    offsets = view[:size].cast("I")
    return Groups(offsets, view[size:]) if offsets[-1] == len(view) - size else None


def _replace(name: str, dump: Callable[[BinaryIO], object]) -> None:
    """The file of table ``name`` written by ``dump`` into a temporary file, then renamed into place."""
    target = path(name)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out:
                dump(out)
            os.replace(temporary, target)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except (OSError, ValueError):  # ValueError: a value marshal cannot write
        pass
