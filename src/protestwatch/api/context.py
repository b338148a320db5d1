"""What every request handler needs, built once per app by ``create_app`` and kept on
``app.state``: the store, the write token, and the extraction pipeline (loaded lazily)."""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Iterator, Optional

from fastapi import Request
from sqlalchemy.orm import Session, sessionmaker

from protestwatch.schema import Article
from protestwatch.store import Repository
from protestwatch.store.jobs import Extraction, ExtractorFactory, extract_one


class LazyExtractor:
    """Builds the extractor on the first article, once, and runs one article at a time
    (the spaCy pipeline is not documented as thread-safe, and a read-only server never
    pays for loading it)."""

    def __init__(self, factory: ExtractorFactory) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._extractor = None

    def extract(self, article: Article) -> Extraction:
        with self._lock:
            if self._extractor is None:
                self._extractor = self._factory()
            return extract_one(article, self._extractor)


@dataclass
class ApiContext:
    repository: Repository
    sessions: sessionmaker
    extractor: LazyExtractor
    token: Optional[str] = None
    # None: the shipped pipeline; runs record which one extracted what.
    extractor_factory: Optional[ExtractorFactory] = None

    @property
    def is_read_only(self) -> bool:
        return not self.token


def get_context(request: Request) -> ApiContext:
    return request.app.state.context


def get_session(request: Request) -> Iterator[Session]:
    with get_context(request).sessions() as session:
        yield session
