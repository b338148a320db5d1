"""The one-sentence, ACLED-style note of an event, and its confidence."""
from __future__ import annotations

import datetime as dt

from ..schema import Event

SUB_TYPE_PHRASES = {
    "peaceful_protest": "held a peaceful protest",
    "protest_with_intervention": "protested and were met by an intervention of the authorities",
    "excessive_force_against_protesters": "used excessive force against protesters",
    "violent_demonstration": "engaged in a violent demonstration",
    "mob_violence": "engaged in mob violence",
    "attack": "attacked civilians",
    "abduction_forced_disappearance": "abducted people",
    "sexual_violence": "committed sexual violence",
    "arrests": "made arrests",
    "looting_property_destruction": "looted or destroyed property",
    "agreement": "reached an agreement",
    "armed_clash": "clashed",
    "air_drone_strike": "carried out an air or drone strike",
    "shelling_artillery_missile_attack": "carried out shelling or a missile attack",
    "remote_explosive_landmine_ied": "set off a remote explosive",
    "grenade": "used a grenade",
    "suicide_bomb": "carried out a suicide bombing",
}

# Confidence starts from the kind of evidence behind the record. These weights are a
# first, hand-set calibration; the reliability table in BENCHMARKS.md says how they hold.
BASE_CONFIDENCE = 0.45
OWN_DATE_BONUS = 0.15
OWN_PLACE_BONUS = 0.15
SEVERAL_MENTIONS_BONUS = 0.1
PRECISE_PLACE_BONUS = 0.05
MAX_CONFIDENCE = 0.95


def estimate_confidence(event: Event, frame) -> float:
    """A score from the evidence behind the event: its own date, own place, repeated mentions."""
    score = BASE_CONFIDENCE
    if frame.when.start is not None:
        score += OWN_DATE_BONUS
    if frame.has_own_place:
        score += OWN_PLACE_BONUS
    if len([m for m in frame.mentions if not m.is_weak]) > 1:
        score += SEVERAL_MENTIONS_BONUS
    if event.location.precision in ("point", "place"):
        score += PRECISE_PLACE_BONUS
    return round(min(score, MAX_CONFIDENCE), 2)


def write_summary(event: Event) -> str:
    """"On 23 August 2020, Protesters (Belarus) held a peaceful protest in Minsk (Belarus)..."."""
    day = dt.date.fromisoformat(event.date)
    when = f"On {day.day} {day:%B %Y}"
    if event.end_date:
        end = dt.date.fromisoformat(event.end_date)
        when = f"Between {day.day} {day:%B %Y} and {end.day} {end:%B %Y}"
    initiator = next((a.name for a in event.actors if a.role == "initiator"), "unidentified actors")
    action = SUB_TYPE_PHRASES.get(event.sub_event_type, event.sub_event_type.replace("_", " "))
    where = event.location.name
    if event.location.country and event.location.country != where:
        where = f"{where} ({event.location.country})"
    parts = [f"{when}, {initiator} {action} in {where}"]
    if event.claims:
        parts.append(f", demanding {event.claims[0]}")
    counts = _count_phrases(event)
    sentence = "".join(parts) + "."
    return sentence + (f" {counts}." if counts else "")


def _count_phrases(event: Event) -> str:
    phrases = []
    for field, label in (("crowd_size", "crowd size"), ("arrests", "arrests"),
                         ("fatalities", "fatalities"), ("injuries", "injuries")):
        quantity = getattr(event, field)
        if quantity is not None:
            phrases.append(f"{label}: {quantity.text}")
    return "; ".join(phrases).capitalize()
