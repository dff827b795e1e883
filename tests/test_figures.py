"""Arabic labels on both matplotlib paths, and byte-identical figure files."""

import json
import os
import subprocess
from pathlib import Path

import arabic_reshaper
import matplotlib
import numpy as np
import pytest
from bidi.algorithm import get_display
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine

from perucorpus.present import figures

PRESENTATION_FORMS = range(0xFE70, 0xFF00)


def test_fallback_path_reshapes_and_reorders_each_line():
    label = figures.ar("بيرو\nدرع الأمريكتين", native=False)
    first, second = label.split("\n")
    assert first == get_display(arabic_reshaper.reshape("بيرو"))
    assert second == get_display(arabic_reshaper.reshape("درع الأمريكتين"))
    assert all(ord(char) in PRESENTATION_FORMS for char in first)
    # visual order: the first letter (ب, initial form) is drawn last, at the right
    assert first[-1] == "\ufe91"


def test_fallback_path_mirrors_brackets():
    assert figures.ar("(بيرو)", native=False).startswith("(")


def test_native_path_leaves_text_alone():
    assert figures.ar("بيرو", native=True) == "بيرو"


def test_labels_are_pre_shaped_only_on_a_matplotlib_without_libraqm(monkeypatch):
    monkeypatch.setattr(matplotlib.ft2font, "__libraqm_version__", "0.10.1", raising=False)
    assert figures.native_shaping() and figures.ar("بيرو") == "بيرو"
    monkeypatch.delattr(matplotlib.ft2font, "__libraqm_version__")
    assert not figures.native_shaping()
    assert figures.ar("بيرو") == get_display(arabic_reshaper.reshape("بيرو")) != "بيرو"


def render(text: str) -> np.ndarray:
    """Ink mask (True = dark pixel) of ``text`` drawn alone, as prepared by figures.ar."""
    figures.use_project_style()
    figure = Figure(figsize=(4, 1), dpi=100)
    FigureCanvasAgg(figure)
    figure.text(0.5, 0.5, figures.ar(text), fontsize=40, ha="center", va="center")
    figure.canvas.draw()
    pixels = np.asarray(figure.canvas.buffer_rgba())[:, :, 0]
    return pixels < 128


@pytest.mark.skipif(not figures.native_shaping(), reason="this matplotlib does not shape Arabic (no libraqm)")
def test_native_rendering_joins_letters():
    joined = render("بيرو").any(axis=0).sum()
    separated = render("\u200c".join("بيرو")).any(axis=0).sum()  # zero-width non-joiners stop joining
    assert joined < separated


@pytest.mark.skipif(not figures.native_shaping(), reason="this matplotlib does not shape Arabic (no libraqm)")
def test_native_rendering_runs_right_to_left():
    ink = render("اـــــــــ")  # alef then tatweels: the tall alef must be at the right end
    columns = np.flatnonzero(ink.any(axis=0))
    heights = ink[:, columns].sum(axis=0)
    tallest = columns[np.argmax(heights)]
    assert tallest > columns.min() + 0.8 * (columns.max() - columns.min())


