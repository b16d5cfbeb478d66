"""The recogniser's lexicon (kg/extract/lexicon/): well-formed data that the recogniser actually uses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.extract import lexicon
from kg.extract.lexicon import LexiconError, read_table, table, words
from kg.extract.ner import Recognizer
from kg.model.terms import is_a
from kg.model.vocab import classes

FILES = sorted(p for p in lexicon.HERE.iterdir() if p.suffix in (".txt", ".tsv"))


@pytest.fixture(scope="module")
def recognizer() -> Recognizer:
    return Recognizer()


def test_every_lexicon_file_is_read_by_the_extractor():
    code = "".join(p.read_text(encoding="utf-8") for p in Path(lexicon.__file__).parents[1].glob("*.py"))
    unused = [p.name for p in FILES if not re.search(rf"[\"']{p.stem}[\"']", code)]
    assert FILES and not unused


def test_classes_named_in_the_lexicon_are_ontology_classes():
    known = set(classes())
    named = {cls for cls, _ in table("type_words", 2).values()} | {row[0] for row in table("list_heads", 1).values()}
    assert named - known == set()
    assert {strength for _, strength in table("type_words", 2).values()} == {"strong", "weak"}
    kinds = {columns[0] for columns in table("award_triggers", 1).values()}
    assert kinds == {"won", "evaluated", "selected", "becoming"}


def test_every_strong_type_word_names_an_entity_of_its_class(recognizer):
    """鱼洞坪小学 is a primary school …; with a dictionary word before it only a category-prone word is no name."""
    prone = set(words("category_prone"))
    for word, (cls, strength) in table("type_words", 2).items():
        if strength != "strong" or is_a(cls, "Award") or word == "校区":
            continue  # weak words need a quote or a verb; awards are named after 获评 / 入选; a campus after its school
        for modifier in ("鱼洞坪", "长江"):
            found = {(m.name, m.cls) for m in recognizer.mentions(f"近日，{modifier}{word}举办开放日。")}
            expected = modifier == "鱼洞坪" or word not in prone  # 长江平台: a common noun
            assert ((modifier + word, cls) in found) == expected, (modifier, word, cls, found)


def test_every_reference_word_is_found_with_its_kind(recognizer):
    for word, (kind,) in table("references", 1).items():
        refs = [(m.name, m.ref) for m in recognizer.mentions(f"近日，{word}举办开放日。") if m.rule == "ref"]
        assert refs == [(word, kind)]


def test_a_table_line_without_its_columns_names_the_file_and_line(tmp_path):
    path = tmp_path / "type_words.tsv"
    path.write_text("# comment\n小学\tPrimarySchool\tstrong\n中学\tSecondarySchool\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"type_words\.tsv:3：中学 后面需要 2 列，实际只有 1 列"):
        read_table(path, 2)


def test_a_word_listed_twice_is_an_error_not_a_silent_override(tmp_path):
    path = tmp_path / "references.tsv"
    path.write_text("该校 school\n\n该校 college\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"references\.tsv:3：该校 重复列出"):
        read_table(path, 1)
