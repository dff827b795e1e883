"""Re-execute the numbered notebooks in place, in order, each in a fresh kernel.

Outputs are stored without execution timestamps and with fixed notebook metadata, so
re-running on the same environment leaves every tracked file byte-identical. A notebook
is saved atomically, and only when every cell ran: one that fails is reported in one line
(notebook, cell number, error) and left exactly as it was, and the run stops.
Run as ``perucorpus run [notebooks/]`` (or ``python -m perucorpus.publish.runner``).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from perucorpus.base.atomic import write_atomic

if TYPE_CHECKING:  # imported where a notebook is run: finding the notebooks (the reading copy, the pack) needs neither
    import nbformat

KERNEL = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def numbered_notebooks(folder: Path | str) -> list[Path]:
    """The notebooks named ``NN_*.ipynb`` in ``folder``, in run order."""
    return sorted(path for path in Path(folder).glob("[0-9][0-9]_*.ipynb"))


class NotebookFailed(RuntimeError):
    """A cell raised; the message is one line: notebook, cell number (1-based, all cells) and the error."""


def execute(path: Path, timeout: int = 600) -> nbformat.NotebookNode:
    """Execute ``path`` top to bottom in a fresh kernel (working directory: its folder) and save it.

    Raises :class:`NotebookFailed` if a cell raises (or times out); the file is then left as it was.
    """
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name=KERNEL["name"],
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    # The kernel process's own log (e.g. its TCP notice) is not notebook output; cell
    # errors and warnings still reach the notebook through the kernel's output messages.
    try:
        client.execute(stderr=subprocess.DEVNULL)
    except Exception as error:  # a cell's exception, a timeout, a dead kernel: report it, keep the file
        raise NotebookFailed(_failure(path, notebook, error)) from None
    notebook.metadata = nbformat.from_dict(
        {"kernelspec": KERNEL, "language_info": {"name": "python", "pygments_lexer": "ipython3"}}
    )
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    write_atomic(path, nbformat.writes(notebook) + "\n")
    return notebook


def _failure(path: Path, notebook: nbformat.NotebookNode, error: Exception) -> str:
    """``notebooks/x.ipynb: cell 7 (id c06): KeyError: 'x'`` for the first cell that failed."""
    number, cell = next(
        (
            (number, cell)
            for number, cell in enumerate(notebook.cells, 1)
            if any(output.get("output_type") == "error" for output in cell.get("outputs", []))
        ),
        (None, None),
    )
    name = getattr(error, "ename", None) or type(error).__name__
    message = getattr(error, "evalue", None) if hasattr(error, "ename") else str(error)
    message = " ".join((message or "").split()) or "(no message)"
    where = f"cell {number} (id {cell.get('id', '?')})" if cell is not None else "a cell"
    return f"{path.as_posix()}: {where} failed: {name}: {message}"


def main(argv: list[str] | None = None) -> int:
    """Run every numbered notebook in order, printing one line per notebook; 1 if one fails."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path("notebooks")
    notebooks = numbered_notebooks(folder)
    if not notebooks:
        print(f"no numbered notebooks in {folder}", file=sys.stderr)
        return 1
    for index, path in enumerate(notebooks, 1):
        started = time.perf_counter()
        print(f"[{index}/{len(notebooks)}] {path.name} …", end=" ", flush=True)
        try:
            execute(path)
        except NotebookFailed as failure:
            print("FAILED", flush=True)
            print(f"{failure}\n(left unchanged; {len(notebooks) - index} later notebook(s) not run)", file=sys.stderr)
            return 1
        print(f"done in {time.perf_counter() - started:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
