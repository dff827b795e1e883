"""Figures: an Arabic font, correctly shaped labels, byte-identical PNG/SVG files, the data each draws,
and the presentation constants (the display categories of the statuses, their colours, hatching and legend
texts; bloc order) shared by the matrix and the maps.

Shaping: matplotlib ≥ 3.11 lays out Arabic itself (libraqm: joining and right-to-left
order). Older matplotlib draws characters one by one, left to right, so labels must be
pre-shaped with arabic-reshaper and reordered with python-bidi. Doing that on a libraqm
build reverses the text, so :func:`ar` pre-shapes only where the renderer cannot.
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path
from typing import TYPE_CHECKING

import arabic_reshaper
import fontpkg_noto_sans_arabic
import matplotlib
import matplotlib.ft2font
import numpy as np
from bidi.algorithm import get_display
from matplotlib import font_manager

from perucorpus.base.atomic import replacing, write_atomic
from perucorpus.base.vocabulary import STATUS_WORDS

if TYPE_CHECKING:  # only for the annotation of publish
    import IPython.display

ARABIC_FONT = fontpkg_noto_sans_arabic.FAMILY
FONT_FAMILY = [ARABIC_FONT, "DejaVu Sans"]


def native_shaping() -> bool:
    """True when matplotlib shapes complex scripts itself (built with libraqm, 3.11+)."""
    return hasattr(matplotlib.ft2font, "__libraqm_version__")


def ar(text: str, native: bool | None = None) -> str:
    """Prepare Arabic ``text`` for a matplotlib label (shaped and reordered only if needed).

    The result is for drawing only: never store, search or compare it.
    """
    if native is None:
        native = native_shaping()
    if native:
        return text
    return "\n".join(get_display(arabic_reshaper.reshape(line)) for line in text.split("\n"))


def bilingual(english: str, arabic: str, separator: str = " · ") -> str:
    """A label ``English · عربي`` with the Arabic part prepared by :func:`ar`."""
    return f"{english}{separator}{ar(arabic)}"


def use_project_style() -> None:
    """Register Noto Sans Arabic (from its PyPI package) and set deterministic output options."""
    for path in sorted(Path(fontpkg_noto_sans_arabic.ROOT, "files").glob("*.ttf")):
        font_manager.fontManager.addfont(str(path))
    matplotlib.rcParams.update(
        {
            "font.family": FONT_FAMILY,
            "svg.hashsalt": "perucorpus",
            "svg.fonttype": "path",
            "figure.dpi": 100,
            "savefig.dpi": 150,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "hatch.linewidth": 0.6,
        }
    )


SAVEFIG_PLAIN = {"savefig.facecolor": "auto", "savefig.edgecolor": "auto", "savefig.transparent": False, "savefig.bbox": None}
NO_DEFAULT_LAYOUT = {"figure.autolayout": False, "figure.constrained_layout.use": False}
PNG_METADATA = {"Software": None}  # no tool version in the file
SVG_METADATA = {"Date": None, "Creator": None}


def save(figure: matplotlib.figure.Figure, folder: Path | str, name: str, data=None) -> list[Path]:
    """Save ``figure`` as ``<folder>/<name>.png`` and ``.svg`` with no timestamps or tool versions,
    and ``data`` (the values it draws, a DataFrame) as ``<name>.csv`` (:func:`write_data`).

    A figure with a layout engine (``layout="constrained"`` in the project) fits its
    canvas, and takes two draws in all: the PNG is one draw with the layout computed
    inside it (:func:`write_png`), and the SVG reuses that layout. (``savefig`` would
    add a layout-only draw before each; laying out Arabic labels is most of the cost of
    a figure.) A figure without one is cropped to its ink with ``bbox_inches="tight"``.

    Each file is written to a temporary name and renamed into place (:func:`perucorpus.base.atomic.replacing`),
    so an interrupted run leaves the previous file, never a truncated one.
    """
    folder = Path(folder)
    paths = [folder / f"{name}.png", folder / f"{name}.svg"]
    if data is not None:
        paths.append(write_data(data, folder / f"{name}.csv"))
    engine = figure.get_layout_engine()
    if engine is None:
        with replacing(paths[0]) as png, replacing(paths[1]) as svg:
            figure.savefig(png, format="png", metadata=PNG_METADATA, bbox_inches="tight")
            figure.savefig(svg, format="svg", metadata=SVG_METADATA, bbox_inches="tight")
        return paths
    with replacing(paths[0]) as png:
        write_png(figure, png)
    with matplotlib.rc_context(NO_DEFAULT_LAYOUT):  # so that None means no engine, not the default one
        figure.set_layout_engine(None)  # the axes stay where the PNG's draw put them
    try:
        with replacing(paths[1]) as svg:
            figure.savefig(svg, format="svg", metadata=SVG_METADATA)
    finally:
        figure.set_layout_engine(engine)
    return paths


def write_png(figure: matplotlib.figure.Figure, path: Path) -> None:
    """Draw ``figure`` once at ``savefig.dpi`` on an Agg canvas and write the pixels as PNG.

    The same pixels as ``savefig`` without ``bbox_inches``, minus its layout-only
    pre-draw. An opaque figure is stored as RGB (no alpha channel: smaller and faster to
    compress); no text chunks, so no "Software" entry. Where more is asked (``savefig.*``
    settings such as another face colour or transparency, or a high-DPI screen canvas),
    ``savefig`` does it.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    plain = all(matplotlib.rcParams[key] == value for key, value in SAVEFIG_PLAIN.items())
    if not plain or getattr(figure.canvas, "device_pixel_ratio", 1) != 1:
        figure.savefig(path, format="png", metadata=PNG_METADATA)
        return
    saved_dpi = matplotlib.rcParams["savefig.dpi"]
    original_canvas, original_dpi = figure.canvas, figure.dpi
    dpi = original_dpi if saved_dpi == "figure" else saved_dpi
    canvas = FigureCanvasAgg(figure)
    canvas._is_saving = True  # as savefig does: animated artists are drawn too
    figure.dpi = dpi
    try:
        canvas.draw()
        pixels = np.asarray(canvas.buffer_rgba())
    finally:
        figure.dpi = original_dpi
        figure.set_canvas(original_canvas)
    image = Image.fromarray(pixels)
    if (pixels[..., 3] == 255).all():
        image = image.convert("RGB")  # the same bytes as numpy's copy of the first three channels, five times faster
    image.save(path, format="png", dpi=(dpi, dpi))


