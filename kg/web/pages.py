"""The pages of the website ``kg serve`` shows people, rendered from the store.

:func:`render` answers one request (path, parameters, language) with a
:class:`Response`; ``kg serve`` runs it inside its query workers, so every
page's queries keep the server's time limit and row limit.  A :class:`Site`
holds what a worker keeps between requests: the store and its search index.
Each page reads the entity, document or district it shows (queries bound to
it), never the whole store; what depends on the whole graph (ranks within a
class, district indicators, the home page's lists) is read from the figures
:mod:`kg.web.figures` keeps in the search index file, computed once per state
of the store in the background.

Every value that comes from the data is escaped by Jinja2's autoescaping;
IRIs and literals travel into SPARQL only as bound terms, never spliced.
"""

from __future__ import annotations

import re
import time
import urllib.parse
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from rdflib import URIRef

from kg.analysis.indicators import DistrictIndicators, district_scope, place_indicators
from kg.analysis.paths import NoPathError, PathSearchLimit, path_graph, paths_data, shortest_paths
from kg.analysis.projection import district_graph, resolve
from kg.errors import KgError
from kg.extract.ingest import document_text
from kg.i18n import HTML_LANG, MESSAGES, text, use_language
from kg.model.styles import class_group
from kg.model.terms import ancestors, label, pick_text
from kg.model.vocab import BASE, INFERRED_GRAPH, KG
from kg.outputs.report import _comparison_sections, sections_html
from kg.outputs.viz import VizOptions, render_html
from kg.store.search import kept_index
from kg.web.figures import place_key
from kg.web.i18n import group_label, term_label

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT_LABEL = "http://www.w3.org/2004/02/skos/core#altLabel"
SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
LIST_LIMIT = 200  # rows of any list on a page
MEMBER_GROUPS = ("School", "College", "Company", "Platform")
PATH_REACH = 20_000  # entities a path search may explore before it gives up (a page, not an analysis)

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'"
)


ENVIRONMENT = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True)


@dataclass
class Response:
    """A page: status, body, content type and extra headers."""

    status: int
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Request:
    """What a page needs to know of an HTTP request."""

    path: str
    params: dict[str, list[str]] = field(default_factory=dict)
    lang: str = "zh"
    can_update: bool = False  # --allow-update and the browser holds the token
    allow_update: bool = False
    csrf: str = ""
    message: str = ""

    def get(self, name: str, default: str = "") -> str:
        return (self.params.get(name) or [default])[0]


class PageError(KgError):
    """A request for a page that cannot be answered; ``status`` is its HTTP status."""

    def __init__(self, status: int, message: str = ""):
        super().__init__(message)
        self.status = status


class Site:
    """A worker's view of the store for the pages: the store and its search index (with the figures)."""

    def __init__(self, store: Any, *, base: str = BASE, row_limit: int = 10_000):
        self.store, self.base, self.row_limit = store, base, row_limit
        self._index = None
        self.timeout = 10.0  # the server's time limit for a page
        self.env = ENVIRONMENT  # one per process: its compiled templates outlive a reopened store

    def index(self) -> Any:
        if self._index is None:
            self._index = kept_index(self.store)  # kg serve checked it against the store's graphs at start
        return self._index

    def close(self) -> None:
        if self._index is not None:
            self._index.close()

    def figure(self, key: str) -> Any:
        """A figure of the whole graph (:mod:`kg.web.figures`) for the store as it is, or None (not computed yet)."""
        index = self.index()
        return index.figure(key) if index is not None else None

    def figures_current(self) -> bool:
        index = self.index()
        return index is not None and index.figures_current()

    # -- queries ----------------------------------------------------------------

    def select(self, sparql: str, **bindings: Any) -> list[dict[str, Any]]:
        """Rows of a SELECT, cut at the row limit; ``bindings`` are terms (never spliced into the text)."""
        rows = []
        solutions = self.store.query_raw(sparql, bindings or None)
        names = [v.value for v in solutions.variables]
        for solution in solutions:
            if len(rows) >= self.row_limit:
                break
            rows.append({n: solution[n] for n in names if solution[n] is not None})
        return rows

    # -- IRIs and links -------------------------------------------------------------

    def path_of(self, iri: str) -> str | None:
        """The local path of an IRI this site serves (``/id/…``, ``/doc/…``), else None."""
        if iri.startswith(self.base):
            local = iri[len(self.base) :]
            if re.match(r"(id|doc)/[^/#?]+$", local):
                return "/" + urllib.parse.quote(local, safe="/-_.~")
            if local.startswith("ontology#"):
                return "/ontology#" + urllib.parse.quote(local[len("ontology#") :], safe="-_.~")
        return None

    def iri_of(self, kind: str, local: str) -> str:
        return f"{self.base}{kind}/{local}"


