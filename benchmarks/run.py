"""Benchmarks for the collection: they print figures and never assert anything.

    .venv/bin/python benchmarks/run.py                  # all four
    .venv/bin/python benchmarks/run.py pipeline tests   # some of: notebooks tests pipeline install

1. notebooks – wall time to execute every numbered notebook (each in a fresh kernel) vs the
   floor: the same number of fresh kernels executing only each notebook's import statements; also the
   CPU seconds (user + system, this process and the kernels) of both, steadier on a shared machine,
   and the load average.
2. tests     – wall time of the README's test command (``python -m pytest``), on at most 2 cores.
3. pipeline  – clean → normalise → tokenise → country mentions over synthetic corpora of 1,000
   and 10,000 articles built from the seed articles' lines: MB/s per stage and peak memory.
4. install   – size of a fresh venv and time of ``pip install`` for requirements.txt vs the six
   packages named in the design (same pinned versions) alone. Needs the package index.

Everything runs on copies in a temporary folder; the checkout is left untouched.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DESIGN_PACKAGES = ("jupyterlab", "pandas", "matplotlib", "arabic-reshaper", "python-bidi", "nbval")
CORPUS_SIZES = (1_000, 10_000)
LINES_PER_ARTICLE = 20
SEED = 2026
REPEATS = 3


def machine() -> str:
    """One line describing the machine and the Python that runs the benchmark."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = re.findall(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), flags=re.M)
        cpu = names[0] if names else cpu
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}"
    )


def two_cores() -> list[str]:
    """A command prefix pinning a process to two cores, where ``taskset`` exists and there are more."""
    if (os.cpu_count() or 1) > 2 and shutil.which("taskset"):
        return ["taskset", "-c", "0,1"]
    return []


# 1. notebooks ------------------------------------------------------------------------------


def import_lines(notebook) -> str:
    """The import statements of every code cell of ``notebook``, in order."""
    from IPython.core.inputtransformer2 import TransformerManager

    transform = TransformerManager().transform_cell
    lines = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        for node in ast.parse(transform(cell.source)).body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                lines.append(ast.unparse(node))
    return "\n".join(lines)


def bench_notebooks() -> None:
    import nbformat

    from perucorpus.publish import runner

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for folder in ("data", "figures", "notebooks", "teaching"):
            shutil.copytree(ROOT / folder, work / folder)
        paths = runner.numbered_notebooks(work / "notebooks")
        floors = {}
        for path in paths:
            imports_only = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(import_lines(nbformat.read(path, 4)))])
            floors[path] = path.with_name(f"floor_{path.name}")
            nbformat.write(imports_only, floors[path])
        full_runs, floor_runs = {path.name: [] for path in paths}, {path.name: [] for path in paths}
        full_cpu, floor_cpu = {path.name: [] for path in paths}, {path.name: [] for path in paths}
        load_before = os.getloadavg()
        for _ in range(REPEATS):  # alternating, so that drift in the machine's speed hits both alike
            for path in paths:
                for target, runs, cpu in ((path, full_runs, full_cpu), (floors[path], floor_runs, floor_cpu)):
                    started, cpu_started = time.perf_counter(), cpu_seconds()
                    runner.execute(target)
                    runs[path.name].append(time.perf_counter() - started)
                    cpu[path.name].append(cpu_seconds() - cpu_started)
        load_after = os.getloadavg()
    print(f"{REPEATS} runs each, alternating; best (the least disturbed run) and median, in seconds")
    print(
        f"{'notebook':<34}{'run: best':>10}{'median':>8}{'imports only: best':>20}{'median':>8}{'CPU run / floor (median)':>26}"
    )
    for name in full_runs:
        print(
            f"{name:<34}{min(full_runs[name]):>10.1f}{statistics.median(full_runs[name]):>8.1f}"
            f"{min(floor_runs[name]):>20.1f}{statistics.median(floor_runs[name]):>8.1f}"
            f"{statistics.median(full_cpu[name]):>18.1f} / {statistics.median(floor_cpu[name]):.1f}"
        )
    for label, pick in (("best", min), ("median", statistics.median)):
        total = sum(pick(runs) for runs in full_runs.values())
        base = sum(pick(runs) for runs in floor_runs.values())
        print(f"run-all / floor ({label}): {total:.1f} s / {base:.1f} s = {total / base:.2f}× (target ≤ 1.5×)")
    for label, pick in (("best", min), ("median", statistics.median)):
        total = sum(pick(runs) for runs in full_cpu.values())
        base = sum(pick(runs) for runs in floor_cpu.values())
        print(
            f"CPU seconds (user+sys, this process and its kernels), {label}: {total:.1f} s / {base:.1f} s = {total / base:.2f}×"
        )
    print(f"load average (1, 5, 15 min) before: {format_load(load_before)}; after: {format_load(load_after)}")


