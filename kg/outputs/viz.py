"""Interactive HTML graphs: one self-contained page per graph that works offline and escapes its data.

:func:`render_html` turns the projected ``MultiDiGraph`` (see :mod:`kg.analysis.projection`)
into one HTML file: vis-network nodes and edges (the dicts pyvis's ``Network`` writes), our own
template (``kg/outputs/templates/``) lays out the page, and the vis-network script and
stylesheet that pyvis ships are inlined, so the page references nothing remote.
Everything that comes from documents (labels, aliases, evidence) travels as
JSON inside a ``<script type="application/json">`` whose ``<``, ``>``, ``&``,
U+2028 and U+2029 are escaped, and the page writes it only through
``textContent`` or the canvas; a Content-Security-Policy with the hashes of
the page's own scripts blocks anything injected all the same.

Small graphs settle under the browser's force-directed physics, which then
stops; large graphs are laid out in Python (igraph's Fruchterman–Reingold, in
C) and drawn with physics off, straight edges and no edge labels, so even
5,000 nodes and 20,000 edges are drawn and still within seconds.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import math
import os
import random
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox

from kg.analysis import metrics as analysis
from kg.analysis.projection import Subset, project
from kg.errors import KgError
from kg.files import check_output, write_text
from kg.i18n import HTML_LANG, MESSAGES, current_language, text
from kg.model.styles import GREY, GROUPS, HALO, INK, MUTED_INK, PALETTE, class_style, relation_colour, shade
from kg.model.terms import label, symmetric_relations
from kg.model.vocab import KG
from kg.store.embedded import Store
from kg.store.search import pinyin_keys  # one home for a name's pinyin (imported when first used)
from kg.text import char_width

VIS_VERSION = "9.1.2"
COLOR_BY = ("class", "community", "district")
SIZE_BY = ("degree", "pagerank", "betweenness")
LAYOUTS = ("auto", "physics", "static")

# Above either size "auto" computes the layout in Python and turns physics off.
STATIC_LAYOUT_NODES = 300
STATIC_LAYOUT_EDGES = 900
# Rest length of the springs in the browser's force-directed layout (pixels).
SPRING_LENGTH = 70
# Edge labels are drawn on the canvas up to this many edges (tooltips always carry the relation).
EDGE_LABEL_LIMIT = 400
# Betweenness is estimated from this many sources above BETWEENNESS_EXACT nodes.
BETWEENNESS_EXACT = 1000
BETWEENNESS_SAMPLE = 300

# System CJK fonts only: the page loads no web font.
FONT_FACE = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", '
    '"Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'
)


# The words the page and its script show, by language: every viz_ message, and the shared words it reuses.
PAGE_WORDS = {
    lang: {
        key: text(key, lang)
        for key in MESSAGES
        if key.startswith("viz_")
        or key
        in {
            "classes",
            "districts",
            "relations",
            "class",
            "district",
            "aliases",
            "evidence",
            "source",
            "year",
            "pagerank",
            "betweenness",
        }
    }
    for lang in HTML_LANG
}


class VizError(KgError):
    """A visualisation option is wrong, or the headless browser for --png is missing."""


@dataclass(frozen=True)
class VizOptions:
    """How :func:`render_html` draws a graph.

    ``color_by``: class | community | district.  ``size_by``: degree (distinct
    neighbours) | pagerank | betweenness.  ``layout``: auto (physics for small
    graphs, Python layout for large ones) | physics | static.  ``edge_labels``:
    None draws them up to :data:`EDGE_LABEL_LIMIT` edges.  ``label_width``
    and ``label_lines``: node labels wrap at that many CJK characters per line
    and are cut with "…" after that many lines (tooltips show them whole).
    ``title`` None: the site's name in the current language.
    """

    title: str | None = None
    color_by: str = "class"
    size_by: str = "degree"
    layout: str = "auto"
    edge_labels: bool | None = None
    label_width: int = 9
    label_lines: int = 2
    seed: int = 0

    def __post_init__(self) -> None:
        for name, value, allowed in (
            ("--color-by", self.color_by, COLOR_BY),
            ("--size-by", self.size_by, SIZE_BY),
            ("--layout", self.layout, LAYOUTS),
        ):
            if value not in allowed:
                raise VizError(text("unknown_value", option=name, value=value, choices=", ".join(allowed)))
        if self.label_width < 1 or self.label_lines < 1:
            raise VizError(text("label_width_min"))


# ---------------------------------------------------------------- escaping and assets


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``</script>``, ``<!--`` or line separators.

    >>> script_json({"label": "</script><img src=x onerror=alert(1)>"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
    >>> json.loads(script_json(["a&b\\u2028"])) == ["a&b\\u2028"]
    True
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


@cache
def vis_assets() -> tuple[str, str]:
    """The vis-network script and stylesheet shipped with pyvis (read from the installed package)."""
    # Found without importing pyvis (whose package imports IPython): only its files are needed.
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - pyvis is a dependency
        raise VizError(text("pyvis_missing"))
    base = Path(next(iter(spec.submodule_search_locations))) / "lib" / f"vis-{VIS_VERSION}"
    try:
        script = (base / "vis-network.min.js").read_text(encoding="utf-8")
        style = (base / "vis-network.css").read_text(encoding="utf-8")
    except FileNotFoundError as error:  # pragma: no cover - a broken pyvis install
        raise VizError(text("pyvis_version", version=VIS_VERSION, reason=error)) from error
    if "</script" in script.lower() or "</style" in style.lower():  # pragma: no cover - would break the page
        raise VizError(text("vis_unsafe"))
    return script, style


def _template(name: str) -> str:
    return (resources.files("kg.outputs") / "templates" / name).read_text(encoding="utf-8")


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


# ---------------------------------------------------------------- visual encoding


@cache
def display_label(text: str, width: int = 9, lines: int = 2) -> str:
    """``text`` wrapped at ``width`` CJK characters per line (Latin counts half), cut with "…" after ``lines``.

    >>> display_label("重庆市高水平产教融合新能源汽车实训基地", 9, 2)
    '重庆市高水平产教融\\n合新能源汽车实训…'
    >>> display_label("华为", 9, 2)
    '华为'
    """
    rows: list[str] = []
    row, used = "", 0.0
    for char in text:
        cost = char_width(char) / 2  # in CJK characters
        if used + cost > width and row:
            rows.append(row)
            row, used = "", 0.0
        row += char
        used += cost
    rows.append(row)
    if len(rows) > lines:
        rows = rows[:lines]
        rows[-1] = rows[-1][:-1] + "…"
    return "\n".join(rows)


def node_scores(graph: nx.MultiDiGraph, size_by: str = "degree", seed: int = 0) -> dict[str, float]:
    """The score that sizes each node: distinct neighbours, PageRank or betweenness (kg.analysis.metrics).

    >>> G = nx.MultiDiGraph([("a", "b"), ("a", "b"), ("c", "a")])
    >>> node_scores(G)
    {'a': 2, 'b': 1, 'c': 1}
    """
    if size_by == "degree":
        return analysis.degree(graph)
    if size_by == "pagerank":
        return analysis.pagerank(graph)
    if size_by == "betweenness":
        sample = BETWEENNESS_SAMPLE if graph.number_of_nodes() > BETWEENNESS_EXACT else None
        return analysis.betweenness(graph, sample=sample, seed=seed)
    raise VizError(text("unknown_value", option="--size-by", value=size_by, choices=", ".join(SIZE_BY)))


def _igraph_layout(n: int, pairs: set[tuple[int, int]], seed: int) -> list[tuple[float, float]]:
    """igraph's Fruchterman–Reingold over nodes ``0..n-1`` and the index ``pairs``."""
    import igraph

    rng = random.Random(seed)
    # Start spread over a square of side sqrt(n), as igraph does: crowded starts defeat FR's grid (minutes, not 1 s).
    half = math.sqrt(n) / 2
    start = [[rng.uniform(-half, half), rng.uniform(-half, half)] for _ in range(n)]
    ig = igraph.Graph(n=n, edges=sorted(pairs))
    igraph.set_random_number_generator(rng)  # FR jitters coinciding nodes: keep it reproducible
    try:
        return [tuple(c) for c in ig.layout_fruchterman_reingold(seed=start, niter=500, grid="auto").coords]
    finally:
        igraph.set_random_number_generator(random)


