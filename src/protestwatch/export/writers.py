"""Writers of results and events: JSON Lines, CSV, ACLED CSV, GeoJSON, Parquet.

Every writer writes as records arrive, so memory stays flat on any input; GeoJSON writes
its header first and its footer last, Parquet one row group at a time. Text formats take
a text stream, Parquet a binary one.
"""
from __future__ import annotations

import csv
import json
from typing import Any, BinaryIO, Callable, Iterable, Iterator, TextIO, Union

from protestwatch.errors import ExportError
from protestwatch.export.acled import acled_writer, load_acled_vocabulary, to_acled_row
from protestwatch.export.records import EventRecord, records_from_result
from protestwatch.export.tables import EVENT_COLUMNS, flatten_record
from protestwatch.schema import Result

FORMATS = ("jsonl", "csv", "acled-csv", "geojson", "parquet")
BINARY_FORMATS = ("parquet",)
# Rows buffered per Parquet row group: large enough for good compression, small enough
# that memory stays flat.
PARQUET_ROW_GROUP_SIZE = 1000

Stream = Union[TextIO, BinaryIO]


def write_results(results: Iterable[Result], fmt: str, stream: Stream) -> int:
    """Write results in input order; return how many were written.

    ``jsonl`` writes one Result a line; every other format one row or feature per event.
    """
    check_format(fmt)
    count = 0

    def counted() -> Iterator[Result]:
        nonlocal count
        for result in results:
            count += 1
            yield result

    if fmt == "jsonl":
        for result in counted():
            stream.write(result.model_dump_json() + "\n")
    else:
        write_events((record for result in counted() for record in records_from_result(result)), fmt, stream)
    return count


def write_events(records: Iterable[EventRecord], fmt: str, stream: Stream) -> int:
    """Write events (with their ids) in the order given; return how many were written."""
    check_format(fmt)
    return EVENT_WRITERS[fmt](records, stream)


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ExportError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")


def write_events_jsonl(records: Iterable[EventRecord], stream: TextIO) -> int:
    count = 0
    for count, record in enumerate(records, start=1):
        stream.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
    return count


def write_events_csv(records: Iterable[EventRecord], stream: TextIO) -> int:
    writer = csv.DictWriter(stream, fieldnames=EVENT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for count, record in enumerate(records, start=1):
        writer.writerow(flatten_record(record))
    return count


def write_events_acled_csv(records: Iterable[EventRecord], stream: TextIO) -> int:
    vocabulary = load_acled_vocabulary()
    writer = acled_writer(stream)
    writer.writeheader()
    count = 0
    for count, record in enumerate(records, start=1):
        writer.writerow(to_acled_row(record, vocabulary))
    return count


def write_events_geojson(records: Iterable[EventRecord], stream: TextIO) -> int:
    """A FeatureCollection, one Point feature per event, one feature a line."""
    stream.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for count, record in enumerate(records, start=1):
        separator = "" if count == 1 else ",\n"
        stream.write(separator + json.dumps(to_feature(record), ensure_ascii=False))
    stream.write("\n]}\n")
    return count


def to_feature(record: EventRecord) -> dict[str, Any]:
    location = record.event.location
    return {
        "type": "Feature",
        "id": record.id,
        "geometry": {"type": "Point", "coordinates": [location.lon, location.lat]},
        "properties": record.to_dict(),
    }


def write_events_parquet(records: Iterable[EventRecord], stream: BinaryIO) -> int:
    """The CSV columns with their types, plus the whole event as JSON in ``event_json``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = build_parquet_schema()
    count = 0
    with pq.ParquetWriter(stream, schema) as writer:
        for batch in _chunk(records, PARQUET_ROW_GROUP_SIZE):
            rows = [dict(flatten_record(record), event_json=record.event.model_dump_json()) for record in batch]
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            count += len(rows)
    return count


def build_parquet_schema() -> Any:
    import pyarrow as pa

    def column_type(name: str) -> Any:
        if name in ("lat", "lon", "confidence"):
            return pa.float64()
        if name == "geonames_id" or name.endswith(("_low", "_high")):
            return pa.int64()
        return pa.string()

    return pa.schema([(name, column_type(name)) for name in (*EVENT_COLUMNS, "event_json")])


def _chunk(records: Iterable[EventRecord], size: int) -> Iterator[list[EventRecord]]:
    batch: list[EventRecord] = []
    for record in records:
        batch.append(record)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


EVENT_WRITERS: dict[str, Callable[[Iterable[EventRecord], Any], int]] = {
    "jsonl": write_events_jsonl,
    "csv": write_events_csv,
    "acled-csv": write_events_acled_csv,
    "geojson": write_events_geojson,
    "parquet": write_events_parquet,
}
