"""Store fixtures: a fresh database per test, on SQLite and (when configured) PostgreSQL."""
import os

import pytest

PG_URL_VARIABLE = "PROTESTWATCH_TEST_PG_URL"
STORE_TABLES = ("evidence", "events", "results", "articles", "runs", "alembic_version")


def _reset_postgres(url):
    from sqlalchemy import text

    from protestwatch.store import create_store_engine

    engine = create_store_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f"DROP TABLE IF EXISTS {', '.join(STORE_TABLES)} CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """An empty database URL; PostgreSQL runs only when PROTESTWATCH_TEST_PG_URL is set."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    url = os.environ.get(PG_URL_VARIABLE)
    if not url:
        pytest.skip(f"{PG_URL_VARIABLE} is not set")
    _reset_postgres(url)
    return url


@pytest.fixture
def repository(db_url):
    from protestwatch.store import Repository

    with Repository.open(db_url) as repository:
        yield repository


@pytest.fixture
def build_result():
    """Builds a valid Result with one event per (overrides) dict given."""
    from protestwatch.schema import Result

    def build(article_id, *event_overrides, reference_date="2021-05-01"):
        return Result(article_id=article_id, reference_date=reference_date,
                      events=[make_event(**overrides) for overrides in event_overrides])

    return build


def make_event(**overrides):
    from protestwatch.schema import Event

    location = {"name": "Main Square", "place": "Springfield", "admin1": "Region", "country": "Freedonia",
                "country_code": "FR", "lat": 45.0, "lon": 5.0, "precision": "place"}
    location.update(overrides.pop("location", {}))
    fields = {
        "event_type": "protest", "sub_event_type": "peaceful_protest", "date": "2021-05-01",
        "date_precision": "day", "location": location, "summary": "Workers marched.",
        "crowd_size": {"low": 200, "high": 999, "text": "hundreds"},
        "actors": [{"name": "Protesters (Freedonia)", "role": "initiator", "type": "protesters"}],
        "evidence": [{"field": "crowd_size", "start": 0, "end": 8, "text": "hundreds"}],
    }
    fields.update(overrides)
    return Event.model_validate(fields)
