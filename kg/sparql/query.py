"""Run SPARQL against a store and write the results in standard formats; the library of bundled queries.

Queries see the union of all named graphs, with the project's prefixes
(:data:`kg.model.vocab.PREFIXES`) predeclared.  Results are written as

* SELECT / ASK: an aligned ``table`` (terminals), or the SPARQL 1.1 results
  formats ``json``, ``xml``, ``csv``, ``tsv``, or ``jsonl`` (one JSON object
  of plain values per row, for ``jq`` and data frames);
* CONSTRUCT / DESCRIBE: RDF as ``turtle``, ``n-triples``, ``json-ld`` or ``rdf-xml``.

Bundled queries are ``kg/sparql/queries/<name>.rq`` files whose leading comments give
a ``title``, a ``description`` and optional ``param`` lines
(``# param: NAME = DEFAULT | what it is``).  A parameter is a variable the
query projects; its value (an entity's name, alias or IRI) is bound as a term,
never spliced into the query text.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO, Protocol

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.errors import KgError
from kg.escape import XmlSafeWriter
from kg.i18n import did_you_mean, pick
from kg.i18n import text as message
from kg.model.vocab import PREFIXES
from kg.store import formats
from kg.store.sparql_text import (
    QueryError,
    QuerySyntaxError,
    refuse_remote_operations,
    refuse_updates,
    syntax_message,
    with_values,
)
from kg.text import truncate

QUERIES_DIR = Path(__file__).resolve().parent / "queries"

NUMERIC = {
    "http://www.w3.org/2001/XMLSchema#" + t
    for t in ("integer", "decimal", "double", "float", "int", "long", "short", "nonNegativeInteger", "positiveInteger")
}
BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


class Queryable(Protocol):
    """What running a query needs: the embedded :class:`~kg.store.embedded.Store` and a RemoteStore both have it."""

    def query_raw(
        self, sparql: str, bindings: Mapping[str, Node] | None = None, default_graphs: Iterable[str] | None = None
    ) -> Any: ...

    def select(
        self, sparql: str, bindings: Mapping[str, Node] | None = None, default_graphs: Iterable[str] | None = None
    ) -> list[dict[str, Node]]: ...


# -- bundled queries ------------------------------------------------------------


@dataclass(frozen=True)
class Param:
    """A parameter of a bundled query: a projected variable bound to an entity."""

    name: str
    default: str
    description: str


@dataclass(frozen=True)
class BundledQuery:
    """A ``.rq`` file of the query library."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    title_zh: str = ""
    description_zh: str = ""

    def title_in(self, lang: str | None = None) -> str:
        """The title in ``lang`` (default: the current language); English where no Chinese title is given."""
        return pick(self.title_zh or self.title, self.title, lang)


def parse_bundled(name: str, text: str) -> BundledQuery:
    """Read the ``# title:``, ``# description:`` and ``# param:`` header of a query file
    (``# title@zh:`` and ``# description@zh:`` give them in Chinese).

    >>> q = parse_bundled("x", "# title: T\\n# description: one\\n#   two\\n# param: d = 巴南区 | a district\\nASK {}")
    >>> q.title, q.description, q.params[0].name, q.params[0].default
    ('T', 'one two', 'd', '巴南区')
    """
    fields: dict[str, list[str]] = {}
    params: list[Param] = []
    current: list[str] | None = None
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        body = line[1:].strip()
        match = re.match(r"(title|description|title@zh|description@zh|param):\s*(.*)", body)
        if match and match.group(1) == "param":
            spec = re.match(r"(\w+)\s*=\s*([^|]*?)\s*\|\s*(.*)", match.group(2))
            if not spec:
                expected = "'# param: NAME = DEFAULT | description'"
                raise QueryError(message("bad_param_line", name=name, line=line, expected=expected))
            params.append(Param(*spec.groups()))
            current = None
        elif match:
            current = fields.setdefault(match.group(1), [])
            current.append(match.group(2))
        elif current is not None and body:
            current.append(body)
    return BundledQuery(
        name=name,
        title=" ".join(fields.get("title", [name])),
        description=" ".join(fields.get("description", [])),
        params=tuple(params),
        text=text,
        title_zh=" ".join(fields.get("title@zh", [])),
        description_zh="".join(fields.get("description@zh", [])),
    )


@cache
def bundled_queries() -> dict[str, BundledQuery]:
    """Every bundled query by name (the file name without ``.rq``), sorted by name."""
    return {
        path.stem: parse_bundled(path.stem, path.read_text(encoding="utf-8"))
        for path in sorted(QUERIES_DIR.glob("*.rq"))
    }


