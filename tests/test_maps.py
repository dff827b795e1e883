"""Status maps: equal-area, offline, coloured by display category, labelled; they return exactly what they draw."""

import socket

import numpy as np
import pandas as pd
import pytest
from conftest import DATA
from matplotlib.figure import Figure

from perucorpus.present import figures, maps


@pytest.fixture(scope="module")
def shapes():
    return maps.project(maps.load_shapes(DATA / "geo" / "americas_50m.geojson"))


def test_the_projection_is_equal_area_so_canada_is_drawn_at_its_true_size(shapes):
    lonlat = maps.load_shapes(DATA / "geo" / "americas_50m.geojson")
    # In longitude/latitude Canada looks over twice the size of Brazil; its true area is about 1.2 times Brazil's.
    assert maps.area(lonlat["CAN"]) / maps.area(lonlat["BRA"]) > 2.2
    assert 1.0 < maps.area(shapes["CAN"]) / maps.area(shapes["BRA"]) < 1.4
    assert 8.0e6 < maps.area(shapes["BRA"]) < 9.0e6  # km²: Brazil is about 8.5 million


def test_the_projection_needs_no_network(monkeypatch):
    import pyproj

    def refuse(*args, **kwargs):
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert not pyproj.network.is_network_enabled()
    square = {"PER": [[np.array([[-87.0, -12.0], [-86.0, -12.0], [-86.0, -11.0], [-87.0, -12.0]])]]}
    x, y = maps.project(square)["PER"][0][0][0]
    assert x < 0 and y < 0  # south-west of the projection's centre (8°N, 80°W)


def test_status_map_returns_the_countries_it_colours_and_names(shapes):
    axes = Figure(figsize=(6, 8)).subplots()
    statuses = pd.Series({"PER": "signatory", "JAM": "member", "TWN": "treated_as", "MEX": "stopped_taking_part"})
    drawn = maps.status_map(axes, shapes, statuses, "A map", labelled=["PER", "JAM", "CUB", "GTM"])
    assert list(drawn["iso3"]) == sorted(shapes)  # every country drawn, with or without a status (Taiwan has no shape)
    unrecorded = drawn[drawn["status"] == ""]
    assert set(unrecorded["iso3"]) == set(shapes) - {"JAM", "PER", "MEX"}
    assert set(unrecorded["colour"]) == {figures.NO_STATUS[0]} and set(unrecorded["legend"]) == {figures.NO_STATUS[2]}
    assert drawn[drawn["status"] != ""].to_dict("list") == {
        "map": ["A map"] * 3,
        "iso3": ["JAM", "MEX", "PER"],
        "status": ["member", "stopped_taking_part", "signatory"],
        "category": ["in", "not_taking_part", "in"],
        "legend": ["member or signed the declaration", "stopped taking part, no exit declared"]
        + ["member or signed the declaration"],
        "colour": [figures.CATEGORIES["in"][0], figures.CATEGORIES["not_taking_part"][0], figures.CATEGORIES["in"][0]],
        "hatch": ["", figures.CATEGORIES["not_taking_part"][1], ""],
        "marker": [True, False, False],  # Jamaica is too small to see: it also gets a circle
        "label": ["east", "", "inside"],  # the Caribbean's names on the Atlantic side; Peru's fits inside
    }
    assert drawn.set_index("iso3").at["GTM", "label"] == "west" and drawn.set_index("iso3").at["CUB", "label"]
    assert not drawn.set_index("iso3").at["GTM", "marker"]  # named beside it, but not small
    names = {text.get_text() for text in axes.texts}
    assert {"Peru", "Jamaica", "Cuba", "Guatemala"} == names


def test_status_map_legend_lists_the_categories_shown_then_the_unrecorded(shapes):
    axes = Figure().subplots()
    statuses = pd.Series({"PER": "signatory", "BRA": "absent", "ARG": "exit_dropped", "COL": "withdrew"})
    maps.status_map(axes, shapes, statuses, "A map", legend_labels={"absent": "named as absent in 2026"})
    legend = [text.get_text() for text in axes.get_legend().get_texts()]
    assert legend == [
        "signed the declaration",
        "exit announced, then dropped",  # the one status of its category shown: its own words
        "left: exit declared, in effect",
        "named as absent in 2026",  # reworded for this map
        "no status recorded",
    ]
    assert axes.get_title() == "A map"
    everyone = pd.Series(dict.fromkeys(shapes, "signatory"))
    maps.status_map(axes, shapes, everyone, "All")
    assert [text.get_text() for text in axes.get_legend().get_texts()] == ["signed the declaration"]  # nothing left grey


def test_describe_statuses_counts_each_category_in_legend_order():
    statuses = pd.Series({"PER": "signatory", "BRA": "absent", "ARG": "founding_member"})
    assert maps.describe_statuses(statuses) == "member, designated ally or signatory 2, named as absent 1"


