import csv
import datetime as dt
import io
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from protestwatch.errors import InputError
from protestwatch.schema import Article, Result
from protestwatch.store import Repository
from protestwatch.store.jobs import export_events, ingest, select_pending

TESTS_DIRECTORY = Path(__file__).parent
COMPARED_QUERIES = (
    "SELECT id, source, url, published, language, content_hash, title, text FROM articles ORDER BY id",
    # run_id is left out: a resumed ingest spreads its results over two runs by design.
    "SELECT article_id, reference_date, reference_date_inferred, language, quotes, warnings FROM results ORDER BY article_id",
    "SELECT * FROM events ORDER BY id",
    "SELECT * FROM evidence ORDER BY event_id, position",
)


def extract_protests(article: Article) -> Result:
    """Test double of the pipeline: one protest event per article that says "protest"."""
    if "CRASH" in article.text:
        raise RuntimeError("extractor crashed")
    reference_date = article.published or "2021-01-01"
    events = []
    start = article.text.lower().find("protest")
    if start >= 0:
        events.append({
            "event_type": "protest", "sub_event_type": "peaceful_protest", "date": reference_date,
            "date_precision": "day", "summary": f"Protest reported in {article.id}.",
            "location": {"name": "Capital", "country": "Freedonia", "country_code": "FR",
                         "lat": 45.0, "lon": 5.0, "precision": "country"},
            "evidence": [{"field": "event_type", "start": start, "end": start + 7, "text": "protest"}],
        })
    return Result.model_validate({"article_id": article.id, "reference_date": reference_date, "events": events})


def build_protest_extractor():
    return extract_protests


def build_slow_protest_extractor():
    def extract_slowly(article):
        time.sleep(0.05)  # slow enough that the test can kill the run half-way
        return extract_protests(article)

    return extract_slowly


def _write_jsonl(path, articles):
    path.write_text("".join(json.dumps(article) + "\n" for article in articles), encoding="utf-8")
    return str(path)


def _articles(count, *, prefix="a"):
    return [{"id": f"{prefix}{index:03d}", "text": f"Protest number {index} in the capital.",
             "published": f"2021-03-{1 + index % 28:02d}"} for index in range(count)]


def _dump_sqlite(url):
    connection = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        return [connection.execute(query).fetchall() for query in COMPARED_QUERIES]
    finally:
        connection.close()


def _ingest(inputs, db_url, **options):
    options.setdefault("extractor_factory", build_protest_extractor)
    return ingest(inputs, db_url=db_url, progress=False, **options)


def test_jobs_ingest_stores_each_article_once(db_url, tmp_path):
    inputs = [_write_jsonl(tmp_path / "articles.jsonl", _articles(5))]
    first = _ingest(inputs, db_url, batch_size=2)
    second = _ingest(inputs, db_url, batch_size=2)
    assert (first.read, first.stored, first.skipped, first.failed) == (5, 5, 0, 0)
    assert (second.read, second.stored, second.skipped, second.failed) == (5, 0, 5, 0)
    with Repository.open(db_url) as repository:
        assert repository.stats()["events"] == 5
        assert [run["stored"] for run in repository.list_runs()] == [5, 0]


def test_jobs_reingest_builds_no_extractor(db_url, tmp_path):
    inputs = [_write_jsonl(tmp_path / "articles.jsonl", _articles(5))]
    builds = []

    def count_builds():
        builds.append(1)
        return extract_protests

    _ingest(inputs, db_url, extractor_factory=count_builds)
    counts = _ingest(inputs, db_url, extractor_factory=count_builds)
    assert (counts.stored, counts.skipped, len(builds)) == (0, 5, 1)


def test_jobs_ingest_replaces_a_changed_article(db_url, tmp_path):
    articles = _articles(3)
    _ingest([_write_jsonl(tmp_path / "v1.jsonl", articles)], db_url)
    articles[1]["text"] = "A quiet day, nothing happened."
    counts = _ingest([_write_jsonl(tmp_path / "v2.jsonl", articles)], db_url)
    assert (counts.stored, counts.skipped) == (1, 2)
    with Repository.open(db_url) as repository:
        assert repository.get_result("a001").events == []
        assert repository.stats()["events"] == 2