def read_query(source: str) -> tuple[str, BundledQuery | None]:
    """The query text of ``source``: a bundled query's name, a file, ``-`` (stdin) or the query itself."""
    queries = bundled_queries()
    if source in queries:
        return queries[source].text, queries[source]
    if source == "-":
        data = sys.stdin.buffer.read()
        try:
            return data.decode("utf-8-sig"), None
        except UnicodeDecodeError as error:
            raise QueryError(message("stdin_not_utf8", byte=error.start)) from None
    if not re.search(r"[\s{]", source):
        path = Path(source)
        if path.is_file():
            try:
                return path.read_text(encoding="utf-8"), None
            except (OSError, UnicodeDecodeError) as error:
                raise QueryError(message("cannot_read_query", path=path, reason=error)) from None
        close = difflib.get_close_matches(source, list(queries), n=3, cutoff=0.5)
        hint = did_you_mean(close) if close else message("query_list_hint")
        raise QueryError(message("no_query_named", name=source, hint=hint))
    return source, None


# -- parameters -------------------------------------------------------------------

ENTITY_BY_NAME = """
SELECT DISTINCT ?entity ?name ?label ?exact WHERE {
  ?entity rdfs:label|skos:altLabel ?l .
  FILTER(STR(?l) = ?name && !STRSTARTS(STR(?entity), STR(kg:)))
  ?entity rdfs:label ?label .
  BIND(EXISTS { ?entity rdfs:label ?l } AS ?exact)
} ORDER BY DESC(?exact) ?entity
"""

ENTITY_LIKE = """
SELECT DISTINCT ?label ?name WHERE {
  ?entity rdfs:label ?label .
  FILTER(CONTAINS(STR(?label), ?name) && !STRSTARTS(STR(?entity), STR(kg:)))
} ORDER BY STRLEN(?label) LIMIT 5
"""


def parse_term(value: str) -> Node:
    """A term from the command line: ``<iri>``, ``prefix:local``, an ``http(s)://`` IRI, a number, else a string.

    >>> parse_term("kgr:ba-nan-qu")
    rdflib.term.URIRef('https://w3id.org/kg-cityedu/id/ba-nan-qu')
    >>> parse_term("3").datatype.endswith("integer"), parse_term("巴南区").value
    (True, '巴南区')
    """
    if value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    if re.match(r"https?://\S+$|urn:\S+$", value):
        return URIRef(value)
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and not re.search(r"\s", local):
        return URIRef(PREFIXES[prefix] + local)
    if re.fullmatch(r"[+-]?\d+", value):
        return Literal(int(value))
    if re.fullmatch(r"[+-]?\d*\.\d+", value):
        return Literal(Decimal(value))
    return Literal(value)


def find_entity_iri(store: Queryable, name: str) -> URIRef:
    """The entity whose IRI, label or alias is ``name``; a clear error when none or several match."""
    term = parse_term(name)
    if isinstance(term, URIRef):
        return term
    rows = store.select(ENTITY_BY_NAME, bindings={"name": Literal(name)})
    by_label = {row["entity"] for row in rows if str(row.get("exact")) in {"true", "1"}}
    candidates = by_label or {row["entity"] for row in rows}
    if len(candidates) == 1:
        return URIRef(str(next(iter(candidates))))
    if candidates:
        labels = sorted({f"{row['label']} ({row['entity']})" for row in rows if row["entity"] in candidates})
        raise QueryError(message("ambiguous_name", name=name, n=len(candidates), labels="; ".join(labels)))
    close = [str(row["label"]) for row in store.select(ENTITY_LIKE, bindings={"name": Literal(name)})]
    raise QueryError(message("no_entity", name=name, hint=did_you_mean(close)))


def query_bindings(store: Queryable, query: BundledQuery | None, given: Mapping[str, str]) -> dict[str, Node]:
    """Terms for the query's variables: a bundled query's parameters (defaults filled in) or free ``--param``s."""
    if query is None:
        return {name: parse_term(value) for name, value in given.items()}
    known = {p.name: p for p in query.params}
    unknown = sorted(set(given) - set(known))
    if unknown:
        accepted = ", ".join(known) or message("no_parameters")
        raise QueryError(message("no_such_param", query=query.name, name=unknown[0], accepted=accepted))
    return {p.name: find_entity_iri(store, given.get(p.name, p.default)) for p in query.params}


# -- running ----------------------------------------------------------------------


