"""Analysis and district-comparison reports: terminal tables, JSON, Markdown and self-contained HTML.

:func:`analysis_report` and :func:`comparison_report` run the analysis over a
store and return a :class:`Report` — sections of tables and charts plus the
same results as plain data; :func:`render` writes it in one of
:data:`FORMATS`.  The HTML is one file with inline CSS and inline SVG charts:
no script, no remote resource, and every piece of document text escaped.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import networkx as nx

from kg.analysis.indicators import (
    DEFINITIONS,
    NOT_SUPPORTED,
    DistrictIndicators,
    district_scope,
    indicator_label,
    not_supported,
    place_indicators,
    store_indicators,
    store_places,
)
from kg.analysis.metrics import Analysis, analyze, rank_by_class, sector_pair_label, top
from kg.analysis.projection import Subset, project
from kg.i18n import HTML_LANG, current_language, header, pick, text, use_language
from kg.model.sectors import SECTOR_LABELS, SECTORS
from kg.model.styles import PALETTE, SECTOR_COLOURS, class_group
from kg.model.terms import label as term_label
from kg.model.vocab import KG
from kg.store.embedded import Store
from kg.text import display_width, numeric_columns, text_table

FORMATS = ("text", "json", "markdown", "html")

# Indicators drawn in the comparison chart (counts on one scale).
CHART_INDICATORS = (
    "education_industry_ties",
    "schools_with_industry_partner",
    "platforms",
    "co_built_platforms",
    "cross_district_ties",
    "coeducation_resources",
)


@dataclass
class Table:
    """A titled table; cells are already formatted text."""

    title: str
    header: tuple[str, ...]
    rows: list[tuple[object, ...]]
    note: str = ""


@dataclass
class Chart:
    """A horizontal bar chart: one bar per label, one value per series (grouped, or ``stacked``)."""

    title: str
    labels: list[str]
    series: dict[str, list[float]]
    stacked: bool = False
    colours: dict[str, str] = field(default_factory=dict)


@dataclass
class Section:
    title: str
    blocks: list[Table | Chart | str] = field(default_factory=list)


@dataclass
class Report:
    """A rendered-to-be report: sections for people, ``data`` for programs (the JSON format)."""

    title: str
    sections: list[Section]
    data: dict
    analysis: Analysis | None = None
    graph: nx.MultiDiGraph | None = None
    lang: str = field(default_factory=current_language)  # the language its words are in


# -- number formatting -----------------------------------------------------------


def _fmt(value: object, digits: int = 3) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return text("yes") if value else text("no")
    if isinstance(value, float):
        return f"{value:.0f}" if value.is_integer() else f"{value:.{digits}f}"
    return str(value)


def _indicator_cell(key: str, result: DistrictIndicators) -> str:
    value = result.values.get(key)
    if key == "share_with_industry_partner":
        if value is None:
            return "–"
        return f"{value:.1%} ({result.values['schools_with_industry_partner']}/{result.values['schools_and_colleges']})"
    return _fmt(value, 2)


# -- building reports ------------------------------------------------------------------


def _entity_rows(analysis: Analysis, nodes: Iterable[str], community: dict[str, int]) -> list[tuple[object, ...]]:
    rows = []
    for rank, node in enumerate(nodes, 1):
        rows.append(
            (
                rank,
                analysis.labels[node],
                _class_name(analysis.classes[node]),
                _sector_name(analysis.sectors[node]),
                analysis.degree[node],
                analysis.weighted_degree[node],
                _fmt(analysis.betweenness[node]),
                _fmt(analysis.pagerank[node], 4),
                analysis.core_number[node],
                community.get(node, ""),
            )
        )
    return rows


def _analysis_sections(graph: nx.MultiDiGraph, analysis: Analysis, n: int) -> list[Section]:
    labels = analysis.labels
    community = analysis.community_of()
    overview = Table(
        text("overview"),
        header("measure", "value"),
        [
            (text("entities"), analysis.nodes),
            (text("relation_assertions"), analysis.edges),
            (text("ties"), analysis.ties),
            (text("density"), _fmt(analysis.density, 4)),
            (text("components"), len(analysis.components)),
            (text("largest_component"), len(analysis.components[0]) if analysis.components else 0),
            (text("isolates"), len(analysis.isolates)),
            (text("communities"), len(analysis.communities)),
            *((text("sector_actors", sector=_sector_name(s)), analysis.sector_sizes[s]) for s in SECTORS),
        ],
    )
    hubs = [node for node, _ in top(analysis.pagerank, n)]
    columns = header(
        "rank_column",
        "entity",
        "class",
        "sector",
        "degree",
        "assertions",
        "betweenness",
        "pagerank",
        "k_core",
        "community",
    )
    hub_table = Table(text("hubs", n=len(hubs)), columns, _entity_rows(analysis, hubs, community), text("hubs_note"))
    hub_chart = Chart("PageRank", [labels[x] for x in hubs], {"pagerank": [analysis.pagerank[x] for x in hubs]})
    bridges = [node for node, value in top(analysis.betweenness, n) if value > 0]
    bridge_table = Table(
        text("bridges", n=len(bridges)),
        columns,
        _entity_rows(analysis, bridges, community),
        text("bridges_sampled") if analysis.betweenness_sampled else "",
    )
    bridge_chart = Chart(
        text("betweenness"),
        [labels[x] for x in bridges],
        {text("betweenness"): [analysis.betweenness[x] for x in bridges]},
    )
    linked = {node: score for node, score in analysis.pagerank.items() if analysis.degree[node]}
    by_class = rank_by_class(graph, linked, n=3, group=class_group)
    class_table = Table(
        text("central_per_class"),
        header("class", "entity", "pagerank", "degree"),
        [
            (_class_name(group), labels[node], _fmt(score, 4), analysis.degree[node])
            for group, ranked in by_class.items()
            for node, score in ranked
        ],
    )
    community_table = Table(
        text("communities_by", method=analysis.communities[0].method if analysis.communities else "louvain"),
        header("rank_column", "size", "community_label", "community_members"),
        [
            (
                c.id,
                c.size,
                c.label,
                "、".join(labels[m] for m in c.members[:8]) + ("…" if c.size > 8 else ""),
            )
            for c in analysis.communities
        ],
    )
    community_chart = Chart(
        text("community_sizes"),
        [f"{c.id} {c.label}" for c in analysis.communities[:n]],
        {text("size"): [c.size for c in analysis.communities[:n]]},
    )
    k, core = analysis.main_core
    core_text = text("main_core", k=k, n=len(core)) + "、".join(labels[x] for x in core)
    brokers = analysis.brokers[:n]
    broker_table = Table(
        text("brokers"),
        (
            *header("entity", "class", "sector"),
            *(
                text("pairs_cut", pair=pick(f"{SECTOR_LABELS[a]}–{SECTOR_LABELS[b]}", sector_pair_label((a, b))))
                for a, b in (("education", "industry"), ("education", "government"))
            ),
        ),
        [
            (
                labels[b.node],
                _class_name(analysis.classes[b.node]),
                _sector_name(analysis.sectors[b.node]),
                b.separated.get(("education", "industry"), 0),
                b.separated.get(("education", "government"), 0),
            )
            for b in brokers
        ],
        text("brokers_note"),
    )
    component_table = Table(
        text("connected_components"),
        header("rank_column", "size", "most_linked"),
        [
            (i, len(comp), "、".join(labels[x] for x in sorted(comp, key=lambda x: -analysis.weighted_degree[x])[:5]))
            for i, comp in enumerate(analysis.components, 1)
            if len(comp) > 1
        ],
        text("components_note"),
    )
    isolate_table = Table(
        text("isolated_entities"),
        header("entity", "class"),
        [(labels[x], _class_name(analysis.classes[x])) for x in analysis.isolates],
    )
    return [
        Section(text("overview"), [overview]),
        Section(text("centrality"), [hub_table, hub_chart, bridge_table, bridge_chart, class_table]),
        Section(text("communities_and_core"), [community_table, community_chart, core_text]),
        Section(text("brokers_between_sectors"), [broker_table]),
        Section(text("components_and_gaps"), [component_table, isolate_table]),
    ]


def _comparison_sections(results: Sequence[DistrictIndicators], details: bool) -> list[Section]:
    names = [r.label for r in results]
    table = Table(
        text("linkage_indicators"),
        (text("indicator"), *names),
        [(indicator_label(key), *(_indicator_cell(key, r) for r in results)) for key in DEFINITIONS],
        text("definitions_note"),
    )
    chart = Chart(
        text("indicators_compared"),
        [indicator_label(key) for key in CHART_INDICATORS],
        {r.label: [float(r.values[key] or 0) for key in CHART_INDICATORS] for r in results},
    )
    initiative = Chart(
        text("initiative_by_sector"),
        names,
        {_sector_name(s): [float(r.values[f"initiatives_by_{s}"] or 0) for r in results] for s in SECTORS},
        stacked=True,
        colours={_sector_name(s): colour for s, colour in SECTOR_COLOURS.items()},
    )
    sections = [Section(text("district_indicators"), [table, chart, initiative, _stated_side_by_side(results)])]
    if not details:
        return sections
    for r in results:
        blocks: list[Table | Chart | str] = []
        blocks.append(
            Table(
                text("schools_partners", name=r.label),
                (
                    *header("school_or_college", "class", "industry_partners", "companies"),
                    *map(_sector_name, SECTORS),
                    text("entropy"),
                ),
                [
                    (
                        s.label,
                        _class_name(s.cls),
                        len(s.industry_partners),
                        s.companies,
                        *(s.sectors[x] for x in SECTORS),
                        _fmt(s.entropy, 2),
                    )
                    for s in sorted(
                        r.schools, key=lambda s: (-len(s.industry_partners), -sum(s.sectors.values()), s.label)
                    )
                ],
            )
        )
        mixed = [s for s in r.schools if sum(s.sectors.values())]
        if mixed:
            blocks.append(
                Chart(
                    text("partner_sectors", name=r.label),
                    [s.label for s in mixed],
                    {_sector_name(x): [float(s.sectors[x]) for s in mixed] for x in SECTORS},
                    stacked=True,
                    colours={_sector_name(x): colour for x, colour in SECTOR_COLOURS.items()},
                )
            )
        blocks.append(
            Table(
                text("platforms_taking_part", name=r.label),
                header(
                    "platform",
                    "class",
                    "schools",
                    "colleges",
                    "other_education",
                    "companies",
                    "government",
                    "platforms",
                    "other",
                    "co_built",
                ),
                [
                    (
                        p.label,
                        _class_name(p.cls),
                        p.schools,
                        p.colleges,
                        p.other_education,
                        p.companies,
                        p.government,
                        p.platforms,
                        p.other,
                        _fmt(p.co_built),
                    )
                    for p in r.platforms
                ],
                text("co_built_note"),
            )
        )
        if r.alliances:
            checks = list(r.alliances[0].checks)
            blocks.append(
                Table(
                    text("alliance_completeness", name=r.label),
                    (text("alliance"), *(text("check_" + c.replace(" ", "_")) for c in checks), text("met")),
                    [(a.label, *(_fmt(a.checks[c]) for c in checks), f"{a.met}/{len(checks)}") for a in r.alliances],
                )
            )
        blocks.append(
            Table(
                text("coeducation", name=r.label),
                header("class", "entities"),
                [(_class_name(cls), n) for cls, n in r.coeducation.items()],
            )
        )
        if r.cross_border:
            blocks.append(
                Table(
                    text("cross_border", name=r.label),
                    header("member", "partner", "border"),
                    [(r.labels[m], r.labels[p], kind) for m, p, kind in r.cross_border],
                )
            )
        blocks.append(
            Table(
                text("stated_in_texts", name=r.label, n=len(r.stated)),
                header("subject", "measure", "value", "unit", "as_written", "counts"),
                [
                    (s.subject_label, s.measure, _fmt(s.value, 2), s.unit, s.text, _class_name(s.counts_class))
                    for s in r.stated
                ],
            )
        )
        sections.append(Section(text("in_detail", name=r.label), blocks))
    return sections


def _stated_side_by_side(results: Sequence[DistrictIndicators]) -> Table:
    """The quantities the texts state, grouped by the class of what they count, one column per district."""
    groups = sorted({s.counts_class for r in results for s in r.stated}, key=lambda c: (c == "", c))

    def cell(result: DistrictIndicators, group: str) -> str:
        items = [s.text if s.measure in s.text else f"{s.measure} {s.text}" for s in result.stated]
        items = [item for item, s in zip(items, result.stated, strict=True) if s.counts_class == group]
        return "; ".join(items) or "–"

    return Table(
        text("stated_side_by_side"),
        (text("counts"), *(r.label for r in results)),
        [(_class_name(group) or text("other_counts"), *(cell(r, group) for r in results)) for group in groups],
        text("stated_note"),
    )


def _not_supported_section() -> Section:
    return Section(
        text("not_computable"), [Table(text("need_statistics"), header("indicator", "why"), not_supported())]
    )


def _class_name(cls: str) -> str:
    """A class (local name) as the ontology's label in the current language; other names as they are."""
    return term_label(KG[cls], current_language()) if cls and cls.isidentifier() else cls