MEASURE = """
import json, sys
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from perucorpus.present import figures

def ink(text, prepared=False):
    figures.use_project_style()
    figure = Figure(figsize=(8, 1), dpi=100)
    FigureCanvasAgg(figure)
    figure.text(0.5, 0.5, text if prepared else figures.ar(text), fontsize=40, ha="center", va="center")
    figure.canvas.draw()
    return np.asarray(figure.canvas.buffer_rgba())[:, :, 0] < 128

def saved_sizes():
    import tempfile
    figure = Figure(figsize=(4, 2), layout="constrained")
    FigureCanvasAgg(figure)
    figure.subplots().barh([figures.bilingual("Peru", "بيرو")], [3])
    with tempfile.TemporaryDirectory() as folder:
        return [path.stat().st_size for path in figures.save(figure, folder, "check")]

def arabic_figure_text():
    # the Arabic figures' words as the edition draws them (perucorpus.present.alliance_figures, keys of teaching/ar.toml)
    import tomllib
    from pathlib import Path
    from perucorpus.present import alliance_figures
    entries = tomllib.loads(Path(sys.argv[1], "teaching", "ar.toml").read_text(encoding="utf-8"))["entries"]
    text = alliance_figures.FigureText("ar", lambda key: entries[key]["text"], str, str, str, right_to_left=True)
    label = alliance_figures.legend_labels(text, {"signatory", "absent"}, "figure.matrix.none")["absent"]
    figure = Figure(figsize=(4, 2), layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.subplots()
    axes.legend(handles=figures.legend_handles({"signatory", "absent"}, labels=alliance_figures.legend_labels(text, {"signatory", "absent"}, "figure.matrix.none")))
    axes.set_title(text("figure.matrix.title"))
    figure.canvas.draw()
    raw = entries["figure.category.absent"]["text"]
    direction, said = text("figure.timeline.direction"), entries["figure.timeline.direction"]["text"]
    return {
        "figure_joined": int(ink(label, prepared=True).any(axis=0).sum()),
        "figure_separated": int(ink("\u200c".join(raw)).any(axis=0).sum()),
        "figure_prepared": label != raw,
        # the Arabic timelines' note that time runs left to right, as the timeline draws it
        "direction_joined": int(ink(direction, prepared=True).any(axis=0).sum()),
        "direction_separated": int(ink("\u200c".join(said)).any(axis=0).sum()),
        "direction_prepared": direction != said,
    }

line = ink("اـــــــــ")
columns = np.flatnonzero(line.any(axis=0))
print(json.dumps({
    "native": figures.native_shaping(),
    "joined": int(ink("بيرو").any(axis=0).sum()),
    "separated": int(ink("\u200c".join("بيرو")).any(axis=0).sum()),
    "tallest": int(columns[np.argmax(line[:, columns].sum(axis=0))]),
    "left": int(columns.min()), "right": int(columns.max()),
    "saved": saved_sizes(),
    **arabic_figure_text(),
}))
"""


@pytest.mark.skipif(
    not os.environ.get("PERUCORPUS_OLD_MATPLOTLIB_PYTHON"),
    reason="set PERUCORPUS_OLD_MATPLOTLIB_PYTHON to a Python with matplotlib < 3.11 (.ci/run does)",
)
def test_fallback_rendering_on_matplotlib_without_libraqm():
    """On matplotlib 3.9/3.10, figures.ar must pre-shape: joined letters, right-to-left order."""
    python = os.environ["PERUCORPUS_OLD_MATPLOTLIB_PYTHON"]
    env = dict(os.environ, PYTHONPATH=str(Path(figures.__file__).parents[2]))  # src/, holding perucorpus/
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run([python, "-c", MEASURE, str(root)], capture_output=True, text=True, env=env)
    assert result.returncode == 0, f"{python} failed:\n{result.stderr}"
    measured = json.loads(result.stdout)
    assert measured["native"] is False
    assert measured["joined"] < measured["separated"]
    assert measured["tallest"] > measured["left"] + 0.8 * (measured["right"] - measured["left"])
    assert len(measured["saved"]) == 2 and min(measured["saved"]) > 1000  # figures.save works there too
    # the Arabic figures' texts (present.alliance_figures) are pre-shaped there too: joined letters
    assert measured["figure_prepared"] and measured["figure_joined"] < measured["figure_separated"]
    assert measured["direction_prepared"] and measured["direction_joined"] < measured["direction_separated"]


def test_saved_files_are_byte_identical_and_carry_no_date(tmp_path):
    figures.use_project_style()

    def draw(folder):
        figure = Figure(figsize=(3, 2))
        axes = figure.subplots()
        axes.barh([figures.bilingual("Peru", "بيرو")], [3])
        return figures.save(figure, folder, "check")

    first, second = draw(tmp_path / "a"), draw(tmp_path / "b")
    for one, two in zip(first, second):
        assert one.read_bytes() == two.read_bytes()
    svg = first[1].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert b"Software" not in first[0].read_bytes()


def test_publish_shows_the_saved_file_and_closes_the_figure(tmp_path):
    import matplotlib.pyplot as plt
    import pandas as pd

    figures.use_project_style()
    figure, axes = plt.subplots(figsize=(4, 2), layout="constrained")
    axes.barh([figures.bilingual("Peru", "بيرو")], [3])
    data = pd.DataFrame({"label": ["Peru · بيرو"], "value": [3]})
    with pytest.raises(ValueError, match="check: describe it"):
        figures.publish(figure, tmp_path, "check", alt=" ", data=data)
    shown = figures.publish(figure, tmp_path, "check", alt="One bar: Peru, 3", data=data)
    assert shown.alt == "One bar: Peru, 3"
    assert shown.data == (tmp_path / "check.png").read_bytes()
    assert (tmp_path / "check.svg").exists()
    assert (tmp_path / "check.csv").read_bytes() == "label,value\nPeru · بيرو,3\n".encode()
    assert not plt.fignum_exists(figure.number)
    # 150-dpi file (600 px wide) shown at the 100-dpi size of matplotlib's inline display.
    assert shown.width == 400


