"""The mutation score of core/ and of storage/writes.py, from mutmut's stored results.

    uv run python tools/mutation_score.py [--min 90] [--results FILE]

Reads `mutmut results --all true` (run here, from the checkout's top, or a saved copy) and
prints, for each part, the mutants killed out of all of them. Only mutmut's "killed" counts as
killed: a survivor, a mutant no test reaches ("no tests"), a timeout and anything else count
against the score, so the figure never flatters. Exits 1 when core/'s score is under --min, or
when some mutants were never checked (the run was cut short).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import Counter
from pathlib import Path

PARTS = {"core/": "psoas_desktop.core.", "storage/writes.py": "psoas_desktop.storage.writes."}


def read_results(text: str) -> dict[str, str]:
    """Mutant name -> mutmut's status, from lines such as `    name: survived`."""
    statuses = {}
    for line in text.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep and name.startswith("psoas_desktop."):
            statuses[name] = status
    return statuses


def tally(statuses: dict[str, str], prefix: str) -> Counter[str]:
    return Counter(status for name, status in statuses.items() if name.startswith(prefix))


def score(counts: Counter[str]) -> float:
    total = sum(counts.values())
    return 100.0 * counts["killed"] / total if total else 0.0


def report(part: str, counts: Counter[str]) -> str:
    total = sum(counts.values())
    others = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())
                       if status != "killed")
    return (f"{part:<18} {counts['killed']:>5} / {total:<5} killed  {score(counts):5.1f} %"
            f"   ({others or 'none left'})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min", type=float, default=0.0, help="core/'s lowest passing score, %%")
    parser.add_argument("--results", type=Path, help="saved `mutmut results --all true` output")
    args = parser.parse_args(argv)
    if args.results:
        text = args.results.read_text(encoding="utf-8")
    else:
        mutmut = Path(sys.executable).with_name("mutmut")  # the one installed beside us
        text = subprocess.run([str(mutmut), "results", "--all", "true"],
                              capture_output=True, text=True, check=True).stdout
    statuses = read_results(text)
    if not statuses:
        print("no mutmut results here: run tools/mutation.sh first", file=sys.stderr)
        return 2
    counts = {part: tally(statuses, prefix) for part, prefix in PARTS.items()}
    for part, part_counts in counts.items():
        print(report(part, part_counts))
    unchecked = sum(c["not checked"] for c in counts.values())
    if unchecked:
        print(f"{unchecked} mutants not checked: the run did not finish", file=sys.stderr)
        return 1
    if score(counts["core/"]) < args.min:
        print(f"core/ is under {args.min:g} %", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
