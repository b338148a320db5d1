"""Alembic environment: runs on the connection ``upgrade_database`` hands over.

From the command line (``alembic -c ...``) it connects to ``sqlalchemy.url`` instead.
"""
from alembic import context

from protestwatch.store.engine import create_store_engine
from protestwatch.store.models import Base


def run_migrations(connection) -> None:  # noqa: ANN001
    # render_as_batch: SQLite cannot ALTER most things; batch mode copies the table.
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    engine = create_store_engine(context.config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        run_migrations(connection)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("protestwatch migrations run online only: give sqlalchemy.url")
run_online()
