"""The `kg viz` page in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright), opened from disk."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kg.analysis.projection import project
from kg.outputs.viz import VizOptions, document_titles, headless_chromium, write_html
from kg.store.embedded import Store

HOSTILE = "<img src=x onerror=alert(1)>"
BREAKOUT = "</script><script>window.__pwned = 1; alert(2)</script>"
HOSTILE_IRI = "https://w3id.org/kg-cityedu/id/hostile"


@dataclass
class Opened:
    """A page opened from disk, with everything it asked the network for and complained about."""

    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)


@pytest.fixture(scope="module")
def graph(store: Store) -> nx.MultiDiGraph:
    return project(store)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with headless_chromium() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, graph: nx.MultiDiGraph, store: Store) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("viz")
    documents = document_titles(store)
    hostile = graph.copy()
    hostile.add_node(
        HOSTILE_IRI, label=HOSTILE, cls="Company", class_label="企业", district="巴南区", city="", aliases=[BREAKOUT]
    )
    school = next(n for n, d in graph.nodes(data=True) if d["label"] == "重庆理工大学")
    hostile.add_edge(
        HOSTILE_IRI,
        school,
        key="https://w3id.org/kg-cityedu/assertion/hostile",
        relation="cooperatesWith",
        relation_label="合作",
        evidence=f"证据{HOSTILE}{BREAKOUT}",
        source="https://w3id.org/kg-cityedu/doc/banan-d85cd3f1",
        year="2024",
        method="curated",
    )
    large = nx.MultiDiGraph()
    for i in range(600):
        large.add_node(f"n{i}", label=f"学校{i}", cls="PrimarySchool", district="巴南区", aliases=[])
    for i in range(1800):
        relation = "cooperatesWith" if i % 5 == 0 else "builds"
        large.add_edge(f"n{i % 600}", f"n{(i * 7 + 1) % 600}", relation=relation, relation_label="关系", evidence="句")
    return {
        "bundled": write_html(graph, folder / "graph.html", VizOptions(), documents),
        "hostile": write_html(hostile, folder / "hostile.html", VizOptions(title=HOSTILE + BREAKOUT), documents),
        "community": write_html(graph, folder / "community.html", VizOptions(color_by="community"), documents),
        "district": write_html(graph, folder / "district.html", VizOptions(color_by="district", size_by="pagerank")),
        "large": write_html(large, folder / "large.html", VizOptions()),
    }


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    opened: list[Any] = []

    def _open(path: Path) -> Opened:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        opened.append(page)
        result = Opened(page, path.resolve().as_uri())
        page.on("request", lambda request: result.requests.append(request.url))
        page.on("console", lambda message: message.type == "error" and result.errors.append(message.text))
        page.on("pageerror", lambda error: result.errors.append(str(error)))

        def on_dialog(dialog: Any) -> None:
            result.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        # Anything outside the file is refused (the machine is offline anyway) and still recorded above.
        page.route("**/*", lambda route: route.continue_() if route.request.url == result.url else route.abort())
        page.goto(result.url)
        page.wait_for_function("() => window.kgViz && window.kgViz.ready === true", timeout=60_000)
        return result

    yield _open
    for page in opened:
        page.close()


def node_id(page: Opened, label: str) -> int:
    return page.js("name => kgViz.data.nodes.find(n => n.kg.name === name).id", label)


def hover(page: Opened, node: int) -> None:
    x, y = page.js(
        """id => {
          const net = kgViz.network, point = net.canvasToDOM(net.getPositions([id])[id]);
          const box = document.getElementById('kg-network').getBoundingClientRect();
          return [box.left + point.x, box.top + point.y];
        }""",
        node,
    )
    page.page.mouse.move(x - 30, y - 30)
    page.page.mouse.move(x, y, steps=4)
    page.page.wait_for_selector("#kg-tooltip:not([hidden])")


# ---------------------------------------------------------------- offline, complete, still


def test_opens_offline_with_every_node_and_edge_and_no_errors(open_page, pages, graph: nx.MultiDiGraph):
    page = open_page(pages["bundled"])
    assert page.requests == [page.url]
    assert page.errors == [] and page.dialogs == []
    counts = page.js(
        "() => [kgViz.network.body.nodeIndices.length, kgViz.network.body.edgeIndices.length,"
        " kgViz.visibleNodes().length, kgViz.visibleEdges().length]"
    )
    assert counts == [graph.number_of_nodes(), graph.number_of_edges()] * 2
    expected = f"{graph.number_of_nodes()} 个节点 · {graph.number_of_edges()} 条关系"
    assert page.page.text_content("#kg-counts") == expected
    # settled: physics is off and nothing moves any more
    before = page.js("() => kgViz.network.getPositions()")
    page.page.wait_for_timeout(600)
    assert page.js("() => kgViz.network.getPositions()") == before
    assert page.js("() => kgViz.network.physics.physicsEnabled") is False


def test_chinese_labels_have_glyphs(open_page, pages):
    """Each Chinese character draws differently with the page's font: no tofu boxes (a CJK system font is used)."""
    page = open_page(pages["bundled"])
    distinct = page.js(
        """() => {
          const face = kgViz.data.options.nodes.font.face, shapes = new Set();
          for (const ch of "重庆理工大学") {
            const canvas = document.createElement("canvas"); canvas.width = canvas.height = 40;
            const ctx = canvas.getContext("2d"); ctx.font = `32px ${face}`; ctx.fillText(ch, 2, 34);
            shapes.add(canvas.toDataURL());
          }
          return shapes.size;
        }"""
    )
    assert distinct == 6