def publish(figure: matplotlib.figure.Figure, folder: Path | str, name: str, alt: str, data) -> IPython.display.Image:
    """:func:`save` the figure with ``data`` (the values it draws), close it, and return the saved PNG for the notebook to show.

    The notebook shows the very file in ``figures/`` (not a second rendering of the
    figure), at the size matplotlib's inline display would give it, with ``alt`` as its
    text alternative (kept in the HTML reading copy).
    """
    if not alt.strip():
        raise ValueError(f"figure {name}: describe it in alt= for readers who cannot see it")
    import matplotlib.pyplot as plt  # here, so that the module needs neither pyplot nor IPython
    from IPython.display import Image

    png = save(figure, folder, name, data)[0].read_bytes()
    plt.close(figure)
    pixel_width = int.from_bytes(png[16:20], "big")  # IHDR: the first chunk of every PNG
    saved_dpi = matplotlib.rcParams["savefig.dpi"]  # "figure" (the default) means figure.dpi
    scale = 1.0 if saved_dpi == "figure" else matplotlib.rcParams["figure.dpi"] / saved_dpi
    return Image(data=png, format="png", width=round(pixel_width * scale), alt=alt)


def write_data(frame, path: Path | str) -> Path:
    r"""Write a figure's data as CSV: UTF-8, ``\n`` line ends, rows in the frame's order, atomically.

    Cells are written as text: whole numbers without a decimal point, other floats with at
    most 10 significant digits (``12.6``, never ``12.600000000000001``), missing values empty.
    The file is written to a temporary name in the same folder, then renamed over the old one.
    """
    rows = [[_cell(value) for value in row] for row in frame.itertuples(index=False)]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([str(column) for column in frame.columns])
    writer.writerows(rows)
    return write_atomic(path, buffer.getvalue())


