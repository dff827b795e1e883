"""A status map for a printed page: a name on the map only where it fits inside its country, every coloured
country listed in the key under its category.

At the width a page gives a map of the Americas (about 5 cm), only the largest countries have room for their name;
names set beside their countries, on leader lines or as numbers, landed on the wrong country. So the map names a
country only where its name's ink (measured by drawing it: Noto Sans Arabic's line box is nearly twice as tall as
its letters) fits inside the country's shape, and the key lists, under each category, all the countries of that
category (a reader counts a category from its list). Both come from one mapping of country to category, the one the colours come from.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import numpy as np
from matplotlib.patches import Rectangle
from matplotlib.path import Path as MplPath

from perucorpus.present import maps

#: Room (points) kept clear around a name's ink inside its country.
MARGIN = 1.2
#: The resolutions (dpi) a printed map is drawn at: on screen (the figure's) and in its PNG (``savefig.dpi``).
RESOLUTIONS = (100, 150)
#: Room (points per point of text size) kept between a name and the map's top edge.
TOP_ROOM = 0.6
#: Lines of the key (points between baselines) per point of text size, by direction (Arabic letters reach lower).
LEADING = {False: 1.22, True: 1.45}
#: The colours of the key's texts: a category's words, and the countries listed under them (a shade lighter, still
#: dark enough that their thin strokes, drawn at a slide's or page's size and shown smaller, read at 7:1 on white; at
#: #3a3a3a Arabic lists read as too light on the slides).
WORDS_COLOUR, LIST_COLOUR = "#111111", "#1f1f1f"


@cache
def ink_size(text: str, size: float) -> tuple[float, float, float, float]:
    """The ink of ``text`` drawn at ``size`` points in the current font (``ha``/``va`` "center"): width, height and
    the ink's centre's offset from the text's anchor, all in points (measured on a drawing at 600 dpi).
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    dpi = 600
    width_in, height_in = len(text) * size / 72 + 0.5, 4 * size / 72
    figure = Figure(figsize=(width_in, height_in), dpi=dpi, facecolor="white")
    FigureCanvasAgg(figure)
    figure.text(0.5, 0.5, text, fontsize=size, ha="center", va="center", color="black")
    figure.canvas.draw()
    pixels = np.asarray(figure.canvas.buffer_rgba())[:, :, :3].min(axis=2) < 200
    rows, columns = np.nonzero(pixels)
    if not len(rows):
        return 0.0, 0.0, 0.0, 0.0
    to_points = 72 / dpi
    left, right, top, bottom = columns.min(), columns.max() + 1, rows.min(), rows.max() + 1
    centre_x = (left + right) / 2 - pixels.shape[1] / 2
    centre_y = pixels.shape[0] / 2 - (top + bottom) / 2  # upwards
    return (right - left) * to_points, (bottom - top) * to_points, centre_x * to_points, centre_y * to_points


def line_width(text: str, size: float) -> float:
    """The width (points) ``text`` takes on a line at ``size`` points: its ink or its advance, whichever is wider, at
    the resolutions it is drawn at (:data:`RESOLUTIONS`: hinting widens letters at a low one).
    """
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    advances = [
        RendererAgg(10, 10, dpi).get_text_width_height_descent(text, FontProperties(size=size), False)[0] * 72 / dpi
        for dpi in RESOLUTIONS
    ]
    return max(*advances, ink_size(text, size)[0])


def inside_places(axes, shapes, names: dict[str, str], size: float, extent) -> dict[str, tuple[float, float]]:
    """Where each country of ``names`` (ISO3 → name as drawn) has room for its name inside its largest polygon on
    ``axes`` (cropped to ``extent``, laid out): ``{iso3: (x, y)}``, the anchor of a name drawn centred there.

    A place fits when the name's ink (:func:`ink_size`) with :data:`MARGIN` points around it lies inside the shape
    and inside the shown map (:data:`TOP_ROOM` below its top), with no stretch of coast poking into it; of the places that fit, the one furthest from
    the coast. A country without such a place is left out.
    """
    axes.apply_aspect()
    km_per_point = (extent[1] - extent[0]) / (axes.get_window_extent().width * 72 / axes.figure.dpi)
    places = {}
    for iso3, name in sorted(names.items()):
        if maps.area(shapes[iso3]) < maps.SMALL_AREA:
            continue
        width, height, dx, dy = ink_size(name, size)
        half_width, half_height = (width / 2 + MARGIN) * km_per_point, (height / 2 + MARGIN) * km_per_point
        ring = max(shapes[iso3], key=lambda polygon: maps.area([polygon]))[0]
        # clear of the map's top edge by more than the margin: the title above is set close to it
        shown = (*extent[:3], extent[3] - TOP_ROOM * size * km_per_point)
        spot = _best_spot(ring, half_width, half_height, shown)
        if spot is not None:
            places[iso3] = (spot[0] - dx * km_per_point, spot[1] - dy * km_per_point)
    return places


