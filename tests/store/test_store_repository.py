import datetime as dt
import pytest
from sqlalchemy import text

from protestwatch.errors import StoreError
from protestwatch.schema import Article
from protestwatch.store import Repository, hash_article
from protestwatch.store import repository as repository_module


def _article(article_id="a1", body="Hundreds of workers marched on Saturday.", **fields):
    return Article(id=article_id, text=body, **fields)


def _count(repository, table):
    with repository.engine.connect() as connection:
        return connection.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar()


def test_repository_round_trips_article_and_result(repository, build_result):
    article = _article(title="Strike", source="Daily", url="https://example.org/1", published="2021-05-02")
    result = build_result("a1", {}, {"event_type": "riot", "sub_event_type": "mob_violence"})
    assert repository.save_result(article, result) == "stored"
    assert repository.get_article("a1") == article
    assert repository.get_result("a1") == result
    assert repository.get_article("missing") is None and repository.get_result("missing") is None


def test_repository_same_article_twice_is_stored_once(repository, build_result):
    article, result = _article(), build_result("a1", {}, {})
    assert repository.save_result(article, result) == "stored"
    assert repository.save_result(article, result) == "unchanged"
    assert (_count(repository, "articles"), _count(repository, "events"), _count(repository, "evidence")) == (1, 2, 2)
    assert repository.has_article("a1", hash_article(article))
    assert not repository.has_article("a1", hash_article(_article(body="changed")))


def test_repository_changed_article_replaces_its_events(repository, build_result):
    repository.save_result(_article(), build_result("a1", {}, {}))
    changed = _article(body="Thousands marched.")
    new_result = build_result("a1", {"event_type": "riot", "sub_event_type": "violent_demonstration"})
    assert repository.save_result(changed, new_result) == "replaced"
    assert repository.get_article("a1").text == "Thousands marched."
    assert repository.get_result("a1") == new_result
    assert (_count(repository, "events"), _count(repository, "evidence"), _count(repository, "results")) == (1, 1, 1)


