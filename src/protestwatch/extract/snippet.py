"""Code one short passage as one event's type and sub-type, with no place or date needed.

Sentence-level coding, as in CASE 2021 task 2 or a coder's first pass over a lead: the
passage's eventive mentions and actors are read as a single frame and decided by the
rules of ``classify.py``, then by the trained sub-type classifier where it is sure
(``refine_sub_type``). ``extract_events`` does more: it cuts an article into frames and
emits only events it can date and place.
"""
from __future__ import annotations

from typing import Optional

from .classify import classify_event
from .events import refine_sub_type
from .fields import find_actors
from .lexicon import Lexicon
from .mentions import find_mentions


def code_snippet(text: str, lexicon: Lexicon) -> Optional[tuple[str, str]]:
    """(event_type, sub_event_type) of the one event ``text`` reports, or None if none."""
    whole = [(0, len(text))]
    mentions = [m for m in find_mentions(text, whole, lexicon) if m.is_eventive]
    kinds = {m.kind for m in mentions if not m.is_weak}
    weak_kinds = {m.kind for m in mentions if m.is_weak}
    decision = classify_event(kinds, weak_kinds, (actor[0] for actor in find_actors(text, whole, lexicon)))
    return refine_sub_type(decision, text, whole) if decision else None
