import pytest

from protestwatch.extract.classify import classify_event


@pytest.mark.parametrize("kinds,weak,actors,expected", [
    ({"protest"}, set(), [], ("protest", "peaceful_protest")),
    ({"protest", "intervention"}, set(), ["state_forces"], ("protest", "protest_with_intervention")),
    ({"protest", "arrest"}, set(), [], ("protest", "protest_with_intervention")),
    ({"protest", "kill"}, set(), ["state_forces", "protesters"], ("protest", "excessive_force_against_protesters")),
    ({"arrest", "kill"}, {"protest"}, ["state_forces"], ("protest", "excessive_force_against_protesters")),
    ({"protest", "violent_protest"}, set(), [], ("riot", "violent_demonstration")),
    ({"mob"}, set(), ["civilians"], ("riot", "mob_violence")),
    ({"armed_clash"}, set(), ["state_forces", "rebel_group"], ("battles", "armed_clash")),
    ({"kill"}, set(), ["political_militia", "civilians"], ("violence_against_civilians", "attack")),
    ({"kill"}, set(), ["rebel_group", "state_forces"], ("battles", "armed_clash")),
    ({"abduction"}, set(), ["political_militia"], ("violence_against_civilians", "abduction_forced_disappearance")),
    ({"shelling", "kill"}, set(), ["state_forces"], ("explosions_remote_violence", "shelling_artillery_missile_attack")),
    ({"air_strike"}, set(), [], ("explosions_remote_violence", "air_drone_strike")),
    ({"arrest"}, set(), ["state_forces"], ("strategic_development", "arrests")),
    ({"looting"}, set(), [], ("strategic_development", "looting_property_destruction")),
    ({"territory_gov"}, set(), ["state_forces"], ("battles", "government_regains_territory")),
    # "Armed residents opened fire on suspected looters": force with no demonstration is an attack.
    ({"excessive_force"}, set(), ["civilians"], ("violence_against_civilians", "attack")),
    # "Police defused an explosive device": nothing went off.
    ({"ied", "disrupted_weapons"}, set(), ["state_forces"], ("strategic_development", "disrupted_weapons_use")),
    # "Police regained control of the buildings" from rioters who smashed windows: the riot.
    ({"territory_gov", "looting", "intervention"}, {"violent_protest"}, ["state_forces", "rioters"],
     ("riot", "violent_demonstration")),
    # "rioters" alone names people; with what they did, a riot.
    (set(), {"violent_protest"}, ["rioters"], None),
    ({"looting"}, {"violent_protest"}, ["rioters"], ("riot", "mob_violence")),
])
def test_classify_event_types(kinds, weak, actors, expected):
    assert classify_event(kinds, weak, actors) == expected


def test_classify_nothing_codable():
    assert classify_event(set(), {"protest"}, []) is None


@pytest.mark.parametrize("actors,expected", [
    (["protesters", "state_forces"], ("riot", "violent_demonstration")),
    (["civilians"], ("riot", "mob_violence")),
    (["political_militia", "civilians"], ("violence_against_civilians", "attack")),
])
def test_classify_violence_without_protest_word(actors, expected):
    kinds = {"violent_protest"} | ({"kill"} if "political_militia" in actors else set())
    assert classify_event(kinds, set(), actors) == expected


@pytest.mark.parametrize("kinds,weak,actors,expected", [
    # ACLED: demonstrators destroying property make the demonstration violent.
    ({"protest", "looting"}, set(), ["protesters"], ("riot", "violent_demonstration")),
    ({"looting", "intervention"}, {"protest"}, ["state_forces"], ("riot", "violent_demonstration")),
    # Looting by a crowd outside any demonstration is mob violence; by unknown hands, property destruction.
    ({"looting"}, set(), ["rioters"], ("riot", "mob_violence")),
    ({"looting"}, set(), ["civilians"], ("strategic_development", "looting_property_destruction")),
    # Two armed sides fighting with artillery: the battle, not the shelling, is the event.
    ({"armed_clash", "shelling"}, set(), ["state_forces", "rebel_group"], ("battles", "armed_clash")),
    ({"shelling"}, set(), ["state_forces", "rebel_group"], ("explosions_remote_violence", "shelling_artillery_missile_attack")),
    ({"suicide_bomb", "armed_clash"}, set(), ["state_forces", "rebel_group"], ("explosions_remote_violence", "suicide_bomb")),
])
def test_classify_codebook_precedence(kinds, weak, actors, expected):
    assert classify_event(kinds, weak, actors) == expected


@pytest.mark.parametrize("text,expected", [
    ("A driver plowed his SUV into a crowd of protesters during the march.", ("protest", "excessive_force_against_protesters")),
    ("During the rally a car drove through the demonstrators, injuring two.", ("protest", "excessive_force_against_protesters")),
    ("Hundreds marched downtown; some demonstrators smashed storefront windows.", ("riot", "violent_demonstration")),
    ("Protesters set fires and launched fireworks at officers.", ("riot", "violent_demonstration")),
    ("A group of five men assaulted a couple outside a bar.", ("riot", "mob_violence")),
    ("Unknown people set fire to the party office overnight.", ("strategic_development", "looting_property_destruction")),
    ("Farmers blocked the highway to demand higher prices.", ("protest", "peaceful_protest")),
    ("An army truck hit a mine near the border, killing two soldiers.", ("explosions_remote_violence", "remote_explosive_landmine_ied")),
    ("Gunmen clashed with police at a checkpoint.", ("battles", "armed_clash")),
    ("Demonstrators threw smoke bombs at police during the march.", ("riot", "violent_demonstration")),
    ("Soldiers repelled an attack by insurgents on the base.", ("battles", "armed_clash")),
    ("Crowds looted and burned a supermarket, and three people died.", ("riot", "mob_violence")),
    # Crowd-control grenades are the police's intervention, not remote violence.
    ("Police used flash-bang grenades and tear gas to disperse the demonstrators.", ("protest", "protest_with_intervention")),
    ("Officers fired smoke grenades at the march.", ("protest", "protest_with_intervention")),
    ("Militants threw a grenade at the police station.", ("explosions_remote_violence", "grenade")),
    # Demonstrators who fight the police riot, whatever the police did in reply.
    ("Demonstrators clashed with the police, who responded with tear gas.", ("riot", "violent_demonstration")),
    ("At the rally a fight broke out between the two groups of demonstrators.", ("riot", "violent_demonstration")),
    ("Unidentified gunmen clashed with the troops near the border.", ("battles", "armed_clash")),
    ("Demonstrators clashed with the security forces in the capital.", ("riot", "violent_demonstration")),
    ("Thousands of protesters erected barricades and clashed with gendarmes; opposition militias joined.",
     ("riot", "violent_demonstration")),
])
def test_classify_sentences_by_codebook(lexicon, text, expected):
    from protestwatch.extract.fields import find_actors
    from protestwatch.extract.mentions import find_mentions

    mentions = [m for m in find_mentions(text, [(0, len(text))], lexicon) if m.is_eventive]
    kinds = {m.kind for m in mentions if not m.is_weak}
    weak = {m.kind for m in mentions if m.is_weak}
    actors = [a[0] for a in find_actors(text, [(0, len(text))], lexicon)]
    assert classify_event(kinds, weak, actors) == expected
