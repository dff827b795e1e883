"""Notebook 03's figures in English and Arabic from one code (perucorpus.present.alliance_figures)."""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.text import Text

from perucorpus.facts import heads_of_state, memberships
from perucorpus.present import alliance_figures, figures, maps
from perucorpus.publish import catalogue, localised

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
LATIN = re.compile(r"[A-Za-z]")


@pytest.fixture(scope="module")
def arabic() -> catalogue.Catalogue:
    return catalogue.load(ROOT / "teaching", "ar")


@pytest.fixture(scope="module")
def inputs():
    figures.use_project_style()
    rows = memberships.load_memberships(DATA)
    shapes = maps.project(maps.load_shapes(DATA / "geo" / "americas_50m.geojson"))
    return rows, shapes, alliance_figures.read_snapshot(DATA), heads_of_state.load_presidents(DATA)


@pytest.fixture(scope="module")
def screen_maps(inputs, arabic):
    """Notebook 03's maps figure as drawn, in English and in Arabic (drawn once: the tests only read it)."""
    rows, shapes, snapshot, _ = inputs
    texts = {"en": alliance_figures.english(), "ar": localised.figure_text(ROOT, arabic)}
    drawn = {
        language: alliance_figures.draw_maps(rows, shapes, snapshot.index, "the explainer", text)[0]
        for language, text in texts.items()
    }
    yield drawn
    for figure in drawn.values():
        plt.close(figure)


def _draw(which: str, inputs, text, explainer: str):
    rows, shapes, snapshot, presidents = inputs
    if which == "maps":
        return alliance_figures.draw_maps(rows, shapes, snapshot.index, explainer, text)
    if which == "timeline":
        return alliance_figures.draw_timeline(rows, presidents, text)
    if which == "printed timeline":
        return alliance_figures.draw_timeline(rows, presidents, text, alliance_figures.TIMELINE_PRINT_SIZE)
    return alliance_figures.draw_matrix(snapshot, explainer, text)


def _texts(figure) -> list[str]:
    return [artist.get_text() for artist in figure.findobj(Text) if artist.get_visible() and artist.get_text().strip()]


@pytest.mark.parametrize("which", ["maps", "timeline", "matrix"])
def test_the_arabic_figure_writes_arabic_only(which, inputs, arabic):
    text = localised.figure_text(ROOT, arabic)
    figure, _, _ = _draw(which, inputs, text, arabic("data.article.shield2026_explainer"))
    figure.canvas.draw()
    written = _texts(figure)
    plt.close(figure)
    assert written
    latin = [line for line in written if LATIN.search(line)]
    assert latin == []  # titles, legends, columns, cells, steps, countries and presidents all in Arabic
    assert any(re.search(r"[\u0600-\u06ff]", line) for line in written)
    if which == "timeline":  # dates with Arabic month names and Western digits, as on the pages
        assert any("أغسطس 2021" in line for line in written)


