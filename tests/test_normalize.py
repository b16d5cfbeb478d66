"""Normalisation before matching: traditional characters, ASCII punctuation and invisible characters
give the entities of the simplified, full-width text, with offsets and evidence from the original.

The fixtures (tests/fixtures/normalize) are one press release written for these tests and its twins.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.gazetteer import Gazetteer, Known
from kg.extract.normalize import normalize
from kg.extract.pipeline import Extractor, extract_file, records
from kg.model.names import entity_iri  # (as text: what extraction gives)
from kg.sources.documents import Article

FIXTURES = Path(__file__).parent / "fixtures" / "normalize"
TWINS = ["traditional.txt", "corner_quotes.txt", "ascii_punctuation.txt", "invisible.txt", "pinyin.txt"]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(Gazetteer())


def found(extractor: Extractor, name: str) -> set[tuple[str, str]]:
    (extraction,) = extract_file(FIXTURES / name, extractor=extractor)
    return {(e.label, e.cls) for e in extraction.entities if e.mentions}


def relations(extractor: Extractor, name: str) -> set[tuple[str, str, str]]:
    (extraction,) = extract_file(FIXTURES / name, extractor=extractor)
    return {(r.subject.label, r.predicate, r.object.label) for r in extraction.relations}


@pytest.mark.parametrize("twin", TWINS)
def test_twin_gives_the_same_entities_and_relations(extractor: Extractor, twin: str) -> None:
    simplified = found(extractor, "simplified.txt")
    assert ("华为技术有限公司", "Company") in simplified
    assert ("渝北职业教育中心", "SecondaryVocationalSchool") in simplified
    assert found(extractor, twin) == simplified
    assert relations(extractor, twin) == relations(extractor, "simplified.txt")


@pytest.mark.parametrize("twin", [*TWINS, "simplified.txt"])
def test_offsets_and_evidence_point_into_the_original_text(extractor: Extractor, twin: str) -> None:
    (extraction,) = extract_file(FIXTURES / twin, extractor=extractor)
    text = extraction.article.text
    assert extraction.relations
    for record in records(extraction):
        if record["type"] == "relation":
            assert record["evidence"] == text[record["start"] : record["end"]]
            assert 0 <= record["start"] < record["end"] <= len(text)
        if record["type"] == "entity":
            for mention in record["mentions"]:
                assert mention["text"] == text[mention["start"] : mention["end"]]
                assert mention["text"].strip()
    # the original spelling is what the evidence quotes
    evidence = {text[r.start : r.end] for r in extraction.relations}
    if twin in ("traditional.txt", "corner_quotes.txt"):
        assert any("華" in e for e in evidence)
    if twin == "invisible.txt":
        assert any("\u200b" in e for e in evidence)


def test_a_known_traditional_name_is_found_in_simplified_text() -> None:
    iri = entity_iri("華為技術有限公司")
    gazetteer = Gazetteer([("華為技術有限公司", Known("華為技術有限公司", "Company", iri))])
    (extraction,) = extract_file(FIXTURES / "simplified.txt", extractor=Extractor(gazetteer))
    assert any(e.iri == iri for e in extraction.entities if e.mentions)


def test_simplified_text_is_left_alone() -> None:
    """乾 in a person's name is not turned into 干: only a traditional text is converted."""
    text = "叶乾奎同学获得一等奖，学校举办运动会。"
    assert normalize(text).text == text
    assert normalize(text).identity


def test_offset_map_skips_dropped_characters() -> None:
    original = "华\u200b为\u202e公司，签约."
    normalized = normalize(original)
    assert normalized.text == "华为公司，签约。"
    start, end = normalized.text.index("华为公司"), normalized.text.index("华为公司") + 4
    assert original[normalized.start(start) : normalized.end(end)] == "华\u200b为\u202e公司"


def test_corner_brackets_are_the_quotation_marks_of_simplified_text() -> None:
    text = "星海学院举行『校企共建·产教互融』论坛，主题为「学习『工匠』精神」。"
    assert normalize(text).text == "星海学院举行“校企共建·产教互融”论坛，主题为“学习‘工匠’精神”。"


def test_two_hyphens_between_chinese_characters_are_a_dash():
    assert normalize("赴江北电商孵化基地--远帆科技有限公司调研").text == "赴江北电商孵化基地——远帆科技有限公司调研"
    assert normalize("型号A--B").text == "型号A--B"  # (between Latin letters: as written)


def test_a_pinyin_gloss_with_a_space_before_its_bracket_is_dropped():
    # 總工會(huì ): some mirrors write a space after the syllable
    normalized = normalize("市總工會(huì )、發(fā)改委出席。")
    assert normalized.text == "市总工会、发改委出席。"
    assert normalized.original[normalized.start(3) : normalized.end(5)] == "會(huì )、"


def test_a_supplementary_radical_written_for_a_whole_character_is_that_character(extractor):
    # 山⻄省 (U+2EC4 for 西), which NFKC leaves alone: the province's name, and the bureau's
    text = "近日，山⻄省教育厅印发了通知，⻩河职业学院入选。"
    assert normalize(text).text == "近日，山西省教育厅印发了通知，黄河职业学院入选。"
    extraction = extractor.extract(Article(id="t", title="", text=text, district="", city=""))
    assert {"山西省教育厅", "黄河职业学院"} <= {e.label for e in extraction.entities}


def test_a_variant_form_of_ji_joins_two_events_as_ji_does(extractor):
    # 曁 for 暨, which t2s keeps: 某某会议曁某某论坛 is one joined event, named with 暨, its source cut verbatim
    text = "2021年度青川省汽车职业教育集团工作会议曁汽车职业教育高质量发展论坛在江北职业学院举行。"
    normalized = normalize(text)
    assert "会议暨汽车" in normalized.text and normalized.identity
    assert normalize("與陜西青川職業技術學院簽約").text == "与陕西青川职业技术学院签约"  # 陜, a variant of 陝
    extraction = extractor.extract(Article(id="t", title="", text=text, district="", city=""))
    labels = {e.label for e in extraction.entities}
    assert "2021年度青川省汽车职业教育集团工作会议暨汽车职业教育高质量发展论坛" in labels
    assert not any(label.startswith(("曁", "暨")) for label in labels)
