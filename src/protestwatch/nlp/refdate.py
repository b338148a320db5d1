"""The reference date an article's relative times are resolved against.

The publication date when the input gives one; otherwise a date inferred from the text
(EVENTS.md: "infer a reference date from the text itself (explicit dates, captions) and
say so"). A wire dateline ("NAIROBI, June 26 (Agency) -") is the day of writing; without
one, news is usually published the day after the latest dated event it reports, so the
inferred reference is the day after the latest explicit calendar date.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Iterator, Optional

from protestwatch.nlp.quantities import build_alternation, find_sentence, read_words, sentence_spans
from protestwatch.nlp.times import ExplicitDate, find_explicit_dates, find_time_expressions, safe_date, weekday_agrees

# "a march is planned for May 3": such a date says nothing about when the text was written
FUTURE_CUE = re.compile(rf"\b(?i:{build_alternation(read_words('future_cues.csv'))})\b")
PAST_VERB = re.compile(r"\b(?:began|started|erupted|broke\s+out|ended|was|were|took\s+place|happened|occurred|"
                       r"died|killed|marched|gathered|arrested|detained)\b")
# What a dateline puts before its date, from the start of a line: the place in capitals,
# perhaps followed by its region or country ("JOS, Nigeria, ").
DATELINE_PLACE = re.compile(r"[A-Z][A-Z'’.\- ]{1,40}(?:,\s*[A-Z][A-Za-z'’.\- ]{1,30})?,\s*")
DATELINE_LINES = 3
# A paragraph that ends like a sentence, not like a headline.
HEADLINE_END = re.compile(r"[.!?:;\"”’)]$")
# A year written on its own ("the 2019 budget", "fees for 2017"): which of a weekday's years it is.
BARE_YEAR = re.compile(r"(?<![\d./-])((?:19[5-9]|20\d)\d)(?!\d)")
# A season across two years ("2015-16", "2019/2020"): both its years are named.
SEASON_YEARS = re.compile(r"(?<![\d./-])((?:19[5-9]|20\d)\d)[-–/]((?:19|20)?\d\d)(?![\d./-])")
WEEKDAY_CYCLE_YEARS = 28
# A weekday the text names that would fall this far before its latest stated date is taken
# to be later in that week ("Monday, August 21" ... "on Wednesday"), if a reference allows it.
STRAY_WEEKDAY_DAYS = dt.timedelta(days=3)
# A lead runs to its first paragraph's end, or this far into a text without paragraphs;
# a shorter paragraph ("(Translated from Nepali)", "Updated 14:05.") is not the lead.
LEAD_MAX_CHARS = 600
LEAD_MIN_WORDS = 8
# How far back a yearless date without a weekday is looked for.
RECENT_YEARS = 8


def infer_reference_date(text: str, published: Optional[str],
                         today: Optional[dt.date] = None) -> tuple[Optional[dt.date], bool]:
    """(reference date, inferred?).

    A parseable ``published`` (``YYYY-MM-DD`` or full ISO 8601) wins, with
    inferred=False. Otherwise, with inferred=True, the date of a dateline, else the day
    after the latest explicit date in the text. Dates written without a year take the
    year of the text's dated mentions; when it has none, and only when ``today`` is
    given, the year a stated weekday pins ("Monday 14 August"; of its years, one the text
    names on its own), else their latest occurrence not after ``today``. With no
    day-precision date to go on, returns (None, True): the caller decides the fallback.
    """
    parsed = parse_published(published)
    if parsed is not None:
        return parsed, False
    dates = resolve_explicit_dates(text, today=today)
    if not dates:
        return None, True
    first_written, first_date = dates[0]
    if _is_dateline(text, first_written):
        return first_date, True
    return _cover_weekdays(text, max(date for _, date in dates)), True


def _cover_weekdays(text: str, latest: dt.date) -> dt.date:
    """The day after the latest stated date, or a later day of that week when days the lead
    names by weekday alone would otherwise fall a week before it ("Monday, August 21" in a
    caption and "a third straight day on Wednesday": written on Wednesday the 23rd)."""
    weekdays = _lead_weekdays(text, latest)
    best, fewest = latest + dt.timedelta(days=1), None
    for offset in range(1, 7):
        candidate = latest + dt.timedelta(days=offset)
        stray = sum(1 for weekday in weekdays
                    if candidate - dt.timedelta(days=(candidate.weekday() - weekday) % 7) < latest - STRAY_WEEKDAY_DAYS)
        if fewest is None or stray < fewest:
            best, fewest = candidate, stray
    return best


def _lead_weekdays(text: str, reference: dt.date, spans: Optional[list[tuple[int, int]]] = None) -> list[int]:
    """The weekdays (Monday = 0) the lead names on their own, not those announced for later;
    which day each is does not depend on ``reference``."""
    lead = text[:min(_lead_end(text), LEAD_MAX_CHARS)]
    named = [e for e in find_time_expressions(lead, reference) if e.kind == "weekday" and e.date is not None]
    if named and spans is None:
        spans = sentence_spans(text)
    return [e.date.weekday() for e in named if not _is_future(text, spans, e)]


def _lead_end(text: str) -> int:
    """Where the lead ends: the first paragraph that is a sentence (not a headline), which
    tells the newest events."""
    position = 0
    for paragraph in text.split("\n\n"):
        position += len(paragraph) + 2
        if HEADLINE_END.search(paragraph.strip()) and len(paragraph.split()) >= LEAD_MIN_WORDS:
            return position
    return len(text)


def _is_dateline(text: str, written: ExplicitDate) -> bool:
    line_start = text.rfind("\n", 0, written.start) + 1
    if text.count("\n", 0, line_start) >= DATELINE_LINES:
        return False
    return DATELINE_PLACE.fullmatch(text, line_start, written.start) is not None


def parse_published(published: Optional[str]) -> Optional[dt.date]:
    """The calendar date of an ISO 8601 string as written (its own time zone)."""
    if not published:
        return None
    try:
        return dt.datetime.fromisoformat(published.strip().replace("Z", "+00:00")).date()
    except ValueError:
        match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", published)
        return dt.date(*map(int, match.groups())) if match else None


def resolve_explicit_dates(text: str, *, today: Optional[dt.date] = None) -> list[tuple[ExplicitDate, dt.date]]:
    """Day-precision dates the text states, in text order, each with its calendar date,
    skipping dates announced for the future (see ``infer_reference_date`` for the year)."""
    spans = sentence_spans(text)
    written = [d for d in find_explicit_dates(text) if d.day is not None and not _is_future(text, spans, d)]
    years = [d.year for d in written if d.year is not None]
    if not years and today is not None:
        # "Monday 14 August" pins its year to one of a few; the text's other dates share it
        named = set(map(int, BARE_YEAR.findall(text))) | _second_years_of_seasons(text)
        years = [year for year in (_pinned_year(d, today, named) for d in written if d.weekday) if year]
        if not years:
            years = _years_of_lead_weekdays(text, spans, written, today, named)
    if years:
        complete = functools.partial(_complete, year=max(years))
    elif today is not None:
        complete = functools.partial(_complete_before, today=today)
    else:
        return []
    return [(d, date) for d, date in ((d, complete(d)) for d in written) if date is not None]


def _second_years_of_seasons(text: str) -> set[int]:
    """"the 2015-16 season", "the 2019/20 budget": the season's second year, named too."""
    return {int(first[:2] + second) if len(second) == 2 else int(second)
            for first, second in SEASON_YEARS.findall(text)}


