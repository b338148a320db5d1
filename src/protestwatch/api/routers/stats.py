"""``GET /api/stats``: counts of the matching events by day, country and type."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from protestwatch.api.context import get_session
from protestwatch.api.models import CountryCount, DayCount, StatsOut, TypeCount
from protestwatch.api.routers.events import read_filters
from protestwatch.store.models import EventRow
from protestwatch.store.queries import EventFilters, count_events_by, count_events_by_country, count_events_by_day

router = APIRouter(prefix="/api/stats", tags=["stats"])


@router.get("", response_model=StatsOut, responses={422: {"description": "a filter that cannot be read"}})
def get_stats(filters: Annotated[EventFilters, Depends(read_filters)],
              session: Annotated[Session, Depends(get_session)]) -> StatsOut:
    """Takes the filters of ``/api/events``; a multi-day event counts on its first day."""
    by_day = [DayCount(date=day, count=count) for day, count in count_events_by_day(session, filters)]
    by_country = [CountryCount(country_code=code, country=name, count=count) for code, name, count
                  in count_events_by_country(session, filters)]
    by_type = [TypeCount(event_type=event_type, count=count)
               for event_type, count in count_events_by(session, filters, EventRow.event_type)]
    return StatsOut(total=sum(day.count for day in by_day),
                    first_date=by_day[0].date if by_day else None,
                    last_date=by_day[-1].date if by_day else None,
                    by_day=by_day, by_country=by_country, by_type=by_type)
