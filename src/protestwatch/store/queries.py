"""Read-only queries for the API: pages of events, counts, and one event with its sources.

Filters are those of ``repository.build_event_query``, so the API, ``protestwatch events``
and ``Repository.query_events`` select exactly the same events. Every function takes an
open ``Session`` and only reads.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from protestwatch.store.models import ArticleRow, EventRow, EvidenceRow, ResultRow
from protestwatch.store.repository import BoundingBox, build_event_query


@dataclass(frozen=True)
class EventFilters:
    """The filters ``build_event_query`` takes; empty means "no filter"."""

    country: Sequence[str] = ()
    since: Optional[dt.date] = None
    until: Optional[dt.date] = None
    event_type: Sequence[str] = ()
    sub_event_type: Sequence[str] = ()
    bbox: Optional[BoundingBox] = None
    text: Optional[str] = None

    def to_query(self) -> Select:
        return build_event_query(country=list(self.country), since=self.since, until=self.until,
                                 event_type=list(self.event_type),
                                 sub_event_type=list(self.sub_event_type), bbox=self.bbox,
                                 text=self.text)


@dataclass(frozen=True)
class EventListing:
    """One event as lists show it: its stored JSON and the headline of its article."""

    id: str
    article_id: str
    data: dict[str, Any]
    title: Optional[str]
    source: Optional[str]
    url: Optional[str]


@dataclass(frozen=True)
class EventDetail:
    """One event with the article it came from and the evidence spans in that article."""

    listing: EventListing
    article: ArticleRow
    reference_date: Optional[dt.date]
    evidence: list[EvidenceRow] = field(default_factory=list)


def list_events(session: Session, filters: EventFilters, *, limit: int, offset: int = 0) -> list[EventListing]:
    """A page of matching events, in the store's order (date, article, position)."""
    # Only the columns a listing shows: never the article text or the search text.
    statement = filters.to_query().with_only_columns(*_LISTING_COLUMNS).limit(limit).offset(offset)
    return [EventListing(*row) for row in session.execute(statement)]


def count_events(session: Session, filters: EventFilters) -> int:
    statement = filters.to_query().with_only_columns(func.count(EventRow.id)).order_by(None)
    return session.scalar(statement) or 0


def count_events_by(session: Session, filters: EventFilters, column: Any) -> list[tuple[Any, int]]:
    """(value, count) for each distinct value of ``column`` among the matching events."""
    statement = (filters.to_query().with_only_columns(column, func.count(EventRow.id))
                 .group_by(column).order_by(None).order_by(column))
    return [(value, count) for value, count in session.execute(statement)]


def count_events_by_day(session: Session, filters: EventFilters) -> list[tuple[dt.date, int]]:
    """Events per start date; a multi-day event counts on its first day only."""
    return count_events_by(session, filters, EventRow.date)


def count_events_by_country(session: Session, filters: EventFilters) -> list[tuple[str, str, int]]:
    """(code, name, count) per country code; one name per code even if spellings differ."""
    statement = (filters.to_query()
                 .with_only_columns(EventRow.country_code, func.max(EventRow.country), func.count(EventRow.id))
                 .group_by(EventRow.country_code).order_by(None).order_by(EventRow.country_code))
    return [(code, name, count) for code, name, count in session.execute(statement)]


def get_event_detail(session: Session, event_id: str) -> Optional[EventDetail]:
    row = session.execute(select(*_LISTING_COLUMNS).join(ArticleRow, EventRow.article_id == ArticleRow.id)
                          .where(EventRow.id == event_id)).first()
    if row is None:
        return None
    listing = EventListing(*row)
    article = session.get(ArticleRow, listing.article_id)
    evidence = session.scalars(select(EvidenceRow).where(EvidenceRow.event_id == event_id)
                               .order_by(EvidenceRow.position)).all()
    return EventDetail(listing, article, _reference_date(session, listing.article_id), list(evidence))


def get_article_with_events(session: Session, article_id: str) -> Optional[tuple[ArticleRow, Optional[dt.date], list[EventListing]]]:
    """The article, its reference date and its events in order; None when not stored."""
    article = session.get(ArticleRow, article_id)
    if article is None:
        return None
    rows = session.execute(select(*_LISTING_COLUMNS).join(ArticleRow, EventRow.article_id == ArticleRow.id)
                           .where(EventRow.article_id == article_id).order_by(EventRow.position))
    return article, _reference_date(session, article_id), [EventListing(*row) for row in rows]


def list_event_ids(session: Session, article_id: str) -> list[str]:
    return list(session.scalars(select(EventRow.id).where(EventRow.article_id == article_id)
                                .order_by(EventRow.position)))


def _reference_date(session: Session, article_id: str) -> Optional[dt.date]:
    return session.scalar(select(ResultRow.reference_date).where(ResultRow.article_id == article_id))


_LISTING_COLUMNS = (EventRow.id, EventRow.article_id, EventRow.data, ArticleRow.title, ArticleRow.source,
                    ArticleRow.url)
