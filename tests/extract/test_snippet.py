import pytest

from protestwatch.extract.snippet import code_snippet


@pytest.mark.parametrize("text,expected", [
    # No place or date is needed to code a passage.
    ("Police fired tear gas to disperse the protesters.", ("protest", "protest_with_intervention")),
    ("Rioters looted shops and set cars on fire.", ("riot", "mob_violence")),
    ("Protesters looted shops and set cars on fire.", ("riot", "violent_demonstration")),
    ("Gunmen shot dead two farmers.", ("violence_against_civilians", "attack")),
    ("Thousands marched peacefully to parliament.", ("protest", "peaceful_protest")),
    # Nothing eventive, or only announced.
    ("The minister said the budget would be published next week.", None),
    ("The union said it will strike on Monday.", None),
])
def test_code_snippet(lexicon, text, expected):
    assert code_snippet(text, lexicon) == expected
