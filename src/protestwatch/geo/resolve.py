"""Toponym resolution: choose, for every mention, the gazetteer entry the whole text points to."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace

from protestwatch.geo.gazetteer import ADMIN1, ADMIN2, CONTINENT, COUNTRY, PLACE, Candidate, Gazetteer
from protestwatch.geo.names import normalise_name
from protestwatch.geo.toponyms import (Mention, ToponymRecogniser, distance_km, link_containers, names_its_division,
                                       spelled_as, tokenize)

# Score = log10(population) + bonuses below. Bonuses are in "orders of magnitude of
# population" so that each says how much bigger a rival must be to win anyway.
# All were set by hand on ACLED US notes (development data), never on the benchmarks.
FOCUS_COUNTRY_BONUS = 3.0  # times the share of the text's country evidence
CONTEXT_ADMIN1_BONUS = 2.0  # the place lies in an admin1 division the text names
CONTAINER_BONUS = 10.0  # "X (Y)" / "X, Y" where Y contains the candidate: nearly decisive
NEARBY_BONUS = 1.0  # another place named in the text lies within NEARBY_KM
NEARBY_KM = 150.0
CAPITAL_BONUS = 1.0
# A town abroad this small, alone in its country, in a text whose focus has this much
# evidence elsewhere, is taken for a namesake of a place the gazetteer lacks.
LONE_ABROAD_MAX_POPULATION = 50_000
LONE_ABROAD_MIN_FOCUS = 3.0
ALIAS_ABROAD_MAX_POPULATION = 1_000_000
# A country or admin1 division named exactly is preferred to same-named towns ("Georgia",
# "Texas"): a state's population counts all its towns, which already favours it, so only
# countries need help over equally populous divisions.
COUNTRY_BONUS = 0.5
# A second-level division's population also sums its towns, but news name a county far less
# often than a town as large: "Essex" in a report from Vermont is a town there, not England's.
ADMIN2_DISCOUNT = 1.0
# Country evidence weights for the focus: a country named outright counts more than a
# demonym or a town in it.
COUNTRY_MENTION_WEIGHT = 2.0
DEMONYM_WEIGHT = 1.0
PLACE_WEIGHT = 1.0


# "Phoenix, a suburb north of Durban", "the mall in KwaMashu, north of Durban": the writer
# places the first name by the second. Between them, at most a short phrase of the same clause.
RELATIVE_TO_GAP = re.compile(
    r"[^.;:()\n]{0,40}?(?:\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of"
    r"|\boutside|\bon the outskirts of|\bnear)\s+(?:the\s+(?:city|town|capital|port)\s+of\s+)?", re.I)

# "In the capital, youths blocked roads": the capital of the country the text is about.
CAPITAL_REFERENCE = re.compile(r"\b(?:the|its|the country's|the nation's)\s+capital(?:\s+city)?\b(?!\s+of\b)", re.I)

# "protesters gathered outside the National Assembly": a country's own parliament, palace
# or high court, unnamed, stands in its capital. Only after a word that puts something at or
# towards it, and not "parliament in Cape Town", where the text names the town.
INSTITUTION_REFERENCE = re.compile(
    r"\b(?:(?:outside|in\s+front\s+of|near|stormed|besieged|surrounded|gates\s+of)\s+(?:the\s+)?"
    r"(?P<court>Supreme\s+Court|Constitutional\s+Court)"
    r"|(?:outside|in\s+front\s+of|near|at|to|towards?|into|stormed|besieged|surrounded|gates\s+of)\s+(?:the\s+)?"
    r"(?P<seat>National\s+Assembly|[Pp]arliament(?:\s+(?:building|buildings|house))?|[Pp]residential\s+[Pp]alace))"
    r"\b(?!\s+(?:of|in)\b)")

STREET_HEADS = frozenset({"street", "st", "road", "rd", "avenue", "ave", "boulevard", "highway", "lane", "drive",
                          "way", "expressway", "motorway"})
# How far (in characters) from a landmark a town named beside it can be ("Square in Cairo").
LANDMARK_TOWN_GAP = 25
GOVERNMENT_OBJECT_BEFORE = re.compile(
    r"\b(?:accused|accuses|blamed|blames|urged|urges|warned|warns|criticised|criticized|condemned|thanked|"
    r"called\s+on|told|asked)\s+$")
# "denouncing Washington's decision to withhold funding": a capital's acts are its government's
# (not "Kyiv's Independence Square", a landmark of the town).
GOVERNMENT_POSSESSIVE_AFTER = re.compile(
    r"['’]s\s+(?:decision|policy|policies|government|move|plan|cuts?|sanctions|funding|support|position|allies|ally|"
    r"envoy|officials|administration|demands?|refusal|withdrawal|stance|backing|pressure)\b")
MOTION_TO_BEFORE = re.compile(r"\b(?:into|to|towards|toward|for)\s+$")
SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s")
MIN_CASELESS_NAME_CHARS = 4
DIVISION_WORD_AFTER = re.compile(r"\s+(?:region|province|state|governorate|oblast|prefecture|department)\b")
# "Pune district", "Essex county": the words that name a second-level division.
ADMIN2_WORD_AFTER = re.compile(r"\s+(?:district|county|shire|borough)\b")
CASELESS_WORD_RUN = re.compile(r"[^.!?;:,()]+")
CASELESS_WORD = re.compile(r"[a-z][a-z'-]*")


@dataclass
class Place:
    """A resolved toponym, in the vocabulary of the LOCATION record of EVENTS.md."""

    start: int
    end: int
    text: str
    name: str
    place: str | None
    admin1: str | None
    country: str | None
    country_code: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    feature_code: str | None
    population: int | None
    precision: str  # "point" | "place" | "admin1" | "country" | "continent" (never an event's)


def focus_country(places: list[Place]) -> str | None:
    """The ISO alpha-2 code most in focus: the country with most mentions (country names count double)."""
    tally: Counter[str] = Counter()
    for place in places:
        if place is None or not place.country_code:
            continue
        tally[place.country_code] += COUNTRY_MENTION_WEIGHT if place.precision == "country" else PLACE_WEIGHT
    if not tally:
        return None
    return max(sorted(tally), key=lambda code: tally[code])


def _one_town_per_landmark(places: list[Place | None], mentions: list[Mention]) -> list[Place | None]:
    """"bars around the Old Port" of Marseille, and later "in the Old Port": a landmark named
    again is the one first placed (in the country in focus, if it is placed there), wherever the
    towns of the later sentence are, unless a town is named beside it ("Independence Square in
    Kyiv")."""
    towns = [place for place in places if place is not None and place.precision == "place"]
    focus_code = focus_country([place for place in places if place is not None])
    landmarks = [(index, place, normalise_name(mention.text))
                 for index, (place, mention) in enumerate(zip(places, mentions))
                 if place is not None and mention.kind == "landmark" and place.lat is not None]
    # the first placing in the country in focus, else the first
    first_town: dict[str, Place] = {}
    for _, place, key in sorted(landmarks, key=lambda item: (item[1].country_code != focus_code, item[0])):
        first_town.setdefault(key, place)
    for index, place, key in landmarks:
        if first_town[key] is not place and not any(
                -LANDMARK_TOWN_GAP <= town.start - place.end <= LANDMARK_TOWN_GAP
                or -LANDMARK_TOWN_GAP <= place.start - town.end <= LANDMARK_TOWN_GAP for town in towns):
            places[index] = replace(first_town[key], start=place.start, end=place.end, text=place.text)
    return places


class Geoparser:
    """Recognises and resolves toponyms. Build once per gazetteer and reuse; it is cheap per call."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.recogniser = ToponymRecogniser(gazetteer)

    # -- public API --------------------------------------------------------------------------

    def parse(self, text: str) -> list[Place]:
        """All toponyms found in text, resolved in the context of each other; one the
        gazetteer cannot place with confidence has no coordinates (``lat`` None)."""
        mentions = self.recogniser.recognise(text)
        chosen = self._resolve_mentions(text, mentions)
        located_by = self._located_by(text, mentions, chosen)
        places = [self._to_place(text, mentions, chosen, i, located_by) for i in range(len(mentions))]
        return [place for place, mention in zip(_one_town_per_landmark(places, mentions), mentions)
                if place is not None and not mention.is_name_part]

    def find_capital_references(self, text: str, places: list[Place]) -> list[Place]:
        """"the capital" where the text names no capital city beside it, and the unnamed
        parliament, palace or high court of the country in focus, as that country's capital:
        places for event location, not toponyms (their words are no name)."""
        code = focus_country(places)
        capital = self.gazetteer.capital(code) if code else None
        if capital is None:
            return []
        country = self.gazetteer.country_name(code)

        def in_capital(start: int, end: int) -> Place:
            return Place(start, end, text[start:end], capital.name, capital.name, capital.admin1_name, country, code,
                         capital.lat, capital.lon, capital.geonames_id, capital.feature_code, capital.population,
                         "place")

        references = [in_capital(*match.span()) for match in CAPITAL_REFERENCE.finditer(text)]
        named = [(place.start, place.end) for place in places]
        for match in INSTITUTION_REFERENCE.finditer(text):
            start, end = match.span("court") if match.group("court") else match.span("seat")
            if not any(start < taken_end and taken_start < end for taken_start, taken_end in named):
                references.append(in_capital(start, end))
        return references

    def parse_countries_caseless(self, text: str) -> list[Place]:
        """Country names and demonyms in text without capitals ("cuba s tolerance"), where
        recognition by capitalisation finds nothing. Names shorter than
        MIN_CASELESS_NAME_CHARS are skipped: in lower case, "can" and "per" are words."""
        places = []
        for match in CASELESS_WORD_RUN.finditer(text):
            words = [(w.start(), w.end()) for w in CASELESS_WORD.finditer(match.group(0))]
            for size in (3, 2, 1):
                for i in range(len(words) - size + 1):
                    start, end = match.start() + words[i][0], match.start() + words[i + size - 1][1]
                    place = self._caseless_country(text, start, end)
                    if place and not any(p.start < end and start < p.end for p in places):
                        places.append(place)
        return sorted(places, key=lambda p: p.start)

    def _caseless_country(self, text: str, start: int, end: int) -> Place | None:
        surface = text[start:end]
        if len(surface) < MIN_CASELESS_NAME_CHARS:
            return None
        code = self.gazetteer.country_code_by_name(surface) or self.gazetteer.demonym_country(surface)
        country = self.gazetteer.country(code) if code else None
        if country is None:
            return None
        return self._candidate_place(Mention(start, end, surface, "toponym", [country]), country)

    def resolve_spans(self, text: str, spans: list[tuple[int, int]]) -> list[Place | None]:
        """Resolve toponyms whose spans are given; other toponyms found in text serve as context."""
        given = [self._mention_for_span(text, start, end) for start, end in spans]
        context = [m for m in self.recogniser.recognise(text)
                   if not any(m.start < end and start < m.end for start, end in spans)]
        mentions = sorted(given + context, key=lambda m: (m.start, m.end))
        link_containers(text, mentions)
        chosen = self._resolve_mentions(text, mentions)
        located_by = self._located_by(text, mentions, chosen)
        index_of = {id(m): i for i, m in enumerate(mentions)}
        return [self._to_place(text, mentions, chosen, index_of[id(m)], located_by) for m in given]

    # -- mentions for given spans ---------------------------------------------------------------

    def _mention_for_span(self, text: str, start: int, end: int) -> Mention:
        surface = text[start:end]
        candidates = self.gazetteer.lookup(surface)
        if candidates:
            return Mention(start, end, surface, "toponym", candidates)
        country = self.gazetteer.demonym_country(surface)
        if country is not None:
            return Mention(start, end, surface, "demonym", demonym_country=country)
        words = self.recogniser.words
        tokens = tokenize(surface)
        if tokens and tokens[-1].text.rstrip(".") in words.landmark_heads | {"building", "square"} | {
                h.lower() for h in words.landmark_heads}:
            return Mention(start, end, surface, "landmark")
        inner = self._best_inner_name(surface, tokens)
        if inner is not None:
            return Mention(start, end, surface, "toponym", inner)
        return Mention(start, end, surface, "toponym", [])

    def _best_inner_name(self, surface: str, tokens) -> list[Candidate] | None:
        """Candidates of the longest sub-phrase that is a known name ("Downtown Austin" -> Austin)."""
        for size in range(len(tokens) - 1, 0, -1):
            for first in range(0, len(tokens) - size + 1):
                phrase = surface[tokens[first].start:tokens[first + size - 1].end]
                if phrase in self.recogniser.words.non_toponyms:
                    continue
                candidates = self.gazetteer.lookup(phrase)
                if candidates:
                    return candidates
                country = self.gazetteer.demonym_country(phrase)
                if country is not None:
                    found = self.gazetteer.country(country)
                    return [found] if found else None
        return None

    # -- resolution --------------------------------------------------------------------------------

    def _resolve_mentions(self, text: str, mentions: list[Mention]) -> list[Candidate | None]:
        pools = [self._candidate_pool(m) for m in mentions]
        pools = [self._apply_containers(text, i, mentions, pools) for i in range(len(mentions))]
        pools = [prefer_divisions_before_division_words(text, m, pool) for m, pool in zip(mentions, pools)]
        pools = [prefer_admin2_before_admin2_words(text, m, pool) for m, pool in zip(mentions, pools)]
        pools = [prefer_cities_to_same_named_provinces(pool) for pool in pools]
        chosen = [self._best(pool, Counter(), set(), [], m) for m, pool in zip(mentions, pools)]
        for _ in range(2):  # the focus is re-estimated once from the first choices
            focus = self._country_evidence(mentions, chosen)
            admin1_named = {(c.country_code, c.admin1_code) for c in chosen if c is not None and c.kind == ADMIN1}
            anchors = [c for pool, c in zip(pools, chosen) if c is not None and c.kind == PLACE and len(pool) == 1]
            chosen = [self._best(pool, focus, admin1_named, anchors, m) for m, pool in zip(mentions, pools)]
        return self._drop_lone_villages_abroad(mentions, chosen)

    def _drop_lone_villages_abroad(self, mentions: list[Mention], chosen: list[Candidate | None]) -> list[Candidate | None]:
        """A small town abroad that nothing else in the text points to, in a text about
        another country, is a namesake of a place the gazetteer lacks ("El Alto" in Peru,
        in a report from Bolivia): better unknown than in the wrong country. A town abroad
        found only by another of its names ("Spire" for Speyer, in a report from Dublin)
        is doubted up to a larger size."""
        countries = Counter(c.country_code for c in chosen if c is not None)
        focus = self._country_evidence(mentions, chosen)
        if not focus:
            return chosen
        focus_code = max(sorted(focus), key=lambda code: focus[code])
        if focus[focus_code] < LONE_ABROAD_MIN_FOCUS:
            return chosen
        return [None if (c is not None and c.kind == PLACE and c.country_code != focus_code
                         and c.population < (LONE_ABROAD_MAX_POPULATION if _named_as_itself(m, c)
                                             else ALIAS_ABROAD_MAX_POPULATION)
                         and countries[c.country_code] == sum(1 for d in chosen if d is not None and d.key == c.key))
                else c for m, c in zip(mentions, chosen)]

    def _candidate_pool(self, mention: Mention) -> list[Candidate]:
        if mention.kind == "demonym":
            country = self.gazetteer.country(mention.demonym_country)
            return [country] if country else []
        return list(mention.candidates)

    def _apply_containers(self, text: str, index: int, mentions: list[Mention],
                          pools: list[list[Candidate]]) -> list[Candidate]:
        """Keep only candidates inside a container named right after the mention.

        A town the gazetteer does not hold, or holds only elsewhere, followed by its
        division in brackets ("Kani (Sagaing)") is located at that division: the bracket is
        the writer's own disambiguation, more reliable than a same-named town abroad."""
        mention, pool = mentions[index], pools[index]
        bracketed = bool(mention.containers) and names_its_division(text[mention.end:mentions[mention.containers[0]].start])
        has_division = any(c.kind in (ADMIN1, COUNTRY) for i in mention.containers for c in pools[i])
        if bracketed and not has_division:
            # The division is known only by its same-named capital ("Al Bayda (Taiz)"): it
            # still says which country the town is in.
            # (by its own name or a spelling of it: "Kumbo (Bui division)" is not in Bowie, Maryland,
            # once called "Bui")
            container = mentions[mention.containers[0]]
            towns = [c for c in spelled_as(container.text, pools[mention.containers[0]]) if c.kind == PLACE]
            same_country = [c for c in pool if c.country_code in {t.country_code for t in towns}]
            return same_country or towns or pool
        for container_index in mention.containers:
            containers = [c for c in pools[container_index] if c.kind in (ADMIN1, COUNTRY)]
            inside = [c for c in pool if any(is_inside(c, container) for container in containers)]
            if inside:
                pool = inside
            elif containers and bracketed:
                return containers  # "X (District, Division)": the first division that resolves
        return pool

    def _country_evidence(self, mentions: list[Mention], chosen: list[Candidate | None]) -> Counter[str]:
        tally: Counter[str] = Counter()
        for mention, candidate in zip(mentions, chosen):
            if candidate is None or candidate.kind == CONTINENT:
                continue
            if mention.kind == "demonym":
                tally[candidate.country_code] += DEMONYM_WEIGHT
            elif candidate.kind == COUNTRY:
                tally[candidate.country_code] += COUNTRY_MENTION_WEIGHT
            else:
                tally[candidate.country_code] += PLACE_WEIGHT
        return tally

    def _best(self, pool: list[Candidate], focus: Counter[str], admin1_named: set, anchors: list[Candidate],
              mention: Mention):
        if not pool:
            return None
        total = sum(focus.values()) or 1.0
        return max(pool, key=lambda c: (self._score(c, focus, total, admin1_named, anchors, mention), -len(c.key), c.key))

    def _score(self, candidate: Candidate, focus: Counter[str], total: float, admin1_named: set,
               anchors: list[Candidate], mention: Mention) -> float:
        score = math.log10(candidate.population + 10)
        score += FOCUS_COUNTRY_BONUS * focus.get(candidate.country_code, 0) / total
        if candidate.kind == COUNTRY:
            score += COUNTRY_BONUS
        if candidate.kind == ADMIN2:
            score -= ADMIN2_DISCOUNT
        if candidate.kind in (PLACE, ADMIN2):  # a county lies in its named region as a town does
            if (candidate.country_code, candidate.admin1_code) in admin1_named:
                score += CONTEXT_ADMIN1_BONUS
        if candidate.kind == PLACE:
            # a capital by its own name: "Philadelphia" is only an old name of Amman
            if candidate.feature_code == "PPLC" and _named_as_itself(mention, candidate):
                score += CAPITAL_BONUS
            if any(a.key != candidate.key and distance_km(a.lat, a.lon, candidate.lat, candidate.lon) <= NEARBY_KM
                   for a in anchors):
                score += NEARBY_BONUS
        return score

    def _located_by(self, text: str, mentions: list[Mention], chosen: list[Candidate | None]) -> dict[int, Candidate]:
        """Mentions placed by the town named after them ("Phoenix, a suburb north of Durban")
        whose own choice is unknown or a namesake in another country take that town's point."""
        located = {}
        for index in range(len(mentions) - 1):
            mention, town = mentions[index], chosen[index + 1]
            own = chosen[index]
            if mention.kind != "toponym" or town is None or town.kind != PLACE \
                    or (own is not None and own.kind != PLACE):
                continue
            if RELATIVE_TO_GAP.fullmatch(text, mention.end, mentions[index + 1].start) is None:
                continue
            if own is None or own.country_code != town.country_code:  # "In Atbara, 300 km north of Khartoum"
                located[index] = town
        return located

    # -- output -------------------------------------------------------------------------------------

    def _to_place(self, text: str, mentions: list[Mention], chosen: list[Candidate | None], index: int,
                  located_by: dict[int, Candidate] | None = None) -> Place | None:
        mention = mentions[index]
        if located_by and index in located_by:
            town = located_by[index]
            return Place(mention.start, mention.end, mention.text, mention.text, town.name, town.admin1_name,
                         self.gazetteer.country_name(town.country_code), town.country_code, town.lat, town.lon,
                         None, None, None, "place")
        if mention.kind == "landmark":
            town = self._town_for_landmark(text, mentions, chosen, index)
            return self._landmark_place(mention, town)
        candidate = chosen[index]
        if candidate is None:
            if not mention.candidates:
                return None  # a given span the gazetteer does not know
            # A toponym all of whose namesakes are implausible here: found, not placed.
            return Place(mention.start, mention.end, mention.text, mention.text, None, None, None, None,
                         None, None, None, None, None, "place")
        return self._candidate_place(mention, candidate)

    def _candidate_place(self, mention: Mention, candidate: Candidate) -> Place:
        country_name = self.gazetteer.country_name(candidate.country_code)
        if candidate.kind == PLACE:
            return Place(mention.start, mention.end, mention.text, candidate.name, candidate.name,
                         candidate.admin1_name, country_name, candidate.country_code, candidate.lat, candidate.lon,
                         candidate.geonames_id, candidate.feature_code, candidate.population, "place")
        if candidate.kind == CONTINENT:  # where nothing an event needs (a country) is known
            return Place(mention.start, mention.end, mention.text, candidate.name, None, None, None, None,
                         candidate.lat, candidate.lon, candidate.geonames_id, candidate.feature_code,
                         candidate.population, "continent")
        # A second-level division is a region like an admin1 one, the precision EVENTS.md has
        # for it; its admin1 is the first-order division it lies in ("Essex": England).
        admin1 = candidate.name if candidate.kind == ADMIN1 else candidate.admin1_name if candidate.kind == ADMIN2 else None
        precision = "admin1" if candidate.kind in (ADMIN1, ADMIN2) else "country"
        return Place(mention.start, mention.end, mention.text, candidate.name, None, admin1, country_name,
                     candidate.country_code, candidate.lat, candidate.lon, candidate.geonames_id,
                     candidate.feature_code, candidate.population, precision)

    def _landmark_place(self, mention: Mention, town: Candidate | None) -> Place:
        if town is None:
            return Place(mention.start, mention.end, mention.text, mention.text, None, None, None, None,
                         None, None, None, None, None, "point")
        return Place(mention.start, mention.end, mention.text, mention.text, town.name, town.admin1_name,
                     self.gazetteer.country_name(town.country_code), town.country_code, town.lat, town.lon,
                     town.geonames_id, town.feature_code, town.population, "point")

    def _town_for_landmark(self, text: str, mentions: list[Mention], chosen: list[Candidate | None], index: int):
        """The town named inside the landmark or nearest to it (in its own sentence first), else
        the most mentioned town."""
        landmark = mentions[index]
        focus = self._country_evidence(mentions, chosen)
        focus_code = max(sorted(focus), key=lambda code: focus[code]) if focus else None
        # "Wellington Street" in Ottawa, "Cairo Road" in Lusaka: streets are named after
        # other towns; a square or a university after its own.
        is_street = tokenize(landmark.text)[-1].text.lower() in STREET_HEADS
        inner = None if is_street or landmark.is_head_first else self._town_inside(landmark, chosen, focus_code)
        if inner is not None:
            return inner
        towns = [(i, c) for i, c in enumerate(chosen) if c is not None and c.kind == PLACE and i != index]
        if not towns:
            # No town named: the capital of the country in focus is the likeliest setting.
            return self.gazetteer.capital(focus_code) if focus_code else None
        counts = Counter(c.key for _, c in towns)
        # Nearest by characters, with a town written after the landmark ("Square in Cairo")
        # preferred at equal distance; ties broken by how often the town is named.
        def closeness(item):
            i, c = item
            other = mentions[i]
            between = (landmark.end, other.start) if other.start >= landmark.end else (other.end, landmark.start)
            gap = between[1] - between[0]
            # "ransacked shops along Zoo Road. In Lagos, ...": not across a sentence end
            crosses = SENTENCE_END.search(text, between[0], between[1]) is not None
            # beyond its sentence, a town of the country the text is about ("Moscow said
            # its paratroopers had arrived" does not put Almaty's Republic Square in Russia)
            # "on al-Arbaeen Street ... to stop them crossing the bridges into Khartoum": a town
            # after the landmark that something moves towards is not the landmark's
            heading_to = other.start >= landmark.end and MOTION_TO_BEFORE.search(
                text, max(0, other.start - 12), other.start) is not None
            # "marched to the Miraflores palace, where Maduro accused Washington": a capital
            # that is spoken to or of is its government
            government = c.feature_code == "PPLC" and (
                GOVERNMENT_OBJECT_BEFORE.search(text, max(0, other.start - 20), other.start) is not None
                or GOVERNMENT_POSSESSIVE_AFTER.match(text, other.end) is not None)
            return (government, crosses, crosses and c.country_code != focus_code, heading_to, gap, -counts[c.key],
                    other.start)
        return min(towns, key=closeness)[1]

    def _town_inside(self, landmark: Mention, chosen, focus_code: str | None) -> Candidate | None:
        """A town named inside the landmark ("Cairo University") that the text names or that lies in the focus country."""
        tokens = tokenize(landmark.text)
        for size in range(len(tokens) - 1, 0, -1):
            for first in range(0, len(tokens) - size + 1):
                phrase = landmark.text[tokens[first].start:tokens[first + size - 1].end]
                candidates = [c for c in self.gazetteer.lookup(phrase) if c.kind == PLACE]
                if not candidates:
                    continue
                named = {c.key for c in chosen if c is not None}
                for candidate in candidates:
                    # "Wellington Street" in Ottawa: a street named after a town abroad
                    if candidate.key in named and (focus_code is None or candidate.country_code == focus_code):
                        return candidate
                # Unnamed elsewhere, only a town known by that name: "Third Precinct" is also
                # an old name of Amherst, Massachusetts.
                in_focus = [c for c in candidates if c.country_code == focus_code
                            and normalise_name(c.name) == normalise_name(phrase)]
                if in_focus:
                    return in_focus[0]
        return None


def _named_as_itself(mention: Mention, candidate: Candidate) -> bool:
    return normalise_name(mention.text) == normalise_name(candidate.name)


def is_inside(candidate: Candidate, container: Candidate) -> bool:
    if candidate.country_code != container.country_code or candidate.key == container.key:
        return False
    if container.kind == COUNTRY:
        return True
    return container.kind == ADMIN1 and candidate.kind in (PLACE, ADMIN2) and candidate.admin1_code == container.admin1_code


def prefer_divisions_before_division_words(text: str, mention: Mention, pool: list[Candidate]) -> list[Candidate]:
    """Only divisions for "Sagaing region", "Kherson oblast", "Borno state" (lower-case word after)."""
    if not DIVISION_WORD_AFTER.match(text, mention.end):
        return pool
    return [c for c in pool if c.kind == ADMIN1] or pool


def prefer_admin2_before_admin2_words(text: str, mention: Mention, pool: list[Candidate]) -> list[Candidate]:
    """Only second-level divisions for "Pune district", "Kent county" (lower-case word after)."""
    if not ADMIN2_WORD_AFTER.match(text, mention.end):
        return pool
    return [c for c in pool if c.kind == ADMIN2] or pool


def prefer_cities_to_same_named_provinces(pool: list[Candidate]) -> list[Candidate]:
    """Drop a non-US province, and any second-level division, when the pool also holds a
    same-named town of its division.

    Outside the US the gazetteer names a province only when its capital shares the name
    ("Lagos", "Zurich"), and many districts are named after their seat ("Agra"): news mean
    the town far more often. Containment has already used the full pool, so "Ikeja, Lagos"
    still finds the province."""
    cities = {(c.country_code, c.admin1_code) for c in pool if c.kind == PLACE}
    kept = [c for c in pool
            if not (((c.kind == ADMIN1 and c.country_code != "US") or c.kind == ADMIN2)
                    and (c.country_code, c.admin1_code) in cities)]
    return kept or pool
