"""Maps of the Americas from the vendored Natural Earth shapes (``data/geo/``), no network.

Shapes are projected to a Lambert azimuthal equal-area projection centred on the Americas
(:data:`PROJECTION`, with pyproj), so that every country is drawn at its true relative size: in
longitude/latitude, Canada and the United States looked twice as large as they are next to Latin
America. The map is cropped (:data:`EXTENT`) below the Arctic and west of Alaska. Countries are
coloured and hatched by the display category of their status (:data:`perucorpus.present.figures.CATEGORIES`),
one patch collection per category. Countries too small to see at the scale of the continent (most
Caribbean states) also get a circle marker at the centre of their largest polygon; the countries a map
labels are named inside their shape where the name fits, otherwise beside them or in a column with
leader lines (the Caribbean's on the Atlantic side, Central America's on the Pacific side), each name's
box measured with the renderer so that no two overlap, outlined in white so that the countries' colours stay true.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pyproj
from matplotlib.collections import PatchCollection
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath
from matplotlib.transforms import Bbox

Polygon = list[np.ndarray]  # outer ring, then holes

#: Lambert azimuthal equal-area, centred on the Americas, in kilometres (PROJ string: no grid or network needed).
PROJECTION = "+proj=laea +lat_0=8 +lon_0=-80 +datum=WGS84 +units=km +no_defs"
EXTENT = (-4300.0, 5000.0, -7300.0, 6000.0)  # west, east, south, north, in km of PROJECTION
#: A tighter crop for a printed page: the Arctic, northern Canada and the Pacific off California left out.
PRINT_EXTENT = (-3900.0, 5000.0, -7300.0, 5300.0)
SMALL_AREA = 30_000.0  # km²: below this a country also gets a marker
#: Labels of countries east of this longitude (and of the Caribbean's) that do not fit go to the Atlantic side.
ATLANTIC_SIDE = -66.0
LABEL_SIZE = 9.5  # points
MARKER_SIZE = 6.0  # points: the diameter of a small country's circle
#: A name drawn inside its country has at least OWN_SHARE of its box on that country's shape and at most OTHERS_SHARE
#: on any other country's (so that it reads as its own country's name, not a neighbour's); else it goes beside it.
OWN_SHARE, OTHERS_SHARE = 0.65, 0.2
#: Where inside its country a name is tried, in the name's widths (right) and heights (up) from the centre of its
#: largest polygon: the nearest first.
INSIDE_OFFSETS = sorted(
    ((dx, dy) for dx in (0, -0.25, 0.25, -0.5, 0.5) for dy in (0, -0.5, 0.5, -1, 1, -1.5, 1.5, -2, 2)),
    key=lambda offset: (offset[0] ** 2 + (offset[1] / 2) ** 2, offset),
)
#: How far (in lines) a name that gives way to a place beside its country may move up or down (nearest first).
GIVE_WAY_SHIFTS = (0, 0.5, -0.5, 1, -1)
#: What a name that stays in its column costs, per named country its leader crosses (a move costs its lines).
STAY_COST = 1.0
#: How far (in lines) a name that leaves its column for a place beside its country may move up or down (nearest first).
UNTANGLE_SHIFTS = (0, -0.5, 0.5, -1, 1)
#: How far (in lines) a column of names may move up or down so that no leader runs through a name (nearest first).
COLUMN_SHIFTS = (0, 0.5, -0.5, 1, -1)


def load_shapes(path: Path | str) -> dict[str, list[Polygon]]:
    """ISO3 → polygons (longitude, latitude) from a GeoJSON FeatureCollection with an ``iso3`` property."""
    shapes: dict[str, list[Polygon]] = {}
    for feature in json.loads(Path(path).read_text(encoding="utf-8"))["features"]:
        geometry = feature["geometry"]
        parts = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        shapes.setdefault(feature["properties"]["iso3"], []).extend(
            [np.asarray(ring, dtype=float) for ring in polygon] for polygon in parts
        )
    return shapes


def project(shapes: dict[str, list[Polygon]]) -> dict[str, list[Polygon]]:
    """The same polygons in km of :data:`PROJECTION` (one transformation for all the rings)."""
    transformer = pyproj.Transformer.from_crs("+proj=longlat +datum=WGS84 +no_defs", PROJECTION, always_xy=True)
    rings = [ring for polygons in shapes.values() for polygon in polygons for ring in polygon]
    points = np.concatenate(rings)
    x, y = transformer.transform(points[:, 0], points[:, 1])
    projected = np.column_stack([x, y])
    ends = np.cumsum([len(ring) for ring in rings])
    pieces = iter(np.split(projected, ends[:-1]))
    return {iso3: [[next(pieces) for _ in polygon] for polygon in polygons] for iso3, polygons in shapes.items()}


def _ring_area_centroid(ring: np.ndarray) -> tuple[float, np.ndarray]:
    x, y = ring[:, 0], ring[:, 1]
    cross = x[:-1] * y[1:] - x[1:] * y[:-1]
    area = cross.sum() / 2
    if area == 0:
        return 0.0, ring.mean(axis=0)
    centre = np.array([((x[:-1] + x[1:]) * cross).sum(), ((y[:-1] + y[1:]) * cross).sum()]) / (6 * area)
    return abs(area), centre


def area(polygons: list[Polygon]) -> float:
    """Total area in the shapes' units squared (outer rings less holes)."""
    total = 0.0
    for polygon in polygons:
        total += _ring_area_centroid(polygon[0])[0] - sum(_ring_area_centroid(hole)[0] for hole in polygon[1:])
    return total