def _v(term: Any) -> str:
    return "" if term is None else str(term.value)


# -- shared page parts -------------------------------------------------------------


def _page(site: Site, request: Request, template: str, title: str, status: int = 200, **context: Any) -> Response:
    lang = request.lang
    other = "en" if lang == "zh" else "zh"
    here = request.path + (("?" + urllib.parse.urlencode(request.params, doseq=True)) if request.params else "")
    if status == 404:
        here = "/"  # a 404 page repeats nothing of the address it was asked for
    html = site.env.get_template(template).render(
        t=lambda key, **values: text(key, lang, **values),
        lang=lang,
        html_lang=HTML_LANG[lang],
        title=title,
        switch_href="/lang?" + urllib.parse.urlencode({"to": other, "next": here}),
        request=request,
        link=lambda iri: site.path_of(iri),
        **context,
    )
    return Response(status, html.encode("utf-8"), headers={"Content-Security-Policy": CSP})


def _labels(site: Site, iris: set[str], lang: str) -> dict[str, str]:
    """Display labels of many IRIs at once (bound as VALUES through pyoxigraph terms)."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    chunk = sorted(iris)
    for start in range(0, len(chunk), 500):
        values = " ".join(f"<{iri}>" for iri in chunk[start : start + 500] if _safe_iri(iri))
        if not values:
            continue
        for row in site.select(f"SELECT ?x ?l WHERE {{ VALUES ?x {{ {values} }} ?x rdfs:label ?l }}"):
            found[_v(row["x"])].append((_v(row["l"]), row["l"].language or ""))
    return {iri: pick_text(pairs, lang) for iri, pairs in found.items()}


def _safe_iri(iri: str) -> bool:
    """True for an IRI that can be written between ``<>`` (they come from the store; checked all the same)."""
    return not re.search(r'[\s<>"{}|^`\\]', iri)


# -- home -------------------------------------------------------------------------


def home(site: Site, request: Request) -> Response:
    """Districts, classes with counts, recent documents: figures of the whole graph, kept (kg.web.figures)."""
    lang = request.lang
    counts = site.figure("classes")
    if counts is None and site.index() is not None:  # not computed yet: the index has them (one scan of a table)
        from kg.web.figures import class_counts

        counts = class_counts(site.index())
    classes = [
        {"iri": iri, "label": term_label(iri, lang), "n": n}
        for iri, n in sorted((counts or {}).items(), key=lambda item: (-item[1], item[0]))
    ]
    districts = site.figure("districts")
    documents = site.figure("documents")
    return _page(
        site,
        request,
        "home.html.j2",
        text("site", lang),
        classes=classes,
        districts=None
        if districts is None
        else [{"iri": d, "label": name, "n": n} for d, name, n in districts[:LIST_LIMIT]],
        more_districts=max(0, len(districts or []) - LIST_LIMIT),
        documents=None
        if documents is None
        else [{"iri": d, "title": title or id_, "method": method} for d, title, id_, method in documents],
    )


# -- entity ------------------------------------------------------------------------

ABOUT = "SELECT ?e ?p ?o ?g WHERE { GRAPH ?g { ?e ?p ?o } }"
ASSERTIONS = """
SELECT DISTINCT ?e ?a ?s ?p ?o ?ev ?doc ?start ?year ?method WHERE {
  # Each branch starts from the bound entity (one pattern over every assertion first is 100x slower).
  { ?a rdf:subject ?e ; rdf:predicate ?p ; rdf:object ?o . BIND(?e AS ?s) }
  UNION { ?a rdf:object ?e ; rdf:subject ?s ; rdf:predicate ?p . BIND(?e AS ?o) }
  OPTIONAL { ?a kg:evidence ?ev } OPTIONAL { ?a prov:wasDerivedFrom ?doc }
  OPTIONAL { ?a kg:startOffset ?start } OPTIONAL { ?a kg:year ?year } OPTIONAL { ?a kg:method ?method }
} LIMIT 2000
"""
INDICATORS = """
SELECT DISTINCT ?e ?i ?measure ?value ?unit ?text ?ev ?doc ?year WHERE {
  ?i kg:indicatorOf ?e ; kg:measure ?measure ; kg:value ?value .
  OPTIONAL { ?i kg:unit ?unit } OPTIONAL { ?i kg:valueText ?text } OPTIONAL { ?i kg:evidence ?ev }
  OPTIONAL { ?i prov:wasDerivedFrom ?doc } OPTIONAL { ?i kg:year ?year }
} LIMIT 500
"""
TYPES = """
SELECT ?inferred ?x ?c WHERE { VALUES ?x { VALUES_HERE } GRAPH ?g { ?x a ?c } FILTER(?g != ?inferred) }
"""
MEMBER_LIMIT = 5000
MEMBERS = f"SELECT DISTINCT ?e ?m WHERE {{ ?m kg:district ?e }} LIMIT {MEMBER_LIMIT}"
CJK = re.compile(r"[\u4e00-\u9fff]")


def _assertion_id(iri: str) -> str:
    return "ev-" + re.sub(r"[^A-Za-z0-9_-]", "", iri.rsplit("/", 1)[-1])


def _entity_facts(site: Site, iri: str, lang: str) -> dict[str, Any]:
    """Everything the store says about an entity, its relations with evidence and its indicators."""
    entity = URIRef(iri)
    about = site.select(ABOUT, e=entity)
    if not about:
        raise PageError(404)
    inferred = str(INFERRED_GRAPH)
    labels, aliases, types, same_as, extra = [], set(), [], [], []
    districts, cities = set(), set()
    for row in about:
        p, o, g = _v(row["p"]), row["o"], _v(row["g"])
        if p == RDFS_LABEL:
            labels.append((o.value, getattr(o, "language", None) or ""))
        elif p == ALT_LABEL:
            aliases.add(o.value)
        elif p == RDF_TYPE and g != inferred and o.value.startswith(str(KG)):
            types.append(o.value)
        elif p == str(KG.district):
            districts.add(o.value)
        elif p == str(KG.city):
            cities.add(o.value)
        elif p == SAME_AS:
            same_as.append(o.value)
        elif p in (str(KG.divisionCode), str(KG.note)):
            extra.append((text("division_code" if p.endswith("divisionCode") else "note", lang), o.value))
    name = pick_text(labels, lang) or iri.rsplit("/", 1)[-1]
    rows = site.select(ASSERTIONS, e=entity)
    others = {_v(r["s"]) for r in rows} | {_v(r["o"]) for r in rows} | districts | cities
    docs = {_v(r.get("doc")) for r in rows} - {""}
    names = _labels(site, others - {iri}, lang)
    titles = _doc_titles(site, docs)
    groups: dict[str, list[dict]] = defaultdict(list)
    seen = set()
    for r in sorted(rows, key=lambda r: (_v(r.get("year")), _v(r["a"]))):
        key = (_v(r["s"]), _v(r["p"]), _v(r["o"]), _v(r.get("ev")))
        if key in seen:  # the same statement made again (a curated and an extracted copy): once
            continue
        seen.add(key)
        outgoing = _v(r["s"]) == iri
        other = _v(r["o"]) if outgoing else _v(r["s"])
        doc = _v(r.get("doc"))
        groups[_v(r["p"])].append(
            {
                "outgoing": outgoing,
                "other": other,
                "other_label": names.get(other, other.rsplit("/", 1)[-1]),
                "evidence": _v(r.get("ev")),
                "doc": doc,
                "doc_title": titles.get(doc, doc.rsplit("/", 1)[-1]),
                "anchor": _assertion_id(_v(r["a"])),
                "year": _v(r.get("year")),
                "method": _v(r.get("method")),
                "relation": _v(r["p"]),
            }
        )
    relations = [
        {"iri": p, "label": term_label(p, lang), "items": items}
        for p, items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
    indicators = [
        {
            "measure": _v(r["measure"]),
            "value": _v(r["value"]),
            "unit": _v(r.get("unit")),
            "text": _v(r.get("text")),
            "evidence": _v(r.get("ev")),
            "doc": _v(r.get("doc")),
            "anchor": _assertion_id(_v(r["i"])),
            "year": _v(r.get("year")),
        }
        for r in site.select(INDICATORS, e=entity)
    ]
    cls = _most_specific(types)
    return {
        "iri": iri,
        "name": name,
        "labels": sorted({v for v, _ in labels} - {name}),
        "aliases": sorted(aliases - {name}),
        "cls": cls,
        "class_zh": label(URIRef(cls), "zh") if cls else "",
        "class_en": label(URIRef(cls), "en") if cls else "",
        "districts": [(d, names.get(d, d)) for d in sorted(districts)],
        "cities": [(c, names.get(c, c)) for c in sorted(cities)],
        "same_as": same_as,
        "extra": extra,
        "relations": relations,
        "indicators": indicators,
        "n_relations": sum(len(g["items"]) for g in relations),
    }


def _most_specific(types: list[str]) -> str:

    names = {t.rsplit("#", 1)[-1]: t for t in types}
    for local, iri in sorted(names.items()):
        if not any(local != other and local in ancestors(other) for other in names):
            return iri
    return types[0] if types else ""


def _doc_titles(site: Site, docs: set[str]) -> dict[str, str]:
    if not docs:
        return {}
    values = " ".join(f"<{d}>" for d in sorted(docs) if _safe_iri(d))
    rows = site.select(f"SELECT ?d ?t WHERE {{ VALUES ?d {{ {values} }} ?d schema:headline ?t }}")
    return {_v(r["d"]): _v(r["t"]) for r in rows}


def _timeline(relations: list[dict], lang: str) -> list[dict]:
    """Relations and awards by year: [{year, n, awards, items}], oldest first."""
    years: dict[str, list[dict]] = defaultdict(list)
    for group in relations:
        for item in group["items"]:
            if item["year"]:
                years[item["year"][:4]].append(item)
    peak = max((len(v) for v in years.values()), default=1)
    award = {str(KG.hasAward), str(KG.designatedAs)}
    return [
        {
            "year": year,
            "n": len(items),
            "awards": sum(1 for i in items if i["relation"] in award),
            "width": round(100 * len(items) / peak),
            "items": items[:20],
        }
        for year, items in sorted(years.items())
    ]


def entity(site: Site, request: Request, local: str) -> Response:
    lang = request.lang
    iri = site.iri_of("id", local)
    facts = _entity_facts(site, iri, lang)
    if request.get("view") == "graph":
        return _ego_graph(site, request, facts)
    index = site.index()
    current = index is not None and index.figures_current()
    ranks = None
    found = index.rank(iri) if current else None
    if found is not None:  # computed once per state of the store (kg.web.figures): one row
        group, size, *values = found
        keys = ("degree", "pagerank", "betweenness")
        ranks = {"group": group_label(group, lang), "values": {k: (v, size) for k, v in zip(keys, values, strict=True)}}
    is_district = facts["cls"].endswith("#District") or facts["cls"].endswith("#City")
    district = _district_parts(site, request, iri, facts) if is_district else None
    return _page(
        site,
        request,
        "entity.html.j2",
        facts["name"],
        e=facts,
        ranks=ranks,
        pending=not current,
        timeline=_timeline(facts["relations"], lang),
        district=district,
        graph_href=f"/id/{urllib.parse.quote(local)}?view=graph",
    )


def _ego_graph(site: Site, request: Request, facts: dict) -> Response:
    """The entity and its direct neighbours, drawn by the same code as ``kg viz``."""
    lang = request.lang
    iri = facts["iri"]
    graph = nx.MultiDiGraph()
    nodes = {iri} | {i["other"] for g in facts["relations"] for i in g["items"]}
    if facts["cls"].endswith("#District"):  # its members and their partners, read from the store
        part = district_graph(site.store, iri)
        if iri in part:
            graph = district_scope(part, iri)
    if graph.number_of_nodes() == 0:
        _add_nodes(site, graph, nodes, lang)
        for group in facts["relations"]:
            for item in group["items"]:
                s, o = (iri, item["other"]) if item["outgoing"] else (item["other"], iri)
                graph.add_edge(
                    s,
                    o,
                    key=item["anchor"],
                    relation=group["iri"].rsplit("#", 1)[-1],
                    relation_label=group["label"],
                    evidence=item["evidence"],
                    source=item["doc"],
                    year=item["year"],
                )
    title = text("ego_graph_title", lang, name=facts["name"])
    with use_language(lang):  # the drawing's words, class and relation names in the page's language
        html = render_html(
            graph,
            VizOptions(title=title, label_width=4, label_lines=4),  # narrow labels: neighbours sit close
            _doc_titles(site, {i["doc"] for g in facts["relations"] for i in g["items"]} - {""}),
        )
    if request.get("embed"):  # in the entity page's narrow column the graph gets the room; ☰ opens the panel
        html = html.replace("<body>", '<body class="kg-panel-hidden">', 1).replace(
            'id="kg-panel-toggle" aria-controls="kg-panel" aria-expanded="true"',
            'id="kg-panel-toggle" aria-controls="kg-panel" aria-expanded="false"',
            1,
        )
    # The drawing page carries its own hash-based policy; framing is allowed from this site only.
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    headers = {
        "Content-Security-Policy": (policy.group(1) if policy else CSP).replace("&#39;", "'")
        + "; frame-ancestors 'self'"
    }
    return Response(200, html.encode("utf-8"), headers=headers)


def _classes(site: Site, nodes: set[str]) -> dict[str, str]:
    """The most specific stated ontology class of each node."""
    types: dict[str, list[str]] = defaultdict(list)
    ordered = sorted(n for n in nodes if _safe_iri(n))
    for start in range(0, len(ordered), 500):
        values = " ".join(f"<{n}>" for n in ordered[start : start + 500])
        for row in site.select(TYPES.replace("VALUES_HERE", values), inferred=URIRef(str(INFERRED_GRAPH))):
            if _v(row["c"]).startswith(str(KG)):
                types[_v(row["x"])].append(_v(row["c"]))
    return {node: _most_specific(found) for node, found in types.items()}


def _add_nodes(site: Site, graph: nx.MultiDiGraph, nodes: set[str], lang: str) -> None:
    names = _labels(site, nodes, lang)
    classes = _classes(site, nodes)
    for node in nodes:
        cls = classes.get(node, "")
        local = cls.rsplit("#", 1)[-1] if cls else ""
        graph.add_node(
            node,
            label=names.get(node, node.rsplit("/", 1)[-1]),
            cls=local,
            class_label=label(URIRef(cls), lang) if cls else "",
            district="",
            city="",
            aliases=[],
        )


def _district_parts(site: Site, request: Request, iri: str, facts: dict) -> dict:
    """Members by group, the district's indicators and the comparison with another district."""
    lang = request.lang
    index = site.index()
    if index is not None:  # names and stated classes from the index: one lookup, not every type triple of 10^3
        located = index.located_in(iri, MEMBER_LIMIT)
        members = [m for m in located if m.startswith(site.base + "id/")]
        guessed = {m: [(n, "zh" if CJK.search(n) else "en") for n in located[m][0]] for m in members}
        names = {m: pick_text(guessed[m], lang) or m for m in members}
        classes = {m: _most_specific(sorted(located[m][1])) for m in members}
    else:
        members = [_v(r["m"]) for r in site.select(MEMBERS, e=URIRef(iri)) if _v(r["m"]).startswith(site.base + "id/")]
        names = _labels(site, set(members), lang)
        classes = _classes(site, set(members))
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for member in members:
        cls = classes.get(member, "")
        group = class_group(cls.rsplit("#", 1)[-1]) if cls else "Other"
        groups[group if group in MEMBER_GROUPS else "Other"].append((member, names.get(member, member)))
    lists = [
        {
            "title": group_label(g, lang),
            "items": sorted(groups[g], key=lambda m: m[1])[:LIST_LIMIT],
            "n": len(groups[g]),
        }
        for g in (*MEMBER_GROUPS, "Other")
        if groups.get(g)
    ]
    other = request.get("compare")
    parts: dict[str, Any] = {"lists": lists, "comparison": None, "others": [], "compare_with": other}
    places = site.figure("places")
    if places is None:
        return parts  # the figures are being computed: the page says so
    parts["others"] = sorted(((p, name) for p, name in places if p != iri), key=lambda x: x[1])
    wanted = [iri]
    if other:
        if other in dict(places):
            wanted.append(other)
        else:
            parts["compare_error"] = text("unknown_entity", lang, name=other)
    try:
        parts["comparison"] = _comparison(site, wanted, lang)
    except KgError as error:
        parts["compare_error"] = str(error)
    return parts