def _cell(value) -> str:
    if value is None or (isinstance(value, float | np.floating) and math.isnan(value)):
        return ""
    if isinstance(value, bool | np.bool_):
        return "true" if value else "false"
    if isinstance(value, float | np.floating):
        return f"{float(value):.10g}"
    return str(value)


def bar_data(frame, panel: str, value: str, labels: dict[str, str]):
    """The data of :func:`bar_panels` drawn from ``frame``: one row per bar, panels and bars in drawn order.

    Columns: ``panel`` (the values of column ``panel``), ``rank`` (1 = the top bar), the
    ``labels`` columns renamed (source column → CSV column) and ``value``.
    """
    import pandas as pd

    rank = frame.groupby(panel, sort=False).cumcount() + 1
    columns = {panel: frame[panel].to_numpy(), "rank": rank.to_numpy()}
    columns |= {name: frame[source].to_numpy() for source, name in labels.items()}
    columns[value] = frame[value].to_numpy()
    return pd.DataFrame(columns)


def grid_data(table, value: str, row: str, column: str | tuple[str, ...] = "column", notes=None):
    """The data of a drawn grid (a heatmap or :func:`category_grid`): one row per cell, row by row as drawn.

    ``table`` is the grid (rows × columns, as drawn); its column labels go to column
    ``column`` (line breaks written as spaces), or, for MultiIndex columns, to one column per
    level named by the tuple ``column``. ``notes``: an optional same-shaped table of the
    second lines under the values (:func:`annotated_heatmap`), written as ``note``.
    """
    import pandas as pd

    names = list(column) if isinstance(column, tuple) else [column]
    records = []
    for position, row_key in enumerate(table.index):
        for index, column_key in enumerate(table.columns):
            parts = column_key if isinstance(column, tuple) else (" ".join(str(column_key).split()),)
            record = {row: row_key, **dict(zip(names, parts)), value: table.iat[position, index]}
            if notes is not None:
                record["note"] = notes.iat[position, index]
            records.append(record)
    return pd.DataFrame(records, columns=[row, *names, value] + (["note"] if notes is not None else []))


def with_country_names(frame, code: str = "iso3"):
    """``frame`` with ``country_en`` and ``country_ar`` (CLDR) inserted after its ISO3 column ``code``."""
    from perucorpus.base.countries import country_label  # CLDR only where a figure names countries: drawing needs no babel

    labels = [country_label(iso3) for iso3 in frame[code]]
    at = list(frame.columns).index(code) + 1
    frame = frame.copy()
    frame.insert(at, "country_en", [english for english, _ in labels])
    frame.insert(at + 1, "country_ar", [arabic for _, arabic in labels])
    return frame


def annotated_heatmap(
    axes, values, row_labels, column_labels, cmap="Blues", fmt="{:.0f}", zero="", notes=None, column_groups=None
):
    """Draw ``values`` (a 2-D array-like) as a heatmap with every cell annotated.

    Zero cells show ``zero`` (blank by default) so that the non-zero pattern stands out.
    ``notes`` (same shape, optional) adds a small second line under each non-zero value.
    ``column_groups`` (one per column, optional) names runs of adjacent columns: each run's name is
    written once, centred above its columns' own labels.
    """
    data = np.asarray(values, dtype=float)
    image = axes.imshow(data, cmap=cmap, aspect="auto", vmin=0)
    axes.set_xticks(range(len(column_labels)), column_labels)
    axes.set_yticks(range(len(row_labels)), row_labels)
    axes.tick_params(top=True, labeltop=True, bottom=False, labelbottom=False, length=0)
    threshold = data.max() / 2 if data.size else 0
    notes = None if notes is None else np.asarray(notes, dtype=object)
    for (row, column), value in np.ndenumerate(data):
        text = zero if value == 0 else fmt.format(value)
        colour = "white" if value > threshold else "black"
        note = notes[row, column] if notes is not None and value != 0 else ""
        if text:  # no artist for a blank cell: every text costs a layout at each draw
            axes.text(column, row, text, ha="center", va="center", fontsize=8, color=colour)
        if note:
            axes.text(column, row + 0.28, note, ha="center", va="center", fontsize=7, color=colour)
    for side in ("top", "right", "bottom", "left"):
        axes.spines[side].set_visible(False)
    if column_groups is not None:
        runs: list[list] = []  # [name, first column, last column]
        for position, name in enumerate(column_groups):
            if runs and runs[-1][0] == name:
                runs[-1][2] = position
            else:
                runs.append([name, position, position])
        groups = axes.secondary_xaxis("top")
        groups.set_xticks([(first + last) / 2 for _, first, last in runs], [name for name, _, _ in runs])
        groups.tick_params(length=0, pad=22, labelsize=10.5)
        groups.spines["top"].set_visible(False)
    return image


