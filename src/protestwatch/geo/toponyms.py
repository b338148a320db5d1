"""Toponym recognition: find the spans of a text that name places, countries (also by
demonym) and landmarks, using capitalisation, the gazetteer and small word lists."""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, field

from protestwatch.geo.gazetteer import ADMIN1, CONTINENT, COUNTRY, Candidate, Gazetteer, read_geo_csv
from protestwatch.geo.names import normalise_name

# Longest capitalised phrase tried against the gazetteer ("Democratic Republic of the Congo").
MAX_NAME_TOKENS = 6
# A sentence-initial single word is only taken as a place when it is a country, an admin1
# division or a place at least this large: "Reading", "Mobile" and "Hope" start sentences
# as ordinary words. Set by inspecting ACLED US notes (development data).
SENTENCE_INITIAL_MIN_POPULATION = 100_000
# A single capitalised word naming only small places needs a locative cue ("in", "near",
# a containment bracket) before it is taken as a place: small towns called "Mark", "Will",
# "Bill" would otherwise swamp the output. Set on ACLED US notes.
UNCUED_MIN_POPULATION = 15_000
# A single word followed by another capitalised word of the same run is the start of a
# longer name ("Bani Hushaysh", "Washington Post") unless the town is this big.
LONGER_NAME_MIN_POPULATION = 1_000_000
# Below this a town that shares a given name ("Osman") does not stop the next word being a surname.
GIVEN_NAME_TOWN_MIN_POPULATION = 10_000
# A town this large keeps its sense even where the text also uses its name as a surname.
KNOWN_TOWN_MIN_POPULATION = 200_000
# Two spellings of one name ("Oromia", "Oromiya"; "Bogota", "Bogotá" after normalising).
SAME_NAME_MIN_SIMILARITY = 0.8
# A phrase ending in a landmark head word is a landmark unless the whole phrase names a
# town at least this large ("Menlo Park", "College Park" are towns, "Gorky Park" is not).
LANDMARK_TOWN_MIN_POPULATION = 10_000

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w'\u2019\-]*")
_POSSESSIVE = ("'s", "\u2019s")
# "New York-Manhattan": a city and its district joined by a hyphen, read as two names
# (the gazetteer still sees the whole when it is one name, "Guinea-Bissau"). Short first
# parts ("al-Solh", "Pro-Palestinian") and prefixes stay whole, and so does a road between
# two towns ("the Jos-Abuja highway").
_TWO_NAMES = re.compile(r"([A-Z][\w'\u2019]{3,})-(?=[A-ZÀ-ÖØ-Þ])")
_NAME_PREFIXES = frozenset({"Anti", "Post", "Inter", "Trans", "Euro", "Afro", "Sino", "Indo", "Anglo", "Franco",
                            "Ultra", "Mid", "Semi", "Neo"})
_ROAD_AFTER = re.compile(r"\s+(?:highway|road|expressway|motorway|railway|rail|corridor|route|border|pipeline|"
                         r"line|bus|train|flight)s?\b", re.IGNORECASE)
# Capitalised words before a name that make it a natural feature's (when the whole is unknown).
NATURAL_FEATURE_WORDS = frozenset({"Lake", "River", "Mount", "Mt", "Gulf", "Bay", "Sea", "Strait", "Cape", "Lac",
                                   "Rio"})
ARTICLE_JOINED_NAME = re.compile(r"(?:al|el|ad|ar|as|an|at|ash|az|ed|en|es|et)-[A-Z]")
# Lowercase words allowed inside a capitalised name ("Isle of Man", "Rio de Janeiro").
_CONNECTORS = frozenset({"of", "de", "del", "la", "le", "el", "al", "du", "da", "do", "dos", "das", "the", "upon", "on", "sur", "am", "an"})
# After a head word that comes first: "Plaza de Mayo", "Place de la République", "Largo do Machado".
_ROMANCE_PARTICLES = frozenset({"de", "del", "della", "di", "do", "dos", "da", "das", "du", "des"})
_ARTICLES = frozenset({"la", "las", "los", "el", "le", "les", "l'"})
# Lowercase words inside a person's name, before a surname ("da Silva", "von der Leyen").
_NAME_PARTICLES = frozenset({"da", "de", "del", "do", "dos", "das", "du", "van", "von", "der", "den", "bin", "ibn"})
# Lowercase head words that follow a capitalised name to make a landmark ("Parliament building").
_LOWERCASE_HEADS = frozenset({"building", "square", "headquarters", "street", "avenue", "park", "bridge", "campus",
                              "palace", "market", "gate", "plant", "camp", "station", "airport", "stadium",
                              "prison", "mosque", "church", "cathedral", "roundabout", "junction", "base",
                              "intersection", "hotel", "courthouse"})