def _comparison(site: Site, places: list[str], lang: str) -> Markup | None:
    """The ``kg analyze --compare`` tables and charts of ``places``, from their kept indicators.

    Each place's indicators are the in-store aggregates of :func:`place_indicators`,
    computed once per state of the store (:mod:`kg.web.figures`); a district
    the background computation has not reached yet is computed here, from its
    part of the graph, and kept.  The rendered comparison is kept too.
    """
    key = "comparison:" + lang + ":" + "|".join(places)
    index = site.index()
    html = site.figure(key)
    if html is not None:
        return Markup(html)
    results = []
    for place in places:
        data = site.figure(place_key(place))
        if data is None:
            if index is None or not index.figures_current():
                return None
            if not _class_of(site, place).endswith("#District"):
                return None  # a city's part is most of its districts: only the background computes it
            data = place_indicators(site.store, place)[0].to_dict()
            index.put_figure(index.generation(), place_key(place), data)
        results.append(DistrictIndicators.from_dict(data))
    with use_language(lang):
        sections = _comparison_sections(results, details=len(results) == 1)
    html = sections_html(sections, heading=3)
    if index is not None:
        index.put_figure(index.generation(), key, html)
    return Markup(html)


def _class_of(site: Site, iri: str) -> str:
    """The most specific stated ontology class of one entity."""
    return _classes(site, {iri}).get(iri, "")


