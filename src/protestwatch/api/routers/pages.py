"""The web app's pages: static HTML whose scripts read everything from the API."""
from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

STATIC_DIRECTORY = Path(__file__).resolve().parents[2] / "web" / "static"

router = APIRouter(include_in_schema=False)


@router.get("/")
def get_map_page() -> FileResponse:
    return FileResponse(STATIC_DIRECTORY / "index.html")


@router.get("/events/{event_id}")
def get_event_page(event_id: str) -> FileResponse:  # noqa: ARG001 - the page's script reads the id
    return FileResponse(STATIC_DIRECTORY / "event.html")
