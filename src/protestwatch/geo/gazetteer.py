"""Read access to the offline GeoNames gazetteer (built by scripts/build_gazetteer.py)."""

from __future__ import annotations

import csv
import importlib.resources
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from protestwatch.geo.names import normalise_name

# Distinct names whose candidate lists are kept in memory per Gazetteer object; a news
# corpus repeats a few thousand names, so this keeps lookups in memory at bounded cost.
LOOKUP_CACHE_SIZE = 200_000

PLACE, ADMIN1, ADMIN2, COUNTRY, CONTINENT = "place", "admin1", "admin2", "country", "continent"


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    kind: str  # PLACE, ADMIN1, ADMIN2, COUNTRY or CONTINENT
    name: str
    country_code: str  # "" for a continent
    lat: float | None
    lon: float | None
    population: int
    feature_code: str
    geonames_id: int | None = None
    admin1_code: str | None = None
    admin1_name: str | None = None
    admin2_id: int | None = None  # the gazetteer's own id of a second-level division

    @property
    def key(self) -> str:
        """A unique identity across kinds (places have GeoNames ids, admin1 'CC.code', admin2
        'CC.ADM2.id', countries 'CC', continents 'K.Name')."""
        if self.kind == PLACE:
            return str(self.geonames_id)
        if self.kind == ADMIN2:
            return f"{self.country_code}.ADM2.{self.admin2_id}"
        if self.kind == ADMIN1:
            return f"{self.country_code}.{self.admin1_code}"
        if self.kind == CONTINENT:
            return f"K.{self.name}"
        return self.country_code


def default_gazetteer_path() -> Path:
    return Path(str(importlib.resources.files("protestwatch") / "data" / "gazetteer.sqlite"))


def geo_data_path(file_name: str) -> Path:
    """Path of a hand-written data file in protestwatch/data/geo."""
    return Path(str(importlib.resources.files("protestwatch") / "data" / "geo" / file_name))


