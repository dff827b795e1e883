"""How many times each data file is read and validated during ``make notebooks``: prints a table.

    .venv/bin/python benchmarks/reads.py            # every step of make notebooks, on a copy
    .venv/bin/python benchmarks/reads.py --json     # the same counts as JSON

The project (without ``.venv``, ``.git`` and ``_build``) is copied to a temporary folder and every
step of ``make notebooks`` runs there, each in its own process (the notebooks each in their own
kernel, as ``make notebooks`` runs them). A ``sitecustomize`` module put on ``PYTHONPATH`` counts,
in every one of those processes:

- a *read*: a file under ``data/`` opened for reading (any way: ``open``, ``Path.read_text``,
  ``Path.read_bytes``, pandas);
- a *validation*: :func:`perucorpus.base.tables.validate` run on a frame (each pandera check of a
  file's rows), named by the file.

The checkout is left untouched. The figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
#: The steps of ``make notebooks`` (see the Makefile), each a ``perucorpus`` command; the notebooks
#: one by one (``perucorpus run`` runs them in this order, each in a fresh kernel), named by number.
STEPS = [
    ("navigation", ["navigation", "notebooks"]),
    *[
        (
            path.stem[:2],
            [
                "-c",
                f"from pathlib import Path; from perucorpus.publish.runner import execute; execute(Path('notebooks/{path.name}'))",
            ],
        )
        for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    ],
    ("datapackage", ["datapackage"]),
    ("site", ["site", "notebooks", "_build/html"]),
    ("classroom", ["classroom", ".", "_build/classroom"]),
    ("classroom ar", ["classroom", ".", "_build/ar", "--language", "ar"]),
]
#: Loaded in every Python process of a step (the notebooks' kernels too): logs one line per event.
HOOK = """
import builtins, io, os, pathlib
_LOG, _DATA = os.environ["READS_LOG"], os.environ["READS_DATA"]
_open = io.open
def _note(kind, name):
    with _open(_LOG, "a", encoding="utf-8") as log:
        log.write(f"{os.environ.get('READS_STEP', '?')}\\t{kind}\\t{name}\\n")
def _counted_open(file, mode="r", *args, **kwargs):
    if isinstance(file, (str, os.PathLike)) and "r" in mode and "+" not in mode:
        path = os.path.abspath(os.fspath(file))
        if path.startswith(_DATA + os.sep):
            _note("read", os.path.relpath(path, os.path.dirname(_DATA)))
    return _open(file, mode, *args, **kwargs)
builtins.open = io.open = _counted_open
try:
    from perucorpus.base import tables as _tables
except ImportError:
    pass
else:
    _validate = _tables.validate
    def _counted_validate(frame, schema, path, places):
        absolute = os.path.abspath(os.fspath(path))
        name = os.path.relpath(absolute, os.path.dirname(_DATA)) if absolute.startswith(_DATA + os.sep) else os.fspath(path)
        _note("validate", name)
        return _validate(frame, schema, path, places)
    _tables.validate = _counted_validate
"""


def copy_project(target: Path) -> None:
    """The checkout without its venv, git metadata and build folder."""
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(".venv*", ".git", "_build", "__pycache__", ".pytest_cache"))


def measure() -> dict[str, dict[str, collections.Counter]]:
    """Step → kind ("read", "validate") → file under the project → count."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "project"
        copy_project(root)
        hook = Path(folder) / "hook"
        hook.mkdir()
        (hook / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
        log = Path(folder) / "events.tsv"
        log.touch()
        environment = dict(
            os.environ,
            READS_LOG=str(log),
            READS_DATA=str((root / "data").resolve()),
            PYTHONPATH=os.pathsep.join([str(hook), str(root / "src")]),
        )
        for step, command in STEPS:
            environment["READS_STEP"] = step
            subprocess.run(
                [str(PYTHON), *(command if command[0] == "-c" else ["-m", "perucorpus", *command])],
                cwd=root,
                env=environment,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        counts: dict[str, dict[str, collections.Counter]] = {}
        for line in log.read_text(encoding="utf-8").splitlines():
            step, kind, name = line.split("\t")
            counts.setdefault(step, {"read": collections.Counter(), "validate": collections.Counter()})[kind][name] += 1
        return counts


def table(counts: dict[str, dict[str, collections.Counter]]) -> str:
    """A Markdown table: one row per file, reads/validations per step and in all."""
    steps = [step for step, _ in STEPS if step in counts]
    files = sorted({name for step in counts.values() for kind in step.values() for name in kind})
    lines = [
        "| file | " + " | ".join(steps) + " | all steps |",
        "| --- |" + " --- |" * (len(steps) + 1),
    ]
    totals = collections.Counter()
    for name in files:
        cells = []
        read = validated = 0
        for step in steps:
            r, v = counts[step]["read"][name], counts[step]["validate"][name]
            cells.append(f"{r} / {v}")
            read, validated = read + r, validated + v
            totals[step, "read"] += r
            totals[step, "validate"] += v
        lines.append(f"| `{name}` | " + " | ".join(cells) + f" | **{read} / {validated}** |")
    all_read = sum(totals[step, "read"] for step in steps)
    all_valid = sum(totals[step, "validate"] for step in steps)
    lines.append(
        "| all files | "
        + " | ".join(f"{totals[step, 'read']} / {totals[step, 'validate']}" for step in steps)
        + f" | **{all_read} / {all_valid}** |"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure and print (reads / validations per file and step)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = parser.parse_args(argv)
    counts = measure()
    if args.json:
        print(json.dumps({step: {kind: dict(c) for kind, c in kinds.items()} for step, kinds in counts.items()}, indent=1))
    else:
        print("reads / validations of each data file, per step of make notebooks\n")
        print(table(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