# -- document ----------------------------------------------------------------------

DOCUMENT = "SELECT ?d ?p ?o WHERE { GRAPH ?d { ?d ?p ?o } }"
DOC_ASSERTIONS = """
SELECT ?d ?a ?s ?p ?o ?ev ?start ?end ?year WHERE { GRAPH ?d {
  ?a a kg:RelationAssertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?a kg:evidence ?ev } OPTIONAL { ?a kg:startOffset ?start } OPTIONAL { ?a kg:endOffset ?end }
  OPTIONAL { ?a kg:year ?year } } } LIMIT 5000
"""
DOC_INDICATORS = """
SELECT ?d ?i ?start ?end WHERE { GRAPH ?d { ?i a kg:Indicator ; kg:startOffset ?start ; kg:endOffset ?end } } LIMIT 5000
"""
DOC_ENTITIES = "SELECT DISTINCT ?d ?e WHERE { ?e kg:mentionedIn ?d } LIMIT 5000"
NAMES = "SELECT ?x ?l WHERE { VALUES ?x { VALUES_HERE } { ?x rdfs:label ?l } UNION { ?x skos:altLabel ?l } }"


def highlight(body: str, evidence: list[tuple[int, int, str]], mentions: dict[str, str], link: Any) -> Markup:
    """The text as HTML: evidence spans in ``<mark id=…>``, each mention of a name linked to its entity page.

    ``evidence``: (start, end, anchor id) character offsets; ``mentions``: name → entity IRI (longest names win).

    >>> str(highlight("甲校与<乙企>合作。", [(0, 10, "ev-1")], {"甲校": "urn:a"}, lambda iri: "/id/a"))
    '<mark class="evidence" id="ev-1"><a class="mention" href="/id/a">甲校</a>与&lt;乙企&gt;合作。</mark>'
    """
    n = len(body)
    cover: list[str | None] = [None] * (n + 1)
    for start, end, anchor in sorted(evidence, key=lambda e: (e[0], -e[1])):
        for i in range(max(0, start), min(n, end)):
            if cover[i] is None:
                cover[i] = anchor
    spans: list[tuple[int, int, str]] = []
    taken = [False] * (n + 1)
    names = sorted((m for m in mentions if m), key=len, reverse=True)
    if names:
        pattern = re.compile("|".join(re.escape(m) for m in names))
        for match in pattern.finditer(body):
            if not any(taken[match.start() : match.end()]):
                spans.append((match.start(), match.end(), mentions[match.group()]))
                for i in range(match.start(), match.end()):
                    taken[i] = True
    starts = {s: (e, iri) for s, e, iri in spans}
    out: list[str] = []
    opened: str | None = None
    used: set[str] = set()
    i = 0
    from markupsafe import escape

    def switch(anchor: str | None) -> None:
        nonlocal opened
        if anchor == opened:
            return
        if opened is not None:
            out.append("</mark>")
        if anchor is not None:
            id_attr = f' id="{escape(anchor)}"' if anchor not in used else ""
            used.add(anchor)
            out.append(f'<mark class="evidence"{id_attr}>')
        opened = anchor

    while i < n:
        if i in starts:
            end, iri = starts[i]
            switch(cover[i])
            href = link(iri)
            word = escape(body[i:end])
            out.append(
                f'<a class="mention" href="{escape(href)}">{word}</a>'
                if href
                else f'<span class="mention">{word}</span>'
            )
            i = end
            continue
        switch(cover[i])
        j = i + 1
        while j < n and j not in starts and cover[j] == cover[i]:
            j += 1
        out.append(str(escape(body[i:j])))
        i = j
    switch(None)
    return Markup("".join(out))


