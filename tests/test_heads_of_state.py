"""Peru's presidents: their terms shown with each derived date's derivation and their references."""

from datetime import date

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from perucorpus.facts import heads_of_state


def test_terms_table_shows_derived_dates_with_their_derivation_and_cites_every_reference():
    presidents = pd.DataFrame(
        {
            "name": ["A Before", "B Now"],
            "start": [date(2020, 11, 17), date(2021, 7, 28)],
            "end": [date(2021, 7, 28), None],
            "ref_ids": ["r1;r2", "r2"],
            "start_basis": ["stated", "derived"],
            "end_basis": ["derived", ""],
            "start_derivation": ["", "'hoy' in a report of 2021-07-28"],
            "end_derivation": ["B's inauguration", ""],
        },
        index=[4, 9],
    )
    references = pd.DataFrame(
        {"publisher": ["Outlet One", "Outlet Two"], "date": ["2020-11-17", "undated"], "tier": ["other_outlet", "primary"]},
        index=pd.Index(["r1", "r2"], name="ref_id"),
    )
    expected = pd.DataFrame(
        {
            "president": ["A Before", "B Now"],
            "from": ["2020-11-17", "2021-07-28 (derived: 'hoy' in a report of 2021-07-28)"],
            "to": ["2021-07-28 (derived: B's inauguration)", "in office, end not recorded"],
            "references": [
                "Outlet Two, undated [primary] (r2); Outlet One, 2020-11-17 [outlet] (r1)",
                "Outlet Two, undated [primary] (r2)",
            ],
        }
    )
    assert_frame_equal(heads_of_state.terms_table(presidents, references), expected)


def test_in_office_takes_the_incoming_president_on_a_handover_day(presidents):
    shuffled = presidents.sample(frac=1, random_state=3)  # the answer must not depend on the file's order
    assert heads_of_state.in_office(shuffled, date(2025, 10, 9))["name"] == "Dina Boluarte"
    assert heads_of_state.in_office(shuffled, date(2025, 10, 10))["name"] == "José Jerí"
    assert heads_of_state.in_office(shuffled, date(2026, 3, 5))["name"] == "José María Balcázar"
    with pytest.raises(ValueError, match="peru_heads_of_state.csv: no president of Peru recorded for 1900-01-01"):
        heads_of_state.in_office(presidents, date(1900, 1, 1))


def test_in_office_counts_the_last_day_of_a_term_without_a_handover():
    presidents = pd.DataFrame(
        {"name": ["A", "B"], "start": [date(2020, 1, 1), date(2020, 7, 2)], "end": [date(2020, 6, 30), None]}
    )
    assert heads_of_state.in_office(presidents, date(2020, 6, 30))["name"] == "A"  # an exclusive end passed every other test
    with pytest.raises(ValueError, match="no president of Peru recorded for 2020-07-01"):
        heads_of_state.in_office(presidents, date(2020, 7, 1))
