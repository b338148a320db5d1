"""Fill an event's fields from the sentences grouped into it: actors, demands and claims,
state responses, casualty and crowd counts, and the sources the article credits."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..schema import Actor, Estimate, Quantity
from .lexicon import Lexicon

# Words after a number that may still belong to the counted phrase before its verb
# ("200 people have been"), and words before it ("police arrested"), in words.
ROLE_WINDOW_AFTER_WORDS = 6
ROLE_WINDOW_BEFORE_WORDS = 5
OF_PHRASE_BEFORE_VERB = re.compile(
    r"\S+ of (?:the |their |its )?(?:(?P<forces>(?:riot |security |armed |police )?(?:police|forces|officers|troops|"
    r"army|military|gendarmerie|guards?)\b)|(?:\S+ ){0,2}?\S+) (?=(?:were|was|have|had|are|is|been|being)\b)")
INCLUDING_ASIDE = re.compile(r",\s+(?:including|among them|mostly|most of them)\s[^,]{1,40},\s*")
VICTIM_VERB_BEFORE = re.compile(
    r"\b(?:beat|beaten|beating|attacked|attacking|shot|stabbed|lynched|assaulted|abducted|kidnapped|"
    r"tied up|hit|injured|injuring|wounded|wounding)$", re.I)
SUBSET_BEFORE = re.compile(r"\b(?:including|among them|of whom|of them)$", re.I)
POPULATION_BEFORE = re.compile(
    r"\b(?:city|town|country|nation|village|region|province|district|state|island|capital|metropolis|population)\s+of"
    r"(?:\s+(?:about|around|some|nearly|more\s+than|over|almost|roughly))?$", re.I)
CLAIM_MAX_CHARS = 120

CLAIM_CUE = re.compile(
    r"\b(?:demanding|demanded|demand(?:s)?|calling for|called for|call for|urging|"
    r"to demand|in protest (?:against|at|of|over)|protesting|protested|against)\s+", re.I)
CLAIM_END = re.compile(r"[,.;:!?\"“”()]|\s(?:who|which|that|as|while|after|before|and (?:police|they|the police))\s")
LEADING_ARTICLE = re.compile(r"^(?:the|a|an|their|its|his|her)\s+", re.I)
OFFICE_HOLDER = re.compile(
    r"\b(?:President|Prime Minister|Premier|Governor|Mayor|Minister|Chancellor|King|Queen|"
    r"Senator|Chief Minister|Interior Minister)\s+((?:[A-Z][\w'-]+)(?:\s+[A-Z][\w'-]+){0,3})")
SOURCE_PATTERNS = (
    re.compile(r"\b(?:as per|according to|citing|reported by)\s+((?:the\s+)?(?:[A-Z][\w&.'-]*|state|local|police|rights)"
               r"(?:\s+(?:[A-Z][\w&.'-]*|of|for|media|groups?|officials?|sources)){0,5})"),
    re.compile(r"((?:[A-Z][\w&.'-]*)(?:\s+(?:[A-Z][\w&.'-]*|of|for)){0,5}"
               r"(?:\s+and\s+(?:[A-Z][\w&.'-]*)(?:\s+(?:[A-Z][\w&.'-]*|of|for)){0,5})?)"
               r"\s+(?:have |has |had )?(?:said|says|reported|reports|told|estimated|criticized|"
               r"criticised|condemned|documented|counted|confirmed)\b"),
    re.compile(r"\b(state media|state television|state news agency|local media|rights groups|"
               r"police|organi[sz]ers|witnesses|officials)\s+(?:have |has )?(?:said|reported|estimated|"
               r"put the (?:figure|number|crowd))", re.I),
)
NOT_A_SOURCE = frozenset({"He", "She", "It", "They", "We", "I", "The", "This", "That", "But"})


@dataclass
class FieldSpan:
    """A value with the span of text that supports it."""
    value: object
    start: int
    end: int


# "killed a man and his son", "a soldier, a police officer and a civilian": the victim is one of several
# (an apposition, "Ali Musa, a farmer, in Kano", is not).
MORE_VICTIMS_AFTER = re.compile(
    r"\s*(?:,\s*(?:[\w'-]+\s+){1,4}?)?(?:and|or|as well as)\s+(?:a|an|one|his|her|their|two|three|another|several|other)\b", re.I)
# Speech verbs right after an actor word make it the report's source.
SPEECH_AFTER_ACTOR = re.compile(r"\s+(?:said|say|says|told|reported|counted|stated|announced|confirmed|added)\b")

def find_actors(text: str, spans: list[tuple[int, int]], lexicon: Lexicon) -> list[tuple[str, str, str, int, int]]:
    """(type, name template, words, start, end) of every actor word in the given spans, in order."""
    found = []
    for span_start, span_end in spans:
        taken: list[tuple[int, int]] = []
        for pattern in lexicon.actors:
            for match in pattern.regex.finditer(text, span_start, span_end):
                if any(match.start() < e and s < match.end() for s, e in taken):
                    continue
                if SPEECH_AFTER_ACTOR.match(text, match.end()):
                    taken.append((match.start(), match.end()))
                    continue  # "police said": a source of the report, not a party to the event
                taken.append((match.start(), match.end()))
                found.append((pattern.type, pattern.name, match.group(0), match.start(), match.end()))
    return sorted(found, key=lambda item: item[3])


def assign_actors(event_type: str, sub_event_type: str, found, country: str,
                  claim_target: Optional[FieldSpan]) -> list[Actor]:
    """Initiator and target by ACLED's conventions for each type of event."""
    by_type: dict[str, tuple] = {}
    for item in found:
        by_type.setdefault(item[0], item)

    def actor(actor_type: str, role: str, default_text: str, default_name: str) -> Actor:
        item = by_type.get(actor_type)
        name = (item[1] if item else default_name).format(country=country)
        return Actor(name=name, text=item[2] if item else default_text, role=role, type=actor_type)

    return _ROLE_RULES.get(event_type, _roles_default)(sub_event_type, by_type, actor, claim_target)