def _sector_name(sector: str | None) -> str:
    """A sector (education, industry, …) in the current language."""
    return pick(SECTOR_LABELS[sector], sector) if sector else ""


def _indicators_data(results: Sequence[DistrictIndicators]) -> list[dict]:
    data = []
    for r in results:
        record = r.to_dict()
        record["cross_border"] = [{"member": m, "partner": p, "border": k} for m, p, k in r.cross_border]
        data.append(record)
    return data


def _analysis_data(analysis: Analysis, graph: nx.Graph) -> dict:
    labels = analysis.labels
    community = analysis.community_of()
    return {
        "graph": {
            "entities": analysis.nodes,
            "relation_assertions": analysis.edges,
            "ties": analysis.ties,
            "density": analysis.density,
            "components": len(analysis.components),
            "isolates": len(analysis.isolates),
            "sector_sizes": analysis.sector_sizes,
            "betweenness_sampled": analysis.betweenness_sampled,
        },
        "entities": [
            {
                "iri": node,
                "label": labels[node],
                "class": analysis.classes[node],
                "sector": analysis.sectors[node],
                **analysis.centrality_of(node),
                "community": community.get(node),
            }
            for node, _ in top(analysis.pagerank, analysis.nodes)
        ],
        "rankings_by_class": {
            group: [{"iri": n, "label": labels[n], "pagerank": s} for n, s in ranked]
            for group, ranked in rank_by_class(graph, analysis.pagerank, n=3).items()
        },
        "communities": [
            {"id": c.id, "label": c.label, "size": c.size, "method": c.method, "members": c.members}
            for c in analysis.communities
        ],
        "main_core": {"k": analysis.main_core[0], "members": analysis.main_core[1]},
        "brokers": [
            {
                "iri": b.node,
                "label": labels[b.node],
                "separated": {sector_pair_label(p): n for p, n in b.separated.items()},
            }
            for b in analysis.brokers
        ],
        "components": analysis.components,
        "isolates": [{"iri": n, "label": labels[n], "class": analysis.classes[n]} for n in analysis.isolates],
    }