def marker_position(polygons: list[Polygon]) -> tuple[float, float]:
    """Centre of the largest polygon (where a marker, or the country's name, goes)."""
    largest = max(polygons, key=lambda polygon: _ring_area_centroid(polygon[0])[0])
    x, y = _ring_area_centroid(largest[0])[1]
    return float(x), float(y)


def _path(polygons: list[Polygon]) -> MplPath:
    vertices, codes = [], []
    for polygon in polygons:
        for ring in polygon:
            vertices.append(ring)
            codes += [MplPath.MOVETO] + [MplPath.LINETO] * (len(ring) - 2) + [MplPath.CLOSEPOLY]
    return MplPath(np.concatenate(vertices), codes)


def draw(
    axes,
    shapes: dict[str, list[Polygon]],
    categories: dict[str, str],
    marked=frozenset(),
    extent=EXTENT,
    marker_size: float = MARKER_SIZE,
) -> dict[str, tuple[float, float]]:
    """Draw every shape (projected) in its category's colour and hatching (``categories``: ISO3 → category of
    :data:`perucorpus.present.figures.CATEGORIES`; the others in :data:`perucorpus.present.figures.NO_STATUS`).

    Small countries with a category, or in ``marked`` (those a map names), also get a circle in their colour.
    ``extent``: the part of the map shown (west, east, south, north, km); ``marker_size`` in points. Returns the
    marker positions.
    """
    from perucorpus.present.figures import category_style, colour_hatching

    by_category: dict[str, list] = {}
    for iso3 in sorted(shapes):
        by_category.setdefault(categories.get(iso3, ""), []).append(PathPatch(_path(shapes[iso3])))
    # One collection per category (hatching is per collection): far faster to draw and save than a patch per country.
    for category in sorted(by_category, key=lambda name: (name != "", name)):
        colour, hatch, _ = category_style(category)
        collection = PatchCollection(
            by_category[category], facecolors=colour, edgecolors="white", linewidths=0.4, hatch=hatch or None
        )
        colour_hatching(collection, category)
        axes.add_collection(collection, autolim=False)
    markers = {}
    for iso3 in sorted(shapes):
        if (iso3 in categories or iso3 in marked) and area(shapes[iso3]) < SMALL_AREA:
            markers[iso3] = marker_position(shapes[iso3])
            axes.plot(
                *markers[iso3],
                marker="o",
                markersize=marker_size,
                markerfacecolor=category_style(categories.get(iso3, ""))[0],
                markeredgecolor="#333333",
                markeredgewidth=0.7,
                linestyle="none",
            )
    west, east, south, north = extent
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_aspect("equal")
    axes.set_axis_off()
    return markers