# Lowercase words between a name and its head: "Miraflores presidential palace", "Rungis food market".
_MAX_LOWERCASE_MODIFIERS = 2
_FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "and", "or", "in", "at", "on", "to", "for", "by", "with", "from",
                             "its", "his", "her", "their", "this", "that",
                             "they", "we", "he", "she", "it", "i", "you",
                             "outside", "inside", "near", "along", "across", "around", "behind", "opposite",
                             # "Tensions had been building": a clause, no name before a head
                             "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
                             "would", "could", "should"})
# "The camp was the end point": a determiner is no name before a lowercase head.
_DETERMINERS = frozenset({"The", "A", "An", "This", "That", "These", "Those", "Its", "His", "Her", "Their", "Our"})
_LOCATIVE_CUES = frozenset({"in", "at", "near", "from", "outside", "across", "to", "into", "towards", "toward",
                            "around", "throughout", "of", "via", "through", "inside", "central", "downtown",
                            "northern", "southern", "eastern", "western", "capital"})
# The end of a list of three or more names: "Sokode, Bafilo and " (not "Commerce and ").
NAME_LIST_BEFORE = re.compile(r"\b[A-Z][\w'’-]+,\s+[A-Z][\w'’-]+,?\s+(?:and|or)\s+$")
SURNAME_PARTICLE_AFTER = re.compile(r"\s+(?:de|der|den|van|von|ter|ten)\s+[A-Z]")
STREET_PAIR_AFTER = re.compile(r"\s+and\s+[A-Z][\w'’-]*\s+(?:streets|roads|avenues|boulevards)\b")
# Compass points written as one word: alone, a division ("the Southwest" of Cameroon).
COMPASS_WORDS = frozenset({"Northeast", "Northwest", "Southeast", "Southwest"})
STREETS_AFTER = re.compile(r"\s+(?:streets|roads|avenues|boulevards)\b")
STREET_PAIR_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\s+and\s+$")
_STRICT_LOCATIVE_CUES = _LOCATIVE_CUES - {"of", "to", "towards", "toward"}
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\"\u201c\u201d\n]\s*|\n)$")
NUMBER_AFTER = re.compile(r"\s+\d")
AGE_AFTER_NAME = re.compile(r",\s*(?:\d{1,3},|(?:an?\s+)?\d{1,3}-year-old\b)")
# Text between a place and its container: ", " or " (" possibly after a lowercase
# descriptor ("Minakulu sub-county (Oyam, Northern)").
_CONTAINER_GAP = re.compile(r"^(?:\s+[A-Za-z][a-z\-]*){0,2}\s*(?:,|\()\s*$")
# ...or a bracket whose first division the gazetteer does not know ("Al-Jarrahi (Zabid,
# Al Hudaydah)", "Murfreesboro (Rutherford, Tennessee)"): the next one still contains it.
# ...or the division spelt out: "Inata, in the northern province of Soum".
_CONTAINER_GAP_DIVISION = re.compile(
    r"^\s*,\s+in\s+the\s+(?:[a-z-]+\s+){0,2}(?:province|region|state|district|county|department|governorate|prefecture)"
    r"\s+of\s+$")
_CONTAINER_GAP_PAST_UNKNOWN = re.compile(r"^\s*\(\s*[A-Z][\w'\u2019-]*(?:[ -][A-Z][\w'\u2019-]*){0,3}\s*,\s*$")


@dataclass
class Mention:
    """A recognised toponym with its gazetteer candidates."""

    start: int
    end: int
    text: str
    kind: str  # "toponym", "demonym" or "landmark"
    candidates: list[Candidate] = field(default_factory=list)
    demonym_country: str | None = None
    containers: list[int] = field(default_factory=list)  # indexes of mentions that contain this one
    # an everyday word ("Mango") written here without a cue of place: kept only where the
    # text places the same word elsewhere (one sense per text)
    is_uncued_common_word: bool = False
    # a place inside an organisation's name ("the Accra Circuit Court"): evidence of the
    # country the text is about, never a place of its own
    is_name_part: bool = False
    # a landmark with its head word first ("Plaza de Bolívar", "the Gate of Independence"):
    # named after a person or a day, never after the town it is in
    is_head_first: bool = False


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def is_capitalised(self) -> bool:
        # "Riad al-Solh Square": an Arabic article joined to a name is part of the name
        return self.text[0].isupper() or ARTICLE_JOINED_NAME.match(self.text) is not None