def _best_spot(ring: np.ndarray, half_width: float, half_height: float, extent):
    """The centre of a box 2 ``half_width`` by 2 ``half_height`` that fits inside ``ring`` and ``extent``, furthest from
    the coast, or None.
    """
    west, east, south, north = extent
    low_x, low_y = max(ring[:, 0].min(), west) + half_width, max(ring[:, 1].min(), south) + half_height
    high_x, high_y = min(ring[:, 0].max(), east) - half_width, min(ring[:, 1].max(), north) - half_height
    if low_x > high_x or low_y > high_y:
        return None
    xs = np.linspace(low_x, high_x, max(2, min(60, int((high_x - low_x) / (half_width / 4)) + 1)))
    ys = np.linspace(low_y, high_y, max(2, min(60, int((high_y - low_y) / (half_height / 2)) + 1)))
    centres = np.array([(x, y) for y in ys for x in xs])
    # points along the box's edges (and its middle line), relative to its centre
    along = np.linspace(-1, 1, 13)
    outline = np.concatenate(
        [np.column_stack([along * half_width, np.full(13, side * half_height)]) for side in (-1, 0, 1)]
        + [np.column_stack([np.full(5, side * half_width), np.linspace(-1, 1, 5) * half_height]) for side in (-1, 1)]
    )
    path = MplPath(ring)
    points = (centres[:, None, :] + outline[None, :, :]).reshape(-1, 2)
    inside = path.contains_points(points).reshape(len(centres), len(outline)).all(axis=1)
    candidates = centres[inside]
    if not len(candidates):
        return None
    vertices = ring[:-1]
    poking = (
        (np.abs(vertices[None, :, 0] - candidates[:, None, 0]) < half_width)
        & (np.abs(vertices[None, :, 1] - candidates[:, None, 1]) < half_height)
    ).any(axis=1)
    candidates = candidates[~poking]
    if not len(candidates):
        return None
    clearance = np.sqrt(((vertices[None, :, :] - candidates[:, None, :]) ** 2).sum(axis=2)).min(axis=1)
    x, y = candidates[int(np.argmax(clearance))]
    return float(x), float(y)


def draw_names(axes, places: dict[str, tuple[float, float]], names: dict[str, str], size: float) -> None:
    """Write the names at their places inside their countries, thinly outlined in white (gid ``label:<ISO3>``)."""
    from matplotlib import patheffects

    outline = [patheffects.withStroke(linewidth=1.6, foreground="white")]
    for iso3, (x, y) in sorted(places.items()):
        axes.text(
            x, y, names[iso3], fontsize=size, ha="center", va="center", color="#111111", path_effects=outline, gid=f"label:{iso3}"
        )


def wrap(items: list[str], separator: str, width: float, size: float, draw=lambda line: line) -> list[str]:
    """``items`` joined by ``separator`` on lines at most ``width`` points wide at ``size`` points (measured as
    drawn, ``draw`` preparing a line for matplotlib); an item is never split, a line holds at least one.
    """
    lines: list[str] = []
    for item in items:
        if lines:
            candidate = lines[-1] + separator + item
            if line_width(draw(candidate + separator.rstrip()), size) <= width:  # with the separator a next item adds
                lines[-1] = candidate
                continue
            lines[-1] += separator.rstrip()
        lines.append(item)
    return lines


