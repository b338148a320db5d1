"""``GET /api/events`` (filtered, paged, JSON or GeoJSON) and ``GET /api/events/{id}``."""
from __future__ import annotations

import datetime as dt
import math
from http import HTTPStatus
from typing import Annotated, Literal, Optional, Union

from fastapi import APIRouter, Depends, HTTPException, Query, status
from pydantic import Field
from sqlalchemy.orm import Session

from protestwatch.api.context import get_session
from protestwatch.api.convert import to_article_out, to_event_out, to_evidence_out, to_feature
from protestwatch.api.models import ErrorOut, EventDetailOut, EventFeatureCollection, EventPage
from protestwatch.schema import EventType, SubEventType
from protestwatch.store.queries import EventFilters, count_events, get_event_detail, list_events

DEFAULT_PAGE_SIZE = 100
# Large enough for the web map to draw every event of a typical filter in one request.
MAX_PAGE_SIZE = 5000
# Keeps OFFSET inside a 64-bit integer on every backend.
MAX_OFFSET = 10_000_000
MAX_QUERY_CHARS = 200
_NUMBER = r"-?\d+(\.\d+)?"
BBOX_PATTERN = rf"^{_NUMBER},{_NUMBER},{_NUMBER},{_NUMBER}$"

CountryCode = Annotated[str, Field(pattern=r"^[A-Za-z]{2}$")]
# A string, not ``datetime.date``: pydantic would read "0" as a Unix timestamp.
IsoDate = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$", json_schema_extra={"format": "date"})]
router = APIRouter(prefix="/api/events", tags=["events"])


def read_filters(
    country: Annotated[list[CountryCode], Query(description="ISO 3166-1 alpha-2 code; repeat for several")] = [],  # noqa: B006
    since: Annotated[Optional[IsoDate], Query(description="events that end on or after this day")] = None,
    until: Annotated[Optional[IsoDate], Query(description="events that start on or before this day")] = None,
    event_type: Annotated[list[EventType], Query(alias="type", description="repeat for several")] = [],  # noqa: B006
    sub_type: Annotated[list[SubEventType], Query(description="repeat for several")] = [],  # noqa: B006
    bbox: Annotated[Optional[str], Query(pattern=BBOX_PATTERN,
                                         description="west,south,east,north in degrees; west > east crosses the antimeridian")] = None,
    q: Annotated[Optional[str], Query(max_length=MAX_QUERY_CHARS,
                                      description="case-insensitive text in summary, places, actors, claims")] = None,
) -> EventFilters:
    """The query parameters shared by ``/api/events`` and ``/api/stats``."""
    return EventFilters(country=country, since=parse_date(since, "since"), until=parse_date(until, "until"), event_type=event_type,
                        sub_event_type=sub_type, bbox=parse_bbox(bbox) if bbox else None, text=q or None)


def parse_date(value: Optional[str], name: str) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(HTTPStatus.UNPROCESSABLE_ENTITY, f"{name}: not a calendar date: {value!r}") from None


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    west, south, east, north = (float(part) for part in value.split(","))
    if not all(math.isfinite(number) for number in (west, south, east, north)):
        raise HTTPException(HTTPStatus.UNPROCESSABLE_ENTITY, "bbox numbers must be finite")
    return west, south, east, north


@router.get("", response_model=Union[EventPage, EventFeatureCollection],
            responses={422: {"description": "a filter that cannot be read"}})
def get_events(
    filters: Annotated[EventFilters, Depends(read_filters)],
    session: Annotated[Session, Depends(get_session)],
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    format: Annotated[Literal["json", "geojson"], Query()] = "json",  # noqa: A002 - the API's name
) -> Union[EventPage, EventFeatureCollection]:
    """Events matching every filter given, ordered by date, article and position."""
    total = count_events(session, filters)
    events = [to_event_out(listing) for listing in list_events(session, filters, limit=limit, offset=offset)]
    next_offset = offset + len(events) if offset + len(events) < total else None
    if format == "geojson":
        return EventFeatureCollection(total=total, limit=limit, offset=offset, next_offset=next_offset,
                                      features=[to_feature(event) for event in events])
    return EventPage(total=total, limit=limit, offset=offset, next_offset=next_offset, events=events)


@router.get("/{event_id}", response_model=EventDetailOut, responses={404: {"model": ErrorOut}})
def get_event(event_id: str, session: Annotated[Session, Depends(get_session)]) -> EventDetailOut:
    """One event, the article it was extracted from, and the evidence spans in that
    article's text (character offsets, end exclusive)."""
    detail = get_event_detail(session, event_id)
    if detail is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no event {event_id!r}")
    article_id = detail.article.id
    return EventDetailOut(event=to_event_out(detail.listing),
                          articles=[to_article_out(detail.article, detail.reference_date)],
                          evidence=[to_evidence_out(row, article_id) for row in detail.evidence])
