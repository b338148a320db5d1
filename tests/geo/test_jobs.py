import json

import pytest

from protestwatch.geo.jobs import InputLineError, geocode_file, geoparse_file


def write_lines(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jobs_geocode_file_answers_every_span(tmp_path, geoparser):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    text = "Crowds filled central Minsk while Qwxzzy stayed quiet."
    write_lines(source, [json.dumps({"id": "a1", "text": text, "spans": [{"start": 22, "end": 27}, {"start": 34, "end": 40}]})])
    assert geocode_file(source, target, geoparser) == 1
    [record] = read_lines(target)
    assert record["id"] == "a1"
    minsk, unknown = record["spans"]
    assert minsk["country_code"] == "BY" and minsk["geonames_id"] == 625144
    assert set(minsk) == {"start", "end", "name", "lat", "lon", "geonames_id", "country_code", "feature_code"}
    assert (unknown["start"], unknown["lat"], unknown["lon"]) == (34, None, None)


def test_jobs_geoparse_file_finds_spans(tmp_path, geoparser):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_lines(source, [json.dumps({"id": "b", "text": "Protesters in Paris blocked roads."})])
    geoparse_file(source, target, geoparser)
    [record] = read_lines(target)
    assert [(s["start"], s["end"], s["country_code"]) for s in record["spans"]] == [(14, 19, "FR")]


def test_jobs_geoparse_file_keeps_a_toponym_it_cannot_place_without_coordinates(tmp_path, geoparser):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    text = ("Bolivian soldiers fired on protesters on Tuesday. Mourners marched from La Paz to "
            "Cochabamba and Sacaba, in Bolivia, on Wednesday. In El Alto, shops stayed shut.")
    write_lines(source, [json.dumps({"id": "c", "text": text})])
    geoparse_file(source, target, geoparser)
    [record] = read_lines(target)
    el_alto = [span for span in record["spans"] if text[span["start"]:span["end"]] == "El Alto"]
    assert [(span["lat"], span["country_code"]) for span in el_alto] == [(None, None)]


@pytest.mark.parametrize("job", [geocode_file, geoparse_file])
def test_jobs_malformed_line_names_file_and_line(tmp_path, geoparser, job):
    source = tmp_path / "bad.jsonl"
    write_lines(source, [json.dumps({"id": "ok", "text": "Minsk"}), "{not json"])
    with pytest.raises(InputLineError, match=r"bad\.jsonl:2"):
        job(source, tmp_path / "out.jsonl", geoparser)
