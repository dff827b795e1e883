"""The data package, the codebook and the generated files: complete, current, and failing on bad data."""

import json
import shutil

import frictionless
import pandas as pd
import pandera.pandas as pa
import pytest
from conftest import DATA, ROOT

from perucorpus import cli
from perucorpus.base import datapackage, schemas
from perucorpus.base.tables import DataError, document, edit_rows, read_table, text_column, write_table
from perucorpus.facts import sourcing
from perucorpus.publish import dataset

#: A test that builds the data package or validates all of it with frictionless (seconds each) is slow: ``make test``
#: and CI run it, the quick loop (``pytest -m "not slow"``) leaves it out.
BUILDS_THE_PACKAGE = pytest.mark.slow


@pytest.fixture
def project_copy(tmp_path):
    """The data, the citation, the codebook and the generated files, in a folder a test may break."""
    shutil.copytree(DATA, tmp_path / "data")
    for name in ("CITATION.cff", "datapackage.json"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def test_every_file_and_column_has_a_description():
    assert dataset.undocumented(ROOT) == []


def test_an_undocumented_column_is_named_with_its_file():
    schema = document(pa.DataFrameSchema({"a": text_column(), "tier": text_column()}), "a table", {"a": "the a."})
    assert datapackage.undocumented({"references.csv": schema}) == [
        "references.csv: column 'tier' has no description (add it to the document() call of its schema in base/schemas.py)"
    ]


def test_documenting_a_column_the_schema_lacks_is_an_error():
    with pytest.raises(KeyError, match="not_there"):
        document(pa.DataFrameSchema({"a": text_column()}), "a table", {"not_there": "?"})


def test_the_generated_files_are_current():
    """datapackage.json, the codebook tables, the link tables, the panel and the ClaimReview export."""
    assert dataset.stale(ROOT) == [], "run `perucorpus datapackage` (or `make notebooks`)"


@BUILDS_THE_PACKAGE
def test_a_hand_edited_codebook_table_or_a_changed_data_file_is_stale(project_copy):
    assert dataset.stale(project_copy) == []
    readme = project_copy / "data" / "README.md"
    readme.write_text(
        readme.read_text(encoding="utf-8").replace("| `claim_id` | string |", "| `claim_id` | text |"), encoding="utf-8"
    )
    edit_rows(project_copy / "data" / "claims.csv", lambda rows: rows[0].update(ref_ids=rows[1]["ref_ids"]))
    assert set(dataset.stale(project_copy)) == {dataset.CODEBOOK, dataset.CLAIM_REFS, dataset.CLAIMREVIEW}
    assert set(dataset.build(project_copy)) == {dataset.CODEBOOK, dataset.CLAIM_REFS, dataset.CLAIMREVIEW}
    assert dataset.stale(project_copy) == []


@BUILDS_THE_PACKAGE
def test_the_command_checks_and_builds(project_copy, capsys):
    assert cli.main(["datapackage", "--check", "--root", str(project_copy)]) == 0
    (project_copy / "datapackage.json").write_text("{}\n", encoding="utf-8")
    assert cli.main(["datapackage", "--check", "--root", str(project_copy)]) == 1
    assert "datapackage.json is stale" in capsys.readouterr().err
    assert cli.main(["datapackage", "--root", str(project_copy)]) == 0
    assert "datapackage.json" in capsys.readouterr().out
    assert cli.main(["datapackage", "--check", "--root", str(project_copy)]) == 0


def test_every_data_file_is_a_resource():
    package = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    paths = {resource["path"] for resource in package["resources"]}
    files = {path.relative_to(ROOT).as_posix() for path in DATA.rglob("*") if path.is_file()}
    not_data = {f"data/{name}" for name in datapackage.NOT_DATA}
    assert files - not_data == paths
    assert len(paths) == len(package["resources"])
    assert package["version"] == __import__("perucorpus").__version__


def test_the_package_declares_types_keys_and_partial_dates_honestly():
    package = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    resources = {resource["name"]: resource for resource in package["resources"]}
    fields = {field["name"]: field for field in resources["memberships"]["schema"]["fields"]}
    assert fields["start"]["type"] == "string" and fields["start"]["constraints"]["pattern"].startswith("(")
    assert fields["quote_start"]["type"] == "integer" and fields["cow_code"]["type"] == "integer"
    assert {"fields": ["source_ref"], "reference": {"resource": "references", "fields": ["ref_id"]}} in resources["memberships"][
        "schema"
    ]["foreignKeys"]
    claims = {field["name"]: field for field in resources["claims"]["schema"]["fields"]}
    assert claims["verdict"]["constraints"]["enum"] == list(schemas.VERDICTS)
    assert resources["peru_heads_of_state"]["schema"]["fields"][1]["type"] == "date"
    assert resources["derived-term_counts"]["schema"]["primaryKey"] == ["article_id", "term"]
    assert resources["article-shield2026_explainer"]["hash"].startswith("sha256:")


def _errors(project) -> list[tuple[str, str]]:
    """(resource, error type) of every error ``frictionless validate`` finds in ``project``'s datapackage.json."""
    report = frictionless.validate(project / "datapackage.json")
    return sorted({(task.name, error.type) for task in report.tasks for error in task.errors})


@BUILDS_THE_PACKAGE
def test_frictionless_validates_the_data_package(project_copy):
    assert _errors(project_copy) == []


@BUILDS_THE_PACKAGE
def test_frictionless_fails_on_a_bad_verdict_and_a_broken_reference(project_copy):
    data = project_copy / "data"
    edit_rows(data / "claims.csv", lambda rows: rows[0].update(verdict="maybe"))
    edit_rows(
        data / "memberships.csv", lambda rows: next(row for row in rows if row["source_ref"]).update(source_ref="no_such_ref")
    )
    assert _errors(project_copy) == [("claims", "constraint-error"), ("memberships", "foreign-key")]


@BUILDS_THE_PACKAGE
def test_a_planted_unknown_reference_in_a_list_of_ids_fails(project_copy):
    data = project_copy / "data"
    edit_rows(data / "claims.csv", lambda rows: rows[2].update(ref_ids=rows[2]["ref_ids"] + ";no_such_ref"))
    with pytest.raises(DataError, match="no_such_ref"):  # the package's own loader
        dataset.outputs(project_copy)
    claims = read_table(data / "claims.csv", schemas.CLAIMS)
    write_table(sourcing.ref_links(claims, "claim_id"), data / "derived" / "claim_refs.csv", schemas.CLAIM_REFS)
    assert _errors(project_copy) == [("derived-claim_refs", "foreign-key")]  # and the data package, through the link table


@BUILDS_THE_PACKAGE
def test_a_changed_article_fails_its_hash(project_copy):
    article = project_copy / "data" / "articles" / "shield2026_explainer.txt"
    article.write_bytes(article.read_bytes() + b" ")
    assert ("article-shield2026_explainer", "hash-count") in _errors(project_copy)


def test_ref_links_give_one_reference_per_row_in_order():
    frame = pd.DataFrame({"claim_id": ["a", "b", "c"], "ref_ids": ["r1;r2", "", "r2;r2"]})
    links = sourcing.ref_links(frame, "claim_id")
    assert links.values.tolist() == [["a", "r1"], ["a", "r2"], ["c", "r2"]]


def test_codebook_tables_say_rules_keys_and_cross_column_checks():
    table = datapackage.codebook(schemas.MEMBERSHIPS)
    assert "| `source_ref` | string | optional; a ref_id or empty; → `references.csv` `ref_id` |" in table
    assert "- a row names exactly one source: source_article (an article) or source_ref (a reference)" in table
    assert r"`in_force` (the source says" in table and r"\| `not_recorded`" in table  # pipes escaped in cells


def test_a_file_without_a_codebook_block_gets_a_section_and_an_unknown_block_is_an_error():
    text = "# Data\n\n## Columns\n\n### `a.csv`\n<!-- codebook: a.csv -->\nold\n<!-- /codebook -->\n\n## Other\n"
    updated = datapackage.update_codebook(text, {"a.csv": "A\n", "b.csv": "B\n"})
    assert "<!-- codebook: a.csv -->\nA\n<!-- /codebook -->" in updated
    assert updated.index("### `b.csv`\n<!-- codebook: b.csv -->\nB\n<!-- /codebook -->") < updated.index("## Other")
    with pytest.raises(DataError, match=r"\['a.csv'\]"):
        datapackage.update_codebook(text, {"b.csv": "B\n"})