def test_publish_without_the_project_style(tmp_path):
    import matplotlib
    import matplotlib.pyplot as plt
    import pandas as pd

    with matplotlib.rc_context({"savefig.dpi": "figure", "figure.dpi": 100}):
        figure, axes = plt.subplots(figsize=(3, 2), layout="constrained")
        axes.plot([0, 1])
        shown = figures.publish(figure, tmp_path, "plain", alt="A line", data=pd.DataFrame({"x": [0, 1], "y": [0, 1]}))
    assert shown.width == 300


def test_a_figure_cannot_be_published_without_its_data(tmp_path):
    import matplotlib.pyplot as plt

    figure, _ = plt.subplots()
    with pytest.raises(TypeError, match="data"):
        figures.publish(figure, tmp_path, "no_data", alt="Nothing")
    plt.close(figure)


def test_figure_data_is_written_deterministically(tmp_path):
    import pandas as pd

    frame = pd.DataFrame(
        {
            "term": ["دول", "a,b"],
            "count": [9, 3],
            "g2": [12.600000000000001, 0.1 + 0.2],
            "share": [float("nan"), 2.0],
            "small": [True, False],
        }
    )
    path = figures.write_data(frame, tmp_path / "data.csv")
    assert path.read_bytes() == ('term,count,g2,share,small\nدول,9,12.6,,true\n"a,b",3,0.3,2,false\n').encode()


def test_figure_data_is_written_atomically(tmp_path, monkeypatch):
    import os

    import pandas as pd

    path = figures.write_data(pd.DataFrame({"value": [1]}), tmp_path / "data.csv")

    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        figures.write_data(pd.DataFrame({"value": [2]}), path)
    assert path.read_text(encoding="utf-8") == "value\n1\n"  # the old file, whole
    assert [item.name for item in tmp_path.iterdir()] == ["data.csv"]  # no temporary file left


def test_bar_data_holds_the_bars_bar_panels_draws():
    import pandas as pd

    frame = pd.DataFrame(
        {
            "article": ["a", "a", "b"],
            "gloss": ["states", "change", "alliance"],
            "term": ["دول", "تغيير", "تحالف"],
            "count": [9, 4, 16],
        }
    )
    data = figures.bar_data(frame, panel="article", value="count", labels={"gloss": "gloss_en", "term": "term_ar"})
    assert list(data.columns) == ["article", "rank", "gloss_en", "term_ar", "count"]
    assert list(data["rank"]) == [1, 2, 1]
    panels = {
        name: ([figures.bilingual(g, t) for g, t in zip(part["gloss_en"], part["term_ar"])], part["count"])
        for name, part in data.groupby("article", sort=False)
    }
    figure = figures.bar_panels(panels, "occurrences", "Terms")
    for axes, (name, part) in zip(figure.axes, data.groupby("article", sort=False)):
        bars = sorted(axes.patches, key=lambda bar: -bar.get_y())  # top bar first
        assert [bar.get_width() for bar in bars] == list(part["count"])
        assert [label.get_text() for label in axes.get_yticklabels()][::-1] == panels[name][0]


def test_grid_data_holds_the_cells_the_heatmap_draws_row_by_row():
    import pandas as pd

    table = pd.DataFrame(
        [[0, 1], [4, 2]], index=["PER", "USA"], columns=pd.MultiIndex.from_tuples([("a", "name"), ("a", "adjective")])
    )
    notes = pd.DataFrame([["", "x"], ["y", "z"]], index=table.index, columns=table.columns)
    data = figures.grid_data(table, "mentions", row="iso3", column=("article_id", "form"), notes=notes)
    assert data.to_dict("list") == {
        "iso3": ["PER", "PER", "USA", "USA"],
        "article_id": ["a"] * 4,
        "form": ["name", "adjective"] * 2,
        "mentions": [0, 1, 4, 2],
        "note": ["", "x", "y", "z"],
    }
    figure = Figure()
    axes = figure.subplots()
    image = figures.annotated_heatmap(axes, table.to_numpy(), list(table.index), ["n", "a"])
    assert list(image.get_array().ravel()) == list(data["mentions"])
    wrapped = figures.grid_data(pd.DataFrame({"Lima Group\nend of 2021": ["member"]}, index=["PER"]), "status", row="iso3")
    assert wrapped.to_dict("records") == [{"iso3": "PER", "column": "Lima Group end of 2021", "status": "member"}]


