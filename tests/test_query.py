"""`kg query`: the bundled queries' answers on the bundled data, every output format, errors and parameters."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from kg.cli import main
from kg.i18n import use_language
from kg.model.vocab import KGR
from kg.sparql.query import bundled_queries, query_bindings, read_query, run, table_cells, write_result
from kg.store.embedded import Store
from kg.store.sparql_text import QueryError, QuerySyntaxError, with_values

COMPANIES = "SELECT ?company ?label WHERE { ?company a kg:Company ; rdfs:label ?label } ORDER BY ?label"
CONSTRUCT = "CONSTRUCT { ?c a kg:Company ; rdfs:label ?l } WHERE { ?c a kg:Company ; rdfs:label ?l }"


def answer(store: Store, name: str, **params: str) -> list[dict[str, str]]:
    """Rows of a bundled query as {variable: displayed value}."""
    text, query = read_query(name)
    header, cells = table_cells(run(store, text, query_bindings(store, query, params)))
    return [dict(zip(header, row, strict=True)) for row in cells]


def cli(store_path: Path, *args: str, input: str | None = None):
    return CliRunner().invoke(main, ["query", *args, "--store", str(store_path)], input=input)


# -- the library ---------------------------------------------------------------------


def test_every_bundled_query_has_title_and_description():
    queries = bundled_queries()
    assert len(queries) >= 8
    for query in queries.values():
        assert query.title and query.title != query.name
        assert len(query.description) > 40
        assert query.text.lstrip().startswith("#")


def test_list_shows_every_bundled_query(store_path: Path):
    result = CliRunner().invoke(main, ["query", "--list"])
    assert result.exit_code == 0
    for name in bundled_queries():
        assert name in result.output
    assert "district=巴南区" in result.output


# -- each bundled query's answer, derived by hand from data/curated/*.yaml --------------


def test_school_company_pairs(store: Store):
    rows = answer(store, "school-company-pairs")
    assert {(r["school"], r["relation"], r["company"]) for r in rows} == {
        ("巴南职教中心", "产教融合", "华为赛力斯"),
        ("巴南职教中心", "产教融合", "涵泰汽修"),
        ("巴南职教中心", "产教融合", "长安汽车"),
        ("巴南职教中心", "产教融合", "问界"),
    }
    assert all(r["evidence"].startswith("巴南职教中心联合华为赛力斯") for r in rows)
    assert {r["source"] for r in rows} == {"doc:banan-d85cd3f1"}


def test_college_platforms(store: Store):
    rows = answer(store, "college-platforms")
    assert {(r["college"], r["relation"], r["platform"], r["kind"]) for r in rows} == {
        ("重庆青年职业技术学院", "牵头", "“一带一路”电商谷（重庆）国际合作中心", "国际合作中心"),
        ("重庆青年职业技术学院", "牵头", "重庆市新型显示产教联合体", "产教联合体"),
        ("重庆理工大学", "隶属", "重庆理工大学新能源汽车现代产业学院", "产业学院"),
    }


def test_school_partners_of_banan(store: Store):
    rows = answer(store, "school-partners")  # default district 巴南区
    partners = {r["school"]: int(r["partners"]) for r in rows}
    assert partners == {
        "巴南职教中心": 4,
        "市实验中学": 0,
        "清华中学": 0,
        "融创中学": 0,
        "昕晖小学": 0,
        "龙洲湾小学": 0,
        "渝南田家炳中学": 0,
        "大江小学": 0,
        "树人立德小学": 0,
        "融汇小学": 0,
        "重庆工业管理职业学校": 0,
        "重庆理工大学": 0,
        "重庆青年职业技术学院": 0,
    }
    assert rows[0]["school"] == "巴南职教中心"  # those with partners first
    assert set(rows[0]["companies"].split("、")) == {"华为赛力斯", "涵泰汽修", "长安汽车", "问界"}
    assert {r["district"] for r in rows} == {"kgr:ba-nan-qu"}


def test_school_partners_of_dazu_by_alias(store: Store):
    rows = answer(store, "school-partners", district="大足")  # an alias of 大足区
    assert [(r["school"], r["kind"], r["partners"], r["companies"]) for r in rows] == [("海棠小学", "小学", "0", "")]


def test_cross_region_cooperation(store: Store):
    rows = answer(store, "cross-region")
    assert {(r["scope"], r["subject"], r["object"], r["subjectPlace"], r["objectPlace"]) for r in rows} == {
        ("跨城市", "巴南区", "成都温江区", "重庆市巴南区", "成都市成都温江区"),
        ("跨城市", "巴南区", "成都高新区", "重庆市巴南区", "成都市成都高新区"),
        ("跨城市", "巴南区社区学院", "成都高新区社区学院", "重庆市巴南区", "成都市成都高新区"),
    }


def test_facts_about_an_entity(store: Store):
    rows = answer(store, "facts")  # default entity 巴南职教中心
    relations = {(r["subject"], r["relation"], r["object"]) for r in rows if r["kind"] == "relation"}
    assert relations == {
        ("巴南职教中心", "产教融合", "华为赛力斯"),
        ("巴南职教中心", "产教融合", "涵泰汽修"),
        ("巴南职教中心", "产教融合", "长安汽车"),
        ("巴南职教中心", "产教融合", "问界"),
        ("巴南职教中心", "建设", "重庆市高水平产教融合新能源汽车实训基地"),
        ("巴南职教中心", "开设", "智能网联新能源汽车检修专业课程"),
        ("重庆市高水平产教融合新能源汽车实训基地", "位于", "巴南职教中心"),
    }
    indicators = [(r["relation"], r["object"]) for r in rows if r["kind"] == "indicator"]
    assert indicators == [("智能网联新能源汽车检修专业课程", "专业课程7门")]
    assert all(r["evidence"] and r["source"] == "doc:banan-d85cd3f1" for r in rows)


def test_facts_by_iri_and_year(store: Store):
    rows = answer(store, "facts", entity=str(KGR["chong-qing-shi-xin-xing-xian-shi-chan-jiao-lian-he-ti"]))
    designated = [r for r in rows if r["relation"] == "入选认定"]
    assert [(r["object"], r["year"]) for r in designated] == [("2024年度市域产教联合体", "2024")]
    assert ("重庆青年职业技术学院", "牵头") in {(r["subject"], r["relation"]) for r in rows}


def test_awards_by_year(store: Store):
    rows = answer(store, "awards-by-year")
    assert len(rows) == 15  # 8 in 巴南, 7 in 大足
    assert (rows[0]["year"], rows[0]["holder"], rows[0]["award"]) == (
        "2024",
        "重庆市新型显示产教联合体",
        "2024年度市域产教联合体",
    )
    assert all(r["year"] == "" for r in rows[1:])  # undated last
    holders = [r["holder"] for r in rows]
    assert holders.count("大足区") == 5 and holders.count("龙洲湾小学") == 2
    assert {r["award"] for r in rows if r["holder"] == "陈凤娟"} == {"全国优秀课例"}


def test_district_indicators_of_dazu(store: Store):
    rows = answer(store, "district-indicators")  # default 大足区
    assert len(rows) == 33  # 26 of the district itself, 7 of entities in it
    per_entity = {}
    for r in rows:
        per_entity[r["of"]] = per_entity.get(r["of"], 0) + 1
    assert per_entity["大足区"] == 26
    assert per_entity["大足区教委"] == 1 and per_entity["课堂教学行为热力图"] == 2
    assert "陈凤娟" not in per_entity and "智能研修平台" not in per_entity  # no district given
    views = next(r for r in rows if r["measure"] == "教育短视频浏览量")
    assert (views["value"], views["unit"], views["text"]) == ("4000000", "人次", "突破400万人次")


def test_unlinked_entities(store: Store):
    rows = answer(store, "unlinked-entities")
    assert {r["label"] for r in rows} == {  # 华为 is linked by kg:namedAfter since the namesake rule
        "周珣",
        "大足区第四届师生体育艺术节",
        "成都市",
        "智能研修平台",
        "融汇小学",
        "课堂教学行为热力图",
        "邹杨",
        "重庆市",
        "黄丹",
    }
    assert {r["label"]: int(r["indicators"]) for r in rows}["智能研修平台"] == 3


def test_district_overview(store: Store):
    rows = answer(store, "district-overview")
    table = {
        r["label"]: (int(r["entities"]), int(r["schools"]), int(r["relations"]), int(r["indicators"])) for r in rows
    }
    assert table == {
        "大足区": (48, 1, 75, 33),
        "巴南区": (47, 13, 70, 17),  # + 华为ICT实训基地 namedAfter 华为
        "成都高新区": (1, 0, 2, 0),
        "成都温江区": (0, 0, 1, 0),
    }


@pytest.mark.parametrize("name", sorted(bundled_queries()))
def test_values_binding_gives_the_same_answer_as_substitution(store: Store, name: str):
    """What remote endpoints and the query page get (VALUES in the text) equals the embedded store's binding."""
    text, query = read_query(name)
    bindings = query_bindings(store, query, {})
    substituted = table_cells(run(store, text, bindings))
    inlined = table_cells(run(store, with_values(text, bindings)))
    assert inlined == substituted
    assert substituted[1], f"{name} answers nothing on the bundled data"