@pytest.mark.parametrize("which", ["maps", "timeline", "matrix"])
def test_the_english_figure_keeps_its_words(which, inputs):
    figure, _, _ = _draw(which, inputs, alliance_figures.english(), "the 2026 explainer")
    written = " ".join(" ".join(_texts(figure)).split())
    plt.close(figure)
    assert "coalition" not in written and "MNNA" not in written and "data/" not in written
    expected = {
        "maps": "Signatories of the counter-cartel declaration",
        "timeline": "Major Non-NATO Ally",
        "matrix": "not among the column's countries on record",  # the blank cells' legend entry
    }
    assert expected[which] in written


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_screen_maps_names_keep_clear_of_each_other_and_of_the_leaders(language, inputs, screen_maps):
    """Notebook 03's two maps as drawn (laid out at their final size: the 2021 map's names once ran into each
    other when the second panel shrank it): no two names overlap and no leader runs through another country's name
    (Belize's, from the top of the Pacific column, ran through Mexico's).
    """
    _, shapes, snapshot, _ = inputs
    figure = screen_maps[language]
    figure.draw_without_rendering()
    renderer = figure._get_renderer()
    points = {maps.marker_position(shapes[iso3]): iso3 for iso3 in snapshot.index if iso3 in shapes}
    problems = []
    for axes in figure.axes:
        boxes = {t.get_gid()[6:]: t.get_window_extent(renderer) for t in axes.texts if (t.get_gid() or "").startswith("label:")}
        if not boxes:
            continue
        problems += [(a, b) for a in boxes for b in boxes if a < b and boxes[a].overlaps(boxes[b])]
        leaders = [line for line in axes.lines if (line.get_gid() or "").startswith("leader:") and len(line.get_xydata()) == 2]
        assert leaders
        for line in leaders:
            owner = points[tuple(line.get_xydata()[0])]
            path = axes.transData.transform_path(line.get_path())
            problems += [
                (owner, name) for name, box in boxes.items() if name != owner and path.intersects_bbox(box.expanded(0.9, 0.8))
            ]
    assert problems == []


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_timeline_keeps_its_step_labels_apart(language, inputs, arabic):
    """Measured by the renderer: two step labels on one row stay at least LABEL_GAP ems apart (Arabic's "August 2021"
    and "7 September 2021" once ran together), no two labels overlap, no step's line runs through a label, and every
    label is inside the figure (a longer step once ran off its left edge).
    """
    from matplotlib.transforms import Bbox

    text = alliance_figures.english() if language == "en" else localised.figure_text(ROOT, arabic)
    for which in ("timeline", "printed timeline"):  # on screen, and drawn for print (its steps numbered)
        figure, _, _ = _draw(which, inputs, text, "x")
        figure.canvas.draw()
        renderer = figure._get_renderer()
        ax = figure.axes[0]
        labels = sorted((t for t in ax.texts if (t.get_gid() or "").startswith("event:")), key=Text.get_gid)
        lines = [line for line in ax.lines]
        plt.close(figure)
        assert len(labels) == len(lines) >= 6
        boxes = [label.get_window_extent(renderer) for label in labels]
        em = labels[0].get_fontsize() * figure.dpi / 72
        page = figure.bbox
        assert [label.get_text() for label, box in zip(labels, boxes) if box.x0 < page.x0 or box.x1 > page.x1] == []
        for i, first in enumerate(boxes):
            for second in boxes[i + 1 :]:
                same_row = first.y0 < second.y1 and second.y0 < first.y1
                apart = max(second.x0 - first.x1, first.x0 - second.x1)
                assert not same_row or apart >= figures.LABEL_GAP * em - 0.5, (labels[i].get_text(), apart / em)
            for line in lines:
                x = ax.get_xaxis_transform().transform((ax.convert_xunits(line.get_xdata()[0]), 0))[0]
                top = ax.transAxes.transform((0, line.get_ydata()[1]))[1]
                stroke = Bbox.from_extents(x - 0.5, ax.bbox.y0, x + 0.5, top)
                assert not stroke.overlaps(first), labels[i].get_text()


def test_a_missing_figure_key_is_an_error(inputs, arabic):
    entries = {key: value for key, value in arabic.entries.items() if key != "figure.matrix.legend_title"}
    cut = catalogue.Catalogue("ar", entries, "ar.toml", "rtl")
    with pytest.raises(catalogue.MissingText, match="figure.matrix.legend_title"):
        _draw("matrix", inputs, localised.figure_text(ROOT, cut), "x")
    plt.close("all")


def test_every_figure_text_has_its_arabic_entry_recording_the_english(arabic):
    _, sources = catalogue.translated(ROOT / "teaching" / "ar.toml")
    for key, english in alliance_figures.english_texts().items():
        assert sources[key] == english, key
        assert not LATIN.search(re.sub(r"\{\w+\}", "", arabic(key))), key  # placeholders aside


def test_the_old_matplotlib_path_pre_shapes_every_arabic_text(monkeypatch, arabic):
    monkeypatch.setattr(figures, "native_shaping", lambda: False)
    text = localised.figure_text(ROOT, arabic)
    drawn = text("figure.category.absent")
    assert drawn == figures.ar(arabic("figure.category.absent"), native=False) != arabic("figure.category.absent")
    labels = alliance_figures.legend_labels(text, {"signatory", "absent"}, alliance_figures.MATRIX_NONE)
    assert labels["absent"] == drawn
    monkeypatch.setattr(figures, "native_shaping", lambda: True)
    assert text("figure.category.absent") == arabic("figure.category.absent")  # matplotlib 3.11 shapes it itself


def test_the_arabic_edition_shows_the_arabic_figures(tmp_path):
    written = {path.name: path for path in (ROOT / "_build" / "ar" / "figures").glob("*.png")}
    if not written:
        pytest.skip("no Arabic edition built (make notebooks)")
    english = {path.name: path.read_bytes() for path in (ROOT / "figures").glob("*.png")}
    for name in ("03_maps.png", "03_peru_timeline.png"):
        assert written[name].read_bytes() != english[name]  # drawn in Arabic, not copied


@pytest.fixture(scope="module", params=["en", "ar"])
def printed_maps(request, inputs, arabic):
    """The maps drawn for print in each language, laid out: (figure, the data drawn, the figure's words)."""
    text = alliance_figures.english() if request.param == "en" else localised.figure_text(ROOT, arabic)
    rows, shapes, snapshot, _ = inputs
    figure, data, _ = alliance_figures.draw_maps(rows, shapes, snapshot.index, "the explainer", text, alliance_figures.PRINT)
    figure.draw_without_rendering()
    yield figure, data, text
    plt.close(figure)