def test_with_country_names_adds_the_cldr_names_after_the_code():
    import pandas as pd

    frame = figures.with_country_names(pd.DataFrame({"map": ["m"], "iso3": ["PER"], "status": ["member"]}))
    assert list(frame.columns) == ["map", "iso3", "country_en", "country_ar", "status"]
    assert frame.iloc[0].to_dict() == {"map": "m", "iso3": "PER", "country_en": "Peru", "country_ar": "بيرو", "status": "member"}


def test_every_status_falls_in_one_of_at_most_eight_display_categories():
    from perucorpus.base import schemas

    assert set(figures.STATUS_CATEGORY) == set(schemas.MEMBERSHIP_STATUSES)  # the data keep every status
    assert sum(len(statuses) for *_, statuses in figures.CATEGORIES.values()) == len(schemas.MEMBERSHIP_STATUSES)
    assert len(figures.CATEGORIES) + 1 <= 8  # "no status recorded" counts too
    styles = [figures.category_style(category) for category in [*figures.CATEGORIES, ""]]
    assert len({colour for colour, _, _ in styles}) == len(styles)  # one colour per category
    assert all(colour.startswith("#") and label for colour, _, label in styles)
    assert set(figures.CELL_WORDS) == set(schemas.MEMBERSHIP_STATUSES)


def test_categories_stay_apart_in_greyscale_and_for_colour_blind_readers():
    """Two categories with the same hatching differ by at least 10 in lightness (L*), which greyscale and
    every kind of colour blindness keep; hatched ones differ in their pattern. Any two colours differ by at
    least 20 in CIE L*a*b* (no two near-identical reds).
    """
    import itertools

    styles = {category: figures.category_style(category) for category in [*figures.CATEGORIES, ""]}
    for (one, (colour_one, hatch_one, _)), (two, (colour_two, hatch_two, _)) in itertools.combinations(styles.items(), 2):
        if hatch_one == hatch_two:
            gap = abs(figures.lightness(colour_one) - figures.lightness(colour_two))
            assert gap >= 10, f"{one} and {two} differ by {gap:.1f} in lightness and share their hatching"
        distance = np.linalg.norm(np.subtract(figures.cielab(colour_one), figures.cielab(colour_two)))
        assert distance >= 20, f"{one} and {two} are {distance:.1f} apart in CIE L*a*b*"
    for category, colour in figures.HATCH_COLOURS.items():  # a coloured hatching still shows in greyscale
        gap = abs(figures.lightness(colour) - figures.lightness(styles[category][0]))
        assert styles[category][1] and gap >= 10, f"{category}'s hatching is {gap:.1f} from its colour in lightness"


def test_an_exit_announced_but_not_put_into_effect_reads_as_a_member_not_as_leaving():
    """Its colour is nearer the members' than the leavers' (a caveat on a member, not a warmer shade of "left")."""
    near = {
        other: np.linalg.norm(
            np.subtract(figures.cielab(figures.CATEGORIES["exit_announced"][0]), figures.cielab(figures.CATEGORIES[other][0]))
        )
        for other in ("in", "left")
    }
    assert near["in"] < near["left"] / 2
    assert figures.hatch_colour("exit_announced") != figures.HATCH_COLOUR


def test_cielab_of_black_white_and_a_known_colour():
    assert figures.cielab("#000000") == pytest.approx((0, 0, 0), abs=1e-6)
    assert figures.cielab("#ffffff") == pytest.approx((100, 0, 0), abs=0.05)
    assert figures.cielab("#ff0000") == pytest.approx((53.24, 80.09, 67.20), abs=0.05)  # sRGB red


def test_legend_text_names_the_statuses_shown_or_the_whole_category():
    assert figures.legend_text("partly_in", {"represented_by_opposition", "signatory"}) == "seated via the opposition"
    assert figures.legend_text("in", {"signatory"}) == "signed the declaration"
    assert figures.legend_text("in", {"founding_member", "member", "designated"}) == figures.CATEGORIES["in"][2]
    assert figures.legend_text("", set()) == "no status recorded"


def test_bloc_order_groups_by_status_then_region_then_name():
    import pandas as pd

    table = pd.DataFrame(
        {"first": ["member", "founding_member", "member", None, "member"]}, index=["JAM", "PER", "ARG", "CAN", "BRA"]
    )
    # founding members first (the status order within a category), then members: South America (by name),
    # then the Caribbean; no status last
    assert figures.bloc_order(table, "first") == ["PER", "ARG", "BRA", "JAM", "CAN"]


