"""Measure extraction against a curated gold graph: precision, recall and F1.

A gold folder has the layout of ``data/`` (``documents/<id>.txt`` + ``.meta.json``,
``curated/entities.yaml`` + ``curated/<id>.yaml``).  Every document is
extracted and compared with the curated facts of that document:

* **entities** — the gold entities of a document are those its relations and
  indicators use, those whose label occurs in its text, and its authors (the
  sidecar's, persons whether or not the registry lists them).  A
  predicted entity matches a gold one when a name of one (label or alias) is a
  name of the other, compared without quotation marks and spaces; it counts as
  correct when the classes agree up to the hierarchy (Program ~ Initiative,
  School ~ PrimarySchool).  ``exact class`` counts only identical classes.
* **relations** — (subject, property, object) with subject and object mapped
  to gold entities; cooperatesWith / integratesWith are unordered.
* **indicators** — (subject, value, unit), overall and per measure (the gold's noun for what is
  counted; a prediction no gold matches counts under its own measure), and, as a looser figure,
  (value, unit) with the subject ignored.

The gazetteer is never given the answers: extraction of document D uses the
names of every curated entity except those only D mentions (leave one
document out), so a score measures the rules, not a lookup.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg.extract.confidence import THRESHOLD, Confidence, fit
from kg.extract.gazetteer import Gazetteer
from kg.extract.normalize import normalize_name
from kg.extract.pipeline import Extraction, Extractor
from kg.extract.relations import SYMMETRIC
from kg.i18n import text as message
from kg.model.terms import compatible, is_a, local_name, super_properties
from kg.model.vocab import DATA_DIR, KG, entity_iri
from kg.sources.curated import CuratedData, entity_mentions, load_curated
from kg.sources.curated import Entity as CuratedEntity  # (the gold's entity: the extraction's is resolve.Entity)
from kg.text import display_width, truncate


@dataclass
class Score:
    correct: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: Score) -> Score:
        self.correct += other.correct
        self.predicted += other.predicted
        self.gold += other.gold
        return self


@dataclass
class DocumentResult:
    doc_id: str
    gazetteer_names: int
    entities: Score = field(default_factory=Score)
    entities_exact: Score = field(default_factory=Score)
    relations: Score = field(default_factory=Score)
    indicators: Score = field(default_factory=Score)
    missed_entities: list[str] = field(default_factory=list)
    spurious_entities: list[str] = field(default_factory=list)
    missed_relations: list[str] = field(default_factory=list)
    spurious_relations: list[str] = field(default_factory=list)
    missed_indicators: list[str] = field(default_factory=list)
    spurious_indicators: list[str] = field(default_factory=list)
    right_entities: set[str] = field(default_factory=set)  # predicted labels counted correct
    # with a recording model (Confidence.seen): each entity no fact uses, its features and whether it is right
    samples: list[tuple[dict[str, float], bool]] = field(default_factory=list)


@dataclass
class Evaluation:
    documents: list[DocumentResult] = field(default_factory=list)
    entities: Score = field(default_factory=Score)
    entities_exact: Score = field(default_factory=Score)
    entities_untyped: Score = field(default_factory=Score)
    entity_classes: dict[str, Score] = field(default_factory=dict)
    relations: Score = field(default_factory=Score)  # a predicate below the gold's counts: it entails it
    relations_exact: Score = field(default_factory=Score)
    relation_kinds: dict[str, Score] = field(default_factory=dict)
    indicators: Score = field(default_factory=Score)
    indicators_unowned: Score = field(default_factory=Score)  # (value, unit): the number found, whoever it counts
    indicator_measures: dict[str, Score] = field(default_factory=dict)
    organisations: Score = field(default_factory=Score)  # entities of an Organization class (schools … platforms)
    organisation_relations: Score = field(default_factory=Score)  # relations between two of them


def key(name: str) -> str:
    """A name compared without quotation marks, brackets of titles and spaces, in one spelling.

    Simplified characters and NFKC forms (``上交(濰坊)`` ~ ``上交（潍坊）``): gold
    files keep the source's spelling, extraction labels are normalised.

    >>> key("上交(濰坊)新材料") == key("上交（潍坊）新材料")
    True
    """
    return re.sub(r"[“”\"'‘’《》「」\s]", "", unicodedata.normalize("NFKC", normalize_name(name)))


def evaluate(
    gold_dir: Path,
    background: Path | None = DATA_DIR,
    reference: bool = True,
    confidence: Confidence | None = None,
) -> Evaluation:
    """Extract every document of ``gold_dir`` and score it against its curated facts.

    ``background`` is another curated folder whose entities may be used by the
    gazetteer (the bundled data, when evaluating other gold files).  With
    ``reference`` the reference lists are read too, giving way to curated names,
    as ``kg ingest`` reads them; without, the figures compare with rounds that
    measured without them.  ``confidence``: the model that chooses which entities
    no fact uses are described (the bundled one by default).
    """
    data = load_curated(gold_dir)
    sources = [data]
    if background is not None and Path(background).resolve() != Path(gold_dir).resolve():
        sources.append(load_curated(background))
    result = Evaluation()
    for doc_id, article in sorted(data.articles.items()):
        gazetteer = Gazetteer.from_ontology()
        for source in sources:
            mentioned = entity_mentions(source, aliases=False)
            only_here = {label for label, docs in mentioned.items() if docs and docs <= {doc_id} and source is data}
            gazetteer = gazetteer.merged(Gazetteer.from_curated(source, exclude=only_here))
        if reference:
            gazetteer.fill(_reference_names())
        seen = confidence.seen if confidence is not None else None  # (a recording model: see fit_confidence)
        recorded = len(seen) if seen is not None else 0
        extraction = Extractor(gazetteer, confidence=confidence).extract(article)
        document = _score(data, doc_id, extraction, result)
        if seen is not None:
            document.samples = [(found, label in document.right_entities) for label, found in seen[recorded:]]
        document.gazetteer_names = len(gazetteer)
        result.documents.append(document)
    return result


def fit_confidence(gold_dirs: list[Path], threshold: float = THRESHOLD, strength: float = 1.0) -> Confidence:
    """A model of which entities no fact uses are right (:mod:`kg.extract.confidence`), fitted on every
    document of the annotated ``gold_dirs``: each is extracted keeping every entity, as :func:`evaluate`
    does, and an entity is right where the evaluation counts it correct."""
    samples, documents = [], 0
    for gold_dir in gold_dirs:
        recorder = Confidence({}, threshold=0.0, seen=[])
        evaluation = evaluate(gold_dir, confidence=recorder)
        documents += len(evaluation.documents)
        samples += [s for document in evaluation.documents for s in document.samples]
    model = fit(samples, threshold, strength)
    model.about = {"folders": len(gold_dirs), "documents": documents, **model.about}
    return model


@cache
def _reference_names() -> Gazetteer:
    return Gazetteer.from_reference()


def _score(data: CuratedData, doc_id: str, extraction: Extraction, result: Evaluation) -> DocumentResult:
    document = DocumentResult(doc_id, 0)
    mentioned = entity_mentions(data, aliases=False)
    gold = {label: data.entities[label] for label, docs in mentioned.items() if doc_id in docs}
    known = {key(label) for label in gold}
    for author in data.articles[doc_id].authors:
        # the sidecar names its authors: gold persons though the registry omits them (張三 of a traditional
        # sidecar is the registry's 张三: one person, not a second gold name its relations would be scored by)
        if key(author) not in known:
            gold[author] = CuratedEntity(author, "Person", entity_iri(author))
    names: dict[str, str] = {}
    for label, entity in gold.items():
        for name in (label, *entity.aliases):
            names.setdefault(key(name), label)
    matched: dict[str, str] = {}  # predicted label → gold label
    labels = {key(label): label for label in gold}
    # exact labels first, then aliases: “五有”课堂 must not take the place of “五有课堂”教学改革
    ordered = sorted(extraction.entities, key=lambda e: (key(e.label) not in labels, -len(e.mentions)))
    for entity in ordered:
        result.entity_classes.setdefault(entity.cls, Score()).predicted += 1
        hit = labels.get(key(entity.label)) or next(
            (names[key(n)] for n in (entity.label, *sorted(entity.aliases)) if key(n) in names), None
        )
        if hit is None or hit in matched.values():
            document.spurious_entities.append(f"{entity.label} ({entity.cls})")
            continue
        matched[entity.label] = hit
        gold_cls = gold[hit].cls
        if compatible(entity.cls, gold_cls):
            document.entities.correct += 1
            document.right_entities.add(entity.label)
        else:
            document.spurious_entities.append(f"{entity.label} ({entity.cls}, gold {gold_cls})")
        if entity.cls == gold_cls:
            document.entities_exact.correct += 1
            result.entity_classes.setdefault(gold_cls, Score()).correct += 1
        result.entities_untyped.correct += 1
    organisation = {label for label, entity in gold.items() if is_a(entity.cls, "Organization")}
    predicted_organisations = [e for e in extraction.entities if is_a(e.cls, "Organization")]
    result.organisations += Score(
        sum(
            1
            for e in predicted_organisations
            if matched.get(e.label) in organisation and compatible(e.cls, gold[matched[e.label]].cls)
        ),
        len(predicted_organisations),
        len(organisation),
    )
    for label, entity in gold.items():
        result.entity_classes.setdefault(entity.cls, Score()).gold += 1
        if label not in matched.values():
            document.missed_entities.append(f"{label} ({entity.cls})")
    document.entities.predicted = document.entities_exact.predicted = len(extraction.entities)
    document.entities.gold = document.entities_exact.gold = len(gold)
    result.entities_untyped.predicted += len(extraction.entities)
    result.entities_untyped.gold += len(gold)

    def relation_key(subject: str, predicate: str, obj: str) -> tuple[str, str, str]:
        if predicate in SYMMETRIC:
            subject, obj = sorted((subject, obj))
        return (subject, predicate, obj)

    gold_relations = {
        relation_key(str(r["subject"]), str(r["predicate"]), str(r["object"]))
        for r in data.statements.get(doc_id, {}).get("relations") or []
    }
    predicted_relations = {
        relation_key(
            matched.get(r.subject.label, "?" + r.subject.label),
            r.predicate,
            matched.get(r.object.label, "?" + r.object.label),
        )
        for r in extraction.relations
    }
    exact = gold_relations & predicted_relations
    # 产教融合 (integratesWith) where the gold says 合作 (cooperatesWith): the ontology's sub-property entails
    # the gold's fact, as an entity of a subclass counts for its class; each gold fact is matched once
    entailing: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    for s, p, o in sorted(predicted_relations - exact):
        above = (relation_key(s, local_name(q), o) for q in super_properties(KG[p]))
        hit = next((g for g in above if g in gold_relations and g not in exact and g not in entailing.values()), None)
        if hit is not None:
            entailing[(s, p, o)] = hit
    correct = exact | set(entailing.values())
    gold_between = {k for k in gold_relations if k[0] in organisation and k[2] in organisation}
    predicted_between = {
        relation_key(
            matched.get(r.subject.label, "?" + r.subject.label),
            r.predicate,
            matched.get(r.object.label, "?" + r.object.label),
        )
        for r in extraction.relations
        if is_a(r.subject.cls, "Organization") and is_a(r.object.cls, "Organization")
    }
    found_between = (gold_between & predicted_between) | {entailing[k] for k in predicted_between if k in entailing}
    result.organisation_relations += Score(len(found_between & gold_between), len(predicted_between), len(gold_between))
    document.relations = Score(len(correct), len(predicted_relations), len(gold_relations))
    result.relations_exact += Score(len(exact), len(predicted_relations), len(gold_relations))
    for kind in {k[1] for k in gold_relations | predicted_relations}:
        score = result.relation_kinds.setdefault(kind, Score())
        score += Score(
            sum(1 for k in exact if k[1] == kind),
            sum(1 for k in predicted_relations if k[1] == kind),
            sum(1 for k in gold_relations if k[1] == kind),
        )
    document.missed_relations = sorted(" ".join(k) for k in gold_relations - correct)
    document.spurious_relations = sorted(" ".join(k) for k in predicted_relations - gold_relations - entailing.keys())

    gold_indicators = Counter(
        (str(i["subject"]), _number(i["value"]), str(i["unit"]))
        for i in data.statements.get(doc_id, {}).get("indicators") or []
    )
    predicted_indicators = Counter(
        (matched.get(i.subject.label, i.subject.label), _number(i.value), i.unit) for i in extraction.indicators
    )
    gold_measures: dict[tuple, list[str]] = {}
    for i in data.statements.get(doc_id, {}).get("indicators") or []:
        ikey = (str(i["subject"]), _number(i["value"]), str(i["unit"]))
        gold_measures.setdefault(ikey, []).append(str(i.get("measure") or "?"))
    for ikey, count in gold_indicators.items():
        hits = min(count, predicted_indicators.get(ikey, 0))
        for number, measure in enumerate(gold_measures[ikey]):
            score = result.indicator_measures.setdefault(measure, Score())
            score += Score(int(number < hits), int(number < hits), 1)
    for i in extraction.indicators:
        ikey = (matched.get(i.subject.label, i.subject.label), _number(i.value), i.unit)
        if ikey not in gold_indicators:
            result.indicator_measures.setdefault(i.measure or "?", Score()).predicted += 1
    for ikey, count in predicted_indicators.items():
        extra = count - gold_indicators.get(ikey, 0)
        if extra > 0 and ikey in gold_indicators:  # the same indicator twice: the second is spurious
            result.indicator_measures[gold_measures[ikey][0]].predicted += extra
    gold_numbers = Counter((k[1], k[2]) for k in gold_indicators.elements())
    predicted_numbers = Counter((k[1], k[2]) for k in predicted_indicators.elements())
    result.indicators_unowned += Score(
        sum((gold_numbers & predicted_numbers).values()), sum(predicted_numbers.values()), sum(gold_numbers.values())
    )
    document.missed_indicators = sorted(" ".join(k) for k in (gold_indicators - predicted_indicators).elements())
    document.spurious_indicators = sorted(" ".join(k) for k in (predicted_indicators - gold_indicators).elements())
    document.indicators = Score(
        sum((gold_indicators & predicted_indicators).values()),
        sum(predicted_indicators.values()),
        sum(gold_indicators.values()),
    )
    result.entities += document.entities
    result.entities_exact += document.entities_exact
    result.relations += document.relations
    result.indicators += document.indicators
    return document


def _number(value: object) -> str:
    text = str(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_evaluation(evaluation: Evaluation, details: bool = False) -> str:
    """The scores as aligned text tables."""

    def row(name: str, score: Score) -> str:
        name = truncate(name, 37)
        name += " " * (38 - display_width(name))  # Chinese measures are two columns wide
        return (
            f"{name}{score.precision:>7.3f}{score.recall:>7.3f}{score.f1:>7.3f}"
            f"{score.correct:>7}{score.predicted:>7}{score.gold:>7}"
        )

    ok, pred, gold = message("eval_columns").split()
    header = " " * 38 + "".join(" " * (7 - display_width(word)) + word for word in ("P", "R", "F1", ok, pred, gold))
    lines = [message("eval_documents")]
    for document in evaluation.documents:
        scores = (document.entities.f1, document.relations.f1, document.indicators.f1)
        entities, relations, indicators = (f"{f1:.3f}" for f1 in scores)
        line = message(
            "eval_document",
            doc=document.doc_id,
            entities=entities,
            relations=relations,
            indicators=indicators,
            names=document.gazetteer_names,
        )
        lines.append("  " + line)
    lines += ["", header]
    lines.append(row(message("eval_entities"), evaluation.entities))
    lines.append(row(message("eval_entities_exact"), evaluation.entities_exact))
    lines.append(row(message("eval_entities_untyped"), evaluation.entities_untyped))
    lines.append(row(message("eval_relations"), evaluation.relations))
    lines.append(row(message("eval_relations_exact"), evaluation.relations_exact))
    lines.append(row(message("eval_indicators"), evaluation.indicators))
    lines.append(row(message("eval_indicators_unowned"), evaluation.indicators_unowned))
    lines.append(row(message("eval_organisations"), evaluation.organisations))
    lines.append(row(message("eval_organisation_relations"), evaluation.organisation_relations))
    lines += ["", message("eval_per_class"), header]
    for name, score in sorted(evaluation.entity_classes.items(), key=lambda kv: (-kv[1].gold, kv[0])):
        lines.append(row("  " + name, score))
    lines += ["", message("eval_per_kind"), header]
    for name, score in sorted(evaluation.relation_kinds.items(), key=lambda kv: (-kv[1].gold, kv[0])):
        lines.append(row("  " + name, score))
    if evaluation.indicator_measures:
        lines += ["", message("eval_per_measure"), header]
        for name, score in sorted(evaluation.indicator_measures.items(), key=lambda kv: (-kv[1].gold, kv[0])):
            lines.append(row("  " + name, score))
    if details:
        for document in evaluation.documents:
            lines += ["", f"== {document.doc_id}"]
            for key, items in (
                ("eval_missed_entity", document.missed_entities),
                ("eval_spurious_entity", document.spurious_entities),
                ("eval_missed_relation", document.missed_relations),
                ("eval_spurious_relation", document.spurious_relations),
                ("eval_missed_indicator", document.missed_indicators),
                ("eval_spurious_indicator", document.spurious_indicators),
            ):
                lines += [message(key) + x for x in items]
    return "\n".join(lines)