@dataclass(frozen=True)
class WordLists:
    """The hand-written word lists of protestwatch/data/geo, loaded once per recogniser."""

    non_toponyms: frozenset[str]
    titles: frozenset[str]
    first_names: frozenset[str]
    landmark_heads: frozenset[str]
    abbreviations: frozenset[str]
    organisation_heads: frozenset[str]
    media_heads: frozenset[str]  # "Times", "Post": a newspaper's town is not the story's
    weapon_heads: frozenset[str]
    numbered_heads: frozenset[str]  # "Junction 10", "Gate 4": a numbered part of a road or site
    place_heads: frozenset[str]
    place_prefixes: frozenset[str]
    common_words: frozenset[str]  # lower case: "economy", "freedom" (built from UD English-EWT)
    organisation_nouns_after: re.Pattern  # "the ruling Morena party"
    organisation_nouns_before: re.Pattern  # "the rights group Justicia 11J"

    @classmethod
    def load(cls) -> "WordLists":
        heads = {row["head_word"] for row in read_geo_csv("landmark_heads.csv")}
        organisation_heads = read_geo_csv("organisation_heads.csv")
        nouns = list(read_geo_csv("organisation_nouns.csv"))
        return cls(
            non_toponyms=frozenset(row["word"] for row in read_geo_csv("non_toponyms.csv")),
            titles=frozenset(row["title"].rstrip(".") for row in read_geo_csv("titles.csv")),
            first_names=frozenset(row["first_name"] for row in read_geo_csv("first_names.csv")),
            landmark_heads=frozenset(h.rstrip(".") for h in heads),
            abbreviations=frozenset(row["abbreviation"].rstrip(".") for row in read_geo_csv("us_state_abbreviations.csv"))
            | {"St", "Ft", "Mt"},
            organisation_heads=frozenset(row["head_word"] for row in organisation_heads),
            media_heads=frozenset(row["head_word"] for row in organisation_heads if row["kind"] == "media"),
            weapon_heads=frozenset(row["head_word"] for row in read_geo_csv("weapon_heads.csv")),
            numbered_heads=frozenset(row["word"] for row in read_geo_csv("numbered_heads.csv")),
            place_heads=frozenset(row["head_word"] for row in read_geo_csv("place_heads.csv")),
            place_prefixes=frozenset(row["word"] for row in read_geo_csv("place_prefixes.csv")),
            common_words=frozenset(row["word"] for row in read_geo_csv("common_words.csv")),
            organisation_nouns_after=re.compile(rf"\s+(?:{_alternatives(nouns, 'after')})\b"),
            organisation_nouns_before=re.compile(rf"\b(?:{_alternatives(nouns, 'before')})\s+$"),
        )


def _alternatives(rows: list[dict], position: str) -> str:
    return "|".join(re.escape(row["noun"]) for row in rows if row["position"] == position)


def tokenize(text: str) -> list[Token]:
    """Word tokens; possessive endings are cut off and a known abbreviation keeps its dot."""
    tokens = []
    for match in _TOKEN.finditer(text):
        start, end, word = match.start(), match.end(), match.group()
        if word.endswith(_POSSESSIVE):
            end -= 2
            word = word[:-2]
        if not word:
            continue
        tokens.extend(_split_two_names(text, start, end, word))
    return tokens


def _split_two_names(text: str, start: int, end: int, word: str) -> list[Token]:
    first = _TWO_NAMES.match(word)
    if first is None or first.group(1) in _NAME_PREFIXES or _ROAD_AFTER.match(text, end):
        return [Token(start, end, word)]
    cut = start + first.end(1)
    return [Token(start, cut, word[:first.end(1)]), *_split_two_names(text, cut + 1, end, word[first.end():])]


def max_population(candidates: list[Candidate]) -> int:
    return max((c.population for c in candidates), default=0)