def test_bar_panels_are_described_for_screen_readers():
    panels = {
        "castillo2021_lima_exit\n(opinion)": (["countries · دول", "Peru · بيرو"], [9, 3]),
        "shield2026_explainer": (["alliance · تحالف"], [23.456]),
    }
    assert figures.describe_bar_panels(panels, "terms") == (
        "Bar charts of terms; the top bar of each: castillo2021_lima_exit (opinion): countries · دول (9); "
        "shield2026_explainer: alliance · تحالف (23.5)"
    )


def constrained_figure(**layout):
    figures.use_project_style()
    figure = Figure(figsize=(5, 2), layout=ConstrainedLayoutEngine(**layout))
    FigureCanvasAgg(figure)
    for ax in figure.subplots(1, 2):
        ax.barh([figures.bilingual("United States", "الولايات المتحدة"), figures.bilingual("Peru", "بيرو")], [2, 3])
    figure.supxlabel("mentions")
    return figure


def pixels(path: Path) -> np.ndarray:
    from PIL import Image

    with Image.open(path) as image:
        return np.asarray(image.convert("RGBA"))


def test_png_has_the_pixels_savefig_draws(tmp_path):
    """write_png skips savefig's layout-only pre-draw, not anything that ends up in the image."""
    from PIL import Image

    figures.write_png(constrained_figure(), tmp_path / "ours.png")
    constrained_figure().savefig(tmp_path / "savefig.png", metadata={"Software": None})
    with Image.open(tmp_path / "ours.png") as ours, Image.open(tmp_path / "savefig.png") as theirs:
        assert ours.mode == "RGB" and theirs.mode == "RGBA"  # opaque figure: no alpha channel stored
        assert ours.info["dpi"] == theirs.info["dpi"]
    assert (pixels(tmp_path / "ours.png") == pixels(tmp_path / "savefig.png")).all()


def test_png_draws_animated_artists_and_transparency_as_savefig_does(tmp_path):
    def figure():
        made = constrained_figure()
        made.axes[0].plot([0, 3], [0, 1], color="red", animated=True)
        made.patch.set_alpha(0)
        return made

    figures.write_png(figure(), tmp_path / "ours.png")
    figure().savefig(tmp_path / "savefig.png")
    ours = pixels(tmp_path / "ours.png")
    assert (ours[..., 3] < 255).any()  # transparent background kept
    assert (ours == pixels(tmp_path / "savefig.png")).all()  # red line included


def test_png_on_a_high_dpi_canvas_has_the_size_savefig_gives(tmp_path):
    import matplotlib

    ours, theirs = constrained_figure(), constrained_figure()
    for figure in (ours, theirs):
        figure.canvas._set_device_pixel_ratio(2)  # as a HiDPI screen canvas does: figure.dpi doubles
    with matplotlib.rc_context({"savefig.dpi": "figure"}):
        figures.write_png(ours, tmp_path / "ours.png")
        theirs.savefig(tmp_path / "savefig.png")
    assert pixels(tmp_path / "ours.png").shape == pixels(tmp_path / "savefig.png").shape == (200, 500, 4)


def test_png_follows_other_savefig_settings(tmp_path):
    import matplotlib

    with matplotlib.rc_context({"savefig.facecolor": "black"}):
        figures.write_png(constrained_figure(), tmp_path / "dark.png")
    assert tuple(pixels(tmp_path / "dark.png")[0, 0, :3]) == (0, 0, 0)


@pytest.mark.parametrize("defaults", [{}, {"figure.constrained_layout.use": True}, {"figure.autolayout": True}])
def test_save_draws_twice_and_leaves_the_figure_as_it_was(tmp_path, monkeypatch, defaults):
    import matplotlib

    with matplotlib.rc_context(defaults):
        reference = constrained_figure(w_pad=0.1)
        figures.write_png(reference, tmp_path / "reference.png")
        figure = constrained_figure(w_pad=0.1)
        canvas, dpi, engine = figure.canvas, figure.dpi, figure.get_layout_engine()
        draws = []
        original_draw = type(figure).draw
        monkeypatch.setattr(type(figure), "draw", lambda self, renderer: draws.append(renderer) or original_draw(self, renderer))
        figures.save(figure, tmp_path, "check")
    assert len(draws) == 2  # one for the PNG (layout included), one for the SVG
    assert figure.canvas is canvas and figure.dpi == dpi and figure.get_layout_engine() is engine
    # the SVG was drawn with the PNG's layout, not laid out again at the SVG's 72 dpi
    assert [ax.get_position().bounds for ax in figure.axes] == [ax.get_position().bounds for ax in reference.axes]


