"""Atomic file writes: a temporary file beside the target, then a rename, so a reader (or an
interrupted run) sees the old file or the new one, never a truncated one. Standard library only,
so that the figures can use it wherever matplotlib runs.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(path: Path | str):
    """Yield a temporary path beside ``path`` to write to; on success it replaces ``path``.

    The rename (``os.replace``) is atomic, so a reader sees the old file or the new one,
    never a truncated one. On an error the temporary file is removed and ``path`` is left
    as it was. Creates the folder if needed.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def write_atomic(path: Path | str, content: str | bytes) -> Path:
    """Write ``content`` (text as UTF-8, with line ends as given) to ``path`` through :func:`replacing`."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    with replacing(path) as temporary:
        with open(temporary, "wb") as handle:
            handle.write(data)
    return Path(path)
