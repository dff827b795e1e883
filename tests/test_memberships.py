"""Alliance memberships: sources, quotes, codes from libraries, dates, and shapes for every country."""

import csv
import io
import re
from datetime import date

import numpy as np
import pandas as pd
import pytest
from conftest import DATA, SEED_SIGNATORIES
from matplotlib.figure import Figure

from perucorpus import cli
from perucorpus.base import schemas
from perucorpus.base.tables import DataError, edit_rows, read_table
from perucorpus.facts import memberships
from perucorpus.facts.collection import Collection
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
        row = next(row for row in rows if row["source_article"])
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
    assert not ((peru["grouping"] == "lima_group") & (peru["status"] == "withdrew")).any()  # announced, then dropped
    assert memberships.status_on(rows, "lima_group", date(2021, 8, 20), "external")["PER"] == "announced_withdrawal"
    assert memberships.status_on(rows, "lima_group", date(2021, 12, 31), "external")["PER"] == "exit_dropped"
    assert memberships.status_on(rows, "mnna", date(2025, 12, 31), "external")["PER"] == "notified"
    assert memberships.status_on(rows, "mnna", date(2026, 2, 1), "external")["PER"] == "designated"


#: The first Major Non-NATO Allies: designated in the late 1980s, deemed designated again by 22 U.S.C. 2321k from 1996.
FIRST_FIVE = {"AUS", "EGY", "ISR", "JPN", "KOR"}


def test_seed_first_five_allies_are_modelled_in_both_steps(rows):
    mnna = rows[(rows["grouping"] == "mnna") & (rows["source_kind"] == "external") & rows["iso3"].isin(FIRST_FIVE)]
    for iso3, spells in mnna.sort_values("start_date").groupby("iso3"):
        assert list(spells["status"]) == ["designated", "designated"], iso3
        first, deemed = spells.itertuples()
        assert first.start_date.year < 1990 and first.source_ref != "uscode_2321k", iso3  # the first designation
        assert (deemed.start_date, deemed.source_ref) == (date(1996, 7, 21), "uscode_2321k"), iso3  # the deeming clause
        assert "1989" in first.note and "1987" in first.note, iso3  # the sources' disagreement on the year is recorded


def test_seed_status_in_1990_knows_the_first_five_and_no_later_ally(rows):
    in_1990 = memberships.status_on(rows, "mnna", date(1990, 6, 30), "external")
    assert set(in_1990.index) == FIRST_FIVE and set(in_1990) == {"designated"}  # New Zealand and Jordan came in 1996
    assert memberships.status_on(rows, "mnna", date(1986, 12, 31), "external").empty
    assert FIRST_FIVE <= set(memberships.status_on(rows, "mnna", date(1996, 7, 21), "external").index)


def test_a_later_spell_of_the_same_status_keeps_the_status_between_and_after():
    spells = pd.DataFrame(
        {
            "iso3": ["ISR", "ISR"],
            "grouping": ["mnna", "mnna"],
            "status": ["designated", "designated"],
            "source_kind": ["external", "external"],
            "start_date": [date(1987, 2, 1), date(1996, 7, 21)],
            "end_date": [None, None],
        }
    )
    assert memberships.status_on(spells, "mnna", date(1986, 1, 1)).empty
    assert memberships.status_on(spells, "mnna", date(1990, 1, 1)).to_dict() == {"ISR": "designated"}
    assert memberships.status_on(spells, "mnna", date(2000, 1, 1)).to_dict() == {"ISR": "designated"}


def test_wrong_library_field_names_the_line(data_copy):
    edit(data_copy, lambda table: table[0].update(cow_code="999"))
    with pytest.raises(DataError, match=r"memberships\.csv:2: USA/accc: cow_code is '999', the library says '2'"):
        memberships.load_memberships(data_copy)


def test_unknown_reference_names_the_line(data_copy):
    def change(table):
        row = next(row for row in table if row["source_ref"])
        row["source_ref"] = "no_such_reference"

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
    memberships.fill(data_copy / "memberships.csv", Collection(data_copy).texts)
    assert (data_copy / "memberships.csv").read_bytes() == (DATA / "memberships.csv").read_bytes()
    edit(data_copy, lambda table: table[1].update(iso3="XXX"))
    with pytest.raises(DataError, match=r"memberships\.csv:3: no CLDR name for 'XXX'"):
        memberships.fill(data_copy / "memberships.csv", Collection(data_copy).texts)


