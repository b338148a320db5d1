"""Counts in news text: "tens of thousands", "more than 5,000", "four", "a crowd".

Every phrase is normalised with the vague-quantity table of EVENTS.md, which lives
verbatim in ``data/nlp/vague_quantities.csv``; the table's ``N``/``A``/``B`` rows are
templates, so the comparatives ("more than N") come from the same file. Mentions carry
character offsets, the counted noun that follows and the source the sentence credits.

This module also holds the two helpers the other ``nlp`` text modules share: the
cached data-table loader and a rule-based sentence splitter.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Optional

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "nlp"


# ---------------------------------------------------------------- shared helpers

@lru_cache(maxsize=None)
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a CSV under data/nlp; lines starting with '#' are provenance notes."""
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return tuple(csv.DictReader(lines))


def read_words(name: str, column: str = "word") -> frozenset[str]:
    """One column of a data table as a set."""
    return frozenset(row[column] for row in read_table(name))


def build_alternation(words: Iterable[str]) -> str:
    """A regex alternation, longest first so that "several hundred" beats "several"."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


def prefix_pattern(words: Iterable[str]) -> str:
    """A regex matching where any of words starts, written as a trie ("ten", "three",
    "two" -> "t(?:en|hree|wo)"). As a lookahead it rejects a position after a few
    characters, where an alternation tries every word."""
    return _trie(_shortest_prefixes(words))


def _shortest_prefixes(words: Iterable[str]) -> list[str]:
    # sorted, a word comes right after the words it starts with; "a" covers "about"
    kept: list[str] = []
    for word in sorted(set(words)):
        if not kept or not word.startswith(kept[-1]):
            kept.append(word)
    return kept


def _trie(words: list[str]) -> str:
    """The trie of prefix-free, non-empty words."""
    rests_by_first: dict[str, list[str]] = {}
    for word in words:
        rests_by_first.setdefault(word[0], []).append(word[1:])
    branches = [re.escape(first) + (_trie(rests) if rests != [""] else "")
                for first, rests in rests_by_first.items()]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


# A full stop ends a sentence when what follows starts like a sentence; abbreviations
# ("Mar. 3", "Mr. Doe") are checked afterwards against the data table.
SENTENCE_END = re.compile(r"[.!?]+[\"”’)]*(?=\s+[\"“‘(]?[A-Z0-9])|\n\s*\n")
ABBREVIATIONS = read_words("abbreviations.csv")
LAST_TOKEN = re.compile(r"\S+$")
INITIAL = re.compile(r"[A-Z]\.")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; a blank line always ends one."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if _is_abbreviation(text, match.start()):
            continue
        spans.append((start, match.end()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return [_strip_span(text, s, e) for s, e in spans if text[s:e].strip()]


def _is_abbreviation(text: str, stop: int) -> bool:
    last = LAST_TOKEN.search(text, max(0, stop - 20), stop + 1)
    word = last.group(0) if last else ""
    # a single capital and a full stop is an initial ("J. Doe"), not a sentence end
    return word in ABBREVIATIONS or bool(INITIAL.fullmatch(word))


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_sentence(spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The sentence span that holds offset (or the nearest one before it)."""
    best = spans[0] if spans else (0, 0)
    for span in spans:
        if span[0] <= offset:
            best = span
    return best


# ---------------------------------------------------------------- numbers

def _number_words(kind: str) -> dict[str, int]:
    return {r["word"]: int(r["value"]) for r in read_table("number_words.csv") if r["kind"] == kind}


UNIT_WORDS = _number_words("unit")
SCALE_WORDS = _number_words("scale")
SUFFIX_WORDS = _number_words("suffix")

DIGIT_NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+(?:\.\d+)?)"
    rf"(?:\s*(?:{build_alternation(SCALE_WORDS)})\b|(?:{build_alternation(SUFFIX_WORDS)})\b)?"
)
_WORD = rf"(?:{build_alternation([*UNIT_WORDS, *SCALE_WORDS])})\b"
# "and" only joins after a scale word ("two hundred and fifty"), so that
# "between three and five" stays two numbers.
_WORD_JOIN = r"(?:\s*-\s*|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+|(?<=million)\s+and\s+|\s+)"
WORD_NUMBER = (
    rf"(?:an?\s+(?=(?:{build_alternation(SCALE_WORDS)})\b))?{_WORD}(?:{_WORD_JOIN}{_WORD})*"
)
NUMBER = rf"(?:{DIGIT_NUMBER}|{WORD_NUMBER})"


