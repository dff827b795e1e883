"""Re-execute the numbered notebooks in place, in order, each in a fresh kernel.

Outputs are stored without execution timestamps and with fixed notebook metadata, so
re-running on the same environment leaves every tracked file byte-identical.
Run as ``python -m perucorpus.runner [notebooks/]``.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

KERNEL = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def numbered_notebooks(folder: Path | str) -> list[Path]:
    """The notebooks named ``NN_*.ipynb`` in ``folder``, in run order."""
    return sorted(path for path in Path(folder).glob("[0-9][0-9]_*.ipynb"))


def execute(path: Path, timeout: int = 600) -> nbformat.NotebookNode:
    """Execute ``path`` top to bottom in a fresh kernel (working directory: its folder) and save it."""
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
    client.execute(stderr=subprocess.DEVNULL)
    notebook.metadata = nbformat.from_dict(
        {"kernelspec": KERNEL, "language_info": {"name": "python", "pygments_lexer": "ipython3"}}
    )
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(notebook, path)
    return notebook


def main(argv: list[str] | None = None) -> int:
    """Run every numbered notebook in order, printing one line per notebook."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path("notebooks")
    notebooks = numbered_notebooks(folder)
    if not notebooks:
        print(f"no numbered notebooks in {folder}", file=sys.stderr)
        return 1
    for index, path in enumerate(notebooks, 1):
        started = time.perf_counter()
        print(f"[{index}/{len(notebooks)}] {path.name} …", end=" ", flush=True)
        execute(path)
        print(f"done in {time.perf_counter() - started:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