def category_grid(axes, table, row_labels, column_labels, fontsize: float = 7, cell_words=None, labels=None):
    """Draw a table of statuses as cells coloured and hatched by category (:data:`CATEGORIES`), each with its
    status in words (``cell_words``, by default :data:`CELL_WORDS`); an empty cell is drawn in the colour of
    :data:`NO_STATUS`.

    Returns legend handles for the categories that occur, in legend order, "no status recorded" last when a
    cell is empty; ``labels`` may reword a category (:func:`legend_handles`).
    """
    cell_words = cell_words or CELL_WORDS
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Rectangle

    values = table.to_numpy()
    cells: dict[str, list] = {}
    for (row, column), value in np.ndenumerate(values):
        category = STATUS_CATEGORY[value] if isinstance(value, str) else ""
        cells.setdefault(category, []).append(Rectangle((column - 0.46, row - 0.42), 0.92, 0.84))
        if isinstance(value, str):
            dark = lightness(category_style(category)[0]) < 55
            axes.text(
                column,
                row,
                cell_words[value],
                ha="center",
                va="center",
                fontsize=fontsize,
                color="white" if dark else "black",
                bbox={"boxstyle": "round,pad=0.15", "facecolor": category_style(category)[0], "edgecolor": "none"}
                if category_style(category)[1]
                else None,
            )
    # One collection per category (hatching is per collection): far faster than a patch per cell.
    for category in sorted(cells, key=_legend_rank):
        colour, hatch, _ = category_style(category)
        collection = PatchCollection(cells[category], facecolors=colour, edgecolors="none", hatch=hatch or None)
        if hatch and not hasattr(collection, "set_hatchcolor"):  # before matplotlib 3.11: hatching takes the edges' colour
            collection.set(edgecolor=hatch_colour(category), linewidth=0)
        colour_hatching(collection, category)
        axes.add_collection(collection, autolim=False)
    axes.set_xlim(-0.5, values.shape[1] - 0.5)
    axes.set_ylim(values.shape[0] - 0.5, -0.5)
    axes.set_xticks(range(values.shape[1]), column_labels)
    axes.set_yticks(range(values.shape[0]), row_labels)
    axes.tick_params(top=True, labeltop=True, bottom=False, labelbottom=False, length=0)
    for side in ("top", "right", "bottom", "left"):
        axes.spines[side].set_visible(False)
    statuses = {value for value in values.ravel() if isinstance(value, str)}
    empty = any(not isinstance(value, str) for value in values.ravel())
    return legend_handles(statuses, empty=empty, labels=labels)


#: The colour of hatching lines (over the category's colour).
HATCH_COLOUR = "#00000066"


def _legend_rank(category: str) -> int:
    return list(CATEGORIES).index(category) if category in CATEGORIES else len(CATEGORIES)


def legend_text(category: str, statuses) -> str:
    """A category's legend text in a figure that shows ``statuses``: the words of the one or two of its
    statuses shown (``vocabulary.STATUS_WORDS``, joined by "or"), else the category's own text.
    """
    if category == "":
        return NO_STATUS[2]
    shown = [STATUS_WORDS[status] for status in CATEGORIES[category][3] if status in set(statuses)]
    if not 0 < len(shown) <= 2:
        return CATEGORIES[category][2]
    joined = " or ".join(" ".join(words.split()) for words in shown)
    return joined if len(joined) <= 30 else " or\n".join(shown)


