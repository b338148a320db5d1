"""JSON Lines: one article object a line, read lazily so memory stays flat."""
from __future__ import annotations

import json
from typing import Iterator, TextIO, Union

from pydantic import ValidationError

from protestwatch.errors import InputError
from protestwatch.schema import Article


def read_jsonl(stream: TextIO, name: str) -> Iterator[Union[Article, InputError]]:
    """Yield one Article per non-blank line, or the InputError for a line that is not one.

    Errors are yielded rather than raised so the caller decides whether to stop or skip,
    and the reader can go on with the next line either way.
    """
    for line_number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        yield parse_article_line(line, location=f"{name}:{line_number}")


def parse_article_line(line: str, *, location: str) -> Union[Article, InputError]:
    """Parse one JSON line into an Article; return an InputError naming ``location``."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return InputError(f"invalid JSON: {error}", location=location)
    if not isinstance(record, dict):
        return InputError(f"expected a JSON object, got {type(record).__name__}", location=location)
    return build_article(record, location=location)


def build_article(record: dict, *, location: str) -> Union[Article, InputError]:
    """Validate a decoded record against ``Article``; name every bad field in the error."""
    missing = [field for field in ("id", "text") if record.get(field) is None]
    if missing:
        return InputError(f"missing required field {', '.join(map(repr, missing))}", location=location)
    try:
        return Article.model_validate(record)
    except ValidationError as error:
        problems = "; ".join(
            f"field {'.'.join(map(str, item['loc']))!r}: {item['msg']}" for item in error.errors()
        )
        return InputError(problems, location=location)
