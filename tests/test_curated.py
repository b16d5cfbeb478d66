"""The curated graph: evidence is verbatim, relation ends exist, errors name file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from kg.model.vocab import DATA_DIR, KGR, classes, entity_iri, relation_properties
from kg.sources.curated import CurationError, load_curated

CURATED = DATA_DIR / "curated"


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _document_files() -> list[Path]:
    return sorted(p for p in CURATED.glob("*.yaml") if p.name != "entities.yaml")


def test_every_evidence_string_occurs_verbatim_in_its_cleaned_source():
    checked = 0
    for path in _document_files():
        data = _yaml(path)
        text = (DATA_DIR / "documents" / f"{data['document']}.txt").read_text(encoding="utf-8")
        for item in [*data.get("relations", []), *data.get("indicators", [])]:
            assert item["evidence"] in text, f"{path.name}: {item['evidence'][:30]}"
            checked += 1
    assert checked >= 200


def test_every_relation_end_is_an_entity_with_a_class():
    entities = {e["label"]: e["class"] for e in _yaml(CURATED / "entities.yaml")["entities"]}
    assert set(entities.values()) <= set(classes())
    properties = relation_properties()
    for path in _document_files():
        for relation in _yaml(path)["relations"]:
            assert relation["subject"] in entities and relation["object"] in entities, relation
            assert relation["predicate"] in properties


def test_indicators_carry_value_unit_measure_and_approximation():
    data = _yaml(CURATED / "banan-d85cd3f1.yaml")
    (enterprises,) = [i for i in data["indicators"] if i["subject"] == "重庆高职城" and i["measure"] == "企业"]
    assert (enterprises["value"], enterprises["unit"], enterprises["qualifier"]) == (200, "家", "余")
    (graduates,) = [i for i in data["indicators"] if i["subject"] == "重庆高职城" and "毕业生" in i["measure"]]
    assert graduates["value"] == 50000 and graduates["qualifier"] == "余"


def test_identifiers_are_readable_and_stable():
    data = load_curated(DATA_DIR)
    assert data.entities["重庆理工大学"].iri == KGR["chong-qing-li-gong-da-xue"]
    assert data.entities["巴南区"].iri == KGR["ba-nan-qu"]
    assert entity_iri("华为ICT实训基地") == KGR["hua-wei-ict-shi-xun-ji-di"]
    assert load_curated(DATA_DIR).entities["重庆理工大学"].iri == data.entities["重庆理工大学"].iri


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    shutil.copytree(DATA_DIR / "documents", tmp_path / "documents")
    shutil.copytree(CURATED, tmp_path / "curated")
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_dangling_label_names_file_and_line(data_copy: Path):
    path = data_copy / "curated" / "banan-d85cd3f1.yaml"
    _edit(path, "subject: 巴南职教中心", "subject: 巴南职教中心X")
    with pytest.raises(CurationError) as error:
        load_curated(data_copy)
    (problem,) = error.value.problems
    line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "巴南职教中心X" in text)
    assert problem == f"{path}:{line}：subject '巴南职教中心X' 不是实体名称"


def test_evidence_that_is_not_verbatim_is_refused(data_copy: Path):
    path = data_copy / "curated" / "dazu-d85cd3f1.yaml"
    _edit(path, "evidence: ", "evidence: 改写过的")
    with pytest.raises(CurationError, match=r"dazu-d85cd3f1\.yaml:\d+：证据句与文档原文不一致"):
        load_curated(data_copy)


def test_unknown_class_and_yaml_syntax_errors_are_one_line_each(data_copy: Path):
    entities = data_copy / "curated" / "entities.yaml"
    _edit(entities, "class: University", "class: Universe")
    with pytest.raises(CurationError, match=r"entities\.yaml:\d+：.*未知类别 'Universe'"):
        load_curated(data_copy)
    entities.write_text("entities:\n  - label: [unclosed\n", encoding="utf-8")
    with pytest.raises(CurationError, match=r"entities\.yaml:\d+：YAML 语法错误"):
        load_curated(data_copy)