class ToponymRecogniser:
    """Finds place mentions in text. Holds the gazetteer and word lists, no per-call loading."""

    def __init__(self, gazetteer: Gazetteer, words: WordLists | None = None):
        self.gazetteer = gazetteer
        self.words = words or WordLists.load()

    def recognise(self, text: str) -> list[Mention]:
        tokens = tokenize(text)
        mentions: list[Mention] = []
        runs = self._capitalised_runs(text, tokens)
        for run in runs:
            if AGE_AFTER_NAME.match(text, tokens[run[-1]].end):
                continue  # "Mahsa Amini, 22, died": a person and her age
            place_part = run if self._names_a_place(text, tokens, run) else self._drop_organisation_name(tokens, run)
            if len(place_part) < len(run):
                mentions.extend(self._name_part_mentions(text, tokens, run))
            mentions.extend(self._mentions_in_run(text, tokens, place_part))
        surnames = self._surnames(text, tokens, runs)
        organisations = self._organisation_names(text, mentions)
        placed_common_words = {m.text for m in mentions if m.kind == "toponym" and not m.is_uncued_common_word}
        mentions = [m for m in mentions if not self._is_surname_alone(text, m, surnames)
                    and not self._is_organisation_name(text, m, organisations)
                    and not (m.is_uncued_common_word and m.text not in placed_common_words)]
        link_containers(text, mentions)
        return mentions

    def _surnames(self, text: str, tokens: list[Token], runs: list[list[int]]) -> set[str]:
        """Words the text also writes after another capitalised name that is no place
        ("Jayland Walker", "Ekrem İmamoğlu"): one sense per text, a person's surname."""
        found = set()
        for run in runs:
            for first, second in zip(run, run[1:]):
                given, name = tokens[first], tokens[second]
                if not (given.is_capitalised and name.is_capitalised and _side_by_side_capitalised(text, given, name)):
                    continue
                if given.text in self.words.place_prefixes or given.text.rstrip(".") in self.words.titles \
                        or name.text.rstrip(".") in self.words.landmark_heads:
                    continue
                after_title = first > 0 and tokens[first - 1].text.rstrip(".") in self.words.titles
                if not after_title and (max_population(self.gazetteer.lookup(given.text)) >= GIVEN_NAME_TOWN_MIN_POPULATION
                                        or self.gazetteer.lookup(text[given.start:name.end])):
                    continue  # "Lagos Island": a town and its part (but "President Lenín Moreno" is a person)
                if self.gazetteer.lookup(name.text):
                    found.add(name.text)
        return found

    def _organisation_names(self, text: str, mentions: list[Mention]) -> set[str]:
        """Names the text writes before a lowercase organisation noun ("the ruling Morena party",
        "the Tavush diocese") or after one ("the rights group Justicia 11J"): one sense per text,
        an organisation, also where written alone."""
        return {m.text for m in mentions if m.kind == "toponym" and (
            self.words.organisation_nouns_after.match(text, m.end)
            or self.words.organisation_nouns_before.search(text, max(0, m.start - 20), m.start))}

    def _is_organisation_name(self, text: str, mention: Mention, organisations: set[str]) -> bool:
        if mention.kind != "toponym" or mention.text not in organisations:
            return False
        # by its own name, not an old one: "Turan" was Da Nang's, "the Turan news agency" is not
        if any(c.kind in (COUNTRY, CONTINENT) for c in mention.candidates) \
                or max_population(_by_own_name(mention)) >= LONGER_NAME_MIN_POPULATION:
            return False  # "the Kenya government", "the Lagos state government": the place itself
        words = self.words
        if words.organisation_nouns_after.match(text, mention.end) \
                or words.organisation_nouns_before.search(text, max(0, mention.start - 20), mention.start):
            return True
        # written alone elsewhere ("hand Morena control"): the organisation, unless cued as a place
        return not (has_locative_cue(text, mention.start) or has_named_container_after(text, mention.end))

    def _is_surname_alone(self, text: str, mention: Mention, surnames: set[str]) -> bool:
        """"Walker's family", after "Jayland Walker": the person, not a town, unless cued as a place."""
        if mention.kind != "toponym" or mention.text not in surnames:
            return False
        # A division only by its own name: "Kavala" is also another name of its region
        if any(c.kind in (COUNTRY, CONTINENT) or (c.kind == ADMIN1 and normalise_name(c.name) == normalise_name(mention.text))
               for c in mention.candidates) \
                or max_population(_by_own_name(mention)) >= KNOWN_TOWN_MIN_POPULATION:
            return False  # "Liverpool" stays the city wherever a "Jamie Liverpool" is named
        return not (has_locative_cue(text, mention.start) or has_named_container_after(text, mention.end))

    # -- runs of capitalised words ------------------------------------------------------------

    def _capitalised_runs(self, text: str, tokens: list[Token]) -> list[list[int]]:
        """Indexes of maximal sequences of capitalised tokens joined by spaces/connectors."""
        runs: list[list[int]] = []
        current: list[int] = []
        pending_connectors: list[int] = []
        for index, token in enumerate(tokens):
            joined = bool(current) and self._is_joined(text, tokens[index - 1], token)
            if token.is_capitalised and joined:
                current.extend(pending_connectors)
                current.append(index)
                pending_connectors = []
            elif token.is_capitalised:
                if current:
                    runs.append(current)
                current, pending_connectors = [index], []
            elif current and joined and token.text in _CONNECTORS and len(pending_connectors) < 2:
                pending_connectors.append(index)
            else:
                if current:
                    runs.append(current)
                current, pending_connectors = [], []
        if current:
            runs.append(current)
        return runs

    def _drop_organisation_name(self, tokens: list[Token], run: list[int]) -> list[int]:
        """The part of a run that can still be a place once an organisation name is removed:
        nothing, or the words after the last "of" behind the organisation's head word."""
        heads = self._organisation_heads(tokens, run)
        if not heads:
            return run
        ofs = [i for i, index in enumerate(run) if tokens[index].text == "of" and i > heads[0]]
        return run[ofs[-1] + 1:] if ofs else []

    def _organisation_heads(self, tokens: list[Token], run: list[int]) -> list[int]:
        """Positions in the run of words that end organisations' names ("Court", "Party")."""
        return [i for i, index in enumerate(run) if tokens[index].text in self.words.organisation_heads]

    def _names_a_place(self, text: str, tokens: list[Token], run: list[int]) -> bool:
        """"West Bank": the words up to an organisation's head word name a division or a large
        town in the gazetteer."""
        heads = self._organisation_heads(tokens, run)
        if not heads or heads[0] == 0:
            return False
        candidates = self.gazetteer.lookup(text[tokens[run[0]].start:tokens[run[heads[0]]].end])
        # a division or a large town, not a hamlet that shares an organisation's name ("Red Cross")
        return any(c.kind in (ADMIN1, COUNTRY) or c.population >= KNOWN_TOWN_MIN_POPULATION for c in candidates)

    def _name_part_mentions(self, text: str, tokens: list[Token], run: list[int]) -> list[Mention]:
        """Toponyms before an organisation's head word ("Accra" of "Accra Circuit Court"), as
        evidence only; none from a newspaper's name ("Washington Post")."""
        head = self._organisation_heads(tokens, run)[0]
        if any(tokens[index].text in self.words.media_heads for index in run):
            return []
        found = [m for m in self._mentions_in_run(text, tokens, run[:head]) if m.kind in ("toponym", "demonym")]
        for mention in found:
            mention.is_name_part = True
        return found

    def _is_joined(self, text: str, previous: Token, token: Token) -> bool:
        gap = text[previous.end:token.start]
        if previous.text in self.words.abbreviations and gap.startswith("."):
            gap = gap[1:]
        return gap in (" ", "-", "")

    # -- matching inside a run -------------------------------------------------------------------

    def _mentions_in_run(self, text: str, tokens: list[Token], run: list[int]) -> list[Mention]:
        mentions: list[Mention] = []
        position = 0
        while position < len(run):
            token = tokens[run[position]]
            if token.text.rstrip(".") in self.words.titles:
                position = self._skip_person_name(tokens, run, position + 1)
                continue
            if self._starts_person_name(tokens, run, position):
                position = self._skip_person_name(tokens, run, position)
                continue
            phrase_end = self._non_toponym_phrase_at(text, tokens, run, position)
            if phrase_end is not None:
                position = phrase_end  # "Latin America's economies": no "America" inside it
                continue
            landmark = self._landmark_at(text, tokens, run, position)
            if landmark is not None:
                mention, position = landmark
                mentions.append(mention)
                continue
            match = self._longest_match(text, tokens, run, position)
            if match is None:
                position += 1
                continue
            mention, next_position = match
            if self._is_plausible(text, tokens, run, position, next_position, mention):
                mentions.append(mention)
            position = next_position
        return mentions

    def _starts_person_name(self, tokens: list[Token], run: list[int], position: int) -> bool:
        """'Mark Smith', 'Jordan Peterson': a given name followed by another capitalised word."""
        if tokens[run[position]].text not in self.words.first_names or position + 1 >= len(run):
            return False
        following = tokens[run[position + 1]]
        if not following.is_capitalised:
            return False
        return following.text not in self.words.non_toponyms and following.text.rstrip(".") not in self.words.landmark_heads

    def _follows_name_particle(self, text: str, tokens: list[Token], index: int) -> bool:
        """A capitalised name, then one or two particles, then this word ("Tom van der Meer")."""
        particles = 0
        while index - particles - 1 >= 0 and tokens[index - particles - 1].text in _NAME_PARTICLES and particles < 2:
            particles += 1
        if particles == 0 or index - particles - 1 < 0:
            return False
        before = tokens[index - particles - 1]
        return before.is_capitalised and len(text[before.end:tokens[index].start].split()) == particles

    def _skip_person_name(self, tokens: list[Token], run: list[int], position: int) -> int:
        """Position after a person's name: the capitalised words up to a connector, and on
        past a surname particle ("Lula da Silva", "Ursula von der Leyen")."""
        while True:
            while position < len(run) and tokens[run[position]].is_capitalised:
                position += 1
            connectors = position
            while position < len(run) and not tokens[run[position]].is_capitalised:
                position += 1
            if position == connectors or position >= len(run) or not all(
                    tokens[run[i]].text in _NAME_PARTICLES for i in range(connectors, position)):
                return position

    def _span(self, text: str, tokens: list[Token], run: list[int], first: int, last: int) -> tuple[int, int]:
        start, end = tokens[run[first]].start, tokens[run[last]].end
        if tokens[run[last]].text in self.words.abbreviations and text[end:end + 1] == ".":
            end += 1
        return start, end

    def _landmark_at(self, text: str, tokens: list[Token], run: list[int], position: int):
        """The longest landmark phrase starting here: capitalised words ending in a head word,
        or a head word and its name after a particle ("Plaza de Cibeles", "Praça dos Três Poderes")."""
        name_end = self._head_first_landmark_end(text, tokens, run, position)
        if name_end is not None:
            start, end = self._span(text, tokens, run, position, name_end - 1)
            return Mention(start, end, text[start:end], "landmark", is_head_first=True), name_end
        head_end = None
        for last in range(len(run) - 1, position, -1):
            if tokens[run[last]].text.rstrip(".") in self.words.landmark_heads:
                head_end = last
                break
        start, end = self._span(text, tokens, run, position, head_end) if head_end is not None else (None, None)
        if head_end is not None and position == 0:
            # "Outside the Packer Avenue Marine Terminal": the name starts after the preposition
            first = self._first_name_word(text, tokens, run[:head_end + 1])
            if first is None or first >= head_end:
                return None
            start = tokens[run[first]].start
        if head_end is None:
            following = self._lowercase_head_after(text, tokens, run[-1])
            if following is None or position != 0 or all(tokens[i].text in _DETERMINERS for i in run):
                return None
            first = self._first_name_word(text, tokens, run)
            if first is None:
                return None
            start, end = tokens[run[first]].start, following.end
            head_end = len(run) - 1
        elif position == head_end:
            return None  # a bare head word ("Square") is no landmark
        surface = text[start:end]
        as_place = self.gazetteer.lookup(surface)
        if max_population(as_place) >= LANDMARK_TOWN_MIN_POPULATION:
            return None
        mention = Mention(start, end, surface, "landmark")
        return mention, head_end + 1

    def _head_first_landmark_end(self, text: str, tokens: list[Token], run: list[int], position: int) -> int | None:
        """Where a landmark that puts its head word first ends: a head word, a particle, then
        capitalised words and articles, up to another connector ("Puerta del Sol" of "Puerta
        del Sol on Sunday"). Spanish, Portuguese, French and Italian put the head first, and
        English does with "of" ("the Gate of Independence"); not an organisation ("University
        of Texas" names its state)."""
        if position + 2 >= len(run):
            return None
        head, particle = tokens[run[position]].text.rstrip("."), tokens[run[position + 1]].text
        if head not in self.words.landmark_heads or not (
                particle in _ROMANCE_PARTICLES or (particle == "of" and head not in self.words.organisation_heads)):
            return None
        end = position + 2
        while end < len(run) and (tokens[run[end]].is_capitalised or tokens[run[end]].text in _ARTICLES):
            end += 1
        if not tokens[run[end - 1]].is_capitalised:
            return None
        # "Port of Spain City Corporation": a town's own name, not a landmark
        start = tokens[run[position]].start
        if any(max_population(self.gazetteer.lookup(text[start:tokens[run[last]].end])) >= LANDMARK_TOWN_MIN_POPULATION
               for last in range(position + 2, end)):
            return None
        return end

    def _first_name_word(self, text: str, tokens: list[Token], run: list[int]) -> int | None:
        """Where a name before a lowercase head begins: past a function word and an everyday
        noun capitalised only because they open a sentence ("In the Jerash camp", "Residents
        of Baqaa camp"; not "the Source of the Nile bridge")."""
        if not is_sentence_initial(text, tokens[run[0]].start):
            return 0
        first = 0
        while first < len(run):
            word = tokens[run[first]].text
            next_word = tokens[run[first + 1]].text if first + 1 < len(run) else None
            if word.lower() in _FUNCTION_WORDS or word in _CONNECTORS:
                first += 1
            elif word.lower() in self.words.common_words and next_word in _CONNECTORS:
                first += 2
            else:
                break
        return first if first < len(run) and tokens[run[first]].text not in _CONNECTORS else None

    def _lowercase_head_after(self, text: str, tokens: list[Token], last_index: int) -> Token | None:
        for offset in range(1, _MAX_LOWERCASE_MODIFIERS + 2):
            if last_index + offset >= len(tokens):
                return None
            following = tokens[last_index + offset]
            if text[tokens[last_index + offset - 1].end:following.start] != " " or not following.text.islower() \
                    or following.text in _FUNCTION_WORDS:
                return None  # "Outside the airport": no name before a head
            if following.text in _LOWERCASE_HEADS:
                return following
        return None

    def _non_toponym_phrase_at(self, text: str, tokens: list[Token], run: list[int], position: int) -> int | None:
        for last in range(min(len(run), position + MAX_NAME_TOKENS) - 1, position, -1):
            start, end = self._span(text, tokens, run, position, last)
            if text[start:end] in self.words.non_toponyms:
                return last + 1
        return None

    def _longest_match(self, text: str, tokens: list[Token], run: list[int], position: int):
        for last in range(min(len(run), position + MAX_NAME_TOKENS) - 1, position - 1, -1):
            if not tokens[run[last]].is_capitalised:
                continue
            start, end = self._span(text, tokens, run, position, last)
            surface = text[start:end]
            candidates = self.gazetteer.lookup(surface)
            if candidates:
                return Mention(start, end, surface, "toponym", candidates), last + 1
            country = self.gazetteer.demonym_country(surface)
            if country is not None:
                return Mention(start, end, surface, "demonym", demonym_country=country), last + 1
        return None

    def _ends_longer_name(self, text: str, tokens: list[Token], index: int) -> bool:
        """True when a capitalised word other than a place prefix ("Northern") stands right before."""
        if index == 0:
            return False
        previous = tokens[index - 1]
        return (_side_by_side_capitalised(text, previous, tokens[index]) and not is_sentence_initial(text, previous.start)
                and previous.text not in self.words.place_prefixes)

    def _is_plausible(self, text: str, tokens: list[Token], run: list[int], first: int, after: int,
                      mention: Mention) -> bool:
        """Reject single capitalised words that are more likely ordinary words or names (an
        everyday word without a cue of place is flagged, and judged with the whole text)."""
        if mention.kind == "demonym":
            return True
        if self._follows_name_particle(text, tokens, run[first]):
            return False  # "Tom van der Meer": a surname, not Boxmeer
        if run[first] > 0 and tokens[run[first] - 1].text in NATURAL_FEATURE_WORDS \
                and _side_by_side_capitalised(text, tokens[run[first] - 1], tokens[run[first]]):
            return False  # "Lake Victoria", "Mount Kenya": a lake or a mountain, not the town of that name
        strong = any(c.kind in (ADMIN1, COUNTRY, CONTINENT) for c in mention.candidates)
        following = tokens[run[after - 1] + 1] if run[after - 1] + 1 < len(tokens) else None
        if following is not None and following.text in self.words.weapon_heads and \
                text[tokens[run[after - 1]].end:following.start] == " ":
            return False  # "Grad rockets": the weapon, not the Slovenian town
        if STREET_PAIR_AFTER.match(text, mention.end) or (
                STREETS_AFTER.match(text, mention.end) and STREET_PAIR_BEFORE.search(text, max(0, mention.start - 40),
                                                                                     mention.start)):
            return False  # "the corner of Wellington and Metcalfe streets", "Juncal and Uruguay streets"
        if after - first == 1 and SURNAME_PARTICLE_AFTER.match(text, mention.end) and run[first] > 0 \
                and _side_by_side_capitalised(text, tokens[run[first] - 1], tokens[run[first]]):
            return False  # "Ilse Van de Keere": a surname's first part (not "the Gare de Lyon")
        if after - first > 1:
            # "White House": Casablanca's name translated, and never the city in English news
            return mention.text not in self.words.non_toponyms
        word = tokens[run[first]].text
        if word in self.words.numbered_heads and NUMBER_AFTER.match(text, mention.end):
            return False  # "at Junction 10 near Wisley": a numbered road junction, not Junction, Texas
        if word in COMPASS_WORDS and following is not None and _side_by_side_capitalised(text, tokens[run[first]], following):
            return False  # "Southeast Sulawesi", "Northeast Nigeria": a direction before a name ("the Southwest" is one)
        if word in self.words.place_prefixes and not is_bracketed(text, mention.start):
            return False  # "the West African country": a direction, a division only as "Colombo (Western)"
        if word in self.words.non_toponyms and not strong:
            return False
        if word.isupper() and len(word) <= 3 and not strong:
            return False  # acronyms ("AP", "UN") that happen to be town names
        if len(word) <= 2 and not word.isupper() and not (word in self.words.abbreviations and mention.text.endswith(".")):
            return False  # "Rs 2.5 million", "La Modelo": never a town's name in news ("Va." is a state)
        population = max_population(mention.candidates)
        if is_sentence_initial(text, mention.start) and not strong and population < SENTENCE_INITIAL_MIN_POPULATION:
            return False
        if (after < len(run) and not strong and population < LONGER_NAME_MIN_POPULATION
                and _side_by_side_capitalised(text, tokens[run[after - 1]], tokens[run[after]])
                and tokens[run[after]].text not in self.words.place_heads):
            return False  # the first word of a longer name we do not know ("Bani Hushaysh", "Al Shabaab")
        if not strong and population < LONGER_NAME_MIN_POPULATION and self._ends_longer_name(text, tokens, run[first]):
            return False  # the last word of one ("Puerto Resistencia", "John Kerry")
        if word.lower() in self.words.common_words and not strong:
            # "the Ministry of Economy", "Freedom Square": an everyday word is a town only
            # where the text puts something in it ("in Reading", "Mobile, Alabama") or lists
            # it among names ("the towns of Sokode, Bafilo and Mango")
            mention.is_uncued_common_word = not (
                has_locative_cue(text, mention.start, strict=True) or has_named_container_after(text, mention.end)
                or NAME_LIST_BEFORE.search(text, max(0, mention.start - 40), mention.start) is not None)
            return True
        if strong or population >= UNCUED_MIN_POPULATION:
            return True
        return has_locative_cue(text, mention.start) or has_container_after(text, mention.end)


