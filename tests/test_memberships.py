"""Alliance memberships: sources, quotes, codes from libraries, dates, and shapes for every country."""

from datetime import date

import numpy as np
import pandas as pd
import pytest
from conftest import DATA, SEED_SIGNATORIES
from matplotlib.figure import Figure

from perucorpus.base.tables import DataError, edit_rows
from perucorpus.facts import memberships
from perucorpus.present import maps


@pytest.fixture(scope="module")
def shapes():
    return maps.load_shapes(DATA / "geo" / "americas_50m.geojson")


def edit(data_dir, change):
    edit_rows(data_dir / "memberships.csv", change)


def test_seed_seventeen_signatories_each_found_by_the_gazetteer_in_004(rows, gaz, articles):
    signed = rows[(rows["grouping"] == "accc") & (rows["status"] == "signatory") & (rows["source_kind"] == "article")]
    assert len(signed) == 17 and set(signed["iso3"]) == SEED_SIGNATORIES
    text = articles["shield2026_explainer"].raw
    for row in signed.itertuples():
        span = text[int(row.quote_start) : int(row.quote_end)]
        assert row.iso3 in {m.entry.iso3 for m in gaz.countries(span, "shield2026_explainer")}


def test_an_article_row_whose_offsets_or_quote_drift_stops_with_its_line(data_copy):
    def shift(rows):
        row = next(row for row in rows if row["source_kind"] == "article")
        row["quote_start"] = str(int(row["quote_start"]) + 1)

    edit_rows(data_copy / "memberships.csv", shift)
    with pytest.raises(DataError, match=r"memberships\.csv:2: .*quote_start/quote_end should be"):
        memberships.load_memberships(data_copy)


def test_peru_is_modelled_step_by_step(rows):
    peru = rows[(rows["iso3"] == "PER") & (rows["source_kind"] == "external")]
    steps = set(zip(peru["grouping"], peru["status"]))
    assert {
        ("lima_group", "founding_member"),
        ("lima_group", "announced_withdrawal"),
        ("mnna", "notified"),
        ("mnna", "designated"),
        ("accc", "signatory"),
    } <= steps
    assert not ((peru["grouping"] == "lima_group") & (peru["status"] == "withdrew")).any()  # announced, never formal
    assert memberships.status_on(rows, "mnna", date(2025, 12, 31), "external")["PER"] == "notified"
    assert memberships.status_on(rows, "mnna", date(2026, 2, 1), "external")["PER"] == "designated"


def test_wrong_library_field_names_the_line(data_copy):
    edit(data_copy, lambda table: table[0].update(cow_code="999"))
    with pytest.raises(DataError, match=r"memberships\.csv:2: USA/accc: cow_code is '999', the library says '2'"):
        memberships.load_memberships(data_copy)


def test_unknown_reference_names_the_line(data_copy):
    def change(table):
        row = next(row for row in table if row["source_kind"] == "external")
        row["source"] = "no_such_reference"

    edit(data_copy, change)
    with pytest.raises(DataError, match=r"ref_id 'no_such_reference' is not in references\.csv"):
        memberships.load_memberships(data_copy)


def test_a_note_citing_an_unknown_source_names_the_line(data_copy):
    edit(data_copy, lambda table: table[0].update(note="As reported (no_such_ref_2026)."))
    with pytest.raises(DataError, match=r"memberships\.csv:2: USA/accc: note cites \(no_such_ref_2026\), which is neither"):
        memberships.load_memberships(data_copy)


def test_an_unknown_country_code_names_the_line(data_copy):
    edit(data_copy, lambda table: table[1].update(iso3="XXX"))
    with pytest.raises(
        DataError, match=r"memberships\.csv:3: XXX/accc: iso3 'XXX' is not an ISO 3166-1 alpha-3 code that CLDR names"
    ):
        memberships.load_memberships(data_copy)


def test_fill_recomputes_the_library_columns_and_names_the_line_of_an_unknown_code(data_copy):
    edit(data_copy, lambda table: table[0].update(cow_code="999", quote_start="0"))
    memberships.fill(data_copy / "memberships.csv")
    assert (data_copy / "memberships.csv").read_bytes() == (DATA / "memberships.csv").read_bytes()
    edit(data_copy, lambda table: table[1].update(iso3="XXX"))
    with pytest.raises(DataError, match=r"memberships\.csv:3: no CLDR name for 'XXX'"):
        memberships.fill(data_copy / "memberships.csv")


def test_start_after_end_is_an_error(data_copy):
    edit(data_copy, lambda table: table[0].update(end="2020-01-01"))
    with pytest.raises(DataError, match=r"memberships\.csv:2: .*start 2026-03-05 is after end 2020-01-01"):
        memberships.load_memberships(data_copy)


def test_every_country_of_the_americas_in_the_data_has_a_shape(rows, shapes):
    from perucorpus.base import countries

    americas = rows[countries.in_americas(list(rows["iso3"]))]
    assert sorted(set(americas["iso3"]) - set(shapes)) == []


