"""What references state (perucorpus.facts.sourcing): bases of dates, display of derived dates, cited references."""

import pytest
from conftest import DATA

from perucorpus.base import schemas
from perucorpus.base.dates import parse
from perucorpus.base.tables import DataError, edit_rows, read_table
from perucorpus.facts import heads_of_state, sourcing


def row(**values):
    base = {"source_states": "", "start_basis": "", "end_basis": "", "start_derivation": "", "end_derivation": ""}
    return base | values


def test_basis_problems_check_stated_dates_against_what_the_source_states():
    stated = row(source_states="It was signed on 5 de marzo de 2026.", start_basis="stated")
    assert sourcing.basis_problems(stated, {"start": parse("2026-03-05"), "end": None}) == []
    assert sourcing.basis_problems(stated, {"start": parse("2026-03-04"), "end": None}) == [
        "start 2026-03-04 is 'stated' but source_states does not write it out (day, month and year): "
        "'It was signed on 5 de marzo de 2026.'"
    ]
    assert sourcing.basis_problems(row(start_basis="derived"), {"start": parse("2026"), "end": None}) == [
        "start 2026 is 'derived' but start_derivation is empty"
    ]
    assert sourcing.basis_problems(row(), {"start": parse("2026"), "end": None}) == [
        "start 2026 needs start_basis 'stated' or 'derived', not ''"
    ]
    assert sourcing.basis_problems(row(end_basis="stated"), {"start": None, "end": None}) == [
        "end_basis is 'stated' but end is empty"
    ]
    assert sourcing.basis_problems(
        row(source_states="2026", start_basis="stated", start_derivation="why"), {"start": parse("2026"), "end": None}
    ) == ["start_derivation is filled but start is not 'derived'"]


def test_a_derived_date_is_never_shown_bare():
    assert sourcing.dated(parse("2021-08")) == "2021-08"
    assert sourcing.dated(parse("2020-11-08"), "derived", "Arce's inauguration") == "2020-11-08 (derived: Arce's inauguration)"
    assert sourcing.dated_row({"end": parse("2022-07-06"), "end_basis": "derived", "end_derivation": "notice"}, "end") == (
        "2022-07-06 (derived: notice)"
    )


def test_every_reference_is_cited_and_every_citation_is_a_reference_or_article():
    references = set(read_table(DATA / "references.csv", schemas.REFERENCES)["ref_id"])
    articles = set(read_table(DATA / "articles.csv", schemas.ARTICLES)["id"])
    cited = sourcing.cited_refs(DATA)
    assert sorted(references - set(cited)) == []
    assert sorted(set(cited) - references - articles) == []


def test_an_uncited_reference_is_found(data_copy):
    edit_rows(
        data_copy / "memberships.csv",
        lambda rows: [r.update(source="sputnik_2019_brazil") for r in rows if r["source"] == "xinhua_2015_tunisia"],
    )
    assert "xinhua_2015_tunisia" not in sourcing.cited_refs(data_copy)
    assert "memberships.csv:" in sourcing.cited_refs(data_copy)["sputnik_2019_brazil"][0]


def test_no_reference_title_is_silently_truncated():
    """A headline not read in the stored copy says so ("[headline not recorded …]"); it is never cut short with "..."."""
    titles = read_table(DATA / "references.csv", schemas.REFERENCES).set_index("ref_id")["title"]
    assert sorted(titles[titles.str.contains(r"(?:\.\.\.|…)\s*$")].index) == []
    unrecorded = titles[titles.str.startswith("[")]
    assert unrecorded.str.match(r"\[headline not recorded[^\]]*; URL slug: [^\]]+\]$").all()


def test_a_president_whose_stated_date_is_not_in_source_states_stops_with_file_line_and_references(data_copy):
    edit_rows(
        data_copy / "peru_heads_of_state.csv",
        lambda rows: rows[1].update(end="2020-11-10", end_basis="stated", end_derivation=""),
    )
    with pytest.raises(
        DataError,
        match=r"peru_heads_of_state\.csv:3: Martín Vizcarra: end 2020-11-10 is 'stated' but "
        r"source_states does not write it out .*\(ref_ids minutouno_2018_vizcarra;cdn_2020_peru_crisis\)",
    ):
        heads_of_state.load_presidents(data_copy)


def test_cited_refs_go_on_past_a_citing_file_that_is_missing(data_copy):
    first = next(iter(sourcing.CITING))
    (data_copy / first).unlink()
    cited = sourcing.cited_refs(data_copy)
    assert cited and all(not place.startswith(f"{first}:") for places in cited.values() for place in places)
    assert {place.split(":")[0] for places in cited.values() for place in places} == set(sourcing.CITING) - {first}


def test_a_date_missing_or_of_month_or_year_precision_is_said_so():
    assert sourcing.dated(None) == sourcing.dated("") == "(no date)"
    stated = row(source_states="in 2026", start_basis="stated")
    assert sourcing.basis_problems(stated, {"start": parse("2026-03"), "end": None}) == [
        "start 2026-03 is 'stated' but source_states does not write it out (month and year): 'in 2026'"
    ]
    assert sourcing.basis_problems(row(source_states="x", start_basis="stated"), {"start": parse("2026"), "end": None}) == [
        "start 2026 is 'stated' but source_states does not write it out (the year): 'x'"
    ]
