"""One event with the ids it is known by: what every writer and the store pass around."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from protestwatch.schema import Event, Result

EVENT_ID_LENGTH = 16


@dataclass(frozen=True)
class EventRecord:
    id: str
    article_id: str
    event: Event
    source: Optional[str] = None
    url: Optional[str] = None

    def to_dict(self) -> dict:
        """The event's JSON with its id and article id first."""
        return {"id": self.id, "article_id": self.article_id, **self.event.model_dump(mode="json")}


def make_event_id(article_id: str, position: int) -> str:
    """A stable id for the ``position``-th event of an article.

    A hash rather than a counter: the same article gives the same ids in every run, on
    every worker and in every database, and the id is safe in a URL whatever the article id.
    """
    digest = hashlib.sha256(f"{article_id}\x1f{position}".encode("utf-8")).hexdigest()
    return digest[:EVENT_ID_LENGTH]


def records_from_result(result: Result, *, source: Optional[str] = None,
                        url: Optional[str] = None) -> Iterator[EventRecord]:
    """The events of one result, in order, each with its stable id."""
    for position, event in enumerate(result.events):
        yield EventRecord(make_event_id(result.article_id, position), result.article_id, event,
                          source=source, url=url)


def records_from_results(results: Iterable[Result]) -> Iterator[EventRecord]:
    for result in results:
        yield from records_from_result(result)
