"""Turn an analysed article into EVENT records (EVENTS.md): frames of mentions, then the
fields of each frame, each with the evidence spans that support it."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Optional

from ..schema import Estimate, Event, Evidence, Quantity
from .classify import ARMED_TYPES, classify_event
from .fields import (FieldSpan, assign_actors, build_quantity, classify_quantity, find_actors,
                     find_claim_target, find_claims, find_codes, find_lone_victim, find_sources)
from .frames import HEADLINE_END, DateSpan, Frame, date_told_before, group_mentions, same_place, town_name
from .learned import load_event_models
from .lexicon import Lexicon
from .mentions import Mention
from .places import (CLAUSE_BREAK, find_dateline, find_focus_place, is_event_place, locate, place_location,
                     places_by_sentence, sentence_of)
from .summary import estimate_confidence, write_summary

DEMONSTRATION_TYPES = frozenset({"protest", "riot"})
# Chosen on held-out ACLED US notes (development): sub-type accuracy of matched events
# 0.916 -> 0.984 there, our examples 0.769 -> 0.846.
LEARNED_SUB_TYPE_MIN_PROBABILITY = 0.7
DEMONSTRATION_SUB_TYPES = {"peaceful_protest": "protest", "protest_with_intervention": "protest",
                           "excessive_force_against_protesters": "protest",
                           "violent_demonstration": "riot", "mob_violence": "riot"}
# Deaths or force in a summary make it a record of the protests' repression, not an arrest tally
# ("since the protests began, thousands have been detained and four killed").
TALLY_EXCLUDED_KINDS = frozenset({"kill", "excessive_force", "violent_protest"})
CROWD_SUBJECT = re.compile(
    r"\b(?:a|the|another)\s+(?:smaller\s+|small\s+|large\s+)?(?:group|crowd|mob)s?\b|\b(?:crowds|youths|protesters|demonstrators|"
    r"rioters|looters|hundreds|dozens|thousands)\b", re.I)
# What a toll of unrest counts: deaths, injuries ("attack" words like "injured") and arrests.
TOLL_KINDS = frozenset({"kill", "attack", "arrest"})
INJURY_WORD = re.compile(r"injured|wounded|hurt|injuries", re.I)
# A toll over this many days or more, with no one named who killed, sums up a conflict.
CONFLICT_TOLL_MIN_DAYS = 7
UNREST_WORD = re.compile(r"\b(?:unrest|riots?|rioting|disorder|looting)\b", re.I)
# "shot in the head during the melee": the shooting is part of the demonstration told.
HURT_IN_DEMONSTRATION_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:during|in)\s+the\s+(?:melee|protests?|clashes|unrest|riots?|rioting|demonstrations?|march|rally|"
    r"scuffles?)\b", re.I)
# The day a live blog's entry is written: under a day's heading, that day.
SAME_DAY_WORDS = re.compile(r"(?i:(?:earlier\s+|later\s+)?(?:today|tonight|this\s+(?:morning|afternoon|evening)))")
# Frames dated only to a year ("last year", "in 2019") are background too vague to code.
VAGUE_PRECISIONS = frozenset({"year"})
# "In May 1980, troops crushed an uprising in Gwangju": what happened years before the
# article is its history, told as background; an event dataset of the news codes it from
# the reports of its own time.
HISTORY_DAYS = 3 * 365
COUNT_FIELDS = ("crowd_size", "arrests", "fatalities", "injuries")
# A landmark this close (about 10 km) to a town's demonstration of the same day is in it.
SAME_TOWN_DEGREES = 0.1
# Demonstration sub-types from the calmest: a merged event keeps the more violent, and the
# trained classifier may not calm down what the rules found violent.
SUB_TYPE_SEVERITY = {"peaceful_protest": 0, "protest_with_intervention": 1,
                  "excessive_force_against_protesters": 2, "mob_violence": 3, "violent_demonstration": 4}
ARRESTS_TYPE = ("strategic_development", "arrests")
STATE_ATTACK_TYPE = ("violence_against_civilians", "attack")
# What the state does at a demonstration, as the rules see it (negated mentions are gone).
RESPONSE_KINDS = frozenset({"arrest", "intervention", "excessive_force", "kill", "attack"})
VIOLENT_SUB_TYPES = frozenset({"mob_violence", "violent_demonstration"})
# Where one unnumbered victim ("gunmen shot dead a farmer") is the fatality count. Not in
# demonstrations: their reports retell the killing that set them off ("after police shot a man").
LONE_VICTIM_TYPES = frozenset({"violence_against_civilians", "battles", "explosions_remote_violence"})
SPEECH_BEFORE_TIME = re.compile(
    r"\b(?:said|says|told [\w ]{1,30}?|announced|reported|confirmed|stated|added|"
    # "Sheffield Crown Court heard yesterday that ...": the day of the hearing
    r"(?i:court|jury|judge|tribunal|inquiry|inquest)\s+(?:was\s+told|heard))\s+(?:on\s+|late\s+|early\s+)?$"
    # "his announcement on Jan. 12 that prices would double triggered protests": the day of the words
    r"|\b(?:announcement|statement|decision|speech|address|ruling|verdict|decree)\s+(?:on|of)\s+$")
# "since the army seized power nearly three months ago": when a background began, not an event's
# day (a named day after "since" may still date the event that began it)
SINCE_CLAUSE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?(?:[\w'’-]+\s+){1,7}$", re.I)
# "Buhari will address the nation on Thursday evening", "the vote, set for Feb. 25": the day of
# what is yet to come or was only planned
FUTURE_BEFORE_TIME = re.compile(
    r"\b(?:will|would|is\s+to|are\s+to|is\s+due\s+to|are\s+due\s+to|plans?\s+to|is\s+expected\s+to)\s+"
    r"(?:[\w'’-]+\s+){1,8}$"
    # "the vote, originally set for Feb. 25": the day something was planned for
    r"|\b(?:set|scheduled|slated|planned|due|called)\s+(?:for|on)\s+$", re.I)
# "the death toll from rioting rose to at least 16 on Friday": the day of a count, not of the event
TOLL_UPDATE_BEFORE = re.compile(
    r"\btoll\b[^.;]{0,120}?\b(?:rose|risen|climbed|increased|reached|stood|jumped)\b[^.;,]{0,40}$", re.I)
# "a second student died on Friday of injuries sustained during a protest": the day of a death
# from earlier wounds, not of the protest
LATER_DEATH_BEFORE = re.compile(r"\bdied\s+(?:early\s+|late\s+)?(?:on\s+)?$", re.I)
LATER_DEATH_AFTER = re.compile(
    r"\s+(?:(?:of|from)\s+(?:(?:his|her|their|the)\s+)?(?:injuries|wounds|gunshot)|after\s+(?:surgery|being)|in\s+hospital)",
    re.I)
# A date used as a noun's modifier: "Ruto won 50.49% of the vote in the Aug. 9 poll".
NAMING_BEFORE_DATE = re.compile(r"(?:\bthe|['’]s)\s+$", re.I)
DATED_NOUN_AFTER = re.compile(
    r"\s+(?:(?:presidential|general|parliamentary|local|legislative|military|snap|run-?off)\s+)?"
    r"(?:poll|polls|vote|election|elections|referendum|coup|ruling|verdict|decision|deadline|meeting|summit|talks|"
    r"budget|announcement|blast|explosion|earthquake|fire|agreement|deal|accord)\b", re.I)
# "43 people had been arrested in connection with the disorder by Tuesday evening", "By Monday,
# detectives had also arrested...": when a tally was taken, not when anything happened
COUNT_CUTOFF_BEFORE = re.compile(
    r"\b(?:had|have|has)\s+been\s+(?:arrested|detained|charged|killed|injured|hurt|wounded|treated)\b[^.;]{0,80}\bby\s+$",
    re.I)
BY_BEFORE = re.compile(r"\b[Bb]y\s+$")
PERFECT_AFTER = re.compile(r",?\s+(?:[\w'’-]+\s+){0,3}(?:had|have|has)\s+(?:also\s+)?(?:been\s+)?[a-z]+ed\b")
# "Hours after Tuesday's decision, thousands gathered": the dated thing's day is the event's.
SAME_DAY_AFTER_BEFORE = re.compile(
    r"\b(?:hours|minutes|moments|shortly|soon|just|immediately|right)\s+(?:after|following)\s+$", re.I)
POSSESSIVE_DATED_NOUN_AFTER = re.compile(r"['’]s" + DATED_NOUN_AFTER.pattern, re.I)
# Between a date and another set beside it to narrow it: "Last week, on Aug. 27,".
APPOSITION_GAP = re.compile(r"\s*,\s*(?:on\s+|in\s+)?")
# "held without conviction since October 2017, when he was detained": the day the clause after
# "when" tells is the onset itself, not every day since.
ONSET_WHEN_AFTER = re.compile(r",?\s+when\b", re.I)
BACKGROUND_RELATIVE_BEFORE = re.compile(r"\b(?:where|who|which)\s+[^,;:.]{0,60}?\bhad\s+been\b[^,;:.]*$", re.I)
SPEECH_AFTER_TIME = re.compile(
    r"\s+(?:said|says|denied|announced|reported|confirmed|stated|added|told|warned|claimed|insisted)\b")
# A list of towns: introduced by "in"/"including"/"such as", joined by commas and "and".
# "in Tehran, Mashhad and Rasht", "in the Black Sea city of Batumi and in the western city of Kutaisi"
LIST_INTRO_BEFORE = re.compile(r"\b(?:in|near|including|such as|across|cities of|towns of)\s+"
                               r"(?:the\s+(?:[\w-]+\s+){0,3}?(?:city|town|port|capital|village)\s+of\s+)?$", re.I)
CROWD_WORDS = re.compile(r"\b(?:crowds?|protesters|demonstrators|marchers|people|thousands|hundreds)\b", re.I)
# "in Cairo, Alexandria, Suez and several other cities": a list whose "and" adds the rest.
LIST_MORE_AFTER = re.compile(r",?\s+and\s+(?:several|many|other|dozens|scores|a\s+number|more\s+than|at\s+least)\b", re.I)
LIST_GAP = re.compile(r",\s*|,?\s+and\s+(?:in\s+)?(?:the\s+(?:[\w-]+\s+){0,2}?(?:city|town|port|capital)\s+of\s+)?")
ADMIN_NOUN_AFTER = re.compile(r"\s+(?:counties|county|provinces|districts|states|regions|parishes)\b", re.I)
TIME_OF_EVENT_AFTER = re.compile(r"\s+of\s+(?:[\w-]+\s+){0,2}?(?:riots?|rioting|unrest|protests?|clashes|violence|"
                                 r"demonstrations?|strikes?|looting|fighting)\b", re.I)
# "tense on Thursday after two days of looting": the day of the aftermath, not of the events
# (a day like "late on Thursday after officers left" still dates what follows it).
AFTERMATH_FOLLOWS = re.compile(
    r"\s+(?:after|following)\s+(?:a|one|two|three|four|five|several|many|\d+)\s+(?:days?|nights?|weeks?)\s+of\b", re.I)
DATE_IN_NAME_AFTER = re.compile(
    r"(?:st|nd|rd|th)?\s+(?:[A-Z][\w'’-]+\s+){0,2}(?:Square|Street|Avenue|Bridge|Park|Road|Boulevard|Stadium|"
    r"Movement|Uprising|Revolution|Memorial|Cemetery|Hall|University|Hospital)\b")
RELATIVE_ASIDE_BEFORE = re.compile(r"[\w\"”'’)],\s+(?:which|who)\s+[^,;:.]*$")
PARTICIPLE_BEFORE_YEAR = re.compile(r"\b[a-z]+ed\s+(?:in|since)\s+$")
# A live blog's time stamp opening a paragraph: "19:40 - ", "9.15am: ", "14:05 GMT -".
LIVE_ENTRY_STAMP = re.compile(
    r"(?:^|\n)\d{1,2}[:.]\d{2}[ \t]*(?:[ap]\.?m\.?)?[ \t]*(?:[A-Z]{2,4}[ \t]*)?(?:[-–—:|]\s|\n)", re.I)
# Bulleted key points, an explainer's headings in capitals ("WHO IS PROTESTING?"), and links to
# other stories ("RELATED: Bangladesh opposition rally in Dhaka turns violent (Oct 28)").
KEY_POINT_LINE = re.compile(
    r"(?m)^[ \t]*(?:[-–—]+[ \t]*)?(?:[•▪►][^\n]*|[A-Z][A-Z'’ ,-]*[A-Z][ \t]*\??"
    r"|(?i:related|related coverage|read more|see also|more on this)[ \t]*:[^\n]*)[ \t]*$")
# Detentions in one day this large are made at demonstrations, in a report on them.
MASS_DETENTION_MIN = 100
VIOLENT_KINDS = frozenset({"kill", "attack", "abduction", "sexual_violence", "excessive_force"})
# Between a killing and its day: the agent ("killed by police in March").
GRIEVANCE_AGENT_GAP = re.compile(r"\s+by\s+(?:[\w'-]+\s+){1,4}?(?:in|on|last|earlier)?\s*")
# "three young people were shot dead by security forces on Thursday": the report of a killing,
# not a past one that names a victim ("a woman killed by police in March")
FINITE_PASSIVE_BEFORE = re.compile(r"\b(?:were|was)\s+(?:(?:[\w-]+ly|also|then|reportedly)\s+)?$")


@dataclass
class ArticleAnalysis:
    """What the nlp and geo stages found in one article; the input of ``extract_events``."""
    text: str
    reference_date: dt.date
    sentences: list[tuple[int, int]]
    times: list  # nlp.times.TimeExpression
    quantities: list  # nlp.quantities.QuantityMention
    places: list  # geo.resolve.Place
    mentions: list[Mention]
    focus_place: Optional[object] = None


def extract_events(analysis: ArticleAnalysis, lexicon: Lexicon,
                   reconcile: Callable) -> list[Event]:
    """EVENT records for every frame of eventive mentions that ACLED would code."""
    usable_dates = _usable_dates_by_sentence(analysis)
    sentence_dates = _first_dates(usable_dates, analysis.text)
    stamps = _live_entry_stamps(analysis.text)
    _date_live_entries(sentence_dates, analysis, stamps)
    sentence_places, nationwide = places_by_sentence(analysis, lexicon)
    default = DateSpan(analysis.reference_date, None, "day")
    texts = {i: analysis.text[s:e] for i, (s, e) in enumerate(analysis.sentences)}
    summaries = _live_entry_titles(analysis, stamps) | _key_point_sentences(analysis)
    mentions = [mention for mention in analysis.mentions if mention.sentence not in summaries]
    all_frames = group_mentions(mentions, sentence_dates, sentence_places, default, texts,
                                frozenset(nationwide), _dates_by_clause(analysis, usable_dates, sentence_dates))
    frames = [f for f in all_frames if f.when.precision not in VAGUE_PRECISIONS
              and not _is_history(f.when, analysis.reference_date)]
    focus = find_focus_place(analysis, lexicon)
    context = _context_sentences(frames, all_frames, len(analysis.sentences))
    built = []
    for frame, sentences in zip(frames, context):
        event = _build_event(frame, sentences, analysis, lexicon, reconcile, focus)
        if event is not None:
            built.append((frame, event))
            built.extend((frame, town_event) for town_event in _code_listed_towns(frame, event, analysis, lexicon))
    _code_unrest_tolls(built, analysis)
    built = _fold_casualty_reports(built, analysis.text)
    built = [(frame, event) for frame, event in built if not _is_conflict_toll(frame, event, analysis, lexicon)]
    _code_looting_in_riots(built, analysis, lexicon)
    first_sentence = min((min(frame.sentences) for frame, _ in built), default=None)
    events = []
    for frame, event in built:
        retold = _dated_event_retold(frame, event, built)
        if retold is not None:
            _take_missing_counts(retold, event)
        elif not (min(frame.sentences) == first_sentence and _is_lead_told_day_by_day(event, built)):
            events.append(event)
    events = [event for event in events if not _is_vaguer_retelling(event, events)]
    return _merge_same_scene(_drop_responses_to_unrest(events))


def _is_history(when: DateSpan, reference_date) -> bool:
    return reference_date is not None and (reference_date - (when.end_date or when.date)).days > HISTORY_DAYS


def _drop_responses_to_unrest(events: list[Event]) -> list[Event]:
    """A curfew or a deployment in a report of demonstrations is the authorities' answer to
    them, told as context; coders code it as an event only where it is the news itself."""
    if not any(event.event_type in ("protest", "riot") for event in events):
        return events
    return [event for event in events if event.sub_event_type != "change_to_group_activity"]


def _code_unrest_tolls(built: list[tuple[Frame, Event]], analysis: ArticleAnalysis) -> None:
    """"Since the strike began, five people have died and 97 have been arrested": deaths and
    arrests counted over the country or over days, with no attack told, are the toll of the
    demonstrations the article reports, not an attack on civilians. A toll "of the unrest" is
    a riot's; otherwise it takes the more frequent of the article's protest and riot types, and
    the most severe sub-type told of that type."""
    demonstrations = [event for _, event in built if event.event_type in DEMONSTRATION_TYPES]
    if not demonstrations:
        return
    riots = sum(event.event_type == "riot" for event in demonstrations)
    for frame, event in built:
        if not _is_toll(frame, event) or not (frame.when.is_summary or event.location.precision == "country"):
            continue
        told = " ".join(analysis.text[slice(*analysis.sentences[i])] for i in sorted(frame.sentences))
        event_type = "riot" if UNREST_WORD.search(told) or riots > len(demonstrations) - riots else "protest"
        event.event_type = event_type
        event.sub_event_type = max((e.sub_event_type for e in demonstrations if e.event_type == event_type),
                                   key=SUB_TYPE_SEVERITY.__getitem__,
                                   default="violent_demonstration" if event_type == "riot" else "peaceful_protest")
        event.summary = write_summary(event)


def _fold_casualty_reports(built: list[tuple[Frame, Event]], text: str) -> list[tuple[Frame, Event]]:
    """"Nine people had died, six in Dakar", "Carr was shot during the melee and died Thursday":
    deaths told with no attack, or shootings told as part of the demonstration, in a town whose
    demonstration the article reports that day or the day before, are that demonstration's
    casualties, not an attack of their own."""
    demonstrations = [event for _, event in built if event.event_type in DEMONSTRATION_TYPES]
    kept = []
    for frame, event in built:
        if (_is_toll(frame, event) or _is_hurt_in_demonstration(frame, event, text)) and not frame.when.is_summary:
            scene = next((other for other in demonstrations if _is_casualty_scene(other, event)), None)
            if scene is not None:
                _take_missing_counts(scene, event)
                continue
        kept.append((frame, event))
    return kept


def _is_hurt_in_demonstration(frame: Frame, event: Event, text: str) -> bool:
    return (event.event_type == "violence_against_civilians" and frame.kinds <= {"attack", "kill"}
            and any(HURT_IN_DEMONSTRATION_AFTER.match(text, m.end) for m in frame.mentions))


def _is_casualty_scene(demonstration: Event, casualties: Event) -> bool:
    last_day = dt.date.fromisoformat(demonstration.end_date or demonstration.date)
    days = (dt.date.fromisoformat(casualties.date) - last_day).days
    return (0 <= days <= 1 and demonstration.location.country_code == casualties.location.country_code
            and town_name(demonstration.location) == town_name(casualties.location))


def _is_conflict_toll(frame: Frame, event: Event, analysis: ArticleAnalysis, lexicon: Lexicon) -> bool:
    """"More than 3,000 people have been killed since the coup": a count of deaths over weeks,
    with nobody named who killed them, sums up a conflict; it is no attack of its own (the
    tolls of demonstrations are coded as theirs, by _code_unrest_tolls)."""
    if not _is_toll(frame, event) or not frame.when.is_summary:
        return False
    if frame.when.end_date is not None and (frame.when.end_date - frame.when.date).days < CONFLICT_TOLL_MIN_DAYS:
        return False
    return not _armed_actor_types(frame, analysis, lexicon)


def _is_toll(frame: Frame, event: Event) -> bool:
    """An attack on civilians coded from deaths, injuries and arrests alone: no attack told."""
    return (event.event_type == "violence_against_civilians" and frame.kinds <= TOLL_KINDS
            and all(m.kind != "attack" or INJURY_WORD.fullmatch(m.text) for m in frame.mentions))


def _armed_actor_types(frame: Frame, analysis: ArticleAnalysis, lexicon: Lexicon) -> set[str]:
    """The armed actor types the frame's own sentences name."""
    own_spans = [analysis.sentences[i] for i in sorted(frame.sentences)]
    return {actor[0] for actor in find_actors(analysis.text, own_spans, lexicon)} & ARMED_TYPES


