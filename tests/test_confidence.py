"""The confidence model: which entities no fact uses are described (kg.extract.confidence)."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.extract.confidence import MODEL_FILE, THRESHOLD, Confidence, bundled, everything, unjudged
from kg.extract.gazetteer import Gazetteer
from kg.extract.ner import SUFFIXES
from kg.extract.pipeline import Extractor
from kg.sources.documents import Article

FIXTURES = Path(__file__).parent / "fixtures"
SIGNING = "青川职业技术学院积极广泛与地方政府开展交流。青川职业技术学院与星海科技有限公司签署校企合作协议。"


def labels(extractor: Extractor, text: str, **meta: str) -> set[str]:
    return {e.label for e in extractor.extract(Article(id="t", title="", text=text, **meta)).entities}


def test_a_fragment_no_fact_uses_is_left_out_and_every_name_a_fact_uses_is_kept():
    found = labels(Extractor(Gazetteer()), SIGNING)
    assert found == {"青川职业技术学院", "星海科技有限公司"}
    # the rules alone name the fragment too: the model leaves it out
    assert "广泛与地方政府" in labels(Extractor(Gazetteer(), confidence=everything()), SIGNING)


def test_schools_listed_without_a_fact_are_kept_and_programs_are_not_judged():
    text = "青川市教育局组织开展“青苗护航”行动。江北中学、渝南小学参加。"
    assert {"江北中学", "渝南小学", "“青苗护航”行动"} <= labels(Extractor(Gazetteer()), text)
    assert {"Initiative", "Conference", "Course"} <= unjudged()
    assert "School" not in unjudged()
    # a model that leaves out every name it judges still keeps a program and an event no fact uses
    strict = Confidence({}, intercept=-60.0, threshold=0.5)
    text = "青川市教育局开展“青苗护航”行动。江北中学举行开学典礼。"
    found = {
        e.label: e
        for e in Extractor(Gazetteer(), confidence=everything()).extract(Article(id="t", title="", text=text)).entities
    }
    assert not strict.keeps(found["江北中学"], text, "")
    assert strict.keeps(found["“青苗护航”行动"], text, "")


def test_the_articles_own_district_is_kept_where_the_text_names_it():
    text = "近日，青川职业技术学院与星海科技有限公司签署校企合作协议。学校还将走访星海新区。"
    assert "星海新区" not in labels(Extractor(Gazetteer()), text)  # a place in passing: the model leaves it out
    assert "星海新区" in labels(Extractor(Gazetteer()), text, district="星海新区")  # the sidecar's district


def test_a_county_level_division_named_in_full_is_kept_though_no_fact_uses_it():
    # (the guide of round 36 names every place: its sets register most county-level names their texts hold)
    found = labels(Extractor(Gazetteer()), "来自涪城区、游仙区、安州区的120名家长参加了活动。")
    assert {"游仙区", "安州区"} <= found
    assert not labels(Extractor(Gazetteer()), "活动吸引了多个城区的家长参加。")  # a common word, no division


def test_a_framework_no_fact_uses_is_no_entity_and_one_a_fact_uses_is():
    # “1+6+3”工作体系, “名校+”发展模式: a way of working the text describes (the guide of round 36's sets: no entity)
    text = "青川市构建“1+6+3”工作体系，推广“名校+”发展模式。"
    assert not labels(Extractor(Gazetteer()), text) & {"“1+6+3”工作体系", "“名校+”发展模式"}
    found = labels(Extractor(Gazetteer()), "青川区教委完善“学校—家庭—社会”协作体系。")  # a fact uses it
    assert "“学校—家庭—社会”协作体系" in found


def test_a_long_text_read_block_by_block_keeps_what_one_block_keeps():
    text = "\n\n".join([SIGNING, "青川市教育局组织开展“青苗护航”行动。江北中学、渝南小学参加。"] * 3)
    whole = labels(Extractor(Gazetteer()), text)
    assert labels(Extractor(Gazetteer(), block=60), text) == whole
    assert "广泛与地方政府" not in whole


def test_the_bundled_model_reads_only_the_rules_vocabulary_and_counts():
    model = bundled()
    assert model.threshold == THRESHOLD  # (fitted with the default)
    assert model.about["documents"] > 100  # fitted on the annotated sets outside the repository
    from kg.model.terms import classes

    type_words = {word for word, _cls, _strength in SUFFIXES}
    record = Confidence({}, threshold=0.0, seen=[])
    Extractor(Gazetteer(), confidence=record).extract(Article(id="t", title="", text=SIGNING))
    prefixed = ("sfx=", "cls=", "rule=", "sfxstr=", "has")
    plain = {name for _label, found in record.seen for name in found if not name.startswith(prefixed)}
    for name in model.weights:  # a word of the ontology, the lexicon or the rules, never one of the fitted texts
        kind, _, value = name.partition("=") if name.startswith(prefixed) else (name, "", "")
        if kind == "sfx":
            assert value in type_words, name
        elif kind == "cls":
            assert value in classes(), name
        elif kind == "rule":
            assert re.fullmatch(r"[a-z]+(-[a-z]+)*", value), name
        elif kind == "sfxstr":
            assert value in ("strong", "weak"), name
        elif name.startswith("has"):
            assert len(name) == 4, name
        else:
            assert name in plain | {"digit", "latin", "first_func", "last_func", "intitle", "mknown", "nosfx"}, name


def test_min_confidence_chooses_the_threshold(tmp_path: Path):
    source = tmp_path / "signing.txt"
    source.write_text(SIGNING, encoding="utf-8")
    runner = CliRunner()
    kept = runner.invoke(main, ["extract", str(source), "--format", "jsonl", "--min-confidence", "0"])
    default = runner.invoke(main, ["extract", str(source), "--format", "jsonl"])
    assert kept.exit_code == default.exit_code == 0, kept.output + default.output
    named = [
        {json.loads(line)["label"] for line in result.stdout.splitlines() if json.loads(line)["type"] == "entity"}
        for result in (kept, default)
    ]
    assert "广泛与地方政府" in named[0] and "广泛与地方政府" not in named[1]
    bad = runner.invoke(main, ["extract", str(source), "--min-confidence", "2"])
    assert bad.exit_code == 2 and "--min-confidence" in bad.output and "Traceback" not in bad.output


def test_fit_confidence_writes_a_model_that_extraction_and_eval_read(tmp_path: Path):
    pytest.importorskip("sklearn")  # (the train extra; the test extra installs it)
    out = tmp_path / "model.json"
    runner = CliRunner()
    fitted = runner.invoke(
        main,
        ["extract", "--fit-confidence", str(FIXTURES / "extract_gold"), "--fit-confidence", "data", "--out", str(out)],
    )
    assert fitted.exit_code == 0, fitted.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["threshold"] == THRESHOLD and data["about"]["folders"] == 2 and data["weights"]
    model = Confidence.load(out)
    evaluated = runner.invoke(
        main, ["extract", "--eval", str(FIXTURES / "extract_gold"), "--confidence-model", str(out)]
    )
    assert evaluated.exit_code == 0 and "F1" in evaluated.output, evaluated.output
    broken = tmp_path / "broken.json"
    broken.write_text('{"weights": [1, 2]}', encoding="utf-8")
    failed = runner.invoke(
        main, ["extract", str(FIXTURES / "normalize" / "simplified.txt"), "--confidence-model", str(broken)]
    )
    assert failed.exit_code == 1 and "broken.json" in failed.output and "Traceback" not in failed.output
    assert labels(Extractor(Gazetteer(), confidence=model), SIGNING) >= {"青川职业技术学院", "星海科技有限公司"}
    # fitting takes folders and an output file only
    mixed = runner.invoke(main, ["extract", "--fit-confidence", str(FIXTURES / "extract_gold"), str(out)])
    assert mixed.exit_code == 2 and "--fit-confidence" in mixed.output
    # a folder whose entities no fact uses are all right (or none) gives nothing to fit: one line, no traceback
    alone = runner.invoke(main, ["extract", "--fit-confidence", str(FIXTURES / "extract_gold"), "--out", str(out)])
    assert alone.exit_code == 1 and "Traceback" not in alone.output and len(alone.output.strip().splitlines()) == 1
    assert MODEL_FILE.exists()
