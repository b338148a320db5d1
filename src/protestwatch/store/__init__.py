"""The event store: SQLite by default, PostgreSQL by URL, schema managed by Alembic."""
from protestwatch.store.convert import hash_article
from protestwatch.store.engine import create_store_engine, normalise_db_url, upgrade_database
from protestwatch.store.repository import Repository

__all__ = ["Repository", "create_store_engine", "hash_article", "normalise_db_url", "upgrade_database"]
