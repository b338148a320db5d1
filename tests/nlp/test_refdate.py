"""Reference dates: the published date, else the day after the latest stated date."""
import datetime as dt

import pytest

from protestwatch.nlp.refdate import infer_reference_date, parse_published

D = dt.date


@pytest.mark.parametrize("published,expected", [
    ("2021-03-17", D(2021, 3, 17)),
    ("2021-03-17T23:30:00-05:00", D(2021, 3, 17)),
    ("2021-03-17T08:00:00Z", D(2021, 3, 17)),
    ("not a date", None),
    (None, None),
])
def test_refdate_parse_published(published, expected):
    assert parse_published(published) == expected


def test_refdate_published_wins_over_text():
    assert infer_reference_date("Marches on 2 May 2019.", "2021-03-17") == (D(2021, 3, 17), False)


@pytest.mark.parametrize("text,expected", [
    ("Marches on 2 May 2019 and again on 5 May 2019.", D(2019, 5, 6)),
    # a yearless date takes the year of the dated mentions
    ("Workers struck on Jun. 12. Photo: a picket on June 3, 2018.", D(2018, 6, 13)),
    # the stated weekday moves a yearless date into the year where it agrees
    ("Police came on Tuesday, Dec. 29. A vigil followed on January 2, 2021.", D(2021, 1, 3)),
    # a date announced for the future is no evidence of publication
    ("A march on 2 May 2019 drew crowds. Another is planned for 20 May.", D(2019, 5, 3)),
])
def test_refdate_infer_day_after_latest_date(text, expected):
    assert infer_reference_date(text, None) == (expected, True)


@pytest.mark.parametrize("text", [
    "Police came on Sunday and left on Monday.",
    "Workers struck on Jun. 12 and again on Jun. 14.",
    "The governor has ruled since 1998.",
])
def test_refdate_without_datable_day_returns_none(text):
    assert infer_reference_date(text, None) == (None, True)


@pytest.mark.parametrize("text,expected", [
    # a wire dateline is the day of writing, not the day before it
    ("NAIROBI, June 26, 2024 (Wire) - Police shot dead five people on Tuesday.", D(2024, 6, 26)),
    ("JOS, Nigeria, April 18 (Wire) - Gunmen raided a village on April 16, 2023.", D(2023, 4, 18)),
    # a date inside the story is no dateline
    ("Police said on June 26, 2024 that five people died.", D(2024, 6, 27)),
])
def test_refdate_dateline_is_the_reference(text, expected):
    assert infer_reference_date(text, None) == (expected, True)


@pytest.mark.parametrize("text,expected", [
    ("NAIROBI, June 26 (Wire) - Police shot dead five people on Tuesday.", D(2026, 6, 26)),
    # never after today: a December date in a text read in November is last year's
    ("Workers struck on Dec. 12 and again on Dec. 14.", D(2025, 12, 15)),
    ("Police came on Tuesday, Nov. 18.", D(2025, 11, 19)),
])
def test_refdate_yearless_dates_take_their_latest_year_up_to_today(text, expected):
    assert infer_reference_date(text, None, today=D(2026, 11, 26)) == (expected, True)


def test_refdate_weekday_pins_the_year_of_the_texts_other_dates():
    text = ("The protest came six weeks after the tariff rose on 1 July.\n\n"
            "BURNING ANGER: Residents set tyres alight in Heugh Road on Monday 14 August.")
    assert infer_reference_date(text, None, today=dt.date(2026, 11, 26)) == (dt.date(2023, 8, 15), True)


def test_refdate_weekday_is_searched_over_a_full_cycle_of_years():
    # Tuesday, November 6 last fell in 2018, more than eight years before "today".
    text = "The disturbance began about 5.30pm on Tuesday, November 6, when two detainees assaulted an officer."
    assert infer_reference_date(text, None, today=dt.date(2026, 11, 26)) == (dt.date(2018, 11, 7), True)


def test_refdate_weekday_prefers_the_year_the_text_names():
    # Monday, August 26 fell in 2024 and in 2019; the text names 2019 on its own.
    text = ("A one-week ultimatum was served on Monday, August 26, to enforce the Assembly's 2019 "
            "decongestion drive.")
    assert infer_reference_date(text, None, today=dt.date(2026, 11, 26)) == (dt.date(2019, 8, 27), True)


def test_refdate_a_date_a_past_verb_tells_after_a_future_cue_still_counts():
    text = ("COL. QUINTERO: Good morning. I will summarise the situation in the city since the national "
            "strike began on Wednesday, April 28. Police recorded five deaths since April 28.")
    assert infer_reference_date(text, None, today=D(2026, 11, 27)) == (D(2021, 4, 29), True)


def test_refdate_a_date_announced_for_later_is_no_reference():
    text = "Unions said they will march on Friday, May 3 in Lagos."
    assert infer_reference_date(text, None, today=D(2026, 11, 27)) == (None, True)


def test_refdate_a_deadline_is_no_reference():
    text = ("The export duty, notified late on Saturday and valid till December 31, angered growers. Farmers blocked "
            "the highway at Chandwad on Monday, August 21.")
    assert infer_reference_date(text, None, today=D(2026, 11, 27)) == (D(2023, 8, 22), True)


def test_refdate_a_weekday_in_the_lead_moves_an_inferred_reference_to_later_that_week():
    text = ("Onion auctions stay shut for third day\n\n"
            "Onion auctions remained suspended for a third straight day on Wednesday as traders kept up their protest."
            "\n\nFarmers blocked the highway on Monday.\n\n"
            "Photo caption: Farmers raise slogans at Chandwad on Monday, August 21.")
    assert infer_reference_date(text, None, today=D(2026, 11, 27)) == (D(2023, 8, 23), True)


def test_refdate_a_weekday_in_the_body_leaves_the_day_after_the_latest_date():
    text = ("Farmers blocked the highway at Chandwad on Monday, August 21.\n\n"
            "The duty had been notified on Wednesday.")
    assert infer_reference_date(text, None, today=D(2026, 11, 27)) == (D(2023, 8, 22), True)


def test_refdate_a_weekday_in_the_lead_pins_the_year_of_a_yearless_caption_date():
    # 14 March is a Thursday in 2024 (and in 2019, 2013...): the latest such year
    text = ("Farmers clash with police in the capital\n\n(Translated from Spanish)\n\n"
            "Hundreds of farmers clashed with riot police outside parliament on Thursday after their "
            "convoy was stopped at the city limits.\n\nPhoto: Farmers face police near parliament, 14 March.")
    assert infer_reference_date(text, None, today=D(2026, 11, 27)) == (D(2024, 3, 15), True)


def test_refdate_a_season_across_two_years_names_its_second_year():
    # Saturday, March 19 fell in 2016 and 2022: "the 2015-16 season" says which
    text = "Two fans died after clashes at the stadium on Saturday, March 19, the worst of the 2015-16 season."
    assert infer_reference_date(text, None, today=D(2026, 11, 27)) == (D(2016, 3, 20), True)


def test_refdate_a_date_someone_would_act_on_is_no_reference():
    text = ("Unions said they would hold a car caravan on Saturday, July 23. The new rate would apply to bills "
            "issued from July 1 through September 30.\n\nPhoto: Protesters outside the offices, Thursday, July 14, 2022.")
    assert infer_reference_date(text, None, today=D(2026, 11, 27)) == (D(2022, 7, 15), True)