def test_repository_failed_replacement_keeps_the_old_version(repository, build_result, monkeypatch):
    original = build_result("a1", {}, {})
    repository.save_result(_article(), original)

    def fail(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(repository_module, "event_to_row", fail)
    with pytest.raises(RuntimeError):
        repository.save_result(_article(body="new text"), build_result("a1", {}))
    assert repository.get_article("a1").text == _article().text
    assert repository.get_result("a1") == original


def test_repository_replace_flag_rewrites_an_unchanged_article(repository, build_result):
    repository.save_result(_article(), build_result("a1", {}, {}))
    assert repository.save_result(_article(), build_result("a1", {}), replace=True) == "replaced"
    assert _count(repository, "events") == 1


def test_repository_rejects_result_of_another_article(repository, build_result):
    with pytest.raises(StoreError):
        repository.save_result(_article("a1"), build_result("a2", {}))


def test_repository_keeps_hostile_text_as_data(repository, build_result):
    hostile = "x'); DROP TABLE events; --"
    article = _article(article_id=hostile, body=hostile, title='"; DELETE FROM articles; --')
    repository.save_result(article, build_result(hostile, {"summary": hostile}))
    assert repository.get_article(hostile) == article
    assert [record.event.summary for record in repository.query_events(text=hostile)] == [hostile]
    assert _count(repository, "events") == 1


@pytest.fixture
def filled_repository(repository, build_result):
    events = {
        "fr": {"summary": "Workers marched for wages", "date": "2021-05-01"},
        "by": {"summary": "Riot near the station", "date": "2021-05-10", "event_type": "riot",
               "sub_event_type": "violent_demonstration",
               "location": {"country": "Belarus", "country_code": "BY", "lat": 53.9, "lon": 27.5}},
        "us": {"summary": "100% of leaders arrested", "date": "2021-04-20", "end_date": "2021-05-05",
               "event_type": "strategic_development", "sub_event_type": "arrests",
               "location": {"country": "United States", "country_code": "US", "lat": 40.7, "lon": -74.0}},
        "fj": {"summary": "Rally in Suva", "date": "2021-06-01",
               "location": {"country": "Fiji", "country_code": "FJ", "lat": -18.1, "lon": 178.4}},
    }
    for key, overrides in events.items():
        repository.save_result(_article(key, source=f"outlet-{key}"), build_result(key, overrides))
    return repository


@pytest.mark.parametrize("filters, expected", [
    ({"country": "BY"}, ["by"]),
    ({"country": ["by", "us"]}, ["us", "by"]),
    ({"since": "2021-05-02"}, ["us", "by", "fj"]),
    ({"until": "2021-04-30"}, ["us"]),
    ({"since": "2021-05-06", "until": "2021-05-31"}, ["by"]),
    ({"event_type": "riot"}, ["by"]),
    ({"sub_event_type": "arrests"}, ["us"]),
    ({"bbox": (0.0, 40.0, 30.0, 60.0)}, ["fr", "by"]),
    ({"bbox": (170.0, -30.0, -170.0, 0.0)}, ["fj"]),
    ({"text": "STATION"}, ["by"]),
    ({"text": "%"}, ["us"]),
    ({"country": "FR", "event_type": "riot"}, []),
    ({"limit": 2}, ["us", "fr"]),
    ({"limit": 1, "offset": 1}, ["fr"]),
    ({}, ["us", "fr", "by", "fj"]),
])
def test_repository_query_events_filters(filled_repository, filters, expected):
    assert [record.article_id for record in filled_repository.query_events(**filters)] == expected


def test_repository_iter_events_equals_query_events(filled_repository, monkeypatch):
    monkeypatch.setattr(repository_module, "EXPORT_PAGE_SIZE", 1)
    assert list(filled_repository.iter_events(since="2021-05-01")) == filled_repository.query_events(since="2021-05-01")


def test_repository_get_event_by_id(filled_repository):
    record = filled_repository.query_events(country="BY")[0]
    assert filled_repository.get_event(record.id) == record
    assert record.source == "outlet-by"
    assert filled_repository.get_event("nope") is None


def test_repository_rejects_a_bad_date_filter(filled_repository):
    with pytest.raises(StoreError):
        filled_repository.query_events(since="last week")


def test_repository_stats_count_what_is_stored(filled_repository):
    stats = filled_repository.stats()
    assert (stats["articles"], stats["results"], stats["events"], stats["evidence"]) == (4, 4, 4, 4)
    assert stats["event_types"] == {"protest": 2, "riot": 1, "strategic_development": 1}
    assert stats["countries"] == {"BY": 1, "FJ": 1, "FR": 1, "US": 1}
    assert (stats["first_date"], stats["last_date"]) == ("2021-04-20", "2021-06-01")


def test_repository_runs_record_counts(repository):
    run_id = repository.start_run("test-1.0", {"spacy": "3.8"}, reading_date=dt.date(2020, 8, 20))
    repository.finish_run(run_id, read=3, stored=2, skipped=1, failed=0, completed=True)
    [run] = repository.list_runs()
    assert (run["pipeline_version"], run["model_versions"], run["read"], run["stored"]) == ("test-1.0", {"spacy": "3.8"}, 3, 2)
    assert (run["reading_date"], run["completed"]) == ("2020-08-20", True)
    assert run["finished_at"] is not None


def test_repository_reading_date_to_resume_is_the_latest_runs_when_it_did_not_complete(repository):
    assert repository.reading_date_to_resume() is None
    killed = repository.start_run("test-1.0", reading_date=dt.date(2020, 8, 20))
    assert repository.reading_date_to_resume() == dt.date(2020, 8, 20)
    repository.finish_run(killed, read=1, stored=1, skipped=0, failed=0, completed=False)
    assert repository.reading_date_to_resume() == dt.date(2020, 8, 20)
    resumed = repository.start_run("test-1.0", reading_date=dt.date(2020, 8, 20))
    repository.finish_run(resumed, read=2, stored=1, skipped=1, failed=0, completed=True)
    assert repository.reading_date_to_resume() is None


def test_repository_sqlite_uses_wal(tmp_path):
    with Repository.open(str(tmp_path / "plain-path.db")) as repository:
        with repository.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_repository_open_reports_unreachable_database():
    with pytest.raises(StoreError):
        Repository.open("postgresql://nobody:wrong@127.0.0.1:1/none")


def test_repository_save_results_reports_and_leaves_what_one_by_one_would(db_url, build_result):
    first, changed = _article("a1"), _article("a1", body="Thousands marched.")
    items = [(article, build_result(article.id, *events), hash_article(article)) for article, events in (
        (first, [{}]), (_article("a2"), [{}, {}]), (first, [{}]), (changed, []), (first, [{}]))]
    with Repository.open(db_url) as batched:
        batched.save_result(_article("a2"), build_result("a2", {}, {}))
        assert batched.save_results(items) == ["stored", "unchanged", "unchanged", "replaced", "replaced"]
        assert batched.get_article("a1") == first and len(batched.get_result("a1").events) == 1
        assert (_count(batched, "articles"), _count(batched, "events"), _count(batched, "evidence")) == (2, 3, 3)


def test_repository_save_results_is_one_transaction(repository, build_result, monkeypatch):
    good, bad = _article("good"), _article("bad")
    calls = []

    def fail_on_second_article(event, article_id, position):
        calls.append(article_id)
        raise RuntimeError("disk full")

    monkeypatch.setattr(repository_module, "event_to_row", fail_on_second_article)
    with pytest.raises(RuntimeError):
        repository.save_results([(good, build_result("good"), hash_article(good)),
                                 (bad, build_result("bad", {}), hash_article(bad))])
    assert calls == ["bad"] and repository.get_article("good") is None