_DIGITS_AND_SCALE = re.compile(r"(\d+(?:\.\d+)?)\s*([a-z]*)")
_NUMBER_WORD_SEPARATOR = re.compile(r"[\s-]+")


def parse_number(phrase: str) -> Optional[int]:
    """The value of "150,000", "1.5 million", "2m", "twenty-five", "two dozen"."""
    cleaned = phrase.lower().replace(",", "").strip()
    digits = _DIGITS_AND_SCALE.fullmatch(cleaned)
    if digits:
        multiplier = 1 if not digits[2] else SCALE_WORDS.get(digits[2], SUFFIX_WORDS.get(digits[2]))
        return round(float(digits[1]) * multiplier) if multiplier else None
    return _parse_number_words(_NUMBER_WORD_SEPARATOR.split(cleaned))


def _parse_number_words(tokens: list[str]) -> Optional[int]:
    total = current = 0
    for token in tokens:
        if token in ("a", "an"):
            current = 1
        elif token in UNIT_WORDS:
            current += UNIT_WORDS[token]
        elif token in SCALE_WORDS and SCALE_WORDS[token] < 1000:
            current = (current or 1) * SCALE_WORDS[token]
        elif token in SCALE_WORDS:
            total, current = total + (current or 1) * SCALE_WORDS[token], 0
        elif token != "and":
            return None
    return total + current


# ---------------------------------------------------------------- the vague table

@dataclass(frozen=True)
class _Row:
    words: str
    low: str
    high: str
    scope: str = "text"


def load_quantity_rows() -> tuple[_Row, ...]:
    """The normative table, then the project's extensions to it."""
    table = [_Row(r["words"], r["low"], r["high"]) for r in read_table("vague_quantities.csv")]
    extra = [_Row(r["words"], r["low"], r["high"], r["scope"])
             for r in read_table("vague_quantities_extra.csv")]
    return tuple(table + extra)


def _template_pattern(row: _Row, index: int) -> str:
    parts = []
    for token in row.words.split():
        if token == "A-B":
            # digits only: "twenty-five" is one number, not a range
            parts.append(rf"(?P<a{index}>{DIGIT_NUMBER})\s*[-–]\s*(?P<b{index}>{DIGIT_NUMBER})")
        elif token in ("N", "A", "B"):
            parts.append(rf"(?P<{token.lower()}{index}>{NUMBER})")
        else:
            parts.append(re.escape(token))
    joined = r"\s+".join(parts)
    return rf"(?P<r{index}>{joined})"


def _row_order(item: tuple[int, _Row]) -> tuple[int, int]:
    # templates with a number first ("some N" before "some"), the bare "N" last
    words = item[1].words
    placeholders = sum(token in ("N", "A", "B", "A-B") for token in words.split())
    if words == "N":
        return (2, 0)
    return (0 if placeholders else 1, -len(words))


def build_quantity_regex(scopes: tuple[str, ...], *, check_start: bool = True) -> re.Pattern:
    rows = sorted(((i, r) for i, r in enumerate(QUANTITY_ROWS) if r.scope in scopes), key=_row_order)
    alternatives = "|".join(_template_pattern(row, i) for i, row in rows)
    # a count starts with a digit or a word of _first_words: checked first, so that the
    # alternatives are only tried where one of them can match (2.5x faster, same matches)
    start = rf"(?=\d|{prefix_pattern(_first_words(row for _, row in rows))})" if check_start else ""
    # a count ends at a word end, and not before "%" or a range dash ("Some 200-300")
    return re.compile(rf"(?<![\w$€£¥.,/-]){start}(?:{alternatives})(?![\w%]|[-–]\d)", re.IGNORECASE)


