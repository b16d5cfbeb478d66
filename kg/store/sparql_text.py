"""SPARQL as text: one-line syntax errors, refusing network operations, binding values without splicing.

The store layer needs these to talk to any SPARQL endpoint; ``kg query`` and
``kg serve`` use them too.  Terms are always written by Oxigraph's serializer,
so document text never becomes query syntax.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pyoxigraph as ox
from rdflib import URIRef  # noqa: F401  (doctest)
from rdflib.term import Node

from kg.errors import KgError
from kg.i18n import text as message
from kg.store.embedded import to_oxigraph


class QueryError(KgError, ValueError):
    """A query cannot be run (unknown bundled query, bad parameter, evaluation error)."""


class QuerySyntaxError(QueryError):
    """The query text is not valid SPARQL; the message gives line and column."""

    exit_code = 2


# -- syntax errors ------------------------------------------------------------

_POSITION = re.compile(r"\berror at (\d+):(\d+):\s*", re.IGNORECASE)


def syntax_message(error: str, text: str, line_offset: int = 0, update: bool = False) -> str:
    """One line: where the error is, what was expected, and the text there.

    ``error`` is Oxigraph's (``error at LINE:COLUMN: ...``); ``line_offset``
    corrects line numbers when lines were added in front of the query; ``update``: the text is a SPARQL Update.

    >>> syntax_message("error at 1:9: expected one of DESCRIBE, [_]", "SELEC ?x WHERE {}")
    "查询语法错误：第 1 行第 9 列：应为以下之一：DESCRIBE，位于 'WHERE {}' 附近"
    """
    kind = message("update_word" if update else "query_word")
    match = _POSITION.search(error)
    detail = error[match.end() :] if match else error
    detail = " ".join(detail.split())
    unknown_prefix = "Prefix not found" in detail
    if unknown_prefix:
        detail = message("unknown_prefix")
    else:
        detail = re.sub(r"(, )?\[_\]", "", detail)
        if len(detail) > 100:
            detail = detail[:97].rsplit(",", 1)[0] + ", …"
    if not match:
        return message("syntax_error_at", kind=kind, detail=detail)
    line, column = int(match.group(1)) - line_offset, int(match.group(2))
    lines = text.splitlines()
    current = lines[line - 1] if 1 <= line <= len(lines) else ""
    excerpt = current[max(column - 1, 0) :].strip()
    name = re.search(r"([^\s{}()]*):([^\s{}()]*)$", current[: max(column - 1, 0)].rstrip())
    if unknown_prefix and name:  # Oxigraph points after the prefixed name: name it
        detail = message("unknown_prefix_in", prefix=name.group(1), name=name.group())
        return message("syntax_error_line", kind=kind, line=line, column=column, detail=detail)
    if re.fullmatch(r"expected( one of)?\s*", detail):
        detail = message("unexpected_text" if excerpt else "unexpected_end")
    elif message("expected_one_of", what="") != "expected one of ":  # the parser's own words, made Chinese
        detail = re.sub(r"^expected one of (.*)", lambda m: message("expected_one_of", what=m.group(1)), detail)
        detail = re.sub(r"^expected (.*)", lambda m: message("expected", what=m.group(1)), detail)
    if excerpt:
        excerpt = excerpt if len(excerpt) <= 30 else excerpt[:29] + "…"
        detail += message("near", excerpt=excerpt)
    return message("syntax_error_line", kind=kind, line=line, column=column, detail=detail)


def term_text(term: Node) -> str:
    """A term in SPARQL/N-Triples syntax, escaped by Oxigraph's serializer."""
    return str(to_oxigraph(term))


# -- binding by VALUES, for endpoints that cannot substitute ------------------------