def read_geo_csv(file_name: str) -> list[dict[str, str]]:
    """Rows of a data file in protestwatch/data/geo, skipping '#' comment lines."""
    with open(geo_data_path(file_name), encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


class Gazetteer:
    """Name lookups over the SQLite gazetteer. Small tables (countries, admin1, admin2) live in memory."""

    def __init__(self, connection: sqlite3.Connection):
        self._connection = connection
        self._lookup_cache: dict[str, tuple[Candidate, ...]] = {}
        self._countries = self._load_countries()
        self._admin1 = self._load_admin1()
        self._admin2 = self._load_admin2()
        self._continents = self._load_continents()
        self._country_by_name = self._load_country_names()
        self._demonyms = dict(connection.execute("SELECT demonym, country_code FROM demonyms"))

    @classmethod
    def open(cls, path: str | Path | None = None) -> "Gazetteer":
        """Open the gazetteer read-only (default: the one packaged with protestwatch)."""
        path = Path(path) if path is not None else default_gazetteer_path()
        if not path.exists():
            raise FileNotFoundError(f"gazetteer not found: {path} (build it with scripts/build_gazetteer.py)")
        connection = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        return cls(connection)

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> "Gazetteer":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # -- loading ---------------------------------------------------------------------------

    def _load_countries(self) -> dict[str, Candidate]:
        rows = self._connection.execute(
            "SELECT code, name, lat, lon, population, geonames_id FROM countries")
        return {code: Candidate(COUNTRY, name, code, lat, lon, population or 0, "PCLI", geonames_id)
                for code, name, lat, lon, population, geonames_id in rows}

    def _load_admin1(self) -> dict[tuple[str, str], Candidate]:
        rows = self._connection.execute(
            "SELECT country_code, code, name, lat, lon, population, geonames_id FROM admin1")
        return {(cc, code): Candidate(ADMIN1, name or code, cc, lat, lon, population or 0, "ADM1",
                                      geonames_id, code, name)
                for cc, code, name, lat, lon, population, geonames_id in rows}

    def _load_admin2(self) -> dict[int, Candidate]:
        rows = self._connection.execute(
            "SELECT id, country_code, admin1_code, name, lat, lon, population FROM admin2")
        return {id_: Candidate(ADMIN2, name, cc, lat, lon, population or 0, "ADM2", None, a1,
                               self._admin1_name(cc, a1), id_)
                for id_, cc, a1, name, lat, lon, population in rows}

    def _admin1_name(self, country_code: str, admin1_code: str | None) -> str | None:
        division = self._admin1.get((country_code, admin1_code)) if admin1_code else None
        return division.admin1_name if division else None

    def _load_continents(self) -> dict[str, Candidate]:
        rows = self._connection.execute("SELECT code, name, lat, lon, population, geonames_id FROM continents")
        return {code: Candidate(CONTINENT, name, "", lat, lon, population, "CONT", geonames_id)
                for code, name, lat, lon, population, geonames_id in rows}

    def _load_country_names(self) -> dict[str, str]:
        names = {normalise_name(c.name): code for code, c in self._countries.items()}
        rows = self._connection.execute("SELECT name, ref FROM names WHERE kind = 'C'")
        names.update(dict(rows))
        iso3 = self._connection.execute("SELECT lower(iso3), code FROM countries WHERE iso3 IS NOT NULL")
        names.update(dict(iso3))
        return names

    # -- lookups ---------------------------------------------------------------------------

    def lookup(self, name: str) -> list[Candidate]:
        """Every place, admin1 and admin2 division, country and continent known by this name, most populous first."""
        normalised = normalise_name(name)
        cached = self._lookup_cache.get(normalised)
        if cached is None:
            cached = self._query_candidates(normalised)
            if len(self._lookup_cache) >= LOOKUP_CACHE_SIZE:
                self._lookup_cache.clear()
            self._lookup_cache[normalised] = cached
        return list(cached)

    def has_name(self, name: str) -> bool:
        return bool(self.lookup(name))

    def _query_candidates(self, normalised: str) -> tuple[Candidate, ...]:
        rows = self._connection.execute("SELECT kind, ref FROM names WHERE name = ?", (normalised,)).fetchall()
        candidates: list[Candidate] = []
        place_ids = [int(ref) for kind, ref in rows if kind == "P"]
        if place_ids:
            candidates.extend(self._places_by_id(place_ids))
        for kind, ref in rows:
            if kind == "A":
                country_code, _, code = ref.partition(".")
                division = self._admin1.get((country_code, code))
                if division is not None:
                    candidates.append(division)
            elif kind == "B" and int(ref) in self._admin2:
                candidates.append(self._admin2[int(ref)])
            elif kind == "C" and ref in self._countries:
                candidates.append(self._countries[ref])
            elif kind == "K" and ref in self._continents:
                candidates.append(self._continents[ref])
        candidates.sort(key=lambda c: (-c.population, c.key))
        return tuple(candidates)

    def _places_by_id(self, ids: list[int]) -> list[Candidate]:
        marks = ",".join("?" * len(ids))
        rows = self._connection.execute(
            "SELECT geonames_id, name, country_code, admin1_code, admin1_name, lat, lon, population, feature_code"
            f" FROM places WHERE geonames_id IN ({marks})", ids)
        return [Candidate(PLACE, name, cc, lat, lon, population, feature_code, gid, a1, a1_name)
                for gid, name, cc, a1, a1_name, lat, lon, population, feature_code in rows]

    def place(self, geonames_id: int) -> Candidate | None:
        found = self._places_by_id([geonames_id])
        return found[0] if found else None

    def country(self, code_or_name: str) -> Candidate | None:
        """A country by ISO alpha-2, alpha-3 or (alias) name."""
        text = code_or_name.strip()
        if text.upper() in self._countries and len(text) == 2:
            return self._countries[text.upper()]
        code = self._country_by_name.get(normalise_name(text))
        return self._countries.get(code) if code else None

    def country_code_by_name(self, name: str) -> str | None:
        """ISO alpha-2 code of a country named in full or by an alias (not by ISO3 code)."""
        normalised = normalise_name(name)
        code = self._country_by_name.get(normalised)
        return code if code and len(normalised) > 3 else None

    def country_name(self, code: str) -> str | None:
        country = self._countries.get(code)
        return country.name if country else None

    def capital(self, country_code: str) -> Candidate | None:
        row = self._connection.execute("SELECT capital_id FROM countries WHERE code = ?", (country_code,)).fetchone()
        return self.place(row[0]) if row and row[0] else None

    def admin1(self, country_code: str, code_or_name: str) -> Candidate | None:
        """A first-order division of a country, by GeoNames admin1 code or by name."""
        division = self._admin1.get((country_code, code_or_name))
        if division is not None:
            return division
        normalised = normalise_name(code_or_name)
        for candidate in self.lookup(normalised):
            if candidate.kind == ADMIN1 and candidate.country_code == country_code:
                return candidate
        return None

    def admin1_of(self, candidate: Candidate) -> Candidate | None:
        if candidate.admin1_code is None:
            return None
        return self._admin1.get((candidate.country_code, candidate.admin1_code))

    def demonym_country(self, word: str) -> str | None:
        """ISO alpha-2 of the country a demonym or adjective names ('Belarusian' -> 'BY', 'Egyptians' -> 'EG')."""
        normalised = normalise_name(word)
        code = self._demonyms.get(normalised)
        if code is None and normalised.endswith("s"):
            code = self._demonyms.get(normalised[:-1])
        return code