def _document_facts(site: Site, iri: str, lang: str) -> dict[str, Any]:
    doc = URIRef(iri)
    rows = site.select(DOCUMENT, d=doc)
    if not rows:
        raise PageError(404)
    meta: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        meta[_v(row["p"]).rsplit("/", 1)[-1].rsplit("#", 1)[-1]].append(_v(row["o"]))
    body = (meta.get("text") or [""])[0] or (document_text(site.store, iri) if "hasPart" in meta else "")
    assertions = site.select(DOC_ASSERTIONS, d=doc)
    entities = {_v(r["e"]) for r in site.select(DOC_ENTITIES, d=doc)}
    entities |= {_v(r["s"]) for r in assertions} | {_v(r["o"]) for r in assertions}
    authors = set(meta.get("author", []))
    names = _labels(site, entities | authors | set(meta.get("district", [])), lang)
    mentions: dict[str, str] = {}
    values = " ".join(f"<{e}>" for e in sorted(entities) if _safe_iri(e))
    if values:
        for row in site.select(NAMES.replace("VALUES_HERE", values)):
            name = _v(row["l"])
            if len(name) >= 2:
                mentions.setdefault(name, _v(row["x"]))
    evidence = []
    relations = []
    for r in sorted(assertions, key=lambda r: int(_v(r.get("start")) or 0)):
        anchor = _assertion_id(_v(r["a"]))
        if r.get("start") is not None and r.get("end") is not None:
            evidence.append((int(_v(r["start"])), int(_v(r["end"])), anchor))
        relations.append(
            {
                "s": _v(r["s"]),
                "s_label": names.get(_v(r["s"]), _v(r["s"])),
                "p_label": term_label(_v(r["p"]), lang),
                "o": _v(r["o"]),
                "o_label": names.get(_v(r["o"]), _v(r["o"])),
                "evidence": _v(r.get("ev")),
                "anchor": anchor,
                "year": _v(r.get("year")),
            }
        )
    for r in site.select(DOC_INDICATORS, d=doc):
        evidence.append((int(_v(r["start"])), int(_v(r["end"])), _assertion_id(_v(r["i"]))))
    method = (meta.get("method") or ["curated"])[0]
    return {
        "iri": iri,
        "title": (meta.get("headline") or [iri.rsplit("/", 1)[-1]])[0],
        "subtitle": (meta.get("alternativeHeadline") or [""])[0],
        "id": (meta.get("identifier") or [iri.rsplit("/", 1)[-1]])[0],
        "authors": sorted(names.get(a, a) for a in authors),
        "districts": [(d, names.get(d, d)) for d in meta.get("district", [])],
        "method": method,
        "source": (meta.get("hadPrimarySource") or [""])[0],
        "body": highlight(body, evidence, mentions, site.path_of),
        "relations": relations,
        "entities": sorted(((e, names.get(e, e)) for e in entities if e in names), key=lambda x: x[1]),
        "text": body,
    }