def _code_looting_in_riots(built: list[tuple[Frame, Event]], analysis: ArticleAnalysis, lexicon: Lexicon) -> None:
    """"Scores of shops were looted in Pietermaritzburg": in an article that reports riots,
    looting whose own sentences name no armed group, nor forces other than those who answered
    it, is more of the rioting; in one that reports protests, so is a crowd's ("a smaller
    group smashed windows"). ACLED's looting sub-type is for destruction outside
    demonstrations and other violence."""
    riots = [event.sub_event_type for _, event in built if event.event_type == "riot"]
    protests = any(event.event_type == "protest" for _, event in built)
    if not riots and not protests:
        return
    # the most frequent, the first told on a tie (not a set's order, which varies by process)
    sub_type = max(dict.fromkeys(riots), key=riots.count) if riots else "violent_demonstration"
    for frame, event in built:
        if (event.event_type, event.sub_event_type) != ("strategic_development", "looting_property_destruction"):
            continue
        armed = _armed_actor_types(frame, analysis, lexicon)
        if frame.kinds & RESPONSE_KINDS:
            armed.discard("state_forces")  # the police who answered the looters
        # Beside protests only, a crowd must do it ("a smaller group smashed windows").
        by_crowd = bool(riots) or any(CROWD_SUBJECT.search(analysis.text, *analysis.sentences[i])
                                      for i in frame.sentences)
        if not armed and by_crowd:
            event.event_type, event.sub_event_type = "riot", sub_type
            event.summary = write_summary(event)


