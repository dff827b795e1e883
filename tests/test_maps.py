"""Status maps return exactly what they colour (the data a map figure ships)."""

import pandas as pd
import pytest
from conftest import DATA
from matplotlib.figure import Figure

from perucorpus.present import figures, maps


@pytest.fixture(scope="module")
def shapes():
    return maps.load_shapes(DATA / "geo" / "americas_50m.geojson")


def test_status_map_returns_the_countries_it_colours(shapes):
    axes = Figure().subplots()
    statuses = pd.Series({"PER": "signatory", "JAM": "member", "TWN": "treated_as"})  # Taiwan has no shape here
    drawn = maps.status_map(axes, shapes, statuses, figures.STATUS_STYLE, "A map")
    assert list(drawn["iso3"]) == sorted(shapes)  # every country drawn, with or without a status
    unrecorded = drawn[drawn["status"] == ""]
    assert set(unrecorded["iso3"]) == set(shapes) - {"JAM", "PER"}
    assert set(unrecorded["colour"]) == {maps.UNRECORDED[0]} and set(unrecorded["legend"]) == {maps.UNRECORDED[1]}
    assert not unrecorded["marker"].any()  # a small country without a status gets no circle
    assert drawn[drawn["status"] != ""].to_dict("list") == {
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


def test_status_map_legend_lists_the_statuses_shown_then_the_unrecorded(shapes):
    axes = Figure().subplots()
    statuses = pd.Series({"PER": "signatory", "BRA": "absent", "ARG": "signatory"})
    maps.status_map(axes, shapes, statuses, figures.STATUS_STYLE, "A map")
    legend = [text.get_text() for text in axes.get_legend().get_texts()]
    assert legend == ["signed the declaration", "named as absent", "no status recorded"]
    assert axes.get_title() == "A map"
    everyone = pd.Series(dict.fromkeys(shapes, "signatory"))
    maps.status_map(axes, shapes, everyone, figures.STATUS_STYLE, "All")
    assert [text.get_text() for text in axes.get_legend().get_texts()] == ["signed the declaration"]  # nothing left grey


def test_describe_statuses_counts_each_status_in_legend_order():
    statuses = pd.Series({"PER": "signatory", "BRA": "absent", "ARG": "signatory"})
    assert maps.describe_statuses(statuses, figures.STATUS_STYLE) == "signed the declaration 2, named as absent 1"
    two_lines = figures.STATUS_STYLE | {"absent": ("red", "named\nas absent")}  # a legend label may wrap; the text does not
    assert maps.describe_statuses(statuses, two_lines) == "signed the declaration 2, named as absent 1"
