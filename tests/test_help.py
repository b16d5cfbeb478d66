"""--help of every command: Chinese by default, English with --lang en (anywhere on the line) or KG_LANG=en.

The words come from :data:`kg.i18n.HELP`; these tests walk the real command
tree, so a command or option added without its Chinese and English help fails.
"""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.i18n import HELP

# Three English words in a row: a sentence of ours left untranslated (command lines "kg …" are examples)
ENGLISH = re.compile(r"(?<!kg )\b(?!kg )[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}\b")


def commands(command: click.Command = main, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            found += commands(sub, (*path, name))
    return found


def command_at(path: tuple[str, ...]) -> click.Command:
    command: click.Command = main
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    return command


def help_of(*args: str, lang: str = "") -> str:
    result = CliRunner().invoke(main, [*args], env={"KG_LANG": lang})
    assert result.exit_code == 0, result.output
    return result.output


def summary(key: str, lang: int) -> str:
    """The first line of a command's help in the table (0: Chinese, 1: English)."""
    return HELP[key][lang].split("\n")[0]


COMMANDS = commands()
IDS = [" ".join(path) or "kg" for path in COMMANDS]


@pytest.mark.parametrize("path", COMMANDS, ids=IDS)
def test_help_is_chinese_by_default(path: tuple[str, ...]):
    text = help_of(*path, "--help")
    key = " ".join(("kg", *path))
    assert text.startswith("用法：kg") and "选项：" in text
    assert re.sub(r"\s", "", summary(key, 0)) in re.sub(r"\s", "", text)
    assert "-h, --help" in text and "显示此帮助并退出。" in text
    leftovers = [match.group() for match in ENGLISH.finditer(text)]
    assert leftovers == [], leftovers
    for english, _ in ((en, zh) for zh, en in HELP.values()):
        for sentence in re.split(r"(?<=[.;:])\s", english):
            if len(sentence) > 30 and not sentence.startswith("kg "):
                assert sentence not in text


@pytest.mark.parametrize("path", COMMANDS, ids=IDS)
def test_help_in_english(path: tuple[str, ...]):
    key = " ".join(("kg", *path))
    for text in (help_of("--lang", "en", *path, "--help"), help_of(*path, "--help", lang="en")):
        assert text.startswith("Usage: kg") and "Options:" in text and "Show this message and exit." in text
        assert " ".join(summary(key, 1).split()[:6]) in " ".join(text.split())
        assert "用法" not in text and "选项：" not in text


def test_lang_anywhere_on_the_line():
    assert help_of("build", "--help", "--lang", "en").startswith("Usage: kg build")
    assert help_of("build", "--lang=en", "--help").startswith("Usage: kg build")
    assert help_of("--lang", "en", "build", "--lang", "zh", "--help").startswith("用法：kg build")  # the last wins


def test_every_command_and_option_has_its_help_in_the_table_and_every_entry_is_used():
    """No English text given in kg/cli.py is shown: each command and visible option finds its words in HELP."""
    used: set[str] = set()
    for path in COMMANDS:
        command = command_at(path)
        key = " ".join(("kg", *path))
        assert key in HELP, key
        used.add(key)
        for param in command.get_params(click.Context(command)):
            if not isinstance(param, click.Option) or param.hidden:
                continue
            name = next(opt for opt in param.opts if opt.startswith("--"))
            found = f"{key} {name}" if f"{key} {name}" in HELP else name
            assert found in HELP, f"{key} {name}"
            used.add(found)
    assert set(HELP) - used == set(), "entries no command uses"


def test_the_group_lists_each_command_with_its_chinese_summary():
    text = help_of("--help")
    assert "命令：" in text
    for name in main.commands:  # type: ignore[attr-defined]
        line = next(line for line in text.splitlines() if line.strip().startswith(name + " "))
        assert summary(f"kg {name}", 0)[:8] in line


def test_help_fits_the_terminal_by_display_width():
    from kg.text import display_width

    text = CliRunner().invoke(main, ["export", "--help"], env={"KG_LANG": "", "COLUMNS": "80"}).output
    prose = [line for line in text.splitlines() if not line.lstrip().startswith(("kg ", "--format [", "用法"))]
    assert max(display_width(line) for line in prose) <= 80
