"""Direct quotes and who said them.

Quotes are the words between straight or curly double quote marks. The speaker comes
from an attribution after the quote ("..., said Jane Doe, director of X."), before it
("Jane Doe, a spokesperson for Y, said: ..."), or from the quote just before when a
quote continues the same attribution ("...," she said. "..."). Pronouns stand for the
last named speaker; a surname alone for the full name used earlier in the article.
Short scare quotes inside a sentence get the sentence's subject when it is a name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from protestwatch.nlp.quantities import (
    CAPITALISED_NAME, DETERMINERS, PEOPLE_NOUNS, PRONOUNS, SOURCE_MODIFIERS, SOURCE_NOUNS,
    build_alternation, clean_source, find_sentence, read_table, sentence_spans,
)
from protestwatch.schema import Quote

# Quotes of at most this many words inside a sentence are scare quotes ("calling it
# 'brutal'"): kept, but only given a speaker when the sentence subject is a name.
SCARE_QUOTE_MAX_WORDS = 4
# How far after a closing quote mark an attribution ("..., she said") is looked for.
AFTER_WINDOW = 300

QUOTE_SPAN = re.compile(r"“(?P<curly>[^“”]{1,3000})”|\"(?P<straight>[^\"\n]{1,3000})\"")
SPEECH_VERBS = build_alternation(row["phrase"] for row in read_table("attribution_verbs.csv"))
_PRONOUN = rf"(?i:{build_alternation(PRONOUNS)})\b"
# a described speaker: "one protester", "a police spokesman", "witnesses"
_DESCRIBED = (
    r"(?:(?i:a|an|the|one)\s+(?:[a-z]+\s+){0,2}?"
    rf"|(?:(?i:{build_alternation(SOURCE_MODIFIERS)})\s+){{0,2}})"
    rf"(?i:{build_alternation(PEOPLE_NOUNS | SOURCE_NOUNS)})\b"
)
SPEAKER = rf"(?P<name>{_PRONOUN}|{CAPITALISED_NAME}|{_DESCRIBED})"
ROLE = r"(?P<role>[^,.;:“”\"]+(?:\.(?=\w)[^,.;:“”\"]*)*)"  # keeps "U.S." inside a role
AFTER_VERB_FIRST = re.compile(
    rf"\s*(?:{SPEECH_VERBS})\s+{SPEAKER}(?:,\s*{ROLE})?\s*(?:[.!?;]|,|$)")
AFTER_SPEAKER_FIRST = re.compile(
    rf"\s*{SPEAKER}(?:,\s*{ROLE},)?\s+(?:{SPEECH_VERBS})\b")
BEFORE = re.compile(
    rf"{SPEAKER}(?:,\s*{ROLE},)?\s+(?:{SPEECH_VERBS})\b[^“”\".:]{{0,40}}?\s*[:,]?\s*$")
SUBJECT = re.compile(
    rf"(?:(?:Both|Also|Meanwhile|However|Separately),?\s+)?(?P<name>{CAPITALISED_NAME})"
    r"\s+(?:have|has|had|were|was|is|are|also|have\s+also|[a-z]+ed|[a-z]+s)\b")
FULL_NAME = r"(?:[A-Z][\w'’-]+\s+)+{surname}\b"
ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)


@dataclass
class _Speakers:
    """What earlier quotes established: the last named speaker and known names."""

    last: Optional[str] = None
    names: list[str] = field(default_factory=list)
    continues_at: Optional[int] = None  # offset where a continuation quote may start


@dataclass
class _Attribution:
    name: Optional[str]
    role: Optional[str]
    end: int


def find_quotes(text: str) -> list[Quote]:
    """Every quote in text with its speaker, role and the offsets of the quoted words."""
    matches = list(QUOTE_SPAN.finditer(text))
    if not matches:
        return []  # a third of news has no quote marks: no need to split its sentences
    sentences, speakers, quotes = sentence_spans(text), _Speakers(), []
    for match in matches:
        start, end = _inner_span(text, match)
        if start >= end:
            continue
        attribution = _attribute(text, match, sentences, speakers)
        name = _resolve_name(text, attribution.name, match.start(), speakers) if attribution else None
        if attribution and name:
            _remember(speakers, name, attribution.end)
        role = _clean_role(attribution.role) if attribution else None
        quotes.append(Quote(speaker=name, speaker_role=role, text=text[start:end], start=start, end=end))
    return quotes


def _inner_span(text: str, match: re.Match) -> tuple[int, int]:
    group = "curly" if match.group("curly") is not None else "straight"
    start, end = match.span(group)
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _attribute(text: str, match: re.Match, sentences, speakers: _Speakers) -> Optional[_Attribution]:
    """The first rule that names a speaker: after, before, continuation, scare quote."""
    return (_attribute_after(text, match.end())
            or _attribute_before(text, match.start(), sentences)
            or _attribute_continuation(text, match.start(), speakers)
            or _attribute_subject(text, match, sentences))


def _attribute_after(text: str, close: int) -> Optional[_Attribution]:
    if not re.match(r"\s*[,.!?]?\s*[a-z]", text[close:close + 3]) and not _quote_ends_open(text, close):
        return None
    for pattern in (AFTER_VERB_FIRST, AFTER_SPEAKER_FIRST):
        found = pattern.match(text, close, close + AFTER_WINDOW)
        if found:
            return _Attribution(found["name"], found["role"], _sentence_end(text, found.end()))
    return None


def _quote_ends_open(text: str, close: int) -> bool:
    # a quote closed by a comma, "?" or "!" runs on into its attribution
    return text[close - 2:close - 1] in (",", "?", "!")


def _sentence_end(text: str, offset: int) -> int:
    found = re.compile(r"[.!?]").search(text, offset)
    return found.end() if found else len(text)


def _attribute_before(text: str, open_: int, sentences) -> Optional[_Attribution]:
    sentence_start, _ = find_sentence(sentences, open_)
    found = BEFORE.search(text, sentence_start, open_)
    return _Attribution(found["name"], found["role"], open_) if found else None


def _attribute_continuation(text: str, open_: int, speakers: _Speakers) -> Optional[_Attribution]:
    """"...," she said. "...": a quote right after an attribution continues it."""
    if speakers.continues_at is None or text[speakers.continues_at:open_].strip():
        return None
    return _Attribution(speakers.last, None, open_)


def _attribute_subject(text: str, match: re.Match, sentences) -> Optional[_Attribution]:
    words = match.group(0).strip("“”\"").split()
    sentence_start, _ = find_sentence(sentences, match.start())
    if len(words) > SCARE_QUOTE_MAX_WORDS or not text[sentence_start:match.start()].strip():
        return None
    found = SUBJECT.match(text, sentence_start, match.start())
    if not found or found["name"].split()[0].lower() in DETERMINERS | PRONOUNS:
        return None
    return _Attribution(found["name"], None, match.end())


def _resolve_name(text: str, name: Optional[str], before: int, speakers: _Speakers) -> Optional[str]:
    """Pronoun -> last named speaker; surname -> the full name used earlier."""
    if not name:
        return None
    if name.strip().lower() in PRONOUNS:
        return speakers.last
    name = clean_source(ARTICLE.sub("", name.strip())) or name
    if " " in name or not name[:1].isupper():
        return name
    known = [full for full in speakers.names if full.split()[-1] == name]
    if known:
        return known[-1]
    earlier = list(re.finditer(FULL_NAME.format(surname=re.escape(name)), text[:before]))
    return earlier[-1].group(0) if earlier else name


def _remember(speakers: _Speakers, name: str, attribution_end: int) -> None:
    speakers.last = name
    speakers.continues_at = attribution_end
    if name not in speakers.names:
        speakers.names.append(name)


def _clean_role(role: Optional[str]) -> Optional[str]:
    if not role or not role.strip():
        return None
    return ARTICLE.sub("", role.strip())