def document(site: Site, request: Request, local: str) -> Response:
    facts = _document_facts(site, site.iri_of("doc", local), request.lang)
    return _page(site, request, "document.html.j2", facts["title"], d=facts)


# -- search and paths ---------------------------------------------------------------


def search_hits(site: Site, query: str, lang: str, limit: int = 20) -> dict[str, list[dict]]:
    """Entities and documents matching ``query``, as plain data."""
    index = site.index()
    hits = index.search(query, limit) if index is not None and query.strip() else []
    entities, documents = [], []
    for hit in hits:
        item = {"iri": hit.iri, "href": site.path_of(hit.iri), "title": hit.title or hit.iri.rsplit("/", 1)[-1]}
        item["field"] = text("field_" + hit.field, lang)
        item["text"] = hit.text
        if hit.kind == "entity":
            item["class"] = term_label(hit.cls, lang) if hit.cls else ""
            entities.append(item)
        else:
            if hit.assertion:
                item["href"] = (item["href"] or "") + "#" + _assertion_id(hit.assertion)
            documents.append(item)
    return {"entities": entities, "documents": documents}


def search(site: Site, request: Request) -> Response:
    query = request.get("q").strip()[:200]
    started = time.perf_counter()
    results = search_hits(site, query, request.lang) if query else {"entities": [], "documents": []}
    elapsed = round((time.perf_counter() - started) * 1000, 1)
    title = text("results_for", request.lang, q=query) if query else text("search", request.lang)
    return _page(site, request, "search.html.j2", title, q=query, results=results, elapsed=elapsed)


