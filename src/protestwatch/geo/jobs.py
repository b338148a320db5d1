"""File jobs behind `protestwatch geocode` and `protestwatch geoparse` (JSON Lines in, JSON Lines out)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from protestwatch.geo.gazetteer import Gazetteer
from protestwatch.geo.resolve import Geoparser, Place


class InputLineError(ValueError):
    """A line of an input file is not a valid record; the message names the file and line."""


def read_records(input_path: str | Path) -> Iterator[tuple[int, dict]]:
    with open(input_path, encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputLineError(f"{input_path}:{line_number}: malformed JSON: {error.msg}") from error
            if not isinstance(record, dict) or "text" not in record:
                raise InputLineError(f"{input_path}:{line_number}: expected an object with 'id' and 'text'")
            yield line_number, record


def span_record(start: int, end: int, place: Place | None) -> dict:
    """One output span; coordinates and ids are null when the toponym was not resolved."""
    located = place is not None and place.lat is not None
    return {"start": start, "end": end,
            "name": place.name if place is not None else None,
            "lat": place.lat if located else None, "lon": place.lon if located else None,
            "geonames_id": place.geonames_id if located else None,
            "country_code": place.country_code if located else None,
            "feature_code": place.feature_code if located else None}


def given_spans(input_path: str | Path, line_number: int, record: dict) -> list[tuple[int, int]]:
    try:
        return [(int(span["start"]), int(span["end"])) for span in record.get("spans") or []]
    except (KeyError, TypeError, ValueError) as error:
        raise InputLineError(f"{input_path}:{line_number}: each span needs integer 'start' and 'end'") from error


def geocode_file(input_path: str | Path, output_path: str | Path, geoparser: Geoparser | None = None) -> int:
    """Resolve the given toponym spans of every article; returns the number of articles written."""
    geoparser = geoparser or Geoparser(Gazetteer.open())
    count = 0
    with open(output_path, "w", encoding="utf-8") as out:
        for line_number, record in read_records(input_path):
            spans = given_spans(input_path, line_number, record)
            places = geoparser.resolve_spans(record["text"], spans)
            out_spans = [span_record(start, end, place) for (start, end), place in zip(spans, places)]
            out.write(json.dumps({"id": record.get("id"), "spans": out_spans}, ensure_ascii=False) + "\n")
            count += 1
    return count


def geoparse_file(input_path: str | Path, output_path: str | Path, geoparser: Geoparser | None = None) -> int:
    """Find and resolve the toponyms of every article; returns the number of articles written."""
    geoparser = geoparser or Geoparser(Gazetteer.open())
    count = 0
    with open(output_path, "w", encoding="utf-8") as out:
        for _, record in read_records(input_path):
            places = geoparser.parse(record["text"])
            out_spans = [span_record(place.start, place.end, place) for place in places]
            out.write(json.dumps({"id": record.get("id"), "spans": out_spans}, ensure_ascii=False) + "\n")
            count += 1
    return count