def _roles_protest(sub_type, by_type, actor, claim_target):
    protesters = actor("protesters", "initiator", "protesters", "Protesters ({country})")
    if sub_type == "excessive_force_against_protesters":
        police = actor("state_forces", "initiator", "police", "Police Forces of {country}")
        return [police, protesters.model_copy(update={"role": "target"})]
    if sub_type == "protest_with_intervention" and "state_forces" in by_type:
        return [protesters, actor("state_forces", "target", "police", "Police Forces of {country}")]
    if claim_target is not None:
        return [protesters, Actor(name=claim_target.value, text=claim_target.value,
                                  role="target", type="government")]
    return [protesters]


def _roles_riot(sub_type, by_type, actor, claim_target):
    rioters = actor("rioters", "initiator", "rioters", "Rioters ({country})")
    if "state_forces" in by_type:
        return [rioters, actor("state_forces", "target", "police", "Police Forces of {country}")]
    if sub_type == "mob_violence":
        return [rioters, actor("civilians", "target", "civilians", "Civilians ({country})")]
    return [rioters]


def _roles_violence(sub_type, by_type, actor, claim_target):
    attacker_type = next((t for t in ("political_militia", "rebel_group", "identity_militia",
                                      "state_forces") if t in by_type), "political_militia")
    return [actor(attacker_type, "initiator", "unidentified armed group",
                  "Unidentified Armed Group ({country})"),
            actor("civilians", "target", "civilians", "Civilians ({country})")]


def _roles_armed(sub_type, by_type, actor, claim_target):
    armed = [t for t in ("state_forces", "rebel_group", "political_militia", "identity_militia")
             if t in by_type]
    first = armed[0] if armed else "state_forces"
    second = armed[1] if len(armed) > 1 else ("rebel_group" if first == "state_forces" else "state_forces")
    defaults = {"state_forces": "Military Forces of {country}", "rebel_group": "Rebel Group ({country})",
                "political_militia": "Unidentified Armed Group ({country})",
                "identity_militia": "Communal Militia ({country})"}
    return [actor(first, "initiator", first.replace("_", " "), defaults[first]),
            actor(second, "target", second.replace("_", " "), defaults[second])]


def _roles_explosion(sub_type, by_type, actor, claim_target):
    if sub_type == "air_drone_strike":
        initiator = actor("state_forces", "initiator", "military", "Military Forces of {country}")
    else:
        kind = next((t for t in ("rebel_group", "political_militia", "state_forces") if t in by_type),
                    "political_militia")
        initiator = actor(kind, "initiator", "unidentified armed group", "Unidentified Armed Group ({country})")
    if "civilians" in by_type:
        return [initiator, actor("civilians", "target", "civilians", "Civilians ({country})")]
    return [initiator]


def _roles_default(sub_type, by_type, actor, claim_target):
    state = actor("state_forces", "initiator", "police", "Police Forces of {country}")
    target_type = next((t for t in ("protesters", "civilians", "rebel_group", "political_militia")
                        if t in by_type), None)
    return [state] + ([actor(target_type, "target", "", "")] if target_type else [])


_ROLE_RULES = {
    "protest": _roles_protest, "riot": _roles_riot, "violence_against_civilians": _roles_violence,
    "battles": _roles_armed, "explosions_remote_violence": _roles_explosion,
}


def find_claims(text: str, spans: list[tuple[int, int]]) -> list[FieldSpan]:
    """The demands in the article's own words: what follows "demanding", "calling for"..."""
    claims = []
    for span_start, span_end in spans:
        for cue in CLAIM_CUE.finditer(text, span_start, span_end):
            rest = text[cue.end():min(span_end, cue.end() + CLAIM_MAX_CHARS)]
            stop = CLAIM_END.search(rest)
            claim = rest[: stop.start()] if stop else rest
            stripped = LEADING_ARTICLE.sub("", claim).strip()
            if len(stripped.split()) >= 2:
                start = cue.end() + (len(claim) - len(claim.lstrip())) + (len(claim.strip()) - len(stripped))
                claims.append(FieldSpan(stripped, start, start + len(stripped)))
    return claims


