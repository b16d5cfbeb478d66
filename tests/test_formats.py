"""One format table: every command that reads or writes RDF takes the same names and aliases for the same format."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.outputs.validate import load_file
from kg.store import formats
from kg.store.embedded import Store

SPELLINGS = [(f.name, spelling) for f in formats.FORMATS if f.kind == "rdf" for spelling in (f.name, *f.aliases)]
ONE_TRIPLE = "CONSTRUCT { ?s a ?c } WHERE { ?s a ?c ; rdfs:label ?l } ORDER BY ?s LIMIT 3"


@pytest.mark.parametrize(("name", "spelling"), SPELLINGS)
def test_load_export_query_and_validate_agree_on_every_rdf_format(
    store_path: Path, tmp_path: Path, name: str, spelling: str
):
    runner = CliRunner()
    out = tmp_path / "graph.data"  # no telling extension: the format option must do it
    exported = runner.invoke(
        main, ["export", "--store", str(store_path), "--format", spelling, "--district", "巴南区", "--out", str(out)]
    )
    assert exported.exit_code == 0, exported.output
    loaded = runner.invoke(main, ["load", "--store", str(tmp_path / "s"), "--format", spelling, str(out)])
    assert loaded.exit_code == 0, loaded.output
    with Store(tmp_path / "s", read_only=True) as copy:
        assert len(copy) > 100
    queried = runner.invoke(main, ["query", "--store", str(store_path), "--format", spelling, ONE_TRIPLE])
    assert queried.exit_code == 0, queried.output
    assert load_file(out, spelling) is not None  # kg validate --data reads it with the same name


def test_an_unknown_format_is_named_with_the_choices_of_that_command(store_path: Path):
    result = CliRunner().invoke(main, ["load", "--format", "yaml", "x.ttl"])
    assert result.exit_code == 2 and "turtle" in result.output
    with pytest.raises(formats.FormatError, match=r"--format：未知格式 'yaml'；可选：turtle, trig"):
        formats.find("yaml", formats.RDF)


def test_no_module_keeps_its_own_format_table():
    """pyoxigraph's format members are named in kg/store/formats.py only."""
    package = Path(__file__).resolve().parents[1] / "kg"
    offenders = []
    for path in package.rglob("*.py"):
        if path.name == "formats.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            # a member (ox.RdfFormat.TURTLE) names a format; the bare enum in a type hint does not
            enum = node.value if isinstance(node, ast.Attribute) else None
            if isinstance(enum, ast.Attribute) and enum.attr in {"RdfFormat", "QueryResultsFormat"}:
                offenders.append(f"{path.relative_to(package)}:{node.lineno}")
    assert not offenders, offenders
