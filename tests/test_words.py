"""The copy of jieba's dictionary kept in the user's cache folder: the same words, and never a stale or broken one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg import user_cache
from kg.sources import words


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    words.dictionary.cache_clear()
    yield tmp_path
    words.dictionary.cache_clear()


def test_cache_gives_the_same_words(cache_home: Path) -> None:
    first = words.dictionary()  # read from jieba's file, then kept
    assert words.cache_file() == cache_home / "kg" / "jieba-dictionary-by-opening.mapped"
    assert words.cache_file().exists()
    assert not list(words.cache_file().parent.glob("*.part"))  # written by a rename: no partial file left
    words.dictionary.cache_clear()
    again = words.dictionary()  # read from the cache
    assert again == first
    assert again["学校"] == "n"
    assert again["学校"] is again["学生"]  # each tag one string, as when read from the file


def test_cache_of_another_file_is_not_used(cache_home: Path) -> None:
    words.dictionary()
    key = user_cache.file_key([words.dictionary_file()])
    assert user_cache.read_mapped(words.CACHE_NAME, key) is not None
    stale = (key[0], key[1] + 1, *key[2:])  # jieba's file has changed since
    user_cache.write_mapped(words.CACHE_NAME, stale, words._kept({"甲乙丙": "n"}))
    words.dictionary.cache_clear()
    assert "甲乙丙" not in words.dictionary()
    assert user_cache.read_mapped(words.CACHE_NAME, key) is not None  # written again for the file as it is


def test_broken_cache_is_read_past(cache_home: Path) -> None:
    words.cache_file().parent.mkdir(parents=True)
    words.cache_file().write_bytes(b"not marshal")
    assert words.dictionary()["学校"] == "n"


def test_unwritable_cache_folder_costs_only_the_reading(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = cache_home / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # the kg folder cannot be made inside a file
    assert words.dictionary()["学校"] == "n"
    assert not words.cache_file().exists()


def test_cache_of_another_shape_is_read_past(cache_home: Path) -> None:
    words.dictionary()
    key = user_cache.file_key([words.dictionary_file()])
    whole = words._kept({"学校嗯嗯学校": "n"})
    # no offsets; the text alone; offsets that say more text than there is
    for value in (b"", "n\x00学校嗯嗯学校".encode("utf-16-le"), whole[:-2]):
        user_cache.write_mapped(words.CACHE_NAME, key, value)
        words.dictionary.cache_clear()
        assert words.dictionary()["学校"] == "n"
        assert "学校嗯嗯学校" not in words.dictionary()