def _is_future(text: str, spans: list[tuple[int, int]], date: ExplicitDate) -> bool:
    """A date announced for later ("will march on Friday, May 3"); not one a past verb after
    the cue tells ("I will summarise the situation since the strike began on Wednesday, April 28")."""
    sentence_start, _ = find_sentence(spans, date.start)
    cues = list(FUTURE_CUE.finditer(text, sentence_start, date.start))
    return bool(cues) and not PAST_VERB.search(text, cues[-1].end(), date.start)


def _complete(written: ExplicitDate, year: int) -> Optional[dt.date]:
    """The written date in its own year, or else in the year of the dated mentions;
    a stated weekday that disagrees moves it to the adjacent year where it agrees
    ("Tuesday, Dec. 29" in an article dated January)."""
    candidates = [written.year] if written.year else [year, year - 1, year + 1]
    for candidate in candidates:
        date = safe_date(candidate, written.month, written.day)
        if date and (not written.weekday or weekday_agrees(date, written.weekday)):
            return date
    return safe_date(candidates[0], written.month, written.day)


def _pinned_year(written: ExplicitDate, today: dt.date, named: set[int]) -> Optional[int]:
    """The year, not after ``today``, in which a yearless date falls on its stated weekday:
    one the text names on its own ("the 2019 budget"), else the latest. A weekday repeats
    its date within 11 years, so the search goes back one full cycle of 28."""
    years = [date.year for date in _occurrences_before(written, today, WEEKDAY_CYCLE_YEARS)]
    return next((year for year in years if year in named), years[0] if years else None)


def _years_of_lead_weekdays(text: str, spans: list[tuple[int, int]], written: list[ExplicitDate],
                            today: dt.date, named: set[int]) -> list[int]:
    """"Clashed with police on Thursday" in the lead and "23 November" in a caption below it:
    the year, not after ``today``, in which the yearless date falls on a weekday the lead
    names (one the text names on its own, else the latest); empty when no year fits."""
    weekdays = set(_lead_weekdays(text, today, spans))
    if not weekdays:
        return []
    lead_end = min(_lead_end(text), LEAD_MAX_CHARS)
    for date_written in (d for d in written if d.start >= lead_end):
        years = [date.year for date in _occurrences_before(date_written, today, WEEKDAY_CYCLE_YEARS)
                 if date.weekday() in weekdays]
        if years:
            return [next((year for year in years if year in named), years[0])]
    return []


def _complete_before(written: ExplicitDate, today: dt.date) -> Optional[dt.date]:
    """The latest occurrence of a yearless date not after ``today`` (on its weekday, if stated)."""
    return next(_occurrences_before(written, today, RECENT_YEARS), None)


def _occurrences_before(written: ExplicitDate, today: dt.date, years_back: int) -> Iterator[dt.date]:
    """The written date in each of the ``years_back`` years up to ``today``'s, latest first, not
    after ``today`` and on its weekday, if stated."""
    for year in range(today.year, today.year - years_back, -1):
        date = safe_date(written.year or year, written.month, written.day)
        if date and date <= today and (not written.weekday or weekday_agrees(date, written.weekday)):
            yield date

