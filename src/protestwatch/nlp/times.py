"""Time expressions in news text, resolved against a reference (publication) date.

A small grammar of regexes built from the tables in ``data/nlp`` (month and weekday
names, day words, calendar units, onset words, anchor events). Matches from all rules
are collected, overlaps are settled in favour of the longest, and each survivor is
resolved to a date, an optional end date and an ACLED-style precision.

Resolution rules, stated once:
- a date without a year takes the latest year that puts it no more than
  ``FUTURE_TOLERANCE_DAYS`` after the reference (news mostly reports the past);
- a bare weekday ("on Sunday") is the most recent such day up to the reference: wire copy
  names the day of publication for the same day's events ("last Sunday" on a Sunday is a
  week back);
- "ago" counts from the reference, "earlier"/"later"/"the next day" from the last
  dated expression before it in the article;
- "after the vote" counts from the date the article gives that event (or a synonym);
- "after two days of chaos" is the two days before the reference (kind "aftermath");
- "a day after" is anaphoric only on its own: before a clause it counts from an event
  whose day the text may not give;
- "since X" runs to the day before the reference.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Callable, Optional

from protestwatch.nlp.quantities import (
    NUMBER, SCALE_WORDS, UNIT_WORDS, build_alternation, parse_number, read_table, read_words,
    sentence_spans,
)

# How far after the reference a yearless date may fall before the previous year is
# taken instead; a month covers announced upcoming events without pulling last
# December's dates into next year.
FUTURE_TOLERANCE_DAYS = 31
# An open span ("since the strikes started") is only anchored by a dated event this
# close before the reference, so that background history ("in power since 1994") is not.
OPEN_SPAN_WINDOW_DAYS = 90
# Open spans up to this long are reported with week precision, longer ones with month.
WEEK_PRECISION_MAX_DAYS = 31


@dataclass
class TimeExpression:
    start: int
    end: int
    text: str
    date: Optional[dt.date]
    end_date: Optional[dt.date]
    precision: str
    kind: str


@dataclass
class ExplicitDate:
    """A calendar date as written, before any year is inferred (used by refdate)."""

    start: int
    end: int
    text: str
    year: Optional[int]
    month: int
    day: Optional[int]
    weekday: Optional[str]


# ---------------------------------------------------------------- vocabulary

def _names_with_abbreviations(table: str, value: str) -> dict[str, int]:
    names = {}
    for row in read_table(table):
        names[row["name"].lower()] = int(row[value])
        for abbreviation in row["abbreviations"].split():
            names[abbreviation.lower()] = int(row[value])
    return names


MONTH_NUMBERS = _names_with_abbreviations("months.csv", "number")
WEEKDAY_INDEX = _names_with_abbreviations("weekdays.csv", "index")
UNIT_DAYS = {row["word"]: int(row["days"]) for row in read_table("time_units.csv")}
UNSTATED_COUNT = 3  # "days of", "weeks of": a few
RELATIVE_DAYS = {row["phrase"]: (int(row["offset"]), row["anchor"]) for row in read_table("relative_days.csv")}
ANCHOR_GROUPS = {row["word"]: row["group"] for row in read_table("event_anchors.csv")}
_HOLIDAY_ROWS = read_table("holidays.csv")
HOLIDAYS = {row["name"].lower(): (int(row["month"]), int(row["day"])) for row in _HOLIDAY_ROWS}


def _onset_words(kind: str) -> list[str]:
    return [row["word"] for row in read_table("onset_words.csv") if row["kind"] == kind]


def _capitalised(words) -> str:
    # month and weekday names only count capitalised: "may" and "march" are verbs
    return build_alternation(word.capitalize() for word in words)


_FULL_MONTHS = [r["name"] for r in read_table("months.csv")]
_FULL_WEEKDAYS = [r["name"] for r in read_table("weekdays.csv")]
MONTH = rf"(?:(?:{_capitalised(_FULL_MONTHS)})\b|(?:{_capitalised(set(MONTH_NUMBERS) - {m.lower() for m in _FULL_MONTHS})})\b\.?)"
WEEKDAY_NAME = rf"(?:{_capitalised(_FULL_WEEKDAYS)})\b"
WEEKDAY = rf"(?:{WEEKDAY_NAME}|(?:{_capitalised(set(WEEKDAY_INDEX) - {w.lower() for w in _FULL_WEEKDAYS})})\b\.?)"
# A weekday between a determiner and a plural gathering noun names a weekly habit.
_HABIT_BEFORE = r"(?:(?<=[Tt]he )|(?<=[Tt]heir )|(?<=[Ii]ts )|(?<=[Ww]eekly ))"
_HABIT_NOUNS = r"(?:marches|protests|rallies|demonstrations|gatherings|vigils|sit-ins|strikes|prayers|sermons)"
DAY = r"(?:[0-3]?\d(?!\d)(?:st|nd|rd|th)?)"
YEAR = r"(?:(?:1[89]|20)\d\d)\b"
UNIT = rf"(?i:{build_alternation(UNIT_DAYS)})\b"
COUNT = rf"(?i:{NUMBER}|an?)"
RANGE_JOIN = r"\s*(?:[-–]|(?i:to|and|until|through|till))\s*"
_PERIOD_CUE_WORDS = ("in", "since", "during", "until", "by", "early", "late", "mid", "throughout", "of", "last")
PERIOD_CUE = rf"\b(?i:{'|'.join(_PERIOD_CUE_WORDS)})[\s-]+"
ANCHOR = (
    rf"(?:(?i:the)\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>(?i:{build_alternation(ANCHOR_GROUPS)}))\b"
    rf"|(?P<adate>{MONTH}\s+{DAY}|{DAY}\s+(?:of\s+)?{MONTH}))"
)
_PROTEST_NOUNS = rf"(?i:{build_alternation(_onset_words('noun'))})"

# (rule name, regex); a group named "core" narrows the span to the date words proper.
RULE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    ("range_dm", rf"(?:(?i:between|from)\s+)?\b(?P<d1>{DAY}){RANGE_JOIN}(?P<d2>{DAY})\s+(?:of\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR}))?"),
    ("range_md", rf"(?:(?i:between|from)\s+)?\b(?P<mon>{MONTH})\s+(?P<d1>{DAY}){RANGE_JOIN}(?:(?P<mon2>{MONTH})\s+)?(?P<d2>{DAY})(?:,?\s+(?P<y>{YEAR}))?"),
    # "Monday (7 August)": the weekday and the date it is
    ("date_dm", rf"(?:(?P<wd>{WEEKDAY}),?\s+\(?)?(?:the\s+)?\b(?P<d>{DAY})\s+(?:of\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR}))?"),
    ("date_md", rf"(?:(?P<wd>{WEEKDAY}),?\s+\(?)?\b(?P<mon>{MONTH})\s+(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?"),
    # "Thursday afternoon (8/10/2020)", "on 23.03.2023": day and month in digits
    ("numeric", rf"(?:(?P<wd>{WEEKDAY})(?:\s+(?i:morning|afternoon|evening|night))?,?\s+\(\s*)?"
                rf"(?<![\d/.])\b(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)\b(?![/.]\d)"),
    ("month_year", rf"\b(?P<mon>{MONTH}),?\s+(?P<y>{YEAR})"),
    # "in July and August 2021": both months are that year's
    ("month_range", rf"\b(?P<mon>{MONTH}){RANGE_JOIN}(?P<mon2>{MONTH}),?\s+(?P<y>{YEAR})"),
    # "in September last year", "March of this year"
    ("month_of_year", rf"\b(?P<mon>{MONTH})\s+(?:(?i:of)\s+)?(?P<which>(?i:last|this|the\s+previous))\s+(?i:year)\b"),
    ("month_alone", rf"{PERIOD_CUE}(?P<core>(?P<mon>{MONTH}))(?!\s*\d)"),
    ("year_alone", rf"{PERIOD_CUE}(?P<core>(?P<y>{YEAR}))(?![-–/,.]\d)"),
    # "the protests in Oromia between 2015 and 2018": years of background
    ("year_range", rf"\b(?i:between|from)\s+(?P<y>{YEAR})\s+(?i:and|to|until|through)\s+(?P<y2>{YEAR})\b"),
    ("relative_day", rf"\b(?i:{build_alternation(RELATIVE_DAYS)})\b"),
    # "blocked the road overnight", "overnight on Sunday": the night of the day last named; not
    # "an overnight raid", "an overnight curfew", which say when in a day it was
    ("overnight", r"\b(?i:overnight)(?=\s*[,.;:)]|\s*$|\s+(?i:on|in|into|and|to|at|near|outside|from|as|when|before|"
                  r"after|until|with|but|while|across|along|around|through|before|amid)\b)"),
    # "on Christmas Eve"; after a preposition, so that "Christmas shopping" dates nothing
    ("holiday", rf"\b(?i:on|at|over|since|before|after|until|by)\s+(?:(?i:the)\s+)?"
                rf"(?P<core>{build_alternation(row['name'] for row in _HOLIDAY_ROWS).replace(chr(39), '[' + chr(39) + '’]')})\b"
                # "before the Christmas season": weeks, not the day
                r"(?!\s+(?i:season|holidays?|period|break|rush))"),
    # "The Friday marches grew week by week": a weekly habit, not a day
    ("weekday", rf"(?<!(?i:next) )\b(?!{_HABIT_BEFORE}{WEEKDAY_NAME}\s+(?:[a-z]+\s+)?{_HABIT_NOUNS}\b)"
                rf"(?:(?i:last|this|past)\s+)?(?P<wd>{WEEKDAY_NAME})(?:\s+(?i:{build_alternation(read_words('day_parts.csv'))})\b)?"
                # "on Monday of last week", "Friday last week": that week's day
                rf"(?:\s+(?:(?i:of)\s+)?(?P<last_week>(?i:last|the\s+previous))\s+(?i:week)\b)?"),
    ("weekday_span", rf"\b(?i:from|between)\s+(?P<wd1>{WEEKDAY_NAME})\s+(?i:to|and|until|through|till)\s+(?P<wd2>{WEEKDAY_NAME})"),
    # "after a weekend of riots": the weekend just past, as "last weekend"
    ("weekend", r"\b(?i:last|this|past|over\s+the|the\s+past|a(?=\s+weekend\s+of\b))\s+(?i:weekend)\b"),
    ("week", r"\b(?P<which>(?i:last|this|the\s+past|the\s+previous))\s+(?i:week)\b"),
    ("month", r"\b(?P<which>(?i:last|this|earlier\s+this|the\s+past|the\s+previous))\s+(?i:month)\b"),
    ("year", r"\b(?P<which>(?i:last|this|earlier\s+this))\s+(?i:year)\b"),
    ("ago", rf"\b(?P<n>{COUNT})\s+(?P<unit>{UNIT})\s+(?i:ago)\b"),
    # "resumed on Wednesday after two days of chaos": the N days before the report
    ("days_of", rf"(?:(?<=(?i:after)\s)|(?<=(?i:following)\s)|(?<=(?i:followed)\s))(?:(?P<n>{COUNT})\s+)?(?P<unit>(?i:days|weeks))\s+(?i:of)\b"),
    # "two days later"; "a day after" only on its own ("a day after, police..."): before a
    # clause ("a day after gunmen attacked the camp") it dates the sentence from an event
    # whose day is not known.
    ("anaphoric", rf"\b(?P<n>{COUNT})\s+(?P<unit>{UNIT})\s+(?P<rel>(?i:earlier|later|previously)|(?i:before|after)(?=\s*[,.;:]|\s*$))\b"),
    ("point_anchor", rf"\b(?P<n>{COUNT})\s+(?P<unit>{UNIT})\s+(?P<rel>(?i:after|following|before))\s+{ANCHOR}"),
    ("span_anchor", rf"\b(?i:in|during|over|for|within)\s+the\s+(?:(?i:first|next|following)\s+)?(?P<n>{COUNT})\s+(?P<unit>{UNIT})\s+(?P<rel>(?i:after|following|since|before|preceding|leading\s+up\s+to))\s+{ANCHOR}"),
    ("since_onset", rf"\b(?i:since)\s+(?:(?i:the)\s+)?(?:[\w-]+\s+){{0,2}}?{_PROTEST_NOUNS}\s+(?:(?i:have|has|had)\s+)?(?i:{build_alternation(_onset_words('verb'))})\b"),
    ("since_start", rf"\b(?i:since)\s+(?i:the)\s+(?i:{build_alternation(_onset_words('onset'))})\s+of\s+(?:(?i:the)\s+)?(?:[\w-]+\s+){{0,2}}?{_PROTEST_NOUNS}"),
    ("since_anchor", rf"\b(?i:since)\s+(?P<anchor>(?i:the)\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>(?i:{build_alternation(ANCHOR_GROUPS)})))\b"),
)


def _initials(words, *, ignore_case: bool) -> str:
    """A character class of the first characters of words."""
    found = "".join(sorted({word[0] for word in words}))
    return f"(?i:[{re.escape(found)}])" if ignore_case else f"[{re.escape(found)}]"


# The characters a match of a rule can start with, read off the rule's first element (a
# day or a count starts with a digit; month and weekday names are capitalised). Checked
# as a lookahead, a wrong first character fails at once instead of after every
# alternative of the first element has been tried: 1.5-8x faster scans. (A class beats
# a trie of the first words here, unlike in quantities.QUANTITY.)
_MONTH_START = _initials([name.capitalize() for name in MONTH_NUMBERS], ignore_case=False)
_WEEKDAY_START = _initials([name.capitalize() for name in WEEKDAY_INDEX], ignore_case=False)
_COUNT_START = rf"\d|{_initials(['a', *UNIT_WORDS, *SCALE_WORDS], ignore_case=True)}"
_PERIOD_CUE_START = _initials(_PERIOD_CUE_WORDS, ignore_case=True)
RULE_STARTS = {
    "range_dm": r"(?i:[bf])|\d",                     # between, from, a day
    "range_md": rf"(?i:[bf])|{_MONTH_START}",
    "date_dm": rf"{_WEEKDAY_START}|t|\d",             # a weekday, "the", a day
    "date_md": rf"{_WEEKDAY_START}|{_MONTH_START}",
    "month_year": _MONTH_START,
    "month_range": _MONTH_START,
    "month_of_year": _MONTH_START,
    "month_alone": _PERIOD_CUE_START,
    "year_alone": _PERIOD_CUE_START,
    "year_range": r"(?i:[bf])",                       # between, from
    "relative_day": _initials(RELATIVE_DAYS, ignore_case=True),
    "overnight": r"(?i:o)",
    "holiday": r"(?i:[oasbu])",                       # on, at, over, since, before, after, until, by
    "weekday": rf"(?i:[ltp])|{_WEEKDAY_START}",        # last, this, past, a weekday
    "week": r"(?i:[lt])",                             # last, this, the
    "month": r"(?i:[lte])",                           # last, this, earlier, the
    "year": r"(?i:[lte])",                            # last, this, earlier
    "ago": _COUNT_START,
    "days_of": rf"{_COUNT_START}|(?i:[dw])",  # or "days of" alone
    "anaphoric": _COUNT_START,
    "point_anchor": _COUNT_START,
    "span_anchor": r"(?i:[idofw])",                   # in, during, over, for, within
}


def _compile_rule(name: str, pattern: str) -> re.Pattern:
    start = RULE_STARTS.get(name)
    return re.compile(rf"(?=(?:{start})){pattern}" if start else pattern)


RULES: tuple[tuple[str, re.Pattern], ...] = tuple(
    (name, _compile_rule(name, pattern)) for name, pattern in RULE_PATTERNS)
RULE_PRIORITY = {name: rank for rank, (name, _) in enumerate(RULES)}
EXPLICIT_RULES = ("iso", "numeric", "range_dm", "range_md", "date_dm", "date_md", "month_year")
# "In 2019, ...", "In January 2000, ...": a sentence that opens with its year sets the story's time.
NARRATIVE_YEAR = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?:In|During|By)\s+(?:(?i:early|late|mid)-?\s*)?(?:{MONTH}\s+)?"
                            rf"({YEAR})", re.M)
THAT_YEAR_AFTER = re.compile(r"\s+(?:of\s+)?(?:that|the\s+same)\s+year\b", re.I)
SINCE_BEFORE = re.compile(r"\b(?i:since)\s+$")

# Guards: a guard is a piece that every match of its rules contains, in the same
# context (the same flags, and lookarounds that the rule's own pattern implies), so a
# text the guard does not match cannot match the rule, and the rule's scan is skipped.
# They are much cheaper than the rules (most positions fail on their first character),
# and most texts name no month, weekday, "ago" or "N days after".
_MONTH_GUARD = re.compile(MONTH)
_WEEKDAY_GUARD = re.compile(WEEKDAY_NAME)
_SINCE_GUARD = re.compile(r"(?i:since)")
# "N days ago", "N days earlier", "N days after the vote": the unit follows a space.
_COUNTED_UNIT_GUARD = re.compile(
    rf"(?<=\s)(?:{UNIT})\s+(?i:ago|earlier|later|before|previously|after|following|since|preceding|leading)")
RULE_GUARDS: dict[str, re.Pattern] = {
    "range_dm": _MONTH_GUARD, "range_md": _MONTH_GUARD, "date_dm": _MONTH_GUARD,
    "date_md": _MONTH_GUARD, "month_year": _MONTH_GUARD, "month_alone": _MONTH_GUARD,
    "month_range": _MONTH_GUARD, "month_of_year": _MONTH_GUARD,
    "year_alone": re.compile(YEAR), "year_range": re.compile(YEAR),
    "weekday": _WEEKDAY_GUARD, "weekday_span": _WEEKDAY_GUARD,
    "weekend": re.compile(r"(?i:weekend)"),
    "ago": _COUNTED_UNIT_GUARD, "anaphoric": _COUNTED_UNIT_GUARD, "days_of": re.compile(r"(?i:s\s+of)\b"),
    "point_anchor": _COUNTED_UNIT_GUARD, "span_anchor": _COUNTED_UNIT_GUARD,
    "since_onset": _SINCE_GUARD, "since_start": _SINCE_GUARD, "since_anchor": _SINCE_GUARD,
}


# ---------------------------------------------------------------- matching

def _collect_matches(text: str, names: Optional[tuple[str, ...]] = None) -> list[tuple[str, re.Match]]:
    """Non-overlapping rule matches in text order; the longest match wins a clash,
    the earlier rule a tie."""
    found = [(name, m, _span(m)) for name, rule in _rules_that_may_match(text, names)
             for m in rule.finditer(text)]
    found.sort(key=lambda item: (-(item[2][1] - item[2][0]), RULE_PRIORITY[item[0]]))
    chosen: list[tuple[str, re.Match, tuple[int, int]]] = []
    for name, match, (start, end) in found:
        if name == "date_md" and _is_inside_a_name(text, start, end):
            continue
        if all(end <= taken_start or start >= taken_end for _, _, (taken_start, taken_end) in chosen):
            chosen.append((name, match, (start, end)))
    return [(name, match) for name, match, _ in sorted(chosen, key=lambda item: item[2][0])]


def _is_inside_a_name(text: str, start: int, end: int) -> bool:
    """"the 1 Million March 4 Children rallies": a month and a day between capitalised words,
    mid-sentence, belong to a name."""
    return (NAME_WORD_BEFORE.search(text, max(0, start - 30), start) is not None
            and NAME_WORD_AFTER.match(text, end) is not None)


def _rules_that_may_match(text: str, names: Optional[tuple[str, ...]]) -> list[tuple[str, re.Pattern]]:
    """The rules (of ``names``, default all) whose guard, if any, matches text; each
    guard is searched at most once."""
    guard_found: dict[re.Pattern, bool] = {}
    rules = []
    for name, rule in RULES:
        if names is not None and name not in names:
            continue
        guard = RULE_GUARDS.get(name)
        if guard is not None and guard not in guard_found:
            guard_found[guard] = guard.search(text) is not None
        if guard is None or guard_found[guard]:
            rules.append((name, rule))
    return rules


def _span(match: re.Match) -> tuple[int, int]:
    if "core" in match.re.groupindex and match.group("core"):
        return match.span("core")
    return match.span()


@dataclass
class _Context:
    text: str
    reference: dt.date
    explicit: list[TimeExpression] = field(default_factory=list)
    previous: Optional[dt.date] = None
    # the last day-precision one: "in June" names no day that "the next day" can follow
    previous_day: Optional[dt.date] = None


# A capitalised word right before a month (not opening a sentence), and one right after its day.
NAME_WORD_BEFORE = re.compile(r"(?<=[\w,] )[A-Z][\w'’]*\s+$")
NAME_WORD_AFTER = re.compile(r"\s+[A-Z][a-z]")
# "shortly after 1:00 am (2200 GMT Wednesday)": the same moment in another time zone, whose
# day is not the day of what the sentence tells.
CLOCK_CONVERSION = re.compile(
    r"\(\s*\d{1,2}[:.]?\d{2}(?:\s*[ap]\.?m\.?)?\s*(?:GMT|UTC|ET|EST|EDT|CET|CEST|BST)\b[^()]{0,30}\)")


# A short line in capitals: a live blog's day heading ("THURSDAY, OCTOBER 20"), read in title case.
CAPITALS_LINE = re.compile(r"(?m)^(?=[^\n]*[A-Z]{3})(?:[^\S\n]*[A-Z0-9.,:'’-]+){1,6}[^\S\n]*$")


def _title_case_capitals_lines(text: str) -> str:
    """``text`` with its short lines in capitals title-cased (same length, same offsets)."""
    return CAPITALS_LINE.sub(lambda line: line.group(0).title(), text)


def find_time_expressions(text: str, reference: dt.date) -> list[TimeExpression]:
    """Every time expression in text, resolved against reference, sorted by start."""
    text = _title_case_capitals_lines(text)
    conversions = [m.span() for m in CLOCK_CONVERSION.finditer(text)]
    matches = [(name, m) for name, m in _collect_matches(text)
               if not any(start <= m.start() < end for start, end in conversions)]
    context = _Context(text, reference)
    context.explicit = [e for e in (_resolve(n, m, context) for n, m in matches if n in EXPLICIT_RULES) if e]
    expressions = []
    for name, match in matches:
        expression = _resolve(name, match, context)
        if expression is None:
            continue
        expression = _apply_since(text, expression, reference)
        expressions.append(expression)
        if expression.date is not None and expression.kind != "since":
            context.previous = expression.date
            if expression.precision == "day":
                context.previous_day = expression.date
    return expressions


def _resolve(name: str, match: re.Match, context: _Context) -> Optional[TimeExpression]:
    start, end = _span(match)
    try:
        resolved = RESOLVERS[name](match, context)
    except ValueError:  # impossible dates such as "31 June"
        return None
    if resolved is None:
        return None
    date, end_date, precision, kind = resolved
    return TimeExpression(start, end, context.text[start:end], date, end_date, precision, kind)


def _apply_since(text: str, expression: TimeExpression, reference: dt.date) -> TimeExpression:
    """"since March", "since Sunday": an open span from that date to yesterday."""
    before = _since_before(text, expression.start)
    if not before or expression.kind == "since":
        return expression
    return replace(expression, start=before.start(), text=text[before.start():expression.end],
                   end_date=reference - dt.timedelta(days=1), kind="since")


def _since_before(text: str, start: int) -> Optional[re.Match]:
    """SINCE_BEFORE's match ending at start: "since" can only end where the whitespace
    before start begins, so the search starts there instead of at the text's start."""
    word_end = start
    while word_end > 0 and text[word_end - 1].isspace():
        word_end -= 1
    if word_end == start:
        return None
    return SINCE_BEFORE.search(text, max(0, word_end - len("since")), start)


