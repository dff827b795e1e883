"""Peru's heads of state (``data/peru_heads_of_state.csv``): terms of office with their sources."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import schemas
from .tables import DataError, read_table


def load_presidents(data_dir: Path | str) -> pd.DataFrame:
    """Read and check the presidents' terms: every ``ref_id`` is in ``references.csv`` and no term ends before it starts."""
    data_dir = Path(data_dir)
    presidents = read_table(data_dir / "peru_heads_of_state.csv", schemas.HEADS_OF_STATE)
    references = set(read_table(data_dir / "references.csv", schemas.REFERENCES)["ref_id"])
    problems = []
    for row, line in zip(presidents.itertuples(), presidents.attrs["lines"]):
        where = f"{presidents.attrs['source']}:{line}: {row.name}"
        problems += [f"{where}: ref_id {ref!r} is not in references.csv" for ref in row.ref_ids.split(";") if ref not in references]
        if row.end and row.end < row.start:  # both full ISO dates (the schema checks), so text order is date order
            problems.append(f"{where}: end {row.end} is before start {row.start}")
    if problems:
        raise DataError(f"{len(problems)} problem(s):\n" + "\n".join(problems))
    return presidents
