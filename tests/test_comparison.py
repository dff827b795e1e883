"""The comparison table (positions.csv): every quote verbatim at its offsets, both eras for every dimension."""

import re

import pytest
from conftest import DATA
from markupsafe import escape

from perucorpus.base import schemas
from perucorpus.base.tables import DataError, edit_rows
from perucorpus.facts import comparison, quotes, record
from perucorpus.present import display
from perucorpus.text import corpus

#: The era labels of the seed eras.csv.
CASTILLO, LATER = "2021 · Castillo government", "2025–26 · Jerí government and its successor"


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
def names(articles):
    return corpus.reader_names(corpus.metadata(articles))


@pytest.fixture(scope="module")
def model(positions, dimensions, articles, rows, presidents, references, names):
    texts = {key: article.raw for key, article in articles.items()}
    return comparison.table_model(positions, dimensions, texts, record.notes(rows, presidents, references), names)


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
    """Every claim of the model is in both renderings; the CSV carries its record note, the page prints each note once."""
    wide = comparison.wide_table(model)
    page = display.evidence_table(model)
    claims = [claim for dimension in model for era in dimension["eras"] for claim in era["claims"]]
    cells = "\n".join(wide[era].str.cat(sep="\n") for era in comparison.era_labels(positions))
    assert all(claim["position_en"] in cells and escape(claim["position_en"]) in page for claim in claims)
    noted = [claim["record"] for claim in claims if claim["record"]]
    assert len(noted) >= 4 and len(set(noted)) < len(noted)  # one note is named by several claims …
    assert all(f"[{text}]" in cells for text in noted)
    for text in set(noted):  # … and printed once on the page, referred to by its number
        body = text.removeprefix(record.LEAD).strip()
        assert page.count(display.mixed(body[:1].upper() + body[1:])) == 1
    assert page.count("What the record adds: see note [1] below.") == noted.count(noted[0])


def test_the_reading_line_names_articles_as_readers_do_and_keeps_the_full_citation(model, names):
    page = display.evidence_table(model)
    stated = [claim for dimension in model for era in dimension["eras"] for claim in era["claims"] if claim["status"] == "stated"]
    for claim in stated:
        article_id, paragraph = claim["citation"].split(", ")[0].split(" ")
        assert claim["source"] == f"{names[article_id].removeprefix('the ')} {paragraph}"
        assert f"({escape(claim['source'])}; " in page and escape(claim["citation"]) in page
    assert "(2025 news report ¶9; " in page
    assert "Only the 2025 news report names Peru&#39;s president in this era; the 2026 explainer" in page
    assert page.count('<details class="evidence">') == len(model) + 1  # folded, one block per dimension, one of notes
    assert display.evidence_table(model, open=True).count('<details open class="evidence">') == len(model) + 1


def test_html_table_quotes_every_claim_right_to_left_and_escaped(positions, model):
    page = display.evidence_table(model)
    stated = positions[positions["status"] == "stated"]
    assert page.count('<blockquote dir="rtl" lang="ar">') == len(stated)
    gaps = positions[positions["status"] == "not_addressed"]
    assert len(gaps) > 0 and all(f"<p><em>{escape(gap.position_en)}</em></p>" in page for gap in gaps.itertuples())
    assert "<script" not in page


def test_html_table_shows_every_rows_note(positions, model, names):
    page = display.evidence_table(model)
    noted = positions[positions["note"] != ""]
    assert len(noted) > 0 and page.count("<p><small>Note: ") == len(noted)
    assert all(display.mixed(corpus.with_reader_names(note, names)) in page for note in noted["note"])