def _merge_same_scene(events: list[Event]) -> list[Event]:
    """One demonstration per town and day (EVENTS.md: one place, one day; a march and the
    arrests at it are one event): "at least 50 people were arrested in Nairobi on Tuesday",
    told after the day's other towns, is the arrests of Nairobi's march, not a second event.
    The more violent type decides; counts, demands and responses missing from the first
    telling are taken from the later one."""
    kept: list[Event] = []
    for event in events:
        same = next((other for other in kept if _is_same_scene(other, event)), None)
        if same is None:
            kept.append(event)
            continue
        if same.event_type not in DEMONSTRATION_TYPES or (
                event.event_type in DEMONSTRATION_TYPES
                and SUB_TYPE_SEVERITY[event.sub_event_type] > SUB_TYPE_SEVERITY[same.sub_event_type]):
            same.event_type, same.sub_event_type, same.actors = event.event_type, event.sub_event_type, event.actors
        if (_is_state_attack(event) or _is_state_attack(same)) and same.sub_event_type in (
                "peaceful_protest", "protest_with_intervention"):
            same.sub_event_type = "excessive_force_against_protesters"  # forces fired on this crowd
        arrests = ["arrests"] if ARRESTS_TYPE in ((same.event_type, same.sub_event_type),
                                                  (event.event_type, event.sub_event_type)) else []
        same.state_responses = _unique(same.state_responses + event.state_responses + arrests)
        same.demands = _unique(same.demands + event.demands)
        _take_missing_counts(same, event)
        same.summary = write_summary(same)
    return kept


