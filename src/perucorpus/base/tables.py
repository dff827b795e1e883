"""Read the project's CSV files strictly and validate them against their schemas.

Every cell is read as text (no type guessing, no NA guessing), every row must have
exactly as many fields as the header, and the schema (pandera) is checked lazily so
that all problems are reported at once, each as ``file:line: column 'x': problem``.
Nothing is dropped or repaired.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import sys
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from perucorpus.base.atomic import write_atomic


def mark_absent(module: str) -> bool:
    """Record in ``sys.modules`` that ``module`` is not installed, so that importing it fails at once; True if marked.

    pandera's pandas engine tries ``from geopandas.array import GeometryDtype`` at the dtype check of every
    column whose dtype it does not know at once (all ours: text held as ``object``). Python does not remember
    a failed import, so without geopandas each check searched ``sys.path`` again: about a tenth of the time of
    validating a table. A ``None`` entry in ``sys.modules`` is the import system's documented way to say a
    module is absent: ``import geopandas`` then raises ``ModuleNotFoundError`` at once (the ``ImportError``
    pandera catches, so it validates as before). Nothing is done when the module is installed or already
    imported; install geopandas into a running kernel and that kernel needs a restart to see it.
    """
    if module in sys.modules or importlib.util.find_spec(module) is not None:
        return False
    sys.modules[module] = None
    return True


#: pandera asks for geopandas at every column check (see :func:`mark_absent`); the collection has no geometry.
mark_absent("geopandas")


class DataError(ValueError):
    """A data file is malformed; the message names the file, line and column."""


class Lines(tuple):
    """The line where each row of a table starts (``frame.attrs["lines"]``), immutable and shared.

    pandas deep-copies a frame's ``attrs`` into every column and frame derived from it; a list of
    line numbers copied at each column access was about a third of the time of reading and
    validating a table. Being immutable, the line numbers are safely shared instead.
    """

    __slots__ = ()

    def __deepcopy__(self, memo) -> Lines:
        return self


def read_table(path: Path | str, schema: pa.DataFrameSchema) -> pd.DataFrame:
    """Read ``path`` as UTF-8 CSV, check its shape and validate it with ``schema``.

    All cells are strings. ``frame.attrs["lines"]`` gives, for each row, the 1-based
    line number where it starts in the file (for error messages further on).

    Each call reads and validates the file: read each file once at the boundary
    (:class:`perucorpus.facts.collection.Collection`) and pass the frame down.
    """
    path = Path(path)
    text = read_utf8(path)
    rows, lines = _parse_rows(path, text)
    header, body = rows[0], rows[1:]
    _check_header(path, header, schema)
    frame = pd.DataFrame(body, columns=header, dtype="string")
    frame = frame.astype(object)
    validate(frame, schema, path, [str(line) for line in lines[1:]])
    # attrs after validating: pandas deep-copies a frame's attrs into every column pandera takes out of it
    frame.attrs["source"] = path.as_posix()
    frame.attrs["lines"] = Lines(lines[1:])
    return frame


def validate(frame: pd.DataFrame, schema: pa.DataFrameSchema, path: Path | str, places: list[str]) -> None:
    """Check ``frame`` (all cells text) against ``schema``; every problem is reported as ``path:place: …``,
    where ``places[i]`` locates the i-th row (a line number, or e.g. "row 3" for a file not yet written).
    """
    try:
        schema.validate(frame, lazy=True, inplace=True)  # our schemas coerce nothing, so pandera need not copy the frame
    except SchemaErrors as errors:
        raise DataError(_describe(Path(path), errors, places)) from None


def read_utf8(path: Path | str, error: type[DataError] = DataError, advice: str = "") -> str:
    """The text of ``path``, decoded as strict UTF-8 without a byte-order mark, otherwise untouched.

    A BOM or an undecodable byte raises ``error`` naming the file and line (``advice``,
    if given, says how to fix an undecodable file).
    """
    return decode_utf8(path, Path(path).read_bytes(), error, advice)


def decode_utf8(path: Path | str, raw: bytes, error: type[DataError] = DataError, advice: str = "") -> str:
    """``raw`` (the bytes of ``path``) decoded as :func:`read_utf8` decodes a file (for a caller that has the bytes)."""
    name = Path(path).as_posix()
    if raw.startswith(b"\xef\xbb\xbf"):
        raise error(f"{name}:1: starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise error(f"{name}:{line}: not valid UTF-8 at byte {err.start} ({err.reason}){advice}") from None


def _parse_rows(path: Path, text: str) -> tuple[list[list[str]], list[int]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    lines: list[int] = []
    start = 1
    try:
        for row in reader:
            rows.append(row)
            lines.append(start)
            start = reader.line_num + 1
    except csv.Error as err:
        raise DataError(f"{path.as_posix()}:{reader.line_num}: malformed CSV ({err})") from None
    if not rows:
        raise DataError(f"{path.as_posix()}:1: empty file, expected a header row")
    width = len(rows[0])
    for row, line in zip(rows[1:], lines[1:]):
        if len(row) != width:
            raise DataError(f"{path.as_posix()}:{line}: expected {width} fields as in the header, found {len(row)}")
    return rows, lines


def _check_header(path: Path, header: list[str], schema: pa.DataFrameSchema) -> None:
    missing = [name for name in schema.columns if name not in header]
    extra = [name for name in header if name not in schema.columns] if schema.strict else []
    duplicated = sorted({name for name in header if header.count(name) > 1})
    problems = []
    if missing:
        problems.append(f"missing column(s) {missing}")
    if extra:
        problems.append(f"unexpected column(s) {extra}")
    if duplicated:
        problems.append(f"duplicated column(s) {duplicated}")
    if problems:
        raise DataError(f"{path.as_posix()}:1: header: " + "; ".join(problems))


def _describe(path: Path, errors: SchemaErrors, places: list[str]) -> str:
    """One line per problem, ``file:place: …``, where ``places[i]`` locates the i-th row."""
    cases = errors.failure_cases
    found = set()
    for case in cases.itertuples(index=False):
        position = int(case.index) if case.index is not None and not pd.isna(case.index) else -1
        place = places[position] if 0 <= position < len(places) else "1"
        if case.schema_context == "DataFrameSchema" and case.check != "column_in_dataframe":
            text = f"{path.as_posix()}:{place}: row: fails {case.check}"
        else:
            column = case.column if isinstance(case.column, str) else "(row)"
            text = f"{path.as_posix()}:{place}: column '{column}': value {case.failure_case!r} fails {case.check}"
        found.add((position, text))
    messages = [text for _, text in sorted(found)]
    return f"{len(messages)} problem(s) in {path.as_posix()}:\n" + "\n".join(messages)


def write_table(frame: pd.DataFrame, path: Path | str, schema: pa.DataFrameSchema) -> Path:
    r"""Validate ``frame`` against ``schema`` and write it as UTF-8 CSV with ``\n`` line ends.

    A problem is reported by its row in the frame ("row 3"), as the file is not written yet.
    """
    path = Path(path)
    write_atomic(path, table_text(frame, path, schema))
    return path


def table_text(frame: pd.DataFrame, path: Path | str, schema: pa.DataFrameSchema) -> str:
    """The CSV text :func:`write_table` writes for ``frame`` at ``path``, validated, without writing it."""
    as_text = frame.astype(str).astype(object).reset_index(drop=True)  # positions, whatever the index was
    as_text.attrs = {}  # not written; see read_table
    validate(as_text, schema, path, [f"row {number}" for number in range(1, len(as_text) + 1)])
    return as_text.to_csv(index=False, lineterminator="\n")


def edit_rows(path: Path | str, change, with_lines: bool = False) -> int:
    r"""Read a CSV as row dicts, let ``change(rows)`` edit the list in place, and write it back
    (same columns, UTF-8, ``\n`` line ends). For maintenance commands and tests.

    With ``with_lines``, ``change(rows, lines)`` also gets the line where each row starts
    (a quoted cell may span lines), for error messages.
    """
    path = Path(path)
    rows, lines = _parse_rows(path, read_utf8(path))
    fields = rows[0]
    records = [dict(zip(fields, row)) for row in rows[1:]]
    if with_lines:
        change(records, lines[1:])
    else:
        change(records)
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    write_atomic(path, out.getvalue())
    return len(records)


def text_column(*checks: pa.Check, nullable: bool = False, unique: bool = False) -> pa.Column:
    """A required text column; empty strings are rejected unless ``nullable``."""
    all_checks = list(checks)
    if not nullable:
        all_checks.append(pa.Check.str_length(min_value=1, error="must not be empty"))
    return pa.Column(object, checks=all_checks, unique=unique)


def field(
    description: str, *, type: str = "string", references: str | None = None, format: str | None = None, **constraints
) -> dict:
    """A column's documentation for :func:`document`: what it holds, its Table Schema ``type``
    (``string``, ``integer``, ``date``, ``boolean``) and ``format`` (``uri``), the column it refers
    to (``"file.csv:column"``, a foreign key) and further Table Schema constraints (``minimum=1``).
    """
    return {"description": description, "type": type, "references": references, "format": format, "constraints": constraints}


def document(schema: pa.DataFrameSchema, description: str, columns: dict[str, str | dict]) -> pa.DataFrameSchema:
    """``schema`` with what its file holds (``description``) and each column's documentation.

    ``columns`` maps a column to its description (a string: a text column) or to a :func:`field`.
    Naming a column the schema lacks is an error; a column left out stays undocumented, which
    ``tests/test_datapackage.py`` reports by file and column.
    """
    unknown = sorted(set(columns) - set(schema.columns))
    if unknown:
        raise KeyError(f"documented column(s) {unknown} are not in the schema")
    updates = {}
    for name, doc in columns.items():
        doc = doc if isinstance(doc, dict) else field(doc)
        updates[name] = {
            "description": doc["description"],
            "metadata": {key: doc[key] for key in ("type", "format", "references", "constraints")},
        }
    documented = schema.update_columns(updates)
    documented.description = description
    return documented


def choice(*values: str) -> pa.Check:
    """A check that the value is one of ``values``."""
    return pa.Check.isin(list(values), error=f"must be one of {list(values)}")


def matches(pattern: str, what: str) -> pa.Check:
    """A check that the whole value matches ``pattern`` (described as ``what``)."""
    return pa.Check.str_matches(rf"(?:{pattern})\Z", error=f"must be {what}")