def test_the_printed_maps_write_every_text_legibly_inside_the_figure_without_overlap(printed_maps):
    """Drawn at the size they are printed (scale 1): every name, key line and title at least LEGIBLE points, inside
    the figure, no two overlapping.
    """
    figure, _, _ = printed_maps
    printed = alliance_figures.PRINT
    sizes = figure.get_size_inches() * 25.4
    assert abs(sizes[0] - printed.width) < 0.01 and abs(sizes[1] - printed.height) < 0.01
    renderer = figure._get_renderer()
    written = [t for t in figure.findobj(Text) if t.get_text().strip() and t.get_visible()]
    assert {(t.get_gid() or "").split(":")[0] for t in written} == {"label", "key", "list", "title"}
    assert min(t.get_fontsize() for t in written) >= alliance_figures.LEGIBLE
    boxes = [(t.get_gid(), t.get_window_extent(renderer)) for t in written]
    page = figure.bbox
    outside = [gid for gid, box in boxes if box.x0 < page.x0 or box.x1 > page.x1 or box.y0 < page.y0 or box.y1 > page.y1]
    # the key's lines are set closer than Noto Sans Arabic's line box: compared by their middle third
    thin = [(gid, _middle_third(box) if gid.split(":")[0] in ("key", "list") else box) for gid, box in boxes]
    overlapping = [(a, b) for i, (a, first) in enumerate(thin) for b, second in thin[i + 1 :] if first.overlaps(second)]
    assert outside == [] and overlapping == []


def test_each_printed_name_lies_inside_its_own_country(printed_maps, inputs):
    """A name on a printed map is written across its own country: the ends and middle of its baseline's width, at its
    height's middle, all fall inside the country's shape ("United States" over Canada fails).
    """
    figure, data, _ = printed_maps
    _, shapes, _, _ = inputs
    labels = [t for t in figure.findobj(Text) if (t.get_gid() or "").startswith("label:")]
    assert {t.get_gid()[6:] for t in labels} == set(data.loc[data["label"] == "inside", "iso3"])
    assert len(labels) >= 6  # the largest countries are named on the maps (Canada, the United States, Brazil)
    renderer = figure._get_renderer()
    for label in labels:
        box = label.get_window_extent(renderer).transformed(label.axes.transData.inverted())
        middle = (box.y0 + box.y1) / 2
        points = [(box.x0, middle), ((box.x0 + box.x1) / 2, middle), (box.x1, middle)]
        outline = maps._path(shapes[label.get_gid()[6:]])
        assert outline.contains_points(points).all(), label.get_gid()


def test_the_printed_keys_list_every_coloured_country_under_its_own_category(printed_maps):
    """Every coloured country of each map is listed under its category in that map's key (named on the map or not:
    a reader counts the 17 signatories from the list), and no country under another category than its colour's.
    """
    figure, data, text = printed_maps
    separator = text.plain("figure.maps.separator").strip()
    for map_axes, (title, drawn) in zip(_map_axes(figure), data.groupby("map", sort=False)):
        key_axes = _key_beside(figure, map_axes)
        listed: dict[str, list[str]] = {}
        for line in key_axes.texts:
            kind, _, category = (line.get_gid() or "").partition(":")
            if kind == "list":
                listed.setdefault(category, []).append(line.get_text())
        named = {t.get_gid()[6:] for t in map_axes.texts}
        coloured = drawn[drawn["category"] != ""]
        for category, members in coloured.groupby("category"):
            items = " ".join(listed.get(category, [])).split(separator)
            expected = sorted(text.country(iso3) for iso3 in members["iso3"])
            assert sorted(item.strip() for item in items if item.strip()) == expected, (title, category)
        assert set(listed) <= set(coloured["category"])  # nothing listed under a category the map does not colour
        assert named <= set(drawn["iso3"]) and all(drawn.set_index("iso3").loc[list(named), "label"] == "inside")


def _middle_third(box):
    from matplotlib.transforms import Bbox

    return Bbox.from_extents(box.x0, box.y0 + box.height / 3, box.x1, box.y1 - box.height / 3)


def _map_axes(figure) -> list:
    """The printed figure's two maps, in the order of the data (2021 first)."""
    maps_drawn = [ax for ax in figure.axes if ax.collections]
    return sorted(
        maps_drawn,
        key=lambda ax: ax.get_position().x0,
        reverse=any(re.search(r"[\u0600-\u06ff]", t.get_text()) for t in figure.texts),
    )


def _key_beside(figure, map_axes):
    """The key axes nearest to ``map_axes``."""
    keys = [ax for ax in figure.axes if not ax.collections]
    centre = map_axes.get_position().x0 + map_axes.get_position().width / 2
    return min(keys, key=lambda ax: abs(ax.get_position().x0 + ax.get_position().width / 2 - centre))