def run(store: Queryable, text: str, bindings: Mapping[str, Node] | None = None) -> Any:
    """Run a query: pyoxigraph ``QuerySolutions`` (SELECT), ``QueryBoolean`` (ASK) or an iterable of triples.

    Syntax errors become :class:`QuerySyntaxError` (exit code 2) with line and column.
    """
    refuse_remote_operations(text)
    refuse_updates(text)
    try:
        return store.query_raw(text, bindings=bindings or None)
    except SyntaxError as error:
        raise QuerySyntaxError(syntax_message(str(error), text)) from None
    except (RuntimeError, ValueError, OSError) as error:
        if isinstance(error, KgError):
            raise
        raise QueryError(message("query_failed", reason=" ".join(str(error).split()))) from None


def result_kind(result: Any) -> str:
    """``select``, ``ask`` or ``graph``."""
    if isinstance(result, ox.QuerySolutions):
        return "select"
    if isinstance(result, ox.QueryBoolean):
        return "ask"
    return "graph"


def query_format(name: str) -> formats.Format:
    """The output format called ``name`` (a standard name or an alias).

    >>> query_format("nt").name, query_format("json").kind
    ('n-triples', 'results')
    """
    return formats.find(name, formats.QUERY)


def compact(iri: str) -> str:
    """``prefix:local`` for IRIs in the project's namespaces, else ``<iri>``.

    >>> compact("https://w3id.org/kg-cityedu/id/ba-nan-qu"), compact("http://example.org/x")
    ('kgr:ba-nan-qu', '<http://example.org/x>')
    """
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and re.fullmatch(r"[\w\-.]*", iri[len(namespace) :]):
            return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>"


def display(term: Any) -> str:
    """How a term reads in a table: compact IRIs, literal values without quotes or tags."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def plain(term: Any) -> Any:
    """A term as a plain JSON value: IRIs and strings as strings, numbers as numbers, booleans as booleans."""
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype in NUMERIC:
            try:
                number = Decimal(term.value)
            except ArithmeticError:
                return term.value
            return int(number) if number == number.to_integral_value() and "." not in term.value else float(number)
        if datatype == BOOLEAN:
            return term.value in {"true", "1"}
        return term.value
    if isinstance(term, ox.NamedNode | ox.BlankNode):
        return term.value
    return str(term)


def rows_of(result: Any) -> tuple[list[str], list[list[Any]]]:
    """Variable names and rows (pyoxigraph terms, None when unbound) of a SELECT or ASK result."""
    if isinstance(result, ox.QueryBoolean):
        return ["boolean"], [[ox.Literal("true" if bool(result) else "false", datatype=ox.NamedNode(BOOLEAN))]]
    names = [v.value for v in result.variables]
    return names, [[solution[name] for name in names] for solution in result]


def table_cells(result: Any, max_width: int = 0) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """Header and cells of a result for an aligned table; cells longer than ``max_width`` end in "…"."""
    names, rows = rows_of(result)

    def fit(text: str) -> str:
        return truncate(" ".join(text.split()), max_width)

    return tuple(names), [tuple(fit(display(term)) for term in row) for row in rows]


def write_result(result: Any, fmt: str, out: BinaryIO) -> int:
    """Write a query result (not ``table``) to ``out``; return the number of rows or triples written."""
    kind = result_kind(result)
    chosen = query_format(fmt)
    graph_formats = ", ".join(formats.names(formats.RDF))
    if kind == "graph":
        if chosen.kind != "rdf":  # xml and json name the RDF/XML and JSON-LD of a graph, as in SPARQL protocol
            chosen = formats.lookup(fmt, formats.RDF) or chosen
        if chosen.kind != "rdf":
            raise QueryError(message("format_for_select", name=chosen.name, choices=graph_formats))
        return formats.write_rdf(result, chosen, out)
    if chosen.kind == "rdf" or chosen.name == "table":
        result_formats = ", ".join([*formats.names({"results"}), "jsonl"])
        raise QueryError(message("format_for_construct", name=chosen.name, choices=result_formats))
    if chosen.name == "jsonl":
        names, rows = rows_of(result)
        for row in rows:
            record = {name: plain(term) for name, term in zip(names, row, strict=True) if term is not None}
            out.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
        return len(rows)
    if chosen.name == "xml":
        with XmlSafeWriter(out) as safe:  # a control character in a literal would make the XML unreadable
            result.serialize(safe, chosen.results)
    else:
        result.serialize(out, chosen.results)
    return 1 if kind == "ask" else -1


def example_text(store: Queryable, query: BundledQuery) -> str:
    """A bundled query as a self-contained example: its parameters' defaults bound with ``VALUES``."""
    if not query.params:
        return query.text
    return with_values(query.text, query_bindings(store, query, {}))