def legend_handles(statuses, empty: bool = False, labels: dict[str, str] | None = None) -> list:
    """Legend patches for the categories of ``statuses`` (the statuses a figure shows; ``empty``: it also shows
    cells or countries with none), in legend order, each with its :func:`legend_text`; ``labels`` may
    reword a category for one figure.
    """
    from matplotlib.patches import Patch

    present = {STATUS_CATEGORY[status] for status in statuses} | ({""} if empty else set())
    handles = []
    for category in sorted(present, key=_legend_rank):
        colour, hatch, _ = category_style(category)
        label = (labels or {}).get(category) or legend_text(category, statuses)
        edge = hatch_colour(category) if hatch else "none"
        handle = Patch(facecolor=colour, hatch=hatch or None, edgecolor=edge, linewidth=0, label=label)
        colour_hatching(handle, category)
        handles.append(handle)
    return handles


def bar_panels(panels, xlabel: str, title: str, colour: str = "#3b6ea8", width: float = 13, height: float = 4.4):
    """One horizontal bar chart per panel, side by side; ``panels`` maps a panel title to (labels, values).

    Labels are drawn top to bottom in the order given. Returns the figure.
    """
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(1, len(panels), figsize=(width, height), sharex=True, layout="constrained")
    for ax, (panel_title, (labels, values)) in zip(np.atleast_1d(axes), panels.items()):
        ax.barh(list(labels)[::-1], list(values)[::-1], color=colour)
        ax.set_title(panel_title, fontsize=10)
    figure.supxlabel(xlabel, fontsize=10)  # one label for the shared axis, inside the layout
    figure.suptitle(title)
    return figure


def describe_bar_panels(panels, what: str) -> str:
    """A text alternative for :func:`bar_panels`: what the bars show and the top bar of each panel."""
    tops = []
    for panel_title, (labels, values) in panels.items():
        value = float(list(values)[0])
        shown = f"{value:.0f}" if value.is_integer() else f"{value:.1f}"
        tops.append(f"{' '.join(panel_title.split())}: {list(labels)[0]} ({shown})")
    return f"Bar charts of {what}; the top bar of each: " + "; ".join(tops)


#: Where a term or event says how its date was obtained (:mod:`perucorpus.facts.sourcing`); carried into the timeline's CSV.
BASIS_COLUMNS = ("start_basis", "start_derivation", "end_basis", "end_derivation")


def timeline_data(terms, events, first, last, short_name=None):
    """What :func:`timeline` draws, with the dates as recorded: one row per band (``layer`` "term") and per event line ("event").

    ``terms`` has ``name``, ``start`` and ``end`` (dates; "" or None while in office: the band
    runs to ``last`` and its name is marked →); ``events`` has ``date`` and ``label``. Either may
    carry :data:`BASIS_COLUMNS`, which are kept ("" where absent). Terms over before ``first`` are
    left out; a band is labelled ``short_name(name)`` (by default the surname). Columns: ``layer``, ``label`` (the surname shown, or the event's text), ``start`` and
    ``end`` as recorded (ISO; "" for an event's end and a term still running), the basis columns,
    and ``drawn_start``/``drawn_end``, the x positions (a band starts no earlier than ``first``; one
    still in office runs to ``last``; an event is drawn at its date).
    """
    import pandas as pd

    def iso(value) -> str:
        return pd.Timestamp(value).date().isoformat() if value else ""

    def basis(row) -> list[str]:
        return [getattr(row, column, "") or "" for column in BASIS_COLUMNS]

    first, last = pd.Timestamp(first), pd.Timestamp(last)
    rows = []
    for term in terms.itertuples():
        if term.end and pd.Timestamp(term.end) <= first:
            continue
        label = (short_name or _surname)(term.name) + ("" if term.end else " →")
        drawn = (max(pd.Timestamp(term.start), first), pd.Timestamp(term.end) if term.end else last)
        rows.append(("term", label, iso(term.start), iso(term.end), *basis(term), *(iso(when) for when in drawn)))
    for event in events.itertuples():
        rows.append(("event", event.label, iso(event.date), "", *basis(event), iso(event.date), ""))
    frame = pd.DataFrame(rows, columns=["layer", "label", "start", "end", *BASIS_COLUMNS, "drawn_start", "drawn_end"])
    frame.attrs["span"] = (first, last)
    return frame


def _surname(name: str) -> str:
    return name.split()[-1]