def _is_same_scene(a: Event, b: Event) -> bool:
    kinds = [a.event_type in DEMONSTRATION_TYPES or (a.event_type, a.sub_event_type) == ARRESTS_TYPE or _is_state_attack(a),
             b.event_type in DEMONSTRATION_TYPES or (b.event_type, b.sub_event_type) == ARRESTS_TYPE or _is_state_attack(b)]
    if not all(kinds) or DEMONSTRATION_TYPES.isdisjoint({a.event_type, b.event_type}):
        return False
    if (_is_state_attack(a) or _is_state_attack(b)) and "protest" not in (a.event_type, b.event_type):
        return False
    if {a.sub_event_type, b.sub_event_type} == {"excessive_force_against_protesters", "violent_demonstration"}:
        return False  # forces firing on a sit-in, and barricades burning later: who acted differs
    if (a.date, a.end_date) != (b.date, b.end_date) or a.location.country_code != b.location.country_code:
        return False
    if {a.location.precision, b.location.precision} - {"place", "point"}:
        return False
    if a.location.precision == b.location.precision == "point" and a.location.name != b.location.name:
        return False  # a march in a park by day and a riot at the courthouse by night: two scenes
    if town_name(a.location) == town_name(b.location):
        return True
    if "point" not in (a.location.precision, b.location.precision):
        return False  # two towns by name, however close (Khartoum and Omdurman)
    return (a.location.lat is not None and b.location.lat is not None
            and abs(a.location.lat - b.location.lat) < SAME_TOWN_DEGREES
            and abs(a.location.lon - b.location.lon) < SAME_TOWN_DEGREES)


def _is_state_attack(event: Event) -> bool:
    """"Police and soldiers fired on crowds in Yangon": an attack by state forces, which at a
    town's demonstration that day is force used against it."""
    return (event.event_type, event.sub_event_type) == STATE_ATTACK_TYPE and any(
        actor.role == "initiator" and actor.type == "state_forces" for actor in event.actors)


def _code_listed_towns(frame: Frame, event: Event, analysis: ArticleAnalysis, lexicon: Lexicon) -> list[Event]:
    """"Protesters took to the streets in dozens of cities, including Tehran, Mashhad, Tabriz and
    Rasht": one event for each town listed with the event's own (ACLED codes each location).
    The other towns get what the listing sentence says of them all, and no counts. A list
    without the event's town gets events from what its own clause says after it."""
    if event.location.precision not in ("place", "point"):
        return []
    for index in sorted(frame.sentences):
        towns = _town_list(analysis, index, lexicon)
        own = [town for town in towns if town_name(town) == town_name(event.location)]
        listed = [mention for mention in frame.mentions if mention.sentence == index]
        if towns and not own:
            # "In Louisville, seven were shot at a vigil, and in Denver and Columbus demonstrators
            # blocked highways": the towns act in their own clause, after the list; "thousands
            # gathered in Kosice, and crowds were reported in Zilina and Presov": or in the
            # clause that leads to it.
            after_list = [mention for mention in listed if mention.start > towns[-1].end]
            clause_start = _clause_start(analysis.text, analysis.sentences[index][0], towns[0].start)
            leading = [mention for mention in listed if clause_start < mention.start < towns[0].start]
            in_second_clause = clause_start > analysis.sentences[index][0]
            if any(not mention.is_weak for mention in after_list):
                listed = after_list
            elif in_second_clause and leading:
                listed = leading
            elif not (in_second_clause and CROWD_WORDS.search(analysis.text, clause_start, towns[0].start)):
                continue  # else the crowds of the second clause did what the first clause tells
        elif not own:
            continue
        sentence = [analysis.sentences[index]]
        found_actors = find_actors(analysis.text, sentence, lexicon)
        decision = classify_event({m.kind for m in listed if not m.is_weak}, {m.kind for m in listed if m.is_weak},
                                  (actor[0] for actor in found_actors))
        if decision is None:
            return []
        return [_town_event(event, town, decision, found_actors, analysis.text, listed) for town in towns
                if town not in own]
    return []


