"""The `kg serve` website in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright).

One server over a store built from the bundled data plus a document full of
hostile text; every page kind is opened, crawled, checked with axe-core
(vendored under tests/vendor, injected into the page) and photographed.
"""

from __future__ import annotations

import os
import re
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from kg.i18n import MESSAGES, text
from kg.model.vocab import DOC, KG, KGR, SCHEMA
from kg.outputs.viz import headless_chromium
from kg.sources.build import build
from kg.sparql.server import make_server, shutdown
from kg.store.embedded import Store

# Every text and title, placeholder or aria-label of the editor's controls (not the query, cells or column names).
YASGUI_WORDS = """() => {
  const out = [], data = '.CodeMirror-lines, tbody, thead';
  const walker = document.createTreeWalker(document.getElementById('yasgui'), NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.textContent.trim() && !n.parentElement.closest(data)) out.push(n.textContent.trim());
  }
  document.querySelectorAll('#yasgui [title], #yasgui [placeholder], #yasgui [aria-label]').forEach(e => {
    if (!e.closest('.CodeMirror-lines, tbody')) for (const a of ['title', 'placeholder', 'aria-label']) {
      if (e.getAttribute(a)) out.push(e.getAttribute(a).trim());
    }
  });
  return out;
}"""
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
HOSTILE = "<img src=x onerror=alert(1)>"
BREAKOUT = "</script><script>window.__pwned = 1; alert(2)</script>"
EVIL = KGR["e-vil"]
EVIL_DOC = DOC["evil-0001"]
PAGES = {
    "home": "/",
    "entity": "/id/chong-qing-li-gong-da-xue",
    "document": "/doc/banan-d85cd3f1",
    "district": "/id/ba-nan-qu?compare=https%3A%2F%2Fw3id.org%2Fkg-cityedu%2Fid%2Fda-zu-qu",
    "search": "/search?q=%E9%87%8D%E5%BA%86",
    "editor": "/sparql",
    "path": "/path?from=%E9%87%8D%E5%BA%86%E7%90%86%E5%B7%A5%E5%A4%A7%E5%AD%A6&to=%E5%B7%B4%E5%8D%97%E5%8C%BA",
    "hostile-entity": "/id/e-vil",
    "hostile-document": "/doc/evil-0001",
    "hostile-search": "/search?q=" + urllib.parse.quote(HOSTILE),
    "ontology": "/ontology",
}


