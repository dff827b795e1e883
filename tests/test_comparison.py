"""The comparison table (positions.csv): every quote verbatim at its offsets, both eras for every dimension."""

import pytest
from markupsafe import escape

from perucorpus.base import schemas
from perucorpus.base.tables import DataError, edit_rows
from perucorpus.facts import comparison, quotes, record
from perucorpus.present import display


def edit_positions(data_dir, change):
    edit_rows(data_dir / "positions.csv", change)


def test_a_claim_in_the_wrong_era_names_the_row(data_copy):
    def change(rows):
        claim = next(row for row in rows if row["status"] == "stated" and row["era"] == "castillo_2021")
        claim["era"] = "trump_2025_26"

    edit_positions(data_copy, change)
    with pytest.raises(
        DataError,
        match=r"positions\.csv:\d+: head_of_state/trump_2025_26: era 'trump_2025_26', "
        r"but castillo2021_lima_exit is an article of the 'castillo_2021' era",
    ):
        comparison.load_positions(data_copy)


def test_an_unknown_dimension_names_the_row(data_copy):
    edit_positions(data_copy, lambda rows: rows[0].update(dimension="weather"))
    with pytest.raises(
        DataError, match=r"positions\.csv:2: weather/castillo_2021: dimension 'weather' is not in dimensions\.csv"
    ):
        comparison.load_positions(data_copy)


def test_wrong_quote_names_the_row(data_copy):
    def change(rows):
        rows[3]["quote_ar"] = rows[3]["quote_ar"].replace("فنزويلا", "كوبا")

    edit_positions(data_copy, change)
    with pytest.raises(quotes.QuoteError, match=r"positions\.csv:5: venezuela/castillo_2021: quote not found verbatim"):
        comparison.load_positions(data_copy)


def test_shifted_offsets_name_the_row(data_copy):
    def change(rows):
        rows[0]["start"] = str(int(rows[0]["start"]) + 1)

    edit_positions(data_copy, change)
    with pytest.raises(quotes.QuoteError, match=r"positions\.csv:2: head_of_state/castillo_2021: start/end .* do not match"):
        comparison.load_positions(data_copy)


def test_stated_claim_without_quote_fails_the_schema(data_copy):
    def change(rows):
        rows[0]["quote_ar"] = ""

    edit_positions(data_copy, change)
    with pytest.raises(DataError, match=r"1 problem\(s\).*\n.*positions\.csv:2: row: fails a stated claim needs quote_ar"):
        comparison.load_positions(data_copy)


def test_loaded_positions_cite_each_stated_quote_where_it_is(positions, articles):
    stated = positions[positions["status"] == "stated"]
    assert (positions.loc[positions["status"] != "stated", "citation"] == "").all()
    for row in stated.itertuples():
        text = articles[row.article_id].raw
        paragraph, span = row.citation.removeprefix(f"{row.article_id} ¶").split(", ")
        start, end = (int(value) for value in span.split("–"))
        assert text[start:end] == row.quote_ar and int(paragraph) == quotes.paragraph_number(text, start)


@pytest.fixture(scope="module")
def model(positions, dimensions, articles, rows, presidents, references):
    texts = {key: article.raw for key, article in articles.items()}
    return comparison.table_model(positions, dimensions, texts, record.notes(rows, presidents, references))


def test_wide_table_needs_both_eras(positions, dimensions, articles, model):
    texts = {key: article.raw for key, article in articles.items()}
    wide = comparison.wide_table(model)
    assert list(wide["dimension"]) == list(dimensions.sort_values("order", key=lambda s: s.astype(int))["dimension"])
    with pytest.raises(DataError, match="has no row for era 'castillo_2021'"):
        comparison.table_model(positions[positions["era"] != "castillo_2021"], dimensions, texts, {})


def test_a_claim_naming_an_unknown_record_note_names_the_row(data_copy):
    edit_positions(data_copy, lambda rows: rows[0].update(record="weather_2026"))
    with pytest.raises(DataError, match=r"positions\.csv:2: head_of_state/castillo_2021: record 'weather_2026' is not one of"):
        comparison.load_positions(data_copy)


