"""protestwatch's spaCy components. Each finds one kind of thing in the text (``predict``)
and writes it to a Doc attribute (``set_annotations``). Modules do nothing at import;
registration with its contract is in ``factories.py``."""
from __future__ import annotations

import datetime as dt
import re

import numpy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from ..extract.lexicon import load_lexicon
from ..extract.mentions import find_mentions
from .extensions import sentence_spans, text_of

LINE_BREAK = re.compile("\n")
# "(Reporting by Frank Phiri; Writing by Alexandra Lynch; Editing by Joe Bradley)": the wire's
# credits name people, and a name ("Lynch") can be a trigger word.
WIRE_CREDITS = re.compile(r"\(?\b(?:Reporting|Writing|Additional\s+reporting|Editing|Compiled)\s+by\b[^()\n]*\)?")
# "(This story has been corrected in paragraph 3 to show that the two deaths ...)": what a
# correction fixes is told, corrected, in the story itself.
CORRECTION_NOTE = re.compile(
    r"\((?:This|The)\s+(?:story|article|report|version)\s+(?:has\s+been|was|is)\s+(?:corrected|updated|amended)[^()\n]*\)"
    r"|^(?:CORRECTION|Correction|Corrects|CORRECTS)\b[^\n]*", re.M)


class ParagraphSentencizer:
    """Starts a sentence after every line break: captions and headlines often end without a stop."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        if "\n" not in text:
            return doc
        # The token that holds a line break, in its text or trailing whitespace, is the
        # last token starting at or before it; the token after that starts a sentence.
        token_starts = doc.to_array(IDX)
        line_breaks = [match.start() for match in LINE_BREAK.finditer(text)]
        for holder in numpy.searchsorted(token_starts, line_breaks, side="right") - 1:
            if holder + 1 < len(doc):
                doc[int(holder) + 1].is_sent_start = True
        return doc


class ReferenceDateTagger:
    """The date relative expressions resolve against: ``doc._.published`` when given, else
    inferred from the text (``doc._.reference_date``, ``doc._.reference_date_inferred``).
    Undated text falls back to the day it is read on (``doc._.reading_date``, else the
    clock's today), flagged as inferred; dates written without a year are then taken as
    their latest occurrence up to that day."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from .refdate import infer_reference_date
        today = doc._.reading_date or dt.date.today()
        reference, is_inferred = infer_reference_date(text_of(doc), doc._.published, today=today)
        if reference is None:
            reference, is_inferred = today, True
        doc._.reference_date = reference
        doc._.reference_date_inferred = is_inferred
        return doc


class TimeTagger:
    """Time expressions resolved against ``doc._.reference_date`` (``doc._.times``)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.predict(doc))

    def predict(self, doc: Doc):
        from .times import find_time_expressions, resolve_open_spans
        reference = doc._.reference_date
        return resolve_open_spans(find_time_expressions(text_of(doc), reference), reference)

    def set_annotations(self, doc: Doc, times) -> Doc:
        doc._.times = times
        return doc


class QuantityTagger:
    """Counts with their bounds, counted noun and credited source (``doc._.quantities``)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from .quantities import find_quantities
        doc._.quantities = find_quantities(text_of(doc))
        return doc


class QuoteTagger:
    """Direct quotes with speaker and role (``doc._.quotes``)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from .quotes import find_quotes
        doc._.quotes = find_quotes(text_of(doc))
        return doc


class PlaceTagger:
    """Toponyms resolved with the offline gazetteer (``doc._.places``, ``doc._.focus_place``)."""

    def __init__(self, nlp: Language, name: str, *, gazetteer_path: str | None = None):
        self.name = name
        self.gazetteer_path = gazetteer_path
        self.geoparser = None

    def initialize(self, get_examples=None, *, nlp=None):
        from ..geo.gazetteer import Gazetteer
        from ..geo.resolve import Geoparser
        self.geoparser = Geoparser(Gazetteer.open(self.gazetteer_path))

    def __call__(self, doc: Doc) -> Doc:
        if self.geoparser is None:
            self.initialize()
        places = [p for p in self.geoparser.parse(text_of(doc)) if p is not None and p.lat is not None]
        if not places:
            places = self.geoparser.parse_countries_caseless(text_of(doc))
        places = sorted(places + self.geoparser.find_capital_references(text_of(doc), places), key=lambda p: p.start)
        doc._.places = places
        doc._.focus_place = choose_focus_place(places)
        return doc


def choose_focus_place(places):
    """The place an article is about: the first town named in the country most in focus,
    else that country; used for events whose sentences name no place."""
    from ..geo.resolve import focus_country
    country = focus_country(places)
    in_focus = [p for p in places if p.country_code == country] if country else [p for p in places if p.country_code]
    towns = [p for p in in_focus if p.precision in ("place", "point")]
    if towns:
        return towns[0]
    return in_focus[0] if in_focus else None


class EventMentionTagger:
    """Words that report an action ACLED codes, flagged when grievance or irrealis
    (``doc._.event_mentions``)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.lexicon = None

    def initialize(self, get_examples=None, *, nlp=None):
        self.lexicon = load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        if self.lexicon is None:
            self.initialize()
        excluded = [(t.start, t.end) for t in (doc._.times or []) if t.kind in ("since", "span")]
        excluded += [match.span() for match in WIRE_CREDITS.finditer(text_of(doc))]
        excluded += [match.span() for match in CORRECTION_NOTE.finditer(text_of(doc))]
        doc._.event_mentions = find_mentions(text_of(doc), sentence_spans(doc), self.lexicon,
                                             excluded=excluded)
        return doc
