import pytest

from protestwatch.ingest import detect_language, load_language_identifier


@pytest.mark.parametrize("text, expected", [
    ("Thousands of people marched through the capital on Sunday evening.", "en"),
    ("Des milliers de personnes ont manifesté dimanche dans la capitale.", "fr"),
    ("Тысячи людей вышли на улицы столицы в воскресенье.", "ru"),
    ("2020-08-23 12:00", "und"),
    ("", "und"),
])
def test_language_detects_iso_639_1(text, expected):
    assert detect_language(text) == expected


def test_language_reuses_a_given_identifier():
    identifier = load_language_identifier()
    assert detect_language("Police detained dozens of protesters.", identifier=identifier) == "en"


@pytest.mark.parametrize("note", [
    # py3langid ranks Nigerian Pidgin first here, English a close second...
    "On 10 February 2022, ISWAP attacked the Nigerian military in Damboa (Borno). Casualties unknown.",
    # ...or third, after Hausa.
    "On 4 May 2024, gunmen shot dead a farmer in Kaduna, Nigeria.",
])
def test_language_short_english_note_full_of_foreign_names_is_english(note):
    assert detect_language(note) == "en"


def test_language_text_written_in_pidgin_stays_pidgin():
    assert detect_language("Police don arrest di protesters for Lagos wey dey block road on Monday.") == "pcm"
