"""The relational schema of the store, as SQLAlchemy 2 ORM classes.

Events keep every field of the interchange record twice: the fields people filter on as
typed, indexed columns, and the whole record as JSON (``data``) so that nothing in the
contract is lost and reading an event back gives exactly what was saved.
The Alembic revisions, applied in order, create exactly these tables; a test compares the two.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# JSONB on PostgreSQL is smaller to scan and can be indexed; plain JSON text elsewhere.
JSON_DOCUMENT = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(512), primary_key=True)
    source: Mapped[Optional[str]] = mapped_column(String(512))
    url: Mapped[Optional[str]] = mapped_column(Text)
    published: Mapped[Optional[str]] = mapped_column(String(64))
    language: Mapped[Optional[str]] = mapped_column(String(16))
    content_hash: Mapped[str] = mapped_column(String(64))
    title: Mapped[Optional[str]] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)

    result: Mapped[Optional["ResultRow"]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True)
    events: Mapped[list["EventRow"]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True,
        order_by="EventRow.position")


class RunRow(Base):
    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    pipeline_version: Mapped[str] = mapped_column(String(64))
    model_versions: Mapped[dict[str, Any]] = mapped_column(JSON_DOCUMENT, default=dict)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime(timezone=True))
    articles_read: Mapped[int] = mapped_column(Integer, default=0)
    articles_stored: Mapped[int] = mapped_column(Integer, default=0)
    articles_skipped: Mapped[int] = mapped_column(Integer, default=0)
    articles_failed: Mapped[int] = mapped_column(Integer, default=0)
    # The day undated articles are read as of. A run that did not complete hands it on
    # to the next, so a resumed job codes them as the uninterrupted job would have.
    reading_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    completed: Mapped[bool] = mapped_column(Boolean, default=False)


class ResultRow(Base):
    """The article-level part of a Result; its events are rows of ``events``."""

    __tablename__ = "results"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    run_id: Mapped[Optional[int]] = mapped_column(ForeignKey("runs.id", ondelete="SET NULL"), index=True)
    reference_date: Mapped[dt.date] = mapped_column(Date)
    reference_date_inferred: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[Optional[str]] = mapped_column(String(16))
    quotes: Mapped[list[Any]] = mapped_column(JSON_DOCUMENT, default=list)
    warnings: Mapped[list[Any]] = mapped_column(JSON_DOCUMENT, default=list)

    article: Mapped[ArticleRow] = relationship(back_populates="result")


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_date", "date"),
        Index("ix_events_country_code_date", "country_code", "date"),
        Index("ix_events_event_type_date", "event_type", "date"),
        Index("ix_events_sub_event_type", "sub_event_type"),
        Index("ix_events_lat_lon", "lat", "lon"),
        Index("ix_events_article_id_position", "article_id", "position", unique=True),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    event_type: Mapped[str] = mapped_column(String(64))
    sub_event_type: Mapped[str] = mapped_column(String(64))
    date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    date_precision: Mapped[str] = mapped_column(String(16))
    location_name: Mapped[str] = mapped_column(Text)
    place: Mapped[Optional[str]] = mapped_column(String(256))
    admin1: Mapped[Optional[str]] = mapped_column(String(256))
    country: Mapped[str] = mapped_column(String(256))
    country_code: Mapped[str] = mapped_column(String(2))
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    geonames_id: Mapped[Optional[int]] = mapped_column(Integer)
    location_precision: Mapped[str] = mapped_column(String(16))
    crowd_low: Mapped[Optional[int]] = mapped_column(Integer)
    crowd_high: Mapped[Optional[int]] = mapped_column(Integer)
    arrests_low: Mapped[Optional[int]] = mapped_column(Integer)
    arrests_high: Mapped[Optional[int]] = mapped_column(Integer)
    fatalities_low: Mapped[Optional[int]] = mapped_column(Integer)
    fatalities_high: Mapped[Optional[int]] = mapped_column(Integer)
    injuries_low: Mapped[Optional[int]] = mapped_column(Integer)
    injuries_high: Mapped[Optional[int]] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float)
    summary: Mapped[str] = mapped_column(Text, default="")
    # Lower-cased summary, places, actors and claims: a portable substring search
    # (LIKE) without a full-text index that SQLite and PostgreSQL would spell differently.
    search_text: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON_DOCUMENT)

    article: Mapped[ArticleRow] = relationship(back_populates="events")
    evidence: Mapped[list["EvidenceRow"]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True,
        order_by="EvidenceRow.position")


class EvidenceRow(Base):
    __tablename__ = "evidence"

    # (event, position) rather than a sequence: ids then do not depend on how many
    # transactions were rolled back before, so a resumed run equals an uninterrupted one.
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    field: Mapped[str] = mapped_column(String(64), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[Optional[str]] = mapped_column(Text)

    event: Mapped[EventRow] = relationship(back_populates="evidence")