def _first_words(rows: Iterable[_Row]) -> set[str]:
    """The words a row's match can start with, but digits: its first word, or for a
    number (N, A, B) a number word or the "a" of "a hundred"."""
    words = set()
    for row in rows:
        first = row.words.split()[0]
        if first in ("N", "A", "B"):
            words.update([*UNIT_WORDS, *SCALE_WORDS, "a"])
        elif first != "A-B":  # digits only
            words.add(first)
    return words


QUANTITY_ROWS = load_quantity_rows()
QUANTITY = build_quantity_regex(("text",))
QUANTITY_TAG = build_quantity_regex(("text", "tag"))


def _cell_value(cell: str, match: re.Match, index: int) -> Optional[int]:
    if not cell:
        return None
    if cell in ("N", "A", "B"):
        return parse_number(match.group(f"{cell.lower()}{index}"))
    return int(cell)


def _match_bounds(match: re.Match) -> tuple[Optional[int], Optional[int], _Row]:
    index = int(match.lastgroup[1:])
    row = QUANTITY_ROWS[index]
    return _cell_value(row.low, match, index), _cell_value(row.high, match, index), row


# ---------------------------------------------------------------- mentions

@dataclass
class QuantityMention:
    start: int
    end: int
    text: str
    low: Optional[int]
    high: Optional[int]
    noun: Optional[str] = None
    attributed_to: Optional[str] = None


PEOPLE_NOUNS = read_words("people_nouns.csv")
EXCLUDED_UNITS = read_words("excluded_units.csv")
GUARDS = {row["words"]: row["requires"] for row in read_table("vague_guards.csv")}
FOLLOWING_WORDS = re.compile(r"\s+(?:of\s+)?(?:the\s+)?([A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,2})")
FOLLOWED_BY_OF = re.compile(r"\s+of\b")
NEXT_WORD = re.compile(r"-?\s*([a-z][a-z'’.]*)", re.IGNORECASE)
# how far back the "aged 25" and "$5" checks look
PRECEDING_WINDOW = 12
PRECEDING_AGE = re.compile(r"\b(?:aged|age|ages)\s+$", re.IGNORECASE)
NO_BEFORE_ONE = re.compile(r"\bno\s+$", re.I)  # "no one was arrested"
PRECEDING_NAME_COMMA = re.compile(r"[A-Z][a-z'’-]+,\s*$")
PRECEDING_MONEY = re.compile(r"(?:[$€£¥]|\b(?:US|USD|EUR|GBP))\s*$")
_MONTHS = build_alternation(
    [r["name"] for r in read_table("months.csv")]
    + [a for r in read_table("months.csv") for a in r["abbreviations"].split()]
)
# Spans that look like numbers but are dates or clock times ("Mar. 3", "3 and 5 June",
# "2020-08-23", "10:30"); quantities inside them are dropped. "1.08 million" is no time.
DATE_LIKE = re.compile(
    rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}[:.]\d{{2}}\b(?!\s*(?:million|billion|thousand|m|bn|k)\b)"
    rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:[-–]|to|and)\s*\d{{1,2}})?(?:,?\s+\d{{4}})?\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:[-–]|to|and)\s*\d{{1,2}})?\s+(?:of\s+)?(?:{_MONTHS})\b\.?(?:,?\s+\d{{4}})?"
    rf"|\b(?:{_MONTHS})\.?,?\s+\d{{4}}\b"
)


def find_quantities(text: str) -> list[QuantityMention]:
    """Every count in text, with its bounds, counted noun and credited source."""
    blocked = [m.span() for m in DATE_LIKE.finditer(text)]
    sentences = sentence_spans(text)
    # a sentence's sources are the same for every count in it: found once per sentence
    sources_of_sentence: dict[tuple[int, int], list[_Source]] = {}
    mentions = []
    for match in QUANTITY.finditer(text):
        mention = _build_mention(text, match)
        if mention is None or _is_excluded(text, mention, blocked):
            continue
        sentence = find_sentence(sentences, mention.start)
        if sentence not in sources_of_sentence:
            sources_of_sentence[sentence] = find_sources(text, sentence)
        mention.attributed_to = nearest_source(sources_of_sentence[sentence], (mention.start, mention.end))
        mentions.append(mention)
    return mentions