def test_figure_without_layout_engine_is_cropped_to_its_ink(tmp_path):
    def figure():
        made = Figure(figsize=(3, 2))
        FigureCanvasAgg(made)
        made.subplots().barh([figures.bilingual("Dominican Republic", "جمهورية الدومينيكان")], [3])
        return made

    figures.use_project_style()
    png, _ = figures.save(figure(), tmp_path, "loose")
    figure().savefig(tmp_path / "tight.png", metadata={"Software": None}, bbox_inches="tight")
    assert png.read_bytes() == (tmp_path / "tight.png").read_bytes()
    assert pixels(png).shape[1] > 3 * 150  # wider than the canvas: the long label is not cut


def test_timeline_bands_terms_and_marks_the_one_still_in_office():
    import matplotlib.dates as mdates
    import pandas as pd

    terms = pd.DataFrame(
        {
            "name": ["A Old", "B Middle", "C Short", "D Current"],
            "start": ["2010-01-01", "2016-07-28", "2020-11-10", "2020-11-15"],
            "end": ["2016-07-28", "2020-11-10", "2020-11-15", ""],
            "start_basis": ["stated", "stated", "derived", "stated"],
            "start_derivation": ["", "", "the day after B's removal", ""],
        }
    )
    events = pd.DataFrame(
        {
            "date": ["2017-08-08", "2025-12-11"],
            "label": ["early step", "late step"],
            "start_basis": ["stated", "derived"],
            "start_derivation": ["", "'on Thursday' in a report of 12 December"],
        }
    )
    figure = Figure()
    axes = figure.subplots()
    drawn = figures.timeline_data(terms, events, first="2017-01-01", last="2026-07-01")
    shown = figures.timeline(axes, drawn)
    assert shown == ["Middle", "Short", "Current →"]  # the term over before the chart starts is left out
    assert drawn.to_dict("list") == {
        "layer": ["term", "term", "term", "event", "event"],
        "label": ["Middle", "Short", "Current →", "early step", "late step"],
        "start": ["2016-07-28", "2020-11-10", "2020-11-15", "2017-08-08", "2025-12-11"],  # as recorded
        "end": ["2020-11-10", "2020-11-15", "", "", ""],  # still in office: no end recorded
        "start_basis": ["stated", "derived", "stated", "stated", "derived"],
        "start_derivation": ["", "the day after B's removal", "", "", "'on Thursday' in a report of 12 December"],
        "end_basis": ["", "", "", "", ""],  # not given by these frames
        "end_derivation": ["", "", "", "", ""],
        # a band starts at the chart's start
        "drawn_start": ["2017-01-01", "2020-11-10", "2020-11-15", "2017-08-08", "2025-12-11"],
        "drawn_end": ["2020-11-10", "2020-11-15", "2026-07-01", "", ""],  # the current term runs to the chart's end
    }
    texts = {text.get_text(): text for text in axes.texts}
    # a five-day term is too narrow even for its name standing up: it is named above its band, level
    assert texts["Short"].get_rotation() == 0 and texts["Short"].get_position()[1] > 0.28
    assert texts["Middle"].get_rotation() == 0 and texts["Middle"].get_position()[1] < 0.28
    assert texts["early step"].get_horizontalalignment() == "left"
    assert texts["late step"].get_horizontalalignment() == "right"  # near the right edge, labels run leftwards
    assert len(axes.patches) == 3 and len(axes.lines) == 2
    # the bands and lines are drawn where the data says
    spans = [
        tuple(mdates.num2date(x).date().isoformat() for x in (patch.get_x(), patch.get_x() + patch.get_width()))
        for patch in axes.patches
    ]
    bands = drawn[drawn["layer"] == "term"]
    assert spans == list(zip(bands["drawn_start"], bands["drawn_end"]))
    assert [pd.Timestamp(line.get_xdata()[0]).date().isoformat() for line in axes.lines] == ["2017-08-08", "2025-12-11"]