def test_chord_is_the_width_of_a_shape_along_a_line():
    square = np.array([[0, 0], [4, 0], [4, 2], [0, 2], [0, 0]], dtype=float)
    assert maps.chord(square, 1.0, 1.0) == pytest.approx(4.0)
    assert maps.chord(square, 5.0, 1.0) == 0.0  # outside
    notch = np.array([[0, 0], [6, 0], [6, 4], [4, 4], [4, 1], [2, 1], [2, 4], [0, 4], [0, 0]], dtype=float)
    assert maps.chord(notch, 1.0, 3.0) == pytest.approx(2.0)  # the left arm only, not across the gap


def _label_boxes(figure):
    """The drawn extent of every country name (artists with a ``label:`` id), measured by the renderer."""
    renderer = figure._get_renderer()
    figure.draw_without_rendering()
    return {
        text.get_gid(): text.get_window_extent(renderer)
        for axes in figure.axes
        for text in axes.texts
        if (text.get_gid() or "").startswith("label:")
    }


#: Every country the screen maps name, the crowded Caribbean and Central America included.
CROWDED = ["BHS", "CUB", "DOM", "HTI", "JAM", "LCA", "TTO", "GUY", "VEN", "COL", "PAN", "CRI", "SLV", "HND"]
CROWDED += ["GTM", "BLZ", "MEX", "ECU", "PER", "CHL", "ARG", "BRA", "BOL", "PRY", "USA", "CAN"]


def _crowded_map(shapes, language: str):
    """A status map naming every country of :data:`CROWDED`, in English or Arabic; (figure, axes, labelled)."""
    from perucorpus.base.countries import country_label
    from perucorpus.present.figures import ar, use_project_style

    use_project_style()
    names = {iso3: ar(country_label(iso3)[1]) for iso3 in CROWDED} if language == "ar" else None
    figure = Figure(figsize=(8.5, 8.6), layout="constrained")
    axes = figure.subplots()
    statuses = pd.Series({"PER": "signatory", "HTI": "member", "BLZ": "signatory", "GTM": "signatory"})
    maps.status_map(axes, shapes, statuses, "A map", labelled=CROWDED, names=names, right_to_left=language == "ar")
    return figure, axes, CROWDED


@pytest.mark.parametrize("language", ["en", "ar"])
def test_no_two_country_names_overlap_and_each_leader_ends_in_its_country(shapes, language):
    figure, axes, labelled = _crowded_map(shapes, language)
    boxes = _label_boxes(figure)
    assert len(boxes) == len(labelled)
    overlapping = [(a, b) for a in boxes for b in boxes if a < b and boxes[a].overlaps(boxes[b])]
    assert overlapping == []
    # every leader line ends at its own country's point, one line per country (none shared by Haiti and the Dominican Republic)
    points = {maps.marker_position(shapes[iso3]): iso3 for iso3 in labelled}
    leaders = [tuple(line.get_xydata()[0]) for line in axes.lines if len(line.get_xydata()) == 2]
    assert leaders and all(anchor in points for anchor in leaders)
    assert len(set(leaders)) == len(leaders)
    haiti, dominican = np.array(maps.marker_position(shapes["HTI"])), np.array(maps.marker_position(shapes["DOM"]))
    assert np.hypot(*(haiti - dominican)) > 100  # km: two points, a dot apart


@pytest.mark.parametrize("language", ["en", "ar"])
def test_no_leader_line_runs_through_another_countrys_name(shapes, language):
    """Jamaica's leader ran through Haiti's name on the Arabic map, Belize's (from the Pacific column) through Mexico's
    on the English one; a touch of a name's outline does not count.
    """
    figure, axes, labelled = _crowded_map(shapes, language)
    boxes = _label_boxes(figure)
    points = {maps.marker_position(shapes[iso3]): iso3 for iso3 in labelled}
    owners = {line: points[tuple(line.get_xydata()[0])] for line in axes.lines if len(line.get_xydata()) == 2}
    crossings = [
        (owner, name)
        for line, owner in owners.items()
        for name, box in boxes.items()
        if name != f"label:{owner}" and axes.transData.transform_path(line.get_path()).intersects_bbox(box.expanded(0.9, 0.8))
    ]
    assert owners and crossings == []


def test_the_leader_test_sees_a_leader_through_a_name():
    place = (100.0, 0.0, -100.0, 0.0, "east")  # a leader from (-100, 0) to a name starting at (100, 0)
    assert maps.leader_crosses_names(place, "JAM", {"HTI": (-10.0, -5.0, 10.0, 5.0)})
    assert not maps.leader_crosses_names(place, "JAM", {"HTI": (-10.0, 6.0, 10.0, 16.0), "JAM": (100.0, -5.0, 150.0, 5.0)})
    assert not maps.leader_crosses_names(place, "JAM", {"HTI": (-10.0, -2.0, 10.0, 5.0)}, margin=2.5)  # a touch


