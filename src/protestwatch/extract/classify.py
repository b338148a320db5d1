"""Decide an event's ACLED type and sub-type from the mentions and actors grouped into it.

The order of the checks follows ACLED's codebook: the most specific form of violence
decides (an explosion before a clash, a violent demonstration before a peaceful one), and
state responses inside a protest change its sub-type, not its type.
"""
from __future__ import annotations

from typing import Iterable, Optional

# Explosion sub-types by precedence when a report names several methods.
EXPLOSION_KINDS = (
    ("suicide_bomb", "suicide_bomb"),
    ("grenade", "grenade"),
    ("air_strike", "air_drone_strike"),
    ("ied", "remote_explosive_landmine_ied"),
    ("shelling", "shelling_artillery_missile_attack"),
)
STRATEGIC_KINDS = (
    ("looting", "looting_property_destruction"),
    ("agreement", "agreement"),
    ("disrupted_weapons", "disrupted_weapons_use"),
    ("headquarters", "headquarters_or_base_established"),
    ("arrest", "arrests"),
    ("group_change", "change_to_group_activity"),
    ("territory_transfer", "non_violent_transfer_of_territory"),
)
ARMED_TYPES = frozenset({"state_forces", "rebel_group", "political_militia", "identity_militia"})
NON_STATE_ARMED_TYPES = frozenset({"rebel_group", "political_militia", "identity_militia"})
# Actions that make a bare crowd word ("demonstrators smashed windows") report a demonstration.
CROWD_ACTION_KINDS = frozenset({"arrest", "intervention", "excessive_force", "kill",
                                "violent_protest", "looting"})


def classify_event(kinds: set[str], weak_kinds: set[str],
                   actor_types: Iterable[str]) -> Optional[tuple[str, str]]:
    """(event_type, sub_event_type) for a group of mentions, or None when nothing codable."""
    actors = set(actor_types)
    for decide in (_classify_suicide_bomb, _classify_exchange_of_fire, _classify_explosion,
                   _classify_territory, _classify_demonstration, _classify_armed_violence,
                   _classify_strategic):
        decision = decide(kinds, weak_kinds, actors)
        if decision:
            return decision
    return None


def _classify_suicide_bomb(kinds, weak_kinds, actors):
    return ("explosions_remote_violence", "suicide_bomb") if "suicide_bomb" in kinds else None


def _classify_exchange_of_fire(kinds, weak_kinds, actors):
    """Two organised armed sides fighting: shelling or drones used during the fight are part of
    the battle (ACLED codes remote violence only where the target cannot fight back)."""
    if "armed_clash" in kinds and len(actors & ARMED_TYPES) >= 2 and not kinds & {"protest", "violent_protest"} \
            and not _protesters_fight(kinds, weak_kinds, actors):
        return "battles", "armed_clash"
    # "gunfire could be heard around the airport, where soldiers and militiamen held out"
    if "gunfire" in kinds and len(actors & ARMED_TYPES) >= 2 and not kinds & {"protest", "violent_protest"} \
            and not weak_kinds & {"protest", "violent_protest"}:
        return "battles", "armed_clash"
    # "Gunmen clashed with police": with no demonstration, fighting between an armed
    # organisation and the forces it met is a battle, not a riot.
    if ("violent_protest" in kinds and "protest" not in kinds | weak_kinds and actors & NON_STATE_ARMED_TYPES
            and len(actors & ARMED_TYPES) >= 2):
        return "battles", "armed_clash"
    return None


def _protesters_fight(kinds, weak_kinds, actors) -> bool:
    """"Protesters clashed with gendarmes": a crowd word with a clash is a demonstration
    turned violent, even when a second armed actor is named."""
    return "armed_clash" in kinds and "protest" in weak_kinds and "protesters" in actors


def _crowd_dispersed(kinds, actors) -> bool:
    """"Police dispersed about a hundred university students": crowd control used on people
    of a demonstration, with no fight, is a demonstration met with force."""
    return "intervention" in kinds and "protesters" in actors and not kinds & {"armed_clash", "mob"}


