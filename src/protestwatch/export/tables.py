"""Events as flat rows: the columns of the CSV and Parquet exports."""
from __future__ import annotations

from typing import Any, Optional

from protestwatch.export.records import EventRecord
from protestwatch.schema import Quantity

# Separates the items of list fields inside one CSV cell.
LIST_SEPARATOR = "; "
QUANTITY_FIELDS = ("crowd_size", "arrests", "fatalities", "injuries")
EVENT_COLUMNS = (
    "article_id", "event_id", "event_type", "sub_event_type", "date", "end_date", "date_precision",
    "location_name", "place", "admin1", "country", "country_code", "lat", "lon", "geonames_id",
    "location_precision",
    *(f"{field}_{part}" for field in QUANTITY_FIELDS for part in ("low", "high", "text")),
    "initiators", "targets", "participants", "demands", "claims", "state_responses",
    "sources_cited", "confidence", "summary", "source", "url",
)


def flatten_record(record: EventRecord) -> dict[str, Any]:
    """One row of ``EVENT_COLUMNS`` for one event: lists joined, quantities split."""
    event, location = record.event, record.event.location
    row: dict[str, Any] = {
        "article_id": record.article_id, "event_id": record.id,
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "date": event.date, "end_date": event.end_date, "date_precision": event.date_precision,
        "location_name": location.name, "place": location.place, "admin1": location.admin1,
        "country": location.country, "country_code": location.country_code,
        "lat": location.lat, "lon": location.lon, "geonames_id": location.geonames_id,
        "location_precision": location.precision,
    }
    for field in QUANTITY_FIELDS:
        row.update(_flatten_quantity(field, getattr(event, field)))
    for role, column in (("initiator", "initiators"), ("target", "targets"), ("participant", "participants")):
        row[column] = join_list(actor.name for actor in event.actors if actor.role == role)
    for field in ("demands", "claims", "state_responses", "sources_cited"):
        row[field] = join_list(getattr(event, field))
    row.update(confidence=event.confidence, summary=event.summary, source=record.source, url=record.url)
    return row


def join_list(items: Any) -> str:
    return LIST_SEPARATOR.join(str(item) for item in items)


def _flatten_quantity(field: str, quantity: Optional[Quantity]) -> dict[str, Any]:
    return {
        f"{field}_low": quantity.low if quantity else None,
        f"{field}_high": quantity.high if quantity else None,
        f"{field}_text": quantity.text if quantity else None,
    }
