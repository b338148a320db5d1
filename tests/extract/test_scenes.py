"""One demonstration per town and day, unless the article places them at two named sites."""
from protestwatch.extract.events import _merge_same_scene
from protestwatch.schema import Event, Location


def _event(sub_type, name, precision, event_type="protest"):
    location = Location(name=name, place="Bangkok", country="Thailand", country_code="TH",
                        lat=13.75, lon=100.5, precision=precision)
    return Event(event_type=event_type, sub_event_type=sub_type, date="2020-10-15",
                 date_precision="day", location=location)


def test_scenes_arrests_told_later_in_the_same_town_join_its_demonstration():
    merged = _merge_same_scene([_event("peaceful_protest", "Government House", "point"),
                                _event("arrests", "Bangkok", "place", "strategic_development")])
    assert [(e.sub_event_type, e.state_responses) for e in merged] == [("peaceful_protest", ["arrests"])]


def test_scenes_two_named_sites_of_one_town_stay_two_events():
    merged = _merge_same_scene([_event("protest_with_intervention", "Government House", "point"),
                                _event("peaceful_protest", "Ratchaprasong intersection", "point")])
    assert [e.location.name for e in merged] == ["Government House", "Ratchaprasong intersection"]
