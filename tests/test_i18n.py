"""One table of words for people: every message in Chinese and English, with the same blanks to fill."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

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


# Raised with English words on purpose, and why (file, a piece of the message).
ENGLISH_ALLOWED: dict[tuple[str, str], str] = {}
CLICK_ERRORS = {"UsageError", "BadParameter", "ClickException", "FileError"}


def _literal(node: ast.expr) -> str | None:
    """The words of a string literal or f-string (placeholders left out), or None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return " ".join(part.value for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, (ast.List, ast.Tuple)):
        return " ".join(filter(None, map(_literal, node.elts))) or None
    if isinstance(node, ast.BinOp):
        return " ".join(filter(None, (_literal(node.left), _literal(node.right)))) or None
    return None


def test_no_error_is_raised_with_english_words_outside_the_table():
    """Every :class:`KgError` (and click usage error) kg raises, and every plain-text answer of kg serve, takes its
    words from MESSAGES, so it follows --lang (or the request's language)."""
    root = Path(__file__).parents[1]
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted((root / "kg").rglob("*.py"))}
    errors = {"KgError"}
    while True:  # every subclass of KgError, wherever it is defined
        more = {
            node.name
            for tree in trees.values()
            for node in ast.walk(tree)
            if isinstance(node, ast.ClassDef)
            and any(getattr(base, "id", getattr(base, "attr", None)) in errors for base in node.bases)
        }
        if more <= errors:
            break
        errors |= more
    found = []
    for path, tree in trees.items():
        where = path.relative_to(root).as_posix()
        for node in ast.walk(tree):
            call = node.exc if isinstance(node, ast.Raise) else node
            if not isinstance(call, ast.Call):
                continue
            name = getattr(call.func, "id", getattr(call.func, "attr", ""))
            if getattr(call.func, "attr", "") == "text" and getattr(call.func.value, "id", "") == "Answer":
                args = call.args[1:]  # kg serve's plain-text answers: (status, message)
            elif name == "busy":
                args = call.args
            elif not isinstance(node, ast.Raise):
                continue
            elif name == "BadOptionUsage":
                args = call.args[1:]  # the first is the option's name
            elif name in errors or name in CLICK_ERRORS:
                args = call.args
            else:
                continue
            for arg in args:
                words = _literal(arg) or ""
                english = re.search(r"[A-Za-z]{3,}", re.sub(r"--?[\w-]+", "", words))
                if english and not any(where == file and piece in words for file, piece in ENGLISH_ALLOWED):
                    found.append(f"{where}:{node.lineno}: {words[:60]!r}")
    assert found == [], "\n".join(found)
