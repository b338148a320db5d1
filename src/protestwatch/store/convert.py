"""Between the interchange types (``protestwatch.schema``) and table rows."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Optional

from protestwatch.export.records import EventRecord, make_event_id
from protestwatch.schema import Article, Event, Quantity, Result
from protestwatch.store.models import ArticleRow, EventRow, EvidenceRow, ResultRow


def hash_article(article: Article) -> str:
    """SHA-256 of the article's fields in a canonical JSON form: equal iff nothing changed."""
    canonical = json.dumps(article.model_dump(mode="json"), sort_keys=True, ensure_ascii=False,
                           separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def fill_article_row(row: ArticleRow, article: Article, content_hash: str,
                     language: Optional[str]) -> ArticleRow:
    row.id = article.id
    row.source = article.source
    row.url = article.url
    row.published = article.published
    row.language = article.language or language
    row.content_hash = content_hash
    row.title = article.title
    row.text = article.text
    return row


def row_to_article(row: ArticleRow) -> Article:
    return Article(id=row.id, text=row.text, title=row.title, url=row.url, source=row.source,
                   published=row.published, language=row.language)


def result_to_row(result: Result, run_id: Optional[int]) -> ResultRow:
    return ResultRow(
        article_id=result.article_id,
        run_id=run_id,
        reference_date=dt.date.fromisoformat(result.reference_date),
        reference_date_inferred=result.reference_date_inferred,
        language=result.language,
        quotes=[quote.model_dump(mode="json") for quote in result.quotes],
        warnings=list(result.warnings),
    )


def rows_to_result(row: ResultRow, events: list[EventRow]) -> Result:
    return Result(
        article_id=row.article_id,
        reference_date=row.reference_date.isoformat(),
        reference_date_inferred=row.reference_date_inferred,
        language=row.language,
        events=[row_to_event(event) for event in events],
        quotes=row.quotes,
        warnings=row.warnings,
    )


def event_to_row(event: Event, article_id: str, position: int) -> EventRow:
    """A row with the queryable columns filled from ``event`` and the event itself as JSON."""
    location = event.location
    event_id = make_event_id(article_id, position)
    return EventRow(
        id=event_id,
        article_id=article_id,
        position=position,
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        date=dt.date.fromisoformat(event.date),
        end_date=dt.date.fromisoformat(event.end_date) if event.end_date else None,
        date_precision=event.date_precision,
        location_name=location.name,
        place=location.place,
        admin1=location.admin1,
        country=location.country,
        country_code=location.country_code,
        lat=location.lat,
        lon=location.lon,
        geonames_id=location.geonames_id,
        location_precision=location.precision,
        **_quantity_columns("crowd", event.crowd_size),
        **_quantity_columns("arrests", event.arrests),
        **_quantity_columns("fatalities", event.fatalities),
        **_quantity_columns("injuries", event.injuries),
        confidence=event.confidence,
        summary=event.summary,
        search_text=build_search_text(event),
        data=event.model_dump(mode="json"),
        evidence=[
            EvidenceRow(event_id=event_id, position=index, field=span.field, start=span.start,
                        end=span.end, text=span.text)
            for index, span in enumerate(event.evidence)
        ],
    )


def row_to_event(row: EventRow) -> Event:
    return Event.model_validate(row.data)


def row_to_record(row: EventRow, article: Optional[ArticleRow] = None) -> EventRecord:
    return EventRecord(row.id, row.article_id, row_to_event(row),
                       source=article.source if article else None,
                       url=article.url if article else None)


def build_search_text(event: Event) -> str:
    """The words a text search should find an event by, lower-cased."""
    location = event.location
    parts = [event.summary, location.name, location.place, location.admin1, location.country,
             *(actor.name for actor in event.actors), *(actor.text for actor in event.actors),
             *event.claims, *event.sources_cited]
    return "\n".join(part for part in parts if part).lower()


def _quantity_columns(prefix: str, quantity: Optional[Quantity]) -> dict[str, Optional[int]]:
    return {f"{prefix}_low": quantity.low if quantity else None,
            f"{prefix}_high": quantity.high if quantity else None}