def label_places(
    axes,
    shapes: dict[str, list[Polygon]],
    names: dict[str, str],
    regions: dict[str, str],
    size: float = LABEL_SIZE,
    extent=EXTENT,
    gap: float = 10.0,
    columns: bool = True,
    markers=frozenset(),
) -> dict:
    """Where each country of ``names`` (ISO3 → name as drawn) is labelled: ``{iso3: (x, y, anchor_x, anchor_y, side)}``.

    Each name's box is measured with the renderer (at ``size`` points, so Arabic's wider letters and taller lines count
    as they are drawn), and no two boxes overlap. ``regions`` gives each country's UN sub-region. A name goes inside its
    shape (``side`` "inside", at the centre of its largest polygon or as near to it as it fits) when its box lies
    mostly on its own country and hardly on another (:data:`OWN_SHARE`, :data:`OTHERS_SHARE`) and clear of the names
    already placed (the largest countries first); else the Caribbean's in a
    column on the Atlantic side and Central America's in one on the Pacific side, each joined to its country by a
    leader line; any other name beside its country towards the nearer ocean (east of :data:`ATLANTIC_SIDE` on the
    Atlantic side), moved up or down to a free place, or into its side's column when there is none. A country whose
    centre lies beyond the map's ``extent`` (Canada's, on a cropped map) is named inside its shape's shown part;
    a name beside its country starts ``gap`` points from it, on whichever side has room nearest to it. Without
    ``columns``, the Caribbean's and Central America's names (short numbers on a printed map) go beside them too.
    No leader line runs through another name, another country's circle (``markers``: the countries drawn with one,
    :data:`MARKER_SIZE` across) or another leader, where a place beside its country allows it (:func:`_repair`).
    """
    transformer = pyproj.Transformer.from_crs(PROJECTION, "+proj=longlat +datum=WGS84 +no_defs", always_xy=True)
    sizes = _label_sizes(axes, names, size, extent)
    km_per_point = (extent[1] - extent[0]) / (axes.get_window_extent().width * 72 / axes.figure.dpi)
    gap, margin = gap * km_per_point, 1.5 * km_per_point
    places, boxes, stacked, beside = {}, {}, {"east": [], "west": []}, []

    def box(x: float, y: float, iso3: str, side: str) -> tuple[float, float, float, float]:
        width, height = sizes[iso3]
        left = {"inside": x - width / 2, "east": x, "west": x - width}[side]
        return (left - margin, y - height / 2 - margin, left + width + margin, y + height / 2 + margin)

    def free(candidate) -> bool:
        return not any(_overlap(candidate, other) for other in boxes.values())

    def side_of(iso3: str, x: float, y: float) -> str:
        if regions.get(iso3) == "Caribbean":
            return "east"
        if regions.get(iso3) == "Central America":
            return "west"
        return "east" if transformer.transform(x, y)[0] > ATLANTIC_SIDE else "west"

    outlines = {iso3: _path(polygons) for iso3, polygons in shapes.items()}
    fits = _inside_test(shapes, outlines, sizes, extent)
    circles = {iso3: marker_position(shapes[iso3]) for iso3 in markers if iso3 in shapes}
    radius = (MARKER_SIZE / 2 + 1) * km_per_point  # the circle and its edge, and a point to spare
    by_size = sorted(names, key=lambda iso3: (-area(shapes[iso3]), iso3))
    for iso3 in by_size:
        x, y = _shown_centre(shapes[iso3], extent, sizes[iso3][1])
        inside = _inside_spot(iso3, x, y, sizes[iso3], fits, lambda x, y, iso3=iso3: free(box(x, y, iso3, "inside")))
        if inside is not None:
            places[iso3], boxes[iso3] = (*inside, *inside, "inside"), box(*inside, iso3, "inside")
        elif regions.get(iso3) in ("Caribbean", "Central America") and columns:
            stacked[side_of(iso3, x, y)].append((iso3, x, y))
        else:
            beside.append((iso3, x, y))
    _give_way(stacked, shapes, sizes, margin, gap, box, free, places, boxes, {iso3: _path(shapes[iso3]) for iso3 in names})
    for iso3, x, y in beside:
        side = side_of(iso3, x, y)
        other_side = "west" if side == "east" else "east"
        # shifts in lines: either side near it, then further
        rings = (0, 0.5, -0.5, 1, -1), (1.5, -1.5, 2, -2)
        placed = any(
            _beside(iso3, x, y, where, sizes, margin, gap, box, free, places, boxes, shifts)
            for shifts in rings[:2]
            for where in (side, other_side)
        )
        if not placed:
            stacked[side].append((iso3, x, y))
    for side, members in stacked.items():
        if members:
            _place_column(side, members, sizes, margin, gap, box, free, places, boxes)
            _untangle(members, shapes, sizes, margin, gap, box, free, places, boxes)
    _clear_leaders(shapes, sizes, margin, gap, box, free, places, boxes)
    _repair(shapes, sizes, margin, gap, box, free, places, boxes, names, fits, circles, radius)
    return places


def _shown_centre(polygons: list[Polygon], extent, height: float) -> tuple[float, float]:
    """Where a country's name goes inside it: the centre of its largest polygon, or, when that lies beyond the
    top of ``extent`` (a name ``height`` km tall), the middle of the widest stretch of it just inside the top.
    """
    x, y = marker_position(polygons)
    top = extent[3] - 2.5 * height
    if y <= top:
        return x, y
    ring = max(polygons, key=lambda polygon: _ring_area_centroid(polygon[0])[0])[0]
    start, end = ring[:-1], ring[1:]
    crossing = (start[:, 1] <= top) != (end[:, 1] <= top)
    dy = np.where(crossing, end[:, 1] - start[:, 1], 1.0)
    xs = np.sort(start[crossing, 0] + (top - start[crossing, 1]) * (end[crossing, 0] - start[crossing, 0]) / dy[crossing])
    stretches = list(zip(xs[::2], xs[1::2]))
    if not stretches:
        return x, top
    left, right = max(stretches, key=lambda stretch: stretch[1] - stretch[0])
    return float((left + right) / 2), top


def _inside_test(shapes, outlines: dict, sizes: dict, extent):
    """A measure of how well a country's name fits inside it at a point: ``fits(iso3, x, y)`` is the share of its box
    (``sizes``, centred there) on the country itself less the share on other countries, measured at points spread
    over the box; None when the box is not inside ``extent``, lies less than :data:`OWN_SHARE` on the country or more
    than :data:`OTHERS_SHARE` on any other, or the country is too small to see.
    """
    ranges = {iso3: (outline.vertices.min(axis=0), outline.vertices.max(axis=0)) for iso3, outline in outlines.items()}
    west, east, south, north = extent

    def fits(iso3: str, x: float, y: float) -> float | None:
        if area(shapes[iso3]) < SMALL_AREA:
            return None
        width, height = sizes[iso3]
        left, bottom, right, top = x - width / 2, y - height / 2, x + width / 2, y + height / 2
        if left < west or right > east or bottom < south or top > north:
            return None
        xs, ys = np.meshgrid(np.linspace(left, right, 24), np.linspace(bottom, top, 8))
        points = np.column_stack([xs.ravel(), ys.ravel()])
        own = outlines[iso3].contains_points(points).mean()
        if own < OWN_SHARE:
            return None
        others, most = np.zeros(len(points), dtype=bool), 0.0
        for other, (low, high) in ranges.items():
            if other != iso3 and low[0] < right and high[0] > left and low[1] < top and high[1] > bottom:
                inside = outlines[other].contains_points(points)
                others, most = others | inside, max(most, inside.mean())
        return None if most > OTHERS_SHARE else float(own - others.mean())

    return fits


