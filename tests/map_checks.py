"""Measures of a drawn status map's names, shared by the maps' tests: where each name lies, what its leader crosses.

Everything is measured on the drawn figure (the renderer's boxes, the artists' own coordinates), not taken from the
placement code, so that a test fails when what is drawn is wrong whatever the code believed.
"""

from __future__ import annotations

import numpy as np
from matplotlib.path import Path as MplPath

from perucorpus.present import maps


def named_axes(figure) -> list:
    """The axes of ``figure`` that name countries (texts with a ``label:`` id), laid out and drawn."""
    figure.draw_without_rendering()
    return [axes for axes in figure.axes if any((text.get_gid() or "").startswith("label:") for text in axes.texts)]


def name_boxes(axes) -> dict:
    """ISO3 → the drawn extent (display pixels) of the country's name."""
    renderer = axes.figure._get_renderer()
    return {
        text.get_gid()[6:]: text.get_window_extent(renderer) for text in axes.texts if (text.get_gid() or "").startswith("label:")
    }


def leaders(axes) -> dict:
    """ISO3 → the country's leader line as drawn, two points in display pixels (from its country to its name)."""
    return {
        line.get_gid()[7:]: axes.transData.transform(line.get_xydata())
        for line in axes.lines
        if (line.get_gid() or "").startswith("leader:") and len(line.get_xydata()) == 2
    }


def circles(axes) -> list[tuple[np.ndarray, float]]:
    """Each small country's circle marker as drawn: (centre, radius) in display pixels, its edge included."""
    found = []
    for line in axes.lines:
        if (line.get_gid() or "") or line.get_marker() != "o":
            continue
        radius = (line.get_markersize() + line.get_markeredgewidth()) / 2 * axes.figure.dpi / 72
        found += [(centre, radius) for centre in axes.transData.transform(line.get_xydata())]
    return found


def inside_shares(axes, shapes) -> dict[str, tuple[float, float]]:
    """For each name drawn inside its country (no leader): (share of its box on its own country, the largest share on
    any other country), sampled on a grid of points over the box.
    """
    boxes, lines = name_boxes(axes), leaders(axes)
    to_data = axes.transData.inverted()
    outlines = {iso3: maps._path(polygons) for iso3, polygons in shapes.items()}
    shares = {}
    for iso3, box in boxes.items():
        if iso3 in lines:
            continue
        xs, ys = np.meshgrid(np.linspace(box.x0, box.x1, 30), np.linspace(box.y0, box.y1, 10))
        points = to_data.transform(np.column_stack([xs.ravel(), ys.ravel()]))
        others = [outline.contains_points(points).mean() for other, outline in outlines.items() if other != iso3]
        shares[iso3] = (float(outlines[iso3].contains_points(points).mean()), float(max(others)))
    return shares


def _cross(first: np.ndarray, second: np.ndarray) -> bool:
    def turn(p, q, r) -> float:
        return float(np.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])))

    (a, b), (c, d) = first, second
    return turn(a, b, c) * turn(a, b, d) < 0 and turn(c, d, a) * turn(c, d, b) < 0


def leader_problems(axes) -> list[tuple[str, str]]:
    """Each leader line's crossings as drawn: (owner, "name:<ISO3>") for a name it runs through (a touch of the name's
    outline does not count), (owner, "circle") for another country's circle it passes through, (owner, "leader:<ISO3>")
    for another leader it crosses.
    """
    boxes, lines, markers = name_boxes(axes), leaders(axes), circles(axes)
    problems = []
    for owner, segment in sorted(lines.items()):
        path = MplPath(segment)
        problems += [
            (owner, f"name:{name}")
            for name, box in boxes.items()
            if name != owner and path.intersects_bbox(box.expanded(0.9, 0.8))
        ]
        start, end = segment
        along = end - start
        for centre, radius in markers:
            if np.hypot(*(centre - start)) < 1.0:  # its own circle, where the leader starts
                continue
            share = np.clip(np.dot(centre - start, along) / np.dot(along, along), 0.0, 1.0)
            if np.hypot(*(start + share * along - centre)) < radius:
                problems.append((owner, "circle"))
        problems += [(owner, f"leader:{other}") for other, second in lines.items() if owner < other and _cross(segment, second)]
    return problems