def timeline(
    axes,
    drawn,
    palette=("#dfe7f2", "#c9d6ea"),
    band_size: float = 8,
    event_size: float = 7.5,
    right_to_left: bool = False,
    band_top: float = 0.28,
    leftwards_after: float = 0.75,
) -> list[str]:
    """Terms of office as bands along the bottom, dated events as labelled lines above them.

    ``drawn`` is :func:`timeline_data` (its ``span`` is the x range); ``band_size`` and ``event_size`` are
    the labels' font sizes (an event's label may run over several lines, aligned right for ``right_to_left``); the bands fill the
    axes' height up to ``band_top`` (a fraction). The label of an event after ``leftwards_after`` of the span (a fraction)
    runs leftwards, clear of the right edge, as does one just before the next event.
    The labels are measured by the renderer once the figure is laid out (its title and axis labels set before):
    two labels on one row stay at least :data:`LABEL_GAP` ems apart, and no line runs through a label. Returns
    the surnames shown, in order.
    """
    import matplotlib.dates as mdates
    import pandas as pd

    first, last = drawn.attrs["span"]
    axes.set_xlim(first, last)
    axes.set_yticks([])
    axes.spines["left"].set_visible(False)
    bands = drawn[drawn["layer"] == "term"]
    for number, band in enumerate(bands.itertuples()):
        start, end = pd.Timestamp(band.drawn_start), pd.Timestamp(band.drawn_end)
        axes.axvspan(start, end, ymin=0, ymax=band_top, color=palette[number % len(palette)])
        sliver = (end - start) < (last - first) * 0.012  # narrower than its name written upright: named above it
        axes.text(
            start + (end - start) / 2,
            band_top + 0.01 if sliver else band_top / 2,
            band.label,
            ha="center",
            va="bottom" if sliver else "center",
            fontsize=max(band_size * 0.85, min(band_size, 7.0)) if sliver else band_size,  # never under 7 pt, as printed
            rotation=90 if (end - start).days < 250 and not sliver else 0,
            transform=axes.get_xaxis_transform(),
        )
    events = drawn[drawn["layer"] == "event"]
    moments = [pd.Timestamp(when) for when in events["drawn_start"]]
    close = (last - first) * 0.05  # an event this close before the next one labels leftwards, clear of its line
    leftwards = [
        when > first + (last - first) * leftwards_after or (number + 1 < len(moments) and moments[number + 1] - when < close)
        for number, when in enumerate(moments)
    ]  # labels near the right edge, or just before the next event, run leftwards
    labels = [
        axes.text(
            when,
            0,
            label,
            fontsize=event_size,
            ha="right" if left else "left",
            va="bottom",
            multialignment="right" if right_to_left else "left",
            linespacing=0.72,  # the style's first font, Noto Sans Arabic, sets lines about twice as far apart as Latin needs
            transform=axes.get_xaxis_transform(),
            gid=f"event:{number}",
            in_layout=False,  # placed after the layout is set: it must not move the axes
        )
        for number, (label, when, left) in enumerate(zip(events["label"], moments, leftwards))
    ]
    figure = axes.figure
    # lay the figure out, so that the axes' size in pixels is the one drawn (the layout alone, without a draw)
    if (engine := figure.get_layout_engine()) is not None:
        engine.execute(figure)
    else:
        figure.draw_without_rendering()
    renderer = figure._get_renderer()
    to_axes = axes.transAxes.inverted()
    gap = LABEL_GAP * event_size * figure.dpi / 72 / axes.bbox.width  # in axes fractions
    while True:  # a label whose line no level can keep clear runs leftwards instead (the one covering most lines)
        spans, heights = [], []
        for label in labels:
            box = label.get_window_extent(renderer).transformed(to_axes)
            heights.append(box.height)
            ends = _in_data(axes, box.x0 - gap / 2, box.x1 + gap / 2)
            spans.append(tuple(mdates.num2date(x).replace(tzinfo=None) for x in ends))
        levels = _event_levels(moments, spans)
        rightwards = [n for n, label in enumerate(labels) if label.get_horizontalalignment() == "left"]
        if levels is not None or not rightwards:
            break
        covering = max(rightwards, key=lambda n: sum(spans[n][0] < when <= spans[n][1] for when in moments))
        labels[covering].set_horizontalalignment("right")
    if levels is None:
        levels = list(range(len(labels)))
    room = 0.25 * event_size * figure.dpi / 72 / axes.bbox.height  # a quarter em between rows
    rows = [
        max((h for h, at in zip(heights, levels) if at == level), default=0) + 2 * room
        for level in range(max(levels, default=-1) + 1)
    ]
    base = band_top + 0.12
    even = max(rows, default=0), min(0.125, 0.5 / max(len(rows) - 1, 1))
    if base + max(even) * len(rows) <= 1:  # room to spare: rows evenly spaced, as far apart as the axes allow
        rows = [max(even)] * len(rows)
    bottoms = [base + sum(rows[:level]) for level in range(len(rows))]
    for label, when, level in zip(labels, moments, levels):
        height = bottoms[level]
        axes.axvline(when, ymin=band_top, ymax=height, color="#444444", linewidth=0.8)
        label.set_y(height + room)
    return list(bands["label"])


