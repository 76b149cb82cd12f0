"""Check that the shipped text is in the project's own words.

Prints every run of 8 words that `psoas_desktop/data/routines.json` or the package's Python
files share with the source articles, and every "seed 00N" reference; exits 1 if there are any.

    python tools/own_words.py [SEEDS_DIR]     # default: ../shared/seeds beside the checkout
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

RUN = 8
TOP = Path(__file__).resolve().parent.parent
SOURCE_JARGON = re.compile(r"\bseeds? ?0\d\d\b", re.IGNORECASE)


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def runs(text: str) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i:i + RUN]) for i in range(len(w) - RUN + 1)}


def strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


def shipped_texts(top: Path = TOP) -> list[tuple[str, str]]:
    """(where, text) for every string of routines.json and every Python file of the package."""
    data = top / "psoas_desktop" / "data" / "routines.json"
    found = [(f"{data.name}", s) for s in strings(json.loads(data.read_text(encoding="utf-8")))]
    found += [(str(p.relative_to(top)), p.read_text(encoding="utf-8"))
              for p in sorted((top / "psoas_desktop").rglob("*.py"))]
    return found


def shared_runs(seeds: Path, top: Path = TOP) -> list[str]:
    seed_runs: set[tuple[str, ...]] = set()
    for path in sorted(seeds.glob("*.txt")):
        seed_runs |= runs(path.read_text(encoding="utf-8", errors="replace"))
    problems = []
    for where, text in shipped_texts(top):
        for run in sorted(runs(text) & seed_runs):
            problems.append(f"{where}: shares '{' '.join(run)}'")
    return problems


def jargon(top: Path = TOP) -> list[str]:
    data = top / "psoas_desktop" / "data" / "routines.json"
    texts = strings(json.loads(data.read_text(encoding="utf-8")))
    return [f"{data.name}: '{m.group(0)}' in: {t}" for t in texts
            for m in SOURCE_JARGON.finditer(t)]


def main(argv: list[str]) -> int:
    seeds = Path(argv[1]) if len(argv) > 1 else TOP.parent.parent / "shared" / "seeds"
    problems = jargon()
    if seeds.is_dir():
        problems += shared_runs(seeds)
    else:
        print(f"no articles at {seeds}: only the seed references were checked")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