def _inside_spot(iso3: str, x: float, y: float, size, fits, free) -> tuple[float, float] | None:
    """Where inside its country the name of ``iso3`` (``size``: width, height) goes, tried at :data:`INSIDE_OFFSETS`
    from (``x``, ``y``): the free place (``free(x, y)``) where it lies best on its own country (``fits``), the
    nearest of the equals; None when it fits nowhere.
    """
    best = None
    for dx, dy in INSIDE_OFFSETS:
        spot = (x + dx * size[0], y + dy * size[1])
        score = fits(iso3, *spot)
        if score is not None and (best is None or score > best[0] + 1e-9) and free(*spot):
            best = (score, spot)
            if score >= 1.0:  # wholly on its own country: none can do better
                break
    return best[1] if best else None


def _give_way(columns, shapes, sizes, margin, gap, box, free, places, boxes, named) -> None:
    """A column's leader that would cross another country of the column (Haiti's, across the Dominican Republic;
    Belize's, from the Pacific column across Guatemala) gives way to a name beside the country on the other side,
    moved up or down by up to a line where another such name needs the place (Cuba's and Belize's by the Yucatán
    channel) and its leader crosses no other country of ``named`` (ISO3 → outline). The places are chosen together
    (:func:`_joint_places`): a name left in its column costs :data:`STAY_COST` for each named country its leader
    would cross on the way (Belize's crosses Guatemala and Mexico), a name moved the lines it moves, and the
    cheapest choice wins.
    """
    crossing = []
    for side, members in columns.items():
        outlines = {iso3: _path(shapes[iso3]) for iso3, _, _ in members}
        reach = {"east": max, "west": min}[side]((x for _, x, _ in members), default=0.0) + (gap if side == "east" else -gap)
        for member in members:
            ray = MplPath(np.array([member[1:], [reach, member[2]]]))
            if any(ray.intersects_path(outline, filled=True) for other, outline in outlines.items() if other != member[0]):
                crossed = sum(ray.intersects_path(outline, filled=True) for other, outline in named.items() if other != member[0])
                crossing.append((side, member, max(GIVE_WAY_SHIFTS) + 1 + STAY_COST * crossed))
    options, staying = [], []
    for side, (iso3, x, y), stay in crossing:
        other_side = "west" if side == "east" else "east"
        label_x = x + (gap if other_side == "east" else -gap)
        step = sizes[iso3][1] + 2 * margin
        candidates = [
            (abs(shift), (label_x, y + shift * step, x, y, other_side), box(label_x, y + shift * step, iso3, other_side))
            for shift in GIVE_WAY_SHIFTS
        ]
        options.append([candidate for candidate in candidates if free(candidate[2]) and not _crosses(candidate[1], iso3, named)])
        staying.append(stay)
    for (side, member, _), chosen in zip(crossing, _joint_places(options, staying)):
        if chosen is not None:
            columns[side].remove(member)
            places[member[0]], boxes[member[0]] = chosen[1], chosen[2]


def _joint_places(options: list[list], staying: list[float] | None = None) -> list:
    """One candidate (cost, place, box) or None per name of ``options`` (each name's candidates, in order of
    preference), no two boxes overlapping, at the least total cost, None costing the name's ``staying`` (1 each by
    default, more than any move: as many names placed as possible); ties go to the earliest candidates (a depth-first
    search, pruned when it cannot beat the best found).
    """
    staying = staying if staying is not None else [max(GIVE_WAY_SHIFTS) + 1.0] * len(options)
    best: list = [float("inf"), [None] * len(options)]

    def search(number: int, chosen: list, cost: float) -> None:
        if cost >= best[0]:
            return
        if number == len(options):
            best[0], best[1] = cost, list(chosen)
            return
        for candidate in options[number]:
            if not any(_overlap(candidate[2], other[2]) for other in chosen if other is not None):
                search(number + 1, [*chosen, candidate], cost + candidate[0])
        search(number + 1, [*chosen, None], cost + staying[number])

    search(0, [], 0.0)
    return best[1]


def _untangle(members, shapes, sizes, margin, gap, box, free, places, boxes) -> None:
    """Move beside its country, on either side, each member of a column whose leader line crosses another member's
    country (Jamaica's, across Hispaniola, once the column is stacked), where there is room.
    """
    outlines = {iso3: _path(shapes[iso3]) for iso3, _, _ in members}
    for member in members:
        iso3 = member[0]
        if not _crosses(places[iso3], iso3, outlines):
            continue
        place, taken = places.pop(iso3), boxes.pop(iso3)
        if not any(
            _beside(*member, side, sizes, margin, gap, box, free, places, boxes, UNTANGLE_SHIFTS) for side in ("west", "east")
        ):
            places[iso3], boxes[iso3] = place, taken


