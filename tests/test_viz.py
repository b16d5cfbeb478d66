"""The HTML page `kg viz` writes: self-contained, escaped, and faithful to the projected graph (no browser here)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.analysis.projection import project, subgraph
from kg.cli import main
from kg.model.styles import class_styles
from kg.outputs.viz import (
    EDGE_LABEL_LIMIT,
    STATIC_LAYOUT_NODES,
    VizError,
    VizOptions,
    document_titles,
    graph_data,
    layout_positions,
    render_html,
    script_json,
)
from kg.store.embedded import Store

HOSTILE = "<img src=x onerror=alert(1)>"
BREAKOUT = "</script><script>window.__pwned = 1</script>"
DATA_SCRIPT = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def graph(store: Store) -> nx.MultiDiGraph:
    return project(store)


@pytest.fixture(scope="module")
def html(graph: nx.MultiDiGraph, store: Store) -> str:
    return render_html(graph, documents=document_titles(store))


def embedded(page: str) -> dict:
    """The JSON the page carries, parsed as the browser's JSON.parse would."""
    return json.loads(DATA_SCRIPT.search(page).group(1))


def hostile_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The bundled graph plus an entity whose label, alias, district and evidence are markup."""
    hostile = graph.copy()
    hostile.add_node(
        "https://w3id.org/kg-cityedu/id/hostile",
        label=HOSTILE,
        cls="Company",
        class_label="企业",
        district=BREAKOUT,
        city="",
        aliases=[BREAKOUT, "<!--", "\u2028line"],
    )
    school = next(n for n, d in graph.nodes(data=True) if d["label"] == "重庆理工大学")
    hostile.add_edge(
        "https://w3id.org/kg-cityedu/id/hostile",
        school,
        key="https://w3id.org/kg-cityedu/assertion/hostile",
        relation="cooperatesWith",
        relation_label="合作",
        evidence=f"{HOSTILE}{BREAKOUT}",
        source="https://w3id.org/kg-cityedu/doc/banan-d85cd3f1",
        year="",
        method="curated",
    )
    return hostile


def test_the_page_references_nothing_remote(html: str):
    assert html.startswith("<!DOCTYPE html>")
    assert "<link" not in html
    assert not re.search(r"<(script|img|iframe|link|source|video|audio)\b[^>]*\bsrc\s*=", html, re.I)
    assert "@import" not in html
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html, re.I)
    assert "bootstrap" not in html.lower()
    # The only remote addresses are inside vis-network's licence comment and SVG namespace strings.
    for address in re.findall(r"https?://[^\s\"')]+", html):
        assert address.startswith(
            (
                "https://w3id.org/kg-cityedu/",  # our IRIs, as data
                "http://www.w3.org/2000/svg",
                "https://visjs.github.io",
                "http://almende.com",
                "https://github.com/",
                "http://opensource.org/",
                "http://www.apache.org/licenses/",
            )
        ), address


def test_content_security_policy_allows_only_the_pages_own_scripts(html: str):
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    policy = policy.replace("&#39;", "'")
    assert "default-src 'none'" in policy and "connect-src 'none'" in policy and "font-src 'none'" in policy
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 2  # vis-network and the page's own
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_the_page_carries_every_node_and_edge(graph: nx.MultiDiGraph, html: str):
    data = embedded(html)
    assert len(data["nodes"]) == graph.number_of_nodes() == 146
    assert len(data["edges"]) == graph.number_of_edges() == 151  # + 2 namesake links to 华为
    by_iri = {n["kg"]["iri"]: n for n in data["nodes"]}
    assert set(by_iri) == set(graph.nodes)
    for node, attrs in graph.nodes(data=True):
        info = by_iri[node]["kg"]
        assert (info["name"], info["cls"], info["district"], info["aliases"]) == (
            attrs["label"],
            attrs["cls"],
            attrs["district"],
            attrs["aliases"],
        )
        assert info["degree"] == graph.degree(node)
    ids = {n["id"]: n["kg"]["iri"] for n in data["nodes"]}
    edges = Counter((ids[e["from"]], ids[e["to"]], e["kg"]["relation"], e["kg"]["evidence"]) for e in data["edges"])
    expected = Counter((u, v, d["relation"], d["evidence"]) for u, v, d in graph.edges(data=True))
    assert edges == expected


def test_edges_show_relation_and_source_in_chinese(html: str):
    data = embedded(html)
    assert {e["label"] for e in data["edges"]} >= {"合作", "实施", "产教融合"}
    titles = {s["title"] for s in data["sources"]}
    assert "书写新时代“城教共生”的奋进答卷" in titles
    symmetric = [e for e in data["edges"] if e["kg"]["relation"] == "cooperatesWith"]
    assert symmetric and all(e["arrows"] == "to, from" for e in symmetric)
    assert all(e["arrows"] == "to" for e in data["edges"] if e["kg"]["relation"] == "initiates")


def test_nodes_are_coloured_and_shaped_by_class(html: str):
    data = embedded(html)
    styles = class_styles()
    for node in data["nodes"]:
        style = styles[node["kg"]["cls"]]
        assert node["shape"] == style["shape"]
        assert node["color"]["background"] == style["color"]
    legend = {c["id"]: c for c in data["classes"]}
    assert legend["University"]["label"] == "本科高校" and legend["University"]["count"] == 4
    assert sum(c["count"] for c in data["classes"]) == 146
    # one shape per broad group, and distinct colours for the classes the bundled graph holds
    assert {styles[c]["shape"] for c in ("PrimarySchool", "SecondarySchool", "SecondaryVocationalSchool")} == {"dot"}
    assert styles["Company"]["shape"] == "square" and styles["GovernmentAgency"]["shape"] == "triangle"
    colours = [c["color"] for c in data["classes"]]
    assert len(set(colours)) == len(colours)


def test_node_size_follows_degree_or_centrality(graph: nx.MultiDiGraph):
    by_degree = {n["kg"]["name"]: n["size"] for n in graph_data(graph)["nodes"]}
    assert max(by_degree, key=by_degree.get) == "大足区"
    for size_by in ("pagerank", "betweenness"):
        nodes = graph_data(graph, VizOptions(size_by=size_by))["nodes"]
        top = max(nodes, key=lambda n: n["kg"]["score"])
        assert top["size"] == max(n["size"] for n in nodes)
        assert all(n["kg"]["score"] >= 0 for n in nodes)


def test_colour_by_community_and_by_district(graph: nx.MultiDiGraph):
    data = graph_data(graph, VizOptions(color_by="community"))
    assert data["colorLegend"]["title"].startswith("颜色：社群")
    assert sum(item["count"] for item in data["colorLegend"]["items"]) == graph.number_of_nodes()
    colours = {n["color"]["background"] for n in data["nodes"]}
    assert 2 < len(colours) <= len(data["colorLegend"]["items"])

    data = graph_data(graph, VizOptions(color_by="district"))
    by_district: dict[str, set[str]] = {}
    for node in data["nodes"]:
        by_district.setdefault(node["kg"]["district"], set()).add(node["color"]["background"])
    assert all(len(colours) == 1 for colours in by_district.values())
    assert by_district["巴南区"] != by_district["大足区"]
    assert {item["label"] for item in data["colorLegend"]["items"]} >= {"巴南区", "大足区", "未注明区县"}


def test_hostile_text_stays_data(graph: nx.MultiDiGraph):
    page = render_html(hostile_graph(graph), VizOptions(title=f"{HOSTILE}</title>{BREAKOUT}"))
    assert HOSTILE not in page and BREAKOUT not in page and "<!--" not in page
    assert "\u2028" not in page
    assert page.count("</script>") == 3  # the data, vis-network and the page's own script: nothing closes early
    assert "<title>&lt;img src=x onerror=alert(1)&gt;&lt;/title&gt;" in page
    data = embedded(page)
    node = next(n for n in data["nodes"] if n["kg"]["iri"].endswith("/hostile"))
    assert node["kg"]["name"] == HOSTILE and node["kg"]["district"] == BREAKOUT
    assert node["kg"]["aliases"] == [BREAKOUT, "<!--", "\u2028line"]
    assert any(e["kg"]["evidence"] == HOSTILE + BREAKOUT for e in data["edges"])


def test_script_json_cannot_close_its_script():
    text = script_json({"a": "</SCRIPT>", "b": "<!-- -->", "c": "\u2028\u2029", "d": "&amp;"})
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"a": "</SCRIPT>", "b": "<!-- -->", "c": "\u2028\u2029", "d": "&amp;"}


def test_small_graphs_settle_under_physics_large_ones_are_laid_out_in_python(graph: nx.MultiDiGraph):
    small = graph_data(graph)
    assert small["options"]["physics"]["enabled"] is True
    assert small["options"]["physics"]["stabilization"]["enabled"] is True
    assert all("label" in e for e in small["edges"])

    static = graph_data(graph, VizOptions(layout="static"))
    assert static["options"]["physics"] == {"enabled": False} and static["options"]["edges"]["smooth"] is False

    large = nx.MultiDiGraph()
    for i in range(STATIC_LAYOUT_NODES + 50):
        large.add_node(i, label=f"节点{i}", cls="Company", district="", aliases=[])
    for i in range(EDGE_LABEL_LIMIT + 100):
        large.add_edge(i % large.number_of_nodes(), (i * 7 + 1) % large.number_of_nodes(), relation="cooperatesWith")
    data = graph_data(large)
    assert data["static"] is True and data["options"]["physics"]["enabled"] is False
    assert not any("label" in e for e in data["edges"])  # relation names stay in tooltips
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])


def test_layout_is_reproducible(graph: nx.MultiDiGraph):
    assert layout_positions(graph, seed=3) == layout_positions(graph, seed=3)
    assert layout_positions(graph, seed=3) != layout_positions(graph, seed=4)
    assert embedded(render_html(graph)) == embedded(render_html(graph))


def test_subsets_come_from_the_projection(graph: nx.MultiDiGraph):
    ego = subgraph(graph, focus="重庆理工大学", hops=1)
    data = graph_data(ego)
    assert len(data["nodes"]) == ego.number_of_nodes() > 1
    assert "重庆理工大学" in {n["kg"]["name"] for n in data["nodes"]}


def test_bad_options_are_errors():
    with pytest.raises(VizError, match="--color-by"):
        VizOptions(color_by="rainbow")
    with pytest.raises(VizError, match="--layout"):
        VizOptions(layout="circle")


def test_document_titles(store: Store):
    titles = document_titles(store)
    assert titles["https://w3id.org/kg-cityedu/doc/dazu-d85cd3f1"] == "大足教育“暖万家”幸福伴成长"


# ---------------------------------------------------------------- the command line


def run(*args: str):
    return CliRunner().invoke(main, ["viz", *args])


def test_cli_writes_the_page(store_path: Path, tmp_path: Path, graph: nx.MultiDiGraph):
    out = tmp_path / "graph.html"
    result = run("--store", str(store_path), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert f"（{graph.number_of_nodes()} 个节点，{graph.number_of_edges()} 条边）" in result.stderr
    data = embedded(out.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == graph.number_of_nodes()


def test_cli_page_in_english(store_path: Path, tmp_path: Path):
    out = tmp_path / "en.html"
    result = CliRunner().invoke(
        main, ["--lang", "en", "viz", "--store", str(store_path), "--out", str(out), "--focus", "巴南职教中心"]
    )
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "Fit to window" in page and "适应窗口" not in page
    data = embedded(page)
    assert data["title"] == "City–education knowledge graph · 巴南职教中心 (1 hops)"
    assert data["words"]["viz_no_match"] == "No matching node"
    # class and relation names are the ontology's English labels
    assert {"Secondary vocational school", "Company"} <= {c["label"] for c in data["classes"]}
    assert "integrates industry and education with" in {r["label"] for r in data["relations"]}


def test_cli_subset_options(store_path: Path, tmp_path: Path, graph: nx.MultiDiGraph):
    out = tmp_path / "ego.html"
    result = run(
        "--store", str(store_path), "--out", str(out), "--focus", "重庆理工大学", "--hops", "2",
        "--color-by", "community",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = embedded(out.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == subgraph(graph, focus="重庆理工大学", hops=2).number_of_nodes()
    assert data["title"] == "城教共生知识图谱 · 重庆理工大学（2 跳）"

    result = run(
        "--store", str(store_path), "--out", str(out), "--class", "School,College", "--district", "巴南区",
        "--relation", "合作", "--relation", "integratesWith", "--max-nodes", "30", "--title", "巴南区学校",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = embedded(out.read_text(encoding="utf-8"))
    expected = subgraph(
        graph,
        classes_=["School", "College"],
        districts=["巴南区"],
        relations=["合作", "integratesWith"],
        max_nodes=30,
    )
    assert len(data["nodes"]) == expected.number_of_nodes() and len(data["edges"]) == expected.number_of_edges()
    assert {e["kg"]["relation"] for e in data["edges"]} <= {"cooperatesWith", "integratesWith"}
    assert data["title"] == "巴南区学校"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--class", "Nope"], "kg: --class：未知类别 'Nope'"),
        (["--relation", "likes"], "kg: --relation：未知关系 'likes'"),
        (["--district", "北京"], "kg: --district：图中没有区县 '北京'"),
        (["--focus", "重庆理工"], "kg: 没有名为“重庆理工”的实体；是否要找：重庆理工大学"),
        (["--class", "University", "--district", "大足区"], "kg: 没有可绘制的内容"),
    ],
)
def test_cli_bad_input_is_one_line(store_path: Path, tmp_path: Path, args: list[str], message: str):
    out = tmp_path / "graph.html"
    result = run("--store", str(store_path), "--out", str(out), *args)
    assert result.exit_code == 1
    assert result.stderr.startswith(message) and len(result.stderr.strip().splitlines()) == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no traceback
    assert not out.exists()


def test_cli_usage_errors(store_path: Path, tmp_path: Path):
    result = run("--store", str(store_path), "--out", str(tmp_path / "g.html"), "--hops", "2")
    assert result.exit_code == 2 and "--hops 需要与 --focus" in result.stderr
    result = run("--store", str(store_path), "--out", str(tmp_path / "g.html"), "--png-size", "big")
    assert result.exit_code == 2 and "宽x高" in result.stderr
    result = run("--store", str(store_path), "--out", str(tmp_path / "missing" / "g.html"))
    assert result.exit_code == 1 and result.stderr.startswith("kg: --out ") and "不存在" in result.stderr
