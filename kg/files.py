"""Writing output files: one rule for where a file may go, and every file written atomically.

Every command that writes a file goes through :func:`atomic_write`: the
content goes to ``NAME.part`` beside the target and is renamed over it only
when complete, so a killed or failing command leaves either the old file or
the new one, never a truncated one.  :func:`check_output` states the one rule
for missing folders, the same for every command and format: the output
itself (a file, or the folder of a folder format) may be new, the folder it
goes in must exist.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from kg.errors import KgError
from kg.i18n import text

PART_SUFFIX = ".part"


class OutputError(KgError, OSError):
    """An output path that cannot be written: the message names the option and the path."""


def open_data(path: str | Path) -> IO[bytes]:
    """A data file to read as bytes, unpacked as it is read when its name ends in ``.gz``."""
    path = Path(path)
    return gzip.open(path, "rb") if path.suffix.lower() == ".gz" else path.open("rb")


def check_output(path: Path, *, option: str = "--out", folder: bool = False) -> Path:
    """Raise :class:`OutputError` unless ``path`` can be written: its parent folder exists and is writable,
    and the path is a file (``folder=False``) or a folder (``folder=True``) or does not exist yet.

    Checked before any work, so a long command does not fail at its end.

    >>> check_output(Path("no-such-folder/x.ttl"))
    Traceback (most recent call last):
    kg.files.OutputError: --out no-such-folder/x.ttl：文件夹 no-such-folder 不存在
    """
    parent = path.parent if str(path.parent) else Path(".")
    if path.exists():
        if folder and not path.is_dir():
            raise OutputError(text("out_writes_folder", option=option, path=path))
        if not folder and path.is_dir():
            raise OutputError(text("out_writes_file", option=option, path=path))
    elif not parent.is_dir():
        raise OutputError(text("out_no_folder", option=option, path=path, parent=parent))
    target = path if (folder and path.is_dir()) else parent
    if not os.access(target, os.W_OK | os.X_OK):
        raise OutputError(text("out_not_writable", option=option, path=path, folder=target))
    return path


@contextmanager
def atomic_write(
    path: Path,
    mode: str = "wb",
    *,
    encoding: str | None = None,
    newline: str | None = None,
    option: str = "--out",
) -> Iterator[IO[Any]]:
    """Open ``path.part`` for writing and rename it to ``path`` when the block ends without error.

    On an error (or a kill) the old ``path``, if any, is left as it was and the
    ``.part`` file is removed (a kill may leave it; it is never read).

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_write(target, "w", encoding="utf-8") as handle:
    ...     _ = handle.write("done")
    >>> target.read_text(encoding="utf-8"), target.with_name("out.txt.part").exists()
    ('done', False)
    """
    check_output(path, option=option)
    partial = path.with_name(path.name + PART_SUFFIX)
    try:
        with partial.open(mode, encoding=encoding, newline=newline) as handle:
            yield handle
        partial.replace(path)
    except OSError as error:
        if isinstance(error, KgError):
            raise
        raise OutputError(text("cannot_write", option=option, path=path, reason=error.strerror or error)) from None
    finally:
        partial.unlink(missing_ok=True)


def write_text(path: Path, text: str, *, option: str = "--out") -> Path:
    """Write UTF-8 text to ``path`` atomically; return ``path``."""
    with atomic_write(path, "w", encoding="utf-8", option=option) as handle:
        handle.write(text)
    return path
