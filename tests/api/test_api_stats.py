def test_api_stats_counts_add_up_to_the_events(api_client):
    stats = api_client.get("/api/stats").json()
    total = api_client.get("/api/events").json()["total"]
    assert stats["total"] == total
    for key in ("by_day", "by_country", "by_type"):
        assert sum(row["count"] for row in stats[key]) == total
    days = [row["date"] for row in stats["by_day"]]
    assert days == sorted(days) and (stats["first_date"], stats["last_date"]) == (days[0], days[-1])
    assert {"country_code": "KE", "country": "Kenya"}.items() <= next(
        row for row in stats["by_country"] if row["country_code"] == "KE").items()


def test_api_stats_takes_the_event_filters(api_client):
    stats = api_client.get("/api/stats", params={"country": "KE", "since": "2023-07-11"}).json()
    assert stats["total"] == api_client.get("/api/events", params={"country": "KE", "since": "2023-07-11"}).json()["total"]
    assert [row["country_code"] for row in stats["by_country"]] == ["KE"]


def test_api_stats_of_nothing_is_empty(api_client):
    stats = api_client.get("/api/stats", params={"since": "2099-01-01"}).json()
    assert stats == {"total": 0, "first_date": None, "last_date": None, "by_day": [], "by_country": [], "by_type": []}