#: The least room (ems of the labels' font) between two event labels on one row of :func:`timeline`.
LABEL_GAP = 1.0


def _in_data(axes, *fractions) -> list[float]:
    """The x data values (matplotlib date numbers) at ``fractions`` of ``axes``' width."""
    low, high = axes.get_xlim()
    return [low + (high - low) * fraction for fraction in fractions]


def _event_levels(moments, spans) -> list[int] | None:
    """A height level for each event line so that no line runs through another event's label (a line is drawn up to
    its own label) and no two labels at one level overlap: the fewest levels, then the lowest in all (the first such
    in lexicographic order); None if no levels can (a label running over a line whose own label runs over the first
    one's line). A depth-first search that checks each level against those already placed and drops a branch that
    cannot beat the best found, so its cost stays small as steps are added.
    """
    count = len(moments)
    # below[i][j]: i's label spans j's line, so j's line must stop below i's label
    below = [[i != j and spans[i][0] <= moments[j] <= spans[i][1] for j in range(count)] for i in range(count)]
    clash = [[i != j and spans[i][0] < spans[j][1] and spans[j][0] < spans[i][1] for j in range(count)] for i in range(count)]

    def fits(levels: list[int], j: int, level: int) -> bool:
        for i, other in enumerate(levels):
            if (below[i][j] and level >= other) or (below[j][i] and other >= level) or (clash[i][j] and other == level):
                return False
        return True

    def search(levels: list[int], total: int, height: int, best: list[int] | None) -> list[int] | None:
        """The best completion of ``levels`` below ``height`` that beats ``best`` (else ``best``)."""
        if best is not None and total >= sum(best):
            return best
        if len(levels) == count:
            return list(levels)
        for level in range(height):
            if fits(levels, len(levels), level):
                best = search([*levels, level], total + level, height, best)
        return best

    for height in range(1, count + 1):
        if (best := search([], 0, height, None)) is not None:
            return best
    return None


#: The display categories of the membership statuses, in legend order: ``(colour, hatch, legend text, statuses)``.
#: The data keep every status (``schemas.MEMBERSHIP_STATUSES``); figures group them into at most eight
#: categories, "no status recorded" (:data:`NO_STATUS`) included, so that a reader can tell them apart: colours
#: from Okabe and Ito's palette for colour-blind readers (darkened or lightened where needed), each category at
#: its own lightness or with its own hatching, so that they also differ in greyscale (tested).
CATEGORIES = {
    "in": ("#1f4e8c", "", "member, designated ally\nor signatory", ("founding_member", "member", "designated", "signatory")),
    "partly_in": (
        "#56b4e9",
        "////",
        "seated via the opposition,\ntreated as an ally, or pending",
        ("represented_by_opposition", "treated_as", "notified", "announced"),
    ),
    "attended": ("#009e73", "....", STATUS_WORDS["attended"], ("attended",)),
    "not_taking_part": ("#f0e442", "\\\\\\\\", STATUS_WORDS["stopped_taking_part"], ("stopped_taking_part",)),
    # Still a member, with a caveat: a blue between the members' and the partly-ins', crossed by orange lines.
    "exit_announced": ("#4f86c6", "---", "exit announced,\nnot put into effect", ("announced_withdrawal", "exit_dropped")),
    "left": ("#b54a00", "", STATUS_WORDS["withdrew"].replace(": ", ":\n"), ("withdrew",)),
    "absent": ("#cc79a7", "xx", STATUS_WORDS["absent"], ("absent",)),
}
#: The categories whose hatching is drawn in a colour of its own (the others' in :data:`HATCH_COLOUR`): an exit
#: announced but not put into effect is a member's blue crossed by orange, so that it does not read as "left".
HATCH_COLOURS = {"exit_announced": "#e69f00"}
#: The category of a cell or country with no status: drawn in this colour, listed last in a legend when present.
NO_STATUS = ("#ececec", "", "no status recorded")
#: Each status's category (every status of ``schemas.MEMBERSHIP_STATUSES`` has one; tested).
STATUS_CATEGORY = {status: category for category, (*_, statuses) in CATEGORIES.items() for status in statuses}
#: The short words written in a matrix cell for each status (its category's colour says the rest).
CELL_WORDS = {
    "founding_member": "founding member",
    "member": "member",
    "represented_by_opposition": "via the opposition",
    "stopped_taking_part": "stopped taking part",
    "announced_withdrawal": "exit announced",
    "exit_dropped": "exit dropped",
    "withdrew": "left",
    "designated": "designated",
    "treated_as": "treated as ally",
    "notified": "intent notified",
    "announced": "announced",
    "signatory": "signed",
    "attended": "attended",
    "absent": "named as absent",
}


