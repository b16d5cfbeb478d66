"""Export the store: standard RDF formats, and graph and table formats for Gephi, Cytoscape, spreadsheets, Neo4j.

RDF formats write the triples themselves (TriG and N-Quads keep the named
graphs).  Graph formats (GraphML, GEXF), CSV tables and the Neo4j import
files write the entity–relation graph of :func:`kg.analysis.projection.project`: one
node per entity, one edge per relation assertion.  Every format takes the
subset options shared with ``kg viz`` (:class:`Subset`).
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import networkx as nx
import pyoxigraph as ox
from rdflib import RDF, RDFS

from kg.analysis.projection import Subset, project
from kg.errors import KgError
from kg.escape import XmlSafeWriter, spreadsheet_cell
from kg.files import OutputError, atomic_write, check_output
from kg.files import write_text as write_file
from kg.i18n import text
from kg.model.styles import class_colour, rgb
from kg.model.terms import ancestors, local_name, super_properties
from kg.model.vocab import KG, ONTOLOGY_GRAPH, relation_properties
from kg.store import formats
from kg.store.embedded import Store

# (stage, done, total): lets a caller draw progress; export code never prints.
Progress = Callable[[str, int, int], None]
PROGRESS_STEP = 2000


class ExportError(KgError, ValueError):
    """An export cannot be written as asked (format, output path or subset options)."""


def export_format(name: str) -> formats.Format:
    """The export format called ``name`` (a standard name or an alias).

    >>> export_format("ttl").name, export_format("GEXF").kind, export_format("csv").kind
    ('turtle', 'graph', 'tables')
    """
    return formats.find(name, formats.EXPORT)


def union_triples(store: Store) -> set[ox.Triple]:
    """Every distinct triple of the store, whatever graph holds it."""
    return {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads()}


def _counted(items: Iterable, stage: str, total: int, progress: Progress | None) -> Iterator:
    """Yield ``items``, reporting every :data:`PROGRESS_STEP` of them to ``progress``."""
    done = 0
    for item in items:
        yield item
        done += 1
        if progress and done % PROGRESS_STEP == 0:
            progress(stage, done, total)
    if progress:
        progress(stage, done, max(total, done))


# -- RDF ----------------------------------------------------------------------

ENTITY_ATTRIBUTES = {str(KG.district), str(KG.city)}
PLACE_DESCRIPTION = {str(RDF.type), str(RDFS.label)}
PLACE_ATTRIBUTES = "SELECT DISTINCT ?s ?place WHERE { ?s kg:district|kg:city ?place }"

ASSERTIONS = """
SELECT DISTINCT ?a ?s ?p ?o WHERE { ?a a kg:RelationAssertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }
"""
INDICATOR_SUBJECTS = "SELECT DISTINCT ?i ?e WHERE { ?i a kg:Indicator OPTIONAL { ?i kg:indicatorOf ?e } }"
DOCUMENT_USES = """
SELECT DISTINCT ?doc ?x WHERE {
  ?doc a kg:SourceDocument .
  OPTIONAL { { ?x prov:wasDerivedFrom ?doc } UNION { ?x kg:mentionedIn ?doc } }
}
"""


def subset_filter(store: Store, subset: Subset) -> Callable[[ox.Quad], bool]:
    """A predicate on the store's quads that keeps what describes the subset's entities and relations.

    Kept: the ontology; the triples about kept entities; relation triples (stated
    or inferred) between kept entities whose relation assertion is kept; the
    kept assertions and the indicators of kept entities; the source documents
    they, or kept entities' mentions, come from; other triples about neither.
    No kept triple points at a left-out entity, except ``kg:district`` and
    ``kg:city``: a place they name keeps its types and label, so the subset
    still says what its entities' district and city are (and validates).
    """
    full = project(store)
    part = subset.apply(full)
    entities, kept = set(full.nodes), set(part.nodes)
    excluded = entities - kept
    props = relation_properties()
    relational = set().union(*(super_properties(p) for p in props.values()))

    allowed: set[tuple[str, str, str]] = set()
    kept_assertions: set[str] = set()
    for u, v, key, data in part.edges(keys=True, data=True):
        kept_assertions.add(key)
        for prop in super_properties(props.get(data["relation"], KG[data["relation"]])):
            allowed |= {(u, prop, v), (v, prop, u)}  # the closure holds symmetric inverses too
    assertions: set[str] = set()
    edge_keys = {k for _, _, k in full.edges(keys=True)}
    wanted_relations = set(subset.relations)
    for row in store.select(ASSERTIONS):
        a, s, o = str(row["a"]), str(row["s"]), str(row["o"])
        assertions.add(a)
        # An assertion that is no edge (an end is not an entity) goes with its entity end.
        if a not in edge_keys and not ({s, o} & excluded) and {s, o} & kept:
            local = local_name(row["p"])
            if not wanted_relations or local in wanted_relations:
                kept_assertions.add(a)
                allowed.add((s, str(row["p"]), o))
    indicators: set[str] = set()
    kept_indicators: set[str] = set()
    for row in store.select(INDICATOR_SUBJECTS):
        indicators.add(str(row["i"]))
        if str(row.get("e", "")) in kept:
            kept_indicators.add(str(row["i"]))
    documents: set[str] = set()
    kept_documents: set[str] = set()
    users = kept | kept_assertions | kept_indicators
    for row in store.select(DOCUMENT_USES):
        documents.add(str(row["doc"]))
        if str(row.get("x", "")) in users:
            kept_documents.add(str(row["doc"]))
    # Places the kept entities and documents name as kg:district / kg:city keep their class and label.
    named_places = {
        str(row["place"])
        for row in store.select(PLACE_ATTRIBUTES)
        if str(row["s"]) in kept or str(row["s"]) in kept_documents
    } - kept
    ontology_graph = str(ONTOLOGY_GRAPH)

    def keep(quad: ox.Quad) -> bool:
        if isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name.value == ontology_graph:
            return True
        s, p = quad.subject.value, quad.predicate.value
        o = quad.object.value if isinstance(quad.object, ox.NamedNode) else None
        if o in excluded and p not in ENTITY_ATTRIBUTES:
            return False  # nothing points at a left-out entity, but an attribute still names its place
        if s in entities:
            if s not in kept:
                return s in named_places and p in PLACE_DESCRIPTION
            if o in entities and p in relational:
                return (s, p, o) in allowed
            return True
        if s in assertions:
            return s in kept_assertions
        if s in indicators:
            return s in kept_indicators
        if s in documents:
            return s in kept_documents
        return True

    return keep


def rdf_quads(store: Store, subset: Subset | None = None) -> Iterator[ox.Quad]:
    """The store's quads, or those describing ``subset`` (see :func:`subset_filter`)."""
    if not subset:
        return store.quads()
    keep = subset_filter(store, subset)
    return (q for q in store.quads() if keep(q))