def test_small_island_states_get_markers(shapes):
    figure = Figure()
    axes = figure.subplots()
    colours = {iso3: "red" for iso3 in ["BHS", "JAM", "TTO", "LCA", "DOM", "BRA", "HTI"]}
    markers = maps.draw(axes, shapes, colours)
    assert {"BHS", "JAM", "TTO", "LCA"} <= set(markers)
    assert "BRA" not in markers
    west, east, south, north = maps.EXTENT
    assert all(west < x < east and south < y < north for x, y in markers.values())


def test_loaded_dates_are_dates_with_their_precision(rows):
    peru = rows[(rows["iso3"] == "PER") & (rows["status"] == "announced_withdrawal") & (rows["source_kind"] == "external")].iloc[
        0
    ]
    assert peru["start"].precision == "month" and str(peru["start"]) == "2021-08"
    assert (peru["start_date"], peru["end_date"]) == (date(2021, 8, 1), None)
    afghanistan = rows[(rows["iso3"] == "AFG")].iloc[0]
    assert afghanistan["end_date"] == date(2022, 9, 23) and afghanistan["start_date"] == date(2012, 7, 1)


def test_a_stated_date_missing_from_source_states_names_file_line_and_reference(data_copy):
    peru_in_january = "El Reportero Andino says Presidential Determination No. 2026-04 is dated January 2026."
    edit(
        data_copy,
        lambda table: next(row for row in table if row["iso3"] == "PER" and row["status"] == "designated").update(
            source_states=peru_in_january
        ),
    )
    with pytest.raises(
        DataError,
        match=r"memberships\.csv:\d+: PER/mnna: start 2026-01-14 is 'stated' but source_states does not "
        r"write it out \(day, month and year\).*\(ref_id reporteroandino_2026_peru\)",
    ):
        memberships.load_memberships(data_copy)


def test_a_derived_date_needs_its_derivation_and_article_rows_have_no_basis(data_copy):
    def change(table):
        next(row for row in table if row["iso3"] == "MAR").update(start_derivation="")
        next(row for row in table if row["source_kind"] == "article").update(start_basis="stated")

    edit(data_copy, change)
    with pytest.raises(DataError) as error:
        memberships.load_memberships(data_copy)
    assert "an article row has no start_basis, end_basis or derivations" in str(error.value)
    edit(data_copy, lambda table: next(row for row in table if row["source_kind"] == "article").update(start_basis=""))
    with pytest.raises(
        DataError, match=r"MAR/mnna: start 2004-06-03 is 'derived' but start_derivation is empty \(ref_id news24_2004_morocco\)"
    ):
        memberships.load_memberships(data_copy)


def test_an_external_row_needs_source_states(data_copy):
    edit(data_copy, lambda table: next(row for row in table if row["iso3"] == "TWN").update(source_states=""))
    with pytest.raises(DataError, match="an external row needs source_states"):
        memberships.load_memberships(data_copy)


def test_seed_exits_shows_derived_dates_with_their_derivation(rows):
    found = memberships.exits(rows).set_index("iso3")
    assert list(found.index) == ["MEX", "BOL", "ARG", "PER"]  # oldest first; only countries an article says left
    assert found.at["ARG", "date"] == "2021-03-24"
    assert found.at["BOL", "date"].startswith("2020-11-08 (derived: Luis Arce's inauguration")
    assert found.at["PER", "exit"] == "exit announced, not formalised"


def test_guyana_is_qualified_at_the_end_of_2021(rows):
    assert memberships.status_on(rows, "lima_group", date(2021, 12, 31), "external")["GUY"] == "member_not_endorsing"
    assert memberships.status_on(rows, "lima_group", date(2019, 12, 31), "external")["GUY"] == "member"


def test_area_and_marker_of_a_square():
    square = [[np.array([[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]], dtype=float)]]
    assert maps.area(square) == pytest.approx(4.0)
    assert maps.marker_position(square) == pytest.approx((1.0, 1.0))


def test_status_on_takes_the_latest_current_spell():
    frame = pd.DataFrame(
        {
            "iso3": ["X", "X", "Y"],
            "grouping": ["g"] * 3,
            "status": ["member", "withdrew", "member"],
            "source_kind": ["external"] * 3,
            "start_date": [date(2017, 1, 1), date(2020, 1, 1), date(2019, 1, 1)],
            "end_date": [None, None, date(2019, 6, 30)],
        }
    )
    expected = pd.Series(["member", "member"], index=pd.Index(["X", "Y"], name="iso3"), name="status")
    pd.testing.assert_series_equal(memberships.status_on(frame, "g", date(2019, 3, 1)), expected, check_dtype=False)
    assert memberships.status_on(frame, "g", date(2021, 1, 1)).to_dict() == {"X": "withdrew"}