def hatch_colour(category: str) -> str:
    """The colour of a category's hatching lines (:data:`HATCH_COLOURS`, else :data:`HATCH_COLOUR`)."""
    return HATCH_COLOURS.get(category, HATCH_COLOUR)


def colour_hatching(artist, category: str) -> None:
    """Give ``artist``'s hatching its category's colour: matplotlib 3.11 has a hatch colour of its own; older
    versions draw hatching in the edge colour, so there an artist whose edges show keeps their colour instead.
    """
    if hasattr(artist, "set_hatchcolor"):
        artist.set_hatchcolor(hatch_colour(category))


def category_style(category: str) -> tuple[str, str, str]:
    """``(colour, hatch, legend text)`` of a category of :data:`CATEGORIES`, or of :data:`NO_STATUS` for ""."""
    return NO_STATUS if category == "" else CATEGORIES[category][:3]


#: sRGB (linear) to CIE XYZ, and the D65 white point (IEC 61966-2-1).
_SRGB_TO_XYZ = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
_D65 = np.array([0.95047, 1.0, 1.08883])


def cielab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* of a ``#rrggbb`` colour: L* (0 black – 100 white) is how light it prints in greyscale."""
    channels = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)]) / 255
    linear = np.where(channels <= 0.04045, channels / 12.92, ((channels + 0.055) / 1.055) ** 2.4)
    ratio = _SRGB_TO_XYZ @ linear / _D65
    f = np.where(ratio > 216 / 24389, np.cbrt(ratio), (24389 / 27 * ratio + 16) / 116)
    return float(116 * f[1] - 16), float(500 * (f[0] - f[1])), float(200 * (f[1] - f[2]))


def lightness(colour: str) -> float:
    """CIE L* of a ``#rrggbb`` colour (:func:`cielab`)."""
    return cielab(colour)[0]


#: Sub-regions in the order the membership matrix groups its rows.
REGION_ORDER = ["South America", "Central America", "Caribbean", "Northern America"]


def bloc_order(table, first: str) -> list[str]:
    """Countries (the ISO3 index of ``table``) ordered to show blocs: by status in column ``first``
    (its category's legend order, :data:`CATEGORIES`, then the status's order in ``vocabulary.STATUS_WORDS``),
    then sub-region (:data:`REGION_ORDER`), then English name.
    """
    from perucorpus.base.countries import country_label, subregions  # CLDR and UN regions only for this ordering

    rank = {status: number for number, status in enumerate(STATUS_WORDS)}
    region_of = subregions(list(table.index))

    def key(iso3: str):
        status = table.at[iso3, first]
        known = isinstance(status, str)
        region = region_of[iso3]
        return (
            _legend_rank(STATUS_CATEGORY[status]) if known else len(CATEGORIES),
            rank[status] if known else len(rank),
            REGION_ORDER.index(region) if region in REGION_ORDER else len(REGION_ORDER),
            country_label(iso3)[0],
        )

    return sorted(table.index, key=key)
