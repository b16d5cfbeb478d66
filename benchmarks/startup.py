"""How fast `kg --help` and `kg query --help` answer: the command line imports each command's modules lazily.

Baseline: a Python process that imports click and prints a help text (the floor
any click CLI pays).  Prints the median wall time of each over --repeat runs and
the ratio to the baseline; the target is under 0.3 s on an idle machine.

    python benchmarks/startup.py --repeat 15
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

COMMANDS = {
    "baseline: python -c 'import click; click.echo(...)'": [sys.executable, "-c", "import click; click.echo('usage')"],
    "kg --help": [sys.executable, "-m", "kg.cli", "--help"],
    "kg query --help": [sys.executable, "-m", "kg.cli", "query", "--help"],
    "kg export --help": [sys.executable, "-m", "kg.cli", "export", "--help"],
}
TARGET = 0.3


def median_seconds(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=11)
    args = parser.parse_args()
    results = {name: median_seconds(command, args.repeat) for name, command in COMMANDS.items()}
    baseline = next(iter(results.values()))
    print(f"{'command':<52} {'median s':>9} {'× baseline':>11}  target < {TARGET} s")
    for name, seconds in results.items():
        verdict = "" if name.startswith("baseline") else ("met" if seconds < TARGET else "NOT met")
        print(f"{name:<52} {seconds:9.3f} {seconds / baseline:11.2f}  {verdict}")


if __name__ == "__main__":
    main()