def search_json(site: Site, request: Request) -> Response:
    import json

    query = request.get("q").strip()[:200]
    results = search_hits(site, query, request.lang, limit=10) if query else {"entities": [], "documents": []}
    return Response(200, json.dumps(results, ensure_ascii=False).encode("utf-8"), "application/json")


def path_page(site: Site, request: Request) -> Response:
    """Paths between two entities, searched in the store from both ends (``kg path``'s code), never the whole graph."""
    lang = request.lang
    a, b = request.get("from").strip(), request.get("to").strip()
    context: dict[str, Any] = {"a": a, "b": b, "paths": [], "error": "", "pending": False, "suggest": []}
    title = text("connected_to", lang)
    if a and b:
        ends = [resolve(site.store, name) for name in (a, b)]
        if None in ends:  # unknown or ambiguous: the search index offers the candidates
            missing = a if ends[0] is None else b
            context["suggest"] = search_hits(site, missing, lang, 8)["entities"]
            named = sum(1 for hit in context["suggest"] if hit["title"] == missing)
            context["error"] = text("ambiguous_entity" if named > 1 else "unknown_entity", lang, name=missing)
            return _page(site, request, "path.html.j2", title, **context)
        try:
            graph = path_graph(site.store, ends[0], ends[1], reach=PATH_REACH)
            paths = shortest_paths(graph, ends[0], ends[1])
            title = text("path_title", lang, a=graph.nodes[ends[0]]["label"], b=graph.nodes[ends[1]]["label"])
            context["paths"] = paths_data(graph, paths)
            context["same"] = paths == [[]]
            for path in context["paths"]:
                for hop in path:
                    for s in hop["statements"]:
                        s["relation_label"] = term_label(str(KG[s["relation"]]), lang)
                        s["href"] = (site.path_of(s["source"]) or "") if s["source"] else ""
        except PathSearchLimit:
            context["error"] = text("path_too_far", lang, n=PATH_REACH)
        except NoPathError:
            context["error"] = text("no_path", lang)
    return _page(site, request, "path.html.j2", title, **context)


