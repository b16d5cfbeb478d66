"""The curated graph: human-reviewed YAML files in ``data/curated`` turned into RDF.

Format (documented in ``data/README.md``):

* ``entities.yaml`` — the entity registry: label, class, district, city, aliases.
* ``<document id>.yaml`` — the relations and indicators one document states,
  each with its verbatim evidence sentence.

:func:`load_curated` validates everything (unknown classes, dangling labels,
evidence that is not verbatim in the source text …) and raises
:class:`CurationError` whose message names the file and line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from rdflib import Graph, URIRef

from kg.errors import KgError
from kg.i18n import pick
from kg.i18n import text as message
from kg.model.statements import (
    Provenance,
    add_document,
    add_entity,
    add_indicator,
    add_relation,
    assertion_iri,
    indicator_iri,
)
from kg.model.vocab import (
    ENTITIES_GRAPH,
    classes,
    document_iri,
    entity_iri,
    relation_properties,
)
from kg.sources.documents import Article, DocumentError, load_article

LINE = "__line__"


class CurationError(KgError, ValueError):
    """A curated file is invalid; ``str()`` is one line per problem, each naming file and line."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser: 8x faster than PyYAML's own
    """YAML loader that records the line of every mapping under ``__line__``."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping


def read_yaml(path: Path) -> Any:
    """Parse a YAML file, keeping line numbers; syntax errors become :class:`CurationError`."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise CurationError([message("yaml_syntax", where=where, reason=getattr(error, "problem", error))]) from None
    except UnicodeDecodeError:
        raise CurationError([message("not_utf8", path=path)]) from None
    except OSError as error:
        raise CurationError([message("cannot_read", path=path, reason=error.strerror or error)]) from None


@dataclass
class Entity:
    label: str
    cls: str
    iri: URIRef
    aliases: list[str] = field(default_factory=list)
    district: str = ""
    city: str = ""
    same_as: list[str] = field(default_factory=list)
    division_code: str = ""
    note: str = ""
    line: int = 0


@dataclass
class CuratedData:
    """What ``data/`` holds, validated: entities, documents and their statements."""

    entities: dict[str, Entity]
    articles: dict[str, Article]
    statements: dict[str, dict]  # document id → parsed YAML of its curated file
    sources: dict[str, Path]  # document id → curated file


def _problem(path: Path, item: Mapping | None, what: str) -> str:
    line = item.get(LINE) if isinstance(item, Mapping) else None
    return f"{path}:{line}{pick('：', ': ')}{what}" if line else f"{path}{pick('：', ': ')}{what}"


def _entities(path: Path, problems: list[str]) -> dict[str, Entity]:
    data = read_yaml(path) or {}
    items = data.get("entities") if isinstance(data, Mapping) else None
    if not isinstance(items, list):
        problems.append(message("curated_no_entities", path=path))
        return {}
    known = classes()
    entities: dict[str, Entity] = {}
    iris: dict[URIRef, str] = {}
    for item in items:
        if not isinstance(item, Mapping) or not item.get("label") or not item.get("class"):
            problems.append(_problem(path, item, message("curated_label_class")))
            continue
        label, cls = str(item["label"]), str(item["class"])
        if cls not in known:
            problems.append(_problem(path, item, message("curated_unknown_class", label=label, cls=cls)))
        if label in entities:
            line = entities[label].line
            problems.append(_problem(path, item, message("curated_duplicate", label=label, line=line)))
        iri = entity_iri(label, item.get("id"))
        if iri in iris and iris[iri] != label:
            what = message("curated_same_iri", label=label, iri=iri, other=iris[iri])
            problems.append(_problem(path, item, what))
        iris[iri] = label
        entities[label] = Entity(
            label=label,
            cls=cls,
            iri=iri,
            aliases=[str(a) for a in item.get("aliases") or []],
            district=str(item.get("district") or ""),
            city=str(item.get("city") or ""),
            same_as=[str(s) for s in item.get("same_as") or []],
            division_code=str(item.get("division_code") or ""),
            note=str(item.get("note") or ""),
            line=item[LINE],
        )
    for entity in entities.values():
        for key, expected, name in (
            ("district", "District", pick("区县", "District")),
            ("city", "City", pick("城市", "City")),
        ):
            value = getattr(entity, key)
            if value and (value not in entities or entities[value].cls != expected):
                what = message("curated_wrong_class", label=entity.label, key=key, value=value, expected=name)
                problems.append(f"{path}:{entity.line}{pick('：', ': ')}{what}")
    return entities


