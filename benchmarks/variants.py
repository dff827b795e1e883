"""Recall and precision of the name matcher on the gold texts in several house styles: prints figures, asserts nothing.

    .venv/bin/python benchmarks/variants.py               # tests/gold against data/
    .venv/bin/python benchmarks/variants.py --gold DIR    # another gold folder (articles/*.txt, expected.csv)

The gold (``tests/gold/``) is four short texts written for the purpose, each in one house
style (Levantine, Egyptian, Gulf, Maghrebi spellings), with the countries, organisations and
people a reader counts in them; see ``tests/gold/README.md``. Scores are on counts
(:mod:`perucorpus.text.gold`): per kind, the mentions expected, found and right, recall and
precision, then per text; then every name the matcher missed or over-counted.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from perucorpus.text import gold

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold", help="gold folder (default: tests/gold)")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="data folder whose gazetteer is used")
    options = parser.parse_args()
    texts, expected = gold.read_gold(options.gold)
    comparison = gold.compared(expected, gold.found_counts(texts, options.data))
    print(f"{len(texts)} gold texts, {int(expected['mentions'].sum())} mentions counted by hand")
    for by in ("kind", "article"):
        print(f"\n{by:<14}{'expected':>9}{'found':>7}{'right':>7}{'recall':>8}{'precision':>11}")
        for row in gold.scores(comparison, by).itertuples():
            label = getattr(row, by)
            print(f"{label:<14}{row.expected:>9}{row.found:>7}{row.right:>7}{row.recall:>8.3f}{row.precision:>11.3f}")
    wrong = gold.errors(comparison)
    print(f"\n{len(wrong)} names counted wrong" + (":" if len(wrong) else ""))
    for row in wrong.itertuples():
        print(f"  {row.article:<10} {row.kind:<13} {row.name:<58} expected {row.expected}, found {row.found}")


if __name__ == "__main__":
    main()