def test_start_after_end_is_an_error(data_copy):
    edit(data_copy, lambda table: table[0].update(end="2020-01-01", end_status=""))
    with pytest.raises(DataError, match=r"memberships\.csv:2: .*start 2026-03-05 is after end 2020-01-01"):
        memberships.load_memberships(data_copy)


def test_every_country_of_the_americas_in_the_data_has_a_shape(rows, shapes):
    from perucorpus.base import countries

    americas = rows[countries.in_americas(list(rows["iso3"]))]
    assert sorted(set(americas["iso3"]) - set(shapes)) == []


def test_small_island_states_get_markers(shapes):
    figure = Figure()
    axes = figure.subplots()
    projected = maps.project(shapes)
    categories = dict.fromkeys(["BHS", "JAM", "TTO", "LCA", "DOM", "BRA", "HTI"], "in")
    markers = maps.draw(axes, projected, categories, marked={"BRB"})
    assert {"BHS", "JAM", "TTO", "LCA", "BRB"} <= set(markers)  # Barbados has no category, but a map names it
    assert "BRA" not in markers and "GRD" not in markers
    west, east, south, north = maps.EXTENT
    assert all(west < x < east and south < y < north for x, y in markers.values())


def test_loaded_dates_are_dates_with_their_precision(rows):
    peru = rows[(rows["iso3"] == "PER") & (rows["status"] == "announced_withdrawal") & (rows["source_kind"] == "external")].iloc[
        0
    ]
    assert peru["start"].precision == "month" and str(peru["start"]) == "2021-08"
    assert (peru["start_date"], peru["end_date"]) == (date(2021, 8, 1), date(2021, 9, 7))  # ends when dropped
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
        next(row for row in table if row["source_article"]).update(start_basis="stated")

    edit(data_copy, change)
    with pytest.raises(DataError) as error:
        memberships.load_memberships(data_copy)
    assert "an article row has no start_basis, end_basis or derivations" in str(error.value)
    edit(data_copy, lambda table: next(row for row in table if row["source_article"]).update(start_basis=""))
    with pytest.raises(
        DataError, match=r"MAR/mnna: start 2004-06-03 is 'derived' but start_derivation is empty \(ref_id news24_2004_morocco\)"
    ):
        memberships.load_memberships(data_copy)


def test_an_external_row_needs_source_states(data_copy):
    edit(data_copy, lambda table: next(row for row in table if row["iso3"] == "TWN").update(source_states=""))
    with pytest.raises(DataError, match="an external row needs source_states"):
        memberships.load_memberships(data_copy)


def test_seed_exits_shows_derived_dates_with_their_derivation(rows):
    found = memberships.exits(rows)
    # oldest first; only countries an article says left; Peru's announcement and its dropping both shown
    assert list(zip(found["iso3"], found["status"])) == [
        ("MEX", "stopped_taking_part"),
        ("BOL", "stopped_taking_part"),
        ("ARG", "withdrew"),
        ("PER", "announced_withdrawal"),
        ("PER", "exit_dropped"),
    ]
    assert list(found["left"]) == [False, False, True, False, False]
    by_status = found.set_index("status")
    assert by_status.at["withdrew", "date"].startswith("2021-03-24 (derived: 'ayer' (yesterday) in a report dated")
    assert by_status.at["announced_withdrawal", "date"].startswith("2021-08 (derived: no source found dates")
    assert found["date"].iloc[1].startswith("2020-11-08 (derived: Luis Arce's inauguration")
    assert by_status.at["exit_dropped", "exit"] == "announced an exit from the Lima Group, then dropped it"


def test_stopping_to_take_part_is_coded_the_same_for_mexico_guyana_and_bolivia(rows):
    end_2021 = memberships.status_on(rows, "lima_group", date(2021, 12, 31), "external")
    assert {end_2021[iso3] for iso3 in ("MEX", "GUY", "BOL")} == {"stopped_taking_part"}
    assert end_2021["LCA"] == "withdrew"  # left 'con efecto inmediato': a declaration in effect
    assert memberships.status_on(rows, "lima_group", date(2019, 12, 31), "external")["GUY"] == "member"


def test_every_exit_row_is_coded_by_the_rule_from_its_answers(rows):
    answers = read_table(DATA / "lima_group_exits.csv", schemas.LIMA_GROUP_EXITS)
    external = rows[(rows["grouping"] == "lima_group") & (rows["source_kind"] == "external")]
    exit_rows = external[external["status"].isin(memberships.EXIT_STATUSES)]
    assert len(answers) == len(exit_rows) > 0  # one row of answers per exit row
    for row in answers.itertuples():
        coded = exit_rows[(exit_rows["iso3"] == row.iso3) & (exit_rows["source_ref"] == row.source)]
        coded = coded[coded["start"].map(str) == row.start]
        assert list(coded["status"]) == [memberships.exit_kind(row.declared, row.in_effect, row.set_aside)]


