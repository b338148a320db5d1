"""Word lists and patterns of the extract stage, loaded from ``protestwatch/data/extract``.

They are data, not code: each file says where its entries come from. A ``Lexicon`` is
built once per pipeline and passed to the functions that need it.
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from typing import Optional
from importlib import resources

try:  # the standard library's own regex parser (sre_parse before Python 3.11)
    from re import _parser as _regex_parser
except ImportError:  # pragma: no cover
    import sre_parse as _regex_parser

DATA_PACKAGE = "protestwatch.data"


@dataclass(frozen=True)
class TriggerPattern:
    kind: str
    regex: re.Pattern
    is_weak: bool


@dataclass(frozen=True)
class CodePattern:
    code: str
    regex: re.Pattern


@dataclass(frozen=True)
class ActorPattern:
    regex: re.Pattern
    type: str
    name: str
    operates_abroad: bool = False


@dataclass(frozen=True)
class RolePattern:
    role: str
    position: str
    regex: re.Pattern


@dataclass(frozen=True)
class Lexicon:
    triggers: tuple[TriggerPattern, ...]
    actors: tuple[ActorPattern, ...]
    demands: tuple[CodePattern, ...]
    state_responses: tuple[CodePattern, ...]
    quantity_roles: tuple[RolePattern, ...]
    grievance_cues: re.Pattern
    irrealis_cues: re.Pattern
    claim_place_cues: re.Pattern
    accident_causes: re.Pattern
    lone_victim: re.Pattern


def load_lexicon() -> Lexicon:
    """Read every extract-stage data file into one immutable ``Lexicon``."""
    return Lexicon(
        triggers=tuple(_load_triggers()),
        actors=tuple(_load_actors()),
        demands=tuple(_load_codes("demands.csv")),
        state_responses=tuple(_load_codes("state_responses.csv")),
        quantity_roles=tuple(_load_roles()),
        grievance_cues=_compile_cues("grievance_cues.txt"),
        irrealis_cues=_compile_cues("irrealis_cues.txt"),
        claim_place_cues=_compile_cues("claim_place_cues.txt"),
        accident_causes=_compile_cues("accident_causes.txt"),
        lone_victim=_compile_lone_victim(),
    )


def load_sense_words() -> dict[str, str]:
    """The word lists of ``sense_words.csv``, each as one regex alternation ``(?:a|b|c)``.

    A space in an alternative stands for any run of white space."""
    lists: dict[str, list[str]] = {}
    for row in _csv_rows("sense_words.csv"):
        lists.setdefault(row["list"], []).append(row["alternative"].replace(" ", r"\s+"))
    return {name: "(?:" + "|".join(alternatives) + ")" for name, alternatives in lists.items()}


def compile_words(alternatives: str, *, ignore_case: bool = True) -> re.Pattern:
    """Compile ``a|b|c`` so that it matches whole words only.

    A lookahead on the characters a match can begin with comes first: at most positions of
    a text it fails at once, where the engine would otherwise try every alternative (the
    trigger patterns have hundreds). It only skips positions no match can start at."""
    flags = re.IGNORECASE if ignore_case else 0
    pattern = rf"(?<![\w-])(?:{alternatives})(?![\w-])"
    initials = first_characters(pattern, flags)
    if not initials or CATEGORY_ESCAPES["CATEGORY_WORD"] in initials:
        return re.compile(pattern, flags)  # nothing to gain
    members = "".join(ch if ch in CATEGORY_ESCAPES.values() else re.escape(ch) for ch in sorted(initials))
    return re.compile(f"(?=(?i:[{members}])){pattern}", flags)


def first_characters(pattern: str, flags: int = 0) -> Optional[set[str]]:
    """Every character a match of ``pattern`` can start with (before case folding; a class
    such as \\d stands as its escape), or None when that cannot be told from its syntax (a
    wildcard, a negated class, an empty match)."""
    try:
        parsed = _regex_parser.parse(pattern, flags)
    except (re.error, AttributeError):
        return None
    chars, can_be_empty = _first_of_sequence(list(parsed))
    return None if chars is None or can_be_empty else chars


# Classes that stand in a character class as themselves.
CATEGORY_ESCAPES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s", "CATEGORY_WORD": r"\w"}


def _first_of_sequence(items) -> tuple[Optional[set[str]], bool]:
    found: set[str] = set()
    for item in items:
        chars, can_be_empty = _first_of_item(*item)
        if chars is None:
            return None, False
        found |= chars
        if not can_be_empty:
            return found, False
    return found, True


def _first_of_item(op, argument) -> tuple[Optional[set[str]], bool]:
    name = str(op)
    if name == "LITERAL":
        return {chr(argument)}, False
    if name == "IN":
        chars = set()
        for member_op, member in argument:
            if str(member_op) == "LITERAL":
                chars.add(chr(member))
            elif str(member_op) == "RANGE" and member[1] - member[0] < 256:
                chars.update(chr(code) for code in range(member[0], member[1] + 1))
            elif str(member_op) == "CATEGORY" and str(member) in CATEGORY_ESCAPES:
                chars.add(CATEGORY_ESCAPES[str(member)])
            else:
                return None, False  # a negation, a wide range
        return chars, False
    if name == "SUBPATTERN":
        return _first_of_sequence(list(argument[-1]))
    if name == "BRANCH":
        chars, can_be_empty = set(), False
        for branch in argument[1]:
            branch_chars, branch_empty = _first_of_sequence(list(branch))
            if branch_chars is None:
                return None, False
            chars |= branch_chars
            can_be_empty = can_be_empty or branch_empty
        return chars, can_be_empty
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, _, inner = argument
        chars, can_be_empty = _first_of_sequence(list(inner))
        return chars, can_be_empty or low == 0
    if name in ("ASSERT", "ASSERT_NOT", "AT"):
        return set(), True  # zero-width: the match starts with what follows
    return None, False


def _open_text(name: str):
    return resources.files(DATA_PACKAGE).joinpath("extract").joinpath(name).open(encoding="utf-8")


def _csv_rows(name: str):
    with _open_text(name) as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines))


def _load_triggers():
    with _open_text("triggers.jsonl") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                # Acronyms (IED, UAV) are matched case-sensitively inside a case-insensitive
                # pattern; the rare false hit in lower case is not worth two files.
                yield TriggerPattern(row["kind"], compile_words(row["regex"]), bool(row.get("weak")))


def _load_actors():
    for row in _csv_rows("actors.csv"):
        yield ActorPattern(compile_words(row["regex"]), row["type"], row["name"],
                           row.get("operates_abroad") == "yes")


def _load_codes(name: str):
    for row in _csv_rows(name):
        yield CodePattern(row["code"], compile_words(row["regex"]))


def _load_roles():
    for row in _csv_rows("quantity_roles.csv"):
        yield RolePattern(row["role"], row["position"], re.compile(row["regex"], re.IGNORECASE))


def _compile_cues(name: str) -> re.Pattern:
    with _open_text(name) as handle:
        cues = [line.strip() for line in handle if line.strip() and not line.startswith("#")]
    cues.sort(key=len, reverse=True)
    return compile_words("|".join(re.escape(cue) for cue in cues))


def _compile_lone_victim() -> re.Pattern:
    """"killed a farmer", "a farmer was killed", "shot dead Ali Musa": one person killed, no number."""
    with _open_text("lone_victims.json") as handle:
        words = json.load(handle)
    active, passive, intransitive, determiners, nouns = (
        "|".join(words[key]) for key in ("active_verbs", "passive_verbs", "intransitive_verbs",
                                         "determiners", "victim_nouns"))
    # Up to three modifiers, never across a conjunction ("a man and a woman" are two).
    described = rf"(?:{determiners}) (?:(?!and |or )[\w'-]+ ){{0,3}}(?:{nouns})"
    # A full name in capitals, then punctuation or a word that cannot continue a noun phrase
    # ("killed Boko Haram fighters" names no person).
    name = r"(?-i:[A-Z][a-z'-]+(?: [A-Z][a-z'-]+){1,2})"
    named_object = rf"{name}(?=[,.;:)]| (?:in|on|at|near|after|during|while|with|and|who|when|as|outside|following)\b)"
    return compile_words(rf"(?:{active}) (?:{described}|{named_object})"
                         rf"|(?:{described}|{name}) (?:(?:was|has been|had been|is) (?:{passive})|{intransitive})")
