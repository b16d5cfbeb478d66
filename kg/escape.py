"""Document text is data: making it safe where it lands in XML files and in spreadsheets.

XML 1.0 forbids most control characters (U+0000–U+0008, U+000B, U+000C,
U+000E–U+001F) and U+FFFE/U+FFFF even as character references, so a label
holding one makes a GraphML, GEXF, RDF/XML or SPARQL-XML file unreadable.
They carry no meaning in Chinese text: XML outputs drop them
(:class:`XmlSafeWriter`, :func:`xml_text`).  RDF formats other than RDF/XML
keep every value as it is.

Spreadsheets run a cell that begins with ``=``, ``+``, ``-``, ``@``, TAB or
CR as a formula (CSV injection); :func:`spreadsheet_cell` neutralises such a
cell the way OWASP recommends, with a leading ``'``.
"""

from __future__ import annotations

import re
from typing import BinaryIO

XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_XML_FORBIDDEN_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]|\r")


def _xml_byte(match: re.Match[bytes]) -> bytes:
    # a raw carriage return would come back as a line feed (XML normalises line ends): keep it as a reference
    return b"&#13;" if match.group() == b"\r" else b""


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids.

    >>> xml_text("巴南\\x01区\\x0b\\x1f")
    '巴南区'
    """
    return XML_FORBIDDEN.sub("", text)


def xml_bytes(data: bytes) -> bytes:
    """UTF-8 XML ``data`` without the characters XML 1.0 forbids (for answers serialized in memory).

    >>> xml_bytes("<a>\\x0bb\\r</a>".encode())
    b'<a>b&#13;</a>'
    """
    return _XML_FORBIDDEN_BYTES.sub(_xml_byte, data)


class XmlSafeWriter:
    """A binary stream that drops, from UTF-8 XML written through it, the characters XML 1.0 forbids.

    Serializers (Oxigraph, NetworkX) copy control characters of literals into
    their output as raw bytes; this filter sits between them and the file.
    ASCII control bytes never occur inside a multi-byte UTF-8 sequence, so the
    filter works byte-wise; only a U+FFFE/U+FFFF split across two writes needs
    the tail held back.

    >>> import io
    >>> out = io.BytesIO()
    >>> with XmlSafeWriter(out) as safe:
    ...     _ = safe.write("<a>x\\x01y\\uffff</a>".encode())
    >>> out.getvalue()
    b'<a>xy</a>'
    """

    def __init__(self, out: BinaryIO):
        self.out = out
        self._tail = b""

    def write(self, data: bytes | bytearray | memoryview) -> int:
        chunk = self._tail + bytes(data)
        keep = 0
        if chunk.endswith(b"\xef"):
            keep = 1
        elif chunk.endswith(b"\xef\xbf"):
            keep = 2
        self._tail = chunk[len(chunk) - keep :] if keep else b""
        self.out.write(_XML_FORBIDDEN_BYTES.sub(_xml_byte, chunk[: len(chunk) - keep]))
        return len(data)

    def flush(self) -> None:
        if self._tail:
            self.out.write(self._tail)
            self._tail = b""
        self.out.flush()

    def writable(self) -> bool:
        return True

    def close(self) -> None:
        self.flush()

    def __enter__(self) -> XmlSafeWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def spreadsheet_cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: one beginning with ``= + - @`` TAB or CR gets a leading ``'``.

    Plain numbers (``-3``, ``+1.5``) are left alone: a spreadsheet reads them as numbers, never as formulas.

    >>> spreadsheet_cell("=HYPERLINK(\\"http://x\\")"), spreadsheet_cell("-2"), spreadsheet_cell("巴南区")
    ('\\'=HYPERLINK("http://x")', '-2', '巴南区')
    """
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text