def _build_mention(text: str, match: re.Match) -> Optional[QuantityMention]:
    low, high, row = _match_bounds(match)
    if low is not None and high is not None and low > high:
        return None
    if not _passes_guard(text, match.end(), GUARDS.get(match.group(0).lower())):
        return None
    noun = None if "crowd" in row.words else find_counted_noun(text, match.end())
    return QuantityMention(match.start(), match.end(), match.group(0), low, high, noun)


def _passes_guard(text: str, end: int, requires: Optional[str]) -> bool:
    if requires is None:
        return True
    if requires == "of":
        return bool(FOLLOWED_BY_OF.match(text, end))
    word = _next_word(text, end)
    if requires == "people":
        return find_counted_noun(text, end) in PEOPLE_NOUNS
    return word is not None and word not in EXCLUDED_UNITS


def _next_word(text: str, end: int) -> Optional[str]:
    match = NEXT_WORD.match(text, end)
    return match.group(1).lower() if match else None


def find_counted_noun(text: str, end: int) -> Optional[str]:
    """The noun a count applies to: a known people noun among the next three words,
    else the first plural-looking word ("4 vehicles"), else None ("four were killed")."""
    match = FOLLOWING_WORDS.match(text, end)
    if not match:
        return None
    words = [w.strip(".'’").lower() for w in match.group(1).split()]
    for word in words:
        if word in PEOPLE_NOUNS:
            return word
    first = words[0]
    return first if first.endswith("s") and first not in EXCLUDED_UNITS else None


def _is_excluded(text: str, mention: QuantityMention, blocked: list[tuple[int, int]]) -> bool:
    if any(s < mention.end and mention.start < e for s, e in blocked):
        return True
    if text.startswith("-", mention.end) and text[mention.end + 1:mention.end + 2].isalpha():
        return True  # "25-year-old", "12-hour"
    word = _next_word(text, mention.end)
    if word and (word in EXCLUDED_UNITS or word.rstrip(".") in EXCLUDED_UNITS):
        return True
    before = text[max(0, mention.start - PRECEDING_WINDOW):mention.start]
    if PRECEDING_AGE.search(before) or PRECEDING_MONEY.search(before):
        return True
    return _is_year(mention) or _is_age_apposition(text, mention, before) \
        or (mention.text.lower() == "one" and NO_BEFORE_ONE.search(before) is not None)


def _is_age_apposition(text: str, mention: QuantityMention, before: str) -> bool:
    # "Mahsa Amini, 22, died in hospital": a person's age between commas after the name
    return (mention.text.isdigit() and int(mention.text) < 120 and text.startswith(",", mention.end)
            and PRECEDING_NAME_COMMA.search(before) is not None)


FOUR_DIGITS = re.compile(r"\d{4}")


def _is_year(mention: QuantityMention) -> bool:
    # "since 1994": four bare digits in the calendar range, unless people are counted
    if not FOUR_DIGITS.fullmatch(mention.text) or mention.noun in PEOPLE_NOUNS:
        return False
    return 1800 <= int(mention.text) <= 2100


# ---------------------------------------------------------------- attribution

def _verb_phrases(inverted_only: bool) -> list[str]:
    rows = read_table("attribution_verbs.csv")
    return [r["phrase"] for r in rows if r["inverted"] == "yes" or not inverted_only]