def test_the_csv_and_the_page_come_from_one_model(model, positions):
    """Every claim of the model is in both renderings, with its record note where it names one."""
    wide = comparison.wide_table(model)
    page = display.evidence_table(model)
    claims = [claim for dimension in model for era in dimension["eras"] for claim in era["claims"]]
    cells = "\n".join(wide[era].str.cat(sep="\n") for era in comparison.era_labels(positions))
    assert all(claim["position_en"] in cells and escape(claim["position_en"]) in page for claim in claims)
    noted = [claim["record"] for claim in claims if claim["record"]]
    assert len(noted) >= 4
    assert all(f"[{text}]" in cells and display.mixed(text) in page for text in noted)


def test_html_table_quotes_every_claim_right_to_left_and_escaped(positions, model):
    page = display.evidence_table(model)
    stated = positions[positions["status"] == "stated"]
    assert page.count('<blockquote dir="rtl" lang="ar">') == len(stated)
    gaps = positions[positions["status"] == "not_addressed"]
    assert len(gaps) > 0 and all(f"<p><em>{escape(gap.position_en)}</em></p>" in page for gap in gaps.itertuples())
    assert "<script" not in page


def test_html_table_shows_every_rows_note(positions, model):
    page = display.evidence_table(model)
    noted = positions[positions["note"] != ""]
    assert len(noted) > 0 and page.count("<p><small>Note: ") == len(noted)
    assert all(display.mixed(note) in page for note in noted["note"])


def test_seed_claim_grid_counts_quoted_claims_in_display_order(positions, dimensions):
    counts, sources = comparison.claim_grid(positions, dimensions)
    ordered = dimensions.assign(order=dimensions["order"].astype(int)).sort_values("order")
    assert list(counts.index) == list(ordered["label_en"]) and list(counts.columns) == list(
        comparison.era_labels(positions).values()
    ) == ["Castillo era (2021)", "Trump era (2025–26)"]
    assert int(counts.to_numpy().sum()) == (positions["status"] == "stated").sum()
    gap = counts.loc["Counter-narcotics and security cooperation", "Castillo era (2021)"]
    assert gap == 0 and sources.loc["Counter-narcotics and security cooperation", "Castillo era (2021)"] == ""
    assert sources.loc["Venezuela's government (Maduro)", "Trump era (2025–26)"] == "jeri2025, shield2026"


def test_a_third_era_is_one_row_of_eras_csv_and_the_table_grows_a_column(
    data_copy, dimensions, articles, rows, presidents, references
):
    with (data_copy / "eras.csv").open("a", encoding="utf-8") as handle:
        handle.write("boluarte_2023,Boluarte era (2023–25),2022-12-07,2025-10-10,A test era.\n")

    def gaps(rows):  # the new era addresses no dimension yet: one 'not addressed' row each
        template = {key: "" for key in rows[0]}
        rows += [
            dict(
                template,
                dimension=dimension,
                era="boluarte_2023",
                status="not_addressed",
                position_en="No article of this era yet.",
            )
            for dimension in dimensions["dimension"]
        ]

    edit_positions(data_copy, gaps)
    positions = comparison.load_positions(data_copy)
    labels = ["Castillo era (2021)", "Trump era (2025–26)", "Boluarte era (2023–25)"]
    assert list(comparison.era_labels(positions).values()) == labels
    texts = {key: article.raw for key, article in articles.items()}
    model = comparison.table_model(positions, dimensions, texts, record.notes(rows, presidents, references))
    wide = comparison.wide_table(model)
    assert list(wide.columns) == ["dimension", "order", "label_en", "castillo_2021", "trump_2025_26", "boluarte_2023"]
    schemas.positions_wide(comparison.era_labels(positions)).validate(wide.astype(str).astype(object))
    counts, _ = comparison.claim_grid(positions, dimensions)
    assert list(counts.columns) == labels and (counts["Boluarte era (2023–25)"] == 0).all()
    assert '<th scope="col">Boluarte era (2023–25)</th>' in display.evidence_table(model)