def load_curated(data_dir: Path) -> CuratedData:
    """Read and validate ``data_dir``'s documents and curated files.

    Raises :class:`CurationError` listing every problem found.
    """
    problems: list[str] = []
    curated_dir = data_dir / "curated"
    entities = _entities(curated_dir / "entities.yaml", problems)
    articles: dict[str, Article] = {}
    unreadable: set[str] = set()  # their curated files are not checked: the one problem is the sidecar
    for text_path in sorted((data_dir / "documents").glob("*.txt")):
        try:
            article = load_article(text_path)
        except DocumentError as error:
            problems.append(str(error))
            unreadable.add(text_path.stem)
            continue
        articles[article.id] = article
    statements: dict[str, dict] = {}
    sources: dict[str, Path] = {}
    for path in sorted(curated_dir.glob("*.yaml")):
        if path.name == "entities.yaml":
            continue
        data = read_yaml(path) or {}
        doc_id = str(data.get("document", "")) if isinstance(data, Mapping) else ""
        if doc_id in unreadable:
            continue
        if doc_id not in articles:
            problems.append(
                _problem(path, data, message("curated_no_document", doc=doc_id, folder=data_dir / "documents"))
            )
            continue
        _check_statements(path, data, entities, articles[doc_id].text, problems)
        statements[doc_id], sources[doc_id] = data, path
    if problems:
        raise CurationError(problems)
    return CuratedData(entities, articles, statements, sources)


def _check_statements(
    path: Path, data: Mapping, entities: Mapping[str, Entity], text: str, problems: list[str]
) -> None:
    properties = relation_properties()
    for item in data.get("relations") or []:
        for end in ("subject", "object"):
            if str(item.get(end)) not in entities:
                problems.append(_problem(path, item, message("curated_not_entity", end=end, value=item.get(end))))
        if item.get("predicate") not in properties:
            problems.append(_problem(path, item, message("curated_unknown_predicate", value=item.get("predicate"))))
        _check_evidence(path, item, text, problems)
    for item in data.get("indicators") or []:
        if str(item.get("subject")) not in entities:
            problems.append(
                _problem(path, item, message("curated_not_entity", end="subject", value=item.get("subject")))
            )
        try:
            Decimal(str(item.get("value")))
        except InvalidOperation:
            problems.append(_problem(path, item, message("curated_not_number", value=item.get("value"))))
        for key in ("measure", "unit"):
            if not item.get(key):
                problems.append(_problem(path, item, message("curated_indicator_needs", key=key)))
        if item.get("counts_class") and item["counts_class"] not in classes():
            problems.append(_problem(path, item, message("curated_unknown_counts", value=item["counts_class"])))
        if item.get("text") and str(item["text"]) not in str(item.get("evidence", "")):
            problems.append(_problem(path, item, message("curated_text_not_in_evidence", value=item["text"])))
        _check_evidence(path, item, text, problems)


def _check_evidence(path: Path, item: Mapping, text: str, problems: list[str]) -> None:
    evidence = str(item.get("evidence") or "")
    if not evidence:
        problems.append(_problem(path, item, message("curated_no_evidence")))
    elif evidence not in text:
        problems.append(_problem(path, item, message("curated_evidence_not_verbatim", evidence=evidence[:40])))


