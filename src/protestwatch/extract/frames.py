"""Group event mentions into event frames: one type of action, in one place, on one day or
one stated span (EVENTS.md, "What counts as one event").

A mention joins the frame before it unless it brings its own, different date or place, or
a multi-day span ("since the protests began"), which always opens a summary event.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from .mentions import Mention

# Dates within this many days of a frame's span still belong to it (news reports often
# give the day before or after for the same march).
DATE_TOLERANCE_DAYS = 1
PLACE_RANK = {"point": 0, "place": 1, "admin1": 2, "country": 3}
GATHERING_WORDS = ("gather", "assembl", "march", "rall", "chant", "block", "occup", "convene",
                   "converg", "staged", "held", "took to", "turned out")


@dataclass
class DateSpan:
    date: dt.date
    end_date: Optional[dt.date]
    precision: str
    start: Optional[int] = None  # evidence span in the text, None when inherited or defaulted
    end: Optional[int] = None
    is_summary: bool = False

    @property
    def last(self) -> dt.date:
        return self.end_date or self.date

    def overlaps(self, other: "DateSpan") -> bool:
        slack = dt.timedelta(days=DATE_TOLERANCE_DAYS)
        return self.date - slack <= other.last and other.date - slack <= self.last


HEADLINE_END = re.compile(r"[.!?:;\"”’)]$")


@dataclass
class Frame:
    mentions: list[Mention]
    when: DateSpan
    place: Optional[object]  # a geo Place
    has_own_place: bool = False
    sentences: list[int] = field(default_factory=list)
    # A headline's place ("... as Bordeaux town hall set ablaze") names a detail it picked out;
    # the story's own sentences place the event.
    place_from_headline: bool = False
    # "marched across France": the event is nationwide; a town named later is a detail of it.
    is_nationwide: bool = False

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        if mention.sentence not in self.sentences:
            self.sentences.append(mention.sentence)

    @property
    def kinds(self) -> set[str]:
        return {m.kind for m in self.mentions if not m.is_weak}

    @property
    def weak_kinds(self) -> set[str]:
        return {m.kind for m in self.mentions if m.is_weak}


def group_mentions(mentions: list[Mention], sentence_dates: dict[int, DateSpan],
                   sentence_places: dict[int, object], default_date: DateSpan,
                   sentence_texts: dict[int, str], nationwide_sentences: frozenset[int] = frozenset(),
                   clause_dates: Optional[dict[int, DateSpan]] = None) -> list[Frame]:
    """Frames in text order from eventive mentions; weak mentions only join or need a gathering verb.

    ``clause_dates`` (by mention start) date a mention by its own clause where its sentence
    names several days ("farmers have blocked motorways since Monday, and police arrested
    79 people on Wednesday"): such a mention joins a frame of its sentence only if the
    days agree."""
    clause_dates = clause_dates or {}
    frames: list[Frame] = []
    # Crowd words that joined nothing yet: "protesters set fire to the door" opens its frame
    # at "set fire", and the crowd word before it still says who acted.
    unplaced_weak: list[Mention] = []
    headline = 0 if _is_headline(sentence_texts.get(0, "")) else None
    for mention in mentions:
        if not mention.is_eventive:
            continue
        unplaced_weak = [weak for weak in unplaced_weak if weak.sentence == mention.sentence]
        own_date = clause_dates.get(mention.start) or sentence_dates.get(mention.sentence)
        own_place = sentence_places.get(mention.sentence)
        current = frames[-1] if frames else None
        if current and own_date is None and mention.sentence not in current.sentences:
            own_date, own_place = _scene_set_since(current, mention.sentence, sentence_dates, sentence_places, own_place)
        if current and _joins(current, mention, own_date, own_place, mention.start in clause_dates):
            if current.place_from_headline and own_place is not None and mention.sentence != headline:
                current.place, current.place_from_headline = own_place, False
                current.is_nationwide = mention.sentence in nationwide_sentences
            _refine(current, own_date, None if current.is_nationwide else own_place)
            current.add(mention)
        elif not mention.is_weak or _has_gathering_verb(sentence_texts[mention.sentence]):
            mention.is_weak = False  # "protesters gathered": the crowd word is the report
            told_date = own_date or date_told_before(mention.sentence, sentence_dates)
            frames.append(_open_frame(mention, told_date, own_place, current, default_date))
            frames[-1].place_from_headline = mention.sentence == headline and own_place is not None
            frames[-1].is_nationwide = mention.sentence in nationwide_sentences
            frames[-1].mentions[:0] = unplaced_weak
            unplaced_weak = []
        else:
            unplaced_weak.append(mention)
    return frames


def _is_headline(sentence: str) -> bool:
    """A title line: no closing punctuation, a line to itself."""
    stripped = sentence.strip()
    return bool(stripped) and "\n" not in stripped and not HEADLINE_END.search(stripped)


def _scene_set_since(frame: Frame, sentence: int, sentence_dates: dict[int, DateSpan],
                     sentence_places: dict[int, object], own_place) -> tuple[Optional[DateSpan], object]:
    """The day and place that a sentence between the frame and this one moves the story to
    ("The mood was different in Mombasa on Wednesday. Hundreds blocked a roundabout..."): the
    action after it happened then and there, not in the frame before. A date alone ("the
    elections were held on August 9") is background, not a new scene."""
    scenes = [i for i in range(max(frame.sentences) + 1, sentence)
              if i in sentence_dates and i in sentence_places and sentence_dates[i].precision == "day"
              and not sentence_dates[i].is_summary
              and (frame.place is None or not same_place(frame.place, sentence_places[i]))]
    if not scenes:
        return None, own_place
    scene = max(scenes)
    return sentence_dates[scene], own_place or sentence_places[scene]


def date_told_before(sentence: int, sentence_dates: dict[int, DateSpan]) -> Optional[DateSpan]:
    """The day the text last named before this sentence ("The violence began on Thursday.
    Hundreds gathered..."): a narrative's sentences inherit it, and cite where it was named."""
    earlier = [i for i, when in sentence_dates.items()
               if i < sentence and not when.is_summary and when.precision == "day"]
    if not earlier:
        return None
    return sentence_dates[max(earlier)]


def _joins(frame: Frame, mention: Mention, own_date: Optional[DateSpan], own_place,
           has_clause_date: bool = False) -> bool:
    if mention.sentence in frame.sentences and not (has_clause_date and _other_day(frame, own_date)):
        return True
    if frame.is_nationwide and own_place is not None and PLACE_RANK[own_place.precision] < PLACE_RANK["admin1"]:
        return False  # after "across France", "In Nantes, demonstrators attacked a bank" is Nantes's event
    if own_date is not None and _other_day(frame, own_date):
        return False
    return own_place is None or frame.place is None or same_place(frame.place, own_place)


def _other_day(frame: Frame, own_date: DateSpan) -> bool:
    """A day that cannot be the frame's: a summary against a day, no overlap, or another named day."""
    return (own_date.is_summary != frame.when.is_summary or not own_date.overlaps(frame.when)
            or _names_another_day(frame.when, own_date))


def _names_another_day(frame_when: DateSpan, own_date: DateSpan) -> bool:
    """"On Sunday gunmen raided a village ... On Monday residents blocked the highway": two single
    days the text names itself are two events. The one-day tolerance still joins a named day to
    a frame whose date was inferred, and a span ("last weekend") holds its days."""
    return (frame_when.start is not None and own_date.start is not None
            and frame_when.end_date is None and own_date.end_date is None
            and frame_when.precision == own_date.precision == "day" and frame_when.date != own_date.date)


def _open_frame(mention, own_date, own_place, previous: Optional[Frame], default_date) -> Frame:
    when = own_date or (previous.when if previous and not previous.when.is_summary else default_date)
    place = own_place
    if place is None and previous is not None and not (own_date and own_date.is_summary):
        place = previous.place
    frame = Frame([], when, place, has_own_place=own_place is not None)
    frame.add(mention)
    return frame


def _refine(frame: Frame, own_date: Optional[DateSpan], own_place) -> None:
    """A later sentence may narrow the frame: a landmark in its town, a date inside its span."""
    if own_place is not None and (frame.place is None or (
            same_place(frame.place, own_place)
            and PLACE_RANK[own_place.precision] < PLACE_RANK[frame.place.precision])):
        frame.place = own_place
        frame.has_own_place = True
    if own_date is not None and frame.when.start is None:
        frame.when = own_date


def same_place(a, b) -> bool:
    """True when two places can be one event's location: one contains or names the other."""
    if a.country_code != b.country_code:
        return False
    if "country" in (a.precision, b.precision):
        return True
    if "admin1" in (a.precision, b.precision):
        # Gilan province does not hold Mashhad; an unknown region may hold anything.
        return a.admin1 is None or b.admin1 is None or a.admin1 == b.admin1
    return (a.geonames_id is not None and a.geonames_id == b.geonames_id) or town_name(a) == town_name(b)


def town_name(location) -> str:
    """The town of a place or location, or its name where it is no town's landmark."""
    return location.place or location.name


def _has_gathering_verb(sentence: str) -> bool:
    lowered = sentence.lower()
    return any(word in lowered for word in GATHERING_WORDS)
