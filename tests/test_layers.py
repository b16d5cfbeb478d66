"""The packages are layers: a lower layer never imports a higher one, and the store layer loads no NetworkX."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kg"
# Lowest first.  Modules directly under kg/ other than cli.py are foundations.
LAYERS = ("kg.errors", "kg.text", "kg.model", "kg.store", "kg.sources", "kg.extract", "kg.analysis", "kg.outputs",
          "kg.web", "kg.sparql", "kg.cli")  # fmt: skip


def layer_of(module: str) -> int:
    """Index in :data:`LAYERS` of the longest layer name that ``module`` is or lies under."""
    matches = [i for i, name in enumerate(LAYERS) if module == name or module.startswith(name + ".")]
    if not matches:
        return 0  # kg, kg.__init__: the version only
    return max(matches, key=lambda i: len(LAYERS[i]))


def imports(path: Path) -> list[tuple[str, int]]:
    """(kg module imported, line) for every import in a file, lazy ones inside functions included."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kg"):
            found += [(node.module, node.lineno)]
            found += [(f"{node.module}.{a.name}", node.lineno) for a in node.names if node.module == "kg"]
        elif isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names if a.name.startswith("kg")]
    return found


def test_no_layer_imports_a_higher_one():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        for imported, line in imports(path):
            if layer_of(imported) > layer_of(module):
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{line} ({module}) imports {imported}")
    assert not offenders, "\n".join(offenders)


def test_every_package_is_a_layer():
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert {f"kg.{p}" for p in packages} <= set(LAYERS)


@pytest.mark.parametrize("module", ["kg.store", "kg.store.embedded", "kg.store.remote", "kg.store.load", "kg.cli"])
def test_the_store_layer_and_the_command_line_load_no_networkx(module: str):
    loaded = "print('networkx' in sys.modules, 'pypinyin' in sys.modules and {module!r} == 'kg.cli')"
    code = f"import sys, {module}; " + loaded.format(module=module)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]


# Each concept of issue 12 has one home; a second copy shows as its telltale in another module.
HOMES = {
    r"east_asian_width": "kg/text.py",  # display width of Chinese text
    r"[\"']#[0-9a-fA-F]{6}[\"']": "kg/model/styles.py",  # colours
    r"\"KG_(STORE|ENDPOINT|UPDATE_ENDPOINT)\"": "kg/store/__init__.py",  # which store to open
    r"for wanted in \(lang": "kg/model/terms.py",  # choosing a label in a language
}


@pytest.mark.parametrize("telltale", sorted(HOMES))
def test_each_concept_has_one_home(telltale: str):
    pattern = re.compile(telltale)
    found = {
        str(path.relative_to(PACKAGE.parent))
        for path in PACKAGE.rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    }
    assert found == {HOMES[telltale]}