def layout_positions(
    graph: nx.Graph, seed: int = 0, edge_length: float = 110.0, spacing: float = 50.0
) -> dict[Any, tuple[float, float]]:
    """Fruchterman–Reingold positions (igraph, in C) scaled so the median edge is ``edge_length`` pixels.

    Dense graphs, whose edges span the drawing, get at least ``spacing`` pixels per node instead.

    Deterministic for a given ``seed``.  Parallel and reverse edges count once.

    >>> pos = layout_positions(nx.path_graph(3))
    >>> sorted(pos) == [0, 1, 2] and all(len(p) == 2 for p in pos.values())
    True
    """
    nodes = list(graph)
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = {tuple(sorted((index[u], index[v]))) for u, v in graph.edges() if u != v}
    coords = _igraph_layout(len(nodes), pairs, seed)
    lengths = sorted(math.dist(coords[a], coords[b]) for a, b in pairs)
    median = lengths[len(lengths) // 2] if lengths else 0.0
    scale = edge_length / median if median > 0 else edge_length
    # A dense graph's edges span the whole drawing: keep at least `spacing` pixels per node all the same.
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    extent = max(max(xs) - min(xs), max(ys) - min(ys))
    if extent > 0:
        scale = max(scale, spacing * math.sqrt(len(nodes)) / extent)
    return {node: (round(coords[i][0] * scale, 1), round(coords[i][1] * scale, 1)) for node, i in index.items()}


# ---------------------------------------------------------------- the page


def _vis_node(n_id: int, *, label: str, shape: str, **options: Any) -> dict[str, Any]:
    """A vis-network node as pyvis's ``Network.add_node`` writes it (its options, then id, label, shape).

    pyvis ships the vis-network build the page inlines; its ``Network`` class itself adds nothing to
    these dicts, and importing it imports IPython (seconds of start-up for every ``kg viz``).
    """
    return {**options, "id": n_id, "label": label, "shape": shape}


def _vis_edge(source: int, to: int, **options: Any) -> dict[str, Any]:
    """A vis-network edge as pyvis's ``Network.add_edge`` writes it (its options, then from, to)."""
    return {**options, "from": source, "to": to}


def _groups(counts: Counter[str], colors: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    return [
        {"id": key, "count": n, **({"color": colors.get(key, GREY)} if colors is not None else {})}
        for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def _color_scheme(graph: nx.MultiDiGraph, options: VizOptions) -> tuple[dict[str, str], dict[str, Any] | None]:
    """Node colours by community or district, and the colour legend; ({}, None) when colouring by class."""
    if options.color_by == "community":
        found = analysis.communities(graph, "louvain", seed=options.seed)
        colors: dict[str, str] = dict.fromkeys(graph, GREY)  # small communities and isolated nodes stay grey
        items = []
        for community in found:
            color = PALETTE[community.id - 1] if community.id <= len(PALETTE) else GREY
            colors.update(dict.fromkeys(community.members, color))
            if community.id <= len(PALETTE):
                items.append(
                    {
                        "label": text("viz_community", id=community.id, label=community.label),
                        "color": color,
                        "count": community.size,
                    }
                )
        rest = graph.number_of_nodes() - sum(c.size for c in found[: len(PALETTE)])
        if rest:
            items.append({"label": text("viz_other_communities"), "color": GREY, "count": rest})
        return colors, {"title": text("viz_colour_community"), "items": items}
    if options.color_by == "district":
        counts = Counter(d.get("district") or "" for _, d in graph.nodes(data=True))
        named = [name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if name]
        district_colors = {name: PALETTE[i] if i < len(PALETTE) else GREY for i, name in enumerate(named)}
        district_colors[""] = GREY
        colors = {n: district_colors[d.get("district") or ""] for n, d in graph.nodes(data=True)}
        items = [
            {"label": name or text("viz_no_district"), "color": district_colors[name], "count": counts[name]}
            for name in [*named, ""]
        ]
        return colors, {"title": text("viz_colour_district"), "items": [i for i in items if i["count"]]}
    return {}, None


def _vis_options(static: bool, edge_labels: bool, seed: int, n_nodes: int) -> dict[str, Any]:
    physics: dict[str, Any]
    if static:
        physics = {"enabled": False}
    else:
        physics = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -50,
                "centralGravity": 0.02,
                "springLength": SPRING_LENGTH,
                "springConstant": 0.06,
                "damping": 0.5,
                "avoidOverlap": 0.8,
            },
            "maxVelocity": 60,
            "minVelocity": 1,
            "timestep": 0.4,
            "stabilization": {"enabled": True, "iterations": min(450, 150 + 2 * n_nodes), "updateInterval": 25},
        }
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": seed},
        "nodes": {
            "borderWidth": 1.5,
            "font": {"face": FONT_FACE, "size": 15, "color": INK, "strokeWidth": 3, "strokeColor": HALO},
            "scaling": {"label": {"enabled": False, "drawThreshold": 6}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
            "arrowStrikethrough": False,
            "color": {"opacity": 0.75},
            "font": {
                "face": FONT_FACE,
                "size": 11,
                "color": MUTED_INK,
                "strokeWidth": 3,
                "strokeColor": HALO,
                "align": "middle",
            },
            # Relation labels appear once zoomed in far enough to read them (tooltips always have them).
            "scaling": {"label": {"drawThreshold": 9}},
            "width": 1.1 if not static else 0.6,
            "hoverWidth": 1.5,
            "selectionWidth": 2,
            "smooth": {"enabled": True, "type": "continuous", "roundness": 0.35} if not static else False,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": static,
            "hideEdgesOnZoom": static,
            "navigationButtons": False,
            "keyboard": False,
            "multiselect": False,
        },
        "physics": physics,
    }


def document_titles(store: Store, documents: Iterable[str] | None = None) -> dict[str, str]:
    """Headline of every source document in ``store`` (or of ``documents``), by IRI (tooltips show it as the source)."""
    text = "SELECT DISTINCT ?doc ?title WHERE { ?doc a kg:SourceDocument ; schema:headline ?title }"
    if documents is None:
        rows = store.select(text)
    else:
        iris = sorted(str(ox.NamedNode(d)) for d in documents if d)
        batches = (" ".join(iris[start : start + 400]) for start in range(0, len(iris), 400))
        rows = [
            row
            for batch in batches
            for row in store.select(text.replace("WHERE {", f"WHERE {{ VALUES ?doc {{ {batch} }}"))
        ]
    return {str(row["doc"]): str(row["title"]) for row in rows}


def graph_data(
    graph: nx.MultiDiGraph, options: VizOptions | None = None, documents: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-ready data: vis nodes and edges (built by pyvis), filters, legend.

    Node and edge dicts carry the vis-network fields (``id``, ``label``,
    ``shape``, ``color``, ``size``, ``x``/``y``, ``from``/``to``, ``arrows``…)
    and a ``kg`` dict with what tooltips, filters and search read.
    ``documents`` maps source document IRIs to their headlines.  Words, class
    and relation names are in the current language (:mod:`kg.i18n`).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("s", label="某小学", cls="PrimarySchool", district="巴南区", aliases=["某校"])
    >>> G.add_node("c", label="某企业", cls="Company", district="", aliases=[])
    >>> G.add_edge("s", "c", relation="cooperatesWith", relation_label="合作", evidence="某小学与某企业合作。")
    0
    >>> data = graph_data(G)
    >>> [(n["label"], n["shape"], n["kg"]["district"]) for n in data["nodes"]]
    [('某企业', 'square', ''), ('某小学', 'dot', '巴南区')]
    >>> edge = data["edges"][0]
    >>> edge["label"], edge["arrows"], edge["kg"]["evidence"]
    ('合作', 'to, from', '某小学与某企业合作。')
    """
    options = options or VizOptions()
    documents = documents or {}
    lang = current_language()
    nodes = sorted(graph.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    n_nodes, n_edges = len(nodes), graph.number_of_edges()
    static = options.layout == "static" or (
        options.layout == "auto" and (n_nodes > STATIC_LAYOUT_NODES or n_edges > STATIC_LAYOUT_EDGES)
    )
    edge_labels = options.edge_labels if options.edge_labels is not None else n_edges <= EDGE_LABEL_LIMIT
    positions = layout_positions(graph, seed=options.seed)
    scores = node_scores(graph, options.size_by, options.seed)
    top = max(scores.values(), default=0) or 1
    neighbours = scores if options.size_by == "degree" else analysis.degree(graph)
    node_colors, color_legend = _color_scheme(graph, options)
    min_size, max_size = (6, 30) if static else (9, 34)

    vis_nodes: list[dict[str, Any]] = []
    vis_edges: list[dict[str, Any]] = []
    vis_options = _vis_options(static, edge_labels, options.seed, n_nodes)
    for node in nodes:
        data = graph.nodes[node]
        name = str(data.get("label") or node)
        cls = str(data.get("cls", ""))
        style = class_style(cls, lang)
        base = node_colors.get(node, style["color"])
        share = math.sqrt(max(scores.get(node, 0), 0) / top)
        size = round(min_size + (max_size - min_size) * share, 1)
        aliases = [str(a) for a in data.get("aliases", [])]
        x, y = positions[node]
        vis_nodes.append(
            _vis_node(
                index[node],
                label=display_label(name, options.label_width, options.label_lines),
                shape=style["shape"],
                color={
                    "background": base,
                    "border": shade(base, -0.15),
                    "highlight": {"background": shade(base, 0.15), "border": INK},
                    "hover": {"background": shade(base, 0.1), "border": INK},
                },
                size=size,
                font={"size": round(15 + 7 * share, 1)},
                x=x,
                y=y,
                kg={
                    "iri": str(node),
                    "name": name,
                    "cls": cls,
                    "classLabel": style["label"] if cls else str(data.get("class_label") or ""),
                    "district": str(data.get("district") or ""),
                    "city": str(data.get("city") or ""),
                    "aliases": aliases,
                    "degree": graph.degree(node),
                    "in": graph.in_degree(node),
                    "out": graph.out_degree(node),
                    "neighbours": neighbours.get(node, 0),
                    "score": round(float(scores.get(node, 0)), 6),
                    "keys": " ".join([pinyin_keys(name), *(pinyin_keys(a) for a in aliases)]),
                },
                # Long labels push their neighbours further away in the force-directed layout.
                **({} if static else {"mass": round(1 + min(len(name), 18) / 18, 2)}),
            )
        )
    sources = sorted({str(d.get("source", "")) for _, _, d in graph.edges(data=True)} - {""})
    source_index = {iri: i for i, iri in enumerate(sources)}
    pair_count: Counter[tuple[int, int]] = Counter()
    rel_colors = {str(r): relation_colour(str(r)) for _, _, r in graph.edges(data="relation", default="")}
    # The ontology's name in the page's language (the projection keeps the Chinese one).
    rel_names = {r: label(KG[r], lang) for r in rel_colors if r}
    symmetric = symmetric_relations()
    edges = sorted(graph.edges(keys=True, data=True), key=lambda e: (index[e[0]], index[e[1]], str(e[2])))
    for i, (u, v, _key, data) in enumerate(edges):
        relation = str(data.get("relation", ""))
        rel_label = rel_names.get(relation) or str(data.get("relation_label") or relation)
        color = rel_colors.get(relation, GREY)
        pair = (min(index[u], index[v]), max(index[u], index[v]))
        parallel = pair_count[pair]
        pair_count[pair] += 1
        extra: dict[str, Any] = {}
        if not static:
            # Longer springs around hubs give their many neighbours (and labels) room.
            extra["length"] = round(SPRING_LENGTH * (1 + 0.2 * math.sqrt(max(neighbours[u], neighbours[v]))))
            if parallel:  # bend parallel relations apart
                extra["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.18 * parallel}
        if edge_labels:
            extra["label"] = rel_label
        source = str(data.get("source", ""))
        vis_edges.append(
            _vis_edge(
                index[u],
                index[v],
                id=i,
                arrows="to, from" if relation in symmetric else "to",
                color=color,
                kg={
                    "relation": relation,
                    "relationLabel": rel_label,
                    "evidence": str(data.get("evidence", "")),
                    "source": source_index.get(source, -1),
                    "year": str(data.get("year", "")),
                },
                **extra,
            )
        )

    styles = {n["kg"]["cls"]: class_style(n["kg"]["cls"], lang) for n in vis_nodes}
    class_counts = Counter(n["kg"]["cls"] for n in vis_nodes)
    group_order = {g: i for i, g in enumerate(GROUPS)}
    class_list = [
        {"id": cls, "count": class_counts[cls], **styles[cls]}
        for cls in sorted(
            class_counts,
            key=lambda c: (group_order.get(styles[c]["group"], len(group_order)), -class_counts[c], c),
        )
    ]
    district_counts = Counter(n["kg"]["district"] for n in vis_nodes)
    relation_counts = Counter(e["kg"]["relation"] for e in vis_edges)
    relation_labels = {e["kg"]["relation"]: e["kg"]["relationLabel"] for e in vis_edges}
    return {
        "title": options.title or text("site"),
        "colorBy": options.color_by,
        "sizeBy": options.size_by,
        "static": static,
        "edgeLabels": edge_labels,
        "nodes": vis_nodes,
        "edges": vis_edges,
        "classes": class_list,
        "districts": [{**d, "label": d["id"] or text("viz_no_district")} for d in _groups(district_counts)],
        "relations": [{**r, "label": relation_labels[r["id"]]} for r in _groups(relation_counts, rel_colors)],
        "colorLegend": color_legend,
        "sources": [{"iri": iri, "title": documents.get(iri, ""), "id": iri.rsplit("/", 1)[-1]} for iri in sources],
        "options": vis_options,
        "words": PAGE_WORDS[lang],
    }


def render_html(
    graph: nx.MultiDiGraph, options: VizOptions | None = None, documents: Mapping[str, str] | None = None
) -> str:
    """One self-contained HTML page of ``graph``: no remote script, style or font; all document text escaped.

    >>> html = render_html(nx.MultiDiGraph())
    >>> html.startswith("<!DOCTYPE html>") and "http://" not in html.split("<script")[0]
    True
    """
    import jinja2

    options = options or VizOptions()
    data = graph_data(graph, options, documents)
    vis_script, vis_style = vis_assets()
    app_script = _template("graph.js")
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    page = environment.from_string(_template("graph.html"))
    lang = current_language()
    return page.render(
        title=data["title"],
        html_lang=HTML_LANG[lang],
        w=PAGE_WORDS[lang],
        counts=text("viz_counts", nodes=len(data["nodes"]), edges=len(data["edges"])),
        csp_scripts=" ".join([_csp_hash(vis_script), _csp_hash(app_script)]),
        vis_style=jinja2.utils.markupsafe.Markup(vis_style),
        page_style=jinja2.utils.markupsafe.Markup(_template("graph.css")),
        vis_script=jinja2.utils.markupsafe.Markup(vis_script),
        app_script=jinja2.utils.markupsafe.Markup(app_script),
        data_json=jinja2.utils.markupsafe.Markup(script_json(data)),
    )


def write_html(
    graph: nx.MultiDiGraph,
    path: Path,
    options: VizOptions | None = None,
    documents: Mapping[str, str] | None = None,
) -> Path:
    """Write :func:`render_html` of ``graph`` to ``path`` (UTF-8) and return the path."""
    return write_text(Path(path), render_html(graph, options, documents))


# ---------------------------------------------------------------- headless Chromium


CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def chromium_path() -> str:
    """The Chromium to drive: $KG_CHROMIUM, else the first of chromium, chromium-browser, google-chrome on PATH."""
    explicit = os.environ.get("KG_CHROMIUM")
    if explicit:
        if not Path(explicit).is_file():
            raise VizError(text("chromium_not_file", path=explicit))
        return explicit
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    if Path("/usr/bin/chromium").is_file():
        return "/usr/bin/chromium"
    raise VizError(text("png_needs_chromium"))


@contextmanager
def headless_chromium() -> Iterator[Any]:
    """A Playwright ``Browser`` on the system's headless Chromium (never a downloaded browser build)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise VizError(text("png_needs_playwright")) from error
    executable = chromium_path()
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS), headless=True)
        except Exception as error:  # Playwright raises its own Error type for a browser that does not start
            raise VizError(text("png_cannot_start", path=executable, reason=str(error).splitlines()[0])) from error
        try:
            yield browser
        finally:
            browser.close()