# ---------------------------------------------------------------- calendar helpers

def choose_year(month: int, day: int, reference: dt.date) -> dt.date:
    """The yearless date nearest the reference and not much after it."""
    limit = reference + dt.timedelta(days=FUTURE_TOLERANCE_DAYS)
    for year in (reference.year + 1, reference.year, reference.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= limit:
            return candidate
    raise ValueError(f"no year for {month}-{day}")


def previous_weekday(index: int, before: dt.date) -> dt.date:
    """The most recent day with this weekday index strictly before `before`."""
    return before - dt.timedelta(days=(before.weekday() - index) % 7 or 7)


def weekday_agrees(date: dt.date, weekday_name: str) -> bool:
    """Whether date falls on the named weekday ("Sunday", "Sun.")."""
    index = WEEKDAY_INDEX.get(weekday_name.lower().rstrip("."))
    return index is not None and date.weekday() == index


def _month_number(name: str) -> int:
    """1-12 for a month's name or abbreviation as written ("Sept.", "August")."""
    return MONTH_NUMBERS[name.rstrip(".").lower()]


def _month_end(date: dt.date) -> dt.date:
    following = date.replace(day=28) + dt.timedelta(days=4)
    return following - dt.timedelta(days=following.day)


def _day_number(token: str) -> int:
    return int(re.match(r"\d+", token).group(0))


def _calendar_date(year: Optional[str], month: int, day: int, reference: dt.date) -> dt.date:
    return dt.date(int(year), month, day) if year else choose_year(month, day, reference)


def _count_days(match: re.Match) -> int:
    count = match.group("n").lower()
    number = 1 if count in ("a", "an") else parse_number(count)
    if number is None:
        raise ValueError(count)
    return number * UNIT_DAYS[match.group("unit").lower()]


def _unit_precision(unit: str) -> str:
    days = UNIT_DAYS[unit.lower()]
    return {1: "day", 7: "week", 30: "month"}.get(days, "year")


# ---------------------------------------------------------------- resolvers
# Each returns (date, end_date, precision, kind) or None.

Resolved = Optional[tuple[Optional[dt.date], Optional[dt.date], str, str]]


def _resolve_iso(match: re.Match, context: _Context) -> Resolved:
    return dt.date(int(match["y"]), int(match["m"]), int(match["d"])), None, "day", "absolute"


def numeric_month_day(first: int, second: int, year: int, weekday: Optional[str]) -> Optional[tuple[int, int]]:
    """(month, day) of a date written in digits: a number above 12 is the day; otherwise the
    reading that falls on the stated weekday; otherwise day first, as most of the world
    writes it (American news spells its months out)."""
    readings = [(second, first), (first, second)]  # day first, then month first
    valid = [(m, d) for m, d in readings if 1 <= m <= 12 and safe_date(year, m, d)]
    if weekday:
        agreeing = [(m, d) for m, d in valid if weekday_agrees(dt.date(year, m, d), weekday)]
        valid = agreeing or valid
    return valid[0] if valid else None


def safe_date(year: int, month: int, day: int) -> Optional[dt.date]:
    """The date, or None where the calendar has no such day ("31 June")."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve_numeric(match: re.Match, context: _Context) -> Resolved:
    year = int(match["y"])
    month_day = numeric_month_day(int(match["a"]), int(match["b"]), year, match["wd"])
    return (dt.date(year, *month_day), None, "day", "absolute") if month_day else None


def _resolve_date(match: re.Match, context: _Context) -> Resolved:
    month = _month_number(match["mon"])
    if not match["y"] and context.previous and THAT_YEAR_AFTER.match(context.text, match.end()):
        # "in 2018 ... on Aug. 1 that year": the year last named
        return dt.date(context.previous.year, month, _day_number(match["d"])), None, "day", "absolute"
    year = match["y"] or _narrative_year(context, match.start(), month, _day_number(match["d"]))
    date = _calendar_date(year, month, _day_number(match["d"]), context.reference)
    return date, None, "day", "absolute"


def _narrative_year(context: _Context, position: int, month: int, day: int) -> Optional[str]:
    """The year a paragraph's story is set in, for a yearless date in it: "In January 2000, ...
    protesters occupied Congress on Jan. 21" is 2000's. The year of the last sentence before
    the date in its paragraph that opens with one ("In 2019, ..."), unless that puts the date
    after the reference date; a year in passing ("oust Mugabe in November 2017") sets nothing."""
    paragraph_start = context.text.rfind("\n", 0, position) + 1
    years = NARRATIVE_YEAR.findall(context.text, paragraph_start, position)
    if not years:
        return None
    try:
        date = dt.date(int(years[-1]), month, day)
    except ValueError:
        return None
    return years[-1] if date <= context.reference else None


def _resolve_range(match: re.Match, context: _Context) -> Resolved:
    month = _month_number(match["mon"])
    groups = match.groupdict()
    end_month = _month_number(groups["mon2"]) if groups.get("mon2") else month
    start = _calendar_date(match["y"], month, _day_number(match["d1"]), context.reference)
    end = _calendar_date(match["y"], end_month, _day_number(match["d2"]), context.reference)
    if end <= start:  # "March 9 and 2,000 people" is no range
        return None
    return start, end, "day", "span"


def _resolve_month(match: re.Match, context: _Context) -> Resolved:
    month = _month_number(match["mon"])
    groups = match.groupdict()
    start = _calendar_date(groups.get("y"), month, 1, context.reference)
    return start, _month_end(start), "month", "absolute"


def _resolve_month_range(match: re.Match, context: _Context) -> Resolved:
    year = int(match["y"])
    start = dt.date(year, _month_number(match["mon"]), 1)
    end = _month_end(dt.date(year, _month_number(match["mon2"]), 1))
    if end <= start:
        raise ValueError("a range that ends before it starts")
    return start, end, "month", "span"


def _resolve_month_of_year(match: re.Match, context: _Context) -> Resolved:
    said_last = match["which"].lower() != "this"
    year = context.reference.year - 1 if said_last else context.reference.year
    start = dt.date(year, _month_number(match["mon"]), 1)
    return start, _month_end(start), "month", "absolute"


def _resolve_year_range(match: re.Match, context: _Context) -> Resolved:
    first, last = int(match["y"]), int(match["y2"])
    if last < first:
        raise ValueError("a range that ends before it starts")
    return dt.date(first, 1, 1), dt.date(last, 12, 31), "year", "span"


def _resolve_year(match: re.Match, context: _Context) -> Resolved:
    year = int(match["y"])
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", "absolute"


# "detained during the day after they tried to block roads": "after" opens a clause, no day.
CLAUSE_START_AFTER = re.compile(r"\s+(?:they|he|she|it|we|you|i|the|a|an|his|her|their|its|police|protesters)\b", re.I)


def _resolve_relative_day(match: re.Match, context: _Context) -> Resolved:
    said = " ".join(match.group(0).lower().split())
    if said.endswith(("after", "before")) and CLAUSE_START_AFTER.match(context.text, match.end()):
        return None
    offset, anchor = RELATIVE_DAYS[said]
    base = context.previous_day if anchor == "previous" and context.previous_day else context.reference
    return base + dt.timedelta(days=offset), None, "day", "relative"


def _resolve_overnight(match: re.Match, context: _Context) -> Resolved:
    # the night of the day the text has got to ("29 June ... soldiers, deployed overnight"),
    # else the report's
    return context.previous_day or context.reference, None, "day", "relative"


def _resolve_holiday(match: re.Match, context: _Context) -> Resolved:
    month, day = HOLIDAYS[" ".join(match["core"].lower().replace("’", "'").split())]
    return choose_year(month, day, context.reference), None, "day", "absolute"


def _resolve_weekday(match: re.Match, context: _Context) -> Resolved:
    index = WEEKDAY_INDEX[match["wd"].lower()]
    if match["last_week"]:
        monday = context.reference - dt.timedelta(days=context.reference.weekday())
        return monday - dt.timedelta(days=7 - index), None, "day", "weekday"
    said_last = re.match(r"(?i)(?:last|past)\s", match.group(0))
    if index == context.reference.weekday() and not said_last:
        return context.reference, None, "day", "weekday"  # wire style: "on Tuesday" in Tuesday's copy is today
    return previous_weekday(index, context.reference), None, "day", "weekday"


def _resolve_weekday_span(match: re.Match, context: _Context) -> Resolved:
    # "the night from Thursday to Friday" in Friday's copy ends today, as "on Friday" does
    last = WEEKDAY_INDEX[match["wd2"].lower()]
    end = context.reference if last == context.reference.weekday() else previous_weekday(last, context.reference)
    start = previous_weekday(WEEKDAY_INDEX[match["wd1"].lower()], end + dt.timedelta(days=1))
    return start, end, "day", "span"


def _resolve_weekend(match: re.Match, context: _Context) -> Resolved:
    reference = context.reference
    said = match.group(0).lower()
    if reference.weekday() >= 5 and not said.startswith(("last", "a ")):
        # "over the weekend", written on a Saturday or Sunday: the weekend under way
        return reference - dt.timedelta(days=reference.weekday() - 5), reference, "day", "relative"
    sunday = previous_weekday(6, reference)
    return sunday - dt.timedelta(days=1), sunday, "day", "relative"


def _resolve_week(match: re.Match, context: _Context) -> Resolved:
    reference, which = context.reference, " ".join(match["which"].lower().split())
    monday = reference - dt.timedelta(days=reference.weekday())
    if which == "this":
        return monday, reference, "week", "relative"
    if which == "last":
        return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1), "week", "relative"
    return reference - dt.timedelta(days=7), reference - dt.timedelta(days=1), "week", "relative"


def _resolve_month_relative(match: re.Match, context: _Context) -> Resolved:
    reference, which = context.reference, " ".join(match["which"].lower().split())
    first = reference.replace(day=1)
    if which == "last":
        previous = (first - dt.timedelta(days=1)).replace(day=1)
        return previous, _month_end(previous), "month", "relative"
    if which in ("the past", "the previous"):
        return reference - dt.timedelta(days=30), reference - dt.timedelta(days=1), "month", "relative"
    return first, max(first, reference - dt.timedelta(days=1)), "month", "relative"


def _resolve_year_relative(match: re.Match, context: _Context) -> Resolved:
    reference, which = context.reference, " ".join(match["which"].lower().split())
    if which == "last":
        return dt.date(reference.year - 1, 1, 1), dt.date(reference.year - 1, 12, 31), "year", "relative"
    first = dt.date(reference.year, 1, 1)
    return first, max(first, reference - dt.timedelta(days=1)), "year", "relative"


def _resolve_ago(match: re.Match, context: _Context) -> Resolved:
    date = context.reference - dt.timedelta(days=_count_days(match))
    return date, None, _unit_precision(match["unit"]), "relative"


def _resolve_days_of(match: re.Match, context: _Context) -> Resolved:
    # "after days of fighting": a few of them
    days = _count_days(match) if match["n"] else UNSTATED_COUNT * UNIT_DAYS[match["unit"].lower()]
    return context.reference - dt.timedelta(days=days), context.reference - dt.timedelta(days=1), "day", "aftermath"


def _resolve_anaphoric(match: re.Match, context: _Context) -> Resolved:
    base = context.previous or context.reference
    sign = 1 if match["rel"].lower() in ("later", "after") else -1
    date = base + dt.timedelta(days=sign * _count_days(match))
    return date, None, _unit_precision(match["unit"]), "relative"


def _resolve_point_anchor(match: re.Match, context: _Context) -> Resolved:
    anchor = find_anchor_date(match, context)
    if anchor is None:
        return None, None, "day", "relative"
    sign = -1 if match["rel"].lower() == "before" else 1
    return anchor + dt.timedelta(days=sign * _count_days(match)), None, "day", "relative"


def _resolve_span_anchor(match: re.Match, context: _Context) -> Resolved:
    anchor, days = find_anchor_date(match, context), _count_days(match)
    if anchor is None:
        return None, None, "day", "span"
    one = dt.timedelta(days=1)
    if match["rel"].lower() in ("after", "following", "since"):
        return anchor + one, anchor + dt.timedelta(days=days), "day", "span"
    return anchor - dt.timedelta(days=days), anchor - one, "day", "span"


def _resolve_since_onset(match: re.Match, context: _Context) -> Resolved:
    return None, context.reference - dt.timedelta(days=1), "month", "since"


def _resolve_since_anchor(match: re.Match, context: _Context) -> Resolved:
    anchor = find_anchor_date(match, context)
    return anchor, context.reference - dt.timedelta(days=1), "day" if anchor else "month", "since"


RESOLVERS: dict[str, Callable[[re.Match, _Context], Resolved]] = {
    "iso": _resolve_iso, "numeric": _resolve_numeric, "range_dm": _resolve_range, "range_md": _resolve_range,
    "date_dm": _resolve_date, "date_md": _resolve_date, "month_year": _resolve_month,
    "month_range": _resolve_month_range, "month_of_year": _resolve_month_of_year,
    "month_alone": _resolve_month, "year_alone": _resolve_year, "year_range": _resolve_year_range,
    "relative_day": _resolve_relative_day, "holiday": _resolve_holiday, "overnight": _resolve_overnight, "weekday": _resolve_weekday,
    "weekday_span": _resolve_weekday_span, "weekend": _resolve_weekend, "week": _resolve_week,
    "month": _resolve_month_relative, "year": _resolve_year_relative, "ago": _resolve_ago,
    "days_of": _resolve_days_of, "anaphoric": _resolve_anaphoric, "point_anchor": _resolve_point_anchor,
    "span_anchor": _resolve_span_anchor, "since_onset": _resolve_since_onset,
    "since_start": _resolve_since_onset, "since_anchor": _resolve_since_anchor,
}


# ---------------------------------------------------------------- anchors

def find_anchor_date(match: re.Match, context: _Context) -> Optional[dt.date]:
    """The date of the event a span counts from: a date written in the anchor itself,
    else the explicit date nearest a mention of the event (or a synonym) elsewhere."""
    inside = [e for e in context.explicit if match.start() <= e.start and e.end <= match.end()]
    if inside:
        return inside[0].date
    noun = match.groupdict().get("noun")
    if not noun:
        return None
    return _find_event_date(noun.lower(), context)


def _find_event_date(noun: str, context: _Context) -> Optional[dt.date]:
    group = ANCHOR_GROUPS.get(noun)
    words = [word for word, g in ANCHOR_GROUPS.items() if g == group]
    mention = re.compile(rf"\b(?i:{build_alternation(words)})\b")
    for start, end in sentence_spans(context.text):
        hit = mention.search(context.text, start, end)
        dated = [e for e in context.explicit if start <= e.start < end and e.precision == "day"]
        if hit and dated:
            return min(dated, key=lambda e: abs(e.start - hit.start())).date
    return None


# ---------------------------------------------------------------- open spans

def resolve_open_spans(expressions: list[TimeExpression], reference: dt.date) -> list[TimeExpression]:
    """Anchor undated "since the unrest erupted" spans at the earliest explicit date
    the article gives within OPEN_SPAN_WINDOW_DAYS before the reference."""
    window = reference - dt.timedelta(days=OPEN_SPAN_WINDOW_DAYS)
    dated = [e.date for e in expressions
             if e.kind in ("absolute", "span") and e.precision == "day" and e.date
             and window <= e.date < reference]
    if not dated:
        return list(expressions)
    start = min(dated)
    return [_anchor_open_span(e, start, reference) if e.kind == "since" and e.date is None else e
            for e in expressions]


def _anchor_open_span(expression: TimeExpression, start: dt.date, reference: dt.date) -> TimeExpression:
    end = expression.end_date or reference - dt.timedelta(days=1)
    precision = "week" if (end - start).days <= WEEK_PRECISION_MAX_DAYS else "month"
    return replace(expression, date=start, end_date=end, precision=precision)


# ---------------------------------------------------------------- explicit dates

def find_explicit_dates(text: str) -> list[ExplicitDate]:
    """Calendar dates as written (year may be missing), for inferring the reference."""
    dates = []
    for name, match in _collect_matches(text, EXPLICIT_RULES):
        groups = match.groupdict()
        if name == "iso":
            month, day = int(groups["m"]), int(groups["d"])
        elif name == "numeric":
            month_day = numeric_month_day(int(groups["a"]), int(groups["b"]), int(groups["y"]), groups.get("wd"))
            if month_day is None:
                continue
            month, day = month_day
        else:
            month = _month_number(groups.get("mon2") or groups["mon"])
            day_token = groups.get("d2") or groups.get("d")
            day = _day_number(day_token) if day_token else None
        year = int(groups["y"]) if groups.get("y") else None
        dates.append(ExplicitDate(match.start(), match.end(), match.group(0), year, month, day, groups.get("wd")))
    return dates
