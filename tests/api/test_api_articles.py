import json
from pathlib import Path

import pytest

HOSTILE_ARTICLE = json.loads((Path(__file__).parents[1] / "data" / "hostile-article.jsonl").read_text())
NEW_ARTICLE = {
    "id": "api-new-1", "title": "Farmers block highway", "published": "2024-02-06",
    "text": "LAHORE, Feb 6 - Hundreds of farmers blocked the main highway into Lahore on Monday, "
            "protesting against a rise in fertiliser prices. Police detained 8 farmers.",
}


@pytest.fixture
def writable_client(tmp_path, pipeline, api_token):
    from fastapi.testclient import TestClient

    from protestwatch.api import create_app

    app = create_app(f"sqlite:///{tmp_path / 'w.db'}", token=api_token, extractor_factory=lambda: pipeline.extract)
    with TestClient(app) as client:
        yield client


def test_api_articles_get_returns_text_and_events(api_client):
    response = api_client.get("/api/articles/ex-kenya-fuel")
    body = response.json()
    assert response.status_code == 200
    assert body["article"]["text"].startswith("NAIROBI") and body["article"]["reference_date"] == "2023-07-13"
    assert body["events"] and {event["article_id"] for event in body["events"]} == {"ex-kenya-fuel"}


def test_api_articles_id_with_slashes_and_markup(api_client):
    from urllib.parse import quote

    body = api_client.get("/api/articles/" + quote(HOSTILE_ARTICLE["id"])).json()
    assert body["article"]["title"] == HOSTILE_ARTICLE["title"]
    assert body["article"]["text"] == HOSTILE_ARTICLE["text"]


def test_api_articles_unknown_is_404(api_client):
    assert api_client.get("/api/articles/nope").status_code == 404


@pytest.mark.parametrize("authorization", [None, "Bearer wrong", "Basic dGVzdA==", "Bearer {token}x", "{token}"])
def test_api_articles_post_without_the_token_is_401(api_client, api_token, authorization):
    headers = {"Authorization": authorization.format(token=api_token)} if authorization else {}
    before = api_client.get("/api/events").json()["total"]
    response = api_client.post("/api/articles", json=NEW_ARTICLE, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert api_client.get("/api/events").json()["total"] == before


def test_api_articles_post_to_a_read_only_server_is_403(served_db_url):
    from fastapi.testclient import TestClient

    from protestwatch.api import create_app

    with TestClient(create_app(served_db_url)) as client:
        response = client.post("/api/articles", json=NEW_ARTICLE, headers={"Authorization": "Bearer "})
    assert response.status_code == 403 and "read-only" in response.json()["detail"]


def test_api_articles_post_with_the_token_stores_events(writable_client, api_token):
    auth = {"Authorization": f"Bearer {api_token}"}
    response = writable_client.post("/api/articles", json=NEW_ARTICLE, headers=auth)
    assert response.status_code == 200, response.text
    (outcome,) = response.json()["articles"]
    assert outcome["outcome"] == "stored" and outcome["event_ids"]
    listed = writable_client.get("/api/events", params={"country": "PK"}).json()["events"]
    assert [event["id"] for event in listed] == outcome["event_ids"]
    assert listed[0]["title"] == NEW_ARTICLE["title"]
    # The same article again changes nothing; a list of articles is taken too.
    again = writable_client.post("/api/articles", json=[NEW_ARTICLE, HOSTILE_ARTICLE], headers=auth).json()
    assert [item["outcome"] for item in again["articles"]] == ["unchanged", "stored"]


@pytest.mark.parametrize("body", [{"id": "x"}, {"id": "", "text": "t"}, [], {"text": "no id"}, "text"])
def test_api_articles_post_rejects_what_is_not_an_article(writable_client, api_token, body):
    response = writable_client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {api_token}"})
    assert response.status_code == 422