def test_the_overlap_test_sees_overlapping_names():
    figure = Figure()
    axes = figure.subplots()
    axes.text(0.5, 0.5, "Dominican Republic", gid="label:DOM")
    axes.text(0.52, 0.5, "Haiti", gid="label:HTI")
    boxes = _label_boxes(figure)
    assert boxes["label:DOM"].overlaps(boxes["label:HTI"])


def test_names_that_give_way_are_placed_together_most_first_then_least_moved():
    """Two names wanting one place: the search places both (one moved half a line) rather than one unmoved."""
    first = [(0, "a0", (0.0, 0.0, 10.0, 2.0)), (0.5, "a+", (0.0, 1.0, 10.0, 3.0))]
    second = [(0, "b0", (0.0, 1.5, 10.0, 3.5)), (1, "b-", (0.0, -2.0, 10.0, 0.0))]
    chosen = maps._joint_places([first, second])
    assert [candidate[1] for candidate in chosen] == ["a0", "b-"]  # both placed; total cost 1 beats a+ with b0 clashing
    assert maps._joint_places([[first[0]], [(0, "c", (1.0, 1.0, 2.0, 1.5))]]) == [first[0], None]  # one place, the first


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_name_drawn_inside_its_country_lies_mostly_on_that_country(shapes, language):
    """Measured on the drawn map: every name written inside its country has most of its box on that country and
    little on any other ("Paraguay" once sat mostly on Brazil, "Venezuela" ran onto Guyana).
    """
    from map_checks import inside_shares, named_axes

    figure, _, _ = _crowded_map(shapes, language)
    (axes,) = named_axes(figure)
    shares = inside_shares(axes, shapes)
    assert {"BRA", "ARG", "USA"} <= set(shares)  # the large countries are named inside
    assert {iso3: share for iso3, share in shares.items() if share[0] < 0.6 or share[1] > 0.25} == {}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_no_leader_crosses_another_name_circle_or_leader(shapes, language):
    """Jamaica's leader once cut through Haiti's circle, Honduras's crossed Costa Rica's."""
    from map_checks import leader_problems, leaders, named_axes

    figure, _, _ = _crowded_map(shapes, language)
    (axes,) = named_axes(figure)
    assert len(leaders(axes)) >= 5
    assert leader_problems(axes) == []


def test_the_leader_checks_see_a_leader_through_a_circle_or_across_another():
    from map_checks import leader_problems

    figure = Figure(figsize=(4, 4))
    axes = figure.subplots()
    axes.set_xlim(0, 10), axes.set_ylim(0, 10)
    axes.plot(5, 5, marker="o", markersize=6, linestyle="none")  # a small country's circle
    axes.plot([1, 9], [5, 5], gid="leader:JAM")  # through it
    axes.plot([2, 2], [1, 9], gid="leader:HND")  # across Jamaica's
    axes.plot([8, 8], [6, 9], gid="leader:CRI")  # clear of both
    axes.text(1, 5, "J", gid="label:JAM"), axes.text(2, 9, "H", gid="label:HND"), axes.text(8, 9, "C", gid="label:CRI")
    figure.draw_without_rendering()
    assert sorted(leader_problems(axes)) == [("HND", "leader:JAM"), ("JAM", "circle")]
    assert maps.leaders_cross((9.0, 5.0, 1.0, 5.0, "east"), (2.0, 9.0, 2.0, 1.0, "east"))
    assert not maps.leaders_cross((9.0, 5.0, 1.0, 5.0, "east"), (8.0, 9.0, 8.0, 6.0, "east"))
    assert maps.leader_crosses_circles((9.0, 5.0, 1.0, 5.0, "east"), "JAM", {"HTI": (5.0, 5.2)}, 0.5)
    assert not maps.leader_crosses_circles((9.0, 5.0, 1.0, 5.0, "east"), "JAM", {"JAM": (1.0, 5.0), "HTI": (5.0, 6.0)}, 0.5)


def test_the_share_check_sees_a_name_on_its_neighbour(shapes):
    from map_checks import inside_shares

    figure = Figure(figsize=(6, 8))
    axes = figure.subplots()
    maps.draw(axes, shapes, {})
    brazil, paraguay = maps.marker_position(shapes["BRA"]), maps.marker_position(shapes["PRY"])
    axes.text(*brazil, "Paraguay", ha="center", va="center", gid="label:PRY")  # written on Brazil
    axes.text(*paraguay, "P", ha="center", va="center", gid="label:BRY")  # an imaginary country's name, on Paraguay
    figure.draw_without_rendering()
    shapes_named = {**shapes, "BRY": [[np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]])]]}
    shares = inside_shares(axes, shapes_named)
    assert shares["PRY"][0] == 0.0 and shares["PRY"][1] == 1.0
    assert shares["BRY"][0] == 0.0 and shares["BRY"][1] > 0.5