PRONOUNS = read_words("pronouns.csv")
DETERMINERS = read_words("determiners.csv")
SOURCE_NOUNS = frozenset(r["word"] for r in read_table("source_nouns.csv") if r["kind"] == "head")
SOURCE_MODIFIERS = frozenset(r["word"] for r in read_table("source_nouns.csv") if r["kind"] == "modifier")
CAPITALISED_NAME = r"[A-Z][\w&'’-]*(?:(?:\s+(?:of|for|and|&|the|de|al))*\s+[A-Z][\w&'’-]*)*"
COMMON_SOURCE = (
    rf"(?:(?i:{build_alternation(SOURCE_MODIFIERS)})\s+){{0,2}}(?i:{build_alternation(SOURCE_NOUNS)})\b"
)
SOURCE = rf"(?P<src>{CAPITALISED_NAME}|{COMMON_SOURCE})"
_ALL_VERBS = build_alternation(_verb_phrases(False))
ATTRIBUTIONS = (
    re.compile(rf"(?i:\b(?:{build_alternation(read_words('attribution_cues.csv', 'phrase'))}))\s+(?:the\s+)?{SOURCE}"),
    re.compile(rf"\((?P<src>{CAPITALISED_NAME})\)"),
    re.compile(rf"{SOURCE}\s+(?:{_ALL_VERBS})\b"),
    re.compile(rf"\b(?:{build_alternation(_verb_phrases(True))})\s+(?:the\s+)?{SOURCE}"),
)
# Every match of an ATTRIBUTIONS pattern holds its guard, if it has one; the source-verb
# pattern is slow (a source may start anywhere), and most sentences have no such verb.
ATTRIBUTION_GUARDS = (None, None, re.compile(rf"\s(?:{_ALL_VERBS})\b"), None)


@dataclass(frozen=True)
class _Source:
    """A credited source in a sentence and the span of the phrase that credits it."""

    name: str
    start: int
    end: int


def find_attribution(text: str, sentence: tuple[int, int], span: tuple[int, int]) -> Optional[str]:
    """The source the sentence credits, nearest to span: "as per AFP",
    "according to organisers", "police estimated", "(AFP)", "said police"."""
    return nearest_source(find_sources(text, sentence), span)


def find_sources(text: str, sentence: tuple[int, int]) -> list[_Source]:
    """The sources the sentence credits, pattern by pattern, each in text order."""
    sources = []
    for pattern, guard in zip(ATTRIBUTIONS, ATTRIBUTION_GUARDS):
        if guard is not None and not guard.search(text, *sentence):
            continue
        for match in pattern.finditer(text, *sentence):
            name = clean_source(match.group("src"))
            if name:
                sources.append(_Source(name, match.start(), match.end()))
    return sources


def nearest_source(sources: list[_Source], span: tuple[int, int]) -> Optional[str]:
    """The source nearest to span; the first one listed wins a tie."""
    best, best_distance = None, None
    for source in sources:
        distance = max(source.start - span[1], span[0] - source.end, 0)
        if best_distance is None or distance < best_distance:
            best, best_distance = source.name, distance
    return best


_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_COMMON_SOURCE_RE = re.compile(COMMON_SOURCE)


def clean_source(source: str) -> Optional[str]:
    source = _LEADING_THE.sub("", source.strip())
    if source.lower() in PRONOUNS or source.lower() in DETERMINERS:
        return None
    if _COMMON_SOURCE_RE.fullmatch(source) and source[1:] == source[1:].lower():
        return source[0].lower() + source[1:]  # "Police said" at a sentence start
    return source


# ---------------------------------------------------------------- bare phrases

def parse_quantity(text: str) -> Optional[tuple[Optional[int], Optional[int]]]:
    """Bounds of a bare phrase such as an ACLED size tag; None when it reports no size
    ("no report") or is not a quantity; (None, None) for "a crowd", "large"."""
    phrase = " ".join(text.split())
    match = QUANTITY_TAG.fullmatch(phrase)
    if not match:
        return None
    low, high, _row = _match_bounds(match)
    return low, high


def _estimate_bounds(estimate: Any) -> tuple[Optional[int], Optional[int]]:
    if isinstance(estimate, (tuple, list)):
        return estimate[0], estimate[1]
    if isinstance(estimate, dict):
        return estimate.get("low"), estimate.get("high")
    return estimate.low, estimate.high


def reconcile(estimates: Iterable[Any]) -> tuple[Optional[int], Optional[int]]:
    """One range for several estimates: the smallest low, and the largest high unless
    one estimate is unbounded above. Takes (low, high) pairs, dicts or objects."""
    bounds = [_estimate_bounds(e) for e in estimates]
    if not bounds:
        return None, None
    lows = [low for low, _ in bounds if low is not None]
    highs = [high for _, high in bounds]
    high = None if any(h is None for h in highs) else max(highs)
    return (min(lows) if lows else None), high
