"""One table of words for people: every message in Chinese and English, with the same blanks to fill."""

from __future__ import annotations

import string

import pytest

from kg.i18n import MESSAGES, current_language, text, use_language


def blanks(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_has_both_languages_and_the_same_blanks():
    wrong = [
        key
        for key, (zh, en) in MESSAGES.items()
        if not (zh.strip() and en.strip()) or not blanks(zh) <= blanks(en) or blanks(en) - blanks(zh) - {"s"}
    ]  # English alone has plurals ({s})
    assert wrong == []


def test_the_language_is_chinese_unless_chosen(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("KG_LANG", raising=False)
    assert current_language() == "zh" and text("wrote", path="x") == "已写入 x"
    with use_language("en"):
        assert text("wrote", path="x") == "wrote x"
        with use_language(None):  # keeps the current one
            assert current_language() == "en"
    assert current_language() == "zh"
    monkeypatch.setenv("KG_LANG", "en")
    assert text("search") == "Search"


def test_every_indicator_has_a_chinese_name():
    from kg.analysis.indicators import DEFINITIONS, LABELS_ZH, NOT_SUPPORTED, NOT_SUPPORTED_ZH

    assert set(LABELS_ZH) == set(DEFINITIONS) and set(NOT_SUPPORTED_ZH) == set(NOT_SUPPORTED)


def test_click_words_fill_only_blanks_click_gives():
    """The Chinese of click's messages may leave a blank out ({name} is fixed early) but never invent one."""
    from kg.i18n import CLICK

    for msgid, chinese in CLICK.items():
        assert chinese.strip(), msgid
        assert blanks(chinese) <= blanks(msgid), msgid


def test_click_messages_exist_in_click():
    """Every msgid is one click still uses: a click upgrade that rewords a message shows up here."""
    import importlib.util
    from pathlib import Path

    from kg.i18n import CLICK

    folder = Path(importlib.util.find_spec("click").origin).parent
    source = "".join(path.read_text(encoding="utf-8") for path in folder.glob("*.py"))
    missing = {msgid for msgid in CLICK if repr(msgid)[1:-1].replace("'", '"') not in source and msgid not in source}
    assert missing <= {"No such option: {name}"}, sorted(missing)  # the one older spelling kept
