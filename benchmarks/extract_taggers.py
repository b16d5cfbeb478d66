"""Rules alone against rules + a statistical tagger as a candidate source, on the same gold folder.

    python benchmarks/extract_taggers.py GOLD_DIR [--taggers jieba,thulac,jiagu]

Each tagger proposes spans (jieba.posseg nt/ns/nr, thulac ni/ns/np, jiagu NER ORG/LOC/PER) as
candidate mentions below every rule's tier; the ontology's type words still choose the class (a span
without one is an Organization, a Place or a Person by its tag).  Prints entity and relation F1 per
combination and the tagger's throughput against ``jieba.lcut`` on the same text.  Every tagger used
here ships its model inside its PyPI wheel (nothing is downloaded).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import jieba

from kg.extract.evaluate import evaluate
from kg.extract.ner import Mention, Recognizer


def spans(words: list[tuple[str, str]], tags: dict[str, str]) -> list[tuple[int, int, str]]:
    out, offset = [], 0
    for word, tag in words:
        if tag in tags and len(word) >= 2:
            out.append((offset, offset + len(word), tags[tag]))
        offset += len(word)
    return out


def candidates(recognizer: Recognizer, text: str, found: list[tuple[int, int, str]]) -> list[Mention]:
    mentions = []
    for start, end, kind in found:
        name = text[start:end]
        type_word = recognizer.type_word(name)
        cls = recognizer.suffix_class[type_word][0] if type_word and kind == "Organization" else kind
        mentions.append(Mention(start, end, name, cls, "tagger", 0))
    return mentions


def jieba_tagger() -> Callable[[str], list[tuple[int, int, str]]]:
    import jieba.posseg

    tags = {"nt": "Organization", "ns": "Place", "nr": "Person"}
    return lambda text: spans([(w.word, w.flag) for w in jieba.posseg.cut(text)], tags)


def thulac_tagger() -> Callable[[str], list[tuple[int, int, str]]]:
    import thulac

    model = thulac.thulac()
    tags = {"ni": "Organization", "ns": "Place", "np": "Person"}
    return lambda text: spans([tuple(pair) for pair in model.cut(text)], tags)


def jiagu_tagger() -> Callable[[str], list[tuple[int, int, str]]]:
    import jiagu

    kinds = {"ORG": "Organization", "LOC": "Place", "PER": "Person"}

    def tag(text: str) -> list[tuple[int, int, str]]:
        found = []
        for begin in range(0, len(text), 400):  # jiagu's NER reads characters; long inputs in pieces
            chunk = text[begin : begin + 400]
            labels = jiagu.ner(list(chunk))
            start = None
            for index, label in enumerate([*labels, "O"]):
                if start is not None and not label.startswith("I-"):
                    kind = labels[start][2:]
                    if kind in kinds:
                        found.append((begin + start, begin + index, kinds[kind]))
                    start = None
                if label.startswith("B-"):
                    start = index
        return found

    return tag


TAGGERS = {"jieba": jieba_tagger, "thulac": thulac_tagger, "jiagu": jiagu_tagger}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--taggers", default="jieba,thulac,jiagu")
    args = parser.parse_args()
    sample = "\n".join(p.read_text(encoding="utf-8") for p in sorted((args.gold / "documents").glob("*.txt")))
    jieba.initialize()
    start = time.process_time()
    jieba.lcut(sample)
    jieba_time = time.process_time() - start
    print(f"{'combination':<22}{'entities F1':>12}{'organisations F1':>18}{'relations F1':>14}{'tagger/jieba':>14}")
    rows = [("rules alone", None)] + [(f"rules + {name}", name) for name in args.taggers.split(",")]
    for label, name in rows:
        speed = ""
        if name is None:
            Recognizer.tagger = None
        else:
            tag = TAGGERS[name]()
            tag("重庆工程职业技术学院与华为技术有限公司签约。")  # warm up: models load outside the clock
            start = time.process_time()
            tag(sample)
            speed = f"{jieba_time / (time.process_time() - start):.2f}x"
            Recognizer.tagger = staticmethod(lambda text, tag=tag: candidates(_RECOGNIZER, text, tag(text)))
        result = evaluate(args.gold)
        print(
            f"{label:<22}{result.entities.f1:>12.3f}{result.organisations.f1:>18.3f}"
            f"{result.relations.f1:>14.3f}{speed:>14}"
        )
    Recognizer.tagger = None


_RECOGNIZER = Recognizer()

if __name__ == "__main__":
    main()
