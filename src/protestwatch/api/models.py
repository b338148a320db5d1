"""Request and response bodies of the HTTP API, as they appear in ``/openapi.json``."""
from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, Field

from protestwatch.schema import Article, Event

# Submissions are extracted while the client waits: these bounds keep one request short.
MAX_ARTICLES_PER_SUBMISSION = 20
MAX_ARTICLE_CHARS = 100_000
MAX_ARTICLE_ID_CHARS = 512  # the width of articles.id


class EventOut(Event):
    """A stored event: the interchange record with its id and its article's headline."""

    id: str
    article_id: str
    title: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None


class EventPage(BaseModel):
    total: int = Field(description="events matching the filters, on every page")
    limit: int
    offset: int
    next_offset: Optional[int] = Field(description="offset of the next page; null on the last")
    events: list[EventOut]


class PointGeometry(BaseModel):
    type: Literal["Point"] = "Point"
    coordinates: tuple[float, float] = Field(description="longitude, latitude")


class EventFeature(BaseModel):
    type: Literal["Feature"] = "Feature"
    id: str
    geometry: PointGeometry
    properties: EventOut


class EventFeatureCollection(BaseModel):
    """GeoJSON; ``total``, ``limit``, ``offset`` and ``next_offset`` are foreign members."""

    type: Literal["FeatureCollection"] = "FeatureCollection"
    total: int
    limit: int
    offset: int
    next_offset: Optional[int]
    features: list[EventFeature]


class EvidenceOut(BaseModel):
    article_id: str = Field(description="the article whose text ``start`` and ``end`` index")
    field: str
    start: int = Field(description="first character, 0-based, in the article's text")
    end: int = Field(description="one past the last character")
    text: Optional[str] = None


class ArticleOut(BaseModel):
    id: str
    title: Optional[str] = None
    text: str
    url: Optional[str] = None
    source: Optional[str] = None
    published: Optional[str] = None
    language: Optional[str] = None
    reference_date: Optional[dt.date] = None


class EventDetailOut(BaseModel):
    event: EventOut
    articles: list[ArticleOut]
    evidence: list[EvidenceOut]


class ArticleDetailOut(BaseModel):
    article: ArticleOut
    events: list[EventOut]


class DayCount(BaseModel):
    date: dt.date
    count: int


class CountryCount(BaseModel):
    country_code: str
    country: str
    count: int


class TypeCount(BaseModel):
    event_type: str
    count: int


class StatsOut(BaseModel):
    total: int
    first_date: Optional[dt.date]
    last_date: Optional[dt.date]
    by_day: list[DayCount]
    by_country: list[CountryCount]
    by_type: list[TypeCount]


class ArticleSubmission(Article):
    """An article in the input shape of EVENTS.md, with bounds on its size."""

    id: str = Field(min_length=1, max_length=MAX_ARTICLE_ID_CHARS)
    text: str = Field(max_length=MAX_ARTICLE_CHARS)


class SubmissionOutcome(BaseModel):
    article_id: str
    outcome: Literal["stored", "replaced", "unchanged", "failed"]
    event_ids: list[str] = Field(default_factory=list)
    error: Optional[str] = None


class SubmissionReport(BaseModel):
    articles: list[SubmissionOutcome]


class ErrorOut(BaseModel):
    detail: str
