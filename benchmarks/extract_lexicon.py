"""What reading the recogniser's lexicon (kg/extract/lexicon/*.txt, *.tsv) costs when `kg.extract.ner` is imported.

Baseline: the wall time of a fresh process that runs `import kg.extract.ner` (median of --repeat), which
includes reading the lexicon once.  Measured: reading and parsing every lexicon file with the caches
cleared (best of --repeat, in one process: the cost the import pays).  Prints both and their ratio; the
word lists moved from code to data, so the ratio is what that move can add to the import.

    python benchmarks/extract_lexicon.py --repeat 15
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

from kg.extract import lexicon


def read_all() -> int:
    """Read every lexicon file as the recogniser does (lists and tables), caches cleared first."""
    for function in (lexicon.rows, lexicon.words, lexicon.characters, lexicon.table):
        function.cache_clear()
    names = sorted(p.stem for p in lexicon.HERE.iterdir() if p.suffix in (".txt", ".tsv"))
    for name in names:
        lexicon.words(name)
    return len(names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=11)
    args = parser.parse_args()
    imports = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import kg.extract.ner"], check=True)
        imports.append(time.perf_counter() - start)
    reads = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        files = read_all()
        reads.append(time.perf_counter() - start)
    baseline, cost = statistics.median(imports), min(reads)
    print(f"baseline: python -c 'import kg.extract.ner'   {baseline * 1000:8.1f} ms (median of {args.repeat})")
    print(f"reading the lexicon ({files} files)           {cost * 1000:8.2f} ms (best of {args.repeat})")
    print(f"ratio lexicon / import                        {cost / baseline:8.4f}")


if __name__ == "__main__":
    main()