def _provenance(item: Mapping, doc: URIRef, text: str) -> Provenance:
    evidence = str(item["evidence"])
    start = text.index(evidence)
    return Provenance(doc, evidence, start, start + len(evidence), "curated", item.get("year"))


def entity_mentions(data: CuratedData, *, aliases: bool = True) -> dict[str, set[str]]:
    """Label → ids of the documents that mention the entity.

    A document mentions an entity when one of its relations or indicators uses
    it, when it names it as an author, or when its text contains the label (or,
    with ``aliases``, an alias: one two entities share, such as 区教委, counts
    only in an article about the entity's own district).
    """
    mentions: dict[str, set[str]] = {label: set() for label in data.entities}
    for doc_id, statements in data.statements.items():
        for item in statements.get("relations") or []:
            mentions[str(item["subject"])].add(doc_id)
            mentions[str(item["object"])].add(doc_id)
        for item in statements.get("indicators") or []:
            mentions[str(item["subject"])].add(doc_id)
    alias_owners = Counter(alias for entity in data.entities.values() for alias in set(entity.aliases))
    for doc_id, article in data.articles.items():
        for entity in data.entities.values():
            names = [entity.label]
            if aliases:
                names += [a for a in entity.aliases if alias_owners[a] == 1 or entity.district == article.district]
            if any(name in article.text for name in names) or entity.label in article.authors:
                mentions[entity.label].add(doc_id)
    return mentions


def entities_graph(data: CuratedData) -> Graph:
    """The entity registry as RDF: types, labels, aliases, district, city, links, mentions."""
    graph = Graph()
    known = classes()
    mentions = entity_mentions(data)
    for entity in data.entities.values():
        add_entity(
            graph,
            entity.iri,
            known[entity.cls],
            entity.label,
            aliases=entity.aliases,
            district=data.entities[entity.district].iri if entity.district else None,
            city=data.entities[entity.city].iri if entity.city else None,
            mentioned_in=[document_iri(doc_id) for doc_id in sorted(mentions[entity.label])],
            same_as=entity.same_as,
            division_code=entity.division_code or "",
            note=entity.note or "",
        )
    return graph


def document_graph(data: CuratedData, doc_id: str) -> Graph:
    """One document's named graph: its metadata and text, relations, assertions and indicators."""
    article = data.articles[doc_id]
    doc = document_iri(doc_id)
    graph = Graph()
    iris = {label: entity.iri for label, entity in data.entities.items()}
    add_document(graph, doc, article, iris, iris.get(article.district), iris.get(article.city))
    statements = data.statements.get(doc_id, {})
    properties = relation_properties()
    for item in statements.get("relations") or []:
        subject, obj = iris[str(item["subject"])], iris[str(item["object"])]
        predicate = properties[item["predicate"]]
        node = assertion_iri(doc_id, subject, predicate, obj, str(item["evidence"]))
        add_relation(graph, node, subject, predicate, obj, _provenance(item, doc, article.text))
    for item in statements.get("indicators") or []:
        subject = iris[str(item["subject"])]
        text = str(item.get("text") or "")
        provenance = _provenance(item, doc, article.text)
        node = indicator_iri(doc_id, subject, str(item["measure"]), text, provenance)
        add_indicator(
            graph,
            node,
            subject,
            measure=str(item["measure"]),
            value=str(item["value"]),
            unit=str(item["unit"]),
            qualifier=str(item.get("qualifier") or ""),
            text=text,
            counts_class=classes()[item["counts_class"]] if item.get("counts_class") else None,
            provenance=provenance,
        )
    return graph


def curated_graphs(data: CuratedData) -> dict[URIRef, Graph]:
    """Every named graph the curated data yields: the entity registry and one per document."""
    graphs = {ENTITIES_GRAPH: entities_graph(data)}
    for doc_id in data.articles:
        graphs[document_iri(doc_id)] = document_graph(data, doc_id)
    return graphs