def analysis_report(
    store: Store,
    *,
    district: str | None = None,
    classes: Sequence[str] = (),
    relations: Sequence[str] = (),
    method: str = "louvain",
    seed: int = 0,
    n: int = 10,
    lang: str | None = None,
) -> Report:
    """Analyse the store's graph (or a district's part of it, or some classes / relations) into a report.

    With ``district``, metrics run over the district's members and their direct
    partners, and the report details that district's indicators; otherwise it
    compares every district that has located entities.  The report's words are
    in ``lang`` (default: the current language, see :mod:`kg.i18n`).
    """
    with use_language(lang):
        return _analysis_report(store, district, classes, relations, method, seed, n)


def _analysis_report(
    store: Store,
    district: str | None,
    classes: Sequence[str],
    relations: Sequence[str],
    method: str,
    seed: int,
    n: int,
) -> Report:
    if district:  # the district's part of the graph only, and its indicators counted in the store
        indicators, full = place_indicators(store, district)
        place: str | None = indicators.place
        results = [indicators]
    else:  # every district's indicators counted in the store; the metrics need the whole graph
        full, place = project(store), None
        results = store_indicators(store, store_places(store))
    graph = Subset(classes=tuple(classes), relations=tuple(relations)).apply(full)  # the filters of kg viz/export
    if place is not None:
        graph = district_scope(graph, place) if place in graph else nx.MultiDiGraph()
    analysis = analyze(graph, method=method, seed=seed)
    scope = full.nodes[place]["label"] if place else text("whole_graph")
    filters = [
        text(key, values=", ".join(values))
        for key, values in (("filter_class", classes), ("filter_relation", relations))
        if values
    ]
    title = text("report_analysis", scope=scope) + (f" ({'; '.join(filters)})" if filters else "")
    sections = (
        _analysis_sections(graph, analysis, n) if analysis.nodes else [Section(text("overview"), [text("no_match")])]
    )
    indicator_sections = _comparison_sections(results, details=place is not None)
    if filters:
        indicator_sections[0].blocks.insert(0, text("filters_note"))
    sections += [*indicator_sections, _not_supported_section()]
    data = {
        "scope": scope,
        "filters": {"district": district, "classes": list(classes), "relations": list(relations)},
        "community_method": method,
        **_analysis_data(analysis, graph),
        "districts": _indicators_data(results),
        "indicator_definitions": {k: {"label": v[0], "definition": v[1]} for k, v in DEFINITIONS.items()},
        "not_supported": NOT_SUPPORTED,
    }
    return Report(title, sections, data, analysis, graph)