def write_rdf(
    store: Store, fmt: str, out: BinaryIO, subset: Subset | None = None, progress: Progress | None = None
) -> None:
    """Write the store (or a subset) to ``out`` in the RDF format ``fmt``.

    Dataset formats (TriG, N-Quads) keep the named graphs; triple formats get
    the union of all graphs, each triple once.  JSON-LD is compacted with the
    project's prefixes as ``@context`` so its keys are readable.
    """
    chosen = export_format(fmt)
    if not subset and not chosen.dataset and chosen.name != "json-ld" and hasattr(store, "distinct_triples"):
        # The whole union, each triple once, streamed from the store (nothing held but one subject's triples).
        triples = _counted(store.distinct_triples(), f"{chosen.name} triples", len(store), progress)
        formats.write_rdf(triples, chosen, out, distinct=True)
        return
    quads = _counted(rdf_quads(store, subset), f"{chosen.name} triples", len(store), progress)
    formats.write_rdf(quads, chosen, out)


# -- graph formats --------------------------------------------------------------

NODE_COLUMNS = ("label", "class", "class_label", "district", "city", "aliases", "colour")
EDGE_COLUMNS = ("relation", "relation_label", "evidence", "document", "year", "method")
ALIAS_SEPARATOR = "; "


def entity_graph(store: Store, subset: Subset | None = None) -> nx.MultiDiGraph:
    """The projected entity–relation graph of ``store``, restricted to ``subset``."""
    if not subset:
        return project(store)
    return subset.apply(project(store, subset))  # reads only what the subset can reach


def node_attributes(data: dict) -> dict[str, str]:
    """The exported attributes of a projected node: all strings, aliases joined by ``"; "``.

    >>> node_attributes({"label": "甲", "cls": "Company", "class_label": "企业", "aliases": ["A", "B"]})["aliases"]
    'A; B'
    """
    return {
        "label": data.get("label", ""),
        "class": data.get("cls", ""),
        "class_label": data.get("class_label", ""),
        "district": data.get("district", ""),
        "city": data.get("city", ""),
        "aliases": ALIAS_SEPARATOR.join(data.get("aliases", [])),
        "colour": class_colour(data.get("cls", "")),
    }


