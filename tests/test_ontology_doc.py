"""The ontology's HTML documentation: complete, bilingual, escaped, and self-contained in a real browser."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from kg.model.vocab import KG, ontology
from kg.outputs.ontology_doc import ontology_html, outline, write_ontology_doc
from kg.outputs.validate import rules


class Page(HTMLParser):
    """Collects ids, links, resource references and text of an HTML page."""

    def __init__(self, html: str):
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.resources: list[tuple[str, str]] = []
        self.tags: list[str] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append(tag)
        if "id" in attributes:
            self.ids.append(attributes["id"] or "")
        if tag == "a":
            self.links.append(attributes.get("href") or "")
        for name in ("src", "srcset", "data"):
            if attributes.get(name):
                self.resources.append((tag, attributes[name] or ""))
        if tag == "link":
            self.resources.append((tag, attributes.get("href") or ""))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture(scope="module")
def html() -> str:
    return ontology_html()


def test_every_term_is_documented_in_both_languages(html: str):
    page = Page(html)
    text = "".join(page.text)
    graph = ontology()
    terms = [
        s for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty) for s in graph.subjects(RDF.type, kind)
    ]
    terms = [t for t in terms if isinstance(t, URIRef) and str(t).startswith(str(KG))]
    assert len(terms) > 70
    for term in terms:
        local = str(term).split("#")[-1]
        assert local in page.ids, local
        for prop in (RDFS.label, RDFS.comment):
            languages = {value.language for value in graph.objects(term, prop)}
            assert {"zh", "en"} <= languages, (local, prop)
            for value in graph.objects(term, prop):
                assert str(value) in text, (local, str(value))
    assert sorted(page.ids) == sorted(set(page.ids)), "ids are unique"


def test_links_resolve_inside_the_page_or_go_to_http_iris(html: str):
    page = Page(html)
    for href in page.links:
        assert href.startswith(("#", "https://", "http://")), href
        if href.startswith("#"):
            assert href[1:] in page.ids, href
    assert "#VocationalCollege" in page.links and "https://schema.org/CollegeOrUniversity" in page.links


def test_hierarchy_domains_ranges_and_rules_are_shown(html: str):
    page = Page(html)
    text = " ".join(page.text)
    assert "kg validate" in text
    for rule in rules():
        assert f"rule-{rule}" in page.ids
    lines = outline().splitlines()
    assert "      School  学校（基础教育与中职） / School" in lines
    assert "worksAt  任职于 / works at  (Person → Organization)" in lines
    actor = re.search(r'<section class="term" id="Actor">.*?</section>', html, flags=re.S).group()
    assert "Union of" in actor and all(f'href="#{c}"' in actor for c in ("Organization", "Person", "Place"))
    builds = re.search(r'<section class="term" id="builds">.*?</section>', html, flags=re.S).group()
    assert re.search(r'Domain</span></th><td><a href="#Actor"', builds)
    assert re.search(r'Range</span></th><td><a href="#Organization"', builds)


def test_page_loads_nothing_from_elsewhere(html: str):
    page = Page(html)
    assert page.resources == [], "no script src, stylesheet link, image or font"
    assert "@import" not in html and "url(" not in html
    assert page.tags.count("script") == 1 and page.tags.count("style") == 1


def test_labels_and_comments_are_escaped_text():
    graph = Graph()
    for triple in ontology():
        graph.add(triple)
    evil = KG.Evil
    graph.add((evil, RDF.type, OWL.Class))
    graph.add((evil, RDFS.label, Literal('<script>alert("x")</script>', lang="zh")))
    graph.add((evil, RDFS.label, Literal("Tom & Jerry's <b>class</b>", lang="en")))
    graph.add((evil, RDFS.comment, Literal("</p><img src=x onerror=alert(1)>", lang="en")))
    graph.add((evil, OWL.equivalentClass, URIRef("javascript:alert(1)")))
    html = ontology_html(graph)
    page = Page(html)
    assert "<script>alert" not in html and "<img" not in html and "<b>class</b>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "Tom &amp; Jerry&#39;s &lt;b&gt;class&lt;/b&gt;" in html
    assert "javascript:" not in page.links and all(not link.startswith("javascript") for link in page.links)
    assert page.resources == []


def test_cli_writes_the_page_and_prints_the_outline(tmp_path: Path):
    out = tmp_path / "ontology.html"
    result = subprocess.run(
        [sys.executable, "-m", "kg.cli", "ontology", "--doc", str(out)], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stderr == f"已写入 {out}\n"
    assert out.read_text(encoding="utf-8") == ontology_html()
    result = subprocess.run([sys.executable, "-m", "kg.cli", "ontology"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("类别\nActor  行动主体 / Actor\n")
    result = subprocess.run(
        [sys.executable, "-m", "kg.cli", "ontology", "--doc", str(tmp_path / "missing" / "x.html")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and result.stderr.startswith("kg: --doc ") and "Traceback" not in result.stderr


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip


def test_page_in_a_real_browser_is_offline_and_switches_language(tmp_path: Path):
    from playwright.sync_api import sync_playwright

    path = write_ontology_doc(tmp_path / "ontology.html")
    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            page = browser.new_page()
            page.on("request", lambda request: requests.append(request.url))
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(path.as_uri())
            assert page.title() == "城教共生知识图谱本体 · City–education knowledge graph ontology"
            zh_label = page.locator("#VocationalCollege h3 .zh")
            en_label = page.locator("#VocationalCollege h3 .en")
            assert zh_label.inner_text() == "高职院校" and en_label.is_visible() and zh_label.is_visible()
            page.get_by_role("button", name="English", exact=True).click()
            assert not zh_label.is_visible() and en_label.is_visible()
            page.get_by_role("button", name="中文", exact=True).click()
            assert zh_label.is_visible() and not en_label.is_visible()
            page.locator("nav a[href='#VocationalCollege']").click()
            assert page.evaluate("location.hash") == "#VocationalCollege"
            assert page.locator("#VocationalCollege").is_visible()
        finally:
            browser.close()
    assert errors == []
    assert requests == [path.as_uri()], "the page requests nothing but itself"