@pytest.mark.parametrize("folder", ["classroom", "ar"])
@pytest.mark.parametrize("pdf", ["handout.pdf", "student.pdf"])
def test_the_pack_prints_the_maps_names_at_a_legible_size(folder, pdf):
    """The printed maps' names, at the scale the PDF prints the drawing (its pixels over the width they cover), stay
    at least LEGIBLE points: a stylesheet that shrinks the drawing (a max-height cap) fails this.
    """
    import shutil

    built = ROOT / "_build" / folder
    drawing = built / "figures" / f"{alliance_figures.MAPS_PRINT}.png"
    if not (built / pdf).is_file() or not drawing.is_file() or not shutil.which("pdfimages"):
        pytest.skip("no pack built (make notebooks) or no poppler")
    shown = _printed_widths(built / pdf, drawing)
    assert len(shown) == 1, f"the printed maps are not in {folder}/{pdf}"
    scale = shown[0] / alliance_figures.PRINT.width
    smallest = min(alliance_figures.PRINT.label_size, alliance_figures.PRINT.legend_size)
    assert smallest * scale >= alliance_figures.LEGIBLE, (shown[0], smallest * scale)


@pytest.fixture(scope="module", params=["en", "ar"])
def printed_timeline(request, inputs, arabic):
    """The timeline drawn for print in each language, laid out: (figure, the data drawn, its key)."""
    text = alliance_figures.english() if request.param == "en" else localised.figure_text(ROOT, arabic)
    rows, _, _, presidents = inputs
    figure, data, _ = alliance_figures.draw_timeline(rows, presidents, text, alliance_figures.TIMELINE_PRINT_SIZE)
    figure.draw_without_rendering()
    yield figure, data, alliance_figures.timeline_key(rows, text)
    plt.close(figure)


def test_the_printed_timeline_writes_every_text_at_seven_points_inside_the_figure_without_overlap(printed_timeline):
    """Drawn at the size it is printed (scale 1): every number, president and year at least 7 points (the pack's
    nominal floor, above LEGIBLE), inside the figure, no two overlapping (today's screen timeline shrunk to the
    handout printed its steps at about 5 points).
    """
    figure, _, _ = printed_timeline
    printed = alliance_figures.TIMELINE_PRINT_SIZE
    sizes = figure.get_size_inches() * 25.4
    assert abs(sizes[0] - printed.width) < 0.01 and abs(sizes[1] - printed.height) < 0.01
    renderer = figure._get_renderer()
    written = [t for t in figure.findobj(Text) if t.get_text().strip() and t.get_visible()]
    assert min(t.get_fontsize() for t in written) >= max(7.0, alliance_figures.LEGIBLE)
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in written]
    page = figure.bbox
    outside = [text for text, box in boxes if box.x0 < page.x0 or box.x1 > page.x1 or box.y0 < page.y0 or box.y1 > page.y1]
    overlapping = [(a, b) for i, (a, first) in enumerate(boxes) for b, second in boxes[i + 1 :] if first.overlaps(second)]
    assert outside == [] and overlapping == []


def test_the_printed_timeline_numbers_the_steps_its_key_writes_out(printed_timeline, inputs):
    """The same steps, dates and presidents as the screen timeline: each step's line numbered in the order of the key,
    whose lines are the screen timeline's labels (a derived date marked *), every president's band named.
    """
    figure, data, key = printed_timeline
    ax = figure.axes[0]
    numbers = sorted((t for t in ax.texts if (t.get_gid() or "").startswith("event:")), key=lambda t: t.get_gid())
    assert [t.get_text() for t in numbers] == [str(n) for n in range(1, len(key.steps) + 1)]
    events = data[data["layer"] == "event"]
    assert list(events["label"]) == list(key.steps)  # the data keep the words the key prints
    derived = events["start_basis"] == "derived"
    assert derived.any() and all(("*" in step) == mark for step, mark in zip(key.steps, derived))
    bands = data.loc[data["layer"] == "term", "label"]
    shown = {t.get_text() for t in ax.texts if not (t.get_gid() or "").startswith("event:")}
    assert len(bands) >= 7 and set(bands) <= shown  # Merino's five days too
    assert key.footnote and "*" in key.footnote and "→" in key.footnote


def _printed_widths(pdf: Path, drawing: Path) -> list[float]:
    """The widths on paper (mm) at which ``pdf`` prints the image ``drawing``, once per time it shows it (pdfimages)."""
    import subprocess

    from PIL import Image

    with Image.open(drawing) as image:
        pixels = image.size
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:]]
    return [pixels[0] / float(row[12]) * 25.4 for row in rows if (int(row[3]), int(row[4])) == pixels]