def test_seed_claim_grid_counts_quoted_claims_in_display_order(positions, dimensions):
    counts, sources = comparison.claim_grid(positions, dimensions)
    ordered = dimensions.assign(order=dimensions["order"].astype(int)).sort_values("order")
    assert list(counts.index) == list(ordered["label_en"]) and list(counts.columns) == list(
        comparison.era_labels(positions).values()
    ) == [CASTILLO, LATER]
    assert int(counts.to_numpy().sum()) == (positions["status"] == "stated").sum()
    gap = counts.loc["Counter-narcotics and security cooperation", CASTILLO]
    assert gap == 0 and sources.loc["Counter-narcotics and security cooperation", CASTILLO] == ""
    assert sources.loc["Venezuela's government (Maduro)", LATER] == "jeri2025, shield2026"
    _, named = comparison.claim_grid(positions, dimensions, {"jeri2025_mnna_intent": "the 2025 news report"})
    assert named.loc["Venezuela's government (Maduro)", LATER] == "2025 news report, shield2026_explainer"


def test_a_third_era_is_one_row_of_eras_csv_and_the_table_grows_a_column(
    data_copy, dimensions, articles, rows, presidents, references
):
    with (data_copy / "eras.csv").open("a", encoding="utf-8") as handle:
        handle.write("boluarte_2023,2023–25 · Boluarte government,A test context.,2022-12-07,2025-10-10,A test era.\n")

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
    labels = [CASTILLO, LATER, "2023–25 · Boluarte government"]
    assert list(comparison.era_labels(positions).values()) == labels
    texts = {key: article.raw for key, article in articles.items()}
    model = comparison.table_model(positions, dimensions, texts, record.notes(rows, presidents, references))
    wide = comparison.wide_table(model)
    assert list(wide.columns) == ["dimension", "order", "label_en", "castillo_2021", "trump_2025_26", "boluarte_2023"]
    schemas.positions_wide(comparison.era_labels(positions)).validate(wide.astype(str).astype(object))
    counts, _ = comparison.claim_grid(positions, dimensions)
    assert list(counts.columns) == labels and (counts["2023–25 · Boluarte government"] == 0).all()
    assert '<th scope="col">2023–25 · Boluarte government</th>' in display.evidence_table(model)


# The summary layer: data/position_summaries.csv, one line per cell, checked against positions.csv


def edit_summaries(data_dir, change):
    edit_rows(data_dir / "position_summaries.csv", change)


@pytest.fixture(scope="module")
def summaries(positions):
    return comparison.load_summaries(DATA, positions)


@pytest.fixture(scope="module")
def glance(summaries, positions, dimensions, names, rows, presidents, references):
    facts = record.facts(rows, presidents, references)
    return comparison.summary_model(summaries, positions, dimensions, names, facts, rows, references)


def test_every_cell_has_one_summary_naming_exactly_its_positions(summaries, positions):
    assert len(summaries) == len(set(zip(positions["dimension"], positions["era"])))
    for row in summaries.itertuples():
        cell = positions[(positions["dimension"] == row.dimension) & (positions["era"] == row.era)]
        stated = {text.split(", ")[0] for text in cell.loc[cell["status"] == "stated", "citation"]}
        assert set(filter(None, row.positions.split("; "))) == stated
        assert len(row.summary_en.split()) <= schemas.SUMMARY_WORDS and len(row.short_en.split()) <= schemas.SHORT_WORDS


@pytest.mark.parametrize(
    "change, problem",
    [
        (
            lambda row: row.update(positions=row["positions"] + "; jeri2025_mnna_intent ¶3"),
            "names 'jeri2025_mnna_intent ¶3', which is not a stated position of this cell in positions.csv",
        ),
        (
            lambda row: row.update(positions="jeri2025_mnna_intent ¶9"),
            "leaves out 'jeri2025_mnna_intent ¶2', a stated position of this cell in positions.csv",
        ),
        (lambda row: row.update(positions="jeri2025_mnna_intent ¶9; jeri2025_mnna_intent ¶9; jeri2025_mnna_intent ¶2"), "twice"),
    ],
)
def test_a_summary_that_does_not_name_its_cells_positions_names_the_line(data_copy, change, problem):
    def edit(rows):
        change(next(row for row in rows if (row["dimension"], row["era"]) == ("head_of_state", "trump_2025_26")))

    edit_summaries(data_copy, edit)
    with pytest.raises(DataError, match=rf"position_summaries\.csv:3: head_of_state/trump_2025_26: .*{problem}"):
        comparison.load_summaries(data_copy)


