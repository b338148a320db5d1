import json
from pathlib import Path

import pytest

from protestwatch.export import build_validator, load_event_schema, validate_result

SHARED_SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "spec" / "event.schema.json"
VALID = {"article_id": "a", "reference_date": "2020-08-24", "events": [{
    "event_type": "protest", "sub_event_type": "peaceful_protest", "date": "2020-08-23",
    "date_precision": "day", "location": {"name": "Square", "country": "Belarus", "country_code": "BY",
                                          "lat": 53.9, "lon": 27.5, "precision": "place"}}]}


def test_validate_accepts_a_valid_result():
    assert validate_result(VALID) == []


@pytest.mark.parametrize("change, expected_path", [
    ({"reference_date": "24 Aug"}, "reference_date"),
    ({"events": [dict(VALID["events"][0], event_type="picnic")]}, "events/0/event_type"),
    ({"article_id": None}, "article_id"),
])
def test_validate_names_the_bad_field(change, expected_path):
    errors = validate_result(dict(VALID, **change), build_validator())
    assert errors and errors[0].startswith(expected_path + ":")


def test_validate_reports_missing_required_fields():
    assert any("'events' is a required property" in error for error in validate_result({"article_id": "a", "reference_date": "2020-01-01"}))


@pytest.mark.skipif(not SHARED_SCHEMA.exists(), reason="shared/ is not beside the project")
def test_validate_packaged_schema_equals_the_shared_contract():
    assert load_event_schema() == json.loads(SHARED_SCHEMA.read_text(encoding="utf-8"))
