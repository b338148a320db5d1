import csv
import io
import json

import pytest

from protestwatch.errors import ExportError
from protestwatch.export import make_event_id, write_events, write_results
from protestwatch.export.acled import ACLED_COLUMNS, make_interaction
from protestwatch.schema import Result

EVENT = {
    "event_type": "protest", "sub_event_type": "protest_with_intervention", "date": "2020-08-23",
    "date_precision": "day",
    "location": {"name": "Central Square", "place": "Springfield", "admin1": "North", "country": "Belarus",
                 "country_code": "BY", "lat": 53.9, "lon": 27.56, "precision": "point"},
    "crowd_size": {"low": 200000, "high": None, "text": "more than 200,000"},
    "fatalities": {"low": 1, "high": 3, "text": "one to three"},
    "actors": [
        {"name": "Protesters (Belarus)", "role": "initiator", "type": "protesters"},
        {"name": "Students (Belarus)", "role": "initiator", "type": "protesters"},
        {"name": "Police Forces of Belarus", "role": "target", "type": "state_forces"},
    ],
    "demands": ["removal_of_politician"], "state_responses": ["arrests"],
    "sources_cited": ["Reuters", "state media"], "summary": "Protesters marched; police detained some.",
}
RESULTS = [
    Result.model_validate({"article_id": "first", "reference_date": "2020-08-24", "events": [EVENT, EVENT]}),
    Result.model_validate({"article_id": "empty", "reference_date": "2020-08-24", "events": []}),
    Result.model_validate({"article_id": "third", "reference_date": "2020-08-25",
                           "events": [dict(EVENT, event_type="riot", sub_event_type="mob_violence")]}),
]


def _write(fmt):
    stream = io.BytesIO() if fmt == "parquet" else io.StringIO()
    count = write_results(iter(RESULTS), fmt, stream)
    return count, stream.getvalue()


def test_writers_jsonl_writes_one_result_per_line_in_order():
    count, text = _write("jsonl")
    assert count == 3
    assert [Result.model_validate_json(line) for line in text.splitlines()] == RESULTS


def test_writers_csv_writes_one_row_per_event_with_article_id():
    _, text = _write("csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["article_id"] for row in rows] == ["first", "first", "third"]
    assert rows[0]["event_id"] == make_event_id("first", 0) and rows[1]["event_id"] == make_event_id("first", 1)
    assert rows[0]["crowd_size_low"] == "200000" and rows[0]["crowd_size_high"] == ""
    assert rows[0]["initiators"] == "Protesters (Belarus); Students (Belarus)"
    assert rows[0]["sources_cited"] == "Reuters; state media"


def test_writers_acled_csv_uses_acled_columns_and_names():
    _, text = _write("acled-csv")
    reader = csv.DictReader(io.StringIO(text))
    rows = list(reader)
    assert tuple(reader.fieldnames) == ACLED_COLUMNS
    first, riot = rows[0], rows[2]
    assert (first["event_type"], first["sub_event_type"], first["disorder_type"]) == (
        "Protests", "Protest with intervention", "Demonstrations")
    assert (riot["event_type"], riot["sub_event_type"]) == ("Riots", "Mob violence")
    assert (first["actor1"], first["assoc_actor_1"], first["inter1"]) == ("Protesters (Belarus)", "Students (Belarus)", "6")
    assert (first["actor2"], first["inter2"], first["interaction"]) == ("Police Forces of Belarus", "1", "16")
    assert (first["iso"], first["country"], first["location"], first["geo_precision"]) == ("112", "Belarus", "Springfield", "1")
    assert (first["event_date"], first["year"], first["time_precision"]) == ("2020-08-23", "2020", "1")
    assert (first["fatalities"], first["tags"]) == ("1", "crowd size=more than 200,000")
    assert first["source"] == "Reuters; state media" and first["event_id_cnty"].startswith("BLR")
    assert first["notes"] == EVENT["summary"]


@pytest.mark.parametrize("inter1, inter2, expected", [("6", "", "60"), ("6", "1", "16"), ("", "", "")])
def test_writers_acled_interaction_code(inter1, inter2, expected):
    assert make_interaction(inter1, inter2) == expected


def test_writers_geojson_writes_a_feature_collection():
    count, text = _write("geojson")
    collection = json.loads(text)
    assert count == 3 and collection["type"] == "FeatureCollection"
    assert [feature["geometry"]["coordinates"] for feature in collection["features"]] == [[27.56, 53.9]] * 3
    assert collection["features"][2]["properties"]["event_type"] == "riot"


def test_writers_geojson_of_nothing_is_valid():
    stream = io.StringIO()
    write_events([], "geojson", stream)
    assert json.loads(stream.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_writers_parquet_has_typed_columns_and_full_events():
    import pyarrow.parquet as pq

    _, data = _write("parquet")
    table = pq.read_table(io.BytesIO(data))
    assert table.column("article_id").to_pylist() == ["first", "first", "third"]
    assert table.column("lat").type == "double" and table.column("crowd_size_low").to_pylist()[0] == 200000
    assert json.loads(table.column("event_json").to_pylist()[2])["sub_event_type"] == "mob_violence"


def test_writers_parquet_writes_row_groups(monkeypatch):
    import pyarrow.parquet as pq

    from protestwatch.export import writers

    monkeypatch.setattr(writers, "PARQUET_ROW_GROUP_SIZE", 2)
    _, data = _write("parquet")
    assert pq.ParquetFile(io.BytesIO(data)).num_row_groups == 2


def test_writers_stream_as_results_arrive():
    stream = io.StringIO()

    def results():
        yield RESULTS[0]
        assert stream.getvalue().count("\n") == 1, "the first result was not written before the second was read"
        yield RESULTS[2]

    write_results(results(), "jsonl", stream)


def test_writers_reject_unknown_format():
    with pytest.raises(ExportError, match="xml"):
        write_results(RESULTS, "xml", io.StringIO())