def test_heatmap_notes_go_under_non_zero_values_in_the_same_colour():
    figure = Figure()
    axes = figure.subplots()
    figures.annotated_heatmap(axes, [[0, 1], [4, 2]], ["a", "b"], ["x", "y"], zero="none", notes=[["n0", "n1"], ["n4", "n2"]])
    texts = {text.get_text(): text for text in axes.texts}
    assert "n0" not in texts and texts["none"].get_position() == (0, 0)  # a zero cell shows only its zero text
    assert texts["n1"].get_position() == (1, 0.28) and texts["n1"].get_color() == "black"
    assert texts["4"].get_color() == texts["n4"].get_color() == "white"  # above half the maximum


def test_an_error_while_saving_leaves_the_old_files_intact(tmp_path, monkeypatch):
    figure = Figure(figsize=(2, 1), layout="constrained")
    figure.add_subplot().plot([0, 1], [1, 0])
    paths = figures.save(figure, tmp_path, "f")
    before = [path.read_bytes() for path in paths]

    def interrupted(figure, path):  # the run is stopped halfway through the PNG
        Path(path).write_bytes(b"\x89PNG half")
        raise KeyboardInterrupt

    monkeypatch.setattr(figures, "write_png", interrupted)
    with pytest.raises(KeyboardInterrupt):
        figures.save(figure, tmp_path, "f")
    assert [path.read_bytes() for path in paths] == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["f.png", "f.svg"]


# The figures the notebooks saved: each ships a CSV of exactly what it draws.

FIGURES = Path(__file__).resolve().parents[1] / "figures"


def saved(stem):
    import pandas as pd

    return pd.read_csv(FIGURES / f"{stem}.csv", dtype=str, keep_default_na=False)


def as_text(frame):
    return frame.astype(str).reset_index(drop=True)


def test_every_saved_figure_has_its_data_beside_it():
    images = {path.stem for path in FIGURES.glob("*.png")}
    assert images and images == {path.stem for path in FIGURES.glob("*.svg")}
    assert images == {path.stem for path in FIGURES.glob("*.csv")}
    for path in FIGURES.glob("*.csv"):
        raw = path.read_bytes()
        assert b"\r" not in raw and raw.endswith(b"\n")
        raw.decode("utf-8")


@pytest.fixture(scope="module")
def term_counts(views):
    from conftest import DATA

    from perucorpus.text import overview

    return overview.article_terms({key: view.text for key, view in views.items()}, DATA)


def test_top_terms_csv_holds_the_bars_of_the_chart(term_counts):
    from conftest import DATA

    from perucorpus.text import overview

    top = overview.with_glosses(overview.top_terms(term_counts, 10), overview.term_glosses(DATA))
    drawn = figures.bar_data(top, panel="article_id", value="count", labels={"gloss_en": "gloss_en", "display": "term_ar"})
    assert saved("01_top_terms").equals(as_text(drawn))


def test_keyness_csv_holds_the_bars_of_the_chart(term_counts):
    from conftest import DATA

    from perucorpus.text import overview

    key = overview.with_glosses(overview.key_terms(term_counts, 6), overview.term_glosses(DATA))
    csv = saved("04_keyness")
    assert list(csv["term_ar"]) == list(key["display"]) and list(csv["article"]) == list(key["article"])
    assert [float(value) for value in csv["g2"]] == list(key["g2"].round(1))  # the bar lengths, as drawn
    assert list(csv["uses"]) == [str(value) for value in key["count"]]


def test_country_mentions_csv_holds_every_cell_of_the_matrix():
    import pandas as pd

    csv = saved("01_country_mentions")
    counted = pd.read_csv(FIGURES.parent / "data" / "derived" / "country_mentions.csv", dtype=str, keep_default_na=False)
    non_zero = csv[csv["mentions"] != "0"][["article_id", "iso3", "form", "mentions"]]
    assert non_zero.sort_values(["article_id", "iso3", "form"]).pipe(as_text).equals(as_text(counted))
    assert len(csv) == csv["iso3"].nunique() * csv["article_id"].nunique() * 2  # zero cells too: they are drawn blank


def test_membership_matrix_csv_holds_the_snapshot_it_colours():
    import pandas as pd

    csv = saved("03_membership_matrix")
    snapshot = pd.read_csv(FIGURES.parent / "data" / "derived" / "membership_snapshot.csv", dtype=str, keep_default_na=False)
    melted = figures.grid_data(snapshot.set_index("iso3"), "status", row="iso3")
    assert csv.drop(columns=["country_en", "country_ar"]).equals(as_text(melted))
    assert list(dict.fromkeys(csv["iso3"])) == list(snapshot["iso3"])  # rows in the drawn (bloc) order


