"""Peru's presidents: their terms shown with each derived date's derivation and their references."""

from datetime import date

import pandas as pd
from pandas.testing import assert_frame_equal

from perucorpus import heads_of_state


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
