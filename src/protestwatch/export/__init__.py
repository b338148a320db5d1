"""Output: writers for every export format and validation against the JSON Schema."""
from protestwatch.export.records import EventRecord, make_event_id
from protestwatch.export.validate import build_validator, load_event_schema, validate_result
from protestwatch.export.writers import BINARY_FORMATS, FORMATS, write_events, write_results

__all__ = [
    "BINARY_FORMATS", "FORMATS", "EventRecord", "build_validator", "load_event_schema",
    "make_event_id", "validate_result", "write_events", "write_results",
]