def comparison_report(store: Store, names: Sequence[str], lang: str | None = None) -> Report:
    """The indicators of the named districts side by side, then each district in detail, in ``lang``."""
    with use_language(lang):
        results = [place_indicators(store, name)[0] for name in names]  # each district's part, not the whole graph
        graph = nx.MultiDiGraph()
        sections = [*_comparison_sections(results, details=True), _not_supported_section()]
        title = text("report_comparison", names=text("versus").join(r.label for r in results))
    data = {
        "compare": [r.label for r in results],
        "districts": _indicators_data(results),
        "indicator_definitions": {k: {"label": v[0], "definition": v[1]} for k, v in DEFINITIONS.items()},
        "not_supported": NOT_SUPPORTED,
    }
    return Report(title, sections, data, None, graph)


# -- rendering -------------------------------------------------------------------


def _text_chart(chart: Chart, width: int = 40) -> str:
    if chart.stacked or len(chart.series) != 1:
        return ""  # grouped and stacked charts are HTML only; their numbers are in the tables
    (values,) = chart.series.values()
    peak = max(values, default=0) or 1
    label_width = max((display_width(x) for x in chart.labels), default=0)
    lines = [chart.title]
    for label, value in zip(chart.labels, values, strict=True):
        bar = "█" * max(1, round(value / peak * width)) if value > 0 else ""
        lines.append(f"  {label}{' ' * (label_width - display_width(label))}  {bar} {_fmt(value, 4)}")
    return "\n".join(lines)