def _clear_leaders(shapes, sizes, margin, gap, box, free, places, boxes) -> None:
    """Move beside its country, on either side and up or down, each name whose leader line runs through another name
    (Jamaica's through Haiti's, Belize's through Mexico's), to the nearest place where its leader crosses no name and
    no leader crosses it; a name with no such place stays where it is.
    """
    outlines = {iso3: _path(shapes[iso3]) for iso3 in places}
    for iso3 in sorted(places):
        if places[iso3][4] == "inside" or not leader_crosses_names(places[iso3], iso3, boxes, margin):
            continue
        crossed = [
            name
            for name in sorted(boxes)
            if name != iso3 and leader_crosses_names(places[iso3], iso3, {name: boxes[name]}, margin)
        ]
        for mover in [iso3] + [name for name in crossed if places[name][4] != "inside"]:
            if _move_clear(mover, outlines, sizes, margin, gap, box, free, places, boxes) and not leader_crosses_names(
                places[iso3], iso3, boxes, margin
            ):
                break


def _move_clear(iso3, outlines, sizes, margin, gap, box, free, places, boxes) -> bool:
    """Move the name of ``iso3`` beside its country to the nearest place where its leader crosses no name, no leader
    crosses it and it covers no other named country (``outlines``); False (the name stays) when there is none.
    """
    shifts = (0, 0.5, -0.5, 1, -1, 1.5, -1.5, 2, -2)
    place, taken = places.pop(iso3), boxes.pop(iso3)
    x, y = place[2], place[3]
    sides = (place[4], "west" if place[4] == "east" else "east")
    for distance, shift, side in itertools.product((gap, 3 * gap), shifts, sides):
        if not _beside(iso3, x, y, side, sizes, margin, distance, box, free, places, boxes, (shift,)):
            continue
        crossed = any(
            leader_crosses_names(other, name, {iso3: boxes[iso3]}, margin) for name, other in places.items() if name != iso3
        ) or any(
            outline.intersects_bbox(Bbox.from_extents(*boxes[iso3]), filled=True)
            for name, outline in outlines.items()
            if name != iso3
        )
        if not crossed and not leader_crosses_names(places[iso3], iso3, boxes, margin):
            return True
        places.pop(iso3), boxes.pop(iso3)
    places[iso3], boxes[iso3] = place, taken
    return False


#: Distances (in ``gap``s) and shifts (in lines) :func:`_repair` tries for a name beside its country.
REPAIR_DISTANCES = (1, 2, 3, 4, 6)
REPAIR_SHIFTS = (0, 0.5, -0.5, 1, -1, 1.5, -1.5, 2, -2, 3, -3)
#: Shifts (in lines) :func:`_repair` tries for a name inside its country that a leader runs through.
INSIDE_SHIFTS = (0.5, -0.5, 1, -1, 1.5, -1.5)


def _repair(shapes, sizes, margin, gap, box, free, places, boxes, names, fits, circles, radius) -> None:
    """The last pass: a name inside its country that a leader runs through (Mexico's, under Belize's leader from the
    Pacific column) moves up or down in it where it still fits (``fits``, :func:`_inside_test`) and no leader crosses
    it; then each name beside its country that is in the way moves to the cheapest place on either side where it is
    not and it overlaps no name: nearest first (distance in ``gap``s plus shift in lines), a place covering another
    named country or a leader crossing one costing more. In the way: its leader runs through another name, another
    country's circle (``circles``: ISO3 → centre, ``radius`` km) or another leader, or another leader runs through
    its box. A name in the way with no such place stays where it is; a name not in the way moves only where it then
    covers no other named country and its leader crosses none (Venezuela's, beside it, ran onto Guyana).
    """
    outlines = {iso3: _path(shapes[iso3]) for iso3 in names}

    def blocked(place, iso3: str, taken) -> bool:
        return (
            leader_crosses_names(place, iso3, {name: other for name, other in boxes.items() if name != iso3}, margin)
            or any(leader_crosses_names(other, name, {iso3: taken}, margin) for name, other in places.items() if name != iso3)
            or leader_crosses_circles(place, iso3, circles, radius)
            or any(leaders_cross(place, other) for name, other in places.items() if name != iso3)
        )

    for iso3 in sorted(places):  # a name inside its country first moves up or down in it to let leaders pass
        if places[iso3][4] != "inside" or not blocked(places[iso3], iso3, boxes[iso3]):
            continue
        place, taken = places.pop(iso3), boxes.pop(iso3)
        x, y = place[0], place[1]
        step = sizes[iso3][1] + 2 * margin
        for shift in INSIDE_SHIFTS:
            candidate = box(x, y + shift * step, iso3, "inside")
            if (
                fits(iso3, x, y + shift * step) is not None
                and free(candidate)
                and not any(leader_crosses_names(other, name, {iso3: candidate}, margin) for name, other in places.items())
            ):
                place, taken = (x, y + shift * step, x, y + shift * step, "inside"), candidate
                break
        places[iso3], boxes[iso3] = place, taken
    for iso3 in sorted(places):
        if places[iso3][4] == "inside":
            continue
        others = {name: outline for name, outline in outlines.items() if name != iso3}
        in_the_way = blocked(places[iso3], iso3, boxes[iso3])
        # a name not in the way moves only for a place covering no named country, its leader crossing none
        staying = None if in_the_way else 4 * _covers(boxes[iso3], others) + 4 * _crosses(places[iso3], iso3, others)
        if staying == 0:
            continue
        place, taken = places.pop(iso3), boxes.pop(iso3)
        x, y = place[2], place[3]
        step = sizes[iso3][1] + 2 * margin
        best = None
        for distance, shift, side in itertools.product(REPAIR_DISTANCES, REPAIR_SHIFTS, ("east", "west")):
            label_x, label_y = x + (1 if side == "east" else -1) * distance * gap, y + shift * step
            candidate = box(label_x, label_y, iso3, side)
            moved = (label_x, label_y, x, y, side)
            if not free(candidate) or blocked(moved, iso3, candidate):
                continue
            covering = 4 * _covers(candidate, others) + 4 * _crosses(moved, iso3, others)
            if staying is not None and covering:
                continue
            cost = distance + abs(shift) + covering
            if best is None or cost < best[0]:
                best = (cost, moved, candidate)
        places[iso3], boxes[iso3] = (best[1], best[2]) if best else (place, taken)