def find_claim_target(claims: list[FieldSpan]) -> Optional[FieldSpan]:
    """The office holder a claim is aimed at ("resignation of President X" -> "X")."""
    for claim in claims:
        match = OFFICE_HOLDER.search(claim.value)
        if match:
            return FieldSpan(match.group(1), claim.start + match.start(1), claim.start + match.end(1))
    return None


def find_codes(text: str, spans: list[tuple[int, int]], patterns) -> list[FieldSpan]:
    """Every code whose pattern matches in the spans, first match each, in code order."""
    found = []
    for pattern in patterns:
        for span_start, span_end in spans:
            match = pattern.regex.search(text, span_start, span_end)
            if match:
                found.append(FieldSpan(pattern.code, match.start(), match.end()))
                break
    return found


def find_sources(text: str, spans: list[tuple[int, int]]) -> list[FieldSpan]:
    """Who the article credits: "as per Reuters", "Human Rights Watch said", "police estimated"."""
    sources: list[FieldSpan] = []
    for span_start, span_end in spans:
        segment = text[span_start:span_end]
        for pattern in SOURCE_PATTERNS:
            for match in pattern.finditer(segment):
                for name, offset in _split_conjoined(match.group(1), span_start + match.start(1)):
                    if name not in NOT_A_SOURCE and all(s.value != name for s in sources):
                        sources.append(FieldSpan(name, offset, offset + len(name)))
    return sources


def _split_conjoined(names: str, offset: int):
    position = 0
    for part in re.split(r"(\s+and\s+)", names):
        if part.strip() and not re.fullmatch(r"\s+and\s+", part):
            cleaned = re.sub(r"^(?:Both|Both the|The|the)\s+", "", part).rstrip(".")
            yield cleaned, offset + position + (len(part) - len(cleaned))
        position += len(part)


def classify_quantity(text: str, start: int, end: int, noun: Optional[str], lexicon: Lexicon) -> Optional[str]:
    """What a number counts: arrests, fatalities, injuries or crowd_size, or None."""
    after = _words_after(text, end, 2 * ROLE_WINDOW_AFTER_WORDS)
    of_phrase = OF_PHRASE_BEFORE_VERB.match(after)
    if of_phrase:
        # "441 members of the security forces had been injured": the verb after the "of"
        # phrase says what is counted, and members of the forces are no crowd.
        after = after[of_phrase.end():]
        if of_phrase.group("forces"):
            noun = None
    # "739 people, including 60 women, had been arrested": the verb after the aside counts.
    after = INCLUDING_ASIDE.sub(" ", after, count=1)
    after = " ".join(after.split()[:ROLE_WINDOW_AFTER_WORDS])
    before = _words_before(text, start, ROLE_WINDOW_BEFORE_WORDS)
    if SUBSET_BEFORE.search(before):
        return None  # "including 60 women": part of a number counted already
    if POPULATION_BEFORE.search(before):
        return None  # "Cali, a city of 2.2 million people": who lives there, not who marched
    for role in ("arrests", "fatalities", "injuries", "crowd_size"):
        for pattern in lexicon.quantity_roles:
            if pattern.role != role:
                continue
            if pattern.position == "after" and pattern.regex.search(after):
                return role
            if pattern.position == "before" and _ends_with(pattern.regex, before):
                return role
            if pattern.position == "noun" and noun and pattern.regex.fullmatch(noun.strip().lower()) \
                    and not (role == "crowd_size" and VICTIM_VERB_BEFORE.search(before)):
                return role  # but "beat two men": victims, not a crowd
    return None


def find_lone_victim(text: str, spans: list[tuple[int, int]], lexicon: Lexicon) -> Optional[FieldSpan]:
    """The first single killing in the spans ("shot dead a farmer"), unless more victims are
    joined to it ("killed a man and his son")."""
    for span_start, span_end in spans:
        for match in lexicon.lone_victim.finditer(text, span_start, span_end):
            if not MORE_VICTIMS_AFTER.match(text, match.end()):
                return FieldSpan(match.group(0), match.start(), match.end())
    return None


def build_quantity(estimates: list[tuple[Estimate, int, int]], reconcile) -> Quantity:
    """One QUANTITY from its estimates, reconciled into low/high."""
    unique: list[Estimate] = []
    for estimate, _, _ in estimates:
        if all((e.low, e.high, e.text) != (estimate.low, estimate.high, estimate.text) for e in unique):
            unique.append(estimate)
    low, high = reconcile(unique)
    return Quantity(low=low, high=high, text=" / ".join(e.text for e in unique), estimates=unique)


def _words_after(text: str, end: int, count: int) -> str:
    rest = re.split(r"[.;:!?]", text[end:end + 80], maxsplit=1)[0]
    return " ".join(rest.split()[:count])


def _words_before(text: str, start: int, count: int) -> str:
    head = re.split(r"[.;:!?]", text[max(0, start - 80):start])[-1]
    return " ".join(head.split()[-count:])


def _ends_with(regex: re.Pattern, words: str) -> bool:
    return any(match.end() == len(words) for match in regex.finditer(words))


