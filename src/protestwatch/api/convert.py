"""Store rows and listings to the API's response models."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from protestwatch.api.models import ArticleOut, EventFeature, EventOut, EvidenceOut, PointGeometry
from protestwatch.store.models import ArticleRow, EvidenceRow
from protestwatch.store.queries import EventListing


def to_event_out(listing: EventListing) -> EventOut:
    return EventOut.model_validate({**listing.data, "id": listing.id, "article_id": listing.article_id,
                                    "title": listing.title, "source": listing.source, "url": listing.url})


def to_feature(event: EventOut) -> EventFeature:
    location = event.location
    return EventFeature(id=event.id, geometry=PointGeometry(coordinates=(location.lon, location.lat)),
                        properties=event)


def to_article_out(row: ArticleRow, reference_date: Optional[dt.date]) -> ArticleOut:
    return ArticleOut(id=row.id, title=row.title, text=row.text, url=row.url, source=row.source,
                      published=row.published, language=row.language, reference_date=reference_date)


def to_evidence_out(row: EvidenceRow, article_id: str) -> EvidenceOut:
    return EvidenceOut(article_id=article_id, field=row.field, start=row.start, end=row.end, text=row.text)
