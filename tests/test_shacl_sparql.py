"""The shapes compiled to SPARQL find exactly what pyshacl finds; a shape that does not compile goes to pyshacl."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

from kg.outputs.shacl_sparql import compile_shapes, not_exists_as_minus, shapes
from kg.outputs.validate import data_graph, load_file, validate_graph, validate_in_store

from .test_validate import BROKEN, valid_graph, write


def _same(store, lang: str = "en", shapes_graph: Graph | None = None) -> list[tuple]:
    new = validate_in_store(store, lang=lang, shapes_graph=shapes_graph)
    old = validate_graph(data_graph(store), lang=lang, shapes_graph=shapes_graph)
    assert new.triples == old.triples
    assert new.violations == old.violations
    return new.violations


def test_every_bundled_shape_compiles():
    checks, uncompiled = compile_shapes(shapes())
    assert uncompiled == []
    assert {c.rule for c in checks} == {
        local for local in ("ChineseLabel", "OneLabelPerLanguage", "HasEntityClass", "OneMostSpecificClass",
                            "RelationEndClass", "RelationHasAssertion", "AssertionSubject", "AssertionPredicate",
                            "AssertionObject", "Evidence", "Source", "IndicatorValue", "IndicatorUnit",
                            "IndicatorMeasure", "IndicatorOf", "DistrictAttribute", "CityAttribute")
    }  # fmt: skip


@pytest.mark.parametrize("rule", sorted(BROKEN))
def test_the_compiled_shapes_find_what_pyshacl_finds(rule: str, tmp_path: Path):
    graph = valid_graph()
    BROKEN[rule][1](graph)
    violations = _same(load_file(write(graph, tmp_path / f"{rule}.ttl")), lang="zh")
    assert {v.rule for v in violations} == {rule}


def test_every_rule_broken_at_once(tmp_path: Path):
    graph = valid_graph()
    for _, mutation in BROKEN.values():
        mutation(graph)
    violations = _same(load_file(write(graph, tmp_path / "all.ttl")))
    # two mutations undo each other's label problems (an English label, then a second Chinese one)
    assert {v.rule for v in violations} == set(BROKEN) - {"ChineseLabel", "OneLabelPerLanguage"}


def test_a_shape_that_does_not_compile_is_left_to_pyshacl(tmp_path: Path):
    extra = Graph()
    for triple in shapes():
        extra.add(triple)
    kgsh = "https://w3id.org/kg-cityedu/shapes#"
    # sh:minLength is not compiled: the shape holding it goes to pyshacl, on its focus nodes only
    shape, prop = URIRef(kgsh + "ShortNames"), URIRef(kgsh + "LongLabel")
    extra.add((shape, SH.targetClass, URIRef("https://w3id.org/kg-cityedu/ontology#Company")))
    extra.add((shape, SH.property, prop))
    extra.add((prop, SH.path, URIRef("http://www.w3.org/2000/01/rdf-schema#label")))
    extra.add((prop, SH.minLength, Literal(4)))
    extra.add((prop, SH.message, Literal("名称太短", lang="zh")))
    _, uncompiled = compile_shapes(extra)
    assert uncompiled == [shape]
    violations = _same(load_file(write(valid_graph(), tmp_path / "valid.ttl")), shapes_graph=extra)
    assert [(v.label, v.rule, v.value) for v in violations] == [("某公司", "LongLabel", "某公司")]


def test_not_exists_stays_where_minus_would_differ():
    optional = "SELECT ?this WHERE { ?this a ?c OPTIONAL { ?this ?p ?o } FILTER NOT EXISTS { ?o a ?c } }"
    assert not_exists_as_minus(optional) == optional
    only_in_filter = "SELECT ?this WHERE { ?this a ?c . FILTER NOT EXISTS { ?this ?p ?o FILTER (?o != ?c) } }"
    assert not_exists_as_minus(only_in_filter) == only_in_filter
    one_branch = "SELECT ?this WHERE { ?this a ?c . FILTER NOT EXISTS { { ?this ?p ?c } UNION { ?x ?p ?y } } }"
    assert not_exists_as_minus(one_branch) == one_branch


def test_a_lookup_of_bound_variables_stays_not_exists():
    """MINUS hashes every triple its pattern matches (every rdf:type triple for { ?this a ?value }: 907 MB
    at 10^5 entities); one triple pattern whose variables are all bound is an index probe per row instead."""
    probe = "SELECT ?this WHERE { ?this ?p ?o . ?p rdfs:domain ?c . FILTER NOT EXISTS { ?this a ?c } }"
    assert not_exists_as_minus(probe) == probe
    join = "SELECT ?this WHERE { ?this a ?c . FILTER NOT EXISTS { ?this a ?d . ?d rdfs:subClassOf ?c } }"
    assert "MINUS" in not_exists_as_minus(join)
    checks, _ = compile_shapes(shapes())
    ends = [c.query for c in checks if c.rule == "RelationEndClass"]
    assert ends
    assert all("FILTER NOT EXISTS { ?this a ?value }" in q and "MINUS { ?this a ?value }" not in q for q in ends)