# Batches of one: each duplicate is chosen while the batch before it is still being saved.
@pytest.mark.parametrize("batch_size", [None, 1])
def test_jobs_ingest_duplicates_in_input_end_like_one_by_one(tmp_path, batch_size):
    first, second = {"id": "x", "text": "protest one"}, {"id": "x", "text": "protest two"}
    inputs = [_write_jsonl(tmp_path / "dups.jsonl", [first, second, first, first])]
    db_url = f"sqlite:///{tmp_path / 'dups.db'}"
    counts = _ingest(inputs, db_url, batch_size=batch_size)
    assert (counts.stored, counts.skipped) == (3, 1)
    with Repository.open(db_url) as repository:
        assert repository.get_article("x").text == "protest one"


def test_jobs_ingest_retries_a_failed_article_seen_again_in_the_next_batch(tmp_path):
    crashing = {"id": "c", "text": "CRASH protest"}
    inputs = [_write_jsonl(tmp_path / "crash.jsonl", [crashing, crashing, {"id": "ok", "text": "protest"}])]
    counts = _ingest(inputs, f"sqlite:///{tmp_path / 'crash.db'}", batch_size=1)
    assert (counts.stored, counts.skipped, counts.failed) == (1, 0, 2)
    assert [where for where, _ in counts.failures] == ["c", "c"]


def test_jobs_select_pending_compares_with_latest_version():
    a1, a2 = Article(id="a", text="1"), Article(id="a", text="2")
    pending = select_pending([a1, a1, a2, a1], ["h1", "h1", "h2", "h1"], {"a": "h1"})
    assert [content_hash for _, content_hash in pending] == ["h2", "h1"]


def test_jobs_ingest_skip_errors_reports_bad_lines(db_url, tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"id": "ok1", "text": "protest"}\n{not json\n{"id": "no-text"}\n'
                    '{"id": "ok2", "text": "CRASH"}\n', encoding="utf-8")
    counts = _ingest([str(path)], db_url, skip_errors=True)
    assert (counts.read, counts.stored, counts.failed) == (2, 1, 3)
    locations = [where for where, _ in counts.failures]
    assert locations == [f"{path}:2", f"{path}:3", "ok2"]
    assert "invalid JSON" in counts.failures[0][1] and "text" in counts.failures[1][1]
    assert "extractor crashed" in counts.failures[2][1]