def test_a_gap_names_no_position_and_every_cell_needs_a_summary(data_copy):
    def edit(rows):
        gap = next(row for row in rows if (row["dimension"], row["era"]) == ("security_cooperation", "castillo_2021"))
        gap["positions"] = "castillo2021_lima_exit ¶1"
        rows.remove(next(row for row in rows if row["dimension"] == "source_framing"))

    edit_summaries(data_copy, edit)
    with pytest.raises(DataError) as raised:
        comparison.load_summaries(data_copy)
    assert "security_cooperation/castillo_2021: names 'castillo2021_lima_exit ¶1', which is not a stated position" in str(
        raised.value
    )
    assert "no summary for the cell source_framing/castillo_2021 of positions.csv" in str(raised.value)


@pytest.mark.parametrize(
    "column, value, problem",
    [
        ("summary_en", " ".join(["word"] * (schemas.SUMMARY_WORDS + 1)), f"must be at most {schemas.SUMMARY_WORDS} words"),
        ("short_en", " ".join(["word"] * (schemas.SHORT_WORDS + 1)), f"must be at most {schemas.SHORT_WORDS} words"),
        ("record", "peru_weather_2026", "names a record fact that is not one of"),
        ("era", "inca_1500", "must be one of"),
    ],
)
def test_word_limits_record_facts_and_eras_are_checked_with_file_line_and_column(data_copy, column, value, problem):
    edit_summaries(data_copy, lambda rows: rows[0].update({column: value}))
    with pytest.raises(DataError, match=rf"position_summaries\.csv:2: column '{column}'.*{problem}"):
        comparison.load_summaries(data_copy)


def test_the_summary_model_groups_sources_by_article_with_their_full_citations(glance, positions):
    cells = {(row["dimension"], cell["era"]): cell for row in glance["rows"] for cell in row["cells"]}
    groupings = cells[("regional_groupings", "trump_2025_26")]
    assert [source["source"] for source in groupings["sources"]] == ["2026 explainer ¶23, ¶22", "2025 news report ¶5"]
    assert (
        groupings["sources"][1]["citations"]
        == positions.loc[
            (positions["dimension"] == "regional_groupings") & (positions["article_id"] == "jeri2025_mnna_intent"), "citation"
        ].item()
    )
    assert cells[("security_cooperation", "castillo_2021")]["sources"] == []
    assert [era["label"] for era in glance["eras"]] == [CASTILLO, LATER]
    assert glance["eras"][1]["context"] == "In the United States: the Trump administration, as the articles name it."


def test_the_decisive_facts_sit_in_the_cells_that_need_them_numbered_once(glance):
    facts = {fact["number"]: fact["text"] for fact in glance["facts"]}
    named = {
        (row["dimension"], cell["era"]): [facts[number] for number in cell["record"]]
        for row in glance["rows"]
        for cell in row["cells"]
    }
    assert any("dropped within weeks" in text for text in named[("regional_groupings", "castillo_2021")])
    assert any("Major Non-NATO Ally on 14 January 2026" in text for text in named[("united_states", "trump_2025_26")])
    assert any("under José María Balcázar" in text for text in named[("head_of_state", "trump_2025_26")])
    assert sorted(facts) == list(range(1, len(facts) + 1)) and len(set(facts.values())) == len(facts)


def test_the_summary_table_prints_each_facts_trace_once_and_escapes_everything(glance):
    page = display.summary_table(glance, "<caption>")
    for fact in glance["facts"]:
        assert page.count(display.mixed(fact["trace"])) == 1
        assert page.count(str(escape(fact["text"]))) == 1  # printed once, in the first cell that names it …
        later = sum(fact["number"] in cell["record"] for row in glance["rows"] for cell in row["cells"]) - 1
        assert page.count(f"[{fact['number']}]") == later + 2  # … referred to after (and in its sup and the fold)
        assert display.mixed(fact["sources"]) in page and "_" not in fact["sources"].replace("URL slug", "")
    assert "<caption>&lt;caption&gt;</caption>" in page and "<details>" in page
    assert display.summary_table(glance, "c", open=True).count("<details open>") == 2  # the sources and, inside, the trace
    assert 'title="jeri2025_mnna_intent ¶9, 1785–1874; jeri2025_mnna_intent ¶2, 527–614">2025 news report ¶9, ¶2</span>' in page


