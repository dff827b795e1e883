"""Status maps return exactly what they colour (the data a map figure ships)."""

import pandas as pd
import pytest
from conftest import DATA
from matplotlib.figure import Figure

from perucorpus import figures, maps


@pytest.fixture(scope="module")
def shapes():
    return maps.load_shapes(DATA / "geo" / "americas_50m.geojson")


def test_status_map_returns_the_countries_it_colours(shapes):
    axes = Figure().subplots()
    statuses = pd.Series({"PER": "signatory", "JAM": "member", "TWN": "treated_as"})  # Taiwan has no shape here
    drawn = maps.status_map(axes, shapes, statuses, figures.STATUS_STYLE, "A map")
    assert drawn.to_dict("list") == {
        "map": ["A map", "A map"],
        "iso3": ["JAM", "PER"],
        "status": ["member", "signatory"],
        "legend": ["member", "signed the declaration"],
        "colour": ["#5b8bd0", "#1b7f5a"],
        "marker": [True, False],  # Jamaica is too small to see: it also gets a circle
    }
    patches = axes.collections[0].get_paths()
    assert len(patches) == len(shapes)
    assert len(axes.lines) == 1  # one marker, Jamaica's
