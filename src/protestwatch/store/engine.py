"""Database URLs, engines and schema migration: everything before the first query."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

MIGRATIONS_DIRECTORY = Path(__file__).parent / "migrations"
# Writers wait this long for a SQLite lock held by another connection instead of failing.
SQLITE_BUSY_TIMEOUT_MS = 30_000


def normalise_db_url(url: str) -> str:
    """A SQLAlchemy URL from what a user types.

    A bare path is a SQLite file; ``postgresql://`` means psycopg 3, the driver we ship,
    rather than SQLAlchemy's default psycopg2.
    """
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser()}"
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def create_store_engine(url: str) -> Engine:
    """An engine for ``url``, with SQLite tuned for one writer and many readers."""
    sa_url = make_url(normalise_db_url(url))
    if sa_url.get_backend_name() != "sqlite":
        return create_engine(sa_url, pool_pre_ping=True)
    if sa_url.database in (None, "", ":memory:"):
        # One shared connection, or every new connection would see an empty database.
        engine = create_engine(sa_url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        Path(sa_url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(sa_url)
    _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # noqa: ANN001 - DB-API objects
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin, so a
        # read-check-write sequence is one transaction (pysqlite would begin only at the
        # first write).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # WAL: readers (the web app, an export) never block the ingest writer.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):  # noqa: ANN001
        connection.exec_driver_sql("BEGIN")


def upgrade_database(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision (creating it in an empty database)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIRECTORY))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