def cpu_seconds() -> float:
    """User + system CPU seconds of this process and of its children that have ended (the notebooks' kernels)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def format_load(load: tuple[float, float, float]) -> str:
    return ", ".join(f"{value:.2f}" for value in load)


# 2. tests -----------------------------------------------------------------------------------


def bench_tests() -> None:
    command = [*two_cores(), sys.executable, "-m", "pytest", "-q"]
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "(no output)"
    cores = "2 cores (taskset)" if two_cores() else f"{os.cpu_count()} cores"
    print(f"python -m pytest on {cores}: {elapsed:.1f} s wall (target ≤ 60 s) — {summary}")


# 3. pipeline --------------------------------------------------------------------------------


def synthetic_corpus(count: int) -> list[str]:
    """``count`` articles of LINES_PER_ARTICLE lines drawn (seeded) from the seed articles' raw lines."""
    from perucorpus.text import corpus

    lines = [line for article in corpus.load_corpus(ROOT / "data").values() for line in article.raw.splitlines() if line.strip()]
    chooser = random.Random(SEED)
    return ["\n".join(chooser.choices(lines, k=LINES_PER_ARTICLE)) + "\n" for _ in range(count)]


def pipeline_figures(count: int) -> dict:
    """Time each stage over a synthetic corpus of ``count`` articles (run in its own process)."""
    from perucorpus.text import arabic, cleaning
    from perucorpus.text.gazetteer import Gazetteer

    gazetteer = Gazetteer.from_data(ROOT / "data")
    articles = synthetic_corpus(count)
    megabytes = sum(len(text.encode("utf-8")) for text in articles) / 1e6
    baseline_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    seconds = {}
    started = time.perf_counter()
    views = [cleaning.clean(text) for text in articles]
    seconds["clean"] = time.perf_counter() - started
    started = time.perf_counter()
    normalised = [arabic.normalise(view.text) for view in views]
    seconds["normalise"] = time.perf_counter() - started
    started = time.perf_counter()
    token_count = sum(len(arabic.tokens(text)) for text in normalised)
    seconds["tokenise"] = time.perf_counter() - started
    started = time.perf_counter()
    mention_count = sum(len(gazetteer.countries(view.text)) for view in views)
    seconds["mentions"] = time.perf_counter() - started
    return {
        "articles": count,
        "megabytes": megabytes,
        "tokens": token_count,
        "mentions": mention_count,
        "seconds": seconds,
        "baseline_rss_mb": baseline_rss,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def bench_pipeline() -> None:
    print(f"synthetic articles: {LINES_PER_ARTICLE} lines each, drawn with random.Random({SEED}) from the seed articles")
    stages = ("clean", "normalise", "tokenise", "mentions")
    print(
        f"{'articles':>9}{'MB':>7}"
        + "".join(f"{stage + ' MB/s':>16}" for stage in stages)
        + f"{'all stages (s)':>16}{'peak RSS (MB)':>15}{'mentions':>10}"
    )
    for count in CORPUS_SIZES:
        result = subprocess.run([sys.executable, __file__, "_pipeline", str(count)], capture_output=True, text=True, check=True)
        figures = json.loads(result.stdout)
        rates = "".join(f"{figures['megabytes'] / figures['seconds'][stage]:>16.1f}" for stage in stages)
        print(
            f"{count:>9,}{figures['megabytes']:>7.1f}{rates}{sum(figures['seconds'].values()):>16.1f}"
            f"{figures['peak_rss_mb']:>15.0f}{figures['mentions']:>10,}"
        )
    print("target: mentions ≥ 5 MB/s per core; peak RSS holds the corpus, its clean views and normalised copies")


# 4. install ---------------------------------------------------------------------------------


def pinned(requirements: Path) -> dict[str, str]:
    """Package name → 'name==version' line of a requirements file (editable installs left out)."""
    pins = {}
    for line in requirements.read_text().splitlines():
        line = line.split("#")[0].strip()
        if "==" in line:
            pins[line.split("==")[0].strip().lower()] = line
    return pins


def venv_size(folder: Path) -> float:
    """MB on disk of a venv."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink()) / 1e6


def timed(commands: list[list[str]], project: Path) -> float:
    """Seconds to run ``commands`` one after another in ``project``."""
    started = time.perf_counter()
    for command in commands:
        subprocess.run(command, cwd=project, check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def venv_install(folder: Path, arguments: list[str], project: Path, installer: str = "pip") -> tuple[float, float]:
    """Create a venv in ``folder`` and install ``arguments`` from ``project`` as the Makefile does
    (``installer`` "uv": pip installs the pinned uv, then uv installs with bytecode compiled; "pip": pip alone).
    Returns (seconds, MB on disk).
    """
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    python = str(folder / "bin" / "python")
    pip = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    if installer == "uv":
        uv = next(
            line.split(":=")[1].strip() for line in (ROOT / "Makefile").read_text().splitlines() if line.startswith("UV :=")
        )
        commands = [
            pip + [uv],
            [str(folder / "bin" / "uv"), "pip", "install", "--quiet", "--python", python, "--compile-bytecode", *arguments],
        ]
    else:
        commands = [pip + arguments]
    return timed(commands, project), venv_size(folder)


def bench_install() -> None:
    pins = pinned(ROOT / "requirements.txt")
    design = [pins[name] for name in DESIGN_PACKAGES]
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"  # a copy, so that the editable install writes nothing here
        shutil.copytree(ROOT / "src", project / "src", ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))
        for name in ("pyproject.toml", "README.md", "requirements.txt", "constraints.txt"):
            shutil.copy(ROOT / name, project / name)
        design_time, design_size = venv_install(Path(tmp) / "design", design, project)
        uv_time, uv_size = venv_install(Path(tmp) / "uv", ["-r", "requirements.txt"], project, installer="uv")
        pip_time, pip_size = venv_install(Path(tmp) / "pip", ["-r", "requirements.txt"], project)
    print(f"{'venv':<58}{'install (s)':>12}{'size (MB)':>11}")
    print(
        f"{'six design packages alone, pip (' + ', '.join(DESIGN_PACKAGES[:2]) + ', …)':<58}{design_time:>12.1f}{design_size:>11.0f}"
    )
    print(f"{'requirements.txt as make installs it (pip → uv, bytecode)':<58}{uv_time:>12.1f}{uv_size:>11.0f}")
    print(f"{'requirements.txt, pip alone (make INSTALLER=pip)':<58}{pip_time:>12.1f}{pip_size:>11.0f}")
    print(
        f"make's install vs the six packages alone: time {uv_time / design_time:.2f}× (target ≤ 1.0×), "
        f"size {uv_size / design_size:.2f}×; times use the download caches as they are on this machine"
    )


BENCHMARKS = {"notebooks": bench_notebooks, "tests": bench_tests, "pipeline": bench_pipeline, "install": bench_install}


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == ["_pipeline"]:
        print(json.dumps(pipeline_figures(int(arguments[1]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("which", nargs="*", metavar="|".join(BENCHMARKS), help="benchmarks to run (default: all)")
    chosen = parser.parse_args(arguments).which or list(BENCHMARKS)
    unknown = [name for name in chosen if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    print(machine())
    for name in chosen:
        print(f"\n== {name} ==", flush=True)
        BENCHMARKS[name]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
