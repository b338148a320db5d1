"""Which place mentions locate an event, and where each frame's event is.

A sentence's place is its most precise toponym that can say where something happened: not
a name inside an actor ("Fano" the militia), a hospital the wounded were taken to, a place
in a demand ("companies linked to Israel"), where people came from ("agents from mainland
China"), a speaking country ("China's government said") or a country's adjective on a
thing ("the Russian law"). A sentence that reports something all over a country ("marched
across France", "nationwide") is placed in the country.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from ..schema import Location
from .frames import Frame
from .lexicon import Lexicon
from .mentions import SLOGAN_BEFORE

if TYPE_CHECKING:
    from .events import ArticleAnalysis

# "NAIROBI, July 13 (Reuters) -": the dateline's date is the publication date, not an event's.
DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z .'-]+(?:,\s*[A-Za-z .'-]+)?(?:,\s+[^\n]{0,40}?|\s+\([^)\n]{1,40}\))\s[-\u2013\u2014]{1,2}\s", re.M)
# A dateline opens one of the first lines: a headline may stand above it.
DATELINE_LINES = 3
# Where a clause ends: a place after it is out of reach of the cues before it.
CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:but|while|and|as|who|which|where)\b|\bbut\b|\bwhile\b")
CASUALTY_DESTINATION_BEFORE = re.compile(
    r"\b(?:(?:taken|rushed|flown|airlifted|transferred|evacuated|referred|admitted) to|treated (?:at|in)|"
    r"crossed (?:in)?to|fled (?:in)?to|kept (?:at|in) the (?:mortuary|morgue) of|"
    r"hospitali[sz]ed in)\s+(?:(?:a|an|the|local|nearby|several|two|three)\s+)?(?:[\w'-]+\s+){0,3}?"
    r"(?:(?:hospitals?|clinics?|medical (?:centres?|centers?|college))\s+)?(?:in|at)?\s*$", re.I)
# How close a demand's cue must be to a place to claim it: "demanding that it cut ties with
# Israel", but not "in support of Black Lives Matter in Stillwater".
CLAIM_PLACE_WINDOW_WORDS = 6
# "agents from mainland China", "fighters from Chad": where people come from, not where they act.
PEOPLE_FROM_BEFORE = re.compile(
    r"\b(?:agents|men|women|man|woman|people|workers|tourists|visitors|nationals|citizens|migrants|refugees|fighters|"
    r"mercenaries|troops|officers|delegates|students|supporters)\s+from\s+(?:mainland\s+|neighbouring\s+|neighboring\s+)?$"
    # "many of whom had travelled from southern regions such as Puno and Cusco": where they came from
    # "reinforcements had been sent from Voinjama": where forces came from
    r"|\b(?:travel(?:l?ed|l?ing)|came|come|coming|arrived|bused\s+in|poured\s+in|sent|dispatched|deployed|brought\s+in|"
    r"drafted\s+in|flown\s+in|returned|returning|return)\s+(?:in\s+)?from\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?:(?:such\s+as|including|like)\s+)?(?:[A-Z][\w'’-]*,?\s+(?:and\s+)?)*$",
    re.I)
# "China's government said ...": the country speaks; it is not where the event happened.
SPEAKING_BODY_AFTER = re.compile(
    r"['’]s\s+(?:(?:central|federal|national|foreign|interior)\s+)?(?:government|foreign ministry|ministry|"
    r"state media|embassy|officials|leaders?|spokes(?:man|woman|person))\b", re.I)
# "automakers including Ford, General Motors and Toyota": a company named after a town.
COMPANY_LIST_BEFORE = re.compile(
    r"\b(?:automakers|carmakers|companies|firms|manufacturers|brands|retailers|banks|airlines|chains|"
    r"makers|producers|groups|giants|insurers|lenders|sponsors|clients|customers)\s+(?:including|such as|like)\s+"
    r"(?:[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*(?:,\s*|,?\s+and\s+|,?\s+or\s+))*$")
# "has spent two weeks in a Geneva hospital": where a patient lies, not an event.
HOSPITAL_AFTER = re.compile(r"\s+(?:hospital|clinic|medical cent(?:re|er))\b", re.I)
# The names listed before a place, after a phrase that says whose they are: "of Rwanda, France and ".
NAMES_LISTED_BEFORE = r"(?:(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*,?\s+(?:and\s+)?)*(?:the\s+)?$"
IN_A_BEFORE = re.compile(r"\bin\s+(?:a|the)\s+$", re.I)
# "hurled stones at the embassies of Rwanda, France and Belgium": whose missions, not where.
MISSION_OF_BEFORE = re.compile(
    r"\b(?:embass(?:y|ies)|consulates?|missions?|ambassadors?|envoys?)\s+of\s+" + NAMES_LISTED_BEFORE)
# "spokeswoman Ravina Shamdasani told reporters in Geneva": where words were spoken.
STATEMENT_PLACE_BEFORE = re.compile(
    r"\b(?:told|tells|telling|said|says|briefed|addressed)\s+(?:reporters|journalists|the\s+press|a\s+news\s+conference|"
    r"a\s+press\s+conference|a\s+briefing|parliament|lawmakers)\s+(?:in|at)\s+$", re.I)
# '"She betrayed us," said Rosa Quispe, a market trader in Juliaca': who the speaker is.
# "the West Qurna 2 oilfield, operated by Russia's Lukoil": the owner's country.
OWNER_BEFORE = re.compile(r"\b(?:operated|owned|run|built|financed|managed|held)\s+by\s+(?:the\s+)?$")
SPEAKER_DESCRIPTION_BEFORE = re.compile(
    r"\b(?:said|says|told|added)\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3},\s+(?:an?|the)\s+(?:[\w'’-]+\s+){1,5}"
    r"(?:in|from|of|at)\s+$")
# "Tehran demanded that Baghdad act": a capital that speaks or acts is its government.
GOVERNMENT_ACT_AFTER = re.compile(
    r"\s+(?:has\s+|had\s+|have\s+)?(?:said|says|demanded|demands|accused|accuses|warned|warns|urged|urges|"
    r"condemned|condemns|denied|denies|called\s+on|calls\s+on|summoned|summons|responded|insisted|rejected|"
    r"blamed|blames|threatened|announced|protested\s+to|vowed|pledged)\b")
# "accusing New Delhi of a role in the killing": a capital (or country) accused, urged or blamed is
# its government.
GOVERNMENT_OBJECT_BEFORE = re.compile(
    r"\b(?:accus(?:ing|ed|es)|blam(?:ing|ed|es)|urg(?:ing|ed|es)|warn(?:ing|ed|s)|criticis(?:ing|ed|es)|"
    r"criticiz(?:ing|ed|es)|condemn(?:ing|ed|s)|call(?:ing|ed|s)\s+on)\s+$")
# "won warm backing from Brussels and Berlin": a capital that backs or funds is its government.
GOVERNMENT_SOURCE_BEFORE = re.compile(
    r"\b(?:backing|support|approval|criticism|pressure|praise|condemnation|funding|aid|loans?|sanctions|"
    r"warnings?|objections?)\s+(?:from|by)\s+(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*,?\s+(?:and\s+)?)?$")
# "nine foreign nationals, including citizens of Germany, Poland and Italy": whose people.
NATIONALS_OF_BEFORE = re.compile(
    r"\b(?:citizens|nationals|natives|passport\s+holders|subjects)\s+of\s+" + NAMES_LISTED_BEFORE)
# "as he tried to board a flight to Seoul": where someone was going, not where anything happened.
DESTINATION_BEFORE = re.compile(
    r"\b(?:flight|flights|fly|flew|flying|bound|deported|extradited|repatriated|returned|returning)\s+(?:back\s+)?"
    r"(?:to|for)\s+$", re.I)
# "a village near the border with Armenia": the neighbour across the border, not where.
BORDER_WITH_BEFORE = re.compile(r"\b(?i:border|frontier)s?\s+(?i:with)\s+" + NAMES_LISTED_BEFORE)
# "Callum Hartley, 26, of Mexborough": where a person lives.
HOME_TOWN_BEFORE = re.compile(r"\b\d{1,3},\s+of\s+$")
# "the U.S.-based rights group HRANA": where an organisation sits, not where anything happened.
BASED_AFTER = re.compile(r"-based\b")
# "waving Nigerian flags", "singing the Georgian anthem": a country's emblems, carried anywhere.
EMBLEM_AFTER = re.compile(r"\s+(?:and\s+[\w ]{1,30}?\s+)?(?:national\s+)?(?:flags?|anthems?|colou?rs|banners?|passports?)\b", re.I)
TITLE_AFTER = re.compile(
    r"\s+(?:President|Prime\s+Minister|Foreign\s+Minister|Interior\s+Minister|Defen[cs]e\s+Minister|Minister|"
    r"King|Queen|Prince|Ambassador|Embassy|Consulate|Chancellor|Premier|Senator|Envoy)\b")
INDEFINITE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w'’-]+\s+)?$")
NEXT_WORD = re.compile(r"\s+([a-z][\w-]*)")
DEMONYM_PEOPLE_NOUN = re.compile(
    r"police(?:men)?|forces|troops|soldiers|army|military|gendarmes?|gendarmerie|authorities|government|officials|"
    r"protesters|demonstrators|students|workers|farmers|people|civilians|villagers|"
    r"residents|youths?|men|women|capital|city|cities|towns?|villages?|border|territory|soil|side|regions?|"
    r"opposition|activists|journalists|security", re.I)
HEADING_MAX_CHARS = 80
NATIONWIDE = re.compile(r"\b(?:across|throughout|all over|around) the country\b|\bnationwide\b", re.I)
SPREAD_OVER_BEFORE = re.compile(r"\b(?:across|throughout|all over)\s+(?:the\s+)?$", re.I)
# "in at least 155 towns and cities, from Kaliningrad to Vladivostok": the country's extent,
# told by its ends (not a march's route "from Brest to Vitebsk").
EXTENT_FROM_BEFORE = re.compile(
    r"\b(?:cities|towns|villages|regions|provinces|districts|communities)\b[^.;:]{0,20}?\bfrom\s+$", re.I)
EXTENT_TO_GAP = re.compile(r"\s+to\s+")
# Between a country and its actor word: a space and up to two capitalised words ("Somali National Army").
ACTOR_QUALIFIER_GAP = re.compile(r"\s+(?:[A-Z][\w'-]*\s+){0,2}")


def find_dateline(text: str) -> Optional[re.Match]:
    """The wire dateline ("LONDON, Aug 8 (Reuters) - ") opening one of the first lines, if any."""
    dateline = DATELINE.search(text)
    if dateline is None or text.count("\n", 0, dateline.start()) >= DATELINE_LINES:
        return None
    return dateline


def _is_better_place(place, other, rank: dict[str, int], focus_code: Optional[str]) -> bool:
    """The more precise; between equals, a name before "the capital", then one in the
    country in focus ("in the capital and in the twin city of Omdurman": Omdurman)."""
    if rank[place.precision] != rank[other.precision]:
        return rank[place.precision] < rank[other.precision]
    if _is_named(place) != _is_named(other):
        return _is_named(place)
    return focus_code is not None and other.country_code != focus_code and place.country_code == focus_code


def _is_named(place) -> bool:
    return place.text[:1].isupper()


def places_by_sentence(analysis: ArticleAnalysis, lexicon: Lexicon) -> tuple[dict[int, object], set[int]]:
    """The most precise place of each sentence (a landmark before its town before its country),
    and the sentences that report something all over a country ("marched across France"),
    whose place is that country.

    A country that only qualifies an actor who operates abroad ("Russian forces shelled...",
    "the Nigerian military") says whose forces they are, not where the event happened."""
    rank = {"point": 0, "place": 1, "admin1": 2, "country": 3}
    best: dict[int, object] = {}
    spread: dict[int, object] = {}
    dateline = find_dateline(analysis.text)
    focus_code = getattr(analysis.focus_place, "country_code", None)
    for place in analysis.places:
        if dateline and dateline.start() <= place.start and place.end <= dateline.end():
            continue  # where the reporter files from, not where the event happened
        if not is_event_place(place, analysis, lexicon):
            continue
        index = sentence_of(analysis.sentences, place.start)
        if index is None:
            continue
        if index not in best or _is_better_place(place, best[index], rank, focus_code):
            best[index] = place
        if place.precision in ("country", "admin1") and SPREAD_OVER_BEFORE.search(
                analysis.text, max(0, place.start - 20), place.start):
            spread.setdefault(index, place)
    for first, second in zip(analysis.places, analysis.places[1:]):
        if not (first.country_code == second.country_code
                and EXTENT_TO_GAP.fullmatch(analysis.text, first.end, second.start)
                and EXTENT_FROM_BEFORE.search(analysis.text, max(0, first.start - 60), first.start)):
            continue
        index = sentence_of(analysis.sentences, first.start)
        if index is not None and index not in spread:
            country = _country_level(first, analysis)
            if country is not None and country.precision == "country":
                spread[index] = country
    # "LLEIDA" over a paragraph, as a round-up heads each town's news: the next sentence's place.
    for index in sorted(best):
        start, end = analysis.sentences[index]
        if _is_heading(analysis.text[start:end]) and index + 1 < len(analysis.sentences) and index + 1 not in best:
            best[index + 1] = best[index]
    # "people demonstrated across the country, including 200,000 in Tel Aviv": the same,
    # with the country the sentence's places are in.
    for index, (start, end) in enumerate(analysis.sentences):
        if index not in spread and NATIONWIDE.search(analysis.text, start, end):
            anchor = best.get(index) or analysis.focus_place
            country = _country_level(anchor, analysis) if anchor is not None else None
            if country is not None and country.precision == "country":
                spread[index] = country
    # "marched across France ... and Bordeaux's town hall in flames": the sentence reports
    # what happened all over the country; its towns are details of it.
    best.update(spread)
    return best, set(spread)


def _is_heading(sentence: str) -> bool:
    """A line in capitals ("LA JONQUERA", "BARCELONA: CLASHES AT URQUINAONA")."""
    letters = [c for c in sentence if c.isalpha()]
    return bool(letters) and len(sentence) <= HEADING_MAX_CHARS and all(c.isupper() for c in letters)


def is_event_place(place, analysis: ArticleAnalysis, lexicon: Lexicon) -> bool:
    """Whether a place mention can say where something happened: not a name inside an
    actor, a hospital destination, a demand, people's origin or nationality, an owner, the
    neighbour across a border or whose forces they are."""
    return not (place.lat is None or place.precision == "continent" or _is_actor_word(place, analysis.text, lexicon)
                or _is_casualty_destination(place, analysis.text)
                or _is_in_claim(place, analysis, lexicon)
                or PEOPLE_FROM_BEFORE.search(analysis.text, max(0, place.start - 40), place.start)
                or HOME_TOWN_BEFORE.search(analysis.text, max(0, place.start - 12), place.start)
                or NATIONALS_OF_BEFORE.search(analysis.text, max(0, place.start - 80), place.start)
                or BORDER_WITH_BEFORE.search(analysis.text, max(0, place.start - 30), place.start)
                or DESTINATION_BEFORE.search(analysis.text, max(0, place.start - 30), place.start)
                or (place.precision == "country" and SPEAKING_BODY_AFTER.match(analysis.text, place.end))
                or COMPANY_LIST_BEFORE.search(analysis.text, max(0, place.start - 120), place.start)
                or MISSION_OF_BEFORE.search(analysis.text, max(0, place.start - 120), place.start)
                or SLOGAN_BEFORE.search(analysis.text, max(0, place.start - 140), place.start)
                or STATEMENT_PLACE_BEFORE.search(analysis.text, max(0, place.start - 60), place.start)
                or OWNER_BEFORE.search(analysis.text, max(0, place.start - 20), place.start)
                or SPEAKER_DESCRIPTION_BEFORE.search(analysis.text, max(0, place.start - 100), place.start)
                or (HOSPITAL_AFTER.match(analysis.text, place.end)
                    and IN_A_BEFORE.search(analysis.text, max(0, place.start - 10), place.start))
                or (place.feature_code == "PPLC" and (
                    GOVERNMENT_ACT_AFTER.match(analysis.text, place.end)
                    or GOVERNMENT_SOURCE_BEFORE.search(analysis.text, max(0, place.start - 80), place.start)))
                or GOVERNMENT_OBJECT_BEFORE.search(analysis.text, max(0, place.start - 20), place.start)
                or EMBLEM_AFTER.match(analysis.text, place.end)
                or BASED_AFTER.match(analysis.text, place.end)
                or _is_demonym_of_a_thing(place, analysis.text)
                or (place.precision == "country" and _names_forces_abroad(place, analysis.text, lexicon)))


def _is_demonym_of_a_thing(place, text: str) -> bool:
    """"a Russian law", "Nigerian flags", "96 of them Croatian nationals": a country's adjective on
    a thing or a nationality says nothing of where the event is; on people or forces ("Kenyan
    police", "Russian troops") it may."""
    if place.precision != "country" or not place.text or place.text == place.name or not place.text[:1].isupper():
        return False
    if place.text.endswith("s"):
        return False  # "Kenyans": people
    if TITLE_AFTER.match(text, place.end):
        return True  # "French President Emmanuel Macron toured the district": a visitor's nationality
    if INDEFINITE_BEFORE.search(text, max(0, place.start - 30), place.start):
        return True  # "complaints from a Syrian, an Afghan and a Bulgarian man": one person, or a thing
    following = NEXT_WORD.match(text, place.end)
    return following is not None and DEMONYM_PEOPLE_NOUN.fullmatch(following.group(1)) is None


def _is_casualty_destination(place, text: str) -> bool:
    """"eight wounded were taken to hospital in Jos": where the casualties went, not where the
    event happened."""
    return CASUALTY_DESTINATION_BEFORE.search(text, max(0, place.start - 60), place.start) is not None


def _is_in_claim(place, analysis: ArticleAnalysis, lexicon: Lexicon) -> bool:
    """"students demanding that the university divest from companies linked to Israel": a
    place inside what a crowd asks for or stands with is not where it acts."""
    index = sentence_of(analysis.sentences, place.start)
    if index is None:
        return False
    clause = analysis.text[analysis.sentences[index][0]:place.start]
    words = CLAUSE_BREAK.split(clause)[-1].split()[-CLAIM_PLACE_WINDOW_WORDS:]
    return lexicon.claim_place_cues.search(" ".join(words)) is not None


def _is_actor_word(place, text: str, lexicon: Lexicon) -> bool:
    """A toponym that is (the start of) an actor's name: "Fano" the militia, not Fano in Italy."""
    for pattern in lexicon.actors:
        match = pattern.regex.match(text, place.start)
        if match and match.end() >= place.end:
            return True
    return False


def _names_forces_abroad(place, text: str, lexicon: Lexicon) -> bool:
    """A country or nationality that says whose forces act, not where ("Russian forces")."""
    following = ACTOR_QUALIFIER_GAP.match(text, place.end)
    after = following.end() if following else place.end
    # Either the actor phrase includes the nationality ("Russian forces") or follows it ("Nigerian troops").
    return any(pattern.operates_abroad and (pattern.regex.match(text, place.start)
                                            or pattern.regex.match(text, after))
               for pattern in lexicon.actors)


def find_focus_place(analysis: ArticleAnalysis, lexicon: Lexicon):
    """The article's focus place, unless none of its country's mentions can locate an event
    (it only names whose forces act, or where agents came from); then the first place in
    the text that can."""
    focus = analysis.focus_place
    if focus is None or any(p.country_code == focus.country_code and is_event_place(p, analysis, lexicon)
                            for p in analysis.places):
        return focus
    return next((p for p in analysis.places if is_event_place(p, analysis, lexicon)), None)


def locate(frame: Frame, analysis: ArticleAnalysis, focus) -> Optional[Location]:
    place = frame.place or focus
    if place is None:
        return None
    if frame.when.is_summary and not frame.has_own_place:
        place = _country_level(place, analysis)  # a summary over many days is coded to the country
    return place_location(place)


def place_location(place) -> Location:
    """The LOCATION record of a resolved place, named as the text names it; a country found
    through its people ("Kenyans") is named as the country."""
    name = place.country if place.precision == "country" and place.country else place.text or place.name
    if not _is_named(place):
        name = place.name  # "the capital": the city it is
    return Location(name=name, place=place.place, admin1=place.admin1,
                    country=place.country, country_code=place.country_code, lat=place.lat,
                    lon=place.lon, geonames_id=place.geonames_id, precision=place.precision)


def _country_level(place, analysis: ArticleAnalysis):
    for candidate in analysis.places:
        if candidate.precision == "country" and candidate.country_code == place.country_code:
            return candidate
    return place


def sentence_of(sentences: list[tuple[int, int]], position: int) -> Optional[int]:
    for index, (start, end) in enumerate(sentences):
        if start <= position < end:
            return index
    return None