def test_large_graphs_are_laid_out_in_python_and_add_detail_when_zoomed(open_page, pages):
    page = open_page(pages["large"])
    assert page.errors == [] and page.requests == [page.url]
    assert page.js("() => [kgViz.data.static, kgViz.network.physics.physicsEnabled]") == [True, False]
    assert page.js("() => kgViz.network.body.nodeIndices.length") == 600
    page.js("() => kgViz.network.moveTo({ scale: 0.1 })")
    page.page.wait_for_timeout(300)
    assert page.js("() => kgViz.nodes.get(0).label") is None  # labels too small to read are not drawn
    page.js("() => kgViz.network.moveTo({ scale: 1.5 })")
    page.page.wait_for_function("() => kgViz.nodes.get(0).label === '学校0'")
    page.page.wait_for_function("() => kgViz.network.body.edges[0].options.arrows.to.enabled === true")


@pytest.mark.parametrize("name", ["community", "district"])
def test_colour_schemes_draw_with_a_legend(open_page, pages, name: str):
    page = open_page(pages[name])
    assert page.errors == [] and page.requests == [page.url]
    assert page.page.is_visible("#kg-color-legend li")
    title = page.page.text_content("#kg-color-title")
    assert title == ("颜色：社群（Louvain）" if name == "community" else "颜色：区县")


# ---------------------------------------------------------------- safety


def test_hostile_labels_run_nothing(open_page, pages):
    page = open_page(pages["hostile"])
    assert page.dialogs == []
    assert page.errors == []  # no script was injected, so none was blocked either
    assert page.js("() => window.__pwned") is None
    assert page.js("() => document.querySelectorAll('img, [onerror]').length") == 0
    assert page.js("() => document.scripts.length") == 3
    assert page.js("() => document.title") == HOSTILE + BREAKOUT
    hostile = page.js("iri => kgViz.data.nodes.find(n => n.kg.iri === iri).id", HOSTILE_IRI)

    hover(page, hostile)  # the tooltip shows the label as text
    tooltip = page.page.locator("#kg-tooltip")
    assert HOSTILE in tooltip.text_content() and BREAKOUT in tooltip.text_content()
    assert tooltip.locator("img, script").count() == 0

    page.page.fill("#kg-search", "<img")  # and so do the search results and the details panel
    result = page.page.locator("#kg-results li").first
    assert result.text_content().startswith(HOSTILE)
    page.page.keyboard.press("Enter")
    page.page.wait_for_function("id => kgViz.focused === id", arg=hostile)
    details = page.page.locator("#kg-details")
    assert details.locator("h2").text_content() == HOSTILE
    assert f"证据{HOSTILE}{BREAKOUT}" in page.js(
        "() => [...document.querySelectorAll('#kg-details li')].map(li => li.title).join('\\n')"
    )
    page.page.locator("#kg-details li button").first.click()  # follow the hostile relation to the school
    page.page.wait_for_function("() => kgViz.focused !== null")
    assert page.js("() => document.querySelectorAll('img, [onerror]').length") == 0
    assert page.dialogs == [] and page.js("() => window.__pwned") is None and page.errors == []


# ---------------------------------------------------------------- search, tooltips, filters


def test_search_finds_a_school_by_chinese_label_and_focuses_it(open_page, pages):
    page = open_page(pages["bundled"])
    school = node_id(page, "重庆理工大学")
    page.page.fill("#kg-search", "重庆理工大学")
    first = page.page.locator("#kg-results li").first
    assert first.text_content().startswith("重庆理工大学")
    page.page.keyboard.press("Enter")
    page.page.wait_for_function("id => kgViz.focused === id", arg=school)
    assert page.js("() => kgViz.network.getSelectedNodes()") == [school]
    centre, position = page.js("id => [kgViz.network.getViewPosition(), kgViz.network.getPositions([id])[id]]", school)
    assert abs(centre["x"] - position["x"]) < 2 and abs(centre["y"] - position["y"]) < 2
    assert page.js("() => kgViz.network.getScale()") > 1.1  # zoomed in on it
    assert page.page.locator("#kg-details h2").text_content() == "重庆理工大学"
    assert page.page.is_hidden("#kg-results")


def test_search_by_pinyin_and_alias(open_page, pages, graph: nx.MultiDiGraph):
    page = open_page(pages["bundled"])
    assert page.js("q => kgViz.search(q)[0]", "cqlgdx") == node_id(page, "重庆理工大学")
    label, alias = next((d["label"], d["aliases"][0]) for _, d in graph.nodes(data=True) if d["aliases"])
    page.page.fill("#kg-search", alias)
    assert label in page.page.locator("#kg-results li").all_text_contents()[0]
    page.page.fill("#kg-search", "没有这样的名字")
    assert page.page.locator("#kg-results li").all_text_contents() == ["没有匹配的节点"]


