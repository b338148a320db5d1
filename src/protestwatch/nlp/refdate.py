"""The reference date an article's relative times are resolved against.

The publication date when the input gives one; otherwise a date inferred from the text
(EVENTS.md: "infer a reference date from the text itself (explicit dates, captions) and
say so"). News is usually published the day after the latest dated event it reports,
so the inferred reference is the day after the latest explicit calendar date.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from protestwatch.nlp.quantities import build_alternation, find_sentence, read_words, sentence_spans
from protestwatch.nlp.times import ExplicitDate, find_explicit_dates, weekday_agrees

# "a march is planned for May 3": such a date says nothing about when the text was written
FUTURE_CUE = re.compile(rf"\b(?i:{build_alternation(read_words('future_cues.csv'))})\b")


def infer_reference_date(text: str, published: Optional[str]) -> tuple[Optional[dt.date], bool]:
    """(reference date, inferred?).

    A parseable ``published`` (``YYYY-MM-DD`` or full ISO 8601) wins, with
    inferred=False. Otherwise the day after the latest explicit date in the text, with
    inferred=True. When the text gives no day-precision date whose year can be
    established, returns (None, True): the caller decides the fallback (taking today's
    date would make the output depend on when it was run).
    """
    parsed = parse_published(published)
    if parsed is not None:
        return parsed, False
    dates = resolve_explicit_dates(text)
    if not dates:
        return None, True
    return max(dates) + dt.timedelta(days=1), True


def parse_published(published: Optional[str]) -> Optional[dt.date]:
    """The calendar date of an ISO 8601 string as written (its own time zone)."""
    if not published:
        return None
    try:
        return dt.datetime.fromisoformat(published.strip().replace("Z", "+00:00")).date()
    except ValueError:
        match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", published)
        return dt.date(*map(int, match.groups())) if match else None


def resolve_explicit_dates(text: str) -> list[dt.date]:
    """Day-precision dates the text states, yearless ones completed with the year of
    the dated mentions, skipping dates announced for the future."""
    spans = sentence_spans(text)
    written = [d for d in find_explicit_dates(text) if d.day is not None and not _is_future(text, spans, d)]
    years = [d.year for d in written if d.year is not None]
    if not years:
        return []
    year = max(years)
    return [date for date in (_complete(d, year) for d in written) if date is not None]


def _is_future(text: str, spans: list[tuple[int, int]], date: ExplicitDate) -> bool:
    sentence_start, _ = find_sentence(spans, date.start)
    return bool(FUTURE_CUE.search(text, sentence_start, date.start))


def _complete(written: ExplicitDate, year: int) -> Optional[dt.date]:
    """The written date in its own year, or else in the year of the dated mentions;
    a stated weekday that disagrees moves it to the adjacent year where it agrees
    ("Tuesday, Dec. 29" in an article dated January)."""
    candidates = [written.year] if written.year else [year, year - 1, year + 1]
    for candidate in candidates:
        date = _safe_date(candidate, written.month, written.day)
        if date and (not written.weekday or weekday_agrees(date, written.weekday)):
            return date
    return _safe_date(candidates[0], written.month, written.day)


def _safe_date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
