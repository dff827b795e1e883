"""The notebooks' shared prologue: the collection's folders and its checked data, in one call.

``load_project()`` returns a :class:`Project`: the :class:`perucorpus.facts.collection.Collection`
of ``data/`` (each file read and validated once, the first time a notebook uses it, then passed
down to the checks as frames and texts) with the collection's folders, so each notebook pays only
for what it reads, and only once.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from perucorpus.base.tables import read_table
from perucorpus.facts.collection import Collection
from perucorpus.present import figures


class Project(Collection):
    """The collection seen from a notebook: ``data`` and ``figures`` folders, and each data file read once."""

    def __init__(self, root: Path | str = ".."):
        self.root = Path(root)
        super().__init__(self.root / "data")
        self.figures = self.root / "figures"

    def table(self, name: str, schema: pa.DataFrameSchema | None = None) -> pd.DataFrame:
        """A CSV of ``data/``, checked (:meth:`perucorpus.facts.collection.Collection.table`); with ``schema``, a file
        the collection does not list, read and checked against it each time (:func:`perucorpus.base.tables.read_table`).
        """
        return super().table(name) if schema is None else read_table(self.data / name, schema)


def load_project(root: Path | str = "..") -> Project:
    """The :class:`Project` of a notebook run from ``notebooks/``, with the collection's figure style set."""
    figures.use_project_style()
    return Project(root)
