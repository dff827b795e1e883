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

from perucorpus import figures

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
from perucorpus import figures

def ink(text):
    figures.use_project_style()
    figure = Figure(figsize=(4, 1), dpi=100)
    FigureCanvasAgg(figure)
    figure.text(0.5, 0.5, figures.ar(text), fontsize=40, ha="center", va="center")
    figure.canvas.draw()
    return np.asarray(figure.canvas.buffer_rgba())[:, :, 0] < 128

def saved_sizes():
    import tempfile
    figure = Figure(figsize=(4, 2), layout="constrained")
    FigureCanvasAgg(figure)
    figure.subplots().barh([figures.bilingual("Peru", "بيرو")], [3])
    with tempfile.TemporaryDirectory() as folder:
        return [path.stat().st_size for path in figures.save(figure, folder, "check")]

line = ink("اـــــــــ")
columns = np.flatnonzero(line.any(axis=0))
print(json.dumps({
    "native": figures.native_shaping(),
    "joined": int(ink("بيرو").any(axis=0).sum()),
    "separated": int(ink("\u200c".join("بيرو")).any(axis=0).sum()),
    "tallest": int(columns[np.argmax(line[:, columns].sum(axis=0))]),
    "left": int(columns.min()), "right": int(columns.max()),
    "saved": saved_sizes(),
}))
"""


@pytest.mark.skipif(
    not os.environ.get("PERUCORPUS_OLD_MATPLOTLIB_PYTHON"),
    reason="set PERUCORPUS_OLD_MATPLOTLIB_PYTHON to a Python with matplotlib < 3.11 (.ci/run does)",
)
def test_fallback_rendering_on_matplotlib_without_libraqm():
    """On matplotlib 3.9/3.10, figures.ar must pre-shape: joined letters, right-to-left order."""
    python = os.environ["PERUCORPUS_OLD_MATPLOTLIB_PYTHON"]
    env = dict(os.environ, PYTHONPATH=str(Path(figures.__file__).parents[1]))
    result = subprocess.run([python, "-c", MEASURE], capture_output=True, text=True, env=env)
    assert result.returncode == 0, f"{python} failed:\n{result.stderr}"
    measured = json.loads(result.stdout)
    assert measured["native"] is False
    assert measured["joined"] < measured["separated"]
    assert measured["tallest"] > measured["left"] + 0.8 * (measured["right"] - measured["left"])
    assert len(measured["saved"]) == 2 and min(measured["saved"]) > 1000  # figures.save works there too


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

    figures.use_project_style()
    figure, axes = plt.subplots(figsize=(4, 2), layout="constrained")
    axes.barh([figures.bilingual("Peru", "بيرو")], [3])
    with pytest.raises(ValueError, match="check: describe it"):
        figures.publish(figure, tmp_path, "check", alt=" ")
    shown = figures.publish(figure, tmp_path, "check", alt="One bar: Peru, 3")
    assert shown.alt == "One bar: Peru, 3"
    assert shown.data == (tmp_path / "check.png").read_bytes()
    assert (tmp_path / "check.svg").exists()
    assert not plt.fignum_exists(figure.number)
    # 150-dpi file (600 px wide) shown at the 100-dpi size of matplotlib's inline display.
    assert shown.width == 400


def test_publish_without_the_project_style(tmp_path):
    import matplotlib
    import matplotlib.pyplot as plt

    with matplotlib.rc_context({"savefig.dpi": "figure", "figure.dpi": 100}):
        figure, axes = plt.subplots(figsize=(3, 2), layout="constrained")
        axes.plot([0, 1])
        shown = figures.publish(figure, tmp_path, "plain", alt="A line")
    assert shown.width == 300


def test_bar_panels_are_described_for_screen_readers():
    panels = {"castillo2021_lima_exit\n(opinion)": (["countries · دول", "Peru · بيرو"], [9, 3]),
              "shield2026_explainer": (["alliance · تحالف"], [23.456])}
    assert figures.describe_bar_panels(panels, "terms") == (
        "Bar charts of terms; the top bar of each: castillo2021_lima_exit (opinion): countries · دول (9); "
        "shield2026_explainer: alliance · تحالف (23.5)")


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
    import pandas as pd

    terms = pd.DataFrame({"name": ["A Old", "B Middle", "C Short", "D Current"],
                          "start": ["2010-01-01", "2016-07-28", "2020-11-10", "2020-11-15"],
                          "end": ["2016-07-28", "2020-11-10", "2020-11-15", ""]})
    events = pd.DataFrame({"date": ["2017-08-08", "2025-12-11"], "label": ["early step", "late step"]})
    figure = Figure()
    axes = figure.subplots()
    shown = figures.timeline(axes, terms, events, first="2017-01-01", last="2026-07-01")
    assert shown == ["Middle", "Short", "Current →"]  # the term over before the chart starts is left out
    texts = {text.get_text(): text for text in axes.texts}
    assert texts["Short"].get_rotation() == 90 and texts["Middle"].get_rotation() == 0  # a short term's name stands up
    assert texts["early step"].get_horizontalalignment() == "left"
    assert texts["late step"].get_horizontalalignment() == "right"  # near the right edge, labels run leftwards
    assert len(axes.patches) == 3 and len(axes.lines) == 2


def test_heatmap_notes_go_under_non_zero_values_in_the_same_colour():
    figure = Figure()
    axes = figure.subplots()
    figures.annotated_heatmap(axes, [[0, 1], [4, 2]], ["a", "b"], ["x", "y"], zero="none",
                              notes=[["n0", "n1"], ["n4", "n2"]])
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
