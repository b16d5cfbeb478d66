"""Write ``kg/model/pinyin.txt``, the pinyin table :mod:`kg.model.pinyin` spells names with (run by hand).

    python tools/make_pinyin_table.py [--out kg/model/pinyin.txt]

Everything is read from the installed pypinyin and spelled by pypinyin itself:
its character class of Chinese characters (``RE_HANS``), the pinyin
(``Style.NORMAL``) of every word of its phrase dictionary and of every such
character of its character dictionary, and every proper prefix of its words
(what its forward maximum-matching segmenter looks up).  Importing pypinyin
reads and indexes both dictionaries, about 0.8 G instructions, a tenth of
``kg extract``'s start; the table loads in a small fraction of that.
"""

from __future__ import annotations

import argparse
from importlib.metadata import version
from pathlib import Path

from pypinyin import lazy_pinyin
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS

from kg.model.pinyin import SEPARATOR, TABLE_FILE


def spelled(word: str) -> str:
    """pypinyin's syllables of ``word`` taken whole (one word of its segmentation), space-separated."""
    syllables = lazy_pinyin([word], errors=lambda chars: [])
    assert not any(" " in s or "\n" in s for s in syllables), word
    return " ".join(s for s in syllables if s)


def table() -> str:
    pattern = RE_HANS.pattern
    assert pattern.startswith("^(?:[") and pattern.endswith("])+$"), pattern
    han = RE_HANS.pattern[len("^(?:") : -len(")+$")]
    # every phrase is two characters or more: a segment of one character is never a phrase (kg.model.pinyin)
    assert all(len(word) > 1 for word in PHRASES_DICT)
    phrases = sorted(PHRASES_DICT)
    characters = sorted(c for c in map(chr, PINYIN_DICT) if RE_HANS.match(c))
    prefixes = sorted({word[:i] for word in phrases for i in range(1, len(word))} - set(phrases))
    assert not any("\n" in word for word in phrases + prefixes)
    header = f"# written by tools/make_pinyin_table.py from pypinyin {version('pypinyin')}; do not edit"
    sections = [
        header,
        han,
        "\n".join(phrases),
        "\n".join(map(spelled, phrases)),
        "".join(characters),
        "\n".join(map(spelled, characters)),
        "\n".join(prefixes),
    ]
    return SEPARATOR.join(sections) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TABLE_FILE)
    args = parser.parse_args()
    args.out.write_text(table(), encoding="utf-8")


if __name__ == "__main__":
    main()