@pytest.mark.parametrize("folder", ["classroom", "ar"])
@pytest.mark.parametrize("pdf", ["handout.pdf", "student.pdf", "facilitator.pdf", "slides.pdf"])
def test_the_pack_prints_the_timeline_s_texts_at_a_legible_size(folder, pdf, inputs, arabic):
    """Whichever drawing of the timeline a PDF prints (for print, for the slide or the screen's), its smallest text, at
    the scale printed (the drawing's pixels over the width they cover), stays at least LEGIBLE points: the screen
    timeline shrunk into the handout's 60 mm (about 5 points) fails this.
    """
    import shutil

    built = ROOT / "_build" / folder
    stems = (alliance_figures.TIMELINE, alliance_figures.TIMELINE_PRINT, alliance_figures.TIMELINE_SLIDE)
    drawings = {stem: built / "figures" / f"{stem}.png" for stem in stems if (built / "figures" / f"{stem}.png").is_file()}
    if not (built / pdf).is_file() or not drawings or not shutil.which("pdfimages"):
        pytest.skip("no pack built (make notebooks) or no poppler")
    shown = [(stem, width) for stem, path in drawings.items() for width in _printed_widths(built / pdf, path)]
    assert len(shown) == 1, f"{folder}/{pdf} does not show the timeline once: {shown}"
    (stem, printed_mm), text = shown[0], alliance_figures.english() if folder == "classroom" else None
    rows, _, _, presidents = inputs
    printed = DRAWINGS[stem][1]
    figure, _, _ = alliance_figures.draw_timeline(rows, presidents, text or localised.figure_text(ROOT, arabic), printed)
    figure.draw_without_rendering()
    smallest = min(t.get_fontsize() for t in figure.findobj(Text) if t.get_text().strip() and t.get_visible())
    scale = printed_mm / (figure.get_size_inches()[0] * 25.4)
    plt.close(figure)
    assert smallest * scale >= alliance_figures.LEGIBLE, (stem, printed_mm, smallest * scale)


def test_the_printed_timeline_pre_shapes_its_arabic_on_old_matplotlib(monkeypatch, inputs, arabic):
    """On matplotlib before 3.11 every Arabic text of the printed timeline (the presidents' names) is drawn
    pre-shaped (figures.ar); its numbers and years are digits, and its steps are the page's text, which the browser
    shapes.
    """
    monkeypatch.setattr(figures, "native_shaping", lambda: False)
    text = localised.figure_text(ROOT, arabic)
    rows, _, _, presidents = inputs
    figure, data, _ = alliance_figures.draw_timeline(rows, presidents, text, alliance_figures.TIMELINE_PRINT_SIZE)
    written = {t.get_text() for t in figure.axes[0].texts if not (t.get_gid() or "").startswith("event:")}
    numbers = [t.get_text() for t in figure.axes[0].texts if (t.get_gid() or "").startswith("event:")]
    plt.close(figure)
    names = [text.person(name) for name in presidents["name"]]
    prepared = {figures.ar(name, native=False) for name in names}
    arabic_written = {line.removesuffix(" →") for line in written if re.search(r"[\u0600-\u06ff\ufe70-\ufeff]", line)}
    assert arabic_written and arabic_written <= prepared and not arabic_written & set(names)
    assert numbers and all(number.isdigit() for number in numbers)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_screen_maps_names_lie_on_their_countries_and_their_leaders_cross_nothing(language, inputs, screen_maps):
    """Each map of the figure as drawn: a name inside its country lies mostly on it, not on a neighbour ("Paraguay"
    sat mostly on Brazil); no leader crosses another name, another country's circle (Jamaica's cut through Haiti's)
    or another leader (Honduras's crossed Costa Rica's).
    """
    from map_checks import inside_shares, leader_problems, named_axes

    shapes = inputs[1]
    both = named_axes(screen_maps[language])
    assert len(both) == 2
    for axes in both:
        shares = inside_shares(axes, shapes)
        assert len(shares) >= 8
        assert {iso3: share for iso3, share in shares.items() if share[0] < 0.6 or share[1] > 0.25} == {}
        assert leader_problems(axes) == []


def test_the_screen_maps_names_are_readable_at_the_pages_width(screen_maps):
    """A page shows the figure about 900 px wide: a country's name (SCREEN_LABEL_SIZE points at the PNG's dpi) is
    then label pt × dpi/72 × 900/(figure width in px) ≥ 9 px high (side by side, 20 inches wide, it was about 6).
    """
    figure = screen_maps["en"]
    dpi = plt.rcParams["savefig.dpi"]
    width = figure.get_size_inches()[0] * dpi  # the PNG's width: the figure is laid out by its engine, not cropped
    sizes = {t.get_fontsize() for ax in figure.axes for t in ax.texts if (t.get_gid() or "").startswith("label:")}
    assert sizes == {alliance_figures.SCREEN_LABEL_SIZE}
    shown = min(sizes) * dpi / 72 * alliance_figures.PAGE_WIDTH / width
    assert shown >= alliance_figures.PAGE_LABEL_PX