def test_snapshot_reads_each_column_on_its_date_from_its_kind_of_source():
    frame = pd.DataFrame(
        {
            "iso3": ["X", "X", "Y"],
            "grouping": ["g", "g", "h"],
            "status": ["member", "withdrew", "signatory"],
            "source_kind": ["external", "external", "article"],
            "start_date": [date(2017, 1, 1), date(2020, 1, 1), date(2026, 3, 5)],
            "end_date": [None, None, None],
        }
    )
    columns = {"g_2019": ("g", date(2019, 1, 1), "external"), "h_2026": ("h", date(2026, 3, 13), "article")}
    expected = pd.DataFrame({"g_2019": ["member", None], "h_2026": [None, "signatory"]}, index=["X", "Y"])
    pd.testing.assert_frame_equal(memberships.snapshot(frame, columns), expected, check_dtype=False, check_names=False)


def test_peru_steps_are_dated_by_the_references_and_name_the_article_reporting_them(rows):
    steps = memberships.steps(rows, "PER", memberships.PERU_STEP_TEXT)
    assert list(zip(steps["start"].map(str), steps["event"])) == [
        ("2017-08-08", "signs the Lima Declaration"),
        ("2021-08", "announces exit from the Lima Group"),
        ("2025-12-11", "US notifies Congress: MNNA intent"),
        ("2026-01-14", "designated Major Non-NATO Ally"),
        ("2026-03-05", "signs the counter-cartel declaration"),
    ]
    assert set(steps["source_kind"]) == {"external"}  # the dates are the references'
    assert steps["date"].iloc[2].startswith("2025-12-11 (derived: 'on Thursday'")  # a derived date travels with its derivation
    assert list(steps["article"]) == ["", "castillo2021_lima_exit", "jeri2025_mnna_intent", "", "shield2026_explainer"]


def test_a_step_without_wording_stops_with_its_name(rows):
    texts = {key: text for key, text in memberships.PERU_STEP_TEXT.items() if key != ("mnna", "designated")}
    with pytest.raises(ValueError, match=r"no wording for PER's step\(s\) \[\('mnna', 'designated'\)\]"):
        memberships.steps(rows, "PER", texts)


def test_seed_article_rows_cite_paragraph_and_span_and_external_rows_cite_nothing(rows):
    peru = rows[(rows["iso3"] == "PER") & (rows["grouping"] == "accc")].set_index("source_kind")
    assert peru.loc["article", "citation"] == "shield2026_explainer ¶23, 3848–4121"  # the signatory list
    assert (rows.loc[rows["source_kind"] == "external", "citation"] == "").all()


# From mutation testing (benchmarks/mutation.py, docs/mutation.md): each test below fails on a change the
# other tests let through.


def spells(*rows):
    columns = ["iso3", "grouping", "status", "source_kind", "start_date", "end_date"]
    return pd.DataFrame(rows, columns=columns).assign(source="r", start_basis="stated", start_derivation="")


def test_status_on_counts_the_first_and_the_last_day_of_a_spell():
    frame = spells(("X", "g", "member", "external", date(2019, 1, 1), date(2019, 6, 30)))
    for day in (date(2019, 1, 1), date(2019, 6, 30)):  # both ends are days of the spell
        assert memberships.status_on(frame, "g", day).to_dict() == {"X": "member"}
    for day in (date(2018, 12, 31), date(2019, 7, 1)):
        assert memberships.status_on(frame, "g", day).empty


def test_snapshot_passes_each_columns_kind_of_source_on():
    frame = spells(
        ("X", "g", "member", "external", date(2017, 1, 1), None),
        ("X", "g", "withdrew", "article", date(2018, 1, 1), None),  # what an article says, later
    )
    columns = {"references": ("g", date(2019, 1, 1), "external"), "article": ("g", date(2019, 1, 1), "article")}
    assert memberships.snapshot(frame, columns).loc["X"].to_dict() == {"references": "member", "article": "withdrew"}


def test_steps_keep_one_row_per_step_the_earliest():
    frame = spells(
        ("X", "g", "member", "external", date(2019, 1, 1), None),
        ("X", "g", "member", "external", date(2017, 1, 1), None),  # the same step, recorded twice
        ("X", "g", "withdrew", "external", date(2020, 1, 1), None),
    ).assign(start=lambda rows: rows["start_date"].map(str))
    found = memberships.steps(frame, "X", {("g", "member"): "joins", ("g", "withdrew"): "leaves"})
    assert list(zip(found["event"], found["start_date"])) == [("joins", date(2017, 1, 1)), ("leaves", date(2020, 1, 1))]


def test_a_step_without_wording_names_the_file_and_what_to_do(rows):
    texts = {key: text for key, text in memberships.PERU_STEP_TEXT.items() if key != ("mnna", "designated")}
    with pytest.raises(
        ValueError, match=r"^\S*data/memberships\.csv: no wording for PER's step\(s\) .*; add them to the step texts$"
    ):
        memberships.steps(rows, "PER", texts)
    frame = spells(("X", "g", "member", "external", date(2019, 1, 1), None))
    with pytest.raises(ValueError, match=r"^memberships\.csv: no wording"):  # a frame not read from a file
        memberships.steps(frame, "X", {("g", "withdrew"): "leaves"})


def test_peru_step_is_the_date_of_that_status(rows):
    assert memberships.peru_step(rows, "mnna", "notified") == date(2025, 12, 11)
    assert memberships.peru_step(rows, "mnna", "designated") == date(2026, 1, 14)