def _classify_explosion(kinds, weak_kinds, actors):
    if "disrupted_weapons" in kinds and not kinds & {"kill", "attack"}:
        return None  # "police defused an explosive device": nothing went off
    for kind, sub_type in EXPLOSION_KINDS:
        if kind in kinds:
            return "explosions_remote_violence", sub_type
    return None


def _classify_territory(kinds, weak_kinds, actors):
    if kinds & {"protest", "violent_protest", "looting"} or "violent_protest" in weak_kinds:
        return None  # "police regained control of the buildings" from rioters: the riot's end
    if "territory_gov" in kinds and actors & ARMED_TYPES:
        return "battles", "government_regains_territory"
    if "territory_nsa" in kinds and actors & NON_STATE_ARMED_TYPES:
        return "battles", "non_state_actor_overtakes_territory"
    return None


def _classify_demonstration(kinds, weak_kinds, actors):
    is_protest = "protest" in kinds or ("protest" in weak_kinds and kinds & CROWD_ACTION_KINDS) \
        or _protesters_fight(kinds, weak_kinds, actors) or _crowd_dispersed(kinds, actors)
    if "violent_protest" in weak_kinds and kinds & CROWD_ACTION_KINDS:
        kinds = kinds | {"violent_protest"}  # "rioters smashed windows": the crowd word with its deed
    if "violent_protest" in kinds and (is_protest or "rioters" in actors or not actors & NON_STATE_ARMED_TYPES):
        return "riot", "violent_demonstration" if is_protest or "state_forces" in actors else "mob_violence"
    if is_protest and "looting" in kinds and not ("excessive_force" in kinds and "state_forces" in actors):
        # demonstrators destroying property; forces that shoot and burn the tents of a
        # sit-in are attacking it
        return "riot", "violent_demonstration"
    if not is_protest and ("mob" in kinds or ("looting" in kinds and "rioters" in actors)):
        return "riot", "mob_violence"
    if kinds & {"looting", "violent_protest"} and kinds & {"kill", "attack"} and not actors & NON_STATE_ARMED_TYPES \
            and actors & {"rioters", "protesters"}:
        # deaths in unrest are part of the riot: "crowds looted a supermarket and three people died"
        return "riot", "violent_demonstration" if is_protest else "mob_violence"
    if not is_protest:
        return None
    if "armed_clash" in kinds and "state_forces" in actors:
        # Demonstrators who fight the police riot, whatever the police did in reply.
        return "riot", "violent_demonstration"
    if "excessive_force" in kinds or (kinds & {"kill", "attack"} and "state_forces" in actors):
        # "four protesters were wounded by gunfire when security forces moved to clear them"
        return "protest", "excessive_force_against_protesters"
    if kinds & {"intervention", "arrest"}:
        return "protest", "protest_with_intervention"
    return "protest", "peaceful_protest"


def _classify_armed_violence(kinds, weak_kinds, actors):
    armed = actors & ARMED_TYPES
    if "armed_clash" in kinds:
        # "police used tear gas to break up fighting between fans and local youths": the
        # police ended a brawl; they were not one side of a battle
        if armed and not (armed == {"state_forces"} and "intervention" in kinds):
            return "battles", "armed_clash"
        return "riot", "mob_violence"
    if "sexual_violence" in kinds:
        return "violence_against_civilians", "sexual_violence"
    if "abduction" in kinds:
        return "violence_against_civilians", "abduction_forced_disappearance"
    if kinds & {"kill", "attack", "excessive_force"}:
        # "Armed residents opened fire on suspected looters": force with no demonstration to
        # be used against is an attack. Armed men fighting armed men, with no unarmed victim named, is a battle; people who
        # are not demonstrating ("gunmen killed five people") count as unarmed.
        # Crowd words ("members", "people") are victims only where there is a demonstration.
        has_unarmed_victims = "civilians" in actors or ("protesters" in actors and "protest" in kinds | weak_kinds)
        if len(armed) >= 2 and not has_unarmed_victims:
            return "battles", "armed_clash"
        return "violence_against_civilians", "attack"
    return None


def _classify_strategic(kinds, weak_kinds, actors):
    for kind, sub_type in STRATEGIC_KINDS:
        if kind in kinds:
            return "strategic_development", sub_type
    return None
