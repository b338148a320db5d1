import pytest

from protestwatch.extract.fields import (classify_quantity, find_claim_target, find_claims,
                                         find_codes, find_lone_victim, find_sources)


def _whole(text):
    return [(0, len(text))]


@pytest.mark.parametrize("text,number,noun,role", [
    ("Police said 40 people were arrested at the march.", "40", "people", "arrests"),
    ("Officers detained 12 activists.", "12", "activists", "arrests"),
    ("At least 7 people were killed in the clashes.", "7", "people", "fatalities"),
    ("The death toll rose to 31 on Tuesday.", "31", None, "fatalities"),
    ("Some 25 demonstrators were injured.", "25", "demonstrators", "injuries"),
    ("About 3,000 teachers marched to the ministry.", "3,000", "teachers", "crowd_size"),
    ("The company reported 300 new orders.", "300", "orders", None),
])
def test_fields_classify_quantity(lexicon, text, number, noun, role):
    start = text.index(number)
    assert classify_quantity(text, start, start + len(number), noun, lexicon) == role


def test_fields_find_claims_and_target():
    text = "Crowds marched demanding the resignation of Prime Minister Jane Okafor, who denies wrongdoing."
    claims = find_claims(text, _whole(text))
    assert [c.value for c in claims] == ["resignation of Prime Minister Jane Okafor"]
    assert text[claims[0].start:claims[0].end] == claims[0].value
    assert find_claim_target(claims).value == "Jane Okafor"


@pytest.mark.parametrize("text,codes", [
    ("Workers protested over unpaid wages.", ["labor_wage_dispute"]),
    ("Drivers blocked roads against the fuel price rise.", ["price_increases_tax_policy"]),
    ("They demanded the governor step down.", ["removal_of_politician"]),
])
def test_fields_find_demand_codes(lexicon, text, codes):
    assert [f.value for f in find_codes(text, _whole(text), lexicon.demands)] == codes


@pytest.mark.parametrize("text,sources", [
    ("More than 5,000 marched, according to Reuters.", ["Reuters"]),
    ("Amnesty International and Human Rights Watch have condemned the arrests.",
     ["Amnesty International", "Human Rights Watch"]),
    ("Crowds gathered, state media reported.", ["state media"]),
])
def test_fields_find_sources(text, sources):
    assert [s.value for s in find_sources(text, _whole(text))] == sources


def test_find_actors_skips_actor_words_that_introduce_speech(lexicon):
    from protestwatch.extract.fields import find_actors

    text = "A lawmaker shot two people, police said."
    assert "state_forces" not in [a[0] for a in find_actors(text, [(0, len(text))], lexicon)]


@pytest.mark.parametrize("text,victim", [
    ("Gunmen shot dead a farmer in his field.", "shot dead a farmer"),
    ("Police shot and killed a 17-year-old Black man during a traffic stop.", "shot and killed a 17-year-old Black man"),
    ("A police officer was killed when the convoy was ambushed.", "A police officer was killed"),
    ("One person died in the attack.", "One person died"),
    ("Soldiers fatally shot Ali Musa, a trader, in Maiduguri.", "fatally shot Ali Musa"),
    ("Amina Bello was found dead near the camp.", "Amina Bello was found dead"),
    # More than one victim, or none: no lone victim to count.
    ("Gunmen killed a man and his son.", None),
    ("Troops shot dead a militant, a soldier and a civilian.", None),
    ("Troops killed Boko Haram fighters near the border.", None),
    ("They marched against the killing of a man by police.", None),
    ("Breonna Taylor, a Black woman killed by police, was remembered.", None),
    ("Attackers tried to kill a journalist.", None),
])
def test_fields_find_lone_victim(lexicon, text, victim):
    found = find_lone_victim(text, _whole(text), lexicon)
    assert (found.value if found else None) == victim
    if found:
        assert text[found.start:found.end] == found.value
