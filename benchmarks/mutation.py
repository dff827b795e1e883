"""Mutation testing of the fact and date modules: a report, never run by ``make test`` or CI.

    .venv/bin/pip install -r benchmarks/requirements-mutation.txt   # mutmut, once
    .venv/bin/python benchmarks/mutation.py                         # about 15 minutes on 2 cores
    .venv/bin/python benchmarks/mutation.py --report                # the table again, from the last run

mutmut changes one thing at a time in each module of :data:`MODULES` (``<`` for ``<=``, ``and``
for ``or``, a constant, a dropped argument, …) and runs the tests that mirror the modules
(:data:`TESTS`) against each change. A change the tests notice is *killed*; one they do not
notice *survived*: either a test is missing, or the change does not alter behaviour (an
equivalent mutant, e.g. in an error message's wording).

It works on a copy of ``src/``, ``tests/``, ``data/`` and ``pyproject.toml`` in
``_build/mutation/`` (git-ignored), so the checkout is left untouched; ``mutmut results`` and
``mutmut show NAME`` in that folder list and show the survivors. The table it prints, killed and
survived per module, is the one in ``docs/mutation.md``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "_build" / "mutation"
#: The modules mutated: dates and the fact modules whose verdicts the notebooks print.
MODULES = (
    "src/perucorpus/base/dates.py",
    "src/perucorpus/facts/memberships.py",
    "src/perucorpus/facts/sourcing.py",
    "src/perucorpus/facts/checks.py",
    "src/perucorpus/facts/heads_of_state.py",
)
#: The tests run against each mutant: those that mirror the modules.
TESTS = tuple(f"tests/test_{Path(module).stem}.py" for module in MODULES)
COPIED = ("src", "tests", "data", "pyproject.toml")


def setup_cfg() -> str:
    """The configuration for the copy: the ``setup.cfg`` mutmut reads in the folder it runs in."""
    # mutmut copies the sources and tests into mutants/ and runs there; the tests also read data/.
    lines = ["[mutmut]", "source_paths = src", "also_copy =", "    data", "only_mutate ="]
    lines += [f"    {module}" for module in MODULES]
    lines += ["pytest_add_cli_args_test_selection ="] + [f"    {test}" for test in TESTS]
    # The project's addopts run nbval over the notebooks; here only the selected test files run.
    lines += ["pytest_add_cli_args =", "    -o", "    addopts=-p no:cacheprovider", "    -q"]
    return "\n".join(lines) + "\n"


def prepare() -> None:
    """A fresh copy of the project in :data:`WORK`, with mutmut's configuration."""
    if WORK.exists():
        shutil.rmtree(WORK)
    WORK.mkdir(parents=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, WORK / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(source, WORK / name)
    (WORK / "setup.cfg").write_text(setup_cfg(), encoding="utf-8")


def run(children: int) -> int:
    """Run mutmut in :data:`WORK`; its exit code."""
    command = [sys.executable, "-m", "mutmut", "run", "--max-children", str(children)]
    return subprocess.run(command, cwd=WORK, env=os.environ | {"PYTHONDONTWRITEBYTECODE": "1"}).returncode


MUTANT = re.compile(r"^\s*(?P<name>[\w.]+?)\.(?:x_|xǁ)[^:]*__mutmut_\d+: (?P<status>.+)$")


def results() -> dict[str, Counter[str]]:
    """Status counts per module (``killed``, ``survived``, ``no tests``, ``timeout``, …) of the last run."""
    listed = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"], cwd=WORK, capture_output=True, text=True, check=True
    ).stdout
    return counts_of(listed)


def counts_of(listing: str) -> dict[str, Counter[str]]:
    """Status counts per module from the lines ``module.function__mutmut_N: status`` of ``mutmut results``."""
    counts: dict[str, Counter[str]] = {}
    for line in listing.splitlines():
        match = MUTANT.match(line)
        if match:
            counts.setdefault(match["name"], Counter())[match["status"].strip()] += 1
    return counts


def report(counts: dict[str, Counter[str]]) -> str:
    """A Markdown table: mutants, killed, survived and other outcomes per module, and the total."""
    statuses = sorted({status for module in counts.values() for status in module} - {"killed", "survived"})
    header = ["module", "mutants", "killed", "survived", *statuses, "killed %"]
    rows = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    total: Counter[str] = Counter()
    for module in sorted(counts):
        total.update(counts[module])
        rows.append(_row(module, counts[module], statuses))
    rows.append(_row("**all**", total, statuses))
    return "\n".join(rows)


def _row(label: str, counts: Counter[str], statuses: list[str]) -> str:
    mutants = sum(counts.values())
    share = f"{100 * counts['killed'] / mutants:.0f}" if mutants else "–"
    cells = [f"`{label}`" if "." in label else label, mutants, counts["killed"], counts["survived"]]
    return "| " + " | ".join(str(cell) for cell in [*cells, *(counts[s] for s in statuses), share]) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="only print the table of the last run")
    parser.add_argument("--children", type=int, default=os.cpu_count() or 2, help="parallel mutants (default: all cores)")
    options = parser.parse_args()
    if not options.report:
        prepare()
        run(options.children)
    print(report(results()))


if __name__ == "__main__":
    main()
