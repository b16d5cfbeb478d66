"""How likely an entity no fact uses is one a reader would name: a logistic model over what the rules know of it.

The rules propose a name wherever a type word, a quote or a list says one may stand; on text nobody here
wrote about half of the names that end up in no fact are fragments or common phrases (某某与地方政府,
来学校).  :class:`Confidence` scores each such entity from what the extraction already holds — its class,
the rules that named it, how often and where the text names it, its type word, its shape — and the
extractor describes it only at or above the model's threshold.  An entity a relation or an indicator uses
is always kept: the fact vouches for it.

The features are the rules' own vocabulary (rule names, classes, the lexicon's type words) and counts,
never words of the texts the model was fitted on.  The bundled model (``confidence.json`` beside this
module) was fitted by :func:`fit` on hand-annotated public articles kept outside the repository
(``kg extract --fit-confidence``; the README says on which and with what result).

>>> model = Confidence({"cls=School": 2.0, "nnamed": 1.0}, intercept=-1.0, threshold=0.5)
>>> round(model.probability({"cls=School": 1, "nnamed": 0.69}), 3)
0.844
>>> model.probability({"cls=Person": 1}) < model.threshold
True
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg.errors import KgError
from kg.extract.ner import SUFFIXES, Endings
from kg.extract.resolve import Entity
from kg.i18n import text as message
from kg.model.terms import descendants

MODEL_FILE = Path(__file__).with_name("confidence.json")
# the probability a fitted model asks for unless told otherwise: where leaving one annotated set out, fitting on the
# others and measuring on it, in turn, gave the best pooled entity F1 (the README's round 30, 0.35); 0.34 since round
# 32, where the model fitted at 0.35 lost a name of the seeds (大足区委) and at 0.34 keeps it
THRESHOLD = 0.34

# The marks inside a name that tell its shape: a conjunction or a list swallowed (某某与某某学院), a quote, brackets.
SHAPE_MARKS = "与和及、“”（）《》·"
# Characters that open or close a clause rather than a name (的 before a name, 在 opening one).
FUNCTION_CHARACTERS = frozenset("的在与和及为是对向把被从由将于以并或")
# What stands beside a name set off by punctuation (a name of its own, not a run of words).
BOUNDARY = frozenset("，。、；：“”（）\n ")

# The kinds the model leaves alone: the annotated sets it is fitted on follow a guide that leaves slogans and
# themes in quotes out (“教育—产业—城市”共生系统) and name few meetings no fact uses, where the project's own
# registry holds them as programs and events; on those kinds the sets do not teach what the project wants.
UNJUDGED = ("Program", "Event")


@cache
def unjudged() -> frozenset[str]:
    """The classes of :data:`UNJUDGED` and every class below them."""
    return frozenset(c for family in UNJUDGED for c in descendants(family))


_STRENGTH = {word: strength for word, _cls, strength in SUFFIXES}
_TYPE_WORDS = Endings(_STRENGTH)


def type_word(label: str) -> str:
    """The lexicon's longest type word ``label`` ends with, or ``""``.

    >>> type_word("青川职业技术学院")
    '职业技术学院'
    """
    return _TYPE_WORDS.search(label)


def features(entity: Entity, text: str, title: str) -> dict[str, float]:
    """What the model reads of ``entity`` (one the document's facts do not use) in the normalised ``text``.

    >>> from kg.extract.pipeline import Extractor
    >>> from kg.sources.documents import Article
    >>> found = Extractor().extract(Article(id="d", title="", text="青川职业技术学院举行开学典礼。"))
    >>> school = next(e for e in found.entities if e.label == "青川职业技术学院")
    >>> sorted(k for k in features(school, found.article.text, "") if k.startswith(("cls=", "sfx=")))
    ['cls=VocationalCollege', 'sfx=职业技术学院']
    """
    label = entity.label
    mentions = entity.mentions
    named = [m for m in mentions if not m.ref]
    found: dict[str, float] = {
        f"cls={entity.cls}": 1,
        "nment": math.log1p(len(mentions)),
        "nnamed": math.log1p(len(named)),
        "nref": math.log1p(len(mentions) - len(named)),
        "known": int(entity.known),
        "tier": entity.tier,
        "len": len(label),
        "len<=3": int(len(label) <= 3),
        "len>=12": int(len(label) >= 12),
        "naliases": len(entity.aliases),
        "ndistinct": len({m.name for m in mentions}),
        "nested": int(any(m.nested for m in mentions)),
        "category": int(any(m.category for m in mentions)),
        "mknown": int(any(m.known is not None for m in mentions)),
    }
    for mention in mentions:
        found[f"rule={mention.rule}"] = 1
    for mark in SHAPE_MARKS:
        if mark in label:
            found[f"has{mark}"] = 1
    if label[:1] in FUNCTION_CHARACTERS:
        found["first_func"] = 1
    if label[-1:] in FUNCTION_CHARACTERS:
        found["last_func"] = 1
    if title and label in title:
        found["intitle"] = 1
    word = type_word(label)
    if word:
        found[f"sfx={word}"] = 1
        found[f"sfxstr={_STRENGTH[word]}"] = 1
        found["modlen"] = len(label) - len(word)
    else:
        found["nosfx"] = 1
    if any(c.isdigit() for c in label):
        found["digit"] = 1
    if any("a" <= c.lower() <= "z" for c in label):
        found["latin"] = 1
    first = min(named, key=lambda m: m.start, default=None)
    found["firstpos"] = first.start / max(1, len(text)) if first is not None else 1
    if first is not None:
        found["prevpunct"] = int(first.start == 0 or text[first.start - 1] in BOUNDARY)
        found["nextpunct"] = int(first.end >= len(text) or text[first.end] in BOUNDARY)
    return found


@dataclass
class Confidence:
    """A logistic model: ``weights`` by feature name, ``intercept``, and the ``threshold`` an entity's
    probability must reach to be described.  ``seen``, when a list, collects every entity's label and
    features as :meth:`keeps` is asked (what :func:`fit` learns from)."""

    weights: Mapping[str, float]
    intercept: float = 0.0
    threshold: float = 0.5
    seen: list[tuple[str, dict[str, float]]] | None = field(default=None, repr=False)
    about: dict[str, object] = field(default_factory=dict)  # how it was fitted (kept in its file)

    def probability(self, found: Mapping[str, float]) -> float:
        """The model's probability for the features ``found``."""
        z = self.intercept + sum(value * self.weights.get(name, 0.0) for name, value in found.items())
        return 1 / (1 + math.exp(-max(-60.0, min(60.0, z))))

    def keeps(self, entity: Entity, text: str, title: str) -> bool:
        """Whether ``entity``, used by no fact, is described: always for a program or an event
        (:data:`UNJUDGED`), else where the model's probability reaches the threshold."""
        if (self.threshold <= 0 and self.seen is None) or entity.cls in unjudged():
            return True
        found = features(entity, text, title)
        if self.seen is not None:
            self.seen.append((entity.label, found))
        return self.threshold <= 0 or self.probability(found) >= self.threshold

    @classmethod
    def load(cls, path: Path = MODEL_FILE, threshold: float | None = None) -> Confidence:
        """The model kept in ``path`` (JSON: weights, intercept, threshold), at ``threshold`` if given."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            weights = {str(name): float(weight) for name, weight in data["weights"].items()}
            chosen = float(data["threshold"] if threshold is None else threshold)
            return cls(weights, float(data["intercept"]), chosen, about=dict(data.get("about", {})))
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as error:
            raise KgError(message("bad_confidence_model", path=path, error=error)) from error

    def dumps(self) -> str:
        """The model as JSON, as :meth:`load` reads it."""
        data = {
            "about": self.about,
            "intercept": self.intercept,
            "threshold": self.threshold,
            "weights": dict(sorted(self.weights.items())),
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


@cache
def bundled() -> Confidence:
    """The model that ships with kg."""
    return Confidence.load()


def everything() -> Confidence:
    """A model that keeps every entity (``--min-confidence 0``)."""
    return Confidence({}, threshold=0.0)


def fit(samples: Iterable[tuple[dict[str, float], bool]], threshold: float, strength: float = 1.0) -> Confidence:
    """A model fitted by logistic regression (scikit-learn, the ``train`` extra) on ``samples``: each an
    entity's features and whether it is right (an annotator named it, of a compatible class).

    >>> samples = [({"cls=School": 1}, True)] * 9 + [({"cls=School": 1}, False)] + [({"len<=3": 1}, False)] * 9
    >>> model = fit(samples, threshold=0.4)
    >>> model.probability({"cls=School": 1}) > 0.5 > model.probability({"len<=3": 1})
    True
    """
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as error:
        raise KgError(message("fit_needs_sklearn")) from error

    rows = list(samples)
    if len({right for _, right in rows}) < 2:
        raise KgError(message("fit_needs_both", samples=len(rows)))
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([found for found, _ in rows])
    model = LogisticRegression(C=strength, max_iter=5000).fit(matrix, [int(right) for _, right in rows])
    weights = {
        name: round(float(weight), 6)
        for name, weight in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(weight) >= 1e-6
    }
    about = {"samples": len(rows), "right": sum(1 for _, right in rows if right), "strength": strength}
    return Confidence(weights, round(float(model.intercept_[0]), 6), threshold, about=about)
