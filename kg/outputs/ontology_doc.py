"""Human-readable, bilingual (中文 / English) HTML documentation of the ontology.

One self-contained page — inline style and a few lines of inline script, no
remote resource — with the ontology's metadata, the class hierarchy, every
class, relation, attribute and data property (labels and comments in both
languages, super- and subclasses, domains and ranges, equivalent external
terms), the validation rules of ``ontology/shapes.ttl`` and the namespaces.
The template is autoescaped: every label and comment is text, never markup.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from rdflib import OWL, RDF, RDFS, BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from kg import __version__
from kg.errors import KgError
from kg.files import write_text
from kg.i18n import text
from kg.model.terms import by_language, local_name, super_properties
from kg.model.vocab import KG, PREFIXES, ontology
from kg.outputs.validate import KGSH, shapes

TEMPLATES = Path(__file__).resolve().parent / "templates"
LANGS = ("zh", "en")
DCTERMS_LICENSE = URIRef("http://purl.org/dc/terms/license")
DOC_PREFIXES = {
    **PREFIXES,
    "kgsh": str(KGSH),
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
}


class DocumentationError(KgError, OSError):
    """The documentation cannot be written where asked."""


@dataclass
class Ref:
    """A link to a term: inside the page when the ontology defines it, else to its IRI."""

    text: str
    href: str = ""  # "#Local" inside the page, an http(s) IRI outside, "" for no link
    title: str = ""


@dataclass
class Term:
    """A class or property with what the page shows about it."""

    iri: str
    local: str
    kind: str
    labels: dict[str, str] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)
    parents: list[Ref] = field(default_factory=list)
    children: list[Ref] = field(default_factory=list)
    equivalents: list[Ref] = field(default_factory=list)
    union_of: list[Ref] = field(default_factory=list)
    domain: list[Ref] = field(default_factory=list)
    range: list[Ref] = field(default_factory=list)
    characteristics: list[str] = field(default_factory=list)
    domain_of: list[Ref] = field(default_factory=list)
    range_of: list[Ref] = field(default_factory=list)


@dataclass
class Rule:
    """A validation rule of the shapes graph."""

    local: str
    labels: dict[str, str]
    messages: dict[str, str]
    shapes: list[str]  # local names of the node shapes that use it


@dataclass
class TreeNode:
    ref: Ref
    children: list[TreeNode] = field(default_factory=list)


def _texts(graph: Graph, node: Node, prop: URIRef) -> dict[str, str]:
    """Literal values of ``prop`` by language ("" for none), one per language."""
    return by_language(graph.objects(node, prop))


class _Model:
    """The ontology graph read into :class:`Term` lists."""

    def __init__(self, graph: Graph):
        self.graph = graph
        self.own = {
            str(s)
            for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
            for s in graph.subjects(RDF.type, kind)
            if isinstance(s, URIRef) and str(s).startswith(str(KG))
        }

    def local(self, iri: str) -> str:
        return local_name(iri)

    def prefixed(self, iri: str) -> str:
        for prefix, namespace in DOC_PREFIXES.items():
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace) :]}"
        return iri

    def ref(self, node: Node) -> Ref:
        if isinstance(node, BNode):
            members = self.union(node)
            return Ref(" ∪ ".join(m.text for m in members) if members else "(anonymous)")
        iri = str(node)
        labels = _texts(self.graph, node, RDFS.label)
        title = " / ".join(labels[lang] for lang in LANGS if lang in labels)
        if iri in self.own:
            return Ref(self.local(iri), "#" + self.local(iri), title)
        href = iri if iri.startswith(("http://", "https://")) else ""
        return Ref(self.prefixed(iri), href, title)

    def refs(self, nodes: object) -> list[Ref]:
        return sorted((self.ref(n) for n in nodes), key=lambda r: r.text)  # type: ignore[attr-defined]

    def union(self, node: Node) -> list[Ref]:
        lists = list(self.graph.objects(node, OWL.unionOf))
        return [self.ref(m) for m in Collection(self.graph, lists[0])] if lists else []

    def term(self, iri: str, kind: str) -> Term:
        node = URIRef(iri)
        g = self.graph
        term = Term(
            iri=iri,
            local=self.local(iri),
            kind=kind,
            labels=_texts(g, node, RDFS.label),
            comments=_texts(g, node, RDFS.comment),
        )
        if kind == "class":
            term.parents = self.refs(o for o in g.objects(node, RDFS.subClassOf) if o != node)
            term.children = self.refs(s for s in g.subjects(RDFS.subClassOf, node) if s != node)
            equivalents = set(g.objects(node, OWL.equivalentClass)) | set(g.subjects(OWL.equivalentClass, node))
            term.equivalents = self.refs(equivalents)
            term.union_of = self.union(node)
            term.domain_of = self.refs(g.subjects(RDFS.domain, node))
            term.range_of = self.refs(g.subjects(RDFS.range, node))
        else:
            term.parents = self.refs(g.objects(node, RDFS.subPropertyOf))
            term.children = self.refs(g.subjects(RDFS.subPropertyOf, node))
            term.domain = self.refs(g.objects(node, RDFS.domain))
            term.range = self.refs(g.objects(node, RDFS.range))
            for kind_iri, name in ((OWL.SymmetricProperty, "symmetric"), (OWL.FunctionalProperty, "functional"),
                                   (OWL.TransitiveProperty, "transitive")):  # fmt: skip
                if (node, RDF.type, kind_iri) in g:
                    term.characteristics.append(name)
        return term

    def terms(self, kind: URIRef, name: str) -> list[Term]:
        iris = sorted(str(s) for s in self.graph.subjects(RDF.type, kind) if str(s) in self.own)
        return [self.term(iri, name) for iri in iris]

    def is_relation(self, iri: str) -> bool:
        return iri != str(KG.relatedTo) and str(KG.relatedTo) in super_properties(iri)

    def tree(self, classes: list[Term]) -> list[TreeNode]:
        """The class hierarchy: roots are classes without a superclass the ontology defines."""
        by_iri = {c.iri: c for c in classes}

        def node(term: Term, seen: frozenset[str]) -> TreeNode:
            children = sorted(
                (str(s) for s in self.graph.subjects(RDFS.subClassOf, URIRef(term.iri)) if str(s) in by_iri),
                key=self.local,
            )
            return TreeNode(
                self.ref(URIRef(term.iri)),
                [node(by_iri[c], seen | {c}) for c in children if c not in seen and c != term.iri],
            )

        roots = [
            c for c in classes if not any(str(p) in by_iri for p in self.graph.objects(URIRef(c.iri), RDFS.subClassOf))
        ]
        return [node(c, frozenset({c.iri})) for c in roots]

    def metadata(self) -> dict[str, object]:
        g = self.graph
        subject = next(iter(g.subjects(RDF.type, OWL.Ontology)), None)
        if subject is None:
            return {"iri": "", "labels": {}, "comments": {}, "version": "", "license": None}
        version = g.value(subject, OWL.versionInfo)
        license_ = g.value(subject, DCTERMS_LICENSE)
        return {
            "iri": str(subject),
            "labels": _texts(g, subject, RDFS.label),
            "comments": _texts(g, subject, RDFS.comment),
            "version": str(version or ""),
            "license": self.ref(license_) if license_ is not None else None,
        }


def _rules(shapes_graph: Graph) -> list[Rule]:
    """The named rules (labelled property shapes and SPARQL constraints) with the node shapes that use them."""
    rules: dict[str, Rule] = {}
    for shape in sorted(shapes_graph.subjects(RDF.type, SH.NodeShape), key=str):
        if not isinstance(shape, URIRef):
            continue
        members = list(shapes_graph.objects(shape, SH.property)) + list(shapes_graph.objects(shape, SH.sparql))
        for member in members:
            if isinstance(member, URIRef) and (member, RDFS.label, None) in shapes_graph:
                local = local_name(member)
                rule = rules.setdefault(
                    local,
                    Rule(local, _texts(shapes_graph, member, RDFS.label), _texts(shapes_graph, member, SH.message), []),
                )
                rule.shapes.append(local_name(shape))
    return sorted(rules.values(), key=lambda r: (r.shapes[0], r.local))


def ontology_html(graph: Graph | None = None, shapes_graph: Graph | None = None) -> str:
    """The documentation page of ``graph`` (default: ontology/kg.ttl) as an HTML string.

    >>> page = ontology_html()
    >>> "<h1" in page and "城教共生" in page and 'id="VocationalCollege"' in page
    True
    """
    graph = graph if graph is not None else ontology()
    shapes_graph = shapes_graph if shapes_graph is not None else shapes()
    model = _Model(graph)
    classes = model.terms(OWL.Class, "class")
    object_properties = model.terms(OWL.ObjectProperty, "property")
    relations = [p for p in object_properties if p.iri == str(KG.relatedTo) or model.is_relation(p.iri)]
    attributes = [p for p in object_properties if p not in relations]
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    template = env.get_template("ontology.html.j2")
    page = template.render(
        meta=model.metadata(),
        namespace=str(KG),
        classes=classes,
        tree=model.tree(classes),
        relations=relations,
        attributes=attributes,
        datatype_properties=model.terms(OWL.DatatypeProperty, "property"),
        rules=_rules(shapes_graph),
        prefixes=sorted(DOC_PREFIXES.items()),
        generator=f"kg {__version__}",
        langs=LANGS,
        csp_scripts="CSP-SCRIPTS",
    )
    # The page's only script (the language switch) is allowed by its hash: anything injected would not run.
    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") + "'" for s in scripts
    )
    return page.replace("CSP-SCRIPTS", hashes or "'none'", 1)


def outline(graph: Graph | None = None) -> str:
    """The class hierarchy and the relations as indented text, labels in both languages.

    >>> print(outline().splitlines()[1])
    Actor  行动主体 / Actor
    """
    model = _Model(graph if graph is not None else ontology())
    classes = model.terms(OWL.Class, "class")
    lines = [text("outline_classes")]

    def walk(nodes: list[TreeNode], depth: int) -> None:
        for node in nodes:
            lines.append(f"{'  ' * depth}{node.ref.text}  {node.ref.title}".rstrip())
            walk(node.children, depth + 1)

    walk(model.tree(classes), 0)
    lines += ["", text("outline_relations")]
    for term in model.terms(OWL.ObjectProperty, "property"):
        if model.is_relation(term.iri):
            names = " / ".join(term.labels[lang] for lang in LANGS if lang in term.labels)
            domain = ", ".join(r.text for r in term.domain) or "·"
            range_ = ", ".join(r.text for r in term.range) or "·"
            lines.append(f"{term.local}  {names}  ({domain} → {range_})")
    return "\n".join(lines) + "\n"


def write_ontology_doc(path: Path) -> Path:
    """Write the documentation of the bundled ontology to ``path`` (UTF-8); return the path."""
    return write_text(path, ontology_html(), option="--doc")
