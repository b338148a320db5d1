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
