"""Alembic migrations of the store; ``engine.upgrade_database`` runs them."""
