"""SHACL shapes compiled to SPARQL SELECT queries that run inside the store.

pyshacl validates an rdflib copy of the whole store node by node (minutes at
10³ entities); the same rules as one query per constraint run inside Oxigraph
over the union default graph, in time proportional to what they read.

:func:`compile_shapes` reads the shapes graph — targets (``sh:targetClass``,
``sh:targetSubjectsOf``, ``sh:targetObjectsOf``, ``sh:targetNode``), property
shapes (``sh:path`` with sequence, inverse, alternative and ``*``/``+``/``?``
paths; ``sh:minCount``, ``sh:maxCount``, ``sh:class``, ``sh:datatype``,
``sh:nodeKind``, ``sh:pattern``, ``sh:languageIn``, ``sh:in``,
``sh:hasValue``, ``sh:uniqueLang``, ``sh:node``, ``sh:qualifiedValueShape``
with ``sh:qualifiedMinCount``/``sh:qualifiedMaxCount``) and SPARQL
constraints (their own SELECT, ``$this`` joined with the shape's targets) —
and returns one :class:`Check` per constraint component, each a SELECT whose
rows are the violations: ``?this`` (focus node), ``?value``, ``?path`` and
the constraint's own variables for its message.  A node shape with a
construct not listed here is returned in ``uncompiled`` so the caller can run
pyshacl on that shape alone; adding a shape made of these constructs needs
no code.

>>> checks, uncompiled = compile_shapes(shapes())
>>> sorted({c.rule for c in checks})[:3], uncompiled
(['AssertionObject', 'AssertionPredicate', 'AssertionSubject'], [])
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cache

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from kg.model.terms import local_name
from kg.model.vocab import ONTOLOGY_DIR

SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"

# Parameters of the constraint components compiled here; a shape using any other sh: parameter is not compiled.
_VALUE_PARAMETERS = {SH["class"], SH.datatype, SH.nodeKind, SH.pattern, SH.flags, SH.languageIn, SH["in"], SH.node}
_SHAPE_PARAMETERS = _VALUE_PARAMETERS | {
    SH.path, SH.minCount, SH.maxCount, SH.hasValue, SH.uniqueLang, SH.qualifiedValueShape, SH.qualifiedMinCount,
    SH.qualifiedMaxCount, SH.property, SH.sparql, SH.message, SH.severity, SH.name, SH.description,
    SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode, SH.declare, SH.deactivated, SH.order,
    SH.group,
}  # fmt: skip
# Casts that tell a well-formed literal of an XSD datatype from an ill-formed one (as pyshacl does).
_CASTABLE = {XSD[n] for n in ("decimal", "integer", "double", "float", "boolean", "dateTime", "date", "string")}


class NotCompiled(Exception):
    """A SHACL construct this module does not translate."""


@dataclass(frozen=True)
class Check:
    """One constraint component of one shape as a SELECT query; every row is a violation."""

    rule: str  # local name of the named shape or SPARQL constraint
    query: str  # SELECT ?this [?value] [?path] … over the union default graph
    messages: tuple[tuple[str | None, str], ...]  # (language, sh:message template)
    path: str = ""  # the property shape's path IRI ("" for none or a complex path)
    severity: str = "Violation"
    value_is_focus: bool = False  # a node-shape SPARQL constraint without ?value reports the focus node


@dataclass
class _Compiler:
    graph: Graph
    prefixes: dict[str, str] = field(default_factory=dict)
    counter: itertools.count = field(default_factory=itertools.count)

    def var(self) -> str:
        return f"?_v{next(self.counter)}"

    # -- terms and paths --------------------------------------------------

    def term(self, node: Node) -> str:
        if isinstance(node, URIRef):
            return f"<{node}>"
        if isinstance(node, Literal):
            return node.n3()
        raise NotCompiled(f"blank node {node} as a value")

    def path(self, node: Node) -> str:
        g = self.graph
        if isinstance(node, URIRef):
            return f"<{node}>"
        if (node, RDF.first, None) in g:
            return "(" + "/".join(self.path(p) for p in Collection(g, node)) + ")"
        for predicate, operator in ((SH.oneOrMorePath, "+"), (SH.zeroOrMorePath, "*"), (SH.zeroOrOnePath, "?")):
            inner = g.value(node, predicate)
            if inner is not None:
                return f"({self.path(inner)}){operator}"
        inner = g.value(node, SH.inversePath)
        if inner is not None:
            return f"^({self.path(inner)})"
        inner = g.value(node, SH.alternativePath)
        if inner is not None:
            return "(" + "|".join(self.path(p) for p in Collection(g, inner)) + ")"
        raise NotCompiled(f"path {node}")

    # -- value conditions ---------------------------------------------------

    def check_parameters(self, shape: Node) -> None:
        for predicate in set(self.graph.predicates(shape)):
            if str(predicate).startswith(str(SH)) and predicate not in _SHAPE_PARAMETERS:
                raise NotCompiled(f"{predicate} on {shape}")

    def conforms(self, shape: Node, v: str) -> str:
        """A SPARQL expression true when the node in ``v`` conforms to the value constraints of ``shape``."""
        self.check_parameters(shape)
        g = self.graph
        parts = [self.value_condition(p, o, shape, v) for p, o in g.predicate_objects(shape) if p in _VALUE_PARAMETERS]
        parts = [p for p in parts if p]
        for value in g.objects(shape, SH.hasValue):
            parts.append(f"sameTerm({v}, {self.term(value)})")
        for prop in g.objects(shape, SH.property):
            parts.append(self.nested_property(prop, v))
        if any(p in (SH.sparql, SH.qualifiedValueShape, SH.uniqueLang) for p in g.predicates(shape)):
            raise NotCompiled(f"nested constraint on {shape}")
        return "(" + " && ".join(parts) + ")" if parts else "true"

    def value_condition(self, parameter: Node, value: Node, shape: Node, v: str) -> str:
        g = self.graph
        if parameter == SH["class"]:
            return f"EXISTS {{ {v} rdf:type/rdfs:subClassOf* {self.term(value)} }}"
        if parameter == SH.datatype:
            if value == RDF.langString:
                return f'(isLiteral({v}) && lang({v}) != "")'
            check = f"(isLiteral({v}) && datatype({v}) = {self.term(value)}"
            if value in _CASTABLE:
                check += f" && COALESCE(isLiteral({self.term(value)}(STR({v}))), false)"
            return check + ")"
        if parameter == SH.nodeKind:
            kinds = {
                SH.IRI: "isIRI({v})", SH.Literal: "isLiteral({v})", SH.BlankNode: "isBlank({v})",
                SH.BlankNodeOrIRI: "!isLiteral({v})", SH.BlankNodeOrLiteral: "!isIRI({v})",
                SH.IRIOrLiteral: "!isBlank({v})",
            }  # fmt: skip
            if value not in kinds:
                raise NotCompiled(f"sh:nodeKind {value}")
            return kinds[value].format(v=v)
        if parameter == SH.pattern:
            flags = g.value(shape, SH.flags)
            args = f", {Literal(str(flags)).n3()}" if flags is not None else ""
            return f"(!isBlank({v}) && REGEX(STR({v}), {Literal(str(value)).n3()}{args}))"
        if parameter == SH.flags:
            return ""
        if parameter == SH.languageIn:
            tags = [Literal(str(t)).n3() for t in Collection(g, value)]
            return f"(isLiteral({v}) && (" + " || ".join(f"langMatches(lang({v}), {t})" for t in tags) + "))"
        if parameter == SH["in"]:
            return f"({v} IN (" + ", ".join(self.term(t) for t in Collection(g, value)) + "))"
        if parameter == SH.node:
            return self.conforms(value, v)
        raise NotCompiled(str(parameter))

    def nested_property(self, prop: Node, v: str) -> str:
        """A property shape inside a shape used as a value condition (sh:node): every constraint must hold."""
        self.check_parameters(prop)
        g = self.graph
        path = self.path(g.value(prop, SH.path))
        parts = []
        for value in g.objects(prop, SH.hasValue):
            parts.append(f"EXISTS {{ {v} {path} {self.term(value)} }}")
        for count in g.objects(prop, SH.minCount):
            x = self.var()
            parts.append(f"EXISTS {{ {v} {path} {x} }}" if int(count) == 1 else "")
            if int(count) > 1:
                raise NotCompiled("nested sh:minCount > 1")
        x = self.var()
        inner = [self.value_condition(p, o, prop, x) for p, o in g.predicate_objects(prop) if p in _VALUE_PARAMETERS]
        inner = [c for c in inner if c]
        if inner:
            parts.append(f"NOT EXISTS {{ {v} {path} {x} FILTER (!({' && '.join(inner)})) }}")
        if any(p in (SH.maxCount, SH.qualifiedValueShape, SH.uniqueLang, SH.sparql) for p in g.predicates(prop)):
            raise NotCompiled(f"nested constraint on {prop}")
        return "(" + " && ".join(p for p in parts if p) + ")" if parts else "true"

    # -- targets and checks ---------------------------------------------------

    def focus(self, shape: Node) -> str | None:
        """A subquery binding ?this to every focus node of ``shape`` once, or None when it has no target."""
        g = self.graph
        branches = [f"{{ ?this rdf:type/rdfs:subClassOf* {self.term(c)} }}" for c in g.objects(shape, SH.targetClass)]
        branches += [f"{{ ?this {self.term(p)} [] }}" for p in g.objects(shape, SH.targetSubjectsOf)]
        branches += [f"{{ [] {self.term(p)} ?this }}" for p in g.objects(shape, SH.targetObjectsOf)]
        nodes = [self.term(n) for n in g.objects(shape, SH.targetNode)]
        if nodes:
            branches.append("{ VALUES ?this { " + " ".join(nodes) + " } }")
        if (shape, RDF.type, RDFS.Class) in g:
            branches.append(f"{{ ?this rdf:type/rdfs:subClassOf* {self.term(shape)} }}")
        if not branches:
            return None
        return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(branches) + " } }"

    def messages(self, node: Node) -> tuple[tuple[str | None, str], ...]:
        found = [(m.language, str(m)) for m in self.graph.objects(node, SH.message) if isinstance(m, Literal)]
        return tuple(found) or ((None, local_name(str(node))),)

    def severity(self, node: Node) -> str:
        severity = self.graph.value(node, SH.severity)
        return local_name(str(severity)) if severity is not None else "Violation"

    def property_checks(self, prop: Node, focus: str) -> list[Check]:
        g = self.graph
        self.check_parameters(prop)
        if g.value(prop, SH.sparql) is not None or g.value(prop, SH.property) is not None:
            raise NotCompiled(f"constraints nested in property shape {prop}")
        path_node = g.value(prop, SH.path)
        path = self.path(path_node)
        rule = local_name(str(prop)) if isinstance(prop, URIRef) else "shape"
        common = {
            "rule": rule,
            "messages": self.messages(prop),
            "path": str(path_node) if isinstance(path_node, URIRef) else "",
            "severity": self.severity(prop),
        }
        queries = []
        for count in g.objects(prop, SH.minCount):
            queries.append(
                f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this {path} ?v }} }} "
                f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {int(count)})"
            )
        for count in g.objects(prop, SH.maxCount):
            queries.append(
                f"SELECT ?this WHERE {{ {focus} ?this {path} ?v }} "
                f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {int(count)})"
            )
        for parameter, value in g.predicate_objects(prop):
            if parameter in _VALUE_PARAMETERS and parameter != SH.flags:
                condition = self.value_condition(parameter, value, prop, "?value")
                queries.append(
                    f"SELECT DISTINCT ?this ?value WHERE {{ {focus} ?this {path} ?value FILTER (!{condition}) }}"
                )
        for value in g.objects(prop, SH.hasValue):
            queries.append(f"SELECT ?this WHERE {{ {focus} FILTER NOT EXISTS {{ ?this {path} {self.term(value)} }} }}")
        if g.value(prop, SH.uniqueLang) == Literal(True):
            queries.append(
                f'SELECT ?this WHERE {{ {focus} ?this {path} ?v FILTER (isLiteral(?v) && lang(?v) != "") }} '
                "GROUP BY ?this (LCASE(lang(?v)) AS ?lang) HAVING (COUNT(DISTINCT ?v) > 1)"
            )
        qualified = g.value(prop, SH.qualifiedValueShape)
        if qualified is not None:
            if g.value(prop, SH.qualifiedValueShapesDisjoint) is not None:
                raise NotCompiled("sh:qualifiedValueShapesDisjoint")
            condition = self.conforms(qualified, "?v")
            counted = f"{focus} OPTIONAL {{ ?this {path} ?v FILTER {condition} }}"
            for count in g.objects(prop, SH.qualifiedMinCount):
                queries.append(
                    f"SELECT ?this WHERE {{ {counted} }} GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {int(count)})"
                )
            for count in g.objects(prop, SH.qualifiedMaxCount):
                queries.append(
                    f"SELECT ?this WHERE {{ {counted} }} GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {int(count)})"
                )
        return [Check(query=q, **common) for q in queries]

    def sparql_check(self, constraint: Node, focus: str, node_shape: bool) -> Check:
        g = self.graph
        select = g.value(constraint, SH.select)
        if select is None:
            raise NotCompiled(f"SPARQL constraint {constraint} without sh:select")
        text = not_exists_as_minus(re.sub(r"\$this\b", "?this", str(select)))
        head = re.match(r"\s*SELECT\s+(DISTINCT\s+)?(.*?)\s+WHERE\b", text, flags=re.S | re.I)
        if head is None or "$" in text or "*" in head.group(2):
            raise NotCompiled(f"SPARQL constraint {constraint}: pre-bound variables or SELECT *")
        variables = " ".join(dict.fromkeys(["?this", *re.findall(r"\?\w+", head.group(2))]))
        prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in self.declared(constraint).items())
        return Check(
            rule=local_name(str(constraint)) if isinstance(constraint, URIRef) else "shape",
            query=f"{prologue}SELECT DISTINCT {variables} WHERE {{ {focus} {{ {text} }} }}",
            messages=self.messages(constraint),
            severity=self.severity(constraint),
            value_is_focus=node_shape,
        )

    def declared(self, constraint: Node) -> dict[str, str]:
        g = self.graph
        found = {}
        for ontology in g.objects(constraint, SH.prefixes):
            for declaration in g.objects(ontology, SH.declare):
                found[str(g.value(declaration, SH.prefix))] = str(g.value(declaration, SH.namespace))
        return found


def _closing(text: str, start: int, opening: str = "{", closing: str = "}") -> int:
    """Index of the bracket closing the one at ``start``."""
    depth = 0
    for index in range(start, len(text)):
        depth += {opening: 1, closing: -1}.get(text[index], 0)
        if depth == 0:
            return index
    raise NotCompiled("unbalanced brackets")


def _without_filters(body: str) -> str:
    while (match := re.search(r"FILTER\s*\(", body, flags=re.I)) is not None:
        end = _closing(body, match.end() - 1, "(", ")")
        body = body[: match.start()] + body[end + 1 :]
    return body


def _bound(body: str) -> set[str]:
    """Variables the pattern ``body`` certainly binds: in its own triples, or in every one of its { } groups."""
    groups, remainder, index = [], "", 0
    while index < len(body):
        if body[index] == "{":
            end = _closing(body, index)
            groups.append(body[index + 1 : end])
            index = end + 1
        else:
            remainder += body[index]
            index += 1
    found = set(re.findall(r"\?\w+", _without_filters(remainder)))
    if groups:
        found |= set.intersection(*(_bound(g) for g in groups))
    return found


def _probe(body: str, shared: set[str]) -> bool:
    """True for one triple pattern whose every variable is bound outside it (``{ ?this a ?value }``).

    Per row that is one index probe; as MINUS it is every triple of the predicate held in a hash table,
    which grew ``kg validate`` to gigabytes (RelationEndClass: 907 MB at 10^5 entities, same CPU as NOT EXISTS).
    """
    pattern = _without_filters(body).strip().rstrip(".").strip()
    if "{" in pattern or re.search(r"[.;,]\s", pattern + " "):
        return False
    return len(pattern.split()) == 3 and set(re.findall(r"\?\w+", pattern)) <= shared


def not_exists_as_minus(text: str) -> str:
    """``FILTER NOT EXISTS { P }`` as ``MINUS { P }`` at the end of its group, where the two mean the same.

    Oxigraph evaluates NOT EXISTS once per solution (milliseconds each over a big
    store) and MINUS as one anti-join.  They agree when every variable P shares
    with the rest of the query is bound by P's own triple patterns and by the
    group around it: so no OPTIONAL anywhere and no quote (where braces could hide).
    pyshacl forbids MINUS in a constraint (``$this`` is pre-bound there), hence
    the shapes say NOT EXISTS and the compiler rewrites; not a single triple
    pattern of bound variables (:func:`_probe`), a lookup per row but every triple
    of its predicate held in memory as MINUS.

    >>> not_exists_as_minus("SELECT ?this WHERE { ?this a ?c . FILTER NOT EXISTS { ?c a ?d } ?this ?p ?o }")
    'SELECT ?this WHERE { ?this a ?c .  ?this ?p ?o MINUS { ?c a ?d } }'
    """
    if re.search(r"OPTIONAL|[\"']", text, flags=re.I):
        return text
    position = 0
    while (match := re.compile(r"FILTER\s+NOT\s+EXISTS\s*\{", re.I).search(text, position)) is not None:
        open_at = match.end() - 1
        close_at = _closing(text, open_at)
        body = text[open_at + 1 : close_at]
        rest = text[: match.start()] + text[close_at + 1 :]
        shared = set(re.findall(r"\?\w+", body)) & set(re.findall(r"\?\w+", rest))
        bound_by_body = _bound(body)
        # the group around the FILTER: from the nearest unclosed "{" before it to its "}"
        depth, group_open = 0, -1
        for index in range(match.start() - 1, -1, -1):
            depth += {"}": 1, "{": -1}.get(text[index], 0)
            if depth < 0:
                group_open = index
                break
        if group_open < 0 or not shared or not shared <= bound_by_body or _probe(body, shared):
            position = close_at
            continue
        group_close = _closing(text, group_open)
        text = (
            text[: match.start()]
            + text[close_at + 1 : group_close].rstrip()
            + f" MINUS {{{body}}} "
            + text[group_close:]
        )
        position = match.start()
    return text


def compile_shapes(graph: Graph) -> tuple[list[Check], list[Node]]:
    """The checks of every node shape of ``graph`` that compiles, and the node shapes that do not."""
    compiler = _Compiler(graph)
    checks: list[Check] = []
    uncompiled: list[Node] = []
    node_shapes = sorted(
        {s for s in graph.subjects(RDF.type, SH.NodeShape)}
        | {
            s
            for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
            for s in graph.subjects(p)
        },
        key=str,
    )
    for shape in node_shapes:
        focus = compiler.focus(shape)
        if focus is None or graph.value(shape, SH.deactivated) == Literal(True):
            continue  # validated only through sh:node of another shape, or switched off
        try:
            compiler.check_parameters(shape)
            own: list[Check] = []
            for prop in graph.objects(shape, SH.property):
                if graph.value(prop, SH.deactivated) != Literal(True):
                    own += compiler.property_checks(prop, focus)
            for constraint in graph.objects(shape, SH.sparql):
                own.append(compiler.sparql_check(constraint, focus, node_shape=True))
            conditions = [
                compiler.value_condition(p, o, shape, "?this")
                for p, o in graph.predicate_objects(shape)
                if p in _VALUE_PARAMETERS
            ]
            for condition in filter(None, conditions):
                own.append(
                    Check(
                        rule=local_name(str(shape)) if isinstance(shape, URIRef) else "shape",
                        query=f"SELECT DISTINCT ?this (?this AS ?value) WHERE {{ {focus} FILTER (!{condition}) }}",
                        messages=compiler.messages(shape),
                        severity=compiler.severity(shape),
                    )
                )
            if graph.value(shape, SH.hasValue) is not None:
                raise NotCompiled("sh:hasValue on a node shape")
        except NotCompiled:
            uncompiled.append(shape)
            continue
        checks += own
    return checks, uncompiled


def focus_query(graph: Graph, shape: Node) -> str | None:
    """A subquery binding ?this to each focus node of the node shape ``shape`` once (None: no target)."""
    return _Compiler(graph).focus(shape)


@cache
def shapes() -> Graph:
    """The shapes graph (ontology/shapes.ttl), parsed once."""
    graph = Graph()
    graph.parse(SHAPES_FILE, format="turtle")
    return graph