def leader_crosses_circles(place, iso3: str, circles: dict, radius: float) -> bool:
    """Whether the leader line of ``place`` (:func:`label_places`' tuple) passes within ``radius`` of the centre of a
    circle of ``circles`` (ISO3 → centre) other than ``iso3``'s own.
    """
    x, y, anchor_x, anchor_y, side = place
    if side == "inside":
        return False
    start, end = np.array([anchor_x, anchor_y]), np.array([x, y])
    along = end - start
    for name, centre in circles.items():
        if name == iso3:
            continue
        share = np.clip(np.dot(np.asarray(centre) - start, along) / max(np.dot(along, along), 1e-12), 0.0, 1.0)
        if np.hypot(*(start + share * along - centre)) < radius:
            return True
    return False


def leaders_cross(first, second) -> bool:
    """Whether the leader lines of two places (:func:`label_places`' tuples) cross (a name inside has none)."""
    if first[4] == "inside" or second[4] == "inside":
        return False
    (a, b), (c, d) = (np.array(first[2:4]), np.array(first[:2])), (np.array(second[2:4]), np.array(second[:2]))

    def turn(p, q, r) -> float:
        return float(np.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])))

    return turn(a, b, c) * turn(a, b, d) < 0 and turn(c, d, a) * turn(c, d, b) < 0


def leader_crosses_names(place, iso3: str, boxes: dict, margin: float = 0.0) -> bool:
    """Whether the leader line of ``place`` (:func:`label_places`' tuple) runs through the box of a name other than
    ``iso3``'s (``boxes``: ISO3 → (left, bottom, right, top), each shrunk by ``margin`` first: a touch does not count).
    """
    x, y, anchor_x, anchor_y, side = place
    if side == "inside":
        return False
    leader = MplPath(np.array([[anchor_x, anchor_y], [x, y]]))
    return any(
        leader.intersects_bbox(Bbox.from_extents(left + margin, bottom + margin, right - margin, top - margin))
        for name, (left, bottom, right, top) in boxes.items()
        if name != iso3
    )


def _crosses(place, iso3: str, outlines: dict) -> bool:
    """Whether the leader line of ``place`` (:func:`label_places`' tuple) crosses a country of ``outlines`` other than ``iso3``."""
    x, y, anchor_x, anchor_y, _ = place
    leader = MplPath(np.array([[anchor_x, anchor_y], [x, y]]))
    return any(leader.intersects_path(outline, filled=True) for other, outline in outlines.items() if other != iso3)


def _beside(iso3, x, y, side, sizes, margin, gap, box, free, places, boxes, shifts=(0, 1, -1, 2, -2)) -> bool:
    """Name ``iso3`` beside its anchor (``x``, ``y``) on ``side``, moved up or down by ``shifts`` lines to a free place;
    False when there is none.
    """
    label_x = x + (gap if side == "east" else -gap)
    step = sizes[iso3][1] + 2 * margin
    for shift in shifts:
        candidate = box(label_x, y + shift * step, iso3, side)
        if free(candidate):
            places[iso3], boxes[iso3] = (label_x, y + shift * step, x, y, side), candidate
            return True
    return False


def _place_column(side, members, sizes, margin, gap, box, free, places, boxes) -> None:
    """Stack ``members`` (iso3, anchor x, anchor y) north to south in a column beside them on ``side``, centred on
    their countries, as near to them as it can be without covering a name already placed.
    """
    members = sorted(members, key=lambda member: -member[2])
    steps = [sizes[iso3][1] + 2 * margin for iso3, _, _ in members]
    wanted = np.array([y for _, _, y in members])
    placed = wanted.copy()
    for number in range(1, len(placed)):  # push each name below the one above it
        placed[number] = min(placed[number], placed[number - 1] - (steps[number - 1] + steps[number]) / 2)
    placed += max(0.0, (wanted - placed).mean())  # re-centre the column on its countries
    for number in range(1, len(placed)):
        placed[number] = min(placed[number], placed[number - 1] - (steps[number - 1] + steps[number]) / 2)
    xs = [x for _, x, _ in members]
    column = max(xs) + gap if side == "east" else min(xs) - gap
    direction = 1 if side == "east" else -1
    for _ in range(60):  # outwards until no name of the column covers one already placed
        candidates = [box(column, float(y), iso3, side) for (iso3, _, _), y in zip(members, placed)]
        if all(free(candidate) for candidate in candidates):
            break
        column += direction * gap / 2
    # then the whole column up or down by up to a line, to where the fewest of its leaders run through a name
    # (Trinidad and Tobago's, pushed down the Atlantic column, ran through Venezuela's), the nearest of those
    line, fewest = float(np.mean(steps)), None
    for shift in COLUMN_SHIFTS:
        moved = [box(column, float(y + shift * line), iso3, side) for (iso3, _, _), y in zip(members, placed)]
        every = {**boxes, **{iso3: taken for (iso3, _, _), taken in zip(members, moved)}}
        leaders = [(column, float(y + shift * line), x, anchor_y, side) for (_, x, anchor_y), y in zip(members, placed)]
        crossing = sum(leader_crosses_names(leader, iso3, every, margin) for (iso3, _, _), leader in zip(members, leaders))
        if all(free(taken) for taken in moved) and (fewest is None or crossing < fewest[0]):
            fewest = (crossing, placed + shift * line, moved)
    if fewest is not None:
        placed, candidates = fewest[1], fewest[2]
    for (iso3, x, y), label_y, candidate in zip(members, placed, candidates):
        places[iso3], boxes[iso3] = (column, float(label_y), x, y, side), candidate