def render_text(report: Report) -> str:
    """The report as terminal text: tables, and bar charts drawn with block characters."""
    out = [report.title, "=" * display_width(report.title)]
    for section in report.sections:
        out += ["", section.title, "-" * display_width(section.title)]
        for block in section.blocks:
            if isinstance(block, Table):
                colon, (left, right) = pick("：", ":", report.lang), pick("（）", "()", report.lang)
                out += ["", block.title + colon] if block.title != section.title else [""]
                drawn = text_table(block.header, block.rows, max_width=72) if block.rows else text("none", report.lang)
                out.append(drawn)
                if block.note:
                    out.append(f"{left}{block.note}{right}")
            elif isinstance(block, Chart):
                drawn = _text_chart(block)
                if drawn:
                    out += ["", drawn]
            else:
                out += ["", block]
    return "\n".join(out) + "\n"


def _md_cell(value: object) -> str:
    """Document text as inert Markdown: HTML escaped, Markdown punctuation backslashed, one line.

    >>> _md_cell("<img src=x onerror=alert(1)> [x](javascript:y) a|b")
    '&lt;img src=x onerror=alert\\\\(1\\\\)&gt; \\\\[x\\\\]\\\\(javascript:y\\\\) a\\\\|b'
    """
    text = html.escape(str(value).replace("\n", " "), quote=False)
    return re.sub(r"([\\`*_\[\](){}|#!])", r"\\\1", text)