def edge_attributes(data: dict) -> dict[str, str]:
    """The exported attributes of a projected edge (``document`` is the source document IRI)."""
    return {
        "relation": data.get("relation", ""),
        "relation_label": data.get("relation_label", ""),
        "evidence": data.get("evidence", ""),
        "document": data.get("source", ""),
        "year": data.get("year", ""),
        "method": data.get("method", ""),
    }


def gephi_graph(graph: nx.MultiDiGraph, *, viz: bool) -> nx.MultiDiGraph:
    """A copy of a projected graph whose attributes Gephi and Cytoscape read without edits.

    Every attribute is a string (no lists).  For GraphML, ``r``/``g``/``b``
    carry the colour (Gephi's GraphML importer reads them as the node colour);
    for GEXF (``viz=True``) ``viz`` holds the colour and a size by degree, and
    the edge ``label`` is the relation's Chinese label.
    """
    result = nx.MultiDiGraph()  # sorted, so the same graph always gives the same file
    for node, data in sorted(graph.nodes(data=True), key=lambda x: x[0]):
        attrs: dict = node_attributes(data)
        r, g, b = rgb(attrs["colour"])
        if viz:
            size = 10.0 + 4.0 * math.sqrt(graph.degree(node))
            attrs["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}, "size": round(size, 2)}
        else:
            attrs.update(r=str(r), g=str(g), b=str(b))
        result.add_node(node, **attrs)
    for u, v, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[2]):
        attrs = edge_attributes(data)
        if viz:
            attrs.update(id=key, label=attrs["relation_label"])
        result.add_edge(u, v, key=key, **attrs)
    return result


def write_graphml(graph: nx.MultiDiGraph, out: BinaryIO) -> None:
    """GraphML with key ids named after the attributes.

    NetworkX's default ids (d0, d1, …) collide with yEd's conventions Gephi
    honours (a key "d3" would become the node label), so keys are named.
    """
    with XmlSafeWriter(out) as safe:  # a control character in a label would make the file unreadable
        nx.write_graphml(gephi_graph(graph, viz=False), safe, encoding="utf-8", named_key_ids=True)


def write_gexf(graph: nx.MultiDiGraph, out: BinaryIO) -> None:
    """GEXF 1.2 (Gephi's own format) with ``viz:color`` and ``viz:size`` per node."""
    with XmlSafeWriter(out) as safe:
        nx.write_gexf(gephi_graph(graph, viz=True), safe, encoding="utf-8", version="1.2draft")


# -- tables -------------------------------------------------------------------

INDICATORS = """
SELECT DISTINCT ?indicator ?entity ?measure ?value ?unit ?approximate ?qualifier ?valueText ?countsClass
       ?evidence ?document ?year WHERE {
  ?indicator a kg:Indicator .
  OPTIONAL { ?indicator kg:indicatorOf ?entity }
  OPTIONAL { ?indicator kg:measure ?measure }
  OPTIONAL { ?indicator kg:value ?value }
  OPTIONAL { ?indicator kg:unit ?unit }
  OPTIONAL { ?indicator kg:approximate ?approximate }
  OPTIONAL { ?indicator kg:qualifier ?qualifier }
  OPTIONAL { ?indicator kg:valueText ?valueText }
  OPTIONAL { ?indicator kg:countsClass ?countsClass }
  OPTIONAL { ?indicator kg:evidence ?evidence }
  OPTIONAL { ?indicator prov:wasDerivedFrom ?document }
  OPTIONAL { ?indicator kg:year ?year }
} ORDER BY ?indicator
"""
INDICATOR_COLUMNS = (
    "id",
    "entity",
    "entity_label",
    "measure",
    "value",
    "unit",
    "approximate",
    "qualifier",
    "value_text",
    "counts_class",
    "evidence",
    "document",
    "year",
)