def _covers(taken, outlines: dict) -> bool:
    """Whether the box ``taken`` (left, bottom, right, top) covers part of a country of ``outlines`` (ISO3 → path)."""
    return any(outline.intersects_bbox(Bbox.from_extents(*taken), filled=True) for outline in outlines.values())


def _overlap(first, second) -> bool:
    """Whether two boxes (left, bottom, right, top) overlap."""
    return first[0] < second[2] and second[0] < first[2] and first[1] < second[3] and second[1] < first[3]


def _label_sizes(axes, names: dict[str, str], size: float, extent=EXTENT) -> dict[str, tuple[float, float]]:
    """Each name's width and height as drawn at ``size`` points, in km of the map (measured by the renderer)."""
    from matplotlib.text import Text

    renderer = axes.figure._get_renderer()
    axes.apply_aspect()
    km_per_pixel = (extent[1] - extent[0]) / axes.get_window_extent().width
    sizes = {}
    for iso3, name in names.items():
        text = Text(0, 0, name, fontsize=size, figure=axes.figure)
        extent = text.get_window_extent(renderer)
        sizes[iso3] = (extent.width * km_per_pixel, extent.height * km_per_pixel)
    return sizes


def chord(ring: np.ndarray, x: float, y: float) -> float:
    """The width of the polygon ``ring`` along the horizontal line through (``x``, ``y``): how much room a name
    written there has (0 when the point is outside).
    """
    start, end = ring[:-1], ring[1:]
    crossing = (start[:, 1] <= y) != (end[:, 1] <= y)
    ys = np.where(crossing, end[:, 1] - start[:, 1], 1.0)
    xs = np.sort(start[crossing, 0] + (y - start[crossing, 1]) * (end[crossing, 0] - start[crossing, 0]) / ys[crossing])
    for left, right in zip(xs[::2], xs[1::2]):
        if left <= x <= right:
            return float(right - left)
    return 0.0


def draw_labels(axes, places: dict, names: dict[str, str], size: float = LABEL_SIZE, markers=frozenset()) -> None:
    """Write the names at :func:`label_places`' positions, outlined in white (the country's colour stays true
    around the letters), with a leader line for those beside their country, ending on a dot of its own (the marker
    of a country in ``markers``, else a small dot).

    Each name's artist has the id ``label:<ISO3>`` (``Text.get_gid``), so that a test can find it.
    """
    from matplotlib import patheffects

    outline = [patheffects.withStroke(linewidth=2.6, foreground="white")]
    for iso3, (x, y, anchor_x, anchor_y, side) in sorted(places.items()):
        if side != "inside":
            axes.plot([anchor_x, x], [anchor_y, y], color="#555555", linewidth=0.5, gid=f"leader:{iso3}")
            if iso3 not in markers:
                axes.plot(anchor_x, anchor_y, marker="o", markersize=2.2, color="#333333", linestyle="none", gid=f"leader:{iso3}")
        axes.text(
            x,
            y,
            names[iso3],
            fontsize=size,
            ha={"inside": "center", "east": "left", "west": "right"}[side],
            va="center",
            color="#111111",
            path_effects=outline,
            gid=f"label:{iso3}",
        )


