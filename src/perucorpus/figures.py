"""Figures: an Arabic font, correctly shaped labels, and byte-identical PNG/SVG files.

Shaping: matplotlib ≥ 3.11 lays out Arabic itself (libraqm: joining and right-to-left
order). Older matplotlib draws characters one by one, left to right, so labels must be
pre-shaped with arabic-reshaper and reordered with python-bidi. Doing that on a libraqm
build reverses the text, so :func:`ar` pre-shapes only where the renderer cannot.
"""

from __future__ import annotations

from pathlib import Path

import arabic_reshaper
import fontpkg_noto_sans_arabic
import matplotlib
import matplotlib.ft2font
import numpy as np
from bidi.algorithm import get_display
from matplotlib import font_manager

from .tables import replacing

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
        }
    )


SAVEFIG_PLAIN = {"savefig.facecolor": "auto", "savefig.edgecolor": "auto", "savefig.transparent": False, "savefig.bbox": None}
NO_DEFAULT_LAYOUT = {"figure.autolayout": False, "figure.constrained_layout.use": False}
PNG_METADATA = {"Software": None}  # no tool version in the file
SVG_METADATA = {"Date": None, "Creator": None}


def save(figure: matplotlib.figure.Figure, folder: Path | str, name: str) -> list[Path]:
    """Save ``figure`` as ``<folder>/<name>.png`` and ``.svg`` with no timestamps or tool versions.

    A figure with a layout engine (``layout="constrained"`` in the project) fits its
    canvas, and takes two draws in all: the PNG is one draw with the layout computed
    inside it (:func:`write_png`), and the SVG reuses that layout. (``savefig`` would
    add a layout-only draw before each; laying out Arabic labels is most of the cost of
    a figure.) A figure without one is cropped to its ink with ``bbox_inches="tight"``.

    Each file is written to a temporary name and renamed into place (:func:`perucorpus.tables.replacing`),
    so an interrupted run leaves the previous file, never a truncated one.
    """
    folder = Path(folder)
    paths = [folder / f"{name}.png", folder / f"{name}.svg"]
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
    if (pixels[..., 3] == 255).all():
        pixels = np.ascontiguousarray(pixels[..., :3])
    Image.fromarray(pixels).save(path, format="png", dpi=(dpi, dpi))


def publish(figure: matplotlib.figure.Figure, folder: Path | str, name: str, alt: str) -> "IPython.display.Image":
    """:func:`save` the figure, close it, and return the saved PNG for the notebook to show.

    The notebook shows the very file in ``figures/`` (not a second rendering of the
    figure), at the size matplotlib's inline display would give it, with ``alt`` as its
    text alternative (kept in the HTML reading copy).
    """
    if not alt.strip():
        raise ValueError(f"figure {name}: describe it in alt= for readers who cannot see it")
    import matplotlib.pyplot as plt  # here, so that the module needs neither pyplot nor IPython
    from IPython.display import Image

    png = save(figure, folder, name)[0].read_bytes()
    plt.close(figure)
    pixel_width = int.from_bytes(png[16:20], "big")  # IHDR: the first chunk of every PNG
    saved_dpi = matplotlib.rcParams["savefig.dpi"]  # "figure" (the default) means figure.dpi
    scale = 1.0 if saved_dpi == "figure" else matplotlib.rcParams["figure.dpi"] / saved_dpi
    return Image(data=png, format="png", width=round(pixel_width * scale), alt=alt)


def annotated_heatmap(axes, values, row_labels, column_labels, cmap="Blues", fmt="{:.0f}", zero="", notes=None):
    """Draw ``values`` (a 2-D array-like) as a heatmap with every cell annotated.

    Zero cells show ``zero`` (blank by default) so that the non-zero pattern stands out.
    ``notes`` (same shape, optional) adds a small second line under each non-zero value.
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
    return image


def category_grid(axes, table, styles, row_labels, column_labels, empty="#f4f4f4"):
    """Draw a table of categories as coloured cells; ``styles`` maps a category to (colour, legend text).

    Returns legend handles for the categories that occur, in ``styles`` order.
    """
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Rectangle

    values = table.to_numpy()
    cells, colours = [], []
    for (row, column), value in np.ndenumerate(values):
        cells.append(Rectangle((column - 0.46, row - 0.42), 0.92, 0.84))
        colours.append(styles[value][0] if isinstance(value, str) else empty)
    # One collection: far faster to build and draw than a patch per cell (limits are set below).
    axes.add_collection(PatchCollection(cells, facecolors=colours, edgecolors="none"), autolim=False)
    axes.set_xlim(-0.5, values.shape[1] - 0.5)
    axes.set_ylim(values.shape[0] - 0.5, -0.5)
    axes.set_xticks(range(values.shape[1]), column_labels)
    axes.set_yticks(range(values.shape[0]), row_labels)
    axes.tick_params(top=True, labeltop=True, bottom=False, labelbottom=False, length=0)
    for side in ("top", "right", "bottom", "left"):
        axes.spines[side].set_visible(False)
    return legend_handles(styles, {value for value in values.ravel() if isinstance(value, str)})


def legend_handles(styles, present) -> list:
    """Legend patches for the categories in ``present``, in ``styles`` order (category → (colour, label))."""
    from matplotlib.patches import Patch

    return [Patch(facecolor=colour, label=label) for category, (colour, label) in styles.items() if category in present]


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


def timeline(axes, terms, events, first, last, palette=("#dfe7f2", "#c9d6ea")) -> list[str]:
    """Terms of office as bands along the bottom, dated events as labelled lines above them.

    ``terms`` has ``name``, ``start`` and ``end`` (ISO dates; "" while in office: the band
    runs to ``last`` and its name is marked →); ``events`` has ``date`` and ``label``. Terms
    over before ``first`` are left out. Returns the surnames shown, in order.
    """
    import pandas as pd

    first, last = pd.Timestamp(first), pd.Timestamp(last)
    shown = []
    for term in terms.itertuples():
        if term.end and pd.Timestamp(term.end) <= first:
            continue
        start = max(pd.Timestamp(term.start), first)
        end = pd.Timestamp(term.end) if term.end else last
        axes.axvspan(start, end, ymin=0, ymax=0.28, color=palette[len(shown) % len(palette)])
        surname = term.name.split()[-1] + ("" if term.end else " →")
        axes.text(start + (end - start) / 2, 0.14, surname, ha="center", va="center", fontsize=8,
                  rotation=90 if (end - start).days < 250 else 0, transform=axes.get_xaxis_transform())
        shown.append(surname)
    for level, event in enumerate(events.itertuples()):
        when = pd.Timestamp(event.date)
        height = 0.40 + 0.125 * (level % 5)  # five heights, so that close events do not collide
        axes.axvline(when, ymin=0.28, ymax=height, color="#444444", linewidth=0.8)
        towards_end = when > first + (last - first) * 0.75  # labels near the right edge run leftwards
        axes.text(when, height + 0.01, event.label, fontsize=7.5, ha="right" if towards_end else "left", va="bottom",
                  transform=axes.get_xaxis_transform())
    axes.set_xlim(first, last)
    axes.set_yticks([])
    axes.spines["left"].set_visible(False)
    return shown