def _by_own_name(mention: Mention) -> list[Candidate]:
    """The candidates whose name is the mention's or a spelling of it ("Oromia", "Oromiya"),
    not another name altogether ("Zamora" is also one of Castile and León's)."""
    return spelled_as(mention.text, mention.candidates)


def spelled_as(written: str, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates whose name is ``written`` or a spelling of it ("Al Amadiya" for Al
    ‘Amādīyah, but not "Bui" for Bowie)."""
    written = normalise_name(written)
    return [c for c in candidates
            if difflib.SequenceMatcher(None, normalise_name(c.name), written).ratio() >= SAME_NAME_MIN_SIMILARITY]


def _side_by_side_capitalised(text: str, first: Token, second: Token) -> bool:
    """Two capitalised words with a single space between them."""
    return first.is_capitalised and second.is_capitalised and text[first.end:second.start] == " "


def is_sentence_initial(text: str, start: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, start - 3):start])) or start == 0


def has_locative_cue(text: str, start: int, *, strict: bool = False) -> bool:
    """A preposition or modifier of place right before ``start``; ``strict`` leaves out
    those that also join names and nouns ("Ministry of Economy", "the road to Freedom")."""
    before = text[max(0, start - 14):start].split()
    cues = _STRICT_LOCATIVE_CUES if strict else _LOCATIVE_CUES
    return bool(before) and before[-1].lower() in cues


def is_bracketed(text: str, start: int) -> bool:
    """Right after "(" or ", " as in "Colombo (Western)", "Bamenda, North-West"."""
    return text[max(0, start - 1):start] == "(" or text[max(0, start - 2):start] == ", "


def has_container_after(text: str, end: int) -> bool:
    return text[end:end + 2] in (", ", " (")


def has_named_container_after(text: str, end: int) -> bool:
    """A container that is a name: "Mobile, Alabama", not "Economy, and windows"."""
    return has_container_after(text, end) and text[end + 2:end + 3].isupper()


def names_its_division(gap: str) -> bool:
    """Whether the text between a place and its container spells the division out: a bracket
    ("Kani (Sagaing)") or "in the province of" ("Inata, in the northern province of Soum")."""
    return "(" in gap or _CONTAINER_GAP_DIVISION.match(gap) is not None


def link_containers(text: str, mentions: list[Mention]) -> None:
    """Mark 'X, Y' and 'X (Y, Z)' chains: Y (and Z) contain X."""
    for index, mention in enumerate(mentions):
        mention.containers = []  # indexes are positions in this list: relink from scratch
        chain = index + 1
        while chain < len(mentions) and not mentions[chain].is_name_part:  # an organisation's town contains nothing
            previous = mentions[chain - 1]
            gap = text[previous.end:mentions[chain].start]
            if chain == index + 1 and not (_CONTAINER_GAP.match(gap) or _CONTAINER_GAP_PAST_UNKNOWN.match(gap)
                                           or _CONTAINER_GAP_DIVISION.match(gap)):
                break
            if chain > index + 1 and gap.strip() not in (",", "(", ", ("):
                break
            mention.containers.append(chain)
            chain += 1


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))
