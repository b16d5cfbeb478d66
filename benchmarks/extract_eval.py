"""Extraction quality: precision, recall and F1 against curated gold, per class and per relation kind.

    python benchmarks/extract_eval.py [--details] [--no-reference] [DIR ...]

Scores three gold sets with :func:`kg.extract.evaluate.evaluate` (the same as
``kg extract --eval DIR``):

* the bundled seed articles against the curated graph (data/): targets
  entity F1 >= 0.85, relation F1 >= 0.65;
* tests/fixtures/extract_gold: three press releases composed for the tests
  (渝北区, 武侯区, 西湖区), used while the rules were written;
* tests/fixtures/extract_heldout: two more, written after the rules were
  frozen and not tuned on.

Every document is extracted with a gazetteer of every curated name except
those only that document mentions (leave one document out), so a score
measures the rules, not a lookup of the answers.  The reference lists
(institutions, divisions, central bodies) are read as ``kg ingest`` reads
them; ``--no-reference`` leaves them out, as rounds before round 5 measured.
Folders given (e.g. a development set kept outside the repository) are
scored instead of the three sets above.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.extract.evaluate import evaluate, format_evaluation
from kg.model.vocab import DATA_DIR, PROJECT_ROOT

GOLD_SETS = {
    "seed articles (data/)": DATA_DIR,
    "development fixtures (tests/fixtures/extract_gold)": PROJECT_ROOT / "tests" / "fixtures" / "extract_gold",
    "held-out fixtures (tests/fixtures/extract_heldout)": PROJECT_ROOT / "tests" / "fixtures" / "extract_heldout",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list missed and spurious facts")
    parser.add_argument("--no-reference", action="store_true", help="leave the reference lists out")
    parser.add_argument("folders", nargs="*", type=Path, help="gold folders to score instead")
    args = parser.parse_args()
    sets = {str(f): f for f in args.folders} or GOLD_SETS
    for name, folder in sets.items():
        if not Path(folder, "curated").is_dir():
            continue
        print(f"=== {name}")
        print(format_evaluation(evaluate(folder, reference=not args.no_reference), details=args.details))
        print()


if __name__ == "__main__":
    main()
