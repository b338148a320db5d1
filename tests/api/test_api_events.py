import pytest

HOSTILE_ARTICLE_ID = "xss-<script>alert(1)</script>"


def _events(api_client, **params):
    response = api_client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_api_events_lists_every_stored_event_in_date_order(api_client):
    page = _events(api_client, limit=1000)
    dates = [event["date"] for event in page["events"]]
    assert page["total"] == len(page["events"]) > 10
    assert dates == sorted(dates)
    assert page["next_offset"] is None
    first = page["events"][0]
    assert {"id", "article_id", "title", "source", "event_type", "location", "evidence"} <= set(first)


@pytest.mark.parametrize("params, check", [
    ({"country": "KE"}, lambda event: event["location"]["country_code"] == "KE"),
    ({"country": "ke"}, lambda event: event["location"]["country_code"] == "KE"),
    ({"type": "riot"}, lambda event: event["event_type"] == "riot"),
    ({"sub_type": "protest_with_intervention"}, lambda event: event["sub_event_type"] == "protest_with_intervention"),
    ({"since": "2023-07-01", "until": "2023-12-31"},
     lambda event: (event["end_date"] or event["date"]) >= "2023-07-01" and event["date"] <= "2023-12-31"),
    ({"bbox": "30,-10,45,5"}, lambda event: 30 <= event["location"]["lon"] <= 45 and -10 <= event["location"]["lat"] <= 5),
    ({"q": "NAIROBI"}, lambda event: "nairobi" in (event["summary"] + event["location"]["name"]).lower()
     or event["location"]["place"] == "Nairobi"),
])
def test_api_events_filters_keep_only_matching_events(api_client, params, check):
    events = _events(api_client, limit=1000, **params)["events"]
    assert events and all(check(event) for event in events)
    assert len(events) < _events(api_client, limit=1000)["total"]


def test_api_events_filters_combine_and_repeat(api_client):
    kenya = _events(api_client, country="KE")["total"]
    both = api_client.get("/api/events", params=[("country", "KE"), ("country", "FR")]).json()["total"]
    assert both > kenya > _events(api_client, country="KE", type="riot")["total"] > 0


def test_api_events_pages_cover_the_list_once(api_client):
    everything = [event["id"] for event in _events(api_client, limit=1000)["events"]]
    seen, offset = [], 0
    while offset is not None:
        page = _events(api_client, limit=4, offset=offset)
        seen += [event["id"] for event in page["events"]]
        offset = page["next_offset"]
    assert seen == everything


def test_api_events_geojson_has_a_point_per_event(api_client):
    collection = _events(api_client, format="geojson", country="KE")
    assert collection["type"] == "FeatureCollection"
    assert collection["total"] == len(collection["features"]) > 0
    for feature in collection["features"]:
        location = feature["properties"]["location"]
        assert feature["geometry"] == {"type": "Point", "coordinates": [location["lon"], location["lat"]]}
        assert feature["id"] == feature["properties"]["id"]


@pytest.mark.parametrize("params", [
    {"country": "KEN"}, {"since": "2023-13-01"}, {"type": "picnic"}, {"bbox": "1,2,3"},
    {"bbox": "a,b,c,d"}, {"limit": 0}, {"limit": 100000}, {"offset": -1}, {"format": "xml"},
])
def test_api_events_rejects_unreadable_filters(api_client, params):
    assert api_client.get("/api/events", params=params).status_code == 422


def test_api_events_detail_has_article_and_evidence_offsets(api_client):
    event = _events(api_client, country="KE", type="riot")["events"][0]
    detail = api_client.get(f"/api/events/{event['id']}").json()
    assert detail["event"] == event
    (article,) = detail["articles"]
    assert article["id"] == event["article_id"] and article["text"]
    assert detail["evidence"]
    for span in detail["evidence"]:
        assert span["article_id"] == article["id"]
        assert article["text"][span["start"]:span["end"]] == span["text"]


def test_api_events_unknown_id_is_404(api_client):
    response = api_client.get("/api/events/0000000000000000")
    assert response.status_code == 404 and "0000000000000000" in response.json()["detail"]


def test_api_events_hostile_text_is_returned_as_data(api_client):
    events = [event for event in _events(api_client, q="higher wages")["events"]
              if event["article_id"] == HOSTILE_ARTICLE_ID]
    assert events and events[0]["title"].startswith("<script>alert(1)</script>")
    # SQL in a filter is a value, never code.
    assert _events(api_client, q="'; DROP TABLE events; --")["total"] == 0
    assert _events(api_client)["total"] > 0