def test_the_maps_text_alternative_uses_the_legends_words():
    import pandas as pd

    text = alliance_figures.english()
    lima = pd.Series({"PER": "exit_dropped", "ARG": "withdrew", "CHL": "founding_member", "BRA": "founding_member"})
    alt = alliance_figures.described(text, lima, alliance_figures.LIMA_NONE)
    # Peru's exit was dropped: the legend says so, and so must the alternative (not "not put into effect")
    assert "exit announced, then dropped 1" in alt and "not put into effect" not in alt
    assert alt.index("exit announced, then dropped") > alt.index(" 2")  # legend order: members first
    chile = pd.Series({"CHL": "attended", "PER": "signatory"})
    extras = {"attended": text.plain("figure.maps.attended")}
    assert "(reports disagree on whether it signed) 1" in alliance_figures.described(
        text, chile, "figure.maps.signatories_none", extras
    )


#: Each drawing of the maps and the timeline the pack may show: stem → (what it draws, its size: None on screen).
DRAWINGS = {
    alliance_figures.MAPS: ("maps", None),
    alliance_figures.MAPS_PRINT: ("maps", alliance_figures.PRINT),
    alliance_figures.TIMELINE: ("timeline", None),
    alliance_figures.TIMELINE_PRINT: ("timeline", alliance_figures.TIMELINE_PRINT_SIZE),
    alliance_figures.TIMELINE_SLIDE: ("timeline", alliance_figures.TIMELINE_SLIDE_SIZE),
} | {stem: ("maps", size) for stem, size in alliance_figures.SLIDE_MAP_SIZES.items()}


def _smallest_text(stem: str, inputs, text) -> float:
    """The smallest text size (points) of the drawing ``stem`` as :data:`DRAWINGS` draws it."""
    rows, shapes, snapshot, presidents = inputs
    which, size = DRAWINGS[stem]
    if which == "maps":
        figure = alliance_figures.draw_maps(rows, shapes, snapshot.index, "the explainer", text, size)[0]
    else:
        figure = alliance_figures.draw_timeline(rows, presidents, text, size)[0]
    figure.draw_without_rendering()
    smallest = min(t.get_fontsize() for t in figure.findobj(Text) if t.get_text().strip() and t.get_visible())
    plt.close(figure)
    return smallest


