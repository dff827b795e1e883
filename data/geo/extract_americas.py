"""Extract the Americas from Natural Earth 1:50m admin-0 countries, as vendored GeoJSON.

Provenance (run once, offline afterwards; the output is committed):

    npm install world-atlas@2.0.2 topojson-client@3.1.0 mapshaper@0.7.70
    node_modules/.bin/topo2geo countries=countries50.geojson < node_modules/world-atlas/countries-50m.json
    python data/geo/extract_americas.py countries50.geojson americas_full.geojson
    node_modules/.bin/mapshaper americas_full.geojson -simplify 15% keep-shapes \
        -o precision=0.01 format=geojson data/geo/americas_50m.geojson

world-atlas 2.0.2 (ISC licence, Michael Bostock) redistributes Natural Earth 4.1.0
(public domain) as TopoJSON; feature ids are ISO 3166-1 numeric codes. This keeps the
features that countrycode places in the Americas (plus Greenland, and France's polygons
west of 30°W, i.e. French Guiana and the French Antilles, for the map's outline), rounds
coordinates to 0.01° (about 1 km) and adds the ISO alpha-3 code. mapshaper (MPL-2.0, used
as a tool only) then keeps 15% of the vertices (Visvalingam, shared borders simplified once
so that neighbours still meet; no island dropped): the maps look the same at their printed
size, and the file and the SVG maps are about a sixth of the size. Both steps are
deterministic: the commands above rebuild the committed file byte for byte.
"""

import json
import sys

from countrycode import countrycode


def rounded(coordinates):
    """Coordinates rounded to 2 decimals (about 1 km), at any nesting depth."""
    if isinstance(coordinates[0], (int, float)):
        return [round(coordinates[0], 2), round(coordinates[1], 2)]
    return [rounded(part) for part in coordinates]


def main(source: str, target: str) -> None:
    """Write the features of the Americas from ``source`` (world-atlas GeoJSON) to ``target``."""
    features = json.load(open(source, encoding="utf-8"))["features"]
    codes = [int(feature["id"]) if feature.get("id") else None for feature in features]
    continents = countrycode(codes, origin="iso3n", destination="continent")
    iso3 = countrycode(codes, origin="iso3n", destination="iso3c")
    kept = []
    for feature, continent, alpha3 in zip(features, continents, iso3):
        if alpha3 == "FRA":
            polygons = [polygon for polygon in feature["geometry"]["coordinates"] if polygon[0][0][0] < -30]
            feature = dict(feature, geometry={"type": "MultiPolygon", "coordinates": polygons})
            continent = "Americas"
        if feature["geometry"] and (continent == "Americas" or alpha3 == "GRL"):
            kept.append(
                {
                    "type": "Feature",
                    "id": feature["id"],
                    "properties": {"iso3": alpha3, "name": feature["properties"]["name"]},
                    "geometry": {"type": feature["geometry"]["type"], "coordinates": rounded(feature["geometry"]["coordinates"])},
                }
            )
    kept.sort(key=lambda feature: feature["id"])
    with open(target, "w", encoding="utf-8") as handle:
        json.dump({"type": "FeatureCollection", "features": kept}, handle, ensure_ascii=False, separators=(",", ":"))
        handle.write("\n")
    print(f"{len(kept)} features written to {target}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