def hostile_graph() -> Graph:
    """An entity, a document and a relation whose every text is markup or a script breakout."""
    graph = Graph()
    body = f"正文{HOSTILE}与重庆理工大学合作。{BREAKOUT}"
    graph.add((EVIL_DOC, RDF.type, KG.SourceDocument))
    graph.add((EVIL_DOC, SCHEMA.headline, Literal(HOSTILE + BREAKOUT, lang="zh")))
    graph.add((EVIL_DOC, SCHEMA.text, Literal(body, lang="zh")))
    graph.add((EVIL, RDF.type, KG.Company))
    graph.add((EVIL, RDFS.label, Literal(HOSTILE, lang="zh")))
    graph.add((EVIL, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"), Literal(BREAKOUT, lang="zh")))
    graph.add((EVIL, KG.mentionedIn, EVIL_DOC))
    assertion = URIRef("https://w3id.org/kg-cityedu/assertion/evil")
    graph.add((EVIL, KG.cooperatesWith, KGR["chong-qing-li-gong-da-xue"]))
    graph.add((assertion, RDF.type, KG.RelationAssertion))
    graph.add((assertion, RDF.subject, EVIL))
    graph.add((assertion, RDF.predicate, KG.cooperatesWith))
    graph.add((assertion, RDF.object, KGR["chong-qing-li-gong-da-xue"]))
    graph.add((assertion, KG.evidence, Literal(body, lang="zh")))
    graph.add((assertion, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), EVIL_DOC))
    graph.add((assertion, KG.startOffset, Literal(0, datatype=XSD.integer)))
    graph.add((assertion, KG.endOffset, Literal(len(body), datatype=XSD.integer)))
    graph.add((assertion, KG.year, Literal("2024", datatype=XSD.gYear)))
    return graph


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("web") / "store"
    with Store(path) as store:
        build(store)
        store.replace_graphs({EVIL_DOC: hostile_graph()})
    server = make_server(path, "127.0.0.1", 0, timeout=20, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = server.url.rstrip("/")
    deadline = time.monotonic() + 300  # a background process at low priority: minutes on a busy machine
    while time.monotonic() < deadline:  # the figures of the whole graph (ranks, comparisons) are computed
        pages = [urllib.request.urlopen(url + PAGES["entity"], timeout=60).read().decode() for _ in range(6)]
        if not any("图谱分析正在计算" in page or "being computed" in page for page in pages):
            break
        time.sleep(1)
    try:
        yield url
    finally:
        shutdown(server)
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with headless_chromium() as chromium:
        yield chromium


class Visit:
    """A page opened in a fresh context, with every request it made, console error and dialog."""

    def __init__(self, browser: Any, url: str, *, javascript: bool = True, locale: str = "zh-CN", csp: bool = True):
        self.context = browser.new_context(
            viewport={"width": 1600, "height": 1000}, java_script_enabled=javascript, locale=locale, bypass_csp=not csp
        )
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.response = self.page.goto(url, wait_until="load")

    def close(self) -> None:
        self.context.close()


def _own(url: str, base: str) -> bool:
    return url.startswith(base + "/") or url == base or url.startswith(("data:", "about:", "blob:"))


@pytest.mark.parametrize("kind", list(PAGES))
def test_page_loads_nothing_remote_has_no_errors_and_runs_nothing_injected(site: str, browser: Any, kind: str):
    visit = Visit(browser, site + PAGES[kind])
    try:
        assert visit.response.status == 200
        if kind == "editor":
            visit.page.wait_for_selector(".yasqe .CodeMirror", timeout=20_000)
        visit.page.wait_for_timeout(600)
        assert [u for u in visit.requests if not _own(u, site)] == []
        assert visit.errors == []
        assert visit.dialogs == []
        assert visit.page.evaluate("window.__pwned === undefined")
        assert visit.page.evaluate("document.querySelectorAll('img[src=x]').length") == 0
        html_lang = visit.page.evaluate("document.documentElement.lang")
        assert html_lang in {"zh-CN", "zh-Hans"}
        if kind.startswith("hostile-") and kind != "hostile-search":
            assert HOSTILE in visit.page.inner_text("main")  # shown as text
    finally:
        visit.close()


@pytest.mark.parametrize("kind", ["home", "entity", "document", "district", "search", "editor", "path"])
def test_axe_finds_no_serious_violation(site: str, browser: Any, kind: str):
    visit = Visit(browser, site + PAGES[kind], csp=False)  # the pages' policy would (rightly) block injected axe
    try:
        if kind == "editor":
            visit.page.wait_for_selector(".yasqe .CodeMirror", timeout=20_000)
        visit.page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        result = visit.page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
        )
        serious = [v for v in result if v["impact"] in {"serious", "critical"}]
        assert serious == [], serious
    finally:
        visit.close()


def test_crawler_from_home_finds_no_404(site: str):
    seen: set[str] = set()
    todo = ["/"]
    broken = []
    while todo and len(seen) < 400:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        try:
            with urllib.request.urlopen(site + path, timeout=60) as response:
                body = response.read().decode("utf-8", "replace")
                kind = response.headers.get_content_type()
        except urllib.error.HTTPError as error:
            broken.append((path, error.code))
            continue
        if kind != "text/html":
            continue
        for href in re.findall(r'(?:href|src)="([^"#]*)', body):
            href = href.replace("&amp;", "&")
            if not href or href.startswith(("http:", "https:", "data:", "mailto:")):
                continue
            target = urllib.parse.urljoin(path, href)
            if "/sparql?" in target and "query=" in target:
                target = target  # example queries are pages too
            if target not in seen:
                todo.append(target)
    assert broken == []
    assert len(seen) > 50


def test_keyboard_only_navigation_reaches_an_entity(site: str, browser: Any):
    visit = Visit(browser, site + "/")
    try:
        page = visit.page
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip"
        for _ in range(12):  # to the search box
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == "q":
                break
        assert page.evaluate("document.activeElement.id") == "q"
        page.keyboard.type("重庆理工大学")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/search\?q="))
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.textContent") == "重庆理工大学":
                break
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/id/chong-qing-li-gong-da-xue$"))
        assert page.inner_text("h1") == "重庆理工大学"
    finally:
        visit.close()


def test_editor_runs_an_example_and_falls_back_without_scripts(site: str, browser: Any):
    visit = Visit(browser, site + "/sparql")
    try:
        page = visit.page
        page.wait_for_selector(".yasqe .CodeMirror")
        page.select_option("#example-select", label="哪些企业与哪些学校合作（产教融合对）")  # the page's language
        page.click("#example-load")
        page.click(".yasqe_queryButton")
        page.wait_for_selector(".yasr .dataTable tbody tr", timeout=20_000)
        assert "华为赛力斯" in page.inner_text(".yasr")
        assert [u for u in visit.requests if not _own(u, site)] == []
        # YASGUI's own controls speak Chinese on a Chinese page, in the words of kg/i18n.py
        shown = page.inner_text("#yasgui")
        for key in ("yasgui_simple_view", "yasgui_ellipse", "yasgui_page_size"):
            assert text(key, "zh") in shown and text(key, "en") not in shown
        assert re.search(r"\d+ 条结果，用时 [\d.]+ 秒", shown) and re.search(r"第 1 至 \d+ 条，共 \d+ 条", shown)
        words = page.evaluate(YASGUI_WORDS)
        english = {en for key, (_, en) in MESSAGES.items() if key.startswith("yasgui_") and "{" not in en}
        assert english & set(words) == set()
        assert {"运行查询", "筛选结果", "打开请求设置", "下载结果", "第一页"} <= set(words)
    finally:
        visit.close()
    english_page = Visit(browser, site + "/sparql", locale="en-GB")  # English under the switch: YASGUI's own
    try:
        page = english_page.page
        page.wait_for_selector(".yasqe .CodeMirror")
        page.click(".yasqe_queryButton")
        page.wait_for_selector(".yasr .dataTable tbody tr", timeout=20_000)
        assert "Simple view" in page.inner_text("#yasgui") and "Run query" in page.evaluate(YASGUI_WORDS)
    finally:
        english_page.close()
    plain = Visit(browser, site + "/sparql", javascript=False)
    try:
        plain.page.fill("#plain-query", "SELECT ?l WHERE { <https://w3id.org/kg-cityedu/id/ba-nan-qu> rdfs:label ?l }")
        plain.page.click("#plain-form button[type=submit]")
        plain.page.wait_for_selector("table tbody tr")
        assert "巴南区" in plain.page.inner_text("table")
    finally:
        plain.close()


def test_english_switch_and_accept_language(site: str, browser: Any):
    visit = Visit(browser, site + "/id/chong-qing-li-gong-da-xue")
    try:
        page = visit.page
        assert "关系" in page.inner_text("main")
        page.click("a.lang")
        page.wait_for_url(re.compile(r"/id/chong-qing-li-gong-da-xue$"))
        assert page.evaluate("document.documentElement.lang") == "en"
        assert "Relations" in page.inner_text("main")
        assert "University" in page.inner_text("main")  # the class's @en label
    finally:
        visit.close()
    request = urllib.request.Request(site + "/", headers={"Accept-Language": "en-US,en;q=0.9"})
    with urllib.request.urlopen(request, timeout=60) as response:
        assert '<html lang="en">' in response.read().decode()


def test_screenshots_of_every_page_kind(site: str, browser: Any, tmp_path_factory: pytest.TempPathFactory):
    folder = Path(os.environ.get("KG_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    for kind in ("home", "entity", "document", "district", "search", "editor"):
        visit = Visit(browser, site + PAGES[kind])
        try:
            if kind == "editor":
                visit.page.wait_for_selector(".yasqe .CodeMirror")
                visit.page.click(".yasqe_queryButton")
                visit.page.wait_for_selector(".yasr .dataTable tbody tr", timeout=20_000)
            visit.page.wait_for_timeout(1500)
            png = folder / f"{kind}.png"
            visit.page.screenshot(path=str(png))
            assert png.stat().st_size > 20_000
        finally:
            visit.close()
