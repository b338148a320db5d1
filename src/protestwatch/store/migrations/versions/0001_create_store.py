"""Create the store: articles, runs, results, events, evidence.

Revision ID: 0001
Revises:
Create Date: 2025-11-26
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSON_DOCUMENT = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(512), primary_key=True),
        sa.Column("source", sa.String(512), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published", sa.String(64), nullable=True),
        sa.Column("language", sa.String(16), nullable=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
    )
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("pipeline_version", sa.String(64), nullable=False),
        sa.Column("model_versions", JSON_DOCUMENT, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("articles_read", sa.Integer(), nullable=False),
        sa.Column("articles_stored", sa.Integer(), nullable=False),
        sa.Column("articles_skipped", sa.Integer(), nullable=False),
        sa.Column("articles_failed", sa.Integer(), nullable=False),
    )
    op.create_table(
        "results",
        sa.Column("article_id", sa.String(512), sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("runs.id", ondelete="SET NULL"), nullable=True),
        sa.Column("reference_date", sa.Date(), nullable=False),
        sa.Column("reference_date_inferred", sa.Boolean(), nullable=False),
        sa.Column("language", sa.String(16), nullable=True),
        sa.Column("quotes", JSON_DOCUMENT, nullable=False),
        sa.Column("warnings", JSON_DOCUMENT, nullable=False),
    )
    op.create_index("ix_results_run_id", "results", ["run_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("article_id", sa.String(512), sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("event_type", sa.String(64), nullable=False),
        sa.Column("sub_event_type", sa.String(64), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(16), nullable=False),
        sa.Column("location_name", sa.Text(), nullable=False),
        sa.Column("place", sa.String(256), nullable=True),
        sa.Column("admin1", sa.String(256), nullable=True),
        sa.Column("country", sa.String(256), nullable=False),
        sa.Column("country_code", sa.String(2), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("geonames_id", sa.Integer(), nullable=True),
        sa.Column("location_precision", sa.String(16), nullable=False),
        sa.Column("crowd_low", sa.Integer(), nullable=True),
        sa.Column("crowd_high", sa.Integer(), nullable=True),
        sa.Column("arrests_low", sa.Integer(), nullable=True),
        sa.Column("arrests_high", sa.Integer(), nullable=True),
        sa.Column("fatalities_low", sa.Integer(), nullable=True),
        sa.Column("fatalities_high", sa.Integer(), nullable=True),
        sa.Column("injuries_low", sa.Integer(), nullable=True),
        sa.Column("injuries_high", sa.Integer(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("data", JSON_DOCUMENT, nullable=False),
    )
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_country_code_date", "events", ["country_code", "date"])
    op.create_index("ix_events_event_type_date", "events", ["event_type", "date"])
    op.create_index("ix_events_sub_event_type", "events", ["sub_event_type"])
    op.create_index("ix_events_lat_lon", "events", ["lat", "lon"])
    op.create_index("ix_events_article_id_position", "events", ["article_id", "position"], unique=True)
    op.create_table(
        "evidence",
        sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
    )
    op.create_index("ix_evidence_field", "evidence", ["field"])


def downgrade() -> None:
    for table in ("evidence", "events", "results", "runs", "articles"):
        op.drop_table(table)