def _clause_start(text: str, sentence_start: int, position: int) -> int:
    """Where the clause holding ``position`` starts: after the last clause break (", and", ";",
    ", who", "while"...) before it in its sentence (the sentence's start if none)."""
    breaks = list(CLAUSE_BREAK.finditer(text, sentence_start, position))
    return breaks[-1].end() if breaks else sentence_start


def _town_list(analysis: ArticleAnalysis, index: int, lexicon: Lexicon) -> list:
    """The towns of a list ("in Tehran, Mashhad, Tabriz and Rasht") in sentence ``index``; not
    towns people came from or a demand names ("travelled from regions such as Puno and Cusco")."""
    start, end = analysis.sentences[index]
    towns = [place for place in analysis.places if start <= place.start < end and place.precision == "place"
             and is_event_place(place, analysis, lexicon)]
    for first in range(len(towns)):
        if not LIST_INTRO_BEFORE.search(analysis.text, max(start, towns[first].start - 40), towns[first].start):
            continue
        run, has_and = [towns[first]], False
        for town in towns[first + 1:]:
            gap = LIST_GAP.fullmatch(analysis.text, run[-1].end, town.start)
            if not gap or town.name in (run[-1].admin1, run[-1].country):
                break  # "Garden City, New York": a town and its state
            run.append(town)
            has_and = has_and or "and" in gap.group(0)
            if has_and:
                break
        has_and = has_and or (len(run) >= 2 and LIST_MORE_AFTER.match(analysis.text, run[-1].end) is not None)
        # Two towns need an "and": "Federal Way, Washington" is one town.
        if has_and and not ADMIN_NOUN_AFTER.match(analysis.text, run[-1].end) \
                and len({town_name(town) for town in run}) == len(run):
            return run
    return []


def _town_event(event: Event, town, decision: tuple[str, str], found_actors, text: str, mentions) -> Event:
    event_type, sub_type = decision
    location = place_location(town)
    copy = event.model_copy(deep=True, update={
        "event_type": event_type, "sub_event_type": sub_type, "location": location,
        "actors": assign_actors(event_type, sub_type, found_actors, location.country, None),
        "state_responses": [], "evidence": [_evidence("event_type", text, m.start, m.end) for m in mentions
                                            if not m.is_weak][:3] + [_evidence("location", text, town.start, town.end)],
        **{name: None for name in COUNT_FIELDS}})
    copy.summary = write_summary(copy)
    return copy


def _take_missing_counts(event: Event, retelling: Event) -> None:
    """"Gunmen killed at least 17 people in a raid" in an undated lead is the body's raid's toll
    when the body gives none."""
    taken = [name for name in COUNT_FIELDS if getattr(event, name) is None and getattr(retelling, name) is not None]
    for name in taken:
        setattr(event, name, getattr(retelling, name))
        event.evidence.extend(e for e in retelling.evidence if e.field == name)
    if taken:
        event.summary = write_summary(event)  # the note names the counts


def _is_lead_told_day_by_day(event: Event, built) -> bool:
    """A lead that sums up "this week" ("police fired tear gas in Mombasa a day after a march in
    Nairobi") over events the body then reports day by day: those events, told twice."""
    if event.date_precision != "week":
        return False
    first, last = dt.date.fromisoformat(event.date), dt.date.fromisoformat(event.end_date or event.date)
    family = _event_family(event.event_type)
    return any(other is not event and other.date_precision == "day" and _event_family(other.event_type) == family
               and other.location.country_code == event.location.country_code
               and first <= dt.date.fromisoformat(other.date) <= last for _, other in built)


def _event_family(event_type: str) -> str:
    return "demonstration" if event_type in DEMONSTRATION_TYPES else event_type


def _is_vaguer_retelling(event: Event, events: list[Event]) -> bool:
    """A lead's "air strike in Sagaing region on Tuesday" is the body's strike on a village in
    Sagaing that day: one event, coded at the more precise place. Country-level events stay:
    they sum up a day nationwide."""
    if event.location.precision != "admin1":
        return False
    return any(other is not event and other.event_type == event.event_type and other.date == event.date
               and other.location.precision in ("place", "point")
               and other.location.country_code == event.location.country_code
               and other.location.admin1 == event.location.admin1 for other in events)


def _dated_event_retold(frame: Frame, event: Event, built) -> Optional[Event]:
    """The dated event of the same family and place that an undated frame (a lead or summary
    sentence) reports again, if any: that event, told twice."""
    if frame.when.start is not None:
        return None
    return next((other_event for other, other_event in built
                 if other is not frame and other.when.start is not None
                 and _event_family(other_event.event_type) == _event_family(event.event_type)
                 and other_event.location.country_code == event.location.country_code
                 and (other.place is None or frame.place is None or same_place(other.place, frame.place))), None)


def _context_sentences(frames: list[Frame], all_frames: list[Frame], sentence_count: int) -> list[list[int]]:
    """Each frame's sentences plus the sentences after them that open no frame of their own:
    they elaborate the event before them ("Organisers put the turnout at 5,000."). A frame too
    vague to code ("more than 100 were killed between December and February") still ends the
    elaboration of the one before it."""
    firsts = sorted({min(f.sentences) for f in all_frames})
    context = []
    for frame in frames:
        following = [i for i in firsts if i > max(frame.sentences)]
        stop = following[0] if following else sentence_count
        extra = range(max(frame.sentences) + 1, stop)
        context.append(sorted(set(frame.sentences) | set(extra)))
    return context


