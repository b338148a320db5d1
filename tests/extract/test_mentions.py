import pytest

from protestwatch.extract.mentions import find_mentions


def _mentions(lexicon, text):
    return find_mentions(text, [(0, len(text))], lexicon)


@pytest.mark.parametrize("text,kind", [
    ("Hundreds of nurses protested outside the hospital.", "protest"),
    ("Farmers staged a blockade on the highway.", "protest"),
    ("Police fired tear gas at the crowd.", "intervention"),
    ("Youths threw stones at the police station.", "violent_protest"),
    ("A drone strike hit the compound.", "air_strike"),
    ("A roadside bomb exploded near the convoy.", "ied"),
    ("Gunmen abducted two aid workers.", "abduction"),
    ("The army recaptured the town from the rebels.", "territory_gov"),
])
def test_mentions_find_kind(lexicon, text, kind):
    assert kind in {m.kind for m in _mentions(lexicon, text)}


def test_mentions_prefer_longest_match(lexicon):
    # "stun grenades" is crowd control, not a grenade attack.
    kinds = [m.kind for m in _mentions(lexicon, "Officers used stun grenades to clear the square.")]
    assert "intervention" in kinds and "grenade" not in kinds


@pytest.mark.parametrize("text,trigger", [
    ("Students rallied against the killing of a classmate.", "killing"),
    ("Crowds marched after the death of a teenager in custody.", "death"),
    ("Relatives demanded justice for the man shot by officers.", "shot"),
    ("The UN said it was horrified by the attack.", "attack"),
    ("Lawyers will file cases on behalf of the victims of Monday's attack.", "attack"),
    ("Police detained 41 people they accused of arson.", "arson"),
])
def test_mentions_flag_grievance(lexicon, text, trigger):
    mention = next(m for m in _mentions(lexicon, text) if m.text == trigger)
    assert mention.is_grievance and not mention.is_eventive


@pytest.mark.parametrize("text,trigger", [
    ("The union said it will strike on Monday.", "strike"),
    ("Opposition groups plan to march next week.", "march"),
    ("Organisers called for a protest outside parliament.", "protest"),
    ("Police said no application for a rally had been filed.", "rally"),
    ("Teachers had been prevented from holding a rally.", "rally"),
    # Denied outright: "no" or "without" just before the trigger.
    ("No arrests were made in the searches.", "arrests"),
    ("The march ended without further clashes.", "clashes"),
    ("These are not protests, the spokesman said.", "protests"),
])
def test_mentions_flag_irrealis(lexicon, text, trigger):
    mention = next(m for m in _mentions(lexicon, text) if trigger in m.text)
    assert mention.is_irrealis


@pytest.mark.parametrize("text", [
    "Thousands protested in the capital on Sunday.",
    "With no permit in hand, thousands marched to parliament.",
])
def test_mentions_keep_real_event_eventive(lexicon, text):
    mentions = _mentions(lexicon, text)
    assert mentions and all(m.is_eventive for m in mentions)


def test_mentions_skip_excluded_spans(lexicon):
    text = "Since the protests began, dozens have been detained."
    start = text.index("Since")
    mentions = find_mentions(text, [(0, len(text))], lexicon, excluded=[(start, start + 24)])
    assert [m.kind for m in mentions] == ["arrest"]


def test_mentions_coordinated_irrealis(lexicon):
    text = "The union said it would hold a general strike and a rally next month."
    mentions = _mentions(lexicon, text)
    assert mentions and all(m.is_irrealis for m in mentions)