def test_hover_shows_node_and_edge_details(open_page, pages, graph: nx.MultiDiGraph):
    page = open_page(pages["bundled"])
    hover(page, node_id(page, "重庆理工大学"))
    text = page.page.text_content("#kg-tooltip")
    school = next(n for n, d in graph.nodes(data=True) if d["label"] == "重庆理工大学")
    assert "本科高校" in text and "巴南区" in text
    assert f"关系{graph.degree(school)} 条" in text

    data = next(d for _, _, d in graph.edges(data=True) if d["relation"] == "integratesWith")
    page.page.mouse.move(5, 5)
    edge = page.js(
        "ev => kgViz.data.edges.find(e => e.kg.evidence === ev && e.kg.relation === 'integratesWith').id",
        data["evidence"],
    )
    x, y = page.js(
        """id => {  // zoom onto the middle of the edge, away from its nodes
          const net = kgViz.network, e = kgViz.edges.get(id), p = net.getPositions([e.from, e.to]);
          const mid = { x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2 };
          net.moveTo({ position: mid, scale: 3 });
          const box = document.getElementById('kg-network').getBoundingClientRect(), d = net.canvasToDOM(mid);
          return [box.left + d.x, box.top + d.y];
        }""",
        edge,
    )
    page.page.mouse.move(x - 8, y - 8)
    page.page.mouse.move(x, y, steps=3)
    page.page.wait_for_selector("#kg-tooltip:not([hidden])")
    text = page.page.text_content("#kg-tooltip")
    assert "产教融合" in text and data["evidence"] in text
    assert "书写新时代“城教共生”的奋进答卷" in text or "大足教育“暖万家”幸福伴成长" in text


def test_class_filter_hides_the_other_classes(open_page, pages, graph: nx.MultiDiGraph):
    page = open_page(pages["bundled"])
    page.page.click(".kg-bulk[data-filter=classes] button[data-all='0']")
    assert page.js("() => kgViz.visibleNodes().length") == 0
    page.page.locator("#kg-filter-classes label", has_text="本科高校").click()
    universities = {n for n, d in graph.nodes(data=True) if d["cls"] == "University"}
    visible = page.js("() => kgViz.visibleNodes().map(id => kgViz.data.nodes[id].kg.iri)")
    assert set(visible) == universities
    hidden_in_vis = page.js("() => kgViz.data.nodes.filter(n => kgViz.network.body.nodes[n.id].options.hidden).length")
    assert hidden_in_vis == graph.number_of_nodes() - len(universities)
    edges = page.js("() => kgViz.visibleEdges().map(id => kgViz.data.edges[id])")
    assert all(page.js("e => kgViz.data.nodes[e.from].kg.cls === 'University'", e) for e in edges)
    assert page.page.text_content("#kg-counts").startswith(f"显示 {len(universities)} / {graph.number_of_nodes()}")

    page.page.click(".kg-bulk[data-filter=classes] button[data-all='1']")
    assert page.js("() => kgViz.visibleNodes().length") == graph.number_of_nodes()


def test_district_and_relation_filters(open_page, pages, graph: nx.MultiDiGraph):
    page = open_page(pages["bundled"])
    page.page.click("summary:has-text('关系')")
    page.page.locator("#kg-filter-relations label", has_text="实施").click()
    initiates = sum(1 for _, _, d in graph.edges(data=True) if d["relation"] == "initiates")
    assert page.js("() => kgViz.visibleEdges().length") == graph.number_of_edges() - initiates
    page.page.check("#kg-hide-isolated")
    visible = set(page.js("() => kgViz.visibleNodes().map(id => kgViz.data.nodes[id].kg.iri)"))
    linked = {n for u, v, d in graph.edges(data=True) if d["relation"] != "initiates" for n in (u, v)}
    assert visible == linked

    page.page.uncheck("#kg-hide-isolated")
    page.page.click("summary:has-text('区县')")
    page.page.click(".kg-bulk[data-filter=districts] button[data-all='0']")
    page.page.locator("#kg-filter-districts label", has_text="大足区").click()
    visible = page.js("() => kgViz.visibleNodes().map(id => kgViz.data.nodes[id].kg.district)")
    in_dazu = sum(1 for _, d in graph.nodes(data=True) if d["district"] == "大足区")
    assert set(visible) == {"大足区"} and len(visible) == in_dazu


# ---------------------------------------------------------------- the screenshot


def test_png_screenshot_from_the_command_line(store_path: Path, tmp_path: Path):
    out, png = tmp_path / "graph.html", tmp_path / "graph.png"
    result = subprocess.run(
        [sys.executable, "-m", "kg.cli", "viz", "--store", str(store_path), "--out", str(out), "--png", str(png)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert result.returncode == 0, result.stderr
    assert f"已写入 {png}" in result.stderr
    header = png.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (3200, 2000)  # 1600x1000 at device scale 2
    assert png.stat().st_size > 100_000  # a drawn graph, not a blank page