# -- editor, results, ontology -------------------------------------------------------


def editor(site: Site, request: Request, examples: list[dict]) -> Response:
    from kg.model.vocab import PREFIXES
    from kg.outputs.viz import script_json

    # YASGUI's own controls speak English: a Chinese page gives editor.js the words to put in their place.
    words = [[en, zh] for key, (zh, en) in MESSAGES.items() if key.startswith("yasgui_")]
    if request.lang != "zh":
        words = []
    data = Markup(
        script_json(
            {"examples": examples, "endpoint": "/sparql", "prefixes": PREFIXES, "base": site.base, "words": words}
        )
    )
    page = _page(site, request, "editor.html.j2", text("editor", request.lang), examples=examples, data=data)
    # CodeMirror and DataTables set element styles from script; nothing else is relaxed.
    page.headers["Content-Security-Policy"] = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    return page


def results_page(site: Site, request: Request, query: str, table: dict | None, error: str) -> Response:
    """A query's result as a plain HTML table: the editor's fallback when scripts are off."""
    rows = []
    if table:
        for binding in table["results"]["bindings"]:
            cells = []
            for name in table["head"]["vars"]:
                term = binding.get(name)
                if term is None:
                    cells.append(("", None))
                elif term["type"] == "uri":
                    cells.append((term["value"], site.path_of(term["value"]) or None))
                else:
                    cells.append((term["value"], None))
            rows.append(cells)
    return _page(
        site,
        request,
        "results.html.j2",
        text("results", request.lang),
        query=query,
        head=table["head"]["vars"] if table else [],
        rows=rows,
        truncated=bool(table and table.get("truncated")),
        limit=site.row_limit,
        error=error,
    )


def not_found(site: Site, request: Request) -> Response:
    response = _page(
        site,
        request,
        "error.html.j2",
        text("not_found", request.lang),
        status=404,
        message=text("not_found_text", request.lang),
    )
    return response


def message_page(site: Site, request: Request, status: int, title: str, message: str) -> Response:
    return _page(site, request, "error.html.j2", title, status=status, message=message)


# -- routing -------------------------------------------------------------------------


def render(site: Site, request: Request) -> Response:
    """The page for ``request.path``; unknown paths get a 404 page that does not repeat the path."""
    path = request.path
    try:
        if path == "/":
            return home(site, request)
        if path == "/search":
            return search(site, request)
        if path == "/search.json":
            return search_json(site, request)
        if path == "/path":
            return path_page(site, request)
        if path == "/add":
            return add_form(site, request)
        match = re.fullmatch(r"/(id|doc)/([^/]+)", path)
        if match:
            local = urllib.parse.unquote(match.group(2))
            return entity(site, request, local) if match.group(1) == "id" else document(site, request, local)
    except PageError as error:
        if error.status == 404:
            return not_found(site, request)
        raise
    return not_found(site, request)


# -- adding a press release (only with --allow-update) ---------------------------------


def add_form(site: Site, request: Request, error: str = "", text_value: str = "", name: str = "") -> Response:
    if not request.can_update:
        key = "token_needed" if request.allow_update else "read_only"
        return message_page(site, request, 403, text("add", request.lang), text(key, request.lang))
    return _page(site, request, "add.html.j2", text("add", request.lang), error=error, text_value=text_value, name=name)


def preview_page(site: Site, request: Request, body: str, name: str, extractions: list) -> Response:
    """What an ingest would add: per article its entities and relations, evidence highlighted in the text."""
    lang = request.lang
    articles = []
    for extraction in extractions:
        evidence = [(r.start, r.end, f"ev-p{i}") for i, r in enumerate(extraction.relations)]
        mentions = {m.name: str(e.iri) for e in extraction.entities for m in e.mentions if m.name}
        articles.append(
            {
                "title": extraction.article.title or extraction.article.id,
                "id": extraction.article.id,
                "body": highlight(extraction.article.text, evidence, mentions, lambda iri: None),
                "entities": sorted(
                    {
                        (e.label, label(KG[e.cls], lang) if e.cls else "", e.known)
                        for e in extraction.entities
                        if e.mentions
                    }
                ),
                "relations": [
                    {
                        "s": r.subject.label,
                        "p": term_label(str(KG[r.predicate]), lang),
                        "o": r.object.label,
                        "evidence": extraction.article.text[r.start : r.end],
                        "anchor": f"ev-p{i}",
                    }
                    for i, r in enumerate(extraction.relations)
                ],
                "empty": extraction.empty,
            }
        )
    title = text("preview_title", lang, title=articles[0]["title"] if articles else name)
    return _page(site, request, "preview.html.j2", title, articles=articles, text_value=body, name=name)