def test_the_rule_gives_each_kind_from_its_answers_and_nothing_else():
    assert memberships.exit_kind("yes", "yes", "no") == "withdrew"
    assert memberships.exit_kind("yes", "no", "no") == "announced_withdrawal"
    assert memberships.exit_kind("yes", "no", "yes") == "exit_dropped"
    assert memberships.exit_kind("no", "", "no") == "stopped_taking_part"
    with pytest.raises(ValueError, match="no kind of exit has declared='yes', in_effect='yes', set_aside='yes'"):
        memberships.exit_kind("yes", "yes", "yes")  # an exit in effect, then undone: not a kind the rule knows
    assert memberships.LEFT == ("withdrew",)
    assert set(memberships.exit_rule()["status"]) == set(schemas.EXIT_KINDS) <= set(schemas.MEMBERSHIP_STATUSES)


def test_the_codebook_states_the_rule_in_the_schemas_words():
    codebook = (DATA / "README.md").read_text(encoding="utf-8")
    for question, text in schemas.EXIT_QUESTIONS.items():
        assert f"- `{question}`: {text}" in codebook
    for status, kind in schemas.EXIT_KINDS.items():
        assert f"| `{status}` | {kind['declared']} | {kind['in_effect'] or '—'} | {kind['set_aside']} |" in codebook
        assert kind["definition"] in codebook


def edit_answers(data_dir, change):
    edit_rows(data_dir / "lima_group_exits.csv", change)


def test_an_answer_that_gives_another_kind_stops_with_its_line(data_copy):
    def saint_lucia_only_intended(rows):
        next(row for row in rows if row["iso3"] == "LCA").update(in_effect="no")

    edit_answers(data_copy, saint_lucia_only_intended)
    with pytest.raises(
        DataError,
        match=r"lima_group_exits\.csv:\d+: LCA: its answers give 'announced_withdrawal' by the exit rule, "
        r"but memberships\.csv codes the row 'withdrew'",
    ):
        memberships.load_memberships(data_copy)


def test_an_exit_row_without_answers_or_evidence_stops(data_copy):
    edit_answers(data_copy, lambda rows: rows.__setitem__(slice(None), [row for row in rows if row["iso3"] != "MEX"]))
    with pytest.raises(
        DataError, match=r"memberships\.csv:\d+: MEX/lima_group: exit status 'stopped_taking_part' has no answers"
    ):
        memberships.load_memberships(data_copy)
    edit_answers(data_copy, lambda rows: rows[0].update(evidence="left the group with a bang"))
    with pytest.raises(DataError, match=r"evidence 'left the group with a bang' is not in the row's source_states"):
        memberships.load_memberships(data_copy)


def test_a_dropped_exit_must_end_the_announcement(data_copy):
    def never_ends(rows):
        next(row for row in rows if row["iso3"] == "PER" and row["status"] == "announced_withdrawal" and row["end"]).update(
            end="", end_basis="", end_derivation="", end_status="not_recorded"
        )

    edit(data_copy, never_ends)
    with pytest.raises(DataError, match=r"PER/lima_group: the announced exit it sets aside should end on 2021-09-07"):
        memberships.load_memberships(data_copy)


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
        ("2021-09-07", "reported: Béjar's successor has dropped the exit"),
        ("2025-12-11", "US notifies Congress: intent to designate Major Non-NATO Ally"),
        ("2026-01-14", "designated Major Non-NATO Ally"),
        ("2026-03-05", "signs the counter-cartel declaration"),
    ]
    assert set(steps["source_kind"]) == {"external"}  # the dates are the references'
    assert steps["date"].iloc[3].startswith("2025-12-11 (derived: 'on Thursday'")  # a derived date travels with its derivation
    assert list(steps["article"]) == ["", "castillo2021_lima_exit", "", "jeri2025_mnna_intent", "", "shield2026_explainer"]


def test_a_step_without_wording_stops_with_its_name(rows):
    texts = {key: text for key, text in memberships.PERU_STEP_TEXT.items() if key != ("mnna", "designated")}
    with pytest.raises(ValueError, match=r"no wording for PER's step\(s\) \[\('mnna', 'designated'\)\]"):
        memberships.steps(rows, "PER", texts)