def test_split_context_keeps_reference_ids_out_of_the_column_heading():
    shown, proof = comparison.split_context("In the US: X (X did Y in 2022: ref_a_2022, ref_b); no one else.")
    assert shown == "In the US: X; no one else." and proof == "X did Y in 2022: ref_a_2022, ref_b"
    assert comparison.split_context("In the US: X (as the articles name it).") == ("In the US: X (as the articles name it).", "")


def test_summary_model_era_headings_carry_no_reference_ids(glance):
    for era in glance["eras"]:
        assert not re.search(r"[a-z]+_\d{4}_", era["context"]), era["context"]
    assert any("Qatar" in era["proof"] for era in glance["eras"])
    # the proof is read in the reading line without ids; the ids go to the researchers' fold
    assert not any("reference ids" in era["proof"] for era in glance["eras"])
    assert any(era["ids"] == "hbku_2022_qatar, urdupoint_2022_colombia" for era in glance["eras"])


def test_the_era_context_flags_each_step_its_references_alone_record(
    glance, summaries, positions, dimensions, names, rows, presidents, references
):
    """The 2022 designations under the Castillo heading rest on one outlet each (a university's site, Sputnik via
    UrduPoint): flagged from the references' tiers and the memberships rows, in the model and on the page.
    """
    flags = {era["era"]: era["flags"] for era in glance["eras"]}
    assert flags["castillo_2021"] == (
        "Qatar designated (one source: an outlet not of record); Colombia designated (one source: an outlet not of record)"
    )
    assert flags["trump_2025_26"] == ""  # no proof, nothing to flag
    assert "Source caveats: Qatar designated (one source: an outlet not of record);" in display.summary_table(glance, "c")
    bare = comparison.summary_model(summaries, positions, dimensions, names, record.facts(rows, presidents, references))
    assert all(era["flags"] == "" for era in bare["eras"])  # without the record, no flag is guessed


def test_support_points_name_each_eras_articles_and_the_articles_dated_by_inference(positions, articles, names):
    points = comparison.support_points(positions, corpus.metadata(articles), names)
    assert points[0] == f"The column “{CASTILLO}” rests on one article: the 2021 opinion piece (13 quoted positions)."
    assert (
        "rests on two articles: the 2025 news report (10 quoted positions) and the 2026 explainer (10 quoted positions)"
        in points[1]
    )
    assert comparison.WHO_SPEAKS in points
    assert any(point.startswith("Dates: the 2021 opinion piece and the 2025 news report are dated only") for point in points)


def test_the_handout_table_gives_each_cell_its_short_form_and_sources(glance, summaries):
    table = comparison.short_table(glance)
    assert list(table.columns) == ["dimension", "label_en", CASTILLO, LATER]
    row = table.set_index("dimension").loc["united_states"]
    assert row[LATER] == "Trump intends to make Peru a Major Non-NATO Ally. (2025 news report ¶1, ¶2)"
    assert table.set_index("dimension").loc["security_cooperation", CASTILLO] == "Not addressed."
    assert len(table) == summaries["dimension"].nunique()


def test_claims_by_article_writes_each_date_as_readers_meet_it(positions, articles):
    from perucorpus.text import corpus

    meta = corpus.metadata(articles)
    found = comparison.claims_by_article(positions, meta, corpus.reader_names(meta))
    assert "date_basis" not in found.columns and not found["date"].str.contains(r"\d{4}-\d{2}").any()
    assert found["date"].str.endswith("(inferred)").sum() == (meta.loc[found["article_id"], "date_basis"] == "inferred").sum()
