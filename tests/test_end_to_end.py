"""END TO END (slow, about a minute a round on 2 cores): an article added with the documented
command runs through every notebook, and so does a second one added to the same copy.

The test copies notebooks/, data/ and figures/ to a temporary folder holding however many
articles the project has (N), adds an article written here (not one of the project's) with
``perucorpus add-article``, re-executes every notebook with the runner and checks N + 1; then
adds another to the same copy and checks N + 2, so that adding articles one after another
never breaks the notebooks. Nothing about the articles already there may change.
"""

import shutil

import nbformat
import pytest
from conftest import ROOT
from test_cli import GOOD, NEW_TEXT

from perucorpus import cli
from perucorpus.base import schemas
from perucorpus.base.tables import read_table
from perucorpus.facts import translations
from perucorpus.publish import runner
from perucorpus.text import corpus

pytestmark = pytest.mark.end_to_end
FIRST_ID = GOOD[GOOD.index("--id") + 1]
SECOND_ID = FIRST_ID + "_second"
#: The second article: another short test text, on another day, under its own file name.
SECOND_TEXT = NEW_TEXT.replace("تشيلي", "الإكوادور")


def add_and_run(root, article_id: str, text: str, date: str) -> None:
    """Add one article to the copy at ``root`` the documented way, then re-execute every notebook."""
    source = root / "incoming" / f"{article_id}.txt"
    source.parent.mkdir(exist_ok=True)
    source.write_text(text, encoding="utf-8")
    options = list(GOOD)
    options[options.index("--id") + 1] = article_id
    options[options.index("--date") + 1] = date
    assert cli.main(["add-article", str(source), "--data", str(root / "data"), *options]) == 0
    assert runner.main([str(root / "notebooks")]) == 0


@pytest.fixture(scope="module")
def rounds(tmp_path_factory):
    """A copy of the project after each round: ``{"before": N, 1: snapshot, 2: snapshot}``."""
    root = tmp_path_factory.mktemp("project")
    for folder in ("notebooks", "data", "figures", "teaching"):
        shutil.copytree(ROOT / folder, root / folder)
    before = len(corpus.load_corpus(root / "data"))
    found = {"before": before, "root": root}
    add_and_run(root, FIRST_ID, NEW_TEXT, "2026-05-04")
    found[1] = snapshot(root)
    add_and_run(root, SECOND_ID, SECOND_TEXT, "2026-05-05")
    found[2] = snapshot(root)
    return found


def snapshot(root) -> dict:
    """What the checks read after a round: the derived tables, notebook outputs and figures' bytes."""
    return {
        "mentions": read_table(root / "data" / "derived" / "country_mentions.csv", schemas.COUNTRY_MENTIONS),
        "terms": read_table(root / "data" / "derived" / "term_counts.csv", schemas.TERM_COUNTS),
        "outputs": {path.name: outputs(path) for path in sorted((root / "notebooks").glob("*.ipynb"))},
        "figures": {path.name: path.read_bytes() for path in sorted((root / "figures").glob("*.png"))},
        "derived": {name: (root / "data" / "derived" / name).read_bytes() for name in ("positions_wide.csv",)},
        "names": corpus.reader_names(corpus.metadata(corpus.load_corpus(root / "data"))),
        "top_terms": (root / "figures" / "01_top_terms.csv").read_text(encoding="utf-8"),
    }


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


@pytest.mark.parametrize("round_", [1, 2])
def test_each_added_article_is_counted_and_the_others_counts_do_not_change(rounds, round_):
    added = [FIRST_ID, SECOND_ID][:round_]
    after = rounds[round_]
    assert after["terms"]["article_id"].nunique() == rounds["before"] + round_
    seeds = read_table(ROOT / "data" / "derived" / "country_mentions.csv", schemas.COUNTRY_MENTIONS)
    kept = after["mentions"][~after["mentions"]["article_id"].isin(added)].reset_index(drop=True)
    assert kept.equals(seeds)
    for article_id in added:
        assert set(after["mentions"].loc[after["mentions"]["article_id"] == article_id, "iso3"]) >= {"PER", "USA", "CHN"}


@pytest.mark.parametrize("round_", [1, 2])
def test_each_added_article_appears_by_name_in_the_reading_notebook_and_the_guide(rounds, round_):
    after = rounds[round_]
    first, guide = after["outputs"]["01_reading_the_articles.ipynb"], after["outputs"]["04_discussion_guide.ipynb"]
    for article_id in [FIRST_ID, SECOND_ID][:round_]:
        name = after["names"][article_id]
        assert name in first or article_id in first, (article_id, name)
        assert name in guide or article_id in guide, (article_id, name)
    assert f"{corpus.in_words(rounds['before'] + round_)} articles" in first.lower()


def test_an_article_without_a_translation_and_without_glosses_is_shown_as_such(rounds):
    first = rounds[2]["outputs"]["01_reading_the_articles.ipynb"]
    assert translations.NOT_TRANSLATED in first
    terms = rounds[2]["top_terms"]  # the values the term chart draws
    assert "[no gloss yet]" in terms and "اتفاق" in terms  # its top term, drawn with its Arabic


def test_figures_and_tables_that_compare_no_articles_stay_the_same_across_rounds(rounds):
    for round_ in (1, 2):
        for name in ("02_evidence_coverage.png", "03_membership_matrix.png", "03_maps.png", "03_peru_timeline.png"):
            assert rounds[round_]["figures"][name] == (ROOT / "figures" / name).read_bytes(), (round_, name)
        for name, data in rounds[round_]["derived"].items():
            assert data == (ROOT / "data" / "derived" / name).read_bytes(), (round_, name)
