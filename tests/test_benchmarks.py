"""The benchmark script's helpers still work (its figures are printed, never asserted)."""

import importlib.util

import nbformat
from conftest import ROOT

spec = importlib.util.spec_from_file_location("benchmark_run", ROOT / "benchmarks" / "run.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def test_floor_notebooks_keep_only_the_imports():
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("import nothing"),
            nbformat.v4.new_code_cell("%matplotlib inline\nimport pandas as pd\nx = 1"),
            nbformat.v4.new_code_cell("from pathlib import Path\nprint(Path('.'))"),
        ]
    )
    assert bench.import_lines(notebook) == "import pandas as pd\nfrom pathlib import Path"


def test_synthetic_corpus_is_seeded_and_made_of_seed_lines(articles):
    lines = {line for article in articles.values() for line in article.raw.splitlines()}
    first, again = bench.synthetic_corpus(5), bench.synthetic_corpus(5)
    assert first == again
    assert all(len(text.splitlines()) == bench.LINES_PER_ARTICLE for text in first)
    assert all(set(text.splitlines()) <= lines for text in first)


def test_pipeline_figures_cover_every_stage():
    figures = bench.pipeline_figures(20)
    assert set(figures["seconds"]) == {"clean", "normalise", "tokenise", "mentions"}
    assert figures["articles"] == 20 and figures["mentions"] > 0 and figures["tokens"] > 0


def test_the_six_design_packages_are_pinned():
    assert set(bench.DESIGN_PACKAGES) <= set(bench.pinned(ROOT / "requirements.txt"))


mutation_spec = importlib.util.spec_from_file_location("benchmark_mutation", ROOT / "benchmarks" / "mutation.py")
mutation = importlib.util.module_from_spec(mutation_spec)
mutation_spec.loader.exec_module(mutation)


def test_mutation_config_mutates_only_the_named_modules_with_their_mirroring_tests():
    config = mutation.setup_cfg()
    assert config.startswith("[mutmut]\n")
    for module, test in zip(mutation.MODULES, mutation.TESTS):
        assert f"    {module}\n" in config and f"    {test}\n" in config
        assert (ROOT / module).is_file() and (ROOT / test).is_file()


def test_mutation_report_counts_each_status_per_module():
    lines = [
        "    perucorpus.base.dates.x_parse__mutmut_1: killed",
        "    perucorpus.base.dates.xǁPartialDateǁlast__mutmut_2: survived",
        "    perucorpus.facts.checks.x_allies_on__mutmut_3: no tests",
        "not a mutant line",
    ]
    assert mutation.report(mutation.counts_of("\n".join(lines))).splitlines() == [
        "| module | mutants | killed | survived | no tests | killed % |",
        "| --- | --- | --- | --- | --- | --- |",
        "| `perucorpus.base.dates` | 2 | 1 | 1 | 0 | 50 |",
        "| `perucorpus.facts.checks` | 1 | 0 | 0 | 1 | 0 |",
        "| **all** | 3 | 1 | 1 | 1 | 33 |",
    ]


reads_spec = importlib.util.spec_from_file_location("benchmark_reads", ROOT / "benchmarks" / "reads.py")
reads = importlib.util.module_from_spec(reads_spec)
reads_spec.loader.exec_module(reads)


def test_the_reads_table_adds_up_each_file_and_each_step():
    import collections

    counts = {
        "01": {
            "read": collections.Counter({"data/eras.csv": 2, "data/people.csv": 1}),
            "validate": collections.Counter({"data/eras.csv": 1}),
        },
        "site": {"read": collections.Counter({"data/eras.csv": 1}), "validate": collections.Counter({"data/eras.csv": 1})},
    }
    lines = reads.table(counts).splitlines()
    assert lines[0] == "| file | 01 | site | all steps |"
    assert "| `data/eras.csv` | 2 / 1 | 1 / 1 | **3 / 2** |" in lines
    assert "| `data/people.csv` | 1 / 0 | 0 / 0 | **1 / 0** |" in lines
    assert lines[-1] == "| all files | 3 / 1 | 1 / 1 | **4 / 2** |"