def _build_event(frame: Frame, context: list[int], analysis: ArticleAnalysis, lexicon: Lexicon,
                 reconcile, focus) -> Optional[Event]:
    if frame.when.date > analysis.reference_date:
        return None  # reported as still to come: announced, not an event
    own_spans = [analysis.sentences[i] for i in sorted(frame.sentences)]
    spans = [analysis.sentences[i] for i in context]
    found_actors = find_actors(analysis.text, own_spans, lexicon)
    decision = classify_event(frame.kinds, frame.weak_kinds, (a[0] for a in found_actors))
    location = locate(frame, analysis, focus)
    if decision is None or location is None:
        return None
    event_type, sub_type = refine_sub_type(_code_arrest_tally(frame, decision), analysis.text, own_spans, frame.kinds)
    evidence = [_evidence("event_type", analysis.text, m.start, m.end) for m in frame.mentions if not m.is_weak][:3]
    evidence += _date_evidence(frame, analysis.text)
    if frame.has_own_place and getattr(frame.place, "start", None) is not None:
        evidence.append(_evidence("location", analysis.text, frame.place.start, frame.place.end))
    counts = _counts(context, analysis, lexicon, reconcile, event_type, evidence, frame)
    if _is_mass_detention_at_protests(event_type, sub_type, counts, frame, analysis):
        event_type, sub_type = "protest", "protest_with_intervention"
    if frame.when.is_summary and event_type in DEMONSTRATION_TYPES and not any(counts.values()):
        # "the group that has led the protests since December": background, unless the
        # summary counts what happened (EVENTS.md: "thousands detained and four killed").
        return None
    is_demonstration = event_type in DEMONSTRATION_TYPES
    # Demands belong to demonstrators' own actions; under excessive force the state acts.
    has_demands = is_demonstration and sub_type != "excessive_force_against_protesters"
    claims = find_claims(analysis.text, spans) if has_demands else []
    passage = " ".join(analysis.text[start:end] for start, end in spans)
    demands = _demands(analysis.text, spans, passage, lexicon, evidence) if has_demands else []
    responses = _state_responses(frame, analysis.text, spans, passage, lexicon, evidence) if is_demonstration else []
    actors = assign_actors(event_type, sub_type, found_actors, location.country, find_claim_target(claims))
    sources = find_sources(analysis.text, spans) + _quantity_sources(counts)
    event = Event(
        event_type=event_type, sub_event_type=sub_type,
        date=frame.when.date.isoformat(),
        end_date=frame.when.end_date.isoformat() if frame.when.end_date else None,
        date_precision=frame.when.precision, location=location,
        actors=actors, demands=demands, claims=_unique([c.value for c in claims]),
        state_responses=responses, sources_cited=_unique([s.value for s in sources]),
        evidence=evidence + [_evidence("claims", analysis.text, c.start, c.end) for c in claims]
        + [_evidence("sources_cited", analysis.text, s.start, s.end) for s in sources if s.start >= 0],
        **counts,
    )
    event.confidence = estimate_confidence(event, frame)
    event.summary = write_summary(event)
    return event


def _dates_by_clause(analysis: ArticleAnalysis, usable: dict[int, list[DateSpan]],
                     sentence_dates: dict[int, DateSpan]) -> dict[int, DateSpan]:
    """Where a sentence names more than one day, each mention's day from its own clause
    (by mention start), when that is not the day the sentence goes by."""
    dated: dict[int, DateSpan] = {}
    for mention in analysis.mentions:
        spans = usable.get(mention.sentence, [])
        if len(spans) < 2:
            continue
        start, end = analysis.sentences[mention.sentence]
        breaks = [start] + [match.end() for match in CLAUSE_BREAK.finditer(analysis.text, start, end)] + [end]
        clause = next(((a, b) for a, b in zip(breaks, breaks[1:]) if a <= mention.start < b), None)
        own = [span for span in spans if clause and clause[0] <= span.start < clause[1]]
        if own and sentence_dates.get(mention.sentence) not in own:
            dated[mention.start] = own[0]
    return dated


def _live_entry_stamps(text: str) -> list[re.Match]:
    """A live blog's time stamps ("19:40 - "); none for a text with fewer than two."""
    stamps = list(LIVE_ENTRY_STAMP.finditer(text))
    return stamps if len(stamps) >= 2 else []


def _live_entry_titles(analysis: ArticleAnalysis, stamps: list[re.Match]) -> set[int]:
    """Sentences that are a live blog's entry titles ("14:02 - Amnesty: at least 12 killed"):
    they restate the entry below them, on the blog's day, not the day it reports."""
    titles = set()
    for stamp in stamps:
        line_end = analysis.text.find("\n", stamp.end())
        line_end = len(analysis.text) if line_end == -1 else line_end
        if not HEADLINE_END.search(analysis.text[stamp.end():line_end].strip()):
            titles |= {i for i, (start, end) in enumerate(analysis.sentences)
                       if start >= stamp.start() and end <= line_end and start < end}
    return titles


def _key_point_sentences(analysis: ArticleAnalysis) -> set[int]:
    """Sentences of bulleted key points ("• Sporadic protests in Lahore, Peshawar; workers rounded
    up in Karachi") and of headings in capitals ("WHO IS PROTESTING?"): a summary or a
    question of the body, which reports each event with its day."""
    lines = [(match.start(), match.end()) for match in KEY_POINT_LINE.finditer(analysis.text)]
    return {i for i, (start, end) in enumerate(analysis.sentences)
            if any(line_start <= start < line_end for line_start, line_end in lines)}


def _date_live_entries(sentence_dates: dict[int, DateSpan], analysis: ArticleAnalysis,
                       stamps: list[re.Match]) -> None:
    """A live blog's entries ("19:40 - Police have fired water cannon...") report the day of
    the blog, or of the day heading above them, unless they name another, and its recaps run
    from day to day: each undated sentence goes by the last day told before it, not by an
    event an entry or a day away."""
    if not stamps:
        return
    headings = _day_headings(analysis)
    for stamp in stamps:
        index = next((i for i, (start, end) in enumerate(analysis.sentences) if start <= stamp.end() <= end), None)
        if index is not None and index not in sentence_dates:
            # under a day's heading ("Tuesday, Dec. 3"), the entries are that day's
            day = _heading_day(headings, stamp.start()) or analysis.reference_date
            sentence_dates[index] = DateSpan(day, None, "day", stamp.start(), stamp.end())
    for index, (start, _) in enumerate(analysis.sentences):
        told = sentence_dates.get(index)
        if (told is not None and told.date == analysis.reference_date and told.start is not None
                and SAME_DAY_WORDS.fullmatch(analysis.text[told.start:told.end])):
            day = _heading_day(headings, start)
            if day is not None:
                # "more than 100 arrested in Freetown today", under the heading "Wednesday 10 August"
                sentence_dates[index] = DateSpan(day, None, "day", told.start, told.end)
    for index in range(len(analysis.sentences)):
        if index not in sentence_dates:
            told = date_told_before(index, sentence_dates)
            if told is not None:
                sentence_dates[index] = told


def _day_headings(analysis: ArticleAnalysis) -> list[tuple[int, dt.date]]:
    """A live blog's day headings: lines that hold nothing but a day ("Tuesday, Dec. 3")."""
    text = analysis.text
    headings = []
    for expression in analysis.times:
        if expression.date is None or expression.precision != "day" or expression.end_date is not None:
            continue
        line_start = text.rfind("\n", 0, expression.start) + 1
        line_end = text.find("\n", expression.end)
        line_end = len(text) if line_end == -1 else line_end
        if not text[line_start:expression.start].strip() and not text[expression.end:line_end].strip(" .:-–—"):
            headings.append((expression.start, expression.date))
    return headings


def _heading_day(headings: list[tuple[int, dt.date]], position: int) -> Optional[dt.date]:
    """The day of the last heading before ``position``, if any."""
    return next((date for start, date in reversed(headings) if start < position), None)


