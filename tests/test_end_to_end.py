"""END TO END (slow, ~3 min on 2 cores): a fourth article added with the documented command
runs through every notebook. Skip it while working with ``-m "not end_to_end"``.

The test copies notebooks/, data/, figures/ and teaching/ to a temporary folder, adds an article
written here (not one of the seeds) with ``perucorpus add-article``, re-executes every
notebook with the runner, and checks that the article appears in the derived files and
the notebooks' outputs, and that nothing about the seed articles changed.
"""

import shutil

import nbformat
import pytest
from conftest import ROOT
from test_cli import GOOD, NEW_TEXT

from perucorpus import cli
from perucorpus.base import schemas
from perucorpus.base.tables import read_table
from perucorpus.publish import runner

pytestmark = pytest.mark.end_to_end
NEW_ID = GOOD[GOOD.index("--id") + 1]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the project with the new article added and every notebook re-executed."""
    root = tmp_path_factory.mktemp("project")
    for folder in ("notebooks", "data", "figures", "teaching"):
        shutil.copytree(ROOT / folder, root / folder)
    source = root / "incoming" / "ports news.txt"
    source.parent.mkdir()
    source.write_text(NEW_TEXT, encoding="utf-8")
    assert cli.main(["add-article", str(source), "--data", str(root / "data"), *GOOD]) == 0
    assert runner.main([str(root / "notebooks")]) == 0
    return root


def outputs(path) -> str:
    """All text and HTML outputs of a notebook, joined."""
    notebook = nbformat.read(path, as_version=4)
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            data = output.get("data", {})
            parts += [data.get("text/html", ""), data.get("text/plain", "")]
    return "\n".join(parts)


def test_the_new_article_is_counted_and_the_seed_counts_are_unchanged(project):
    mentions = read_table(project / "data" / "derived" / "country_mentions.csv", schemas.COUNTRY_MENTIONS)
    seeds = read_table(ROOT / "data" / "derived" / "country_mentions.csv", schemas.COUNTRY_MENTIONS)
    new = mentions[mentions["article_id"] == NEW_ID]
    assert set(new["iso3"]) >= {"PER", "CHL", "BRA", "USA", "CHN"}
    assert mentions[mentions["article_id"] != NEW_ID].reset_index(drop=True).equals(seeds)


def test_the_new_article_appears_in_every_per_article_table(project):
    first, guide = (
        outputs(project / "notebooks" / "01_reading_the_articles.ipynb"),
        outputs(project / "notebooks" / "04_discussion_guide.ipynb"),
    )
    assert "The four articles" in first and first.count(NEW_ID) >= 3  # corpus table, article card, Peru in context
    assert "top terms with no English gloss yet" in first and "اتفاق" in first  # listed, with its Arabic
    assert "uses in the other three" in guide and guide.count(NEW_ID) >= 2  # keyness table; people named (a column of zeros)


def test_top_terms_without_a_gloss_are_marked_in_the_chart(project):
    notebook = nbformat.read(project / "notebooks" / "01_reading_the_articles.ipynb", as_version=4)
    alt = next(output.metadata["image/png"]["alt"] for cell in notebook.cells if cell.id == "c16" for output in cell.outputs)
    assert f"{NEW_ID} (news, 2026-05-04): [no gloss yet] · اتفاق" in alt  # its top term, with its Arabic


def test_the_seed_articles_figures_and_tables_are_unchanged_where_no_article_is_compared(project):
    for name in ("02_evidence_coverage.png", "03_membership_matrix.png", "03_maps.png", "03_peru_timeline.png"):
        assert (project / "figures" / name).read_bytes() == (ROOT / "figures" / name).read_bytes(), name
    page = (project / "figures" / "02_positions_table.html").read_text(encoding="utf-8")
    assert page.replace("in four Arabic articles", "in three Arabic articles") == (
        ROOT / "figures" / "02_positions_table.html"
    ).read_text(encoding="utf-8")
    for name in ("positions_wide.csv", "membership_snapshot.csv"):
        assert (project / "data" / "derived" / name).read_bytes() == (ROOT / "data" / "derived" / name).read_bytes(), name
