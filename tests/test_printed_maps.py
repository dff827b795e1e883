"""Status maps for a printed page: a name only where its ink fits inside its country, the others listed in the key."""

import pandas as pd
import pytest
from conftest import DATA
from matplotlib.figure import Figure

from perucorpus.present import figures, maps, printed_maps


@pytest.fixture(scope="module")
def shapes():
    figures.use_project_style()
    return maps.project(maps.load_shapes(DATA / "geo" / "americas_50m.geojson"))


def test_ink_is_measured_by_the_letters_not_the_fonts_line_box():
    figures.use_project_style()
    width, height, _, _ = printed_maps.ink_size("Canada", 7)
    assert 15 < width < 30 and 4 < height < 8  # points: a capital's height, not Noto Sans Arabic's 15-point line
    assert printed_maps.ink_size("Canada", 14)[0] == pytest.approx(2 * width, rel=0.1)
    assert printed_maps.line_width("Canada, Peru", 7) > printed_maps.line_width("Canada", 7)


def test_a_name_goes_inside_a_country_only_where_its_ink_fits(shapes):
    figure = Figure(figsize=(2.2, 3.1))
    axes = figure.add_axes((0, 0, 1, 1))
    maps.draw(axes, shapes, {}, extent=maps.PRINT_EXTENT)
    names = {"BRA": "Brazil", "CHL": "Chile", "JAM": "Jamaica", "USA": "United States"}
    places = printed_maps.inside_places(axes, shapes, names, 7, maps.PRINT_EXTENT)
    assert set(places) == {"BRA", "USA"}  # Chile is too narrow for its name, Jamaica too small
    for iso3, (x, y) in places.items():
        assert maps._path(shapes[iso3]).contains_point((x, y))
    assert printed_maps.inside_places(axes, shapes, {"BRA": "Brazil"}, 30, maps.PRINT_EXTENT) == {}  # too big at 30 pt


def test_wrap_keeps_each_line_within_the_width_and_each_name_whole():
    figures.use_project_style()
    items = ["Argentina", "Bahamas", "Costa Rica", "Dominican Republic", "Trinidad and Tobago"]
    lines = printed_maps.wrap(items, ", ", 90, 7)
    assert len(lines) > 1 and all(printed_maps.line_width(line, 7) <= 90 for line in lines)
    assert " ".join(lines).split(", ") == items  # in order, none split; each line but the last ends with the comma
    assert printed_maps.wrap(["Trinidad and Tobago"], ", ", 5, 7) == ["Trinidad and Tobago"]  # a line holds one


def test_the_key_lists_every_country_of_each_category_named_on_the_map_or_not():
    categories = {"BRA": "in", "PER": "in", "CHL": "in", "MEX": "absent"}
    words = {"in": "member", "absent": "named\nas absent", "": "no status recorded"}
    names = {"BRA": "Brazil", "PER": "Peru", "CHL": "Chile", "MEX": "Mexico"}
    entries = printed_maps.key_entries(categories, words, names, empty=True)
    assert entries == [
        ("in", "member", ["Brazil", "Chile", "Peru"]),
        ("absent", "named as absent", ["Mexico"]),
        ("", "no status recorded", []),
    ]


def test_an_arabic_key_lists_its_names_by_the_word_after_the_article():
    """«الولايات المتحدة» stood first, before «البرازيل» and «بيرو»: Arabic lists file a name under the word after «ال»."""
    categories = dict.fromkeys(["USA", "BRA", "PER", "CAN"], "in")
    names = {"USA": "الولايات المتحدة", "BRA": "البرازيل", "PER": "بيرو", "CAN": "كندا"}
    [(_, _, listed)] = printed_maps.key_entries(categories, {"in": "عضو"}, names, empty=False)
    assert listed == ["البرازيل", "بيرو", "كندا", "الولايات المتحدة"]


def test_the_printed_status_map_names_or_lists_every_coloured_country(shapes):
    figure = Figure(figsize=(4.4, 3.1))
    map_axes, key_axes = figure.add_axes((0, 0, 0.5, 1)), figure.add_axes((0.52, 0, 0.48, 1))
    statuses = pd.Series({"BRA": "signatory", "JAM": "signatory", "MEX": "absent"})
    words = {"in": "signed", "absent": "named as absent", "": "no status recorded"}
    names = {"BRA": "Brazil", "JAM": "Jamaica", "MEX": "Mexico", "USA": "United States"}
    drawn = printed_maps.status_map(
        map_axes, key_axes, shapes, statuses, ["BRA", "JAM", "USA"], words, names, 7, maps.PRINT_EXTENT
    )
    labels = drawn.set_index("iso3")["label"]
    assert labels["BRA"] == "inside" and labels["USA"] == "inside"  # named, with or without a status
    assert labels["JAM"] == "key" and labels["MEX"] == "key"  # too small; Mexico not in those to name on the map
    assert set(labels[labels != ""].index) == {"BRA", "JAM", "MEX", "USA"}
    listed = {text.get_gid(): text.get_text() for text in key_axes.texts if text.get_gid().startswith("list:")}
    assert listed == {"list:in": "Brazil, Jamaica", "list:absent": "Mexico"}  # Brazil named on the map and listed
    assert {text.get_gid() for text in map_axes.texts} == {"label:BRA", "label:USA"}
    assert drawn.set_index("iso3").at["JAM", "marker"]  # too small to see: a circle in its colour marks it
