"""Runs record the day undated articles are read as of, and whether they completed.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("runs", sa.Column("reading_date", sa.Date(), nullable=True))
    # Runs stored before this revision count as not completed; having no reading date,
    # they hand none on.
    op.add_column("runs", sa.Column("completed", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("runs") as batch:
        batch.drop_column("completed")
        batch.drop_column("reading_date")