def _page_font_sizes(pdf: Path, page: int) -> list[float]:
    """The sizes (points) of the fonts the words of ``page`` of ``pdf`` are set in (pdftohtml's XML at zoom 1)."""
    import subprocess

    xml = subprocess.run(
        ["pdftohtml", "-xml", "-i", "-zoom", "1", "-stdout", "-f", str(page), "-l", str(page), str(pdf)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    used = set(re.findall(r'<text [^>]*font="(\d+)"', xml))
    return [float(size) for font, size in re.findall(r'<fontspec id="(\d+)" size="([\d.]+)"', xml) if font in used]


@pytest.mark.parametrize("folder", ["classroom", "ar"])
def test_the_slides_print_the_maps_and_timeline_texts_at_fourteen_points(folder, inputs, arabic):
    """Projected, a slide's text must read from the back of a room: on the slide PDF (a 16:9 page as the deck prints
    it), every drawing of the maps or the timeline it shows prints its smallest text at SLIDE_LEGIBLE points or more
    (its size drawn times the scale printed: its pixels over the width they cover, pdfimages), and the words the map
    and timeline slides set as text (key, caption) are as large. The print maps enlarged to a slide (about 10 pt) and
    the screen timeline shrunk to it (about 9 pt) fail this.
    """
    import shutil

    from PIL import Image

    from perucorpus.publish import classroom

    built = ROOT / "_build" / folder
    if not (built / "slides.pdf").is_file() or not shutil.which("pdfimages") or not shutil.which("pdftohtml"):
        pytest.skip("no pack built (make notebooks) or no poppler")
    text = alliance_figures.english() if folder == "classroom" else localised.figure_text(ROOT, arabic)
    drawings = {stem: built / "figures" / f"{stem}.png" for stem in DRAWINGS if (built / "figures" / f"{stem}.png").is_file()}
    shown = {stem: width for stem, path in drawings.items() for width in _printed_widths(built / "slides.pdf", path)}
    assert {DRAWINGS[stem][0] for stem in shown} == {"maps", "timeline"}, shown
    for stem, printed_mm in shown.items():
        smallest = _smallest_text(stem, inputs, text)
        with Image.open(drawings[stem]) as image:  # its width as drawn: its whole pixels at the PNG's resolution
            drawn_mm = image.size[0] / plt.rcParams["savefig.dpi"] * 25.4
        assert smallest * printed_mm / drawn_mm >= alliance_figures.SLIDE_LEGIBLE, (stem, printed_mm, smallest)
    numbers = classroom.slide_numbers((built / "slides.html").read_text(encoding="utf-8"))
    pages = [number for name, number in numbers.items() if name.startswith(("map", "timeline"))]
    assert len(pages) >= 2
    for page in pages:
        sizes = _page_font_sizes(built / "slides.pdf", page)
        assert sizes and min(sizes) >= alliance_figures.SLIDE_LEGIBLE, (page, sizes)


def _one_line(words: str) -> str:
    return " ".join(words.split())


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("size", [None, alliance_figures.PRINT, *alliance_figures.SLIDE_MAP_SIZES.values()])
def test_each_map_says_what_an_uncoloured_country_is_on_its_own_record(language, size, inputs, arabic):
    """An uncoloured country is not "no status recorded" (readers took that for missing data): on the 2021 map it is
    not among the Lima Group's members on record (the United States, which has no Lima Group row), on the 2026 map not
    on the explainer's list as signing or absent (Venezuela); each map's legend or key writes its own words, in screen,
    print and slide drawings.
    """
    rows, shapes, snapshot, _ = inputs
    text = alliance_figures.english() if language == "en" else localised.figure_text(ROOT, arabic)
    figure, data, _ = alliance_figures.draw_maps(rows, shapes, snapshot.index, "the explainer", text, size)
    written = {_one_line(t.get_text()) for t in figure.findobj(Text) if t.get_visible()}
    keys = {}  # printed: each key's lines of the uncoloured entry (gid "key:"), joined
    for line in figure.findobj(Text):
        if line.get_gid() == "key:":
            keys.setdefault(line.axes, []).append(line.get_text())
    plt.close(figure)
    words = [_one_line(text.plain(key)) for key in (alliance_figures.LIMA_NONE, alliance_figures.SIGNATORIES_NONE)]
    assert words[0] != words[1]
    shown = size.maps if size else (0, 1)  # the maps drawn: 0 the 2021 map, 1 the 2026 one
    legend = data.set_index(["map", "iso3"])["legend"]
    for title, number in zip(data["map"].unique(), shown):
        uncoloured = {"USA": words[0], "VEN": words[1]}  # no Lima Group row; not on the explainer's list
        assert legend[(title, ["USA", "VEN"][number])] == uncoloured[["USA", "VEN"][number]]
        assert set(data.loc[(data["map"] == title) & (data["status"] == ""), "legend"]) == {words[number]}
    if size is None:  # a legend entry each, as drawn
        assert {_one_line(text.draw(words[number])) for number in shown} <= written
    else:  # the key wraps its words on lines of its own
        assert sorted(" ".join(lines) for lines in keys.values()) == sorted(words[number] for number in shown)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_matrix_says_what_a_blank_cell_is(language, inputs, arabic):
    text = alliance_figures.english() if language == "en" else localised.figure_text(ROOT, arabic)
    figure, _, _ = _draw("matrix", inputs, text, "the explainer")
    legend = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    plt.close(figure)
    assert legend[-1] == text(alliance_figures.MATRIX_NONE)  # the blank cells' entry, last
    assert text.plain(alliance_figures.MATRIX_NONE) not in (text.plain(alliance_figures.LIMA_NONE), text.plain("figure.or"))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_text_names_the_timelines_lines_one_way(language, arabic):
    """The timeline's lines are the steps by Peru and by the United States (figure.timeline.lines; two of them are
    US acts and one a press report, so not "Peru's steps in the regional groupings"), in the figure's title
    and in every caption of the pack that names them (the handout's, the reader's): a text that says "(lines)" says
    it of those words. They were "alliance steps", "its alliance steps" and "steps between the groupings"
    («خطوات التحالفات», «خطوات بيرو في التحالفات», «خطوات بيرو بين التجمّعات»).
    """
    if language == "en":
        texts, t = alliance_figures.english(), catalogue.load(ROOT / "teaching", "en")
        lines_word = "(lines)"
    else:
        texts, t = localised.figure_text(ROOT, arabic), arabic
        lines_word = "(خطوط)"
    term = texts.plain("figure.timeline.lines")
    title = texts.plain("figure.timeline.title", lines=term)
    naming = {key: t(key) for key in t.entries if lines_word in t(key) and not key.startswith("figure.timeline.title")}
    assert {"handout.timeline_caption", "figures.timeline.caption"} <= set(naming)
    for key, words in {**naming, "figure.timeline.title": title}.items():
        before = words.split(lines_word)[0].rstrip()
        assert before.endswith(term), (key, before)


def _direction(figure):
    return [t for t in figure.findobj(Text) if t.get_gid() == "direction"]


@pytest.mark.parametrize("which", ["timeline", "printed timeline", "slide timeline"])
def test_the_arabic_timelines_say_their_time_runs_left_to_right(which, inputs, arabic):
    """The Arabic timelines run left to right, as the English (so that the two editions' figures compare), and say so:
    one note, at the strip's left (where time starts), inside the figure, clear of every other text, above the
    presidents' bands or below the axis; the English timelines have none.
    """
    rows, _, _, presidents = inputs
    size = {"timeline": None, "printed timeline": alliance_figures.TIMELINE_PRINT_SIZE}.get(
        which, alliance_figures.TIMELINE_SLIDE_SIZE
    )
    english, _, _ = alliance_figures.draw_timeline(rows, presidents, alliance_figures.english(), size)
    assert _direction(english) == []
    plt.close(english)
    text = localised.figure_text(ROOT, arabic)
    figure, _, _ = alliance_figures.draw_timeline(rows, presidents, text, size)
    figure.canvas.draw()
    renderer = figure._get_renderer()
    (note,) = _direction(figure)
    assert note.get_text() == text("figure.timeline.direction") and note.get_visible()
    box, axes = note.get_window_extent(renderer), figure.axes[0].get_window_extent(renderer)
    others = [
        t.get_window_extent(renderer) for t in figure.findobj(Text) if t is not note and t.get_visible() and t.get_text().strip()
    ]
    plt.close(figure)
    assert figure.bbox.x0 <= box.x0 and box.x1 <= figure.bbox.x1 and figure.bbox.y0 <= box.y0 and box.y1 <= figure.bbox.y1
    assert box.x0 < axes.x0 + axes.width * 0.05 and box.x1 < axes.x0 + axes.width / 2  # at the left
    assert box.y0 >= axes.y1 - 0.5 or box.y1 <= axes.y0 + 0.5  # outside the strip: above it, or below its years
    assert [other for other in others if other.overlaps(box)] == []


def test_the_arabic_timelines_note_is_pre_shaped_on_old_matplotlib(monkeypatch, inputs, arabic):
    rows, _, _, presidents = inputs
    text = localised.figure_text(ROOT, arabic)
    said = arabic("figure.timeline.direction")
    for native, expected in ((False, figures.ar(said, native=False)), (True, said)):
        monkeypatch.setattr(figures, "native_shaping", lambda native=native: native)
        for size in (None, alliance_figures.TIMELINE_PRINT_SIZE):
            figure, _, _ = alliance_figures.draw_timeline(rows, presidents, text, size)
            (note,) = _direction(figure)
            plt.close(figure)
            assert note.get_text() == expected
    assert figures.ar(said, native=False) != said


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_slide_keys_list_their_countries_dark_enough_to_read(language, inputs, arabic):
    """The countries listed in a slide map's key (grey, under each category's words) read at 7:1 or more on white
    as a slide shows them, about half the size drawn: measured on the drawn pixels shrunk to half, as the mean of
    each line's ink (its pixels darker than halfway between white and its darkest). At #3a3a3a the Arabic lists
    measured under 7 and read as too light.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    def luminance(value: float) -> float:
        channel = value / 255
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    rows, shapes, snapshot, _ = inputs
    text = alliance_figures.english() if language == "en" else localised.figure_text(ROOT, arabic)
    size = alliance_figures.SLIDE_MAP_SIZES[f"{alliance_figures.MAPS}_slide_2"]
    figure, _, _ = alliance_figures.draw_maps(rows, shapes, snapshot.index, "the explainer", text, size)
    canvas = FigureCanvasAgg(figure)
    figure.dpi = plt.rcParams["savefig.dpi"]
    canvas.draw()
    grey = np.asarray(canvas.buffer_rgba())[..., :3].mean(axis=2)
    height = grey.shape[0]
    lists = [t.get_window_extent() for t in figure.findobj(Text) if (t.get_gid() or "").startswith("list:")]
    plt.close(figure)
    assert len(lists) >= 3
    half = np.asarray(
        Image.fromarray(grey.astype(np.uint8)).resize((grey.shape[1] // 2, height // 2), Image.Resampling.LANCZOS)
    ).astype(float)
    ratios = []
    for box in lists:
        region = half[int(height - box.y1) // 2 : int(height - box.y0) // 2 + 1, int(box.x0) // 2 : int(box.x1) // 2 + 1]
        ink = region[region < (255 + region.min()) / 2]
        ratios.append(1.05 / (luminance(ink.mean()) + 0.05))
    assert min(ratios) >= 7.0, ratios
