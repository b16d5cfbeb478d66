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

from kg.analysis.projection import Streamed, Subset, project
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
    if not subset and not chosen.dataset and hasattr(store, "distinct_triples"):
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


class Elements:
    """The nodes and edges an export writes, in file order: from the store as they stream
    (:class:`kg.analysis.projection.Streamed`, the whole store) or from a projected subset graph."""

    def __init__(self, store: Store, subset: Subset | None = None):
        if subset:
            graph = entity_graph(store, subset)
            self.nodes = lambda: iter(sorted(graph.nodes(data=True), key=lambda x: x[0]))
            self.edges = lambda: iter(sorted(graph.edges(keys=True, data=True), key=lambda e: e[2]))
            self.degree = graph.degree
        else:
            streamed = Streamed(store)
            self.nodes, self.edges, self.degree = streamed.nodes, streamed.edges, streamed.degree


def _attr(text: str) -> str:
    """``text`` quoted for an XML attribute value (as ElementTree writes it)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return text.replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;")


def _cdata(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _data(key: str, value: str, indent: str) -> str:
    return f'{indent}<data key="{key}">{_cdata(value)}</data>\n' if value else f'{indent}<data key="{key}" />\n'


GRAPHML_NODE_KEYS = ("label", "class", "class_label", "district", "city", "aliases", "colour", "r", "g", "b")
GRAPHML_HEAD = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns'
    ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)


def write_graphml(elements: Elements, out: BinaryIO) -> None:
    """GraphML with key ids named after the attributes, one element at a time as the rows come.

    NetworkX's default ids (d0, d1, …) collide with yEd's conventions Gephi
    honours (a key "d3" would become the node label), so keys are named.
    ``r``/``g``/``b`` carry the colour (Gephi's GraphML importer reads them).
    """
    with XmlSafeWriter(out) as safe:  # a control character in a label would make the file unreadable
        head = [GRAPHML_HEAD]
        for name in reversed(EDGE_COLUMNS):
            head.append(f'  <key id="{name}" for="edge" attr.name="{name}" attr.type="string" />\n')
        for name in reversed(GRAPHML_NODE_KEYS):
            head.append(f'  <key id="{name}" for="node" attr.name="{name}" attr.type="string" />\n')
        head.append('  <graph edgedefault="directed">\n')
        safe.write("".join(head).encode("utf-8"))
        for node, data in elements.nodes():
            attrs = node_attributes(data)
            attrs.update(zip("rgb", map(str, rgb(attrs["colour"])), strict=True))
            text = "".join(_data(k, attrs[k], "      ") for k in GRAPHML_NODE_KEYS)
            safe.write(f'    <node id="{_attr(node)}">\n{text}    </node>\n'.encode())
        for u, v, key, data in elements.edges():
            attrs = edge_attributes(data)
            text = "".join(_data(k, attrs[k], "      ") for k in EDGE_COLUMNS)
            safe.write(
                f'    <edge source="{_attr(u)}" target="{_attr(v)}" id="{_attr(key)}">\n{text}    </edge>\n'.encode()
            )
        safe.write(b"  </graph>\n</graphml>")


GEXF_NODE_KEYS = ("class", "class_label", "district", "city", "aliases", "colour")


def write_gexf(elements: Elements, out: BinaryIO) -> None:
    """GEXF 1.2 (Gephi's own format) with ``viz:color`` and a ``viz:size`` by degree per node, streamed."""
    import datetime

    node_ids = {name: str(i) for i, name in enumerate(GEXF_NODE_KEYS)}
    edge_ids = {name: str(i + len(GEXF_NODE_KEYS)) for i, name in enumerate((*EDGE_COLUMNS, "networkx_key"))}
    with XmlSafeWriter(out) as safe:
        head = [
            "<?xml version='1.0' encoding='utf-8'?>\n"
            '<gexf xmlns:viz="http://www.gexf.net/1.2draft/viz" xmlns="http://www.gexf.net/1.2draft"'
            ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft'
            ' http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n',
            f'  <meta lastmodifieddate="{datetime.date.today().isoformat()}">\n    <creator>kg</creator>\n  </meta>\n',
            '  <graph defaultedgetype="directed" mode="static" name="">\n',
            '    <attributes mode="static" class="edge">\n',
            *(f'      <attribute id="{i}" title="{n}" type="string" />\n' for n, i in edge_ids.items()),
            "    </attributes>\n",
            '    <attributes mode="static" class="node">\n',
            *(f'      <attribute id="{i}" title="{n}" type="string" />\n' for n, i in node_ids.items()),
            "    </attributes>\n    <nodes>\n",
        ]
        safe.write("".join(head).encode("utf-8"))
        for node, data in elements.nodes():
            attrs = node_attributes(data)
            r, g, b = rgb(attrs["colour"])
            size = round(10.0 + 4.0 * math.sqrt(elements.degree(node)), 2)
            values = "".join(
                f'          <attvalue for="{i}" value="{_attr(attrs[n])}" />\n' for n, i in node_ids.items()
            )
            safe.write(
                f'      <node id="{_attr(node)}" label="{_attr(attrs["label"])}">\n'
                f'        <viz:color r="{r}" g="{g}" b="{b}" a="1.0" />\n        <viz:size value="{size}" />\n'
                f"        <attvalues>\n{values}        </attvalues>\n      </node>\n".encode()
            )
        safe.write(b"    </nodes>\n    <edges>\n")
        for u, v, key, data in elements.edges():
            attrs = {**edge_attributes(data), "networkx_key": key}
            values = "".join(
                f'          <attvalue for="{i}" value="{_attr(attrs[n])}" />\n' for n, i in edge_ids.items()
            )
            safe.write(
                f'      <edge source="{_attr(u)}" target="{_attr(v)}" id="{_attr(key)}"'
                f' label="{_attr(attrs["relation_label"])}">\n'
                f"        <attvalues>\n{values}        </attvalues>\n      </edge>\n".encode()
            )
        safe.write(b"    </edges>\n  </graph>\n</gexf>")


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


def indicator_rows(store: Store, labels: dict[str, str], subset: Subset | None = None) -> Iterator[dict[str, str]]:
    """The store's indicators as rows of strings (values exactly as stored: ``"309"``, ``"0.5"``), streamed.

    ``labels``: the label of each exported entity; with a subset, only the indicators of those entities.
    """
    last = None
    for row in store.query_raw(INDICATORS):  # ordered by indicator: its rows are adjacent
        entity = _value(row["entity"])
        if subset and entity not in labels:
            continue
        iri = row["indicator"].value
        if iri == last:  # an indicator stated with two values of one property keeps the first
            continue
        last = iri
        yield {
            "id": iri,
            "entity": entity,
            "entity_label": labels.get(entity, ""),
            "measure": _value(row["measure"]),
            "value": _value(row["value"]),
            "unit": _value(row["unit"]),
            "approximate": _value(row["approximate"]),
            "qualifier": _value(row["qualifier"]),
            "value_text": _value(row["valueText"]),
            "counts_class": local_name(row["countsClass"].value) if row["countsClass"] is not None else "",
            "evidence": _value(row["evidence"]),
            "document": _value(row["document"]),
            "year": _value(row["year"]),
        }


def _value(term: object) -> str:
    return "" if term is None else term.value  # type: ignore[attr-defined]


def _labelled(nodes: Iterable[tuple[str, dict]], labels: dict[str, str]) -> Iterator[tuple[str, dict]]:
    """The nodes as they pass, each label kept for the edge and indicator rows written after them."""
    for node, data in nodes:
        labels[node] = data.get("label", "")
        yield node, data


def _write_csv(path: Path, header: Iterable[str], rows: Iterable[Iterable[object]], excel: bool) -> Path:
    """One CSV file, written atomically; every cell passes :func:`spreadsheet_cell` (no live formulas)."""
    # utf-8-sig starts the file with a byte-order mark, which is how Excel recognises UTF-8.
    with atomic_write(path, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([spreadsheet_cell(cell) for cell in row] for row in rows)
    return path


def write_csv_tables(store: Store, elements: Elements, folder: Path, *, excel: bool = False,
                     subset: Subset | None = None) -> list[Path]:  # fmt: skip
    """``nodes.csv``, ``edges.csv`` and ``indicators.csv`` in ``folder``: UTF-8, a header row, one row per item,
    each row written as it comes from the store."""
    labels: dict[str, str] = {}
    nodes = ([node, *node_attributes(data).values()] for node, data in _labelled(elements.nodes(), labels))
    edges = (
        [key, u, v, labels.get(u, ""), labels.get(v, ""), *edge_attributes(data).values()]
        for u, v, key, data in elements.edges()
    )
    edge_header = ("id", "source", "target", "source_label", "target_label", *EDGE_COLUMNS)
    written = [
        _write_csv(folder / "nodes.csv", ("id", *NODE_COLUMNS), nodes, excel),
        _write_csv(folder / "edges.csv", edge_header, edges, excel),
    ]
    indicator_cells = ([row[c] for c in INDICATOR_COLUMNS] for row in indicator_rows(store, labels, subset))
    written.append(_write_csv(folder / "indicators.csv", INDICATOR_COLUMNS, indicator_cells, excel))
    return written


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


def write_neo4j(store: Store, elements: Elements, folder: Path, *, excel: bool = False,
                subset: Subset | None = None) -> list[Path]:  # fmt: skip
    """CSV files in neo4j-admin import layout, and ``import.sh`` that runs the import, each row written as it
    comes from the store.

    ``nodes.csv`` (``iri:ID``, properties, ``aliases:string[]``, ``:LABEL``),
    ``indicators.csv`` (``:Indicator`` nodes, ``value:float``, ``approximate:boolean``),
    ``relationships.csv`` (``:START_ID``, ``:END_ID``, ``:TYPE`` and the assertion's
    properties) and ``indicator_of.csv`` (``INDICATOR_OF`` from each indicator to its entity).
    """
    node_header = ("iri:ID", "name", "class", "class_label", "district", "city", "aliases:string[]", "colour", ":LABEL")
    present: set[str] = set()

    def nodes() -> Iterator[list[str]]:
        for node, data in elements.nodes():
            present.add(node)
            attrs = node_attributes(data)
            aliases = ";".join(data.get("aliases", []))
            yield [node, attrs["label"], attrs["class"], attrs["class_label"], attrs["district"], attrs["city"],
                   aliases, attrs["colour"], neo4j_labels(attrs["class"])]  # fmt: skip

    rel_header = (":START_ID", ":END_ID", ":TYPE", "iri", "relation", "relation_label", "evidence", "document",
                  "year:int", "method")  # fmt: skip
    rels = (
        [u, v, relationship_type(data["relation"]), key, *edge_attributes(data).values()]
        for u, v, key, data in elements.edges()
    )
    ind_header = ("iri:ID", "measure", "value:float", "unit", "approximate:boolean", "qualifier", "value_text",
                  "counts_class", "evidence", "document", "year:int", ":LABEL")  # fmt: skip
    script = folder / "import.sh"
    write_file(script, NEO4J_IMPORT)
    written = [_write_csv(folder / "nodes.csv", node_header, nodes(), excel)]
    labels = dict.fromkeys(present, "")
    present.clear()
    ind_rows = (
        [r["id"], r["measure"], r["value"], r["unit"], r["approximate"], r["qualifier"], r["value_text"],
         r["counts_class"], r["evidence"], r["document"], r["year"], "Indicator"]
        for r in indicator_rows(store, labels, subset)
    )  # fmt: skip
    written.append(_write_csv(folder / "indicators.csv", ind_header, ind_rows, excel))
    written.append(_write_csv(folder / "relationships.csv", rel_header, rels, excel))
    of_rows = ([r["id"], r["entity"], "INDICATOR_OF"] for r in indicator_rows(store, labels, subset)
               if r["entity"] in labels)  # fmt: skip
    written.append(_write_csv(folder / "indicator_of.csv", (":START_ID", ":END_ID", ":TYPE"), of_rows, excel))
    return [written[0], written[1], written[2], written[3], script]


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
        progress(text("stage_projecting"), 0, 1)
    elements = Elements(store, subset)
    if progress:
        progress(text("stage_writing", fmt=fmt), 0, 1)
    (write_graphml if fmt == "graphml" else write_gexf)(elements, out)
    if progress:
        progress(text("stage_writing", fmt=fmt), 1, 1)


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
        raise ExportError(text("format_one_file", fmt=fmt))
    try:
        check_output(folder, folder=True)  # the rule of every output: the folder it goes in must exist
    except OutputError as error:
        raise ExportError(str(error)) from None
    if progress:
        progress(text("stage_projecting"), 0, 1)
    elements = Elements(store, subset)
    if progress:
        progress(text("stage_writing_files", fmt=fmt), 0, 1)
    try:
        folder.mkdir(exist_ok=True)
        write = write_csv_tables if fmt == "csv" else write_neo4j
        written = write(store, elements, folder, excel=excel, subset=subset)
    except OSError as error:
        raise ExportError(text("cannot_write", option="--out", path=folder, reason=error.strerror or error)) from None
    if progress:
        progress(text("stage_writing_files", fmt=fmt), 1, 1)
    return written