def status_map(
    axes,
    shapes,
    statuses,
    title: str,
    labelled=(),
    legend_labels: dict[str, str] | None = None,
    names: dict[str, str] | None = None,
    legend_size: float = 8,
    title_size: float = 10.5,
    right_to_left: bool = False,
    legend_side: str = "below",
    label_size: float = LABEL_SIZE,
    linespacing: float | None = None,
    extent=EXTENT,
    label_gap: float = 10.0,
    label_columns: bool = True,
    name: bool = True,
):
    """Colour each country (``shapes``: projected, :func:`project`) by the category of its status
    (``statuses``: ISO3 → status), name the countries in ``labelled``, and add a legend of the categories shown.

    The legend lists the categories shown, in legend order (:func:`perucorpus.present.figures.legend_handles`),
    then "no status recorded" if some country is left without one; ``legend_labels`` may reword a category
    for this map. ``names`` (ISO3 → name as drawn) names the countries in another language than English (CLDR's
    English names by default); ``right_to_left`` sets the legend for a right-to-left language (keys on the right,
    aligned right); ``legend_side`` puts the legend "below" the map, or beside it on the "left" or "right" (the
    widest layout, for slides and a printed page); ``label_size`` is the countries' names' size in points;
    ``linespacing`` sets the lines of the title and of two-line legend entries closer (or further) apart; ``extent``
    crops the map (:data:`PRINT_EXTENT` on a printed page); ``label_gap`` (points) is how far from its country a
    name beside it starts; without ``label_columns`` no names are stacked in columns (:func:`label_places`). Without
    ``name`` the countries are named later (:func:`name_countries`, once every panel of the figure is drawn: names are
    spaced in points, so the map must have its final size) and ``label`` is left empty. Returns what is drawn, one row
    per country with a shape (ISO3 order): ``map`` (the title, on one line), ``iso3``, ``status`` ("" when none is
    recorded), ``category``, ``legend`` (its legend text), ``colour``, ``hatch``, ``marker`` (whether the
    country also gets a circle, being too small to see) and ``label`` (where its name is written: "inside",
    "east" or "west" of it, or "" when not named).
    """
    import pandas as pd

    from perucorpus.present.figures import STATUS_CATEGORY, category_style, legend_handles, legend_text

    statuses = statuses[statuses.index.isin(list(shapes))]
    categories = {iso3: STATUS_CATEGORY[status] for iso3, status in statuses.items()}
    markers = draw(axes, shapes, categories, marked=set(labelled), extent=extent)
    handles = legend_handles(set(statuses), empty=bool(set(shapes) - set(categories)), labels=legend_labels)
    # Outside the map, not over the ocean: at a size readable on a slide or printed page it would cover land.
    place = {
        "below": ("upper right" if right_to_left else "upper left", (1.0 if right_to_left else 0.0, 0.0), 2),
        "left": ("center right", (0.0, 0.25), 1),
        "right": ("center left", (1.0, 0.25), 1),
    }[legend_side]
    legend = axes.legend(
        handles=handles,
        loc=place[0],
        bbox_to_anchor=place[1],
        frameon=False,
        fontsize=legend_size,
        ncols=place[2],
        labelspacing=0.4,
        columnspacing=1.0,
        handlelength=1.6,
        handletextpad=0.5,
        markerfirst=not right_to_left,
        alignment="right" if right_to_left else "left",
    )
    for text in legend.get_texts():  # each line of a two-line entry starts where the reader starts
        text.set_multialignment("right" if right_to_left else "left")
        if linespacing:
            text.set_linespacing(linespacing)
    axes.set_title(title, fontsize=title_size, **({"linespacing": linespacing} if linespacing else {}))
    places = {}
    if name:
        places = name_countries(axes, shapes, labelled, names, label_size, extent, label_gap, label_columns, markers)
    rows = []
    for iso3 in sorted(shapes):
        category = categories.get(iso3, "")
        colour, hatch, _ = category_style(category)
        legend = (legend_labels or {}).get(category) or legend_text(category, set(statuses))
        label = places[iso3][4] if iso3 in places else ""
        rows.append(
            (
                " ".join(title.split()),
                iso3,
                statuses.get(iso3, ""),
                category,
                " ".join(legend.split()),
                colour,
                hatch,
                iso3 in markers,
                label,
            )
        )
    return pd.DataFrame(rows, columns=["map", "iso3", "status", "category", "legend", "colour", "hatch", "marker", "label"])


def name_countries(
    axes,
    shapes,
    labelled,
    names: dict[str, str] | None = None,
    label_size: float = LABEL_SIZE,
    extent=EXTENT,
    label_gap: float = 10.0,
    label_columns: bool = True,
    markers=frozenset(),
) -> dict:
    """Name the countries of ``labelled`` on a drawn map (:func:`label_places`, :func:`draw_labels`; ``names`` as
    :func:`status_map` takes them, ``markers`` the countries drawn with a circle), once the figure is laid out: names
    are spaced in points, so the map must have its final size. Names drawn before (``label:`` and ``leader:`` ids)
    are replaced, so that a figure can be named again once its names have changed its layout. Returns
    :func:`label_places`' places.
    """
    from perucorpus.base.countries import country_label, subregions

    names = {iso3: (names or {}).get(iso3) or country_label(iso3)[0] for iso3 in labelled if iso3 in shapes}
    engine = axes.figure.get_layout_engine()
    if engine is not None:  # laid out with the names already drawn, if any (they stand out of the map), then renamed
        engine.execute(axes.figure)
    for artist in [*axes.texts, *axes.lines]:
        if (artist.get_gid() or "").startswith(("label:", "leader:")):
            artist.remove()
    places = label_places(axes, shapes, names, subregions(sorted(names)), label_size, extent, label_gap, label_columns, markers)
    draw_labels(axes, places, names, label_size, markers)
    return places


def describe_statuses(statuses) -> str:
    """How many countries fall in each display category, in legend order: a text alternative for a status map."""
    from perucorpus.present.figures import CATEGORIES, STATUS_CATEGORY

    counts = statuses.map(STATUS_CATEGORY).value_counts()
    return ", ".join(
        f"{' '.join(label.split())} {counts[category]}" for category, (_, _, label, _) in CATEGORIES.items() if category in counts
    )
