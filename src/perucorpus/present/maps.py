"""Maps of the Americas from the vendored Natural Earth shapes (``data/geo/``), no network.

Shapes are drawn as one matplotlib patch collection in longitude/latitude. Countries too small to see
at the scale of the continent (most Caribbean states) also get a circle marker at the
centre of their largest polygon, so that their status is always visible.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from matplotlib.collections import PatchCollection
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath

Polygon = list[np.ndarray]  # outer ring, then holes

EXTENT = (-125.0, -32.0, -56.5, 56.0)  # west, east, south, north
SMALL_AREA = 3.0  # square degrees: below this a country also gets a marker


def load_shapes(path: Path | str) -> dict[str, list[Polygon]]:
    """ISO3 → polygons from a GeoJSON FeatureCollection with an ``iso3`` property."""
    shapes: dict[str, list[Polygon]] = {}
    for feature in json.loads(Path(path).read_text(encoding="utf-8"))["features"]:
        geometry = feature["geometry"]
        parts = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        shapes.setdefault(feature["properties"]["iso3"], []).extend(
            [np.asarray(ring, dtype=float) for ring in polygon] for polygon in parts
        )
    return shapes


def _ring_area_centroid(ring: np.ndarray) -> tuple[float, np.ndarray]:
    x, y = ring[:, 0], ring[:, 1]
    cross = x[:-1] * y[1:] - x[1:] * y[:-1]
    area = cross.sum() / 2
    if area == 0:
        return 0.0, ring.mean(axis=0)
    centre = np.array([((x[:-1] + x[1:]) * cross).sum(), ((y[:-1] + y[1:]) * cross).sum()]) / (6 * area)
    return abs(area), centre


def area(polygons: list[Polygon]) -> float:
    """Total area in square degrees (outer rings less holes)."""
    total = 0.0
    for polygon in polygons:
        total += _ring_area_centroid(polygon[0])[0] - sum(_ring_area_centroid(hole)[0] for hole in polygon[1:])
    return total


def marker_position(polygons: list[Polygon]) -> tuple[float, float]:
    """Centre of the largest polygon (where a marker for the country goes)."""
    largest = max(polygons, key=lambda polygon: _ring_area_centroid(polygon[0])[0])
    x, y = _ring_area_centroid(largest[0])[1]
    return float(x), float(y)


def _patch(polygons: list[Polygon], **style) -> PathPatch:
    vertices, codes = [], []
    for polygon in polygons:
        for ring in polygon:
            vertices.append(ring)
            codes += [MplPath.MOVETO] + [MplPath.LINETO] * (len(ring) - 2) + [MplPath.CLOSEPOLY]
    return PathPatch(MplPath(np.concatenate(vertices), codes), **style)


#: Colour and legend text of a country the map gives no status (drawn in the base colour, and listed in the legend).
UNRECORDED = ("#e6e6e6", "no status recorded")


def draw(
    axes, shapes: dict[str, list[Polygon]], colours: dict[str, str], base: str = UNRECORDED[0]
) -> dict[str, tuple[float, float]]:
    """Draw every shape (``colours[iso3]`` or ``base``); returns the marker positions used for small countries."""
    markers = {}
    patches = [
        _patch(shapes[iso3], facecolor=colours.get(iso3, base), edgecolor="white", linewidth=0.4) for iso3 in sorted(shapes)
    ]
    # One collection (limits are set below) draws and saves far faster than one patch per country.
    axes.add_collection(PatchCollection(patches, match_original=True), autolim=False)
    for iso3 in sorted(shapes):
        colour = colours.get(iso3, base)
        if iso3 in colours and area(shapes[iso3]) < SMALL_AREA:
            markers[iso3] = marker_position(shapes[iso3])
            axes.plot(
                *markers[iso3],
                marker="o",
                markersize=6.5,
                markerfacecolor=colour,
                markeredgecolor="#333333",
                markeredgewidth=0.7,
                linestyle="none",
            )
    west, east, south, north = EXTENT
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_aspect("equal")
    axes.set_axis_off()
    return markers


def status_map(axes, shapes: dict[str, list[Polygon]], statuses, styles: dict[str, tuple[str, str]], title: str):
    """Colour each country by its status (``statuses``: ISO3 → status) with a legend in ``styles`` order.

    ``styles`` maps a status to (colour, legend text); the legend lists only the statuses shown,
    then :data:`UNRECORDED` if some country is left without one. Returns what is drawn, one row
    per country with a shape (ISO3 order): ``map`` (the title), ``iso3``, ``status`` ("" when
    none is recorded), ``legend`` (its legend text), ``colour`` and ``marker`` (whether the
    country also gets a circle, being too small to see).
    """
    import pandas as pd

    from perucorpus.present.figures import legend_handles

    markers = draw(axes, shapes, {iso3: styles[status][0] for iso3, status in statuses.items()})
    unrecorded = sorted(set(shapes) - set(statuses.index))
    legend = {**styles, "": UNRECORDED}
    present = set(statuses) | ({""} if unrecorded else set())
    axes.legend(handles=legend_handles(legend, present), loc="lower left", frameon=False, fontsize=8.5)
    axes.set_title(title, fontsize=11)
    status = {iso3: statuses.get(iso3, "") for iso3 in shapes}
    rows = [
        (title, iso3, status[iso3], " ".join(legend[status[iso3]][1].split()), legend[status[iso3]][0], iso3 in markers)
        for iso3 in sorted(shapes)
    ]
    return pd.DataFrame(rows, columns=["map", "iso3", "status", "legend", "colour", "marker"])


def describe_statuses(statuses, styles: dict[str, tuple[str, str]]) -> str:
    """How many countries have each status, in ``styles`` order: a text alternative for a status map."""
    counts = statuses.value_counts()
    return ", ".join(f"{' '.join(label.split())} {counts[status]}" for status, (_, label) in styles.items() if status in counts)