def indicator_rows(store: Store, graph: nx.MultiDiGraph, subset: Subset | None = None) -> list[dict[str, str]]:
    """The store's indicators as rows of strings (values exactly as stored: ``"309"``, ``"0.5"``).

    With a subset, only the indicators of the entities in ``graph`` are kept.
    """
    rows: dict[str, dict[str, str]] = {}
    for row in store.select(INDICATORS):
        entity = str(row.get("entity", ""))
        if subset and entity not in graph:
            continue
        iri = str(row["indicator"])
        if iri in rows:  # an indicator stated with two values of one property keeps the first
            continue
        rows[iri] = {
            "id": iri,
            "entity": entity,
            "entity_label": graph.nodes[entity]["label"] if entity in graph else "",
            "measure": str(row.get("measure", "")),
            "value": str(row.get("value", "")),
            "unit": str(row.get("unit", "")),
            "approximate": str(row.get("approximate", "")),
            "qualifier": str(row.get("qualifier", "")),
            "value_text": str(row.get("valueText", "")),
            "counts_class": local_name(row.get("countsClass", "")),
            "evidence": str(row.get("evidence", "")),
            "document": str(row.get("document", "")),
            "year": str(row.get("year", "")),
        }
    return list(rows.values())


def _write_csv(path: Path, header: Iterable[str], rows: Iterable[Iterable[object]], excel: bool) -> Path:
    """One CSV file, written atomically; every cell passes :func:`spreadsheet_cell` (no live formulas)."""
    # utf-8-sig starts the file with a byte-order mark, which is how Excel recognises UTF-8.
    with atomic_write(path, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([spreadsheet_cell(cell) for cell in row] for row in rows)
    return path


def write_csv_tables(
    graph: nx.MultiDiGraph, indicators: list[dict[str, str]], folder: Path, *, excel: bool = False
) -> list[Path]:
    """``nodes.csv``, ``edges.csv`` and ``indicators.csv`` in ``folder``: UTF-8, a header row, one row per item."""
    nodes = (
        [node, *node_attributes(data).values()] for node, data in sorted(graph.nodes(data=True), key=lambda x: x[0])
    )
    edges = (
        [key, u, v, graph.nodes[u]["label"], graph.nodes[v]["label"], *edge_attributes(data).values()]
        for u, v, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[2])
    )
    edge_header = ("id", "source", "target", "source_label", "target_label", *EDGE_COLUMNS)
    indicator_cells = ([row[c] for c in INDICATOR_COLUMNS] for row in indicators)
    return [
        _write_csv(folder / "nodes.csv", ("id", *NODE_COLUMNS), nodes, excel),
        _write_csv(folder / "edges.csv", edge_header, edges, excel),
        _write_csv(folder / "indicators.csv", INDICATOR_COLUMNS, indicator_cells, excel),
    ]


# -- Neo4j ----------------------------------------------------------------------

NEO4J_IMPORT = """#!/bin/sh
# Import these files into a new Neo4j 5 database (default name: neo4j; stop it first):
#   sh import.sh [DATABASE]
# Entities are (:Entity:<Class>:<superclasses>) nodes, indicators (:Indicator) nodes;
# relations keep their kind as the relationship type (INTEGRATES_WITH, TRAINS, ...).
cd "$(dirname "$0")" || exit 1
exec neo4j-admin database import full --overwrite-destination --multiline-fields=true \\
  --nodes=nodes.csv --nodes=indicators.csv \\
  --relationships=relationships.csv --relationships=indicator_of.csv \\
  "${1:-neo4j}"
"""


def relationship_type(relation: str) -> str:
    """Neo4j's naming convention for a relation's local name.

    >>> relationship_type("integratesWith")
    'INTEGRATES_WITH'
    """
    return re.sub(r"(?<!^)(?=[A-Z])", "_", relation).upper()


def neo4j_labels(cls: str) -> str:
    """``Entity`` and the class with its ontology superclasses, as a neo4j-admin ``:LABEL`` cell.

    >>> neo4j_labels("VocationalCollege")
    'Entity;VocationalCollege;College;EducationalOrganization;Organization;Actor'
    """
    return ";".join(["Entity", *ancestors(cls)])