def _first_dates(usable: dict[int, list[DateSpan]], text: str) -> dict[int, DateSpan]:
    """The day each sentence goes by: its first usable one, unless a later one names the time
    of the event ("on Monday after a weekend of riots")."""
    first = {}
    for index, spans in usable.items():
        named = [span for span in spans[1:] if TIME_OF_EVENT_AFTER.match(text, span.end)]
        first[index] = named[-1] if named else _narrowed(spans[0], spans[1:], text)
    return first


def _narrowed(span: DateSpan, later: list[DateSpan], text: str) -> DateSpan:
    """"Last week, on Aug. 27, ...": a date set beside a vaguer one, inside it, says which day."""
    following = next(iter(later), None)
    if (following is None or span.end is None or following.start is None
            or not APPOSITION_GAP.fullmatch(text, span.end, following.start)):
        return span
    inside = span.date <= following.date and following.last <= span.last
    return following if inside and following.last - following.date < span.last - span.date else span


def _dates_another_thing(analysis: ArticleAnalysis, expression, violence_ends: list[int]) -> bool:
    """Whether a time expression gives the day of something other than an event it could date:
    a statement, a count, a poll, a plan or a future, a background's onset, a grievance."""
    text, start, end = analysis.text, expression.start, expression.end

    def before(pattern: re.Pattern, chars: int):
        return pattern.search(text, max(0, start - chars), start)

    if before(SPEECH_BEFORE_TIME, 40) or SPEECH_AFTER_TIME.match(text, end):
        return True  # "the army said on Thursday that...", "the ministry on Tuesday denied..."
    if before(LATER_DEATH_BEFORE, 30) and LATER_DEATH_AFTER.match(text, end):
        return True  # "died on Friday of injuries sustained during a protest"
    if before(TOLL_UPDATE_BEFORE, 120) or before(COUNT_CUTOFF_BEFORE, 120) or (
            before(BY_BEFORE, 4) and PERFECT_AFTER.match(text, end)):
        return True  # "the toll rose to 16 on Friday", "43 had been arrested by Tuesday evening"
    if ((before(NAMING_BEFORE_DATE, 5) and DATED_NOUN_AFTER.match(text, end))
            or POSSESSIVE_DATED_NOUN_AFTER.match(text, end)) and not before(SAME_DAY_AFTER_BEFORE, 30):
        return True  # "the Aug. 9 poll", "Myanmar's Feb. 1 coup", "Sunday's election"; not "hours after"
    if expression.kind == "since":
        if before(BACKGROUND_RELATIVE_BEFORE, 100):
            return True  # "at Alausa, where demonstrators had been camped since last week"
    elif (before(SINCE_CLAUSE_BEFORE, 60) and text[start:end].lower().endswith("ago")) or before(FUTURE_BEFORE_TIME, 50):
        return True  # "since the army seized power three months ago", "will address the nation on Thursday"
    participle = expression.precision == "year" and before(PARTICIPLE_BEFORE_YEAR, 30)
    if participle and not any(m.start <= participle.start() < m.end for m in analysis.mentions):
        return True  # "the monarchy abolished in 2008": when a thing came to be; not "torched in 2006"
    # "a woman killed by police in March": the day of a grievance, not of the event
    return bool(AFTERMATH_FOLLOWS.match(text, end)) or any(
        GRIEVANCE_AGENT_GAP.fullmatch(text, violence_end, start) for violence_end in violence_ends)


def _usable_dates_by_sentence(analysis: ArticleAnalysis) -> dict[int, list[DateSpan]]:
    """The time expressions of each sentence that can date an event, as DateSpans."""
    all_dates: dict[int, list[DateSpan]] = {}
    dateline = find_dateline(analysis.text)
    # "a woman killed by police in March": a past killing's day, told to say who the victim was
    violence_ends = [m.end for m in analysis.mentions if m.kind in VIOLENT_KINDS
                     and not FINITE_PASSIVE_BEFORE.search(analysis.text, max(0, m.start - 30), m.start)]
    for expression in analysis.times:
        if expression.date is None or (dateline and dateline.start() <= expression.start
                                          and expression.end <= dateline.end()):
            continue
        if expression.end_date is not None and expression.end_date < expression.date:
            continue  # a span that ends before it starts ("since" a date after the report) is misread
        if _dates_another_thing(analysis, expression, violence_ends):
            continue
        index = sentence_of(analysis.sentences, expression.start)
        if index is None:
            continue
        if DATE_IN_NAME_AFTER.match(analysis.text, expression.end):
            continue  # "the May 18th Democracy Square": a name
        if _in_relative_aside(analysis.text, analysis.sentences[index], expression):
            continue  # "five columns, which set out on Wednesday, converged on the city": the aside's day
        # "after two days of chaos" sums up days that the body may tell one by one
        end_date = expression.end_date
        if expression.kind == "since" and ONSET_WHEN_AFTER.match(analysis.text, expression.end):
            end_date = None
        # "killed since the military seized power on Oct. 25": every day from that onset on, a
        # span the sentences after it do not go by
        onset = SINCE_CLAUSE_BEFORE.search(analysis.text, max(0, expression.start - 60), expression.start)
        if onset and end_date is None and analysis.reference_date and expression.date < analysis.reference_date:
            end_date = analysis.reference_date - dt.timedelta(days=1)
        is_summary = (expression.kind == "aftermath" or onset is not None
                      or (end_date is not None and (expression.kind == "since" or (end_date - expression.date).days > 2)))
        span = DateSpan(expression.date, end_date, expression.precision, expression.start, expression.end, is_summary)
        all_dates.setdefault(index, []).append(span)
    return all_dates


def _in_another_days_clause(quantity, frame: Frame, analysis: ArticleAnalysis) -> bool:
    """"Farmers have blocked motorways since Monday, and police arrested 79 people on Wednesday":
    a count in a clause that names another day, where the frame has no mention, is that day's."""
    index = sentence_of(analysis.sentences, quantity.start)
    start, end = analysis.sentences[index]
    cuts = [start] + [m.end() for m in CLAUSE_BREAK.finditer(analysis.text, start, end)] + [end]
    clause = next(((a, b) for a, b in zip(cuts, cuts[1:]) if a <= quantity.start < b), None)
    if clause is None or any(clause[0] <= m.start < clause[1] for m in frame.mentions):
        return False
    return any(t.date is not None and t.date != frame.when.date and clause[0] <= t.start < clause[1]
               for t in analysis.times)


def _in_relative_aside(text: str, sentence: tuple[int, int], expression) -> bool:
    """Whether a time expression stands in a relative clause set off by commas in mid-sentence."""
    start, end = sentence
    return (RELATIVE_ASIDE_BEFORE.search(text, start, expression.start) is not None
            and "," in text[expression.end:end])


