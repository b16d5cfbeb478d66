"""The notebooks in notebooks/ run from top to bottom, and are committed without outputs."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


def _text(notebook: nbformat.NotebookNode) -> str:
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.extend(str(v) for v in output.get("data", {}).values())
    return "\n".join(parts)


def test_there_is_a_walkthrough():
    assert [p.name for p in NOTEBOOKS] == ["walkthrough.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path: Path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path: Path, tmp_path: Path):
    notebook = nbformat.read(path, as_version=4)
    # A real kernel runs every cell; any exception fails the test with the cell's traceback.
    NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    text = _text(notebook)
    assert "146 entities, 151 relations, 55 indicators from 2 documents" in text  # + 2 namesake links
    assert "巴南职教中心  长安汽车" in text  # the 产教融合 question
    assert "路径 1（2 跳）：重庆理工大学 — 巴南区 — 重庆高职城" in text  # Chinese unless KG_LANG=en
    assert "教育–产业联系" in text and "政府发起" in text
    assert "&lt;svg" in text  # the comparison report with its charts, inline
    assert text.count("<iframe srcdoc=") == 2  # the report and the interactive graph (kg.outputs.viz), inline
    assert "id=&quot;kg-data&quot;" in text  # the graph page's data
    assert "triples written to https://w3id.org/kg-cityedu/graph/analysis" in text
    assert not list(tmp_path.iterdir())  # its store lives in a temporary folder it removes; nothing lands here
