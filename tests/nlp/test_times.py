"""Time expressions resolved against a reference date (all references invented)."""
import datetime as dt

import pytest

from protestwatch.nlp.times import (
    TimeExpression, find_explicit_dates, find_time_expressions, resolve_open_spans,
    weekday_agrees,
)

D = dt.date
# A Wednesday.
REF = D(2021, 3, 17)


def _only(text, reference=REF):
    found = find_time_expressions(text, reference)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text,phrase,date,precision", [
    ("Crowds gathered on Mar. 14 in the city.", "Mar. 14", D(2021, 3, 14), "day"),
    ("Crowds gathered on March 14 in the city.", "March 14", D(2021, 3, 14), "day"),
    ("Crowds gathered on March 14th.", "March 14th", D(2021, 3, 14), "day"),
    ("Crowds gathered on 14 March 2019.", "14 March 2019", D(2019, 3, 14), "day"),
    ("Crowds gathered on 1 March 2020 downtown.", "1 March 2020", D(2020, 3, 1), "day"),
    ("Crowds gathered on March 14, 2019.", "March 14, 2019", D(2019, 3, 14), "day"),
    ("Crowds gathered on 2019-03-14.", "2019-03-14", D(2019, 3, 14), "day"),
    ("Crowds gathered on Sunday, Mar. 14.", "Sunday, Mar. 14", D(2021, 3, 14), "day"),
    ("Strikes spread in June 2020.", "June 2020", D(2020, 6, 1), "month"),
    ("Strikes spread in 2019.", "2019", D(2019, 1, 1), "year"),
])
def test_times_absolute_dates(text, phrase, date, precision):
    found = _only(text)
    assert (found.text, found.date, found.precision, found.kind) == (phrase, date, precision, "absolute")
    assert text[found.start:found.end] == phrase


@pytest.mark.parametrize("text, phrase, date, end_date", [
    ("He was arrested in September last year.", "September last year", D(2020, 9, 1), D(2020, 9, 30)),
    ("He was arrested in March of this year.", "March of this year", D(2021, 3, 1), D(2021, 3, 31)),
    # both months are the year's that follows them
    ("Killings in July and August 2019 shook the region.", "July and August 2019", D(2019, 7, 1), D(2019, 8, 31)),
])
def test_times_month_with_its_year_said_after_it(text, phrase, date, end_date):
    found = _only(text)
    assert (found.text, found.date, found.end_date, found.precision) == (phrase, date, end_date, "month")


@pytest.mark.parametrize("text,date", [
    ("They met on Dec. 28.", D(2020, 12, 28)),   # last year's December, not next
    ("They will meet on April 2.", D(2021, 4, 2)),  # soon after the reference
    ("They met on March 17.", D(2021, 3, 17)),
])
def test_times_yearless_date_picks_nearest_past_year(text, date):
    assert _only(text).date == date


@pytest.mark.parametrize("text", [
    "The Friday marches grew week by week.",
    "Protest leaders say their weekly Saturday night rallies will go ahead.",
])
def test_times_weekday_of_a_weekly_habit_dates_nothing(text):
    assert find_time_expressions(text, REF) == []


def test_times_weekday_span_ending_on_the_reports_weekday_ends_that_day():
    friday = D(2023, 6, 30)
    [span] = resolve_open_spans(find_time_expressions("during the night from Thursday to Friday", friday), friday)
    assert (span.date, span.end_date) == (D(2023, 6, 29), friday)


@pytest.mark.parametrize("text, dated", [
    ("LIVE: '1 Million March 4 Children' rallies across Canada", False),
    ("Protests on March 4 Draw Thousands", True),
    ("They met in Paris, March 4 Protesters said.", True),
])
def test_times_month_and_day_between_capitalised_words_are_a_name(text, dated):
    assert bool(find_time_expressions(text, REF)) == dated


@pytest.mark.parametrize("text, phrase, date", [
    ("In January 2000, as the economy collapsed, thousands occupied Congress on Jan. 21.", "Jan. 21", D(2000, 1, 21)),
    ("In 2019, fuel subsidies were cut. Protesters forced their way into parliament on Oct. 8.", "Oct. 8",
     D(2019, 10, 8)),
    # a year in passing sets no story's time; a new paragraph starts afresh
    ("The army helped oust Mugabe in November 2017. His announcement on Jan. 12 raised prices.", "Jan. 12",
     D(2021, 1, 12)),
    ("In 2019, fuel subsidies were cut.\n\nProtesters marched on March 1.", "March 1", D(2021, 3, 1)),
])
def test_times_yearless_date_takes_the_year_its_paragraph_opens_with(text, phrase, date):
    found = next(t for t in find_time_expressions(text, REF) if t.text == phrase)
    assert found.date == date


def test_times_weekday_before_a_gathering_word_is_still_a_day():
    assert [t.text for t in find_time_expressions("On Friday protests erupted in the capital.", REF)] == ["Friday"]


@pytest.mark.parametrize("text,phrase,date,kind", [
    ("Police came yesterday.", "yesterday", D(2021, 3, 16), "relative"),
    ("Police came today.", "today", D(2021, 3, 17), "relative"),
    ("Police came last night.", "last night", D(2021, 3, 16), "relative"),
    ("Police came on Monday.", "Monday", D(2021, 3, 15), "weekday"),
    ("Police came on Wednesday.", "Wednesday", D(2021, 3, 17), "weekday"),  # wire style: the day of publication
    ("Police came last Wednesday.", "last Wednesday", D(2021, 3, 10), "weekday"),
    ("Police came on Friday evening.", "Friday evening", D(2021, 3, 12), "weekday"),
    ("Police came Tuesday night.", "Tuesday night", D(2021, 3, 16), "weekday"),
    # that day of the calendar week before the report's (Monday 8 to Sunday 14 March)
    ("Police came on Monday of last week.", "Monday of last week", D(2021, 3, 8), "weekday"),
    ("Police came on Friday last week.", "Friday last week", D(2021, 3, 12), "weekday"),
    ("Police came three days ago.", "three days ago", D(2021, 3, 14), "relative"),
    ("Police came 10 days ago.", "10 days ago", D(2021, 3, 7), "relative"),
])
def test_times_relative_days(text, phrase, date, kind):
    found = _only(text)
    assert (found.text, found.date, found.precision, found.kind) == (phrase, date, "day", kind)


def test_times_day_of_a_clock_time_in_another_zone_is_no_date():
    # REF is a Wednesday; the protesters broke in early on Wednesday, 2200 GMT Tuesday.
    found = find_time_expressions("Hundreds of men stormed the embassy shortly after 1:00 am "
                                  "(2200 GMT Tuesday) on Wednesday.", REF)
    assert [(e.text, e.date) for e in found] == [("Wednesday", D(2021, 3, 17))]


def test_times_holiday_season_is_no_day():
    assert find_time_expressions("They asked for a new site before the Christmas season.", REF) == []
    assert _only("Police fired tear gas on Christmas Day.").date == D(2020, 12, 25)


def test_times_next_weekday_is_not_a_past_weekday():
    assert find_time_expressions("A vote is due next Friday.", REF) == []


@pytest.mark.parametrize("text,date,end_date,precision", [
    ("Rallies were held last weekend.", D(2021, 3, 13), D(2021, 3, 14), "day"),
    ("Rallies were held over the weekend.", D(2021, 3, 13), D(2021, 3, 14), "day"),
    ("Rallies were held last week.", D(2021, 3, 8), D(2021, 3, 14), "week"),
    ("Rallies were held last month.", D(2021, 2, 1), D(2021, 2, 28), "month"),
    ("Rallies were held earlier this month.", D(2021, 3, 1), D(2021, 3, 16), "month"),
    ("Rallies were held last year.", D(2020, 1, 1), D(2020, 12, 31), "year"),
])
def test_times_relative_periods(text, date, end_date, precision):
    found = _only(text)
    assert (found.date, found.end_date, found.precision) == (date, end_date, precision)


@pytest.mark.parametrize("text,reference,date,end_date", [
    # Written on a Sunday: "over the weekend" is the weekend under way, "last weekend" the one before.
    ("Crowds looted homes over the weekend.", D(2025, 8, 31), D(2025, 8, 30), D(2025, 8, 31)),
    ("Crowds looted homes last weekend.", D(2025, 8, 31), D(2025, 8, 23), D(2025, 8, 24)),
    ("Crowds looted homes this weekend.", D(2025, 8, 30), D(2025, 8, 30), D(2025, 8, 30)),
    ("Crowds looted homes over the weekend.", D(2025, 9, 1), D(2025, 8, 30), D(2025, 8, 31)),
])
def test_times_weekend_seen_from_a_weekend_day(text, reference, date, end_date):
    found, = find_time_expressions(text, reference)
    assert (found.date, found.end_date) == (date, end_date)


@pytest.mark.parametrize("text,date,end_date", [
    ("Strikes ran between 3 and 5 June.", D(2020, 6, 3), D(2020, 6, 5)),
    ("Strikes ran 3-5 March.", D(2021, 3, 3), D(2021, 3, 5)),
    ("Strikes ran from March 3 to 5.", D(2021, 3, 3), D(2021, 3, 5)),
    # In Wednesday's copy, as "on Wednesday" is that day (wire style).
    ("Strikes ran from Monday to Wednesday.", D(2021, 3, 15), D(2021, 3, 17)),
    ("Strikes ran from Monday to Tuesday.", D(2021, 3, 15), D(2021, 3, 16)),
])
def test_times_spans(text, date, end_date):
    found = _only(text)
    assert (found.date, found.end_date, found.kind) == (date, end_date, "span")


def test_times_span_after_anchor_event():
    text = "The referendum took place on March 7. In the four days after the referendum, 60 were held."
    span = find_time_expressions(text, REF)[-1]
    assert (span.kind, span.date, span.end_date) == ("span", D(2021, 3, 8), D(2021, 3, 11))


def test_times_anchor_uses_synonym():
    text = "Polls closed on March 7. Two days after the vote, crowds gathered."
    assert find_time_expressions(text, REF)[-1].date == D(2021, 3, 9)


def test_times_the_next_day_follows_the_last_day_named_not_a_month():
    text = "Crowds gathered on Thursday at the square, the scene of sit-ins in June. The next day, more came."
    assert [e.date for e in find_time_expressions(text, REF)] == [D(2021, 3, 11), D(2020, 6, 1), D(2021, 3, 12)]


@pytest.mark.parametrize("text", ["Protests spread between 2015 and 2018.", "Protests spread from 2015 to 2018."])
def test_times_a_range_of_years(text):
    found = _only(text)
    assert (found.date, found.end_date, found.precision) == (D(2015, 1, 1), D(2018, 12, 31), "year")


def test_times_earlier_counts_from_previous_date():
    text = "The march was on March 10. Two days earlier, leaders were held."
    assert [e.date for e in find_time_expressions(text, REF)] == [D(2021, 3, 10), D(2021, 3, 8)]


@pytest.mark.parametrize("text,phrase,date,precision", [
    ("Unrest has grown since the rallies began.", "since the rallies began", None, "month"),
    ("Unrest has grown since the strikes erupted.", "since the strikes erupted", None, "month"),
    ("Unrest has grown since the start of the strikes.", "since the start of the strikes", None, "month"),
    ("Unrest has grown since March.", "since March", D(2021, 3, 1), "month"),
    ("Unrest has grown since 2 March.", "since 2 March", D(2021, 3, 2), "day"),
])
def test_times_open_spans(text, phrase, date, precision):
    found = _only(text)
    assert (found.text, found.kind, found.date, found.precision) == (phrase, "since", date, precision)
    assert found.end_date == D(2021, 3, 16)


@pytest.mark.parametrize("dates,start,precision", [
    ([D(2021, 3, 1), D(2021, 3, 10)], D(2021, 3, 1), "week"),
    ([D(2021, 1, 20), D(2021, 3, 10)], D(2021, 1, 20), "month"),
    ([D(2019, 5, 5), D(2021, 3, 10)], D(2021, 3, 10), "week"),  # history outside the window
])
def test_times_resolve_open_spans_earliest_recent_date(dates, start, precision):
    absolute = [TimeExpression(0, 1, "x", d, None, "day", "absolute") for d in dates]
    open_span = TimeExpression(5, 9, "since", None, D(2021, 3, 16), "month", "since")
    resolved = resolve_open_spans([*absolute, open_span], REF)[-1]
    assert (resolved.date, resolved.end_date, resolved.precision) == (start, D(2021, 3, 16), precision)


def test_times_resolve_open_spans_without_dates_keeps_span_open():
    open_span = TimeExpression(0, 5, "since", None, D(2021, 3, 16), "month", "since")
    assert resolve_open_spans([open_span], REF)[0].date is None


@pytest.mark.parametrize("text", [
    "Protesters may march again.",
    "They march every day.",
    "The Sun reported it.",
])
def test_times_ignore_lowercase_verbs_and_names(text):
    assert find_time_expressions(text, REF) == []


@pytest.mark.parametrize("date,name,agrees", [
    (D(2021, 3, 14), "Sunday", True),
    (D(2021, 3, 14), "Sun.", True),
    (D(2021, 3, 14), "Monday", False),
])
def test_times_weekday_agrees(date, name, agrees):
    assert weekday_agrees(date, name) is agrees


def test_times_explicit_dates_keep_missing_year():
    found = find_explicit_dates("Held on Mar. 3 and freed on 9 April 2020.")
    assert [(d.year, d.month, d.day) for d in found] == [(None, 3, 3), (2020, 4, 9)]


# -- speed-ups that must not change what is found ----------------------------------

def _sample_texts():
    """Texts to compare fast and plain matching on: the bundled articles and the hard
    cases, and a few with the characters case-insensitive matching treats specially."""
    import json
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    texts = []
    for name in ("examples/articles.jsonl", "benchmarks/gold/hard_articles.jsonl"):
        with open(root / name, encoding="utf-8") as lines:
            texts.extend(json.loads(line)["text"] for line in lines if line.strip())
    texts += [
        "ſince the protests began on 3 March, three dayſ ago, two weeks after the vote.",
        "İn 2020 and ın March; bathe 12 March; ١٢ March; Tues., Mar. 3-5, 2021.",
        "Two days later, a week ago, in the first 3 days after the elections, last weekend.",
        "since \n\n Sunday, since  March, Since\tthe strike started, since 1994.",
    ]
    return texts


def test_times_rule_guards_and_starts_find_what_the_plain_rules_find():
    import re

    from protestwatch.nlp import times

    plain = {name: re.compile(pattern) for name, pattern in times.RULE_PATTERNS}
    for text in _sample_texts():
        runnable = dict(times._rules_that_may_match(text, None))
        for name, rule in times.RULES:
            expected = [m.span() for m in plain[name].finditer(text)]
            found = [m.span() for m in rule.finditer(text)] if name in runnable else []
            assert found == expected, (name, text[:60])


def test_times_since_before_searches_only_where_since_can_end():
    from protestwatch.nlp import times

    for text in _sample_texts():
        for start in range(len(text) + 1):
            expected = times.SINCE_BEFORE.search(text, 0, start)
            found = times._since_before(text, start)
            assert (found and found.span()) == (expected and expected.span()), (start, text[:60])


def test_times_days_of_is_the_span_before_the_reference():
    import datetime as dt

    from protestwatch.nlp.times import find_time_expressions
    text = "The airport reopened on Wednesday after two days of chaos."
    found = {e.text: (e.date, e.end_date, e.kind) for e in find_time_expressions(text, dt.date(2019, 8, 14))}
    assert found["two days of"] == (dt.date(2019, 8, 12), dt.date(2019, 8, 13), "aftermath")


def test_times_a_day_after_a_clause_is_not_dated_from_the_reference():
    import datetime as dt

    from protestwatch.nlp.times import find_time_expressions
    text = "The clearance came a day after a group attacked the camp."
    assert find_time_expressions(text, dt.date(2024, 5, 2)) == []


@pytest.mark.parametrize("text,date", [
    ("On Christmas Eve, police defused a device near the airport.", D(2022, 12, 24)),
    ("Rallies were held on New Year’s Day.", D(2023, 1, 1)),
    ("Supporters blocked the highway overnight.", D(2023, 1, 9)),
])
def test_times_holidays_and_overnight(text, date):
    found, = find_time_expressions(text, D(2023, 1, 9))
    assert found.date == date


@pytest.mark.parametrize("text", ["Christmas shopping fell sharply.", "Gunmen killed 17 in an overnight raid."])
def test_times_holiday_or_overnight_as_a_modifier_dates_nothing(text):
    assert find_time_expressions(text, D(2023, 1, 9)) == []


def test_times_overnight_is_the_night_of_the_day_last_named():
    text = "29 June, Manzini: soldiers, deployed overnight, opened fire on marchers."
    found = [e for e in find_time_expressions(text, D(2021, 7, 6)) if e.text == "overnight"]
    assert [e.date for e in found] == [D(2021, 6, 29)]


def test_times_weekday_with_its_date_in_brackets_is_that_date():
    found, = find_time_expressions("On Monday (7 August), heavy fighting was reported.", D(2023, 8, 15))
    assert found.date == D(2023, 8, 7)


@pytest.mark.parametrize("text, date", [
    ("clashes on Thursday afternoon (8/10/2020) left a restaurant burnt out", D(2020, 10, 8)),  # the weekday decides
    ("police said on Friday (9/10/2020) that 95 were held", D(2020, 10, 9)),
    ("the march on 23.03.2023 drew thousands", D(2023, 3, 23)),  # a number above 12 is the day
    ("the vote on 5/10/2020 passed", D(2020, 10, 5)),  # no weekday: day first
])
def test_times_dates_in_digits(text, date):
    found = _only(text)
    assert (found.date, found.precision) == (date, "day")


def test_times_dates_in_digits_infer_the_reference():
    assert [(d.month, d.day, d.year) for d in find_explicit_dates("on Thursday (8/10/2020) and 1.2.3")] == [(10, 8, 2020)]


def test_times_a_short_line_in_capitals_is_read_in_title_case():
    text = "Updates below.\n\nTHURSDAY, OCTOBER 20\n\nPOLICE SAY THE MARCH WENT AHEAD AS PLANNED NEAR THE PORT"
    found = find_time_expressions(text, D(2022, 10, 21))
    assert [(t.start, t.date) for t in found] == [(text.index("THURSDAY"), D(2022, 10, 20))]


def test_times_the_day_after_a_clause_is_no_day():
    text = "About 40 workers were detained during the day after they tried to block roads."
    assert find_time_expressions(text, D(2024, 8, 28)) == []