def _counts(context, analysis, lexicon, reconcile, event_type, evidence, frame: Frame) -> dict[str, Optional[Quantity]]:
    estimates: dict[str, list] = {name: [] for name in COUNT_FIELDS}
    grievance_spans = [(m.start, m.end) for m in analysis.mentions if m.is_grievance]
    for quantity in analysis.quantities:
        if sentence_of(analysis.sentences, quantity.start) not in context:
            continue
        if _in_another_days_clause(quantity, frame, analysis):
            continue
        role = classify_quantity(analysis.text, quantity.start, quantity.end, quantity.noun, lexicon)
        if role is None or (role == "crowd_size" and event_type not in DEMONSTRATION_TYPES):
            continue
        if _near_grievance(quantity, grievance_spans, analysis.sentences):
            continue
        estimate = Estimate(low=quantity.low, high=quantity.high, text=quantity.text,
                            attributed_to=quantity.attributed_to)
        estimates[role].append((estimate, quantity.start, quantity.end))
        evidence.append(_evidence(role, analysis.text, quantity.start, quantity.end))
    if not estimates["fatalities"] and event_type in LONE_VICTIM_TYPES:
        victim = find_lone_victim(analysis.text, [analysis.sentences[i] for i in context], lexicon)
        if victim:
            estimates["fatalities"].append((Estimate(low=1, high=1, text=victim.value), victim.start, victim.end))
            evidence.append(_evidence("fatalities", analysis.text, victim.start, victim.end))
    return {name: (build_quantity(found, reconcile) if found else None) for name, found in estimates.items()}


def _near_grievance(quantity, grievance_spans, sentences) -> bool:
    # "protesting the killing of two students": the number belongs to the grievance, in the
    # same sentence.
    sentence = sentence_of(sentences, quantity.start)
    return any((0 <= start - quantity.end <= 40 or 0 <= quantity.start - end <= 15)
               and sentence_of(sentences, start) == sentence for start, end in grievance_spans)


def _codes(text, spans, patterns, field_name, evidence) -> list[str]:
    found = find_codes(text, spans, patterns)
    evidence.extend(_evidence(field_name, text, f.start, f.end) for f in found)
    return [f.value for f in found]


def _demands(text: str, sentence_spans, passage: str, lexicon: Lexicon, evidence) -> list[str]:
    """Demands as the trained classifier reads them in the event's sentences (it beats the
    lexicon on held-out Mass Mobilization notes, 0.74 against 0.63 F1). The lexicon's
    matches of those codes are their evidence; a code it did not find cites the sentences."""
    codes = [code for code, _ in load_event_models().predict_demands(passage)]
    found = [f for f in find_codes(text, sentence_spans, lexicon.demands) if f.value in codes]
    evidence.extend(_evidence("demands", text, f.start, f.end) for f in found)
    if set(codes) - {f.value for f in found}:
        evidence.extend(_evidence("demands", text, start, end) for start, end in sentence_spans)
    return codes


def _state_responses(frame: Frame, text: str, sentence_spans, passage: str, lexicon: Lexicon,
                     evidence) -> list[str]:
    """Responses read off the frame's own (non-grievance) state-action mentions, which are
    precise, and those the trained classifier reads in the sentences, told in other words;
    the classifier's additions cite the sentences."""
    spans = [(m.start, m.end) for m in frame.mentions
             if m.kind in ("arrest", "intervention", "excessive_force", "kill", "attack") and not m.is_weak]
    codes = _codes(text, spans, lexicon.state_responses, "state_responses", evidence)
    # Concessions are not violent actions, so they have no trigger: read them off the sentences.
    accommodation = [p for p in lexicon.state_responses if p.code == "accommodation"]
    codes += _codes(text, sentence_spans, accommodation, "state_responses", evidence)
    codes = _unique([c for c in codes if c != "ignore"])
    learned = [code for code, _ in load_event_models().predict_state_responses(passage) if code not in codes]
    if learned:
        evidence.extend(_evidence("state_responses", text, start, end) for start, end in sentence_spans)
    return codes + learned


def _is_mass_detention_at_protests(event_type: str, sub_type: str, counts: dict, frame: Frame,
                                   analysis: ArticleAnalysis) -> bool:
    """"On 6 March at least 5,000 people were detained in 69 cities", in a report on protests:
    a day's mass detention is the demonstrations' intervention (ACLED keeps "arrests" for
    arrests away from a demonstration), not a tally over days."""
    arrests = counts.get("arrests")
    return ((event_type, sub_type) == ("strategic_development", "arrests") and not frame.when.is_summary
            and frame.when.start is not None  # a day the text states, not a headline's
            and arrests is not None and (arrests.low or 0) >= MASS_DETENTION_MIN
            and any(m.kind == "protest" and not m.is_irrealis and not m.is_weak for m in analysis.mentions))


def _code_arrest_tally(frame: Frame, decision: tuple[str, str]) -> tuple[str, str]:
    """"500 people have been arrested since Thursday": a tally of arrests over days of unrest
    is ACLED's strategic development, not one demonstration's intervention."""
    if frame.when.is_summary and decision[0] == "protest" and "arrest" in frame.kinds \
            and not frame.kinds & TALLY_EXCLUDED_KINDS:
        return "strategic_development", "arrests"
    return decision


def refine_sub_type(decision: tuple[str, str], text: str, spans,
                    kinds: Optional[set[str]] = None) -> tuple[str, str]:
    """Within a demonstration, the trained classifier may choose the sub-type the rules
    missed (force against a march, damage by demonstrators) when it is confident; it may not
    call peaceful what the rules found violent ("protesters ransacked shops"), nor see an
    intervention where the rules found no response at all ("no one was arrested")."""
    event_type, sub_type = decision
    if event_type not in DEMONSTRATION_TYPES:
        return decision
    label, probability = load_event_models().predict_sub_event_type(" ".join(text[s:e] for s, e in spans))[0]
    if probability >= LEARNED_SUB_TYPE_MIN_PROBABILITY and label in DEMONSTRATION_SUB_TYPES \
            and not (sub_type in VIOLENT_SUB_TYPES and label not in VIOLENT_SUB_TYPES) \
            and not (label == "protest_with_intervention" and kinds is not None and not kinds & RESPONSE_KINDS):
        return DEMONSTRATION_SUB_TYPES[label], label
    return decision


def _quantity_sources(counts) -> list[FieldSpan]:
    sources = []
    for quantity in counts.values():
        for estimate in (quantity.estimates if quantity else []):
            if estimate.attributed_to:
                sources.append(FieldSpan(estimate.attributed_to, -1, -1))
    return sources


def _date_evidence(frame: Frame, text: str) -> list[Evidence]:
    if frame.when.start is None:
        return []
    return [_evidence("date", text, frame.when.start, frame.when.end)]


def _evidence(field_name: str, text: str, start: int, end: int) -> Evidence:
    return Evidence(field=field_name, start=start, end=end, text=text[start:end])


def _unique(values: list[str]) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen
