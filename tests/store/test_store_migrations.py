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
        assert context.get_current_revision() == "0001"


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
