"""Write analysis results back into the store as RDF, in their own named graph.

Each analysed entity gets ``kg:degree``, ``kg:weightedDegree``,
``kg:betweenness``, ``kg:pageRank`` and ``kg:coreNumber``; each community is a
``prov:Collection`` with an ``rdfs:label`` (its most central members) whose
``prov:hadMember`` are its entities.  The graph is replaced as a whole, in one
transaction, so a re-run leaves exactly the latest results and a failure
leaves the previous ones.  No entity class or relation assertion is written,
so the projection, the statistics and the inference are unaffected.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef

from kg.analysis.metrics import Analysis
from kg.model.vocab import BASE, GRAPH, KG, PROV
from kg.store.embedded import Store

ANALYSIS_GRAPH = GRAPH.analysis
ANALYSIS = Namespace(BASE + "analysis/")


def analysis_graph(analysis: Analysis) -> Graph:
    """The RDF of an analysis: centrality per entity and community membership.

    >>> import networkx as nx
    >>> from kg.analysis.metrics import analyze
    >>> G = nx.Graph([("https://example.org/a", "https://example.org/b")])
    >>> g = analysis_graph(analyze(G))
    >>> sorted(str(p).rsplit("#", 1)[-1] for p in set(g.predicates()))[:5]
    ['betweenness', 'coreNumber', 'degree', 'hadMember', 'label']
    """
    graph = Graph()
    graph.bind("kg", KG)
    graph.bind("prov", PROV)
    for node in analysis.labels:
        entity = URIRef(node)
        values = analysis.centrality_of(node)
        graph.add((entity, KG.degree, Literal(int(values["degree"]), datatype=XSD.integer)))
        graph.add((entity, KG.weightedDegree, Literal(int(values["weighted_degree"]), datatype=XSD.integer)))
        graph.add((entity, KG.betweenness, Literal(float(values["betweenness"]), datatype=XSD.double)))
        graph.add((entity, KG.pageRank, Literal(float(values["pagerank"]), datatype=XSD.double)))
        graph.add((entity, KG.coreNumber, Literal(int(values["core_number"]), datatype=XSD.integer)))
    for community in analysis.communities:
        iri = ANALYSIS[f"community/{community.method}/{community.id}"]
        graph.add((iri, RDF.type, PROV.Collection))
        graph.add((iri, RDFS.label, Literal(community.label, lang="zh")))
        graph.add((iri, KG.method, Literal(community.method)))
        for member in community.members:
            graph.add((iri, PROV.hadMember, URIRef(member)))
    return graph


def write_back(store: Store, analysis: Analysis) -> int:
    """Replace the analysis graph of ``store`` with ``analysis``; return the number of triples written."""
    graph = analysis_graph(analysis)
    store.replace_graphs({ANALYSIS_GRAPH: graph})
    return len(graph)