_TOKENS = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
      |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7-\uFFFF]+)
  | (?P<pname>(?:[A-Za-z][\w\-.]*)?:[\w\-.:%\u00B7-\uFFFF]*)
  | (?P<word>[A-Za-z_]\w*)
  | (?P<open>\{)
  | (?P<close>\})
    """,
    re.VERBOSE | re.DOTALL,
)


def refuse_remote_operations(text: str) -> None:
    """Raise :class:`QueryError` for ``SERVICE`` or ``LOAD``: they would make the store fetch from the network.

    >>> refuse_remote_operations('SELECT * WHERE { ?s ?p "SERVICE" }')
    >>> refuse_remote_operations("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    kg.store.sparql_text.QueryError: SERVICE 被拒绝：kg 从不访问网络
    """
    for match in _TOKENS.finditer(text):
        if match.lastgroup == "word" and match.group().upper() in {"SERVICE", "LOAD"}:
            raise QueryError(message("refused_fetch", word=match.group().upper()))


UPDATE_WORDS = {"INSERT", "DELETE", "DROP", "CLEAR", "CREATE", "LOAD", "COPY", "MOVE", "ADD", "WITH"}


def refuse_updates(text: str) -> None:
    """Raise :class:`QueryError` when ``text`` is a SPARQL Update: kg query reads, and says what writes.

    >>> refuse_updates("DROP ALL")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.store.sparql_text.QueryError: DROP ALL 是 SPARQL 更新，不是查询：kg query 只读；...
    """
    for match in _TOKENS.finditer(text):
        kind, word = match.lastgroup, match.group()
        if kind in {"comment"} or (kind == "word" and word.upper() in {"PREFIX", "BASE"}):
            continue
        if kind in {"iri", "pname"}:  # the IRI or prefix name of a PREFIX/BASE declaration
            continue
        if kind == "word" and word.upper() in UPDATE_WORDS:
            statement = " ".join(text[match.start() :].split()[:2])[:40]
            raise QueryError(message("update_not_query", statement=statement))
        return


def where_brace(text: str) -> int | None:
    """Offset of the ``{`` that opens the query's WHERE pattern, or None (DESCRIBE without WHERE, short CONSTRUCT).

    >>> q = 'CONSTRUCT { ?s ?p "{" } WHERE { ?s ?p ?o }'
    >>> q[where_brace(q):]
    '{ ?s ?p ?o }'
    """
    depth, form, where, blocks = 0, None, False, 0
    for match in _TOKENS.finditer(text):
        kind = match.lastgroup
        if kind == "word" and depth == 0:
            word = match.group().upper()
            if form is None and word in {"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"}:
                form = word
            elif word == "WHERE":
                where = True
        elif kind == "open":
            if depth == 0:
                if where and form == "CONSTRUCT" and blocks == 0:
                    return None  # CONSTRUCT WHERE { template }: no group pattern to add VALUES to
                if where or form in {"SELECT", "ASK"} or (form == "CONSTRUCT" and blocks == 1):
                    return match.start()
                blocks += 1
            depth += 1
        elif kind == "close":
            depth -= 1
    return None


def with_values(text: str, bindings: Mapping[str, Node]) -> str:
    """The query with ``VALUES`` binding ``bindings`` at the start of its WHERE pattern (after it, if none).

    For SPARQL endpoints that take no bindings; the terms are written by
    Oxigraph's serializer, so their text is escaped, not spliced.

    >>> print(with_values("SELECT ?s WHERE { ?s ?p ?o }", {"s": URIRef("http://example.org/a")}))
    SELECT ?s WHERE { VALUES (?s) { (<http://example.org/a>) } ?s ?p ?o }
    """
    if not bindings:
        return text
    for name, term in bindings.items():
        if not re.fullmatch(r"\w+", name):
            raise QueryError(message("bad_variable", name=name))
        if isinstance(to_oxigraph(term), ox.BlankNode):
            raise QueryError(message("blank_bound", name=name))
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(term_text(term) for term in bindings.values())
    clause = f"VALUES ({names}) {{ ({values}) }}"
    brace = where_brace(text)
    if brace is None:
        return f"{text.rstrip()}\n{clause}\n"
    return f"{text[: brace + 1]} {clause}{text[brace + 1 :]}"