def write_neo4j(
    graph: nx.MultiDiGraph, indicators: list[dict[str, str]], folder: Path, *, excel: bool = False
) -> list[Path]:
    """CSV files in neo4j-admin import layout, and ``import.sh`` that runs the import.

    ``nodes.csv`` (``iri:ID``, properties, ``aliases:string[]``, ``:LABEL``),
    ``indicators.csv`` (``:Indicator`` nodes, ``value:float``, ``approximate:boolean``),
    ``relationships.csv`` (``:START_ID``, ``:END_ID``, ``:TYPE`` and the assertion's
    properties) and ``indicator_of.csv`` (``INDICATOR_OF`` from each indicator to its entity).
    """
    node_header = ("iri:ID", "name", "class", "class_label", "district", "city", "aliases:string[]", "colour", ":LABEL")
    nodes = []
    for node, data in sorted(graph.nodes(data=True), key=lambda x: x[0]):
        attrs = node_attributes(data)
        aliases = ";".join(data.get("aliases", []))
        nodes.append([node, attrs["label"], attrs["class"], attrs["class_label"], attrs["district"], attrs["city"],
                      aliases, attrs["colour"], neo4j_labels(attrs["class"])])  # fmt: skip
    rel_header = (":START_ID", ":END_ID", ":TYPE", "iri", "relation", "relation_label", "evidence", "document",
                  "year:int", "method")  # fmt: skip
    rels = [
        [u, v, relationship_type(data["relation"]), key, *edge_attributes(data).values()]
        for u, v, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[2])
    ]
    ind_header = ("iri:ID", "measure", "value:float", "unit", "approximate:boolean", "qualifier", "value_text",
                  "counts_class", "evidence", "document", "year:int", ":LABEL")  # fmt: skip
    ind_rows = [
        [r["id"], r["measure"], r["value"], r["unit"], r["approximate"], r["qualifier"], r["value_text"],
         r["counts_class"], r["evidence"], r["document"], r["year"], "Indicator"]
        for r in indicators
    ]  # fmt: skip
    of_rows = [[r["id"], r["entity"], "INDICATOR_OF"] for r in indicators if r["entity"] in graph]
    script = folder / "import.sh"
    write_file(script, NEO4J_IMPORT)
    return [
        _write_csv(folder / "nodes.csv", node_header, nodes, excel),
        _write_csv(folder / "indicators.csv", ind_header, ind_rows, excel),
        _write_csv(folder / "relationships.csv", rel_header, rels, excel),
        _write_csv(folder / "indicator_of.csv", (":START_ID", ":END_ID", ":TYPE"), of_rows, excel),
        script,
    ]


# -- entry points -------------------------------------------------------------------


def export(
    store: Store,
    fmt: str,
    out: BinaryIO,
    *,
    subset: Subset | None = None,
    progress: Progress | None = None,
) -> None:
    """Write the store, or ``subset`` of it, to the stream ``out`` in a one-file format.

    RDF formats write the triples (see :func:`write_rdf`); ``graphml`` and
    ``gexf`` the entity–relation graph.  Folder formats (csv, neo4j) need
    :func:`export_folder`.
    """
    chosen = export_format(fmt)
    fmt = chosen.name
    if chosen.kind == "tables":
        raise ExportError(text("format_writes_folder", fmt=fmt))
    if chosen.kind == "rdf":
        write_rdf(store, fmt, out, subset, progress)
        return
    if progress:
        progress("projecting the graph", 0, 1)
    graph = entity_graph(store, subset)
    if progress:
        progress(f"writing {fmt}", 0, 1)
    (write_graphml if fmt == "graphml" else write_gexf)(graph, out)
    if progress:
        progress(f"writing {fmt}", 1, 1)


def export_folder(
    store: Store,
    fmt: str,
    folder: Path,
    *,
    subset: Subset | None = None,
    excel: bool = False,
    progress: Progress | None = None,
) -> list[Path]:
    """Write ``csv`` tables or ``neo4j`` import files into ``folder`` (created if missing, in a folder that exists);
    return their paths.

    ``excel`` starts each file with a UTF-8 byte-order mark so Excel shows Chinese.
    """
    chosen = export_format(fmt)
    fmt = chosen.name
    if chosen.kind != "tables":
        raise ExportError(f"--format {fmt} writes one file, not a folder")
    try:
        check_output(folder, folder=True)  # the rule of every output: the folder it goes in must exist
    except OutputError as error:
        raise ExportError(str(error)) from None
    if progress:
        progress("projecting the graph", 0, 1)
    graph = entity_graph(store, subset)
    indicators = indicator_rows(store, graph, subset)
    if progress:
        progress(f"writing {fmt} files", 0, 1)
    try:
        folder.mkdir(exist_ok=True)
        written = (write_csv_tables if fmt == "csv" else write_neo4j)(graph, indicators, folder, excel=excel)
    except OSError as error:
        raise ExportError(f"--out {folder}: cannot write: {error.strerror or error}") from None
    if progress:
        progress(f"writing {fmt} files", 1, 1)
    return written