def test_jobs_ingest_without_skip_errors_stops_at_bad_line(db_url, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "ok1", "text": "protest"}\n{not json\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:2: invalid JSON"):
        _ingest([str(path)], db_url, batch_size=1)
    with Repository.open(db_url) as repository:
        assert repository.get_article("ok1") is not None
        [run] = repository.list_runs()
        assert run["finished_at"] is not None and not run["completed"]


def test_jobs_ingest_reads_undated_articles_as_of_the_day_it_started(db_url, tmp_path):
    inputs = [_write_jsonl(tmp_path / "articles.jsonl", _articles(2))]
    _ingest(inputs, db_url)
    with Repository.open(db_url) as repository:
        [run] = repository.list_runs()
        assert (run["reading_date"], run["completed"]) == (dt.date.today().isoformat(), True)


def test_jobs_ingest_resumed_on_a_later_day_reads_undated_articles_as_the_killed_run_did(db_url, tmp_path):
    # The shipped pipeline: an undated article's reference date is its reading date.
    undated = {"id": "undated", "text": "Hundreds of students marched in Minsk yesterday."}
    inputs = [_write_jsonl(tmp_path / "undated.jsonl", [undated])]
    with Repository.open(db_url) as repository:
        repository.start_run("killed before it stored anything", reading_date=dt.date(2020, 8, 20))
    ingest(inputs, db_url=db_url, progress=False)
    with Repository.open(db_url) as repository:
        result = repository.get_result("undated")
        runs = repository.list_runs()
    assert (result.reference_date, result.reference_date_inferred) == ("2020-08-20", True)
    assert [event.date for event in result.events] == ["2020-08-19"]
    assert [run["reading_date"] for run in runs] == ["2020-08-20", "2020-08-20"]


def test_jobs_ingest_process_pool_equals_single_process(tmp_path):
    inputs = [_write_jsonl(tmp_path / "articles.jsonl", _articles(12))]
    single, pooled = (f"sqlite:///{tmp_path / name}" for name in ("single.db", "pooled.db"))
    _ingest(inputs, single)
    counts = _ingest(inputs, pooled, workers=2, batch_size=5)
    assert counts.stored == 12
    assert _dump_sqlite(pooled) == _dump_sqlite(single)


def test_jobs_ingest_resumes_after_kill(tmp_path):
    inputs = [_write_jsonl(tmp_path / "articles.jsonl", _articles(40))]
    killed, uninterrupted = (f"sqlite:///{tmp_path / name}" for name in ("killed.db", "whole.db"))
    child = subprocess.Popen([sys.executable, "-c", (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from test_store_jobs import build_slow_protest_extractor\n"
        "from protestwatch.store.jobs import ingest\n"
        "ingest([sys.argv[2]], db_url=sys.argv[3], progress=False, batch_size=4,\n"
        "       extractor_factory=build_slow_protest_extractor)\n"
    ), str(TESTS_DIRECTORY), inputs[0], killed])
    stored_before_kill = _wait_for_results(killed, at_least=8, child=child)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert 8 <= _count_results(killed) < 40

    resumed = _ingest(inputs, killed)
    _ingest(inputs, uninterrupted)
    assert resumed.skipped >= stored_before_kill and resumed.stored + resumed.skipped == 40
    assert _dump_sqlite(killed) == _dump_sqlite(uninterrupted)


def _count_results(db_url):
    path = db_url.removeprefix("sqlite:///")
    if not os.path.exists(path):
        return 0
    connection = sqlite3.connect(path, timeout=5)
    try:
        return connection.execute("SELECT COUNT(*) FROM results").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0
    finally:
        connection.close()


def _wait_for_results(db_url, *, at_least, child, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        count = _count_results(db_url)
        if count >= at_least:
            return count
        assert child.poll() is None, "the ingest finished or died before it could be killed"
        time.sleep(0.02)
    child.kill()
    raise AssertionError("the ingest made no progress")


@pytest.fixture
def exported_db(db_url, tmp_path):
    articles = [{"id": "fr1", "text": "A protest.", "published": "2021-05-01", "source": "Outlet"},
                {"id": "fr2", "text": "Another protest.", "published": "2021-06-01"},
                {"id": "none", "text": "Nothing happened.", "published": "2021-06-02"}]
    _ingest([_write_jsonl(tmp_path / "export.jsonl", articles)], db_url)
    return db_url


@pytest.mark.parametrize("filters, expected_ids", [
    ({}, ["fr1", "fr2"]),
    ({"country": "FR"}, ["fr1", "fr2"]),
    ({"country": "BY"}, []),
    ({"since": "2021-05-15"}, ["fr2"]),
    ({"until": "2021-05-15"}, ["fr1"]),
    ({"event_type": "riot"}, []),
])
def test_jobs_export_events_filters(exported_db, tmp_path, filters, expected_ids):
    output = tmp_path / "events.jsonl"
    count = export_events(db_url=exported_db, output=str(output), **filters)
    lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert count == len(expected_ids)
    assert [line["article_id"] for line in lines] == expected_ids


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "acled-csv", "geojson", "parquet"])
def test_jobs_export_events_formats(exported_db, tmp_path, fmt):
    output = tmp_path / f"events.{fmt}"
    assert export_events(db_url=exported_db, fmt=fmt, output=str(output)) == 2
    if fmt == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(output).column("article_id").to_pylist() == ["fr1", "fr2"]
    elif fmt == "geojson":
        assert len(json.loads(output.read_text())["features"]) == 2
    elif fmt in ("csv", "acled-csv"):
        assert len(list(csv.DictReader(io.StringIO(output.read_text())))) == 2
    else:
        assert len(output.read_text().splitlines()) == 2