def open_page(
    browser: Any, html_path: Path, *, width: int = 1600, height: int = 1000, scale: float = 1.0, timeout: float = 60.0
) -> Any:
    """Open ``html_path`` from disk in a new page, refusing any request outside the file; wait until drawn and still."""
    page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=scale)
    url = Path(html_path).resolve().as_uri()
    page.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
    page.goto(url)
    page.wait_for_function("() => window.kgViz && window.kgViz.ready === true", timeout=timeout * 1000)
    return page


def screenshot(
    html_path: Path,
    png_path: Path,
    *,
    width: int = 1600,
    height: int = 1000,
    scale: float = 2.0,
    timeout: float = 60.0,
) -> Path:
    """Save a PNG of the page at ``html_path`` once its graph is drawn and still (headless Chromium).

    ``width`` x ``height`` is the window in CSS pixels; ``scale`` is the device pixel ratio (2: crisp text in reports).
    """
    png_path = Path(png_path)
    with headless_chromium() as browser:
        try:
            page = open_page(browser, html_path, width=width, height=height, scale=scale, timeout=timeout)
        except Exception as error:
            raise VizError(text("png_not_drawn", seconds=f"{timeout:g}", reason=str(error).splitlines()[0])) from error
        try:
            page.screenshot(path=str(png_path), full_page=False)
        except Exception as error:
            raise VizError(text("png_cannot_write", path=png_path, reason=str(error).splitlines()[0])) from error
    return png_path


