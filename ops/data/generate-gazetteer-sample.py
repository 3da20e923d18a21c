#!/usr/bin/env python3
"""Generates backend/src/main/resources/demo/bottrop-gazetteer-sample.csv.

SAMPLE DATA, NOT AN OFFICIAL REGISTER: street names are streets of Bottrop, but house numbers
and coordinates are generated. Each address is a random point inside the quarter it is listed
under (PostGIS ST_GeneratePoints with a fixed seed, so the output is reproducible).

The file has the shape of the NRW "Hauskoordinaten" open data: semicolon-separated, house
number and suffix apart, coordinates in ETRS89 / UTM zone 32N (EPSG:25832).

Usage: ops/data/generate-gazetteer-sample.py  (needs psql and a PostgreSQL with PostGIS on
localhost; override with the usual PG* environment variables)
"""
import csv
import json
import os
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
QUARTERS = ROOT / "backend/src/main/resources/demo/bottrop-wahlbezirke-2025.geojson"
OUTPUT = ROOT / "backend/src/main/resources/demo/bottrop-gazetteer-sample.csv"

# quarter number -> (postcode, streets)
STREETS = {
    1: ("46236", ["Hansastraße", "Hochstraße", "Altmarkt", "Kirchplatz"]),
    2: ("46236", ["Osterfelder Straße", "Südring", "Bahnhofstraße"]),
    3: ("46236", ["Westring", "Scharnhölzstraße", "Gungstraße"]),
    4: ("46236", ["Kirchhellener Straße", "Paßstraße", "Blumenstraße"]),
    5: ("46236", ["Gladbecker Straße", "Ostring", "Tourcoingstraße"]),
    6: ("46240", ["Heidestraße", "Am Lamperfeld", "Im Fuhlenbrock"]),
    7: ("46240", ["Fuhlenbrocker Straße", "Schneiderstraße"]),
    8: ("46240", ["Vestische Straße", "Lindhorststraße"]),
    9: ("46240", ["Brauckstraße", "Am Quellenbusch"]),
    10: ("46240", ["Aegidistraße", "Gerhardstraße"]),
    11: ("46240", ["Eichenstraße", "Im Eigen"]),
    12: ("46240", ["Liebrechtstraße", "Am Eigen"]),
    13: ("46238", ["Boverheidestraße", "Brakerstraße"]),
    14: ("46238", ["Prosperstraße", "Batenbrockstraße"]),
    15: ("46238", ["Horster Straße", "Johannesstraße", "Boyer Straße"]),
    16: ("46238", ["Knappenstraße", "Lohstraße"]),
    17: ("46238", ["Welheimer Straße", "Gartenstraße"]),
    18: ("46238", ["Hans-Böckler-Straße", "Kardinal-von-Galen-Straße"]),
    19: ("46236", ["Essener Straße", "Ernst-Wilczok-Platz"]),
    20: ("46236", ["Lehmkuhler Straße", "Sterkrader Straße"]),
    21: ("46238", ["Ebelstraße", "Welheimer Mark"]),
    22: ("46236", ["Vonderorter Straße", "Oberhausener Straße"]),
    23: ("46244", ["Grafenwalder Straße", "Schlägerweg"]),
    24: ("46244", ["Dorstener Straße", "Hackfurthstraße"]),
    25: ("46244", ["Feldhausener Straße", "Overhagener Weg"]),
    26: ("46244", ["Hauptstraße", "Kirchstraße", "Johann-Breuker-Platz"]),
    27: ("46244", ["Schultenkamp", "Bottroper Straße"]),
}
HOUSES_PER_STREET = 6


def psql(sql):
    result = subprocess.run(["psql", "-X", "-qAt", "-v", "ON_ERROR_STOP=1", "-h", os.environ.get("PGHOST", "localhost"),
                             "-U", os.environ.get("PGUSER", "postgres"), "-d", os.environ.get("PGDATABASE", "postgres")],
                            input=sql, capture_output=True, text=True, check=True)
    return result.stdout


def main():
    features = json.loads(QUARTERS.read_text(encoding="utf-8"))["features"]
    values = []
    for feature in features:
        number = feature["properties"]["wahlbezirk_nr"]
        geometry = json.dumps(feature["geometry"]).replace("'", "''")
        values.append(f"({number}, ST_SetSRID(ST_GeomFromGeoJSON('{geometry}'), 4326))")
    points = psql(f"""
        CREATE EXTENSION IF NOT EXISTS postgis;
        WITH q(nr, geom) AS (VALUES {", ".join(values)}),
             p AS (SELECT nr, (ST_Dump(ST_GeneratePoints(geom, {HOUSES_PER_STREET * 4}, nr))).geom AS pt FROM q)
        SELECT nr, round(ST_X(ST_Transform(pt, 25832))::numeric, 2), round(ST_Y(ST_Transform(pt, 25832))::numeric, 2)
        FROM p ORDER BY nr, ST_X(pt), ST_Y(pt);
    """)
    by_quarter = {}
    for line in points.splitlines():
        nr, east, north = line.split("|")
        by_quarter.setdefault(int(nr), []).append((east, north))
    with OUTPUT.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";", lineterminator="\n")
        writer.writerow(["STN", "HNR", "ADZ", "PLZ", "ONM", "OTT", "EAST", "NORTH"])
        for nr, (postcode, streets) in sorted(STREETS.items()):
            name = next(f["properties"]["wahlbezirk_name"] for f in features if f["properties"]["wahlbezirk_nr"] == nr)
            spots = iter(by_quarter[nr])
            for street_index, street in enumerate(streets):
                for house in range(HOUSES_PER_STREET):
                    east, north = next(spots)
                    number = 2 + house * 7 + street_index
                    suffix = "a" if house == 3 else ""
                    writer.writerow([street, number, suffix, postcode, "Bottrop", name, east, north])
    print(f"wrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
