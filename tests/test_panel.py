"""The country-year panel: the status on 31 December, and whether it changed during the year."""

from datetime import date

import pandas as pd

from perucorpus.base import dates, schemas
from perucorpus.facts import memberships, panel


def spells(*rows) -> pd.DataFrame:
    """A hand-built memberships frame, as load_memberships returns it: (iso3, grouping, status, start, end, kind)."""
    records = []
    for iso3, grouping, status, start, end, kind in rows:
        begin, finish = dates.parse(start), dates.parse(end)
        records.append(
            {
                "iso3": iso3,
                "cow_code": {"PER": "135", "CHL": "155", "XKX": ""}[iso3],
                "country_en": iso3.title(),
                "grouping": grouping,
                "status": status,
                "start": begin,
                "end": finish,
                "end_status": "" if end else "not_recorded",
                "source_kind": kind,
                "source_article": "an_article" if kind == "article" else "",
                "source_ref": "a_ref" if kind == "external" else "",
                "start_date": begin.first if begin else None,
                "end_date": finish.last if finish else None,
            }
        )
    return pd.DataFrame(records)


def test_an_end_on_31_december_holds_that_day_and_changes_the_next_year():
    frame = spells(("PER", "mnna", "notified", "2019-05-08", "2020-12-31", "external"))
    rows = panel.country_year(frame, years=range(2018, 2022))
    peru = rows[rows["grouping"] == "mnna"].set_index("year")
    assert peru["status"].tolist() == ["", "notified", "notified", ""]
    assert peru["changed"].tolist() == ["false", "true", "false", "true"]  # 2021: the first day without it
    assert peru.loc["2020", "spell_end"] == "2020-12-31" and peru.loc["2020", "end_status"] == ""


def test_a_spell_ending_the_day_the_next_starts_gives_way_to_it():
    frame = spells(
        ("PER", "mnna", "notified", "2025-12-11", "2026-01-14", "external"),
        ("PER", "mnna", "designated", "2026-01-14", "", "external"),
    )
    rows = panel.country_year(frame, years=range(2025, 2027)).query("grouping == 'mnna'")
    assert rows["status"].tolist() == ["notified", "designated"]
    assert rows["changed"].tolist() == ["true", "true"]
    assert rows["end_status"].tolist() == ["", "not_recorded"]
    assert panel.in_force(panel.spells_by_country(frame)[("PER", "mnna")], date(2026, 1, 14)).status == "designated"


def test_an_exit_and_return_within_a_year_is_a_change_and_a_month_ends_on_its_last_day():
    frame = spells(
        ("CHL", "lima_group", "member", "2017-08-08", "2019-03", "external"),
        ("CHL", "lima_group", "member", "2019-06-01", "", "external"),
    )
    rows = panel.country_year(frame, years=range(2018, 2021)).query("grouping == 'lima_group'").set_index("year")
    assert rows["status"].tolist() == ["member", "member", "member"]
    assert rows["changed"].tolist() == ["false", "true", "false"]
    holding = panel.spells_by_country(frame)[("CHL", "lima_group")]
    assert panel.in_force(holding, date(2019, 3, 31)).status == "member"
    assert panel.in_force(holding, date(2019, 4, 1)) is None


def test_references_are_preferred_and_articles_fill_only_what_no_reference_mentions():
    frame = spells(
        ("PER", "accc", "signatory", "2026-03-04", "", "article"),
        ("PER", "accc", "signatory", "2026-03-05", "", "external"),
        ("CHL", "accc", "absent", "2026-03-13", "", "article"),
        ("CHL", "accc", "attended", "", "", "article"),  # undated: cannot be placed in a year
    )
    rows = panel.country_year(frame, years=[2026]).query("grouping == 'accc'").set_index("iso3")
    assert rows.loc["PER", "spell_start"] == "2026-03-05" and rows.loc["PER", "source_ref"] == "a_ref"
    assert rows.loc["CHL", "status"] == "absent" and rows.loc["CHL", "source_article"] == "an_article"


def test_one_row_per_country_grouping_and_year_sorted_with_codes():
    frame = spells(("PER", "mnna", "designated", "2026", "", "external"), ("XKX", "mnna", "treated_as", "2017", "", "external"))
    rows = panel.country_year(frame, years=range(2017, 2019))
    assert len(rows) == 2 * len(schemas.GROUPINGS) * 2
    assert rows[["iso3", "grouping", "year"]].drop_duplicates().shape[0] == len(rows)
    assert rows["iso3"].tolist() == sorted(rows["iso3"])
    assert set(rows.loc[rows["iso3"] == "PER", "cow_code"]) == {"135"} and set(rows.loc[rows["iso3"] == "XKX", "cow_code"]) == {
        ""
    }
    assert rows.loc[(rows["iso3"] == "XKX") & (rows["grouping"] == "mnna"), "changed"].tolist() == ["true", "false"]


def test_the_panel_agrees_with_status_on_for_every_year(rows):
    written = panel.country_year(rows)
    for grouping in schemas.GROUPINGS:
        for year in panel.YEARS:
            on = memberships.status_on(rows, grouping, date(year, 12, 31), "external")
            cell = written[(written["grouping"] == grouping) & (written["year"] == str(year)) & (written["source_ref"] != "")]
            assert dict(zip(cell["iso3"], cell["status"])) == on.to_dict(), (grouping, year)


def test_seed_peru_in_the_panel(rows):
    written = panel.country_year(rows).set_index(["iso3", "grouping", "year"])
    assert written.loc[("PER", "lima_group", "2021"), "status"] == "exit_dropped"  # by the exit rule: dropped on 7 September 2021
    assert written.loc[("PER", "mnna", "2025"), "status"] == "notified"
    assert written.loc[("PER", "mnna", "2026"), ["status", "changed", "cow_code"]].tolist() == ["designated", "true", "135"]