# -- parameters ------------------------------------------------------------------------


def test_ambiguous_alias_is_refused(store: Store):
    _, query = read_query("facts")
    with pytest.raises(QueryError, match=r"对应 2 个实体：大足区教委 .*巴南区教委"):
        query_bindings(store, query, {"entity": "区教委"})


def test_unknown_entity_suggests(store_path: Path):
    result = cli(store_path, "facts", "-p", "entity=职教中心")
    assert result.exit_code == 1
    assert result.output.strip() == "kg: 没有名为“职教中心”的实体；是否要找：巴南职教中心？"


def test_unknown_parameter_is_refused(store_path: Path):
    result = cli(store_path, "facts", "-p", "district=大足区")
    assert result.exit_code == 1
    assert "没有参数 'district'（可用：entity）" in result.output


def test_free_parameter_on_own_query(store_path: Path):
    query = "SELECT ?label ?c WHERE { ?c rdfs:label ?label }"
    result = cli(store_path, query, "--param", "c=kgr:wen-jie", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["label,c", "问界,https://w3id.org/kg-cityedu/id/wen-jie"]


def test_show_prints_the_query_with_values(store_path: Path):
    result = cli(store_path, "school-partners", "-p", "district=大足区", "--show")
    assert result.exit_code == 0
    assert "VALUES (?district) { (<https://w3id.org/kg-cityedu/id/da-zu-qu>) }" in result.output


def test_unknown_bundled_name(store_path: Path):
    result = cli(store_path, "school-partner")
    assert result.exit_code == 1
    assert "是否要找：school-partners、" in result.output


# -- sources of the query text ------------------------------------------------------------


def test_query_from_file_and_stdin(store_path: Path, tmp_path: Path):
    path = tmp_path / "companies.rq"
    path.write_text(COMPANIES, encoding="utf-8")
    from_file = cli(store_path, str(path), "--format", "tsv")
    from_stdin = cli(store_path, "-", "--format", "tsv", input=COMPANIES)
    assert from_file.exit_code == from_stdin.exit_code == 0
    assert from_file.output == from_stdin.output
    assert len(from_file.output.splitlines()) == 6  # header and 5 companies


# -- output formats ----------------------------------------------------------------------


def test_table_is_aligned(store_path: Path):
    result = cli(store_path, COMPANIES, "--format", "table")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["company", "label"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[2].startswith("kgr:") and "（5 行）" in lines[-1] + result.output
    label_column = lines[0].index("label")
    assert all(line[label_column - 2 : label_column] == "  " for line in lines[2:7])


def test_table_cuts_long_cells(store_path: Path):
    query = "SELECT ?e WHERE { ?a kg:evidence ?e } LIMIT 3"
    result = cli(store_path, query, "--format", "table", "--max-width", "20")
    assert result.exit_code == 0
    body = result.output.splitlines()[2:5]
    assert all(line.endswith("…") for line in body)


def test_csv(store_path: Path):
    result = cli(store_path, COMPANIES, "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.output)))
    assert rows[0] == ["company", "label"]
    assert ["https://w3id.org/kg-cityedu/id/wen-jie", "问界"] in rows


def test_tsv_is_the_piped_default(store_path: Path):
    result = cli(store_path, COMPANIES)  # CliRunner's stdout is not a terminal
    lines = result.output.splitlines()
    assert lines[0] == "?company\t?label"
    assert '<https://w3id.org/kg-cityedu/id/wen-jie>\t"问界"@zh' in lines


def test_json_is_sparql_results_json(store_path: Path):
    result = cli(store_path, COMPANIES, "--format", "json")
    data = json.loads(result.output)
    assert data["head"]["vars"] == ["company", "label"]
    assert {"type": "literal", "value": "问界", "xml:lang": "zh"} in [b["label"] for b in data["results"]["bindings"]]


def test_jsonl_has_plain_values(store_path: Path):
    query = "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s kg:indicatorOf ?e } GROUP BY ?s ORDER BY ?s LIMIT 2"
    result = cli(store_path, query, "--format", "jsonl")
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == 2
    assert records[0]["n"] == 1 and records[0]["s"].startswith("https://w3id.org/kg-cityedu/indicator/")


def test_xml_is_sparql_results_xml(store_path: Path):
    result = cli(store_path, COMPANIES, "--format", "xml")
    root = ET.fromstring(result.output)
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    assert [v.get("name") for v in root.findall("r:head/r:variable", ns)] == ["company", "label"]
    assert len(root.findall("r:results/r:result", ns)) == 5


def test_ask(store: Store, store_path: Path):
    assert cli(store_path, "ASK { ?s a kg:Company }", "--format", "json").output.strip() == '{"head":{},"boolean":true}'
    out = io.BytesIO()
    write_result(run(store, "ASK { ?s a kg:Kindergarten }"), "jsonl", out)
    assert json.loads(out.getvalue()) == {"boolean": False}


@pytest.mark.parametrize(
    ("fmt", "rdflib_format"),
    [
        ("turtle", "turtle"),
        ("n-triples", "nt"),
        ("json-ld", "json-ld"),
        ("rdf-xml", "xml"),
    ],
)
def test_construct_gives_rdf(store_path: Path, fmt: str, rdflib_format: str):
    result = cli(store_path, CONSTRUCT, "--format", fmt)
    assert result.exit_code == 0, result.output
    graph = Graph().parse(data=result.output, format=rdflib_format)
    assert len(graph) == 10  # 5 companies, a type and a label each
    assert (URIRef(KGR["wen-jie"]), None, Literal("问界", lang="zh")) in graph


def test_construct_default_is_turtle_with_prefixes(store_path: Path, tmp_path: Path):
    out = tmp_path / "companies.ttl"
    result = cli(store_path, "DESCRIBE kgr:wen-jie", "--out", str(out))
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "@prefix kgr: <https://w3id.org/kg-cityedu/id/>" in text
    assert len(Graph().parse(data=text, format="turtle")) > 3


def test_format_must_suit_the_query_form(store_path: Path):
    result = cli(store_path, CONSTRUCT, "--format", "csv")
    assert result.exit_code == 1
    assert "CONSTRUCT/DESCRIBE 可用 turtle" in result.output


# -- errors ---------------------------------------------------------------------------------


def test_syntax_error_is_one_line_with_position_and_exit_2(store_path: Path):
    result = cli(store_path, "SELECT ?s WHERE {\n  ?s a kg:Company ;\n  FILTER(?s = ) }")
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("kg: 查询语法错误：第 3 行第 ")
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no traceback


def test_unknown_prefix(store: Store):
    with pytest.raises(QuerySyntaxError, match=r"第 1 行第 29 列：未知前缀 foo（在 'foo:bar' 中）$"):
        run(store, "SELECT ?s WHERE { ?s foo:bar ?o }")
    with (
        use_language("en"),
        pytest.raises(QuerySyntaxError, match=r"line 1, column 29: unknown prefix foo: in 'foo:bar'$"),
    ):
        run(store, "SELECT ?s WHERE { ?s foo:bar ?o }")


def test_with_values_never_splices_text():
    hostile = Literal('x" } ; DROP ALL ; #', lang="zh")
    text = with_values("SELECT ?label WHERE { ?s rdfs:label ?label }", {"label": hostile})
    assert 'VALUES (?label) { ("x\\" } ; DROP ALL ; #"@zh) }' in text
    construct = with_values("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": URIRef("http://example.org/a")})
    assert construct == "CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?s) { (<http://example.org/a>) } ?s ?p ?o }"


def test_service_is_refused_before_anything_is_sent(store: Store):
    with pytest.raises(QueryError, match="SERVICE 被拒绝"):
        run(store, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert run(store, 'ASK { ?s ?p "SERVICE" }') is not None  # the word inside a string is data


def test_bundled_queries_see_ingested_documents(store_path: Path, tmp_path: Path):
    """An ingested press release counts in district-overview and unlinked-entities, not only the registry."""
    import shutil

    from kg.extract.ingest import ingest

    target = tmp_path / "store"
    shutil.copytree(store_path, target)
    with Store(target) as store:
        before = {r["label"]: int(r["entities"]) for r in answer(store, "district-overview")}
        ingest(store, [Path(__file__).parent / "fixtures" / "extract_gold" / "raw" / "yubei-vocational.txt"])
        after = {r["label"]: int(r["entities"]) for r in answer(store, "district-overview")}
        assert sum(after.values()) > sum(before.values())
        assert set(after) - set(before) or any(after[k] > v for k, v in before.items())