def draw_key(key_axes, entries, size: float, separator: str, right_to_left: bool = False, draw=lambda line: line) -> float:
    """The map's key in ``key_axes``: for each entry ``(category, words, names)`` in order, a swatch in the category's
    colour and hatching, its ``words`` and under them the ``names`` listed (wrapped to the key's width), all at
    ``size`` points, from the top down; right-aligned, swatch on the right, for a right-to-left language. Texts have
    the gid ``key:<category>`` (the words) and ``list:<category>`` (the names). Returns the key's height (points).
    """
    from perucorpus.present.figures import category_style, colour_hatching, hatch_colour

    box = key_axes.get_window_extent()
    width, height = box.width * 72 / key_axes.figure.dpi, box.height * 72 / key_axes.figure.dpi
    key_axes.set_xlim(0, width)
    key_axes.set_ylim(-height, 0)
    key_axes.set_axis_off()
    swatch = (1.5 * size, 1.0 * size)
    pad = 0.45 * size
    text_width = width - swatch[0] - pad
    step = LEADING[right_to_left] * size
    x_swatch = width - swatch[0] if right_to_left else 0.0
    x_text = width - swatch[0] - pad if right_to_left else swatch[0] + pad
    align = "right" if right_to_left else "left"
    y = 0.0
    for category, words, names in entries:
        colour, hatch, _ = category_style(category)
        y -= step
        swatch_patch = Rectangle(
            (x_swatch, y - 0.15 * size),
            *swatch,
            facecolor=colour,
            hatch=hatch or None,
            edgecolor=hatch_colour(category) if hatch else "#bbbbbb",
            linewidth=0.3,
        )
        if hatch:
            colour_hatching(swatch_patch, category)
        key_axes.add_patch(swatch_patch)
        word_lines = wrap(words.split(), " ", text_width, size, draw)
        listed = wrap(names, separator, text_width, size, draw) if names else []
        for number, line in enumerate(word_lines + listed):
            if number:
                y -= step
            key_axes.text(
                x_text,
                y,
                draw(line),
                fontsize=size,
                ha=align,
                va="baseline",
                color=WORDS_COLOUR if number < len(word_lines) else LIST_COLOUR,
                gid=f"{'key' if number < len(word_lines) else 'list'}:{category}",
            )
        y -= 0.45 * size  # a little air between the categories
    return -y


def name_order(name: str) -> str:
    """A country's name as a key lists it: letters in their plain forms, and an Arabic name by the word after its
    article («الولايات المتحدة» among the و, as Arabic lists and indexes file it), so the list reads in alphabetical order.
    """
    plain = unicodedata.normalize("NFKC", name)
    return plain[2:] if plain.startswith("ال") else plain


def key_entries(categories: dict[str, str], words: dict[str, str], names: dict[str, str], empty: bool):
    """The key of a map coloured by ``categories`` (ISO3 → category): one entry per category shown, in legend order
    (then "" for the uncoloured, when ``empty``), with its ``words`` and the names (``names``, in their sort
    order) of all its countries, those also named on the map included (a reader counts a category from its list).
    """
    from perucorpus.present.figures import _legend_rank

    shown = sorted(set(categories.values()) | ({""} if empty else set()), key=_legend_rank)
    entries = []
    for category in shown:
        listed = (
            sorted((names[iso3] for iso3, which in categories.items() if which == category), key=name_order) if category else []
        )
        entries.append((category, " ".join(words[category].split()), listed))
    return entries


def status_map(
    map_axes,
    key_axes,
    shapes,
    statuses,
    labelled,
    words: dict[str, str],
    names: dict[str, str],
    size: float,
    extent,
    separator: str = ", ",
    right_to_left: bool = False,
    draw=lambda line: line,
):
    """Colour each country (``shapes``, projected) by the category of its status (``statuses``: ISO3 → status) on
    ``map_axes``, cropped to ``extent``; name inside its shape each country of ``labelled`` whose name fits there
    (:func:`inside_places`), and draw the key (:func:`draw_key`) in ``key_axes``: each category's ``words``
    (category → words, "" for no status) and every coloured country under its category, joined by ``separator``.
    ``names``: ISO3 → name (plain text; ``draw`` prepares a line for matplotlib). Returns what is drawn, one row per
    country with a shape (ISO3 order), as :func:`perucorpus.present.maps.status_map` does, ``label`` being "inside"
    (named on the map), "key" (listed in the key) or "".
    """
    import pandas as pd

    from perucorpus.present.figures import STATUS_CATEGORY, category_style

    statuses = statuses[statuses.index.isin(list(shapes))]
    categories = {iso3: STATUS_CATEGORY[status] for iso3, status in statuses.items()}
    markers = maps.draw(map_axes, shapes, categories, extent=extent, marker_size=3.2)
    on_map = {iso3: draw(names[iso3]) for iso3 in labelled if iso3 in shapes}
    places = inside_places(map_axes, shapes, on_map, size, extent)
    draw_names(map_axes, places, on_map, size)
    entries = key_entries(categories, words, names, empty=bool(set(shapes) - set(categories)))
    draw_key(key_axes, entries, size, separator, right_to_left, draw)
    rows = []
    for iso3 in sorted(shapes):
        category = categories.get(iso3, "")
        colour, hatch, _ = category_style(category)
        label = "inside" if iso3 in places else "key" if category else ""
        rows.append(
            (iso3, statuses.get(iso3, ""), category, " ".join(words[category].split()), colour, hatch, iso3 in markers, label)
        )
    return pd.DataFrame(rows, columns=["iso3", "status", "category", "legend", "colour", "hatch", "marker", "label"])
