"""A first pass that finds the articles that cannot hold an event, so that the pipeline can
skip the components only event extraction reads.

Events are built only from mentions (``extract.mentions.find_mentions``), and a mention is
a match of one of the trigger lexicon's patterns (``data/extract/triggers.jsonl``) inside
one sentence. A pattern that matches inside a sentence also matches in the whole text:
sentences end at sentence punctuation or a line break, never between two word characters,
so the word boundaries the patterns check see the same characters. A text in which no
trigger pattern matches therefore gives no mention, no frame and no event, and skipping
its event components changes nothing in its result.

The patterns are the lexicon's own compiled ones, not a copy: the filter cannot drift
from what the mention tagger looks for.
"""
from __future__ import annotations

from typing import Optional

from .lexicon import Lexicon

# Components whose annotations only event extraction reads.
EVENT_COMPONENTS = frozenset({"pw_quantities", "pw_places", "pw_event_mentions"})
# Read for a result without events only by the "no date in the article" warning, which an
# article with a publication date never gets.
UNDATED_WARNING_COMPONENTS = frozenset({"pw_times"})


class TriggerPrefilter:
    """Says whether a text has any trigger word, and which components it can do without."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.patterns = tuple(trigger.regex for trigger in lexicon.triggers)

    def may_hold_event(self, text: str) -> bool:
        """False only when no trigger pattern matches anywhere in ``text``."""
        return any(pattern.search(text) for pattern in self.patterns)

    def unneeded_components(self, text: str, published: Optional[str]) -> frozenset[str]:
        """The pipeline components whose output cannot change the result of ``text``."""
        if self.may_hold_event(text):
            return frozenset()
        if published:
            return EVENT_COMPONENTS | UNDATED_WARNING_COMPONENTS
        return EVENT_COMPONENTS
