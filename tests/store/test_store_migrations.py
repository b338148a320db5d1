import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from protestwatch.store import Repository, normalise_db_url
from protestwatch.store.models import Base


def test_migrations_create_exactly_the_models(db_url):
    with Repository.open(db_url) as repository, repository.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
        assert context.get_current_revision() == "0002"


def test_migrations_open_twice_keeps_data(db_url, build_result):
    from protestwatch.schema import Article

    with Repository.open(db_url) as repository:
        repository.save_result(Article(id="a", text="t"), build_result("a", {}))
    with Repository.open(db_url) as repository:
        assert repository.stats()["events"] == 1
        assert set(inspect(repository.engine).get_table_names()) >= {"articles", "events", "evidence"}


@pytest.mark.parametrize("given, expected", [
    ("out/events.db", "sqlite:///out/events.db"),
    ("sqlite:///x.db", "sqlite:///x.db"),
    ("postgresql://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
    ("postgres://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
    ("postgresql+psycopg://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
])
def test_migrations_normalise_db_url(given, expected):
    assert normalise_db_url(given) == expected


def test_migrations_upgrade_a_first_revision_store_keeping_its_runs(db_url):
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    from protestwatch.store import create_store_engine
    from protestwatch.store.engine import MIGRATIONS_DIRECTORY

    engine = create_store_engine(db_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIRECTORY))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(text(
            "INSERT INTO runs (pipeline_version, model_versions, started_at, articles_read, articles_stored,"
            " articles_skipped, articles_failed) VALUES ('old', '{}', CURRENT_TIMESTAMP, 1, 1, 0, 0)"))
    engine.dispose()
    with Repository.open(db_url) as repository:
        [run] = repository.list_runs()
        assert (run["pipeline_version"], run["reading_date"], run["completed"]) == ("old", None, False)
        assert repository.reading_date_to_resume() is None
