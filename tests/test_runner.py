"""The notebook runner: order, and nothing volatile stored."""

import nbformat
import pytest
from conftest import ROOT

from perucorpus.publish import runner


def test_numbered_notebooks_in_order(tmp_path):
    for name in ["10_later.ipynb", "x_notes.ipynb", "02_first.ipynb", "2_unpadded.ipynb", "03_draft.txt", "01_zero.ipynb"]:
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert [path.name for path in runner.numbered_notebooks(tmp_path)] == ["01_zero.ipynb", "02_first.ipynb", "10_later.ipynb"]
    assert [path.name for path in runner.numbered_notebooks(ROOT / "notebooks")][:2] == [
        "00_index.ipynb",
        "01_reading_the_articles.ipynb",
    ]


@pytest.mark.slow  # runs a notebook in a kernel
def test_execute_stores_no_timestamps_and_fixed_metadata(tmp_path):
    path = tmp_path / "01_tiny.ipynb"
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("print(6 * 7)")]
    nbformat.write(notebook, path)
    runner.execute(path)
    done = nbformat.read(path, as_version=4)
    assert done.cells[0].outputs[0]["text"] == "42\n"
    assert done.cells[0].execution_count == 1
    assert "execution" not in done.cells[0].metadata
    assert done.metadata == nbformat.from_dict(
        {"kernelspec": runner.KERNEL, "language_info": {"name": "python", "pygments_lexer": "ipython3"}}
    )


def test_committed_notebooks_are_clean():
    for path in runner.numbered_notebooks(ROOT / "notebooks"):
        notebook = nbformat.read(path, as_version=4)
        code = [cell for cell in notebook.cells if cell.cell_type == "code"]
        assert [cell.execution_count for cell in code] == list(range(1, len(code) + 1)), path.name
        assert all("execution" not in cell.metadata for cell in code), path.name
        assert all(cell.outputs or not cell.source.strip() for cell in code[:1]), path.name


def test_navigation_is_current():
    from perucorpus.publish import navigation

    assert navigation.stale(ROOT / "notebooks") == [], "run: python -m perucorpus.publish.navigation notebooks"


@pytest.mark.slow  # runs a notebook in a kernel
def test_a_failing_notebook_is_reported_in_one_line_left_unchanged_and_stops_the_run(tmp_path, capsys):
    good, bad, later = tmp_path / "01_good.ipynb", tmp_path / "02_bad.ipynb", tmp_path / "03_later.ipynb"
    for path, sources in [
        (good, ["x = 1"]),
        (bad, ["# setup", "y = 2", "raise ValueError('glosses.csv lacks\\n a gloss')"]),
        (later, ["z = 3"]),
    ]:
        notebook = nbformat.v4.new_notebook()
        notebook.cells = [nbformat.v4.new_markdown_cell("# Title")] + [nbformat.v4.new_code_cell(source) for source in sources]
        nbformat.write(notebook, path)
    before = {path: path.read_bytes() for path in (bad, later)}
    assert runner.main([str(tmp_path)]) == 1
    report = capsys.readouterr().err.splitlines()
    assert (
        report[0]
        == f"{bad.as_posix()}: cell 4 (id {nbformat.read(bad, as_version=4).cells[3].id}) failed: ValueError: glosses.csv lacks a gloss"
    )
    assert len(report) == 2 and "1 later notebook(s) not run" in report[1]
    assert {path: path.read_bytes() for path in (bad, later)} == before  # the failed one as it was; the later one not run
    assert nbformat.read(good, as_version=4).cells[1].execution_count == 1  # the one before it ran and was saved


@pytest.mark.slow  # runs a notebook in a kernel
def test_an_interrupted_save_leaves_the_old_notebook(tmp_path, monkeypatch):
    path = tmp_path / "01_tiny.ipynb"
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("print(6 * 7)")]
    nbformat.write(notebook, path)
    before = path.read_bytes()
    monkeypatch.setattr("os.replace", lambda *args: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        runner.execute(path)
    assert path.read_bytes() == before and [item.name for item in tmp_path.iterdir()] == ["01_tiny.ipynb"]
