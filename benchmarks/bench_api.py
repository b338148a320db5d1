"""Latency of ``GET /api/events`` with a country and date filter over 100,000 events.

Fills a temporary SQLite store with synthetic events, inserted in bulk through the store's
models (no extraction), then times the request through FastAPI's TestClient (in-process:
routing, validation, query and JSON, without a socket) and prints the median.

Usage: python benchmarks/bench_api.py [--events N] [--requests N] [--db PATH]
Target (issue #6): median under 100 ms at 100,000 events.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import statistics
import tempfile
import time
from importlib import resources
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.orm import Session

from protestwatch.export.records import make_event_id
from protestwatch.schema import Event
from protestwatch.store import Repository
from protestwatch.store.models import ArticleRow, EventRow, EvidenceRow

EVENTS_PER_ARTICLE = 5
COUNTRIES = 50  # events spread evenly over this many countries
FIRST_DAY = dt.date(2020, 1, 1)
DAYS = 5 * 365
INSERT_BATCH = 5000
SEED = 6
# The filter timed: one country, one quarter (about 100,000 / 50 / 20 = 100 events).
QUERY = {"country": None, "since": "2023-01-01", "until": "2023-03-31"}


def read_country_codes() -> list[str]:
    text = resources.files("protestwatch.export").joinpath("iso3166.csv").read_text(encoding="utf-8")
    return [row["alpha2"] for row in csv.DictReader(text.splitlines())]


def make_event(rng: random.Random, code: str) -> Event:
    low = rng.choice([None, 50, 200, 1000, 20000])
    return Event.model_validate({
        "event_type": "protest", "sub_event_type": rng.choice(["peaceful_protest", "protest_with_intervention"]),
        "date": (FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))).isoformat(), "date_precision": "day",
        "location": {"name": f"Town {rng.randrange(500)}", "country": code, "country_code": code,
                     "lat": rng.uniform(-60, 70), "lon": rng.uniform(-180, 180), "precision": "place"},
        "crowd_size": {"low": low, "high": low, "text": str(low)} if low else None,
        "evidence": [{"field": "event_type", "start": 0, "end": 7, "text": "marched"}],
        "summary": "Synthetic event.", "confidence": 0.5,
    })


def event_row(event: Event, article_id: str, position: int) -> dict:
    location = event.location
    return {
        "id": make_event_id(article_id, position), "article_id": article_id, "position": position,
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "date": dt.date.fromisoformat(event.date), "end_date": None, "date_precision": event.date_precision,
        "location_name": location.name, "place": None, "admin1": None, "country": location.country,
        "country_code": location.country_code, "lat": location.lat, "lon": location.lon, "geonames_id": None,
        "location_precision": location.precision,
        "crowd_low": event.crowd_size.low if event.crowd_size else None,
        "crowd_high": event.crowd_size.high if event.crowd_size else None,
        "confidence": event.confidence, "summary": event.summary, "search_text": event.summary.lower(),
        "data": event.model_dump(mode="json"),
    }


def fill_store(repository: Repository, events: int) -> None:
    rng = random.Random(SEED)
    countries = read_country_codes()[:COUNTRIES]
    with Session(repository.engine) as session, session.begin():
        for start in range(0, events // EVENTS_PER_ARTICLE, INSERT_BATCH // EVENTS_PER_ARTICLE):
            articles, rows, evidence = [], [], []
            for number in range(start, min(start + INSERT_BATCH // EVENTS_PER_ARTICLE, events // EVENTS_PER_ARTICLE)):
                article_id = f"synthetic-{number}"
                articles.append({"id": article_id, "content_hash": "0" * 64, "title": f"Article {number}",
                                 "text": "Hundreds marched. " * 20})
                for position in range(EVENTS_PER_ARTICLE):
                    row = event_row(make_event(rng, rng.choice(countries)), article_id, position)
                    rows.append(row)
                    evidence.append({"event_id": row["id"], "position": 0, "field": "event_type",
                                     "start": 0, "end": 7, "text": "marched"})
            session.execute(insert(ArticleRow), articles)
            session.execute(insert(EventRow), rows)
            session.execute(insert(EvidenceRow), evidence)


def time_requests(db_url: str, params: dict, requests: int) -> tuple[list[float], int]:
    from fastapi.testclient import TestClient

    from protestwatch.api import create_app

    with TestClient(create_app(db_url)) as client:
        total = client.get("/api/events", params=params).json()["total"]  # warm-up
        timings = []
        for _ in range(requests):
            started = time.perf_counter()
            response = client.get("/api/events", params=params)
            timings.append((time.perf_counter() - started) * 1000)
            response.raise_for_status()
    return timings, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--db", help="SQLite file to fill (default: a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        path = Path(args.db or Path(directory) / "bench.db")
        db_url = f"sqlite:///{path}"
        started = time.perf_counter()
        with Repository.open(db_url) as repository:
            fill_store(repository, args.events)
        print(f"filled {args.events} events in {time.perf_counter() - started:.1f} s")
        params = dict(QUERY, country=read_country_codes()[0])
        timings, total = time_requests(db_url, params, args.requests)
    print(f"GET /api/events?country={params['country']}&since={params['since']}&until={params['until']} "
          f"({total} matching, 100 a page), {args.requests} requests: "
          f"median {statistics.median(timings):.1f} ms, p90 {statistics.quantiles(timings, n=10)[-1]:.1f} ms")


if __name__ == "__main__":
    main()
