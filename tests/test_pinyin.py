"""kg.model.pinyin spells as pypinyin does: the table kept is what pypinyin writes, and every word, every
character and mixed texts come out as ``pypinyin.lazy_pinyin`` gives them (IRIs are spelled so: kg.model.vocab.slug)."""

from __future__ import annotations

import random
import re

from pypinyin import lazy_pinyin
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

from kg import user_cache
from kg.model.pinyin import build_table, syllables, table_text
from kg.store.search import pinyin_keys


def alphanumeric(chars: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9]+", chars)  # what slug gives for what has no pinyin


def expected(text: str) -> list[str]:
    return [s for s in lazy_pinyin(text, errors=alphanumeric) if s]


def test_the_table_is_what_pypinyin_writes():
    assert table_text() == build_table()


def test_every_word_and_character_as_pypinyin_spells_it():
    characters = "".join(map(chr, PINYIN_DICT))
    wrong = [w for w in [*PHRASES_DICT, *characters] if syllables(w, alphanumeric) != expected(w)]
    assert not wrong, wrong[:20]


def test_mixed_texts_are_cut_as_pypinyin_cuts_them():
    """Words, their prefixes and characters run together, with Latin letters, digits, punctuation and characters
    pypinyin has no pinyin for: the segmentation (longest word from each position, its quirk at a run's end
    included) decides which reading a character gets."""
    rng = random.Random(17)
    words = sorted(PHRASES_DICT)
    prefixes = sorted({w[: rng.randrange(1, len(w))] for w in rng.sample(words, 5000)})
    characters = [chr(c) for c in sorted(PINYIN_DICT)][:30000]
    others = ["ICT", "5G", "，", "、", " ", "（", "A-1", "\U0002a6d6", "\ue900", "ā"]
    for _ in range(20000):
        pieces = [
            rng.choice((words, words, prefixes, characters, others)[rng.randrange(5)])
            for _ in range(rng.randrange(1, 7))
        ]
        text = "".join(pieces)
        assert syllables(text, alphanumeric) == expected(text), text


def test_search_keys_as_pypinyin_spells_them():
    """The search index's keys: pypinyin's syllables with what has no pinyin left out (errors="ignore")."""
    rng = random.Random(12)
    words = sorted(PHRASES_DICT)
    for _ in range(3000):
        pieces = [*rng.sample(words, 3), "ICT", "，", "第3", chr(0x4E00 + rng.randrange(20000)), "\U0002a6d6"]
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 7)))
        spelled = [s.lower() for s in lazy_pinyin(text, errors="ignore") if s.strip()]
        whole, short = "".join(spelled), "".join(s[0] for s in spelled)
        assert pinyin_keys(text) == (f"{whole} {short}" if whole else ""), text


def test_the_table_is_kept_in_the_cache_folder(tmp_path, monkeypatch):
    """The first start builds the table from pypinyin and keeps it; the next reads it back, building nothing."""
    import kg.model.pinyin as pinyin

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = table_text()
    assert (tmp_path / "kg" / user_cache.own(pinyin.TABLE_CACHE)).exists()

    def not_again() -> str:
        raise AssertionError("built again")

    monkeypatch.setattr(pinyin, "build_table", not_again)
    assert table_text() == built