def render_markdown(report: Report) -> str:
    """The report as Markdown (GitHub tables; charts are left to the HTML format)."""
    out = [f"# {_md_cell(report.title)}"]
    for section in report.sections:
        out += ["", f"## {_md_cell(section.title)}"]
        for block in section.blocks:
            if isinstance(block, Table):
                out += ["", f"**{_md_cell(block.title)}**", ""] if block.title != section.title else [""]
                if not block.rows:
                    out.append(text("none", report.lang))
                    continue
                out.append("| " + " | ".join(_md_cell(h) for h in block.header) + " |")
                out.append("|" + "|".join("---" for _ in block.header) + "|")
                out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in block.rows]
                if block.note:
                    out += ["", f"*{_md_cell(block.note)}*"]
            elif isinstance(block, str):
                out += ["", _md_cell(block)]
    return "\n".join(out) + "\n"


def render_json(report: Report) -> str:
    """The report's data as JSON (UTF-8, Chinese kept as is)."""
    return json.dumps(report.data, ensure_ascii=False, indent=2, default=str) + "\n"


def svg_chart(chart: Chart) -> str:
    """A horizontal bar chart as an inline SVG element; all text escaped."""
    e = html.escape
    names = list(chart.series)
    colours = {name: chart.colours.get(name, PALETTE[i % len(PALETTE)]) for i, name in enumerate(names)}
    bar_h = 14
    per_label = bar_h if chart.stacked else bar_h * len(names)
    row_h = per_label + 8
    label_w = min(360, 16 + round(6.5 * max((display_width(x) for x in chart.labels), default=4)))
    plot_w = 420
    legend_h = 22 if len(names) > 1 else 0
    height = legend_h + row_h * len(chart.labels) + 10
    totals = (
        [sum(values[i] for values in chart.series.values()) for i in range(len(chart.labels))]
        if chart.stacked
        else [v for values in chart.series.values() for v in values]
    )
    peak = max(totals, default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{label_w + plot_w + 70}" height="{height}" '
        f'aria-label="{e(chart.title)}">'
    ]
    x = label_w
    for name in names if len(names) > 1 else []:
        parts.append(f'<rect x="{x}" y="4" width="10" height="10" fill="{colours[name]}"/>')
        parts.append(f'<text x="{x + 14}" y="13" font-size="11">{e(name)}</text>')
        x += 24 + 7 * display_width(name)
    for i, label in enumerate(chart.labels):
        y = legend_h + i * row_h + 4
        parts.append(
            f'<text x="{label_w - 6}" y="{y + per_label / 2 + 4}" font-size="12" text-anchor="end">{e(label)}</text>'
        )
        offset = 0.0
        for j, name in enumerate(names):
            value = chart.series[name][i]
            w = value / peak * plot_w
            if chart.stacked:
                bx, by = label_w + offset / peak * plot_w, y
                offset += value
            else:
                bx, by = label_w, y + j * bar_h
            if value > 0:
                parts.append(
                    f'<rect x="{bx:.1f}" y="{by}" width="{max(w, 1):.1f}" height="{bar_h - 2}" fill="{colours[name]}">'
                    f"<title>{e(label)} — {e(name)}: {e(_fmt(value, 4))}</title></rect>"
                )
            if not chart.stacked:
                parts.append(
                    f'<text x="{bx + max(w, 1) + 4:.1f}" y="{by + bar_h - 4}" font-size="10">{e(_fmt(value, 4))}</text>'
                )
        if chart.stacked:
            parts.append(
                f'<text x="{label_w + offset / peak * plot_w + 4:.1f}" y="{y + bar_h - 4}" font-size="10">'
                f"{e(_fmt(offset, 2))}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


STYLE = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       margin: 2em auto; max-width: 1200px; padding: 0 1em; color: #222; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
h3 { font-size: 1em; margin-bottom: .3em; }
table { border-collapse: collapse; margin: .5em 0 1em; font-size: .9em; }
th, td { border: 1px solid #ddd; padding: .25em .6em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
p.note { color: #666; font-size: .85em; margin-top: -.6em; } figure { margin: .5em 0 1.5em; }
figcaption { font-weight: bold; font-size: .9em; margin-bottom: .3em; } svg text { fill: #222; }
"""


def sections_html(sections: Sequence[Section], heading: int = 2) -> str:
    """Report sections as HTML (tables, SVG charts, paragraphs), every text escaped; ``heading``: level of titles."""
    e = html.escape
    out: list[str] = []
    h, sub = f"h{heading}", f"h{heading + 1}"
    for section in sections:
        out.append(f"<section><{h}>{e(section.title)}</{h}>")
        for block in section.blocks:
            if isinstance(block, Table):
                if block.title != section.title:
                    out.append(f"<{sub}>{e(block.title)}</{sub}>")
                if not block.rows:
                    out.append(f"<p>{e(text('none'))}</p>")
                    continue
                out.append(
                    "<table><thead><tr>"
                    + "".join(f"<th>{e(str(cell))}</th>" for cell in block.header)
                    + "</tr></thead><tbody>"
                )
                rows = [[str(c) for c in row] for row in block.rows]
                numeric = numeric_columns(rows, len(block.header))
                for row in rows:
                    cells = "".join(
                        f'<td class="num">{e(c)}</td>' if right else f"<td>{e(c)}</td>"
                        for c, right in zip(row, numeric, strict=True)
                    )
                    out.append(f"<tr>{cells}</tr>")
                out.append("</tbody></table>")
                if block.note:
                    out.append(f'<p class="note">{e(block.note)}</p>')
            elif isinstance(block, Chart):
                if block.labels:
                    out.append(f"<figure><figcaption>{e(block.title)}</figcaption>{svg_chart(block)}</figure>")
            else:
                out.append(f"<p>{e(block)}</p>")
        out.append("</section>")
    return "\n".join(out)


def render_html(report: Report) -> str:
    """The report as one self-contained HTML page (inline CSS and SVG; no script, nothing remote)."""
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{HTML_LANG[report.lang]}"><head><meta charset="utf-8">',
        # No script at all: a report holds document text, and nothing in it may run or load.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(report.title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{e(report.title)}</h1>",
    ]
    with use_language(report.lang):
        out.append(sections_html(report.sections))
    out.append("</body></html>")
    return "\n".join(out) + "\n"


RENDERERS = {"text": render_text, "json": render_json, "markdown": render_markdown, "html": render_html}


def render(report: Report, fmt: str) -> str:
    """The report in ``fmt`` (one of :data:`FORMATS`)."""
    return RENDERERS[fmt](report)
