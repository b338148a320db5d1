"""``create_app``: the FastAPI application over one store."""
from __future__ import annotations

import logging
from typing import Optional

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy.orm import sessionmaker

from protestwatch import __version__
from protestwatch.api.context import ApiContext, LazyExtractor
from protestwatch.api.routers import articles, events, pages, stats
from protestwatch.api.routers.pages import STATIC_DIRECTORY
from protestwatch.api.security import SecurityHeadersMiddleware
from protestwatch.store import Repository
from protestwatch.store.jobs import ExtractorFactory, load_default_extractor

VENDOR_DIRECTORY = STATIC_DIRECTORY / "vendor"

logger = logging.getLogger(__name__)


def create_app(db_url: str, *, token: Optional[str] = None,
               extractor_factory: Optional[ExtractorFactory] = None) -> FastAPI:
    """The API and web app over the store at ``db_url`` (schema upgraded on open).

    Without ``token`` the server is read-only; with it, ``POST /api/articles`` takes
    requests that carry it as a bearer token. ``extractor_factory`` (default: the shipped
    pipeline) is called on the first submitted article, never before. The app keeps
    the store open for its life (``app.state.context.repository``): an app may be
    started and stopped many times, as test clients do.
    """
    repository = Repository.open(db_url)
    context = ApiContext(repository=repository, sessions=sessionmaker(repository.engine),
                         extractor=LazyExtractor(extractor_factory or load_default_extractor),
                         token=token or None, extractor_factory=extractor_factory)
    app = FastAPI(title="protestwatch", version=__version__,
                  description="Protest, riot and repression events extracted from news, "
                              "with the evidence behind every field.")
    app.state.context = context
    app.add_middleware(SecurityHeadersMiddleware)
    for module in (events, stats, articles, pages):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIRECTORY), name="static")
    if not VENDOR_DIRECTORY.is_dir():
        logger.warning("the web app's libraries are not built (%s): run `make web`", VENDOR_DIRECTORY)
    return app