def test_jobs_export_events_to_stdout(exported_db, capsys):
    export_events(db_url=exported_db, fmt="geojson")
    assert json.loads(capsys.readouterr().out)["type"] == "FeatureCollection"


# -- the shipped pipeline through the command line ---------------------------------------

REPOSITORY = TESTS_DIRECTORY.parents[1]
PARAGRAPH_SOURCES = (REPOSITORY / "examples" / "articles.jsonl",
                     REPOSITORY / "benchmarks" / "gold" / "hard_articles.jsonl")


# The first articles of each source: the runs keep their size as the hard set grows.
PARAGRAPH_SOURCE_ARTICLES = 500


def _paragraph_articles(copies=2):
    """Short articles: each paragraph of our sample and first multi-event articles, ``copies``
    times under distinct ids, dated like the article it comes from."""
    articles = []
    for path in PARAGRAPH_SOURCES:
        for line in path.read_text(encoding="utf-8").splitlines()[:PARAGRAPH_SOURCE_ARTICLES]:
            source = json.loads(line)
            paragraphs = [text for text in source["text"].split("\n\n") if text.strip()]
            for copy, (index, text) in ((c, p) for c in range(copies) for p in enumerate(paragraphs)):
                # undated sources (some of our articles have no publication date) stay undated
                articles.append({"id": f"{source['id']}-{index}-c{copy}", "text": text,
                                 "published": source.get("published")})
    return articles


def _cli_ingest(inputs, db_url, **popen_options):
    command = [sys.executable, "-m", "protestwatch.cli", "ingest", *inputs, "--db", db_url, "--quiet"]
    return subprocess.Popen(command, stderr=subprocess.PIPE, text=True, **popen_options)


def _finish(child):
    _, stderr = child.communicate(timeout=120)
    assert child.returncode == 0, stderr
    return stderr


@pytest.mark.slow
def test_jobs_cli_ingest_killed_at_random_then_rerun_equals_uninterrupted(tmp_path):
    articles = _paragraph_articles()
    inputs = [_write_jsonl(tmp_path / "paragraphs.jsonl", articles)]
    killed, uninterrupted = (f"sqlite:///{tmp_path / name}" for name in ("killed.db", "whole.db"))
    # Its own session, so that SIGKILL reaches every process of the run at once.
    child = _cli_ingest(inputs, killed, start_new_session=True)
    _wait_for_results(killed, at_least=1, child=child)
    time.sleep(random.uniform(0.0, 0.5))
    os.killpg(child.pid, signal.SIGKILL)
    child.wait()
    assert 0 < _count_results(killed) < len(articles)

    resumed = _finish(_cli_ingest(inputs, killed))
    _finish(_cli_ingest(inputs, uninterrupted))
    assert "0 failed" in resumed
    assert _dump_sqlite(killed) == _dump_sqlite(uninterrupted)
    assert _count_results(uninterrupted) == len(articles)


@pytest.mark.slow
def test_jobs_cli_reingest_adds_nothing(tmp_path):
    articles = _paragraph_articles(copies=1)
    inputs = [_write_jsonl(tmp_path / "paragraphs.jsonl", articles)]
    db_url = f"sqlite:///{tmp_path / 'store.db'}"
    _finish(_cli_ingest(inputs, db_url))
    before = _dump_sqlite(db_url)
    summary = _finish(_cli_ingest(inputs, db_url))
    assert f"0 stored, {len(articles)} skipped, 0 failed" in summary
    assert _dump_sqlite(db_url) == before
