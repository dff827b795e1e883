"""The notebook runner: order, and nothing volatile stored."""

import nbformat

from perucorpus import runner

from conftest import ROOT


def test_numbered_notebooks_in_order(tmp_path):
    for name in ["10_later.ipynb", "x_notes.ipynb", "02_first.ipynb", "2_unpadded.ipynb", "03_draft.txt", "01_zero.ipynb"]:
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert [path.name for path in runner.numbered_notebooks(tmp_path)] == ["01_zero.ipynb", "02_first.ipynb", "10_later.ipynb"]
    assert [path.name for path in runner.numbered_notebooks(ROOT / "notebooks")][:2] == ["00_index.ipynb", "01_reading_the_articles.ipynb"]


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
    assert done.metadata == runner.nbformat.from_dict(
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
    from perucorpus import navigation

    assert navigation.stale(ROOT / "notebooks") == [], "run: python -m perucorpus.navigation notebooks"


def test_every_module_is_listed_in_the_package_docstring_and_the_readme():
    import perucorpus

    modules = sorted(path.stem for path in (ROOT / "src" / "perucorpus").glob("*.py") if path.stem != "__init__")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [name for name in modules if f":mod:`~perucorpus.{name}`" not in perucorpus.__doc__] == []
    assert [name for name in modules if f"| `{name}` |" not in readme] == []