# ---------------------------------------------------------------- from the store to files


@dataclass(frozen=True)
class VizResult:
    """What :func:`visualize` wrote: the page, the screenshot (or None) and the size of the drawn graph."""

    html: Path
    png: Path | None
    nodes: int
    edges: int


def visualize(
    store: Store,
    out: Path,
    *,
    subset: Subset | None = None,
    options: VizOptions | None = None,
    png: Path | None = None,
    png_size: tuple[int, int] = (1600, 1000),
) -> VizResult:
    """Project ``store``, keep ``subset`` of it (:class:`kg.analysis.projection.Subset`), write the page and the PNG."""
    check_output(out)
    if png is not None:
        check_output(png, option="--png")
    subset = subset or Subset()
    graph = subset.apply(project(store, subset))  # reads only what the subset can reach
    if graph.number_of_nodes() == 0:
        raise VizError(text("nothing_to_draw"))
    options = options or VizOptions()
    if options.title is None:
        parts = [text("viz_focus", focus=subset.focus, hops=subset.hops) if subset.focus else ""]
        parts += [*subset.classes, *subset.districts, *subset.relations]
        parts += [text("viz_first_nodes", n=subset.max_nodes)] if subset.max_nodes else []
        if any(parts):
            options = replace(options, title=" · ".join([text("site"), *filter(None, parts)]))
    sources = {d.get("source", "") for _, _, d in graph.edges(data=True)}
    html = write_html(graph, out, options, document_titles(store, sources))
    if png is not None:
        screenshot(html, png, width=png_size[0], height=png_size[1])
    return VizResult(html, png, graph.number_of_nodes(), graph.number_of_edges())