def test_seed_article_rows_cite_paragraph_and_span_and_external_rows_cite_nothing(rows):
    peru = rows[(rows["iso3"] == "PER") & (rows["grouping"] == "accc")].set_index("source_kind")
    assert peru.loc["article", "citation"] == "shield2026_explainer ¶23, 3848–4121"  # the signatory list
    assert (rows.loc[rows["source_kind"] == "external", "citation"] == "").all()


def test_migrate_splits_the_former_source_column_and_is_rerunnable(data_copy):
    current = (data_copy / "memberships.csv").read_text(encoding="utf-8")

    def former(rows):  # the file as written before the split: one source column and its kind
        for row in rows:
            row["source"] = row.pop("source_article") or row.pop("source_ref")
            row.pop("source_ref", None)
            row["source_kind"] = "article" if row["quote_ar"] else "external"
            row.pop("end_status")

    rows = list(csv.DictReader(io.StringIO(current)))
    former(rows)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (data_copy / "memberships.csv").write_text(out.getvalue(), encoding="utf-8")
    assert memberships.migrate(data_copy / "memberships.csv") == len(rows)
    assert (data_copy / "memberships.csv").read_text(encoding="utf-8") == current
    assert memberships.migrate(data_copy / "memberships.csv") == len(rows)  # a current file is left as it is
    assert (data_copy / "memberships.csv").read_text(encoding="utf-8") == current
    assert cli.main(["migrate", "memberships.csv", "--data", str(data_copy)]) == 0


def test_migrate_refuses_an_unknown_source_kind(data_copy):
    text = (data_copy / "memberships.csv").read_text(encoding="utf-8")
    header, first = text.split("\n")[:2]
    broken = (
        header.replace("source_article,source_ref", "source_kind,source")
        + "\n"
        + first.replace(",shield2026_explainer,,", ",quoted,shield2026_explainer,", 1)
    )
    (data_copy / "memberships.csv").write_text(broken + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="source_kind 'quoted' is neither 'article' nor 'external'"):
        memberships.migrate(data_copy / "memberships.csv")


def test_an_open_end_needs_its_end_status(data_copy):
    edit(data_copy, lambda table: table[0].update(end_status=""))
    with pytest.raises(DataError, match=r"memberships\.csv:2: row: fails end_status is empty exactly when end is given"):
        memberships.load_memberships(data_copy)


# From mutation testing (benchmarks/mutation.py, docs/mutation.md): each test below fails on a change the
# other tests let through.


def spells(*rows):
    columns = ["iso3", "grouping", "status", "source_kind", "start_date", "end_date"]
    return pd.DataFrame(rows, columns=columns).assign(
        source_article="", source_ref="r", start_basis="stated", start_derivation=""
    )


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


def test_notebook_03_findings_state_what_the_memberships_hold(collection):
    """The numbers and names in notebook 03's Findings paragraph follow from memberships.csv and the exit rule."""
    import nbformat

    from perucorpus.base.countries import country_label
    from perucorpus.text import corpus

    book = nbformat.read(DATA.parent / "notebooks" / "03_alliance_membership.ipynb", as_version=4)
    findings = re.search(r"\*\*Findings\.\*\*([^\n]+)", book.cells[0].source).group(1)
    rows, exits = collection.memberships, collection.exits

    def listed(codes: set[str]) -> str:
        labels = sorted(country_label(code)[0] for code in codes)
        return ", ".join(labels[:-1]) + " and " + labels[-1]

    def having(grouping: str, *statuses: str, article: str | None = None) -> set[str]:
        chosen = rows[(rows["grouping"] == grouping) & rows["status"].isin(statuses)]
        return set((chosen[chosen["source_article"] == article] if article else chosen)["iso3"])

    left = set(exits[(exits["declared"] == "yes") & (exits["in_effect"] == "yes")]["iso3"])
    assert f"only {listed(left)} left" in findings
    stopped_clause = findings.split(" stopped taking part")[0].rsplit(";", 1)[-1]
    stopped = set(exits[exits["declared"] == "no"]["iso3"])
    assert {country_label(code)[0] for code in stopped} == set(re.findall(r"[A-Z][a-z]+", stopped_clause))
    signed = having("accc", "signatory", article="shield2026_explainer")
    in_lima = signed & having("lima_group", "founding_member", "member")
    assert f"{corpus.in_words(len(in_lima)).capitalize()} of the {len(signed)} signatories" in findings
    founders_absent = having("lima_group", "founding_member") & having("accc", "absent")
    absent = having("accc", "absent")
    assert f"({listed(founders_absent)}) are among the {corpus.in_words(len(absent))} states" in findings