def test_evidence_coverage_csv_holds_the_claim_counts(positions, dimensions, articles):
    from perucorpus.facts import comparison
    from perucorpus.text import corpus

    counts, sources = comparison.claim_grid(positions, dimensions, corpus.reader_names(corpus.metadata(articles)))
    assert saved("02_evidence_coverage").equals(
        as_text(figures.grid_data(counts, "claims", row="dimension", column="era", notes=sources))
    )


def test_maps_csv_colours_each_country_by_the_category_of_its_status():
    csv = saved("03_maps")
    assert set(csv["map"]) and (csv["status"] == "").any()
    for row in csv.itertuples():
        category = figures.STATUS_CATEGORY[row.status] if row.status else ""
        assert (row.category, row.colour, row.hatch) == (category, *figures.category_style(category)[:2])
    assert {"PER", "ARG"} <= set(csv["iso3"]) and set(csv["marker"]) <= {"true", "false"}
    snapshot = saved_snapshot()
    for _, drawn in csv.groupby("map"):  # each map names every country of the matrix
        assert set(drawn.loc[drawn["label"] != "", "iso3"]) == set(snapshot["iso3"])


def saved_snapshot():
    import pandas as pd

    return pd.read_csv(FIGURES.parent / "data" / "derived" / "membership_snapshot.csv", dtype=str, keep_default_na=False)


def test_timeline_csv_holds_the_presidents_and_steps_shown(presidents):
    import pandas as pd

    csv = saved("03_peru_timeline")
    terms, events = csv[csv["layer"] == "term"], csv[csv["layer"] == "event"]
    first, last = terms["drawn_start"].min(), terms["drawn_end"].max()
    expected = figures.timeline_data(presidents, pd.DataFrame({"date": [], "label": []}), first, last)
    assert as_text(terms).equals(as_text(expected))  # every president in office over the span, with dates as recorded
    derived = terms["start_basis"] == "derived"
    assert derived.any() and (terms.loc[derived, "start_derivation"] != "").all()  # a derived date keeps its derivation
    assert len(events) and events["start"].between(first, last).all()  # every step inside the drawn span
    assert (events.loc[events["start_basis"] == "derived", "start_derivation"] != "").all()


def test_no_event_line_runs_through_another_events_label():
    import pandas as pd

    # Peru's three steps of 2025-26: labels near the right edge run leftwards over the earlier lines (issue 18)
    moments = [pd.Timestamp(day) for day in ("2025-12-11", "2026-01-14", "2026-03-05")]
    spans = [(moment - pd.Timedelta(days=900), moment) for moment in moments]
    levels = figures._event_levels(moments, spans)
    assert levels == [0, 1, 2]  # each later label above the earlier lines it runs over
    rightwards = [(moment, moment + pd.Timedelta(days=900)) for moment in moments]
    assert figures._event_levels(moments, rightwards) == [2, 1, 0]


def test_event_levels_give_what_trying_every_assignment_gives():
    """The search gives the levels the exhaustive definition gives: fewest levels, then the lowest sum, then the first
    in lexicographic order (or None), on random steps and label spans.
    """
    import itertools
    import random

    def exhaustive(moments, spans):
        """Every assignment of ``height`` levels tried at once, in lexicographic order (numpy: the same rules as a loop
        over ``itertools.product``, tens of times faster).
        """
        count = len(moments)
        pairs = list(itertools.permutations(range(count), 2))
        for height in range(1, count + 1):
            levels = np.indices((height,) * count).reshape(count, -1).T  # row k: the k-th of itertools.product's
            allowed = np.ones(len(levels), dtype=bool)
            for i, j in pairs:
                if spans[i][0] <= moments[j] <= spans[i][1]:  # i's label spans j's line: j's line stops below it
                    allowed &= levels[:, j] < levels[:, i]
                if spans[i][0] < spans[j][1] and spans[j][0] < spans[i][1]:  # labels that overlap: not on one level
                    allowed &= levels[:, i] != levels[:, j]
            if allowed.any():
                options = levels[allowed]
                return [int(level) for level in options[np.argmin(options.sum(axis=1))]]  # the first of the lowest sum
        return None

    chance = random.Random(7)
    for _ in range(300):
        moments = sorted(chance.uniform(0, 100) for _ in range(chance.randint(1, 6)))
        spans = [(m, m + chance.uniform(1, 40)) if chance.random() < 0.6 else (m - chance.uniform(1, 40), m) for m in moments]
        assert figures._event_levels(moments, spans) == exhaustive(moments, spans), (moments, spans)
